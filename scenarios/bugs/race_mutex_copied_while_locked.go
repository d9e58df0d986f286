// expect: race
// expect: outcomes "false\n" "true\n"
//
// A value receiver copies t.mu while a goroutine locks it: the copy is a
// plain read of the Mutex's state, Lock an atomic write of it, so they
// race (go run -race: "Write ... CompareAndSwapInt32 / Previous read by
// main goroutine", four runs of four), and the copy sees the Mutex
// locked or not depending on the order.
package main

import (
	"fmt"
	"sync"
)

type T struct {
	mu sync.Mutex
	n  int
}

func (t T) busy() bool { // value receiver copies t.mu
	if t.mu.TryLock() {
		return false
	}
	return true
}

func main() {
	var t T
	done := make(chan bool)
	go func() {
		t.mu.Lock()
		t.mu.Unlock()
		done <- true
	}()
	fmt.Println(t.busy())
	<-done
}

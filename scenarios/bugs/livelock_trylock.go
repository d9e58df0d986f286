// expect: livelock
// weft: --strategy random --max-executions 5 --livelock-window 2000
// weft: --max-steps 50000
//
// Two workers each need both locks. Each takes its own, then politely
// retries TryLock on the other's without ever letting its own go: once
// both hold one, both retry forever (busy, never blocked: no deadlock is
// reported, and no work is done).
package main

import (
	"fmt"
	"sync"
)

func worker(name string, mine, other *sync.Mutex, wg *sync.WaitGroup) {
	defer wg.Done()
	mine.Lock()
	for !other.TryLock() {
	}
	fmt.Println(name, "has both")
	other.Unlock()
	mine.Unlock()
}

func main() {
	var a, b sync.Mutex
	var wg sync.WaitGroup
	wg.Add(2)
	go worker("left", &a, &b, &wg)
	go worker("right", &b, &a, &wg)
	wg.Wait()
}

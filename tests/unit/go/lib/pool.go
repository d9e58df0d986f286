// sync.Pool (Go's order on one P: the first Put first, then LIFO; New
// when empty) and runtime.NumGoroutine while three
// goroutines wait and after they have finished.
package main

import (
	"fmt"
	"runtime"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	pool := sync.Pool{New: func() any { return "new" }}
	fmt.Println(pool.Get())
	pool.Put("a")
	pool.Put("b")
	fmt.Println(pool.Get(), pool.Get(), pool.Get())
	pool.Put("x")
	pool.Put("y")
	pool.Put("z")
	fmt.Println(pool.Get(), pool.Get(), pool.Get(), pool.Get())
	var empty sync.Pool
	fmt.Println(empty.Get())

	stop := make(chan struct{})
	for i := 0; i < 3; i++ {
		wg.Go(func() { <-stop })
	}
	fmt.Println(runtime.NumGoroutine())
	close(stop)
	wg.Wait()
	fmt.Println(runtime.NumGoroutine())
}

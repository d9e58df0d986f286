// expect: ok
//
// sync/atomic's typed values (Go 1.19): an atomic.Bool stop flag, an
// atomic.Int64 counter and an atomic.Pointer to an immutable config that
// a reloader swaps whole.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type config struct{ limit int64 }

func main() {
	var stopped atomic.Bool
	var served atomic.Int64
	var cfg atomic.Pointer[config]
	cfg.Store(&config{limit: 10})
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3 && !stopped.Load(); i++ {
				if served.Add(1) > cfg.Load().limit {
					stopped.Store(true)
				}
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		cfg.Store(&config{limit: 4})
	}()
	wg.Wait()
	fmt.Println(served.Load() <= 6)
}

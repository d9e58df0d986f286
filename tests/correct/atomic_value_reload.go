// expect: ok outcomes "final version 3\n"
//
// Hot configuration reload: readers Load an immutable *Config from an
// atomic.Value; the reloader builds a new one and Stores it.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

type Config struct {
	Version int
	Limits  map[string]int
}

var current atomic.Value


func main() {
	current.Store(&Config{Version: 1, Limits: map[string]int{"rps": 10}})
	var wg sync.WaitGroup
	seen := make([]int, 3)
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(r int) {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				cfg := current.Load().(*Config)
				if cfg.Limits["rps"] != cfg.Version*10 {
					panic("torn config")
				}
				if cfg.Version > seen[r] {
					seen[r] = cfg.Version
				}
				time.Sleep(time.Millisecond)
			}
		}(r)
	}
	for v := 2; v <= 3; v++ {
		next := &Config{Version: v, Limits: map[string]int{"rps": v * 10}}
		current.Store(next)
	}
	wg.Wait()
	fmt.Println("final version", current.Load().(*Config).Version)
}

// expect: outcomes "config loaded once: 1\n"
// weft: --max-executions 3000
//
// Lazy initialisation with sync.Once: every caller sees the initialised
// value, and the initialiser runs once.
package main

import (
	"fmt"
	"sync"
)

type config struct{ port int }

var (
	once  sync.Once
	cfg   *config
	loads int
)

func get() *config {
	once.Do(func() {
		loads++
		cfg = &config{port: 8080}
	})
	return cfg
}

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if get().port != 8080 {
				panic("not initialised")
			}
		}()
	}
	wg.Wait()
	fmt.Println("config loaded once:", loads)
}

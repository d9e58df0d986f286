// expect: ok
//
// A goroutine takes the address of a field of a captured struct variable
// (&cfg.Name) while main assigns the variable: taking an address reads
// nothing, so there is no race (go run -race agrees). weft used to count
// &cfg.Name as a read of cfg (a false race on cfg).
package main

import (
	"fmt"
	"sync"
)

type config struct {
	Name string
	Port int
}

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	cfg := config{"a", 1}
	wg.Add(1)
	go func() {
		defer wg.Done()
		p := &cfg.Port
		mu.Lock()
		*p += 1
		mu.Unlock()
	}()
	mu.Lock()
	cfg = config{"b", cfg.Port}
	mu.Unlock()
	wg.Wait()
	fmt.Println(cfg.Name, cfg.Port)
}

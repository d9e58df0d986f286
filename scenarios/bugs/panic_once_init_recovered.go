// expect: panic
//
// A lazily built lookup table: the first caller's builder panics on a
// bad entry and the panic is recovered by the caller's handler, but
// sync.Once counts the call as done, so every later caller finds the
// table nil and writes to a nil map (a panic nothing recovers).
// (outside round 4: a bug written as engineers write it; go run -race
// panics "assignment to entry in nil map".)
package main

import (
	"fmt"
	"strings"
	"sync"
)

var (
	once  sync.Once
	table map[string]int
)

func build(spec string) {
	m := map[string]int{}
	for i, f := range strings.Split(spec, ",") {
		if f == "" {
			panic(fmt.Sprintf("empty field %d", i))
		}
		m[f] = i
	}
	table = m
}

var mu sync.Mutex

func load(spec string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("load: %v", r)
		}
	}()
	once.Do(func() { build(spec) })
	return nil
}

func register(spec, name string) error {
	if err := load(spec); err != nil {
		return err
	}
	mu.Lock()
	defer mu.Unlock()
	table[name] = len(table)
	return nil
}

func main() {
	var wg sync.WaitGroup
	for _, name := range []string{"x", "y"} {
		wg.Add(1)
		go func(name string) {
			defer wg.Done()
			if err := register("a,,c", name); err != nil {
				fmt.Println(err)
			}
		}(name)
	}
	wg.Wait()
}

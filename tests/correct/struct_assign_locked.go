// expect: outcomes "true\ntrue\ntrue\n"
//
// The locked version of scenarios/bugs/race_struct_assign_vs_field_pointer.go:
// the whole-struct assignments and the reads through field pointers are
// under one mutex, so nothing races. go run -race: clean, four runs of four.
package main

import (
	"fmt"
	"sync"
)

type config struct {
	Name  string
	Limit int
}

var (
	mu     sync.Mutex
	global = config{Name: "z"}
)

func show(name *string) {
	mu.Lock()
	defer mu.Unlock()
	fmt.Println(len(*name) > 0)
}

func main() {
	var wg sync.WaitGroup
	cfg := config{Name: "a", Limit: 1}
	all := []config{{Name: "x"}, {Name: "y"}}
	wg.Add(3)
	go func() {
		defer wg.Done()
		show(&cfg.Name)
	}()
	go func() {
		defer wg.Done()
		show(&global.Name)
	}()
	go func() {
		defer wg.Done()
		show(&all[1].Name)
	}()
	mu.Lock()
	cfg = config{Name: "b", Limit: 2}
	global = config{Name: "c", Limit: 3}
	all[1] = config{Name: "d", Limit: 4}
	mu.Unlock()
	wg.Wait()
}

// expect: race
//
// A goroutine reads a field through a pointer (&cfg.Name, as GoKer's
// cockroach#35501 reads &c.Name of a range variable) while main assigns
// the whole struct: the assignment writes every field, so it races with
// the read. Before, a whole-struct store into a captured variable, a
// global or a field wrote only the variable's slot and the race was
// missed (and the search never reversed the two). go run -race: DATA
// RACE, four runs of four.
package main

import (
	"fmt"
	"sync"
)

type config struct {
	Name  string
	Limit int
}

var global = config{Name: "z"}

func show(name *string) { fmt.Println(len(*name) > 0) }

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
	cfg = config{Name: "b", Limit: 2}
	global = config{Name: "c", Limit: 3}
	all[1] = config{Name: "d", Limit: 4}
	wg.Wait()
}

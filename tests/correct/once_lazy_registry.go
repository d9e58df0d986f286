// expect: ok outcomes "[2 0 -1]\n"
//
// A registry loaded lazily with sync.Once by whichever goroutine looks
// up first; the others see the loaded map (Once.Do orders them after).
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

type registry struct {
	once  sync.Once
	names map[string]int
}

func (r *registry) load() {
	r.names = make(map[string]int)
	for i, n := range strings.Fields("alpha beta gamma") {
		r.names[n] = i
	}
}

func (r *registry) lookup(name string) (int, bool) {
	r.once.Do(r.load)
	v, ok := r.names[name]
	return v, ok
}

func main() {
	var reg registry
	var wg sync.WaitGroup
	res := make([]int, 3)
	for i, name := range []string{"gamma", "alpha", "delta"} {
		wg.Add(1)
		go func(i int, name string) {
			defer wg.Done()
			v, ok := reg.lookup(name)
			if !ok {
				v = -1
			}
			res[i] = v
		}(i, name)
	}
	wg.Wait()
	fmt.Println(res)
}

// expect: ok outcomes "1 3\n[0 1 2]\n3 3 3 \n10 20\n"
// weft: --go 1.19
//
// Method values bind their receiver when evaluated; a value receiver gets
// a copy. With Go 1.19's loop variables, the goroutines are given the
// values as arguments and the deferred prints see the last one.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Counter struct{ n int }

func (c Counter) Get() int { return c.n }
func (c *Counter) Inc()    { c.n++ }

func main() {
	c := Counter{n: 1}
	get := c.Get // binds a copy of c (n=1)
	inc := c.Inc // binds &c
	inc()
	inc()
	fmt.Println(get(), c.Get())

	var wg sync.WaitGroup
	var mu sync.Mutex
	var seen []int
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(v int) {
			defer wg.Done()
			mu.Lock()
			seen = append(seen, v)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	sort.Ints(seen)
	fmt.Println(seen)

	func() {
		for i := 0; i < 3; i++ {
			defer func() { fmt.Print(i, " ") }()
		}
	}()
	fmt.Println()
	cs := []Counter{{10}, {20}}
	var fs []func() int
	for _, x := range cs {
		fs = append(fs, x.Get) // x evaluated now: 10, then 20
	}
	fmt.Println(fs[0](), fs[1]())
}

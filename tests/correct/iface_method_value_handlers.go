// expect: ok
//
// Handlers are registered as interface values; the dispatcher takes the
// method value h.Handle from each interface value and runs it in its own
// goroutine. A pointer receiver behind the interface shares its state
// (guarded by its mutex); a value receiver was copied into the interface
// when it was registered, so each goroutine reads its own frozen copy.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

type Handler interface {
	Handle(req string) string
}

type counter struct {
	mu   sync.Mutex
	hits map[string]int
}

func (c *counter) Handle(req string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.hits[req]++
	return fmt.Sprintf("count(%s)=%d", req, c.hits[req])
}

type prefixer struct{ prefix string }

func (p prefixer) Handle(req string) string { return p.prefix + strings.ToUpper(req) }

type HandlerFunc func(string) string

func (f HandlerFunc) Handle(req string) string { return f(req) }

func dispatch(hs []Handler, reqs []string) []string {
	out := make([]string, len(hs)*len(reqs))
	var wg sync.WaitGroup
	for i, h := range hs {
		handle := h.Handle // method value: binds the interface's dynamic value now
		for j, r := range reqs {
			wg.Add(1)
			go func(slot int, r string) {
				defer wg.Done()
				out[slot] = handle(r)
			}(i*len(reqs)+j, r)
		}
	}
	wg.Wait()
	return out
}

func main() {
	c := &counter{hits: map[string]int{}}
	p := prefixer{prefix: "v1:"}
	var hs []Handler
	hs = append(hs, c, p, HandlerFunc(strings.TrimSpace))
	p.prefix = "v2:" // too late: the interface holds a copy
	out := dispatch(hs, []string{"a", " b "})
	fmt.Println(out[2:])
	fmt.Println(c.hits["a"], c.hits[" b "])
}

// expect: race
//
// sync.Map makes Load and Store safe, not the values it holds: sessions
// are *Session pointers and each request bumps the session's hit count
// and last path through the pointer without any lock.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Session struct {
	User string
	Hits int
	Last string
}

var sessions sync.Map

func handle(id, path string) {
	v, _ := sessions.LoadOrStore(id, &Session{User: id})
	s := v.(*Session)
	s.Hits++
	s.Last = path
}

func main() {
	var wg sync.WaitGroup
	for _, p := range []string{"/home", "/cart"} {
		wg.Add(1)
		go func(p string) {
			defer wg.Done()
			handle("alice", p)
		}(p)
	}
	wg.Wait()
	v, _ := sessions.Load("alice")
	fmt.Println(v.(*Session).Hits <= 2)
}

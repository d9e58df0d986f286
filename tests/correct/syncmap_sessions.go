// expect: ok outcomes "[ann:2 bob:1]\ncy present: false\n"
//
// Sessions in a sync.Map: LoadOrStore from several goroutines, hits
// counted under a mutex, Delete, Range and Load.
// (issue 15: a correct program from outside the suite; the output is
// what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type session struct {
	user string
	hits int
}

func main() {
	var sessions sync.Map
	var wg sync.WaitGroup
	users := []string{"ann", "bob", "ann", "cy"}
	var mu sync.Mutex
	for _, u := range users {
		wg.Add(1)
		go func(u string) {
			defer wg.Done()
			v, _ := sessions.LoadOrStore(u, &session{user: u})
			s := v.(*session)
			mu.Lock()
			s.hits++
			mu.Unlock()
		}(u)
	}
	wg.Wait()
	sessions.Delete("cy")
	var lines []string
	sessions.Range(func(k, v any) bool {
		lines = append(lines, fmt.Sprintf("%s:%d", k.(string), v.(*session).hits))
		return true
	})
	sort.Strings(lines)
	fmt.Println(lines)
	_, ok := sessions.Load("cy")
	fmt.Println("cy present:", ok)
}

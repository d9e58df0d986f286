// expect: ok outcomes "ann [cy]\n"
//
// Expiring sessions in a sync.Map: a sweeper deletes inside Range while
// handlers LoadAndDelete on logout.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type session struct {
	user    string
	expired bool
}

func main() {
	var m sync.Map
	for i, u := range []string{"ann", "bob", "cy", "di"} {
		m.Store(i, &session{user: u, expired: i%2 == 1})
	}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		m.Range(func(k, v any) bool {
			if v.(*session).expired {
				m.Delete(k)
			}
			return true
		})
	}()
	var loggedOut string
	go func() {
		defer wg.Done()
		if v, ok := m.LoadAndDelete(0); ok {
			loggedOut = v.(*session).user
		}
	}()
	wg.Wait()
	var users []string
	m.Range(func(_, v any) bool {
		users = append(users, v.(*session).user)
		return true
	})
	sort.Strings(users)
	fmt.Println(loggedOut, users)
}

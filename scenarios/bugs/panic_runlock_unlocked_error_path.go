// expect: panic
//
// An error path releases a read lock it never took. Go stops the program
// with "fatal error: sync: RUnlock of unlocked RWMutex", which no recover
// catches.
// (issue 15, outside round: a bug written as engineers write it; go run:
// "fatal error: sync: RUnlock of unlocked RWMutex" in 12 of 12 runs, at the
// deferred RUnlock when the other reader held it.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type store struct {
	mu   sync.RWMutex
	data map[string]string
}

func (s *store) get(k string) (v string, err error) {
	if k == "" {
		err = errors.New("empty key")
		s.mu.RUnlock() // wrong: not locked yet
		return
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.data[k], nil
}

func main() {
	s := &store{data: map[string]string{"a": "1"}}
	var wg sync.WaitGroup
	for _, k := range []string{"a", ""} {
		wg.Add(1)
		go func(k string) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("recovered", r)
				}
			}()
			v, err := s.get(k)
			fmt.Println(v, err)
		}(k)
	}
	wg.Wait()
}

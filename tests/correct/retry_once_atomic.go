// expect: ok outcomes "init ran 2 times\nprod prod prod\n"
//
// A once that can be retried: a mutex and an atomic done flag (the fast
// path), the first attempt fails with an error and a later caller runs it
// again; every caller ends with the same config.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

type lazy struct {
	mu   sync.Mutex
	done atomic.Bool
	val  string
	runs int
}

func (l *lazy) get(f func(n int) (string, error)) (string, error) {
	if l.done.Load() {
		return l.val, nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.done.Load() {
		return l.val, nil
	}
	l.runs++
	v, err := f(l.runs)
	if err != nil {
		return "", err
	}
	l.val = v
	l.done.Store(true)
	return v, nil
}

func main() {
	var l lazy
	load := func(n int) (string, error) {
		if n == 1 {
			return "", errors.New("unavailable")
		}
		return "prod", nil
	}
	got := make([]string, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for {
				v, err := l.get(load)
				if err == nil {
					got[i] = v
					return
				}
			}
		}(i)
	}
	wg.Wait()
	fmt.Printf("init ran %d times\n", l.runs)
	fmt.Println(got[0], got[1], got[2])
}

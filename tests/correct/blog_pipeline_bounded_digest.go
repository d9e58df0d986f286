// expect: ok
//
// The Go blog's "Pipelines and cancellation", bounded parallelism: a
// fixed number of digesters read paths from one channel and send results
// until done is closed; main closes done when it returns early (after the
// first error), and every stage selects on it, so nothing is left blocked.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

type result struct {
	path string
	sum  int
	err  error
}

func walk(done <-chan struct{}, files []string) (<-chan string, <-chan error) {
	paths := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(paths)
		errc <- func() error {
			for _, f := range files {
				select {
				case paths <- f:
				case <-done:
					return errors.New("walk canceled")
				}
			}
			return nil
		}()
	}()
	return paths, errc
}

func digester(done <-chan struct{}, paths <-chan string, c chan<- result) {
	for p := range paths {
		sum := 0
		for _, r := range p {
			sum += int(r)
		}
		var err error
		if p == "bad" {
			err = fmt.Errorf("read %s: %w", p, errors.New("permission denied"))
		}
		select {
		case c <- result{p, sum, err}:
		case <-done:
			return
		}
	}
}

func sumAll(files []string) (map[string]int, error) {
	done := make(chan struct{})
	defer close(done)
	paths, errc := walk(done, files)
	c := make(chan result)
	var wg sync.WaitGroup
	const numDigesters = 2
	wg.Add(numDigesters)
	for i := 0; i < numDigesters; i++ {
		go func() {
			digester(done, paths, c)
			wg.Done()
		}()
	}
	go func() {
		wg.Wait()
		close(c)
	}()
	m := make(map[string]int)
	for r := range c {
		if r.err != nil {
			return nil, r.err
		}
		m[r.path] = r.sum
	}
	if err := <-errc; err != nil {
		return nil, err
	}
	return m, nil
}

func main() {
	m, err := sumAll([]string{"a"})
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, m[k])
	}
	fmt.Println(err)
	_, err = sumAll([]string{"bad", "y"})
	fmt.Println(err)
}

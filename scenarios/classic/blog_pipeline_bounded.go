// expect: ok
//
// The Go blog, "Go Concurrency Patterns: Pipelines and cancellation"
// (2014), bounded.go: MD5 of every file with a fixed number of digesters.
// walkFiles emits paths and stops on done; numDigesters digesters read
// the paths and send results, and the results channel is closed once all
// of them end; MD5All closes done when it returns (here on the first
// error), so no goroutine is left blocked.
package main

import (
	"errors"
	"fmt"
	"sort"
	"sync"
)

var files = map[string]string{"a": "x", "b": "", "c": "zzz"}

type result struct {
	path string
	sum  int
	err  error
}

func walkFiles(done <-chan struct{}) (<-chan string, <-chan error) {
	paths := make(chan string)
	errc := make(chan error, 1)
	go func() {
		defer close(paths)
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		errc <- func() error {
			for _, name := range names {
				select {
				case paths <- name:
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
	for path := range paths {
		data := files[path]
		var err error
		if data == "" {
			err = fmt.Errorf("%s: empty", path)
		}
		select {
		case c <- result{path, len(data), err}:
		case <-done:
			return
		}
	}
}

func MD5All() (map[string]int, error) {
	done := make(chan struct{})
	defer close(done)

	paths, errc := walkFiles(done)
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
	_, err := MD5All()
	fmt.Println(err)
}

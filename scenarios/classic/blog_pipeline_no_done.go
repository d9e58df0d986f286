// expect: leak
//
// The Go blog's bounded MD5 pipeline without the done channel: MD5All
// returns on the first error and stops reading, so a digester blocked
// sending its result, the walker blocked sending a path, and the closer
// waiting for them are all left for ever (the blog's reason for done).
package main

import (
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

func walkFiles() <-chan string {
	paths := make(chan string)
	go func() {
		defer close(paths)
		names := make([]string, 0, len(files))
		for name := range files {
			names = append(names, name)
		}
		sort.Strings(names)
		for _, name := range names {
			paths <- name
		}
	}()
	return paths
}

func digester(paths <-chan string, c chan<- result) {
	for path := range paths {
		data := files[path]
		var err error
		if data == "" {
			err = fmt.Errorf("%s: empty", path)
		}
		c <- result{path, len(data), err}
	}
}

func MD5All() (map[string]int, error) {
	paths := walkFiles()
	c := make(chan result)
	var wg sync.WaitGroup
	const numDigesters = 2
	wg.Add(numDigesters)
	for i := 0; i < numDigesters; i++ {
		go func() {
			digester(paths, c)
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
			return nil, r.err // the bug: the senders are left blocked
		}
		m[r.path] = r.sum
	}
	return m, nil
}

func main() {
	_, err := MD5All()
	fmt.Println(err)
}

// expect: race
// weft: --max-executions 2000
//
// The Go Programming Language, 9.7 (memo1) from memory: a memoizing cache
// that is fine sequentially but is called here from several goroutines at
// once; Get reads and writes the map without a lock. go run -race reports
// a data race (and Go may die with "concurrent map writes").
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Func func(key string) (interface{}, error)

type result struct {
	value interface{}
	err   error
}

type Memo struct {
	f     Func
	cache map[string]result
}

func New(f Func) *Memo {
	return &Memo{f: f, cache: make(map[string]result)}
}

// Get is not concurrency-safe!
func (memo *Memo) Get(key string) (interface{}, error) {
	res, ok := memo.cache[key] // BUG: unsynchronized read
	if !ok {
		res.value, res.err = memo.f(key)
		memo.cache[key] = res // BUG: unsynchronized write
	}
	return res.value, res.err
}

func wordLen(key string) (interface{}, error) {
	if key == "" {
		return nil, fmt.Errorf("empty key")
	}
	return len(key), nil
}

func main() {
	m := New(wordLen)
	keys := []string{"alpha", "beta", "gamma", "alpha", "delta", "beta"}

	var wg sync.WaitGroup
	var mu sync.Mutex
	lengths := map[string]int{}
	for _, k := range keys {
		wg.Add(1)
		go func(key string) {
			defer wg.Done()
			v, err := m.Get(key)
			if err != nil {
				fmt.Println(err)
				return
			}
			mu.Lock()
			lengths[key] = v.(int)
			mu.Unlock()
		}(k)
	}
	wg.Wait()

	names := make([]string, 0, len(lengths))
	for k := range lengths {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		fmt.Println(k, lengths[k])
	}
}

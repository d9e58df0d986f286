// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 9.7 (memo5) from memory: a concurrent,
// non-blocking cache whose map is confined to a monitor goroutine. Each
// entry has a ready channel closed once its value is computed, so callers
// of the same key wait for one computation (duplicate suppression). Close
// ends the monitor. The fake "fetch" counts its calls: each URL is fetched
// exactly once however the callers interleave.
package main

import (
	"fmt"
	"sort"
	"sync"
	"sync/atomic"
)

type Func func(key string) (interface{}, error)

type result struct {
	value interface{}
	err   error
}

type entry struct {
	res   result
	ready chan struct{} // closed when res is ready
}

type request struct {
	key      string
	response chan<- result
}

type Memo struct{ requests chan request }

func New(f Func) *Memo {
	memo := &Memo{requests: make(chan request)}
	go memo.server(f)
	return memo
}

func (memo *Memo) Get(key string) (interface{}, error) {
	response := make(chan result)
	memo.requests <- request{key, response}
	res := <-response
	return res.value, res.err
}

func (memo *Memo) Close() { close(memo.requests) }

func (memo *Memo) server(f Func) {
	cache := make(map[string]*entry)
	for req := range memo.requests {
		e := cache[req.key]
		if e == nil {
			e = &entry{ready: make(chan struct{})}
			cache[req.key] = e
			go e.call(f, req.key)
		}
		go e.deliver(req.response)
	}
}

func (e *entry) call(f Func, key string) {
	e.res.value, e.res.err = f(key)
	close(e.ready)
}

func (e *entry) deliver(response chan<- result) {
	<-e.ready
	response <- e.res
}

var fetches int32

func fakeFetch(url string) (interface{}, error) {
	atomic.AddInt32(&fetches, 1)
	if url == "" {
		return nil, fmt.Errorf("empty url")
	}
	return len(url) * 10, nil
}

func main() {
	m := New(fakeFetch)
	urls := []string{"golang.org", "godoc.org", "golang.org", "play.golang.org", "godoc.org", ""}
	var mu sync.Mutex
	sizes := map[string]int{}
	var errs []string
	var wg sync.WaitGroup
	for _, u := range urls {
		wg.Add(1)
		go func(url string) {
			defer wg.Done()
			v, err := m.Get(url)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				errs = append(errs, err.Error())
				return
			}
			sizes[url] = v.(int)
		}(u)
	}
	wg.Wait()
	m.Close()

	keys := make([]string, 0, len(sizes))
	for k := range sizes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Printf("%s %d\n", k, sizes[k])
	}
	fmt.Println("errors:", errs)
	fmt.Println("fetches:", atomic.LoadInt32(&fetches))
}

// expect: race
// weft: --preemptions 1
//
// A work queue in the style of client-go's workqueue (a key re-added
// while being processed is queued again at Done). The worker counts
// what it saw under mu but, to decide whether to re-add "a", reads the
// map again after unlocking: the other worker's seen[item]++ races it.
// (outside round 4: written as a correct program, weft found the race;
// go run -race reports it in about 1 run of 30.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type Queue struct {
	cond         *sync.Cond
	queue        []string
	dirty        map[string]bool
	processing   map[string]bool
	shuttingDown bool
}

func New() *Queue {
	return &Queue{
		cond:       sync.NewCond(&sync.Mutex{}),
		dirty:      map[string]bool{},
		processing: map[string]bool{},
	}
}

func (q *Queue) Add(item string) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	if q.shuttingDown || q.dirty[item] {
		return
	}
	q.dirty[item] = true
	if q.processing[item] {
		return
	}
	q.queue = append(q.queue, item)
	q.cond.Signal()
}

func (q *Queue) Get() (string, bool) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	for len(q.queue) == 0 && !q.shuttingDown {
		q.cond.Wait()
	}
	if len(q.queue) == 0 {
		return "", true
	}
	item := q.queue[0]
	q.queue = q.queue[1:]
	q.processing[item] = true
	delete(q.dirty, item)
	return item, false
}

func (q *Queue) Done(item string) {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	delete(q.processing, item)
	if q.dirty[item] {
		q.queue = append(q.queue, item)
		q.cond.Signal()
	}
}

func (q *Queue) ShutDown() {
	q.cond.L.Lock()
	defer q.cond.L.Unlock()
	q.shuttingDown = true
	q.cond.Broadcast()
}

func main() {
	q := New()
	var mu sync.Mutex
	active := map[string]bool{}
	seen := map[string]int{}
	finished := make(chan string, 4)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				item, shutdown := q.Get()
				if shutdown {
					return
				}
				mu.Lock()
				if active[item] {
					panic("processed concurrently: " + item)
				}
				active[item] = true
				seen[item]++
				mu.Unlock()
				if item == "a" && seen["a"] == 1 {
					q.Add("a") // re-added while being processed
				}
				mu.Lock()
				active[item] = false
				mu.Unlock()
				q.Done(item)
				finished <- item
			}
		}()
	}
	q.Add("a")
	q.Add("b")
	// a is processed twice, b and c once.
	for i := 0; i < 3; i++ {
		<-finished
	}
	q.ShutDown()
	wg.Wait()
	keys := make([]string, 0, len(seen))
	for k := range seen {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Printf("processed %s, a twice: %v\n", strings.Join(keys, " "), seen["a"] == 2)
}

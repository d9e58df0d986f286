// expect: ok outcomes "once:true always:3\n"
//
// An event bus whose handlers may unsubscribe themselves while being
// called: Publish copies the handler list under the read lock and calls
// the handlers after releasing it, so a handler's Unsubscribe (which
// takes the write lock) does not wait on its own publisher. A publisher
// that copied the list before the Unsubscribe may still call it once.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Handler func(ev string)

type Bus struct {
	mu     sync.RWMutex
	nextID int
	subs   map[int]Handler
}

func NewBus() *Bus { return &Bus{subs: make(map[int]Handler)} }

func (b *Bus) Subscribe(h Handler) (unsubscribe func()) {
	b.mu.Lock()
	id := b.nextID
	b.nextID++
	b.subs[id] = h
	b.mu.Unlock()
	var once sync.Once
	return func() {
		once.Do(func() {
			b.mu.Lock()
			delete(b.subs, id)
			b.mu.Unlock()
		})
	}
}

func (b *Bus) Publish(ev string) {
	b.mu.RLock()
	hs := make([]Handler, 0, len(b.subs))
	for _, h := range b.subs {
		hs = append(hs, h)
	}
	b.mu.RUnlock()
	for _, h := range hs {
		h(ev)
	}
}

func main() {
	bus := NewBus()
	var once, always int32
	var unsub func()
	var ready sync.WaitGroup
	ready.Add(1)
	unsub = bus.Subscribe(func(string) {
		ready.Wait() // unsub is assigned before the first event
		atomic.AddInt32(&once, 1)
		unsub()
	})
	ready.Done()
	bus.Subscribe(func(string) { atomic.AddInt32(&always, 1) })

	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			bus.Publish(fmt.Sprint("ev", i))
		}(i)
	}
	wg.Wait()
	fmt.Printf("once:%v always:%d\n", atomic.LoadInt32(&once) >= 1, atomic.LoadInt32(&always))
}

// expect: deadlock
//
// An event bus calls its handlers while holding the read lock; a
// one-shot handler unsubscribes itself, which takes the write lock:
// Lock waits for the read lock its own goroutine holds.
// (outside round 4: a bug written as engineers write it; go run -race
// reports "all goroutines are asleep - deadlock!".)
package main

import (
	"fmt"
	"sync"
)

type Bus struct {
	mu   sync.RWMutex
	subs map[int]func(string)
	next int
}

func (b *Bus) Subscribe(f func(string)) int {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	b.subs[b.next] = f
	return b.next
}

func (b *Bus) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, id)
}

func (b *Bus) Publish(ev string) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, f := range b.subs {
		f(ev)
	}
}

func main() {
	bus := &Bus{subs: map[int]func(string){}}
	var id int
	id = bus.Subscribe(func(ev string) {
		fmt.Println("first event:", ev)
		bus.Unsubscribe(id)
	})
	done := make(chan struct{})
	go func() {
		bus.Publish("started")
		close(done)
	}()
	<-done
}

// expect: ok outcomes "true 2\n"
//
// A generic publish/subscribe broker: Publish sends to every subscriber
// under a read lock; Unsubscribe takes the write lock, removes the
// subscriber and only then closes its channel, so no publisher can send
// on a closed channel. Subscribers' channels are buffered for the
// messages of this program.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
)

type Broker[T any] struct {
	mu   sync.RWMutex
	subs map[int]chan T
	next int
}

func NewBroker[T any]() *Broker[T] {
	return &Broker[T]{subs: make(map[int]chan T)}
}

func (b *Broker[T]) Subscribe() (int, <-chan T) {
	b.mu.Lock()
	defer b.mu.Unlock()
	id := b.next
	b.next++
	ch := make(chan T, 4)
	b.subs[id] = ch
	return id, ch
}

func (b *Broker[T]) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[id]; ok {
		delete(b.subs, id)
		close(ch)
	}
}

func (b *Broker[T]) Publish(v T) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, ch := range b.subs {
		ch <- v
	}
}

type Event struct {
	Kind string
	N    int
}

func main() {
	b := NewBroker[Event]()
	id1, c1 := b.Subscribe()
	_, c2 := b.Subscribe()
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.Publish(Event{"created", 1})
		b.Publish(Event{"updated", 2})
	}()
	go func() {
		defer wg.Done()
		b.Unsubscribe(id1)
	}()
	wg.Wait()
	n1 := 0
	for range c1 {
		n1++
	}
	n2 := len(c2)
	fmt.Println(n1 <= 2, n2)
}

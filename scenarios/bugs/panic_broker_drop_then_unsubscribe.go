// expect: panic
//
// A broker drops a slow subscriber by closing its channel from Publish;
// the subscriber, unaware, unsubscribes later and Unsubscribe closes the
// channel again. The subscriber is looked up by a handle it kept, not in
// the map Publish removed it from: "close of closed channel".
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) panics with close of closed channel.)
package main

import (
	"fmt"
	"sync"
)

type Subscription struct {
	C  chan string
	id int
}

type Broker struct {
	mu   sync.Mutex
	subs map[int]*Subscription
	next int
}

func (b *Broker) Subscribe(buf int) *Subscription {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.next++
	s := &Subscription{C: make(chan string, buf), id: b.next}
	b.subs[s.id] = s
	return s
}

func (b *Broker) Publish(msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for id, s := range b.subs {
		select {
		case s.C <- msg:
		default: // too slow: drop it
			delete(b.subs, id)
			close(s.C)
		}
	}
}

func (b *Broker) Unsubscribe(s *Subscription) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.subs, s.id)
	close(s.C) // BUG: Publish may have closed it already
}

func main() {
	b := &Broker{subs: map[int]*Subscription{}}
	s := b.Subscribe(1)
	done := make(chan int)
	ready := make(chan struct{})
	go func() {
		<-ready // a slow consumer: busy elsewhere while messages arrive
		n := 0
		for range s.C {
			n++
		}
		done <- n
	}()
	for i := 0; i < 3; i++ {
		b.Publish(fmt.Sprint("m", i))
	}
	close(ready)
	n := <-done
	b.Unsubscribe(s)
	fmt.Println("received", n)
}

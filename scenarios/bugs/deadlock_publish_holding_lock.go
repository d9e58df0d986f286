// expect: deadlock
//
// A hub delivers under its lock on an unbuffered channel; the subscriber,
// before it reads again, calls Unsubscribe, which needs the same lock.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Hub struct {
	mu   sync.Mutex
	subs map[int]chan string
}

func (h *Hub) Publish(msg string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, ch := range h.subs {
		ch <- msg // BUG: blocks while holding h.mu
	}
}

func (h *Hub) Unsubscribe(id int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.subs, id)
}

func main() {
	h := &Hub{subs: map[int]chan string{1: make(chan string)}}
	ch := h.subs[1]
	done := make(chan struct{})
	go func() {
		defer close(done)
		fmt.Println(<-ch)
		h.Unsubscribe(1)
	}()
	h.Publish("first")
	h.Publish("second")
	<-done
}

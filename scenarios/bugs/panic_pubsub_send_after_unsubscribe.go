// expect: panic race
//
// Unsubscribe closes the subscriber's channel under the lock, but Publish
// copies the subscriber list and sends after unlocking: a send on a
// closed channel.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Broker struct {
	mu   sync.Mutex
	subs map[string]chan string
}

func (b *Broker) Publish(msg string) {
	b.mu.Lock()
	targets := make([]chan string, 0, len(b.subs))
	for _, ch := range b.subs {
		targets = append(targets, ch)
	}
	b.mu.Unlock()
	for _, ch := range targets {
		ch <- msg // BUG: the channel may have been closed since the copy
	}
}

func (b *Broker) Unsubscribe(name string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	close(b.subs[name])
	delete(b.subs, name)
}

func main() {
	b := &Broker{subs: map[string]chan string{"log": make(chan string, 8)}}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); b.Publish("hello") }()
	go func() { defer wg.Done(); b.Unsubscribe("log") }()
	wg.Wait()
	fmt.Println("done")
}

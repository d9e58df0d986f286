// expect: ok outcomes "sub2 got true sub1 got true\n"
//
// A broker: subscribers get a buffered channel; Publish fans out under a
// read lock without blocking (drops when a subscriber is slow);
// Unsubscribe removes and closes under the write lock, so no send can
// race the close.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type Broker struct {
	mu   sync.RWMutex
	subs map[int]chan string
	next int
}

func (b *Broker) Subscribe() (int, <-chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.subs == nil {
		b.subs = make(map[int]chan string)
	}
	id := b.next
	b.next++
	ch := make(chan string, 4)
	b.subs[id] = ch
	return id, ch
}

func (b *Broker) Unsubscribe(id int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[id]; ok {
		delete(b.subs, id)
		close(ch)
	}
}

func (b *Broker) Publish(msg string) (delivered int) {
	b.mu.RLock()
	defer b.mu.RUnlock()
	for _, ch := range b.subs {
		select {
		case ch <- msg:
			delivered++
		default:
		}
	}
	return delivered
}

func main() {
	var b Broker
	id1, c1 := b.Subscribe()
	_, c2 := b.Subscribe()
	var wg sync.WaitGroup
	counts := make([]int, 2)
	for i, c := range []<-chan string{c1, c2} {
		wg.Add(1)
		go func(i int, c <-chan string) {
			defer wg.Done()
			for range c {
				counts[i]++
			}
		}(i, c)
	}
	var pw sync.WaitGroup
	pw.Add(1)
	go func() {
		defer pw.Done()
		for i := 0; i < 3; i++ {
			b.Publish(fmt.Sprint("tick ", i))
		}
	}()
	b.Unsubscribe(id1)
	pw.Wait()
	b.mu.Lock()
	for id := range b.subs {
		close(b.subs[id])
		delete(b.subs, id)
	}
	b.mu.Unlock()
	wg.Wait()
	fmt.Println("sub2 got", counts[1] <= 3, "sub1 got", counts[0] <= 3)
}

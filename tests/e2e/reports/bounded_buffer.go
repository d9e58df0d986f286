package main

import (
	"fmt"
	"sync"
)

type buffer struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	items    []int
	cap      int
}

func newBuffer(n int) *buffer {
	b := &buffer{cap: n}
	b.notFull = sync.NewCond(&b.mu)
	b.notEmpty = sync.NewCond(&b.mu)
	return b
}

func (b *buffer) put(x int) {
	b.mu.Lock()
	for len(b.items) == b.cap {
		b.notFull.Wait()
	}
	b.items = append(b.items, x)
	b.notEmpty.Signal()
	b.mu.Unlock()
}

func (b *buffer) get() int {
	b.mu.Lock()
	for len(b.items) == 0 {
		b.notEmpty.Wait()
	}
	x := b.items[0]
	b.items = b.items[1:]
	b.mu.Unlock()
	return x
}

func main() {
	b := newBuffer(1)
	done := make(chan bool)
	go func() {
		for i := 0; i < 3; i++ {
			b.put(i)
		}
		done <- true
	}()
	for i := 0; i < 2; i++ {
		fmt.Println(b.get())
	}
	<-done
}

// expect: race
//
// Pike, "Advanced Go Concurrency Patterns" (2013): the naive subscription
// loop. Close sets s.closed and returns while loop, back from its sleep,
// reads s.closed from its own goroutine, unsynchronised: a data race (the
// talk's bug 1, which `go run -race` reports). Close does not wait for
// the loop either (bug 2): main returns while loop still sleeps.
package main

import (
	"fmt"
	"time"
)

type Item struct{ Title string }

type Fetcher interface {
	Fetch() (items []Item, next time.Time, err error)
}

type fakeFetcher struct{ n int }

func (f *fakeFetcher) Fetch() ([]Item, time.Time, error) {
	f.n++
	return []Item{{fmt.Sprint("item ", f.n)}}, time.Now().Add(10 * time.Millisecond), nil
}

type sub struct {
	fetcher Fetcher
	updates chan Item
	closed  bool
	err     error
}

func (s *sub) Updates() <-chan Item { return s.updates }

func (s *sub) Close() error {
	s.closed = true // bug 1: unsynchronised with loop
	return s.err
}

func (s *sub) loop() {
	for {
		if s.closed {
			close(s.updates)
			return
		}
		items, next, err := s.fetcher.Fetch()
		if err != nil {
			s.err = err
			time.Sleep(10 * time.Second)
			continue
		}
		for _, item := range items {
			s.updates <- item // bug 3: may block for ever
		}
		if now := time.Now(); next.After(now) {
			time.Sleep(next.Sub(now)) // bug 2: Close waits for it
		}
	}
}

func Subscribe(fetcher Fetcher) *sub {
	s := &sub{fetcher: fetcher, updates: make(chan Item)}
	go s.loop()
	return s
}

func main() {
	s := Subscribe(&fakeFetcher{})
	fmt.Println((<-s.Updates()).Title)
	s.Close()
}

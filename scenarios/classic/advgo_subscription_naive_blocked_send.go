// expect: leak
//
// Pike, "Advanced Go Concurrency Patterns" (2013): the naive subscription
// loop, bug 3. A fetch returns two items; the consumer reads one and
// calls Close, which only sets s.closed: loop is blocked sending the
// second item, never reads the flag again, and is left blocked for ever
// (a leak; no race on s.closed here, since the loop's only read came
// before the send main received).
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
	return []Item{{fmt.Sprint("item ", f.n, "a")}, {fmt.Sprint("item ", f.n, "b")}}, time.Now().Add(10 * time.Millisecond), nil
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

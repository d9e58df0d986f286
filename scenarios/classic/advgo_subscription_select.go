// expect: ok
//
// Pike, "Advanced Go Concurrency Patterns" (2013): the subscription loop
// fixed as a for-select loop. Close asks the loop over a channel (and
// gets the error back); the loop owns all its state, sleeps only in a
// select on the fetch timer, and sends only in a select case, so it never
// blocks once asked to close: no race, no goroutine left.
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
	closing chan chan error
}

func (s *sub) Updates() <-chan Item { return s.updates }

func (s *sub) Close() error {
	errc := make(chan error)
	s.closing <- errc
	return <-errc
}

func (s *sub) loop() {
	var pending []Item
	var next time.Time
	var err error
	for {
		var fetchDelay time.Duration
		if now := time.Now(); next.After(now) {
			fetchDelay = next.Sub(now)
		}
		var startFetch <-chan time.Time
		if len(pending) < 2 {
			startFetch = time.After(fetchDelay)
		}
		var first Item
		var updates chan Item
		if len(pending) > 0 {
			first = pending[0]
			updates = s.updates // enable the send case
		}
		select {
		case errc := <-s.closing:
			errc <- err
			close(s.updates)
			return
		case <-startFetch:
			var fetched []Item
			fetched, next, err = s.fetcher.Fetch()
			if err != nil {
				next = time.Now().Add(10 * time.Second)
				break
			}
			pending = append(pending, fetched...)
		case updates <- first:
			pending = pending[1:]
		}
	}
}

func Subscribe(fetcher Fetcher) *sub {
	s := &sub{fetcher: fetcher, updates: make(chan Item), closing: make(chan chan error)}
	go s.loop()
	return s
}

func main() {
	s := Subscribe(&fakeFetcher{})
	fmt.Println((<-s.Updates()).Title)
	fmt.Println(s.Close())
}

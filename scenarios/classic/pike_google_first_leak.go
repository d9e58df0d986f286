// expect: leak
// expect: outcomes "timed out\n1 results\n"
//
// Pike, "Go Concurrency Patterns" (2012): Google Search 3.0, the fake
// search with replicated backends and a global timeout. First asks every
// replica and takes the fastest answer from an unbuffered channel: the
// slower replicas are left blocked on their send for ever (a goroutine
// leak, which goleak reports; the talk's program exits before it shows).
package main

import (
	"fmt"
	"time"
)

type Result string
type Search func(query string) Result

func fakeSearch(kind string, latency time.Duration) Search {
	return func(query string) Result {
		time.Sleep(latency)
		return Result(fmt.Sprintf("%s result for %q", kind, query))
	}
}

func First(query string, replicas ...Search) Result {
	c := make(chan Result)
	searchReplica := func(i int) { c <- replicas[i](query) }
	for i := range replicas {
		go searchReplica(i)
	}
	return <-c
}

var (
	Web1   = fakeSearch("web1", 30*time.Millisecond)
	Web2   = fakeSearch("web2", 10*time.Millisecond)
	Video1 = fakeSearch("video1", 90*time.Millisecond)
	Video2 = fakeSearch("video2", 95*time.Millisecond)
)

func Google(query string) (results []Result) {
	c := make(chan Result)
	go func() { c <- First(query, Web1, Web2) }()
	go func() { c <- First(query, Video1, Video2) }()
	timeout := time.After(80 * time.Millisecond)
	for i := 0; i < 2; i++ {
		select {
		case result := <-c:
			results = append(results, result)
		case <-timeout:
			fmt.Println("timed out")
			return
		}
	}
	return
}

func main() {
	results := Google("golang")
	fmt.Println(len(results), "results")
}

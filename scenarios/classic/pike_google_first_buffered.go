// expect: outcomes "timed out\n1 results\n"
//
// Pike's Google Search 3.0 with First's channel (and Google's) buffered
// for every sender: the replicas that lose the race, and the video search
// that misses the 80 ms timeout, still complete their sends and end.
// Latencies are fixed, so the outcome is too: web answers in
// time, video does not.
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
	c := make(chan Result, len(replicas))
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
	c := make(chan Result, 2)
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
	time.Sleep(time.Second) // let the slow replicas finish
}

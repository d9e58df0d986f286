// expect: ok outcomes "3 3 7\n"
//
// Word counting without a shared map: each worker counts its shard of the
// input into a map of its own and sends the finished map over a channel;
// only main merges. Sending the map hands it over, so the worker must not
// touch it afterwards (it does not).
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"strings"
)

func count(lines []string, out chan<- map[string]int) {
	m := make(map[string]int)
	for _, l := range lines {
		for _, w := range strings.Fields(l) {
			m[strings.ToLower(w)]++
		}
	}
	out <- m
}

func main() {
	text := []string{
		"the quick brown fox",
		"The lazy dog",
		"the end",
		"quick quick",
	}
	out := make(chan map[string]int)
	shards := 2
	per := len(text) / shards
	for s := 0; s < shards; s++ {
		go count(text[s*per:(s+1)*per], out)
	}
	total := make(map[string]int)
	for s := 0; s < shards; s++ {
		for w, n := range <-out {
			total[w] += n
		}
	}
	fmt.Println(total["the"], total["quick"], len(total))
}

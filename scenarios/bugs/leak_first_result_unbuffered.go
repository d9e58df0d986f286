// expect: leak
//
// First response wins over an unbuffered channel: the slower replica's
// goroutine blocks on its send forever.
// (issue 15: a bug written outside the suite.)
package main

import "fmt"

func search(replicas []string, q string) string {
	c := make(chan string) // BUG: unbuffered; the slower replicas block forever
	for _, r := range replicas {
		go func(r string) {
			c <- r + ":" + q
		}(r)
	}
	return <-c
}

func main() {
	res := search([]string{"a", "b"}, "go")
	fmt.Println(len(res) > 0)
}

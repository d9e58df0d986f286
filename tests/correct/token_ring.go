// expect: outcomes "token back with 4 hops\n"
//
// A token passed around a ring of four goroutines (Hoare's CSP style):
// each link is an unbuffered channel, the last hands it back to main.
package main

import "fmt"

func node(in <-chan int, out chan<- int) {
	v := <-in
	out <- v + 1
}

func main() {
	const n = 4
	first := make(chan int)
	in := first
	for i := 0; i < n; i++ {
		out := make(chan int)
		go node(in, out)
		in = out
	}
	first <- 0
	fmt.Println("token back with", <-in, "hops")
}

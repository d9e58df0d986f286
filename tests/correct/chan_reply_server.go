// expect: ok outcomes "client 0: 0\nclient 1: 10\nclient 2: 20\ntotal 3\n"
//
// A counter server owned by one goroutine: each request carries its own
// reply channel (a channel of channels for the "get" side), the clients
// finish before main closes the request channel, and the server's final
// count comes back on a done channel.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
)

type req struct {
	n     int
	reply chan int
}

func server(reqs <-chan req, total chan<- int) {
	count := 0
	for r := range reqs {
		count++
		r.reply <- r.n * 10
	}
	total <- count
}

func main() {
	reqs := make(chan req)
	total := make(chan int)
	go server(reqs, total)
	out := make([]int, 3)
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			reply := make(chan int)
			reqs <- req{n: i, reply: reply}
			out[i] = <-reply
		}(i)
	}
	wg.Wait()
	close(reqs)
	for i, v := range out {
		fmt.Printf("client %d: %d\n", i, v)
	}
	fmt.Println("total", <-total)
}

// expect: assert leak
//
// The leak: the coordinator still waits on requests when main returns
// (as in seeds/shared_reqresp.go).
// The pattern of seeds/shared_reqresp.go with buffered channels: a
// routine's request can be taken while another routine already waits on
// the shared response channel, which then gets a response meant for
// someone else.
package main

import (
	"fmt"
	"sync"
)

var requests = make(chan int, 2)
var responses = make(chan int, 2)

func routine(num int, wg *sync.WaitGroup) {
	defer wg.Done()
	requests <- num
	resp := <-responses
	assert(resp == num, fmt.Sprintf("routine %d got the response for %d", num, resp))
}

func coordinator() {
	for {
		req := <-requests
		responses <- req
	}
}

func main() {
	go coordinator()
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go routine(i, &wg)
	}
	wg.Wait()
}

// expect: ok outcomes "profile of bob\ncontext canceled bob\n"
//
// HTTP-style middleware keeps request data in its own context type that
// embeds context.Context. A handler derives a per-call context from it and
// starts a worker; when the client goes away the root is cancelled and
// the handler checks, right after, that its derived context is done too
// before returning (a derived context is cancelled with its parent, not
// eventually). The worker is joined.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"context"
	"fmt"
	"sync"
)

type Request struct {
	context.Context
	User string
	ID   int
}

func handler(req Request, wg *sync.WaitGroup) string {
	ctx, cancel := context.WithCancel(req)
	defer cancel()
	results := make(chan string, 1)
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-ctx.Done():
			results <- "aborted"
		case results <- fmt.Sprintf("profile of %s", req.User):
		}
	}()
	return <-results
}

func main() {
	root, disconnect := context.WithCancel(context.Background())
	req := Request{Context: root, User: "bob", ID: 7}
	var wg sync.WaitGroup
	fmt.Println(handler(req, &wg))

	call, cancel := context.WithCancel(req)
	defer cancel()
	disconnect()
	if call.Err() == nil {
		panic("derived context still live after its parent was cancelled")
	}
	wg.Wait()
	fmt.Println(call.Err(), req.User)
}

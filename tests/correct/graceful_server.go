// expect: ok outcomes "answered 3\n"
//
// A request loop with graceful shutdown: on cancel it stops accepting,
// waits for in-flight handlers, then closes the responses channel.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type req struct {
	id    int
	reply chan<- string
}

func serve(ctx context.Context, reqs <-chan req) <-chan struct{} {
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		var inflight sync.WaitGroup
		defer inflight.Wait()
		for {
			select {
			case r := <-reqs:
				inflight.Add(1)
				go func(r req) {
					defer inflight.Done()
					time.Sleep(time.Duration(r.id) * time.Millisecond)
					r.reply <- fmt.Sprintf("resp %d", r.id)
				}(r)
			case <-ctx.Done():
				return
			}
		}
	}()
	return stopped
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	reqs := make(chan req)
	stopped := serve(ctx, reqs)
	replies := make(chan string, 3)
	for i := 1; i <= 3; i++ {
		reqs <- req{id: i, reply: replies}
	}
	cancel()
	<-stopped
	close(replies)
	n := 0
	for range replies {
		n++
	}
	fmt.Println("answered", n)
}

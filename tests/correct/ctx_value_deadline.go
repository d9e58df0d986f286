// expect: ok outcomes "has deadline: true in 25ms\nreq-7: context deadline exceeded\nreq-7: done after 10ms\nwaited for the deadline: true\n"
//
// Request-scoped values and deadlines: a typed context key carries the
// request id down to workers; a WithDeadline child reports its deadline
// and the remaining time on virtual time.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

type ctxKey string

const requestID ctxKey = "request-id"

func work(ctx context.Context, step time.Duration, out chan<- string) {
	id, _ := ctx.Value(requestID).(string)
	select {
	case <-time.After(step):
		out <- fmt.Sprintf("%s: done after %v", id, step)
	case <-ctx.Done():
		out <- fmt.Sprintf("%s: %v", id, ctx.Err())
	}
}

func main() {
	start := time.Now()
	base := context.WithValue(context.Background(), requestID, "req-7")
	ctx, cancel := context.WithDeadline(base, start.Add(25*time.Millisecond))
	defer cancel()
	dl, ok := ctx.Deadline()
	fmt.Println("has deadline:", ok, "in", dl.Sub(start))
	out := make(chan string, 2)
	var wg sync.WaitGroup
	for _, d := range []time.Duration{10 * time.Millisecond, 50 * time.Millisecond} {
		wg.Add(1)
		go func(d time.Duration) {
			defer wg.Done()
			work(ctx, d, out)
		}(d)
	}
	wg.Wait()
	close(out)
	var got []string
	for s := range out {
		got = append(got, s)
	}
	if len(got) == 2 && got[0] > got[1] {
		got[0], got[1] = got[1], got[0]
	}
	fmt.Println(got[0])
	fmt.Println(got[1])
	fmt.Println("waited for the deadline:", time.Since(start) >= 25*time.Millisecond)
}

// expect: ok
//
// Hedged requests, as tail-latency tricks are written: ask the primary
// replica, and if it has not answered within the hedge delay ask the
// secondary too; take the first answer and cancel the other. The result
// channel is buffered for every replica asked, so the loser's send never
// blocks, and each replica honours its context.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"context"
	"errors"
	"fmt"
	"time"
)

type replica struct {
	name    string
	latency time.Duration
}

func (r replica) query(ctx context.Context, key string) (string, error) {
	select {
	case <-time.After(r.latency):
		return fmt.Sprintf("%s from %s", key, r.name), nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

type answer struct {
	val string
	err error
}

func hedged(ctx context.Context, key string, hedge time.Duration, rs ...replica) (string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	results := make(chan answer, len(rs))
	launch := func(r replica) {
		go func() {
			v, err := r.query(ctx, key)
			results <- answer{v, err}
		}()
	}
	launch(rs[0])
	asked := 1
	timer := time.NewTimer(hedge)
	defer timer.Stop()
	var errs []error
	for {
		select {
		case <-timer.C:
			if asked < len(rs) {
				launch(rs[asked])
				asked++
				timer.Reset(hedge)
			}
		case a := <-results:
			if a.err == nil {
				return a.val, nil
			}
			errs = append(errs, a.err)
			if len(errs) == asked && asked == len(rs) {
				return "", errors.New("all replicas failed")
			}
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

func main() {
	fast := replica{"b", 5 * time.Millisecond}
	slow := replica{"a", 100 * time.Millisecond}
	v, err := hedged(context.Background(), "k1", 20*time.Millisecond, slow, fast)
	fmt.Println(v, err)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	_, err = hedged(ctx, "k3", 50*time.Millisecond, slow, slow)
	fmt.Println(errors.Is(err, context.DeadlineExceeded))
	time.Sleep(200 * time.Millisecond) // the cancelled replicas have returned
}

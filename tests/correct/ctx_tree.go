// expect: ok outcomes "shard 0: 0 rows\ntimeout: shard 1: context deadline exceeded\ncancelled: shard 2: context canceled\n"
//
// A request context tree: a parent WithCancel, per-shard WithTimeout
// children; each shard worker selects on its ctx and reports why it stopped.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

type shardResult struct {
	shard int
	err   error
	n     int
}

func scan(ctx context.Context, shard int, work time.Duration) shardResult {
	t := time.NewTimer(work)
	defer t.Stop()
	select {
	case <-t.C:
		return shardResult{shard: shard, n: shard * 10}
	case <-ctx.Done():
		return shardResult{shard: shard, err: fmt.Errorf("shard %d: %w", shard, ctx.Err())}
	}
}

func main() {
	root, cancel := context.WithCancel(context.Background())
	defer cancel()
	budgets := []time.Duration{50 * time.Millisecond, 10 * time.Millisecond, 200 * time.Millisecond}
	works := []time.Duration{20 * time.Millisecond, 30 * time.Millisecond, 100 * time.Millisecond}

	var (
		mu      sync.Mutex
		results []shardResult
		wg      sync.WaitGroup
	)
	for i := range budgets {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			ctx, cancelShard := context.WithTimeout(root, budgets[i])
			defer cancelShard()
			r := scan(ctx, i, works[i])
			mu.Lock()
			results = append(results, r)
			mu.Unlock()
		}(i)
	}
	// the operator gives up on the slow shard at 60ms
	time.Sleep(60 * time.Millisecond)
	cancel()
	wg.Wait()

	sort.Slice(results, func(a, b int) bool { return results[a].shard < results[b].shard })
	for _, r := range results {
		switch {
		case r.err == nil:
			fmt.Printf("shard %d: %d rows\n", r.shard, r.n)
		case errors.Is(r.err, context.DeadlineExceeded):
			fmt.Printf("timeout: %v\n", r.err)
		case errors.Is(r.err, context.Canceled):
			fmt.Printf("cancelled: %v\n", r.err)
		}
	}
}

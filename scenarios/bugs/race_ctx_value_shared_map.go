// expect: race
//
// Request-scoped metadata stored in the context as a map; the handler fans
// out to two backends in parallel and each annotates the request by
// writing into that map, which both goroutines share.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs; without -race "concurrent map writes"
// stopped 1 of 12.)
package main

import (
	"context"
	"fmt"
	"sync"
)

type metaKey struct{}

func withMeta(ctx context.Context) context.Context {
	return context.WithValue(ctx, metaKey{}, map[string]string{})
}

func annotate(ctx context.Context, k, v string) {
	m := ctx.Value(metaKey{}).(map[string]string)
	m[k] = v
}

func callBackend(ctx context.Context, name string, wg *sync.WaitGroup) {
	defer wg.Done()
	annotate(ctx, name+".status", "ok")
}

func main() {
	ctx := withMeta(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go callBackend(ctx, "users", &wg)
	go callBackend(ctx, "orders", &wg)
	wg.Wait()
	fmt.Println(len(ctx.Value(metaKey{}).(map[string]string)))
}

// expect: leak
//
// A lookup with a timeout: when the deadline passes first, lookup returns
// the context error, but the resolver goroutine is still blocked sending
// its answer on the unbuffered channel nobody will read. goleak fails
// the test on that goroutine.
// (outside round 3: a bug written as engineers write it; go test -race
// passes it (no goleak); goleak would fail it on the resolver goroutine,
// blocked in its send.)
package resolver

import (
	"context"
	"errors"
	"testing"
	"time"
)

func resolve(host string) string {
	time.Sleep(20 * time.Millisecond)
	return "10.0.0.1"
}

func lookup(ctx context.Context, host string) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Millisecond)
	defer cancel()
	ch := make(chan string)
	go func() { ch <- resolve(host) }()
	select {
	case ip := <-ch:
		return ip, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

func TestLookupTimesOut(t *testing.T) {
	_, err := lookup(context.Background(), "slow.example")
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want deadline exceeded", err)
	}
}

// expect: ok
//
// A pipeline stage with an error channel and a context, tested on its
// three endings: done, cancelled, failed.
// (issue 15, outside check: a correct test file; go test -race passes it.)
package pipeline

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"
)

func squares(ctx context.Context, in []int) (<-chan int, <-chan error) {
	out := make(chan int)
	errc := make(chan error, 1)
	go func() {
		defer close(out)
		defer close(errc)
		for _, x := range in {
			if x < 0 {
				errc <- errors.New("negative input")
				return
			}
			select {
			case out <- x * x:
			case <-ctx.Done():
				errc <- ctx.Err()
				return
			}
		}
	}()
	return out, errc
}

func TestSquares(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	out, errc := squares(ctx, []int{1, 2, 3})
	sum := 0
	for v := range out {
		sum += v
	}
	if err := <-errc; err != nil {
		t.Fatal(err)
	}
	if sum != 14 {
		t.Errorf("sum = %d", sum)
	}
}

func TestSquaresCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	out, errc := squares(ctx, []int{1, 2, 3, 4})
	<-out
	cancel()
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for range out {
		}
	}()
	wg.Wait()
	err := <-errc
	if err != nil && !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

func TestSquaresNegative(t *testing.T) {
	out, errc := squares(context.Background(), []int{2, -1})
	for range out {
	}
	if err := <-errc; err == nil || err.Error() != "negative input" {
		t.Errorf("err = %v", err)
	}
}

package pool

import (
	"sync"
	"testing"
)

// A worker pool: jobs on a channel, results collected under a mutex.
func process(jobs []int, workers int) []int {
	in := make(chan int)
	var mu sync.Mutex
	var out []int
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range in {
				mu.Lock()
				out = append(out, j*j)
				mu.Unlock()
			}
		}()
	}
	for _, j := range jobs {
		in <- j
	}
	close(in)
	wg.Wait()
	return out
}

func TestProcessSquaresEveryJob(t *testing.T) {
	out := process([]int{1, 2, 3}, 2)
	if len(out) != 3 {
		t.Fatalf("got %d results, want 3", len(out))
	}
	sum := 0
	for _, v := range out {
		sum += v
	}
	if sum != 14 {
		t.Errorf("sum of squares = %d, want 14", sum)
	}
}

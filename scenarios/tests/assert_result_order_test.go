// expect: assert
//
// The test assumes the results come back in submission order; the workers
// append under a mutex, but in whatever order they run.
// (issue 15, outside check: a bug written as engineers write it; go test
// -race or reasoning confirms it.)
package collect

import (
	"reflect"
	"sync"
	"testing"
)

func collect(ids []int) []int {
	var mu sync.Mutex
	var wg sync.WaitGroup
	var out []int
	for _, id := range ids {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			mu.Lock()
			out = append(out, id*2)
			mu.Unlock()
		}(id)
	}
	wg.Wait()
	return out
}

func TestCollect(t *testing.T) {
	got := collect([]int{1, 2})
	if want := []int{2, 4}; !reflect.DeepEqual(got, want) { // BUG: order is not guaranteed
		t.Errorf("collect = %v, want %v", got, want)
	}
}

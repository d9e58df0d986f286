// expect: ok outcomes "final v3 reads=6\n"
//
// Readers take the read lock once per read (no nesting), a writer
// publishes versions under the write lock; read counts go through an
// atomic.
// (issue 15, outside round: a correct program written as engineers write
// it; the output is what go run -race prints in 12 runs (GOMAXPROCS 1, 2,
// 4), with no race reported.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type doc struct {
	mu      sync.RWMutex
	version int
	body    string
}

func (d *doc) read() string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return fmt.Sprintf("v%d", d.version)
}

func (d *doc) write(b string) {
	d.mu.Lock()
	d.version++
	d.body = b
	d.mu.Unlock()
}

func main() {
	d := &doc{}
	var reads atomic.Int32
	var wg sync.WaitGroup
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 3; i++ {
				_ = d.read()
				reads.Add(1)
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for _, b := range []string{"x", "y", "z"} {
			d.write(b)
		}
	}()
	wg.Wait()
	fmt.Printf("final %s reads=%d\n", d.read(), reads.Load())
}

// expect: ok outcomes "a 2 0\nb 2 0\n"
//
// A round-robin load balancer: the backend list is immutable after
// construction, the next index is an atomic counter, and each backend's
// in-flight count is an atomic too, so Pick and Release are lock-free.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Backend struct {
	Name     string
	inflight atomic.Int32
	served   atomic.Int32
}

type Balancer struct {
	backends []*Backend
	next     atomic.Uint32
}

func (b *Balancer) Pick() *Backend {
	n := b.next.Add(1)
	be := b.backends[int(n-1)%len(b.backends)]
	be.inflight.Add(1)
	return be
}

func (b *Balancer) Release(be *Backend) {
	be.inflight.Add(-1)
	be.served.Add(1)
}

func main() {
	lb := &Balancer{backends: []*Backend{{Name: "a"}, {Name: "b"}}}
	var wg sync.WaitGroup
	for c := 0; c < 2; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 2; i++ {
				be := lb.Pick()
				lb.Release(be)
			}
		}()
	}
	wg.Wait()
	for _, be := range lb.backends {
		fmt.Println(be.Name, be.served.Load(), be.inflight.Load())
	}
}

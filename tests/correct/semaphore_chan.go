// expect: ok
// weft: --max-executions 3000
//
// A counting semaphore as a buffered channel (Effective Go): at most two
// of four tasks inside at once.
package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	sem := make(chan struct{}, 2)
	var inside, most atomic.Int32
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			n := inside.Add(1)
			if n > 2 {
				panic("three inside")
			}
			for {
				m := most.Load()
				if n <= m || most.CompareAndSwap(m, n) {
					break
				}
			}
			inside.Add(-1)
			<-sem
		}()
	}
	wg.Wait()
	fmt.Println(most.Load() <= 2)
}

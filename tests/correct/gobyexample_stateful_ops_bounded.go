// expect: ok
// weft: --max-executions 1000
//
// Go by Example's stateful goroutines, written from memory with a fixed
// number of operations instead of a one-second sleep: one goroutine owns
// the state map and serves readOp and writeOp requests sent on channels,
// each carrying its own response channel. Readers and writers count their
// operations with atomics; main waits for them, then asks the owner for a
// final snapshot and stops it.
package main

import (
	"fmt"
	"math/rand"
	"sync"
	"sync/atomic"
)

type readOp struct {
	key  int
	resp chan int
}

type writeOp struct {
	key  int
	val  int
	resp chan bool
}

type snapOp struct {
	resp chan map[int]int
}

func main() {
	var readOps uint64
	var writeOps uint64

	reads := make(chan readOp)
	writes := make(chan writeOp)
	snaps := make(chan snapOp)
	stop := make(chan struct{})
	stopped := make(chan struct{})

	go func() {
		defer close(stopped)
		var state = make(map[int]int)
		for {
			select {
			case read := <-reads:
				read.resp <- state[read.key]
			case write := <-writes:
				state[write.key] = write.val
				write.resp <- true
			case s := <-snaps:
				cp := make(map[int]int, len(state))
				for k, v := range state {
					cp[k] = v
				}
				s.resp <- cp
			case <-stop:
				return
			}
		}
	}()

	var wg sync.WaitGroup
	for r := 0; r < 3; r++ {
		wg.Add(1)
		go func(seed int64) {
			defer wg.Done()
			rng := rand.New(rand.NewSource(seed))
			for i := 0; i < 4; i++ {
				read := readOp{key: rng.Intn(5), resp: make(chan int)}
				reads <- read
				<-read.resp
				atomic.AddUint64(&readOps, 1)
			}
		}(int64(r))
	}

	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for k := 0; k < 5; k++ {
				write := writeOp{key: k, val: 10*w + k, resp: make(chan bool)}
				if k%2 != w {
					continue // each writer owns half the keys
				}
				writes <- write
				<-write.resp
				atomic.AddUint64(&writeOps, 1)
			}
		}(w)
	}

	wg.Wait()
	fmt.Println("readOps:", atomic.LoadUint64(&readOps))
	fmt.Println("writeOps:", atomic.LoadUint64(&writeOps))

	s := snapOp{resp: make(chan map[int]int)}
	snaps <- s
	final := <-s.resp
	for k := 0; k < 5; k++ {
		fmt.Printf("key %d = %d\n", k, final[k])
	}
	close(stop)
	<-stopped
}

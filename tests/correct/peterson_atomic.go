// expect: outcomes "2\n"
// weft: --max-executions 200
//
// Peterson's mutual exclusion for two tasks (Peterson 1981) on
// sequentially consistent atomics, as sync/atomic gives them: the plain
// counter is only touched inside the critical section, so no race.
package main

import (
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

var flag [2]atomic.Bool
var turn atomic.Int32
var count int

func lock(me int32) {
	other := 1 - me
	flag[me].Store(true)
	turn.Store(other)
	for flag[other].Load() && turn.Load() == other {
		runtime.Gosched()
	}
}

func unlock(me int32) { flag[me].Store(false) }

func main() {
	var wg sync.WaitGroup
	for i := int32(0); i < 2; i++ {
		wg.Add(1)
		go func(me int32) {
			defer wg.Done()
			lock(me)
			count++
			unlock(me)
		}(i)
	}
	wg.Wait()
	fmt.Println(count)
}

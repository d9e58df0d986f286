// expect: ok
//
// "Understanding Real-World Concurrency Bugs in Go" (Tu et al., ASPLOS
// 2019), the fix of its Figure 1 (Kubernetes finishReq): the child's
// result channel has room for one value, so the child's send completes
// even when the parent has timed out and left.
package main

import (
	"errors"
	"fmt"
	"time"
)

func finishReq(timeout time.Duration, work func() int) (int, error) {
	ch := make(chan int, 1)
	go func() {
		ch <- work()
	}()
	select {
	case r := <-ch:
		return r, nil
	case <-time.After(timeout):
		return 0, errors.New("timed out")
	}
}

func main() {
	r, err := finishReq(10*time.Millisecond, func() int { return 7 })
	fmt.Println(r, err)
	r, err = finishReq(time.Millisecond, func() int {
		time.Sleep(5 * time.Millisecond)
		return 8
	})
	fmt.Println(r, err)
	time.Sleep(10 * time.Millisecond)
}

// expect: leak
//
// "Understanding Real-World Concurrency Bugs in Go" (Tu et al., 2019),
// Figure 1 (Kubernetes finishReq): the child sends its result on an
// unbuffered channel; when the parent's timeout fires first, the parent
// returns and the child blocks forever on its send.
package main

import (
	"errors"
	"fmt"
	"time"
)

func finishReq(timeout time.Duration, work func() int) (int, error) {
	ch := make(chan int)
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
	_, err := finishReq(time.Millisecond, func() int {
		time.Sleep(5 * time.Millisecond)
		return 8
	})
	fmt.Println(err)
	time.Sleep(10 * time.Millisecond)
}

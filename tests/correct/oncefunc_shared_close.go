// expect: ok outcomes "[flushed]\n"
//
// A resource with several owners: whichever owner finishes last, or the
// shutdown path, may call Close. sync.OnceFunc wraps the real close so it
// runs exactly once however many goroutines call it, and a caller that
// races with the first one waits until the close has finished.
// (outside round 3: a correct program written as engineers write it.
// It uses a Go 1.21 API, so Go 1.19's race detector cannot run it:
// the verdict is reasoned from the Go memory model.)
package main

import (
	"fmt"
	"sync"
)

type Resource struct {
	closed chan struct{}
	Close  func()
	log    []string
}

func Open() *Resource {
	r := &Resource{closed: make(chan struct{})}
	r.Close = sync.OnceFunc(func() {
		r.log = append(r.log, "flushed")
		close(r.closed)
	})
	return r
}

func main() {
	r := Open()
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r.Close()
			<-r.closed
		}()
	}
	wg.Wait()
	r.Close()
	fmt.Println(r.log)
}

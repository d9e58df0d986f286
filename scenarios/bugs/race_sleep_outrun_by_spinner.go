// expect: race
// weft: --max-executions 20 --max-steps 20000
//
// A worker polls a stop channel in a busy loop, reading shared state on
// every turn, while main sleeps half a
// millisecond, then writes that state and
// stops the worker (the shape of Kubernetes#82239 in GoBench). The sleep
// is meant to let the worker settle, but it orders nothing: main's write
// races with the worker's read. A sleep shorter than a millisecond
// ends early even under strict time (the worker never
// blocks, so strict time alone would never wake main, and the write would
// never happen).
package main

import "time"

type volume struct {
	annotations map[string]int
}

func main() {
	v := &volume{annotations: map[string]int{"a": 1}}
	stop := make(chan struct{})
	go func() {
		for {
			select {
			case <-stop:
				return
			default:
			}
			n := 0
			for range v.annotations {
				n++
			}
			_ = n
		}
	}()
	time.Sleep(500 * time.Microsecond)
	v.annotations["a"] = 2
	close(stop)
}

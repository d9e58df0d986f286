// expect: leak
//
// Concurrency in Go's tee channel, used wrongly: the consumer reads only
// the first output (the second was meant for an audit logger that was
// never written). tee blocks trying to send its first value on out2, and
// since done is closed only by a defer after main has printed, tee and the
// generator stay blocked when main returns... except that main returns
// only after it stops waiting; here main reads out1 with a count, so the
// program ends with tee stuck on out2. go run prints and exits 0.
package main

import "fmt"

func generator(done <-chan struct{}, vals ...int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for _, v := range vals {
			select {
			case <-done:
				return
			case out <- v:
			}
		}
	}()
	return out
}

func tee(in <-chan int) (<-chan int, <-chan int) {
	out1 := make(chan int)
	out2 := make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range in {
			// BUG: no done case: blocks for ever if one side stops reading
			var o1, o2 = out1, out2
			for i := 0; i < 2; i++ {
				select {
				case o1 <- v:
					o1 = nil
				case o2 <- v:
					o2 = nil
				}
			}
		}
	}()
	return out1, out2
}

func main() {
	done := make(chan struct{})
	defer close(done)

	data, audit := tee(generator(done, 4, 8, 15, 16, 23, 42))
	_ = audit // the audit logger was never written

	got := make(chan int, 1)
	go func() {
		select {
		case v := <-data:
			got <- v
		case v := <-audit:
			got <- v
		}
	}()
	fmt.Println("first value:", <-got)
}

// expect: ok
//
// "Concurrency in Go" ch. 4: orDone wraps a channel read with done, tee
// splits one stream into two that are read in lockstep, both ends
// consumed; every stage also stops when done closes.
package main

import "fmt"

func gen(done <-chan struct{}, vals ...int) <-chan int {
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

func orDone(done <-chan struct{}, c <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for {
			select {
			case <-done:
				return
			case v, ok := <-c:
				if !ok {
					return
				}
				select {
				case out <- v:
				case <-done:
				}
			}
		}
	}()
	return out
}

func tee(done <-chan struct{}, in <-chan int) (<-chan int, <-chan int) {
	out1, out2 := make(chan int), make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range orDone(done, in) {
			o1, o2 := out1, out2
			for i := 0; i < 2; i++ {
				select {
				case <-done:
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
	a, b := tee(done, gen(done, 1, 2))
	for v := range a {
		fmt.Println(v, <-b)
	}
}

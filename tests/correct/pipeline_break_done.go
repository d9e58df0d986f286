// expect: outcomes "sum 5\n"
//
// scenarios/bugs/leak_pipeline_break.go fixed: a done channel the stages select on.
// go run -race: sum 5, four runs.
// (issue 15, outside round.)
package main

import "fmt"

func gen(done <-chan struct{}, n int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for i := 1; i <= n; i++ {
			select {
			case out <- i:
			case <-done:
				return
			}
		}
	}()
	return out
}

func square(done <-chan struct{}, in <-chan int) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for v := range in {
			select {
			case out <- v * v:
			case <-done:
				return
			}
		}
	}()
	return out
}

func main() {
	done := make(chan struct{})
	sq := square(done, gen(done, 5))
	sum := 0
	for v := range sq {
		sum += v
		if sum > 4 {
			break
		}
	}
	close(done)
	for range sq { // drain until the stages have seen done
	}
	fmt.Println("sum", sum)
}

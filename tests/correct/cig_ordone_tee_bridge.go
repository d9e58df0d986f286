// expect: ok
// weft: --max-executions 300
//
// Concurrency in Go, chapter 4, from memory: orDone wraps a channel read
// so that a consumer can range over it and still stop on done; tee splits
// one stream into two (both must be read); bridge flattens a channel of
// channels into one stream. A generator of generators feeds the bridge,
// tee splits the result, and two consumers sum each side.
package main

import (
	"fmt"
	"sync"
)

func orDone(done <-chan struct{}, c <-chan int) <-chan int {
	valStream := make(chan int)
	go func() {
		defer close(valStream)
		for {
			select {
			case <-done:
				return
			case v, ok := <-c:
				if !ok {
					return
				}
				select {
				case valStream <- v:
				case <-done:
				}
			}
		}
	}()
	return valStream
}

func tee(done <-chan struct{}, in <-chan int) (_, _ <-chan int) {
	out1 := make(chan int)
	out2 := make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for val := range orDone(done, in) {
			var out1, out2 = out1, out2 // shadow: nil each once sent
			for i := 0; i < 2; i++ {
				select {
				case <-done:
				case out1 <- val:
					out1 = nil
				case out2 <- val:
					out2 = nil
				}
			}
		}
	}()
	return out1, out2
}

func bridge(done <-chan struct{}, chanStream <-chan (<-chan int)) <-chan int {
	valStream := make(chan int)
	go func() {
		defer close(valStream)
		for {
			var stream <-chan int
			select {
			case maybeStream, ok := <-chanStream:
				if !ok {
					return
				}
				stream = maybeStream
			case <-done:
				return
			}
			for val := range orDone(done, stream) {
				select {
				case valStream <- val:
				case <-done:
				}
			}
		}
	}()
	return valStream
}

func genVals(batches, perBatch int) <-chan (<-chan int) {
	chanStream := make(chan (<-chan int))
	go func() {
		defer close(chanStream)
		for b := 0; b < batches; b++ {
			stream := make(chan int, perBatch)
			for i := 1; i <= perBatch; i++ {
				stream <- b*10 + i
			}
			close(stream)
			chanStream <- stream
		}
	}()
	return chanStream
}

func main() {
	done := make(chan struct{})
	defer close(done)

	left, right := tee(done, bridge(done, genVals(3, 3)))

	var wg sync.WaitGroup
	var sumL, sumR, countL int
	wg.Add(2)
	go func() {
		defer wg.Done()
		for v := range left {
			sumL += v
			countL++
		}
	}()
	go func() {
		defer wg.Done()
		for v := range right {
			sumR += v
		}
	}()
	wg.Wait()
	fmt.Println("values:", countL)
	fmt.Println("left sum:", sumL, "right sum:", sumR)
}

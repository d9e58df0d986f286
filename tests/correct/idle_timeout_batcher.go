// expect: ok outcomes "batch [a b c]\nbatch [d e]\nflushed 5\n"
//
// A batcher that flushes when the batch is full or when no item has
// arrived for an idle period (time.After re-armed on every loop
// iteration), and once more when its input closes.
// (outside round 4: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"time"
)

func batcher(in <-chan string, size int, idle time.Duration, flush func([]string)) <-chan int {
	done := make(chan int, 1)
	go func() {
		total := 0
		var batch []string
		emit := func() {
			if len(batch) > 0 {
				flush(batch)
				total += len(batch)
				batch = nil
			}
		}
		for {
			select {
			case s, ok := <-in:
				if !ok {
					emit()
					done <- total
					return
				}
				batch = append(batch, s)
				if len(batch) == size {
					emit()
				}
			case <-time.After(idle):
				emit()
			}
		}
	}()
	return done
}

func main() {
	in := make(chan string)
	done := batcher(in, 3, 20*time.Millisecond, func(b []string) {
		fmt.Println("batch", b)
	})
	for _, s := range []string{"a", "b", "c", "d", "e"} {
		in <- s
	}
	time.Sleep(50 * time.Millisecond) // idle: d and e are flushed
	close(in)
	fmt.Println("flushed", <-done)
}

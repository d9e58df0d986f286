// expect: ok
// weft: --max-executions 150
//
// Concurrency in Go, chapter 4, pipelines built from generators, from
// memory: repeat, repeatFn, take, toString and a primeFinder stage fanned
// out over several goroutines and fanned back in. Every stage selects on
// done; main takes what it needs and closes done, and waits for the stages
// to wind down through a WaitGroup so that none is left running.
package main

import (
	"fmt"
	"sort"
	"sync"
)

var stages sync.WaitGroup

func repeat(done <-chan interface{}, values ...interface{}) <-chan interface{} {
	valueStream := make(chan interface{})
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(valueStream)
		for {
			for _, v := range values {
				select {
				case <-done:
					return
				case valueStream <- v:
				}
			}
		}
	}()
	return valueStream
}

func repeatFn(done <-chan interface{}, fn func() interface{}) <-chan interface{} {
	valueStream := make(chan interface{})
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(valueStream)
		for {
			select {
			case <-done:
				return
			case valueStream <- fn():
			}
		}
	}()
	return valueStream
}

func take(done <-chan interface{}, valueStream <-chan interface{}, num int) <-chan interface{} {
	takeStream := make(chan interface{})
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(takeStream)
		for i := 0; i < num; i++ {
			select {
			case <-done:
				return
			case takeStream <- <-valueStream:
			}
		}
	}()
	return takeStream
}

func toInt(done <-chan interface{}, valueStream <-chan interface{}) <-chan int {
	intStream := make(chan int)
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(intStream)
		for v := range valueStream {
			select {
			case <-done:
				return
			case intStream <- v.(int):
			}
		}
	}()
	return intStream
}

func isPrime(n int) bool {
	if n < 2 {
		return false
	}
	for d := 2; d*d <= n; d++ {
		if n%d == 0 {
			return false
		}
	}
	return true
}

func primeFinder(done <-chan interface{}, in <-chan int) <-chan interface{} {
	out := make(chan interface{})
	stages.Add(1)
	go func() {
		defer stages.Done()
		defer close(out)
		for n := range in {
			if !isPrime(n) {
				continue
			}
			select {
			case <-done:
				return
			case out <- n:
			}
		}
	}()
	return out
}

func fanIn(done <-chan interface{}, channels ...<-chan interface{}) <-chan interface{} {
	var wg sync.WaitGroup
	multiplexed := make(chan interface{})
	multiplex := func(c <-chan interface{}) {
		defer wg.Done()
		for i := range c {
			select {
			case <-done:
				return
			case multiplexed <- i:
			}
		}
	}
	wg.Add(len(channels))
	for _, c := range channels {
		go multiplex(c)
	}
	stages.Add(1)
	go func() {
		defer stages.Done()
		wg.Wait()
		close(multiplexed)
	}()
	return multiplexed
}

func main() {
	done := make(chan interface{})

	for v := range take(done, repeat(done, 1, 2, 3), 7) {
		fmt.Print(v, " ")
	}
	fmt.Println()

	next := 0
	counter := func() interface{} { next++; return next }
	ints := toInt(done, take(done, repeatFn(done, counter), 30))

	finders := make([]<-chan interface{}, 3)
	for i := range finders {
		finders[i] = primeFinder(done, ints)
	}
	var primes []int
	for p := range fanIn(done, finders...) {
		primes = append(primes, p.(int))
	}
	sort.Ints(primes)
	fmt.Println("primes up to 30:", primes)

	close(done)
	stages.Wait()
	fmt.Println("stages stopped")
}

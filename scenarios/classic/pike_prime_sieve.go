// expect: outcomes "2\n3\n5\n7\n11\n"
// expect: leak
//
// The concurrent prime sieve (Go's doc/play/sieve.go, in Pike's talks): a
// generator goroutine and a chain of filters, one per prime found. Main
// prints the first five primes and returns, leaving the chain blocked
// (the program ends there, as the original does).
package main

import "fmt"

func Generate(ch chan<- int) {
	for i := 2; ; i++ {
		ch <- i
	}
}

func Filter(in <-chan int, out chan<- int, prime int) {
	for {
		i := <-in
		if i%prime != 0 {
			out <- i
		}
	}
}

func main() {
	ch := make(chan int)
	go Generate(ch)
	for i := 0; i < 5; i++ {
		prime := <-ch
		fmt.Println(prime)
		ch1 := make(chan int)
		go Filter(ch, ch1, prime)
		ch = ch1
	}
}

// expect: leak
// weft: --max-executions 3
//
// The Go Programming Language, 8.1 (spinner) from memory: a spinner
// goroutine animates while main computes a slow Fibonacci number; when
// main returns the program ends with the spinner still sleeping in its
// loop. go run prints the animation and the result and exits 0; weft
// warns (a leak warning, exit 0 without --strict): SPEC's rule that time
// stops at main's return leaves the spinner sleeping for ever. Kept as the
// record of that rule on the book's first concurrent program.
package main

import (
	"fmt"
	"time"
)

func spinner(delay time.Duration) {
	for {
		for _, r := range `-\|/` {
			fmt.Printf("\r%c", r)
			time.Sleep(delay)
		}
	}
}

func fib(x int) int {
	if x < 2 {
		return x
	}
	return fib(x-1) + fib(x-2)
}

func main() {
	go spinner(100 * time.Millisecond)
	const n = 15
	fibN := fib(n) // slow
	fmt.Printf("\rFibonacci(%d) = %d\n", n, fibN)
}

// expect: ok outcomes "Hello from main!\n" "Hello from main!\nHello from a goroutine!\n" "Hello from a goroutine!\nHello from main!\n"
// weft: --time loose
//
// "Go Concurrency Patterns" (seeds/002), section Goroutines, unmodified
// (the same program as patterns_goroutine_sleep.go), explored with
// --time loose: a sleep is only a scheduling point, so nothing orders
// the goroutine's Println before main's return. The article's warning
// ("Do NOT use this approach") shows as a third outcome in which main
// returns first and "Hello from a goroutine!" is never printed.
package main

import (
	"fmt"
	"time"
)

func sayHello() {
	fmt.Println("Hello from a goroutine!")
}

func main() {
	go sayHello() // Launches sayHello in a new goroutine
	fmt.Println("Hello from main!")
	time.Sleep(1 * time.Second) // Wait for the goroutine to complete (only for example)
}

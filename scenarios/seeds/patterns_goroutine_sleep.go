// expect: ok outcomes "Hello from main!\nHello from a goroutine!\n" "Hello from a goroutine!\nHello from main!\n"
//
// "Go Concurrency Patterns" (seeds/002), section Goroutines, unmodified:
// main starts sayHello and sleeps a second so that it can print. The two
// lines come in either order. On weft's virtual time the sleep always
// outlasts the goroutine (it only returns once every other task is
// blocked or done), so the goroutine's line is never lost here; see
// patterns_goroutine_sleep_loose.go for the same program with sleeps as
// mere scheduling points, where the article's warning shows.
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

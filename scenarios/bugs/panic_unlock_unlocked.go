// expect: panic
//
// Unlock of a mutex nobody holds: "fatal error: sync: unlock of unlocked
// mutex".
package main

import "sync"

func main() {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock()
}

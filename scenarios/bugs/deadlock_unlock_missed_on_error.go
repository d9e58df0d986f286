// expect: deadlock
//
// Take returns early on its error path still holding the mutex; the
// next Lock (main's Restock) waits forever.
// (issue 15: a bug written outside the suite.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Inventory struct {
	mu    sync.Mutex
	stock map[string]int
}

func (inv *Inventory) Take(item string, n int) error {
	inv.mu.Lock()
	if inv.stock[item] < n {
		return errors.New("out of " + item) // BUG: returns holding the lock
	}
	inv.stock[item] -= n
	inv.mu.Unlock()
	return nil
}

func (inv *Inventory) Restock(item string, n int) {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	inv.stock[item] += n
}

func main() {
	inv := &Inventory{stock: map[string]int{"apple": 1}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := inv.Take("apple", 1); err != nil {
				fmt.Println("error:", err)
			}
		}()
	}
	wg.Wait()
	inv.Restock("apple", 5)
	fmt.Println("restocked")
}

// expect: panic
//
// An early-return path unlocks by hand although a defer already will:
// "fatal error: sync: unlock of unlocked mutex".
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
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

var ErrOut = errors.New("out of stock")

func (inv *Inventory) Take(item string) error {
	inv.mu.Lock()
	defer inv.mu.Unlock()
	if inv.stock[item] == 0 {
		inv.mu.Unlock() // BUG: the deferred Unlock runs too
		return fmt.Errorf("take %s: %w", item, ErrOut)
	}
	inv.stock[item]--
	return nil
}

func main() {
	inv := &Inventory{stock: map[string]int{"apple": 1}}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := inv.Take("apple"); err != nil {
				fmt.Println(err)
			}
		}()
	}
	wg.Wait()
}

// A Withdraw that returns early on an error path without unlocking: the
// third caller waits for a lock whose holder has ended.
package main

import (
	"fmt"
	"sync"
)

type Account struct {
	mu  sync.Mutex
	bal int
}

func (a *Account) Withdraw(n int) error {
	a.mu.Lock()
	if a.bal < n {
		return fmt.Errorf("insufficient")
	}
	a.bal -= n
	a.mu.Unlock()
	return nil
}

func main() {
	a := &Account{bal: 10}
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Println(a.Withdraw(7))
		}()
	}
	wg.Wait()
}

// expect: ok
// weft: --max-executions 3000
//
// Readers and writers over an RWMutex (Courtois, Heymans and Parnas,
// 1971): readers share, writers exclude; every reader sees a consistent
// pair.
package main

import (
	"fmt"
	"sync"
)

type account struct {
	mu           sync.RWMutex
	debit, credit int
}

func (a *account) transfer(n int) {
	a.mu.Lock()
	a.debit += n
	a.credit -= n
	a.mu.Unlock()
}

func (a *account) balanced() bool {
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.debit+a.credit == 0
}

func main() {
	var a account
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			a.transfer(5)
		}()
	}
	for r := 0; r < 2; r++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if !a.balanced() {
				panic("torn read")
			}
		}()
	}
	wg.Wait()
	fmt.Println(a.debit)
}

// expect: panic race
//
// A lease renewal with a goto-based retry: the lock is taken before the
// retry label, the failure path unlocks and jumps back to the label, and
// the label does not take the lock again, so the next failure unlocks
// an unlocked mutex ("sync: unlock of unlocked mutex", a fatal error in
// Go), or, when the other goroutine holds it then, unlocks that one's
// lock, and both write the lease unordered.
// (outside round 5: a bug written as engineers write it; go run (Go
// 1.19) stops with "fatal error: sync: unlock of unlocked mutex".)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Lease struct {
	mu      sync.Mutex
	holder  string
	renewed int
}

var errConflict = errors.New("conflict")

func (l *Lease) Renew(who string, try func(int) error) error {
	attempt := 0
	l.mu.Lock()
retry:
	attempt++
	if err := try(attempt); err != nil {
		if errors.Is(err, errConflict) && attempt < 3 {
			l.mu.Unlock()
			goto retry // BUG: the lock is not taken again
		}
		l.mu.Unlock()
		return err
	}
	l.holder = who
	l.renewed++
	l.mu.Unlock()
	return nil
}

func main() {
	l := &Lease{}
	var wg sync.WaitGroup
	for _, who := range []string{"a", "b"} {
		wg.Add(1)
		go func(who string) {
			defer wg.Done()
			_ = l.Renew(who, func(n int) error {
				if who == "b" && n < 3 {
					return fmt.Errorf("renew %s: %w", who, errConflict)
				}
				return nil
			})
		}(who)
	}
	wg.Wait()
	fmt.Println(l.renewed)
}

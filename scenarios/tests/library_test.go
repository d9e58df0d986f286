// The library in tests: sync.Map shared by goroutines needs no lock of
// the caller's (no race in any interleaving), and errors.Is finds a
// sentinel through layers of %w wrapping done in another goroutine.
package library

import (
	"errors"
	"fmt"
	"sync"
	"testing"
)

func TestSyncMapFromGoroutines(t *testing.T) {
	var hits sync.Map
	var wg sync.WaitGroup
	for _, page := range []string{"/", "/about", "/"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				old, loaded := hits.LoadOrStore(page, 1)
				if !loaded || hits.CompareAndSwap(page, old, old.(int)+1) {
					return
				}
			}
		}()
	}
	wg.Wait()
	if n, _ := hits.Load("/"); n != 2 {
		t.Errorf("hits[/] = %v, want 2", n)
	}
}

var ErrTimeout = errors.New("timeout")

func fetch(id int) error {
	return fmt.Errorf("fetch %d: %w", id, ErrTimeout)
}

func TestErrorsIsOnWrappedError(t *testing.T) {
	errc := make(chan error)
	go func() {
		errc <- fmt.Errorf("handler: %w", fetch(7))
	}()
	err := <-errc
	if !errors.Is(err, ErrTimeout) {
		t.Fatalf("errors.Is(%v, ErrTimeout) = false", err)
	}
	if err.Error() != "handler: fetch 7: timeout" {
		t.Errorf("err = %q", err)
	}
}

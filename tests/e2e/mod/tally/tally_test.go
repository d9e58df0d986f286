package tally

import (
	"sync"
	"testing"
)

func TestRacyAdd(t *testing.T) {
	var tl Tally
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tl.Add()
		}()
	}
	wg.Wait()
	_ = tl.N()
}

package inventory

import (
	"context"
	"errors"
	"sync"
	"testing"
)

func TestReserveConcurrently(t *testing.T) {
	s := New(map[string]int{"tea": 2})
	var wg sync.WaitGroup
	errs := make(chan error, 3)
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs <- s.Reserve(context.Background(), "tea")
		}()
	}
	wg.Wait()
	close(errs)
	failed := 0
	for err := range errs {
		if errors.Is(err, ErrSoldOut) {
			failed++
		}
	}
	if failed != 1 || s.left("tea") != 0 {
		t.Fatalf("failed %d, left %d", failed, s.left("tea"))
	}
	t.Log("one of three sold out")
}

func TestRestockWhileReserving(t *testing.T) {
	s := New(nil)
	done := make(chan bool)
	go func() {
		s.Restock("cake", 1)
		done <- true
	}()
	<-done
	if err := s.Reserve(context.Background(), "cake"); err != nil {
		t.Error(err)
	}
}

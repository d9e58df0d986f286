// Package inventory keeps stock counts shared by concurrent orders.
package inventory

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// ErrSoldOut is wrapped by Reserve's error when an item has run out.
var ErrSoldOut = errors.New("sold out")

// Stock counts the units left of each item.
type Stock struct {
	mu    sync.Mutex
	units map[string]int
}

// New returns a stock holding the given counts.
func New(units map[string]int) *Stock {
	s := &Stock{units: map[string]int{}}
	for k, v := range units {
		s.units[k] = v
	}
	return s
}

// Reserve takes one unit of item, unless ctx is done or none is left.
func (s *Stock) Reserve(ctx context.Context, item string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.units[item] == 0 {
		return fmt.Errorf("reserve %s: %w", item, ErrSoldOut)
	}
	s.units[item]--
	return nil
}

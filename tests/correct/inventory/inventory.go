// Package inventory keeps stock levels for a small shop. Reserve and
// Release are safe for concurrent use; Snapshot returns a copy.
package inventory

import (
	"errors"
	"sync"
)

var ErrOutOfStock = errors.New("out of stock")

type Store struct {
	mu    sync.Mutex
	stock map[string]int
	log   []string
}

func New(initial map[string]int) *Store {
	s := &Store{stock: make(map[string]int)}
	for k, v := range initial {
		s.stock[k] = v
	}
	return s
}

func (s *Store) Reserve(item string, n int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stock[item] < n {
		return ErrOutOfStock
	}
	s.stock[item] -= n
	s.log = append(s.log, "reserve "+item)
	return nil
}

func (s *Store) Release(item string, n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.stock[item] += n
	s.log = append(s.log, "release "+item)
}

func (s *Store) Snapshot() map[string]int {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int, len(s.stock))
	for k, v := range s.stock {
		out[k] = v
	}
	return out
}

package inventory

// Restock adds n units of item.
func (s *Stock) Restock(item string, n int) {
	s.mu.Lock()
	s.units[item] += n
	s.mu.Unlock()
}

// Left reports the units left of item.
func (s *Stock) Left(item string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.left(item)
}

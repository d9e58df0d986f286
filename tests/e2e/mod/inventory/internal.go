package inventory

func (s *Stock) left(item string) int { return s.units[item] }

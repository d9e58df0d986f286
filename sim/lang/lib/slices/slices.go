// Package slices: Go 1.21's generic functions on slices (and Concat of Go
// 1.22), in Go: searching, comparing, editing, sorting. Sort and SortFunc
// are not stable; for up to 12 elements they sort by insertion, as Go's
// pdqsort does, so equal elements keep the order Go gives them; above
// that the order of elements that compare equal may differ from Go's
// (SortStableFunc keeps it). Delete, DeleteFunc, Compact and Replace
// zero the elements they drop, as Go 1.22's do.
package slices

import "cmp"

// Equal reports whether two slices are equal: the same length and all
// elements equal (floating-point NaNs are not equal).
func Equal[S ~[]E, E comparable](s1, s2 S) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

// EqualFunc reports whether two slices are equal using eq on each pair
// of elements.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

// Compare compares the elements of s1 and s2, using cmp.Compare on each
// pair, in order; the first difference decides; a shorter slice that is
// a prefix of the other is less.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// CompareFunc is like Compare but uses a custom comparison function.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

// Index returns the index of the first occurrence of v in s, or -1.
func Index[S ~[]E, E comparable](s S, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

// IndexFunc returns the first index i satisfying f(s[i]), or -1.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

// Contains reports whether v is present in s.
func Contains[S ~[]E, E comparable](s S, v E) bool {
	return Index(s, v) >= 0
}

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

// Insert inserts the values v... into s at index i and returns the
// modified slice; it panics if i is out of range.
func Insert[S ~[]E, E any](s S, i int, v ...E) S {
	_ = s[i:] // bounds check
	r := make(S, 0, len(s)+len(v))
	r = append(r, s[:i]...)
	r = append(r, v...)
	return append(r, s[i:]...)
}

// Delete removes the elements s[i:j] from s, returning the modified slice;
// it panics if j > len(s) or s[i:j] is not a valid slice of s.
func Delete[S ~[]E, E any](s S, i, j int) S {
	_ = s[i:j:len(s)] // bounds check
	if i == j {
		return s
	}
	oldlen := len(s)
	s = append(s[:i], s[j:]...)
	clearTail[S, E](s, oldlen)
	return s
}

// DeleteFunc removes any elements from s for which del returns true.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S {
	i := IndexFunc(s, del)
	if i == -1 {
		return s
	}
	for j := i + 1; j < len(s); j++ {
		if v := s[j]; !del(v) {
			s[i] = v
			i++
		}
	}
	clearTail[S, E](s[:i], len(s))
	return s[:i]
}

// clearTail zeroes the elements of s's array from len(s) to oldlen.
func clearTail[S ~[]E, E any](s S, oldlen int) {
	var zero E
	t := s[len(s):oldlen]
	for k := range t {
		t[k] = zero
	}
}

// Replace replaces the elements s[i:j] by the given v, and returns the
// modified slice; it panics if j > len(s) or s[i:j] is not a valid slice.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S {
	_ = s[i:j] // bounds check
	tail := Clone(s[j:])
	oldlen := len(s)
	s = append(s[:i], v...)
	s = append(s, tail...)
	if len(s) < oldlen {
		clearTail[S, E](s, oldlen)
	}
	return s
}

// Clone returns a copy of the slice (nil stays nil).
func Clone[S ~[]E, E any](s S) S {
	if s == nil {
		return nil
	}
	return append(S([]E{}), s...)
}

// Compact replaces consecutive runs of equal elements with a single copy.
func Compact[S ~[]E, E comparable](s S) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if s[k] != s[k-1] {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	clearTail[S, E](s[:i], len(s))
	return s[:i]
}

// CompactFunc is like Compact but uses an equality function.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S {
	if len(s) < 2 {
		return s
	}
	i := 1
	for k := 1; k < len(s); k++ {
		if !eq(s[k], s[k-1]) {
			if i != k {
				s[i] = s[k]
			}
			i++
		}
	}
	clearTail[S, E](s[:i], len(s))
	return s[:i]
}

// Grow increases the slice's capacity, if necessary, to guarantee space
// for another n elements; it panics if n is negative.
func Grow[S ~[]E, E any](s S, n int) S {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

// Clip removes unused capacity from the slice.
func Clip[S ~[]E, E any](s S) S {
	return s[:len(s):len(s)]
}

// Reverse reverses the elements of the slice in place.
func Reverse[S ~[]E, E any](s S) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

// Concat returns a new slice concatenating the passed in slices.
func Concat[S ~[]E, E any](slices ...S) S {
	size := 0
	for _, s := range slices {
		size += len(s)
		if size < 0 {
			panic("len out of range")
		}
	}
	newslice := Grow[S, E](nil, size)
	for _, s := range slices {
		newslice = append(newslice, s...)
	}
	return newslice
}

// Max returns the maximal value in x; it panics if x is empty. For
// floating-point E, a NaN in x makes the result NaN.
func Max[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] > m {
			m = x[i]
		}
	}
	return m
}

// MaxFunc returns the maximal value in x, using cmp to compare elements
// (the first of several maximal ones); it panics if x is empty.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

// Min returns the minimal value in x; it panics if x is empty. For
// floating-point E, a NaN in x makes the result NaN.
func Min[S ~[]E, E cmp.Ordered](x S) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if x[i] != x[i] {
			return x[i]
		}
		if x[i] < m {
			m = x[i]
		}
	}
	return m
}

// MinFunc returns the minimal value in x, using cmp to compare elements
// (the first of several minimal ones); it panics if x is empty.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

// Sort sorts a slice of any ordered type in ascending order (NaNs first).
func Sort[S ~[]E, E cmp.Ordered](x S) {
	sortFunc[S, E](x, 0, len(x), cmp.Compare[E])
}

// SortFunc sorts the slice x in ascending order as determined by cmp;
// not stable.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	sortFunc[S, E](x, 0, len(x), cmp)
}

// SortStableFunc sorts the slice x while keeping the original order of
// equal elements.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int) {
	if len(x) < 2 {
		return
	}
	buf := make([]E, len(x))
	mergeSort[S, E](x, buf, cmp)
}

func mergeSort[S ~[]E, E any](x S, buf []E, cmp func(a, b E) int) {
	n := len(x)
	if n <= 12 {
		insertion[S, E](x, 0, n, cmp)
		return
	}
	m := n / 2
	mergeSort[S, E](x[:m], buf[:m], cmp)
	mergeSort[S, E](x[m:], buf[m:], cmp)
	if cmp(x[m], x[m-1]) >= 0 {
		return
	}
	copy(buf, x)
	i, j, k := 0, m, 0
	for i < m && j < n {
		if cmp(buf[j], buf[i]) < 0 {
			x[k] = buf[j]
			j++
		} else {
			x[k] = buf[i]
			i++
		}
		k++
	}
	for i < m {
		x[k] = buf[i]
		i++
		k++
	}
	for j < n {
		x[k] = buf[j]
		j++
		k++
	}
}

func insertion[S ~[]E, E any](x S, a, b int, cmp func(a, b E) int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && cmp(x[j], x[j-1]) < 0; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
}

// sortFunc: quicksort with a median-of-three pivot over [a, b), insertion
// sort at 12 elements and below.
func sortFunc[S ~[]E, E any](x S, a, b int, cmp func(a, b E) int) {
	for b-a > 12 {
		m := a + (b-a)/2
		if cmp(x[m], x[a]) < 0 {
			x[m], x[a] = x[a], x[m]
		}
		if cmp(x[b-1], x[m]) < 0 {
			x[b-1], x[m] = x[m], x[b-1]
			if cmp(x[m], x[a]) < 0 {
				x[m], x[a] = x[a], x[m]
			}
		}
		p := x[m]
		i, j := a, b-1
		for i <= j {
			for cmp(x[i], p) < 0 {
				i++
			}
			for cmp(p, x[j]) < 0 {
				j--
			}
			if i <= j {
				x[i], x[j] = x[j], x[i]
				i++
				j--
			}
		}
		if j-a < b-i {
			sortFunc[S, E](x, a, j+1, cmp)
			a = i
		} else {
			sortFunc[S, E](x, i, b, cmp)
			b = j + 1
		}
	}
	insertion[S, E](x, a, b, cmp)
}

// IsSorted reports whether x is sorted in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

// IsSortedFunc reports whether x is sorted in ascending order, with cmp
// as the comparison function.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

// BinarySearch searches for target in a sorted slice and returns the
// earliest position where target is found, or the position where it would
// appear in the sort order, and whether it was found.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp.Less(x[h], target) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && (x[i] == target || (x[i] != x[i] && target != target))
}

// BinarySearchFunc works like BinarySearch, but uses a custom comparison
// function: cmp(element, target).
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}

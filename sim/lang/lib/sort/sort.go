// Package sort: sorting and searching slices and user collections, in Go.
// Sort and Slice are not stable; for up to 12 elements they sort by
// insertion, as Go's pdqsort does, so equal elements keep the order Go
// gives them; above that the order of equal elements may differ from
// Go's (use Stable or SliceStable to depend on it). Slice and
// SliceStable reach the slice's elements through the intrinsics
// __slice_len and __slice_swap (weft has no reflect): their swaps are
// writes of both elements, checked for races as the less function's
// reads are.
package sort

type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

// Sort sorts data in ascending order as determined by Less.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	quickSort(data, 0, n, 2*log2(n))
}

func log2(n int) int {
	d := 0
	for i := n; i > 0; i >>= 1 {
		d++
	}
	return d
}

func insertionSort(data Interface, a, b int) {
	for i := a + 1; i < b; i++ {
		for j := i; j > a && data.Less(j, j-1); j-- {
			data.Swap(j, j-1)
		}
	}
}

// quickSort sorts [a, b): insertion sort for short runs, heapsort when
// the recursion gets too deep, otherwise median-of-three partitioning.
func quickSort(data Interface, a, b, depth int) {
	for b-a > 12 {
		if depth == 0 {
			heapSort(data, a, b)
			return
		}
		depth--
		p := partition(data, a, b)
		if p-a < b-p {
			quickSort(data, a, p, depth)
			a = p + 1
		} else {
			quickSort(data, p+1, b, depth)
			b = p
		}
	}
	insertionSort(data, a, b)
}

// partition: the pivot (median of first, middle, last) ends at the
// returned index, smaller elements before it, the rest after.
func partition(data Interface, a, b int) int {
	m := a + (b-a)/2
	last := b - 1
	if data.Less(m, a) {
		data.Swap(m, a)
	}
	if data.Less(last, a) {
		data.Swap(last, a)
	}
	if data.Less(last, m) {
		data.Swap(last, m)
	}
	// the median is at m: move it to a
	data.Swap(a, m)
	i := a + 1
	for j := a + 1; j < b; j++ {
		if data.Less(j, a) {
			data.Swap(i, j)
			i++
		}
	}
	data.Swap(a, i-1)
	return i - 1
}

func siftDown(data Interface, lo, hi, first int) {
	root := lo
	for {
		child := 2*root + 1
		if child >= hi {
			return
		}
		if child+1 < hi && data.Less(first+child, first+child+1) {
			child++
		}
		if !data.Less(first+root, first+child) {
			return
		}
		data.Swap(first+root, first+child)
		root = child
	}
}

func heapSort(data Interface, a, b int) {
	first := a
	lo := 0
	hi := b - a
	for i := (hi - 1) / 2; i >= 0; i-- {
		siftDown(data, i, hi, first)
	}
	for i := hi - 1; i >= 0; i-- {
		data.Swap(first, first+i)
		siftDown(data, lo, i, first)
	}
}

// Stable sorts data keeping equal elements in their original order:
// insertion-sorted blocks merged in place by rotations. O(n log² n)
// swaps and comparisons.
func Stable(data Interface) {
	n := data.Len()
	const block = 20
	a := 0
	for ; a+block <= n; a += block {
		insertionSort(data, a, a+block)
	}
	insertionSort(data, a, n)
	for size := block; size < n; size *= 2 {
		for lo := 0; lo+size < n; lo += 2 * size {
			hi := lo + 2*size
			if hi > n {
				hi = n
			}
			merge(data, lo, lo+size, hi)
		}
	}
}

// merge merges the sorted runs [a, m) and [m, b) in place.
func merge(data Interface, a, m, b int) {
	if a >= m || m >= b {
		return
	}
	if b-a == 2 {
		if data.Less(m, a) {
			data.Swap(a, m)
		}
		return
	}
	var cut1, cut2 int
	if m-a > b-m {
		cut1 = a + (m-a)/2
		// the first element of [m, b) not less than data[cut1]
		cut2 = lowerBound(data, m, b, cut1)
	} else {
		cut2 = m + (b-m)/2
		// the first element of [a, m) greater than data[cut2]
		cut1 = upperBound(data, a, m, cut2)
	}
	rotate(data, cut1, m, cut2)
	mid := cut1 + (cut2 - m)
	merge(data, a, cut1, mid)
	merge(data, mid, cut2, b)
}

func lowerBound(data Interface, lo, hi, x int) int {
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if data.Less(h, x) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

func upperBound(data Interface, lo, hi, x int) int {
	for lo < hi {
		h := int(uint(lo+hi) >> 1)
		if !data.Less(x, h) {
			lo = h + 1
		} else {
			hi = h
		}
	}
	return lo
}

// rotate turns [a, m) [m, b) into [m, b) [a, m) by three reversals.
func rotate(data Interface, a, m, b int) {
	reverse(data, a, m)
	reverse(data, m, b)
	reverse(data, a, b)
}

func reverse(data Interface, a, b int) {
	for i, j := a, b-1; i < j; i, j = i+1, j-1 {
		data.Swap(i, j)
	}
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

type reverseOrder struct {
	Interface
}

func (r reverseOrder) Less(i, j int) bool { return r.Interface.Less(j, i) }

// Reverse returns data ordered the other way.
func Reverse(data Interface) Interface { return &reverseOrder{data} }

// ---- slices of any element type ----

type lessSwap struct {
	x    any
	less func(i, j int) bool
}

func (s *lessSwap) Len() int           { return __slice_len(s.x) }
func (s *lessSwap) Less(i, j int) bool { return s.less(i, j) }
func (s *lessSwap) Swap(i, j int)      { __slice_swap(s.x, i, j) }

// Slice sorts the slice x given the less function (not stable).
func Slice(x any, less func(i, j int) bool) {
	Sort(&lessSwap{x, less})
}

// SliceStable sorts x keeping equal elements in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	Stable(&lessSwap{x, less})
}

// SliceIsSorted reports whether x is sorted by less.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	var n int = __slice_len(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

// ---- searching ----

// Search returns the smallest i in [0, n) at which f(i) is true, or n.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// Find returns the smallest i in [0, n) at which cmp(i) <= 0, and
// whether cmp(i) == 0 there.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

func SearchInts(a []int, x int) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

// ---- the common slices ----

type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { Sort(x) }
func (p IntSlice) Search(x int) int   { return SearchInts(p, x) }

type Float64Slice []float64

func isNaN(f float64) bool { return f != f }

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j]))
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { Sort(x) }
func (p Float64Slice) Search(x float64) int { return SearchFloat64s(p, x) }

type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { Sort(x) }
func (p StringSlice) Search(x string) int { return SearchStrings(p, x) }

func Ints(x []int)         { Sort(IntSlice(x)) }
func Float64s(x []float64) { Sort(Float64Slice(x)) }
func Strings(x []string)   { Sort(StringSlice(x)) }

func IntsAreSorted(x []int) bool         { return IsSorted(IntSlice(x)) }
func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }
func StringsAreSorted(x []string) bool   { return IsSorted(StringSlice(x)) }

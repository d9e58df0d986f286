// sort: Ints, Strings, Float64s (NaN first), Slice and SliceStable on
// structs (ties kept in order by the stable sort and, for short slices,
// by the insertion sort Go uses too), Sort and Stable on an Interface,
// Reverse, Search and Find, and a long slice sorted and checked.
package main

import (
	"fmt"
	"math"
	"sort"
)

type person struct {
	name string
	age  int
}

type byAge []person

func (a byAge) Len() int           { return len(a) }
func (a byAge) Swap(i, j int)      { a[i], a[j] = a[j], a[i] }
func (a byAge) Less(i, j int) bool { return a[i].age < a[j].age }

func main() {
	ints := []int{5, 2, 6, 3, 1, 4}
	sort.Ints(ints)
	fmt.Println(ints, sort.IntsAreSorted(ints), sort.SearchInts(ints, 4), sort.SearchInts(ints, 10))
	strs := []string{"peach", "banana", "kiwi", "apple"}
	sort.Strings(strs)
	fmt.Println(strs, sort.SearchStrings(strs, "kiwi"))
	fl := []float64{2.5, math.NaN(), -1, math.Inf(1), 0}
	sort.Float64s(fl)
	fmt.Println(fl, sort.Float64sAreSorted(fl))

	people := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35}}
	sort.SliceStable(people, func(i, j int) bool { return people[i].age < people[j].age })
	fmt.Println(people)
	p2 := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}, {"Dave", 25}, {"Eve", 35}}
	sort.Slice(p2, func(i, j int) bool { return p2[i].age > p2[j].age })
	fmt.Println(p2, sort.SliceIsSorted(p2, func(i, j int) bool { return p2[i].age > p2[j].age }))
	p3 := []person{{"Alice", 30}, {"Bob", 25}, {"Carol", 30}}
	sort.Sort(byAge(p3))
	fmt.Println(p3)
	sort.Sort(sort.Reverse(byAge(p3)))
	fmt.Println(p3)
	sort.Stable(sort.Reverse(sort.IntSlice(ints)))
	fmt.Println(ints)
	sort.Sort(sort.StringSlice(strs))
	fmt.Println(strs, sort.IsSorted(sort.StringSlice(strs)))

	i := sort.Search(100, func(i int) bool { return i*i >= 50 })
	fmt.Println(i)
	j, found := sort.Find(len(strs), func(i int) int {
		if "kiwi" < strs[i] {
			return -1
		} else if "kiwi" == strs[i] {
			return 0
		}
		return 1
	})
	fmt.Println(j, found)

	// a long slice: every algorithm branch, checked against sortedness
	big := make([]int, 300)
	x := uint32(7)
	for k := range big {
		x = x*1103515245 + 12345
		big[k] = int(x>>16) % 50
	}
	sort.Ints(big)
	fmt.Println(sort.IntsAreSorted(big), big[0], big[150], big[299])
	st := make([]person, 200)
	for k := range st {
		st[k] = person{fmt.Sprint(k), (k * 37) % 7}
	}
	sort.SliceStable(st, func(a, b int) bool { return st[a].age < st[b].age })
	ok := true
	for k := 1; k < len(st); k++ {
		if st[k-1].age == st[k].age && len(st[k-1].name) == len(st[k].name) && st[k-1].name > st[k].name {
			ok = false
		}
	}
	fmt.Println(ok, st[0], st[199])
	defer func() { fmt.Println("recovered:", recover() != nil) }()
	sort.Slice(3, func(i, j int) bool { return false })
}

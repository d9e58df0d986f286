// slices, maps and cmp (Go 1.21): searching, editing, sorting (stable and
// not), comparing; the output is what Go 1.22 defines (worked out from its
// documentation and source; Go 1.19 here has no slices package).
package main

import (
	"fmt"
	"strings"

	"cmp"
	"maps"
	"slices"
)

type P struct {
	Name string
	Age  int
}

func main() {
	s := []int{5, 2, 8, 2, 9, 1, 5, 5, 3, 7, 0, 4, 6, 11, 13, 12, 10, 2}
	slices.Sort(s)
	fmt.Println(s, slices.IsSorted(s))
	fmt.Println(slices.BinarySearch(s, 5))
	fmt.Println(slices.BinarySearch(s, 14))
	fmt.Println(slices.Compact(s), slices.Index(s, 9), slices.Contains(s, 42))
	fmt.Println(slices.Max(s), slices.Min(s), slices.Equal(s, slices.Clone(s)))
	ps := []P{{"a", 30}, {"b", 20}, {"c", 30}, {"d", 20}, {"e", 10}}
	slices.SortStableFunc(ps, func(x, y P) int { return cmp.Compare(x.Age, y.Age) })
	fmt.Println(ps)
	slices.SortFunc(ps, func(x, y P) int { return strings.Compare(y.Name, x.Name) })
	fmt.Println(ps)
	w := []string{"x", "y", "z"}
	w = slices.Insert(w, 1, "a", "b")
	fmt.Println(w, len(w))
	w = slices.Delete(w, 0, 2)
	fmt.Println(w)
	w = slices.DeleteFunc(w, func(x string) bool { return x == "y" })
	fmt.Println(w, slices.Replace(w, 0, 1, "q", "r"))
	slices.Reverse(w)
	fmt.Println(w, slices.Concat([]int{1}, []int{2, 3}), slices.Compare([]int{1, 2}, []int{1, 3}))
	fmt.Println(cmp.Compare("a", "b"), cmp.Less(2.0, 1.0), cmp.Or("", "x", "y"))
	m := map[string]int{"a": 1, "b": 2}
	m2 := maps.Clone(m)
	fmt.Println(maps.Equal(m, m2))
	maps.DeleteFunc(m2, func(k string, v int) bool { return v > 1 })
	maps.Copy(m2, map[string]int{"z": 26})
	fmt.Println(m2, maps.Equal(m, m2))
	big := make([]int, 100)
	for i := range big {
		big[i] = (i * 37) % 101
	}
	slices.Sort(big)
	fmt.Println(slices.IsSorted(big), big[:5], big[95:])
	defer func() { fmt.Println("recovered:", recover()) }()
	slices.Max([]int{})
}

// iter.Pull and Pull2: values on demand, stop, next after stop.
package main

import (
	"fmt"
	"iter"
	"slices"
)

func main() {
	next, stop := iter.Pull(slices.Values([]int{1, 2, 3}))
	v, ok := next()
	fmt.Println(v, ok)
	v, ok = next()
	fmt.Println(v, ok)
	stop()
	v, ok = next()
	fmt.Println(v, ok)
	next2, stop2 := iter.Pull2(slices.All([]string{"a"}))
	defer stop2()
	for {
		i, s, ok := next2()
		if !ok {
			break
		}
		fmt.Println(i, s)
	}
	n3, s3 := iter.Pull(slices.Values([]int{9, 8}))
	defer s3()
	fmt.Println(n3())
}

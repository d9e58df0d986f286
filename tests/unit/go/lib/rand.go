// math/rand: draws from the execution's seeded stream (the same on
// replay), the package functions and a Rand from New(NewSource(...)),
// and the results' ranges.
package main

import (
	"fmt"
	"math/rand"
	"time"
)

func main() {
	ok := true
	for i := 0; i < 50; i++ {
		n, m, k, f := rand.Intn(10), rand.Int31n(5), rand.Int63n(100), rand.Float64()
		ok = ok && n >= 0 && n < 10 && m >= 0 && m < 5 && k >= 0 && k < 100 && f >= 0 && f < 1
	}
	p := rand.Perm(5)
	seen := make([]bool, 5)
	for _, v := range p {
		seen[v] = true
	}
	a := []int{1, 2, 3, 4}
	rand.Shuffle(len(a), func(i, j int) { a[i], a[j] = a[j], a[i] })
	sum := 0
	for _, v := range a {
		sum += v
	}
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	for i := 0; i < 50; i++ {
		n, f := r.Intn(3), r.Float64()
		ok = ok && n >= 0 && n < 3 && f >= 0 && f < 1 && r.Int() >= 0
	}
	fmt.Println(ok, seen, len(p), sum, len(r.Perm(3)))
}

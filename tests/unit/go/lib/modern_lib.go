// Library functions of Go 1.19-1.24 new code uses: cmp.Or, sync.Map.Clear,
// atomic And/Or (1.23), strings/bytes iterators (1.24: Lines, SplitSeq,
// FieldsSeq), fmt.Append*, math/rand/v2 (1.22).
package main

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

func main() {
	fmt.Println(cmp.Or("", "def"), cmp.Or(0, 3))
	var m sync.Map
	m.Store("a", 1)
	m.Clear()
	n := 0
	m.Range(func(k, v any) bool { n++; return true })
	fmt.Println(n)
	var x atomic.Int32
	x.Store(6)
	x.And(3)
	x.Or(8)
	fmt.Println(x.Load())
	fmt.Println(errors.ErrUnsupported)
	for l := range strings.SplitSeq("a,b,c", ",") {
		fmt.Print(l)
	}
	for l := range strings.Lines("x\ny\n") {
		fmt.Printf("%q", l)
	}
	for f := range strings.FieldsSeq(" p  q ") {
		fmt.Print(f)
	}
	fmt.Println()
	s, ok := strings.CutPrefix("foobar", "foo")
	fmt.Println(s, ok, string(fmt.Appendf(nil, "%d-%s", 5, "x")), string(fmt.Appendln([]byte("a"), 1, 2)))
	var u atomic.Uint64
	u.Store(12)
	fmt.Println(u.And(4), u.Load(), atomic.OrInt64(new(int64), 3))
	for l := range bytes.Lines([]byte("m\nn")) {
		fmt.Printf("%q ", l)
	}
	for f := range bytes.SplitSeq([]byte("1;2"), []byte(";")) {
		fmt.Printf("%s ", f)
	}
	fmt.Println()
	d := rand.N(100 * time.Millisecond)
	r := rand.New(rand.NewPCG(1, 2))
	fmt.Println(rand.IntN(10) < 10, d < 100*time.Millisecond, r.IntN(3) < 3, len(rand.Perm(4)), rand.Float64() < 1)
}

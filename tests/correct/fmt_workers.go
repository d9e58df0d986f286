// expect: ok outcomes "00 {X:1 Y:2} {1 2} main.Point\n01 21.6C|21.6C|  21.550\n02 \"name\" name  | 6e616d65\n03 255   255 ff FF 377 11111111 V\n04 hi [104 105] 6869\n05 3.14 3.14159 3.141590e+00    3.1\n06 true true\n"
//
// Workers format report lines with assorted verbs; the collector sorts
// them so the output is the same on every schedule.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"fmt"
	"sort"
	"strconv"
	"sync"
)

type Point struct {
	X, Y int
}

type Temp float64

func (t Temp) String() string { return strconv.FormatFloat(float64(t), 'f', 1, 64) + "C" }

func main() {
	jobs := []any{Point{1, 2}, Temp(21.55), "name", 255, []byte("hi"), 3.14159, true}
	out := make(chan string, len(jobs))
	var wg sync.WaitGroup
	for i, j := range jobs {
		wg.Add(1)
		go func(i int, j any) {
			defer wg.Done()
			var s string
			switch v := j.(type) {
			case Point:
				s = fmt.Sprintf("%+v %v %T", v, v, v)
			case fmt.Stringer:
				s = fmt.Sprintf("%s|%v|%8.3f", v, v, float64(v.(Temp)))
			case string:
				s = fmt.Sprintf("%q %-6s| %x", v, v, v)
			case int:
				s = fmt.Sprintf("%d %5d %x %X %o %b %c", v, v, v, v, v, v, 'A'+v%26)
			case []byte:
				s = fmt.Sprintf("%s %v %x", v, v, v)
			case float64:
				s = fmt.Sprintf("%.2f %g %e %6.1f", v, v, v, v)
			default:
				s = fmt.Sprintf("%v %t", v, v)
			}
			out <- fmt.Sprintf("%02d %s", i, s)
		}(i, j)
	}
	wg.Wait()
	close(out)
	var lines []string
	for l := range out {
		lines = append(lines, l)
	}
	sort.Strings(lines)
	for _, l := range lines {
		fmt.Println(l)
	}
}

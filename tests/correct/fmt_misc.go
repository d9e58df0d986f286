// expect: ok outcomes "{svc0 {0 []} map[] <nil>}\n{Name:svc0 In:{N:0 Tags:[]} Extra:map[] Err:<nil>}\n{svc1 {-42 [a b]} map[a:2 z:1] degraded}\n{Name:svc1 In:{N:-42 Tags:[a b]} Extra:map[a:2 z:1] Err:degraded}\n2-1 +2 3 -FF %!f(int=    3054)|%!d(float64=3.14159)|%!s(int=   42)|\"ab\"\n[] map[] <nil> 50%\n\"tab\\there\" -1010 bAnAnA b12121\n 99.50% false \u03bb U+03BB 1.234568e+05\nmain.Inner map[string]int *errors.errorString func()\n"
//
// Formatting a status report from concurrently gathered values: nested
// pointers, maps (sorted keys), nil values, argument indexes, flags.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
)

type Inner struct {
	N    int
	Tags []string
}

type Status struct {
	Name  string
	In    Inner
	Extra map[string]int
	Err   error
}

func main() {
	var wg sync.WaitGroup
	res := make([]Status, 2)
	for i := range res {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			s := Status{Name: "svc" + strconv.Itoa(i)}
			if i == 1 {
				s.In = Inner{N: -42, Tags: []string{"a", "b"}}
				s.Extra = map[string]int{"z": 1, "a": 2}
				s.Err = errors.New("degraded")
			}
			res[i] = s
		}(i)
	}
	wg.Wait()
	for _, s := range res {
		fmt.Printf("%v\n", s)
		fmt.Printf("%+v\n", s)
	}
	fmt.Printf("%[2]d-%[1]d %+d %x %X %08.3f|%-5d|%5s|%q\n", 1, 2, 3, -255, 3054, 3.14159, 42, "ab", 'x')
	fmt.Printf("%v %v %v %d%%\n", []int(nil), map[string]int(nil), error(nil), 50)
	fmt.Println(strconv.Quote("tab\there"), strconv.FormatInt(-10, 2), strings.Map(func(r rune) rune {
		if r == 'a' {
			return 'A'
		}
		return r
	}, "banana"), strings.NewReplacer("a", "1", "n", "2").Replace("banana"))
	fmt.Printf("%6.2f%% %t %c %U %e\n", 99.5, false, 'λ', 'λ', 123456.789)
	fmt.Printf("%T %T %T %T\n", res[1].In, res[1].Extra, res[1].Err, wg.Wait)
}

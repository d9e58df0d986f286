// expect: leak
//
// A merge loop selects over two sources and returns when a source
// closes, as if both ended together; the slower source's producer is
// left blocked sending its remaining items.
// (outside round 4: a bug written as engineers write it; go run -race
// passes it; goleak would report the blocked producer.)
package main

import "fmt"

func produce(items ...string) <-chan string {
	ch := make(chan string)
	go func() {
		defer close(ch)
		for _, it := range items {
			ch <- it
		}
	}()
	return ch
}

func merge(a, b <-chan string) []string {
	var out []string
	for {
		select {
		case v, ok := <-a:
			if !ok {
				return out
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				return out
			}
			out = append(out, v)
		}
	}
}

func main() {
	got := merge(produce("a1"), produce("b1", "b2", "b3"))
	fmt.Println(len(got) >= 1)
}

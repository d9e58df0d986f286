// expect: ok
//
// A control loop written with the language's less common statements: a
// labelled break leaves the for-select when the done channel closes, a
// labelled continue skips a message, goto retries a reservation, and a
// type switch dispatches messages, some of which carry a reply channel.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sync"
)

type Get struct {
	Key   string
	Reply chan<- int
}

type Put struct {
	Key string
	Val int
}

type Reserve struct {
	Reply chan chan struct{} // the server sends back a channel to release on
}

type Ping struct{}

func server(in <-chan interface{}, done <-chan struct{}, wg *sync.WaitGroup) {
	defer wg.Done()
	store := map[string]int{}
	slots := 1
	var waiting []Reserve
	released := make(chan struct{})
loop:
	for {
		select {
		case <-done:
			break loop
		case <-released:
			slots++
			if len(waiting) > 0 {
				r := waiting[0]
				waiting = waiting[1:]
				slots--
				r.Reply <- released
			}
		case m := <-in:
			switch m := m.(type) {
			case Ping:
				continue loop
			case Get:
				m.Reply <- store[m.Key]
			case Put:
				store[m.Key] = m.Val
			case Reserve:
				if slots == 0 {
					waiting = append(waiting, m)
					continue loop
				}
				slots--
				m.Reply <- released
			default:
				panic(fmt.Sprintf("unknown message %T", m))
			}
		}
	}
}

func main() {
	in := make(chan interface{})
	done := make(chan struct{})
	var swg sync.WaitGroup
	swg.Add(1)
	go server(in, done, &swg)

	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			attempts := 0
		retry:
			attempts++
			r := make(chan chan struct{}, 1)
			in <- Reserve{Reply: r}
			rel := <-r
			if attempts < 2 && w == 0 {
				rel <- struct{}{}
				goto retry
			}
			in <- Ping{}
			in <- Put{Key: fmt.Sprint("w", w), Val: attempts}
			rel <- struct{}{}
		}(w)
	}
	wg.Wait()
	reply := make(chan int)
	in <- Get{Key: "w0", Reply: reply}
	a := <-reply
	in <- Get{Key: "w1", Reply: reply}
	b := <-reply
	close(done)
	swg.Wait()
	fmt.Println(a, b)
}

// expect: race
//
// A method value with a value receiver copies the receiver when it is
// evaluated: `go st.report()` reads all of st in main while the updater
// goroutine writes st.count.
// (issue 15, outside round: a bug written as engineers write it; go run
// -race: a race in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type stats struct {
	name  string
	count int
}

func (s stats) report(wg *sync.WaitGroup) {
	defer wg.Done()
	fmt.Println(s.name, s.count >= 0)
}

func main() {
	st := &stats{name: "hits"}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		st.count++
	}()
	go st.report(&wg)
	wg.Wait()
}

// expect: ok outcomes "60 3 10 2\n"
//
// A connection's statistics: the read side and the write side each have
// their own mutex and their own fields, so the reader and writer
// goroutines update the same struct concurrently without sharing a lock;
// distinct fields are distinct memory locations in Go's memory model.
// (outside round 3: a correct program written as engineers write it;
// go run -race x12 (GOMAXPROCS 1, 2, 4), and x12 without -race, report
// nothing and print the output above.)
package main

import (
	"fmt"
	"sync"
)

type ConnStats struct {
	rmu       sync.Mutex
	bytesIn   int
	readsDone int

	wmu        sync.Mutex
	bytesOut   int
	writesDone int
}

func (s *ConnStats) recordRead(n int) {
	s.rmu.Lock()
	s.bytesIn += n
	s.readsDone++
	s.rmu.Unlock()
}

func (s *ConnStats) recordWrite(n int) {
	s.wmu.Lock()
	s.bytesOut += n
	s.writesDone++
	s.wmu.Unlock()
}

func main() {
	st := &ConnStats{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		for _, n := range []int{10, 20, 30} {
			st.recordRead(n)
		}
	}()
	go func() {
		defer wg.Done()
		for _, n := range []int{5, 5} {
			st.recordWrite(n)
		}
	}()
	wg.Wait()
	fmt.Println(st.bytesIn, st.readsDone, st.bytesOut, st.writesDone)
}

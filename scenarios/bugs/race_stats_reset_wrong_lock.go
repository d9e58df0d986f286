// expect: race
//
// Connection statistics with one mutex per direction; Reset zeroes both
// directions but takes only the read-side mutex, so it races with a
// concurrent recordWrite on the write-side fields.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 8 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type ConnStats struct {
	rmu     sync.Mutex
	bytesIn int

	wmu      sync.Mutex
	bytesOut int
}

func (s *ConnStats) recordRead(n int) {
	s.rmu.Lock()
	s.bytesIn += n
	s.rmu.Unlock()
}

func (s *ConnStats) recordWrite(n int) {
	s.wmu.Lock()
	s.bytesOut += n
	s.wmu.Unlock()
}

func (s *ConnStats) Reset() {
	s.rmu.Lock()
	s.bytesIn = 0
	s.bytesOut = 0
	s.rmu.Unlock()
}

func main() {
	st := &ConnStats{}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		st.recordRead(10)
		st.recordWrite(5)
	}()
	go func() {
		defer wg.Done()
		st.Reset()
	}()
	wg.Wait()
	st.rmu.Lock()
	st.wmu.Lock()
	fmt.Println(st.bytesIn+st.bytesOut <= 15)
	st.wmu.Unlock()
	st.rmu.Unlock()
}

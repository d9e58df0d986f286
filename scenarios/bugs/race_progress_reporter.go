// expect: race
//
// A progress reporter prints the status of a download every tick while
// the download goroutine updates the byte count and the phase string as
// plain fields; the reporter reads them without synchronisation.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"fmt"
	"time"
)

type Download struct {
	Phase string
	Bytes int
}

func (d *Download) run(done chan<- struct{}) {
	d.Phase = "connecting"
	time.Sleep(3 * time.Millisecond)
	d.Phase = "transferring"
	for i := 0; i < 3; i++ {
		d.Bytes += 1024
		time.Sleep(2 * time.Millisecond)
	}
	d.Phase = "done"
	close(done)
}

func main() {
	d := &Download{}
	done := make(chan struct{})
	go d.run(done)
	t := time.NewTicker(2 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-t.C:
			_ = fmt.Sprintf("%s %d bytes", d.Phase, d.Bytes)
		case <-done:
			fmt.Println(d.Phase, d.Bytes)
			return
		}
	}
}

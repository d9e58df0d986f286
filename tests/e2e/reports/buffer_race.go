// Two goroutines write one buffer, byte by byte and field by field, with
// nothing ordering them (as "Concurrency in Go"'s fig-using-buffered-chans
// does through a bytes.Buffer): one root cause per pair of lines, not a
// finding per byte.
package main

type buffer struct {
	b   []byte
	off int
}

func fill(w *buffer, c byte) {
	for i := range w.b {
		w.b[i] = c
		w.off = i
	}
}

func main() {
	w := &buffer{b: make([]byte, 4)}
	done := make(chan bool)
	go func() {
		fill(w, 'a')
		done <- true
	}()
	fill(w, 'b')
	<-done
}

// expect: deadlock
// weft: --max-executions 1
//
// A connection whose reader polls for the close flag in a busy loop
// (select with default), and whose dispatcher, handling a message, closes
// the connection and then waits for the dispatcher loop to stop: itself
// (syncthing#5795's shape). The deadlock needs the dispatcher to run while
// the reader spins. Go's scheduler preempts a goroutine that runs too
// long, and so does weft's search (a free switch after 1024 steps in a
// row), so the very first execution finds it instead of spinning the
// reader to --max-steps.
package main

type conn struct {
	inbox   chan string
	closed  chan struct{}
	stopped chan struct{}
}

func (c *conn) reader() {
	for {
		select {
		case <-c.closed:
			return
		default:
		}
	}
}

func (c *conn) dispatcher() {
	defer close(c.stopped)
	for {
		select {
		case msg := <-c.inbox:
			if msg == "bye" {
				c.Close()
			}
		case <-c.closed:
			return
		}
	}
}

func (c *conn) Close() {
	close(c.closed)
	<-c.stopped // the dispatcher itself closes stopped, on return
}

func main() {
	c := &conn{make(chan string), make(chan struct{}), make(chan struct{})}
	go c.reader()
	go c.dispatcher()
	c.inbox <- "bye"
	<-c.stopped
}

// expect: panic
// weft: --max-executions 2000
//
// A chat broadcaster in the style of The Go Programming Language 8.10,
// with the client's outgoing channel closed in two places: the broadcaster
// closes it when the client leaves, and the client's own handler closes
// it too on its way out "to be safe". go run: panic: close of closed
// channel.
package main

import (
	"fmt"
	"sync"
)

type client chan string

var (
	entering = make(chan client)
	leaving  = make(chan client)
	messages = make(chan string)
)

func broadcaster() {
	clients := make(map[client]bool)
	for {
		select {
		case msg := <-messages:
			for cli := range clients {
				cli <- msg
			}
		case cli := <-entering:
			clients[cli] = true
		case cli := <-leaving:
			delete(clients, cli)
			close(cli)
		}
	}
}

func handleConn(who string, lines []string, wg *sync.WaitGroup) {
	defer wg.Done()
	ch := make(client, 16)
	var writer sync.WaitGroup
	writer.Add(1)
	go func() {
		defer writer.Done()
		n := 0
		for range ch {
			n++
		}
		fmt.Println(who, "received", n)
	}()

	entering <- ch
	for _, l := range lines {
		messages <- who + ": " + l
	}
	leaving <- ch
	close(ch) // BUG: the broadcaster already closed it
	writer.Wait()
}

func main() {
	go broadcaster()
	var wg sync.WaitGroup
	wg.Add(2)
	go handleConn("ann", []string{"hi", "bye"}, &wg)
	go handleConn("bob", []string{"hello"}, &wg)
	wg.Wait()
}

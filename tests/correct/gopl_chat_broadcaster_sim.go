// expect: ok
// weft: --max-executions 1000
//
// The Go Programming Language, 8.10 (chat) from memory, with in-process
// clients instead of TCP connections: a broadcaster goroutine owns the set
// of clients; entering, leaving and messages are channels to it. Each
// client has an outgoing channel and a writer goroutine that prints what
// it receives into its own transcript. Clients leave in turn; main closes
// the broadcaster last and prints every transcript's length.
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type client struct {
	name string
	out  chan string
}

var (
	entering = make(chan client)
	leaving  = make(chan client)
	messages = make(chan string)
	shutdown = make(chan struct{})
)

func broadcaster(finished chan<- []string) {
	clients := make(map[client]bool)
	for {
		select {
		case msg := <-messages:
			for cli := range clients {
				cli.out <- msg
			}
		case cli := <-entering:
			clients[cli] = true
		case cli := <-leaving:
			delete(clients, cli)
			close(cli.out)
		case <-shutdown:
			var names []string
			for cli := range clients {
				names = append(names, cli.name)
				close(cli.out)
			}
			sort.Strings(names)
			finished <- names
			return
		}
	}
}

type transcript struct {
	mu    sync.Mutex
	lines map[string][]string
}

func (t *transcript) add(who, line string) {
	t.mu.Lock()
	t.lines[who] = append(t.lines[who], line)
	t.mu.Unlock()
}

func clientWriter(cli client, t *transcript, wg *sync.WaitGroup) {
	defer wg.Done()
	for msg := range cli.out {
		t.add(cli.name, msg)
	}
}

func main() {
	finished := make(chan []string)
	go broadcaster(finished)

	t := &transcript{lines: map[string][]string{}}
	var writers sync.WaitGroup
	names := []string{"ann", "bob", "cy"}
	clients := make([]client, len(names))
	for i, name := range names {
		// Buffered so that the broadcaster never waits on a slow writer.
		clients[i] = client{name: name, out: make(chan string, 8)}
		writers.Add(1)
		go clientWriter(clients[i], t, &writers)
		entering <- clients[i]
		messages <- name + " has arrived"
	}

	var talkers sync.WaitGroup
	for _, c := range clients {
		talkers.Add(1)
		go func(c client) {
			defer talkers.Done()
			messages <- c.name + ": hi"
		}(c)
	}
	talkers.Wait()

	leaving <- clients[0]
	messages <- "ann has left"

	close(shutdown)
	stayed := <-finished
	writers.Wait()

	fmt.Println("still connected:", strings.Join(stayed, ","))
	for _, name := range names {
		fmt.Printf("%s saw %d lines\n", name, len(t.lines[name]))
	}
}

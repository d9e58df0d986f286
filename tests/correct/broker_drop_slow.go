// expect: ok
//
// A pub/sub broker that never lets a slow subscriber stall the
// publisher: each subscriber has a small buffer, and a publish that finds
// it full drops that subscriber (closes its channel, removes it). The
// broker's own goroutine owns the subscriber set; Subscribe,
// Unsubscribe and Publish are messages to it, so no lock is needed;
// an Unsubscribe racing with Stop gives up once the broker's loop is
// done.
// (outside round 5: a correct program written as engineers write it;
// go run -race prints the same and reports nothing.)
package main

import (
	"fmt"
	"sort"
	"strings"
	"sync"
)

type sub struct {
	name string
	ch   chan string
}

type Broker struct {
	subscribe   chan sub
	unsubscribe chan string
	publish     chan string
	stop        chan chan []string // reply: names of dropped subscribers
	done        chan struct{}      // closed when run returns
}

func NewBroker() *Broker {
	b := &Broker{
		subscribe:   make(chan sub),
		unsubscribe: make(chan string),
		publish:     make(chan string),
		stop:        make(chan chan []string),
		done:        make(chan struct{}),
	}
	go b.run()
	return b
}

func (b *Broker) run() {
	defer close(b.done)
	subs := map[string]chan string{}
	var dropped []string
	for {
		select {
		case s := <-b.subscribe:
			subs[s.name] = s.ch
		case name := <-b.unsubscribe:
			if ch, ok := subs[name]; ok {
				delete(subs, name)
				close(ch)
			}
		case msg := <-b.publish:
			for name, ch := range subs {
				select {
				case ch <- msg:
				default:
					delete(subs, name)
					close(ch)
					dropped = append(dropped, name)
				}
			}
		case reply := <-b.stop:
			for _, ch := range subs {
				close(ch)
			}
			sort.Strings(dropped)
			reply <- dropped
			return
		}
	}
}

func (b *Broker) Subscribe(name string, buf int) <-chan string {
	ch := make(chan string, buf)
	b.subscribe <- sub{name, ch}
	return ch
}

// Unsubscribe after Stop is a no-op: Stop already closed every channel.
func (b *Broker) Unsubscribe(name string) {
	select {
	case b.unsubscribe <- name:
	case <-b.done:
	}
}
func (b *Broker) Publish(msg string) { b.publish <- msg }
func (b *Broker) Stop() []string {
	r := make(chan []string)
	b.stop <- r
	return <-r
}

func main() {
	b := NewBroker()
	fast := b.Subscribe("fast", 4)
	slow := b.Subscribe("slow", 1)
	quitter := b.Subscribe("quitter", 4)
	var wg sync.WaitGroup
	var fastGot []string
	wg.Add(2)
	go func() {
		defer wg.Done()
		for m := range fast {
			fastGot = append(fastGot, m)
		}
	}()
	go func() {
		defer wg.Done()
		n := 0
		for range quitter {
			n++
			if n == 1 {
				b.Unsubscribe("quitter")
				// keep draining until the broker closes us
			}
		}
	}()
	for i := 0; i < 3; i++ {
		b.Publish(fmt.Sprintf("m%d", i))
	}
	dropped := b.Stop()
	slowGot := 0
	for range slow {
		slowGot++
	}
	wg.Wait()
	fmt.Println("fast:", strings.Join(fastGot, ","), "dropped:", dropped, "slow got", slowGot)
}

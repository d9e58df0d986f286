// expect: deadlock
//
// A pub/sub broker that never lets a slow subscriber stall the
// publisher: a publish that finds a subscriber's buffer full drops it.
// The broker's goroutine owns the subscriber set; Subscribe, Unsubscribe
// and Publish are messages to it. A subscriber unsubscribes from its
// receive loop, but when Stop has already ended the broker's loop nobody
// receives on the unsubscribe channel: the subscriber blocks in its
// send and main in wg.Wait.
// (outside round 5: written as a correct program, found by weft; Go
// 1.19 reports "all goroutines are asleep" once the subscriber is slowed
// by a millisecond sleep before Unsubscribe.)
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
}

func NewBroker() *Broker {
	b := &Broker{
		subscribe:   make(chan sub),
		unsubscribe: make(chan string),
		publish:     make(chan string),
		stop:        make(chan chan []string),
	}
	go b.run()
	return b
}

func (b *Broker) run() {
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

func (b *Broker) Unsubscribe(name string) { b.unsubscribe <- name }
func (b *Broker) Publish(msg string)      { b.publish <- msg }
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

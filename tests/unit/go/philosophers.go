// expect: deadlock
// weft: --preemptions 2
//
// Dining philosophers, the naive way: every philosopher takes the left
// fork, then the right one. With three philosophers the circular wait is
// reachable.
package main

import (
	"fmt"
	"sync"
)

const (
	numPhilosophers = 3
	meals           = 2
)

type Fork struct {
	sync.Mutex
	id int
}

type Philosopher struct {
	name        string
	left, right *Fork
	eaten       int
}

func (p *Philosopher) dine(wg *sync.WaitGroup, host chan<- string) {
	defer wg.Done()
	for i := 0; i < meals; i++ {
		p.left.Lock()
		p.right.Lock()
		p.eaten++
		host <- fmt.Sprintf("%s eats (meal %d)", p.name, p.eaten)
		p.right.Unlock()
		p.left.Unlock()
	}
}

func main() {
	forks := make([]*Fork, numPhilosophers)
	for i := range forks {
		forks[i] = &Fork{id: i}
	}
	names := [...]string{"Plato", "Kant", "Hume"}
	philosophers := make([]*Philosopher, 0, numPhilosophers)
	for i, name := range names {
		philosophers = append(philosophers, &Philosopher{
			name:  name,
			left:  forks[i],
			right: forks[(i+1)%numPhilosophers],
		})
	}

	host := make(chan string, numPhilosophers*meals)
	var wg sync.WaitGroup
	wg.Add(len(philosophers))
	for _, p := range philosophers {
		go p.dine(&wg, host)
	}
	wg.Wait()
	close(host)
	for line := range host {
		fmt.Println(line)
	}
}

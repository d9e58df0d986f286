// expect: ok
//
// The Little Book of Semaphores, 5.6: building H2O, with channels as the
// semaphores. An oxygen atom waits for two hydrogens (or a hydrogen for
// an oxygen and another hydrogen) under a mutex; the one completing a
// molecule lets the others through the queues, and the three bond and
// meet at a barrier (a WaitGroup per molecule) before the mutex is given
// up. Each molecule has exactly two hydrogens and one oxygen.
package main

import (
	"fmt"
	"sync"
)

var (
	mu                   sync.Mutex
	oxygen, hydrogen     int
	oxyQueue, hydroQueue = make(chan struct{}, 2), make(chan struct{}, 2)
	bondMu               sync.Mutex
	bondedH, bondedO     int
	barrier              *sync.WaitGroup
)

func bond(h bool) {
	bondMu.Lock()
	if h {
		bondedH++
	} else {
		bondedO++
	}
	bondMu.Unlock()
}

func oxygenAtom(done *sync.WaitGroup) {
	defer done.Done()
	mu.Lock()
	oxygen++
	leader := false
	if hydrogen >= 2 {
		barrier = new(sync.WaitGroup)
		barrier.Add(3)
		hydroQueue <- struct{}{}
		hydroQueue <- struct{}{}
		hydrogen -= 2
		oxyQueue <- struct{}{}
		oxygen--
		leader = true
	} else {
		mu.Unlock()
	}
	<-oxyQueue
	b := barrier
	bond(false)
	b.Done()
	b.Wait()
	if leader {
		mu.Unlock()
	}
}

func hydrogenAtom(done *sync.WaitGroup) {
	defer done.Done()
	mu.Lock()
	hydrogen++
	leader := false
	if hydrogen >= 2 && oxygen >= 1 {
		barrier = new(sync.WaitGroup)
		barrier.Add(3)
		hydroQueue <- struct{}{}
		hydroQueue <- struct{}{}
		hydrogen -= 2
		oxyQueue <- struct{}{}
		oxygen--
		leader = true
	} else {
		mu.Unlock()
	}
	<-hydroQueue
	b := barrier
	bond(true)
	b.Done()
	b.Wait()
	if leader {
		mu.Unlock()
	}
}

func main() {
	var done sync.WaitGroup
	done.Add(3)
	go hydrogenAtom(&done)
	go oxygenAtom(&done)
	go hydrogenAtom(&done)
	done.Wait()
	fmt.Println(bondedH, "H", bondedO, "O")
}

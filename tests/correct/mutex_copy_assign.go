// expect: outcomes "b locked: true\nd locked while c held\n"
//
// A Mutex copied by assignment is a distinct Mutex with the state at the
// copy: b, copied while a was locked, stays locked after a.Unlock; d,
// copied from an unlocked c, locks while c is held. go run -race agrees
// (four runs).
package main

import (
	"fmt"
	"sync"
)

func main() {
	var a sync.Mutex
	a.Lock()
	b := a // copied while locked: b is locked too
	a.Unlock()
	fmt.Println("b locked:", !b.TryLock())
	b.Unlock() // b's own lock: unlocking it is fine
	var c sync.Mutex
	d := c
	c.Lock()
	d.Lock() // distinct: does not block
	fmt.Println("d locked while c held")
	d.Unlock()
	c.Unlock()
}

// expect: ok
//
// scenarios/bugs/deadlock_abba.go fixed: both take the locks in one
// global order (a, then b), which breaks the circular wait.
package main

import "sync"

func main() {
	var a, b sync.Mutex
	done := make(chan bool)
	go func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done <- true
	}()
	a.Lock()
	b.Lock()
	b.Unlock()
	a.Unlock()
	<-done
}

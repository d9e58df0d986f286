// expect: outcomes "a worker failed\n"
//
// scenarios/bugs/panic_workers_close_done_twice.go fixed: close through a sync.Once. go run
// -race: a worker failed, four runs.
// (issue 15, outside round.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

func work(id int) error {
	if id > 0 {
		return errors.New("failed")
	}
	return nil
}

func main() {
	failed := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if err := work(id); err != nil {
				once.Do(func() { close(failed) })
			}
		}(i)
	}
	wg.Wait()
	select {
	case <-failed:
		fmt.Println("a worker failed")
	default:
		fmt.Println("all ok")
	}
}

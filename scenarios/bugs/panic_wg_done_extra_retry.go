// expect: panic
//
// A retry loop calls wg.Done() once per attempt instead of once per
// task: a task that needed two attempts takes the WaitGroup counter
// below zero ("sync: negative WaitGroup counter").
package main

import (
	"errors"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	attempts := map[int]int{}
	try := func(task int) error {
		mu.Lock()
		defer mu.Unlock()
		attempts[task]++
		if task == 1 && attempts[task] == 1 {
			return errors.New("transient")
		}
		return nil
	}
	for task := 0; task < 2; task++ {
		wg.Add(1)
		go func(task int) {
			for {
				err := try(task)
				wg.Done() // once per attempt: wrong
				if err == nil {
					return
				}
			}
		}(task)
	}
	wg.Wait()
	fmt.Println("done")
}

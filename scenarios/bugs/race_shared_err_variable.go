// expect: race
//
// Parallel validation where every goroutine assigns to the same err
// variable declared by the caller (a pattern behind many real data races:
// the closure captures err by reference).
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"errors"
	"fmt"
	"strings"
	"sync"
)

func validateName(s string) error {
	if strings.TrimSpace(s) == "" {
		return errors.New("empty name")
	}
	return nil
}

func validateEmail(s string) error {
	if !strings.Contains(s, "@") {
		return errors.New("bad email")
	}
	return nil
}

func validate(name, email string) error {
	var err error
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		if e := validateName(name); e != nil {
			err = e
		}
	}()
	go func() {
		defer wg.Done()
		if e := validateEmail(email); e != nil {
			err = e
		}
	}()
	wg.Wait()
	return err
}

func main() {
	fmt.Println(validate(" ", "nobody") != nil)
}

// expect: race
//
// Describe has a value receiver: calling it through a pointer copies the
// whole Config, a read of every field, while the reloader writes Retries.
// The describing goroutine is started first, so the copy can come before
// the field's first write. (issue 15, outside check: go run -race reports
// it; weft missed it when the copy came first.)
package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct {
	Name    string
	Timeout time.Duration
	Retries int
}

func (c Config) Describe() string {
	return fmt.Sprintf("%s: timeout %v", c.Name, c.Timeout)
}

func main() {
	cfg := &Config{Name: "api", Timeout: time.Second, Retries: 1}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		_ = cfg.Describe() // BUG: copies *cfg, reading Retries unsynchronized
	}()
	go func() {
		defer wg.Done()
		cfg.Retries = 3
	}()
	wg.Wait()
	fmt.Println(cfg.Retries)
}

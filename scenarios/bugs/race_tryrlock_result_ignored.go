// expect: race
//
// A config whose reload holds the write lock while it parses; Addr was
// made "non-blocking" with TryRLock, but it reads the field whether or
// not the read lock was taken. When the reload holds the lock, TryRLock
// fails and the read races with the reload's write.
// go run -race: a race on c.addr in every run, 10 runs at each of
// GOMAXPROCS 1, 2, 4.
package main

import (
	"fmt"
	"sync"
	"time"
)

type Config struct {
	mu   sync.RWMutex
	addr string
}

func (c *Config) Addr() string {
	ok := c.mu.TryRLock() // BUG: on false no lock is held...
	a := c.addr           // ...and the field is read anyway
	if ok {
		c.mu.RUnlock()
	}
	return a
}

func (c *Config) Reload(addr string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.addr = addr
	time.Sleep(20 * time.Millisecond) // parse the rest of the file
}

func main() {
	c := &Config{addr: "a:1"}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Reload("b:2")
	}()
	time.Sleep(5 * time.Millisecond)
	fmt.Println(len(c.Addr()))
	wg.Wait()
}

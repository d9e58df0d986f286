// expect: race
//
// Double-checked locking with a plain bool: the unlocked fast-path read
// races with the write made under the lock.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"sync"
)

type Client struct {
	mu     sync.Mutex
	inited bool
	token  string
}

func (c *Client) Token() string {
	if !c.inited { // BUG: unsynchronised read
		c.mu.Lock()
		if !c.inited {
			c.token = "tok-123"
			c.inited = true
		}
		c.mu.Unlock()
	}
	return c.token
}

func main() {
	c := &Client{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = c.Token()
		}()
	}
	wg.Wait()
	fmt.Println(c.Token())
}

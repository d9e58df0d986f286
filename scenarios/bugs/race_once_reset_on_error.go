// expect: race
//
// "Retry the initialisation if it failed": when the connect inside
// once.Do fails, the caller resets the Once by assigning a fresh
// sync.Once{}, while another goroutine may be inside once.Do on the same
// variable. The assignment is a plain write racing with Do's accesses.
// (outside round 3: a bug written as engineers write it; go run -race
// reports the race in 12 of 12 runs.)
package main

import (
	"errors"
	"fmt"
	"sync"
)

type Client struct {
	once    sync.Once
	conn    string
	err     error
	attempt int
	mu      sync.Mutex
}

func (c *Client) connect() {
	c.mu.Lock()
	c.attempt++
	n := c.attempt
	c.mu.Unlock()
	if n == 1 {
		c.err = errors.New("connection refused")
		return
	}
	c.conn, c.err = "db:5432", nil
}

func (c *Client) Conn() (string, error) {
	c.once.Do(c.connect)
	if c.err != nil {
		c.once = sync.Once{} // try again next time
		return "", c.err
	}
	return c.conn, nil
}

func main() {
	c := &Client{}
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Conn()
		}()
	}
	wg.Wait()
	_, err := c.Conn()
	fmt.Println(err == nil || err != nil)
}

// expect: race
//
// A config is marshalled with encoding/json while a goroutine updates
// one of its fields: Marshal reads the field as the program's own read
// would, so the write races with it (Go's race detector says the same).
package main

import (
	"encoding/json"
	"fmt"
	"sync"
)

type Config struct {
	Name  string
	Limit int
}

func main() {
	c := &Config{Name: "a", Limit: 1}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		c.Limit = 2
	}()
	b, _ := json.Marshal(c)
	wg.Wait()
	fmt.Println(len(b) > 0)
}

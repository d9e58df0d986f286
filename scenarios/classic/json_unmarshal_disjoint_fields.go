// expect: ok
//
// json.Unmarshal fills a struct in a goroutine while main reads a field
// the JSON does not name: Unmarshal writes only the fields it decodes,
// so there is no race (and the lock orders main's read of Name).
package main

import (
	"encoding/json"
	"fmt"
	"sync"
)

type Config struct {
	Name  string
	Limit int
	Tags  []string
}

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	d := &Config{Limit: 5}
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		defer mu.Unlock()
		json.Unmarshal([]byte(`{"Name":"b","Tags":["y"]}`), d)
	}()
	_ = d.Limit
	mu.Lock()
	_ = d.Name
	mu.Unlock()
	wg.Wait()
	fmt.Println(d.Name, d.Tags, d.Limit)
}

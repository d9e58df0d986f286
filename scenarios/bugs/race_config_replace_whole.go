// expect: race
//
// A reload replaces the whole config through its pointer (*cfg =
// Config{...}) while a request reads one field: the assignment writes
// every field. (issue 15, outside check: go run -race reports it; weft
// saw no write in an assignment through a pointer to a whole struct.)
package main

import (
	"fmt"
	"sync"
)

type Config struct {
	Host string
	Port int
}

func main() {
	cfg := &Config{Host: "localhost", Port: 8080}
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		fmt.Println("dialing port", cfg.Port > 0)
	}()
	go func() {
		defer wg.Done()
		*cfg = Config{Host: "db.internal", Port: 5432} // BUG: no lock orders it with the reader
	}()
	wg.Wait()
}

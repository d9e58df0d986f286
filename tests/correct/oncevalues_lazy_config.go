// expect: ok outcomes "port=8080 err=<nil> loads=1\n"
//
// A configuration parsed once on first use with sync.OnceValues (Go
// 1.21): handlers on several goroutines call the accessor; the parser
// runs once and every caller gets the same value and error.
// (outside round 4: a correct program written as engineers write it;
// Go 1.19 lacks OnceValues, so the output is reasoned from its
// documentation: f runs once, its results are returned to every call,
// and the calls return after it.)
package main

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

type Config struct{ Port int }

var loads atomic.Int32

var loadConfig = sync.OnceValues(func() (*Config, error) {
	loads.Add(1)
	raw := "port = 8080"
	_, v, ok := strings.Cut(raw, "=")
	if !ok {
		return nil, fmt.Errorf("bad config %q", raw)
	}
	port, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		return nil, err
	}
	return &Config{Port: port}, nil
})

func main() {
	var wg sync.WaitGroup
	ports := make([]int, 3)
	for i := range ports {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			cfg, err := loadConfig()
			if err != nil {
				panic(err)
			}
			ports[i] = cfg.Port
		}(i)
	}
	wg.Wait()
	cfg, err := loadConfig()
	if ports[0] != cfg.Port || ports[1] != cfg.Port || ports[2] != cfg.Port {
		panic("different configs")
	}
	fmt.Printf("port=%d err=%v loads=%d\n", cfg.Port, err, loads.Load())
}

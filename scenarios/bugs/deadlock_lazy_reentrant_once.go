// expect: deadlock
//
// A generic lazy value built on sync.Once. The config's initialiser logs
// through a logger that reads the config's log level, i.e. Get is called
// again from inside the Once: Once.Do does not return until the first
// call does, so the nested call waits for itself.
// (outside round 3: a bug written as engineers write it; go run (without
// -race) reports "all goroutines are asleep" in 12 of 12 runs.)
package main

import (
	"fmt"
	"sync"
)

type Lazy[T any] struct {
	once sync.Once
	val  T
	init func() T
}

func (l *Lazy[T]) Get() T {
	l.once.Do(func() { l.val = l.init() })
	return l.val
}

type Config struct {
	LogLevel string
	Port     int
}

var config *Lazy[Config]

func logf(format string, args ...any) {
	if config.Get().LogLevel == "debug" {
		fmt.Printf(format+"\n", args...)
	}
}

func loadConfig() Config {
	c := Config{LogLevel: "debug", Port: 8080}
	logf("config loaded: port %d", c.Port)
	return c
}

func main() {
	config = &Lazy[Config]{init: loadConfig}
	fmt.Println("port", config.Get().Port)
}

// expect: deadlock
//
// Lazy configuration whose loader calls the getter guarded by the same
// sync.Once: Do waits for itself.
// (issue 15, outside check: a bug written as engineers write it; go run
// -race or reasoning confirms it.)
package main

import (
	"fmt"
	"strings"
	"sync"
)

var (
	once sync.Once
	cfg  map[string]string
)

func Config() map[string]string {
	once.Do(load)
	return cfg
}

func load() {
	cfg = map[string]string{"name": "svc"}
	if strings.HasPrefix(Config()["name"], "s") { // BUG: re-enters once.Do
		cfg["kind"] = "service"
	}
}

func main() {
	fmt.Println(Config()["kind"])
}

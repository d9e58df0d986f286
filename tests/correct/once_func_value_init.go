// expect: ok
//
// Lazy initialization with sync.Once inside a method value handed to
// goroutines, and a result struct returned by value through a channel.
package main

import (
	"fmt"
	"sync"
)

type loader struct {
	once sync.Once
	data map[string]string
}

func (l *loader) get(k string) string {
	l.once.Do(func() {
		l.data = map[string]string{"x": "1", "y": "2"}
	})
	return l.data[k]
}

type reply struct {
	key, val string
}

func main() {
	l := &loader{}
	get := l.get
	out := make(chan reply)
	for _, k := range []string{"x", "y"} {
		go func(k string) { out <- reply{k, get(k)} }(k)
	}
	m := map[string]string{}
	for i := 0; i < 2; i++ {
		r := <-out
		m[r.key] = r.val
	}
	fmt.Println(m["x"], m["y"])
}

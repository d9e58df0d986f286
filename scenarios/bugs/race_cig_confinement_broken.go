// expect: race
//
// "Concurrency in Go" ch. 4, confinement, broken: the two halves of the
// data are meant to be written each by its own goroutine into its own
// buffer, but both goroutines append to one shared slice.
package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	var out []string
	printData := func(data []byte) {
		defer wg.Done()
		var buff bytes.Buffer
		for _, b := range data {
			fmt.Fprintf(&buff, "%c", b)
		}
		out = append(out, buff.String())
	}
	data := []byte("golang")
	wg.Add(2)
	go printData(data[:3])
	go printData(data[3:])
	wg.Wait()
	fmt.Println(len(out))
}

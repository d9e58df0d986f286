// expect: race
//
// Two goroutines write log lines into one bytes.Buffer, which is not safe
// for concurrent use: its internal slice and offset are raced.
package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	var buf bytes.Buffer
	var wg sync.WaitGroup
	for _, s := range []string{"start\n", "stop\n"} {
		wg.Add(1)
		go func(s string) {
			defer wg.Done()
			buf.WriteString(s)
		}(s)
	}
	wg.Wait()
	fmt.Print(buf.Len() > 0)
}

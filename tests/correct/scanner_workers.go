// expect: ok outcomes "200:2 201:1 404:1 500:1 total 85 ms\n"
// weft: --max-executions 2000
//
// Log lines read with bufio.Scanner and fanned out to parsers by a
// channel; counts merged under a mutex and printed in order.
// (issue 15, outside check: a correct program written as engineers write
// it; the output is what go run -race prints, with no race reported.)
package main

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
)

const logText = `GET /a 200 12
POST /b 500 40
GET /a 200 8
GET /c 404 3
POST /b 201 22`

func main() {
	lines := make(chan string)
	go func() {
		defer close(lines)
		sc := bufio.NewScanner(strings.NewReader(logText))
		for sc.Scan() {
			lines <- sc.Text()
		}
	}()
	var mu sync.Mutex
	byStatus := map[int]int{}
	totalMs := 0
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for l := range lines {
				f := strings.Fields(l)
				code, err := strconv.Atoi(f[2])
				if err != nil {
					continue
				}
				ms, _ := strconv.ParseInt(f[3], 10, 64)
				mu.Lock()
				byStatus[code]++
				totalMs += int(ms)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	codes := make([]int, 0, len(byStatus))
	for c := range byStatus {
		codes = append(codes, c)
	}
	sort.Ints(codes)
	var b strings.Builder
	for _, c := range codes {
		fmt.Fprintf(&b, "%d:%d ", c, byStatus[c])
	}
	fmt.Println(strings.TrimSpace(b.String()), "total", totalMs, "ms")
}

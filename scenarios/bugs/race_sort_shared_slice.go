// expect: race
//
// A leaderboard keeps its scores in a slice guarded by a RWMutex; the
// Top method takes the read lock and sorts the slice in place with
// sort.Slice before reading the first entries. Two readers sorting at
// once write the same elements under a shared (read) lock.
// (outside round 5: a bug written as engineers write it; go run -race
// (Go 1.19) reports the data race in the swaps of sort.Slice.)
package main

import (
	"fmt"
	"sort"
	"sync"
)

type Score struct {
	Name   string
	Points int
}

type Board struct {
	mu     sync.RWMutex
	scores []Score
}

func (b *Board) Add(s Score) {
	b.mu.Lock()
	b.scores = append(b.scores, s)
	b.mu.Unlock()
}

func (b *Board) Top(n int) []Score {
	b.mu.RLock()
	defer b.mu.RUnlock()
	// BUG: sorting in place is a write, under a read lock
	sort.Slice(b.scores, func(i, j int) bool { return b.scores[i].Points > b.scores[j].Points })
	if n > len(b.scores) {
		n = len(b.scores)
	}
	return append([]Score(nil), b.scores[:n]...)
}

func main() {
	b := &Board{}
	b.Add(Score{"ann", 3})
	b.Add(Score{"bob", 7})
	var wg sync.WaitGroup
	tops := make([][]Score, 2)
	for i := range tops {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			tops[i] = b.Top(1)
		}(i)
	}
	wg.Wait()
	fmt.Println(tops[0][0].Name, tops[1][0].Name)
}

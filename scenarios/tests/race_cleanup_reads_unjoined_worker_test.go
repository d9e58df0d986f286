// expect: race
//
// A test of a background indexer, written the way a student might: the
// worker signals "started" and then keeps appending to the index; the test
// only waits for the start signal, and its t.Cleanup inspects the index,
// racing with the worker's last appends. go test -race reports a DATA
// RACE (and fails the test).
package indexer

import (
	"strings"
	"sync"
	"testing"
)

type Indexer struct {
	words []string
}

func (ix *Indexer) run(docs []string, started chan<- struct{}) {
	close(started)
	for _, d := range docs {
		for _, w := range strings.Fields(d) {
			ix.words = append(ix.words, strings.ToLower(w)) // BUG: read by the cleanup without a join
		}
	}
}

func TestIndexer(t *testing.T) {
	ix := &Indexer{}
	started := make(chan struct{})
	go ix.run([]string{"Hello World", "hello gopher"}, started)
	<-started
	t.Cleanup(func() {
		if len(ix.words) > 4 {
			t.Errorf("too many words: %d", len(ix.words))
		}
	})
}

func TestCounterSubtests(t *testing.T) {
	var mu sync.Mutex
	seen := map[string]int{}
	for _, name := range []string{"a", "b"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			mu.Lock()
			seen[name]++
			mu.Unlock()
		})
	}
}

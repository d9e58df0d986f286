// expect: race
//
// An Example whose output is right in every interleaving, with a data
// race all the same: two goroutines call Get on a cache that fills its
// map lazily, without a lock, so both may write c.m (and one read it
// while the other writes). go test -race reports it; the printed values
// are the same whichever goroutine fills the map.
package lazycache

import (
	"fmt"
	"sync"
)

type Cache struct {
	m map[string]string
}

func (c *Cache) Get(k string) string {
	if c.m == nil {
		c.m = map[string]string{"a": "apple", "b": "banana"}
	}
	return c.m[k]
}

func ExampleCache_Get() {
	var c Cache
	var wg sync.WaitGroup
	got := make([]string, 2)
	for i, k := range []string{"a", "b"} {
		wg.Add(1)
		go func(i int, k string) {
			defer wg.Done()
			got[i] = c.Get(k)
		}(i, k)
	}
	wg.Wait()
	fmt.Println(got[0], got[1])
	// Output: apple banana
}

// expect: race
//
// Parallel subtests record their results in a map shared by the parent
// test, without a lock.
// (issue 15, outside check: a bug written as engineers write it; go test
// -race or reasoning confirms it.)
package cache

import (
	"strings"
	"testing"
	"time"
)

func TestUpper(t *testing.T) {
	results := map[string]string{}
	for _, in := range []string{"ab", "cd"} {
		in := in
		t.Run(in, func(t *testing.T) {
			t.Parallel()
			time.Sleep(time.Millisecond) // the real work
			results[in] = strings.ToUpper(in) // BUG: parallel subtests write one map
		})
	}
}

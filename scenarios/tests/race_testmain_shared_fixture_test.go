// expect: race
//
// TestMain builds a fixture shared by every test; the parallel subtests
// of TestLookup each record their lookups in the fixture's plain map to
// check the totals afterwards. Parallel subtests writing one map race
// (and Go may stop with "concurrent map writes").
// (outside round 5: a bug written as engineers write it; go test -race
// (Go 1.19) misses it as written: the short subtests run one after the
// other, ordered through the testing package's parallel-limit mutex;
// with a millisecond's sleep before the lookup it reports the data race
// on the map and fails.)
package fixture

import (
	"os"
	"testing"
)

type Fixture struct {
	users   map[string]int
	lookups map[string]int // BUG: written by parallel subtests, no lock
}

var fx *Fixture

func TestMain(m *testing.M) {
	fx = &Fixture{users: map[string]int{"ann": 1, "bob": 2}, lookups: map[string]int{}}
	os.Exit(m.Run())
}

func (f *Fixture) Lookup(name string) (int, bool) {
	f.lookups[name]++
	id, ok := f.users[name]
	return id, ok
}

func TestLookup(t *testing.T) {
	for _, name := range []string{"ann", "bob"} {
		name := name
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if _, ok := fx.Lookup(name); !ok {
				t.Errorf("%s not found", name)
			}
		})
	}
}

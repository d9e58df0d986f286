// t.Cleanup runs the cleanups last registered first, after the test's
// body, as go test does: the first cleanup registered runs last and
// checks the order (an Errorf there fails the test). No expect: line, so
// each TestXxx is judged alone and fails on any error.
package cleanup

import (
	"strings"
	"testing"
)

func TestCleanupOrder(t *testing.T) {
	var order []string
	t.Cleanup(func() {
		order = append(order, "cleanup 1")
		want := "body, cleanup 3, cleanup 2, cleanup 1"
		if got := strings.Join(order, ", "); got != want {
			t.Errorf("ran as %q, want %q", got, want)
		}
	})
	t.Cleanup(func() { order = append(order, "cleanup 2") })
	t.Cleanup(func() { order = append(order, "cleanup 3") })
	order = append(order, "body")
}

// expect: ok
//
// Table-driven parallel subtests over a fixture that TestMain starts and
// stops around m.Run: each subtest uses its own client, so they share
// only the store, which locks. (Go 1.22 loop variables: each subtest
// closure has its own tc.)
// (outside round 4: a correct test written as engineers write it;
// go test -race (Go 1.19) with tc := tc added passes it; the module says
// go 1.22, so weft gives each iteration its own tc.)
package ratelimit

import (
	"os"
	"testing"
)

var srv *server

func TestMain(m *testing.M) {
	srv = startServer(NewStore(2))
	code := m.Run()
	srv.stop()
	os.Exit(code)
}

func TestAllow(t *testing.T) {
	tests := []struct {
		name   string
		client string
		calls  int
		want   []bool
	}{
		{"first call", "a", 1, []bool{true}},
		{"over limit", "c", 3, []bool{true, true, false}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for i := 0; i < tc.calls; i++ {
				if got := srv.ask(tc.client); got != tc.want[i] {
					t.Errorf("call %d: got %v, want %v", i, got, tc.want[i])
				}
			}
		})
	}
}

func TestDirect(t *testing.T) {
	s := NewStore(1)
	done := make(chan bool)
	go func() { done <- s.Allow("x") }()
	second := s.Allow("x")
	first := <-done
	if first == second {
		t.Fatalf("exactly one call may pass: %v %v", first, second)
	}
}

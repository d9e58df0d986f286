// expect: assert
// weft: --max-executions 300
//
// The table-driven parallel subtests of tests/correct/ratelimit_testmain,
// in a module whose go.mod says go 1.21: before Go 1.22 the range loop
// has one tc for all iterations, the parallel subtests resume after the
// loop ended and both test the last case: client c is asked six times
// against a limit of two, and a subtest fails.
// (outside round 4: go test -race (Go 1.19, the old loop semantics)
// fails TestAllow/over_limit with "got false, want true".)
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

#!/bin/bash
# pkgs.sh: Go packages and modules end to end, on tests/e2e/mod (a module
# of several packages, in-package and external tests, a vendored stand-in
# for golang.org/x/sync/errgroup, build-tagged files): weft test ./...,
# ./pkg/... and a directory, -run and -v as go test spells them, weft run
# and outcomes on ./cmd/shop, replaying a failed package test, and the
# errors for what is not a runnable package. Every output checked here is
# what `go run`/`go test -race` print for the module (checked with Go 1.19);
# then a module without vendor/, read from a module cache and a replace.
# Run by `make test` as: WEFT=build/weft tests/e2e/pkgs.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" pkgs
cp -r "$here/mod" "$tmp/mod"
cd "$tmp/mod" || exit 2

# the whole module: every package with tests, vendor/ not walked
"$WEFT" test ./... > out 2> err; rc=$?
expect 1 "test ./... (tally races)"
has out "ok    example.com/shop/inventory TestReserveConcurrently: ok" "in-package test"
has out "ok    example.com/shop/inventory TestExternalView: ok" "external test package"
has out "ok    example.com/shop/orders TestPlaceAll: ok" "a package using vendored errgroup"
has out "ok    example.com/shop/orders TestPlaceSoldOut: ok" "errgroup's first error"
has out "FAIL  example.com/shop/tally TestRacyAdd: expected nothing, found race" "the racy test"
has out "replay: weft replay tally --schedule " "the replay line names the package"
hasnt out "errgroup" "vendored packages' tests are not run"
hasnt out "platform" "a package without tests is not run"
last out "5 passed, 1 failed" "closing line"

# the failed test replays from the line weft printed
sched=$(grep -m1 -o 'replay: weft replay tally --schedule [^ ]*' out | sed 's/.*--schedule //')
"$WEFT" replay tally --schedule "$sched" > out 2> err; rc=$?
expect 1 "replay of the package's failed test"
has out "race: data race on tl.n" "the replay finds the race again"

# part of the module
"$WEFT" test ./inventory/... > out 2> err; rc=$?
expect 0 "test ./inventory/..."
last out "3 passed, 0 failed" "three inventory tests"
"$WEFT" test inventory > out 2> err; rc=$?
expect 0 "test DIR"
last out "3 passed, 0 failed" "a directory as a path"

# -run and -v as go test spells them
"$WEFT" test ./... -run Place > out 2> err; rc=$?
expect 0 "-run selects across packages"
has out "orders TestPlaceAll" "a selected test"
hasnt out "inventory" "a package with no selected test is skipped"
last out "2 passed, 0 failed" "two selected"
"$WEFT" test -run=External -v ./inventory > out 2> err; rc=$?
expect 0 "-run=RE -v"
has out "=== RUN   TestExternalView" "-v names the test"
has out "$(printf 'ok  \texample.com/shop/inventory\t')" "-v's package line names the import path, as go test -v"
last out "1 passed, 0 failed" "one selected"
"$WEFT" test -v ./inventory --run Concurrently > out 2> err; rc=$?
expect 0 "-v with --run"
has out "    one of three sold out" "-v shows the test's t.Log output"
"$WEFT" test -run Nothing ./... > out 2> err; rc=$?
expect 2 "-run selecting nothing"
has err "-run 'Nothing' selects no test" "says so"

# a main package: run, outcomes, build-tagged files
"$WEFT" run ./cmd/shop > out 2> err; rc=$?
expect 0 "run ./cmd/shop"
has out "on linux" "platform_linux.go chosen, legacy.go (+build ignore) left out"
has out "second order sold out: true" "packages, vendor and errors.Is together"
"$WEFT" outcomes ./cmd/shop > out 2> err; rc=$?
expect 0 "outcomes ./cmd/shop"
has out 'tea left: 0' "one outcome"
has out 'tea left: 1' "the cancelled reservation's outcome"
has out "replay: weft replay ./cmd/shop --schedule" "replay names the directory"

# a package that is not main runs its tests
"$WEFT" run ./orders > out 2> err; rc=$?
expect 0 "run on a package with tests"
has out "=== RUN   TestPlaceSoldOut" "its tests run"

# what is not a runnable package
"$WEFT" run ./platform > out 2> err; rc=$?
expect 2 "no main, no tests"
has err "package platform is not a main package and has no tests" "says so"
"$WEFT" run ./nope > out 2> err; rc=$?
expect 2 "missing directory"
has err "no such file or directory" "says so"
"$WEFT" test ./nope/... > out 2> err; rc=$?
expect 2 "missing pattern directory"
mkdir two && printf 'package a\n' > two/a.go && printf 'package b\n' > two/b.go
"$WEFT" run ./two > out 2> err; rc=$?
expect 2 "two packages in a directory"
has err "found packages a (a.go) and b (b.go) in two" "go's wording"

# a third-party import that is not vendored
mkdir -p cmd/bad && cat > cmd/bad/main.go <<'GO'
package main

import "golang.org/x/time/rate"

func main() { _ = rate.Inf }
GO
"$WEFT" run ./cmd/bad > out 2> err; rc=$?
expect 2 "not vendored"
has err "cmd/bad/main.go:3:8: error: package golang.org/x/time/rate is not in" "where and why"

# -run with subtests, as go test: each level of the pattern selects a
# level of names, subtest names rewritten (spaces, repeats)
mkdir subs && cat > subs/subs_test.go <<'GO'
package subs

import "testing"

func TestA(t *testing.T) {
	for _, n := range []string{"one", "two", "one", "with space"} {
		t.Run(n, func(t *testing.T) { t.Log("ran", t.Name()) })
	}
}

func TestB(t *testing.T) { t.Log("B") }

func BenchmarkC(b *testing.B) {}
GO
"$WEFT" test -v -run 'A/one' ./subs > out 2> err; rc=$?
expect 0 "-run A/one"
has out "    ran TestA/one" "the selected subtest ran"
has out "    ran TestA/one#01" "a repeated subtest name gets #01, as in go test"
hasnt out "TestA/two" "an unselected subtest does not run"
hasnt out "TestB" "an unselected test does not run"
"$WEFT" test -v -run 'A/^with_space$' ./subs > out 2> err; rc=$?
expect 0 "-run with a rewritten name"
has out "    ran TestA/with_space" "spaces become underscores"
mkdir benchonly && printf 'package b

import "testing"

func BenchmarkX(b *testing.B) {}
' > benchonly/b_test.go
"$WEFT" test ./benchonly > out 2> err; rc=$?
expect 2 "only benchmarks"
has err "hold no TestXxx (benchmarks and examples do not run)" "says so"
mkdir notests && printf 'package n\n\nfunc F() int { return 1 }\n' > notests/n.go
"$WEFT" test ./notests > out 2> err; rc=$?
expect 0 "a package without test files passes, as go test passes it"
has out "$(printf '?   \texample.com/shop/notests\t[no test files]')" "and is listed as go test lists it"

# os.Args: the program, then the arguments after --
cat > args.go <<'GO'
package main

import (
	"fmt"
	"os"
)

func main() { fmt.Println(len(os.Args), os.Args[1:]) }
GO
"$WEFT" run args.go -- one two > out 2> err; rc=$?
expect 0 "run with arguments"
has out "3 [one two]" "os.Args holds the arguments after --"
# the environment: weft's own, in every execution
cat > env.go <<'GO'
package main

import (
	"fmt"
	"os"
)

func main() {
	v, ok := os.LookupEnv("WEFT_PKGS_VAR")
	fmt.Println(v, ok)
	os.Setenv("WEFT_PKGS_VAR", "changed")
}
GO
WEFT_PKGS_VAR=given "$WEFT" outcomes env.go > out 2> err; rc=$?
expect 0 "environment"
has out '"given true\n"' "os.LookupEnv sees weft's environment, every execution afresh"

# a module without vendor/: third-party packages from the module cache at
# the version go.mod requires ($GOMODCACHE; an upper-case letter of a
# module path spelled "!" and the letter there, as go mod download writes
# it), and replace lines to a directory
mkdir -p "$tmp/cache/example.org/!tally@v1.2.0/count" "$tmp/local" "$tmp/m2/cmd/app"
cat > "$tmp/cache/example.org/!tally@v1.2.0/go.mod" <<'GO'
module example.org/Tally

go 1.19
GO
cat > "$tmp/cache/example.org/!tally@v1.2.0/count/count.go" <<'GO'
package count

import "sync"

type C struct {
	mu sync.Mutex
	n  int
}

func (c *C) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }

// Racy increments without the lock.
func (c *C) Racy() { c.n++ }

func (c *C) N() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }
GO
printf 'module example.org/pool\n\ngo 1.19\n' > "$tmp/local/go.mod"
cat > "$tmp/local/pool.go" <<'GO'
package pool

import "sync"

// Run runs f n times at once and waits for them.
func Run(n int, f func()) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
}
GO
cat > "$tmp/m2/go.mod" <<'GO'
module example.com/m2

go 1.19

require (
	example.org/Tally v1.2.0 // indirect
	example.org/pool v0.0.0
)

replace example.org/pool => ../local
GO
cat > "$tmp/m2/cmd/app/main.go" <<'GO'
package main

import (
	"fmt"
	"os"

	"example.org/Tally/count"
	"example.org/pool"
)

func main() {
	var c count.C
	if len(os.Args) > 1 {
		pool.Run(2, c.Racy)
	} else {
		pool.Run(3, c.Inc)
	}
	fmt.Println("count:", c.N())
}
GO
cd "$tmp/m2" || exit 2
GOMODCACHE=$tmp/cache "$WEFT" run ./cmd/app > "$tmp/out" 2> "$tmp/err"; rc=$?
cd "$tmp/mod" || exit 2; cp "$tmp/out" out; cp "$tmp/err" err
expect 0 "module cache and replace"
has out "count: 3" "the cached module and the replaced one run from source"
cd "$tmp/m2" || exit 2
GOMODCACHE=$tmp/cache "$WEFT" explore ./cmd/app -- racy > "$tmp/out" 2> "$tmp/err"; rc=$?
cd "$tmp/mod" || exit 2; cp "$tmp/out" out; cp "$tmp/err" err
expect 1 "a race inside the cached module"
has out "race: data race on c.n" "found in the third-party code"
cd "$tmp/m2" || exit 2
GOPATH=$tmp/nowhere GOMODCACHE= "$WEFT" run ./cmd/app > "$tmp/out" 2> "$tmp/err"; rc=$?
cd "$tmp/mod" || exit 2; cp "$tmp/out" out; cp "$tmp/err" err
expect 2 "not in the module cache"
has err "cmd/app/main.go:7:2: error: cannot find package example.org/Tally/count: module example.org/Tally v1.2.0 is not in the module cache $tmp/nowhere/pkg/mod (go mod download fetches it" "says where it looked"
sed -i 's/"example.org\/pool"/"example.org\/other"/; s/pool.Run/other.Run/' "$tmp/m2/cmd/app/main.go"
cd "$tmp/m2" || exit 2
GOMODCACHE=$tmp/cache "$WEFT" run ./cmd/app > "$tmp/out" 2> "$tmp/err"; rc=$?
cd "$tmp/mod" || exit 2; cp "$tmp/out" out; cp "$tmp/err" err
expect 2 "required by no module"
has err "cmd/app/main.go:8:2: error: cannot find package example.org/other: no required module provides it (go get example.org/other adds it" "says so"

echo "pkgs.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

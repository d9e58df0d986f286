#!/bin/bash
# testcmd.sh: `weft test` end to end (SPEC section 4): expectations met
# and missed, outcomes, malformed expectations at file:line:col, test
# files (each TestXxx on every interleaving, --run, leaks as errors),
# replaying a failed test's schedule, exit codes and the closing
# "N passed, N failed" line.
# Run by `make test` as: WEFT=build/weft tests/e2e/testcmd.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" testcmd

mkdir good wrong tests
cat > good/abba.go <<'GO'
// expect: deadlock
package main

import "sync"

func main() {
	var a, b sync.Mutex
	done := make(chan bool)
	go func() {
		a.Lock()
		b.Lock()
		b.Unlock()
		a.Unlock()
		done <- true
	}()
	b.Lock()
	a.Lock()
	a.Unlock()
	b.Unlock()
	<-done
}
GO
cat > good/letters.go <<'GO'
// expect: outcomes "ab" "ba"
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for _, s := range []string{"a", "b"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fmt.Print(s)
		}()
	}
	wg.Wait()
}
GO
echo 'package main' > good/no_expectations.go
echo 'func main() {}' >> good/no_expectations.go

"$WEFT" test good > out 2> err; rc=$?
expect 0 "expectations met"
has out "ok    good/abba.go: deadlock" "a deadlock found as expected"
has out "ok    good/letters.go: outcomes" "the outcome set matches"
hasnt out "no_expectations" "a file without expectations is not a test"
last out "2 passed, 0 failed" "the closing line"

# the same programs with wrong expectations
sed 's|^// expect: deadlock|// expect: ok|' good/abba.go > wrong/abba.go
sed 's|^// expect: outcomes.*|// expect: outcomes "ab" "c"|' good/letters.go > wrong/letters.go
printf '// expect: deadlock racy\npackage main\nfunc main() {}\n' > wrong/typo.go
printf '// expect: ok\n// weft: --preemptions many\npackage main\nfunc main() {}\n' > wrong/flags.go
printf '// expect: ok\npackage main\nfunc main() { x := }\n' > wrong/syntax.go
"$WEFT" test wrong > out 2> err; rc=$?
expect 1 "expectations missed"
has out "FAIL  wrong/abba.go: expected nothing, found deadlock" "an unexpected deadlock"
has out "replay: weft replay wrong/abba.go --schedule" "with its replay line"
has out "circular wait:" "and its report"
has out "outcome never printed: \"c\"" "a listed outcome never printed"
has out "unexpected outcome: \"ba\"" "an outcome not listed"
has out "wrong/typo.go:1:21: error: expect: takes ok, outcomes or finding kinds" "a malformed expectation at its column"
has out "wrong/flags.go" "bad flags name the file"
has out "--preemptions" "bad flags say which"
has out "wrong/syntax.go:3:" "a compile error at its position"
last out "0 passed, 5 failed" "the closing line counts failures"
sched=$(grep -o 'replay: weft replay wrong/abba.go --schedule [^ ]*' out | head -1 | awk '{print $NF}')
"$WEFT" replay wrong/abba.go --schedule "$sched" > out 2> err; rc=$?
expect 1 "the replay line reproduces the deadlock"
has out "deadlock (global)" "replayed deadlock"

# test files: every TestXxx on every interleaving
cat > tests/account_test.go <<'GO'
package account

import (
	"sync"
	"testing"
)

type Account struct {
	mu      sync.Mutex
	balance int
}

func (a *Account) Deposit(n int) {
	a.mu.Lock()
	a.balance += n
	a.mu.Unlock()
}

func (a *Account) UnsafeDeposit(n int) { a.balance += n }

func TestDeposit(t *testing.T) {
	var a Account
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); a.Deposit(10) }()
	}
	wg.Wait()
	if a.balance != 20 {
		t.Fatalf("balance = %d, want 20", a.balance)
	}
}

func TestUnsafeDeposit(t *testing.T) {
	var a Account
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); a.UnsafeDeposit(10) }()
	}
	wg.Wait()
	if a.balance != 20 {
		t.Errorf("balance = %d, want 20", a.balance)
	}
}

func TestLeak(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
}

func TestSubtests(t *testing.T) {
	for _, n := range []int{1, 2} {
		t.Run("n", func(t *testing.T) {
			var a Account
			a.Deposit(n)
			if a.balance != n {
				t.Error("lost", n)
			}
		})
	}
}
GO
"$WEFT" test tests > out 2> err; rc=$?
expect 1 "failing tests fail weft test"
has out "ok    tests/account_test.go TestDeposit: ok" "a correct test passes on every interleaving"
has out "FAIL  tests/account_test.go TestUnsafeDeposit: expected nothing, found race assert" "a racy test fails"
has out "assert: TestUnsafeDeposit failed: balance = 10, want 20" "t.Errorf is an assert finding"
has out "FAIL  tests/account_test.go TestLeak: expected nothing, found leak" "a leaked goroutine fails its test"
has out "ok    tests/account_test.go TestSubtests: ok" "subtests"
last out "2 passed, 2 failed" "one line per test"
sched=$(grep -A3 'TestUnsafeDeposit failed' out | grep -o 'replay: weft replay tests/account_test.go --schedule [^ ]*' | head -1 | awk '{print $NF}')
"$WEFT" replay tests/account_test.go --schedule "$sched" > out 2> err; rc=$?
expect 1 "a failed test's replay line"
has out "TestUnsafeDeposit failed: balance = 10" "replays the failing test"
"$WEFT" test tests --run '^TestDeposit$' > out 2> err; rc=$?
expect 0 "--run selects"
has out "TestDeposit: ok" "--run runs the selected test"
hasnt out "TestLeak" "--run skips the others"
last out "1 passed, 0 failed" "--run counts the selected"
"$WEFT" explore tests/account_test.go --run Leak > out 2> err; rc=$?
expect 1 "explore of a test file runs its tests"
has out "=== RUN   TestLeak" "go test's header"
has out "leak: g1" "the leak"
if grep -qE -- '^--- FAIL: TestLeak \([0-9]+\.[0-9]{2}s\)$' out; then ok; else bad "go test's verdict line"; cat out >&2; fi
"$WEFT" explore tests/account_test.go --json > out 2> err; rc=$?
expect 1 "explore --json of a test file"
if python3 - out <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))  # one object, not one per test
names = [t["test"] for t in d["tests"]]
assert names == ["TestDeposit", "TestUnsafeDeposit", "TestLeak", "TestSubtests"], names
v = {t["test"]: t["verdict"] for t in d["tests"]}
assert v["TestDeposit"] == "pass" and v["TestLeak"] == "fail", v
assert any(f["kind"] == "race" for t in d["tests"] for f in t["findings"])
PY
then ok; else bad "explore --json: one object naming each test"; fi
"$WEFT" run tests/account_test.go --run '^TestDeposit$' > out 2> err; rc=$?
expect 0 "run of a passing test"
has out "--- PASS: TestDeposit" "pass verdict"

"$WEFT" test no/such/dir > out 2> err; rc=$?
expect 2 "a missing path"
has err "no/such/dir: error: no such file or directory" "names the path"
"$WEFT" test --help > out 2> err; rc=$?
expect 0 "test --help"
has out "usage: weft test" "help text"

# go test's shapes: -v, -json (test2json's events), -q
"$WEFT" test -v tests > out 2> err; rc=$?
expect 1 "test -v"
has out "=== RUN   TestUnsafeDeposit" "-v: the RUN line"
if grep -qE -- '^--- PASS: TestDeposit \([0-9]+\.[0-9]{2}s\)$' out; then ok; else bad "-v: --- PASS: with the time"; fi
if grep -qE -- '^--- FAIL: TestUnsafeDeposit \(' out; then ok; else bad "-v: --- FAIL:"; fi
if grep -qE -- "^FAIL	tests/account_test.go	[0-9.]+s$" out; then ok; else bad "-v: the file's FAIL line"; cat out >&2; fi
"$WEFT" test --json tests good > out 2> err; rc=$?
expect 1 "test --json"
if python3 - out <<'PY'
import json, sys
ev = [json.loads(l) for l in open(sys.argv[1])]  # every line one object
tests = {(e["Package"], e.get("Test")): e["Action"] for e in ev
         if e["Action"] in ("pass", "fail")}
assert tests[("tests/account_test.go", "TestDeposit")] == "pass", tests
assert tests[("tests/account_test.go", "TestLeak")] == "fail", tests
assert tests[("tests/account_test.go", None)] == "fail", tests
assert tests[("good/abba.go", "good/abba.go")] == "pass", tests
runs = [e["Test"] for e in ev if e["Action"] == "run"]
assert "TestUnsafeDeposit" in runs, runs
fail = [e for e in ev if e["Action"] == "fail" and e.get("Test") == "TestUnsafeDeposit"][0]
assert fail["Elapsed"] >= 0 and fail["Executions"] > 0, fail
assert {f["kind"] for f in fail["Findings"]} == {"race", "assert"}, fail
out = "".join(e["Output"] for e in ev if e["Action"] == "output"
              and e.get("Test") == "TestUnsafeDeposit")
assert out.startswith("=== RUN   TestUnsafeDeposit\n"), out
assert "--- FAIL: TestUnsafeDeposit (" in out, out
PY
then ok; else bad "test --json: go test -json's events"; fi
hasnt out "passed," "--json: nothing but JSON on stdout"
"$WEFT" test -q tests > out 2> err; rc=$?
hasnt out "ok    tests/account_test.go TestDeposit" "-q: no line for a pass"
has out "FAIL  tests/account_test.go TestLeak" "-q: failures still"
printf '// expect: ok\npackage main\n\nfunc main() {\n\tch := make(chan int)\n\tgo func() { ch <- 1 }()\n}\n' > strict.go
# the kinds found, warnings too, must be exactly those listed (SPEC
# section 4): a leak the file does not list fails it, with or without
# --strict, and passes once listed
"$WEFT" test strict.go > out 2> err; rc=$?
expect 1 "a warning the file does not list fails it"
has out "expected nothing, found leak" "an unlisted warning: why"
"$WEFT" test --strict strict.go > out 2> err; rc=$?
expect 1 "--strict: a warning fails"
has out "expected nothing, found leak" "--strict says why"
sed 's|// expect: ok|// expect: leak|' strict.go > listed.go
"$WEFT" test listed.go > out 2> err; rc=$?
expect 0 "a listed leak passes"
# a failed test's search stops once it has spent as much again as finding
# the failure cost (at least 1M steps), then reports, however big the
# search: this one (8 goroutines, 20 racy adds each) never ends otherwise
# (the timeout only guards the check)
mkdir -p big
cat > big/big_test.go <<'GO'
package big

import (
	"sync"
	"testing"
)

func TestCounter(t *testing.T) {
	var wg sync.WaitGroup
	n := 0
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 20; j++ {
				n++
			}
		}()
	}
	wg.Wait()
}
GO
timeout 600 "$WEFT" test big > out 2> err; rc=$?
expect 1 "a failed test's search stops on its own"
has out "stopped after the failure" "the result line says why it stopped"
has out "race: data race on n" "with the race"
sed 's|// expect: ok|// expect: outcomes ""|' strict.go > outc.go
"$WEFT" test outc.go > out 2> err; rc=$?
expect 1 "an outcomes-only file with a leak"
has out "found leak" "an outcomes-only file with a leak: why"
# expectation files of the unit suite's directory that only weft test runs
"$WEFT" test "$root/tests/unit/go/cache_test.go" > out 2> err; rc=$?
expect 0 "tests/unit/go/cache_test.go"
last out "1 passed, 0 failed" "cache_test.go: its test file judged"
# scenarios/tests/cleanup_test.go can fail: the same test wanting the
# cleanups in registration order fails (go test runs them last first)
sed 's/cleanup 3, cleanup 2, cleanup 1"/cleanup 1, cleanup 2, cleanup 3"/' \
    "$root/scenarios/tests/cleanup_test.go" > wrongorder_test.go
"$WEFT" test wrongorder_test.go > out 2> err; rc=$?
expect 1 "cleanups wanted in registration order"
has out "FAIL  wrongorder_test.go TestCleanupOrder" "the cleanup order checked"
"$WEFT" test "$root/scenarios/tests/cleanup_test.go" > out 2> err; rc=$?
expect 0 "scenarios/tests/cleanup_test.go"

# the timing search: a race only when main's 1 ms sleep ends while the
# workers run is found, says so, and replays; a leak only reached that
# way is not reported
mkdir -p timing
cat > timing/stopper_test.go <<'GO'
package stopper

import (
	"sync"
	"testing"
	"time"
)

func TestStop(t *testing.T) {
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		go func() {
			wg.Add(1)
			defer wg.Done()
		}()
	}
	time.Sleep(time.Millisecond)
	wg.Wait()
}

func TestLateReply(t *testing.T) {
	reply := make(chan int)
	go func() { reply <- 1 }()
	select {
	case <-reply:
	case <-time.After(time.Millisecond):
	}
}
GO
"$WEFT" test timing > out 2> err; rc=$?
expect 1 "a race needing the sleep to end early fails the test"
has out "FAIL  timing/stopper_test.go TestStop: expected nothing, found race" "found by the timing search"
has out "timing: found only when the sleep or timer at stopper_test.go:17 ends" "says which sleep it needed"
has out "ok    timing/stopper_test.go TestLateReply" "a leak reached only by an early timer is not reported"
sched=$(grep -o 'replay: weft replay timing/stopper_test.go --schedule [^ ]*' out | head -1 | awk '{print $NF}')
case $sched in *.e-*) ok ;; *) bad "the timing search's schedule carries .e: $sched" ;; esac
"$WEFT" replay timing/stopper_test.go --schedule "$sched" > out 2> err; rc=$?
expect 1 "the replay line reproduces the race"
has out "timing: found only when" "with its timing line"

# Examples, as go test runs them: each ExampleXxx with an output comment
# is one more test under its own name, after the tests; its standard
# output is compared with the comment in every interleaving, a difference
# failing it with go test's got:/want: and a replay line; one without the
# comment (or not named as go test names Examples) is compiled, not run
mkdir -p ex
cat > ex/greet_test.go <<'GO'
package greet

import (
	"fmt"
	"testing"
)

func ExampleHello() {
	fmt.Println("hello")
	// Output: bye
}

func Example_fanIn() {
	done := make(chan bool)
	for _, s := range []string{"a", "b"} {
		go func(s string) { fmt.Println(s); done <- true }(s)
	}
	<-done
	<-done
	// Unordered output:
	// b
	// a
}

func ExampleNoOutput() {
	select {}
}

func Examplelower() {
	// Output: never printed
}

func TestFirst(t *testing.T) {}
GO
"$WEFT" explore ex/greet_test.go > out 2> err; rc=$?
expect 1 "an Example with a wrong output"
has out "=== RUN   ExampleHello" "the Example's RUN line, by its name"
if grep -qE -- '^--- FAIL: ExampleHello \(' out; then ok; else bad "--- FAIL: ExampleHello"; fi
if grep -qE -- '^--- PASS: Example_fanIn \(' out; then ok; else bad "--- PASS: Example_fanIn"; fi
if python3 - out <<'PY'
import sys
t = open(sys.argv[1]).read()
assert "assert: ExampleHello failed: got:\nhello\nwant:\nbye\n" in t, t
runs = [l.split()[-1] for l in t.splitlines() if l.startswith("=== RUN")]
assert runs == ["TestFirst", "ExampleHello", "Example_fanIn"], runs
PY
then ok; else bad "go test's got:/want: text, the tests then the Examples"; fi
hasnt out "ExampleNoOutput" "an Example without an output comment does not run"
hasnt out "Examplelower" "Examplelower is not an Example"
sched=$(grep -o 'replay: weft replay ex/greet_test.go --schedule [^ ]*' out | head -1 | awk '{print $NF}')
"$WEFT" replay ex/greet_test.go --schedule "$sched" > out 2> err; rc=$?
expect 1 "the Example's replay line"
has out "assert: ExampleHello failed: got:" "replays the wrong output"
"$WEFT" test ex > out 2> err; rc=$?
expect 1 "weft test: a failing Example"
has out "FAIL  ex/greet_test.go ExampleHello: expected nothing, found assert" "weft test names the Example"
has out "ok    ex/greet_test.go Example_fanIn" "an Unordered output passes"
"$WEFT" test ex -run 'Example_' > out 2> err; rc=$?
expect 0 "-run selects Examples by name"
last out "1 passed, 0 failed" "-run Example_: the one Example"

# -j N: files at once, the same output in the same order as -j 1
norm() { sed -E 's/[0-9]+\.[0-9]+s(\)|\\n|$)/Ts\1/g; s/"Elapsed":[0-9.]+/"Elapsed":T/'; }
for f in "" "-v" "--json"; do
    "$WEFT" test -j 1 $f good wrong tests > j1 2> err; r1=$?
    "$WEFT" test -j 2 $f good wrong tests > j2 2> err; r2=$?
    if [ "$r1" = "$r2" ] && cmp -s <(norm < j1) <(norm < j2); then ok; else
        bad "test -j 2 $f: not the output of -j 1"; diff <(norm < j1) <(norm < j2) | head >&2; fi
done
"$WEFT" test -j 1 --html H wrong tests > /dev/null 2>&1; mv H h1
"$WEFT" test -j 2 --html H wrong tests > /dev/null 2>&1
if [ -n "$(ls h1)" ] && [ "$(ls h1)" = "$(ls H)" ] && cmp -s h1/index.html H/index.html &&
   cmp -s <(grep -v recorded h1/*TestUnsafe*-1.html) <(grep -v recorded H/*TestUnsafe*-1.html); then ok; else
    bad "test -j 2 --html: not the pages of -j 1"; fi
"$WEFT" test -j 0 good > out 2> err; rc=$?
expect 2 "-j 0"
"$WEFT" test -x good > out 2> err; rc=$?
expect 2 "an unknown letter"
has err "unknown option '-x'" "names it"

echo "testcmd.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

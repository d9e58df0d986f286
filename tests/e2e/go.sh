#!/bin/bash
# go.sh: the weft command on scenario files (SPEC section 4, issue 6):
# run, explore, outcomes and replay of .go files, their exit codes and
# compiler-style errors, --json, --go and go.mod, recording to a
# database and replaying from it, and every malformed file of
# tests/e2e/bad refused with "file:line:col: error:" and exit 2, no crash.
# Run by `make test` as: WEFT=build/weft tests/e2e/go.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" go

cat > hello.go <<'GO'
package main

import "fmt"

func main() {
	var fs []func() int
	for i := 0; i < 3; i++ {
		fs = append(fs, func() int { return i })
	}
	for _, f := range fs {
		fmt.Print(f())
	}
	fmt.Println()
}
GO
"$WEFT" run hello.go > out 2> err; rc=$?
expect 0 "run hello.go"
has out "012" "run prints the output (Go 1.22 loop variables)"
"$WEFT" run hello.go --go 1.21 > out 2> err; rc=$?
has out "333" "--go 1.21: one variable per loop"
mkdir -p old && cp hello.go old/ && printf 'module x\n\ngo 1.20\n' > old/go.mod
"$WEFT" run old/hello.go > out 2> err; rc=$?
has out "333" "go.mod's go 1.20 decides loop variables"

cp "$root/tests/unit/go/philosophers.go" philo.go
"$WEFT" explore philo.go --preemptions 2 --time-limit 0 > out 2> err; rc=$?
expect 1 "explore finds the philosophers' deadlock"
has out "deadlock (global)" "the deadlock is reported"
has out "preemption bound 2 fully explored" "the bounded search is complete"
sched=$(grep -o 'replay: weft replay philo.go --schedule [^ ]*' out | head -1 | awk '{print $NF}')
"$WEFT" replay philo.go --schedule "$sched" > out 2> err; rc=$?
expect 1 "replay reproduces the deadlock"
has out "deadlock" "replay shows the deadlock"
"$WEFT" explore philo.go --preemptions 1 --json > out 2> err; rc=$?
has out '"kind": "deadlock"' "--json names the finding"
"$WEFT" outcomes "$root/tests/e2e/go/seed_once.go" > out 2> err; rc=$?
expect 0 "outcomes of seed_once.go"
has out '"Initializing...\n"' "one outcome"

"$WEFT" explore philo.go --preemptions 2 --db t.db > out 2> err; rc=$?
"$WEFT" replay t.db --run 1 --finding 1 > out 2> err; rc=$?
expect 1 "replay of a recorded .go finding"
has out "equal to run" "the replay matches the recording"

printf 'package main\n\nfunc main() {\n\tx := y\n}\n' > undef.go
"$WEFT" run undef.go > out 2> err; rc=$?
expect 2 "an undefined name"
has err "weft: undef.go:4:7: error: undefined: y" "compiler-style error"
printf 'package main\n\nimport "net/http"\n\nfunc main() {}\n' > imp.go
"$WEFT" explore imp.go > out 2> err; rc=$?
expect 2 "an import outside SPEC"
has err 'unsupported: import "net/http"' "the import is named"
"$WEFT" run nosuch.go > out 2> err; rc=$?
expect 2 "a missing file"
"$WEFT" explore hello.go --bogus > out 2> err; rc=$?
expect 2 "an unknown option"
"$WEFT" run --help > out 2> err; rc=$?
expect 0 "run --help"
# the type checker goes on after an error, as go build does: three
# independent errors, three lines in source order, exit 2
cat > three.go <<'GO'
package main

import "fmt"

func main() {
	x := "a" + 2
	fmt.Println(x)
	var n int = "b"
	fmt.Println(n)
}

func f() int {
	var s string = 1
	return len(s)
}
GO
"$WEFT" run three.go > out 2> err; rc=$?
expect 2 "three type errors"
if [ "$(grep -c ': error: ' err)" = 3 ]; then ok; else bad "three errors, three lines"; cat err >&2; fi
has err 'weft: three.go:6:7: error: invalid operation: "a" + 2' "the first at its place"
has err 'weft: three.go:8:14: error: cannot use "b"' "the second"
has err 'weft: three.go:13:17: error: cannot use 1' "the third, in another function"

n=0
for f in "$root"/tests/e2e/bad/*.go; do
	"$WEFT" run "$f" > out 2> err; rc=$?
	if [ "$rc" != 2 ] || ! grep -q ": error: " err; then
		bad "$(basename "$f"): exit $rc"; cat err >&2
	else
		n=$((n + 1))
	fi
done
[ "$n" -gt 0 ] && ok

# --metrics: the per-task counters of one execution (SPEC section 5)
"$WEFT" run "$root/scenarios/classic/philosophers_ordered.go" --metrics > out 2> err; rc=$?
expect 0 "run --metrics"
has out "fairness (Jain's index over steps, 5 tasks):" "metrics end with Jain's index"
has out "g4 phil" "a row per task"
"$WEFT" run "$root/scenarios/classic/philosophers_ordered.go" --metrics --json > out 2> err; rc=$?
has out '"metrics": {"tasks": [{"tid": 0, "name": "main", "steps": ' "--json carries the metrics"
"$WEFT" explore "$root/scenarios/classic/philosophers_ordered.go" --metrics > out 2> err; rc=$?
expect 2 "explore --metrics is refused"
has err "--metrics belongs to run and replay" "says why"

# a multi-valued call as the only argument, whatever its receiver
cat > multi.go <<'GO'
package main

import "fmt"

type P struct{ a, b int }

func (p P) Two() (int, int) { return p.a, p.b }
func mk() P                  { return P{1, 2} }

type W struct{ p P }

type Twoer interface{ Two() (int, int) }

func sum(x, y int) int { return x + y }

func main() {
	w := W{P{5, 6}}
	var i Twoer = P{7, 8}
	fmt.Println(mk().Two())
	fmt.Println(sum(mk().Two()))
	fmt.Println(w.p.Two())
	fmt.Println(i.Two())
	fmt.Println(sum(i.Two()))
	done := make(chan bool)
	go func(x, y int) { fmt.Println(x + y); done <- true }(i.Two())
	<-done
	defer fmt.Println(i.Two())
}
GO
"$WEFT" run multi.go > out 2> err; rc=$?
expect 0 "run multi.go"
if [ "$(head -7 out | tr '\n' ' ')" = "1 2 3 5 6 7 8 15 15 7 8 " ]; then ok; else bad "multi-valued calls as arguments: $(head -7 out | tr '\n' ' ')"; fi

# a busy loop waiting for a sleeper never lets strict virtual time move
# (a sleep of 1 ms or more): the summary says so and names --time loose
cat > busy.go <<'GO'
package main

import (
	"sync/atomic"
	"time"
)

func main() {
	var stop atomic.Bool
	go func() {
		for !stop.Load() {
		}
	}()
	time.Sleep(100 * time.Millisecond)
	stop.Store(true)
}
GO
# ... while a sleep shorter than a millisecond ends early under strict
# time too: the busy loop no longer holds main back, no execution is cut
sed 's/100 \* time.Millisecond/500 * time.Microsecond/' busy.go > busyms.go
"$WEFT" explore busyms.go --max-steps 5000 --max-executions 3 > out 2> err; rc=$?
expect 0 "explore busyms.go"
if grep -q "cut at --max-steps\|complete up to --max-steps" out; then
    bad "a 500 us sleep outrun by a busy loop: $(tail -1 out)"
else ok; fi
# A loop that only polls waits for what it polls (the await check): the
# sleeper's clock moves, and the search completes
"$WEFT" explore busy.go --max-steps 5000 --max-executions 3 > out 2> err; rc=$?
expect 0 "explore busy.go"
has out "complete; 0 errors" "a spin-wait for a sleeper waits for the flag"
# one that counts its turns never repeats a state: virtual time cannot
# move, the executions are cut, and the summary says why
sed 's/for !stop.Load() {/n := 0\n\t\tfor !stop.Load() {\n\t\t\tn++/; s/^\t}()/\t\t_ = n\n\t}()/' busy.go > busyn.go
"$WEFT" explore busyn.go --max-steps 5000 --max-executions 3 > out 2> err; rc=$?
expect 0 "explore busyn.go"
has out "complete up to --max-steps" "a cut search is complete only up to the cut"
has out "hint: " "the hint about strict time"
has out "--time loose" "the hint names --time loose"
# ... and it is not a livelock: real time would wake the sleeper
"$WEFT" explore busy.go --max-steps 30000 --max-executions 1 > out 2> err; rc=$?
expect 0 "a spin-wait for a sleeper past the livelock window"
if grep -q "livelock" out; then bad "a spin-wait for a sleeper reported as a livelock"; else ok; fi

# A poller that locks, looks and unlocks in a loop waits for a worker
# enabled at each Unlock: a cycle in which that worker never runs is
# unfair (strong fairness: Go's mutex hands off to a waiter after 1ms),
# not a livelock. The schedule is one that led into such a cycle.
cp "$root/tests/unit/go/poll_flag_under_lock.go" poll.go
"$WEFT" run poll.go --schedule e49d25c3-A1023BA2994.qtf > out 2> err; rc=$?
if grep -q "^livelock" out; then bad "a poller under a lock reported as a livelock"; else ok; fi
"$WEFT" explore busy.go --time loose --max-steps 5000 --max-executions 20 > out 2> err; rc=$?
expect 0 "explore busy.go --time loose"
if grep -q "hint: " out; then bad "no hint under --time loose"; else ok; fi
# timers fire early under --time loose, as sleeps return at once (GoKer's
# etcd#7492: a 1ns ticker firing while others run); never once stopped
cat > early.go <<'GO'
package main

import "time"

func main() {
	t := time.NewTimer(time.Hour)
	done := make(chan bool, 1)
	go func() { done <- true }()
	select {
	case <-t.C:
		panic("the timer fired first")
	case <-done:
	}
	s := time.NewTimer(time.Hour)
	s.Stop()
	select {
	case <-s.C:
		panic("a stopped timer fired")
	default:
	}
}
GO
"$WEFT" explore early.go > out 2> err; rc=$?
expect 0 "explore early.go: strict time, the hour never passes while main runs"
"$WEFT" explore early.go --time loose > out 2> err; rc=$?
expect 1 "explore early.go --time loose"
has out "the timer fired first" "a timer fires early under --time loose"
if grep -q "a stopped timer fired" out; then bad "a stopped timer fired"; else ok; fi
# ... but a ticker's early tick needs time to pass: the task that took one
# gets the next only after another task steps or the clock moves, so a
# loop on a 1ns ticker never starves the others (etcd#7492's keeper loop
# ran every execution to --max-steps), and the lock-order deadlock between
# the loop and a locked sender is found at once
cat > tickloop.go <<'GO'
package main

import (
	"sync"
	"time"
)

func main() {
	var mu sync.Mutex
	ch := make(chan int, 1)
	stop := make(chan bool)
	tk := time.NewTicker(time.Nanosecond)
	go func() {
		for {
			select {
			case <-ch:
			case <-tk.C:
				mu.Lock()
				mu.Unlock()
			case <-stop:
				return
			}
		}
	}()
	for i := 0; i < 3; i++ {
		mu.Lock()
		ch <- i
		mu.Unlock()
	}
	stop <- true
	tk.Stop()
}
GO
"$WEFT" explore tickloop.go --time loose --max-steps 50000 \
    --max-executions 100 > out 2> err; rc=$?
expect 1 "explore tickloop.go --time loose"
has out "deadlock" "the ticker loop blocked on the sender's lock"
if grep -q "cut at --max-steps" out; then
    bad "a ticker loop ran an execution to --max-steps: $(tail -1 out)"
else ok; fi
# by default (strict time) a ticker shorter than a millisecond fires
# early too: Go gives its nanosecond tick no order against runnable work
"$WEFT" explore tickloop.go --max-steps 50000 --max-executions 100 \
    > out 2> err; rc=$?
expect 1 "explore tickloop.go: a 1ns ticker fires early under strict time"
has out "deadlock" "the 1ns ticker loop blocked on the sender's lock (strict)"
# time stops when main returns, for early timers too: a retry loop on a
# 2 ns time.After is then blocked forever (a leak, as grpc#862), not run
# on to --max-steps
cat > retry.go <<'GO'
package main

import (
	"context"
	"time"
)

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for i := 1; ; i++ {
			_, c := context.WithTimeout(ctx, 10*time.Nanosecond)
			c()
			select {
			case <-time.After(2 * time.Nanosecond * time.Duration(i)):
			case <-ctx.Done():
				return
			}
		}
	}()
	_ = cancel
}
GO
"$WEFT" explore retry.go --max-steps 20000 --max-executions 20 > out 2> err; rc=$?
expect 0 "explore retry.go (a leak is a warning in a program)"
has out "leak" "a retry loop on early timers leaks once main returned"
if grep -q "cut at --max-steps" out; then
    bad "early timers fired after main returned: $(tail -1 out)"
else ok; fi
# a goroutine that starts its sleep only after main returned still wakes
# (Go wakes it: no leak), and so does the one its send then releases;
# sending where nobody receives after that sleep is still a leak, at the send
cat > latesleep.go <<'GO'
// expect: ok
package main

import "time"

func main() {
	res := make(chan int)
	go func() {
		time.Sleep(2 * time.Millisecond)
		res <- 1
	}()
	go func() { <-res }()
	time.Sleep(500 * time.Microsecond)
}
GO
"$WEFT" test latesleep.go > out 2> err; rc=$?
expect 0 "test latesleep.go: sleeps started after main returned end"
sed -e 's/go func() { <-res }()//' -e 's/expect: ok/expect: leak/' \
    latesleep.go > latesend.go
"$WEFT" explore latesend.go > out 2> err; rc=$?
expect 0 "explore latesend.go (a leak is a warning in a program)"
has out "blocked forever in send" "the late sleeper blocked on its send"
# ... while a 10 ms one (Go's scheduling quantum) waits for the clock:
# strict time orders it after the work that can run
sed 's/time.NewTicker(time.Nanosecond)/time.NewTicker(10 * time.Millisecond)/' \
    tickloop.go > tickms.go
"$WEFT" explore tickms.go > out 2> err; rc=$?
expect 0 "explore tickms.go: strict time, a 10ms tick never comes while main runs"
# every task blocked beside a live ticker whose tick nobody takes: the
# clock would move forever (each tick dropped), so it is a deadlock, not
# an execution run to --max-steps
cat > tickdead.go <<'GO'
package main

import (
	"sync"
	"time"
)

func main() {
	tk := time.NewTicker(time.Millisecond)
	<-tk.C
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}
GO
"$WEFT" explore tickdead.go > out 2> err; rc=$?
expect 1 "explore tickdead.go"
has out "deadlock (global)" "blocked beside a ticker nobody reads"
if grep -q "cut at --max-steps" out; then bad "blocked beside a ticker: cut at --max-steps"; else ok; fi

# the semantics switches on Go programs, each observable: the outputs
# over all executions (--json's outcomes) or a finding
outs() { python3 -c 'import json,sys; print(" ".join(sorted(repr(o["output"]) for o in json.load(sys.stdin)["outcomes"])))'; }
cat > condorder.go <<'GO'
package main

import (
	"fmt"
	"sync"
)

// g0 waits on the cond before g1 does; one Signal: fifo wakes g0, any
// either
func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	woke := make(chan int, 2)
	for i := 0; i < 2; i++ {
		waiting := make(chan bool)
		go func(id int) {
			mu.Lock()
			waiting <- true
			c.Wait()
			mu.Unlock()
			woke <- id
		}(i)
		<-waiting
		mu.Lock() // granted once the waiter is in Wait
		mu.Unlock()
	}
	mu.Lock()
	c.Signal()
	mu.Unlock()
	fmt.Println(<-woke)
	mu.Lock()
	c.Broadcast()
	mu.Unlock()
	<-woke
}
GO
cat > spurious.go <<'GO'
package main

import "sync"

// a Wait not in a loop: right only if Wait never returns unsignalled
func main() {
	var mu sync.Mutex
	c := sync.NewCond(&mu)
	ready := false
	go func() {
		mu.Lock()
		ready = true
		c.Signal()
		mu.Unlock()
	}()
	mu.Lock()
	if !ready {
		c.Wait()
	}
	if !ready {
		panic("woke without ready")
	}
	mu.Unlock()
}
GO
cat > handoff.go <<'GO'
package main

import (
	"fmt"
	"sync"
	"time"
)

// g waits on the mutex (the clock moves only once it is blocked); main
// unlocks and locks again at once: fifo hands it to g, free lets main
// barge in
func main() {
	var mu sync.Mutex
	order := ""
	done := make(chan bool)
	mu.Lock()
	go func() {
		mu.Lock()
		order += "g"
		mu.Unlock()
		done <- true
	}()
	time.Sleep(time.Second)
	mu.Unlock()
	mu.Lock()
	order += "m"
	mu.Unlock()
	<-done
	fmt.Println(order)
}
GO
cat > late.go <<'GO'
package main

import "sync"

// the worker must run all 40 of its steps before main's first: random
// scheduling almost never, PCT (the worker's priority above main's) half
// the time
func main() {
	var mu sync.Mutex
	x := 0
	done := make(chan bool)
	go func() {
		for i := 0; i < 40; i++ {
			mu.Lock()
			x++
			mu.Unlock()
		}
		done <- true
	}()
	mu.Lock()
	v := x
	mu.Unlock()
	if v == 40 {
		panic("the worker ran to the end first")
	}
	<-done
}
GO
cat > leak.go <<'GO'
package main

func main() {
	ch := make(chan int)
	go func() { ch <- 1 }()
}
GO
o=$("$WEFT" explore condorder.go --json | outs)
[ "$o" = "'0\\n'" ] && ok || bad "--cond-order fifo (default): the first waiter wakes: $o"
o=$("$WEFT" explore condorder.go --cond-order any --json | outs)
[ "$o" = "'0\\n' '1\\n'" ] && ok || bad "--cond-order any: either waiter wakes: $o"
"$WEFT" explore spurious.go > out 2> err; rc=$?
expect 0 "a Wait not in a loop, no spurious wakeups"
"$WEFT" explore spurious.go --spurious-wakeups > out 2> err; rc=$?
expect 1 "--spurious-wakeups: a Wait returns unsignalled"
has out "woke without ready" "--spurious-wakeups: the panic"
o=$("$WEFT" explore handoff.go --json | outs)
[ "$o" = "'gm\\n' 'mg\\n'" ] && ok || bad "--mutex free (default): main may barge in: $o"
o=$("$WEFT" explore handoff.go --mutex fifo --json | outs)
[ "$o" = "'gm\\n'" ] && ok || bad "--mutex fifo: handed to the waiter: $o"
"$WEFT" explore late.go --strategy pct --max-executions 200 > out 2> err; rc=$?
expect 1 "--strategy pct: a worker's priority above main's"
has out "the worker ran to the end first" "--strategy pct finds the late read"
"$WEFT" explore late.go --strategy random --max-executions 200 > out 2> err; rc=$?
expect 0 "--strategy random does not (40 steps in a row)"
"$WEFT" explore leak.go > out 2> err; rc=$?
expect 0 "a leak is a warning in a program"
has out "0 errors, 1 warning" "the leak counted as a warning"
"$WEFT" explore leak.go --strict > out 2> err; rc=$?
expect 1 "explore --strict: a warning fails"
"$WEFT" run leak.go --strict > out 2> err; rc=$?
expect 1 "run --strict: a warning fails"

# --time-limit holds inside an execution too: a goroutine spinning for
# 100,000,000 steps is stopped within seconds, not after the execution
cat > spin.go <<'GO'
package main

func main() {
	x := 0
	go func() {
		for {
			x++
		}
	}()
	for {
		_ = x
	}
}
GO
start=$(date +%s)
timeout 60 "$WEFT" explore spin.go --max-steps 100000000 --time-limit 1 \
    > out 2> err; rc=$?
took=$(( $(date +%s) - start ))
expect 1 "explore of a spinner under --time-limit"
has out "stopped by the time limit" "the summary says the time limit stopped it"
# (the fairness switch after 1024 steps lets the other goroutine run: the
# race on x is found in the first, endless execution)
has out "data race on x" "the spinner's race is found before the stop"
if [ "$took" -le 20 ]; then ok; else bad "--time-limit 1 took ${took}s"; fi

# timers before Go 1.23 (--go 1.22, or such a go.mod): a value sent
# before Stop or Reset stays in the channel (tests/correct has 1.23's)
"$WEFT" run "$root/tests/correct/timer_stop_no_stale.go" --go 1.22 > out 2> err; rc=$?
expect 0 "timers under --go 1.22"
has out "stopped: false, a stale value" "Stop leaves the fired value"
has out "reset: a stale value" "so does Reset"
has out "ticks at 1.5s 3.5s" "a ticker's Reset leaves its tick"
mkdir -p t122 && printf 'module t\n\ngo 1.22\n' > t122/go.mod
cp "$root/tests/correct/timer_stop_no_stale.go" t122/
"$WEFT" run t122/timer_stop_no_stale.go > out 2> err; rc=$?
has out "stopped: false, a stale value" "go.mod's go 1.22 decides timers too"

# undefined names: every one, up to Go's 10, then "too many errors"
{ printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tx := undefinedA\n\tfmt.Prinln(x)\n'
  for i in 1 2 3 4 5 6 7 8 9 10; do printf '\tf%d()\n' $i; done
  printf '}\n'; } > undef.go
"$WEFT" run undef.go > out 2> err; rc=$?
expect 2 "run of a file with undefined names"
has err "undef.go:6:7: error: undefined: undefinedA" "the first is reported"
has err "undef.go:7:6: error: undefined: fmt.Prinln" "and the next"
has err "undef.go:15:2: error: undefined: f8" "up to the tenth"
has err "undef.go:15:2: too many errors" "then too many errors"
hasnt err "f9" "not past the tenth"

echo "go.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

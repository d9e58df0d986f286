#!/bin/bash
# newuser.sh: what a new user tries after the README's tutorial, and the
# message each mistake must get: a library file (not package main) is
# refused, not run as nothing with exit 0; C source, a trace database or
# an executable given where Go source goes says what to do instead; a
# missing file says why; a replay against another program says so; an
# interrupted exploration's database tells view and replay how to record
# the witness; `weft help cc` is `weft cc --help`; one-dash typos get
# "did you mean"; `weft replay prog --schedule S` runs ./prog, not a
# command of the PATH; a second file says where the program's arguments
# go.
# Run by `make test` as: WEFT=build/weft tests/e2e/newuser.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" newuser

# a library file: go run refuses it; weft must not run nothing and pass
printf 'package shop\n\nfunc Total(a, b int) int { return a + b }\n' > shop.go
for c in run explore outcomes; do
    "$WEFT" $c shop.go > out 2> err; rc=$?
    expect 2 "$c of a package shop file"
    has err "shop.go: error: package shop is not a main package" "$c says why"
done

# a missing file says why
"$WEFT" run nosuch.go > out 2> err; rc=$?
expect 2 "a missing file"
has err "nosuch.go: error: cannot open the file: No such file or directory" \
    "the reason"

# C source, a database, an executable: what to do instead
printf '#include <pthread.h>\nint main(void) { return 0; }\n' > t.c
"$WEFT" run t.c > out 2> err; rc=$?
expect 2 "run of C source"
has err "weft cc -o prog t.c" "points at weft cc"
hasnt err "1:1" "no Go syntax error at 1:1"
cp "$root/scenarios/classic/philosophers_naive.go" philo.go
"$WEFT" run philo.go --seed 3 --db philo.db > out 2> err
"$WEFT" explore philo.db > out 2> err; rc=$?
expect 2 "explore of a database"
has err "a trace database, not a program" "says it is a database"
has err "weft replay philo.db --run-id ID" "and how to replay it"
cp /bin/true prog
"$WEFT" run prog > out 2> err; rc=$?
expect 2 "run of an executable"
has err "./prog run" "a weft cc program runs weft's commands itself"

# weft replay PROG: the file named, even without a slash
printf '#!/bin/sh\necho "prog got: $*"\n' > cprog
chmod +x cprog
"$WEFT" replay cprog --schedule 0badcafe-AB.xyz > out 2> err; rc=$?
expect 0 "replay of a program in the current directory"
has out "prog got: replay --schedule 0badcafe-AB.xyz" "./cprog ran"

# a schedule of another program: the divergence says so
"$WEFT" replay philo.go --schedule c56be359-A5.n36 > out 2> err; rc=$?
expect 2 "a schedule of another program"
has err "recorded for another program" "says whose schedule it is"
has err "hash c56be359, this one is 9edf0dbe" "with both hashes"

# weft help cc is weft cc --help
"$WEFT" help cc > out 2> err; rc=$?
expect 0 "weft help cc"
"$WEFT" cc --help > out2 2> err
if cmp -s out out2; then ok; else bad "weft help cc differs from weft cc --help"; diff out out2 >&2; fi

# one-dash spellings (Go's flag package): typos get a suggestion
"$WEFT" run -see 3 philo.go > out 2> err; rc=$?
expect 2 "-see"
has err "did you mean --seed?" "suggests --seed"
"$WEFT" run -record all philo.go > out 2> err; rc=$?
expect 2 "-record on run"
has err "--record belongs to explore and outcomes" "names its commands"
"$WEFT" run -x philo.go > out 2> err; rc=$?
expect 2 "-x"
hasnt err "in '-x'" "no '-x in -x'"

# two files where one goes: where the program's arguments go; the
# usage line shows them
"$WEFT" run philo.go shop.go > out 2> err; rc=$?
expect 2 "two files"
has err "the program's arguments come after --" "says where arguments go"
"$WEFT" run --help > out 2> err
has out "usage: weft run FILE|DIR [options] [-- ARGS...]" "run's usage line"

# a clean exploration's database: view and replay say why there is
# nothing to show, and how to keep executions
printf 'package main\n\nfunc main() {\n\tdone := make(chan bool)\n\tgo func() { done <- true }()\n\t<-done\n}\n' > clean.go
"$WEFT" explore clean.go --db clean.db > out 2> err; rc=$?
expect 0 "explore of a clean program"
"$WEFT" view clean.db --dump > out 2> err; rc=$?
expect 2 "view of a clean exploration"
has err "found nothing" "view says it found nothing"
has err "--record all" "view says how to keep executions"
"$WEFT" replay clean.db --run-id 1 > out 2> err; rc=$?
expect 2 "replay of a clean exploration"
hasnt err "its 0 findings" "no 'one of its 0 findings'"
has err "--record all" "replay says how to keep executions"

# select {} in main: the Coffman lines name an empty select, not a nil
# channel
printf 'package main\n\nfunc main() {\n\tselect {}\n}\n' > block.go
"$WEFT" run block.go > out 2> err; rc=$?
expect 1 "select {} deadlocks"
has out "no preemption:    a select with no cases never proceeds" "why it never proceeds"
hasnt out "nil channel" "no nil channel in sight"

# singular counts
printf 'package main\n\nfunc main() {}\n' > empty.go
"$WEFT" explore empty.go > out 2> err; rc=$?
expect 0 "explore of an empty main"
has out "1 execution, 1 step, " "one execution, one step"

# a search cut with one execution left says "1 execution"
cat > pump.go <<'EOF2'
package main

func main() {
	ch := make(chan int)
	go func() {
		for i := 0; ; i++ {
			ch <- i
		}
	}()
	for range ch {
	}
}
EOF2
"$WEFT" explore pump.go --max-steps 100000000 --time-limit 1 > out 2> err; rc=$?
expect 0 "a search stopped by the time limit"
has out "(an estimated 1 execution left)" "one execution, singular"

# an interrupted exploration records no witness: view and replay say how
cat > spin.go <<'EOF'
package main

import "sync"

func main() {
	var mu sync.Mutex
	n := 0
	go func() {
		for {
			mu.Lock()
			n++
			mu.Unlock()
		}
	}()
	for {
		mu.Lock()
		n--
		mu.Unlock()
	}
}
EOF
"$WEFT" explore spin.go --db spin.db > out 2> err &
pid=$!
sleep 2
kill -INT $pid
wait $pid; rc=$?
expect 130 "Ctrl-C of an endless exploration"
has out "interrupted" "says so"
if grep -q "^livelock" out; then
    "$WEFT" view spin.db --dump > out 2> err; rc=$?
    expect 2 "view of a summary without witness"
    has err "weft replay spin.go --schedule " "view gives the replay line"
    has err "--db spin.db" "that records it"
    "$WEFT" replay spin.db --run-id 1 --finding 1 > out 2> err; rc=$?
    expect 2 "replay of a finding without witness"
    has err "replay its schedule: weft replay spin.go --schedule " \
        "replay gives the replay line"
else
    echo "newuser.sh: note: no finding before the interrupt (a loaded machine?)" >&2
fi

finish newuser.sh

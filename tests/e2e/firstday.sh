#!/bin/bash
# firstday.sh: a teacher's and a CI engineer's first day with weft, the
# rough edges they met: --time-limit takes go test's durations (2s,
# 500ms, 1m30s) as well as seconds; the viewer shows the source line the
# database kept (what ran), not "(source not found)" once the database
# travelled, nor the line of a file changed since; run, explore and
# outcomes given a pattern (./...) point at weft test, not "no such file";
# weft list keeps its columns aligned under a long file name; weft view
# without a terminal names the commands that work without one, with the
# database and the run, and an unknown or unset TERM says what to do;
# weft report --html - writes the page to standard output, not to a file
# named "-"; Ctrl-C while weft compiles a big program says interrupted
# (it exited 130 in silence); weft test with no path in a Go project
# (no scenarios/ directory) says to name one, as go test takes it; every
# command's --help gives the exit statuses the README gives (an error
# finding, not a warning, fails; 130 and 143 when interrupted), and its
# --json's shape (test's alone is go test -json's lines); --max-memory
# 512 (a forgotten unit: 512 bytes, every execution cut, exit 0) is
# refused; weft test -run with a bad regular expression is a usage error
# (exit 2), not a failure of each file (exit 1); weft play given a
# directory, C source or a database says what to do (it gave "cannot read
# the file" or a Go syntax error at 1:1), and checks the file before it
# asks for a terminal; a mistyped command gets "did you mean", a missing
# operand names what is missing (report's is a DB, not a FILE) with the
# usage; weft replay DB --run-id of a package's run from another
# directory says to replay it from where it was recorded (it looked for
# a command of that name on the PATH); weft play --max-memory bounds its
# executions (it was accepted and ignored) and says an execution was cut,
# not "every task is done"; explore -j's planning holds --max-memory.
# Run by `make test` as: WEFT=build/weft tests/e2e/firstday.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" firstday

# a search that takes ages: the limit, however spelt, stops it
cp "$root/scenarios/seeds/patterns_mutex.go" spin.go
for t in 200ms 0.2s 0.2; do
    "$WEFT" explore spin.go --time-limit "$t" > out 2> err; rc=$?
    expect 0 "--time-limit $t"
    has out "stopped by the time limit" "--time-limit $t stops the search"
done
"$WEFT" explore spin.go --time-limit=1m --max-executions 2 > out 2> err; rc=$?
expect 0 "--time-limit=1m"
for t in 2x 1e3 s 2s3 . -1s; do
    "$WEFT" explore spin.go --time-limit "$t" --max-executions 5 > out 2> err
    rc=$?
    expect 2 "--time-limit $t"
    has err "not '$t'" "--time-limit $t is refused, saying what it got"
done
has err "2s, 500ms" "the refusal shows a duration"

# the viewer's source line: from the source the database kept
mkdir -p class away
cp "$root/scenarios/classic/philosophers_naive.go" class/philo.go
(cd class && "$WEFT" explore philo.go --db philo.db > /dev/null 2>&1)
mv class/philo.db away/
(cd away && "$WEFT" view philo.db --dump --size 100x30) > out 2> err; rc=$?
expect 0 "view of a database that travelled"
has out "philo.go:19:  right.Lock()" "the recorded source line"
hasnt out "source not found" "no (source not found)"
sed -i 's/right.Lock()/right.Lock() \/\/ changed/' class/philo.go
mv away/philo.db class/
(cd class && "$WEFT" view philo.db --dump --size 100x30) > out 2> err; rc=$?
has out "philo.go:19:  right.Lock()" "the line that ran"
hasnt out "changed" "not the line of the file changed since"

# a pattern where one program goes
mkdir -p m/a && printf 'module example.com/m\n\ngo 1.21\n' > m/go.mod
printf 'package main\n\nfunc main() {}\n' > m/a/main.go
for c in run explore outcomes; do
    (cd m && "$WEFT" $c ./...) > out 2> err; rc=$?
    expect 2 "$c ./..."
    has err "$c takes one file or package directory, not a pattern" \
        "$c ./... says a pattern is not for $c"
    has err "weft test ./..." "$c ./... points at weft test"
done

# weft list: a long path does not push the columns after it out of line
mkdir -p scenarios/classic
cp class/philo.go scenarios/classic/philosophers_naive.go
"$WEFT" explore scenarios/classic/philosophers_naive.go --db long.db \
    > /dev/null 2>&1
"$WEFT" list long.db > out 2> err; rc=$?
expect 0 "weft list"
h=$(head -n 1 out | grep -bo STRATEGY | cut -d: -f1)
r=$(grep -m 1 '^1 ' out | grep -bo ' dpor ' | cut -d: -f1)
if [ -n "$h" ] && [ "$h" = "$((r + 1))" ]; then ok; else
    bad "weft list: STRATEGY at column $h, dpor at $((r + 1))"; cat out >&2; fi

# weft view without a terminal, or with a TERM it cannot use
"$WEFT" view long.db > out 2> err < /dev/null; rc=$?
expect 2 "view with stdout a file"
has err "weft replay long.db --run-id 2" "view names the replay of its run"
has err "weft report long.db --html" "and the HTML page"
if command -v script > /dev/null; then
    TERM=nosuchterm script -qec "$WEFT view long.db" /dev/null > out 2>&1 \
        < /dev/null
    has out "TERM=nosuchterm: no such terminal type here; try TERM=xterm" \
        "an unknown TERM"
    env -u TERM script -qec "$WEFT view long.db" /dev/null > out 2>&1 \
        < /dev/null
    has out "TERM is not set; try TERM=xterm" "no TERM"
fi

# weft report --html -: the page on stdout
"$WEFT" report long.db --html - > out 2> err; rc=$?
expect 0 "report --html -"
has out "<svg" "the page on stdout"
if [ -e ./- ]; then bad "report --html - wrote a file named -"; else ok; fi
"$WEFT" report long.db --html page.html > out 2> err; rc=$?
expect 0 "report --html page.html"
has out "page.html: run 2 of long.db" "says what it drew"

# Ctrl-C while compiling: 20,000 functions of 9 statements take over a
# second to compile (1.25 s alone on these machines, 270 MB)
python3 - > big.go <<'PY'
print('package main\n')
for i in range(20000):
    body = ''.join(f'\tx = x*{j + 3} + {i}\n' for j in range(8))
    print(f'func f{i}(x int) int {{\n{body}\treturn x\n}}')
print('func main() { println(f0(1)) }')
PY
timeout --preserve-status -s INT 0.4 "$WEFT" explore big.go > out 2> err
rc=$?
expect 130 "Ctrl-C while compiling"
has err "interrupted" "says interrupted"

# weft test with no path, in a directory without scenarios/
mkdir -p proj
printf 'package p\n\nimport "testing"\n\nfunc TestOK(t *testing.T) {}\n' \
    > proj/p_test.go
(cd proj && "$WEFT" test) > out 2> err; rc=$?
expect 2 "weft test with no path and no scenarios/"
has err "no path given, and no scenarios/ directory (the default) here" \
    "says the default is missing"
has err "weft test ." "suggests weft test ."
(cd proj && "$WEFT" test .) > out 2> err; rc=$?
expect 0 "weft test ."

# --help's exit statuses
for c in run explore outcomes replay merge test; do
    "$WEFT" $c --help > out 2> err; rc=$?
    expect 0 "$c --help"
    has out "130 interrupted by Ctrl-C (143 by SIGTERM)" "$c --help: 130, 143"
done
"$WEFT" explore --help > out 2> err
has out "1 a finding of error severity" "explore --help: warnings pass"

# --json's help per command
"$WEFT" list --help > out 2> err
hasnt out "go test -json" "list --help: --json is one object"
"$WEFT" test --help > out 2> err
has out "go test -json's event lines" "test --help: go test -json's lines"

# --max-memory without a unit
"$WEFT" explore spin.go --max-memory 512 --max-executions 5 > out 2> err
rc=$?
expect 2 "--max-memory 512"
has err "--max-memory 512 is 512 bytes, too small for any program: give a unit (512M" \
    "--max-memory 512 asks for a unit"
"$WEFT" explore spin.go --max-memory 64M --max-executions 5 > out 2> err
rc=$?
expect 0 "--max-memory 64M"
"$WEFT" explore spin.go --max-memory 67108864 --max-executions 5 > out 2> err
rc=$?
expect 0 "--max-memory in bytes"

# weft test -run '([': bad usage
"$WEFT" test proj -run '([' > out 2> err; rc=$?
expect 2 "test -run '(['"
has err "bad regular expression '(['" "says the regexp is bad"
hasnt out "FAIL" "no file failed"

# weft play on what it cannot play
printf '#include <pthread.h>\nint main(void) { return 0; }\n' > t.c
"$WEFT" play proj < /dev/null > out 2> err; rc=$?
expect 2 "play DIR"
has err "proj: error: a directory: weft play takes one Go file" "play DIR"
"$WEFT" play t.c < /dev/null > out 2> err; rc=$?
expect 2 "play t.c"
has err "weft cc -o prog t.c" "play t.c points at weft cc"
hasnt err "1:1" "play t.c: no Go syntax error"
"$WEFT" play long.db < /dev/null > out 2> err; rc=$?
expect 2 "play DB"
has err "a trace database, not a program" "play DB"
"$WEFT" play nosuch.go < /dev/null > out 2> err; rc=$?
expect 2 "play of a missing file"
has err "nosuch.go: error: cannot open the file: No such file" \
    "play of a missing file, before asking for a terminal"

# typos and missing operands
"$WEFT" exlpore philo.go > out 2> err; rc=$?
expect 2 "a mistyped command"
has err "unknown command 'exlpore' (did you mean weft explore?)" "exlpore"
"$WEFT" tset > out 2> err; rc=$?
has err "did you mean weft test?" "tset"
"$WEFT" help exlpore > out 2> err; rc=$?
expect 2 "help of a mistyped command"
has err "did you mean explore?" "help exlpore"
"$WEFT" report > out 2> err; rc=$?
expect 2 "report with no database"
has err "report needs a DB argument (usage: weft report DB --html FILE)" \
    "report's operand is a DB"
"$WEFT" replay > out 2> err; rc=$?
has err "replay needs a FILE, DIR or DB argument" "replay's operands"

# a package's run replayed from elsewhere
mkdir -p pk/racy
cat > pk/racy/racy_test.go <<'GO'
package racy

import "testing"

func TestRace(t *testing.T) {
	n := 0
	done := make(chan bool)
	go func() { n++; done <- true }()
	n++
	<-done
}
GO
(cd pk && "$WEFT" explore racy --db ../pk.db) > /dev/null 2>&1
(cd pk && "$WEFT" replay ../pk.db --run-id 2) > out 2> err; rc=$?
expect 1 "replay of a package's run where it was recorded"
"$WEFT" replay pk.db --run-id 2 > out 2> err; rc=$?
expect 2 "replay of a package's run from elsewhere"
has err "cannot run the program run 2 was recorded from, racy: it is not here (gone, or recorded in another directory: replay it from there" \
    "says where to replay it"

# --max-memory in play and in explore -j's planning
cat > hog.go <<'GO'
package main

import "sync"

func main() {
	var wg sync.WaitGroup
	var mu sync.Mutex
	var all [][]byte
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 200; j++ {
				mu.Lock()
				all = append(all, make([]byte, 1<<16))
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
GO
"$WEFT" play hog.go --max-memory 16M --dump --keys a --hint-budget 0 \
    > out 2> err; rc=$?
expect 0 "play --max-memory"
has out "over: cut by the memory budget (--max-memory), nothing found" \
    "play cuts the execution at --max-memory"
"$WEFT" explore hog.go --max-memory 16M -j 2 --max-executions 4 --json \
    > out 2> err; rc=$?
python3 - out <<'PY' || bad "explore -j 2: the first execution is cut too"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["cuts"]["max_memory"] > 0, d["cuts"]
PY

finish firstday

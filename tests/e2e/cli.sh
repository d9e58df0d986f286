#!/bin/bash
# cli.sh: the command line as people expect it (issue 17, point 5):
# --opt=value, `--`, names never abbreviated, --version, `weft help CMD`,
# --help listing --db, --record and --go without naming SPEC sections,
# --run-id (and --run as its older spelling) for a database's run.
# Run by `make test` as: WEFT=build/weft tests/e2e/cli.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" cli

cp "$root/scenarios/classic/philosophers_naive.go" philo.go

"$WEFT" --version > out 2> err; rc=$?
expect 0 "--version"
if grep -qE '^weft [0-9]+\.[0-9]+' out; then ok; else bad "--version prints 'weft X.Y'"; fi
"$WEFT" version > out 2> err; rc=$?
expect 0 "weft version"
"$WEFT" explore --version > out 2> err; rc=$?
expect 0 "a command's --version"

"$WEFT" > out 2> err; rc=$?
expect 2 "no command"
has err "usage: weft COMMAND" "the usage on stderr"
"$WEFT" --help > out 2> err; rc=$?
expect 0 "--help"
has out "weft help COMMAND" "points at help CMD"
"$WEFT" help explore > out 2> err; rc=$?
expect 0 "weft help explore"
"$WEFT" explore --help > help2 2> err
if cmp -s out help2; then ok; else bad "help explore = explore --help"; fi
for o in --db --record --go --strategy --preemptions --max-steps --json --run; do
    has out "$o " "explore --help lists $o"
done
# each command's --help lists only the strategies it accepts
"$WEFT" help run > out 2> err; rc=$?
has out "--strategy K" "run --help lists --strategy"
hasnt out "dpor" "run --help names no dpor (run refuses it)"
hasnt out "dfs" "run --help names no dfs (run refuses it)"
"$WEFT" run philo.go --strategy dfs > out 2> err; rc=$?
expect 2 "run --strategy dfs"
has err "use explore for dfs" "says where dfs belongs"
"$WEFT" run philo.go --strategy bfs > out 2> err; rc=$?
expect 2 "an unknown strategy"
has err "unknown strategy 'bfs' for --strategy (random, pct, rr)" "lists run's"
"$WEFT" help explore > out 2> err; rc=$?
has out "dpor (the default" "explore --help lists dpor"
hasnt out "rr (round robin" "explore --help names no rr (explore refuses it)"
for c in run explore outcomes replay test list view help version; do
    "$WEFT" help $c > out 2> err; rc=$?
    expect 0 "weft help $c"
    hasnt out "SPEC" "help $c names no SPEC section"
done
# explore, outcomes and test stop after 60 s unless told (a search of an
# infinite tree ends, cut, not failed); --time-limit 0 asks for no limit
"$WEFT" help explore > out 2> err
has out "after 60" "explore --help states the default time limit"
has out "0: no limit" "explore --help says how to have none"
"$WEFT" explore philo.go --time-limit 0 --preemptions 1 > out 2> err; rc=$?
expect 1 "--time-limit 0 is accepted (no limit)"
"$WEFT" explore philo.go --time-limit -1 > out 2> err; rc=$?
expect 2 "a negative --time-limit is refused"
"$WEFT" help frobnicate > out 2> err; rc=$?
expect 2 "help of an unknown command"
"$WEFT" frobnicate > out 2> err; rc=$?
expect 2 "an unknown command"
has err "unknown command 'frobnicate'" "names it"

# --opt=value is --opt value; abbreviations are refused
"$WEFT" run philo.go --seed 3 > a 2> err
"$WEFT" run philo.go --seed=3 > b 2> err; rc=$?
if cmp -s a b; then ok; else bad "--seed=3 runs as --seed 3"; fi
"$WEFT" run philo.go --see 3 > out 2> err; rc=$?
expect 2 "an abbreviation"
has err "did you mean --seed?" "suggests the name"
"$WEFT" explore philo.go --max 5 > out 2> err; rc=$?
expect 2 "an ambiguous abbreviation"
"$WEFT" explore philo.go --json=1 > out 2> err; rc=$?
expect 2 "a flag given a value"
"$WEFT" explore philo.go --schedule x > out 2> err; rc=$?
expect 2 "an option of another command"
has err "--schedule belongs to run and replay, not explore" "says whose"
# -- ends the options: a file whose name starts with a dash
cp philo.go ./-philo.go
"$WEFT" explore --max-executions 3 -- -philo.go > out 2> err; rc=$?
expect 1 "-- then a file named -philo.go"
has out "cut by the execution budget" "the options before -- apply"

# a database's run: --run-id, and --run as its older spelling
"$WEFT" explore philo.go --preemptions 1 --db t.db > out 2> err
"$WEFT" replay t.db --run-id 1 --finding 1 > out 2> err; rc=$?
expect 1 "replay --run-id"
has out "equal to run" "the replay matches"
"$WEFT" replay t.db --run 1 --finding 1 > out 2> err; rc=$?
expect 1 "replay --run (older spelling)"
"$WEFT" replay t.db --run TestX > out 2> err; rc=$?
expect 2 "replay --run with a pattern"
has err "run id (--run-id ID" "says what --run means there"

finish cli.sh

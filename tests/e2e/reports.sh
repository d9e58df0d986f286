#!/bin/bash
# reports.sh: reports a student can follow, in the user's terms (issue 15
# points 4 and 5), on the small programs of tests/e2e/reports/: one root
# cause is one finding with its count of executions; one schedule per
# execution; a deadlock names the line of every blocked operation and of
# every held lock's acquisition, and every task that can act on what a
# task waits for (those that have not used it yet apart), no other; a
# race's advice follows what orders the accesses.
# Run by `make test` as: WEFT=build/weft tests/e2e/reports.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
WEFT=${WEFT:-build/weft}
case $WEFT in /*) ;; *) WEFT=$PWD/$WEFT ;; esac
tmp=$(mktemp -d /tmp/weft-reports.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
cd "$here/reports" || exit 2
pass=0 fails=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# has FILE TEXT: FILE holds the fixed string TEXT
has() { grep -qF -- "$2" "$1"; }
count() { grep -c -- "$2" "$1"; }

# ---- one root cause, one finding ---------------------------------------
# The workers left asleep at one Wait are one, two or three depending on
# the interleaving: the same blocked sites, one finding, with the count of
# the executions that hit it.
"$WEFT" explore lost_signal.go > "$tmp/ls" 2>&1
[ "$(count "$tmp/ls" '^deadlock')" = 1 ] && ok ||
    bad "lost_signal.go: one deadlock finding, got: $(grep '^deadlock' "$tmp/ls" | wc -l)"
grep -q 'found in [0-9]* of 732 executions' "$tmp/ls" && ok ||
    bad "lost_signal.go: a count of executions: $(grep 'found in' "$tmp/ls")"
has "$tmp/ls" "1 error, 0 warnings" && ok || bad "lost_signal.go: $(tail -1 "$tmp/ls")"

# A buffer written byte by byte and field by field by two goroutines: one
# race per pair of lines (Go's race detector reports a pair of stacks
# once), not one per byte, per field, or per read and write.
"$WEFT" explore buffer_race.go > "$tmp/br" 2>&1
[ "$(count "$tmp/br" '^race')" = 2 ] && ok ||
    bad "buffer_race.go: one race per pair of lines, got: $(grep '^race' "$tmp/br" | tr '\n' ';')"
has "$tmp/br" "2 errors, 0 warnings" && ok || bad "buffer_race.go: $(tail -1 "$tmp/br")"

# A lock leaked by an early return: its holder has ended, and says so.
"$WEFT" explore lock_leak.go > "$tmp/ll" 2>&1
grep -q "waits for a.mu held by g[0-9] main.func1, which ended without unlocking it (lock_leak.go:16)" "$tmp/ll" && ok ||
    bad "lock_leak.go: the holder ended: $(grep 'waits for a.mu' "$tmp/ll")"

# ---- who can act on a cond, and what became of its signals -------------
# main can reach cond (a package variable) and has not used it: it may
# still Signal it, so it is named, apart ("has not used it yet"); the
# Broadcast that came before g1's Wait is named, with its line; each
# blocked operation names its line.
"$WEFT" explore lost_wakeup.go > "$tmp/lw" 2>&1
has "$tmp/lw" "g1 worker waits on cond for a Signal or Broadcast, which only blocked tasks could send: main (has not used it yet) (lost_wakeup.go:20)" && ok ||
    bad "lost_wakeup.go: main holds cond: $(grep 'waits on cond' "$tmp/lw")"
# main would Signal cond after a receive that never returns: named though
# it has not touched cond yet; g2, with no reference to cond, is not
"$WEFT" explore signal_later.go > "$tmp/sl" 2>&1
has "$tmp/sl" "g1 main.func1 waits on cond for a Signal or Broadcast, which only blocked tasks could send: main (has not used it yet) (signal_later.go:15)" && ok ||
    bad "signal_later.go: main may signal: $(grep 'waits on cond' "$tmp/sl")"
has "$tmp/lw" "cond: the Broadcast by g4 starter at step 13 (lost_wakeup.go:28) woke no one, and g1 began to wait after it: a lost wakeup" && ok ||
    bad "lost_wakeup.go: the lost Broadcast: $(grep '^  cond:' "$tmp/lw")"
has "$tmp/lw" "main waits for wg (counter 1), which only blocked tasks could complete: g1 (lost_wakeup.go:38)" && ok ||
    bad "lost_wakeup.go: main's line: $(grep 'main waits' "$tmp/lw")"
# main Signals once: it did use cond, and its Signal woke another worker
has "$tmp/ls" "which only blocked tasks could send: main (lost_signal.go:21)" && ok ||
    bad "lost_signal.go: main used cond: $(grep 'waits on cond' "$tmp/ls")"
has "$tmp/ls" "cond: the Signal by main at step 25 (lost_signal.go:30) woke g1, not g2 (a Signal wakes one waiter, a Broadcast all)" && ok ||
    bad "lost_signal.go: the Signal: $(grep '^  cond:' "$tmp/ls")"
# a held lock names where it was taken
"$WEFT" explore ../../../scenarios/classic/philosophers_naive.go > "$tmp/ph" 2>&1
has "$tmp/ph" "g1 phil holds forks[0] (locked at philosophers_naive.go:18), waits for forks[1] held by g2 phil (philosophers_naive.go:19)" && ok ||
    bad "philosophers: the lines of the lock held and awaited: $(grep 'g1 phil holds' "$tmp/ph")"

# ---- an object is named by the first name the program gave it ----------
# sync.NewCond(&b.mu) stores &b.mu as notFull.L: the mutex stays b.mu
"$WEFT" explore bounded_buffer.go --db "$tmp/bb.db" > /dev/null 2>&1
"$WEFT" view "$tmp/bb.db" --dump --size 80x24 --keys "$(printf '\t\t')" > "$tmp/bbv" 2>&1
grep -A1 ' MUTEXES' "$tmp/bbv" | grep -qE '│ +b\.mu +(free|held)' && ok ||
    bad "bounded_buffer.go: the mutex is b.mu: $(grep -A1 ' MUTEXES' "$tmp/bbv" | tail -1)"
# var mu; cond = sync.NewCond(&mu): mu, not cond.L
has "$tmp/lw" "no lock held in common (g1 holds mu, g4 holds none)" && ok ||
    bad "lost_wakeup.go: the mutex is mu: $(grep 'not ordered' "$tmp/lw")"

# ---- a race's advice follows what orders the accesses ------------------
# Two workers of one WaitGroup: neither can wait on wg (it would wait for
# its own Done), so no "without waiting on wg"; nothing else orders them,
# so a lock or a join, neutrally.
"$WEFT" explore map_race_wg.go > "$tmp/mw" 2>&1
has "$tmp/mw" "without waiting on wg" &&
    bad "map_race_wg.go advises a Wait: $(grep 'not ordered' "$tmp/mw")" || ok
has "$tmp/mw" "no lock is held at either access, and neither g1 nor g2 waits for the other (a mutex held at both, or a join between them, would order them)" && ok ||
    bad "map_race_wg.go: $(grep 'not ordered' "$tmp/mw")"
# the read is under mu elsewhere: the advice is about mu
"$WEFT" explore map_race_lock.go > "$tmp/ml" 2>&1
has "$tmp/ml" "g1 writes counts after unlocking mu, so g2's Lock of mu does not order it" && ok ||
    bad "map_race_lock.go: $(grep 'not ordered' "$tmp/ml")"
# A loop's variable shared by the whole loop (go.mod says go 1.19): the
# advice is a variable per iteration, not a lock (the reader holds mu
# already); with Go 1.22's per-iteration variables there is no race.
"$WEFT" explore loopvar119 > "$tmp/lv" 2>&1
has "$tmp/lv" "not ordered: i is the loop's variable, one for the whole loop in Go before 1.22" && ok ||
    bad "loopvar119: $(grep 'not ordered' "$tmp/lv" | head -1)"
has "$tmp/lv" "(i := i as the loop body's first statement)" && ok ||
    bad "loopvar119: no per-iteration advice"
grep -q 'no lock held in common' "$tmp/lv" &&
    bad "loopvar119 advises a lock: $(grep 'not ordered' "$tmp/lv" | head -1)" || ok
"$WEFT" explore loopvar119 --go 1.22 > "$tmp/lv22" 2>&1
has "$tmp/lv22" "0 errors, 0 warnings" && ok ||
    bad "loopvar119 --go 1.22: $(tail -1 "$tmp/lv22")"

# ---- the viewer opens on the first finding ------------------------------
# A plain `explore --db` keeps a summary run and a witness run per finding:
# `weft view DB` (no --run, no --finding) opens on the first finding, with
# the deadlock's cycle and its four Coffman conditions at 80x24.
"$WEFT" explore lost_signal.go --db "$tmp/ls.db" > /dev/null 2>&1
"$WEFT" view "$tmp/ls.db" --dump --size 80x24 > "$tmp/view" 2>&1
has "$tmp/view" "finding 1 of 1: deadlock at step" && ok ||
    bad "view opens on the first finding: $(tail -1 "$tmp/view")"
for c in "mutual exclusion:" "hold and wait:" "no preemption:" "circular wait:"; do
    has "$tmp/view" "$c" && ok || bad "view at 80x24 shows '$c'"
done

# ---- goroutines the library starts, objects the library keeps -----------
# Parallel subtests writing one map: each goroutine is named after the
# user's subtest function, not testing's tRunner, and the explanation
# names no lock of the library's (testing.T's own mutex).
sc=$here/../../scenarios
"$WEFT" explore "$sc/tests/race_parallel_subtests_map_test.go" > "$tmp/ps" 2>&1
has "$tmp/ps" "TestUpper.func1 writes results" && ok ||
    bad "parallel subtests: task names: $(grep 'writes results' "$tmp/ps" | tr '\n' ';')"
grep -q 'tRunner\|T\.mu' "$tmp/ps" && bad "parallel subtests: library names: $(grep 'tRunner\|T\.mu' "$tmp/ps" | head -2)" || ok
# time.AfterFunc's goroutine is the user's function's
"$WEFT" explore "$sc/bugs/race_afterfunc_flag.go" > "$tmp/af" 2>&1
has "$tmp/af" "main.func1 writes s.expired" && ok ||
    bad "AfterFunc: task name: $(grep 'writes s.expired' "$tmp/af")"
# a NewTimer's channel is named by the user's variable, not "time.After"
"$WEFT" explore "$sc/bugs/deadlock_timer_drain_twice.go" > "$tmp/td" 2>&1
has "$tmp/td" "main waits to receive from t.C," && ok ||
    bad "NewTimer: channel name: $(grep 'main waits' "$tmp/td")"

echo "reports.sh: $pass passed, $fails failed"
[ $fails = 0 ]

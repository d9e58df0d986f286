#!/bin/bash
# play.sh: `weft play` in a real terminal (issue 18). tmux runs it in an
# 80x24 window; send-keys plays a known winning sequence on each exercise
# of scenarios/play/ and capture-pane reads that the goal was announced;
# `s` saves a replay line that `weft replay` reproduces (the same schedule
# as the session recorded with --db, which `weft replay DB --run` finds
# equal event by event and `weft view` opens); undo comes back to the very
# screen before the move; arrows+Enter, a click (an xterm mouse report),
# h, a, ? and q do what the help says. Bad usage exits 2. The screen is
# polled with a timeout, never a fixed sleep.
# Run by `make test` as: WEFT=build/weft tests/e2e/play.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
TIMEOUT=${PLAY_TIMEOUT:-60}
ex=$root/scenarios/play

if ! command -v tmux > /dev/null; then
    echo "play.sh: tmux is missing (make deps installs it)" >&2
    exit 2
fi
tmp=$(mktemp -d /tmp/weft-play-test.XXXXXX)
nstart=0
sock="weft-play-$$-0"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
    for i in $(seq 0 "$nstart"); do
        tmux -L "weft-play-$$-$i" kill-server > /dev/null 2>&1
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 2
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }

screen() { tm capture-pane -t v -p > screen.txt; }
wait_for() { # TEXT: until the screen shows it, or time out
    local end=$((SECONDS + TIMEOUT))
    while [ $SECONDS -lt $end ]; do
        screen
        grep -qF -- "$1" screen.txt && return 0
        sleep 0.1
    done
    return 1
}
see() { if wait_for "$1"; then ok; else bad "$2: no '$1' on the screen:"; cat screen.txt >&2; fi; }
# start ARGS...: weft ARGS in a fresh 80x24 window; the status goes to
# the file status when it exits
start() {
    rm -f status
    tm kill-server > /dev/null 2>&1
    nstart=$((nstart + 1))
    sock="weft-play-$$-$nstart"
    tm new-session -d -s v -x 80 -y 24 \
        "$WEFT $*; echo \$? > $tmp/status.tmp; mv $tmp/status.tmp $tmp/status; sleep 60"
}
wait_exit() {
    local end=$((SECONDS + TIMEOUT))
    while [ $SECONDS -lt $end ]; do
        [ -f status ] && return 0
        sleep 0.1
    done
    return 1
}
# keys DIGITS: one send-keys a key, each once the previous move is shown
# (the title's step counter or the message changed)
keys() {
    local s=$1 i
    for ((i = 0; i < ${#s}; i++)); do
        screen
        cp screen.txt before.txt
        tm send-keys -t v "${s:$i:1}"
        local end=$((SECONDS + TIMEOUT))
        while [ $SECONDS -lt $end ]; do
            screen
            cmp -s screen.txt before.txt || break
            sleep 0.05
        done
    done
}

# ---- the five exercises: a winning sequence each ---------------------------
# name, digits (the task each move runs: 0 is main, N is gN), what the
# replay prints first
wins=(
    "lost_update 01222"
    "philosophers 00132"
    "wg_add_inside 01111111000000"
    "reqresp_buffered 00133311112222201"
    "cond_if 0001133322222222111"
)
for w in "${wins[@]}"; do
    set -- $w
    name=$1 seq=$2
    rm -f saved.txt "$name.db"
    start play "$ex/$name.go" --db "$name.db" --save saved.txt
    see "weft play $name.go" "$name: the title"
    see "next " "$name: the next operations"
    keys "$seq"
    see "GOAL REACHED in" "$name: the goal announced"
    see "the fewest:" "$name: against the fewest"
    tm send-keys -t v s
    see "saved to saved.txt" "$name: s saves"
    tm send-keys -t v q
    if wait_exit; then ok; else bad "$name: q quits"; fi
    [ "$(cat status 2> /dev/null)" = 0 ] && ok || bad "$name: exit $(cat status 2> /dev/null)"
    # the saved line replays the same execution as the session recorded
    line=$(head -1 saved.txt)
    case $line in "weft replay $ex/$name.go --schedule "*) ok ;; *) bad "$name: saved '$line'" ;; esac
    sched=${line##* }
    "$WEFT" replay "$ex/$name.go" --schedule "$sched" > replay.out 2> replay.err
    rc=$?
    [ "$rc" -le 1 ] && ok || { bad "$name: the saved replay exits $rc"; cat replay.err >&2; }
    grep -q "^schedule: $sched\$" replay.out && ok || bad "$name: the replay's schedule"
    goal=$(sed -n 's|^// play: outcome ||p' "$ex/$name.go")
    if [ -n "$goal" ]; then
        want=$(printf '%b' "${goal:1:${#goal}-2}")
        got=$(head -c ${#want} replay.out)
        [ "$got" = "$want" ] && ok || bad "$name: the replay printed '$got', the goal is '$want'"
    else
        grep -q "^deadlock" replay.out && ok || bad "$name: the replay shows no deadlock"
    fi
    "$WEFT" replay "$name.db" --run 1 > db.out 2> db.err
    grep -q "^replay: equal to run 1 of $name.db" db.out && ok ||
        { bad "$name: the session's run does not replay"; cat db.out db.err >&2; }
    grep -q "^schedule: $sched\$" db.out && ok || bad "$name: the session's schedule is not the saved one"
done

# the session opens in weft view
start view philosophers.db
see "step main" "weft view of the session: the lanes"
see "g3 phil" "weft view of the session: the lane of g3"
see "lock f1" "weft view of the session: the events"
tm send-keys -t v q
wait_exit && ok || bad "weft view of the session: q"

# ---- undo: the very screen before the move -----------------------------------
start play "$ex/philosophers.go" --save saved.txt
see "weft play philosophers.go" "undo: the title"
keys 001
see "g1 phil ran: lock f0" "undo: the moves"
screen
cp screen.txt before_move.txt
keys 3
see "g3 phil ran: lock f2" "undo: the move"
keys u
end=$((SECONDS + TIMEOUT))
while [ $SECONDS -lt $end ]; do
    screen
    cmp -s screen.txt before_move.txt && break
    sleep 0.1
done
if cmp -s screen.txt before_move.txt; then ok; else
    bad "undo: the screen differs from the one before the move"
    diff before_move.txt screen.txt >&2
fi
keys uuu
see "you are the scheduler" "undo to the start: the first message"
keys u
see "nothing to undo" "undo at the start"

# arrows and Enter: main runs on (selected: no preemption), Right
# selects g1, Enter runs it
keys 0
see "main: go phil  philosophers.go:29" "main is selected, with its source line"
tm send-keys -t v Right
see "g1 phil: lock f0  philosophers.go:16" "Right selects g1 with its source line"
tm send-keys -t v Enter
see "g1 phil ran: lock f0" "Enter runs the selected task"
# a digit of a task that cannot run says why
keys 9
see "there is no task g9" "a digit of no task"

# a click on a task's next operation runs it (an xterm mouse report:
# button 1 pressed at column 31, row 18, 1-based, as bytes + 32)
tm send-keys -t v q
wait_exit || bad "q before the click"
start play "$ex/philosophers.go" --save saved.txt
see "next 0 go phil" "before the click"
tm send-keys -t v -l $'\e[M ?2'
see "g1 phil ran: lock f0" "a click on g1's next operation runs it"

# h: the next step toward the goal, selected, then taken
keys h
see "hint: " "h names the next step"
see "toward the goal" "h says where it leads"
keys h
see "hint: " "h again takes it"
# a: the scheduler runs to the end, without preempting
keys a
see "the scheduler ran to the end" "a runs to the end"
see "end " "the end row"
keys u
see "next " "undo after a"
# ? shows the keys
keys '?'
see "weft play: keys" "? shows the help"
keys x
see "0-9/arrows+Enter run" "a key closes the help"
tm send-keys -t v q
wait_exit && [ "$(cat status)" = 0 ] && ok || bad "q after the tour"

# a step weft's Go library takes for the user's call says so, with the
# user's line, and names the object by the user's variable (ctx.done, not
# the library's c.done); in the lanes it folds into the call
cat > pctx.go <<'GO'
package main

import "context"

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	<-ctx.Done()
}
GO
"$WEFT" play pctx.go --dump --size 100x24 > out 2> err
grep -qF "main: read ctx.done (in the library)  pctx.go:8: <-ctx.Done()" out && ok ||
    { bad "play: a library step, in the user's terms"; cat out >&2; }
"$WEFT" play pctx.go --dump --size 100x24 --keys 0 > out 2> err
grep -qF "$(printf '\xe2\x97\xa6')<-ctx.Done()" out && ok ||
    { bad "play: the lanes fold the library's steps into the call"; cat out >&2; }
# g1 runs the library's cancel alone: its steps are at the user's go
# statement (not at line 0 of no file)
grep -qF "g1 WithCancel.func1: read ctx.children (in the library)  pctx.go:7: go cancel()" out && ok ||
    { bad "play: a goroutine of library code is at its go statement"; cat out >&2; }

# ---- bad usage and input: exit 2 with a message --------------------------------
bad_play() { # MESSAGE DESCRIPTION ARGS...
    local msg=$1 what=$2
    shift 2
    "$WEFT" play "$@" > out 2> err < /dev/null; rc=$?
    [ "$rc" = 2 ] && ok || bad "$what: exit $rc, want 2"
    grep -qF -- "$msg" err && ok || { bad "$what: no '$msg' in:"; cat err >&2; }
}
bad_play "play needs a FILE argument" "no file"
bad_play "needs a terminal" "not a terminal" "$ex/philosophers.go"
bad_play "unknown option" "a bad option" "$ex/philosophers.go" --frobnicate
bad_play "nothere.go: error: cannot open the file: No such file or directory" "a missing file" nothere.go --dump
printf '// play: outcome 12\npackage main\nfunc main() {}\n' > badgoal.go
bad_play "badgoal.go:1:18: error: play: outcome takes a Go string" "a goal without a string" badgoal.go --dump
printf '// play: sunshine\npackage main\nfunc main() {}\n' > badgoal2.go
bad_play "badgoal2.go:1:10: error: play: unknown goal 'sunshine'" "an unknown goal" badgoal2.go --dump
printf 'package main\nfunc main() { x := }\n' > badsrc.go
bad_play "badsrc.go:2:" "a compile error" badsrc.go --dump
"$WEFT" play --help > out 2> err; rc=$?
[ "$rc" = 0 ] && ok || bad "--help exits $rc"
for o in --db --save --hint-budget --run --go --max-steps --cond-order \
    --spurious-wakeups --mutex --time --ascii --help; do
    grep -q -- "$o" out && ok || bad "--help does not list $o"
done
grep -qi "section" out && bad "--help names a SPEC section" || ok

echo "play.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

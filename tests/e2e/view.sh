#!/bin/bash
# view.sh: `weft view` in a real terminal (SPEC section 8, issue 8). Records
# the naive philosophers' deadlock with the C program, runs the viewer in
# an 80x24 tmux window, drives it with send-keys (next finding, step,
# help, quit) and reads the screen with capture-pane: the lanes, the
# finding's step, the wait-for cycle and the four Coffman conditions
# (from the recorded report when it has them, and from a report in the
# checkers' JSON put into a copy). Bad databases exit 2 with a message,
# the terminal restored. Polls the screen with a timeout, never a fixed
# sleep, so a loaded machine only makes it slower.
# Run by `make test` as: WEFT=build/weft BUILD=build tests/e2e/view.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
BUILD=${BUILD:-build}
case $BUILD in /*) ;; *) BUILD=$root/$BUILD ;; esac
WEFT=${WEFT:-$BUILD/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
CC=${CC:-cc}
LIBS="$(pkg-config --libs sqlite3) -lm -lpthread"
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L -O2 -I$root -I$root/sim ${TRACE_CFLAGS:-}"
TIMEOUT=${VIEW_TIMEOUT:-30}

if ! command -v tmux > /dev/null; then
    echo "view.sh: tmux is missing (make deps installs it)" >&2
    exit 2
fi
tmp=$(mktemp -d /tmp/weft-view.XXXXXX)
# one tmux server for each start (a server being killed can still take
# the next new-session's connection)
nstart=0
sock="weft-view-$$-0"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
cleanup() {
    for i in $(seq 0 "$nstart"); do
        tmux -L "weft-view-$$-$i" kill-server > /dev/null 2>&1
    done
    rm -rf "$tmp"
}
trap cleanup EXIT
cd "$tmp" || exit 2
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
q() { ./dbq "$@"; }

$CC $CFLAGS "$root/tests/e2e/philo_naive.c" "$BUILD/libweft.a" $LIBS -o philo || exit 2
$CC $CFLAGS "$root/tests/e2e/dbq.c" $LIBS -o dbq || exit 2
./philo explore --db t.db > out 2> err
[ $? = 1 ] && ok || bad "recording the deadlock"
run=$(q t.db "SELECT witness_run FROM findings WHERE run_id = 1 AND k = 1")
fstep=$(q t.db "SELECT step FROM findings WHERE run_id = $run AND k = 1")
nev=$(q t.db "SELECT nevents FROM runs WHERE id = $run")

# ---- the screen -------------------------------------------------------------
screen() { tm capture-pane -t v -p > screen.txt; }
# wait_for TEXT: until the screen shows TEXT (fixed string), or time out
wait_for() {
    local end=$((SECONDS + TIMEOUT))
    while [ $SECONDS -lt $end ]; do
        screen
        grep -qF -- "$1" screen.txt && return 0
        sleep 0.1
    done
    return 1
}
# see TEXT DESCRIPTION: the screen shows TEXT (polled: tmux may show a
# frame half drawn)
wait_gone() {
    local end=$((SECONDS + TIMEOUT))
    while [ $SECONDS -lt $end ]; do
        screen
        grep -qF -- "$1" screen.txt || return 0
        sleep 0.1
    done
    return 1
}
see() { if wait_for "$1"; then ok; else bad "$2: no '$1' on the screen:"; cat screen.txt >&2; fi; }
expect_screen() { see "$@"; }
# start DB ARGS...: the viewer in a fresh 80x24 window; its status goes to
# the file status when it exits
start() {
    rm -f status
    tm kill-server > /dev/null 2>&1
    nstart=$((nstart + 1))
    sock="weft-view-$$-$nstart"
    tm new-session -d -s v -x 80 -y 24 \
        "$WEFT view $*; echo \$? > $tmp/status.tmp; mv $tmp/status.tmp $tmp/status; sleep 60"
}
wait_exit() {
    local end=$((SECONDS + TIMEOUT))
    while [ $SECONDS -lt $end ]; do
        [ -f status ] && return 0
        sleep 0.1
    done
    return 1
}

# a plain explore --db opens on its first finding (issue 15)
start t.db
expect_screen "finding 1 of 1: deadlock at step $fstep" "opens on the first finding"
see "event $nev/$nev" "opens at the finding's last event"
see "circular wait:" "opens with the finding's Coffman conditions"
tm send-keys -t v q
wait_exit && ok || bad "quit after opening on the finding"

# a given run opens at its first event
start t.db --run "$run"
expect_screen "step main" "the lane header"
see "g1 phil" "a lane for g1"
see "g3 phil" "a lane for g3"
see "lock f" "a lock in a lane"
see "event 1/$nev" "the first event is current"
see "State" "the pane"
see "TASKS" "the state pane"
tm send-keys -t v n
expect_screen "finding 1 of 1: deadlock at step $fstep" "n jumps to the finding"
see "step $fstep/" "the title shows the finding's step"
see "event $nev/$nev" "the finding's last event is current"
see "deadlock (global)" "the findings pane"
if q t.db "SELECT detail_json FROM findings WHERE run_id = $run" | grep -q coffman; then
    see "cycle: g1 -> g2 -> g3 -> g1" "the recorded cycle"
    for c in "mutual exclusion:" "hold and wait:" "no preemption:" "circular wait:"; do
        see "$c" "the recorded Coffman condition '$c'"
    done
fi
tm send-keys -t v k
expect_screen "event $((nev - 1))/$nev" "k steps back"
tm send-keys -t v j
expect_screen "event $nev/$nev" "j steps forward"
tm send-keys -t v Tab
expect_screen "bypasses" "the metrics pane"
see "waits" "the metrics pane's waits"
tm send-keys -t v Tab
expect_screen "forks[0]   held by g1" "the state pane at the deadlock"
see "counter 3" "the wait group's counter"
if wait_gone "bypasses"; then ok; else bad "Tab leaves the metrics pane"; fi
tm send-keys -t v BTab
expect_screen "bypasses" "Shift-Tab goes back to the metrics pane"
tm send-keys -t v Tab
expect_screen "forks[0]   held by g1" "Tab again: the state pane"
# ^L redraws the whole screen: what something else wrote on the terminal
# goes (written on the pane's tty, as a stray message would be)
ptty=$(tm display-message -p -t v '#{pane_tty}')
printf '\033[5;5HSTRAY-TEXT-ON-SCREEN' > "$ptty"
expect_screen "STRAY-TEXT-ON-SCREEN" "text written over the viewer"
tm send-keys -t v C-l
if wait_gone "STRAY-TEXT-ON-SCREEN"; then ok; else bad "^L redraws the screen:"; cat screen.txt >&2; fi
see "forks[0]   held by g1" "^L keeps the frame"
tm send-keys -t v g
expect_screen "event 1/$nev" "g goes to the first event"
tm send-keys -t v G
expect_screen "event $nev/$nev" "G goes to the last event"
tm send-keys -t v /
tm send-keys -t v -l "forks[2]"
tm send-keys -t v Enter
tm send-keys -t v g /
tm send-keys -t v Enter
expect_screen "/forks[2]" "a search"
tm send-keys -t v '?'
expect_screen "weft view: keys" "? shows the help"
see "next / previous finding" "the help names n/N"
tm send-keys -t v x
# the key line shows under the help too: closed means the help is gone
if wait_gone "weft view: keys"; then ok; else bad "a key closes the help"; cat screen.txt >&2; fi
tm send-keys -t v q
if wait_exit; then ok; else bad "q quits"; fi
[ "$(cat status 2> /dev/null)" = 0 ] && ok || bad "q: exit $(cat status 2> /dev/null)"

# the report in the checkers' JSON: the cycle and the Coffman conditions
cp t.db j.db
q j.db "UPDATE findings SET detail_json = '{\"kind\": \"deadlock\", \"severity\": \"error\", \"partial\": false, \"message\": \"all goroutines are asleep\", \"step\": $fstep, \"tasks\": [{\"tid\": 1, \"name\": \"g1 phil\", \"state\": \"blocked\", \"op\": \"lock\", \"object\": \"forks[1]\", \"holds\": [\"forks[0]\"], \"waits_for\": [2]}, {\"tid\": 2, \"name\": \"g2 phil\", \"op\": \"lock\", \"object\": \"forks[2]\", \"waits_for\": [3]}, {\"tid\": 3, \"name\": \"g3 phil\", \"op\": \"lock\", \"object\": \"forks[0]\", \"waits_for\": [1]}], \"objects\": [], \"coffman\": {\"mutual_exclusion\": \"forks[0], forks[1], forks[2] are each held by one task\", \"hold_and_wait\": \"g1, g2, g3 each hold one fork while waiting for another\", \"no_preemption\": \"a held mutex is released only by its holder\", \"circular_wait\": \"g1 -> g2 -> g3 -> g1\", \"cycle\": [1, 2, 3]}, \"detail\": \"g1 phil holds forks[0], waits for forks[1] held by g2 phil\", \"schedule\": \"s\"}' WHERE run_id = $run"
start j.db --run "$run"
expect_screen "step main" "the viewer opens a given run"
tm send-keys -t v n
expect_screen "cycle: g1 -> g2 -> g3 -> g1" "the wait-for cycle"
see "g1   " "the cycle drawn edge by edge"
see "forks[1]" "the cycle's objects"
for c in "mutual exclusion:" "hold and wait:" "no preemption:" "circular wait:"; do
    see "$c" "the Coffman condition '$c'"
done
see "step $fstep/" "the finding's step"
tm send-keys -t v q
wait_exit && [ "$(cat status)" = 0 ] && ok || bad "quit from j.db"

# the summary's finding opens its witness at the finding
start t.db --run 1 --finding 1
expect_screen "finding 1 of 1: deadlock at step $fstep" "--finding K of a summary"
tm send-keys -t v q
wait_exit && ok || bad "quit after --finding"

# a resize keeps working (SIGWINCH -> KEY_RESIZE)
start t.db --run "$run"
expect_screen "step main" "before a resize"
tm resize-window -t v -x 100 -y 30 2> /dev/null || tm resize-pane -t v -x 100 -y 30
expect_screen "event 1/$nev" "after a resize"
# redrawn at the new size: the key line on row 30 (it was on row 24), the
# title's right end at column 100
resized() {
    screen
    sed -n 30p screen.txt | grep -qF "j/k step" &&
        [ "$(head -1 screen.txt | sed 's/ *$//' | wc -m)" -gt 81 ]
}
end=$((SECONDS + TIMEOUT))
until resized || [ $SECONDS -ge $end ]; do sleep 0.1; done
if resized; then ok; else bad "not redrawn at 100x30 after a resize:"; cat screen.txt >&2; fi
tm send-keys -t v q
wait_exit && ok || bad "quit after a resize"

# ---- bad input: exit 2, a message, the terminal restored ------------------------
cp t.db v.db && q v.db "PRAGMA user_version = 7"
echo "my notes, not a database" > notes.db
# in the terminal: the message shows and the shell gets the status
start v.db
if wait_exit; then ok; else bad "another schema version: the viewer did not exit"; fi
[ "$(cat status 2> /dev/null)" = 2 ] && ok || bad "another schema version in a terminal: exit $(cat status 2> /dev/null)"
expect_screen "schema version 7" "the schema version message in the terminal"
bad_db() { # ARGS... -- MESSAGE DESCRIPTION
    local msg=$1 what=$2
    shift 2
    "$WEFT" view "$@" > out 2> err < /dev/null; rc=$?
    [ "$rc" = 2 ] && ok || bad "$what: exit $rc, want 2"
    grep -qF -- "$msg" err && ok || { bad "$what: no '$msg' in:"; cat err >&2; }
}
bad_db "schema version 7" "another schema version" v.db
bad_db "not a weft trace database" "a text file" notes.db
bad_db "no such database" "a missing file" missing.db
bad_db "no run 99" "a run that does not exist" t.db --run 99
bad_db "needs a terminal" "stdout not a terminal" t.db
bad_db "unknown option" "a bad option" t.db --frobnicate

# the headless first screen: the lanes without a terminal, ASCII glyphs
"$WEFT" view t.db --dump --ascii --keys n > out 2> err; rc=$?
[ "$rc" = 0 ] && ok || bad "--dump: exit $rc"
grep -q "^step main" out && ok || bad "--dump shows the lanes"
if LC_ALL=C grep -q '[^ -~]' out; then bad "--ascii printed non-ASCII"; cat out >&2; else ok; fi

# the keys weft view --help names, headless: each changes the frame
dumpk() { "$WEFT" view t.db --dump --keys "$1" > out 2> err; }
dumpk N
grep -qF "finding 1 of 1: deadlock at step $fstep" out && grep -qF "event $nev/$nev" out &&
    ok || { bad "N: the previous finding (wrapping to the last)"; cat out >&2; }
dumpk nN
grep -qF "finding 1 of 1: deadlock at step $fstep" out && ok || bad "n then N"
dumpk r
grep -qF "runs: Enter opens" out && grep -qF "1 summary" out && grep -qF "2 witness" out &&
    ok || { bad "r: the run chooser lists the runs"; cat out >&2; }
dumpk rq
if grep -qF "runs: Enter opens" out; then bad "q closes the run chooser"; else ok; fi
dumpk ' '
grep -qF "PLAYING" out && grep -qF "playing (+/- speed: 250 ms a step)" out &&
    ok || { bad "space: play"; cat out >&2; }
dumpk ' +'
grep -qF "125 ms a step" out && ok || { bad "+: faster"; tail -1 out >&2; }
dumpk ' -'
grep -qF "500 ms a step" out && ok || { bad "-: slower"; tail -1 out >&2; }
dumpk '?'
grep -qF "weft view: keys" out && ok || bad "?: the help"
dumpk '?x'
if grep -qF "weft view: keys" out; then bad "?x: a key closes the help"; else ok; fi
# the paging, lane and pane keys (issue 15: untested before), at 60x24,
# where not every lane fits: ^D half a page down and ^U back, ^F a page
# and ^B back, l and h the lanes, J and K the pane
dump60() { "$WEFT" view t.db --dump --size 60x24 --keys "$1" > out 2> err; }
evno() { grep -oE "event [0-9]+/$nev" out | head -1 | sed 's/event \([0-9]*\).*/\1/'; }
dump60 "g$(printf '\004')"
e=$(evno)
[ -n "$e" ] && [ "$e" -gt 1 ] && [ "$e" -lt "$nev" ] && ok || bad "^D: half a page down (event $e of $nev)"
dump60 "g$(printf '\004\025')"
[ "$(evno)" = 1 ] && ok || bad "^U: half a page up (event $(evno))"
dump60 "g$(printf '\006')"
f=$(evno)
[ -n "$f" ] && [ -n "$e" ] && [ "$f" -gt "$e" ] && ok || bad "^F: a page down (event $f)"
dump60 "g$(printf '\006\002')"
[ "$(evno)" = 1 ] && ok || bad "^B: a page up (event $(evno))"
dump60 g
grep -q "^step main" out && ok || { bad "60 columns: the first lane is main's"; head -3 out >&2; }
dump60 gl
if grep -q "^step main" out; then bad "l: the lanes move right"; head -3 out >&2; else ok; fi
dump60 glh
grep -q "^step main" out && ok || { bad "h: the lanes move back"; head -3 out >&2; }
dump60 "n$(printf '\t')"
cp out pane0
dump60 "n$(printf '\t')J"
if cmp -s out pane0; then bad "J: the pane scrolls"; else ok; fi
dump60 "n$(printf '\t')JK"
cmp -s out pane0 && ok || { bad "K: the pane scrolls back"; diff pane0 out >&2; }

# ---- the library's steps fold into the user's call (issue 15) -----------------
# cancel() and ctx.Err() lock the context's own mutex and write its err
# inside weft's Go library: their lanes show the user's call once, then a
# fold mark, never the library's objects; the status line of a folded step
# says so; the State pane lists the user's objects only (the channel the
# user receives from is ctx.done, named by the user's variable).
cat > ctx.go <<'GO'
package main

import (
	"context"
	"fmt"
	"sync"
)

var hits int

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		<-ctx.Done()
		hits++
		fmt.Println(ctx.Err())
	}()
	cancel()
	hits++
	wg.Wait()
}
GO
"$WEFT" explore ctx.go --db ctx.db > out 2> err
[ $? = 1 ] && ok || bad "recording ctx.go's race"
vdump() { "$WEFT" view ctx.db --dump --size 100x40 --keys "$1" > out 2> err; }
vdump g
grep -qF "$(printf '\xe2\x97\xa6')cancel()" out && ok || { bad "cancel() is one folded call in main's lane"; cat out >&2; }
grep -qF "$(printf '\xe2\x97\xa6')<-ctx.Done()" out && ok || { bad "ctx.Done() is a folded call in g1's lane"; cat out >&2; }
grep -qF "$(printf '\xe2\x97\xa6')fmt.Println(ctx.Err" out && ok || { bad "ctx.Err() is a folded call"; cat out >&2; }
if grep -qE "c\.mu|c\.err|ctx\.mu|ctx\.err|Canceled|lock c|\.cause" out; then
    bad "the library's objects in the lanes:"; cat out >&2
else ok; fi
vdump gjj
grep -qF "step 3  main: read Canceled=1 (inside the library, for the call on this line)" out &&
    grep -qF "ctx.go:21:" out && ok || { bad "a folded step's status line"; tail -3 out >&2; }
vdump "$(printf '\t\t')"
grep -qF "ctx.done" out && grep -qE "^.*│  hits +=" out && ok ||
    { bad "the State pane lists the user's objects"; cat out >&2; }
if grep -qE "│  (c|ctx)\.(mu|err|cause|children)|│  Canceled" out; then
    bad "the State pane lists the library's objects:"; cat out >&2
else ok; fi

# a race inside a library call (two WriteStrings on one bytes.Buffer): the
# racing accesses are not folded away, the rest of the call is
cat > buf.go <<'GO'
package main

import (
	"bytes"
	"fmt"
	"sync"
)

func main() {
	var b bytes.Buffer
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		b.WriteString("a")
	}()
	go func() {
		defer wg.Done()
		b.WriteString("b")
	}()
	wg.Wait()
	fmt.Println(b.Len())
}
GO
"$WEFT" explore buf.go --db buf.db > out 2> err
"$WEFT" view buf.db --dump --size 100x30 > out 2> err
[ "$(grep -c "$(printf '\xe2\x97\x8f')write b.lastRead" out)" = 2 ] && grep -qF "$(printf '\xe2\x94\x86')" out && ok ||
    { bad "both racing accesses shown inside the folded calls"; cat out >&2; }

echo "view.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

#!/bin/bash
# trace.sh: the trace database end to end (SPEC section 9, issue 7):
# record philo_naive's exploration, list it, replay it equal, replay a
# changed program (a divergence naming the step), interrupt a recording
# (SIGINT, SIGTERM) and find a valid database with every finished run, and
# each bad database refused with exit 2 and left untouched.
# Run by `make test` as: WEFT=build/weft BUILD=build tests/e2e/trace.sh
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

tmp=$(mktemp -d /tmp/weft-trace.XXXXXX)
chmod 755 "$tmp"
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fails=0
pass=0

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# expect STATUS DESCRIPTION: the last command's status ($rc) is STATUS
expect() { if [ "$rc" = "$1" ]; then ok; else bad "$2: exit $rc, want $1"; cat err 2>/dev/null >&2; fi; }
# has FILE TEXT DESCRIPTION
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1:"; cat "$1" >&2; fi; }
q() { ./dbq "$@"; }
sum() { cksum < "$1"; }

# both programs from the same path, as an edited file would be
mkdir src && cp "$root/tests/e2e/philo_naive.c" src/
$CC $CFLAGS src/philo_naive.c "$BUILD/libweft.a" $LIBS -o philo || exit 2
$CC $CFLAGS "$root/tests/e2e/dbq.c" $LIBS -o dbq || exit 2
# the same program, changed: each philosopher's second fork moves
sed -i 's/(s->i + 1) % N/(s->i + 2) % N/' src/philo_naive.c
$CC $CFLAGS src/philo_naive.c "$BUILD/libweft.a" $LIBS -o philo_changed || exit 2
export SOURCE_DATE_EPOCH=1700000000

# ---- record, list, replay ---------------------------------------------------
./philo explore --db t.db --max-executions 20000 > out 2> err; rc=$?
expect 1 "explore --db finds the deadlock"
has out "recorded in t.db: summary run 1, run 2" "explore names the runs"
[ "$(q t.db 'PRAGMA integrity_check')" = ok ] && ok || bad "integrity of t.db"
[ "$(q t.db 'PRAGMA user_version')" = 3 ] && ok || bad "user_version"
[ "$(q t.db "SELECT role, verdict, end_reason, created_at FROM runs ORDER BY id")" = \
"summary|deadlock|complete|2023-11-14T22:13:20Z
witness|deadlock|deadlock|2023-11-14T22:13:20Z" ] && ok || bad "runs rows"
[ "$(q t.db "SELECT nevents = (SELECT count(*) FROM events WHERE run_id = 2) FROM runs WHERE id = 2")" = 1 ] \
    && ok || bad "nevents of the witness"

"$WEFT" list t.db > out 2> err; rc=$?
expect 0 "weft list"
has out "summary   explore  ./philo" "list shows the summary"
has out "finding 1: deadlock (error) at step" "list shows the finding"
has out "witness run 2" "list names the witness"
"$WEFT" list t.db --json > out 2> err; rc=$?
expect 0 "weft list --json"
has out '"verdict": "deadlock"' "list --json"
has out '"witness_run": 2' "list --json witness"

"$WEFT" replay t.db --run 1 --finding 1 > out 2> err; rc=$?
expect 1 "replay of finding 1 exits as run would"
has out "replay: equal to run 2 of t.db" "replay compares equal"
"$WEFT" replay t.db --run 2 --json > out 2> err; rc=$?
expect 1 "replay --run 2 --json"
has out '"replay_of": {"db": "t.db", "run": 2' "replay --json names the run"
has out '"equal": true' "replay --json equal"
"$WEFT" replay t.db --run 1 > out 2> err; rc=$?
expect 2 "replay of a summary without --finding"
has err "summary of an exploration" "summary replay message"
"$WEFT" replay t.db --run 9 > out 2> err; rc=$?
expect 2 "replay of a missing run"
has err "no run 9" "missing run message"

# the recorded program changed: the first differing step is named
cp philo philo.orig && cp philo_changed philo
"$WEFT" replay t.db --run 2 > out 2> err; rc=$?
expect 2 "replay of a changed program"
has err "the replay diverges from run 2 at step" "divergence names the step"
has err "expected g" "divergence shows the expected event"
"$WEFT" replay t.db --run 2 --json > out 2> err; rc=$?
expect 2 "replay --json of a changed program"
has out '"equal": false' "replay --json divergence"
# the program is gone
rm philo
"$WEFT" replay t.db --run 2 > out 2> err; rc=$?
expect 2 "replay when the program is missing"
has err "cannot run" "missing program message"
cp philo.orig philo

# run and replay record one execution each
./philo run --db r.db --seed 1 > out 2> err; rc=$?
[ "$rc" = 0 ] || [ "$rc" = 1 ] && ok || bad "run --db: exit $rc"
s=$(q r.db "SELECT schedule FROM runs WHERE id = 1")
./philo replay --schedule "$s" --db r.db > out 2> err; rc=$?
[ "$(q r.db "SELECT count(*), count(DISTINCT schedule) FROM runs WHERE role = 'execution'")" = "2|1" ] \
    && ok || bad "run and replay rows"
"$WEFT" replay r.db --run 2 > out 2> err; rc=$?
[ "$rc" = 0 ] || [ "$rc" = 1 ] && ok || bad "replay of a recorded replay: exit $rc"
has out "replay: equal to run 2" "recorded replay compares equal"

# --record all on outcomes: every execution, outcomes rows
./philo outcomes --db o.db --record all --strategy dfs --max-executions 200 > out 2> err; rc=$?
# (the 200 executions only predict the lock cycle; one steering execution
# past the budget confirms it as a deadlock, recorded like the others)
expect 1 "outcomes --record all"
[ "$(q o.db "SELECT count(*) FROM runs WHERE role = 'execution'")" = 201 ] && ok || bad "201 runs"
[ "$(q o.db "SELECT executions FROM runs WHERE role = 'summary'")" = 201 ] && ok || bad "summary executions"
w=$(q o.db "SELECT run_id FROM findings WHERE kind = 'deadlock' AND run_id > 1")
"$WEFT" replay o.db --run "$w" > out 2> err; rc=$?
expect 1 "the steering execution's recorded run replays"
has out "replay: equal to run $w" "the steering execution was recorded whole"
[ "$(q o.db "SELECT count(*) > 0 FROM outcomes")" = 1 ] && ok || bad "outcomes rows"

# ---- interrupted recordings keep every finished run --------------------------
interrupt() { # SIGNAL DB
    ./philo explore --strategy dfs --db "$2" --record all > out 2> err &
    pid=$!
    # until runs are being recorded (a megabyte of them: hundreds), not a
    # fixed time: under ASan on a loaded machine the first execution can
    # take longer than a fixed wait, and a signal before weft's handler is
    # installed just kills the program
    local end=$((SECONDS + 120)) size=0
    while [ "$size" -lt 1000000 ] && [ $SECONDS -lt $end ] &&
        kill -0 $pid 2> /dev/null; do
        sleep 0.1
        size=$(cat "$2" "$2-wal" 2> /dev/null | wc -c)
    done
    kill -"$1" $pid
    wait $pid; rc=$?
    want=130; [ "$1" = TERM ] && want=143
    expect $want "$1 exploration (an interrupted search never exits 0 or 1)"
    has out ": interrupted" "$1 stops the exploration"
    [ "$(q "$2" 'PRAGMA integrity_check')" = ok ] && ok || bad "$1: integrity"
    [ "$(q "$2" "SELECT end_reason FROM runs WHERE role = 'summary'")" = interrupted ] \
        && ok || bad "$1: summary says interrupted"
    n=$(q "$2" "SELECT count(*) FROM runs WHERE role = 'execution'")
    [ "$n" -gt 10 ] && ok || bad "$1: only $n runs recorded"
    [ "$(q "$2" "SELECT executions FROM runs WHERE role = 'summary'")" = "$n" ] \
        && ok || bad "$1: every finished execution has its run"
    [ "$(q "$2" "SELECT count(*) FROM runs r WHERE role = 'execution' AND nevents != (SELECT count(*) FROM events e WHERE e.run_id = r.id)")" = 0 ] \
        && ok || bad "$1: a run lost events"
}
interrupt INT i.db
interrupt TERM j.db

# ---- bad databases: exit 2, a message, the file untouched ------------------
echo "my notes, not a database" > notes.db
before=$(sum notes.db)
./philo run --db notes.db > out 2> err; rc=$?
expect 2 "a text file as --db"
has err "not a weft trace database" "text file message"
[ "$(sum notes.db)" = "$before" ] && ok || bad "text file changed"
"$WEFT" list notes.db > out 2> err; rc=$?
expect 2 "weft list of a text file"

cp t.db v.db && q v.db "PRAGMA user_version = 7" && before=$(sum v.db)
./philo explore --db v.db --max-executions 10 > out 2> err; rc=$?
expect 2 "a database of another schema version"
has err "schema version 7" "version message"
"$WEFT" list v.db > out 2> err; rc=$?
expect 2 "weft list of another schema version"
[ "$(sum v.db)" = "$before" ] && ok || bad "versioned database changed"

q other.db "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)"
before=$(sum other.db)
./philo run --db other.db > out 2> err; rc=$?
expect 2 "an SQLite database of another application"
has err "another application" "other application message"
[ "$(sum other.db)" = "$before" ] && ok || bad "other database changed"

# locked by another process: the busy timeout, then a clear error
cp t.db l.db
: > lockout
./dbq l.db --hold 6 > lockout &
lpid=$!
for _ in 1 2 3 4 5 6 7 8 9 10; do grep -q locked lockout && break; sleep 0.1; done
./philo run --db l.db > out 2> err; rc=$?
expect 2 "a locked database"
has err "locked by another process" "locked message"
kill $lpid 2>/dev/null; wait $lpid 2>/dev/null
[ "$(q l.db "SELECT count(*) FROM runs")" = 2 ] && ok || bad "locked database changed"

# read-only file and directory (root writes anything: drop to nobody)
as_user() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi; }
if [ "$(id -u)" != 0 ] || command -v setpriv > /dev/null; then
    cp t.db ro.db && chmod 444 ro.db && before=$(sum ro.db)
    as_user ./philo run --db ro.db > out 2> err; rc=$?
    expect 2 "a read-only database"
    has err "read-only" "read-only message"
    [ "$(sum ro.db)" = "$before" ] && ok || bad "read-only database changed"
    mkdir rodir && chmod 555 rodir
    as_user ./philo run --db rodir/new.db > out 2> err; rc=$?
    expect 2 "a read-only directory"
    has err "cannot open" "read-only directory message"
    [ ! -e rodir/new.db ] && ok || bad "a file appeared in the read-only directory"
else
    echo "trace.sh: skipping the read-only cases (root without setpriv)" >&2
fi

# a full disk (here a file size limit): exit 2, what was committed stays
(ulimit -f 40000; exec ./philo explore --strategy dfs --db full.db --record all > out 2> err); rc=$?
expect 2 "a file size limit reached while recording"
has err "file size limit" "full disk message"
[ "$(q full.db 'PRAGMA integrity_check')" = ok ] && ok || bad "full.db integrity"
n=$(q full.db "SELECT count(*) FROM runs WHERE role = 'execution'")
[ "$n" -gt 0 ] && ok || bad "full.db kept no run"
[ "$(q full.db "SELECT count(*) FROM runs r WHERE role = 'execution' AND nevents != (SELECT count(*) FROM events e WHERE e.run_id = r.id)")" = 0 ] \
    && ok || bad "full.db: a run lost events"

echo "trace.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

#!/bin/bash
# db.sh: a trace database that travels and survives faults (SPEC section 9,
# issue 16), with Go programs (trace.sh covers C programs):
#  - list, view and replay read a read-only copy (file or directory) and
#    leave no -wal or -shm file behind;
#  - a run keeps its program's source: replay works after the file moved
#    or changed, from any directory; --use-file replays the file on disk
#    and says when it differs from the recorded one;
#  - faults give a clear error and exit 2, never a damaged database or a
#    lost committed run: a full disk (a small tmpfs, through unshare, or
#    skipped saying why), a truncated file, an old schema version;
#  - two explorations recording into one database at once both land.
# Run by `make test` as: WEFT=build/weft BUILD=build tests/e2e/db.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
CC=${CC:-cc}
LIBS="$(pkg-config --libs sqlite3) -lm -lpthread"

tmp=$(mktemp -d /tmp/weft-db.XXXXXX)
chmod 755 "$tmp"
trap 'umount "$tmp/small" 2>/dev/null; chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect() { if [ "$rc" = "$1" ]; then ok; else bad "$2: exit $rc, want $1"; cat err 2>/dev/null >&2; fi; }
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1:"; cat "$1" >&2; fi; }
q() { ./dbq "$@"; }
no_side_files() { # DB WHAT
    if [ -e "$1-wal" ] || [ -e "$1-shm" ] || [ -e "$1-journal" ]; then
        bad "$2 left $(ls "$1"-* | tr '\n' ' ')"
    else ok; fi
}

$CC -std=c11 -O1 "$here/dbq.c" $LIBS -o dbq || exit 2
export SOURCE_DATE_EPOCH=1700000000

mkdir -p src
cat > src/philo.go <<'EOF'
package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	forks := []*sync.Mutex{{}, {}, {}}
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			forks[i].Lock()
			forks[(i+1)%3].Lock()
			fmt.Println("eats", i)
			forks[(i+1)%3].Unlock()
			forks[i].Unlock()
		}(i)
	}
	wg.Wait()
}
EOF

# ---- a recorded database travels ----------------------------------------
(cd src && "$WEFT" explore philo.go --db ../p.db > ../out 2> ../err); rc=$?
expect 1 "explore philo.go --db"
no_side_files p.db "a finished recording"
sha=$(sha256sum src/philo.go | cut -d' ' -f1)
[ "$(q p.db "SELECT count(*) FROM sources WHERE sha256 = '$sha'")" = 1 ] && ok ||
    bad "the source is not kept with its hash"
[ "$(q p.db "SELECT DISTINCT source_sha256 FROM runs")" = "$sha" ] && ok ||
    bad "the runs do not name their source"
[ "$(q p.db 'PRAGMA user_version')" = 3 ] && ok || bad "schema version"
wit=$(q p.db "SELECT witness_run FROM findings WHERE run_id = 1 AND kind = 'deadlock'")

# replay from another directory, the program file moved away
mkdir -p elsewhere && mv src/philo.go elsewhere/
"$WEFT" replay p.db --run "$wit" > out 2> err; rc=$?
expect 1 "replay after the file moved (the deadlock again)"
has out "replay: equal to run $wit" "the moved program replays equal"

# the file changed: the recorded source is replayed, and the user told
sed 's/(i+1)%3/(i+2)%3/g' elsewhere/philo.go > src/philo.go
(cd src && "$WEFT" replay ../p.db --run "$wit" > ../out 2> ../err); rc=$?
expect 1 "replay after the file changed"
has out "replay: equal to run $wit" "the recorded source replays equal"
has err "differs from the recorded one" "replay says the file changed"
# ... and asked to use the file instead
(cd src && "$WEFT" replay ../p.db --run "$wit" --use-file > ../out 2> ../err); rc=$?
expect 2 "replay --use-file of a changed file (a divergence)"
has err "the file on disk differs from the recorded one" "--use-file says so"
has err "diverges" "--use-file names the divergence"

# read-only copies: a read-only file in a read-only directory, read by
# another user (root writes anything), leaves nothing behind
mkdir ro && cp p.db ro/ && chmod 444 ro/p.db && chmod 555 ro
if command -v setpriv > /dev/null 2>&1; then
    asuser() { setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; }
else
    asuser() { "$@"; }
fi
asuser "$WEFT" list ro/p.db > out 2> err; rc=$?
expect 0 "list of a read-only database"
has out "summary" "list reads it"
asuser "$WEFT" replay ro/p.db --run "$wit" > out 2> err; rc=$?
expect 1 "replay of a read-only database"
has out "replay: equal to run $wit" "replay reads it"
if command -v tmux > /dev/null; then
    # the viewer in a terminal: its first screen, then q
    tm() { tmux -L "weft-db-$$" -f /dev/null "$@"; }
    tm new-session -d -s v -x 80 -y 24 \
        "setpriv --reuid=65534 --regid=65534 --clear-groups $WEFT view ro/p.db; echo exited \$?; sleep 30" 2> /dev/null ||
        tm new-session -d -s v -x 80 -y 24 "$WEFT view ro/p.db; echo exited \$?; sleep 30"
    for _ in $(seq 100); do
        tm capture-pane -t v -p > screen.txt
        grep -q "main" screen.txt && break
        sleep 0.1
    done
    tm send-keys -t v q
    for _ in $(seq 100); do
        tm capture-pane -t v -p > screen.txt
        grep -q "exited" screen.txt && break
        sleep 0.1
    done
    has screen.txt "exited 0" "the viewer reads a read-only database"
    tm kill-server > /dev/null 2>&1
else
    echo "db.sh: skipping the viewer on a read-only database: no tmux" >&2
fi
no_side_files ro/p.db "list, replay and view of a read-only database"
# a writable copy, read: nothing left either
cp p.db w.db
"$WEFT" list w.db > out 2> err; rc=$?
expect 0 "list of a writable database"
no_side_files w.db "list of a writable database"

# ---- faults --------------------------------------------------------------
# an older schema: a clear error, untouched
cp p.db old.db && q old.db "PRAGMA user_version = 1" > /dev/null
before=$(cksum < old.db)
"$WEFT" list old.db > out 2> err; rc=$?
expect 2 "list of a schema-1 database"
has err "schema version 1" "the version is named"
"$WEFT" explore elsewhere/philo.go --db old.db > out 2> err; rc=$?
expect 2 "recording into a schema-1 database"
[ "$(cksum < old.db)" = "$before" ] && ok || bad "the old database changed"

# a file cut short mid-page: refused before anything is read or written
size=$(stat -c %s p.db)
head -c $((size - 5000)) p.db > cut.db
before=$(cksum < cut.db)
"$WEFT" list cut.db > out 2> err; rc=$?
expect 2 "list of a truncated database"
has err "truncated" "the truncation is named"
"$WEFT" explore elsewhere/philo.go --db cut.db > out 2> err; rc=$?
expect 2 "recording into a truncated database"
[ "$(cksum < cut.db)" = "$before" ] && ok || bad "the truncated database changed"

# a full disk: a 2 MiB tmpfs in a private mount namespace
cat > many.go <<'EOF'
package main

import "sync"

func main() {
	var mu sync.Mutex
	var wg sync.WaitGroup
	x := 0
	for i := 0; i < 6; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 3; k++ {
				mu.Lock()
				x++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
}
EOF
mkdir small
if unshare -m true 2> /dev/null; then
    unshare -m sh -c "mount -t tmpfs -o size=2m weft-full small &&
        '$WEFT' explore many.go --db small/full.db --record all --max-executions 100000 > out 2> err;
        echo \$? > rc; cp small/full.db* .; ls -la small > left" 2> mount.err
    if [ -s rc ]; then
        rc=$(cat rc)
        expect 2 "recording onto a full disk"
        has err "the disk is full" "the full disk is named"
        [ "$(q full.db 'PRAGMA integrity_check')" = ok ] && ok || bad "full.db integrity"
        n=$(q full.db "SELECT count(*) FROM runs WHERE role = 'execution'")
        [ "$n" -gt 0 ] && ok || bad "full.db kept no run"
        [ "$(q full.db "SELECT count(*) FROM runs r WHERE role = 'execution' AND nevents != (SELECT count(*) FROM events e WHERE e.run_id = r.id)")" = 0 ] &&
            ok || bad "full.db: a run lost events"
        has out "recorded in small/full.db" "what was kept is said"
    else
        echo "db.sh: skipping the full-disk case: no tmpfs ($(cat mount.err))" >&2
    fi
else
    echo "db.sh: skipping the full-disk case: unshare -m is not allowed here" >&2
fi

# ---- two writers at once --------------------------------------------------
"$WEFT" explore many.go --db both.db --record all --max-executions 300 > out1 2> err1 &
p1=$!
"$WEFT" explore elsewhere/philo.go --db both.db --record all > out2 2> err2 &
p2=$!
wait $p1; r1=$?
wait $p2; r2=$?
[ "$r1" = 0 ] && ok || { bad "first writer: exit $r1"; cat err1 >&2; }
[ "$r2" = 1 ] && ok || { bad "second writer: exit $r2"; cat err2 >&2; }
[ "$(q both.db "SELECT count(*) FROM runs WHERE role = 'summary' AND end_reason IN ('complete', 'budget')")" = 2 ] &&
    ok || bad "both summaries landed"
e=$(q both.db "SELECT sum(executions) FROM runs WHERE role = 'summary'")
n=$(q both.db "SELECT count(*) FROM runs WHERE role = 'execution'")
[ "$e" = "$n" ] && ok || bad "two writers: $n execution runs for $e executions"
[ "$(q both.db 'PRAGMA integrity_check')" = ok ] && ok || bad "both.db integrity"
no_side_files both.db "two writers"

echo "db.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

#!/bin/bash
# roundtrip.sh: every scenario in scenarios/ recorded, read back and
# replayed equal (issue 7): explore with --db and --record all under a
# small budget, then `weft replay DB --run ID` for every recorded
# execution must say "equal" and exit as the recorded verdict says
# (1 with an error finding, else 0); `weft list` must read the database.
# Run by `make test` as: WEFT=build/weft tests/e2e/roundtrip.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
tmp=$(mktemp -d /tmp/weft-rt.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
fails=0
pass=0
files=0
runs=0
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
# A directory holding a package other than main (with its tests) is one
# unit, explored as the package; every other .go file is a scenario.
units() {
	local f d g lib
	find "$root/scenarios" -name '*.go' | sort | while IFS= read -r f; do
		d=$(dirname "$f")
		lib=
		for g in "$d"/*.go; do
			case $g in *_test.go) continue ;; esac
			grep -qE '^package main$' "$g" </dev/null || lib=1
		done
		if [ -n "$lib" ]; then echo "$d"; else echo "$f"; fi
	done | uniq
}
while IFS= read -r f; do
	files=$((files + 1))
	db="$tmp/$(basename "$f" .go).db"
	"$WEFT" explore "$f" --db "$db" --record all --max-executions 8 \
		--max-steps 20000 >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" -gt 1 ]; then
		bad "$f: explore --db exit $rc"
		cat "$tmp/err" >&2
		continue
	fi
	if ! "$WEFT" list "$db" >"$tmp/list" 2>"$tmp/err"; then
		bad "$f: weft list"
		cat "$tmp/err" >&2
		continue
	fi
	for id in $(awk '$2 == "execution" || $2 == "witness" {print $1}' "$tmp/list"); do
		runs=$((runs + 1))
		verdict=$(awk -v id="$id" '$1 == id {print $7}' "$tmp/list")
		"$WEFT" replay "$db" --run "$id" >"$tmp/out" 2>"$tmp/err"
		rc=$?
		want=0
		case $verdict in
		deadlock | race | panic | assert | livelock) want=1 ;;
		esac
		if ! grep -q "^replay: equal to run $id of" "$tmp/out"; then
			bad "$f: run $id does not replay equal"
			cat "$tmp/out" "$tmp/err" >&2
		elif [ "$rc" != "$want" ] && [ "$verdict" != leak ]; then
			bad "$f: run $id ($verdict) replays with exit $rc, want $want"
		else
			pass=$((pass + 1))
		fi
	done
done < <(units)
echo "roundtrip.sh: $files scenario files, $runs recorded runs: $pass passed, $fails failed"
[ "$fails" = 0 ] && [ "$runs" -gt 0 ]

#!/bin/bash
# tests/steps.sh JOBS STEP...: runs make test's steps, JOBS at a time.
#
# A STEP is "NAME|COMMAND" (COMMAND run by sh -c, from the project's
# directory); "!NAME|COMMAND" runs alone, nothing beside it (a step that
# checks wall-clock limits: --time-limit, Ctrl-C). Steps start in the order given (make test lists the longest
# first, so that two cores end together); each one's output is kept apart
# and printed whole when it ends, after a line saying how it ended. The
# last line is "N passed, N failed", naming the failed steps before it
# and, before that, repeating each failed step's failing and last lines;
# the exit status is 1 when one failed.
set -u

jobs=${1:?usage: tests/steps.sh JOBS 'NAME|COMMAND'...}
shift
case $jobs in '' | *[!0-9]* | 0) jobs=1 ;; esac

dir=$(mktemp -d "${TMPDIR:-/tmp}/weft-steps.XXXXXX") || exit 2
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$dir"' EXIT
trap 'exit 130' INT TERM

declare -A name_of=() start_of=()
passed=0
failed=0
failed_names=""

# Waits for one running step and reports it.
reap() {
    local pid rc n
    wait -n -p pid
    rc=$?
    n=${name_of[$pid]}
    unset "name_of[$pid]"
    if [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
        echo "== $n: passed ($((SECONDS - ${start_of[$n]})) s)"
    else
        failed=$((failed + 1))
        failed_names="$failed_names $n"
        echo "== $n: FAILED (exit $rc, $((SECONDS - ${start_of[$n]})) s)"
    fi
    cat "$dir/$n.log"
    echo
}

for step in "$@"; do
    n=${step%%|*}
    cmd=${step#*|}
    limit=$jobs
    case $n in '!'*) n=${n#!}; limit=1 ;; esac
    while [ "${#name_of[@]}" -ge "$limit" ]; do reap; done
    start_of[$n]=$SECONDS
    sh -c "$cmd" >"$dir/$n.log" 2>&1 </dev/null &
    name_of[$!]=$n
    [ "$limit" -eq 1 ] && reap
done
while [ "${#name_of[@]}" -gt 0 ]; do reap; done

# CI keeps only the end of the output: each failed step's failing lines
# (Check's ":F:"/":E:" lines, "FAIL" lines) and its last lines again here.
for n in $failed_names; do
    echo "== $n failed; its failing lines:"
    grep -E ':[FE]:|FAIL|not ok|Assertion|timed out|Timeout' "$dir/$n.log" | head -20
    echo "== $n: its last lines:"
    tail -15 "$dir/$n.log"
    echo
done
[ -n "$failed_names" ] && echo "failed:$failed_names"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]

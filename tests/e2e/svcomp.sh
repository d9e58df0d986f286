#!/bin/sh
# svcomp.sh: the SV-COMP tasks kept in tests/svcomp, run as make bench
# runs the whole folders (tests/bench/svcomp.sh), each answer compared with
# tests/svcomp/expect: none may be wrong, and each must be what the file
# says (correct, or unknown where weft cannot decide and says so).
# Usage: tests/e2e/svcomp.sh [SECONDS per task, default 10]
# Environment: WEFT (build/weft).
set -u
WEFT=${WEFT:-build/weft}
case $WEFT in /*) ;; *) WEFT=$(pwd)/$WEFT ;; esac
HERE=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
WEFT=$WEFT SVBENCH=$HERE/tests/svcomp SVCOMP_OUT=$TMP/out \
    "$HERE/tests/bench/svcomp.sh" "${1:-10}" >"$TMP/log" 2>&1
pass=0
fail=0
# "verdict folder/task property" as svcomp.sh prints them
sed -n 's/^\([a-zA-Z]*\) \([^ ]*\) \([a-z-]*\):.*/\1 \2 \3/p;
        s/^unknown \([^ ]*\) \([a-z-]*\) (does not.*/unknown \1 \2/p' \
    "$TMP/out" | sed 's/^WRONG/wrong/' | sort >"$TMP/got"
sort "$HERE/tests/svcomp/expect" >"$TMP/want"
while read -r v task prop; do
    g=$(awk -v t="$task" -v p="$prop" '$2 == t && $3 == p { print $1 }' \
        "$TMP/got")
    if [ "$g" = "$v" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $task $prop: ${g:-no answer}, expected $v:" \
            "$(grep " $task $prop" "$TMP/out")"
    fi
done <"$TMP/want"
if [ "$(wc -l <"$TMP/got")" -ne "$(wc -l <"$TMP/want")" ]; then
    fail=$((fail + 1))
    echo "FAIL answers for tasks expect does not list:"
    cat "$TMP/out"
fi
echo "svcomp.sh: $pass passed, $fail failed ($(tail -1 "$TMP/log"))"
[ $fail -eq 0 ]

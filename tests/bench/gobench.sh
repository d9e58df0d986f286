#!/bin/sh
# gobench.sh: weft over GoBench's GoKer kernels (Yuan et al., CGO 2021):
# 103 small reproductions of real concurrency bugs from Kubernetes, etcd,
# gRPC, CockroachDB, Moby and others, each a *_test.go file that weft runs
# unmodified. The kernels are not copied into weft: the script clones
# GoBench (or uses GOBENCH=DIR, a checkout).
#
# Each kernel runs as a user would run it: `weft test FILE` with the
# default options, under a wall-clock limit (timeout(1) sends SIGTERM at
# SECONDS; weft then prints what it found so far). A blocking kernel counts
# as found when its test fails on a deadlock or a leak, a non-blocking one
# on a race or a panic; "unsupported" is a kernel weft refuses (an import
# outside SPEC section 6), with the reason. Each line gives the wall time
# and the sites the finding names (file:line), to compare with the
# kernel's comment, and the CPU seconds weft had (on a loaded machine the
# wall limit gives less); GOBENCH_OUT=DIR keeps each kernel's full report.
# The last line counts the kernels whose finding names the lines their
# README's backtrace marks (gobench_sites.sh, which prints each).
#
# Usage: tests/bench/gobench.sh [SECONDS per kernel, default 30]
# Environment: WEFT (default build/weft), GOBENCH (a GoBench checkout),
# GOBENCH_OUT (a directory for the reports), GOBENCH_ONLY (a substring of
# the kernels' paths to run).
set -u
WEFT=${WEFT:-build/weft}
LIMIT=${1:-30}
DIR=${GOBENCH:-build/gobench}
if [ ! -d "$DIR/gobench/goker" ]; then
    if ! git clone -q --depth 1 https://github.com/timmyyuan/gobench "$DIR" \
        2>/dev/null; then
        echo "gobench: cannot clone GoBench (offline?); set GOBENCH=DIR: skipped"
        exit 0
    fi
fi
case $WEFT in /*) ;; *) WEFT=$(pwd)/$WEFT ;; esac
OUT=${GOBENCH_OUT:-}
if [ -n "$OUT" ]; then
    mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
else
    OUT=$(mktemp -d)
    trap 'rm -rf "$OUT"' EXIT
fi
found=0 missed=0 unsup=0 total=0
SITES=$(cd "$(dirname "$0")" && pwd)/gobench_sites.sh
DIR=$(cd "$DIR" && pwd)
: >"$OUT/times"
cd "$DIR/gobench/goker" || exit 2
for f in $(find blocking nonblocking -name '*_test.go' | sort); do
    case $f in *${GOBENCH_ONLY:-}*) ;; *) continue ;; esac
    total=$((total + 1))
    class=${f%%/*}
    r="$OUT/$(echo "$f" | tr / _).out"
    t0=$(date +%s.%N)
    /usr/bin/time -f '%U %S' -o "$r.cpu" \
        timeout -s TERM "$LIMIT" "$WEFT" test "$f" >"$r" 2>"$r.err"
    rc=$?
    secs=$(echo "$(date +%s.%N) - $t0" | bc)
    # CPU seconds: on a loaded machine the wall limit gives less than it says
    cpu=$(tail -1 "$r.cpu" | awk '{ printf "%.1f", $1 + $2 }')
    # the kinds of the findings that failed the test: "    deadlock (global):"
    kinds=$(sed -n 's/^    \([a-z-]*\)\( ([a-z]*)\)\{0,1\}: .*/\1/p' "$r" |
        sort -u | tr '\n' ' ')
    # the sites the findings name: "(x_test.go:12)" and "at x_test.go:12"
    sites=$(grep -o '_test\.go:[0-9]*' "$r" | sed 's/_test\.go://' |
        sort -n -u | tr '\n' ' ')
    if [ $rc -eq 2 ] || grep -q 'error: unsupported' "$r"; then
        unsup=$((unsup + 1))
        printf 'unsupported %s: %s\n' "$f" "$(cat "$r" "$r.err" |
            grep -m1 'error: ' | sed 's/.*error: //' | cut -c1-120)"
        continue
    fi
    hit=no
    for k in $kinds; do
        case $class:$k in
        blocking:deadlock | blocking:leak) hit=yes ;;
        nonblocking:race | nonblocking:panic) hit=yes ;;
        esac
    done
    if [ $hit = yes ]; then
        found=$((found + 1))
        echo "$secs" >>"$OUT/times"
        printf 'found       %s: %s(%.1fs, %ss CPU; lines %s)\n' "$f" \
            "$kinds" "$secs" "$cpu" "$sites" | tee -a "$OUT/found"
    else
        missed=$((missed + 1))
        printf 'missed      %s: %s(exit %d, %.1fs, %ss CPU)\n' "$f" "$kinds" \
            "$rc" "$secs" "$cpu"
    fi
done
times=$(sort -n "$OUT/times")
n=$(echo "$times" | grep -c .)
med=$( [ "$n" -gt 0 ] && echo "$times" | sed -n "$(((n + 1) / 2))p")
max=$(echo "$times" | tail -1)
echo "gobench: $total kernels, weft test under ${LIMIT}s each: $found found," \
    "$missed missed, $unsup unsupported; time to a finding: median" \
    "${med:-0}s, max ${max:-0}s"
# do the findings name the lines GoBench's backtraces mark?
[ -s "$OUT/found" ] && GOBENCH=$DIR sh "$SITES" "$OUT/found" | tail -1

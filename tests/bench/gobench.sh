#!/bin/sh
# gobench.sh: weft over GoBench's GoKer kernels (Yuan et al., CGO 2021):
# 103 small reproductions of real concurrency bugs from Kubernetes, etcd,
# gRPC, CockroachDB, Moby and others, each a *_test.go file that weft runs
# unmodified. The kernels are not copied into weft: the script clones
# GoBench (or uses GOBENCH=DIR, a checkout) and explores each kernel.
#
# A blocking kernel counts as found when weft reports a deadlock or a leak,
# a non-blocking one when it reports a race or a panic; "unsupported" is a
# kernel weft refuses (an import outside SPEC section 6), with the reason.
#
# Usage: tests/bench/gobench.sh [SECONDS per kernel, default 10]
# Environment: WEFT (default build/weft), GOBENCH (a GoBench checkout).
set -u
WEFT=${WEFT:-build/weft}
LIMIT=${1:-10}
DIR=${GOBENCH:-build/gobench}
if [ ! -d "$DIR/gobench/goker" ]; then
    if ! git clone -q --depth 1 https://github.com/timmyyuan/gobench "$DIR" \
        2>/dev/null; then
        echo "gobench: cannot clone GoBench (offline?); set GOBENCH=DIR: skipped"
        exit 0
    fi
fi
case $WEFT in /*) ;; *) WEFT=$(pwd)/$WEFT ;; esac
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
found=0 missed=0 unsup=0 total=0
cd "$DIR/gobench/goker" || exit 2
for f in $(find blocking nonblocking -name '*_test.go' | sort); do
    total=$((total + 1))
    class=${f%%/*}
    timeout $((LIMIT * 3 + 30)) "$WEFT" explore "$f" --json \
        --time-limit "$LIMIT" >"$OUT/j" 2>"$OUT/e"
    rc=$?
    kinds=$(grep -o '"kind": *"[a-z-]*", *"severity"' "$OUT/j" |
        sed 's/"kind": *"\([a-z-]*\)".*/\1/' | sort -u | tr '\n' ' ')
    if [ $rc -eq 2 ]; then
        unsup=$((unsup + 1))
        printf 'unsupported %s: %s\n' "$f" "$(head -1 "$OUT/e" | cut -c1-140)"
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
        printf 'found       %s: %s\n' "$f" "$kinds"
    else
        missed=$((missed + 1))
        printf 'missed      %s: %s(exit %d)\n' "$f" "$kinds" "$rc"
    fi
done
echo "gobench: $total kernels, ${LIMIT}s each: $found found, $missed missed," \
    "$unsup unsupported"

#!/bin/bash
# limits.sh: how well --time-limit and --max-memory hold on real programs
# (issue 16): runs `weft explore FILE --time-limit T --max-memory M` on
# every .go file given (default: scenarios/ and Go's own test suite, when
# installed), timing the wall clock and the peak resident memory with
# tests/e2e/limit_run.c, and reports the worst overshoot of each: the
# time limit should hold within 5% + 100 ms of T (weft's start-up and
# compiling included), the memory near M plus what weft needs besides the
# executions (the binary, the checkers, the search's state).
#   WEFT=build/weft tests/bench/limits.sh [-t SECS] [-m SIZE] [FILE|DIR...]
# Prints one line per file that overshoots either, then the summary.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
CC=${CC:-cc}
secs=1
mem=128M
while getopts t:m: o; do
    case $o in
    t) secs=$OPTARG ;;
    m) mem=$OPTARG ;;
    *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# = 0 ] && set -- "$root/scenarios" /usr/share/go-1.19/test

tmp=$(mktemp -d /tmp/weft-limits-bench.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
$CC -O1 -o "$tmp/limit_run" "$root/tests/e2e/limit_run.c" || exit 2
memkb=$(awk -v m="$mem" 'BEGIN { n = m + 0; u = substr(m, length(m));
    if (u == "G") n *= 1048576; else if (u == "M") n *= 1024;
    else if (u == "K") n *= 1; else n /= 1024; printf "%d", n }')
limit_ms=$(awk -v s="$secs" 'BEGIN { printf "%d", s * 1000 }')

n=0
worst_t=0
worst_t_file=
worst_m=-999999999
worst_m_file=
over_t=0
for f in $(find "$@" -name '*.go' | sort); do
    n=$((n + 1))
    dir=$(dirname "$f")
    (cd "$dir" && "$tmp/limit_run" -o "$tmp/out" -r "$tmp/res" -- \
        "$WEFT" explore "$(basename "$f")" --time-limit "$secs" \
        --max-memory "$mem")
    w=$(sed -n 's/.*wall_ms=\([0-9]*\).*/\1/p' "$tmp/res")
    r=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$tmp/res")
    dt=$((w - limit_ms))
    dm=$((r - memkb))
    if [ "$dt" -gt "$worst_t" ]; then worst_t=$dt; worst_t_file=$f; fi
    if [ "$dm" -gt "$worst_m" ]; then worst_m=$dm; worst_m_file=$f; fi
    if [ "$w" -gt $((limit_ms * 105 / 100 + 100)) ]; then
        over_t=$((over_t + 1))
        echo "time: $f: ${w} ms for --time-limit $secs"
    fi
    if [ "$dm" -gt 0 ]; then
        echo "memory: $f: peak $((r / 1024)) MiB for --max-memory $mem"
    fi
done
echo "limits: $n files, --time-limit $secs: worst ${worst_t} ms over" \
    "(${worst_t_file:-none}), $over_t beyond 5% + 100 ms;" \
    "--max-memory $mem: worst peak $(((worst_m + memkb) / 1024)) MiB" \
    "(${worst_m_file:-none})"

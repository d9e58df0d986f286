#!/bin/sh
# gobench_sites.sh: do weft's GoKer findings point at each bug's real site?
# Reads gobench.sh's output (a file, or stdin) and, for each kernel found,
# compares the lines its finding names ("lines 82 109") with the lines
# GoBench's README.md for the kernel marks: the top frame in the kernel's
# file of each goroutine of its backtrace (the blocked operations of a
# blocking bug; the two accesses of a data race), "created at" stacks
# left out. Prints one line a kernel:
#   all   every marked line is among weft's
#   some  some are (the others: a side of the bug weft names elsewhere,
#         or a frame weft reports at its caller)
#   none  none is: the finding may point at a side effect; check it
#   n/a   the README has no backtrace in the kernel's file
# The READMEs' line numbers are of versions of the files a few lines off
# the kernels': each kernel is compared under the constant shift (at most
# SHIFT lines, default 10) that matches the most, and the line says it.
# Then the counts.
#
# Usage: tests/bench/gobench_sites.sh [GOBENCH_OUTPUT]
# Environment: GOBENCH (the GoBench checkout gobench.sh used).
set -u
DIR=${GOBENCH:-build/gobench}
if [ ! -d "$DIR/gobench/goker" ]; then
    echo "gobench_sites: no GoBench checkout at $DIR; set GOBENCH=DIR" >&2
    exit 2
fi
# the marked lines of a kernel's README, ascending, space-separated
marked() {
    awk -v base="$(basename "$1")" '
        /^```/ { inbt = !inbt; next }
        !inbt { next }
        # a stack begins: a goroutine of a blocking backtrace, an access
        # of a race report; "created at" stacks are not the bug sites
        /^goroutine [0-9]+ \[/ || /^(Previous )?(read|write|Read|Write) at / {
            want = 1; next
        }
        /created at:/ || /^WARNING|^=+$/ { want = 0; next }
        want && index($0, base ":") {
            s = $0
            sub(".*" base ":", "", s)
            sub(/[^0-9].*/, "", s)
            if (s != "") print s
            want = 0
        }' "$2" | sort -n -u | tr '\n' ' '
}
SHIFT=${SHIFT:-10}
found=0 all=0 some=0 none=0 na=0 shifted=0
while IFS= read -r line; do
    case $line in found*) ;; *) continue ;; esac
    f=$(echo "$line" | sed 's/^found *\([^:]*\):.*/\1/')
    got=" $(echo "$line" | sed -n 's/.*lines \([0-9 ]*\)).*/\1/p') "
    readme="$DIR/gobench/goker/$(dirname "$f")/README.md"
    found=$((found + 1))
    want=""
    [ -f "$readme" ] && want=$(marked "$f" "$readme")
    if [ -z "$want" ]; then
        na=$((na + 1))
        printf 'n/a   %s\n' "$f"
        continue
    fi
    # the backtraces were taken from versions of the files a few lines
    # off the kernels' (a header added or dropped): the shift k in
    # [-SHIFT, SHIFT] under which most marked lines match, 0 first
    best=-1 bk=0
    for k in $(seq 0 $SHIFT) $(seq -$SHIFT -1); do
        hit=0
        for w in $want; do
            case $got in *" $((w + k)) "*) hit=$((hit + 1)) ;; esac
        done
        if [ $hit -gt $best ]; then best=$hit bk=$k; fi
    done
    n=$(echo $want | wc -w)
    if [ $best -eq $n ]; then
        verdict=all all=$((all + 1))
    elif [ $best -gt 0 ]; then
        verdict=some some=$((some + 1))
    else
        verdict=none none=$((none + 1)) bk=0
    fi
    [ $bk -ne 0 ] && shifted=$((shifted + 1))
    printf '%-5s %s: marked %s(shift %d); weft%s\n' "$verdict" "$f" "$want" \
        "$bk" "$got"
done <"${1:-/dev/stdin}"
echo "gobench_sites: $found kernels found: the marked lines all named in" \
    "$all, some in $some, none in $none ($shifted under a shift);" \
    "no backtrace in $na"

#!/bin/sh
# svcomp.sh: weft over SV-COMP's ConcurrencySafety tasks (sosy-lab's
# sv-benchmarks, folders c/pthread, c/pthread-atomic, c/pthread-ext and
# c/pthread-race-challenges by default), run as they are: each task's
# program is built with `weft cc` and explored within a time limit, and
# weft's verdict is compared with the expected one in the task's .yml, for
# the properties weft decides: unreach-call (reach_error is never called)
# and no-data-race.
#
# weft's verdict for a property: false when it found a violation (an
# assert finding from reach_error, __VERIFIER_error or __VERIFIER_assert;
# a race finding), true when the exploration was complete without one
# (every interleaving, no value sampled, no execution cut), unknown
# otherwise, timeout when the time limit stopped it. SV-COMP's scores:
# correct true +2, correct false +1, wrong true -32, wrong false -16.
#
# The benchmarks are not copied into weft: the script uses SVBENCH=DIR (a
# checkout holding c/...) or clones the folders it needs (a sparse, blob-
# less clone into build/sv-benchmarks), and says so and stops when it
# cannot (offline). A task's program is its .yml's input file (a .i
# preprocessed for ILP32); when that does not compile here (LP64), the .c
# of the same name, if there is one, and the answer says "from the .c"
# (the .c of an older task can differ from its .i: pthread-atomic's
# read_write_lock-1.c has no atomic sections, its .i has).
#
# Usage: tests/bench/svcomp.sh [SECONDS per task, default 60] [FOLDER...]
# (make bench: SVCOMP_LIMIT=SECONDS, default 60)
# Environment: WEFT (default build/weft), SVBENCH, JOBS (not used: one
# task at a time, the machine is shared), SVCOMP_OUT (a file for one
# "verdict task property" line per result).
set -u
WEFT=${WEFT:-build/weft}
case $WEFT in /*) ;; *) WEFT=$(pwd)/$WEFT ;; esac
LIMIT=${1:-60}
[ $# -gt 0 ] && shift
FOLDERS=${*:-"pthread pthread-atomic pthread-ext pthread-race-challenges"}
DIR=${SVBENCH:-build/sv-benchmarks}
if [ ! -d "$DIR/c" ]; then
    sparse=""
    for f in $FOLDERS; do sparse="$sparse c/$f"; done
    if ! git clone -q --depth 1 --filter=blob:none --sparse \
        https://github.com/sosy-lab/sv-benchmarks "$DIR" 2>/dev/null ||
        ! git -C "$DIR" sparse-checkout set $sparse c/properties \
            2>/dev/null; then
        echo "svcomp: cannot clone sv-benchmarks (offline?); set" \
            "SVBENCH=DIR (a checkout): skipped"
        exit 0
    fi
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=${SVCOMP_OUT:-$TMP/results}
: >"$OUT"

# props YML: "PROPERTY VERDICT" lines for unreach-call and no-data-race
props() {
    awk '/^[ \t]*#/ { next }
         /property_file:/ { p = $0; sub(/.*properties\//, "", p);
                            sub(/\.prp.*/, "", p) }
         /expected_verdict:/ { v = $2; if (p == "unreach-call" ||
                                p == "no-data-race") print p, v;
                               p = "" }' "$1"
}

# input YML: the task's input file (the first one)
input() {
    sed -n "s/^input_files: *'\{0,1\}\([^' ]*\)'\{0,1\}.*/\1/p;
            s/^ *- *'\{0,1\}\([^' ]*\.[ci]\)'\{0,1\} *$/\1/p" "$1" | head -1
}

correct=0 wrong=0 unknown=0 timeout=0 score=0 tasks=0 ncompile=0
for folder in $FOLDERS; do
    for yml in "$DIR/c/$folder"/*.yml; do
        [ -f "$yml" ] || continue
        p=$(props "$yml")
        [ -n "$p" ] || continue
        tasks=$((tasks + 1))
        name=$folder/$(basename "$yml" .yml)
        src=$(dirname "$yml")/$(input "$yml")
        bin=$TMP/prog
        rm -f "$bin"
        from=""
        if ! timeout 120 "$WEFT" cc -w -o "$bin" "$src" \
            >"$TMP/cc.log" 2>&1; then
            alt=${src%.i}.c
            if [ "$alt" = "$src" ] || [ ! -f "$alt" ] ||
                ! timeout 120 "$WEFT" cc -w -o "$bin" "$alt" \
                    >"$TMP/cc.log" 2>&1; then
                ncompile=$((ncompile + 1))
                echo "$p" | while read -r prop want; do
                    echo "unknown $name $prop (does not compile:" \
                        "$(grep -m1 error "$TMP/cc.log" | cut -c1-100))"
                done | tee -a "$OUT"
                unknown=$((unknown + $(echo "$p" | wc -l)))
                continue
            fi
            from=", from the .c"
        fi
        t0=$(date +%s)
        # stages of growing --max-steps: a program that loops forever
        # (while (1) pthread_create, a monitor thread) makes every
        # execution as long as the bound, so a short bound first tries
        # many more interleavings; a finding in a cut execution is a real
        # one, and "complete" means no execution was cut at any bound
        complete=no reach=no race=no rc=0 left=$LIMIT
        for stage in 1000:$((LIMIT / 4)) 20000:$((LIMIT / 4)) 1000000:0; do
            steps=${stage%%:*}
            secs=${stage##*:}
            [ "$secs" -gt 0 ] && [ "$secs" -lt "$left" ] || secs=$left
            [ "$secs" -ge 1 ] || break
            timeout $((secs * 2 + 30)) "$bin" explore --json \
                --time-limit "$secs" --max-steps "$steps" \
                >"$TMP/j" 2>"$TMP/e"
            rc=$?
            left=$((LIMIT - ($(date +%s) - t0)))
            grep -q '"complete": *true' "$TMP/j" && [ $rc -le 1 ] &&
                grep -q '"cut": *0,' "$TMP/j" && complete=yes
            grep -q '"kind": *"assert", *"severity": *"error", *"partial": *[a-z]*, *"message": *"assertion failed: \(reach_error() called\|__VERIFIER_error() called\|__VERIFIER_assert failed\)' \
                "$TMP/j" && reach=yes
            grep -q '"kind": *"race"' "$TMP/j" && race=yes
            # done: complete, or every property asked about found false
            [ $complete = yes ] && break
            need=no
            echo "$p" | grep -q unreach-call && [ $reach = no ] && need=yes
            echo "$p" | grep -q no-data-race && [ $race = no ] && need=yes
            [ $need = yes ] || break
            [ $rc -ge 124 ] && break
        done
        t1=$(date +%s)
        for prop_want in $(echo "$p" | tr ' ' ':'); do
            prop=${prop_want%%:*}
            want=${prop_want##*:}
            case $prop in
            unreach-call) found=$reach ;;
            *) found=$race ;;
            esac
            if [ $found = yes ]; then
                got=false
            elif [ $complete = yes ]; then
                got=true
            elif [ $((t1 - t0)) -ge "$LIMIT" ] || [ $rc -ge 124 ]; then
                got=timeout
            else
                got=unknown
            fi
            case $got in
            timeout)
                timeout=$((timeout + 1))
                v=timeout
                ;;
            unknown)
                unknown=$((unknown + 1))
                v=unknown
                ;;
            "$want")
                correct=$((correct + 1))
                v=correct
                if [ "$got" = true ]; then score=$((score + 2))
                else score=$((score + 1)); fi
                ;;
            *)
                wrong=$((wrong + 1))
                v=WRONG
                if [ "$got" = true ]; then score=$((score - 32))
                else score=$((score - 16)); fi
                ;;
            esac
            echo "$v $name $prop: weft $got, expected $want" \
                "($((t1 - t0))s, exit $rc$from)" | tee -a "$OUT"
        done
    done
done
echo "svcomp: $tasks tasks (${LIMIT}s each; $ncompile do not compile):" \
    "$correct correct, $wrong wrong, $unknown unknown, $timeout timeout;" \
    "score $score"

#!/bin/sh
# genmc.sh: weft over GenMC's own test programs (MPI-SWS/genmc, folders
# tests/correct and tests/wrong: small C programs with pthreads and C11
# atomics, whose expected result is known), run as they are: each
# variant is built with `weft cc` and explored within a time limit.
#
# GenMC checks weak memory models (RC11, IMM); weft explores sequentially
# consistent interleavings, which allow fewer behaviours. So:
# - a program of tests/correct must be clean under weft: an error there
#   is weft crying wolf ("ALARM"), unless the program relies on something
#   GenMC allows and POSIX does not (joining a thread twice: W+JW), or
#   never terminates (GenMC counts such executions as blocked, weft
#   reports the livelock), or GenMC ran it with race detection off
#   (-disable-race-detection in its args: a race there is no alarm);
#   warnings (a thread cut off when main returned) are counted apart;
# - a program of tests/wrong has a bug weft must find ("found"), unless
#   the bug needs a weak-memory reordering (the list WEAK below: an
#   expected miss) or is outside weft's checks (GenMC's allocation and
#   annotation errors, uninitialised reads).
# Programs that use GenMC-only interfaces (its <lkmm.h>, hazard pointers,
# helping annotations, __VERIFIER_spawn and the like) do not build and
# are counted as "GenMC-only"; SV-COMP's conventions (__VERIFIER_assume,
# __VERIFIER_nondet_*, __VERIFIER_atomic_*) are weft's own and are kept:
# their declarations stand in for <genmc.h>.
#
# The tests are not copied into weft (GenMC is GPL-3.0): the script uses
# GENMC=DIR (a checkout) or clones the folders it needs (a sparse,
# blob-less clone into build/genmc), and says so and stops when it cannot
# (offline). Like GenMC's own driver, a variant is compiled with the first
# line of its test's args.rc11.wb.in (-D defines), with clang (GenMC's
# compiler; WEFT_CC to change) and -include stdint.h (GenMC's headers
# include it).
#
# Usage: tests/bench/genmc.sh [SECONDS per variant, default 20] [DIR...]
# (DIR: correct/litmus, wrong/racy...; default: the folders GenMC's driver
# runs; make bench: GENMC_LIMIT=SECONDS). Environment: WEFT (build/weft),
# GENMC, GENMC_OUT (a file for one line per variant).
set -u
WEFT=${WEFT:-build/weft}
case $WEFT in /*) ;; *) WEFT=$(pwd)/$WEFT ;; esac
LIMIT=${1:-20}
[ $# -gt 0 ] && shift
ALL="correct/infr correct/litmus correct/saver correct/ipr correct/sr
correct/liveness correct/synthetic correct/data-structures correct/lapor
wrong/safety wrong/liveness wrong/infr wrong/racy wrong/memory
wrong/locking wrong/barriers wrong/helper wrong/saver"
DIRS=${*:-$ALL}
DIR=${GENMC:-build/genmc}
if [ ! -d "$DIR/tests/correct" ]; then
    if ! git clone -q --depth 1 --filter=blob:none --sparse \
        https://github.com/MPI-SWS/genmc "$DIR" 2>/dev/null ||
        ! git -C "$DIR" sparse-checkout set tests/correct tests/wrong \
            2>/dev/null; then
        echo "genmc: cannot clone MPI-SWS/genmc (offline?); set" \
            "GENMC=DIR (a checkout): skipped"
        exit 0
    fi
fi
DIR=$(cd "$DIR" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=${GENMC_OUT:-$TMP/results}
: >"$OUT"
mkdir -p "$TMP/inc"
cat >"$TMP/inc/genmc.h" <<'EOF'
/* SV-COMP's conventions only; anything GenMC-only stays undeclared */
#include <stdbool.h>
void __VERIFIER_assume(int);
int __VERIFIER_nondet_int(void);
unsigned int __VERIFIER_nondet_uint(void);
void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);
void __VERIFIER_error(void);
EOF

# Bugs of tests/wrong that need a weak-memory reordering (no sequentially
# consistent interleaving shows them): expected misses.
# dekker_rlx: both threads enter, which needs store buffering;
# multiple-inits: the second init needs y == 1 and x == 0 read after the
# relaxed x = 1; y = 1 (message passing reordered).
WEAK=" safety/dekker_rlx barriers/multiple-inits "
# Bugs outside what weft checks: an allocation call's invalid arguments
# (aligned_alloc(3, 9), malloc(-2): libc returns NULL), a read of an
# uninitialised local, and memory used by a thread the allocation does
# not happen before (C11 7.22.3: an allocation is no access for races;
# GenMC flags it).
OUTSIDE=" infr/alloc-invalid-align infr/alloc-invalid-size
memory/stack-uninit memory/malloc-not-hb2 "

# SV-COMP's harness, which weft has (other __VERIFIER_ names are GenMC's)
SVCOMP_NAMES='__VERIFIER_(assume|assert|error|nondet_[a-z]+|atomic_[a-z_]+)$'

clean=0 alarm=0 excused=0 warned=0 found=0 missed=0 weak=0 outside=0
genmc_only=0 nocompile=0 crash=0 total=0
for d in $DIRS; do
    kind=${d%%/*}
    for test in "$DIR/tests/$d"/*/; do
        test=${test%/}
        [ -d "$test/variants" ] || continue
        name=${d#*/}/$(basename "$test")
        gargs="" cargs=""
        if [ -f "$test/args.rc11.wb.in" ]; then
            line=$(head -1 "$test/args.rc11.wb.in")
            if [ "$kind" = correct ]; then
                gargs=$(echo "$line" | cut -f1 -d'|')
                cargs=$(echo "$line" | cut -f2 -d'|')
            else
                cargs=$line
            fi
        fi
        for t in "$test"/variants/*.c; do
            [ -f "$t" ] || continue
            total=$((total + 1))
            v="$name/$(basename "$t")"
            rm -f "$TMP/bin"
            # shellcheck disable=SC2086
            if ! (cd "$(dirname "$t")" && WEFT_CC=${WEFT_CC:-clang} \
                timeout 120 "$WEFT" cc -w -include stdint.h \
                -I"$TMP/inc" $cargs -o "$TMP/bin" "$(basename "$t")") \
                >"$TMP/cc.log" 2>&1; then
                # GenMC-only: a __VERIFIER_ name SV-COMP does not have,
                # anywhere in the test, or GenMC's Linux kernel model
                if grep -rhoE '__VERIFIER_[A-Za-z_]+|lkmm\.h' "$test" |
                    grep -qvE "$SVCOMP_NAMES"
                then
                    genmc_only=$((genmc_only + 1))
                    echo "genmc-only $v" >>"$OUT"
                else
                    nocompile=$((nocompile + 1))
                    echo "no-compile $v: $(grep -m1 error "$TMP/cc.log" |
                        cut -c1-120)" >>"$OUT"
                fi
                continue
            fi
            timeout $((LIMIT * 2 + 30)) "$TMP/bin" explore --json \
                --time-limit "$LIMIT" >"$TMP/j" 2>"$TMP/e"
            rc=$?
            errs=$(grep -o '"kind": *"[a-z-]*", *"severity": *"error"' \
                "$TMP/j" | sed 's/"kind": *"\([a-z-]*\)".*/\1/' |
                sort -u | tr '\n' ' ')
            warns=$(grep -o '"kind": *"[a-z-]*", *"severity": *"warning"' \
                "$TMP/j" | sed 's/"kind": *"\([a-z-]*\)".*/\1/' |
                sort -u | tr '\n' ' ')
            if [ $rc -gt 1 ] && [ $rc -lt 124 ]; then
                crash=$((crash + 1))
                echo "CRASH $v (exit $rc): $(head -c 150 "$TMP/e")" >>"$OUT"
                continue
            fi
            if [ "$kind" = correct ]; then
                if [ -z "$errs" ]; then
                    if [ -n "$warns" ]; then
                        warned=$((warned + 1))
                        echo "clean $v (warnings: $warns)" >>"$OUT"
                    else
                        echo "clean $v" >>"$OUT"
                    fi
                    clean=$((clean + 1))
                elif [ "$errs" = "race " ] &&
                    echo "$gargs" | grep -q disable-race-detection; then
                    excused=$((excused + 1))
                    echo "excused $v: race (GenMC ran it without race" \
                        "detection)" >>"$OUT"
                elif [ "$errs" = "livelock " ] &&
                    [ -f "$test/blocked.rc11.wb.in" ] &&
                    [ "$(head -1 "$test/blocked.rc11.wb.in")" != 0 ]; then
                    excused=$((excused + 1))
                    echo "excused $v: livelock (GenMC too has executions" \
                        "that never end: blocked)" >>"$OUT"
                elif [ "$errs" = "panic " ] &&
                    grep -q 'already joined' "$TMP/j"; then
                    excused=$((excused + 1))
                    echo "excused $v: joins a thread twice (undefined in" \
                        "POSIX, allowed by GenMC)" >>"$OUT"
                else
                    alarm=$((alarm + 1))
                    echo "ALARM $v: $errs" >>"$OUT"
                fi
            else
                case "$WEAK" in
                *" ${name} "*)
                    if [ -n "$errs$warns" ]; then
                        found=$((found + 1))
                        echo "found $v: $errs$warns(weak-memory bug)" \
                            >>"$OUT"
                    else
                        weak=$((weak + 1))
                        echo "weak $v: needs a weak-memory reordering" \
                            >>"$OUT"
                    fi
                    continue
                    ;;
                esac
                # a warning (a thread left spinning at exit) is the bug
                # only where the bug is one of liveness
                hit=$errs
                [ "${d#*/}" = liveness ] && hit="$errs$warns"
                if [ -n "$hit" ]; then
                    found=$((found + 1))
                    echo "found $v: $hit" >>"$OUT"
                elif echo " $OUTSIDE " | tr '\n' ' ' | grep -q " $name "; then
                    outside=$((outside + 1))
                    echo "outside $v: a bug weft does not check" >>"$OUT"
                else
                    missed=$((missed + 1))
                    echo "MISSED $v" >>"$OUT"
                fi
            fi
        done
    done
done
cat "$OUT"
echo "genmc: $total variants (${LIMIT}s each): correct: $clean clean" \
    "($warned with warnings), $alarm ALARM, $excused excused (GenMC" \
    "without race detection, blocked executions, a double join);" \
    "wrong: $found found, $missed missed," \
    "$weak weak-memory only, $outside outside weft's checks;" \
    "$genmc_only GenMC-only, $nocompile do not compile, $crash crashed"

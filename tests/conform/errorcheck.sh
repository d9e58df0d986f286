#!/bin/bash
# errorcheck.sh: the other half of conformance with Go's test suite: the
# `// errorcheck` tests of Go 1.19's test/ directory are programs Go
# rejects, each wrong line marked with a `// ERROR "..."` comment (or
# GC_ERROR, gc's own). weft must reject them too, and its (first) error
# must name, as file:line:col, a line that such a comment marks: a
# program weft runs, or rejects for another line, is a miss.
#
# The tests are mostly packages other than main, checked by Go's
# compiler alone; weft runs programs, so each is run as package main, with
# an empty func main appended when it has none (lines keep their numbers).
# A function without a body is an error for a program (`go build` says
# "missing function body"): weft rejects those tests there, and they count
# apart ("bodyless"), as do tests weft refuses for an import it does not
# accept ("unsupported").
#
# Usage:
#   tests/conform/errorcheck.sh [--out FILE] [TEST...]
#     every plain `// errorcheck` test (or those named, relative to the
#     test directory): the verdicts tallied, and the misses listed.
#   tests/conform/errorcheck.sh --check FILE
#     the tests FILE names (tests/conform/errorcheck_passing.txt) must all
#     be rejected on a marked line (make test).
#   tests/conform/errorcheck.sh --update FILE
#     runs everything and writes the tests rejected on a marked line.
# Environment: WEFT (default build/weft), GOTEST (the test directory),
# CONFORM_JOBS (parallel tests, default 2).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
GOTEST=${GOTEST:-/usr/share/go-1.19/test}
JOBS=${CONFORM_JOBS:-2}
DIRS=". fixedbugs typeparam syntax interface ken chan"

mode=all list="" out=""
tests=()
while [ $# -gt 0 ]; do
    case $1 in
    --check) mode=check; list=$2; shift ;;
    --update) mode=update; out_list=$2; shift ;;
    --out) out=$2; shift ;;
    -*) echo "errorcheck.sh: unknown option $1" >&2; exit 2 ;;
    *) tests+=("$1") ;;
    esac
    shift
done
case $list in "" | /*) ;; *) list=$(pwd)/$list ;; esac
case $out in "" | /*) ;; *) out=$(pwd)/$out ;; esac
if [ ! -d "$GOTEST" ]; then
    echo "errorcheck: no Go test suite at $GOTEST (make deps installs" \
        "golang-1.19-src)" >&2
    exit 2
fi
if [ ! -x "$WEFT" ]; then
    echo "errorcheck: no weft at $WEFT" >&2
    exit 2
fi
tmp=$(mktemp -d /tmp/weft-errorcheck.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# judge TEST: one line "verdict TEST: weft's error" on stdout (bash
# builtins where it can: make test runs some 450 of these)
judge() {
    local t=$1 f="$GOTEST/$1" d="$tmp/$BASHPID" got rc e ln src lines want
    mkdir -p "$d"
    # as package main, with a main; line numbers unchanged
    src=$(<"$f")
    [[ $src =~ (^|$'\n')package\ [A-Za-z_0-9]+ ]] &&
        src=${src/"${BASH_REMATCH[0]}"/${BASH_REMATCH[1]}package main}
    [[ $src =~ (^|$'\n')func\ main\(\) ]] || src+=$'\n\nfunc main() {}'
    printf '%s\n' "$src" >"$d/${f##*/}"
    got=$( (cd "$d" && exec timeout -k 2 60 "$WEFT" run "${f##*/}" \
        --go 1.19 --max-steps 100000) 2>&1 </dev/null; echo "~$?")
    rc=${got##*"~"}
    got=${got%"~"*}
    mapfile -t lines <"$f"
    want=""
    for ln in "${!lines[@]}"; do
        if [[ ${lines[ln]} =~ //\ *(GC_)?ERROR ]]; then
            want="$((ln + 1)): ${lines[ln]:0:60}"
            break
        fi
    done
    case $rc in
    0 | 1 | 124 | 137) echo "accepted $t: $want"; return ;;
    2) ;;
    *) echo "crashed $t: exit $rc: ${got:0:100}"; return ;;
    esac
    e=${got#weft: }
    e=${e%%$'\n'*}
    case $e in
    *"error: unsupported: "*) echo "unsupported $t: ${e:0:120}"; return ;;
    *"error: missing function body"*) echo "bodyless $t: ${e:0:120}"; return ;;
    esac
    ln=""
    [[ $e =~ ^[^\ :]*:([0-9]+):[0-9]+:\  ]] && ln=${BASH_REMATCH[1]}
    if [ -n "$ln" ] && [[ ${lines[ln - 1]} =~ //\ *(GC_)?ERROR ]]; then
        echo "rejected $t: ${e:0:120}"
    else
        echo "elsewhere $t: ${e:0:120} (want $want)"
    fi
}

if [ -n "$list" ]; then
    mapfile -t tests < <(grep -v '^#' "$list" | grep -v '^$')
fi
if [ ${#tests[@]} -eq 0 ]; then
    # the plain ones: flags (-0 -m, -d=...) check gc's optimizer's notes
    for dir in $DIRS; do
        for f in "$GOTEST/$dir"/*.go; do
            case $(head -n 1 "$f") in
            "// errorcheck" | "// errorcheck -d=panic")
                t=${f#"$GOTEST"/}; tests+=("${t#./}") ;;
            esac
        done
    done
fi
export -f judge
export WEFT GOTEST tmp
printf '%s\n' "${tests[@]}" | xargs -d '\n' -P "$JOBS" -n 40 bash -c \
    'for t; do judge "$t"; done' judge | sort -k2 >"$tmp/results"
[ -n "$out" ] && cp "$tmp/results" "$out"

case $mode in
check)
    bad=$(grep -v '^rejected ' "$tmp/results")
    n=$(grep -c '^rejected ' "$tmp/results")
    if [ -n "$bad" ]; then
        echo "errorcheck: $n of ${#tests[@]} tests weft rejected are still" \
            "rejected on a line Go's ERROR marks; these no longer are:" >&2
        echo "$bad" >&2
        exit 1
    fi
    echo "errorcheck: all $n programs of Go's test suite that Go rejects" \
        "and weft rejected are still rejected on the line Go marks"
    exit 0 ;;
update)
    { echo "# Go 1.19 '// errorcheck' tests weft rejects on a line Go marks,"
      echo "# checked by make test (tests/conform/errorcheck.sh --update FILE"
      echo "# rewrites this list)"
      grep '^rejected ' "$tmp/results" | awk '{print $2}' | tr -d ':'; } \
        >"$out_list" ;;
esac
echo "errorcheck: Go 1.19 '// errorcheck' tests (programs Go rejects)"
for v in rejected elsewhere accepted crashed bodyless unsupported; do
    printf '  %-11s %d\n' "$v" "$(grep -c "^$v " "$tmp/results")"
done
grep -E '^(accepted|elsewhere|crashed) ' "$tmp/results" | sed 's/^/  /'

#!/bin/bash
# run.sh: conformance with Go's own test suite (issue 13, point 4). Runs the
# `// run` tests of Go 1.19's test/ directory (Debian golang-1.19-src, at
# /usr/share/go-1.19/test; typeparam/ included) whose imports weft accepts,
# through `weft run`, and judges them as Go's test/run.go does: exit status
# 0 and the output (stdout and stderr together) equal to the test's .out
# file, or empty when there is none. The program's output is what weft
# prints before its own trailing "schedule: ..." line.
#
# The recipe is read as run.go reads it: the text up to the first blank
# line, a first line holding "+build" skipped, the leading "//" dropped;
# the action must be "run"; flags (words starting with "-": -gcflags,
# -race) only tune Go's compiler and are ignored, but -goexperiment X
# becomes GOEXPERIMENT=X in weft's environment, as for Go's; other
# words are the program's arguments (after `--`), or more files of the
# package when they end in ".go". Build constraints (//go:build and
# // +build lines before "package") are evaluated for linux/amd64 with
# gc and cgo, as run.go evaluates them.
#
# The programs are Go 1.19's, so they run with Go 1.19's semantics
# (`--go 1.19`: one loop variable per loop, as their go.mod would say).
#
# Verdicts: pass (a warning with Go's output and exit status 0 passes, as
# under Go's harness, which sees no leak: "pass TEST (warning: leak)");
# wrong (exit 0, other output); finding (exit 0, another output, and weft
# reported a warning Go would not give); failed
# (exit 1: a finding, with its kinds; killed by the time limit; or an
# execution weft cut by its memory or step budget, which it says); refused
# (exit 2: weft rejected the program, with its first error). A test that
# imports a package weft does not accept is outside the count ("outside").
#
# Usage:
#   tests/conform/run.sh [--list FILE] [--out FILE] [--verbose] [TEST...]
#     every `// run` test (or those named, relative to the test directory),
#     the counts and reasons tallied; --out writes one "verdict test: why"
#     line per test; --list FILE runs only the tests named in FILE.
#   tests/conform/run.sh --check FILE
#     runs the tests FILE names (tests/conform/passing.txt: the tests that
#     pass) and fails, naming them, if any no longer passes (make test).
#   tests/conform/run.sh --update FILE
#     runs everything and writes the passing tests into FILE.
# Environment: WEFT (default build/weft), GOTEST (the test directory),
# CONFORM_TIMEOUT (CPU seconds per test, default 10; 30 with --check),
# CONFORM_JOBS (parallel tests, default 2).
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
GOTEST=${GOTEST:-/usr/share/go-1.19/test}
TIMEOUT=${CONFORM_TIMEOUT:-}
JOBS=${CONFORM_JOBS:-2}
DIRS=". ken chan interface syntax dwarf fixedbugs codegen runtime abi
typeparam typeparam/mdempsky"

mode=all list="" out="" verbose=0
tests=()
while [ $# -gt 0 ]; do
    case $1 in
    --check) mode=check; list=$2; shift ;;
    --update) mode=update; out_list=$2; shift ;;
    --list) list=$2; shift ;;
    --out) out=$2; shift ;;
    --verbose | -v) verbose=1 ;;
    --one) mode=one; one=$2; shift ;;
    -*) echo "run.sh: unknown option $1" >&2; exit 2 ;;
    *) tests+=("$1") ;;
    esac
    shift
done
case $list in "" | /*) ;; *) list=$(pwd)/$list ;; esac
# The limit is on CPU seconds (ulimit -t), so a loaded machine does not
# turn a slow test into a failure; the wall clock gets six times as long.
# --check (make test) guards tests known to pass: its limit only stops a
# hang, so it is three times the counting runs' 10 s (on a loaded machine
# issue39541's 7 s of CPU went past 10: page faults count as CPU too).
if [ -z "$TIMEOUT" ]; then
    if [ "$mode" = check ]; then TIMEOUT=30; else TIMEOUT=10; fi
fi
WALL=$((TIMEOUT * 6))
case $out in "" | /*) ;; *) out=$(pwd)/$out ;; esac

if [ ! -d "$GOTEST" ]; then
    echo "conform: no Go test suite at $GOTEST (make deps installs" \
        "golang-1.19-src)" >&2
    exit 2
fi
if [ ! -x "$WEFT" ]; then
    echo "conform: no weft at $WEFT" >&2
    exit 2
fi

tmp=$(mktemp -d /tmp/weft-conform.XXXXXX)
trap 'rm -rf "$tmp"' EXIT

# recipes FILE...: for each `// run` test that should run here, one line
# "TEST<TAB>ARGS<TAB>IMPORTS" (the recipe's words after "run", the import
# paths), as run.go's test.run reads the header; nothing for other files.
recipes() {
    awk -v root="$GOTEST/" '
    function tagok(t) {
        if (t == "linux" || t == "amd64" || t == "gc" || t == "cgo" ||
            t == "test_run") return 1
        return 0
    }
    # //go:build expressions: ||, &&, !, parentheses
    function gb_or(   v) { v = gb_and(); while (tk[pos] == "||") { pos++; v = gb_and() || v } return v }
    function gb_and(   v, w) { v = gb_not(); while (tk[pos] == "&&") { pos++; w = gb_not(); v = v && w } return v }
    function gb_not(   v) {
        if (tk[pos] == "!") { pos++; return !gb_not() }
        if (tk[pos] == "(") { pos++; v = gb_or(); pos++; return v }
        return tagok(tk[pos++])
    }
    function gobuild(s,   n, i, c) {
        n = 0; delete tk
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == " " || c == "\t") continue
            if (c == "!" || c == "(" || c == ")") { tk[++n] = c; continue }
            if (c == "&" || c == "|") { tk[++n] = c c; i++; continue }
            tk[++n] = ""
            while (i <= length(s) && substr(s, i, 1) ~ /[A-Za-z0-9_.]/) {
                tk[n] = tk[n] substr(s, i, 1); i++
            }
            i--
        }
        tk[n + 1] = ""
        pos = 1
        return gb_or()
    }
    function plusbuild(s,   n, i, opts, terms, j, m, ok, t, neg) {
        n = split(s, opts, /[ \t]+/)
        for (i = 1; i <= n; i++) {
            if (opts[i] == "") continue
            m = split(opts[i], terms, ",")
            ok = 1
            for (j = 1; j <= m; j++) {
                t = terms[j]; neg = 0
                if (substr(t, 1, 1) == "!") { neg = 1; t = substr(t, 2) }
                if (tagok(t) == neg) ok = 0
            }
            if (ok) return 1
        }
        return 0
    }
    function finish(   n, w, i, first, out, t) {
        if (file == "" || !done || skip || bad) return
        sub(/^\/\//, "", action)
        gsub(/"/, "", action)
        n = split(action, w, /[ \t\n]+/)
        first = 1
        out = ""
        for (i = 1; i <= n; i++) {
            if (w[i] == "") continue
            if (first) { if (w[i] != "run") return; first = 0; continue }
            out = out (out == "" ? "" : " ") w[i]
        }
        if (first) return
        t = substr(file, length(root) + 1)
        sub(/^\.\//, "", t)
        print t "\t" out "\t" imps
    }
    FNR == 1 {
        finish()
        file = FILENAME; action = ""; done = 0; skip = 0; pkg = 0
        bad = ($0 == ""); imps = ""; inblock = 0; body = 0
    }
    bad || body { nextfile }
    !done {
        if ($0 == "") done = 1
        else if (FNR == 1 && index($0, "+build")) { }
        else action = action (action == "" ? "" : "\n") $0
    }
    /^package / { pkg = 1; next }
    !pkg && /^\/\/go:build / { if (!gobuild(substr($0, 11))) skip = 1 }
    !pkg && /^\/\/ \+build / { if (!plusbuild(substr($0, 10))) skip = 1 }
    !pkg { next }
    /^import[ \t]*\(/ { inblock = 1; next }
    inblock && /^\)/ { inblock = 0; next }
    inblock || /^import[ \t]/ {
        if (match($0, /"[^"]*"/))
            imps = imps (imps == "" ? "" : " ") substr($0, RSTART + 1, RLENGTH - 2)
        next
    }
    /^(func|type|var|const)[ \t(]/ { body = 1 }
    END { finish() }' "$@"
}

# accepted PATH: does weft accept `import "PATH"`? (asked once per path)
declare -A acc
accepted() {
    local p=$1
    if [ -z "${acc[$p]+x}" ]; then
        printf 'package main\n\nimport _ "%s"\n\nfunc main() {}\n' "$p" \
            >"$tmp/probe.go"
        if "$WEFT" run "$tmp/probe.go" >/dev/null 2>&1; then acc[$p]=1
        else acc[$p]=0; fi
    fi
    [ "${acc[$p]}" = 1 ]
}

# judge TEST ARGS IMPORTS: one line "verdict TEST: why" on stdout.
judge() {
    pkg=""
    judge1 "$@"
    [ -n "$pkg" ] && rm -rf "$pkg"
}
judge1() {
    local t=$1 f="$GOTEST/$1" files=() args=() w rc want wantf got kinds dir
    local exp="" next=""
    for w in $2; do
        if [ "$next" = exp ]; then exp=$w next=""; continue; fi
        case $w in
        -goexperiment) next=exp ;;
        -*) ;;
        *.go) files+=("$w") ;;
        *) args+=("$w") ;;
        esac
    done
    for w in $3; do
        if ! accepted "$w"; then echo "outside $t: import \"$w\""; return; fi
    done
    dir=${f%/*}
    local prog=${f##*/}
    if [ ${#files[@]} -gt 0 ]; then
        # more files of the package: weft runs them as a directory
        pkg=$(mktemp -d /tmp/weft-conform-pkg.XXXXXX)
        cp "$f" "$pkg/"
        for w in "${files[@]}"; do cp "$dir/$w" "$pkg/"; done
        dir=$pkg prog=. files=()
    fi
    got=$( (cd "$dir" && ulimit -t "$TIMEOUT" && GOEXPERIMENT=$exp exec timeout -k 2 "$WALL" "$WEFT" run \
        "$prog" --max-steps 100000000 --go 1.19 \
        ${args[@]+-- "${args[@]}"} 2>&1) 2>/dev/null; echo "~$?")
    rc=${got##*"~"}
    got=${got%"~"*}
    # the program's output: weft's last line is its "schedule:" line,
    # which follows output not ending in a newline on the same line
    case $got in
    schedule:*) got="" ;;
    *$'\n'schedule:*) got="${got%$'\n'schedule:*}"$'\n' ;;
    *schedule:*) got="${got%schedule:*}" ;;
    esac
    want="" wantf=""
    [ -f "${f%.go}.out" ] && wantf=${f%.go}.out
    [ -f "${f%.go}.out" ] && want=$(cat "${f%.go}.out"; echo "~") &&
        want=${want%"~"}
    case $rc in
    0)
        if [ "$got" == "$want" ]; then echo "pass $t"; return; fi
        # an execution weft cut (--max-memory, --max-steps) ended early:
        # it failed, and says why, rather than printing a wrong output
        w=$(printf '%s' "$got" | tail -n 1)
        case $w in
        "cut by the memory budget"* | "cut at --max-steps"*)
            echo "failed $t: $w"; return ;;
        esac
        # weft's report follows the program's output: --json holds the
        # output apart, with each finding's kind and severity
        kinds=$({ cd "$dir" && ulimit -t "$TIMEOUT" && GOEXPERIMENT=$exp exec timeout -k 2 "$WALL" "$WEFT" run \
            "$prog" --max-steps 100000000 --go 1.19 --json \
            ${args[@]+-- "${args[@]}"}; } 2>/dev/null |
            python3 -c '
import json, sys
try:
    d = json.load(sys.stdin)
except ValueError:
    sys.exit(0)
want = open(sys.argv[1]).read() if sys.argv[1] else ""
outs = [o["output"] for o in d.get("outcomes", [])]
sev = sorted({f["severity"] for f in d["findings"]})
kinds = sorted({f["kind"] for f in d["findings"]})
same = "same" if outs and all(o == want for o in outs) else "other"
print(same, ",".join(sev), " ".join(kinds))' "$wantf")
        # a warning (a leak: goroutines blocked when main returns) with
        # Go's output and exit status 0 passes, as under Go's harness
        case $kinds in
        "same warning "*) echo "pass $t (warning: ${kinds#same warning })"; return ;;
        esac
        kinds=${kinds#* }
        kinds=${kinds#* }
        if [ -n "$kinds" ]; then
            echo "finding $t: $kinds"
        else
            echo "wrong $t: $(diff <(printf %s "$want") <(printf %s "$got") |
                grep '^[<>]' | head -1 | cut -c1-100)"
        fi ;;
    1)
        w=$(printf '%s\n' "$got" | grep -m1 -E '^[a-z-]+( \([a-z]+\))?: ' |
            cut -c1-120)
        echo "failed $t: ${w:-exit 1}" ;;
    2)
        w=$(printf '%s\n' "$got" | grep -m1 'error' |
            sed 's/^weft: //; s/^[^ ]*:[0-9]*:[0-9]*: //' | cut -c1-120)
        echo "refused $t: ${w:-exit 2}" ;;
    124 | 137 | 152) echo "failed $t: timeout (${TIMEOUT}s of CPU)" ;;
    *) echo "failed $t: exit $rc: $(printf '%s\n' "$got" | tail -n 1 |
        cut -c1-100)" ;;
    esac
}

# the tests to run, with their recipes
if [ $mode = one ]; then tests=("$one"); fi
if [ -n "$list" ]; then
    mapfile -t tests < <(grep -v '^#' "$list" | grep -v '^$')
fi
if [ ${#tests[@]} -eq 0 ]; then
    for dir in $DIRS; do
        for f in "$GOTEST/$dir"/*.go; do tests+=("${f#"$GOTEST"/}"); done
    done
fi
recipes "${tests[@]/#/$GOTEST/}" >"$tmp/recipes"

# the imports weft accepts, probed once before the parallel runs
declare -A acc
for p in $(cut -f3 "$tmp/recipes" | tr ' ' '\n' | sort -u); do
    printf 'package main\n\nimport _ "%s"\n\nfunc main() {}\n' "$p" \
        >"$tmp/probe.go"
    if "$WEFT" run "$tmp/probe.go" >/dev/null 2>&1; then acc[$p]=1; fi
done
accepted_list="${!acc[*]}"
accepted() { [ "${acc[$1]:-0}" = 1 ]; }

export -f judge judge1 accepted
export WEFT GOTEST TIMEOUT WALL accepted_list
# run.go runs the tests with GOARCH set (env.go reads it)
export GOARCH=${GOARCH:-amd64}
tr '\t' '\n' <"$tmp/recipes" | xargs -d '\n' -P "$JOBS" -n 3 bash -c '
    declare -A acc
    for p in $accepted_list; do acc[$p]=1; done
    judge "$1" "$2" "$3"' judge | sort -k2 >"$tmp/results"
[ -n "$out" ] && cp "$tmp/results" "$out"
[ $verbose = 1 ] || [ $mode = one ] && cat "$tmp/results"
[ $mode = one ] && exit 0

# summary FILE: the counts of a results file
summary() {
    local pass wrong finding failed refused n
    pass=$(grep -c '^pass ' "$1")
    wrong=$(grep -c '^wrong ' "$1")
    finding=$(grep -c '^finding ' "$1")
    failed=$(grep -c '^failed ' "$1")
    refused=$(grep -c '^refused ' "$1")
    n=$((pass + wrong + finding + failed + refused))
    echo "$pass of $n pass ($((n ? pass * 1000 / n : 0))‰), $wrong wrong" \
        "output, $finding finding, $failed failed, $refused refused"
}

case $mode in
check)
    bad=$(grep -v '^pass ' "$tmp/results")
    n=$(grep -c '^pass ' "$tmp/results")
    if [ -n "$bad" ]; then
        echo "conform: $n of ${#tests[@]} passing tests still pass; these" \
            "no longer do:" >&2
        echo "$bad" >&2
        exit 1
    fi
    echo "conform: all $n passing tests of Go's test suite still pass"
    exit 0 ;;
update)
    { echo "# Go 1.19 '// run' tests weft passes, checked by make test"
      echo "# (tests/conform/run.sh --update FILE rewrites this list)"
      grep '^pass ' "$tmp/results" | awk '{print $2}'; } >"$out_list" ;;
esac

grep -v ' typeparam/' "$tmp/results" >"$tmp/plain"
grep ' typeparam/' "$tmp/results" >"$tmp/generic"
echo "conform: Go 1.19 '// run' tests within weft's imports, judged as" \
    "test/run.go judges them"
echo "  outside typeparam/: $(summary "$tmp/plain")"
echo "  typeparam/:         $(summary "$tmp/generic")"
echo "  all:                $(summary "$tmp/results")"
echo "  outside weft's imports: $(grep -c '^outside ' "$tmp/results")," \
    "skipped: $(grep -c '^skip ' "$tmp/results")"
# the reasons, tallied (numbers and names folded so alike reasons meet)
for v in wrong finding failed refused; do
    grep "^$v " "$tmp/results" | sed 's/^[a-z]* [^:]*: //' |
        sed -E 's/"[^"]*"/"…"/g; s/[0-9]+/N/g' | sort | uniq -c |
        sort -rn | head -25 | sed "s/^/  $v: /"
done

#!/bin/bash
# gochan.sh: Go's own channel tests (test/chan, ken/chan*.go, 235.go,
# nil.go of the Go 1.19 distribution, Debian's golang-1.19-src) must get
# Go's verdict: each runs to exit 0 under `go run`, and the races that
# `go run -race` reports in powser1.go, powser2.go and ken/chan.go (on
# their package variables) are races here too; the goroutines they leave
# blocked when main returns (the sieve's filters, nil.go's blocked
# senders) are leaks, a warning. The kinds are listed exactly (issue 15:
# same verdicts as Go); the exit status is 1 exactly when one is an
# error. A program weft refuses for an import it does not have yet is
# counted as skipped, not failed.
# Run by `make test` as: WEFT=build/weft tests/e2e/gochan.sh
set -u
WEFT=${WEFT:-build/weft}
GOTEST=${GOTEST:-/usr/share/go-1.19/test}
if [ ! -d "$GOTEST/chan" ]; then
    echo "gochan.sh: no Go test suite at $GOTEST (golang-1.19-src): skipped"
    exit 0
fi
tmp=$(mktemp -d /tmp/weft-gochan.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
pass=0 fails=0 skipped=0
trim() { sed 's/^ *//; s/ *$//'; }
# file | finding kinds weft must report, sorted ("-": none) | executions
# [| steps per execution: ken/chan.go's race shows within 5,000]
while IFS='|' read -r file want budget steps; do
    file=$(echo "$file" | trim) want=$(echo "$want" | trim)
    budget=$(echo "$budget" | trim) steps=$(echo "${steps:-}" | trim)
    [ -z "$file" ] && continue
    "$WEFT" explore "$GOTEST/$file" --max-executions "$budget" --json \
        ${steps:+--max-steps "$steps"} >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ $rc = 2 ] && grep -q "unsupported: import\|undefined: runtime\." "$tmp/err"; then
        skipped=$((skipped + 1))
        echo "skip $file: $(head -1 "$tmp/err" | sed 's/.*error: //' | cut -c1-60)"
        continue
    fi
    got=$(grep -o '"kind": "[a-z-]*", "severity"' "$tmp/out" |
        sed 's/"kind": "\([a-z-]*\)".*/\1/' | sort -u | tr '\n' ' ' |
        sed 's/ $//')
    [ -z "$got" ] && got=-
    case " $want " in
    *" race "* | *" deadlock "* | *" panic "*) want_rc=1 ;;
    *) want_rc=0 ;;
    esac
    if [ $rc != $want_rc ]; then
        fails=$((fails + 1))
        echo "FAIL $file: exit $rc (want $want_rc), found: $got" >&2
        head -3 "$tmp/err" >&2
    elif [ "$got" != "$want" ]; then
        fails=$((fails + 1))
        echo "FAIL $file: found $got, want $want" >&2
    else
        pass=$((pass + 1))
    fi
done <<'LIST'
chan/doubleselect.go | -                 | 5
chan/fifo.go         | -                 | 20
chan/goroutines.go   | -                 | 1
chan/nonblock.go     | -                 | 50
chan/powser1.go      | leak race         | 2
chan/powser2.go      | leak race         | 2
chan/select.go       | -                 | 50
chan/select2.go      | -                 | 5
chan/select3.go      | leak              | 100
chan/select4.go      | -                 | 50
chan/select6.go      | -                 | 100
chan/select7.go      | -                 | 50
chan/select8.go      | leak              | 50
chan/sendstmt.go     | -                 | 50
chan/sieve1.go       | leak              | 30
chan/sieve2.go       | leak              | 5
chan/zerosize.go     | -                 | 10
235.go               | leak              | 100
ken/chan.go          | race              | 1   | 5000
ken/chan1.go         | leak              | 10
nil.go               | leak              | 10
LIST
echo "gochan.sh: $pass passed, $fails failed, $skipped skipped (imports weft lacks)"
[ $fails = 0 ]

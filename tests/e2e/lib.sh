# lib.sh: what the e2e scripts share, sourced as `. "$here/lib.sh" NAME`
# (here: the script's directory): root, WEFT (absolute), a temporary
# directory /tmp/weft-NAME.* made the current one and removed at exit,
# and the checks: ok, bad, expect STATUS WHAT (of $rc), has and hasnt
# FILE TEXT WHAT (a fixed string), last FILE LINE WHAT; finish prints the tally and fails the
# script on any failure.
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
tmp=$(mktemp -d "/tmp/weft-$1.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 2
fails=0
pass=0
ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
expect() { if [ "$rc" = "$1" ]; then ok; else bad "$2: exit $rc, want $1"; cat out err 2>/dev/null >&2; fi; }
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1"; cat "$1" >&2; fi; }
hasnt() { if grep -qF -- "$2" "$1"; then bad "$3: '$2' in $1"; cat "$1" >&2; else ok; fi; }
last() { if [ "$(tail -n 1 "$1")" = "$2" ]; then ok; else bad "$3: last line '$(tail -n 1 "$1")', want '$2'"; fi; }
finish() {
    echo "$1: $pass passed, $fails failed"
    [ "$fails" = 0 ]
}

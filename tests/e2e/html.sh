#!/bin/bash
# html.sh: `weft report DB --html FILE` and `weft test --html DIR` (issue
# 17, point 4): one self-contained page per witness run (no script,
# nothing fetched), its lanes, blocked stretches, the wait-for cycle of a
# deadlock and the racing pair of a race, the Coffman conditions and the
# replay lines; then opened in a real browser: headless Chromium renders
# it to a PNG and the lane headers are counted in the picture. Without
# chromium the browser part is skipped, saying so.
# Run by `make test` as: WEFT=build/weft tests/e2e/html.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" html
# this script's has() prints nothing more; hasnt ignores case
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: no '$2' in $1"; fi; }
hasnt() { if grep -qiF -- "$2" "$1"; then bad "$3: '$2' in $1"; else ok; fi; }
count() { grep -o -- "$2" "$1" | wc -l; }

cp "$root/scenarios/classic/philosophers_naive.go" philo.go
"$WEFT" explore philo.go --preemptions 1 --db p.db > out 2> err
"$WEFT" report p.db --html philo.html > out 2> err; rc=$?
expect 0 "weft report DB --html FILE"
has out "philo.html: run 2 of p.db" "names the run drawn (the witness)"
for t in "<svg" 'class="wait-for-cycle"' "g1 phil waits for g2 phil" \
         "circular wait" "hold and wait" "mutual exclusion" "no preemption" \
         "weft replay p.db --run-id 2" "weft replay philo.go --schedule" \
         'class="blocked forever"'; do
    has philo.html "$t" "the deadlock page"
done
if [ "$(count philo.html 'class="lane"')" = 4 ]; then ok; else bad "4 lanes (main and 3 philosophers)"; fi
hasnt philo.html "<script" "no script"
if grep -oE '(src|href)="[^"#]' philo.html | grep -q .; then bad "nothing fetched"; else ok; fi
"$WEFT" report p.db --html x.html --run-id 99 > out 2> err; rc=$?
expect 2 "a run that does not exist"
"$WEFT" report p.db > out 2> err; rc=$?
expect 2 "report without --html"
has err "report needs --html FILE" "says what it needs"

mkdir t
cat > t/acc_test.go <<'GO'
package account

import (
	"sync"
	"testing"
)

type Account struct{ balance int }

func TestRacy(t *testing.T) {
	var a Account
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); a.balance += 10 }()
	}
	wg.Wait()
}

func TestFine(t *testing.T) {}
GO
"$WEFT" test t --html H > out 2> err; rc=$?
expect 1 "weft test --html DIR"
page=$(ls H/*TestRacy*.html 2>/dev/null | head -1)
if [ -n "$page" ]; then ok; else bad "a page for the failing test"; ls H >&2; page=/dev/null; fi
has H/index.html "$(basename "$page")" "the index links it"
has "$page" 'class="racing-pair"' "the racing pair is drawn"
has "$page" "data race on a.balance" "the race is named"
if [ "$(count "$page" 'class="ev race"')" = 2 ]; then ok; else bad "two racing accesses marked"; fi
if ls H | grep -q TestFine; then bad "a page for a passing test"; else ok; fi

# a real browser
if ! command -v chromium >/dev/null 2>&1; then
    echo "html.sh: chromium is not installed: the browser checks are skipped (make deps installs it)"
else
    shot() { # shot PAGE PNG: render the page, print the DOM
        rm -rf ud
        timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
            --no-first-run --disable-background-networking --disable-component-update \
            --disable-sync --user-data-dir="$tmp/ud" --window-size=900,1200 \
            --screenshot="$2" "file://$tmp/$1" > /dev/null 2> chromium.err
        rm -rf ud
        timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic \
            --no-first-run --disable-background-networking --disable-component-update \
            --disable-sync --user-data-dir="$tmp/ud" --dump-dom "file://$tmp/$1" 2>> chromium.err
    }
    shot philo.html philo.png > philo.dom
    if [ -s philo.png ]; then ok; else bad "chromium wrote no PNG"; cat chromium.err >&2; fi
    if [ "$(count philo.dom 'class="lane"')" = 4 ]; then ok; else bad "the browser's DOM has the 4 lanes"; fi
    shot "$page" race.png > race.dom
    cat > png.py <<'PY'
import sys, zlib, struct
def load(path):
    d = open(path, "rb").read()
    assert d[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat = 8, b""
    while pos < len(d):
        n, kind = struct.unpack(">I4s", d[pos:pos + 8])
        body = d[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype, _, _, inter = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and ctype in (2, 6) and inter == 0
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    bpp = 4 if ctype == 6 else 3
    raw, stride, rows, prev = zlib.decompress(idat), w * bpp, [], bytearray(w * bpp)
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b, c = prev[i], prev[i - bpp] if i >= bpp else 0
            if f == 1: line[i] = (line[i] + a) & 255
            elif f == 2: line[i] = (line[i] + b) & 255
            elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); prev = line
    return w, h, bpp, rows
w, h, bpp, rows = load(sys.argv[1])
lane = tuple(int(sys.argv[2][i:i + 2], 16) for i in (0, 2, 4))
mark = tuple(int(sys.argv[3][i:i + 2], 16) for i in (0, 2, 4))
def near(line, x, rgb):
    return all(abs(line[x * bpp + i] - rgb[i]) <= 24 for i in range(3))
# lane headers: the most runs of the lane colour at least 100 pixels long
# on one row (a header is 156 wide; its name's letters cut it shorter
# only where they are); marks: pixels of the other colour
best, marks = 0, 0
for line in rows:
    runs, length = 0, 0
    for x in range(w):
        if near(line, x, lane):
            length += 1
            runs += length == 100
        else:
            length = 0
            marks += near(line, x, mark)
    best = max(best, runs)
print(best, marks)
PY
    read -r lanes red < <(python3 png.py philo.png 0969da cf222e)
    if [ "$lanes" = 4 ]; then ok; else bad "4 lane headers in the rendered deadlock page, saw $lanes"; fi
    if [ "$red" -gt 200 ]; then ok; else bad "the deadlock's red (blocked to the end, the cycle) is drawn: $red pixels"; fi
    read -r lanes orange < <(python3 png.py race.png 0969da fb8f44)
    if [ "$lanes" = 3 ]; then ok; else bad "3 lane headers in the rendered race page, saw $lanes"; fi
    if [ "$orange" -gt 40 ]; then ok; else bad "the racing accesses are drawn: $orange pixels"; fi
fi

echo "html.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

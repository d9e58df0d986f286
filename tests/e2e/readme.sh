#!/bin/bash
# readme.sh: the README's examples, as a new user types them. Every
# `$ build/weft ...` (or `$ weft ...`, `$ cd ...`) line of an indented
# example runs, from a directory that sees the repository's scenarios/,
# tests/ and build/; it must not fail as bad usage or input (exit 2) or
# crash (3), and every output line the README shows under it (but `...`)
# must be a line weft prints, the times (0.01s) aside. Every replay line
# the README quotes (`weft replay FILE --schedule S`) must replay. The
# interactive commands (view, play) are left to view.sh and play.sh.
# Run by `make test` as: WEFT=build/weft tests/e2e/readme.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
WEFT=${WEFT:-$root/build/weft}
case $WEFT in /*) ;; *) WEFT=$root/$WEFT ;; esac
tmp=$(mktemp -d /tmp/weft-readme.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/build" "$tmp/bin"
ln -s "$WEFT" "$tmp/build/weft"
ln -s "$WEFT" "$tmp/bin/weft"
ln -s "$root/scenarios" "$tmp/scenarios"
ln -s "$root/tests" "$tmp/tests"
ln -s "$root/sim" "$tmp/sim"
README=${README:-$root/README.md} ROOT=$root TMP=$tmp \
    PATH="$tmp/bin:$PATH" python3 - <<'EOF'
import os, re, shlex, subprocess, sys

readme = open(os.environ["README"]).read().split("\n")
tmp, root = os.environ["TMP"], os.environ["ROOT"]
fails, passed = [], 0
times = re.compile(r"\b\d+\.\d+s\b")

def norm(line):
    return times.sub("T", line.rstrip())

def run(cmd, cwd):
    p = subprocess.run(cmd, shell=True, cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                       timeout=300)
    return p.returncode, p.stdout.decode("utf-8", "replace")

# indented blocks of commands, each with the output lines shown under it
blocks, cur = [], None
for line in readme + [""]:
    if line.startswith("    $ "):
        cur = [line[6:].split("  #")[0].strip(), []]
        blocks.append(cur)
    elif line.startswith("    ") and cur is not None:
        cur[1].append(line[4:])
    elif line.strip() == "" and cur is not None and not cur[1]:
        continue
    else:
        cur = None

cwd = tmp
for cmd, shown in blocks:
    words = shlex.split(cmd)
    if words[0] == "cd":
        cwd = os.path.join(cwd, words[1])
        continue
    if words[0] not in ("weft", "build/weft"):
        continue
    if words[1] in ("view", "play"):
        continue
    rc, out = run(cmd, cwd)
    got = {norm(l) for l in out.split("\n")}
    if rc not in (0, 1):
        fails.append("%s: exit %d\n%s" % (cmd, rc, out))
        continue
    passed += 1
    for want in shown:
        if want.strip() in ("", "..."):
            continue
        if norm(want) in got:
            passed += 1
        else:
            fails.append("%s: the README shows\n    %s\nweft printed:\n%s"
                         % (cmd, want, out))

# every replay line quoted, wherever it stands
seen = set()
for m in re.finditer(r"weft replay (\S+) --schedule ([0-9a-f]{8}[^\s`]*)",
                     "\n".join(readme)):
    f, s = m.group(1), m.group(2)
    if "..." in s or (f, s) in seen:
        continue
    seen.add((f, s))
    path = f if os.path.exists(os.path.join(root, f)) else None
    for d in ("scenarios", "tests/e2e"):
        for dp, _, names in os.walk(os.path.join(root, d)):
            if path is None and f in names:
                path = os.path.relpath(os.path.join(dp, f), root)
    if path is None:
        fails.append("replay line of %s: no such file in the repository" % f)
        continue
    rc, out = run("weft replay %s --schedule %s" % (path, s), tmp)
    if rc in (0, 1):
        passed += 1
    else:
        fails.append("weft replay %s --schedule %s: exit %d\n%s"
                     % (path, s, rc, out))

for f in fails:
    print("FAIL: " + f, file=sys.stderr)
print("readme.sh: %d passed, %d failed" % (passed, len(fails)))
sys.exit(1 if fails else 0)
EOF

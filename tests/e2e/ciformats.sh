#!/bin/bash
# ciformats.sh: weft test's CI formats (issue 17, point 3): --junit FILE
# validated by xmllint against Jenkins' JUnit schema, --sarif FILE by
# python3-jsonschema against the SARIF 2.1.0 schema (tests/schemas/, with
# their sources), each finding at its lines, --format github's workflow
# commands; text that is not UTF-8 or holds control characters still
# makes valid files; a mutilated file is refused by the same checkers (so
# the checks can fail).
# Run by `make test` as: WEFT=build/weft tests/e2e/ciformats.sh
set -u
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh" ci
schemas=$root/tests/schemas
for tool in xmllint python3; do
    command -v $tool >/dev/null || { echo "ciformats.sh: $tool is missing (make deps installs it)" >&2; exit 1; }
done
python3 -c 'import jsonschema' 2>/dev/null || { echo "ciformats.sh: python3-jsonschema is missing (make deps installs it)" >&2; exit 1; }
junit_valid() { xmllint --noout --schema "$schemas/junit-10.xsd" "$1" 2>xmllint.err; }
sarif_valid() {
    python3 - "$schemas/sarif-schema-2.1.0.json" "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft4Validator.check_schema(schema)
jsonschema.Draft4Validator(schema).validate(json.load(open(sys.argv[2], encoding="utf-8")))
PY
}

mkdir t
cp "$root/scenarios/bugs/deadlock_abba.go" t/abba.go             # passes
sed 's|^// expect: deadlock|// expect: ok|' t/abba.go > t/abba_wrong.go  # fails
printf '// expect: ok\npackage main\nfunc main() { x := }\n' > t/syntax.go
cat > t/acc_test.go <<'GO'
package account

import (
	"sync"
	"testing"
)

type Account struct{ balance int }

func (a *Account) Deposit(n int) { a.balance += n }

func TestRacy(t *testing.T) {
	var a Account
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); a.Deposit(10) }()
	}
	wg.Wait()
}

func TestOdd(t *testing.T) {
	t.Error("bytes \xff\xfe and \x01 control <tag> & \"quotes\"")
}

func TestFine(t *testing.T) {}
GO

"$WEFT" test t --junit r.xml --sarif r.sarif > out 2> err; rc=$?
expect 1 "failing files"
if junit_valid r.xml; then ok; else bad "JUnit XML against junit-10.xsd"; cat xmllint.err >&2; fi
if sarif_valid r.sarif; then ok; else bad "SARIF against sarif-schema-2.1.0.json"; fi
if python3 - r.xml <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "3", "1"), root.attrib
cases = {(c.get("classname"), c.get("name")): c for c in root.iter("testcase")}
assert set(cases) == {("t/abba.go", "t/abba.go"), ("t/abba_wrong.go", "t/abba_wrong.go"),
                      ("t/acc_test.go", "TestRacy"), ("t/acc_test.go", "TestOdd"),
                      ("t/acc_test.go", "TestFine"), ("t/syntax.go", "t/syntax.go")}, set(cases)
f = cases[("t/acc_test.go", "TestRacy")].find("failure")
assert f.get("type") == "race" and "found race" in f.get("message"), f.attrib
assert "replay: weft replay t/acc_test.go --schedule" in f.text, f.text
assert cases[("t/syntax.go", "t/syntax.go")].find("error") is not None
assert cases[("t/acc_test.go", "TestFine")].find("failure") is None
odd = cases[("t/acc_test.go", "TestOdd")].find("failure").text
assert "<tag> & \"quotes\"" in odd and "\ufffd" in odd, odd
PY
then ok; else bad "JUnit: one testcase per test or scenario, failures with replay lines"; fi
if python3 - r.sarif t/acc_test.go <<'PY'
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
assert run["tool"]["driver"]["name"] == "weft"
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
res = run["results"]
for r in res:
    assert rules[r["ruleIndex"]] == r["ruleId"], r
racy = [r for r in res if r["ruleId"] == "race"]
assert racy, res
line = [i + 1 for i, l in enumerate(open(sys.argv[2])) if "a.balance += n" in l][0]
locs = racy[0]["locations"] + racy[0].get("relatedLocations", [])
assert {l["physicalLocation"]["region"]["startLine"] for l in locs} == {line}, locs
assert all(l["physicalLocation"]["artifactLocation"]["uri"] == "t/acc_test.go" for l in locs)
assert len(locs) == 2 and {"reads" in l["message"]["text"] or "writes" in l["message"]["text"] for l in locs} == {True}, locs
assert racy[0]["level"] == "error" and "replay: weft replay" in racy[0]["message"]["text"]
dl = [r for r in res if r["ruleId"] == "deadlock"][0]
assert dl["properties"]["file"] == "t/abba_wrong.go"
assert len(dl["locations"] + dl["relatedLocations"]) == 2, dl
bad = [r for r in res if r["ruleId"] == "bad-input"][0]
reg = bad["locations"][0]["physicalLocation"]["region"]
assert (reg["startLine"], reg["startColumn"]) == (3, 20), reg
assert not [r for r in res if r["properties"]["file"] == "t/abba.go"], "a pass has no result"
PY
then ok; else bad "SARIF: each finding at its lines"; fi

# the checkers refuse what the schemas refuse
sed 's/ tests="[0-9]*" failures/ failures/' r.xml > broken.xml
if junit_valid broken.xml; then bad "xmllint accepted a testsuite without tests="; else ok; fi
python3 -c 'import json,sys; d=json.load(open("r.sarif")); del d["version"]; json.dump(d, open("broken.sarif","w"))'
if sarif_valid broken.sarif 2>/dev/null; then bad "jsonschema accepted SARIF without version"; else ok; fi

# a run that passes: valid, empty reports
"$WEFT" test t/abba.go --junit p.xml --sarif p.sarif > out 2> err; rc=$?
expect 0 "a passing file"
if junit_valid p.xml && sarif_valid p.sarif; then ok; else bad "passing reports validate"; fi
has p.xml 'failures="0" errors="0"' "no failure"
has p.sarif '"results": []' "no result"

# GitHub Actions annotations
"$WEFT" test t --format github > out 2> err; rc=$?
expect 1 "--format github"
line=$(grep -n 'a.balance += n' t/acc_test.go | cut -d: -f1)
has out "::error file=t/acc_test.go,line=$line,title=weft%3A race in TestRacy::race: data race on a.balance%0A" "a race annotation at its line"
has out "::error file=t/syntax.go,line=3,col=20," "bad input at its line and column"
has out "FAIL  t/acc_test.go TestRacy" "the usual lines stay"
if grep -a '^::' out | grep -aq "$(printf '\t')"; then bad "an annotation broken over lines"; else ok; fi
"$WEFT" test t --format github --json > out 2> err; rc=$?
expect 2 "--format github with --json"
"$WEFT" test t/abba.go --junit /nonexistent/dir/r.xml > out 2> err; rc=$?
expect 2 "an unwritable --junit"
has err "cannot write the JUnit report" "says so"

echo "ciformats.sh: $pass passed, $fails failed"
[ "$fails" = 0 ]

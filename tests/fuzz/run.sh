#!/bin/sh
# tests/fuzz/run.sh [short|long]: build the parser fuzzer (fuzz_parse.c)
# with clang's libFuzzer, ASan and UBSan, and run it on tests/fuzz/corpus:
# short for about 20 seconds (for make test), long for 10 minutes (make
# fuzz). New inputs go to build/fuzz/corpus; a crash is saved under
# tests/fuzz/crashes/ (add it to the corpus once fixed) and fails the run.
# Without clang's libFuzzer runtime, short mode says so and succeeds.
set -eu

mode=${1:-short}
case $mode in
short) secs=20 ;;
long) secs=600 ;;
*)
	echo "usage: $0 [short|long]" >&2
	exit 2
	;;
esac

cd "$(dirname "$0")/../.."
CLANG=${FUZZ_CC:-clang}
OUT=build/fuzz
mkdir -p "$OUT/corpus" tests/fuzz/crashes

skip() {
	echo "fuzz: $1; skipping the parser fuzzer" >&2
	if [ "$mode" = short ]; then exit 0; fi
	exit 1
}

command -v "$CLANG" >/dev/null 2>&1 || skip "$CLANG not found"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$OUT/probe.c"
"$CLANG" -fsanitize=fuzzer "$OUT/probe.c" -o "$OUT/probe" 2>/dev/null ||
	skip "clang's libFuzzer runtime (libclang_rt.fuzzer) is missing"

"$CLANG" -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -g -O1 \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-fno-omit-frame-pointer -I. -Isim \
	tests/fuzz/fuzz_parse.c sim/lang/lex.c sim/lang/utf8.c sim/lang/ast.c \
	sim/lang/parse.c sim/lang/parse_expr.c sim/lang/parse_stmt.c sim/util.c \
	-o "$OUT/fuzz_parse"

echo "fuzz: running the parser fuzzer for ${secs}s (log: $OUT/log)"
status=0
ASAN_OPTIONS=detect_leaks=1 "$OUT/fuzz_parse" \
	-max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
	-print_final_stats=1 -dict=tests/fuzz/go.dict \
	-artifact_prefix=tests/fuzz/crashes/ \
	"$OUT/corpus" tests/fuzz/corpus >"$OUT/log" 2>&1 || status=$?
runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/log")
if [ "$status" != 0 ]; then
	tail -n 40 "$OUT/log" >&2
	echo "fuzz: the parser failed on an input (saved under tests/fuzz/crashes/)" >&2
	exit 1
fi
echo "fuzz: ${runs:-?} inputs parsed in ${secs}s, no crash"

#!/bin/sh
# tests/fuzz/run.sh [TARGET...]: make fuzz. Builds the libFuzzer targets
# (fuzz_parse.c: the lexer and parser; fuzz_compile.c: the whole front end
# down to bytecode; fuzz_run.c: what compiles, explored with every checker
# under step, memory and time budgets) with clang, ASan and UBSan, and runs
# each for FUZZ_SECS seconds (default 600; an hour: FUZZ_SECS=3600) on
# every corpus under tests/fuzz/ (each input is valid for every target).
# What a target finds that adds coverage is merged into its own corpus,
# tests/fuzz/corpus_TARGET (tests/fuzz/corpus for parse), to be committed;
# make test replays them all with tests/fuzz/replay.c. A crash, a leak, a
# timeout or a sanitizer report is saved under tests/fuzz/crashes/ and
# fails the run: fix it, then add the input to a corpus.
set -eu

cd "$(dirname "$0")/../.."
: "${MAKE:=make}" "${BUILD:=build}" "${FUZZ_CC:=clang}" "${FUZZ_SECS:=600}"
OUT=$BUILD/fuzz
targets=${*:-parse compile run}
mkdir -p "$OUT" tests/fuzz/crashes

command -v "$FUZZ_CC" >/dev/null 2>&1 || {
	echo "fuzz: $FUZZ_CC not found (Debian: apt-get install clang libclang-rt-dev)" >&2
	exit 1
}
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n)\n{ (void)d; (void)n; return 0; }\n' >"$OUT/probe.c"
"$FUZZ_CC" -fsanitize=fuzzer "$OUT/probe.c" -o "$OUT/probe" 2>/dev/null || {
	echo "fuzz: clang's libFuzzer runtime is missing (Debian: apt-get install libclang-rt-dev)" >&2
	exit 1
}
for t in $targets; do
	$MAKE --no-print-directory BUILD="$BUILD" FUZZ_CC="$FUZZ_CC" "$OUT/fuzz_$t"
done

status=0
for t in $targets; do
	corpus=tests/fuzz/corpus_$t
	[ "$t" = parse ] && corpus=tests/fuzz/corpus
	mkdir -p "$corpus" "$OUT/new_$t"
	echo "fuzz: $t for ${FUZZ_SECS}s (log: $OUT/log_$t)"
	rc=0
	ASAN_OPTIONS=detect_leaks=1 "$OUT/fuzz_$t" \
		-max_total_time="$FUZZ_SECS" -timeout=20 -rss_limit_mb=2048 \
		-max_len=16384 -print_final_stats=1 -dict=tests/fuzz/go.dict \
		-artifact_prefix=tests/fuzz/crashes/ \
		"$OUT/new_$t" tests/fuzz/corpus* >"$OUT/log_$t" 2>&1 || rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$OUT/log_$t")
	if [ "$rc" != 0 ]; then
		tail -n 40 "$OUT/log_$t" >&2
		echo "fuzz: $t failed on an input (saved under tests/fuzz/crashes/)" >&2
		status=1
		continue
	fi
	# keep what added coverage, in the target's corpus
	before=$(ls "$corpus" | wc -l)
	ASAN_OPTIONS=detect_leaks=1 "$OUT/fuzz_$t" -merge=1 -timeout=20 \
		-rss_limit_mb=2048 "$corpus" "$OUT/new_$t" >"$OUT/merge_$t" 2>&1 || {
		tail -n 20 "$OUT/merge_$t" >&2
		status=1
		continue
	}
	after=$(ls "$corpus" | wc -l)
	echo "fuzz: $t: ${runs:-?} inputs in ${FUZZ_SECS}s, no crash; $corpus: $before -> $after inputs"
done
exit $status

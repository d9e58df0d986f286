# weft: build, test, asan, bench, demo, deps, install, clean.
# Sources are found by wildcard: a new module needs no edit here.
#   sim/*.c sim/lang/*.c checker/*.c ui/*.c  -> build/libweft.a
#   (ui/main.c and the ncurses files ui/view.c, ui/playtty.c go only
#   into build/weft)
#   tests/unit/*.c                           -> build/unit (one Check runner)

.DEFAULT_GOAL := all

CC       ?= cc
PREFIX   ?= /usr/local
BUILD    ?= build
ARCH     := $(shell uname -m)
VERSION  := $(shell sed -n 's/^\#define CLI_VERSION "\(.*\)"/\1/p' ui/cli.h)

WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
            -Wmissing-prototypes -Wvla -Wformat=2 -Wundef
BASEFLAGS := -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -ffp-contract=off -fno-strict-aliasing $(WARN) -I. -Isim \
            -I$(BUILD)/gen
OPT      ?= -O2 -g
DEPFLAGS  = -MMD -MP

PKGS     := sqlite3
# Expanded when a recipe runs (=, not :=), after `deps` may have installed
# the packages: on a fresh machine they are missing when make reads this.
LIBS      = $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lsqlite3) -lm -lpthread
CURSES    = $(shell pkg-config --libs ncursesw 2>/dev/null)
CHECKLIB  = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRCS := $(sort $(wildcard sim/*.c sim/lang/*.c checker/*.c ui/*.c))
TTY_SRCS := ui/main.c ui/view.c ui/playtty.c
LIB_SRCS := $(filter-out $(TTY_SRCS) ui/ccmain.c,$(LIB_SRCS))
ifeq ($(ARCH),x86_64)
ASM_SRCS := sim/switch_x86_64.S
else ifeq ($(ARCH),aarch64)
ASM_SRCS := sim/switch_aarch64.S
else
ASM_SRCS :=
endif
ASM_SRCS := $(wildcard $(ASM_SRCS))
BIN_SRCS := $(wildcard $(TTY_SRCS))
UNIT_SRCS := $(sort $(wildcard tests/unit/*.c))
UNIT_HDRS := $(wildcard tests/unit/*.h)

# Three flavours: release (build/), debug for tests (build/dbg), sanitizers
# (build/asan). Each has its own objects.
define flavour
$(1)_OBJS := $$(patsubst %.c,$(2)/obj/%.o,$$(LIB_SRCS)) \
             $$(patsubst %.S,$(2)/obj/%.o,$$(ASM_SRCS))
$(2)/obj/%.o: %.c | deps
	@mkdir -p $$(dir $$@)
	$$(CC) $$(BASEFLAGS) $(3) $$(DEPFLAGS) -c $$< -o $$@
$(2)/obj/%.o: %.S
	@mkdir -p $$(dir $$@)
	$$(CC) $(3) -c $$< -o $$@
$(2)/libweft.a: $$($(1)_OBJS)
	@rm -f $$@
	ar rcs $$@ $$^
endef

# sim/schema.sql as a C string literal for sim/trace.c.
$(BUILD)/gen/schema_sql.h: sim/schema.sql
	@mkdir -p $(dir $@)
	@sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' \
	    $< > $@.tmp && mv $@.tmp $@
$(foreach d,$(BUILD) $(BUILD)/dbg $(BUILD)/asan $(BUILD)/fuzz,$(d)/obj/sim/trace.o): \
    $(BUILD)/gen/schema_sql.h

# The Go library, sim/lang/lib/PATH/*.go, as a C table for sim/lang/lib_src.c:
# one {"PATH", "NAME.go", "source"} row a file. The list of files is kept
# in lib_go.list so that removing a file regenerates the table too.
LIB_GO := $(sort $(shell find sim/lang/lib -name '*.go' 2>/dev/null))
$(BUILD)/gen/lib_go.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(LIB_GO)' | cmp -s - $@ 2>/dev/null || echo '$(LIB_GO)' > $@
$(BUILD)/gen/lib_go.h: $(LIB_GO) $(BUILD)/gen/lib_go.list
	@for f in $(LIB_GO); do \
	    d=$${f%/*}; printf '{"%s", "%s", ""\n' "$${d#sim/lang/lib/}" "$${f##*/}"; \
	    sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' \
	        -e 's/^/"/' -e 's/$$/\\n"/' $$f; \
	    echo '},'; \
	done > $@.tmp && mv $@.tmp $@
$(foreach d,$(BUILD) $(BUILD)/dbg $(BUILD)/asan $(BUILD)/fuzz,$(d)/obj/sim/lang/lib_src.o): \
    $(BUILD)/gen/lib_go.h

REL_FLAGS  := $(OPT) -DNDEBUG
DBG_FLAGS  := -O1 -g -DWF_DEBUG
ASAN_FLAGS := -O1 -g -DWF_DEBUG -fsanitize=address,undefined \
              -fno-omit-frame-pointer -fno-sanitize-recover=undefined

$(eval $(call flavour,REL,$(BUILD),$(REL_FLAGS)))
$(eval $(call flavour,DBG,$(BUILD)/dbg,$(DBG_FLAGS)))
$(eval $(call flavour,ASAN,$(BUILD)/asan,$(ASAN_FLAGS)))

# weft cc's runtime (sim/posix and ui/ccmain.c, SPEC section 7): one
# relocatable object whose only global symbols are what a C program calls
# (the functions it interposes, the compilers' instrumentation hooks), so
# the program's own names never clash with weft's; and the two marker
# objects the program's data is linked between.
PX_SRCS := $(sort $(wildcard sim/posix/*.c)) ui/ccmain.c
PX_ASM  := $(wildcard sim/posix/trace_$(ARCH).S)
PX_OBJS := $(patsubst %.c,$(BUILD)/obj/%.o,$(PX_SRCS)) \
           $(patsubst %.S,$(BUILD)/obj/%.o,$(PX_ASM))
PX_OUT  := $(BUILD)/weftrt.o $(BUILD)/weftcc_begin.o $(BUILD)/weftcc_end.o
# the compilers declare the hooks sim/posix defines (the sanitizer ABI):
# no header of ours has their prototypes; frame pointers: the function-entry
# hook finds the program's frame above its own (verifier.c); libc's own
# functions defined here forward the caller's format (not a literal: clang
# warns where gcc does not), and glibc's inline copies of them (vprintf)
# must not stand before our definitions (clang refuses the attributes);
# no build id in weftrt.o (clang's driver asks for one): the program's
# link makes its own, and .text starts the object (tests/e2e/cc.sh)
$(BUILD)/obj/sim/posix/%.o $(BUILD)/dbg/obj/sim/posix/%.o \
    $(BUILD)/asan/obj/sim/posix/%.o: BASEFLAGS += -Wno-missing-prototypes \
    -fno-omit-frame-pointer -Wno-format-nonliteral -D__NO_INLINE__
$(BUILD)/weftrt.o: $(PX_OBJS) $(BUILD)/libweft.a sim/posix/weftrt.ld
	$(CC) -r -nostdlib -Wl,--build-id=none -Wl,-T,sim/posix/weftrt.ld \
	    -o $@.all.o $(PX_OBJS) \
	    $(BUILD)/libweft.a
	nm -g --defined-only $(PX_OBJS) | awk 'NF == 3 && $$3 !~ /^px/ \
	    { print $$3 }' | sort -u > $@.keep
	objcopy --keep-global-symbols=$@.keep $@.all.o $@
	@rm -f $@.all.o $@.keep
$(BUILD)/weftcc_%.o: sim/posix/markers/%.c
	$(CC) -O2 -c $< -o $@

.PHONY: all test unit e2e asan asan-e2e cc-clang bench bench-deps demo deps install clean fuzz \
        fuzz-targets fuzz-replay fuzz-replay-asan format format-check FORCE
FORCE:
all: deps $(BUILD)/weft $(BUILD)/libweft.a $(BUILD)/weft.pc $(PX_OUT)

$(BUILD)/weft: $(BIN_SRCS) $(BUILD)/libweft.a
	$(CC) $(BASEFLAGS) $(REL_FLAGS) $(BIN_SRCS) $(BUILD)/libweft.a \
	    $(CURSES) $(LIBS) -o $@

# The Check runner: every tests/unit/*.c defines one `Suite *NAME_suite(void)`;
# the list is generated so adding a suite needs no edit.
$(BUILD)/%/suites.h: $(UNIT_SRCS)
	@mkdir -p $(dir $@)
	@grep -ho '^Suite \*[a-z_0-9]*_suite(void)' $(UNIT_SRCS) | \
	    sed 's/^Suite \*\(.*\)_suite(void)/SUITE(\1)/' > $@.tmp && mv $@.tmp $@

$(BUILD)/dbg/unit: $(UNIT_SRCS) $(UNIT_HDRS) $(BUILD)/dbg/libweft.a $(BUILD)/dbg/suites.h
	$(CC) $(BASEFLAGS) $(DBG_FLAGS) -Wno-missing-prototypes -I$(BUILD)/dbg $(UNIT_SRCS) \
	    $(BUILD)/dbg/libweft.a $(CHECKLIB) $(LIBS) -o $@
$(BUILD)/asan/unit: $(UNIT_SRCS) $(UNIT_HDRS) $(BUILD)/asan/libweft.a $(BUILD)/asan/suites.h
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -Wno-missing-prototypes -I$(BUILD)/asan $(UNIT_SRCS) \
	    $(BUILD)/asan/libweft.a $(CHECKLIB) $(LIBS) -o $@
$(BUILD)/asan/weft: $(BIN_SRCS) $(BUILD)/asan/libweft.a
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) $(BIN_SRCS) $(BUILD)/asan/libweft.a \
	    $(CURSES) $(LIBS) -o $@

# make test: everything built first (JOBS at a time), then the steps below,
# TEST_JOBS at a time (the cores by default), longest first so that the
# cores end together, but for the two that check wall-clock limits, run
# alone first; tests/steps.sh keeps each step's output whole and
# ends with "N passed, N failed". Check's timeouts only catch a hang: a
# test case of 60-300 s alone (tcase_set_timeout) may take four times
# that on a loaded CI machine, beside the other steps (a CI run failed
# on gofiles' 120 s: 52 s alone, over 120 s at load 8).
NPROC     := $(shell nproc 2>/dev/null || echo 1)
TEST_JOBS ?= $(NPROC)
E2E       := WEFT=$(BUILD)/weft BUILD=$(BUILD) CC=$(CC)
TEST_STEPS = \
	'!limits|$(E2E) tests/e2e/limits.sh' \
	'!cc|$(E2E) tests/e2e/cc.sh' \
	'unit|CK_DEFAULT_TIMEOUT=120 CK_TIMEOUT_MULTIPLIER=4 $(BUILD)/dbg/unit' \
	'cc-clang|$(MAKE) --no-print-directory cc-clang' \
	'conform|$(E2E) tests/conform/run.sh --check tests/conform/passing.txt' \
	'errorcheck|$(E2E) tests/conform/errorcheck.sh --check tests/conform/errorcheck_passing.txt' \
	'parallel|$(E2E) tests/e2e/parallel.sh' \
	'scenarios|$(BUILD)/weft test scenarios' \
	'roundtrip|$(E2E) tests/e2e/roundtrip.sh' \
	'fuzz-replay|$(MAKE) --no-print-directory fuzz-replay' \
	'correct|$(BUILD)/weft test tests/correct' \
	'html|$(E2E) tests/e2e/html.sh' \
	'gochan|$(E2E) tests/e2e/gochan.sh' \
	'go|$(E2E) tests/e2e/go.sh' \
	'trace|$(E2E) tests/e2e/trace.sh' \
	'svcomp|$(E2E) tests/e2e/svcomp.sh' \
	'testcmd|$(E2E) tests/e2e/testcmd.sh' \
	'play|$(E2E) tests/e2e/play.sh' \
	'ciformats|$(E2E) tests/e2e/ciformats.sh' \
	'reports|$(E2E) tests/e2e/reports.sh' \
	'install|MAKE="$(MAKE)" $(E2E) tests/e2e/install.sh' \
	'view|$(E2E) tests/e2e/view.sh' \
	'newuser|$(E2E) tests/e2e/newuser.sh' \
	'firstday|$(E2E) tests/e2e/firstday.sh' \
	'db|$(E2E) tests/e2e/db.sh' \
	'readme|$(E2E) tests/e2e/readme.sh' \
	'pkgs|$(E2E) tests/e2e/pkgs.sh' \
	'cli|$(E2E) tests/e2e/cli.sh'
test: deps
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) all $(BUILD)/dbg/unit \
	    $(foreach t,$(FUZZ_TARGETS),$(BUILD)/dbg/fuzz/replay_$(t))
	@tests/steps.sh $(TEST_JOBS) $(TEST_STEPS)

# weft cc's runtime built by clang (the flavour in $(BUILD)/clang): the C
# scenarios must give the verdict and output they give under gcc (make
# test: every other one, for its time; make bench, CC_CLANG_ALL=1: all). Skipped,
# saying so, without clang (make deps installs it) or when CC is clang
# already (then make test's own run is this one).
CLANG_BUILD := $(BUILD)/clang
cc-clang:
	@if ! command -v clang >/dev/null 2>&1; then \
	    echo "cc-clang: skipped: clang is not installed (make deps installs it)"; \
	elif $(CC) --version 2>/dev/null | head -1 | grep -q clang; then \
	    echo "cc-clang: skipped: CC is clang, make test's cc.sh ran under it"; \
	else \
	    $(MAKE) --no-print-directory CC=clang BUILD=$(CLANG_BUILD) \
	        $(CLANG_BUILD)/weft $(CLANG_BUILD)/weftrt.o \
	        $(CLANG_BUILD)/weftcc_begin.o $(CLANG_BUILD)/weftcc_end.o \
	        >$(CLANG_BUILD).log 2>&1 || { tail -20 $(CLANG_BUILD).log; exit 1; }; \
	    echo "cc-clang: weft built by clang, the C scenarios$(if $(CC_CLANG_ALL),, (every other one; make bench: all)):"; \
	    WEFT=$(CLANG_BUILD)/weft tests/e2e/cc.sh \
	        $$(ls scenarios/c/*.c | awk '$(if $(CC_CLANG_ALL),1,NR % 2)'); \
	fi

asan: deps $(BUILD)/asan/unit $(BUILD)/asan/weft $(PX_OUT)
	@# weft cc looks for its runtime beside the weft it runs as
	cp $(PX_OUT) $(BUILD)/asan/
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 CK_DEFAULT_TIMEOUT=300 CK_TIMEOUT_MULTIPLIER=10 $(BUILD)/asan/unit
	@$(MAKE) --no-print-directory asan-e2e

# the end-to-end half of make asan alone (the unit half is the long one)
asan-e2e: deps $(BUILD)/asan/weft $(PX_OUT)
	cp $(PX_OUT) $(BUILD)/asan/
	@if [ -x tests/e2e/run.sh ]; then \
	    ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/run.sh; fi
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft BUILD=$(BUILD)/asan \
	    CC=$(CC) TRACE_CFLAGS="-fsanitize=address,undefined" tests/e2e/trace.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft BUILD=$(BUILD)/asan \
	    CC=$(CC) TRACE_CFLAGS="-fsanitize=address,undefined" tests/e2e/view.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/play.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/go.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/testcmd.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/pkgs.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/cli.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/ciformats.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/html.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/parallel.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/roundtrip.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft BUILD=$(BUILD)/asan \
	    CC=$(CC) TRACE_CFLAGS="-fsanitize=address,undefined" REACT_MS=1000 RSS_SLACK_MB=4096 \
	    tests/e2e/limits.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft CC=$(CC) tests/e2e/db.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/reports.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/gochan.sh
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/asan/weft test scenarios
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/asan/weft test tests/correct
	@$(MAKE) --no-print-directory fuzz-replay-asan

BENCH_SRCS := $(sort $(wildcard tests/bench/*.c))
# the anchors the benches compare with: SPIN, Lua 5.4, Go (Debian packages),
# and GNU time and bc, which the bench scripts measure CPU time with
bench-deps:
	@missing=""; \
	command -v spin >/dev/null 2>&1 || missing="spin"; \
	command -v lua5.4 >/dev/null 2>&1 || missing="$$missing lua5.4"; \
	command -v go >/dev/null 2>&1 || missing="$$missing golang-go"; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	command -v bc >/dev/null 2>&1 || missing="$$missing bc"; \
	if [ -n "$$missing" ]; then \
	    echo "make bench: installing the anchors and tools:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing \
	        || echo "make bench: could not install:$$missing (the benches say so)"; \
	fi
bench: all bench-deps
	@mkdir -p $(BUILD)/bench
	@for s in $(BENCH_SRCS); do \
	    b=$(BUILD)/bench/$$(basename $$s .c); \
	    $(CC) $(BASEFLAGS) -O2 -DNDEBUG $$s $(BUILD)/libweft.a $(LIBS) -o $$b \
	        || exit 1; \
	    WEFT=$(BUILD)/weft $$b || exit 1; \
	done
	@WEFT=$(BUILD)/weft tests/conform/run.sh
	@WEFT=$(BUILD)/weft tests/conform/errorcheck.sh
	@WEFT=$(BUILD)/weft tests/bench/gobench.sh 10
	@WEFT=$(BUILD)/weft tests/bench/parallel.sh
	@PARALLEL_ALL=1 $(E2E) tests/e2e/parallel.sh
	@$(MAKE) --no-print-directory CC_CLANG_ALL=1 cc-clang
	@$(MAKE) --no-print-directory $(BUILD)/dbg/unit
	@echo "make bench: the dpor differential suite on every generated program"
	@WEFT_UNIT_FULL=1 CK_RUN_SUITE=dpor CK_DEFAULT_TIMEOUT=600 \
	    CK_TIMEOUT_MULTIPLIER=10 $(BUILD)/dbg/unit
	@WEFT=$(BUILD)/weft tests/bench/svcomp.sh $${SVCOMP_LIMIT:-60}
	@WEFT=$(BUILD)/weft tests/bench/genmc.sh $${GENMC_LIMIT:-20}

# demo: weft explore on the naive dining philosophers; exit 1 (a finding)
# is the point of the demo, anything else is a failure.
demo: all
	@$(BUILD)/weft explore scenarios/classic/philosophers_naive.go; \
	    st=$$?; [ $$st -le 1 ] || exit $$st

$(BUILD)/weft.pc: Makefile
	@mkdir -p $(BUILD)
	@printf '%s\n' 'prefix=$(PREFIX)' 'libdir=$${prefix}/lib' \
	    'includedir=$${prefix}/include' '' 'Name: weft' \
	    'Description: deterministic concurrency simulator and checker' \
	    'Version: $(VERSION)' 'Cflags: -I$${includedir}' \
	    'Libs: -L$${libdir} -lweft $(LIBS)' > $@

install: all
	@rm -f $(BUILD)/weft.pc && $(MAKE) --no-print-directory $(BUILD)/weft.pc PREFIX=$(PREFIX)
	install -d $(PREFIX)/bin $(PREFIX)/include $(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/weft $(PREFIX)/bin/weft
	install -m 644 sim/weft.h $(PREFIX)/include/weft.h
	install -m 644 $(BUILD)/libweft.a $(PREFIX)/lib/libweft.a
	install -d $(PREFIX)/lib/weft
	install -m 644 $(PX_OUT) $(PREFIX)/lib/weft/
	install -m 644 $(BUILD)/weft.pc $(PREFIX)/lib/pkgconfig/weft.pc

# deps: install what is missing from Debian's packages, saying what it does
# (golang-1.19-src: Go's own test suite, for tests/conform; weft never runs
# Go itself).
DEB_sqlite3  := libsqlite3-dev
DEB_ncursesw := libncurses-dev
DEB_check    := check
DEB_libdw    := libdw-dev
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for p in sqlite3 ncursesw check libdw; do \
	    pkg-config --exists $$p 2>/dev/null || case $$p in \
	        sqlite3) missing="$$missing libsqlite3-dev";; \
	        libdw) missing="$$missing libdw-dev";; \
	        ncursesw) missing="$$missing libncurses-dev";; \
	        check) missing="$$missing check";; esac; \
	done; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v clang >/dev/null 2>&1 || missing="$$missing clang"; \
	[ -d /usr/share/go-1.19/test ] || missing="$$missing golang-1.19-src"; \
	command -v xmllint >/dev/null 2>&1 || missing="$$missing libxml2-utils"; \
	python3 -c 'import jsonschema' >/dev/null 2>&1 || \
	    missing="$$missing python3-jsonschema"; \
	python3 -c 'import yaml' >/dev/null 2>&1 || \
	    missing="$$missing python3-yaml"; \
	command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	command -v parallel >/dev/null 2>&1 || missing="$$missing parallel"; \
	if [ -n "$$missing" ]; then \
	    echo "make deps: installing missing Debian packages:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	    $$SUDO apt-get update -q && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing \
	        || { echo "make deps: could not install:$$missing" >&2; exit 2; }; \
	fi

# The fuzzers (tests/fuzz/): libFuzzer targets built with clang, ASan and
# UBSan (make fuzz runs each for FUZZ_SECS, default 600, and merges what
# it found into its corpus), and the same targets built with the debug or
# sanitizer library around tests/fuzz/replay.c, which make test and make
# asan run on every corpus (no clang needed). VM_FUEL=1024: a step budget
# bounds the work of an endless loop.
FUZZ_TARGETS := parse compile run
FUZZ_CC   ?= clang
FUZZ_SAN  := address,undefined -fno-sanitize-recover=undefined \
             -fno-omit-frame-pointer
FUZZ_FLAGS := -g -O1 -DWF_DEBUG -DVM_FUEL=1024 -Wno-error
FUZZ_OBJS := $(patsubst %.c,$(BUILD)/fuzz/obj/%.o,$(LIB_SRCS)) \
             $(patsubst %.S,$(BUILD)/fuzz/obj/%.o,$(ASM_SRCS))
$(BUILD)/fuzz/obj/%.o: %.c | deps
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BASEFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link,$(FUZZ_SAN) \
	    $(DEPFLAGS) -c $< -o $@
$(BUILD)/fuzz/obj/%.o: %.S
	@mkdir -p $(dir $@)
	$(FUZZ_CC) -c $< -o $@
$(BUILD)/fuzz/libweft.a: $(FUZZ_OBJS)
	@rm -f $@
	ar rcs $@ $^
$(BUILD)/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(BUILD)/fuzz/libweft.a
	$(FUZZ_CC) $(BASEFLAGS) $(FUZZ_FLAGS) -Wno-missing-prototypes \
	    -fsanitize=fuzzer,$(FUZZ_SAN) $< $(BUILD)/fuzz/libweft.a $(LIBS) -o $@
fuzz-targets: $(foreach t,$(FUZZ_TARGETS),$(BUILD)/fuzz/fuzz_$(t))
# replayers: the debug library with a small VM fuel (its own vm.o first)
# (-MMD: a header's change, engine.h's op for one, rebuilds them too)
$(BUILD)/dbg/fuzz/vm.o: sim/lang/vm.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(DBG_FLAGS) -DVM_FUEL=1024 -MMD -MP -c $< -o $@
$(BUILD)/asan/fuzz/vm.o: sim/lang/vm.c | deps
	@mkdir -p $(dir $@)
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -DVM_FUEL=1024 -MMD -MP -c $< -o $@
-include $(BUILD)/dbg/fuzz/vm.d $(BUILD)/asan/fuzz/vm.d
$(BUILD)/dbg/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    $(BUILD)/dbg/fuzz/vm.o $(BUILD)/dbg/libweft.a
	$(CC) $(BASEFLAGS) $(DBG_FLAGS) -Wno-missing-prototypes $^ $(LIBS) -o $@
$(BUILD)/asan/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c \
    $(BUILD)/asan/fuzz/vm.o $(BUILD)/asan/libweft.a
	$(CC) $(BASEFLAGS) $(ASAN_FLAGS) -Wno-missing-prototypes $^ $(LIBS) -o $@
fuzz-replay: $(foreach t,$(FUZZ_TARGETS),$(BUILD)/dbg/fuzz/replay_$(t))
	@for t in $(FUZZ_TARGETS); do printf 'fuzz %s corpus: ' $$t; \
	    $(BUILD)/dbg/fuzz/replay_$$t tests/fuzz/corpus* || exit 1; done
fuzz-replay-asan: $(foreach t,$(FUZZ_TARGETS),$(BUILD)/asan/fuzz/replay_$(t))
	@for t in $(FUZZ_TARGETS); do printf 'fuzz %s corpus: ' $$t; \
	    ASAN_OPTIONS=detect_leaks=1 $(BUILD)/asan/fuzz/replay_$$t \
	        tests/fuzz/corpus* || exit 1; done

fuzz: deps
	MAKE="$(MAKE)" BUILD="$(BUILD)" FUZZ_CC="$(FUZZ_CC)" tests/fuzz/run.sh

format:
	clang-format -i $$(git ls-files '*.c' '*.h')
format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

# weft: build, test, asan, bench, demo, deps, install, clean.
# Sources are found by wildcard: a new module needs no edit here.
#   sim/*.c sim/lang/*.c checker/*.c ui/*.c  -> build/libweft.a
#   (ui/main.c and ui/view.c go only into build/weft)
#   tests/unit/*.c                           -> build/unit (one Check runner)

.DEFAULT_GOAL := all

CC       ?= cc
PREFIX   ?= /usr/local
BUILD    ?= build
ARCH     := $(shell uname -m)

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
LIB_SRCS := $(filter-out ui/main.c ui/view.c,$(LIB_SRCS))
ifeq ($(ARCH),x86_64)
ASM_SRCS := sim/switch_x86_64.S
else ifeq ($(ARCH),aarch64)
ASM_SRCS := sim/switch_aarch64.S
else
ASM_SRCS :=
endif
ASM_SRCS := $(wildcard $(ASM_SRCS))
BIN_SRCS := $(wildcard ui/main.c ui/view.c)
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
$(foreach d,$(BUILD) $(BUILD)/dbg $(BUILD)/asan,$(d)/obj/sim/trace.o): \
    $(BUILD)/gen/schema_sql.h

REL_FLAGS  := $(OPT) -DNDEBUG
DBG_FLAGS  := -O1 -g -DWF_DEBUG
ASAN_FLAGS := -O1 -g -DWF_DEBUG -fsanitize=address,undefined \
              -fno-omit-frame-pointer -fno-sanitize-recover=undefined

$(eval $(call flavour,REL,$(BUILD),$(REL_FLAGS)))
$(eval $(call flavour,DBG,$(BUILD)/dbg,$(DBG_FLAGS)))
$(eval $(call flavour,ASAN,$(BUILD)/asan,$(ASAN_FLAGS)))

.PHONY: all test unit e2e asan bench bench-deps demo deps install clean fuzz \
        format format-check
all: deps $(BUILD)/weft $(BUILD)/libweft.a $(BUILD)/weft.pc

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

test: deps all $(BUILD)/dbg/unit
	CK_DEFAULT_TIMEOUT=120 $(BUILD)/dbg/unit
	@if [ -x tests/e2e/run.sh ]; then WEFT=$(BUILD)/weft tests/e2e/run.sh; fi
	MAKE="$(MAKE)" CC="$(CC)" BUILD="$(BUILD)" tests/e2e/install.sh
	WEFT=$(BUILD)/weft BUILD=$(BUILD) CC=$(CC) tests/e2e/trace.sh
	WEFT=$(BUILD)/weft BUILD=$(BUILD) CC=$(CC) tests/e2e/view.sh
	WEFT=$(BUILD)/weft tests/e2e/go.sh
	WEFT=$(BUILD)/weft tests/e2e/testcmd.sh
	WEFT=$(BUILD)/weft tests/e2e/roundtrip.sh
	WEFT=$(BUILD)/weft tests/e2e/gochan.sh
	tests/fuzz/run.sh short
	$(BUILD)/weft test scenarios
	$(BUILD)/weft test tests/correct

asan: deps $(BUILD)/asan/unit $(BUILD)/asan/weft
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 CK_DEFAULT_TIMEOUT=300 $(BUILD)/asan/unit
	@if [ -x tests/e2e/run.sh ]; then \
	    ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/run.sh; fi
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft BUILD=$(BUILD)/asan \
	    CC=$(CC) TRACE_CFLAGS="-fsanitize=address,undefined" tests/e2e/trace.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft BUILD=$(BUILD)/asan \
	    CC=$(CC) TRACE_CFLAGS="-fsanitize=address,undefined" tests/e2e/view.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/go.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/testcmd.sh
	ASAN_OPTIONS=detect_leaks=1 WEFT=$(BUILD)/asan/weft tests/e2e/roundtrip.sh
	ASAN_OPTIONS=detect_leaks=1 $(BUILD)/asan/weft test scenarios

BENCH_SRCS := $(sort $(wildcard tests/bench/*.c))
# the anchors the benches compare with: SPIN, Lua 5.4 (Debian packages)
bench-deps:
	@missing=""; \
	command -v spin >/dev/null 2>&1 || missing="spin"; \
	command -v lua5.4 >/dev/null 2>&1 || missing="$$missing lua5.4"; \
	if [ -n "$$missing" ]; then \
	    echo "make bench: installing the anchors:$$missing"; \
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
	@WEFT=$(BUILD)/weft tests/bench/gobench.sh 10

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
	    'Version: 0.1' 'Cflags: -I$${includedir}' \
	    'Libs: -L$${libdir} -lweft $(LIBS)' > $@

install: all
	@rm -f $(BUILD)/weft.pc && $(MAKE) --no-print-directory $(BUILD)/weft.pc PREFIX=$(PREFIX)
	install -d $(PREFIX)/bin $(PREFIX)/include $(PREFIX)/lib/pkgconfig
	install -m 755 $(BUILD)/weft $(PREFIX)/bin/weft
	install -m 644 sim/weft.h $(PREFIX)/include/weft.h
	install -m 644 $(BUILD)/libweft.a $(PREFIX)/lib/libweft.a
	install -m 644 $(BUILD)/weft.pc $(PREFIX)/lib/pkgconfig/weft.pc

# deps: install what is missing from Debian's packages, saying what it does.
DEB_sqlite3  := libsqlite3-dev
DEB_ncursesw := libncurses-dev
DEB_check    := check
deps:
	@missing=""; \
	command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"; \
	for p in sqlite3 ncursesw check; do \
	    pkg-config --exists $$p 2>/dev/null || case $$p in \
	        sqlite3) missing="$$missing libsqlite3-dev";; \
	        ncursesw) missing="$$missing libncurses-dev";; \
	        check) missing="$$missing check";; esac; \
	done; \
	command -v tmux >/dev/null 2>&1 || missing="$$missing tmux"; \
	command -v clang >/dev/null 2>&1 || missing="$$missing clang"; \
	[ -d /usr/share/go-1.19/test/chan ] || missing="$$missing golang-1.19-src"; \
	if [ -n "$$missing" ]; then \
	    echo "make deps: installing missing Debian packages:$$missing"; \
	    if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	    $$SUDO apt-get update -q && \
	    $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing \
	        || { echo "make deps: could not install:$$missing" >&2; exit 2; }; \
	fi

fuzz:
	@if [ -x tests/fuzz/run.sh ]; then tests/fuzz/run.sh long; fi

format:
	clang-format -i $$(git ls-files '*.c' '*.h')
format-check:
	clang-format --dry-run --Werror $$(git ls-files '*.c' '*.h')

clean:
	rm -rf $(BUILD)

-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)

#!/bin/sh
# install.sh: `make install` into a temporary prefix, then build a C test
# against it with pkg-config and nothing else (SPEC section 7), run it,
# and check the public header: alone as C11 and as C++, every API name a
# real function of exactly its type (its address can be taken).
# Environment: MAKE, CC, CXX, BUILD (the flavour `make test` built).
set -eu
cd "$(dirname "$0")/../.."
MAKE=${MAKE:-make}
CC=${CC:-cc}
CXX=${CXX:-g++}
BUILD=${BUILD:-build}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "install.sh: FAIL: $*" >&2; exit 1; }

"$MAKE" --no-print-directory -s install PREFIX="$tmp" BUILD="$BUILD" \
    CC="$CC" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; fail "make install"; }
for f in bin/weft include/weft.h lib/libweft.a lib/pkgconfig/weft.pc; do
    [ -f "$tmp/$f" ] || fail "make install did not install $f"
done

# 1. an outside C program: cc t.c $(pkg-config --cflags --libs weft)
cp tests/e2e/philo_naive.c "$tmp/t.c"
flags=$(PKG_CONFIG_PATH="$tmp/lib/pkgconfig" pkg-config --cflags --libs weft) ||
    fail "pkg-config does not know weft"
(cd "$tmp" && $CC t.c $flags -o t) || fail "cc t.c \$(pkg-config --cflags --libs weft)"
status=0
"$tmp/t" explore --max-executions 100000 >"$tmp/out" 2>&1 || status=$?
[ "$status" = 1 ] || { cat "$tmp/out"; fail "philo_naive explore exited $status, not 1"; }
grep -q '^deadlock' "$tmp/out" || { cat "$tmp/out"; fail "no deadlock reported"; }

# 2. weft.h alone, as C11 and as C++
inc="$tmp/include"
$CC -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -x c "$inc/weft.h" ||
    fail "weft.h does not compile alone as C11"
if command -v "$CXX" >/dev/null 2>&1; then
    $CXX -Wall -Wextra -Werror -x c++ -fsyntax-only "$inc/weft.h" ||
        fail "weft.h does not compile alone as C++"
else
    echo "install.sh: note: no $CXX, the C++ check is skipped" >&2
fi

# 3. every name of SPEC section 7 is a function of exactly its type
cat >"$tmp/names.c" <<'EOT'
#include <weft.h>
#define HAS(name, ret, params) ret (*name##_p) params = &name;
#define HAS_ALL \
HAS(wf_go, wf_task *, (void (*)(void *), void *, const char *)) \
HAS(wf_yield, void, (void)) \
HAS(wf_chan_new, wf_chan *, (const char *, size_t)) \
HAS(wf_chan_send, void, (wf_chan *, intptr_t)) \
HAS(wf_chan_recv, intptr_t, (wf_chan *, bool *)) \
HAS(wf_chan_close, void, (wf_chan *)) \
HAS(wf_select, int, (wf_case *, size_t, bool)) \
HAS(wf_mutex_new, wf_mutex *, (const char *)) \
HAS(wf_mutex_lock, void, (wf_mutex *)) \
HAS(wf_mutex_unlock, void, (wf_mutex *)) \
HAS(wf_mutex_trylock, bool, (wf_mutex *)) \
HAS(wf_rwmutex_new, wf_rwmutex *, (const char *)) \
HAS(wf_rwmutex_lock, void, (wf_rwmutex *)) \
HAS(wf_rwmutex_unlock, void, (wf_rwmutex *)) \
HAS(wf_rwmutex_rlock, void, (wf_rwmutex *)) \
HAS(wf_rwmutex_runlock, void, (wf_rwmutex *)) \
HAS(wf_rwmutex_trylock, bool, (wf_rwmutex *)) \
HAS(wf_rwmutex_tryrlock, bool, (wf_rwmutex *)) \
HAS(wf_cond_new, wf_cond *, (const char *, wf_mutex *)) \
HAS(wf_cond_wait, void, (wf_cond *)) \
HAS(wf_cond_signal, void, (wf_cond *)) \
HAS(wf_cond_broadcast, void, (wf_cond *)) \
HAS(wf_waitgroup_new, wf_waitgroup *, (const char *)) \
HAS(wf_waitgroup_add, void, (wf_waitgroup *, int64_t)) \
HAS(wf_waitgroup_done, void, (wf_waitgroup *)) \
HAS(wf_waitgroup_wait, void, (wf_waitgroup *)) \
HAS(wf_once_new, wf_once *, (const char *)) \
HAS(wf_once_do, void, (wf_once *, void (*)(void *), void *)) \
HAS(wf_atomic_new, wf_atomic *, (const char *, int64_t)) \
HAS(wf_atomic_load, int64_t, (wf_atomic *)) \
HAS(wf_atomic_store, void, (wf_atomic *, int64_t)) \
HAS(wf_atomic_add, int64_t, (wf_atomic *, int64_t)) \
HAS(wf_atomic_swap, int64_t, (wf_atomic *, int64_t)) \
HAS(wf_atomic_cas, bool, (wf_atomic *, int64_t, int64_t)) \
HAS(wf_var_new, wf_var *, (const char *, intptr_t)) \
HAS(wf_read, intptr_t, (wf_var *)) \
HAS(wf_write, void, (wf_var *, intptr_t)) \
HAS(wf_sleep, void, (int64_t)) \
HAS(wf_now, int64_t, (void)) \
HAS(wf_progress, void, (void)) \
HAS(wf_assert, void, (bool, const char *)) \
HAS(wf_printf, void, (const char *, ...)) \
HAS(wf_main, int, (int, char **, void (*)(void *))) \
HAS(wf_explore, int, (void (*)(void *), void *, const wf_options *, wf_result *)) \
HAS(wf_options_default, wf_options, (void)) \
HAS(wf_result_free, void, (wf_result *))
HAS_ALL
int main(void)
{
    /* the macros pass the call site; the parenthesized name bypasses it */
    void (*y)(void) = (wf_yield);
    return y == wf_yield_p && wf_go_p != 0 ? 0 : 1;
}
EOT
(cd "$tmp" && $CC -std=c11 -Wall -Wextra -Werror names.c $flags -o names) ||
    fail "an API name is missing or has another type (C)"
"$tmp/names" || fail "the address of wf_yield differs through the macro"
if command -v "$CXX" >/dev/null 2>&1; then
    (cd "$tmp" && $CXX -Wall -Wextra -Werror -x c++ names.c $flags -o names++) ||
        fail "an API name is missing or has another type (C++)"
fi
echo "install.sh: make install, pkg-config build, weft.h alone (C11, C++), every API name: ok"

/* capi.c: the public C API of weft.h for native tasks. Each call fills the
 * calling task's pending op and yields to the scheduler, which performs it
 * (engine.c); results come back in the op record. Object constructors run
 * in the task without a scheduling point: a new object is local until
 * shared. */
#define WF_NO_SITE_MACROS
#include "weft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "chan.h"
#include "cond.h"
#include "engine.h"
#include "mutex.h"
#include "native.h"
#include "once.h"
#include "rwmutex.h"
#include "var.h"
#include "waitgroup.h"

/* Begin op k on object o at the call site; returns the op record. */
static op *begin(wf_task *t, op_kind k, void *o, const char *file, int line)
{
    op *p = &t->op;
    op_begin(p, k, o);
    p->file = file;
    p->line = line;
    return p;
}

#define TASK(name) wf_task *t = native_current(name)

/* n bytes for t's pending op, reused by its later ops. They come from the
 * engine arena: a task that never resumes (blocked forever, or cut off by
 * a panic elsewhere) could not free heap memory. */
static void *scratch(wf_task *t, size_t n)
{
    if (n > t->scratch_cap) {
        size_t cap = t->scratch_cap * 2 > n ? t->scratch_cap * 2 : n;
        t->scratch = arena_alloc(&native_engine()->mem, cap);
        t->scratch_cap = cap;
    }
    return t->scratch;
}

wf_task *wf_go_at(void (*fn)(void *), void *arg, const char *name,
                  const char *file, int line)
{
    TASK("wf_go");
    native_start s = {fn, arg};
    op *o = begin(t, OP_SPAWN, NULL, file, line);
    o->spawn_drv = &native_driver;
    o->spawn_arg = &s;
    o->spawn_name = name ? name : "";
    native_yield(t);
    return (wf_task *)(uintptr_t)t->op.res.x;
}

void wf_yield_at(const char *file, int line)
{
    TASK("wf_yield");
    begin(t, OP_YIELD, NULL, file, line);
    t->op.polite = true;
    native_yield(t);
}

/* A panic raised by the task itself (bad arguments, as Go's runtime). */
static void self_panic(wf_task *t, const char *msg, const char *file,
                       int line)
{
    op *o = begin(t, OP_PANIC, NULL, file, line);
    o->text = msg;
    native_yield(t);
    wf_fatal("a panicked task was resumed");
}

wf_chan *wf_chan_new_at(const char *name, size_t cap, const char *file,
                        int line)
{
    TASK("wf_chan_new");
    if (cap > ((size_t)1 << 30))
        self_panic(t, "makechan: size out of range", file, line);
    return chan_new(native_engine(), name, cap, file, line);
}

void wf_chan_send_at(wf_chan *c, intptr_t v, const char *file, int line)
{
    TASK("wf_chan_send");
    begin(t, OP_SEND, c, file, line)->val = value_int(v);
    native_yield(t);
}

intptr_t wf_chan_recv_at(wf_chan *c, bool *ok, const char *file, int line)
{
    TASK("wf_chan_recv");
    begin(t, OP_RECV, c, file, line);
    native_yield(t);
    if (ok)
        *ok = t->op.ok;
    return (intptr_t)t->op.res.i;
}

void wf_chan_close_at(wf_chan *c, const char *file, int line)
{
    TASK("wf_chan_close");
    begin(t, OP_CLOSE, c, file, line);
    native_yield(t);
}

size_t wf_chan_len_at(wf_chan *c, const char *file, int line)
{
    TASK("wf_chan_len");
    if (!c || !c->cap)
        return 0;
    begin(t, OP_CHAN_LEN, c, file, line);
    native_yield(t);
    return (size_t)t->op.res.i;
}

int wf_select_at(wf_case *cases, size_t n, bool has_default, const char *file,
                 int line)
{
    TASK("wf_select");
    sel_case local[16], *sc = local;
    op *o;
    int r;
    if (n > 16)
        sc = scratch(t, n * sizeof *sc);
    memset(sc, 0, n * sizeof *sc);
    for (size_t i = 0; i < n; i++) {
        sc[i].chan = cases[i].chan;
        sc[i].send = cases[i].send;
        sc[i].val = value_int(cases[i].value);
    }
    o = begin(t, OP_SELECT, NULL, file, line);
    o->cases = sc;
    o->ncases = (uint32_t)n;
    o->has_default = has_default;
    o->sel = -1;
    native_yield(t);
    r = t->op.sel;
    if (r >= 0 && !cases[r].send) {
        cases[r].received = (intptr_t)sc[r].res.i;
        cases[r].ok = sc[r].ok;
    }
    t->op.cases = NULL;
    return r;
}

wf_mutex *wf_mutex_new_at(const char *name, const char *file, int line)
{
    TASK("wf_mutex_new");
    (void)t;
    return mutex_new(native_engine(), name, file, line);
}

void wf_mutex_lock_at(wf_mutex *m, const char *file, int line)
{
    TASK("wf_mutex_lock");
    begin(t, OP_LOCK, m, file, line);
    native_yield(t);
}

void wf_mutex_unlock_at(wf_mutex *m, const char *file, int line)
{
    TASK("wf_mutex_unlock");
    begin(t, OP_UNLOCK, m, file, line);
    native_yield(t);
}

bool wf_mutex_trylock_at(wf_mutex *m, const char *file, int line)
{
    TASK("wf_mutex_trylock");
    begin(t, OP_TRYLOCK, m, file, line);
    native_yield(t);
    return t->op.ok;
}

wf_rwmutex *wf_rwmutex_new_at(const char *name, const char *file, int line)
{
    TASK("wf_rwmutex_new");
    (void)t;
    return rwmutex_new(native_engine(), name, file, line);
}

/* Op k on m; its result ok (the tries'). */
static bool rw_op(const char *api, op_kind k, wf_rwmutex *m, const char *file,
                  int line)
{
    TASK(api);
    begin(t, k, m, file, line);
    native_yield(t);
    return t->op.ok;
}

void wf_rwmutex_lock_at(wf_rwmutex *m, const char *file, int line)
{
    rw_op("wf_rwmutex_lock", OP_WLOCK, m, file, line);
}

void wf_rwmutex_unlock_at(wf_rwmutex *m, const char *file, int line)
{
    rw_op("wf_rwmutex_unlock", OP_WUNLOCK, m, file, line);
}

void wf_rwmutex_rlock_at(wf_rwmutex *m, const char *file, int line)
{
    rw_op("wf_rwmutex_rlock", OP_RLOCK, m, file, line);
}

void wf_rwmutex_runlock_at(wf_rwmutex *m, const char *file, int line)
{
    rw_op("wf_rwmutex_runlock", OP_RUNLOCK, m, file, line);
}

bool wf_rwmutex_trylock_at(wf_rwmutex *m, const char *file, int line)
{
    return rw_op("wf_rwmutex_trylock", OP_TRYWLOCK, m, file, line);
}

bool wf_rwmutex_tryrlock_at(wf_rwmutex *m, const char *file, int line)
{
    return rw_op("wf_rwmutex_tryrlock", OP_TRYRLOCK, m, file, line);
}

wf_cond *wf_cond_new_at(const char *name, wf_mutex *m, const char *file,
                        int line)
{
    TASK("wf_cond_new");
    if (!m)
        self_panic(t, "sync.NewCond: nil Locker", file, line);
    return cond_new(native_engine(), name, m, file, line);
}

static void cond_op(const char *api, op_kind k, wf_cond *c, const char *file,
                    int line)
{
    TASK(api);
    begin(t, k, c, file, line);
    native_yield(t);
}

void wf_cond_wait_at(wf_cond *c, const char *file, int line)
{
    cond_op("wf_cond_wait", OP_COND_WAIT, c, file, line);
}

void wf_cond_signal_at(wf_cond *c, const char *file, int line)
{
    cond_op("wf_cond_signal", OP_SIGNAL, c, file, line);
}

void wf_cond_broadcast_at(wf_cond *c, const char *file, int line)
{
    cond_op("wf_cond_broadcast", OP_BROADCAST, c, file, line);
}

wf_waitgroup *wf_waitgroup_new_at(const char *name, const char *file,
                                  int line)
{
    TASK("wf_waitgroup_new");
    (void)t;
    return waitgroup_new(native_engine(), name, file, line);
}

void wf_waitgroup_add_at(wf_waitgroup *wg, int64_t delta, const char *file,
                         int line)
{
    TASK("wf_waitgroup_add");
    begin(t, OP_WG_ADD, wg, file, line)->val = value_int(delta);
    native_yield(t);
}

void wf_waitgroup_done_at(wf_waitgroup *wg, const char *file, int line)
{
    TASK("wf_waitgroup_done");
    op *o = begin(t, OP_WG_ADD, wg, file, line);
    o->val = value_int(-1);
    o->done = true;
    native_yield(t);
}

void wf_waitgroup_wait_at(wf_waitgroup *wg, const char *file, int line)
{
    TASK("wf_waitgroup_wait");
    begin(t, OP_WG_WAIT, wg, file, line);
    native_yield(t);
}

wf_once *wf_once_new_at(const char *name, const char *file, int line)
{
    TASK("wf_once_new");
    (void)t;
    return once_new(native_engine(), name, file, line);
}

void wf_once_do_at(wf_once *o, void (*fn)(void *), void *arg,
                   const char *file, int line)
{
    TASK("wf_once_do");
    begin(t, OP_ONCE, o, file, line);
    native_yield(t);
    if (!t->op.ok)
        return;
    fn(arg);
    begin(t, OP_ONCE_END, o, file, line);
    native_yield(t);
}

wf_atomic *wf_atomic_new_at(const char *name, int64_t v, const char *file,
                            int line)
{
    TASK("wf_atomic_new");
    (void)t;
    return atomic_new(native_engine(), name, v, file, line);
}

static op *atomic_begin(wf_task *t, op_kind k, wf_atomic *a,
                        const char *file, int line)
{
    op *o = begin(t, k, a, file, line);
    if (!a)
        self_panic(t, "invalid memory address or nil pointer dereference",
                   file, line);
    return o;
}

int64_t wf_atomic_load_at(wf_atomic *a, const char *file, int line)
{
    TASK("wf_atomic_load");
    atomic_begin(t, OP_ALOAD, a, file, line);
    native_yield(t);
    return t->op.res.i;
}

void wf_atomic_store_at(wf_atomic *a, int64_t v, const char *file, int line)
{
    TASK("wf_atomic_store");
    atomic_begin(t, OP_ASTORE, a, file, line)->val = value_int(v);
    native_yield(t);
}

int64_t wf_atomic_add_at(wf_atomic *a, int64_t delta, const char *file,
                         int line)
{
    TASK("wf_atomic_add");
    atomic_begin(t, OP_AADD, a, file, line)->val = value_int(delta);
    native_yield(t);
    return t->op.res.i;
}

int64_t wf_atomic_swap_at(wf_atomic *a, int64_t v, const char *file, int line)
{
    TASK("wf_atomic_swap");
    atomic_begin(t, OP_ASWAP, a, file, line)->val = value_int(v);
    native_yield(t);
    return t->op.res.i;
}

bool wf_atomic_cas_at(wf_atomic *a, int64_t old, int64_t new_,
                      const char *file, int line)
{
    TASK("wf_atomic_cas");
    op *o = atomic_begin(t, OP_ACAS, a, file, line);
    o->old = old;
    o->val = value_int(new_);
    native_yield(t);
    return t->op.ok;
}

wf_var *wf_var_new_at(const char *name, intptr_t v, const char *file,
                      int line)
{
    TASK("wf_var_new");
    (void)t;
    return var_new(native_engine(), name, value_int(v), file, line);
}

intptr_t wf_read_at(wf_var *x, const char *file, int line)
{
    TASK("wf_read");
    begin(t, OP_READ, x, file, line);
    if (!x)
        self_panic(t, "invalid memory address or nil pointer dereference",
                   file, line);
    native_yield(t);
    return (intptr_t)t->op.res.i;
}

void wf_write_at(wf_var *x, intptr_t v, const char *file, int line)
{
    TASK("wf_write");
    begin(t, OP_WRITE, x, file, line)->val = value_int(v);
    if (!x)
        self_panic(t, "invalid memory address or nil pointer dereference",
                   file, line);
    native_yield(t);
}

void wf_sleep_at(int64_t ns, const char *file, int line)
{
    TASK("wf_sleep");
    begin(t, OP_SLEEP, NULL, file, line)->ns = ns;
    native_yield(t);
}

int64_t wf_now(void)
{
    TASK("wf_now");
    (void)t;
    return native_engine()->now_ns;
}

void wf_progress_at(const char *file, int line)
{
    TASK("wf_progress");
    wf_engine *e = native_engine();
    t->m.progress++;
    engine_emit(e, t->tid, EV_PROGRESS, 0, -1, -1, (int64_t)t->m.progress, 0,
                file, line);
}

void wf_assert_at(bool cond, const char *msg, const char *file, int line)
{
    TASK("wf_assert");
    if (cond)
        return;
    begin(t, OP_ASSERT, NULL, file, line)->text = msg ? msg : "";
    native_yield(t);
    wf_fatal("a task was resumed after a failed assertion");
}

void wf_vprintf_at(const char *file, int line, const char *fmt, va_list ap)
{
    TASK("wf_printf");
    char local[512], *p = local;
    va_list aq;
    int n;
    op *o;
    va_copy(aq, ap);
    n = vsnprintf(local, sizeof local, fmt, aq);
    va_end(aq);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof local) {
        p = scratch(t, (size_t)n + 1);
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    }
    o = begin(t, OP_PRINT, NULL, file, line);
    o->text = p;
    o->len = (size_t)n;
    native_yield(t);
    t->op.text = NULL;
}

void wf_printf_at(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_vprintf_at(file, line, fmt, ap);
    va_end(ap);
}

/* The plain functions of SPEC section 7 (no call site). */
wf_task *wf_go(void (*fn)(void *), void *arg, const char *name)
{
    return wf_go_at(fn, arg, name, NULL, 0);
}
void wf_yield(void)
{
    wf_yield_at(NULL, 0);
}
wf_chan *wf_chan_new(const char *name, size_t cap)
{
    return wf_chan_new_at(name, cap, NULL, 0);
}
void wf_chan_send(wf_chan *c, intptr_t v)
{
    wf_chan_send_at(c, v, NULL, 0);
}
intptr_t wf_chan_recv(wf_chan *c, bool *ok)
{
    return wf_chan_recv_at(c, ok, NULL, 0);
}
void wf_chan_close(wf_chan *c)
{
    wf_chan_close_at(c, NULL, 0);
}
size_t wf_chan_len(wf_chan *c)
{
    return wf_chan_len_at(c, NULL, 0);
}
int wf_select(wf_case *cases, size_t n, bool has_default)
{
    return wf_select_at(cases, n, has_default, NULL, 0);
}
wf_mutex *wf_mutex_new(const char *name)
{
    return wf_mutex_new_at(name, NULL, 0);
}
void wf_mutex_lock(wf_mutex *m)
{
    wf_mutex_lock_at(m, NULL, 0);
}
void wf_mutex_unlock(wf_mutex *m)
{
    wf_mutex_unlock_at(m, NULL, 0);
}
bool wf_mutex_trylock(wf_mutex *m)
{
    return wf_mutex_trylock_at(m, NULL, 0);
}
wf_rwmutex *wf_rwmutex_new(const char *name)
{
    return wf_rwmutex_new_at(name, NULL, 0);
}
void wf_rwmutex_lock(wf_rwmutex *m)
{
    wf_rwmutex_lock_at(m, NULL, 0);
}
void wf_rwmutex_unlock(wf_rwmutex *m)
{
    wf_rwmutex_unlock_at(m, NULL, 0);
}
void wf_rwmutex_rlock(wf_rwmutex *m)
{
    wf_rwmutex_rlock_at(m, NULL, 0);
}
void wf_rwmutex_runlock(wf_rwmutex *m)
{
    wf_rwmutex_runlock_at(m, NULL, 0);
}
bool wf_rwmutex_trylock(wf_rwmutex *m)
{
    return wf_rwmutex_trylock_at(m, NULL, 0);
}
bool wf_rwmutex_tryrlock(wf_rwmutex *m)
{
    return wf_rwmutex_tryrlock_at(m, NULL, 0);
}
wf_cond *wf_cond_new(const char *name, wf_mutex *m)
{
    return wf_cond_new_at(name, m, NULL, 0);
}
void wf_cond_wait(wf_cond *c)
{
    wf_cond_wait_at(c, NULL, 0);
}
void wf_cond_signal(wf_cond *c)
{
    wf_cond_signal_at(c, NULL, 0);
}
void wf_cond_broadcast(wf_cond *c)
{
    wf_cond_broadcast_at(c, NULL, 0);
}
wf_waitgroup *wf_waitgroup_new(const char *name)
{
    return wf_waitgroup_new_at(name, NULL, 0);
}
void wf_waitgroup_add(wf_waitgroup *wg, int64_t delta)
{
    wf_waitgroup_add_at(wg, delta, NULL, 0);
}
void wf_waitgroup_done(wf_waitgroup *wg)
{
    wf_waitgroup_done_at(wg, NULL, 0);
}
void wf_waitgroup_wait(wf_waitgroup *wg)
{
    wf_waitgroup_wait_at(wg, NULL, 0);
}
wf_once *wf_once_new(const char *name)
{
    return wf_once_new_at(name, NULL, 0);
}
void wf_once_do(wf_once *o, void (*fn)(void *), void *arg)
{
    wf_once_do_at(o, fn, arg, NULL, 0);
}
wf_atomic *wf_atomic_new(const char *name, int64_t v)
{
    return wf_atomic_new_at(name, v, NULL, 0);
}
int64_t wf_atomic_load(wf_atomic *a)
{
    return wf_atomic_load_at(a, NULL, 0);
}
void wf_atomic_store(wf_atomic *a, int64_t v)
{
    wf_atomic_store_at(a, v, NULL, 0);
}
int64_t wf_atomic_add(wf_atomic *a, int64_t delta)
{
    return wf_atomic_add_at(a, delta, NULL, 0);
}
int64_t wf_atomic_swap(wf_atomic *a, int64_t v)
{
    return wf_atomic_swap_at(a, v, NULL, 0);
}
bool wf_atomic_cas(wf_atomic *a, int64_t old, int64_t new_)
{
    return wf_atomic_cas_at(a, old, new_, NULL, 0);
}
wf_var *wf_var_new(const char *name, intptr_t v)
{
    return wf_var_new_at(name, v, NULL, 0);
}
intptr_t wf_read(wf_var *x)
{
    return wf_read_at(x, NULL, 0);
}
void wf_write(wf_var *x, intptr_t v)
{
    wf_write_at(x, v, NULL, 0);
}
void wf_sleep(int64_t ns)
{
    wf_sleep_at(ns, NULL, 0);
}
void wf_progress(void)
{
    wf_progress_at(NULL, 0);
}
void wf_assert(bool cond, const char *msg)
{
    wf_assert_at(cond, msg, NULL, 0);
}
void wf_printf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    wf_vprintf_at(NULL, 0, fmt, ap);
    va_end(ap);
}

/* sync.c: POSIX and C11 synchronisation objects as engine objects.
 *
 * A pthread object is known by its address: the first use (or its init
 * function) makes its engine object, named after the variable it is
 * ("lock", "forks[2]", "heap#3+8"); freeing the memory forgets it.
 *   mutex      wf_mutex; recursive and error-checking types keep their
 *              owner and count here. Relocking a normal mutex deadlocks,
 *              as POSIX says it does.
 *   rwlock     wf_rwmutex (a waiting writer holds back new readers).
 *   cond, sem, barrier: sync_wait.c.
 *   spinlock   wf_mutex.
 * Timeouts run on virtual time (clock_gettime of the program reads it).
 * Misuse is a panic quoting POSIX: unlocking a mutex one does not own,
 * destroying a locked mutex, waiting with a mutex one does not hold,
 * using a destroyed object. */
#define _GNU_SOURCE
#include "sync_int.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "sim/once.h"

void px_sync_begin(void)
{
    px_exec *x = px.x;
    x->sync_cap = 256;
    x->sync_tab = arena_alloc(&px.mem, x->sync_cap * sizeof *x->sync_tab);
    x->nsync = 0;
    px.dirty.len = 0;
    px.escaped.len = 0;
}

static size_t sync_slot(uintptr_t a, size_t cap)
{
    return (size_t)((a >> 3) * 0x9e3779b97f4a7c15ULL >> 24) & (cap - 1);
}

px_sync *px_sync_find(const void *addr)
{
    px_exec *x = px.x;
    px_sync *s;
    if (!x)
        return NULL;
    for (s = x->sync_tab[sync_slot((uintptr_t)addr, x->sync_cap)]; s;
         s = s->next)
        if (s->addr == (uintptr_t)addr && !s->destroyed)
            return s;
    return NULL;
}

static void sync_insert(px_sync *s)
{
    px_exec *x = px.x;
    size_t i;
    if ((x->nsync + 1) > x->sync_cap) {
        size_t ocap = x->sync_cap;
        px_sync **old = x->sync_tab;
        x->sync_cap *= 2;
        x->sync_tab =
            arena_alloc(&px.mem, x->sync_cap * sizeof *x->sync_tab);
        for (size_t k = 0; k < ocap; k++)
            for (px_sync *q = old[k], *n; q; q = n) {
                size_t j = sync_slot(q->addr, x->sync_cap);
                n = q->next;
                q->next = x->sync_tab[j];
                x->sync_tab[j] = q;
            }
    }
    i = sync_slot(s->addr, x->sync_cap);
    s->next = x->sync_tab[i];
    x->sync_tab[i] = s;
    x->nsync++;
}

void px_sync_forget(uintptr_t a, size_t n)
{
    px_exec *x = px.x;
    if (!x || !x->nsync)
        return;
    for (size_t k = 0; k < x->sync_cap; k++)
        for (px_sync *s = x->sync_tab[k]; s; s = s->next)
            if (s->addr >= a && s->addr < a + n)
                s->destroyed = true;
}

/* The mutex type glibc's static initializers leave in the object. */
static int static_mutex_type(const void *addr)
{
    const pthread_mutex_t *m = addr;
    switch (m->__data.__kind & 3) {
    case PTHREAD_MUTEX_RECURSIVE:
        return PTHREAD_MUTEX_RECURSIVE;
    case PTHREAD_MUTEX_ERRORCHECK:
        return PTHREAD_MUTEX_ERRORCHECK;
    default:
        return PTHREAD_MUTEX_NORMAL;
    }
}

static const char *kind_word(px_sync_kind k)
{
    static const char *const w[] = {"mutex", "rwlock", "cond", "sem",
                                     "barrier", "once", "spinlock",
                                     "atomic"};
    return w[k];
}

px_sync *px_sync_make(px_task *pt, const void *addr, px_sync_kind k,
                      size_t size, uintptr_t pc)
{
    wf_engine *e = px_engine();
    px_sync *s = arena_alloc(&px.mem, sizeof *s);
    const char *name = px_name_of(e, (uintptr_t)addr, size);
    px_site site = px_site_of(pc);
    (void)pt;
    s->addr = (uintptr_t)addr;
    s->kind = (uint8_t)k;
    s->owner = -1;
    s->wtid = -1;
    s->wsc = false;
    switch (k) {
    case PXS_MUTEX:
    case PXS_SPIN:
        s->obj = &mutex_new(e, name, site.file, site.line)->hdr;
        s->type = k == PXS_MUTEX ? static_mutex_type(addr)
                                 : PTHREAD_MUTEX_NORMAL;
        break;
    case PXS_RWLOCK:
    {
        wf_rwmutex *l = rwmutex_new(e, name, site.file, site.line);
        /* glibc's kind: readers first unless the static initializer
         * chose PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP
         * (pthread_rwlock_init sets it from its attributes) */
        l->prefer_readers = ((const pthread_rwlock_t *)addr)->__data.__flags !=
                            PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP;
        s->obj = &l->hdr;
        break;
    }
    case PXS_COND:
        s->c = cond_new(e, name, NULL, site.file, site.line);
        s->obj = &s->c->hdr;
        break;
    case PXS_SEM: {
        char b[300];
        snprintf(b, sizeof b, "%s (%s)", name, kind_word(k));
        s->c = cond_sem_new(e, b, 0, site.file, site.line);
        s->obj = &s->c->hdr;
        break;
    }
    case PXS_BARRIER: {
        char b[300];
        snprintf(b, sizeof b, "%s (%s)", name, kind_word(k));
        s->m = mutex_new(e, b, site.file, site.line);
        s->c = cond_new(e, b, s->m, site.file, site.line);
        s->obj = &s->m->hdr;
        s->m2 = mutex_new(e, b, site.file, site.line);
        s->c2 = cond_new(e, b, s->m2, site.file, site.line);
        break;
    }
    case PXS_ONCE:
        s->obj = &once_new(e, name, site.file, site.line)->hdr;
        break;
    case PXS_ATOMIC:
        break; /* atomics.c makes its object */
    }
    {
        /* in a heap block, the name ("n->mu") is every node's and the
         * nth of it the creation order, which the interleaving decides:
         * the block's own identity tells the locks apart across
         * executions (the lock-order graph spans them) */
        uint64_t id = px_heap_ident((uintptr_t)addr);
        if (id && s->obj)
            s->obj->origin = id;
        if (id && s->m2)
            s->m2->hdr.origin = hash_u64(id, 2);
    }
    sync_insert(s);
    return s;
}

px_sync *px_sync_get(px_task *pt, const void *addr, px_sync_kind k,
                     uintptr_t pc)
{
    px_sync *s = px_sync_find(addr);
    static const size_t sizes[] = {sizeof(pthread_mutex_t),
                                   sizeof(pthread_rwlock_t),
                                   sizeof(pthread_cond_t),
                                   sizeof(sem_t),
                                   sizeof(pthread_barrier_t),
                                   sizeof(pthread_once_t),
                                   sizeof(pthread_spinlock_t),
                                   8};
    /* glibc would crash on it in the call: the program's crash, at its
     * call, not one of weft's own code reading the object */
    if ((uintptr_t)addr < 4096)
        px_panic(pt, pc,
                 "SIGSEGV: %s dereferenced a null pointer (a null %s, "
                 "address 0x%lx)",
                 pt->t->name, kind_word(k), (unsigned long)(uintptr_t)addr);
    if (s && s->kind == k)
        return s;
    if (!s && !px_mapped(addr, sizes[k]))
        px_panic(pt, pc,
                 "SIGSEGV: %s accessed invalid memory (the %s's address, "
                 "nothing is mapped there)",
                 pt->t->name, kind_word(k));
    if (s) /* the memory was reused for another kind of object */
        s->destroyed = true;
    return px_sync_make(pt, addr, k, sizes[k], pc);
}

/* ---- mutexes ------------------------------------------------------------- */

static const char *const mutex_type_name[] = {
    "PTHREAD_MUTEX_NORMAL", "PTHREAD_MUTEX_RECURSIVE",
    "PTHREAD_MUTEX_ERRORCHECK", "PTHREAD_MUTEX_NORMAL"};

bool px_sync_destroyed(const void *addr, px_sync_kind k)
{
    px_exec *x = px.x;
    for (px_sync *d = x->sync_tab[sync_slot((uintptr_t)addr, x->sync_cap)];
         d; d = d->next)
        if (d->addr == (uintptr_t)addr && d->destroyed && d->kind == k)
            return true;
    return false;
}

bool px_sync_ended(const void *addr, px_sync_kind k)
{
    px_exec *x = px.x;
    for (px_sync *d = x->sync_tab[sync_slot((uintptr_t)addr, x->sync_cap)];
         d; d = d->next)
        if (d->addr == (uintptr_t)addr)
            return d->ended && d->kind == k; /* the newest record */
    return false;
}

px_sync *px_mutex_get(px_task *pt, void *m, const char *fn, uintptr_t pc)
{
    if (!px_sync_find(m) && px_sync_destroyed(m, PXS_MUTEX))
        px_panic(pt, pc,
                 "%s: the mutex was destroyed (\"a destroyed mutex "
                 "object can be reinitialized using "
                 "pthread_mutex_init(); the results of otherwise "
                 "referencing the object after it has been destroyed "
                 "are undefined\")",
                 fn);
    return px_sync_get(pt, m, PXS_MUTEX, pc);
}

/* Lock s for pt: 0, or the error POSIX returns. trying: trylock. */
static int mx_lock(px_task *pt, px_sync *s, bool trying, uintptr_t pc)
{
    if (px_owns(s, pt)) {
        if (s->type == PTHREAD_MUTEX_RECURSIVE) {
            s->count++;
            return 0;
        }
        /* an error-checking mutex says so, as POSIX defines: lock
         * returns EDEADLK, trylock EBUSY (locked, "including the current
         * thread"). No finding: a program may rely on it (lock unless
         * the caller holds it already); one that ignores it unlocks
         * twice, and that unlock of an unlocked mutex is reported */
        if (s->type == PTHREAD_MUTEX_ERRORCHECK)
            return trying ? EBUSY : EDEADLK;
        if (trying)
            return EBUSY;
        /* a normal mutex relocked deadlocks (POSIX): the task waits */
    }
    px_op(pt, trying ? OP_TRYLOCK : OP_LOCK, s->obj, pc);
    px_yield(pt);
    if (trying && !pt->t->op.ok)
        return EBUSY;
    s->owner = pt->tid;
    s->count = 1;
    return 0;
}

static int mx_unlock(px_task *pt, px_sync *s, const char *fn, uintptr_t pc)
{
    wf_mutex *m = px_mx(s);
    if (!m->locked)
        px_panic(pt, pc,
                 "%s: the mutex is not locked (%s: \"if a thread attempts to "
                 "unlock a mutex that it has not locked or a mutex which is "
                 "unlocked, %s\")",
                 fn, mutex_type_name[s->type & 3],
                 s->type == PTHREAD_MUTEX_NORMAL ? "undefined behavior results"
                                                 : "an error shall be returned");
    if (m->holder != pt->t && s->kind == PXS_MUTEX)
        px_panic(pt, pc,
                 "%s: the calling thread does not own the mutex (%s%s)", fn,
                 s->type == PTHREAD_MUTEX_NORMAL ? "undefined behavior for "
                                                 : "EPERM: ",
                 mutex_type_name[s->type & 3]);
    if (s->type == PTHREAD_MUTEX_RECURSIVE && --s->count > 0)
        return 0;
    s->owner = -1;
    s->count = 0;
    px_op(pt, OP_UNLOCK, s->obj, pc);
    px_yield(pt);
    return 0;
}

/* Cancel pt's pending lock (timedlock's deadline passed). */
static void lock_timeout(wf_engine *e, timer *tm)
{
    px_timer *t = (px_timer *)(void *)tm;
    wf_task *wt = t->pt->t;
    t->fired = true;
    /* a writer holding the writer slot, waiting for readers to leave,
     * leaves the slot (it kept waiting, and took the lock it was told
     * it had not got) */
    if (wt->op.kind == OP_WLOCK &&
        ((wf_rwmutex *)wt->op.obj)->writer == wt &&
        ((wf_rwmutex *)wt->op.obj)->writer_in &&
        wt->state != TASK_DONE && !wt->in_resume)
        rwmutex_leave_slot(e, wt);
    if ((wt->op.kind == OP_LOCK || wt->op.kind == OP_WLOCK ||
         wt->op.kind == OP_RLOCK) &&
        wt->state != TASK_DONE && !wt->in_resume) {
        engine_access(e, wt->op.obj->oid, ACC_WRITE);
        engine_complete(e, wt); /* unlinks it from the lockers */
    }
}

int64_t px_deadline(const struct timespec *abs)
{
    return px_abs_ns(CLOCK_REALTIME, abs);
}

px_timer *px_timer_arm(px_task *pt, int64_t when,
                       void (*fire)(wf_engine *, timer *))
{
    wf_engine *e = px_engine();
    px_timer *t = arena_alloc(&e->mem, sizeof *t);
    memset(&t->tm, 0, sizeof t->tm);
    t->tm.when = when;
    t->tm.fire = fire;
    t->tm.heap_pos = -1;
    t->pt = pt;
    engine_timer_add(e, &t->tm);
    return t;
}

int32_t px_timer_tid(const timer *tm)
{
    if (tm->fire != lock_timeout && tm->fire != px_cond_timeout)
        return -1;
    return ((const px_timer *)(const void *)tm)->pt->tid;
}

/* A lock op that gives up at virtual time `when`: 0 or ETIMEDOUT. */
static int timed_lock_op(px_task *pt, op_kind k, wf_obj *o, int64_t when,
                         uintptr_t pc)
{
    px_timer *t;
    if (when <= px_engine()->now_ns)
        return ETIMEDOUT;
    t = px_timer_arm(pt, when, lock_timeout);
    px_op(pt, k, o, pc);
    px_yield(pt);
    engine_timer_cancel(px_engine(), &t->tm);
    /* completed by the timer (woken) rather than performed: timed out */
    return t->fired && pt->t->op.woken ? ETIMEDOUT : 0;
}

static int mx_timedlock(px_task *pt, px_sync *s, int64_t when, uintptr_t pc)
{
    int r = mx_lock(pt, s, true, pc);
    if (r != EBUSY)
        return r;
    if (px_owns(s, pt)) /* a normal mutex it holds: it waits in vain */
        return s->type == PTHREAD_MUTEX_ERRORCHECK ? EDEADLK : ETIMEDOUT;
    r = timed_lock_op(pt, OP_LOCK, s->obj, when, pc);
    if (r)
        return r;
    s->owner = pt->tid;
    s->count = 1;
    return 0;
}

typedef int (*fn_m)(pthread_mutex_t *);

PX_API int pthread_mutex_init(pthread_mutex_t *m, const pthread_mutexattr_t *a)
{
    typedef int (*fn_t)(pthread_mutex_t *, const pthread_mutexattr_t *);
    ENTER(fn_t, "pthread_mutex_init", m, a);
    {
        px_sync *s = px_sync_find(m);
        int type = PTHREAD_MUTEX_NORMAL;
        if (s && s->kind == PXS_MUTEX && px_mx(s)->locked)
            px_panic(pt, RA,
                     "pthread_mutex_init: the mutex is locked (\"attempting "
                     "to initialize an already initialized mutex results in "
                     "undefined behavior\")");
        if (s)
            s->destroyed = true;
        if (a) {
            int robust = PTHREAD_MUTEX_STALLED;
            pthread_mutexattr_gettype(a, &type);
            pthread_mutexattr_getrobust(a, &robust);
            if (robust == PTHREAD_MUTEX_ROBUST)
                px_unsupported(pt, RA,
                               "pthread_mutex_init of a robust mutex "
                               "(pthread_mutexattr_setrobust)",
                               "an owner ending with the mutex locked "
                               "(EOWNERDEAD) is not modelled");
        }
        memset(m, 0, sizeof *m);
        s = px_sync_make(pt, m, PXS_MUTEX, sizeof *m, RA);
        s->type = type == PTHREAD_MUTEX_RECURSIVE    ? PTHREAD_MUTEX_RECURSIVE
                  : type == PTHREAD_MUTEX_ERRORCHECK ? PTHREAD_MUTEX_ERRORCHECK
                                                     : PTHREAD_MUTEX_NORMAL;
    }
    px_leave(pt);
    return 0;
}

/* Destroying s: a scheduling point that takes the mutex if it is free
 * (a trylock, ordered with every lock of it) and lets it go; if another
 * thread holds it there, it is misuse. */
static void mx_destroy(px_task *pt, px_sync *s, const char *fn, uintptr_t pc)
{
    if (px_owns(s, pt))
        px_panic(pt, pc,
                 "%s: the mutex is locked by the calling thread "
                 "(\"attempting to destroy a locked mutex ... results in "
                 "undefined behavior\")",
                 fn);
    px_op(pt, OP_TRYLOCK, s->obj, pc);
    px_yield(pt);
    if (!pt->t->op.ok)
        px_panic(pt, pc,
                 "%s: the mutex is locked by another thread (\"attempting to "
                 "destroy a locked mutex, or a mutex that another thread is "
                 "attempting to lock ... results in undefined behavior\")",
                 fn);
    px_op(pt, OP_UNLOCK, s->obj, pc);
    px_yield(pt);
    /* a thread inside its lock of s, not through it yet (its lock is
     * the op it waits at): it would go on to hold a destroyed mutex */
    for (size_t i = 0; i < px.x->tasks.len; i++) {
        const px_task *o = px.x->tasks.p[i];
        if (o && o != pt && o->t && o->t->state != TASK_DONE &&
            o->t->op.obj == s->obj &&
            (o->t->op.kind == OP_LOCK || o->t->op.kind == OP_TRYLOCK))
            px_panic(pt, pc,
                     "%s: %s is locking the mutex (\"attempting to destroy "
                     "a locked mutex, or a mutex that another thread is "
                     "attempting to lock ... results in undefined "
                     "behavior\")",
                     fn, o->t->name);
    }
    s->destroyed = true;
}

PX_API int pthread_mutex_destroy(pthread_mutex_t *m)
{
    ENTER(fn_m, "pthread_mutex_destroy", m);
    mx_destroy(pt, px_mutex_get(pt, m, "pthread_mutex_destroy", RA),
               "pthread_mutex_destroy", RA);
    px_leave(pt);
    return 0;
}

PX_API int pthread_mutex_lock(pthread_mutex_t *m)
{
    int r;
    ENTER(fn_m, "pthread_mutex_lock", m);
    r = mx_lock(pt, px_mutex_get(pt, m, "pthread_mutex_lock", RA), false, RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_mutex_trylock(pthread_mutex_t *m)
{
    int r;
    ENTER(fn_m, "pthread_mutex_trylock", m);
    r = mx_lock(pt, px_mutex_get(pt, m, "pthread_mutex_trylock", RA), true, RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_mutex_timedlock(pthread_mutex_t *m,
                                   const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_mutex_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "pthread_mutex_timedlock", m, abs);
    r = mx_timedlock(pt, px_mutex_get(pt, m, "pthread_mutex_timedlock", RA),
                        px_deadline(abs), RA);
    px_leave(pt);
    return r;
}

/* The clock variants (POSIX 2024): every clock is the one virtual clock,
 * so a deadline on CLOCK_MONOTONIC is one on CLOCK_REALTIME. */
int64_t px_clock_deadline(clockid_t clk, const struct timespec *abs)
{
    if (clk != CLOCK_REALTIME && clk != CLOCK_MONOTONIC)
        return -1;
    return px_abs_ns(clk, abs);
}

PX_API int pthread_mutex_clocklock(pthread_mutex_t *m, clockid_t clk,
                                   const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_mutex_t *, clockid_t,
                        const struct timespec *);
    int64_t d;
    int r = EINVAL;
    ENTER(fn_t, "pthread_mutex_clocklock", m, clk, abs);
    if ((d = px_clock_deadline(clk, abs)) >= 0)
        r = mx_timedlock(pt, px_mutex_get(pt, m, "pthread_mutex_clocklock", RA),
                         d, RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_mutex_unlock(pthread_mutex_t *m)
{
    int r;
    ENTER(fn_m, "pthread_mutex_unlock", m);
    r = mx_unlock(pt, px_mutex_get(pt, m, "pthread_mutex_unlock", RA),
                     "pthread_mutex_unlock", RA);
    px_leave(pt);
    return r;
}

/* ---- spinlocks --------------------------------------------------------- */

typedef int (*fn_s)(pthread_spinlock_t *);

PX_API int pthread_spin_init(pthread_spinlock_t *l, int pshared)
{
    typedef int (*fn_t)(pthread_spinlock_t *, int);
    ENTER(fn_t, "pthread_spin_init", l, pshared);
    {
        px_sync *s = px_sync_find((const void *)l);
        if (s)
            s->destroyed = true;
        px_sync_make(pt, (const void *)l, PXS_SPIN, sizeof *l, RA);
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_spin_destroy(pthread_spinlock_t *l)
{
    ENTER(fn_s, "pthread_spin_destroy", l);
    {
        px_sync *s = px_sync_find((const void *)l);
        if (s && px_mx(s)->locked)
            px_panic(pt, RA,
                     "pthread_spin_destroy: the spin lock is locked "
                     "(undefined behavior)");
        if (s)
            s->destroyed = true;
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_spin_lock(pthread_spinlock_t *l)
{
    px_sync *s;
    ENTER(fn_s, "pthread_spin_lock", l);
    s = px_sync_get(pt, (const void *)l, PXS_SPIN, RA);
    if (px_owns(s, pt))
        px_panic(pt, RA,
                 "pthread_spin_lock: the calling thread holds the spin lock "
                 "(EDEADLK: a deadlock condition)");
    px_op(pt, OP_LOCK, s->obj, RA);
    px_yield(pt);
    px_leave(pt);
    return 0;
}

PX_API int pthread_spin_trylock(pthread_spinlock_t *l)
{
    px_sync *s;
    int r = 0;
    ENTER(fn_s, "pthread_spin_trylock", l);
    s = px_sync_get(pt, (const void *)l, PXS_SPIN, RA);
    px_op(pt, OP_TRYLOCK, s->obj, RA);
    px_yield(pt);
    if (!pt->t->op.ok)
        r = EBUSY;
    px_leave(pt);
    return r;
}

PX_API int pthread_spin_unlock(pthread_spinlock_t *l)
{
    px_sync *s;
    ENTER(fn_s, "pthread_spin_unlock", l);
    s = px_sync_get(pt, (const void *)l, PXS_SPIN, RA);
    if (!px_mx(s)->locked)
        px_panic(pt, RA, "pthread_spin_unlock: the spin lock is not locked "
                         "(undefined behavior)");
    if (px_mx(s)->holder != pt->t)
        px_panic(pt, RA,
                 "pthread_spin_unlock: the calling thread does not hold the "
                 "spin lock (undefined behavior)");
    px_op(pt, OP_UNLOCK, s->obj, RA);
    px_yield(pt);
    px_leave(pt);
    return 0;
}

/* ---- read-write locks -------------------------------------------------- */

static wf_rwmutex *rw(const px_sync *s)
{
    return (wf_rwmutex *)s->obj;
}

static bool reads(const wf_rwmutex *m, const px_task *pt)
{
    for (int32_t i = 0; i < m->nrholders; i++)
        if (m->rholders[i] == pt->tid)
            return true;
    return false;
}

typedef int (*fn_rw)(pthread_rwlock_t *);

PX_API int pthread_rwlock_init(pthread_rwlock_t *l,
                               const pthread_rwlockattr_t *a)
{
    typedef int (*fn_t)(pthread_rwlock_t *, const pthread_rwlockattr_t *);
    ENTER(fn_t, "pthread_rwlock_init", l, a);
    {
        px_sync *s = px_sync_find((const void *)l);
        int kind = PTHREAD_RWLOCK_PREFER_READER_NP;
        if (s)
            s->destroyed = true;
        if (a)
            pthread_rwlockattr_getkind_np(a, &kind);
        rw(px_sync_make(pt, l, PXS_RWLOCK, sizeof *l, RA))->prefer_readers =
            kind != PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP;
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_rwlock_destroy(pthread_rwlock_t *l)
{
    ENTER(fn_rw, "pthread_rwlock_destroy", l);
    {
        px_sync *s = px_sync_find((const void *)l);
        if (s && s->kind == PXS_RWLOCK) {
            if (rw(s)->writer_holds || rw(s)->readers)
                px_panic(pt, RA,
                         "pthread_rwlock_destroy: the lock is held (\"the "
                         "results are undefined if pthread_rwlock_destroy() "
                         "is called when any thread holds rwlock\")");
            s->destroyed = true;
        }
    }
    px_leave(pt);
    return 0;
}

static int rw_lock(px_task *pt, void *l, bool write, int mode, int64_t when,
                   const char *fn, uintptr_t pc)
{
    px_sync *s = px_sync_get(pt, l, PXS_RWLOCK, pc);
    wf_rwmutex *m = rw(s);
    if (mode == 1) { /* try: the engine's, which fails when it would wait
                        (EBUSY, also for a lock this thread holds) */
        px_op(pt, write ? OP_TRYWLOCK : OP_TRYRLOCK, s->obj, pc);
        px_yield(pt);
        return pt->t->op.ok ? 0 : EBUSY;
    }
    if ((m->writer == pt->t && m->writer_holds) || (write && reads(m, pt)))
        px_panic(pt, pc,
                 "%s: the calling thread already holds the lock (EDEADLK: "
                 "\"the current thread already owns the read-write lock\")",
                 fn);
    if (mode == 2) { /* timed: a try, then a wait that gives up (the
                        state seen before the try's scheduling point may
                        change before the lock op runs) */
        px_op(pt, write ? OP_TRYWLOCK : OP_TRYRLOCK, s->obj, pc);
        px_yield(pt);
        if (pt->t->op.ok)
            return 0;
        return timed_lock_op(pt, write ? OP_WLOCK : OP_RLOCK, s->obj, when,
                             pc);
    }
    px_op(pt, write ? OP_WLOCK : OP_RLOCK, s->obj, pc);
    px_yield(pt);
    return 0;
}

PX_API int pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
    int r;
    ENTER(fn_rw, "pthread_rwlock_rdlock", l);
    r = rw_lock(pt, l, false, 0, 0, "pthread_rwlock_rdlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
    int r;
    ENTER(fn_rw, "pthread_rwlock_wrlock", l);
    r = rw_lock(pt, l, true, 0, 0, "pthread_rwlock_wrlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
    int r;
    ENTER(fn_rw, "pthread_rwlock_tryrdlock", l);
    r = rw_lock(pt, l, false, 1, 0, "pthread_rwlock_tryrdlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
    int r;
    ENTER(fn_rw, "pthread_rwlock_trywrlock", l);
    r = rw_lock(pt, l, true, 1, 0, "pthread_rwlock_trywrlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_timedrdlock(pthread_rwlock_t *l,
                                      const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_rwlock_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "pthread_rwlock_timedrdlock", l, abs);
    r = rw_lock(pt, l, false, 2, px_deadline(abs),
                "pthread_rwlock_timedrdlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_timedwrlock(pthread_rwlock_t *l,
                                      const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_rwlock_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "pthread_rwlock_timedwrlock", l, abs);
    r = rw_lock(pt, l, true, 2, px_deadline(abs),
                "pthread_rwlock_timedwrlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t clk,
                                      const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_rwlock_t *, clockid_t,
                        const struct timespec *);
    int64_t d;
    int r = EINVAL;
    ENTER(fn_t, "pthread_rwlock_clockrdlock", l, clk, abs);
    if ((d = px_clock_deadline(clk, abs)) >= 0)
        r = rw_lock(pt, l, false, 2, d, "pthread_rwlock_clockrdlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t clk,
                                      const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_rwlock_t *, clockid_t,
                        const struct timespec *);
    int64_t d;
    int r = EINVAL;
    ENTER(fn_t, "pthread_rwlock_clockwrlock", l, clk, abs);
    if ((d = px_clock_deadline(clk, abs)) >= 0)
        r = rw_lock(pt, l, true, 2, d, "pthread_rwlock_clockwrlock", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_rwlock_unlock(pthread_rwlock_t *l)
{
    px_sync *s;
    wf_rwmutex *m;
    ENTER(fn_rw, "pthread_rwlock_unlock", l);
    s = px_sync_get(pt, l, PXS_RWLOCK, RA);
    m = rw(s);
    if (m->writer == pt->t && m->writer_holds)
        px_op(pt, OP_WUNLOCK, s->obj, RA);
    else if (reads(m, pt))
        px_op(pt, OP_RUNLOCK, s->obj, RA);
    else
        px_panic(pt, RA,
                 "pthread_rwlock_unlock: the calling thread does not hold the "
                 "lock (\"results are undefined if the read-write lock rwlock "
                 "is not held by the calling thread\")");
    px_yield(pt);
    px_leave(pt);
    return 0;
}

/* ---- C11 mutexes and conditions ---------------------------------------- */

PX_API int mtx_init(mtx_t *m, int type)
{
    typedef int (*fn_t)(mtx_t *, int);
    ENTER(fn_t, "mtx_init", m, type);
    {
        px_sync *s = px_sync_find(m);
        if (s)
            s->destroyed = true;
        s = px_sync_make(pt, m, PXS_MUTEX, sizeof *m, RA);
        s->type = (type & mtx_recursive) ? PTHREAD_MUTEX_RECURSIVE
                                         : PTHREAD_MUTEX_NORMAL;
    }
    px_leave(pt);
    return thrd_success;
}

PX_API void mtx_destroy(mtx_t *m)
{
    typedef void (*fn_t)(mtx_t *);
    static fn_t real;
    px_task *pt = px_enter();
    px_sync *s;
    if (!pt) {
        if (!real)
            real = (fn_t)px_real("mtx_destroy");
        real(m);
        return;
    }
    s = px_mutex_get(pt, m, "mtx_destroy", RA);
    mx_destroy(pt, s, "mtx_destroy", RA);
    px_leave(pt);
}

PX_API int mtx_lock(mtx_t *m)
{
    typedef int (*fn_t)(mtx_t *);
    int r;
    ENTER(fn_t, "mtx_lock", m);
    r = mx_lock(pt, px_mutex_get(pt, m, "mtx_lock", RA), false, RA);
    px_leave(pt);
    return r ? thrd_error : thrd_success;
}

PX_API int mtx_trylock(mtx_t *m)
{
    typedef int (*fn_t)(mtx_t *);
    int r;
    ENTER(fn_t, "mtx_trylock", m);
    r = mx_lock(pt, px_mutex_get(pt, m, "mtx_trylock", RA), true, RA);
    px_leave(pt);
    return r == EBUSY ? thrd_busy : r ? thrd_error : thrd_success;
}

PX_API int mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts)
{
    typedef int (*fn_t)(mtx_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "mtx_timedlock", m, ts);
    r = mx_timedlock(pt, px_mutex_get(pt, m, "mtx_timedlock", RA),
                        px_deadline(ts), RA);
    px_leave(pt);
    return r == ETIMEDOUT ? thrd_timedout : r ? thrd_error : thrd_success;
}

PX_API int mtx_unlock(mtx_t *m)
{
    typedef int (*fn_t)(mtx_t *);
    int r;
    ENTER(fn_t, "mtx_unlock", m);
    r = mx_unlock(pt, px_mutex_get(pt, m, "mtx_unlock", RA), "mtx_unlock",
                     RA);
    px_leave(pt);
    return r ? thrd_error : thrd_success;
}

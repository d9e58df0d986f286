/* sync_wait.c: the POSIX and C11 objects a thread waits on for another
 * thread's word (see sync.c for the table of objects and the locks):
 *   cond       wf_cond over the user's mutex (the wait unlocks and takes a
 *              ticket in one step); a timed wait's timer wakes it as a
 *              spurious wakeup would.
 *   sem        a count under an internal mutex and condition.
 *   barrier    a count and a generation under the same, a mutex and
 *              condition for the even generations and another for the
 *              odd ones: a thread that leaves round k late (woken, not
 *              yet run) must not take the lock after another thread's
 *              arrival at round k+1, which would order that thread's
 *              work between the two rounds before it (round k+2 needs
 *              its own arrival at k+1 first). */
#define _GNU_SOURCE
#include "sync_int.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <string.h>
#include <threads.h>

/* ---- condition variables ----------------------------------------------- */

void px_cond_timeout(wf_engine *e, timer *tm)
{
    px_timer *t = (px_timer *)(void *)tm;
    wf_task *wt = t->pt->t;
    if (wt->op.kind == OP_COND_WAIT && wt->state == TASK_BLOCKED &&
        ((wf_cond *)wt->op.obj)->sem && !wt->in_resume) {
        t->fired = true;
        cond_sem_timeout(e, wt); /* a sem_timedwait gives up */
        return;
    }
    if (wt->op.kind == OP_COND_WAIT && wt->op.parked &&
        wt->state != TASK_DONE) {
        t->fired = true;
        cond_spurious(e, wt); /* off the ticket queue, into the relock */
    }
}

/* The cond at cv for fn: one its destroy ended is misuse until an init
 * makes it again. */
static px_sync *cond_get(px_task *pt, void *cv, const char *fn,
                         uintptr_t pc)
{
    if (!px_sync_find(cv) && px_sync_ended(cv, PXS_COND))
        px_panic(pt, pc,
                 "%s: the condition variable was destroyed (\"a destroyed "
                 "condition variable object can be reinitialized using "
                 "pthread_cond_init(); the results of otherwise referencing "
                 "the object after it has been destroyed are undefined\")",
                 fn);
    return px_sync_get(pt, cv, PXS_COND, pc);
}

/* Wait on c with user mutex s until signalled or virtual time `when`. */
static int cv_wait(px_task *pt, px_sync *c, px_sync *s, int64_t when,
                     const char *fn, uintptr_t pc)
{
    px_timer *t = NULL;
    int count;
    if (!px_owns(s, pt))
        px_panic(pt, pc,
                 "%s: the mutex is not locked by the calling thread (\"these "
                 "functions ... shall be called with mutex locked by the "
                 "calling thread or undefined behavior results\")",
                 fn);
    if (s->type == PTHREAD_MUTEX_RECURSIVE && s->count > 1)
        px_panic(pt, pc,
                 "%s: the recursive mutex is locked %lld times by the calling "
                 "thread: the wait releases one level (glibc), so the mutex "
                 "stays locked while the thread waits, and no other thread "
                 "can lock it to change the condition",
                 fn, (long long)s->count);
    if (c->c->m != px_mx(s)) {
        /* a waiter woken but still relocking is inside its wait too */
        if (c->waiters)
            px_panic(pt, pc,
                     "%s: the condition variable is used with two mutexes "
                     "(\"the effect of using more than one mutex for "
                     "concurrent pthread_cond_wait() ... operations on the "
                     "same condition variable is undefined\")",
                     fn);
        c->c->m = px_mx(s);
    }
    if (when <= px_engine()->now_ns)
        return ETIMEDOUT;
    count = (int)s->count;
    if (when != INT64_MAX)
        t = px_timer_arm(pt, when, px_cond_timeout);
    s->owner = -1;
    c->waiters++;
    px_op(pt, OP_COND_WAIT, c->c, pc);
    px_yield(pt);
    c->waiters--;
    s->owner = pt->tid;
    s->count = count; /* a recursive mutex comes back as deep as it was */
    if (t) {
        engine_timer_cancel(px_engine(), &t->tm);
        if (t->fired)
            return ETIMEDOUT;
    }
    return 0;
}

static int cv_signal(px_task *pt, void *cv, bool all, uintptr_t pc)
{
    px_sync *c = cond_get(pt, cv,
                          all ? "pthread_cond_broadcast"
                              : "pthread_cond_signal",
                          pc);
    px_op(pt, all ? OP_BROADCAST : OP_SIGNAL, c->c, pc);
    px_yield(pt);
    return 0;
}

PX_API int pthread_cond_init(pthread_cond_t *c, const pthread_condattr_t *a)
{
    typedef int (*fn_t)(pthread_cond_t *, const pthread_condattr_t *);
    ENTER(fn_t, "pthread_cond_init", c, a);
    {
        px_sync *s = px_sync_find(c);
        clockid_t clk = CLOCK_REALTIME;
        if (s)
            s->destroyed = true;
        if (a)
            pthread_condattr_getclock(a, &clk);
        /* type: the clock of its timed waits' deadlines */
        px_sync_make(pt, c, PXS_COND, sizeof *c, RA)->type = (int)clk;
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_cond_destroy(pthread_cond_t *c)
{
    typedef int (*fn_t)(pthread_cond_t *);
    ENTER(fn_t, "pthread_cond_destroy", c);
    {
        px_sync *s = cond_get(pt, c, "pthread_cond_destroy", RA);
        {
            /* a scheduling point ordered with the cond's waits and
             * signals: a wait that blocks before it is explored */
            px_op(pt, OP_DESTROY, s->c, RA);
            px_yield(pt);
            if (s->c->tickets.len)
                px_panic(pt, RA,
                         "pthread_cond_destroy: %s is blocked on the "
                         "condition variable (\"attempting to destroy a "
                         "condition variable upon which other threads are "
                         "currently blocked results in undefined "
                         "behavior\")",
                         s->c->tickets.head->task->name);
            s->destroyed = true;
            s->ended = true;
        }
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_cond_wait(pthread_cond_t *c, pthread_mutex_t *m)
{
    typedef int (*fn_t)(pthread_cond_t *, pthread_mutex_t *);
    int r;
    ENTER(fn_t, "pthread_cond_wait", c, m);
    r = cv_wait(pt, cond_get(pt, c, "pthread_cond_wait", RA),
                  px_mutex_get(pt, m, "pthread_cond_wait", RA), INT64_MAX,
                  "pthread_cond_wait", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_cond_timedwait(pthread_cond_t *c, pthread_mutex_t *m,
                                  const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_cond_t *, pthread_mutex_t *,
                        const struct timespec *);
    int r;
    px_sync *cs;
    ENTER(fn_t, "pthread_cond_timedwait", c, m, abs);
    cs = cond_get(pt, c, "pthread_cond_timedwait", RA);
    r = cv_wait(pt, cs, px_mutex_get(pt, m, "pthread_cond_timedwait", RA),
                px_abs_ns((clockid_t)cs->type, abs), "pthread_cond_timedwait",
                RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_cond_clockwait(pthread_cond_t *c, pthread_mutex_t *m,
                                  clockid_t clk, const struct timespec *abs)
{
    typedef int (*fn_t)(pthread_cond_t *, pthread_mutex_t *, clockid_t,
                        const struct timespec *);
    int64_t d;
    int r = EINVAL;
    ENTER(fn_t, "pthread_cond_clockwait", c, m, clk, abs);
    if ((d = px_clock_deadline(clk, abs)) >= 0)
        r = cv_wait(pt, cond_get(pt, c, "pthread_cond_clockwait", RA),
                    px_mutex_get(pt, m, "pthread_cond_clockwait", RA), d,
                    "pthread_cond_clockwait", RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_cond_signal(pthread_cond_t *c)
{
    typedef int (*fn_t)(pthread_cond_t *);
    int r;
    ENTER(fn_t, "pthread_cond_signal", c);
    r = cv_signal(pt, c, false, RA);
    px_leave(pt);
    return r;
}

PX_API int pthread_cond_broadcast(pthread_cond_t *c)
{
    typedef int (*fn_t)(pthread_cond_t *);
    int r;
    ENTER(fn_t, "pthread_cond_broadcast", c);
    r = cv_signal(pt, c, true, RA);
    px_leave(pt);
    return r;
}

/* ---- semaphores -------------------------------------------------------- */

/* A semaphore is one engine object with its value (cond.h's sem mode):
 * each call below is one step on it. */

static WF_NORETURN void sem_destroyed(px_task *pt, const char *fn,
                                      uintptr_t pc)
{
    px_panic(pt, pc,
             "%s: the semaphore was destroyed (\"the effect of subsequent "
             "use of the semaphore sem is undefined until sem is "
             "reinitialized by another call to sem_init()\")",
             fn);
}

static px_sync *sem_get(px_task *pt, sem_t *sem, const char *fn,
                        uintptr_t pc)
{
    px_sync *s = px_sync_find(sem);
    if (!s && px_sync_destroyed(sem, PXS_SEM))
        sem_destroyed(pt, fn, pc);
    if (!s || s->kind != PXS_SEM) {
        uint64_t w;
        s = px_sync_get(pt, sem, PXS_SEM, pc);
        /* not initialised through weft: its value is the one the memory
         * holds (glibc's count: the low 32 bits of its first word), 0
         * when never initialised, the initial value of one sem_open
         * made (a named semaphore was a count of 0: a false deadlock) */
        memcpy(&w, sem, sizeof w);
        s->c->count = (int64_t)(uint32_t)w;
    }
    return s;
}

/* One op of kind k on s for fn: a destroy may have come between the
 * lookup and the op's turn (its scheduling point). Returns the op. */
static op *sem_op(px_task *pt, px_sync *s, op_kind k, bool trying,
                  const char *fn, uintptr_t pc)
{
    op *o = px_op(pt, k, s->c, pc);
    o->has_default = trying;
    px_yield(pt);
    if (s->destroyed)
        sem_destroyed(pt, fn, pc);
    return &pt->t->op;
}

PX_API int sem_init(sem_t *sem, int pshared, unsigned value)
{
    typedef int (*fn_t)(sem_t *, int, unsigned);
    ENTER(fn_t, "sem_init", sem, pshared, value);
    {
        px_sync *s = px_sync_find(sem);
        if (s)
            s->destroyed = true;
        s = px_sync_make(pt, sem, PXS_SEM, sizeof *sem, RA);
        s->c->count = value;
    }
    px_leave(pt);
    return 0;
}

/* A thread blocked on s's sem_wait (not o): destroying s now is
 * undefined. */
static const px_task *sem_blocked(const px_sync *s, const px_task *o)
{
    for (size_t i = 0; i < px.x->tasks.len; i++) {
        const px_task *q = px.x->tasks.p[i];
        if (q && q != o && q->t && q->t->state == TASK_BLOCKED &&
            q->t->op.kind == OP_COND_WAIT && q->t->op.obj == &s->c->hdr)
            return q;
    }
    return NULL;
}

PX_API int sem_destroy(sem_t *sem)
{
    typedef int (*fn_t)(sem_t *);
    ENTER(fn_t, "sem_destroy", sem);
    {
        px_sync *s = sem_get(pt, sem, "sem_destroy", RA);
        {
            const px_task *q;
            /* a scheduling point ordered with the semaphore's other
             * operations, so that a post or wait after it is explored
             * (and reported, sem_get), and a wait blocked before it */
            sem_op(pt, s, OP_DESTROY, false, "sem_destroy", RA);
            if ((q = sem_blocked(s, pt)))
                px_panic(pt, RA,
                         "sem_destroy: %s is blocked on the semaphore "
                         "(\"the effect of destroying a semaphore upon "
                         "which other threads are currently blocked is "
                         "undefined\")",
                         q->t->name);
            s->destroyed = true;
            s->ended = true;
        }
    }
    px_leave(pt);
    return 0;
}

/* sem_wait (mode 0), sem_trywait (1), sem_timedwait (2, until when). */
static int sem_down(px_task *pt, sem_t *sem, int mode, int64_t when,
                    const char *fn, uintptr_t pc)
{
    px_sync *s = sem_get(pt, sem, fn, pc);
    px_timer *t = NULL;
    /* a timed wait past its deadline still takes a unit that is there
     * (POSIX: "the validity of the abstime need not be checked if the
     * semaphore can be locked immediately"): a try */
    bool trying = mode == 1 || (mode == 2 && when <= px_engine()->now_ns);
    bool ok;
    if (mode == 2 && !trying)
        t = px_timer_arm(pt, when, px_cond_timeout);
    ok = sem_op(pt, s, OP_COND_WAIT, trying, fn, pc)->ok;
    if (t)
        engine_timer_cancel(px_engine(), &t->tm);
    if (!ok) {
        errno = mode == 1 ? EAGAIN : ETIMEDOUT;
        return -1;
    }
    return 0;
}

PX_API int sem_wait(sem_t *sem)
{
    typedef int (*fn_t)(sem_t *);
    int r;
    ENTER(fn_t, "sem_wait", sem);
    r = sem_down(pt, sem, 0, INT64_MAX, "sem_wait", RA);
    px_leave(pt);
    return r;
}

PX_API int sem_trywait(sem_t *sem)
{
    typedef int (*fn_t)(sem_t *);
    int r;
    ENTER(fn_t, "sem_trywait", sem);
    r = sem_down(pt, sem, 1, 0, "sem_trywait", RA);
    px_leave(pt);
    return r;
}

PX_API int sem_timedwait(sem_t *sem, const struct timespec *abs)
{
    typedef int (*fn_t)(sem_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "sem_timedwait", sem, abs);
    r = sem_down(pt, sem, 2, px_deadline(abs), "sem_timedwait", RA);
    px_leave(pt);
    return r;
}

PX_API int sem_clockwait(sem_t *sem, clockid_t clk,
                         const struct timespec *abs)
{
    typedef int (*fn_t)(sem_t *, clockid_t, const struct timespec *);
    int64_t d;
    int r;
    ENTER(fn_t, "sem_clockwait", sem, clk, abs);
    if ((d = px_clock_deadline(clk, abs)) >= 0) {
        r = sem_down(pt, sem, 2, d, "sem_clockwait", RA);
    } else {
        errno = EINVAL;
        r = -1;
    }
    px_leave(pt);
    return r;
}

PX_API int sem_post(sem_t *sem)
{
    typedef int (*fn_t)(sem_t *);
    px_sync *s;
    ENTER(fn_t, "sem_post", sem);
    s = sem_get(pt, sem, "sem_post", RA);
    sem_op(pt, s, OP_SIGNAL, false, "sem_post", RA);
    px_leave(pt);
    return 0;
}

PX_API int sem_getvalue(sem_t *sem, int *v)
{
    typedef int (*fn_t)(sem_t *, int *);
    px_sync *s;
    ENTER(fn_t, "sem_getvalue", sem, v);
    s = sem_get(pt, sem, "sem_getvalue", RA);
    *v = (int)sem_op(pt, s, OP_SEM_VALUE, false, "sem_getvalue", RA)->res.i;
    px_leave(pt);
    return 0;
}

/* ---- barriers ---------------------------------------------------------- */

PX_API int pthread_barrier_init(pthread_barrier_t *b,
                                const pthread_barrierattr_t *a, unsigned n)
{
    typedef int (*fn_t)(pthread_barrier_t *, const pthread_barrierattr_t *,
                        unsigned);
    ENTER(fn_t, "pthread_barrier_init", b, a, n);
    if (!n) {
        px_leave(pt);
        return EINVAL;
    }
    {
        px_sync *s = px_sync_find(b);
        if (s)
            s->destroyed = true;
        s = px_sync_make(pt, b, PXS_BARRIER, sizeof *b, RA);
        s->limit = n;
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_barrier_destroy(pthread_barrier_t *b)
{
    typedef int (*fn_t)(pthread_barrier_t *);
    ENTER(fn_t, "pthread_barrier_destroy", b);
    {
        px_sync *s = px_sync_find(b);
        if (s && s->kind == PXS_BARRIER) {
            if (s->count)
                px_panic(pt, RA,
                         "pthread_barrier_destroy: threads are blocked on "
                         "the barrier (undefined behavior)");
            s->destroyed = true;
        }
    }
    px_leave(pt);
    return 0;
}

PX_API int pthread_barrier_wait(pthread_barrier_t *b)
{
    typedef int (*fn_t)(pthread_barrier_t *);
    px_sync *s;
    int r = 0;
    ENTER(fn_t, "pthread_barrier_wait", b);
    s = px_sync_find(b);
    if (!s || s->kind != PXS_BARRIER)
        px_panic(pt, RA,
                 "pthread_barrier_wait: the barrier was not initialized "
                 "(undefined behavior)");
    {
        bool odd = s->gen & 1;
        px_op(pt, OP_LOCK, odd ? s->m2 : s->m, RA);
        px_yield(pt);
        if (++s->count == s->limit) {
            s->count = 0;
            s->gen++;
            px_op(pt, OP_BROADCAST, odd ? s->c2 : s->c, RA);
            px_yield(pt);
            r = PTHREAD_BARRIER_SERIAL_THREAD;
        } else {
            int64_t gen = s->gen;
            while (gen == s->gen) {
                px_op(pt, OP_COND_WAIT, odd ? s->c2 : s->c, RA);
                px_yield(pt);
            }
        }
        px_op(pt, OP_UNLOCK, odd ? s->m2 : s->m, RA);
        px_yield(pt);
    }
    px_leave(pt);
    return r;
}

/* ---- C11 conditions ---------------------------------------------------- */

PX_API int cnd_init(cnd_t *c)
{
    return pthread_cond_init((pthread_cond_t *)(void *)c, NULL)
               ? thrd_error
               : thrd_success;
}

PX_API void cnd_destroy(cnd_t *c)
{
    pthread_cond_destroy((pthread_cond_t *)(void *)c);
}

PX_API int cnd_signal(cnd_t *c)
{
    return pthread_cond_signal((pthread_cond_t *)(void *)c) ? thrd_error
                                                            : thrd_success;
}

PX_API int cnd_broadcast(cnd_t *c)
{
    return pthread_cond_broadcast((pthread_cond_t *)(void *)c)
               ? thrd_error
               : thrd_success;
}

PX_API int cnd_wait(cnd_t *c, mtx_t *m)
{
    typedef int (*fn_t)(cnd_t *, mtx_t *);
    int r;
    ENTER(fn_t, "cnd_wait", c, m);
    r = cv_wait(pt, cond_get(pt, c, "cnd_wait", RA),
                  px_mutex_get(pt, m, "cnd_wait", RA), INT64_MAX, "cnd_wait",
                  RA);
    px_leave(pt);
    return r ? thrd_error : thrd_success;
}

PX_API int cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m,
                         const struct timespec *restrict ts)
{
    typedef int (*fn_t)(cnd_t *, mtx_t *, const struct timespec *);
    int r;
    ENTER(fn_t, "cnd_timedwait", c, m, ts);
    r = cv_wait(pt, cond_get(pt, c, "cnd_timedwait", RA),
                  px_mutex_get(pt, m, "cnd_timedwait", RA), px_deadline(ts),
                  "cnd_timedwait", RA);
    px_leave(pt);
    return r == ETIMEDOUT ? thrd_timedout : r ? thrd_error : thrd_success;
}

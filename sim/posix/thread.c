/* thread.c: POSIX and C11 threads as engine tasks.
 *
 * pthread_create is a spawn; the new task runs the start routine, then
 * Done on its wait group (so a join, a Wait on it, happens after all the
 * thread did); pthread_exit and exit unwind to the task's start
 * (longjmp). A pthread_t is the task's tid + 1 (never 0, the same in every
 * execution). Thread-specific data (pthread_key_*, tss_*) lives in the
 * task record. Misuse is a panic with POSIX's wording: joining a thread
 * twice, joining a detached thread or oneself, an unknown thread. */
#define _GNU_SOURCE
#include "px.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <threads.h>
#include <unistd.h>

#include "sim/once.h"

#define RA ((uintptr_t)__builtin_return_address(0))
#define KEYS_MAX 1024

/* Threads an execution may have unfinished at once (WEFT_MAX_THREADS,
 * default 256), and create in all (64 times as many): past them thread
 * creation fails (EAGAIN, thrd_nomem) as on a system out of threads, and
 * the failure is a scheduling point, so a program that retries in a loop
 * lets the others run (SV-COMP's tasks create threads in an endless loop;
 * such an execution ends at --max-steps). */
static bool out_of_threads(px_task *pt, uintptr_t pc)
{
    static int n;
    wf_engine *e = native_engine();
    if (!n) {
        const char *s = getenv("WEFT_MAX_THREADS");
        n = s && atoi(s) > 0 ? atoi(s) : 256;
    }
    if (e->nlive < n && px.x->tasks.len < (size_t)n * 64)
        return false;
    px_op(pt, OP_YIELD, NULL, pc);
    px_yield(pt);
    px_leave(pt);
    return true;
}

void px_thread_begin(void)
{
    px_exec *x = px.x;
    x->tasks.p = NULL;
    x->tasks.len = x->tasks.cap = 0;
    x->nkeys = 0;
}

static void task_register(px_task *pt)
{
    px_exec *x = px.x;
    size_t tid = (size_t)pt->tid;
    if (tid >= x->tasks.cap) {
        size_t cap = x->tasks.cap ? x->tasks.cap * 2 : 16;
        px_task **p;
        while (cap <= tid)
            cap *= 2;
        p = arena_alloc(&px.mem, cap * sizeof *p);
        if (x->tasks.len)
            memcpy(p, x->tasks.p, x->tasks.len * sizeof *p);
        x->tasks.p = p;
        x->tasks.cap = cap;
    }
    while (x->tasks.len <= tid)
        x->tasks.p[x->tasks.len++] = NULL;
    x->tasks.p[tid] = pt;
}

static px_task *task_alloc(void)
{
    px_task *pt = arena_alloc(&px.mem, sizeof *pt);
    pt->tid = -1;
    if (px.tls_size)
        pt->tls = arena_alloc(&px.mem, px.tls_size);
    return pt;
}

px_task *px_task_new(wf_task *t)
{
    px_task *pt = task_alloc();
    pt->t = t;
    pt->tid = t->tid;
    pt->ident = HASH_INIT;
    task_register(pt);
    return pt;
}

void px_unwind(px_task *pt)
{
    px_in_rt = 1;
    if (!pt->has_jb)
        wf_fatal("weft cc: a task without a start frame unwound");
    longjmp(pt->jb, 1);
}

/* Run the destructors of pt's thread-specific data (POSIX: up to
 * PTHREAD_DESTRUCTOR_ITERATIONS rounds while values remain). */
static void tsd_destroy(px_task *pt)
{
    px_exec *x = px.x;
    for (int round = 0; round < 4; round++) {
        bool any = false;
        for (size_t k = 0; k < pt->ntsd; k++) {
            void *v = pt->tsd[k];
            if (!v || !x->key_used[k] || !x->key_dtor[k])
                continue;
            pt->tsd[k] = NULL;
            any = true;
            px_in_rt = 0;
            x->key_dtor[k](v);
            px_in_rt = 1;
        }
        if (!any)
            break;
    }
}

/* The end of a thread: its destructors, then Done for its joiners. */
static void thread_finish(px_task *pt)
{
    op *o;
    tsd_destroy(pt);
    pt->exited = true; /* its stack is dead from here (access.c) */
    px_stack_end(pt);
    o = px_op(pt, OP_WG_ADD, pt->done, 0);
    o->val = value_int(-1);
    o->done = true;
    px_yield(pt);
}

/* A task's stack may be an ended task's (the engine's pool reuses them):
 * zero what lies below the caller's frame, as a fresh thread's stack
 * is, so what a slot read before it is written holds is the same in
 * every execution (the await check hashes the stack; left-over values
 * made it decide differently from one execution to the next). Whole
 * pages go back to the kernel (refilled with zeros when touched: the
 * cost is the pages the last task used). Called near the stack's top. */
static __attribute__((noinline)) void fresh_stack(const wf_task *t)
{
    uintptr_t lo, hi, sp = (uintptr_t)__builtin_frame_address(0) - 512;
    uintptr_t page = (uintptr_t)sysconf(_SC_PAGESIZE), top;
    if (!native_stack_of(t, &lo, &hi) || sp <= lo || sp > hi)
        return;
    top = sp & ~(page - 1);
    if (top > lo)
        madvise((void *)lo, top - lo, MADV_DONTNEED);
    memset((void *)(top > lo ? top : lo), 0, sp - (top > lo ? top : lo));
}

/* A new thread's first code: its task record was made by its creator. */
static void thread_main(void *arg)
{
    px_task *pt = arg;
    wf_engine *e = native_engine();
    px_in_rt = 1;
    pt->t = e->cur;
    pt->tid = e->cur->tid;
    task_register(pt);
    {
        /* its stack may be an ended thread's, whose accesses are no
         * history of this one (as TSan clears a new thread's stack):
         * GenMC's indexer, 8 threads, raced on "g5's stack" */
        uintptr_t lo, hi;
        if (native_stack_of(e->cur, &lo, &hi))
            px_forget(lo, hi - lo);
        fresh_stack(e->cur);
    }
    px_tls_start(pt);
    errno = 0;
    if (!setjmp(pt->jb)) {
        pt->has_jb = true;
        px_in_rt = 0;
        if (pt->c11) {
            int (*f)(void *) = (int (*)(void *))(void (*)(void))pt->start;
            int r = f(pt->arg);
            pt->result = (void *)(intptr_t)r;
        } else {
            pt->result = pt->start(pt->arg);
        }
        px_in_rt = 1;
    }
    if (px.x->exiting) {
        px_in_rt = 0;
        return; /* exit() was called here: the execution is over */
    }
    thread_finish(pt);
    px_in_rt = 0;
}

void px_main_task(void *arg)
{
    wf_engine *e = native_engine();
    px_task *pt;
    (void)arg;
    px_in_rt = 1;
    fresh_stack(e->cur);
    pt = px_task_new(e->cur);
    px_tls_start(pt);
    if (!setjmp(pt->jb)) {
        int r;
        pt->has_jb = true;
        px_in_rt = 0;
        r = px.real_main(px.prog_argc, px.prog_argv, px.envp);
        px_in_rt = 1;
        px_exit(pt, 0, r);
    }
    /* exit() anywhere, or pthread_exit in main: the others run on, and
     * the process with them until the last thread ends (POSIX), so main's
     * end is then a thread's, not the program's: its output goes on */
    if (!px.x->exiting) {
        tsd_destroy(pt);
        pt->exited = true;
        pt->t->main_task = false;
    }
    px_in_rt = 0;
}

/* ---- creating ------------------------------------------------------------ */

static int spawn(px_task *pt, px_task *child, uintptr_t pc)
{
    wf_engine *e = px_engine();
    native_start ns = {thread_main, child};
    const char *name = px_sym_of((uintptr_t)(void *)child->start, NULL, NULL);
    op *o;
    child->ident = hash_u64(pt->ident, ++pt->nspawned);
    child->done = waitgroup_new(e, "", NULL, 0);
    child->done->count = 1; /* its thread's Done ends it */
    o = px_op(pt, OP_SPAWN, NULL, pc);
    o->spawn_drv = &native_driver;
    o->spawn_arg = &ns;
    o->spawn_name = name ? name : "thread";
    px_yield(pt);
    {
        wf_task *t = (wf_task *)(uintptr_t)pt->t->op.res.x;
        if (child->tid < 0) {
            child->t = t;
            child->tid = t->tid;
            task_register(child);
        }
    }
    {
        /* what a join waits for, as reports name it */
        char b[160];
        snprintf(b, sizeof b, "the end of g%d %s", (int)child->tid,
                 name ? name : "thread");
        child->done->hdr.name = arena_strdup(&e->mem, b);
        child->done->join_tid = child->tid;
    }
    return child->tid;
}

PX_API int pthread_create(pthread_t *th, const pthread_attr_t *attr,
                          void *(*start)(void *), void *arg)
{
    static int (*real)(pthread_t *, const pthread_attr_t *,
                       void *(*)(void *), void *);
    px_task *pt = px_enter(), *child;
    int tid;
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_t *, const pthread_attr_t *,
                            void *(*)(void *), void *))px_real(
                "pthread_create");
        return real(th, attr, start, arg);
    }
    if (out_of_threads(pt, RA))
        return EAGAIN;
    child = task_alloc();
    child->start = start;
    child->arg = arg;
    if (attr) {
        int ds = PTHREAD_CREATE_JOINABLE;
        pthread_attr_getdetachstate(attr, &ds);
        child->detached = ds == PTHREAD_CREATE_DETACHED;
    }
    tid = spawn(pt, child, RA);
    *th = (pthread_t)(tid + 1);
    px_leave(pt);
    return 0;
}

/* The task of handle h, or NULL. */
static px_task *task_of(unsigned long h)
{
    px_exec *x = px.x;
    if (!h || h > x->tasks.len)
        return NULL;
    return x->tasks.p[h - 1];
}

/* Join thread h: 0 and its result in *res, or EDEADLK when h is the
 * caller (glibc detects it, as POSIX allows: no finding, a program may
 * check for it; one that ignores it goes on unordered with the thread it
 * meant, which the race check sees). */
static int join(px_task *pt, unsigned long h, const char *fn, uintptr_t pc,
                void **res)
{
    px_task *tt = task_of(h);
    if (!tt)
        px_panic(pt, pc,
                 "%s: no thread with this ID (ESRCH): the thread was never "
                 "created in this execution",
                 fn);
    if (tt == pt)
        return EDEADLK;
    if (tt->detached)
        px_panic(pt, pc,
                 "%s: the thread is detached (EINVAL: \"the value specified "
                 "by thread does not refer to a joinable thread\")",
                 fn);
    if (tt->joined)
        px_panic(pt, pc,
                 "%s: the thread was already joined (joining a thread twice "
                 "is undefined: \"the behavior is undefined if the value "
                 "specified by the thread argument does not refer to a "
                 "joinable thread\")",
                 fn);
    tt->joined = true;
    px_op(pt, OP_WG_WAIT, tt->done, pc);
    px_yield(pt);
    *res = tt->result;
    return 0;
}

PX_API int pthread_join(pthread_t th, void **ret)
{
    static int (*real)(pthread_t, void **);
    px_task *pt = px_enter();
    void *r;
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_t, void **))px_real("pthread_join");
        return real(th, ret);
    }
    if (join(pt, (unsigned long)th, "pthread_join", RA, &r)) {
        px_leave(pt);
        return EDEADLK;
    }
    if (ret)
        *ret = r;
    px_leave(pt);
    return 0;
}

static int detach(px_task *pt, unsigned long h, const char *fn, uintptr_t pc)
{
    px_task *tt = task_of(h);
    if (!tt)
        px_panic(pt, pc, "%s: no thread with this ID (ESRCH)", fn);
    if (tt->detached || tt->joined)
        px_panic(pt, pc,
                 "%s: the thread is not joinable (EINVAL): it was already "
                 "%s",
                 fn, tt->detached ? "detached" : "joined");
    tt->detached = true;
    return 0;
}

PX_API int pthread_detach(pthread_t th)
{
    static int (*real)(pthread_t);
    px_task *pt = px_enter();
    int r;
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_t))px_real("pthread_detach");
        return real(th);
    }
    r = detach(pt, (unsigned long)th, "pthread_detach", RA);
    px_leave(pt);
    return r;
}

PX_API pthread_t pthread_self(void)
{
    static pthread_t (*real)(void);
    px_task *pt = px_enter();
    pthread_t r;
    if (!pt) {
        if (!real)
            real = (pthread_t(*)(void))px_real("pthread_self");
        return real();
    }
    r = (pthread_t)(pt->tid + 1);
    px_leave(pt);
    return r;
}

PX_API int pthread_equal(pthread_t a, pthread_t b)
{
    return a == b;
}

/* ---- cleanup handlers ------------------------------------------------------ */

/* glibc's pthread_cleanup_push in C: the macro sigsetjmps into a buffer
 * on the pusher's frame and registers it; pop unregisters it (and runs
 * the routine itself if asked). pthread_exit unwinds through them:
 * longjmp into the innermost, whose macro code runs the routine and
 * calls __pthread_unwind_next, on to the next one, until the thread's
 * start. libc's own would chain them on the one OS thread every task
 * runs on, so each task keeps its own chain. */
void __pthread_register_cancel(__pthread_unwind_buf_t *cb);
void __pthread_unregister_cancel(__pthread_unwind_buf_t *cb);
WF_NORETURN void __pthread_unwind_next(__pthread_unwind_buf_t *cb);

/* Go on unwinding pt for pthread_exit: into its innermost cleanup
 * handler, or to its start when none is left. */
WF_NORETURN static void unwind_cleanup(px_task *pt)
{
    __pthread_unwind_buf_t *b = pt->cleanup;
    if (!b)
        px_unwind(pt);
    /* the frames below the pusher's are gone (the buffer lies in it) */
    while (pt->nframes && pt->frames[pt->nframes - 1].cfa <= (uintptr_t)b)
        pt->nframes--;
    {
        /* the buffer is the start of a jmp_buf (no signal mask saved) */
        struct __jmp_buf_tag *jb = (struct __jmp_buf_tag *)(void *)b;
        __asm__("" : "+r"(jb)); /* not the whole jmp_buf: never read */
        px_in_rt = 0;
        longjmp(jb, 1);
    }
}

PX_API void __pthread_register_cancel(__pthread_unwind_buf_t *cb)
{
    static void (*real)(__pthread_unwind_buf_t *);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(__pthread_unwind_buf_t *))px_real(
                "__pthread_register_cancel");
        real(cb);
        return;
    }
    cb->__pad[0] = pt->cleanup;
    pt->cleanup = cb;
    px_leave(pt);
}

PX_API void __pthread_unregister_cancel(__pthread_unwind_buf_t *cb)
{
    static void (*real)(__pthread_unwind_buf_t *);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(__pthread_unwind_buf_t *))px_real(
                "__pthread_unregister_cancel");
        real(cb);
        return;
    }
    pt->cleanup = cb->__pad[0];
    px_leave(pt);
}

PX_API void __pthread_unwind_next(__pthread_unwind_buf_t *cb)
{
    static void (*real)(__pthread_unwind_buf_t *);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(__pthread_unwind_buf_t *))px_real(
                "__pthread_unwind_next");
        real(cb);
        abort();
    }
    pt->cleanup = cb->__pad[0];
    unwind_cleanup(pt);
}

PX_API void pthread_exit(void *ret)
{
    static void (*real)(void *);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(void *))px_real("pthread_exit");
        real(ret);
        abort();
    }
    pt->result = ret;
    unwind_cleanup(pt);
}

/* The kernel's thread id: every task runs on the process's one thread,
 * so each is given its own, main's the process id as natively (a table
 * keyed by gettid saw one thread). */
pid_t gettid(void);
PX_API pid_t gettid(void)
{
    static pid_t (*real)(void);
    px_task *pt = px_enter();
    pid_t r;
    if (!pt) {
        if (!real)
            real = (pid_t (*)(void))px_real("gettid");
        return real();
    }
    r = getpid() + (pid_t)pt->tid;
    px_leave(pt);
    return r;
}

PX_API int pthread_cancel(pthread_t th)
{
    px_task *pt = px_enter();
    if (!pt)
        return ENOSYS;
    (void)th;
    px_unsupported(pt, RA, "pthread_cancel", "thread cancellation");
}

PX_API int pthread_tryjoin_np(pthread_t th, void **ret)
{
    px_task *pt = px_enter();
    if (!pt)
        return ENOSYS;
    (void)th, (void)ret;
    px_unsupported(pt, RA, "pthread_tryjoin_np", "a join that may fail");
}

PX_API int pthread_timedjoin_np(pthread_t th, void **ret,
                                const struct timespec *abs)
{
    px_task *pt = px_enter();
    if (!pt)
        return ENOSYS;
    (void)th, (void)ret, (void)abs;
    px_unsupported(pt, RA, "pthread_timedjoin_np", "a join that may time out");
}

PX_API int pthread_kill(pthread_t th, int sig)
{
    px_task *pt = px_enter();
    px_task *tt;
    if (!pt)
        return ENOSYS;
    if (sig)
        px_unsupported(pt, RA, "pthread_kill", "signals");
    tt = task_of((unsigned long)th); /* signal 0: does the thread exist? */
    px_leave(pt);
    return tt ? 0 : ESRCH;
}

/* A new process: the child would be a copy of the program mid-execution,
 * running on without the scheduler (and explore its own executions), so
 * a program that forks is refused, as the calls above are. */
static pid_t no_fork(uintptr_t pc, const char *name)
{
    px_task *pt = px_enter();
    if (!pt) {
        static pid_t (*real)(void);
        if (!real)
            real = (pid_t (*)(void))px_real("fork");
        return real();
    }
    px_unsupported(pt, pc, name, "processes");
}

PX_API pid_t fork(void)
{
    return no_fork(RA, "fork");
}

/* vfork's child shares the parent's memory: outside an execution, fork
 * does what a program may rely on */
PX_API pid_t vfork(void)
{
    return no_fork(RA, "vfork");
}

/* Thread names and placement mean nothing to the scheduler: accepted, and
 * a name reads back empty. */
/* A thread's name, as the kernel keeps it: at most 15 bytes, the
 * program's own name until pthread_setname_np changes it (the calls were
 * no-ops and the name read back was empty). */
PX_API int pthread_setname_np(pthread_t th, const char *name)
{
    px_task *pt = px_enter(), *tt;
    int r = 0;
    if (!pt) {
        typedef int (*fn_t)(pthread_t, const char *);
        static fn_t real;
        if (!real)
            real = (fn_t)px_real("pthread_setname_np");
        return real(th, name);
    }
    if (!(tt = task_of((unsigned long)th)))
        r = ESRCH;
    else if (strlen(name) >= sizeof tt->comm)
        r = ERANGE;
    else
        strcpy(tt->comm, name);
    px_leave(pt);
    return r;
}

PX_API int pthread_getname_np(pthread_t th, char *to, size_t n)
{
    px_task *pt = px_enter(), *tt;
    int r = 0;
    if (!pt) {
        typedef int (*fn_t)(pthread_t, char *, size_t);
        static fn_t real;
        if (!real)
            real = (fn_t)px_real("pthread_getname_np");
        return real(th, to, n);
    }
    if (!(tt = task_of((unsigned long)th))) {
        r = ESRCH;
    } else if (n < sizeof tt->comm) {
        r = ERANGE;
    } else {
        const char *s = tt->comm[0] ? tt->comm : program_invocation_short_name;
        size_t k = strnlen(s, sizeof tt->comm - 1);
        memcpy(to, s, k);
        to[k] = 0;
    }
    px_leave(pt);
    return r;
}

PX_API int sched_yield(void)
{
    px_task *pt = px_enter();
    if (!pt)
        return 0;
    px_op(pt, OP_YIELD, NULL, RA)->polite = true;
    px_yield(pt);
    px_leave(pt);
    return 0;
}

/* ---- once ------------------------------------------------------------------ */

static void once(px_task *pt, void *ctl, void (*fn)(void), uintptr_t pc)
{
    px_sync *s = px_sync_get(pt, ctl, PXS_ONCE, pc);
    px_op(pt, OP_ONCE, s->obj, pc);
    px_yield(pt);
    if (!pt->t->op.ok)
        return;
    px_in_rt = 0;
    fn();
    px_in_rt = 1;
    px_op(pt, OP_ONCE_END, s->obj, pc);
    px_yield(pt);
}

PX_API int pthread_once(pthread_once_t *ctl, void (*fn)(void))
{
    static int (*real)(pthread_once_t *, void (*)(void));
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_once_t *, void (*)(void)))px_real(
                "pthread_once");
        return real(ctl, fn);
    }
    once(pt, ctl, fn, RA);
    px_leave(pt);
    return 0;
}

PX_API void call_once(once_flag *flag, void (*fn)(void))
{
    static void (*real)(once_flag *, void (*)(void));
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(once_flag *, void (*)(void)))px_real(
                "call_once");
        real(flag, fn);
        return;
    }
    once(pt, flag, fn, RA);
    px_leave(pt);
}

/* ---- thread-specific data ----------------------------------------------- */

static int key_create(unsigned *key, void (*dtor)(void *))
{
    px_exec *x = px.x;
    int k;
    for (k = 0; k < KEYS_MAX && x->key_used[k]; k++)
        ;
    if (k == KEYS_MAX)
        return EAGAIN;
    x->key_used[k] = true;
    x->key_dtor[k] = dtor;
    if (k >= x->nkeys)
        x->nkeys = k + 1;
    for (size_t i = 0; i < x->tasks.len; i++) /* POSIX: NULL in every one */
        if (x->tasks.p[i] && (size_t)k < x->tasks.p[i]->ntsd)
            x->tasks.p[i]->tsd[k] = NULL;
    *key = (unsigned)k;
    return 0;
}

static void tsd_set(px_task *pt, unsigned k, const void *v)
{
    if (k >= pt->ntsd) {
        size_t n = pt->ntsd ? pt->ntsd * 2 : 16;
        void **p;
        while (n <= k)
            n *= 2;
        p = arena_alloc(&px.mem, n * sizeof *p);
        if (pt->ntsd)
            memcpy(p, pt->tsd, pt->ntsd * sizeof *p);
        pt->tsd = p;
        pt->ntsd = n;
    }
    pt->tsd[k] = (void *)(uintptr_t)v;
}

PX_API int pthread_key_create(pthread_key_t *key, void (*dtor)(void *))
{
    static int (*real)(pthread_key_t *, void (*)(void *));
    px_task *pt = px_enter();
    unsigned k = 0;
    int r;
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_key_t *, void (*)(void *)))px_real(
                "pthread_key_create");
        return real(key, dtor);
    }
    r = key_create(&k, dtor);
    *key = (pthread_key_t)k;
    px_leave(pt);
    return r;
}

PX_API int pthread_key_delete(pthread_key_t key)
{
    static int (*real)(pthread_key_t);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_key_t))px_real("pthread_key_delete");
        return real(key);
    }
    if (key < KEYS_MAX)
        px.x->key_used[key] = false;
    px_leave(pt);
    return 0;
}

PX_API void *pthread_getspecific(pthread_key_t key)
{
    static void *(*real)(pthread_key_t);
    px_task *pt = px_enter();
    void *v = NULL;
    if (!pt) {
        if (!real)
            real = (void *(*)(pthread_key_t))px_real("pthread_getspecific");
        return real(key);
    }
    if (key < pt->ntsd)
        v = pt->tsd[key];
    px_leave(pt);
    return v;
}

PX_API int pthread_setspecific(pthread_key_t key, const void *v)
{
    static int (*real)(pthread_key_t, const void *);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (int (*)(pthread_key_t, const void *))px_real(
                "pthread_setspecific");
        return real(key, v);
    }
    if (key >= KEYS_MAX || !px.x->key_used[key]) {
        px_leave(pt);
        return EINVAL;
    }
    tsd_set(pt, key, v);
    px_leave(pt);
    return 0;
}

/* ---- C11 threads ------------------------------------------------------------ */

PX_API int thrd_create(thrd_t *thr, thrd_start_t fn, void *arg)
{
    static int (*real)(thrd_t *, thrd_start_t, void *);
    px_task *pt = px_enter(), *child;
    int tid;
    if (!pt) {
        if (!real)
            real = (int (*)(thrd_t *, thrd_start_t, void *))px_real(
                "thrd_create");
        return real(thr, fn, arg);
    }
    if (out_of_threads(pt, RA))
        return thrd_nomem;
    child = task_alloc();
    child->start = (void *(*)(void *))(void (*)(void))fn;
    child->arg = arg;
    child->c11 = true;
    tid = spawn(pt, child, RA);
    *thr = (thrd_t)(tid + 1);
    px_leave(pt);
    return thrd_success;
}

PX_API int thrd_join(thrd_t thr, int *res)
{
    static int (*real)(thrd_t, int *);
    px_task *pt = px_enter();
    void *r;
    if (!pt) {
        if (!real)
            real = (int (*)(thrd_t, int *))px_real("thrd_join");
        return real(thr, res);
    }
    if (join(pt, (unsigned long)thr, "thrd_join", RA, &r)) {
        px_leave(pt);
        return thrd_error;
    }
    if (res)
        *res = (int)(intptr_t)r;
    px_leave(pt);
    return thrd_success;
}

PX_API int thrd_detach(thrd_t thr)
{
    static int (*real)(thrd_t);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (int (*)(thrd_t))px_real("thrd_detach");
        return real(thr);
    }
    detach(pt, (unsigned long)thr, "thrd_detach", RA);
    px_leave(pt);
    return thrd_success;
}

PX_API thrd_t thrd_current(void)
{
    return (thrd_t)pthread_self();
}

PX_API int thrd_equal(thrd_t a, thrd_t b)
{
    return a == b;
}

PX_API void thrd_exit(int res)
{
    static void (*real)(int);
    px_task *pt = px_enter();
    if (!pt) {
        if (!real)
            real = (void (*)(int))px_real("thrd_exit");
        real(res);
        abort();
    }
    pt->result = (void *)(intptr_t)res;
    px_unwind(pt);
}

PX_API void thrd_yield(void)
{
    sched_yield();
}

PX_API int tss_create(tss_t *key, tss_dtor_t dtor)
{
    static int (*real)(tss_t *, tss_dtor_t);
    px_task *pt = px_enter();
    unsigned k = 0;
    int r;
    if (!pt) {
        if (!real)
            real = (int (*)(tss_t *, tss_dtor_t))px_real("tss_create");
        return real(key, dtor);
    }
    r = key_create(&k, dtor);
    *key = (tss_t)k;
    px_leave(pt);
    return r ? thrd_error : thrd_success;
}

PX_API void tss_delete(tss_t key)
{
    pthread_key_delete((pthread_key_t)key);
}

PX_API void *tss_get(tss_t key)
{
    return pthread_getspecific((pthread_key_t)key);
}

PX_API int tss_set(tss_t key, void *v)
{
    return pthread_setspecific((pthread_key_t)key, v) ? thrd_error
                                                      : thrd_success;
}

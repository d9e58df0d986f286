/* native.c: see native.h. */
#define _GNU_SOURCE
#include "native.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if !defined(WF_SWITCH_FALLBACK) && !defined(__x86_64__) &&                   \
    !defined(__aarch64__)
#define WF_SWITCH_FALLBACK 1
#endif
#include <stdint.h>
#include <ucontext.h> /* the switch's fallback, and a fault's context */

#if defined(__SANITIZE_ADDRESS__)
#define WF_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WF_ASAN 1
#endif
#endif
#ifdef WF_ASAN
#include <sanitizer/asan_interface.h>
#include <sanitizer/common_interface_defs.h>
#endif

#define DEFAULT_STACK (256 * 1024)
#define GUARD_SIZE    (64 * 1024) /* catches frames up to this big */
/* Stack a task must have left for the engine to run on from it
 * (native_yield): the engine's deepest path between two resumptions (a
 * panic's report, a spawn, the strategy's choose) takes a few KiB; the
 * rest is margin, larger under ASan's bigger frames. */
#ifdef WF_ASAN
#define ENGINE_ROOM (128 * 1024)
#else
#define ENGINE_ROOM (32 * 1024)
#endif

typedef struct native_stack {
    struct native_stack *next;
    char *map;   /* guard region starts here */
    char *lo;    /* usable stack [lo, lo + size) */
    size_t size; /* usable bytes */
} native_stack;

struct native_pool {
    size_t size, guard;
    native_stack *free;
    void *sched_sp; /* the scheduler's saved context while a task runs */
#ifdef WF_SWITCH_FALLBACK
    ucontext_t sched_uc;
#endif
#ifdef WF_ASAN
    void *fake;
    const void *sched_bottom;
    size_t sched_size;
    bool from_sched; /* the switch landing now comes from the scheduler */
#endif
};

typedef struct native_task {
    wf_task *t;
    native_pool *pool;
    native_stack *st;
    void (*fn)(void *);
    void *arg;
    void *sp;
#ifdef WF_SWITCH_FALLBACK
    ucontext_t uc;
#endif
#ifdef WF_ASAN
    void *fake;
#endif
    char msg[200]; /* the overflow's or crash's report */
} native_task;

void wf_ctx_switch(void **save_sp, void *load_sp);
void wf_ctx_trampoline(void);

static _Thread_local wf_engine *tls_engine;
static _Thread_local bool tls_in_task;
#ifdef WF_SWITCH_FALLBACK
static _Thread_local native_task *tls_starting; /* ucontext entry */
#endif
static _Thread_local void *tls_altstack;

const char *native_switch_name(void)
{
#ifdef WF_SWITCH_FALLBACK
    return "ucontext";
#elif defined(__x86_64__)
    return "x86_64";
#else
    return "aarch64";
#endif
}

/* ---- stacks ------------------------------------------------------------ */

static native_pool *pool_new(size_t size)
{
    native_pool *p = wf_xcalloc(1, sizeof *p);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    if (!size)
        size = DEFAULT_STACK;
    p->size = (size + page - 1) / page * page;
    p->guard = (GUARD_SIZE + page - 1) / page * page;
    return p;
}

void native_pool_free(native_pool *p)
{
    native_stack *s, *next;
    if (!p)
        return;
    for (s = p->free; s; s = next) {
        next = s->next;
#ifdef WF_ASAN
        __asan_unpoison_memory_region(s->lo, s->size);
#endif
        munmap(s->map, p->guard + s->size);
        free(s);
    }
    free(p);
}

static native_stack *stack_get(native_pool *p)
{
    native_stack *s = p->free;
    if (s) {
        p->free = s->next;
#ifdef WF_ASAN
        __asan_unpoison_memory_region(s->lo, s->size);
#endif
        return s;
    }
    s = wf_xcalloc(1, sizeof *s);
    s->size = p->size;
    s->map = mmap(NULL, p->guard + p->size, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1,
                  0);
    if (s->map == MAP_FAILED)
        wf_fatal("cannot map a %zu-byte task stack", p->size);
    if (mprotect(s->map, p->guard, PROT_NONE) != 0)
        wf_fatal("cannot protect a task stack's guard page");
    s->lo = s->map + p->guard;
#ifdef WF_ASAN
    /* the mapping may reuse addresses of a stack unmapped earlier (another
     * engine's pool) whose shadow still holds the redzones of frames
     * abandoned on it: ASan does not clear shadow on munmap */
    __asan_unpoison_memory_region(s->lo, s->size);
#endif
    return s;
}

static void stack_put(native_pool *p, native_stack *s)
{
    s->next = p->free;
    p->free = s;
}

/* ---- faults: stack overflow, and crashes of the program's own code ------ */

static struct sigaction old_segv, old_bus, old_fpe, old_ill;

static void switch_to_scheduler(native_task *nt);

/* The machine address the fault happened at, from the signal's context
 * (0: not known here). */
static uintptr_t fault_pc(const void *uc)
{
#if defined(__x86_64__) && defined(REG_RIP)
    return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    return (uintptr_t)((const ucontext_t *)uc)->uc_mcontext.pc;
#else
    (void)uc;
    return 0;
#endif
}

/* What the program did, as a C programmer names it. Addresses are named
 * only when they are a null pointer's small offsets: any other differs
 * from process to process, and a finding's text must not. */
static void crash_text(char *out, size_t n, int sig, const siginfo_t *si,
                       const char *who)
{
    uintptr_t a = (uintptr_t)si->si_addr;
    switch (sig) {
    case SIGSEGV:
    case SIGBUS:
        if (a < 4096)
            snprintf(out, n, "%s: %s dereferenced a null pointer "
                             "(address 0x%lx)",
                     sig == SIGSEGV ? "SIGSEGV" : "SIGBUS", who,
                     (unsigned long)a);
        else
            snprintf(out, n, "%s: %s accessed invalid memory",
                     sig == SIGSEGV ? "SIGSEGV" : "SIGBUS", who);
        break;
    case SIGFPE:
        snprintf(out, n, "SIGFPE: %s %s", who,
                 si->si_code == FPE_INTDIV ? "divided an integer by zero"
                 : si->si_code == FPE_INTOVF
                     ? "overflowed an integer division"
                     : "raised an arithmetic exception");
        break;
    default:
        snprintf(out, n, "SIGILL: %s executed an illegal instruction", who);
        break;
    }
}

static void restore_faults(void)
{
    sigaction(SIGSEGV, &old_segv, NULL);
    sigaction(SIGBUS, &old_bus, NULL);
    sigaction(SIGFPE, &old_fpe, NULL);
    sigaction(SIGILL, &old_ill, NULL);
}

/* A crash of weft's own code (who: where it ran): an internal error, exit
 * 3, never the program's finding. With WF_ABORT set the fault recurs as it
 * came instead, for a debugger or a core file. */
static void internal_crash(int sig, const siginfo_t *si, const char *who)
{
    char msg[256];
    if (getenv("WF_ABORT")) {
        restore_faults();
        return;
    }
    crash_text(msg, sizeof msg, sig, si, "weft");
    wf_fatal("%s, in weft's own code %s (a bug in weft, not in the "
             "program)",
             msg, who);
}

/* A fault in a task's code: its stack overflowed (the guard page), or the
 * program crashed (a null or wild pointer, a division by zero, a trap;
 * abort() the C runtime takes itself).
 * Either ends the task with a panic, as the process would have died:
 * the execution ends there with its finding, and the search goes on. A
 * fault in the front end's own runtime code (its fault_site hook says so)
 * is weft's internal error (exit 3); one outside a task is passed on as
 * it came. */
static void on_fault(int sig, siginfo_t *si, void *uc)
{
    wf_engine *e = tls_engine;
    if (e && tls_in_task && e->cur && e->cur->drv == &native_driver) {
        wf_task *t = e->cur;
        native_task *nt = t->drv_data;
        char *a = si->si_addr;
        if (nt) {
            if ((sig == SIGSEGV || sig == SIGBUS) && a >= nt->st->map &&
                a < nt->st->lo) {
                snprintf(nt->msg, sizeof nt->msg,
                         "stack overflow: %s exceeded its %zu KiB stack "
                         "(set wf_options.stack_size)",
                         t->name, nt->st->size / 1024);
                t->overflowed = true;
                t->op.file = NULL;
                t->op.line = 0;
            } else {
                uintptr_t pc = fault_pc(uc);
                crash_text(nt->msg, sizeof nt->msg, sig, si, t->name);
                t->op.file = NULL;
                t->op.line = 0;
                /* +1: the hook, as for return addresses, looks up the
                 * instruction before the address it is given */
                if (pc && e->fe.fault_site &&
                    !e->fe.fault_site(e->fe.ctx, pc + 1, &t->op.file,
                                      &t->op.line)) {
                    char who[160];
                    snprintf(who, sizeof who, "(its runtime, while %s ran)",
                             t->name);
                    internal_crash(sig, si, who);
                    return;
                }
            }
            t->op.kind = OP_PANIC;
            t->op.text = nt->msg;
            tls_in_task = false;
#ifdef WF_ASAN
            /* leaving the task for good, as task_main does at its end */
            __sanitizer_start_switch_fiber(NULL, nt->pool->sched_bottom,
                                           nt->pool->sched_size);
#endif
            switch_to_scheduler(nt); /* never returns */
        }
    }
    /* Not ours: restore the previous disposition and let the fault recur. */
    restore_faults();
}

/* Once per thread (its alternate signal stack), and once per process
 * (the handler). Called when tls_altstack is NULL, so not on every resume:
 * an atomic increment there cost a locked instruction per step and, after
 * 2^32 resumes, wrapped to 0 and installed the handler over itself (a real
 * crash would then loop in it). */
static void install_fault_handler(void)
{
    static _Atomic int installed; /* process-wide, once */
    struct sigaction sa;
    stack_t ss;
    size_t n = 64 * 1024;
    tls_altstack = wf_xmalloc(n);
    ss.ss_sp = tls_altstack;
    ss.ss_size = n;
    ss.ss_flags = 0;
    sigaltstack(&ss, NULL);
    if (installed++)
        return;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGSEGV, &sa, &old_segv);
    sigaction(SIGBUS, &sa, &old_bus);
    sigaction(SIGFPE, &sa, &old_fpe);
    sigaction(SIGILL, &sa, &old_ill);
}

/* ---- switching --------------------------------------------------------- */

#ifdef WF_ASAN
/* Landed on nt's stack (fake: its saved fake stack, NULL when new); learn
 * the scheduler's stack when it switched here, as only it knows it. */
static void asan_landed(native_task *nt, void *fake)
{
    native_pool *p = nt->pool;
    if (p->from_sched)
        __sanitizer_finish_switch_fiber(fake, &p->sched_bottom,
                                        &p->sched_size);
    else
        __sanitizer_finish_switch_fiber(fake, NULL, NULL);
}
#endif

static void task_main(native_task *nt)
{
#ifdef WF_ASAN
    asan_landed(nt, NULL);
#endif
    tls_in_task = true; /* also when started by another task's switch */
    nt->fn(nt->arg);
    nt->t->op.kind = OP_EXIT;
    nt->t->op.file = NULL;
    nt->t->op.line = 0;
    tls_in_task = false;
#ifdef WF_ASAN
    __sanitizer_start_switch_fiber(NULL, nt->pool->sched_bottom,
                                   nt->pool->sched_size);
#endif
    switch_to_scheduler(nt);
    wf_fatal("an exited task was resumed");
}

#ifdef WF_SWITCH_FALLBACK
static void uc_entry(void)
{
    task_main(tls_starting);
}
#else
static void asm_entry(void *p)
{
    task_main(p);
}
#endif

static void switch_to_scheduler(native_task *nt)
{
#ifdef WF_SWITCH_FALLBACK
    swapcontext(&nt->uc, &nt->pool->sched_uc);
#else
    wf_ctx_switch(&nt->sp, nt->pool->sched_sp);
#endif
}

static void native_start_task(wf_engine *e, wf_task *t, void *arg)
{
    native_start *s = arg;
    native_task *nt = arena_alloc(&e->mem, sizeof *nt);
    if (!e->natives)
        e->natives = pool_new(e->cfg.stack_size);
    nt->t = t;
    nt->pool = e->natives;
    nt->st = stack_get(e->natives);
    nt->fn = s->fn;
    nt->arg = s->arg;
#ifdef WF_SWITCH_FALLBACK
    getcontext(&nt->uc);
    nt->uc.uc_stack.ss_sp = nt->st->lo;
    nt->uc.uc_stack.ss_size = nt->st->size;
    nt->uc.uc_link = NULL;
    makecontext(&nt->uc, uc_entry, 0);
#elif defined(__x86_64__)
    {
        uintptr_t top = ((uintptr_t)(nt->st->lo + nt->st->size) & ~(uintptr_t)15)
                        - 16;
        void **sp = (void **)(top - 7 * sizeof(void *));
        sp[0] = NULL;                       /* r15 */
        sp[1] = NULL;                       /* r14 */
        sp[2] = (void *)(uintptr_t)asm_entry; /* r13: entry */
        sp[3] = nt;                         /* r12: its argument */
        sp[4] = NULL;                       /* rbx */
        sp[5] = NULL;                       /* rbp */
        sp[6] = (void *)(uintptr_t)wf_ctx_trampoline; /* return address */
        nt->sp = sp;
    }
#else /* aarch64 */
    {
        uintptr_t top = (uintptr_t)(nt->st->lo + nt->st->size) &
                        ~(uintptr_t)15;
        void **sp = (void **)(top - 160);
        memset(sp, 0, 160);
        sp[0] = nt;                                    /* x19 */
        sp[1] = (void *)(uintptr_t)asm_entry;          /* x20 */
        sp[11] = (void *)(uintptr_t)wf_ctx_trampoline; /* x30 */
        nt->sp = sp;
    }
#endif
    t->drv_data = nt;
}

static void native_resume(wf_engine *e, wf_task *t)
{
    native_task *nt = t->drv_data;
    native_pool *p = nt->pool;
    wf_engine *saved = tls_engine;
    bool saved_in = tls_in_task;
    if (WF_UNLIKELY(!tls_altstack))
        install_fault_handler();
    tls_engine = e;
    tls_in_task = true;
#ifdef WF_ASAN
    p->from_sched = true;
    __sanitizer_start_switch_fiber(&p->fake, nt->st->lo, nt->st->size);
#endif
#ifdef WF_SWITCH_FALLBACK
    tls_starting = nt;
    swapcontext(&p->sched_uc, &nt->uc);
#else
    wf_ctx_switch(&p->sched_sp, nt->sp);
#endif
#ifdef WF_ASAN
    __sanitizer_finish_switch_fiber(p->fake, NULL, NULL);
#endif
    tls_engine = saved;
    tls_in_task = saved_in;
}

static void native_release(wf_engine *e, wf_task *t)
{
    native_task *nt = t->drv_data;
    (void)e;
    if (!nt || !nt->st)
        return;
    stack_put(nt->pool, nt->st);
    nt->st = NULL;
}

const task_driver native_driver = {"native", native_start_task,
                                   native_resume, native_release, false};

/* From nt's stack to the scheduler's; returns when nt is resumed. */
static void yield_to_scheduler(native_task *nt)
{
#ifdef WF_ASAN
    __sanitizer_start_switch_fiber(&nt->fake, nt->pool->sched_bottom,
                                   nt->pool->sched_size);
#endif
    switch_to_scheduler(nt);
#ifdef WF_ASAN
    asan_landed(nt, nt->fake);
#endif
}

#ifndef WF_SWITCH_FALLBACK
/* From nt's stack straight to task to's (both alive, one pool); returns
 * when nt is resumed. */
static void switch_to_task(native_task *nt, native_task *to)
{
#ifdef WF_ASAN
    nt->pool->from_sched = false;
    __sanitizer_start_switch_fiber(&nt->fake, to->st->lo, to->st->size);
#endif
    wf_ctx_switch(&nt->sp, to->sp);
#ifdef WF_ASAN
    asan_landed(nt, nt->fake);
#endif
}

/* Whether the engine may run on from nt's stack: it is light (no
 * consumer, no after_step hook) and the stack has ENGINE_ROOM left.
 * Either answer gives the same execution; only the stack differs. */
static bool run_here(const wf_engine *e, const native_task *nt)
{
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    return engine_light(e) && sp - (uintptr_t)nt->st->lo > ENGINE_ROOM;
}
#endif

void native_yield(wf_task *t)
{
    native_task *nt = t->drv_data;
    tls_in_task = false;
#ifndef WF_SWITCH_FALLBACK
    /* Run the engine on from here: expose t's op, take the next steps
     * and resume the next task directly, without the two switches
     * through the scheduler's stack; t itself runs on without a switch
     * when the engine resumes it next (a visible op is still a
     * scheduling point: the strategy chose it). The scheduler's stack
     * gets the engine back when a task exits, at the end of the
     * execution, or for a task of another driver. */
    if (run_here(tls_engine, nt)) {
        wf_engine *e = tls_engine;
        wf_task *next;
        engine_resumed(e, t);
        next = engine_next(e);
        if (next != t) {
            if (next && next->drv == &native_driver) {
                switch_to_task(nt, next->drv_data);
            } else {
                e->handoff = next;
                e->handed_off = true;
                yield_to_scheduler(nt);
            }
        }
        tls_in_task = true;
        return;
    }
#endif
    yield_to_scheduler(nt);
    tls_in_task = true;
}

bool native_stack_of(const wf_task *t, uintptr_t *lo, uintptr_t *hi)
{
    const native_task *nt;
    if (!t || t->drv != &native_driver || !t->drv_data)
        return false;
    nt = t->drv_data;
    if (!nt->st)
        return false;
    *lo = (uintptr_t)nt->st->lo;
    *hi = (uintptr_t)(nt->st->lo + nt->st->size);
    return true;
}

wf_engine *native_engine(void)
{
    return tls_in_task ? tls_engine : NULL;
}

wf_task *native_current(const char *api_name)
{
    wf_engine *e = tls_engine;
    if (WF_UNLIKELY(!e || !tls_in_task || !e->cur ||
                    e->cur->drv != &native_driver)) {
        fflush(stdout);
        fprintf(stderr,
                "weft: error: %s called outside a task (call it from a "
                "scenario run by wf_main or wf_explore)\n",
                api_name);
        exit(2);
    }
    return e->cur;
}

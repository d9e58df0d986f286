/* verifier.c: SV-COMP's harness (the __VERIFIER_* functions and
 * reach_error), function entry and exit hooks, and the spin check.
 *
 * reach_error (defined by the program, often empty) is found by address
 * at its entry (-finstrument-functions) and is an assertion failure;
 * __VERIFIER_error, __VERIFIER_assert and __assert_fail are too.
 * __VERIFIER_assume(false) takes the task out of the program for good:
 * that path is infeasible, and the other tasks run on (an `await` written
 * as an assume is explored the other way round, where it holds).
 * __VERIFIER_atomic_begin/end and every function named __VERIFIER_atomic_*
 * run as one step (see atomics.c).
 * __VERIFIER_nondet_*: a recorded choice. A bool is explored both ways;
 * wider types take a few values (0, 1, 2 and -1 or the maximum; fewer
 * after a thread's first calls), and the exploration then says
 * it sampled them: it is complete only up to those values.
 * Our definitions are weak: a program that defines one keeps its own.
 *
 * The spin check: a task that runs 2^16 basic blocks without a scheduling
 * point is watched: if it comes back to a watched block with its stack,
 * its callee-saved registers and the memory it touched since exactly as
 * they were (no other task runs meanwhile), it repeats itself forever.
 * When it touched no shared memory, that is a livelock, reported; when it
 * did, it may be waiting for another task to write that memory (a flag
 * not yet known to be racy): nothing is reported, and the race, if any,
 * shows when that task runs. Either way the task is taken out as an
 * assume that fails would take it, with one difference: when the
 * execution then ends with no task able to run (main not returned), no
 * assume failed and what the spin reads still holds what it held, no
 * task left can write it: the spin never ends, a livelock (reported,
 * where a failed assume's execution is dropped as infeasible). The state
 * is compared at exponentially spaced returns, so a long but finite loop
 * costs a few hashes.
 * A task that runs on for 2^20 blocks without a scheduling point is given
 * one (a yield): a long computation, or a loop the check cannot judge
 * (it touches more memory than the check follows), lets the others run
 * and ends at --max-steps or --time-limit. Inside an atomic section there
 * is no yield, and the task is taken out after 2^34 blocks. */
#define _GNU_SOURCE
#include "px.h"

#include <stdlib.h>
#include <string.h>

#include "sim/chan.h"

#define RA ((uintptr_t)__builtin_return_address(0))
#define PX_WEAK __attribute__((weak))

/* Basic blocks without a scheduling point before a task is watched, and
 * after which it is taken out whatever its state. */
#define SPIN_START ((uint64_t)1 << 16)
#define SPIN_MAX   ((uint64_t)1 << 34)
/* Basic blocks after which a task that makes no scheduling point is given
 * one (a yield, as Go's runtime preempts a goroutine that runs long); the
 * spin check has had its chance by then. */
#define YIELD_EVERY ((uint64_t)1 << 20)

static bool svcomp; /* the program uses the harness (abort: infeasible) */

static int addr_cmp(const void *a, const void *b)
{
    uintptr_t x = *(const uintptr_t *)a, y = *(const uintptr_t *)b;
    return x < y ? -1 : x > y;
}

static void add_atomic_fn(uintptr_t addr, const char *name)
{
    (void)name;
    VEC_PUSH(px.atomic_fns, addr);
}

void px_verifier_init(void)
{
    px.reach_error = px_sym_addr("reach_error");
    svcomp = px.reach_error != 0;
    px_sym_each_prefix("__VERIFIER_atomic_", add_atomic_fn);
    /* begin and end are the section markers, not atomic functions */
    {
        size_t k = 0;
        uintptr_t b = px_sym_addr("__VERIFIER_atomic_begin");
        uintptr_t e = px_sym_addr("__VERIFIER_atomic_end");
        for (size_t i = 0; i < px.atomic_fns.len; i++)
            if (px.atomic_fns.p[i] != b && px.atomic_fns.p[i] != e)
                px.atomic_fns.p[k++] = px.atomic_fns.p[i];
        px.atomic_fns.len = k;
    }
    if (px.atomic_fns.len)
        qsort(px.atomic_fns.p, px.atomic_fns.len, sizeof(uintptr_t),
              addr_cmp);
}

bool px_svcomp(void)
{
    return svcomp;
}

void px_verifier_begin(void)
{
}

static bool is_atomic_fn(uintptr_t fn)
{
    size_t lo = 0, hi = px.atomic_fns.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (px.atomic_fns.p[mid] == fn)
            return true;
        if (px.atomic_fns.p[mid] < fn)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

void px_func_enter(px_task *pt, uintptr_t fn, uintptr_t caller)
{
    if (fn == px.reach_error && fn)
        px_assert_fail(pt, caller, "reach_error() called");
    if (px.atomic_fns.len && is_atomic_fn(fn))
        px_atomic_section_begin(pt, caller);
}

void px_func_exit(px_task *pt, uintptr_t fn, uintptr_t caller)
{
    if (px.atomic_fns.len && is_atomic_fn(fn))
        px_atomic_section_end(pt, caller);
}

void __cyg_profile_func_enter(void *fn, void *caller);
void __cyg_profile_func_exit(void *fn, void *caller);

PX_API void __cyg_profile_func_enter(void *fn, void *caller)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    /* built with frame pointers (Makefile): the return address into fn
     * lies just above the saved frame pointer */
    px_frame_enter(pt, (uintptr_t)fn, (uintptr_t)caller,
                   (uintptr_t)__builtin_frame_address(0) +
                       2 * sizeof(void *));
    px_func_enter(pt, (uintptr_t)fn, (uintptr_t)caller);
    px_leave(pt);
}

PX_API void __cyg_profile_func_exit(void *fn, void *caller)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    px_frame_exit(pt, (uintptr_t)fn);
    px_func_exit(pt, (uintptr_t)fn, (uintptr_t)caller);
    px_leave(pt);
}

void __tsan_func_entry(void *pc);
void __tsan_func_exit(void);
void __tsan_init(void);

PX_API void __tsan_func_entry(void *pc)
{
    (void)pc;
}

PX_API void __tsan_func_exit(void)
{
}

PX_API void __tsan_init(void)
{
}

/* ---- the harness ---------------------------------------------------------- */

void __VERIFIER_error(void);
void __VERIFIER_assert(int cond);
void __VERIFIER_assume(int cond);
void __VERIFIER_atomic_begin(void);
void __VERIFIER_atomic_end(void);

PX_WEAK PX_API void __VERIFIER_error(void)
{
    px_task *pt = px_enter();
    svcomp = true;
    if (!pt)
        abort();
    px_assert_fail(pt, RA, "__VERIFIER_error() called");
}

PX_WEAK PX_API void __VERIFIER_assert(int cond)
{
    px_task *pt;
    svcomp = true;
    if (cond)
        return;
    pt = px_enter();
    if (!pt)
        abort();
    px_assert_fail(pt, RA, "__VERIFIER_assert failed");
}

PX_WEAK PX_API void __VERIFIER_assume(int cond)
{
    px_task *pt;
    svcomp = true;
    if (cond)
        return;
    pt = px_enter();
    if (!pt)
        exit(0);
    px_gone(pt, RA);
}

PX_WEAK PX_API void __VERIFIER_atomic_begin(void)
{
    px_task *pt = px_enter();
    svcomp = true;
    if (!pt)
        return;
    px_atomic_section_begin(pt, RA);
    px_leave(pt);
}

PX_WEAK PX_API void __VERIFIER_atomic_end(void)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    px_atomic_section_end(pt, RA);
    px_leave(pt);
}

/* A nondeterministic value among cands[0..n), recorded. */
static int64_t nondet(const char *what, const int64_t *cands, int n,
                      bool complete, uintptr_t pc)
{
    px_task *pt = px_enter();
    wf_engine *e;
    int32_t alts[8];
    int k, idx;
    svcomp = true;
    if (!pt)
        return cands[0];
    e = px_engine();
    /* wide types: fewer values the more calls this thread made before,
     * so a loop of nondet calls stays explorable; counted by thread, not
     * by execution, so that each thread's first values (its inputs, often
     * compared with shared state later) are all tried whatever the other
     * threads drew before (pthread-atomic's qrcu-2: the updater's
     * readerstart1 == 1 was never drawn once the readers had made 8 calls) */
    k = n;
    if (!complete) {
        pt->nnondet++;
        if (pt->nnondet > 8)
            k = 1;
        else if (pt->nnondet > 3 && k > 2)
            k = 2;
        if (!px.sampled) {
            px.sampled = true;
            snprintf(px.sampled_what, sizeof px.sampled_what,
                     "__VERIFIER_nondet_%s values were sampled", what);
        }
    }
    for (int i = 0; i < k; i++)
        alts[i] = i;
    (void)pc;
    idx = k > 1 ? engine_choose(e, CHOICE_BOOL, k, alts) : 0;
    if (idx < 0) /* the strategy gave up: the execution ends */
        idx = 0;
    px_leave(pt);
    return cands[idx];
}

#define NONDET(NAME, T, ...)                                                  \
    T __VERIFIER_nondet_##NAME(void);                                         \
    PX_WEAK PX_API T __VERIFIER_nondet_##NAME(void)                           \
    {                                                                         \
        static const int64_t c[] = {__VA_ARGS__};                             \
        return (T)nondet(#NAME, c, (int)(sizeof c / sizeof c[0]), false, RA); \
    }

_Bool __VERIFIER_nondet_bool(void);
PX_WEAK PX_API _Bool __VERIFIER_nondet_bool(void)
{
    static const int64_t c[] = {0, 1};
    return (_Bool)nondet("bool", c, 2, true, RA);
}

NONDET(char, char, 0, 1, 2, -1)
NONDET(uchar, unsigned char, 0, 1, 2, 255)
NONDET(short, short, 0, 1, 2, -1)
NONDET(ushort, unsigned short, 0, 1, 2, 65535)
NONDET(int, int, 0, 1, 2, -1)
NONDET(uint, unsigned, 0, 1, 2, (int64_t)0xffffffffu)
NONDET(unsigned, unsigned, 0, 1, 2, (int64_t)0xffffffffu)
NONDET(long, long, 0, 1, 2, -1)
NONDET(ulong, unsigned long, 0, 1, 2, -1)
NONDET(longlong, long long, 0, 1, 2, -1)
NONDET(ulonglong, unsigned long long, 0, 1, 2, -1)
NONDET(size_t, size_t, 0, 1, 2, -1)
NONDET(loff_t, long, 0, 1, 2, -1)
NONDET(sector_t, unsigned long, 0, 1, 2, -1)
NONDET(u8, unsigned char, 0, 1, 2, 255)
NONDET(u16, unsigned short, 0, 1, 2, 65535)
NONDET(u32, unsigned, 0, 1, 2, (int64_t)0xffffffffu)
NONDET(pthread_t, unsigned long, 0, 1, 2)

float __VERIFIER_nondet_float(void);
PX_WEAK PX_API float __VERIFIER_nondet_float(void)
{
    static const int64_t c[] = {0, 1, -1};
    return (float)nondet("float", c, 3, false, RA);
}

double __VERIFIER_nondet_double(void);
PX_WEAK PX_API double __VERIFIER_nondet_double(void)
{
    static const int64_t c[] = {0, 1, -1};
    return (double)nondet("double", c, 3, false, RA);
}

void *__VERIFIER_nondet_pointer(void);
PX_WEAK PX_API void *__VERIFIER_nondet_pointer(void)
{
    static const int64_t c[] = {0};
    return (void *)(intptr_t)nondet("pointer", c, 1, false, RA);
}

char *__VERIFIER_nondet_pchar(void);
PX_WEAK PX_API char *__VERIFIER_nondet_pchar(void)
{
    static const int64_t c[] = {0};
    return (char *)(intptr_t)nondet("pchar", c, 1, false, RA);
}

/* ---- the spin check --------------------------------------------------------- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h;
}

static uint64_t state_hash(px_task *pt, uintptr_t pc, const uint64_t *regs,
                           int nregs, uintptr_t sp)
{
    uintptr_t lo, hi;
    uint64_t h = mix(0, pc);
    for (int i = 0; i < nregs; i++)
        h = mix(h, regs[i]);
    for (int i = 0; i < pt->ntouched; i++)
        h = mix(h, *(const uint64_t *)pt->touched[i]);
    if (native_stack_of(pt->t, &lo, &hi) && sp >= lo && sp < hi) {
        const uint64_t *p = (const uint64_t *)(sp & ~(uintptr_t)7);
        const uint64_t *end = (const uint64_t *)(hi & ~(uintptr_t)7);
        for (; p < end; p++)
            h = mix(h, *p);
    }
    return h;
}

/* The values of the words pt touched, as one hash. */
static uint64_t touched_vals(const px_task *pt)
{
    uint64_t h = 0;
    for (int i = 0; i < pt->ntouched; i++)
        h = mix(h, *(const uint64_t *)pt->touched[i]);
    return h;
}

static void stuck(px_task *pt, uintptr_t pc)
{
    wf_engine *e = px_engine();
    px_site s = px_site_of(pc);
    finding f;
    char m[600];
    if (pt->touched_over)
        px_gone(pt, pc); /* waiting on memory it cannot all name */
    if (pt->ntouched) {
        /* waiting on memory: see the file's comment */
        pt->spun = true;
        pt->spin_pc = pc;
        pt->spin_vals = touched_vals(pt);
        px.x->nspun++;
        px_gone(pt, pc);
    }
    memset(&f, 0, sizeof f);
    f.kind = WF_LIVELOCK;
    f.error = true;
    f.tid = pt->tid;
    snprintf(m, sizeof m,
             "%s loops forever at %s:%d: its state repeats and it touches no "
             "shared memory",
             pt->t->name, s.file ? s.file : "?", (int)s.line);
    f.message = m;
    f.file = s.file;
    f.line = s.line;
    f.sig = hash_u64(hash_u64(HASH_INIT ^ WF_LIVELOCK, (uint64_t)s.line),
                     (uint64_t)pt->tid);
    engine_add_finding(e, &f);
    px_gone(pt, pc);
}

/* ---- the await check ---------------------------------------------------
 *
 * A task that spins on shared memory through scheduling points (while
 * (flag == 0);, flag racy; an atomic section re-reading turn) would make
 * every iteration a step, and the search would explore every count of
 * iterations. At the first basic block after each of its scheduling
 * points the task's state (the block, its stack and callee-saved
 * registers) and its count of writes are noted; when they are as they
 * were one to four scheduling points before, the iterations in between
 * only read (what they read came back the same: the state says so) and
 * will do the same again until one of the objects they read is written.
 * The task then waits for such a write (GenMC's and Nidhugg's spin-assume
 * in spirit, decided at run time), which skips executions that differ
 * only in how many useless iterations ran. If no such write comes, the
 * task spins forever: a livelock, reported when the execution ends. */

/* The sequence number of the last write to object oid (0: none). */
static uint64_t last_write(int32_t oid)
{
    px_exec *x = px.x;
    return oid >= 0 && (size_t)oid < x->wcap ? x->wlast[oid] : 0;
}

void px_wrote(px_task *pt, int32_t oid)
{
    px_exec *x = px.x;
    pt->nwrites++;
    if (oid >= 0) {
        if ((size_t)oid >= x->wcap) {
            size_t cap = x->wcap ? x->wcap * 2 : 256;
            uint64_t *p;
            while (cap <= (size_t)oid)
                cap *= 2;
            p = arena_alloc(&px.mem, cap * sizeof *p);
            if (x->wcap)
                memcpy(p, x->wlast, x->wcap * sizeof *p);
            x->wlast = p;
            x->wcap = cap;
        }
        x->wlast[oid] = ++x->wseq;
    }
    if (WF_LIKELY(!x->nawait))
        return;
    for (size_t i = 0; i < x->tasks.len; i++) {
        px_task *w = x->tasks.p[i];
        if (!w || w == pt || !w->awaiting || w->await_woken)
            continue;
        for (int k = 0; k < w->nawait; k++)
            if (w->await[k] == oid) {
                w->await_woken = true;
                VEC_PUSH(x->wakes, w);
                break;
            }
    }
}

void px_await_wake(px_task *pt)
{
    px_exec *x = px.x;
    wf_engine *e = px_engine();
    (void)pt;
    for (size_t i = 0; i < x->wakes.len; i++) {
        px_task *w = x->wakes.p[i];
        if (w->awaiting && w->t->state == TASK_BLOCKED && !w->t->in_resume) {
            w->awaiting = false;
            x->nawait--;
            engine_complete(e, w->t);
        }
    }
    x->wakes.len = 0;
}

/* Reports w, spinning at site s while waiting for a write no task will
 * make: a finding of kind k whose message is what (after "NAME "). */
static void spin_finding(wf_engine *e, const px_task *w, px_site s,
                         wf_finding_kind k, const char *what, uint64_t salt)
{
    finding f;
    char m[600];
    memset(&f, 0, sizeof f);
    f.kind = k;
    f.error = k != WF_LEAK;
    f.tid = w->tid;
    snprintf(m, sizeof m, "%s spins %s %s:%d%s", w->t->name, what,
             s.file ? s.file : "?", (int)s.line,
             k == WF_LEAK ? ", waiting for a write, when the program exited"
                          : ": what it reads never changes again");
    f.message = m;
    f.file = s.file;
    f.line = s.line;
    f.sig = hash_u64(hash_u64(HASH_INIT ^ k, (uint64_t)s.line),
                     (uint64_t)w->tid + salt);
    engine_add_finding(e, &f);
}

/* The execution ended with no task able to run and main not returned,
 * every task out for good is a proven spin (no assume failed), and what
 * each spin reads holds the values it had when the spin was taken out:
 * no task wrote it since, and none is left to, so the spins never end.
 * (When one was written, its spinner would have gone on: the execution
 * stands for orders explored elsewhere, as an assume's does.) */
static bool spin_dead_end(const wf_engine *e)
{
    px_exec *x = px.x;
    if (!x->nspun || x->ngone != x->nspun || x->exiting ||
        e->end != END_DEADLOCK)
        return false;
    for (size_t i = 0; i < x->tasks.len; i++) {
        const px_task *pt = x->tasks.p[i];
        if (pt && pt->spun && touched_vals(pt) != pt->spin_vals)
            return false;
    }
    return true;
}

static void task_name(buf *b, wf_engine *e, int32_t tid)
{
    buf_puts(b, e->tasks.p[tid]->name);
}

/* "main waits for the end of g1 w (s.c:8)", for each task but self
 * left blocked, "; " between them. */
static void others_waits(wf_engine *e, const px_task *self, buf *b)
{
    report_names n = {e, engine_obj_name, task_name};
    bool first = true;
    for (size_t i = 0; i < px.x->tasks.len; i++) {
        const px_task *pt = px.x->tasks.p[i];
        const wf_task *t;
        if (!pt || pt == self || pt->t->state != TASK_BLOCKED)
            continue;
        t = pt->t;
        buf_puts(b, first ? "" : "; ");
        first = false;
        buf_printf(b, "%s ", t->name);
        if (pt->spun) {
            px_site s = px_site_of(pt->spin_pc);
            buf_printf(b, "spins at %s:%d", s.file ? s.file : "?",
                       (int)s.line);
            continue;
        }
        if (pt->awaiting) {
            px_site s = px_site_of(pt->await_pc);
            buf_printf(b, "spins at %s:%d", s.file ? s.file : "?",
                       (int)s.line);
            continue;
        }
        if (op_class(&t->op) && op_class(&t->op)->wait_phrase)
            op_class(&t->op)->wait_phrase(&n, t, b);
        else
            op_blocked_phrase(&t->op, b);
        if (t->op.file && t->op.line)
            buf_printf(b, " (%s:%d)", t->op.file, (int)t->op.line);
    }
    if (first)
        buf_puts(b, "every other task ended");
}

/* A livelock for each proven spin of a dead end (spin_dead_end): what it
 * reads, that no task left can write it, and what the others wait for. */
static void spin_dead_end_report(wf_engine *e)
{
    px_exec *x = px.x;
    for (size_t i = 0; i < x->tasks.len; i++) {
        const px_task *pt = x->tasks.p[i];
        px_site s;
        finding f;
        buf m;
        if (!pt || !pt->spun)
            continue;
        s = px_site_of(pt->spin_pc);
        buf_init(&m);
        buf_printf(&m, "%s spins forever at %s:%d reading %s%s, which no "
                       "task left can write: ",
                   pt->t->name, s.file ? s.file : "?", (int)s.line,
                   px_name_of(e, pt->spin_addr, pt->spin_len),
                   pt->ntouched > 1 ? " (and other memory)" : "");
        others_waits(e, pt, &m);
        memset(&f, 0, sizeof f);
        f.kind = WF_LIVELOCK;
        f.error = true;
        f.tid = pt->tid;
        f.message = m.p;
        f.file = s.file;
        f.line = s.line;
        f.sig = hash_u64(hash_u64(HASH_INIT ^ WF_LIVELOCK, (uint64_t)s.line),
                         (uint64_t)pt->tid + 3000);
        engine_add_finding(e, &f);
        buf_fini(&m);
    }
}

void px_await_end(wf_engine *e)
{
    px_exec *x = px.x;
    /* a task out for good (an assume that failed, a spin taken out) may
     * be the one that would have written what the others await: their
     * wait is then no livelock of the program (GenMC's fcombiner: an
     * assume(next) that stands for a spin, and a waiter on its work);
     * unless it is a spin nothing could end (spin_dead_end) */
    bool dead = spin_dead_end(e);
    bool gone = x->ngone > 0 && !dead;
    if (dead)
        spin_dead_end_report(e);
    for (size_t i = 0; x->nawait && i < x->tasks.len; i++) {
        px_task *w = x->tasks.p[i];
        if (!w || !w->awaiting)
            continue;
        if (x->exiting) {
            /* the program ended (main returned, exit) while it waited:
             * another thread might still have written what it awaits
             * (GenMC's linuxrwlocks: the writer was about to unlock), so
             * no livelock, but a thread cut off at exit, as a blocked one
             * is (a warning) */
            spin_finding(e, w, px_site_of(w->await_pc), WF_LEAK, "at", 2000);
            continue;
        }
        /* only an execution that ended because no task could run
         * proves the spin endless: one the strategy gave up (the
         * reduction's sleep sets, a sampled run's end), a budget or a
         * panic cut ended it while a write might still have come (it
         * was reported as a livelock whose schedule did not replay) */
        if (!gone && e->end == END_DEADLOCK)
            spin_finding(e, w, px_site_of(w->await_pc), WF_LIVELOCK,
                         "forever at", 1000);
        x->ngone++; /* what its absence causes is no finding */
    }
}

/* Wait until a write to one of the objects pt read in its last iterations
 * (reads[0..n)). */
static void await_write(px_task *pt, uintptr_t pc, const int32_t *reads,
                        int n)
{
    px_exec *x = px.x;
    bool in_section = pt->atomic_depth > 0;
    memcpy(pt->await, reads, (size_t)n * sizeof *reads);
    pt->nawait = (uint8_t)n;
    pt->awaiting = true;
    pt->await_woken = false;
    pt->await_pc = pc;
    x->nawait++;
    if (!x->parked)
        x->parked = chan_new(px_engine(), "(await)", 0, NULL, 0);
    px_op(pt, OP_RECV, x->parked, pc);
    px_yield(pt);
    pt->nhist = 0;
    if (in_section) {
        /* it waited inside a __VERIFIER_atomic section (its first block):
         * the section starts anew, after the write that woke it */
        int depth = pt->atomic_depth;
        pt->atomic_depth = 0;
        px_atomic_section_begin(pt, pc);
        pt->atomic_depth = depth;
    }
}

void px_await_check(px_task *pt, uintptr_t pc, const uint64_t *regs,
                    int nregs, uintptr_t sp)
{
    struct px_hist cur;
    uint64_t h;
    pt->check_next = false;
    if (!nregs)
        return;
    h = state_hash(pt, pc, regs, nregs, sp);
    if (pt->pair1)
        pt->pair_points++;
    for (int k = 0; k < pt->nhist; k++) {
        const struct px_hist *o = &pt->hist[k];
        if (o->pc == pc && o->hash == h && o->nwrites == pt->nwrites) {
            /* the windows since o: the current one and hist[0..k) */
            int32_t all[32];
            int n = 0;
            bool over = pt->reads_over;
            if (pt->pair1 && (uint32_t)k + 1 >= pt->pair_points)
                break; /* it holds the mutex its loop takes (rt.c's
                          pair): it waits after the unlock */
            if (pt->pair1) {
                /* it spins inside the section: its lock was a write
                 * after all (a wait may come the next time round) */
                pt->pair1 = 0;
                pt->nwrites++;
                pt->nhist = 0;
                pt->nreads = 0;
                pt->reads_over = false;
                return;
            }
            for (int i = 0; i < pt->nreads && n < 32; i++)
                all[n++] = pt->reads[i];
            for (int j = 0; j < k; j++) {
                over |= pt->hist[j].over;
                for (int i = 0; i < pt->hist[j].nreads && n < 32; i++)
                    all[n++] = pt->hist[j].reads[i];
            }
            if (over || n == 0 || n >= 32)
                break;
            /* a write since the window began may not have been seen */
            for (int i = 0; i < n && !over; i++)
                over = last_write(all[i]) > o->wseq;
            if (over)
                break;
            await_write(pt, pc, all, n);
            return;
        }
    }
    /* push: hist[0] is the newest window */
    cur.pc = pc;
    cur.hash = h;
    cur.nwrites = pt->nwrites;
    cur.wseq = px.x->wseq;
    memcpy(cur.reads, pt->reads, sizeof cur.reads);
    cur.nreads = pt->nreads;
    cur.over = pt->reads_over;
    memmove(&pt->hist[1], &pt->hist[0],
            (sizeof pt->hist / sizeof pt->hist[0] - 1) * sizeof pt->hist[0]);
    pt->hist[0] = cur;
    if (pt->nhist < sizeof pt->hist / sizeof pt->hist[0])
        pt->nhist++;
    pt->nreads = 0;
    pt->reads_over = false;
}

/* Called by the trace-pc stub (trace_<arch>.S) in every basic block with
 * the block's address, the caller's callee-saved registers and its stack
 * pointer. */
void px_trace_pc(uintptr_t pc, const uint64_t *regs, int nregs,
                 uintptr_t sp);
void px_trace_pc(uintptr_t pc, const uint64_t *regs, int nregs, uintptr_t sp)
{
    px_task *pt;
    wf_engine *e;
    if (WF_LIKELY(!px.active) || px_in_rt || !(e = native_engine()) ||
        !e->cur)
        return;
    pt = px.x->tasks.p[e->cur->tid];
    if (WF_UNLIKELY(pt->check_next)) {
        px_in_rt = 1;
        px_await_check(pt, pc, regs, nregs, sp);
        px_in_rt = 0;
        return;
    }
    if (WF_LIKELY(++pt->bbs < SPIN_START) || !nregs)
        return;
    px_in_rt = 1;
    if (WF_UNLIKELY(pt->bbs >= SPIN_MAX))
        stuck(pt, pc);
    /* inside an atomic section only a stop (the time limit, Ctrl-C)
     * ends the computation: the execution ends there (halted), so the
     * section's atomicity is moot (a loop in a section ran to SPIN_MAX:
     * minutes past --time-limit) */
    if (WF_UNLIKELY(pt->bbs >= YIELD_EVERY) &&
        (!pt->atomic_depth || engine_must_stop(e))) {
        px_op(pt, OP_YIELD, NULL, pc);
        px_yield(pt);
        px_leave(pt);
        return;
    }
    if (!pt->watch_pc || pt->bbs > pt->watch_seen * 4 + SPIN_START) {
        /* (re)start watching here */
        pt->ntouched = 0;
        pt->touched_over = false;
        pt->watch_pc = pc;
        pt->watch_hash = state_hash(pt, pc, regs, nregs, sp);
        pt->watch_seen = pt->bbs;
        pt->watch_next = 1;
        pt->nwatch = 0;
    } else if (pc == pt->watch_pc && ++pt->nwatch >= pt->watch_next) {
        uint64_t h = state_hash(pt, pc, regs, nregs, sp);
        if (h == pt->watch_hash && !pt->touched_over)
            stuck(pt, pc);
        pt->watch_hash = h;
        pt->watch_next *= 2;
        pt->nwatch = 0;
        pt->watch_seen = pt->bbs;
    }
    px_leave(pt);
}

/* rt.c: the runtime's process state, entering the engine from program
 * code (ops, yields, panics, exits), and the program's hooks for the
 * explorer (see px.h). */
#define _GNU_SOURCE
#include "px.h"

#include "posix.h"

#include <dlfcn.h>
#include <errno.h>
#include <link.h>
#include <stdlib.h>
#include <string.h>

#include "sim/chan.h"
#include "sim/mutex.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

px_state px;
_Thread_local int px_in_rt;

void *px_real(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        wf_fatal("weft cc: libc has no %s", name);
    return f;
}

/* ---- the program's image ------------------------------------------------ */

/* The program's identity for schedules: its GNU build id. */
static uint32_t build_id_hash(const struct dl_phdr_info *info)
{
    uint64_t h = HASH_INIT;
    for (int j = 0; j < info->dlpi_phnum; j++) {
        const ElfW(Phdr) *nh = &info->dlpi_phdr[j];
        const unsigned char *p, *end;
        if (nh->p_type != PT_NOTE)
            continue;
        p = (const unsigned char *)(info->dlpi_addr + nh->p_vaddr);
        end = p + nh->p_memsz;
        while (p + 12 <= end) {
            const ElfW(Nhdr) *n = (const ElfW(Nhdr) *)(const void *)p;
            size_t nsz = (n->n_namesz + 3) & ~(size_t)3;
            size_t dsz = (n->n_descsz + 3) & ~(size_t)3;
            const unsigned char *desc = p + 12 + nsz;
            if (n->n_type == NT_GNU_BUILD_ID && desc + n->n_descsz <= end)
                h = hash_bytes(h, desc, n->n_descsz);
            p += 12 + nsz + dsz;
        }
    }
    return (uint32_t)(h ^ (h >> 32));
}

static int phdr_cb(struct dl_phdr_info *info, size_t size, void *data)
{
    int *first = data;
    uintptr_t tp = (uintptr_t)__builtin_thread_pointer();
    (void)size;
    if (*first)
        px.hash = build_id_hash(info);
    for (int i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (*first && ph->p_type == PT_LOAD && (ph->p_flags & PF_X)) {
            uintptr_t lo = info->dlpi_addr + ph->p_vaddr;
            if (!px.text_lo || lo < px.text_lo)
                px.text_lo = lo;
            if (lo + ph->p_memsz > px.text_hi)
                px.text_hi = lo + ph->p_memsz;
        }
        if (ph->p_type == PT_TLS && info->dlpi_tls_data) {
            uintptr_t lo = (uintptr_t)info->dlpi_tls_data;
            if (!px.tls_lo || lo < px.tls_lo)
                px.tls_lo = lo;
            if (lo + ph->p_memsz > px.tls_hi)
                px.tls_hi = lo + ph->p_memsz;
        }
    }
    if (!px.tls_lo || tp < px.tls_lo)
        px.tls_lo = px.tls_lo ? px.tls_lo : tp;
    if (tp + 0x1000 > px.tls_hi)
        px.tls_hi = tp + 0x1000;
    *first = 0;
    return 0;
}

void px_init(int argc, char **argv, char **envp,
             int (*real_main)(int, char **, char **))
{
    int first = 1;
    if (px.ready)
        return;
    px.ready = true;
    px.argc = argc;
    px.argv = argv;
    px.envp = envp;
    px.real_main = real_main;
    arena_init(&px.mem);
    buf_init(&px.extra);
    dl_iterate_phdr(phdr_cb, &first);
    px_tls_init();
    px_sym_init();
    px_mem_init();
    px_verifier_init();
}

/* ---- ops --------------------------------------------------------------- */

op *px_op(px_task *pt, op_kind k, void *o, uintptr_t pc)
{
    op *p = &pt->t->op;
    px_site s = px_site_of(pc);
    op_begin(p, k, o);
    p->file = s.file;
    p->line = s.line;
    return p;
}

void px_yield(px_task *pt)
{
    px_atomics_flush();
    if (pt->nheld)
        px_release_held(pt);
    if (px.x->wakes.len)
        px_await_wake(pt);
    switch ((op_kind)pt->t->op.kind) {
    case OP_READ:
    case OP_WRITE: /* counted by the access */
    case OP_YIELD:
    case OP_ALOAD:
    case OP_ASTORE:
    case OP_AADD:
    case OP_ASWAP:
    case OP_ACAS: /* counted when the value changes (atomics.c) */
        break;
    case OP_LOCK: /* a section that only reads, lock to unlock, leaves
                     the mutex as it was: no write (pair1) */
        if (!pt->pair1 && pt->t->op.obj &&
            pt->t->op.obj->kind == OBJ_MUTEX) {
            pt->pair1 = pt->t->op.obj->oid + 1;
            pt->pair_w = pt->nwrites;
            pt->pair_points = 0;
            break;
        }
        pt->nwrites++;
        break;
    case OP_UNLOCK:
        if (pt->pair1 && pt->t->op.obj &&
            pt->pair1 == pt->t->op.obj->oid + 1 &&
            pt->pair_w == pt->nwrites) {
            pt->pair1 = 0;
            break;
        }
        pt->nwrites++;
        break;
    default:
        /* a lock, a wait, a sleep, a spawn...: no pure spin (the await
         * check, verifier.c, must not park a task holding a lock) */
        pt->nwrites++;
        break;
    }
    px_tls_out(pt);
    pt->saved_errno = errno;
    px_in_rt = 0;
    native_yield(pt->t);
    px_in_rt = 1;
    px_tls_in(pt);
    errno = pt->saved_errno;
    pt->epoch++;
    pt->bbs = 0;
    pt->check_next = true;
    pt->watch_pc = 0;
    pt->ntouched = 0;
    pt->touched_over = false;
}

void px_panic(px_task *pt, uintptr_t pc, const char *fmt, ...)
{
    char m[1024];
    va_list ap;
    op *o;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    o = px_op(pt, OP_PANIC, NULL, pc);
    o->text = arena_strdup(&px_engine()->mem, m);
    px_yield(pt);
    wf_fatal("weft cc: a panicked task was resumed");
}

void px_assert_fail(px_task *pt, uintptr_t pc, const char *msg)
{
    op *o = px_op(pt, OP_ASSERT, NULL, pc);
    o->text = arena_strdup(&px_engine()->mem, msg);
    px_yield(pt);
    wf_fatal("weft cc: a task was resumed after a failed assertion");
}

void px_unsupported(px_task *pt, uintptr_t pc, const char *fn,
                    const char *why)
{
    px_site at = px_site_of(pc);
    (void)pt;
    fflush(stdout);
    if (at.file)
        fprintf(stderr, "weft: %s:%d: %s is not supported by weft (%s); "
                        "this program cannot be checked\n",
                at.file, (int)at.line, fn, why);
    else
        fprintf(stderr, "weft: %s is not supported by weft (%s); this "
                        "program cannot be checked\n", fn, why);
    exit(2);
}

void px_gone(px_task *pt, uintptr_t pc)
{
    px_exec *x = px.x;
    if (!x->never)
        x->never = chan_new(px_engine(), "(assume)", 0, NULL, 0);
    pt->gone = true;
    px_atomic_section_abandon(pt, pc);
    x->ngone++;
    px_op(pt, OP_RECV, x->never, pc);
    px_yield(pt);
    wf_fatal("weft cc: a task blocked for good was resumed");
}

/* Why task t, left blocked when the program exits, is there. */
enum {
    LEFT_FOREVER, /* nothing left could wake it */
    LEFT_TIMED,   /* in a sleep or a timed wait: still running */
    LEFT_BEHIND,  /* waits for a lock or a join of a running thread */
    LEFT_BLOCKED  /* blocked while other threads still ran */
};

/* The task whose end or unlock blocked task t awaits: a mutex's holder,
 * an rwlock's writer, a joined thread; -1 when none is known. */
static int32_t awaited_tid(const wf_task *t)
{
    const wf_obj *o = t->op.obj;
    if (!o)
        return -1;
    if (t->op.kind == OP_LOCK && o->kind == OBJ_MUTEX)
        return ((const wf_mutex *)(const void *)o)->holder
                   ? ((const wf_mutex *)(const void *)o)->holder->tid
                   : -1;
    if ((t->op.kind == OP_RLOCK || t->op.kind == OP_WLOCK) &&
        o->kind == OBJ_RWMUTEX) {
        const wf_rwmutex *rw = (const wf_rwmutex *)(const void *)o;
        return rw->writer ? rw->writer->tid
               : rw->nrholders ? rw->rholders[0] : -1;
    }
    if (t->op.kind == OP_WG_WAIT && o->kind == OBJ_WAITGROUP)
        return ((const wf_waitgroup *)(const void *)o)->join_tid;
    return -1;
}

/* Leak findings for the tasks blocked when the program exits (SPEC 7: for
 * C, a set blocked forever is reported when main returns). Each says why
 * it was left (LEFT_*): a task in a sleep or a timed wait, or waiting for
 * a lock or a join of a thread still running, was not blocked forever.
 * O(tasks^2) at worst, once per execution. */
static void exit_leaks(wf_engine *e, const px_task *self)
{
    size_t n = e->tasks.len;
    int32_t runner = -1; /* a task other than self that could still run */
    uint8_t *why = wf_xcalloc(n + 1, 1);
    uint8_t *live = wf_xcalloc(n + 1, 1); /* could run, or will */
    bool more = true;
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        const px_task *pt = i < px.x->tasks.len ? px.x->tasks.p[i] : NULL;
        if (t->state == TASK_DONE || (pt && pt->gone))
            continue;
        if (t->state != TASK_BLOCKED || (pt && pt->awaiting) ||
            (pt && pt == self) || t->op.kind == OP_SLEEP) {
            live[i] = 1;
            if (t->state == TASK_BLOCKED && t->op.kind == OP_SLEEP)
                why[i] = LEFT_TIMED;
            if (!(pt && pt == self) && runner < 0)
                runner = (int32_t)i;
        }
    }
    for (size_t k = 0; k < e->timers.len; k++) {
        int32_t tid = px_timer_tid(e->timers.p[k]);
        if (tid >= 0 && (size_t)tid < n && !live[tid]) {
            live[tid] = 1;
            why[tid] = LEFT_TIMED;
            if (runner < 0)
                runner = tid;
        }
    }
    while (more) { /* behind a live task, transitively */
        more = false;
        for (size_t i = 0; i < n; i++) {
            const wf_task *t = e->tasks.p[i];
            int32_t a;
            if (live[i] || t->state != TASK_BLOCKED)
                continue;
            a = awaited_tid(t);
            if (a >= 0 && (size_t)a < n && live[a]) {
                live[i] = 1;
                why[i] = LEFT_BEHIND;
                more = true;
            }
        }
    }
    for (size_t i = 0; i < n; i++) {
        wf_task *t = e->tasks.p[i];
        px_task *pt = i < px.x->tasks.len ? px.x->tasks.p[i] : NULL;
        const char *opn = op_kind_names[t->op.kind];
        int32_t a = awaited_tid(t);
        finding f;
        char m[600];
        uint64_t h;
        if (t->state != TASK_BLOCKED ||
            (pt && (pt->gone || pt->awaiting || pt == self)))
            continue; /* (a spin awaiting a write: px_await_end) */
        if (t->op.kind == OP_WG_WAIT && a >= 0)
            opn = "join";
        if (!live[i] && runner >= 0)
            why[i] = LEFT_BLOCKED;
        memset(&f, 0, sizeof f);
        f.kind = WF_LEAK;
        f.tid = t->tid;
        switch (why[i]) {
        case LEFT_TIMED:
            snprintf(m, sizeof m, "%s still running when the program "
                                  "exited (in a %s%s), not blocked forever",
                     t->name, t->op.kind == OP_SLEEP ? "" : "timed ",
                     t->op.kind == OP_SLEEP ? "sleep" : opn);
            break;
        case LEFT_BEHIND:
            snprintf(m, sizeof m, "%s waiting in %s for %s, still running, "
                                  "when the program exited; not blocked "
                                  "forever",
                     t->name, opn, e->tasks.p[a]->name);
            break;
        case LEFT_BLOCKED:
            snprintf(m, sizeof m, "%s blocked in %s when the program "
                                  "exited, while %s still ran",
                     t->name, opn, e->tasks.p[runner]->name);
            break;
        default:
            snprintf(m, sizeof m, "%s blocked forever in %s when the program "
                                  "exited",
                     t->name, opn);
        }
        f.message = m;
        f.file = t->op.file;
        f.line = t->op.line;
        h = hash_u64(HASH_INIT ^ WF_LEAK, t->op.kind);
        h = hash_bytes(h, t->fname, strlen(t->fname));
        if (f.file)
            h = hash_bytes(h, f.file, strlen(f.file));
        f.sig = hash_u64(h, (uint64_t)f.line);
        engine_add_finding(e, &f);
    }
    free(why);
    free(live);
}

void px_exit(px_task *pt, uintptr_t pc, int status)
{
    px_exec *x = px.x;
    wf_engine *e = px_engine();
    op *o;
    if (x->exiting) /* exit from an atexit handler: stop there */
        px_unwind(pt);
    /* a scheduling point: other tasks may run before the process ends;
     * the op is an empty print, ordered with every output */
    o = px_op(pt, OP_PRINT, NULL, pc);
    o->text = "";
    o->len = 0;
    px_yield(pt);
    x->exiting = true;
    x->exit_status = status;
    px_run_atexit(pt);
    exit_leaks(e, pt);
    e->end = END_DONE;
    e->stop = true; /* what follows conflicts with every op (dpor) */
    px_unwind(pt);
}

/* ---- the explorer's hooks -------------------------------------------------- */

/* a cond's operations in C's words, whether pthread_cond_ or cnd_ */
static const char *const px_cond_words[] = {"signal", "broadcast", "wait"};

/* weft's runtime code (sim/posix/weftrt.ld) */
extern char __weftrt_text_begin[], __weftrt_text_end[];

/* A crash's site (engine_frontend.fault_site): where in the program's
 * code machine address pc lies; false when it lies in weft's runtime. */
static bool px_fault_site(void *ctx, uintptr_t pc, const char **file,
                          int32_t *line)
{
    px_site s;
    (void)ctx;
    if (pc - 1 >= (uintptr_t)__weftrt_text_begin &&
        pc - 1 < (uintptr_t)__weftrt_text_end)
        return false;
    s = px_site_of(pc);
    *file = s.file;
    *line = s.line;
    return true;
}

static void px_begin_exec(void *ctx, wf_engine *e)
{
    (void)ctx;
    e->fe.fault_site = px_fault_site;
    e->fe.all_asleep = "all threads are asleep";
    e->fe.cond_words = px_cond_words;
    px_racy_apply();
    arena_reset(&px.mem);
    px.x = arena_alloc(&px.mem, sizeof *px.x);
    px.x->e = e;
    px_mem_begin();
    px_access_begin();
    px_sync_begin();
    px_thread_begin();
    px_io_begin();
    px_libc_begin();
    px_verifier_begin();
}

/* The findings an execution had only because a task was blocked for good
 * (by an assume that failed, a proven spin) are none: that task is out of
 * the program, not deadlocked (a spin that never ends is a livelock,
 * px_await_end's). */
static void drop_gone_artifacts(wf_engine *e)
{
    size_t k = 0;
    if (!px.x->ngone)
        return;
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        if (f->kind == WF_DEADLOCK || f->kind == WF_LEAK)
            continue;
        e->findings.p[k++] = *f;
    }
    e->findings.len = k;
}

static bool px_end_exec(void *ctx, wf_engine *e)
{
    (void)ctx;
    px_await_end(e);
    drop_gone_artifacts(e);
    return px_racy_update(e);
}

static const char *px_extra_get(void *ctx)
{
    (void)ctx;
    return px_racy_text();
}

static void px_extra_set(void *ctx, const char *s)
{
    (void)ctx;
    px_racy_parse(s);
}

static const char *px_incomplete(void *ctx)
{
    /* SV-COMP's tasks are judged under sequential consistency: no word
     * of weak memory for a program using its harness */
    bool weak = px.weak && !px_svcomp();
    (void)ctx;
    if (px.sampled && weak) {
        snprintf(px.incomplete_what, sizeof px.incomplete_what,
                 "%s, and %s", px.sampled_what, px.weak_what);
        return px.incomplete_what;
    }
    return px.sampled ? px.sampled_what : weak ? px.weak_what : NULL;
}

void px_set_active(bool on)
{
    px.active = on;
    if (!on)
        px_tls_home();
}

void px_program(program *p, int argc, char **argv)
{
    static native_start ns;
    px.prog_argc = argc;
    px.prog_argv = argv;
    ns.fn = px_main_task;
    ns.arg = NULL;
    p->drv = &native_driver;
    p->arg = &ns;
    p->main_name = "main";
    p->hash = px.hash;
    p->begin = px_begin_exec;
    p->end = px_end_exec;
    p->extra_get = px_extra_get;
    p->extra_set = px_extra_set;
    p->incomplete = px_incomplete;
    p->stack_size = PX_STACK_SIZE;
}

/* vm_task.c: goroutines as engine tasks: the task drivers, visible ops
 * and their source sites, the program entry and its per-execution state.
 * Tracked variables are in vm_track.c, reachability in vm_reach.c, the
 * state hash in vm_hash.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/await.h"
#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

/* ---- ops and sites ---------------------------------------------------------- */

void vm_site(const vm_g *g, const char **file, int32_t *line)
{
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        uint32_t pc;
        if ((f->flags & FR_NATIVE) || !f->p->user || !f->p->ncode)
            continue;
        pc = f->pc;
        if (i + 1 < g->nframes && pc > 0)
            pc--; /* a caller: the call instruction */
        if (pc >= f->p->ncode)
            pc = f->p->ncode - 1;
        *file = f->p->file;
        *line = f->p->lines[pc];
        return;
    }
    /* library code alone: the go statement that started it */
    *file = g->go_file ? g->go_file : g->x->prog->path;
    *line = g->go_file ? g->go_line : 0;
}

/* Is g's op the library's own step rather than the user's? (What
 * site_and_lib computes in its walk; kept to check it in debug builds.)
 * The user's when raised by user code, or by an intrinsic that a library function
 * called straight from user code raises (mu.Lock(): user -> Lock ->
 * __mutex_lock); the library's when raised by library code itself (a
 * read of a Cond's L) or below two library frames (the Mutex a
 * context's Err takes). A goroutine with no user frame is the library's. */
#ifdef WF_DEBUG
static bool in_library(const vm_g *g)
{
    bool native = g->nframes && (g->frames[g->nframes - 1].flags & FR_NATIVE);
    int libs = 0;
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (f->p->user)
            return libs > 1 || (libs == 1 && !native);
        libs++;
    }
    return libs > 0;
}
#endif

/* vm_site and in_library in one walk of the frames (an op at every
 * step): the innermost user frame with code is both's answer. */
static void site_and_lib(const vm_g *g, op *o)
{
    bool native = g->nframes && (g->frames[g->nframes - 1].flags & FR_NATIVE);
    int libs = 0;
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        uint32_t pc;
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (!f->p->user) {
            libs++;
            continue;
        }
        pc = f->pc;
        if (i + 1 < g->nframes && pc > 0)
            pc--; /* a caller: the call instruction */
        if (pc >= f->p->ncode)
            pc = f->p->ncode - 1;
        o->file = f->p->file;
        o->line = f->p->lines[pc];
        o->lib = libs > 1 || (libs == 1 && !native);
        return;
    }
    vm_site(g, &o->file, &o->line);
    o->lib = libs > 0;
}

op *vm_op(vm_g *g, op_kind k, wf_obj *obj)
{
    op *o = &g->t->op;
    op_begin(o, k, obj);
    site_and_lib(g, o);
    WF_DASSERT(o->lib == in_library(g));
    g->pending = (uint8_t)k;
    return o;
}

bool vm_mem_room(vm_g *g, size_t n)
{
    if (WF_LIKELY(engine_mem_room(g->x->e, n)))
        return true;
    vm_op(g, OP_YIELD, NULL);
    g->plain = true;
    return false;
}

/* ---- drivers -------------------------------------------------------------- */

static void go_start(wf_engine *e, wf_task *t, void *arg)
{
    vm_g *g = arg;
    (void)e;
    g->t = t;
    t->drv_data = g;
}

static void main_start(wf_engine *e, wf_task *t, void *arg)
{
    vm_program *p = arg;
    vm_exec *x = e->fe.ctx;
    vm_g *g = vm_new_g(x, NULL, vm_ref(T_FUNC, p->entry->static_fn), NULL, 0,
                       0);
    WF_ASSERT(g != NULL);
    g->t = t;
    t->drv_data = g;
}

static void resume(wf_engine *e, wf_task *t)
{
    vm_g *g = t->drv_data;
    (void)e;
    if (t->raised) {
        /* the op panicked (engine_panic): a Go panic at its site, which
         * the deferred calls may recover */
        const char *m = t->raised;
        t->raised = NULL;
        g->pending = OP_NONE;
        g->resumed = false;
        g->plain = false;
        vm_throwf(g, "%s", m);
        vm_unwind(g);
        vm_run(g);
        WF_ASSERT(t->op.kind != OP_NONE);
        return;
    }
    switch (g->pending) {
    case OP_READ:
    case OP_WRITE:
    case OP_CHAN_LEN:
        g->granted++;
        g->resumed = false;
        break;
    case OP_NONE:
        g->resumed = false;
        break;
    default:
        g->resumed = !g->plain;
        break;
    }
    g->plain = false;
    g->pending = OP_NONE;
    vm_run(g);
    WF_ASSERT(t->op.kind != OP_NONE);
}

static void release(wf_engine *e, wf_task *t)
{
    vm_g *g = t->drv_data;
    (void)e;
    if (g) {
        free(g->reach);
        g->reach = NULL;
        g->reach_words = 0;
    }
}

const task_driver vm_go_driver = {"vm", go_start, resume, release, true};
const task_driver vm_main_driver = {"vm", main_start, resume, release,
                                    true};

/* ---- the program ------------------------------------------------------------ */

static int64_t event_value(void *ctx, const wf_value *w)
{
    return vm_event_value(ctx, vm_from_wf(*w));
}

static uint64_t state_hash(void *ctx, wf_engine *e)
{
    (void)ctx;
    return vm_state_hash(e);
}

static uint64_t task_hash(void *ctx, wf_engine *e, wf_task *t)
{
    (void)ctx;
    return vm_task_hash(e, t);
}

/* The execution ended: the spins still awaiting a write (sim/await.c). */
static bool end_exec(void *ctx, wf_engine *e)
{
    (void)ctx;
    await_end(e);
    return false;
}

static void begin(void *ctx, wf_engine *e)
{
    vm_entry *en = ctx;
    vm_program *p = en->p;
    vm_exec *x = arena_alloc(&e->mem, sizeof *x);
    x->prog = p;
    x->e = e;
    x->serial = ++p->nexec;
    x->test = en->test;
    x->globals = heap_obj(x, OK_GLOBALS, 0, p->nglobals);
    x->globals->flags = OF_SHARED;
    e->fe.ctx = x;
    e->fe.can_reach = vm_can_reach;
    e->fe.reach_mark = vm_reach_mark;
    e->fe.near_reach = vm_near_reach;
    e->fe.event_value = event_value;
    e->fe.state_hash = state_hash;
    e->fe.task_hash = task_hash;
    e->fe.progress_marked = p->has_progress;
    e->fe.main_gone = "no goroutines (main called runtime.Goexit)";
}

/* The explorer's program running entry k: 0 main, 1 + i test i. */
static program entry_of(vm_program *p, size_t k)
{
    program pr;
    if (!p->entries) {
        p->entries = arena_alloc(&p->mem, (p->ntests + 1) * sizeof *p->entries);
        for (size_t i = 0; i <= p->ntests; i++) {
            p->entries[i].p = p;
            p->entries[i].test = (int)i - 1;
        }
    }
    memset(&pr, 0, sizeof pr);
    pr.drv = &vm_main_driver;
    pr.arg = p;
    pr.main_name = k ? p->tests[k - 1] : "main";
    /* each test its own identity in schedules */
    pr.hash = k ? (uint32_t)hash_bytes(hash_u64(HASH_INIT, p->hash),
                                       p->tests[k - 1],
                                       strlen(p->tests[k - 1]))
                : p->hash;
    pr.file = p->path;
    pr.begin = begin;
    pr.ctx = &p->entries[k];
    pr.end = end_exec;
    /* a test that leaves a goroutine blocked fails (goleak) */
    pr.leaks_are_errors = k > 0;
    return pr;
}

program vm_program_entry(vm_program *p)
{
    return entry_of(p, 0);
}

bool vm_is_test_file(const vm_program *p)
{
    return p->is_test;
}

const char *vm_package_name(const vm_program *p)
{
    return p->pkg_name ? p->pkg_name : "";
}

size_t vm_test_count(const vm_program *p)
{
    return p->ntests;
}

const char *vm_test_name(const vm_program *p, size_t i)
{
    return i < p->ntests ? p->tests[i] : NULL;
}

program vm_program_test_entry(vm_program *p, size_t i)
{
    WF_ASSERT(i < p->ntests);
    return entry_of(p, i + 1);
}

uint64_t vm_ops_executed(const vm_program *p)
{
    return p->ops;
}

/* engine.c: the scheduler loop, task states, choices, timers, events.
 * See engine.h for the model and its invariants. */
#include "engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "await.h"
#include "chan.h"
#include "cond.h"
#include "mutex.h"
#include "native.h"
#include "once.h"
#include "rng.h"
#include "rwmutex.h"
#include "var.h"
#include "waitgroup.h"

const char *const obj_kind_names[OBJ__COUNT] = {
    "chan", "mutex", "rwmutex", "cond", "waitgroup",
    "once", "atomic", "var",     "timer"};

/* Timers are the engine's own (a sleep, a channel's firing): no op acts
 * on one as an object. */
static const obj_class timer_class = {.kind = OBJ_TIMER, .name = "timer"};

const obj_class *const obj_classes[OBJ__COUNT] = {
    [OBJ_CHAN] = &chan_class,         [OBJ_MUTEX] = &mutex_class,
    [OBJ_RWMUTEX] = &rwmutex_class,   [OBJ_COND] = &cond_class,
    [OBJ_WAITGROUP] = &waitgroup_class, [OBJ_ONCE] = &once_class,
    [OBJ_ATOMIC] = &atomic_class,     [OBJ_VAR] = &var_class,
    [OBJ_TIMER] = &timer_class};

const obj_class *const op_classes[OP__COUNT] = {
    [OP_SEND] = &chan_class,         [OP_RECV] = &chan_class,
    [OP_CLOSE] = &chan_class,        [OP_SELECT] = &chan_class,
    [OP_LOCK] = &mutex_class,        [OP_UNLOCK] = &mutex_class,
    [OP_TRYLOCK] = &mutex_class,     [OP_WLOCK] = &rwmutex_class,
    [OP_WUNLOCK] = &rwmutex_class,   [OP_RLOCK] = &rwmutex_class,
    [OP_RUNLOCK] = &rwmutex_class,   [OP_TRYWLOCK] = &rwmutex_class,
    [OP_TRYRLOCK] = &rwmutex_class,  [OP_COND_WAIT] = &cond_class,
    [OP_COND_PARK] = &cond_class,    [OP_SIGNAL] = &cond_class,
    [OP_BROADCAST] = &cond_class,    [OP_DESTROY] = &cond_class,
    [OP_SEM_VALUE] = &cond_class,    [OP_WG_ADD] = &waitgroup_class,
    [OP_WG_WAIT] = &waitgroup_class, [OP_ONCE] = &once_class,
    [OP_ONCE_END] = &once_class,     [OP_ALOAD] = &atomic_class,
    [OP_ASTORE] = &atomic_class,     [OP_AADD] = &atomic_class,
    [OP_ASWAP] = &atomic_class,      [OP_ACAS] = &atomic_class,
    [OP_READ] = &var_class,          [OP_WRITE] = &var_class,
    [OP_CHAN_LEN] = &chan_class};

const char *const op_kind_names[OP__COUNT] = {
    "none",      "spawn",    "yield",   "send",     "recv",    "close",
    "select",    "lock",     "unlock",  "trylock",  "lock",    "unlock",
    "rlock",     "runlock",  "trylock", "tryrlock", "wait",    "wait",
    "signal",    "broadcast", "destroy", "getvalue", "wg_add", "wg_wait",  "once",    "once",
    "atomic",    "atomic",   "atomic",  "atomic",   "atomic",  "read",
    "write",     "sleep",    "print",   "exit",     "assert",  "panic",
    "len"};

const char *const ev_op_names[EV__COUNT] = {
    "spawn",    "exit",    "send",      "recv",     "close",   "select",
    "lock",     "unlock",  "trylock",   "rlock",    "runlock", "tryrlock",
    "wait",     "signal",  "broadcast", "wg_add",   "wg_done", "wg_wait",
    "once",     "read",    "write",     "atomic",   "sleep",   "timer",
    "print",    "block",   "unblock",   "progress", "assert",  "panic",
    "yield"};

const char *const exec_end_names[END__COUNT] = {
    "none",      "done",     "deadlock",    "panic",     "max-steps",
    "abandoned", "livelock", "interrupted", "max-memory"};

const char *const finding_kind_names[FINDING_KINDS] = {
    "deadlock", "potential-deadlock", "race",       "panic",
    "assert",   "livelock",           "starvation", "leak"};

_Static_assert(sizeof(op_kind_names) / sizeof(op_kind_names[0]) == OP__COUNT,
               "op names");
_Static_assert(sizeof(ev_op_names) / sizeof(ev_op_names[0]) == EV__COUNT,
               "event names");
_Static_assert(sizeof(exec_end_names) / sizeof(exec_end_names[0]) ==
                   END__COUNT,
               "end names");

/* The halt word of an engine given none: never set. */
static const atomic_int never_halt = HALT_NONE;

/* ---- lifecycle --------------------------------------------------------- */

wf_engine *engine_new(const engine_config *cfg)
{
    wf_engine *e = wf_xcalloc(1, sizeof *e);
    arena_init(&e->mem);
    buf_init(&e->out);
    if (cfg)
        e->cfg = *cfg;
    if (!e->cfg.max_steps)
        e->cfg.max_steps = 1000000;
    engine_reset(e);
    return e;
}

void engine_free(wf_engine *e)
{
    if (!e)
        return;
    engine_reset(e);
    native_pool_free(e->natives);
    arena_fini(&e->mem);
    buf_fini(&e->out);
    VEC_FREE(e->tasks);
    VEC_FREE(e->live);
    VEC_FREE(e->objs);
    VEC_FREE(e->site_keys);
    VEC_FREE(e->site_counts);
    VEC_FREE(e->timers);
    VEC_FREE(e->held);
    VEC_FREE(e->choices);
    VEC_FREE(e->alts);
    VEC_FREE(e->cands);
    VEC_FREE(e->cand_alts);
    VEC_FREE(e->due);
    VEC_FREE(e->idlers);
    VEC_FREE(e->findings);
    VEC_FREE(e->acc);
    VEC_FREE(e->woken);
    VEC_FREE(e->ev_cons);
    VEC_FREE(e->step_cons);
    free(e->enabled);
    free(e);
}

void engine_reset(wf_engine *e)
{
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *t = e->tasks.p[i];
        if (t->drv && t->drv->release)
            t->drv->release(e, t);
    }
    arena_reset(&e->mem);
    e->tasks.len = 0;
    e->nlive = 0;
    e->live.len = 0;
    if (e->enabled)
        memset(e->enabled, 0, e->enabled_words * sizeof(uint64_t));
    e->nenabled = 0;
    e->nspurious = 0;
    e->cur = NULL;
    e->last_tid = -1;
    e->last_polite = false;
    e->resume_head = NULL;
    e->resume_tail = &e->resume_head;
    e->phase = PHASE_NONE;
    e->handoff = NULL;
    e->handed_off = false;
    e->objs.len = 0;
    if (e->nsites) {
        memset(e->site_keys.p, 0, e->site_keys.len * sizeof(uint64_t));
        memset(e->site_counts.p, 0, e->site_counts.len * sizeof(int32_t));
        e->nsites = 0;
    }
    e->now_ns = 0;
    e->timers.len = 0;
    e->idlers.len = 0;
    e->held.len = 0;
    e->timer_seq = 0;
    e->wait_seq = 0;
    e->step = 0;
    e->end = END_NONE;
    e->main_done = false;
    e->grace_ns = 0;
    e->grace_left = 0;
    e->timing_file = NULL;
    e->timing_line = 0;
    e->late_seen = false;
    e->stop = false;
    e->choices.len = 0;
    buf_reset(&e->out);
    e->findings.len = 0;
    e->acc.len = e->woken.len = 0;
    e->abandon_reason = NULL;
    e->aw = NULL;
    e->mem_extra = 0;
    e->halt = e->cfg.halt ? e->cfg.halt : &never_halt;
    e->halt_at = e->cfg.halt_at > 0 ? e->cfg.halt_at : HALT_SEARCH;
    e->mem_limit = e->cfg.max_memory && e->cfg.max_memory < SIZE_MAX
                       ? (size_t)e->cfg.max_memory
                       : SIZE_MAX;
    rng_from_seed(e->rng_state, e->cfg.prog_seed, RNG_STREAM_PROGRAM);
}

bool engine_mem_room(wf_engine *e, size_t n)
{
    uint64_t used = engine_mem_used(e);
    if (WF_LIKELY(n <= e->mem_limit && used <= e->mem_limit - n))
        return true;
    if (!e->stop) {
        e->end = END_MEMORY;
        e->stop = true;
    }
    return false;
}

uint64_t engine_rand(wf_engine *e)
{
    return rng_next(e->rng_state);
}

const char *engine_task_name(const wf_task *t)
{
    return t ? t->name : "?";
}

const char *engine_obj_name(wf_engine *e, const wf_obj *o)
{
    char b[48];
    if (o->name && *o->name)
        return o->name;
    return arena_strdup(&e->mem, obj_label(b, sizeof b,
                                           obj_kind_names[o->kind], NULL,
                                           o->oid));
}

/* ---- task states ------------------------------------------------------- */

static void enabled_grow(wf_engine *e, int32_t tid)
{
    size_t need = (size_t)tid / 64 + 1;
    if (need > e->enabled_words) {
        size_t n = e->enabled_words ? e->enabled_words * 2 : 4;
        while (n < need)
            n *= 2;
        e->enabled = wf_xrealloc(e->enabled, n * sizeof(uint64_t));
        memset(e->enabled + e->enabled_words, 0,
               (n - e->enabled_words) * sizeof(uint64_t));
        e->enabled_words = n;
    }
}

void engine_park(wf_engine *e, wf_task *t)
{
    engine_set_state(e, t, TASK_BLOCKED);
}

static void queue_resume(wf_engine *e, wf_task *t, bool front)
{
    if (t->in_resume)
        return;
    t->in_resume = true;
    if (front) {
        t->resume_next = e->resume_head;
        if (!e->resume_head)
            e->resume_tail = &t->resume_next;
        e->resume_head = t;
    } else {
        t->resume_next = NULL;
        *e->resume_tail = t;
        e->resume_tail = &t->resume_next;
    }
}

static void unlink_waiters(wf_task *t)
{
    waiter_unlink(&t->op.w);
    if (t->op.kind == OP_SELECT)
        for (uint32_t i = 0; i < t->op.ncases; i++)
            waiter_unlink(&t->op.cases[i].w);
}

void engine_complete(wf_engine *e, wf_task *t)
{
    WF_ASSERT(t->state != TASK_DONE && !t->in_resume);
    if (t->op.kind == OP_SEND || t->op.kind == OP_RECV ||
        t->op.kind == OP_SELECT)
        chan_unregister(e, t);
    else
        unlink_waiters(t);
    if (t->state == TASK_RUNNABLE)
        engine_set_state(e, t, TASK_BLOCKED);
    if (WF_UNLIKELY(e->track))
        VEC_PUSH(e->woken, t->tid);
    t->op.woken = true;
    /* It runs again: its blocked span ends here; it becomes runnable
     * only once it exposes its next op. */
    t->m.blocked += e->step - t->since;
    t->since = e->step;
    queue_resume(e, t, false);
}

wf_task *engine_spawn(wf_engine *e, wf_task *parent, const task_driver *drv,
                      void *arg, const char *fname)
{
    wf_task *t = arena_alloc(&e->mem, sizeof *t);
    char nm[256];
    t->tid = (int32_t)e->tasks.len;
    t->main_task = t->tid == 0;
    t->parent = parent ? parent->tid : -1;
    t->fname = arena_strdup(&e->mem, fname ? fname : "");
    if (t->main_task)
        snprintf(nm, sizeof nm, "%s", fname && *fname ? fname : "main");
    else if (fname && *fname)
        snprintf(nm, sizeof nm, "g%d %s", (int)t->tid, fname);
    else
        snprintf(nm, sizeof nm, "g%d", (int)t->tid);
    t->name = arena_strdup(&e->mem, nm);
    t->spawn_step = e->step;
    t->state = TASK_BLOCKED; /* until it exposes its first op */
    t->since = e->step;
    t->drv = drv;
    VEC_PUSH(e->tasks, t);
    enabled_grow(e, t->tid);
    e->nlive++;
    VEC_PUSH(e->live, t->tid); /* the largest tid yet: stays ascending */
    drv->start(e, t, arg);
    queue_resume(e, t, false);
    return t;
}

/* ---- findings ---------------------------------------------------------- */

finding *engine_add_finding(wf_engine *e, const finding *f)
{
    finding c = *f;
    if (c.message)
        c.message = arena_strdup(&e->mem, c.message);
    if (c.detail)
        c.detail = arena_strdup(&e->mem, c.detail);
    if (c.json)
        c.json = arena_strdup(&e->mem, c.json);
    if (!c.step)
        c.step = e->step;
    VEC_PUSH(e->findings, c);
    return &e->findings.p[e->findings.len - 1];
}

static uint64_t site_sig(uint64_t h, const char *file, int32_t line)
{
    if (file)
        h = hash_bytes(h, file, strlen(file));
    return hash_u64(h, (uint64_t)line);
}

step_result engine_panic(wf_engine *e, wf_task *t, const char *msg,
                         bool fatal)
{
    finding f = {0};
    char m[1200];
    if (!fatal && t && t->drv && t->drv->raises) {
        t->raised = arena_strdup(&e->mem, msg);
        return STEP_DONE;
    }
    snprintf(m, sizeof m, "%s%s", fatal ? "fatal error: " : "", msg);
    f.kind = WF_PANIC;
    f.error = true;
    f.tid = t ? t->tid : -1;
    f.message = m;
    f.file = t ? t->op.file : NULL;
    f.line = t ? t->op.line : 0;
    f.sig = site_sig(hash_bytes(HASH_INIT ^ WF_PANIC, msg, strlen(msg)),
                     f.file, f.line);
    engine_add_finding(e, &f);
    if (t)
        engine_emit_op(e, t, EV_PANIC, 0, t->op.obj, -1, 0, 0);
    e->end = END_PANIC;
    e->stop = true;
    return STEP_PANICKED;
}

/* ---- choices ----------------------------------------------------------- */

int engine_choose(wf_engine *e, choice_kind kind, int n, const int32_t *alts)
{
    int idx;
    WF_ASSERT(n >= 1);
    idx = e->strategy->choose(e->strategy->ctx, e, kind, n, alts);
    if (WF_UNLIKELY(idx < 0 || idx >= n)) {
        e->end = END_ABANDONED;
        e->stop = true;
        return -1;
    }
    if (n >= 2) {
        choice c = {(uint32_t)n, (uint32_t)idx, e->step, (uint8_t)kind};
        VEC_PUSH(e->choices, c);
    }
    return idx;
}

/* ---- objects ----------------------------------------------------------- */

/* The ordinal of o among the objects of its kind, name and site. O(1)
 * amortized (a hash table of sites, emptied with the execution). */
static int32_t site_ordinal(wf_engine *e, const wf_obj *o)
{
    uint64_t h = hash_u64(HASH_INIT, o->kind);
    size_t m, i;
    /* named objects by name (a front end may create one lazily, at its
     * first use, whose site varies), unnamed ones by creation site */
    if (*o->name) {
        h = hash_bytes(h, o->name, strlen(o->name));
    } else {
        if (o->file)
            h = hash_bytes(h, o->file, strlen(o->file));
        h = hash_u64(h, (uint64_t)o->line);
    }
    h |= 1; /* 0 marks a free slot */
    if ((e->nsites + 1) * 2 > e->site_keys.len) {
        size_t n = e->site_keys.len ? e->site_keys.len * 2 : 64;
        uint64_t *ok = e->site_keys.p;
        int32_t *oc = e->site_counts.p;
        size_t on = e->site_keys.len;
        e->site_keys.p = wf_xcalloc(n, sizeof(uint64_t));
        e->site_counts.p = wf_xcalloc(n, sizeof(int32_t));
        e->site_keys.len = e->site_keys.cap = n;
        e->site_counts.len = e->site_counts.cap = n;
        for (size_t k = 0; k < on; k++)
            if (ok[k]) {
                for (i = (size_t)(ok[k] * 0x9e3779b97f4a7c15ULL) & (n - 1);
                     e->site_keys.p[i]; i = (i + 1) & (n - 1))
                    ;
                e->site_keys.p[i] = ok[k];
                e->site_counts.p[i] = oc[k];
            }
        free(ok);
        free(oc);
    }
    m = e->site_keys.len - 1;
    for (i = (size_t)(h * 0x9e3779b97f4a7c15ULL) & m;
         e->site_keys.p[i] && e->site_keys.p[i] != h; i = (i + 1) & m)
        ;
    if (!e->site_keys.p[i]) {
        e->site_keys.p[i] = h;
        e->nsites++;
    }
    return e->site_counts.p[i]++;
}

void engine_add_obj(wf_engine *e, wf_obj *o, obj_kind kind, const char *name,
                    const char *file, int line)
{
    o->kind = (uint8_t)kind;
    o->oid = (int32_t)e->objs.len;
    o->name = arena_strdup(&e->mem, name ? name : "");
    o->file = file;
    o->line = line;
    o->origin = 0;
    o->nth = site_ordinal(e, o);
    VEC_PUSH(e->objs, o);
}

/* ---- timers: a binary heap on (when, seq) ------------------------------ */

static bool timer_less(const timer *a, const timer *b)
{
    return a->when < b->when || (a->when == b->when && a->seq < b->seq);
}

static void heap_swap(wf_engine *e, size_t i, size_t j)
{
    timer *a = e->timers.p[i], *b = e->timers.p[j];
    e->timers.p[i] = b;
    e->timers.p[j] = a;
    b->heap_pos = (int32_t)i;
    a->heap_pos = (int32_t)j;
}

static void heap_up(wf_engine *e, size_t i)
{
    while (i > 0) {
        size_t p = (i - 1) / 2;
        if (!timer_less(e->timers.p[i], e->timers.p[p]))
            break;
        heap_swap(e, i, p);
        i = p;
    }
}

static void heap_down(wf_engine *e, size_t i)
{
    for (;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < e->timers.len && timer_less(e->timers.p[l], e->timers.p[m]))
            m = l;
        if (r < e->timers.len && timer_less(e->timers.p[r], e->timers.p[m]))
            m = r;
        if (m == i)
            break;
        heap_swap(e, i, m);
        i = m;
    }
}

void engine_timer_add(wf_engine *e, timer *tm)
{
    if (tm->when < e->now_ns)
        tm->when = e->now_ns;
    tm->seq = e->timer_seq++;
    tm->heap_pos = (int32_t)e->timers.len;
    VEC_PUSH(e->timers, tm);
    heap_up(e, e->timers.len - 1);
}

void engine_timer_cancel(wf_engine *e, timer *tm)
{
    size_t i;
    if (tm->heap_pos < 0)
        return;
    i = (size_t)tm->heap_pos;
    heap_swap(e, i, e->timers.len - 1);
    e->timers.len--;
    tm->heap_pos = -1;
    if (i < e->timers.len) {
        heap_up(e, i);
        heap_down(e, i);
    }
}

static timer *heap_pop(wf_engine *e)
{
    timer *tm = e->timers.p[0];
    heap_swap(e, 0, e->timers.len - 1);
    e->timers.len--;
    tm->heap_pos = -1;
    if (e->timers.len)
        heap_down(e, 0);
    return tm;
}

/* --time loose: tid took tm's early tick and tm re-armed (a ticker): hold
 * it from tid until another task steps or the clock moves. */
void engine_timer_hold(wf_engine *e, timer *tm, int32_t tid)
{
    if (!tm->held_by)
        VEC_PUSH(e->held, tm);
    tm->held_by = tid + 1;
}

/* A step of task tid (-1: the clock moved) ends: release the tickers held
 * from other tasks, as real time passed for them. The release touches each
 * channel in this step, so the reduction orders it before the tick. */
static void release_held(wf_engine *e, int32_t tid)
{
    size_t k = 0;
    for (size_t i = 0; i < e->held.len; i++) {
        timer *tm = e->held.p[i];
        if (!tm->held_by)
            continue;
        if (tid >= 0 && tm->held_by == tid + 1) {
            e->held.p[k++] = tm;
            continue;
        }
        tm->held_by = 0;
        if (tm->ch)
            chan_early_changed(e, tm->ch);
    }
    e->held.len = k;
}

static void fire_one(wf_engine *e, timer *tm)
{
    if (tm->task) {
        wf_task *t = tm->task;
        engine_emit(e, t->tid, EV_TIMER, 0, -1, -1, tm->when, 0, t->op.file,
                    t->op.line);
        engine_complete(e, t);
    } else if (tm->fire) {
        tm->fire(e, tm);
    }
}

/* Every task is blocked and each pending timer is a ticker whose channel
 * is full: firing drops every tick and wakes no one, so the clock would
 * move forever (to --max-steps) while every task stays blocked. O(timers),
 * once per clock move. */
static bool timers_futile(const wf_engine *e)
{
    for (size_t i = 0; i < e->timers.len; i++) {
        const timer *tm = e->timers.p[i];
        if (!tm->ticker || !tm->ch || tm->ch->len < tm->ch->cap)
            return false;
    }
    return true;
}

/* Every task is blocked and a timer is pending: move the clock to the
 * earliest deadline and fire the timers due then. Which fires first is a
 * choice when several are due (it is observable only through what they
 * wake). */
static void fire_timers(wf_engine *e)
{
    int n, first;
    WF_ASSERT(e->timers.len > 0);
    e->step++;
    e->acc.len = e->woken.len = 0;
    engine_access(e, OID_TIME, ACC_WRITE);
    await_timers(e);
    /* a short sleep may have moved the clock past a deadline: the clock
     * never goes back, and every timer then overdue is due */
    if (e->timers.p[0]->when > e->now_ns)
        e->now_ns = e->timers.p[0]->when;
    e->due.len = 0; /* all of them: every one may fire first */
    while (e->timers.len && e->timers.p[0]->when <= e->now_ns)
        VEC_PUSH(e->due, heap_pop(e));
    n = (int)e->due.len;
    first = 0;
    if (n >= 2) {
        e->cand_alts.len = 0;
        for (int i = 0; i < n; i++)
            VEC_PUSH(e->cand_alts, i);
        first = engine_choose(e, CHOICE_TIMER, n, e->cand_alts.p);
        if (first < 0)
            return;
    }
    /* (a fire may make a choice of its own, a partner for its channel:
     * e->due is this function's alone) */
    fire_one(e, e->due.p[first]);
    for (int i = 0; i < n; i++)
        if (i != first)
            fire_one(e, e->due.p[i]);
}

/* Every task is blocked and one is in synctest.Wait: it goes on, at the
 * same instant (the first to wait first). */
static void wake_idler(wf_engine *e)
{
    wf_task *t = e->idlers.p[0];
    e->step++;
    e->acc.len = e->woken.len = 0;
    engine_access(e, OID_TIME, ACC_WRITE);
    memmove(e->idlers.p, e->idlers.p + 1,
            (e->idlers.len - 1) * sizeof *e->idlers.p);
    e->idlers.len--;
    engine_emit(e, t->tid, EV_TIMER, 0, -1, -1, e->now_ns, 0, t->op.file,
                t->op.line);
    engine_complete(e, t);
}

/* ---- events ------------------------------------------------------------ */

void engine_emit_slow(wf_engine *e, wf_event *ev)
{
    ev->step = e->step;
    ev->clock = e->now_ns;
    /* an event about a task's op raised inside library code */
    if (ev->tid >= 0 && (size_t)ev->tid < e->tasks.len) {
        const op *o = &e->tasks.p[ev->tid]->op;
        if (o->lib && ev->file == o->file && ev->line == o->line)
            ev->flags |= EVF_LIB;
    }
    WF_DASSERT(ev->op < EV__COUNT);
    for (uint32_t i = e->ev_first[ev->op], n = e->ev_first[ev->op + 1];
         i < n; i++)
        e->ev_cons.p[i].event(e->ev_cons.p[i].ctx, e, ev);
}

/* After a step, once every woken task has exposed its next op. */
static void step_end(wf_engine *e)
{
    const wf_consumer *c = e->step_cons.p;
    for (size_t i = 0, n = e->step_cons.len; i < n; i++)
        c[i].step_end(c[i].ctx, e);
}

/* ---- performing and exposing ops -------------------------------------- */

/* main returned: the clock runs on to the latest deadline pending now,
 * and past it to the next deadline at most once per task still live
 * (grace_left, engine_next), so a task sleeping at main's return, or
 * starting a sleep or timer after it, finishes that sleep (a goroutine
 * that sleeps, sends its result into a buffered channel and exits is no
 * leak; one that then blocks forever on an unbuffered send is, at that
 * send), while a goroutine looping on a ticker or a retry timer stops
 * once those are spent and is blocked forever (a leak), not run on to
 * --max-steps (GoKer's grpc#862: a retry loop on a 2 ns time.After).
 * The timers that fire early (--time loose) stop now. O(timers), once
 * per execution. */
static void stop_early_timers(wf_engine *e)
{
    e->grace_ns = e->now_ns;
    e->grace_left = (int32_t)e->nlive; /* main has left the count */
    for (size_t i = 0; i < e->timers.len; i++) {
        timer *tm = e->timers.p[i];
        if (tm->when > e->grace_ns)
            e->grace_ns = tm->when;
        if (tm->ch && tm->ch->early == tm) {
            tm->ch->early = NULL;
            chan_early_changed(e, tm->ch);
        }
    }
}

static void task_exit(wf_engine *e, wf_task *t)
{
    uint16_t flags = t->main_task ? EVF_MAIN_DONE : 0;
    engine_set_state(e, t, TASK_DONE);
    t->end_step = e->step;
    e->nlive--;
    {
        /* out of the ascending live list: a binary search, then a move of
         * the later tids (O(live), nothing for the ended tasks) */
        size_t lo = 0, hi = e->live.len;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (e->live.p[mid] < t->tid)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < e->live.len && e->live.p[lo] == t->tid) {
            memmove(e->live.p + lo, e->live.p + lo + 1,
                    (e->live.len - lo - 1) * sizeof *e->live.p);
            e->live.len--;
        }
    }
    if (t->main_task) {
        e->main_done = true;
        engine_access(e, OID_OUTPUT, ACC_WRITE);
        engine_access(e, OID_TIME, ACC_WRITE); /* the horizon is fixed */
        stop_early_timers(e);
    }
    engine_emit(e, t->tid, EV_EXIT, flags, -1, -1, 0, 0, NULL, 0);
    if (t->drv->release)
        t->drv->release(e, t);
    t->drv_data = NULL;
}

static step_result perform(wf_engine *e, wf_task *t)
{
    op *o = &t->op;
    const obj_class *cls = op_class(o);
    if (cls)
        return cls->perform(e, t);
    switch ((op_kind)o->kind) {
    case OP_SPAWN: {
        wf_task *c;
        engine_access(e, OID_SPAWN, ACC_WRITE);
        c = engine_spawn(e, t, o->spawn_drv, o->spawn_arg, o->spawn_name);
        o->res.x = (uint64_t)(uintptr_t)c;
        engine_emit_op(e, t, EV_SPAWN, 0, NULL, c->tid, c->tid, 0);
        return STEP_DONE;
    }
    case OP_YIELD:
        engine_emit_op(e, t, EV_YIELD, 0, NULL, -1, 0, 0);
        return STEP_DONE;
    case OP_SLEEP:
        if (o->idle) {
            engine_access(e, OID_TIME, ACC_READ);
            VEC_PUSH(e->idlers, t);
            engine_emit_op(e, t, EV_SLEEP, 0, NULL, -1, 0, 0);
            engine_park(e, t);
            return STEP_PARKED;
        }
        if (o->ns <= 0 || e->cfg.time_loose) {
            engine_emit_op(e, t, EV_SLEEP, 0, NULL, -1, o->ns, 0);
            return STEP_DONE;
        }
        if (o->early)
            engine_timing_note(e, o->ns, false, o->file, o->line);
        if (o->early && engine_fires_early(e, o->ns)) {
            /* a short sleep (engine.h) is a scheduling point: the tasks
             * that can run may all run before the sleeper goes on, or
             * none of them; the clock moves past it, so a loop sleeping
             * until time.Since passes a bound still ends */
            engine_timing_note(e, o->ns, true, o->file, o->line);
            engine_access(e, OID_TIME, ACC_WRITE);
            if (e->now_ns + o->ns > e->now_ns)
                e->now_ns += o->ns;
            engine_emit_op(e, t, EV_SLEEP, 0, NULL, -1, o->ns, 0);
            return STEP_DONE;
        }
        if (!t->sleep_timer) {
            t->sleep_timer = arena_alloc(&e->mem, sizeof(timer));
            memset(t->sleep_timer, 0, sizeof(timer));
        }
        /* it reads the clock, and whether it ends after main returned
         * depends on whether main returned before (stop_early_timers):
         * DPOR orders the two. (The timers of time.After and tickers are
         * not: a loop on an early-firing one never blocks, and ordering
         * each of its timers with main's return postpones the return
         * without end.) */
        engine_access(e, OID_TIME, ACC_READ);
        t->sleep_timer->task = t;
        t->sleep_timer->when = e->now_ns + o->ns;
        if (t->sleep_timer->when < e->now_ns) /* overflow: forever */
            t->sleep_timer->when = INT64_MAX;
        engine_timer_add(e, t->sleep_timer);
        engine_emit_op(e, t, EV_SLEEP, 0, NULL, -1, o->ns, 0);
        engine_park(e, t);
        return STEP_PARKED;
    case OP_PRINT:
        engine_access(e, OID_OUTPUT, ACC_WRITE);
        if (!e->main_done)
            buf_append(&e->out, o->text, o->len);
        engine_emit_op(e, t, EV_PRINT, 0, NULL, -1, (int64_t)o->len, 0);
        return STEP_DONE;
    case OP_EXIT:
        task_exit(e, t);
        return STEP_EXITED;
    case OP_NONE:
    default: /* an object's op (above), or not performable */
        break;
    }
    wf_fatal("perform: op %d is not performable", (int)o->kind);
}

static void task_fail(wf_engine *e, wf_task *t, bool is_assert)
{
    finding f = {0};
    const char *text = t->op.text ? t->op.text : "";
    char m[1200];
    f.kind = is_assert ? WF_ASSERT : WF_PANIC;
    f.error = true;
    f.tid = t->tid;
    if (is_assert)
        snprintf(m, sizeof m, "assertion failed: %s", text);
    else
        snprintf(m, sizeof m, "%s", text);
    f.message = m;
    f.file = t->op.file;
    f.line = t->op.line;
    f.sig = site_sig(hash_bytes(HASH_INIT ^ f.kind, text, strlen(text)),
                     f.file, f.line);
    engine_add_finding(e, &f);
    engine_emit_op(e, t, is_assert ? EV_ASSERT : EV_PANIC, 0, NULL, -1, 0,
                   0);
    e->end = END_PANIC;
    e->stop = true;
}

/* t stored a new pending op: decide its state. */
static void expose(wf_engine *e, wf_task *t)
{
    const obj_class *c = op_class(&t->op);
    t->op.woken = false;
    if (c) {
        if (c->expose)
            c->expose(e, t);
        else
            engine_set_state(e, t, TASK_RUNNABLE);
        return;
    }
    switch ((op_kind)t->op.kind) {
    case OP_EXIT:
        /* main's return is visible (SPEC 2: output ends there), so other
         * tasks may run between its last op and it; another task's return
         * is observable by no one and needs no scheduling point. */
        if (t->main_task) {
            engine_set_state(e, t, TASK_RUNNABLE);
            return;
        }
        task_exit(e, t);
        return;
    case OP_ASSERT:
    case OP_PANIC:
        task_fail(e, t, t->op.kind == OP_ASSERT);
        return;
    default:
        engine_set_state(e, t, TASK_RUNNABLE);
        return;
    }
}

void engine_resumed(wf_engine *e, wf_task *t)
{
    e->cur = NULL;
    WF_ASSERT(t->op.kind != OP_NONE);
    expose(e, t);
    if (e->fe.task_hash)
        await_exposed(e, t);
}

bool engine_waits_on_time(const wf_engine *e, const wf_task *t)
{
    const op *o = &t->op;
    if (o->kind == OP_SLEEP)
        return true;
    for (size_t i = 0; i < e->timers.len; i++) {
        const wf_chan *ch = e->timers.p[i]->ch;
        if (!ch)
            continue;
        if ((o->kind == OP_RECV || o->kind == OP_SEND) &&
            (const wf_chan *)(const void *)o->obj == ch)
            return true;
        if (o->kind == OP_SELECT)
            for (uint32_t c = 0; c < o->ncases; c++)
                if (o->cases[c].chan == ch)
                    return true;
    }
    return false;
}

/* No task can run and no timer is pending. */
static void end_blocked(wf_engine *e)
{
    if (!e->main_done) {
        finding f = {0};
        uint64_t h = HASH_INIT ^ WF_DEADLOCK;
        f.kind = WF_DEADLOCK;
        f.error = true;
        f.tid = -1;
        size_t nblocked = 0;
        f.message = e->fe.all_asleep ? e->fe.all_asleep
                                     : "all goroutines are asleep";
        for (size_t i = 0; i < e->tasks.len; i++) {
            wf_task *t = e->tasks.p[i];
            if (t->state == TASK_BLOCKED) {
                h = site_sig(hash_u64(h, t->op.kind), t->op.file,
                             t->op.line);
                nblocked++;
            }
        }
        /* main ended without ending the program (runtime.Goexit), and
         * every other task has returned */
        if (!nblocked && e->fe.main_gone)
            f.message = e->fe.main_gone;
        f.sig = h;
        engine_add_finding(e, &f);
        e->end = END_DEADLOCK;
        return;
    }
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *t = e->tasks.p[i];
        finding f = {0};
        char m[600];
        /* main blocked at the end: another goroutine ended the program
         * (os.Exit(0)) while main waited for that, as `select {}` does;
         * Go ends main there, not a leak */
        if (t->state != TASK_BLOCKED || t->main_task)
            continue;
        f.kind = WF_LEAK;
        f.error = false;
        f.tid = t->tid;
        if (engine_waits_on_time(e, t)) /* time stopped: still running */
            snprintf(m, sizeof m, "%s still running when main returned (%s, "
                                  "cut off as time stops there), not "
                                  "blocked forever",
                     t->name, t->op.kind == OP_SLEEP ? "in a sleep"
                                                     : "waiting on a timer");
        else
            snprintf(m, sizeof m, "%s blocked forever in %s", t->name,
                     op_kind_names[t->op.kind]);
        f.message = m;
        f.file = t->op.file;
        f.line = t->op.line;
        f.sig = site_sig(hash_bytes(hash_u64(HASH_INIT ^ WF_LEAK, t->op.kind),
                                    t->fname, strlen(t->fname)),
                         f.file, f.line);
        engine_add_finding(e, &f);
    }
    e->end = END_DONE;
}

/* Every runnable task is a cond waiter that may only wake spuriously: as
 * they are as good as blocked (Go's synctest: durably blocked), moving
 * the clock is an alternative to a spurious wakeup, not ruled out by it.
 * Returns true to fire the timers now. */
static bool timers_first(wf_engine *e)
{
    static const int32_t alts[2] = {0, 1};
    if (!e->timers.len)
        return false;
    return engine_choose(e, CHOICE_BOOL, 2, alts) == 0;
}

/* Before a step (a task's or the timers'): the step budget, the halt
 * word and the memory budget. Sets e->end and returns true when the
 * execution ends here. */
static bool out_of_limits(wf_engine *e)
{
    if (WF_UNLIKELY(e->step >= e->cfg.max_steps))
        e->end = END_MAX_STEPS;
    else if (WF_UNLIKELY(atomic_load_explicit(e->halt, memory_order_relaxed) >=
                         e->halt_at))
        e->end = END_HALTED;
    else if (WF_UNLIKELY(engine_mem_used(e) > e->mem_limit))
        e->end = END_MEMORY;
    else
        return false;
    return true;
}

static int collect_enabled(wf_engine *e)
{
    int n = 0;
    e->alts.len = 0;
    VEC_RESERVE(e->alts, (size_t)e->nenabled);
    for (size_t w = 0; w < e->enabled_words && n < e->nenabled; w++) {
        uint64_t b = e->enabled[w];
        while (b) {
            int bit = __builtin_ctzll(b);
            e->alts.p[n++] = (int32_t)(w * 64 + (size_t)bit);
            b &= b - 1;
        }
    }
    e->alts.len = (size_t)n;
    return n;
}

/* The execution ended: add the open runnable and blocked spans of the
 * live tasks, so the counters the consumers read at the end are whole.
 * O(tasks), once per execution. */
static void close_spans(wf_engine *e)
{
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *t = e->tasks.p[i];
        if (t->state == TASK_RUNNABLE)
            t->m.waits += e->step - t->since;
        else if (t->state == TASK_BLOCKED)
            t->m.blocked += e->step - t->since;
        t->since = e->step;
    }
}

wf_task *engine_next(wf_engine *e)
{
    wf_strategy *s = e->strategy;
    for (;;) {
        int n, idx;
        wf_task *t;
        step_result r;
        /* resume every queued task, in order, until it exposes its op */
        if (e->resume_head && !e->stop) {
            t = e->resume_head;
            e->resume_head = t->resume_next;
            if (!e->resume_head)
                e->resume_tail = &e->resume_head;
            t->in_resume = false;
            e->cur = t;
            t->op.kind = OP_NONE;
            return t;
        }
        if (e->stop) {
            /* a task woken in the last step (its send, receive or lock
             * completed) that the end keeps from exposing its next op
             * is runnable, as in Go, not blocked: os.Exit(<-c) leaves
             * the sender it received from runnable, never leaked */
            while (e->resume_head) {
                if (e->resume_head->state == TASK_BLOCKED &&
                    e->resume_head->op.woken)
                    engine_set_state(e, e->resume_head, TASK_RUNNABLE);
                e->resume_head->in_resume = false;
                e->resume_head = e->resume_head->resume_next;
            }
            e->resume_tail = &e->resume_head;
        }
        /* the resumptions are over: the step is complete */
        if (WF_UNLIKELY(e->held.len) && e->phase != PHASE_NONE && !e->stop)
            release_held(e, e->phase == PHASE_STEP ? e->phase_tid : -1);
        if (e->phase == PHASE_STEP) {
            if (s->after_step)
                s->after_step(s->ctx, e, e->phase_tid);
            WF_DASSERT(engine_check(e));
            if (e->nconsumers)
                step_end(e);
        } else if (e->phase == PHASE_TIMERS) {
            if (s->after_step && !e->stop)
                s->after_step(s->ctx, e, -1);
            if (e->nconsumers)
                step_end(e);
        }
        e->phase = PHASE_NONE;
        /* the next step */
        if (e->stop)
            return NULL;
        if (e->nlive == 0) {
            if (!e->main_done && e->fe.main_gone)
                end_blocked(e);
            else
                e->end = END_DONE;
            return NULL;
        }
        /* after main returns, time runs to the horizon of
         * stop_early_timers, then on to the next deadline at most once per
         * task live at main's return: a goroutine that ends after a sleep
         * or a timer started late (it had not reached it when main
         * returned) is no leak, as in Go, where it wakes; one looping on a
         * ticker or a retry timer would never end, and is blocked forever
         * (a leak) once the extensions are spent */
        if (WF_UNLIKELY(e->nenabled == 0 && e->idlers.len)) {
            if (out_of_limits(e))
                return NULL;
            wake_idler(e);
            e->phase = PHASE_TIMERS;
            continue;
        }
        if (e->nenabled == 0 ||
            (WF_UNLIKELY(e->nspurious == e->nenabled) && !e->main_done &&
             timers_first(e))) {
            if (e->main_done && e->timers.len &&
                e->timers.p[0]->when > e->grace_ns && e->grace_left > 0 &&
                !(e->nenabled == 0 && timers_futile(e))) {
                e->grace_left--;
                e->grace_ns = e->timers.p[0]->when;
            }
            if (!e->timers.len ||
                (e->main_done && e->timers.p[0]->when > e->grace_ns) ||
                (e->nenabled == 0 && timers_futile(e))) {
                end_blocked(e);
                return NULL;
            }
            if (out_of_limits(e))
                return NULL;
            fire_timers(e);
            e->phase = PHASE_TIMERS;
            continue;
        }
        /* a short sleep moved the clock past a longer timer's deadline:
         * it is due now, as Go's runtime fires a timer whose time has
         * come while other goroutines run (waking its task, which then
         * competes for the processor), not only once every task is
         * blocked. Early timers (a channel's short tick) keep theirs. */
        if (WF_UNLIKELY(e->timers.len && e->timers.p[0]->when <= e->now_ns &&
                        !(e->timers.p[0]->ch &&
                          e->timers.p[0]->ch->early == e->timers.p[0]))) {
            if (out_of_limits(e))
                return NULL;
            fire_timers(e);
            e->phase = PHASE_TIMERS;
            continue;
        }
        if (out_of_limits(e))
            return NULL;
        n = collect_enabled(e);
        idx = engine_choose(e, CHOICE_TASK, n, e->alts.p);
        if (idx < 0)
            return NULL;
        t = e->tasks.p[e->alts.p[idx]];
        e->step++;
        e->acc.len = e->woken.len = 0;
        t->m.steps++;
        t->m.waits += e->step - t->since - 1;
        t->since = e->step;
        e->last_tid = t->tid;
        e->last_polite = t->op.kind == OP_YIELD && t->op.polite;
        e->cur = t;
        if (e->fe.task_hash)
            await_before(e, t);
        r = perform(e, t);
        if (e->fe.task_hash)
            await_after(e, t, r);
        e->cur = NULL;
        if (r == STEP_DONE)
            queue_resume(e, t, true);
        e->phase = PHASE_STEP;
        e->phase_tid = t->tid;
    }
}

exec_end engine_run(wf_engine *e, const task_driver *drv, void *arg,
                    const char *main_name, wf_strategy *s,
                    wf_consumer *consumers, int nconsumers)
{
    wf_task *t;
    e->strategy = s;
    e->consumers = consumers;
    e->nconsumers = nconsumers;
    e->ev_cons.len = e->step_cons.len = 0;
    for (int k = 0; k < EV__COUNT; k++) {
        e->ev_first[k] = (uint32_t)e->ev_cons.len;
        for (int i = 0; i < nconsumers; i++)
            if (consumers[i].event &&
                (!consumers[i].ops || (consumers[i].ops >> k) & 1))
                VEC_PUSH(e->ev_cons, consumers[i]);
    }
    e->ev_first[EV__COUNT] = (uint32_t)e->ev_cons.len;
    for (int i = 0; i < nconsumers; i++)
        if (consumers[i].step_end)
            VEC_PUSH(e->step_cons, consumers[i]);
    for (int i = 0; i < nconsumers; i++)
        if (consumers[i].begin)
            consumers[i].begin(consumers[i].ctx, e);
    engine_spawn(e, NULL, drv, arg, main_name);
    e->phase = PHASE_NONE;
    t = engine_next(e);
    while (t) {
        e->handed_off = false;
        t->drv->resume(e, t);
        if (e->handed_off) { /* the driver ran the engine on */
            t = e->handoff;
            continue;
        }
        engine_resumed(e, e->cur);
        t = engine_next(e);
    }
    if (e->end == END_NONE)
        e->end = END_ABANDONED;
    close_spans(e);
    for (int i = 0; i < nconsumers; i++)
        if (consumers[i].end)
            consumers[i].end(consumers[i].ctx, e);
    return e->end;
}

bool engine_check(const wf_engine *e)
{
    int32_t runnable = 0, live = 0, spurious = 0;
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        bool bit = (e->enabled[t->tid >> 6] >> (t->tid & 63)) & 1;
        if (t->tid != (int32_t)i)
            return false;
        if ((t->state == TASK_RUNNABLE) != bit)
            return false;
        runnable += t->state == TASK_RUNNABLE;
        spurious += t->state == TASK_RUNNABLE &&
                    (t->op.kind == OP_COND_WAIT ||
                     t->op.kind == OP_COND_PARK) &&
                    t->op.parked;
        live += t->state != TASK_DONE;
        if (t->state != TASK_DONE && !e->stop && !t->in_resume &&
            t->op.kind == OP_NONE)
            return false;
    }
    /* every object's invariants, in small programs only: a debug check
     * per step must stay cheap beside thousands of objects */
    for (size_t i = 0; i < e->objs.len && e->objs.len <= 256; i++) {
        const wf_obj *o = e->objs.p[i];
        const obj_class *c = obj_class_of(o);
        if (c->check && !c->check(e, o))
            return false;
    }
    return runnable == e->nenabled && live == e->nlive &&
           spurious == e->nspurious;
}

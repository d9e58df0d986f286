/* liveness.c: see liveness.h. */
#include "liveness.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"

/* share starvation: below 1/SHARE_FRACTION of the fair share, while the
 * others made at least SHARE_MIN_OTHERS progress events in the window */
#define SHARE_FRACTION   10
#define SHARE_MIN_OTHERS 10

typedef struct lv_task {
    uint64_t seen_steps; /* its m.steps at the last step_end */
    uint64_t last_step;  /* the last step it took, 0 none */
    uint64_t last_wanted; /* the last step after which it wanted to run
                             (hunting only), 0 none */
    uint64_t qepoch;     /* the quiet stretch qbase belongs to, + 1 */
    uint64_t qbase;      /* its m.steps when that stretch began */
    uint64_t wsteps, wprog; /* m.steps, m.progress at the window's start */
    uint64_t wwaits;     /* m.waits (open span included) at that start */
    uint64_t wait_key;   /* the lock wait (waiter seq + 1) streak is of */
    uint64_t streak;     /* grants to others it could not have taken */
    uint64_t reported;   /* the wait a bypass was reported for, + 1 */
    bool starved;        /* share starvation reported */
} lv_task;

struct liveness_checker {
    uint64_t window, bypass;
    VEC(lv_task) t;
    bool marked;          /* a progress marker ran in this execution */
    uint64_t quiet_since; /* step of the last progress event or timer */
    uint64_t epoch;       /* quiet stretches so far */
    bool livelock;        /* reported in this execution */
    /* the search for a repeated state in the current quiet stretch */
    bool hunting, hunt_over;
    uint64_t hunt_start;  /* the first hashed step */
    uint64_t stride;      /* hash every stride-th step of the search */
    uint64_t at_stride;   /* states hashed at this stride */
    size_t ntasks;        /* tasks at the last hashed step */
    uint64_t hash_work;   /* tasks the state hashes read, this execution */
    bool cut_unfair;      /* at the last step before --max-steps: a task
                             was kept from running for a whole window */
    VEC(int32_t) ran;     /* the task of each step from hunt_start */
    VEC(uint64_t) wanted; /* tids runnable since the last hashed step */
    uint64_t *keys;       /* open addressing on state hashes; 0 is free */
    uint64_t *at;         /* the step each key was first seen after */
    size_t cap, n;
    VEC(uint64_t) scratch;
};

static lv_task *lvt(liveness_checker *l, int32_t tid)
{
    while (l->t.len <= (size_t)tid) {
        lv_task z;
        memset(&z, 0, sizeof z);
        VEC_PUSH(l->t, z);
    }
    return &l->t.p[tid];
}

static bool marked(const liveness_checker *l, const wf_engine *e)
{
    return l->marked || e->fe.progress_marked;
}

/* A runnable task whose only move is a spurious wakeup is as good as
 * blocked (engine.c, timers_first). */
static bool wants_to_run(const wf_task *t)
{
    if (t->state != TASK_RUNNABLE)
        return false;
    return !((t->op.kind == OP_COND_WAIT || t->op.kind == OP_COND_PARK) &&
             t->op.parked);
}

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "");
}

/* ---- progress ------------------------------------------------------------ */

static void quiet_restart(liveness_checker *l, wf_engine *e)
{
    l->quiet_since = e->step;
    l->epoch++;
    l->hunting = false;
    l->hunt_over = false;
}

/* ---- findings ------------------------------------------------------------ */

/* A signature from the sorted, distinct function names of tasks tids[0, n)
 * (across executions a livelock is the same whatever step it was cut at). */
static uint64_t names_sig(liveness_checker *l, wf_engine *e, uint64_t h,
                          const int32_t *tids, size_t n)
{
    l->scratch.len = 0;
    for (size_t i = 0; i < n; i++) {
        const char *f = e->tasks.p[tids[i]]->fname;
        VEC_PUSH(l->scratch, hash_bytes(HASH_INIT, f, strlen(f)));
    }
    for (size_t i = 1; i < l->scratch.len; i++) /* insertion: few names */
        for (size_t j = i; j > 0 && l->scratch.p[j - 1] > l->scratch.p[j];
             j--) {
            uint64_t x = l->scratch.p[j];
            l->scratch.p[j] = l->scratch.p[j - 1];
            l->scratch.p[j - 1] = x;
        }
    for (size_t i = 0; i < l->scratch.len; i++)
        if (!i || l->scratch.p[i] != l->scratch.p[i - 1])
            h = hash_u64(h, l->scratch.p[i]);
    return h;
}

/* The livelock finding: tasks tids[0, n) spun, steps[i] steps each.
 * cycle_from: the step after which the repeated state was first seen
 * (proven), or 0 with cycle_len 0 (suspected). */
static void livelock_found(liveness_checker *l, wf_engine *e,
                           const int32_t *tids, const uint64_t *steps,
                           size_t n, uint64_t cycle_from, uint64_t cycle_len)
{
    finding f;
    buf msg, det, js;
    report_livelock r;
    memset(&r, 0, sizeof r);
    r.tids = tids;
    r.steps = steps;
    r.n = n;
    r.after_main = e->main_done;
    r.cycle_from = cycle_from;
    r.cycle_len = cycle_len;
    r.quiet_since = l->quiet_since;
    r.window = l->window;
    memset(&f, 0, sizeof f);
    buf_init(&msg);
    buf_init(&det);
    buf_init(&js);
    report_livelock_render(&msg, &det, &js, e, &r);
    /* after main returned (SPEC 2: the program's output has ended), tasks
     * that never end are leaked, as goleak sees them: a warning in a
     * program, an error in a test (explore.c sets a leak's severity) */
    f.kind = e->main_done ? WF_LEAK : WF_LIVELOCK;
    f.error = !e->main_done;
    f.step = cycle_len > 0 ? e->step : l->quiet_since + l->window;
    f.tid = n ? tids[0] : -1;
    f.message = msg.p;
    f.detail = det.p;
    f.json = js.p;
    if (n) {
        f.file = e->tasks.p[tids[0]]->op.file;
        f.line = e->tasks.p[tids[0]]->op.line;
    }
    f.sig = names_sig(l, e, (HASH_INIT ^ f.kind) + 0x5417, tids, n);
    engine_add_finding(e, &f);
    l->livelock = true;
    buf_fini(&msg);
    buf_fini(&det);
    buf_fini(&js);
}

/* The starvation finding r. */
static void starvation_found(wf_engine *e, const report_starvation *r,
                           uint64_t sig)
{
    finding f;
    buf msg, det, js;
    memset(&f, 0, sizeof f);
    buf_init(&msg);
    buf_init(&det);
    buf_init(&js);
    report_starvation_render(&msg, &det, &js, e, r);
    f.kind = WF_STARVATION;
    f.error = false;
    f.tid = r->t->tid;
    f.message = msg.p;
    f.detail = det.p;
    f.json = js.p;
    f.file = r->t->op.file;
    f.line = r->t->op.line;
    f.sig = sig;
    engine_add_finding(e, &f);
    buf_fini(&msg);
    buf_fini(&det);
    buf_fini(&js);
}

static uint64_t site_hash(uint64_t h, const char *file, int32_t line)
{
    if (file)
        h = hash_bytes(h, base_name(file), strlen(base_name(file)));
    return hash_u64(h, (uint64_t)line);
}

/* Task t waits (wait key) for o, granted to others `streak` times in a
 * row: report it once per wait when the streak passes B. */
static void bypassed(liveness_checker *l, wf_engine *e, const wf_task *t,
                     const wf_obj *o, uint64_t key, uint64_t streak)
{
    lv_task *lt = lvt(l, t->tid);
    report_starvation r;
    uint64_t sig;
    if (streak <= l->bypass || lt->reported == key)
        return;
    lt->reported = key;
    memset(&r, 0, sizeof r);
    r.t = t;
    r.reason = REPORT_STARVE_BYPASS;
    r.obj = o;
    r.bypasses = streak;
    r.limit = l->bypass;
    sig = hash_bytes(HASH_INIT ^ WF_STARVATION, t->fname, strlen(t->fname));
    sig = hash_u64(site_hash(sig, t->op.file, t->op.line), o->kind);
    sig = site_hash(hash_bytes(sig, o->name, strlen(o->name)), o->file,
                    o->line);
    starvation_found(e, &r, sig);
}

/* Mutex oid (or an RWMutex's writer slot) was granted to task tid: a
 * pending locker that could not have taken it (blocked) is passed over.
 * One that could (runnable: under --mutex free a freed mutex enables its
 * waiters) was passed over by the scheduler, not by the program: that is
 * no starvation, as Go's runtime bounds such barging (a waiter that has
 * waited 1ms gets the mutex handed off, starvation mode), and a fair
 * scheduler would have run it. Such grants neither count nor break the
 * streak. Channels serve their waiters in arrival order, ties being a
 * choice, so a parked channel op is never passed over by the program. */
static void lock_granted(liveness_checker *l, wf_engine *e, int32_t oid,
                         int32_t tid)
{
    wf_obj *o;
    const waitq *q;
    if (oid < 0 || (size_t)oid >= e->objs.len)
        return;
    o = e->objs.p[oid];
    q = obj_lockers(o);
    if (!q)
        return;
    for (const waiter *w = q->head; w; w = w->next) {
        lv_task *lt;
        if (w->task->tid == tid || w->task->state == TASK_RUNNABLE)
            continue;
        lt = lvt(l, w->task->tid);
        if (lt->wait_key != w->seq + 1) {
            lt->wait_key = w->seq + 1;
            lt->streak = 0;
        }
        lt->streak++;
        bypassed(l, e, w->task, o, w->seq + 1, lt->streak);
    }
}

/* ---- the consumer -------------------------------------------------------- */

static void lv_begin(void *ctx, wf_engine *e)
{
    liveness_checker *l = ctx;
    l->t.len = 0;
    l->marked = false;
    l->livelock = false;
    l->cut_unfair = false;
    l->epoch = 0;
    l->hash_work = 0;
    quiet_restart(l, e);
}

static void lv_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    liveness_checker *l = ctx;
    switch ((ev_op)ev->op) {
    case EV_PROGRESS:
        l->marked = true;
        quiet_restart(l, e);
        return;
    case EV_EXIT:
        if (!marked(l, e))
            quiet_restart(l, e);
        return;
    case EV_SLEEP:
        /* under strict time a sleep waits for the clock, which moves past
         * it (a short one ends early, engine_fires_early): the program
         * waits for time, as when a timer fires, it does not spin */
        if (ev->value > 0 && !e->cfg.time_loose)
            quiet_restart(l, e);
        return;
    case EV_RECV:
        if (ev->flags & EVF_FAILED)
            return;
        if (!marked(l, e))
            quiet_restart(l, e);
        return;
    case EV_LOCK:
        if (l->bypass)
            lock_granted(l, e, ev->oid, ev->tid);
        return;
    case EV_TRYLOCK:
        if (l->bypass && !(ev->flags & EVF_FAILED))
            lock_granted(l, e, ev->oid, ev->tid);
        return;
    default:
        return;
    }
}

static uint64_t mix(uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* Under strict time a busy loop keeps the clock from moving while a timer
 * is pending: a sleeper that real time would wake (a spin-wait for it)
 * looks like a cycle but is not one in Go. Neither proven nor suspected
 * then; the explorer's summary names --time loose instead. */
static bool waits_for_time(const wf_engine *e)
{
    return e->timers.len && !e->cfg.time_loose;
}

/* The global state: the front end's hash, with the pending timers
 * (deadlines relative to now, as a multiset: the heap's order is not
 * canonical). Never 0. */
static uint64_t global_hash(wf_engine *e)
{
    uint64_t h = e->fe.state_hash(e->fe.ctx, e), tm = 0;
    for (size_t i = 0; i < e->timers.len; i++) {
        const timer *t = e->timers.p[i];
        tm += mix(hash_u64(hash_u64(HASH_INIT, (uint64_t)(t->when -
                                                           e->now_ns)),
                           t->task ? (uint64_t)t->task->tid + 1 : 0));
    }
    h = mix(h ^ mix(tm + e->timers.len));
    return h ? h : 1;
}

static void table_clear(liveness_checker *l)
{
    if (l->keys)
        memset(l->keys, 0, l->cap * sizeof *l->keys);
    l->n = 0;
}

static void table_grow(liveness_checker *l)
{
    size_t oc = l->cap, nc = oc ? oc * 2 : 1024;
    uint64_t *ok = l->keys, *oa = l->at;
    l->keys = wf_xcalloc(nc, sizeof *l->keys);
    l->at = wf_xmalloc(nc * sizeof *l->at);
    l->cap = nc;
    for (size_t i = 0; i < oc; i++)
        if (ok[i]) {
            size_t j = (size_t)mix(ok[i]) & (nc - 1);
            while (l->keys[j])
                j = (j + 1) & (nc - 1);
            l->keys[j] = ok[i];
            l->at[j] = oa[i];
        }
    free(ok);
    free(oa);
}

/* Where h is, or the free slot for it. */
static size_t table_find(const liveness_checker *l, uint64_t h)
{
    size_t j = (size_t)mix(h) & (l->cap - 1);
    while (l->keys[j] && l->keys[j] != h)
        j = (j + 1) & (l->cap - 1);
    return j;
}

/* Strong fairness: every task that wanted to run at some step after s
 * ran after s. Weak fairness (those that want to run now) let a poller
 * that locks, looks and unlocks in a loop be a livelock, the goroutine it
 * waits for being enabled at each Unlock and never picked; Go hands a
 * mutex to a waiter that waited 1ms (starvation mode), and its scheduler
 * runs every runnable goroutine in time. */
static bool all_ran_since(liveness_checker *l, wf_engine *e, uint64_t s)
{
    for (size_t i = 0; i < e->tasks.len; i++) {
        const lv_task *lt = lvt(l, (int32_t)i);
        if ((wants_to_run(e->tasks.p[i]) || lt->last_wanted > s) &&
            lt->last_step <= s)
            return false;
    }
    return true;
}

/* The state after step s0 recurred now: prove the livelock. */
static void proven(liveness_checker *l, wf_engine *e, uint64_t s0)
{
    VEC(int32_t) tids = {NULL, 0, 0};
    VEC(uint64_t) steps = {NULL, 0, 0};
    uint64_t *cnt = wf_xcalloc(e->tasks.len, sizeof *cnt);
    for (uint64_t s = s0 + 1; s <= e->step; s++) {
        int32_t tid = l->ran.p[s - l->hunt_start];
        if (tid >= 0 && (size_t)tid < e->tasks.len)
            cnt[tid]++;
    }
    for (size_t i = 0; i < e->tasks.len; i++)
        if (cnt[i]) {
            VEC_PUSH(tids, (int32_t)i);
            VEC_PUSH(steps, cnt[i]);
        }
    livelock_found(l, e, tids.p, steps.p, tids.len, s0, e->step - s0);
    free(cnt);
    VEC_FREE(tids);
    VEC_FREE(steps);
    e->stop = true;
    e->end = END_LIVELOCK;
}

/* One step of the search for a repeated state. */
static void hunt(liveness_checker *l, wf_engine *e)
{
    uint64_t h;
    size_t j;
    if (!l->hunting) {
        l->hunting = true;
        l->hunt_start = e->step;
        l->stride = 1;
        l->at_stride = 0;
        l->ran.len = 0;
        l->ntasks = e->tasks.len;
        if (l->wanted.len)
            memset(l->wanted.p, 0, l->wanted.len * sizeof(uint64_t));
        table_clear(l);
    }
    VEC_PUSH(l->ran, e->last_tid);
    /* the tasks runnable at some step since the last hashed one, O(words)
     * a step; their last_wanted is the next hashed step, as cycles begin
     * and end at hashed steps */
    if (l->wanted.len < e->enabled_words) {
        size_t k = l->wanted.len;
        VEC_RESERVE(l->wanted, e->enabled_words);
        memset(l->wanted.p + k, 0, (e->enabled_words - k) * sizeof(uint64_t));
        l->wanted.len = e->enabled_words;
    }
    for (size_t w = 0; w < e->enabled_words; w++)
        l->wanted.p[w] |= e->enabled[w];
    if ((e->step - l->hunt_start) % l->stride)
        return;
    for (size_t w = 0; w < l->wanted.len; w++) {
        uint64_t b = l->wanted.p[w];
        l->wanted.p[w] = 0;
        while (b) {
            size_t tid = w * 64 + (size_t)__builtin_ctzll(b);
            b &= b - 1;
            if (tid < e->tasks.len && wants_to_run(e->tasks.p[tid]))
                lvt(l, (int32_t)tid)->last_wanted = e->step;
        }
    }
    if (++l->at_stride > LIVENESS_HUNT_PHASE &&
        l->stride < LIVENESS_HUNT_STRIDE) {
        l->stride *= 2;
        l->at_stride = 1;
    }
    /* a hash reads every task: with many, sample fewer steps, so that
     * hashing costs O(LIVENESS_HUNT_TASKS) a step (100,000 goroutines
     * blocked while main spawns them: 44 s hashing, not 0.6 s) */
    while (l->stride * LIVENESS_HUNT_TASKS < e->tasks.len) {
        l->stride *= 2;
        l->at_stride = 1;
    }
    /* every task spawned stays in the state (done or not): a state seen
     * before a spawn never recurs after it, and one seen at the first
     * hashed step after a spawn only recurs in a stretch without spawns,
     * which the next hashed step begins as well. A loop that spawns
     * hashes nothing (main starting 100,000 goroutines: 2.5 s of 3.3) */
    if (e->tasks.len != l->ntasks) {
        l->ntasks = e->tasks.len;
        return;
    }
    l->hash_work += e->tasks.len;
    h = global_hash(e);
    if (engine_must_stop(e))
        return; /* the execution ends here (a halt, the memory budget) */
    if ((l->n + 1) * 2 > l->cap)
        table_grow(l);
    j = table_find(l, h);
    if (l->keys[j]) {
        if (all_ran_since(l, e, l->at[j]))
            proven(l, e, l->at[j]);
        return;
    }
    l->keys[j] = h;
    l->at[j] = e->step;
    if (++l->n >= LIVENESS_HUNT) {
        l->hunting = false;
        l->hunt_over = true;
    }
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Does task t run the function of a task that has progressed (the
 * sorted hashes in l->scratch)? */
static bool has_peer(const liveness_checker *l, const wf_task *t)
{
    uint64_t fh = hash_bytes(HASH_INIT, t->fname, strlen(t->fname));
    return l->scratch.len &&
           bsearch(&fh, l->scratch.p, l->scratch.len, sizeof fh, u64_cmp);
}

/* At the end of each window of W steps: share starvation (markers). */
static void window_end(liveness_checker *l, wf_engine *e)
{
    uint64_t total = 0, n = 0;
    l->scratch.len = 0;
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        if (t->m.progress)
            VEC_PUSH(l->scratch,
                     hash_bytes(HASH_INIT, t->fname, strlen(t->fname)));
    }
    if (l->scratch.len)
        qsort(l->scratch.p, l->scratch.len, sizeof *l->scratch.p, u64_cmp);
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        lv_task *lt = lvt(l, (int32_t)i);
        if (!has_peer(l, t) || t->state == TASK_DONE ||
            (t->m.steps == lt->wsteps && !wants_to_run(t)))
            continue;
        total += t->m.progress - lt->wprog;
        n++;
    }
    for (size_t i = 0; n >= 2 && i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        lv_task *lt = lvt(l, (int32_t)i);
        uint64_t p = t->m.progress - lt->wprog;
        report_starvation r;
        if (!has_peer(l, t) || lt->starved || t->state == TASK_DONE ||
            (t->m.steps == lt->wsteps && !wants_to_run(t)))
            continue;
        if (total - p < SHARE_MIN_OTHERS || p * SHARE_FRACTION * n >= total)
            continue;
        /* it wanted to run and never got a turn: the scheduler starved it
         * (a preemption bound), not the program */
        if (t->m.steps == lt->wsteps &&
            report_task_metrics(e, t).waits > lt->wwaits)
            continue;
        lt->starved = true;
        memset(&r, 0, sizeof r);
        r.t = t;
        r.reason = REPORT_STARVE_SHARE;
        r.window = l->window;
        r.progress = p;
        r.ntasks = n;
        r.total = total;
        starvation_found(e, &r,
                       hash_bytes(HASH_INIT ^ WF_STARVATION ^ 0x5ea7,
                                  t->fname, strlen(t->fname)));
    }
    for (size_t i = 0; i < e->tasks.len; i++) {
        lv_task *lt = lvt(l, (int32_t)i);
        lt->wsteps = e->tasks.p[i]->m.steps;
        lt->wprog = e->tasks.p[i]->m.progress;
        lt->wwaits = report_task_metrics(e, e->tasks.p[i]).waits;
    }
}

/* Some task wants to run and has not run for a whole window. */
static bool kept_from_running(const liveness_checker *l, const wf_engine *e)
{
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        if (wants_to_run(t) && e->step - t->since >= l->window)
            return true;
    }
    return false;
}

static void lv_step_end(void *ctx, wf_engine *e)
{
    liveness_checker *l = ctx;
    int32_t tid = e->last_tid;
    wf_task *t = tid >= 0 ? e->tasks.p[tid] : NULL;
    lv_task *lt = t ? lvt(l, tid) : NULL;
    if (!t || t->m.steps == lt->seen_steps) {
        /* a timer fired: every task was blocked (SPEC 2), the program
         * waits for time, it does not spin */
        quiet_restart(l, e);
    } else {
        lt->seen_steps = t->m.steps;
        lt->last_step = e->step;
        if (lt->qepoch != l->epoch + 1) {
            lt->qepoch = l->epoch + 1;
            lt->qbase = t->m.steps - (e->step == l->quiet_since ? 0 : 1);
        }
    }
    if (!l->window || e->stop)
        return;
    /* the engine closes the tasks' spans before the end callback: judge
     * fairness at the last step */
    if (e->step >= e->cfg.max_steps && e->step - l->quiet_since >= l->window)
        l->cut_unfair = kept_from_running(l, e);
    if (marked(l, e) && e->step % l->window == 0)
        window_end(l, e);
    if (!l->livelock && e->step - l->quiet_since >= l->window &&
        e->fe.state_hash && !l->hunt_over && !waits_for_time(e))
        hunt(l, e);
}

static void lv_end(void *ctx, wf_engine *e)
{
    liveness_checker *l = ctx;
    VEC(int32_t) tids = {NULL, 0, 0};
    VEC(uint64_t) steps = {NULL, 0, 0};
    if (!l->window || l->livelock || e->end != END_MAX_STEPS ||
        e->step - l->quiet_since < l->window || waits_for_time(e))
        return;
    /* a Go program's state can be hashed: a livelock is proven by a
     * repeated state or not reported. States that never repeat over the
     * stretch are a computation longer than --max-steps (the summary says
     * the execution was cut), not a livelock */
    if (e->fe.state_hash)
        return;
    /* a task kept from running for the whole window: the scheduler
     * starved it (rr, a preemption bound), the program may not spin */
    if (l->cut_unfair)
        return;
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        const lv_task *lt = lvt(l, (int32_t)i);
        if (lt->qepoch == l->epoch + 1 && t->m.steps > lt->qbase) {
            VEC_PUSH(tids, (int32_t)i);
            VEC_PUSH(steps, t->m.steps - lt->qbase);
        }
    }
    livelock_found(l, e, tids.p, steps.p, tids.len, 0, 0);
    VEC_FREE(tids);
    VEC_FREE(steps);
}

liveness_checker *liveness_new(uint64_t window, uint64_t bypass)
{
    liveness_checker *l = wf_xcalloc(1, sizeof *l);
    l->window = window;
    l->bypass = bypass;
    return l;
}

wf_consumer liveness_consumer(liveness_checker *l)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = l;
    c.begin = lv_begin;
    c.event = lv_event;
    /* what lv_event looks at: progress, exits, receives, locks */
    c.ops = EV_BIT(EV_PROGRESS) | EV_BIT(EV_EXIT) | EV_BIT(EV_RECV) |
            EV_BIT(EV_LOCK) | EV_BIT(EV_TRYLOCK);
    c.end = lv_end;
    c.step_end = lv_step_end;
    return c;
}

uint64_t liveness_hash_work(const liveness_checker *l)
{
    return l->hash_work;
}

void liveness_free(liveness_checker *l)
{
    if (!l)
        return;
    VEC_FREE(l->t);
    VEC_FREE(l->ran);
    VEC_FREE(l->wanted);
    VEC_FREE(l->scratch);
    free(l->keys);
    free(l->at);
    free(l);
}

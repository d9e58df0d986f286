/* await.c: the await check of Go tasks (await.h), the engine's version of
 * the C front end's (sim/posix/verifier.c).
 *
 * A task that spins on shared objects through scheduling points (for
 * !flag.Load() {}; a select whose default polls a channel again; a
 * TryLock retried) would make every iteration a step, and the search
 * would explore every count of iterations (an estimated 1e18 executions
 * left). At each scheduling point where a task's pending op only polls
 * (an atomic load, a read of a shared variable, a select with default, a
 * TryLock, a compare-and-swap, a yield, len(ch); a Lock or Unlock, which
 * may begin or end a section that only polls: pair_step), its state
 * (the front end's hash of its frames and what they reach, its op) and
 * its count of effects (steps that changed something: any op that is not
 * a failed poll, nor a Lock and Unlock with only polls between) are
 * noted; when they are as they were one to four scheduling points
 * before, the iterations in between only read, and what they read came
 * back the same (the state says so): they will do the same again until
 * one of the objects they read is written. The task then waits for such a
 * write (GenMC's and Nidhugg's spin-assume, decided at run time), blocked
 * with its op pending, which skips executions that differ only in how
 * many useless iterations ran. If no write comes (every other task done
 * or blocked), it spins forever: a livelock, reported when the execution
 * ends (await_end). A spin that changes its own state at each iteration
 * (a counter, a read of the clock: the front end hashes how many times
 * the task read it) never repeats a state and is not reduced. */
#include "await.h"

#include <stdio.h>
#include <string.h>

#include "chan.h"
#include "mutex.h"

#define AW_HIST 4   /* scheduling points looked back at */
#define AW_READS 8  /* objects one window may read */
#define AW_ALL 32   /* objects a wait may be on */
#define AW_NOHASH 8 /* failed hashes after which a task is not looked at */
#define AW_MISSES 16  /* hashes matching nothing before some points pass */
#define AW_SKIP_MAX 64 /* points passed between two hashes at most */

/* The window of steps that ended at one scheduling point. */
typedef struct aw_window {
    uint64_t hash;    /* the task's state at the point */
    uint64_t effects; /* its count of effects then */
    uint64_t wseq;    /* the execution's count of writes then */
    int32_t reads[AW_READS];
    uint8_t nreads;
    bool over; /* it read more than reads holds */
} aw_window;

struct task_await {
    aw_window hist[AW_HIST]; /* hist[0] the newest */
    int nhist;
    aw_window cur; /* the window being read (its reads only) */
    uint64_t effects;
    /* a sync.Mutex it locked with no effect yet (-1: none): the Lock and
     * the Unlock of a section that only polls leave the mutex as it was,
     * and count as no effect (pair_open) */
    int32_t pair;
    uint64_t pair_mark; /* the execution's count of waits at its Lock */
    uint32_t pair_points; /* scheduling points since its Lock */
    uint64_t wait_no;   /* that count when its wait began */
    int32_t await[AW_ALL]; /* what it waits for a write of */
    int nawait;
    uint32_t nohash;
    /* hashes since its last effect that matched nothing, and scheduling
     * points to let pass before the next (a spin whose state changes at
     * each iteration, reading the clock, is looked at less and less
     * often; its windows span the points passed: still sound) */
    uint32_t misses, skip;
};

struct await_exec {
    uint64_t *wlast; /* by oid: the write count at its last write, 0 none */
    size_t wcap;
    uint64_t wseq; /* writes so far */
    uint64_t wall; /* the write count at the last write of everything */
    int32_t nawait; /* tasks awaiting */
    uint64_t nwaits; /* waits begun */
};

static struct await_exec *exec_of(wf_engine *e)
{
    if (!e->aw)
        e->aw = arena_alloc(&e->mem, sizeof *e->aw);
    return e->aw;
}

static struct task_await *task_of(wf_engine *e, wf_task *t)
{
    if (!t->aw) {
        t->aw = arena_alloc(&e->mem, sizeof *t->aw);
        t->aw->pair = -1;
    }
    return t->aw;
}

/* ---- what a step read and wrote ------------------------------------------ */

/* Is o a Lock or Unlock of a sync.Mutex that may begin or end a
 * section that only polls (a pair, pair_open)? */
static bool mutex_op(const op *o)
{
    return (o->kind == OP_LOCK || o->kind == OP_UNLOCK) && !o->relock &&
           o->obj && o->obj->kind == OBJ_MUTEX;
}

/* May pending op o be a poll that changes nothing? */
static bool may_poll(const op *o)
{
    if (mutex_op(o))
        return true;
    switch ((op_kind)o->kind) {
    case OP_YIELD:
    case OP_ALOAD:
    case OP_READ:
    case OP_CHAN_LEN:
    case OP_ACAS:
    case OP_TRYLOCK:
    case OP_TRYWLOCK:
    case OP_TRYRLOCK:
        return true;
    case OP_SELECT:
        return o->has_default;
    default:
        return false;
    }
}

/* Did performed op o (perform returned r) change nothing? */
static bool was_poll(const op *o, step_result r)
{
    if (r != STEP_DONE)
        return false;
    switch ((op_kind)o->kind) {
    case OP_YIELD:
    case OP_ALOAD:
    case OP_READ:
    case OP_CHAN_LEN:
        return true;
    case OP_ACAS:
    case OP_TRYLOCK:
    case OP_TRYWLOCK:
    case OP_TRYRLOCK:
        return !o->ok;
    case OP_SELECT:
        return o->has_default && o->sel < 0;
    default:
        return false;
    }
}

/* Does select o poll a channel a timer feeds, whose tick may come early? */
static bool early_tick(const op *o)
{
    if (o->kind != OP_SELECT)
        return false;
    for (uint32_t i = 0; i < o->ncases; i++)
        if (o->cases[i].chan && o->cases[i].chan->early)
            return true;
    return false;
}

static void window_add(aw_window *w, const wf_obj *o)
{
    if (!o)
        return;
    for (int i = 0; i < w->nreads; i++)
        if (w->reads[i] == o->oid)
            return;
    if (w->nreads == AW_READS) {
        w->over = true;
        return;
    }
    w->reads[w->nreads++] = o->oid;
}

/* The objects op o touches, into w's reads (its alias too: an atomic on
 * a plain variable is written by the variable's plain writes). */
static void op_objects(wf_engine *e, const op *o, aw_window *w)
{
    if (o->kind == OP_SELECT) {
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan)
                window_add(w, sel_chan_obj(o->cases[i].chan));
        return;
    }
    if (o->obj) {
        int32_t a = obj_alias(o->obj);
        window_add(w, o->obj);
        if (a >= 0 && (size_t)a < e->objs.len)
            window_add(w, e->objs.p[a]);
    }
}

static bool awaits(const wf_task *w, int32_t oid)
{
    for (int k = 0; k < w->aw->nawait; k++)
        if (w->aw->await[k] == oid)
            return true;
    return false;
}

static void wake(wf_engine *e, wf_task *w)
{
    w->awaiting = false;
    e->aw->nawait--;
    w->aw->nhist = 0;
    w->aw->misses = w->aw->skip = 0;
    w->aw->cur.nreads = 0;
    w->aw->cur.over = false;
    /* a Lock it waited at stays blocked while another task holds the
     * mutex (the mutex enables it at the Unlock; fifo: Lock parks) */
    engine_set_state(e, w,
                     w->op.kind == OP_LOCK && !e->cfg.mutex_fifo &&
                             ((const wf_mutex *)w->op.obj)->locked
                         ? TASK_BLOCKED
                         : TASK_RUNNABLE);
}

/* Object oid was written (-1: every object, as far as the check knows). */
static void wrote(wf_engine *e, int32_t oid)
{
    struct await_exec *x = exec_of(e);
    ++x->wseq;
    if (oid < 0) {
        x->wall = x->wseq;
    } else {
        if ((size_t)oid >= x->wcap) {
            size_t cap = x->wcap ? x->wcap * 2 : 64;
            uint64_t *p;
            while (cap <= (size_t)oid)
                cap *= 2;
            p = arena_alloc(&e->mem, cap * sizeof *p);
            if (x->wcap)
                memcpy(p, x->wlast, x->wcap * sizeof *p);
            x->wlast = p;
            x->wcap = cap;
        }
        x->wlast[oid] = x->wseq;
    }
    for (size_t i = 0; x->nawait && i < e->live.len; i++) {
        wf_task *w = e->tasks.p[e->live.p[i]];
        if (w->awaiting && (oid < 0 || awaits(w, oid)))
            wake(e, w);
    }
}

/* Op o wrote the objects it touches. */
static void wrote_objects(wf_engine *e, const op *o)
{
    aw_window w;
    w.nreads = 0;
    w.over = false;
    op_objects(e, o, &w);
    if (w.over)
        wrote(e, -1);
    for (int i = 0; i < w.nreads && !w.over; i++)
        wrote(e, w.reads[i]);
}

static uint64_t last_write(const struct await_exec *x, int32_t oid)
{
    uint64_t w = oid >= 0 && (size_t)oid < x->wcap ? x->wlast[oid] : 0;
    return w > x->wall ? w : x->wall;
}

void await_before(wf_engine *e, wf_task *t)
{
    if (WF_UNLIKELY(t->awaiting)) /* run anyway: it waits no more */
        wake(e, t);
}

/* Did t's performed op o (perform returned r) open or close a section
 * that only polls, a Lock and later an Unlock of one sync.Mutex with
 * nothing but polls between (lock, read a flag, unlock, repeat)? The
 * pair leaves the mutex as it was: no effect, and no write of it for the
 * tasks awaiting it (a Lock between would have waited for the Unlock and
 * found the mutex as before). Any other effect in the section counts
 * the Lock's write after all, where the task is (waking the mutex's
 * awaiters later than at the Lock, where their Lock would have waited
 * anyway). */
static bool pair_step(wf_engine *e, wf_task *t, const op *o, step_result r)
{
    struct task_await *a;
    if (!mutex_op(o) || r != STEP_DONE) {
        if (t->aw && t->aw->pair >= 0 && !was_poll(o, r)) {
            wrote(e, t->aw->pair); /* the section had an effect */
            t->aw->pair = -1;
        }
        return false;
    }
    a = task_of(e, t);
    if (o->kind == OP_LOCK && a->pair < 0) {
        a->pair = o->obj->oid;
        a->pair_mark = exec_of(e)->nwaits;
        a->pair_points = 0;
        window_add(&a->cur, o->obj);
        return true;
    }
    if (o->kind == OP_UNLOCK && a->pair == o->obj->oid) {
        /* a task that began to wait in the section may have seen the
         * mutex held (a TryLock that failed): it goes on */
        for (size_t i = 0; e->aw->nawait && i < e->live.len; i++) {
            wf_task *w = e->tasks.p[e->live.p[i]];
            if (w->awaiting && w->aw->wait_no > a->pair_mark &&
                awaits(w, a->pair))
                wake(e, w);
        }
        a->pair = -1;
        window_add(&a->cur, o->obj);
        return true;
    }
    if (a->pair >= 0) {
        wrote(e, a->pair);
        a->pair = -1;
    }
    return false;
}

void await_after(wf_engine *e, wf_task *t, step_result r)
{
    const op *o = &t->op;
    if (pair_step(e, t, o, r))
        return;
    if (was_poll(o, r)) {
        if (t->aw)
            op_objects(e, o, &t->aw->cur);
        return;
    }
    t->polled = false;
    if (t->aw) {
        t->aw->effects++;
        t->aw->misses = t->aw->skip = 0;
        t->aw->nhist = 0;
        t->aw->cur.nreads = 0;
        t->aw->cur.over = false;
    }
    switch ((op_kind)o->kind) {
    case OP_SPAWN:
    case OP_PRINT:
    case OP_SLEEP:
    case OP_EXIT:
    case OP_YIELD:
        return; /* no object a poll could read */
    case OP_COND_WAIT:
    case OP_COND_PARK:
        wrote(e, -1); /* it unlocks the cond's lock too */
        return;
    default:
        break;
    }
    wrote_objects(e, o);
}

void await_wrote(wf_engine *e, const wf_obj *o)
{
    if (e->aw)
        wrote(e, o->oid);
}

void await_timers(wf_engine *e)
{
    if (e->aw)
        wrote(e, -1);
}

/* t waits for a write of one of reads[0, n) (a window's). */
static void await_write(wf_engine *e, wf_task *t, const int32_t *reads, int n)
{
    struct task_await *a = t->aw;
    memcpy(a->await, reads, (size_t)n * sizeof *reads);
    a->nawait = n;
    t->awaiting = true;
    exec_of(e)->nawait++;
    a->wait_no = ++e->aw->nwaits;
    engine_set_state(e, t, TASK_BLOCKED);
}

/* The windows since hist[k] (the current one and hist[0, k)) read
 * nothing written since, and only objects it can name: their union into
 * all (returns how many), or -1 when the task may not wait. */
static int window_union(const wf_engine *e, const struct task_await *a,
                        int k, int32_t *all)
{
    int n = 0;
    bool over = a->cur.over;
    for (int j = -1; j < k && !over; j++) {
        const aw_window *w = j < 0 ? &a->cur : &a->hist[j];
        over |= w->over;
        for (int i = 0; i < w->nreads && !over; i++) {
            bool dup = false;
            for (int m = 0; m < n; m++)
                dup |= all[m] == w->reads[i];
            if (dup)
                continue;
            if (n == AW_ALL)
                over = true;
            else
                all[n++] = w->reads[i];
        }
    }
    if (over || n == 0)
        return -1;
    /* a write since the window began may not have been seen */
    for (int i = 0; i < n; i++)
        if (last_write(e->aw, all[i]) > a->hist[k].wseq)
            return -1;
    return n;
}

void await_exposed(wf_engine *e, wf_task *t)
{
    struct task_await *a;
    aw_window cur;
    uint64_t h;
    if (t->state == TASK_BLOCKED && !e->stop) {
        /* its op waits in an object's queue from now on (a send with no
         * receiver, committed): a poll of that object may see it */
        wrote_objects(e, &t->op);
    }
    if (t->state != TASK_RUNNABLE || e->stop || !may_poll(&t->op)) {
        if (t->aw)
            t->aw->nhist = 0;
        return;
    }
    /* a task that polls once and goes on (reads a shared variable, then
     * blocks: a thousand such goroutines) costs no history: it is kept
     * from the second poll in a row on */
    if (!t->aw && !t->polled) {
        t->polled = true;
        return;
    }
    if (early_tick(&t->op)) {
        /* a timer's tick may be taken at any poll (a choice, not a
         * write): such a select is left to spin */
        if (t->aw)
            t->aw->nhist = 0;
        return;
    }
    a = task_of(e, t);
    exec_of(e);
    if (a->nohash >= AW_NOHASH)
        return;
    if (a->skip) {
        a->skip--;
        return;
    }
    h = e->fe.task_hash(e->fe.ctx, e, t);
    if (!h) {
        a->nohash++;
        a->nhist = 0;
        a->cur.nreads = 0;
        a->cur.over = false;
        return;
    }
    /* its op, and the program's random stream (math/rand draws change it) */
    h = hash_u64(hash_u64(h, t->op.kind), (uint64_t)t->op.line);
    h = hash_u64(hash_u64(h, t->op.obj ? (uint64_t)t->op.obj->oid + 1 : 0),
                 t->op.ncases);
    for (int i = 0; i < 4; i++)
        h = hash_u64(h, e->rng_state[i]);
    if (a->pair >= 0)
        a->pair_points++;
    for (int k = 0; k < a->nhist; k++) {
        const aw_window *o = &a->hist[k];
        if (o->hash == h && o->effects == a->effects) {
            int32_t all[AW_ALL];
            int n;
            if (a->pair >= 0 && (uint32_t)k + 1 >= a->pair_points)
                break; /* the loop takes the mutex: it waits at the Lock */
            if (a->pair >= 0) {
                /* it spins inside the section, holding the mutex: its
                 * Lock was an effect after all (a wait there may be
                 * the next time round) */
                wrote(e, a->pair);
                a->pair = -1;
                a->effects++;
                a->nhist = 0;
                a->cur.nreads = 0;
                a->cur.over = false;
                return;
            }
            n = window_union(e, a, k, all);
            if (n < 0)
                break;
            await_write(e, t, all, n);
            return;
        }
    }
    if (++a->misses > AW_MISSES)
        a->skip = a->misses - AW_MISSES < AW_SKIP_MAX ? a->misses - AW_MISSES
                                                      : AW_SKIP_MAX;
    /* push: hist[0] is the newest window */
    cur = a->cur;
    cur.hash = h;
    cur.effects = a->effects;
    cur.wseq = e->aw->wseq;
    memmove(&a->hist[1], &a->hist[0], (AW_HIST - 1) * sizeof a->hist[0]);
    a->hist[0] = cur;
    if (a->nhist < AW_HIST)
        a->nhist++;
    a->cur.nreads = 0;
    a->cur.over = false;
}

/* ---- the end ------------------------------------------------------------- */

static const wf_obj *obj_at(const wf_engine *e, int32_t oid)
{
    return oid >= 0 && (size_t)oid < e->objs.len ? e->objs.p[oid] : NULL;
}

static void spin_finding(wf_engine *e, const wf_task *t, bool dead)
{
    const struct task_await *a = t->aw;
    int named = 0;
    finding f;
    buf m;
    memset(&f, 0, sizeof f);
    buf_init(&m);
    buf_printf(&m, "%s %s %s:%d reading ", t->name,
               dead ? "spins forever at"
                    : "never ends: after main returned it spins at",
               t->op.file ? t->op.file : "?", (int)t->op.line);
    for (int i = 0; i < a->nawait; i++) {
        const wf_obj *o = obj_at(e, a->await[i]);
        const char *nm = o ? engine_obj_name(e, o) : "?";
        bool again = false; /* an alias named with its atomic, or a
                               variable and the channel it holds */
        for (int j = 0; j < a->nawait; j++) {
            const wf_obj *p = obj_at(e, a->await[j]);
            again |= p && obj_alias(p) == a->await[i];
            again |= j < i && p && o && !strcmp(engine_obj_name(e, p), nm);
        }
        if (again)
            continue;
        if (named == 3) {
            buf_puts(&m, " (and more)");
            break;
        }
        buf_printf(&m, "%s%s", named++ ? ", " : "", nm);
    }
    buf_puts(&m, dead ? ", which no task left writes"
                      : ", which nothing wrote before it ended");
    f.kind = dead ? WF_LIVELOCK : WF_LEAK;
    f.error = dead;
    f.tid = t->tid;
    f.message = m.p;
    f.file = t->op.file;
    f.line = t->op.line;
    f.sig = hash_u64(hash_bytes(hash_u64(HASH_INIT ^ f.kind, 0x5a17),
                                t->fname, strlen(t->fname)),
                     (uint64_t)t->op.line);
    if (t->op.file)
        f.sig = hash_bytes(f.sig, t->op.file, strlen(t->op.file));
    engine_add_finding(e, &f);
    buf_fini(&m);
}

void await_end(wf_engine *e)
{
    size_t k = 0;
    bool dead = e->end == END_DEADLOCK;
    if (!e->aw || !e->aw->nawait ||
        (e->end != END_DEADLOCK && e->end != END_DONE))
        return;
    /* the wait is the spin's, not a deadlock's: the global deadlock (no
     * task could run) and the leaks of the spinners go; partial
     * deadlocks among the other tasks stay */
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        if ((f->kind == WF_DEADLOCK && !f->partial && dead) ||
            (f->kind == WF_LEAK && f->tid >= 0 &&
             (size_t)f->tid < e->tasks.len && e->tasks.p[f->tid]->awaiting))
            continue;
        e->findings.p[k++] = *f;
    }
    e->findings.len = k;
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        if (t->awaiting && t->state == TASK_BLOCKED)
            spin_finding(e, t, dead);
    }
}

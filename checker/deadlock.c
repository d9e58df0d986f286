/* deadlock.c: see deadlock.h. Reports are built once per deadlock, so the
 * costs here (O(tasks x objects) for a report, O(blocked^2 x live) hook
 * calls per step for partial deadlocks) stay off the hot path: without
 * the hook, a step costs one branch. */
#include "deadlock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

typedef VEC(int32_t) i32vec;

/* What a blocked task waits for. */
typedef enum wait_kind {
    W_MUTEX,
    W_RW_WRITE,
    W_RW_READ,
    W_ONCE,
    W_CHAN,
    W_NIL, /* a nil channel, or a select of nil channels only */
    W_COND,
    W_WG,
    W_SLEEP,
    W_OTHER
} wait_kind;

/* An edge of the wait-for graph. cls 0: definite (the target holds what
 * the task waits for); 1: a channel partner that is itself blocked on a
 * channel; 2: any other task that could complete the operation. */
typedef struct dl_edge {
    int32_t to;
    uint8_t cls;
} dl_edge;

/* A lock held now, and where it was taken (for "locked at"). */
typedef struct dl_held {
    int32_t oid, tid;
    bool read; /* an RWMutex read lock */
    const char *file;
    int32_t line;
} dl_held;

/* A partial deadlock reported during the execution: its step and tasks. */
typedef struct dl_partial {
    uint64_t step;
    uint32_t first, n;
} dl_partial;

/* The last Signal or Broadcast on a cond (step 0: none yet), for the
 * report's account of a lost wakeup. */
typedef struct dl_signal {
    uint64_t step;
    int32_t tid;
    int32_t peer; /* a Signal: the waiter it woke, -1 */
    uint16_t op;
    const char *file;
    int32_t line;
} dl_signal;

/* Lines printed before "... and N more". */
#define MAX_LINES 64
#define MAX_NAMES 8
/* Above this many tasks, cycles are searched over definite edges only. */
#define MAX_POSSIBLE 64

struct deadlock_checker {
    lockorder *lo;
    VEC(uint8_t) reported; /* by tid: named by a partial report */
    VEC(uint8_t) alive;    /* by tid: scratch of the partial check */
    /* the report set and its graph (scratch) */
    i32vec set; /* tids, ascending */
    i32vec idx; /* by tid: index in set, or -1 */
    VEC(dl_edge) edges;
    i32vec efirst, elen; /* by set index */
    i32vec cycle;        /* tids, in order, the first not repeated */
    bool cycle_definite;
    i32vec q, prev, mark; /* breadth-first search */
    i32vec tmp;
    VEC(uint8_t) omark; /* by oid */
    VEC(uint64_t) rbits; /* by oid: reached by the live tasks (scratch) */
    uint64_t last_sig;   /* blocked set and exits at the last check: */
    uint64_t last_seq;   /* nenabled, nlive; wait_seq and timers */
    uint64_t last_check; /* its step */
    uint64_t prev_check; /* the step of the check before it */
    uint64_t next_check; /* no check before this step (amortised cost) */
    uint64_t work;       /* the last check's cost, in tasks looked at */
    i32vec cand, src;    /* partial check: candidates, sources (scratch) */
    /* the partial deadlocks of this execution, in report order: the
     * i-th is the i-th partial WF_DEADLOCK finding the checker added */
    VEC(dl_partial) parts;
    i32vec part_tids; /* parts[i] names part_tids[first, first + n) */
    i32vec uf;        /* by tid: union-find parent (end of execution) */
    VEC(dl_held) held; /* the locks held now, in acquisition order */
    /* who used which cond or lock, to name only the tasks that can act
     * on a cond (not every task that can reach it: main holding the
     * struct a cond is in does not make main a signaller) */
    VEC(uint64_t) used; /* open addressing: (oid << 32 | tid) + 1, 0 free */
    size_t nused;
    VEC(dl_signal) sigs;   /* by cond oid: its last Signal or Broadcast */
    VEC(dl_signal) lost;   /* by cond oid: the last that woke no one */
    i32vec cond_l;         /* by cond oid: its L (the lock a Wait drops) */
    i32vec wait_cond;      /* by tid: the cond of a Wait not yet past the
                              unlock of its L, else -1 */
    VEC(uint64_t) wait_at; /* by tid: the step of its last cond Wait */
};

static uint64_t used_key(int32_t oid, int32_t tid)
{
    return ((uint64_t)(uint32_t)oid << 32 | (uint32_t)tid) + 1;
}

static size_t used_slot(const deadlock_checker *d, uint64_t k)
{
    size_t mask = d->used.len - 1, i = hash_u64(HASH_INIT, k) & mask;
    while (d->used.p[i] && d->used.p[i] != k)
        i = (i + 1) & mask;
    return i;
}

/* Task tid operated on object oid. O(1) amortised. */
static void used_add(deadlock_checker *d, int32_t oid, int32_t tid)
{
    uint64_t k = used_key(oid, tid);
    size_t i;
    if (oid < 0) return;
    if (2 * (d->nused + 1) > d->used.len) {
        size_t n = d->used.len ? 2 * d->used.len : 64;
        uint64_t *old = d->used.p;
        size_t oldn = d->used.len;
        d->used.p = wf_xcalloc(n, sizeof *d->used.p);
        d->used.len = d->used.cap = n;
        for (size_t j = 0; j < oldn; j++)
            if (old[j]) d->used.p[used_slot(d, old[j])] = old[j];
        free(old);
    }
    i = used_slot(d, k);
    if (!d->used.p[i]) {
        d->used.p[i] = k;
        d->nused++;
    }
}

static bool used_by(const deadlock_checker *d, int32_t oid, int32_t tid)
{
    uint64_t k = used_key(oid, tid);
    return oid >= 0 && d->used.len && d->used.p[used_slot(d, k)] == k;
}

/* ---- what a task waits for -------------------------------------------- */

static wait_kind wait_of(const wf_task *t)
{
    const op *o = &t->op;
    switch ((op_kind)o->kind) {
    case OP_LOCK:
        return o->obj && o->obj->kind == OBJ_MUTEX ? W_MUTEX : W_OTHER;
    case OP_WLOCK:
        return W_RW_WRITE;
    case OP_RLOCK:
        return W_RW_READ;
    case OP_ONCE:
        return W_ONCE;
    case OP_SEND:
    case OP_RECV:
        return o->obj ? W_CHAN : W_NIL;
    case OP_SELECT:
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan) return W_CHAN;
        return W_NIL;
    case OP_COND_WAIT:
    case OP_COND_PARK:
        return W_COND;
    case OP_WG_WAIT:
        return W_WG;
    case OP_SLEEP:
        return W_SLEEP;
    default:
        return W_OTHER;
    }
}

/* The objects t waits on (select: each non-nil case's channel, once),
 * at most max. */
static int awaited(const wf_task *t, wf_obj **out, int max)
{
    const op *o = &t->op;
    int n = 0;
    if (o->kind == OP_SELECT) {
        for (uint32_t i = 0; i < o->ncases && n < max; i++) {
            bool dup = false;
            if (!o->cases[i].chan) continue;
            for (int k = 0; k < n; k++)
                dup |= out[k] == sel_chan_obj(o->cases[i].chan);
            if (!dup) out[n++] = sel_chan_obj(o->cases[i].chan);
        }
        return n;
    }
    if (o->obj && max > 0 && o->kind != OP_SLEEP) out[n++] = o->obj;
    return n;
}

#define MAX_AW 16

static bool waits_on(const wf_task *u, const wf_obj *o)
{
    wf_obj *aw[MAX_AW];
    int n;
    if (u->state != TASK_BLOCKED) return false;
    n = awaited(u, aw, MAX_AW);
    for (int i = 0; i < n; i++)
        if (aw[i] == o) return true;
    return false;
}

static bool rw_reader(const obj_view *m, int32_t tid)
{
    for (int32_t i = 0; i < m->nreaders; i++)
        if (m->readers[i] == tid) return true;
    return false;
}

/* The tasks holding what t waits for (definite edges), into out. */
static void definite(const wf_task *t, i32vec *out)
{
    out->len = 0;
    switch (wait_of(t)) {
    case W_MUTEX: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.holder) VEC_PUSH(*out, m.holder->tid);
        return;
    }
    case W_RW_WRITE: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.writer && m.writer != t) {
            VEC_PUSH(*out, m.writer->tid);
            return;
        }
        for (int32_t i = 0; i < m.nreaders; i++) {
            bool dup = false;
            for (size_t j = 0; j < out->len; j++)
                dup |= out->p[j] == m.readers[i];
            if (!dup) VEC_PUSH(*out, m.readers[i]);
        }
        return;
    }
    case W_RW_READ: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.writer) VEC_PUSH(*out, m.writer->tid);
        return;
    }
    case W_ONCE: {
        obj_view o = obj_view_of(t->op.obj);
        if (o.runner >= 0) VEC_PUSH(*out, o.runner);
        return;
    }
    default:
        return;
    }
}

static bool possible_kind(wait_kind k)
{
    return k == W_CHAN || k == W_COND || k == W_WG;
}

static bool cond_user(const deadlock_checker *d, const wf_obj *c,
                      int32_t tid);

/* The live tasks that could complete t's channel, cond or wait-group
 * operation: not t, not blocked on the same object, and able to reach it
 * when the front end can tell; for a cond, only a task that has used it
 * or its lock (cond_user). Into out, ascending. O(tasks). */
static void candidates(const deadlock_checker *d, wf_engine *e,
                       const wf_task *t, i32vec *out)
{
    wf_obj *aw[MAX_AW];
    int n = awaited(t, aw, MAX_AW);
    out->len = 0;
    if (!possible_kind(wait_of(t))) return;
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *u = e->tasks.p[i];
        bool same = false, reach = !e->fe.can_reach;
        if (u == t || u->state == TASK_DONE) continue;
        for (int k = 0; k < n; k++)
            same |= waits_on(u, aw[k]);
        if (same) continue;
        for (int k = 0; k < n && !reach; k++)
            reach = e->fe.can_reach(e->fe.ctx, e, u, aw[k]);
        if (reach && wait_of(t) == W_COND && !cond_user(d, t->op.obj, u->tid))
            reach = false;
        if (reach) VEC_PUSH(*out, u->tid);
    }
}

/* Task tid has used cond c in this execution (waited on it, signalled
 * it, or taken its lock): one that could Signal it. */
static bool cond_user(const deadlock_checker *d, const wf_obj *c, int32_t tid)
{
    int32_t l;
    if (!c || used_by(d, c->oid, tid)) return true;
    l = (size_t)c->oid < d->cond_l.len ? d->cond_l.p[c->oid] : -1;
    return l >= 0 && used_by(d, l, tid);
}

/* ---- names ------------------------------------------------------------- */

static void short_name(buf *b, wf_engine *e, int32_t tid)
{
    if (tid == 0)
        buf_puts(b, e->tasks.p[0]->name);
    else
        buf_printf(b, "g%d", (int)tid);
}

static void short_list(buf *b, wf_engine *e, const int32_t *tids, size_t n)
{
    for (size_t i = 0; i < n && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, ", ");
        short_name(b, e, tids[i]);
    }
    if (n > MAX_NAMES) buf_printf(b, " and %zu more", n - MAX_NAMES);
}

static const dl_held *held_at(const deadlock_checker *d, int32_t oid,
                              int32_t tid, bool read);

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "");
}

/* " (locked at philo.go:18)": where t took o, when d knows. */
static void locked_at(const deadlock_checker *d, const wf_task *t,
                      const wf_obj *o, buf *b)
{
    const dl_held *h = d ? held_at(d, o->oid, t->tid, false) : NULL;
    if (h && h->file && h->line)
        buf_printf(b, " (locked at %s:%d)", base_name(h->file),
                   (int)h->line);
}

/* What t holds: "forks[0]", "m (read)", "m (writer slot)"; n counts
 * them; with d, where each was taken. O(objects). */
static void holdings(const deadlock_checker *d, wf_engine *e,
                     const wf_task *t, buf *b, int *n)
{
    *n = 0;
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        const char *q = NULL;
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        if (m.holder == t && m.writer != t) {
            q = "";
        } else {
            if (rw_reader(&m, t->tid)) {
                const dl_held *h = d ? held_at(d, o->oid, t->tid, true)
                                     : NULL;
                if (b && h && h->file && h->line)
                    buf_printf(b, "%s%s (read-locked at %s:%d)",
                               *n ? ", " : "", report_obj_name(e, o),
                               base_name(h->file), (int)h->line);
                else if (b)
                    buf_printf(b, "%s%s (read)", *n ? ", " : "",
                               report_obj_name(e, o));
                (*n)++;
            }
            if (m.writer == t) q = m.holder == t ? "" : " (writer slot)";
        }
        if (!q) continue;
        if (b) {
            buf_printf(b, "%s%s%s", *n ? ", " : "", report_obj_name(e, o), q);
            if (!*q) locked_at(d, t, o, b);
        }
        (*n)++;
    }
}

/* ---- the wait-for graph over the report set ----------------------------- */

static void grow_i32(i32vec *v, size_t n, int32_t fill)
{
    VEC_RESERVE(*v, n);
    for (size_t i = v->len; i < n; i++)
        v->p[i] = fill;
    if (n > v->len) v->len = n;
}

static bool is_chan_wait(const wf_task *u)
{
    return u->state == TASK_BLOCKED && wait_of(u) == W_CHAN;
}

static void build_graph(deadlock_checker *d, wf_engine *e)
{
    size_t k = d->set.len;
    d->idx.len = 0;
    grow_i32(&d->idx, e->tasks.len, -1);
    for (size_t i = 0; i < k; i++)
        d->idx.p[d->set.p[i]] = (int32_t)i;
    d->edges.len = 0;
    d->efirst.len = d->elen.len = 0;
    grow_i32(&d->efirst, k, 0);
    grow_i32(&d->elen, k, 0);
    for (size_t i = 0; i < k; i++) {
        wf_task *t = e->tasks.p[d->set.p[i]];
        d->efirst.p[i] = (int32_t)d->edges.len;
        definite(t, &d->tmp);
        for (size_t j = 0; j < d->tmp.len; j++)
            if (d->idx.p[d->tmp.p[j]] >= 0) {
                dl_edge ed = {d->tmp.p[j], 0};
                VEC_PUSH(d->edges, ed);
            }
        if (k <= MAX_POSSIBLE && possible_kind(wait_of(t))) {
            bool chan = wait_of(t) == W_CHAN;
            candidates(d, e, t, &d->tmp);
            for (size_t j = 0; j < d->tmp.len; j++)
                if (d->idx.p[d->tmp.p[j]] >= 0) {
                    dl_edge ed = {d->tmp.p[j], 2};
                    if (chan && is_chan_wait(e->tasks.p[d->tmp.p[j]]))
                        ed.cls = 1;
                    VEC_PUSH(d->edges, ed);
                }
        }
        d->elen.p[i] = (int32_t)d->edges.len - d->efirst.p[i];
    }
}

/* The shortest cycle through set index s over edges of class <= cls
 * (breadth first, targets in insertion order); into d->cycle. */
static bool cycle_from(deadlock_checker *d, int32_t s, int cls)
{
    size_t head = 0, k = d->set.len;
    int32_t last = -1;
    d->q.len = 0;
    d->prev.len = d->mark.len = 0;
    grow_i32(&d->prev, k, -1);
    grow_i32(&d->mark, k, 0);
    d->mark.p[s] = 1;
    VEC_PUSH(d->q, s);
    while (head < d->q.len && last < 0) {
        int32_t u = d->q.p[head++];
        for (int32_t j = 0; j < d->elen.p[u]; j++) {
            const dl_edge *ed = &d->edges.p[d->efirst.p[u] + j];
            int32_t v = d->idx.p[ed->to];
            if (ed->cls > cls) continue;
            if (v == s) {
                last = u;
                break;
            }
            if (d->mark.p[v]) continue;
            d->mark.p[v] = 1;
            d->prev.p[v] = u;
            VEC_PUSH(d->q, v);
        }
    }
    if (last < 0) return false;
    d->cycle.len = 0;
    for (int32_t v = last; v >= 0; v = d->prev.p[v])
        VEC_PUSH(d->cycle, d->set.p[v]);
    for (size_t i = 0; i < d->cycle.len / 2; i++) {
        int32_t t = d->cycle.p[i];
        d->cycle.p[i] = d->cycle.p[d->cycle.len - 1 - i];
        d->cycle.p[d->cycle.len - 1 - i] = t;
    }
    return true;
}

static bool find_cycle(deadlock_checker *d)
{
    d->cycle.len = 0;
    for (int cls = 0; cls <= 2; cls++)
        for (size_t s = 0; s < d->set.len; s++)
            if (cycle_from(d, (int32_t)s, cls)) {
                d->cycle_definite = cls == 0;
                return true;
            }
    return false;
}

static bool in_cycle(const deadlock_checker *d, int32_t tid)
{
    for (size_t i = 0; i < d->cycle.len; i++)
        if (d->cycle.p[i] == tid) return true;
    return false;
}

/* ---- the report --------------------------------------------------------- */

static void cands_clause(wf_engine *e, const i32vec *c, const char *verb,
                         buf *b)
{
    bool all_blocked = true;
    if (!c->len) {
        buf_printf(b, ", which no other task could %s", verb);
        return;
    }
    for (size_t i = 0; i < c->len; i++)
        all_blocked &= e->tasks.p[c->p[i]]->state == TASK_BLOCKED;
    if (all_blocked)
        buf_printf(b, ", which only blocked tasks could %s: ", verb);
    else
        buf_printf(b, ", which these tasks could %s: ", verb);
    short_list(b, e, c->p, c->len);
}

/* The names the classes' report hooks spell tasks with. */
static void full_name(buf *b, wf_engine *e, int32_t tid)
{
    buf_puts(b, e->tasks.p[tid]->name);
}

/* "waits for forks[1] held by g2 phil", "waits to receive from c, which
 * no other task could complete", ...: the class of t's op says it. */
static void wait_phrase(deadlock_checker *d, wf_engine *e, const wf_task *t,
                        buf *b)
{
    const obj_class *c = op_class(&t->op);
    report_names n = {e, report_obj_name, full_name};
    const char *verb;
    if (!c || !c->wait_phrase) {
        if (t->op.kind == OP_SLEEP)
            buf_puts(b, "sleeps");
        else
            op_blocked_phrase(&t->op, b);
        return;
    }
    verb = c->wait_phrase(&n, t, b);
    if (verb) {
        candidates(d, e, t, &d->tmp);
        cands_clause(e, &d->tmp, verb, b);
    }
}

static void task_line(deadlock_checker *d, wf_engine *e, const wf_task *t,
                      buf *b)
{
    int nh;
    buf_puts(b, t->name);
    buf_putc(b, ' ');
    holdings(NULL, e, t, NULL, &nh);
    if (nh) {
        buf_puts(b, "holds ");
        holdings(d, e, t, b, &nh);
        buf_puts(b, ", ");
    }
    wait_phrase(d, e, t, b);
    if (t->op.file && t->op.line)
        buf_printf(b, " (%s:%d)", base_name(t->op.file), (int)t->op.line);
    buf_putc(b, '\n');
}

/* The tasks the Coffman lines speak of: the cycle, or the whole set. */
static const i32vec *focus(const deadlock_checker *d)
{
    return d->cycle.len ? &d->cycle : &d->set;
}

static bool is_lock(const wf_obj *o)
{
    return obj_is_lock(o);
}

/* d->omark: one zero byte per object. */
static void omark_clear(deadlock_checker *d, const wf_engine *e)
{
    VEC_RESERVE(d->omark, e->objs.len + 1);
    memset(d->omark.p, 0, e->objs.len + 1);
    d->omark.len = e->objs.len;
}

/* Objects awaited by the focus tasks, by oid, into d->tmp (oids). */
static void focus_objects(deadlock_checker *d, wf_engine *e)
{
    const i32vec *f = focus(d);
    omark_clear(d, e);
    for (size_t i = 0; i < f->len; i++) {
        wf_obj *aw[MAX_AW];
        int n = awaited(e->tasks.p[f->p[i]], aw, MAX_AW);
        for (int k = 0; k < n; k++)
            d->omark.p[aw[k]->oid] = 1;
    }
    d->tmp.len = 0;
    for (size_t i = 0; i < e->objs.len; i++)
        if (d->omark.p[i]) VEC_PUSH(d->tmp, (int32_t)i);
}

/* A lock whose class says nothing of its own (a mutex): "held by one
 * task", said once for all such locks. */
static bool plain_lock(const wf_obj *o)
{
    return obj_is_lock(o) && !obj_class_of(o)->excl_phrase;
}

static void mutual_exclusion(deadlock_checker *d, wf_engine *e, buf *b)
{
    size_t nm = 0, nparts = 0;
    report_names n = {e, report_obj_name, short_name};
    focus_objects(d, e);
    for (size_t i = 0; i < d->tmp.len; i++)
        nm += plain_lock(e->objs.p[d->tmp.p[i]]);
    if (nm) {
        size_t k = 0;
        for (size_t i = 0; i < d->tmp.len; i++) {
            const wf_obj *o = e->objs.p[d->tmp.p[i]];
            if (!plain_lock(o)) continue;
            buf_printf(b, "%s%s", k++ ? ", " : "", report_obj_name(e, o));
        }
        buf_puts(b, nm > 1 ? " are each held by one task"
                           : " is held by one task");
        nparts++;
    }
    for (size_t i = 0; i < d->tmp.len; i++) {
        const wf_obj *o = e->objs.p[d->tmp.p[i]];
        const obj_class *c = obj_class_of(o);
        size_t mark = b->len;
        if (!c->excl_phrase) continue;
        if (nparts) buf_puts(b, "; ");
        if (c->excl_phrase(&n, o, b))
            nparts++;
        else if (b->p) /* it excludes no one now */
            b->p[b->len = mark] = '\0';
    }
    if (!nparts) {
        const i32vec *f = focus(d);
        buf_puts(b, "none: no lock is involved; ");
        short_list(b, e, f->p, f->len);
        buf_puts(b, f->len > 1 ? " wait on " : " waits on ");
        if (!d->tmp.len) buf_puts(b, "a nil channel");
        for (size_t i = 0; i < d->tmp.len; i++)
            buf_printf(b, "%s%s", i ? ", " : "",
                       report_obj_name(e, e->objs.p[d->tmp.p[i]]));
    }
}

/* "fork" for locks named forks[0], forks[1], ...; else NULL. */
static bool common_noun(wf_engine *e, const i32vec *f, char *out, size_t n)
{
    out[0] = 0;
    for (size_t i = 0; i < f->len; i++) {
        wf_obj *aw[1];
        const char *s, *br;
        size_t len;
        if (awaited(e->tasks.p[f->p[i]], aw, 1) != 1) return false;
        s = aw[0]->name;
        br = strchr(s, '[');
        if (!br || br == s || br[-1] != 's' || (size_t)(br - s) >= n)
            return false;
        len = (size_t)(br - s) - 1;
        if (!out[0]) {
            memcpy(out, s, len);
            out[len] = 0;
        } else if (strlen(out) != len || strncmp(out, s, len)) {
            return false;
        }
    }
    return out[0] != 0;
}

static void hold_and_wait(deadlock_checker *d, wf_engine *e, buf *b)
{
    const i32vec *f = focus(d);
    bool uniform = true, any = false;
    char noun[64];
    /* uniform: each holds exactly one mutex and waits for another one */
    for (size_t i = 0; i < f->len; i++) {
        const wf_task *t = e->tasks.p[f->p[i]];
        wf_obj *aw[1];
        int nh;
        holdings(NULL, e, t, NULL, &nh);
        any |= nh > 0;
        if (nh != 1 || awaited(t, aw, 1) != 1 || aw[0]->kind != OBJ_MUTEX ||
            obj_view_of(aw[0]).holder == t)
            uniform = false;
    }
    if (!any) {
        buf_puts(b, "none: no task holds a lock while it waits");
        return;
    }
    if (uniform && f->len > 1) {
        short_list(b, e, f->p, f->len);
        if (!common_noun(e, f, noun, sizeof noun))
            snprintf(noun, sizeof noun, "mutex");
        buf_printf(b, " each hold one %s while waiting for another", noun);
        return;
    }
    {
        size_t k = 0;
        for (size_t i = 0; i < f->len; i++) {
            const wf_task *t = e->tasks.p[f->p[i]];
            wf_obj *aw[MAX_AW];
            int nh, n;
            holdings(NULL, e, t, NULL, &nh);
            if (!nh) continue;
            if (k++) buf_puts(b, "; ");
            short_name(b, e, t->tid);
            buf_puts(b, " holds ");
            holdings(NULL, e, t, b, &nh);
            buf_puts(b, " while waiting for ");
            n = awaited(t, aw, MAX_AW);
            if (!n) buf_puts(b, "a nil channel");
            for (int j = 0; j < n; j++)
                buf_printf(b, "%s%s", j ? ", " : "", report_obj_name(e, aw[j]));
        }
    }
}

static void no_preemption(deadlock_checker *d, wf_engine *e, buf *b)
{
    const i32vec *f = focus(d);
    bool mutex = false, rw = false, once = false, send = false, recv = false,
         nil = false, cond = false, wg = false, join = false;
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        const wf_task *t = e->tasks.p[f->p[i]];
        switch (wait_of(t)) {
        case W_MUTEX:
            mutex = true;
            break;
        case W_RW_WRITE:
        case W_RW_READ:
            rw = true;
            break;
        case W_ONCE:
            once = true;
            break;
        case W_CHAN:
            if (t->op.kind == OP_SEND)
                send = true;
            else if (t->op.kind == OP_RECV)
                recv = true;
            else
                for (uint32_t k = 0; k < t->op.ncases; k++)
                    if (t->op.cases[k].chan) {
                        send |= t->op.cases[k].send;
                        recv |= !t->op.cases[k].send;
                    }
            break;
        case W_NIL:
            nil = true;
            break;
        case W_COND:
            cond = true;
            break;
        case W_WG:
            if (t->op.obj && obj_view_of(t->op.obj).join)
                join = true;
            else
                wg = true;
            break;
        default:
            break;
        }
    }
#define NP(cond_, text)                                                        \
    do {                                                                       \
        if (cond_) {                                                           \
            buf_printf(b, "%s%s", n++ ? "; " : "", text);                      \
        }                                                                      \
    } while (0)
    NP(mutex, "a held mutex is released only by its holder");
    NP(rw, "a held RWMutex is released only by the tasks holding it");
    NP(once, "Do returns only after the function returns");
    NP(send, "a blocked send completes only when a receiver arrives");
    NP(recv, "a blocked receive completes only when a sender arrives or "
             "the channel is closed");
    NP(nil, "an operation on a nil channel never completes");
    NP(cond, "a cond Wait returns only after a Signal or Broadcast");
    NP(wg, "a WaitGroup Wait returns only when the counter reaches zero");
    NP(join, "a join returns only when the thread ends");
#undef NP
    if (!n) buf_puts(b, "none");
}

/* "g1 waits for forks[1] held by g2", "g3 waits for c, which no other
 * task could complete": the wait of t in brief, for circular wait. */
static void wait_brief(deadlock_checker *d, wf_engine *e, const wf_task *t,
                       buf *b)
{
    wf_obj *aw[MAX_AW];
    int n = awaited(t, aw, MAX_AW);
    short_name(b, e, t->tid);
    if (!n) {
        buf_puts(b, " waits on a nil channel, which nothing completes");
        return;
    }
    buf_puts(b, " waits for ");
    for (int j = 0; j < n; j++)
        buf_printf(b, "%s%s", j ? ", " : "", report_obj_name(e, aw[j]));
    definite(t, &d->tmp);
    if (d->tmp.len) {
        buf_puts(b, " held by ");
        short_list(b, e, d->tmp.p, d->tmp.len);
        return;
    }
    if (!possible_kind(wait_of(t))) {
        buf_puts(b, ", which no task releases");
        return;
    }
    candidates(d, e, t, &d->tmp);
    cands_clause(e, &d->tmp, "complete", b);
}

static void circular_wait(deadlock_checker *d, wf_engine *e, buf *b)
{
    if (d->cycle.len) {
        for (size_t i = 0; i < d->cycle.len; i++) {
            short_name(b, e, d->cycle.p[i]);
            buf_puts(b, " -> ");
        }
        short_name(b, e, d->cycle.p[0]);
        return;
    }
    /* no cycle: each wait ends at an operation nobody left can complete */
    buf_puts(b, "none: ");
    for (size_t i = 0; i < d->set.len && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, "; ");
        wait_brief(d, e, e->tasks.p[d->set.p[i]], b);
    }
    if (d->set.len > MAX_NAMES)
        buf_printf(b, "; and %zu more", d->set.len - MAX_NAMES);
}

static void json_task(deadlock_checker *d, wf_engine *e, const wf_task *t,
                      buf *j)
{
    wf_obj *aw[MAX_AW];
    int n = awaited(t, aw, MAX_AW);
    buf_printf(j, "{\"tid\": %d, \"name\": ", (int)t->tid);
    json_str(j, t->name);
    buf_printf(j, ", \"state\": \"blocked\", \"op\": \"%s\", \"object\": ",
               op_kind_names[t->op.kind]);
    if (n)
        json_str(j, report_obj_name(e, aw[0]));
    else
        buf_puts(j, "null");
    buf_puts(j, ", \"file\": ");
    json_str(j, t->op.file ? t->op.file : "");
    buf_printf(j, ", \"line\": %d, \"holds\": [", (int)t->op.line);
    for (size_t i = 0, k = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        obj_view v;
        if (!obj_is_lock(o)) continue;
        v = obj_view_of(o);
        if (v.holder != t && v.writer != t && !rw_reader(&v, t->tid))
            continue;
        if (k++) buf_puts(j, ", ");
        json_str(j, report_obj_name(e, o));
    }
    /* where each held lock was taken */
    buf_puts(j, "], \"locked_at\": [");
    for (size_t i = 0, k = 0; i < d->held.len; i++) {
        const dl_held *h = &d->held.p[i];
        if (h->tid != t->tid || h->oid < 0 || (size_t)h->oid >= e->objs.len)
            continue;
        if (k++) buf_puts(j, ", ");
        buf_puts(j, "{\"object\": ");
        json_str(j, report_obj_name(e, e->objs.p[h->oid]));
        buf_printf(j, ", \"read\": %s, \"file\": ", h->read ? "true" : "false");
        json_str(j, h->file ? h->file : "");
        buf_printf(j, ", \"line\": %d}", (int)h->line);
    }
    buf_puts(j, "], \"waits_for\": [");
    definite(t, &d->tmp);
    if (!d->tmp.len) candidates(d, e, t, &d->tmp);
    for (size_t i = 0; i < d->tmp.len; i++)
        buf_printf(j, "%s%d", i ? ", " : "", (int)d->tmp.p[i]);
    buf_puts(j, "]}");
}

static void json_tid(buf *j, const wf_task *t)
{
    if (t)
        buf_printf(j, "%d", (int)t->tid);
    else
        buf_puts(j, "null");
}

static void json_object(wf_engine *e, const wf_obj *o, buf *j)
{
    obj_view v;
    buf_printf(j, "{\"oid\": %d, \"kind\": \"%s\", \"name\": ", (int)o->oid,
               obj_kind_names[o->kind]);
    json_str(j, report_obj_name(e, o));
    v = obj_view_of(o);
    switch ((obj_kind)o->kind) {
    case OBJ_MUTEX:
        buf_puts(j, ", \"holder\": ");
        json_tid(j, v.holder);
        break;
    case OBJ_RWMUTEX:
        buf_puts(j, ", \"holder\": ");
        json_tid(j, v.holder);
        buf_puts(j, ", \"writer\": ");
        json_tid(j, v.writer);
        buf_puts(j, ", \"readers\": [");
        for (int32_t i = 0; i < v.nreaders; i++)
            buf_printf(j, "%s%d", i ? ", " : "", (int)v.readers[i]);
        buf_putc(j, ']');
        break;
    case OBJ_CHAN:
        buf_printf(j, ", \"cap\": %lld, \"len\": %lld, \"closed\": %s",
                   (long long)v.cap, (long long)v.len,
                   v.closed ? "true" : "false");
        break;
    case OBJ_WAITGROUP:
        buf_printf(j, ", \"counter\": %lld", (long long)v.counter);
        break;
    case OBJ_ONCE:
        buf_puts(j, ", \"runner\": ");
        if (v.runner >= 0)
            buf_printf(j, "%d", (int)v.runner);
        else
            buf_puts(j, "null");
        break;
    default:
        break;
    }
    (void)e;
    buf_putc(j, '}');
}

/* The report of the deadlocked set d->set (tids ascending): detail lines
 * and JSON members. Finds the cycle (d->cycle). */
/* How a waiter in d->set on cond c stands with c's signals: woken by
 * none since it began to wait though a signal that woke nobody came
 * before (LOST), passed over by a Signal since (PASSED), or not
 * signalled since (NONE). */
enum { CW_LOST, CW_PASSED, CW_NONE };

static int cond_state(const deadlock_checker *d, const wf_task *t)
{
    int32_t c = t->op.obj->oid;
    uint64_t at = (size_t)t->tid < d->wait_at.len ? d->wait_at.p[t->tid] : 0;
    const dl_signal *last = (size_t)c < d->sigs.len ? &d->sigs.p[c] : NULL;
    const dl_signal *lost = (size_t)c < d->lost.len ? &d->lost.p[c] : NULL;
    if (last && last->step > at) return CW_PASSED;
    if (lost && lost->step && lost->step <= at) return CW_LOST;
    return CW_NONE;
}

/* The waiters on c in d->set in state st, as short names; n counts them. */
static void cond_waiters(deadlock_checker *d, wf_engine *e, const wf_obj *c,
                         int st, buf *b, int *n)
{
    *n = 0;
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        if (wait_of(t) != W_COND || t->op.obj != c || cond_state(d, t) != st)
            continue;
        if (*n < MAX_NAMES) {
            if (*n) buf_puts(b, ", ");
            short_name(b, e, t->tid);
        }
        (*n)++;
    }
    if (*n > MAX_NAMES) buf_printf(b, " and %d more", *n - MAX_NAMES);
}

static void signal_at(wf_engine *e, const dl_signal *sg, buf *b)
{
    buf_printf(b, "the %s by %s at step %llu",
               sg->op == EV_BROADCAST ? "Broadcast" : "Signal",
               e->tasks.p[sg->tid]->name, (unsigned long long)sg->step);
    if (sg->file && sg->line)
        buf_printf(b, " (%s:%d)", base_name(sg->file), (int)sg->line);
}

/* A line for each cond the set waits on, saying what became of its
 * signals: one that woke nobody came before a waiter began to wait (a
 * lost wakeup), a Signal woke another waiter, or none came since. */
static void wakeup_lines(deadlock_checker *d, wf_engine *e, buf *detail)
{
    omark_clear(d, e);
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        const wf_obj *c = t->op.obj;
        bool ever, first = true;
        if (wait_of(t) != W_COND || !c || d->omark.p[c->oid]) continue;
        d->omark.p[c->oid] = 1;
        ever = (size_t)c->oid < d->sigs.len && d->sigs.p[c->oid].step;
        buf_printf(detail, "%s: ", report_obj_name(e, c));
        if (!ever) {
            buf_puts(detail, "no task signalled it in this execution\n");
            continue;
        }
        for (int st = CW_LOST; st <= CW_NONE; st++) {
            buf names;
            int n;
            buf_init(&names);
            cond_waiters(d, e, c, st, &names, &n);
            if (n) {
                if (!first) buf_puts(detail, "; ");
                first = false;
                if (st == CW_LOST) {
                    signal_at(e, &d->lost.p[c->oid], detail);
                    buf_printf(detail, " woke no one, and %s began to wait "
                                       "after it: a lost wakeup",
                               names.p);
                } else if (st == CW_PASSED) {
                    const dl_signal *sg = &d->sigs.p[c->oid];
                    signal_at(e, sg, detail);
                    buf_puts(detail, " woke ");
                    if (sg->peer >= 0)
                        short_name(detail, e, sg->peer);
                    else
                        buf_puts(detail, "another waiter");
                    buf_printf(detail, ", not %s (a Signal wakes one "
                                       "waiter, a Broadcast all)",
                               names.p);
                } else {
                    buf_printf(detail, "no Signal or Broadcast since %s "
                                       "began to wait",
                               names.p);
                }
            }
            buf_fini(&names);
        }
        buf_putc(detail, '\n');
    }
}

static void build_report(deadlock_checker *d, wf_engine *e, buf *detail,
                         buf *json)
{
    size_t nlines = 0;
    buf me, hw, np, cw;
    build_graph(d, e);
    find_cycle(d);
    /* the cycle in its order, then the others by tid */
    for (size_t i = 0; i < d->cycle.len && nlines < MAX_LINES; i++, nlines++)
        task_line(d, e, e->tasks.p[d->cycle.p[i]], detail);
    for (size_t i = 0; i < d->set.len; i++) {
        if (in_cycle(d, d->set.p[i])) continue;
        if (nlines++ >= MAX_LINES) continue;
        task_line(d, e, e->tasks.p[d->set.p[i]], detail);
    }
    if (nlines > MAX_LINES)
        buf_printf(detail, "... and %zu more blocked tasks\n",
                   nlines - MAX_LINES);
    wakeup_lines(d, e, detail);
    buf_init(&me);
    buf_init(&hw);
    buf_init(&np);
    buf_init(&cw);
    mutual_exclusion(d, e, &me);
    hold_and_wait(d, e, &hw);
    no_preemption(d, e, &np);
    circular_wait(d, e, &cw);
    buf_printf(detail,
               "mutual exclusion: %s\nhold and wait:    %s\n"
               "no preemption:    %s\ncircular wait:    %s",
               me.p, hw.p, np.p, cw.p);
    buf_puts(json, "\"tasks\": [");
    for (size_t i = 0; i < d->set.len && i < 1000; i++) {
        if (i) buf_puts(json, ", ");
        json_task(d, e, e->tasks.p[d->set.p[i]], json);
    }
    buf_puts(json, "], \"objects\": [");
    /* awaited or held by the set */
    omark_clear(d, e);
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        wf_obj *aw[MAX_AW];
        int n = awaited(t, aw, MAX_AW);
        for (int k = 0; k < n; k++)
            d->omark.p[aw[k]->oid] = 1;
    }
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        if (o->kind == OBJ_MUTEX) {
            if (m.holder && (size_t)m.holder->tid < d->idx.len &&
                d->idx.p[m.holder->tid] >= 0)
                d->omark.p[i] = 1;
        } else {
            if (m.writer && d->idx.p[m.writer->tid] >= 0) d->omark.p[i] = 1;
            for (int32_t k = 0; k < m.nreaders; k++)
                if (d->idx.p[m.readers[k]] >= 0) d->omark.p[i] = 1;
        }
    }
    for (size_t i = 0, k = 0; i < e->objs.len; i++) {
        if (!d->omark.p[i]) continue;
        if (k++) buf_puts(json, ", ");
        json_object(e, e->objs.p[i], json);
    }
    buf_puts(json, "], \"coffman\": {\"mutual_exclusion\": ");
    json_str(json, me.p);
    buf_puts(json, ", \"hold_and_wait\": ");
    json_str(json, hw.p);
    buf_puts(json, ", \"no_preemption\": ");
    json_str(json, np.p);
    buf_puts(json, ", \"circular_wait\": ");
    json_str(json, cw.p);
    buf_puts(json, ", \"cycle\": [");
    for (size_t i = 0; i < d->cycle.len; i++)
        buf_printf(json, "%s%d", i ? ", " : "", (int)d->cycle.p[i]);
    buf_puts(json, "]}");
    buf_fini(&me);
    buf_fini(&hw);
    buf_fini(&np);
    buf_fini(&cw);
}

/* A cycle through locks only: tell the lock-order checker its locks. */
static void confirm_cycle(deadlock_checker *d, wf_engine *e)
{
    uint64_t keys[64];
    int n = 0;
    if (!d->lo || !d->cycle.len || !d->cycle_definite) return;
    for (size_t i = 0; i < d->cycle.len && n < 64; i++) {
        const wf_task *t = e->tasks.p[d->cycle.p[i]];
        if (!t->op.obj || !is_lock(t->op.obj)) return;
        keys[n++] = lockorder_key(t->op.obj);
    }
    lockorder_confirm(d->lo, lockorder_set_hash(keys, n));
}

/* ---- partial deadlock --------------------------------------------------- */

static uint64_t site_sig(uint64_t h, const wf_task *t)
{
    h = hash_u64(h, t->op.kind);
    if (t->op.file) h = hash_bytes(h, t->op.file, strlen(t->op.file));
    return hash_u64(h, (uint64_t)t->op.line);
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* ---- the end of an execution ------------------------------------------- */

static int32_t uf_find(deadlock_checker *d, int32_t x)
{
    while (d->uf.p[x] != x) {
        d->uf.p[x] = d->uf.p[d->uf.p[x]];
        x = d->uf.p[x];
    }
    return x;
}

/* The smaller tid becomes the root: groups come out in tid order. */
static void uf_union(deadlock_checker *d, int32_t a, int32_t b)
{
    a = uf_find(d, a);
    b = uf_find(d, b);
    if (a < b)
        d->uf.p[b] = a;
    else if (b < a)
        d->uf.p[a] = b;
}

/* Above this many blocked tasks, leaks are grouped by shared objects and
 * holders only (the reachability of every pair costs O(blocked^2)). */
#define MAX_GROUP_REACH 512

/* Group the tasks blocked at the end into causes (d->uf): the tasks of
 * one partial deadlock; tasks waiting on one object; a task and the
 * holder of the lock it waits for; a task and a blocked task that could
 * complete its operation (can reach the object). O(blocked x awaited),
 * plus O(blocked^2) reachability questions up to MAX_GROUP_REACH. */
static void group_blocked(deadlock_checker *d, wf_engine *e)
{
    size_t n = e->tasks.len, nblocked = 0;
    d->uf.len = 0;
    grow_i32(&d->uf, n, 0);
    for (size_t i = 0; i < n; i++) {
        d->uf.p[i] = (int32_t)i;
        nblocked += e->tasks.p[i]->state == TASK_BLOCKED;
    }
    for (size_t i = 0; i < d->parts.len; i++) {
        const dl_partial *pt = &d->parts.p[i];
        for (uint32_t k = 1; k < pt->n; k++)
            uf_union(d, d->part_tids.p[pt->first],
                     d->part_tids.p[pt->first + k]);
    }
    /* the first blocked waiter of each object, by oid (d->mark) */
    d->mark.len = 0;
    grow_i32(&d->mark, e->objs.len, -1);
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        wf_obj *aw[MAX_AW];
        int na;
        if (t->state != TASK_BLOCKED)
            continue;
        na = awaited(t, aw, MAX_AW);
        for (int k = 0; k < na; k++) {
            int32_t *first = &d->mark.p[aw[k]->oid];
            if (*first < 0)
                *first = (int32_t)i;
            else
                uf_union(d, *first, (int32_t)i);
        }
        definite(t, &d->tmp);
        for (size_t k = 0; k < d->tmp.len; k++)
            if (e->tasks.p[d->tmp.p[k]]->state == TASK_BLOCKED)
                uf_union(d, (int32_t)i, d->tmp.p[k]);
        if (nblocked > MAX_GROUP_REACH)
            continue;
        candidates(d, e, t, &d->tmp);
        for (size_t k = 0; k < d->tmp.len; k++)
            if (e->tasks.p[d->tmp.p[k]]->state == TASK_BLOCKED)
                uf_union(d, (int32_t)i, d->tmp.p[k]);
    }
}

/* A signature for the blocked set d->set: its kind and the distinct sites
 * (op, file, line) its tasks are blocked at, so that a set of 25 filters
 * blocked at one line is the same finding as a set of 24. */
static uint64_t set_sig(deadlock_checker *d, wf_engine *e, uint64_t h)
{
    uint64_t *sites = wf_xmalloc((d->set.len + 1) * sizeof *sites);
    for (size_t i = 0; i < d->set.len; i++)
        sites[i] = site_sig(HASH_INIT, e->tasks.p[d->set.p[i]]);
    qsort(sites, d->set.len, sizeof *sites, u64_cmp);
    for (size_t i = 0; i < d->set.len; i++)
        if (!i || sites[i] != sites[i - 1])
            h = hash_u64(h, sites[i]);
    free(sites);
    return h;
}

/* The names of d->set for a message: "g1 phil, g2 phil and 3 more". */
static void set_names(deadlock_checker *d, wf_engine *e, buf *b)
{
    for (size_t i = 0; i < d->set.len && i < MAX_NAMES; i++)
        buf_printf(b, "%s%s", i ? ", " : "", e->tasks.p[d->set.p[i]]->name);
    if (d->set.len > MAX_NAMES)
        buf_printf(b, " and %zu more", d->set.len - MAX_NAMES);
}

/* main (or the test function) returned: as Go ends the program there,
 * the tasks blocked now are leaked (SPEC 3), a partial deadlock found
 * before included. One `leak` finding per group of tasks blocked by one
 * cause (group_blocked), carrying the step it formed (the partial
 * deadlock's, else the step its last task blocked) and the same report
 * as a deadlock. Replaces the partial deadlocks and the engine's
 * one-task leaks. */
static void leaks_at_end(deadlock_checker *d, wf_engine *e)
{
    size_t n = e->tasks.len, k = 0;
    const wf_task *m = e->tasks.p[0];
    group_blocked(d, e);
    /* drop what the groups replace: partial deadlocks, and the engine's
     * leaks of blocked tasks (liveness's spinning tasks stay) */
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *g = &e->findings.p[i];
        if (g->kind == WF_DEADLOCK && g->partial)
            continue;
        if (g->kind == WF_LEAK && g->tid >= 0 && (size_t)g->tid < n &&
            e->tasks.p[g->tid]->state == TASK_BLOCKED)
            continue;
        e->findings.p[k++] = e->findings.p[i];
    }
    e->findings.len = k;
    for (size_t r = 0; r < n; r++) {
        buf detail, json, msg;
        finding f;
        uint64_t formed = 0, partial_at = UINT64_MAX;
        bool one_op = true;
        if (e->tasks.p[r]->state != TASK_BLOCKED ||
            uf_find(d, (int32_t)r) != (int32_t)r)
            continue;
        d->set.len = 0;
        for (size_t i = r; i < n; i++) {
            const wf_task *t = e->tasks.p[i];
            if (t->state != TASK_BLOCKED ||
                uf_find(d, (int32_t)i) != (int32_t)r)
                continue;
            VEC_PUSH(d->set, (int32_t)i);
            if (t->since > formed)
                formed = t->since;
            one_op &= t->op.kind == e->tasks.p[r]->op.kind;
        }
        for (size_t i = 0; i < d->parts.len; i++) {
            const dl_partial *pt = &d->parts.p[i];
            if (uf_find(d, d->part_tids.p[pt->first]) == (int32_t)r &&
                pt->step < partial_at)
                partial_at = pt->step;
        }
        buf_init(&detail);
        buf_init(&json);
        buf_init(&msg);
        set_names(d, e, &msg);
        buf_puts(&msg, " blocked forever");
        if (one_op)
            buf_printf(&msg, " in %s", op_kind_names[e->tasks.p[r]->op.kind]);
        if (partial_at != UINT64_MAX) {
            buf_printf(&detail,
                       "deadlocked at step %llu, while other tasks ran; "
                       "then %s returned\n",
                       (unsigned long long)partial_at, m->name);
            formed = partial_at;
        } else if (formed < m->end_step) {
            /* blocked before main returned, stuck since it did */
            formed = m->end_step;
        }
        build_report(d, e, &detail, &json);
        confirm_cycle(d, e);
        memset(&f, 0, sizeof f);
        f.kind = WF_LEAK;
        f.error = false; /* the explorer decides: an error in tests */
        f.step = formed;
        f.tid = d->set.len == 1 ? d->set.p[0] : -1;
        f.message = msg.p;
        f.detail = detail.p;
        f.json = json.p;
        f.file = e->tasks.p[r]->op.file;
        f.line = e->tasks.p[r]->op.line;
        f.sig = set_sig(d, e, HASH_INIT ^ WF_LEAK);
        engine_add_finding(e, &f);
        buf_fini(&detail);
        buf_fini(&json);
        buf_fini(&msg);
    }
}

static void on_end(void *ctx, wf_engine *e)
{
    deadlock_checker *d = ctx;
    finding *f = NULL;
    size_t k = 0;
    buf detail, json;
    if (e->main_done) {
        leaks_at_end(d, e);
        return;
    }
    if (e->end != END_DEADLOCK)
        return; /* cut, panicked: a partial deadlock stays a deadlock */
    /* every task is blocked: the global report names every partial
     * deadlock's tasks too, one finding for one cause */
    for (size_t i = 0; i < e->findings.len; i++)
        if (!(e->findings.p[i].kind == WF_DEADLOCK &&
              e->findings.p[i].partial))
            e->findings.p[k++] = e->findings.p[i];
    e->findings.len = k;
    for (size_t i = 0; i < e->findings.len; i++)
        if (e->findings.p[i].kind == WF_DEADLOCK && !e->findings.p[i].partial &&
            !e->findings.p[i].detail)
            f = &e->findings.p[i];
    if (!f) return;
    d->set.len = 0;
    for (size_t i = 0; i < e->tasks.len; i++)
        if (e->tasks.p[i]->state == TASK_BLOCKED) VEC_PUSH(d->set, (int32_t)i);
    buf_init(&detail);
    buf_init(&json);
    build_report(d, e, &detail, &json);
    confirm_cycle(d, e);
    /* one root cause, one finding: the engine's signature counts each
     * blocked task, so a lost wakeup leaving one, two or three workers
     * asleep at one Wait gave three findings; the distinct sites do not */
    f->sig = set_sig(d, e, HASH_INIT ^ WF_DEADLOCK);
    f->detail = arena_strdup(&e->mem, detail.p);
    f->json = arena_strdup(&e->mem, json.p);
    buf_fini(&detail);
    buf_fini(&json);
}

static void report_partial(deadlock_checker *d, wf_engine *e)
{
    buf detail, json, msg;
    finding f;
    uint64_t formed = d->prev_check + 1;
    dl_partial pt;
    /* it formed when its last task blocked, after the previous check saw
     * it wakeable (a live task may also have dropped a reference since) */
    for (size_t i = 0; i < d->set.len; i++)
        if (e->tasks.p[d->set.p[i]]->since > formed)
            formed = e->tasks.p[d->set.p[i]]->since;
    if (formed > e->step)
        formed = e->step;
    pt.step = formed;
    pt.first = (uint32_t)d->part_tids.len;
    pt.n = (uint32_t)d->set.len;
    for (size_t i = 0; i < d->set.len; i++)
        VEC_PUSH(d->part_tids, d->set.p[i]);
    VEC_PUSH(d->parts, pt);
    buf_init(&detail);
    buf_init(&json);
    buf_init(&msg);
    buf_puts(&msg, "blocked forever while other tasks run: ");
    set_names(d, e, &msg);
    build_report(d, e, &detail, &json);
    confirm_cycle(d, e);
    memset(&f, 0, sizeof f);
    f.kind = WF_DEADLOCK;
    f.error = true;
    f.partial = true;
    f.step = formed;
    f.tid = -1;
    f.message = msg.p;
    f.detail = detail.p;
    f.json = json.p;
    f.sig = set_sig(d, e, hash_u64(HASH_INIT ^ WF_DEADLOCK, 1));
    engine_add_finding(e, &f);
    buf_fini(&detail);
    buf_fini(&json);
    buf_fini(&msg);
}

/* See on_step_end. */
#define CHECK_EVERY 256
#define CHECK_COST  64
/* Blocked x live task pairs the direct test below looks at, at most. */
#define DIRECT_PAIRS 64

/* Is every blocked task directly wakeable: does a live task's pending op
 * touch an object it waits on (a sender's next send on the channel a
 * receiver waits on), or does a live task hold it near at hand (the
 * front end's near_reach: in a variable of its frames, the ping-pong's
 * task about to read the variable that holds the channel)? Then no
 * blocked set is unwakeable, and the walk of what the live tasks reach
 * is not needed. 0: not known; 1: yes, by the pending ops alone; 2: yes,
 * near_reach needed. Only for a few tasks
 * (DIRECT_PAIRS): a channel ping-pong has one blocked task and one live
 * at every step, and walked the VM's values at each (43% of weft run's
 * instructions). */
static int all_directly_wakeable(const deadlock_checker *d, wf_engine *e)
{
    size_t n = e->tasks.len, nb = 0, nl = 0;
    int how = 1;
    for (size_t i = 0; i < n; i++) {
        if (d->alive.p[i])
            nl++;
        else if (e->tasks.p[i]->state == TASK_BLOCKED)
            nb++;
    }
    if (!nl || nb * nl > DIRECT_PAIRS)
        return 0;
    for (size_t i = 0; i < n; i++) {
        wf_task *t = e->tasks.p[i];
        wf_obj *aw[MAX_AW];
        int na;
        bool woken = false;
        if (t->state != TASK_BLOCKED || d->alive.p[i])
            continue;
        na = awaited(t, aw, MAX_AW);
        for (int k = 0; k < na && !woken; k++)
            for (size_t u = 0; u < n && !woken; u++)
                woken = d->alive.p[u] && u != i &&
                        e->tasks.p[u]->state == TASK_RUNNABLE &&
                        op_touches(&e->tasks.p[u]->op, aw[k]->oid);
        if (woken)
            continue;
        for (int k = 0; k < na && !woken && e->fe.near_reach; k++)
            for (size_t u = 0; u < n && !woken; u++)
                woken = d->alive.p[u] && u != i &&
                        e->fe.near_reach(e->fe.ctx, e, e->tasks.p[u], aw[k]);
        if (!woken)
            return 0;
        how = 2;
    }
    return how;
}

/* The fixpoint below with the front end's union walk: what the package
 * variables, the timers and the live tasks reach together, one live task
 * at a time, until every blocked candidate is known to be wakeable or no
 * live task is left to walk. A candidate woken this way is live and is
 * walked in turn. O(what the walked tasks reach + candidates x log
 * walks). */
static void union_reach(deadlock_checker *d, wf_engine *e)
{
    size_t n = e->tasks.len, words = e->objs.len / 64 + 1, next = 0;
    uint64_t *bits;
    VEC_RESERVE(d->rbits, words);
    bits = d->rbits.p;
    memset(bits, 0, words * sizeof *bits);
    d->cand.len = d->src.len = 0;
    for (size_t i = 0; i < n; i++) {
        if (d->alive.p[i])
            VEC_PUSH(d->src, (int32_t)i);
        else if (e->tasks.p[i]->state == TASK_BLOCKED)
            VEC_PUSH(d->cand, (int32_t)i);
    }
    e->fe.reach_mark(e->fe.ctx, e, NULL, true, bits, words);
    for (;;) {
        size_t kept = 0;
        for (size_t c = 0; c < d->cand.len; c++) {
            int32_t i = d->cand.p[c];
            wf_obj *aw[MAX_AW];
            int na = awaited(e->tasks.p[i], aw, MAX_AW);
            bool woken = false;
            for (int k = 0; k < na && !woken; k++)
                woken = ((bits[aw[k]->oid / 64] >> (aw[k]->oid % 64)) & 1);
            if (woken) {
                d->alive.p[i] = 1;
                VEC_PUSH(d->src, i);
            } else {
                d->cand.p[kept++] = i;
            }
        }
        d->cand.len = kept;
        d->work += kept + 1;
        if (!kept || next == d->src.len)
            return;
        /* walk as many tasks again as walked so far before re-checking:
         * O(candidates x log walks) checks */
        for (size_t stop = next ? 2 * next : 1;
             next < d->src.len && next < stop; next++, d->work++)
            e->fe.reach_mark(e->fe.ctx, e, e->tasks.p[d->src.p[next]],
                          false, bits, words);
    }
}

/* Which blocked tasks could still be woken: the live tasks (runnable, or
 * sleeping) reach objects; a blocked task waiting on an object a live
 * task (or a pending timer, t == NULL) can reach is live too; repeat to
 * a fixpoint. The rest are deadlocked now. */
static void on_step_end(void *ctx, wf_engine *e)
{
    deadlock_checker *d = ctx;
    size_t n = e->tasks.len;
    bool changed = true;
    uint64_t sig, seq, cost, work0;
    if (!e->fe.can_reach) return;
    if (e->nenabled == 0 && e->timers.len == 0)
        return; /* the execution ends here: a global deadlock or leaks */
    if (e->nlive <= e->nenabled)
        return; /* no task is blocked */
    /* A blocked set can only become unwakeable at a step that blocks a
     * task or ends one (the set or the live tasks change: a task that
     * starts to wait takes a ticket, e->wait_seq), or where a live task
     * drops its last reference to what the set waits on. The first two
     * change sig, O(1) to compute: checked then; the third is caught by a
     * check every CHECK_EVERY steps. A check costs O(tasks + what they
     * reach): after one, the next waits a step per CHECK_COST of it, so
     * that checking costs O(1) amortised per step however many tasks
     * there are (10,000 goroutines in a chain: Go's test/chan/
     * goroutines.go; a map of 100,000 entries: test/chan/doubleselect.go).
     * The step a set formed is known all the same (the step its last task
     * blocked, after the previous check). */
    sig = (uint64_t)(uint32_t)e->nenabled | (uint64_t)(uint32_t)e->nlive << 32;
    seq = e->wait_seq ^ ((uint64_t)e->timers.len << 48);
    if (sig == d->last_sig && seq == d->last_seq &&
        e->step - d->last_check < CHECK_EVERY)
        return;
    if (e->step < d->next_check)
        return;
    d->last_sig = sig;
    d->last_seq = seq;
    d->prev_check = d->last_check;
    d->last_check = e->step;
    if (d->reported.len < n) {
        size_t old = d->reported.len;
        VEC_RESERVE(d->reported, n);
        memset(d->reported.p + old, 0, n - old);
        d->reported.len = n;
    }
    VEC_RESERVE(d->alive, n);
    d->alive.len = n;
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        bool blocked = t->state == TASK_BLOCKED && t->op.kind != OP_SLEEP;
        d->alive.p[i] = t->state != TASK_DONE && !blocked;
    }
    d->work = 0;
    work0 = e->reach_work;
    switch (all_directly_wakeable(d, e)) {
    case 2:
        /* no walk, but a look at every task and near each live one:
         * amortised as a walk is (a walk would have cost more) */
        d->next_check = e->step + n / CHECK_COST;
        return;
    case 1:
        return;
    default:
        break;
    }
    if (e->fe.reach_mark)
        union_reach(d, e);
    else
        while (changed) {
            changed = false;
            for (size_t i = 0; i < n; i++) {
                wf_task *t = e->tasks.p[i];
                wf_obj *aw[MAX_AW];
                int na;
                bool woken = false;
                if (t->state != TASK_BLOCKED || d->alive.p[i]) continue;
                na = awaited(t, aw, MAX_AW);
                for (int k = 0; k < na && !woken; k++) {
                    if (e->timers.len &&
                        e->fe.can_reach(e->fe.ctx, e, NULL, aw[k]))
                        woken = true;
                    for (size_t u = 0; u < n && !woken; u++)
                        if (d->alive.p[u] && u != i &&
                            e->fe.can_reach(e->fe.ctx, e, e->tasks.p[u],
                                         aw[k]))
                            woken = true;
                }
                if (woken) {
                    d->alive.p[i] = 1;
                    changed = true;
                }
            }
        }
    d->set.len = 0;
    for (size_t i = 0; i < n; i++)
        if (e->tasks.p[i]->state == TASK_BLOCKED && !d->alive.p[i] &&
            !d->reported.p[i])
            VEC_PUSH(d->set, (int32_t)i);
    cost = n + d->work + (e->reach_work - work0);
    d->next_check = e->step + cost / CHECK_COST;
    if (!d->set.len) return;
    for (size_t i = 0; i < d->set.len; i++)
        d->reported.p[d->set.p[i]] = 1;
    report_partial(d, e);
}

/* Where the locks held now were taken: pushed at each acquisition,
 * dropped at the release (a Go mutex may be unlocked by any task; a read
 * lock by its reader if it holds one, else by any). O(1) but for the
 * search of a release, from the most recent acquisition. */
static void on_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    deadlock_checker *d = ctx;
    (void)e;
    switch ((ev_op)ev->op) {
    case EV_WAIT:
        if (ev->oid < 0 || ev->tid < 0) return;
        used_add(d, ev->oid, ev->tid);
        grow_i32(&d->wait_cond, (size_t)ev->tid + 1, -1);
        d->wait_cond.p[ev->tid] = ev->oid;
        while (d->wait_at.len <= (size_t)ev->tid)
            VEC_PUSH(d->wait_at, 0);
        d->wait_at.p[ev->tid] = ev->step;
        return;
    case EV_SIGNAL:
    case EV_BROADCAST: {
        dl_signal z = {0, 0, -1, 0, NULL, 0};
        if (ev->oid < 0) return;
        used_add(d, ev->oid, ev->tid);
        while (d->sigs.len <= (size_t)ev->oid) {
            VEC_PUSH(d->sigs, z);
            VEC_PUSH(d->lost, z);
        }
        z.step = ev->step;
        z.tid = ev->tid;
        z.op = ev->op;
        z.file = ev->file;
        z.line = ev->line;
        if (ev->op == EV_SIGNAL) z.peer = ev->peer;
        d->sigs.p[ev->oid] = z;
        /* a Signal with no waiter, a Broadcast of none (value: woken) */
        if (ev->op == EV_SIGNAL ? ev->peer < 0 : ev->value == 0)
            d->lost.p[ev->oid] = z;
        return;
    }
    case EV_TRYLOCK:
        if (ev->flags & EVF_FAILED)
            return;
        /* fallthrough */
    case EV_LOCK:
    case EV_RLOCK: {
        dl_held h = {ev->oid, ev->tid, ev->op == EV_RLOCK, ev->file,
                     ev->line};
        VEC_PUSH(d->held, h);
        used_add(d, ev->oid, ev->tid);
        return;
    }
    case EV_UNLOCK:
    case EV_RUNLOCK: {
        bool read = ev->op == EV_RUNLOCK;
        size_t at = SIZE_MAX;
        used_add(d, ev->oid, ev->tid);
        /* the unlock a cond Wait does: the cond's L */
        if (ev->tid >= 0 && (size_t)ev->tid < d->wait_cond.len &&
            d->wait_cond.p[ev->tid] >= 0 && ev->oid >= 0) {
            grow_i32(&d->cond_l, (size_t)d->wait_cond.p[ev->tid] + 1, -1);
            d->cond_l.p[d->wait_cond.p[ev->tid]] = ev->oid;
            d->wait_cond.p[ev->tid] = -1;
        }
        for (size_t i = d->held.len; i-- > 0;) {
            const dl_held *h = &d->held.p[i];
            if (h->oid != ev->oid || h->read != read)
                continue;
            if (at == SIZE_MAX)
                at = i;
            if (!read || h->tid == ev->tid) {
                at = i;
                break;
            }
        }
        if (at != SIZE_MAX) {
            memmove(d->held.p + at, d->held.p + at + 1,
                    (d->held.len - at - 1) * sizeof *d->held.p);
            d->held.len--;
        }
        return;
    }
    default:
        return;
    }
}

/* Where task tid took lock oid (read: its read lock), or NULL. */
static const dl_held *held_at(const deadlock_checker *d, int32_t oid,
                              int32_t tid, bool read)
{
    for (size_t i = d->held.len; i-- > 0;) {
        const dl_held *h = &d->held.p[i];
        if (h->oid == oid && h->read == read && (!read || h->tid == tid))
            return h;
    }
    return NULL;
}

static void on_begin(void *ctx, wf_engine *e)
{
    deadlock_checker *d = ctx;
    (void)e;
    d->held.len = 0;
    if (d->used.len) memset(d->used.p, 0, d->used.len * sizeof *d->used.p);
    d->nused = 0;
    d->sigs.len = d->lost.len = d->cond_l.len = d->wait_cond.len = d->wait_at.len = 0;
    d->reported.len = 0;
    d->parts.len = 0;
    d->part_tids.len = 0;
    d->last_sig = d->last_seq = 0;
    d->last_check = 0;
    d->prev_check = 0;
    d->next_check = 0;
}

deadlock_checker *deadlock_new(lockorder *lo)
{
    deadlock_checker *d = wf_xcalloc(1, sizeof *d);
    d->lo = lo;
    return d;
}

void deadlock_free(deadlock_checker *d)
{
    if (!d) return;
    VEC_FREE(d->reported);
    VEC_FREE(d->alive);
    VEC_FREE(d->set);
    VEC_FREE(d->idx);
    VEC_FREE(d->edges);
    VEC_FREE(d->efirst);
    VEC_FREE(d->elen);
    VEC_FREE(d->cycle);
    VEC_FREE(d->q);
    VEC_FREE(d->prev);
    VEC_FREE(d->mark);
    VEC_FREE(d->tmp);
    VEC_FREE(d->omark);
    VEC_FREE(d->rbits);
    VEC_FREE(d->cand);
    VEC_FREE(d->src);
    VEC_FREE(d->parts);
    VEC_FREE(d->part_tids);
    VEC_FREE(d->uf);
    VEC_FREE(d->held);
    VEC_FREE(d->used);
    VEC_FREE(d->sigs);
    VEC_FREE(d->lost);
    VEC_FREE(d->cond_l);
    VEC_FREE(d->wait_cond);
    VEC_FREE(d->wait_at);
    free(d);
}

wf_consumer deadlock_consumer(deadlock_checker *d)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = d;
    c.begin = on_begin;
    c.event = on_event;
    c.end = on_end;
    c.step_end = on_step_end;
    return c;
}

/* deadlock.c: see deadlock.h. Reports are built once per deadlock, so the
 * costs here (O(tasks x objects) for a report, O(blocked^2 x live) hook
 * calls per step for partial deadlocks) stay off the hot path: without
 * the hook, a step costs one branch. */
#include "deadlock.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadlock_int.h"

static bool is_chan_wait(const wf_task *u)
{
    return u->state == TASK_BLOCKED && deadlock_wait_of(u) == REPORT_W_CHAN;
}

static void build_graph(deadlock_checker *d, wf_engine *e)
{
    size_t k = d->set.len;
    d->idx.len = 0;
    deadlock_grow(&d->idx, e->tasks.len, -1);
    for (size_t i = 0; i < k; i++)
        d->idx.p[d->set.p[i]] = (int32_t)i;
    d->edges.len = 0;
    d->efirst.len = d->elen.len = 0;
    deadlock_grow(&d->efirst, k, 0);
    deadlock_grow(&d->elen, k, 0);
    for (size_t i = 0; i < k; i++) {
        wf_task *t = e->tasks.p[d->set.p[i]];
        d->efirst.p[i] = (int32_t)d->edges.len;
        deadlock_holders(t, &d->tmp);
        for (size_t j = 0; j < d->tmp.len; j++)
            if (d->idx.p[d->tmp.p[j]] >= 0) {
                dl_edge ed = {d->tmp.p[j], 0};
                VEC_PUSH(d->edges, ed);
            }
        if (k <= MAX_POSSIBLE && deadlock_possible(deadlock_wait_of(t))) {
            bool chan = deadlock_wait_of(t) == REPORT_W_CHAN;
            size_t nusers = deadlock_cands(d, e, t, &d->tmp);
            for (size_t j = 0; j < d->tmp.len; j++)
                if (d->idx.p[d->tmp.p[j]] >= 0) {
                    /* a cond's holder that never used it: searched last */
                    dl_edge ed = {d->tmp.p[j], j < nusers ? 2 : 3};
                    if (chan && is_chan_wait(e->tasks.p[d->tmp.p[j]]))
                        ed.cls = 1;
                    else if (deadlock_in_join(e->tasks.p[d->tmp.p[j]]))
                        ed.cls = 4; /* a joiner: searched last */
                    VEC_PUSH(d->edges, ed);
                }
        }
        d->elen.p[i] = (int32_t)d->edges.len - d->efirst.p[i];
    }
}

/* The shortest cycle through set index s over edges of class <= cls
 * (breadth first, targets in insertion order); into d->cycle. d->prev
 * and d->mark are -1 and 0 for every set index before and after: only
 * the indices visited are reset, so that k searches that each reach a
 * few tasks cost O(k), not O(k^2) (100,000 goroutines blocked on one
 * channel, no cycle: a search from each). */
static bool cycle_from(deadlock_checker *d, int32_t s, int cls)
{
    size_t head = 0;
    int32_t last = -1;
    d->q.len = 0;
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
    if (last >= 0) {
        d->cycle.len = 0;
        for (int32_t v = last; v >= 0; v = d->prev.p[v])
            VEC_PUSH(d->cycle, d->set.p[v]);
    }
    for (size_t i = 0; i < d->q.len; i++) {
        d->mark.p[d->q.p[i]] = 0;
        d->prev.p[d->q.p[i]] = -1;
    }
    if (last < 0) return false;
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
    d->prev.len = d->mark.len = 0;
    deadlock_grow(&d->prev, d->set.len, -1);
    deadlock_grow(&d->mark, d->set.len, 0);
    for (int cls = 0; cls <= 4; cls++)
        for (size_t s = 0; s < d->set.len; s++)
            if (cycle_from(d, (int32_t)s, cls)) {
                d->cycle_definite = cls == 0;
                return true;
            }
    return false;
}

/* Sort the entries of rholds (or rtaken) by their task (d->rtag), stable:
 * a counting sort; each task's first and count into d->rat (slots at and
 * at + 1 of four). */
#define SORT_BY_TASK(d, vec, T, at)                                            \
    do {                                                                       \
        size_t nt_ = (d)->rtasks.len, ne_ = (d)->vec.len, sum_ = 0;            \
        T *tmp_ = wf_xmalloc((ne_ + 1) * sizeof *tmp_);                        \
        for (size_t i_ = 0; i_ < nt_; i_++)                                    \
            (d)->rat.p[4 * i_ + (at) + 1] = 0;                                 \
        for (size_t i_ = 0; i_ < ne_; i_++)                                    \
            (d)->rat.p[4 * (size_t)(d)->rtag.p[i_] + (at) + 1]++;              \
        for (size_t i_ = 0; i_ < nt_; i_++) {                                  \
            (d)->rat.p[4 * i_ + (at)] = sum_;                                  \
            sum_ += (d)->rat.p[4 * i_ + (at) + 1];                             \
            (d)->rat.p[4 * i_ + (at) + 1] = 0;                                 \
        }                                                                      \
        for (size_t i_ = 0; i_ < ne_; i_++) {                                  \
            size_t *a_ = &(d)->rat.p[4 * (size_t)(d)->rtag.p[i_] + (at)];      \
            tmp_[a_[0] + a_[1]++] = (d)->vec.p[i_];                            \
        }                                                                      \
        if (ne_) memcpy((d)->vec.p, tmp_, ne_ * sizeof *tmp_);                 \
        free(tmp_);                                                            \
    } while (0)

/* d->omark: one zero byte per object. */
static void omark_clear(deadlock_checker *d, const wf_engine *e)
{
    VEC_RESERVE(d->omark, e->objs.len + 1);
    memset(d->omark.p, 0, e->objs.len + 1);
    d->omark.len = e->objs.len;
}

static void tag(deadlock_checker *d, int32_t tid)
{
    VEC_PUSH(d->rtag, d->idx.p[tid]);
}

static bool in_set(const deadlock_checker *d, int32_t tid)
{
    return tid >= 0 && (size_t)tid < d->idx.len && d->idx.p[tid] >= 0;
}

/* The locks the set holds, each task's in object order (a read lock
 * before the writer's hold of one RWMutex), where each was taken. */
static void report_holds(deadlock_checker *d, wf_engine *e)
{
    d->rholds.len = d->rtag.len = 0;
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        const wf_task *h, *w;
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        h = m.holder;
        w = m.writer;
        if (h && h != w && in_set(d, h->tid)) {
            const dl_held *at = deadlock_held_at(d, o->oid, h->tid, false);
            report_hold rh = {o, REPORT_HOLD_LOCK, at ? at->file : NULL,
                              at ? at->line : 0};
            VEC_PUSH(d->rholds, rh);
            tag(d, h->tid);
        }
        for (int32_t k = 0; k < m.nreaders; k++) {
            int32_t r = m.readers[k];
            bool dup = false;
            for (int32_t j = 0; j < k; j++)
                dup |= m.readers[j] == r;
            if (dup || !in_set(d, r) || (h && h != w && h->tid == r))
                continue;
            {
                const dl_held *at = deadlock_held_at(d, o->oid, r, true);
                report_hold rh = {o, REPORT_HOLD_READ, at ? at->file : NULL,
                                  at ? at->line : 0};
                VEC_PUSH(d->rholds, rh);
                tag(d, r);
            }
        }
        if (w && in_set(d, w->tid)) {
            const dl_held *at =
                h == w ? deadlock_held_at(d, o->oid, w->tid, false) : NULL;
            report_hold rh = {o, h == w ? REPORT_HOLD_LOCK : REPORT_HOLD_SLOT,
                              at ? at->file : NULL, at ? at->line : 0};
            VEC_PUSH(d->rholds, rh);
            tag(d, w->tid);
        }
    }
    SORT_BY_TASK(d, rholds, report_hold, 0);
    /* where the set's locks were taken, in acquisition order */
    d->rtaken.len = d->rtag.len = 0;
    for (size_t i = 0; i < d->held.len; i++) {
        const dl_held *h = &d->held.p[i];
        report_taken tk;
        if (!in_set(d, h->tid) || h->oid < 0 || (size_t)h->oid >= e->objs.len)
            continue;
        tk.obj = e->objs.p[h->oid];
        tk.read = h->read;
        tk.file = h->file;
        tk.line = h->line;
        VEC_PUSH(d->rtaken, tk);
        tag(d, h->tid);
    }
    SORT_BY_TASK(d, rtaken, report_taken, 2);
}

static void left_push(deadlock_checker *d, const wf_engine *e,
                      const wf_obj *o, const wf_task *t, bool read)
{
    const dl_held *at;
    report_left l;
    if (!t || t->state != TASK_DONE) return;
    for (size_t i = 0; i < d->rleft.len; i++)
        if (d->rleft.p[i].obj == o && d->rleft.p[i].tid == t->tid &&
            d->rleft.p[i].read == read)
            return;
    at = deadlock_held_at(d, o->oid, t->tid, read);
    l.obj = o;
    l.tid = t->tid;
    l.read = read;
    l.file = at ? at->file : NULL;
    l.line = at ? at->line : 0;
    VEC_PUSH(d->rleft, l);
    (void)e;
}

/* The locks the set waits for that a finished task left held (an early
 * return before the Unlock), with where that task took each, into
 * d->rleft: the bug's site is there, not at the blocked Lock. */
static void report_left_held(deadlock_checker *d, wf_engine *e)
{
    d->rleft.len = 0;
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        wf_obj *aw[MAX_AW];
        int n = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < n; k++) {
            obj_view m;
            if (!obj_is_lock(aw[k])) continue;
            m = obj_view_of(aw[k]);
            if (m.holder && m.holder != m.writer)
                left_push(d, e, aw[k], m.holder, false);
            if (m.writer && m.holder == m.writer)
                left_push(d, e, aw[k], m.writer, false);
            for (int32_t r = 0; r < m.nreaders; r++)
                if (m.readers[r] >= 0 && (size_t)m.readers[r] < e->tasks.len)
                    left_push(d, e, aw[k], e->tasks.p[m.readers[r]], true);
        }
    }
}

/* The objects the set awaits or holds, in oid order, into d->robjs. */
static void report_objects(deadlock_checker *d, wf_engine *e)
{
    omark_clear(d, e);
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        wf_obj *aw[MAX_AW];
        int n = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < n; k++)
            d->omark.p[aw[k]->oid] = 1;
    }
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        if (o->kind == OBJ_MUTEX) {
            if (m.holder && in_set(d, m.holder->tid)) d->omark.p[i] = 1;
        } else {
            if (m.writer && in_set(d, m.writer->tid)) d->omark.p[i] = 1;
            for (int32_t k = 0; k < m.nreaders; k++)
                if (in_set(d, m.readers[k])) d->omark.p[i] = 1;
        }
    }
    d->robjs.len = 0;
    for (size_t i = 0; i < e->objs.len; i++)
        if (d->omark.p[i]) VEC_PUSH(d->robjs, e->objs.p[i]);
}

static report_signal signal_of(const dl_signal *v, size_t n, int32_t oid)
{
    report_signal r = {0, 0, -1, false, NULL, 0};
    if ((size_t)oid < n && v[oid].step) {
        const dl_signal *s = &v[oid];
        r.step = s->step;
        r.tid = s->tid;
        r.peer = s->peer;
        r.broadcast = s->op == EV_BROADCAST;
        r.file = s->file;
        r.line = s->line;
    }
    return r;
}

/* The conds the set waits on, in the order it first waits on each. */
static void report_conds(deadlock_checker *d, wf_engine *e)
{
    omark_clear(d, e);
    d->rconds.len = 0;
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        const wf_obj *c = t->op.obj;
        report_dl_cond rc;
        if (deadlock_wait_of(t) != REPORT_W_COND || !c || d->omark.p[c->oid])
            continue;
        d->omark.p[c->oid] = 1;
        rc.cond = c;
        rc.last = signal_of(d->sigs.p, d->sigs.len, c->oid);
        rc.lost = signal_of(d->lost.p, d->lost.len, c->oid);
        VEC_PUSH(d->rconds, rc);
    }
}

/* rt's candidates (t's, waiting on aw[0, rt->nawaited)) into d->rpool,
 * their offset in rt->cands: found again when a task shown before waits
 * on the same objects (d->cmemo). */
static void report_cands(deadlock_checker *d, wf_engine *e, const wf_task *t,
                         wf_obj *const *aw, report_dl_task *rt)
{
    dl_cmemo m;
    memset(&m, 0, sizeof m);
    m.n = rt->nawaited;
    for (int k = 0; k < m.n; k++) { /* insertion: a select's few cases */
        int j = k;
        for (; j > 0 && m.oids[j - 1] > aw[k]->oid; j--)
            m.oids[j] = m.oids[j - 1];
        m.oids[j] = aw[k]->oid;
    }
    /* t waits on them (blocked, in the set): the memo holds for it only
     * then, and for a wait with no object it is t's own */
    bool own = d->joinee.p[t->tid] != 0;
    for (size_t i = 0;
         !own && m.n && t->state == TASK_BLOCKED && i < d->cmemo.len;
         i++) {
        const dl_cmemo *c = &d->cmemo.p[i];
        if (c->n == m.n && !memcmp(c->oids, m.oids, sizeof m.oids)) {
            rt->ncand_users = c->nusers;
            rt->ncands = c->len;
            rt->cands = (const int32_t *)(uintptr_t)c->at;
            return;
        }
    }
    m.nusers = deadlock_cands(d, e, t, &d->tmp);
    m.at = d->rpool.len;
    m.len = d->tmp.len;
    for (size_t k = 0; k < d->tmp.len; k++)
        VEC_PUSH(d->rpool, d->tmp.p[k]);
    rt->ncand_users = m.nusers;
    rt->ncands = m.len;
    rt->cands = (const int32_t *)(uintptr_t)m.at;
    if (!own && m.n && t->state == TASK_BLOCKED)
        VEC_PUSH(d->cmemo, m);
}

/* The report of the deadlocked set d->set (tids ascending): the graph and
 * its cycle, then the data report_deadlock_render puts in words (detail)
 * and JSON members (json), into r. partial_at: see report.h. */
static void build_report(deadlock_checker *d, wf_engine *e,
                         uint64_t partial_at, report_deadlock *r,
                         buf *detail, buf *json)
{
    size_t n = d->set.len;
    build_graph(d, e);
    find_cycle(d);
    d->rcycle.len = 0;
    for (size_t i = 0; i < d->cycle.len; i++)
        VEC_PUSH(d->rcycle, d->idx.p[d->cycle.p[i]]);
    d->rtasks.len = d->rpool.len = d->cmemo.len = 0;
    d->joinee.len = 0;
    deadlock_grow(&d->joinee, e->tasks.len, 0);
    for (size_t i = 0; i < e->tasks.len; i++)
        deadlock_mark_joined(e, e->tasks.p[i], &d->joinee);
    VEC_RESERVE(d->rtasks, n + 1);
    VEC_RESERVE(d->rat, 4 * n + 4);
    d->rat.len = 4 * n;
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        report_dl_task *rt = &d->rtasks.p[d->rtasks.len++];
        wf_obj *aw[MAX_AW];
        size_t at;
        bool in_cycle = false;
        memset(rt, 0, sizeof *rt);
        rt->t = t;
        rt->wait = deadlock_wait_of(t);
        rt->nawaited = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < rt->nawaited; k++)
            rt->awaited[k] = aw[k];
        if (rt->wait == REPORT_W_COND)
            rt->cond_state = deadlock_cond_state(d, t);
        /* holders and candidates go to rpool; pointers set below */
        deadlock_holders(t, &d->tmp);
        at = d->rpool.len;
        for (size_t k = 0; k < d->tmp.len; k++)
            VEC_PUSH(d->rpool, d->tmp.p[k]);
        rt->nholders = d->tmp.len;
        rt->holders = (const int32_t *)(uintptr_t)at;
        for (size_t k = 0; k < d->rcycle.len; k++)
            in_cycle |= (size_t)d->rcycle.p[k] == i;
        /* candidates cost O(tasks) hook calls: only for the tasks a
         * report shows (the JSON's first ones, the cycle), once for each
         * set of objects waited on */
        if (i < REPORT_MAX_TASKS || in_cycle)
            report_cands(d, e, t, aw, rt);
    }
    for (size_t i = 0; i < n; i++) {
        report_dl_task *rt = &d->rtasks.p[i];
        rt->holders = d->rpool.p + (uintptr_t)rt->holders;
        rt->cands = d->rpool.p + (uintptr_t)rt->cands;
    }
    report_holds(d, e);
    for (size_t i = 0; i < n; i++) {
        report_dl_task *rt = &d->rtasks.p[i];
        rt->holds = d->rholds.p + d->rat.p[4 * i];
        rt->nholds = d->rat.p[4 * i + 1];
        rt->taken = d->rtaken.p + d->rat.p[4 * i + 2];
        rt->ntaken = d->rat.p[4 * i + 3];
    }
    report_objects(d, e);
    report_conds(d, e);
    report_left_held(d, e);
    memset(r, 0, sizeof *r);
    r->tasks = d->rtasks.p;
    r->ntasks = n;
    r->cycle = d->rcycle.p;
    r->ncycle = d->rcycle.len;
    r->objs = d->robjs.p;
    r->nobjs = d->robjs.len;
    r->left = d->rleft.p;
    r->nleft = d->rleft.len;
    r->conds = d->rconds.p;
    r->nconds = d->rconds.len;
    r->partial_at = partial_at;
    report_deadlock_render(detail, json, e, r);
}


static void confirm_cycle(deadlock_checker *d, wf_engine *e)
{
    uint64_t keys[64];
    int n = 0;
    if (!d->lo || !d->cycle.len || !d->cycle_definite) return;
    for (size_t i = 0; i < d->cycle.len && n < 64; i++) {
        const wf_task *t = e->tasks.p[d->cycle.p[i]];
        if (!t->op.obj || !obj_is_lock(t->op.obj)) return;
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
 * complete its operation (can reach the object). O(blocked x deadlock_awaited),
 * plus O(blocked^2) reachability questions up to MAX_GROUP_REACH. */
static void group_blocked(deadlock_checker *d, wf_engine *e)
{
    size_t n = e->tasks.len, nblocked = 0;
    d->uf.len = 0;
    deadlock_grow(&d->uf, n, 0);
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
    deadlock_grow(&d->mark, e->objs.len, -1);
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        wf_obj *aw[MAX_AW];
        int na;
        if (t->state != TASK_BLOCKED)
            continue;
        na = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < na; k++) {
            int32_t *first = &d->mark.p[aw[k]->oid];
            if (*first < 0)
                *first = (int32_t)i;
            else
                uf_union(d, *first, (int32_t)i);
        }
        deadlock_holders(t, &d->tmp);
        for (size_t k = 0; k < d->tmp.len; k++)
            if (e->tasks.p[d->tmp.p[k]]->state == TASK_BLOCKED)
                uf_union(d, (int32_t)i, d->tmp.p[k]);
        if (nblocked > MAX_GROUP_REACH)
            continue;
        deadlock_cands(d, e, t, &d->tmp);
        for (size_t k = 0; k < d->tmp.len; k++)
            if (e->tasks.p[d->tmp.p[k]]->state == TASK_BLOCKED)
                uf_union(d, (int32_t)i, d->tmp.p[k]);
    }
}

/* Where task t's wait has its root: the site where an ended task took
 * the lock t waits for and left held (d->rleft, from build_report), else
 * t's own blocked operation. */
static uint64_t root_site(deadlock_checker *d, const wf_task *t)
{
    wf_obj *aw[MAX_AW];
    int n = deadlock_awaited(t, aw, MAX_AW);
    for (int k = 0; k < n; k++)
        for (size_t j = 0; j < d->rleft.len; j++)
            if (d->rleft.p[j].obj == aw[k]) {
                const report_left *l = &d->rleft.p[j];
                uint64_t h = hash_u64(HASH_INIT, 0x1ef7u);
                if (l->file) h = hash_bytes(h, l->file, strlen(l->file));
                return hash_u64(h, (uint64_t)l->line);
            }
    return site_sig(HASH_INIT, t);
}

/* The sink components of the wait-for graph of d->set (build_graph's
 * edges, every class): mark[i] = 1 for each task in a strongly connected
 * component no edge leaves, the tasks that wait on nothing the others
 * could give (a cycle, or a wait no task will end); the rest wait behind
 * them. Tarjan's algorithm, iterative. */
static void sink_tasks(deadlock_checker *d, uint8_t *mark)
{
    size_t k = d->set.len, top = 0, nstk = 0;
    int32_t next = 0;
    int32_t *index = wf_xmalloc((k + 1) * sizeof *index);
    int32_t *low = wf_xmalloc((k + 1) * sizeof *low);
    int32_t *comp = wf_xmalloc((k + 1) * sizeof *comp);
    int32_t *stk = wf_xmalloc((k + 1) * sizeof *stk);
    int32_t *call = wf_xmalloc((k + 1) * sizeof *call); /* dfs path */
    int32_t *edge = wf_xmalloc((k + 1) * sizeof *edge); /* next edge */
    uint8_t *on = wf_xcalloc(k + 1, 1);
    int32_t ncomp = 0;
    for (size_t i = 0; i < k; i++)
        index[i] = -1;
    for (size_t s0 = 0; s0 < k; s0++) {
        if (index[s0] >= 0) continue;
        call[top++] = (int32_t)s0;
        edge[s0] = 0;
        index[s0] = low[s0] = next++;
        stk[nstk++] = (int32_t)s0;
        on[s0] = 1;
        while (top) {
            int32_t u = call[top - 1];
            if (edge[u] < d->elen.p[u]) {
                int32_t v = d->idx.p[d->edges.p[d->efirst.p[u] + edge[u]++].to];
                if (index[v] < 0) {
                    index[v] = low[v] = next++;
                    edge[v] = 0;
                    stk[nstk++] = v;
                    on[v] = 1;
                    call[top++] = v;
                } else if (on[v] && index[v] < low[u]) {
                    low[u] = index[v];
                }
                continue;
            }
            top--;
            if (top && low[u] < low[call[top - 1]])
                low[call[top - 1]] = low[u];
            if (low[u] == index[u]) {
                int32_t w;
                do {
                    w = stk[--nstk];
                    on[w] = 0;
                    comp[w] = ncomp;
                } while (w != u);
                ncomp++;
            }
        }
    }
    /* a component is a sink when none of its edges leaves it */
    memset(on, 1, k + 1); /* by component: still a sink */
    for (size_t u = 0; u < k; u++)
        for (int32_t j = 0; j < d->elen.p[u]; j++) {
            int32_t v = d->idx.p[d->edges.p[d->efirst.p[u] + j].to];
            if (comp[v] != comp[u]) on[comp[u]] = 0;
        }
    for (size_t u = 0; u < k; u++)
        mark[u] = on[comp[u]];
    free(index);
    free(low);
    free(comp);
    free(stk);
    free(call);
    free(edge);
    free(on);
}

/* A signature for the blocked set d->set, one per root cause as a user
 * names a bug: its kind and the distinct root sites (root_site) of the
 * tasks in the sink components of its wait-for graph (sink_tasks). The
 * tasks waiting behind the cause do not count: a set of 25 filters
 * blocked at one line is the same finding as a set of 24, and an
 * RWMutex reader that Locks is one finding whether or not another reader
 * already queues behind its pending write. Needs build_report's graph
 * and left-held locks. */
static uint64_t set_sig(deadlock_checker *d, wf_engine *e, uint64_t h)
{
    size_t n = 0;
    uint64_t *sites = wf_xmalloc((d->set.len + 1) * sizeof *sites);
    uint8_t *sink = wf_xmalloc(d->set.len + 1);
    sink_tasks(d, sink);
    for (size_t i = 0; i < d->set.len; i++)
        if (sink[i])
            sites[n++] = root_site(d, e->tasks.p[d->set.p[i]]);
    qsort(sites, n, sizeof *sites, u64_cmp);
    for (size_t i = 0; i < n; i++)
        if (!i || sites[i] != sites[i - 1])
            h = hash_u64(h, sites[i]);
    free(sites);
    free(sink);
    return h;
}

/* Whether the group d->set is held up by time alone: every task in its
 * sink components (the root causes) waits on time (engine_waits_on_time). */
static bool group_on_time(deadlock_checker *d, wf_engine *e)
{
    bool on_time = d->set.len > 0;
    uint8_t *sink = wf_xmalloc(d->set.len + 1);
    sink_tasks(d, sink);
    for (size_t i = 0; i < d->set.len && on_time; i++)
        if (sink[i] && !engine_waits_on_time(e, e->tasks.p[d->set.p[i]]))
            on_time = false;
    free(sink);
    return on_time;
}

/* main (or the test function) returned: as Go ends the program there,
 * the tasks blocked now are leaked (SPEC 3), a partial deadlock found
 * before included. One `leak` finding per group of tasks blocked by one
 * cause (group_blocked), carrying the step it formed (the partial
 * deadlock's, else the step its last task blocked) and the same report
 * as a deadlock. Replaces the partial deadlocks and the engine's
 * one-task leaks. main itself blocked at the end did not return: another
 * goroutine ended the program (os.Exit(0)) while main waited for that
 * (select {}, <-done), so main is no leak; the others blocked are. */
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
        report_deadlock rep;
        bool one_op = true;
        if (e->tasks.p[r]->state != TASK_BLOCKED ||
            uf_find(d, (int32_t)r) != (int32_t)r)
            continue;
        d->set.len = 0;
        for (size_t i = r; i < n; i++) {
            const wf_task *t = e->tasks.p[i];
            if (t->state != TASK_BLOCKED || t->main_task ||
                uf_find(d, (int32_t)i) != (int32_t)r)
                continue;
            VEC_PUSH(d->set, (int32_t)i);
            if (t->since > formed)
                formed = t->since;
            one_op &= t->op.kind == e->tasks.p[r]->op.kind;
        }
        if (!d->set.len)
            continue; /* main alone */
        for (size_t i = 0; i < d->parts.len; i++) {
            const dl_partial *pt = &d->parts.p[i];
            if (uf_find(d, d->part_tids.p[pt->first]) == (int32_t)r &&
                pt->step < partial_at)
                partial_at = pt->step;
        }
        buf_init(&detail);
        buf_init(&json);
        buf_init(&msg);
        if (partial_at != UINT64_MAX) {
            formed = partial_at;
        } else {
            partial_at = 0;
            if (formed < m->end_step)
                /* blocked before main returned, stuck since it did */
                formed = m->end_step;
        }
        build_report(d, e, partial_at, &rep, &detail, &json);
        if (group_on_time(d, e))
            report_leak_on_time(&msg, &rep);
        else
            report_deadlock_message(&msg, e, &rep, WF_LEAK, one_op);
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
    report_deadlock rep;
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
    if (!d->set.len)
        return; /* main called runtime.Goexit, the others returned: no
                   task waits, the engine's message says it all */
    buf_init(&detail);
    buf_init(&json);
    build_report(d, e, 0, &rep, &detail, &json);
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
    report_deadlock rep;
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
    build_report(d, e, 0, &rep, &detail, &json);
    report_deadlock_message(&msg, e, &rep, WF_DEADLOCK, false);
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
/* Values near_reach may look at in one check: the last walk's, within. */
#define NEAR_MIN 64
#define NEAR_MAX 4096

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
static int all_directly_wakeable(const deadlock_checker *d, wf_engine *e,
                                 size_t nb, size_t nl)
{
    size_t n = e->tasks.len;
    int how = 1;
    /* near_reach looks at no more values than the last walk did (the
     * philosophers' forks: many blocked x live pairs, each a look) */
    int budget = d->walked < NEAR_MIN   ? NEAR_MIN
                 : d->walked > NEAR_MAX ? NEAR_MAX
                                        : (int)d->walked;
    if (!nl || nb * nl > DIRECT_PAIRS)
        return 0;
    for (size_t i = 0; i < n; i++) {
        wf_task *t = e->tasks.p[i];
        wf_obj *aw[MAX_AW];
        int na;
        bool woken = false;
        if (t->state != TASK_BLOCKED || d->alive.p[i])
            continue;
        na = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < na && !woken; k++)
            for (size_t u = 0; u < n && !woken; u++)
                woken = d->alive.p[u] && u != i &&
                        e->tasks.p[u]->state == TASK_RUNNABLE &&
                        op_touches(&e->tasks.p[u]->op, aw[k]->oid);
        if (woken)
            continue;
        for (int k = 0; k < na && !woken && e->fe.near_reach; k++)
            for (size_t u = 0; u < n && !woken && budget > 0; u++)
                woken = d->alive.p[u] && u != i &&
                        e->fe.near_reach(e->fe.ctx, e, e->tasks.p[u], aw[k],
                                         &budget);
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
 * walked in turn. O(what the walked tasks reach + deadlock_cands x log
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
            int na = deadlock_awaited(e->tasks.p[i], aw, MAX_AW);
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
         * O(deadlock_cands x log walks) checks */
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
    size_t n = e->tasks.len, nb = 0, nl = 0;
    bool changed = true;
    uint64_t sig, seq, cost, work0;
    if (!e->fe.can_reach) return;
    if (e->end == END_PANIC)
        return; /* the program dies at this step (Go's unrecovered panic):
                   the panicking task is no blocked one, and no set forms
                   after it */
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
        bool alive = t->state != TASK_DONE && !blocked;
        d->alive.p[i] = alive;
        nl += alive;
        nb += !alive && t->state == TASK_BLOCKED;
    }
    d->work = 0;
    work0 = e->reach_work;
    switch (all_directly_wakeable(d, e, nb, nl)) {
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
    if (e->fe.reach_mark) {
        union_reach(d, e);
        d->walked = e->reach_work - work0;
    }
    else
        while (changed) {
            changed = false;
            for (size_t i = 0; i < n; i++) {
                wf_task *t = e->tasks.p[i];
                wf_obj *aw[MAX_AW];
                int na;
                bool woken = false;
                if (t->state != TASK_BLOCKED || d->alive.p[i]) continue;
                na = deadlock_awaited(t, aw, MAX_AW);
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
 * search of a release, from the most recent acquisition. */static void on_begin(void *ctx, wf_engine *e)
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
    d->walked = 0;
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
    VEC_FREE(d->rtasks);
    VEC_FREE(d->rpool);
    VEC_FREE(d->cmemo);
    VEC_FREE(d->joinee);
    VEC_FREE(d->rholds);
    VEC_FREE(d->rtaken);
    VEC_FREE(d->rleft);
    VEC_FREE(d->rtag);
    VEC_FREE(d->rat);
    VEC_FREE(d->robjs);
    VEC_FREE(d->rconds);
    VEC_FREE(d->rcycle);
    free(d);
}

wf_consumer deadlock_consumer(deadlock_checker *d)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = d;
    c.begin = on_begin;
    c.event = deadlock_on_event;
    /* what deadlock_on_event looks at: cond waits and signals, locks */
    c.ops = EV_BIT(EV_WAIT) | EV_BIT(EV_SIGNAL) | EV_BIT(EV_BROADCAST) |
            EV_BIT(EV_TRYLOCK) | EV_BIT(EV_LOCK) | EV_BIT(EV_RLOCK) |
            EV_BIT(EV_TRYRLOCK) | EV_BIT(EV_UNLOCK) | EV_BIT(EV_RUNLOCK);
    c.end = on_end;
    c.step_end = on_step_end;
    return c;
}
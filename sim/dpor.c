/* dpor.c: see dpor.h. */
#include "dpor_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Does add y commute with every add o keeps (neither floored, no
 * bound)? Then no add of o needs checking against it. */
static bool adds_commute(const dpor *d, const dobj *o, const acc_rec *y)
{
    return d->bound < 0 && !o->nfloor && !(y->flags & ACCF_FLOOR);
}

static bool is_write(uint8_t t)
{
    return t == ACC_WRITE || t == ACC_ACQUIRE || t == ACC_RELEASE;
}

/* May accesses of types a and b to one object conflict (engine.h's
 * table)? Under a preemption bound every pair but two reads does: the
 * bound makes otherwise independent steps dependent (Coons et al.,
 * OOPSLA 2013), as the order of a Done and the Wait it releases decides
 * whether the Wait blocks, and so whether switching away is free. Pairs
 * of adds, and adds with observes, are refined by their data
 * (add_conflict). */
static bool conflict(const dpor *d, uint8_t a, uint8_t b)
{
    if (d->bound >= 0)
        return a != ACC_READ || b != ACC_READ;
    if (a == ACC_PARK || b == ACC_PARK)
        return false;
    if (a == b && (a == ACC_READ || a == ACC_COMMIT || a == ACC_OBSERVE))
        return false;
    if ((a == ACC_READ && b == ACC_OBSERVE) ||
        (a == ACC_OBSERVE && b == ACC_READ))
        return false;
    if ((a == ACC_ADD && b == ACC_COMMIT) || (a == ACC_COMMIT && b == ACC_ADD))
        return false;
    if ((a == ACC_OBSERVE && b == ACC_COMMIT) ||
        (a == ACC_COMMIT && b == ACC_OBSERVE))
        return false;
    if ((a == ACC_RUNLOCK && (b == ACC_READ || b == ACC_RUNLOCK)) ||
        (b == ACC_RUNLOCK && a == ACC_READ))
        return false;
    return true;
}

/* Do two adds to a floored counter conflict, x before y, the count c
 * before x? Swapped, y runs at c: a negative y after a positive x takes
 * the count below zero (a panic) or to zero with waiters parked (which
 * it would release); a positive y after a negative x that released
 * waiters keeps them parked. Any other pair commutes. */
static bool floor_swap_conflicts(int64_t c, const arec *x, int64_t ydelta,
                                 bool parked)
{
    if (x->delta > 0 && ydelta < 0)
        return c + ydelta < 0 || (c + ydelta == 0 && parked);
    if (x->delta < 0 && ydelta > 0)
        return (x->flags & ACCF_RELEASED) != 0;
    return false;
}

/* Does access y conflict with x, x right before it on the same object?
 * x's data describe the state before the pair. */
static bool acc_conflict(const dpor *d, const acc_rec *x, const acc_rec *y)
{
    if (!conflict(d, x->type, y->type))
        return false;
    if (d->bound >= 0)
        return true;
    if (x->type == ACC_ADD && y->type == ACC_ADD) {
        arec a;
        if (!(x->flags & ACCF_FLOOR))
            return false;
        a.delta = x->delta;
        a.before = x->before;
        a.flags = x->flags;
        return floor_swap_conflicts(x->before, &a, y->delta,
                                    (x->flags & ACCF_PARKED) != 0);
    }
    /* a reader's unlock and a writer's Lock leave the same state in
     * either order (the Lock waits for the readers inside): ordered, as
     * the writer's section follows the reader's, but not reversed */
    if ((x->type == ACC_RUNLOCK && y->type == ACC_ACQUIRE) ||
        (x->type == ACC_ACQUIRE && y->type == ACC_RUNLOCK))
        return false;
    if (x->type == ACC_ADD && y->type == ACC_OBSERVE)
        return x->delta > 0;
    if (x->type == ACC_OBSERVE && y->type == ACC_ADD)
        return y->delta > 0;
    return true;
}

/* Do two access lists conflict, a's before b's? OID_ANY conflicts with
 * everything. */
static bool sig_conflicts(const dpor *d, const acc_rec *a, size_t na,
                          const acc_rec *b, size_t nb)
{
    for (size_t i = 0; i < na; i++)
        for (size_t k = 0; k < nb; k++)
            if ((a[i].oid == b[k].oid && acc_conflict(d, &a[i], &b[k])) ||
                a[i].oid == OID_ANY || b[k].oid == OID_ANY)
                return true;
    return false;
}

void dpor_acc_union_add(node *n, const acc_rec *a, size_t na)
{
    for (size_t i = 0; i < na; i++) {
        bool seen = false;
        for (size_t k = 0; k < n->acc_union.len && !seen; k++)
            seen = n->acc_union.p[k].oid == a[i].oid &&
                   n->acc_union.p[k].type == a[i].type;
        if (!seen)
            VEC_PUSH(n->acc_union, a[i]);
    }
}

dpor *dpor_new(void)
{
    dpor *d = wf_xcalloc(1, sizeof(dpor));
    d->bound = -1;
    d->limit = -1;
    return d;
}

/* These return the snodes they freed (dpor.nkept counts those alive). */
static size_t drop_kids(dclock_reg *g, node *n);
static void free_fields(dclock_reg *g, node *n);
/* Free s and its subtrees without recursion: a tree is as deep as an
 * execution is long (a program that runs 10^6 steps before a time limit
 * stops it), too deep for the C stack. */
static size_t free_snode(dclock_reg *g, snode *s)
{
    VEC(snode *) todo = {0};
    size_t k = 0;
    if (!s)
        return 0;
    VEC_PUSH(todo, s);
    while (todo.len) {
        snode *t = todo.p[--todo.len];
        for (size_t i = 0; i < t->n.kids.len; i++)
            if (t->n.kids.p[i])
                VEC_PUSH(todo, t->n.kids.p[i]);
        t->n.kids.len = 0;
        free_fields(g, &t->n);
        free(t->en);
        free(t);
        k++;
    }
    VEC_FREE(todo);
    return k;
}

void dpor_set_bound(dpor *d, int bound)
{
    for (size_t i = 0; i < d->nodes.len; i++)
        d->nkept -= drop_kids(&d->creg, &d->nodes.p[i]);
    d->nodes.len = 0;
    d->bound = bound;
    d->limit = -1;
    d->round = 0;
    d->pruned = false;
    d->nkept -= free_snode(&d->creg, d->root);
    d->root = NULL;
    d->fpos = 0;
    d->floor = d->forced.len ? SIZE_MAX : 0;
}

void dpor_set_prefix(dpor *d, const choice *c, size_t n)
{
    if (d->gift) { /* a gift's prefix extends the part's */
        c = d->gift->pre.p;
        n = d->gift->pre.len;
    }
    d->forced.len = 0;
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(d->forced, c[i]);
    dpor_set_bound(d, d->bound);
}

/* The forced choice for a new node offering n >= 2 alternatives, or -1
 * (error set) when the prefix chose among another number. */
static int forced_pick(dpor *d, int n)
{
    const choice *c = &d->forced.p[d->fpos++];
    if (c->n != (uint32_t)n && !d->err) {
        char m[200];
        snprintf(m, sizeof m,
                 "the prefix chose among %u alternatives where the program "
                 "offers %d",
                 c->n, n);
        d->err = wf_xstrdup(m);
    }
    return c->n == (uint32_t)n ? (int)c->idx : -1;
}

void dpor_prefix_siblings_done(dpor *d, bool on)
{
    d->prefix_done = on;
}

void dpor_prefix_sibling(dpor *d, size_t i, int32_t tid, const acc_rec *a,
                         size_t n)
{
    psib s = {i, tid, (uint32_t)d->psib_acc.len, (uint32_t)n};
    for (size_t k = 0; k < n; k++)
        VEC_PUSH(d->psib_acc, a[k]);
    VEC_PUSH(d->psibs, s);
}

bool dpor_prefix_siblings(const dpor *d)
{
    return d->prefix_done;
}

bool dpor_pruned(const dpor *d)
{
    return d->pruned;
}

/* Forget the subtrees put aside below n. */
static size_t drop_kids(dclock_reg *g, node *n)
{
    size_t k = 0;
    for (size_t i = 0; i < n->kids.len; i++)
        k += free_snode(g, n->kids.p[i]);
    n->kids.len = 0;
    return k;
}

size_t dpor_free_node(dpor *d, node *n)
{
    size_t k = drop_kids(&d->creg, n);
    free_fields(&d->creg, n);
    return k;
}

static void free_fields(dclock_reg *g, node *n)
{
    VEC_FREE(n->kids);
    dclock_release(g, &n->vc);
    VEC_FREE(n->acc);
    VEC_FREE(n->acc_union);
    VEC_FREE(n->en);
    VEC_FREE(n->bt);
    VEC_FREE(n->given);
    tset_free(&n->done);
    tset_free(&n->sleep);
}

void dpor_free(dpor *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->ninit; i++)
        dpor_free_node(d, &d->nodes.p[i]);
    VEC_FREE(d->nodes);
    dpor_clocks_free(d);
    VEC_FREE(d->tcount);
    for (size_t i = 0; i < d->nobjs_init; i++) {
        dobj *o = &d->objs.p[i];
        VEC_FREE(o->pend);
        VEC_FREE(o->us);
        VEC_FREE(o->rs);
        VEC_FREE(o->cs);
        VEC_FREE(o->os);
        VEC_FREE(o->ps);
        VEC_FREE(o->adds);
    }
    VEC_FREE(d->objs);
    tset_free(&d->next_sleep);
    VEC_FREE(d->sig);
    VEC_FREE(d->ltab);
    VEC_FREE(d->first);
    VEC_FREE(d->active);
    VEC_FREE(d->rmark);
    for (size_t i = 0; i < d->evnodes.len; i++)
        VEC_FREE(d->evnodes.p[i]);
    VEC_FREE(d->evnodes);
    VEC_FREE(d->fresh);
    VEC_FREE(d->opver);
    VEC_FREE(d->cmark);
    VEC_FREE(d->cand);
    free_snode(&d->creg, d->root);
    VEC_FREE(d->forced);
    VEC_FREE(d->psibs);
    VEC_FREE(d->psib_acc);
    dpor_gift_free(d->gift);
    VEC_FREE(d->req_r);
    VEC_FREE(d->reqs);
    VEC_FREE(d->req_tids);
    tset_free(&d->at_done);
    VEC_FREE(d->at_acc);
    free(d->err);
    free(d);
}

static node *push_node(dpor *d)
{
    node *n;
    VEC_RESERVE(d->nodes, d->nodes.len + 1);
    n = &d->nodes.p[d->nodes.len];
    if (d->nodes.len >= d->ninit) {
        memset(n, 0, sizeof *n);
        d->ninit = d->nodes.len + 1;
    } else {
        n->en.len = n->bt.len = 0;
        tset_reset(&n->done);
        tset_reset(&n->sleep);
        dclock_clear(&n->vc);
        n->acc.len = n->acc_union.len = 0;
    }
    n->has_ev = false;
    n->sub = false;
    n->given.len = 0;
    n->waiting = 0;
    n->n = n->idx = n->nexti = 0;
    n->tid = -1;
    d->nodes.len++;
    return n;
}

static dobj *obj_of(dpor *d, int32_t oid)
{
    size_t i = (size_t)(oid + 5);
    if (i >= d->objs.len) {
        VEC_RESERVE(d->objs, i + 1);
        while (d->objs.len <= i) {
            dobj *o = &d->objs.p[d->objs.len];
            if (d->objs.len >= d->nobjs_init) {
                memset(o, 0, sizeof *o);
                d->nobjs_init = d->objs.len + 1;
            }
            d->objs.len++;
        }
    }
    return &d->objs.p[i];
}

/* The records of oid, or NULL when nothing has touched it: never grows
 * d->objs, so pointers into it stay valid. */
static const dobj *obj_peek(const dpor *d, int32_t oid)
{
    size_t i = (size_t)(oid + 5);
    return i < d->objs.len ? &d->objs.p[i] : NULL;
}

dclock *dpor_clock_of(dpor *d, int32_t tid)
{
    while (d->tclock.len <= (size_t)tid) {
        dclock z = {NULL, 0, 0, 0};
        VEC_PUSH(d->tclock, z);
        VEC_PUSH(d->tcount, 0);
        VEC_PUSH(d->opver, 0);
        VEC_PUSH(d->cmark, 0);
        VEC_PUSH(d->fresh, 0);
        VEC_PUSH(d->ltab, 0);
    }
    return &d->tclock.p[tid];
}

/* After an execution cut by the memory budget: free what its path left
 * allocated beyond the current one, so the next execution has the room. */
static void trim(dpor *d)
{
    size_t len = d->nodes.len;
    d->trim = false;
    for (size_t i = len; i < d->ninit; i++)
        d->nkept -= dpor_free_node(d, &d->nodes.p[i]);
    if (d->ninit > len) d->ninit = len;
    if (d->nodes.cap > 2 * len + 64) {
        d->nodes.cap = 2 * len + 64;
        d->nodes.p = wf_xrealloc(d->nodes.p, d->nodes.cap * sizeof(node));
    }
    for (size_t i = 0; i < d->evnodes.len; i++)
        VEC_FREE(d->evnodes.p[i]);
}

void dpor_begin(dpor *d, wf_engine *e)
{
    if (d->trim) trim(d);
    e->track = true;
    d->eng = e;
    d->depth = 0;
    d->tnode = -1;
    d->blocked = false;
    d->deferred = false;
    d->barrier = false;
    d->pc_cur = 0;
    d->run_tid = -1;
    d->run_len = 0;
    for (size_t i = 0; i < d->tclock.len; i++) {
        dclock_clear(&d->tclock.p[i]);
        d->tcount.p[i] = 0;
    }
    d->ntasks = 0;
    for (size_t i = 0; i < d->evnodes.len; i++)
        d->evnodes.p[i].len = 0;
    dpor_clocks_begin(d);
    for (size_t i = 0; i < d->objs.len; i++) {
        dobj *o = &d->objs.p[i];
        dclock_clear(&o->lw);
        dclock_clear(&o->lr);
        dclock_clear(&o->lc);
        dclock_clear(&o->lk);
        dclock_clear(&o->lo);
        dclock_clear(&o->lu);
        o->rs.len = o->cs.len = o->os.len = o->ps.len = o->adds.len = 0;
        o->us.len = o->pend.len = 0;
        o->nfloor = 0;
        o->has_w = o->has_acq = o->w_is_release = false;
    }
    d->objs.len = 0;
    tset_reset(&d->next_sleep);
}

bool dpor_blocked(const dpor *d)
{
    return d->blocked;
}

const char *dpor_error(const dpor *d)
{
    return d->err;
}

uint64_t dpor_checks(const dpor *d)
{
    return d->checks;
}

uint64_t dpor_ssb_count(const dpor *d)
{
    return d->ssb;
}

bool dpor_deferred(const dpor *d)
{
    return d->deferred;
}

uint64_t dpor_deferred_count(const dpor *d)
{
    return d->ndeferred;
}


static void fail(dpor *d, wf_engine *e, const char *what)
{
    char m[400];
    if (d->err)
        return;
    snprintf(m, sizeof m,
             "the program is not deterministic: at step %llu %s than in an "
             "earlier execution (keep a C scenario's state inside it, not in "
             "globals)",
             (unsigned long long)e->step + 1, what);
    d->err = wf_xstrdup(m);
}

/* ---- signatures: what a pending op may touch --------------------------- */

/* The accesses t's pending op may make, into d->sig: its object class
 * says (engine.h), the engine's own ops here. An op that would panic
 * ends the execution, conflicting with everything that could come
 * before it. */
static void signature(dpor *d, const wf_task *t)
{
    const op *o = &t->op;
    d->sig.len = 0;
    if (op_would_panic(o)) {
        acc_rec a = {OID_ANY, ACC_WRITE, 0, 0, 0};
        VEC_PUSH(d->sig, a);
        return;
    }
    if (t->main_task) { /* its return ends the output, fixes the horizon */
        acc_rec a = {OID_OUTPUT, ACC_WRITE, 0, 0, 0};
        acc_rec c = {OID_TIME, ACC_WRITE, 0, 0, 0};
        VEC_PUSH(d->sig, a);
        VEC_PUSH(d->sig, c);
    }
    if (op_class(o)) {
        op_pending(o, &d->sig);
        return;
    }
    switch ((op_kind)o->kind) {
    case OP_SPAWN: {
        acc_rec a = {OID_SPAWN, ACC_WRITE, 0, 0, 0};
        VEC_PUSH(d->sig, a);
        break;
    }
    case OP_PRINT: {
        acc_rec a = {OID_OUTPUT, ACC_WRITE, 0, 0, 0};
        VEC_PUSH(d->sig, a);
        break;
    }
    case OP_SLEEP: { /* its timer (engine_timer_add) */
        acc_rec a = {OID_TIME, ACC_READ, 0, 0, 0};
        VEC_PUSH(d->sig, a);
        break;
    }
    default: /* yield, exit: no object */
        break;
    }
}

/* Could q's pending op touch an object of A at all? A cheap filter before
 * building its signature (most ops touch one object). */
static bool may_touch(const wf_task *q, const acc_rec *A, size_t na)
{
    const op *o = &q->op;
    for (size_t i = 0; i < na; i++) {
        int32_t oid = A[i].oid;
        if (oid == OID_ANY ||
            ((oid == OID_OUTPUT || oid == OID_TIME) && q->main_task))
            return true;
        if (o->kind == OP_SELECT || o->obj) {
            if (op_touches(o, oid))
                return true;
        } else if (oid < 0) {
            return true; /* spawn, print: pseudo-objects */
        }
    }
    return false;
}

/* ---- backtracking ------------------------------------------------------ */

/* Is the access rec r ordered before task q (whose clock is c)? */
static bool hb(const dpor *d, const rec *r, const dclock *c)
{
    return dclock_get(&d->creg, c, r->tid) >= r->lidx;
}


static void earlier_run(dpor *d, int32_t j);

/* The race of event j (task node) with task q's pending op, whose
 * signature is d->sig and clock c: Source-DPOR (Abdulla et al. 2014): let
 * v be the events after j not ordered after it, then q's op; unless a
 * task that can start v (an initial) is already in j's backtrack set, add
 * one that was enabled before j and does not sleep there. If no initial
 * was enabled there (blocking), add every enabled task (FG's rule). */
/* The first event node of task r after node j and before end, or -1.
 * O(log events of r). */
static int32_t first_after(const dpor *d, int32_t r, int32_t j, size_t end)
{
    const VEC_u32 *ev;
    size_t lo = 0, hi;
    if ((size_t)r >= d->evnodes.len)
        return -1;
    ev = &d->evnodes.p[r];
    hi = ev->len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if ((int32_t)ev->p[mid] <= j)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == ev->len || ev->p[lo] >= end)
        return -1;
    return (int32_t)ev->p[lo];
}

/* Does some event after node j, not ordered after it (tj, lj), conflict
 * with sig? Conservative (true when unsure): an object written after j
 * counts, whatever orders that write. */
static bool conflict_after(dpor *d, int32_t j, int32_t tj, uint32_t lj,
                           const acc_rec *sig, size_t nsig)
{
    for (size_t i = 0; i < nsig; i++) {
        const dobj *o;
        uint8_t t = sig[i].type;
        if (sig[i].oid == OID_ANY)
            return true;
        o = obj_peek(d, sig[i].oid);
        if (!o)
            continue;
        if (o->has_w && o->w.node > j && conflict(d, t, ACC_WRITE))
            return true;
#define AFTER(list, type)                                                     \
    if (conflict(d, t, type))                                                    \
        for (size_t k = 0; k < o->list.len; k++)                              \
            if (o->list.p[k].node > j &&                                      \
                node_get(d, o->list.p[k].node, tj) < lj)                      \
                return true;
        AFTER(rs, ACC_READ)
        AFTER(cs, ACC_COMMIT)
        AFTER(os, ACC_OBSERVE)
        AFTER(us, ACC_RUNLOCK)
#undef AFTER
        if (conflict(d, t, ACC_ADD) &&
            !(t == ACC_ADD && adds_commute(d, o, &sig[i])))
            for (size_t k = 0; k < o->adds.len; k++)
                if (o->adds.p[k].r.node > j &&
                    node_get(d, o->adds.p[k].r.node, tj) < lj)
                    return true;
    }
    return false;
}

/* Consider r as an initial of the reversal at node nj: is it already to
 * be explored there (covered; cov: such an r that the bound forbids), or
 * the first usable one (pick)? */
typedef struct initials {
    int32_t pick, cov;
    bool covered, enabled;
} initials;

/* race()'s marks of the tasks enabled at j and in its backtrack set */
enum { RM_EN = 1, RM_BT = 2 };

static void consider(const dpor *d, const node *nj, int32_t r, initials *in)
{
    char m = (size_t)r < d->rmark.len ? d->rmark.p[r] : 0;
    if (m & RM_BT) {
        if (allowed(d, nj, r))
            in->covered = true;
        else if (in->cov < 0)
            in->cov = r;
    }
    if (m & RM_EN) {
        in->enabled = true;
        if (in->pick < 0 && !tset_has(&nj->sleep, r) &&
            !tset_has(&nj->done, r))
            in->pick = r;
    }
}

/* Mark (on) or unmark the tasks of nj's enabled and backtrack sets in
 * d->rmark: O(1) lookups for consider() in place of a scan of both lists
 * per initial (quadratic with a thousand tasks enabled). */
static void mark_sets(dpor *d, const node *nj, bool on)
{
    const tidvec *v[2] = {&nj->en, &nj->bt};
    for (int s = 0; s < 2; s++)
        for (size_t i = 0; i < v[s]->len; i++) {
            int32_t t = v[s]->p[i];
            if (t < 0)
                continue;
            while (d->rmark.len <= (size_t)t)
                VEC_PUSH(d->rmark, 0);
            if (on)
                d->rmark.p[t] |= (char)(s ? RM_BT : RM_EN);
            else
                d->rmark.p[t] = 0;
        }
}

/* The latest node of an event of another task than n's that happens
 * before n (-1: none): the last event of task t before n is t's
 * vc(n)[t]-th; the tasks retired before n's clock was made, whose
 * entries it does not store, ended before it (d->gmax). O(the tasks it
 * stores) once per node and execution, then O(1). */
static int32_t pred_max(dpor *d, node *n)
{
    if (!n->pmax_ok) {
        int32_t m = d->gmax.p[n->vc.gen];
        for (uint32_t i = 0; i < n->vc.n; i++) {
            int32_t t = n->vc.e[i].tid;
            uint32_t l = n->vc.e[i].t;
            const VEC_u32 *ev;
            if (!l || t == n->tid || (size_t)t >= d->evnodes.len)
                continue;
            ev = &d->evnodes.p[t];
            if (l <= ev->len && (int32_t)ev->p[l - 1] > m)
                m = (int32_t)ev->p[l - 1];
        }
        n->pmax = m;
        n->pmax_ok = true;
    }
    return n->pmax;
}

static void race(dpor *d, int32_t j, int32_t q, const dclock *c,
                 const acc_rec *sig, size_t nsig, size_t end)
{
    node *nj;
    int32_t tj;
    uint32_t lj;
    initials in = {-1, -1, false, false};
    size_t na = 0;
    bool col;
    if (j < 0 || (size_t)j >= d->nodes.len)
        return;
    nj = &d->nodes.p[j];
    if (nj->sub || !nj->has_ev)
        return;
    tj = nj->tid;
    lj = nj->lidx;
    col = d->gift && (size_t)j < d->gift->at; /* the giver's node */
    d->req_r.len = 0;
    /* v = the events after j not ordered after it, then q's op. A task's
     * events after j are in v up to its first one ordered after j, so its
     * first event in v is its first event after j, if not ordered after
     * j. For the a-th such task r (active[a]): first[a], ltab[r]: that
     * event's node and count (ltab is 0 for the other tasks). */
    d->first.len = 0;
    dpor_events_after(d, j); /* the tasks with events after j, ascending */
    for (size_t a = 0; a < d->active.len; a++) {
        int32_t r = d->active.p[a];
        int32_t k = first_after(d, r, j, end);
        if (k >= 0 && node_get(d, k, tj) < lj) {
            d->ltab.p[r] = d->nodes.p[k].lidx;
            d->active.p[na++] = r;
            VEC_PUSH(d->first, k);
        }
    }
    d->active.len = na;
    mark_sets(d, nj, true);
    /* an initial: its first event k in v depends on no other event of v.
     * An event after j ordered before k is in v (else j would be ordered
     * before k), so k is an initial iff no other task's event after j is
     * ordered before it: pred_max(k) <= j, O(1) in place of a check of
     * every task with events in v (quadratic in them: grpc#3017). */
    for (size_t a = 0; a < d->active.len; a++) {
        int32_t r = d->active.p[a];
        int32_t k = d->first.p[a];
        if (k >= 0 && pred_max(d, &d->nodes.p[k]) <= j && col)
            VEC_PUSH(d->req_r, r);
        else if (k >= 0 && pred_max(d, &d->nodes.p[k]) <= j)
            consider(d, nj, r, &in);
    }
    /* q's op itself, if q has no event in v */
    if ((size_t)q >= d->ltab.len || !d->ltab.p[q]) {
        bool initial = true;
        for (size_t b = 0; b < d->active.len && initial; b++) {
            int32_t t = d->active.p[b];
            if (t != q && dclock_get(&d->creg, c, t) >= d->ltab.p[t])
                initial = false;
        }
        if (initial && conflict_after(d, j, tj, lj, sig, nsig))
            initial = false;
        if (initial && col)
            VEC_PUSH(d->req_r, q);
        else if (initial)
            consider(d, nj, q, &in);
    }
    for (size_t a = 0; a < d->active.len; a++)
        d->ltab.p[d->active.p[a]] = 0;
    mark_sets(d, nj, false);
    if (col) {
        dpor_req_push(d, (uint32_t)j, false, d->req_r.p, d->req_r.len);
        return;
    }
    /* Bounded POR (Coons et al.): also try the initial where the run of
     * the task at j began, where switching to it may save a preemption
     * that its exploration from j would need later. */
    if (d->bound >= 0) {
        int32_t r = in.pick >= 0 ? in.pick : in.cov;
        if (r >= 0)
            dpor_conservative(d, j, r);
        if (r >= 0 && !allowed(d, nj, r))
            earlier_run(d, j);
    }
    if (in.covered || in.cov >= 0)
        return;
    if (in.pick >= 0) {
        add_tid(&nj->bt, in.pick);
        return;
    }
    if (in.enabled)
        return; /* an initial sleeps there: its exploration covers v */
    for (size_t i = 0; i < nj->en.len; i++) {
        add_tid(&nj->bt, nj->en.p[i]);
        if (d->bound >= 0)
            dpor_conservative(d, j, nj->en.p[i]);
    }
}

/* What race() compares with: the sig, clock and scan bound of the op
 * being checked. */
typedef struct racer {
    int32_t q;
    const dclock *c;
    const acc_rec *sig;
    size_t nsig, end;
} racer;

/* Bounded POR (Coons, Musuvathi, McKinley, OOPSLA 2013): when running q
 * at node j would exceed the preemption bound, also try q where the run of
 * the task at j began, where switching costs no more preemptions. */
/* A reversal at j over the bound: the task at j may reach the same
 * states cheaper by starting its run earlier, inside the run before it,
 * where a switch back can come free (the task blocks on a lock the other
 * holds). Try it at every node of that run. */
static void earlier_run(dpor *d, int32_t j)
{
    int32_t t = d->nodes.p[j].tid, k = j;
    for (; k >= 0; k--) { /* back to where t's run began */
        const node *nk = &d->nodes.p[k];
        if (!nk->sub && nk->tid != t)
            break;
    }
    d->work += (uint64_t)(j - k);
    for (; k >= 0; k--) {
        node *nk = &d->nodes.p[k];
        if (nk->sub)
            continue;
        if (has_tid(&nk->en, t) && allowed(d, nk, t))
            add_tid(&nk->bt, t);
    }
}

void dpor_conservative(dpor *d, int32_t j, int32_t q)
{
    int32_t t = d->nodes.p[j].tid, i = j, k;
    for (k = j - 1; k >= 0; k--) {
        const node *nk = &d->nodes.p[k];
        if (nk->sub)
            continue;
        if (nk->tid != t)
            break;
        i = k;
    }
    if (has_tid(&d->nodes.p[i].en, q))
        add_tid(&d->nodes.p[i].bt, q);
}

/* Note r in a set of accesses since the last write, keeping only each
 * task's latest: an earlier access of the same task is ordered before the
 * latest, so a later conflicting access is never in a direct race with it
 * (the latest lies between). A polling loop then keeps the set at one
 * record per task instead of one per poll, and a long execution stays
 * linear. */
#define NOTE_REC(v, r)                                                    \
    do {                                                                  \
        size_t i_ = 0;                                                    \
        while (i_ < (v).len && (v).p[i_].tid != (r).tid)                  \
            i_++;                                                         \
        if (i_ < (v).len)                                                 \
            (v).p[i_] = (r);                                              \
        else                                                              \
            VEC_PUSH(v, r);                                               \
    } while (0)

static void check_rec(dpor *d, const rec *r, const racer *x)
{
    if (r->tid != x->q && !hb(d, r, x->c))
        race(d, r->node, x->q, x->c, x->sig, x->nsig, x->end);
}

/* An earlier add a of o and an add of delta by the step or op ending at
 * node end: would swapping them change the state? A floored counter's
 * swap puts the later add where a was, after the adds since a that do
 * not depend on it (as the reversal of a race puts them): their sum
 * decides whether the count would go below zero, or to zero with a
 * waiter parked (a's, or one that parked since without depending on a).
 * O(adds + parks). */
static bool add_conflict(const dpor *d, const dobj *o, const arec *a,
                         int64_t delta, size_t end)
{
    int64_t c = a->before;
    bool parked = (a->flags & ACCF_PARKED) != 0;
    if (!(a->flags & ACCF_FLOOR))
        return false;
    if (!(a->delta > 0 && delta < 0))
        return floor_swap_conflicts(c, a, delta, parked);
    for (size_t k = 0; k < o->adds.len; k++) {
        const arec *r = &o->adds.p[k];
        if (r->r.node > a->r.node && (size_t)r->r.node < end &&
            node_get(d, r->r.node, a->r.tid) < a->r.lidx)
            c += r->delta;
    }
    for (size_t k = 0; k < o->ps.len && !parked; k++) {
        const rec *r = &o->ps.p[k];
        parked = r->node > a->r.node && (size_t)r->node < end &&
                 node_get(d, r->node, a->r.tid) < a->r.lidx;
    }
    return floor_swap_conflicts(c, a, delta, parked);
}

/* The type an access counts as on o: an add past ADDS_MAX that does not
 * commute with every add kept is a write. */
static uint8_t eff_type(const dpor *d, const dobj *o, const acc_rec *y)
{
    if (y->type != ACC_ADD || adds_commute(d, o, y))
        return y->type;
    return o->adds.len >= (d->bound >= 0 ? ADDS_MAX : FLOOR_ADDS_MAX)
               ? ACC_WRITE
               : ACC_ADD;
}

/* Does access y, of its effective type t, conflict with add a before it
 * on o (y by the step or op ending at node end)? */
static bool conflicts_add(const dpor *d, const dobj *o, const arec *a,
                          const acc_rec *y, uint8_t t, size_t end)
{
    if (!conflict(d, ACC_ADD, t))
        return false;
    if (d->bound >= 0)
        return true;
    if (t == ACC_ADD)
        return add_conflict(d, o, a, y->delta, end);
    if (t == ACC_OBSERVE)
        return a->delta > 0;
    return true;
}

/* Races of access y on o by x with the accesses before it. */
static void check_access(dpor *d, dobj *o, const acc_rec *y, const racer *x)
{
    uint8_t t = eff_type(d, o, y);
    bool guarded = t == ACC_ACQUIRE || t == ACC_READ || t == ACC_OBSERVE;
    if (t == ACC_PARK && d->bound < 0)
        return;
    if (o->has_w) {
        if (guarded && o->w_is_release) {
            if (o->has_acq)
                check_rec(d, &o->acq, x);
        } else {
            check_rec(d, &o->w, x);
        }
    }
    if (conflict(d, t, ACC_READ))
        for (size_t i = 0; i < o->rs.len; i++)
            check_rec(d, &o->rs.p[i], x);
    if (conflict(d, t, ACC_COMMIT))
        for (size_t i = 0; i < o->cs.len; i++)
            check_rec(d, &o->cs.p[i], x);
    if (conflict(d, t, ACC_OBSERVE) &&
        (t != ACC_ADD || y->delta > 0 || d->bound >= 0))
        for (size_t i = 0; i < o->os.len; i++)
            check_rec(d, &o->os.p[i], x);
    if (conflict(d, t, ACC_PARK))
        for (size_t i = 0; i < o->ps.len; i++)
            check_rec(d, &o->ps.p[i], x);
    /* an acquire races with the reads (RLocks) before the runlocks */
    if (conflict(d, t, ACC_RUNLOCK) && (t != ACC_ACQUIRE || d->bound >= 0))
        for (size_t i = 0; i < o->us.len; i++)
            check_rec(d, &o->us.p[i], x);
    if (t == ACC_ADD && adds_commute(d, o, y))
        return;
    for (size_t i = 0; i < o->adds.len; i++) {
        const rec *r = &o->adds.p[i].r;
        if (r->tid != x->q && !hb(d, r, x->c) && /* the cheap test first */
            conflicts_add(d, o, &o->adds.p[i], y, t, x->end))
            race(d, r->node, x->q, x->c, x->sig, x->nsig, x->end);
    }
}

/* Note t's pending op (its signature in d->sig) in the pend lists of
 * every object it may touch: its signature's and those it names (an
 * unbuffered send's signature is empty until its channel closes). Its
 * earlier notes go stale. */
static void pend_note(dpor *d, const wf_task *t)
{
    const op *o = &t->op;
    pent pe;
    dpor_clock_of(d, t->tid);
    pe.tid = t->tid;
    pe.ver = ++d->opver.p[t->tid];
    for (size_t i = 0; i < d->sig.len; i++)
        VEC_PUSH(obj_of(d, d->sig.p[i].oid)->pend, pe);
    if (o->obj)
        VEC_PUSH(obj_of(d, o->obj->oid)->pend, pe);
    if (o->kind == OP_SELECT)
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan)
                VEC_PUSH(obj_of(d, sel_chan_obj(o->cases[i].chan)->oid)->pend, pe);
}

static void cand_add(dpor *d, int32_t tid)
{
    if (d->cmark.p[tid] == d->cgen)
        return;
    d->cmark.p[tid] = d->cgen;
    VEC_PUSH(d->cand, tid);
}

/* Add to d->cand the live tasks noted in oid's pend list, dropping the
 * stale notes. */
static void cand_of(dpor *d, const wf_engine *e, int32_t oid)
{
    dobj *o = obj_of(d, oid);
    size_t k = 0;
    for (size_t i = 0; i < o->pend.len; i++) {
        pent pe = o->pend.p[i];
        if (pe.ver != d->opver.p[pe.tid] ||
            e->tasks.p[pe.tid]->state == TASK_DONE)
            continue;
        o->pend.p[k++] = pe;
        cand_add(d, pe.tid);
    }
    o->pend.len = k;
}

/* Is t enabled at task node n? (n->en is ascending: the engine's alts) */
static bool en_has(const node *n, int32_t t)
{
    size_t lo = 0, hi = n->en.len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (n->en.p[mid] < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n->en.len && n->en.p[lo] == t;
}

/* Check a task's pending op against everything before it. */
static void check_pending(dpor *d, const wf_task *t)
{
    racer x;
    signature(d, t);
    pend_note(d, t);
    x.q = t->tid;
    x.c = dpor_clock_of(d, t->tid);
    x.sig = d->sig.p;
    x.nsig = d->sig.len;
    x.end = d->depth;
    if (d->sig.len && d->sig.p[0].oid == OID_ANY) {
        for (size_t i = 0; i < d->objs.len; i++)
            check_access(d, &d->objs.p[i], &d->sig.p[0], &x);
        return;
    }
    for (size_t i = 0; i < d->sig.len; i++)
        check_access(d, obj_of(d, d->sig.p[i].oid), &d->sig.p[i], &x);
}

/* ---- the strategy ------------------------------------------------------ */

/* Steps one task may run in a row, others enabled, before the search
 * switches away from it for free (a spinning loop). */
#define FAIR_RUN 1024

static void note_run(dpor *d, int32_t tid)
{
    if (tid == d->run_tid) {
        d->run_len++;
    } else {
        d->run_tid = tid;
        d->run_len = 1;
    }
}

/* A forced prefix's task node nd, where the prefix picks alts[pick]: the
 * alternatives before it were explored by the searches of the prefixes
 * that pick them (partition.h), so they are done here, and sleep in this
 * search until a step conflicts with them (Godefroid's sleep sets), with
 * the accesses their steps made there (dpor_prefix_sibling). A sibling
 * the plan could not describe stays awake (explored again: sound). */
static void prefix_siblings_done(dpor *d, node *nd, const int32_t *alts,
                                 int pick)
{
    for (int i = 0; i < pick; i++)
        for (size_t k = 0; k < d->psibs.len; k++) {
            const psib *s = &d->psibs.p[k];
            if (s->i + 1 == d->fpos && s->tid == alts[i] &&
                !tset_has(&nd->done, alts[i]))
                tset_add(&nd->done, alts[i],
                         s->n ? d->psib_acc.p + s->off : NULL, s->n);
        }
}

int dpor_choose(dpor *d, wf_engine *e, choice_kind kind, int n,
                const int32_t *alts)
{
    node *nd;
    int pick = -1;
    if (kind != CHOICE_TASK) {
        if (d->depth < d->nodes.len) {
            nd = &d->nodes.p[d->depth];
            if (!nd->sub || nd->n != (uint32_t)n) {
                fail(d, e, "it offered a different choice");
                return -1;
            }
            d->depth++;
            return (int)nd->idx;
        }
        nd = push_node(d);
        nd->sub = true;
        nd->n = (uint32_t)n;
        nd->idx = 0;
        nd->nexti = 1;
        if (n >= 2 && d->fpos < d->forced.len) {
            int f = forced_pick(d, n);
            if (f < 0)
                return -1;
            nd->idx = (uint32_t)f;
        }
        if (WF_UNLIKELY(d->gift != NULL) && d->depth == d->gift->at)
            dpor_gift_sub(d, nd);
        d->depth++;
        if (d->floor == SIZE_MAX && d->fpos == d->forced.len)
            d->floor = d->depth;
        return (int)nd->idx;
    }
    if (d->depth < d->nodes.len) { /* replaying the prefix */
        nd = &d->nodes.p[d->depth];
        pick = nd->sub ? -1 : index_of(alts, n, nd->tid);
        if (pick < 0 || nd->en.len != (size_t)n) {
            fail(d, e, "it offered other tasks");
            return -1;
        }
        d->pc_cur = cost(nd, nd->tid);
        note_run(d, nd->tid);
        d->tnode = (int32_t)d->depth++;
        d->barrier = false;
        return pick;
    }
    nd = push_node(d);
    for (int i = 0; i < n; i++)
        VEC_PUSH(nd->en, alts[i]);
    nd->last = e->last_tid;
    /* after a yield the program asked for, the others run first: the
     * switch is free, and running the yielder on is the preemption (CHESS's
     * fair scheduler makes it a rule; here it is the costly branch, so a
     * back-off loop spins only as far as the bound pays for, and a bug
     * that needs the yielder to go on is still reached) */
    nd->last_en = e->last_tid >= 0 && index_of(alts, n, e->last_tid) >= 0;
    nd->polite = nd->last_en && e->last_polite && n >= 2;
    if (nd->polite)
        nd->last_en = false;
    nd->pc = d->pc_cur;
    if (!d->barrier)
        for (size_t i = 0; i < d->next_sleep.tid.len; i++)
            tset_add(&nd->sleep, d->next_sleep.tid.p[i],
                     tset_acc(&d->next_sleep, i),
                     d->next_sleep.off.p[i + 1] - d->next_sleep.off.p[i]);
    d->barrier = false;
    /* Sleep sets assume every ordering of independent steps is as good as
     * another; under a preemption bound they are not (p1 a; p3 c; p2 b may
     * need one preemption where p1 a; p2 b; p3 c needs two), so bounded
     * rounds run without them (Coons et al.'s BPOR is stated without). */
    if (d->bound >= 0)
        tset_reset(&nd->sleep);
    if (WF_UNLIKELY(d->gift != NULL) && d->gift->sub &&
        d->depth == d->gift->tk) { /* the giver's sets */
        tset_copy(&nd->sleep, &d->gift->sleep);
        tset_copy(&nd->done, &d->gift->done);
    }
    if (n >= 2 && d->fpos < d->forced.len) {
        if ((pick = forced_pick(d, n)) < 0) {
            d->nodes.len--;
            return -1;
        }
        nd->last_en = nd->polite = false; /* a bound counts what follows
                                            the prefix */
        if (d->prefix_done && d->bound < 0) {
            prefix_siblings_done(d, nd, alts, pick);
            if (tset_has(&nd->sleep, alts[pick])) {
                /* an earlier part explores the traces this prefix would */
                d->nodes.len--;
                d->blocked = true;
                d->ssb++;
                return -1;
            }
        }
    }
    if (WF_UNLIKELY(d->gift != NULL) && d->depth == d->gift->at &&
        pick < 0 && (pick = dpor_gift_task(d, nd, alts, n)) < 0) {
        d->nodes.len--;
        d->blocked = true;
        return -1;
    }
    /* prefer the task that ran last: fewer preemptions first */
    if (pick < 0 && (nd->polite || (nd->last_en && d->run_tid == e->last_tid &&
                                    d->run_len >= FAIR_RUN))) {
        /* fairness (CHESS's, one step of it): a task that yielded, or has
         * run FAIR_RUN steps in a row while others could run, is switched
         * away from for free, as Go's scheduler preempts a goroutine that
         * runs too long; a spinning or backing-off loop then cannot starve
         * the task that would end it, at any preemption bound */
        int k = index_of(alts, n, e->last_tid);
        for (int j = 1; j < n && pick < 0; j++) {
            int i = (k + j) % n;
            if (!tset_has(&nd->sleep, alts[i]))
                pick = i;
        }
        if (pick >= 0) {
            nd->last_en = false; /* no switch here counts as a preemption */
            d->fair_switches++;
        }
    }
    if (pick < 0 && !nd->polite && e->last_tid >= 0 &&
        !tset_has(&nd->sleep, e->last_tid))
        pick = index_of(alts, n, e->last_tid);
    {
        int over = -1; /* a task that may run here in a later round */
        for (int i = 0; i < n && pick < 0; i++)
            if (!tset_has(&nd->sleep, alts[i])) {
                if (fits(d, nd, alts[i]))
                    pick = i;
                else if (!allowed(d, nd, alts[i]))
                    d->pruned = true;
                else if (over < 0)
                    over = i;
            }
        if (pick < 0 && over >= 0) {
            /* every task that may run costs more preemptions than this
             * round allows: the node waits for a later round, keeping the
             * branch to explore then */
            d->pruned = true;
            VEC_PUSH(nd->bt, alts[over]);
            d->depth++;
            d->blocked = true;
            d->deferred = true;
            d->ndeferred++;
            return -1;
        }
    }
    if (pick < 0) {
        d->nodes.len--;
        d->blocked = true;
        d->ssb++;
        return -1;
    }
    nd->tid = alts[pick];
    d->pc_cur = cost(nd, nd->tid);
    note_run(d, nd->tid);
    VEC_PUSH(nd->bt, nd->tid);
    d->tnode = (int32_t)d->depth++;
    if (d->floor == SIZE_MAX && d->fpos == d->forced.len)
        d->floor = d->depth;
    return pick;
}

/* The sleep set after task node nd's step, whose accesses are A: its sleep
 * and done transitions that the step does not conflict with. */
static void next_sleep_after(dpor *d, wf_engine *e, const node *nd,
                             const acc_rec *A, size_t na)
{
    tset_reset(&d->next_sleep);
    for (int pass = 0; pass < 2; pass++) {
        const tset *s = pass ? &nd->done : &nd->sleep;
        for (size_t i = 0; i < s->tid.len; i++) {
            int32_t q = s->tid.p[i];
            const acc_rec *qa = tset_acc(s, i);
            size_t nq = s->off.p[i + 1] - s->off.p[i];
            if (q == nd->tid || (size_t)q >= e->tasks.len ||
                e->tasks.p[q]->state == TASK_DONE ||
                in_list(e->woken.p, e->woken.len, q) ||
                sig_conflicts(d, A, na, qa, nq))
                continue;
            tset_add(&d->next_sleep, q, qa, nq);
        }
    }
}

/* What each of a node's twelve vectors takes besides its elements, as
 * malloc gives it (measured: 700 bytes a step on fixedbugs/issue13160.go
 * with 5 tasks). */
#define NODE_VEC_BYTES 48

uint64_t dpor_work(const dpor *d)
{
    return d->work;
}

uint64_t dpor_bytes(const dpor *d)
{
    /* the path, then what stays allocated beyond it (the vectors of the
     * nodes a longer path initialised, the vector's room) and the kept
     * subtrees: a sample or the next execution runs beside them; the
     * clocks (nodes', tasks', objects') as allocated */
    return (uint64_t)d->depth * 12 * NODE_VEC_BYTES +
           (uint64_t)(d->ninit > d->depth ? d->ninit - d->depth : 0) * 12 *
               NODE_VEC_BYTES +
           (uint64_t)d->nodes.cap * sizeof(node) +
           (uint64_t)d->nkept * (sizeof(snode) + 10 * NODE_VEC_BYTES) +
           d->creg.ents * sizeof(dclock_ent);
}

void dpor_after_step(dpor *d, wf_engine *e, int32_t tid)
{
    const acc_rec *A = e->acc.p;
    size_t na = e->acc.len;
    dclock *ev = &d->ev;
    dclock_reg *g = &d->creg;
    int32_t p = tid;
    uint32_t lidx;
    rec r;
    node *nk;
    if (d->err)
        return;
    if (p < 0) {
        /* a timer fired: every event so far happens before what follows */
        dpor_barrier(d, e);
        d->barrier = true;
        for (size_t li = 0; li < e->live.len; li++)
            check_pending(d, e->tasks.p[e->live.p[li]]);
        return;
    }
    dpor_clock_of(d, (int32_t)e->tasks.len - 1);
    nk = &d->nodes.p[d->tnode];
    /* A rendezvous with a partner that committed while p could not run
     * (a receive waiting for its sender): the commit enabled p's step, so
     * it happens before it (Go: a send happens before the receive
     * completes), and there is no race to reverse. Without the edge the
     * receive raced with the commit, and the reversal, finding p disabled
     * there, tried every task enabled there instead: readers_ch(8), each
     * task joined by its own channel, ran 3,840 sleep-set-blocked
     * executions beside its 256 traces. */
    for (size_t i = 0; i < e->woken.len; i++) {
        int32_t w = e->woken.p[i];
        const VEC_u32 *wn;
        const node *nw;
        if (w == p || (size_t)w >= d->evnodes.len || !d->evnodes.p[w].len)
            continue;
        wn = &d->evnodes.p[w];
        nw = &d->nodes.p[wn->p[wn->len - 1]];
        if (d->bound < 0 && nw->has_ev && !has_tid(&nw->en, p))
            dclock_join(g, &d->tclock.p[p], &nw->vc);
    }
    {
        /* the step itself (its op and what its resumption exposed, such
         * as a commit) against the history */
        racer x = {p, &d->tclock.p[p], A, na, (size_t)d->tnode};
        acc_rec any = {OID_ANY, ACC_WRITE, 0, 0, 0};
        if (e->stop) { /* a panic: it conflicts with everything before */
            x.sig = &any;
            x.nsig = 1;
            for (size_t i = 0; i < d->objs.len; i++)
                check_access(d, &d->objs.p[i], &any, &x);
        }
        for (size_t i = 0; i < na; i++)
            check_access(d, obj_of(d, A[i].oid), &A[i], &x);
    }
    lidx = ++d->tcount.p[p];
    dclock_copy(g, ev, dpor_clock_of(d, p));
    for (size_t i = 0; i < na; i++) {
        dobj *o = obj_of(d, A[i].oid);
        uint8_t t = eff_type(d, o, &A[i]);
        if (t == ACC_PARK && d->bound < 0)
            continue; /* not an event */
        dclock_join(g, ev, &o->lw); /* everything conflicts with writes */
        if (conflict(d, t, ACC_READ))
            dclock_join(g, ev, &o->lr);
        if (conflict(d, t, ACC_COMMIT))
            dclock_join(g, ev, &o->lc);
        if (conflict(d, t, ACC_RUNLOCK))
            dclock_join(g, ev, &o->lu);
        if (conflict(d, t, ACC_OBSERVE) &&
            (t != ACC_ADD || A[i].delta > 0 || d->bound >= 0))
            dclock_join(g, ev, &o->lo);
        if (t == ACC_ADD) {
            for (size_t k = 0; !adds_commute(d, o, &A[i]) && k < o->adds.len;
                 k++)
                if (!hb(d, &o->adds.p[k].r, ev) && /* else joined already */
                    conflicts_add(d, o, &o->adds.p[k], &A[i], t,
                                  (size_t)d->tnode))
                    dclock_join(g, ev, &d->nodes.p[o->adds.p[k].r.node].vc);
        } else if (conflict(d, t, ACC_ADD) || t == ACC_OBSERVE) {
            dclock_join(g, ev, &o->lk); /* a Wait comes after every Done */
        }
    }
    dclock_set(g, ev, p, lidx);
    r.node = d->tnode;
    r.tid = p;
    r.lidx = lidx;
    for (size_t i = 0; i < na; i++) {
        dobj *o = obj_of(d, A[i].oid);
        uint8_t t = eff_type(d, o, &A[i]);
        if (is_write(t)) {
            dclock_copy(g, &o->lw, ev);
            o->w = r;
            o->has_w = true;
            o->w_is_release = t == ACC_RELEASE;
            if (t == ACC_ACQUIRE) {
                o->acq = r;
                o->has_acq = true;
            }
            if (t != ACC_RELEASE) {
                o->rs.len = 0;
                o->cs.len = 0;
                o->os.len = 0;
                o->ps.len = 0;
                o->us.len = 0;
                o->adds.len = 0;
                o->nfloor = 0;
            }
        } else if (t == ACC_READ) {
            dclock_join(g, &o->lr, ev);
            NOTE_REC(o->rs, r);
        } else if (t == ACC_OBSERVE) {
            dclock_join(g, &o->lo, ev);
            NOTE_REC(o->os, r);
        } else if (t == ACC_ADD) {
            arec a;
            a.r = r;
            a.delta = A[i].delta;
            a.before = A[i].before;
            a.flags = A[i].flags;
            dclock_join(g, &o->lk, ev);
            VEC_PUSH(o->adds, a);
            o->nfloor += (a.flags & ACCF_FLOOR) != 0;
        } else if (t == ACC_PARK) {
            VEC_PUSH(o->ps, r);
        } else if (t == ACC_RUNLOCK) {
            dclock_join(g, &o->lu, ev);
            NOTE_REC(o->us, r);
        } else {
            dclock_join(g, &o->lc, ev);
            NOTE_REC(o->cs, r);
        }
    }
    dclock_copy(g, &d->tclock.p[p], ev);
    dpor_note_event(d, p);
    nk->has_ev = true;
    nk->pmax_ok = false;
    nk->lidx = lidx;
    dclock_copy(g, &nk->vc, ev);
    nk->acc.len = 0;
    for (size_t i = 0; i < na; i++)
        VEC_PUSH(nk->acc, A[i]);
    if (e->stop) { /* a panic ends the execution: it conflicts with all */
        acc_rec any = {OID_ANY, ACC_WRITE, 0, 0, 0};
        VEC_PUSH(nk->acc, any);
    }
    dpor_acc_union_add(nk, nk->acc.p, nk->acc.len);
    /* The tasks this step checks: those that exposed a new op (woken,
     * spawned) and those whose pending op may touch what it touched (the
     * objects' pend lists), in place of every live task: a step costs
     * what it touches, not the tasks alive (grpc#3017: a thousand
     * goroutines parked on their own timers, each step walked them all).
     * A panic conflicts with everything: then every live task. */
    if (WF_UNLIKELY(++d->cgen == 0)) {
        memset(d->cmark.p, 0, d->cmark.len * sizeof *d->cmark.p);
        memset(d->fresh.p, 0, d->fresh.len * sizeof *d->fresh.p);
        d->cgen = 1;
    }
    d->cand.len = 0;
    d->fresh.p[p] = d->cgen;
    for (size_t i = 0; i < e->woken.len; i++) {
        int32_t w = e->woken.p[i];
        /* a released Wait comes after every Done, not just this one */
        for (size_t k = 0; k < na; k++)
            if (A[k].type == ACC_ADD)
                dclock_join(g, dpor_clock_of(d, w), &obj_of(d, A[k].oid)->lk);
        /* The step completed w's op (a rendezvous): had w been enabled
         * here, running w first (another of its cases) is the reversal. */
        if (w != p && en_has(nk, w))
            race(d, d->tnode, w, &d->tclock.p[w], nk->acc.p, nk->acc.len,
                 d->depth);
        dclock_join(g, dpor_clock_of(d, w), ev);
        d->fresh.p[w] = d->cgen;
        cand_add(d, w);
    }
    for (size_t t = d->ntasks; t < e->tasks.len; t++)
        if ((int32_t)t != p) {
            dclock_copy(g, dpor_clock_of(d, (int32_t)t), ev);
            d->fresh.p[t] = d->cgen;
            cand_add(d, (int32_t)t);
        }
    d->ntasks = e->tasks.len;
    if (e->stop) {
        for (size_t li = 0; li < e->live.len; li++)
            cand_add(d, e->live.p[li]);
    } else {
        cand_of(d, e, OID_ANY);
        for (size_t k = 0; k < nk->acc.len; k++)
            cand_of(d, e, nk->acc.p[k].oid);
    }
    if (d->cand.len > 1) /* (an empty one may have no block: UBSan) */
        qsort(d->cand.p, d->cand.len, sizeof *d->cand.p, tid_cmp);
    d->checks += d->cand.len;
    /* Races with pending ops: a newly exposed op against the whole
     * history; any other pending op against this event (checking next(q)
     * for every q at every state, as FG do, done incrementally). */
    for (size_t li = 0; li < d->cand.len; li++) {
        size_t i = (size_t)d->cand.p[li]; /* ascending, as the live tasks */
        const wf_task *q = e->tasks.p[i];
        if (q->state == TASK_DONE || (int32_t)i == p)
            continue;
        if (d->fresh.p[i] == d->cgen && !e->stop) {
            check_pending(d, q);
            continue;
        }
        /* the signature may change with its objects' state (a send on a
         * channel just closed): noted again, under its objects now */
        signature(d, q);
        if (!e->stop)
            pend_note(d, q);
        if (dclock_get(g, &d->tclock.p[i], p) >= lidx)
            continue;
        /* the step enabled q (a commit q's receive waited for): q's op
         * cannot come before it, no race to reverse (the reversal would
         * find q disabled here and try every enabled task instead); a
         * later event of q still races with the step */
        if (d->bound < 0 && !e->stop && q->state == TASK_RUNNABLE &&
            !en_has(nk, (int32_t)i))
            continue;
        if (!e->stop && !may_touch(q, nk->acc.p, nk->acc.len))
            continue;
        if (e->stop || sig_conflicts(d, nk->acc.p, nk->acc.len, d->sig.p,
                                     d->sig.len))
            race(d, d->tnode, (int32_t)i, &d->tclock.p[i], d->sig.p,
                 d->sig.len, d->depth);
    }
    if (!e->stop && e->tasks.p[p]->state != TASK_DONE)
        check_pending(d, e->tasks.p[p]);
    next_sleep_after(d, e, nk, nk->acc.p, nk->acc.len);
    dpor_tasks_ended(d, e, p);
}

void dpor_end(dpor *d, wf_engine *e)
{
    /* An op still pending when the execution ends never ran: its races
     * were checked against the history as it was when the op was exposed
     * or when a conflicting event came; the events since then can make
     * longer reversals (whose initials differ), so check it once more
     * against the whole execution. */
    if (d->err)
        return;
    if (d->fpos < d->forced.len && !d->blocked) {
        d->err = wf_xstrdup("the execution ended before the prefix's "
                            "choices were all taken");
        return;
    }
    for (size_t i = 0; i < e->tasks.len; i++)
        if (e->tasks.p[i]->state != TASK_DONE &&
            e->tasks.p[i]->op.kind != OP_NONE)
            check_pending(d, e->tasks.p[i]);
    if (e->end == END_MAX_STEPS || e->end == END_MEMORY) /* cuts */
        dpor_give_turns(d);
    if (e->end == END_MEMORY) d->trim = true;
}

/* A race of a gift's search at node j of this search, decided here as
 * race() decides it, with this search's sets. */
void dpor_req_race(dpor *d, size_t j, const int32_t *r, size_t n)
{
    node *nj = &d->nodes.p[j];
    initials in = {-1, -1, false, false};
    if (nj->sub)
        return;
    mark_sets(d, nj, true);
    for (size_t i = 0; i < n; i++)
        consider(d, nj, r[i], &in);
    mark_sets(d, nj, false);
    if (in.covered || in.cov >= 0)
        return;
    if (in.pick >= 0) {
        add_tid(&nj->bt, in.pick);
        return;
    }
    if (in.enabled)
        return;
    for (size_t i = 0; i < nj->en.len; i++)
        add_tid(&nj->bt, nj->en.p[i]);
}

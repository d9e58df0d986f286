/* dpor_race.c: the reduction's races (dpor_int.h): which accesses
 * conflict, what a pending op may touch (its signature), race() and the
 * backtrack sets it adds to, the events a step records and the sleep set
 * after it. dpor.c drives the search over them. */
#include "dpor_int.h"

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

static bool is_queue(uint8_t t)
{
    return t == ACC_ENQ || t == ACC_DEQ || t == ACC_CLOSE;
}

/* Do a buffer's enqueues, dequeues or close a then b conflict, its
 * length c before the pair? Two enqueues do (the order of the items),
 * two dequeues do (who gets which); an enqueue and a dequeue commute
 * when the dequeue takes an older item (c >= 1) and the enqueue finds
 * room (c < cap): either order leaves the same buffer and values. A
 * close and a dequeue commute when the dequeue takes an item (c >= 1:
 * the same item, ok, before or after the close); a close and an
 * enqueue never (the send would panic).
 * Two enqueues of equal values conflict all the same: the buffer is the
 * same either way, but not what a receive synchronizes with (the k-th
 * send happens before the k-th receive completes, and the race checker
 * joins that sender's clock), so which sender's item a receiver takes
 * decides which later accesses race. Equal atomic stores conflict for
 * the same reason (every Go atomic op acquires and releases its
 * object's clock: the second store acquires the first's history), and
 * plain writes are races whatever they write. */
static bool queue_swap_conflicts(uint8_t a, uint8_t b, int64_t c, int64_t cap)
{
    if (a == b)
        return true;
    if (a == ACC_CLOSE || b == ACC_CLOSE)
        return (a == ACC_CLOSE ? b : a) != ACC_DEQ || c < 1;
    return c < 1 || c >= cap;
}

/* May accesses of types a and b to one object conflict (engine.h's
 * table)? Under a preemption bound every pair but two reads does: the
 * bound makes otherwise independent steps dependent (Coons et al.,
 * OOPSLA 2013), as the order of a Done and the Wait it releases decides
 * whether the Wait blocks, and so whether switching away is free. Pairs
 * of adds, and adds with observes, are refined by their data
 * (add_conflict), as are pairs of enqueues and dequeues
 * (queue_conflict). */
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
    if (is_queue(x->type) && is_queue(y->type))
        return queue_swap_conflicts(x->type, y->type, x->before, x->delta);
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
                   n->acc_union.p[k].type == a[i].type &&
                   (!is_queue(a[i].type) ||
                    n->acc_union.p[k].before == a[i].before);
        if (!seen)
            VEC_PUSH_SMALL(n->acc_union, a[i]);
    }
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
        if (conflict(d, t, ACC_ENQ)) /* (any pair of them may) */
            for (size_t k = 0; k < o->qs.len; k++)
                if (o->qs.p[k].r.node > j &&
                    node_get(d, o->qs.p[k].r.node, tj) < lj)
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
    const tidvec *v[2] = {en_vec(d, nj), &nj->bt};
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
 * entries it does not store, ended before it (d->gmax). O(1): noted
 * with the event (dpor_hist_note). */
static int32_t pred_max(const node *n)
{
    WF_ASSERT(n->pmax_ok);
    return n->pmax;
}

/* The initials found at nj (consider()): add the one to explore to its
 * backtrack set; false when there is none, so every task enabled there
 * is to be added (FG's rule), unless an initial sleeps there (true: its
 * exploration covers the reversal) or is already to be explored. */
static bool initial_added(node *nj, const initials *in)
{
    if (in->covered || in->cov >= 0)
        return true;
    if (in->pick >= 0) {
        add_tid(&nj->bt, in->pick);
        return true;
    }
    return in->enabled;
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
    col = !dpor_own_node(d, (size_t)j); /* the giver's node */
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
        if (k >= 0 && pred_max(&d->nodes.p[k]) <= j && col)
            VEC_PUSH(d->req_r, r);
        else if (k >= 0 && pred_max(&d->nodes.p[k]) <= j)
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
    if (initial_added(nj, &in))
        return;
    add_tids(&nj->bt, en_vec(d, nj));
    if (d->bound >= 0) {
        const tidvec *en = en_vec(d, nj);
        for (size_t i = 0; i < en->len; i++)
            dpor_conservative(d, j, en->p[i]);
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
        if (en_has(nk, t) && allowed(d, nk, t))
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
    if (en_has(&d->nodes.p[i], q))
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

/* An earlier enqueue or dequeue of o (the i-th kept) and one of type t
 * by the step or op ending at node end: would swapping them change the
 * state? As add_conflict: the swap puts the later one where the earlier
 * was, after the enqueues and dequeues since that do not depend on it;
 * the buffer's length there decides. O(kept since). */
static bool queue_conflict(const dpor *d, const dobj *o, size_t i, uint8_t t,
                           size_t end)
{
    const qrec *q = &o->qs.p[i];
    int64_t c = q->before;
    if (d->bound >= 0 || q->type == t)
        return true;
    for (size_t k = i + 1; k < o->qs.len; k++) {
        const qrec *r = &o->qs.p[k];
        if (r->r.node > q->r.node && (size_t)r->r.node < end &&
            node_get(d, r->r.node, q->r.tid) < q->r.lidx)
            c += r->type == ACC_ENQ ? 1 : r->type == ACC_DEQ ? -1 : 0;
    }
    return queue_swap_conflicts(q->type, t, c, q->cap);
}

/* The type an access counts as on o: an add past ADDS_MAX that does not
 * commute with every add kept is a write, as is an enqueue or dequeue
 * past QUEUE_MAX or under a bound (where it conflicts with all: the last
 * write stands for every one before, where a list of them all raced
 * with each, 9x the time of a step). */
static uint8_t eff_type(const dpor *d, const dobj *o, const acc_rec *y)
{
    if (is_queue(y->type))
        return d->bound >= 0 || o->qs.len >= QUEUE_MAX ? ACC_WRITE : y->type;
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
    for (size_t i = 0; i < o->qs.len; i++) {
        const rec *r = &o->qs.p[i].r;
        if (r->tid != x->q && !hb(d, r, x->c) &&
            (!is_queue(t) || queue_conflict(d, o, i, t, x->end)))
            race(d, r->node, x->q, x->c, x->sig, x->nsig, x->end);
    }
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

/* Check a task's pending op against everything before it. */
void dpor_check_pending(dpor *d, const wf_task *t)
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
            dpor_check_pending(d, e->tasks.p[e->live.p[li]]);
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
        if (d->bound < 0 && nw->has_ev && !en_has(nw, p))
            dclock_join(g, &d->tclock.p[p], dpor_last_clock(d, w));
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
        oc_join_into(d, ev, &o->lw); /* everything conflicts with writes */
        if (conflict(d, t, ACC_READ))
            oc_join_into(d, ev, &o->lr);
        if (conflict(d, t, ACC_COMMIT))
            oc_join_into(d, ev, &o->lc);
        if (conflict(d, t, ACC_RUNLOCK))
            oc_join_into(d, ev, &o->lu);
        if (conflict(d, t, ACC_OBSERVE) &&
            (t != ACC_ADD || A[i].delta > 0 || d->bound >= 0))
            oc_join_into(d, ev, &o->lo);
        if (t == ACC_ADD) {
            for (size_t k = 0; !adds_commute(d, o, &A[i]) && k < o->adds.len;
                 k++)
                if (!hb(d, &o->adds.p[k].r, ev) && /* else joined already */
                    conflicts_add(d, o, &o->adds.p[k], &A[i], t,
                                  (size_t)d->tnode)) {
                    dpor_node_clock(d, o->adds.p[k].r.node, &d->nscratch);
                    dclock_join(g, ev, &d->nscratch);
                }
        } else if (conflict(d, t, ACC_ADD) || t == ACC_OBSERVE) {
            oc_join_into(d, ev, &o->lk); /* a Wait comes after every Done */
        }
        if (is_queue(t)) {
            for (size_t k = 0; k < o->qs.len; k++)
                if (!hb(d, &o->qs.p[k].r, ev) && /* else joined already */
                    queue_conflict(d, o, k, t, (size_t)d->tnode)) {
                    dpor_node_clock(d, o->qs.p[k].r.node, &d->nscratch);
                    dclock_join(g, ev, &d->nscratch);
                }
        } else if (conflict(d, t, ACC_ENQ)) {
            oc_join_into(d, ev, &o->lq);
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
            oc_set(&o->lw, d->tnode);
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
                o->qs.len = 0;
                o->nfloor = 0;
            }
        } else if (t == ACC_READ) {
            oc_add(d, &o->lr, ev, d->tnode);
            NOTE_REC(o->rs, r);
        } else if (t == ACC_OBSERVE) {
            oc_add(d, &o->lo, ev, d->tnode);
            NOTE_REC(o->os, r);
        } else if (t == ACC_ADD) {
            arec a;
            a.r = r;
            a.delta = A[i].delta;
            a.before = A[i].before;
            a.flags = A[i].flags;
            oc_add(d, &o->lk, ev, d->tnode);
            VEC_PUSH(o->adds, a);
            o->nfloor += (a.flags & ACCF_FLOOR) != 0;
        } else if (is_queue(t)) {
            qrec q;
            q.r = r;
            q.before = A[i].before;
            q.cap = A[i].delta;
            q.type = t;
            oc_add(d, &o->lq, ev, d->tnode);
            VEC_PUSH(o->qs, q);
        } else if (t == ACC_PARK) {
            VEC_PUSH(o->ps, r);
        } else if (t == ACC_RUNLOCK) {
            oc_add(d, &o->lu, ev, d->tnode);
            NOTE_REC(o->us, r);
        } else {
            oc_add(d, &o->lc, ev, d->tnode);
            NOTE_REC(o->cs, r);
        }
    }
    dclock_copy(g, &d->tclock.p[p], ev);
    dpor_note_event(d, p);
    nk->has_ev = true;
    nk->lidx = lidx;
    dpor_hist_note(d, nk, p, lidx, ev);
    nk->acc.len = 0;
    for (size_t i = 0; i < na; i++)
        VEC_PUSH_SMALL(nk->acc, A[i]);
    if (e->stop) { /* a panic ends the execution: it conflicts with all */
        acc_rec any = {OID_ANY, ACC_WRITE, 0, 0, 0};
        VEC_PUSH_SMALL(nk->acc, any);
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
                oc_join_into(d, dpor_clock_of(d, w), &obj_of(d, A[k].oid)->lk);
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
            dpor_check_pending(d, q);
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
        dpor_check_pending(d, e->tasks.p[p]);
    next_sleep_after(d, e, nk, nk->acc.p, nk->acc.len);
    dpor_tasks_ended(d, e, p);
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
    if (initial_added(nj, &in))
        return;
    add_tids(&nj->bt, en_vec(d, nj));
}

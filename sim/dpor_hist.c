/* dpor_hist.c: the clocks of the path's events (dpor_int.h), kept as
 * each task's history, not a clock per node. Node k's clock (the event
 * of task t, its lidx-th) reads for another task u what t's clock read
 * at its latest event up to the lidx-th that changed u's entry: per task
 * t, per task u its clock ever stored, the list of (event, value) where
 * the entry changed. An event stores only the entries its step changed
 * since the task's previous event (FastTrack's observation: most steps
 * change a few entries, or none but their own), so the memory follows
 * the synchronization, not the steps x tasks of a clock per step (Go by
 * Example's stateful goroutines: 110 tasks, 857,470 steps, 876 MB of
 * node clocks, 111 MB of changes).
 *
 * The values read are the clocks' (dclock.h): a task retired before the
 * node's generation reads its final count; any other task reads the
 * entry the node's clock stored, 0 when none. So a read here is
 * dclock_get on the clock the node kept before.
 * Costs: noting an event O(entries of its clock); a read O(log changes);
 * a node's whole clock O(tasks its task met x log changes). */
#include "dpor_int.h"

#include <string.h>

/* Task t's column for u: its index in t's columns, inserted (empty)
 * when missing and ins is set, else UINT32_MAX. */
static uint32_t col_at(dpor *d, int32_t t, int32_t u, bool ins)
{
    hcolvec *cv = &d->hist.p[t];
    uint32_t lo;
    /* dense: every task up to u, t's own tid left out */
    if ((uint32_t)u < cv->len && cv->p[u].u == u)
        return (uint32_t)u;
    if (u > 0 && (uint32_t)u - 1 < cv->len && cv->p[u - 1].u == u)
        return (uint32_t)u - 1;
    lo = key_lower_bound(cv->p, (uint32_t)cv->len, sizeof *cv->p, u);
    if (lo < cv->len && cv->p[lo].u == u)
        return lo;
    if (!ins)
        return UINT32_MAX;
    VEC_RESERVE(*cv, cv->len + 1);
    memmove(cv->p + lo + 1, cv->p + lo, (cv->len - lo) * sizeof *cv->p);
    cv->len++;
    memset(&cv->p[lo], 0, sizeof cv->p[lo]);
    cv->p[lo].u = u;
    return lo;
}

/* What column c reads at its task's lidx-th event. The nodes asked
 * about are mostly recent: a search galloping back from the end, which
 * touches the column's last cache lines, not a bisection's spread. */
static uint32_t col_read(const hcol *c, uint32_t lidx)
{
    uint32_t hi = c->n, lo, step = 1;
    if (!c->n)
        return 0;
    if (c->h[c->n - 1].idx <= lidx) /* the usual case: a recent node */
        return c->h[c->n - 1].val;
    /* h[hi - 1].idx > lidx: find lo with h[lo - 1].idx <= lidx or lo 0 */
    hi = c->n - 1;
    for (;;) {
        lo = hi > step ? hi - step : 0;
        if (!lo || c->h[lo - 1].idx <= lidx)
            break;
        hi = lo - 1;
        step *= 2;
    }
    /* the first change after lidx is in [lo, hi]: h[hi].idx > lidx */
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (c->h[mid].idx <= lidx)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo ? c->h[lo - 1].val : 0;
}

void dpor_hist_begin(dpor *d)
{
    for (size_t t = 0; t < d->hlast.len; t++) {
        dclock_clear(&d->hlast.p[t]);
        d->hpmax.p[t] = -1;
    }
    for (size_t t = 0; t < d->hist.len; t++)
        for (size_t i = 0; i < d->hist.p[t].len; i++)
            d->hist.p[t].p[i].n = 0;
}

void dpor_hist_free(dpor *d)
{
    for (size_t t = 0; t < d->hist.len; t++) {
        for (size_t i = 0; i < d->hist.p[t].len; i++)
            free(d->hist.p[t].p[i].h);
        VEC_FREE(d->hist.p[t]);
    }
    VEC_FREE(d->hist);
    d->hist_ents = 0;
    for (size_t t = 0; t < d->hlast.len; t++)
        dclock_release(&d->creg, &d->hlast.p[t]);
    VEC_FREE(d->hlast);
    VEC_FREE(d->hpmax);
}

void dpor_hist_note(dpor *d, node *nk, int32_t p, uint32_t lidx,
                    const dclock *ev)
{
    dclock_reg *g = &d->creg;
    dclock *last;
    int32_t *pm;
    while (d->hist.len <= (size_t)p) {
        hcolvec z = {NULL, 0, 0};
        VEC_PUSH(d->hist, z);
    }
    while (d->hlast.len <= (size_t)p) {
        dclock z = {NULL, 0, 0, 0};
        VEC_PUSH(d->hlast, z);
        VEC_PUSH(d->hpmax, -1);
    }
    last = &d->hlast.p[p];
    pm = &d->hpmax.p[p];
    nk->vgen = ev->gen;
    for (uint32_t i = 0; i < ev->n; i++) {
        int32_t u = ev->e[i].tid;
        uint32_t v = ev->e[i].t, at;
        hcol *c;
        /* unchanged since p's previous event (the clocks' layouts alike):
         * its column ends with v already */
        bool moved = i < last->n && last->e[i].tid == u;
        if (moved && last->e[i].t == v)
            continue;
        if (u == p || dclock_retired(g, u, ev->gen))
            continue;
        at = col_at(d, p, u, v != 0);
        if (at == UINT32_MAX) /* a 0 never stored reads 0 */
            continue;
        c = &d->hist.p[p].p[at];
        /* (stored in the last clock, not retired: it changed) */
        if (!moved && (c->n ? c->h[c->n - 1].val : 0) == v)
            continue;
        if (c->n == c->cap) {
            uint32_t cap = c->cap ? c->cap + c->cap / 2 : 2; /* x1.5 */
            c->h = wf_xrealloc(c->h, (size_t)cap * sizeof *c->h);
            d->hist_ents += cap - c->cap;
            c->cap = cap;
        }
        c->h[c->n].idx = lidx;
        c->h[c->n].val = v;
        c->n++;
        /* u's v-th event happens before this one: the latest such of
         * every task so far (an entry only grows, and u's events are
         * in node order) */
        if ((size_t)u < d->evnodes.len && v <= d->evnodes.p[u].len &&
            (int32_t)d->evnodes.p[u].p[v - 1] > *pm)
            *pm = (int32_t)d->evnodes.p[u].p[v - 1];
    }
    dclock_copy(g, last, ev);
    nk->pmax = *pm > d->gmax.p[ev->gen] ? *pm : d->gmax.p[ev->gen];
    nk->pmax_ok = true;
}

uint32_t dpor_node_get(const dpor *d, int32_t k, int32_t t)
{
    const node *n = &d->nodes.p[k];
    uint32_t at;
    if (t == n->tid)
        return n->lidx;
    if (dclock_retired(&d->creg, t, n->vgen))
        return d->creg.ret.p[t].fin;
    if ((size_t)n->tid >= d->hist.len)
        return 0;
    at = col_at((dpor *)d, n->tid, t, false);
    return at == UINT32_MAX ? 0 : col_read(&d->hist.p[n->tid].p[at], n->lidx);
}

void dpor_node_clock(dpor *d, int32_t k, dclock *out)
{
    const node *n = &d->nodes.p[k];
    const hcolvec *cv;
    bool own = false;
    dclock_clear(out);
    out->gen = n->vgen;
    if ((size_t)n->tid < d->hist.len) {
        cv = &d->hist.p[n->tid];
        for (size_t i = 0; i < cv->len; i++) {
            int32_t u = cv->p[i].u;
            uint32_t v;
            if (!own && u > n->tid) {
                dclock_set(&d->creg, out, n->tid, n->lidx);
                own = true;
            }
            if (dclock_retired(&d->creg, u, n->vgen))
                continue;
            v = col_read(&cv->p[i], n->lidx);
            if (v)
                dclock_set(&d->creg, out, u, v);
        }
    }
    if (!own)
        dclock_set(&d->creg, out, n->tid, n->lidx);
}

/* ---- objects' clocks ----------------------------------------------------- */

void oc_set(oclock *o, int32_t k)
{
    dclock_clear(&o->c);
    o->ref = k + 1;
}

/* Does clock c hold node k's event (and so, as every clock holds what
 * happens before what it holds, all of k's clock)? */
static bool holds(const dpor *d, const dclock *c, int32_t k)
{
    const node *n = &d->nodes.p[k];
    return dclock_get(&d->creg, c, n->tid) >= n->lidx;
}

void oc_add(dpor *d, oclock *o, const dclock *ev, int32_t k)
{
    if (o->ref == k + 1)
        return; /* the step's own clock already */
    if (!o->ref && !o->c.n && !o->c.gen) { /* the zero clock */
        o->ref = k + 1;
        return;
    }
    if (o->ref) {
        if (holds(d, ev, o->ref - 1)) { /* ev is the join */
            o->ref = k + 1;
            return;
        }
        dpor_node_clock(d, o->ref - 1, &o->c);
        o->ref = 0;
    }
    dclock_join(&d->creg, &o->c, ev);
}

void oc_join_into(dpor *d, dclock *dst, const oclock *o)
{
    int32_t k = o->ref - 1;
    const node *n;
    const VEC_u32 *ev;
    if (!o->ref) {
        dclock_join(&d->creg, dst, &o->c);
        return;
    }
    if (holds(d, dst, k))
        return;
    n = &d->nodes.p[k];
    ev = &d->evnodes.p[n->tid];
    if (ev->len && (int32_t)ev->p[ev->len - 1] == k) { /* its task's last */
        dclock_join(&d->creg, dst, &d->hlast.p[n->tid]);
        return;
    }
    dpor_node_clock(d, k, &d->nscratch);
    dclock_join(&d->creg, dst, &d->nscratch);
}

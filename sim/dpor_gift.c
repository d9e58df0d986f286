/* dpor_gift.c: giving part of a running search away (-j): see dpor.h's
 * gifts and results. */
#include "dpor_int.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

static void snaps_release(gsnaps *s)
{
    if (!s || __atomic_sub_fetch(&s->refs, 1, __ATOMIC_ACQ_REL) > 0) return;
    for (size_t i = 0; i < s->v.len; i++) {
        VEC_FREE(s->v.p[i].bt);
        VEC_FREE(s->v.p[i].given);
        tset_free(&s->v.p[i].done);
        tset_free(&s->v.p[i].sleep);
    }
    VEC_FREE(s->v);
    free(s);
}

void dpor_gift_free(dpor_gift *g)
{
    if (!g) return;
    VEC_FREE(g->pre);
    snaps_release(g->snap);
    VEC_FREE(g->tids);
    VEC_FREE(g->bt);
    tset_free(&g->sleep);
    tset_free(&g->done);
    free(g);
}

size_t dpor_gift_at(const dpor_gift *g)
{
    return g->at;
}

double dpor_path_estimate(const dpor *d)
{
    double e = 1;
    size_t from = d->floor == SIZE_MAX ? d->nodes.len : d->floor;
    for (size_t k = from; k < d->nodes.len; k++) {
        const node *n = &d->nodes.p[k];
        size_t b = n->sub ? n->n : n->bt.len;
        if (b > 1 && e < 1e300) e *= (double)b;
    }
    return e;
}



/* May task q of node n be given away: neither its branch nor explored,
 * given or asleep there? */
static bool givable(const node *n, int32_t q)
{
    return q != n->tid && !tset_has(&n->done, q) &&
           !has_tid(&n->given, q) && !tset_has(&n->sleep, q);
}

/* The branches of its own node n has left (backtrack entries, or inner
 * choices): those dpor_donate and dpor_donate_all give away. */
static size_t pending_branches(const node *n)
{
    size_t nb = 0;
    if (n->sub) return n->nexti < n->n ? n->n - n->nexti : 0;
    for (size_t i = 0; i < n->bt.len; i++)
        if (givable(n, n->bt.p[i]) && en_has(n, n->bt.p[i])) nb++;
    return nb;
}

static bool own_pending(const node *n)
{
    if (n->sub) return n->nexti < n->n;
    for (size_t i = 0; i < n->bt.len; i++)
        if (givable(n, n->bt.p[i]) && en_has(n, n->bt.p[i]))
            return true;
    return false;
}

/* The gift of node i of the path: its branches left (backtrack entries,
 * or inner choices), marked given; with all (dpor_donate_all), every task
 * enabled there not explored, given or asleep. */
static dpor_gift *gift_of(dpor *d, size_t i, bool all)
{
    node *n = &d->nodes.p[i];
    dpor_gift *g = wf_xcalloc(1, sizeof *g);
    for (size_t k = 0; k < i; k++) {
        const node *m = &d->nodes.p[k];
        choice c;
        memset(&c, 0, sizeof c);
        if (m->sub) {
            c.kind = CHOICE_SELECT;
            c.n = m->n;
            c.idx = m->idx;
        } else {
            c.kind = CHOICE_TASK;
            c.n = en_len(m);
            c.idx = (uint32_t)en_index(m, m->tid);
        }
        if (c.n >= 2)
            VEC_PUSH(g->pre, c);
    }
    g->at = i;
    g->sub = n->sub;
    g->n = n->n;
    if (n->sub) {
        /* the step of the task node above made the choice: the sleep
         * set below is that node's sleep and done sets' */
        size_t k = i;
        while (k > 0 && d->nodes.p[k - 1].sub)
            k--;
        g->tk = k ? k - 1 : SIZE_MAX;
        if (k) {
            tset_copy(&g->sleep, &d->nodes.p[k - 1].sleep);
            tset_copy(&g->done, &d->nodes.p[k - 1].done);
        }
        g->from = n->nexti;
        n->nexti = n->n;
        return g;
    }
    for (size_t k = 0; k < n->bt.len; k++)
        if (givable(n, n->bt.p[k]) && en_has(n, n->bt.p[k]))
            add_tid(&g->tids, n->bt.p[k]);
    if (all) {
        const tidvec *en = en_vec(d, n);
        for (size_t k = 0; k < en->len; k++)
            if (givable(n, en->p[k])) add_tid(&g->tids, en->p[k]);
    }
    for (size_t k = 0; k < g->tids.len; k++)
        add_tid(&n->given, g->tids.p[k]);
    for (size_t k = 0; k < n->bt.len; k++)
        VEC_PUSH(g->bt, n->bt.p[k]);
    tset_copy(&g->sleep, &n->sleep);
    tset_copy(&g->done, &n->done);
    if (n->tid < 0) /* dpor_donate_all: the path's end, its branch untaken */
        return g;
    /* the branch taken is done there, with what its step touched; if the
     * step made an inner choice of its own, what it touched depends on
     * it: then it is done but wakes at every step (it is never asleep
     * below: its traces may run again) */
    if (i + 1 < d->nodes.len && d->nodes.p[i + 1].sub &&
        d->nodes.p[i + 1].n >= 2) {
        acc_rec any = {OID_ANY, ACC_WRITE, 0, 0, 0};
        tset_add(&g->done, n->tid, &any, 1);
    } else {
        tset_add(&g->done, n->tid, n->acc.p, n->acc.len);
    }
    return g;
}

/* The node dpor_donate gives (SIZE_MAX: none): the shallowest with a
 * branch of its own left; the path's last node (whose new branch has not
 * run: its step is unknown) stays. */
static size_t donate_node(const dpor *d)
{
    size_t len = d->nodes.len;
    if (d->bound >= 0 || d->limit >= 0 || d->floor == SIZE_MAX || d->err ||
        d->root || len < 2 || !d->join)
        return SIZE_MAX;
    for (size_t i = d->floor; i + 1 < len; i++)
        if (own_pending(&d->nodes.p[i]) && !d->nodes.p[i].waiting &&
            (d->nodes.p[i].sub || !d->nodes.p[i + 1].sub ||
             d->nodes.p[i + 1].n < 2))
            return i;
    return SIZE_MAX;
}

static void branch_means(const dpor *d, size_t from, double *mean);

/* The lookups branch_means would make below node top (each backtrack
 * entry looked up in its node's sets), to keep the estimate that runs
 * after every execution cheap. */
static uint64_t means_cost(const dpor *d, size_t top)
{
    uint64_t c = 0;
    for (size_t k = top; k < d->nodes.len; k++) {
        const node *n = &d->nodes.p[k];
        c += (uint64_t)n->bt.len * (en_len(n) + n->done.tid.len +
                                    n->given.len + n->sleep.tid.len + 1);
    }
    return c;
}

#define ESTIMATE_COST_MAX 65536

double dpor_donate_estimate(const dpor *d)
{
    size_t top = donate_node(d);
    const node *n;
    double *mean, e;
    if (top == SIZE_MAX) return 0;
    n = &d->nodes.p[top];
    if (means_cost(d, top) > ESTIMATE_COST_MAX) {
        /* a long path of large sets: each branch left takes the mean of
         * the node's branches so far (those it finished, its current
         * one), O(1) */
        double m = ((double)n->spent + (double)(d->nexec - n->t0)) /
                   (double)(n->nfin + 1);
        return (double)pending_branches(n) * fmax(m, 1);
    }
    mean = wf_xcalloc(d->nodes.len - top + 1, sizeof *mean);
    branch_means(d, top, mean);
    e = (double)pending_branches(n) * mean[0];
    free(mean);
    return e;
}

size_t dpor_donate(dpor *d, dpor_gift ***out)
{
    size_t top = donate_node(d);
    dpor_gift **v;
    *out = NULL;
    if (top == SIZE_MAX)
        return 0;
    v = wf_xcalloc(1, sizeof *v);
    v[0] = gift_of(d, top, false);
    d->nodes.p[top].waiting++;
    *out = v;
    return 1;
}

void dpor_set_join(dpor *d, void (*join)(void *ctx, dpor *d, size_t i),
                   void *ctx)
{
    d->join = join;
    d->join_ctx = ctx;
}

void dpor_req_push(dpor *d, uint32_t j, bool turn, const int32_t *t,
                     size_t n)
{
    dreq r = {j, (uint32_t)d->req_tids.len, (uint32_t)n, turn};
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(d->req_tids, t[i]);
    VEC_PUSH(d->reqs, r);
}

/* The gift's node i is explored: keep its done set, and under an inner
 * choice what the task step above touched over the choices explored. */
void dpor_gift_seen(dpor *d, size_t i)
{
    const node *n = &d->nodes.p[i];
    tset_copy(&d->at_done, &n->done);
    d->at_acc.len = 0;
    if (n->sub) {
        size_t k = i;
        while (k > 0 && d->nodes.p[k - 1].sub)
            k--;
        if (k > 0)
            for (size_t a = 0; a < d->nodes.p[k - 1].acc_union.len; a++)
                VEC_PUSH(d->at_acc, d->nodes.p[k - 1].acc_union.p[a]);
    }
    d->at_seen = true;
}

dpor_result *dpor_take_result(dpor *d)
{
    dpor_result *r;
    if (!d->gift || d->gift->own) /* an own gift decides its giver's nodes */
        return NULL;
    r = wf_xcalloc(1, sizeof *r);
    r->at = d->gift->at;
    r->sub = d->gift->sub;
    r->reqs.p = d->reqs.p;
    r->reqs.len = d->reqs.len;
    r->reqs.cap = d->reqs.cap;
    r->req_tids.p = d->req_tids.p;
    r->req_tids.len = d->req_tids.len;
    r->req_tids.cap = d->req_tids.cap;
    memset(&d->reqs, 0, sizeof d->reqs);
    memset(&d->req_tids, 0, sizeof d->req_tids);
    if (d->at_seen) {
        tset_copy(&r->at_done, &d->at_done);
        for (size_t a = 0; a < d->at_acc.len; a++)
            VEC_PUSH(r->at_acc, d->at_acc.p[a]);
    }
    return r;
}

void dpor_result_free(dpor_result *r)
{
    if (!r) return;
    VEC_FREE(r->reqs);
    VEC_FREE(r->req_tids);
    tset_free(&r->at_done);
    VEC_FREE(r->at_acc);
    free(r);
}


/* The races and turns of result r for the nodes above its gift's. */
static void merge_reqs(dpor *d, const dpor_result *r)
{
    for (size_t k = 0; k < r->reqs.len; k++) {
        const dreq *q = &r->reqs.p[k];
        const int32_t *t = r->req_tids.p + q->off;
        if (!dpor_own_node(d, q->j)) { /* this search's giver's */
            dpor_req_push(d, q->j, q->turn, t, q->n);
            continue;
        }
        if (q->j < d->floor || q->j >= d->nodes.len)
            continue; /* a part's prefix: the plan explores it all */
        if (q->turn) {
            if (!tset_has(&d->nodes.p[q->j].done, t[0]))
                add_tid(&d->nodes.p[q->j].bt, t[0]);
        } else {
            dpor_req_race(d, q->j, t, q->n);
        }
    }
}

void dpor_merge(dpor *d, size_t i, dpor_result *r)
{
    node *n;
    if (!r || i >= d->nodes.len) {
        dpor_result_free(r);
        return;
    }
    n = &d->nodes.p[i];
    /* what the gift explored there is done, as if explored here */
    for (size_t k = 0; k < r->at_done.tid.len; k++) {
        int32_t q = r->at_done.tid.p[k];
        if (q == n->tid) continue;
        tset_add(&n->done, q, tset_acc(&r->at_done, k),
                 r->at_done.off.p[k + 1] - r->at_done.off.p[k]);
        if (en_has(n, q)) add_tid(&n->bt, q);
    }
    if (r->sub && r->at_acc.len) {
        size_t k = i;
        while (k > 0 && d->nodes.p[k - 1].sub)
            k--;
        if (k > 0)
            dpor_acc_union_add(&d->nodes.p[k - 1], r->at_acc.p, r->at_acc.len);
    }
    merge_reqs(d, r);
    if (n->waiting) n->waiting--;
    dpor_result_free(r);
}

/* ---- chained gifts: a node left before its gifts are joined ----------- */

void dpor_set_chain(dpor *d,
                    void (*chain)(void *ctx, dpor *d, size_t i, dpor_gift *g),
                    void (*rejoin)(void *ctx, dpor *d, size_t k))
{
    d->chain = chain;
    d->rejoin = rejoin;
}

bool dpor_chain_node(dpor *d, size_t i)
{
    node *n = &d->nodes.p[i];
    dpor_gift *g = NULL;
    if (!d->chain || !d->join || n->sub || !n->waiting || n->kids.len ||
        n->tid < 0 || i <= d->floor || d->floor == SIZE_MAX ||
        (d->gift && i <= d->gift->at) || d->bound >= 0 || d->limit >= 0 ||
        d->err || d->root || d->suspending)
        return false;
    /* the gifts of nodes left below this one may add branches here: it
     * waits for them before it is left */
    for (size_t k = 0; k < d->det.len; k++)
        if (d->det.p[k] > i) return false;
    /* every branch left must be one a gift can take (enabled there) */
    for (size_t k = 0; k < n->bt.len; k++) {
        int32_t q = n->bt.p[k];
        if (q != n->tid && !tset_has(&n->done, q) && !has_tid(&n->given, q) &&
            !tset_has(&n->sleep, q) && !en_has(n, q))
            return false;
    }
    /* the branch is finished: done there (as next_branch marks it) */
    n->spent += d->nexec - n->t0;
    n->nfin++;
    n->t0 = d->nexec;
    tset_add(&n->done, n->tid, n->acc_union.p, n->acc_union.len);
    if (own_pending(n)) g = gift_of(d, i, false);
    n->waiting = 0;
    if (!d->det.len || d->det.p[d->det.len - 1] != i) VEC_PUSH(d->det, i);
    d->chain(d->join_ctx, d, i, g);
    return true;
}

bool dpor_rejoin(dpor *d, size_t k)
{
    size_t m = 0;
    bool any = false;
    for (size_t x = 0; x < d->det.len; x++) {
        if (d->det.p[x] > k)
            any = true;
        else
            d->det.p[m++] = d->det.p[x];
    }
    if (!any) return false;
    d->det.len = m;
    d->rejoin(d->join_ctx, d, k);
    return true;
}

void dpor_merge_left(dpor *d, dpor_result *r)
{
    if (r) merge_reqs(d, r);
    dpor_result_free(r);
}

bool dpor_gift_after(dpor_gift *g, const dpor_result *r)
{
    if (r)
        for (size_t k = 0; k < r->at_done.tid.len; k++) {
            int32_t q = r->at_done.tid.p[k];
            size_t m = 0;
            tset_add(&g->done, q, tset_acc(&r->at_done, k),
                     r->at_done.off.p[k + 1] - r->at_done.off.p[k]);
            add_tid(&g->bt, q);
            for (size_t x = 0; x < g->tids.len; x++)
                if (g->tids.p[x] != q) g->tids.p[m++] = g->tids.p[x];
            g->tids.len = m;
        }
    return g->tids.len != 0;
}

void dpor_take_gift(dpor *d, dpor_gift *g)
{
    dpor_gift_free(d->gift);
    d->gift = g;
}

/* Node nd (new, at the gift's depth) is the gift's inner choice: explore
 * [from, n) from here. */
void dpor_gift_sub(dpor *d, node *nd)
{
    const dpor_gift *g = d->gift;
    if (!g->sub || nd->n != g->n) {
        if (!d->err) d->err = wf_xstrdup("a given part met another choice");
        return;
    }
    nd->idx = g->from;
    nd->nexti = g->from + 1;
}

/* Node nd (new, at the gift's depth) is the gift's task node: its sleep
 * and done sets are the giver's, its branches the gift's tasks. The pick,
 * or -1 (error set) when the program offers none of them. */
int dpor_gift_task(dpor *d, node *nd, const int32_t *alts, int n)
{
    const dpor_gift *g = d->gift;
    int pick = -1;
    if (g->sub) {
        if (!d->err) d->err = wf_xstrdup("a given part met another choice");
        return -1;
    }
    tset_copy(&nd->sleep, &g->sleep);
    tset_copy(&nd->done, &g->done);
    /* the giver's entries are covered here too (a race whose initial is
     * one of them adds nothing, as in the giver) */
    for (size_t k = 0; k < g->bt.len; k++)
        if (index_of(alts, n, g->bt.p[k]) >= 0 &&
            !has_tid(&g->tids, g->bt.p[k]))
            add_tid(&nd->bt, g->bt.p[k]);
    for (size_t k = 0; k < g->tids.len; k++) {
        int i = index_of(alts, n, g->tids.p[k]);
        if (i < 0) continue;
        if (pick < 0)
            pick = i;
        else
            add_tid(&nd->bt, g->tids.p[k]);
    }
    if (pick < 0 && !d->err)
        d->err = wf_xstrdup("a given part's tasks are not enabled there");
    return pick;
}

/* ---- giving everything away: the frontier of a search (partition.c) --- */

/* The executions one branch of each node of the path [from, len) is
 * likely to take, into mean[] (Knuth's estimator over the explored part
 * of the tree, from the deepest node up): a node's subtree is the
 * branches it finished (their executions, counted), its current branch
 * (the subtree of the node below, estimated so; at least what it ran so
 * far) and its branches left, each the mean of the others. Only counts
 * the search made: the same for every run. */
static void branch_means(const dpor *d, size_t from, double *mean)
{
    size_t len = d->nodes.len;
    double below = 1; /* the path's end: its branch never ran */
    for (size_t k = len; k-- > from;) {
        const node *n = &d->nodes.p[k];
        double cur = fmax(below, (double)(d->nexec - n->t0));
        double m = ((double)n->spent + cur) / (double)(n->nfin + 1);
        mean[k - from] = fmax(m, 1);
        below = (double)n->spent + cur + (double)pending_branches(n) * m;
        if (below > 1e300) below = 1e300;
    }
}

size_t dpor_donate_all(dpor *d, dpor_gift ***out)
{
    size_t len = d->nodes.len;
    VEC(dpor_gift *) v = {NULL, 0, 0};
    gsnaps *sn;
    double *mean;
    *out = NULL;
    if (d->bound >= 0 || d->limit >= 0 || d->floor == SIZE_MAX || d->err ||
        d->root || !len)
        return 0;
    { /* the branch dpor_next prepared at the path's end never ran */
        node *last = &d->nodes.p[len - 1];
        if (last->sub)
            last->nexti = last->idx;
        else
            last->tid = -1;
    }
    mean = wf_xcalloc(len - d->floor + 1, sizeof *mean);
    branch_means(d, d->floor, mean);
    for (size_t i = d->floor; i < len; i++)
        if (own_pending(&d->nodes.p[i])) {
            /* (its estimate: the branches the reduction has there) */
            size_t nb = pending_branches(&d->nodes.p[i]);
            dpor_gift *g = gift_of(d, i, true);
            g->own = true;
            g->est = (double)nb * mean[i - d->floor];
            VEC_PUSH(v, g);
        }
    free(mean);
    if (!v.len) return 0;
    /* the path as the gifts left it: their searches start from it */
    sn = wf_xcalloc(1, sizeof *sn);
    sn->refs = (int)v.len;
    for (size_t i = 0; i < len; i++) {
        const node *n = &d->nodes.p[i];
        gsnap z;
        memset(&z, 0, sizeof z);
        z.sub = n->sub;
        z.n = n->n;
        z.idx = n->idx;
        z.nexti = n->nexti;
        z.tid = n->tid;
        z.whole = false;
        for (size_t k = 0; k < v.len; k++)
            if (v.p[k]->at == i) z.whole = true;
        for (size_t k = 0; k < n->bt.len; k++)
            add_tid(&z.bt, n->bt.p[k]);
        for (size_t k = 0; k < n->given.len; k++)
            add_tid(&z.given, n->given.p[k]);
        tset_copy(&z.done, &n->done);
        tset_copy(&z.sleep, &n->sleep);
        VEC_PUSH(sn->v, z);
    }
    for (size_t k = 0; k < v.len; k++)
        v.p[k]->snap = sn;
    *out = v.p;
    return v.len;
}

dpor_gift *dpor_gift_copy(const dpor_gift *g)
{
    dpor_gift *c = wf_xcalloc(1, sizeof *c);
    for (size_t k = 0; k < g->pre.len; k++)
        VEC_PUSH(c->pre, g->pre.p[k]);
    c->own = g->own;
    c->snap = g->snap;
    if (c->snap) __atomic_add_fetch(&c->snap->refs, 1, __ATOMIC_ACQ_REL);
    c->est = g->est;
    c->at = g->at;
    c->sub = g->sub;
    c->from = g->from;
    c->n = g->n;
    for (size_t k = 0; k < g->tids.len; k++)
        VEC_PUSH(c->tids, g->tids.p[k]);
    for (size_t k = 0; k < g->bt.len; k++)
        VEC_PUSH(c->bt, g->bt.p[k]);
    c->tk = g->tk;
    tset_copy(&c->sleep, &g->sleep);
    tset_copy(&c->done, &g->done);
    return c;
}

double dpor_gift_estimate(const dpor_gift *g)
{
    return g->est;
}

const choice *dpor_gift_prefix(const dpor_gift *g, size_t *n)
{
    *n = g->pre.len;
    return g->pre.p;
}

void dpor_gift_install(dpor *d, node *nd, size_t k)
{
    const gsnap *s;
    if (!d->gift->snap || k >= d->gift->snap->v.len) return;
    s = &d->gift->snap->v.p[k];
    if (s->sub != nd->sub ||
        (s->sub ? s->n != nd->n || s->idx != nd->idx : s->tid != nd->tid)) {
        if (!d->err) d->err = wf_xstrdup("a given part met another path");
        return;
    }
    if (nd->sub) {
        if (s->nexti > nd->nexti) nd->nexti = s->nexti;
        return;
    }
    for (size_t i = 0; i < s->bt.len; i++) {
        int32_t q = s->bt.p[i];
        add_tid(&nd->bt, q);
        if (q != s->tid && !tset_has(&s->done, q)) add_tid(&nd->given, q);
    }
    for (size_t i = 0; i < s->given.len; i++)
        add_tid(&nd->given, s->given.p[i]);
    /* a node given whole: its gift explores every task enabled there
     * but the path's and those explored, so no race this search finds
     * there adds a branch of its own (no two parts explore one trace) */
    if (s->whole) {
        const tidvec *en = en_vec(d, nd);
        for (size_t i = 0; i < en->len; i++)
            if (en->p[i] != s->tid && !tset_has(&s->done, en->p[i]))
                add_tid(&nd->given, en->p[i]);
    }
    tset_copy(&nd->done, &s->done);
    tset_copy(&nd->sleep, &s->sleep);
}

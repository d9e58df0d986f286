/* dpor_tree.c: walking the search tree (see dpor.h): which branch comes
 * next and where the next execution starts (dpor_next), rounds under a
 * growing preemption limit, suspension, the size estimate, and the turns
 * a cut execution owes the tasks it passed over. Moved out of dpor.c
 * whole; the reduction's races and backtrack sets stay there. */
#include "dpor_int.h"

#include <stdlib.h>
#include <string.h>

/* Has task node n a branch still to explore, whatever the limit? */
static bool pending(const dpor *d, const node *n)
{
    if (n->sub)
        return n->nexti < n->n;
    for (size_t i = 0; i < n->bt.len; i++) {
        int32_t q = n->bt.p[i];
        if (!tset_has(&n->done, q) && !has_tid(&n->given, q) &&
            !(d->bound < 0 && tset_has(&n->sleep, q)) && allowed(d, n, q))
            return true;
    }
    return false;
}

/* Make n's next branch the current one: an inner choice's next index,
 * else a backtrack entry not done or asleep. Branches over the round's
 * limit stay for a later round; those over the bound are dropped
 * (d->pruned). False when none fits. */
static bool next_branch(dpor *d, node *n)
{
    n->spent += d->nexec - n->t0; /* the branch just left */
    n->nfin++;
    n->t0 = d->nexec;
    if (n->sub) {
        if (n->nexti >= n->n || d->suspending)
            return false;
        n->idx = n->nexti++;
        return true;
    }
    if (n->tid >= 0)
        tset_add(&n->done, n->tid, n->acc_union.p, n->acc_union.len);
    for (size_t i = 0; i < n->bt.len; i++) {
        int32_t q = n->bt.p[i];
        if (tset_has(&n->done, q) || has_tid(&n->given, q) ||
            (d->bound < 0 && tset_has(&n->sleep, q)))
            continue;
        if (!fits(d, n, q)) {
            d->pruned = d->pruned || !d->suspending;
            continue;
        }
        n->tid = q;
        n->acc_union.len = 0;
        return true;
    }
    return false;
}

/* v's block cut to its length (a kept node's vectors stop growing). */
#define VEC_FIT(v)                                                            \
    do {                                                                      \
        if (!(v).len) {                                                       \
            VEC_FREE(v);                                                      \
        } else if ((v).len < (v).cap) {                                       \
            (v).p = wf_xrealloc((v).p, (v).len * sizeof *(v).p);              \
            (v).cap = (v).len;                                                \
        }                                                                     \
    } while (0)

/* Pop the last node of the path; keep it (under its parent's branch, or
 * as the root) when work is left at or below it. */
static void pop_node(dpor *d)
{
    size_t i = d->nodes.len - 1;
    node *n = &d->nodes.p[i];
    snode *s;
    if (d->bound < 0 && (pending(d, n) || n->kids.len)) {
        s = wf_xcalloc(1, sizeof *s);
        d->nkept++;
        s->n = *n;
        s->round = d->round;
        VEC_FREE(s->n.acc);
        /* what next_branch consumed (the branch taken is in done) */
        VEC_FREE(s->n.acc_union);
        VEC_FIT(s->n.bt);
        VEC_FIT(s->n.given);
        VEC_FIT(s->n.kids);
        VEC_FIT(s->n.done.tid);
        VEC_FIT(s->n.done.off);
        VEC_FIT(s->n.done.acc);
        VEC_FIT(s->n.sleep.tid);
        VEC_FIT(s->n.sleep.off);
        VEC_FIT(s->n.sleep.acc);
        memset(n, 0, sizeof *n);
        if (i == 0) {
            s->branch = -1;
            WF_ASSERT(!d->root);
            d->root = s;
        } else {
            const node *p = &d->nodes.p[i - 1];
            s->branch = p->sub ? (int32_t)p->idx : p->tid;
            VEC_PUSH(d->nodes.p[i - 1].kids, s);
        }
    }
    d->nodes.len--;
}

/* Move the kept node s into path slot i (the path is i long). */
static void restore(dpor *d, size_t i, snode *s)
{
    node *n;
    WF_ASSERT(d->nodes.len == i);
    VEC_RESERVE(d->nodes, i + 1);
    if (i >= d->ninit) {
        memset(&d->nodes.p[i], 0, sizeof(node));
        d->ninit = i + 1;
    }
    n = &d->nodes.p[i];
    d->nkept -= dpor_free_node(d, n) + 1; /* s leaves the kept tree for the path */
    *n = s->n;
    n->has_ev = false;
    free(s);
    d->nodes.len = i + 1;
}

static bool descend(dpor *d, size_t i);

/* Resume, below node i of the path, the kept subtrees an earlier round
 * left: the first with a branch within this round's limit becomes the
 * path. */
static bool resume_kids(dpor *d, size_t i)
{
    size_t k = 0;
    while (k < d->nodes.p[i].kids.len && !d->suspending) {
        node *n = &d->nodes.p[i];
        snode *s = n->kids.p[k];
        if (s->round >= d->round) {
            k++;
            continue;
        }
        memmove(n->kids.p + k, n->kids.p + k + 1,
                (n->kids.len - k - 1) * sizeof *n->kids.p);
        n->kids.len--;
        if (n->sub) {
            n->idx = (uint32_t)s->branch;
        } else {
            n->tid = s->branch;
            n->acc_union.len = 0;
        }
        d->nodes.len = i + 1;
        restore(d, i + 1, s);
        if (descend(d, i + 1))
            return true;
        pop_node(d); /* kept again, stamped with this round */
    }
    return false;
}

/* Node i, just restored, is the end of the path: find the next branch at
 * or below it. */
static bool descend(dpor *d, size_t i)
{
    if (next_branch(d, &d->nodes.p[i]))
        return true;
    return resume_kids(d, i);
}

bool dpor_next(dpor *d)
{
    unsigned k = 0;
    d->nexec++;
    d->nodes.len = d->depth;
    while (d->nodes.len > d->floor) {
        size_t i = d->nodes.len - 1;
        if (d->nodes.p[i].waiting && d->join) { /* the gifts' results */
            if (dpor_chain_node(d, i)) { /* ... joined later: go on above */
                pop_node(d);
                continue;
            }
            d->join(d->join_ctx, d, i);
        }
        if (next_branch(d, &d->nodes.p[i]) || resume_kids(d, i) ||
            /* before leaving it, what the gifts of the nodes left below
             * add here (at the end of its sets: had it a branch left,
             * it took the one it takes with them joined) */
            (dpor_rejoin(d, i) &&
             (d->nodes.p[i].nfin--, next_branch(d, &d->nodes.p[i]) ||
                                        resume_kids(d, i)))) {
            if (d->gift && i < d->gift->at) d->off_path = true;
            return true;
        }
        if (d->gift && i == d->gift->at)
            dpor_gift_seen(d, i);
        pop_node(d);
        /* a long path takes long to unwind (0.6 s for 262,144 steps): a
         * halt (an interrupt, the time limit) ends the search here */
        if (WF_UNLIKELY(++k % 1024 == 0) && d->eng &&
            atomic_load_explicit(d->eng->halt, memory_order_relaxed) >=
                d->eng->halt_at)
            return false;
    }
    return false;
}

void dpor_set_limit(dpor *d, int limit)
{
    d->limit = limit;
}

bool dpor_round(dpor *d)
{
    snode *s = d->root;
    d->round++;
    d->pruned = false;
    if (d->round == 1) {
        d->nodes.len = 0; /* a fresh search */
        return true;
    }
    if (d->floor == SIZE_MAX)
        return false; /* the prefix was never taken */
    if (d->floor) {
        /* a forced prefix stays on the path: resume below it */
        d->nodes.len = d->floor;
        return resume_kids(d, d->floor - 1);
    }
    if (!s)
        return false;
    d->root = NULL;
    d->nodes.len = 0;
    restore(d, 0, s);
    if (descend(d, 0))
        return true;
    pop_node(d);
    return false;
}

bool dpor_left(const dpor *d)
{
    if (d->floor && d->floor != SIZE_MAX)
        return d->nodes.p[d->floor - 1].kids.len != 0;
    return d->root != NULL;
}

void dpor_suspend(dpor *d)
{
    /* dpor_next prepared a branch at the end of the path that no
     * execution ran: untake it, so that it is put aside with the rest
     * (before, it was marked done and lost: readers_ch(8) by rounds, the
     * first round capped, ran 255 of its 256 traces) */
    if (d->nodes.len) {
        node *n = &d->nodes.p[d->nodes.len - 1];
        if (n->sub)
            n->nexti = n->idx;
        else
            n->tid = -1;
    }
    d->depth = d->nodes.len; /* the nodes past it are gone */
    d->suspending = true;
    (void)dpor_next(d);
    d->suspending = false;
}

double dpor_estimate(const dpor *d)
{
    /* Knuth's estimator along the current path: the product of the
     * branching seen at each node (a tree-size estimate, not a bound) */
    double est = 1;
    for (size_t i = 0; i < d->nodes.len && est < 1e18; i++) {
        const node *n = &d->nodes.p[i];
        size_t b = n->sub ? n->n : n->bt.len;
        if (b > 1)
            est *= (double)b;
    }
    return est;
}

/* A cut execution (--max-steps) never showed what the tasks it passed
 * over would do: a task spinning forever hides the ops of the others from
 * the race checks, and the search would end with them never run. Give
 * each task still enabled at the cut its turn at the first node of the
 * span over which it was passed over (CHESS's fairness, one step of it). */
void dpor_give_turns(dpor *d)
{
    int32_t last = (int32_t)d->depth - 1;
    tidvec en0 = {NULL, 0, 0};
    const tidvec *en = &en0;
    size_t n, nopen, ntasks;
    int32_t *first, *open;
    uint32_t *stamp;
    while (last >= 0 && d->nodes.p[last].sub)
        last--;
    if (last < 0)
        return;
    en_unpack(&d->nodes.p[last], &en0);
    n = en->len;
    ntasks = d->eng ? d->eng->tasks.len : 0;
    for (size_t a = 0; a < n; a++)
        if ((size_t)en->p[a] >= ntasks)
            ntasks = (size_t)en->p[a] + 1;
    /* one walk back for every task at once (a long execution with many
     * tasks made one walk per task O(depth x tasks^2)): open[] holds the
     * positions in en whose task is still passed over at node k */
    first = wf_xmalloc((n ? n : 1) * sizeof *first);
    open = wf_xmalloc((n ? n : 1) * sizeof *open);
    stamp = wf_xcalloc(ntasks ? ntasks : 1, sizeof *stamp);
    for (size_t a = 0; a < n; a++) {
        first[a] = -1;
        open[a] = (int32_t)a;
    }
    nopen = n;
    for (int32_t k = last; k >= 0 && nopen; k--) {
        const node *nk = &d->nodes.p[k];
        if (nk->sub)
            continue;
        const tidvec *ek = en_vec(d, nk);
        for (size_t i = 0; i < ek->len; i++)
            if ((size_t)ek->p[i] < ntasks)
                stamp[ek->p[i]] = (uint32_t)k + 1;
        for (size_t i = 0; i < nopen;) {
            int32_t q = en->p[open[i]];
            if (nk->tid == q || stamp[q] != (uint32_t)k + 1) {
                open[i] = open[--nopen]; /* its span began after k */
                continue;
            }
            first[open[i]] = k;
            i++;
        }
    }
    for (size_t a = 0; a < n; a++) {
        int32_t q = en->p[a], f = first[a];
        if (f < 0 || tset_has(&d->nodes.p[f].done, q))
            continue;
        if (!dpor_own_node(d, (size_t)f)) { /* the giver's */
            dpor_req_push(d, (uint32_t)f, true, &q, 1);
            continue;
        }
        add_tid(&d->nodes.p[f].bt, q);
        if (d->bound >= 0)
            dpor_conservative(d, f, q);
    }
    free(first);
    free(open);
    free(stamp);
    VEC_FREE(en0);
}

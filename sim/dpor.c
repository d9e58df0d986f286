/* dpor.c: see dpor.h. The search's driver: the path of nodes, the prefix
 * and bound, the choice at each node; dpor_race.c finds the races that
 * fill the backtrack sets. */
#include "dpor_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    (void)g; /* a node holds no clock (dpor_hist.c keeps them) */
    VEC_FREE(n->kids);
    VEC_FREE(n->acc);
    VEC_FREE(n->acc_union);
    en_free(n);
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
        VEC_FREE(o->qs);
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
    VEC_FREE(d->en_tmp);
    free_snode(&d->creg, d->root);
    VEC_FREE(d->forced);
    VEC_FREE(d->psibs);
    VEC_FREE(d->psib_acc);
    dpor_gift_free(d->gift);
    VEC_FREE(d->req_r);
    VEC_FREE(d->reqs);
    VEC_FREE(d->det);
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
        en_free(n);
        n->bt.len = 0;
        tset_reset(&n->done);
        tset_reset(&n->sleep);
        n->acc.len = n->acc_union.len = 0;
    }
    n->has_ev = false;
    n->sub = false;
    n->given.len = 0;
    n->waiting = 0;
    n->spent = n->nfin = 0;
    n->t0 = d->nexec;
    n->n = n->idx = n->nexti = 0;
    n->tid = -1;
    d->nodes.len++;
    return n;
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
    dpor_hist_free(d);
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
        oc_clear(&o->lw);
        oc_clear(&o->lr);
        oc_clear(&o->lc);
        oc_clear(&o->lk);
        oc_clear(&o->lo);
        oc_clear(&o->lu);
        oc_clear(&o->lq);
        o->rs.len = o->cs.len = o->os.len = o->ps.len = o->adds.len = 0;
        o->qs.len = 0;
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

/* The forced prefix is taken: the search never backtracks above here
 * (an own gift's search decides the giver's nodes too: from the start). */
static void take_floor(dpor *d)
{
    if (d->floor == SIZE_MAX && d->fpos == d->forced.len)
        d->floor = d->gift && d->gift->own ? 0 : d->depth;
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
        if (WF_UNLIKELY(d->gift != NULL) && d->depth == d->gift->at &&
            !d->off_path)
            dpor_gift_sub(d, nd);
        else if (WF_UNLIKELY(d->gift != NULL) && d->gift->own &&
                 d->depth < d->gift->at && !d->off_path)
            dpor_gift_install(d, nd, d->depth);
        d->depth++;
        take_floor(d);
        return (int)nd->idx;
    }
    if (d->depth < d->nodes.len) { /* replaying the prefix */
        nd = &d->nodes.p[d->depth];
        pick = nd->sub ? -1 : index_of(alts, n, nd->tid);
        if (pick < 0 || en_len(nd) != (uint32_t)n) {
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
    en_set(nd, alts, (size_t)n);
    nd->en_sum = (d->nodes.len >= 2 ? d->nodes.p[d->nodes.len - 2].en_sum : 0) +
                 en_bytes(nd);
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
        d->depth == d->gift->tk && !d->off_path) { /* the giver's sets */
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
        !d->off_path && pick < 0 &&
        (pick = dpor_gift_task(d, nd, alts, n)) < 0) {
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
    if (WF_UNLIKELY(d->gift != NULL) && d->gift->own &&
        d->depth < d->gift->at && !d->off_path)
        dpor_gift_install(d, nd, d->depth);
    d->tnode = (int32_t)d->depth++;
    take_floor(d);
    return pick;
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
           d->creg.ents * sizeof(dclock_ent) + d->hist_ents * sizeof(hent) +
           (d->depth && d->depth <= d->nodes.len
                ? d->nodes.p[d->depth - 1].en_sum
                : 0);
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
            dpor_check_pending(d, e->tasks.p[i]);
    if (e->end == END_MAX_STEPS || e->end == END_MEMORY) /* cuts */
        dpor_give_turns(d);
    if (e->end == END_MEMORY) d->trim = true;
}

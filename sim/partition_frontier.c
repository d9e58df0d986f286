/* partition_frontier.c: the frontier plan of an unbounded dpor search
 * (partition.h): the single search itself, run for a bounded budget, then
 * cut where it stands (dpor_donate_all). */
#include "partition.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"

/* Started executions (explore_started) the first search may run before
 * it is cut, those the search of a part may run before it is cut in turn
 * (the largest by estimate first), and what all of planning may run;
 * steps too, for long executions. Counts, never time, and the same for
 * every -j and shard count: the plan is the program's and the options'.
 * Every shard runs the planning, so it is kept small (the bench program:
 * 128 started of its 13,600, 1.6% of its steps; 256, the budget before,
 * were a tenth of 4 shards' steps, planning repeated in each). A first
 * search cut much earlier leaves parts that each explore what their races
 * add above their node (the bench program cut after 24: 3.3x the steps);
 * a shard runs its parts on every core (-j), so an even assignment
 * matters less than the work planning repeats. */
#define PLAN_FIRST 64
#define PLAN_SPLIT 32
#define PLAN_BUDGET 128
#define PLAN_STEPS 4000000
/* The executions of a part's probe (frontier_probe): one, a path of
 * Knuth's estimator */
#define PLAN_PROBE 1

typedef struct fitem {
    dpor_gift *g;    /* NULL: the search from the start */
    char *prefix;    /* g's prefix (gift_prefix) */
    int64_t stop_at; /* cut there (0: runs to its end) */
    explorer *ran;   /* its search, cut, with its results (part_keep) */
    double est;
    bool settled;    /* run in planning: complete, or cut */
} fitem;
typedef VEC(fitem) fvec;

typedef struct fstop {
    int64_t seen, max;
    uint64_t max_steps;
    bool hit;
} fstop;

/* should_stop of a planning search: between executions (the first call
 * to see a new count), at the budget. */
static bool frontier_stop(void *ctx, const explorer *x)
{
    fstop *c = ctx;
    int64_t n = explore_started(x);
    if (c->hit) return true; /* (explore asks again before it suspends) */
    if (n > c->seen) {
        c->seen = n;
        if (n >= c->max || x->search_steps >= c->max_steps) {
            c->hit = true;
            return true;
        }
    }
    return false;
}

static char *gift_prefix(const program *p, const explore_opts *o,
                         const dpor_gift *g)
{
    size_t n = 0;
    const choice *c = g ? dpor_gift_prefix(g, &n) : NULL;
    return part_prefix_string(p, o, c, n);
}

/* The search of item it under o, stopped by c, run with consumers cs
 * (NULL: none) into *out: its status (a halt or a divergence is an
 * error). */
static wf_status frontier_search(const program *p, const explore_opts *o,
                                 const fitem *it, fstop *c, consumer_set *cs,
                                 explorer **out, wf_diag *d)
{
    explore_opts to = *o;
    part pt;
    explorer *x;
    wf_status st;
    memset(&pt, 0, sizeof pt);
    pt.gift = it->g;
    to.prefix = it->g ? it->prefix : NULL;
    to.max_executions = 0;
    to.iterative = false;
    to.minimize = false;
    to.timing = false;
    to.should_stop = frontier_stop;
    to.stop_ctx = c;
    to.after_exec = NULL;
    to.on_step = NULL;
    to.step_ctx = NULL;
    x = explore_new(p, &to);
    x->dp = part_dpor(&pt);
    st = explore_run(x, cs, d);
    if (st == WF_OK && x->e && explore_halted(x)) st = part_plan_halted(d);
    if (st == WF_OK && x->diverged)
        st = diag_set(d, p->file ? p->file : "", 0, 0, "planning the parts: %s",
                      x->diverged);
    *out = x;
    return st;
}

/* Run item it's search up to max started executions (or max_steps
 * steps): settled, then either complete (its estimate: its executions)
 * or cut (stop_at), its gifts pushed on *gifts, the shallowest first.
 * With keep, the search runs with keep's consumers, and a cut search is
 * kept with its results (it->ran: the part's whole search). */
static wf_status frontier_run(const program *p, const explore_opts *o,
                              const part_keep *keep, fitem *it, int64_t max,
                              uint64_t max_steps, dpor_gift ***gifts,
                              size_t *ngifts, int64_t *spent, uint64_t *steps,
                              explorer **halted, wf_diag *d)
{
    fstop c = {0, max, max_steps, false};
    part pt;
    explorer *x;
    wf_status st;
    void *h = NULL;
    consumer_set *cs = keep ? keep->open(keep->ctx, &h) : NULL;
    memset(&pt, 0, sizeof pt);
    pt.gift = it->g;
    st = frontier_search(p, o, it, &c, cs, &x, d);
    *ngifts = 0;
    *gifts = NULL;
    *spent += explore_started(x);
    *steps += x->search_steps;
    it->settled = true;
    if (st == WF_OK && c.hit && !x->complete) {
        it->stop_at = explore_started(x);
        *ngifts = dpor_donate_all(x->dp, gifts);
    }
    it->est = fmax((double)explore_started(x), 1);
    x->o.should_stop = NULL; /* (c is gone) */
    x->o.stop_ctx = NULL;
    if (keep && it->stop_at > 0) { /* the part's search, as run_unit's */
        part pk = pt;
        pk.stop_at = it->stop_at;
        part_settle(&pk, x);
        keep->close(keep->ctx, h, x);
        it->ran = x;
    } else {
        if (keep) keep->close(keep->ctx, h, x);
        if (!*halted && x->e && explore_halted(x))
            *halted = x; /* part_plan.halted: the caller frees it */
        else
            explore_free(x);
    }
    return st;
}

/* Is a to be cut before b? The larger estimate first (the heaviest part
 * is the one no assignment can balance: cutting the shallowest first, as
 * before, left a deeper part holding 46% of the bench program's work
 * whole), then the shallower gift. */
static bool item_before(const fitem *a, const fitem *b)
{
    size_t da = a->g ? dpor_gift_at(a->g) : 0, db = b->g ? dpor_gift_at(b->g) : 0;
    return a->est != b->est ? a->est > b->est : da < db;
}

/* The estimate of a part planning did not run, in steps (what a shard
 * pays; its executions, the sleep-set-blocked ones included, differ in
 * length): one execution of the part's own search, with no consumer,
 * then Knuth's estimator over that search (dpor_donate_all's estimates of
 * what it left, as a cut gives them) times the steps of that execution;
 * a part that ends there is exactly its steps. The gift's estimate from
 * the giver's search counts branches the part's sleep sets block (a part
 * estimated at 2,352 executions ran none) and sees little of a deep
 * node's subtree; the part's own first execution has found the races
 * below its node. Probes are not kept: the part's search runs that
 * execution again. */
static wf_status frontier_probe(const program *p, const explore_opts *o,
                                fitem *it, int64_t *spent, uint64_t *steps,
                                wf_diag *d)
{
    fstop c = {0, PLAN_PROBE, UINT64_MAX, false};
    explorer *x;
    wf_status st = frontier_search(p, o, it, &c, NULL, &x, d);
    double left = 0, per;
    *spent += explore_started(x);
    *steps += x->search_steps;
    if (st == WF_OK && c.hit && !x->complete) {
        dpor_gift **g = NULL;
        size_t ng = dpor_donate_all(x->dp, &g);
        for (size_t k = 0; k < ng; k++) {
            left += dpor_gift_estimate(g[k]);
            dpor_gift_free(g[k]);
        }
        free(g);
    }
    per = (double)x->search_steps / fmax((double)explore_started(x), 1);
    it->est = fmax(per * ((double)explore_started(x) + left), 1);
    x->o.should_stop = NULL; /* (c is gone) */
    x->o.stop_ctx = NULL;
    explore_free(x);
    return st;
}

wf_status part_plan_frontier(const program *p, const explore_opts *o,
                             size_t want, const part_budget *b,
                             const part_keep *keep, part_plan *out, wf_diag *d)
{
    static const part_budget dflt = {PLAN_FIRST, PLAN_SPLIT, PLAN_BUDGET,
                                     PLAN_STEPS};
    fvec items = {NULL, 0, 0};
    fitem root = {NULL, NULL, 0, NULL, INFINITY, false};
    int64_t spent = 0;
    uint64_t steps = 0;
    wf_status st = WF_OK;
    if (!b) b = &dflt;
    out->frontier = true;
    VEC_PUSH(items, root);
    while (st == WF_OK && spent < b->total && steps < b->steps) {
        size_t best = SIZE_MAX, ng = 0;
        double total = 0;
        dpor_gift **g = NULL;
        int64_t max = spent ? b->split : b->first;
        for (size_t i = 0; i < items.len; i++) {
            total += items.p[i].est;
            if (!items.p[i].settled &&
                (best == SIZE_MAX || item_before(&items.p[i], &items.p[best])))
                best = i;
        }
        if (best == SIZE_MAX ||
            (items.len >= want && items.p[best].est * (double)want <= total))
            break;
        if (max > b->total - spent) max = b->total - spent;
        st = frontier_run(p, o, keep, &items.p[best], max, b->steps - steps, &g,
                          &ng, &spent, &steps, &out->halted, d);
        if (ng) { /* after the cut search, its gifts, the deepest first */
            size_t at = best + 1;
            VEC_RESERVE(items, items.len + ng);
            memmove(items.p + at + ng, items.p + at,
                    (items.len - at) * sizeof *items.p);
            items.len += ng;
            for (size_t k = 0; k < ng; k++) {
                fitem z = {g[ng - 1 - k], NULL, 0, NULL, 0, false};
                z.prefix = gift_prefix(p, o, z.g);
                z.est = fmax(dpor_gift_estimate(z.g), 1);
                items.p[at + k] = z;
            }
        }
        free(g);
    }
    /* the parts planning did not run: their estimates in steps; those it
     * ran weigh nothing (every shard ran them) */
    for (size_t i = 0; i < items.len && st == WF_OK; i++)
        if (!items.p[i].settled)
            st = frontier_probe(p, o, &items.p[i], &spent, &steps, d);
    out->plan_started = spent;
    out->plan_steps = steps;
    if (st == WF_OK)
        for (size_t i = 0; i < items.len; i++) {
            part pt;
            memset(&pt, 0, sizeof pt);
            pt.prefix =
                items.p[i].prefix ? items.p[i].prefix : gift_prefix(p, o, NULL);
            pt.ran = items.p[i].ran;
            pt.est = items.p[i].est;
            pt.gift = items.p[i].g;
            pt.stop_at = items.p[i].stop_at;
            items.p[i].g = NULL;
            items.p[i].prefix = NULL;
            items.p[i].ran = NULL;
            VEC_PUSH(out->parts, pt);
        }
    for (size_t i = 0; i < items.len; i++) {
        dpor_gift_free(items.p[i].g);
        free(items.p[i].prefix);
        if (items.p[i].ran) explore_free(items.p[i].ran);
    }
    VEC_FREE(items);
    return st;
}

dpor *part_dpor(const part *pt)
{
    dpor *dp = dpor_new();
    dpor_prefix_siblings_done(dp, true);
    part_give_siblings(pt, dp);
    if (pt->gift) dpor_take_gift(dp, dpor_gift_copy(pt->gift));
    return dp;
}

void part_settle(const part *pt, explorer *y)
{
    if (pt->stop_at > 0 && y->stopped && !y->complete &&
        explore_started(y) == pt->stop_at && !(y->e && explore_halted(y))) {
        y->stopped = false;
        y->complete = true;
    }
}

/* explore_rounds.c: the dpor search's driver: one bounded search
 * (--preemptions K, or without iterative rounds), or the iterative
 * rounds (bounds 0, 1, 2, then unbounded) with the portfolio of samples
 * between them. The executions are explore.c's (explore_run_one). */
#include "explore.h"
#include "explore_int.h"

static void after_step_cb(void *ctx, wf_engine *e, int32_t tid)
{
    explorer *x = ctx;
    uint64_t b;
    dpor_after_step(x->dp, e, tid);
    b = dpor_bytes(x->dp); /* the memory budget counts it */
    e->mem_extra += b - x->dp_counted;
    x->dp_counted = b;
    if (x->o.on_step)
        x->o.on_step(x->o.step_ctx, e, tid);
}

/* Bounded rounds of iterative preemption bounding before the last,
 * unbounded one. */
#define ITERATIVE_ROUNDS 3
/* Executions a shallow round may take before the search moves on to the
 * unbounded round (which, with sleep sets, is often far smaller). */
#define ROUND_CAP 2000

/* The portfolio (as Coyote's default runs one): once the search has
 * taken PORTFOLIO_STEPS steps (a few seconds) without completing,
 * sampled executions, random walks and PCT of depth 3 by turns, each
 * seeded afresh, run between its executions, taking one step in
 * SAMPLE_SHARE: a shallow bug the reduction would reach late (a deadlock
 * needing many preemptions, a spin loop) is found by sampling about as
 * soon as sampling alone would find it. Smaller searches run alone, one
 * execution per trace. */
#define PORTFOLIO_STEPS 1000000
#define SAMPLE_SHARE 8

/* Run the samples due now; false when the exploration must stop. */
static bool portfolio(explorer *x, consumer_set *cs, int64_t max)
{
    wf_strategy strat = {x, explore_choose, NULL};
    int depth = x->o.pct_depth;
    if (x->search_steps < PORTFOLIO_STEPS)
        return true;
    if (!x->o.pct_depth)
        x->o.pct_depth = 3;
    while (x->sample_steps * SAMPLE_SHARE < x->search_steps) {
        uint64_t before = x->steps;
        bool ok;
        x->sampling = 1 + (x->sampled & 1 ? WF_STRATEGY_PCT
                                           : WF_STRATEGY_RANDOM);
        ok = explore_run_one(x, &strat, cs);
        x->sampling = 0;
        x->sample_steps += x->steps - before;
        if (!ok || x->stopped || explore_out_of_budget(x, max)) {
            x->o.pct_depth = depth;
            return false;
        }
    }
    x->o.pct_depth = depth;
    return true;
}

/* How a DPOR round ended. */
typedef enum round_end {
    ROUND_DONE,    /* nothing left within its limit */
    ROUND_CAPPED,  /* it ran `cap` executions: the rest is put aside */
    ROUND_CUT,     /* a budget or should_stop ended the exploration */
    ROUND_FAILED,  /* the program is not deterministic (x->diverged) */
    ROUND_RESTART, /* the program's scheduling points changed: what was
                      explored was another program's tree (the findings
                      stay), the search starts over */
    ROUND_OVER     /* a branch over the round's limit was met (with
                      upto_limit) */
} round_end;

/* Executions of the current DPOR round until it has nothing left, it
 * ran cap executions or a budget stops it; with upto_limit, also as soon
 * as a branch over the round's limit is met. */
static round_end dpor_round_run(explorer *x, wf_strategy *strat,
                                consumer_set *cs, int64_t max, int64_t cap,
                                bool upto_limit)
{
    bool more;
    int64_t round_started = explore_started(x);
    x->round_start = x->executions;
    do {
        if (!explore_run_one(x, strat, cs))
            return ROUND_FAILED;
        if (x->stopped)
            return ROUND_CUT; /* within an execution */
        if (x->restart) {
            x->restarts++;
            return explore_out_of_budget(x, max) ? ROUND_CUT : ROUND_RESTART;
        }
        more = dpor_next(x->dp);
        if (explore_halted(x)) {
            x->stopped = true; /* dpor_next may have stopped short */
            return ROUND_CUT;
        }
        if (upto_limit && dpor_pruned(x->dp))
            return ROUND_OVER;
        if (more && x->o.iterative && x->o.preemptions < 0 &&
            !portfolio(x, cs, max))
            return x->diverged ? ROUND_FAILED : ROUND_CUT;
    } while (more && !explore_out_of_budget(x, max) &&
             explore_started(x) - round_started < cap);
    if (!more)
        return ROUND_DONE;
    if (explore_out_of_budget(x, max))
        return ROUND_CUT;
    dpor_suspend(x->dp); /* the rest waits for the next round */
    return ROUND_CAPPED;
}

/* One DPOR search, bounded by --preemptions K or unbounded.
 * A bound no execution reaches must cost what the unbounded search costs:
 * so first the unbounded search (sleep sets) runs with K as its round's
 * limit. If it ends without meeting a branch over K, every trace had a
 * representative within K preemptions, so the outcomes within K are all
 * the outcomes, and it is the bounded search (complete). Else it stops
 * there and BPOR runs (no sleep sets, every pair of accesses but two
 * reads dependent, the branches over the bound dropped: the outcomes and
 * finding kinds of bounded DFS exactly); what the first search found
 * stays (it ran executions within K). With a forced prefix (a part of
 * -j), the first search does not let the siblings' alternatives sleep:
 * a sibling part may fall back to BPOR and not cover them. */
static wf_status dpor_bounded(explorer *x, wf_strategy *strat,
                              consumer_set *cs, int64_t max, wf_diag *d)
{
    round_end r;
    bool sibs = dpor_prefix_siblings(x->dp);
    if (x->o.preemptions >= 0) {
        dpor_prefix_siblings_done(x->dp, false);
        do {
            dpor_set_bound(x->dp, -1);
            dpor_set_limit(x->dp, x->o.preemptions);
            x->round = x->o.preemptions;
            (void)dpor_round(x->dp);
            r = dpor_round_run(x, strat, cs, max, INT64_MAX, true);
        } while (r == ROUND_RESTART);
        dpor_prefix_siblings_done(x->dp, sibs);
        if (r == ROUND_FAILED)
            return diag_set(d, x->prog.file, 0, 0, "%s", x->diverged);
        if (r == ROUND_DONE) {
            x->complete = true;
            return WF_OK;
        }
        if (r != ROUND_OVER)
            return WF_OK; /* cut by a budget */
    }
    do {
        dpor_set_bound(x->dp, x->o.preemptions);
        x->round = x->o.preemptions;
        (void)dpor_round(x->dp);
        r = dpor_round_run(x, strat, cs, max, INT64_MAX, false);
    } while (r == ROUND_RESTART);
    if (r == ROUND_FAILED)
        return diag_set(d, x->prog.file, 0, 0, "%s", x->diverged);
    if (r != ROUND_DONE)
        return WF_OK; /* cut by a budget */
    if (x->o.preemptions < 0 || !dpor_pruned(x->dp))
        x->complete = true;
    else
        x->bound = x->o.preemptions;
    return WF_OK;
}

/* Iterative preemption bounding (CHESS) over one unbounded search with
 * sleep sets: round k explores the branches within k preemptions and
 * puts the others aside; the next round resumes them (dpor.h: rounds
 * that add). Rounds with bounds 0, 1, 2, then one without: each
 * execution is run once over all rounds. A shallow round too big to
 * finish soon hands the rest to the unbounded round, losing nothing.
 * A finished round k is not "bound k fully explored": with sleep sets a
 * trace may be reached only through an order of more preemptions than
 * its cheapest (--preemptions K is the search that states a bound). */
static wf_status dpor_rounds(explorer *x, wf_strategy *strat,
                             consumer_set *cs, int64_t max, wf_diag *d)
{
    int k = 0;
    dpor_set_bound(x->dp, -1);
    for (;;) {
        round_end r = ROUND_DONE;
        dpor_set_limit(x->dp, k);
        x->round = k;
        if (dpor_round(x->dp))
            r = dpor_round_run(x, strat, cs, max,
                               k >= 0 ? ROUND_CAP : INT64_MAX, false);
        if (r == ROUND_FAILED)
            return diag_set(d, x->prog.file, 0, 0, "%s", x->diverged);
        if (r == ROUND_CUT)
            return WF_OK; /* cut by a budget during round k */
        if (r == ROUND_RESTART) {
            dpor_set_bound(x->dp, -1);
            k = 0;
            continue;
        }
        if (!dpor_left(x->dp)) {
            x->complete = true;
            return WF_OK;
        }
        WF_ASSERT(k >= 0);
        if (r == ROUND_DONE)
            x->rounds_done = k;
        if (explore_out_of_budget(x, max))
            return WF_OK;
        k = r == ROUND_CAPPED || k + 1 >= ITERATIVE_ROUNDS ? -1 : k + 1;
    }
}

wf_status explore_rounds_run(explorer *x, wf_strategy *strat,
                             consumer_set *cs, int64_t max, wf_diag *d)
{
    strat->after_step = after_step_cb;
    if (x->o.preemptions >= 0 || !x->o.iterative)
        return dpor_bounded(x, strat, cs, max, d);
    return dpor_rounds(x, strat, cs, max, d);
}

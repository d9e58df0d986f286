/* explore_min.c: minimizing each finding's witness once a search is over
 * (explore_run calls explore_minimize): fewer preemptions by bounded
 * searches, then by dropping preemptions one by one. */
#include "explore.h"
#include "explore_int.h"

#include <stdlib.h>

/* The minimizer's strategy (see explore.h): a prefix, then no preemption. */
int explore_mz_choose(explorer *x, const wf_engine *e, choice_kind kind,
                      int n, int last)
{
    size_t pos;
    int idx;
    if (n == 1)
        return 0;
    pos = x->mz_pos++;
    if (pos < x->mz_len && pos != x->mz_force) {
        const choice *c = &x->mz_prefix.p[pos];
        if ((int)c->n != n) {
            x->mz_bad = true;
            return -1;
        }
        idx = (int)c->idx;
    } else if (pos == x->mz_force) {
        if (kind != CHOICE_TASK || last < 0) {
            x->mz_bad = true;
            return -1;
        }
        idx = explore_free_choice(e, n, last);
    } else {
        idx = kind == CHOICE_TASK && last >= 0 ? explore_free_choice(e, n, last)
                                               : 0;
    }
    if (kind == CHOICE_TASK && explore_preempts(e, n, last, idx))
        VEC_PUSH(x->mz_pre, (uint32_t)pos);
    return idx;
}

/* Run the minimizer's strategy once; the finding of kind/sig it shows, or
 * NULL. */
static const finding *mz_run(explorer *x, consumer_set *cs, uint8_t kind,
                             uint64_t sig)
{
    wf_strategy strat = {x, explore_choose, NULL};
    wf_engine *e = x->e;
    engine_reset(e);
    x->mz_pos = 0;
    x->mz_bad = false;
    x->mz_pre.len = 0;
    x->preempts = 0;
    if (x->prog.begin)
        x->prog.begin(x->prog.ctx, e);
    engine_run(e, x->prog.drv, x->prog.arg, x->prog.main_name, &strat,
               cs ? cs->v : NULL, cs ? cs->n : 0);
    x->spent += e->step;
    if (x->mz_bad)
        return NULL;
    for (size_t i = 0; i < e->findings.len; i++)
        if (e->findings.p[i].kind == kind && e->findings.p[i].sig == sig)
            return &e->findings.p[i];
    return NULL;
}

/* Whether the halt word says to stop everything, finishing work too. */
static bool halted_all(const explorer *x)
{
    return x->o.halt &&
           atomic_load_explicit(x->o.halt, memory_order_relaxed) >= HALT_ALL;
}

/* Executions a search for a witness of fewer preemptions may take. */
#define WITNESS_SEARCH 256

/* The minimizer's budget for one finding, in the explorer's cost units
 * (x->spent: steps, and bounded POR's walks back over the path, which a
 * bounded search of a long execution does plenty of): MZ_SCALE times
 * what the search had spent when it first showed the finding, and at least
 * MZ_FLOOR (a small program's whole minimization, whatever it found
 * early). Reporting a found bug then costs a bounded multiple of finding
 * it; a finding whose budget runs out keeps the best witness so far
 * (the search's own at worst). */
#define MZ_SCALE 1
#define MZ_FLOOR 1000000

static uint64_t mz_budget(const xfinding *xf)
{
    uint64_t b = xf->cost > UINT64_MAX / MZ_SCALE ? UINT64_MAX
                                                   : xf->cost * MZ_SCALE;
    return b > MZ_FLOOR ? b : MZ_FLOOR;
}

/* A bounded search's stop hook: the search's own (progress), then the
 * minimizer's budget: `left` units from the search's start. */
typedef struct mz_stop {
    bool (*inner)(void *ctx, const explorer *x);
    void *inner_ctx;
    uint64_t left;
    bool spent; /* the budget stopped it */
} mz_stop;

static bool mz_should_stop(void *ctx, const explorer *x)
{
    mz_stop *s = ctx;
    if (s->inner && s->inner(s->inner_ctx, x))
        return true;
    s->spent = x->spent >= s->left;
    return s->spent;
}

/* Look for a witness of xf with fewer preemptions by bounded searches
 * (bounds 0, 1, ... below its count, each of at most WITNESS_SEARCH
 * executions, all within the finding's budget end, a value of x->spent):
 * the reduction reaches a trace through one order, not always its
 * cheapest, and a bounded search reaches what bounded DFS does. */
static void bounded_witness(explorer *x, consumer_set *cs, xfinding *xf,
                            uint64_t end)
{
    for (uint32_t k = 0; k < xf->preempts && x->spent < end; k++) {
        explore_opts o = x->o;
        explorer *sub;
        wf_diag d;
        bool found = false;
        mz_stop st = {x->o.should_stop, x->o.stop_ctx, end - x->spent, false};
        o.strategy = WF_STRATEGY_DPOR;
        o.preemptions = (int)k;
        o.iterative = false;
        o.minimize = false;
        o.timing = false; /* a witness of the search it was found in */
        o.max_executions = WITNESS_SEARCH;
        o.after_exec = NULL;
        o.should_stop = mz_should_stop;
        o.stop_ctx = &st;
        sub = explore_new(&x->prog, &o);
        if (explore_run(sub, cs, &d) == WF_OK)
            for (size_t i = 0; i < sub->findings.len && !found; i++) {
                const xfinding *sf = &sub->findings.p[i];
                if (sf->f.kind == xf->f.kind && sf->f.sig == xf->f.sig &&
                    sf->preempts < xf->preempts) {
                    int64_t count = xf->count; /* this search's */
                    uint64_t cost = xf->cost;
                    xfinding_copy(xf, sf);
                    xf->count = count;
                    xf->cost = cost;
                    found = true;
                }
            }
        x->spent += sub->spent;
        x->stopped = x->stopped || (sub->stopped && !st.spent);
        explore_free(sub);
        if (found || x->stopped)
            return;
    }
}

/* Simplify every finding's witness: try to drop each preemption in turn
 * (latest first), running on without preempting from there, and keep the
 * result when it shows the same finding with fewer preemptions, or as
 * many and fewer steps (dejafu's trace simplification, SPIN's -i in
 * spirit). At most 64 replays per finding, within its budget. */
void explore_minimize(explorer *x, consumer_set *cs)
{
    if (x->o.strategy == WF_STRATEGY_REPLAY || !x->e)
        return;
    x->minimizing = true;
    x->e->cfg.halt_at = HALT_ALL; /* a time limit ends the search, not this */
    for (size_t i = 0; i < x->findings.len && !halted_all(x); i++) {
        xfinding *xf = &x->findings.p[i];
        schedule sc;
        int budget = 64;
        bool improved = true;
        uint64_t b = mz_budget(xf);
        uint64_t end = x->spent > UINT64_MAX - b ? UINT64_MAX : x->spent + b;
        if (xf->preempts && x->o.strategy == WF_STRATEGY_DPOR &&
            x->o.preemptions < 0 && !x->stopped)
            bounded_witness(x, cs, xf, end);
        if (!xf->preempts) /* dropping preemptions is the only move */
            continue;
        if (schedule_decode(&sc, xf->schedule, NULL) != WF_OK) {
            schedule_fini(&sc);
            continue;
        }
        if (x->prog.extra_set)
            x->prog.extra_set(x->prog.ctx, sc.extra);
        x->mz_prefix.len = 0;
        for (size_t k = 0; k < sc.choices.len; k++)
            VEC_PUSH(x->mz_prefix, sc.choices.p[k]);
        schedule_fini(&sc);
        while (improved && budget > 0 && x->spent < end) {
            VEC(uint32_t) pre = {NULL, 0, 0};
            improved = false;
            /* where the current witness preempts */
            x->mz_len = x->mz_prefix.len;
            x->mz_force = SIZE_MAX;
            if (!mz_run(x, cs, xf->f.kind, xf->f.sig))
                break;
            for (size_t k = 0; k < x->mz_pre.len; k++)
                VEC_PUSH(pre, x->mz_pre.p[k]);
            for (size_t k = pre.len;
                 k-- > 0 && budget > 0 && !improved && !halted_all(x) &&
                 x->spent < end;) {
                const finding *f;
                x->mz_len = pre.p[k];
                x->mz_force = pre.p[k];
                budget--;
                f = mz_run(x, cs, xf->f.kind, xf->f.sig);
                if (f && (x->preempts < xf->preempts ||
                          (x->preempts == xf->preempts &&
                           x->e->step < xf->steps))) {
                    int64_t count = xf->count;
                    x->sbuf_valid = false;
                    explore_set_finding(xf, f, x->e, explore_sched_of(x, x->e),
                                x->prog.leaks_are_errors);
                    xf->count = count;
                    xf->preempts = x->preempts;
                    x->mz_prefix.len = 0;
                    for (size_t c = 0; c < x->e->choices.len; c++)
                        VEC_PUSH(x->mz_prefix, x->e->choices.p[c]);
                    improved = true;
                }
            }
            VEC_FREE(pre);
        }
    }
    x->minimizing = false;
    x->e->cfg.halt_at = x->o.halt_at > 0 ? x->o.halt_at : HALT_SEARCH;
    if (x->prog.extra_set && x->prog.extra_get) {
        /* back to the exploration's own (the last minimized finding's is
         * set now) */
        char *cur = wf_xstrdup(x->last_extra ? x->last_extra : "");
        x->prog.extra_set(x->prog.ctx, cur);
        free(cur);
    }
}

/* explore_steer.c: steering toward a predicted deadlock (explore_steer,
 * see explore.h): a strategy that lets tasks take their first lock of a
 * lock cycle and holds back their second. */
#include "explore.h"
#include "explore_int.h"

#include "rng.h"

/* How many of the steering targets t holds. O(objects). */
static int held_targets(const explorer *x, const wf_engine *e,
                        const wf_task *t)
{
    int n = 0;
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        if (!x->steer_target(x->steer_ctx, o))
            continue;
        n += obj_holds(o, t);
    }
    return n;
}

static bool acquires_target(const explorer *x, const wf_task *t)
{
    const op *o = &t->op;
    return (o->kind == OP_LOCK || o->kind == OP_WLOCK ||
            o->kind == OP_RLOCK) &&
           o->obj && x->steer_target(x->steer_ctx, o->obj);
}

/* The steering strategy: among the enabled tasks, one about to take its
 * first lock of the cycle; else one not about to take a second; else any
 * (random among equals). */
int explore_steer_choose(explorer *x, wf_engine *e, int n,
                         const int32_t *alts)
{
    int nf = 0, no = 0;
    x->steer_first.len = x->steer_other.len = 0;
    for (int i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[alts[i]];
        if (!acquires_target(x, t))
            VEC_PUSH(x->steer_other, i);
        else if (held_targets(x, e, t) == 0)
            VEC_PUSH(x->steer_first, i);
    }
    nf = (int)x->steer_first.len;
    no = (int)x->steer_other.len;
    if (nf)
        return x->steer_first.p[rng_below(x->rng, (uint32_t)nf)];
    if (no)
        return x->steer_other.p[rng_below(x->rng, (uint32_t)no)];
    return (int)rng_below(x->rng, (uint32_t)n);
}

/* Steering executions allowed once the budget is spent. */
#define STEER_PAST_BUDGET 8

bool explore_steer(explorer *x, consumer_set *cs,
                   bool (*is_target)(void *ctx, const wf_obj *o), void *ctx,
                   int tries)
{
    wf_strategy strat = {x, explore_choose, NULL};
    bool found = false;
    size_t before = x->findings.len;
    consumer_set all = {x->run_cs, x->nrun_cs};
    if (x->nrun_cs)
        cs = &all; /* the checkers and whatever else explore_run had */
    if (!x->e || x->o.strategy == WF_STRATEGY_REPLAY || x->o.no_steer)
        return false;
    /* past the budget (executions, time), a few tries still: a predicted
     * cycle confirmed is worth more than the budget's last executions, and
     * one try usually does it */
    {
        int64_t left = x->stopped                 ? 0
                       : x->o.max_executions > 0 ? x->o.max_executions -
                                                        x->executions
                                                  : INT64_MAX;
        if (left < STEER_PAST_BUDGET)
            left = STEER_PAST_BUDGET;
        if (tries > left)
            tries = (int)left;
    }
    x->steer_target = is_target;
    x->steer_ctx = ctx;
    x->e->cfg.halt_at = HALT_ALL; /* past a time limit too, as above */
    for (int i = 0; i < tries && !found; i++) {
        wf_engine *e = x->e;
        engine_reset(e);
        rng_from_seed(x->rng, x->o.seed + 0x5eed + (uint64_t)i,
                      RNG_STREAM_SCHED);
        x->preempts = 0;
        if (x->prog.begin)
            x->prog.begin(x->prog.ctx, e);
        engine_run(e, x->prog.drv, x->prog.arg, x->prog.main_name, &strat,
                   cs ? cs->v : NULL, cs ? cs->n : 0);
        x->sbuf_valid = false;
        if (e->end == END_HALTED)
            break;
        if (e->end != END_ABANDONED) {
            x->steered_past += x->stopped || (x->o.max_executions > 0 &&
                                              x->executions >=
                                                  x->o.max_executions);
            explore_collect(x, e, x->preempts);
            if (x->o.after_exec) /* the recorder keeps its witness */
                x->o.after_exec(x->o.after_ctx, e, explore_sched_of(x, e));
        }
        found = e->end == END_DEADLOCK;
    }
    x->e->cfg.halt_at = x->o.halt_at > 0 ? x->o.halt_at : HALT_SEARCH;
    x->steer_target = NULL;
    (void)before;
    return found;
}

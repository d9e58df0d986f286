/* explore_int.h: what the explorer's own files share (explore.c, and
 * explore_dfs.c, explore_pct.c, explore_rounds.c, explore_steer.c,
 * explore_min.c; others use explore.h).
 * Owns: nothing; every function works on the explorer it is given. */
#ifndef WF_EXPLORE_INT_H
#define WF_EXPLORE_INT_H

#include "explore.h"

/* A heap copy of s, or NULL for NULL. */
char *explore_strdup0(const char *s);
/* The engine's strategy hook for every execution of x (ctx is x): the
 * strategy of the search, the steering or the minimizer. */
int explore_choose(void *ctx, wf_engine *e, choice_kind kind, int n,
                   const int32_t *alts);
/* xf becomes finding f of execution e, whose schedule is sched. */
void explore_set_finding(xfinding *xf, const finding *f, const wf_engine *e,
                         const char *sched, bool leak_error);
/* The current execution's schedule string, encoded on first use. */
const char *explore_sched_of(explorer *x, wf_engine *e);
/* Keep what execution e found: distinct findings and outcomes. */
void explore_collect(explorer *x, wf_engine *e, uint32_t preempts);

/* Record that the exploration cannot go on (the first reason is kept,
 * in x->diverged). */
void explore_diverge(explorer *x, const char *fmt, ...) WF_PRINTF(2, 3);
/* One execution under strat; collects what it found. Returns false when
 * the exploration must stop (divergence, error). */
bool explore_run_one(explorer *x, wf_strategy *strat, consumer_set *cs);
/* Whether the halt word stops the search (an interrupt, the time
 * limit). */
bool explore_halted(const explorer *x);
/* Budgets between executions (max executions, should_stop): true to
 * stop. */
bool explore_out_of_budget(explorer *x, int64_t max);

/* dfs (explore_dfs.c): the choice among n; advance the stack to the next
 * unexplored branch (false when none). */
int explore_dfs_choose(explorer *x, wf_engine *e, int n);
bool explore_dfs_next(explorer *x);
/* pct (explore_pct.c): the highest-priority task of alts[0, n); the
 * priorities and change points of a new execution. */
int explore_pct_choose(explorer *x, wf_engine *e, int n, const int32_t *alts);
void explore_pct_begin(explorer *x);
/* random (explore_pct.c): one of n alternatives, uniformly. */
int explore_random_choose(explorer *x, int n);
/* dpor (explore_rounds.c): the whole search, bounded or in rounds, with
 * the portfolio; strat gets dpor's after_step. */
wf_status explore_rounds_run(explorer *x, wf_strategy *strat,
                             consumer_set *cs, int64_t max, wf_diag *d);

/* Steering (explore_steer.c): which of the alternatives alts[0, n). */
int explore_steer_choose(explorer *x, wf_engine *e, int n,
                         const int32_t *alts);
/* Minimizing (explore_min.c): the minimizer's choice; and the pass over
 * every finding once the search is over. */
int explore_mz_choose(explorer *x, const wf_engine *e, choice_kind kind,
                      int n, int last);

/* Preemptions, as every strategy counts them (dpor_int.h's cost() too):
 * last is the index among the n enabled tasks of the task that took the
 * previous step (-1: not enabled, or not counted). Running another task
 * preempts it; but after a yield the program asked for, the others were
 * to run first, and running the yielder on is the preemption. */
static inline bool explore_preempts(const wf_engine *e, int n, int last,
                                    int idx)
{
    if (last < 0)
        return false;
    return e->last_polite && n >= 2 ? idx == last : idx != last;
}

/* The choice that preempts nothing (the next task after a yielder). */
static inline int explore_free_choice(const wf_engine *e, int n, int last)
{
    return last >= 0 && e->last_polite && n >= 2 ? (last + 1) % n : last;
}
void explore_minimize(explorer *x, consumer_set *cs);

#endif

/* explore_int.h: what explore.c, explore_steer.c and explore_min.c share
 * (the explorer's own files; others use explore.h).
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

/* Steering (explore_steer.c): which of the alternatives alts[0, n). */
int explore_steer_choose(explorer *x, wf_engine *e, int n,
                         const int32_t *alts);
/* Minimizing (explore_min.c): the minimizer's choice; and the pass over
 * every finding once the search is over. */
int explore_mz_choose(explorer *x, choice_kind kind, int n, int last);
void explore_minimize(explorer *x, consumer_set *cs);

#endif

/* checkers.h: the checkers of an exploration, as one set of consumers
 * (DESIGN.md, "Checkers"): deadlock (global and partial, with the Coffman
 * report), lock order (potential-deadlock) and races (vector clocks).
 * Owns: the three checkers and their consumer array, until checkers_free.
 * State that outlives an execution (the lock-order graph, the deadlocks
 * that confirmed a lock-order cycle) lives here, so one checkers value
 * serves every execution of one exploration.
 * Use:
 *     checkers *ck = checkers_new(NULL);
 *     explore_run(x, checkers_consumers(ck), &diag);
 *     checkers_finish(ck, x);   (drops potential deadlocks since confirmed)
 *     ...report x...
 *     checkers_free(ck); */
#ifndef WF_CHECKERS_H
#define WF_CHECKERS_H

#include "sim/explore.h"

typedef struct checkers_opts {
    bool deadlock;  /* Coffman report of deadlocks; partial deadlocks */
    bool lockorder; /* potential-deadlock */
    bool race;      /* data races */
} checkers_opts;

typedef struct checkers checkers;

/* Every checker on. */
checkers_opts checkers_opts_default(void);
/* o NULL: every checker on. Never fails. */
checkers *checkers_new(const checkers_opts *o);
/* The consumers to pass to explore_run (owned by c). */
consumer_set *checkers_consumers(checkers *c);
/* After the exploration: settle what needs every execution seen. */
void checkers_finish(checkers *c, explorer *x);
void checkers_free(checkers *c);

#endif

/* checkers.h: the checkers of an exploration, as one set of consumers
 * (DESIGN.md, "Checkers"): deadlock (global and partial, with the Coffman
 * report), lock order (potential-deadlock), races (vector clocks) and
 * liveness (livelock, starvation: SPEC section 5).
 * Owns: the four checkers and their consumer array, until checkers_free.
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
    bool liveness;  /* livelock and starvation */
    uint64_t livelock_window;   /* W, in steps (0: no livelock check) */
    uint64_t starvation_bypass; /* B (0: no bypass check) */
} checkers_opts;

/* SPEC section 5's defaults. */
#define CHECKERS_LIVELOCK_WINDOW   10000
#define CHECKERS_STARVATION_BYPASS 100

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

/* partition.h: one exploration cut into parts by choice prefixes, for -j N
 * (N engines take the parts) and --shard i/N (a set of parts per machine),
 * and the parts' results joined into the search's.
 *
 * The plan: the tree of choices (explorer schedules: the choices with two
 * or more alternatives) is cut at the shallowest depth where it has at
 * least `want` branches, or where it ends: each part is the search from
 * one prefix (explore_opts.prefix: dpor and dfs never backtrack into it),
 * and every execution begins with the prefix of exactly one part, so the
 * parts together are the whole search. A first execution of each part
 * gives its estimate (the product of the alternatives it met after the
 * prefix, Knuth's estimator of a tree's size along one path).
 *
 * The plan depends on the program and the options only, never on how many
 * engines or shards take it, so -j 1, -j 8 and any shards explore the same
 * executions; joined in part order, they report the same findings (each
 * kept with the simplest witness over the parts: fewest preemptions after
 * the prefix, then fewest steps, then the earlier part) and outcomes.
 * Between parts there is no reduction (a part does not know the sleep
 * sets of the parts before it), so a partitioned search may run more
 * executions than the single search does.
 *
 * Owns: a plan's prefix strings (part_plan_fini). part_join copies what it
 * keeps. */
#ifndef WF_PARTITION_H
#define WF_PARTITION_H

#include "explore.h"

/* Parts a plan aims at: enough for 8 engines or shards to share evenly by
 * estimate, few enough that the cut stays shallow. */
#define PART_WANT 32

typedef struct part {
    char *prefix; /* the schedule of the prefix's choices */
    double est;   /* estimated executions of its search, >= 1 */
} part;

typedef struct part_plan {
    VEC(part) parts; /* in the order the search would meet them */
    uint32_t id;     /* identity of the plan (its prefixes), for merging */
} part_plan;

/* Plan the search of p under o (its semantics switches and max_steps;
 * strategy dpor or dfs) into at least want parts where the tree allows.
 * Runs a first execution per prefix tried, with no consumer. WF_ERR_INPUT
 * with d set when an execution cannot run (a bad program, a divergence).
 * Cost: O(parts x depth) executions at most. */
wf_status part_plan_make(const program *p, const explore_opts *o, size_t want,
                         part_plan *out, wf_diag *d);
void part_plan_fini(part_plan *pl);
/* The shard (0 .. n-1) of each part: longest estimate first to the least
 * loaded shard (ties: the earlier part, the lower shard). shard_of has
 * one entry per part. Deterministic. */
void part_assign(const part_plan *pl, int n, int *shard_of);
/* Join y, the finished search of part k, into x (which started empty:
 * explore_new, never run). Call in part order. x->complete must start
 * true and x->bound at INT_MAX (part_join_init). */
void part_join_init(explorer *x);
void part_join(explorer *x, const explorer *y, size_t k);
/* After the last part: the bound over all parts; and a lock-order
 * inversion one part could only predict is dropped when another part's
 * deadlock holds every lock of its cycle (the single search confirms it
 * the same way). */
void part_join_finish(explorer *x);

#endif

/* partition.h: one exploration cut into parts, for -j N
 * (N engines take the parts) and --shard i/N (a set of parts per machine),
 * and the parts' results joined into the search's.
 *
 * The plan of an unbounded dpor search (partition_frontier.c) follows
 * the reduced tree: the single search itself runs for a budget of
 * executions and steps (the same for every -j and shard count). If it
 * ends there, the plan is one part, the whole search, run as the single
 * search runs (a small search is the single search). Else the search is
 * cut where it stands: a part for what it ran (its search stops there:
 * part.stop_at), then one per node of its path with branches left (an
 * own gift, dpor_donate_all: its search starts on the path as the single
 * search left it, with the sets it had there), the deepest first; while
 * the budget lasts, the part of the largest estimate is run and cut
 * again (the heaviest part is the one no assignment can balance). A part's
 * search decides the nodes above its own too: a race it finds there, it
 * explores itself (no part waits for another), so a branch two parts
 * both add there is explored by both (more executions, none lost).
 * The searches planning ran of the parts it cut are those parts' whole
 * searches: run with the checkers (part_keep), their results are kept
 * (part.ran) and no engine runs them again; they go to shard 1, which
 * keeps them (the others plan without checkers, and drop them).
 *
 * Other searches (dfs, a preemption bound, --max-executions) are cut by
 * choice prefixes: the tree of choices (explorer schedules: the choices
 * with two or more alternatives) is cut at the shallowest depth where it
 * has at least `want` branches, or where it ends: each part is the search
 * from one prefix (explore_opts.prefix: dpor and dfs never backtrack into
 * it), and every execution begins with the prefix of exactly one part, so
 * the parts together are the whole search. A first execution of each part
 * gives its estimate (the product of the alternatives it met after the
 * prefix, Knuth's estimator of a tree's size along one path).
 *
 * The plan depends on the program and the options only, never on how many
 * engines or shards take it, so -j 1, -j 8 and any shards explore the same
 * executions; joined in part order, they report the same findings (each
 * kept with the simplest witness over the parts: fewest preemptions after
 * the prefix, then fewest steps, then the earlier part) and outcomes.
 * Between the parts of a prefix plan, the reduction is that of the
 * single search: each part is told what the steps of the alternatives before its picks touched
 * (the probes of the prefixes picking them ran those steps), and they
 * sleep in its search as in the done sets of one search, so the parts
 * run one execution per trace as the single search does (the probes are
 * not executions). A step that made a choice of its own (a select's
 * case) touched what that choice decided: it stays awake (part_plan.
 * awake), and the parts after it may run some of its traces again.
 *
 * Owns: a plan's prefix strings and gifts (part_plan_fini). part_join copies what it
 * keeps. */
#ifndef WF_PARTITION_H
#define WF_PARTITION_H

#include "explore.h"

/* Parts a plan aims at: enough for 8 engines or shards to share evenly by
 * estimate, few enough that the cut stays shallow. */
#define PART_WANT 32

/* A sibling before a part's pick at one of its prefix's task choices:
 * the task, and what its step touched there (part.sib_acc[off, off+n)),
 * from the probe of the prefix that picks it. */
typedef struct part_sib {
    size_t i; /* the choice's index in the prefix */
    int32_t tid;
    uint32_t off, n;
} part_sib;

typedef struct part {
    char *prefix; /* the schedule of the prefix's choices */
    double est;   /* estimated size of its search: executions (a prefix
                     plan), steps (a frontier plan: its probe) */
    /* a frontier plan's part (part_plan_make, unbounded dpor): the own
     * gift it explores (NULL: the search from the start), and where its
     * search stops (started executions, explore_started; 0: at its end),
     * the rest having been given to the parts after it */
    dpor_gift *gift;
    int64_t stop_at;
    /* ... the search planning ran of it (stop_at > 0), with its results,
     * when planning was asked to keep them (part_keep): running the part
     * is taking this one (NULL: run it) */
    explorer *ran;
    VEC(part_sib) sibs;
    VEC(acc_rec) sib_acc;
} part;

typedef struct part_plan {
    VEC(part) parts; /* in the order the search would meet them */
    uint32_t id;     /* identity of the plan (its prefixes), for merging */
    /* siblings left awake: their step made a listed choice of its own (a
     * select's case, a partner), so what it touched is not one set; the
     * parts after them may explore their traces again */
    size_t awake;
    bool frontier; /* made by part_plan_frontier */
    /* what planning ran (a frontier plan's searches): started executions
     * and steps (WEFT_ENGINE_STATS) */
    int64_t plan_started;
    uint64_t plan_steps;
    /* o->halt stopped the planning (an interrupt, the time limit): the
     * plan has no part, and the search is not complete */
    bool stopped;
    /* the planning search that halt stopped, for the caller to free (or
     * leave to the process's exit): freeing the tree of a long execution
     * takes time a time limit should not count; part_plan_fini frees it
     * if the caller did not take it */
    explorer *halted;
} part_plan;

/* Plan the search of p under o (its semantics switches and max_steps;
 * strategy dpor or dfs) into at least want parts where the tree allows.
 * Runs a first execution per prefix tried (the parts' too), with no
 * consumer. WF_ERR_INPUT with d set when an execution cannot run (a bad
 * program, a divergence). Cost: O(parts x depth) executions at most. The
 * probes and trials halt with o->halt (an interrupt, the time limit) as a
 * search does, within an execution: then WF_OK with out->stopped set and
 * no part. */
/* What planning keeps of the searches it runs (a frontier plan's parts
 * with stop_at, part.ran): its consumers of such a search (open: the set
 * and its handle *h), then close, with the search ended where its part
 * ends (complete), before the set is dropped. NULL: nothing is kept, and
 * the searches run with no consumer. */
typedef struct part_keep {
    consumer_set *(*open)(void *ctx, void **h);
    void (*close)(void *ctx, void *h, explorer *x);
    void *ctx;
} part_keep;

wf_status part_plan_make(const program *p, const explore_opts *o, size_t want,
                         const part_keep *keep, part_plan *out, wf_diag *d);
void part_plan_fini(part_plan *pl);
/* partition_frontier.c: part_plan_make's plan of an unbounded dpor
 * search: the search itself runs for a bounded budget; if it ends, the
 * plan is one part, the whole search; else it is cut where it stands
 * (dpor_donate_all): a part for what it ran (stop_at), one per gift;
 * the largest by estimate are run and cut again while the budget lasts
 * and they are not balanced (b: the budgets, NULL: weft's; the tests cut
 * small searches); then each part it did not run is probed (one
 * execution of its own search: its estimate in steps). Parts explore
 * what their searches add above
 * their gift's node themselves: no two parts explore one trace but where
 * both add a branch there (each explores it). */
typedef struct part_budget {
    int64_t first, split, total; /* started executions */
    uint64_t steps;
} part_budget;
wf_status part_plan_frontier(const program *p, const explore_opts *o,
                             size_t want, const part_budget *b,
                             const part_keep *keep, part_plan *out, wf_diag *d);
/* The schedule string of prefix c[0, n) for p under o (heap). */
char *part_prefix_string(const program *p, const explore_opts *o,
                         const choice *c, size_t n);
/* The status a halted planning search returns (part_plan_make turns it
 * into part_plan.stopped). */
wf_status part_plan_halted(wf_diag *d);
/* The dpor of part pt's search (siblings asleep, its gift copied). */
dpor *part_dpor(const part *pt);
/* Has y, the search of part pt, ended where its part ends? Then it is
 * complete (stopped at stop_at: the rest is the later parts'). */
void part_settle(const part *pt, explorer *y);
/* Tell the search of part pt what the steps of the siblings before its
 * picks touched (dpor_prefix_sibling), so they sleep there exactly as in
 * the single search (with dpor_prefix_siblings_done). */
void part_give_siblings(const part *pt, dpor *dp);
/* The shard (0 .. n-1) of each part: longest estimate first to the least
 * loaded shard (ties: the earlier part, the lower shard). The parts
 * planning ran (stop_at > 0) go to shard 0 and weigh nothing: every shard
 * ran them while planning, and shard 0 keeps their results (part_keep).
 * shard_of has one entry per part. Deterministic. */
void part_assign(const part_plan *pl, int n, int *shard_of);
/* Join y, the finished search of part k, into x (which started empty:
 * explore_new, never run). Call in part order. x->complete must start
 * true and x->bound at INT_MAX (part_join_init). */
void part_join_init(explorer *x);
void part_join(explorer *x, const explorer *y, size_t k);
/* The search of part pt, run with minimizing left to the end (o: the
 * part's options, prefix set, minimize false) as several searches (the
 * part's own and those of the nodes it gave away: dpor_donate), joined
 * into x in their order (part_join): minimize x's findings' witnesses as
 * the part's single search would (explore_minimize over the part's
 * prefix), running on program p with consumers cs (its checkers). */
void part_minimize(const program *p, const explore_opts *o, const part *pt,
                   explorer *x, consumer_set *cs);
/* After the last part: the bound over all parts; and a lock-order
 * inversion one part could only predict is dropped when another part's
 * deadlock holds every lock of its cycle (the single search confirms it
 * the same way). */
void part_join_finish(explorer *x);

#endif

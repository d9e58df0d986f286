/* explore.h: running a program many times under a strategy, and what the
 * executions found (SPEC sections 3 and 4).
 * Owns: the explorer (one engine, the strategy state, the distinct
 * findings and outcomes, all on the heap until explore_free).
 * Strategies here: replay, random, rr, dfs. Every execution starts from
 * scratch; its choice log is its schedule.
 * Invariants: 1. findings are distinct by signature, each keeping the
 *   schedule of the shortest execution that showed it (fewest choices,
 *   then fewest steps).  2. outcomes are distinct by (output, kinds). */
#ifndef WF_EXPLORE_H
#define WF_EXPLORE_H

#include "engine.h"
#include "dpor.h"
#include "program.h"
#include "schedule.h"

typedef struct explorer explorer;

/* Extra consumers (checkers, recorder) for every execution. */
typedef struct consumer_set {
    wf_consumer *v;
    int n;
} consumer_set;

/* A distinct finding over the executions. Strings are heap-owned. */
typedef struct xfinding {
    finding f;          /* strings below replace f's arena strings */
    char *message, *detail, *json, *task, *file, *schedule;
    int64_t count;
    uint64_t nchoices, steps;
    uint32_t preempts; /* of the kept witness */
    char *output;      /* the output of the execution that kept it */
    uint64_t cost;     /* steps the search had run when it first showed
                          it (the minimizer's budget scales with it) */
} xfinding;

/* Make to a copy of from, with strings of its own (to's are freed). */
void xfinding_copy(xfinding *to, const xfinding *from);

typedef struct xoutcome {
    char *output;
    char *kinds;
    int64_t count;
    char *schedule;
    uint64_t nchoices; /* steps of the kept witness */
} xoutcome;

typedef struct explore_opts {
    wf_strategy_kind strategy;
    uint64_t seed;
    const char *schedule; /* replay */
    /* dfs, dpor: explore only the executions that begin with this
     * schedule's choices (the search from the state they reach; weft
     * play's hints). NULL: all. --preemptions and the preemptions counted
     * (xfinding.preempts) are those after the prefix. A prefix the
     * program does not offer is a divergence (explore_run's error). */
    const char *prefix;
    int64_t max_executions;
    uint64_t max_steps;
    int preemptions; /* -1: unbounded */
    bool iterative;  /* dpor without a bound: rounds of bound 0, 1, ... */
    bool minimize;   /* simplify each finding's witness at the end */
    bool no_steer;   /* one execution asked for (run): never steer */
    int pct_depth;
    bool cond_any, spurious, mutex_fifo, time_loose;
    /* the timing search (dpor, no prefix, strict time): once the search
     * is complete, if the program started a Go sleep or timer of a
     * millisecond or more, a second search where each of them may end
     * early (engine_fires_early), which keeps only the data races it
     * finds (explore_timing). time_early: this explorer is that search */
    bool timing, time_early;
    uint64_t max_memory; /* engine_config.max_memory: 0 none */
    /* engine_config.halt: the search stops at the first execution it
     * halts (x->stopped); minimizing and steering run on until HALT_ALL */
    const atomic_int *halt;
    int halt_at; /* the level that stops the search; 0: HALT_SEARCH */
    size_t stack_size;
    /* called after each execution; returning true stops (time limit,
     * interrupt). NULL: never. It may read the explorer (progress). */
    bool (*should_stop)(void *ctx, const explorer *x);
    void *stop_ctx;
    /* a bit a finding kind: an error finding of one of them fails the
     * run (weft test), so the search stops once it has spent as much
     * again as finding the first one cost, and at least 1M steps
     * (x->failed): enough to count its executions and find what lies
     * near, then the report. 0: never */
    uint32_t fail_kinds;
    /* called after each execution with the engine still holding it (the
     * recorder, outcome printers). */
    void (*after_exec)(void *ctx, wf_engine *e, const char *schedule);
    void *after_ctx;
    /* called after each step of the search's executions (any strategy)
     * with what the step touched in e->acc (tid -1: timers fired); turns
     * the engine's access log on (partition.c's plan reads it). */
    void (*on_step)(void *ctx, wf_engine *e, int32_t tid);
    void *step_ctx;
} explore_opts;

struct explorer {
    explore_opts o;
    program prog;
    wf_engine *e;
    int64_t executions;
    uint64_t steps;
    uint64_t spent; /* cost of every execution it started (steps, and
                       bounded POR's walks back: dpor_work): the search's,
                       abandoned ones, samples, steering, minimizing */
    bool complete;
    int bound; /* preemption bound fully explored, -1 none */
    bool stopped; /* by should_stop */
    bool failed;  /* stopped after a failure (explore_opts.fail_kinds) */
    uint64_t cut; /* executions cut by --max-steps */
    uint64_t cut_timers; /* ... of them with timers pending (strict time:
                            goroutines kept running while others slept) */
    uint64_t cut_memory; /* executions cut by the memory budget */
    /* the consumers explore_run was given (copied: the caller's array may
     * be gone), for the steering executions after it: a recorder among
     * them must see every event of a witness it keeps */
    wf_consumer run_cs[16];
    int nrun_cs;
    uint32_t polls; /* task choices since should_stop was last asked */
    VEC(xfinding) findings;
    VEC(xoutcome) outcomes;
    char *last_output;
    char *last_schedule;
    exec_end last_end;
    /* replay */
    schedule replay;
    size_t replay_pos;
    char *diverged; /* replay divergence message, or NULL */
    /* random / pct */
    uint64_t rng[4];
    VEC(int64_t) prio;     /* pct: priority by tid */
    VEC(uint64_t) changes; /* pct: change points (task steps) */
    uint64_t pct_steps, pct_k;
    uint32_t preempts; /* of the current execution (after a prefix) */
    size_t prefix_len; /* choices of o.prefix */
    /* dpor */
    dpor *dp;
    uint64_t dp_counted; /* dpor_bytes already in the engine's mem_extra */
    uint64_t blocked; /* sleep-set-blocked executions abandoned */
    uint64_t deferred; /* executions stopped at a round's limit (a later
                          round runs them) */
    /* the portfolio beside the default search (explore.c): the sampler
     * deciding the current execution (1 + wf_strategy_kind, 0: none),
     * executions it ran and their steps; the search's steps */
    int sampling;
    uint64_t sampled, sample_steps, search_steps;
    uint64_t steered_past; /* executions run past the budget to confirm a
                              predicted deadlock (explore_steer.c) */
    int rounds_done; /* default search: the last round finished (its
                        preemption limit), -1 none */
    /* dfs: the choice stack of the current execution; the first
     * stack_floor entries are the forced prefix (never backtracked) */
    VEC(choice) stack;
    size_t depth, stack_floor;
    buf sbuf;
    bool sbuf_valid; /* sbuf holds the current execution's schedule */
    int round;       /* dpor: the preemption bound being explored, -1 */
    bool restart;    /* the program asked to start the search over */
    uint32_t restarts;
    const char *incomplete; /* program.incomplete's answer at the end */
    char *last_extra;       /* program.extra_get's when the search ended */
    /* steering toward a lock cycle (explore_steer) */
    bool (*steer_target)(void *ctx, const wf_obj *o);
    void *steer_ctx;
    VEC(int32_t) steer_first, steer_other; /* scratch of its choices */
    VEC(int32_t) others; /* at the bound after a yield: all but the yielder */
    /* minimizing a finding's witness: follow mz_prefix[0..mz_len), at
     * choice mz_force keep the running task, then run without preempting */
    bool minimizing;
    VEC(choice) mz_prefix;
    size_t mz_len, mz_pos, mz_force;
    bool mz_bad;
    VEC(uint32_t) mz_pre; /* choice indices that were preemptions */
    int64_t round_start; /* executions before this round */
    /* the timing search (explore_opts.timing): a long sleep or timer was
     * started; the executions the timing search ran, and whether it was
     * complete (timing_execs 0: it did not run) */
    bool late_seen;
    uint64_t timing_end; /* the timing search's: spent where it stops */
    int64_t timing_execs;
    bool timing_complete;
};

explorer *explore_new(const program *p, const explore_opts *o);
/* Run executions until the strategy is exhausted, a budget is reached or
 * should_stop says so. Consumers get every execution. Returns WF_OK, or
 * WF_ERR_INPUT (bad schedule: d says why). A replay that diverged leaves
 * x->diverged set. */
wf_status explore_run(explorer *x, consumer_set *cs, wf_diag *d);
void explore_free(explorer *x);
/* Free what finding f owns (its strings), not f itself. */
void explore_finding_fini(xfinding *f);
/* The schedule string of the engine's current execution. */
void explore_schedule_of(const explorer *x, const wf_engine *e, buf *out);
/* Steer toward a predicted deadlock (a potential-deadlock's lock cycle):
 * run up to `tries` seeded executions whose scheduler lets tasks take
 * their first lock of the cycle and holds back their second, so each ends
 * up holding one and waiting for the next. What they find is collected as
 * usual (a deadlock found confirms the prediction), within the execution
 * budget and the preemption bound; nothing after a stop. is_target says
 * which objects are the cycle's locks. Returns whether a deadlock was
 * found. */
bool explore_steer(explorer *x, consumer_set *cs,
                   bool (*is_target)(void *ctx, const wf_obj *o), void *ctx,
                   int tries);
/* Estimated executions left in the current search (or round), for a
 * progress line; negative when there is no estimate. */
double explore_estimate_left(const explorer *x);
/* Executions started, the reduction's abandoned ones included (what
 * --max-executions counts). */
int64_t explore_started(const explorer *x);
/* What a search cut by a budget covered, as a sentence (nothing when it
 * is complete): the preemption bound fully explored, the rounds of the
 * default search done, the executions left by the estimate, the
 * executions sampled beside it. */
void explore_coverage(const explorer *x, buf *out);
/* Exit status for what was found: 1 if an error finding (or, strict, any
 * finding), else 0. */
int explore_status(const explorer *x, bool strict);

#endif

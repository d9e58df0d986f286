/* report.h: findings and results as text and JSON (SPEC sections 3, 4).
 * Owns: nothing; appends to the caller's buf. */
#ifndef WF_REPORT_H
#define WF_REPORT_H

#include "sim/explore.h"

typedef struct report_info {
    const char *file;     /* the program ("philo.go", "./prog") */
    const char *command;  /* run, explore, outcomes, replay */
    const char *strategy; /* its name */
    const char *replay;   /* replay command prefix, before the schedule */
    double seconds;       /* real time taken (ui measures it) */
    bool one_execution;   /* run, replay: every finding is of the one
                             execution whose schedule follows them, so no
                             finding repeats it */
    int64_t executions;   /* executions explored, for "found in N of M"
                             (0 or 1: not said) */
} report_info;

/* The per-task counters of e's last execution (SPEC section 5): steps,
 * progress events, steps runnable but not scheduled, steps blocked,
 * bypasses (and the longest run of them), and Jain's fairness index over
 * the steps of the tasks that ran. As text, and as a JSON array. */
void report_metrics_text(buf *out, const wf_engine *e);
void report_metrics_json(buf *out, const wf_engine *e);
/* Task t's counters now, the open span of its state included (the engine
 * adds spans lazily: mid-execution, t->m lags). */
task_metrics report_task_metrics(const wf_engine *e, const wf_task *t);
/* The counters of the first max_tasks tasks, one line each under a header
 * line, then the fairness line (no indentation). O(tasks). */
void report_counters_text(buf *out, const wf_engine *e, size_t max_tasks);
/* The same as a JSON array of per-task objects (--metrics' fields). */
void report_counters_json(buf *out, const wf_engine *e, size_t max_tasks);
/* Jain's fairness index (sum x)^2 / (n sum x^2) of v[0, n): 1 when all
 * are equal, 1/n when one has everything; 1 when all are 0. */
double report_jain(const double *v, size_t n);
/* ... over the steps of e's tasks. */
double report_jain_steps(const wf_engine *e);
/* Longest schedule a text report prints whole. */
#define REPORT_SCHEDULE_MAX 4096
/* sched for a text report: whole up to REPORT_SCHEDULE_MAX characters,
 * else its head and its length (JSON and the database keep it whole). */
void report_schedule_text(buf *out, const char *sched);
/* The text report of one finding: "KIND: message", its detail lines
 * indented, "found in N of M executions" when more than one was explored,
 * and "replay: ..." */
void report_finding_text(buf *out, const xfinding *f, const report_info *r);
/* The findings f[0, n), those of one execution together and its replay
 * line once after them (none with r->one_execution), in the order of
 * each execution's first finding. */
void report_findings_text(buf *out, const xfinding *const *f, size_t n,
                          const report_info *r);
/* Every finding of x, as report_findings_text. */
void report_text(buf *out, const explorer *x, const report_info *r);
/* Outcomes as text (the outcomes command). */
void report_outcomes_text(buf *out, const explorer *x, const report_info *r);
/* The JSON object of one finding, as in --json's "findings". */
void report_finding_json(buf *out, const xfinding *f);
/* The one JSON object of --json. */
void report_json(buf *out, const explorer *x, const report_info *r);
/* Append s as a JSON string literal. */
void json_str(buf *out, const char *s);
/* An object's name for reports: the name the program gave it, or, for an
 * unnamed one, its kind and oid ("mutex#3", deterministic), in e->mem. */
const char *report_obj_name(wf_engine *e, const wf_obj *o);
/* The strategy's name as the command line spells it. */
const char *report_strategy_name(wf_strategy_kind k);

/* ---- a deadlock or a leak, as data ---------------------------------------
 * The deadlock checker fills a report_deadlock from the wait-for graph and
 * its bookkeeping; report_deadlock renders it as the detail lines and as
 * the JSON members tasks, objects and coffman. Pointers are into the
 * engine (tasks, objects, strings) and the caller's scratch, valid for
 * the call; the renderer reads the objects' state (obj_view) and their
 * classes' report hooks, nothing of the checker. */

/* What a blocked task waits for. */
typedef enum report_wait {
    REPORT_W_MUTEX,
    REPORT_W_RW_WRITE,
    REPORT_W_RW_READ,
    REPORT_W_ONCE,
    REPORT_W_CHAN,
    REPORT_W_NIL, /* a nil channel, or a select of nil channels only */
    REPORT_W_COND,
    REPORT_W_WG,
    REPORT_W_SLEEP,
    REPORT_W_OTHER
} report_wait;

/* How a waiter on a cond stands with its signals: woken by none since it
 * began to wait though a signal that woke nobody came before (LOST),
 * passed over by a Signal since (PASSED), or not signalled since
 * (NONE). */
enum { REPORT_COND_LOST, REPORT_COND_PASSED, REPORT_COND_NONE };

/* A lock a task holds, in object order: a lock, a read lock, or the
 * writer slot of an RWMutex whose writer waits for its readers; where it
 * was taken (file NULL: not known). An RWMutex may give a task two. */
enum { REPORT_HOLD_LOCK, REPORT_HOLD_READ, REPORT_HOLD_SLOT };
typedef struct report_hold {
    const wf_obj *obj;
    int kind;
    const char *file;
    int32_t line;
} report_hold;

/* A lock a task took and still holds, in acquisition order. */
typedef struct report_taken {
    const wf_obj *obj;
    bool read;
    const char *file;
    int32_t line;
} report_taken;

/* A lock the set waits for that a finished task left held: the task and
 * where it took the lock (file NULL: not known). */
typedef struct report_left {
    const wf_obj *obj;
    int32_t tid;
    bool read;
    const char *file;
    int32_t line;
} report_left;

/* A Signal or Broadcast (step 0: none). peer: the waiter a Signal woke,
 * -1. */
typedef struct report_signal {
    uint64_t step;
    int32_t tid, peer;
    bool broadcast;
    const char *file;
    int32_t line;
} report_signal;

/* The objects one task waits on, at most this many. */
#define REPORT_MAX_AWAITED 16

typedef struct report_dl_task {
    const wf_task *t;
    report_wait wait;
    int cond_state; /* REPORT_COND_*, for a cond wait */
    int nawaited;
    const wf_obj *awaited[REPORT_MAX_AWAITED];
    /* the tasks that hold what it waits for (a definite edge) */
    const int32_t *holders;
    size_t nholders;
    /* the live tasks that could complete its channel, cond or WaitGroup
     * operation (known for the first REPORT_MAX_TASKS and the cycle) */
    const int32_t *cands;
    size_t ncands;
    /* the first ncand_users of them used the object; the others (a
     * cond's) can reach it but have not used it yet */
    size_t ncand_users;
    const report_hold *holds;
    size_t nholds;
    const report_taken *taken;
    size_t ntaken;
} report_dl_task;

/* A cond the set waits on: its last signal and the last that woke no
 * one. */
typedef struct report_dl_cond {
    const wf_obj *cond;
    report_signal last, lost;
} report_dl_cond;

typedef struct report_deadlock {
    const report_dl_task *tasks; /* the deadlocked set, tids ascending */
    size_t ntasks;
    const int32_t *cycle; /* indexes into tasks, in cycle order */
    size_t ncycle;
    const wf_obj *const *objs; /* awaited or held by the set, oid order */
    size_t nobjs;
    const report_dl_cond *conds; /* in the order the set waits on them */
    size_t nconds;
    const report_left *left; /* awaited locks left held by ended tasks */
    size_t nleft;
    uint64_t partial_at; /* a leak first found as a partial deadlock: the
                            step it was; 0: not */
} report_deadlock;

/* Tasks the JSON lists, at most. */
#define REPORT_MAX_TASKS 1000

/* r as detail lines (into text) and as the JSON members "tasks",
 * "objects" and "coffman" (into json); either may be NULL. */
void report_deadlock_render(buf *text, buf *json, wf_engine *e,
                            const report_deadlock *r);
/* The message of a leak whose tasks wait only on time (a sleep, a
 * timer's channel): "g1 f still running when main returned (...)". */
void report_leak_on_time(buf *out, const report_deadlock *r);
/* The message of a partial deadlock (kind WF_DEADLOCK: "blocked forever
 * while other tasks run: g1 phil, g2 phil and 3 more") or of a leak
 * (WF_LEAK: "g1 worker, g2 worker blocked forever", with one_op, every
 * task blocked in the same op: "... in recv"). */
void report_deadlock_message(buf *out, wf_engine *e, const report_deadlock *r,
                             int kind, bool one_op);

/* ---- a lock-order cycle (potential-deadlock), as data --------------------
 * The lock-order checker gives the cycle's edges in the order they are
 * printed (from the lock that comes first by name); the renderer writes
 * the message, the detail lines and the JSON members tasks, objects,
 * cycle and confirmed. Names are the locks' report names. */
typedef struct report_lo_edge {
    const char *task;      /* the task's name */
    const char *from, *to; /* the lock held, the lock it took */
    int from_kind;         /* the held lock's object kind */
    bool hread, read;      /* from held for reading; to read-locked */
    const char *file, *hfile; /* where to and from were taken (NULL: not
                                 known) */
    int32_t line, hline;
    bool earlier; /* first seen in an earlier execution */
} report_lo_edge;

typedef struct report_lockorder {
    const report_lo_edge *edges; /* n == 1: a recursive read lock */
    size_t n;
} report_lockorder;

/* r as the message (msg), the detail lines (text) and the JSON members
 * (json); any may be NULL. */
void report_lockorder_render(buf *msg, buf *text, buf *json,
                             const report_lockorder *r);

/* ---- a livelock (or the leak of tasks spinning after main returned) ---- */
typedef struct report_livelock {
    const int32_t *tids;   /* the spinning tasks */
    const uint64_t *steps; /* the steps each took in the cycle (proven) or
                              the quiet stretch (suspected) */
    size_t n;
    bool after_main;       /* main had returned: a leak */
    uint64_t cycle_from;   /* proven: the step after which the repeated
                              state was first seen */
    uint64_t cycle_len;    /* proven: the cycle's steps; 0: suspected */
    uint64_t quiet_since;  /* the step of the last progress event */
    uint64_t window;       /* W; the finding is at e->step */
} report_livelock;

/* Tasks a liveness finding lists (spinning tasks, counters), at most. */
#define REPORT_LIVENESS_TASKS 32

/* r as the message, the detail lines and the JSON members tasks and
 * livelock; any of the three may be NULL. */
void report_livelock_render(buf *msg, buf *text, buf *json, wf_engine *e,
                            const report_livelock *r);

/* ---- a starvation, as data ----------------------------------------------- */
typedef enum report_starve {
    REPORT_STARVE_BYPASS, /* passed over at a lock more than limit times */
    REPORT_STARVE_SHARE   /* below a tenth of its fair share of progress */
} report_starve;

typedef struct report_starvation {
    const wf_task *t;
    report_starve reason;
    const wf_obj *obj; /* bypass: the lock it waits for; share: NULL */
    uint64_t bypasses, limit;          /* bypass */
    uint64_t window, progress, ntasks, total; /* share: the window ending
                                                 at e->step, t's progress
                                                 in it, the tasks sharing
                                                 it and their sum */
} report_starvation;

/* r as the message, the detail lines (what t waits for and every task's
 * counters) and the JSON members tasks, objects and starvation; any of
 * the three may be NULL. */
void report_starvation_render(buf *msg, buf *text, buf *json, wf_engine *e,
                              const report_starvation *r);

/* ---- a data race, as data -------------------------------------------------
 * The race checker gives both accesses in its words (what each task did,
 * from its sync log) and why they are not ordered; the renderer writes
 * the message, the detail lines and the JSON members tasks and objects. */
typedef struct report_race_access {
    int32_t tid;
    const char *task; /* its name */
    const char *what; /* "writes x", "calls Add on wg, its counter leaving
                         zero" */
    const char *noun; /* the JSON's access: write, read, close, send */
    uint64_t step;
    const char *file; /* NULL: not known */
    int32_t line;
} report_race_access;

typedef struct report_race {
    const wf_obj *obj;
    const char *name; /* the object's report name */
    bool chan;        /* a close racing with a send */
    report_race_access a[2]; /* the earlier access first */
    const char *why;  /* why they are not ordered */
} report_race;

/* r as the message, the detail lines and the JSON members; any of the
 * three may be NULL. */
void report_race_render(buf *msg, buf *text, buf *json, const report_race *r);

#endif

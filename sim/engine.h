/* engine.h: one execution of a program on the deterministic scheduler.
 *
 * Owns: wf_engine and, per execution, its tasks, objects, timers, events'
 * transient data, output and findings, all in e->mem (emptied by
 * engine_reset). Borrows the strategy and the consumers for an execution.
 *
 * The model (DESIGN.md): every live task exposes its next visible
 * operation, the *pending op* (task->op). The scheduler picks an enabled
 * task (a *choice*), performs its op on the objects (chan.c, mutex.c, ...),
 * emits events to the consumers, and resumes the task (through its driver:
 * a native C stack or the VM) until it exposes its next op.
 *
 * Two kinds of blocking, as in Go's runtime:
 *  - park: the op was performed but cannot complete (a receive on an empty
 *    channel, Wait on a non-zero WaitGroup, Sleep). The task is
 *    TASK_BLOCKED and linked into the object's wait queue through a waiter
 *    in its op record; another task's op completes it (engine_complete),
 *    after which the engine resumes it.
 *  - guard: the op is not yet enabled (Lock of a held mutex in --mutex free
 *    mode, the relock after a Cond wake). The task is TASK_BLOCKED until the
 *    object calls engine_set_enabled; the op is performed when scheduled.
 *
 * Invariants (engine_check):
 *  1. Every task is TASK_RUNNABLE, TASK_BLOCKED or TASK_DONE; between steps
 *     every live task has a pending op (op.kind != OP_NONE).
 *  2. The enabled bitset holds exactly the TASK_RUNNABLE tids; nenabled
 *     counts them.
 *  3. A parked task's waiters are linked in the queues of the objects it
 *     waits on and nowhere else; a completed task's waiters are unlinked.
 *  4. e->now_ns never decreases; it moves only when no task is runnable
 *     but for spurious wakeups (then firing the timers is a choice).
 */
#ifndef WF_ENGINE_H
#define WF_ENGINE_H

#include <setjmp.h>
#include <stdatomic.h>

#include "util.h"
#include "weft.h"

#include "ops.h"
#include "events.h"

typedef struct wf_engine wf_engine;
typedef struct wf_task wf_task;

/* How a front end runs its tasks. resume runs t until it has stored its
 * next pending op in t->op (or OP_EXIT when its function returned), then
 * returns. start prepares a new task (driver data in t->drv_data); release
 * frees what start took when the execution ends. */
typedef struct task_driver {
    const char *name;
    void (*start)(wf_engine *e, wf_task *t, void *arg);
    void (*resume)(wf_engine *e, wf_task *t);
    void (*release)(wf_engine *e, wf_task *t);
    /* A runtime panic of an op that Go lets recover() catch (send on a
     * closed channel, close of a nil or closed channel, a negative
     * WaitGroup counter) is raised in the task by the driver, which
     * unwinds its deferred calls (t->raised); false: the panic ends the
     * execution at once (C tasks). */
    bool raises;
} task_driver;

/* A pending timer: a sleep to finish, or a channel to fire (front end). */
typedef struct timer {
    int64_t when;
    uint64_t seq; /* creation order: ties are a choice, then seq */
    wf_task *task; /* sleep: the sleeper; else NULL */
    void (*fire)(struct wf_engine *e, struct timer *tm); /* non-sleep */
    void *data;
    int32_t heap_pos; /* -1 when not pending */
    /* --time loose, a ticker feeding a channel (chan's early): 1 + the tid
     * that took its last early tick, 0 none. While held it gives that task
     * no early tick: real time must pass first, so another task steps (or
     * every task blocks and the clock moves). Without it a loop on a
     * ticker never blocks and starves every other task. */
    int32_t held_by;
    /* the channel it feeds (a Go timer or ticker), or NULL; ticker: it
     * re-arms at each fire, so a fire into its full channel changes
     * nothing but the clock */
    struct wf_chan *ch;
    bool ticker;
    bool late; /* a Go timer of WF_TIME_GRAIN_NS or more: it ends early
                  only in the timing search (engine_fires_early) */
} timer;

/* Per-task counters (SPEC section 5), kept lazily: a task's runnable and
 * blocked spans are added when its state changes, so no step scans tasks. */
typedef struct task_metrics {
    uint64_t steps;    /* steps this task took */
    uint64_t progress; /* progress events */
    uint64_t waits;    /* steps runnable but not scheduled */
    uint64_t blocked;  /* steps spent blocked */
    uint64_t bypasses; /* grants of a resource to others while waiting */
    uint64_t max_bypass_streak;
} task_metrics;

struct wf_task {
    int32_t tid;
    uint8_t state;           /* task_state */
    bool main_task;          /* tid 0 */
    int32_t parent;          /* spawning tid, -1 for main */
    const char *fname;       /* function name ("main", "phil") */
    const char *name;        /* display name: "g3 phil", "main" */
    uint64_t spawn_step;     /* step of the spawn */
    uint64_t end_step;       /* step it exited (or 0) */
    uint64_t since;          /* step its current state began */
    uint64_t wait_grants;    /* the awaited object's grant count at wait */
    op op;                   /* the pending op */
    const task_driver *drv;
    void *drv_data;          /* native context or VM goroutine */
    task_metrics m;
    waiter cond_w;           /* its ticket in a cond's queue */
    bool cond_notified;      /* its cond ticket was signalled */
    timer *sleep_timer;      /* its pending sleep, in e->mem */
    wf_task *resume_next;    /* link in e->resume list */
    bool in_resume;
    bool overflowed;         /* its native stack overflowed */
    const char *raised;      /* a recoverable panic of its last op, for
                                the driver to raise on resume (e->mem) */
    void *scratch;           /* C API: a pending op's large arguments */
    size_t scratch_cap;      /* (select cases, long print text), e->mem */
    /* the await check (await.c): its history, NULL until it has one;
     * awaiting: blocked until an object it polls is written */
    struct task_await *aw;
    bool awaiting;
    bool polled; /* its last step was a poll (await.c) */
};

/* A consumer of the event stream (checkers, recorder, metrics). Any
 * callback may be NULL. step_end runs after each step once every task it
 * woke has exposed its next op, so the engine state is consistent there
 * (events are emitted mid-step); the deadlock checker decides partial
 * deadlocks at that point. */
typedef struct wf_consumer {
    void *ctx;
    void (*begin)(void *ctx, wf_engine *e);       /* execution starts */
    void (*event)(void *ctx, wf_engine *e, const wf_event *ev);
    void (*end)(void *ctx, wf_engine *e);         /* execution ended */
    void (*step_end)(void *ctx, wf_engine *e);    /* a step is complete */
    /* the event kinds event takes, bit 1 << ev_op; 0: every kind. The
     * engine calls it with no other (a channel ping-pong's reads and
     * blocks reach neither the deadlock, lock-order nor liveness
     * checker) */
    uint64_t ops;
} wf_consumer;


/* A strategy decides choices. choose returns an index into alts[0..n),
 * n >= 1, alts ascending. It may return -1 to abandon the execution (a
 * replay that diverged, a budget). */
typedef struct wf_strategy {
    void *ctx;
    int (*choose)(void *ctx, wf_engine *e, choice_kind kind, int n,
                  const int32_t *alts);
    /* optional: after each step (and the resumptions it caused), with the
     * step's accesses in e->acc and completed tasks in e->woken; tid is -1
     * for a timer firing. */
    void (*after_step)(void *ctx, wf_engine *e, int32_t tid);
} wf_strategy;

/* One recorded choice. Only choices with n >= 2 are recorded. */
typedef struct choice {
    uint32_t n, idx;
    uint64_t step;
    uint8_t kind;
} choice;

/* Finding kinds follow wf_finding_kind of weft.h. */
#define FINDING_KINDS 8
extern const char *const finding_kind_names[FINDING_KINDS];

/* A finding of one execution, in e->mem. detail is free text (for
 * deadlocks the Coffman report), the signature identifies it across
 * executions. */
typedef struct finding {
    uint8_t kind; /* wf_finding_kind */
    bool error;
    bool partial; /* deadlock: a blocked set, not all tasks */
    uint64_t step;
    int32_t tid; /* the task that triggered it, or -1 */
    const char *message;
    const char *detail; /* multi-line report body (may be NULL) */
    const char *json;   /* extra JSON members ("\"coffman\": {...}") or NULL */
    const char *file;
    int32_t line;
    uint64_t sig;
} finding;

/* Why an execution ended. */
typedef enum exec_end {
    END_NONE,
    END_DONE,      /* every task exited or is blocked forever after main */
    END_DEADLOCK,  /* no task can run, no timer, main has not returned */
    END_PANIC,     /* a panic or failed assertion */
    END_MAX_STEPS, /* cut by --max-steps */
    END_ABANDONED, /* the strategy gave up (replay diverged, budget) */
    END_LIVELOCK,  /* a checker proved a livelock (a non-progress cycle) */
    END_HALTED,    /* stopped from outside: an interrupt, the time limit */
    END_MEMORY,    /* cut by the memory budget (engine_config.max_memory) */
    END__COUNT
} exec_end;
/* "done", "deadlock", ..., "max-steps", "interrupted", "max-memory": the
 * runs.end_reason of an execution (SPEC section 9). */
extern const char *const exec_end_names[END__COUNT];

/* Levels of the halt word (engine_config.halt), which ui/ writes from a
 * signal handler or a timer while an execution runs: the engine reads it
 * before every step and the VM at backward jumps and calls, so a stop
 * costs a load where the step counter is tested, never a clock read. */
enum {
    HALT_NONE = 0,
    HALT_SEARCH = 1, /* the time limit: stop searching; finishing work
                        (minimizing, confirming, recording) may still run */
    HALT_ALL = 2     /* Ctrl-C, SIGTERM, or the finishing time is out:
                        stop everything now */
};

/* Semantics switches and limits for executions. */
typedef struct engine_config {
    bool cond_order_any;
    bool spurious_wakeups;
    bool mutex_fifo;
    bool time_loose;
    /* the timing search (explore.h): every Go sleep, timer, ticker and
     * AfterFunc may end early, whatever its length, the clock moving to
     * its deadline (engine_fires_early) */
    bool time_early;
    uint64_t max_steps;
    /* the memory budget: bytes of per-execution memory (the arena, which
     * holds the VM's heap, goroutine stacks and every object) an
     * execution may take before it is cut (END_MEMORY); 0: none */
    uint64_t max_memory;
    /* the halt word (HALT_*), written asynchronously by ui/; the
     * execution ends (END_HALTED) before the first step at which it is
     * >= halt_at. NULL: never. Borrowed. */
    const atomic_int *halt;
    int halt_at; /* 0 is taken as HALT_SEARCH */
    size_t stack_size;
    uint64_t prog_seed; /* math/rand stream */
} engine_config;

/* What the engine and the checkers may ask of a front end, all optional
 * (zeroed: a C program, SPEC section 7). The engine calls them with ctx
 * and knows nothing else of the front end; the Go VM installs them at
 * each execution's start (vm_task.c). */
typedef struct engine_frontend {
    void *ctx; /* the front end's, for every hook */
    /* the deadlock checker's question: can a task outside a blocked set
     * reach object o? NULL: assume it can. */
    bool (*can_reach)(void *ctx, wf_engine *e, wf_task *t, wf_obj *o);
    /* The same question for many objects at once (optional): set in
     * bits[0, words) the bit of every engine object (by oid) task t can
     * reach, t NULL meaning the package variables and pending timers.
     * fresh starts a new union: later calls skip what earlier ones since
     * the last fresh call walked, so a union over all live tasks costs one
     * walk of what they reach together. */
    void (*reach_mark)(void *ctx, wf_engine *e, wf_task *t, bool fresh,
                       uint64_t *bits, size_t words);
    /* A cheap part of can_reach (optional): true only if task t surely
     * reaches o, looking at most *budget values from its stack and
     * frames (each look takes one from *budget); false: not known. */
    bool (*near_reach)(void *ctx, wf_engine *e, wf_task *t, wf_obj *o,
                       int *budget);
    /* the event value of a value a channel carries (an id, never an
     * address: events must not depend on the process); NULL means v.i.
     * For the Go front end, whose values hold pointers. */
    int64_t (*event_value)(void *ctx, const wf_value *v);
    /* the canonical hash of the global state (tasks' frames, the heap
     * they reach, the engine objects met), for the livelock check's
     * repeated states; NULL when the front end cannot walk its tasks
     * (C). */
    uint64_t (*state_hash)(void *ctx, wf_engine *e);
    /* the source position of machine address pc in the program's code,
     * looked up as a return address (the instruction before pc): a
     * crash's site (C programs); false when pc is the front end's own
     * code (a crash there is weft's internal error, not the program's
     * panic); NULL: not known */
    bool (*fault_site)(void *ctx, uintptr_t pc, const char **file,
                       int32_t *line);
    /* a global deadlock's message in the program's words ("all threads
     * are asleep" in C); NULL: Go's "all goroutines are asleep" */
    const char *all_asleep;
    /* main ended without ending the program (Go's runtime.Goexit in
     * main), then every other task returned: the deadlock's message
     * (Go's "no goroutines (main called runtime.Goexit)"); NULL: the
     * program then ends normally (C's pthread_exit in main) */
    const char *main_gone;
    /* a cond's signal, broadcast and wait in the program's words
     * (COND_SIGNAL...; "signal" in C); NULL: Go's "Signal", ... */
    const char *const *cond_words;
    /* the program has progress markers (SPEC 5: then only they count as
     * progress), known statically */
    bool progress_marked;
    /* the hash of task t's own state (its frames and what they reach,
     * its count of clock reads), for the await check (await.c); 0 when
     * it cannot be had cheaply. NULL: no await check (C programs, which
     * have their own: sim/posix/verifier.c). */
    uint64_t (*task_hash)(void *ctx, wf_engine *e, wf_task *t);
} engine_frontend;

/* The per-thread native context cache lives in native.c; the engine keeps
 * a pointer to its own stack pool. */
typedef struct native_pool native_pool;

struct wf_engine {
    arena mem; /* per execution; emptied by engine_reset() */
    engine_config cfg;
    /* tasks, by tid */
    VEC(wf_task *) tasks;
    int32_t nlive;        /* tasks not TASK_DONE */
    VEC(int32_t) live;    /* their tids, ascending: a per-step walk of the
                             live tasks costs nothing for the ended ones
                             (grpc#3017: a thousand short-lived goroutines) */
    uint64_t *enabled;    /* bitset of TASK_RUNNABLE tids */
    size_t enabled_words; /* capacity in 64-bit words */
    int32_t nenabled;
    int32_t nspurious; /* of them, cond waiters whose only move is a
                          spurious wakeup (--spurious-wakeups) */
    wf_task *cur;          /* the task being resumed or performing */
    int32_t last_tid;      /* the task of the previous step, -1 at start */
    bool last_polite;      /* that step was a yield the program asked for */
    wf_task *resume_head;  /* tasks to resume after this step, in order */
    wf_task **resume_tail;
    uint8_t phase;         /* engine_phase: what the resumptions finish */
    int32_t phase_tid;     /* PHASE_STEP: the task of the step */
    wf_task *handoff;      /* a driver ran the engine on (handed_off):   */
    bool handed_off;       /* the next task to resume, NULL at the end   */
    /* objects, by oid */
    VEC(wf_obj *) objs;
    VEC(uint64_t) site_keys; /* open addressing: (kind, name, site) hash */
    VEC(int32_t) site_counts;
    size_t nsites;
    /* time */
    int64_t now_ns;
    VEC(timer *) timers; /* binary min-heap on (when, seq) */
    VEC(timer *) held;   /* --time loose: tickers held (timer.held_by) */
    uint64_t timer_seq;
    uint64_t wait_seq; /* arrival order of waiters */
    /* the execution */
    uint64_t step;
    exec_end end;
    bool main_done;
    /* main returned: the latest deadline then pending; the timers due by
     * it still fire, later ones only while grace_left lasts (engine_next) */
    int64_t grace_ns;
    /* main returned: how many more times the horizon may move on to the
     * next deadline once every task is blocked (one per task then live) */
    int32_t grace_left;
    /* the timing search (cfg.time_early): the first sleep or timer of
     * WF_TIME_GRAIN_NS or more that ended early in this execution, NULL
     * none; late_seen: a Go sleep or timer that long was started (a
     * search without it has no timing search to run) */
    const char *timing_file;
    int32_t timing_line;
    bool late_seen;
    bool stop; /* end the execution after this step */
    /* engine_must_stop's view of cfg: never NULL, never 0 */
    const atomic_int *halt;
    int halt_at;
    size_t mem_limit; /* cfg.max_memory, or SIZE_MAX */
    /* per-execution memory besides the arena and the choices, that its
     * holders (the reduction, the checkers) report for the budget: each
     * adds its growth and takes back what it frees; 0 at each reset */
    uint64_t mem_extra;
    VEC(choice) choices;
    VEC(int32_t) alts; /* scratch for choose */
    /* scratch of an object's inner choice (partners, tickets, timers due):
     * its candidates and their tids, as many as there are (no cap) */
    VEC(void *) cands;
    VEC(int32_t) cand_alts;
    VEC(timer *) due; /* scratch of fire_timers: the timers due now */
    VEC(wf_task *) idlers; /* in synctest.Wait (OP_SLEEP idle), by arrival:
                              woken one at a time when no task can run,
                              before any timer fires */
    buf out;           /* program output of this execution */
    VEC(finding) findings;
    uint64_t prog_hash; /* program identity, part of schedules */
    uint64_t rng_state[4]; /* math/rand stream */
    /* borrowed for the execution */
    wf_strategy *strategy;
    wf_consumer *consumers;
    int nconsumers;
    /* of them, those with an event callback, by the event kinds they
     * take (ev_cons[ev_first[op] .. ev_first[op + 1]) for op), and those
     * with a step_end one, in order (engine_run): an event calls no NULL
     * and no consumer that ignores it */
    VEC(wf_consumer) ev_cons, step_cons;
    uint32_t ev_first[EV__COUNT + 1];
    /* the front end's hooks (NULL for C programs), set at each
     * execution's start by the front end */
    engine_frontend fe;
    uint64_t reach_work; /* values the reach hooks walked so far: their cost */
    native_pool *natives; /* native stacks, kept across executions */
    /* partial-order reduction: what the current step touched, logged only
     * when track is set (one branch otherwise) */
    bool track;
    VEC(acc_rec) acc;
    VEC(int32_t) woken; /* tasks whose parked op this step completed */
    const char *abandon_reason;
    struct await_exec *aw; /* the await check's (await.c), in mem, or NULL */
};

/* What engine_next finishes once the queued resumptions are over. */
typedef enum engine_phase {
    PHASE_NONE,   /* nothing: the first resumption of main */
    PHASE_STEP,   /* a task's step (phase_tid) */
    PHASE_TIMERS  /* the firing of timers */
} engine_phase;

/* What performing an op did to the task that performed it. */
typedef enum step_result {
    STEP_DONE,    /* the op completed: the task runs on */
    STEP_PARKED,  /* the task is parked until another task completes it */
    STEP_PANICKED, /* a panic was recorded: the execution ends */
    STEP_EXITED    /* main returned (OP_EXIT): the task is done */
} step_result;

/* Accesses a pending op may make (the reduction's signatures). */
typedef VEC(acc_rec) acc_vec;

/* An object's state as checkers and reports read it (obj_class.view):
 * data, so that no one outside the object's file reads its struct. A
 * field the kind lacks keeps obj_view_of's default (NULL, 0, -1). */
typedef struct obj_view {
    const wf_task *holder;  /* a locked mutex's holder; an RWMutex's writer
                               once it holds the lock */
    const wf_task *writer;  /* an RWMutex's writer slot: holding, or
                               waiting for the readers to leave */
    const int32_t *readers; /* an RWMutex's read holders (tids, with
                               repeats) */
    int32_t nreaders;
    int32_t runner;  /* a Once: the tid running its function, -1 */
    int64_t counter; /* a WaitGroup's counter */
    int64_t cap, len; /* a channel's buffer: capacity, values in it */
    bool closed;      /* a channel */
    bool join;        /* a WaitGroup that is a thread's end (pthread_join) */
    int32_t joined;   /* ... the tid whose end it is, else -1 */
} obj_view;

/* How a report spells objects and tasks, for the classes' report hooks
 * (the checker that writes the report fills it in: checker/report.c's
 * object names; a task's full name, or its short one in a summary). */
typedef struct report_names {
    wf_engine *e;
    const char *(*obj)(wf_engine *e, const wf_obj *o);
    void (*task)(buf *b, wf_engine *e, int32_t tid);
} report_names;

/* What an event on an object does to happens-before, as Go's runtime
 * marks it inside chan.go and sync (raceacquire, racerelease, race.Read
 * of a WaitGroup's semaphore): obj_class.hb_marks says it, the race
 * checker applies the marks in order. An object has three clocks: its
 * main one, its readers' (an RWMutex's RUnlocks), its close (a
 * channel's). */
typedef enum hb_op {
    HB_ACQUIRE,   /* the task takes what the object's clock holds */
    HB_RELEASE,   /* the object's clock takes the task's */
    HB_READ,      /* a read of the object's own history (a send, an Add
                     from zero reading a WaitGroup's semaphore) */
    HB_WRITE,     /* a write of it (a close) */
    HB_PARK,      /* a Wait parks: the first parked waiter writes the
                     semaphore */
    HB_UNPARK,    /* a parked waiter is released: it acquires */
    HB_ALIAS,     /* an access of the plain variable the object shadows
                     (obj_alias; a write when the event is EVF_WRITE) */
    HB_ALIAS_WRITE, /* a write of it as an atomic (a Mutex's Lock and
                       Unlock write its state word: not racing with each
                       other, racing with a copy of the Mutex) */
    HB_TRANSFER,  /* a channel's value moves: by buffer slot, or a
                     rendezvous with the peer */
    HB_HOLD,      /* the task holds the lock now (read: read-held) */
    HB_DROP       /* ... no longer */
} hb_op;
typedef enum hb_clock { HB_MAIN, HB_READERS, HB_CLOSE } hb_clock;
typedef struct hb_mark {
    uint8_t op;    /* hb_op */
    uint8_t clock; /* hb_clock, for ACQUIRE and RELEASE */
    bool read;     /* HOLD, DROP: a read lock */
    bool chan;     /* READ, WRITE: a channel's history (its reports) */
} hb_mark;
#define HB_MARKS_MAX 4
static inline int hb_push(hb_mark *out, int n, hb_op what, hb_clock c)
{
    hb_mark m = {(uint8_t)what, (uint8_t)c, false, false};
    out[n] = m;
    return n + 1;
}

/* An object class: what one kind of object is to the engine, the
 * reduction and the checkers, defined in that object's own file
 * (chan.c: chan_class), as Lua's and SQLite's vtables are. Nobody outside
 * the object's file reads its struct: they ask its class. Every hook but
 * name and perform may be NULL (the default follows each one). */
typedef struct obj_class {
    obj_kind kind;
    const char *name; /* obj_kind_names[kind] */
    /* t stored a pending op of this class: decide whether it is enabled
     * (engine_set_state), link it where the object keeps its waiters.
     * NULL: runnable at once. */
    void (*expose)(wf_engine *e, wf_task *t);
    /* Perform t's pending op (e->cur is t). */
    step_result (*perform)(wf_engine *e, wf_task *t);
    /* Would pending op o panic if performed now (a send on a closed
     * channel, an unlock of a free mutex)? NULL: never. */
    bool (*would_panic)(const op *o);
    /* Push onto out the accesses pending op o may make when performed:
     * its dependence with other ops (acc_type says which pairs commute),
     * for the reduction's races. NULL: one ACC_WRITE of o->obj. */
    void (*pending)(const op *o, acc_vec *out);
    /* Could pending op o touch object oid at all (a cheap filter before
     * pending)? NULL: o->obj is oid. */
    bool (*touches)(const op *o, int32_t oid);
    /* How many holds of lock o task t has (a mutex: 0 or 1; an RWMutex:
     * its write lock and read locks). NULL: never held. */
    int (*holds)(const wf_obj *o, const wf_task *t);
    /* The queue of tasks waiting to acquire lock o (a mutex's lockers,
     * an RWMutex's writers), in arrival order. NULL: none. */
    const waitq *(*lockers)(const wf_obj *o);
    /* The plain variable (its oid) every op of o also accesses: an atomic
     * on an ordinary variable (atomic.h's shadow). NULL: none. */
    int32_t (*alias)(const wf_obj *o);
    /* The capacity of a buffered object (a channel's buffer), else 0.
     * NULL: 0. */
    int64_t (*capacity)(const wf_obj *o);
    /* Fill in o's state (obj_view). NULL: nothing to tell. */
    void (*view)(const wf_obj *o, obj_view *out);
    /* The object's invariants (its header's list), for engine_check
     * under WF_DEBUG. NULL: none. */
    bool (*check)(const wf_engine *e, const wf_obj *o);
    /* What task t, blocked in its pending op of this class, waits for,
     * as a report says it after the task's name ("waits for mu held by
     * g2 worker", "waits to receive from done"), appended to b. Returns
     * the verb of the clause the deadlock report adds on who could end
     * the wait ("complete": ", which no other task could complete"), or
     * NULL for none. NULL hook: "is blocked in OP". */
    const char *(*wait_phrase)(const report_names *n, const wf_task *t,
                               buf *b);
    /* Why object o, held now, excludes others, as a deadlock report's
     * mutual-exclusion line says it ("rw is held for reading by g1, g2");
     * appends it to b (task names short) and returns true, or false when
     * o excludes no one now. NULL hook: a lock (holds) is "held by one
     * task", said once for all such locks; any other object, nothing. */
    bool (*excl_phrase)(const report_names *n, const wf_obj *o, buf *b);
    /* The happens-before marks event ev on an object of this class makes,
     * into out (at most HB_MARKS_MAX); returns how many. NULL: none. */
    int (*hb_marks)(const wf_event *ev, hb_mark *out);
} obj_class;

/* The class of each kind of object, and of the object an op kind acts on
 * (NULL: a task-level op, the engine's own: spawn, print, sleep...). */
extern const obj_class *const obj_classes[OBJ__COUNT];
extern const obj_class *const op_classes[OP__COUNT];
static inline const obj_class *obj_class_of(const wf_obj *o)
{
    return obj_classes[o->kind];
}
static inline const obj_class *op_class(const op *o)
{
    return op_classes[o->kind];
}
/* The defaults of the optional hooks, for the engine and its consumers. */
static inline bool op_would_panic(const op *o)
{
    const obj_class *c = op_class(o);
    return c && c->would_panic && c->would_panic(o);
}
static inline void acc_push(acc_vec *out, const wf_obj *o, acc_type t)
{
    if (o) {
        acc_rec a = {o->oid, (uint8_t)t, 0, 0, 0};
        VEC_PUSH(*out, a);
    }
}
/* A buffered channel's enqueue or dequeue (ACC_ENQ, ACC_DEQ) at buffer
 * length len of capacity cap. */
static inline void acc_push_queue(acc_vec *out, const wf_obj *o, acc_type t,
                                  int64_t len, int64_t cap)
{
    acc_rec a = {o->oid, (uint8_t)t, 0, cap, len};
    VEC_PUSH(*out, a);
}
static inline void acc_push_add(acc_vec *out, const wf_obj *o, int64_t delta,
                                int64_t before, uint8_t flags)
{
    acc_rec a = {o->oid, ACC_ADD, flags, delta, before};
    VEC_PUSH(*out, a);
}
static inline void op_pending(const op *o, acc_vec *out)
{
    const obj_class *c = op_class(o);
    if (c && c->pending)
        c->pending(o, out);
    else
        acc_push(out, o->obj, ACC_WRITE);
}
static inline bool op_touches(const op *o, int32_t oid)
{
    const obj_class *c = op_class(o);
    if (c && c->touches)
        return c->touches(o, oid);
    return o->obj && o->obj->oid == oid;
}
static inline int obj_holds(const wf_obj *o, const wf_task *t)
{
    const obj_class *c = obj_class_of(o);
    return c->holds ? c->holds(o, t) : 0;
}
/* Whether o is a lock (it can be held). */
static inline bool obj_is_lock(const wf_obj *o)
{
    return obj_class_of(o)->holds != NULL;
}
static inline const waitq *obj_lockers(const wf_obj *o)
{
    const obj_class *c = obj_class_of(o);
    return c->lockers ? c->lockers(o) : NULL;
}
static inline int32_t obj_alias(const wf_obj *o)
{
    const obj_class *c = obj_class_of(o);
    return c->alias ? c->alias(o) : -1;
}
enum { COND_SIGNAL, COND_BROADCAST, COND_WAIT };
/* A cond's operation k (COND_SIGNAL...) as the program's language names
 * it in reports. */
static inline const char *cond_word(const wf_engine *e, int k)
{
    static const char *const go[] = {"Signal", "Broadcast", "Wait"};
    return e->fe.cond_words ? e->fe.cond_words[k] : go[k];
}

static inline obj_view obj_view_of(const wf_obj *o)
{
    const obj_class *c = obj_class_of(o);
    obj_view v = {NULL, NULL, NULL, 0, -1, 0, 0, 0, false, false, -1};
    if (c->view)
        c->view(o, &v);
    return v;
}
/* What a task blocked in an op with no phrase of its own waits for, as a
 * report says it (obj_class.wait_phrase's default). */
static inline void op_blocked_phrase(const op *o, buf *b)
{
    buf_printf(b, "is blocked in %s", op_kind_names[o->kind]);
}
static inline int64_t obj_capacity(const wf_obj *o)
{
    const obj_class *c = obj_class_of(o);
    return c->capacity ? c->capacity(o) : 0;
}

/* Lifecycle. engine_new never fails. */
wf_engine *engine_new(const engine_config *cfg);
void engine_free(wf_engine *e);
/* Empty the execution state (tasks, objects, timers, findings, output),
 * keeping capacity. */
void engine_reset(wf_engine *e);

/* Run one execution: create main with driver drv and arg, then step until
 * the end. strategy and consumers are borrowed. Returns how it ended. */
exec_end engine_run(wf_engine *e, const task_driver *drv, void *arg,
                    const char *main_name, wf_strategy *s,
                    wf_consumer *consumers, int nconsumers);

/* The loop of engine_run, in two halves a driver may also call from a
 * task's own stack (native.c does, to switch from task to task without
 * the scheduler's stack in between):
 *  - engine_next: finish the current step, take and perform the next
 *    ones, until a task must be resumed: returns it (e->cur, its op
 *    cleared), or NULL when the execution is over.
 *  - engine_resumed: that task stored its next op; expose it.
 * A driver's resume that ran the engine on itself sets handed_off and
 * leaves the task engine_next returned in handoff (NULL: the end); else
 * engine_run calls engine_resumed(e, e->cur). */
wf_task *engine_next(wf_engine *e);
void engine_resumed(wf_engine *e, wf_task *t);
/* Whether the engine may run on from a task's stack: nothing but the
 * strategy's choose runs between steps (no consumer, no after_step), so
 * the stack depth it needs is small and known. */
static inline bool engine_light(const wf_engine *e)
{
    return e->nconsumers == 0 && !e->strategy->after_step;
}

/* Whether the execution must end before its next step: the halt word
 * reached halt_at (an interrupt, the time limit) or the execution's
 * memory passed the budget. A few loads: front ends that run long between
 * visible operations ask it where they loop (the VM at backward jumps and
 * calls) and, when true, expose a plain yield so the engine ends the
 * execution there. */
static inline uint64_t engine_mem_used(const wf_engine *e)
{
    return e->mem.total + e->mem_extra + e->choices.len * sizeof(choice);
}
static inline bool engine_must_stop(const wf_engine *e)
{
    return WF_UNLIKELY(atomic_load_explicit(e->halt, memory_order_relaxed) >=
                       e->halt_at) ||
           WF_UNLIKELY(engine_mem_used(e) > e->mem_limit);
}
/* Room for n more bytes of per-execution memory, for allocations whose
 * size the program chooses (make, append, string building): false when
 * they would pass the memory budget, and then the execution ends as cut
 * by it (END_MEMORY) once the current step is over: the caller must not
 * allocate, and should expose a plain yield. */
bool engine_mem_room(wf_engine *e, size_t n);

/* For drivers and objects --------------------------------------------- */

/* Create task `fname` (tid = next) run by drv; the caller resumes it. */
wf_task *engine_spawn(wf_engine *e, wf_task *parent, const task_driver *drv,
                      void *arg, const char *fname);
/* Mark t's op done by another task (a parked op completed): unlink its
 * waiters, set it runnable and queue it for resumption. */
void engine_complete(wf_engine *e, wf_task *t);
/* Move t to state s, keeping the enabled bitset and the lazy metrics
 * (a task's runnable and blocked spans are added when its state
 * changes). Inline: the objects call it for every waiter they re-decide. */
static inline void engine_set_state(wf_engine *e, wf_task *t, task_state s)
{
    if (t->state == s)
        return;
    if (t->state == TASK_RUNNABLE) {
        t->m.waits += e->step - t->since;
        e->enabled[t->tid >> 6] &= ~(1ULL << (t->tid & 63));
        e->nenabled--;
    } else if (t->state == TASK_BLOCKED) {
        t->m.blocked += e->step - t->since;
    }
    t->state = (uint8_t)s;
    t->since = e->step;
    if (s == TASK_RUNNABLE) {
        e->enabled[t->tid >> 6] |= 1ULL << (t->tid & 63);
        e->nenabled++;
    }
}
/* A guarded op became enabled (true) or disabled (false). */
static inline void engine_set_enabled(wf_engine *e, wf_task *t, bool enabled)
{
    WF_ASSERT(t->state != TASK_DONE);
    engine_set_state(e, t, enabled ? TASK_RUNNABLE : TASK_BLOCKED);
}
/* Park the current task (its waiters are linked by the caller). */
void engine_park(wf_engine *e, wf_task *t);
/* Record a panic with Go's message for task t; the execution ends.
 * fatal: Go reports it as "fatal error:" (unrecoverable), not "panic:".
 * Returns STEP_PANICKED. A panic that is not fatal, of a task whose
 * driver raises panics (t->drv->raises), is handed to the driver instead
 * (t->raised; the op completes and the task resumes into its deferred
 * calls, where recover() may stop it): returns STEP_DONE. */
step_result engine_panic(wf_engine *e, wf_task *t, const char *msg,
                         bool fatal);
/* Record a finding (copied); returns the stored finding. */
finding *engine_add_finding(wf_engine *e, const finding *f);
/* Make a nondeterministic choice among alts[0..n); records it when n >= 2.
 * Returns the chosen index, or -1 when the strategy abandons. */
int engine_choose(wf_engine *e, choice_kind kind, int n, const int32_t *alts);
/* An object's inner choice among candidates, scratch kept by the engine
 * (reused, grown as needed: every alternative is offered): empty it, add
 * candidate c for task tid (in the order the alternatives take), then
 * choose: the index chosen in e->cands, or -1. */
static inline void engine_cands_reset(wf_engine *e)
{
    e->cands.len = e->cand_alts.len = 0;
}
static inline void engine_cands_add(wf_engine *e, void *c, int32_t tid)
{
    VEC_PUSH(e->cands, c);
    VEC_PUSH(e->cand_alts, tid);
}
static inline int engine_cands_choose(wf_engine *e, choice_kind kind)
{
    int n = (int)e->cands.len;
    return n == 1 ? 0 : engine_choose(e, kind, n, e->cand_alts.p);
}
/* Register obj (its header filled by the caller except the oid). */
void engine_add_obj(wf_engine *e, wf_obj *o, obj_kind kind, const char *name,
                    const char *file, int line);
/* Under strict time a Go sleep, timer, ticker or AfterFunc shorter than
 * a millisecond ends early, as every one does under --time loose: it
 * promises no order against the goroutines that can run, since a ready
 * goroutine may wait that long and more for a processor while the runtime
 * wakes the sleeper. Virtual time takes work as instant, which orders a
 * longer one after the work around it (Go by Example's seconds, a
 * server's 100 ms poll, a test's "sleep 1 ms to let the others start"):
 * the default search keeps that order, and the timing search
 * (cfg.time_early, explore.h) drops it, each longer one then ending
 * early too, and reports only the data races it finds (a sleep orders no
 * memory access in Go). Time stops when main returns
 * (stop_early_timers): nothing fires early then. The C API's sleeps
 * (wf_sleep) keep strict time: a C program's nanoseconds are its own
 * model of time, not Go's. */
/* Whether task t waits on time: a sleep, or a channel a pending timer
 * or ticker feeds. When main has returned, time has stopped: t is then
 * cut off, still running, not blocked forever. O(timers). */
bool engine_waits_on_time(const wf_engine *e, const wf_task *t);

#define WF_TIME_GRAIN_NS 1000000
static inline bool engine_fires_early(const wf_engine *e, int64_t d)
{
    return !e->main_done &&
           (e->cfg.time_loose || e->cfg.time_early || d < WF_TIME_GRAIN_NS);
}
/* A Go sleep or timer of d ns started (late_seen), or, being late, ended
 * early at file:line (timing_file): what the timing search reports. */
static inline void engine_timing_note(wf_engine *e, int64_t d, bool ended,
                                      const char *file, int32_t line)
{
    if (d < WF_TIME_GRAIN_NS)
        return;
    e->late_seen = true;
    /* (ended with no other task runnable, it ended as strict time ends
     * it: no assumption) */
    if (ended && e->cfg.time_early && e->nenabled > 1 && !e->timing_file) {
        e->timing_file = file ? file : "";
        e->timing_line = line;
    }
}
/* Timers: add (when >= now), cancel (if pending). */
void engine_timer_add(wf_engine *e, timer *tm);
void engine_timer_cancel(wf_engine *e, timer *tm);
void engine_timer_hold(wf_engine *e, timer *tm, int32_t tid);
/* Next value of the program's random stream (math/rand). */
uint64_t engine_rand(wf_engine *e);

/* Emit ev to the consumers (filling step and clock). Costs one branch
 * when nobody listens. */
void engine_emit_slow(wf_engine *e, wf_event *ev);
static inline void engine_emit(wf_engine *e, int32_t tid, ev_op eop,
                               uint16_t flags, int32_t oid, int32_t peer,
                               int64_t value, int64_t aux, const char *file,
                               int32_t line)
{
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    wf_event ev = {0, 0, tid, (uint16_t)eop, flags, oid, peer, value, aux,
                   -1, file, line};
    engine_emit_slow(e, &ev);
}
/* Emit an event about t's current op. */
static inline void engine_emit_op(wf_engine *e, wf_task *t, ev_op eop,
                                  uint16_t flags, wf_obj *o, int32_t peer,
                                  int64_t value, int64_t aux)
{
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    wf_event ev = {0,     0,         t->tid,      (uint16_t)eop,
                   flags, o ? o->oid : -1, peer,  value,
                   aux,   -1,        t->op.file,  t->op.line};
    engine_emit_slow(e, &ev);
}

/* The event value of a carried value v (see event_value). */
static inline int64_t engine_value(const wf_engine *e, wf_value v)
{
    return e->fe.event_value ? e->fe.event_value(e->fe.ctx, &v) : v.i;
}

/* Log an access of the current step (dpor). */
static inline void engine_access(wf_engine *e, int32_t oid, acc_type type)
{
    if (WF_UNLIKELY(e->track)) {
        acc_rec a = {oid, (uint8_t)type, 0, 0, 0};
        VEC_PUSH(e->acc, a);
    }
}
/* Log a buffered channel's enqueue or dequeue (ACC_ENQ, ACC_DEQ) of the
 * current step, at buffer length len of capacity cap. */
static inline void engine_access_queue(wf_engine *e, int32_t oid,
                                       acc_type type, int64_t len,
                                       int64_t cap)
{
    if (WF_UNLIKELY(e->track)) {
        acc_rec a = {oid, (uint8_t)type, 0, cap, len};
        VEC_PUSH(e->acc, a);
    }
}
/* Log a counter update (ACC_ADD) of the current step. */
static inline void engine_access_add(wf_engine *e, int32_t oid, int64_t delta,
                                     int64_t before, uint8_t flags)
{
    if (WF_UNLIKELY(e->track)) {
        acc_rec a = {oid, ACC_ADD, flags, delta, before};
        VEC_PUSH(e->acc, a);
    }
}

/* Waiter queues --------------------------------------------------------- */
static inline void waitq_push(waitq *q, waiter *w)
{
    w->q = q;
    w->next = NULL;
    w->prev = q->tail;
    if (q->tail)
        q->tail->next = w;
    else
        q->head = w;
    q->tail = w;
    q->len++;
}
static inline void waitq_remove(waitq *q, waiter *w)
{
    w->q = NULL;
    if (w->prev)
        w->prev->next = w->next;
    else
        q->head = w->next;
    if (w->next)
        w->next->prev = w->prev;
    else
        q->tail = w->prev;
    w->next = w->prev = NULL;
    q->len--;
}

/* Unlink w from whatever queue holds it (no-op when unlinked). */
static inline void waiter_unlink(waiter *w)
{
    if (w->q)
        waitq_remove(w->q, w);
}
static inline waiter *waitq_pop(waitq *q)
{
    waiter *w = q->head;
    if (w)
        waitq_remove(q, w);
    return w;
}

/* A task's display name for reports: "g3 phil" or "main". */
const char *engine_task_name(const wf_task *t);
/* An object's name for reports: the name the program gave it, or, for an
 * unnamed one, its kind and oid ("mutex#3", deterministic), in e->mem. */
const char *engine_obj_name(wf_engine *e, const wf_obj *o);
/* O(tasks + objects); for WF_DASSERT. */
bool engine_check(const wf_engine *e);

#endif

/* viewstate.h: the program's state at a step of a recorded run, rebuilt
 * by replaying its events (the viewer's state pane and lanes).
 * Owns: a viewstate's task and object arrays (viewstate_init/_fini);
 * borrows the run's object kinds and capacities (viewstate_run) for
 * every call.
 *
 * The state after events [0, seq) is a pure function of those events:
 * viewstate_apply folds one event in. It is what the trace says, not what
 * the engine knew: a buffered value put by a timer (no event) or a task
 * disabled without a block event is not seen, so the state marks what it
 * cannot know (a channel value VIEWSTATE_UNKNOWN, len clamped at 0).
 *
 * Task lifecycle in the lanes (a task's own events move it; a spawn
 * moves the child):
 *   unborn --spawn--> running --block/wait/sleep(>0)--> blocked
 *   blocked --any other event of the task--> running --exit--> done
 * so a blocked span runs from a block event to the task's next op.
 *
 * Invariants (viewstate_check): 1. 0 <= nvals <= min(len,
 *   VIEWSTATE_VALS) for a channel.  2. nreaders <= VIEWSTATE_READERS.
 *   3. A blocked task has why != VIEWSTATE_WHY_NONE. */
#ifndef WF_VIEWSTATE_H
#define WF_VIEWSTATE_H

#include "sim/engine.h"

/* An event as the viewer keeps it: the engine's, with its number in the
 * run (seq, from 0: the row of the lanes). */
typedef struct viewstate_ev {
    wf_event e;
    int64_t seq;
} viewstate_ev;

typedef enum viewstate_status {
    VIEWSTATE_UNBORN,
    VIEWSTATE_RUNNING, /* alive, not blocked (runnable or running) */
    VIEWSTATE_BLOCKED,
    VIEWSTATE_DONE
} viewstate_status;

typedef enum viewstate_why {
    VIEWSTATE_WHY_NONE,
    VIEWSTATE_WHY_BLOCK, /* a block event: waits for oid, held by `by` */
    VIEWSTATE_WHY_COND,  /* parked in a cond Wait on oid */
    VIEWSTATE_WHY_SLEEP  /* sleeping until wake_ns */
} viewstate_why;

typedef struct viewstate_task {
    uint8_t status; /* viewstate_status */
    uint8_t why;    /* viewstate_why while blocked */
    uint8_t select; /* blocked in a select (oid -1) */
    int32_t on;     /* awaited object, -1 */
    int32_t by;     /* holder or runner when it blocked, -1 */
    int64_t since;  /* step it blocked (or was spawned) */
    int64_t since_seq; /* seq of the event that blocked it */
    int64_t wake_ns;   /* sleep: virtual time of the wake-up */
    int64_t last_seq;  /* seq of its last event, -1 */
} viewstate_task;

#define VIEWSTATE_VALS    8  /* channel values kept, from the head */
#define VIEWSTATE_READERS 8  /* rwmutex readers kept */
#define VIEWSTATE_UNKNOWN INT64_MIN

typedef struct viewstate_obj {
    int32_t holder;   /* mutex, rwmutex writer, once runner: tid or -1 */
    int32_t nreaders; /* rwmutex: read holders (all of them) */
    int32_t readers[VIEWSTATE_READERS]; /* the first of them, by arrival */
    bool known;       /* value is known (var, atomic: seen an access) */
    bool closed;      /* chan */
    uint8_t once;     /* 0 new, 1 running, 2 done */
    int32_t nvals;    /* chan: values known, from the head */
    int64_t value;    /* chan: len; waitgroup: counter; var, atomic */
    int64_t vals[VIEWSTATE_VALS]; /* chan: buffered values from the head */
    int64_t ops;      /* events on the object so far */
    int64_t user_ops; /* those done by the user's code (not EVF_LIB) */
} viewstate_obj;

/* What a run says about its objects (borrowed). */
typedef struct viewstate_run {
    int32_t ntasks, nobjs;
    const uint8_t *kinds; /* obj_kind by oid; OBJ__COUNT when unknown */
    const int64_t *caps;  /* channel capacity by oid (0: unbuffered) */
} viewstate_run;

typedef struct viewstate {
    int64_t seq;   /* events applied: this is the state before event seq */
    int64_t step;  /* step of the last event applied (0 before any) */
    int64_t clock; /* virtual nanoseconds */
    int32_t ntasks, nobjs;
    viewstate_task *tasks; /* by tid */
    viewstate_obj *objs;   /* by oid */
} viewstate;

/* The state before any event: main (tid 0) running, others unborn. */
void viewstate_init(viewstate *s, const viewstate_run *r);
void viewstate_fini(viewstate *s);
/* dst = src (dst initialised for the same run). O(tasks + objects). */
void viewstate_copy(viewstate *dst, const viewstate *src);
/* Fold in event ev (ev->seq must be s->seq). Ids beyond the run's
 * tables are ignored (a damaged trace never crashes the viewer). O(1)
 * but for rwmutex readers (O(VIEWSTATE_READERS)). */
void viewstate_apply(viewstate *s, const viewstate_run *r,
                     const viewstate_ev *ev);
/* Bytes a copy of a state of r takes (snapshot budgeting). */
size_t viewstate_size(const viewstate_run *r);
bool viewstate_check(const viewstate *s, const viewstate_run *r);

#endif

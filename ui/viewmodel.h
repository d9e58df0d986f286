/* viewmodel.h: what the viewer shows of one recorded run, read from the
 * trace database on demand (SPEC sections 8, 9): the run, its tasks,
 * objects, metrics and findings (loaded whole: small), its events (paged
 * by the (run_id, step, seq) key, never loaded whole) and the state at any
 * event (rebuilt from sparse snapshots).
 *
 * Owns: the trace handle (read-only), the loaded run's tables, a cache of
 * VIEWMODEL_CACHED event blocks, the snapshots and the source files read
 * for the source line. Pointers it returns are valid until the next call
 * on the model unless said otherwise.
 *
 * Events: event seq is row seq of the lanes (seq numbers a run's events
 * from 0, schema.sql). Block b holds events [b*B, (b+1)*B), B =
 * VIEWMODEL_BLOCK; a block is loaded by one keyed query from its first
 * event's step (bstep[b]), known once any query passed it, or from a
 * neighbouring block's key. Jumps (first, last, a step, a search) learn a
 * key first, so no load scans from the start.
 *
 * Snapshots: snaps[i] is the state before event i*I (I = snap_every
 * blocks), built in order by a forward stream (the frontier), in idle
 * time (viewmodel_idle) or when a jump needs one. When they would take
 * more than VIEWMODEL_SNAP_BYTES the interval doubles and every other one
 * is dropped. state_at(n) = the nearest snapshot at or before n, plus at
 * most I*B events.
 *
 * Invariants (viewmodel_check): 1. snaps[i].seq == i*I*B.  2. the frontier
 *   state's seq >= the last snapshot's seq.  3. a cached block holds
 *   events b*B .. b*B+n-1 in order, n == B unless it is the last block. */
#ifndef WF_VIEWMODEL_H
#define WF_VIEWMODEL_H

#include "sim/trace.h"
#include "ui/viewjson.h"
#include "ui/viewstate.h"

#define VIEWMODEL_BLOCK      1024
#define VIEWMODEL_CACHED     24
#define VIEWMODEL_SNAP_BYTES (64u << 20)

/* The four Coffman conditions, in SPEC section 3's order. */
enum { VIEWMODEL_ME, VIEWMODEL_HW, VIEWMODEL_NP, VIEWMODEL_CW };
extern const char *const viewmodel_coffman_names[4];

/* One access of a race (from the finding's tasks). */
typedef struct viewmodel_access {
    int32_t tid;
    int64_t step;
    char *what; /* "write", "read", ... or NULL */
} viewmodel_access;

/* A finding as the viewer shows it, from the findings row and its
 * detail_json: what the checkers said, never a guess. */
typedef struct viewmodel_finding {
    int64_t k, step;
    char *kind, *severity, *message;
    bool partial;
    char *detail;         /* the report's text ("detail"), or NULL */
    VEC(char *) lines;    /* detail lines other than the Coffman ones */
    char *coffman[4];     /* evidence of each condition, or NULL */
    VEC(int32_t) cycle;   /* wait-for cycle, tids (JSON coffman.cycle) */
    char *circular;       /* the circular-wait text when no tid cycle */
    VEC(viewmodel_access) access; /* race: the two accesses */
    int32_t oid;          /* the race's object, -1 */
    /* deadlock: awaited object name of each task in the report, by tid
     * (NULL when not said) */
    VEC(char *) awaits;
} viewmodel_finding;

typedef struct viewmodel_block {
    int64_t index; /* block number, -1: free */
    int32_t n;     /* events held */
    uint64_t used; /* LRU tick */
    viewstate_ev ev[VIEWMODEL_BLOCK];
} viewmodel_block;

typedef struct viewmodel_file {
    char *path;         /* as the run names it */
    char *sha;          /* the recorded source's SHA-256, NULL: the disk's */
    char *text;         /* its bytes, or NULL when unreadable */
    VEC(size_t) lines;  /* offset of each line */
} viewmodel_file;

typedef struct viewmodel {
    trace *t;
    char *db;
    /* the run */
    trace_run_rec run;
    trace_run_meta meta;
    VEC(viewmodel_finding) findings; /* by k */
    viewstate_run vr;
    uint8_t *kinds;  /* by oid */
    int64_t *caps;   /* by oid */
    int64_t nevents; /* rows in events for the run */
    int64_t last_step;
    /* events */
    trace_cursor *cur;  /* pages */
    int64_t *bstep;     /* first step of each block, -1: unknown */
    int64_t nblocks;
    viewmodel_block *cache; /* VIEWMODEL_CACHED of them */
    uint64_t tick;
    /* snapshots */
    VEC(viewstate) snaps;
    int64_t snap_every; /* blocks between snapshots */
    size_t snap_bytes;  /* budget: VIEWMODEL_SNAP_BYTES (tests lower it) */
    viewstate front;    /* the frontier: state before front.seq */
    trace_cursor *fcur; /* positioned at event front.seq */
    bool front_open;
    viewstate work;     /* returned by viewmodel_state_at */
    /* source files */
    VEC(viewmodel_file) files;
    bool broken; /* a read failed: err says why */
    wf_diag err;
} viewmodel;

/* Open database db read-only. WF_ERR_INPUT with d set for a missing file,
 * not a database, another schema version. */
wf_status viewmodel_open(viewmodel **out, const char *db, wf_diag *d);
void viewmodel_free(viewmodel *m);
/* The run to show when none is given: the first execution with an error
 * finding, else the first run with events, else the first run; 0 when
 * the database has no run. */
wf_status viewmodel_default_run(viewmodel *m, int64_t *id, wf_diag *d);
/* Load run id (a summary run: the witness of its finding k, or of the
 * first finding with a witness when k <= 0). Replaces the run shown; on
 * error the previous one stays. */
wf_status viewmodel_load(viewmodel *m, int64_t id, int64_t k, wf_diag *d);

/* Event seq (0 <= seq < nevents), or NULL (out of range or a read error:
 * m->broken). Loads its block if needed. */
const viewstate_ev *viewmodel_event(viewmodel *m, int64_t seq);
/* The seq of the last event whose step is <= step (-1: none). O(log n). */
int64_t viewmodel_seq_at_step(viewmodel *m, int64_t step);
/* The state before event n (0 <= n <= nevents): events [0, n) applied.
 * Owned by m, valid until the next state_at or load. */
const viewstate *viewmodel_state_at(viewmodel *m, int64_t n);
/* Build snapshots for up to budget events; false when all are built. */
bool viewmodel_idle(viewmodel *m, int64_t budget);

/* The first event after from (forward) or before it (backward), wrapping
 * around the run, matching q: an op name, or part of an object's or a
 * task's name ("g3" names task 3), case-insensitive. -1 when none.
 * Reads at most the whole run: O(n). *wrapped says it wrapped. */
int64_t viewmodel_search(viewmodel *m, const char *q, int64_t from,
                         bool backward, bool *wrapped);

/* Names: "g3 phil" (or "g3" when the run has no row), "forks[1]" (or
 * "mutex #4" when unnamed). Valid while the run is loaded. */
const char *viewmodel_task_name(const viewmodel *m, int32_t tid, char *tmp,
                                size_t n);
const char *viewmodel_obj_name(const viewmodel *m, int32_t oid, char *tmp,
                               size_t n);
/* "g3" for a tid. */
void viewmodel_short_task(int32_t tid, char *out, size_t n);
/* A metric of task tid by name (steps, progress, waits, blocked,
 * bypasses); -1 when absent. */
int64_t viewmodel_metric(const viewmodel *m, int32_t tid, const char *name);
/* Source line `line` of file (1-based) without its newline, into out;
 * false when the file cannot be read or has no such line. Files are read
 * once; a relative path is also tried beside the database. */
bool viewmodel_source_line(viewmodel *m, const char *file, int32_t line,
                           buf *out);

/* The wait-for graph the trace shows at state s: for each blocked task,
 * the holder of what it waits for (mutex, rwmutex writer, once runner),
 * from the replayed state. Follows it from each task in tid order and
 * stores the first cycle found in out (tids, at most max); returns its
 * length, 0 when there is none. Pure. */
int viewmodel_cycle(const viewstate *s, int32_t *out, int max);

/* Parse a findings row into f (the caller frees it with
 * viewmodel_finding_fini). Pure: exposed for tests. */
void viewmodel_finding_init(viewmodel_finding *f, const trace_finding *row);
void viewmodel_finding_fini(viewmodel_finding *f);

bool viewmodel_check(const viewmodel *m);

#endif

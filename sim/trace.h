/* trace.h: the trace database (SPEC section 9): the SQLite recorder, an
 * event consumer writing sim/schema.sql's tables, and the reader that
 * `weft list`, replay comparison and the viewer use.
 *
 * Owns: the sqlite3 handle and its prepared statements, and the run being
 * recorded: its events, copied into a heap buffer as the consumer gets
 * them (file names interned by pointer, then by text), until
 * trace_end_run writes them. Borrows: the engine during an execution and
 * until trace_end_run; strings passed in trace_run_info for the call.
 *
 * Writing. A run is written whole inside one transaction: trace_end_run
 * opens a transaction if none is open, inserts the run, its tasks,
 * objects, files, events, findings and metrics, and commits when the
 * pending rows reach the batch size (trace_set_batch; 0, the default,
 * commits each run). trace_commit commits what is pending. A transaction
 * never holds part of a run, so whatever interrupts a recording between
 * runs (SIGINT, SIGTERM: the explorer stops at an execution boundary)
 * leaves every finished run committed once trace_commit or trace_close
 * ran; a process killed outright loses only the uncommitted runs, and
 * WAL keeps the file valid either way.
 *
 * Errors. Every function that touches the file returns wf_status and
 * fills a wf_diag naming the database: not an SQLite file, a database of
 * another application or schema version, read-only, locked (after the
 * busy timeout), disk full, I/O error. After a write error the pending
 * transaction is rolled back, the handle is *broken* and refuses further
 * writes; nothing committed before is touched. A database is never
 * created over a file that is not one, nor migrated.
 *
 * Invariants: 1. t->in_txn iff a transaction is open on t->db.
 *   2. Between trace_end_run calls, rows of a run are in the database
 *      only together with its runs row (written in the same transaction).
 *   3. Pending runs are those written since the last commit; none is
 *      partial. */
#ifndef WF_TRACE_H
#define WF_TRACE_H

#include "engine.h"

#define TRACE_SCHEMA_VERSION 3
#define TRACE_APP_ID         0x77656674 /* "weft" */

typedef struct trace trace;

typedef enum trace_mode {
    TRACE_READ, /* list, compare, view: never writes */
    TRACE_WRITE /* record: creates the file and schema when absent */
} trace_mode;

/* Open path. busy_ms: how long to wait for another process's lock before
 * the clear "locked" error. A write open takes the write lock once (to
 * create or check the schema), so a locked database fails here, before
 * any execution runs; a new file that could not be made into a database
 * is removed. On error *out is NULL and d says why (WF_ERR_INPUT). */
wf_status trace_open(trace **out, const char *path, trace_mode mode,
                     int busy_ms, wf_diag *d);
/* Roll back anything uncommitted (only whole runs can be pending: commit
 * them first with trace_commit) and close. NULL is fine. */
void trace_close(trace *t);
const char *trace_path(const trace *t);

/* ---- recording ---------------------------------------------------------- */

/* The caller's facts about a run; the rest comes from the engine. Strings
 * are borrowed for the call; NULL writes SQL NULL. */
typedef struct trace_run_info {
    const char *file, *source_sha256, *command, *strategy, *schedule;
    const char *created_at, *role; /* role: execution, witness, summary */
    int64_t seed;
    int64_t summary_id; /* 0: none */
    int64_t max_steps;
    int status; /* exit status of the command for this run (0, 1) */
} trace_run_info;

/* JSON of one finding for findings.detail_json (the report's object,
 * checker/report.c's). Without a hook the column is "{}": kind,
 * severity, step, message and schedule have columns of their own. */
typedef void (*trace_json_fn)(void *ctx, const wf_engine *e, const finding *f,
                              const char *schedule, buf *out);
void trace_set_finding_json(trace *t, trace_json_fn fn, void *ctx);
/* Commit once this many events are pending (0: every run). */
void trace_set_batch(trace *t, uint64_t events);

/* The recorder as a consumer: begin starts a new run (discarding one not
 * ended by trace_end_run: an abandoned execution), event copies the
 * event. Writes nothing by itself. */
wf_consumer trace_consumer(trace *t);
/* Write the execution the consumer just saw (e still holds it) as a run
 * with info. *id gets its runs.id. */
wf_status trace_end_run(trace *t, const wf_engine *e,
                        const trace_run_info *info, int64_t *id, wf_diag *d);
/* Commit pending runs. */
wf_status trace_commit(trace *t, wf_diag *d);
/* Runs (trace_end_run) committed since trace_open, in the order they
 * were written: after a write error, the ones that are in the file.
 * NULL: 0. */
int64_t trace_kept_runs(const trace *t);

/* A summary run, written and committed at once with verdict "running",
 * then completed by trace_finish_summary. */
wf_status trace_begin_summary(trace *t, const trace_run_info *info, int64_t *id,
                              wf_diag *d);
typedef struct trace_summary {
    int64_t executions;
    uint64_t steps;
    bool complete;
    const char *end_reason; /* complete, budget, interrupted, ... */
    const char *verdict;    /* "ok" or the finding kinds */
    int status;
} trace_summary;
wf_status trace_finish_summary(trace *t, int64_t id, const trace_summary *s,
                               wf_diag *d);
/* A row of findings, as written for a summary (and read back). */
typedef struct trace_finding {
    int64_t id, run_id, k;
    const char *kind, *severity, *message, *detail_json, *schedule;
    int64_t step, count;
    int64_t witness_run; /* 0: none */
} trace_finding;
wf_status trace_add_finding(trace *t, const trace_finding *f, wf_diag *d);
wf_status trace_add_outcome(trace *t, int64_t run_id, int64_t k,
                            const char *output, const char *kinds,
                            int64_t count, const char *schedule, wf_diag *d);
/* Keep a program's source, text[0, len), under its SHA-256 (hex) and
 * the path it was given as, unless the database has it already; in the
 * pending transaction (trace_commit commits it). */
wf_status trace_put_source(trace *t, const char *sha256, const char *path,
                           const void *text, size_t len, wf_diag *d);

/* ---- reading ------------------------------------------------------------ */

/* A runs row with its findings; strings heap-owned (trace_run_rec_fini). */
typedef struct trace_run_rec {
    int64_t id, seed, steps, summary_id, status, max_steps, nevents;
    int64_t executions;
    int complete; /* -1: NULL */
    char *file, *source_sha256, *command, *strategy, *schedule, *verdict;
    char *created_at, *role, *end_reason, *output;
    VEC(trace_finding) findings; /* strings owned */
} trace_run_rec;
void trace_run_rec_fini(trace_run_rec *r);

/* Call fn for every run in id order, each with its findings (r is valid
 * for the call). fn returns false to stop. Memory: one run at a time. */
typedef bool (*trace_run_fn)(void *ctx, const trace_run_rec *r);
wf_status trace_list(trace *t, trace_run_fn fn, void *ctx, wf_diag *d);
/* One run; WF_ERR_INPUT if there is none with that id. */
wf_status trace_get_run(trace *t, int64_t id, trace_run_rec *out, wf_diag *d);
/* The source kept under sha256: *text (heap, NUL-terminated, the caller
 * frees it) and *len, or *text NULL when the database has none. */
wf_status trace_get_source(trace *t, const char *sha256, char **text,
                           size_t *len, wf_diag *d);

/* Reading a run's events in order. The event's file points into the
 * cursor (valid until trace_events_close). */
typedef struct trace_cursor trace_cursor;
wf_status trace_events_open(trace *t, int64_t run_id, trace_cursor **out,
                            wf_diag *d);
/* 1: *ev filled (*seq its number); 0: no more; -1: error (d set). */
int trace_events_next(trace_cursor *c, wf_event *ev, int64_t *seq, wf_diag *d);
void trace_events_close(trace_cursor *c);

/* Reposition c for paging (the viewer): the events from the first at or
 * after (step, seq) in order, or, backward, from the last at or before it
 * in reverse order; at most limit of them (limit < 0: no limit). O(log n)
 * to position: the (run_id, step, seq) key. Then trace_events_next as
 * usual. */
wf_status trace_events_seek(trace_cursor *c, int64_t step, int64_t seq,
                            bool backward, int64_t limit, wf_diag *d);

/* A run's tasks, objects, metrics (the viewer). Strings heap-owned. */
typedef struct trace_task_row {
    int32_t tid, parent; /* parent -1: none */
    int64_t spawn_step, end_step; /* end_step -1: never ended */
    char *name, *fname, *end_state;
} trace_task_row;
typedef struct trace_obj_row {
    int32_t oid, line;
    int64_t capacity; /* -1: NULL */
    char *kind, *name, *file;
} trace_obj_row;
typedef struct trace_metric_row {
    int32_t tid;
    int64_t value;
    char *name;
} trace_metric_row;
typedef struct trace_run_meta {
    VEC(trace_task_row) tasks;     /* by tid ascending */
    VEC(trace_obj_row) objects;    /* by oid ascending */
    VEC(trace_metric_row) metrics; /* by tid, then name */
} trace_run_meta;
/* Read run_id's tasks, objects and metrics into *out (zeroed first; free
 * with trace_run_meta_fini even on error). O(tasks + objects). */
wf_status trace_get_meta(trace *t, int64_t run_id, trace_run_meta *out,
                         wf_diag *d);
void trace_run_meta_fini(trace_run_meta *m);
/* trace_list over the runs with id >= from_id, at most limit of them
 * (limit < 0: all). */
wf_status trace_list_from(trace *t, int64_t from_id, int64_t limit,
                          trace_run_fn fn, void *ctx, wf_diag *d);

/* ---- comparing a replay with a recorded run ----------------------------- */

/* A consumer checking, event by event, that an execution equals run
 * run_id of t. The first difference is kept: its step, the event's
 * number and both events in words ("g1 phil: lock forks[1] (philo.c:24)")
 * and as JSON. */
typedef struct trace_cmp trace_cmp;
wf_status trace_cmp_new(trace *t, int64_t run_id, trace_cmp **out, wf_diag *d);
void trace_cmp_free(trace_cmp *c);
wf_consumer trace_cmp_consumer(trace_cmp *c);
/* After the execution: NULL if every event matched and none was missing,
 * else the message "the replay diverges from run N at step S (event K):
 * expected ..., saw ...". */
const char *trace_cmp_divergence(const trace_cmp *c);
/* Appends "{"step": S, "event": K, "expected": ..., "seen": ...}" or
 * "null". */
void trace_cmp_json(const trace_cmp *c, buf *out);
/* Events compared (equal so far). */
int64_t trace_cmp_count(const trace_cmp *c);

/* ---- shards ---------------------------------------------------------------
 * A shard of a cut exploration (explore --shard I/N) keeps, with its
 * summary run, which shard it is, the plan its parts come from and each
 * part's result as JSON (ui/shard.c), which weft merge joins with the
 * other shards'. */
typedef struct trace_shard {
    int64_t run_id;
    int shard, nshards;
    char *plan, *parts; /* heap-owned */
} trace_shard;
wf_status trace_put_shard(trace *t, int64_t run_id, int shard, int nshards,
                          const char *plan, const char *parts, wf_diag *d);
/* The shard record of run_id into *out (*found false when it has none). */
wf_status trace_get_shard(trace *t, int64_t run_id, trace_shard *out,
                          bool *found, wf_diag *d);
void trace_shard_fini(trace_shard *s);

#endif

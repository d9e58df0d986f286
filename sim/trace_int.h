/* trace_int.h: what the files of the trace module share (trace.c opens
 * and closes, trace_write.c records, trace_read.c reads, trace_cmp.c
 * compares a replay with a run). Not for other modules: trace.h is.
 * Owns: nothing more than trace.h says. */
#ifndef WF_TRACE_INT_H
#define WF_TRACE_INT_H

#include <sqlite3.h>

#include "trace.h"

/* Rows are inserted by multi-row statements of 1, 2, 4, ... 64 rows
 * (MULTI_SIZES sizes, each prepared on first use): a run's 120 events go
 * in 4 statements, not 56 (one sqlite3_step costs about as much as
 * binding 64 rows: make bench, tests/bench/bench_trace.c). */
#define MULTI_SIZES 7
/* A run's events are written out when this many are buffered, so a run
 * of millions of steps needs no more memory than this. */
#define EV_FLUSH 65536

/* An event as buffered: wf_event without the pointer, the file interned. */
typedef struct tev {
    uint64_t step;
    int64_t clock, value, aux, aux2;
    int32_t tid, oid, peer, line, fid;
    uint16_t op, flags;
} tev;

/* The writer's statements: single ones, then one family of MULTI_SIZES
 * multi-row inserts per table (ST_EV + k inserts 1 << k events). */
enum {
    ST_RUN,
    ST_FIND,
    ST_OUTCOME,
    ST_MAXID,
    ST_SAVEPOINT, /* a run's rows: whole or absent */
    ST_RELEASE,
    ST_ROLLBACK_TO,
    ST_EV,
    ST_TASK = ST_EV + MULTI_SIZES,
    ST_OBJ = ST_TASK + MULTI_SIZES,
    ST_FILE = ST_OBJ + MULTI_SIZES,
    ST_METRIC = ST_FILE + MULTI_SIZES,
    ST__COUNT = ST_METRIC + MULTI_SIZES
};

struct trace {
    sqlite3 *db;
    char *path;
    char *copy_dir; /* a reader's private copy (trace.c), or NULL */
    trace_mode mode;
    int busy_ms;
    bool in_txn;
    bool in_run; /* the current run's savepoint "run" is open */
    int64_t txn_runs; /* runs written in the open transaction */
    int64_t kept;     /* runs committed since trace_open */
    bool broken; /* a write failed: no more writes */
    sqlite3_stmt *st[ST__COUNT];
    int64_t next_id;  /* next run id, valid while in_txn */
    uint64_t batch;   /* commit when this many events are pending */
    uint64_t pending; /* events written since the last commit */
    trace_json_fn json_fn;
    void *json_ctx;
    /* the run being recorded */
    bool run_open;           /* begin seen, end_run not yet */
    int64_t run_id;          /* reserved id once events were flushed, or 0 */
    int64_t run_seq;         /* events of the run so far */
    VEC(tev) evs;            /* buffered events (not yet flushed) */
    VEC(const char *) files; /* fid -> path (borrowed from the engine) */
    int32_t last_fid;
    const char *last_file;
    buf scratch;
};

/* One sentence naming the database for SQLite's failure rc while doing
 * `doing`, into d; returns WF_ERR_INPUT. t may be NULL. */
wf_status trace_db_error(trace *t, sqlite3 *db, int rc, const char *doing,
                         wf_diag *d);
/* Roll back the open transaction (if any); nothing pending after it. */
void trace_rollback(trace *t);
/* A write failed: roll back, refuse further writes; returns the error. */
wf_status trace_write_failed(trace *t, int rc, const char *doing, wf_diag *d);
int trace_exec_sql(sqlite3 *db, const char *sql);
/* Prepare the writer's statements (trace_write.c knows their SQL). */
wf_status trace_prepare_writes(trace *t, wf_diag *d);
/* Column i of the row s: a heap copy of the text (NULL for SQL NULL), or
 * the integer (none for SQL NULL). */
char *trace_col_str(sqlite3_stmt *s, int i);
int64_t trace_col_i64(sqlite3_stmt *s, int i, int64_t none);

#endif

/* trace_write.c: recording into a trace database: the consumer that
 * buffers a run's events and the writing of runs, summaries, findings
 * and outcomes (see trace.h). */
#include "trace_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


static const char *const stmt_sql[ST_EV] = {
    [ST_RUN] = "INSERT INTO runs(id, file, source_sha256, command, strategy, "
               "seed, schedule, steps, verdict, created_at, role, "
               "summary_id, status, end_reason, output, max_steps, nevents, "
               "executions, complete) VALUES "
               "(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    [ST_FIND] = "INSERT INTO findings(run_id, k, kind, severity, step, "
                "message, detail_json, schedule, count, witness_run) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
    [ST_OUTCOME] = "INSERT INTO outcomes VALUES (?,?,?,?,?,?)",
    [ST_MAXID] = "SELECT coalesce(max(id), 0) + 1 FROM runs",
    [ST_SAVEPOINT] = "SAVEPOINT run",
    [ST_RELEASE] = "RELEASE run",
    [ST_ROLLBACK_TO] = "ROLLBACK TO run",
};

/* The multi-row inserts: a family of MULTI_SIZES statements per table. */
enum { FAM_EV, FAM_TASK, FAM_OBJ, FAM_FILE, FAM_METRIC };
static const struct {
    int first; /* ST_EV, ST_TASK, ... */
    int cols;
    const char *head;
} families[] = {
    {ST_EV, 14,
     "INSERT OR FAIL INTO events(run_id, step, seq, tid, op, oid, value, clock, "
     "line, fid, flags, peer, aux, aux2) VALUES "},
    {ST_TASK, 8, "INSERT OR FAIL INTO tasks VALUES "},
    {ST_OBJ, 7, "INSERT OR FAIL INTO objects VALUES "},
    {ST_FILE, 3, "INSERT OR FAIL INTO files VALUES "},
    {ST_METRIC, 4, "INSERT OR FAIL INTO metrics VALUES "},
};

/* Step an insert and reset it; SQLITE_DONE becomes SQLITE_OK. */
static int step_reset(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

wf_status trace_prepare_writes(trace *t, wf_diag *d)
{
    for (int i = 0; i < ST_EV; i++) {
        int rc = sqlite3_prepare_v3(t->db, stmt_sql[i], -1,
                                    SQLITE_PREPARE_PERSISTENT, &t->st[i], NULL);
        if (rc != SQLITE_OK)
            return trace_db_error(t, t->db, rc, "preparing statements", d);
    }
    return WF_OK; /* the families: on first use (multi_stmt) */
}

/* The statement of family f inserting 1 << k rows, prepared on first
 * use; NULL with *rc set when SQLite refuses it. Every table's first
 * column is the run id: one parameter, ?1, for every row (bound once a
 * statement, not once a row); row r's other columns are parameters
 * 2 + r * (cols - 1), ... */
static sqlite3_stmt *multi_stmt(trace *t, int f, int k, int *rc)
{
    sqlite3_stmt **s = &t->st[families[f].first + k];
    if (*s) return *s;
    buf_reset(&t->scratch);
    buf_puts(&t->scratch, families[f].head);
    for (int r = 0; r < 1 << k; r++) {
        buf_puts(&t->scratch, r ? ",(?1" : "(?1");
        for (int c = 1; c < families[f].cols; c++)
            buf_puts(&t->scratch, ",?");
        buf_putc(&t->scratch, ')');
    }
    *rc = sqlite3_prepare_v3(t->db, t->scratch.p, -1,
                             SQLITE_PREPARE_PERSISTENT, s, NULL);
    return *rc == SQLITE_OK ? *s : NULL;
}

/* Binds the columns after the run id of row i of a write_rows call at
 * parameters base + 2, base + 3, ... */
typedef void (*bind_row_fn)(sqlite3_stmt *s, int base, size_t i,
                            const void *ctx);

/* Insert rows 0 .. n-1 of run `run` into family f's table, bind binding
 * each: as many 64-row statements as fit, then one of each smaller size
 * the rest needs (binary: at most MULTI_SIZES - 1 more). */
static int write_rows(trace *t, int f, int64_t run, size_t n,
                      bind_row_fn bind, const void *ctx)
{
    size_t i = 0;
    int rc = SQLITE_OK;
    for (int k = MULTI_SIZES - 1; k >= 0 && rc == SQLITE_OK; k--) {
        size_t rows = (size_t)1 << k;
        while (n - i >= rows && rc == SQLITE_OK) {
            sqlite3_stmt *s = multi_stmt(t, f, k, &rc);
            if (!s) break;
            sqlite3_bind_int64(s, 1, run);
            for (size_t r = 0; r < rows; r++)
                bind(s, (int)r * (families[f].cols - 1), i + r, ctx);
            rc = step_reset(s);
            i += rows;
        }
    }
    return rc;
}

void trace_set_finding_json(trace *t, trace_json_fn fn, void *ctx)
{
    t->json_fn = fn;
    t->json_ctx = ctx;
}

void trace_set_batch(trace *t, uint64_t events)
{
    t->batch = events;
}

/* ---- the consumer ---------------------------------------------------------
 */

/* Leave the run's savepoint: keep what it wrote (RELEASE), or take it
 * back (ROLLBACK TO, then RELEASE). */
static void end_savepoint(trace *t, bool keep)
{
    if (!t->in_run) return;
    t->in_run = false;
    if (sqlite3_get_autocommit(t->db)) return; /* SQLite rolled back */
    if (!keep) step_reset(t->st[ST_ROLLBACK_TO]);
    step_reset(t->st[ST_RELEASE]);
}

static void discard_run(trace *t)
{
    if (t->run_id && t->in_txn)
        end_savepoint(t, false); /* its flushed events: taken back */
    t->run_open = false;
    t->run_id = 0;
    t->run_seq = 0;
    t->evs.len = 0;
    t->files.len = 0;
    t->last_fid = -1;
    t->last_file = NULL;
}

static void rec_begin(void *ctx, wf_engine *e)
{
    trace *t = ctx;
    (void)e;
    discard_run(t);
    t->run_open = true;
}

static int32_t intern_file(trace *t, const char *f)
{
    if (!f) return -1;
    if (f == t->last_file) return t->last_fid;
    for (size_t i = 0; i < t->files.len; i++)
        if (t->files.p[i] == f || !strcmp(t->files.p[i], f)) {
            t->last_file = f;
            return t->last_fid = (int32_t)i;
        }
    VEC_PUSH(t->files, f);
    t->last_file = f;
    return t->last_fid = (int32_t)(t->files.len - 1);
}

static wf_status flush_events(trace *t, wf_diag *d);

static void rec_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    trace *t = ctx;
    tev *b;
    (void)e;
    if (!t->run_open || t->broken) return;
    if (WF_UNLIKELY(t->evs.len >= EV_FLUSH)) {
        wf_diag d;
        if (flush_events(t, &d) != WF_OK)
            return; /* broken: trace_end_run reports it */
    }
    VEC_RESERVE(t->evs, t->evs.len + 1);
    b = &t->evs.p[t->evs.len++];
    b->step = ev->step;
    b->clock = ev->clock;
    b->value = ev->value;
    b->aux = ev->aux;
    b->aux2 = ev->aux2;
    b->tid = ev->tid;
    b->oid = ev->oid;
    b->peer = ev->peer;
    b->line = ev->line;
    b->fid = intern_file(t, ev->file);
    b->op = ev->op;
    b->flags = ev->flags;
}

wf_consumer trace_consumer(trace *t)
{
    wf_consumer c = {t, rec_begin, rec_event, NULL, NULL, 0};
    return c;
}

/* ---- writing --------------------------------------------------------------
 */

static wf_status begin_txn(trace *t, wf_diag *d)
{
    int rc;
    sqlite3_stmt *s = t->st[ST_MAXID];
    if (t->in_txn) return WF_OK;
    rc = trace_exec_sql(t->db, "BEGIN IMMEDIATE");
    if (rc != SQLITE_OK)
        return trace_write_failed(t, rc, "starting a transaction", d);
    t->in_txn = true;
    rc = sqlite3_step(s);
    if (rc != SQLITE_ROW) {
        sqlite3_reset(s);
        return trace_write_failed(t, rc, "reading run ids", d);
    }
    t->next_id = sqlite3_column_int64(s, 0);
    sqlite3_reset(s);
    return WF_OK;
}

wf_status trace_commit(trace *t, wf_diag *d)
{
    int rc;
    if (t->run_open && t->run_id) discard_run(t);
    if (!t->in_txn) return WF_OK;
    rc = trace_exec_sql(t->db, "COMMIT");
    if (rc != SQLITE_OK) return trace_write_failed(t, rc, "committing", d);
    t->in_txn = false;
    t->pending = 0;
    t->kept += t->txn_runs;
    t->txn_runs = 0;
    return WF_OK;
}

int64_t trace_kept_runs(const trace *t)
{
    return t ? t->kept : 0;
}

static inline void bind_text(sqlite3_stmt *s, int i, const char *v)
{
    if (v)
        sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(s, i);
}

static inline void bind_opt(sqlite3_stmt *s, int i, int64_t v, int64_t none)
{
    if (v == none)
        sqlite3_bind_null(s, i);
    else
        sqlite3_bind_int64(s, i, v);
}

/* The events being written: rows of flush_events. */
typedef struct ev_rows {
    int64_t seq; /* the seq of row 0 */
    const tev *v;
} ev_rows;

static void bind_event(sqlite3_stmt *s, int base, size_t i, const void *ctx)
{
    const ev_rows *er = ctx;
    const tev *v = &er->v[i];
    sqlite3_bind_int64(s, base + 2, (int64_t)v->step);
    sqlite3_bind_int64(s, base + 3, er->seq + (int64_t)i);
    sqlite3_bind_int(s, base + 4, v->tid);
    sqlite3_bind_text(s, base + 5, ev_op_names[v->op], -1, SQLITE_STATIC);
    bind_opt(s, base + 6, v->oid, -1);
    sqlite3_bind_int64(s, base + 7, v->value);
    sqlite3_bind_int64(s, base + 8, v->clock);
    sqlite3_bind_int(s, base + 9, v->line);
    bind_opt(s, base + 10, v->fid, -1);
    sqlite3_bind_int(s, base + 11, v->flags);
    bind_opt(s, base + 12, v->peer, -1);
    sqlite3_bind_int64(s, base + 13, v->aux);
    bind_opt(s, base + 14, v->aux2, -1);
}

/* A write of the current run failed: take the run back, commit the
 * finished runs of the batch if the disk still takes them (a full disk
 * often does: the failed run's pages are freed), and refuse further
 * writes. Returns the error (d says what was kept). */
static wf_status run_failed(trace *t, int rc, const char *doing, wf_diag *d)
{
    wf_status st = trace_db_error(t, t->db, rc, doing, d);
    end_savepoint(t, false);
    if (t->in_txn && !sqlite3_get_autocommit(t->db) &&
        trace_exec_sql(t->db, "COMMIT") == SQLITE_OK) {
        t->in_txn = false;
        t->pending = 0;
        t->kept += t->txn_runs;
        t->txn_runs = 0;
    }
    trace_rollback(t);
    t->broken = true;
    t->run_id = 0;
    return st;
}

/* Write the buffered events of the current run (reserving its id). */
static wf_status flush_events(trace *t, wf_diag *d)
{
    size_t n = t->evs.len;
    wf_status st;
    int rc = SQLITE_OK;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    if (!t->run_id) {
        /* a run is whole or absent: its rows go in a savepoint of their
         * own, so a failure takes back this run and keeps the batch's
         * finished ones */
        rc = step_reset(t->st[ST_SAVEPOINT]);
        if (rc != SQLITE_OK) return run_failed(t, rc, "writing the run", d);
        t->in_run = true;
        t->run_id = t->next_id++;
    }
    if (n) {
        ev_rows er = {t->run_seq, t->evs.p};
        rc = write_rows(t, FAM_EV, t->run_id, n, bind_event, &er);
    }
    if (rc != SQLITE_OK) return run_failed(t, rc, "writing events", d);
    t->run_seq += (int64_t)n;
    t->pending += n;
    t->evs.len = 0;
    return WF_OK;
}

static int kind_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "ok" or the finding kinds of e, sorted, space-separated. */
static void verdict_of(const wf_engine *e, buf *out)
{
    const char *k[FINDING_KINDS];
    bool seen[FINDING_KINDS] = {false};
    int n = 0;
    for (size_t i = 0; i < e->findings.len; i++) {
        int kind = e->findings.p[i].kind;
        if (kind >= 0 && kind < FINDING_KINDS && !seen[kind]) {
            seen[kind] = true;
            k[n++] = finding_kind_names[kind];
        }
    }
    if (!n) {
        buf_puts(out, "ok");
        return;
    }
    qsort(k, (size_t)n, sizeof k[0], kind_cmp);
    for (int i = 0; i < n; i++) {
        if (i) buf_putc(out, ' ');
        buf_puts(out, k[i]);
    }
}

static const char *const metric_names[] = {
    "steps", "progress", "waits", "blocked", "bypasses", "max_bypass_streak"};

/* Final counters of t: the lazily kept spans (engine.h) closed at the
 * execution's last step. */
static void final_metrics(const wf_engine *e, const wf_task *t, int64_t v[6])
{
    v[0] = (int64_t)t->m.steps;
    v[1] = (int64_t)t->m.progress;
    v[2] = (int64_t)t->m.waits;
    v[3] = (int64_t)t->m.blocked;
    v[4] = (int64_t)t->m.bypasses;
    v[5] = (int64_t)t->m.max_bypass_streak;
    if (t->state == TASK_RUNNABLE && e->step > t->since)
        v[2] += (int64_t)(e->step - t->since);
    else if (t->state == TASK_BLOCKED && e->step > t->since)
        v[3] += (int64_t)(e->step - t->since);
}

static const char *const state_names[] = {"runnable", "blocked", "done"};

/* What the binders of a run's tasks, objects, files and metrics read. */
typedef struct run_rows {
    int64_t id;
    const wf_engine *e;
    const trace *t;
} run_rows;

static void bind_task(sqlite3_stmt *s, int base, size_t i, const void *ctx)
{
    const run_rows *rr = ctx;
    const wf_task *k = rr->e->tasks.p[i];
    sqlite3_bind_int(s, base + 2, k->tid);
    bind_text(s, base + 3, k->name);
    bind_text(s, base + 4, k->fname);
    bind_opt(s, base + 5, k->parent, -1);
    sqlite3_bind_int64(s, base + 6, (int64_t)k->spawn_step);
    if (k->state == TASK_DONE)
        sqlite3_bind_int64(s, base + 7, (int64_t)k->end_step);
    else
        sqlite3_bind_null(s, base + 7);
    bind_text(s, base + 8, state_names[k->state <= TASK_DONE ? k->state : 0]);
}

static void bind_obj(sqlite3_stmt *s, int base, size_t i, const void *ctx)
{
    const run_rows *rr = ctx;
    const wf_obj *o = rr->e->objs.p[i];
    sqlite3_bind_int(s, base + 2, o->oid);
    bind_text(s, base + 3,
              o->kind < OBJ__COUNT ? obj_kind_names[o->kind] : "?");
    bind_text(s, base + 4, o->name ? o->name : "");
    if (o->kind == OBJ_CHAN)
        sqlite3_bind_int64(s, base + 5, obj_capacity(o));
    else
        sqlite3_bind_null(s, base + 5);
    bind_text(s, base + 6, o->file);
    if (o->file)
        sqlite3_bind_int(s, base + 7, o->line);
    else
        sqlite3_bind_null(s, base + 7);
}

static void bind_file(sqlite3_stmt *s, int base, size_t i, const void *ctx)
{
    const run_rows *rr = ctx;
    sqlite3_bind_int64(s, base + 2, (int64_t)i);
    bind_text(s, base + 3, rr->t->files.p[i]);
}

/* Row i: metric i % 6 of task i / 6. */
static void bind_metric(sqlite3_stmt *s, int base, size_t i, const void *ctx)
{
    const run_rows *rr = ctx;
    const wf_task *k = rr->e->tasks.p[i / 6];
    int64_t v[6];
    final_metrics(rr->e, k, v);
    sqlite3_bind_int(s, base + 2, k->tid);
    sqlite3_bind_text(s, base + 3, metric_names[i % 6], -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, base + 4, v[i % 6]);
}

static int write_tables(trace *t, const wf_engine *e, int64_t id,
                        const char *schedule, const char **doing)
{
    int rc;
    sqlite3_stmt *s;
    run_rows rr = {id, e, t};
    *doing = "writing tasks";
    rc = write_rows(t, FAM_TASK, id, e->tasks.len, bind_task, &rr);
    if (rc == SQLITE_OK) {
        *doing = "writing objects";
        rc = write_rows(t, FAM_OBJ, id, e->objs.len, bind_obj, &rr);
    }
    if (rc == SQLITE_OK) {
        *doing = "writing files";
        rc = write_rows(t, FAM_FILE, id, t->files.len, bind_file, &rr);
    }
    *doing = "writing findings";
    s = t->st[ST_FIND];
    for (size_t i = 0; i < e->findings.len && rc == SQLITE_OK; i++) {
        const finding *f = &e->findings.p[i];
        buf_reset(&t->scratch);
        /* the report's object, written by the report alone (ui's hook);
         * without one, the row's columns say what the engine knows */
        if (t->json_fn) t->json_fn(t->json_ctx, e, f, schedule, &t->scratch);
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_int64(s, 2, (int64_t)i + 1);
        bind_text(s, 3,
                  f->kind < FINDING_KINDS ? finding_kind_names[f->kind] : "?");
        bind_text(s, 4, f->error ? "error" : "warning");
        sqlite3_bind_int64(s, 5, (int64_t)f->step);
        bind_text(s, 6, f->message);
        bind_text(s, 7, t->scratch.len ? t->scratch.p : "{}");
        bind_text(s, 8, schedule);
        sqlite3_bind_int(s, 9, 1);
        sqlite3_bind_null(s, 10);
        rc = step_reset(s);
    }
    if (rc == SQLITE_OK) {
        *doing = "writing metrics";
        rc = write_rows(t, FAM_METRIC, id, e->tasks.len * 6, bind_metric,
                        &rr);
    }
    return rc;
}

wf_status trace_end_run(trace *t, const wf_engine *e,
                        const trace_run_info *info, int64_t *id, wf_diag *d)
{
    wf_status st;
    sqlite3_stmt *s = t->st[ST_RUN];
    const char *doing = "writing the run";
    char verdict[128];
    int rc;
    *id = 0;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = flush_events(t, d)) != WF_OK) return st;
    buf_reset(&t->scratch);
    verdict_of(e, &t->scratch);
    snprintf(verdict, sizeof verdict, "%s", t->scratch.p);
    sqlite3_bind_int64(s, 1, t->run_id);
    bind_text(s, 2, info->file ? info->file : "");
    bind_text(s, 3, info->source_sha256);
    bind_text(s, 4, info->command ? info->command : "");
    bind_text(s, 5, info->strategy);
    sqlite3_bind_int64(s, 6, info->seed);
    bind_text(s, 7, info->schedule);
    sqlite3_bind_int64(s, 8, (int64_t)e->step);
    bind_text(s, 9, verdict);
    bind_text(s, 10, info->created_at);
    bind_text(s, 11, info->role ? info->role : "execution");
    bind_opt(s, 12, info->summary_id, 0);
    sqlite3_bind_int(s, 13, info->status);
    bind_text(s, 14, exec_end_names[e->end < END__COUNT ? e->end : 0]);
    sqlite3_bind_text(s, 15, e->out.p ? e->out.p : "", (int)e->out.len,
                      SQLITE_STATIC);
    bind_opt(s, 16, info->max_steps, 0);
    sqlite3_bind_int64(s, 17, t->run_seq);
    sqlite3_bind_null(s, 18);
    sqlite3_bind_null(s, 19);
    rc = step_reset(s);
    if (rc == SQLITE_OK)
        rc = write_tables(t, e, t->run_id, info->schedule, &doing);
    if (rc != SQLITE_OK) return run_failed(t, rc, doing, d);
    end_savepoint(t, true);
    t->txn_runs++;
    *id = t->run_id;
    t->pending++; /* the run itself counts, so batch 0 commits it */
    t->run_id = 0;
    t->run_open = false;
    t->run_seq = 0;
    t->files.len = 0;
    t->last_file = NULL;
    t->last_fid = -1;
    if (t->pending > t->batch) return trace_commit(t, d);
    return WF_OK;
}

wf_status trace_begin_summary(trace *t, const trace_run_info *info, int64_t *id,
                              wf_diag *d)
{
    wf_status st;
    sqlite3_stmt *s = t->st[ST_RUN];
    int rc;
    *id = 0;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    *id = t->next_id++;
    sqlite3_bind_int64(s, 1, *id);
    bind_text(s, 2, info->file ? info->file : "");
    bind_text(s, 3, info->source_sha256);
    bind_text(s, 4, info->command ? info->command : "");
    bind_text(s, 5, info->strategy);
    sqlite3_bind_int64(s, 6, info->seed);
    sqlite3_bind_null(s, 7);
    sqlite3_bind_int64(s, 8, 0);
    bind_text(s, 9, "running");
    bind_text(s, 10, info->created_at);
    bind_text(s, 11, "summary");
    sqlite3_bind_null(s, 12);
    sqlite3_bind_null(s, 13);
    bind_text(s, 14, "running");
    sqlite3_bind_null(s, 15);
    bind_opt(s, 16, info->max_steps, 0);
    sqlite3_bind_int64(s, 17, 0);
    sqlite3_bind_int64(s, 18, 0);
    sqlite3_bind_int(s, 19, 0);
    rc = step_reset(s);
    if (rc != SQLITE_OK)
        return trace_write_failed(t, rc, "writing the summary run", d);
    return trace_commit(t, d);
}

wf_status trace_finish_summary(trace *t, int64_t id, const trace_summary *sm,
                               wf_diag *d)
{
    sqlite3_stmt *s;
    wf_status st;
    int rc;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    rc = sqlite3_prepare_v2(t->db,
                            "UPDATE runs SET executions = ?, steps = ?, "
                            "complete = ?, end_reason = ?, verdict = ?, "
                            "status = ? WHERE id = ?",
                            -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, sm->executions);
        sqlite3_bind_int64(s, 2, (int64_t)sm->steps);
        sqlite3_bind_int(s, 3, sm->complete);
        bind_text(s, 4, sm->end_reason);
        bind_text(s, 5, sm->verdict);
        sqlite3_bind_int(s, 6, sm->status);
        sqlite3_bind_int64(s, 7, id);
        rc = sqlite3_step(s);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
        sqlite3_finalize(s);
    }
    if (rc != SQLITE_OK)
        return trace_write_failed(t, rc, "writing the summary run", d);
    return trace_commit(t, d);
}

wf_status trace_add_finding(trace *t, const trace_finding *f, wf_diag *d)
{
    sqlite3_stmt *s = t->st[ST_FIND];
    wf_status st;
    int rc;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    sqlite3_bind_int64(s, 1, f->run_id);
    sqlite3_bind_int64(s, 2, f->k);
    bind_text(s, 3, f->kind);
    bind_text(s, 4, f->severity);
    sqlite3_bind_int64(s, 5, f->step);
    bind_text(s, 6, f->message);
    bind_text(s, 7, f->detail_json);
    bind_text(s, 8, f->schedule);
    sqlite3_bind_int64(s, 9, f->count);
    bind_opt(s, 10, f->witness_run, 0);
    rc = step_reset(s);
    if (rc != SQLITE_OK) return trace_write_failed(t, rc, "writing findings", d);
    return WF_OK;
}

wf_status trace_put_source(trace *t, const char *sha256, const char *path,
                           const void *text, size_t len, wf_diag *d)
{
    sqlite3_stmt *s;
    wf_status st;
    int rc;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    rc = sqlite3_prepare_v2(t->db,
                            "INSERT OR IGNORE INTO sources(sha256, path, "
                            "text) VALUES (?, ?, ?)",
                            -1, &s, NULL);
    if (rc == SQLITE_OK) {
        bind_text(s, 1, sha256);
        bind_text(s, 2, path ? path : "");
        sqlite3_bind_blob64(s, 3, text, (sqlite3_uint64)len, SQLITE_STATIC);
        rc = step_reset(s);
        sqlite3_finalize(s);
    }
    if (rc != SQLITE_OK)
        return trace_write_failed(t, rc, "keeping the program's source", d);
    return WF_OK;
}

wf_status trace_add_outcome(trace *t, int64_t run_id, int64_t k,
                            const char *output, const char *kinds,
                            int64_t count, const char *schedule, wf_diag *d)
{
    sqlite3_stmt *s = t->st[ST_OUTCOME];
    wf_status st;
    int rc;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    sqlite3_bind_int64(s, 1, run_id);
    sqlite3_bind_int64(s, 2, k);
    bind_text(s, 3, output ? output : "");
    bind_text(s, 4, kinds ? kinds : "");
    sqlite3_bind_int64(s, 5, count);
    bind_text(s, 6, schedule);
    rc = step_reset(s);
    if (rc != SQLITE_OK) return trace_write_failed(t, rc, "writing outcomes", d);
    return WF_OK;
}

/* ---- shards (explore --shard I/N, weft merge) --------------------------- */

wf_status trace_put_shard(trace *t, int64_t run_id, int shard, int nshards,
                          const char *plan, const char *parts, wf_diag *d)
{
    sqlite3_stmt *s = NULL;
    wf_status st;
    int rc;
    if (t->broken) return diag_set(d, t->path, 0, 0, "an earlier write failed");
    if ((st = begin_txn(t, d)) != WF_OK) return st;
    rc = sqlite3_prepare_v2(t->db,
                            "INSERT INTO shards(run_id, shard, nshards, plan, "
                            "parts) VALUES (?, ?, ?, ?, ?)",
                            -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, run_id);
        sqlite3_bind_int(s, 2, shard);
        sqlite3_bind_int(s, 3, nshards);
        bind_text(s, 4, plan);
        bind_text(s, 5, parts);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(t->db);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_OK) return trace_write_failed(t, rc, "writing the shard", d);
    return WF_OK;
}

/* trace_read.c: reading a trace database: runs with their findings,
 * events in order or by page, tasks, objects and metrics (see trace.h). */
#include "trace_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading --------------------------------------------------------------
 */

char *trace_col_str(sqlite3_stmt *s, int i)
{
    const unsigned char *v = sqlite3_column_text(s, i);
    return v ? wf_xstrdup((const char *)v) : NULL;
}

int64_t trace_col_i64(sqlite3_stmt *s, int i, int64_t null)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL
               ? null
               : sqlite3_column_int64(s, i);
}

void trace_run_rec_fini(trace_run_rec *r)
{
    free(r->file);
    free(r->source_sha256);
    free(r->command);
    free(r->strategy);
    free(r->schedule);
    free(r->verdict);
    free(r->created_at);
    free(r->role);
    free(r->end_reason);
    free(r->output);
    for (size_t i = 0; i < r->findings.len; i++) {
        trace_finding *f = &r->findings.p[i];
        free((char *)f->kind);
        free((char *)f->severity);
        free((char *)f->message);
        free((char *)f->detail_json);
        free((char *)f->schedule);
    }
    VEC_FREE(r->findings);
    memset(r, 0, sizeof *r);
}

static const char run_cols[] =
    "SELECT id, file, source_sha256, command, strategy, seed, schedule, "
    "steps, verdict, created_at, role, summary_id, status, end_reason, "
    "output, max_steps, nevents, executions, complete FROM runs";

static void read_run(sqlite3_stmt *s, trace_run_rec *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(s, 0);
    r->file = trace_col_str(s, 1);
    r->source_sha256 = trace_col_str(s, 2);
    r->command = trace_col_str(s, 3);
    r->strategy = trace_col_str(s, 4);
    r->seed = trace_col_i64(s, 5, 0);
    r->schedule = trace_col_str(s, 6);
    r->steps = trace_col_i64(s, 7, 0);
    r->verdict = trace_col_str(s, 8);
    r->created_at = trace_col_str(s, 9);
    r->role = trace_col_str(s, 10);
    r->summary_id = trace_col_i64(s, 11, 0);
    r->status = trace_col_i64(s, 12, -1);
    r->end_reason = trace_col_str(s, 13);
    r->output = trace_col_str(s, 14);
    r->max_steps = trace_col_i64(s, 15, 0);
    r->nevents = trace_col_i64(s, 16, 0);
    r->executions = trace_col_i64(s, 17, 0);
    r->complete = (int)trace_col_i64(s, 18, -1);
}

/* Read r's findings with *sp, prepared on first use (the caller
 * finalizes it). */
static int read_findings(trace *t, trace_run_rec *r, sqlite3_stmt **sp)
{
    sqlite3_stmt *s;
    int rc = SQLITE_OK;
    if (!*sp)
        rc = sqlite3_prepare_v2(
            t->db,
            "SELECT id, run_id, k, kind, severity, step, message, "
            "detail_json, schedule, count, witness_run FROM findings WHERE "
            "run_id = ? ORDER BY k, id",
            -1, sp, NULL);
    if (rc != SQLITE_OK) return rc;
    s = *sp;
    sqlite3_reset(s);
    sqlite3_bind_int64(s, 1, r->id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        trace_finding f;
        memset(&f, 0, sizeof f);
        f.id = sqlite3_column_int64(s, 0);
        f.run_id = sqlite3_column_int64(s, 1);
        f.k = sqlite3_column_int64(s, 2);
        f.kind = trace_col_str(s, 3);
        f.severity = trace_col_str(s, 4);
        f.step = trace_col_i64(s, 5, 0);
        f.message = trace_col_str(s, 6);
        f.detail_json = trace_col_str(s, 7);
        f.schedule = trace_col_str(s, 8);
        f.count = trace_col_i64(s, 9, 0);
        f.witness_run = trace_col_i64(s, 10, 0);
        VEC_PUSH(r->findings, f);
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

wf_status trace_list(trace *t, trace_run_fn fn, void *ctx, wf_diag *d)
{
    return trace_list_from(t, INT64_MIN, -1, fn, ctx, d);
}

wf_status trace_list_from(trace *t, int64_t from_id, int64_t limit,
                          trace_run_fn fn, void *ctx, wf_diag *d)
{
    sqlite3_stmt *s, *fs = NULL;
    char sql[600];
    int rc;
    snprintf(sql, sizeof sql, "%s WHERE id >= ? ORDER BY id LIMIT ?",
             run_cols);
    rc = sqlite3_prepare_v2(t->db, sql, -1, &s, NULL);
    if (rc != SQLITE_OK) return trace_db_error(t, t->db, rc, "listing runs", d);
    sqlite3_bind_int64(s, 1, from_id);
    sqlite3_bind_int64(s, 2, limit < 0 ? -1 : limit);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        trace_run_rec r;
        bool more;
        read_run(s, &r);
        rc = read_findings(t, &r, &fs);
        if (rc != SQLITE_OK) {
            trace_run_rec_fini(&r);
            break;
        }
        more = fn(ctx, &r);
        trace_run_rec_fini(&r);
        if (!more) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_finalize(s);
    sqlite3_finalize(fs);
    if (rc != SQLITE_DONE) return trace_db_error(t, t->db, rc, "listing runs", d);
    return WF_OK;
}

wf_status trace_get_run(trace *t, int64_t id, trace_run_rec *out, wf_diag *d)
{
    sqlite3_stmt *s, *fs = NULL;
    char sql[600];
    int rc;
    memset(out, 0, sizeof *out);
    snprintf(sql, sizeof sql, "%s WHERE id = ?", run_cols);
    rc = sqlite3_prepare_v2(t->db, sql, -1, &s, NULL);
    if (rc != SQLITE_OK) return trace_db_error(t, t->db, rc, "reading a run", d);
    sqlite3_bind_int64(s, 1, id);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) read_run(s, out);
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE)
        return diag_set(d, t->path, 0, 0, "no run %lld (see weft list %s)",
                        (long long)id, t->path);
    if (rc == SQLITE_ROW) rc = read_findings(t, out, &fs);
    sqlite3_finalize(fs);
    if (rc != SQLITE_OK) {
        trace_run_rec_fini(out);
        return trace_db_error(t, t->db, rc, "reading a run", d);
    }
    return WF_OK;
}

wf_status trace_get_source(trace *t, const char *sha256, char **text,
                           size_t *len, wf_diag *d)
{
    sqlite3_stmt *s;
    int rc;
    *text = NULL;
    *len = 0;
    if (!sha256) return WF_OK;
    rc = sqlite3_prepare_v2(t->db,
                            "SELECT text FROM sources WHERE sha256 = ?", -1,
                            &s, NULL);
    if (rc != SQLITE_OK)
        return trace_db_error(t, t->db, rc, "reading a program's source", d);
    sqlite3_bind_text(s, 1, sha256, -1, SQLITE_STATIC);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        const void *b = sqlite3_column_blob(s, 0);
        int n = sqlite3_column_bytes(s, 0);
        *len = n > 0 ? (size_t)n : 0;
        *text = wf_xmalloc(*len + 1);
        if (*len) memcpy(*text, b, *len);
        (*text)[*len] = 0;
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE) {
        free(*text);
        *text = NULL;
        return trace_db_error(t, t->db, rc, "reading a program's source", d);
    }
    return WF_OK;
}

struct trace_cursor {
    trace *t;
    sqlite3_stmt *s;        /* the statement trace_events_next steps */
    sqlite3_stmt *all;      /* every event in order */
    sqlite3_stmt *page[2];  /* trace_events_seek: forward, backward */
    VEC(char *) files; /* by fid */
    int64_t run_id;
};

wf_status trace_events_open(trace *t, int64_t run_id, trace_cursor **out,
                            wf_diag *d)
{
    trace_cursor *c = wf_xcalloc(1, sizeof *c);
    sqlite3_stmt *f;
    int rc;
    *out = NULL;
    c->t = t;
    c->run_id = run_id;
    rc = sqlite3_prepare_v2(t->db,
                            "SELECT fid, path FROM files WHERE run_id = ? "
                            "ORDER BY fid",
                            -1, &f, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(f, 1, run_id);
        while ((rc = sqlite3_step(f)) == SQLITE_ROW) {
            int64_t fid = sqlite3_column_int64(f, 0);
            if (fid < 0 || fid > 1000000) {
                rc = SQLITE_CORRUPT;
                break;
            }
            while (c->files.len <= (size_t)fid)
                VEC_PUSH(c->files, NULL);
            free(c->files.p[fid]);
            c->files.p[fid] = trace_col_str(f, 1);
        }
        sqlite3_finalize(f);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc == SQLITE_OK)
        rc = sqlite3_prepare_v2(
            t->db,
            "SELECT step, seq, tid, op, oid, value, clock, line, fid, "
            "flags, peer, aux, aux2 FROM events WHERE run_id = ? "
            "ORDER BY step, seq",
            -1, &c->all, NULL);
    if (rc != SQLITE_OK) {
        trace_events_close(c);
        return trace_db_error(t, t->db, rc, "reading events", d);
    }
    c->s = c->all;
    sqlite3_bind_int64(c->s, 1, run_id);
    *out = c;
    return WF_OK;
}

static int op_code(const char *name)
{
    if (!name) return -1;
    for (int i = 0; i < EV__COUNT; i++)
        if (!strcmp(ev_op_names[i], name)) return i;
    return -1;
}

int trace_events_next(trace_cursor *c, wf_event *ev, int64_t *seq, wf_diag *d)
{
    sqlite3_stmt *s = c->s;
    int rc = sqlite3_step(s);
    int code;
    int64_t fid;
    if (rc == SQLITE_DONE) return 0;
    if (rc != SQLITE_ROW) {
        trace_db_error(c->t, c->t->db, rc, "reading events", d);
        return -1;
    }
    memset(ev, 0, sizeof *ev);
    ev->step = (uint64_t)sqlite3_column_int64(s, 0);
    *seq = sqlite3_column_int64(s, 1);
    ev->tid = (int32_t)sqlite3_column_int64(s, 2);
    code = op_code((const char *)sqlite3_column_text(s, 3));
    if (code < 0) {
        diag_set(d, c->t->path, 0, 0, "run %lld, event %lld: unknown op '%s'",
                 (long long)c->run_id, (long long)*seq,
                 (const char *)sqlite3_column_text(s, 3));
        return -1;
    }
    ev->op = (uint16_t)code;
    ev->oid = (int32_t)trace_col_i64(s, 4, -1);
    ev->value = trace_col_i64(s, 5, 0);
    ev->clock = trace_col_i64(s, 6, 0);
    ev->line = (int32_t)trace_col_i64(s, 7, 0);
    fid = trace_col_i64(s, 8, -1);
    ev->file = fid >= 0 && (size_t)fid < c->files.len ? c->files.p[fid] : NULL;
    ev->flags = (uint16_t)trace_col_i64(s, 9, 0);
    ev->peer = (int32_t)trace_col_i64(s, 10, -1);
    ev->aux = trace_col_i64(s, 11, 0);
    ev->aux2 = trace_col_i64(s, 12, -1);
    return 1;
}

wf_status trace_events_seek(trace_cursor *c, int64_t step, int64_t seq,
                            bool backward, int64_t limit, wf_diag *d)
{
    static const char *const sql[2] = {
        "SELECT step, seq, tid, op, oid, value, clock, line, fid, flags, "
        "peer, aux, aux2 FROM events WHERE run_id = ?1 AND (step, seq) >= "
        "(?2, ?3) ORDER BY step, seq LIMIT ?4",
        "SELECT step, seq, tid, op, oid, value, clock, line, fid, flags, "
        "peer, aux, aux2 FROM events WHERE run_id = ?1 AND (step, seq) <= "
        "(?2, ?3) ORDER BY step DESC, seq DESC LIMIT ?4"};
    int k = backward ? 1 : 0;
    sqlite3_stmt **s = &c->page[k];
    if (!*s) {
        int rc = sqlite3_prepare_v3(c->t->db, sql[k], -1,
                                    SQLITE_PREPARE_PERSISTENT, s, NULL);
        if (rc != SQLITE_OK)
            return trace_db_error(c->t, c->t->db, rc, "reading events", d);
    }
    if (c->s) sqlite3_reset(c->s);
    sqlite3_bind_int64(*s, 1, c->run_id);
    sqlite3_bind_int64(*s, 2, step);
    sqlite3_bind_int64(*s, 3, seq);
    sqlite3_bind_int64(*s, 4, limit < 0 ? -1 : limit);
    c->s = *s;
    return WF_OK;
}

void trace_events_close(trace_cursor *c)
{
    if (!c) return;
    sqlite3_finalize(c->all);
    sqlite3_finalize(c->page[0]);
    sqlite3_finalize(c->page[1]);
    for (size_t i = 0; i < c->files.len; i++)
        free(c->files.p[i]);
    VEC_FREE(c->files);
    free(c);
}

void trace_run_meta_fini(trace_run_meta *m)
{
    for (size_t i = 0; i < m->tasks.len; i++) {
        free(m->tasks.p[i].name);
        free(m->tasks.p[i].fname);
        free(m->tasks.p[i].end_state);
    }
    for (size_t i = 0; i < m->objects.len; i++) {
        free(m->objects.p[i].kind);
        free(m->objects.p[i].name);
        free(m->objects.p[i].file);
    }
    for (size_t i = 0; i < m->metrics.len; i++)
        free(m->metrics.p[i].name);
    VEC_FREE(m->tasks);
    VEC_FREE(m->objects);
    VEC_FREE(m->metrics);
}

wf_status trace_get_meta(trace *t, int64_t run_id, trace_run_meta *out,
                         wf_diag *d)
{
    static const char *const sql[3] = {
        "SELECT tid, name, fname, parent_tid, spawn_step, end_step, "
        "end_state FROM tasks WHERE run_id = ? ORDER BY tid",
        "SELECT oid, kind, name, capacity, file, line FROM objects WHERE "
        "run_id = ? ORDER BY oid",
        "SELECT tid, name, value FROM metrics WHERE run_id = ? ORDER BY "
        "tid, name"};
    int rc = SQLITE_OK;
    memset(out, 0, sizeof *out);
    for (int k = 0; k < 3 && rc == SQLITE_OK; k++) {
        sqlite3_stmt *s;
        rc = sqlite3_prepare_v2(t->db, sql[k], -1, &s, NULL);
        if (rc != SQLITE_OK) break;
        sqlite3_bind_int64(s, 1, run_id);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            if (k == 0) {
                trace_task_row r;
                r.tid = (int32_t)sqlite3_column_int64(s, 0);
                r.name = trace_col_str(s, 1);
                r.fname = trace_col_str(s, 2);
                r.parent = (int32_t)trace_col_i64(s, 3, -1);
                r.spawn_step = trace_col_i64(s, 4, 0);
                r.end_step = trace_col_i64(s, 5, -1);
                r.end_state = trace_col_str(s, 6);
                VEC_PUSH(out->tasks, r);
            } else if (k == 1) {
                trace_obj_row r;
                r.oid = (int32_t)sqlite3_column_int64(s, 0);
                r.kind = trace_col_str(s, 1);
                r.name = trace_col_str(s, 2);
                r.capacity = trace_col_i64(s, 3, -1);
                r.file = trace_col_str(s, 4);
                r.line = (int32_t)trace_col_i64(s, 5, 0);
                VEC_PUSH(out->objects, r);
            } else {
                trace_metric_row r;
                r.tid = (int32_t)sqlite3_column_int64(s, 0);
                r.name = trace_col_str(s, 1);
                r.value = trace_col_i64(s, 2, 0);
                VEC_PUSH(out->metrics, r);
            }
        }
        sqlite3_finalize(s);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc != SQLITE_OK) return trace_db_error(t, t->db, rc, "reading the run", d);
    return WF_OK;
}

/* ---- shards (weft merge) ------------------------------------------------ */

wf_status trace_get_shard(trace *t, int64_t run_id, trace_shard *out,
                          bool *found, wf_diag *d)
{
    sqlite3_stmt *s = NULL;
    int rc;
    memset(out, 0, sizeof *out);
    *found = false;
    rc = sqlite3_prepare_v2(t->db,
                            "SELECT shard, nshards, plan, parts FROM shards "
                            "WHERE run_id = ?",
                            -1, &s, NULL);
    if (rc != SQLITE_OK)
        return diag_set(d, t->path, 0, 0, "reading shards: %s",
                        sqlite3_errmsg(t->db));
    sqlite3_bind_int64(s, 1, run_id);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->run_id = run_id;
        out->shard = sqlite3_column_int(s, 0);
        out->nshards = sqlite3_column_int(s, 1);
        out->plan = trace_col_str(s, 2);
        out->parts = trace_col_str(s, 3);
        *found = true;
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return diag_set(d, t->path, 0, 0, "reading shards: %s",
                        sqlite3_errmsg(t->db));
    return WF_OK;
}

void trace_shard_fini(trace_shard *s)
{
    free(s->plan);
    free(s->parts);
    memset(s, 0, sizeof *s);
}

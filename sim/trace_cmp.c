/* trace_cmp.c: comparing a replay with a recorded run, event by event
 * (see trace.h). */
#include "trace_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- comparing ------------------------------------------------------------
 */

typedef struct name_kind {
    char *name;
    char *kind;
} name_kind;

struct trace_cmp {
    trace *t;
    trace_cursor *cur;
    int64_t run_id;
    VEC(name_kind) tasks;   /* the recorded run's, by tid */
    VEC(name_kind) objects; /* by oid */
    int64_t count;          /* events equal so far */
    bool done;              /* diverged (or failed to read) */
    char *msg;
    buf json;
};

static wf_status load_names(trace *t, const char *sql, int64_t run_id,
                            void *vec, wf_diag *d)
{
    VEC(name_kind) *v = vec;
    sqlite3_stmt *s;
    int rc = sqlite3_prepare_v2(t->db, sql, -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_int64(s, 1, run_id);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            int64_t id = sqlite3_column_int64(s, 0);
            if (id < 0 || id > 10000000) {
                rc = SQLITE_CORRUPT;
                break;
            }
            while (v->len <= (size_t)id) {
                name_kind z = {NULL, NULL};
                VEC_PUSH(*v, z);
            }
            free(v->p[id].name);
            free(v->p[id].kind);
            v->p[id].name = trace_col_str(s, 1);
            v->p[id].kind = trace_col_str(s, 2);
        }
        sqlite3_finalize(s);
        rc = rc == SQLITE_DONE ? SQLITE_OK : rc;
    }
    if (rc != SQLITE_OK) return trace_db_error(t, t->db, rc, "reading the run", d);
    return WF_OK;
}

wf_status trace_cmp_new(trace *t, int64_t run_id, trace_cmp **out, wf_diag *d)
{
    trace_cmp *c = wf_xcalloc(1, sizeof *c);
    trace_run_rec r;
    wf_status st;
    *out = NULL;
    c->t = t;
    c->run_id = run_id;
    buf_init(&c->json);
    st = trace_get_run(t, run_id, &r, d);
    if (st == WF_OK) {
        bool summary = r.role && !strcmp(r.role, "summary");
        trace_run_rec_fini(&r);
        if (summary)
            st = diag_set(d, t->path, 0, 0,
                          "run %lld is the summary of an exploration: it "
                          "has no events (replay one of its findings)",
                          (long long)run_id);
    }
    if (st == WF_OK)
        st = load_names(t, "SELECT tid, name, NULL FROM tasks WHERE run_id = ?",
                        run_id, &c->tasks, d);
    if (st == WF_OK)
        st = load_names(t,
                        "SELECT oid, name, kind FROM objects WHERE "
                        "run_id = ?",
                        run_id, &c->objects, d);
    if (st == WF_OK) st = trace_events_open(t, run_id, &c->cur, d);
    if (st != WF_OK) {
        trace_cmp_free(c);
        return st;
    }
    *out = c;
    return WF_OK;
}

static void free_names(void *vec)
{
    VEC(name_kind) *v = vec;
    for (size_t i = 0; i < v->len; i++) {
        free(v->p[i].name);
        free(v->p[i].kind);
    }
    VEC_FREE(*v);
}

void trace_cmp_free(trace_cmp *c)
{
    if (!c) return;
    trace_events_close(c->cur);
    free_names(&c->tasks);
    free_names(&c->objects);
    free(c->msg);
    buf_fini(&c->json);
    free(c);
}

static const char *base_name(const char *p)
{
    const char *s = p ? strrchr(p, '/') : NULL;
    return s ? s + 1 : (p ? p : "");
}

/* Names of the recorded side (names from the database) or the seen side
 * (the engine). */
typedef struct namer {
    const trace_cmp *c;
    const wf_engine *e; /* NULL: recorded */
} namer;

static const char *task_name(const namer *n, int32_t tid)
{
    if (n->e)
        return tid >= 0 && (size_t)tid < n->e->tasks.len
                   ? n->e->tasks.p[tid]->name
                   : NULL;
    return tid >= 0 && (size_t)tid < n->c->tasks.len ? n->c->tasks.p[tid].name
                                                     : NULL;
}

static void obj_name(const namer *n, int32_t oid, const char **name,
                     const char **kind)
{
    *name = *kind = NULL;
    if (oid < 0) return;
    if (n->e) {
        if ((size_t)oid < n->e->objs.len) {
            const wf_obj *o = n->e->objs.p[oid];
            *name = o->name;
            *kind = o->kind < OBJ__COUNT ? obj_kind_names[o->kind] : NULL;
        }
    } else if ((size_t)oid < n->c->objects.len) {
        *name = n->c->objects.p[oid].name;
        *kind = n->c->objects.p[oid].kind;
    }
}

/* "g1 phil: lock mutex forks[1] (philo.c:24)", with what else is set. */
static void describe(buf *out, const namer *n, const wf_event *ev)
{
    const char *tn = task_name(n, ev->tid), *on, *ok;
    obj_name(n, ev->oid, &on, &ok);
    if (tn)
        buf_printf(out, "%s: ", tn);
    else
        buf_printf(out, "task %d: ", (int)ev->tid);
    buf_puts(out, ev->op < EV__COUNT ? ev_op_names[ev->op] : "?");
    if (ev->oid >= 0) {
        char lb[48];
        if (on && *on)
            buf_printf(out, " %s %s", ok ? ok : "object", on);
        else
            buf_printf(out, " %s", obj_label(lb, sizeof lb, ok, NULL,
                                             ev->oid));
    }
    if (ev->peer >= 0) {
        const char *pn = task_name(n, ev->peer);
        if (pn)
            buf_printf(out, " with %s", pn);
        else
            buf_printf(out, " with task %d", (int)ev->peer);
    }
    if (ev->value) buf_printf(out, " value %lld", (long long)ev->value);
    if (ev->file)
        buf_printf(out, " (%s:%d)", base_name(ev->file), (int)ev->line);
    else if (ev->line)
        buf_printf(out, " (line %d)", (int)ev->line);
}

static void event_json(buf *out, const namer *n, const wf_event *ev)
{
    const char *on, *ok, *tn = task_name(n, ev->tid);
    obj_name(n, ev->oid, &on, &ok);
    buf_printf(out, "{\"step\": %llu, \"tid\": %d, \"task\": ",
               (unsigned long long)ev->step, (int)ev->tid);
    buf_json_str(out, tn ? tn : "");
    buf_puts(out, ", \"op\": ");
    buf_json_str(out, ev->op < EV__COUNT ? ev_op_names[ev->op] : "?");
    buf_printf(out, ", \"oid\": %d, \"object\": ", (int)ev->oid);
    buf_json_str(out, on ? on : "");
    buf_printf(out,
               ", \"peer\": %d, \"value\": %lld, \"flags\": %u, \"aux\": "
               "%lld, \"aux2\": %lld, \"clock\": %lld, \"file\": ",
               (int)ev->peer, (long long)ev->value, (unsigned)ev->flags,
               (long long)ev->aux, (long long)ev->aux2, (long long)ev->clock);
    buf_json_str(out, ev->file ? ev->file : "");
    buf_printf(out, ", \"line\": %d}", (int)ev->line);
}

static bool str_eq(const char *a, const char *b)
{
    if (!a || !b) return a == b;
    return !strcmp(a, b);
}

/* Names of the fields that differ, comma-separated. */
static void diff_fields(buf *out, const wf_event *a, const wf_event *b)
{
    const char *sep = "";
#define FIELD(cond, name)                                                      \
    do {                                                                       \
        if (cond) {                                                            \
            buf_printf(out, "%s%s", sep, name);                                \
            sep = ", ";                                                        \
        }                                                                      \
    } while (0)
    FIELD(a->step != b->step, "step");
    FIELD(a->tid != b->tid, "task");
    FIELD(a->op != b->op, "op");
    FIELD(a->oid != b->oid, "object");
    FIELD(a->peer != b->peer, "peer");
    FIELD(a->value != b->value, "value");
    FIELD(a->flags != b->flags, "flags");
    FIELD(a->aux != b->aux, "aux");
    FIELD(a->aux2 != b->aux2, "aux2");
    FIELD(a->clock != b->clock, "clock");
    FIELD(!str_eq(a->file, b->file), "file");
    FIELD(a->line != b->line, "line");
#undef FIELD
}

static bool ev_equal(const wf_event *a, const wf_event *b)
{
    return a->step == b->step && a->tid == b->tid && a->op == b->op &&
           a->oid == b->oid && a->peer == b->peer && a->value == b->value &&
           a->flags == b->flags && a->aux == b->aux && a->aux2 == b->aux2 &&
           a->clock == b->clock && a->line == b->line &&
           str_eq(a->file, b->file);
}

/* Record the first divergence. want or got may be NULL (missing). */
static void diverged(trace_cmp *c, const wf_engine *e, const wf_event *want,
                     const wf_event *got, uint64_t step)
{
    namer rec = {c, NULL}, seen = {c, e};
    buf m;
    c->done = true;
    buf_init(&m);
    buf_printf(
        &m, "the replay diverges from run %lld at step %llu (event %lld): ",
        (long long)c->run_id, (unsigned long long)step, (long long)c->count);
    if (want && got) {
        buf_puts(&m, "expected ");
        describe(&m, &rec, want);
        buf_puts(&m, ", saw ");
        describe(&m, &seen, got);
        buf_puts(&m, " (differs in ");
        diff_fields(&m, want, got);
        buf_putc(&m, ')');
    } else if (want) {
        buf_puts(&m, "the replay ended; expected ");
        describe(&m, &rec, want);
    } else {
        buf_printf(&m, "run %lld ended there; saw ", (long long)c->run_id);
        describe(&m, &seen, got);
    }
    c->msg = wf_xstrdup(m.p);
    buf_fini(&m);
    buf_printf(&c->json,
               "{\"run\": %lld, \"step\": %llu, \"event\": %lld, "
               "\"expected\": ",
               (long long)c->run_id, (unsigned long long)step,
               (long long)c->count);
    if (want)
        event_json(&c->json, &rec, want);
    else
        buf_puts(&c->json, "null");
    buf_puts(&c->json, ", \"seen\": ");
    if (got)
        event_json(&c->json, &seen, got);
    else
        buf_puts(&c->json, "null");
    buf_puts(&c->json, ", \"message\": ");
    buf_json_str(&c->json, c->msg);
    buf_putc(&c->json, '}');
}

static void read_failed(trace_cmp *c, const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    c->done = true;
    c->msg = wf_xstrdup(m);
    buf_puts(&c->json, "{\"message\": ");
    buf_json_str(&c->json, m);
    buf_putc(&c->json, '}');
}

static void cmp_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    trace_cmp *c = ctx;
    wf_event want;
    int64_t seq;
    wf_diag d;
    int r;
    if (c->done) return;
    r = trace_events_next(c->cur, &want, &seq, &d);
    if (r < 0)
        read_failed(c, &d);
    else if (r == 0)
        diverged(c, e, NULL, ev, ev->step);
    else if (!ev_equal(&want, ev))
        diverged(c, e, &want, ev, want.step < ev->step ? want.step : ev->step);
    else
        c->count++;
}

static void cmp_end(void *ctx, wf_engine *e)
{
    trace_cmp *c = ctx;
    wf_event want;
    int64_t seq;
    wf_diag d;
    int r;
    if (c->done) return;
    r = trace_events_next(c->cur, &want, &seq, &d);
    if (r < 0)
        read_failed(c, &d);
    else if (r > 0)
        diverged(c, e, &want, NULL, want.step);
}

wf_consumer trace_cmp_consumer(trace_cmp *c)
{
    wf_consumer k = {c, NULL, cmp_event, cmp_end, NULL, 0};
    return k;
}

const char *trace_cmp_divergence(const trace_cmp *c)
{
    return c->msg;
}

void trace_cmp_json(const trace_cmp *c, buf *out)
{
    if (c->json.len)
        buf_append(out, c->json.p, c->json.len);
    else
        buf_puts(out, "null");
}

int64_t trace_cmp_count(const trace_cmp *c)
{
    return c->count;
}

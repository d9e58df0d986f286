/* record.c: see record.h. */
#include "record.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checker/checkers.h"
#include "sim/sha256.h"
#include "sim/trace.h"

/* How long to wait for another process's write lock (SQLite's busy
 * timeout) before saying the database is locked. */
#define RECORD_BUSY_MS 2000
/* --record all: commit when this many events are pending (whole runs). */
#define RECORD_BATCH (1u << 18)
/* --json lists run ids up to this many. */
#define RECORD_LIST 100

struct record {
    const cli_opts *o;
    const program *p;
    trace *t;
    explorer *x;
    bool all;     /* --record all (or a single execution) */
    bool summary; /* explore, outcomes */
    bool failed;  /* a write failed during the exploration */
    wf_diag err;  /* what failed */
    double t0;
    char created[32];
    char *sha; /* of the program file, or NULL */
    const char *strategy;
    int64_t summary_id;
    wf_consumer cons[1];                /* what cs points to */
    int64_t nruns, first_run, last_run; /* execution and witness runs */
    VEC(int64_t) runs;                  /* the first RECORD_LIST of them */
    VEC(int64_t) witness;               /* by xfinding index: its run, 0 none */
    /* the caller's should_stop, wrapped */
    bool (*stop)(void *ctx, const explorer *x);
    void *stop_ctx;
    /* comparing */
    int64_t cmp_run;
    trace_cmp *cmp;
    char *cmp_schedule;
};

void record_now(char out[32])
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t now = time(NULL);
    struct tm tm;
    if (sde && *sde) {
        char *end;
        long long v = strtoll(sde, &end, 10);
        if (!*end && v >= 0) now = (time_t)v;
    }
    gmtime_r(&now, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* SHA-256 of the program file, or NULL when it cannot be read. */
static char *file_sha256(const char *path)
{
    unsigned char b[65536];
    char hex[65];
    size_t n;
    sha256_ctx c;
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) return NULL;
    sha256_init(&c);
    while ((n = fread(b, 1, sizeof b, f)) > 0)
        sha256_update(&c, b, n);
    if (ferror(f)) {
        fclose(f);
        return NULL;
    }
    fclose(f);
    sha256_final_hex(&c, hex);
    return wf_xstrdup(hex);
}

static void add_run(record *r, int64_t id)
{
    if (!r->nruns++) r->first_run = id;
    r->last_run = id;
    if (r->runs.len < RECORD_LIST) VEC_PUSH(r->runs, id);
}

static bool leak_error(const record *r, const finding *f)
{
    return f->kind == WF_LEAK ? r->p->leaks_are_errors : f->error;
}

/* The exit status one execution gives, as explore_status does. */
static int exec_status(const record *r, const wf_engine *e)
{
    for (size_t i = 0; i < e->findings.len; i++)
        if (leak_error(r, &e->findings.p[i]) || r->o->strict) return 1;
    return 0;
}

/* findings.detail_json: the report's JSON object of the finding. */
static void finding_json(void *ctx, const wf_engine *e, const finding *f,
                         const char *sched, buf *out)
{
    const record *r = ctx;
    xfinding xf;
    memset(&xf, 0, sizeof xf);
    xf.f = *f;
    xf.f.error = leak_error(r, f);
    xf.message = (char *)f->message;
    xf.detail = (char *)f->detail;
    xf.json = (char *)f->json;
    xf.file = (char *)f->file;
    xf.task = f->tid >= 0 && (size_t)f->tid < e->tasks.len
                  ? (char *)e->tasks.p[f->tid]->name
                  : NULL;
    xf.schedule = (char *)sched;
    xf.count = 1;
    report_finding_json(out, &xf);
}

static trace_run_info run_info(const record *r, const char *role,
                               const char *sched, int status)
{
    trace_run_info ri;
    memset(&ri, 0, sizeof ri);
    ri.file = r->p->file;
    ri.source_sha256 = r->sha;
    ri.command = r->o->cmd_name;
    ri.strategy = r->strategy;
    ri.schedule = sched;
    ri.created_at = r->created;
    ri.role = role;
    ri.seed = (int64_t)r->o->seed;
    ri.summary_id = r->summary_id;
    ri.max_steps = (int64_t)(r->o->max_steps ? r->o->max_steps : 1000000);
    ri.status = status;
    return ri;
}

/* Which distinct findings keep this execution's schedule: remember its run
 * as their witness (--record all). */
static void note_witness(record *r, const char *sched, int64_t id)
{
    if (!r->x) return;
    while (r->witness.len < r->x->findings.len)
        VEC_PUSH(r->witness, 0);
    for (size_t i = 0; i < r->x->findings.len; i++)
        if (r->x->findings.p[i].schedule &&
            !strcmp(r->x->findings.p[i].schedule, sched))
            r->witness.p[i] = id;
}

static void after_exec(void *ctx, wf_engine *e, const char *sched)
{
    record *r = ctx;
    trace_run_info ri;
    int64_t id;
    if (r->failed || !r->all) return;
    ri = run_info(r, "execution", sched, exec_status(r, e));
    if (trace_end_run(r->t, e, &ri, &id, &r->err) != WF_OK) {
        r->failed = true;
        return;
    }
    add_run(r, id);
    if (e->findings.len) note_witness(r, sched, id);
}

static bool stop_cb(void *ctx, const explorer *x)
{
    record *r = ctx;
    if (r->failed) return true;
    return r->stop && r->stop(r->stop_ctx, x);
}

static wf_status start_compare(record *r, explore_opts *eo, consumer_set *cs,
                               wf_diag *d)
{
    trace_run_rec run;
    wf_status st = trace_get_run(r->t, r->cmp_run, &run, d);
    if (st != WF_OK) return st;
    if (!run.schedule) {
        trace_run_rec_fini(&run);
        return diag_set(d, trace_path(r->t), 0, 0,
                        "run %lld is the summary of an exploration: it has "
                        "no schedule (replay one of its findings)",
                        (long long)r->cmp_run);
    }
    r->cmp_schedule = wf_xstrdup(run.schedule);
    if (!eo->schedule) eo->schedule = r->cmp_schedule;
    if (!eo->max_steps && run.max_steps > 0)
        eo->max_steps = (uint64_t)run.max_steps;
    trace_run_rec_fini(&run);
    if ((st = trace_cmp_new(r->t, r->cmp_run, &r->cmp, d)) != WF_OK) return st;
    r->cons[0] = trace_cmp_consumer(r->cmp);
    cs->v = r->cons;
    cs->n = 1;
    return WF_OK;
}

wf_status record_start(const cli_opts *o, const program *p, explore_opts *eo,
                       consumer_set *cs, record **out, wf_diag *d)
{
    record *r;
    wf_status st;
    bool compare = o->compare_run > 0;
    *out = NULL;
    if (!o->db)
        return compare ? diag_set(d, "", 0, 0, "--compare-run needs --db")
                       : WF_OK;
    if (o->cmd == CMD_REPLAY && !compare && !eo->schedule)
        return diag_set(d, "", 0, 0, "replay needs --schedule S");
    r = wf_xcalloc(1, sizeof *r);
    r->o = o;
    r->p = p;
    r->t0 = cli_now();
    r->cmp_run = compare ? o->compare_run : 0;
    r->strategy = report_strategy_name(eo->strategy);
    if (!compare) {
        /* A file size limit (ulimit -f) must be an error, not a kill. */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = SIG_IGN;
        sigemptyset(&sa.sa_mask);
        sigaction(SIGXFSZ, &sa, NULL);
    }
    st = trace_open(&r->t, o->db, compare ? TRACE_READ : TRACE_WRITE,
                    RECORD_BUSY_MS, d);
    if (st != WF_OK) goto fail;
    if (compare) {
        if ((st = start_compare(r, eo, cs, d)) != WF_OK) goto fail;
        *out = r;
        return WF_OK;
    }
    record_now(r->created);
    r->sha = file_sha256(p->file);
    trace_set_finding_json(r->t, finding_json, r);
    r->summary = o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES;
    r->all = !r->summary || (o->record && !strcmp(o->record, "all"));
    if (r->summary) {
        trace_run_info ri = run_info(r, "summary", NULL, 0);
        if ((st = trace_begin_summary(r->t, &ri, &r->summary_id, d)) != WF_OK)
            goto fail;
    }
    if (r->all) {
        r->cons[0] = trace_consumer(r->t);
        cs->v = r->cons;
        cs->n = 1;
        if (r->summary) trace_set_batch(r->t, RECORD_BATCH);
    }
    r->stop = eo->should_stop;
    r->stop_ctx = eo->stop_ctx;
    eo->should_stop = stop_cb;
    eo->stop_ctx = r;
    eo->after_exec = after_exec;
    eo->after_ctx = r;
    *out = r;
    return WF_OK;
fail:
    record_free(r);
    return st;
}

void record_attach(record *r, explorer *x)
{
    if (r) r->x = x;
}

/* Replay finding i's schedule with the checkers and the recorder and
 * write it as the finding's witness run: the checkers first, so that the
 * run's findings carry the same reports (Coffman conditions, a partial
 * deadlock become a leak) as the exploration's. */
static wf_status write_witness(record *r, size_t i, wf_diag *d)
{
    const xfinding *f = &r->x->findings.p[i];
    explore_opts eo;
    explorer *w;
    checkers_opts co = checkers_opts_default();
    checkers *ck;
    wf_consumer c[8];
    consumer_set cs = {c, 0}, *kc;
    wf_status st;
    co.livelock_window = (uint64_t)r->o->livelock_window;
    co.starvation_bypass = (uint64_t)r->o->starvation_bypass;
    ck = checkers_new(&co);
    kc = checkers_consumers(ck);
    for (int k = 0; k < kc->n && cs.n < 7; k++)
        c[cs.n++] = kc->v[k];
    c[cs.n++] = trace_consumer(r->t);
    memset(&eo, 0, sizeof eo);
    eo.strategy = WF_STRATEGY_REPLAY;
    eo.schedule = f->schedule;
    eo.max_steps = r->x->o.max_steps;
    eo.stack_size = r->x->o.stack_size;
    w = explore_new(&r->x->prog, &eo);
    st = explore_run(w, &cs, d);
    if (st == WF_OK && !w->diverged && w->last_end != END_ABANDONED) {
        trace_run_info ri =
            run_info(r, "witness", f->schedule, exec_status(r, w->e));
        int64_t id;
        st = trace_end_run(r->t, w->e, &ri, &id, d);
        if (st == WF_OK) {
            add_run(r, id);
            r->witness.p[i] = id;
        }
    }
    explore_free(w);
    checkers_free(ck);
    return st;
}

static const char *summary_end(const record *r)
{
    if (r->failed) return "error";
    if (r->x->complete) return "complete";
    if (r->x->stopped)
        return r->o->time_limit > 0 && cli_now() - r->t0 >= r->o->time_limit
                   ? "time-limit"
                   : "interrupted";
    if (r->x->bound >= 0) return "bound";
    return "budget";
}

static wf_status finish_summary(record *r, int status, wf_diag *d)
{
    explorer *x = r->x;
    trace_summary sm;
    buf v, j;
    wf_status st = WF_OK;
    const char *k[FINDING_KINDS];
    bool seen[FINDING_KINDS] = {false};
    int nk = 0;
    buf_init(&v);
    buf_init(&j);
    for (size_t i = 0; i < x->findings.len && st == WF_OK; i++) {
        const xfinding *f = &x->findings.p[i];
        trace_finding tf;
        buf_reset(&j);
        report_finding_json(&j, f);
        memset(&tf, 0, sizeof tf);
        tf.run_id = r->summary_id;
        tf.k = (int64_t)i + 1;
        tf.kind = finding_kind_names[f->f.kind];
        tf.severity = f->f.error ? "error" : "warning";
        tf.step = (int64_t)f->f.step;
        tf.message = f->message;
        tf.detail_json = j.p;
        tf.schedule = f->schedule;
        tf.count = f->count;
        tf.witness_run = r->witness.p[i];
        st = trace_add_finding(r->t, &tf, d);
        if (!seen[f->f.kind]) {
            seen[f->f.kind] = true;
            k[nk++] = finding_kind_names[f->f.kind];
        }
    }
    for (size_t i = 0; i < x->outcomes.len && st == WF_OK; i++) {
        const xoutcome *oc = &x->outcomes.p[i];
        st = trace_add_outcome(r->t, r->summary_id, (int64_t)i + 1, oc->output,
                               oc->kinds, oc->count, oc->schedule, d);
    }
    /* the kinds, sorted as trace.c sorts an execution's */
    for (int a = 1; a < nk; a++)
        for (int b = a; b > 0 && strcmp(k[b - 1], k[b]) > 0; b--) {
            const char *tmp = k[b];
            k[b] = k[b - 1];
            k[b - 1] = tmp;
        }
    for (int i = 0; i < nk; i++)
        buf_printf(&v, "%s%s", i ? " " : "", k[i]);
    memset(&sm, 0, sizeof sm);
    sm.executions = x->executions;
    sm.steps = x->steps;
    sm.complete = x->complete;
    sm.end_reason = summary_end(r);
    sm.verdict = nk ? v.p : "ok";
    sm.status = status;
    if (st == WF_OK) st = trace_finish_summary(r->t, r->summary_id, &sm, d);
    buf_fini(&v);
    buf_fini(&j);
    return st;
}

static wf_status finish_compare(record *r)
{
    const char *m = trace_cmp_divergence(r->cmp);
    explorer *x = r->x;
    if (!m) return WF_OK;
    if (x->diverged) {
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s; %s", m, x->diverged);
        free(x->diverged);
        x->diverged = wf_xstrdup(b.p);
        buf_fini(&b);
    } else {
        x->diverged = wf_xstrdup(m);
    }
    return WF_OK;
}

wf_status record_finish(record *r, explorer *x, int status, wf_diag *d)
{
    wf_status st;
    if (!r) return WF_OK;
    r->x = x;
    if (r->cmp) return finish_compare(r);
    if (r->failed) {
        *d = r->err;
        /* keep what is whole; the summary says how it ended if it can */
        trace_commit(r->t, NULL);
        return WF_ERR_INPUT;
    }
    while (r->witness.len < x->findings.len)
        VEC_PUSH(r->witness, 0);
    if ((st = trace_commit(r->t, d)) != WF_OK) return st;
    if (!r->all)
        for (size_t i = 0; i < x->findings.len; i++)
            if ((st = write_witness(r, i, d)) != WF_OK) return st;
    if (r->summary && (st = finish_summary(r, status, d)) != WF_OK) return st;
    return trace_commit(r->t, d);
}

void record_text(const record *r, buf *out)
{
    if (!r) return;
    if (r->cmp) {
        if (!trace_cmp_divergence(r->cmp))
            buf_printf(out, "replay: equal to run %lld of %s (%lld events)\n",
                       (long long)r->cmp_run, trace_path(r->t),
                       (long long)trace_cmp_count(r->cmp));
        return;
    }
    buf_printf(out, "recorded in %s:", trace_path(r->t));
    if (r->summary)
        buf_printf(out, " summary run %lld,", (long long)r->summary_id);
    if (r->nruns == 1)
        buf_printf(out, " run %lld", (long long)r->first_run);
    else if (r->nruns)
        buf_printf(out, " %lld runs, %lld-%lld", (long long)r->nruns,
                   (long long)r->first_run, (long long)r->last_run);
    else
        buf_puts(out, " no execution run");
    buf_printf(out, " (weft list %s)\n", trace_path(r->t));
}

void record_json(const record *r, buf *out)
{
    if (!r || out->len < 2 || out->p[out->len - 2] != '}' ||
        out->p[out->len - 1] != '\n')
        return;
    out->len -= 2;
    out->p[out->len] = '\0';
    if (r->cmp) {
        const char *m = trace_cmp_divergence(r->cmp);
        buf_puts(out, ", \"replay_of\": {\"db\": ");
        trace_json_str(out, trace_path(r->t));
        buf_printf(out,
                   ", \"run\": %lld, \"events\": %lld, \"equal\": %s, "
                   "\"divergence\": ",
                   (long long)r->cmp_run, (long long)trace_cmp_count(r->cmp),
                   m ? "false" : "true");
        trace_cmp_json(r->cmp, out);
        buf_puts(out, "}}\n");
        return;
    }
    buf_puts(out, ", \"db\": {\"path\": ");
    trace_json_str(out, trace_path(r->t));
    buf_puts(out, ", \"summary\": ");
    if (r->summary)
        buf_printf(out, "%lld", (long long)r->summary_id);
    else
        buf_puts(out, "null");
    buf_printf(out, ", \"nruns\": %lld, \"runs\": [", (long long)r->nruns);
    for (size_t i = 0; i < r->runs.len; i++)
        buf_printf(out, "%s%lld", i ? ", " : "", (long long)r->runs.p[i]);
    buf_printf(out, "]%s}}\n",
               r->nruns > RECORD_LIST ? ", \"truncated\": true" : "");
}

void record_free(record *r)
{
    if (!r) return;
    trace_cmp_free(r->cmp);
    trace_close(r->t);
    free(r->sha);
    free(r->cmp_schedule);
    VEC_FREE(r->runs);
    VEC_FREE(r->witness);
    free(r);
}

/* record.c: see record.h. */
#include "record.h"

#include "checker/checkers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "halt.h"
#include "sim/sha256.h"
#include "sim/trace.h"

/* How long to wait for another process's write lock (SQLite's busy
 * timeout) before saying the database is locked: another weft holds it
 * for one batch (below) or one long run at most. */
#define RECORD_BUSY_MS 5000
/* Finished runs are committed in transactions of at most about this
 * many seconds (SPEC section 9), and at once after an execution that took
 * half of it, so another writer never waits long for the lock. */
#define RECORD_BATCH_S 0.1
/* The largest source file kept in the database. */
#define RECORD_SOURCE_MAX (64u << 20)
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
    unsigned char *src; /* a Go program's bytes, kept in the database */
    size_t src_len;
    double batch_t0; /* the pending batch's first run, < 0: none */
    double last_write; /* when the last run was written */
    const char *strategy;
    int64_t summary_id;
    wf_consumer cons[1];                /* what cs points to */
    VEC(int64_t) runs; /* execution and witness runs written, in order;
                          the first trace_kept_runs() are committed */
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

/* SHA-256 of the program file, or NULL when it cannot be read; a Go
 * file's bytes in *src (heap) when src is not NULL. */
static char *file_sha256(const char *path, unsigned char **src, size_t *len)
{
    unsigned char b[65536];
    char hex[65];
    size_t n;
    sha256_ctx c;
    buf all;
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f) return NULL;
    sha256_init(&c);
    buf_init(&all);
    while ((n = fread(b, 1, sizeof b, f)) > 0) {
        sha256_update(&c, b, n);
        if (src && all.len + n <= RECORD_SOURCE_MAX)
            buf_append(&all, (const char *)b, n);
        else if (src)
            src = NULL; /* too big to keep */
    }
    if (ferror(f)) {
        fclose(f);
        buf_fini(&all);
        return NULL;
    }
    fclose(f);
    sha256_final_hex(&c, hex);
    if (src) {
        *src = (unsigned char *)(all.p ? all.p : wf_xstrdup(""));
        *len = all.len;
    } else {
        buf_fini(&all);
    }
    return wf_xstrdup(hex);
}

static bool is_go(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && !strcmp(path + n - 3, ".go");
}

/* A run was written: commit the batch when it is RECORD_BATCH_S old, or
 * when the run's execution alone took half of that (the next may too).
 * The first run is committed alone: a disk that fills during the first
 * batch (whose commit then fails too) still keeps one run. */
static wf_status batch_add(record *r, wf_diag *d)
{
    double now = cli_now();
    wf_status st = WF_OK;
    if (r->batch_t0 < 0) r->batch_t0 = r->last_write;
    if (now - r->batch_t0 >= RECORD_BATCH_S ||
        now - r->last_write >= RECORD_BATCH_S / 2 ||
        trace_kept_runs(r->t) == 0) {
        st = trace_commit(r->t, d);
        r->batch_t0 = -1;
    }
    r->last_write = now;
    return st;
}

static void add_run(record *r, int64_t id)
{
    VEC_PUSH(r->runs, id);
}

/* Runs of r that are in the database (all but a batch a write error lost). */
static size_t kept_runs(const record *r)
{
    int64_t k = trace_kept_runs(r->t);
    return k < (int64_t)r->runs.len ? (size_t)k : r->runs.len;
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

void record_finding_json(const wf_engine *e, const finding *f,
                         const char *sched, bool leaks_are_errors, buf *out)
{
    xfinding xf;
    memset(&xf, 0, sizeof xf);
    xf.f = *f;
    xf.f.error = f->kind == WF_LEAK ? leaks_are_errors : f->error;
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

/* findings.detail_json: the report's JSON object of the finding. */
static void finding_json(void *ctx, const wf_engine *e, const finding *f,
                         const char *sched, buf *out)
{
    const record *r = ctx;
    record_finding_json(e, f, sched, r->p->leaks_are_errors, out);
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
    /* an execution a signal or the time limit cut short is not a finished
     * run: writing its events (a second for a million) would hold the
     * stop back, and a replay of it proves nothing */
    if (e->end == END_HALTED) return;
    ri = run_info(r, "execution", sched, exec_status(r, e));
    if (trace_end_run(r->t, e, &ri, &id, &r->err) != WF_OK) {
        r->failed = true;
        return;
    }
    add_run(r, id);
    if (batch_add(r, &r->err) != WF_OK) {
        r->failed = true;
        return;
    }
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
    r->batch_t0 = -1;
    r->last_write = cli_now();
    r->sha = file_sha256(p->file, is_go(p->file) ? &r->src : NULL,
                         &r->src_len);
    trace_set_finding_json(r->t, finding_json, r);
    /* every run writes its own commits (batch_add): trace.c never does */
    trace_set_batch(r->t, UINT64_MAX);
    if (r->src && r->sha &&
        ((st = trace_put_source(r->t, r->sha, p->file, r->src, r->src_len,
                                d)) != WF_OK ||
         (st = trace_commit(r->t, d)) != WF_OK))
        goto fail;
    r->summary = o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES;
    r->all = !r->summary || o->record_all;
    if (r->summary) {
        trace_run_info ri = run_info(r, "summary", NULL, 0);
        if ((st = trace_begin_summary(r->t, &ri, &r->summary_id, d)) != WF_OK)
            goto fail;
    }
    if (r->all) {
        r->cons[0] = trace_consumer(r->t);
        cs->v = r->cons;
        cs->n = 1;
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
 * write it as the finding's witness run: with the exploration's semantics
 * (a schedule follows them), and with the checkers, which complete the
 * findings (a deadlock's Coffman report, a race at all) before the
 * recorder writes them. */
static wf_status write_witness(record *r, size_t i, wf_diag *d)
{
    const xfinding *f = &r->x->findings.p[i];
    explore_opts eo;
    explorer *w;
    checkers_opts co = checkers_opts_default();
    checkers *ck;
    consumer_set *kc;
    wf_consumer all[16];
    consumer_set cs = {all, 0};
    wf_status st;
    memset(&eo, 0, sizeof eo);
    eo.strategy = WF_STRATEGY_REPLAY;
    eo.schedule = f->schedule;
    eo.max_steps = r->x->o.max_steps;
    eo.max_memory = r->x->o.max_memory;
    eo.stack_size = r->x->o.stack_size;
    eo.cond_any = r->x->o.cond_any;
    eo.spurious = r->x->o.spurious;
    eo.mutex_fifo = r->x->o.mutex_fifo;
    eo.time_loose = r->x->o.time_loose;
    /* past a time limit the witnesses are finishing work (halt.h): only
     * HALT_ALL (a signal, the grace spent) cuts them */
    eo.halt = r->x->o.halt;
    eo.halt_at = HALT_ALL;
    co.livelock_window = (uint64_t)r->o->livelock_window;
    co.starvation_bypass = (uint64_t)r->o->starvation_bypass;
    ck = checkers_new(&co);
    kc = checkers_consumers(ck);
    for (int k = 0; k < kc->n && cs.n < 15; k++)
        all[cs.n++] = kc->v[k];
    all[cs.n++] = trace_consumer(r->t);
    w = explore_new(&r->x->prog, &eo);
    st = explore_run(w, &cs, d);
    checkers_finish(ck, w);
    checkers_free(ck);
    if (st == WF_OK && !w->diverged && w->last_end != END_ABANDONED &&
        w->last_end != END_HALTED) {
        trace_run_info ri =
            run_info(r, "witness", f->schedule, exec_status(r, w->e));
        int64_t id;
        st = trace_end_run(r->t, w->e, &ri, &id, d);
        if (st == WF_OK) {
            add_run(r, id);
            r->witness.p[i] = id;
            st = batch_add(r, d);
        }
    }
    explore_free(w);
    return st;
}

static const char *summary_end(const record *r)
{
    if (r->failed) return "error";
    if (r->x->complete) return "complete";
    if (halt_signal()) return "interrupted";
    if (r->x->stopped) return "time-limit"; /* the only other stop */
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
        for (size_t i = 0; i < x->findings.len && !halt_signal(); i++)
            if ((st = write_witness(r, i, d)) != WF_OK) return st;
    if (r->summary && (st = finish_summary(r, status, d)) != WF_OK) return st;
    return trace_commit(r->t, d);
}

void record_text(const record *r, buf *out)
{
    size_t n;
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
    n = kept_runs(r);
    if (n == 1)
        buf_printf(out, " run %lld", (long long)r->runs.p[0]);
    else if (n)
        buf_printf(out, " %zu runs, %lld-%lld", n, (long long)r->runs.p[0],
                   (long long)r->runs.p[n - 1]);
    else
        buf_puts(out, " no execution run");
    buf_printf(out, " (weft list %s)\n", trace_path(r->t));
}

void record_json(const record *r, buf *out)
{
    size_t n;
    if (!r || out->len < 2 || out->p[out->len - 2] != '}' ||
        out->p[out->len - 1] != '\n')
        return;
    out->len -= 2;
    out->p[out->len] = '\0';
    if (r->cmp) {
        const char *m = trace_cmp_divergence(r->cmp);
        buf_puts(out, ", \"replay_of\": {\"db\": ");
        buf_json_str(out, trace_path(r->t));
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
    buf_json_str(out, trace_path(r->t));
    buf_puts(out, ", \"summary\": ");
    if (r->summary)
        buf_printf(out, "%lld", (long long)r->summary_id);
    else
        buf_puts(out, "null");
    n = kept_runs(r);
    buf_printf(out, ", \"nruns\": %zu, \"runs\": [", n);
    for (size_t i = 0; i < n && i < RECORD_LIST; i++)
        buf_printf(out, "%s%lld", i ? ", " : "", (long long)r->runs.p[i]);
    buf_printf(out, "]%s}}\n",
               n > RECORD_LIST ? ", \"truncated\": true" : "");
}

bool record_failed(const record *r)
{
    return r && r->failed;
}

void record_free(record *r)
{
    if (!r) return;
    trace_cmp_free(r->cmp);
    trace_close(r->t);
    free(r->sha);
    free(r->src);
    free(r->cmp_schedule);
    VEC_FREE(r->runs);
    VEC_FREE(r->witness);
    free(r);
}

int64_t record_last_run(const record *r)
{
    size_t n = r ? kept_runs(r) : 0;
    return n ? r->runs.p[n - 1] : 0;
}

wf_status record_shard(record *r, int shard, int nshards, const char *plan,
                       const char *parts, wf_diag *d)
{
    wf_status st;
    if (!r || !r->summary_id)
        return WF_OK;
    st = trace_put_shard(r->t, r->summary_id, shard, nshards, plan, parts, d);
    return st == WF_OK ? trace_commit(r->t, d) : st;
}

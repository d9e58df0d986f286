/* shard.c: see shard.h. */
#include "shard.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/report.h"
#include "gocmd.h"
#include "record.h"
#include "sim/lang/vm.h"
#include "sim/partition.h"
#include "sim/schedule.h"
#include "sim/trace.h"
#include "viewjson.h"

#define SHARD_BUSY_MS 2000

/* ---- a part's result as JSON -------------------------------------------- */

static void jstr(buf *b, const char *key, const char *s)
{
    buf_printf(b, ",\"%s\":", key);
    if (s)
        json_str(b, s);
    else
        buf_puts(b, "null");
}

void shard_part_json(buf *out, const explorer *y, size_t k)
{
    buf_printf(out,
               "{\"k\":%zu,\"executions\":%lld,\"steps\":%llu,\"cut\":%llu,"
               "\"cut_memory\":%llu,\"cut_timers\":%llu,\"blocked\":%llu,"
               "\"complete\":%d,"
               "\"stopped\":%d,\"bound\":%d",
               k, (long long)y->executions, (unsigned long long)y->steps,
               (unsigned long long)y->cut, (unsigned long long)y->cut_memory,
               (unsigned long long)y->cut_timers,
               (unsigned long long)y->blocked, y->complete ? 1 : 0,
               y->stopped ? 1 : 0, y->bound);
    jstr(out, "diverged", y->diverged);
    jstr(out, "last_output", y->last_output);
    jstr(out, "last_schedule", y->last_schedule);
    buf_puts(out, ",\"findings\":[");
    for (size_t i = 0; i < y->findings.len; i++) {
        const xfinding *f = &y->findings.p[i];
        buf_printf(out,
                   "%s{\"kind\":%d,\"error\":%d,\"partial\":%d,\"step\":%llu,"
                   "\"tid\":%d,\"line\":%d,\"sig\":\"%016llx\",\"count\":%lld,"
                   "\"nchoices\":%llu,\"steps\":%llu,\"preempts\":%u",
                   i ? "," : "", (int)f->f.kind, f->f.error ? 1 : 0,
                   f->f.partial ? 1 : 0, (unsigned long long)f->f.step,
                   (int)f->f.tid, (int)f->f.line, (unsigned long long)f->f.sig,
                   (long long)f->count, (unsigned long long)f->nchoices,
                   (unsigned long long)f->steps, (unsigned)f->preempts);
        jstr(out, "message", f->message);
        jstr(out, "detail", f->detail);
        jstr(out, "json", f->json);
        jstr(out, "task", f->task);
        jstr(out, "file", f->file);
        jstr(out, "schedule", f->schedule);
        jstr(out, "output", f->output);
        buf_putc(out, '}');
    }
    buf_puts(out, "],\"outcomes\":[");
    for (size_t i = 0; i < y->outcomes.len; i++) {
        const xoutcome *o = &y->outcomes.p[i];
        buf_printf(out, "%s{\"count\":%lld,\"nchoices\":%llu", i ? "," : "",
                   (long long)o->count, (unsigned long long)o->nchoices);
        jstr(out, "output", o->output);
        jstr(out, "kinds", o->kinds);
        jstr(out, "schedule", o->schedule);
        buf_putc(out, '}');
    }
    buf_puts(out, "]}");
}

static int64_t jint(const viewjson *j, int32_t node, const char *key)
{
    int64_t v = 0;
    viewjson_int(j, viewjson_get(j, node, key), &v);
    return v;
}

static char *jdup(const viewjson *j, int32_t node, const char *key)
{
    const char *s = viewjson_str(j, viewjson_get(j, node, key));
    return s ? wf_xstrdup(s) : NULL;
}

/* Part result `node` of j into y (an explorer that never ran). */
static void part_read(const viewjson *j, int32_t node, explorer *y)
{
    int32_t a;
    y->executions = jint(j, node, "executions");
    y->steps = (uint64_t)jint(j, node, "steps");
    y->cut = (uint64_t)jint(j, node, "cut");
    y->cut_memory = (uint64_t)jint(j, node, "cut_memory");
    y->cut_timers = (uint64_t)jint(j, node, "cut_timers");
    y->blocked = (uint64_t)jint(j, node, "blocked");
    y->complete = jint(j, node, "complete") != 0;
    y->stopped = jint(j, node, "stopped") != 0;
    y->bound = (int)jint(j, node, "bound");
    y->diverged = jdup(j, node, "diverged");
    y->last_output = jdup(j, node, "last_output");
    y->last_schedule = jdup(j, node, "last_schedule");
    a = viewjson_get(j, node, "findings");
    for (int32_t e = viewjson_first(j, a); e >= 0; e = viewjson_next(j, e)) {
        xfinding f;
        const char *sig = viewjson_str(j, viewjson_get(j, e, "sig"));
        memset(&f, 0, sizeof f);
        f.f.kind = (uint8_t)jint(j, e, "kind");
        f.f.error = jint(j, e, "error") != 0;
        f.f.partial = jint(j, e, "partial") != 0;
        f.f.step = (uint64_t)jint(j, e, "step");
        f.f.tid = (int32_t)jint(j, e, "tid");
        f.f.line = (int32_t)jint(j, e, "line");
        f.f.sig = sig ? strtoull(sig, NULL, 16) : 0;
        f.count = jint(j, e, "count");
        f.nchoices = (uint64_t)jint(j, e, "nchoices");
        f.steps = (uint64_t)jint(j, e, "steps");
        f.preempts = (uint32_t)jint(j, e, "preempts");
        f.message = jdup(j, e, "message");
        f.detail = jdup(j, e, "detail");
        f.json = jdup(j, e, "json");
        f.task = jdup(j, e, "task");
        f.file = jdup(j, e, "file");
        f.schedule = jdup(j, e, "schedule");
        f.output = jdup(j, e, "output");
        f.f.message = f.message;
        f.f.detail = f.detail;
        f.f.json = f.json;
        f.f.file = f.file;
        VEC_PUSH(y->findings, f);
    }
    a = viewjson_get(j, node, "outcomes");
    for (int32_t e = viewjson_first(j, a); e >= 0; e = viewjson_next(j, e)) {
        xoutcome o;
        o.output = jdup(j, e, "output");
        o.kinds = jdup(j, e, "kinds");
        o.schedule = jdup(j, e, "schedule");
        o.count = jint(j, e, "count");
        o.nchoices = (uint64_t)jint(j, e, "nchoices");
        if (!o.output) o.output = wf_xstrdup("");
        if (!o.kinds) o.kinds = wf_xstrdup("");
        if (!o.schedule) o.schedule = wf_xstrdup("");
        VEC_PUSH(y->outcomes, o);
    }
}

/* ---- weft merge -------------------------------------------------------- */

/* What a shard database holds: its last shard summary. */
typedef struct shard_db {
    const char *path;
    trace_run_rec run; /* the summary run */
    trace_shard sh;
    bool found;
} shard_db;

typedef struct find_ctx {
    trace *t;
    shard_db *s;
    wf_status st;
    wf_diag *d;
} find_ctx;

static bool find_summary(void *ctx, const trace_run_rec *r)
{
    find_ctx *c = ctx;
    trace_shard sh;
    bool found;
    if (!r->role || strcmp(r->role, "summary")) return true;
    if ((c->st = trace_get_shard(c->t, r->id, &sh, &found, c->d)) != WF_OK)
        return false;
    if (!found) return true;
    if (c->s->found) {
        trace_shard_fini(&c->s->sh);
        trace_run_rec_fini(&c->s->run);
    }
    c->s->sh = sh;
    c->s->found = true;
    /* keep the run: trace_list's record is only valid for the call */
    return trace_get_run(c->t, r->id, &c->s->run, c->d) == WF_OK ||
           (c->st = WF_ERR_INPUT, false);
}

static wf_status read_shard(shard_db *s, wf_diag *d)
{
    trace *t;
    find_ctx c;
    wf_status st;
    if ((st = trace_open(&t, s->path, TRACE_READ, SHARD_BUSY_MS, d)) != WF_OK)
        return st;
    c.t = t;
    c.s = s;
    c.st = WF_OK;
    c.d = d;
    st = trace_list(t, find_summary, &c, d);
    trace_close(t);
    if (st == WF_OK) st = c.st;
    if (st == WF_OK && !s->found)
        st = diag_set(d, s->path, 0, 0,
                      "no shard in this database (explore --shard I/N --db "
                      "%s writes one)",
                      s->path);
    return st;
}

static int fail(const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fprintf(stderr, "weft: %s\n", m);
    return 2;
}

/* Merge o's shards of the program cp (a C program merging its own), or
 * of the Go file the shards name (cp NULL), which is compiled again. */
static int merge(const cli_opts *o, const program *cp)
{
    size_t n = o->paths.len;
    shard_db *s = wf_xcalloc(n + 1, sizeof *s);
    wf_diag d;
    int status = 2, nshards = 0;
    bool *seen = NULL;
    vm_program *vp = NULL;
    vm_options vo;
    program pr;
    cli_opts lo = *o;
    explore_opts eo;
    explorer *x = NULL;
    schedule plan_hdr;
    VEC(explorer *) parts = {NULL, 0, 0};
    memset(&plan_hdr, 0, sizeof plan_hdr);
    for (size_t i = 0; i < n; i++) {
        s[i].path = o->paths.p[i];
        if (read_shard(&s[i], &d) != WF_OK) {
            status = fail(&d);
            goto out;
        }
    }
    /* one search, every shard once */
    nshards = s[0].sh.nshards;
    seen = wf_xcalloc((size_t)nshards + 1, sizeof *seen);
    for (size_t i = 0; i < n; i++) {
        const shard_db *a = &s[i];
        if (a->sh.nshards != nshards || strcmp(a->sh.plan, s[0].sh.plan) ||
            strcmp(a->run.file ? a->run.file : "",
                   s[0].run.file ? s[0].run.file : "") ||
            strcmp(a->run.command ? a->run.command : "",
                   s[0].run.command ? s[0].run.command : "")) {
            diag_set(&d, a->path, 0, 0,
                     "shard %d/%d of %s (plan %.8s) is not of the search of "
                     "%s: shard %d/%d of %s (plan %.8s)",
                     a->sh.shard, a->sh.nshards, a->run.file, a->sh.plan,
                     s[0].path, s[0].sh.shard, nshards, s[0].run.file,
                     s[0].sh.plan);
            status = fail(&d);
            goto out;
        }
        if (a->sh.shard < 1 || a->sh.shard > nshards || seen[a->sh.shard]) {
            diag_set(&d, a->path, 0, 0, "shard %d/%d is given twice",
                     a->sh.shard, nshards);
            status = fail(&d);
            goto out;
        }
        seen[a->sh.shard] = true;
    }
    for (int i = 1; i <= nshards; i++)
        if (!seen[i]) {
            diag_set(&d, "", 0, 0,
                     "shard %d/%d is missing (each of 1/%d .. %d/%d once)", i,
                     nshards, nshards, nshards, nshards);
            status = fail(&d);
            goto out;
        }
    /* the program, as the shards ran it */
    if (cp && s[0].run.file && gocmd_is_go(s[0].run.file)) {
        diag_set(&d, s[0].path, 0, 0,
                 "merging shards of %s: they are a Go program's (weft merge "
                 "joins them)",
                 s[0].run.file);
        status = fail(&d);
        goto out;
    }
    if (!cp && (!s[0].run.file || !gocmd_is_go(s[0].run.file))) {
        diag_set(&d, s[0].path, 0, 0,
                 "merging shards of %s: weft merge replays the witnesses of "
                 "a Go program; a C program merges its own shards (%s merge "
                 "OUT.db SHARD.db...)",
                 s[0].run.file ? s[0].run.file : "?",
                 s[0].run.file ? s[0].run.file : "./prog");
        status = fail(&d);
        goto out;
    }
    if (cp) {
        pr = *cp;
    } else {
        memset(&vo, 0, sizeof vo);
        vo.go_version = o->go_version;
        if (vm_compile_file(s[0].run.file, &vo, &vp, &d) != WF_OK) {
            status = fail(&d);
            goto out;
        }
        if (vm_is_test_file(vp)) {
            diag_set(&d, s[0].run.file, 0, 0,
                     "merging the shards of a test file is not supported: "
                     "shard a program");
            status = fail(&d);
            goto out;
        }
        pr = vm_program_entry(vp);
    }
    /* the semantics the shards ran with: the plan's header */
    if (schedule_decode(&plan_hdr, s[0].sh.plan + 9, &d) != WF_OK ||
        plan_hdr.hash != pr.hash) {
        diag_set(&d, s[0].run.file ? s[0].run.file : s[0].path, 0, 0,
                 "the %s changed since the shards ran (they explored "
                 "program %.8s, this is %08x)",
                 cp ? "program" : "file", s[0].sh.plan + 9, pr.hash);
        status = fail(&d);
        goto out;
    }
    lo.cmd = s[0].run.command && !strcmp(s[0].run.command, "outcomes")
                 ? CMD_OUTCOMES
                 : CMD_EXPLORE;
    lo.cmd_name = lo.cmd == CMD_OUTCOMES ? "outcomes" : "explore";
    lo.file = s[0].run.file;
    lo.db = o->file;
    lo.cond_any = plan_hdr.cond_any;
    lo.spurious = plan_hdr.spurious;
    lo.mutex_fifo = plan_hdr.mutex_fifo;
    lo.time_loose = plan_hdr.time_loose;
    lo.seed = plan_hdr.seed;
    lo.max_steps = s[0].run.max_steps > 0 ? (uint64_t)s[0].run.max_steps : 0;
    lo.strategy_set = true;
    lo.strategy = s[0].run.strategy && !strcmp(s[0].run.strategy, "dfs")
                      ? WF_STRATEGY_DFS
                      : WF_STRATEGY_DPOR;
    lo.shard_n = 0;
    lo.shard_i = 0;
    cli_explore_options(&lo, &eo);
    /* every part, in part order */
    for (size_t i = 0; i < n; i++) {
        viewjson j;
        if (!viewjson_parse(&j, s[i].sh.parts)) {
            viewjson_fini(&j);
            diag_set(&d, s[i].path, 0, 0, "a damaged shard record");
            status = fail(&d);
            goto out;
        }
        for (int32_t e = viewjson_first(&j, 0); e >= 0;
             e = viewjson_next(&j, e)) {
            explorer *y = explore_new(&pr, &eo);
            y->round = (int)jint(&j, e, "k"); /* its part, for sorting */
            part_read(&j, e, y);
            VEC_PUSH(parts, y);
        }
        viewjson_fini(&j);
    }
    for (size_t a = 1; a < parts.len; a++)
        for (size_t b = a; b > 0 && parts.p[b - 1]->round > parts.p[b]->round;
             b--) {
            explorer *t = parts.p[b];
            parts.p[b] = parts.p[b - 1];
            parts.p[b - 1] = t;
        }
    x = explore_new(&pr, &eo);
    part_join_init(x);
    for (size_t i = 0; i < parts.len; i++)
        part_join(x, parts.p[i], (size_t)parts.p[i]->round);
    part_join_finish(x);
    status = cli_record_and_print(&lo, &pr, x, &d);
    if (status == 2 && d.msg[0]) fail(&d);
    if (status < 2 && !o->json && !o->quiet)
        printf("%zu parts (plan %.8s) from %d shards\n", parts.len,
               s[0].sh.plan, nshards);
out:
    for (size_t i = 0; i < parts.len; i++)
        explore_free(parts.p[i]);
    VEC_FREE(parts);
    explore_free(x);
    schedule_fini(&plan_hdr);
    if (vp) vm_program_free(vp);
    for (size_t i = 0; i < n; i++) {
        if (s[i].found) {
            trace_shard_fini(&s[i].sh);
            trace_run_rec_fini(&s[i].run);
        }
    }
    free(seen);
    free(s);
    return status;
}

int shard_merge_exec(const cli_opts *o)
{
    return merge(o, NULL);
}

int shard_merge_program(const cli_opts *o, const program *p)
{
    return merge(o, p);
}

/* tracecmd.c: see tracecmd.h. */
#include "tracecmd.h"

#include <errno.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gocmd.h"
#include "sim/trace.h"

extern char **environ;

#define TRACECMD_BUSY_MS 2000

static int fail(const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fprintf(stderr, "weft: %s\n", m);
    return 2;
}

/* ---- weft list ------------------------------------------------------------
 */

typedef struct list_ctx {
    bool json;
    int64_t n;
    int wfile; /* the FILE column's width: the longest name's */
} list_ctx;

/* The first pass of the table: the FILE column as wide as its longest
 * name, so the columns after it stay aligned. */
static bool list_width(void *ctx, const trace_run_rec *r)
{
    list_ctx *c = ctx;
    size_t n = r->file ? strlen(r->file) : 0;
    if (n > (size_t)c->wfile) c->wfile = n > 200 ? 200 : (int)n;
    return true;
}

static void put_json_str(const char *s)
{
    buf b;
    buf_init(&b);
    buf_json_str(&b, s);
    fputs(b.p, stdout);
    buf_fini(&b);
}

static void json_opt_str(const char *key, const char *v)
{
    printf(", \"%s\": ", key);
    if (v)
        put_json_str(v);
    else
        fputs("null", stdout);
}

static void list_json(const trace_run_rec *r)
{
    printf("{\"id\": %lld", (long long)r->id);
    json_opt_str("file", r->file);
    json_opt_str("command", r->command);
    json_opt_str("strategy", r->strategy);
    json_opt_str("role", r->role);
    printf(", \"seed\": %lld, \"steps\": %lld", (long long)r->seed,
           (long long)r->steps);
    json_opt_str("verdict", r->verdict);
    json_opt_str("created_at", r->created_at);
    json_opt_str("schedule", r->schedule);
    json_opt_str("end_reason", r->end_reason);
    json_opt_str("source_sha256", r->source_sha256);
    if (r->summary_id)
        printf(", \"summary_id\": %lld", (long long)r->summary_id);
    else
        fputs(", \"summary_id\": null", stdout);
    printf(", \"status\": %lld, \"events\": %lld", (long long)r->status,
           (long long)r->nevents);
    if (r->role && !strcmp(r->role, "summary"))
        printf(", \"executions\": %lld, \"complete\": %s",
               (long long)r->executions, r->complete == 1 ? "true" : "false");
    fputs(", \"findings\": [", stdout);
    for (size_t i = 0; i < r->findings.len; i++) {
        const trace_finding *f = &r->findings.p[i];
        printf("%s{\"k\": %lld, \"id\": %lld", i ? ", " : "", (long long)f->k,
               (long long)f->id);
        json_opt_str("kind", f->kind);
        json_opt_str("severity", f->severity);
        printf(", \"step\": %lld", (long long)f->step);
        json_opt_str("message", f->message);
        json_opt_str("schedule", f->schedule);
        printf(", \"count\": %lld, \"witness_run\": ", (long long)f->count);
        if (f->witness_run)
            printf("%lld}", (long long)f->witness_run);
        else
            fputs("null}", stdout);
    }
    fputs("]}", stdout);
}

static bool list_one(void *ctx, const trace_run_rec *r)
{
    list_ctx *c = ctx;
    bool summary = r->role && !strcmp(r->role, "summary");
    if (c->json) {
        fputs(c->n ? ",\n  " : "\n  ", stdout);
        list_json(r);
        c->n++;
        return true;
    }
    if (!c->n++)
        printf("%-6s %-9s %-8s %-*s %-8s %9s  %-10s %s\n", "RUN", "ROLE",
               "COMMAND", c->wfile, "FILE", "STRATEGY", "STEPS", "VERDICT",
               "CREATED");
    printf("%-6lld %-9s %-8s %-*s %-8s %9lld  %-10s %s", (long long)r->id,
           r->role ? r->role : "", r->command ? r->command : "", c->wfile,
           r->file ? r->file : "", r->strategy ? r->strategy : "",
           (long long)r->steps, r->verdict ? r->verdict : "",
           r->created_at ? r->created_at : "");
    if (summary)
        printf("  (%lld executions, %s)", (long long)r->executions,
               r->end_reason ? r->end_reason : "?");
    else if (r->summary_id)
        printf("  (of run %lld)", (long long)r->summary_id);
    putchar('\n');
    for (size_t i = 0; i < r->findings.len; i++) {
        const trace_finding *f = &r->findings.p[i];
        printf("       finding %lld: %s (%s) at step %lld: %s", (long long)f->k,
               f->kind ? f->kind : "?", f->severity ? f->severity : "?",
               (long long)f->step, f->message ? f->message : "");
        if (summary)
            printf(" [%lld execution%s", (long long)f->count,
                   f->count == 1 ? "" : "s");
        if (summary && f->witness_run)
            printf(", witness run %lld]", (long long)f->witness_run);
        else if (summary)
            fputs("]", stdout);
        putchar('\n');
    }
    return true;
}

int tracecmd_list(const cli_opts *o)
{
    trace *t;
    wf_diag d;
    wf_status st;
    list_ctx c = {o->json, 0, 16};
    if (trace_open(&t, o->file, TRACE_READ, TRACECMD_BUSY_MS, &d) != WF_OK)
        return fail(&d);
    if (o->json) {
        fputs("{\"db\": ", stdout);
        put_json_str(o->file);
        printf(", \"schema_version\": %d, \"runs\": [", TRACE_SCHEMA_VERSION);
    }
    st = o->json ? WF_OK : trace_list(t, list_width, &c, &d);
    if (st == WF_OK) st = trace_list(t, list_one, &c, &d);
    trace_close(t);
    if (o->json)
        fputs(c.n ? "\n]}\n" : "]}\n", stdout);
    else if (!c.n)
        printf("%s: no runs\n", o->file);
    fflush(stdout);
    return st == WF_OK ? 0 : fail(&d);
}

/* ---- weft replay ----------------------------------------------------------
 */

/* Run argv[0] with argv, wait, return its exit status (3 if killed). */
static int run_program(char **argv, const char *what)
{
    pid_t pid;
    int rc, ws;
    fflush(stdout);
    fflush(stderr);
    if (strchr(argv[0], '/') && access(argv[0], X_OK) != 0) {
        fprintf(stderr, "weft: %s: error: cannot run %s: %s\n", argv[0], what,
                strerror(errno));
        return 2;
    }
    rc = posix_spawnp(&pid, argv[0], NULL, NULL, argv, environ);
    if (rc != 0) {
        fprintf(stderr, "weft: %s: error: cannot run %s: %s\n", argv[0], what,
                strerror(rc));
        return 2;
    }
    while (waitpid(pid, &ws, 0) < 0)
        if (errno != EINTR) {
            fprintf(stderr, "weft: error: waiting for %s: %s\n", argv[0],
                    strerror(errno));
            return 3;
        }
    if (WIFEXITED(ws)) return WEXITSTATUS(ws) == 127 ? 2 : WEXITSTATUS(ws);
    fprintf(stderr, "weft: error: %s was killed by signal %d\n", argv[0],
            WTERMSIG(ws));
    return 3;
}

bool tracecmd_is_db(const char *path)
{
    char h[16];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(h, 1, sizeof h, f) : 0;
    if (f) fclose(f);
    return n == sizeof h && !memcmp(h, "SQLite format 3", 16);
}

/* The output options a replay passes on. */
static int pass_options(const cli_opts *o, char **argv, int n)
{
    if (o->json) argv[n++] = "--json";
    if (o->quiet) argv[n++] = "--quiet";
    if (o->strict) argv[n++] = "--strict";
    return n;
}

/* weft replay FILE --schedule S: a C program replays itself. */
static int replay_file(const cli_opts *o)
{
    char *argv[12];
    char local[4096];
    int n = 0;
    if (tracecmd_is_db(o->file)) {
        fprintf(stderr,
                "weft: %s: error: a trace database: give --run-id ID (see weft "
                "list %s)\n",
                o->file, o->file);
        return 2;
    }
    /* not an executable: Go source, or what gocmd says is not */
    if (gocmd_is_go(o->file) || access(o->file, X_OK) != 0)
        return gocmd_exec(o);
    /* the file named, not a command of the PATH */
    snprintf(local, sizeof local, "%s%s", strchr(o->file, '/') ? "" : "./",
             o->file);
    argv[n++] = local;
    argv[n++] = "replay";
    argv[n++] = "--schedule";
    argv[n++] = (char *)o->schedule;
    n = pass_options(o, argv, n);
    argv[n] = NULL;
    return run_program(argv, "the program");
}

/* The run to replay: run_id itself, or the witness of its finding K. */
static wf_status pick_run(trace *t, const cli_opts *o, trace_run_rec *r,
                          wf_diag *d)
{
    wf_status st = trace_get_run(t, o->run_id, r, d);
    const trace_finding *f = NULL;
    bool summary;
    if (st != WF_OK) return st;
    summary = r->role && !strcmp(r->role, "summary");
    if (o->finding_k > 0) {
        for (size_t i = 0; i < r->findings.len; i++)
            if (r->findings.p[i].k == o->finding_k) f = &r->findings.p[i];
        if (!f) {
            st = diag_set(d, o->file, 0, 0, "run %lld has no finding %lld%s",
                          (long long)o->run_id, (long long)o->finding_k,
                          r->findings.len ? " (see weft list)"
                                          : ": it found nothing");
            trace_run_rec_fini(r);
            return st;
        }
    }
    if (!summary) return WF_OK;
    if (!f && !r->findings.len) {
        st = diag_set(d, o->file, 0, 0,
                      "run %lld is the summary of an exploration that "
                      "found nothing: no run to replay (explore --record "
                      "all keeps every execution)",
                      (long long)o->run_id);
        trace_run_rec_fini(r);
        return st;
    }
    if (!f) {
        st = diag_set(d, o->file, 0, 0,
                      "run %lld is the summary of an exploration: replay "
                      "one of its %zu findings with --finding K",
                      (long long)o->run_id, r->findings.len);
        trace_run_rec_fini(r);
        return st;
    }
    if (!f->witness_run) {
        st = diag_set(d, o->file, 0, 0,
                      "finding %lld of run %lld has no witness run (the "
                      "recording was cut); replay its schedule: weft "
                      "replay %s --schedule %s",
                      (long long)o->finding_k, (long long)o->run_id,
                      r->file ? r->file : "FILE",
                      f->schedule && strlen(f->schedule) < 700
                          ? f->schedule
                          : "S (weft list --json gives it)");
        trace_run_rec_fini(r);
        return st;
    }
    {
        int64_t w = f->witness_run;
        trace_run_rec_fini(r);
        return trace_get_run(t, w, r, d);
    }
}

int tracecmd_replay_program(const cli_opts *o, const program *p, const char *db,
                            int64_t run_id, const char *sched)
{
    cli_opts lo = *o;
    char prefix[1200];
    lo.cmd = CMD_REPLAY;
    lo.cmd_name = "replay";
    lo.db = db;
    lo.compare_run = run_id;
    lo.schedule = sched;
    snprintf(prefix, sizeof prefix, "weft replay %s --schedule", p->file);
    return cli_execute(&lo, p, prefix);
}

int tracecmd_replay(const cli_opts *o)
{
    trace *t;
    trace_run_rec r;
    wf_diag d;
    char id[32];
    char *argv[16];
    char *src = NULL;
    size_t src_len = 0;
    int n = 0, status;
    if (o->run_id < 0) {
        if (o->schedule) return replay_file(o);
        fprintf(stderr, "weft: error: replay needs --run-id ID (with a "
                        "database) or --schedule S (with a program)\n");
        return 2;
    }
    if (o->schedule) {
        fprintf(stderr, "weft: error: replay takes --run-id ID or --schedule "
                        "S, not both\n");
        return 2;
    }
    if (trace_open(&t, o->file, TRACE_READ, TRACECMD_BUSY_MS, &d) != WF_OK)
        return fail(&d);
    if (pick_run(t, o, &r, &d) != WF_OK) {
        trace_close(t);
        return fail(&d);
    }
    if (r.file && gocmd_is_go(r.file) &&
        trace_get_source(t, r.source_sha256, &src, &src_len, &d) != WF_OK) {
        trace_close(t);
        trace_run_rec_fini(&r);
        return fail(&d);
    }
    trace_close(t);
    if (!r.schedule || !r.file || !*r.file) {
        fprintf(stderr, "weft: %s: error: run %lld has no schedule\n", o->file,
                (long long)r.id);
        trace_run_rec_fini(&r);
        return 2;
    }
    if (gocmd_is_go(r.file)) {
        status = gocmd_replay_db(o, r.file, o->file, r.id, r.schedule, src,
                                 src_len, r.source_sha256);
        free(src);
        trace_run_rec_fini(&r);
        return status;
    }
    if (access(r.file, F_OK) != 0) {
        /* a package directory or a C program, named as it was given
         * where the run was recorded (only a Go file's source is kept) */
        fprintf(stderr, "weft: %s: error: cannot run the program run %lld "
                        "was recorded from, %s: it is not here (gone, or "
                        "recorded in another directory: replay it from "
                        "there; a Go package's and a C program's runs keep "
                        "no copy of the program)\n",
                o->file, (long long)r.id, r.file);
        trace_run_rec_fini(&r);
        return 2;
    }
    snprintf(id, sizeof id, "%lld", (long long)r.id);
    argv[n++] = r.file;
    argv[n++] = "replay";
    argv[n++] = "--schedule";
    argv[n++] = r.schedule;
    argv[n++] = "--db";
    argv[n++] = (char *)o->file;
    argv[n++] = "--compare-run";
    argv[n++] = id;
    n = pass_options(o, argv, n);
    argv[n] = NULL;
    status = run_program(argv, "the recorded program");
    trace_run_rec_fini(&r);
    return status;
}

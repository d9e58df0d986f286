/* bench_trace.c: what recording into the trace database costs (make
 * bench; DESIGN.md's budgets):
 *  1. events per second into SQLite (target >= 1 M/s): one long execution
 *     recorded, minus the same execution unrecorded, over its events;
 *  2. a full exploration with --db --record all against none (target
 *     <= 2x), and with the default --record findings.
 * Each figure is the median of several runs, printed beside its target.
 * Prints; exits 0 either way (a missed target is reported, not hidden). */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "sim/explore.h"
#include "sim/native.h"
#include "sim/trace.h"
#include "sim/weft.h"
#include "ui/cli.h"

#define RUNS 5

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], dcmp);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static void rm_db(const char *p)
{
    char w[300];
    unlink(p);
    snprintf(w, sizeof w, "%s-wal", p);
    unlink(w);
    snprintf(w, sizeof w, "%s-shm", p);
    unlink(w);
}

/* ---- scenarios ---------------------------------------------------------- */

#define PINGS 100000

typedef struct pp {
    wf_chan *a, *b;
    wf_waitgroup *wg;
} pp;

static void ponger(void *arg)
{
    pp *p = arg;
    for (int i = 0; i < PINGS; i++)
        wf_chan_send(p->b, wf_chan_recv(p->a, NULL) + 1);
    wf_waitgroup_done(p->wg);
}

/* A long execution: ping-pong over unbuffered channels. */
static void pingpong(void *arg)
{
    pp p;
    (void)arg;
    p.a = wf_chan_new("a", 0);
    p.b = wf_chan_new("b", 0);
    p.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(p.wg, 1);
    wf_go(ponger, &p, "ponger");
    for (int i = 0; i < PINGS; i++) {
        wf_chan_send(p.a, i);
        (void)wf_chan_recv(p.b, NULL);
    }
    wf_waitgroup_wait(p.wg);
}

typedef struct bank {
    wf_mutex *mu;
    wf_var *balance;
    wf_chan *done;
} bank;

static void deposit(void *arg)
{
    bank *b = arg;
    for (int i = 0; i < 2; i++) {
        wf_mutex_lock(b->mu);
        wf_write(b->balance, wf_read(b->balance) + 1);
        wf_mutex_unlock(b->mu);
    }
    wf_chan_send(b->done, 1);
}

/* A program explored in full: three depositors, two deposits each
 * (3,306 executions with DPOR). */
static void banking(void *arg)
{
    bank b;
    (void)arg;
    b.mu = wf_mutex_new("mu");
    b.balance = wf_var_new("balance", 0);
    b.done = wf_chan_new("done", 0);
    for (int i = 0; i < 3; i++)
        wf_go(deposit, &b, "deposit");
    for (int i = 0; i < 3; i++)
        (void)wf_chan_recv(b.done, NULL);
    wf_printf("%d\n", (int)wf_read(b.balance));
}

static program prog(void (*fn)(void *), native_start *ns, const char *name)
{
    program p;
    ns->fn = fn;
    ns->arg = NULL;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = ns;
    p.main_name = "main";
    p.hash = 1;
    p.file = name;
    return p;
}

/* ---- 1. events per second ----------------------------------------------- */

typedef struct rec {
    trace *t;
    int64_t nevents;
} rec;

static void count_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    (void)e;
    (void)ev;
    ((rec *)ctx)->nevents++;
}

static void end_run(void *ctx, wf_engine *e, const char *sched)
{
    rec *r = ctx;
    trace_run_info ri;
    int64_t id;
    wf_diag d;
    if (!r->t) return;
    memset(&ri, 0, sizeof ri);
    ri.file = "bench";
    ri.command = "run";
    ri.schedule = sched;
    ri.role = "execution";
    if (trace_end_run(r->t, e, &ri, &id, &d) != WF_OK) {
        fprintf(stderr, "bench_trace: %s\n", d.msg);
        exit(1);
    }
}

/* Seconds for one pingpong execution, recorded into path or not; *cpu
 * gets the process CPU seconds it took. */
static double one_execution(const char *path, int64_t *nevents, double *cpu)
{
    native_start ns;
    program p = prog(pingpong, &ns, "pingpong");
    explore_opts eo;
    explorer *x;
    rec r = {NULL, 0};
    wf_consumer c[2] = {{&r, NULL, count_event, NULL, NULL}, {0}};
    consumer_set cs = {c, 1};
    wf_diag d;
    double t0;
    if (path) {
        rm_db(path);
        if (trace_open(&r.t, path, TRACE_WRITE, 1000, &d) != WF_OK) {
            fprintf(stderr, "bench_trace: %s\n", d.msg);
            exit(1);
        }
        c[1] = trace_consumer(r.t);
        cs.n = 2;
    }
    memset(&eo, 0, sizeof eo);
    eo.strategy = WF_STRATEGY_RR;
    eo.max_executions = 1;
    eo.after_exec = end_run;
    eo.after_ctx = &r;
    x = explore_new(&p, &eo);
    *cpu = (double)clock() / CLOCKS_PER_SEC;
    t0 = now();
    if (explore_run(x, &cs, &d) != WF_OK) {
        fprintf(stderr, "bench_trace: %s\n", d.msg);
        exit(1);
    }
    if (r.t && trace_commit(r.t, &d) != WF_OK) {
        fprintf(stderr, "bench_trace: %s\n", d.msg);
        exit(1);
    }
    trace_close(r.t); /* the checkpoint into the database file counts */
    r.t = NULL;
    t0 = now() - t0;
    *cpu = (double)clock() / CLOCKS_PER_SEC - *cpu;
    explore_free(x);
    *nevents = r.nevents;
    return t0;
}

/* ---- 2. a full exploration through the command line --------------------- */

static double explore_cmd(const program *p, const char *db, const char *mode,
                          int64_t *executions)
{
    char *argv[8];
    int argc = 0, saved, devnull;
    cli_opts o;
    wf_diag d;
    double t0;
    argv[argc++] = "bench";
    argv[argc++] = "explore";
    argv[argc++] = "--quiet";
    if (db) {
        rm_db(db);
        argv[argc++] = "--db";
        argv[argc++] = (char *)db;
        argv[argc++] = "--record";
        argv[argc++] = (char *)mode;
    }
    if (cli_parse(argc, argv, 1, false, &o, &d) != WF_OK) {
        fprintf(stderr, "bench_trace: %s\n", d.msg);
        exit(1);
    }
    fflush(stdout);
    saved = dup(1);
    devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    t0 = now();
    if (cli_execute(&o, p, "bench replay --schedule") > 1) {
        dup2(saved, 1);
        fprintf(stderr, "bench_trace: explore failed\n");
        exit(1);
    }
    t0 = now() - t0;
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    close(devnull);
    cli_opts_fini(&o);
    if (executions) {
        trace *t;
        trace_run_rec r;
        *executions = 0;
        if (db && trace_open(&t, db, TRACE_READ, 1000, &d) == WF_OK) {
            if (trace_get_run(t, 1, &r, &d) == WF_OK) {
                *executions = r.executions;
                trace_run_rec_fini(&r);
            }
            trace_close(t);
        }
    }
    return t0;
}

int main(void)
{
    const char *db = "/tmp/weft_bench_trace.db";
    double plain[RUNS], recd[RUNS], rate[RUNS], none[RUNS], all[RUNS],
        fnd[RUNS], cplain[RUNS], crecd[RUNS], crate[RUNS];
    int64_t nev = 0, execs = 0;
    double r, ra, rf;
    native_start ns;
    program p = prog(banking, &ns, "banking");

    for (int i = 0; i < RUNS; i++) {
        plain[i] = one_execution(NULL, &nev, &cplain[i]);
        recd[i] = one_execution(db, &nev, &crecd[i]);
    }
    for (int i = 0; i < RUNS; i++) {
        double cost = recd[i] - median(plain, RUNS);
        double ccost = crecd[i] - median(cplain, RUNS);
        rate[i] = cost > 0 ? (double)nev / cost : 0;
        crate[i] = ccost > 0 ? (double)nev / ccost : 0;
    }
    r = median(rate, RUNS);
    printf("trace: events into SQLite: %.2f M events/s (%lld events; "
           "recorded %.3f s, unrecorded %.3f s; median of %d)   target >= 1 "
           "M/s: %s\n",
           r / 1e6, (long long)nev, median(recd, RUNS), median(plain, RUNS),
           RUNS, r >= 1e6 ? "ok" : "MISSED");
    printf("trace:   the same in CPU time of this process: %.2f M events/s "
           "(the rest is waiting for the disk or the CPU)\n",
           median(crate, RUNS) / 1e6);

    for (int i = 0; i < RUNS; i++) {
        none[i] = explore_cmd(&p, NULL, NULL, NULL);
        all[i] = explore_cmd(&p, db, "all", &execs);
        fnd[i] = explore_cmd(&p, db, "findings", NULL);
    }
    ra = median(all, RUNS) / median(none, RUNS);
    rf = median(fnd, RUNS) / median(none, RUNS);
    printf("trace: full exploration (%lld executions): no db %.3f s, "
           "--record all %.3f s = %.1fx (median of %d)   target <= 2x: %s\n",
           (long long)execs, median(none, RUNS), median(all, RUNS), ra, RUNS,
           ra <= 2 ? "ok" : "MISSED");
    printf("trace: full exploration, --record findings (default): %.3f s = "
           "%.2fx (a fixed %.0f ms: create, sync, checkpoint)   target <= "
           "2x: %s\n",
           median(fnd, RUNS), rf,
           (median(fnd, RUNS) - median(none, RUNS)) * 1e3,
           rf <= 2 ? "ok" : "MISSED");
    rm_db(db);
    return 0;
}

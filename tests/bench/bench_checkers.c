/* bench_checkers.c: the cost per step of the checkers (make bench).
 * Two representative C scenarios: "bank" (workers updating a shared
 * account under a mutex, reporting on a buffered channel, an atomic
 * counter, a wait group; random strategy) and "philosophers" (3, naive
 * order, exhaustive DFS, so it deadlocks in some executions and the
 * reports are built). Each is explored with every checker on and with
 * checkers off, and with each checker alone to say where the cost goes;
 * the configurations are interleaved within each round (the machine's
 * load drifts), and the median of the rounds is printed in ns per step
 * with the ratio beside the target (DESIGN.md: at most 3x). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checker/checkers.h"
#include "sim/explore.h"
#include "sim/native.h"
#include "sim/weft.h"

#define WORKERS    4
#define ROUNDS     4
#define EXECUTIONS 20000
#define RUNS       7

typedef struct bank {
    wf_mutex *m;
    wf_var *balance;
    wf_chan *done;
    wf_atomic *ops;
    wf_waitgroup *wg;
} bank;

static void worker(void *arg)
{
    bank *b = arg;
    for (int i = 0; i < ROUNDS; i++) {
        wf_mutex_lock(b->m);
        wf_write(b->balance, wf_read(b->balance) + 1);
        wf_mutex_unlock(b->m);
        wf_atomic_add(b->ops, 1);
    }
    wf_chan_send(b->done, 1);
    wf_waitgroup_done(b->wg);
}

static void scenario(void *arg)
{
    static _Thread_local bank b;
    (void)arg;
    b.m = wf_mutex_new("m");
    b.balance = wf_var_new("balance", 0);
    b.done = wf_chan_new("done", WORKERS);
    b.ops = wf_atomic_new("ops", 0);
    b.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(b.wg, WORKERS);
    for (int i = 0; i < WORKERS; i++)
        wf_go(worker, &b, "worker");
    wf_waitgroup_wait(b.wg);
    for (int i = 0; i < WORKERS; i++)
        wf_chan_recv(b.done, NULL);
    wf_read(b.balance);
}

#define PHILS           3
#define PHIL_EXECUTIONS 100000

typedef struct table {
    wf_mutex *fork[PHILS];
    wf_waitgroup *wg;
} table;

typedef struct seat {
    table *t;
    int i;
} seat;

static void phil(void *arg)
{
    seat *s = arg;
    wf_mutex *l = s->t->fork[s->i], *r = s->t->fork[(s->i + 1) % PHILS];
    wf_mutex_lock(l);
    wf_mutex_lock(r);
    wf_mutex_unlock(r);
    wf_mutex_unlock(l);
    wf_waitgroup_done(s->t->wg);
}

static void philosophers(void *arg)
{
    static _Thread_local table t;
    static _Thread_local seat s[PHILS];
    char name[32];
    (void)arg;
    for (int i = 0; i < PHILS; i++) {
        snprintf(name, sizeof name, "forks[%d]", i);
        t.fork[i] = wf_mutex_new(name);
    }
    t.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(t.wg, PHILS);
    for (int i = 0; i < PHILS; i++) {
        s[i].t = &t;
        s[i].i = i;
        wf_go(phil, &s[i], "phil");
    }
    wf_waitgroup_wait(t.wg);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ns per step of one exploration of fn; opts NULL: checkers off. */
static double run(void (*fn)(void *), const checkers_opts *opts,
                  uint64_t *steps, size_t *nf)
{
    native_start ns = {fn, NULL};
    program p;
    explore_opts o;
    explorer *x;
    checkers *ck = opts ? checkers_new(opts) : NULL;
    double t0, t;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    memset(&o, 0, sizeof o);
    o.strategy = fn == scenario ? WF_STRATEGY_RANDOM : WF_STRATEGY_DFS;
    o.seed = 1;
    o.max_executions = fn == scenario ? EXECUTIONS : PHIL_EXECUTIONS;
    o.preemptions = -1;
    x = explore_new(&p, &o);
    t0 = now();
    if (explore_run(x, ck ? checkers_consumers(ck) : NULL, NULL) != WF_OK) {
        fprintf(stderr, "bench_checkers: exploration failed\n");
        exit(1);
    }
    t = now() - t0;
    if (ck) checkers_finish(ck, x);
    *steps = x->steps;
    *nf = x->findings.len;
    explore_free(x);
    checkers_free(ck);
    return t * 1e9 / (double)*steps;
}

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#define NCONF 6

/* Prints the medians for fn; returns the ratio all/off. */
static double bench(const char *name, void (*fn)(void *), size_t want_nf)
{
    static const char *const label[NCONF] = {"checkers off", "deadlock only",
                                             "lock order only", "race only",
                                             "liveness only", "all checkers"};
    checkers_opts conf[NCONF] = {
        {false, false, false, false, 0, 0},
        {true, false, false, false, 0, 0},
        {false, true, false, false, 0, 0},
        {false, false, true, false, 0, 0},
        {false, false, false, true, CHECKERS_LIVELOCK_WINDOW,
         CHECKERS_STARVATION_BYPASS},
        {true, true, true, true, CHECKERS_LIVELOCK_WINDOW,
         CHECKERS_STARVATION_BYPASS}};
    double v[NCONF][RUNS], med[NCONF];
    uint64_t steps = 0;
    size_t nf = 0;
    run(fn, &conf[NCONF - 1], &steps, &nf); /* warm stacks and arenas */
    if (nf != want_nf) {
        fprintf(stderr, "bench_checkers: %s has %zu findings, not %zu\n", name,
                nf, want_nf);
        exit(1);
    }
    for (int r = 0; r < RUNS; r++)
        for (int c = 0; c < NCONF; c++)
            v[c][r] = run(fn, c ? &conf[c] : NULL, &steps, &nf);
    printf("%s: %llu steps a run, median of %d runs\n", name,
           (unsigned long long)steps, RUNS);
    for (int c = 0; c < NCONF; c++) {
        qsort(v[c], RUNS, sizeof v[c][0], dcmp);
        med[c] = v[c][RUNS / 2];
        printf("  %-16s %7.1f ns/step\n", label[c], med[c]);
    }
    printf("  ratio all/off    %7.2fx   (target <= 3.00x: %s)\n",
           med[NCONF - 1] / med[0],
           med[NCONF - 1] / med[0] <= 3.0 ? "met" : "MISSED");
    return med[NCONF - 1] / med[0];
}

int main(void)
{
    bench("bank (random, 20000 executions)", scenario, 0);
    bench("philosophers (3, naive, dfs, 100000 executions)", philosophers, 1);
    return 0;
}

/* bench_pingpong.c: a channel ping-pong round trip through the engine with
 * no consumers: two tasks, two unbuffered channels, strategy rr (real
 * scheduling, minimal strategy cost). Prints medians of 5 runs beside the
 * budgets (DESIGN.md: round trip <= 100 ns, engine step <= 50 ns) and Go's
 * figure as the anchor (Go 1.19, GOMAXPROCS=1: 195-277 ns on these
 * machines; no Go toolchain here to measure it in the same run). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "weft.h"

#define RUNS 5
#define ROUNDS 2000000L

static double clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef struct pp {
    wf_chan *ping, *pong;
    long rounds;
} pp;

static void ponger(void *arg)
{
    pp *p = arg;
    for (long i = 0; i < p->rounds; i++)
        wf_chan_send(p->pong, wf_chan_recv(p->ping, NULL) + 1);
}

static void pinger(void *arg)
{
    pp p = {wf_chan_new("ping", 0), wf_chan_new("pong", 0),
            *(long *)arg};
    intptr_t v = 0;
    wf_go(ponger, &p, "ponger");
    for (long i = 0; i < p.rounds; i++) {
        wf_chan_send(p.ping, v);
        v = wf_chan_recv(p.pong, NULL);
    }
    if (v != p.rounds)
        wf_assert(false, "lost a value");
}

/* One run of `rounds` round trips: ns per round trip (monotonic clock),
 * and per engine step, and CPU ns per round trip (the process's CPU
 * clock: what other load on the machine does not inflate). */
static double run(long rounds, double *step_ns, double *cpu_ns)
{
    wf_options o = wf_options_default();
    wf_result r;
    double t0, t1, c0, c1;
    o.strategy = WF_STRATEGY_RR;
    o.checkers_off = true; /* the engine alone: no consumers */
    o.max_steps = rounds * 8 + 100;
    c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    t0 = clock_ns(CLOCK_MONOTONIC);
    if (wf_explore(pinger, &rounds, &o, &r) != 0 || r.nfindings) {
        fprintf(stderr, "bench_pingpong: the engine run failed\n");
        exit(1);
    }
    t1 = clock_ns(CLOCK_MONOTONIC);
    c1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    *step_ns = (t1 - t0) / (double)r.steps;
    *cpu_ns = (c1 - c0) / (double)rounds;
    wf_result_free(&r);
    return (t1 - t0) / (double)rounds;
}

static const char *verdict(double v, double budget)
{
    return v <= budget ? "" : " OVER BUDGET";
}

int main(void)
{
    double rt[RUNS], st[RUNS], ct[RUNS], s, c, r, k;
    run(100000, &s, &c); /* warm up: stacks, arena */
    for (int i = 0; i < RUNS; i++)
        rt[i] = run(ROUNDS, &st[i], &ct[i]);
    qsort(rt, RUNS, sizeof rt[0], cmp_double);
    qsort(st, RUNS, sizeof st[0], cmp_double);
    qsort(ct, RUNS, sizeof ct[0], cmp_double);
    r = rt[RUNS / 2];
    k = st[RUNS / 2];
    printf("channel ping-pong round trip: %.1f ns (budget <= 100 ns%s; "
           "Go 1.19 GOMAXPROCS=1: 195-277 ns; cpu time %.1f ns)\n",
           r, verdict(r, 100), ct[RUNS / 2]);
    printf("engine step: %.1f ns (budget <= 50 ns%s; %.1f steps a round "
           "trip)\n",
           k, verdict(k, 50), r / k);
    return 0;
}

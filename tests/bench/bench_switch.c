/* bench_switch.c: the native context switch (sim/switch_<arch>.S) against
 * glibc's swapcontext, measured in the same run, and a task's round trip
 * through the engine (wf_yield: task -> scheduler -> task, one step).
 * Prints medians of 5 runs beside the budget (DESIGN.md: <= 20 ns a round
 * trip; swapcontext takes 300-2,200 ns on these machines, as it makes a
 * system call each switch). */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>

#include "weft.h"

void wf_ctx_switch(void **save, void *load);
void wf_ctx_trampoline(void);

#define RUNS 5
#define STACK (64 * 1024)

static double clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static double now_ns(void)
{
    return clock_ns(CLOCK_MONOTONIC);
}

/* CPU ns of the last measure (the process's CPU clock: what other load on
 * the machine does not inflate). */
static double cpu_last;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return v[n / 2];
}

/* ---- the native switch: two contexts ping-ponging -------------------- */

static void *main_sp, *co_sp;

static void co_loop(void *arg)
{
    (void)arg;
    for (;;)
        wf_ctx_switch(&co_sp, main_sp);
}

/* The first frame of a context, as sim/native.c builds it. */
static void *new_context(char *stack, size_t size, void (*fn)(void *),
                         void *arg)
{
#if defined(__x86_64__)
    uintptr_t top = ((uintptr_t)(stack + size) & ~(uintptr_t)15) - 16;
    void **sp = (void **)(top - 7 * sizeof(void *));
    memset(sp, 0, 7 * sizeof(void *));
    sp[2] = (void *)(uintptr_t)fn; /* r13 */
    sp[3] = arg;                   /* r12 */
    sp[6] = (void *)(uintptr_t)wf_ctx_trampoline;
    return sp;
#elif defined(__aarch64__)
    uintptr_t top = (uintptr_t)(stack + size) & ~(uintptr_t)15;
    void **sp = (void **)(top - 160);
    memset(sp, 0, 160);
    sp[0] = arg;                   /* x19 */
    sp[1] = (void *)(uintptr_t)fn; /* x20 */
    sp[11] = (void *)(uintptr_t)wf_ctx_trampoline; /* x30 */
    return sp;
#else
#error "no native switch on this architecture"
#endif
}

static double native_round_trip(long n)
{
    double t0, t1, c0;
    c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    t0 = now_ns();
    for (long i = 0; i < n; i++)
        wf_ctx_switch(&main_sp, co_sp);
    t1 = now_ns();
    cpu_last = (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / (double)n;
    return (t1 - t0) / (double)n;
}

/* ---- swapcontext ------------------------------------------------------- */

static ucontext_t uc_main, uc_co;

static void uc_loop(void)
{
    for (;;)
        swapcontext(&uc_co, &uc_main);
}

static double uc_round_trip(long n)
{
    double t0, t1, c0;
    c0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    t0 = now_ns();
    for (long i = 0; i < n; i++)
        swapcontext(&uc_main, &uc_co);
    t1 = now_ns();
    cpu_last = (clock_ns(CLOCK_PROCESS_CPUTIME_ID) - c0) / (double)n;
    return (t1 - t0) / (double)n;
}

/* ---- through the engine ------------------------------------------------ */

typedef struct yields {
    long n;
} yields;

static void yielder(void *arg)
{
    yields *y = arg;
    for (long i = 0; i < y->n; i++)
        wf_yield();
}

static double engine_round_trip(long n)
{
    yields y = {n};
    wf_options o = wf_options_default();
    wf_result r;
    double t0, t1;
    o.strategy = WF_STRATEGY_RR;
    o.max_steps = n + 10;
    t0 = now_ns();
    if (wf_explore(yielder, &y, &o, &r) != 0 || r.steps < n) {
        fprintf(stderr, "bench_switch: the engine run failed\n");
        exit(1);
    }
    t1 = now_ns();
    wf_result_free(&r);
    return (t1 - t0) / (double)n;
}

int main(void)
{
    static char co_stack[STACK], uc_stack[STACK];
    double nat[RUNS], uc[RUNS], eng[RUNS], cnat[RUNS], cuc[RUNS], mn, mu, me;
    co_sp = new_context(co_stack, sizeof co_stack, co_loop, NULL);
    getcontext(&uc_co);
    uc_co.uc_stack.ss_sp = uc_stack;
    uc_co.uc_stack.ss_size = sizeof uc_stack;
    uc_co.uc_link = NULL;
    makecontext(&uc_co, uc_loop, 0);
    native_round_trip(100000); /* warm up */
    uc_round_trip(10000);
    engine_round_trip(100000);
    for (int i = 0; i < RUNS; i++) {
        nat[i] = native_round_trip(20000000);
        cnat[i] = cpu_last;
        uc[i] = uc_round_trip(1000000);
        cuc[i] = cpu_last;
        eng[i] = engine_round_trip(5000000);
    }
    mn = median(nat, RUNS);
    mu = median(uc, RUNS);
    me = median(eng, RUNS);
    printf("switch round trip: %.1f ns (budget <= 20 ns%s); swapcontext: "
           "%.0f ns (ratio %.0fx); cpu time %.1f ns and %.0f ns\n",
           mn, mn <= 20 ? "" : " OVER BUDGET", mu, mu / mn,
           median(cnat, RUNS), median(cuc, RUNS));
    printf("task round trip through the engine (wf_yield, one step): "
           "%.1f ns\n",
           me);
    return 0;
}

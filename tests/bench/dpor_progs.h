/* dpor_progs.h: the DPOR benchmarks whose optimal trace counts are
 * published (Abdulla et al., "Optimal Dynamic Partial Order Reduction",
 * POPL 2014; the GenMC and Nidhugg test suites), as weft C scenarios:
 *   readers(N)  = 2^N                (N readers of x, one writer)
 *   lastzero(N) = (N+3) * 2^(N-2)    (find the last zero of an array that
 *                                     N threads fill, each from its left
 *                                     neighbour)
 *   indexer(N)  = 8^(N-11), N >= 11  (N threads insert 4 keys each into a
 *                                     128-slot hash table with CAS)
 * and readers and lastzero with the tasks joined as real programs join
 * them: main does wg.Add(1) before each go and wg.Wait() at the end
 * (_wg), or each task sends on a channel of its own that main receives
 * from in turn (_ch). A join adds no trace: the counts stay the same.
 * readers_atomic(N) reads and writes an atomic instead (2^N traces);
 * readers_mutex(N) takes a mutex around each access ((N+1)! traces, the
 * orders of the critical sections); both joined by a WaitGroup.
 * Shared by tests/unit/test_dpor.c (small sizes) and bench_dpor.c. */
#ifndef WF_DPOR_PROGS_H
#define WF_DPOR_PROGS_H

#include <stdio.h>

#include "weft.h"

#define DP_MAXN 32

typedef struct dp_prog {
    int n;
    wf_waitgroup *wg;            /* the _wg joins */
    wf_chan *done[DP_MAXN + 1];  /* the _ch joins: one per task */
    wf_var *x;
    wf_var *array[DP_MAXN + 1];
    wf_atomic *table[128];
    wf_atomic *ax; /* readers_atomic */
    wf_mutex *mu;  /* readers_mutex */
    int tid[DP_MAXN];
} dp_prog;

static void dp_reader(void *arg)
{
    dp_prog *p = arg;
    (void)wf_read(p->x);
}

static void dp_writer(void *arg)
{
    dp_prog *p = arg;
    wf_write(p->x, 1);
}

/* readers(N): arg points to an int N. */
static void dp_readers(void *arg)
{
    dp_prog p;
    p.n = *(int *)arg;
    p.x = wf_var_new("x", 0);
    for (int i = 0; i < p.n; i++)
        wf_go(dp_reader, &p, "reader");
    wf_go(dp_writer, &p, "writer");
    /* main waits for nobody: the rest run on after it returns */
    wf_yield();
    while (0)
        ;
    /* keep p alive: tasks read it after main returns */
    wf_sleep(1);
}

typedef struct dp_arg {
    dp_prog *p;
    int j;
} dp_arg;

static void dp_lz_zero(void *arg)
{
    dp_prog *p = arg;
    for (int i = p->n; wf_read(p->array[i]) != 0; i--)
        ;
}

static void dp_lz_fill(void *arg)
{
    dp_arg *a = arg;
    intptr_t v = wf_read(a->p->array[a->j - 1]);
    wf_write(a->p->array[a->j], v + 1);
}

static void dp_lastzero(void *arg)
{
    dp_prog p;
    dp_arg args[DP_MAXN + 1];
    char name[32];
    p.n = *(int *)arg;
    for (int i = 0; i <= p.n; i++) {
        snprintf(name, sizeof name, "array[%d]", i);
        p.array[i] = wf_var_new(name, 0);
    }
    wf_go(dp_lz_zero, &p, "zero");
    for (int j = 1; j <= p.n; j++) {
        args[j].p = &p;
        args[j].j = j;
        wf_go(dp_lz_fill, &args[j], "fill");
    }
    wf_sleep(1);
}

static void dp_ix_thread(void *arg)
{
    dp_arg *a = arg;
    for (int m = 1; m <= 4; m++) {
        int w = m * 11 + a->j;
        int h = (w * 7) % 128;
        while (!wf_atomic_cas(a->p->table[h], 0, w))
            h = (h + 1) % 128;
    }
}

static void dp_indexer(void *arg)
{
    dp_prog p;
    dp_arg args[DP_MAXN];
    p.n = *(int *)arg;
    for (int i = 0; i < 128; i++)
        p.table[i] = wf_atomic_new("table", 0);
    for (int j = 0; j < p.n; j++) {
        args[j].p = &p;
        args[j].j = j;
        wf_go(dp_ix_thread, &args[j], "indexer");
    }
    wf_sleep(1);
}

/* ---- joined variants ------------------------------------------------- */

typedef enum dp_join { DP_JOIN_WG, DP_JOIN_CH } dp_join;

/* A task of a joined program: run fn(arg), then Done or send. */
typedef struct dp_task {
    dp_prog *p;
    int k; /* its index among the joined tasks */
    void (*fn)(void *);
    void *arg;
} dp_task;

static void dp_joined(void *arg)
{
    dp_task *t = arg;
    t->fn(t->arg);
    if (t->p->wg)
        wf_waitgroup_done(t->p->wg);
    else
        wf_chan_send(t->p->done[t->k], 1);
}

/* Spawn task k running fn(arg) joined as p joins. */
static void dp_go(dp_prog *p, dp_task *t, int k, void (*fn)(void *),
                  void *arg, const char *name)
{
    t->p = p;
    t->k = k;
    t->fn = fn;
    t->arg = arg;
    if (p->wg)
        wf_waitgroup_add(p->wg, 1);
    wf_go(dp_joined, t, name);
}

static void dp_join_init(dp_prog *p, dp_join j, int ntasks)
{
    p->wg = NULL;
    if (j == DP_JOIN_WG) {
        p->wg = wf_waitgroup_new("wg");
        return;
    }
    for (int i = 0; i < ntasks; i++)
        p->done[i] = wf_chan_new("done", 0);
}

static void dp_join_wait(dp_prog *p, int ntasks)
{
    if (p->wg) {
        wf_waitgroup_wait(p->wg);
        return;
    }
    for (int i = 0; i < ntasks; i++)
        (void)wf_chan_recv(p->done[i], NULL);
}

static void dp_readers_join(int n, dp_join j)
{
    dp_prog p;
    dp_task t[DP_MAXN + 1];
    p.n = n;
    p.x = wf_var_new("x", 0);
    dp_join_init(&p, j, n + 1);
    for (int i = 0; i < n; i++)
        dp_go(&p, &t[i], i, dp_reader, &p, "reader");
    dp_go(&p, &t[n], n, dp_writer, &p, "writer");
    dp_join_wait(&p, n + 1);
}

/* readers(N) joined by a WaitGroup, or by a channel per task. */
static void dp_readers_wg(void *arg)
{
    dp_readers_join(*(int *)arg, DP_JOIN_WG);
}

static void dp_readers_ch(void *arg)
{
    dp_readers_join(*(int *)arg, DP_JOIN_CH);
}

static void dp_lastzero_join(int n, dp_join j)
{
    dp_prog p;
    dp_arg args[DP_MAXN + 1];
    dp_task t[DP_MAXN + 1];
    char name[32];
    p.n = n;
    for (int i = 0; i <= n; i++) {
        snprintf(name, sizeof name, "array[%d]", i);
        p.array[i] = wf_var_new(name, 0);
    }
    dp_join_init(&p, j, n + 1);
    dp_go(&p, &t[0], 0, dp_lz_zero, &p, "zero");
    for (int k = 1; k <= n; k++) {
        args[k].p = &p;
        args[k].j = k;
        dp_go(&p, &t[k], k, dp_lz_fill, &args[k], "fill");
    }
    dp_join_wait(&p, n + 1);
}

static void dp_areader(void *arg)
{
    (void)wf_atomic_load(((dp_prog *)arg)->ax);
}

static void dp_awriter(void *arg)
{
    wf_atomic_store(((dp_prog *)arg)->ax, 1);
}

static void dp_mreader(void *arg)
{
    dp_prog *p = arg;
    wf_mutex_lock(p->mu);
    (void)wf_read(p->x);
    wf_mutex_unlock(p->mu);
}

static void dp_mwriter(void *arg)
{
    dp_prog *p = arg;
    wf_mutex_lock(p->mu);
    wf_write(p->x, 1);
    wf_mutex_unlock(p->mu);
}

/* 1 writer + N readers of an atomic, or of a variable under a mutex,
 * joined by a WaitGroup (the writer first, as people write it). */
static void dp_readers_of(int n, bool mutex)
{
    dp_prog p;
    dp_task t[DP_MAXN + 1];
    p.n = n;
    p.x = wf_var_new("x", 0);
    p.ax = wf_atomic_new("x", 0);
    p.mu = wf_mutex_new("mu");
    dp_join_init(&p, DP_JOIN_WG, n + 1);
    dp_go(&p, &t[n], n, mutex ? dp_mwriter : dp_awriter, &p, "writer");
    for (int i = 0; i < n; i++)
        dp_go(&p, &t[i], i, mutex ? dp_mreader : dp_areader, &p, "reader");
    dp_join_wait(&p, n + 1);
}

static void dp_readers_atomic(void *arg)
{
    dp_readers_of(*(int *)arg, false);
}

static void dp_readers_mutex(void *arg)
{
    dp_readers_of(*(int *)arg, true);
}

/* lastzero(N) joined by a WaitGroup, or by a channel per task. */
static void dp_lastzero_wg(void *arg)
{
    dp_lastzero_join(*(int *)arg, DP_JOIN_WG);
}

static void dp_lastzero_ch(void *arg)
{
    dp_lastzero_join(*(int *)arg, DP_JOIN_CH);
}

#endif

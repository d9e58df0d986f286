/* gen.h: random small concurrent programs on the C API, for differential
 * testing of the explorer (DPOR against plain DFS must reach the same
 * outcomes and finding kinds).
 *
 * A program is 2 to 4 tasks (main and workers it spawns first), each a
 * short list of operations on 2 channels (capacity 0 to 2), 2 mutexes, a
 * cond over the first mutex, an RWMutex, 2 shared variables, an atomic, a
 * WaitGroup (main adds one per Done before spawning), a Once; plus prints,
 * selects (with and without default, with nil cases), closes, yields and
 * short sleeps. Every value read is printed, so outcomes distinguish what
 * each interleaving observed. Main then joins the workers as real
 * programs do, or not: a WaitGroup (Add(1) before each go, Done at each
 * worker's end, Wait), a channel per worker, or nothing (main returns).
 * Deterministic from a seed.
 *
 * A second set (gen_trace_program) keeps to operations whose
 * Mazurkiewicz traces a fingerprint of the events can tell apart (plain
 * variables, prints, critical sections, atomic adds whose result is
 * printed) with every join kind: gen_fingerprint gives the trace of an
 * execution, so the traces can be counted over all interleavings (plain
 * DFS) and compared with the executions of the reduction.
 *
 * A third (gen_queue_program) puts several senders and receivers on
 * buffered channels, and reads of their length; a fourth
 * (gen_drain_program) has workers drain a channel main closes. */
#ifndef WF_GEN_H
#define WF_GEN_H

#include <stdio.h>
#include <string.h>

#include "sim/rng.h"
#include "weft.h"

enum {
    G_PRINT,
    G_SEND,
    G_RECV,
    G_RECVOK,
    G_CLOSE,
    G_SELECT,
    G_CRIT, /* lock m; write or read a var; unlock m */
    G_TRYLOCK,
    G_WRITE,
    G_READ,
    G_ATOMIC,
    G_CONDWAIT,
    G_SIGNAL,
    G_BROADCAST,
    G_WGDONE,
    G_WGWAIT,
    G_YIELD,
    G_SLEEP,
    G_RCRIT, /* rlock (c & 4: tryrlock); read; runlock */
    G_WCRIT, /* lock (c & 4: trylock); write; unlock (RWMutex) */
    G_ONCE,
    G__COUNT,
    /* the queue set's only (gen_program draws from those above) */
    G_LEN = G__COUNT, /* print len(ch) */
    /* the drain set's: receive until closed, print how many */
    G_DRAIN
};

#define GEN_MAXOPS 6

typedef struct gop {
    unsigned char kind, a, b, c; /* operands: object, value, flags */
} gop;

enum { GEN_JOIN_NONE, GEN_JOIN_WG, GEN_JOIN_CHAN, GEN_JOIN__COUNT };

typedef struct gprog {
    int ntasks;
    int nops[4];
    gop ops[4][GEN_MAXOPS];
    int cap[2];
    int wg;   /* number of G_WGDONE ops in workers */
    int join; /* GEN_JOIN_* */
} gprog;

/* Generate program number `seed`. Sizes keep plain DFS affordable. */
static inline void gen_program(gprog *g, uint64_t seed)
{
    uint64_t r[4];
    rng_from_seed(r, seed, 7);
    memset(g, 0, sizeof *g);
    g->ntasks = 2 + (int)rng_below(r, 3);
    g->join = (int)rng_below(r, GEN_JOIN__COUNT);
    for (int c = 0; c < 2; c++)
        g->cap[c] = (int)rng_below(r, 3);
    for (int t = 0; t < g->ntasks; t++) {
        int max = g->ntasks == 2 ? 5 : g->ntasks == 3 ? 3 : 2;
        g->nops[t] = 1 + (int)rng_below(r, (uint32_t)max);
        for (int i = 0; i < g->nops[t]; i++) {
            gop *o = &g->ops[t][i];
            o->kind = (unsigned char)rng_below(r, G__COUNT);
            o->a = (unsigned char)rng_below(r, 2);
            o->b = (unsigned char)(1 + rng_below(r, 3));
            o->c = (unsigned char)rng_below(r, 8);
            if (o->kind == G_CLOSE && rng_below(r, 2))
                o->kind = G_SEND; /* closes are rarer */
            if (o->kind == G_WGDONE && t == 0)
                o->kind = G_WGWAIT;
            if (o->kind == G_WGDONE)
                g->wg++;
        }
    }
}

/* Program `seed` of the trace-counting set: 2 or 3 tasks of at most 4
 * operations among reads, writes, prints, critical sections and atomic
 * adds (whose results are printed), and a join. */
static inline void gen_trace_program(gprog *g, uint64_t seed)
{
    static const unsigned char kinds[] = {G_READ, G_WRITE, G_PRINT, G_CRIT,
                                          G_ATOMIC};
    uint64_t r[4];
    rng_from_seed(r, seed, 11);
    memset(g, 0, sizeof *g);
    g->ntasks = 2 + (int)rng_below(r, 2);
    g->join = (int)rng_below(r, GEN_JOIN__COUNT);
    for (int t = 0; t < g->ntasks; t++) {
        g->nops[t] = 1 + (int)rng_below(r, g->ntasks == 2 ? 4 : 3);
        for (int i = 0; i < g->nops[t]; i++) {
            gop *o = &g->ops[t][i];
            o->kind = kinds[rng_below(r, sizeof kinds)];
            o->a = (unsigned char)rng_below(r, 2);
            o->b = (unsigned char)(1 + rng_below(r, 3));
            o->c = (unsigned char)rng_below(r, 8);
        }
    }
}

/* Program `seed` of the queue set: 2 to 4 tasks sending to and
 * receiving from 2 buffered channels (capacity 1 to 3, most ops on the
 * first), each item a value of its own, every value received printed,
 * with prints, selects, lengths read and a rare close, and a join:
 * several senders and receivers on one buffer, where an enqueue and a
 * dequeue commute or not by the buffer's length. */
static inline void gen_queue_program(gprog *g, uint64_t seed)
{
    static const unsigned char kinds[] = {G_SEND,   G_SEND,  G_RECV,
                                          G_RECV,   G_RECVOK, G_PRINT,
                                          G_SELECT, G_CLOSE,  G_LEN};
    uint64_t r[4];
    rng_from_seed(r, seed, 13);
    memset(g, 0, sizeof *g);
    g->ntasks = 2 + (int)rng_below(r, 3);
    g->join = (int)rng_below(r, GEN_JOIN__COUNT);
    for (int c = 0; c < 2; c++)
        g->cap[c] = 1 + (int)rng_below(r, 3);
    for (int t = 0; t < g->ntasks; t++) {
        int max = g->ntasks == 2 ? 5 : g->ntasks == 3 ? 4 : 3;
        g->nops[t] = 1 + (int)rng_below(r, (uint32_t)max);
        for (int i = 0; i < g->nops[t]; i++) {
            gop *o = &g->ops[t][i];
            o->kind = kinds[rng_below(r, sizeof kinds)];
            o->a = rng_below(r, 4) == 0;
            o->b = (unsigned char)(1 + t * GEN_MAXOPS + i);
            o->c = (unsigned char)rng_below(r, 8);
            if (o->kind == G_CLOSE && rng_below(r, 2))
                o->kind = G_SEND; /* closes are rarer */
        }
    }
}

/* Program `seed` of the drain set: the queue set's, where each worker
 * first drains a channel (receives until it is closed: the receive that
 * finds it closed and empty changes nothing, and commutes with another)
 * and main closes it at some point (a pool's workers ranging over the
 * jobs channel). */
static inline void gen_drain_program(gprog *g, uint64_t seed)
{
    uint64_t r[4];
    int at;
    gen_queue_program(g, seed);
    rng_from_seed(r, seed, 17);
    for (int t = 1; t < g->ntasks; t++) {
        gop *o = &g->ops[t][0];
        o->kind = G_DRAIN;
        o->a = rng_below(r, 3) == 0;
        if (g->nops[t] > 2)
            g->nops[t] = 2;
    }
    at = (int)rng_below(r, (uint32_t)g->nops[0] + 1);
    if (g->nops[0] < GEN_MAXOPS && at == g->nops[0])
        g->nops[0]++;
    else if (at == g->nops[0])
        at--;
    g->ops[0][at].kind = G_CLOSE;
    g->ops[0][at].a = 0;
}

/* One execution's objects. Tasks use them after main returns, so they
 * live in the test's static storage (executions run one at a time). */
typedef struct gctx {
    const gprog *g;
    wf_chan *ch[2];
    wf_mutex *mu[2];
    wf_cond *cond;
    wf_rwmutex *rw;
    wf_var *var[2];
    wf_atomic *at;
    wf_waitgroup *wg;
    wf_once *once;
    wf_waitgroup *join_wg;
    wf_chan *join_ch[4];
    int tid[4];
} gctx;

static gctx gen_ctx;

static void gen_once_fn(void *arg)
{
    (void)arg;
    wf_printf("once\n");
}

static void gen_run_ops(gctx *x, int t)
{
    const gprog *g = x->g;
    for (int i = 0; i < g->nops[t]; i++) {
        const gop *o = &g->ops[t][i];
        wf_chan *ch = x->ch[o->a];
        switch (o->kind) {
        case G_PRINT:
            wf_printf("p%d.%d\n", t, o->b);
            break;
        case G_SEND:
            wf_chan_send(ch, o->b);
            break;
        case G_RECV:
            wf_printf("r%d:%ld\n", t, (long)wf_chan_recv(ch, NULL));
            break;
        case G_RECVOK: {
            bool ok;
            long v = (long)wf_chan_recv(ch, &ok);
            wf_printf("r%d:%ld,%d\n", t, v, ok);
            break;
        }
        case G_CLOSE:
            wf_chan_close(ch);
            break;
        case G_SELECT: {
            wf_case cs[3];
            int n = 2, k;
            memset(cs, 0, sizeof cs);
            cs[0].chan = x->ch[0];
            cs[0].send = o->c & 1;
            cs[0].value = o->b;
            cs[1].chan = x->ch[1];
            cs[1].send = (o->c >> 1) & 1;
            cs[1].value = o->b;
            if (o->c & 4)
                cs[n++].chan = NULL; /* a nil case */
            k = wf_select(cs, (size_t)n, o->a);
            if (k >= 0 && !cs[k].send)
                wf_printf("s%d:%d=%ld\n", t, k, (long)cs[k].received);
            else
                wf_printf("s%d:%d\n", t, k);
            break;
        }
        case G_CRIT:
            wf_mutex_lock(x->mu[o->a]);
            if (o->c & 1)
                wf_write(x->var[o->a], o->b);
            else
                wf_printf("c%d:%ld\n", t, (long)wf_read(x->var[o->a]));
            wf_mutex_unlock(x->mu[o->a]);
            break;
        case G_TRYLOCK:
            if (wf_mutex_trylock(x->mu[o->a])) {
                wf_printf("t%d\n", t);
                wf_mutex_unlock(x->mu[o->a]);
            }
            break;
        case G_WRITE:
            wf_write(x->var[o->a], o->b);
            break;
        case G_READ:
            wf_printf("v%d:%ld\n", t, (long)wf_read(x->var[o->a]));
            break;
        case G_ATOMIC:
            wf_printf("a%d:%ld\n", t, (long)wf_atomic_add(x->at, o->b));
            break;
        case G_CONDWAIT:
            wf_mutex_lock(x->mu[0]);
            wf_cond_wait(x->cond);
            wf_mutex_unlock(x->mu[0]);
            wf_printf("w%d\n", t);
            break;
        case G_SIGNAL:
        case G_BROADCAST:
            wf_mutex_lock(x->mu[0]);
            if (o->kind == G_SIGNAL)
                wf_cond_signal(x->cond);
            else
                wf_cond_broadcast(x->cond);
            wf_mutex_unlock(x->mu[0]);
            break;
        case G_WGDONE:
            wf_waitgroup_done(x->wg);
            break;
        case G_WGWAIT:
            wf_waitgroup_wait(x->wg);
            wf_printf("g%d\n", t);
            break;
        case G_YIELD:
            wf_yield();
            break;
        case G_SLEEP:
            wf_sleep(o->b);
            break;
        case G_RCRIT:
            if (o->c & 4) { /* TryRLock */
                if (!wf_rwmutex_tryrlock(x->rw)) {
                    wf_printf("R%d-\n", t);
                    break;
                }
            } else {
                wf_rwmutex_rlock(x->rw);
            }
            wf_printf("R%d:%ld\n", t, (long)wf_read(x->var[1]));
            wf_rwmutex_runlock(x->rw);
            break;
        case G_WCRIT:
            if (o->c & 4) { /* TryLock */
                if (!wf_rwmutex_trylock(x->rw)) {
                    wf_printf("W%d-\n", t);
                    break;
                }
            } else {
                wf_rwmutex_lock(x->rw);
            }
            wf_write(x->var[1], o->b);
            wf_rwmutex_unlock(x->rw);
            break;
        case G_ONCE:
            wf_once_do(x->once, gen_once_fn, NULL);
            break;
        case G_LEN:
            wf_printf("l%d:%zu\n", t, wf_chan_len(ch));
            break;
        case G_DRAIN: {
            bool ok = true;
            int n = -1;
            while (ok) {
                wf_chan_recv(ch, &ok);
                n++;
            }
            wf_printf("d%d:%d\n", t, n);
            break;
        }
        }
    }
}

static void gen_worker(void *arg)
{
    int t = *(int *)arg;
    gen_run_ops(&gen_ctx, t);
    if (gen_ctx.g->join == GEN_JOIN_WG)
        wf_waitgroup_done(gen_ctx.join_wg);
    else if (gen_ctx.g->join == GEN_JOIN_CHAN)
        wf_chan_send(gen_ctx.join_ch[t], 1);
}

/* The scenario: arg is the gprog. */
static void gen_scenario(void *arg)
{
    gctx *x = &gen_ctx;
    x->g = arg;
    x->ch[0] = wf_chan_new("c0", (size_t)x->g->cap[0]);
    x->ch[1] = wf_chan_new("c1", (size_t)x->g->cap[1]);
    x->mu[0] = wf_mutex_new("m0");
    x->mu[1] = wf_mutex_new("m1");
    x->cond = wf_cond_new("cond", x->mu[0]);
    x->rw = wf_rwmutex_new("rw");
    x->var[0] = wf_var_new("x", 0);
    x->var[1] = wf_var_new("y", 0);
    x->at = wf_atomic_new("n", 0);
    x->wg = wf_waitgroup_new("wg");
    x->once = wf_once_new("once");
    x->join_wg = wf_waitgroup_new("join");
    for (int t = 1; t < x->g->ntasks; t++)
        x->join_ch[t] = wf_chan_new("done", 0);
    if (x->g->wg)
        wf_waitgroup_add(x->wg, x->g->wg);
    for (int t = 1; t < x->g->ntasks; t++) {
        x->tid[t] = t;
        if (x->g->join == GEN_JOIN_WG)
            wf_waitgroup_add(x->join_wg, 1);
        wf_go(gen_worker, &x->tid[t], "worker");
    }
    gen_run_ops(x, 0);
    if (x->g->join == GEN_JOIN_WG)
        wf_waitgroup_wait(x->join_wg);
    else if (x->g->join == GEN_JOIN_CHAN)
        for (int t = 1; t < x->g->ntasks; t++)
            (void)wf_chan_recv(x->join_ch[t], NULL);
}

/* ---- the fingerprint of a trace ------------------------------------- */

/* The events of one execution that tell its trace, kept by a consumer:
 * per variable the writes in order and, for each read, how many writes
 * came before it; the order of lock acquisitions per mutex and of the
 * atomic adds; the order of prints and main's return (the output). Joins
 * are forced and tell nothing. */
typedef struct gfp_ev {
    int32_t tid, oid;
    uint16_t op;
} gfp_ev;

typedef struct gfp {
    gfp_ev ev[512];
    int n;
    bool overflow;
} gfp;

static inline void gfp_begin(void *ctx, wf_engine *e)
{
    (void)e;
    ((gfp *)ctx)->n = 0;
    ((gfp *)ctx)->overflow = false;
}

static inline void gfp_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    gfp *f = ctx;
    (void)e;
    if (ev->op != EV_READ && ev->op != EV_WRITE && ev->op != EV_LOCK &&
        ev->op != EV_ATOMIC && ev->op != EV_PRINT &&
        !(ev->op == EV_EXIT && (ev->flags & EVF_MAIN_DONE)))
        return;
    if (f->n == 512) {
        f->overflow = true;
        return;
    }
    f->ev[f->n].tid = ev->tid;
    f->ev[f->n].oid = ev->op == EV_PRINT || ev->op == EV_EXIT ? -2 : ev->oid;
    f->ev[f->n].op = ev->op;
    f->n++;
}

static inline int gfp_int_cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* The trace of the execution f saw, as a string into out[0, n). */
static inline void gen_fingerprint(const gfp *f, char *out, size_t n)
{
    size_t len = 0;
    out[0] = 0;
    for (int32_t oid = -2; oid < 64; oid++) {
        int writes = 0, rd[64], nrd = 0;
        bool any = false;
        for (int i = 0; i < f->n; i++) {
            const gfp_ev *v = &f->ev[i];
            if (v->oid != oid)
                continue;
            any = true;
            if (v->op == EV_READ) {
                if (nrd < 64)
                    rd[nrd++] = v->tid * 256 + writes;
                continue;
            }
            /* the reads since the last write: a set */
            qsort(rd, (size_t)nrd, sizeof rd[0], gfp_int_cmp);
            for (int k = 0; k < nrd && len + 16 < n; k++)
                len += (size_t)snprintf(out + len, n - len, "r%d,", rd[k]);
            nrd = 0;
            if (len + 16 < n)
                len += (size_t)snprintf(out + len, n - len, "%c%d,",
                                        v->op == EV_EXIT ? 'E' : 'w',
                                        v->tid);
            writes++;
        }
        qsort(rd, (size_t)nrd, sizeof rd[0], gfp_int_cmp);
        for (int k = 0; k < nrd && len + 16 < n; k++)
            len += (size_t)snprintf(out + len, n - len, "r%d,", rd[k]);
        if (any && len + 4 < n)
            len += (size_t)snprintf(out + len, n - len, "|%d|", (int)oid);
    }
}

#endif

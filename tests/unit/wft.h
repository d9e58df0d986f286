/* wft.h: helpers shared by the unit suites (not a suite itself).
 * Owns: nothing global. An evlog owns its text and events until
 * evlog_fini(); a run_ owns its explorer until run_free().
 * Tests assert after the run, never inside a task: a task runs on its own
 * stack, where Check's failure path must not unwind. */
#ifndef WFT_H
#define WFT_H

#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/native.h"

/* How many generated programs a differential test compares: n under
 * `make bench` (WEFT_UNIT_FULL=1), two fifths of n under `make test`,
 * the same seeds from 1 (the bench's run covers make test's). */
static inline int wft_scaled(int n)
{
    const char *full = getenv("WEFT_UNIT_FULL");
    return full && *full && strcmp(full, "0") ? n : n * 2 / 5;
}

/* Every event of every execution, as a vector and as text: one line per
 * event with every field (the site as file:line, never an address), and a
 * "--" line at each execution's start. */
typedef struct evlog {
    buf text;
    VEC(wf_event) ev; /* the last execution's events */
    int executions;
} evlog;

static inline void evlog_init(evlog *l)
{
    memset(l, 0, sizeof *l);
    buf_init(&l->text);
}

static inline void evlog_fini(evlog *l)
{
    buf_fini(&l->text);
    VEC_FREE(l->ev);
}

static inline void evlog_begin(void *ctx, wf_engine *e)
{
    evlog *l = ctx;
    (void)e;
    l->ev.len = 0;
    l->executions++;
    buf_puts(&l->text, "--\n");
}

static inline void evlog_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    evlog *l = ctx;
    (void)e;
    VEC_PUSH(l->ev, *ev);
    buf_printf(&l->text, "%llu %lld g%d %s %u o%d p%d v%lld a%lld b%lld %s:%d\n",
               (unsigned long long)ev->step, (long long)ev->clock,
               (int)ev->tid, ev_op_names[ev->op], (unsigned)ev->flags,
               (int)ev->oid, (int)ev->peer, (long long)ev->value,
               (long long)ev->aux, (long long)ev->aux2,
               ev->file ? ev->file : "-", (int)ev->line);
}

/* How many events of the last execution have op eop (and tid, if >= 0). */
static inline int evlog_count(const evlog *l, ev_op eop, int32_t tid)
{
    int n = 0;
    for (size_t i = 0; i < l->ev.len; i++)
        if (l->ev.p[i].op == eop && (tid < 0 || l->ev.p[i].tid == tid))
            n++;
    return n;
}

/* The i-th event (from 0) of the last execution with op eop, or NULL. */
static inline const wf_event *evlog_nth(const evlog *l, ev_op eop, int i)
{
    for (size_t k = 0; k < l->ev.len; k++)
        if (l->ev.p[k].op == eop && i-- == 0)
            return &l->ev.p[k];
    return NULL;
}

/* One exploration of a C scenario through the explorer (what wf_explore
 * does, plus the event stream and the explorer's own records). */
typedef struct run_ {
    explorer *x;
    wf_status st;
    wf_diag d;
} run_;

static inline explore_opts opts_of(wf_strategy_kind k)
{
    explore_opts o;
    memset(&o, 0, sizeof o);
    o.strategy = k;
    o.preemptions = -1;
    return o;
}

static inline run_ run_explore(void (*fn)(void *), void *arg,
                               const explore_opts *o, evlog *log)
{
    run_ r;
    native_start ns = {fn, arg};
    program p;
    wf_consumer c = {log, evlog_begin, evlog_event, NULL, NULL, 0};
    consumer_set cs = {&c, 1};
    memset(&p, 0, sizeof p);
    memset(&r, 0, sizeof r);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    p.hash = 0x5eed1234u;
    p.file = "test";
    r.x = explore_new(&p, o);
    r.st = explore_run(r.x, log ? &cs : NULL, &r.d);
    return r;
}

static inline void run_free(run_ *r)
{
    explore_free(r->x);
    r->x = NULL;
}

/* The distinct findings of kind k; the first one, or NULL. */
static inline int nfind(const explorer *x, wf_finding_kind k)
{
    int n = 0;
    for (size_t i = 0; i < x->findings.len; i++)
        n += x->findings.p[i].f.kind == (uint8_t)k;
    return n;
}

static inline const xfinding *find(const explorer *x, wf_finding_kind k)
{
    for (size_t i = 0; i < x->findings.len; i++)
        if (x->findings.p[i].f.kind == (uint8_t)k)
            return &x->findings.p[i];
    return NULL;
}

/* wf_explore with a strategy, other options default. */
static inline int explore_with(void (*fn)(void *), void *arg,
                               wf_strategy_kind k, wf_result *res)
{
    wf_options o = wf_options_default();
    o.strategy = k;
    return wf_explore(fn, arg, &o, res);
}

/* The message of res's only finding (asserted to be the only one). */
static inline const char *only_message(const wf_result *res)
{
    ck_assert_uint_eq(res->nfindings, 1);
    return res->findings[0].message;
}

#endif

/* cli_parts.c: -j N and --shard I/N: the search cut into parts (the plan
 * of sim/partition.h), run by a pool of engines (threads, each with its
 * own program and checkers) that give work to each other as they run, and
 * joined in part order into one explorer (cli_int.h). */
#include "cli.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "checker/checkers.h"
#include "cli_int.h"
#include "halt.h"
#include "record.h"
#include "shard.h"
#include "sim/partition.h"

/* ---- -j N and --shard I/N: the search in parts ------------------------ */

/* cli_int.h */
bool cli_partitioned(const cli_opts *o, const explore_opts *eo)
{
    return o->shard_n > 0 &&
           (o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES) &&
           (eo->strategy == WF_STRATEGY_DPOR ||
            eo->strategy == WF_STRATEGY_DFS);
}

/* Is the plan one part, the whole search (partition_frontier.c: it
 * ended within the planning budget)? */
static bool whole_plan(const part_plan *pl)
{
    return pl->parts.len == 1 && !pl->parts.p[0].gift &&
           !pl->parts.p[0].stop_at && !pl->parts.p[0].sibs.len &&
           pl->frontier;
}

/* Executions a search runs between two gifts (dpor_donate): the same for
 * every -j and every timing (a gift depends on the search's own count
 * only), so the searches and their results are those of -j 1. */
#define GIFT_EVERY 256
/* ... and the one search's of -j (cli_pool): more often, so the other
 * engines have work queued more of the time (locks.go of make bench:
 * the second engine ran 3,127 of 7,752 executions at 256, 3,295 at 64);
 * and at once when a gift is estimated at so many executions
 * (dpor_donate_estimate: 3,656 to 3,702), as a large piece found
 * between two periods would leave an engine idle until the next */
#define POOL_GIFT_EVERY 64

/* A search of the run: a part's own (gift NULL), or a node one gave away
 * (the giver's unit and the gift's rank among its gifts). */
typedef struct unit {
    size_t part;
    dpor_gift *gift;
    size_t giver, rank;
    size_t at;         /* the gift's node in the giver's search */
    VEC(size_t) gifts; /* the units it gave, in order */
    explorer *res;
    dpor_result *ret;  /* for the giver's search (dpor_merge) */
    bool done, merged;
    /* its node left by the giver before it was joined (dpor_set_chain):
     * joined by unit_rejoin; and a chained gift: the unit after whose end
     * it starts (+1; 0: none), queued once that one is done */
    bool left;
    size_t after1;
    wf_status st;
    wf_diag d;
} unit;

/* What the engines share: the parts to run, the searches (units) to run
 * and their results. A task is a unit to run, or (SIZE_MAX - part) the
 * join of a part whose units are all done. */
typedef struct parts_run {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    const cli_opts *o;
    const program *p;
    const cli_progsrc *src;
    explore_opts eo; /* without hooks; prefix set per part */
    const part_plan *plan; /* NULL: one search (cli_pool) */
    size_t nparts;         /* the plan's parts (0: one search) */
    VEC(unit) units;
    VEC(size_t) todo; /* tasks, taken from the end */
    size_t running;   /* tasks being run */
    size_t *left;     /* by part: its units not done */
    bool gifts;       /* units give work away */
    bool chain;       /* ... and leave their gifts' nodes (dpor_set_chain) */
    /* --max-executions, unsharded: the parts run in order on one engine,
     * each with what the parts before it left of the budget, as the
     * single search spends it (an even share would leave a part holding
     * most of the tree a sliver); used: executions started so far */
    int64_t budget, used;
    int64_t every;    /* ... every so many executions (GIFT_EVERY) */
    int nodes;        /* ... of so many nodes at most */
    double big;       /* ... or as soon as a gift is estimated this big */
    explorer **res;   /* by part, NULL: not run (another shard's) */
    explorer **ran;   /* by part: its search planning ran (part.ran) */
    wf_status *st;
    wf_diag *d;
    double start, limit;
    wf_status fail;
    wf_diag fail_d;
    /* WEFT_ENGINE_STATS: what each engine ran (for make bench) */
    bool stats;
    int nengines;
    buf stats_out;
    /* WEFT_ENGINE_TRACE: each engine's events with its thread's CPU time
     * (make bench schedules the searches of a -j 1 run on 2 cores) */
    bool trace;
    int ids; /* engines numbered so far (the command's thread is 0) */
} parts_run;

#define JOIN_TASK(k) (SIZE_MAX - (k))

/* Stop every engine on an interrupt or at --time-limit (no progress
 * line: engines run at once). */
static bool parts_stop(void *ctx, const explorer *x)
{
    const parts_run *pr = ctx;
    (void)x;
    return halt_signal() != 0 ||
           (pr->limit > 0 && cli_now() - pr->start >= pr->limit);
}

/* should_stop of a unit's search: between executions (the first call
 * after an execution; a call within one sees the same count), every
 * GIFT_EVERY executions, give the shallowest work left away. */
/* What one engine ran, for WEFT_ENGINE_STATS. */
typedef struct engine_stat {
    uint64_t units, executions, blocked;
    uint64_t kept;  /* units planning ran (part_keep), not counted */
    uint64_t steps; /* steps of the units run (not those kept) */
    double idle;    /* seconds waiting for work or for a gift */
    int id;         /* 0: the command's thread */
} engine_stat;

/* The CPU time of the calling thread, in seconds. */
static double thread_cpu(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return 0;
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* WEFT_ENGINE_TRACE: engine es's event `kind` of search (unit) u, with
 * v (a gift: its unit; a start: its giver, -1 none): S start, E end, G
 * gives v, W waits for v, w has v's result. */
static void trace_ev(const parts_run *pr, const engine_stat *es, char kind,
                     size_t u, size_t v)
{
    if (pr->trace)
        fprintf(stderr, "weft: trace %d %c %zu %lld %.9f\n", es->id, kind, u,
                v == SIZE_MAX ? -1LL : (long long)v, thread_cpu());
}

/* Wait on pr->cv (pr->mu held), counting the time in es->idle when
 * WEFT_ENGINE_STATS asks. */
static void engine_wait(parts_run *pr, engine_stat *es)
{
    double t0 = pr->stats ? cli_now() : 0;
    pthread_cond_wait(&pr->cv, &pr->mu);
    if (pr->stats) es->idle += cli_now() - t0;
}

typedef struct unit_ctx {
    parts_run *pr;
    size_t u;
    int64_t seen, last;
    program *wp;     /* the engine's program */
    engine_stat *es; /* ... and its count */
    int64_t stop_at; /* the part's (part.stop_at) */
    /* one search (cli_pool): the unit's explorer, into which its gifts'
     * are joined as it merges them, the executions they started (its
     * own count gives), and whether one of them was cut short */
    explorer *x;
    int64_t joined;
    uint64_t jx, jb, js; /* executions, blocked, steps joined */
    bool cut, halted;
} unit_ctx;

static void gift_join(unit_ctx *c, explorer *y);

static void run_task(parts_run *pr, program *wp, engine_stat *es, size_t t);

/* The next task (pr->mu held, todo not empty): with a plan, the last
 * (the longest part first); for the one search (cli_pool), `want` if it
 * is still queued (a giver waiting for its gift runs it itself), else the
 * oldest (the shallowest gift: the most work, to an engine that has
 * none). Which engine runs what never changes the results. */
static size_t take_task(parts_run *pr, size_t want)
{
    size_t i = 0, t;
    if (pr->plan) return pr->todo.p[--pr->todo.len];
    for (size_t k = 0; k < pr->todo.len; k++)
        if (pr->todo.p[k] == want) i = k;
    t = pr->todo.p[i];
    memmove(pr->todo.p + i, pr->todo.p + i + 1,
            (pr->todo.len - i - 1) * sizeof *pr->todo.p);
    pr->todo.len--;
    return t;
}

/* Wait until unit v (a gift of c's search) is done (pr->mu held),
 * running queued tasks meanwhile: v first if no engine took it. */
static void await_unit(unit_ctx *c, size_t v)
{
    parts_run *pr = c->pr;
    trace_ev(pr, c->es, 'W', c->u, v);
    while (!pr->units.p[v].done) {
        if (pr->todo.len) {
            size_t t = take_task(pr, v);
            pthread_mutex_unlock(&pr->mu);
            run_task(pr, c->wp, c->es, t);
            pthread_mutex_lock(&pr->mu);
            pthread_cond_broadcast(&pr->cv);
        } else {
            engine_wait(pr, c->es);
        }
    }
    trace_ev(pr, c->es, 'w', c->u, v);
}

static void merge_gifts(unit_ctx *c, dpor *d, size_t i, bool left);

/* dpor_set_join of a unit's search: before it backtracks into node i,
 * the results of the units given there, in the order given; while one
 * runs elsewhere, this engine runs other tasks (never idle while work
 * is queued). */
static void unit_join(void *ctx, dpor *d, size_t i)
{
    merge_gifts(ctx, d, i, false);
}

/* Chained unit v may start: its node's earlier gift is done with result
 * r (pr->mu held). Queued, or done at once when that gift explored all
 * its tasks. */
static void chain_start(parts_run *pr, size_t v, const dpor_result *r)
{
    unit *z = &pr->units.p[v];
    z->after1 = 0;
    if (dpor_gift_after(z->gift, r)) {
        VEC_PUSH(pr->todo, v);
    } else {
        dpor_gift_free(z->gift);
        z->gift = NULL;
        z->done = true;
        z->st = WF_OK;
        if (--pr->left[z->part] == 0 && pr->plan)
            VEC_PUSH(pr->todo, JOIN_TASK(z->part));
    }
    pthread_cond_broadcast(&pr->cv);
}

/* dpor_set_chain of a unit's search: it leaves node i before the gifts
 * given there are joined; g (NULL: none), the node's branches left, a
 * gift that starts once they are done. */
static void unit_chain(void *ctx, dpor *d, size_t i, dpor_gift *g)
{
    unit_ctx *c = ctx;
    parts_run *pr = c->pr;
    size_t last = SIZE_MAX;
    (void)d;
    pthread_mutex_lock(&pr->mu);
    for (size_t k = 0; k < pr->units.p[c->u].gifts.len; k++) {
        size_t v = pr->units.p[c->u].gifts.p[k];
        if (pr->units.p[v].at == i && !pr->units.p[v].merged &&
            !pr->units.p[v].left) {
            pr->units.p[v].left = true;
            last = v;
        }
    }
    if (g) {
        unit z;
        size_t v = pr->units.len;
        memset(&z, 0, sizeof z);
        z.part = pr->units.p[c->u].part;
        z.gift = g;
        z.giver = c->u;
        z.at = i;
        z.rank = pr->units.p[c->u].gifts.len;
        z.left = true;
        VEC_PUSH(pr->units, z);
        VEC_PUSH(pr->units.p[c->u].gifts, v);
        trace_ev(pr, c->es, 'G', c->u, v);
        if (last != SIZE_MAX)
            trace_ev(pr, c->es, 'A', v, last); /* v starts after last */
        pr->left[z.part]++;
        if (last == SIZE_MAX || pr->units.p[last].done)
            chain_start(pr, v,
                        last == SIZE_MAX ? NULL : pr->units.p[last].ret);
        else
            pr->units.p[v].after1 = last + 1;
    }
    pthread_mutex_unlock(&pr->mu);
}

/* dpor_set_chain of a unit's search: before it leaves node k, the
 * results of the gifts of the nodes it left below k, in the order given
 * (waiting for them as unit_join does). */
static void unit_rejoin(void *ctx, dpor *d, size_t k)
{
    merge_gifts(ctx, d, k, true);
}

/* unit_join (left false: the units given at node i, not left) and
 * unit_rejoin (left true: those of the nodes left below node i): each
 * one's result merged in the order given, waiting for it (await_unit). */
static void merge_gifts(unit_ctx *c, dpor *d, size_t i, bool left)
{
    parts_run *pr = c->pr;
    pthread_mutex_lock(&pr->mu);
    for (size_t g = 0; g < pr->units.p[c->u].gifts.len; g++) {
        size_t v = pr->units.p[c->u].gifts.p[g];
        dpor_result *r;
        explorer *y;
        if (pr->units.p[v].merged || pr->units.p[v].left != left ||
            (left ? pr->units.p[v].at <= i : pr->units.p[v].at != i))
            continue;
        await_unit(c, v);
        r = pr->units.p[v].ret;
        pr->units.p[v].ret = NULL;
        pr->units.p[v].merged = true;
        y = pr->plan ? NULL : pr->units.p[v].res;
        if (y) pr->units.p[v].res = NULL;
        pthread_mutex_unlock(&pr->mu);
        if (left)
            dpor_merge_left(d, r);
        else
            dpor_merge(d, i, r);
        if (y) gift_join(c, y);
        pthread_mutex_lock(&pr->mu);
    }
    pthread_mutex_unlock(&pr->mu);
}

/* Between executions (the first call after one; a call within one sees
 * the same count), every GIFT_EVERY executions of the search's own (not
 * those of the gifts joined into it), give the shallowest work left
 * away. */
static size_t unit_give(unit_ctx *c, const explorer *x)
{
    parts_run *pr = c->pr;
    size_t ng = 0;
    int64_t n = explore_started(x) - c->joined;
    if (n > c->seen && pr->gifts && !c->stop_at && x->dp && !x->restart &&
        !x->restarts && !x->minimizing && (!c->x || x == c->x) &&
        (n - c->last >= pr->every ||
         (pr->big > 0 && dpor_donate_estimate(x->dp) >= pr->big))) {
        c->last = n;
        for (int k = 0; k < pr->nodes; k++) {
            dpor_gift **g = NULL;
            size_t m = dpor_donate(x->dp, &g);
            if (!m) break;
            ng += m;
            pthread_mutex_lock(&pr->mu);
            for (size_t i = 0; i < m; i++) {
                unit z;
                memset(&z, 0, sizeof z);
                z.part = pr->units.p[c->u].part;
                z.gift = g[i];
                z.giver = c->u;
                z.at = dpor_gift_at(g[i]);
                z.rank = pr->units.p[c->u].gifts.len;
                VEC_PUSH(pr->units, z);
                VEC_PUSH(pr->units.p[c->u].gifts, pr->units.len - 1);
                VEC_PUSH(pr->todo, pr->units.len - 1);
                trace_ev(pr, c->es, 'G', c->u, pr->units.len - 1);
                pr->left[z.part]++;
            }
            pthread_cond_broadcast(&pr->cv);
            pthread_mutex_unlock(&pr->mu);
            free(g);
        }
    }
    if (n > c->seen) c->seen = n;
    return ng;
}

static bool unit_stop(void *ctx, const explorer *x)
{
    unit_ctx *c = ctx;
    if (c->stop_at > 0 && explore_started(x) >= c->stop_at)
        return true; /* the part ends here: the later parts have the rest */
    unit_give(c, x);
    return parts_stop(c->pr, x);
}

/* Unit u of part k ran: its search x (status st, d) is its result. */
static void unit_done(parts_run *pr, size_t u, size_t k, explorer *x,
                      engine_stat *es, wf_status st, const wf_diag *d)
{
    dpor_result *ret = x->dp ? dpor_take_result(x->dp) : NULL;
    es->units++;
    es->executions += (uint64_t)x->executions;
    es->blocked += x->blocked;
    es->steps += x->steps;
    pthread_mutex_lock(&pr->mu);
    pr->units.p[u].res = x;
    pr->units.p[u].ret = ret;
    pr->units.p[u].done = true;
    pr->units.p[u].st = st;
    pr->units.p[u].d = *d;
    for (size_t v = u + 1; v < pr->units.len; v++) /* chained after u */
        if (pr->units.p[v].after1 == u + 1) chain_start(pr, v, ret);
    pthread_cond_broadcast(&pr->cv);
    if (--pr->left[k] == 0 && pr->plan) VEC_PUSH(pr->todo, JOIN_TASK(k));
    pthread_mutex_unlock(&pr->mu);
}

/* Unit u, part k's own search, which planning ran: x, its search with
 * its checkers finished (part.ran). */
static void run_kept(parts_run *pr, size_t u, size_t k, explorer *x,
                     engine_stat *es)
{
    wf_diag d;
    memset(&d, 0, sizeof d);
    /* (unit_done counts what the engines ran: planning ran this) */
    es->kept++;
    es->executions -= (uint64_t)x->executions;
    es->blocked -= x->blocked;
    es->steps -= x->steps;
    unit_done(pr, u, k, x, es, WF_OK, &d);
}

/* The gifts unit c gave and has not merged (a search cut short: by a
 * halt, or the program's scheduling points changed): wait for them and
 * join what they found into its explorer, in the order given (their
 * results for its nodes are dropped: it backtracks no further). */
static void unit_join_rest(unit_ctx *c)
{
    parts_run *pr = c->pr;
    pthread_mutex_lock(&pr->mu);
    for (size_t g = 0; g < pr->units.p[c->u].gifts.len; g++) {
        size_t v = pr->units.p[c->u].gifts.p[g];
        explorer *y;
        if (pr->units.p[v].merged) continue;
        await_unit(c, v);
        pr->units.p[v].merged = true;
        dpor_result_free(pr->units.p[v].ret);
        pr->units.p[v].ret = NULL;
        y = pr->units.p[v].res;
        pr->units.p[v].res = NULL;
        pthread_mutex_unlock(&pr->mu);
        if (y) gift_join(c, y);
        pthread_mutex_lock(&pr->mu);
    }
    pthread_mutex_unlock(&pr->mu);
}

/* One search (cli_pool): y, the search of a gift unit c gave, merged
 * (its nodes' results taken by dpor_merge): what it found joins c's
 * explorer (part_join: findings, outcomes, counts), as if c had explored
 * it; c's own state (complete, bound, stopped: its rounds set them)
 * stays. */
static void gift_join(unit_ctx *c, explorer *y)
{
    explorer *x = c->x;
    bool complete = x->complete, stopped = x->stopped;
    int bound = x->bound;
    c->joined += explore_started(y);
    c->jx += (uint64_t)y->executions;
    c->jb += y->blocked;
    c->js += y->steps;
    if (!y->complete || y->stopped) c->cut = true;
    if (y->stopped) c->halted = true;
    part_join(x, y, 0);
    x->complete = complete;
    x->stopped = stopped;
    x->bound = bound;
    x->late_seen |= y->late_seen;
    x->spent += y->spent;
    explore_free(y);
}

/* Run unit u on program wp. */
static void run_unit(parts_run *pr, program *wp, size_t u, engine_stat *es)
{
    explore_opts eo = pr->eo;
    explorer *x;
    checkers *ck;
    unit_ctx c;
    size_t k;
    dpor_gift *gift;
    wf_status st;
    wf_diag d;
    memset(&c, 0, sizeof c);
    c.pr = pr;
    c.u = u;
    c.wp = wp;
    c.es = es;
    pthread_mutex_lock(&pr->mu);
    k = pr->units.p[u].part;
    gift = pr->units.p[u].gift;
    pr->units.p[u].gift = NULL;
    x = gift || !pr->plan ? NULL : pr->ran[k];
    if (x) pr->ran[k] = NULL;
    pthread_mutex_unlock(&pr->mu);
    if (x) { /* planning ran it (part_keep): its results are the part's */
        run_kept(pr, u, k, x, es);
        return;
    }
    if (!pr->plan) { /* a gift of the one search: from the program's start */
        trace_ev(pr, es, 'S', u, pr->units.p[u].giver);
        eo.prefix = NULL;
        eo.iterative = false;
        eo.minimize = false; /* the root's, once the gifts are joined */
        eo.timing = false;
        eo.should_stop = unit_stop;
        eo.stop_ctx = &c;
        x = explore_new(wp, &eo);
        c.x = x;
        x->dp = dpor_new();
        dpor_take_gift(x->dp, gift);
        dpor_set_prefix(x->dp, NULL, 0); /* the choices to the gift's node */
        dpor_set_join(x->dp, unit_join, &c);
        if (pr->chain) dpor_set_chain(x->dp, unit_chain, unit_rejoin);
        ck = cli_new_checkers(pr->o);
        memset(&d, 0, sizeof d);
        st = explore_run(x, checkers_consumers(ck), &d);
        unit_join_rest(&c);
        if (c.cut) x->complete = false;
        if (c.halted) x->stopped = true;
        checkers_finish(ck, x);
        checkers_free(ck);
        es->executions -= c.jx; /* (unit_done counts the gifts' too) */
        es->blocked -= c.jb;
        es->steps -= c.js;
        trace_ev(pr, es, 'E', u, SIZE_MAX);
        unit_done(pr, u, k, x, es, st, &d);
        return;
    }
    eo.prefix = pr->plan->parts.p[k].prefix;
    if (!gift) c.stop_at = pr->plan->parts.p[k].stop_at;
    if (pr->budget > 0) {
        pthread_mutex_lock(&pr->mu);
        eo.max_executions = pr->budget - pr->used;
        pthread_mutex_unlock(&pr->mu);
    }
    if (whole_plan(pr->plan)) {
        /* the search ended within the planning budget: the single search,
         * as it runs without -j (rounds, witnesses, the timing search) */
        eo.prefix = NULL;
    } else {
        eo.iterative = false; /* one unbounded round: sleep sets hold */
        eo.minimize = false;  /* the part's, once its units are joined */
    }
    eo.should_stop = unit_stop;
    eo.stop_ctx = &c;
    x = explore_new(wp, &eo);
    if (eo.strategy == WF_STRATEGY_DPOR) {
        x->dp = part_dpor(&pr->plan->parts.p[k]);
        if (gift) { /* a node the part's search gave away */
            dpor_free(x->dp);
            x->dp = dpor_new();
            dpor_prefix_siblings_done(x->dp, true);
            part_give_siblings(&pr->plan->parts.p[k], x->dp);
            dpor_take_gift(x->dp, gift);
        }
        dpor_set_join(x->dp, unit_join, &c);
    } else {
        dpor_gift_free(gift);
    }
    ck = cli_new_checkers(pr->o);
    memset(&d, 0, sizeof d);
    if (pr->budget > 0 && eo.max_executions <= 0) {
        st = WF_OK; /* the budget is spent: the part is not explored */
        x->complete = false;
    } else {
        st = explore_run(x, checkers_consumers(ck), &d);
        if (!gift) part_settle(&pr->plan->parts.p[k], x);
    }
    if (pr->budget > 0 && x->executions > 0) {
        /* (a part that ran no execution is a prefix the single search
         * never takes: its abandoned starts are the cut's, not the
         * search's) */
        pthread_mutex_lock(&pr->mu);
        pr->used += explore_started(x);
        pthread_mutex_unlock(&pr->mu);
    }
    checkers_finish(ck, x);
    checkers_free(ck);
    unit_done(pr, u, k, x, es, st, &d);
}

/* Join unit u, then the units it gave (the deepest, the search's next,
 * first), into x, in the order the part's single search meets them. */
static void join_units(parts_run *pr, size_t u, size_t k, explorer *x)
{
    unit *t = &pr->units.p[u];
    if (t->st != WF_OK && pr->st[k] == WF_OK) {
        pr->st[k] = t->st;
        pr->d[k] = t->d;
    }
    if (t->res) {
        part_join(x, t->res, k);
        explore_free(t->res);
        t->res = NULL;
    }
    for (size_t i = t->gifts.len; i-- > 0;)
        join_units(pr, pr->units.p[u].gifts.p[i], k, x);
}

/* Part k's units are done: join them and simplify the witnesses. */
static void join_part(parts_run *pr, program *wp, size_t k)
{
    explorer *x = explore_new(wp, &pr->eo);
    explore_opts mo = pr->eo;
    checkers *ck;
    size_t root = SIZE_MAX;
    pthread_mutex_lock(&pr->mu); /* the units are done: none grows */
    for (size_t u = 0; u < pr->units.len && root == SIZE_MAX; u++)
        if (pr->units.p[u].part == k && pr->units.p[u].giver == SIZE_MAX)
            root = u;
    pthread_mutex_unlock(&pr->mu);
    part_join_init(x);
    pthread_mutex_lock(&pr->mu); /* other parts' units may grow the vector */
    join_units(pr, root, k, x);
    pthread_mutex_unlock(&pr->mu);
    mo.prefix = pr->plan->parts.p[k].prefix;
    mo.iterative = false;
    mo.minimize = false;
    ck = cli_new_checkers(pr->o);
    if (pr->st[k] == WF_OK && !whole_plan(pr->plan))
        part_minimize(wp, &mo, &pr->plan->parts.p[k], x, checkers_consumers(ck));
    checkers_free(ck);
    pthread_mutex_lock(&pr->mu);
    pr->res[k] = x;
    pthread_mutex_unlock(&pr->mu);
}

static void run_task(parts_run *pr, program *wp, engine_stat *es, size_t t)
{
    if (t > SIZE_MAX - pr->nparts)
        join_part(pr, wp, SIZE_MAX - t);
    else
        run_unit(pr, wp, t, es);
}

/* Free the units of a run and what they hold. */
static void units_free(parts_run *pr)
{
    for (size_t u = 0; u < pr->units.len; u++) {
        if (pr->units.p[u].res) explore_free(pr->units.p[u].res);
        dpor_gift_free(pr->units.p[u].gift);
        dpor_result_free(pr->units.p[u].ret);
        VEC_FREE(pr->units.p[u].gifts);
    }
    VEC_FREE(pr->units);
    VEC_FREE(pr->todo);
}

/* An engine: a program of its own, then tasks until none is left. */
static void *parts_worker(void *arg)
{
    parts_run *pr = arg;
    program wp = *pr->p;
    void *h = NULL;
    engine_stat es = {0, 0, 0, 0, 0, 0, 0};
    bool made = !pr->src || !pr->src->make;
    pthread_mutex_lock(&pr->mu);
    es.id = ++pr->ids;
    for (;;) {
        size_t t;
        while (!pr->todo.len && pr->running)
            engine_wait(pr, &es);
        if (!pr->todo.len)
            break;
        if (!made) {
            /* the program is made again only once there is work: a
             * search that never gives (one long execution, a small
             * search) does not pay for compiling it per engine, nor
             * share its CPU with that */
            bool ok;
            pthread_mutex_unlock(&pr->mu);
            ok = pr->src->make(pr->src->ctx, &wp, &h);
            pthread_mutex_lock(&pr->mu);
            if (!ok) {
                pr->fail = diag_set(&pr->fail_d, pr->p->file, 0, 0,
                                    "the program could not be made again "
                                    "for an engine");
                break;
            }
            made = true;
            continue; /* another engine may have taken the work */
        }
        t = take_task(pr, SIZE_MAX);
        pr->running++;
        pthread_mutex_unlock(&pr->mu);
        run_task(pr, &wp, &es, t);
        pthread_mutex_lock(&pr->mu);
        pr->running--;
        pthread_cond_broadcast(&pr->cv);
    }
    if (pr->stats)
        buf_printf(&pr->stats_out,
                   "weft: engine %d: %llu searches, %llu executions, %llu "
                   "sleep-set-blocked, %.3fs CPU, %llu steps, %llu kept "
                   "from planning, %.3fs idle\n",
                   pr->nengines++, (unsigned long long)es.units,
                   (unsigned long long)es.executions,
                   (unsigned long long)es.blocked, thread_cpu(),
                   (unsigned long long)es.steps, (unsigned long long)es.kept,
                   es.idle);
    pthread_mutex_unlock(&pr->mu);
    /* the results point at nothing of wp: strings are the explorer's */
    if (h && pr->src->release) pr->src->release(h);
    return NULL;
}

/* part_keep of planning: the searches planning runs of the parts it cuts
 * are those parts' searches; run with the checkers, their results are
 * the parts' (run_unit takes them), so no engine runs them again. */
static consumer_set *keep_open(void *ctx, void **h)
{
    checkers *ck = cli_new_checkers(ctx);
    *h = ck;
    return checkers_consumers(ck);
}

static void keep_close(void *ctx, void *h, explorer *x)
{
    (void)ctx;
    checkers_finish(h, x);
    checkers_free(h);
}

/* Plan the search of p under eo, run the parts of this shard (all without
 * --shard) with -j engines, and join them in part order into *out (an
 * explorer that never ran: explore_new). *plan_id, *nparts, *nmine: for
 * the summary line. */
wf_status cli_run_parts(const cli_opts *o, const program *p,
                        const cli_progsrc *src, const explore_opts *eo,
                        explorer **out, uint32_t *plan_id, size_t *nparts,
                        size_t *nmine, buf *shard_plan, buf *shard_parts,
                        wf_diag *d)
{
    part_plan plan;
    parts_run pr;
    int *shard_of;
    size_t *order, norder = 0;
    int nw;
    VEC(pthread_t) th = {NULL, 0, 0};
    wf_status st;
    explorer *x;
    explore_opts base = *eo;
    part_keep keep = {keep_open, keep_close, (void *)o};
    bool keeps;
    base.should_stop = NULL;
    base.stop_ctx = NULL;
    base.after_exec = NULL;
    base.after_ctx = NULL;
    *out = NULL;
    /* the parts planning ran go to the first shard (part_assign): it
     * keeps their results */
    keeps = o->shard_n <= 0 || o->shard_i == 1;
    if ((st = part_plan_make(p, &base, PART_WANT, keeps ? &keep : NULL, &plan,
                             d)) != WF_OK)
        return st;
    memset(&pr, 0, sizeof pr);
    pthread_mutex_init(&pr.mu, NULL);
    pthread_cond_init(&pr.cv, NULL);
    pr.o = o;
    pr.p = p;
    pr.src = src;
    pr.eo = base;
    pr.eo.should_stop = parts_stop;
    pr.eo.stop_ctx = &pr;
    pr.plan = &plan;
    pr.nparts = plan.parts.len;
    pr.start = cli_now();
    pr.limit = o->time_limit;
    pr.fail = WF_OK;
    pr.stats = getenv("WEFT_ENGINE_STATS") != NULL;
    buf_init(&pr.stats_out);
    /* one shard holds every part: the budget is spent in part order, as
     * the single search spends it */
    if (base.max_executions > 0 && o->shard_n <= 1)
        pr.budget = base.max_executions;
    else if (base.max_executions > 0) /* an even share of the budget */
        pr.eo.max_executions =
            (base.max_executions + (int64_t)plan.parts.len - 1) /
            (int64_t)plan.parts.len;
    /* a search within a budget or a bound stays in its part */
    pr.gifts = !whole_plan(&plan) && base.max_executions <= 0 &&
               base.preemptions < 0 &&
               base.strategy == WF_STRATEGY_DPOR;
    pr.every = GIFT_EVERY;
    pr.nodes = 1;
    {
        /* the tests make small searches give work away */
        const char *ge = getenv("WEFT_GIFT_EVERY");
        if (ge && atoi(ge) > 0) pr.every = atoi(ge);
    }
    pr.res = wf_xcalloc(plan.parts.len + 1, sizeof *pr.res);
    pr.ran = wf_xcalloc(plan.parts.len + 1, sizeof *pr.ran);
    for (size_t k = 0; k < plan.parts.len; k++) {
        pr.ran[k] = plan.parts.p[k].ran;
        plan.parts.p[k].ran = NULL;
    }
    pr.st = wf_xcalloc(plan.parts.len + 1, sizeof *pr.st);
    pr.d = wf_xcalloc(plan.parts.len + 1, sizeof *pr.d);
    pr.left = wf_xcalloc(plan.parts.len + 1, sizeof *pr.left);
    order = wf_xcalloc(plan.parts.len + 1, sizeof *order);
    shard_of = wf_xcalloc(plan.parts.len + 1, sizeof *shard_of);
    part_assign(&plan, o->shard_n > 0 ? o->shard_n : 1, shard_of);
    /* longest first, so the engines finish together (with a budget: in
     * order) */
    for (size_t i = 0; i < plan.parts.len; i++)
        if (o->shard_n <= 0 || shard_of[i] == o->shard_i - 1)
            order[norder++] = i;
    for (size_t i = 1; i < norder && pr.budget <= 0; i++)
        for (size_t j = i; j > 0 && plan.parts.p[order[j - 1]].est <
                                        plan.parts.p[order[j]].est;
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    /* tasks are taken from the end: the longest last in */
    for (size_t i = norder; i-- > 0;) {
        unit z;
        memset(&z, 0, sizeof z);
        z.part = order[i];
        z.giver = SIZE_MAX;
        VEC_PUSH(pr.units, z);
        VEC_PUSH(pr.todo, pr.units.len - 1);
        pr.left[order[i]] = 1;
    }
    nw = cli_jobs(o);
    /* A C program (no src->make) has one image of its globals per process
     * (sim/posix/mem.c resets them for each execution): two engines in
     * one process would share them, so its parts run on one engine (its
     * shards, processes of their own, run at once). */
    if (!src || !src->make || pr.budget > 0) nw = 1;
    for (int i = 1; i < nw; i++) {
        pthread_t id;
        if (pthread_create(&id, NULL, parts_worker, &pr) == 0) VEC_PUSH(th, id);
    }
    parts_worker(&pr); /* this thread is an engine too */
    for (size_t i = 0; i < th.len; i++)
        pthread_join(th.p[i], NULL);
    VEC_FREE(th);
    if (pr.stats) {
        fputs(pr.stats_out.p ? pr.stats_out.p : "", stderr);
        fprintf(stderr, "weft: %zu searches over %zu parts\n", pr.units.len,
                norder);
        fprintf(stderr, "weft: planning: %lld started executions, %llu steps\n",
                (long long)plan.plan_started,
                (unsigned long long)plan.plan_steps);
    }
    buf_fini(&pr.stats_out);
    for (size_t i = 0; i < norder; i++)
        if (!pr.res[order[i]] && pr.st[order[i]] == WF_OK) {
            /* no engine could take it */
            pr.st[order[i]] = pr.fail != WF_OK ? pr.fail : WF_ERR_INPUT;
            pr.d[order[i]] = pr.fail_d;
        }
    x = explore_new(p, &base);
    part_join_init(x);
    st = WF_OK;
    buf_puts(shard_parts, "[");
    buf_printf(shard_plan, "%08x %s", plan.id,
               plan.parts.len ? plan.parts.p[0].prefix : "");
    for (size_t k = 0; k < plan.parts.len; k++) {
        if (pr.st[k] != WF_OK && st == WF_OK) {
            st = pr.st[k];
            *d = pr.d[k];
        }
        if (pr.res[k]) {
            if (pr.stats)
                fprintf(stderr,
                        "weft: part %zu: estimate %.0f, %lld executions, "
                        "%llu sleep-set-blocked\n",
                        k, plan.parts.p[k].est,
                        (long long)pr.res[k]->executions,
                        (unsigned long long)pr.res[k]->blocked);
            part_join(x, pr.res[k], k);
            if (o->shard_n > 0) {
                buf_puts(shard_parts, shard_parts->len > 1 ? "," : "");
                shard_part_json(shard_parts, pr.res[k], k);
            }
            explore_free(pr.res[k]);
        }
    }
    buf_puts(shard_parts, "]");
    part_join_finish(x);
    if (plan.stopped) { /* an interrupt or the time limit while planning */
        x->complete = false;
        x->stopped = true;
    }
    *plan_id = plan.id;
    *nparts = plan.parts.len;
    *nmine = norder;
    units_free(&pr);
    free(pr.res);
    for (size_t k = 0; k < plan.parts.len; k++)
        if (pr.ran[k]) explore_free(pr.ran[k]);
    free(pr.ran);
    free(pr.st);
    free(pr.d);
    free(pr.left);
    free(order);
    free(shard_of);
    pthread_cond_destroy(&pr.cv);
    pthread_mutex_destroy(&pr.mu);
    cli_plan_done(&plan);
    *out = x;
    return st;
}


/* ---- -j N: the one search, giving work to the other engines ----------- */

struct cli_pool {
    parts_run pr;
    unit_ctx root; /* the command's search (unit 0) */
    engine_stat es;
    /* the command's should_stop (the progress line) */
    bool (*stop)(void *ctx, const explorer *x);
    void *stop_ctx;
    VEC(pthread_t) th;
    uint64_t first; /* the search's executions before its first gift */
};

/* cli_int.h */
bool cli_gives(const cli_opts *o, const explore_opts *eo)
{
    return (o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES) &&
           o->shard_n <= 0 && !o->record_all && o->compare_run <= 0 &&
           eo->strategy == WF_STRATEGY_DPOR && eo->max_executions <= 0 &&
           eo->preemptions < 0;
}

/* should_stop of the command's search: give work away, then the
 * command's own (the progress line). */
static bool root_stop(void *ctx, const explorer *x)
{
    cli_pool *pl = ctx;
    if (unit_give(&pl->root, x) && !pl->first)
        pl->first = (uint64_t)x->executions;
    return pl->stop && pl->stop(pl->stop_ctx, x);
}

/* cli_int.h */
cli_pool *cli_pool_new(const cli_opts *o, const program *p,
                       const cli_progsrc *src, explore_opts *eo)
{
    cli_pool *pl = wf_xcalloc(1, sizeof *pl);
    parts_run *pr = &pl->pr;
    unit z;
    int nw;
    const char *ge = getenv("WEFT_GIFT_EVERY"); /* small searches give */
    const char *gb = getenv("WEFT_GIFT_BIG");
    pthread_mutex_init(&pr->mu, NULL);
    pthread_cond_init(&pr->cv, NULL);
    pr->o = o;
    pr->p = p;
    pr->src = src;
    pr->eo = *eo; /* the gifts': no recording, no progress */
    pr->eo.after_exec = NULL;
    pr->eo.after_ctx = NULL;
    pr->eo.on_step = NULL;
    pr->gifts = true;
    { /* WEFT_GIFT_CHAIN=0: a giver waits at its gifts' nodes (before) */
        const char *gc = getenv("WEFT_GIFT_CHAIN");
        pr->chain = !gc || strcmp(gc, "0") != 0;
    }
    pr->every = ge && atoi(ge) > 0 ? atoi(ge) : POOL_GIFT_EVERY;
    /* a gift estimated at a period's executions is given at once
     * (WEFT_GIFT_BIG=N: at N; 0: only every period) */
    pr->big = (double)pr->every;
    if (gb && *gb) pr->big = atof(gb);
    pr->nodes = 1;
    pr->left = wf_xcalloc(1, sizeof *pr->left);
    pr->fail = WF_OK;
    pr->stats = getenv("WEFT_ENGINE_STATS") != NULL;
    pr->trace = getenv("WEFT_ENGINE_TRACE") != NULL;
    buf_init(&pr->stats_out);
    memset(&z, 0, sizeof z);
    z.giver = SIZE_MAX;
    VEC_PUSH(pr->units, z);
    pr->running = 1; /* the command's search, until cli_pool_finish */
    pr->nengines = 1; /* engine 0: the command's thread */
    pl->root.pr = pr;
    pl->root.u = 0;
    pl->root.wp = (program *)p;
    pl->root.es = &pl->es;
    pl->stop = eo->should_stop;
    pl->stop_ctx = eo->stop_ctx;
    trace_ev(pr, &pl->es, 'S', 0, SIZE_MAX);
    eo->should_stop = root_stop;
    eo->stop_ctx = pl;
    nw = cli_jobs(o);
    /* a C program: one engine (cli_run_parts says why) */
    if (!src || !src->make) nw = 1;
    for (int i = 1; i < nw; i++) {
        pthread_t id;
        if (pthread_create(&id, NULL, parts_worker, pr) == 0)
            VEC_PUSH(pl->th, id);
    }
    return pl;
}

/* cli_int.h */
void cli_pool_attach(cli_pool *pl, explorer *x)
{
    pl->root.x = x;
    x->dp = dpor_new();
    dpor_set_join(x->dp, unit_join, &pl->root);
    if (pl->pr.chain) dpor_set_chain(x->dp, unit_chain, unit_rejoin);
}

/* cli_int.h */
bool cli_pool_finish(cli_pool *pl, explorer *x)
{
    parts_run *pr = &pl->pr;
    bool gave = pr->units.len > 1;
    if (!pl->root.x) pl->root.x = x;
    unit_join_rest(&pl->root);
    trace_ev(pr, &pl->es, 'E', 0, SIZE_MAX);
    if (pl->root.cut) x->complete = false;
    if (pl->root.halted) x->stopped = true;
    pthread_mutex_lock(&pr->mu);
    pr->running--;
    pthread_cond_broadcast(&pr->cv);
    pthread_mutex_unlock(&pr->mu);
    for (size_t i = 0; i < pl->th.len; i++)
        pthread_join(pl->th.p[i], NULL);
    VEC_FREE(pl->th);
    if (pr->stats) {
        fprintf(stderr,
                "weft: engine 0: %llu searches, %llu executions, %llu "
                "sleep-set-blocked, %.3fs CPU, %llu steps (the search: "
                "%llu executions, %llu before its first gift), %.3fs idle\n",
                (unsigned long long)pl->es.units + 1,
                (unsigned long long)(x->executions - (int64_t)pl->root.jx) +
                    pl->es.executions,
                (unsigned long long)(x->blocked - pl->root.jb) +
                    pl->es.blocked,
                thread_cpu(),
                (unsigned long long)(x->steps - pl->root.js) + pl->es.steps,
                (unsigned long long)(x->executions - (int64_t)pl->root.jx),
                (unsigned long long)pl->first, pl->es.idle);
        fputs(pr->stats_out.p ? pr->stats_out.p : "", stderr);
        fprintf(stderr, "weft: %zu searches\n", pr->units.len);
    }
    buf_fini(&pr->stats_out);
    units_free(pr);
    free(pr->left);
    pthread_cond_destroy(&pr->cv);
    pthread_mutex_destroy(&pr->mu);
    free(pl);
    return gave;
}

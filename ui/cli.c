/* cli.c: see cli.h: running a command and printing its result (the
 * options, their parsing and --help are cli_opts.c's). */
#include "cli.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checker/checkers.h"
#include "halt.h"
#include "record.h"
#include "shard.h"
#include "sim/partition.h"

int cli_jobs(const cli_opts *o)
{
    long n;
    if (o->jobs > 0) return (int)o->jobs;
    n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? (int)(n < 1024 ? n : 1024) : 1;
}

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- running ----------------------------------------------------------- */

typedef struct stop_ctx {
    double start, last_progress;
    bool tty, quiet;
} stop_ctx;

const char *cli_bytes(uint64_t n, char out[32])
{
    static const char *const unit[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    int u = 0;
    while (u < 4 && n >= 1024 && n % 1024 == 0) {
        n /= 1024;
        u++;
    }
    snprintf(out, 32, "%llu%s", (unsigned long long)n, unit[u]);
    return out;
}

uint64_t cli_default_memory(void)
{
    long pages = sysconf(_SC_PHYS_PAGES), size = sysconf(_SC_PAGESIZE);
    uint64_t cap = 4ULL << 30, ram;
    if (pages <= 0 || size <= 0) return cap;
    ram = (uint64_t)pages * (uint64_t)size;
    return ram / 4 < cap ? ram / 4 : cap;
}

/* Between executions (and now and then within one): the progress line.
 * Stopping is the halt word's business (halt.h): an interrupt or the time
 * limit ends the current execution at its next step. */
static bool should_stop(void *ctx, const explorer *x)
{
    stop_ctx *s = ctx;
    double now, left;
    if (!s->tty) return false;
    now = cli_now();
    if (!s->quiet && now - s->last_progress > 0.25) {
        s->last_progress = now;
        fprintf(stderr, "\r\033[Kweft: %lld executions, %zu findings",
                (long long)x->executions, x->findings.len);
        if (x->dp && x->round >= 0)
            fprintf(stderr, ", preemption bound %d", x->round);
        left = explore_estimate_left(x);
        if (left >= 0) fprintf(stderr, ", ~%.3g left", left);
        fprintf(stderr, ", %.1fs", now - s->start);
        fflush(stderr);
    }
    return false;
}

/* Why the search stopped early: "interrupted" (a signal), "error" (the
 * recording failed), "time-limit" (the only other stop), or NULL. */
static const char *stop_reason(const explorer *x, const record *rec)
{
    if (halt_signal()) return "interrupted";
    if (record_failed(rec)) return "error";
    return x->stopped ? "time-limit" : NULL;
}

/* stop_reason in words; the default time limit says it is one. */
static const char *stop_words(const cli_opts *o, const char *why)
{
    if (!strcmp(why, "time-limit") && o->time_limit_default)
        return "cut by the time limit (default 60 s; --time-limit 0 for "
               "none)";
    return !strcmp(why, "interrupted")  ? "interrupted"
           : !strcmp(why, "time-limit") ? "stopped by the time limit"
                                        : "stopped: the recording failed";
}

static void print_summary(const cli_opts *o, const explorer *x,
                          const record *rec, double secs)
{
    size_t nerr = 0, nwarn = 0;
    const char *why = stop_reason(x, rec);
    char mb[32];
    for (size_t i = 0; i < x->findings.len; i++) {
        if (x->findings.p[i].f.error)
            nerr++;
        else
            nwarn++;
    }
    if (o->cmd == CMD_RUN || o->cmd == CMD_REPLAY) {
        if (x->last_end == END_MAX_STEPS)
            printf("cut at --max-steps %llu\n",
                   (unsigned long long)(o->max_steps ? o->max_steps
                                                     : 1000000));
        else if (x->last_end == END_MEMORY)
            printf("cut by the memory budget (--max-memory %s)\n",
                   cli_bytes(x->o.max_memory, mb));
        else if (why)
            printf("%s at step %llu\n", stop_words(o, why),
                   (unsigned long long)x->steps);
        if (!o->quiet) {
            buf b;
            buf_init(&b);
            report_schedule_text(&b, x->last_schedule);
            printf("schedule: %.*s\n", (int)b.len, b.p ? b.p : "");
            buf_fini(&b);
        }
        return;
    }
    printf("%lld execution%s", (long long)x->executions,
           x->executions == 1 ? "" : "s");
    if (x->cut)
        printf(" (%llu cut at --max-steps %llu)", (unsigned long long)x->cut,
               (unsigned long long)(o->max_steps ? o->max_steps : 1000000));
    if (x->cut_memory)
        printf(" (%llu cut by the memory budget, --max-memory %s)",
               (unsigned long long)x->cut_memory,
               cli_bytes(x->o.max_memory, mb));
    printf(", %llu step%s, %.2fs: ", (unsigned long long)x->steps,
           x->steps == 1 ? "" : "s", secs);
    if (x->complete && (x->cut || x->cut_memory)) /* a cut hides the rest */
        printf("complete up to %s",
               !x->cut_memory ? "--max-steps"
               : !x->cut      ? "--max-memory"
                              : "--max-steps and --max-memory");
    else if (x->incomplete) /* every interleaving, not every value */
        printf("every interleaving explored, but %s", x->incomplete);
    else if (x->complete)
        printf("complete");
    else if (why && x->bound >= 0)
        printf("%s, preemption bound %d fully explored", stop_words(o, why),
               x->bound);
    else if (why)
        printf("%s", stop_words(o, why));
    else if (x->bound >= 0)
        printf("preemption bound %d fully explored", x->bound);
    else
        printf("cut by the execution budget");
    if (!x->complete && x->bound < 0) { /* what the cut search covered */
        buf cov;
        buf_init(&cov);
        explore_coverage(x, &cov);
        if (cov.len)
            printf(" (%.*s)", (int)cov.len, cov.p);
        buf_fini(&cov);
    }
    printf("; %zu error%s, %zu warning%s\n", nerr, nerr == 1 ? "" : "s", nwarn,
           nwarn == 1 ? "" : "s");
    if (x->cut_timers)
        printf("hint: %llu execution%s reached --max-steps with timers "
               "pending: virtual time moves only when every goroutine is "
               "blocked, and some kept running (a busy loop waiting for a "
               "sleeper?); --time loose makes sleeps mere scheduling "
               "points\n",
               (unsigned long long)x->cut_timers,
               x->cut_timers == 1 ? "" : "s");
}

/* cli_exit_soon: the explorers left to the process's exit (the last
 * command's, and a planning search a halt stopped), and whether to
 * leave them (main's thread only: set before the command runs). */
static bool exit_soon;
static explorer *left_to_exit, *plan_left_to_exit;

void cli_exit_soon(void)
{
    exit_soon = true;
}

/* Free x, or leave it to the exit (cli_exit_soon) in place of the one
 * left before. */
static void explorer_done(explorer *x)
{
    if (!exit_soon) {
        explore_free(x);
        return;
    }
    explore_free(left_to_exit);
    left_to_exit = x;
}

/* The planning search a halt stopped (part_plan.halted): freeing its
 * tree (one long execution's) is left to the exit as explorer_done's. */
static void plan_done(part_plan *pl)
{
    if (exit_soon) {
        explore_free(plan_left_to_exit);
        plan_left_to_exit = pl->halted;
        pl->halted = NULL;
    }
    part_plan_fini(pl);
}

/* Reopen the JSON object that ends out ("...}\n") to add members; the
 * caller closes it with "}\n". */
static void json_member_open(buf *out)
{
    size_t n = out->len;
    while (n && out->p[n - 1] != '}')
        n--;
    if (n) {
        out->len = n - 1;
        out->p[out->len] = '\0';
    }
}

/* The members --json adds to report_json's object, before its closing
 * brace: why the search stopped early, the executions each budget cut
 * ("cuts"; report_json's "cut" counts the --max-steps ones), metrics. */
static void json_tail(buf *out, const cli_opts *o, const explorer *x,
                      const record *rec)
{
    const char *why = stop_reason(x, rec);
    json_member_open(out);
    buf_puts(out, ", \"stopped\": ");
    if (why)
        buf_printf(out, "\"%s\"", why);
    else
        buf_puts(out, "null");
    buf_printf(out, ", \"cuts\": {\"max_steps\": %llu, \"max_memory\": %llu}",
               (unsigned long long)x->cut, (unsigned long long)x->cut_memory);
    if (o->metrics) {
        buf_puts(out, ", \"metrics\": ");
        report_metrics_json(out, x->e);
    }
    buf_puts(out, "}\n");
}

/* The checkers of command o (every one, with its liveness options). */
static checkers *new_checkers(const cli_opts *o)
{
    checkers_opts co = checkers_opts_default();
    co.livelock_window = (uint64_t)o->livelock_window;
    co.starvation_bypass = (uint64_t)o->starvation_bypass;
    return checkers_new(&co);
}

/* The explorer options of command o->cmd. */
void cli_explore_options(const cli_opts *o, explore_opts *eo_)
{
    explore_opts eo;
    memset(&eo, 0, sizeof eo);
    eo.seed = o->seed;
    eo.no_steer = o->cmd == CMD_RUN || o->cmd == CMD_REPLAY;
    eo.max_executions = o->max_executions;
    eo.max_steps = o->max_steps;
    eo.max_memory = o->max_memory ? o->max_memory : cli_default_memory();
    eo.preemptions = (int)o->preemptions;
    eo.pct_depth = (int)o->pct_depth;
    eo.cond_any = o->cond_any;
    eo.spurious = o->spurious;
    eo.mutex_fifo = o->mutex_fifo;
    eo.time_loose = o->time_loose;
    switch (o->cmd) {
    case CMD_RUN:
        eo.strategy = o->schedule       ? WF_STRATEGY_REPLAY
                      : o->strategy_set ? o->strategy
                                        : WF_STRATEGY_RANDOM;
        eo.max_executions = 1;
        break;
    case CMD_REPLAY:
        eo.strategy = WF_STRATEGY_REPLAY;
        break;
    default:
        eo.strategy = o->strategy_set ? o->strategy : WF_STRATEGY_DPOR;
        /* explore: shallow bugs first (iterative preemption bounding);
         * outcomes: one exhaustive round, so counts are per execution */
        eo.iterative = o->cmd == CMD_EXPLORE;
        eo.minimize = true;
        if (!eo.max_executions && (eo.strategy == WF_STRATEGY_RANDOM ||
                                   eo.strategy == WF_STRATEGY_PCT))
            eo.max_executions = 1000;
        break;
    }
    eo.schedule = o->schedule;
    *eo_ = eo;
}

wf_status cli_record_run(const cli_opts *o, const program *p, const char *sched,
                         const char *db, int64_t *run_id, wf_diag *d)
{
    cli_opts lo = *o;
    explore_opts eo;
    explorer *x;
    checkers *ck;
    record *rec = NULL;
    consumer_set cs = {NULL, 0};
    wf_consumer all[16];
    consumer_set both = {all, 0};
    wf_status st;
    atomic_int *word;
    lo.cmd = CMD_RUN;
    lo.cmd_name = "run";
    lo.schedule = sched;
    lo.db = db;
    lo.compare_run = 0;
    lo.time_limit = 0;
    cli_explore_options(&lo, &eo);
    *run_id = 0;
    if ((st = record_start(&lo, p, &eo, &cs, &rec, d)) != WF_OK) return st;
    word = halt_word_new();
    eo.halt = word;
    x = explore_new(p, &eo);
    record_attach(rec, x);
    ck = new_checkers(&lo);
    {
        consumer_set *kc = checkers_consumers(ck);
        for (int i = 0; i < kc->n && both.n < 16; i++)
            all[both.n++] = kc->v[i];
        for (int i = 0; i < cs.n && both.n < 16; i++)
            all[both.n++] = cs.v[i];
    }
    st = explore_run(x, &both, d);
    checkers_finish(ck, x);
    checkers_free(ck);
    if (st == WF_OK)
        st = record_finish(rec, x, explore_status(x, lo.strict), d);
    if (st == WF_OK) *run_id = record_last_run(rec);
    explore_free(x);
    record_free(rec);
    halt_word_free(word);
    return st;
}

wf_status cli_explore(const cli_opts *o, const program *p, uint32_t fails,
                      explorer **out, wf_diag *d)
{
    explore_opts eo;
    explorer *x;
    checkers *ck;
    wf_status st;
    stop_ctx sc;
    atomic_int *word = halt_word_new();
    halt_timer *limit;
    cli_explore_options(o, &eo);
    eo.fail_kinds = fails;
    /* weft test's files (not their outcome lists): then the races with
     * long sleeps ending early (explore_timing); not weft explore, whose
     * -j parts could not run it after their merge */
    eo.timing = o->cmd == CMD_EXPLORE;
    memset(&sc, 0, sizeof sc);
    sc.start = cli_now();
    sc.last_progress = sc.start;
    sc.quiet = true;
    eo.should_stop = should_stop;
    eo.stop_ctx = &sc;
    eo.halt = word;
    *out = NULL;
    halt_cooperate(true);
    limit = halt_timer_start(word, o->time_limit);
    x = explore_new(p, &eo);
    ck = new_checkers(o);
    st = explore_run(x, checkers_consumers(ck), d);
    halt_reached();
    checkers_finish(ck, x);
    halt_timer_stop(limit);
    halt_cooperate(false);
    halt_word_free(word);
    checkers_free(ck);
    if (st != WF_OK) {
        explore_free(x);
        return st;
    }
    *out = x;
    return WF_OK;
}

/* ---- -j N and --shard I/N: the search in parts ------------------------ */

/* Is o's search cut into parts (ui/partition.h)? Only when -j or --shard
 * asks, so a plain explore stays the one search. */
static bool partitioned(const cli_opts *o, const explore_opts *eo)
{
    return (o->jobs > 0 || o->shard_n > 0) &&
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
    const part_plan *plan;
    VEC(unit) units;
    VEC(size_t) todo; /* tasks, taken from the end */
    size_t running;   /* tasks being run */
    size_t *left;     /* by part: its units not done */
    bool gifts;       /* units give work away */
    /* --max-executions, unsharded: the parts run in order on one engine,
     * each with what the parts before it left of the budget, as the
     * single search spends it (an even share would leave a part holding
     * most of the tree a sliver); used: executions started so far */
    int64_t budget, used;
    int64_t every;    /* ... every so many executions (GIFT_EVERY) */
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
} engine_stat;

typedef struct unit_ctx {
    parts_run *pr;
    size_t u;
    int64_t seen, last;
    program *wp;     /* the engine's program */
    engine_stat *es; /* ... and its count */
    int64_t stop_at; /* the part's (part.stop_at) */
} unit_ctx;

static void run_task(parts_run *pr, program *wp, engine_stat *es, size_t t);

/* dpor_set_join of a unit's search: before it backtracks into node i,
 * the results of the units given there, in the order given; while one
 * runs elsewhere, this engine runs other tasks (never idle while work
 * is queued). */
static void unit_join(void *ctx, dpor *d, size_t i)
{
    unit_ctx *c = ctx;
    parts_run *pr = c->pr;
    pthread_mutex_lock(&pr->mu);
    for (size_t g = 0; g < pr->units.p[c->u].gifts.len; g++) {
        size_t v = pr->units.p[c->u].gifts.p[g];
        dpor_result *r;
        if (pr->units.p[v].at != i || pr->units.p[v].merged) continue;
        while (!pr->units.p[v].done) {
            if (pr->todo.len) {
                size_t t = pr->todo.p[--pr->todo.len];
                pthread_mutex_unlock(&pr->mu);
                run_task(pr, c->wp, c->es, t);
                pthread_mutex_lock(&pr->mu);
                pthread_cond_broadcast(&pr->cv);
            } else {
                pthread_cond_wait(&pr->cv, &pr->mu);
            }
        }
        r = pr->units.p[v].ret;
        pr->units.p[v].ret = NULL;
        pr->units.p[v].merged = true;
        pthread_mutex_unlock(&pr->mu);
        dpor_merge(d, i, r);
        pthread_mutex_lock(&pr->mu);
    }
    pthread_mutex_unlock(&pr->mu);
}

static bool unit_stop(void *ctx, const explorer *x)
{
    unit_ctx *c = ctx;
    parts_run *pr = c->pr;
    int64_t n = x->executions + (int64_t)(x->blocked + x->deferred);
    if (c->stop_at > 0 && n >= c->stop_at)
        return true; /* the part ends here: the later parts have the rest */
    if (n > c->seen && pr->gifts && !c->stop_at && x->dp && !x->restart &&
        n - c->last >= pr->every) {
        dpor_gift **g = NULL;
        size_t ng = dpor_donate(x->dp, &g);
        c->last = n;
        if (ng) {
            pthread_mutex_lock(&pr->mu);
            for (size_t i = 0; i < ng; i++) {
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
                pr->left[z.part]++;
            }
            pthread_cond_broadcast(&pr->cv);
            pthread_mutex_unlock(&pr->mu);
        }
        free(g);
    }
    if (n > c->seen) c->seen = n;
    return parts_stop(pr, x);
}

/* The CPU time of the calling thread, in seconds. */
static double thread_cpu(void)
{
    struct timespec t;
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t) != 0) return 0;
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
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
    pthread_cond_broadcast(&pr->cv);
    if (--pr->left[k] == 0) VEC_PUSH(pr->todo, JOIN_TASK(k));
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

/* Run unit u on program wp. */
static void run_unit(parts_run *pr, program *wp, size_t u, engine_stat *es)
{
    explore_opts eo = pr->eo;
    explorer *x;
    checkers *ck;
    unit_ctx c = {pr, u, 0, 0, wp, es, 0};
    size_t k;
    dpor_gift *gift;
    wf_status st;
    wf_diag d;
    pthread_mutex_lock(&pr->mu);
    k = pr->units.p[u].part;
    gift = pr->units.p[u].gift;
    pr->units.p[u].gift = NULL;
    x = gift ? NULL : pr->ran[k];
    if (x) pr->ran[k] = NULL;
    pthread_mutex_unlock(&pr->mu);
    if (x) { /* planning ran it (part_keep): its results are the part's */
        run_kept(pr, u, k, x, es);
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
    ck = new_checkers(pr->o);
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
    ck = new_checkers(pr->o);
    if (pr->st[k] == WF_OK && !whole_plan(pr->plan))
        part_minimize(wp, &mo, &pr->plan->parts.p[k], x, checkers_consumers(ck));
    checkers_free(ck);
    pthread_mutex_lock(&pr->mu);
    pr->res[k] = x;
    pthread_mutex_unlock(&pr->mu);
}

static void run_task(parts_run *pr, program *wp, engine_stat *es, size_t t)
{
    if (t > SIZE_MAX - pr->plan->parts.len)
        join_part(pr, wp, SIZE_MAX - t);
    else
        run_unit(pr, wp, t, es);
}

/* An engine: a program of its own, then tasks until none is left. */
static void *parts_worker(void *arg)
{
    parts_run *pr = arg;
    program wp = *pr->p;
    void *h = NULL;
    engine_stat es = {0, 0, 0, 0, 0};
    if (pr->src && pr->src->make && !pr->src->make(pr->src->ctx, &wp, &h)) {
        pthread_mutex_lock(&pr->mu);
        pr->fail = diag_set(&pr->fail_d, pr->p->file, 0, 0,
                            "the program could not be made again for an "
                            "engine");
        pthread_mutex_unlock(&pr->mu);
        return NULL;
    }
    pthread_mutex_lock(&pr->mu);
    for (;;) {
        size_t t;
        while (!pr->todo.len && pr->running)
            pthread_cond_wait(&pr->cv, &pr->mu);
        if (!pr->todo.len)
            break;
        t = pr->todo.p[--pr->todo.len];
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
                   "from planning\n",
                   pr->nengines++, (unsigned long long)es.units,
                   (unsigned long long)es.executions,
                   (unsigned long long)es.blocked, thread_cpu(),
                   (unsigned long long)es.steps, (unsigned long long)es.kept);
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
    checkers *ck = new_checkers(ctx);
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
static wf_status run_parts(const cli_opts *o, const program *p,
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
    pr.start = cli_now();
    pr.limit = o->time_limit;
    pr.fail = WF_OK;
    pr.stats = getenv("WEFT_ENGINE_STATS") != NULL;
    buf_init(&pr.stats_out);
    if (base.max_executions > 0 && o->shard_n <= 0)
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
    for (size_t u = 0; u < pr.units.len; u++) {
        if (pr.units.p[u].res) explore_free(pr.units.p[u].res);
        dpor_gift_free(pr.units.p[u].gift);
        dpor_result_free(pr.units.p[u].ret);
        VEC_FREE(pr.units.p[u].gifts);
    }
    VEC_FREE(pr.units);
    VEC_FREE(pr.todo);
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
    plan_done(&plan);
    *out = x;
    return st;
}

/* cli_execute, with the JSON object appended to *json (when not NULL)
 * rather than printed. */
static int execute(const cli_opts *o, const program *p, const cli_progsrc *src,
                   const char *replay_prefix, buf *json)
{
    uint32_t plan_id = 0;
    size_t nparts = 0, nmine = 0;
    buf shard_plan, shard_parts;
    buf_init(&shard_plan);
    buf_init(&shard_parts);
    explore_opts eo;
    explorer *x;
    checkers *ck;
    stop_ctx sc;
    wf_diag d;
    wf_status st;
    report_info ri;
    buf out;
    double t0 = cli_now();
    int status;
    atomic_int *word = halt_word_new();
    halt_timer *limit;
    record *rec = NULL;
    consumer_set cs = {NULL, 0};
    wf_status rst = WF_OK;
    wf_diag rd;

    cli_explore_options(o, &eo);
    memset(&sc, 0, sizeof sc);
    sc.start = t0;
    sc.last_progress = t0;
    sc.quiet = o->quiet || o->json;
    sc.tty = isatty(2) && o->cmd != CMD_RUN && o->cmd != CMD_REPLAY;
    eo.should_stop = should_stop;
    eo.stop_ctx = &sc;
    eo.halt = word;
    /* from here a signal stops the command cleanly: what was found is
     * printed and recorded (halt.h) */
    halt_cooperate(true);
    /* the limit counts from weft's launch: compiling is in it */
    limit = halt_timer_start(
        word, o->time_limit > 0
                  ? fmax(o->time_limit - halt_since_launch(), 0.001)
                  : 0);
    if (record_start(o, p, &eo, &cs, &rec, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        halt_timer_stop(limit);
        halt_cooperate(false);
        halt_word_free(word);
        return halt_status(2);
    }

    if (partitioned(o, &eo)) {
        st = run_parts(o, p, src, &eo, &x, &plan_id, &nparts, &nmine,
                       &shard_plan, &shard_parts, &d);
        if (!x) x = explore_new(p, &eo);
        record_attach(rec, x);
    } else {
        x = explore_new(p, &eo);
        record_attach(rec, x);
        ck = new_checkers(o);
        {
            /* the checkers first: they complete findings before the recorder
             * writes them at the end of each execution */
            consumer_set *kc = checkers_consumers(ck);
            wf_consumer all[16];
            consumer_set both = {all, 0};
            for (int i = 0; i < kc->n && both.n < 16; i++)
                all[both.n++] = kc->v[i];
            for (int i = 0; i < cs.n && both.n < 16; i++)
                all[both.n++] = cs.v[i];
            st = explore_run(x, &both, &d);
        }
        checkers_finish(ck, x);
        checkers_free(ck);
    }
    if (st == WF_OK)
        rst = record_finish(rec, x, halt_status(explore_status(x, o->strict)),
                            &rd);
    if (st == WF_OK && rst == WF_OK && o->shard_n > 0)
        rst = record_shard(rec, o->shard_i, o->shard_n, shard_plan.p,
                           shard_parts.p, &rd);
    buf_fini(&shard_plan);
    buf_fini(&shard_parts);
    halt_timer_stop(limit);
    if (sc.tty && !sc.quiet) fputs("\r\033[K", stderr);
    if (st != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        explore_free(x);
        record_free(rec);
        halt_cooperate(false);
        halt_word_free(word);
        return halt_status(2);
    }
    memset(&ri, 0, sizeof ri);
    ri.file = p->file;
    ri.command = o->cmd_name;
    ri.strategy = report_strategy_name(eo.strategy);
    ri.replay = replay_prefix;
    /* one execution: its schedule is printed once, after the findings */
    ri.one_execution = o->cmd == CMD_RUN || o->cmd == CMD_REPLAY;
    ri.seconds = cli_now() - t0;
    buf_init(&out);
    if (o->json) {
        report_json(&out, x, &ri);
        json_tail(&out, o, x, rec);
        record_json(rec, &out);
    } else {
        if ((o->cmd == CMD_RUN || o->cmd == CMD_REPLAY) && !o->quiet &&
            x->last_output)
            buf_puts(&out, x->last_output);
        report_text(&out, x, &ri);
        if (o->cmd == CMD_OUTCOMES) report_outcomes_text(&out, x, &ri);
    }
    if (o->metrics && !o->json) report_metrics_text(&out, x->e);
    if (json && o->json) {
        while (out.len && out.p[out.len - 1] == '\n')
            out.p[--out.len] = '\0';
        buf_puts(json, out.p ? out.p : "");
    } else {
        fputs(out.p ? out.p : "", stdout);
    }
    if (!o->json) print_summary(o, x, rec, ri.seconds);
    if (!o->json && nparts)
        printf("%zu of %zu parts (plan %08x)%s\n", nmine, nparts, plan_id,
               o->shard_n ? "" : ", all in this run");
    if (!o->json && !o->quiet) {
        buf_reset(&out);
        record_text(rec, &out);
        fputs(out.p ? out.p : "", stdout);
    }
    fflush(stdout);
    buf_fini(&out);
    status = explore_status(x, o->strict);
    if (rst != WF_OK) {
        char m[1700];
        diag_format(&rd, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        status = 2;
    }
    if (x->diverged) {
        fprintf(stderr, "weft: error: %s\n", x->diverged);
        if (eo.strategy == WF_STRATEGY_REPLAY && x->replay.hash != p->hash)
            fprintf(stderr,
                    "weft: note: the schedule was recorded for another "
                    "program, or another version of this one (hash %08x, "
                    "this one is %08x)\n",
                    x->replay.hash, p->hash);
        status = 2;
    } else if (eo.strategy == WF_STRATEGY_REPLAY && x->replay.hash != p->hash) {
        fprintf(stderr,
                "weft: warning: the schedule was recorded for another "
                "version of the program (hash %08x, this one is %08x); "
                "the replay followed every choice\n",
                x->replay.hash, p->hash);
    }
    record_free(rec);
    explorer_done(x);
    halt_cooperate(false);
    halt_word_free(word);
    return halt_status(status);
}

int cli_execute(const cli_opts *o, const program *p, const char *replay_prefix)
{
    return execute(o, p, NULL, replay_prefix, NULL);
}

int cli_execute_src(const cli_opts *o, const program *p, const cli_progsrc *src,
                    const char *replay_prefix)
{
    return execute(o, p, src, replay_prefix, NULL);
}

int cli_execute_json(const cli_opts *o, const program *p,
                     const cli_progsrc *src, const char *replay_prefix,
                     buf *json)
{
    return execute(o, p, src, replay_prefix, json);
}

int cli_record_and_print(const cli_opts *o, const program *p, explorer *x,
                         wf_diag *d)
{
    explore_opts eo;
    record *rec = NULL;
    consumer_set cs = {NULL, 0};
    report_info ri;
    buf out, prefix;
    wf_status rst;
    int status;
    cli_explore_options(o, &eo);
    d->msg[0] = '\0';
    if (record_start(o, p, &eo, &cs, &rec, d) != WF_OK) return 2;
    record_attach(rec, x);
    rst = record_finish(rec, x, explore_status(x, o->strict), d);
    buf_init(&prefix);
    if (o->c_program) /* a C program replays itself */
        buf_printf(&prefix, "%s replay --schedule", p->file);
    else
        buf_printf(&prefix, "weft replay %s --schedule", p->file);
    memset(&ri, 0, sizeof ri);
    ri.file = p->file;
    ri.command = o->cmd_name;
    ri.strategy = report_strategy_name(eo.strategy);
    ri.replay = prefix.p;
    buf_init(&out);
    if (o->json) {
        report_json(&out, x, &ri);
        json_tail(&out, o, x, rec);
        record_json(rec, &out);
    } else {
        report_text(&out, x, &ri);
        if (o->cmd == CMD_OUTCOMES) report_outcomes_text(&out, x, &ri);
    }
    fputs(out.p ? out.p : "", stdout);
    if (!o->json) print_summary(o, x, rec, 0);
    if (!o->json && !o->quiet) {
        buf_reset(&out);
        record_text(rec, &out);
        fputs(out.p ? out.p : "", stdout);
    }
    fflush(stdout);
    buf_fini(&out);
    buf_fini(&prefix);
    record_free(rec);
    status = explore_status(x, o->strict);
    return rst == WF_OK ? status : 2;
}

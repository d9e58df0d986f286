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
#include "cli_int.h"
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
    if (!x->complete && !x->incomplete &&
        x->bound < 0) { /* what the cut search covered */
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
void cli_plan_done(part_plan *pl)
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

/* cli_int.h */
checkers *cli_new_checkers(const cli_opts *o)
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
    ck = cli_new_checkers(&lo);
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
    ck = cli_new_checkers(o);
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
    cli_pool *pool = NULL;
    bool gave = false;

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

    if (cli_partitioned(o, &eo)) {
        st = cli_run_parts(o, p, src, &eo, &x, &plan_id, &nparts, &nmine,
                       &shard_plan, &shard_parts, &d);
        if (!x) x = explore_new(p, &eo);
        record_attach(rec, x);
    } else {
        /* -j N: the search gives work to N engines (one: -j 1) */
        if (cli_gives(o, &eo)) pool = cli_pool_new(o, p, src, &eo);
        x = explore_new(p, &eo);
        if (pool) cli_pool_attach(pool, x);
        record_attach(rec, x);
        ck = cli_new_checkers(o);
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
        gave = pool && cli_pool_finish(pool, x);
        checkers_finish(ck, x);
        checkers_free(ck);
        /* a potential deadlock this search predicts that a gift's
         * deadlock confirms is dropped, as the searches of parts do */
        if (gave) part_join_finish(x);
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

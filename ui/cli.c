/* cli.c: see cli.h. */
#include "cli.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "checker/checkers.h"
#include "record.h"

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const struct {
    const char *name;
    cli_cmd cmd;
} commands[] = {{"run", CMD_RUN},       {"explore", CMD_EXPLORE},
                {"outcomes", CMD_OUTCOMES}, {"replay", CMD_REPLAY},
                {"test", CMD_TEST},     {"list", CMD_LIST},
                {"view", CMD_VIEW}};

static bool parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
    char *end;
    long long x;
    if (!s || !*s)
        return false;
    errno = 0;
    x = strtoll(s, &end, 10);
    if (errno || *end || x < lo || x > hi)
        return false;
    *v = x;
    return true;
}

static bool parse_u64(const char *s, uint64_t *v)
{
    char *end;
    unsigned long long x;
    if (!s || !*s || *s == '-')
        return false;
    errno = 0;
    x = strtoull(s, &end, 10);
    if (errno || *end)
        return false;
    *v = x;
    return true;
}

static bool parse_strategy(const char *s, wf_strategy_kind *k)
{
    static const struct {
        const char *n;
        wf_strategy_kind k;
    } t[] = {{"random", WF_STRATEGY_RANDOM}, {"rr", WF_STRATEGY_RR},
             {"pct", WF_STRATEGY_PCT},       {"dfs", WF_STRATEGY_DFS},
             {"dpor", WF_STRATEGY_DPOR}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (s && !strcmp(s, t[i].n)) {
            *k = t[i].k;
            return true;
        }
    return false;
}

wf_status cli_parse(int argc, char **argv, int first, bool want_file,
                    cli_opts *o, wf_diag *d)
{
    int i = first;
    memset(o, 0, sizeof *o);
    o->preemptions = -1;
    o->pct_depth = 3;
    o->run_id = -1;
    o->finding_k = -1;
    o->livelock_window = CHECKERS_LIVELOCK_WINDOW;
    o->starvation_bypass = CHECKERS_STARVATION_BYPASS;
    if (i >= argc)
        return diag_set(d, "", 0, 0, "no command given (try --help)");
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h") ||
        !strcmp(argv[i], "help")) {
        o->help = true;
        if (i + 1 < argc)
            for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
                if (!strcmp(argv[i + 1], commands[c].name)) {
                    o->cmd = commands[c].cmd;
                    o->cmd_name = commands[c].name;
                }
        return WF_OK;
    }
    for (size_t c = 0; c < sizeof commands / sizeof commands[0]; c++)
        if (!strcmp(argv[i], commands[c].name)) {
            o->cmd = commands[c].cmd;
            o->cmd_name = commands[c].name;
        }
    if (o->cmd == CMD_NONE)
        return diag_set(d, "", 0, 0, "unknown command '%s' (try --help)",
                        argv[i]);
    if (!want_file && (o->cmd == CMD_TEST || o->cmd == CMD_VIEW ||
                       o->cmd == CMD_LIST))
        return diag_set(d, "", 0, 0,
                        "'%s' is a command of weft, not of a C program",
                        argv[i]);
    for (i++; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int64_t n;
#define NEED_VALUE()                                                          \
    do {                                                                      \
        if (!v)                                                               \
            return diag_set(d, "", 0, 0, "%s needs a value", a);              \
        i++;                                                                  \
    } while (0)
        if (!strcmp(a, "--")) {
            o->prog_argc = argc - i - 1;
            o->prog_argv = argv + i + 1;
            break;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            o->help = true;
        } else if (!strcmp(a, "--json")) {
            o->json = true;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            o->quiet = true;
        } else if (!strcmp(a, "--strict")) {
            o->strict = true;
        } else if (!strcmp(a, "--metrics")) {
            o->metrics = true;
        } else if (!strcmp(a, "--spurious-wakeups")) {
            o->spurious = true;
        } else if (!strcmp(a, "--seed")) {
            NEED_VALUE();
            if (!parse_u64(v, &o->seed))
                return diag_set(d, "", 0, 0,
                                "--seed needs a non-negative integer, not "
                                "'%s'",
                                v);
        } else if (!strcmp(a, "--schedule")) {
            NEED_VALUE();
            o->schedule = v;
        } else if (!strcmp(a, "--strategy")) {
            NEED_VALUE();
            if (!parse_strategy(v, &o->strategy))
                return diag_set(d, "", 0, 0,
                                "unknown strategy '%s' (dpor, dfs, random, "
                                "pct, rr)",
                                v);
            o->strategy_set = true;
        } else if (!strcmp(a, "--max-executions")) {
            NEED_VALUE();
            if (!parse_i64(v, 1, INT64_MAX, &o->max_executions))
                return diag_set(d, "", 0, 0,
                                "--max-executions needs a positive integer");
        } else if (!strcmp(a, "--max-steps")) {
            NEED_VALUE();
            if (!parse_u64(v, &o->max_steps) || !o->max_steps)
                return diag_set(d, "", 0, 0,
                                "--max-steps needs a positive integer");
        } else if (!strcmp(a, "--preemptions")) {
            NEED_VALUE();
            if (!parse_i64(v, 0, 1000000, &n))
                return diag_set(d, "", 0, 0,
                                "--preemptions needs an integer >= 0");
            o->preemptions = (int)n;
        } else if (!strcmp(a, "--depth")) {
            NEED_VALUE();
            if (!parse_i64(v, 1, 1000, &n))
                return diag_set(d, "", 0, 0, "--depth needs an integer >= 1");
            o->pct_depth = (int)n;
        } else if (!strcmp(a, "--time-limit")) {
            char *end;
            NEED_VALUE();
            o->time_limit = strtod(v, &end);
            if (*end || o->time_limit <= 0)
                return diag_set(d, "", 0, 0,
                                "--time-limit needs a positive number of "
                                "seconds");
        } else if (!strcmp(a, "--cond-order")) {
            NEED_VALUE();
            if (strcmp(v, "fifo") && strcmp(v, "any"))
                return diag_set(d, "", 0, 0, "--cond-order is fifo or any");
            o->cond_any = !strcmp(v, "any");
        } else if (!strcmp(a, "--mutex")) {
            NEED_VALUE();
            if (strcmp(v, "free") && strcmp(v, "fifo"))
                return diag_set(d, "", 0, 0, "--mutex is free or fifo");
            o->mutex_fifo = !strcmp(v, "fifo");
        } else if (!strcmp(a, "--time")) {
            NEED_VALUE();
            if (strcmp(v, "strict") && strcmp(v, "loose"))
                return diag_set(d, "", 0, 0, "--time is strict or loose");
            o->time_loose = !strcmp(v, "loose");
        } else if (!strcmp(a, "--db")) {
            NEED_VALUE();
            o->db = v;
        } else if (!strcmp(a, "--record")) {
            NEED_VALUE();
            if (strcmp(v, "findings") && strcmp(v, "all"))
                return diag_set(d, "", 0, 0, "--record is findings or all");
            o->record = v;
        } else if (!strcmp(a, "--run")) {
            NEED_VALUE();
            if (o->cmd == CMD_TEST || want_file == false ||
                (o->cmd != CMD_REPLAY && o->cmd != CMD_VIEW)) {
                o->run_re = v;
            } else if (!parse_i64(v, 1, INT64_MAX, &o->run_id)) {
                return diag_set(d, "", 0, 0,
                                "--run needs a run id (see weft list)");
            }
        } else if (!strcmp(a, "--compare-run")) {
            NEED_VALUE();
            if (o->cmd != CMD_REPLAY || !parse_i64(v, 1, INT64_MAX, &n))
                return diag_set(d, "", 0, 0,
                                "--compare-run ID belongs to replay");
            o->compare_run = n;
        } else if (!strcmp(a, "--finding")) {
            NEED_VALUE();
            if (!parse_i64(v, 1, INT64_MAX, &o->finding_k))
                return diag_set(d, "", 0, 0,
                                "--finding needs a positive integer");
        } else if (!strcmp(a, "--go")) {
            NEED_VALUE();
            o->go_version = v;
        } else if (!strcmp(a, "--livelock-window")) {
            NEED_VALUE();
            if (!parse_i64(v, 0, INT64_MAX, &o->livelock_window))
                return diag_set(d, "", 0, 0,
                                "--livelock-window needs an integer >= 0 "
                                "(steps; 0 turns the livelock check off)");
        } else if (!strcmp(a, "--starvation-bypass")) {
            NEED_VALUE();
            if (!parse_i64(v, 0, INT64_MAX, &o->starvation_bypass))
                return diag_set(d, "", 0, 0,
                                "--starvation-bypass needs an integer >= 0 "
                                "(0 turns the bypass check off)");
        } else if (a[0] == '-' && a[1]) {
            return diag_set(d, "", 0, 0, "unknown option '%s' (try %s --help)",
                            a, o->cmd_name);
        } else if (want_file && o->cmd == CMD_TEST) {
            VEC_PUSH(o->paths, a);
        } else if (want_file && !o->file) {
            o->file = a;
        } else {
            return diag_set(d, "", 0, 0, "unexpected argument '%s'", a);
        }
#undef NEED_VALUE
    }
    if (o->help)
        return WF_OK;
    if (want_file && !o->file && o->cmd != CMD_TEST)
        return diag_set(d, "", 0, 0, "%s needs a %s argument", o->cmd_name,
                        o->cmd == CMD_LIST || o->cmd == CMD_VIEW ? "DB"
                                                                 : "FILE");
    if (o->cmd == CMD_RUN && o->strategy_set &&
        (o->strategy == WF_STRATEGY_DFS || o->strategy == WF_STRATEGY_DPOR))
        return diag_set(d, "", 0, 0,
                        "run takes --strategy random, pct or rr (use explore "
                        "for %s)",
                        o->strategy == WF_STRATEGY_DFS ? "dfs" : "dpor");
    if (o->cmd == CMD_EXPLORE && o->strategy_set &&
        o->strategy == WF_STRATEGY_RR)
        return diag_set(d, "", 0, 0,
                        "explore takes --strategy dpor, dfs, random or pct");
    if (o->cmd == CMD_REPLAY && !o->schedule && !want_file)
        return diag_set(d, "", 0, 0, "replay needs --schedule S");
    if (o->schedule && o->cmd != CMD_RUN && o->cmd != CMD_REPLAY)
        return diag_set(d, "", 0, 0, "--schedule belongs to run and replay");
    if (o->metrics && o->cmd != CMD_RUN && o->cmd != CMD_REPLAY)
        return diag_set(d, "", 0, 0,
                        "--metrics belongs to run and replay (the "
                        "counters of one execution)");
    return WF_OK;
}

void cli_opts_fini(cli_opts *o)
{
    VEC_FREE(o->paths);
}

static const char common_help[] =
    "semantics:\n"
    "  --cond-order fifo|any  which cond waiter a Signal wakes (fifo)\n"
    "  --spurious-wakeups     a cond Wait may return without a signal\n"
    "  --mutex free|fifo      who gets an unlocked mutex (free: any waiter)\n"
    "  --time strict|loose    timers in deadline order, or sleeps as mere\n"
    "                         scheduling points\n"
    "output:\n"
    "  --json      one JSON object on stdout\n"
    "  --quiet     findings only\n"
    "  --metrics   run, replay: per-task counters and Jain's fairness index\n"
    "  --strict    warnings (leak, starvation, potential-deadlock) fail too\n"
    "  --max-steps N  cut each execution after N steps (1000000)\n"
    "liveness (SPEC 5):\n"
    "  --livelock-window W     steps without progress before a livelock is\n"
    "                          suspected (10000; 0: no livelock check)\n"
    "  --starvation-bypass B   a waiter passed over more than B times in a\n"
    "                          row is starved (100; 0: no bypass check)\n"
    "exit status: 0 nothing found, 1 a finding, 2 bad usage or input,\n"
    "3 internal error.\n";

void cli_help(FILE *f, const char *prog, cli_cmd cmd, bool c_program)
{
    const char *F = c_program ? "" : " FILE";
    switch (cmd) {
    case CMD_RUN:
        fprintf(f,
                "usage: %s run%s [--seed N | --schedule S] "
                "[--strategy random|pct|rr] [options]\n"
                "One execution: prints the program's output, then what it "
                "found and the\nschedule that reproduces it.\n"
                "  --seed N        seed of the random strategy (0)\n"
                "  --schedule S    follow a recorded schedule\n"
                "  --strategy K    random (default), pct, rr (round robin)\n",
                prog, F);
        break;
    case CMD_EXPLORE:
        fprintf(f,
                "usage: %s explore%s [--strategy dpor|dfs|random|pct] "
                "[budgets] [options]\n"
                "Many executions; prints each distinct finding with its "
                "shortest schedule,\nthe number of executions and whether "
                "the search was complete.\n"
                "  --strategy K          dpor (default), dfs, random, pct\n"
                "  --max-executions N    stop after N executions\n"
                "  --preemptions K       at most K preemptive switches\n"
                "  --time-limit SECS     stop after SECS seconds\n"
                "  --depth D             pct's bug depth (3)\n"
                "  --seed N              first seed of random and pct (0)\n",
                prog, F);
        break;
    case CMD_OUTCOMES:
        fprintf(f,
                "usage: %s outcomes%s [budgets] [options]\n"
                "Every distinct outcome (printed output and finding kinds) "
                "with how many\nexecutions gave it and a schedule that "
                "reproduces it. Budgets as explore.\n",
                prog, F);
        break;
    case CMD_REPLAY:
        fprintf(f,
                "usage: %s replay%s --schedule S [options]\n"
                "Re-execute a schedule, checking that the program still "
                "matches it; a\ndivergence names the first differing step "
                "(exit 2).\n",
                prog, F);
        break;
    case CMD_TEST:
        fprintf(f,
                "usage: %s test [PATH ...] [--run REGEXP] [budgets] "
                "[options]\n"
                "Every scenario file under the paths (default scenarios/) "
                "with // expect:\nlines is explored with its // weft: flags "
                "and compared: the error kinds\nfound must be exactly those "
                "listed (ok: none), each warning listed must\nbe found, and "
                "an outcomes list must be the exact set of outputs. Every\n"
                "*_test.go runs each TestXxx (--run selects) on every "
                "explored interleaving.\nOptions given here apply to every "
                "file and win over its // weft: flags.\nEnds with \"N "
                "passed, N failed\"; exit 0 all passed, 1 some failed.\n",
                prog);
        break;
    default:
        fprintf(f,
                "usage: %s COMMAND%s [options]\n"
                "commands:\n"
                "  run       one execution (random, pct or round robin)\n"
                "  explore   many executions: dpor, dfs, random, pct\n"
                "  outcomes  every distinct outcome with a schedule\n"
                "  replay    re-execute a schedule\n",
                prog, F);
        if (!c_program)
            fprintf(f, "  test      run scenario files' expectations\n"
                       "  list      runs and findings in a database\n"
                       "  view      the terminal viewer of a database\n");
        fprintf(f, "'%s COMMAND --help' describes one command.\n", prog);
        return;
    }
    fputs(common_help, f);
}

/* ---- running ----------------------------------------------------------- */

typedef struct stop_ctx {
    double start, limit, last_progress;
    bool tty, quiet;
    int64_t max;
} stop_ctx;

static volatile sig_atomic_t interrupted;

static void on_interrupt(int sig)
{
    (void)sig;
    interrupted = 1;
}

static bool should_stop(void *ctx, const explorer *x)
{
    stop_ctx *s = ctx;
    double now, left;
    if (interrupted)
        return true;
    if (!s->limit && !s->tty)
        return false;
    now = cli_now();
    if (s->tty && !s->quiet && now - s->last_progress > 0.25) {
        s->last_progress = now;
        fprintf(stderr, "\r\033[Kweft: %lld executions, %zu findings",
                (long long)x->executions, x->findings.len);
        if (x->dp && x->round >= 0)
            fprintf(stderr, ", preemption bound %d", x->round);
        left = explore_estimate_left(x);
        if (left >= 0)
            fprintf(stderr, ", ~%.3g left", left);
        fprintf(stderr, ", %.1fs", now - s->start);
        fflush(stderr);
    }
    return s->limit > 0 && now - s->start >= s->limit;
}

static void print_summary(const cli_opts *o, const explorer *x, double secs)
{
    size_t nerr = 0, nwarn = 0;
    for (size_t i = 0; i < x->findings.len; i++) {
        if (x->findings.p[i].f.error)
            nerr++;
        else
            nwarn++;
    }
    if (o->cmd == CMD_RUN || o->cmd == CMD_REPLAY) {
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
    printf(", %llu steps, %.2fs: ", (unsigned long long)x->steps, secs);
    if (x->complete && x->cut)
        printf("complete up to --max-steps"); /* a cut hides what follows */
    else if (x->complete)
        printf("complete");
    else if (x->bound >= 0)
        printf("preemption bound %d fully explored", x->bound);
    else if (x->stopped)
        printf("stopped (%s)", interrupted ? "interrupted" : "time limit");
    else
        printf("cut by the execution budget");
    printf("; %zu error%s, %zu warning%s\n", nerr, nerr == 1 ? "" : "s",
           nwarn, nwarn == 1 ? "" : "s");
    if (x->cut_timers)
        printf("hint: %llu execution%s reached --max-steps with timers "
               "pending: virtual time moves only when every goroutine is "
               "blocked, and some kept running (a busy loop waiting for a "
               "sleeper?); --time loose makes sleeps mere scheduling "
               "points\n",
               (unsigned long long)x->cut_timers,
               x->cut_timers == 1 ? "" : "s");
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
static void explore_options(const cli_opts *o, explore_opts *eo_)
{
    explore_opts eo;
    memset(&eo, 0, sizeof eo);
    eo.seed = o->seed;
    eo.no_steer = o->cmd == CMD_RUN || o->cmd == CMD_REPLAY;
    eo.max_executions = o->max_executions;
    eo.max_steps = o->max_steps;
    eo.preemptions = o->preemptions;
    eo.pct_depth = o->pct_depth;
    eo.cond_any = o->cond_any;
    eo.spurious = o->spurious;
    eo.mutex_fifo = o->mutex_fifo;
    eo.time_loose = o->time_loose;
    switch (o->cmd) {
    case CMD_RUN:
        eo.strategy = o->schedule ? WF_STRATEGY_REPLAY
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

wf_status cli_explore(const cli_opts *o, const program *p, explorer **out,
                      wf_diag *d)
{
    explore_opts eo;
    explorer *x;
    checkers *ck;
    wf_status st;
    stop_ctx sc;
    explore_options(o, &eo);
    memset(&sc, 0, sizeof sc);
    sc.start = cli_now();
    sc.last_progress = sc.start;
    sc.limit = o->time_limit;
    sc.quiet = true;
    eo.should_stop = should_stop;
    eo.stop_ctx = &sc;
    *out = NULL;
    x = explore_new(p, &eo);
    ck = new_checkers(o);
    st = explore_run(x, checkers_consumers(ck), d);
    checkers_finish(ck, x);
    checkers_free(ck);
    if (st != WF_OK) {
        explore_free(x);
        return st;
    }
    *out = x;
    return WF_OK;
}

int cli_execute(const cli_opts *o, const program *p, const char *replay_prefix)
{
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
    struct sigaction sa, old_int, old_term;
    record *rec = NULL;
    consumer_set cs = {NULL, 0};
    wf_status rst = WF_OK;
    wf_diag rd;

    explore_options(o, &eo);
    memset(&sc, 0, sizeof sc);
    sc.start = t0;
    sc.last_progress = t0;
    sc.limit = o->time_limit;
    sc.quiet = o->quiet || o->json;
    sc.tty = isatty(2) && o->cmd != CMD_RUN && o->cmd != CMD_REPLAY;
    eo.should_stop = should_stop;
    eo.stop_ctx = &sc;
    if (record_start(o, p, &eo, &cs, &rec, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        return 2;
    }

    interrupted = 0;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_interrupt;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);

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
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    if (st == WF_OK)
        rst = record_finish(rec, x, explore_status(x, o->strict), &rd);
    if (sc.tty && !sc.quiet)
        fputs("\r\033[K", stderr);
    if (st != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        explore_free(x);
        record_free(rec);
        return 2;
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
        if (o->metrics) {
            /* one more member of the object, before its closing brace */
            size_t n = out.len;
            while (n && out.p[n - 1] != '}')
                n--;
            if (n) {
                out.len = n - 1;
                buf_puts(&out, ", \"metrics\": ");
                report_metrics_json(&out, x->e);
                buf_puts(&out, "}\n");
            }
        }
        record_json(rec, &out);
    } else {
        if ((o->cmd == CMD_RUN || o->cmd == CMD_REPLAY) && !o->quiet &&
            x->last_output)
            buf_puts(&out, x->last_output);
        report_text(&out, x, &ri);
        if (o->cmd == CMD_OUTCOMES)
            report_outcomes_text(&out, x, &ri);
    }
    if (o->metrics && !o->json)
        report_metrics_text(&out, x->e);
    fputs(out.p ? out.p : "", stdout);
    if (!o->json)
        print_summary(o, x, ri.seconds);
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
        status = 2;
    } else if (eo.strategy == WF_STRATEGY_REPLAY &&
               x->replay.hash != p->hash) {
        fprintf(stderr,
                "weft: warning: the schedule was recorded for another "
                "version of the program (hash %08x, this one is %08x); "
                "the replay followed every choice\n",
                x->replay.hash, p->hash);
    }
    explore_free(x);
    record_free(rec);
    return status;
}

/* cli.c: see cli.h. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stddef.h>
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

/* ---- the commands ------------------------------------------------------ */

typedef struct command_desc {
    const char *name;
    cli_cmd cmd;
    bool c_too;           /* a command of wf_main programs too */
    const char *operands; /* in weft's usage line */
    const char *summary;  /* one line in the list of commands */
    const char *about;    /* the paragraph of COMMAND --help */
} command_desc;

static const command_desc commands[] = {
    {"run", CMD_RUN, true, "FILE|DIR",
     "one execution (random, pct or round robin)",
     "One execution: prints the program's output, then what it found and "
     "the\nschedule that reproduces it. A test file (*_test.go) runs each "
     "TestXxx.\nA DIR is a package: its main program, or its tests if it "
     "is not main.\n"},
    {"explore", CMD_EXPLORE, true, "FILE|DIR",
     "many executions: dpor, dfs, random, pct",
     "Many executions; prints each distinct finding with its shortest "
     "schedule,\nthe number of executions and whether the search was "
     "complete.\n"},
    {"outcomes", CMD_OUTCOMES, true, "FILE|DIR",
     "every distinct outcome with a schedule",
     "Every distinct outcome (printed output and finding kinds) with how "
     "many\nexecutions gave it and a schedule that reproduces it.\n"},
    {"replay", CMD_REPLAY, true, "FILE|DIR --schedule S | DB --run-id ID",
     "re-execute a schedule or a recorded run",
     "Re-execute a schedule, checking that the program still matches it, "
     "or a\nrun recorded in a database (or the witness run of finding K of "
     "an\nexploration), compared with it event by event; a divergence "
     "names the\nfirst differing step (exit 2). Otherwise the exit status "
     "is the run's.\nA Go program's run replays the source the database "
     "kept, from any\ndirectory; --use-file replays the file on disk "
     "instead.\n"},
    {"test", CMD_TEST, false, "[PATH ...]",
     "run scenario files' expectations and *_test.go",
     "Every scenario file under the paths (default scenarios/) with // "
     "expect:\nlines is explored with its // weft: flags and compared: the "
     "error kinds\nfound must be exactly those listed (ok: none), each "
     "warning listed must\nbe found, and an outcomes list must be the exact "
     "set of outputs. The other\n.go files of a directory form its "
     "package (go.mod gives the module's path,\nvendor/ third-party code): "
     "each TestXxx of its _test.go files (in-package\nand package x_test) "
     "runs on every explored interleaving (-run selects). A\nPATH is a "
     "file, a directory (walked) or a pattern, ./... or ./pkg/...\n"
     "Options given here apply to every file and win over its // weft: "
     "flags.\nEnds with \"N passed, N failed\"; exit 0 all passed, 1 some "
     "failed.\n"},
    {"list", CMD_LIST, false, "DB", "runs and findings in a database",
     "The runs stored in a trace database: id, role (execution, witness,\n"
     "summary), command, program, strategy, steps, verdict, creation time,\n"
     "and the findings of each.\n"},
    {"view", CMD_VIEW, false, "DB", "the terminal viewer of a database",
     "The terminal viewer of a trace database: one lane per task, time\n"
     "flowing down, the state at the current step, the findings (n/N),\n"
     "metrics, search (/), a run chooser (r), play (space). ? shows the\n"
     "keys inside. Without --run-id it opens the first run with an "
     "error.\n"},
    {"play", CMD_PLAY, false, "FILE",
     "be the scheduler: pick who runs, with undo, hints, goals",
     "Be the scheduler of FILE (a Go program or test file): the viewer's "
     "lanes\nshow each task's next operation and source line, and you pick "
     "who runs.\nHints say how far the nearest bug (or the file's goal) is, "
     "found by\nexploring the continuations of what you played.\n"
     "Keys: a digit N runs task gN (0 is main); Left/Right and Enter or "
     "space\nrun the selected task; a click on a task's next operation "
     "runs it; u\nundoes; a lets the scheduler run to the end without "
     "preempting; h shows\nthe next step toward the nearest goal or bug "
     "(h again takes it); s saves\nthe schedule as a replay line; j/k "
     "browse the history; Tab changes the\npane; ? lists the keys; q "
     "quits.\nGoals: a comment `// play: deadlock` (or another finding "
     "kind) or\n`// play: outcome \"1\\n\"` (main returns having printed "
     "it) at the top of\nFILE; reaching it is announced with the steps and "
     "preemptions it took\nagainst the fewest found.\n"},
    {"report", CMD_REPORT, false, "DB --html FILE",
     "a recorded run as a self-contained HTML page",
     "Draw a run of a trace database as one HTML page with no script and "
     "nothing\nfetched: a sequence diagram in SVG (a lane per goroutine, "
     "the blocked\nstretches, the wait-for cycle of a deadlock, the racing "
     "pair of a race),\nthe findings with the Coffman conditions, and the "
     "replay lines. Without\n--run-id, the first run with an error (as "
     "weft view opens).\n"},
    {"merge", CMD_MERGE, false, "OUT.db SHARD.db...",
     "join the shards of one search into its database",
     "Join the shards of one cut exploration (explore --shard I/N --db "
     "SHARD.db,\neach of 1/N .. N/N once) into OUT.db: the summary, "
     "findings, witness runs\nand outcomes the unsharded search gives, and "
     "print its report. The\nprogram is compiled again to record the "
     "witnesses (it must be unchanged).\n"},
    {"help", CMD_HELP, true, "[COMMAND]", "describe a command and its options",
     "Describe COMMAND and every option it takes (as COMMAND --help does), "
     "or\nlist the commands.\n"},
    {"version", CMD_VERSION, true, "", "print the version",
     "Print the version (as --version does).\n"},
    {"cc", CMD_CC, false, "[COMPILER OPTIONS] FILE...",
     "build a C program (pthreads) that weft explores",
     "Compile and link C programs with the system compiler ($WEFT_CC, else "
     "cc) and\nweft's runtime: the program then takes weft's commands "
     "(./prog explore).\nEvery option is the compiler's.\n"},
};

static const command_desc *command_of(cli_cmd c)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (commands[i].cmd == c) return &commands[i];
    return NULL;
}

cli_cmd cli_command(const char *s)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (s && !strcmp(s, commands[i].name)) return commands[i].cmd;
    return CMD_NONE;
}

/* ---- the options ------------------------------------------------------- */

/* The sections of --help, in order. */
enum {
    G_CHOOSE,
    G_BUDGET,
    G_PROGRAM,
    G_SEMANTICS,
    G_LIVENESS,
    G_OUTPUT,
    G_DATABASE,
    G_PARALLEL,
    G_HEADLESS,
    G_GENERAL,
    G_COUNT
};

static const char *const group_names[G_COUNT] = {
    "choosing executions",
    "budgets",
    "programs and tests",
    "semantics",
    "liveness",
    "output",
    "trace database",
    "parallel and distributed",
    "headless viewer (for tests and benches)",
    "general"};

/* How an option's value is read into its field. */
typedef enum opt_kind {
    K_FLAG,   /* bool, set to true; takes no value */
    K_STR,    /* const char *, the value itself */
    K_I64,    /* int64_t in [lo, hi] */
    K_U64,    /* uint64_t >= lo */
    K_SECS,   /* double > 0 */
    K_CHOICE, /* int: the index of the value among choices "a|b|c" */
    K_FN      /* a function of its own */
} opt_kind;

typedef struct cli_option cli_option;
struct cli_option {
    const char *name;    /* spelt --name */
    char letter;         /* spelt -x too; 0: none */
    const char *arg;     /* the value's name in --help; NULL for a flag */
    uint32_t cmds;       /* bit c: command c takes it */
    uint8_t where;       /* W_BOTH, W_WEFT (not wf_main), W_C (wf_main) */
    uint8_t group;       /* section of --help */
    uint8_t kind;        /* opt_kind */
    size_t off;          /* the field of cli_opts it sets */
    int64_t lo, hi;      /* K_I64, K_U64 bounds */
    const char *choices; /* K_CHOICE */
    wf_status (*fn)(const cli_option *opt, const char *spelt, const char *v,
                    cli_opts *o, wf_diag *d); /* K_FN */
    const char *help; /* for --help; "\n" continues on the next line */
};

enum { W_BOTH, W_WEFT, W_C };

#define C(c)       (1u << (c))
#define C_RUNS     (C(CMD_RUN) | C(CMD_EXPLORE) | C(CMD_OUTCOMES) | C(CMD_REPLAY))
#define C_EXEC     (C_RUNS | C(CMD_TEST))
#define C_SEARCH   (C(CMD_EXPLORE) | C(CMD_OUTCOMES) | C(CMD_TEST))
#define C_ALL      ((1u << CLI_NCMDS) - 2u) /* every command but CMD_NONE */
#define OFF(field) offsetof(cli_opts, field)

static wf_status set_strategy(const cli_option *opt, const char *spelt,
                              const char *v, cli_opts *o, wf_diag *d);
static wf_status set_old_run_id(const cli_option *opt, const char *spelt,
                                const char *v, cli_opts *o, wf_diag *d);
static wf_status set_size(const cli_option *opt, const char *spelt,
                          const char *v, cli_opts *o, wf_diag *d);
static wf_status set_memory(const cli_option *opt, const char *spelt,
                            const char *v, cli_opts *o, wf_diag *d);
static wf_status set_shard(const cli_option *opt, const char *spelt,
                           const char *v, cli_opts *o, wf_diag *d);

static const cli_option options[] = {
    /* choosing executions */
    {.name = "strategy",
     .arg = "K",
     .cmds = C_EXEC & ~C(CMD_REPLAY),
     .group = G_CHOOSE,
     .kind = K_FN,
     .fn = set_strategy,
     .help = "dpor (explore's default: exhaustive with reduction), dfs "
             "(exhaustive), random (run's default), pct, rr (round robin, run "
             "only)"},
    {.name = "seed",
     .arg = "N",
     .cmds = C_EXEC & ~C(CMD_REPLAY),
     .group = G_CHOOSE,
     .kind = K_U64,
     .off = OFF(seed),
     .help = "seed of random and pct (0)"},
    {.name = "depth",
     .arg = "D",
     .cmds = C_EXEC & ~C(CMD_REPLAY),
     .group = G_CHOOSE,
     .kind = K_I64,
     .off = OFF(pct_depth),
     .lo = 1,
     .hi = 1000,
     .help = "pct's bug depth (3)"},
    {.name = "schedule",
     .arg = "S",
     .cmds = C(CMD_RUN) | C(CMD_REPLAY),
     .group = G_CHOOSE,
     .kind = K_STR,
     .off = OFF(schedule),
     .help = "follow a recorded schedule (a replay: line's last word)"},
    /* budgets */
    {.name = "max-executions",
     .arg = "N",
     .cmds = C_SEARCH,
     .group = G_BUDGET,
     .kind = K_I64,
     .off = OFF(max_executions),
     .lo = 1,
     .hi = INT64_MAX,
     .help = "stop after N executions (random and pct: 1000)"},
    {.name = "max-steps",
     .arg = "N",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_BUDGET,
     .kind = K_U64,
     .off = OFF(max_steps),
     .lo = 1,
     .help = "cut each execution after N steps (1000000)"},
    {.name = "max-memory",
     .arg = "SIZE",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_BUDGET,
     .kind = K_FN,
     .fn = set_memory,
     .help = "cut an execution whose memory (goroutines, stacks, heap, "
             "objects) would pass SIZE: 512M, 2G (a quarter of the RAM, at "
             "most 4G)"},
    {.name = "preemptions",
     .arg = "K",
     .cmds = C_SEARCH,
     .group = G_BUDGET,
     .kind = K_I64,
     .off = OFF(preemptions),
     .lo = 0,
     .hi = 1000000,
     .help = "at most K preemptive switches per execution"},
    {.name = "time-limit",
     .arg = "SECS",
     .cmds = C_EXEC,
     .group = G_BUDGET,
     .kind = K_SECS,
     .off = OFF(time_limit),
     .help = "stop after SECS seconds of real time (within 5%), "
             "whatever the program does"},
    {.name = "hint-budget",
     .arg = "N",
     .cmds = C(CMD_PLAY),
     .group = G_BUDGET,
     .kind = K_I64,
     .off = OFF(hint_budget),
     .lo = 0,
     .hi = INT64_MAX,
     .help = "steps the hint search may take after each move (300000; 0: "
             "no hints)"},
    /* programs and tests */
    {.name = "run",
     .arg = "REGEXP",
     .cmds = (C_EXEC & ~C(CMD_REPLAY)) | C(CMD_PLAY),
     .where = W_WEFT,
     .group = G_PROGRAM,
     .kind = K_STR,
     .off = OFF(run_re),
     .help = "run only the tests whose name matches (as go test -run)"},
    {.name = "go",
     .arg = "VERSION",
     .cmds = C_EXEC | C(CMD_MERGE) | C(CMD_PLAY),
     .where = W_WEFT,
     .group = G_PROGRAM,
     .kind = K_STR,
     .off = OFF(go_version),
     .help = "Go language version (1.21: one loop variable per loop); "
             "default: go.mod's, else per-iteration variables"},
    /* semantics */
    {.name = "cond-order",
     .arg = "fifo|any",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_SEMANTICS,
     .kind = K_CHOICE,
     .off = OFF(cond_any),
     .choices = "fifo|any",
     .help = "which cond waiter a Signal wakes (fifo)"},
    {.name = "spurious-wakeups",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_SEMANTICS,
     .kind = K_FLAG,
     .off = OFF(spurious),
     .help = "a cond Wait may return without a signal"},
    {.name = "mutex",
     .arg = "free|fifo",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_SEMANTICS,
     .kind = K_CHOICE,
     .off = OFF(mutex_fifo),
     .choices = "free|fifo",
     .help = "who gets an unlocked mutex (free: any waiter)"},
    {.name = "time",
     .arg = "strict|loose",
     .cmds = C_EXEC | C(CMD_PLAY),
     .group = G_SEMANTICS,
     .kind = K_CHOICE,
     .off = OFF(time_loose),
     .choices = "strict|loose",
     .help = "timers in deadline order, those under 1 ms at once "
             "(strict), or sleeps and timers as mere scheduling points"},
    /* liveness */
    {.name = "livelock-window",
     .arg = "W",
     .cmds = C_EXEC,
     .group = G_LIVENESS,
     .kind = K_I64,
     .off = OFF(livelock_window),
     .lo = 0,
     .hi = INT64_MAX,
     .help = "steps without progress before a livelock is suspected "
             "(10000; 0: no livelock check)"},
    {.name = "starvation-bypass",
     .arg = "B",
     .cmds = C_EXEC,
     .group = G_LIVENESS,
     .kind = K_I64,
     .off = OFF(starvation_bypass),
     .lo = 0,
     .hi = INT64_MAX,
     .help = "a waiter passed over more than B times in a row is "
             "starved (100; 0: no bypass check)"},
    /* output */
    {.name = "json",
     .cmds = C_EXEC | C(CMD_LIST) | C(CMD_MERGE),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(json),
     .help = "one JSON object on stdout, nothing else there (test: go "
             "test -json's event lines, one JSON object a line)"},
    {.name = "junit",
     .arg = "FILE",
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_STR,
     .off = OFF(junit_path),
     .help = "also write JUnit XML there, as CI test reports read it: a "
             "testcase per TestXxx or scenario, each failure with its "
             "findings and replay lines"},
    {.name = "sarif",
     .arg = "FILE",
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_STR,
     .off = OFF(sarif_path),
     .help = "also write SARIF 2.1.0 there: each failing finding at the "
             "lines of its goroutines, for code-scanning views"},
    {.name = "format",
     .arg = "text|github",
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_CHOICE,
     .off = OFF(format),
     .choices = "text|github",
     .help = "github: after each failure, GitHub Actions annotations "
             "(::error file=F,line=L::...) on the lines it involves"},
    {.name = "jobs",
     .letter = 'j',
     .arg = "N",
     .cmds = C(CMD_TEST) | C(CMD_EXPLORE) | C(CMD_OUTCOMES),
     .group = G_PARALLEL,
     .kind = K_I64,
     .off = OFF(jobs),
     .lo = 1,
     .hi = 1024,
     .help = "test: run N files at once (default: the number of "
             "cores), the output the same as with -j 1, in file order; "
             "explore, outcomes (dpor, dfs): cut the search into parts by "
             "choice prefixes, N engines at once, the same executions, "
             "findings and outcomes for every N (without -j: one engine, "
             "one search)"},
    {.name = "shard",
     .arg = "I/N",
     .cmds = C(CMD_EXPLORE) | C(CMD_OUTCOMES) | C(CMD_TEST),
     .group = G_PARALLEL,
     .kind = K_FN,
     .fn = set_shard,
     .help = "run shard I of N: of the parts of the search (balanced by "
             "estimate) into --db, which weft merge OUT.db SHARD.db... "
             "joins into what the whole search gives; for test, the files "
             "and packages I, I+N, I+2N... in sorted order (one CI job "
             "each)"},
    {.name = "html",
     .arg = "DIR",
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_STR,
     .off = OFF(html_path),
     .help = "also write there, for each failing finding, its witness "
             "run (DIR/weft.db) drawn as a self-contained HTML page, and "
             "DIR/index.html"},
    {.name = "html",
     .arg = "FILE",
     .cmds = C(CMD_REPORT),
     .group = G_OUTPUT,
     .kind = K_STR,
     .off = OFF(html_path),
     .help = "write the page there"},
    {.name = "verbose",
     .letter = 'v',
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(verbose),
     .help = "go test -v's shape: === RUN, --- PASS: or --- FAIL: with the "
             "time, and an ok or FAIL line per file"},
    {.name = "save",
     .arg = "FILE",
     .cmds = C(CMD_PLAY),
     .group = G_OUTPUT,
     .kind = K_STR,
     .off = OFF(save_path),
     .help = "where s appends replay lines (weft-play.txt); they are "
             "printed at the end too"},
    {.name = "quiet",
     .letter = 'q',
     .cmds = C_EXEC | C(CMD_MERGE),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(quiet),
     .help = "findings only"},
    {.name = "strict",
     .cmds = C_EXEC,
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(strict),
     .help = "warnings (leak, starvation, potential-deadlock) fail too"},
    {.name = "metrics",
     .cmds = C(CMD_RUN) | C(CMD_REPLAY),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(metrics),
     .help = "per-task counters and Jain's fairness index"},
    /* trace database */
    {.name = "db",
     .arg = "PATH",
     .cmds = C_RUNS | C(CMD_PLAY),
     .group = G_DATABASE,
     .kind = K_STR,
     .off = OFF(db),
     .help = "record into this SQLite database (weft list, view, replay)"},
    {.name = "record",
     .arg = "findings|all",
     .cmds = C(CMD_EXPLORE) | C(CMD_OUTCOMES),
     .group = G_DATABASE,
     .kind = K_CHOICE,
     .off = OFF(record_all),
     .choices = "findings|all",
     .help = "what --db keeps of an exploration: its summary and a witness run "
             "per finding (findings), or every execution"},
    {.name = "run-id",
     .arg = "ID",
     .cmds = C(CMD_REPLAY) | C(CMD_VIEW) | C(CMD_REPORT),
     .where = W_WEFT,
     .group = G_DATABASE,
     .kind = K_I64,
     .off = OFF(run_id),
     .lo = 1,
     .hi = INT64_MAX,
     .help = "the run of the database (weft list)"},
    {.name = "run",
     .arg = "ID",
     .cmds = C(CMD_REPLAY) | C(CMD_VIEW) | C(CMD_REPORT),
     .where = W_WEFT,
     .group = G_DATABASE,
     .kind = K_FN,
     .fn = set_old_run_id,
     .help = "the older spelling of --run-id"},
    {.name = "finding",
     .arg = "K",
     .cmds = C(CMD_REPLAY) | C(CMD_VIEW) | C(CMD_REPORT),
     .where = W_WEFT,
     .group = G_DATABASE,
     .kind = K_I64,
     .off = OFF(finding_k),
     .lo = 1,
     .hi = INT64_MAX,
     .help = "finding K of the run (of an exploration: its witness run)"},
    {.name = "compare-run",
     .arg = "ID",
     .cmds = C(CMD_REPLAY),
     .where = W_C,
     .group = G_DATABASE,
     .kind = K_I64,
     .off = OFF(compare_run),
     .lo = 1,
     .hi = INT64_MAX,
     .help = "compare the replay with run ID of --db, event by event (what "
             "weft replay DB --run-id ID asks of a C program)"},
    {.name = "use-file",
     .cmds = C(CMD_REPLAY),
     .where = W_WEFT,
     .group = G_DATABASE,
     .kind = K_FLAG,
     .off = OFF(use_file),
     .help = "a Go run: replay the file on disk, not the source the database "
             "kept (saying when they differ)"},
    /* headless viewer */
    {.name = "dump",
     .cmds = C(CMD_VIEW) | C(CMD_PLAY),
     .group = G_HEADLESS,
     .kind = K_FLAG,
     .off = OFF(view_dump),
     .help = "print the first frame as text instead of opening the terminal"},
    {.name = "first-screen-ms",
     .cmds = C(CMD_VIEW),
     .group = G_HEADLESS,
     .kind = K_FLAG,
     .off = OFF(view_first_ms),
     .help = "print the time from the start to the first frame"},
    {.name = "size",
     .arg = "WxH",
     .cmds = C(CMD_VIEW) | C(CMD_PLAY),
     .group = G_HEADLESS,
     .kind = K_FN,
     .fn = set_size,
     .help = "the frame's size for --dump (80x24)"},
    {.name = "keys",
     .arg = "KEYS",
     .cmds = C(CMD_VIEW) | C(CMD_PLAY),
     .group = G_HEADLESS,
     .kind = K_STR,
     .off = OFF(view_keys),
     .help = "press these keys before the frame"},
    {.name = "ascii",
     .cmds = C(CMD_VIEW) | C(CMD_PLAY),
     .group = G_HEADLESS,
     .kind = K_FLAG,
     .off = OFF(view_ascii),
     .help = "ASCII glyphs only (on a terminal too)"},
    /* general */
    {.name = "help",
     .letter = 'h',
     .cmds = C_ALL,
     .group = G_GENERAL,
     .kind = K_FLAG,
     .off = OFF(help),
     .help = "describe the command"},
    {.name = "version",
     .cmds = C_ALL,
     .group = G_GENERAL,
     .kind = K_FLAG,
     .off = OFF(version),
     .help = "print the version"},
};

#define NOPTIONS (sizeof options / sizeof options[0])
_Static_assert(sizeof options / sizeof options[0] <= CLI_MAX_OPTIONS,
               "CLI_MAX_OPTIONS is too small for the option table");

/* Does command cmd take option opt, for weft (c_program false) or a C
 * program? */
static bool takes(const cli_option *opt, cli_cmd cmd, bool c_program)
{
    if (!(opt->cmds & C(cmd))) return false;
    return opt->where == W_BOTH || (opt->where == W_C) == c_program;
}

static void *field(cli_opts *o, const cli_option *opt)
{
    return (char *)o + opt->off;
}

static wf_status set_strategy(const cli_option *opt, const char *spelt,
                              const char *v, cli_opts *o, wf_diag *d)
{
    static const struct {
        const char *n;
        wf_strategy_kind k;
    } t[] = {{"dpor", WF_STRATEGY_DPOR},
             {"dfs", WF_STRATEGY_DFS},
             {"random", WF_STRATEGY_RANDOM},
             {"pct", WF_STRATEGY_PCT},
             {"rr", WF_STRATEGY_RR}};
    (void)opt;
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(v, t[i].n)) {
            o->strategy = t[i].k;
            o->strategy_set = true;
            return WF_OK;
        }
    return diag_set(d, "", 0, 0,
                    "unknown strategy '%s' for %s (dpor, dfs, random, pct, "
                    "rr)",
                    v, spelt);
}

static bool parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *v)
{
    char *end;
    long long x;
    if (!s || !*s || *s == ' ') return false;
    errno = 0;
    x = strtoll(s, &end, 10);
    if (errno || *end || x < lo || x > hi) return false;
    *v = x;
    return true;
}

static bool parse_u64(const char *s, uint64_t *v)
{
    char *end;
    unsigned long long x;
    if (!s || !*s || *s == '-' || *s == '+' || *s == ' ') return false;
    errno = 0;
    x = strtoull(s, &end, 10);
    if (errno || *end) return false;
    *v = x;
    return true;
}

/* --run N on replay and view: a run id, as before --run-id existed. */
static wf_status set_old_run_id(const cli_option *opt, const char *spelt,
                                const char *v, cli_opts *o, wf_diag *d)
{
    (void)opt;
    if (!parse_i64(v, 1, INT64_MAX, &o->run_id))
        return diag_set(d, "", 0, 0,
                        "%s of %s is a run id (--run-id ID, see weft list), "
                        "not '%s'; a test pattern belongs to run, explore, "
                        "outcomes and test",
                        spelt, o->cmd_name, v);
    return WF_OK;
}

static wf_status set_size(const cli_option *opt, const char *spelt,
                          const char *v, cli_opts *o, wf_diag *d)
{
    int64_t w, h;
    const char *x = strchr(v, 'x');
    char wbuf[24];
    (void)opt;
    if (x && (size_t)(x - v) < sizeof wbuf) {
        memcpy(wbuf, v, (size_t)(x - v));
        wbuf[x - v] = '\0';
        if (parse_i64(wbuf, 1, 1000, &w) && parse_i64(x + 1, 1, 1000, &h)) {
            o->view_w = w;
            o->view_h = h;
            return WF_OK;
        }
    }
    return diag_set(d, "", 0, 0,
                    "%s needs WxH (each from 1 to 1000, e.g. 80x24), not "
                    "'%s'",
                    spelt, v);
}

/* --max-memory SIZE: "1073741824", "512K", "512M", "2G", "1.5GiB"
 * (binary units). */
static wf_status set_memory(const cli_option *opt, const char *spelt,
                            const char *v, cli_opts *o, wf_diag *d)
{
    static const struct {
        const char *sfx;
        int shift;
    } u[] = {{"", 0},     {"B", 0},    {"K", 10},   {"KB", 10},
             {"KiB", 10}, {"M", 20},   {"MB", 20},  {"MiB", 20},
             {"G", 30},   {"GB", 30},  {"GiB", 30}, {"T", 40},
             {"TB", 40},  {"TiB", 40}};
    char *end;
    double x;
    (void)opt;
    errno = 0;
    x = v && *v && *v != '-' ? strtod(v, &end) : 0;
    if (x > 0 && !errno && end != v)
        for (size_t i = 0; i < sizeof u / sizeof u[0]; i++)
            if (!strcmp(end, u[i].sfx)) {
                x *= (double)(1ULL << u[i].shift);
                if (x >= 1 && x < 18e18) {
                    o->max_memory = (uint64_t)x;
                    return WF_OK;
                }
            }
    return diag_set(d, "", 0, 0,
                    "%s needs a size such as 512M or 2G, not '%s'", spelt,
                    v ? v : "");
}

/* --shard I/N: 1 <= I <= N. */
static wf_status set_shard(const cli_option *opt, const char *spelt,
                           const char *v, cli_opts *o, wf_diag *d)
{
    const char *sl = strchr(v, '/');
    char ibuf[24];
    int64_t i, n;
    (void)opt;
    if (sl && (size_t)(sl - v) < sizeof ibuf) {
        memcpy(ibuf, v, (size_t)(sl - v));
        ibuf[sl - v] = '\0';
        if (parse_i64(ibuf, 1, 100000, &i) &&
            parse_i64(sl + 1, 1, 100000, &n) && i <= n) {
            o->shard_i = (int)i;
            o->shard_n = (int)n;
            return WF_OK;
        }
    }
    return diag_set(d, "", 0, 0,
                    "%s needs I/N with 1 <= I <= N (shard 2 of 4: 2/4), not "
                    "'%s'",
                    spelt, v);
}

/* Set option opt from value v (NULL for a flag); spelt: as written. */
static wf_status apply(const cli_option *opt, const char *spelt, const char *v,
                       cli_opts *o, wf_diag *d)
{
    switch ((opt_kind)opt->kind) {
    case K_FLAG:
        *(bool *)field(o, opt) = true;
        return WF_OK;
    case K_STR:
        *(const char **)field(o, opt) = v;
        return WF_OK;
    case K_I64:
        if (parse_i64(v, opt->lo, opt->hi, (int64_t *)field(o, opt)))
            return WF_OK;
        if (opt->hi < INT64_MAX)
            return diag_set(d, "", 0, 0,
                            "%s needs an integer from %lld to %lld, not "
                            "'%s'",
                            spelt, (long long)opt->lo, (long long)opt->hi, v);
        return diag_set(d, "", 0, 0, "%s needs %s integer, not '%s'", spelt,
                        opt->lo > 0 ? "a positive" : "a non-negative", v);
    case K_U64: {
        uint64_t x;
        if (parse_u64(v, &x) && x >= (uint64_t)opt->lo) {
            *(uint64_t *)field(o, opt) = x;
            return WF_OK;
        }
        return diag_set(d, "", 0, 0, "%s needs %s integer, not '%s'", spelt,
                        opt->lo > 0 ? "a positive" : "a non-negative", v);
    }
    case K_SECS: {
        char *end;
        double x = strtod(v, &end);
        if (*v && !*end && x > 0 && x < 1e12) {
            *(double *)field(o, opt) = x;
            return WF_OK;
        }
        return diag_set(d, "", 0, 0,
                        "%s needs a positive number of seconds, not '%s'",
                        spelt, v);
    }
    case K_CHOICE: {
        const char *c = opt->choices;
        for (int i = 0; *c; i++) {
            size_t n = strcspn(c, "|");
            if (strlen(v) == n && !strncmp(c, v, n)) {
                *(int *)field(o, opt) = i;
                return WF_OK;
            }
            c += n + (c[n] == '|');
        }
        {
            /* "fifo|any" read as "fifo or any" */
            char alt[128];
            const char *bar = strrchr(opt->choices, '|');
            snprintf(alt, sizeof alt, "%.*s or %s", (int)(bar - opt->choices),
                     opt->choices, bar + 1);
            for (char *p = alt; *p; p++)
                if (*p == '|') *p = ',';
            return diag_set(d, "", 0, 0, "%s is %s, not '%s'", spelt, alt, v);
        }
    }
    case K_FN:
        return opt->fn(opt, spelt, v, o, d);
    }
    return WF_OK;
}

static void defaults(cli_opts *o)
{
    memset(o, 0, sizeof *o);
    o->preemptions = -1;
    o->pct_depth = 3;
    o->run_id = -1;
    o->finding_k = -1;
    o->hint_budget = -1;
    o->livelock_window = CHECKERS_LIVELOCK_WINDOW;
    o->starvation_bypass = CHECKERS_STARVATION_BYPASS;
    o->view_w = 80;
    o->view_h = 24;
}

/* "run, explore and test": the commands of mask (of weft or wf_main). */
static void commands_text(buf *b, uint32_t mask, bool c_program)
{
    size_t n = 0, k = 0;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        n += (mask & C(commands[i].cmd)) && (!c_program || commands[i].c_too);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        if (!(mask & C(commands[i].cmd)) || (c_program && !commands[i].c_too))
            continue;
        buf_printf(b, "%s%s",
                   k == 0       ? ""
                   : k + 1 == n ? " and "
                                : ", ",
                   commands[i].name);
        k++;
    }
}

/* Levenshtein distance of a and b, up to 3 (short option names). */
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    int row[40];
    if (m >= sizeof row / sizeof row[0] || n >= 40) return 99;
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int diag = row[0], t;
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            t = row[j];
            row[j] = diag + (a[i - 1] != b[j - 1]);
            if (row[j - 1] + 1 < row[j]) row[j] = row[j - 1] + 1;
            if (t + 1 < row[j]) row[j] = t + 1;
            diag = t;
        }
    }
    return row[m];
}

/* The error for --name (n characters of it) that no row of cmd has. */
static wf_status unknown_option(const cli_opts *o, const char *name, size_t n,
                                const char *prog, wf_diag *d)
{
    const cli_option *near = NULL, *other = NULL;
    char nm[64];
    int best = 3;
    snprintf(nm, sizeof nm, "%.*s", (int)n, name);
    for (size_t i = 0; i < NOPTIONS; i++) {
        const cli_option *opt = &options[i];
        int dist;
        if (!strcmp(opt->name, nm)) {
            other = opt;
            continue;
        }
        if (!takes(opt, o->cmd, o->c_program)) continue;
        dist =
            !strncmp(opt->name, nm, strlen(nm)) ? 0 : distance(nm, opt->name);
        if (dist < best) {
            best = dist;
            near = opt;
        }
    }
    if (other) {
        buf b;
        uint32_t mask = 0;
        wf_status st;
        for (size_t i = 0; i < NOPTIONS; i++)
            if (!strcmp(options[i].name, nm) &&
                (options[i].where == W_BOTH ||
                 (options[i].where == W_C) == o->c_program))
                mask |= options[i].cmds;
        buf_init(&b);
        commands_text(&b, mask, o->c_program);
        st = b.len ? diag_set(d, "", 0, 0, "--%s belongs to %s, not %s", nm,
                              b.p, o->cmd_name)
                   : diag_set(d, "", 0, 0, "--%s is not an option of %s", nm,
                              o->c_program ? "a C program" : "weft");
        buf_fini(&b);
        return st;
    }
    if (near)
        return diag_set(d, "", 0, 0,
                        "unknown option '--%s' (did you mean --%s? names are "
                        "never abbreviated)",
                        nm, near->name);
    return diag_set(d, "", 0, 0, "unknown option '--%s' (try %s %s --help)", nm,
                    prog, o->cmd_name);
}

static const cli_option *find_long(const cli_opts *o, const char *name,
                                   size_t n)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (strlen(options[i].name) == n &&
            !strncmp(options[i].name, name, n) &&
            takes(&options[i], o->cmd, o->c_program))
            return &options[i];
    return NULL;
}

static const cli_option *find_short(const cli_opts *o, char c)
{
    for (size_t i = 0; i < NOPTIONS; i++)
        if (options[i].letter == c && takes(&options[i], o->cmd, o->c_program))
            return &options[i];
    return NULL;
}

/* Record and apply option opt with value v. */
static wf_status give(const cli_option *opt, const char *spelt, const char *v,
                      cli_opts *o, wf_diag *d)
{
    o->given[opt - options] = v ? v : "";
    return apply(opt, spelt, v, o, d);
}

/* Parse the option word argv[*i] (and its value, which may be the next
 * word). */
static wf_status parse_option(int argc, char **argv, int *i, cli_opts *o,
                              const char *prog, wf_diag *d)
{
    const char *a = argv[*i];
    char spelt[72];
    /* Go's flag package spells long options with one dash too (go test
     * -run RE, -run=RE): a word naming a long option is one */
    bool go_long = a[1] != '-' && a[1] && a[2] && a[2] != '=' &&
                   find_long(o, a + 1, strcspn(a + 1, "=")) != NULL;
    if (a[1] == '-' || go_long) {
        const char *name = a + (go_long ? 1 : 2), *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        const cli_option *opt = find_long(o, name, n);
        const char *v = NULL;
        if (!opt) return unknown_option(o, name, n, prog, d);
        snprintf(spelt, sizeof spelt, "--%s", opt->name);
        if (!opt->arg) {
            if (eq)
                return diag_set(d, "", 0, 0, "%s takes no value ('%s')", spelt,
                                a);
        } else if (eq) {
            v = eq + 1;
        } else if (*i + 1 < argc) {
            v = argv[++*i];
        } else {
            return diag_set(d, "", 0, 0, "%s needs a value (%s %s)", spelt,
                            spelt, opt->arg);
        }
        return give(opt, spelt, v, o, d);
    }
    /* -x, -xVALUE, -x VALUE, and letters grouped: -qv */
    for (const char *p = a + 1; *p; p++) {
        const cli_option *opt = find_short(o, *p);
        wf_status st;
        if (!opt)
            return diag_set(d, "", 0, 0,
                            "unknown option '-%c' in '%s' (try %s %s --help)",
                            *p, a, prog, o->cmd_name);
        snprintf(spelt, sizeof spelt, "-%c", *p);
        if (!opt->arg) {
            if ((st = give(opt, spelt, NULL, o, d)) != WF_OK) return st;
            continue;
        }
        if (p[1]) return give(opt, spelt, p + 1, o, d);
        if (*i + 1 >= argc)
            return diag_set(d, "", 0, 0, "%s needs a value (%s %s)", spelt,
                            spelt, opt->arg);
        return give(opt, spelt, argv[++*i], o, d);
    }
    return WF_OK;
}

/* The checks across options, once all are read. */
static wf_status check_opts(const cli_opts *o, bool want_file, wf_diag *d)
{
    if (o->cmd == CMD_RUN && o->strategy_set &&
        (o->strategy == WF_STRATEGY_DFS || o->strategy == WF_STRATEGY_DPOR))
        return diag_set(d, "", 0, 0,
                        "run takes --strategy random, pct or rr (use explore "
                        "for %s)",
                        o->strategy == WF_STRATEGY_DFS ? "dfs" : "dpor");
    if ((o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES ||
         o->cmd == CMD_TEST) &&
        o->strategy_set && o->strategy == WF_STRATEGY_RR)
        return diag_set(d, "", 0, 0,
                        "%s takes --strategy dpor, dfs, random or pct (rr "
                        "belongs to run)",
                        o->cmd_name);
    if (o->cmd == CMD_REPLAY && !o->schedule && !want_file)
        return diag_set(d, "", 0, 0, "replay needs --schedule S");
    if (o->cmd == CMD_REPORT && !o->html_path)
        return diag_set(d, "", 0, 0, "report needs --html FILE");
    if ((o->jobs > 0 || o->shard_n > 0) && o->cmd != CMD_TEST &&
        o->strategy_set && o->strategy != WF_STRATEGY_DPOR &&
        o->strategy != WF_STRATEGY_DFS)
        return diag_set(d, "", 0, 0,
                        "-j and --shard cut an exhaustive search (dpor, dfs), "
                        "not %s",
                        report_strategy_name(o->strategy));
    if (o->shard_n > 0 && !o->db && o->cmd != CMD_TEST)
        return diag_set(d, "", 0, 0,
                        "--shard %d/%d needs --db PATH: weft merge joins the "
                        "shards' databases",
                        o->shard_i, o->shard_n);
    if ((o->jobs > 0 || o->shard_n > 0) && o->record_all)
        return diag_set(d, "", 0, 0,
                        "--record all keeps every execution of one search; "
                        "with -j or --shard, --record findings");
    return WF_OK;
}

/* The operands: FILE or DB, the program's arguments after `--`, test's
 * paths, help's command. ops[0..n) in order; dd: how many came before
 * `--` (n when there was none); rest: argv after `--`. */
static wf_status take_operands(cli_opts *o, bool want_file, char **ops,
                               size_t n, size_t dd, char **rest, int nrest,
                               wf_diag *d)
{
    size_t first_arg;
    if (o->cmd == CMD_TEST) {
        for (size_t i = 0; i < n; i++)
            VEC_PUSH(o->paths, ops[i]);
        return WF_OK;
    }
    if (o->cmd == CMD_MERGE) {
        if (n < 2)
            return diag_set(d, "", 0, 0,
                            "merge needs OUT.db and the shards' databases");
        o->file = ops[0];
        for (size_t i = 1; i < n; i++)
            VEC_PUSH(o->paths, ops[i]);
        return WF_OK;
    }
    if (o->cmd == CMD_HELP) {
        if (n > 1)
            return diag_set(d, "", 0, 0, "help takes one command, not '%s'",
                            ops[1]);
        if (n && (o->help_cmd = cli_command(ops[0])) == CMD_NONE)
            return diag_set(d, "", 0, 0, "no command '%s' (try %s)", ops[0],
                            want_file ? "weft help" : "help");
        if (o->help_cmd && !want_file && !command_of(o->help_cmd)->c_too)
            return diag_set(d, "", 0, 0,
                            "'%s' is a command of weft, not of a C program",
                            ops[0]);
        return WF_OK;
    }
    if (o->cmd == CMD_VERSION) {
        if (n) return diag_set(d, "", 0, 0, "unexpected argument '%s'", ops[0]);
        return WF_OK;
    }
    first_arg = 0;
    if (want_file) {
        if (!n)
            return diag_set(d, "", 0, 0, "%s needs a %s argument", o->cmd_name,
                            o->cmd == CMD_LIST || o->cmd == CMD_VIEW ? "DB"
                                                                     : "FILE");
        o->file = ops[0];
        first_arg = 1;
    }
    if (dd > first_arg)
        return diag_set(d, "", 0, 0, "unexpected argument '%s'%s",
                        ops[first_arg],
                        want_file ? ""
                                  : " (the program's arguments come "
                                    "after --)");
    if (want_file && dd == 0 && nrest > 0) { /* -- FILE ARGS... */
        rest++;
        nrest--;
    }
    if (n > first_arg) {
        /* A Go program's arguments (os.Args[1:]) as `go run f.go a b`
         * passes them; Go's test harness runs tests that way. */
        if (!(C(o->cmd) & C_RUNS))
            return diag_set(d, "", 0, 0,
                            "unexpected argument '%s' (%s passes no "
                            "arguments to the program)",
                            ops[first_arg], o->cmd_name);
        o->prog_argc = nrest;
        o->prog_argv = rest;
    }
    return WF_OK;
}

wf_status cli_parse(int argc, char **argv, int first, bool want_file,
                    cli_opts *o, wf_diag *d)
{
    int i = first;
    const char *prog = want_file ? "weft" : argc > 0 ? argv[0] : "prog";
    const char *a;
    VEC(char *) ops = {NULL, 0, 0};
    size_t dd = SIZE_MAX;
    char **rest = NULL;
    int nrest = 0;
    wf_status st = WF_OK;
    defaults(o);
    o->c_program = !want_file;
    if (i >= argc)
        return diag_set(d, "", 0, 0, "no command given (try %s --help)", prog);
    a = argv[i];
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
        o->cmd = CMD_HELP;
        o->help = true;
    } else if (!strcmp(a, "--version")) {
        o->cmd = CMD_VERSION;
        o->version = true;
    } else if (a[0] == '-') {
        return diag_set(d, "", 0, 0,
                        "'%s' before the command: options follow it (%s "
                        "COMMAND [options]; try %s --help)",
                        a, prog, prog);
    } else if ((o->cmd = cli_command(a)) == CMD_NONE ||
               (!want_file && !command_of(o->cmd)->c_too)) {
        if (o->cmd != CMD_NONE)
            return diag_set(d, "", 0, 0,
                            "'%s' is a command of weft, not of a C program", a);
        return diag_set(d, "", 0, 0, "unknown command '%s' (try %s --help)", a,
                        prog);
    }
    o->cmd_name = command_of(o->cmd)->name;
    if (o->cmd == CMD_HELP) o->help = true;
    if (o->cmd == CMD_VERSION) o->version = true;
    for (i++; i < argc && st == WF_OK; i++) {
        a = argv[i];
        if (dd == SIZE_MAX && !strcmp(a, "--")) {
            dd = ops.len;
            rest = argv + i + 1;
            nrest = argc - i - 1;
        } else if (dd == SIZE_MAX && a[0] == '-' && a[1]) {
            st = parse_option(argc, argv, &i, o, prog, d);
        } else {
            VEC_PUSH(ops, argv[i]);
        }
    }
    if (st == WF_OK && (o->cmd == CMD_HELP || o->cmd == CMD_VERSION)) {
        st = take_operands(o, want_file, ops.p, ops.len, ops.len, NULL, 0, d);
    } else if (st == WF_OK && !o->help && !o->version) {
        st = take_operands(o, want_file, ops.p, ops.len,
                           dd == SIZE_MAX ? ops.len : dd, rest, nrest, d);
        if (st == WF_OK) st = check_opts(o, want_file, d);
    }
    VEC_FREE(ops);
    return st;
}

wf_status cli_parse_file_flags(cli_cmd cmd, const char *file, char **words,
                               int n, const cli_opts *over, cli_opts *o,
                               wf_diag *d)
{
    wf_status st = WF_OK;
    defaults(o);
    o->cmd = cmd;
    o->cmd_name = command_of(cmd)->name;
    o->file = file;
    for (int i = 0; i < n && st == WF_OK; i++) {
        if (words[i][0] != '-' || !words[i][1])
            return diag_set(d, "", 0, 0, "'%s' is not an option", words[i]);
        st = parse_option(n, words, &i, o, "weft", d);
    }
    /* test's --shard picks the files, not the parts of each search */
    for (size_t i = 0; i < NOPTIONS && st == WF_OK && over; i++)
        if (over->given[i] && takes(&options[i], cmd, false) &&
            !(over->cmd == CMD_TEST && options[i].fn == set_shard)) {
            char spelt[72];
            snprintf(spelt, sizeof spelt, "--%s", options[i].name);
            st = give(&options[i], spelt,
                      options[i].arg ? over->given[i] : NULL, o, d);
        }
    if (st == WF_OK) st = check_opts(o, true, d);
    return st;
}

void cli_opts_fini(cli_opts *o)
{
    VEC_FREE(o->paths);
}

/* ---- help -------------------------------------------------------------- */

void cli_version(FILE *f, const char *prog)
{
    fprintf(f, "%s %s\n", prog, CLI_VERSION);
}

/* One option's lines: "  -q, --quiet      text", the text wrapped at
 * column 79 and its continuations aligned under it. */
static void option_help(FILE *f, const cli_option *opt)
{
    enum { COL = 30, WIDTH = 79 };
    char left[64];
    const char *h = opt->help;
    int n, at;
    if (opt->letter)
        n = snprintf(left, sizeof left, "  -%c, --%s%s%s", opt->letter,
                     opt->name, opt->arg ? " " : "", opt->arg ? opt->arg : "");
    else
        n = snprintf(left, sizeof left, "      --%s%s%s", opt->name,
                     opt->arg ? " " : "", opt->arg ? opt->arg : "");
    fputs(left, f);
    if (n > COL - 2) {
        fputc('\n', f);
        n = 0;
    }
    fprintf(f, "%*s", COL - n, "");
    at = COL;
    while (*h) {
        size_t w = strcspn(h, " ");
        if (at > COL && at + 1 + (int)w > WIDTH) {
            fprintf(f, "\n%*s", COL, "");
            at = COL;
        } else if (at > COL) {
            fputc(' ', f);
            at++;
        }
        fprintf(f, "%.*s", (int)w, h);
        at += (int)w;
        h += w;
        while (*h == ' ')
            h++;
    }
    fputc('\n', f);
}

void cli_help(FILE *f, const char *prog, cli_cmd cmd, bool c_program)
{
    const command_desc *c = command_of(cmd);
    if (!c) {
        fprintf(f, "usage: %s COMMAND [options]%s\n", prog,
                c_program ? " [-- ARGS...]" : " [FILE | DB | PATH...]");
        fputs(c_program ? "A concurrent C program run by weft's scheduler: "
                          "every interleaving\nexplored, deadlocks, races "
                          "and leaks found, each with a schedule that\n"
                          "replays it.\n"
                        : "weft runs concurrent Go programs (and C through "
                          "sim/weft.h) on a\ndeterministic scheduler, "
                          "explores their interleavings and reports\n"
                          "deadlocks, races, panics, leaks, livelocks and "
                          "starvation, each with a\nschedule that replays "
                          "it.\n",
              f);
        fputs("commands:\n", f);
        for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
            if (!c_program || commands[i].c_too)
                fprintf(f, "  %-9s %s\n", commands[i].name,
                        commands[i].summary);
        fputs("options of every command:\n", f);
        for (size_t i = 0; i < NOPTIONS; i++)
            if (options[i].cmds == C_ALL) option_help(f, &options[i]);
        fprintf(f,
                "'%s help COMMAND' (or '%s COMMAND --help') lists the "
                "options of COMMAND.\n",
                prog, prog);
        return;
    }
    if (c_program)
        fprintf(f, "usage: %s %s%s [options]%s\n", prog, c->name,
                cmd == CMD_REPLAY ? " --schedule S" : "",
                cmd == CMD_RUN || cmd == CMD_EXPLORE || cmd == CMD_OUTCOMES ||
                        cmd == CMD_REPLAY
                    ? " [-- ARGS...]"
                    : "");
    else
        fprintf(f, "usage: %s %s%s%s [options]\n", prog, c->name,
                *c->operands ? " " : "", c->operands);
    fputs(c->about, f);
    for (int g = 0; g < G_COUNT; g++) {
        bool head = false;
        for (size_t i = 0; i < NOPTIONS; i++) {
            if (options[i].group != g || !takes(&options[i], cmd, c_program))
                continue;
            if (!head) fprintf(f, "%s:\n", group_names[g]);
            head = true;
            option_help(f, &options[i]);
        }
    }
    if (C(cmd) & C_RUNS)
        fputs("exit status: 0 nothing found, 1 a finding, 2 bad usage or "
              "input,\n3 internal error.\n",
              f);
    else if (cmd == CMD_LIST || cmd == CMD_VIEW || cmd == CMD_PLAY ||
             cmd == CMD_REPORT)
        fputs("exit status: 0, or 2 for bad usage or input.\n", f);
}

int cli_help_or_version(const cli_opts *o, const char *prog)
{
    if (o->version) {
        if (o->c_program)
            printf("%s (weft %s)\n", prog, CLI_VERSION);
        else
            cli_version(stdout, prog);
        return 0;
    }
    if (!o->help) return -1;
    cli_help(stdout, prog, o->cmd == CMD_HELP ? o->help_cmd : o->cmd,
             o->c_program);
    return 0;
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

/* stop_reason in words. */
static const char *stop_words(const char *why)
{
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
            printf("%s at step %llu\n", stop_words(why),
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
    printf(", %llu steps, %.2fs: ", (unsigned long long)x->steps, secs);
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
        printf("%s, preemption bound %d fully explored", stop_words(why),
               x->bound);
    else if (why)
        printf("%s", stop_words(why));
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

/* cli_exit_soon: the explorer left to the process's exit, and whether
 * to leave one (main's thread only: set before the command runs). */
static bool exit_soon;
static explorer *left_to_exit;

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

wf_status cli_explore(const cli_opts *o, const program *p, explorer **out,
                      wf_diag *d)
{
    explore_opts eo;
    explorer *x;
    checkers *ck;
    wf_status st;
    stop_ctx sc;
    atomic_int *word = halt_word_new();
    halt_timer *limit;
    cli_explore_options(o, &eo);
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
} engine_stat;

typedef struct unit_ctx {
    parts_run *pr;
    size_t u;
    int64_t seen, last;
    program *wp;     /* the engine's program */
    engine_stat *es; /* ... and its count */
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
    if (n > c->seen && pr->gifts && x->dp && !x->restart &&
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

/* Run unit u on program wp. */
static void run_unit(parts_run *pr, program *wp, size_t u, engine_stat *es)
{
    explore_opts eo = pr->eo;
    explorer *x;
    checkers *ck;
    unit_ctx c = {pr, u, 0, 0, wp, es};
    dpor_result *ret = NULL;
    size_t k;
    dpor_gift *gift;
    wf_status st;
    wf_diag d;
    pthread_mutex_lock(&pr->mu);
    k = pr->units.p[u].part;
    gift = pr->units.p[u].gift;
    pr->units.p[u].gift = NULL;
    pthread_mutex_unlock(&pr->mu);
    eo.prefix = pr->plan->parts.p[k].prefix;
    if (pr->budget > 0) {
        pthread_mutex_lock(&pr->mu);
        eo.max_executions = pr->budget - pr->used;
        pthread_mutex_unlock(&pr->mu);
    }
    eo.iterative = false; /* one unbounded round: sleep sets hold */
    eo.minimize = false;  /* the part's, once its units are joined */
    eo.should_stop = unit_stop;
    eo.stop_ctx = &c;
    x = explore_new(wp, &eo);
    if (eo.strategy == WF_STRATEGY_DPOR) {
        x->dp = dpor_new();
        dpor_prefix_siblings_done(x->dp, true);
        part_give_siblings(&pr->plan->parts.p[k], x->dp);
        if (gift) dpor_take_gift(x->dp, gift);
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
    }
    if (pr->budget > 0 && x->executions > 0) {
        /* (a part that ran no execution is a prefix the single search
         * never takes: its abandoned starts are the cut's, not the
         * search's) */
        pthread_mutex_lock(&pr->mu);
        pr->used += explore_started(x);
        pthread_mutex_unlock(&pr->mu);
    }
    if (x->dp) ret = dpor_take_result(x->dp);
    checkers_finish(ck, x);
    checkers_free(ck);
    es->units++;
    es->executions += (uint64_t)x->executions;
    es->blocked += x->blocked;
    pthread_mutex_lock(&pr->mu);
    pr->units.p[u].res = x;
    pr->units.p[u].ret = ret;
    pr->units.p[u].done = true;
    pr->units.p[u].st = st;
    pr->units.p[u].d = d;
    pthread_cond_broadcast(&pr->cv);
    if (--pr->left[k] == 0) VEC_PUSH(pr->todo, JOIN_TASK(k));
    pthread_mutex_unlock(&pr->mu);
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
    if (pr->st[k] == WF_OK)
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
    engine_stat es = {0, 0, 0};
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
                   "sleep-set-blocked, %.3fs CPU\n",
                   pr->nengines++, (unsigned long long)es.units,
                   (unsigned long long)es.executions,
                   (unsigned long long)es.blocked, thread_cpu());
    pthread_mutex_unlock(&pr->mu);
    /* the results point at nothing of wp: strings are the explorer's */
    if (h && pr->src->release) pr->src->release(h);
    return NULL;
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
    base.should_stop = NULL;
    base.stop_ctx = NULL;
    base.after_exec = NULL;
    base.after_ctx = NULL;
    *out = NULL;
    if ((st = part_plan_make(p, &base, PART_WANT, &plan, d)) != WF_OK)
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
    pr.gifts = base.max_executions <= 0 && base.preemptions < 0 &&
               base.strategy == WF_STRATEGY_DPOR;
    pr.every = GIFT_EVERY;
    {
        /* the tests make small searches give work away */
        const char *ge = getenv("WEFT_GIFT_EVERY");
        if (ge && atoi(ge) > 0) pr.every = atoi(ge);
    }
    pr.res = wf_xcalloc(plan.parts.len + 1, sizeof *pr.res);
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
    free(pr.st);
    free(pr.d);
    free(pr.left);
    free(order);
    free(shard_of);
    pthread_cond_destroy(&pr.cv);
    pthread_mutex_destroy(&pr.mu);
    part_plan_fini(&plan);
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

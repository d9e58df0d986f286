/* cli_opts.c: the command line's commands and options (cli.h): the one
 * table of options that drives parsing and --help, the parser
 * (getopt_long's conventions), the "did you mean" suggestions, and the
 * help and version text. Running a command is cli.c's. */
#include "cli.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checkers.h"

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
     "TestXxx,\nand ExampleXxx with an // Output: comment (output compared). "
     "A DIR is a\npackage: its main program, or its tests if it is not main.\n"},
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
     "runs on every explored interleaving (-run selects),\nand each "
     "ExampleXxx with an // Output: comment, its output compared on\nevery "
     "interleaving as go test compares it. A PATH is a file, a directory\n"
     "(walked) or a pattern, ./... or ./pkg/...\n"
     "Options given here apply to every file and win over its // weft: "
     "flags.\nA search that ends complete on a program that sleeps or "
     "waits on a timer\nof 1 ms or more is followed by one where those "
     "may end before the work\naround them: of it, only data races are "
     "reported, each with a timing: line.\nEnds with \"N passed, N failed\".\n"},
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
    {"merge", CMD_MERGE, true, "OUT.db SHARD.db...",
     "join the shards of one search into its database",
     "Join the shards of one cut exploration (explore --shard I/N --db "
     "SHARD.db,\neach of 1/N .. N/N once) into OUT.db: the summary, "
     "findings, witness runs\nand outcomes the unsharded search gives, and "
     "print its report. The\nprogram is compiled again to record the "
     "witnesses (it must be unchanged); a C\nprogram merges its own "
     "shards (./prog merge OUT.db SHARD.db...).\n"},
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
    K_SECS,   /* double >= 0 */
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
    /* one row for run, one for the searches: --help lists only what the
     * command accepts (check_opts says which command takes the rest) */
    {.name = "strategy",
     .arg = "K",
     .cmds = C(CMD_RUN),
     .group = G_CHOOSE,
     .kind = K_FN,
     .fn = set_strategy,
     .help = "random (the default), pct, rr (round robin)"},
    {.name = "strategy",
     .arg = "K",
     .cmds = C_EXEC & ~C(CMD_REPLAY) & ~C(CMD_RUN),
     .group = G_CHOOSE,
     .kind = K_FN,
     .fn = set_strategy,
     .help = "dpor (the default: exhaustive with reduction), dfs "
             "(exhaustive), random, pct"},
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
     .help = "stop after SECS seconds of real time (or a duration: "
             "90s, 500ms, 2m; within 5%), whatever the program does; "
             "explore, outcomes and test stop after 60 (per file or test "
             "function: a cut, not a failure) unless told; 0: no limit"},
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
     .help = "timers in deadline order, sleeps and timers under 1 ms "
             "early (strict), or all as mere scheduling points"},
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
     .cmds = C_RUNS | C(CMD_LIST) | C(CMD_MERGE),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(json),
     .help = "one JSON object on stdout, nothing else there"},
    {.name = "json",
     .cmds = C(CMD_TEST),
     .group = G_OUTPUT,
     .kind = K_FLAG,
     .off = OFF(json),
     .help = "go test -json's event lines on stdout, one JSON object a "
             "line, nothing else there"},
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
             "cores), each file's search on one engine, the output the "
             "same as with -j 1, in file order; explore, outcomes: the "
             "search gives work to N engines as it runs (default: the "
             "number of cores; -j 1: one engine), the same executions, "
             "findings and outcomes for every N (the dpor search's "
             "unbounded round; its bounded rounds, --preemptions, "
             "--max-executions and dfs run on one engine)"},
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
     .help = "write the page there (-: standard output)"},
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
    return diag_set(d, "", 0, 0, "unknown strategy '%s' for %s (%s)", v,
                    spelt,
                    o->cmd == CMD_RUN ? "random, pct, rr"
                                      : "dpor, dfs, random, pct");
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

/* --time-limit SECS: a number of seconds ("90", "1.5") or a duration as
 * Go's time.ParseDuration reads it ("2s", "500ms", "1m30s", "1h"). */
static bool parse_secs(const char *v, double *out)
{
    static const struct {
        const char *unit;
        double secs;
    } u[] = {{"ns", 1e-9}, {"us", 1e-6}, {"\xc2\xb5s", 1e-6}, {"ms", 1e-3},
             {"s", 1},     {"m", 60},    {"h", 3600}};
    double total = 0;
    const char *c = v;
    bool plain = *v && strspn(v, "0123456789.") == strlen(v);
    if (!*c) return false;
    while (*c) {
        char num[64];
        size_t i, n = strspn(c, "0123456789.");
        if (!n || n >= sizeof num || !strcmp(c, ".")) return false;
        memcpy(num, c, n);
        num[n] = '\0';
        if (strchr(num, '.') != strrchr(num, '.')) return false;
        c += n;
        if (plain) {
            total = strtod(num, NULL); /* a plain number: seconds */
            break;
        }
        for (i = 0; i < sizeof u / sizeof u[0]; i++) {
            size_t k = strlen(u[i].unit);
            if (!strncmp(c, u[i].unit, k) &&
                (!c[k] || strchr("0123456789.", c[k])))
                break;
        }
        if (i == sizeof u / sizeof u[0]) return false;
        total += strtod(num, NULL) * u[i].secs;
        c += strlen(u[i].unit);
    }
    if (!(total >= 0 && total < 1e12)) return false;
    *out = total;
    return true;
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
    if (x > 0 && !errno && end != v && !*end && x < 1048576)
        /* "--max-memory 512" meant 512M: every execution would be cut at
         * its start, and a search of nothing but cuts exits 0 */
        return diag_set(d, "", 0, 0,
                        "%s %s is %s bytes, too small for any program: "
                        "give a unit (%sM for megabytes, %sG for gigabytes)",
                        spelt, v, v, v, v);
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
    case K_SECS:
        if (parse_secs(v, (double *)field(o, opt))) return WF_OK;
        return diag_set(d, "", 0, 0,
                        "%s needs a number of seconds or a duration as go "
                        "test -timeout takes it (90, 1.5, 2s, 500ms, 1m30s; "
                        "0: none), not '%s'",
                        spelt, v);
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
    o->time_limit = -1;
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

/* The command nearest to a mistyped one (exlpore, tset), or NULL. */
static const char *near_command(const char *a, bool want_file)
{
    const char *near = NULL;
    int best = 3;
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        int dist;
        if (!want_file && !commands[i].c_too) continue;
        dist = distance(a, commands[i].name);
        if (dist < best && dist < (int)strlen(commands[i].name)) {
            best = dist;
            near = commands[i].name;
        }
    }
    return near;
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
        if (!opt && !a[2])
            return diag_set(d, "", 0, 0,
                            "unknown option '%s' (try %s %s --help)", a, prog,
                            o->cmd_name);
        /* -see, -record: a long option in Go's spelling, misspelt or
         * another command's */
        if (!opt && p == a + 1)
            return unknown_option(o, a + 1, strcspn(a + 1, "="), prog, d);
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
/* --time-limit not given: CLI_TIME_LIMIT for the searches (explore,
 * outcomes, test and the files it runs), none for the rest. */
static void time_limit_default(cli_opts *o)
{
    if (o->time_limit >= 0)
        return;
    o->time_limit_default = o->cmd == CMD_EXPLORE || o->cmd == CMD_OUTCOMES ||
                            o->cmd == CMD_TEST;
    o->time_limit = o->time_limit_default ? CLI_TIME_LIMIT : 0;
}

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
        if (n && (o->help_cmd = cli_command(ops[0])) == CMD_NONE) {
            const char *near = near_command(ops[0], want_file);
            if (near)
                return diag_set(d, "", 0, 0,
                                "no command '%s' (did you mean %s?)", ops[0],
                                near);
            return diag_set(d, "", 0, 0, "no command '%s' (try %s)", ops[0],
                            want_file ? "weft help" : "help");
        }
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
            return diag_set(d, "", 0, 0, "%s needs a %s argument (usage: "
                            "%s %s %s)",
                            o->cmd_name,
                            o->cmd == CMD_LIST || o->cmd == CMD_VIEW ||
                                    o->cmd == CMD_REPORT
                                ? "DB"
                            : o->cmd == CMD_REPLAY ? "FILE, DIR or DB"
                            : o->cmd == CMD_PLAY   ? "FILE"
                                                   : "FILE or DIR",
                            "weft", o->cmd_name, command_of(o->cmd)->operands);
        o->file = ops[0];
        first_arg = 1;
    }
    if (dd > first_arg)
        return diag_set(d, "", 0, 0, "unexpected argument '%s'%s",
                        ops[first_arg],
                        !want_file ? " (the program's arguments come "
                                     "after --)"
                        : C(o->cmd) & C_RUNS
                            ? " (one FILE or DIR; the program's arguments "
                              "come after --)"
                            : "");
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
        if (near_command(a, want_file))
            return diag_set(d, "", 0, 0,
                            "unknown command '%s' (did you mean %s %s?)", a,
                            prog, near_command(a, want_file));
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
    time_limit_default(o);
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
    time_limit_default(o);
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
        fprintf(f, "usage: %s %s%s%s [options]%s\n", prog, c->name,
                *c->operands ? " " : "", c->operands,
                cmd == CMD_RUN || cmd == CMD_EXPLORE || cmd == CMD_OUTCOMES
                    ? " [-- ARGS...]" /* os.Args of the program */
                    : "");
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
    if (C(cmd) & (C_RUNS | C(CMD_MERGE)))
        fputs("exit status: 0 nothing found (a warning counts with --strict "
              "only),\n1 a finding of error severity, 2 bad usage or input, "
              "3 internal error,\n130 interrupted by Ctrl-C (143 by SIGTERM).\n",
              f);
    else if (cmd == CMD_TEST)
        fputs("exit status: 0 all passed, 1 some failed, 2 bad usage or "
              "input, 3 internal\nerror, 130 interrupted by Ctrl-C (143 by "
              "SIGTERM).\n",
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

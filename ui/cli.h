/* cli.h: the command line shared by `weft` and wf_main (SPEC section 4):
 * the commands, one table of options that drives both parsing and --help,
 * running a command on a program, printing the result.
 * Owns: nothing global. cli_opts strings point into argv (borrowed), or
 *   into static tables; its vectors are freed by cli_opts_fini.
 *
 * Conventions (getopt_long's, as users of GNU tools expect them):
 *   --name VALUE and --name=VALUE; a flag given a value is refused;
 *   -x VALUE and -xVALUE for the one-letter forms, which may be grouped
 *   (-qv); `--` ends the options (what follows are operands); options and
 *   operands may come in any order after the command; an option given
 *   twice keeps its last value. Unlike getopt_long, a name is never
 *   abbreviated: --see is refused, with "did you mean --seed?".
 *
 * Adding an option: a field in cli_opts and a row in cli_opts.c's table
 * (`options[]`): its name, the commands that take it, the help group and
 * line, and how its value is read (a kind and the field's offset, or a
 * function). Parsing, --help, the "belongs to" message and weft test's
 * handing of command-line options to every file all follow the row. */
#ifndef WF_CLI_H
#define WF_CLI_H

#include <stdio.h>

#include "checker/report.h"
#include "sim/explore.h"

#define CLI_VERSION "0.1"

/* The commands; CLI_NCMDS counts them. */
typedef enum cli_cmd {
    CMD_NONE,
    CMD_RUN,
    CMD_EXPLORE,
    CMD_OUTCOMES,
    CMD_REPLAY,
    CMD_TEST,
    CMD_LIST,
    CMD_VIEW,
    CMD_PLAY,
    CMD_REPORT,
    CMD_MERGE,
    CMD_HELP,
    CMD_VERSION,
    CMD_CC, /* weft cc: ui/main.c hands it to ui/cccmd.c before parsing */
    CLI_NCMDS
} cli_cmd;

/* Room for the rows of the option table (cli_opts.c asserts it fits). */
#define CLI_MAX_OPTIONS 64

/* weft test's output formats (--format). */
typedef enum cli_format { CLI_FORMAT_TEXT, CLI_FORMAT_GITHUB } cli_format;

/* The time limit of explore, outcomes and test (per file or test
 * function) when --time-limit is not given: a search of an infinite tree
 * (a back-off loop, a server) ends, cut, not failed, as go test's
 * -timeout bounds a test binary. */
#define CLI_TIME_LIMIT 60 /* cli.c's stop_words says it */

typedef struct cli_opts {
    cli_cmd cmd;
    const char *cmd_name;
    bool c_program;          /* parsed for wf_main: no FILE, C-only options */
    const char *file;        /* FILE or DB argument, NULL for wf_main */
    VEC(const char *) paths; /* weft test PATH ... */
    cli_cmd help_cmd;        /* weft help CMD: the command (CMD_NONE: all) */
    /* choosing executions */
    bool strategy_set;
    wf_strategy_kind strategy;
    uint64_t seed;
    const char *schedule;
    int64_t pct_depth;
    /* budgets */
    int64_t max_executions;
    uint64_t max_steps;
    uint64_t max_memory; /* --max-memory: bytes per execution; 0 default */
    int64_t preemptions; /* -1: unbounded */
    double time_limit;       /* seconds, 0: none (-1 while parsing: unset) */
    bool time_limit_default; /* time_limit is CLI_TIME_LIMIT, not given */
    /* semantics: the index of the value among the option's choices */
    int cond_any, mutex_fifo, time_loose;
    bool spurious;
    /* liveness */
    int64_t livelock_window;   /* --livelock-window W (0: off) */
    int64_t starvation_bypass; /* --starvation-bypass B (0: off) */
    /* output */
    bool json, quiet, strict, metrics, verbose, help, version;
    int format;             /* cli_format */
    const char *junit_path; /* --junit FILE */
    const char *sarif_path; /* --sarif FILE */
    const char *html_path;  /* report --html FILE, test --html DIR */
    /* database */
    const char *db;
    int record_all;      /* --record findings (0) | all (1) */
    int64_t run_id;      /* --run-id ID of a database's run, -1 none */
    int64_t finding_k;   /* --finding K */
    int64_t compare_run; /* --compare-run ID: replay checks events against
                          * run ID of --db (ui/record.h) */
    bool use_file;       /* replay DB: the file on disk, not the kept source */
    /* programs */
    const char *run_re; /* --run REGEXP: the tests run */
    const char *go_version;
    /* weft play (ui/playtty.h) */
    const char *save_path; /* --save FILE: where s appends replay lines */
    int64_t hint_budget;   /* --hint-budget N: steps; -1: the default */
    /* the viewer's headless mode, for tests and benches (ui/view.h) */
    bool view_first_ms, view_dump, view_ascii;
    const char *view_keys;
    int64_t view_w, view_h;
    /* parallel and distributed */
    int64_t jobs;         /* -j N; 0: not given (cli_jobs gives the default) */
    int shard_i, shard_n; /* --shard I/N (1-based), 0/0 when not given */
    int prog_argc;        /* the program's arguments, after `--` */
    char **prog_argv;
    /* given[i]: the value option i of the table was given on the command
     * line ("" for a flag), NULL if it was not */
    const char *given[CLI_MAX_OPTIONS];
} cli_opts;

/* Parse argv[first..argc): the command, then its options and operands.
 * want_file: weft (a FILE or DB operand follows the command) rather than
 * wf_main (a C program: no FILE, the program's arguments after `--`).
 * --help, -h, help CMD, --version and version set o->help or o->version
 * and need nothing else. Returns WF_OK or WF_ERR_INPUT with d set (the
 * message names the option and, for an unknown one, the nearest). */
wf_status cli_parse(int argc, char **argv, int first, bool want_file,
                    cli_opts *o, wf_diag *d);
/* Parse words[0..n) as options of command cmd for a file (weft test's
 * `// weft:` lines: no operands), then apply over them every option that
 * `over` was given on its command line and cmd takes, so the command line
 * wins. */
wf_status cli_parse_file_flags(cli_cmd cmd, const char *file, char **words,
                               int n, const cli_opts *over, cli_opts *o,
                               wf_diag *d);
void cli_opts_fini(cli_opts *o);
/* Print the help of command cmd (CMD_NONE: the general help) for program
 * prog; c_program: the commands and options of a wf_main program. Every
 * option the command takes is listed, from the option table. */
void cli_help(FILE *f, const char *prog, cli_cmd cmd, bool c_program);
/* Print "PROG VERSION". */
void cli_version(FILE *f, const char *prog);
/* When o asks for help or the version, print it on stdout and return 0;
 * otherwise -1. */
int cli_help_or_version(const cli_opts *o, const char *prog);
/* The command named s, or CMD_NONE. */
cli_cmd cli_command(const char *s);
/* Where -j's engines get a program each: make() gives a fresh copy of the
 * program (the VM's inline caches are not to be shared by threads) and a
 * handle for release(). NULL make (a C program, whose globals are the
 * process's): the parts run on one engine. */
typedef struct cli_progsrc {
    bool (*make)(void *ctx, program *out, void **handle);
    void (*release)(void *handle);
    void *ctx;
} cli_progsrc;

/* Run command o->cmd (run, explore, outcomes, replay) on p. replay_prefix
 * is what precedes the schedule in "replay:" lines. Prints the result and
 * returns the exit status. */
int cli_execute(const cli_opts *o, const program *p, const char *replay_prefix);
/* The same, with src giving the engines of -j their programs. */
int cli_execute_src(const cli_opts *o, const program *p, const cli_progsrc *src,
                    const char *replay_prefix);
/* The same with --json, appending the JSON object (no final newline) to
 * *json instead of printing it: for a test file, whose tests make one
 * object. */
int cli_execute_json(const cli_opts *o, const program *p,
                     const cli_progsrc *src, const char *replay_prefix,
                     buf *json);
/* Re-execute schedule on p (as `run --schedule S --db DB` does, with
 * o's semantics and liveness options), recording it into database db and
 * printing nothing: *run_id is the run written. For the witness runs of
 * `weft test --html`. */
wf_status cli_record_run(const cli_opts *o, const program *p, const char *sched,
                         const char *db, int64_t *run_id, wf_diag *d);
/* Run command o->cmd's exploration of p with every checker, printing
 * nothing: *out is the finished explorer (explore_free), or NULL with d
 * set when the exploration could not run. For weft test: fails, the
 * finding kinds that fail the test (explore_opts.fail_kinds). */
wf_status cli_explore(const cli_opts *o, const program *p, uint32_t fails,
                      explorer **out, wf_diag *d);
/* The workers of -j: o->jobs, or the number of cores when not given. */
int cli_jobs(const cli_opts *o);
/* The explorer options of command o->cmd (strategy and budgets by
 * command, the semantics switches). */
void cli_explore_options(const cli_opts *o, explore_opts *eo);
/* Record x (a finished search of p, joined from parts) into o->db as
 * command o->cmd records it, and print its report as o asks: what weft
 * merge does with the shards it joined. Returns the exit status; 2 with
 * d set (or a message printed) on a write error. */
int cli_record_and_print(const cli_opts *o, const program *p, explorer *x,
                         wf_diag *d);
/* The process ends when the command does (weft run, explore, outcomes,
 * replay): cli_execute then leaves its last explorer to the exit rather
 * than free a search's millions of small blocks after printing, which
 * took a few hundred ms that --time-limit counts (clang's -disable-free
 * skips its frees for the same reason). At most one explorer is left at
 * a time, and it stays reachable (a static), so leak checkers are quiet. */
void cli_exit_soon(void);
/* Seconds of monotonic real time (ui only: STYLE 8). */
double cli_now(void);
/* n bytes as "4GiB", "512MiB", "1000B" (the largest exact unit), into
 * out; returns out. */
const char *cli_bytes(uint64_t n, char out[32]);
/* The default memory budget per execution: a quarter of the machine's
 * RAM, at most 4 GiB (SPEC section 4). */
uint64_t cli_default_memory(void);

#endif

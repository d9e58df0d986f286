/* cli.h: the command line shared by `weft` and wf_main (SPEC section 4):
 * parsing options, running a command on a program, printing the result.
 * Owns: cli_opts strings point into argv (borrowed). */
#ifndef WF_CLI_H
#define WF_CLI_H

#include <stdio.h>

#include "checker/report.h"
#include "sim/explore.h"

typedef enum cli_cmd {
    CMD_NONE,
    CMD_RUN,
    CMD_EXPLORE,
    CMD_OUTCOMES,
    CMD_REPLAY,
    CMD_TEST,
    CMD_LIST,
    CMD_VIEW
} cli_cmd;

typedef struct cli_opts {
    cli_cmd cmd;
    const char *cmd_name;
    const char *file; /* FILE or DB argument, NULL for wf_main */
    VEC(const char *) paths; /* weft test PATH ... */
    bool strategy_set;
    wf_strategy_kind strategy;
    uint64_t seed;
    const char *schedule;
    int64_t max_executions;
    uint64_t max_steps;
    uint64_t max_memory; /* --max-memory: bytes per execution; 0 default */
    int preemptions;
    int pct_depth;
    double time_limit;
    bool cond_any, spurious, mutex_fifo, time_loose;
    bool json, quiet, strict, metrics, help;
    const char *db;
    const char *record; /* findings | all */
    const char *run_re;  /* --run REGEXP */
    const char *go_version;
    int64_t run_id;     /* --run ID for replay/view of a database */
    int64_t finding_k;  /* --finding K */
    bool use_file;       /* replay DB: the file on disk, not the kept source */
    int64_t compare_run; /* hidden --compare-run ID: replay checks events
                          * against run ID of --db (ui/record.h) */
    int64_t livelock_window;   /* --livelock-window W (0: off) */
    int64_t starvation_bypass; /* --starvation-bypass B (0: off) */
    int prog_argc; /* after `--` */
    char **prog_argv;
} cli_opts;

/* Parse argv[first..argc). want_file: a FILE argument follows the command
 * (weft) or not (wf_main). Returns WF_OK or WF_ERR_INPUT with d set. */
wf_status cli_parse(int argc, char **argv, int first, bool want_file,
                    cli_opts *o, wf_diag *d);
void cli_opts_fini(cli_opts *o);
/* Print the help of command cmd (or the general help) for program prog. */
void cli_help(FILE *f, const char *prog, cli_cmd cmd, bool c_program);
/* Run command o->cmd (run, explore, outcomes, replay) on p. replay_prefix
 * is what precedes the schedule in "replay:" lines. Prints the result and
 * returns the exit status. */
int cli_execute(const cli_opts *o, const program *p, const char *replay_prefix);
/* Run command o->cmd's exploration of p with every checker, printing
 * nothing: *out is the finished explorer (explore_free), or NULL with d
 * set when the exploration could not run. For weft test. */
wf_status cli_explore(const cli_opts *o, const program *p, explorer **out,
                      wf_diag *d);
/* Seconds of monotonic real time (ui only: STYLE 8). */
double cli_now(void);
/* n bytes as "4GiB", "512MiB", "1000B" (the largest exact unit), into
 * out; returns out. */
const char *cli_bytes(uint64_t n, char out[32]);
/* The default memory budget per execution: a quarter of the machine's
 * RAM, at most 4 GiB (SPEC section 4). */
uint64_t cli_default_memory(void);
/* A size: "1024", "512K", "512M", "2G", "1.5GiB" (binary units). */
bool cli_parse_bytes(const char *s, uint64_t *v);

#endif

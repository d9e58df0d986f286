/* record.h: `--db` for cli_execute (SPEC sections 4 and 9): recording
 * run, replay, explore and outcomes into a trace database, and comparing a
 * replay with a recorded run (the hidden `--compare-run ID` that `weft
 * replay DB --run ID` passes to a C program).
 *
 * Owns: the open trace, the comparison, the ids of the runs written.
 * Borrows: the cli_opts and program for its lifetime; the explorer from
 * record_attach to record_finish.
 *
 * Recording: run and replay write their one execution. explore and
 * outcomes write a summary run at once (verdict "running") and complete it
 * at the end; with --record findings (the default) each distinct finding's
 * schedule is replayed at the end and written as a witness run; with
 * --record all every execution is written as it ends, in transactions of
 * whole runs. A write error stops the exploration at the next execution;
 * what was committed stays. */
#ifndef WF_RECORD_H
#define WF_RECORD_H

#include "cli.h"

typedef struct record record;

/* When o->db is set, open it (write, or read for o->compare_run) and hook
 * into eo (should_stop, after_exec; for a comparison the run's schedule
 * and max steps unless given) and cs (the consumers). *out is NULL when
 * there is nothing to do. On error nothing was written (exit 2). */
wf_status record_start(const cli_opts *o, const program *p, explore_opts *eo,
                       consumer_set *cs, record **out, wf_diag *d);
/* The explorer that will run (NULL r is fine). */
void record_attach(record *r, explorer *x);
/* After explore_run: witnesses and the summary, or the comparison's
 * verdict (a divergence goes into x->diverged, replacing or preceding the
 * explorer's own). status: the exit status of the result. WF_OK or a
 * write error in d. */
wf_status record_finish(record *r, explorer *x, int status, wf_diag *d);
/* "recorded in DB: ..." / "replay: equal to run N ..." lines (text). */
void record_text(const record *r, buf *out);
/* Add "db" or "replay_of" members to the JSON object in out (which ends
 * with "}\n"). */
void record_json(const record *r, buf *out);
/* Whether a write failed during the exploration (it stopped it). */
bool record_failed(const record *r);
void record_free(record *r);
/* After record_finish of a shard (explore --shard I/N): keep the shard's
 * plan and parts (ui/shard.h) with its summary run, for weft merge. */
wf_status record_shard(record *r, int shard, int nshards, const char *plan,
                       const char *parts, wf_diag *d);
/* The id of the last execution or witness run written, 0 when none. */
int64_t record_last_run(const record *r);

/* The JSON object of finding f of e's execution (the report's, as in
 * --json) for findings.detail_json: what a trace_set_finding_json hook
 * writes. leaks_are_errors: a leak is an error (test files). */
void record_finding_json(const wf_engine *e, const finding *f,
                         const char *sched, bool leaks_are_errors, buf *out);

/* The current time as runs.created_at (UTC, ISO 8601); SOURCE_DATE_EPOCH
 * in the environment overrides the clock, for reproducible files. */
void record_now(char out[32]);

#endif

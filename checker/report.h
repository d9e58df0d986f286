/* report.h: findings and results as text and JSON (SPEC sections 3, 4).
 * Owns: nothing; appends to the caller's buf. */
#ifndef WF_REPORT_H
#define WF_REPORT_H

#include "sim/explore.h"

typedef struct report_info {
    const char *file;     /* the program ("philo.go", "./prog") */
    const char *command;  /* run, explore, outcomes, replay */
    const char *strategy; /* its name */
    const char *replay;   /* replay command prefix, before the schedule */
    double seconds;       /* real time taken (ui measures it) */
    bool one_execution;   /* run, replay: every finding is of the one
                             execution whose schedule follows them, so no
                             finding repeats it */
    int64_t executions;   /* executions explored, for "found in N of M"
                             (0 or 1: not said) */
} report_info;

/* The per-task counters of e's last execution (SPEC section 5): steps,
 * progress events, steps runnable but not scheduled, steps blocked,
 * bypasses (and the longest run of them), and Jain's fairness index over
 * the steps of the tasks that ran. As text, and as a JSON array. */
void report_metrics_text(buf *out, const wf_engine *e);
void report_metrics_json(buf *out, const wf_engine *e);
/* Task t's counters now, the open span of its state included (the engine
 * adds spans lazily: mid-execution, t->m lags). */
task_metrics report_task_metrics(const wf_engine *e, const wf_task *t);
/* The counters of the first max_tasks tasks, one line each under a header
 * line, then the fairness line (no indentation). O(tasks). */
void report_counters_text(buf *out, const wf_engine *e, size_t max_tasks);
/* The same as a JSON array of per-task objects (--metrics' fields). */
void report_counters_json(buf *out, const wf_engine *e, size_t max_tasks);
/* Jain's fairness index (sum x)^2 / (n sum x^2) of v[0, n): 1 when all
 * are equal, 1/n when one has everything; 1 when all are 0. */
double report_jain(const double *v, size_t n);
/* ... over the steps of e's tasks. */
double report_jain_steps(const wf_engine *e);
/* Longest schedule a text report prints whole. */
#define REPORT_SCHEDULE_MAX 4096
/* sched for a text report: whole up to REPORT_SCHEDULE_MAX characters,
 * else its head and its length (JSON and the database keep it whole). */
void report_schedule_text(buf *out, const char *sched);
/* The text report of one finding: "KIND: message", its detail lines
 * indented, "found in N of M executions" when more than one was explored,
 * and "replay: ..." */
void report_finding_text(buf *out, const xfinding *f, const report_info *r);
/* The findings f[0, n), those of one execution together and its replay
 * line once after them (none with r->one_execution), in the order of
 * each execution's first finding. */
void report_findings_text(buf *out, const xfinding *const *f, size_t n,
                          const report_info *r);
/* Every finding of x, as report_findings_text. */
void report_text(buf *out, const explorer *x, const report_info *r);
/* Outcomes as text (the outcomes command). */
void report_outcomes_text(buf *out, const explorer *x, const report_info *r);
/* The JSON object of one finding, as in --json's "findings". */
void report_finding_json(buf *out, const xfinding *f);
/* The one JSON object of --json. */
void report_json(buf *out, const explorer *x, const report_info *r);
/* Append s as a JSON string literal. */
void json_str(buf *out, const char *s);
/* An object's name for reports: the name the program gave it, or, for an
 * unnamed one, its kind and oid ("mutex#3", deterministic), in e->mem. */
const char *report_obj_name(wf_engine *e, const wf_obj *o);
/* The strategy's name as the command line spells it. */
const char *report_strategy_name(wf_strategy_kind k);

#endif

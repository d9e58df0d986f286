/* report.c: see report.h. */
#include "report.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *report_strategy_name(wf_strategy_kind k)
{
    static const char *const names[] = {"random", "rr",  "replay",
                                        "pct",    "dfs", "dpor"};
    return (unsigned)k < 6 ? names[k] : "?";
}

void json_str(buf *out, const char *s)
{
    buf_json_str(out, s);
}

const char *report_obj_name(wf_engine *e, const wf_obj *o)
{
    return engine_obj_name(e, o);
}

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "");
}

void report_schedule_text(buf *out, const char *sched)
{
    size_t n = sched ? strlen(sched) : 0;
    if (n <= REPORT_SCHEDULE_MAX) {
        buf_puts(out, sched ? sched : "");
        return;
    }
    /* A schedule of a long execution can run to megabytes: a terminal
     * gets its head and how to obtain it whole. */
    buf_append(out, sched, 64);
    buf_printf(out, "... (%zu characters; --json prints it whole, --db "
                    "DB keeps it for weft replay DB --run-id ID)",
               n);
}

/* "KIND: message" and the detail lines, indented. */
static void finding_body(buf *out, const xfinding *f, const report_info *r)
{
    const char *kind = finding_kind_names[f->f.kind];
    if (f->f.kind == WF_DEADLOCK)
        buf_printf(out, "%s (%s): %s\n", kind,
                   f->f.partial ? "partial" : "global", f->message);
    else
        buf_printf(out, "%s: %s\n", kind, f->message);
    if (f->detail && *f->detail) {
        const char *p = f->detail;
        while (*p) {
            const char *nl = strchr(p, '\n');
            size_t n = nl ? (size_t)(nl - p) : strlen(p);
            buf_puts(out, "  ");
            buf_append(out, p, n);
            buf_putc(out, '\n');
            p += n + (nl ? 1 : 0);
        }
    } else if (f->task || f->file) {
        buf_puts(out, "  ");
        if (f->task)
            buf_printf(out, "in %s", f->task);
        if (f->file && f->f.line)
            buf_printf(out, "%sat %s:%d", f->task ? " " : "",
                       base_name(f->file), (int)f->f.line);
        buf_printf(out, " (step %llu)\n", (unsigned long long)f->f.step);
    }
    if (r->executions > 1 && f->count > 0)
        buf_printf(out, "  found in %lld of %lld executions\n",
                   (long long)f->count, (long long)r->executions);
}

static void replay_line(buf *out, const xfinding *f, const report_info *r)
{
    buf_printf(out, "  replay: %s ", r->replay);
    report_schedule_text(out, f->schedule);
    buf_putc(out, '\n');
}

void report_finding_text(buf *out, const xfinding *f, const report_info *r)
{
    finding_body(out, f, r);
    if (!r->one_execution)
        replay_line(out, f, r);
}

void report_findings_text(buf *out, const xfinding *const *f, size_t n,
                          const report_info *r)
{
    bool *done = wf_xcalloc(n + 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        for (size_t j = i; j < n; j++) {
            if (done[j] || strcmp(f[j]->schedule ? f[j]->schedule : "",
                                  f[i]->schedule ? f[i]->schedule : ""))
                continue;
            done[j] = true;
            finding_body(out, f[j], r);
        }
        if (!r->one_execution)
            replay_line(out, f[i], r);
    }
    free(done);
}

void report_text(buf *out, const explorer *x, const report_info *r)
{
    const xfinding **f =
        wf_xmalloc((x->findings.len + 1) * sizeof *f);
    report_info ri = *r;
    for (size_t i = 0; i < x->findings.len; i++)
        f[i] = &x->findings.p[i];
    if (!ri.executions)
        ri.executions = x->executions;
    report_findings_text(out, f, x->findings.len, &ri);
    free(f);
}

void report_outcomes_text(buf *out, const explorer *x, const report_info *r)
{
    for (size_t i = 0; i < x->outcomes.len; i++) {
        const xoutcome *o = &x->outcomes.p[i];
        buf_printf(out, "outcome %zu: %lld execution%s%s%s\n", i + 1,
                   (long long)o->count, o->count == 1 ? "" : "s",
                   *o->kinds ? ", findings: " : "", o->kinds);
        buf_puts(out, "  output: ");
        json_str(out, o->output);
        buf_putc(out, '\n');
        buf_printf(out, "  replay: %s ", r->replay);
        report_schedule_text(out, o->schedule);
        buf_putc(out, '\n');
    }
}

void report_finding_json(buf *out, const xfinding *f)
{
    buf_puts(out, "{\"kind\": ");
    json_str(out, finding_kind_names[f->f.kind]);
    buf_printf(out, ", \"severity\": \"%s\", \"partial\": %s, \"message\": ",
               f->f.error ? "error" : "warning",
               f->f.partial ? "true" : "false");
    json_str(out, f->message);
    buf_printf(out, ", \"step\": %llu, \"count\": %lld",
               (unsigned long long)f->f.step, (long long)f->count);
    if (!f->json || !strstr(f->json, "\"tasks\"")) {
        buf_puts(out, ", \"tasks\": [");
        if (f->task) {
            buf_printf(out, "{\"tid\": %d, \"name\": ", (int)f->f.tid);
            json_str(out, f->task);
            if (f->file) {
                buf_puts(out, ", \"file\": ");
                json_str(out, f->file);
                buf_printf(out, ", \"line\": %d", (int)f->f.line);
            }
            buf_putc(out, '}');
        }
        buf_puts(out, "]");
    }
    if (!f->json || !strstr(f->json, "\"objects\""))
        buf_puts(out, ", \"objects\": []");
    if (f->json && *f->json) {
        buf_puts(out, ", ");
        buf_puts(out, f->json);
    }
    if (f->detail) {
        buf_puts(out, ", \"detail\": ");
        json_str(out, f->detail);
    }
    buf_puts(out, ", \"schedule\": ");
    json_str(out, f->schedule);
    buf_putc(out, '}');
}

void report_json(buf *out, const explorer *x, const report_info *r)
{
    buf_puts(out, "{\"file\": ");
    json_str(out, r->file);
    buf_puts(out, ", \"command\": ");
    json_str(out, r->command);
    buf_puts(out, ", \"strategy\": ");
    json_str(out, r->strategy);
    buf_printf(out, ", \"executions\": %lld, \"complete\": %s, \"bound\": ",
               (long long)x->executions, x->complete ? "true" : "false");
    if (x->bound >= 0)
        buf_printf(out, "%d", x->bound);
    else
        buf_puts(out, "null");
    /* executions cut at --max-steps; why a complete search is no proof */
    buf_printf(out, ", \"cut\": %llu", (unsigned long long)x->cut);
    if (x->incomplete) {
        buf_puts(out, ", \"incomplete\": ");
        json_str(out, x->incomplete);
    }
    buf_puts(out, ", \"findings\": [");
    for (size_t i = 0; i < x->findings.len; i++) {
        if (i)
            buf_puts(out, ", ");
        report_finding_json(out, &x->findings.p[i]);
    }
    buf_puts(out, "], \"outcomes\": [");
    for (size_t i = 0; i < x->outcomes.len; i++) {
        const xoutcome *o = &x->outcomes.p[i];
        const char *k = o->kinds;
        if (i)
            buf_puts(out, ", ");
        buf_puts(out, "{\"output\": ");
        json_str(out, o->output);
        buf_puts(out, ", \"kinds\": [");
        for (bool first = true; *k; first = false) {
            const char *sp = strchr(k, ' ');
            size_t n = sp ? (size_t)(sp - k) : strlen(k);
            char kind[64];
            snprintf(kind, sizeof kind, "%.*s", (int)n, k);
            if (!first)
                buf_puts(out, ", ");
            json_str(out, kind);
            k += n + (sp ? 1 : 0);
        }
        buf_printf(out, "], \"count\": %lld, \"schedule\": ",
                   (long long)o->count);
        json_str(out, o->schedule);
        buf_putc(out, '}');
    }
    buf_printf(out, "], \"stats\": {\"steps\": %llu, \"seconds\": %.3f}",
               (unsigned long long)x->steps, r->seconds);
    if (x->diverged) {
        buf_puts(out, ", \"error\": ");
        json_str(out, x->diverged);
    }
    buf_puts(out, "}\n");
}

double report_jain(const double *v, size_t n)
{
    double sum = 0, sq = 0;
    for (size_t i = 0; i < n; i++) {
        sum += v[i];
        sq += v[i] * v[i];
    }
    return n && sq > 0 ? sum * sum / ((double)n * sq) : 1.0;
}

double report_jain_steps(const wf_engine *e)
{
    double sum = 0, sq = 0;
    size_t n = e->tasks.len;
    for (size_t i = 0; i < n; i++) {
        double x = (double)e->tasks.p[i]->m.steps;
        sum += x;
        sq += x * x;
    }
    return n && sq > 0 ? sum * sum / ((double)n * sq) : 1.0;
}

task_metrics report_task_metrics(const wf_engine *e, const wf_task *t)
{
    task_metrics m = t->m;
    /* the open span of the task's state (the engine adds it lazily) */
    if (t->state == TASK_RUNNABLE && e->step > t->since)
        m.waits += e->step - t->since;
    else if (t->state == TASK_BLOCKED && e->step > t->since)
        m.blocked += e->step - t->since;
    return m;
}

void report_counters_text(buf *out, const wf_engine *e, size_t max_tasks)
{
    size_t n = e->tasks.len < max_tasks ? e->tasks.len : max_tasks;
    buf_puts(out, "task                  steps  progress  waiting"
                  "  blocked  bypasses (longest run)\n");
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        task_metrics m = report_task_metrics(e, t);
        buf_printf(out, "%-20.20s %6llu  %8llu  %7llu  %7llu  %8llu (%llu)\n",
                   t->name, (unsigned long long)m.steps,
                   (unsigned long long)m.progress,
                   (unsigned long long)m.waits,
                   (unsigned long long)m.blocked,
                   (unsigned long long)m.bypasses,
                   (unsigned long long)m.max_bypass_streak);
    }
    if (n < e->tasks.len)
        buf_printf(out, "... and %zu more tasks\n", e->tasks.len - n);
    buf_printf(out, "fairness (Jain's index over steps, %zu tasks): %.3f\n",
               e->tasks.len, report_jain_steps(e));
}

void report_counters_json(buf *out, const wf_engine *e, size_t max_tasks)
{
    size_t n = e->tasks.len < max_tasks ? e->tasks.len : max_tasks;
    buf_putc(out, '[');
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[i];
        task_metrics m = report_task_metrics(e, t);
        buf_printf(out, "%s{\"tid\": %d, \"name\": ", i ? ", " : "",
                   (int)t->tid);
        json_str(out, t->name);
        buf_printf(out,
                   ", \"steps\": %llu, \"progress\": %llu, \"waits\": %llu, "
                   "\"blocked\": %llu, \"bypasses\": %llu, "
                   "\"max_bypass_streak\": %llu}",
                   (unsigned long long)m.steps,
                   (unsigned long long)m.progress,
                   (unsigned long long)m.waits,
                   (unsigned long long)m.blocked,
                   (unsigned long long)m.bypasses,
                   (unsigned long long)m.max_bypass_streak);
    }
    buf_putc(out, ']');
}

void report_metrics_text(buf *out, const wf_engine *e)
{
    buf b;
    const char *p;
    buf_init(&b);
    report_counters_text(&b, e, SIZE_MAX);
    buf_puts(out, "metrics:\n");
    for (p = b.p; p && *p;) {
        const char *nl = strchr(p, '\n');
        size_t len = nl ? (size_t)(nl - p) + 1 : strlen(p);
        buf_puts(out, "  ");
        buf_append(out, p, len);
        p += len;
    }
    buf_fini(&b);
}

void report_metrics_json(buf *out, const wf_engine *e)
{
    buf_puts(out, "{\"tasks\": ");
    report_counters_json(out, e, SIZE_MAX);
    buf_printf(out, ", \"jain_index\": %.4f}", report_jain_steps(e));
}

/* ---- lock order ---------------------------------------------------------- */

/* A site's file for a lock-order or race line: its base name, "?" when
 * not known. */
static const char *site_file(const char *path)
{
    return path ? base_name(path) : "?";
}

void report_lockorder_render(buf *msg, buf *text, buf *json,
                             const report_lockorder *r)
{
    size_t n = r->n;
    if (msg && n == 1) {
        buf_printf(msg, "recursive read lock of %s", r->edges[0].from);
    } else if (msg) {
        buf_puts(msg, "lock order inversion: ");
        for (size_t k = 0; k < n; k++)
            buf_printf(msg, "%s -> ", r->edges[k].from);
        buf_puts(msg, r->edges[0].from);
    }
    if (json)
        buf_puts(json, "\"tasks\": [");
    for (size_t k = 0; k < n; k++) {
        const report_lo_edge *ed = &r->edges[k];
        if (text)
            buf_printf(text,
                       "%s %s %s at %s:%d while holding %s%s (locked at "
                       "%s:%d)%s\n",
                       ed->task, ed->read ? "read-locks" : "locks", ed->to,
                       site_file(ed->file), (int)ed->line, ed->from,
                       ed->hread ? " for reading" : "", site_file(ed->hfile),
                       (int)ed->hline,
                       ed->earlier ? ", in an earlier execution" : "");
        if (!json)
            continue;
        if (k) buf_puts(json, ", ");
        buf_puts(json, "{\"name\": ");
        json_str(json, ed->task);
        buf_puts(json, ", \"locks\": ");
        json_str(json, ed->to);
        buf_puts(json, ", \"file\": ");
        json_str(json, ed->file ? ed->file : "");
        buf_printf(json, ", \"line\": %d, \"holding\": ", (int)ed->line);
        json_str(json, ed->from);
        buf_puts(json, ", \"holding_file\": ");
        json_str(json, ed->hfile ? ed->hfile : "");
        buf_printf(json, ", \"holding_line\": %d, \"read\": %s}",
                   (int)ed->hline, ed->read ? "true" : "false");
    }
    if (text && n == 1)
        buf_printf(text,
                   "a Lock of %s between the two read-locks deadlocks: "
                   "the writer waits for the first read lock, the "
                   "second RLock waits behind the writer\n",
                   r->edges[0].from);
    if (text)
        buf_puts(text, "unconfirmed: no execution explored so far "
                       "deadlocks on this cycle");
    if (!json)
        return;
    buf_puts(json, "], \"objects\": [");
    for (size_t k = 0; k < n; k++) {
        if (k) buf_puts(json, ", ");
        buf_printf(json, "{\"kind\": \"%s\", \"name\": ",
                   obj_kind_names[r->edges[k].from_kind]);
        json_str(json, r->edges[k].from);
        buf_putc(json, '}');
    }
    buf_puts(json, "], \"cycle\": [");
    for (size_t k = 0; k <= n; k++) {
        if (k) buf_puts(json, ", ");
        json_str(json, r->edges[k % n].from);
    }
    buf_puts(json, "], \"confirmed\": false");
}

/* ---- liveness ------------------------------------------------------------ */

static const char *task_state_name(const wf_task *t)
{
    return t->state == TASK_RUNNABLE  ? "runnable"
           : t->state == TASK_BLOCKED ? "blocked"
                                      : "done";
}

void report_livelock_render(buf *msg, buf *text, buf *json, wf_engine *e,
                            const report_livelock *r)
{
    size_t n = r->n;
    bool proven = r->cycle_len > 0;
    uint64_t closed = r->quiet_since + r->window;
    if (msg) {
        for (size_t i = 0; i < n && i < 4; i++)
            buf_printf(msg, "%s%s", i ? ", " : "",
                       e->tasks.p[r->tids[i]]->name);
        if (n > 4)
            buf_printf(msg, " and %zu more", n - 4);
        if (r->after_main)
            buf_printf(msg,
                       " never end%s: after main returned %s without "
                       "progress (",
                       n == 1 ? "s" : "", n == 1 ? "it spins" : "they spin");
        else
            buf_printf(msg, " %s without progress: ",
                       n == 1 ? "spins" : "spin");
        if (proven)
            buf_printf(msg, "a cycle of %llu steps returns to the same state",
                       (unsigned long long)r->cycle_len);
        else
            buf_printf(msg, "%llu steps and no progress event",
                       (unsigned long long)(e->step - r->quiet_since));
        if (r->after_main)
            buf_putc(msg, ')');
    }
    if (text)
        buf_puts(text, "spinning: ");
    if (json)
        buf_puts(json, "\"tasks\": [");
    for (size_t i = 0; i < n; i++) {
        const wf_task *t = e->tasks.p[r->tids[i]];
        if (text && i < REPORT_LIVENESS_TASKS) {
            buf_printf(text, "%s%s (%llu steps%s", i ? ", " : "", t->name,
                       (unsigned long long)r->steps[i],
                       i        ? ""
                       : proven ? " in the cycle"
                                : " in the stretch");
            if (t->op.file && t->op.line)
                buf_printf(text, ", at %s:%d", base_name(t->op.file),
                           (int)t->op.line);
            buf_putc(text, ')');
        } else if (text && i == REPORT_LIVENESS_TASKS) {
            buf_printf(text, ", ... %zu more", n - i);
        }
        if (!json)
            continue;
        buf_printf(json, "%s{\"tid\": %d, \"name\": ", i ? ", " : "",
                   (int)t->tid);
        json_str(json, t->name);
        buf_printf(json,
                   ", \"state\": \"%s\", \"op\": \"%s\", \"steps\": %llu",
                   task_state_name(t), op_kind_names[t->op.kind],
                   (unsigned long long)r->steps[i]);
        if (t->op.file) {
            buf_puts(json, ", \"file\": ");
            json_str(json, t->op.file);
            buf_printf(json, ", \"line\": %d", (int)t->op.line);
        }
        buf_putc(json, '}');
    }
    if (text) {
        buf_printf(text,
                   "\nwindow: no progress event since step %llu; the window "
                   "of %llu steps closed at step %llu",
                   (unsigned long long)r->quiet_since,
                   (unsigned long long)r->window, (unsigned long long)closed);
        if (proven)
            buf_printf(text,
                       "\nproven: the global state after step %llu recurs "
                       "after step %llu, a cycle of %llu steps in which "
                       "every runnable task ran and none made progress; a "
                       "schedule can repeat it forever",
                       (unsigned long long)r->cycle_from,
                       (unsigned long long)e->step,
                       (unsigned long long)r->cycle_len);
        else
            buf_printf(text,
                       "\nsuspected: still no progress when --max-steps cut "
                       "the execution at step %llu, every runnable task "
                       "running",
                       (unsigned long long)e->step);
    }
    if (json) {
        buf_printf(json,
                   "], \"livelock\": {\"proven\": %s, \"window\": %llu, "
                   "\"quiet_since\": %llu, \"window_closed\": %llu",
                   proven ? "true" : "false", (unsigned long long)r->window,
                   (unsigned long long)r->quiet_since,
                   (unsigned long long)closed);
        if (proven)
            buf_printf(json, ", \"cycle_start\": %llu, \"cycle_steps\": %llu",
                       (unsigned long long)r->cycle_from,
                       (unsigned long long)r->cycle_len);
        buf_putc(json, '}');
    }
}

void report_starvation_render(buf *msg, buf *text, buf *json, wf_engine *e,
                              const report_starvation *r)
{
    const wf_task *t = r->t;
    bool bypass = r->reason == REPORT_STARVE_BYPASS;
    double fair = r->ntasks ? (double)r->total / (double)r->ntasks : 0;
    if (msg && bypass)
        buf_printf(msg,
                   "%s waited for %s while it was granted to others %llu "
                   "times in a row (limit %llu)",
                   t->name, report_obj_name(e, r->obj),
                   (unsigned long long)r->bypasses,
                   (unsigned long long)r->limit);
    else if (msg)
        buf_printf(msg,
                   "%s made %llu progress in steps %llu-%llu, its fair "
                   "share %.1f (%llu tasks made %llu)",
                   t->name, (unsigned long long)r->progress,
                   (unsigned long long)(e->step - r->window + 1),
                   (unsigned long long)e->step, fair,
                   (unsigned long long)r->ntasks,
                   (unsigned long long)r->total);
    if (text) {
        buf_printf(text, "%s waits", t->name);
        if (t->op.file && t->op.line)
            buf_printf(text, " at %s:%d", base_name(t->op.file),
                       (int)t->op.line);
        buf_printf(text, " (%s, %s)\n", op_kind_names[t->op.kind],
                   task_state_name(t));
        report_counters_text(text, e, REPORT_LIVENESS_TASKS);
        if (text->len && text->p[text->len - 1] == '\n')
            text->p[--text->len] = '\0';
    }
    if (!json)
        return;
    buf_puts(json, "\"tasks\": ");
    report_counters_json(json, e, REPORT_LIVENESS_TASKS);
    buf_puts(json, ", \"objects\": [");
    if (r->obj) {
        buf_printf(json, "{\"oid\": %d, \"kind\": \"%s\", \"name\": ",
                   (int)r->obj->oid, obj_kind_names[r->obj->kind]);
        json_str(json, report_obj_name(e, r->obj));
        buf_putc(json, '}');
    }
    buf_printf(json,
               "], \"starvation\": {\"reason\": \"%s\", \"tid\": %d, "
               "\"jain_index\": %.4f",
               bypass ? "bypass" : "share", (int)t->tid,
               report_jain_steps(e));
    if (bypass)
        buf_printf(json, ", \"bypasses\": %llu, \"limit\": %llu",
                   (unsigned long long)r->bypasses,
                   (unsigned long long)r->limit);
    else
        buf_printf(json,
                   ", \"window\": %llu, \"progress\": %llu, \"fair_share\": "
                   "%.2f",
                   (unsigned long long)r->window,
                   (unsigned long long)r->progress, fair);
    buf_putc(json, '}');
}

/* ---- races ----------------------------------------------------------------- */

void report_race_render(buf *msg, buf *text, buf *json, const report_race *r)
{
    if (msg && r->chan)
        buf_printf(msg, "data race on channel %s (close and send)", r->name);
    else if (msg)
        buf_printf(msg, "data race on %s", r->name);
    if (text) {
        for (int k = 0; k < 2; k++) {
            const report_race_access *a = &r->a[k];
            buf_printf(text, "%s %s at step %llu (%s:%d)\n", a->task, a->what,
                       (unsigned long long)a->step, site_file(a->file),
                       (int)a->line);
        }
        buf_printf(text, "not ordered: %s", r->why);
    }
    if (!json)
        return;
    buf_puts(json, "\"tasks\": [");
    for (int k = 0; k < 2; k++) {
        const report_race_access *a = &r->a[k];
        if (k) buf_puts(json, ", ");
        buf_printf(json, "{\"tid\": %d, \"name\": ", (int)a->tid);
        json_str(json, a->task);
        buf_printf(json, ", \"access\": \"%s\", \"step\": %llu, \"file\": ",
                   a->noun, (unsigned long long)a->step);
        json_str(json, a->file ? a->file : "");
        buf_printf(json, ", \"line\": %d}", (int)a->line);
    }
    buf_printf(json,
               "], \"objects\": [{\"oid\": %d, \"kind\": \"%s\", \"name\": ",
               (int)r->obj->oid, obj_kind_names[r->obj->kind]);
    json_str(json, r->name);
    buf_puts(json, "}]");
}

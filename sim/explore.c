/* explore.c: the explorer, the execution loop and the dispatch of each
 * choice to its strategy (see explore.h); replay and rr here, dfs in
 * explore_dfs.c, pct and random in explore_pct.c, dpor's rounds and the
 * portfolio in explore_rounds.c, steering in explore_steer.c,
 * minimizing in explore_min.c. */
#include "explore.h"
#include "explore_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"

char *explore_strdup0(const char *s)
{
    return s ? wf_xstrdup(s) : NULL;
}

void explore_finding_fini(xfinding *f)
{
    free(f->message);
    free(f->detail);
    free(f->json);
    free(f->task);
    free(f->file);
    free(f->schedule);
    free(f->output);
}

/* Make to a copy of from, with strings of its own (to's are freed). */
void xfinding_copy(xfinding *to, const xfinding *from)
{
    explore_finding_fini(to);
    *to = *from;
    to->message = explore_strdup0(from->message);
    to->detail = explore_strdup0(from->detail);
    to->json = explore_strdup0(from->json);
    to->task = explore_strdup0(from->task);
    to->file = explore_strdup0(from->file);
    to->schedule = explore_strdup0(from->schedule);
    to->output = explore_strdup0(from->output);
    /* the finding's own strings point at the copies */
    to->f.message = to->message;
    to->f.detail = to->detail;
    to->f.json = to->json;
    to->f.file = to->file;
}

explorer *explore_new(const program *p, const explore_opts *o)
{
    explorer *x = wf_xcalloc(1, sizeof *x);
    x->prog = *p;
    x->o = *o;
    x->bound = -1;
    x->round = -1;
    x->rounds_done = -1;
    buf_init(&x->sbuf);
    return x;
}

void explore_free(explorer *x)
{
    if (!x)
        return;
    for (size_t i = 0; i < x->findings.len; i++)
        explore_finding_fini(&x->findings.p[i]);
    for (size_t i = 0; i < x->outcomes.len; i++) {
        free(x->outcomes.p[i].output);
        free(x->outcomes.p[i].kinds);
        free(x->outcomes.p[i].schedule);
    }
    VEC_FREE(x->findings);
    VEC_FREE(x->outcomes);
    VEC_FREE(x->stack);
    VEC_FREE(x->others);
    VEC_FREE(x->prio);
    VEC_FREE(x->mz_prefix);
    VEC_FREE(x->mz_pre);
    VEC_FREE(x->changes);
    VEC_FREE(x->steer_first);
    VEC_FREE(x->steer_other);
    dpor_free(x->dp);
    free(x->last_output);
    free(x->last_schedule);
    free(x->last_extra);
    free(x->diverged);
    schedule_fini(&x->replay);
    buf_fini(&x->sbuf);
    engine_free(x->e);
    free(x);
}

void explore_schedule_of(const explorer *x, const wf_engine *e, buf *out)
{
    schedule s;
    memset(&s, 0, sizeof s);
    s.hash = x->prog.hash;
    s.seed = e->cfg.prog_seed;
    s.cond_any = e->cfg.cond_order_any;
    s.spurious = e->cfg.spurious_wakeups;
    s.mutex_fifo = e->cfg.mutex_fifo;
    s.time_loose = e->cfg.time_loose;
    s.time_early = e->cfg.time_early;
    if (x->prog.extra_get)
        s.extra = (char *)x->prog.extra_get(x->prog.ctx);
    schedule_encode(out, &s, e->choices.p, e->choices.len);
}

/* ---- strategies ------------------------------------------------------- */

void explore_diverge(explorer *x, const char *fmt, ...)
{
    char m[600];
    va_list ap;
    if (x->diverged)
        return;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    x->diverged = wf_xstrdup(m);
}

/* The strategy deciding the current execution: the portfolio's sampler
 * between the search's executions, else the one asked for. */
static wf_strategy_kind cur_strategy(const explorer *x)
{
    return x->sampling ? (wf_strategy_kind)(x->sampling - 1) : x->o.strategy;
}

static const char *const choice_what[] = {"tasks", "select cases", "timers",
                                          "cond waiters", "branches"};

static int replay_choose(explorer *x, wf_engine *e, choice_kind kind, int n)
{
    const choice *c;
    if (n == 1)
        return 0;
    if (x->replay_pos >= x->replay.choices.len) {
        explore_diverge(x,
                "the replay diverges at step %llu: the program offers a "
                "choice among %d %s that the schedule does not have",
                (unsigned long long)e->step + 1, n, choice_what[kind]);
        return -1;
    }
    c = &x->replay.choices.p[x->replay_pos++];
    if ((int)c->n != n) {
        explore_diverge(x,
                "the replay diverges at step %llu: the schedule chose among "
                "%u alternatives, the program offers %d %s",
                (unsigned long long)e->step + 1, c->n, n, choice_what[kind]);
        return -1;
    }
    return (int)c->idx;
}

static int rr_choose(wf_engine *e, choice_kind kind, int n,
                     const int32_t *alts)
{
    if (kind != CHOICE_TASK || n == 1)
        return 0;
    for (int i = 0; i < n; i++)
        if (alts[i] == e->last_tid)
            return explore_free_choice(e, n, i);
    for (int i = 0; i < n; i++)
        if (alts[i] > e->last_tid)
            return i;
    return 0;
}

/* explore_opts.on_step, for the strategies without their own hook */
static void on_step_cb(void *ctx, wf_engine *e, int32_t tid)
{
    explorer *x = ctx;
    x->o.on_step(x->o.step_ctx, e, tid);
}

/* Choices between two questions to should_stop within an execution. */
#define STOP_POLL 65536

int explore_choose(void *ctx, wf_engine *e, choice_kind kind, int n,
                     const int32_t *alts)
{
    explorer *x = ctx;
    int idx, last = -1, skip = -1;
    /* a long execution (a spinning goroutine runs to --max-steps) must not
     * outlast --time-limit or an interrupt: ask now and then, and abandon
     * the execution when told to stop */
    if (WF_UNLIKELY(++x->polls >= STOP_POLL) && kind == CHOICE_TASK) {
        x->polls = 0;
        if (x->o.should_stop && x->o.should_stop(x->o.stop_ctx, x)) {
            x->stopped = true;
            return -1;
        }
    }
    /* One enabled task: what the strategies below return without a draw
     * or a record (pct draws priorities, dpor records every step). */
    if (n == 1 && kind == CHOICE_TASK && !x->steer_target &&
        !x->minimizing &&
        (cur_strategy(x) == WF_STRATEGY_RR ||
         cur_strategy(x) == WF_STRATEGY_DFS ||
         cur_strategy(x) == WF_STRATEGY_RANDOM ||
         cur_strategy(x) == WF_STRATEGY_REPLAY)) {
        x->pct_steps++;
        return 0;
    }
    if (kind == CHOICE_TASK) {
        for (int i = 0; i < n; i++)
            if (alts[i] == e->last_tid)
                last = i;
        if (x->steer_target) { /* within the preemption bound, if any */
            if (x->o.preemptions >= 0 && last >= 0 &&
                x->preempts >= (uint32_t)x->o.preemptions)
                return explore_free_choice(e, n, last);
            idx = n == 1 ? 0 : explore_steer_choose(x, e, n, alts);
            if (explore_preempts(e, n, last, idx))
                x->preempts++;
            return idx;
        }
        if (x->minimizing) {
            idx = explore_mz_choose(x, e, kind, n, last);
            if (idx >= 0 && explore_preempts(e, n, last, idx))
                x->preempts++;
            return idx;
        }
        x->pct_steps++;
        /* a forced prefix's choices neither count nor are bounded */
        if (e->choices.len < x->prefix_len)
            last = -1;
        /* --preemptions for the strategies without their own bounding */
        if (x->o.preemptions >= 0 && last >= 0 &&
            x->preempts >= (uint32_t)x->o.preemptions &&
            x->o.strategy != WF_STRATEGY_DPOR &&
            x->o.strategy != WF_STRATEGY_REPLAY) {
            if (!e->last_polite || n < 2)
                return last;
            /* after a yield every task but the yielder runs for free:
             * the strategy picks among those */
            x->others.len = 0;
            for (int i = 0; i < n; i++)
                if (i != last)
                    VEC_PUSH(x->others, alts[i]);
            skip = last;
            alts = x->others.p;
            n--;
        }
    }
    if (x->minimizing)
        return explore_mz_choose(x, e, kind, n, -1);
    if (x->steer_target)
        return n == 1 ? 0 : (int)rng_below(x->rng, (uint32_t)n);
    switch (cur_strategy(x)) {
    case WF_STRATEGY_REPLAY:
        idx = replay_choose(x, e, kind, n);
        break;
    case WF_STRATEGY_RR:
        idx = rr_choose(e, kind, n, alts);
        break;
    case WF_STRATEGY_DFS:
        idx = explore_dfs_choose(x, e, n);
        break;
    case WF_STRATEGY_DPOR:
        idx = dpor_choose(x->dp, e, kind, n, alts);
        break;
    case WF_STRATEGY_PCT:
        /* inner choices are uniform */
        idx = kind == CHOICE_TASK ? explore_pct_choose(x, e, n, alts)
                                  : explore_random_choose(x, n);
        break;
    case WF_STRATEGY_RANDOM:
    default:
        idx = explore_random_choose(x, n);
        break;
    }
    if (skip >= 0) /* back to an index of the offered tasks: free */
        return idx >= skip ? idx + 1 : idx;
    if (kind == CHOICE_TASK && idx >= 0 && explore_preempts(e, n, last, idx))
        x->preempts++;
    return idx;
}

/* ---- collecting what an execution found ------------------------------- */

static int kind_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The finding kinds of the execution, sorted, space-separated. */
static void kinds_of(const wf_engine *e, buf *out)
{
    const char *k[FINDING_KINDS];
    int n = 0;
    bool seen[FINDING_KINDS] = {false};
    for (size_t i = 0; i < e->findings.len; i++) {
        int kind = e->findings.p[i].kind;
        if (!seen[kind]) {
            seen[kind] = true;
            k[n++] = finding_kind_names[kind];
        }
    }
    qsort(k, (size_t)n, sizeof k[0], kind_cmp);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_putc(out, ' ');
        buf_puts(out, k[i]);
    }
}

void explore_set_finding(xfinding *xf, const finding *f, const wf_engine *e,
                         const char *sched, bool leak_error)
{
    explore_finding_fini(xf);
    xf->f = *f;
    if (f->kind == WF_LEAK)
        xf->f.error = leak_error;
    xf->message = explore_strdup0(f->message);
    xf->detail = explore_strdup0(f->detail);
    xf->json = explore_strdup0(f->json);
    xf->task = f->tid >= 0 && (size_t)f->tid < e->tasks.len
                   ? wf_xstrdup(e->tasks.p[f->tid]->name)
                   : NULL;
    xf->file = explore_strdup0(f->file);
    xf->schedule = wf_xstrdup(sched);
    xf->output = wf_xstrdup(e->out.p ? e->out.p : "");
    xf->nchoices = e->choices.len;
    xf->steps = e->step;
    if (e->cfg.time_early && f->kind == WF_RACE) {
        /* SPEC 3: a race the timing search found says which assumption
         * it dropped */
        buf b;
        buf_init(&b);
        buf_printf(&b, "%s%stiming: found only when ", xf->detail ? xf->detail : "",
                   xf->detail && *xf->detail ? "\n" : "");
        if (e->timing_file) {
            const char *base = strrchr(e->timing_file, '/');
            buf_printf(&b, "the sleep or timer at %s:%d ends before goroutines that "
                       "can run have run", base ? base + 1 : e->timing_file,
                       (int)e->timing_line);
        }
        else
            buf_puts(&b, "sleeps and timers may end before goroutines that can "
                     "run have run");
        buf_puts(&b, ", as Go allows (a sleep orders no memory access; the "
                 "race detector reports this race when the scheduler runs "
                 "them so)");
        free(xf->detail);
        xf->detail = wf_xstrdup(b.p);
        buf_fini(&b);
    }
    xf->f.message = xf->message;
    xf->f.detail = xf->detail;
    xf->f.json = xf->json;
    xf->f.file = xf->file;
}

/* The current execution's schedule string, encoded on first use (most
 * executions of a search need none). */
const char *explore_sched_of(explorer *x, wf_engine *e)
{
    if (!x->sbuf_valid) {
        buf_reset(&x->sbuf);
        explore_schedule_of(x, e, &x->sbuf);
        x->sbuf_valid = true;
    }
    return x->sbuf.p;
}

void explore_collect(explorer *x, wf_engine *e, uint32_t preempts)
{
    buf k;
    /* an execution cut short by a halt keeps what it found, but did not
     * run to its end: it is neither an execution (SPEC 4) nor an outcome */
    bool whole = e->end != END_HALTED;
    x->executions += whole;
    x->steps += e->step;
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        xfinding *xf = NULL;
        bool again = false; /* this execution counted it already */
        if (x->o.time_early && f->kind != WF_RACE)
            continue; /* timing-dependent: explore_timing */
        for (size_t j = 0; j < i && !again; j++)
            again = e->findings.p[j].sig == f->sig &&
                    e->findings.p[j].kind == f->kind;
        for (size_t j = 0; j < x->findings.len; j++)
            if (x->findings.p[j].f.sig == f->sig &&
                x->findings.p[j].f.kind == f->kind) {
                xf = &x->findings.p[j];
                break;
            }
        if (!xf) {
            xfinding z;
            memset(&z, 0, sizeof z);
            VEC_PUSH(x->findings, z);
            xf = &x->findings.p[x->findings.len - 1];
            explore_set_finding(xf, f, e, explore_sched_of(x, e), x->prog.leaks_are_errors);
            xf->preempts = preempts;
            xf->cost = x->spent;
        } else if (preempts < xf->preempts ||
                   (preempts == xf->preempts && e->step < xf->steps)) {
            /* keep the simplest witness: fewest preemptions, then fewest
             * steps (SPIN -i, dejafu's trace simplification) */
            int64_t c = xf->count;
            explore_set_finding(xf, f, e, explore_sched_of(x, e), x->prog.leaks_are_errors);
            xf->count = c;
            xf->preempts = preempts;
        }
        /* executions that hit it: at most once each, and only whole
         * ones (a halted execution is no execution: "found in 3 of 2") */
        xf->count += whole && !again;
    }
    if (!whole || x->o.time_early)
        return;
    buf_init(&k);
    kinds_of(e, &k);
    {
        const char *out = e->out.p ? e->out.p : "";
        const char *kinds = k.p ? k.p : "";
        xoutcome *oc = NULL;
        for (size_t j = 0; j < x->outcomes.len; j++)
            if (!strcmp(x->outcomes.p[j].output, out) &&
                !strcmp(x->outcomes.p[j].kinds, kinds)) {
                oc = &x->outcomes.p[j];
                break;
            }
        if (!oc) {
            xoutcome z = {wf_xstrdup(out), wf_xstrdup(kinds), 0,
                          wf_xstrdup(explore_sched_of(x, e)), e->step};
            VEC_PUSH(x->outcomes, z);
            oc = &x->outcomes.p[x->outcomes.len - 1];
        } else if (e->step < oc->nchoices) {
            free(oc->schedule);
            oc->schedule = wf_xstrdup(explore_sched_of(x, e));
            oc->nchoices = e->step;
        }
        oc->count++;
    }
    buf_fini(&k);
}

/* Keep the last execution's output and schedule (run, replay, API). */
static void keep_last(explorer *x)
{
    free(x->last_output);
    free(x->last_schedule);
    x->last_output = wf_xstrdup(x->e->out.p ? x->e->out.p : "");
    x->last_schedule = wf_xstrdup(explore_sched_of(x, x->e));
}

/* ---- the loop ---------------------------------------------------------- */

/* Whether the halt word stops the search (an interrupt, the time
 * limit), as the engine reads it. */
bool explore_halted(const explorer *x)
{
    return x->o.halt && atomic_load_explicit(x->o.halt, memory_order_relaxed) >=
                            x->e->halt_at;
}

/* One execution under strat; collects what it found. Returns false when
 * the exploration must stop (divergence, error). */
bool explore_run_one(explorer *x, wf_strategy *strat, consumer_set *cs)
{
    wf_engine *e = x->e;
    wf_strategy_kind k = cur_strategy(x);
    dpor *dp = x->sampling ? NULL : x->dp; /* a sample is not the search's */
    uint64_t work0 = dp ? dpor_work(dp) : 0;
    engine_reset(e);
    x->depth = 0;
    x->replay_pos = 0;
    x->preempts = 0;
    if (x->sampling)
        rng_from_seed(x->rng, x->o.seed + 0x5a3d1eULL + x->sampled,
                      RNG_STREAM_SCHED);
    else if (k == WF_STRATEGY_RANDOM || k == WF_STRATEGY_PCT)
        rng_from_seed(x->rng, x->o.seed + (uint64_t)x->executions,
                      RNG_STREAM_SCHED);
    if (k == WF_STRATEGY_PCT)
        explore_pct_begin(x);
    if (dp)
        dpor_begin(dp, e);
    /* the reduction's state counts from the start, a sample's too (it
     * stays in memory while the sample runs) */
    x->dp_counted = x->dp ? dpor_bytes(x->dp) : 0;
    e->mem_extra = x->dp_counted;
    if (x->o.on_step)
        e->track = true;
    if (x->prog.begin)
        x->prog.begin(x->prog.ctx, e);
    x->last_end = engine_run(e, x->prog.drv, x->prog.arg, x->prog.main_name,
                             strat, cs ? cs->v : NULL, cs ? cs->n : 0);
    x->late_seen |= e->late_seen;
    /* a halted execution ends the search, and so does a halt that came
     * as it ended (the time limit, past a long cut execution): no
     * backtracking to prepare (which costs O(tasks x history): 0.5 s with
     * 20,000 goroutines, 0.4 s after 262,144 steps of a channel loop) */
    if (x->last_end != END_HALTED && explore_halted(x))
        x->stopped = true;
    if (dp && x->last_end != END_HALTED && !x->stopped)
        dpor_end(dp, e);
    if (x->sampling)
        x->sampled++;
    else
        x->search_steps += e->step;
    x->restart = x->prog.end && x->prog.end(x->prog.ctx, e) &&
                 x->o.strategy != WF_STRATEGY_REPLAY;
    if (x->last_end == END_MAX_STEPS) {
        x->cut++;
        if (e->timers.len && !e->cfg.time_loose)
            x->cut_timers++;
    } else if (x->last_end == END_MEMORY) {
        x->cut_memory++;
    } else if (x->last_end == END_HALTED) {
        x->stopped = true; /* what it found so far is kept below */
    }
    if (x->pct_steps > x->pct_k)
        x->pct_k = x->pct_steps;
    if (x->o.strategy == WF_STRATEGY_DFS && x->depth < x->stack_floor)
        explore_diverge(x, "the execution ended before the prefix's choices were "
                   "all taken");
    if (x->o.strategy == WF_STRATEGY_REPLAY && !x->diverged &&
        x->replay_pos < x->replay.choices.len)
        explore_diverge(x,
                "the replay diverges at step %llu: the execution ended with "
                "%zu choice%s of the schedule left",
                (unsigned long long)e->step,
                x->replay.choices.len - x->replay_pos,
                x->replay.choices.len - x->replay_pos == 1 ? "" : "s");
    if (dp && dpor_error(dp))
        explore_diverge(x, "%s", dpor_error(dp));
    x->sbuf_valid = false;
    x->spent += e->step + (dp ? dpor_work(dp) - work0 : 0);
    if (dp && dpor_deferred(dp)) {
        x->deferred++; /* not an execution: a later round runs it */
    } else if (dp && dpor_blocked(dp)) {
        x->blocked++;
    } else if (x->last_end != END_ABANDONED || x->stopped) {
        /* (an execution stopped by --time-limit keeps what it found) */
        explore_collect(x, e, x->preempts);
        if (x->o.after_exec)
            x->o.after_exec(x->o.after_ctx, e, explore_sched_of(x, e));
    }
    return !x->diverged;
}

/* Every execution the engine started for the search or the portfolio:
 * those run to their end, and those the reduction abandoned partway
 * (sleep-set-blocked, or stopped at a round's limit). Budgets count
 * them all: an abandoned execution costs its steps too, and a search
 * whose executions are nearly all abandoned (an atomic counter's adds
 * past the reduction's precision) must still stop at --max-executions. */
int64_t explore_started(const explorer *x)
{
    return x->executions + (int64_t)(x->blocked + x->deferred);
}

/* What a failed run's search may go on spending, at least: a small
 * program's search still ends as it would (every finding, exact
 * counts). */
#define FAILED_FLOOR 1000000

/* Has the run failed (an error finding of explore_opts.fail_kinds) and
 * the search spent since as much again as finding it cost, and at least
 * FAILED_FLOOR? */
static bool failed_long_enough(const explorer *x)
{
    uint64_t first = UINT64_MAX;
    for (size_t i = 0; i < x->findings.len; i++) {
        const xfinding *f = &x->findings.p[i];
        if (f->f.error && (x->o.fail_kinds & (1u << f->f.kind)) &&
            f->cost < first)
            first = f->cost;
    }
    return first != UINT64_MAX && x->spent - first >= first &&
           x->spent - first >= FAILED_FLOOR;
}

/* Budgets between executions: true to stop. */
bool explore_out_of_budget(explorer *x, int64_t max)
{
    if (explore_started(x) >= max)
        return true;
    if (x->o.time_early && x->spent >= x->timing_end)
        return true;
    if (x->o.fail_kinds && failed_long_enough(x)) {
        x->failed = true;
        return true;
    }
    if (x->o.should_stop &&
        x->o.should_stop(x->o.stop_ctx, x)) {
        x->stopped = true;
        return true;
    }
    return false;
}

static wf_status run_all(explorer *x, consumer_set *cs, wf_diag *d)
{
    engine_config cfg;
    wf_strategy strat = {x, explore_choose, NULL};
    int64_t max = x->o.max_executions;
    memset(&cfg, 0, sizeof cfg);
    cfg.cond_order_any = x->o.cond_any;
    cfg.spurious_wakeups = x->o.spurious;
    cfg.mutex_fifo = x->o.mutex_fifo;
    cfg.time_loose = x->o.time_loose;
    cfg.time_early = x->o.time_early;
    cfg.max_steps = x->o.max_steps ? x->o.max_steps : 1000000;
    cfg.max_memory = x->o.max_memory;
    cfg.halt = x->o.halt;
    cfg.halt_at = x->o.halt_at > 0 ? x->o.halt_at : HALT_SEARCH;
    cfg.stack_size = x->o.stack_size ? x->o.stack_size : x->prog.stack_size;
    cfg.prog_seed = 0;
    if (x->o.strategy == WF_STRATEGY_REPLAY) {
        wf_status st;
        if (!x->o.schedule)
            return diag_set(d, "", 0, 0, "replay needs --schedule");
        st = schedule_decode(&x->replay, x->o.schedule, d);
        if (st != WF_OK)
            return st;
        if (x->prog.extra_set)
            x->prog.extra_set(x->prog.ctx, x->replay.extra);
        cfg.cond_order_any = x->replay.cond_any;
        cfg.spurious_wakeups = x->replay.spurious;
        cfg.mutex_fifo = x->replay.mutex_fifo;
        cfg.time_loose = x->replay.time_loose;
        cfg.time_early = x->replay.time_early;
        cfg.prog_seed = x->replay.seed;
        max = 1;
    } else if (x->o.strategy == WF_STRATEGY_RANDOM ||
               x->o.strategy == WF_STRATEGY_PCT) {
        cfg.prog_seed = x->o.seed;
    }
    if (max <= 0)
        max = (x->o.strategy == WF_STRATEGY_DFS ||
               x->o.strategy == WF_STRATEGY_DPOR)
                  ? INT64_MAX
                  : 1;
    if (!x->e)
        x->e = engine_new(&cfg);
    x->e->cfg = cfg;
    if (x->o.prefix && (x->o.strategy == WF_STRATEGY_DPOR ||
                        x->o.strategy == WF_STRATEGY_DFS)) {
        schedule sp;
        wf_status st = schedule_decode(&sp, x->o.prefix, d);
        if (st != WF_OK)
            return st;
        if (x->o.strategy == WF_STRATEGY_DPOR) {
            if (!x->dp)
                x->dp = dpor_new();
            dpor_set_prefix(x->dp, sp.choices.p, sp.choices.len);
        } else {
            x->stack.len = 0;
            for (size_t i = 0; i < sp.choices.len; i++)
                VEC_PUSH(x->stack, sp.choices.p[i]);
            x->stack_floor = sp.choices.len;
        }
        x->prefix_len = sp.choices.len;
        schedule_fini(&sp);
    }

    if (x->o.strategy == WF_STRATEGY_DPOR) {
        if (!x->dp)
            x->dp = dpor_new();
        return explore_rounds_run(x, &strat, cs, max, d);
    }
    if (x->o.on_step)
        strat.after_step = on_step_cb;
    for (;;) {
        if (!explore_run_one(x, &strat, cs))
            goto diverged;
        if (x->stopped)
            break; /* within an execution */
        if (x->o.strategy == WF_STRATEGY_DFS && x->restart) {
            x->restarts++;
            x->stack.len = 0;
            x->depth = 0;
        } else if (x->o.strategy == WF_STRATEGY_DFS) {
            if (!explore_dfs_next(x)) {
                x->complete = x->o.preemptions < 0;
                if (!x->complete)
                    x->bound = x->o.preemptions;
                break;
            }
        } else if (x->o.strategy == WF_STRATEGY_REPLAY ||
                   x->o.strategy == WF_STRATEGY_RR) {
            break;
        }
        if (explore_out_of_budget(x, max))
            break;
    }
    return WF_OK;
diverged:
    if (x->o.strategy != WF_STRATEGY_REPLAY)
        return diag_set(d, x->prog.file, 0, 0, "%s", x->diverged);
    return WF_OK;
}

/* What the timing search may spend: as much again as the search before
 * it, and at least this many steps. */
#define TIMING_FLOOR 1000000

/* The timing search (explore_opts.timing), on x's engine: strict virtual
 * time takes work as instant, so a sleep or timer of a millisecond or
 * more ends only once every goroutine is blocked; Go promises no such
 * order (a runnable goroutine may wait that long for a processor), and
 * tests sleep a millisecond to mean "let the others start". Here each
 * may end early, the clock moving to its deadline. Of what it finds only
 * the data races are kept: Go's memory model orders no access by a
 * sleep, so a race in such an execution is a race Go's detector reports
 * when the scheduler runs it so; a deadlock, leak, panic or output that
 * needs a sleep to end early is a timing assumption the program may make
 * (a one-second sleep outlasting the work around it), not reported. */
static wf_status explore_timing(explorer *x, consumer_set *cs, wf_diag *d)
{
    explore_opts o = x->o;
    explorer *y;
    wf_status st;
    o.timing = false;
    o.time_early = true;
    o.after_exec = NULL; /* its executions are no outcomes */
    o.on_step = NULL;
    y = explore_new(&x->prog, &o);
    y->e = x->e; /* borrowed */
    y->spent = x->spent;
    y->timing_end = x->spent + (x->spent > TIMING_FLOOR ? x->spent : TIMING_FLOOR);
    st = explore_run(y, cs, d);
    y->e->cfg.time_early = false;
    x->timing_execs = y->executions;
    x->timing_complete = y->complete;
    x->spent = y->spent;
    x->stopped |= y->stopped;
    for (size_t i = 0; i < y->findings.len; i++) {
        const xfinding *f = &y->findings.p[i];
        bool known = false;
        for (size_t j = 0; j < x->findings.len && !known; j++)
            known = x->findings.p[j].f.sig == f->f.sig &&
                    x->findings.p[j].f.kind == f->f.kind;
        if (!known) {
            xfinding z;
            memset(&z, 0, sizeof z);
            xfinding_copy(&z, f);
            VEC_PUSH(x->findings, z);
        }
    }
    if (y->diverged && !x->diverged)
        x->diverged = wf_xstrdup(y->diverged);
    y->e = NULL;
    explore_free(y);
    return st;
}

wf_status explore_run(explorer *x, consumer_set *cs, wf_diag *d)
{
    wf_status st;
    x->nrun_cs = 0;
    for (int i = 0; cs && i < cs->n && i < 16; i++)
        x->run_cs[x->nrun_cs++] = cs->v[i];
    st = run_all(x, cs, d);
    if (x->prog.incomplete && x->complete &&
        (x->incomplete = x->prog.incomplete(x->prog.ctx)) != NULL)
        x->complete = false; /* complete only for the values tried */
    if (x->e && x->o.strategy != WF_STRATEGY_REPLAY &&
        x->o.strategy != WF_STRATEGY_RR)
        keep_last(x); /* before the minimizer reuses the engine */
    if (x->prog.extra_get) {
        free(x->last_extra);
        x->last_extra = wf_xstrdup(x->prog.extra_get(x->prog.ctx));
    }
    if (st == WF_OK && !x->diverged && x->o.minimize)
        explore_minimize(x, cs);
    /* (after the minimizer: its witnesses replay under strict time) */
    if (st == WF_OK && x->o.timing && x->late_seen && x->complete &&
        !x->stopped && !x->diverged && !x->o.time_loose && !x->o.prefix &&
        x->o.strategy == WF_STRATEGY_DPOR && !explore_halted(x))
        st = explore_timing(x, cs, d);
    if (x->e && (x->o.strategy == WF_STRATEGY_REPLAY ||
                 x->o.strategy == WF_STRATEGY_RR))
        keep_last(x);
    return st;
}

double explore_estimate_left(const explorer *x)
{
    double est;
    if (x->dp) {
        est = dpor_estimate(x->dp) -
              (double)(x->executions - x->round_start);
    } else if (x->o.strategy == WF_STRATEGY_DFS) {
        est = 1;
        for (size_t i = 0; i < x->stack.len && est < 1e18; i++)
            est *= (double)x->stack.p[i].n;
        est -= (double)x->executions;
    } else if (x->o.max_executions > 0) {
        est = (double)(x->o.max_executions - x->executions);
    } else {
        return -1;
    }
    return est < 0 ? 0 : est;
}

void explore_coverage(const explorer *x, buf *out)
{
    double left = explore_estimate_left(x);
    const char *sep = "";
    if (x->complete)
        return;
    if (x->bound >= 0) {
        buf_printf(out, "preemption bound %d fully explored", x->bound);
        sep = "; ";
    } else if (x->rounds_done >= 0) {
        buf_printf(out,
                   "the search's rounds within %d preemption%s done: "
                   "each trace once, not every order of it",
                   x->rounds_done, x->rounds_done == 1 ? "" : "s");
        sep = "; ";
    }
    /* (an estimate under 1 of a search not complete says nothing) */
    if (x->dp && x->bound < 0 && left >= 1) {
        buf_printf(out, "%san estimated %.3g execution%s left", sep, left,
                   left < 1.5 ? "" : "s");
        sep = "; ";
    }
    if (x->sampled) {
        buf_printf(out, "%s%llu of the executions sampled (random and PCT)",
                   sep, (unsigned long long)x->sampled);
        sep = "; ";
    }
    if (x->steered_past) {
        buf_printf(out, "%s%llu run past the budget to confirm a predicted "
                   "deadlock", sep, (unsigned long long)x->steered_past);
        sep = "; ";
    }
    if (x->blocked + x->deferred)
        buf_printf(out, "%s%llu more started and abandoned partway by the "
                   "reduction",
                   sep, (unsigned long long)(x->blocked + x->deferred));
}

int explore_status(const explorer *x, bool strict)
{
    for (size_t i = 0; i < x->findings.len; i++)
        if (x->findings.p[i].f.error || strict)
            return 1;
    return 0;
}

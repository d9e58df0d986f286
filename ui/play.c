/* play.c: see play.h. */
#include "play.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/report.h"
#include "sim/chan.h"
#include "sim/lang/lex.h"
#include "ui/record.h"

/* Hints kept for prefixes met before (undo comes back to them). */
#define PLAY_HINT_CACHE 64
/* Bypasses in a row that make a task "starved" in a hint. */
#define PLAY_STARVE_MIN 2

/* ---- goals --------------------------------------------------------------- */

static int finding_kind_of(const char *w, size_t n)
{
    for (int k = 0; k < FINDING_KINDS; k++)
        if (strlen(finding_kind_names[k]) == n &&
            !strncmp(finding_kind_names[k], w, n))
            return k;
    return -1;
}

/* Parse the text of one `// play:` comment (after "play:"), which starts
 * at column col of line; Go tokens: an identifier, then for outcome a
 * string literal. */
static wf_status goal_line(const char *path, const char *text, int line,
                           int col, play_goal *g, wf_diag *d)
{
    arena mem;
    lex_state lx;
    lex_token t;
    wf_diag ld;
    wf_status st = WF_OK;
    size_t n = strlen(text);
    arena_init(&mem);
    lex_init(&lx, path, (const unsigned char *)text, n, &mem);
    if (lex_next(&lx, &t, &ld) != WF_OK || t.kind != TK_IDENT) {
        st = diag_set(d, path, line, col + (int)t.off,
                      "play: takes a finding kind (deadlock, race, panic, "
                      "...) or outcome \"OUTPUT\"");
        goto out;
    }
    if (t.len == 7 && !strncmp(text + t.off, "outcome", 7)) {
        lex_token s;
        if (lex_next(&lx, &s, &ld) != WF_OK || s.kind != TK_STRING) {
            st = diag_set(d, path, line, col + (int)(s.kind ? s.off : n),
                          "play: outcome takes a Go string: outcome \"1\\n\"");
            goto out;
        }
        g->kind = PLAY_GOAL_OUTCOME;
        g->output = wf_xmalloc(s.val.s.n + 1);
        memcpy(g->output, s.val.s.p, s.val.s.n);
        g->output[s.val.s.n] = '\0';
        g->output_len = s.val.s.n;
    } else {
        int k = finding_kind_of(text + t.off, t.len);
        if (k < 0) {
            st = diag_set(d, path, line, col + (int)t.off,
                          "play: unknown goal '%.*s': a finding kind "
                          "(deadlock, race, panic, assert, leak, ...) or "
                          "outcome \"OUTPUT\"",
                          (int)t.len, text + t.off);
            goto out;
        }
        g->kind = PLAY_GOAL_FINDING;
        g->finding = (uint8_t)k;
    }
    /* nothing may follow but the end of the line */
    if (lex_next(&lx, &t, &ld) != WF_OK ||
        (t.kind != TK_EOF && t.kind != TK_SEMICOLON)) {
        play_goal_fini(g);
        st = diag_set(d, path, line, col + (int)t.off,
                      "play: one goal a line: unexpected '%.*s'",
                      (int)(t.len ? t.len : 1), text + t.off);
    }
out:
    arena_fini(&mem);
    return st;
}

wf_status play_goal_read(const char *path, const unsigned char *src, size_t len,
                         play_goal *g, wf_diag *d)
{
    arena a;
    lex_comment *c;
    size_t n;
    wf_status st = WF_OK;
    memset(g, 0, sizeof *g);
    arena_init(&a);
    n = lex_leading_comments(src, len, &a, &c);
    for (size_t i = 0; i < n && st == WF_OK; i++) {
        const char *t = c[i].text;
        while (*t == ' ' || *t == '\t')
            t++;
        if (strncmp(t, "play:", 5)) continue;
        if (g->kind != PLAY_GOAL_NONE) {
            st = diag_set(d, path, c[i].line, c[i].col,
                          "a second // play: line (one goal a file)");
            break;
        }
        t += 5;
        st = goal_line(path, t, c[i].line, c[i].col + 2 + (int)(t - c[i].text),
                       g, d);
    }
    arena_fini(&a);
    if (st != WF_OK) play_goal_fini(g);
    return st;
}

void play_goal_fini(play_goal *g)
{
    free(g->output);
    memset(g, 0, sizeof *g);
}

void play_quote(buf *out, const char *s, size_t max)
{
    size_t i = 0;
    buf_putc(out, '"');
    for (; s[i] && i < max; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '\n')
            buf_puts(out, "\\n");
        else if (c == '\t')
            buf_puts(out, "\\t");
        else if (c == '"' || c == '\\')
            buf_printf(out, "\\%c", c);
        else if (c < 0x20 || c == 0x7F)
            buf_printf(out, "\\x%02x", c);
        else
            buf_putc(out, (char)c);
    }
    buf_putc(out, '"');
    if (s[i]) buf_puts(out, "...");
}

void play_goal_text(const play_goal *g, buf *out)
{
    if (g->kind == PLAY_GOAL_FINDING) {
        buf_puts(out, finding_kind_names[g->finding]);
    } else if (g->kind == PLAY_GOAL_OUTCOME) {
        buf_puts(out, "outcome ");
        play_quote(out, g->output, 200);
    } else {
        buf_puts(out, "none");
    }
}

/* ---- the state in words -------------------------------------------------- */

/* t's pending operation, short ("lock f1", "send ch", "exit"). */
static void op_words(wf_engine *e, const wf_task *t, buf *out)
{
    const op *o = &t->op;
    const char *obj = o->obj ? report_obj_name(e, o->obj) : "nil";
    const char *name = o->kind < OP__COUNT ? op_kind_names[o->kind] : "?";
    switch ((op_kind)o->kind) {
    case OP_NONE:
        buf_puts(out, "-");
        break;
    case OP_SPAWN:
        buf_printf(out, "go %s", o->spawn_name ? o->spawn_name : "func");
        break;
    case OP_YIELD:
    case OP_SELECT:
        buf_puts(out, name);
        break;
    case OP_WG_ADD:
        if (o->done)
            buf_printf(out, "done %s", obj);
        else
            buf_printf(out, "add %s %+lld", obj, (long long)o->val.i);
        break;
    case OP_ONCE_END:
        buf_printf(out, "once %s end", obj);
        break;
    case OP_SLEEP: {
        buf_printf(out, "sleep %lldns", (long long)o->ns);
        break;
    }
    case OP_PRINT:
        buf_puts(out, "print ");
        if (o->text) {
            char tmp[64];
            size_t n = o->len < sizeof tmp - 1 ? o->len : sizeof tmp - 1;
            memcpy(tmp, o->text, n);
            tmp[n] = '\0';
            play_quote(out, tmp, 40);
        }
        break;
    case OP_EXIT:
        buf_puts(out, t->main_task ? "return" : "exit");
        break;
    case OP_ASSERT:
        buf_puts(out, "assert fails");
        break;
    case OP_PANIC:
        buf_puts(out, "panic");
        break;
    case OP_ALOAD:
        buf_printf(out, "load %s", obj);
        break;
    case OP_ASTORE:
        buf_printf(out, "store %s", obj);
        break;
    case OP_AADD:
        buf_printf(out, "add %s", obj);
        break;
    case OP_ASWAP:
        buf_printf(out, "swap %s", obj);
        break;
    case OP_ACAS:
        buf_printf(out, "cas %s", obj);
        break;
    default:
        buf_printf(out, "%s %s", name, obj);
        break;
    }
    /* a step weft's Go library takes for the user's call on t's line */
    if (o->lib) buf_puts(out, " (in the library)");
}

static char *xstrdup0(const char *s)
{
    return s ? wf_xstrdup(s) : NULL;
}

static void at_fini(play_at *a)
{
    for (size_t i = 0; i < a->alts.len; i++)
        free(a->alts.p[i].label);
    for (size_t i = 0; i < a->tasks.len; i++) {
        free(a->tasks.p[i].name);
        free(a->tasks.p[i].op);
        free(a->tasks.p[i].file);
    }
    for (size_t i = 0; i < a->findings.len; i++)
        free(a->findings.p[i]);
    VEC_FREE(a->alts);
    VEC_FREE(a->tasks);
    VEC_FREE(a->findings);
    free(a->output);
    free(a->schedule);
    free(a->error);
    memset(a, 0, sizeof *a);
}

/* The tasks of e, each with its next operation. */
static void snap_tasks(play_at *a, wf_engine *e)
{
    buf b;
    buf_init(&b);
    for (size_t i = 0; i < e->tasks.len; i++) {
        const wf_task *t = e->tasks.p[i];
        play_task pt;
        memset(&pt, 0, sizeof pt);
        pt.tid = t->tid;
        pt.name = wf_xstrdup(engine_task_name(t));
        pt.state = t->state;
        buf_reset(&b);
        if (t->state == TASK_DONE)
            buf_puts(&b, "done");
        else
            op_words(e, t, &b);
        pt.op = wf_xstrdup(b.p ? b.p : "");
        if (t->state != TASK_DONE) {
            pt.file = xstrdup0(t->op.file);
            pt.line = t->op.line;
        }
        VEC_PUSH(a->tasks, pt);
    }
    buf_fini(&b);
}

/* The alternatives of a choice in words. */
static void snap_alts(play_at *a, wf_engine *e, choice_kind kind, int n,
                      const int32_t *alts)
{
    buf b;
    const wf_task *cur = e->cur;
    buf_init(&b);
    a->kind = (uint8_t)kind;
    a->chooser = kind == CHOICE_TASK || !cur ? -1 : cur->tid;
    for (int i = 0; i < n; i++) {
        play_alt pa;
        buf_reset(&b);
        pa.value = alts[i];
        switch (kind) {
        case CHOICE_TASK:
        case CHOICE_PARTNER:
            if ((size_t)alts[i] < e->tasks.len)
                buf_puts(&b, engine_task_name(e->tasks.p[alts[i]]));
            break;
        case CHOICE_COND:
            if ((size_t)alts[i] < e->tasks.len)
                buf_printf(&b, "wake %s",
                           engine_task_name(e->tasks.p[alts[i]]));
            break;
        case CHOICE_SELECT:
            if (cur && (uint32_t)alts[i] < cur->op.ncases) {
                const sel_case *c = &cur->op.cases[alts[i]];
                buf_printf(&b, "case %d: %s %s", (int)alts[i],
                           c->send ? "send" : "recv",
                           c->chan ? report_obj_name(e, &c->chan->hdr) : "nil");
            }
            break;
        case CHOICE_TIMER:
            buf_printf(&b, "timer %d fires first", i + 1);
            break;
        case CHOICE_BOOL:
            buf_puts(&b, alts[i] == 0 ? "the clock moves"
                                      : "a cond waiter wakes spuriously");
            break;
        }
        pa.label = wf_xstrdup(b.p ? b.p : "?");
        VEC_PUSH(a->alts, pa);
    }
    buf_fini(&b);
}

/* ---- watching an execution: preemptions, main's return ------------------- */

typedef struct watch {
    int32_t prev;      /* the task of the previous step, -1 */
    bool prev_en;      /* ... still enabled after it */
    VEC(uint64_t) pre; /* steps that preempted it, ascending */
    int64_t main_done; /* step main returned at, -1 */
} watch;

static void watch_begin(void *ctx, wf_engine *e)
{
    watch *w = ctx;
    (void)e;
    w->prev = -1;
    w->prev_en = false;
    w->pre.len = 0;
    w->main_done = -1;
}

static void watch_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    watch *w = ctx;
    (void)e;
    if (ev->op == EV_EXIT && (ev->flags & EVF_MAIN_DONE) && w->main_done < 0)
        w->main_done = (int64_t)ev->step;
}

/* A step's task ran while the previous step's task could still run: a
 * preemption (explore.c counts them so at each choice). */
static void watch_step_end(void *ctx, wf_engine *e)
{
    watch *w = ctx;
    if (e->phase == PHASE_STEP) {
        if (w->prev >= 0 && e->phase_tid != w->prev && w->prev_en)
            VEC_PUSH(w->pre, e->step);
        w->prev = e->phase_tid;
    }
    w->prev_en = w->prev >= 0 && (size_t)w->prev < e->tasks.len &&
                 e->tasks.p[w->prev]->state == TASK_RUNNABLE;
}

static wf_consumer watch_consumer(watch *w)
{
    wf_consumer c = {w, watch_begin, watch_event, NULL, watch_step_end, 0};
    return c;
}

/* Preemptions at steps <= step. */
static uint32_t preempts_upto(const watch *w, uint64_t step)
{
    uint32_t n = 0;
    while (n < w->pre.len && w->pre.p[n] <= step)
        n++;
    return n;
}

/* Did e's execution reach goal g? *step: where. */
static bool goal_reached(const play_game *gm, const wf_engine *e,
                         const watch *w, uint64_t *step)
{
    const play_goal *g = &gm->goal;
    if (g->kind == PLAY_GOAL_FINDING) {
        bool hit = false;
        for (size_t i = 0; i < e->findings.len; i++)
            if (e->findings.p[i].kind == g->finding &&
                (!hit || e->findings.p[i].step < *step)) {
                *step = e->findings.p[i].step;
                hit = true;
            }
        return hit;
    }
    if (g->kind == PLAY_GOAL_OUTCOME && w->main_done >= 0 &&
        e->out.len == g->output_len &&
        !memcmp(e->out.p ? e->out.p : "", g->output, g->output_len)) {
        *step = (uint64_t)w->main_done;
        return true;
    }
    return false;
}

/* The earliest error finding of e after step `after` (none: NULL). */
static const finding *first_error(const play_game *g, const wf_engine *e,
                                  uint64_t after)
{
    const finding *best = NULL;
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        bool err = f->kind == WF_LEAK ? g->prog.leaks_are_errors : f->error;
        if (err && f->step > after && (!best || f->step < best->step)) best = f;
    }
    return best;
}

/* ---- the live execution -------------------------------------------------- */

typedef struct live {
    play_game *g;
    play_at *at;
    bool stopped; /* at the frontier */
    bool diverged;
} live;

/* Round robin from the last task: it runs on while it can, then the next
 * one by tid (no preemption). */
static int rr_pick(const wf_engine *e, choice_kind kind, int n,
                   const int32_t *alts)
{
    if (kind != CHOICE_TASK) return 0;
    for (int i = 0; i < n; i++)
        if (alts[i] == e->last_tid) return i;
    for (int i = 0; i < n; i++)
        if (alts[i] > e->last_tid) return i;
    return 0;
}

static int live_choose(void *ctx, wf_engine *e, choice_kind kind, int n,
                       const int32_t *alts)
{
    live *l = ctx;
    play_game *g = l->g;
    if (n == 1) return 0;
    if (g->pos < g->prefix.len) {
        const choice *c = &g->prefix.p[g->pos];
        if ((int)c->n != n || (int)c->idx >= n) {
            l->diverged = true;
            return -1;
        }
        g->pos++;
        return (int)c->idx;
    }
    if (g->auto_rest) {
        g->pos++;
        return rr_pick(e, kind, n, alts);
    }
    /* the frontier */
    snap_tasks(l->at, e);
    snap_alts(l->at, e, kind, n, alts);
    l->stopped = true;
    return -1;
}

static void schedule_string(const play_game *g, const wf_engine *e, buf *out)
{
    schedule s;
    memset(&s, 0, sizeof s);
    s.hash = g->prog.hash;
    s.cond_any = e->cfg.cond_order_any;
    s.spurious = e->cfg.spurious_wakeups;
    s.mutex_fifo = e->cfg.mutex_fifo;
    s.time_loose = e->cfg.time_loose;
    schedule_encode(out, &s, e->choices.p, e->choices.len);
}

static const char *const end_words[] = {
    "",          "every task is done", "deadlock: no task can run",
    "a panic",   "cut at --max-steps", "",
    "a livelock"};

/* Execute the prefix (then, with auto_rest, run on without preempting),
 * filling *a; extra consumers see the execution too. */
static void execute(play_game *g, play_at *a, bool auto_rest,
                    wf_consumer *extra, int nextra)
{
    wf_engine *e = g->e;
    live l = {g, a, false, false};
    wf_strategy strat = {&l, live_choose, NULL};
    watch w;
    checkers *ck = checkers_new(NULL);
    consumer_set *kc = checkers_consumers(ck);
    wf_consumer cs[16];
    int n = 0;
    buf b;
    memset(&w, 0, sizeof w);
    for (int i = 0; i < kc->n && n < 14; i++)
        cs[n++] = kc->v[i];
    cs[n++] = watch_consumer(&w);
    for (int i = 0; i < nextra && n < 16; i++)
        cs[n++] = extra[i];
    at_fini(a);
    a->chooser = -1;
    a->last_tid = -1;
    g->pos = 0;
    g->auto_rest = auto_rest;
    engine_reset(e);
    if (g->prog.begin) g->prog.begin(g->prog.ctx, e);
    engine_run(e, g->prog.drv, g->prog.arg, g->prog.main_name, &strat, cs, n);
    g->auto_rest = false;
    a->nchoices = e->choices.len;
    a->over = !l.stopped && !l.diverged;
    a->end = (uint8_t)e->end;
    a->step = e->step;
    a->last_tid = e->last_tid;
    a->output = wf_xstrdup(e->out.p ? e->out.p : "");
    a->preempts = (uint32_t)w.pre.len;
    a->main_done_step = w.main_done;
    if (a->over) {
        snap_tasks(a, e);
        a->kind = CHOICE_TASK;
    }
    buf_init(&b);
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        buf_reset(&b);
        buf_printf(&b, "%s: %s", finding_kind_names[f->kind],
                   f->message ? f->message : "");
        VEC_PUSH(a->findings, wf_xstrdup(b.p));
        a->kinds |= 1u << f->kind;
    }
    if (l.diverged) {
        buf_reset(&b);
        buf_printf(&b,
                   "the program no longer offers the choices played at "
                   "step %llu (was the file changed?)",
                   (unsigned long long)e->step + 1);
        a->error = wf_xstrdup(b.p);
    }
    if (a->over && e->end < sizeof end_words / sizeof end_words[0] &&
        e->end == END_DEADLOCK && !(a->kinds & (1u << WF_DEADLOCK))) {
        buf_reset(&b);
        buf_printf(&b, "%s", end_words[e->end]);
        VEC_PUSH(a->findings, wf_xstrdup(b.p));
    }
    a->goal = goal_reached(g, e, &w, &a->goal_step);
    if (a->goal) a->goal_preempts = preempts_upto(&w, a->goal_step);
    buf_reset(&b);
    schedule_string(g, e, &b);
    a->schedule = wf_xstrdup(b.p);
    buf_fini(&b);
    VEC_FREE(w.pre);
    checkers_free(ck);
}

static trace_run_info run_info(const play_game *g, const play_at *a,
                               char created[32])
{
    trace_run_info ri;
    memset(&ri, 0, sizeof ri);
    record_now(created);
    ri.file = g->prog.file;
    ri.command = "play";
    ri.strategy = "play";
    ri.schedule = a->schedule;
    ri.created_at = created;
    ri.role = "execution";
    /* a session stopped at a task choice replays as a cut there */
    ri.max_steps = !a->over && a->kind == CHOICE_TASK
                       ? (int64_t)a->step
                       : (int64_t)g->e->cfg.max_steps;
    ri.status = 0;
    for (size_t i = 0; i < g->e->findings.len; i++) {
        const finding *f = &g->e->findings.p[i];
        if (f->kind == WF_LEAK ? g->prog.leaks_are_errors : f->error)
            ri.status = 1;
    }
    return ri;
}

static void finding_json(void *ctx, const wf_engine *e, const finding *f,
                         const char *sched, buf *out)
{
    const play_game *g = ctx;
    record_finding_json(e, f, sched, g->prog.leaks_are_errors, out);
}

/* Re-execute the prefix into g->at and write it to the display. */
static void refresh(play_game *g)
{
    wf_consumer rec = trace_consumer(g->disp);
    trace_run_info ri;
    char created[32];
    wf_diag d;
    int64_t id = 0;
    execute(g, &g->at, false, &rec, 1);
    ri = run_info(g, &g->at, created);
    if (trace_end_run(g->disp, g->e, &ri, &id, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        free(g->at.error);
        g->at.error = wf_xstrdup(m);
    }
    g->at.run_id = id;
    if (g->at.over) play_record(g, NULL);
}

wf_status play_record(play_game *g, wf_diag *d)
{
    wf_consumer rec;
    trace_run_info ri;
    char created[32];
    play_at a;
    int64_t id;
    wf_status st;
    if (!g->sess) return WF_OK;
    for (size_t i = 0; i < g->recorded.len; i++)
        if (!strcmp(g->recorded.p[i], g->at.schedule)) return WF_OK;
    memset(&a, 0, sizeof a);
    rec = trace_consumer(g->sess);
    execute(g, &a, false, &rec, 1);
    ri = run_info(g, &a, created);
    st = trace_end_run(g->sess, g->e, &ri, &id, d);
    if (st == WF_OK) {
        VEC_PUSH(g->recorded, wf_xstrdup(a.schedule));
        g->sess_runs++;
    }
    at_fini(&a);
    return st;
}

/* ---- hints --------------------------------------------------------------- */

void play_hints_fini(play_hints *h)
{
    free(h->what);
    free(h->path);
    free(h->line1);
    free(h->line2);
    for (size_t i = 0; i < h->outputs.len; i++)
        free(h->outputs.p[i]);
    VEC_FREE(h->outputs);
    memset(h, 0, sizeof *h);
}

typedef struct hint_acc {
    play_game *g;
    play_hints *h;
    watch w;
    uint64_t cap; /* steps this round may take */
} hint_acc;

/* The round's budget of steps (deterministic: never time), counted
 * within an execution too, so one endless execution cannot outlast it. */
static bool hint_stop(void *ctx, const explorer *x)
{
    const hint_acc *a = ctx;
    return x->steps + (x->e ? x->e->step : 0) >= a->cap;
}

static void add_output(play_hints *h, const char *s)
{
    size_t i = 0;
    while (i < h->outputs.len && strcmp(h->outputs.p[i], s) < 0)
        i++;
    if (i < h->outputs.len && !strcmp(h->outputs.p[i], s)) return;
    VEC_PUSH(h->outputs, NULL);
    memmove(h->outputs.p + i + 1, h->outputs.p + i,
            (h->outputs.len - 1 - i) * sizeof *h->outputs.p);
    h->outputs.p[i] = wf_xstrdup(s);
}

/* One explored continuation: the nearest target, outputs, starvation. */
static void hint_exec(void *ctx, wf_engine *e, const char *sched)
{
    hint_acc *x = ctx;
    play_game *g = x->g;
    play_hints *h = x->h;
    const play_at *at = &g->at;
    uint64_t step = 0;
    const char *what = NULL;
    bool hit = false;
    if (g->goal.kind != PLAY_GOAL_NONE) {
        hit = goal_reached(g, e, &x->w, &step);
        what = "the goal";
        if (hit) {
            uint32_t p = preempts_upto(&x->w, step);
            if (!h->goal_seen || step < h->goal_min_steps)
                h->goal_min_steps = step;
            if (!h->goal_seen || p < h->goal_min_preempts)
                h->goal_min_preempts = p;
            h->goal_seen = true;
        }
    } else {
        const finding *f = first_error(g, e, at->step);
        if (f) {
            hit = true;
            step = f->step;
            what = finding_kind_names[f->kind];
        }
    }
    if (hit && step > at->step) {
        uint32_t p = preempts_upto(&x->w, step);
        uint32_t extra = p >= at->preempts ? p - at->preempts : 0;
        uint64_t steps = step - at->step;
        if (!h->found || extra < h->extra ||
            (extra == h->extra && steps < h->steps)) {
            free(h->what);
            free(h->path);
            h->found = true;
            h->extra = extra;
            h->steps = steps;
            h->what = wf_xstrdup(what);
            h->path = wf_xstrdup(sched);
        }
    }
    if (e->end == END_ABANDONED)
        return; /* stopped by the budget: no continuation of its own */
    if (e->end != END_MAX_STEPS && e->end != END_MEMORY) /* cuts */
        add_output(h, e->out.p ? e->out.p : "");
    for (size_t i = 0; i < e->tasks.len && i < 64; i++) {
        const wf_task *t = e->tasks.p[i];
        if (t->m.max_bypass_streak >= PLAY_STARVE_MIN) {
            h->starve_mask |= 1ULL << i;
            if (t->m.max_bypass_streak > h->starve_max)
                h->starve_max = (uint32_t)t->m.max_bypass_streak;
        }
        if (t->state != TASK_DONE &&
            (e->end == END_DONE || e->end == END_DEADLOCK))
            h->stuck_mask |= 1ULL << i;
    }
}

/* One round of the search from the prefix: dpor with bound (-1: none),
 * within cap steps; returns the steps it took. */
static uint64_t hint_round(play_game *g, play_hints *h, int bound, uint64_t cap,
                           bool *complete)
{
    uint64_t steps = 0;
    explore_opts o;
    explorer *x;
    checkers *ck = checkers_new(NULL);
    consumer_set *kc = checkers_consumers(ck);
    wf_consumer cs[16];
    consumer_set all = {cs, 0};
    hint_acc acc;
    wf_diag d;
    memset(&acc, 0, sizeof acc);
    acc.g = g;
    acc.h = h;
    acc.cap = cap;
    for (int i = 0; i < kc->n && all.n < 15; i++)
        cs[all.n++] = kc->v[i];
    cs[all.n++] = watch_consumer(&acc.w);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.prefix = g->at.schedule;
    o.preemptions = bound;
    o.should_stop = hint_stop;
    o.stop_ctx = &acc;
    o.max_steps = g->e->cfg.max_steps;
    o.max_memory = g->e->cfg.max_memory;
    o.cond_any = g->o.cond_any;
    o.spurious = g->o.spurious;
    o.mutex_fifo = g->o.mutex_fifo;
    o.time_loose = g->o.time_loose;
    o.after_exec = hint_exec;
    o.after_ctx = &acc;
    x = explore_new(&g->prog, &o);
    if (explore_run(x, &all, &d) == WF_OK && !x->diverged) {
        h->executions += x->executions;
        *complete = x->complete && !x->stopped;
    } else {
        *complete = false;
    }
    steps = x->steps;
    explore_free(x);
    checkers_free(ck);
    VEC_FREE(acc.w.pre);
    return steps;
}

static void tids_text(const play_game *g, uint64_t mask, buf *out)
{
    int n = 0;
    for (size_t i = 0; i < g->at.tasks.len && i < 64; i++)
        if (mask >> i & 1)
            buf_printf(out, "%s%s", n++ ? ", " : "", g->at.tasks.p[i].name);
}

/* An output in a hint: quoted, or "nothing". */
static void output_words(buf *out, const char *s, size_t max)
{
    if (*s)
        play_quote(out, s, max);
    else
        buf_puts(out, "nothing");
}

static void preempt_words(uint32_t k, buf *out)
{
    if (k == 0)
        buf_puts(out, "without a preemption");
    else
        buf_printf(out, "in %u preemption%s", k, k == 1 ? "" : "s");
}

/* The hint lines of h for the state g->at. */
static void hint_lines(play_game *g, play_hints *h)
{
    buf a, b;
    const play_at *at = &g->at;
    buf_init(&a);
    buf_init(&b);
    buf_puts(&a, "");
    buf_puts(&b, "");
    if (at->over || at->error) {
        buf_puts(&a, "no continuation: the execution is over");
    } else if (g->goal.kind != PLAY_GOAL_NONE && at->goal) {
        buf_puts(&a, "the goal is reached; play on, or u to undo");
    } else if (h->found) {
        if (g->goal.kind != PLAY_GOAL_NONE)
            buf_puts(&a, "the goal is reachable from here ");
        else
            buf_printf(&a, "%s %s is reachable from here ",
                       strchr("aeiou", h->what[0]) ? "an" : "a", h->what);
        preempt_words(h->extra, &a);
        buf_printf(&a, ", %llu step%s on (h: how)",
                   (unsigned long long)h->steps, h->steps == 1 ? "" : "s");
    } else if (h->complete) {
        if (g->goal.kind != PLAY_GOAL_NONE)
            buf_puts(&a, "the goal can no longer be reached from here: "
                         "u undoes");
        else
            buf_puts(&a, "no continuation deadlocks, races, panics or "
                         "fails an assertion");
    } else {
        buf_printf(&a, "no %s in the %lld continuations explored",
                   g->goal.kind != PLAY_GOAL_NONE ? "way to the goal" : "bug",
                   (long long)h->executions);
    }
    if (!at->over && !at->error && h->outputs.len) {
        if (h->complete && h->outputs.len == 1) {
            buf_puts(&b, "every continuation prints ");
            output_words(&b, h->outputs.p[0], 60);
        } else {
            buf_printf(&b, "continuations %s ",
                       h->complete ? "print" : "can print");
            for (size_t i = 0; i < h->outputs.len && i < 4; i++) {
                if (i) buf_puts(&b, " or ");
                output_words(&b, h->outputs.p[i], 40);
            }
            if (h->outputs.len > 4)
                buf_printf(&b, " (%zu outputs)", h->outputs.len);
        }
        /* only tasks still alive here can be starved or stuck from here */
        {
            uint64_t alive = 0;
            for (size_t i = 0; i < at->tasks.len && i < 64; i++)
                if (at->tasks.p[i].state != TASK_DONE) alive |= 1ULL << i;
            if (h->starve_mask & alive) {
                buf_puts(&b, "; ");
                tids_text(g, h->starve_mask & alive, &b);
                buf_printf(&b,
                           " can still be starved (passed over %u "
                           "times in a row)",
                           h->starve_max);
            }
            if (h->stuck_mask & alive) {
                buf_puts(&b, "; ");
                tids_text(g, h->stuck_mask & alive, &b);
                buf_puts(&b, " can be left blocked forever");
            }
        }
    } else if (at->over) {
        buf_puts(&b, "u undoes a move, q quits");
    }
    h->line1 = wf_xstrdup(a.p);
    h->line2 = wf_xstrdup(b.p);
    buf_fini(&a);
    buf_fini(&b);
}

/* Rounds of 0, 1, 2 preemptions after the prefix (the nearest target with
 * the fewest), each within a quarter of the budget, then an unbounded one
 * with the rest (what every continuation does). */
static void compute_hints(play_game *g, play_hints *h)
{
    bool complete = false;
    uint64_t budget = (uint64_t)g->o.hint_budget, used = 0;
    memset(h, 0, sizeof *h);
    h->nchoices = g->at.nchoices;
    if (!g->at.over && !g->at.error && budget > 0) {
        for (int k = 0; k <= 2 && !h->found && !complete; k++)
            used += hint_round(g, h, k, budget / 4, &complete);
        if (!complete && used < budget)
            hint_round(g, h, -1, budget - used, &complete);
        h->complete = complete;
    }
    hint_lines(g, h);
}

const play_hints *play_hints_now(play_game *g)
{
    play_hints h;
    for (size_t i = 0; i < g->hints.len; i++)
        if (g->hints.p[i].nchoices == g->at.nchoices &&
            !strcmp(g->hint_keys.p[i], g->at.schedule))
            return &g->hints.p[i];
    compute_hints(g, &h);
    if (g->hints.len >= PLAY_HINT_CACHE) {
        play_hints_fini(&g->hints.p[0]);
        free(g->hint_keys.p[0]);
        memmove(g->hints.p, g->hints.p + 1,
                (g->hints.len - 1) * sizeof *g->hints.p);
        memmove(g->hint_keys.p, g->hint_keys.p + 1,
                (g->hint_keys.len - 1) * sizeof *g->hint_keys.p);
        g->hints.len--;
        g->hint_keys.len--;
    }
    VEC_PUSH(g->hints, h);
    VEC_PUSH(g->hint_keys, wf_xstrdup(g->at.schedule));
    return &g->hints.p[g->hints.len - 1];
}

/* ---- the game ------------------------------------------------------------ */

wf_status play_new(play_game **out, const program *p, play_goal *goal,
                   const play_opts *o, wf_diag *d)
{
    play_game *g = wf_xcalloc(1, sizeof *g);
    engine_config cfg;
    wf_status st;
    *out = NULL;
    g->prog = *p;
    g->goal = *goal;
    memset(goal, 0, sizeof *goal);
    g->o = *o;
    memset(&cfg, 0, sizeof cfg);
    cfg.cond_order_any = o->cond_any;
    cfg.spurious_wakeups = o->spurious;
    cfg.mutex_fifo = o->mutex_fifo;
    cfg.time_loose = o->time_loose;
    cfg.max_steps = o->max_steps ? o->max_steps : 1000000;
    cfg.max_memory = o->max_memory;
    g->e = engine_new(&cfg);
    st = trace_open(&g->disp, o->display_db, TRACE_WRITE, 2000, d);
    if (st == WF_OK && o->session_db)
        st = trace_open(&g->sess, o->session_db, TRACE_WRITE, 2000, d);
    if (st != WF_OK) {
        play_free(g);
        return st;
    }
    trace_set_finding_json(g->disp, finding_json, g);
    if (g->sess) trace_set_finding_json(g->sess, finding_json, g);
    refresh(g);
    if (g->goal.kind != PLAY_GOAL_NONE) {
        /* the search from the start gives the fewest steps and
         * preemptions the goal takes */
        const play_hints *h = play_hints_now(g);
        g->goal_min_known = h->goal_seen;
        g->goal_min_steps = h->goal_min_steps;
        g->goal_min_preempts = h->goal_min_preempts;
    }
    *out = g;
    return WF_OK;
}

void play_free(play_game *g)
{
    if (!g) return;
    if (g->sess && g->at.schedule) play_record(g, NULL);
    for (size_t i = 0; i < g->hints.len; i++) {
        play_hints_fini(&g->hints.p[i]);
        free(g->hint_keys.p[i]);
    }
    for (size_t i = 0; i < g->marks.len; i++)
        free(g->marks.p[i].msg);
    for (size_t i = 0; i < g->recorded.len; i++)
        free(g->recorded.p[i]);
    VEC_FREE(g->hints);
    VEC_FREE(g->hint_keys);
    VEC_FREE(g->marks);
    VEC_FREE(g->recorded);
    VEC_FREE(g->prefix);
    at_fini(&g->at);
    trace_close(g->disp);
    trace_close(g->sess);
    engine_free(g->e);
    play_goal_fini(&g->goal);
    free(g);
}

void play_mark_now(play_game *g, int sel, const char *msg)
{
    play_mark m = {g->prefix.len, sel, xstrdup0(msg)};
    VEC_PUSH(g->marks, m);
}

bool play_choose(play_game *g, int i)
{
    choice c;
    if (g->at.over || g->at.error || i < 0 || (size_t)i >= g->at.alts.len)
        return false;
    c.n = (uint32_t)g->at.alts.len;
    c.idx = (uint32_t)i;
    c.step = g->at.step;
    c.kind = g->at.kind;
    VEC_PUSH(g->prefix, c);
    refresh(g);
    WF_DASSERT(play_check(g));
    return true;
}

bool play_undo(play_game *g, int *sel, char **msg)
{
    play_mark m;
    if (!g->marks.len) return false;
    m = g->marks.p[--g->marks.len];
    g->prefix.len = m.len < g->prefix.len ? m.len : g->prefix.len;
    refresh(g);
    WF_DASSERT(play_check(g));
    *sel = m.sel;
    *msg = m.msg;
    return true;
}

bool play_auto(play_game *g)
{
    if (g->at.over || g->at.error) return false;
    execute(g, &g->at, true, NULL, 0);
    g->prefix.len = 0;
    for (size_t i = 0; i < g->e->choices.len; i++)
        VEC_PUSH(g->prefix, g->e->choices.p[i]);
    refresh(g);
    WF_DASSERT(play_check(g));
    return true;
}

int play_hint_alt(play_game *g)
{
    const play_hints *h = play_hints_now(g);
    schedule s;
    int idx = -1;
    if (!h->found || !h->path || g->at.over) return -1;
    if (schedule_decode(&s, h->path, NULL) != WF_OK) return -1;
    if (s.choices.len > g->prefix.len) {
        const choice *c = &s.choices.p[g->prefix.len];
        if (c->n == g->at.alts.len) idx = (int)c->idx;
    }
    schedule_fini(&s);
    return idx;
}

void play_replay_line(play_game *g, buf *out, bool *completed)
{
    play_at a;
    const char *sched = g->at.schedule;
    memset(&a, 0, sizeof a);
    *completed = !g->at.over;
    if (*completed) {
        execute(g, &a, true, NULL, 0);
        sched = a.schedule;
    }
    buf_printf(out, "%s --schedule %s",
               g->o.command_line ? g->o.command_line : "weft replay",
               sched ? sched : "");
    at_fini(&a);
}

bool play_goal_min(play_game *g, uint64_t *steps, uint32_t *preempts)
{
    *steps = g->goal_min_steps;
    *preempts = g->goal_min_preempts;
    return g->goal_min_known;
}

bool play_check(const play_game *g)
{
    for (size_t i = 0; i < g->marks.len; i++)
        if ((i && g->marks.p[i].len < g->marks.p[i - 1].len) ||
            g->marks.p[i].len > g->prefix.len)
            return false;
    return g->at.error || g->at.nchoices == g->prefix.len;
}

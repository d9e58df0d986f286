/* playdraw.c: see playdraw.h. */
#include "playdraw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rows of the play block under the lanes (the lanes' own three bottom
 * rows are drawn over). */
#define PLAY_ROWS 4

static void set_msg(playdraw *p, const char *fmt, ...) WF_PRINTF(2, 3);
static void set_msg(playdraw *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
}

/* Load the game's current run into the model; the cursor on its last
 * event when following. */
static void sync_model(playdraw *p)
{
    play_game *g = p->g;
    if (g->at.run_id && p->m->run.id != g->at.run_id) {
        wf_diag d;
        if (viewmodel_load(p->m, g->at.run_id, 0, &d) != WF_OK) {
            char m[1700];
            diag_format(&d, m, sizeof m);
            set_msg(p, "%.500s", m);
        }
        p->u.finding = -1;
    }
    if (p->follow) p->u.cur = p->m->nevents ? p->m->nevents - 1 : 0;
}

/* The selection after a move: the task that ran last when it still can
 * (no preemption), else the first alternative. */
static int default_sel(const play_game *g)
{
    const play_at *a = &g->at;
    if (a->kind == CHOICE_TASK)
        for (size_t i = 0; i < a->alts.len; i++)
            if (a->alts.p[i].value == a->last_tid) return (int)i;
    return 0;
}

static const char intro[] =
    "you are the scheduler: a digit, arrows+Enter or a click runs a task; "
    "? help";

wf_status playdraw_init(playdraw *p, play_game *g, const char *save_path,
                        wf_diag *d)
{
    wf_status st;
    memset(p, 0, sizeof *p);
    p->g = g;
    p->save_path = save_path;
    p->follow = true;
    viewdraw_ui_init(&p->u);
    viewdraw_grid_init(&p->sub, true);
    st = viewmodel_open(&p->m, g->o.display_db, d);
    if (st != WF_OK) return st;
    sync_model(p);
    p->sel = default_sel(g);
    set_msg(p, "%s", intro);
    return WF_OK;
}

void playdraw_fini(playdraw *p)
{
    for (size_t i = 0; i < p->saved.len; i++)
        free(p->saved.p[i]);
    VEC_FREE(p->saved);
    viewdraw_grid_fini(&p->sub);
    viewdraw_ui_fini(&p->u);
    viewmodel_free(p->m);
    memset(p, 0, sizeof *p);
}

/* ---- drawing ------------------------------------------------------------- */

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : path ? path : "";
}

static void preempt_text(uint32_t n, buf *out)
{
    buf_printf(out, "%u preemption%s", n, n == 1 ? "" : "s");
}

static void draw_title(viewdraw_grid *o, playdraw *p)
{
    const play_game *g = p->g;
    buf l, r;
    int rw;
    buf_init(&l);
    buf_init(&r);
    viewdraw_fill(o, 0, 0, o->w, VA_TITLE);
    buf_printf(&l, " weft play %s", base_name(g->prog.file));
    if (g->goal.kind != PLAY_GOAL_NONE) {
        buf_puts(&l, "  goal: ");
        play_goal_text(&g->goal, &l);
    }
    buf_printf(&r, " step %llu  ", (unsigned long long)g->at.step);
    preempt_text(g->at.preempts, &r);
    buf_puts(&r, " ");
    rw = (int)strlen(r.p);
    viewdraw_text(o, 0, 0, l.p, o->w - rw - 1, VA_TITLE);
    viewdraw_text(o, o->w - rw > 0 ? o->w - rw : 0, 0, r.p, rw, VA_TITLE);
    buf_fini(&l);
    buf_fini(&r);
}

/* The alternative of the pending task choice that runs tid, or -1. */
static int alt_of_tid(const play_game *g, int32_t tid)
{
    const play_at *a = &g->at;
    if (a->over || a->kind != CHOICE_TASK) return -1;
    for (size_t i = 0; i < a->alts.len; i++)
        if (a->alts.p[i].value == tid) return (int)i;
    return -1;
}

/* The task the selection points at (task choices), or -1. */
static int32_t sel_tid(const playdraw *p)
{
    const play_at *a = &p->g->at;
    if (a->over || a->kind != CHOICE_TASK || p->sel < 0 ||
        (size_t)p->sel >= a->alts.len)
        return -1;
    return a->alts.p[p->sel].value;
}

static void draw_next(viewdraw_grid *o, playdraw *p, int y)
{
    const play_game *g = p->g;
    const play_at *a = &g->at;
    const viewdraw_layout *l = &p->l;
    viewdraw_fill(o, 0, y, l->pane_x, VA_NORMAL);
    viewdraw_fill(o, 0, y + 1, l->pane_x, VA_NORMAL);
    viewdraw_text(o, 0, y, a->over ? "end" : "next", l->step_w - 1, VA_HEADER);
    viewdraw_text(o, 0, y + 1, "line", l->step_w - 1, VA_DIM);
    for (int i = 0; i < l->nlanes; i++) {
        int32_t tid = p->u.lane0 + i;
        int x = l->lanes_x + i * l->lane_w, attr, alt;
        const play_task *t;
        char cell[160], st[48];
        if (tid < 0 || (size_t)tid >= a->tasks.len) break;
        t = &a->tasks.p[tid];
        alt = alt_of_tid(g, tid);
        if (t->state == TASK_DONE) {
            snprintf(cell, sizeof cell, "  done");
            attr = VA_DIM;
        } else if (alt >= 0) {
            if (tid <= 9)
                snprintf(cell, sizeof cell, "%d %s", (int)tid, t->op);
            else
                snprintf(cell, sizeof cell, "> %s", t->op);
            attr = alt == p->sel ? VA_CURSOR : VA_EVENT;
        } else {
            snprintf(cell, sizeof cell, "  %s", t->op);
            attr = a->chooser == tid          ? VA_CURSOR
                   : t->state == TASK_BLOCKED ? VA_BLOCKED
                                              : VA_NORMAL;
        }
        viewdraw_fill(o, x, y, l->lane_w - 1, attr);
        viewdraw_text(o, x, y, cell, l->lane_w - 1, attr);
        st[0] = '\0';
        if (t->state != TASK_DONE) {
            if (t->line > 0)
                snprintf(st, sizeof st, "L%d %s", (int)t->line,
                         t->state == TASK_BLOCKED ? "waits" : "");
            else
                snprintf(st, sizeof st, "%s",
                         t->state == TASK_BLOCKED ? "waits" : "");
        }
        viewdraw_text(o, x + 2, y + 1, st, l->lane_w - 3,
                      t->state == TASK_BLOCKED ? VA_BLOCKED : VA_DIM);
    }
}

/* The source line file:line as "name.go:18: text" into out. */
static void source_text(playdraw *p, const char *file, int32_t line, buf *out)
{
    buf src;
    if (!file || line <= 0) return;
    buf_init(&src);
    buf_printf(out, "%s:%d: ", base_name(file), (int)line);
    if (viewmodel_source_line(p->m, file, line, &src)) {
        const char *s = src.p;
        while (*s == ' ' || *s == '\t')
            s++;
        buf_puts(out, s);
    }
    buf_fini(&src);
}

static void draw_detail(viewdraw_grid *o, playdraw *p, int y)
{
    const play_game *g = p->g;
    const play_at *a = &g->at;
    buf t;
    buf_init(&t);
    viewdraw_fill(o, 0, y, o->w, VA_HEADER);
    if (a->error) {
        viewdraw_text(o, 0, y, a->error, o->w, VA_FINDING);
    } else if (a->over) {
        buf_puts(&t, "over: ");
        if (a->findings.len) {
            for (size_t i = 0; i < a->findings.len; i++) {
                bool seen = false;
                for (size_t k = 0; k < i && !seen; k++)
                    seen = !strcmp(a->findings.p[k], a->findings.p[i]);
                if (!seen)
                    buf_printf(&t, "%s%s", i ? "; " : "", a->findings.p[i]);
            }
        } else {
            buf_puts(&t, a->end == END_MAX_STEPS ? "cut at --max-steps, "
                                                   "nothing found"
                         : a->end == END_MEMORY
                             ? "cut by the memory budget (--max-memory), "
                               "nothing found"
                             : "every task is done, nothing found");
        }
        viewdraw_text(o, 0, y, t.p, o->w, a->findings.len ? VA_FINDING : VA_OK);
    } else if (a->kind != CHOICE_TASK) {
        int x;
        const char *who = a->chooser >= 0 && (size_t)a->chooser < a->tasks.len
                              ? a->tasks.p[a->chooser].name
                              : "the scheduler";
        buf_printf(&t, "%s chooses:", who);
        x = viewdraw_text(o, 0, y, t.p, o->w, VA_HEADER);
        for (size_t i = 0; i < a->alts.len && x < o->w; i++) {
            buf_reset(&t);
            buf_printf(&t, " %zu %s ", i + 1, a->alts.p[i].label);
            x += viewdraw_text(o, x, y, t.p, o->w - x,
                               (int)i == p->sel ? VA_CURSOR : VA_HEADER);
        }
    } else {
        int32_t tid = sel_tid(p);
        if (tid >= 0 && (size_t)tid < a->tasks.len) {
            const play_task *k = &a->tasks.p[tid];
            buf_printf(&t, "%s: %s  ", k->name, k->op);
            source_text(p, k->file, k->line, &t);
        }
        viewdraw_text(o, 0, y, t.p, o->w, VA_HEADER);
    }
    buf_fini(&t);
}

static void draw_goal(viewdraw_grid *o, playdraw *p, int y)
{
    play_game *g = p->g;
    const play_at *a = &g->at;
    buf t;
    int attr = VA_NORMAL;
    buf_init(&t);
    viewdraw_fill(o, 0, y, o->w, VA_NORMAL);
    if (g->goal.kind == PLAY_GOAL_NONE) {
        buf_puts(&t, "output: ");
        play_quote(&t, a->output, 200);
        if (a->kinds) {
            buf_puts(&t, "  found:");
            for (int k = 0; k < FINDING_KINDS; k++)
                if (a->kinds >> k & 1)
                    buf_printf(&t, " %s", finding_kind_names[k]);
            attr = VA_FINDING;
        }
    } else if (a->goal) {
        uint64_t ms;
        uint32_t mp;
        buf_printf(&t, "GOAL REACHED in %llu steps with ",
                   (unsigned long long)a->goal_step);
        preempt_text(a->goal_preempts, &t);
        if (play_goal_min(g, &ms, &mp)) {
            buf_printf(&t, "; the fewest: %llu and %u", (unsigned long long)ms,
                       mp);
            if (a->goal_step <= ms && a->goal_preempts <= mp)
                buf_puts(&t, " - optimal!");
        }
        attr = VA_OK;
    } else {
        buf_puts(&t, "goal: ");
        play_goal_text(&g->goal, &t);
        buf_puts(&t, ", not reached; output so far ");
        play_quote(&t, a->output, 200);
    }
    viewdraw_text(o, 0, y, t.p, o->w, attr);
    buf_fini(&t);
}

static const struct {
    const char *label;
    int key;
} key_bar[] = {
    {"0-9/arrows+Enter run", PK_ENTER},
    {"u undo", 'u'},
    {"a auto", 'a'},
    {"h hint", 'h'},
    {"s save", 's'},
    {"? help", '?'},
    {"q quit", 'q'},
};

static void draw_keys(viewdraw_grid *o, playdraw *p, int y)
{
    int x = 0;
    viewdraw_fill(o, 0, y, o->w, VA_NORMAL);
    p->nhot = 0;
    if (p->msg[0]) {
        viewdraw_text(o, 0, y, p->msg, o->w, VA_NORMAL);
        return;
    }
    for (size_t i = 0; i < sizeof key_bar / sizeof key_bar[0]; i++) {
        int n = viewdraw_text(o, x, y, key_bar[i].label, o->w - x, VA_DIM);
        if (p->nhot < 12) {
            playdraw_hot h = {x, x + n, key_bar[i].key};
            p->hot[p->nhot++] = h;
        }
        x += n + 2;
        if (x >= o->w) break;
    }
}

static const char *const play_help[][2] = {
    {"0-9", "run task gN (0 is main); 1-9: an inner choice"},
    {"Left Right", "select a task; Enter or space runs it"},
    {"click", "a task's next operation runs it"},
    {"u", "undo the last move (re-executes the rest)"},
    {"a", "the scheduler runs to the end, no preemption"},
    {"h", "hint: select, then take, the next step to the"},
    {"", "nearest goal or bug"},
    {"s", "save the schedule as a replay line"},
    {"j k Up Down", "the history (PgUp PgDn g G)"},
    {"Tab", "pane: State, Findings, Metrics"},
    {"q", "quit"},
};

static void draw_help(viewdraw_grid *o)
{
    int n = (int)(sizeof play_help / sizeof play_help[0]);
    int w = o->w - 4 < 64 ? o->w - 4 : 64, h = n + 4;
    int x = (o->w - w) / 2, y = (o->h - h) / 2;
    if (y < 0) y = 0;
    viewdraw_box(o, x, y, w, h, " weft play: keys ");
    for (int i = 0; i < n && 2 + i < h - 1; i++) {
        viewdraw_text(o, x + 2, y + 2 + i, play_help[i][0], 13, VA_KEY);
        viewdraw_text(o, x + 16, y + 2 + i, play_help[i][1], w - 18, VA_NORMAL);
    }
    viewdraw_text(o, x + 2, y + h - 2, "any key closes this help", w - 4,
                  VA_DIM);
}

void playdraw_frame(viewdraw_grid *out, playdraw *p)
{
    play_game *g = p->g;
    const play_hints *h;
    int w = out->w, hh = out->h, y0, sel;
    viewdraw_grid_resize(out, w, hh);
    p->w = w;
    p->h = hh;
    p->nhot = 0;
    if (w < PLAYDRAW_MIN_W || hh < PLAYDRAW_MIN_H) {
        char m[96];
        snprintf(m, sizeof m, "weft play needs %dx%d (this is %dx%d)",
                 PLAYDRAW_MIN_W, PLAYDRAW_MIN_H, w, hh);
        viewdraw_text(out, 0, 0, m, w, VA_NORMAL);
        return;
    }
    sync_model(p);
    /* the lanes: the viewer's frame, PLAY_ROWS rows shorter; the selected
     * task's lane kept in view */
    p->sub.unicode = out->unicode;
    viewdraw_grid_resize(&p->sub, w, hh - PLAY_ROWS);
    viewdraw_layout_of(w, hh - PLAY_ROWS, p->m->vr.ntasks, p->m->last_step,
                       &p->l);
    sel = sel_tid(p);
    if (sel < 0 && g->at.chooser >= 0) sel = g->at.chooser;
    if (sel >= 0) {
        if (sel < p->u.lane0) p->u.lane0 = sel;
        if (sel >= p->u.lane0 + p->l.nlanes) p->u.lane0 = sel - p->l.nlanes + 1;
    }
    viewdraw_frame(&p->sub, p->m, &p->u);
    for (int y = 1; y < hh - PLAY_ROWS - 3; y++)
        memcpy(&out->c[(size_t)y * (size_t)w], &p->sub.c[(size_t)y * (size_t)w],
               (size_t)w * sizeof *out->c);
    draw_title(out, p);
    y0 = hh - PLAY_ROWS - 3;
    draw_next(out, p, y0);
    draw_detail(out, p, y0 + 2);
    h = play_hints_now(g);
    viewdraw_fill(out, 0, y0 + 3, w, VA_NORMAL);
    viewdraw_fill(out, 0, y0 + 4, w, VA_NORMAL);
    viewdraw_text(out, 0, y0 + 3, "hint ", 5, VA_DIM);
    viewdraw_text(out, 5, y0 + 3, h->line1, w - 5, VA_NORMAL);
    viewdraw_text(out, 5, y0 + 4, h->line2, w - 5, VA_NORMAL);
    draw_goal(out, p, y0 + 5);
    draw_keys(out, p, y0 + 6);
    if (p->help) draw_help(out);
}

/* ---- moves --------------------------------------------------------------- */

/* Take alternative i: how says why ("" or "hint: "). */
static void take(playdraw *p, int i, const char *how)
{
    play_game *g = p->g;
    buf what;
    bool had_goal = g->at.goal;
    const play_at *a = &g->at;
    buf_init(&what);
    if (a->kind == CHOICE_TASK) {
        int32_t tid = a->alts.p[i].value;
        if ((size_t)tid < a->tasks.len)
            buf_printf(&what, "%s ran: %s", a->tasks.p[tid].name,
                       a->tasks.p[tid].op);
    } else {
        buf_printf(&what, "chose %s", a->alts.p[i].label);
    }
    play_mark_now(g, p->sel, p->shown);
    play_choose(g, i);
    p->sel = default_sel(g);
    p->follow = true;
    if (g->at.goal && !had_goal) {
        buf t;
        buf_init(&t);
        play_goal_text(&g->goal, &t);
        set_msg(p, "%s%s; the goal (%s) is reached!", how, what.p, t.p);
        buf_fini(&t);
    } else if (g->at.over) {
        set_msg(p, "%s%s; the execution is over (u undoes)", how, what.p);
    } else {
        set_msg(p, "%s%s", how, what.p);
    }
    buf_fini(&what);
}

static void pick_digit(playdraw *p, int d)
{
    const play_at *a = &p->g->at;
    if (a->over) {
        set_msg(p, "the execution is over: u undoes a move");
        return;
    }
    if (a->kind != CHOICE_TASK) {
        if (d >= 1 && (size_t)d <= a->alts.len)
            take(p, d - 1, "");
        else
            set_msg(p, "choose 1 to %zu", a->alts.len);
        return;
    }
    if (alt_of_tid(p->g, d) >= 0) {
        take(p, alt_of_tid(p->g, d), "");
    } else if ((size_t)d < a->tasks.len) {
        const play_task *t = &a->tasks.p[d];
        set_msg(p, "%s cannot run now: %s%s", t->name,
                t->state == TASK_DONE ? "it is done" : "blocked in ",
                t->state == TASK_DONE ? "" : t->op);
    } else {
        set_msg(p, "there is no task g%d", d);
    }
}

static void hint_key(playdraw *p)
{
    play_game *g = p->g;
    const play_hints *h = play_hints_now(g);
    int alt;
    if (g->at.over) {
        set_msg(p, "the execution is over: u undoes a move");
        return;
    }
    alt = play_hint_alt(g);
    if (alt < 0) {
        set_msg(p, "hint: %s", h->line1);
        return;
    }
    if (alt != p->sel) {
        p->sel = alt;
        set_msg(p,
                "hint: %s next, toward %s (%llu steps on, %u more "
                "preemption%s); h again takes it",
                g->at.alts.p[alt].label, h->what, (unsigned long long)h->steps,
                h->extra, h->extra == 1 ? "" : "s");
        return;
    }
    take(p, alt, "hint: ");
}

static void save_key(playdraw *p)
{
    buf line;
    bool completed;
    FILE *f;
    buf_init(&line);
    play_replay_line(p->g, &line, &completed);
    VEC_PUSH(p->saved, wf_xstrdup(line.p));
    f = p->save_path ? fopen(p->save_path, "a") : NULL;
    if (f) {
        fprintf(f, "%s\n", line.p);
        fclose(f);
        set_msg(p, "saved to %s%s: %s", p->save_path,
                completed ? " (the rest without preemptions)" : "", line.p);
    } else {
        set_msg(p, "%s%s", line.p,
                completed ? " (the rest without preemptions)" : "");
    }
    buf_fini(&line);
}

static void browse(playdraw *p, int64_t to)
{
    viewdraw_goto(&p->u, p->m, to, p->l.rows, p->l.nlanes, true);
    p->follow = p->u.cur >= p->m->nevents - 1;
}

bool playdraw_key(playdraw *p, int key)
{
    play_game *g = p->g;
    size_t nalt = g->at.alts.len;
    if (p->help) {
        p->help = false;
        return true;
    }
    /* what the screen showed before this key: undo comes back to it */
    snprintf(p->shown, sizeof p->shown, "%s", p->msg);
    p->msg[0] = '\0';
    switch (key) {
    case 'q':
        return false;
    case PK_LEFT:
    case PK_RIGHT:
        if (nalt && !g->at.over)
            p->sel = (int)(((size_t)p->sel + (key == PK_LEFT ? nalt - 1 : 1)) %
                           nalt);
        break;
    case PK_ENTER:
    case ' ':
    case '\n':
    case '\r':
        if (g->at.over)
            set_msg(p, "the execution is over: u undoes a move");
        else if (p->sel >= 0 && (size_t)p->sel < nalt)
            take(p, p->sel, "");
        break;
    case 'u': {
        int sel;
        char *msg = NULL;
        if (play_undo(g, &sel, &msg)) {
            p->sel = sel;
            p->follow = true;
            snprintf(p->msg, sizeof p->msg, "%s", msg ? msg : "");
            free(msg);
        } else {
            set_msg(p, "nothing to undo");
        }
        break;
    }
    case 'a': {
        play_mark_now(g, p->sel, p->shown);
        if (play_auto(g)) {
            p->sel = default_sel(g);
            p->follow = true;
            set_msg(p, "the scheduler ran to the end without preempting%s",
                    g->at.goal ? "; the goal is reached" : "");
        } else {
            free(g->marks.p[--g->marks.len].msg);
            set_msg(p, "the execution is over: u undoes a move");
        }
        break;
    }
    case 'h':
        hint_key(p);
        break;
    case 's':
        save_key(p);
        break;
    case '?':
        p->help = true;
        break;
    case 'j':
    case PK_DOWN:
        browse(p, p->u.cur + 1);
        break;
    case 'k':
    case PK_UP:
        browse(p, p->u.cur - 1);
        break;
    case PK_PGDN:
        browse(p, p->u.cur + p->l.rows);
        break;
    case PK_PGUP:
        browse(p, p->u.cur - p->l.rows);
        break;
    case 'g':
    case PK_HOME:
        browse(p, 0);
        break;
    case 'G':
    case PK_END:
        browse(p, p->m->nevents - 1);
        break;
    case '\t':
        p->u.pane = (p->u.pane + 1) % VIEWDRAW_PANES;
        p->u.pane_scroll = 0;
        break;
    case PK_BTAB:
        p->u.pane = (p->u.pane + VIEWDRAW_PANES - 1) % VIEWDRAW_PANES;
        p->u.pane_scroll = 0;
        break;
    case 'J':
        p->u.pane_scroll++;
        break;
    case 'K':
        if (p->u.pane_scroll > 0) p->u.pane_scroll--;
        break;
    default:
        if (key >= '0' && key <= '9') pick_digit(p, key - '0');
        break;
    }
    return true;
}

void playdraw_click(playdraw *p, int x, int y)
{
    const viewdraw_layout *l = &p->l;
    int y0 = p->h - PLAY_ROWS - 3;
    if (p->help) {
        p->help = false;
        return;
    }
    if (p->w < PLAYDRAW_MIN_W || p->h < PLAYDRAW_MIN_H) return;
    if (y == p->h - 1) {
        for (int i = 0; i < p->nhot; i++)
            if (x >= p->hot[i].x0 && x < p->hot[i].x1)
                playdraw_key(p, p->hot[i].key);
        return;
    }
    snprintf(p->shown, sizeof p->shown, "%s", p->msg);
    if (x >= l->lanes_x && x < l->pane_x - 1 &&
        (y == 1 || y == y0 || y == y0 + 1)) {
        int32_t tid = p->u.lane0 + (x - l->lanes_x) / l->lane_w;
        int alt = alt_of_tid(p->g, tid);
        p->msg[0] = '\0';
        if (alt < 0) {
            if (!p->g->at.over && (size_t)tid < p->g->at.tasks.len &&
                p->g->at.kind == CHOICE_TASK)
                pick_digit(p, tid); /* says why it cannot run */
        } else if (y == 1) {
            p->sel = alt; /* the lane's name selects */
        } else {
            take(p, alt, "");
        }
        return;
    }
    if (y == y0 + 2 && p->g->at.kind != CHOICE_TASK && !p->g->at.over) {
        /* an inner choice's alternatives, in order on the row */
        buf t;
        int cx;
        const play_at *a = &p->g->at;
        buf_init(&t);
        buf_printf(&t, "%s chooses:",
                   a->chooser >= 0 && (size_t)a->chooser < a->tasks.len
                       ? a->tasks.p[a->chooser].name
                       : "the scheduler");
        cx = (int)strlen(t.p);
        for (size_t i = 0; i < a->alts.len; i++) {
            int n;
            buf_reset(&t);
            buf_printf(&t, " %zu %s ", i + 1, a->alts.p[i].label);
            n = (int)strlen(t.p);
            if (x >= cx && x < cx + n) {
                take(p, (int)i, "");
                break;
            }
            cx += n;
        }
        buf_fini(&t);
        return;
    }
    if (x < l->pane_x - 1 && y >= l->rows_y && y < y0) {
        int64_t seq = p->u.top + (y - l->rows_y);
        if (seq < p->m->nevents) {
            viewdraw_goto(&p->u, p->m, seq, l->rows, l->nlanes, false);
            p->follow = seq >= p->m->nevents - 1;
        }
        return;
    }
    if (y == 1 && x >= l->pane_x) {
        int px = x - l->pane_x;
        p->u.pane = px < 7    ? VIEWDRAW_STATE
                    : px < 17 ? VIEWDRAW_FINDINGS
                              : VIEWDRAW_METRICS;
        p->u.pane_scroll = 0;
    }
}

void playdraw_wheel(playdraw *p, int x, int dir)
{
    if (x >= p->l.pane_x) {
        p->u.pane_scroll += dir * 3;
        if (p->u.pane_scroll < 0) p->u.pane_scroll = 0;
    } else {
        browse(p, p->u.cur + dir * 3);
    }
}

/* viewdraw.c: see viewdraw.h. */
#include "viewdraw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the grid ------------------------------------------------------------
 */

void viewdraw_grid_init(viewdraw_grid *g, bool unicode)
{
    memset(g, 0, sizeof *g);
    g->unicode = unicode;
}

void viewdraw_grid_resize(viewdraw_grid *g, int w, int h)
{
    if (w < 1) w = 1;
    if (h < 1) h = 1;
    if (w != g->w || h != g->h) {
        free(g->c);
        g->c = wf_xcalloc((size_t)w * (size_t)h, sizeof *g->c);
        g->w = w;
        g->h = h;
    }
    memset(g->c, 0, (size_t)w * (size_t)h * sizeof *g->c);
}

void viewdraw_grid_fini(viewdraw_grid *g)
{
    free(g->c);
    memset(g, 0, sizeof *g);
}

void viewdraw_grid_row(const viewdraw_grid *g, int y, buf *out)
{
    if (y < 0 || y >= g->h) return;
    for (int x = 0; x < g->w; x++) {
        uint32_t c = g->c[(size_t)y * (size_t)g->w + (size_t)x].ch;
        buf_put_utf8(out, c ? c : ' ');
    }
}

static void put(viewdraw_grid *g, int x, int y, uint32_t ch, int attr)
{
    viewdraw_cell *c;
    if (x < 0 || y < 0 || x >= g->w || y >= g->h) return;
    c = &g->c[(size_t)y * (size_t)g->w + (size_t)x];
    if (!g->unicode && ch >= 0x80) ch = ch == 0xB5 ? 'u' : '?'; /* µs */
    if (ch < 0x20 || ch == 0x7F) ch = '?';
    c->ch = ch;
    c->attr = (uint8_t)attr;
}

static void fill(viewdraw_grid *g, int x, int y, int w, int attr)
{
    for (int i = 0; i < w; i++)
        put(g, x + i, y, ' ', attr);
}

/* Decode one UTF-8 sequence at *p (advancing); a bad byte is U+FFFD. */
static uint32_t next_cp(const char **p)
{
    const unsigned char *s = (const unsigned char *)*p;
    uint32_t c;
    int n;
    if (s[0] < 0x80) {
        *p += 1;
        return s[0];
    }
    if ((s[0] & 0xE0) == 0xC0) {
        c = s[0] & 0x1F;
        n = 1;
    } else if ((s[0] & 0xF0) == 0xE0) {
        c = s[0] & 0x0F;
        n = 2;
    } else if ((s[0] & 0xF8) == 0xF0) {
        c = s[0] & 0x07;
        n = 3;
    } else {
        *p += 1;
        return 0xFFFD;
    }
    for (int i = 1; i <= n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *p += i;
            return 0xFFFD;
        }
        c = c << 6 | (s[i] & 0x3F);
    }
    *p += n + 1;
    return c;
}

/* Code points in s (each drawn one column wide). */
static int text_width(const char *s)
{
    int n = 0;
    while (*s) {
        next_cp(&s);
        n++;
    }
    return n;
}

/* Draw s at (x, y) in at most w columns; a longer text ends in an
 * ellipsis. Returns the columns drawn. */
static int puts_w(viewdraw_grid *g, int x, int y, const char *s, int w,
                  int attr)
{
    int n = 0, total = text_width(s);
    if (w <= 0) return 0;
    while (*s && n < w) {
        uint32_t c = next_cp(&s);
        if (total > w && n == w - 1) c = g->unicode ? 0x2026 : '~';
        put(g, x + n, y, c, attr);
        n++;
    }
    return n;
}

int viewdraw_text(viewdraw_grid *g, int x, int y, const char *s, int w,
                  int attr)
{
    return puts_w(g, x, y, s, w, attr);
}

void viewdraw_fill(viewdraw_grid *g, int x, int y, int w, int attr)
{
    fill(g, x, y, w, attr);
}

void viewdraw_put(viewdraw_grid *g, int x, int y, uint32_t ch, int attr)
{
    put(g, x, y, ch, attr);
}

/* ---- glyphs ----------------------------------------------------------------
 */

typedef struct glyphs {
    uint32_t life, blocked, mark, block_mark, sep, hline, arrow, full, left,
        right, cur, call, fold;
    const uint32_t *part; /* 8 partial bar blocks, or NULL */
} glyphs;

static const uint32_t bar_parts[8] = {0x258F, 0x258E, 0x258D, 0x258C,
                                      0x258B, 0x258A, 0x2589, 0x2588};

static glyphs glyphs_of(const viewdraw_grid *g)
{
    glyphs u = {0x2502, 0x2503, 0x25CF, 0x25A0, 0x2502, 0x2500, 0x2192,
                0x2588, 0x25C0, 0x25B6, 0x25B6, 0x25E6, 0x2506, bar_parts};
    glyphs a = {'|', '#', '*', '#', '|', '-', '>',
                '#', '<', '>', '>', 'o', ':', NULL};
    return g->unicode ? u : a;
}

/* ---- words -----------------------------------------------------------------
 */

void viewdraw_duration(int64_t ns, char *out, size_t n)
{
    static const struct {
        int64_t unit;
        const char *name;
    } units[] = {{3600000000000LL, "h"}, {60000000000LL, "m"},
                 {1000000000LL, "s"},    {1000000LL, "ms"},
                 {1000LL, "µs"},         {1LL, "ns"}};
    bool neg = ns < 0;
    uint64_t v = neg ? 0 - (uint64_t)ns : (uint64_t)ns;
    if (v == 0) {
        snprintf(out, n, "0s");
        return;
    }
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) {
        uint64_t u = (uint64_t)units[i].unit;
        if (v >= u || u == 1) {
            uint64_t whole = v / u, frac = v % u;
            if (frac && u >= 1000) {
                /* three significant decimals, trailing zeros dropped */
                unsigned d = (unsigned)(frac * 1000 / u % 1000);
                char f[24];
                int k;
                snprintf(f, sizeof f, "%03u", d);
                for (k = 2; k >= 0 && f[k] == '0'; k--)
                    f[k] = '\0';
                if (k >= 0) {
                    snprintf(out, n, "%s%llu.%s%s", neg ? "-" : "",
                             (unsigned long long)whole, f, units[i].name);
                    return;
                }
            }
            snprintf(out, n, "%s%llu%s", neg ? "-" : "",
                     (unsigned long long)whole, units[i].name);
            return;
        }
    }
}

static void task_short(const viewmodel *m, int32_t tid, char *out, size_t n)
{
    (void)m;
    viewmodel_short_task(tid, out, n);
}

void viewdraw_event_text(const viewmodel *m, const wf_event *e, bool long_form,
                         buf *out)
{
    char t1[64], t2[64], on[96], d[32];
    const char *obj = e->oid >= 0 ? viewmodel_obj_name(m, e->oid, on, sizeof on)
                                  : NULL;
    const char *opn = e->op < EV__COUNT ? ev_op_names[e->op] : "?";
    buf_reset(out);
    if (long_form) {
        buf_printf(out, "step %lld  %s: ", (long long)e->step,
                   viewmodel_task_name(m, e->tid, t1, sizeof t1));
    }
    switch ((ev_op)e->op) {
    case EV_SPAWN:
        task_short(m, e->peer, t2, sizeof t2);
        if (long_form)
            buf_printf(out, "go %s",
                       viewmodel_task_name(m, e->peer, t2, sizeof t2));
        else
            buf_printf(out, "go %s", t2);
        break;
    case EV_EXIT:
        buf_puts(out, (e->flags & EVF_MAIN_DONE) ? "return" : "exit");
        break;
    case EV_SEND:
    case EV_RECV:
        buf_printf(out, "%s %s", opn, obj ? obj : "nil");
        if (e->op == EV_RECV && (e->flags & EVF_FAILED))
            buf_puts(out, " closed");
        else
            buf_printf(out, " %lld", (long long)e->value);
        if (long_form && e->peer >= 0)
            buf_printf(out, " %s %s", e->op == EV_SEND ? "to" : "from",
                       viewmodel_task_name(m, e->peer, t2, sizeof t2));
        if (long_form && (e->flags & EVF_SELECT))
            buf_printf(out, " (select case %lld)", (long long)e->aux2);
        break;
    case EV_SELECT:
        buf_puts(out, (e->flags & EVF_DEFAULT) ? "select default" : "select");
        break;
    case EV_LOCK:
        buf_printf(out, "%s %s", (e->flags & EVF_RELOCK) ? "relock" : "lock",
                   obj ? obj : "?");
        if (long_form && e->peer >= 0)
            buf_printf(out, " (handed over by %s)",
                       viewmodel_task_name(m, e->peer, t2, sizeof t2));
        break;
    case EV_TRYLOCK:
    case EV_TRYRLOCK:
        buf_printf(out, "%s %s%s", opn, obj ? obj : "?",
                   (e->flags & EVF_FAILED) ? " fails" : "");
        break;
    case EV_WG_ADD:
    case EV_WG_DONE:
        if (e->op == EV_WG_ADD)
            buf_printf(out, "%s %s %+lld", long_form ? "wg_add" : "add",
                       obj ? obj : "?", (long long)e->value);
        else
            buf_printf(out, "%s %s", long_form ? "wg_done" : "done",
                       obj ? obj : "?");
        if (long_form) buf_printf(out, " (counter %lld)", (long long)e->aux);
        break;
    case EV_ONCE:
        buf_printf(out, "once %s%s", obj ? obj : "?",
                   e->value == 1   ? " runs f"
                   : e->value == 2 ? " f done"
                                   : "");
        break;
    case EV_READ:
    case EV_WRITE:
    case EV_ATOMIC:
        buf_printf(out, "%s %s=%lld", opn, obj ? obj : "?", (long long)e->value);
        if (e->op == EV_ATOMIC && (e->flags & EVF_FAILED)) buf_puts(out, " cas fails");
        break;
    case EV_SLEEP:
        viewdraw_duration(e->value, d, sizeof d);
        buf_printf(out, "sleep %s", d);
        break;
    case EV_TIMER:
        buf_puts(out, "wakes");
        break;
    case EV_BLOCK:
        if (e->flags & EVF_SELECT)
            buf_puts(out, "block in select");
        else
            buf_printf(out, "block %s", obj ? obj : "nil");
        if (long_form && e->peer >= 0)
            buf_printf(out, " held by %s",
                       viewmodel_task_name(m, e->peer, t2, sizeof t2));
        else if (long_form && obj && e->value)
            buf_printf(out, " (counter %lld)", (long long)e->value);
        break;
    case EV_UNBLOCK:
        buf_printf(out, "unblock %s", obj ? obj : "");
        if (long_form && e->peer >= 0)
            buf_printf(out, " by %s",
                       viewmodel_task_name(m, e->peer, t2, sizeof t2));
        break;
    case EV_SIGNAL:
        buf_printf(out, "signal %s", obj ? obj : "?");
        if (e->peer >= 0) {
            task_short(m, e->peer, t2, sizeof t2);
            buf_printf(out, " %s", t2);
        }
        break;
    case EV_PRINT:
        buf_printf(out, "print %lldB", (long long)e->value);
        break;
    default:
        buf_puts(out, opn);
        if (obj) buf_printf(out, " %s", obj);
        break;
    }
    if (long_form && (e->flags & EVF_LIB))
        buf_puts(out, " (inside the library, for the call on this line)");
    if (long_form) {
        viewdraw_duration(e->clock, d, sizeof d);
        buf_printf(out, "  t=%s", d);
    }
}

/* ---- layout ----------------------------------------------------------------
 */

void viewdraw_layout_of(int w, int h, int32_t ntasks, int64_t max_step,
                        viewdraw_layout *l)
{
    int digits = 1, avail;
    for (int64_t s = max_step; s >= 10; s /= 10)
        digits++;
    memset(l, 0, sizeof *l);
    l->pane_w = w >= 140 ? 48 : w >= 110 ? 40 : w >= 90 ? 34 : 30;
    l->pane_x = w - l->pane_w;
    l->step_w = (digits < 4 ? 4 : digits) + 1;
    l->lanes_x = l->step_w;
    avail = l->pane_x - 1 - l->lanes_x;
    if (ntasks < 1) ntasks = 1;
    l->lane_w = avail / ntasks;
    if (l->lane_w > 22) l->lane_w = 22;
    if (l->lane_w < 11) l->lane_w = 11;
    l->nlanes = avail / l->lane_w;
    if (l->nlanes > ntasks) l->nlanes = ntasks;
    if (l->nlanes < 1) l->nlanes = 1;
    l->rows_y = 2;
    l->rows = h - 5;
    if (l->rows < 1) l->rows = 1;
}

/* ---- ui state --------------------------------------------------------------
 */

void viewdraw_ui_init(viewdraw_ui *u)
{
    memset(u, 0, sizeof *u);
    u->finding = -1;
    u->play_ms = 250;
    buf_init(&u->search);
    buf_init(&u->last_search);
}

static void runs_clear(viewdraw_ui *u)
{
    for (size_t i = 0; i < u->runs.len; i++)
        free(u->runs.p[i].text);
    u->runs.len = 0;
    u->runs_all = false;
}

void viewdraw_ui_fini(viewdraw_ui *u)
{
    runs_clear(u);
    VEC_FREE(u->runs);
    buf_fini(&u->search);
    buf_fini(&u->last_search);
}

int viewdraw_row_of(const viewdraw_ui *u, int64_t seq, const viewdraw_layout *l)
{
    if (seq < u->top || seq >= u->top + l->rows) return -1;
    return l->rows_y + (int)(seq - u->top);
}

void viewdraw_goto(viewdraw_ui *u, viewmodel *m, int64_t seq, int rows,
                   int nlanes, bool follow)
{
    const viewstate_ev *ev;
    if (seq >= m->nevents) seq = m->nevents - 1;
    if (seq < 0) seq = 0;
    u->cur = seq;
    if (rows < 1) rows = 1;
    if (u->cur < u->top) u->top = u->cur;
    if (u->cur >= u->top + rows) u->top = u->cur - rows + 1;
    if (u->top > m->nevents - rows) u->top = m->nevents - rows;
    if (u->top < 0) u->top = 0;
    ev = follow ? viewmodel_event(m, u->cur) : NULL;
    if (ev && nlanes > 0) {
        if (ev->e.tid < u->lane0) u->lane0 = ev->e.tid;
        if (ev->e.tid >= u->lane0 + nlanes) u->lane0 = ev->e.tid - nlanes + 1;
    }
    if (u->lane0 > m->vr.ntasks - nlanes) u->lane0 = m->vr.ntasks - nlanes;
    if (u->lane0 < 0) u->lane0 = 0;
}

/* The event to show for finding f: for a race the later access, else the
 * last event of its step. */
static int64_t finding_seq(viewmodel *m, const viewmodel_finding *f)
{
    int64_t seq = viewmodel_seq_at_step(m, f->step);
    if (f->access.len) {
        const viewmodel_access *a = &f->access.p[f->access.len - 1];
        int64_t s = viewmodel_seq_at_step(m, a->step);
        for (int64_t i = s; i >= 0 && i > s - 64; i--) {
            const viewstate_ev *ev = viewmodel_event(m, i);
            if (!ev || (int64_t)ev->e.step != a->step) break;
            if (ev->e.tid == a->tid && ev->e.op != EV_BLOCK) return i;
        }
        if (s >= 0) return s;
    }
    return seq >= 0 ? seq : 0;
}

void viewdraw_next_finding(viewdraw_ui *u, viewmodel *m, int dir, int rows,
                           int nlanes)
{
    int n = (int)m->findings.len;
    if (!n) {
        snprintf(u->msg, sizeof u->msg, "this run has no findings");
        return;
    }
    if (u->finding < 0)
        u->finding = dir > 0 ? 0 : n - 1;
    else
        u->finding = (u->finding + (dir > 0 ? 1 : n - 1)) % n;
    u->pane = VIEWDRAW_FINDINGS;
    u->pane_scroll = 0;
    viewdraw_goto(u, m, finding_seq(m, &m->findings.p[u->finding]), rows,
                  nlanes, true);
    snprintf(u->msg, sizeof u->msg, "finding %d of %d: %s at step %lld",
             u->finding + 1, n, m->findings.p[u->finding].kind,
             (long long)m->findings.p[u->finding].step);
}

void viewdraw_search(viewdraw_ui *u, viewmodel *m, int rows, int nlanes)
{
    bool wrapped;
    int64_t hit;
    if (u->search.len) {
        buf_reset(&u->last_search);
        buf_puts(&u->last_search, u->search.p);
    }
    if (!u->last_search.len) {
        snprintf(u->msg, sizeof u->msg, "nothing to search for");
        return;
    }
    hit = viewmodel_search(m, u->last_search.p, u->cur, false, &wrapped);
    if (hit < 0) {
        snprintf(u->msg, sizeof u->msg, "not found: %.200s",
                 u->last_search.p);
        return;
    }
    viewdraw_goto(u, m, hit, rows, nlanes, true);
    snprintf(u->msg, sizeof u->msg, "/%.200s%s", u->last_search.p,
             wrapped ? "  (search wrapped to the start)" : "");
}

typedef struct runs_ctx {
    viewdraw_ui *u;
    int64_t n;
} runs_ctx;

static bool run_item(void *ctx, const trace_run_rec *r)
{
    runs_ctx *c = ctx;
    viewdraw_run_item it;
    buf b;
    buf_init(&b);
    buf_printf(&b, "%5lld %-8s %-8s %lld steps, %lld events  %s  %s",
               (long long)r->id, r->role ? r->role : "",
               r->command ? r->command : "", (long long)r->steps,
               (long long)r->nevents, r->verdict ? r->verdict : "",
               r->file ? r->file : "");
    if (r->role && !strcmp(r->role, "summary"))
        buf_printf(&b, " (%lld executions)", (long long)r->executions);
    it.id = r->id;
    it.text = wf_xstrdup(b.p);
    buf_fini(&b);
    VEC_PUSH(c->u->runs, it);
    c->n++;
    return true;
}

void viewdraw_runs_load(viewdraw_ui *u, viewmodel *m, bool more)
{
    runs_ctx c = {u, 0};
    wf_diag d;
    int64_t from = 0;
    if (!more) {
        runs_clear(u);
        u->run_sel = u->run_top = 0;
    } else if (u->runs_all) {
        return;
    }
    if (u->runs.len) from = u->runs.p[u->runs.len - 1].id + 1;
    if (trace_list_from(m->t, from, 200, run_item, &c, &d) != WF_OK) {
        char msg[1700];
        diag_format(&d, msg, sizeof msg);
        snprintf(u->msg, sizeof u->msg, "%.250s", msg);
    }
    if (c.n < 200) u->runs_all = true;
    if (!more)
        for (size_t i = 0; i < u->runs.len; i++)
            if (u->runs.p[i].id == m->run.id) u->run_sel = (int)i;
}

/* ---- the pane --------------------------------------------------------------
 */

typedef enum { PL_TEXT, PL_BAR } pline_kind;

typedef struct pline {
    uint8_t kind, attr;
    int indent; /* continuation lines of a wrapped text */
    int label;  /* leading code points drawn as VA_KEY */
    char *text;
    double frac; /* bar: 0..1 */
    int64_t value;
} pline;

typedef VEC(pline) plines;
typedef VEC(char *) strvec;

static void pl_add(plines *p, int attr, int indent, const char *fmt, ...)
    WF_PRINTF(4, 5);
static void pl_add(plines *p, int attr, int indent, const char *fmt, ...)
{
    pline l;
    buf b;
    va_list ap;
    buf_init(&b);
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    memset(&l, 0, sizeof l);
    l.kind = PL_TEXT;
    l.attr = (uint8_t)attr;
    l.indent = indent;
    l.text = wf_xstrdup(b.p ? b.p : "");
    buf_fini(&b);
    VEC_PUSH(*p, l);
}

static void pl_bar(plines *p, const char *name, double frac, int64_t value)
{
    pline l;
    memset(&l, 0, sizeof l);
    l.kind = PL_BAR;
    l.attr = VA_BAR;
    l.text = wf_xstrdup(name);
    l.frac = frac;
    l.value = value;
    VEC_PUSH(*p, l);
}

static void pl_free(plines *p)
{
    for (size_t i = 0; i < p->len; i++)
        free(p->p[i].text);
    VEC_FREE(*p);
}

/* Break text into lines of at most w code points, at spaces when it
 * can; each piece goes to out (a list of malloc'd strings). */
static void wrap(const char *text, int first, int rest, strvec *out)
{
    const char *p = text;
    int w = first;
    while (*p) {
        if (out->len) w = rest;
        if (w < 4) w = 4;
        const char *s = p, *cut = NULL, *q = p;
        int n = 0;
        while (*q && n < w) {
            if (*q == ' ') cut = q;
            next_cp(&q);
            n++;
        }
        if (!*q) cut = q;
        else if (*q == ' ') cut = q;
        else if (!cut || cut == s) cut = q;
        {
            size_t len = (size_t)(cut - s);
            char *line = wf_xmalloc(len + 1);
            memcpy(line, s, len);
            line[len] = '\0';
            VEC_PUSH(*out, line);
        }
        p = cut;
        while (*p == ' ')
            p++;
    }
}

static const char *kind_title(int kind)
{
    static const char *const t[OBJ__COUNT] = {
        "CHANNELS", "MUTEXES", "RWMUTEXES", "CONDS",  "WAITGROUPS",
        "ONCES",    "ATOMICS", "VARIABLES", "TIMERS"};
    return kind >= 0 && kind < OBJ__COUNT ? t[kind] : "OBJECTS";
}

/* Tasks blocked on oid, as "g2 g3" (at most n chars). */
static void waiters(const viewstate *s, int32_t oid, buf *out)
{
    char t[16];
    for (int32_t i = 0; i < s->ntasks; i++)
        if (s->tasks[i].status == VIEWSTATE_BLOCKED && s->tasks[i].on == oid) {
            viewmodel_short_task(i, t, sizeof t);
            buf_printf(out, "%s%s", out->len ? " " : "", t);
        }
}

static void state_lines(viewmodel *m, const viewstate *s, plines *p)
{
    char tn[64], on[96], d[32], h[16];
    buf b;
    buf_init(&b);
    viewdraw_duration(s->clock, d, sizeof d);
    pl_add(p, VA_HEADER, 0, "step %lld  clock %s", (long long)s->step, d);
    pl_add(p, VA_HEADER, 0, "TASKS");
    for (int32_t i = 0; i < s->ntasks; i++) {
        const viewstate_task *t = &s->tasks[i];
        const char *name = viewmodel_task_name(m, i, tn, sizeof tn);
        switch ((viewstate_status)t->status) {
        case VIEWSTATE_UNBORN:
            pl_add(p, VA_DIM, 2, " %-9s not started", name);
            break;
        case VIEWSTATE_RUNNING:
            pl_add(p, VA_NORMAL, 2, " %-9s runnable", name);
            break;
        case VIEWSTATE_DONE:
            pl_add(p, VA_OK, 2, " %-9s done", name);
            break;
        case VIEWSTATE_BLOCKED:
            if (t->why == VIEWSTATE_WHY_SLEEP) {
                viewdraw_duration(t->wake_ns, d, sizeof d);
                pl_add(p, VA_BLOCKED, 2, " %-9s sleeps until %s", name, d);
            } else if (t->select) {
                pl_add(p, VA_BLOCKED, 2, " %-9s blocked in select", name);
            } else {
                const char *o =
                    t->on >= 0 ? viewmodel_obj_name(m, t->on, on, sizeof on)
                               : "nil";
                int32_t hold = t->on >= 0 && t->on < s->nobjs
                                   ? s->objs[t->on].holder
                                   : -1;
                if (hold < 0) hold = t->by;
                if (hold >= 0 && hold != i) {
                    viewmodel_short_task(hold, h, sizeof h);
                    pl_add(p, VA_BLOCKED, 2, " %-8s waits %s (%s)", name, o,
                           h);
                } else {
                    pl_add(p, VA_BLOCKED, 2, " %-9s %s %s", name,
                           t->why == VIEWSTATE_WHY_COND ? "cond-waits"
                                                        : "waits",
                           o);
                }
            }
            break;
        }
    }
    for (int kind = 0; kind < OBJ__COUNT; kind++) {
        bool head = false;
        for (int32_t i = 0; i < s->nobjs; i++) {
            const viewstate_obj *o = &s->objs[i];
            const char *name;
            if (m->kinds[i] != kind) continue;
            /* listed from the user's first use: one touched so far only
             * inside library calls is the library's own (a context's
             * mutex, a Cond's L), and one not used yet may be too */
            if (o->user_ops == 0) continue;
            if (!head) {
                pl_add(p, VA_HEADER, 0, "%s", kind_title(kind));
                head = true;
            }
            name = viewmodel_obj_name(m, i, on, sizeof on);
            buf_reset(&b);
            waiters(s, i, &b);
            switch ((obj_kind)kind) {
            case OBJ_MUTEX:
            case OBJ_RWMUTEX:
                if (o->holder >= 0) {
                    viewmodel_short_task(o->holder, h, sizeof h);
                    pl_add(p, VA_NORMAL, 2, " %-10s held by %s", name, h);
                } else if (o->nreaders > 0) {
                    viewmodel_short_task(o->readers[0], h, sizeof h);
                    pl_add(p, VA_NORMAL, 2, " %-10s read by %s%s", name, h,
                           o->nreaders > 1 ? " +" : "");
                } else {
                    pl_add(p, VA_OK, 2, " %-10s free", name);
                }
                break;
            case OBJ_CHAN: {
                buf v;
                buf_init(&v);
                for (int32_t k = 0; k < o->nvals; k++)
                    buf_printf(&v, "%s%lld", k ? " " : "",
                               (long long)o->vals[k]);
                if (o->value > o->nvals)
                    buf_printf(&v, "%s...", o->nvals ? " " : "");
                if (m->caps[i] > 0)
                    pl_add(p, VA_NORMAL, 2, " %-10s %lld/%lld [%s]%s", name,
                           (long long)o->value, (long long)m->caps[i],
                           v.p ? v.p : "", o->closed ? " closed" : "");
                else
                    pl_add(p, VA_NORMAL, 2, " %-10s unbuffered%s", name,
                           o->closed ? " closed" : "");
                buf_fini(&v);
                break;
            }
            case OBJ_WAITGROUP:
                pl_add(p, VA_NORMAL, 2, " %-10s counter %lld", name,
                       (long long)o->value);
                break;
            case OBJ_ONCE:
                pl_add(p, VA_NORMAL, 2, " %-10s %s", name,
                       o->once == 2   ? "done"
                       : o->once == 1 ? "running f"
                                      : "not run");
                break;
            case OBJ_ATOMIC:
            case OBJ_VAR:
                if (o->known)
                    pl_add(p, VA_NORMAL, 2, " %-10s = %lld", name,
                           (long long)o->value);
                else
                    pl_add(p, VA_DIM, 2, " %-10s = ? (not accessed yet)",
                           name);
                break;
            default:
                pl_add(p, VA_NORMAL, 2, " %-10s %lld ops", name,
                       (long long)o->ops);
                break;
            }
            if (b.len) pl_add(p, VA_BLOCKED, 4, "   waiting: %s", b.p);
        }
    }
    buf_fini(&b);
}

/* "g1 -> g2 -> g3 -> g1" */
static void cycle_text(const int32_t *c, size_t n, buf *out)
{
    char t[16];
    for (size_t i = 0; i <= n && n; i++) {
        viewmodel_short_task(c[i % n], t, sizeof t);
        buf_printf(out, "%s%s", i ? " -> " : "", t);
    }
}

static void finding_lines(viewmodel *m, viewdraw_ui *u, plines *p,
                          const glyphs *gl, bool unicode)
{
    char tn[64], on[96], a[16], b2[16];
    int n = (int)m->findings.len;
    const viewmodel_finding *f;
    buf b;
    if (!n) {
        pl_add(p, VA_HEADER, 0, "FINDINGS");
        pl_add(p, VA_OK, 1, " none: verdict %s",
               m->run.verdict ? m->run.verdict : "?");
        return;
    }
    pl_add(p, VA_HEADER, 0, "FINDINGS %d (n/N)", n);
    for (int i = 0; i < n; i++) {
        f = &m->findings.p[i];
        if (i != u->finding)
            pl_add(p, VA_NORMAL, 4, " %lld %s @%lld", (long long)f->k,
                   f->kind, (long long)f->step);
        else if (!strcmp(f->kind, "deadlock"))
            pl_add(p, VA_FINDING, 2, ">%lld deadlock (%s) @%lld: %s",
                   (long long)f->k, f->partial ? "partial" : "global",
                   (long long)f->step, f->message);
        else
            pl_add(p, VA_FINDING, 2, ">%lld %s @%lld: %s", (long long)f->k,
                   f->kind, (long long)f->step, f->message);
    }
    if (u->finding < 0) {
        pl_add(p, VA_DIM, 1, "n: go to the first finding");
        return;
    }
    f = &m->findings.p[u->finding];
    buf_init(&b);
    if (!strcmp(f->kind, "deadlock") || !strcmp(f->kind, "potential-deadlock")) {
        int32_t cyc[64];
        size_t nc = 0;
        bool derived = false;
        for (size_t i = 0; i < f->cycle.len && nc < 64; i++)
            cyc[nc++] = f->cycle.p[i];
        if (!nc && !f->circular) {
            const viewstate *s =
                viewmodel_state_at(m, viewmodel_seq_at_step(m, f->step) + 1);
            nc = (size_t)viewmodel_cycle(s, cyc, 64);
            derived = nc > 0;
        }
        if (nc) {
            buf_reset(&b);
            cycle_text(cyc, nc, &b);
            pl_add(p, VA_FINDING, 2, "cycle: %s", b.p);
            /* the drawing: who waits for whom, through what */
            for (size_t i = 0; i < nc; i++) {
                int32_t t = cyc[i], next = cyc[(i + 1) % nc];
                const char *via = NULL;
                if ((size_t)t < f->awaits.len) via = f->awaits.p[t];
                if (!via) {
                    const viewstate *s = viewmodel_state_at(
                        m, viewmodel_seq_at_step(m, f->step) + 1);
                    if (t < s->ntasks && s->tasks[t].on >= 0)
                        via = viewmodel_obj_name(m, s->tasks[t].on, on,
                                                 sizeof on);
                }
                viewmodel_short_task(t, a, sizeof a);
                viewmodel_short_task(next, b2, sizeof b2);
                buf_reset(&b);
                buf_put_utf8(&b, unicode ? 0x2500 : '-');
                buf_printf(&b, "%s", via ? via : "?");
                buf_put_utf8(&b, unicode ? 0x2500 : '-');
                buf_put_utf8(&b, gl->arrow);
                pl_add(p, VA_NORMAL, 2, " %-4s %s %s", a, b.p, b2);
            }
            if (derived)
                pl_add(p, VA_DIM, 2, "(from the trace's block events)");
        } else if (f->circular) {
            pl_add(p, VA_FINDING, 2, "cycle: %s", f->circular);
        }
        if (f->coffman[0] || f->coffman[1] || f->coffman[2] || f->coffman[3]) {
            for (int i = 0; i < 4; i++) {
                if (!f->coffman[i]) continue;
                pl_add(p, VA_NORMAL, 2, "%s: %s", viewmodel_coffman_names[i],
                       f->coffman[i]);
                p->p[p->len - 1].label =
                    (int)strlen(viewmodel_coffman_names[i]) + 1;
            }
        } else if (!nc) {
            /* no report: what the trace shows of each blocked task */
            const viewstate *s =
                viewmodel_state_at(m, viewmodel_seq_at_step(m, f->step) + 1);
            pl_add(p, VA_DIM, 1,
                   "(the report has no Coffman conditions; the trace shows:)");
            for (int32_t t = 0; t < s->ntasks; t++) {
                const viewstate_task *k = &s->tasks[t];
                if (k->status == VIEWSTATE_DONE || k->status == VIEWSTATE_UNBORN)
                    continue;
                if (k->status == VIEWSTATE_BLOCKED && k->on >= 0)
                    pl_add(p, VA_NORMAL, 3, " %s waits for %s",
                           viewmodel_task_name(m, t, tn, sizeof tn),
                           viewmodel_obj_name(m, k->on, on, sizeof on));
                else
                    pl_add(p, VA_DIM, 3, " %s: blocked on an op the trace "
                           "does not name",
                           viewmodel_task_name(m, t, tn, sizeof tn));
            }
        }
    }
    if (f->access.len) {
        pl_add(p, VA_HEADER, 0, "ACCESSES (highlighted)");
        for (size_t i = 0; i < f->access.len; i++)
            pl_add(p, VA_RACE, 3, " %s %s at step %lld",
                   viewmodel_task_name(m, f->access.p[i].tid, tn, sizeof tn),
                   f->access.p[i].what ? f->access.p[i].what : "access",
                   (long long)f->access.p[i].step);
    }
    if (f->lines.len) pl_add(p, VA_HEADER, 0, "REPORT");
    for (size_t i = 0; i < f->lines.len; i++)
        pl_add(p, VA_NORMAL, 2, " %s", f->lines.p[i]);
    buf_fini(&b);
}

static const char *const metric_names[5] = {"steps", "progress", "waits",
                                            "blocked", "bypasses"};

static void metric_lines(viewmodel *m, plines *p)
{
    char tn[64];
    if (!m->meta.metrics.len) {
        pl_add(p, VA_HEADER, 0, "METRICS");
        pl_add(p, VA_DIM, 1, " none recorded for this run");
        return;
    }
    for (int k = 0; k < 5; k++) {
        int64_t max = 0;
        for (int32_t t = 0; t < m->vr.ntasks; t++) {
            int64_t v = viewmodel_metric(m, t, metric_names[k]);
            if (v > max) max = v;
        }
        if (!max) { /* one line for a metric that is 0 everywhere */
            pl_add(p, VA_DIM, 2, "%s: 0 for every task", metric_names[k]);
            p->p[p->len - 1].label = (int)strlen(metric_names[k]) + 1;
            continue;
        }
        pl_add(p, VA_HEADER, 0, "%s", metric_names[k]);
        for (int32_t t = 0; t < m->vr.ntasks; t++) {
            int64_t v = viewmodel_metric(m, t, metric_names[k]);
            if (v < 0) continue;
            pl_bar(p, viewmodel_task_name(m, t, tn, sizeof tn),
                   max ? (double)v / (double)max : 0.0, v);
        }
    }
}

static void draw_bar(viewdraw_grid *g, int x, int y, int w, const pline *l,
                     const glyphs *gl)
{
    char num[24];
    int name_w = w >= 26 ? 9 : 7, bar_w, eighths, full;
    snprintf(num, sizeof num, "%lld", (long long)l->value);
    puts_w(g, x + 1, y, l->text, name_w, VA_NORMAL);
    bar_w = w - 1 - name_w - 1 - (int)strlen(num) - 2;
    if (bar_w < 1) bar_w = 1;
    eighths = (int)(l->frac * bar_w * 8 + 0.5);
    full = eighths / 8;
    for (int i = 0; i < full && i < bar_w; i++)
        put(g, x + 1 + name_w + 1 + i, y, gl->full, VA_BAR);
    if (gl->part && full < bar_w && eighths % 8)
        put(g, x + 1 + name_w + 1 + full, y, gl->part[eighths % 8 - 1], VA_BAR);
    puts_w(g, x + w - 1 - (int)strlen(num), y, num, (int)strlen(num),
           VA_NORMAL);
}

static void draw_pane(viewdraw_grid *g, viewmodel *m, viewdraw_ui *u,
                      const viewdraw_layout *l, const viewstate *s,
                      const glyphs *gl)
{
    static const char *const tabs[VIEWDRAW_PANES] = {"State", "Findings",
                                                     "Metrics"};
    plines p;
    strvec out;
    int x = l->pane_x, w = l->pane_w, y0 = l->rows_y, rows = l->rows, tx = x,
        line = 0;
    memset(&p, 0, sizeof p);
    memset(&out, 0, sizeof out);
    for (int i = 0; i < VIEWDRAW_PANES; i++) {
        char t[32];
        snprintf(t, sizeof t, " %s ", tabs[i]);
        tx += puts_w(g, tx, 1, t, x + w - tx,
                     i == u->pane ? VA_SEL : VA_HEADER);
    }
    if (u->pane == VIEWDRAW_STATE)
        state_lines(m, s, &p);
    else if (u->pane == VIEWDRAW_FINDINGS)
        finding_lines(m, u, &p, gl, g->unicode);
    else
        metric_lines(m, &p);
    /* wrap into screen lines, then show from pane_scroll */
    for (size_t i = 0; i < p.len; i++) {
        const pline *pl = &p.p[i];
        if (pl->kind == PL_BAR) {
            if (line >= u->pane_scroll && line - u->pane_scroll < rows)
                draw_bar(g, x, y0 + line - u->pane_scroll, w, pl, gl);
            line++;
            continue;
        }
        out.len = 0;
        wrap(pl->text, w - 1, w - 1 - pl->indent, &out);
        for (size_t k = 0; k < out.len; k++) {
            int ind = k ? pl->indent : 0;
            if (line >= u->pane_scroll && line - u->pane_scroll < rows) {
                int y = y0 + line - u->pane_scroll;
                puts_w(g, x + 1 + ind, y, out.p[k], w - 1 - ind, pl->attr);
                if (!k && pl->label)
                    for (int c = 0; c < pl->label && c < w - 1; c++)
                        g->c[(size_t)y * (size_t)g->w + (size_t)(x + 1 + c)]
                            .attr = VA_KEY;
            }
            line++;
            free(out.p[k]);
        }
    }
    if (line - u->pane_scroll > rows) {
        char more[32];
        snprintf(more, sizeof more, " +%d J ", line - u->pane_scroll - rows);
        puts_w(g, x + w - (int)strlen(more), y0 + rows - 1, more,
               (int)strlen(more), VA_SEL);
    }
    if (u->pane_scroll > 0)
        puts_w(g, x + w - 5, y0, " K^ ", 4, VA_SEL);
    if (u->pane_scroll > 0 && u->pane_scroll >= line)
        u->pane_scroll = line > 0 ? line - 1 : 0;
    VEC_FREE(out);
    pl_free(&p);
}

/* ---- lanes -----------------------------------------------------------------
 */

static bool is_race_access(const viewmodel *m, const viewdraw_ui *u,
                           const wf_event *e)
{
    const viewmodel_finding *f;
    if (u->finding < 0 || (size_t)u->finding >= m->findings.len) return false;
    f = &m->findings.p[u->finding];
    if (e->op == EV_BLOCK || e->op == EV_UNBLOCK) return false;
    if (f->oid >= 0 && e->oid != f->oid) return false;
    for (size_t i = 0; i < f->access.len; i++)
        if (f->access.p[i].tid == e->tid &&
            f->access.p[i].step == (int64_t)e->step)
            return true;
    return false;
}

static bool is_finding_step(viewmodel *m, int64_t step, int64_t seq)
{
    for (size_t i = 0; i < m->findings.len; i++)
        if (m->findings.p[i].step == step) {
            /* the last event of the step */
            const viewstate_ev *nx = viewmodel_event(m, seq + 1);
            return !nx || (int64_t)nx->e.step != step;
        }
    return false;
}

/* Make an event's text fit w columns by eliding the middle of its
 * object's name, which keeps its tail ("forks[1]" -> "f...[1]"): the
 * index is what tells objects apart. */
static void fit_object(const viewmodel *m, const wf_event *e, buf *t, int w,
                       bool unicode)
{
    char on[96];
    const char *obj, *at;
    int over, ow, keep, tail;
    buf nb;
    over = text_width(t->p) - w;
    if (over <= 0 || e->oid < 0) return;
    obj = viewmodel_obj_name(m, e->oid, on, sizeof on);
    at = strstr(t->p, obj);
    ow = text_width(obj);
    keep = ow - over - 1; /* columns of the name left, besides the dots */
    if (!at || keep < 1 || ow < 6 || strlen(obj) != (size_t)ow) return;
    tail = keep > 3 ? 3 : keep; /* "block …[2]": the index first */
    buf_init(&nb);
    buf_append(&nb, t->p, (size_t)(at - t->p));
    buf_append(&nb, obj, (size_t)(keep - tail));
    buf_puts(&nb, unicode ? "\xe2\x80\xa6" : "~");
    buf_puts(&nb, obj + ow - tail);
    buf_puts(&nb, at + ow);
    buf_reset(t);
    buf_puts(t, nb.p);
    buf_fini(&nb);
}

/* Is e a step the library took for the user's call (EVF_LIB, not a
 * block: a task waiting inside a call shows what it waits for)? 0: no;
 * 1: the first of the call's steps; 2: a later one (the task's previous
 * event was the library's, for the same line). row: the state before e. */
static int lib_fold(viewmodel *m, const viewstate *row, const wf_event *e)
{
    const viewstate_ev *pv;
    int64_t last;
    if (!(e->flags & EVF_LIB) || e->op == EV_BLOCK) return 0;
    if (e->tid < 0 || e->tid >= row->ntasks) return 1;
    last = row->tasks[e->tid].last_seq;
    pv = last >= 0 ? viewmodel_event(m, last) : NULL;
    if (pv && (pv->e.flags & EVF_LIB) && pv->e.op != EV_BLOCK &&
        pv->e.line == e->line &&
        (pv->e.file == e->file ||
         (pv->e.file && e->file && !strcmp(pv->e.file, e->file))))
        return 2;
    return 1;
}

/* The user's call a library step is folded into: its source line,
 * trimmed ("fmt.Println(ctx.Err())"), or "library call". */
static void call_text(viewmodel *m, const wf_event *e, buf *t)
{
    buf src;
    const char *p;
    size_t n;
    buf_reset(t);
    buf_init(&src);
    if (viewmodel_source_line(m, e->file, e->line, &src) && src.p) {
        p = src.p;
        while (*p == ' ' || *p == '\t')
            p++;
        n = strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '{'))
            n--;
        buf_append(t, p, n);
    }
    if (!t->len) buf_puts(t, "library call");
    buf_fini(&src);
}

static void draw_lanes(viewdraw_grid *g, viewmodel *m, viewdraw_ui *u,
                       const viewdraw_layout *l, viewstate *row,
                       const glyphs *gl, viewstate *at_cursor)
{
    char tn[64];
    buf t;
    int64_t prev_step = -1;
    buf_init(&t);
    /* lane names */
    puts_w(g, 0, 1, "step", l->step_w, VA_HEADER);
    for (int i = 0; i < l->nlanes; i++) {
        int32_t tid = u->lane0 + i;
        if (tid >= m->vr.ntasks) break;
        puts_w(g, l->lanes_x + i * l->lane_w, 1,
               viewmodel_task_name(m, tid, tn, sizeof tn), l->lane_w - 1,
               VA_HEADER);
    }
    if (u->lane0 > 0) put(g, l->lanes_x - 1, 1, gl->left, VA_SEL);
    if (u->lane0 + l->nlanes < m->vr.ntasks)
        put(g, l->pane_x - 2, 1, gl->right, VA_SEL);
    if (u->top > 0) {
        const viewstate_ev *pv = viewmodel_event(m, u->top - 1);
        if (pv) prev_step = (int64_t)pv->e.step;
    }
    for (int r = 0; r < l->rows; r++) {
        int64_t seq = u->top + r;
        int y = l->rows_y + r, row_attr;
        const viewstate_ev *ev;
        bool cursor = seq == u->cur, race, fstep;
        int fold;
        char num[24];
        if (seq >= m->nevents) break;
        ev = viewmodel_event(m, seq);
        if (!ev) break;
        race = is_race_access(m, u, &ev->e);
        /* a racing access stays shown, in the library or not */
        fold = race ? 0 : lib_fold(m, row, &ev->e);
        viewstate_apply(row, &m->vr, ev);
        if (cursor) viewstate_copy(at_cursor, row);
        fstep = is_finding_step(m, (int64_t)ev->e.step, seq);
        row_attr = cursor ? VA_CURSOR : race ? VA_RACE : VA_NORMAL;
        fill(g, 0, y, l->pane_x - 1, row_attr);
        snprintf(num, sizeof num, "%*lld", l->step_w - 1, (long long)ev->e.step);
        puts_w(g, 0, y, num, l->step_w - 1,
               cursor ? VA_CURSOR
               : fstep ? VA_FINDING
               : (int64_t)ev->e.step == prev_step ? VA_DIM
                                                 : VA_NORMAL);
        if (fstep) put(g, l->step_w - 1, y, '!', cursor ? VA_CURSOR : VA_FINDING);
        prev_step = (int64_t)ev->e.step;
        /* the event's lane is scrolled off: point at it */
        if (ev->e.tid < u->lane0)
            put(g, l->lanes_x - 1, y, gl->left, cursor ? VA_CURSOR : VA_EVENT);
        else if (ev->e.tid >= u->lane0 + l->nlanes)
            put(g, l->pane_x - 2, y, gl->right, cursor ? VA_CURSOR : VA_EVENT);
        for (int i = 0; i < l->nlanes; i++) {
            int32_t tid = u->lane0 + i;
            int x = l->lanes_x + i * l->lane_w;
            if (tid >= m->vr.ntasks) break;
            if (tid == ev->e.tid) {
                bool blk = ev->e.op == EV_BLOCK;
                int a = cursor ? VA_CURSOR
                        : race ? VA_RACE
                        : blk  ? VA_BLOCKED
                               : VA_EVENT;
                if (fold) {
                    /* the library's own steps: the user's call once, then
                     * a fold mark (the status line says what each is) */
                    if (!cursor && !race) a = VA_DIM;
                    put(g, x, y, fold == 1 ? gl->call : gl->fold, a);
                    if (fold == 1) {
                        call_text(m, &ev->e, &t);
                        puts_w(g, x + 1, y, t.p, l->lane_w - 1, a);
                    }
                    continue;
                }
                put(g, x, y, blk ? gl->block_mark : gl->mark, a);
                viewdraw_event_text(m, &ev->e, false, &t);
                fit_object(m, &ev->e, &t, l->lane_w - 1, g->unicode);
                puts_w(g, x + 1, y, t.p, l->lane_w - 1, a);
            } else {
                const viewstate_task *k = &row->tasks[tid];
                if (k->status == VIEWSTATE_RUNNING)
                    put(g, x, y, gl->life, cursor ? VA_CURSOR : VA_LIFE);
                else if (k->status == VIEWSTATE_BLOCKED)
                    put(g, x, y, gl->blocked, cursor ? VA_CURSOR : VA_BLOCKED);
            }
        }
    }
    buf_fini(&t);
}

/* ---- overlays --------------------------------------------------------------
 */

static void box(viewdraw_grid *g, int x, int y, int w, int h, const char *title)
{
    glyphs gl = glyphs_of(g);
    for (int r = 0; r < h; r++) {
        fill(g, x, y + r, w, VA_NORMAL);
        put(g, x, y + r, gl.sep, VA_HEADER);
        put(g, x + w - 1, y + r, gl.sep, VA_HEADER);
    }
    for (int c = 0; c < w; c++) {
        put(g, x + c, y, gl.hline, VA_HEADER);
        put(g, x + c, y + h - 1, gl.hline, VA_HEADER);
    }
    if (g->unicode) {
        put(g, x, y, 0x250C, VA_HEADER);
        put(g, x + w - 1, y, 0x2510, VA_HEADER);
        put(g, x, y + h - 1, 0x2514, VA_HEADER);
        put(g, x + w - 1, y + h - 1, 0x2518, VA_HEADER);
    } else {
        put(g, x, y, '+', VA_HEADER);
        put(g, x + w - 1, y, '+', VA_HEADER);
        put(g, x, y + h - 1, '+', VA_HEADER);
        put(g, x + w - 1, y + h - 1, '+', VA_HEADER);
    }
    puts_w(g, x + 2, y, title, w - 4, VA_TITLE);
}

void viewdraw_box(viewdraw_grid *g, int x, int y, int w, int h,
                  const char *title)
{
    box(g, x, y, w, h, title);
}

static const char *const help_keys[][2] = {
    {"j k  Down Up", "next / previous event"},
    {"PgDn PgUp", "a page down / up (also Ctrl-F Ctrl-B)"},
    {"g G  Home End", "first / last event"},
    {"n N", "next / previous finding (its step)"},
    {"/", "search an op, object or task (Enter: again)"},
    {"space", "play / pause (+ - speed)"},
    {"h l  Left Right", "scroll the lanes"},
    {"Tab", "pane: State, Findings, Metrics"},
    {"J K", "scroll the pane"},
    {"r", "choose a run"},
    {"mouse", "click a row to select it"},
    {"?", "this help"},
    {"q", "quit"},
};

static void draw_help(viewdraw_grid *g)
{
    int n = (int)(sizeof help_keys / sizeof help_keys[0]);
    int w = g->w - 4 < 64 ? g->w - 4 : 64, h = n + 4;
    int x = (g->w - w) / 2, y = (g->h - h) / 2;
    if (y < 0) y = 0;
    box(g, x, y, w, h, " weft view: keys ");
    for (int i = 0; i < n && 2 + i < h - 1; i++) {
        puts_w(g, x + 2, y + 2 + i, help_keys[i][0], 16, VA_KEY);
        puts_w(g, x + 19, y + 2 + i, help_keys[i][1], w - 21, VA_NORMAL);
    }
    puts_w(g, x + 2, y + h - 2, "any key closes this help", w - 4, VA_DIM);
}

static void draw_runs(viewdraw_grid *g, viewdraw_ui *u)
{
    int w = g->w - 4, h = g->h - 4, x = 2, y = 2, rows = h - 3;
    box(g, x, y, w, h, " runs: Enter opens, q closes ");
    if (u->run_sel < u->run_top) u->run_top = u->run_sel;
    if (u->run_sel >= u->run_top + rows) u->run_top = u->run_sel - rows + 1;
    for (int i = 0; i < rows; i++) {
        int k = u->run_top + i;
        if (k >= (int)u->runs.len) break;
        if (k == u->run_sel) fill(g, x + 1, y + 1 + i, w - 2, VA_SEL);
        puts_w(g, x + 1, y + 1 + i, u->runs.p[k].text, w - 2,
               k == u->run_sel ? VA_SEL : VA_NORMAL);
    }
    if (!u->runs.len) puts_w(g, x + 2, y + 1, "no runs", w - 4, VA_DIM);
}

/* ---- the frame -------------------------------------------------------------
 */

void viewdraw_frame(viewdraw_grid *g, viewmodel *m, viewdraw_ui *u)
{
    viewdraw_layout l;
    glyphs gl = glyphs_of(g);
    viewstate row, at;
    const viewstate_ev *ev;
    buf t;
    char title[512], tn[64];
    int w = g->w, h = g->h;
    viewdraw_grid_resize(g, w, h);
    if (w < VIEWDRAW_MIN_W || h < VIEWDRAW_MIN_H) {
        char msg[96];
        snprintf(msg, sizeof msg, "weft view needs %dx%d (this is %dx%d)",
                 VIEWDRAW_MIN_W, VIEWDRAW_MIN_H, w, h);
        puts_w(g, 0, 0, msg, w, VA_NORMAL);
        return;
    }
    viewdraw_layout_of(w, h, m->vr.ntasks, m->last_step, &l);
    viewdraw_goto(u, m, u->cur, l.rows, l.nlanes, false);
    buf_init(&t);
    /* title */
    fill(g, 0, 0, w, VA_TITLE);
    ev = viewmodel_event(m, u->cur);
    /* where we are, right-aligned, never cut; then what we look at */
    snprintf(title, sizeof title, " %sstep %lld/%lld  event %lld/%lld ",
             u->playing ? "PLAYING  " : "", ev ? (long long)ev->e.step : 0LL,
             (long long)m->last_step,
             m->nevents ? (long long)u->cur + 1 : 0LL, (long long)m->nevents);
    {
        int tw = text_width(title);
        char left[512];
        snprintf(left, sizeof left, " weft view %s  run %lld %s %s  %s",
                 strrchr(m->db, '/') ? strrchr(m->db, '/') + 1 : m->db,
                 (long long)m->run.id, m->run.role ? m->run.role : "",
                 m->run.file ? m->run.file : "",
                 m->run.verdict ? m->run.verdict : "");
        puts_w(g, 0, 0, left, w - tw - 1, VA_TITLE);
        puts_w(g, w - tw > 0 ? w - tw : 0, 0, title, w, VA_TITLE);
    }
    /* separator */
    for (int y = 1; y < h - 3; y++)
        put(g, l.pane_x - 1, y, gl.sep, VA_HEADER);
    /* lanes, then the pane at the cursor */
    viewstate_init(&row, &m->vr);
    viewstate_init(&at, &m->vr);
    viewstate_copy(&row, viewmodel_state_at(m, u->top));
    viewstate_copy(&at, &row);
    if (!m->nevents)
        puts_w(g, l.lanes_x, l.rows_y, "(this run has no events)",
               l.pane_x - 1 - l.lanes_x, VA_DIM);
    draw_lanes(g, m, u, &l, &row, &gl, &at);
    draw_pane(g, m, u, &l, &at, &gl);
    /* the current event, its source line, the keys */
    fill(g, 0, h - 3, w, VA_HEADER);
    if (ev) {
        viewdraw_event_text(m, &ev->e, true, &t);
        puts_w(g, 0, h - 3, t.p, w, VA_HEADER);
        buf_reset(&t);
        if (ev->e.file && ev->e.line > 0) {
            const char *base = strrchr(ev->e.file, '/');
            buf src;
            buf_init(&src);
            buf_printf(&t, "%s:%d: ", base ? base + 1 : ev->e.file,
                       (int)ev->e.line);
            if (viewmodel_source_line(m, ev->e.file, ev->e.line, &src)) {
                for (char *c = src.p; *c; c++)
                    if (*c == '\t') *c = ' ';
                buf_puts(&t, src.p);
            } else {
                buf_puts(&t, "(source not found)");
            }
            buf_fini(&src);
        } else {
            buf_printf(&t, "%s: no source line",
                       viewmodel_task_name(m, ev->e.tid, tn, sizeof tn));
        }
        puts_w(g, 0, h - 2, t.p, w, VA_NORMAL);
    }
    if (u->overlay == VIEWDRAW_SEARCH) {
        buf_reset(&t);
        buf_printf(&t, "/%s", u->search.p ? u->search.p : "");
        puts_w(g, 0, h - 1, t.p, w, VA_NORMAL);
        put(g, text_width(t.p), h - 1, '_', VA_SEL);
    } else if (m->broken) {
        char msg[1700];
        diag_format(&m->err, msg, sizeof msg);
        puts_w(g, 0, h - 1, msg, w, VA_FINDING);
    } else if (u->msg[0]) {
        puts_w(g, 0, h - 1, u->msg, w, VA_NORMAL);
    } else {
        puts_w(g, 0, h - 1,
               "j/k step  n/N finding  / search  r runs  space play  Tab "
               "pane  ? help  q quit",
               w, VA_DIM);
    }
    if (u->overlay == VIEWDRAW_HELP) draw_help(g);
    if (u->overlay == VIEWDRAW_RUNS) draw_runs(g, u);
    viewstate_fini(&row);
    viewstate_fini(&at);
    buf_fini(&t);
}

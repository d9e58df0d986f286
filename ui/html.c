/* html.c: see html.h. */
#include "html.h"

#include <stdlib.h>
#include <string.h>

#include "ui/viewdraw.h"

/* The diagram's geometry, in SVG user units (CSS pixels). */
enum {
    LM = 64,    /* left margin: the step column */
    LW = 180,   /* a lane's width */
    TOP = 52,   /* the first row's centre */
    RH = 22,    /* a row's height */
    BAR = 10,   /* a blocked stretch's width */
    LABEL = 24, /* characters of an event's label kept */
};

/* ---- text -------------------------------------------------------------- */

void html_escape(buf *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p;) {
        size_t n = buf_utf8_len(p);
        if (!n || (*p < 0x20 && *p != '\n' && *p != '\t')) {
            buf_puts(out, "\xef\xbf\xbd");
            p++;
            continue;
        }
        switch (*p) {
        case '&':
            buf_puts(out, "&amp;");
            break;
        case '<':
            buf_puts(out, "&lt;");
            break;
        case '>':
            buf_puts(out, "&gt;");
            break;
        case '"':
            buf_puts(out, "&quot;");
            break;
        case '\'':
            buf_puts(out, "&#39;");
            break;
        default:
            buf_append(out, (const char *)p, n);
        }
        p += n;
    }
}

/* s cut to max characters (bytes of ASCII; a UTF-8 sequence is kept
 * whole), with "..." when cut. */
static void cut(buf *out, const char *s, size_t max)
{
    size_t chars = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (*p && chars < max) {
        size_t n = buf_utf8_len(p);
        p += n ? n : 1;
        chars++;
    }
    if (!*p) {
        html_escape(out, s);
        return;
    }
    {
        buf t;
        buf_init(&t);
        buf_append(&t, s, (size_t)((const char *)p - s));
        html_escape(out, t.p);
        buf_puts(out, "...");
        buf_fini(&t);
    }
}

/* ---- the page ---------------------------------------------------------- */

static const char style[] =
    "<style>\n"
    "body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;"
    "background:#fff}\n"
    "h1{font-size:20px;margin:0 0 8px}h2{font-size:16px;margin:20px 0 6px}\n"
    "code,pre{font:12px/1.4 ui-monospace,monospace}\n"
    "pre{background:#f6f8fa;padding:8px;white-space:pre-wrap;"
    "word-break:break-all}\n"
    "table.facts td{padding:1px 12px 1px 0;vertical-align:top}\n"
    "table.coffman{border-collapse:collapse;margin:6px 0}\n"
    "table.coffman td,table.coffman th{border:1px solid #d0d7de;"
    "padding:3px 8px;text-align:left;vertical-align:top}\n"
    ".error{color:#cf222e}.warning{color:#9a6700}\n"
    ".legend span{display:inline-block;margin-right:14px}\n"
    ".sw{display:inline-block;width:10px;height:10px;margin-right:4px;"
    "vertical-align:middle}\n"
    "svg text{font:11px ui-monospace,monospace}\n"
    "svg .name{font:bold 12px system-ui,sans-serif;fill:#fff}\n"
    "</style>\n";

static void facts(buf *out, const viewmodel *m)
{
    const trace_run_rec *r = &m->run;
    static const char *const keys[] = {"program", "command", "strategy",
                                       "verdict", "recorded"};
    const char *vals[5];
    vals[0] = r->file;
    vals[1] = r->command;
    vals[2] = r->strategy;
    vals[3] = r->verdict;
    vals[4] = r->created_at;
    buf_puts(out, "<table class=\"facts\">\n");
    for (int i = 0; i < 5; i++) {
        if (!vals[i]) continue;
        buf_printf(out, "<tr><td>%s</td><td><code>", keys[i]);
        html_escape(out, vals[i]);
        buf_puts(out, "</code></td></tr>\n");
    }
    buf_printf(out,
               "<tr><td>steps</td><td>%lld (%lld events, %d goroutines)"
               "</td></tr>\n</table>\n",
               (long long)r->steps, (long long)m->nevents, (int)m->vr.ntasks);
}

static void replay_lines(buf *out, const viewmodel *m, const char *db)
{
    const trace_run_rec *r = &m->run;
    buf_puts(out, "<h2>Replay</h2>\n<pre>");
    if (db) {
        buf_puts(out, "weft replay ");
        html_escape(out, db);
        buf_printf(out, " --run-id %lld\n", (long long)r->id);
    }
    if (r->file && r->schedule) {
        buf_puts(out, "weft replay ");
        html_escape(out, r->file);
        buf_puts(out, " --schedule ");
        html_escape(out, r->schedule);
        buf_putc(out, '\n');
    }
    buf_puts(out, "</pre>\n");
}

static void finding_html(buf *out, viewmodel *m, const viewmodel_finding *f)
{
    bool err = f->severity && !strcmp(f->severity, "error");
    buf_printf(out, "<h2 class=\"%s\">", err ? "error" : "warning");
    html_escape(out, f->kind);
    if (f->kind && !strcmp(f->kind, "deadlock"))
        buf_puts(out, f->partial ? " (partial)" : " (global)");
    buf_puts(out, ": ");
    html_escape(out, f->message);
    buf_printf(out, " <small>(step %lld)</small></h2>\n", (long long)f->step);
    if (f->lines.len) {
        buf_puts(out, "<pre>");
        for (size_t i = 0; i < f->lines.len; i++) {
            html_escape(out, f->lines.p[i]);
            buf_putc(out, '\n');
        }
        buf_puts(out, "</pre>\n");
    }
    if (f->coffman[0] || f->coffman[1] || f->coffman[2] || f->coffman[3]) {
        buf_puts(out, "<table class=\"coffman\"><tr><th>Coffman condition"
                      "</th><th>evidence</th></tr>\n");
        for (int c = 0; c < 4; c++) {
            buf_puts(out, "<tr><td>");
            html_escape(out, viewmodel_coffman_names[c]);
            buf_puts(out, "</td><td>");
            html_escape(out, f->coffman[c] ? f->coffman[c] : "-");
            buf_puts(out, "</td></tr>\n");
        }
        buf_puts(out, "</table>\n");
    }
    (void)m;
}

/* ---- the diagram ------------------------------------------------------- */

static int lane_x(int32_t tid)
{
    return LM + tid * LW + 16;
}

static int row_y(int64_t row)
{
    return TOP + (int)row * RH;
}

/* A blocked stretch of task tid over rows [from, to]. */
static void bar(buf *out, int32_t tid, int64_t from, int64_t to, int why,
                bool forever, const char *title)
{
    const char *fill = forever                      ? "#cf222e"
                       : why == VIEWSTATE_WHY_SLEEP ? "#afb8c1"
                       : why == VIEWSTATE_WHY_COND  ? "#a475f9"
                                                    : "#ff8182";
    buf_printf(out,
               "<rect class=\"blocked%s\" x=\"%d\" y=\"%d\" width=\"%d\" "
               "height=\"%d\" rx=\"3\" fill=\"%s\" opacity=\"0.85\">"
               "<title>",
               forever ? " forever" : "", lane_x(tid) - BAR / 2,
               row_y(from) - RH / 2 + 4, BAR, (int)(to - from) * RH + RH - 8,
               fill);
    html_escape(out, title);
    buf_puts(out, "</title></rect>\n");
}

/* The rows of the race's two accesses, -1 when not shown. */
static void race_rows(viewmodel *m, const viewmodel_finding *f, int64_t first,
                      int64_t *rows)
{
    rows[0] = rows[1] = -1;
    for (size_t i = 0; i < f->access.len && i < 2; i++)
        for (int64_t s = first; s < m->nevents; s++) {
            const viewstate_ev *ev = viewmodel_event(m, s);
            if (!ev) break;
            if (ev->e.tid == f->access.p[i].tid &&
                (int64_t)ev->e.step == f->access.p[i].step &&
                ev->e.op != EV_BLOCK && ev->e.op != EV_UNBLOCK &&
                (f->oid < 0 || ev->e.oid == f->oid)) {
                rows[i] = s - first;
                break;
            }
        }
}

static void diagram(buf *out, viewmodel *m)
{
    int32_t nt = m->vr.ntasks > 0 ? m->vr.ntasks : 1;
    int64_t first = m->nevents > HTML_MAX_ROWS ? m->nevents - HTML_MAX_ROWS : 0;
    int64_t nrows = m->nevents - first;
    int64_t *born = wf_xcalloc((size_t)nt, sizeof *born);
    int64_t *ended = wf_xcalloc((size_t)nt, sizeof *ended);
    int64_t *bfrom = wf_xcalloc((size_t)nt, sizeof *bfrom);
    uint8_t *bwhy = wf_xcalloc((size_t)nt, 1);
    int32_t cycle[64];
    int ncycle = 0;
    const viewmodel_finding *dl = NULL, *race = NULL;
    viewstate s;
    buf t, tn;
    int width = LM + nt * LW + 40, height;
    int64_t race_row[2] = {-1, -1};

    for (size_t i = 0; i < m->findings.len; i++) {
        const viewmodel_finding *f = &m->findings.p[i];
        if (!dl && f->kind && !strcmp(f->kind, "deadlock")) dl = f;
        if (!race && f->kind && !strcmp(f->kind, "race")) race = f;
    }
    viewstate_init(&s, &m->vr);
    viewstate_copy(&s, viewmodel_state_at(m, first));
    if (dl) {
        for (size_t i = 0; i < dl->cycle.len && ncycle < 64; i++)
            cycle[ncycle++] = dl->cycle.p[i];
        if (!ncycle)
            ncycle =
                viewmodel_cycle(viewmodel_state_at(m, m->nevents), cycle, 64);
        viewstate_copy(&s, viewmodel_state_at(m, first));
    }
    if (race) race_rows(m, race, first, race_row);
    height = row_y(nrows) + 24 + (ncycle ? 28 + ncycle * 26 : 0);

    buf_init(&t);
    buf_init(&tn);
    buf_printf(out,
               "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"seq\" "
               "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
               "data-lanes=\"%d\" data-rows=\"%lld\">\n",
               width, height, width, height, (int)nt, (long long)nrows);
    buf_puts(out, "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" "
                  "refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
                  "orient=\"auto-start-reverse\"><path d=\"M0,0L10,5L0,10z\" "
                  "fill=\"context-stroke\"/></marker></defs>\n");
    buf_printf(out, "<rect width=\"%d\" height=\"%d\" fill=\"#ffffff\"/>\n",
               width, height);
    /* the lanes' extents and blocked stretches, from the replayed state */
    for (int32_t k = 0; k < nt; k++) {
        born[k] =
            k < s.ntasks && s.tasks[k].status != VIEWSTATE_UNBORN ? 0 : -1;
        ended[k] = k < s.ntasks && s.tasks[k].status == VIEWSTATE_DONE ? 0 : -1;
        bfrom[k] =
            k < s.ntasks && s.tasks[k].status == VIEWSTATE_BLOCKED ? 0 : -1;
        bwhy[k] = k < s.ntasks ? s.tasks[k].why : 0;
    }
    buf_puts(out, "<g class=\"stretches\">\n");
    for (int64_t r = 0; r < nrows; r++) {
        const viewstate_ev *ev = viewmodel_event(m, first + r);
        if (!ev) break;
        viewstate_apply(&s, &m->vr, ev);
        for (int32_t k = 0; k < nt && k < s.ntasks; k++) {
            const viewstate_task *tk = &s.tasks[k];
            if (born[k] < 0 && tk->status != VIEWSTATE_UNBORN) born[k] = r;
            if (ended[k] < 0 && tk->status == VIEWSTATE_DONE) ended[k] = r;
            if (bfrom[k] < 0 && tk->status == VIEWSTATE_BLOCKED) {
                bfrom[k] = r;
                bwhy[k] = tk->why;
            } else if (bfrom[k] >= 0 && tk->status != VIEWSTATE_BLOCKED) {
                bar(out, k, bfrom[k], r, bwhy[k], false,
                    bwhy[k] == VIEWSTATE_WHY_SLEEP ? "sleeping" : "blocked");
                bfrom[k] = -1;
            }
        }
    }
    for (int32_t k = 0; k < nt; k++)
        if (bfrom[k] >= 0)
            bar(out, k, bfrom[k], nrows > 0 ? nrows - 1 : 0, bwhy[k], true,
                "blocked to the end of the run");
    buf_puts(out, "</g>\n<g class=\"lanes\">\n");
    for (int32_t k = 0; k < nt; k++) {
        int x = lane_x(k);
        int64_t from = born[k] < 0 ? 0 : born[k];
        int64_t to = ended[k] < 0 ? (nrows > 0 ? nrows - 1 : 0) : ended[k];
        const char *name = viewmodel_task_name(m, k, (char[64]){0}, 64);
        buf_printf(out,
                   "<g class=\"lane\" data-tid=\"%d\"><rect x=\"%d\" y=\"6\" "
                   "width=\"%d\" height=\"24\" rx=\"4\" fill=\"#0969da\"/>"
                   "<text class=\"name\" x=\"%d\" y=\"23\">",
                   (int)k, x - 12, LW - 24, x - 4);
        cut(out, name, 18);
        buf_printf(out,
                   "</text><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
                   "stroke=\"#8c959f\" stroke-width=\"1.5\"/></g>\n",
                   x, row_y(from) - RH / 2, x, row_y(to) + RH / 2);
    }
    buf_puts(out, "</g>\n<g class=\"events\">\n");
    for (int64_t r = 0; r < nrows; r++) {
        const viewstate_ev *ev = viewmodel_event(m, first + r);
        int x, y;
        bool racy = r == race_row[0] || r == race_row[1];
        if (!ev) break;
        x = lane_x(ev->e.tid);
        y = row_y(r);
        if (r == 0 || viewmodel_event(m, first + r - 1)->e.step != ev->e.step)
            buf_printf(out,
                       "<text x=\"%d\" y=\"%d\" fill=\"#57606a\" "
                       "text-anchor=\"end\">%lld</text>\n",
                       LM - 10, y + 4, (long long)ev->e.step);
        if (ev->e.op == EV_SPAWN && ev->e.peer >= 0 && ev->e.peer < nt)
            buf_printf(out,
                       "<line class=\"go\" x1=\"%d\" y1=\"%d\" x2=\"%d\" "
                       "y2=\"%d\" stroke=\"#1a7f37\" stroke-width=\"1.2\" "
                       "marker-end=\"url(#arrow)\"/>\n",
                       x, y, lane_x(ev->e.peer) - 6, y);
        viewdraw_event_text(m, &ev->e, true, &tn);
        viewdraw_event_text(m, &ev->e, false, &t);
        buf_printf(out, "<g class=\"ev%s\"><title>", racy ? " race" : "");
        html_escape(out, tn.p);
        if (ev->e.file && ev->e.line > 0) {
            buf_puts(out, " at ");
            html_escape(out, ev->e.file);
            buf_printf(out, ":%d", (int)ev->e.line);
        }
        buf_printf(out,
                   "</title><circle cx=\"%d\" cy=\"%d\" r=\"%d\" fill=\"%s\" "
                   "stroke=\"%s\" stroke-width=\"%d\"/><text x=\"%d\" "
                   "y=\"%d\" fill=\"%s\">",
                   x, y, racy ? 6 : 3, racy ? "#fb8f44" : "#24292f",
                   racy ? "#bc4c00" : "#24292f", racy ? 2 : 1, x + 9, y + 4,
                   racy ? "#bc4c00" : "#24292f");
        cut(out, t.p, LABEL);
        buf_puts(out, "</text></g>\n");
    }
    buf_puts(out, "</g>\n");
    if (race_row[0] >= 0 && race_row[1] >= 0 && race) {
        int x0 = lane_x(race->access.p[0].tid), y0 = row_y(race_row[0]);
        int x1 = lane_x(race->access.p[1].tid), y1 = row_y(race_row[1]);
        buf_printf(out,
                   "<g class=\"racing-pair\"><line x1=\"%d\" y1=\"%d\" "
                   "x2=\"%d\" y2=\"%d\" stroke=\"#bc4c00\" stroke-width=\"2\" "
                   "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\" "
                   "fill=\"#bc4c00\">",
                   x0, y0, x1, y1, (x0 + x1) / 2 + 6, (y0 + y1) / 2 - 4);
        html_escape(out, race->message);
        buf_puts(out, "</text></g>\n");
    }
    if (ncycle) {
        int y = row_y(nrows) + 20;
        buf_printf(out,
                   "<g class=\"wait-for-cycle\"><text x=\"%d\" y=\"%d\" "
                   "fill=\"#cf222e\">wait-for cycle:</text>\n",
                   8, y + 4);
        for (int i = 0; i < ncycle; i++) {
            int32_t a = cycle[i], b = cycle[(i + 1) % ncycle];
            const char *what = NULL;
            int yy = y + 20 + i * 26;
            int xa = lane_x(a), xb = lane_x(b);
            if (dl && (size_t)a < dl->awaits.len) what = dl->awaits.p[a];
            if (a < 0 || b < 0 || a >= nt || b >= nt) continue;
            buf_printf(out,
                       "<path class=\"waits-for\" d=\"M%d,%d C%d,%d %d,%d "
                       "%d,%d\" fill=\"none\" stroke=\"#cf222e\" "
                       "stroke-width=\"2\" marker-end=\"url(#arrow)\"/>"
                       "<text x=\"%d\" y=\"%d\" fill=\"#cf222e\">",
                       xa, yy - 8, xa, yy + 8, xb, yy + 8,
                       xb + (xb > xa ? -4 : 4), yy - 8, (xa + xb) / 2 - 40,
                       yy + 18);
            buf_printf(out, "%s waits for %s",
                       viewmodel_task_name(m, a, (char[64]){0}, 64),
                       viewmodel_task_name(m, b, (char[64]){0}, 64));
            if (what) {
                buf_puts(out, " (");
                html_escape(out, what);
                buf_puts(out, ")");
            }
            buf_puts(out, "</text>\n");
        }
        buf_puts(out, "</g>\n");
    }
    buf_puts(out, "</svg>\n");
    buf_fini(&t);
    buf_fini(&tn);
    viewstate_fini(&s);
    free(born);
    free(ended);
    free(bfrom);
    free(bwhy);
}

void html_page(viewmodel *m, const char *db, buf *out)
{
    const trace_run_rec *r = &m->run;
    buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                  "<meta charset=\"utf-8\">\n<title>weft: ");
    if (m->findings.len)
        html_escape(out, m->findings.p[0].kind);
    else
        html_escape(out, r->verdict ? r->verdict : "run");
    buf_puts(out, " in ");
    html_escape(out, r->file ? r->file : "?");
    buf_printf(out, " (run %lld)</title>\n", (long long)r->id);
    buf_puts(out, style);
    buf_puts(out, "</head>\n<body>\n<h1>weft: ");
    html_escape(out, r->file ? r->file : "?");
    buf_printf(out, ", run %lld</h1>\n", (long long)r->id);
    facts(out, m);
    if (!m->findings.len) buf_puts(out, "<p>No finding in this run.</p>\n");
    for (size_t i = 0; i < m->findings.len; i++)
        finding_html(out, m, &m->findings.p[i]);
    replay_lines(out, m, db);
    buf_puts(out, "<h2>Sequence diagram</h2>\n");
    if (m->nevents > HTML_MAX_ROWS)
        buf_printf(out,
                   "<p>The last %d of %lld events (weft view shows them "
                   "all).</p>\n",
                   HTML_MAX_ROWS, (long long)m->nevents);
    buf_puts(out,
             "<p class=\"legend\"><span><i class=\"sw\" "
             "style=\"background:#ff8182\"></i>blocked</span><span><i "
             "class=\"sw\" style=\"background:#cf222e\"></i>blocked to the "
             "end</span><span><i class=\"sw\" style=\"background:#a475f9\">"
             "</i>in a cond Wait</span><span><i class=\"sw\" "
             "style=\"background:#afb8c1\"></i>sleeping</span><span><i "
             "class=\"sw\" style=\"background:#1a7f37\"></i>go</span><span>"
             "<i class=\"sw\" style=\"background:#fb8f44\"></i>racing "
             "access</span></p>\n");
    diagram(out, m);
    buf_puts(out, "</body>\n</html>\n");
}

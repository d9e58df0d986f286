/* view.c: see view.h. The only file of weft that uses ncurses: it copies
 * viewdraw's grid to the screen and turns keys and clicks into viewdraw
 * calls.
 *
 * Globals (what signals and atexit force; nothing else is global):
 *   view_signal   the signal that asked us to stop (set by the handler,
 *                 read by the loop, which polls at least every 250 ms)
 *   view_curses   ncurses is active: the atexit hook and the fatal-signal
 *                 handler call endwin() only then */
#include "view.h"

/* ncurses declares a function trace(); sim/trace.h a type of that name.
 * Here the type is spelt differently (it is opaque: only pointers). */
#define trace view_trace_handle
#include "ui/viewdraw.h"
#undef trace

#define NCURSES_WIDECHAR 1 /* cchar_t, add_wch: the ncursesw API */
#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

static volatile sig_atomic_t view_signal;
static volatile sig_atomic_t view_curses;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}


static int fail(const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fprintf(stderr, "weft: %s\n", m);
    return 2;
}

/* ---- the terminal ----------------------------------------------------------
 */

static void restore_terminal(void)
{
    if (view_curses) {
        view_curses = 0;
        endwin();
    }
}

static void on_stop(int sig)
{
    view_signal = sig;
}

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define VIEW_SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define VIEW_SANITIZED 1
#endif

#ifndef VIEW_SANITIZED
static void on_fatal(int sig)
{
    /* best effort: leave the terminal usable, then die of the signal */
    restore_terminal();
    signal(sig, SIG_DFL);
    raise(sig);
}
#endif

static void install_signals(void)
{
    static const int stop[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop;
    for (size_t i = 0; i < sizeof stop / sizeof stop[0]; i++)
        sigaction(stop[i], &sa, NULL);
#ifndef VIEW_SANITIZED
    {
        static const int fatal[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
        sa.sa_handler = on_fatal;
        for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++)
            sigaction(fatal[i], &sa, NULL);
    }
#endif
}

typedef struct view_attrs {
    attr_t a[VA__COUNT];
    short pair[VA__COUNT];
} view_attrs;

static void setup_attrs(view_attrs *t)
{
    static const struct {
        short fg, bg;
        attr_t extra, mono;
    } spec[VA__COUNT] = {
        [VA_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
        [VA_TITLE] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
        [VA_HEADER] = {-1, -1, A_BOLD, A_BOLD},
        [VA_DIM] = {-1, -1, A_DIM, A_DIM},
        [VA_CURSOR] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
        [VA_LIFE] = {COLOR_BLUE, -1, A_NORMAL, A_NORMAL},
        [VA_EVENT] = {COLOR_CYAN, -1, A_NORMAL, A_BOLD},
        [VA_BLOCKED] = {COLOR_RED, -1, A_BOLD, A_BOLD},
        [VA_FINDING] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
        [VA_RACE] = {COLOR_BLACK, COLOR_MAGENTA, A_NORMAL, A_UNDERLINE},
        [VA_SEL] = {COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE},
        [VA_BAR] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
        [VA_OK] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
        [VA_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    };
    bool color = has_colors() && getenv("NO_COLOR") == NULL;
    if (color) {
        start_color();
        use_default_colors();
    }
    for (int i = 0; i < VA__COUNT; i++) {
        t->pair[i] = 0;
        t->a[i] = spec[i].mono;
        if (color && (spec[i].fg >= 0 || spec[i].bg >= 0) &&
            i < COLOR_PAIRS) {
            init_pair((short)i, spec[i].fg, spec[i].bg);
            t->pair[i] = (short)i;
            t->a[i] = spec[i].extra;
        } else if (color) {
            t->a[i] = spec[i].extra;
        }
    }
}

static void blit(const viewdraw_grid *g, const view_attrs *ta)
{
    for (int y = 0; y < g->h; y++)
        for (int x = 0; x < g->w; x++) {
            const viewdraw_cell *c = &g->c[(size_t)y * (size_t)g->w + (size_t)x];
            uint32_t ch = c->ch ? c->ch : ' ';
            attr_t a = ta->a[c->attr];
            short pair = ta->pair[c->attr];
            if (y == g->h - 1 && x == g->w - 1) continue; /* no scroll */
            if (ch < 0x80) {
                mvaddch(y, x, (chtype)ch | a | (chtype)COLOR_PAIR(pair));
            } else {
                wchar_t wc[2] = {(wchar_t)ch, 0};
                cchar_t cc;
                setcchar(&cc, wc, a, pair, NULL);
                mvadd_wch(y, x, &cc);
            }
        }
}

/* ---- the loop --------------------------------------------------------------
 */

typedef struct viewer {
    viewmodel *m;
    viewdraw_ui u;
    viewdraw_grid g;
    viewdraw_layout l;
} viewer;

static void layout(viewer *v)
{
    viewdraw_layout_of(v->g.w, v->g.h, v->m->vr.ntasks, v->m->last_step,
                       &v->l);
}

static void go(viewer *v, int64_t seq)
{
    viewdraw_goto(&v->u, v->m, seq, v->l.rows, v->l.nlanes, true);
}

/* Select finding k of the run (by k), or the first. */
static void show_finding(viewer *v, int64_t k)
{
    int idx = 0;
    for (size_t i = 0; i < v->m->findings.len; i++)
        if (v->m->findings.p[i].k == k) idx = (int)i;
    if (!v->m->findings.len) return;
    v->u.finding = idx - 1;
    viewdraw_next_finding(&v->u, v->m, 1, v->l.rows, v->l.nlanes);
}

static void open_run(viewer *v, int64_t id)
{
    wf_diag d;
    if (viewmodel_load(v->m, id, 0, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        snprintf(v->u.msg, sizeof v->u.msg, "%.250s", m);
        return;
    }
    v->u.cur = v->u.top = 0;
    v->u.lane0 = 0;
    v->u.finding = -1;
    v->u.pane_scroll = 0;
    v->u.playing = false;
    snprintf(v->u.msg, sizeof v->u.msg, "run %lld: %lld events",
             (long long)id, (long long)v->m->nevents);
}

static void key_runs(viewer *v, int ch)
{
    viewdraw_ui *u = &v->u;
    int n = (int)u->runs.len, page = v->g.h - 7;
    switch (ch) {
    case 'j':
    case KEY_DOWN:
        u->run_sel++;
        break;
    case 'k':
    case KEY_UP:
        u->run_sel--;
        break;
    case KEY_NPAGE:
        u->run_sel += page;
        break;
    case KEY_PPAGE:
        u->run_sel -= page;
        break;
    case 'g':
    case KEY_HOME:
        u->run_sel = 0;
        break;
    case 'G':
    case KEY_END:
        while (!u->runs_all)
            viewdraw_runs_load(u, v->m, true);
        n = (int)u->runs.len;
        u->run_sel = n - 1;
        break;
    case '\n':
    case '\r':
    case KEY_ENTER:
        if (u->run_sel >= 0 && u->run_sel < n) {
            u->overlay = VIEWDRAW_NONE;
            open_run(v, u->runs.p[u->run_sel].id);
        }
        return;
    case 'q':
    case 27:
        u->overlay = VIEWDRAW_NONE;
        return;
    default:
        return;
    }
    if (u->run_sel >= n - 1 && !u->runs_all) {
        viewdraw_runs_load(u, v->m, true);
        n = (int)u->runs.len;
    }
    if (u->run_sel >= n) u->run_sel = n - 1;
    if (u->run_sel < 0) u->run_sel = 0;
}

static void key_search(viewer *v, int ch)
{
    viewdraw_ui *u = &v->u;
    if (ch == '\n' || ch == '\r' || ch == KEY_ENTER) {
        u->overlay = VIEWDRAW_NONE;
        viewdraw_search(u, v->m, v->l.rows, v->l.nlanes);
    } else if (ch == 27) {
        u->overlay = VIEWDRAW_NONE;
    } else if (ch == KEY_BACKSPACE || ch == 127 || ch == 8) {
        if (u->search.len) u->search.p[--u->search.len] = '\0';
        else u->overlay = VIEWDRAW_NONE;
    } else if (ch >= 0x20 && ch < 0x7F && u->search.len < 120) {
        buf_putc(&u->search, (char)ch);
    }
}

static void mouse(viewer *v)
{
    MEVENT me;
    viewdraw_ui *u = &v->u;
    if (getmouse(&me) != OK) return;
    if (u->overlay == VIEWDRAW_RUNS) {
        int k = u->run_top + me.y - 3;
        if ((me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) && k >= 0 &&
            k < (int)u->runs.len && me.y >= 3) {
            u->run_sel = k;
            if (me.bstate & BUTTON1_DOUBLE_CLICKED) key_runs(v, '\n');
        }
        return;
    }
    if (u->overlay == VIEWDRAW_HELP) {
        u->overlay = VIEWDRAW_NONE;
        return;
    }
#ifdef BUTTON5_PRESSED
    if (me.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
        int d = (me.bstate & BUTTON4_PRESSED) ? -3 : 3;
        if (me.x >= v->l.pane_x)
            u->pane_scroll = u->pane_scroll + d < 0 ? 0 : u->pane_scroll + d;
        else
            go(v, u->cur + d);
        return;
    }
#endif
    if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
                     BUTTON1_DOUBLE_CLICKED)) {
        if (me.x < v->l.pane_x - 1 && me.y >= v->l.rows_y &&
            me.y < v->l.rows_y + v->l.rows) {
            int64_t seq = u->top + (me.y - v->l.rows_y);
            if (seq < v->m->nevents)
                viewdraw_goto(u, v->m, seq, v->l.rows, v->l.nlanes, false);
        } else if (me.y == 1 && me.x >= v->l.pane_x) {
            int x = me.x - v->l.pane_x;
            u->pane = x < 7 ? VIEWDRAW_STATE
                      : x < 17 ? VIEWDRAW_FINDINGS
                               : VIEWDRAW_METRICS;
            u->pane_scroll = 0;
        }
    }
}

/* Handle key ch; false to quit. */
static bool key(viewer *v, int ch)
{
    viewdraw_ui *u = &v->u;
    int rows = v->l.rows;
    if (ch == KEY_RESIZE) return true;
    if (ch == KEY_MOUSE) {
        mouse(v);
        return true;
    }
    if (u->overlay == VIEWDRAW_HELP) {
        u->overlay = VIEWDRAW_NONE;
        return true;
    }
    if (u->overlay == VIEWDRAW_RUNS) {
        key_runs(v, ch);
        return true;
    }
    if (u->overlay == VIEWDRAW_SEARCH) {
        key_search(v, ch);
        return true;
    }
    u->msg[0] = '\0';
    switch (ch) {
    case 'q':
        return false;
    case 'j':
    case KEY_DOWN:
        go(v, u->cur + 1);
        break;
    case 'k':
    case KEY_UP:
        go(v, u->cur - 1);
        break;
    case KEY_NPAGE:
    case 6: /* ^F */
        u->top += rows;
        go(v, u->cur + rows);
        break;
    case KEY_PPAGE:
    case 2: /* ^B */
        u->top -= rows;
        if (u->top < 0) u->top = 0;
        go(v, u->cur - rows);
        break;
    case 4: /* ^D */
        go(v, u->cur + rows / 2);
        break;
    case 21: /* ^U */
        go(v, u->cur - rows / 2);
        break;
    case 'g':
    case KEY_HOME:
        go(v, 0);
        break;
    case 'G':
    case KEY_END:
        go(v, v->m->nevents - 1);
        break;
    case 'n':
    case 'N':
        viewdraw_next_finding(u, v->m, ch == 'n' ? 1 : -1, rows, v->l.nlanes);
        break;
    case '/':
        u->overlay = VIEWDRAW_SEARCH;
        buf_reset(&u->search);
        buf_puts(&u->search, "");
        break;
    case 'r':
        u->overlay = VIEWDRAW_RUNS;
        viewdraw_runs_load(u, v->m, false);
        break;
    case ' ':
        u->playing = !u->playing;
        if (u->playing && u->cur >= v->m->nevents - 1) go(v, 0);
        snprintf(u->msg, sizeof u->msg, "%s (+/- speed: %d ms a step)",
                 u->playing ? "playing" : "paused", u->play_ms);
        break;
    case '+':
    case '=':
        if (u->play_ms > 15) u->play_ms /= 2;
        snprintf(u->msg, sizeof u->msg, "%d ms a step", u->play_ms);
        break;
    case '-':
        if (u->play_ms < 2000) u->play_ms *= 2;
        snprintf(u->msg, sizeof u->msg, "%d ms a step", u->play_ms);
        break;
    case '?':
        u->overlay = VIEWDRAW_HELP;
        break;
    case '\t':
        u->pane = (u->pane + 1) % VIEWDRAW_PANES;
        u->pane_scroll = 0;
        break;
    case KEY_BTAB:
        u->pane = (u->pane + VIEWDRAW_PANES - 1) % VIEWDRAW_PANES;
        u->pane_scroll = 0;
        break;
    case 'h':
    case KEY_LEFT:
        if (u->lane0 > 0) u->lane0--;
        break;
    case 'l':
    case KEY_RIGHT:
        if (u->lane0 + v->l.nlanes < v->m->vr.ntasks) u->lane0++;
        break;
    case 'J':
        u->pane_scroll++;
        break;
    case 'K':
        if (u->pane_scroll > 0) u->pane_scroll--;
        break;
    case 12: /* ^L */
        clearok(curscr, TRUE);
        break;
    default:
        break;
    }
    return true;
}

/* ---- the terminal, for weft view and weft play ------------------------------
 */

struct view_term {
    SCREEN *scr;
    view_attrs ta;
};

view_term *view_term_open(const char *cmd)
{
    static bool hooked;
    view_term *t;
    SCREEN *scr;
    const char *term = getenv("TERM");
    if (!hooked) {
        install_signals();
        atexit(restore_terminal);
        hooked = true;
    }
    scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        if (term && *term)
            fprintf(stderr,
                    "weft: %s: error: cannot use the terminal (TERM=%s: no "
                    "such terminal type here; try TERM=xterm)\n",
                    cmd, term);
        else
            fprintf(stderr,
                    "weft: %s: error: cannot use the terminal (TERM is not "
                    "set; try TERM=xterm)\n",
                    cmd);
        return NULL;
    }
    view_curses = 1;
    if (!tigetstr("cup") || tigetstr("cup") == (char *)-1) {
        restore_terminal();
        delscreen(scr);
        fprintf(stderr,
                "weft: %s: error: the terminal (TERM=%s) cannot move "
                "the cursor; use weft list or weft replay\n",
                cmd, term ? term : "");
        return NULL;
    }
    t = wf_xcalloc(1, sizeof *t);
    t->scr = scr;
    cbreak();
    noecho();
    keypad(stdscr, TRUE);
    curs_set(0);
    set_escdelay(25);
    mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED
#ifdef BUTTON5_PRESSED
                  | BUTTON4_PRESSED | BUTTON5_PRESSED
#endif
              ,
              NULL);
    mouseinterval(0);
    setup_attrs(&t->ta);
    return t;
}

void view_term_draw(view_term *t, const viewdraw_grid *g)
{
    blit(g, &t->ta);
    refresh();
}

int view_term_signal(void)
{
    return view_signal;
}

void view_term_close(view_term *t)
{
    if (!t) return;
    restore_terminal();
    delscreen(t->scr);
    free(t);
}

static int run_terminal(viewer *v, bool unicode, int64_t finding_k)
{
    bool quit = false, dirty = true;
    view_term *term = view_term_open("view");
    if (!term) return 2;
    viewdraw_grid_init(&v->g, unicode);
    viewdraw_grid_resize(&v->g, COLS, LINES);
    layout(v);
    if (finding_k > 0) show_finding(v, finding_k);
    while (!quit && !view_signal) {
        int ch, wait;
        bool pending;
        if (dirty) {
            viewdraw_grid_resize(&v->g, COLS, LINES);
            layout(v);
            viewdraw_frame(&v->g, v->m, &v->u);
            view_term_draw(term, &v->g);
            dirty = false;
        }
        pending = v->m->front.seq < v->m->nevents && !v->m->broken;
        wait = v->u.playing ? v->u.play_ms : pending ? 20 : 250;
        timeout(wait);
        ch = getch();
        if (view_signal) break;
        if (ch == ERR) {
            if (v->u.playing) {
                if (v->u.cur + 1 >= v->m->nevents) {
                    v->u.playing = false;
                    snprintf(v->u.msg, sizeof v->u.msg,
                             "end of the run: paused");
                } else {
                    go(v, v->u.cur + 1);
                }
                dirty = true;
            } else if (pending) {
                viewmodel_idle(v->m, 20000);
            }
            continue;
        }
        quit = !key(v, ch);
        dirty = true;
    }
    view_term_close(term);
    viewdraw_grid_fini(&v->g);
    if (view_signal) return 128 + view_signal;
    return 0;
}

static int run_headless(viewer *v, const cli_opts *o, bool unicode,
                        double t0)
{
    double ms;
    viewdraw_grid_init(&v->g, unicode);
    viewdraw_grid_resize(&v->g, (int)o->view_w, (int)o->view_h);
    layout(v);
    if (o->finding_k > 0) show_finding(v, o->finding_k);
    for (const char *k = o->view_keys; k && *k; k++) {
        viewdraw_frame(&v->g, v->m, &v->u);
        layout(v);
        if (*k != 12 && !key(v, (unsigned char)*k)) break;
    }
    viewdraw_frame(&v->g, v->m, &v->u);
    ms = now_ms() - t0;
    if (o->view_dump) {
        buf b;
        buf_init(&b);
        for (int y = 0; y < v->g.h; y++) {
            buf_reset(&b);
            viewdraw_grid_row(&v->g, y, &b);
            while (b.len && b.p[b.len - 1] == ' ')
                b.p[--b.len] = '\0';
            printf("%s\n", b.p);
        }
        buf_fini(&b);
    }
    if (o->view_first_ms) printf("first screen: %.2f ms\n", ms);
    viewdraw_grid_fini(&v->g);
    return v->m->broken ? fail(&v->m->err) : 0;
}

int view_exec(const cli_opts *opts)
{
    double t0 = now_ms();
    cli_opts o = *opts;
    viewer v;
    wf_diag d;
    wf_status st;
    int64_t id;
    bool unicode;
    int rc;
    o.db = o.file;
    if (o.run_id < 0) o.run_id = 0;
    if (o.finding_k < 0) o.finding_k = 0;
    setlocale(LC_ALL, "");
    unicode = !o.view_ascii && !strcmp(nl_langinfo(CODESET), "UTF-8");
    memset(&v, 0, sizeof v);
    if ((st = viewmodel_open(&v.m, o.db, &d)) != WF_OK) return fail(&d);
    id = o.run_id;
    if (!id && (st = viewmodel_default_run(v.m, &id, &d)) != WF_OK) {
        viewmodel_free(v.m);
        return fail(&d);
    }
    if (!id) {
        fprintf(stderr, "weft: %s: error: the database has no runs\n", o.db);
        viewmodel_free(v.m);
        return 2;
    }
    if ((st = viewmodel_load(v.m, id, o.finding_k, &d)) != WF_OK) {
        viewmodel_free(v.m);
        return fail(&d);
    }
    /* a summary's finding K is shown in its witness run as its first;
     * a database opened with neither --run nor --finding (a plain
     * explore --db) opens on the first finding of the run it picked */
    if (v.m->run.id != id || (opts->run_id <= 0 && opts->finding_k <= 0))
        o.finding_k = v.m->findings.len ? 1 : 0;
    if (!o.view_first_ms && !o.view_dump &&
        (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))) {
        fprintf(stderr,
                "weft: view: error: the viewer needs a terminal (%s is not "
                "one); without one: weft list %s, weft replay %s --run-id "
                "%lld, or weft report %s --html page.html\n",
                isatty(STDOUT_FILENO) ? "standard input" : "standard output",
                o.db, o.db, (long long)v.m->run.id, o.db);
        viewmodel_free(v.m);
        return 2;
    }
    viewdraw_ui_init(&v.u);
    if (o.view_first_ms || o.view_dump) {
        rc = run_headless(&v, &o, unicode, t0);
    } else {
        rc = run_terminal(&v, unicode, o.finding_k);
    }
    viewdraw_ui_fini(&v.u);
    viewmodel_free(v.m);
    return rc;
}

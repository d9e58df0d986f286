/* playtty.c: `weft play FILE`: the command line, the terminal loop (with
 * ui/view.c's terminal) and a headless mode for tests (see playtty.h). */
#include "playtty.h"

/* ncurses declares a function trace(); sim/trace.h a type of that name.
 * Here the type is spelt differently (it is opaque: only pointers). */
#define trace view_trace_handle
#include "sim/lang/vm.h"
#include "ui/playdraw.h"
#undef trace

#define NCURSES_WIDECHAR 1
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ui/view.h"

/* Steps the hint search takes at most after each move (its four rounds
 * together): about a second on these machines. */
#define PLAY_HINT_BUDGET 300000

typedef struct play_cli {
    const char *file, *db, *save, *run_re, *go_version, *keys;
    play_opts po;
    bool dump, ascii, no_hints;
    int w, h;
} play_cli;

static const char play_usage[] = "usage: weft play FILE [options]\n";

static const char play_help_text[] =
    "usage: weft play FILE [options]\n"
    "Be the scheduler of FILE (a Go program or test file): the viewer's\n"
    "lanes show each task's next operation and source line; you pick who\n"
    "runs next. Hints say how far the nearest bug (or the file's goal) is,\n"
    "found by exploring the continuations of what you played.\n"
    "\n"
    "Keys: a digit N runs task gN (0 is main); Left/Right and Enter or\n"
    "space run the selected task; a click on a task's next operation runs\n"
    "it; u undoes; a lets the scheduler run to the end without preempting;\n"
    "h shows the next step toward the nearest goal or bug (h again takes\n"
    "it); s saves the schedule as a replay line; j/k or Up/Down browse the\n"
    "history; Tab changes the pane; ? lists the keys; q quits.\n"
    "\n"
    "Goals: a comment `// play: deadlock` (or any finding kind) or\n"
    "`// play: outcome \"1\\n\"` (main returns having printed it) at the top\n"
    "of FILE; reaching it is announced with the steps and preemptions it\n"
    "took against the fewest found.\n"
    "\n"
    "Options:\n"
    "  --db PATH            record the session (each finished execution\n"
    "                       and the last one) for weft view and replay\n"
    "  --save FILE          where s appends replay lines (default\n"
    "                       weft-play.txt); they are printed at the end too\n"
    "  --hint-budget N      steps the hint search may take after each move\n"
    "                       (default 300000; 0 turns hints off)\n"
    "  --run REGEXP         a test file: the first test it matches\n"
    "  --go VERSION         language version (loop variables), as for run\n"
    "  --max-steps N        per execution (default 1000000)\n"
    "  --cond-order fifo|any, --spurious-wakeups, --mutex free|fifo,\n"
    "  --time strict|loose  the semantics switches, as for run\n"
    "  --ascii              ASCII glyphs only\n"
    "  --help               this help\n";

static int usage_error(const char *fmt, ...) WF_PRINTF(1, 2);
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("weft: play: error: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\n", stderr);
    fputs(play_usage, stderr);
    return 2;
}

static bool parse_u64(const char *s, uint64_t *out)
{
    char *end;
    unsigned long long v;
    if (!s || !*s || *s == '-') return false;
    errno = 0;
    v = strtoull(s, &end, 10);
    if (*end || errno) return false;
    *out = v;
    return true;
}

/* 0 on success, else the exit status (help: -1). */
static int parse_args(int argc, char **argv, play_cli *o)
{
    memset(o, 0, sizeof *o);
    o->w = 80;
    o->h = 24;
    o->save = "weft-play.txt";
    o->po.hint_budget = PLAY_HINT_BUDGET;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        uint64_t n;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) return -1;
        if (!strcmp(a, "--db") || !strcmp(a, "--save") || !strcmp(a, "--run") ||
            !strcmp(a, "--go") || !strcmp(a, "--keys")) {
            if (!v) return usage_error("%s needs a value", a);
            if (!strcmp(a, "--db"))
                o->db = v;
            else if (!strcmp(a, "--save"))
                o->save = v;
            else if (!strcmp(a, "--run"))
                o->run_re = v;
            else if (!strcmp(a, "--go"))
                o->go_version = v;
            else
                o->keys = v;
            i++;
        } else if (!strcmp(a, "--hint-budget") || !strcmp(a, "--max-steps")) {
            if (!parse_u64(v, &n) || n > INT64_MAX)
                return usage_error("%s needs a number", a);
            if (a[2] == 'h')
                o->po.hint_budget = (int64_t)n;
            else if (!n)
                return usage_error("%s needs a positive number", a);
            else
                o->po.max_steps = n;
            i++;
        } else if (!strcmp(a, "--cond-order") || !strcmp(a, "--mutex") ||
                   !strcmp(a, "--time")) {
            bool first, second;
            const char *x = !strcmp(a, "--cond-order") ? "fifo"
                            : !strcmp(a, "--mutex")    ? "free"
                                                       : "strict";
            const char *y = !strcmp(a, "--cond-order") ? "any"
                            : !strcmp(a, "--mutex")    ? "fifo"
                                                       : "loose";
            first = v && !strcmp(v, x);
            second = v && !strcmp(v, y);
            if (!first && !second)
                return usage_error("%s takes one of its two values", a);
            if (!strcmp(a, "--cond-order"))
                o->po.cond_any = second;
            else if (!strcmp(a, "--mutex"))
                o->po.mutex_fifo = second;
            else
                o->po.time_loose = second;
            i++;
        } else if (!strcmp(a, "--spurious-wakeups")) {
            o->po.spurious = true;
        } else if (!strcmp(a, "--ascii")) {
            o->ascii = true;
        } else if (!strcmp(a, "--dump")) {
            o->dump = true;
        } else if (!strcmp(a, "--size")) {
            if (!v || sscanf(v, "%dx%d", &o->w, &o->h) != 2 || o->w < 1 ||
                o->h < 1 || o->w > 1000 || o->h > 1000)
                return usage_error("%s needs WxH, e.g. 80x24", a);
            i++;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option '%s'", a);
        } else if (!o->file) {
            o->file = a;
        } else {
            return usage_error("one file only ('%s')", a);
        }
    }
    if (!o->file) return usage_error("%s", "no file given");
    return 0;
}

static int input_error(const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fprintf(stderr, "weft: %s\n", m);
    return 2;
}

static bool read_all(const char *path, unsigned char **out, size_t *len)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char chunk[65536];
    size_t n;
    if (!f) return false;
    buf_init(&b);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    if (ferror(f)) {
        fclose(f);
        buf_fini(&b);
        return false;
    }
    fclose(f);
    *len = b.len;
    if (!b.p) buf_puts(&b, "");
    *out = (unsigned char *)b.p;
    return true;
}

/* The entry to play: main, or the first test --run matches. */
static int entry_of(const play_cli *o, vm_program *p, program *pr)
{
    regex_t re;
    if (!vm_is_test_file(p)) {
        *pr = vm_program_entry(p);
        return 0;
    }
    if (!vm_test_count(p)) {
        fprintf(stderr,
                "weft: %s: error: a test file with no test function "
                "(func TestXxx(t *testing.T))\n",
                o->file);
        return 2;
    }
    if (!o->run_re) {
        *pr = vm_program_test_entry(p, 0);
        return 0;
    }
    if (regcomp(&re, o->run_re, REG_EXTENDED | REG_NOSUB)) {
        fprintf(stderr,
                "weft: play: error: --run: bad regular expression "
                "'%s'\n",
                o->run_re);
        return 2;
    }
    for (size_t i = 0; i < vm_test_count(p); i++)
        if (regexec(&re, vm_test_name(p, i), 0, NULL, 0) == 0) {
            regfree(&re);
            *pr = vm_program_test_entry(p, i);
            return 0;
        }
    regfree(&re);
    fprintf(stderr,
            "weft: play: error: --run '%s' selects none of the tests "
            "of %s\n",
            o->run_re, o->file);
    return 2;
}

/* ---- headless: --keys STR, --dump ------------------------------------------
 */

/* The next key of a --keys string: a character, or <left> <right> <up>
 * <down> <enter> <tab> <pgup> <pgdn>, or <click:X,Y> (*x, *y set). */
static int next_key(const char **s, int *x, int *y)
{
    static const struct {
        const char *name;
        int key;
    } names[] = {{"<left>", PK_LEFT}, {"<right>", PK_RIGHT}, {"<up>", PK_UP},
                 {"<down>", PK_DOWN}, {"<enter>", PK_ENTER}, {"<tab>", '\t'},
                 {"<pgup>", PK_PGUP}, {"<pgdn>", PK_PGDN}};
    const char *p = *s;
    if (*p == '<') {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            size_t n = strlen(names[i].name);
            if (!strncmp(p, names[i].name, n)) {
                *s = p + n;
                return names[i].key;
            }
        }
        if (sscanf(p, "<click:%d,%d>", x, y) == 2 && strchr(p, '>')) {
            *s = strchr(p, '>') + 1;
            return -2;
        }
    }
    *s = p + 1;
    return (unsigned char)*p;
}

static void dump(const viewdraw_grid *g)
{
    buf b;
    buf_init(&b);
    for (int y = 0; y < g->h; y++) {
        buf_reset(&b);
        viewdraw_grid_row(g, y, &b);
        while (b.len && b.p[b.len - 1] == ' ')
            b.p[--b.len] = '\0';
        printf("%s\n", b.p ? b.p : "");
    }
    buf_fini(&b);
}

static void run_headless(playdraw *p, const play_cli *o, bool unicode)
{
    viewdraw_grid g;
    const char *k = o->keys;
    viewdraw_grid_init(&g, unicode);
    viewdraw_grid_resize(&g, o->w, o->h);
    playdraw_frame(&g, p);
    while (k && *k) {
        int x = 0, y = 0, key = next_key(&k, &x, &y);
        bool go_on = true;
        if (key == -2)
            playdraw_click(p, x, y);
        else
            go_on = playdraw_key(p, key);
        playdraw_frame(&g, p);
        if (!go_on) break;
    }
    if (o->dump) dump(&g);
    viewdraw_grid_fini(&g);
}

/* ---- the terminal ----------------------------------------------------------
 */

static int key_of(int ch)
{
    switch (ch) {
    case KEY_LEFT:
        return PK_LEFT;
    case KEY_RIGHT:
        return PK_RIGHT;
    case KEY_UP:
        return PK_UP;
    case KEY_DOWN:
        return PK_DOWN;
    case KEY_PPAGE:
        return PK_PGUP;
    case KEY_NPAGE:
        return PK_PGDN;
    case KEY_HOME:
        return PK_HOME;
    case KEY_END:
        return PK_END;
    case KEY_ENTER:
        return PK_ENTER;
    case KEY_BTAB:
        return PK_BTAB;
    default:
        return ch;
    }
}

static int run_terminal(playdraw *p, bool unicode)
{
    viewdraw_grid g;
    bool quit = false, dirty = true;
    view_term *term = view_term_open("play");
    if (!term) return 2;
    viewdraw_grid_init(&g, unicode);
    while (!quit && !view_term_signal()) {
        int ch;
        if (dirty) {
            viewdraw_grid_resize(&g, COLS, LINES);
            playdraw_frame(&g, p);
            view_term_draw(term, &g);
            dirty = false;
        }
        timeout(250);
        ch = getch();
        if (view_term_signal()) break;
        if (ch == ERR) continue;
        dirty = true;
        if (ch == KEY_RESIZE) continue;
        if (ch == 12) { /* ^L */
            clearok(curscr, TRUE);
            continue;
        }
        if (ch == KEY_MOUSE) {
            MEVENT me;
            if (getmouse(&me) != OK) continue;
#ifdef BUTTON5_PRESSED
            if (me.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
                playdraw_wheel(p, me.x, (me.bstate & BUTTON4_PRESSED) ? -1 : 1);
                continue;
            }
#endif
            if (me.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED))
                playdraw_click(p, me.x, me.y);
            continue;
        }
        quit = !playdraw_key(p, key_of(ch));
    }
    view_term_close(term);
    viewdraw_grid_fini(&g);
    return view_term_signal() ? 128 + view_term_signal() : 0;
}

/* ---- the command -----------------------------------------------------------
 */

int play_main(int argc, char **argv)
{
    play_cli o;
    unsigned char *src = NULL;
    size_t len = 0;
    play_goal goal;
    vm_options vo;
    vm_program *vp = NULL;
    program pr;
    wf_diag d;
    char dir[] = "/tmp/weft-play-XXXXXX", dbpath[64], cmdline[1200];
    const char *tmp = getenv("TMPDIR");
    char tdir[600];
    play_game *g = NULL;
    playdraw p;
    bool unicode, tty_ok;
    int rc = parse_args(argc, argv, &o);
    if (rc == -1) {
        fputs(play_help_text, stdout);
        return 0;
    }
    if (rc) return rc;
    tty_ok = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
    if (!o.dump && !o.keys && !tty_ok) {
        fprintf(stderr,
                "weft: play: error: play needs a terminal (%s is "
                "not one)\n",
                isatty(STDOUT_FILENO) ? "standard input" : "standard output");
        return 2;
    }
    if (!read_all(o.file, &src, &len)) {
        fprintf(stderr, "weft: %s: error: cannot read the file\n", o.file);
        return 2;
    }
    if (play_goal_read(o.file, src, len, &goal, &d) != WF_OK) {
        free(src);
        return input_error(&d);
    }
    memset(&vo, 0, sizeof vo);
    vo.go_version = o.go_version;
    if (vm_compile(o.file, src, len, &vo, &vp, &d) != WF_OK) {
        free(src);
        play_goal_fini(&goal);
        return input_error(&d);
    }
    free(src);
    if ((rc = entry_of(&o, vp, &pr)) != 0) {
        play_goal_fini(&goal);
        vm_program_free(vp);
        return rc;
    }
    /* the lanes' database, in a directory of our own */
    if (tmp && *tmp && strlen(tmp) < 500) {
        snprintf(tdir, sizeof tdir, "%s/weft-play-XXXXXX", tmp);
    } else {
        snprintf(tdir, sizeof tdir, "%s", dir);
    }
    if (!mkdtemp(tdir)) {
        fprintf(stderr,
                "weft: play: error: cannot make a temporary "
                "directory (%s)\n",
                strerror(errno));
        play_goal_fini(&goal);
        vm_program_free(vp);
        return 2;
    }
    snprintf(dbpath, sizeof dbpath, "%.50s", "lanes.db");
    {
        buf path;
        buf_init(&path);
        buf_printf(&path, "%s/%s", tdir, dbpath);
        snprintf(cmdline, sizeof cmdline, "weft replay %s", o.file);
        o.po.display_db = path.p;
        o.po.session_db = o.db;
        o.po.command_line = cmdline;
        if (o.no_hints) o.po.hint_budget = 0;
        rc = 0;
        if (play_new(&g, &pr, &goal, &o.po, &d) != WF_OK) {
            rc = input_error(&d);
        } else if (playdraw_init(&p, g, o.save, &d) != WF_OK) {
            rc = input_error(&d);
            play_free(g);
            g = NULL;
        }
        if (g) {
            setlocale(LC_ALL, "");
            unicode = !o.ascii && !strcmp(nl_langinfo(CODESET), "UTF-8");
            if (o.dump || o.keys)
                run_headless(&p, &o, unicode);
            else
                rc = run_terminal(&p, unicode);
            for (size_t i = 0; i < p.saved.len && !o.dump; i++)
                printf("%s\n", p.saved.p[i]);
            playdraw_fini(&p);
            {
                int64_t before = g->sess_runs;
                wf_diag rd;
                if (g->sess && play_record(g, &rd) != WF_OK) {
                    input_error(&rd);
                    rc = rc ? rc : 2;
                }
                if (g->sess && !o.dump)
                    printf("recorded in %s: %lld run%s (weft view %s)\n", o.db,
                           (long long)g->sess_runs,
                           g->sess_runs == 1 ? "" : "s", o.db);
                (void)before;
            }
            play_free(g);
        }
        /* the lanes' database and its WAL files */
        {
            static const char *const sfx[] = {"", "-wal", "-shm", "-journal"};
            for (size_t i = 0; i < sizeof sfx / sizeof sfx[0]; i++) {
                buf f;
                buf_init(&f);
                buf_printf(&f, "%s%s", path.p, sfx[i]);
                unlink(f.p);
                buf_fini(&f);
            }
            rmdir(tdir);
        }
        buf_fini(&path);
    }
    play_goal_fini(&goal);
    vm_program_free(vp);
    return rc;
}

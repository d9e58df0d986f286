/* playtty.c: `weft play FILE`: the terminal loop (with ui/view.c's
 * terminal) and a headless mode for tests (see playtty.h). */
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
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui/gocmd.h"
#include "ui/view.h"

/* Steps the hint search takes at most after each move (its four rounds
 * together): about a second on these machines. */
#define PLAY_HINT_BUDGET 300000

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
static int entry_of(const cli_opts *o, vm_program *p, program *pr)
{
    regex_t re;
    if (!vm_is_test_file(p)) {
        *pr = vm_program_entry(p);
        return 0;
    }
    if (!vm_test_count(p)) {
        fprintf(stderr,
                "weft: %s: error: a test file with no test function "
                "(func TestXxx(t *testing.T), or an ExampleXxx with an "
                "// Output: comment)\n",
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

static void run_headless(playdraw *p, const cli_opts *o, bool unicode)
{
    viewdraw_grid g;
    const char *k = o->view_keys;
    viewdraw_grid_init(&g, unicode);
    viewdraw_grid_resize(&g, (int)o->view_w, (int)o->view_h);
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
    if (o->view_dump) dump(&g);
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

int play_exec(const cli_opts *o)
{
    unsigned char *src = NULL;
    size_t len = 0;
    play_goal goal;
    play_opts po;
    vm_options vo;
    vm_program *vp = NULL;
    program pr;
    wf_diag d;
    char cmdline[1200];
    const char *tmp = getenv("TMPDIR");
    const char *save = o->save_path ? o->save_path : "weft-play.txt";
    bool headless = o->view_dump || o->view_keys;
    struct stat st;
    char tdir[600];
    buf path;
    play_game *g = NULL;
    playdraw p;
    bool unicode;
    int rc;
    if (stat(o->file, &st) == 0 && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "weft: %s: error: a directory: weft play takes one "
                        "Go file (a program or a *_test.go file)\n",
                o->file);
        return 2;
    }
    if (!gocmd_is_go(o->file) && gocmd_not_go_source(o, o->file)) return 2;
    if (!read_all(o->file, &src, &len)) {
        fprintf(stderr, "weft: %s: error: cannot open the file: %s\n",
                o->file, strerror(errno));
        return 2;
    }
    if (!headless && (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))) {
        fprintf(stderr, "weft: play: error: play needs a terminal (%s is "
                        "not one)\n",
                isatty(STDOUT_FILENO) ? "standard input" : "standard output");
        free(src);
        return 2;
    }
    if (play_goal_read(o->file, src, len, &goal, &d) != WF_OK) {
        free(src);
        return input_error(&d);
    }
    memset(&vo, 0, sizeof vo);
    vo.go_version = o->go_version;
    if (vm_compile(o->file, src, len, &vo, &vp, &d) != WF_OK) {
        free(src);
        play_goal_fini(&goal);
        return input_error(&d);
    }
    free(src);
    if ((rc = entry_of(o, vp, &pr)) != 0) {
        play_goal_fini(&goal);
        vm_program_free(vp);
        return rc;
    }
    /* the lanes' database, in a directory of our own */
    snprintf(tdir, sizeof tdir, "%s/weft-play-XXXXXX",
             tmp && *tmp && strlen(tmp) < 500 ? tmp : "/tmp");
    if (!mkdtemp(tdir)) {
        fprintf(stderr, "weft: play: error: cannot make a temporary "
                        "directory (%s)\n",
                strerror(errno));
        play_goal_fini(&goal);
        vm_program_free(vp);
        return 2;
    }
    buf_init(&path);
    buf_printf(&path, "%s/lanes.db", tdir);
    snprintf(cmdline, sizeof cmdline, "weft replay %s", o->file);
    memset(&po, 0, sizeof po);
    po.cond_any = o->cond_any;
    po.spurious = o->spurious;
    po.mutex_fifo = o->mutex_fifo;
    po.time_loose = o->time_loose;
    po.max_steps = o->max_steps;
    po.max_memory = o->max_memory ? o->max_memory : cli_default_memory();
    po.hint_budget = o->hint_budget >= 0 ? o->hint_budget : PLAY_HINT_BUDGET;
    po.display_db = path.p;
    po.session_db = o->db;
    po.command_line = cmdline;
    if (play_new(&g, &pr, &goal, &po, &d) != WF_OK) {
        rc = input_error(&d);
    } else if (playdraw_init(&p, g, save, &d) != WF_OK) {
        rc = input_error(&d);
        play_free(g);
        g = NULL;
    }
    if (g) {
        wf_diag rd;
        setlocale(LC_ALL, "");
        unicode = !o->view_ascii && !strcmp(nl_langinfo(CODESET), "UTF-8");
        if (headless)
            run_headless(&p, o, unicode);
        else
            rc = run_terminal(&p, unicode);
        for (size_t i = 0; i < p.saved.len && !o->view_dump; i++)
            printf("%s\n", p.saved.p[i]);
        playdraw_fini(&p);
        if (g->sess && play_record(g, &rd) != WF_OK) {
            input_error(&rd);
            rc = rc ? rc : 2;
        }
        if (g->sess && !o->view_dump)
            printf("recorded in %s: %lld run%s (weft view %s)\n", o->db,
                   (long long)g->sess_runs, g->sess_runs == 1 ? "" : "s",
                   o->db);
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
    play_goal_fini(&goal);
    vm_program_free(vp);
    return rc;
}

/* testcmd.c: see testcmd.h.
 *
 * A scenario file passes when the kinds of its error findings are exactly
 * the error kinds its expect: lines list ("ok": none), every warning kind
 * listed was found, and, with an outcomes list, the set of outputs printed
 * over all executions is exactly that list (SPEC section 4). */
#include "testcmd.h"
#include "sim/lang/utf8.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "checker/report.h"
#include "cli.h"
#include "halt.h"
#include "gocmd.h"
#include "html.h"
#include "reportcmd.h"
#include "sim/lang/lex.h"
#include "sim/lang/load.h"
#include "sim/lang/vm.h"
#include "testout.h"

extern char **environ; /* the process environment (POSIX) */

/* ---- files ------------------------------------------------------------- */

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool read_file(const char *path, unsigned char **src, size_t *len)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char chunk[8192];
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
    *src = (unsigned char *)(b.p ? b.p : wf_xstrdup(""));
    return true;
}

/* ---- expectations ------------------------------------------------------ */

static int kind_of(const char *w, size_t n)
{
    for (int k = 0; k < FINDING_KINDS; k++)
        if (strlen(finding_kind_names[k]) == n &&
            !strncmp(finding_kind_names[k], w, n))
            return k;
    return -1;
}

/* Decode the Go interpreted string literal at *p into out, advancing *p;
 * false if it is malformed. */
static bool go_string(const char **p, buf *out)
{
    const char *s = *p;
    if (*s != '"') return false;
    for (s++; *s && *s != '"'; s++) {
        unsigned v = 0;
        if (*s != '\\') {
            buf_putc(out, *s);
            continue;
        }
        switch (*++s) {
        case 'n':
            buf_putc(out, '\n');
            break;
        case 't':
            buf_putc(out, '\t');
            break;
        case 'r':
            buf_putc(out, '\r');
            break;
        case 'a':
            buf_putc(out, '\a');
            break;
        case 'b':
            buf_putc(out, '\b');
            break;
        case 'f':
            buf_putc(out, '\f');
            break;
        case 'v':
            buf_putc(out, '\v');
            break;
        case '\\':
            buf_putc(out, '\\');
            break;
        case '"':
            buf_putc(out, '"');
            break;
        case 'x':
        case 'u':
        case 'U': {
            /* \xhh a byte; \uhhhh, \Uhhhhhhhh a code point, in UTF-8 */
            int nd = *s == 'x' ? 2 : *s == 'u' ? 4 : 8;
            char kind = *s;
            for (int i = 0; i < nd; i++) {
                char c = *++s;
                if (c >= '0' && c <= '9')
                    v = v * 16 + (unsigned)(c - '0');
                else if (c >= 'a' && c <= 'f')
                    v = v * 16 + (unsigned)(c - 'a' + 10);
                else if (c >= 'A' && c <= 'F')
                    v = v * 16 + (unsigned)(c - 'A' + 10);
                else
                    return false;
            }
            if (kind == 'x') {
                buf_putc(out, (char)v);
            } else {
                unsigned char u[4];
                if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000))
                    return false;
                buf_append(out, (const char *)u,
                           (size_t)utf8_encode((int32_t)v, u));
            }
            break;
        }
        default:
            /* \ooo: a byte in octal */
            if (*s < '0' || *s > '7') return false;
            for (int i = 0; i < 3; i++, s++) {
                if (*s < '0' || *s > '7') return false;
                v = v * 8 + (unsigned)(*s - '0');
            }
            s--;
            if (v > 255) return false;
            buf_putc(out, (char)v);
            break;
        }
    }
    if (*s != '"') return false;
    *p = s + 1;
    return true;
}

/* Position of p inside comment c: its text starts after the two-character
 * comment mark. */
static void bad_at(test_expect *x, const char *path, const lex_comment *c,
                   const char *p, const char *what, const char *w, int n)
{
    if (x->bad.msg[0]) return;
    diag_set(&x->bad, path, c->line, c->col + 2 + (int)(p - c->text),
             "%s '%.*s'", what, n, w);
}

static void parse_expect(const char *path, const lex_comment *c, const char *p,
                         test_expect *x)
{
    x->any = true;
    for (;;) {
        const char *w;
        size_t n;
        int k;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p || *p == '\n' || *p == '\r') return;
        w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != ',' && *p != '\n' &&
               *p != '\r')
            p++;
        n = (size_t)(p - w);
        if (n == 2 && !strncmp(w, "ok", 2)) {
            x->ok = true;
        } else if (n == 8 && !strncmp(w, "outcomes", 8)) {
            x->has_outcomes = true;
            for (;;) {
                buf s;
                while (*p == ' ' || *p == '\t')
                    p++;
                if (*p != '"') break;
                buf_init(&s);
                buf_puts(&s, "");
                w = p;
                if (!go_string(&p, &s)) {
                    bad_at(x, path, c, w,
                           "malformed Go string in expect: outcomes:", w,
                           (int)strcspn(w, "\r\n"));
                    buf_fini(&s);
                    return;
                }
                VEC_PUSH(x->outcomes, s.p);
            }
            if (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
                bad_at(x, path, c, p, "outcomes are Go strings (\"1\\n\"), not",
                       p, (int)strcspn(p, " \t\r\n"));
                return;
            }
        } else if ((k = kind_of(w, n)) >= 0) {
            x->kinds |= 1u << k;
        } else {
            bad_at(x, path, c, w,
                   "expect: takes ok, outcomes or finding kinds (deadlock, "
                   "race, panic, assert, leak, ...), not",
                   w, (int)n);
            return;
        }
    }
}

static void parse_flags(const char *p, test_expect *x)
{
    for (;;) {
        const char *w;
        char *word;
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p || *p == '\n' || *p == '\r') return;
        w = p;
        while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
            p++;
        word = wf_xmalloc((size_t)(p - w) + 1);
        memcpy(word, w, (size_t)(p - w));
        word[p - w] = 0;
        VEC_PUSH(x->flags, word);
    }
}

void test_expect_read(const char *path, const unsigned char *src, size_t len,
                      test_expect *x)
{
    arena a;
    lex_comment *c;
    size_t n;
    memset(x, 0, sizeof *x);
    arena_init(&a);
    n = lex_leading_comments(src, len, &a, &c);
    for (size_t i = 0; i < n; i++) {
        const char *t = c[i].text;
        while (*t == ' ' || *t == '\t')
            t++;
        if (!strncmp(t, "expect:", 7))
            parse_expect(path, &c[i], t + 7, x);
        else if (!strncmp(t, "weft:", 5))
            parse_flags(t + 5, x);
    }
    arena_fini(&a);
}

void test_expect_fini(test_expect *x)
{
    for (size_t i = 0; i < x->outcomes.len; i++)
        free(x->outcomes.p[i]);
    for (size_t i = 0; i < x->flags.len; i++)
        free(x->flags.p[i]);
    VEC_FREE(x->outcomes);
    VEC_FREE(x->flags);
}

/* ---- running ----------------------------------------------------------- */

/* Severity of a kind as SPEC section 3 gives it for a program (leak,
 * starvation and an unconfirmed potential-deadlock are warnings). */
static bool kind_is_error(int k)
{
    return k == WF_DEADLOCK || k == WF_RACE || k == WF_PANIC ||
           k == WF_ASSERT || k == WF_LIVELOCK;
}

static void kinds_text(buf *b, uint32_t kinds)
{
    bool first = true;
    for (int k = 0; k < FINDING_KINDS; k++)
        if (kinds & (1u << k)) {
            buf_printf(b, "%s%s", first ? "" : " ", finding_kind_names[k]);
            first = false;
        }
    if (first) buf_puts(b, "nothing");
}

/* What a file's exploration is judged with, and where results go. */
typedef struct tally {
    int passed, failed;
    bool walking;   /* in a directory walk: a file or package whose tests
                       -run leaves out is skipped, as go test skips it */
    int unselected; /* test files and packages -run left out */
    int no_tests;   /* walked test files and packages with no TestXxx
                       (benchmarks only): go test runs nothing there */
    char *html_db; /* --html DIR: DIR/weft.db, the witness runs */
    int npages;
    /* -j N: the file's place in the run and the turns of --html's
     * recording (files record their witnesses in order, so the
     * database's run ids do not depend on the workers) */
    struct pool *pool;
    size_t index;
    bool has_turn;
    const cli_opts *cmdline;  /* its options apply to every file */
    const char *replay_path;  /* a package's directory, which its replay
                                 lines name (its results name its import
                                 path); NULL: the file judged */
    VEC(test_result) results; /* of the file being run */
    VEC(test_result) all;     /* of every file, kept for --junit, --sarif */
} tally;

/* How the search ended, for the result line. */
static void coverage_text(buf *b, const explorer *x)
{
    buf_printf(b, "%lld execution%s, ", (long long)x->executions,
               x->executions == 1 ? "" : "s");
    if (x->complete)
        buf_puts(b, "complete");
    else if (x->bound >= 0)
        buf_printf(b, "preemption bound %d", x->bound);
    else if (halt_signal())
        buf_puts(b, "interrupted");
    else if (x->failed)
        buf_puts(b, "stopped after the failure");
    else if (x->stopped)
        buf_puts(b, "time limit");
    else
        buf_puts(b, "budget");
}

/* Parse the options for exploring file: the file's own weft: flags, then
 * the command line's (which win). */
static wf_status file_opts(cli_cmd cmd, const char *file, const test_expect *x,
                           const tally *t, cli_opts *o, wf_diag *d)
{
    return cli_parse_file_flags(cmd, file, x->flags.p, (int)x->flags.len,
                                t->cmdline, o, d);
}

static bool has_output(const explorer *x, const char *s)
{
    for (size_t i = 0; i < x->outcomes.len; i++)
        if (!strcmp(x->outcomes.p[i].output ? x->outcomes.p[i].output : "", s))
            return true;
    return false;
}

static bool listed_output(const test_expect *e, const char *s)
{
    for (size_t i = 0; i < e->outcomes.len; i++)
        if (!strcmp(e->outcomes.p[i], s)) return true;
    return false;
}

static test_result *new_result(tally *t, const char *file, const char *name)
{
    test_result r;
    memset(&r, 0, sizeof r);
    r.file = wf_xstrdup(file);
    r.name = name ? wf_xstrdup(name) : NULL;
    VEC_PUSH(t->results, r);
    return &t->results.p[t->results.len - 1];
}

/* An exploration cut by a signal is judged only when what it found
 * already fails it whatever the rest would find (a stopped command
 * prints what it found so far): an error kind the expectations do not
 * list. A search that found nothing wrong so far is judged neither way. */
static bool failed_so_far(const test_expect *e, const explorer *x,
                          bool strict)
{
    for (size_t i = 0; i < x->findings.len; i++) {
        const xfinding *f = &x->findings.p[i];
        if ((f->f.error || strict) && !(e->kinds & (1u << f->f.kind)))
            return true;
    }
    return false;
}

/* Compare the exploration x of file with e into a new result. strict:
 * warnings found but not listed fail too. */
static void judge(tally *t, const char *name, const test_expect *e,
                  const explorer *x, double secs, const char *file, bool strict)
{
    uint32_t want_err = 0, want_warn = 0, got_err = 0, got = 0, bad;
    bool pass;
    buf why, cov, prefix;
    test_result *r = new_result(t, file, name);
    buf_init(&why);
    buf_init(&cov);
    for (int k = 0; k < FINDING_KINDS; k++)
        if (e->kinds & (1u << k)) {
            if (kind_is_error(k))
                want_err |= 1u << k;
            else
                want_warn |= 1u << k;
        }
    for (size_t i = 0; i < x->findings.len; i++) {
        const xfinding *f = &x->findings.p[i];
        got |= 1u << f->f.kind;
        if (f->f.error || strict) got_err |= 1u << f->f.kind;
    }
    /* an error finding whose kind is listed as a warning (a leak in a
     * test file) counts as expected */
    got_err &= ~want_warn;
    /* with expect: lines the kinds found, warnings too, are exactly those
     * listed (SPEC section 4: a new leak or starvation is a regression);
     * a TestXxx without them fails on errors only, as go test does */
    pass = got_err == want_err && (got & want_warn) == want_warn &&
           !(e->any && (got & ~e->kinds));
    if (!pass) {
        buf_puts(&why, "expected ");
        kinds_text(&why, want_err | want_warn);
        buf_puts(&why, ", found ");
        kinds_text(&why, e->any ? got : got_err | (got & want_warn));
    }
    if (e->has_outcomes) {
        bool first = true;
        for (size_t i = 0; i < e->outcomes.len; i++)
            if (!has_output(x, e->outcomes.p[i])) {
                buf_puts(&why, why.len ? "; " : "");
                buf_puts(&why, first ? "outcome never printed: " : " ");
                json_str(&why, e->outcomes.p[i]);
                first = false;
                pass = false;
            }
        first = true;
        for (size_t i = 0; i < x->outcomes.len; i++) {
            const char *s =
                x->outcomes.p[i].output ? x->outcomes.p[i].output : "";
            if (!listed_output(e, s)) {
                buf_puts(&why, why.len && first ? "; " : "");
                buf_puts(&why, first ? "unexpected outcome: " : " ");
                json_str(&why, s);
                first = false;
                pass = false;
            }
        }
    }
    coverage_text(&cov, x);
    r->pass = pass;
    r->secs = secs;
    r->coverage = cov.p;
    r->executions = x->executions;
    r->complete = x->complete;
    if (pass) {
        buf k;
        buf_init(&k);
        if (e->kinds)
            kinds_text(&k, e->kinds);
        else
            buf_puts(&k, e->has_outcomes ? "outcomes" : "ok");
        r->what = k.p;
        buf_fini(&why);
        return;
    }
    r->why = why.p;
    /* the findings that fail it: errors not listed, and kinds not listed */
    bad = (got_err & ~want_err) | (got & ~e->kinds);
    buf_init(&prefix);
    buf_printf(&prefix, "weft replay %s --schedule",
               t->replay_path ? t->replay_path : file);
    for (size_t i = 0; i < x->findings.len; i++) {
        test_finding tf;
        if (!(bad & (1u << x->findings.p[i].f.kind))) continue;
        test_finding_init(&tf, &x->findings.p[i], prefix.p);
        VEC_PUSH(r->findings, tf);
    }
    buf_fini(&prefix);
}

/* ---- -j N: files run by workers, printed in order ----------------------- */

typedef struct job {
    const struct unit *u;
    tally t; /* the file's own results */
    double secs;
    bool done;
} job;

typedef struct pool {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    job *jobs;
    size_t n, next;
    size_t turn; /* --html: files before it have recorded their witnesses */
} pool;

/* --html under -j: wait until every file before this one is printed (its
 * witnesses recorded), so runs are numbered in file order. */
static void wait_turn(tally *t)
{
    pool *pl = t->pool;
    if (!pl || t->has_turn) return;
    pthread_mutex_lock(&pl->mu);
    while (pl->turn < t->index)
        pthread_cond_wait(&pl->cv, &pl->mu);
    pthread_mutex_unlock(&pl->mu);
    t->has_turn = true;
}

/* --html DIR: record the witness run of each failing finding of the
 * result just judged (once per schedule) into DIR/weft.db, and draw it
 * as DIR/FILE-TEST-K.html. A failure to record or draw is said on stderr
 * and leaves the finding without a page. */
static void witness_pages(tally *t, const cli_opts *o, const program *p,
                          vm_program *vp)
{
    test_result *r = &t->results.p[t->results.len - 1];
    const char *dir = t->cmdline->html_path;
    program entry;
    if (!dir || r->pass) return;
    wait_turn(t);
    for (size_t i = 0; i < r->findings.len; i++) {
        test_finding *f = &r->findings.p[i];
        const char *sched = strrchr(f->replay, ' ');
        int64_t run = 0;
        wf_diag d;
        buf path;
        for (size_t k = 0; k < i; k++)
            if (r->findings.p[k].page &&
                !strcmp(r->findings.p[k].replay, f->replay))
                f->page = wf_xstrdup(r->findings.p[k].page);
        if (f->page || !sched) continue;
        if (vp) {
            /* a test file judged as a whole: the test the schedule names */
            uint32_t h = (uint32_t)strtoul(sched + 1, NULL, 16);
            p = NULL;
            for (size_t k = 0; k < vm_test_count(vp) && !p; k++)
                if (vm_program_test_entry(vp, k).hash == h) {
                    entry = vm_program_test_entry(vp, k);
                    p = &entry;
                }
            if (!p) continue;
        }
        buf_init(&path);
        buf_printf(&path, "%s/", dir);
        for (const char *c = r->file; *c; c++)
            buf_putc(&path,
                     (isalnum((unsigned char)*c) || *c == '.' || *c == '-')
                         ? *c
                         : '_');
        buf_printf(&path, "-%s-%zu.html", r->name ? r->name : "main", i + 1);
        if (cli_record_run(o, p, sched + 1, t->html_db, &run, &d) != WF_OK ||
            reportcmd_html(t->html_db, run, 0, path.p, NULL, &d) != WF_OK) {
            char m[1700];
            diag_format(&d, m, sizeof m);
            fprintf(stderr, "weft: --html: %s\n", m);
            buf_fini(&path);
            continue;
        }
        f->page = path.p;
        t->npages++;
    }
}

/* A result for a file (or one of its tests) that could not be explored;
 * msg is printed as is, d (may be NULL) gives the position. */
static void fail_input(tally *t, const char *file, const char *name,
                       const char *msg, const wf_diag *d)
{
    test_result *r = new_result(t, file, name);
    r->bad_input = true;
    r->why = wf_xstrdup(msg);
    if (d)
        r->where = *d;
    else
        diag_set(&r->where, file, 0, 0, "%s", msg);
}

static void fail_diag(tally *t, const char *file, const char *name,
                      const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fail_input(t, file, name, m, d);
}

/* Does name match --run's regular expression (all when there is none)? */
static bool selected(const cli_opts *o, const char *name, bool *bad)
{
    return vm_run_selects(o->run_re, name, bad);
}

/* Merge explorer y's findings (kinds, for judging) into the union u. */
static void merge_findings(explorer *u, const explorer *y)
{
    for (size_t i = 0; i < y->findings.len; i++) {
        xfinding f = y->findings.p[i];
        /* the union only judges kinds and prints reports: borrow */
        VEC_PUSH(u->findings, f);
    }
    u->executions += y->executions;
    u->complete = u->complete && y->complete;
}

static void run_tests(tally *t, const char *file, const test_expect *e,
                      const cli_opts *o, vm_program *p, double t0)
{
    size_t n = vm_test_count(p), ran = 0;
    bool bad_re = false;
    explorer *all = NULL;
    VEC(explorer *) keep = {NULL, 0, 0};
    buf m;
    buf_init(&m);
    if (!n && t->walking) {
        t->no_tests++;
        buf_fini(&m);
        return;
    }
    if (!n) {
        buf_printf(&m,
                   "weft: %s: error: a test file with no test function "
                   "(func TestXxx(t *testing.T), or ExampleXxx with // Output:)",
                   file);
        fail_input(t, file, NULL, m.p, NULL);
        buf_fini(&m);
        return;
    }
    vm_program_set_run(p, o->run_re);
    for (size_t i = 0; i < n; i++) {
        const char *name = vm_test_name(p, i);
        program pr;
        explorer *x;
        wf_diag d;
        double t1 = cli_now();
        if (!selected(o, name, &bad_re)) {
            if (bad_re) {
                buf_printf(&m,
                           "weft: error: --run: bad regular expression "
                           "'%s'",
                           o->run_re);
                fail_input(t, file, NULL, m.p, NULL);
                break;
            }
            continue;
        }
        ran++;
        pr = vm_program_test_entry(p, i);
        /* a test fails on any error, a file on the error kinds it does
         * not list */
        if (cli_explore(o, &pr, e->any ? ~e->kinds : ~0u, &x, &d) != WF_OK) {
            fail_diag(t, file, name, &d);
            continue;
        }
        if (halt_signal() && (e->any || !failed_so_far(e, x, o->strict))) {
            explore_free(x); /* cut short: judged neither way */
            break;
        }
        if (e->any) {
            /* the file's expectations judge all its tests together */
            VEC_PUSH(keep, x);
            continue;
        }
        {
            test_expect none;
            memset(&none, 0, sizeof none);
            none.ok = true;
            judge(t, name, &none, x, cli_now() - t1, file, o->strict);
            if (t->cmdline->verbose && x->last_output)
                t->results.p[t->results.len - 1].output =
                    wf_xstrdup(x->last_output);
            witness_pages(t, o, &pr, NULL);
        }
        explore_free(x);
    }
    if (e->any && keep.len) {
        explore_opts eo;
        program pr = vm_program_entry(p);
        memset(&eo, 0, sizeof eo);
        all = explore_new(&pr, &eo);
        all->complete = true;
        for (size_t i = 0; i < keep.len; i++)
            merge_findings(all, keep.p[i]);
        judge(t, NULL, e, all, cli_now() - t0, file, o->strict);
        witness_pages(t, o, NULL, p);
        all->findings.len = 0; /* borrowed */
        explore_free(all);
    }
    for (size_t i = 0; i < keep.len; i++)
        explore_free(keep.p[i]);
    VEC_FREE(keep);
    if (!ran && !bad_re && t->walking) {
        t->unselected++;
    } else if (!ran && !bad_re) {
        buf_reset(&m);
        buf_printf(&m, "weft: error: --run '%s' selects none of its %zu test%s",
                   o->run_re, n, n == 1 ? "" : "s");
        fail_input(t, file, NULL, m.p, NULL);
    }
    buf_fini(&m);
}

static void run_expect_file(tally *t, const char *file, const test_expect *e)
{
    cli_opts o;
    wf_diag d;
    vm_program *p = NULL;
    vm_options vo;
    explorer *x;
    program pr;
    double t0 = cli_now();
    if (file_opts(e->has_outcomes ? CMD_OUTCOMES : CMD_EXPLORE, file, e, t, &o,
                  &d) != WF_OK) {
        char m[1700];
        buf b;
        diag_format(&d, m, sizeof m);
        buf_init(&b);
        buf_printf(&b, "weft: %s: error: in the // weft: flags: %s", file, m);
        fail_input(t, file, NULL, b.p, NULL);
        buf_fini(&b);
        cli_opts_fini(&o);
        return;
    }
    memset(&vo, 0, sizeof vo);
    vo.go_version = o.go_version;
    vo.env = environ;
    if (vm_compile_file(file, &vo, &p, &d) != WF_OK) {
        fail_diag(t, file, NULL, &d);
        cli_opts_fini(&o);
        return;
    }
    if (vm_is_test_file(p)) {
        run_tests(t, file, e, &o, p, t0);
    } else {
        pr = vm_program_entry(p);
        /* outcomes need every execution */
        if (cli_explore(&o, &pr, e->has_outcomes ? 0 : ~e->kinds, &x, &d) !=
            WF_OK) {
            fail_diag(t, file, NULL, &d);
        } else if (halt_signal() && !failed_so_far(e, x, o.strict)) {
            explore_free(x); /* cut short: judged neither way */
        } else {
            judge(t, NULL, e, x, cli_now() - t0, file, o.strict);
            witness_pages(t, &o, &pr, NULL);
            explore_free(x);
        }
    }
    vm_program_free(p);
    cli_opts_fini(&o);
}

/* Run file into t->results (nothing when it is neither a test file nor a
 * scenario with expectations, unless named on the command line). */
static void run_file(tally *t, const char *file, bool named)
{
    unsigned char *src;
    size_t len;
    test_expect e;
    if (!read_file(file, &src, &len)) {
        buf m;
        buf_init(&m);
        buf_printf(&m, "weft: %s: error: cannot read the file", file);
        fail_input(t, file, NULL, m.p, NULL);
        buf_fini(&m);
        return;
    }
    test_expect_read(file, src, len, &e);
    free(src);
    if (e.bad.msg[0]) {
        fail_diag(t, file, NULL, &e.bad);
    } else if (e.any || ends_with(file, "_test.go")) {
        run_expect_file(t, file, &e);
    } else if (named) {
        buf m;
        buf_init(&m);
        buf_printf(&m,
                   "weft: %s:1:1: error: no // expect: line at the top of "
                   "the file",
                   file);
        fail_input(t, file, NULL, m.p, NULL);
        buf_fini(&m);
    }
    test_expect_fini(&e);
}

/* The expectations of a package: those of its test files, together. */
static void group_expect(const gocmd_group *g, test_expect *e)
{
    memset(e, 0, sizeof *e);
    for (size_t i = 0; i < g->files.len; i++) {
        const load_file *f = g->files.p[i];
        test_expect x;
        if (!f->test) continue;
        test_expect_read(f->path, f->text, f->len, &x);
        e->any |= x.any;
        e->ok |= x.ok;
        e->kinds |= x.kinds;
        e->has_outcomes |= x.has_outcomes;
        for (size_t k = 0; k < x.outcomes.len; k++)
            VEC_PUSH(e->outcomes, x.outcomes.p[k]);
        for (size_t k = 0; k < x.flags.len; k++)
            VEC_PUSH(e->flags, x.flags.p[k]);
        if (x.bad.msg[0] && !e->bad.msg[0]) e->bad = x.bad;
        VEC_FREE(x.outcomes); /* the strings moved to e */
        VEC_FREE(x.flags);
    }
}

/* The tests of package g of directory ld, as a go test of it runs them,
 * judged by its test files' expectations if any, into t->results. */
static void run_package(tally *t, loader *l, const load_dir *ld,
                        const gocmd_group *g)
{
    test_expect e;
    cli_opts o;
    wf_diag d;
    vm_options vo;
    vm_program *p = NULL;
    double t0 = cli_now();
    /* named as go test names a package: by its import path in a module */
    const char *name = ld->import_path[0] ? ld->import_path : g->label;
    group_expect(g, &e);
    if (e.bad.msg[0]) {
        fail_diag(t, name, NULL, &e.bad);
        test_expect_fini(&e);
        return;
    }
    if (file_opts(CMD_EXPLORE, g->label, &e, t, &o, &d) != WF_OK) {
        char m[1700];
        buf b;
        diag_format(&d, m, sizeof m);
        buf_init(&b);
        buf_printf(&b, "weft: %s: error: in the // weft: flags: %s", g->label,
                   m);
        fail_input(t, name, NULL, b.p, NULL);
        buf_fini(&b);
    } else {
        memset(&vo, 0, sizeof vo);
        vo.go_version = o.go_version;
        vo.env = environ;
        if (vm_compile_pkg(l, ld, g->files.p, g->files.len, &vo, &p, &d) !=
            WF_OK)
            fail_diag(t, name, NULL, &d);
        else {
            t->replay_path = g->label;
            run_tests(t, name, &e, &o, p, t0);
            t->replay_path = NULL;
        }
    }
    vm_program_free(p);
    cli_opts_fini(&o);
    test_expect_fini(&e);
}

/* ---- units: what one line of results is about ------------------------- */

/* A unit is a file run on its own (a scenario or a test file named or
 * met in a walk) or a package of a directory (its test files together).
 * Units are collected first, then run in order or by -j workers; each
 * worker reads its package afresh with a loader of its own, since a
 * loader is not shared between threads. */
typedef struct unit {
    char *path;   /* the file, or the package's directory */
    char *label;  /* the package's label (NULL for a file) */
    int group;    /* the package's group in its directory; -1: a file */
    bool named;   /* a file named on the command line */
    bool walking; /* met in a directory walk (-run may leave it out) */
    wf_diag bad;  /* the directory could not be read (msg set) */
} unit;
typedef VEC(unit) unitvec;

/* Add every scenario file and package under directory pattern pat (a
 * directory is walked as "DIR/...") to us. False if the pattern's
 * directory does not exist. */
typedef VEC(char *) strvec;

/* The units under pattern pat into us; the packages it walks that hold
 * no test file (nor a scenario) into notest, as go test lists them
 * ("? pkg [no test files]"). */
static bool collect_units(const char *pat, unitvec *us, strvec *notest)
{
    loader *l = load_new();
    load_strs dirs = {NULL, 0, 0};
    wf_diag d;
    buf b;
    bool ok;
    buf_init(&b);
    buf_puts(&b, pat);
    if (!strstr(pat, "...")) buf_puts(&b, ends_with(pat, "/") ? "..." : "/...");
    ok = load_expand(l, b.p, &dirs, &d) == WF_OK;
    for (size_t i = 0; i < dirs.len; i++) {
        load_dir *ld;
        gocmd_groups gs = {NULL, 0, 0};
        unit u;
        memset(&u, 0, sizeof u);
        u.walking = true;
        u.group = -1;
        if (load_read_dir(l, dirs.p[i], &ld, &d) != WF_OK) {
            u.path = dirs.p[i];
            u.bad = d;
            VEC_PUSH(*us, u);
            continue;
        }
        gocmd_group_dir(ld, &gs);
        if (gs.len) {
            bool any = false;
            for (size_t k = 0; k < gs.len; k++)
                any |= gs.p[k].scenario || gs.p[k].tests;
            if (!any)
                VEC_PUSH(*notest, wf_xstrdup(ld->import_path[0]
                                                 ? ld->import_path
                                                 : dirs.p[i]));
        }
        for (size_t k = 0; k < gs.len; k++) {
            const gocmd_group *g = &gs.p[k];
            if (g->scenario || (g->files.len == 1 && g->tests)) {
                u.path = wf_xstrdup(g->files.p[0]->path);
                u.group = -1;
            } else if (g->tests) {
                u.path = wf_xstrdup(dirs.p[i]);
                u.label = wf_xstrdup(ld->import_path[0] ? ld->import_path
                                                        : g->label);
                u.group = (int)k;
            } else {
                continue;
            }
            VEC_PUSH(*us, u);
            u.label = NULL;
        }
        gocmd_groups_fini(&gs);
        free(dirs.p[i]);
    }
    VEC_FREE(dirs);
    buf_fini(&b);
    load_free(l);
    return ok;
}

/* Run unit u into t->results. */
static void run_unit(tally *t, const unit *u)
{
    t->walking = u->walking;
    if (u->bad.msg[0]) {
        fail_diag(t, u->path, NULL, &u->bad);
    } else if (u->group < 0) {
        run_file(t, u->path, u->named);
    } else {
        loader *l = load_new();
        load_dir *ld;
        gocmd_groups gs = {NULL, 0, 0};
        wf_diag d;
        if (load_read_dir(l, u->path, &ld, &d) != WF_OK) {
            fail_diag(t, u->path, NULL, &d);
        } else {
            gocmd_group_dir(ld, &gs);
            if ((size_t)u->group < gs.len)
                run_package(t, l, ld, &gs.p[u->group]);
            gocmd_groups_fini(&gs);
        }
        load_free(l);
    }
    t->walking = false;
}

static const char *unit_name(const unit *u)
{
    return u->label ? u->label : u->path;
}

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* Print the results of one file in the format asked for, count them and
 * free them. */
static void emit_file(tally *t, tally *jt, const char *file, double secs)
{
    const cli_opts *o = t->cmdline;
    bool pass = true;
    buf out;
    if (!jt->results.len) return;
    buf_init(&out);
    if (o->json) testout_json_start(&out, file);
    for (size_t i = 0; i < jt->results.len; i++) {
        const test_result *r = &jt->results.p[i];
        pass = pass && r->pass;
        if (r->pass)
            t->passed++;
        else
            t->failed++;
        if (o->json)
            testout_json_result(&out, r);
        else if (o->verbose)
            testout_verbose(&out, r);
        else
            testout_text(&out, r, o->quiet);
        if (o->format == CLI_FORMAT_GITHUB) testout_github(&out, r);
    }
    if (o->json)
        testout_json_file_end(&out, file, pass, secs);
    else if (o->verbose)
        testout_file_end(&out, file, pass, secs);
    fputs(out.p ? out.p : "", stdout);
    fflush(stdout);
    buf_fini(&out);
    for (size_t i = 0; i < jt->results.len; i++) {
        if (o->junit_path || o->sarif_path || o->html_path)
            VEC_PUSH(t->all, jt->results.p[i]);
        else
            test_result_fini(&jt->results.p[i]);
    }
    jt->results.len = 0;
}

/* Write text to path (replacing it); false with a message printed. */
static bool write_file(const char *path, const char *what, const buf *text)
{
    FILE *f = fopen(path, "w");
    bool ok = f && fwrite(text->p, 1, text->len, f) == text->len;
    if (f && fclose(f) != 0) ok = false;
    if (!ok)
        fprintf(stderr, "weft: %s: error: cannot write the %s: %s\n", path,
                what, strerror(errno));
    return ok;
}

/* --html DIR: DIR/index.html, a link to each witness page. */
static void html_index(buf *b, const tally *t)
{
    buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta "
                "charset=\"utf-8\">\n<title>weft test</title>\n</head>\n"
                "<body>\n<h1>weft test</h1>\n");
    buf_printf(b, "<p>%d passed, %d failed.</p>\n<ul>\n", t->passed, t->failed);
    for (size_t i = 0; i < t->all.len; i++) {
        const test_result *r = &t->all.p[i];
        if (r->pass) continue;
        buf_puts(b, "<li>");
        html_escape(b, r->file);
        if (r->name) {
            buf_putc(b, ' ');
            html_escape(b, r->name);
        }
        buf_puts(b, ": ");
        html_escape(b, r->why);
        for (size_t k = 0; k < r->findings.len; k++) {
            const test_finding *f = &r->findings.p[k];
            const char *base = f->page ? strrchr(f->page, '/') : NULL;
            if (!base || (k && r->findings.p[k - 1].page &&
                          !strcmp(r->findings.p[k - 1].page, f->page)))
                continue;
            buf_puts(b, " <a href=\"");
            html_escape(b, base + 1);
            buf_puts(b, "\">");
            html_escape(b, f->kind);
            buf_puts(b, "</a>");
        }
        buf_puts(b, "</li>\n");
    }
    buf_puts(b, "</ul>\n</body>\n</html>\n");
}

/* --junit FILE, --sarif FILE, --html DIR's index: every result. */
static bool write_reports(const tally *t, double secs)
{
    const cli_opts *o = t->cmdline;
    bool ok = true;
    buf b;
    buf_init(&b);
    if (o->html_path) {
        buf path;
        buf_init(&path);
        buf_printf(&path, "%s/index.html", o->html_path);
        html_index(&b, t);
        ok = write_file(path.p, "HTML index", &b) && ok;
        buf_fini(&path);
        buf_reset(&b);
    }
    if (o->junit_path) {
        testout_junit(&b, t->all.p, t->all.len, secs);
        ok = write_file(o->junit_path, "JUnit report", &b) && ok;
    }
    if (o->sarif_path) {
        buf_reset(&b);
        testout_sarif(&b, t->all.p, t->all.len);
        ok = write_file(o->sarif_path, "SARIF report", &b) && ok;
    }
    buf_fini(&b);
    return ok;
}

static void *worker(void *arg)
{
    pool *pl = arg;
    for (;;) {
        job *j;
        double t1;
        pthread_mutex_lock(&pl->mu);
        if (pl->next >= pl->n || halt_signal()) {
            /* (after a signal, the units left are done with nothing) */
            while (pl->next < pl->n)
                pl->jobs[pl->next++].done = true;
            pthread_cond_broadcast(&pl->cv);
            pthread_mutex_unlock(&pl->mu);
            return NULL;
        }
        j = &pl->jobs[pl->next++];
        pthread_mutex_unlock(&pl->mu);
        t1 = cli_now();
        run_unit(&j->t, j->u);
        j->secs = cli_now() - t1;
        pthread_mutex_lock(&pl->mu);
        j->done = true;
        pthread_cond_broadcast(&pl->cv);
        pthread_mutex_unlock(&pl->mu);
    }
}

/* Run every unit with n workers (n >= 2) and print each unit's results
 * in order as soon as it and the units before it are done. */
static void run_parallel(tally *t, const unit *us, size_t nfiles, int n)
{
    pool pl;
    VEC(pthread_t) th = {NULL, 0, 0};
    memset(&pl, 0, sizeof pl);
    pthread_mutex_init(&pl.mu, NULL);
    pthread_cond_init(&pl.cv, NULL);
    pl.jobs = wf_xcalloc(nfiles ? nfiles : 1, sizeof *pl.jobs);
    pl.n = nfiles;
    for (size_t i = 0; i < nfiles; i++) {
        pl.jobs[i].u = &us[i];
        pl.jobs[i].t.cmdline = t->cmdline;
        pl.jobs[i].t.html_db = t->html_db;
        pl.jobs[i].t.pool = &pl;
        pl.jobs[i].t.index = i;
    }
    for (int k = 0; k < n && (size_t)k < nfiles; k++) {
        pthread_t id;
        if (pthread_create(&id, NULL, worker, &pl) != 0) break;
        VEC_PUSH(th, id);
    }
    if (!th.len) worker(&pl); /* no thread could start: this one does it all */
    for (size_t i = 0; i < nfiles; i++) {
        job *j = &pl.jobs[i];
        pthread_mutex_lock(&pl.mu);
        while (!j->done)
            pthread_cond_wait(&pl.cv, &pl.mu);
        pthread_mutex_unlock(&pl.mu);
        emit_file(t, &j->t, unit_name(j->u), j->secs);
        t->npages += j->t.npages;
        t->unselected += j->t.unselected;
        t->no_tests += j->t.no_tests;
        VEC_FREE(j->t.results);
        pthread_mutex_lock(&pl.mu);
        pl.turn = i + 1;
        pthread_cond_broadcast(&pl.cv);
        pthread_mutex_unlock(&pl.mu);
    }
    for (size_t i = 0; i < th.len; i++)
        pthread_join(th.p[i], NULL);
    VEC_FREE(th);
    free(pl.jobs);
    pthread_mutex_destroy(&pl.mu);
    pthread_cond_destroy(&pl.cv);
}

int testcmd_exec(const cli_opts *o)
{
    unitvec units = {NULL, 0, 0};
    strvec notest = {NULL, 0, 0};
    VEC(const char *) paths = {NULL, 0, 0};
    tally t;
    int status = 0;
    double t0 = cli_now();
    if (o->json && o->format == CLI_FORMAT_GITHUB) {
        fprintf(stderr, "weft: error: --json and --format github both "
                        "choose what goes to stdout\n");
        return 2;
    }
    if (o->run_re) {
        /* a usage error (exit 2), once, not a failure of every file */
        bool bad_re = false;
        vm_run_selects(o->run_re, "", &bad_re);
        if (bad_re) {
            fprintf(stderr, "weft: error: --run: bad regular expression "
                            "'%s'\n",
                    o->run_re);
            return 2;
        }
    }
    for (size_t i = 0; i < o->paths.len; i++)
        VEC_PUSH(paths, o->paths.p[i]);
    if (!paths.len) VEC_PUSH(paths, "scenarios");
    for (size_t i = 0; i < paths.len; i++) {
        struct stat st;
        if (stat(paths.p[i], &st) != 0 && !strstr(paths.p[i], "...")) {
            if (!o->paths.len) /* the default, which a Go user does not know */
                fprintf(stderr, "weft: error: no path given, and no "
                                "scenarios/ directory (the default) here: "
                                "name what to test, as go test takes it "
                                "(weft test . or weft test ./...)\n");
            else
                fprintf(stderr,
                        "weft: %s: error: no such file or directory\n",
                        paths.p[i]);
            status = 2;
        }
    }
    memset(&t, 0, sizeof t);
    t.cmdline = o;
    if (status == 0) {
        for (size_t i = 0; i < paths.len; i++) {
            const char *p = paths.p[i];
            if (is_regular(p)) {
                unit u;
                memset(&u, 0, sizeof u);
                u.path = wf_xstrdup(p);
                u.group = -1;
                u.named = true;
                VEC_PUSH(units, u);
            } else if (!collect_units(p, &units, &notest)) {
                fprintf(stderr, "weft: %s: error: no such file or "
                                "directory\n",
                        p);
                status = 2;
            }
        }
    }
    if (status == 0 && o->shard_n > 0) {
        /* --shard I/N: units I, I+N, I+2N... of the list every shard
         * makes alike (the paths in order, each walked sorted) */
        size_t all = units.len, w = 0;
        for (size_t i = 0; i < all; i++) {
            if (i % (size_t)o->shard_n == (size_t)(o->shard_i - 1)) {
                units.p[w++] = units.p[i];
                continue;
            }
            free(units.p[i].path);
            free(units.p[i].label);
        }
        units.len = w;
        if (!w) {
            printf("shard %d/%d: nothing to run (%zu files and packages in "
                   "all)\n",
                   o->shard_i, o->shard_n, all);
            VEC_FREE(units);
            for (size_t i = 0; i < notest.len; i++)
                free(notest.p[i]);
            VEC_FREE(notest);
            VEC_FREE(paths);
            return 0;
        }
    }
    if (status == 0 && o->html_path) {
        buf db;
        if (mkdir(o->html_path, 0777) != 0 && errno != EEXIST) {
            fprintf(stderr, "weft: %s: error: cannot make the directory: %s\n",
                    o->html_path, strerror(errno));
            status = 2;
        }
        buf_init(&db);
        buf_printf(&db, "%s/weft.db", o->html_path);
        unlink(db.p); /* this run's witnesses only */
        t.html_db = db.p;
    }
    if (status == 0) {
        int jobs = cli_jobs(o);
        halt_cooperate(true); /* Ctrl-C: the results so far, then 130 */
        if (jobs > 1 && units.len > 1) {
            run_parallel(&t, units.p, units.len, jobs);
        } else {
            for (size_t i = 0; i < units.len && !halt_signal(); i++) {
                double t1 = cli_now();
                run_unit(&t, &units.p[i]);
                emit_file(&t, &t, unit_name(&units.p[i]), cli_now() - t1);
            }
        }
        /* packages without test files only: go test lists them and
         * passes */
        bool only_notest = !t.passed && !t.failed && !t.unselected &&
                           !t.no_tests && notest.len && !halt_signal();
        if (only_notest && !o->json)
            for (size_t i = 0; i < notest.len; i++)
                printf("?   \t%s\t[no test files]\n", notest.p[i]);
        if (!o->json)
            printf("%d passed, %d failed%s\n", t.passed, t.failed,
                   halt_signal() ? " (interrupted)" : "");
        if (status == 0)
            status = t.failed ? 1 : (t.passed || only_notest) ? 0 : 2;
        if (halt_signal() || only_notest)
            ;
        else if (!t.passed && !t.failed && t.unselected)
            fprintf(stderr, "weft: error: -run '%s' selects no test under "
                            "the paths\n",
                    o->run_re);
        else if (!t.passed && !t.failed && t.no_tests)
            fprintf(stderr, "weft: error: the test files under the paths "
                            "hold no TestXxx (benchmarks and examples do not "
                            "run)\n");
        else if (!t.passed && !t.failed)
            fprintf(stderr, "weft: error: no scenario file with // expect: "
                            "lines and no *_test.go under the paths\n");
        if (!write_reports(&t, cli_now() - t0)) status = 2;
        fflush(stdout);
        halt_cooperate(false);
    }
    for (size_t i = 0; i < t.all.len; i++)
        test_result_fini(&t.all.p[i]);
    VEC_FREE(t.all);
    free(t.html_db);
    for (size_t i = 0; i < units.len; i++) {
        free(units.p[i].path);
        free(units.p[i].label);
    }
    VEC_FREE(units);
    for (size_t i = 0; i < notest.len; i++)
        free(notest.p[i]);
    VEC_FREE(notest);
    VEC_FREE(paths);
    VEC_FREE(t.results);
    return halt_status(status);
}

/* testcmd.c: see testcmd.h.
 *
 * A scenario file passes when the kinds of its error findings are exactly
 * the error kinds its expect: lines list ("ok": none), every warning kind
 * listed was found, and, with an outcomes list, the set of outputs printed
 * over all executions is exactly that list (SPEC section 4). */
#include "testcmd.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checker/report.h"
#include "cli.h"
#include "gocmd.h"
#include "sim/lang/lex.h"
#include "sim/lang/load.h"
#include "sim/lang/vm.h"
#include "testout.h"

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
            for (int i = 0; i < 2; i++) {
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
            buf_putc(out, (char)v);
            break;
        default:
            return false;
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
    const cli_opts *cmdline;  /* its options apply to every file */
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
    pass = got_err == want_err && (got & want_warn) == want_warn;
    if (!pass) {
        buf_puts(&why, "expected ");
        kinds_text(&why, want_err | want_warn);
        buf_puts(&why, ", found ");
        kinds_text(&why, got_err | (got & want_warn));
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
    buf_printf(&prefix, "weft replay %s --schedule", file);
    for (size_t i = 0; i < x->findings.len; i++) {
        test_finding tf;
        if (!(bad & (1u << x->findings.p[i].f.kind))) continue;
        test_finding_init(&tf, &x->findings.p[i], prefix.p);
        VEC_PUSH(r->findings, tf);
    }
    buf_fini(&prefix);
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
                   "(func TestXxx(t *testing.T))",
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
        if (cli_explore(o, &pr, &x, &d) != WF_OK) {
            fail_diag(t, file, name, &d);
            continue;
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
    if (vm_compile_file(file, &vo, &p, &d) != WF_OK) {
        fail_diag(t, file, NULL, &d);
        cli_opts_fini(&o);
        return;
    }
    if (vm_is_test_file(p)) {
        run_tests(t, file, e, &o, p, t0);
    } else {
        pr = vm_program_entry(p);
        if (cli_explore(&o, &pr, &x, &d) != WF_OK) {
            fail_diag(t, file, NULL, &d);
        } else {
            judge(t, NULL, e, x, cli_now() - t0, file, o.strict);
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
    group_expect(g, &e);
    if (e.bad.msg[0]) {
        fail_diag(t, g->label, NULL, &e.bad);
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
        fail_input(t, g->label, NULL, b.p, NULL);
        buf_fini(&b);
    } else {
        memset(&vo, 0, sizeof vo);
        vo.go_version = o.go_version;
        if (vm_compile_pkg(l, ld, g->files.p, g->files.len, &vo, &p, &d) !=
            WF_OK)
            fail_diag(t, g->label, NULL, &d);
        else
            run_tests(t, g->label, &e, &o, p, t0);
    }
    vm_program_free(p);
    cli_opts_fini(&o);
    test_expect_fini(&e);
}

static void emit_file(tally *t, const char *file, double secs);

/* Every scenario file and package under directory pattern pat (a
 * directory is walked as "DIR/..."), each emitted as it ends. False if
 * the pattern's directory does not exist. */
static bool run_dir_pattern(tally *t, const char *pat)
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
    t->walking = true;
    for (size_t i = 0; i < dirs.len; i++) {
        load_dir *ld;
        gocmd_groups gs = {NULL, 0, 0};
        double t1 = cli_now();
        if (load_read_dir(l, dirs.p[i], &ld, &d) != WF_OK) {
            fail_diag(t, dirs.p[i], NULL, &d);
            emit_file(t, dirs.p[i], cli_now() - t1);
            free(dirs.p[i]);
            continue;
        }
        gocmd_group_dir(ld, &gs);
        for (size_t k = 0; k < gs.len; k++) {
            const gocmd_group *g = &gs.p[k];
            t1 = cli_now();
            if (g->scenario || (g->files.len == 1 && g->tests))
                run_file(t, g->files.p[0]->path, false);
            else if (g->tests)
                run_package(t, l, ld, g);
            emit_file(t, g->label, cli_now() - t1);
        }
        gocmd_groups_fini(&gs);
        free(dirs.p[i]);
    }
    t->walking = false;
    VEC_FREE(dirs);
    buf_fini(&b);
    load_free(l);
    return ok;
}

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && !S_ISDIR(st.st_mode);
}

/* Print the results of one file in the format asked for, count them and
 * free them. */
static void emit_file(tally *t, const char *file, double secs)
{
    const cli_opts *o = t->cmdline;
    bool pass = true;
    buf out;
    if (!t->results.len) return;
    buf_init(&out);
    if (o->json) testout_json_start(&out, file);
    for (size_t i = 0; i < t->results.len; i++) {
        const test_result *r = &t->results.p[i];
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
    for (size_t i = 0; i < t->results.len; i++) {
        if (o->junit_path || o->sarif_path)
            VEC_PUSH(t->all, t->results.p[i]);
        else
            test_result_fini(&t->results.p[i]);
    }
    t->results.len = 0;
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

/* --junit FILE, --sarif FILE: every result of the run. */
static bool write_reports(const tally *t, double secs)
{
    const cli_opts *o = t->cmdline;
    bool ok = true;
    buf b;
    buf_init(&b);
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

int testcmd_exec(const cli_opts *o)
{
    VEC(const char *) paths = {NULL, 0, 0};
    tally t;
    int status = 0;
    double t0 = cli_now();
    if (o->json && o->format == CLI_FORMAT_GITHUB) {
        fprintf(stderr, "weft: error: --json and --format github both "
                        "choose what goes to stdout\n");
        return 2;
    }
    for (size_t i = 0; i < o->paths.len; i++)
        VEC_PUSH(paths, o->paths.p[i]);
    if (!paths.len) VEC_PUSH(paths, "scenarios");
    for (size_t i = 0; i < paths.len; i++) {
        struct stat st;
        if (stat(paths.p[i], &st) != 0 && !strstr(paths.p[i], "...")) {
            fprintf(stderr, "weft: %s: error: no such file or directory\n",
                    paths.p[i]);
            status = 2;
        }
    }
    memset(&t, 0, sizeof t);
    t.cmdline = o;
    if (status == 0) {
        for (size_t i = 0; i < paths.len; i++) {
            const char *p = paths.p[i];
            double t1 = cli_now();
            if (is_regular(p)) {
                run_file(&t, p, true);
                emit_file(&t, p, cli_now() - t1);
            } else if (!run_dir_pattern(&t, p)) {
                fprintf(stderr, "weft: %s: error: no such file or "
                                "directory\n",
                        p);
                status = 2;
            }
        }
        if (!o->json) printf("%d passed, %d failed\n", t.passed, t.failed);
        if (status == 0) status = t.failed ? 1 : t.passed ? 0 : 2;
        if (!t.passed && !t.failed && t.unselected)
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
    }
    for (size_t i = 0; i < t.all.len; i++)
        test_result_fini(&t.all.p[i]);
    VEC_FREE(t.all);
    VEC_FREE(paths);
    VEC_FREE(t.results);
    return status;
}

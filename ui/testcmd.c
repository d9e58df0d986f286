/* testcmd.c: see testcmd.h.
 *
 * A scenario file passes when the kinds of its error findings are exactly
 * the error kinds its expect: lines list ("ok": none), every warning kind
 * listed was found, and, with an outcomes list, the set of outputs printed
 * over all executions is exactly that list (SPEC section 4). */
#include "testcmd.h"

#include <dirent.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "checker/report.h"
#include "cli.h"
#include "sim/lang/lex.h"
#include "sim/lang/vm.h"

typedef VEC(char *) strvec;

/* ---- files ------------------------------------------------------------- */

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

/* Every .go file under path (a file or a directory), in name order;
 * false if path does not exist. Hidden entries and testdata/ directories
 * are skipped, as go test skips them. */
static bool collect(const char *path, bool top, strvec *out)
{
    struct stat st;
    DIR *d;
    struct dirent *de;
    strvec here = {NULL, 0, 0};
    if (stat(path, &st) != 0)
        return false;
    if (!S_ISDIR(st.st_mode)) {
        if (top || ends_with(path, ".go"))
            VEC_PUSH(*out, wf_xstrdup(path));
        return true;
    }
    d = opendir(path);
    if (!d)
        return false;
    while ((de = readdir(d))) {
        buf b;
        if (de->d_name[0] == '.' || de->d_name[0] == '_' ||
            !strcmp(de->d_name, "testdata"))
            continue;
        buf_init(&b);
        buf_printf(&b, "%s%s%s", path,
                   ends_with(path, "/") ? "" : "/", de->d_name);
        VEC_PUSH(here, b.p);
    }
    closedir(d);
    if (here.len)
        qsort(here.p, here.len, sizeof *here.p, str_cmp);
    for (size_t i = 0; i < here.len; i++) {
        collect(here.p[i], false, out);
        free(here.p[i]);
    }
    VEC_FREE(here);
    return true;
}

static bool read_file(const char *path, unsigned char **src, size_t *len)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char chunk[8192];
    size_t n;
    if (!f)
        return false;
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
    if (*s != '"')
        return false;
    for (s++; *s && *s != '"'; s++) {
        unsigned v = 0;
        if (*s != '\\') {
            buf_putc(out, *s);
            continue;
        }
        switch (*++s) {
        case 'n': buf_putc(out, '\n'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 'a': buf_putc(out, '\a'); break;
        case 'b': buf_putc(out, '\b'); break;
        case 'f': buf_putc(out, '\f'); break;
        case 'v': buf_putc(out, '\v'); break;
        case '\\': buf_putc(out, '\\'); break;
        case '"': buf_putc(out, '"'); break;
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
    if (*s != '"')
        return false;
    *p = s + 1;
    return true;
}

/* Position of p inside comment c: its text starts after the two-character
 * comment mark. */
static void bad_at(test_expect *x, const char *path, const lex_comment *c,
                   const char *p, const char *what, const char *w, int n)
{
    if (x->bad.msg[0])
        return;
    diag_set(&x->bad, path, c->line, c->col + 2 + (int)(p - c->text),
             "%s '%.*s'", what, n, w);
}

static void parse_expect(const char *path, const lex_comment *c,
                         const char *p, test_expect *x)
{
    x->any = true;
    for (;;) {
        const char *w;
        size_t n;
        int k;
        while (*p == ' ' || *p == '\t' || *p == ',')
            p++;
        if (!*p || *p == '\n' || *p == '\r')
            return;
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
                if (*p != '"')
                    break;
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
                bad_at(x, path, c, p,
                       "outcomes are Go strings (\"1\\n\"), not", p,
                       (int)strcspn(p, " \t\r\n"));
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
        if (!*p || *p == '\n' || *p == '\r')
            return;
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
    if (first)
        buf_puts(b, "nothing");
}

typedef struct tally {
    int passed, failed;
    const char *const *extra; /* command-line options for every file */
    int nextra;
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

/* Parse the options for exploring file: cmd, the file's own weft: flags,
 * then the command line's (which win). */
static wf_status file_opts(const char *cmd, const char *file,
                           const test_expect *x, const tally *t,
                           cli_opts *o, wf_diag *d)
{
    VEC(char *) argv = {NULL, 0, 0};
    wf_status st;
    VEC_PUSH(argv, (char *)"weft");
    VEC_PUSH(argv, (char *)cmd);
    VEC_PUSH(argv, (char *)file);
    for (size_t i = 0; i < x->flags.len; i++)
        VEC_PUSH(argv, x->flags.p[i]);
    for (int i = 0; i < t->nextra; i++)
        VEC_PUSH(argv, (char *)t->extra[i]);
    VEC_PUSH(argv, NULL);
    st = cli_parse((int)argv.len - 1, argv.p, 1, true, o, d);
    VEC_FREE(argv);
    return st;
}

static void report_failures(const explorer *x, const char *file,
                            uint32_t only)
{
    report_info ri;
    buf out, prefix;
    memset(&ri, 0, sizeof ri);
    buf_init(&prefix);
    buf_printf(&prefix, "weft replay %s --schedule", file);
    ri.file = file;
    ri.replay = prefix.p;
    buf_init(&out);
    {
        const xfinding **fs =
            wf_xmalloc((x->findings.len + 1) * sizeof *fs);
        size_t n = 0;
        for (size_t i = 0; i < x->findings.len; i++)
            if (only & (1u << x->findings.p[i].f.kind))
                fs[n++] = &x->findings.p[i];
        ri.executions = x->executions;
        report_findings_text(&out, fs, n, &ri);
        free(fs);
    }
    /* indent the reports under the FAIL line */
    for (const char *p = out.p ? out.p : ""; *p;) {
        size_t n = strcspn(p, "\n");
        printf("    %.*s\n", (int)n, p);
        p += n + (p[n] == '\n');
    }
    buf_fini(&out);
    buf_fini(&prefix);
}

static bool has_output(const explorer *x, const char *s)
{
    for (size_t i = 0; i < x->outcomes.len; i++)
        if (!strcmp(x->outcomes.p[i].output ? x->outcomes.p[i].output : "",
                    s))
            return true;
    return false;
}

static bool listed_output(const test_expect *e, const char *s)
{
    for (size_t i = 0; i < e->outcomes.len; i++)
        if (!strcmp(e->outcomes.p[i], s))
            return true;
    return false;
}

/* Compare the exploration x of file with e; print the result line. */
static bool judge(const char *label, const test_expect *e, const explorer *x,
                  double secs, const char *file)
{
    uint32_t want_err = 0, want_warn = 0, got_err = 0, got = 0;
    bool pass;
    buf why, cov;
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
        if (f->f.error)
            got_err |= 1u << f->f.kind;
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
            const char *s = x->outcomes.p[i].output ? x->outcomes.p[i].output
                                                    : "";
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
    if (pass) {
        buf k;
        buf_init(&k);
        if (e->kinds)
            kinds_text(&k, e->kinds);
        else
            buf_puts(&k, e->has_outcomes ? "outcomes" : "ok");
        printf("ok    %s: %s (%s, %.2fs)\n", label, k.p, cov.p, secs);
        buf_fini(&k);
    } else {
        printf("FAIL  %s: %s (%s, %.2fs)\n", label, why.p, cov.p, secs);
        report_failures(x, file, (got_err & ~want_err) | (got & ~e->kinds));
    }
    buf_fini(&why);
    buf_fini(&cov);
    return pass;
}

static void fail_input(tally *t, const char *file, const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    printf("FAIL  %s\n    %s\n", file, m);
    t->failed++;
}

/* Does name match --run's regular expression (all when there is none)? */
static bool selected(const cli_opts *o, const char *name, bool *bad)
{
    regex_t re;
    bool m;
    if (!o->run_re)
        return true;
    if (regcomp(&re, o->run_re, REG_EXTENDED | REG_NOSUB) != 0) {
        *bad = true;
        return false;
    }
    m = regexec(&re, name, 0, NULL, 0) == 0;
    regfree(&re);
    return m;
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
    if (!n) {
        printf("FAIL  %s\n    weft: %s: error: a test file with no test "
               "function (func TestXxx(t *testing.T))\n",
               file, file);
        t->failed++;
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = vm_test_name(p, i);
        program pr;
        explorer *x;
        wf_diag d;
        double t1 = cli_now();
        buf label;
        if (!selected(o, name, &bad_re)) {
            if (bad_re) {
                printf("FAIL  %s\n    weft: error: --run: bad regular "
                       "expression '%s'\n",
                       file, o->run_re);
                t->failed++;
                break;
            }
            continue;
        }
        ran++;
        pr = vm_program_test_entry(p, i);
        if (cli_explore(o, &pr, &x, &d) != WF_OK) {
            fail_input(t, file, &d);
            continue;
        }
        if (e->any) {
            /* the file's expectations judge all its tests together */
            VEC_PUSH(keep, x);
            continue;
        }
        buf_init(&label);
        buf_printf(&label, "%s %s", file, name);
        {
            test_expect none;
            memset(&none, 0, sizeof none);
            none.ok = true;
            if (judge(label.p, &none, x, cli_now() - t1, file))
                t->passed++;
            else
                t->failed++;
        }
        buf_fini(&label);
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
        if (judge(file, e, all, cli_now() - t0, file))
            t->passed++;
        else
            t->failed++;
        all->findings.len = 0; /* borrowed */
        explore_free(all);
    }
    for (size_t i = 0; i < keep.len; i++)
        explore_free(keep.p[i]);
    VEC_FREE(keep);
    if (!ran && !bad_re) {
        printf("FAIL  %s\n    weft: error: --run '%s' selects none of its "
               "%zu test%s\n",
               file, o->run_re, n, n == 1 ? "" : "s");
        t->failed++;
    }
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
    if (file_opts(e->has_outcomes ? "outcomes" : "explore", file, e, t, &o,
                  &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        printf("FAIL  %s\n    weft: %s: error: in the // weft: flags: %s\n",
               file, file, m);
        t->failed++;
        cli_opts_fini(&o);
        return;
    }
    memset(&vo, 0, sizeof vo);
    vo.go_version = o.go_version;
    if (vm_compile_file(file, &vo, &p, &d) != WF_OK) {
        fail_input(t, file, &d);
        cli_opts_fini(&o);
        return;
    }
    if (vm_is_test_file(p)) {
        run_tests(t, file, e, &o, p, t0);
    } else {
        pr = vm_program_entry(p);
        if (cli_explore(&o, &pr, &x, &d) != WF_OK) {
            fail_input(t, file, &d);
        } else {
            if (judge(file, e, x, cli_now() - t0, file))
                t->passed++;
            else
                t->failed++;
            explore_free(x);
        }
    }
    vm_program_free(p);
    cli_opts_fini(&o);
}

static void run_file(tally *t, const char *file, bool named)
{
    unsigned char *src;
    size_t len;
    test_expect e;
    if (!read_file(file, &src, &len)) {
        printf("FAIL  %s\n    weft: %s: error: cannot read the file\n", file,
               file);
        t->failed++;
        return;
    }
    test_expect_read(file, src, len, &e);
    free(src);
    if (e.bad.msg[0]) {
        fail_input(t, file, &e.bad);
    } else if (e.any || ends_with(file, "_test.go")) {
        run_expect_file(t, file, &e);
    } else if (named) {
        printf("FAIL  %s\n    weft: %s:1:1: error: no // expect: line at "
               "the top of the file\n",
               file, file);
        t->failed++;
    }
    test_expect_fini(&e);
}

int testcmd_main(int argc, char **argv)
{
    cli_opts o;
    wf_diag d;
    strvec files = {NULL, 0, 0};
    VEC(const char *) extra = {NULL, 0, 0};
    tally t;
    int status = 0;
    if (cli_parse(argc, argv, 1, true, &o, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        cli_opts_fini(&o);
        return 2;
    }
    if (o.help) {
        cli_help(stdout, "weft", CMD_TEST, false);
        cli_opts_fini(&o);
        return 0;
    }
    if (o.json || o.db || o.schedule) {
        fprintf(stderr, "weft: error: test takes budgets and semantics "
                        "options, not %s\n",
                o.json ? "--json" : o.db ? "--db" : "--schedule");
        cli_opts_fini(&o);
        return 2;
    }
    /* every argument that is not a path applies to every file */
    for (int i = 2; i < argc; i++) {
        bool path = false;
        for (size_t k = 0; k < o.paths.len; k++)
            path |= o.paths.p[k] == argv[i];
        if (!path)
            VEC_PUSH(extra, argv[i]);
    }
    if (!o.paths.len)
        VEC_PUSH(o.paths, "scenarios");
    for (size_t i = 0; i < o.paths.len; i++)
        if (!collect(o.paths.p[i], true, &files)) {
            fprintf(stderr, "weft: %s: error: no such file or directory\n",
                    o.paths.p[i]);
            status = 2;
        }
    memset(&t, 0, sizeof t);
    t.extra = extra.p;
    t.nextra = (int)extra.len;
    if (status == 0) {
        for (size_t i = 0; i < files.len; i++) {
            bool named = false;
            for (size_t k = 0; k < o.paths.len; k++)
                named |= !strcmp(o.paths.p[k], files.p[i]);
            run_file(&t, files.p[i], named);
            fflush(stdout);
        }
        printf("%d passed, %d failed\n", t.passed, t.failed);
        status = t.failed ? 1 : t.passed ? 0 : 2;
        if (!t.passed && !t.failed)
            fprintf(stderr, "weft: error: no scenario file with // expect: "
                            "lines and no *_test.go under the paths\n");
    }
    for (size_t i = 0; i < files.len; i++)
        free(files.p[i]);
    VEC_FREE(files);
    VEC_FREE(extra);
    cli_opts_fini(&o);
    return status;
}

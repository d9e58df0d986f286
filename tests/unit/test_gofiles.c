/* test_gofiles.c: whole Go programs end to end: the seeds' programs
 * (tests/e2e/go/seed_*.go, taken from /work/shared/seeds unmodified but
 * for their header comments) and the realistic programs of
 * tests/unit/go, each explored as its `// weft:` line says and checked
 * against its `// expect:` lines: the kinds found, errors and warnings
 * alike, are exactly the ones listed ("ok": none), and the
 * outputs over all executions are exactly the outcomes listed. The
 * explorations are capped (3,000 executions) to keep make test fast. */
#include <dirent.h>

#include "checker/checkers.h"
#include "gotest.h"
#include "sim/lang/lex.h"

typedef struct expect {
    bool kinds[FINDING_KINDS];
    bool any_kind;
    VEC(char *) outcomes;
    wf_strategy_kind strategy;
    int preemptions;
    int64_t max_exec;
} expect;

/* Parse one "// expect:" or "// weft:" line's words. */
static void parse_line(expect *x, const char *s, size_t n)
{
    char line[1024];
    char *w, *save = NULL;
    bool weft = false;
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, s, n);
    line[n] = 0;
    w = strtok_r(line, " \t", &save);
    if (!w)
        return;
    if (!strcmp(w, "weft:"))
        weft = true;
    else if (strcmp(w, "expect:"))
        return;
    while ((w = strtok_r(NULL, " \t", &save))) {
        if (weft) {
            char *v = strtok_r(NULL, " \t", &save);
            if (!v)
                break;
            if (!strcmp(w, "--preemptions"))
                x->preemptions = atoi(v);
            else if (!strcmp(w, "--max-executions"))
                x->max_exec = atoll(v);
            else if (!strcmp(w, "--strategy"))
                x->strategy = !strcmp(v, "random") ? WF_STRATEGY_RANDOM
                              : !strcmp(v, "dfs")  ? WF_STRATEGY_DFS
                                                   : WF_STRATEGY_DPOR;
            continue;
        }
        if (!strcmp(w, "ok")) {
            x->any_kind = true;
            continue;
        }
        if (!strcmp(w, "outcomes")) {
            /* the rest: quoted strings with \n escapes */
            const char *p = s + (w - line) + 8;
            const char *end = s + n;
            while (p < end) {
                buf o;
                if (*p != '"') {
                    p++;
                    continue;
                }
                buf_init(&o);
                for (p++; p < end && *p != '"'; p++) {
                    if (*p == '\\' && p + 1 < end) {
                        p++;
                        buf_putc(&o, *p == 'n' ? '\n' : *p);
                    } else {
                        buf_putc(&o, *p);
                    }
                }
                p++;
                VEC_PUSH(x->outcomes, wf_xstrdup(o.p ? o.p : ""));
                buf_fini(&o);
            }
            return;
        }
        for (int k = 0; k < FINDING_KINDS; k++)
            if (!strcmp(w, finding_kind_names[k])) {
                x->kinds[k] = true;
                x->any_kind = true;
            }
    }
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char tmp[4096];
    size_t k;
    ck_assert_msg(f != NULL, "cannot open %s", path);
    buf_init(&b);
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_append(&b, tmp, k);
    fclose(f);
    *n = b.len;
    return b.p;
}

/* Explore path as its header says; returns a description of any
 * mismatch, or NULL. */
static char *check_file(const char *path)
{
    size_t n, nc;
    char *src = read_file(path, &n);
    arena mem;
    lex_comment *cs;
    expect x;
    vm_program *p = NULL;
    wf_diag d;
    buf err;
    memset(&x, 0, sizeof x);
    x.strategy = WF_STRATEGY_DPOR;
    x.preemptions = -1;
    x.max_exec = 3000;
    arena_init(&mem);
    nc = lex_leading_comments((const unsigned char *)src, n, &mem, &cs);
    for (size_t i = 0; i < nc; i++)
        parse_line(&x, cs[i].text, cs[i].len);
    arena_fini(&mem);
    buf_init(&err);
    if (vm_compile(path, (const unsigned char *)src, n, NULL, &p, &d) !=
        WF_OK) {
        buf_printf(&err, "%s: %d:%d: %s", path, d.line, d.col, d.msg);
    } else {
        program pr = vm_program_entry(p);
        explore_opts o;
        explorer *xp;
        checkers *ck;
        bool found[FINDING_KINDS] = {false};
        memset(&o, 0, sizeof o);
        o.strategy = x.strategy;
        o.preemptions = x.preemptions;
        o.max_executions = x.max_exec;
        xp = explore_new(&pr, &o);
        ck = checkers_new(NULL); /* races and partial deadlocks as weft's */
        explore_run(xp, checkers_consumers(ck), &d);
        checkers_finish(ck, xp);
        for (size_t i = 0; i < xp->findings.len; i++)
            found[xp->findings.p[i].f.kind] = true;
        for (int k = 0; k < FINDING_KINDS; k++) {
            bool err_kind = k != WF_LEAK && k != WF_STARVATION &&
                            k != WF_POTENTIAL_DEADLOCK;
            if (err_kind && found[k] != x.kinds[k])
                buf_printf(&err, "%s: %s %s; ", path, finding_kind_names[k],
                           found[k] ? "found, not expected"
                                    : "expected, not found");
            if (!err_kind && found[k] != x.kinds[k])
                buf_printf(&err, "%s: warning %s %s; ", path,
                           finding_kind_names[k],
                           found[k] ? "found, not expected" : "not found");
        }
        if (x.outcomes.len) {
            for (size_t i = 0; i < xp->outcomes.len; i++) {
                bool listed = false;
                for (size_t j = 0; j < x.outcomes.len && !listed; j++)
                    listed = !strcmp(x.outcomes.p[j],
                                     xp->outcomes.p[i].output);
                if (!listed)
                    buf_printf(&err, "%s: unexpected outcome \"%s\"; ", path,
                               xp->outcomes.p[i].output);
            }
            for (size_t j = 0; j < x.outcomes.len; j++) {
                bool seen = false;
                for (size_t i = 0; i < xp->outcomes.len && !seen; i++)
                    seen = !strcmp(x.outcomes.p[j],
                                   xp->outcomes.p[i].output);
                if (!seen)
                    buf_printf(&err, "%s: outcome \"%s\" not seen; ", path,
                               x.outcomes.p[j]);
            }
        }
        ck_assert_msg(xp->executions > 0, "%s: no execution", path);
        explore_free(xp);
        checkers_free(ck);
        vm_program_free(p);
    }
    for (size_t i = 0; i < x.outcomes.len; i++)
        free(x.outcomes.p[i]);
    VEC_FREE(x.outcomes);
    free(src);
    if (!err.len) {
        buf_fini(&err);
        return NULL;
    }
    return err.p;
}

START_TEST(seed_programs_give_the_right_result)
{
    DIR *dir = opendir("tests/e2e/go");
    struct dirent *de;
    VEC(char *) names = {0};
    ck_assert_msg(dir != NULL, "run from the repository's root");
    while ((de = readdir(dir)))
        if (strstr(de->d_name, ".go"))
            VEC_PUSH(names, wf_xstrdup(de->d_name));
    closedir(dir);
    ck_assert_uint_ge(names.len, 8);
    for (size_t i = 0; i < names.len; i++) {
        char path[512], *e;
        snprintf(path, sizeof path, "tests/e2e/go/%s", names.p[i]);
        e = check_file(path);
        ck_assert_msg(e == NULL, "%s", e);
        free(names.p[i]);
    }
    VEC_FREE(names);
}
END_TEST

START_TEST(realistic_programs_give_the_right_result)
{
    static const char *const files[] = {
        "tests/unit/go/philosophers.go",   "tests/unit/go/workerpool.go",
        "tests/unit/go/prodcons.go",       "tests/unit/go/select_timeouts.go",
        "tests/unit/go/pipeline.go",       "tests/unit/go/embedded.go"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char *e = check_file(files[i]);
        ck_assert_msg(e == NULL, "%s", e);
    }
}
END_TEST

Suite *gofiles_suite(void)
{
    Suite *s = suite_create("gofiles");
    TCase *tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, seed_programs_give_the_right_result);
    tcase_add_test(tc, realistic_programs_give_the_right_result);
    suite_add_tcase(s, tc);
    return s;
}

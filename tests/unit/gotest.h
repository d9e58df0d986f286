/* gotest.h: helpers for the Go front end's suites (not a suite itself):
 * compile a Go program held in a string, run or explore it, and give the
 * result as one text to compare exactly:
 *   the output of the (last) execution, then for each distinct finding a
 *   line "KIND: message", or for a compile error "ERR L:C: message".
 * Owns: the returned strings (the caller frees them). */
#ifndef GOTEST_H
#define GOTEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/lang/vm.h"

/* A program from its body lines. */
#define GO(...) "package main\n" __VA_ARGS__

typedef struct go_res {
    char *text;     /* output + findings, or ERR ... */
    int64_t execs;  /* executions run */
    bool complete;
    int nfind[8]; /* by kind */
} go_res;

static inline go_res go_exec(const char *src, wf_strategy_kind k,
                             int64_t max_exec, const char *gover)
{
    go_res r;
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    buf b;
    memset(&r, 0, sizeof r);
    memset(&vo, 0, sizeof vo);
    vo.go_version = gover ? gover : "1.22";
    buf_init(&b);
    if (vm_compile("t.go", (const unsigned char *)src, strlen(src), &vo, &p,
                   &d) != WF_OK) {
        buf_printf(&b, "ERR %d:%d: %s", d.line, d.col, d.msg);
    } else {
        program pr = vm_program_entry(p);
        explore_opts o;
        explorer *x;
        wf_diag d2;
        memset(&o, 0, sizeof o);
        o.strategy = k;
        o.preemptions = -1;
        o.max_executions = max_exec;
        x = explore_new(&pr, &o);
        if (explore_run(x, NULL, &d2) != WF_OK)
            buf_printf(&b, "EXPLORE ERR %s", d2.msg);
        if (x->last_output)
            buf_puts(&b, x->last_output);
        for (size_t i = 0; i < x->findings.len; i++) {
            const xfinding *f = &x->findings.p[i];
            buf_printf(&b, "%s: %s\n", finding_kind_names[f->f.kind],
                       f->message);
            r.nfind[f->f.kind]++;
        }
        r.execs = x->executions;
        r.complete = x->complete;
        explore_free(x);
        vm_program_free(p);
    }
    r.text = wf_xstrdup(b.p ? b.p : "");
    buf_fini(&b);
    return r;
}

/* The explorer of Go program src under options o with consumers cs
 * (NULL: none), run; *p is the program to free after it. */
static inline explorer *go_explorer(const char *src, const explore_opts *o,
                                    consumer_set *cs, vm_program **p)
{
    vm_options vo;
    wf_diag d;
    program pr;
    explorer *x;
    memset(&vo, 0, sizeof vo);
    *p = NULL;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), &vo, p, &d),
                     WF_OK);
    pr = vm_program_entry(*p);
    x = explore_new(&pr, o);
    ck_assert_int_eq(explore_run(x, cs, &d), WF_OK);
    return x;
}

/* One execution (round robin: each goroutine runs until it blocks). */
static inline char *go_run(const char *src)
{
    return go_exec(src, WF_STRATEGY_RR, 1, NULL).text;
}

/* The distinct outputs over an exhaustive exploration, sorted, each
 * line "N: output" with newlines as '|'. */
static inline char *go_outcomes(const char *src)
{
    vm_program *p = NULL;
    wf_diag d;
    buf b;
    vm_options vo;
    memset(&vo, 0, sizeof vo);
    buf_init(&b);
    if (vm_compile("t.go", (const unsigned char *)src, strlen(src), &vo, &p,
                   &d) != WF_OK) {
        buf_printf(&b, "ERR %d:%d: %s", d.line, d.col, d.msg);
    } else {
        program pr = vm_program_entry(p);
        explore_opts o;
        explorer *x;
        wf_diag d2;
        char **outs;
        size_t n;
        memset(&o, 0, sizeof o);
        o.strategy = WF_STRATEGY_DPOR;
        o.preemptions = -1;
        x = explore_new(&pr, &o);
        explore_run(x, NULL, &d2);
        n = x->outcomes.len;
        outs = calloc(n + 1, sizeof *outs);
        for (size_t i = 0; i < n; i++) {
            buf t;
            buf_init(&t);
            for (const char *s = x->outcomes.p[i].output; *s; s++)
                buf_putc(&t, *s == '\n' ? '|' : *s);
            if (*x->outcomes.p[i].kinds)
                buf_printf(&t, " [%s]", x->outcomes.p[i].kinds);
            outs[i] = wf_xstrdup(t.p ? t.p : "");
            buf_fini(&t);
        }
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && strcmp(outs[j - 1], outs[j]) > 0;
                 j--) {
                char *tmp = outs[j];
                outs[j] = outs[j - 1];
                outs[j - 1] = tmp;
            }
        for (size_t i = 0; i < n; i++) {
            buf_printf(&b, "%s\n", outs[i]);
            free(outs[i]);
        }
        free(outs);
        explore_free(x);
        vm_program_free(p);
    }
    {
        char *r = wf_xstrdup(b.p ? b.p : "");
        buf_fini(&b);
        return r;
    }
}

/* Assert that src run once gives exactly want (output + findings). */
#define GO_EXPECT(src, want)                                                   \
    do {                                                                       \
        char *got_ = go_run(src);                                              \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)

/* Assert that src fails to compile with message want ("L:C: msg"). */
#define GO_ERROR(src, want)                                                    \
    do {                                                                       \
        char *got_ = go_run(src);                                              \
        ck_assert_str_eq(got_, "ERR " want);                                   \
        free(got_);                                                            \
    } while (0)

#endif

/* test_prefix.c: exploring from a forced prefix (explore_opts.prefix, the
 * search weft play's hints run): DPOR from a prefix reaches exactly the
 * outcomes plain DFS reaches from it, and every execution of either
 * begins with the prefix. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/native.h"
#include "tests/diff/gen.h"
#include "weft.h"

typedef struct pfx_run {
    const choice *pre;
    size_t npre;
    int64_t bad; /* executions that did not begin with the prefix */
} pfx_run;

static void check_prefix(void *ctx, wf_engine *e, const char *sched)
{
    pfx_run *r = ctx;
    bool ok = e->choices.len >= r->npre;
    (void)sched;
    for (size_t i = 0; ok && i < r->npre; i++)
        ok = e->choices.p[i].n == r->pre[i].n &&
             e->choices.p[i].idx == r->pre[i].idx;
    r->bad += !ok;
}

static program gen_prog(native_start *ns, gprog *g)
{
    program p;
    ns->fn = gen_scenario;
    ns->arg = g;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = ns;
    p.main_name = "main";
    p.hash = 1;
    p.file = "gen";
    return p;
}

/* The outcomes of x, "kinds|output" each, sorted, joined by "\n--\n". */
static char *outcome_list(const explorer *x)
{
    char **v = calloc(x->outcomes.len + 1, sizeof *v);
    buf b;
    for (size_t i = 0; i < x->outcomes.len; i++) {
        buf one;
        buf_init(&one);
        buf_printf(&one, "%s|%s", x->outcomes.p[i].kinds,
                   x->outcomes.p[i].output);
        v[i] = one.p;
    }
    for (size_t i = 1; i < x->outcomes.len; i++)
        for (size_t k = i; k > 0 && strcmp(v[k - 1], v[k]) > 0; k--) {
            char *t = v[k];
            v[k] = v[k - 1];
            v[k - 1] = t;
        }
    buf_init(&b);
    buf_puts(&b, "");
    for (size_t i = 0; i < x->outcomes.len; i++) {
        buf_printf(&b, "%s%s", i ? "\n--\n" : "", v[i]);
        free(v[i]);
    }
    free(v);
    return b.p;
}

/* Explore g from prefix pre with strategy s; the outcome list (NULL when
 * the search was not complete). */
static char *explore_from(gprog *g, wf_strategy_kind s, bool iterative,
                          const char *pre, pfx_run *r, int64_t *execs)
{
    native_start ns;
    program p = gen_prog(&ns, g);
    explore_opts o;
    explorer *x;
    wf_diag d;
    char *out = NULL;
    memset(&o, 0, sizeof o);
    o.strategy = s;
    o.preemptions = -1;
    o.iterative = iterative;
    o.prefix = pre;
    o.max_executions = 20000;
    o.after_exec = check_prefix;
    o.after_ctx = r;
    x = explore_new(&p, &o);
    ck_assert_msg(explore_run(x, NULL, &d) == WF_OK, "prefix %s: %s", pre,
                  d.msg);
    ck_assert_msg(!x->diverged, "%s", x->diverged ? x->diverged : "");
    if (x->complete) out = outcome_list(x);
    *execs = x->executions;
    explore_free(x);
    return out;
}

START_TEST(dpor_from_a_prefix_reaches_the_outcomes_of_dfs_from_it)
{
    int compared = 0;
    int64_t dfs_execs = 0, dpor_execs = 0;
    for (uint64_t seed = 1; compared < 200 && seed < 3000; seed++) {
        gprog g;
        native_start ns;
        program p;
        explore_opts o;
        explorer *x;
        wf_diag d;
        schedule sc;
        buf pre;
        pfx_run r;
        char *od, *odp, *oi;
        int64_t nd, np, ni;
        gen_program(&g, seed);
        p = gen_prog(&ns, &g);
        /* one random execution; its first half is the prefix */
        memset(&o, 0, sizeof o);
        o.strategy = WF_STRATEGY_RANDOM;
        o.seed = seed;
        o.max_executions = 1;
        o.preemptions = -1;
        x = explore_new(&p, &o);
        ck_assert_int_eq(explore_run(x, NULL, &d), WF_OK);
        memset(&sc, 0, sizeof sc);
        sc.hash = 1;
        buf_init(&pre);
        schedule_encode(&pre, &sc, x->e->choices.p, x->e->choices.len / 2);
        memset(&r, 0, sizeof r);
        r.npre = x->e->choices.len / 2;
        r.pre = x->e->choices.p;
        od = explore_from(&g, WF_STRATEGY_DFS, false, pre.p, &r, &nd);
        if (!od) { /* too big for plain DFS */
            explore_free(x);
            buf_fini(&pre);
            continue;
        }
        odp = explore_from(&g, WF_STRATEGY_DPOR, false, pre.p, &r, &np);
        oi = explore_from(&g, WF_STRATEGY_DPOR, true, pre.p, &r, &ni);
        ck_assert_int_eq(r.bad, 0);
        ck_assert_msg(odp && oi, "seed %llu: dpor incomplete",
                      (unsigned long long)seed);
        ck_assert_msg(!strcmp(od, odp) && !strcmp(od, oi),
                      "seed %llu prefix %s: dfs reached\n%s\ndpor\n%s",
                      (unsigned long long)seed, pre.p, od, odp);
        ck_assert_int_le(np, nd);
        dfs_execs += nd;
        dpor_execs += np;
        compared++;
        free(od);
        free(odp);
        free(oi);
        buf_fini(&pre);
        explore_free(x);
    }
    fprintf(stderr,
            "from a prefix: %d programs, %lld dfs executions, %lld dpor\n",
            compared, (long long)dfs_execs, (long long)dpor_execs);
    ck_assert_int_ge(compared, 200);
}
END_TEST

/* A prefix the program does not offer is an error, not a search. */
START_TEST(a_prefix_the_program_does_not_offer_diverges)
{
    static const wf_strategy_kind ks[2] = {WF_STRATEGY_DFS, WF_STRATEGY_DPOR};
    gprog g;
    gen_program(&g, 3);
    for (int k = 0; k < 2; k++) {
        native_start ns;
        program p = gen_prog(&ns, &g);
        explore_opts o;
        explorer *x;
        wf_diag d;
        memset(&o, 0, sizeof o);
        o.strategy = ks[k];
        o.preemptions = -1;
        /* 40 choices among 2: more than the program ever offers (with
         * the check every schedule ends with) */
        o.prefix = "00000001-A40.y79";
        x = explore_new(&p, &o);
        ck_assert_int_ne(explore_run(x, NULL, &d), WF_OK);
        ck_assert_ptr_nonnull(x->diverged);
        explore_free(x);
    }
}
END_TEST

Suite *prefix_suite(void)
{
    Suite *s = suite_create("prefix");
    TCase *tc = tcase_create("prefix");
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, dpor_from_a_prefix_reaches_the_outcomes_of_dfs_from_it);
    tcase_add_test(tc, a_prefix_the_program_does_not_offer_diverges);
    suite_add_tcase(s, tc);
    return s;
}

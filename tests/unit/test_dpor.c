/* test_dpor.c: partial-order reduction. Optimal trace counts on the
 * published benchmarks, and DPOR against plain DFS on generated programs
 * (same outcomes, same finding kinds). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/native.h"
#include "tests/bench/dpor_progs.h"
#include "tests/unit/gotest.h"
#include "tests/diff/gen.h"
#include "weft.h"

static int64_t traces(void (*f)(void *), int n)
{
    wf_options o = wf_options_default();
    wf_result r;
    int64_t k;
    o.strategy = WF_STRATEGY_DPOR;
    o.iterative = false; /* one round: executions are traces */
    wf_explore(f, &n, &o, &r); /* readers and lastzero race, by design */
    ck_assert(r.complete);
    k = r.executions;
    wf_result_free(&r);
    return k;
}

START_TEST(readers_explores_two_to_the_n_traces)
{
    for (int n = 1; n <= 6; n++)
        ck_assert_int_eq(traces(dp_readers, n), 1 << n);
}
END_TEST

START_TEST(lastzero_explores_the_optimal_trace_count)
{
    for (int n = 2; n <= 6; n++)
        ck_assert_int_eq(traces(dp_lastzero, n), (n + 3) * (1 << (n - 2)));
}
END_TEST

START_TEST(indexer_explores_eight_to_the_n_minus_11)
{
    ck_assert_int_eq(traces(dp_indexer, 11), 1);
    ck_assert_int_eq(traces(dp_indexer, 12), 8);
    ck_assert_int_eq(traces(dp_indexer, 13), 64);
}
END_TEST

/* One exhaustive DPOR round of f(n): complete executions and the
 * sleep-set-blocked ones abandoned besides. */
static void round_counts(void (*f)(void *), int n, int64_t *complete,
                         uint64_t *blocked)
{
    native_start ns;
    program p;
    explore_opts o;
    explorer *x;
    wf_diag d;
    ns.fn = f;
    ns.arg = &n;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    p.hash = 1;
    p.file = "test";
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    x = explore_new(&p, &o);
    explore_run(x, NULL, &d);
    ck_assert(x->complete);
    *complete = x->executions;
    *blocked = x->blocked;
    explore_free(x);
}

/* Optimal-DPOR's wakeup trees: every execution started is a new trace
 * (source sets alone abandoned 15 on lastzero(5) and 2 on indexer(12)). */
START_TEST(wakeup_trees_start_no_sleep_set_blocked_execution)
{
    int64_t c;
    uint64_t b;
    round_counts(dp_lastzero, 5, &c, &b);
    ck_assert_int_eq(c, 64);
    ck_assert_uint_eq(b, 0);
    round_counts(dp_lastzero, 7, &c, &b);
    ck_assert_int_eq(c, 320);
    ck_assert_uint_eq(b, 0);
    round_counts(dp_indexer, 12, &c, &b);
    ck_assert_int_eq(c, 8);
    ck_assert_uint_eq(b, 0);
    for (int n = 1; n <= 6; n++) {
        round_counts(dp_readers, n, &c, &b);
        ck_assert_int_eq(c, 1 << n);
        ck_assert_uint_eq(b, 0);
    }
}
END_TEST


/* Three goroutines lock one mutex around x++ and are joined by a
 * WaitGroup, written as closures over mu, wg and x (as people write them)
 * and as a function taking &mu, &wg, &x. */
#define MU3_CLOSURES                                                          \
    GO("import \"sync\"\n"                                                    \
       "func main() {\n"                                                      \
       "\tvar mu sync.Mutex\n"                                                \
       "\tvar wg sync.WaitGroup\n"                                            \
       "\tx := 0\n"                                                           \
       "\tfor i := 0; i < 3; i++ {\n"                                         \
       "\t\twg.Add(1)\n"                                                      \
       "\t\tgo func() {\n"                                                    \
       "\t\t\tdefer wg.Done()\n"                                              \
       "\t\t\tmu.Lock()\n"                                                    \
       "\t\t\tx++\n"                                                          \
       "\t\t\tmu.Unlock()\n"                                                  \
       "\t\t}()\n"                                                            \
       "\t}\n"                                                                \
       "\twg.Wait()\n"                                                        \
       "\t_ = x\n"                                                            \
       "}\n")
#define MU3_FUNCTION                                                          \
    GO("import \"sync\"\n"                                                    \
       "func work(mu *sync.Mutex, wg *sync.WaitGroup, x *int) {\n"            \
       "\tdefer wg.Done()\n"                                                  \
       "\tmu.Lock()\n"                                                        \
       "\t*x++\n"                                                             \
       "\tmu.Unlock()\n"                                                      \
       "}\n"                                                                  \
       "func main() {\n"                                                      \
       "\tvar mu sync.Mutex\n"                                                \
       "\tvar wg sync.WaitGroup\n"                                            \
       "\tx := 0\n"                                                           \
       "\tfor i := 0; i < 3; i++ {\n"                                         \
       "\t\twg.Add(1)\n"                                                      \
       "\t\tgo work(&mu, &wg, &x)\n"                                          \
       "\t}\n"                                                                \
       "\twg.Wait()\n"                                                        \
       "\t_ = x\n"                                                            \
       "}\n")

/* defer wg.Done() on a captured wg takes &wg (Done has a pointer
 * receiver) and reads nothing: no phantom access to reorder, so the
 * closures explore what the function taking pointers explores (183
 * against 70 executions when the defer read wg). */
START_TEST(pointer_method_values_read_nothing)
{
    go_res a = go_exec(MU3_CLOSURES, WF_STRATEGY_DPOR, 0, NULL);
    go_res b = go_exec(MU3_FUNCTION, WF_STRATEGY_DPOR, 0, NULL);
    ck_assert(a.complete && b.complete);
    ck_assert_int_eq(a.execs, b.execs);
    free(a.text);
    free(b.text);
    /* a method value of a pointer method on a captured variable, called
     * later: it still acts on the variable itself */
    {
        char *o = go_outcomes(
            GO("import \"fmt\"\n"
               "type ctr int\n"
               "func (c *ctr) inc() { *c++ }\n"
               "func main() {\n"
               "\tvar c ctr\n"
               "\tf := c.inc\n"
               "\tdone := make(chan bool)\n"
               "\tgo func() { g := c.inc; g(); done <- true }()\n"
               "\t<-done\n"
               "\tf()\n"
               "\tfmt.Println(c)\n"
               "}\n"));
        ck_assert_str_eq(o, "2|\n");
        free(o);
    }
}
END_TEST

static int str_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The outcome set as sorted "kinds|output" strings. */
static char **outcome_set(const wf_result *r)
{
    char **v = calloc(r->noutcomes + 1, sizeof *v);
    for (size_t i = 0; i < r->noutcomes; i++) {
        size_t n = strlen(r->outcomes[i].output) +
                   strlen(r->outcomes[i].kinds) + 2;
        v[i] = malloc(n);
        snprintf(v[i], n, "%s|%s", r->outcomes[i].kinds,
                 r->outcomes[i].output);
    }
    qsort(v, r->noutcomes, sizeof *v, str_cmp);
    return v;
}

static void free_set(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

START_TEST(dpor_reaches_the_outcomes_of_dfs_on_500_generated_programs)
{
    int compared = 0, skipped = 0, mismatched = 0;
    int64_t dfs_execs = 0, dpor_execs = 0;
    for (uint64_t seed = 1; compared < 500 && seed < 5000; seed++) {
        gprog g;
        wf_options o = wf_options_default();
        wf_result rd, rp;
        char **sd, **sp;
        gen_program(&g, seed);
        o.strategy = WF_STRATEGY_DFS;
        o.max_executions = 20000;
        wf_explore(gen_scenario, &g, &o, &rd);
        if (!rd.complete) {
            skipped++;
            wf_result_free(&rd);
            continue;
        }
        o.strategy = WF_STRATEGY_DPOR;
        o.max_executions = 0;
        o.iterative = (seed & 1) != 0; /* both ways of running dpor */
        wf_explore(gen_scenario, &g, &o, &rp);
        ck_assert_msg(rp.complete, "seed %llu: dpor incomplete",
                      (unsigned long long)seed);
        sd = outcome_set(&rd);
        sp = outcome_set(&rp);
        if (rd.noutcomes != rp.noutcomes) {
            mismatched++;
        } else {
            for (size_t i = 0; i < rd.noutcomes; i++)
                if (strcmp(sd[i], sp[i])) {
                    mismatched++;
                    break;
                }
        }
        ck_assert_msg(!mismatched,
                      "seed %llu: dfs found %zu outcomes, dpor %zu "
                      "(first dfs outcome: %s)",
                      (unsigned long long)seed, rd.noutcomes, rp.noutcomes,
                      rd.noutcomes ? sd[0] : "");
        dfs_execs += rd.executions;
        dpor_execs += rp.executions;
        compared++;
        free_set(sd, rd.noutcomes);
        free_set(sp, rp.noutcomes);
        wf_result_free(&rd);
        wf_result_free(&rp);
    }
    fprintf(stderr,
            "dpor vs dfs: %d programs compared (%d skipped as too big for "
            "dfs), %lld dfs executions, %lld dpor executions\n",
            compared, skipped, (long long)dfs_execs, (long long)dpor_execs);
    ck_assert_int_ge(compared, 500);
}
END_TEST

Suite *dpor_suite(void)
{
    Suite *s = suite_create("dpor");
    TCase *tc = tcase_create("trace-counts");
    TCase *td = tcase_create("differential");
    tcase_add_test(tc, readers_explores_two_to_the_n_traces);
    tcase_add_test(tc, lastzero_explores_the_optimal_trace_count);
    tcase_add_test(tc, indexer_explores_eight_to_the_n_minus_11);
    tcase_add_test(tc, wakeup_trees_start_no_sleep_set_blocked_execution);
    tcase_add_test(tc, pointer_method_values_read_nothing);
    tcase_set_timeout(td, 300);
    tcase_add_test(td, dpor_reaches_the_outcomes_of_dfs_on_500_generated_programs);
    suite_add_tcase(s, tc);
    suite_add_tcase(s, td);
    return s;
}

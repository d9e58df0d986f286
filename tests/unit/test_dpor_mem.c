/* test_dpor_mem.c: what the reduction keeps per step. A step's clock is
 * kept as the entries it changed (sim/dpor_hist.c), not a clock per
 * step: goroutines that run on without meeting another cost their
 * steps, not their steps times the goroutines (Go by Example's stateful
 * goroutines: 110 of them, 857,470 steps, 876 MB of node clocks). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "sim/explore.h"
#include "tests/unit/gotest.h"

/* The clock entries DPOR holds after one execution of k goroutines,
 * each taking m steps that order it after no one (atomic adds whose
 * results nobody reads: they commute), joined by a WaitGroup. */
static uint64_t unsynced_clock_entries(int k, int m)
{
    char src[1024];
    explore_opts o;
    vm_program *p;
    explorer *x;
    uint64_t n;
    snprintf(src, sizeof src,
             GO("import (\n\t\"sync\"\n\t\"sync/atomic\"\n)\n"
                "func main() {\n"
                "\tvar n int64\n"
                "\tvar wg sync.WaitGroup\n"
                "\tfor i := 0; i < %d; i++ {\n"
                "\t\twg.Add(1)\n"
                "\t\tgo func() {\n"
                "\t\t\tfor j := 0; j < %d; j++ {\n"
                "\t\t\t\tatomic.AddInt64(&n, 1)\n"
                "\t\t\t}\n"
                "\t\t\twg.Done()\n"
                "\t\t}()\n"
                "\t}\n"
                "\twg.Wait()\n"
                "\tprintln(atomic.LoadInt64(&n))\n"
                "}\n"),
             k, m);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    o.max_executions = 1;
    x = go_explorer(src, &o, NULL, &p);
    ck_assert_int_eq(x->executions, 1);
    n = dpor_clock_entries(x->dp);
    explore_free(x);
    vm_program_free(p);
    return n;
}

/* Four times the steps of 32 goroutines: the clocks kept grow by the
 * steps (their own entries), not steps x goroutines (before: a clock of
 * 33 entries per step, 3.9x the entries). */
START_TEST(steps_without_sync_keep_no_clock_each)
{
    uint64_t a = unsynced_clock_entries(32, 50),
             b = unsynced_clock_entries(32, 200);
    ck_assert_uint_gt(a, 0);
    ck_assert_msg(b * 10 <= a * 15,
                  "%llu clock entries for 50 steps a goroutine, %llu for "
                  "200: a clock per step",
                  (unsigned long long)a, (unsigned long long)b);
}
END_TEST

Suite *dpor_mem_suite(void)
{
    Suite *s = suite_create("dpor_mem");
    TCase *tc = tcase_create("clocks");
    tcase_add_test(tc, steps_without_sync_keep_no_clock_each);
    suite_add_tcase(s, tc);
    return s;
}

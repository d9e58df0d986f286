/* test_engine.c: the scheduler loop (sim/engine.c), native tasks
 * (sim/native.c), the C API's edges (sim/capi.c) and the explorer's
 * determinism and replay (sim/explore.c). */
#include "wft.h"

#include "weft.h"

/* ---- memory of tasks cut off by the end of an execution ---------------- */

static void print_long(void *arg)
{
    char s[1000];
    (void)arg;
    memset(s, 'x', sizeof s - 1);
    s[sizeof s - 1] = 0;
    wf_printf("%s\n", s); /* pending when main panics */
}

static void long_print_then_panic(void *arg)
{
    wf_go(print_long, arg, "printer");
    wf_chan_close(NULL);
}

START_TEST(a_long_print_cut_off_by_a_panic_leaks_nothing)
{
    wf_result r;
    ck_assert_int_eq(
        explore_with(long_print_then_panic, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_int_eq(r.executions, 2);
    ck_assert_int_eq(r.noutcomes, 2);
    ck_assert_str_eq(r.findings[0].message, "close of nil channel");
    wf_result_free(&r); /* make asan: the pending text is not leaked */
}
END_TEST

Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *t = tcase_create("memory");
    tcase_add_test(t, a_long_print_cut_off_by_a_panic_leaks_nothing);
    suite_add_tcase(s, t);
    return s;
}

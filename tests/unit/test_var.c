/* test_var.c: tracked shared variables (sim/var.c). */
#include "wft.h"

#include "weft.h"

static void read_write(void *arg)
{
    intptr_t *got = arg;
    wf_var *x = wf_var_new("x", 3);
    got[0] = wf_read(x);
    wf_write(x, -8);
    got[1] = wf_read(x);
}

START_TEST(reads_see_the_last_write_and_each_access_is_an_event)
{
    intptr_t got[2] = {0, 0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *w;
    evlog_init(&l);
    r = run_explore(read_write, got, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(got[0], 3);
    ck_assert_int_eq(got[1], -8);
    ck_assert_int_eq(evlog_count(&l, EV_READ, 0), 2);
    ck_assert_int_eq(evlog_count(&l, EV_WRITE, 0), 1);
    w = evlog_nth(&l, EV_WRITE, 0);
    ck_assert_int_eq(w->value, -8);
    ck_assert_uint_eq(w->flags, EVF_WRITE);
    ck_assert_int_eq(w->step, 2);
    ck_assert_int_eq(evlog_nth(&l, EV_READ, 0)->value, 3);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void nil_read(void *arg)
{
    (void)arg;
    wf_read(NULL);
}

static void nil_write(void *arg)
{
    (void)arg;
    wf_write(NULL, 1);
}

START_TEST(access_to_a_nil_var_panics_as_a_nil_dereference)
{
    wf_result r;
    ck_assert_int_eq(explore_with(nil_read, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r),
                     "invalid memory address or nil pointer dereference");
    wf_result_free(&r);
    ck_assert_int_eq(explore_with(nil_write, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r),
                     "invalid memory address or nil pointer dereference");
    wf_result_free(&r);
}
END_TEST

Suite *var_suite(void)
{
    Suite *s = suite_create("var");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, reads_see_the_last_write_and_each_access_is_an_event);
    tcase_add_test(t, access_to_a_nil_var_panics_as_a_nil_dereference);
    suite_add_tcase(s, t);
    return s;
}

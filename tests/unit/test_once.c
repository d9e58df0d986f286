/* test_once.c: sync.Once (sim/once.c). */
#include "wft.h"

#include "weft.h"

typedef struct once_tally {
    int runs;      /* f's runs this execution */
    int value;     /* f's effect */
    int too_many;  /* executions where f ran more than once */
    int unseen;    /* Do returned before f's effect */
    int returns;   /* Do returns over all executions */
} once_tally;

typedef struct once_ctx {
    wf_once *o;
    once_tally *t;
} once_ctx;

static void f(void *arg)
{
    once_tally *t = arg;
    t->runs++;
    wf_yield(); /* other Do calls arrive while f runs */
    t->value = 42;
}

static void doer(void *arg)
{
    once_ctx *c = arg;
    wf_once_do(c->o, f, c->t);
    if (c->t->value != 42)
        c->t->unseen++;
    c->t->returns++;
}

static void three_doers(void *arg)
{
    once_tally *t = arg;
    once_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->o = wf_once_new("once");
    c->t = t;
    t->runs = 0;
    t->value = 0;
    wf_go(doer, c, "doer");
    wf_go(doer, c, "doer");
    doer(c);
    wf_sleep(1);
    if (t->runs != 1)
        t->too_many++;
}

START_TEST(do_runs_f_once_and_every_caller_sees_its_effect)
{
    once_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(three_doers, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_gt(r.executions, 10);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.too_many, 0);
    ck_assert_int_eq(t.unseen, 0);
    ck_assert_int_eq(t.returns, 3 * (int)r.executions);
    wf_result_free(&r);
}
END_TEST

static void do_twice(void *arg)
{
    once_tally *t = arg;
    wf_once *o = wf_once_new("once");
    wf_once_do(o, f, t);
    wf_once_do(o, f, t);
}

START_TEST(a_later_do_returns_at_once_without_running_f)
{
    once_tally t = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(do_twice, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.runs, 1);
    /* Do (value 1: runs f), f's end (2), the second Do (0) */
    ck_assert_int_eq(evlog_count(&l, EV_ONCE, 0), 3);
    ck_assert_int_eq(evlog_nth(&l, EV_ONCE, 0)->value, 1);
    ck_assert_int_eq(evlog_nth(&l, EV_ONCE, 1)->value, 2);
    ck_assert_int_eq(evlog_nth(&l, EV_ONCE, 2)->value, 0);
    ck_assert_int_eq(evlog_count(&l, EV_BLOCK, -1), 0);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

typedef struct self_ctx {
    wf_once *o;
    once_tally *t;
} self_ctx;

static void recursive_f(void *arg)
{
    self_ctx *c = arg;
    wf_once_do(c->o, recursive_f, c); /* Do inside f: Go deadlocks */
    c->t->runs++;
}

static void do_inside_f(void *arg)
{
    self_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->o = wf_once_new("once");
    c->t = arg;
    wf_once_do(c->o, recursive_f, c);
}

START_TEST(do_from_inside_f_deadlocks)
{
    once_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(do_inside_f, &t, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(t.runs, 0);
    wf_result_free(&r);
}
END_TEST

Suite *once_suite(void)
{
    Suite *s = suite_create("once");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, do_runs_f_once_and_every_caller_sees_its_effect);
    tcase_add_test(t, a_later_do_returns_at_once_without_running_f);
    tcase_add_test(t, do_from_inside_f_deadlocks);
    suite_add_tcase(s, t);
    return s;
}

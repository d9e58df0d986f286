/* test_waitgroup.c: sync.WaitGroup (sim/waitgroup.c). */
#include "wft.h"

#include "weft.h"

typedef struct wg_tally {
    int done;       /* workers done this execution */
    int early;      /* executions where Wait returned before every Done */
    int returned;   /* Wait returns */
} wg_tally;

typedef struct wg_ctx {
    wf_waitgroup *wg;
    wg_tally *t;
} wg_ctx;

static void worker(void *arg)
{
    wg_ctx *c = arg;
    c->t->done++;
    wf_waitgroup_done(c->wg);
}

static void waiter_task(void *arg)
{
    wg_ctx *c = arg;
    wf_waitgroup_wait(c->wg);
    if (c->t->done != 3)
        c->t->early++;
    c->t->returned++;
}

static void three_workers_two_waiters(void *arg)
{
    wg_tally *t = arg;
    wg_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->wg = wf_waitgroup_new("wg");
    c->t = t;
    t->done = 0;
    wf_waitgroup_add(c->wg, 3);
    wf_go(waiter_task, c, "waiter");
    for (int i = 0; i < 3; i++)
        wf_go(worker, c, "worker");
    wf_waitgroup_wait(c->wg);
    if (t->done != 3)
        t->early++;
    t->returned++;
}

START_TEST(wait_returns_only_after_every_done_in_every_interleaving)
{
    wg_tally t = {0, 0, 0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(three_workers_two_waiters, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_gt(r.executions, 10);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.early, 0);
    ck_assert_int_eq(t.returned, 2 * (int)r.executions); /* both waiters */
    wf_result_free(&r);
}
END_TEST

static void wait_on_zero(void *arg)
{
    wg_tally *t = arg;
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    wf_waitgroup_wait(wg);
    wf_waitgroup_add(wg, 2);
    wf_waitgroup_add(wg, -2);
    wf_waitgroup_wait(wg);
    t->returned++;
}

START_TEST(wait_on_a_zero_counter_returns_at_once)
{
    wg_tally t = {0, 0, 0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *ev;
    evlog_init(&l);
    r = run_explore(wait_on_zero, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.returned, 1);
    ck_assert_int_eq(evlog_count(&l, EV_BLOCK, -1), 0);
    ck_assert_int_eq(evlog_count(&l, EV_WG_WAIT, 0), 2);
    ck_assert_int_eq(evlog_count(&l, EV_WG_ADD, 0), 2);
    ev = evlog_nth(&l, EV_WG_ADD, 1);
    ck_assert_int_eq(ev->value, -2); /* the delta */
    ck_assert_int_eq(ev->aux, 0);    /* the counter after it */
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void done_without_add(void *arg)
{
    (void)arg;
    wf_waitgroup_done(wf_waitgroup_new("wg"));
}

static void add_negative(void *arg)
{
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    (void)arg;
    wf_waitgroup_add(wg, 1);
    wf_waitgroup_add(wg, -2);
}

START_TEST(a_negative_counter_panics)
{
    wf_result r;
    ck_assert_int_eq(
        explore_with(done_without_add, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "sync: negative WaitGroup counter");
    ck_assert_str_eq(r.findings[0].kind_name, "panic");
    ck_assert_int_eq(r.findings[0].step, 1);
    wf_result_free(&r);
    ck_assert_int_eq(explore_with(add_negative, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "sync: negative WaitGroup counter");
    ck_assert_int_eq(r.findings[0].step, 2);
    wf_result_free(&r);
}
END_TEST

static void wait_forever(void *arg)
{
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    (void)arg;
    wf_waitgroup_add(wg, 1);
    wf_waitgroup_wait(wg); /* nobody calls Done */
}

START_TEST(wait_with_no_done_coming_deadlocks)
{
    wf_result r;
    ck_assert_int_eq(explore_with(wait_forever, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    wf_result_free(&r);
}
END_TEST

static void done_events(void *arg)
{
    wg_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->wg = wf_waitgroup_new("wg");
    c->t = arg;
    wf_waitgroup_add(c->wg, 1);
    wf_go(worker, c, "worker");
    wf_waitgroup_wait(c->wg);
}

START_TEST(done_is_an_add_of_minus_one_reported_as_wg_done)
{
    wg_tally t = {0, 0, 0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *d, *u;
    evlog_init(&l);
    r = run_explore(done_events, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    d = evlog_nth(&l, EV_WG_DONE, 0);
    ck_assert_ptr_nonnull(d);
    ck_assert_int_eq(d->tid, 1);
    ck_assert_int_eq(d->value, -1);
    ck_assert_int_eq(d->aux, 0);
    /* main was parked in Wait (rr ran it first) and is released by g1 */
    ck_assert_int_eq(evlog_nth(&l, EV_BLOCK, 0)->tid, 0);
    u = evlog_nth(&l, EV_UNBLOCK, 0);
    ck_assert_int_eq(u->tid, 0);
    ck_assert_int_eq(u->peer, 1);
    ck_assert_uint_eq(u->step, d->step);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

Suite *waitgroup_suite(void)
{
    Suite *s = suite_create("waitgroup");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, wait_returns_only_after_every_done_in_every_interleaving);
    tcase_add_test(t, wait_on_a_zero_counter_returns_at_once);
    tcase_add_test(t, wait_with_no_done_coming_deadlocks);
    tcase_add_test(t, done_is_an_add_of_minus_one_reported_as_wg_done);
    suite_add_tcase(s, t);
    t = tcase_create("panics");
    tcase_add_test(t, a_negative_counter_panics);
    suite_add_tcase(s, t);
    return s;
}

/* test_atomic.c: sync/atomic on 64-bit values (sim/atomic.c). */
#include "wft.h"

#include "weft.h"

typedef struct at_tally {
    int64_t v[12];
    bool b[4];
    int lost; /* executions where a plain read-modify-write lost one */
    int bad;  /* executions where an atomic add lost one */
} at_tally;

static void every_op(void *arg)
{
    at_tally *t = arg;
    wf_atomic *a = wf_atomic_new("a", 5);
    t->v[0] = wf_atomic_load(a);
    wf_atomic_store(a, 7);
    t->v[1] = wf_atomic_load(a);
    t->v[2] = wf_atomic_add(a, 3);    /* the new value */
    t->v[3] = wf_atomic_add(a, -20);
    t->v[4] = wf_atomic_swap(a, 100); /* the old value */
    t->b[0] = wf_atomic_cas(a, 100, 200);
    t->b[1] = wf_atomic_cas(a, 100, 300); /* fails: a is 200 */
    t->v[5] = wf_atomic_load(a);
    wf_atomic_store(a, INT64_MAX);
    t->v[6] = wf_atomic_add(a, 1); /* wraps, as Go's atomics do */
    t->v[7] = wf_atomic_add(a, -1);
}

START_TEST(load_store_add_swap_cas_give_go_results)
{
    at_tally t;
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    memset(&t, 0, sizeof t);
    evlog_init(&l);
    r = run_explore(every_op, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.v[0], 5);
    ck_assert_int_eq(t.v[1], 7);
    ck_assert_int_eq(t.v[2], 10);
    ck_assert_int_eq(t.v[3], -10);
    ck_assert_int_eq(t.v[4], -10);
    ck_assert(t.b[0]);
    ck_assert(!t.b[1]);
    ck_assert_int_eq(t.v[5], 200);
    ck_assert(t.v[6] == INT64_MIN);
    ck_assert(t.v[7] == INT64_MAX);
    /* one atomic event each; loads and the failed cas do not write */
    ck_assert_int_eq(evlog_count(&l, EV_ATOMIC, 0), 12);
    ck_assert_uint_eq(evlog_nth(&l, EV_ATOMIC, 0)->flags, 0);
    ck_assert_uint_eq(evlog_nth(&l, EV_ATOMIC, 1)->flags, EVF_WRITE);
    ck_assert_uint_eq(evlog_nth(&l, EV_ATOMIC, 6)->flags, EVF_WRITE);
    ck_assert_uint_eq(evlog_nth(&l, EV_ATOMIC, 7)->flags, EVF_FAILED);
    ck_assert_int_eq(evlog_nth(&l, EV_ATOMIC, 7)->value, 200);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

typedef struct inc_ctx {
    wf_atomic *a;
    wf_var *x;
} inc_ctx;

static void inc_both(void *arg)
{
    inc_ctx *c = arg;
    wf_atomic_add(c->a, 1);
    wf_write(c->x, wf_read(c->x) + 1); /* not atomic: two steps */
}

static void two_incrementers(void *arg)
{
    at_tally *t = arg;
    inc_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->a = wf_atomic_new("a", 0);
    c->x = wf_var_new("x", 0);
    wf_go(inc_both, c, "inc");
    wf_go(inc_both, c, "inc");
    wf_sleep(1);
    if (wf_atomic_load(c->a) != 2)
        t->bad++;
    if (wf_read(c->x) != 2)
        t->lost++;
}

START_TEST(atomic_adds_never_lose_an_update_unlike_a_read_then_write)
{
    at_tally t;
    wf_result r;
    memset(&t, 0, sizeof t);
    /* the read-then-write also races (status 1); the atomic never does */
    ck_assert_int_eq(explore_with(two_incrementers, &t, WF_STRATEGY_DFS, &r),
                     1);
    ck_assert_int_ge((int)r.nfindings, 1);
    for (size_t i = 0; i < r.nfindings; i++) { /* races on x, never on a */
        ck_assert_str_eq(r.findings[i].kind_name, "race");
        ck_assert_str_eq(r.findings[i].message, "data race on x");
    }
    ck_assert(r.complete);
    ck_assert_int_eq(t.bad, 0);
    ck_assert_int_gt(t.lost, 0);
    ck_assert_int_lt(t.lost, (int)r.executions);
    wf_result_free(&r);
}
END_TEST

static void nil_atomic(void *arg)
{
    (void)arg;
    wf_atomic_add(NULL, 1);
}

START_TEST(an_op_on_a_nil_atomic_panics_as_a_nil_dereference)
{
    wf_result r;
    ck_assert_int_eq(explore_with(nil_atomic, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r),
                     "invalid memory address or nil pointer dereference");
    ck_assert_str_eq(r.findings[0].kind_name, "panic");
    wf_result_free(&r);
}
END_TEST

Suite *atomic_suite(void)
{
    Suite *s = suite_create("atomic");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, load_store_add_swap_cas_give_go_results);
    tcase_add_test(t,
                   atomic_adds_never_lose_an_update_unlike_a_read_then_write);
    tcase_add_test(t, an_op_on_a_nil_atomic_panics_as_a_nil_dereference);
    suite_add_tcase(s, t);
    return s;
}

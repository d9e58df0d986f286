/* test_cond.c: sync.Cond (sim/cond.c): Wait/Signal/Broadcast, FIFO wake
 * order, --cond-order any reaching every order, --spurious-wakeups, and
 * Wait without the lock. */
#include "wft.h"

#include "weft.h"

typedef struct cond_tally {
    int arrived[4], narrived; /* ticket order (recorded under the lock) */
    int woke[4], nwoke;       /* order of returns from Wait */
    int fifo_bad;             /* executions with woke != arrived */
    int orders[64];           /* distinct wake orders seen, as 3 digits */
    int norders;
    bool spurious;            /* a Wait returned without a signal */
    int held_after_wait;      /* Wait returned without the lock: < 0 */
} cond_tally;

typedef struct cond_ctx {
    wf_mutex *m;
    wf_cond *c;
    cond_tally *t;
    int id;
    bool *signalled;
} cond_ctx;

static cond_ctx *cond_ctxs(cond_tally *t, int n)
{
    cond_ctx *c = arena_alloc(&native_engine()->mem, (size_t)n * sizeof *c);
    wf_mutex *m = wf_mutex_new("m");
    wf_cond *cv = wf_cond_new("c", m);
    bool *sig = arena_alloc(&native_engine()->mem, sizeof *sig);
    for (int i = 0; i < n; i++) {
        c[i].m = m;
        c[i].c = cv;
        c[i].t = t;
        c[i].id = i;
        c[i].signalled = sig;
    }
    return c;
}

static void waits(void *arg)
{
    cond_ctx *c = arg;
    wf_mutex_lock(c->m);
    c->t->arrived[c->t->narrived++] = c->id;
    wf_cond_wait(c->c);
    c->t->woke[c->t->nwoke++] = c->id;
    /* Wait returns holding the lock: TryLock must fail */
    if (wf_mutex_trylock(c->m))
        c->t->held_after_wait--;
    wf_mutex_unlock(c->m);
}

static void reset(cond_tally *t)
{
    t->narrived = t->nwoke = 0;
}

static void note_order(cond_tally *t)
{
    int code = 0;
    for (int i = 0; i < t->nwoke; i++)
        code = code * 10 + t->woke[i];
    for (int i = 0; i < t->norders; i++)
        if (t->orders[i] == code)
            return;
    t->orders[t->norders++] = code;
}

/* Three waiters arrive in some order; main signals three times. */
static void signal_three(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 4);
    reset(t);
    for (int i = 1; i <= 3; i++)
        wf_go(waits, &c[i], "waiter");
    wf_sleep(1); /* all three wait */
    for (int i = 0; i < 3; i++) {
        wf_mutex_lock(c->m);
        wf_cond_signal(c->c);
        wf_mutex_unlock(c->m);
        wf_sleep(1); /* the woken one returns from Wait */
    }
    if (t->nwoke != 3 || memcmp(t->woke, t->arrived, sizeof t->woke))
        t->fifo_bad++;
    note_order(t);
}

START_TEST(signal_wakes_waiters_in_fifo_order_in_every_interleaving)
{
    cond_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(signal_three, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.fifo_bad, 0);
    /* the arrival order varies, so all six wake orders occur too */
    ck_assert_int_eq(t.norders, 6);
    ck_assert_int_eq(t.held_after_wait, 0);
    wf_result_free(&r);
}
END_TEST

/* Fixed arrival order (rr: g1, g2, g3): fifo wakes 1 2 3 only; any
 * reaches all six orders, each as a recorded choice. */
static void signal_three_fixed_arrival(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 4);
    reset(t);
    for (int i = 1; i <= 3; i++) {
        wf_go(waits, &c[i], "waiter");
        wf_sleep(1); /* g_i waits before the next one starts */
    }
    for (int i = 0; i < 3; i++) {
        wf_mutex_lock(c->m);
        wf_cond_signal(c->c);
        wf_mutex_unlock(c->m);
        wf_sleep(1);
    }
    note_order(t);
}

START_TEST(cond_order_fifo_gives_one_wake_order_for_one_arrival_order)
{
    cond_tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(signal_three_fixed_arrival, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.norders, 1);
    ck_assert_int_eq(t.orders[0], 123);
    wf_result_free(&r);
}
END_TEST

static int int_cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

START_TEST(cond_order_any_reaches_every_wake_order_under_dfs)
{
    cond_tally t = {0};
    wf_result r;
    wf_options o = wf_options_default();
    static const int all[6] = {123, 132, 213, 231, 312, 321};
    o.strategy = WF_STRATEGY_DFS;
    o.cond_order_any = true;
    ck_assert_int_eq(wf_explore(signal_three_fixed_arrival, &t, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.norders, 6);
    qsort(t.orders, 6, sizeof t.orders[0], int_cmp);
    ck_assert_mem_eq(t.orders, all, sizeof all);
    ck_assert_ptr_nonnull(strstr(r.outcomes[0].schedule, ".c-"));
    wf_result_free(&r);
}
END_TEST

static void broadcast_three(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 4);
    reset(t);
    for (int i = 1; i <= 3; i++)
        wf_go(waits, &c[i], "waiter");
    wf_sleep(1);
    wf_mutex_lock(c->m);
    wf_cond_broadcast(c->c);
    wf_mutex_unlock(c->m);
    wf_sleep(1);
    if (t->nwoke != 3)
        t->fifo_bad++;
}

START_TEST(broadcast_wakes_every_waiter)
{
    cond_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(broadcast_three, &t, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.fifo_bad, 0);
    ck_assert_int_eq(t.held_after_wait, 0);
    wf_result_free(&r);
}
END_TEST

/* A Signal with nobody waiting is lost: a later Wait blocks. */
static void signal_before_wait(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 1);
    reset(t);
    wf_mutex_lock(c->m);
    wf_cond_signal(c->c);
    wf_cond_broadcast(c->c);
    wf_cond_wait(c->c);
    t->nwoke++;
}

START_TEST(a_signal_with_no_waiter_is_not_remembered)
{
    cond_tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(signal_before_wait, &t, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(t.nwoke, 0);
    wf_result_free(&r);
}
END_TEST

static void wait_unlocked(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 1);
    wf_cond_wait(c->c);
}

START_TEST(wait_without_holding_the_lock_is_a_fatal_error)
{
    cond_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(wait_unlocked, &t, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r),
                     "fatal error: sync: unlock of unlocked mutex");
    wf_result_free(&r);
}
END_TEST

/* Nobody signals: only a spurious wakeup lets the waiter out. */
static void lone_waiter(void *arg)
{
    cond_ctx *c = arg;
    wf_mutex_lock(c->m);
    wf_cond_wait(c->c);
    c->t->spurious = true;
    wf_mutex_unlock(c->m);
}

static void nobody_signals(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 1);
    wf_go(lone_waiter, c, "waiter");
}

START_TEST(spurious_wakeups_are_reachable_only_with_the_option)
{
    cond_tally t = {0};
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(nobody_signals, &t, &o, &r), 0);
    ck_assert_int_eq(r.nfindings, 1); /* blocked forever after main */
    ck_assert_str_eq(r.findings[0].kind_name, "leak");
    ck_assert_str_eq(r.findings[0].message,
                     "g1 waiter blocked forever in wait");
    ck_assert(!t.spurious);
    wf_result_free(&r);

    o.spurious_wakeups = true;
    ck_assert_int_eq(wf_explore(nobody_signals, &t, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert(t.spurious);
    ck_assert_ptr_nonnull(strstr(r.outcomes[0].schedule, ".w-"));
    wf_result_free(&r);
}
END_TEST

/* With the option, a signalled waiter and a spurious one are both
 * possible; the event says which (value 1: spurious). */
typedef struct unblock_count {
    int spurious, signalled;
} unblock_count;

static void unblock_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    unblock_count *u = ctx;
    (void)e;
    if (ev->op != EV_UNBLOCK)
        return;
    if (ev->value)
        u->spurious++;
    else
        u->signalled++;
}

static void one_signal(void *arg)
{
    cond_tally *t = arg;
    cond_ctx *c = cond_ctxs(t, 1);
    wf_go(lone_waiter, c, "waiter");
    wf_sleep(1);
    wf_mutex_lock(c->m);
    wf_cond_signal(c->c);
    wf_mutex_unlock(c->m);
}

START_TEST(spurious_and_signalled_wakeups_are_told_apart_in_events)
{
    cond_tally t = {0};
    unblock_count u = {0, 0};
    native_start ns = {one_signal, &t};
    program p;
    wf_consumer k = {&u, NULL, unblock_event, NULL, NULL, 0};
    consumer_set cs = {&k, 1};
    explore_opts o = opts_of(WF_STRATEGY_DFS);
    explorer *x;
    wf_diag d;
    o.spurious = true;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, &d), WF_OK);
    ck_assert(x->complete);
    ck_assert_int_eq(x->findings.len, 0);
    ck_assert_int_gt(u.spurious, 0);
    ck_assert_int_gt(u.signalled, 0);
    explore_free(x);
}
END_TEST

Suite *cond_suite(void)
{
    Suite *s = suite_create("cond");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, signal_wakes_waiters_in_fifo_order_in_every_interleaving);
    tcase_add_test(t,
                   cond_order_fifo_gives_one_wake_order_for_one_arrival_order);
    tcase_add_test(t, cond_order_any_reaches_every_wake_order_under_dfs);
    tcase_add_test(t, broadcast_wakes_every_waiter);
    tcase_add_test(t, a_signal_with_no_waiter_is_not_remembered);
    tcase_add_test(t, spurious_wakeups_are_reachable_only_with_the_option);
    tcase_add_test(t, spurious_and_signalled_wakeups_are_told_apart_in_events);
    suite_add_tcase(s, t);
    t = tcase_create("panics");
    tcase_add_test(t, wait_without_holding_the_lock_is_a_fatal_error);
    suite_add_tcase(s, t);
    return s;
}

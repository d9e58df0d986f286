/* test_explore.c: the strategies on classic bugs, preemption bounds,
 * budgets, outcomes. */
#include <check.h>
#include <stdio.h>
#include <stddef.h>
#include <string.h>

#include "sim/engine.h"
#include "sim/explore.h"
#include "sim/native.h"
#include "weft.h"

/* ---- naive dining philosophers (N = 3) --------------------------------- */

typedef struct table {
    wf_mutex *fork[3];
    wf_waitgroup *done;
    int seat[3];
} table;

static void phil(void *arg)
{
    int *seat = arg;
    table *t = (table *)(void *)((char *)(seat - *seat) -
                                 offsetof(table, seat));
    wf_mutex_lock(t->fork[*seat]);
    wf_mutex_lock(t->fork[(*seat + 1) % 3]);
    wf_mutex_unlock(t->fork[(*seat + 1) % 3]);
    wf_mutex_unlock(t->fork[*seat]);
    wf_waitgroup_done(t->done);
}

static void philosophers(void *arg)
{
    table t;
    (void)arg;
    for (int i = 0; i < 3; i++) {
        t.fork[i] = wf_mutex_new("fork");
        t.seat[i] = i;
    }
    t.done = wf_waitgroup_new("done");
    wf_waitgroup_add(t.done, 3);
    for (int i = 0; i < 3; i++)
        wf_go(phil, &t.seat[i], "phil");
    wf_waitgroup_wait(t.done);
}

/* ---- a shared buffered request channel: a client can take another's
 * response (seeds/000: shared req/resp channels) ------------------------ */

typedef struct server {
    wf_chan *req, *resp;
    wf_waitgroup *wg;
    int id[2];
} server;

static server *srv_of_id(int *id)
{
    return (server *)(void *)((char *)(id - *id) - offsetof(server, id));
}

static void serve(void *arg)
{
    server *s = arg;
    for (int i = 0; i < 2; i++) {
        intptr_t v = wf_chan_recv(s->req, NULL);
        wf_chan_send(s->resp, v);
    }
}

static void client(void *arg)
{
    int *id = arg;
    server *s = srv_of_id(id);
    wf_chan_send(s->req, *id);
    wf_assert(wf_chan_recv(s->resp, NULL) == *id, "got my own response");
    wf_waitgroup_done(s->wg);
}

static void reqresp(void *arg)
{
    server s;
    size_t cap = *(size_t *)arg;
    s.req = wf_chan_new("req", cap);
    s.resp = wf_chan_new("resp", cap);
    s.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(s.wg, 2);
    wf_go(serve, &s, "server");
    for (int i = 0; i < 2; i++) {
        s.id[i] = i;
        wf_go(client, &s.id[i], "client");
    }
    wf_waitgroup_wait(s.wg);
}

/* ---- a lost update: needs exactly one preemption ----------------------- */

typedef struct counter {
    wf_var *v;
    wf_waitgroup *wg;
} counter;

static void incr(void *arg)
{
    counter *c = arg;
    intptr_t x = wf_read(c->v);
    wf_write(c->v, x + 1);
    wf_waitgroup_done(c->wg);
}

static void lost_update(void *arg)
{
    counter c;
    (void)arg;
    c.v = wf_var_new("v", 0);
    c.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(c.wg, 2);
    wf_go(incr, &c, "incr");
    wf_go(incr, &c, "incr");
    wf_waitgroup_wait(c.wg);
    wf_assert(wf_read(c.v) == 2, "both increments counted");
}

static bool has_kind(const wf_result *r, wf_finding_kind k)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].kind == k)
            return true;
    return false;
}

static const wf_finding *of_kind(const wf_result *r, wf_finding_kind k)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].kind == k)
            return &r->findings[i];
    return NULL;
}

static const wf_strategy_kind all[] = {WF_STRATEGY_DPOR, WF_STRATEGY_DFS,
                                       WF_STRATEGY_RANDOM, WF_STRATEGY_PCT};

START_TEST(every_strategy_finds_the_naive_philosophers_deadlock)
{
    for (size_t i = 0; i < 4; i++) {
        wf_options o = wf_options_default();
        wf_result r;
        o.strategy = all[i];
        /* plain dfs needs the whole tree (153,042 executions) */
        o.max_executions = i < 2 ? 0 : 2000;
        ck_assert_int_eq(wf_explore(philosophers, NULL, &o, &r), 1);
        ck_assert_msg(has_kind(&r, WF_DEADLOCK), "strategy %d", (int)i);
        wf_result_free(&r);
    }
}
END_TEST

START_TEST(every_strategy_finds_the_buffered_shared_reqresp_assertion)
{
    for (size_t i = 0; i < 4; i++) {
        wf_options o = wf_options_default();
        wf_result r;
        size_t cap = 1;
        o.strategy = all[i];
        o.max_executions = 2000;
        ck_assert_int_eq(wf_explore(reqresp, &cap, &o, &r), 1);
        ck_assert_msg(has_kind(&r, WF_ASSERT), "strategy %d", (int)i);
        ck_assert(strstr(r.findings[0].message, "got my own response"));
        wf_result_free(&r);
    }
}
END_TEST

START_TEST(unbuffered_shared_reqresp_is_correct_on_every_interleaving)
{
    wf_options o = wf_options_default();
    wf_result r;
    size_t cap = 0;
    ck_assert_int_eq(wf_explore(reqresp, &cap, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq((int)r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

START_TEST(a_bug_needing_one_preemption_is_found_with_bound_1_not_0)
{
    for (size_t i = 0; i < 4; i++) {
        wf_options o = wf_options_default();
        wf_result r;
        o.strategy = all[i];
        o.max_executions = 500;
        o.preemptions = 0;
        wf_explore(lost_update, NULL, &o, &r);
        ck_assert_msg(!has_kind(&r, WF_ASSERT), "strategy %d, bound 0",
                      (int)i);
        wf_result_free(&r);
        o.preemptions = 1;
        wf_explore(lost_update, NULL, &o, &r);
        ck_assert_msg(has_kind(&r, WF_ASSERT), "strategy %d, bound 1",
                      (int)i);
        wf_result_free(&r);
    }
}
END_TEST

START_TEST(a_finished_bounded_dpor_round_reports_its_bound)
{
    wf_options o = wf_options_default();
    wf_result r;
    /* the deadlock needs one preemption: g1 takes fork 0, g3 preempts it,
     * takes fork 2 and blocks on fork 0, g2 takes fork 1 */
    o.preemptions = 0;
    wf_explore(philosophers, NULL, &o, &r);
    ck_assert(!r.complete);
    ck_assert_int_eq(r.bound, 0);
    ck_assert(!has_kind(&r, WF_DEADLOCK));
    wf_result_free(&r);
    o.preemptions = 1;
    wf_explore(philosophers, NULL, &o, &r);
    ck_assert_int_eq(r.bound, 1);
    ck_assert(has_kind(&r, WF_DEADLOCK));
    wf_result_free(&r);
}
END_TEST

START_TEST(outcomes_list_each_distinct_output_with_a_replayable_schedule)
{
    wf_options o = wf_options_default();
    wf_result r, rr;
    o.strategy = WF_STRATEGY_DPOR;
    wf_explore(lost_update, NULL, &o, &r);
    ck_assert(r.complete);
    ck_assert_int_eq((int)r.noutcomes, 2); /* ok, and the lost update */
    for (size_t i = 0; i < r.noutcomes; i++) {
        wf_options p = wf_options_default();
        p.strategy = WF_STRATEGY_REPLAY;
        p.schedule = r.outcomes[i].schedule;
        wf_explore(lost_update, NULL, &p, &rr);
        ck_assert_int_eq(has_kind(&rr, WF_ASSERT),
                         strstr(r.outcomes[i].kinds, "assert") != NULL);
        wf_result_free(&rr);
    }
    wf_result_free(&r);
}
END_TEST

START_TEST(witnesses_are_minimized_to_the_fewest_preemptions)
{
    for (size_t i = 0; i < 4; i++) {
        wf_options o = wf_options_default();
        wf_result r;
        o.strategy = all[i];
        o.max_executions = i < 2 ? 0 : 300;
        wf_explore(lost_update, NULL, &o, &r);
        ck_assert(has_kind(&r, WF_ASSERT));
        ck_assert_int_eq((int)of_kind(&r, WF_ASSERT)->preemptions, 1);
        wf_result_free(&r);
        wf_explore(philosophers, NULL, &o, &r);
        ck_assert(has_kind(&r, WF_DEADLOCK));
        ck_assert_int_eq((int)of_kind(&r, WF_DEADLOCK)->preemptions, 1);
        wf_result_free(&r);
    }
}
END_TEST

/* Ordered philosophers (no bug): the default exploration, shallow rounds
 * then an unbounded one, stays proportionate: a shallow round too big to
 * finish moves on (bounded rounds, without sleep sets, took 660,483
 * executions for N = 7 where one unbounded round takes 126). */
typedef struct ordered {
    wf_mutex *fork[7];
    int seat[7];
} ordered;

static void ordered_phil(void *arg)
{
    int *seat = arg;
    ordered *t = (ordered *)(void *)((char *)(seat - *seat) -
                                     offsetof(ordered, seat));
    int a = *seat, b = (*seat + 1) % 7;
    if (a > b) {
        int x = a;
        a = b;
        b = x;
    }
    wf_mutex_lock(t->fork[a]);
    wf_mutex_lock(t->fork[b]);
    wf_mutex_unlock(t->fork[b]);
    wf_mutex_unlock(t->fork[a]);
}

static void ordered7(void *arg)
{
    ordered t;
    char name[32];
    (void)arg;
    for (int i = 0; i < 7; i++) {
        snprintf(name, sizeof name, "forks[%d]", i);
        t.fork[i] = wf_mutex_new(name);
        t.seat[i] = i;
    }
    for (int i = 0; i < 7; i++)
        wf_go(ordered_phil, &t.seat[i], "phil");
    wf_sleep(1);
}

START_TEST(the_default_exploration_of_a_correct_program_stays_proportionate)
{
    wf_options o = wf_options_default();
    wf_result r;
    ck_assert_int_eq(wf_explore(ordered7, NULL, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq((int)r.nfindings, 0);
    ck_assert_int_lt(r.executions, 5000);
    wf_result_free(&r);
}
END_TEST

/* ---- a spinner hides the task it starves (moby#28462's shape) ---------
 * After main returns, one task polls a channel nobody sends on, forever;
 * the other only has to run once to fail its assertion. An execution that
 * runs the spinner first is cut at --max-steps with the other never run;
 * the search must still give it its turn. */

typedef struct spin {
    wf_chan *stop;
    wf_var *x;
} spin;

static void spinner(void *arg)
{
    spin *s = arg;
    for (;;) {
        wf_case c = {s->stop, false, 0, 0, false};
        if (wf_select(&c, 1, true) == 0)
            return;
    }
}

static void starved(void *arg)
{
    spin *s = arg;
    wf_write(s->x, 1);
    wf_assert(false, "the starved task ran");
}

static void spin_main(void *arg)
{
    static spin s;
    (void)arg;
    s.stop = wf_chan_new("stop", 0);
    s.x = wf_var_new("x", 0);
    wf_go(spinner, &s, "spinner");
    wf_go(starved, &s, "starved");
}

START_TEST(a_task_starved_by_a_spinner_until_the_cut_gets_its_turn)
{
    wf_options o = wf_options_default();
    wf_result r;
    o.max_steps = 500;
    ck_assert_int_eq(wf_explore(spin_main, NULL, &o, &r), 1);
    ck_assert_uint_ge(r.nfindings, 1);
    wf_result_free(&r);
}
END_TEST

/* No caps on a choice's alternatives: 65 senders wait on one unbuffered
 * channel (from time 0: main sleeps while they arrive), and main's
 * receive may take any of them (a search said "complete" after 64). */
#define MANY 65

typedef struct many {
    wf_chan *ch;
    int id[MANY];
} many;

static void many_sender(void *arg)
{
    int *id = arg;
    many *m = (many *)(void *)((char *)(id - *id) - offsetof(many, id));
    wf_chan_send(m->ch, *id);
}

static void many_senders(void *arg)
{
    many m;
    (void)arg;
    m.ch = wf_chan_new("ch", 0);
    for (int i = 0; i < MANY; i++) {
        m.id[i] = i;
        wf_go(many_sender, &m.id[i], "sender");
    }
    wf_sleep(1); /* every sender waits now */
    wf_printf("%ld\n", (long)wf_chan_recv(m.ch, NULL));
}

START_TEST(every_waiting_sender_may_be_the_partner)
{
    for (int s = 0; s < 2; s++) {
        wf_options o = wf_options_default();
        wf_result r;
        o.strategy = s ? WF_STRATEGY_DFS : WF_STRATEGY_DPOR;
        o.preemptions = 0; /* the partner choice is not a preemption */
        wf_explore(many_senders, NULL, &o, &r);
        ck_assert_int_eq((int)r.noutcomes, MANY);
        wf_result_free(&r);
    }
}
END_TEST

/* 65 timers due at once: the strategy is offered all 65 as the one to
 * fire first (they were 64, the 65th never first). */
static void many_sleeper(void *arg)
{
    (void)arg;
    wf_sleep(1);
}

static void many_sleepers(void *arg)
{
    (void)arg;
    for (int i = 0; i < MANY; i++)
        wf_go(many_sleeper, NULL, "sleeper");
    wf_sleep(2); /* time stops when main returns: main outlives them */
}

typedef struct timer_pick {
    int offered;      /* alternatives of the timer choice */
    int32_t first;    /* the task whose timer fired first */
} timer_pick;

static int pick_last_timer(void *ctx, wf_engine *e, choice_kind kind, int n,
                           const int32_t *alts)
{
    timer_pick *p = ctx;
    (void)e;
    (void)alts;
    if (kind == CHOICE_TIMER) {
        p->offered = n;
        return n - 1;
    }
    return 0;
}

static void first_timer(void *ctx, wf_engine *e, const wf_event *ev)
{
    timer_pick *p = ctx;
    (void)e;
    if (ev->op == EV_TIMER && p->first < 0)
        p->first = ev->tid;
}

START_TEST(every_timer_due_may_fire_first)
{
    timer_pick p = {0, -1};
    wf_strategy st = {&p, pick_last_timer, NULL};
    wf_consumer c;
    native_start ns = {many_sleepers, NULL};
    wf_engine *e = engine_new(NULL);
    memset(&c, 0, sizeof c);
    c.ctx = &p;
    c.event = first_timer;
    ck_assert_int_eq(engine_run(e, &native_driver, &ns, "main", &st, &c, 1),
                     END_DONE);
    ck_assert_int_eq(p.offered, MANY);
    ck_assert_int_eq(p.first, MANY); /* the last sleeper: tid 65 */
    engine_free(e);
}
END_TEST

/* Peterson's lock with two lines swapped (turn before flag): both tasks
 * can enter. Its spin loops make the search's executions long and its
 * rounds slow; the portfolio beside it samples (random and PCT), which
 * finds the bug about as soon as sampling alone does. */
typedef struct peterson {
    wf_atomic *flag[2], *turn, *inside;
    int id[2];
} peterson;

static void peterson_task(void *arg)
{
    int i = *(int *)arg, j = 1 - i;
    peterson *p = (peterson *)(void *)((char *)((int *)arg - i) -
                                       offsetof(peterson, id));
    for (int k = 0; k < 2; k++) {
        wf_atomic_store(p->turn, j); /* swapped: must follow flag[i] */
        wf_atomic_store(p->flag[i], 1);
        while (wf_atomic_load(p->flag[j]) && wf_atomic_load(p->turn) == j)
            ;
        wf_assert(wf_atomic_add(p->inside, 1) == 1, "two inside");
        wf_atomic_add(p->inside, -1);
        wf_atomic_store(p->flag[i], 0);
    }
}

static void peterson_main(void *arg)
{
    peterson p;
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    (void)arg;
    p.flag[0] = wf_atomic_new("flag0", 0);
    p.flag[1] = wf_atomic_new("flag1", 0);
    p.turn = wf_atomic_new("turn", 0);
    p.inside = wf_atomic_new("inside", 0);
    for (int i = 0; i < 2; i++) {
        p.id[i] = i;
        wf_waitgroup_add(wg, 1);
        wf_go(peterson_task, &p.id[i], "peterson");
    }
    wf_waitgroup_wait(wg);
}

START_TEST(the_default_finds_a_shallow_bug_sampling_finds)
{
    wf_options o = wf_options_default();
    wf_result r;
    o.max_executions = 4000;
    wf_explore(peterson_main, NULL, &o, &r);
    ck_assert(has_kind(&r, WF_ASSERT));
    wf_result_free(&r);
}
END_TEST

/* A cut search says what it covered. */
START_TEST(a_cut_search_says_what_it_covered)
{
    native_start ns = {peterson_main, NULL};
    program p;
    explore_opts o;
    explorer *x;
    wf_diag d;
    buf b;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    p.hash = 1;
    p.file = "peterson";
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    o.iterative = true;
    o.max_executions = 3000;
    x = explore_new(&p, &o);
    explore_run(x, NULL, &d);
    buf_init(&b);
    explore_coverage(x, &b);
    ck_assert(!x->complete && x->sampled > 0);
    ck_assert_msg(strstr(b.p, "executions left") &&
                      strstr(b.p, "sampled (random and PCT)"),
                  "%s", b.p);
    buf_fini(&b);
    explore_free(x);
    /* a bounded search: the bound */
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = 0;
    x = explore_new(&p, &o);
    explore_run(x, NULL, &d);
    buf_init(&b);
    explore_coverage(x, &b);
    ck_assert_str_eq(b.p, "preemption bound 0 fully explored");
    buf_fini(&b);
    explore_free(x);
}
END_TEST

Suite *explore_suite(void)
{
    Suite *s = suite_create("explore");
    TCase *tc = tcase_create("strategies");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, every_strategy_finds_the_naive_philosophers_deadlock);
    tcase_add_test(tc,
                   every_strategy_finds_the_buffered_shared_reqresp_assertion);
    tcase_add_test(tc,
                   unbuffered_shared_reqresp_is_correct_on_every_interleaving);
    tcase_add_test(tc,
                   a_bug_needing_one_preemption_is_found_with_bound_1_not_0);
    tcase_add_test(tc, a_finished_bounded_dpor_round_reports_its_bound);
    tcase_add_test(
        tc, outcomes_list_each_distinct_output_with_a_replayable_schedule);
    tcase_add_test(tc, witnesses_are_minimized_to_the_fewest_preemptions);
    tcase_add_test(
        tc, the_default_exploration_of_a_correct_program_stays_proportionate);
    tcase_add_test(tc, a_task_starved_by_a_spinner_until_the_cut_gets_its_turn);
    tcase_add_test(tc, every_waiting_sender_may_be_the_partner);
    tcase_add_test(tc, every_timer_due_may_fire_first);
    tcase_add_test(tc, the_default_finds_a_shallow_bug_sampling_finds);
    tcase_add_test(tc, a_cut_search_says_what_it_covered);
    suite_add_tcase(s, tc);
    return s;
}

/* test_lockorder.c: the lock-order graph (potential-deadlock): inversions
 * in one execution and across executions, recursive read locks, and the
 * orders that cannot deadlock (gate locks, TryLock, one order). */
#include <check.h>
#include <stddef.h>

#include "sim/native.h"
#include <stdio.h>
#include <string.h>

#include "sim/weft.h"

static void dfs(void (*scenario)(void *), wf_result *r)
{
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    wf_explore(scenario, NULL, &o, r);
    ck_assert_msg(r->error == NULL, "%s", r->error ? r->error : "");
    ck_assert(r->complete);
}

static size_t count(const wf_result *r, wf_finding_kind k)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        n += r->findings[i].kind == k;
    return n;
}

static const wf_finding *first(const wf_result *r, wf_finding_kind k)
{
    for (size_t i = 0; i < r->nfindings; i++)
        if (r->findings[i].kind == k) return &r->findings[i];
    return NULL;
}

static const char *body(const wf_finding *f)
{
    static char b[8192];
    const char *rp = strstr(f->report, "  replay: ");
    size_t n = rp ? (size_t)(rp - f->report) : strlen(f->report);
    ck_assert(n < sizeof b);
    memcpy(b, f->report, n);
    b[n] = 0;
    return b;
}

/* The line of this file that carries the comment TAG. */
static int line_of(const char *tag)
{
    char want[64], line[512];
    int n = 0;
    FILE *f = fopen(__FILE__, "r");
    ck_assert_msg(f != NULL, "cannot read %s", __FILE__);
    snprintf(want, sizeof want, "/* %s */", tag);
    while (fgets(line, sizeof line, f)) {
        n++;
        if (strstr(line, want)) {
            fclose(f);
            return n;
        }
    }
    fclose(f);
    ck_abort_msg("no line tagged %s", tag);
    return 0;
}

static char want[4096];
#define WANT(...) (snprintf(want, sizeof want, __VA_ARGS__), want)

typedef struct locks {
    wf_mutex *a, *b, *gate;
    wf_rwmutex *rw;
    wf_chan *c, *c1, *c2;
} locks;

/* Shared with tasks that may outlive main's frame; set every execution. */
static locks *locks_new(void)
{
    static _Thread_local locks l;
    l.a = wf_mutex_new("a");
    l.b = wf_mutex_new("b");
    l.gate = wf_mutex_new("gate");
    l.rw = wf_rwmutex_new("rw");
    l.c = wf_chan_new("done", 2);
    l.c1 = wf_chan_new("c1", 1);
    l.c2 = wf_chan_new("c2", 1);
    return &l;
}

/* ---- an inversion that cannot deadlock here, but is one ---------------- */

static void a_then_b(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->a); /* @ab-a */
    wf_mutex_lock(l->b); /* @ab-b */
    wf_mutex_unlock(l->b);
    wf_mutex_unlock(l->a);
    wf_chan_send(l->c, 1);
}

static void b_then_a(void *arg)
{
    locks *l = arg;
    wf_chan_recv(l->c, NULL); /* after a_then_b: never deadlocks */
    wf_mutex_lock(l->b);      /* @ba-b */
    wf_mutex_lock(l->a);      /* @ba-a */
    wf_mutex_unlock(l->a);
    wf_mutex_unlock(l->b);
}

static void inversion_ordered_by_a_channel(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_go(a_then_b, l, "first");
    wf_go(b_then_a, l, "second");
}

START_TEST(inversion_is_reported_with_both_sites_though_nothing_deadlocks)
{
    wf_result r;
    dfs(inversion_ordered_by_a_channel, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 1);
    ck_assert(!first(&r, WF_POTENTIAL_DEADLOCK)->error); /* a warning */
    ck_assert_str_eq(
        body(first(&r, WF_POTENTIAL_DEADLOCK)),
        WANT("potential-deadlock: lock order inversion: a -> b -> a\n"
             "  g1 first locks b at test_lockorder.c:%d while holding a "
             "(locked at test_lockorder.c:%d)\n"
             "  g2 second locks a at test_lockorder.c:%d while holding b "
             "(locked at test_lockorder.c:%d)\n"
             "  unconfirmed: no execution explored so far deadlocks on "
             "this cycle\n",
             line_of("@ab-b"), line_of("@ab-a"), line_of("@ba-a"),
             line_of("@ba-b")));
    wf_result_free(&r);
}
END_TEST

/* ---- one order per execution: the graph spans executions ---------------- */

static void order_by_choice(void *arg)
{
    locks *l = locks_new();
    wf_case cs[2] = {{l->c1, false, 0, 0, false}, {l->c2, false, 0, 0, false}};
    (void)arg;
    wf_chan_send(l->c1, 1);
    wf_chan_send(l->c2, 2);
    if (wf_select(cs, 2, false) == 0) { /* a choice of the schedule */
        wf_mutex_lock(l->a);            /* @ch-a1 */
        wf_mutex_lock(l->b);            /* @ch-b1 */
        wf_mutex_unlock(l->b);
        wf_mutex_unlock(l->a);
    } else {
        wf_mutex_lock(l->b); /* @ch-b2 */
        wf_mutex_lock(l->a); /* @ch-a2 */
        wf_mutex_unlock(l->a);
        wf_mutex_unlock(l->b);
    }
}

START_TEST(orders_seen_in_different_executions_form_a_cycle)
{
    wf_result r;
    dfs(order_by_choice, &r);
    ck_assert_int_eq(r.executions, 2);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 1);
    ck_assert_str_eq(
        body(first(&r, WF_POTENTIAL_DEADLOCK)),
        WANT("potential-deadlock: lock order inversion: a -> b -> a\n"
             "  main locks b at test_lockorder.c:%d while holding a (locked "
             "at test_lockorder.c:%d), in an earlier execution\n"
             "  main locks a at test_lockorder.c:%d while holding b (locked "
             "at test_lockorder.c:%d)\n"
             "  unconfirmed: no execution explored so far deadlocks on "
             "this cycle\n",
             line_of("@ch-b1"), line_of("@ch-a1"), line_of("@ch-a2"),
             line_of("@ch-b2")));
    wf_result_free(&r);
}
END_TEST

/* ---- RWMutex: a recursive read lock is a cycle of one ------------------ */

static void read_twice(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_rwmutex_rlock(l->rw); /* @rr-1 */
    wf_rwmutex_rlock(l->rw); /* @rr-2 */
    wf_rwmutex_runlock(l->rw);
    wf_rwmutex_runlock(l->rw);
}

START_TEST(recursive_read_lock_counts_as_go_would_deadlock_on_it)
{
    wf_result r;
    dfs(read_twice, &r);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 1);
    ck_assert_str_eq(
        body(first(&r, WF_POTENTIAL_DEADLOCK)),
        WANT("potential-deadlock: recursive read lock of rw\n"
             "  main read-locks rw at test_lockorder.c:%d while holding rw "
             "for reading (locked at test_lockorder.c:%d)\n"
             "  a Lock of rw between the two read-locks deadlocks: the "
             "writer waits for the first read lock, the second RLock waits "
             "behind the writer\n"
             "  unconfirmed: no execution explored so far deadlocks on "
             "this cycle\n",
             line_of("@rr-2"), line_of("@rr-1")));
    wf_result_free(&r);
}
END_TEST

/* ---- orders that cannot deadlock ---------------------------------------- */

static void gated_ab(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->gate);
    wf_mutex_lock(l->a);
    wf_mutex_lock(l->b);
    wf_mutex_unlock(l->b);
    wf_mutex_unlock(l->a);
    wf_mutex_unlock(l->gate);
}

static void gated_ba(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->gate);
    wf_mutex_lock(l->b);
    wf_mutex_lock(l->a);
    wf_mutex_unlock(l->a);
    wf_mutex_unlock(l->b);
    wf_mutex_unlock(l->gate);
}

static void gate_lock(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_go(gated_ab, l, "first");
    wf_go(gated_ba, l, "second");
}

static void try_a(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->b);
    if (wf_mutex_trylock(l->a)) /* never blocks: no edge b -> a */
        wf_mutex_unlock(l->a);
    wf_mutex_unlock(l->b);
}

static void trylock_inversion(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_go(a_then_b, l, "first");
    wf_go(try_a, l, "second");
}

static void same_order(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_go(a_then_b, l, "first");
    a_then_b(l);
    wf_chan_recv(l->c, NULL);
}

START_TEST(a_gate_lock_a_trylock_or_one_order_cannot_deadlock)
{
    wf_result r;
    dfs(gate_lock, &r);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
    dfs(trylock_inversion, &r);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
    dfs(same_order, &r);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

/* ---- a real deadlock on the cycle confirms it ---------------------------- */

static void ab_plain(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->a);
    wf_mutex_lock(l->b);
    wf_mutex_unlock(l->b);
    wf_mutex_unlock(l->a);
}

static void ba_plain(void *arg)
{
    locks *l = arg;
    wf_mutex_lock(l->b);
    wf_mutex_lock(l->a);
    wf_mutex_unlock(l->a);
    wf_mutex_unlock(l->b);
}

static void abba_main(void *arg)
{
    locks *l = locks_new();
    (void)arg;
    wf_go(ab_plain, l, "first");
    ba_plain(l);
}

START_TEST(a_deadlock_on_the_cycle_replaces_the_warning_or_confirms_it)
{
    wf_result r;
    dfs(abba_main, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 0);
    wf_result_free(&r);
    /* the same program run once (round robin: the orders do not
     * collide): the inversion is predicted, then the explorer steers to
     * the cycle and confirms it as a deadlock with a replayable schedule */
    {
        wf_options o = wf_options_default();
        wf_result rp;
        o.strategy = WF_STRATEGY_RR;
        wf_explore(abba_main, NULL, &o, &r);
        ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
        ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 0);
        ck_assert(strstr(body(first(&r, WF_DEADLOCK)), "circular wait:"));
        o.strategy = WF_STRATEGY_REPLAY;
        o.schedule = first(&r, WF_DEADLOCK)->schedule;
        wf_explore(abba_main, NULL, &o, &rp);
        ck_assert_int_eq(count(&rp, WF_DEADLOCK), 1);
        wf_result_free(&rp);
        wf_result_free(&r);
    }
}
END_TEST

/* The budget spent on the one execution that predicted the cycle, the
 * explorer still steers to it (a few executions past the budget). */
START_TEST(a_spent_budget_still_leaves_steering_its_few_tries)
{
    wf_options o = wf_options_default();
    wf_result r;
    o.strategy = WF_STRATEGY_RR;
    o.max_executions = 1;
    wf_explore(abba_main, NULL, &o, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 0);
    ck_assert_int_le(r.executions, 1 + 8);
    wf_result_free(&r);
}
END_TEST

START_TEST(an_infeasible_cycle_stays_an_unconfirmed_warning)
{
    wf_options o = wf_options_default();
    wf_result r;
    o.strategy = WF_STRATEGY_RR;
    wf_explore(inversion_ordered_by_a_channel, NULL, &o, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 1);
    wf_result_free(&r);
}
END_TEST

/* Locks of one name made at one site (forks in a loop) are still told
 * apart: ordered philosophers have no cycle. */
typedef struct same_site {
    wf_mutex *fork[4];
    int seat[4];
} same_site;

static void ordered_eat(void *arg)
{
    int *seat = arg;
    same_site *t = (same_site *)(void *)((char *)(seat - *seat) -
                                         offsetof(same_site, seat));
    int a = *seat, b = (*seat + 1) % 4;
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

static void ordered_same_names(void *arg)
{
    same_site *t = arena_alloc(&native_engine()->mem, sizeof *t);
    (void)arg;
    for (int i = 0; i < 4; i++) {
        t->fork[i] = wf_mutex_new("fork"); /* one name, one site */
        t->seat[i] = i;
    }
    for (int i = 0; i < 4; i++)
        wf_go(ordered_eat, &t->seat[i], "phil");
    wf_sleep(1);
}

START_TEST(locks_of_one_name_and_site_are_still_distinct)
{
    wf_result r;
    wf_options o = wf_options_default();
    wf_explore(ordered_same_names, NULL, &o, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    wf_result_free(&r);
}
END_TEST

Suite *lockorder_suite(void)
{
    Suite *s = suite_create("lockorder");
    TCase *tc = tcase_create("graph");
    tcase_set_timeout(tc, 60);
    tcase_add_test(
        tc, inversion_is_reported_with_both_sites_though_nothing_deadlocks);
    tcase_add_test(tc, orders_seen_in_different_executions_form_a_cycle);
    tcase_add_test(tc, recursive_read_lock_counts_as_go_would_deadlock_on_it);
    tcase_add_test(tc, a_gate_lock_a_trylock_or_one_order_cannot_deadlock);
    tcase_add_test(tc,
                   a_deadlock_on_the_cycle_replaces_the_warning_or_confirms_it);
    tcase_add_test(tc, a_spent_budget_still_leaves_steering_its_few_tries);
    tcase_add_test(tc, an_infeasible_cycle_stays_an_unconfirmed_warning);
    tcase_add_test(tc, locks_of_one_name_and_site_are_still_distinct);
    suite_add_tcase(s, tc);
    return s;
}

/* test_mutex.c: sync.Mutex (sim/mutex.c): exclusion, TryLock, the unlock
 * panic, --mutex free (the scheduler picks who gets a freed mutex) and
 * --mutex fifo (hand-off to the longest waiter). */
#include "wft.h"

#include "weft.h"

/* Over all executions. */
typedef struct tally {
    int inside, max_inside; /* tasks in the critical section */
    int count;              /* increments done this execution */
    int bad_count;          /* executions that lost an increment */
    int first[4];           /* who took the mutex first after the unlock */
    int order[4];
    int norder;
    bool flags[4];
} tally;

typedef struct ctx {
    wf_mutex *m;
    tally *t;
    int id;
} ctx;

static ctx *ctxs(tally *t, wf_mutex *m, int n)
{
    ctx *c = arena_alloc(&native_engine()->mem, (size_t)n * sizeof *c);
    for (int i = 0; i < n; i++) {
        c[i].m = m;
        c[i].t = t;
        c[i].id = i;
    }
    return c;
}

static void critical(void *arg)
{
    ctx *c = arg;
    wf_mutex_lock(c->m);
    c->t->inside++;
    if (c->t->inside > c->t->max_inside)
        c->t->max_inside = c->t->inside;
    wf_yield(); /* a scheduling point inside the critical section */
    c->t->count++;
    c->t->inside--;
    wf_mutex_unlock(c->m);
}

static void two_in_critical(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 2);
    t->count = 0;
    t->inside = 0;
    wf_go(critical, &c[0], "a");
    wf_go(critical, &c[1], "b");
    wf_sleep(1);
    if (t->count != 2)
        t->bad_count++;
}

START_TEST(lock_excludes_other_tasks_in_every_interleaving)
{
    tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(two_in_critical, &t, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert(r.complete);
    ck_assert_int_gt(r.executions, 2);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.max_inside, 1);
    ck_assert_int_eq(t.bad_count, 0);
    wf_result_free(&r);
}
END_TEST

static void unlock_unlocked(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    wf_mutex_unlock(m);
}

static void unlock_twice(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    wf_mutex_lock(m);
    wf_mutex_unlock(m);
    wf_mutex_unlock(m);
}

START_TEST(unlock_of_unlocked_mutex_is_a_fatal_error)
{
    wf_result r;
    ck_assert_int_eq(explore_with(unlock_unlocked, NULL, WF_STRATEGY_DFS, &r),
                     1);
    ck_assert_str_eq(only_message(&r),
                     "fatal error: sync: unlock of unlocked mutex");
    ck_assert_str_eq(r.findings[0].kind_name, "panic");
    ck_assert_int_eq(r.findings[0].step, 1);
    wf_result_free(&r);
    ck_assert_int_eq(explore_with(unlock_twice, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r),
                     "fatal error: sync: unlock of unlocked mutex");
    ck_assert_int_eq(r.findings[0].step, 3);
    wf_result_free(&r);
}
END_TEST

static void relock(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    wf_mutex_lock(m);
    wf_mutex_lock(m); /* Go's mutex is not reentrant */
}

START_TEST(locking_a_held_mutex_again_deadlocks)
{
    wf_result r;
    ck_assert_int_eq(explore_with(relock, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    wf_result_free(&r);
}
END_TEST

static void unlocker(void *arg)
{
    ctx *c = arg;
    wf_mutex_unlock(c->m);
    c->t->flags[1] = true;
}

static void unlock_by_other_task(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 1);
    wf_mutex_lock(c->m);
    wf_go(unlocker, c, "unlocker");
    wf_mutex_lock(c->m); /* the other task's unlock lets it in */
    t->flags[0] = true;
}

START_TEST(a_mutex_may_be_unlocked_by_another_task)
{
    tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(unlock_by_other_task, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert(t.flags[0] && t.flags[1]);
    wf_result_free(&r);
}
END_TEST

static void trylocks(void *arg)
{
    tally *t = arg;
    wf_mutex *m = wf_mutex_new("m");
    t->flags[0] = wf_mutex_trylock(m);  /* free: taken */
    t->flags[1] = !wf_mutex_trylock(m); /* held: refused, no block */
    wf_mutex_unlock(m);
    t->flags[2] = wf_mutex_trylock(m);
    wf_mutex_unlock(m);
}

START_TEST(trylock_takes_a_free_mutex_and_refuses_a_held_one)
{
    tally t = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_DFS);
    run_ r;
    const wf_event *a, *b;
    evlog_init(&l);
    r = run_explore(trylocks, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert(t.flags[0] && t.flags[1] && t.flags[2]);
    ck_assert_int_eq(evlog_count(&l, EV_TRYLOCK, 0), 3);
    ck_assert_int_eq(evlog_count(&l, EV_BLOCK, -1), 0);
    a = evlog_nth(&l, EV_TRYLOCK, 0);
    b = evlog_nth(&l, EV_TRYLOCK, 1);
    ck_assert_uint_eq(a->flags & EVF_FAILED, 0);
    ck_assert_uint_eq(b->flags & EVF_FAILED, EVF_FAILED);
    ck_assert_int_eq(b->peer, 0); /* the holder */
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void try_while_other_waits(void *arg)
{
    ctx *c = arg;
    wf_mutex_lock(c->m);
    c->t->order[c->t->norder++] = c->id;
    wf_mutex_unlock(c->m);
}

/* A TryLock that wins a freed mutex disables the waiting Lock again. */
static void trylock_races_lock(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 2);
    t->norder = 0;
    wf_mutex_lock(c->m);
    wf_go(try_while_other_waits, &c[1], "waiter");
    wf_sleep(1);
    wf_mutex_unlock(c->m);
    if (wf_mutex_trylock(c->m)) {
        t->order[t->norder++] = 0;
        wf_mutex_unlock(c->m);
    }
    wf_sleep(1);
    if (t->norder == 2)
        t->first[t->order[0]]++;
    else
        t->first[3]++;
}

START_TEST(a_trylock_can_win_a_freed_mutex_over_a_waiting_lock)
{
    tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(trylock_races_lock, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_gt(t.first[0], 0); /* trylock first */
    ck_assert_int_gt(t.first[1], 0); /* the waiter first */
    /* waiter first and trylock failing: norder 1 */
    ck_assert_int_gt(t.first[3], 0);
    wf_result_free(&r);
}
END_TEST

/* main holds m while g1 starts waiting; main unlocks and locks again at
 * once. Who gets m first? */
static void waiter_takes(void *arg)
{
    ctx *c = arg;
    wf_mutex_lock(c->m);
    c->t->order[c->t->norder++] = 1;
    wf_mutex_unlock(c->m);
}

static void unlock_then_relock(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 1);
    t->norder = 0;
    wf_mutex_lock(c->m);
    wf_go(waiter_takes, c, "waiter");
    wf_sleep(1); /* g1 is waiting in Lock */
    wf_mutex_unlock(c->m);
    wf_mutex_lock(c->m);
    t->order[t->norder++] = 0;
    wf_mutex_unlock(c->m);
    wf_sleep(1);
    t->first[t->order[0]]++;
}

START_TEST(mutex_free_lets_the_unlocker_barge_in_or_the_waiter_win)
{
    tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(unlock_then_relock, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_gt(t.first[0], 0);
    ck_assert_int_gt(t.first[1], 0);
    wf_result_free(&r);
}
END_TEST

START_TEST(mutex_fifo_hands_the_mutex_to_the_longest_waiter)
{
    tally t = {0};
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    o.mutex_fifo = true;
    ck_assert_int_eq(wf_explore(unlock_then_relock, &t, &o, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert(r.complete);
    ck_assert_int_gt(r.executions, 0);
    ck_assert_int_eq(t.first[0], 0);
    ck_assert_int_eq(t.first[1], (int)r.executions);
    /* the schedule says fifo, so a replay applies it */
    ck_assert_ptr_nonnull(strstr(r.outcomes[0].schedule, ".f-"));
    wf_result_free(&r);
}
END_TEST

/* Three waiters park in tid order (rr); fifo serves them in that order. */
static void three_waiters(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 4);
    t->norder = 0;
    wf_mutex_lock(c->m);
    for (int i = 1; i <= 3; i++)
        wf_go(try_while_other_waits, &c[i], "waiter");
    wf_sleep(1);
    wf_mutex_unlock(c->m);
    wf_mutex_lock(c->m); /* queued behind the three */
    t->order[t->norder++] = 0;
    wf_mutex_unlock(c->m);
}

START_TEST(mutex_fifo_serves_waiters_in_arrival_order)
{
    tally t = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *ev;
    o.mutex_fifo = true;
    evlog_init(&l);
    r = run_explore(three_waiters, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.norder, 4);
    ck_assert(t.order[0] == 1 && t.order[1] == 2 && t.order[2] == 3 &&
              t.order[3] == 0);
    /* main's unlock hands the mutex to g1: the lock event names main */
    ev = evlog_nth(&l, EV_LOCK, 1);
    ck_assert_int_eq(ev->tid, 1);
    ck_assert_int_eq(ev->peer, 0);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

START_TEST(mutex_free_lets_rr_keep_the_mutex_with_the_unlocker)
{
    tally t = {0};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r = run_explore(three_waiters, &t, &o, NULL);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.norder, 4);
    ck_assert_int_eq(t.order[0], 0); /* rr runs main on: it barges in */
    ck_assert(t.order[1] == 1 && t.order[2] == 2 && t.order[3] == 3);
    run_free(&r);
}
END_TEST

static void block_event(void *arg)
{
    tally *t = arg;
    ctx *c = ctxs(t, wf_mutex_new("m"), 1);
    wf_mutex_lock(c->m);
    wf_go(waiter_takes, c, "waiter");
    wf_sleep(1);
    wf_mutex_unlock(c->m);
}

START_TEST(a_lock_of_a_held_mutex_emits_block_naming_the_holder)
{
    tally t = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *b;
    evlog_init(&l);
    r = run_explore(block_event, &t, &o, &l);
    b = evlog_nth(&l, EV_BLOCK, 0);
    ck_assert_ptr_nonnull(b);
    ck_assert_int_eq(b->tid, 1);
    ck_assert_int_eq(b->oid, 0);
    ck_assert_int_eq(b->peer, 0);
    ck_assert_int_eq(evlog_count(&l, EV_LOCK, 1), 1);
    ck_assert_int_eq(evlog_count(&l, EV_UNLOCK, -1), 2);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

/* Two locks in opposite orders: the deadlock is reachable. */
typedef struct ab {
    wf_mutex *a, *b;
} ab;

static void lock_ba(void *arg)
{
    ab *p = arg;
    wf_mutex_lock(p->b);
    wf_mutex_lock(p->a);
    wf_mutex_unlock(p->a);
    wf_mutex_unlock(p->b);
}

static void ab_ba(void *arg)
{
    ab *p = arena_alloc(&native_engine()->mem, sizeof *p);
    (void)arg;
    p->a = wf_mutex_new("a");
    p->b = wf_mutex_new("b");
    wf_go(lock_ba, p, "ba");
    wf_mutex_lock(p->a);
    wf_mutex_lock(p->b);
    wf_mutex_unlock(p->b);
    wf_mutex_unlock(p->a);
    wf_sleep(1);
}

START_TEST(opposite_lock_orders_deadlock_in_some_interleaving)
{
    wf_result r;
    ck_assert_int_eq(explore_with(ab_ba, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(r.findings[0].kind_name, "deadlock");
    ck_assert_int_lt(r.findings[0].count, r.executions);
    wf_result_free(&r);
}
END_TEST

Suite *mutex_suite(void)
{
    Suite *s = suite_create("mutex");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, lock_excludes_other_tasks_in_every_interleaving);
    tcase_add_test(t, locking_a_held_mutex_again_deadlocks);
    tcase_add_test(t, a_mutex_may_be_unlocked_by_another_task);
    tcase_add_test(t, a_lock_of_a_held_mutex_emits_block_naming_the_holder);
    tcase_add_test(t, opposite_lock_orders_deadlock_in_some_interleaving);
    suite_add_tcase(s, t);
    t = tcase_create("panics");
    tcase_add_test(t, unlock_of_unlocked_mutex_is_a_fatal_error);
    suite_add_tcase(s, t);
    t = tcase_create("trylock");
    tcase_add_test(t, trylock_takes_a_free_mutex_and_refuses_a_held_one);
    tcase_add_test(t, a_trylock_can_win_a_freed_mutex_over_a_waiting_lock);
    suite_add_tcase(s, t);
    t = tcase_create("free-and-fifo");
    tcase_add_test(t, mutex_free_lets_the_unlocker_barge_in_or_the_waiter_win);
    tcase_add_test(t, mutex_fifo_hands_the_mutex_to_the_longest_waiter);
    tcase_add_test(t, mutex_fifo_serves_waiters_in_arrival_order);
    tcase_add_test(t, mutex_free_lets_rr_keep_the_mutex_with_the_unlocker);
    suite_add_tcase(s, t);
    return s;
}

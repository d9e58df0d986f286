/* test_rwmutex.c: sync.RWMutex (sim/rwmutex.c): shared readers, exclusive
 * writers, a pending writer blocking new readers, the two fatal errors. */
#include "wft.h"

#include "weft.h"

typedef struct rw_tally {
    int readers, writers;    /* inside now */
    int max_readers;         /* over all executions */
    int overlap;             /* a writer with anyone else inside */
    int order[8];
    int norder;
    int bad; /* executions with another order than expected */
} rw_tally;

typedef struct rw_ctx {
    wf_rwmutex *m;
    rw_tally *t;
    int id;
} rw_ctx;

static rw_ctx *rw_ctxs(rw_tally *t, wf_rwmutex *m, int n)
{
    rw_ctx *c = arena_alloc(&native_engine()->mem, (size_t)n * sizeof *c);
    for (int i = 0; i < n; i++) {
        c[i].m = m;
        c[i].t = t;
        c[i].id = i;
    }
    return c;
}

static void reader(void *arg)
{
    rw_ctx *c = arg;
    wf_rwmutex_rlock(c->m);
    c->t->readers++;
    if (c->t->readers > c->t->max_readers)
        c->t->max_readers = c->t->readers;
    if (c->t->writers)
        c->t->overlap++;
    c->t->order[c->t->norder++] = c->id;
    wf_yield();
    c->t->readers--;
    wf_rwmutex_runlock(c->m);
}

static void writer(void *arg)
{
    rw_ctx *c = arg;
    wf_rwmutex_lock(c->m);
    c->t->writers++;
    if (c->t->writers > 1 || c->t->readers)
        c->t->overlap++;
    c->t->order[c->t->norder++] = c->id;
    wf_yield();
    c->t->writers--;
    wf_rwmutex_unlock(c->m);
}

static void two_readers_one_writer(void *arg)
{
    rw_tally *t = arg;
    rw_ctx *c = rw_ctxs(t, wf_rwmutex_new("rw"), 3);
    t->readers = t->writers = t->norder = 0;
    wf_go(reader, &c[0], "r");
    wf_go(reader, &c[1], "r");
    wf_go(writer, &c[2], "w");
}

START_TEST(readers_share_and_a_writer_excludes_everyone)
{
    rw_tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(two_readers_one_writer, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(t.max_readers, 2); /* both readers inside at once */
    ck_assert_int_eq(t.overlap, 0);
    wf_result_free(&r);
}
END_TEST

static void two_writers(void *arg)
{
    rw_tally *t = arg;
    rw_ctx *c = rw_ctxs(t, wf_rwmutex_new("rw"), 2);
    t->readers = t->writers = t->norder = 0;
    wf_go(writer, &c[0], "w");
    wf_go(writer, &c[1], "w");
}

START_TEST(writers_exclude_each_other)
{
    rw_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(two_writers, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_gt(r.executions, 1);
    ck_assert_int_eq(t.overlap, 0);
    wf_result_free(&r);
}
END_TEST

/* g1 reads; g2's Lock waits for g1; then g3's RLock must wait for g2,
 * although only a reader is inside (Go: a blocked Lock call excludes new
 * readers). rr makes the order exact. */
static void writer_pending(void *arg)
{
    rw_tally *t = arg;
    rw_ctx *c = rw_ctxs(t, wf_rwmutex_new("rw"), 4);
    t->norder = 0;
    wf_rwmutex_rlock(c->m); /* main reads */
    t->order[t->norder++] = 0;
    wf_go(writer, &c[1], "w");
    wf_sleep(1); /* g1's Lock takes the writer slot, waits for main */
    wf_go(reader, &c[2], "r");
    wf_sleep(1); /* g2's RLock blocks behind the pending writer */
    t->order[t->norder++] = 9;
    wf_rwmutex_runlock(c->m);
    wf_sleep(1);
}

START_TEST(a_pending_writer_blocks_new_readers)
{
    rw_tally t = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(writer_pending, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.norder, 4);
    /* main reads, main leaves, the writer, then the new reader */
    ck_assert(t.order[0] == 0 && t.order[1] == 9 && t.order[2] == 1 &&
              t.order[3] == 2);
    /* g1 blocked waiting for the reader (main), g2 behind the writer */
    ck_assert_int_eq(evlog_nth(&l, EV_BLOCK, 0)->tid, 1);
    ck_assert_int_eq(evlog_nth(&l, EV_BLOCK, 0)->peer, 0);
    ck_assert_int_eq(evlog_nth(&l, EV_BLOCK, 1)->tid, 2);
    ck_assert_int_eq(evlog_nth(&l, EV_BLOCK, 1)->peer, 1);
    /* the last reader out hands the lock to the writer */
    ck_assert_int_eq(evlog_nth(&l, EV_LOCK, 0)->tid, 1);
    ck_assert_int_eq(evlog_nth(&l, EV_LOCK, 0)->peer, 0);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void lock_writer(void *arg)
{
    rw_ctx *c = arg;
    wf_rwmutex_lock(c->m);
    wf_rwmutex_unlock(c->m);
}

static void recursive_rlock(void *arg)
{
    rw_tally *t = arg;
    rw_ctx *c = rw_ctxs(t, wf_rwmutex_new("rw"), 1);
    wf_rwmutex_rlock(c->m);
    wf_go(lock_writer, c, "w");
    wf_sleep(1);            /* the writer is waiting for main's read lock */
    wf_rwmutex_rlock(c->m); /* recursive read lock: blocks behind it */
    wf_rwmutex_runlock(c->m);
    wf_rwmutex_runlock(c->m);
}

START_TEST(a_recursive_rlock_with_a_writer_waiting_deadlocks)
{
    rw_tally t = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(recursive_rlock, &t, WF_STRATEGY_DFS, &r),
                     1);
    ck_assert(r.complete);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(r.findings[0].count, r.executions); /* always */
    wf_result_free(&r);
}
END_TEST

/* Readers parked behind a writer get in before the next writer. */
static void readers_before_next_writer(void *arg)
{
    rw_tally *t = arg;
    rw_ctx *c = rw_ctxs(t, wf_rwmutex_new("rw"), 3);
    t->norder = 0;
    wf_rwmutex_lock(c->m);
    wf_go(reader, &c[1], "r"); /* parks behind main's write lock */
    wf_sleep(1);
    wf_go(writer, &c[2], "w"); /* waits for the writer slot */
    wf_sleep(1);
    t->order[t->norder++] = 0;
    wf_rwmutex_unlock(c->m);
    wf_sleep(1);
    if (t->norder != 3 || t->order[0] != 0 || t->order[1] != 1 ||
        t->order[2] != 2)
        t->bad++;
}

START_TEST(unlock_admits_parked_readers_before_the_next_writer)
{
    rw_tally t = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(readers_before_next_writer, &t, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_gt(r.executions, 1);
    ck_assert_int_eq(t.bad, 0); /* main, the reader, then the writer */
    ck_assert_int_eq(t.overlap, 0);
    wf_result_free(&r);
}
END_TEST

static void rw_unlock_unlocked(void *arg)
{
    (void)arg;
    wf_rwmutex_unlock(wf_rwmutex_new("rw"));
}

static void rw_unlock_while_reading(void *arg)
{
    wf_rwmutex *m = wf_rwmutex_new("rw");
    (void)arg;
    wf_rwmutex_rlock(m);
    wf_rwmutex_unlock(m);
}

static void rw_runlock_unlocked(void *arg)
{
    (void)arg;
    wf_rwmutex_runlock(wf_rwmutex_new("rw"));
}

static void rw_runlock_while_writing(void *arg)
{
    wf_rwmutex *m = wf_rwmutex_new("rw");
    (void)arg;
    wf_rwmutex_lock(m);
    wf_rwmutex_runlock(m);
}

START_TEST(unlock_and_runlock_of_unlocked_rwmutex_are_fatal_errors)
{
    static void (*const unlocks[])(void *) = {rw_unlock_unlocked,
                                              rw_unlock_while_reading};
    static void (*const runlocks[])(void *) = {rw_runlock_unlocked,
                                               rw_runlock_while_writing};
    wf_result r;
    for (int i = 0; i < 2; i++) {
        ck_assert_int_eq(explore_with(unlocks[i], NULL, WF_STRATEGY_DFS, &r),
                         1);
        ck_assert_str_eq(only_message(&r),
                         "fatal error: sync: Unlock of unlocked RWMutex");
        ck_assert_int_eq(r.findings[0].step, i + 1);
        wf_result_free(&r);
        ck_assert_int_eq(
            explore_with(runlocks[i], NULL, WF_STRATEGY_DFS, &r), 1);
        ck_assert_str_eq(only_message(&r),
                         "fatal error: sync: RUnlock of unlocked RWMutex");
        wf_result_free(&r);
    }
}
END_TEST

START_TEST(rwmutex_fifo_hands_the_write_lock_to_the_longest_waiter)
{
    rw_tally t = {0};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    o.mutex_fifo = true;
    r = run_explore(readers_before_next_writer, &t, &o, NULL);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(t.norder, 3);
    ck_assert_int_eq(t.bad, 0);
    ck_assert_int_eq(t.overlap, 0);
    run_free(&r);
}
END_TEST

Suite *rwmutex_suite(void)
{
    Suite *s = suite_create("rwmutex");
    TCase *t = tcase_create("semantics");
    tcase_add_test(t, readers_share_and_a_writer_excludes_everyone);
    tcase_add_test(t, writers_exclude_each_other);
    tcase_add_test(t, a_pending_writer_blocks_new_readers);
    tcase_add_test(t, a_recursive_rlock_with_a_writer_waiting_deadlocks);
    tcase_add_test(t, unlock_admits_parked_readers_before_the_next_writer);
    tcase_add_test(t, rwmutex_fifo_hands_the_write_lock_to_the_longest_waiter);
    suite_add_tcase(s, t);
    t = tcase_create("panics");
    tcase_add_test(t, unlock_and_runlock_of_unlocked_rwmutex_are_fatal_errors);
    suite_add_tcase(s, t);
    return s;
}

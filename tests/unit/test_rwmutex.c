/* test_rwmutex.c: sync.RWMutex (sim/rwmutex.c): shared readers, exclusive
 * writers, a pending writer blocking new readers, the two fatal errors,
 * TryLock and TryRLock. */
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

/* ---- TryLock and TryRLock (sync/rwmutex.go, Go 1.18) ------------------ */

typedef struct try_flags {
    bool f[8];
} try_flags;

static void tries(void *arg)
{
    try_flags *t = arg;
    rw_ctx *c = rw_ctxs(NULL, wf_rwmutex_new("rw"), 1);
    t->f[0] = wf_rwmutex_trylock(c->m);   /* free: taken */
    t->f[1] = !wf_rwmutex_tryrlock(c->m); /* write-held: refused */
    t->f[2] = !wf_rwmutex_trylock(c->m);
    wf_rwmutex_unlock(c->m);
    t->f[3] = wf_rwmutex_tryrlock(c->m);  /* readers share */
    t->f[4] = wf_rwmutex_tryrlock(c->m);
    t->f[5] = !wf_rwmutex_trylock(c->m);  /* read-held: refused */
    wf_go(lock_writer, c, "w");
    wf_sleep(1); /* g1's Lock holds the writer slot, waits for main */
    t->f[6] = !wf_rwmutex_tryrlock(c->m); /* readerCount < 0: refused */
    wf_rwmutex_runlock(c->m);
    wf_rwmutex_runlock(c->m);
    wf_sleep(1); /* g1 locks and unlocks */
    t->f[7] = wf_rwmutex_trylock(c->m);
    wf_rwmutex_unlock(c->m);
}

START_TEST(trylock_and_tryrlock_never_block_and_refuse_as_go_does)
{
    try_flags t = {{0}};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(tries, &t, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    for (int i = 0; i < 8; i++)
        ck_assert_msg(t.f[i], "try %d", i);
    ck_assert_int_eq(evlog_count(&l, EV_BLOCK, 0), 0); /* main never waits */
    ck_assert_int_eq(evlog_count(&l, EV_TRYLOCK, 0), 4);
    ck_assert_int_eq(evlog_count(&l, EV_TRYRLOCK, 0), 4);
    ck_assert_uint_eq(evlog_nth(&l, EV_TRYLOCK, 0)->flags & EVF_FAILED, 0);
    ck_assert_uint_eq(evlog_nth(&l, EV_TRYLOCK, 1)->flags & EVF_FAILED,
                      EVF_FAILED);
    /* refused: named after the writer that shuts it out */
    ck_assert_int_eq(evlog_nth(&l, EV_TRYRLOCK, 0)->peer, 0);
    ck_assert_uint_eq(evlog_nth(&l, EV_TRYRLOCK, 1)->flags & EVF_FAILED, 0);
    ck_assert_uint_eq(evlog_nth(&l, EV_TRYRLOCK, 3)->flags & EVF_FAILED,
                      EVF_FAILED);
    ck_assert_int_eq(evlog_nth(&l, EV_TRYRLOCK, 3)->peer, 1);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

/* Tries against each other and against Lock/RLock: what succeeds is
 * exclusive; every outcome (bit k: task k got in) is reached. */
typedef struct try_tally {
    rw_tally t;
    int got;           /* this execution's outcome */
    bool seen[16];     /* over all executions */
} try_tally;

typedef struct try_ctx {
    wf_rwmutex *m;
    try_tally *t;
    int id;
} try_ctx;

static void inside(try_tally *t, int id, bool write)
{
    int *n = write ? &t->t.writers : &t->t.readers;
    t->got |= 1 << id;
    if (write ? t->t.readers || t->t.writers : t->t.writers)
        t->t.overlap++;
    (*n)++;
    wf_yield();
    (*n)--;
}

static void try_writer(void *arg)
{
    try_ctx *c = arg;
    if (wf_rwmutex_trylock(c->m)) {
        inside(c->t, c->id, true);
        wf_rwmutex_unlock(c->m);
    }
}

static void try_reader(void *arg)
{
    try_ctx *c = arg;
    if (wf_rwmutex_tryrlock(c->m)) {
        inside(c->t, c->id, false);
        wf_rwmutex_runlock(c->m);
    }
}

static void plain_writer(void *arg)
{
    try_ctx *c = arg;
    wf_rwmutex_lock(c->m);
    inside(c->t, c->id, true);
    wf_rwmutex_unlock(c->m);
}

/* Tasks of fn[0..n) on one RWMutex; the outcome noted when all are done. */
static void run_tasks(try_tally *t, void (*const *fn)(void *), int n)
{
    try_ctx *c = arena_alloc(&native_engine()->mem, 4 * sizeof *c);
    wf_rwmutex *m = wf_rwmutex_new("rw");
    t->got = 0;
    t->t.readers = t->t.writers = 0;
    for (int i = 0; i < n; i++) {
        c[i].m = m;
        c[i].t = t;
        c[i].id = i;
        wf_go(fn[i], &c[i], "g");
    }
    wf_sleep(1);
    t->seen[t->got] = true;
}

static void tries_against_locks(void *arg)
{
    static void (*const fn[3])(void *) = {try_writer, try_reader,
                                          plain_writer};
    run_tasks(arg, fn, 3);
}

/* A TryRLock between a Lock and its Unlock fails: that order too. */
static void try_against_a_writer(void *arg)
{
    static void (*const fn[2])(void *) = {try_reader, plain_writer};
    run_tasks(arg, fn, 2);
}

static void try_against_a_reader(void *arg)
{
    static void (*const fn[2])(void *) = {try_writer, try_reader};
    run_tasks(arg, fn, 2);
}

/* The outcomes of fn explored exhaustively, and with the reduction:
 * the same ones, and never an overlap. Returns how many. */
static int same_outcomes(void (*fn)(void *), try_tally *dfs)
{
    try_tally red;
    wf_result r;
    int n = 0;
    memset(dfs, 0, sizeof *dfs);
    memset(&red, 0, sizeof red);
    ck_assert_int_eq(explore_with(fn, dfs, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    wf_result_free(&r);
    ck_assert_int_eq(explore_with(fn, &red, WF_STRATEGY_DPOR, &r), 0);
    ck_assert(r.complete);
    wf_result_free(&r);
    ck_assert_int_eq(dfs->t.overlap + red.t.overlap, 0);
    for (int k = 0; k < 16; k++) {
        ck_assert_msg(dfs->seen[k] == red.seen[k], "outcome %d", k);
        n += dfs->seen[k];
    }
    return n;
}

START_TEST(tries_exclude_as_locks_do_and_dpor_keeps_every_outcome)
{
    try_tally dfs;
    int n;
    /* the reader gets in or not (1), the writer always (2) */
    ck_assert_int_eq(same_outcomes(try_against_a_writer, &dfs), 2);
    ck_assert(dfs.seen[2] && dfs.seen[2 | 1]);
    /* either, or both when the reader is out before the writer tries */
    ck_assert_int_eq(same_outcomes(try_against_a_reader, &dfs), 3);
    ck_assert(dfs.seen[1] && dfs.seen[2] && dfs.seen[1 | 2]);
    n = same_outcomes(tries_against_locks, &dfs);
    /* the plain writer always gets in (4), alone, after the reader, or
     * after the trying writer */
    ck_assert(dfs.seen[4] && dfs.seen[4 | 2] && dfs.seen[4 | 1]);
    ck_assert_int_gt(n, 3);
}
END_TEST

/* A successful TryRLock acquires what the Unlock before it released; a
 * failed one nothing: the read it does not guard races. */
typedef struct try_race {
    wf_rwmutex *m;
    wf_var *x;
    bool ignore; /* read x whatever TryRLock says */
} try_race;

static void try_read_x(void *arg)
{
    try_race *c = arg;
    bool ok = wf_rwmutex_tryrlock(c->m);
    if (ok || c->ignore)
        wf_read(c->x);
    if (ok)
        wf_rwmutex_runlock(c->m);
}

static void try_write_x(void *arg)
{
    try_race *c = arg;
    if (wf_rwmutex_trylock(c->m)) {
        wf_write(c->x, 1);
        wf_rwmutex_unlock(c->m);
    }
}

static void writes_then_tries(void *arg)
{
    try_race *c = arena_alloc(&native_engine()->mem, sizeof *c);
    c->m = wf_rwmutex_new("rw");
    c->x = wf_var_new("x", 0);
    c->ignore = arg != NULL;
    wf_go(try_read_x, c, "reader");
    wf_go(try_write_x, c, "writer");
}

static size_t races(const wf_result *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->nfindings; i++)
        n += r->findings[i].kind == WF_RACE;
    return n;
}

START_TEST(a_try_that_succeeds_orders_accesses_and_one_that_fails_does_not)
{
    static int ignore = 1;
    wf_result r;
    ck_assert_int_eq(explore_with(writes_then_tries, NULL, WF_STRATEGY_DFS,
                                  &r),
                     0);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
    explore_with(writes_then_tries, &ignore, WF_STRATEGY_DFS, &r);
    ck_assert_uint_eq(races(&r), 1);
    wf_result_free(&r);
}
END_TEST

/* A try cannot block, so it adds no lock-order edge: b then a tried is
 * no inversion of a then b (a plain RLock of a would be). */
typedef struct two_rw {
    wf_rwmutex *a, *b;
    int how; /* 0 TryLock a, 1 TryRLock a, 2 RLock a */
} two_rw;

static void rw_a_then_b(void *arg)
{
    two_rw *l = arg;
    wf_rwmutex_lock(l->a);
    wf_rwmutex_lock(l->b);
    wf_rwmutex_unlock(l->b);
    wf_rwmutex_unlock(l->a);
}

static void rw_b_then_try_a(void *arg)
{
    two_rw *l = arg;
    wf_rwmutex_lock(l->b);
    if (l->how == 0 && wf_rwmutex_trylock(l->a))
        wf_rwmutex_unlock(l->a);
    if (l->how == 1 && wf_rwmutex_tryrlock(l->a))
        wf_rwmutex_runlock(l->a);
    if (l->how == 2) {
        wf_rwmutex_rlock(l->a);
        wf_rwmutex_runlock(l->a);
    }
    wf_rwmutex_unlock(l->b);
}

static void try_inversion(void *arg)
{
    two_rw *l = arena_alloc(&native_engine()->mem, sizeof *l);
    l->a = wf_rwmutex_new("a");
    l->b = wf_rwmutex_new("b");
    l->how = *(int *)arg;
    wf_go(rw_a_then_b, l, "first");
    wf_go(rw_b_then_try_a, l, "second");
}

START_TEST(a_try_adds_no_lock_order_edge)
{
    wf_result r;
    for (int how = 0; how < 3; how++) {
        explore_with(try_inversion, &how, WF_STRATEGY_DFS, &r);
        ck_assert_msg((r.nfindings > 0) == (how == 2), "how %d: %zu", how,
                      r.nfindings);
        wf_result_free(&r);
    }
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
    t = tcase_create("tries");
    tcase_add_test(t, trylock_and_tryrlock_never_block_and_refuse_as_go_does);
    tcase_add_test(t, tries_exclude_as_locks_do_and_dpor_keeps_every_outcome);
    tcase_add_test(t,
                   a_try_that_succeeds_orders_accesses_and_one_that_fails_does_not);
    tcase_add_test(t, a_try_adds_no_lock_order_edge);
    suite_add_tcase(s, t);
    t = tcase_create("panics");
    tcase_add_test(t, unlock_and_runlock_of_unlocked_rwmutex_are_fatal_errors);
    suite_add_tcase(s, t);
    return s;
}

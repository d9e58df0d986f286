/* test_deadlock.c: deadlocks and their Coffman reports (SPEC section 3):
 * each shape with its evidence, no finding on the correct counterparts,
 * and a partial deadlock reported while main still runs. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checker/checkers.h"
#include "checker/report.h"
#include "sim/engine.h"
#include "sim/native.h"
#include "sim/weft.h"

static void explore(void (*scenario)(void *), wf_strategy_kind k, int64_t max,
                    wf_result *r)
{
    wf_options o = wf_options_default();
    o.strategy = k;
    o.max_executions = max;
    o.seed = 1;
    wf_explore(scenario, NULL, &o, r);
    ck_assert_msg(r->error == NULL, "%s", r->error ? r->error : "");
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

/* The report without its replay line (it carries a build-dependent
 * program hash), and with the lines of this file's sites as L
 * ("test_deadlock.c:L"), so that editing the file keeps the expected
 * reports; source_sites_name_the_lines checks real lines. */
static const char *body(const wf_finding *f)
{
    static char b[8192];
    const char *rp = strstr(f->report, "  replay: ");
    size_t n = rp ? (size_t)(rp - f->report) : strlen(f->report), k = 0;
    const char *tag = "test_deadlock.c:";
    ck_assert(n < sizeof b);
    for (size_t i = 0; i < n;) {
        if (!strncmp(f->report + i, tag, strlen(tag))) {
            memcpy(b + k, tag, strlen(tag));
            k += strlen(tag);
            i += strlen(tag);
            b[k++] = 'L';
            while (i < n && f->report[i] >= '0' && f->report[i] <= '9')
                i++;
            continue;
        }
        b[k++] = f->report[i++];
    }
    b[k] = 0;
    return b;
}

/* State shared by a scenario's tasks. It outlives main, which may return
 * before the tasks it shares it with, so it is not on main's stack; each
 * execution sets it afresh. */
typedef struct table {
    wf_mutex *fork[5];
    wf_chan *a, *b, *waiter;
    wf_rwmutex *rw;
    wf_cond *c;
    wf_mutex *m;
    wf_atomic *ready;
    wf_waitgroup *wg;
    int n;
} table;

static table *table_new(int n)
{
    static _Thread_local table t;
    char name[32];
    memset(&t, 0, sizeof t);
    t.n = n;
    for (int i = 0; i < n; i++) {
        snprintf(name, sizeof name, "forks[%d]", i);
        t.fork[i] = wf_mutex_new(name);
    }
    t.wg = wf_waitgroup_new("wg");
    return &t;
}

typedef struct seat {
    table *t;
    int i;
} seat;

static seat *seats(table *t)
{
    static _Thread_local seat s[5];
    for (int i = 0; i < t->n; i++) {
        s[i].t = t;
        s[i].i = i;
    }
    return s;
}

/* ---- mutexes --------------------------------------------------------------
 */

static void take_two(wf_mutex *first_, wf_mutex *second)
{
    wf_mutex_lock(first_);
    wf_mutex_lock(second);
    wf_mutex_unlock(second);
    wf_mutex_unlock(first_);
}

static void ab(void *arg)
{
    table *t = arg;
    take_two(t->fork[0], t->fork[1]);
    wf_waitgroup_done(t->wg);
}

static void ba(void *arg)
{
    table *t = arg;
    take_two(t->fork[1], t->fork[0]);
    wf_waitgroup_done(t->wg);
}

static void abba(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->fork[0] = wf_mutex_new("a");
    t->fork[1] = wf_mutex_new("b");
    wf_waitgroup_add(t->wg, 2);
    wf_go(ab, t, "worker");
    wf_go(ba, t, "worker");
    wf_waitgroup_wait(t->wg);
}

static void abba_unnamed(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->fork[0] = wf_mutex_new(NULL);
    t->fork[1] = wf_mutex_new(NULL);
    wf_waitgroup_add(t->wg, 2);
    wf_go(ab, t, NULL);
    wf_go(ba, t, NULL);
    wf_waitgroup_wait(t->wg);
}

static void phil_naive(void *arg)
{
    seat *s = arg;
    take_two(s->t->fork[s->i], s->t->fork[(s->i + 1) % s->t->n]);
    wf_waitgroup_done(s->t->wg);
}

static void phil_ordered(void *arg)
{
    seat *s = arg;
    int l = s->i, r = (s->i + 1) % s->t->n;
    take_two(s->t->fork[l < r ? l : r], s->t->fork[l < r ? r : l]);
    wf_waitgroup_done(s->t->wg);
}

/* The waiter lets at most n-1 philosophers sit (a semaphore made of a
 * buffered channel: send to sit down, receive to leave). */
static void phil_waiter(void *arg)
{
    seat *s = arg;
    wf_chan_send(s->t->waiter, 1);
    take_two(s->t->fork[s->i], s->t->fork[(s->i + 1) % s->t->n]);
    wf_chan_recv(s->t->waiter, NULL);
    wf_waitgroup_done(s->t->wg);
}

static void dine(void (*phil)(void *))
{
    table *t = table_new(5);
    seat *s = seats(t);
    t->waiter = wf_chan_new("waiter", 4);
    wf_waitgroup_add(t->wg, 5);
    for (int i = 0; i < 5; i++)
        wf_go(phil, &s[i], "phil");
    wf_waitgroup_wait(t->wg);
}

static void philosophers_naive(void *arg)
{
    (void)arg;
    dine(phil_naive);
}

static void philosophers_ordered(void *arg)
{
    (void)arg;
    dine(phil_ordered);
}

static void philosophers_waiter(void *arg)
{
    (void)arg;
    dine(phil_waiter);
}

/* ---- channels -------------------------------------------------------------
 */

static void ping(void *arg)
{
    table *t = arg;
    wf_chan_send(t->a, 1);
    wf_chan_recv(t->b, NULL);
    wf_waitgroup_done(t->wg);
}

static void pong(void *arg)
{
    table *t = arg;
    wf_chan_send(t->b, 1);
    wf_chan_recv(t->a, NULL);
    wf_waitgroup_done(t->wg);
}

static void channel_cycle(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->a = wf_chan_new("a", 0);
    t->b = wf_chan_new("b", 0);
    wf_waitgroup_add(t->wg, 2);
    wf_go(ping, t, "ping");
    wf_go(pong, t, "pong");
    wf_waitgroup_wait(t->wg);
}

static void produce(void *arg)
{
    table *t = arg;
    for (int i = 0; i < 3; i++)
        wf_chan_send(t->a, i);
}

static void produce_and_close(void *arg)
{
    table *t = arg;
    produce(t);
    wf_chan_close(t->a);
}

/* for v := range c { ... } */
static void drain(void (*producer)(void *))
{
    table *t = table_new(0);
    bool ok = true;
    t->a = wf_chan_new("results", 3);
    wf_go(producer, t, "producer");
    while (wf_chan_recv(t->a, &ok), ok)
        wf_yield();
}

static void range_unclosed(void *arg)
{
    (void)arg;
    drain(produce);
}

static void range_closed(void *arg)
{
    (void)arg;
    drain(produce_and_close);
}

static void client(void *arg)
{
    table *t = arg;
    wf_chan_send(t->a, 1);
    wf_chan_recv(t->b, NULL);
    wf_waitgroup_done(t->wg);
}

static void server(void *arg)
{
    table *t = arg;
    for (int i = 0; i < 2; i++) {
        intptr_t v = wf_chan_recv(t->a, NULL);
        wf_chan_send(t->b, v);
    }
}

/* Two clients share one request and one response channel (unbuffered). */
static void shared_req_resp(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->a = wf_chan_new("req", 0);
    t->b = wf_chan_new("resp", 0);
    wf_waitgroup_add(t->wg, 2);
    wf_go(server, t, "server");
    wf_go(client, t, "client");
    wf_go(client, t, "client");
    wf_waitgroup_wait(t->wg);
}

/* ---- RWMutex, cond, wait group -------------------------------------- */

static void reader_twice(void *arg)
{
    table *t = arg;
    wf_rwmutex_rlock(t->rw);
    wf_rwmutex_rlock(t->rw); /* recursive: a writer may come between */
    wf_rwmutex_runlock(t->rw);
    wf_rwmutex_runlock(t->rw);
    wf_waitgroup_done(t->wg);
}

static void writer(void *arg)
{
    table *t = arg;
    wf_rwmutex_lock(t->rw);
    wf_rwmutex_unlock(t->rw);
    wf_waitgroup_done(t->wg);
}

static void rw_recursive_read(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->rw = wf_rwmutex_new("rw");
    wf_waitgroup_add(t->wg, 2);
    wf_go(reader_twice, t, "reader");
    wf_go(writer, t, "writer");
    wf_waitgroup_wait(t->wg);
}

/* A cache that upgrades its read lock on a miss (RLock, then Lock while
 * still holding it): the upgrader waits for itself. A plain reader may
 * finish first or queue behind the pending write: two blocked sets, one
 * bug. */
static void upgrader(void *arg)
{
    table *t = arg;
    wf_rwmutex_rlock(t->rw);
    wf_rwmutex_lock(t->rw); /* still read-holding it */
    wf_rwmutex_unlock(t->rw);
    wf_rwmutex_runlock(t->rw);
    wf_waitgroup_done(t->wg);
}

static void plain_reader(void *arg)
{
    table *t = arg;
    wf_rwmutex_rlock(t->rw);
    wf_rwmutex_runlock(t->rw);
    wf_waitgroup_done(t->wg);
}

static void rw_upgrade(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    t->rw = wf_rwmutex_new("rw");
    wf_waitgroup_add(t->wg, 2);
    wf_go(plain_reader, t, "reader");
    wf_go(upgrader, t, "upgrader");
    wf_waitgroup_wait(t->wg);
}

/* The flag is checked outside the lock: the signal can come between the
 * check and the Wait, and is lost. */
static void waiter_lost(void *arg)
{
    table *t = arg;
    if (!wf_atomic_load(t->ready)) {
        wf_mutex_lock(t->m);
        wf_cond_wait(t->c);
        wf_mutex_unlock(t->m);
    }
    wf_waitgroup_done(t->wg);
}

static void waiter_ok(void *arg)
{
    table *t = arg;
    wf_mutex_lock(t->m);
    while (!wf_atomic_load(t->ready))
        wf_cond_wait(t->c);
    wf_mutex_unlock(t->m);
    wf_waitgroup_done(t->wg);
}

static void signaler(void *arg)
{
    table *t = arg;
    wf_mutex_lock(t->m);
    wf_atomic_store(t->ready, 1);
    wf_cond_signal(t->c);
    wf_mutex_unlock(t->m);
}

static void cond_run(void (*w)(void *))
{
    table *t = table_new(0);
    t->m = wf_mutex_new("m");
    t->c = wf_cond_new("c", t->m);
    t->ready = wf_atomic_new("ready", 0);
    wf_waitgroup_add(t->wg, 1);
    wf_go(w, t, "waiter");
    wf_go(signaler, t, "signaler");
    wf_waitgroup_wait(t->wg);
}

static void cond_lost_wakeup(void *arg)
{
    (void)arg;
    cond_run(waiter_lost);
}

static void cond_correct(void *arg)
{
    (void)arg;
    cond_run(waiter_ok);
}

static void forgets_done(void *arg)
{
    (void)arg;
}

static void wg_never_done(void *arg)
{
    table *t = table_new(0);
    (void)arg;
    wf_waitgroup_add(t->wg, 1);
    wf_go(forgets_done, t, "worker");
    wf_waitgroup_wait(t->wg);
}

/* ---- a partial deadlock, decided by the front end's reachability ----- */

/* The test's reachability: only the workers can reach a and b (main
 * dropped them), nothing reaches anything through a timer. */
static bool workers_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o)
{
    (void)ctx;
    (void)e;
    (void)o;
    return t != NULL && t->tid != 0;
}

static bool everyone_reaches(void *ctx, wf_engine *e, wf_task *t, wf_obj *o)
{
    (void)ctx;
    (void)e;
    (void)o;
    return t != NULL;
}

static bool partial_reported(const wf_engine *e)
{
    for (size_t i = 0; i < e->findings.len; i++)
        if (e->findings.p[i].kind == WF_DEADLOCK && e->findings.p[i].partial)
            return true;
    return false;
}

/* The workers deadlock (ABBA) while main goes on and then returns. */
static void abba_while_main_runs(bool (*hook)(void *, wf_engine *, wf_task *,
                                              wf_obj *))
{
    table *t = table_new(0);
    wf_engine *e = native_engine();
    e->fe.can_reach = hook; /* what the Go front end will install */
    t->fork[0] = wf_mutex_new("a");
    t->fork[1] = wf_mutex_new("b");
    wf_waitgroup_add(t->wg, 2);
    wf_go(ab, t, "worker");
    wf_go(ba, t, "worker");
    for (int i = 0; i < 4; i++)
        wf_yield();
    wf_printf(partial_reported(e) ? "main runs after the report\n"
                                  : "main ends\n");
}

static void partial_workers_reach(void *arg)
{
    (void)arg;
    abba_while_main_runs(workers_reach);
}

static void partial_everyone_reaches(void *arg)
{
    (void)arg;
    abba_while_main_runs(everyone_reaches);
}

static void partial_no_hook(void *arg)
{
    (void)arg;
    abba_while_main_runs(NULL);
}

static bool has_outcome(const wf_result *r, const char *out, const char *k)
{
    for (size_t i = 0; i < r->noutcomes; i++)
        if (!strcmp(r->outcomes[i].output, out) &&
            !strcmp(r->outcomes[i].kinds, k))
            return true;
    return false;
}

START_TEST(text_reports_elide_schedules_too_long_to_read)
{
    buf b;
    char *longs = malloc(REPORT_SCHEDULE_MAX + 2);
    memset(longs, 'A', REPORT_SCHEDULE_MAX + 1);
    longs[REPORT_SCHEDULE_MAX + 1] = 0;
    buf_init(&b);
    report_schedule_text(&b, "0badcafe-AB");
    ck_assert_str_eq(b.p, "0badcafe-AB");
    buf_reset(&b);
    longs[REPORT_SCHEDULE_MAX] = 0; /* exactly the limit: whole */
    report_schedule_text(&b, longs);
    ck_assert_uint_eq(b.len, REPORT_SCHEDULE_MAX);
    buf_reset(&b);
    longs[REPORT_SCHEDULE_MAX] = 'A';
    report_schedule_text(&b, longs);
    ck_assert_uint_lt(b.len, 200);
    ck_assert_ptr_nonnull(strstr(b.p, "(4097 characters;"));
    /* the advice names options that exist: --db (not --record) and
     * replay's --run-id */
    ck_assert_ptr_nonnull(strstr(b.p, "--db DB keeps it"));
    ck_assert_ptr_nonnull(strstr(b.p, "weft replay DB --run-id ID"));
    buf_fini(&b);
    free(longs);
}
END_TEST

START_TEST(partial_deadlock_then_main_returns_is_a_leak_from_its_step)
{
    wf_result r;
    const wf_finding *f;
    /* round robin: the workers deadlock between main's yields */
    explore(partial_workers_reach, WF_STRATEGY_RR, 0, &r);
    /* SPEC 3: detected when it forms, while main runs on; main then
     * returns, which ends a Go program: a leak (a warning in a program),
     * carrying the step it formed and the same explanation */
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_LEAK), 1);
    f = first(&r, WF_LEAK);
    ck_assert(!f->error);
    ck_assert_str_eq(
        body(f),
        "leak: g1 worker, g2 worker blocked forever in lock\n"
        "  deadlocked at step 5, while other tasks ran; then main returned\n"
        "  g1 worker holds a (locked at test_deadlock.c:L), waits for b held by g2 worker (test_deadlock.c:L)\n"
        "  g2 worker holds b (locked at test_deadlock.c:L), waits for a held by g1 worker (test_deadlock.c:L)\n"
        "  mutual exclusion: a, b are each held by one task\n"
        "  hold and wait:    g1, g2 each hold one mutex while waiting for another\n"
        "  no preemption:    a held mutex is released only by its holder\n"
        "  circular wait:    g1 -> g2 -> g1\n");
    ck_assert_int_eq(f->step, 5);
    wf_result_free(&r);
    /* every order: main saw the deadlock recorded when it formed, and ran
     * on; or it returned first */
    explore(partial_workers_reach, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_LEAK), 1);
    ck_assert(has_outcome(&r, "main runs after the report\n", "leak"));
    ck_assert(has_outcome(&r, "main ends\n", ""));
    wf_result_free(&r);
}
END_TEST

/* The workers deadlock, and main never ends (a server loop). */
static void partial_then_main_spins(void *arg)
{
    table *t = table_new(0);
    wf_engine *e = native_engine();
    (void)arg;
    e->fe.can_reach = workers_reach;
    t->fork[0] = wf_mutex_new("a");
    t->fork[1] = wf_mutex_new("b");
    wf_go(ab, t, "worker");
    wf_go(ba, t, "worker");
    for (;;)
        wf_yield();
}

START_TEST(partial_deadlock_stays_a_deadlock_when_the_program_never_ends)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_RANDOM; /* rr never preempts a spinning main */
    o.max_executions = 10;
    o.seed = 1;
    o.max_steps = 60;
    o.livelock_window = -1;
    wf_explore(partial_then_main_spins, NULL, &o, &r);
    ck_assert_int_eq(count(&r, WF_LEAK), 0);
    ck_assert_int_ge(count(&r, WF_DEADLOCK), 1);
    ck_assert(first(&r, WF_DEADLOCK)->error);
    ck_assert_ptr_nonnull(strstr(first(&r, WF_DEADLOCK)->report,
                                 "deadlock (partial): blocked forever while "
                                 "other tasks run: g1 worker, g2 worker"));
    /* the deadlock confirms the lock-order cycle it closes */
    ck_assert_int_eq(count(&r, WF_POTENTIAL_DEADLOCK), 0);
    wf_result_free(&r);
}
END_TEST

/* The workers deadlock while a third task runs on; main waits for them. */
static void spin_a_while(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2; i++)
        wf_yield();
}

static void partial_then_main_blocked_by_it(void *arg)
{
    table *t = table_new(0);
    wf_engine *e = native_engine();
    (void)arg;
    e->fe.can_reach = workers_reach;
    t->fork[0] = wf_mutex_new("a");
    t->fork[1] = wf_mutex_new("b");
    wf_waitgroup_add(t->wg, 2);
    wf_go(ab, t, "worker");
    wf_go(ba, t, "worker");
    wf_go(spin_a_while, NULL, "other");
    wf_waitgroup_wait(t->wg);
}

START_TEST(partial_deadlock_that_blocks_main_is_one_deadlock)
{
    wf_result r;
    explore(partial_then_main_blocked_by_it, WF_STRATEGY_DPOR, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(count(&r, WF_LEAK), 0);
    /* one cause, one finding: once the other task ends, every task is
     * blocked and the global report covers the workers' cycle */
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
    ck_assert_ptr_nonnull(strstr(first(&r, WF_DEADLOCK)->report,
                                 "circular wait:    g1 -> g2 -> g1"));
    wf_result_free(&r);
}
END_TEST

START_TEST(no_partial_deadlock_while_an_outside_task_can_reach_the_locks)
{
    wf_result r;
    explore(partial_everyone_reaches, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_LEAK), 1); /* one site for both workers */
    wf_result_free(&r);
}
END_TEST

START_TEST(without_the_hook_c_tasks_blocked_after_main_are_leaks)
{
    wf_result r;
    explore(partial_no_hook, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 0);
    ck_assert_int_eq(count(&r, WF_LEAK), 1);
    ck_assert(
        !has_outcome(&r, "main runs after the report\n", "deadlock leak"));
    wf_result_free(&r);
}
END_TEST

/* ---- the shapes ------------------------------------------------------------
 */

START_TEST(abba_mutexes)
{
    wf_result r;
    explore(abba, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 1); /* its lock-order cycle is confirmed */
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  g1 worker holds a (locked at test_deadlock.c:L), waits for b held by g2 worker (test_deadlock.c:L)\n"
        "  g2 worker holds b (locked at test_deadlock.c:L), waits for a held by g1 worker (test_deadlock.c:L)\n"
        "  main waits for wg (counter 2), which only blocked tasks could complete: g1, g2 (test_deadlock.c:L)\n"
        "  mutual exclusion: a, b are each held by one task\n"
        "  hold and wait:    g1, g2 each hold one mutex while waiting for another\n"
        "  no preemption:    a held mutex is released only by its holder\n"
        "  circular wait:    g1 -> g2 -> g1\n");
    wf_result_free(&r);
    /* unnamed objects and tasks: kind and oid, deterministic */
    explore(abba_unnamed, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  g1 holds mutex#1 (locked at test_deadlock.c:L), waits for mutex#2 held by g2 (test_deadlock.c:L)\n"
        "  g2 holds mutex#2 (locked at test_deadlock.c:L), waits for mutex#1 held by g1 (test_deadlock.c:L)\n"
        "  main waits for wg (counter 2), which only blocked tasks could complete: g1, g2 (test_deadlock.c:L)\n"
        "  mutual exclusion: mutex#1, mutex#2 are each held by one task\n"
        "  hold and wait:    g1, g2 each hold one mutex while waiting for another\n"
        "  no preemption:    a held mutex is released only by its holder\n"
        "  circular wait:    g1 -> g2 -> g1\n");
    wf_result_free(&r);
}
END_TEST

START_TEST(philosophers_naive_order)
{
    wf_result r;
    explore(philosophers_naive, WF_STRATEGY_RANDOM, 2000, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  g1 phil holds forks[0] (locked at test_deadlock.c:L), waits for forks[1] held by g2 phil (test_deadlock.c:L)\n"
        "  g2 phil holds forks[1] (locked at test_deadlock.c:L), waits for forks[2] held by g3 phil (test_deadlock.c:L)\n"
        "  g3 phil holds forks[2] (locked at test_deadlock.c:L), waits for forks[3] held by g4 phil (test_deadlock.c:L)\n"
        "  g4 phil holds forks[3] (locked at test_deadlock.c:L), waits for forks[4] held by g5 phil (test_deadlock.c:L)\n"
        "  g5 phil holds forks[4] (locked at test_deadlock.c:L), waits for forks[0] held by g1 phil (test_deadlock.c:L)\n"
        "  main waits for wg (counter 5), which only blocked tasks could complete: g1, g2, g3, g4, g5 (test_deadlock.c:L)\n"
        "  mutual exclusion: forks[0], forks[1], forks[2], forks[3], forks[4] are each held by one task\n"
        "  hold and wait:    g1, g2, g3, g4, g5 each hold one fork while waiting for another\n"
        "  no preemption:    a held mutex is released only by its holder\n"
        "  circular wait:    g1 -> g2 -> g3 -> g4 -> g5 -> g1\n");
    wf_result_free(&r);
}
END_TEST

START_TEST(philosophers_ordered_forks_or_a_waiter_are_clean)
{
    wf_result r;
    explore(philosophers_ordered, WF_STRATEGY_RANDOM, 2000, &r);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
    /* naive order, but at most 4 seated: the lock-order cycle of 5 needs 5
     * permits of the waiter, so it is not reported either */
    explore(philosophers_waiter, WF_STRATEGY_RANDOM, 2000, &r);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

START_TEST(channel_cycle_names_who_could_complete_each_send)
{
    wf_result r;
    explore(channel_cycle, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  g1 ping waits to send on a, which only blocked tasks could complete: main, g2 (test_deadlock.c:L)\n"
        "  g2 pong waits to send on b, which only blocked tasks could complete: main, g1 (test_deadlock.c:L)\n"
        "  main waits for wg (counter 2), which only blocked tasks could complete: g1, g2 (test_deadlock.c:L)\n"
        "  mutual exclusion: none: no lock is involved; g1, g2 wait on a, b\n"
        "  hold and wait:    none: no task holds a lock while it waits\n"
        "  no preemption:    a blocked send completes only when a receiver arrives\n"
        "  circular wait:    g1 -> g2 -> g1\n");
    wf_result_free(&r);
}
END_TEST

START_TEST(shared_unbuffered_request_and_response_channels_are_clean)
{
    wf_result r;
    explore(shared_req_resp, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

/* One root cause is one finding: the upgrader's self-wait, whoever waits
 * behind it (main alone, or main and a reader queued behind the pending
 * write), counted over every execution that hits it. */
START_TEST(a_read_lock_upgrade_is_one_finding_whoever_waits_behind_it)
{
    wf_result r;
    explore(rw_upgrade, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
    ck_assert_int_eq(first(&r, WF_DEADLOCK)->count, r.executions);
    ck_assert(strstr(first(&r, WF_DEADLOCK)->report,
                     "circular wait:    g2 -> g2") != NULL);
    wf_result_free(&r);
}
END_TEST

START_TEST(rwmutex_recursive_read_with_a_pending_writer)
{
    wf_result r;
    explore(rw_recursive_read, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1); /* the recursive read is confirmed */
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  g1 reader holds rw (read-locked at test_deadlock.c:L), waits to read-lock rw behind the pending writer g2 writer (test_deadlock.c:L)\n"
        "  g2 writer holds rw (writer slot), waits for rw read-held by g1 reader (test_deadlock.c:L)\n"
        "  main waits for wg (counter 2), which only blocked tasks could complete: g1, g2 (test_deadlock.c:L)\n"
        "  mutual exclusion: rw is held for reading by g1, and g2 holds its writer slot, which shuts out new readers\n"
        "  hold and wait:    g1 holds rw (read) while waiting for rw; g2 holds rw (writer slot) while waiting for rw\n"
        "  no preemption:    a held RWMutex is released only by the tasks holding it\n"
        "  circular wait:    g1 -> g2 -> g1\n");
    wf_result_free(&r);
}
END_TEST

START_TEST(cond_lost_wakeup_and_its_fix)
{
    wf_result r;
    explore(cond_lost_wakeup, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main waits for wg (counter 1), which only blocked tasks could complete: g1 (test_deadlock.c:L)\n"
        "  g1 waiter waits on c for a Signal or Broadcast, which only blocked tasks could send: main (has not used it yet) (test_deadlock.c:L)\n"
        "  c: the Signal by g2 signaler at step 7 (test_deadlock.c:L) woke no one, and g1 began to wait after it: a lost wakeup\n"
        "  mutual exclusion: none: no lock is involved; main, g1 wait on wg, c\n"
        "  hold and wait:    none: no task holds a lock while it waits\n"
        "  no preemption:    a cond Wait returns only after a Signal or Broadcast; a WaitGroup Wait returns only when the counter reaches zero\n"
        "  circular wait:    main -> g1 -> main\n");
    wf_result_free(&r);
    explore(cond_correct, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
    { /* the fix holds with spurious wakeups and any wake order too */
        wf_options o = wf_options_default();
        o.strategy = WF_STRATEGY_RANDOM; /* spurious wakeups: the loop can
                                          * spin, the tree has no end */
        o.max_executions = 3000;
        o.spurious_wakeups = true;
        o.cond_order_any = true;
        o.max_steps = 200;
        wf_explore(cond_correct, NULL, &o, &r);
        ck_assert_int_eq(r.nfindings, 0);
        wf_result_free(&r);
    }
}
END_TEST

START_TEST(wait_on_a_waitgroup_never_done)
{
    wf_result r;
    explore(wg_never_done, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main waits for wg (counter 1), which no other task could complete (test_deadlock.c:L)\n"
        "  mutual exclusion: none: no lock is involved; main waits on wg\n"
        "  hold and wait:    none: no task holds a lock while it waits\n"
        "  no preemption:    a WaitGroup Wait returns only when the counter reaches zero\n"
        "  circular wait:    none: main waits for wg, which no other task could complete\n");
    wf_result_free(&r);
}
END_TEST

START_TEST(range_over_a_channel_nobody_closes)
{
    wf_result r;
    explore(range_unclosed, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(r.nfindings, 1);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main waits to receive from results, which no other task could complete (test_deadlock.c:L)\n"
        "  mutual exclusion: none: no lock is involved; main waits on results\n"
        "  hold and wait:    none: no task holds a lock while it waits\n"
        "  no preemption:    a blocked receive completes only when a sender arrives or the channel is closed\n"
        "  circular wait:    none: main waits for results, which no other task could complete\n");
    wf_result_free(&r);
    explore(range_closed, WF_STRATEGY_DFS, 0, &r);
    ck_assert(r.complete);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

/* ---- a task deadlocked on itself ------------------------------------------
 */

static void double_lock(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    wf_mutex_lock(m);
    wf_mutex_lock(m);
}

static void nil_receive(void *arg)
{
    (void)arg;
    wf_chan_recv(NULL, NULL); /* and no object at all in the program */
}

static void lock_while_reading(void *arg)
{
    wf_rwmutex *rw = wf_rwmutex_new("rw");
    (void)arg;
    wf_rwmutex_rlock(rw);
    wf_rwmutex_lock(rw);
}

START_TEST(a_task_can_deadlock_on_itself)
{
    wf_result r;
    explore(double_lock, WF_STRATEGY_DFS, 0, &r);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main holds m (locked at test_deadlock.c:L), waits for m held by main (test_deadlock.c:L)\n"
        "  mutual exclusion: m is held by one task\n"
        "  hold and wait:    main holds m while waiting for m\n"
        "  no preemption:    a held mutex is released only by its holder\n"
        "  circular wait:    main -> main\n");
    wf_result_free(&r);
    explore(nil_receive, WF_STRATEGY_DFS, 0, &r);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main waits forever on a nil channel (test_deadlock.c:L)\n"
        "  mutual exclusion: none: no lock is involved; main waits on a nil channel\n"
        "  hold and wait:    none: no task holds a lock while it waits\n"
        "  no preemption:    an operation on a nil channel never completes\n"
        "  circular wait:    none: main waits on a nil channel, which nothing completes\n");
    wf_result_free(&r);
    explore(lock_while_reading, WF_STRATEGY_DFS, 0, &r);
    ck_assert_str_eq(
        body(first(&r, WF_DEADLOCK)),
        "deadlock (global): all goroutines are asleep\n"
        "  main holds rw (read-locked at test_deadlock.c:L), rw (writer slot), waits for rw read-held by main (test_deadlock.c:L)\n"
        "  mutual exclusion: rw is held for reading by main, and main holds its writer slot, which shuts out new readers\n"
        "  hold and wait:    main holds rw (read), rw (writer slot) while waiting for rw\n"
        "  no preemption:    a held RWMutex is released only by the tasks holding it\n"
        "  circular wait:    main -> main\n");
    wf_result_free(&r);
}
END_TEST

/* ---- JSON (SPEC section 4) -------------------------------------------------
 */

/* Line of the first Lock in self_lock (set when it runs). */
static int self_lock_line;

static void self_lock(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    self_lock_line = __LINE__ + 1;
    wf_mutex_lock(m);
    wf_mutex_lock(m);
}

/* The report of the one deadlock f's exploration by DFS finds (to free;
 * f has run, so the lines it noted are set). */
static char *deadlock_report(void (*f)(void *))
{
    wf_result r;
    char *s;
    explore(f, WF_STRATEGY_DFS, 0, &r);
    ck_assert_int_eq(count(&r, WF_DEADLOCK), 1);
    s = strdup(first(&r, WF_DEADLOCK)->report);
    wf_result_free(&r);
    return s;
}

START_TEST(source_sites_name_the_lines)
{
    /* every blocked operation and every held lock's acquisition by its
     * source line, as it is written in the file */
    char want[256], *rep = deadlock_report(self_lock);
    snprintf(want, sizeof want,
             "  main holds m (locked at test_deadlock.c:%d), waits for m "
             "held by main (test_deadlock.c:%d)\n",
             self_lock_line, self_lock_line + 1);
    ck_assert_msg(strstr(rep, want) != NULL, "%s", rep);
    free(rep);
}
END_TEST

/* Line of the Lock a worker returns without unlocking (left_held). */
static int left_lock_line;

static void lock_and_return(void *arg)
{
    left_lock_line = __LINE__ + 1;
    wf_mutex_lock(arg);
}

static void left_held(void *arg)
{
    wf_mutex *m = wf_mutex_new("mu");
    (void)arg;
    wf_go(lock_and_return, m, "worker");
    wf_mutex_lock(m);
}

START_TEST(a_lock_left_held_by_an_ended_task_names_its_acquisition)
{
    /* the bug is the return before the Unlock: the report names where
     * the ended task took the lock, not only where main blocks */
    char want[256], *rep = deadlock_report(left_held);
    snprintf(want, sizeof want,
             "  g1 worker ended holding mu (locked at test_deadlock.c:%d)\n",
             left_lock_line);
    ck_assert_msg(strstr(rep, want) != NULL, "%s", rep);
    free(rep);
}
END_TEST

START_TEST(json_carries_tasks_objects_and_coffman)
{
    native_start ns = {abba, NULL};
    program p;
    explore_opts o;
    explorer *x;
    checkers *ck = checkers_new(NULL);
    report_info ri;
    buf out;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    p.file = "abba";
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DFS;
    o.preemptions = -1;
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, checkers_consumers(ck), NULL), WF_OK);
    checkers_finish(ck, x);
    memset(&ri, 0, sizeof ri);
    ri.file = "abba";
    ri.command = "explore";
    ri.strategy = "dfs";
    ri.replay = "replay";
    buf_init(&out);
    report_json(&out, x, &ri);
    ck_assert_ptr_nonnull(
        strstr(out.p, "\"tasks\": [{\"tid\": 0, \"name\": \"main\", \"state\": "
                      "\"blocked\", \"op\": \"wg_wait\", \"object\": \"wg\""));
    ck_assert_ptr_nonnull(
        strstr(out.p, "{\"tid\": 1, \"name\": \"g1 worker\", \"state\": "
                      "\"blocked\", \"op\": \"lock\", \"object\": \"b\""));
    ck_assert_ptr_nonnull(strstr(out.p, "\"holds\": [\"a\"], \"locked_at\": "
                                        "[{\"object\": \"a\", \"read\": false, "
                                        "\"file\": "));
    ck_assert_ptr_nonnull(strstr(out.p, "\"waits_for\": [2]}"));
    ck_assert_ptr_nonnull(strstr(
        out.p, "\"objects\": [{\"oid\": 0, \"kind\": \"waitgroup\", "
               "\"name\": \"wg\", \"counter\": 2}, {\"oid\": 1, \"kind\": "
               "\"mutex\", \"name\": \"a\", \"holder\": 1}, {\"oid\": 2, "
               "\"kind\": \"mutex\", \"name\": \"b\", \"holder\": 2}]"));
    ck_assert_ptr_nonnull(strstr(
        out.p,
        "\"coffman\": {\"mutual_exclusion\": \"a, b are each held by one "
        "task\", \"hold_and_wait\": \"g1, g2 each hold one mutex while "
        "waiting for another\", \"no_preemption\": \"a held mutex is "
        "released only by its holder\", \"circular_wait\": \"g1 -> g2 -> "
        "g1\", \"cycle\": [1, 2]}"));
    ck_assert_ptr_nonnull(strstr(out.p, "\"partial\": false"));
    buf_fini(&out);
    explore_free(x);
    checkers_free(ck);
}
END_TEST

/* ---- the engine's step_end callback (sim/engine.h) ------------------------
 */

typedef struct step_count {
    uint64_t calls, bad;
} step_count;

static void count_step(void *ctx, wf_engine *e)
{
    step_count *c = ctx;
    c->calls++;
    /* every live task has exposed its next op: the state is consistent */
    for (size_t i = 0; i < e->tasks.len; i++)
        if (e->tasks.p[i]->state != TASK_DONE &&
            (e->tasks.p[i]->op.kind == OP_NONE || e->tasks.p[i]->in_resume))
            c->bad++;
}

/* ---- the report from data alone --------------------------------------------
 * report_deadlock_render puts into words what it is given, nothing of the
 * checker: here data made by hand at the end of an execution (main holds
 * m and receives from c, g1 waits for m), with a site the checker would
 * never give ("x.c:7"). */

static wf_mutex *held_m;
static wf_chan *never_c;

static void wants_m(void *arg)
{
    (void)arg;
    wf_mutex_lock(held_m);
}

static void holds_m_and_receives(void *arg)
{
    (void)arg;
    held_m = wf_mutex_new("m");
    never_c = wf_chan_new("c", 0);
    wf_mutex_lock(held_m);
    wf_go(wants_m, NULL, "waiter");
    (void)wf_chan_recv(never_c, NULL);
}

static int first_alt(void *ctx, wf_engine *e, choice_kind kind, int n,
                     const int32_t *alts)
{
    (void)ctx;
    (void)e;
    (void)kind;
    (void)n;
    (void)alts;
    return 0;
}

typedef struct rendered {
    buf text, json;
} rendered;

static void render_by_hand(void *ctx, wf_engine *e)
{
    rendered *out = ctx;
    const wf_obj *m = e->tasks.p[1]->op.obj, *c = e->tasks.p[0]->op.obj;
    const wf_obj *objs[2] = {m, c};
    int32_t holder = 0;
    report_hold h = {m, REPORT_HOLD_LOCK, "dir/x.c", 7};
    report_taken tk = {m, false, "dir/x.c", 7};
    report_dl_task t[2];
    report_deadlock r;
    memset(t, 0, sizeof t);
    t[0].t = e->tasks.p[0];
    t[0].wait = REPORT_W_CHAN;
    t[0].nawaited = 1;
    t[0].awaited[0] = c;
    t[0].holds = &h;
    t[0].nholds = 1;
    t[0].taken = &tk;
    t[0].ntaken = 1;
    t[1].t = e->tasks.p[1];
    t[1].wait = REPORT_W_MUTEX;
    t[1].nawaited = 1;
    t[1].awaited[0] = m;
    t[1].holders = &holder;
    t[1].nholders = 1;
    memset(&r, 0, sizeof r);
    r.tasks = t;
    r.ntasks = 2;
    r.objs = objs;
    r.nobjs = 2;
    report_deadlock_render(&out->text, &out->json, e, &r);
}

START_TEST(the_report_renders_the_data_it_is_given)
{
    rendered out;
    wf_strategy st = {NULL, first_alt, NULL};
    native_start ns = {holds_m_and_receives, NULL};
    wf_consumer c;
    wf_engine *e = engine_new(NULL);
    const char *text;
    buf_init(&out.text);
    buf_init(&out.json);
    memset(&c, 0, sizeof c);
    c.ctx = &out;
    c.end = render_by_hand;
    ck_assert_int_eq(engine_run(e, &native_driver, &ns, "main", &st, &c, 1),
                     END_DEADLOCK);
    text = out.text.p;
    ck_assert_msg(strstr(text, "main holds m (locked at x.c:7), waits to "
                               "receive from c, which no other task could "
                               "complete (test_deadlock.c:") == text,
                  "%s", text);
    ck_assert_msg(strstr(text, "\ng1 waiter waits for m held by main "
                               "(test_deadlock.c:"), "%s", text);
    ck_assert_msg(strstr(text, "\nmutual exclusion: m is held by one task\n"
                               "hold and wait:    main holds m while waiting "
                               "for c\n"), "%s", text);
    ck_assert_msg(strstr(text, "circular wait:    none: main waits for c, "
                               "which no other task could complete; g1 waits "
                               "for m held by main"), "%s", text);
    ck_assert_msg(strstr(out.json.p, "\"holds\": [\"m\"], \"locked_at\": "
                                     "[{\"object\": \"m\", \"read\": "
                                     "false, \"file\": \"dir/x.c\", "
                                     "\"line\": 7}], \"waits_for\": []}"),
                  "%s", out.json.p);
    ck_assert_msg(strstr(out.json.p, "\"waits_for\": [0]}], \"objects\": "
                                     "[{\"oid\": "),
                  "%s", out.json.p);
    ck_assert_msg(strstr(out.json.p, "\"cycle\": []}"), "%s", out.json.p);
    buf_fini(&out.text);
    buf_fini(&out.json);
    engine_free(e);
}
END_TEST

START_TEST(step_end_follows_every_step_with_every_op_exposed)
{
    native_start ns = {abba, NULL};
    program p;
    explore_opts o;
    explorer *x;
    step_count c = {0, 0};
    wf_consumer cons;
    consumer_set cs = {&cons, 1};
    memset(&cons, 0, sizeof cons);
    cons.ctx = &c;
    cons.step_end = count_step;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DFS;
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, NULL), WF_OK);
    ck_assert_uint_eq(c.calls, x->steps);
    ck_assert_uint_eq(c.bad, 0);
    explore_free(x);
}
END_TEST

Suite *deadlock_suite(void)
{
    Suite *s = suite_create("deadlock");
    TCase *tc = tcase_create("shapes");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, abba_mutexes);
    tcase_add_test(tc, philosophers_naive_order);
    tcase_add_test(tc, philosophers_ordered_forks_or_a_waiter_are_clean);
    tcase_add_test(tc, channel_cycle_names_who_could_complete_each_send);
    tcase_add_test(tc,
                   shared_unbuffered_request_and_response_channels_are_clean);
    tcase_add_test(tc, rwmutex_recursive_read_with_a_pending_writer);
    tcase_add_test(tc, a_read_lock_upgrade_is_one_finding_whoever_waits_behind_it);
    tcase_add_test(tc, cond_lost_wakeup_and_its_fix);
    tcase_add_test(tc, wait_on_a_waitgroup_never_done);
    tcase_add_test(tc, range_over_a_channel_nobody_closes);
    tcase_add_test(tc, a_task_can_deadlock_on_itself);
    tcase_add_test(tc, json_carries_tasks_objects_and_coffman);
    tcase_add_test(tc, the_report_renders_the_data_it_is_given);
    tcase_add_test(tc, source_sites_name_the_lines);
    tcase_add_test(tc, a_lock_left_held_by_an_ended_task_names_its_acquisition);
    suite_add_tcase(s, tc);
    tc = tcase_create("partial");
    tcase_add_test(tc,
                   partial_deadlock_then_main_returns_is_a_leak_from_its_step);
    tcase_add_test(
        tc, partial_deadlock_stays_a_deadlock_when_the_program_never_ends);
    tcase_add_test(tc, partial_deadlock_that_blocks_main_is_one_deadlock);
    tcase_add_test(
        tc, no_partial_deadlock_while_an_outside_task_can_reach_the_locks);
    tcase_add_test(tc, without_the_hook_c_tasks_blocked_after_main_are_leaks);
    tcase_add_test(tc, text_reports_elide_schedules_too_long_to_read);
    tcase_add_test(tc, step_end_follows_every_step_with_every_op_exposed);
    suite_add_tcase(s, tc);
    return s;
}

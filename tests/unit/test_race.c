/* test_race.c: the race checker. For every happens-before edge of the Go
 * memory model one scenario where the edge orders two accesses (no race)
 * and its mutant without it (a race, with the report's exact text). */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "checker/checkers.h"
#include "sim/weft.h"
#include "tests/unit/gotest.h"

/* Explore scenario exhaustively (DFS); the result in *r. */
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

/* The report without its last line (the replay line, which carries a
 * build-dependent program hash). */
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

/* The line of this file that carries the comment TAG (the reports name
 * source lines; this keeps the expected texts true when lines move). */
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

/* ---- go: the spawn happens before the child's first step -------------- */

static void read_x(void *arg)
{
    wf_read((wf_var *)arg); /* @read-x */
}

static void spawn_ordered(void *arg)
{
    wf_var *x = wf_var_new("x", 0);
    (void)arg;
    wf_write(x, 1);
    wf_go(read_x, x, "reader");
}

static void spawn_unordered(void *arg)
{
    wf_var *x = wf_var_new("x", 0);
    (void)arg;
    wf_go(read_x, x, "reader");
    wf_write(x, 1); /* @spawn-w */
}

START_TEST(spawn_orders_the_parent_before_the_child)
{
    wf_result r;
    char want[1024];
    dfs(spawn_ordered, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 0);
    wf_result_free(&r);
    dfs(spawn_unordered, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 1);
    snprintf(want, sizeof want,
             "race: data race on x\n"
             "  main writes x at step 2 (test_race.c:%d)\n"
             "  g1 reader reads x at step 4 (test_race.c:%d)\n"
             "  not ordered: main writes x after spawning g1, so g1's start "
             "does not order it\n",
             line_of("@spawn-w"), line_of("@read-x"));
    ck_assert_str_eq(body(first(&r, WF_RACE)), want);
    wf_result_free(&r);
}
END_TEST

/* ---- channels ----------------------------------------------------------- */

typedef struct shared {
    wf_var *x;
    wf_chan *c;
    wf_mutex *m;
    wf_rwmutex *rw;
    wf_waitgroup *wg;
    wf_once *o;
    wf_atomic *flag;
} shared;

static shared *shared_new(size_t cap)
{
    static _Thread_local shared s; /* one per execution, reset here */
    s.x = wf_var_new("x", 0);
    s.c = wf_chan_new("c", cap);
    s.m = wf_mutex_new("m");
    s.rw = wf_rwmutex_new("rw");
    s.wg = wf_waitgroup_new("wg");
    s.o = wf_once_new("once");
    s.flag = wf_atomic_new("flag", 0);
    return &s;
}

/* the k-th send happens before the k-th receive completes */
static void write_then_send(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1); /* @ws-w */
    wf_chan_send(s->c, 1);
}

static void send_ordered(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_go(write_then_send, s, "writer");
    wf_chan_recv(s->c, NULL);
    wf_read(s->x);
}

static void send_unordered(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_go(write_then_send, s, "writer");
    wf_read(s->x); /* @send-r */
    wf_chan_recv(s->c, NULL);
}

/* the k-th receive happens before the (k+C)-th send completes */
static void write_then_recv(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1); /* @wr-w */
    wf_chan_recv(s->c, NULL);
}

static void recv_before_later_send(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_go(write_then_recv, s, "receiver");
    wf_chan_send(s->c, 0);
    wf_chan_send(s->c, 1); /* completes after the receive of value 0 */
    wf_read(s->x);         /* @kc-r */
}

static void recv_before_later_send_cap2(void *arg)
{
    shared *s = shared_new(2);
    (void)arg;
    wf_go(write_then_recv, s, "receiver");
    wf_chan_send(s->c, 0);
    wf_chan_send(s->c, 1); /* room in the buffer: no wait */
    wf_read(s->x);         /* @kc2-r */
}

/* unbuffered: the receive happens before the send completes */
static void unbuffered_ordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(write_then_recv, s, "receiver");
    wf_chan_send(s->c, 0);
    wf_read(s->x);
}

static void buffered_unordered(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_go(write_then_recv, s, "receiver");
    wf_chan_send(s->c, 0);
    wf_read(s->x); /* @ub-r */
}

/* close happens before a receive that observes it */
static void write_then_close(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1); /* @wc-w */
    wf_chan_close(s->c);
}

static void close_then_write(void *arg)
{
    shared *s = arg;
    wf_chan_close(s->c);
    wf_write(s->x, 1); /* @cw-w */
}

static void close_ordered(void *arg)
{
    shared *s = shared_new(0);
    bool ok = true;
    (void)arg;
    wf_go(write_then_close, s, "closer");
    wf_chan_recv(s->c, &ok);
    wf_read(s->x);
}

static void close_unordered(void *arg)
{
    shared *s = shared_new(0);
    bool ok = true;
    (void)arg;
    wf_go(close_then_write, s, "closer");
    wf_chan_recv(s->c, &ok);
    wf_read(s->x); /* @close-r */
}

/* ---- locks ----------------------------------------------------------------
 */

static void locked_write(void *arg)
{
    shared *s = arg;
    wf_mutex_lock(s->m);
    wf_write(s->x, 1); /* @lw-w */
    wf_mutex_unlock(s->m);
}

static void mutex_ordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(locked_write, s, "writer");
    wf_mutex_lock(s->m);
    wf_read(s->x);
    wf_mutex_unlock(s->m);
    wf_printf("done\n");
}

static void mutex_unordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(locked_write, s, "writer");
    wf_read(s->x); /* @mutex-r */
    wf_printf("done\n");
}

static void rw_write(void *arg)
{
    shared *s = arg;
    wf_rwmutex_lock(s->rw);
    wf_write(s->x, 1); /* @rw-w */
    wf_rwmutex_unlock(s->rw);
}

static void rw_write_under_rlock(void *arg)
{
    shared *s = arg;
    wf_rwmutex_rlock(s->rw);
    wf_write(s->x, 1); /* @rlw-w */
    wf_rwmutex_runlock(s->rw);
}

static void rw_read(void *arg)
{
    shared *s = arg;
    wf_rwmutex_rlock(s->rw);
    wf_read(s->x); /* @rr-r */
    wf_rwmutex_runlock(s->rw);
}

static void unlock_before_rlock(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(rw_write, s, "writer");
    rw_read(s);
}

static void rlock_does_not_order_rlock(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(rw_write_under_rlock, s, "writer");
    rw_read(s);
}

static void runlock_before_lock(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(rw_read, s, "reader");
    rw_write(s);
}

static void read_after_runlock(void *arg)
{
    shared *s = arg;
    wf_rwmutex_rlock(s->rw);
    wf_rwmutex_runlock(s->rw);
    wf_read(s->x); /* @rar-r */
}

static void runlock_unordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(read_after_runlock, s, "reader");
    rw_write(s);
}

/* ---- wait groups, once, atomics ----------------------------------------- */

static void write_then_done(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1);
    wf_waitgroup_done(s->wg);
}

static void write_then_add_minus_one(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1);
    wf_waitgroup_add(s->wg, -1);
}

static void done_then_write(void *arg)
{
    shared *s = arg;
    wf_waitgroup_done(s->wg);
    wf_write(s->x, 1); /* @dw-w */
}

static void wg_run(void (*worker)(void *))
{
    shared *s = shared_new(0);
    wf_waitgroup_add(s->wg, 1);
    wf_go(worker, s, "worker");
    wf_waitgroup_wait(s->wg);
    wf_read(s->x); /* @wg-r */
}

static void wg_ordered(void *arg)
{
    (void)arg;
    wg_run(write_then_done);
}

static void wg_add_ordered(void *arg)
{
    (void)arg;
    wg_run(write_then_add_minus_one);
}

static void wg_unordered(void *arg)
{
    (void)arg;
    wg_run(done_then_write);
}

static void once_fn(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1); /* @once-w */
}

static void do_then_read(void *arg)
{
    shared *s = arg;
    wf_once_do(s->o, once_fn, s);
    wf_read(s->x);
}

static void read_without_do(void *arg)
{
    shared *s = arg;
    wf_read(s->x); /* @nodo-r */
}

static void once_ordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(do_then_read, s, "user");
    do_then_read(s);
}

static void once_unordered(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(read_without_do, s, "user");
    do_then_read(s);
}

static void write_then_store(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1);
    wf_atomic_store(s->flag, 1);
}

static void store_then_write(void *arg)
{
    shared *s = arg;
    wf_atomic_store(s->flag, 1);
    wf_write(s->x, 1); /* @sw-w */
}

static void atomic_run(void (*worker)(void *))
{
    shared *s = shared_new(0);
    wf_go(worker, s, "publisher");
    if (wf_atomic_load(s->flag)) wf_read(s->x); /* @at-r */
}

static void atomic_ordered(void *arg)
{
    (void)arg;
    atomic_run(write_then_store);
}

static void atomic_unordered(void *arg)
{
    (void)arg;
    atomic_run(store_then_write);
}

/* ---- close against send ---------------------------------------------------
 */

static void send_then_done(void *arg)
{
    shared *s = arg;
    wf_chan_send(s->c, 1); /* @sd-s */
    wf_waitgroup_done(s->wg);
}

static void close_after_wait(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_waitgroup_add(s->wg, 1);
    wf_go(send_then_done, s, "sender");
    wf_waitgroup_wait(s->wg);
    wf_chan_close(s->c);
}

static void close_without_wait(void *arg)
{
    shared *s = shared_new(1);
    (void)arg;
    wf_waitgroup_add(s->wg, 1);
    wf_go(send_then_done, s, "sender");
    wf_chan_close(s->c); /* @cs-c */
}

/* ---- the explanation the brief asks for -------------------------------- */

static void write_and_signal(void *arg)
{
    shared *s = arg;
    wf_write(s->x, 1); /* @sig-w */
    wf_chan_send(s->c, 1);
}

static void plain_read(void *arg)
{
    shared *s = arg;
    wf_read(s->x); /* @plain-r */
}

static void send_not_received(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(write_and_signal, s, "writer");
    wf_go(plain_read, s, "reader");
    wf_chan_recv(s->c, NULL);
}

/* FastTrack: concurrent reads inflate to a read vector; a write ordered
 * after one of them still races with the other. */
static void read_and_send(void *arg)
{
    shared *s = arg;
    wf_read(s->x);
    wf_chan_send(s->c, 1);
}

static void shared_reads(void *arg)
{
    shared *s = shared_new(0);
    (void)arg;
    wf_go(read_and_send, s, "r1");
    wf_go(plain_read, s, "r2");
    wf_chan_recv(s->c, NULL);
    wf_write(s->x, 2); /* @sr-w */
}

/* Explore ordered (no race) and unordered (one race, reported as want). */
static void check_edge(void (*ordered)(void *), void (*unordered)(void *),
                       const char *want)
{
    wf_result r;
    dfs(ordered, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 0);
    wf_result_free(&r);
    dfs(unordered, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 1);
    ck_assert_str_eq(body(first(&r, WF_RACE)), want);
    wf_result_free(&r);
}

static char want[4096];
#define WANT(...) (snprintf(want, sizeof want, __VA_ARGS__), want)

START_TEST(send_happens_before_the_receive_completes)
{
    check_edge(send_ordered, send_unordered,
               WANT("race: data race on x\n"
                    "  main reads x at step 2 (test_race.c:%d)\n"
                    "  g1 writer writes x at step 3 (test_race.c:%d)\n"
                    "  not ordered: main reads x before receiving from c, "
                    "which would order it after g1's write\n",
                    line_of("@send-r"), line_of("@ws-w")));
}
END_TEST

START_TEST(kth_receive_happens_before_the_send_k_plus_cap_completes)
{
    check_edge(recv_before_later_send, recv_before_later_send_cap2,
               WANT("race: data race on x\n"
                    "  main reads x at step 4 (test_race.c:%d)\n"
                    "  g1 receiver writes x at step 6 (test_race.c:%d)\n"
                    "  not ordered: g1 writes x before receiving from c, but "
                    "no send on c by main waits for that receive (capacity "
                    "2)\n",
                    line_of("@kc2-r"), line_of("@wr-w")));
}
END_TEST

START_TEST(unbuffered_receive_happens_before_the_send_completes)
{
    check_edge(unbuffered_ordered, buffered_unordered,
               WANT("race: data race on x\n"
                    "  main reads x at step 3 (test_race.c:%d)\n"
                    "  g1 receiver writes x at step 5 (test_race.c:%d)\n"
                    "  not ordered: g1 writes x before receiving from c, but "
                    "no send on c by main waits for that receive (capacity "
                    "1)\n",
                    line_of("@ub-r"), line_of("@wr-w")));
}
END_TEST

START_TEST(close_happens_before_a_receive_that_sees_it)
{
    check_edge(close_ordered, close_unordered,
               WANT("race: data race on x\n"
                    "  g1 closer writes x at step 3 (test_race.c:%d)\n"
                    "  main reads x at step 5 (test_race.c:%d)\n"
                    "  not ordered: g1 writes x after closing c, so main's "
                    "receive from c does not order it\n",
                    line_of("@cw-w"), line_of("@close-r")));
}
END_TEST

START_TEST(unlock_happens_before_the_next_lock)
{
    wf_result r;
    check_edge(mutex_ordered, mutex_unordered,
               WANT("race: data race on x\n"
                    "  main reads x at step 2 (test_race.c:%d)\n"
                    "  g1 writer writes x at step 6 (test_race.c:%d)\n"
                    "  not ordered: no lock held in common (main holds none, "
                    "g1 holds m)\n",
                    line_of("@mutex-r"), line_of("@lw-w")));
    /* a race does not end the execution: main always prints */
    dfs(mutex_unordered, &r);
    for (size_t i = 0; i < r.noutcomes; i++)
        ck_assert_str_eq(r.outcomes[i].output, "done\n");
    ck_assert_int_eq(r.findings[0].count, r.executions); /* in every one */
    wf_result_free(&r);
}
END_TEST

START_TEST(rw_unlock_happens_before_rlock_but_rlocks_order_nothing)
{
    check_edge(unlock_before_rlock, rlock_does_not_order_rlock,
               WANT("race: data race on x\n"
                    "  main reads x at step 3 (test_race.c:%d)\n"
                    "  g1 writer writes x at step 7 (test_race.c:%d)\n"
                    "  not ordered: the locks they share are held for "
                    "reading, which orders nothing (main holds rw (read), g1 "
                    "holds rw (read))\n",
                    line_of("@rr-r"), line_of("@rlw-w")));
}
END_TEST

START_TEST(runlock_happens_before_the_next_lock)
{
    check_edge(runlock_before_lock, runlock_unordered,
               WANT("race: data race on x\n"
                    "  g1 reader reads x at step 4 (test_race.c:%d)\n"
                    "  main writes x at step 6 (test_race.c:%d)\n"
                    "  not ordered: no lock held in common (g1 holds none, "
                    "main holds rw)\n",
                    line_of("@rar-r"), line_of("@rw-w")));
}
END_TEST

START_TEST(done_happens_before_the_wait_it_releases)
{
    const char *w =
        WANT("race: data race on x\n"
             "  g1 worker writes x at step 4 (test_race.c:%d)\n"
             "  main reads x at step 5 (test_race.c:%d)\n"
             "  not ordered: g1 writes x after Done on wg, so main's Wait on "
             "wg does not order it\n",
             line_of("@dw-w"), line_of("@wg-r"));
    check_edge(wg_ordered, wg_unordered, w);
    check_edge(wg_add_ordered, wg_unordered, w); /* Add(-1) as Done */
}
END_TEST

START_TEST(once_function_happens_before_every_do_returns)
{
    check_edge(once_ordered, once_unordered,
               WANT("race: data race on x\n"
                    "  main writes x at step 3 (test_race.c:%d)\n"
                    "  g1 user reads x at step 7 (test_race.c:%d)\n"
                    "  not ordered: main writes x before the end of once's "
                    "function, but g1 reads x without calling Do on once\n",
                    line_of("@once-w"), line_of("@nodo-r")));
}
END_TEST

START_TEST(atomics_are_sequentially_consistent)
{
    check_edge(atomic_ordered, atomic_unordered,
               WANT("race: data race on x\n"
                    "  g1 publisher writes x at step 3 (test_race.c:%d)\n"
                    "  main reads x at step 5 (test_race.c:%d)\n"
                    "  not ordered: g1 writes x after the atomic store to "
                    "flag, so main's atomic load of flag does not order it\n",
                    line_of("@sw-w"), line_of("@at-r")));
}
END_TEST

START_TEST(close_not_ordered_with_a_send_is_a_race)
{
    wf_result r;
    check_edge(close_after_wait, close_without_wait,
               WANT("race: data race on channel c (close and send)\n"
                    "  main closes c at step 3 (test_race.c:%d)\n"
                    "  g1 sender sends on c at step 5 (test_race.c:%d)\n"
                    "  not ordered: main closes c after spawning g1, so g1's "
                    "start does not order it\n",
                    line_of("@cs-c"), line_of("@sd-s")));
    /* the close first: the send panics, and it races all the same (Go's
     * chansend reads the channel before it looks at closed); the race's
     * witness above is that order, the first DFS meets */
    dfs(close_without_wait, &r);
    ck_assert_int_eq(count(&r, WF_PANIC), 1);
    ck_assert_str_eq(first(&r, WF_PANIC)->message, "send on closed channel");
    ck_assert_int_eq(first(&r, WF_PANIC)->step, first(&r, WF_RACE)->step);
    wf_result_free(&r);
}
END_TEST

START_TEST(report_says_which_send_would_have_ordered_the_accesses)
{
    wf_result r;
    dfs(send_not_received, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 1);
    ck_assert_str_eq(body(first(&r, WF_RACE)),
                     WANT("race: data race on x\n"
                          "  g1 writer writes x at step 3 (test_race.c:%d)\n"
                          "  g2 reader reads x at step 6 (test_race.c:%d)\n"
                          "  not ordered: g1 writes x before the send on c, "
                          "but g2 reads x without receiving from c\n",
                          line_of("@sig-w"), line_of("@plain-r")));
    wf_result_free(&r);
}
END_TEST

START_TEST(write_after_concurrent_reads_races_with_the_unordered_one)
{
    wf_result r;
    dfs(shared_reads, &r);
    ck_assert_int_eq(count(&r, WF_RACE), 1);
    ck_assert_str_eq(body(first(&r, WF_RACE)),
                     WANT("race: data race on x\n"
                          "  main writes x at step 5 (test_race.c:%d)\n"
                          "  g2 r2 reads x at step 7 (test_race.c:%d)\n"
                          "  not ordered: main writes x after spawning g2, "
                          "so g2's start does not order it\n",
                          line_of("@sr-w"), line_of("@plain-r")));
    wf_result_free(&r);
}
END_TEST

static void dfs_with(void (*scenario)(void *), bool fifo, bool cond_any,
                     bool spurious, wf_result *r)
{
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    o.mutex_fifo = fifo;
    o.cond_order_any = cond_any;
    o.spurious_wakeups = spurious;
    wf_explore(scenario, NULL, &o, r);
    ck_assert_msg(r->error == NULL, "%s", r->error ? r->error : "");
    ck_assert(r->complete);
}

/* --mutex fifo hands a released lock to the longest waiter in the
 * unlocker's step (the engine emits the waiter's lock there). */
START_TEST(locks_order_the_same_under_mutex_fifo_and_any_cond_order)
{
    void (*ok[])(void *) = {mutex_ordered, unlock_before_rlock,
                            runlock_before_lock, once_ordered, wg_ordered};
    void (*bad[])(void *) = {mutex_unordered, rlock_does_not_order_rlock,
                             runlock_unordered, once_unordered, wg_unordered};
    for (size_t i = 0; i < 5; i++) {
        wf_result r;
        dfs_with(ok[i], true, true, true, &r);
        ck_assert_int_eq(r.nfindings, 0);
        wf_result_free(&r);
        dfs_with(bad[i], true, true, true, &r);
        ck_assert_int_eq(count(&r, WF_RACE), 1);
        wf_result_free(&r);
    }
}
END_TEST

/* src run once as weft run runs it (every checker on) under a memory
 * budget of mb MB, past which the execution is cut: its output must be
 * want, without findings. */
static void run_within(const char *src, int mb, const char *out)
{
    vm_program *p;
    explore_opts o;
    explorer *x;
    checkers *ck = checkers_new(NULL);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_RANDOM; /* weft run's */
    o.preemptions = -1;
    o.max_executions = 1;
    o.max_memory = (uint64_t)mb << 20;
    x = go_explorer(src, &o, checkers_consumers(ck), &p);
    ck_assert_msg(x->last_output && !strcmp(x->last_output, out),
                  "under a %d MB budget: output '%s', not '%s'", mb,
                  x->last_output ? x->last_output : "(none)", out);
    ck_assert_uint_eq(x->findings.len, 0);
    explore_free(x);
    checkers_free(ck);
    vm_program_free(p);
}

/* A channel per goroutine, sent on by it and received by main, K of
 * them one after another: each channel's reads (the send, the receive)
 * are concurrent, so it keeps a read vector. Sparse, it costs the two
 * readers; dense by tid it cost the sender's tid (K^2 / 2 entries over
 * the execution: 2,000 goroutines took 125 MB, 8,000 took 1.9 GB). */
START_TEST(read_vectors_cost_the_readers_not_their_tids)
{
    run_within(GO("func main() {\n"
                  "\ts := 0\n"
                  "\tfor i := 0; i < 2000; i++ {\n"
                  "\t\tc := make(chan int)\n"
                  "\t\tgo func(i int) { c <- i }(i)\n"
                  "\t\ts += <-c\n"
                  "\t}\n"
                  "\tprintln(s)\n"
                  "}\n"),
               32, "1999000\n");
}
END_TEST

/* K goroutines spawned by main, each blocked on one channel: a task's
 * clock holds main's entry and its own. Dense by tid, goroutine k's
 * clock took k entries (K^2 / 2 over the execution: 2,000 goroutines
 * passed 8 MB, 100,000 took 4.2 GB). */
START_TEST(task_clocks_cost_the_tasks_synchronized_with_not_their_tids)
{
    run_within(GO("func main() {\n"
                  "\tch := make(chan int)\n"
                  "\tfor i := 0; i < 2000; i++ {\n"
                  "\t\tgo func() { <-ch }()\n"
                  "\t}\n"
                  "\tclose(ch)\n"
                  "\tprintln(\"done\")\n"
                  "}\n"),
               8, "done\n");
}
END_TEST

Suite *race_suite(void)
{
    Suite *s = suite_create("race");
    TCase *tc = tcase_create("edges");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, spawn_orders_the_parent_before_the_child);
    tcase_add_test(tc, read_vectors_cost_the_readers_not_their_tids);
    tcase_add_test(
        tc, task_clocks_cost_the_tasks_synchronized_with_not_their_tids);
    tcase_add_test(tc, send_happens_before_the_receive_completes);
    tcase_add_test(tc,
                   kth_receive_happens_before_the_send_k_plus_cap_completes);
    tcase_add_test(tc, unbuffered_receive_happens_before_the_send_completes);
    tcase_add_test(tc, close_happens_before_a_receive_that_sees_it);
    tcase_add_test(tc, unlock_happens_before_the_next_lock);
    tcase_add_test(tc, rw_unlock_happens_before_rlock_but_rlocks_order_nothing);
    tcase_add_test(tc, runlock_happens_before_the_next_lock);
    tcase_add_test(tc, done_happens_before_the_wait_it_releases);
    tcase_add_test(tc, once_function_happens_before_every_do_returns);
    tcase_add_test(tc, atomics_are_sequentially_consistent);
    tcase_add_test(tc, close_not_ordered_with_a_send_is_a_race);
    tcase_add_test(tc, report_says_which_send_would_have_ordered_the_accesses);
    tcase_add_test(tc,
                   write_after_concurrent_reads_races_with_the_unordered_one);
    tcase_add_test(tc,
                   locks_order_the_same_under_mutex_fifo_and_any_cond_order);
    suite_add_tcase(s, tc);
    return s;
}

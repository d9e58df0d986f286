/* test_trace.c: the trace database (sim/trace.*): a recorded run reads
 * back as the event stream the consumers saw; replays compare equal or
 * name the first differing step; bad databases are refused untouched. */
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/explore.h"
#include "sim/native.h"
#include "sim/trace.h"
#include "sim/weft.h"

/* ---- scenarios ---------------------------------------------------------- */

typedef struct shared {
    wf_chan *ch, *quit;
    wf_mutex *mu;
    wf_var *x;
    wf_waitgroup *wg;
    wf_atomic *n;
} shared;

static void producer(void *arg)
{
    shared *s = arg;
    for (int i = 1; i <= 2; i++)
        wf_chan_send(s->ch, i);
    wf_mutex_lock(s->mu);
    wf_write(s->x, wf_read(s->x) + 1);
    wf_mutex_unlock(s->mu);
    wf_atomic_add(s->n, 1);
    wf_waitgroup_done(s->wg);
}

/* Channels, select, a mutex, a variable, an atomic, a wait group, sleep
 * and output: most kinds of events. */
static void rich(void *arg)
{
    shared s;
    wf_case cs[2];
    int got = 0;
    (void)arg;
    s.ch = wf_chan_new("ch", 1);
    s.quit = wf_chan_new("quit", 0);
    s.mu = wf_mutex_new("mu");
    s.x = wf_var_new("x", 0);
    s.wg = wf_waitgroup_new("wg");
    s.n = wf_atomic_new("n", 0);
    wf_waitgroup_add(s.wg, 2);
    wf_go(producer, &s, "producer");
    wf_go(producer, &s, "producer");
    while (got < 4) {
        memset(cs, 0, sizeof cs);
        cs[0].chan = s.ch;
        cs[1].chan = s.quit;
        if (wf_select(cs, 2, false) == 0) got++;
    }
    wf_sleep(1000);
    wf_waitgroup_wait(s.wg);
    wf_printf("x=%d\n", (int)wf_read(s.x));
}

#define N 3
typedef struct table {
    wf_mutex *fork[N];
    wf_waitgroup *wg; /* main waits: the table lives on its stack */
} table;
typedef struct seat {
    table *t;
    int i, step;
} seat;

static void phil(void *arg)
{
    seat *s = arg;
    wf_mutex *l = s->t->fork[s->i], *r = s->t->fork[(s->i + s->step) % N];
    wf_mutex_lock(l);
    wf_mutex_lock(r);
    wf_mutex_unlock(r);
    wf_mutex_unlock(l);
    wf_waitgroup_done(s->t->wg);
}

static void philo_with(int step)
{
    table t;
    seat s[N];
    char name[16];
    for (int i = 0; i < N; i++) {
        snprintf(name, sizeof name, "fork%d", i);
        t.fork[i] = wf_mutex_new(name);
    }
    t.wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(t.wg, N);
    for (int i = 0; i < N; i++) {
        s[i].t = &t;
        s[i].i = i;
        s[i].step = step;
        wf_go(phil, &s[i], "phil");
    }
    wf_waitgroup_wait(t.wg);
}

static void philo(void *arg)
{
    (void)arg;
    philo_with(1);
}

/* The same program with each philosopher's second fork changed. */
static void philo_changed(void *arg)
{
    (void)arg;
    philo_with(2);
}

/* ---- helpers ------------------------------------------------------------ */

/* A consumer keeping a copy of every event (files duplicated). */
typedef struct tap {
    VEC(wf_event) evs;
} tap;

static void tap_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    tap *t = ctx;
    wf_event c = *ev;
    (void)e;
    c.file = ev->file ? wf_xstrdup(ev->file) : NULL;
    VEC_PUSH(t->evs, c);
}

static void tap_free(tap *t)
{
    for (size_t i = 0; i < t->evs.len; i++)
        free((char *)t->evs.p[i].file);
    VEC_FREE(t->evs);
}

typedef struct rec_ctx {
    trace *t;
    int64_t id;
    wf_status st;
    char sched[4096];
} rec_ctx;

static void rec_after(void *ctx, wf_engine *e, const char *s)
{
    rec_ctx *r = ctx;
    trace_run_info ri;
    wf_diag d;
    memset(&ri, 0, sizeof ri);
    ri.file = "test_trace";
    ri.command = "run";
    ri.strategy = "random";
    ri.schedule = s;
    ri.created_at = "2000-01-01T00:00:00Z";
    ri.role = "execution";
    ri.max_steps = 1000000;
    snprintf(r->sched, sizeof r->sched, "%s", s);
    r->st = trace_end_run(r->t, e, &ri, &r->id, &d);
}

/* Run scenario once (seed, or schedule when not NULL) with consumers cs;
 * when r is set, record the run. Returns the explorer (caller frees). */
static explorer *run_once(void (*scenario)(void *), uint64_t seed,
                          const char *sched, consumer_set *cs, rec_ctx *r)
{
    static native_start ns;
    program p;
    explore_opts eo;
    explorer *x;
    wf_diag d;
    ns.fn = scenario;
    ns.arg = NULL;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    p.hash = 0x1234;
    p.file = "test_trace";
    memset(&eo, 0, sizeof eo);
    eo.strategy = sched ? WF_STRATEGY_REPLAY : WF_STRATEGY_RANDOM;
    eo.schedule = sched;
    eo.seed = seed;
    eo.max_executions = 1;
    if (r) {
        eo.after_exec = rec_after;
        eo.after_ctx = r;
    }
    x = explore_new(&p, &eo);
    ck_assert_int_eq(explore_run(x, cs, &d), WF_OK);
    return x;
}

static char *tmp_path(const char *name)
{
    static char p[256];
    snprintf(p, sizeof p, "/tmp/weft_test_trace_%d_%s", (int)getpid(), name);
    unlink(p);
    {
        char w[300];
        snprintf(w, sizeof w, "%s-wal", p);
        unlink(w);
        snprintf(w, sizeof w, "%s-shm", p);
        unlink(w);
    }
    return p;
}

static void sql(const char *path, const char *stmt)
{
    sqlite3 *db;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, stmt, NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
}

static size_t slurp(const char *path, char *b, size_t n)
{
    FILE *f = fopen(path, "rb");
    size_t k;
    ck_assert_ptr_nonnull(f);
    k = fread(b, 1, n, f);
    fclose(f);
    return k;
}

/* Record scenario into path (new) and return the run id. */
static int64_t record(const char *path, void (*scenario)(void *), uint64_t seed,
                      tap *tp, char *sched)
{
    rec_ctx r;
    wf_diag d;
    wf_consumer c[2];
    consumer_set cs = {c, 1};
    explorer *x;
    memset(&r, 0, sizeof r);
    ck_assert_int_eq(trace_open(&r.t, path, TRACE_WRITE, 100, &d), WF_OK);
    c[0] = trace_consumer(r.t);
    if (tp) {
        c[1].ctx = tp;
        c[1].begin = NULL;
        c[1].event = tap_event;
        c[1].end = NULL;
        cs.n = 2;
    }
    x = run_once(scenario, seed, NULL, &cs, &r);
    ck_assert_int_eq(r.st, WF_OK);
    ck_assert_int_eq(trace_commit(r.t, &d), WF_OK);
    explore_free(x);
    trace_close(r.t);
    if (sched) strcpy(sched, r.sched);
    return r.id;
}

/* ---- tests -------------------------------------------------------------- */

START_TEST(recorded_events_read_back_equal_to_the_consumers_stream)
{
    const char *path = tmp_path("rt.db");
    tap tp;
    trace *t;
    trace_cursor *c;
    trace_run_rec r;
    wf_diag d;
    wf_event ev;
    int64_t seq, id;
    size_t n = 0;
    memset(&tp, 0, sizeof tp);
    id = record(path, rich, 7, &tp, NULL);
    ck_assert_int_ge(id, 1);
    ck_assert_uint_gt(tp.evs.len, 20);
    ck_assert_int_eq(trace_open(&t, path, TRACE_READ, 100, &d), WF_OK);
    ck_assert_int_eq(trace_events_open(t, id, &c, &d), WF_OK);
    while (trace_events_next(c, &ev, &seq, &d) == 1) {
        const wf_event *w = &tp.evs.p[n];
        ck_assert_uint_lt(n, tp.evs.len);
        ck_assert_int_eq(seq, (int64_t)n);
        ck_assert_uint_eq(ev.step, w->step);
        ck_assert_int_eq(ev.clock, w->clock);
        ck_assert_int_eq(ev.tid, w->tid);
        ck_assert_int_eq(ev.op, w->op);
        ck_assert_int_eq(ev.flags, w->flags);
        ck_assert_int_eq(ev.oid, w->oid);
        ck_assert_int_eq(ev.peer, w->peer);
        ck_assert_int_eq(ev.value, w->value);
        ck_assert_int_eq(ev.aux, w->aux);
        ck_assert_int_eq(ev.aux2, w->aux2);
        ck_assert_int_eq(ev.line, w->line);
        ck_assert((ev.file == NULL) == (w->file == NULL));
        if (ev.file) ck_assert_str_eq(ev.file, w->file);
        n++;
    }
    ck_assert_uint_eq(n, tp.evs.len);
    trace_events_close(c);
    ck_assert_int_eq(trace_get_run(t, id, &r, &d), WF_OK);
    ck_assert_str_eq(r.verdict, "ok");
    ck_assert_str_eq(r.output, "x=2\n");
    ck_assert_str_eq(r.role, "execution");
    ck_assert_int_eq(r.nevents, (int64_t)n);
    ck_assert_int_eq(r.max_steps, 1000000);
    trace_run_rec_fini(&r);
    trace_close(t);
    tap_free(&tp);
}
END_TEST

static int64_t count(const char *path, const char *q)
{
    sqlite3 *db;
    sqlite3_stmt *s;
    int64_t v = -1;
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, q, -1, &s, NULL), SQLITE_OK);
    if (sqlite3_step(s) == SQLITE_ROW) v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return v;
}

START_TEST(tables_hold_spec_op_names_tasks_objects_and_metrics)
{
    const char *path = tmp_path("tables.db");
    int64_t id = record(path, rich, 3, NULL, NULL);
    ck_assert_int_eq(id, 1);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM tasks"), 3);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM objects WHERE "
                                 "kind = 'chan' AND capacity = 1"),
                     1);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM events WHERE op "
                                 "NOT IN ('spawn','exit','send','recv',"
                                 "'close','select','lock','unlock',"
                                 "'trylock','rlock','runlock','tryrlock',"
                                 "'wait',"
                                 "'signal','broadcast','wg_add','wg_done',"
                                 "'wg_wait','once','read','write','atomic',"
                                 "'sleep','timer','print','block','unblock',"
                                 "'progress','assert','panic')"),
                     0);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM events WHERE op = "
                                 "'timer' AND clock = 1000"),
                     1);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM metrics"), 3 * 6);
    /* every step is a task's, but for the step that fires the timer */
    ck_assert_int_eq(count(path, "SELECT sum(value) FROM metrics WHERE "
                                 "name = 'steps'"),
                     count(path, "SELECT steps - 1 FROM runs"));
    ck_assert_int_eq(count(path, "PRAGMA user_version"), TRACE_SCHEMA_VERSION);
}
END_TEST

START_TEST(replay_compares_equal_and_a_changed_program_names_the_step)
{
    const char *path = tmp_path("cmp.db");
    char sched[4096];
    trace *t;
    trace_cmp *c;
    wf_consumer k;
    consumer_set cs = {&k, 1};
    wf_diag d;
    explorer *x;
    int64_t id = -1;
    /* a seed whose execution reaches the second locks */
    for (uint64_t seed = 0; seed < 50; seed++) {
        tap tp;
        bool second = false;
        memset(&tp, 0, sizeof tp);
        unlink(path);
        id = record(path, philo, seed, &tp, sched);
        for (size_t i = 0; i < tp.evs.len; i++)
            if (tp.evs.p[i].op == EV_LOCK && tp.evs.p[i].oid == 1 &&
                tp.evs.p[i].tid == 1)
                second = true;
        tap_free(&tp);
        if (second) break;
    }
    ck_assert_int_eq(trace_open(&t, path, TRACE_READ, 100, &d), WF_OK);
    ck_assert_int_eq(trace_cmp_new(t, id, &c, &d), WF_OK);
    k = trace_cmp_consumer(c);
    x = run_once(philo, 0, sched, &cs, NULL);
    ck_assert_ptr_null(trace_cmp_divergence(c));
    ck_assert_int_gt(trace_cmp_count(c), 8);
    explore_free(x);
    trace_cmp_free(c);

    ck_assert_int_eq(trace_cmp_new(t, id, &c, &d), WF_OK);
    k = trace_cmp_consumer(c);
    x = run_once(philo_changed, 0, sched, &cs, NULL);
    ck_assert_ptr_nonnull(trace_cmp_divergence(c));
    ck_assert_msg(strstr(trace_cmp_divergence(c), "diverges from run 1 at "
                                                  "step ") != NULL,
                  "%s", trace_cmp_divergence(c));
    ck_assert_msg(strstr(trace_cmp_divergence(c), ": expected g") &&
                      strstr(trace_cmp_divergence(c), ", saw g") &&
                      strstr(trace_cmp_divergence(c), "(differs in "),
                  "%s", trace_cmp_divergence(c));
    explore_free(x);
    trace_cmp_free(c);
    trace_close(t);
}
END_TEST

START_TEST(a_database_of_another_schema_version_is_refused_untouched)
{
    const char *path = tmp_path("ver.db");
    char before[65536], after[65536];
    size_t nb, na;
    trace *t;
    wf_diag d;
    record(path, philo, 0, NULL, NULL);
    sql(path, "PRAGMA user_version = 99");
    nb = slurp(path, before, sizeof before);
    ck_assert_int_eq(trace_open(&t, path, TRACE_WRITE, 100, &d), WF_ERR_INPUT);
    ck_assert_ptr_null(t);
    ck_assert_msg(strstr(d.msg, "schema version 99") != NULL, "%s", d.msg);
    ck_assert_int_eq(trace_open(&t, path, TRACE_READ, 100, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "schema version 99") != NULL, "%s", d.msg);
    na = slurp(path, after, sizeof after);
    ck_assert_uint_eq(na, nb);
    ck_assert(memcmp(before, after, na) == 0);
}
END_TEST

START_TEST(a_file_that_is_not_a_database_is_refused_untouched)
{
    const char *path = tmp_path("text.db");
    char b[256];
    trace *t;
    wf_diag d;
    FILE *f = fopen(path, "w");
    fputs("not a database, but some notes\n", f);
    fclose(f);
    ck_assert_int_eq(trace_open(&t, path, TRACE_WRITE, 100, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "not a weft trace database") != NULL, "%s",
                  d.msg);
    ck_assert_uint_eq(slurp(path, b, sizeof b), 31);
    ck_assert(!memcmp(b, "not a database, but some notes\n", 31));
    /* an SQLite database of another application */
    path = tmp_path("other.db");
    sql(path, "CREATE TABLE notes(x)");
    ck_assert_int_eq(trace_open(&t, path, TRACE_WRITE, 100, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "another application") != NULL, "%s", d.msg);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM sqlite_master"), 1);
    /* reading a missing file does not create it */
    path = tmp_path("missing.db");
    ck_assert_int_eq(trace_open(&t, path, TRACE_READ, 100, &d), WF_ERR_INPUT);
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

/* As an unprivileged user (root writes any file): drop to nobody in a
 * child and report what trace_open said through the exit status. */
static int open_as_nobody(const char *path, const char *want)
{
    pid_t pid = fork();
    int ws;
    if (pid == 0) {
        trace *t;
        wf_diag d;
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
            _exit(10);
        if (trace_open(&t, path, TRACE_WRITE, 100, &d) != WF_ERR_INPUT)
            _exit(11);
        _exit(strstr(d.msg, want) ? 0 : 12);
    }
    waitpid(pid, &ws, 0);
    return WIFEXITED(ws) ? WEXITSTATUS(ws) : 99;
}

START_TEST(a_read_only_file_or_directory_is_an_error_not_a_change)
{
    const char *path = tmp_path("ro.db");
    char dir[300], inside[400];
    struct stat a, b;
    record(path, philo, 0, NULL, NULL);
    chmod(path, 0444);
    stat(path, &a);
    ck_assert_int_eq(open_as_nobody(path, "read-only"), 0);
    stat(path, &b);
    ck_assert_int_eq(a.st_size, b.st_size);
    ck_assert_int_eq(a.st_mtime, b.st_mtime);
    unlink(path);
    snprintf(dir, sizeof dir, "%s.dir", path);
    mkdir(dir, 0555);
    snprintf(inside, sizeof inside, "%s/new.db", dir);
    ck_assert_int_eq(open_as_nobody(inside, "cannot open"), 0);
    ck_assert_int_ne(access(inside, F_OK), 0);
    rmdir(dir);
}
END_TEST

START_TEST(a_locked_database_is_a_clear_error_after_the_busy_timeout)
{
    const char *path = tmp_path("lock.db");
    sqlite3 *db;
    trace *t;
    wf_diag d;
    record(path, philo, 0, NULL, NULL);
    ck_assert_int_eq(sqlite3_open(path, &db), SQLITE_OK);
    ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(trace_open(&t, path, TRACE_WRITE, 50, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "locked by another process") != NULL, "%s",
                  d.msg);
    /* readers are not blocked by a writer (WAL) */
    ck_assert_int_eq(trace_open(&t, path, TRACE_READ, 50, &d), WF_OK);
    trace_close(t);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    sqlite3_close(db);
}
END_TEST

START_TEST(an_abandoned_run_leaves_no_rows)
{
    const char *path = tmp_path("abandon.db");
    trace *t;
    wf_diag d;
    rec_ctx r;
    wf_consumer c;
    consumer_set cs = {&c, 1};
    explorer *x;
    ck_assert_int_eq(trace_open(&t, path, TRACE_WRITE, 100, &d), WF_OK);
    c = trace_consumer(t);
    /* an execution the consumer saw but nobody ended */
    x = run_once(philo, 1, NULL, &cs, NULL);
    explore_free(x);
    memset(&r, 0, sizeof r);
    r.t = t;
    x = run_once(rich, 1, NULL, &cs, &r);
    explore_free(x);
    ck_assert_int_eq(trace_commit(t, &d), WF_OK);
    trace_close(t);
    ck_assert_int_eq(r.id, 1);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM runs"), 1);
    ck_assert_int_eq(count(path, "SELECT count(DISTINCT run_id) FROM "
                                 "events"),
                     1);
    ck_assert_int_eq(count(path, "SELECT count(*) FROM tasks"), 3);
}
END_TEST

Suite *trace_suite(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("trace");
    tcase_set_timeout(tc, 30);
    tcase_add_test(tc, recorded_events_read_back_equal_to_the_consumers_stream);
    tcase_add_test(tc, tables_hold_spec_op_names_tasks_objects_and_metrics);
    tcase_add_test(tc,
                   replay_compares_equal_and_a_changed_program_names_the_step);
    tcase_add_test(tc,
                   a_database_of_another_schema_version_is_refused_untouched);
    tcase_add_test(tc, a_file_that_is_not_a_database_is_refused_untouched);
    tcase_add_test(tc, a_read_only_file_or_directory_is_an_error_not_a_change);
    tcase_add_test(tc,
                   a_locked_database_is_a_clear_error_after_the_busy_timeout);
    tcase_add_test(tc, an_abandoned_run_leaves_no_rows);
    suite_add_tcase(s, tc);
    return s;
}

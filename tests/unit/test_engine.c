/* test_engine.c: the scheduler loop (sim/engine.c), native tasks
 * (sim/native.c), the C API's edges (sim/capi.c) and the explorer's
 * determinism and replay (sim/explore.c). */
#define _GNU_SOURCE
#include "wft.h"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include "weft.h"

#if defined(__SANITIZE_ADDRESS__)
#define WFT_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WFT_ASAN 1
#endif
#endif
#ifndef WFT_ASAN
#define WFT_ASAN 0
#endif

static int outcome_cmp(const void *a, const void *b)
{
    return strcmp(((const wf_outcome *)a)->output,
                  ((const wf_outcome *)b)->output);
}

/* ---- a scenario using most of the engine ------------------------------ */

typedef struct mix {
    wf_chan *jobs, *quit;
    wf_mutex *m;
    wf_cond *c;
    wf_waitgroup *wg;
    wf_atomic *a;
    wf_var *x;
    int ready;
} mix;

static void producer(void *arg)
{
    mix *p = arg;
    for (int i = 0; i < 3; i++) {
        wf_chan_send(p->jobs, wf_atomic_add(p->a, 1));
        if (i == 1)
            wf_sleep(5);
    }
    wf_waitgroup_done(p->wg);
}

static void consumer(void *arg)
{
    mix *p = arg;
    for (;;) {
        wf_case cs[2] = {{p->jobs, false, 0, 0, false},
                         {p->quit, false, 0, 0, false}};
        int k = wf_select(cs, 2, false);
        if (k == 1 || !cs[0].ok)
            break;
        wf_write(p->x, wf_read(p->x) + cs[0].received);
        wf_printf("got %ld at %lld\n", (long)cs[0].received,
                  (long long)wf_now());
    }
    wf_mutex_lock(p->m);
    p->ready = 1;
    wf_cond_signal(p->c);
    wf_mutex_unlock(p->m);
}

static void mixed(void *arg)
{
    mix *p = arena_alloc(&native_engine()->mem, sizeof *p);
    (void)arg;
    p->jobs = wf_chan_new("jobs", 2);
    p->quit = wf_chan_new("quit", 0);
    p->m = wf_mutex_new("m");
    p->c = wf_cond_new("c", p->m);
    p->wg = wf_waitgroup_new("wg");
    p->a = wf_atomic_new("a", 0);
    p->x = wf_var_new("x", 0);
    wf_waitgroup_add(p->wg, 2);
    wf_go(producer, p, "producer");
    wf_go(producer, p, "producer");
    wf_go(consumer, p, "consumer");
    wf_waitgroup_wait(p->wg);
    wf_chan_close(p->quit);
    wf_mutex_lock(p->m);
    while (!p->ready)
        wf_cond_wait(p->c);
    wf_mutex_unlock(p->m);
    wf_printf("sum %ld\n", (long)wf_read(p->x));
}

static run_ run_seed(uint64_t seed, evlog *l)
{
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    o.seed = seed;
    return run_explore(mixed, NULL, &o, l);
}

START_TEST(the_same_seed_gives_the_same_events_byte_for_byte)
{
    int distinct = 0;
    char *prev = NULL;
    for (uint64_t seed = 0; seed < 100; seed++) {
        evlog a, b;
        run_ ra, rb;
        evlog_init(&a);
        evlog_init(&b);
        ra = run_seed(seed, &a);
        rb = run_seed(seed, &b); /* another explorer, another engine */
        ck_assert_int_eq(ra.st, WF_OK);
        ck_assert_int_eq(a.executions, 1);
        ck_assert_uint_gt(a.text.len, 1000);
        ck_assert_uint_eq(a.text.len, b.text.len);
        ck_assert_str_eq(a.text.p, b.text.p);
        ck_assert_str_eq(ra.x->last_output, rb.x->last_output);
        ck_assert_str_eq(ra.x->last_schedule, rb.x->last_schedule);
        ck_assert_int_eq(ra.x->findings.len, 0);
        ck_assert_int_eq(strncmp(ra.x->last_output, "got ", 4), 0);
        ck_assert_ptr_nonnull(strstr(ra.x->last_output, "\nsum "));
        if (!prev || strcmp(prev, a.text.p))
            distinct++;
        free(prev);
        prev = wf_xstrdup(a.text.p);
        run_free(&ra);
        run_free(&rb);
        evlog_fini(&a);
        evlog_fini(&b);
    }
    free(prev);
    ck_assert_int_gt(distinct, 50); /* the seeds do steer the runs */
}
END_TEST

START_TEST(replaying_a_random_run_reproduces_it_exactly)
{
    for (uint64_t seed = 0; seed < 100; seed++) {
        evlog a, b;
        run_ ra, rb;
        explore_opts o = opts_of(WF_STRATEGY_REPLAY);
        evlog_init(&a);
        evlog_init(&b);
        ra = run_seed(1000 + seed, &a);
        o.schedule = ra.x->last_schedule;
        rb = run_explore(mixed, NULL, &o, &b);
        ck_assert_int_eq(rb.st, WF_OK);
        ck_assert_ptr_null(rb.x->diverged);
        ck_assert_int_eq(rb.x->executions, 1);
        ck_assert_str_eq(a.text.p, b.text.p);
        ck_assert_str_eq(ra.x->last_output, rb.x->last_output);
        ck_assert_str_eq(ra.x->last_schedule, rb.x->last_schedule);
        run_free(&ra);
        run_free(&rb);
        evlog_fini(&a);
        evlog_fini(&b);
    }
}
END_TEST

/* ---- replay against a changed program --------------------------------- */

/* A step that is a scheduling point and no yield (a yield hands the
 * processor on: round robin would leave main at each). */
static void pause_here(void)
{
    (void)wf_atomic_load(wf_atomic_new("p", 0));
}

static void yielder(void *arg)
{
    (void)arg;
    pause_here();
}

static void variant_a(void *arg)
{
    (void)arg;
    wf_go(yielder, NULL, "y");
    pause_here();
    pause_here();
}

static void variant_more_tasks(void *arg)
{
    (void)arg;
    wf_go(yielder, NULL, "y");
    wf_go(yielder, NULL, "y");
    pause_here();
}

static void variant_more_steps(void *arg)
{
    (void)arg;
    wf_go(yielder, NULL, "y");
    pause_here();
    pause_here();
    pause_here();
}

static void variant_fewer_steps(void *arg)
{
    (void)arg;
    wf_go(yielder, NULL, "y");
    pause_here();
}

START_TEST(a_replay_against_a_changed_program_names_the_first_differing_step)
{
    wf_result a, r;
    wf_options o = wf_options_default();
    char *sched;
    o.strategy = WF_STRATEGY_RR;
    ck_assert_int_eq(wf_explore(variant_a, NULL, &o, &a), 0);
    /* rr: steps 2, 3 (yields) and 4 (main's return) choose main among
     * {main, g1} */
    sched = wf_xstrdup(a.outcomes[0].schedule);
    ck_assert_int_eq(strncmp(sched + 8, "-A3.", 4), 0); /* then the check */
    ck_assert_uint_eq(strlen(sched), 8 + 3 + 4);
    wf_result_free(&a);

    o.strategy = WF_STRATEGY_REPLAY;
    o.schedule = sched;
    ck_assert_int_eq(wf_explore(variant_a, NULL, &o, &r), 0);
    ck_assert_ptr_null(r.error);
    wf_result_free(&r);

    ck_assert_int_eq(wf_explore(variant_more_tasks, NULL, &o, &r), 2);
    ck_assert_str_eq(r.error, "the replay diverges at step 3: the schedule "
                              "chose among 2 alternatives, the program "
                              "offers 3 tasks");
    wf_result_free(&r);

    ck_assert_int_eq(wf_explore(variant_more_steps, NULL, &o, &r), 2);
    ck_assert_str_eq(r.error, "the replay diverges at step 5: the program "
                              "offers a choice among 2 tasks that the "
                              "schedule does not have");
    wf_result_free(&r);

    ck_assert_int_eq(wf_explore(variant_fewer_steps, NULL, &o, &r), 2);
    ck_assert_str_eq(r.error, "the replay diverges at step 4: the execution "
                              "ended with 1 choice of the schedule left");
    wf_result_free(&r);

    /* and the schedule names another program */
    o.strategy = WF_STRATEGY_RR;
    ck_assert_int_eq(wf_explore(variant_more_tasks, NULL, &o, &r), 0);
    ck_assert_int_ne(strncmp(r.outcomes[0].schedule, sched, 8), 0);
    wf_result_free(&r);
    free(sched);
}
END_TEST

START_TEST(a_bad_schedule_string_is_a_usage_error)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_REPLAY;
    o.schedule = "nothex!!-A";
    ck_assert_int_eq(wf_explore(variant_a, NULL, &o, &r), 2);
    ck_assert_str_eq(r.error, "error: bad schedule: it must start with 8 hex "
                              "digits (the program's hash)");
    ck_assert_int_eq(r.executions, 0);
    wf_result_free(&r);
}
END_TEST

/* ---- many tasks --------------------------------------------------------- */

typedef struct many {
    wf_chan *c;
    wf_atomic *a;
} many;

static void bump(void *arg)
{
    many *m = arg;
    wf_chan_send(m->c, wf_atomic_add(m->a, 1));
}

static void ten_thousand(void *arg)
{
    int64_t *sum = arg;
    many *m = arena_alloc(&native_engine()->mem, sizeof *m);
    m->c = wf_chan_new("c", 0);
    m->a = wf_atomic_new("a", 0);
    for (int i = 0; i < 10000; i++)
        wf_go(bump, m, "bump");
    for (int i = 0; i < 10000; i++)
        *sum += wf_chan_recv(m->c, NULL);
}

START_TEST(ten_thousand_tasks_run_in_one_execution)
{
    int64_t sum = 0;
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    run_ r;
    const wf_event *last;
    evlog_init(&l);
    o.stack_size = 16 * 1024;
    r = run_explore(ten_thousand, &sum, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(r.x->last_end, END_DONE);
    ck_assert_int_eq(sum, 10000LL * 10001 / 2);
    ck_assert_int_eq(evlog_count(&l, EV_SPAWN, 0), 10000);
    ck_assert_int_eq(evlog_count(&l, EV_EXIT, -1), 10001);
    last = evlog_nth(&l, EV_SPAWN, 9999);
    ck_assert_int_eq(last->peer, 10000);
    ck_assert_str_eq(r.x->e->tasks.p[10000]->name, "g10000 bump");
    ck_assert_int_eq(r.x->e->tasks.len, 10001);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void nothing(void *arg)
{
    (void)arg;
}

static void named(void *arg)
{
    (void)arg;
    wf_go(nothing, NULL, "worker");
    wf_go(nothing, NULL, NULL);
    wf_go(nothing, NULL, "");
    wf_go(nothing, NULL, "worker");
}

START_TEST(tasks_are_numbered_in_spawn_order_and_named_g_n_name)
{
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    run_ r = run_explore(named, NULL, &o, NULL);
    wf_engine *e = r.x->e;
    ck_assert_int_eq(e->tasks.len, 5);
    ck_assert_str_eq(e->tasks.p[0]->name, "main");
    ck_assert_str_eq(e->tasks.p[1]->name, "g1 worker");
    ck_assert_str_eq(e->tasks.p[2]->name, "g2");
    ck_assert_str_eq(e->tasks.p[3]->name, "g3");
    ck_assert_str_eq(e->tasks.p[4]->name, "g4 worker");
    ck_assert_int_eq(e->tasks.p[4]->parent, 0);
    ck_assert_int_eq(e->tasks.p[0]->parent, -1);
    run_free(&r);
}
END_TEST

/* ---- stack overflow ------------------------------------------------------ */

static int deep(int n)
{
    volatile char frame[512];
    frame[0] = (char)n;
    frame[511] = (char)n;
    return n == 0 ? frame[0] : deep(n - 1) + frame[511];
}

static void recurse(void *arg)
{
    int *r = arg;
    *r = deep(1 << 20); /* far more than any task stack */
}

static void overflow(void *arg)
{
    wf_go(recurse, arg, "deep");
    wf_yield();
}

static void fine(void *arg)
{
    int *r = arg;
    *r = deep(10);
}

START_TEST(a_stack_overflow_is_a_panic_naming_the_task)
{
    int res = 0;
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_RANDOM;
    o.max_executions = 3; /* the next executions still work */
    o.stack_size = 64 * 1024;
    ck_assert_int_eq(wf_explore(overflow, &res, &o, &r), 1);
    ck_assert_int_eq(r.executions, 3);
    ck_assert_str_eq(only_message(&r),
                     "stack overflow: g1 deep exceeded its 64 KiB stack "
                     "(set wf_options.stack_size)");
    ck_assert_str_eq(r.findings[0].kind_name, "panic");
    ck_assert_int_eq(r.findings[0].count, 3);
    ck_assert_int_eq(res, 0);
    wf_result_free(&r);
    /* and a later exploration in the same process is unharmed */
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(fine, &res, &o, &r), 0);
    ck_assert_int_eq(res, 55); /* deep(10) = 1 + 2 + ... + 10 */
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

/* UBSan would report the store it is meant to make (make asan) */
__attribute__((no_sanitize("undefined"))) static void crasher(void *arg)
{
    volatile int *p = arg;
    *p = 1; /* a NULL store: a real crash, not an overflow */
}

static void crash_in_task(void *arg)
{
    wf_go(crasher, arg, "crasher");
    wf_yield();
}

/* Explore scenario in a child (its stderr into out too, when err): its
 * wait status, and in out what it wrote: the first finding's kind and
 * message and the executions. */
static int explore_in_child(void (*scenario)(void *), bool err, char *out,
                            size_t size)
{
    int fd[2], status;
    ssize_t n, got = 0;
    pid_t pid;
    ck_assert_int_eq(pipe(fd), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        wf_options o = wf_options_default();
        wf_result r;
        char m[512];
        int len;
        close(fd[0]);
        if (err)
            dup2(fd[1], 2);
        unsetenv("WF_ABORT");
        o.strategy = WF_STRATEGY_RR;
        wf_explore(scenario, NULL, &o, &r);
        len = snprintf(m, sizeof m, "%zu %s %s %lld", r.nfindings,
                       r.nfindings ? r.findings[0].kind_name : "-",
                       r.nfindings ? r.findings[0].message : "-",
                       (long long)r.executions);
        if (write(fd[1], m, (size_t)len) != len)
            _exit(98);
        wf_result_free(&r);
        _exit(0);
    }
    close(fd[1]);
    while ((n = read(fd[0], out + got, size - 1 - (size_t)got)) > 0)
        got += n;
    out[got] = 0;
    close(fd[0]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    return status;
}

/* A fault outside a guard region is the program's own crash (a null
 * store here): the task ends with a panic finding naming the signal and
 * the task, as the process would have died, and the search goes on (it
 * used to kill the whole check: a real C bug then had no report). Run in
 * a child, so that a regression to dying shows as a failed check. */
START_TEST(a_real_crash_in_a_task_is_a_panic_finding)
{
    char out[512];
    int status = explore_in_child(crash_in_task, false, out, sizeof out);
#if WFT_ASAN
    /* the sanitizers may see the store first and end the process */
    if (WIFSIGNALED(status) || WEXITSTATUS(status) != 0)
        return;
#endif
    ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    ck_assert_str_eq(out, "1 panic SIGSEGV: g1 crasher dereferenced a null "
                          "pointer (address 0x0) 1");
}
END_TEST

static bool own_code(void *ctx, uintptr_t pc, const char **file,
                     int32_t *line)
{
    (void)ctx;
    (void)pc;
    (void)file;
    (void)line;
    return false;
}

static void crash_in_runtime(void *arg)
{
    native_engine()->fe.fault_site = own_code;
    crash_in_task(arg);
}

/* A crash the front end places in its own runtime code (weft cc's
 * runtime, not the program's) is weft's internal error: exit 3 and a
 * message saying so, never the program's panic finding. */
START_TEST(a_crash_in_the_front_ends_own_code_is_an_internal_error)
{
    char out[512];
    int status = explore_in_child(crash_in_runtime, true, out, sizeof out);
#if WFT_ASAN
    /* the sanitizers may see the store first and end the process */
    if (WIFSIGNALED(status) || WEXITSTATUS(status) != 3)
        return;
#endif
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 3);
    ck_assert_msg(strstr(out, "weft: internal error: SIGSEGV: weft "
                              "dereferenced a null pointer (address 0x0), "
                              "in weft's own code (its runtime, while g1 "
                              "crasher ran)") != NULL,
                  "%s", out);
}
END_TEST

/* ---- virtual time -------------------------------------------------------- */

typedef struct clock_ctx {
    int64_t woke[4];
    int64_t before_block;
    int64_t zero_sleep;
} clock_ctx;

typedef struct sleeper_arg {
    clock_ctx *c;
    int id;
    int64_t ns;
} sleeper_arg;

static void sleeper(void *arg)
{
    sleeper_arg *s = arg;
    wf_sleep(s->ns);
    s->c->woke[s->id] = wf_now();
}

static void clocks(void *arg)
{
    clock_ctx *c = arg;
    sleeper_arg *s = arena_alloc(&native_engine()->mem, 2 * sizeof *s);
    s[0] = (sleeper_arg){c, 1, 100};
    s[1] = (sleeper_arg){c, 2, 50};
    wf_go(sleeper, &s[0], "slow");
    wf_go(sleeper, &s[1], "fast");
    for (int i = 0; i < 5; i++)
        wf_yield(); /* main is runnable: the clock stands still */
    wf_sleep(0);
    wf_sleep(-5);
    c->before_block = wf_now();
    wf_sleep(200);
    c->woke[0] = wf_now();
}

START_TEST(the_clock_moves_only_when_every_task_is_blocked)
{
    clock_ctx c;
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    run_ r;
    const wf_event *t0, *t1, *t2;
    memset(&c, 0, sizeof c);
    evlog_init(&l);
    r = run_explore(clocks, &c, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(c.before_block, 0);
    ck_assert_int_eq(c.woke[2], 50);
    ck_assert_int_eq(c.woke[1], 100);
    ck_assert_int_eq(c.woke[0], 200);
    ck_assert_int_eq(r.x->e->now_ns, 200);
    ck_assert_int_eq(evlog_count(&l, EV_TIMER, -1), 3);
    t0 = evlog_nth(&l, EV_TIMER, 0);
    t1 = evlog_nth(&l, EV_TIMER, 1);
    t2 = evlog_nth(&l, EV_TIMER, 2);
    ck_assert(t0->tid == 2 && t0->clock == 50 && t0->value == 50);
    ck_assert(t1->tid == 1 && t1->clock == 100);
    ck_assert(t2->tid == 0 && t2->clock == 200);
    /* zero and negative sleeps are scheduling points only */
    ck_assert_int_eq(evlog_count(&l, EV_SLEEP, 0), 3);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void print_after(void *arg)
{
    sleeper_arg *s = arg;
    wf_sleep(s->ns);
    wf_printf("%d", s->id);
}

static void ordered_by_sleeps(void *arg)
{
    sleeper_arg *s = arena_alloc(&native_engine()->mem, 2 * sizeof *s);
    (void)arg;
    s[0] = (sleeper_arg){NULL, 1, 10};
    s[1] = (sleeper_arg){NULL, 2, 20};
    wf_go(print_after, &s[0], "p");
    wf_go(print_after, &s[1], "p");
    wf_sleep(30);
}

START_TEST(time_strict_orders_sleepers_and_time_loose_does_not)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(ordered_by_sleeps, NULL, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.noutcomes, 1);
    ck_assert_str_eq(r.outcomes[0].output, "12");
    wf_result_free(&r);
    o.time_loose = true; /* sleeps are mere scheduling points */
    ck_assert_int_eq(wf_explore(ordered_by_sleeps, NULL, &o, &r), 0);
    ck_assert(r.complete);
    qsort(r.outcomes, r.noutcomes, sizeof r.outcomes[0], outcome_cmp);
    ck_assert_int_eq(r.noutcomes, 5); /* main's return may cut either */
    ck_assert_str_eq(r.outcomes[0].output, "");
    ck_assert_str_eq(r.outcomes[1].output, "1");
    ck_assert_str_eq(r.outcomes[2].output, "12");
    ck_assert_str_eq(r.outcomes[3].output, "2");
    ck_assert_str_eq(r.outcomes[4].output, "21");
    ck_assert_ptr_nonnull(strstr(r.outcomes[0].schedule, ".l-"));
    wf_result_free(&r);
}
END_TEST

typedef struct sleepers {
    int64_t woke[2];
    wf_waitgroup *wg;
} sleepers;

static void sleep_ten(void *arg)
{
    sleepers *s = arg;
    wf_sleep(10);
    s->woke[wf_now() == 10]++;
    wf_waitgroup_done(s->wg);
}

static void hundred_sleepers(void *arg)
{
    sleepers *s = arg;
    s->wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(s->wg, 100);
    for (int i = 0; i < 100; i++)
        wf_go(sleep_ten, arg, "s");
    wf_waitgroup_wait(s->wg); /* time stops when main returns */
}

START_TEST(a_hundred_timers_with_one_deadline_all_fire_at_it)
{
    sleepers sl = {{0, 0}, NULL};
    int64_t *woke = sl.woke;
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_RANDOM;
    ck_assert_int_eq(wf_explore(hundred_sleepers, &sl, &o, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(woke[1], 100); /* more than fire_timers' batch of 64 */
    ck_assert_int_eq(woke[0], 0);
    wf_result_free(&r);
}
END_TEST

/* ---- main returning ------------------------------------------------------ */

typedef struct after_main {
    wf_chan *never;
    bool late_ran;
} after_main;

static void late(void *arg)
{
    after_main *a = arg;
    wf_yield();
    wf_printf("late\n"); /* after main returned: not output */
    a->late_ran = true;
}

static void stuck(void *arg)
{
    after_main *a = arg;
    wf_chan_recv(a->never, NULL);
}

static void main_returns_early(void *arg)
{
    after_main *a = arg;
    a->never = wf_chan_new("never", 0);
    wf_go(late, a, "late");
    wf_go(stuck, a, "stuck");
    wf_printf("main\n");
}

START_TEST(main_returning_ends_output_while_the_rest_run_on_or_leak)
{
    after_main a = {NULL, false};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const xfinding *f;
    const wf_event *ex;
    evlog_init(&l);
    r = run_explore(main_returns_early, &a, &o, &l);
    ck_assert_str_eq(r.x->last_output, "main\n");
    ck_assert(a.late_ran);
    ck_assert_int_eq(r.x->findings.len, 1);
    f = find(r.x, WF_LEAK);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->message, "g2 stuck blocked forever in recv");
    ck_assert(!f->f.error); /* a warning in a program */
    ck_assert_int_eq(explore_status(r.x, false), 0);
    ck_assert_int_eq(explore_status(r.x, true), 1);
    ck_assert_int_eq(r.x->last_end, END_DONE);
    ex = evlog_nth(&l, EV_EXIT, 0);
    ck_assert_int_eq(ex->tid, 0);
    ck_assert_uint_eq(ex->flags, EVF_MAIN_DONE);
    ck_assert_int_eq(evlog_count(&l, EV_PRINT, 1), 1); /* it did print */
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void deadlock_after_sleep(void *arg)
{
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    wf_sleep(10);
    wf_chan_recv(c, NULL);
}

static void sleep_forever(void *arg)
{
    int64_t *wakes = arg;
    for (;;) {
        wf_sleep(1000);
        (*wakes)++;
    }
}

static void main_leaves_a_sleeper(void *arg)
{
    wf_go(sleep_forever, arg, "ticker");
    wf_sleep(3500); /* the sleeper wakes three times while main lives */
}

START_TEST(after_main_time_runs_once_past_the_pending_deadlines_per_task)
{
    int64_t wakes = 0;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r = run_explore(main_leaves_a_sleeper, &wakes, &o, NULL);
    const xfinding *f;
    ck_assert_int_eq(r.x->last_end, END_DONE);
    /* the sleep pending at main's return (to 4000) ends; the next one
     * (to 5000) is past that horizon, which moves on once for the one
     * task left; the one after (to 6000) never ends */
    ck_assert_int_eq(wakes, 5);
    ck_assert_int_eq(r.x->e->now_ns, 5000);
    f = find(r.x, WF_LEAK);
    ck_assert_ptr_nonnull(f);
    /* it was still running (sleeping in its loop), not blocked forever */
    ck_assert_str_eq(f->message, "g1 ticker still running when main returned "
                                 "(in a sleep, cut off as time stops there), "
                                 "not blocked forever");
    ck_assert_uint_lt(r.x->e->step, 20);
    run_free(&r);
}
END_TEST

typedef struct {
    size_t cap;
    wf_chan *c;
    bool sent;
} late_result;

static void sleep_then_send(void *arg)
{
    late_result *lr = arg;
    wf_sleep(300);
    wf_chan_send(lr->c, 1);
    lr->sent = true;
}

/* main gives up waiting for a slow result (a select with a timeout, in
 * Go): with a buffered channel the worker's send completes after main
 * returned, no leak; with an unbuffered one it blocks forever there, a
 * leak at the send, not at the sleep */
static void main_times_out(void *arg)
{
    late_result *lr = arg;
    lr->c = wf_chan_new("result", lr->cap);
    lr->sent = false;
    wf_go(sleep_then_send, lr, "worker");
    wf_sleep(50);
}

START_TEST(a_sleeper_at_main_return_finishes_its_sleep)
{
    late_result lr = {1, NULL, false};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r = run_explore(main_times_out, &lr, &o, NULL);
    ck_assert_int_eq(r.x->last_end, END_DONE);
    ck_assert(lr.sent);
    ck_assert_int_eq(r.x->e->now_ns, 300);
    ck_assert_int_eq(r.x->findings.len, 0);
    run_free(&r);
}
END_TEST

START_TEST(a_sleeper_at_main_return_then_blocked_leaks_where_it_blocks)
{
    late_result lr = {0, NULL, false};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r = run_explore(main_times_out, &lr, &o, NULL);
    const xfinding *f;
    ck_assert(!lr.sent);
    ck_assert_int_eq(r.x->findings.len, 1);
    f = find(r.x, WF_LEAK);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->message, "g1 worker blocked forever in send");
    run_free(&r);
}
END_TEST

static void sleeper_main_waits(void *arg)
{
    wf_chan *never = wf_chan_new("never", 0);
    wf_go(sleep_forever, arg, "ticker");
    wf_chan_recv(never, NULL); /* main blocked: time goes on */
}

START_TEST(timers_firing_with_every_task_blocked_count_as_steps)
{
    int64_t wakes = 0;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    o.max_steps = 1000;
    r = run_explore(sleeper_main_waits, &wakes, &o, NULL);
    ck_assert_int_eq(r.x->last_end, END_MAX_STEPS);
    ck_assert_uint_eq(r.x->e->step, 1000);
    ck_assert_int_le(wakes, 500);
    run_free(&r);
}
END_TEST

START_TEST(a_deadlock_is_found_once_no_timer_is_pending)
{
    wf_result r;
    ck_assert_int_eq(
        explore_with(deadlock_after_sleep, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    /* sleep, timer; the receive, with no sender, blocks when exposed */
    ck_assert_int_eq(r.findings[0].step, 2);
    wf_result_free(&r);
}
END_TEST

/* ---- budgets ----------------------------------------------------------- */

static void spin(void *arg)
{
    (void)arg;
    for (;;)
        wf_yield();
}

START_TEST(max_steps_cuts_an_execution_without_a_finding)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_RANDOM;
    o.max_steps = 100;
    ck_assert_int_eq(wf_explore(spin, NULL, &o, &r), 0);
    ck_assert_int_eq(r.executions, 1);
    ck_assert_int_eq(r.steps, 100);
    ck_assert_int_eq(r.nfindings, 0);
    wf_result_free(&r);
}
END_TEST

static void many_yielders(void *arg)
{
    (void)arg;
    for (int i = 0; i < 6; i++)
        wf_go(spin, NULL, "spin");
}

/* dfs over six endless spinners would not end in a lifetime: the time
 * limit is what stops it (the assertion does not depend on the timing) */
START_TEST(wf_explore_honours_the_time_limit)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    o.max_steps = 200;
    o.time_limit = 0.05;
    ck_assert_int_eq(wf_explore(many_yielders, NULL, &o, &r), 0);
    ck_assert(!r.complete);
    ck_assert_int_gt(r.executions, 0);
    wf_result_free(&r);
}
END_TEST

/* A task that raises the halt word itself after 100 rounds: the engine
 * must end the execution before its next step, and the search with it. */
typedef struct halter {
    atomic_int word;
    int rounds;
} halter;

static void halt_after_100(void *arg)
{
    halter *h = arg;
    for (;;) {
        if (++h->rounds == 100)
            atomic_store(&h->word, HALT_SEARCH);
        wf_yield();
    }
}

static void halting_main(void *arg)
{
    wf_go(halt_after_100, arg, "halter");
    wf_go(spin, NULL, "spin");
}

START_TEST(the_halt_word_ends_the_execution_before_its_next_step)
{
    halter h = {HALT_NONE, 0};
    explore_opts o = opts_of(WF_STRATEGY_DFS);
    run_ r;
    o.halt = &h.word;
    r = run_explore(halting_main, &h, &o, NULL);
    ck_assert_int_eq(r.st, WF_OK);
    ck_assert_int_eq(r.x->last_end, END_HALTED);
    ck_assert(r.x->stopped && !r.x->complete);
    ck_assert_int_eq(r.x->executions, 0); /* it did not run to its end */
    ck_assert_uint_gt(r.x->steps, 100);     /* but its steps count */
    ck_assert_int_eq(h.rounds, 100);        /* not one round more */
    run_free(&r);
    /* below its level, a word leaves the search alone: HALT_SEARCH is
     * for the search, finishing work stops at HALT_ALL only */
    atomic_store(&h.word, HALT_SEARCH);
    h.rounds = 1000;
    o.halt_at = HALT_ALL;
    o.max_steps = 300;
    o.max_executions = 2;
    r = run_explore(halting_main, &h, &o, NULL);
    ck_assert_int_eq(r.x->last_end, END_MAX_STEPS);
    ck_assert_int_eq(r.x->executions, 2);
    ck_assert(!r.x->stopped);
    run_free(&r);
}
END_TEST

static void var_hog(void *arg)
{
    (void)arg;
    for (int i = 0;; i++) {
        char name[32];
        snprintf(name, sizeof name, "v%d", i);
        wf_var_new(name, i); /* each one in the execution's arena */
        wf_yield();
    }
}

START_TEST(the_memory_budget_cuts_an_execution_like_max_steps)
{
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    run_ r;
    o.max_memory = 1 << 20;
    o.max_executions = 3;
    r = run_explore(var_hog, NULL, &o, NULL);
    ck_assert_int_eq(r.st, WF_OK);
    ck_assert_int_eq(r.x->last_end, END_MEMORY);
    ck_assert_int_eq(r.x->cut_memory, 3); /* each one, and the search on */
    ck_assert_int_eq(r.x->cut, 0);
    ck_assert_int_eq(r.x->findings.len, 0); /* a cut, not a finding */
    ck_assert_uint_le(r.x->e->mem.total, (1 << 20) + 4096);
    ck_assert_uint_gt(r.x->e->step, 1000);
    run_free(&r);
}
END_TEST

/* ---- the C API outside a task ---------------------------------------- */

/* The message is checked below; keep the test output quiet. */
static void quiet_stderr(void)
{
    if (!freopen("/dev/null", "w", stderr))
        return;
}

START_TEST(chan_send_outside_a_task_exits_2)
{
    quiet_stderr();
    wf_chan_send(NULL, 1);
}
END_TEST

START_TEST(wf_now_outside_a_task_exits_2)
{
    quiet_stderr();
    (void)wf_now();
}
END_TEST

START_TEST(mutex_new_outside_a_task_exits_2)
{
    quiet_stderr();
    (void)wf_mutex_new("m");
}
END_TEST

START_TEST(a_call_outside_a_task_says_so_on_stderr)
{
    int fd[2], status;
    char out[512];
    ssize_t n, got = 0;
    pid_t pid;
    ck_assert_int_eq(pipe(fd), 0);
    pid = fork();
    ck_assert_int_ge(pid, 0);
    if (pid == 0) {
        dup2(fd[1], 2);
        close(fd[0]);
        wf_chan_send(NULL, 1);
        _exit(99);
    }
    close(fd[1]);
    while ((n = read(fd[0], out + got, sizeof out - 1 - (size_t)got)) > 0)
        got += n;
    out[got] = 0;
    close(fd[0]);
    ck_assert_int_eq(waitpid(pid, &status, 0), pid);
    ck_assert(WIFEXITED(status));
    ck_assert_int_eq(WEXITSTATUS(status), 2);
    ck_assert_str_eq(out, "weft: error: wf_chan_send called outside a task "
                          "(call it from a scenario run by wf_main or "
                          "wf_explore)\n");
}
END_TEST

/* ---- assertions and output ------------------------------------------- */

static void fails(void *arg)
{
    int *after = arg;
    wf_assert(1 + 1 == 2, "fine");
    wf_assert(false, "x must be positive");
    (*after)++;
}

START_TEST(a_failed_assert_is_an_assert_finding_that_ends_the_execution)
{
    int after = 0;
    wf_result r;
    ck_assert_int_eq(explore_with(fails, &after, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "assertion failed: x must be positive");
    ck_assert_str_eq(r.findings[0].kind_name, "assert");
    ck_assert_int_eq(after, 0);
    wf_result_free(&r);
}
END_TEST

static void printer(void *arg)
{
    (void)arg;
    wf_printf("b");
}

static void two_printers(void *arg)
{
    wf_go(printer, arg, "p");
    wf_printf("a");
}

START_TEST(main_returning_is_a_scheduling_point_so_every_output_is_reached)
{
    wf_result r;
    ck_assert_int_eq(explore_with(two_printers, NULL, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    /* as in Go: "b" may come before main's print, between its print and
     * its return, or be lost when main returns first */
    ck_assert_int_eq(r.noutcomes, 3);
    qsort(r.outcomes, r.noutcomes, sizeof r.outcomes[0], outcome_cmp);
    ck_assert_str_eq(r.outcomes[0].output, "a");
    ck_assert_str_eq(r.outcomes[1].output, "ab");
    ck_assert_str_eq(r.outcomes[2].output, "ba");
    ck_assert_str_eq(r.outcomes[0].kinds, "");
    wf_result_free(&r);
}
END_TEST

/* ---- which consumers an event reaches ------------------------------------ */

static void send_twice_recv_twice(void *arg)
{
    wf_chan *c = wf_chan_new("c", 2);
    (void)arg;
    wf_chan_send(c, 1);
    wf_chan_send(c, 2);
    wf_chan_recv(c, NULL);
    wf_chan_recv(c, NULL);
}

/* A consumer whose ops name the receives sees the receives alone, in the
 * same order and with the same fields as one that takes every kind, and
 * consumers are called in their order. */
START_TEST(a_consumer_sees_only_the_event_kinds_it_takes)
{
    evlog all, some;
    native_start ns = {send_twice_recv_twice, NULL};
    program p;
    wf_consumer c[2] = {
        {&some, evlog_begin, evlog_event, NULL, NULL, EV_BIT(EV_RECV)},
        {&all, evlog_begin, evlog_event, NULL, NULL, 0}};
    consumer_set cs = {c, 2};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    explorer *x;
    wf_diag d;
    size_t k = 0;
    evlog_init(&all);
    evlog_init(&some);
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, &d), WF_OK);
    ck_assert_int_eq(evlog_count(&all, EV_SEND, -1), 2);
    ck_assert_int_eq(evlog_count(&all, EV_RECV, -1), 2);
    ck_assert_uint_eq(some.ev.len, 2);
    for (size_t i = 0; i < all.ev.len; i++)
        if (all.ev.p[i].op == EV_RECV) {
            ck_assert_uint_eq(some.ev.p[k].step, all.ev.p[i].step);
            ck_assert_int_eq(some.ev.p[k].op, EV_RECV);
            k++;
        }
    ck_assert_uint_eq(k, 2);
    explore_free(x);
    evlog_fini(&all);
    evlog_fini(&some);
}
END_TEST

/* ---- metrics ------------------------------------------------------------ */

typedef struct metrics_log {
    task_metrics m[4];
    int ntasks;
    uint64_t end_step;
} metrics_log;

static void metrics_end(void *ctx, wf_engine *e)
{
    metrics_log *ml = ctx;
    ml->ntasks = (int)e->tasks.len;
    ml->end_step = e->step;
    for (size_t i = 0; i < e->tasks.len && i < 4; i++)
        ml->m[i] = e->tasks.p[i]->m;
}

static explorer *run_metrics(void (*fn)(void *), void *arg, metrics_log *ml,
                             bool fifo)
{
    native_start ns = {fn, arg};
    program p;
    wf_consumer c = {ml, NULL, NULL, metrics_end, NULL, 0};
    consumer_set cs = {&c, 1};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    explorer *x;
    wf_diag d;
    o.mutex_fifo = fifo;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, &d), WF_OK);
    return x;
}

static void recv_one(void *arg)
{
    wf_chan_recv(arg, NULL);
    wf_progress();
    wf_progress();
}

/* rr: 1 main spawns g1, which waits in its receive (no sender yet);
 * 2, 3 main yields, and after 3 waits in its send, which makes g1's
 * receive ready; 4 g1 receives (the rendezvous completes main's send) and
 * exits; 5 main returns. */
static void metered(void *arg)
{
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    wf_go(recv_one, c, "r");
    wf_yield();
    wf_yield();
    wf_chan_send(c, 1);
}

START_TEST(per_task_counters_count_steps_waits_blocks_and_progress)
{
    metrics_log ml;
    explorer *x;
    memset(&ml, 0, sizeof ml);
    x = run_metrics(metered, NULL, &ml, false);
    ck_assert_int_eq(x->findings.len, 0);
    ck_assert_int_eq(ml.ntasks, 2);
    ck_assert_uint_eq(ml.end_step, 5);
    ck_assert_uint_eq(ml.m[0].steps, 4);
    ck_assert_uint_eq(ml.m[0].waits, 0);
    ck_assert_uint_eq(ml.m[0].blocked, 1); /* waiting from 3 to 4 */
    ck_assert_uint_eq(ml.m[0].progress, 0);
    ck_assert_uint_eq(ml.m[1].steps, 1);
    ck_assert_uint_eq(ml.m[1].waits, 0); /* runnable after 3, ran at 4 */
    ck_assert_uint_eq(ml.m[1].blocked, 2); /* steps 2 and 3 */
    ck_assert_uint_eq(ml.m[1].progress, 2);
    explore_free(x);
}
END_TEST

/* rr, --mutex free: main unlocks and relocks while g1 waits: g1 is
 * bypassed once. */
static void lock_once(void *arg)
{
    wf_mutex_lock(arg);
    wf_mutex_unlock(arg);
}

static void barging(void *arg)
{
    wf_mutex *m = wf_mutex_new("m");
    (void)arg;
    wf_mutex_lock(m);
    wf_go(lock_once, m, "waiter");
    wf_sleep(1);
    wf_mutex_unlock(m);
    wf_mutex_lock(m);
    wf_mutex_unlock(m);
}

START_TEST(bypasses_count_grants_to_others_while_a_task_waits)
{
    metrics_log ml;
    explorer *x;
    memset(&ml, 0, sizeof ml);
    x = run_metrics(barging, NULL, &ml, false);
    ck_assert_int_eq(x->findings.len, 0);
    ck_assert_uint_eq(ml.m[1].bypasses, 1);
    ck_assert_uint_eq(ml.m[1].max_bypass_streak, 1);
    ck_assert_uint_eq(ml.m[0].bypasses, 0);
    explore_free(x);
    memset(&ml, 0, sizeof ml);
    x = run_metrics(barging, NULL, &ml, true); /* fifo: no barging */
    ck_assert_uint_eq(ml.m[1].bypasses, 0);
    explore_free(x);
}
END_TEST

/* A task still blocked when the execution ends has its open span
 * counted by then. rr: 1 spawn (g1 waits for good in its receive); 2 main
 * sleeps; 3 the timer wakes main; 4 5 6 main yields; 7 main returns. */
static void blocked_at_end(void *arg)
{
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    wf_go(recv_one, c, "r");
    wf_sleep(1);
    wf_yield();
    wf_yield();
    wf_yield();
}

START_TEST(counters_are_complete_when_the_execution_ends)
{
    metrics_log ml;
    explorer *x;
    memset(&ml, 0, sizeof ml);
    x = run_metrics(blocked_at_end, NULL, &ml, false);
    ck_assert_int_eq(x->findings.len, 1); /* the leak */
    ck_assert_uint_eq(ml.end_step, 7);
    ck_assert_uint_eq(ml.m[0].steps, 6);
    ck_assert_uint_eq(ml.m[0].waits, 0);
    ck_assert_uint_eq(ml.m[0].blocked, 1); /* asleep from 2 to 3 */
    ck_assert_uint_eq(ml.m[1].steps, 0);   /* its receive never ran */
    ck_assert_uint_eq(ml.m[1].waits, 0);
    ck_assert_uint_eq(ml.m[1].blocked, 6); /* steps 2 to 7 */
    explore_free(x);
}
END_TEST

/* ---- memory of tasks cut off by the end of an execution ---------------- */

static void print_long(void *arg)
{
    char s[1000];
    (void)arg;
    memset(s, 'x', sizeof s - 1);
    s[sizeof s - 1] = 0;
    wf_printf("%s\n", s); /* pending when main panics */
}

static void long_print_then_panic(void *arg)
{
    wf_go(print_long, arg, "printer");
    wf_chan_close(NULL);
}

START_TEST(a_long_print_cut_off_by_a_panic_leaks_nothing)
{
    wf_result r;
    ck_assert_int_eq(
        explore_with(long_print_then_panic, NULL, WF_STRATEGY_DFS, &r), 1);
    ck_assert_int_eq(r.executions, 2);
    ck_assert_int_eq(r.noutcomes, 2);
    ck_assert_str_eq(r.findings[0].message, "close of nil channel");
    wf_result_free(&r); /* make asan: the pending text is not leaked */
}
END_TEST

Suite *engine_suite(void)
{
    Suite *s = suite_create("engine");
    TCase *t = tcase_create("determinism");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, the_same_seed_gives_the_same_events_byte_for_byte);
    tcase_add_test(t, replaying_a_random_run_reproduces_it_exactly);
    tcase_add_test(
        t, a_replay_against_a_changed_program_names_the_first_differing_step);
    tcase_add_test(t, a_bad_schedule_string_is_a_usage_error);
    suite_add_tcase(s, t);

    t = tcase_create("tasks");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, ten_thousand_tasks_run_in_one_execution);
    tcase_add_test(t, tasks_are_numbered_in_spawn_order_and_named_g_n_name);
    tcase_add_test(t, a_stack_overflow_is_a_panic_naming_the_task);
    tcase_add_test(t, a_real_crash_in_a_task_is_a_panic_finding);
    tcase_add_test(t, a_crash_in_the_front_ends_own_code_is_an_internal_error);
    tcase_add_test(t, main_returning_ends_output_while_the_rest_run_on_or_leak);
    tcase_add_test(t, a_long_print_cut_off_by_a_panic_leaks_nothing);
    suite_add_tcase(s, t);

    t = tcase_create("time-and-budgets");
    tcase_add_test(t, the_clock_moves_only_when_every_task_is_blocked);
    tcase_add_test(t, a_hundred_timers_with_one_deadline_all_fire_at_it);
    tcase_add_test(t, a_deadlock_is_found_once_no_timer_is_pending);
    tcase_add_test(t, max_steps_cuts_an_execution_without_a_finding);
    tcase_add_test(t, wf_explore_honours_the_time_limit);
    tcase_add_test(t, the_halt_word_ends_the_execution_before_its_next_step);
    tcase_add_test(t, the_memory_budget_cuts_an_execution_like_max_steps);
    tcase_add_test(
        t, after_main_time_runs_once_past_the_pending_deadlines_per_task);
    tcase_add_test(t, a_sleeper_at_main_return_finishes_its_sleep);
    tcase_add_test(t, a_sleeper_at_main_return_then_blocked_leaks_where_it_blocks);
    tcase_add_test(t, timers_firing_with_every_task_blocked_count_as_steps);
    tcase_add_test(t, time_strict_orders_sleepers_and_time_loose_does_not);
    suite_add_tcase(s, t);

    t = tcase_create("api-edges");
    tcase_add_exit_test(t, chan_send_outside_a_task_exits_2, 2);
    tcase_add_exit_test(t, wf_now_outside_a_task_exits_2, 2);
    tcase_add_exit_test(t, mutex_new_outside_a_task_exits_2, 2);
    tcase_add_test(t, a_call_outside_a_task_says_so_on_stderr);
    tcase_add_test(
        t, a_failed_assert_is_an_assert_finding_that_ends_the_execution);
    tcase_add_test(
        t, main_returning_is_a_scheduling_point_so_every_output_is_reached);
    suite_add_tcase(s, t);

    t = tcase_create("consumers");
    tcase_add_test(t, a_consumer_sees_only_the_event_kinds_it_takes);
    suite_add_tcase(s, t);

    t = tcase_create("metrics");
    tcase_add_test(t, per_task_counters_count_steps_waits_blocks_and_progress);
    tcase_add_test(t, bypasses_count_grants_to_others_while_a_task_waits);
    tcase_add_test(t, counters_are_complete_when_the_execution_ends);
    suite_add_tcase(s, t);
    return s;
}

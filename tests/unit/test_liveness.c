/* test_liveness.c: the livelock and starvation checker
 * (checker/liveness.c, SPEC section 5): C livelocks found by the window,
 * their correct counterparts and long computations left alone, Go
 * non-progress cycles proven by a repeated state, programs waiting on
 * virtual time, scheduler-made unfairness, and bypass starvation. */
#include "wft.h"

#include "checker/checkers.h"
#include "checker/liveness.h"
#include "checker/report.h"
#include "sim/mutex.h"
#include "gotest.h"
#include "weft.h"

/* One exploration with every checker, W = window, B = bypass. */
static explorer *explore_checked(const program *p, wf_strategy_kind k,
                                 int64_t max_exec, uint64_t max_steps,
                                 uint64_t window, uint64_t bypass)
{
    explore_opts o = opts_of(k);
    checkers_opts co = checkers_opts_default();
    checkers *ck;
    explorer *x;
    wf_diag d;
    o.max_executions = max_exec;
    o.max_steps = max_steps;
    co.livelock_window = window;
    co.starvation_bypass = bypass;
    ck = checkers_new(&co);
    x = explore_new(p, &o);
    ck_assert_int_eq(explore_run(x, checkers_consumers(ck), &d), WF_OK);
    checkers_finish(ck, x);
    checkers_free(ck);
    return x;
}

static native_start c_start;

/* The C program fn(arg) (one at a time: c_start is shared). */
static program c_program(void (*fn)(void *), void *arg)
{
    program p;
    memset(&p, 0, sizeof p);
    c_start.fn = fn;
    c_start.arg = arg;
    p.drv = &native_driver;
    p.arg = &c_start;
    p.main_name = "main";
    p.hash = 0x11fe11feu;
    p.file = "test";
    return p;
}

static explorer *explore_c(void (*fn)(void *), void *arg, wf_strategy_kind k,
                           int64_t max_exec, uint64_t max_steps,
                           uint64_t window, uint64_t bypass)
{
    program p = c_program(fn, arg);
    return explore_checked(&p, k, max_exec, max_steps, window, bypass);
}

/* A Go program's exploration; *prog must be freed after the explorer. */
static explorer *explore_go(const char *src, vm_program **prog,
                            wf_strategy_kind k, int64_t max_exec,
                            uint64_t max_steps, uint64_t window)
{
    wf_diag d;
    program p;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, prog, &d),
                     WF_OK);
    p = vm_program_entry(*prog);
    return explore_checked(&p, k, max_exec, max_steps, window, 100);
}

static void free_go(explorer *x, vm_program *p)
{
    explore_free(x);
    vm_program_free(p);
}

/* ---- C livelocks ----------------------------------------------------- */

typedef struct pair {
    wf_mutex *mine, *other;
    wf_atomic *holding; /* how many hold their first lock */
    wf_waitgroup *wg;
    bool backoff; /* let go and retry (the correct variant) */
} pair;

/* Take my lock, then retry TryLock on the other's; without backoff both
 * hold their first lock first, and retry forever. */
static void polite(void *arg)
{
    pair *p = arg;
    wf_mutex_lock(p->mine);
    if (!p->backoff) {
        wf_atomic_add(p->holding, 1);
        while (wf_atomic_load(p->holding) < 2)
            wf_yield();
    }
    for (;;) {
        if (wf_mutex_trylock(p->other)) {
            wf_progress();
            wf_mutex_unlock(p->other);
            wf_mutex_unlock(p->mine);
            wf_waitgroup_done(p->wg);
            return;
        }
        if (p->backoff) {
            wf_mutex_unlock(p->mine);
            wf_yield();
            wf_mutex_lock(p->mine);
        }
    }
}

static void two_polite(void *arg)
{
    bool backoff = arg != NULL;
    wf_mutex *a = wf_mutex_new("a"), *b = wf_mutex_new("b");
    wf_atomic *h = wf_atomic_new("holding", 0);
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    pair *p = arena_alloc(&native_engine()->mem, 2 * sizeof *p);
    p[0] = (pair){a, b, h, wg, backoff};
    p[1] = (pair){b, a, h, wg, backoff};
    wf_waitgroup_add(wg, 2);
    wf_go(polite, &p[0], "left");
    wf_go(polite, &p[1], "right");
    wf_waitgroup_wait(wg);
}

START_TEST(trylock_retried_forever_is_a_livelock_within_the_window)
{
    explorer *x =
        explore_c(two_polite, NULL, WF_STRATEGY_RANDOM, 3, 20000, 1000, 100);
    const xfinding *f = find(x, WF_LIVELOCK);
    ck_assert_ptr_nonnull(f);
    ck_assert(f->f.error);
    ck_assert_int_eq(nfind(x, WF_LIVELOCK), 1);
    ck_assert_int_eq(f->count, 3);
    /* detected where the window closed, long before the cut */
    ck_assert_uint_le(f->f.step, 1100);
    ck_assert_msg(strstr(f->message, "g1 left, g2 right spin without "
                                     "progress") != NULL,
                  "%s", f->message);
    ck_assert_msg(strstr(f->detail, "window of 1000 steps") != NULL &&
                      strstr(f->detail, "suspected") != NULL,
                  "%s", f->detail);
    ck_assert(strstr(f->json, "\"proven\": false") != NULL);
    explore_free(x);
}
END_TEST

START_TEST(trylock_with_backoff_that_succeeds_is_no_livelock)
{
    explorer *x = explore_c(two_polite, (void *)1, WF_STRATEGY_RANDOM, 50,
                            200000, 1000, 100);
    ck_assert_int_eq(nfind(x, WF_LIVELOCK), 0);
    ck_assert_int_eq(x->findings.len, 0);
    explore_free(x);
}
END_TEST

/* The minimizer's budget scales with what finding cost: a livelock the
 * first execution shows (1,100 steps in) is reported after at most
 * max(1,000,000, its cost) steps of minimizing and one execution more,
 * not after up to 256 executions of each bounded search (each to the
 * 20,000-step cut here: over 5M steps). */
typedef struct spent_at {
    explorer *x;
    uint64_t search; /* x->spent after the search's last execution */
} spent_at;

static void note_spent(void *ctx, wf_engine *e, const char *sched)
{
    spent_at *s = ctx;
    (void)e;
    (void)sched;
    s->search = s->x->spent;
}

START_TEST(the_minimizer_spends_in_proportion_to_the_search)
{
    program p = c_program(two_polite, NULL);
    explore_opts o = opts_of(WF_STRATEGY_DPOR);
    checkers_opts co = checkers_opts_default();
    checkers *ck;
    explorer *x;
    spent_at at = {NULL, 0};
    const xfinding *f;
    wf_diag d;
    o.iterative = true;
    o.minimize = true;
    o.max_executions = 1;
    o.max_steps = 20000;
    o.after_exec = note_spent;
    o.after_ctx = &at;
    co.livelock_window = 1000;
    ck = checkers_new(&co);
    x = at.x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, checkers_consumers(ck), &d), WF_OK);
    checkers_finish(ck, x);
    checkers_free(ck);
    f = find(x, WF_LIVELOCK);
    ck_assert_ptr_nonnull(f);
    ck_assert_uint_le(f->cost, 20000);
    ck_assert_msg(x->spent - at.search <= 1000000 + 2 * 20000,
                  "minimizing took %llu steps",
                  (unsigned long long)(x->spent - at.search));
    explore_free(x);
}
END_TEST

typedef struct counter {
    wf_mutex *m;
    wf_waitgroup *wg;
    int n;
} counter;

static void add_many(void *arg)
{
    counter *c = arg;
    for (int i = 0; i < 5000; i++) {
        wf_mutex_lock(c->m);
        c->n++;
        wf_mutex_unlock(c->m);
    }
    wf_waitgroup_done(c->wg);
}

/* 20000 steps without a progress event, then the tasks end. */
static void long_computation(void *arg)
{
    counter *c = arena_alloc(&native_engine()->mem, sizeof *c);
    (void)arg;
    c->m = wf_mutex_new("m");
    c->wg = wf_waitgroup_new("wg");
    c->n = 0;
    wf_waitgroup_add(c->wg, 2);
    wf_go(add_many, c, "adder");
    wf_go(add_many, c, "adder");
    wf_waitgroup_wait(c->wg);
    wf_assert(c->n == 10000, "every increment");
}

START_TEST(a_long_computation_that_ends_is_no_livelock)
{
    explorer *x = explore_c(long_computation, NULL, WF_STRATEGY_RANDOM, 5,
                            0, 1000, 0);
    ck_assert_int_eq(x->findings.len, 0);
    ck_assert_uint_gt(x->steps, 5 * 20000);
    explore_free(x);
}
END_TEST

typedef struct flag {
    wf_atomic *set;
    wf_waitgroup *wg;
} flag;

static void setter(void *arg)
{
    flag *f = arg;
    wf_atomic_store(f->set, 1);
    wf_waitgroup_done(f->wg);
}

static void spinner(void *arg)
{
    flag *f = arg;
    while (!wf_atomic_load(f->set)) /* a scheduling point, no yield */
        ;
    wf_waitgroup_done(f->wg);
}

static void spin_until_set(void *arg)
{
    flag *f = arena_alloc(&native_engine()->mem, sizeof *f);
    (void)arg;
    f->set = wf_atomic_new("set", 0);
    f->wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(f->wg, 2);
    wf_go(spinner, f, "spinner");
    wf_go(setter, f, "setter");
    wf_waitgroup_wait(f->wg);
}

START_TEST(a_spin_the_scheduler_never_interrupts_is_no_livelock)
{
    /* round robin never leaves the spinner: the execution is cut, but
     * the setter was kept from running, so the program is not at fault */
    explorer *x =
        explore_c(spin_until_set, NULL, WF_STRATEGY_RR, 1, 30000, 1000, 100);
    ck_assert_int_eq(x->last_end, END_MAX_STEPS);
    ck_assert_int_eq(x->findings.len, 0);
    explore_free(x);
    /* a fair scheduler lets the setter run: the spin makes progress */
    x = explore_c(spin_until_set, NULL, WF_STRATEGY_RANDOM, 20, 30000, 1000,
                  100);
    ck_assert_int_eq(x->findings.len, 0);
    explore_free(x);
}
END_TEST

/* ---- Go: non-progress cycles ------------------------------------------ */

/* Two people in a corridor: each round both say which side they are on,
 * see the other on the same side, and both step across. */
static const char corridor[] =
    GO("import \"fmt\"\n"
       "func walk(name string, side int, tell chan<- int, hear <-chan int,\n"
       "\tdone chan<- string) {\n"
       "\tfor {\n"
       "\t\ttell <- side\n"
       "\t\tif other := <-hear; other != side {\n"
       "\t\t\tprogress()\n"
       "\t\t\tdone <- name\n"
       "\t\t\treturn\n"
       "\t\t}\n"
       "\t\tside = 1 - side\n"
       "\t}\n"
       "}\n"
       "func main() {\n"
       "\tab, ba := make(chan int, 1), make(chan int, 1)\n"
       "\tdone := make(chan string)\n"
       "\tgo walk(\"alice\", 0, ab, ba, done)\n"
       "\tgo walk(\"bob\", 0, ba, ab, done)\n"
       "\tfmt.Println(<-done, \"passed\")\n"
       "}\n");

START_TEST(a_repeated_state_proves_a_go_livelock)
{
    vm_program *p = NULL;
    explorer *x = explore_go(corridor, &p, WF_STRATEGY_RANDOM, 5, 0, 500);
    const xfinding *f = find(x, WF_LIVELOCK);
    ck_assert_ptr_nonnull(f);
    ck_assert_int_eq(nfind(x, WF_LIVELOCK), 1);
    ck_assert_int_eq(f->count, 5);
    ck_assert_msg(strstr(f->message, "g1 walk, g2 walk spin without "
                                     "progress: a cycle of ") != NULL,
                  "%s", f->message);
    ck_assert_msg(strstr(f->detail, "proven: the global state after step")
                      != NULL,
                  "%s", f->detail);
    ck_assert(strstr(f->json, "\"proven\": true") != NULL);
    ck_assert(strstr(f->json, "\"cycle_steps\": ") != NULL);
    /* each execution ends at the proof, not at --max-steps */
    ck_assert_uint_lt(x->steps, 5 * 2000);
    ck_assert_int_eq(x->last_end, END_LIVELOCK);
    free_go(x, p);
}
END_TEST

/* A state hunt while main spawns goroutines reads no task: each task
 * spawned stays in the state, so no state before a spawn recurs after
 * it. Hashing each sampled state of 4,000 goroutines blocking one by one
 * read LIVENESS_HUNT_TASKS tasks a step (100,000 goroutines: 2.5 s of
 * weft run's 3.3). Counted in tasks read, under weft run's strategy. */
START_TEST(a_loop_that_spawns_goroutines_hashes_no_state)
{
    static const char src[] =
        GO("func main() {\n"
           "\tch := make(chan int)\n"
           "\tfor i := 0; i < 4000; i++ {\n"
           "\t\tgo func() { <-ch }()\n"
           "\t}\n"
           "\tselect {}\n"
           "}\n");
    vm_program *p = NULL;
    liveness_checker *l = liveness_new(100, 0);
    wf_consumer c = liveness_consumer(l);
    consumer_set cs = {&c, 1};
    explore_opts o = opts_of(WF_STRATEGY_RANDOM);
    explorer *x;
    wf_diag d;
    program pr;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &p, &d),
                     WF_OK);
    pr = vm_program_entry(p);
    o.max_executions = 1;
    x = explore_new(&pr, &o);
    ck_assert_int_eq(explore_run(x, &cs, &d), WF_OK);
    ck_assert_uint_ge(x->steps, 8000);
    ck_assert_msg(liveness_hash_work(l) <= x->steps,
                  "%llu tasks hashed in %llu steps",
                  (unsigned long long)liveness_hash_work(l),
                  (unsigned long long)x->steps);
    explore_free(x);
    vm_program_free(p);
    liveness_free(l);
}
END_TEST

/* A goroutine spawned once the hunt has begun, then a cycle: proven all
 * the same (the states after the spawn are hashed). */
START_TEST(a_cycle_that_begins_with_a_spawn_is_proven)
{
    vm_program *p = NULL;
    explorer *x = explore_go(GO("var x int\n"
                                "func main() {\n"
                                "\tfor i := 0; i < 400; i++ {\n"
                                "\t\tx++\n"
                                "\t}\n"
                                "\tgo func() {\n"
                                "\t\tfor {\n"
                                "\t\t}\n"
                                "\t}()\n"
                                "\tfor {\n"
                                "\t}\n"
                                "}\n"),
                             &p, WF_STRATEGY_RANDOM, 3, 0, 100);
    const xfinding *f = find(x, WF_LIVELOCK);
    ck_assert_ptr_nonnull(f);
    ck_assert_msg(strstr(f->detail, "proven: the global state after step")
                      != NULL,
                  "%s", f->detail);
    ck_assert_int_eq(x->last_end, END_LIVELOCK);
    free_go(x, p);
}
END_TEST

START_TEST(go_programs_that_progress_or_wait_for_time_are_no_livelock)
{
    static const char *const ok[] = {
        /* a busy wait the other goroutine ends */
        GO("import \"sync/atomic\"\n"
           "func main() {\n"
           "\tvar f atomic.Bool\n"
           "\tgo func() { f.Store(true) }()\n"
           "\tfor !f.Load() {\n"
           "\t}\n"
           "}\n"),
        /* polling on virtual time, forever: the clock moves */
        GO("import (\n\t\"sync/atomic\"\n\t\"time\"\n)\n"
           "func main() {\n"
           "\tvar f atomic.Bool\n"
           "\tfor !f.Load() {\n"
           "\t\ttime.Sleep(time.Millisecond)\n"
           "\t}\n"
           "}\n"),
        /* a long computation without markers */
        GO("import \"sync\"\n"
           "func main() {\n"
           "\tvar mu sync.Mutex\n"
           "\tvar wg sync.WaitGroup\n"
           "\tn := 0\n"
           "\tfor k := 0; k < 2; k++ {\n"
           "\t\twg.Add(1)\n"
           "\t\tgo func() {\n"
           "\t\t\tdefer wg.Done()\n"
           "\t\t\tfor i := 0; i < 3000; i++ {\n"
           "\t\t\t\tmu.Lock()\n"
           "\t\t\t\tn++\n"
           "\t\t\t\tmu.Unlock()\n"
           "\t\t\t}\n"
           "\t\t}()\n"
           "\t}\n"
           "\twg.Wait()\n"
           "}\n"),
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        vm_program *p = NULL;
        explorer *x = explore_go(ok[i], &p, WF_STRATEGY_RANDOM, 5, 30000, 500);
        ck_assert_msg(x->findings.len == 0, "program %zu: %s", i,
                      x->findings.len ? x->findings.p[0].message : "");
        free_go(x, p);
    }
}
END_TEST

START_TEST(spinning_after_main_returned_is_a_leak)
{
    vm_program *p = NULL;
    explorer *x = explore_go(GO("func main() {\n"
                                "\tquit := make(chan bool)\n"
                                "\tgo func() {\n"
                                "\t\tfor {\n"
                                "\t\t\tselect {\n"
                                "\t\t\tcase <-quit:\n"
                                "\t\t\t\treturn\n"
                                "\t\t\tdefault:\n"
                                "\t\t\t}\n"
                                "\t\t}\n"
                                "\t}()\n"
                                "}\n"),
                             &p, WF_STRATEGY_RANDOM, 2, 0, 500);
    const xfinding *f = find(x, WF_LEAK);
    ck_assert_int_eq(nfind(x, WF_LIVELOCK), 0);
    ck_assert_ptr_nonnull(f);
    ck_assert(!f->f.error); /* a warning in a program, as leaks are */
    /* its polls wait for a write of quit (sim/await.c) */
    ck_assert_msg(strstr(f->message, "never ends: after main returned it "
                                     "spins at t.go:7 reading quit,") != NULL,
                  "%s", f->message);
    free_go(x, p);
}
END_TEST

/* ---- starvation ------------------------------------------------------- */

typedef struct greedy_ctx {
    wf_mutex *m;
    wf_waitgroup *wg;
} greedy_ctx;

static void greedy(void *arg)
{
    greedy_ctx *c = arg;
    for (int i = 0; i < 300; i++) {
        wf_mutex_lock(c->m);
        wf_progress();
        wf_mutex_unlock(c->m);
    }
    wf_waitgroup_done(c->wg);
}

static void one_lock(void *arg)
{
    greedy_ctx *c = arg;
    wf_mutex_lock(c->m);
    wf_progress();
    wf_mutex_unlock(c->m);
    wf_waitgroup_done(c->wg);
}

static void greedy_and_waiter(void *arg)
{
    greedy_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    (void)arg;
    c->m = wf_mutex_new("mu");
    c->wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(c->wg, 2);
    wf_go(greedy, c, "greedy");
    wf_go(one_lock, c, "waiter");
    wf_waitgroup_wait(c->wg);
}

START_TEST(a_waiter_the_scheduler_passes_over_is_not_starved)
{
    /* round robin keeps the greedy task running: each Unlock frees the
     * mutex and enables the waiter, and the scheduler lets the greedy
     * task take it again, 300 times. That is the scheduler's unfairness
     * (Go's runtime hands the mutex off after 1ms), not the program's:
     * Go by Example's mutexes.go is this. */
    explorer *x = explore_c(greedy_and_waiter, NULL, WF_STRATEGY_RR, 1, 0,
                            10000, 100);
    ck_assert_int_eq(nfind(x, WF_STARVATION), 0);
    explore_free(x);
}
END_TEST

/* A mutex granted to g1 `grants` times while g2 waits in its queue, g2
 * blocked (it could not have taken it) or runnable: the checker alone,
 * on a hand-made engine state. Returns the findings. */
static size_t bypass_findings(bool waiter_runnable, int grants, char *msg,
                              size_t n)
{
    engine_config cfg;
    wf_engine *e;
    wf_mutex *m;
    wf_task t[2];
    liveness_checker *l = liveness_new(0, 100);
    wf_consumer c = liveness_consumer(l);
    size_t nf;
    memset(&cfg, 0, sizeof cfg);
    cfg.max_steps = 1000000;
    e = engine_new(&cfg);
    memset(t, 0, sizeof t);
    for (int i = 0; i < 2; i++) {
        t[i].tid = i + 1;
        t[i].fname = i ? "waiter" : "greedy";
        t[i].name = i ? "g2 waiter" : "g1 greedy";
        t[i].state = TASK_BLOCKED;
        VEC_PUSH(e->tasks, &t[i]);
    }
    t[1].state = waiter_runnable ? TASK_RUNNABLE : TASK_BLOCKED;
    t[1].op.kind = OP_LOCK;
    m = mutex_new(e, "mu", NULL, 0);
    t[1].op.obj = &m->hdr;
    t[1].op.w.task = &t[1];
    t[1].op.w.seq = 7;
    waitq_push(&m->lockers, &t[1].op.w);
    c.begin(c.ctx, e);
    for (int i = 0; i < grants; i++) {
        wf_event ev;
        memset(&ev, 0, sizeof ev);
        ev.step = (uint64_t)i + 1;
        ev.tid = 1;
        ev.op = EV_LOCK;
        ev.oid = m->hdr.oid;
        ev.peer = -1;
        e->step = ev.step;
        c.event(c.ctx, e, &ev);
    }
    nf = e->findings.len;
    if (nf)
        snprintf(msg, n, "%s", e->findings.p[0].message);
    waiter_unlink(&t[1].op.w);
    e->tasks.len = 0;
    liveness_free(l);
    engine_free(e);
    return nf;
}

START_TEST(a_blocked_waiter_passed_over_more_than_b_times_is_starved)
{
    char msg[600] = "";
    ck_assert_uint_eq(bypass_findings(false, 100, msg, sizeof msg), 0);
    ck_assert_uint_eq(bypass_findings(false, 101, msg, sizeof msg), 1);
    ck_assert_str_eq(msg, "g2 waiter waited for mu while it was granted to "
                          "others 101 times in a row (limit 100)");
    /* runnable at each grant: the scheduler's choice, not a bypass */
    ck_assert_uint_eq(bypass_findings(true, 500, msg, sizeof msg), 0);
}
END_TEST

static void marked_worker(void *arg)
{
    wf_waitgroup *wg = arg;
    for (int i = 0; i < 400; i++) {
        wf_yield();
        wf_progress();
    }
    wf_waitgroup_done(wg);
}

static void three_workers(void *arg)
{
    wf_waitgroup *wg = wf_waitgroup_new("wg");
    (void)arg;
    wf_waitgroup_add(wg, 3);
    for (int i = 0; i < 3; i++)
        wf_go(marked_worker, wg, "worker");
    wf_waitgroup_wait(wg);
}

/* Workers 0 and 1 progress; worker 2 polls for a turn that the program
 * gives it only once they are done (a priority the program sets, not the
 * scheduler): it runs, and makes no progress. */
typedef struct prio_ctx {
    wf_atomic *busy; /* workers 0 and 1 still working */
    wf_waitgroup *wg;
} prio_ctx;

static void prio_worker(void *arg)
{
    prio_ctx *c = arg;
    for (int i = 0; i < 150; i++) {
        wf_yield();
        wf_progress();
    }
    wf_atomic_add(c->busy, -1);
    wf_waitgroup_done(c->wg);
}

static void low_prio_worker(void *arg)
{
    prio_ctx *c = arg;
    while (wf_atomic_load(c->busy) > 0)
        wf_yield();
    for (int i = 0; i < 150; i++) {
        wf_yield();
        wf_progress();
    }
    wf_waitgroup_done(c->wg);
}

static void priority_workers(void *arg)
{
    prio_ctx *c = arena_alloc(&native_engine()->mem, sizeof *c);
    (void)arg;
    c->busy = wf_atomic_new("busy", 2);
    c->wg = wf_waitgroup_new("wg");
    wf_waitgroup_add(c->wg, 3);
    wf_go(prio_worker, c, "worker");
    wf_go(prio_worker, c, "worker");
    wf_go(low_prio_worker, c, "worker");
    wf_waitgroup_wait(c->wg);
}

START_TEST(a_worker_without_its_share_of_progress_is_starved)
{
    /* a fair scheduler: g3 runs (it polls) and makes no progress in the
     * first window while g1 and g2 make dozens */
    explorer *x =
        explore_c(priority_workers, NULL, WF_STRATEGY_RANDOM, 1, 0, 200, 100);
    const xfinding *f = find(x, WF_STARVATION);
    ck_assert_int_eq(nfind(x, WF_STARVATION), 1);
    ck_assert_ptr_nonnull(f);
    ck_assert_msg(strstr(f->message, "g3 worker made 0 progress in steps "
                                     "1-200") != NULL,
                  "%s", f->message);
    ck_assert(strstr(f->json, "\"reason\": \"share\"") != NULL);
    explore_free(x);
    /* round robin runs g1 to its end: g2 and g3, as runnable as g1, never
     * get a turn in the first window: the scheduler starved them, not the
     * program */
    x = explore_c(three_workers, NULL, WF_STRATEGY_RR, 1, 0, 200, 100);
    ck_assert_int_eq(nfind(x, WF_STARVATION), 0);
    explore_free(x);
    /* and a fair scheduler shares the progress out */
    x = explore_c(three_workers, NULL, WF_STRATEGY_RANDOM, 5, 0, 200, 100);
    ck_assert_int_eq(x->findings.len, 0);
    explore_free(x);
}
END_TEST

START_TEST(options_reach_the_checker_through_wf_explore)
{
    wf_options o = wf_options_default();
    wf_result res;
    ck_assert_int_eq(o.livelock_window, 10000);
    ck_assert_int_eq(o.starvation_bypass, 100);
    o.strategy = WF_STRATEGY_RANDOM;
    o.max_executions = 1;
    o.livelock_window = 200;
    ck_assert_int_eq(wf_explore(priority_workers, NULL, &o, &res), 0);
    ck_assert_uint_eq(res.nfindings, 1);
    ck_assert_str_eq(res.findings[0].kind_name, "starvation");
    wf_result_free(&res);
    o.livelock_window = -1; /* off: no share check either */
    ck_assert_int_eq(wf_explore(priority_workers, NULL, &o, &res), 0);
    ck_assert_uint_eq(res.nfindings, 0);
    wf_result_free(&res);
    o = wf_options_default();
    o.strategy = WF_STRATEGY_RANDOM;
    o.max_executions = 1;
    o.max_steps = 5000;
    o.livelock_window = 500;
    ck_assert_int_eq(wf_explore(two_polite, NULL, &o, &res), 1);
    ck_assert_uint_eq(res.nfindings, 1);
    ck_assert_str_eq(res.findings[0].kind_name, "livelock");
    ck_assert(strstr(res.findings[0].report, "window of 500 steps"));
    wf_result_free(&res);
    o.livelock_window = -1; /* off: a cut execution, no finding */
    ck_assert_int_eq(wf_explore(two_polite, NULL, &o, &res), 0);
    ck_assert_uint_eq(res.nfindings, 0);
    wf_result_free(&res);
}
END_TEST

Suite *liveness_suite(void)
{
    Suite *s = suite_create("liveness");
    TCase *tc = tcase_create("livelock");
    tcase_add_test(tc, trylock_retried_forever_is_a_livelock_within_the_window);
    tcase_add_test(tc, trylock_with_backoff_that_succeeds_is_no_livelock);
    tcase_add_test(tc, the_minimizer_spends_in_proportion_to_the_search);
    tcase_add_test(tc, a_long_computation_that_ends_is_no_livelock);
    tcase_add_test(tc, a_spin_the_scheduler_never_interrupts_is_no_livelock);
    tcase_add_test(tc, a_repeated_state_proves_a_go_livelock);
    tcase_add_test(tc, a_loop_that_spawns_goroutines_hashes_no_state);
    tcase_add_test(tc, a_cycle_that_begins_with_a_spawn_is_proven);
    tcase_add_test(tc,
                   go_programs_that_progress_or_wait_for_time_are_no_livelock);
    tcase_add_test(tc, spinning_after_main_returned_is_a_leak);
    suite_add_tcase(s, tc);
    tc = tcase_create("starvation");
    tcase_add_test(tc, a_waiter_the_scheduler_passes_over_is_not_starved);
    tcase_add_test(tc, a_blocked_waiter_passed_over_more_than_b_times_is_starved);
    tcase_add_test(tc, a_worker_without_its_share_of_progress_is_starved);
    tcase_add_test(tc, options_reach_the_checker_through_wf_explore);
    suite_add_tcase(s, tc);
    return s;
}

/* test_await.c: the await check of Go tasks (sim/await.c): a spin that
 * only polls waits for a write of what it polls, so the search
 * completes; a spin no task can end is a livelock; a spin that changes
 * its own state is not reduced. */
#include "gotest.h"

/* A worker sets a flag main spins on; PRE goes before the spin's body,
 * BODY in it. */
#define FLAG_SPIN(pre, body)                                                   \
    GO("import (\n\t\"fmt\"\n\t\"runtime\"\n\t\"sync/atomic\"\n)\n"            \
       "func main() {\n"                                                       \
       "\tvar flag atomic.Bool\n"                                              \
       "\tresult := 0\n"                                                       \
       "\tgo func() {\n"                                                       \
       "\t\tresult = 42\n"                                                     \
       "\t\tflag.Store(true)\n"                                                \
       "\t}()\n" pre                                                           \
       "\tfor !flag.Load() {\n" body "\t}\n"                                   \
       "\truntime.Gosched()\n"                                                 \
       "\tfmt.Println(result)\n"                                               \
       "}\n")

/* src's search completes in a few executions, printing want. */
static void completes(const char *src, const char *want)
{
    go_res r = go_exec(src, WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_str_eq(r.text, want);
    ck_assert(r.complete);
    ck_assert_int_le(r.execs, 10);
    free(r.text);
}

START_TEST(a_spin_on_an_atomic_flag_completes)
{
    completes(FLAG_SPIN("", ""), "42\n");
    /* a yield in the spin changes nothing either */
    completes(FLAG_SPIN("", "\t\truntime.Gosched()\n"), "42\n");
}
END_TEST

START_TEST(a_spin_that_counts_is_not_reduced)
{
    /* its state differs at every iteration: every count is explored, and
     * the search is cut at its budget */
    go_res r = go_exec(FLAG_SPIN("\tn := 0\n", "\t\tn++\n"), WF_STRATEGY_DPOR,
                       200, NULL);
    ck_assert(!r.complete);
    ck_assert_int_eq(r.execs, 200);
    free(r.text);
}
END_TEST

START_TEST(select_default_polls_complete)
{
    static const char *const backoff[] = {"", "\t\t\truntime.Gosched()\n"};
    for (int k = 0; k < 2; k++) {
        char src[1024];
        snprintf(src, sizeof src,
                 GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                    "var _ = runtime.Gosched\n"
                    "func main() {\n"
                    "\tdone := make(chan int)\n"
                    "\tgo func() { done <- 7 }()\n"
                    "\tfor {\n"
                    "\t\tselect {\n"
                    "\t\tcase v := <-done:\n"
                    "\t\t\tfmt.Println(v)\n"
                    "\t\t\treturn\n"
                    "\t\tdefault:\n"
                    "%s"
                    "\t\t}\n"
                    "\t}\n"
                    "}\n"),
                 backoff[k]);
        completes(src, "7\n");
    }
}
END_TEST

/* a spin on len(ch) polls the channel: it waits for a send (before,
 * len(ch) was no scheduling point: the spin that ends was reported a
 * livelock, and the one that does not ran 10 s without an execution) */
START_TEST(a_spin_on_len_waits_for_a_send)
{
    go_res r;
    completes(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\tch := make(chan int, 1)\n"
                 "\tgo func() { ch <- 7 }()\n"
                 "\tfor len(ch) == 0 {\n"
                 "\t}\n"
                 "\tfmt.Println(<-ch)\n"
                 "}\n"),
              "7\n");
    r = go_exec(GO("func main() {\n"
                   "\tch := make(chan int, 1)\n"
                   "\tother := make(chan int, 1)\n"
                   "\tgo func() { other <- 7 }()\n"
                   "\tfor len(ch) == 0 {\n"
                   "\t}\n"
                   "}\n"),
                WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_str_eq(r.text, "livelock: main spins forever at t.go:6 reading "
                             "ch, which no task left writes\n");
    ck_assert(r.complete);
    free(r.text);
}
END_TEST

/* main polls a flag under a mutex (lock, read, unlock, repeat): a Lock
 * and an Unlock with only polls between leave the mutex as it was, no
 * effect, so main waits for a write of what it read (before, each
 * iteration was an effect: 580 executions in 10 s, 1e18 left; nobody
 * setting the flag: 73, cut, in place of the livelock below) */
#define LOCK_POLL(set)                                                         \
    GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"                                \
       "func main() {\n"                                                       \
       "\tvar mu sync.Mutex\n"                                                 \
       "\tdone := false\n"                                                     \
       "\tgo func() {\n"                                                       \
       "\t\tmu.Lock()\n"                                                       \
       "\t\t" set "\n"                                                         \
       "\t\tmu.Unlock()\n"                                                     \
       "\t}()\n"                                                               \
       "\tfor {\n"                                                             \
       "\t\tmu.Lock()\n"                                                       \
       "\t\td := done\n"                                                       \
       "\t\tmu.Unlock()\n"                                                     \
       "\t\tif d {\n\t\t\tbreak\n\t\t}\n"                                       \
       "\t}\n"                                                                 \
       "\tfmt.Println(\"ok\")\n"                                              \
       "}\n")

START_TEST(a_lock_poll_waits_for_its_flag)
{
    go_res r;
    completes(LOCK_POLL("done = true"), "ok\n");
    r = go_exec(LOCK_POLL("fmt.Println(\"worker\")"), WF_STRATEGY_DPOR, 1000,
                NULL);
    ck_assert_str_eq(r.text, "worker\nlivelock: main spins forever at "
                             "t.go:15 reading mu, which no task left "
                             "writes\n");
    ck_assert(r.complete);
    free(r.text);
    /* a TryLock that fails inside main's section waits for its Unlock */
    r = go_exec(GO("import (\n\t\"fmt\"\n\t\"sync\"\n"
                   "\t\"sync/atomic\"\n)\n"
                   "func main() {\n"
                   "\tvar mu sync.Mutex\n"
                   "\tvar flag atomic.Bool\n"
                   "\tgo func() {\n"
                   "\t\tfor !mu.TryLock() {\n\t\t}\n"
                   "\t\tmu.Unlock()\n"
                   "\t\tflag.Store(true)\n"
                   "\t}()\n"
                   "\tfor {\n"
                   "\t\tmu.Lock()\n"
                   "\t\td := flag.Load()\n"
                   "\t\tmu.Unlock()\n"
                   "\t\tif d {\n\t\t\tbreak\n\t\t}\n"
                   "\t}\n"
                   "\tfmt.Println(\"ok\")\n"
                   "}\n"),
                WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_str_eq(r.text, "ok\n");
    ck_assert(r.complete);
    free(r.text);
}
END_TEST

START_TEST(a_spin_no_task_can_end_is_a_livelock)
{
    go_res r = go_exec(GO("import \"sync/atomic\"\n"
                          "func main() {\n"
                          "\tvar ready, done atomic.Bool\n"
                          "\tgo func() { done.Store(true) }()\n"
                          "\tfor !ready.Load() {\n"
                          "\t}\n"
                          "}\n"),
                       WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_str_eq(r.text, "livelock: main spins forever at t.go:6 reading "
                             "ready, which no task left writes\n");
    ck_assert(r.complete);
    free(r.text);
    /* two TryLock spins, each holding the lock the other polls */
    r = go_exec(GO("import \"sync\"\n"
                   "func w(mine, other *sync.Mutex, wg *sync.WaitGroup) {\n"
                   "\tdefer wg.Done()\n"
                   "\tmine.Lock()\n"
                   "\tfor !other.TryLock() {\n"
                   "\t}\n"
                   "\tother.Unlock()\n"
                   "\tmine.Unlock()\n"
                   "}\n"
                   "func main() {\n"
                   "\tvar a, b sync.Mutex\n"
                   "\tvar wg sync.WaitGroup\n"
                   "\twg.Add(2)\n"
                   "\tgo w(&a, &b, &wg)\n"
                   "\tgo w(&b, &a, &wg)\n"
                   "\twg.Wait()\n"
                   "}\n"),
               WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_int_ge(r.nfind[WF_LIVELOCK], 1);
    ck_assert_int_eq(r.nfind[WF_DEADLOCK], 0);
    ck_assert(r.complete);
    free(r.text);
}
END_TEST

START_TEST(a_spin_hides_no_failure)
{
    /* the flag is raised before the result is written */
    go_res r = go_exec(GO("import \"sync/atomic\"\n"
                          "func main() {\n"
                          "\tvar flag atomic.Bool\n"
                          "\tresult := 0\n"
                          "\tgo func() {\n"
                          "\t\tflag.Store(true)\n"
                          "\t\tresult = 42\n"
                          "\t}()\n"
                          "\tfor !flag.Load() {\n"
                          "\t}\n"
                          "\tr := result\n"
                          "\tassert(r == 42, \"early\")\n"
                          "}\n"),
                       WF_STRATEGY_DPOR, 1000, NULL);
    ck_assert_int_eq(r.nfind[WF_ASSERT], 1); /* (races: its scenario) */
    ck_assert(r.complete);
    free(r.text);
}
END_TEST

Suite *await_suite(void)
{
    Suite *s = suite_create("await");
    TCase *tc = tcase_create("await");
    tcase_add_test(tc, a_spin_on_an_atomic_flag_completes);
    tcase_add_test(tc, a_spin_that_counts_is_not_reduced);
    tcase_add_test(tc, select_default_polls_complete);
    tcase_add_test(tc, a_spin_on_len_waits_for_a_send);
    tcase_add_test(tc, a_lock_poll_waits_for_its_flag);
    tcase_add_test(tc, a_spin_no_task_can_end_is_a_livelock);
    tcase_add_test(tc, a_spin_hides_no_failure);
    suite_add_tcase(s, tc);
    return s;
}

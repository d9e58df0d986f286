/* test_goconc.c: goroutines of Go programs on the engine: channels and
 * select, sync (Mutex, RWMutex, WaitGroup, Once, Cond), sync/atomic,
 * virtual time, deadlocks found by exploration, shared state tracked as
 * visible accesses (lost updates are outcomes), names of the engine
 * objects, reachability for partial deadlocks and the state hash. */
#include "gotest.h"

#include "checker/checkers.h"

START_TEST(channels_select_and_close)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\tch := make(chan int)\n"
                 "\tdone := make(chan struct{})\n"
                 "\tgo func() {\n"
                 "\t\tfor v := range ch {\n"
                 "\t\t\tfmt.Println(\"got\", v)\n"
                 "\t\t}\n"
                 "\t\tclose(done)\n"
                 "\t}()\n"
                 "\tfor i := 1; i <= 3; i++ {\n"
                 "\t\tch <- i * 10\n"
                 "\t}\n"
                 "\tclose(ch)\n"
                 "\t<-done\n"
                 "\tbuf := make(chan string, 2)\n"
                 "\tbuf <- \"a\"\n"
                 "\tbuf <- \"b\"\n"
                 "\tfmt.Println(len(buf), cap(buf), <-buf)\n"
                 "\tclose(buf)\n"
                 "\tv, ok := <-buf\n"
                 "\tw, ok2 := <-buf\n"
                 "\tfmt.Printf(\"%q %v %q %v\\n\", v, ok, w, ok2)\n"
                 "\tvar nilc chan int\n"
                 "\tselect {\n"
                 "\tcase <-nilc:\n"
                 "\t\tfmt.Println(\"nil ready?\")\n"
                 "\tdefault:\n"
                 "\t\tfmt.Println(\"default\")\n"
                 "\t}\n"
                 "\tres := make(chan int, 1)\n"
                 "\tselect {\n"
                 "\tcase res <- 7:\n"
                 "\tcase <-nilc:\n"
                 "\t}\n"
                 "\tselect {\n"
                 "\tcase x, ok := <-res:\n"
                 "\t\tfmt.Println(\"recv\", x, ok)\n"
                 "\t}\n"
                 "}\n"),
              "got 10\ngot 20\ngot 30\n2 2 a\n\"b\" true \"\" false\n"
              "default\nrecv 7 true\n");
}
END_TEST

START_TEST(select_explores_every_ready_case)
{
    char *o = go_outcomes(GO("import \"fmt\"\n"
                             "func main() {\n"
                             "\ta := make(chan int, 1)\n"
                             "\tb := make(chan int, 1)\n"
                             "\ta <- 1\n"
                             "\tb <- 2\n"
                             "\tselect {\n"
                             "\tcase v := <-a:\n"
                             "\t\tfmt.Println(\"a\", v)\n"
                             "\tcase v := <-b:\n"
                             "\t\tfmt.Println(\"b\", v)\n"
                             "\t}\n"
                             "}\n"));
    ck_assert_str_eq(o, "a 1|\nb 2|\n");
    free(o);
}
END_TEST

/* A parked select is committed to the case that wakes it, as Go's
 * runtime commits it: a case made ready after the wake, by a goroutine
 * the wake itself started, is no choice (it was, so a reply sent on
 * ctx.Done after a timeout could win over ctx.Done); two wakers that are
 * not ordered may wake it in either order, and both orders are explored
 * (DPOR: a step that wakes a select reads its other channels). */
/* main's start for the test below: a goroutine parked in a select on a
 * (unbuffered) and b (buffered), reporting the case it took on res. */
#define PARKED_SELECT                                                          \
    "import (\n\t\"fmt\"\n\t\"time\"\n)\n"                                  \
    "func main() {\n"                                                          \
    "\ta := make(chan int)\n"                                                 \
    "\tb := make(chan int, 1)\n"                                              \
    "\tres := make(chan string)\n"                                            \
    "\tgo func() {\n"                                                         \
    "\t\tselect {\n"                                                          \
    "\t\tcase <-a:\n"                                                         \
    "\t\t\tres <- \"a\"\n"                                                    \
    "\t\tcase <-b:\n"                                                         \
    "\t\t\tres <- \"b\"\n"                                                    \
    "\t\t}\n"                                                                 \
    "\t}()\n"

START_TEST(a_parked_select_takes_the_case_that_woke_it)
{
    char *o = go_outcomes(GO(PARKED_SELECT "\tgo func() {\n"
                                           "\t\t<-a\n"
                                           "\t\tb <- 1\n"
                                           "\t}()\n"
                                           "\ttime.Sleep(10 * time.Millisecond)\n"
                                           "\tclose(a)\n"
                                           "\tfmt.Println(<-res)\n"
                                           "}\n"));
    ck_assert_str_eq(o, "a|\n");
    free(o);
    o = go_outcomes(GO(PARKED_SELECT "\ttime.Sleep(10 * time.Millisecond)\n"
                                     "\tgo func() { close(a) }()\n"
                                     "\tgo func() { b <- 1 }()\n"
                                     "\tfmt.Println(<-res)\n"
                                     "}\n"));
    ck_assert_str_eq(o, "a|\nb|\n");
    free(o);
}
END_TEST

START_TEST(unsynchronized_increments_lose_updates)
{
    static const char *const srcs[] = {
        /* a package variable */
        GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
           "var counter int\n"
           "func main() {\n"
           "\tvar wg sync.WaitGroup\n"
           "\tfor i := 0; i < 2; i++ {\n"
           "\t\twg.Add(1)\n"
           "\t\tgo func() {\n"
           "\t\t\tdefer wg.Done()\n"
           "\t\t\tcounter++\n"
           "\t\t}()\n"
           "\t}\n"
           "\twg.Wait()\n"
           "\tfmt.Println(counter)\n"
           "}\n"),
        /* a local captured by the goroutines' closure */
        GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
           "func main() {\n"
           "\tn := 0\n"
           "\tvar wg sync.WaitGroup\n"
           "\twg.Add(2)\n"
           "\tfor i := 0; i < 2; i++ {\n"
           "\t\tgo func() { n = n + 1; wg.Done() }()\n"
           "\t}\n"
           "\twg.Wait()\n"
           "\tfmt.Println(n)\n"
           "}\n"),
        /* a struct field reached through a pointer argument */
        GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
           "type C struct{ hits []int }\n"
           "func work(c *C, wg *sync.WaitGroup) {\n"
           "\tc.hits[0]++\n"
           "\twg.Done()\n"
           "}\n"
           "func main() {\n"
           "\tc := &C{hits: make([]int, 1)}\n"
           "\tvar wg sync.WaitGroup\n"
           "\twg.Add(2)\n"
           "\tgo work(c, &wg)\n"
           "\tgo work(c, &wg)\n"
           "\twg.Wait()\n"
           "\tfmt.Println(c.hits[0])\n"
           "}\n"),
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        char *o = go_outcomes(srcs[i]);
        ck_assert_msg(!strcmp(o, "1|\n2|\n"), "program %zu: %s", i, o);
        free(o);
    }
}
END_TEST

START_TEST(mutex_and_atomics_keep_every_update)
{
    static const char *const srcs[] = {
        GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
           "type Counter struct {\n"
           "\tmu sync.Mutex\n"
           "\tn  int\n"
           "}\n"
           "func (c *Counter) Inc() {\n"
           "\tc.mu.Lock()\n"
           "\tdefer c.mu.Unlock()\n"
           "\tc.n++\n"
           "}\n"
           "func main() {\n"
           "\tc := &Counter{}\n"
           "\tvar wg sync.WaitGroup\n"
           "\tfor i := 0; i < 2; i++ {\n"
           "\t\twg.Go(c.Inc)\n"
           "\t}\n"
           "\twg.Wait()\n"
           "\tfmt.Println(c.n)\n"
           "}\n"),
        GO("import (\n\t\"fmt\"\n\t\"sync\"\n\t\"sync/atomic\"\n)\n"
           "func main() {\n"
           "\tvar n atomic.Int64\n"
           "\tvar m int32\n"
           "\tvar wg sync.WaitGroup\n"
           "\tfor i := 0; i < 2; i++ {\n"
           "\t\twg.Add(1)\n"
           "\t\tgo func() {\n"
           "\t\t\tdefer wg.Done()\n"
           "\t\t\tn.Add(1)\n"
           "\t\t\tatomic.AddInt32(&m, 1)\n"
           "\t\t}()\n"
           "\t}\n"
           "\twg.Wait()\n"
           "\tfmt.Println(n.Load() + int64(atomic.LoadInt32(&m)))\n"
           "}\n"),
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        char *o = go_outcomes(srcs[i]);
        ck_assert_msg(!strcmp(o, i ? "4|\n" : "2|\n"), "program %zu: %s", i,
                      o);
        free(o);
    }
}
END_TEST

START_TEST(atomics_wrap_to_their_size)
{
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"sync/atomic\"\n)\n"
                 "func main() {\n"
                 "\tvar a int32 = 2147483647\n"
                 "\tr := atomic.AddInt32(&a, 1)\n"
                 "\tfmt.Println(r, a)\n"
                 "\tvar u atomic.Uint32\n"
                 "\tfmt.Println(u.Add(^uint32(0)), u.CompareAndSwap(4294967295, "
                 "5), u.Load(), u.Swap(9), u.Load())\n"
                 "\tvar b atomic.Bool\n"
                 "\tb.Store(true)\n"
                 "\tvar v atomic.Value\n"
                 "\tv.Store(\"x\")\n"
                 "\tvar u64 uint64\n"
                 "\tatomic.StoreUint64(&u64, 3)\n"
                 "\tswapped := atomic.CompareAndSwapUint64(&u64, 3, 4)\n"
                 "\tfmt.Println(b.Load(), v.Load(), swapped, u64)\n"
                 "}\n"),
              "-2147483648 -2147483648\n"
              "4294967295 true 5 5 9\n"
              "true x true 4\n");
}
END_TEST

START_TEST(sync_objects_misused_panic)
{
    GO_EXPECT(GO("import \"sync\"\n"
                 "func main() {\n"
                 "\tvar wg sync.WaitGroup\n"
                 "\twg.Done()\n"
                 "}\n"),
              "panic: sync: negative WaitGroup counter\n");
    GO_EXPECT(GO("import \"sync\"\n"
                 "func main() {\n"
                 "\tvar mu sync.Mutex\n"
                 "\tmu.Unlock()\n"
                 "}\n"),
              "panic: fatal error: sync: unlock of unlocked mutex\n");
}
END_TEST

START_TEST(runtime_panics_of_sync_ops_are_recovered_as_in_go)
{
    /* send on a closed channel, close of a closed or nil channel, a
     * negative WaitGroup counter: Go panics that recover() stops (Go's
     * test/chan/select3.go relies on it); unlocking an unlocked mutex is
     * a fatal error nothing recovers */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                 "func try(f func()) (r any) {\n"
                 "\tdefer func() { r = recover() }()\n"
                 "\tf()\n"
                 "\treturn nil\n"
                 "}\n"
                 "func main() {\n"
                 "\tch := make(chan int)\n"
                 "\tclose(ch)\n"
                 "\tfmt.Println(try(func() { ch <- 1 }))\n"
                 "\tfmt.Println(try(func() { close(ch) }))\n"
                 "\tvar nilch chan int\n"
                 "\tfmt.Println(try(func() { close(nilch) }))\n"
                 "\tvar wg sync.WaitGroup\n"
                 "\tfmt.Println(try(func() { wg.Done() }))\n"
                 "\tfmt.Println(try(func() {\n"
                 "\t\tselect {\n\t\tcase ch <- 2:\n\t\t}\n"
                 "\t}))\n"
                 "\tvar mu sync.Mutex\n"
                 "\ttry(func() { mu.Unlock() })\n"
                 "}\n"),
              "send on closed channel\n"
              "close of closed channel\n"
              "close of nil channel\n"
              "sync: negative WaitGroup counter\n"
              "send on closed channel\n"
              "panic: fatal error: sync: unlock of unlocked mutex\n");
}
END_TEST

START_TEST(copied_sync_values_are_new_objects_in_the_same_state)
{
    /* a WaitGroup passed by value: Done on the copy, Wait on the
     * original, which Go reports as a deadlock */
    GO_EXPECT(GO("import \"sync\"\n"
                 "func worker(wg sync.WaitGroup) { defer wg.Done() }\n"
                 "func main() {\n"
                 "\tvar wg sync.WaitGroup\n"
                 "\twg.Add(1)\n"
                 "\tgo worker(wg)\n"
                 "\twg.Wait()\n"
                 "}\n"),
              "deadlock: all goroutines are asleep\n");
    /* a value receiver locks its own copy: an unlocked one works, a
     * copy of a locked one is locked */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                 "type C struct {\n"
                 "\tmu sync.Mutex\n"
                 "\tn  int\n"
                 "}\n"
                 "func (c C) Inc() { c.mu.Lock(); c.n++; c.mu.Unlock() }\n"
                 "func main() {\n"
                 "\tvar c C\n"
                 "\tc.Inc()\n"
                 "\tc.Inc()\n"
                 "\tfmt.Println(c.n)\n"
                 "\tc.mu.Lock()\n"
                 "\tc.Inc()\n"
                 "}\n"),
              "0\ndeadlock: all goroutines are asleep\n");
}
END_TEST

START_TEST(once_cond_rwmutex_trylock)
{
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                 "func main() {\n"
                 "\tvar once sync.Once\n"
                 "\tvar wg sync.WaitGroup\n"
                 "\tcalls := 0\n"
                 "\tfor i := 0; i < 3; i++ {\n"
                 "\t\twg.Add(1)\n"
                 "\t\tgo func() {\n"
                 "\t\t\tdefer wg.Done()\n"
                 "\t\t\tonce.Do(func() { calls++ })\n"
                 "\t\t}()\n"
                 "\t}\n"
                 "\twg.Wait()\n"
                 "\tvar o2 sync.Once\n"
                 "\tfunc() {\n"
                 "\t\tdefer func() { recover() }()\n"
                 "\t\to2.Do(func() { panic(\"in f\") })\n"
                 "\t}()\n"
                 "\tran := false\n"
                 "\to2.Do(func() { ran = true })\n"
                 "\tvar mu sync.Mutex\n"
                 "\tcond := sync.NewCond(&mu)\n"
                 "\tready := false\n"
                 "\tgo func() {\n"
                 "\t\tmu.Lock()\n"
                 "\t\tready = true\n"
                 "\t\tcond.Broadcast()\n"
                 "\t\tmu.Unlock()\n"
                 "\t}()\n"
                 "\tmu.Lock()\n"
                 "\tfor !ready {\n"
                 "\t\tcond.Wait()\n"
                 "\t}\n"
                 "\tfmt.Println(calls, ran, mu.TryLock())\n"
                 "\tmu.Unlock()\n"
                 "\tfmt.Println(mu.TryLock())\n"
                 "\tvar rw sync.RWMutex\n"
                 "\trw.RLock()\n"
                 "\trl := rw.RLocker()\n"
                 "\trl.Lock()\n"
                 "\trl.Unlock()\n"
                 "\trw.RUnlock()\n"
                 "\trw.Lock()\n"
                 "\tfmt.Println(\"writer\")\n"
                 "\trw.Unlock()\n"
                 "}\n"),
              "1 false false\ntrue\nwriter\n");
}
END_TEST

START_TEST(virtual_time_orders_sleepers)
{
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"time\"\n)\n"
                 "func main() {\n"
                 "\tstart := time.Now()\n"
                 "\tdone := make(chan string)\n"
                 "\tfor _, d := range []int{30, 10, 20} {\n"
                 "\t\tgo func(ms int) {\n"
                 "\t\t\ttime.Sleep(time.Duration(ms) * time.Millisecond)\n"
                 "\t\t\tdone <- fmt.Sprint(ms)\n"
                 "\t\t}(d)\n"
                 "\t}\n"
                 "\tfor i := 0; i < 3; i++ {\n"
                 "\t\tfmt.Print(<-done, \" \")\n"
                 "\t}\n"
                 "\tfmt.Println(time.Since(start))\n"
                 "\tselect {\n"
                 "\tcase <-make(chan int):\n"
                 "\tcase <-time.After(time.Second):\n"
                 "\t\tfmt.Println(\"timeout\", time.Since(start))\n"
                 "\t}\n"
                 "\ttk := time.NewTicker(time.Hour)\n"
                 "\t<-tk.C\n"
                 "\t<-tk.C\n"
                 "\ttk.Stop()\n"
                 "\tfmt.Println(time.Since(start), 90*time.Second, "
                 "1500*time.Microsecond, time.Duration(0))\n"
                 "}\n"),
              "10 20 30 30ms\ntimeout 1.03s\n2h0m1.03s 1m30s 1.5ms 0s\n");
}
END_TEST

START_TEST(after_func_runs_f_in_its_own_goroutine)
{
    char *o = go_outcomes(GO("import (\n\t\"fmt\"\n\t\"time\"\n)\n"
                             "func main() {\n"
                             "\tstart := time.Now()\n"
                             "\tdone := make(chan bool)\n"
                             "\ttime.AfterFunc(50*time.Millisecond, func() {\n"
                             "\t\tfmt.Println(\"fired\", time.Since(start))\n"
                             "\t\tdone <- true\n"
                             "\t})\n"
                             "\tt := time.AfterFunc(time.Second, func() {\n"
                             "\t\tfmt.Println(\"again\", time.Since(start))\n"
                             "\t})\n"
                             "\tfmt.Println(t.Stop(), t.Stop())\n"
                             "\t<-done\n"
                             "\tfmt.Println(t.Reset(time.Millisecond))\n"
                             "\ttime.Sleep(time.Second)\n"
                             "}\n"));
    ck_assert_str_eq(o, "true false|fired 50ms|false|again 51ms|\n");
    free(o);
}
END_TEST

/* A plain receive exposed while a short ticker's tick is ready (it fires
 * early, engine.h) is runnable at once: it used to block until a rescan,
 * against the channel's invariant (the debug build's engine_check). */
START_TEST(a_receive_on_a_ready_short_tick_is_runnable)
{
    char *o = go_outcomes(GO("import (\n\t\"fmt\"\n\t\"time\"\n)\n"
                             "func main() {\n"
                             "\ttk := time.NewTicker(100 * time.Microsecond)\n"
                             "\tdone := make(chan bool)\n"
                             "\tgo func() {\n"
                             "\t\t<-tk.C\n"
                             "\t\tdone <- true\n"
                             "\t}()\n"
                             "\t<-tk.C\n"
                             "\t<-done\n"
                             "\ttk.Stop()\n"
                             "\tfmt.Println(\"two ticks\")\n"
                             "}\n"));
    ck_assert_str_eq(o, "two ticks|\n");
    free(o);
}
END_TEST

START_TEST(deadlocks_are_found_by_exploration)
{
    static const char naive[] =
        GO("import \"sync\"\n"
           "func main() {\n"
           "\tforks := make([]sync.Mutex, 3)\n"
           "\tvar wg sync.WaitGroup\n"
           "\tfor i := 0; i < 3; i++ {\n"
           "\t\twg.Add(1)\n"
           "\t\tgo func(i int) {\n"
           "\t\t\tdefer wg.Done()\n"
           "\t\t\tl, r := i, (i+1)%3\n"
           "\t\t\tif COND {\n"
           "\t\t\t\tl, r = r, l\n"
           "\t\t\t}\n"
           "\t\t\tforks[l].Lock()\n"
           "\t\t\tforks[r].Lock()\n"
           "\t\t\tforks[r].Unlock()\n"
           "\t\t\tforks[l].Unlock()\n"
           "\t\t}(i)\n"
           "\t}\n"
           "\twg.Wait()\n"
           "}\n");
    char src[2048];
    go_res r;
    const char *at = strstr(naive, "COND");
    snprintf(src, sizeof src, "%.*sfalse%s", (int)(at - naive), naive,
             at + 4);
    r = go_exec(src, WF_STRATEGY_DPOR, 0, NULL);
    ck_assert_int_eq(r.nfind[WF_DEADLOCK], 1);
    ck_assert(r.complete);
    free(r.text);
    snprintf(src, sizeof src, "%.*sr < l%s", (int)(at - naive), naive,
             at + 4);
    r = go_exec(src, WF_STRATEGY_DPOR, 0, NULL);
    ck_assert_str_eq(r.text, "");
    ck_assert(r.complete);
    free(r.text);
    GO_EXPECT(GO("func main() {\n"
                 "\tvar c chan int\n"
                 "\tc <- 1\n"
                 "}\n"),
              "deadlock: all goroutines are asleep\n");
}
END_TEST

START_TEST(goroutine_left_blocked_is_a_leak)
{
    GO_EXPECT(GO("func main() {\n"
                 "\tch := make(chan int)\n"
                 "\tgo func() { ch <- 1 }()\n"
                 "}\n"),
              "leak: g1 main.func1 blocked forever in send\n");
}
END_TEST

/* A goroutine looping on a sleep, or on a ticker's channel, when main
 * returns was still running: time stops there and cuts it off, so it is
 * reported as a leak that says so, not as blocked forever. */
START_TEST(goroutine_sleeping_at_main_return_is_still_running)
{
    GO_EXPECT(GO("import \"time\"\n"
                 "func main() {\n"
                 "\tgo func() {\n"
                 "\t\tfor {\n"
                 "\t\t\ttime.Sleep(time.Millisecond)\n"
                 "\t\t}\n"
                 "\t}()\n"
                 "\ttime.Sleep(3 * time.Millisecond)\n"
                 "}\n"),
              "leak: g1 main.func1 still running when main returned (in a "
              "sleep, cut off as time stops there), not blocked forever\n");
    GO_EXPECT(GO("import \"time\"\n"
                 "func main() {\n"
                 "\ttk := time.NewTicker(time.Millisecond)\n"
                 "\tgo func() {\n"
                 "\t\tfor range tk.C {\n"
                 "\t\t}\n"
                 "\t}()\n"
                 "\ttime.Sleep(3 * time.Millisecond)\n"
                 "}\n"),
              "leak: g1 main.func1 still running when main returned (waiting "
              "on a timer, cut off as time stops there), not blocked "
              "forever\n");
}
END_TEST

/* Compiles src and explores it with every checker on (strategy, at
 * most max executions, 0: no bound, no preemption bound); the caller
 * reads the explorer and frees what it returns with go_explored_free. */
typedef struct go_explored {
    vm_program *p;
    explorer *x;
    checkers *ck;
} go_explored;

static go_explored go_explore(const char *src, wf_strategy_kind strategy,
                              int max_executions)
{
    go_explored r = {0};
    wf_diag d;
    program prog;
    explore_opts o;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &r.p, &d),
                     WF_OK);
    prog = vm_program_entry(r.p);
    memset(&o, 0, sizeof o);
    o.strategy = strategy;
    o.max_executions = max_executions;
    o.preemptions = -1;
    r.x = explore_new(&prog, &o);
    r.ck = checkers_new(NULL);
    ck_assert_int_eq(explore_run(r.x, checkers_consumers(r.ck), &d), WF_OK);
    return r;
}

static void go_explored_free(go_explored *r)
{
    checkers_free(r->ck);
    explore_free(r->x);
    vm_program_free(r->p);
}

/* os.Exit(<-c) in the step that wakes the sender: the sender's send
 * completed, so it is runnable when the program ends, not leaked (Go's
 * bug130.go); every interleaving, every checker on, as `weft explore`. */
START_TEST(exit_leaves_the_woken_sender_runnable)
{
    const char *src = GO("import \"os\"\n"
                         "func main() {\n"
                         "\tc := make(chan int)\n"
                         "\tgo func() { c <- 0 }()\n"
                         "\tos.Exit(<-c)\n"
                         "}\n");
    go_explored r = go_explore(src, WF_STRATEGY_DFS, 0);
    ck_assert(r.x->complete);
    ck_assert_msg(r.x->findings.len == 0, "%s",
                  r.x->findings.len ? r.x->findings.p[0].message : "");
    go_explored_free(&r);
}
END_TEST

/* runtime.GC is a scheduling point (a collection blocks its caller
 * while others run): a goroutine calling it in a loop lets main run on
 * at once, not after its fuel of 2^18 jumps at each turn (Go's
 * issue30977.go); once main returned, the spinning is a leak. */
START_TEST(gc_in_a_loop_lets_others_run)
{
    const char *src = GO("import \"runtime\"\n"
                         "func main() {\n"
                         "\tgo func() {\n\t\tfor {\n\t\t\truntime.GC()\n\t\t}\n\t}()\n"
                         "\tfor i := 0; i < 20; i++ {\n"
                         "\t\truntime.Gosched()\n"
                         "\t}\n"
                         "\tprintln(\"done\")\n"
                         "}\n");
    go_explored r = go_explore(src, WF_STRATEGY_RR, 1);
    ck_assert_int_eq((int)r.x->findings.len, 1);
    ck_assert_int_eq(r.x->findings.p[0].f.kind, WF_LEAK);
    ck_assert_uint_lt(r.x->findings.p[0].steps, 100000);
    go_explored_free(&r);
}
END_TEST

START_TEST(go_evaluates_function_and_arguments_first)
{
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                 "type W struct{ id int }\n"
                 "func (w W) run(out chan<- string, tag string) {\n"
                 "\tout <- fmt.Sprint(tag, w.id)\n"
                 "}\n"
                 "func main() {\n"
                 "\tout := make(chan string, 4)\n"
                 "\tout2 := make(chan string, 4)\n"
                 "\tw := W{1}\n"
                 "\tgo w.run(out, \"a\")\n"
                 "\tw.id = 2\n"
                 "\tx := \"b\"\n"
                 "\tgo func(s string) { out2 <- s }(x)\n"
                 "\tx = \"c\"\n"
                 "\truntime.Gosched()\n"
                 "\tfmt.Println(<-out, <-out2, len(out))\n"
                 "\tfor runtime.NumGoroutine() > 1 {\n"
                 "\t\truntime.Gosched()\n"
                 "\t}\n"
                 "}\n"),
              "a1 b 0\n");
}
END_TEST

/* ---- engine objects, reachability, state hash ----------------------------- */

typedef struct probe {
    buf names;        /* "kind name" of every object, at the end */
    int reach_main;   /* can main reach the object named "keep"? */
    int reach_lost;   /* ... the one named "lost"? */
    uint64_t hash;
} probe;

static void probe_end(void *ctx, wf_engine *e)
{
    probe *pr = ctx;
    wf_obj *keep = NULL, *lost = NULL;
    for (size_t i = 0; i < e->objs.len; i++) {
        wf_obj *o = e->objs.p[i];
        buf_printf(&pr->names, "%s %s\n", obj_kind_names[o->kind], o->name);
        if (o->kind == OBJ_CHAN && !strcmp(o->name, "keep"))
            keep = o;
        if (o->kind == OBJ_CHAN && !strcmp(o->name, "lost"))
            lost = o;
    }
    if (e->fe.can_reach && keep)
        pr->reach_main = e->fe.can_reach(e->fe.ctx, e, e->tasks.p[0],
                                      keep);
    if (e->fe.can_reach && lost)
        pr->reach_lost = e->fe.can_reach(e->fe.ctx, e, e->tasks.p[0],
                                      lost);
    pr->hash = vm_state_hash(e);
}

/* One execution of src (rr, or the replay of sched) with consumer c. */
static void run_with(const char *src, const char *sched, wf_consumer c)
{
    vm_program *p = NULL;
    wf_diag d;
    program prog;
    explore_opts o;
    explorer *x;
    consumer_set cs;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &p, &d),
                     WF_OK);
    prog = vm_program_entry(p);
    memset(&o, 0, sizeof o);
    o.strategy = sched ? WF_STRATEGY_REPLAY : WF_STRATEGY_RR;
    o.schedule = sched;
    o.max_executions = 1;
    o.preemptions = -1;
    cs.v = &c;
    cs.n = 1;
    x = explore_new(&prog, &o);
    explore_run(x, &cs, &d);
    explore_free(x);
    vm_program_free(p);
}

static probe run_probe(const char *src, const char *sched)
{
    probe pr;
    wf_consumer c;
    memset(&pr, 0, sizeof pr);
    pr.reach_main = pr.reach_lost = -1;
    buf_init(&pr.names);
    memset(&c, 0, sizeof c);
    c.ctx = &pr;
    c.end = probe_end;
    run_with(src, sched, c);
    return pr;
}

START_TEST(objects_are_named_as_the_program_names_them)
{
    probe pr = run_probe(
        GO("import \"sync\"\n"
           "type Fork struct {\n"
           "\tsync.Mutex\n"
           "\tid int\n"
           "}\n"
           "type Stats struct {\n"
           "\tmu    sync.Mutex\n"
           "\tcount int\n"
           "}\n"
           "var total int\n"
           "func main() {\n"
           "\tforks := make([]*Fork, 2)\n"
           "\tfor i := range forks {\n"
           "\t\tforks[i] = &Fork{id: i}\n"
           "\t}\n"
           "\ts := &Stats{}\n"
           "\tdone := make(chan bool)\n"
           "\tgo func() {\n"
           "\t\tforks[1].Lock()\n"
           "\t\ts.mu.Lock()\n"
           "\t\ts.count++\n"
           "\t\ttotal++\n"
           "\t\ts.mu.Unlock()\n"
           "\t\tforks[1].Unlock()\n"
           "\t\tdone <- true\n"
           "\t}()\n"
           "\tforks[0].Lock()\n"
           "\tforks[0].Unlock()\n"
           "\t<-done\n"
           "}\n"),
        NULL);
    ck_assert_msg(strstr(pr.names.p, "mutex forks[1]\n") &&
                      strstr(pr.names.p, "mutex forks[0]\n") &&
                      strstr(pr.names.p, "mutex s.mu\n") &&
                      strstr(pr.names.p, "var s.count\n") &&
                      strstr(pr.names.p, "var total\n") &&
                      strstr(pr.names.p, "chan done\n"),
                  "names: %s", pr.names.p);
    buf_fini(&pr.names);
}
END_TEST

START_TEST(reachability_follows_registers_and_heap)
{
    probe pr = run_probe(
        GO("func drop() {\n"
           "\tlost := make(chan int)\n"
           "\tgo func() { <-lost }()\n"
           "}\n"
           "func main() {\n"
           "\tkeep := make(chan int)\n"
           "\tgo func() { <-keep }()\n"
           "\tdrop()\n"
           "\tholder := []chan int{keep}\n"
           "\tselect {}\n"
           "\t_ = holder\n"
           "}\n"),
        NULL);
    ck_assert_int_eq(pr.reach_main, 1);
    ck_assert_int_eq(pr.reach_lost, 0);
    buf_fini(&pr.names);
}
END_TEST

/* What a call leaves in registers above its caller's is not the caller's:
 * d's closure (holding lost) lands in a register of main's above c's
 * frame, past c's top, where c's return does not reach; main, which
 * never held lost, must not reach it, whether main is cleared whole at
 * each return (it selects) or lazy (vm_proto.valid: it sends). Main's
 * eight variables are read only at its end, so their registers, which
 * the leftovers lie in, are not written before. */
#define STALE_CALLEE                                                           \
    "func d() int {\n"                                                         \
    "\tlost := make(chan int)\n"                                               \
    "\tgo func() { lost <- 1 }()\n"                                            \
    "\treturn 0\n"                                                             \
    "}\n"                                                                      \
    "func c() int { return d() }\n"
START_TEST(a_callee_s_registers_keep_nothing_reachable)
{
    probe sel = run_probe(
        GO(STALE_CALLEE
           "func main() {\n"
           "\tkeep := make(chan int)\n"
           "\tgo func() { <-keep }()\n"
           "\ta, b, e, f, g, h, i, j := 1, 2, 3, 4, 5, 6, 7, 8\n"
           "\tc()\n"
           "\tholder := []chan int{keep}\n"
           "\tselect {}\n"
           "\tprintln(a, b, e, f, g, h, i, j, holder)\n"
           "}\n"),
        NULL);
    probe send = run_probe(
        GO(STALE_CALLEE
           "func main() {\n"
           "\tkeep := make(chan int)\n"
           "\tgo func() { <-keep }()\n"
           "\ta, b, e, f, g, h, i, j := 1, 2, 3, 4, 5, 6, 7, 8\n"
           "\tc()\n"
           "\tkeep <- 1\n"
           "\tkeep <- 1\n"
           "\tprintln(a, b, e, f, g, h, i, j)\n"
           "}\n"),
        NULL);
    ck_assert_int_eq(sel.reach_main, 1);
    ck_assert_int_eq(sel.reach_lost, 0);
    ck_assert_int_eq(send.reach_main, 1);
    ck_assert_int_eq(send.reach_lost, 0);
    buf_fini(&sel.names);
    buf_fini(&send.names);
}
END_TEST

/* Two states that differ only in what a returned call left in registers
 * (d's sums of 1 or of 2, above c's frame) are one state: they hash
 * alike, and unlike a state that differs in a register still valid. */
#define DEAD_SUMS(x, y)                                                        \
    "func d(x int) int {\n"                                                    \
    "\ta := x + 1\n"                                                           \
    "\tb := a + x\n"                                                           \
    "\te := b + x\n"                                                           \
    "\tf := e + x\n"                                                           \
    "\tg := f + x\n"                                                           \
    "\treturn g - g\n"                                                         \
    "}\n"                                                                      \
    "func c(x int) int { return d(x) }\n"                                      \
    "func main() {\n"                                                          \
    "\tblock := make(chan int)\n"                                              \
    "\tk := " y "\n"                                                           \
    "\ta, b, e, f, g, h, i, j := 1, 2, 3, 4, 5, 6, 7, 8\n"                     \
    "\tc(" x ")\n"                                                             \
    "\tblock <- k\n"                                                           \
    "\tprintln(a, b, e, f, g, h, i, j)\n"                                      \
    "}\n"
START_TEST(registers_a_return_left_do_not_change_the_state_hash)
{
    probe one = run_probe(GO(DEAD_SUMS("1", "0")), NULL);
    probe two = run_probe(GO(DEAD_SUMS("2", "0")), NULL);
    probe other = run_probe(GO(DEAD_SUMS("1", "1")), NULL);
    ck_assert(one.hash != 0);
    ck_assert(one.hash == two.hash);
    ck_assert(one.hash != other.hash);
    buf_fini(&one.names);
    buf_fini(&two.names);
    buf_fini(&other.names);
}
END_TEST

START_TEST(state_hash_is_canonical)
{
    static const char src[] =
        GO("import \"fmt\"\n"
           "type T struct{ next *T; v []int }\n"
           "func main() {\n"
           "\ta := &T{v: []int{1, 2}}\n"
           "\ta.next = &T{next: a}\n"
           "\tm := map[string]int{\"x\": 1}\n"
           "\tch := make(chan *T, 1)\n"
           "\tch <- a\n"
           "\tfmt.Println(len(m))\n"
           "\tselect {}\n"
           "}\n");
    probe a = run_probe(src, NULL), b = run_probe(src, NULL);
    probe c = run_probe(GO("func main() {\n"
                           "\tx := 1\n"
                           "\t_ = x\n"
                           "\tselect {}\n"
                           "}\n"),
                        NULL);
    ck_assert(a.hash != 0);
    ck_assert(a.hash == b.hash);
    ck_assert(a.hash != c.hash);
    buf_fini(&a.names);
    buf_fini(&b.names);
    buf_fini(&c.names);
}
END_TEST

/* The state hash at the end of every execution of src (dfs, all of them). */
typedef struct hashes {
    VEC(uint64_t) h;
} hashes;

static void hashes_end(void *ctx, wf_engine *e)
{
    hashes *hs = ctx;
    VEC_PUSH(hs->h, vm_state_hash(e));
}

static void end_hashes(const char *src, hashes *hs)
{
    vm_program *p = NULL;
    wf_diag d;
    program prog;
    explore_opts o;
    explorer *x;
    wf_consumer c;
    consumer_set cs;
    memset(hs, 0, sizeof *hs);
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &p, &d),
                     WF_OK);
    prog = vm_program_entry(p);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DFS;
    o.max_executions = 100;
    o.preemptions = -1;
    memset(&c, 0, sizeof c);
    c.ctx = hs;
    c.end = hashes_end;
    cs.v = &c;
    cs.n = 1;
    x = explore_new(&prog, &o);
    explore_run(x, &cs, &d);
    ck_assert(x->complete);
    explore_free(x);
    vm_program_free(p);
}

static size_t distinct(const hashes *hs)
{
    size_t n = 0;
    for (size_t i = 0; i < hs->h.len; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = hs->h.p[j] == hs->h.p[i];
        n += !seen;
    }
    return n;
}

/* Canonical: two interleavings that reach the same state (the same values,
 * allocated in the other order) hash equal; two that reach different
 * states (the appends in the other order) hash differently. */
START_TEST(state_hash_is_the_same_for_the_same_state_by_other_paths)
{
    hashes same, diff;
    end_hashes(GO("import \"sync\"\n"
                  "type T struct{ v int; next *T }\n"
                  "var a, b *T\n"
                  "func main() {\n"
                  "\tvar mu sync.Mutex\n"
                  "\tvar wg sync.WaitGroup\n"
                  "\twg.Add(2)\n"
                  "\tgo func() { mu.Lock(); a = &T{v: 1}; a.next = &T{v: 3}; "
                  "mu.Unlock(); wg.Done() }()\n"
                  "\tgo func() { mu.Lock(); b = &T{v: 2}; mu.Unlock(); "
                  "wg.Done() }()\n"
                  "\twg.Wait()\n"
                  "\tselect {}\n"
                  "}\n"),
               &same);
    end_hashes(GO("import \"sync\"\n"
                  "var s []int\n"
                  "func main() {\n"
                  "\tvar mu sync.Mutex\n"
                  "\tvar wg sync.WaitGroup\n"
                  "\twg.Add(2)\n"
                  "\tgo func() { mu.Lock(); s = append(s, 1); mu.Unlock(); "
                  "wg.Done() }()\n"
                  "\tgo func() { mu.Lock(); s = append(s, 2); mu.Unlock(); "
                  "wg.Done() }()\n"
                  "\twg.Wait()\n"
                  "\tselect {}\n"
                  "}\n"),
               &diff);
    /* both orders of the goroutines were run */
    ck_assert_uint_ge(same.h.len, 2);
    ck_assert_uint_ge(diff.h.len, 2);
    ck_assert(same.h.p[0] != 0);
    ck_assert_uint_eq(distinct(&same), 1);
    ck_assert_uint_eq(distinct(&diff), 2);
    VEC_FREE(same.h);
    VEC_FREE(diff.h);
}
END_TEST

START_TEST(many_goroutines_blocked_on_one_channel)
{
    go_res r = go_exec(GO("func main() {\n"
                          "\tch := make(chan int)\n"
                          "\tfor i := 0; i < 10000; i++ {\n"
                          "\t\tgo func() { <-ch }()\n"
                          "\t}\n"
                          "\tselect {}\n"
                          "}\n"),
                       WF_STRATEGY_RR, 1, NULL);
    ck_assert_str_eq(r.text, "deadlock: all goroutines are asleep\n");
    free(r.text);
}
END_TEST

/* The engine's memory at the end of the one execution of K goroutines
 * blocked on one channel (rr, no checker). */
static void mem_end(void *ctx, wf_engine *e)
{
    *(uint64_t *)ctx = engine_mem_used(e);
}

static uint64_t blocked_mem(int k)
{
    char src[256];
    wf_consumer c;
    uint64_t mem = 0;
    snprintf(src, sizeof src,
             "package main\n"
             "func main() {\n"
             "\tch := make(chan int)\n"
             "\tfor i := 0; i < %d; i++ {\n"
             "\t\tgo func() { <-ch }()\n"
             "\t}\n"
             "\tselect {}\n"
             "}\n",
             k);
    memset(&c, 0, sizeof c);
    c.ctx = &mem;
    c.end = mem_end;
    run_with(src, NULL, c);
    return mem;
}

/* A goroutine blocked in its one function costs the engine its task, its
 * registers and room for two frames, not four (1,216 bytes a goroutine,
 * not 1,344: 100,000 blocked goroutines passed 200 MB under weft run).
 * Counted in the engine's own bytes, by the difference between 2,000
 * goroutines and 1,000. */
START_TEST(a_blocked_goroutine_costs_the_frames_it_has)
{
    uint64_t a = blocked_mem(1000), b = blocked_mem(2000);
    uint64_t each = (b - a) / 1000;
    ck_assert_msg(each <= 1280, "%llu bytes a blocked goroutine",
                  (unsigned long long)each);
}
END_TEST

/* The deadlock checker's check at a step that leaves a task blocked
 * walks no heap when a live task holds what the blocked one waits on near
 * at hand (the front end's near_reach): a channel ping-pong through
 * captured variables, and goroutines taking turns on a captured mutex
 * while main waits on a WaitGroup. Every checker on, as `weft run`. */
static uint64_t reach_work_of(const char *src, const char *want)
{
    vm_program *p = NULL;
    wf_diag d;
    program prog;
    explore_opts o;
    explorer *x;
    checkers *ck;
    uint64_t work;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &p, &d),
                     WF_OK);
    prog = vm_program_entry(p);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_RR;
    o.max_executions = 1;
    o.preemptions = -1;
    x = explore_new(&prog, &o);
    ck = checkers_new(NULL);
    ck_assert_int_eq(explore_run(x, checkers_consumers(ck), &d), WF_OK);
    ck_assert_str_eq(x->last_output ? x->last_output : "", want);
    ck_assert_int_eq((int)x->findings.len, 0);
    work = x->e->reach_work;
    checkers_free(ck);
    explore_free(x);
    vm_program_free(p);
    return work;
}

START_TEST(blocked_tasks_a_live_task_holds_cost_no_walk)
{
    ck_assert_uint_eq(
        reach_work_of(GO("import \"fmt\"\n"
                         "func main() {\n"
                         "\tping := make(chan int)\n"
                         "\tpong := make(chan int)\n"
                         "\tgo func() {\n"
                         "\t\tfor i := 0; i < 100; i++ {\n"
                         "\t\t\tpong <- (<-ping) + 1\n"
                         "\t\t}\n"
                         "\t}()\n"
                         "\tv := 0\n"
                         "\tfor i := 0; i < 100; i++ {\n"
                         "\t\tping <- v\n"
                         "\t\tv = <-pong\n"
                         "\t}\n"
                         "\tfmt.Println(v)\n"
                         "}\n"),
                      "100\n"),
        0);
    ck_assert_uint_eq(
        reach_work_of(GO("import (\n\t\"fmt\"\n\t\"sync\"\n)\n"
                         "func main() {\n"
                         "\tvar mu sync.Mutex\n"
                         "\tvar wg sync.WaitGroup\n"
                         "\tcount := 0\n"
                         "\twg.Add(2)\n"
                         "\tfor k := 0; k < 2; k++ {\n"
                         "\t\tgo func() {\n"
                         "\t\t\tdefer wg.Done()\n"
                         "\t\t\tfor i := 0; i < 50; i++ {\n"
                         "\t\t\t\tmu.Lock()\n"
                         "\t\t\t\tcount++\n"
                         "\t\t\t\tmu.Unlock()\n"
                         "\t\t\t}\n"
                         "\t\t}()\n"
                         "\t}\n"
                         "\twg.Wait()\n"
                         "\tfmt.Println(count)\n"
                         "}\n"),
                      "100\n"),
        0);
}
END_TEST

Suite *goconc_suite(void)
{
    Suite *s = suite_create("goconc");
    TCase *tc = tcase_create("concurrency");
    tcase_add_test(tc, channels_select_and_close);
    tcase_add_test(tc, a_receive_on_a_ready_short_tick_is_runnable);
    tcase_add_test(tc, select_explores_every_ready_case);
    tcase_add_test(tc, a_parked_select_takes_the_case_that_woke_it);
    tcase_add_test(tc, unsynchronized_increments_lose_updates);
    tcase_add_test(tc, mutex_and_atomics_keep_every_update);
    tcase_add_test(tc, atomics_wrap_to_their_size);
    tcase_add_test(tc, sync_objects_misused_panic);
    tcase_add_test(tc, runtime_panics_of_sync_ops_are_recovered_as_in_go);
    tcase_add_test(tc, once_cond_rwmutex_trylock);
    tcase_add_test(tc, copied_sync_values_are_new_objects_in_the_same_state);
    tcase_add_test(tc, virtual_time_orders_sleepers);
    tcase_add_test(tc, after_func_runs_f_in_its_own_goroutine);
    tcase_add_test(tc, deadlocks_are_found_by_exploration);
    tcase_add_test(tc, goroutine_left_blocked_is_a_leak);
    tcase_add_test(tc, goroutine_sleeping_at_main_return_is_still_running);
    tcase_add_test(tc, exit_leaves_the_woken_sender_runnable);
    tcase_add_test(tc, gc_in_a_loop_lets_others_run);
    tcase_add_test(tc, go_evaluates_function_and_arguments_first);
    suite_add_tcase(s, tc);
    tc = tcase_create("state");
    tcase_add_test(tc, objects_are_named_as_the_program_names_them);
    tcase_add_test(tc, reachability_follows_registers_and_heap);
    tcase_add_test(tc, a_callee_s_registers_keep_nothing_reachable);
    tcase_add_test(tc, registers_a_return_left_do_not_change_the_state_hash);
    tcase_add_test(tc, state_hash_is_canonical);
    tcase_add_test(tc, state_hash_is_the_same_for_the_same_state_by_other_paths);
    tcase_add_test(tc, many_goroutines_blocked_on_one_channel);
    tcase_add_test(tc, a_blocked_goroutine_costs_the_frames_it_has);
    tcase_add_test(tc, blocked_tasks_a_live_task_holds_cost_no_walk);
    suite_add_tcase(s, tc);
    return s;
}

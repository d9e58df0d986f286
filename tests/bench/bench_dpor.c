/* bench_dpor.c: the reduction as users run it (issue 12, point 8).
 * Each figure comes from the path a user's command takes: the default
 * exploration (rounds of preemption bounds, then none; every checker on)
 * through wf_explore for C programs and through weft's explorer on Go
 * files, with the anchor measured in the same run and the verdict
 * checked, not printed:
 *   - executions / Mazurkiewicz traces on the published benchmarks with
 *     the tasks joined as real programs join them (goal 1.00);
 *   - full verification of nine ordered philosophers joined by a
 *     WaitGroup (a Go file, `weft explore FILE` run as a command) against
 *     SPIN on philo.pml -DORDERED (spin -a
 *     and gcc -O2 before the clock starts: the time is pan's), the same
 *     verdict (no deadlock, complete) asserted;
 *   - time to the naive philosophers' first deadlock against pan's time
 *     to its first error;
 *   - executions per second with every checker on.
 * Medians of 3 of CPU time (weft's and pan's alike: other load on a
 * shared machine inflates it less than the wall clock); speed as ratios
 * against the anchor of the same run. Exit status 1 when a verdict is
 * wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "checker/checkers.h"
#include "dpor_progs.h"
#include "sim/explore.h"
#include "sim/lang/vm.h"
#include "weft.h"

static int failures;

/* This process's CPU time: what other load on a shared machine inflates
 * less than the wall clock (the anchors are timed the same way). */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The CPU time of the children waited for so far. */
static double children_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

static int dcmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static double median3(double *v)
{
    qsort(v, 3, sizeof *v, dcmp);
    return v[1];
}

static void check(bool ok, const char *what)
{
    if (!ok) {
        printf("  VERDICT WRONG: %s\n", what);
        failures++;
    }
}

/* ---- C programs through wf_explore (default options) ------------------ */

static void joined(const char *name, void (*f)(void *), int n, int64_t traces)
{
    wf_options o = wf_options_default(); /* rounds, every checker on */
    wf_result r;
    double t[3];
    int64_t ex = 0;
    bool complete = false;
    for (int i = 0; i < 3; i++) {
        double t0 = now();
        wf_explore(f, &n, &o, &r);
        t[i] = now() - t0;
        ex = r.executions;
        complete = r.complete;
        wf_result_free(&r);
    }
    printf("%-18s %7lld executions, %7lld traces: ratio %.2f (goal 1.00), "
           "%8.0f executions/s, every checker on\n",
           name, (long long)ex, (long long)traces,
           (double)ex / (double)traces, (double)ex / median3(t));
    check(complete && ex == traces, name);
}

/* ---- Go files through the explorer weft explore runs ------------------- */

typedef struct go_run {
    int64_t execs;
    bool complete, deadlock;
    size_t findings;
    double secs, first_deadlock; /* seconds; to the first deadlock, -1 */
} go_run;

typedef struct stopper {
    double t0;
    bool stop_at_deadlock;
    double first;
} stopper;

static bool has_deadlock(const explorer *x)
{
    for (size_t i = 0; i < x->findings.len; i++)
        if (x->findings.p[i].f.kind == WF_DEADLOCK)
            return true;
    return false;
}

static bool stop_cb(void *ctx, const explorer *x)
{
    stopper *s = ctx;
    if (s->first < 0 && has_deadlock(x))
        s->first = now() - s->t0;
    return s->stop_at_deadlock && s->first >= 0;
}

/* Explore the Go file at path as `weft explore` does: the default rounds,
 * every checker on; stop at the first deadlock if asked. */
static go_run explore_go(const char *path, bool stop_at_deadlock)
{
    go_run g = {0, false, false, 0, 0, -1};
    vm_program *p = NULL;
    vm_options vo;
    wf_diag d;
    program pr;
    explore_opts o;
    explorer *x;
    checkers *ck;
    stopper st;
    memset(&vo, 0, sizeof vo);
    if (vm_compile_file(path, &vo, &p, &d) != WF_OK) {
        printf("  %s: %s\n", path, d.msg);
        failures++;
        return g;
    }
    pr = vm_program_entry(p);
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    o.iterative = true;
    o.pct_depth = 3;
    st.stop_at_deadlock = stop_at_deadlock;
    st.first = -1;
    o.should_stop = stop_cb;
    o.stop_ctx = &st;
    ck = checkers_new(NULL);
    x = explore_new(&pr, &o);
    st.t0 = now();
    explore_run(x, checkers_consumers(ck), &d);
    checkers_finish(ck, x);
    g.secs = now() - st.t0;
    if (st.first < 0 && has_deadlock(x))
        st.first = g.secs;
    g.first_deadlock = st.first;
    g.execs = x->executions;
    g.complete = x->complete;
    g.deadlock = has_deadlock(x);
    g.findings = x->findings.len;
    explore_free(x);
    checkers_free(ck);
    vm_program_free(p);
    return g;
}

/* `weft explore path` as a user runs it (a child; its CPU time): the
 * executions, whether complete, the errors; false if it did not say. */
static bool weft_explore_cmd(const char *path, double *secs, long long *execs,
                             bool *complete, int *errors)
{
    char cmd[1024], line[1024], last[1024] = "";
    const char *weft = getenv("WEFT") ? getenv("WEFT") : "build/weft";
    FILE *f;
    double t0 = children_cpu();
    snprintf(cmd, sizeof cmd, "%s explore %s 2>&1", weft, path);
    f = popen(cmd, "r");
    if (!f)
        return false;
    while (fgets(line, sizeof line, f))
        if (strstr(line, " executions, "))
            snprintf(last, sizeof last, "%s", line);
    pclose(f);
    *secs = children_cpu() - t0;
    *execs = atoll(last);
    *complete = strstr(last, ": complete;") != NULL;
    {
        const char *e = strstr(last, "; ");
        *errors = e ? atoi(e + 2) : -1;
    }
    return last[0] != 0;
}

/* readers(N) and lastzero(N) as Go programs, joined by a WaitGroup or
 * by a channel per goroutine (closures over the shared variables, as
 * people write them; as tests/unit/test_dpor.c has them small). */
static const char *readers_go(int n, bool wg)
{
    static char src[2048];
    snprintf(src, sizeof src,
             "package main\n\nimport \"sync\"\n\nfunc main() {\n"
             "\tx := 0\n\tvar wg sync.WaitGroup\n"
             "\tdone := make([]chan bool, %d)\n"
             "\tfor i := range done {\n\t\tdone[i] = make(chan bool)\n\t}\n"
             "\tfor i := 0; i < %d; i++ {\n"
             "\t\twg.Add(1)\n"
             "\t\tgo func(i int) {\n"
             "\t\t\t_ = x\n"
             "\t\t\t%s\n"
             "\t\t}(i)\n\t}\n"
             "\twg.Add(1)\n"
             "\tgo func() { x = 1; %s }()\n%s",
             n + 1, n, wg ? "wg.Done()" : "done[i] <- true",
             wg ? "wg.Done()" : "done[len(done)-1] <- true",
             wg ? "\twg.Wait()\n}\n"
                : "\tfor _, d := range done {\n\t\t<-d\n\t}\n}\n");
    return src;
}

static const char *lastzero_go(int n, bool wg)
{
    static char src[2048];
    snprintf(src, sizeof src,
             "package main\n\nimport \"sync\"\n\nfunc main() {\n"
             "\tvar a [%d]int\n\tvar wg sync.WaitGroup\n"
             "\tdone := make([]chan bool, %d)\n"
             "\tfor i := range done {\n\t\tdone[i] = make(chan bool)\n\t}\n"
             "\twg.Add(1)\n"
             "\tgo func() {\n"
             "\t\ti := %d\n\t\tfor a[i] != 0 {\n\t\t\ti--\n\t\t}\n"
             "\t\t%s\n\t}()\n"
             "\tfor j := 1; j <= %d; j++ {\n"
             "\t\twg.Add(1)\n"
             "\t\tgo func(j int) {\n"
             "\t\t\ta[j] = a[j-1] + 1\n"
             "\t\t\t%s\n"
             "\t\t}(j)\n\t}\n%s",
             n + 1, n + 1, n, wg ? "wg.Done()" : "done[0] <- true", n,
             wg ? "wg.Done()" : "done[j] <- true",
             wg ? "\twg.Wait()\n}\n"
                : "\tfor _, d := range done {\n\t\t<-d\n\t}\n}\n");
    return src;
}

static const char *write_file(const char *name, const char *text);

/* `weft explore` on a Go program with a known trace count. */
static void joined_go(const char *name, const char *src, long long traces)
{
    double t[3];
    long long ex = 0;
    bool complete = false, said = true;
    int errors = -1;
    char file[64];
    snprintf(file, sizeof file, "%.*s.go", (int)strcspn(name, "("), name);
    {
        const char *path = write_file(file, src);
        char p[512];
        snprintf(p, sizeof p, "%s", path);
        for (int i = 0; i < 3; i++)
            said = weft_explore_cmd(p, &t[i], &ex, &complete, &errors) &&
                   said;
    }
    printf("%-18s %7lld executions, %7lld traces: ratio %.2f (goal 1.00), "
           "`weft explore FILE.go` %.3f s of CPU\n",
           name, ex, traces, (double)ex / (double)traces, median3(t));
    check(said && complete && ex == traces, name);
}

static const char *philo_go(bool ordered)
{
    static char src[2048];
    snprintf(src, sizeof src,
             "package main\n\nimport \"sync\"\n\n"
             "func main() {\n"
             "\tconst n = 9\n"
             "\tvar forks [n]sync.Mutex\n"
             "\tvar wg sync.WaitGroup\n"
             "\tfor i := 0; i < n; i++ {\n"
             "\t\twg.Add(1)\n"
             "\t\tgo func(i int) {\n"
             "\t\t\tdefer wg.Done()\n"
             "\t\t\ta, b := i, (i+1)%%n\n"
             "%s"
             "\t\t\tforks[a].Lock()\n"
             "\t\t\tforks[b].Lock()\n"
             "\t\t\tforks[b].Unlock()\n"
             "\t\t\tforks[a].Unlock()\n"
             "\t\t}(i)\n"
             "\t}\n"
             "\twg.Wait()\n"
             "}\n",
             ordered ? "\t\t\tif a > b {\n\t\t\t\ta, b = b, a\n\t\t\t}\n" : "");
    return src;
}

static char tmpdir[256];

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", tmpdir, name);
    f = fopen(path, "w");
    if (!f || fputs(text, f) < 0) {
        perror(path);
        exit(2);
    }
    fclose(f);
    return path;
}

/* ---- SPIN ---------------------------------------------------------------- */

static const char *pml_path(void)
{
    static const char *const cand[] = {"../shared/anchors/philo.pml",
                                       "/work/shared/anchors/philo.pml",
                                       "tests/bench/philo.pml"};
    for (size_t i = 0; i < sizeof cand / sizeof cand[0]; i++)
        if (access(cand[i], R_OK) == 0)
            return cand[i];
    return NULL;
}

/* Generate and compile pan for philo.pml (not timed); false if SPIN or
 * the model is missing. */
static bool spin_build(bool ordered, const char *dir)
{
    char cmd[1024];
    const char *pml = pml_path();
    if (!pml || system("command -v spin >/dev/null 2>&1") != 0)
        return false;
    snprintf(cmd, sizeof cmd,
             "mkdir -p %s && cp %s %s/philo.pml && cd %s && "
             "spin %s -DN=9 -DK=1 -a philo.pml >/dev/null && "
             "gcc -O2 -o pan pan.c 2>/dev/null",
             dir, pml, dir, dir, ordered ? "-DORDERED" : "");
    return system(cmd) == 0;
}

/* Run pan (timed); its errors count, or -1. */
static int spin_run(const char *dir, double *secs, char *states, size_t n)
{
    char cmd[1024], line[512];
    FILE *f;
    int errors = -1;
    double t0 = children_cpu();
    snprintf(cmd, sizeof cmd, "cd %s && ./pan -m100000 2>&1", dir);
    f = popen(cmd, "r");
    if (!f)
        return -1;
    states[0] = 0;
    while (fgets(line, sizeof line, f)) {
        const char *e = strstr(line, "errors: ");
        if (e)
            errors = atoi(e + 8);
        if (strstr(line, "states, stored")) {
            line[strcspn(line, "\n")] = 0;
            snprintf(states, n, "%s", line + strspn(line, " "));
        }
    }
    pclose(f);
    *secs = children_cpu() - t0;
    return errors;
}

int main(void)
{
    double t[3], s[3];
    char states[200] = "";
    go_run g = {0, false, false, 0, 0, -1};
    const char *ord, *naive;
    char sdir[300];

    snprintf(tmpdir, sizeof tmpdir, "/tmp/weft-bench-dpor-%d", (int)getpid());
    if (system("mkdir -p /tmp") != 0)
        return 2;
    snprintf(sdir, sizeof sdir, "mkdir -p %s", tmpdir);
    if (system(sdir) != 0)
        return 2;

    printf("== the reduction as weft explore runs it (issue 12) ==\n");
    joined("readers(8)", dp_readers, 8, 256);
    joined("readers_wg(8)", dp_readers_wg, 8, 256);
    joined("readers_ch(8)", dp_readers_ch, 8, 256);
    joined("readers_atomic(8)", dp_readers_atomic, 8, 256);
    joined("readers_mutex(5)", dp_readers_mutex, 5, 720);
    joined("lastzero_wg(8)", dp_lastzero_wg, 8, 704);
    joined("lastzero_ch(8)", dp_lastzero_ch, 8, 704);
    joined("lastzero(10)", dp_lastzero, 10, 3328);
    joined("indexer(13)", dp_indexer, 13, 64);

    joined_go("go_readers_wg(8)", readers_go(8, true), 256);
    joined_go("go_readers_ch(8)", readers_go(8, false), 256);
    joined_go("go_lastzero_wg(6)", lastzero_go(6, true), 144);
    joined_go("go_lastzero_ch(6)", lastzero_go(6, false), 144);

    ord = write_file("philo_ordered9.go", philo_go(true));
    {
        long long ex = 0;
        bool complete = false;
        int errors = -1;
        bool said = true;
        for (int i = 0; i < 3; i++)
            said = weft_explore_cmd(ord, &t[i], &ex, &complete, &errors) &&
                   said;
        printf("ordered philosophers N=9 joined by a WaitGroup: `weft "
               "explore FILE.go` %lld executions, %s, %d errors, %.3f s of "
               "CPU\n",
               ex, complete ? "complete" : "INCOMPLETE", errors, median3(t));
        check(said && complete && errors == 0,
              "ordered philosophers: complete, no finding");
    }
    snprintf(sdir, sizeof sdir, "%s/spin-ordered", tmpdir);
    if (!spin_build(true, sdir)) {
        printf("SPIN: not here (make bench-deps installs it)\n");
    } else {
        int err = 0;
        for (int i = 0; i < 3; i++)
            err = spin_run(sdir, &s[i], states, sizeof states);
        printf("SPIN on philo.pml -DORDERED N=9 K=1 (pan, compiled "
               "beforehand): %.3f s of CPU (%s, %d errors); weft is %.2fx "
               "%s\n",
               median3(s), states, err,
               median3(t) < median3(s) ? median3(s) / median3(t)
                                       : median3(t) / median3(s),
               median3(t) < median3(s) ? "faster" : "slower");
        check(err == 0, "SPIN: no error on the ordered philosophers");
    }

    naive = write_file("philo_naive9.go", philo_go(false));
    for (int i = 0; i < 3; i++) {
        g = explore_go(naive, true);
        t[i] = g.first_deadlock;
    }
    printf("naive philosophers N=9 joined by a WaitGroup (Go file, the "
           "explorer weft explore runs): first deadlock after %.4f s of "
           "CPU (%lld executions)\n",
           median3(t), (long long)g.execs);
    check(g.deadlock, "naive philosophers: the deadlock is found");
    snprintf(sdir, sizeof sdir, "%s/spin-naive", tmpdir);
    if (spin_build(false, sdir)) {
        int err = 0;
        for (int i = 0; i < 3; i++)
            err = spin_run(sdir, &s[i], states, sizeof states);
        printf("SPIN on philo.pml N=9 K=1 (pan, to its first error): "
               "%.4f s of CPU (%d error); weft is %.2fx %s\n",
               median3(s), err,
               median3(t) < median3(s) ? median3(s) / median3(t)
                                       : median3(t) / median3(s),
               median3(t) < median3(s) ? "faster" : "slower");
        check(err >= 1, "SPIN: the naive philosophers deadlock");
    }
    snprintf(sdir, sizeof sdir, "rm -rf %s", tmpdir);
    if (system(sdir) != 0)
        failures++;
    return failures ? 1 : 0;
}

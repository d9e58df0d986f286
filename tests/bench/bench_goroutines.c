/* bench_goroutines.c: the cost of many short-lived goroutines (GoKer's
 * grpc#862 starts thousands): main starts K goroutines one after another,
 * each adds to a sum and is joined (a WaitGroup's Wait) before the next
 * starts. `weft explore --max-executions 1` and a full `weft explore`
 * against `weft run` of the same file (no reduction: its memory is
 * linear in K): peak RSS (getrusage of the child, as wait4 gives it) and
 * steps per CPU second. The reduction retires the clocks of the tasks
 * every live task has joined (sim/dclock.h) and the race checker keeps
 * sparse read vectors, so the memory stays linear in K (before:
 * quadratic, 27/80/269/932 MB at K = 1,000/2,000/4,000/8,000 joined by
 * a WaitGroup, 1.9 GB at 8,000 joined by channels).
 * Environment: WEFT (default build/weft). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("FAIL: %s\n", what);
        failures++;
    }
}

/* The program: K goroutines joined by a WaitGroup, or each sending its
 * result on a channel of its own (ch). */
static const char *write_prog(int k, bool ch)
{
    static char path[256];
    FILE *f;
    snprintf(path, sizeof path, "/tmp/weft-bench-goroutines-%d-%d.go",
             (int)getpid(), k);
    f = fopen(path, "w");
    if (!f)
        return NULL;
    if (ch)
        fprintf(f,
                "package main\n\nfunc main() {\n\ts := 0\n"
                "\tfor i := 0; i < %d; i++ {\n"
                "\t\tc := make(chan int)\n"
                "\t\tgo func(i int) { c <- i }(i)\n"
                "\t\ts += <-c\n\t}\n\tprintln(s)\n}\n",
                k);
    else
        fprintf(f,
                "package main\n\nimport \"sync\"\n\nfunc main() {\n"
                "\tvar wg sync.WaitGroup\n\ts := 0\n"
                "\tfor i := 0; i < %d; i++ {\n"
                "\t\twg.Add(1)\n"
                "\t\tgo func(i int) {\n\t\t\ts += i\n"
                "\t\t\twg.Done()\n\t\t}(i)\n"
                "\t\twg.Wait()\n\t}\n\tprintln(s)\n}\n",
                k);
    fclose(f);
    return path;
}

typedef struct runres {
    double mb, cpu;
    long long steps;
    int ok;
} runres;

/* weft CMD [OPT] path in a child: its peak RSS, CPU time and the steps
 * its summary line counts (run prints none: steps stays 0). */
static runres run_weft(const char *cmd, const char *opt, const char *path)
{
    const char *weft = getenv("WEFT") ? getenv("WEFT") : "build/weft";
    runres r = {0, 0, 0, 0};
    int fd[2], status;
    struct rusage ru;
    pid_t pid;
    char buf[4096];
    size_t len = 0;
    ssize_t n;
    if (pipe(fd) != 0)
        return r;
    pid = fork();
    if (pid < 0)
        return r;
    if (pid == 0) {
        close(fd[0]);
        dup2(fd[1], 1);
        dup2(fd[1], 2);
        if (opt)
            execl(weft, weft, cmd, opt, "1", path, (char *)NULL);
        else
            execl(weft, weft, cmd, path, (char *)NULL);
        _exit(127);
    }
    close(fd[1]);
    while ((n = read(fd[0], buf + len, sizeof buf - 1 - len)) > 0) {
        len += (size_t)n;
        if (len > sizeof buf / 2) { /* keep the tail */
            memmove(buf, buf + len - sizeof buf / 4, sizeof buf / 4);
            len = sizeof buf / 4;
        }
    }
    buf[len] = 0;
    close(fd[0]);
    if (wait4(pid, &status, 0, &ru) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) > 1)
        return r;
    r.mb = (double)ru.ru_maxrss / 1024.0;
    r.cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
            (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    {
        const char *s = strstr(buf, " execution");
        const char *c = s ? strstr(s, ", ") : NULL;
        if (c)
            r.steps = atoll(c + 2);
    }
    r.ok = 1;
    return r;
}

/* One program at each K; false if explore's memory is not linear. */
static bool figure(bool ch)
{
    static const int ks[] = {1000, 2000, 4000, 8000};
    enum { NK = sizeof ks / sizeof ks[0] };
    double xmb[NK];
    printf("== many short-lived goroutines (grpc#862): K started and joined "
           "one after another, %s ==\n",
           ch ? "each by a channel of its own" : "by a WaitGroup");
    for (int i = 0; i < NK; i++) {
        const char *path = write_prog(ks[i], ch);
        runres run, one, full;
        if (!path) {
            check(0, "cannot write the program");
            return false;
        }
        run = run_weft("run", NULL, path);
        one = run_weft("explore", "--max-executions", path);
        full = i == 0 ? run_weft("explore", NULL, path) : one;
        check(run.ok && one.ok && full.ok, "weft ran");
        xmb[i] = one.mb;
        printf("K=%-5d explore --max-executions 1: %6.1f MB, %8.0f steps/s "
               "(%lld steps); run: %5.1f MB (explore/run %.1fx)\n",
               ks[i], one.mb, one.cpu > 0 ? (double)one.steps / one.cpu : 0,
               one.steps, run.mb, run.mb > 0 ? one.mb / run.mb : 0);
        if (i == 0)
            printf("K=%-5d explore (full, default):   %6.1f MB, %8.0f steps/s "
                   "(%lld steps)\n",
                   ks[i], full.mb,
                   full.cpu > 0 ? (double)full.steps / full.cpu : 0,
                   full.steps);
        unlink(path);
    }
    /* linear: 8x the goroutines, at most about 8x the memory (quadratic
     * was 35x) */
    return xmb[NK - 1] <= 12 * xmb[0];
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Many goroutines alive at once: Go by Example's stateful goroutines
 * (110 goroutines looping on a channel to one owner for a second of
 * virtual time), one execution, steps per CPU second, median of 3. Each
 * step joins vector clocks as dense as the goroutines alive and hashes
 * the task it ran; before the joins walked both clocks (not a search per
 * entry) and the task hash numbered the channels it met in a table of
 * their own (not one indexed by every object made so far), the same
 * execution (857,470 steps) ran at 25,500 steps/s (33.6 s CPU) on the
 * machine where it now ran at 97,000. */
static void many_alive(void)
{
    const char *path = "tests/e2e/go/seed_stateful_goroutines.go";
    double sps[3];
    long long steps = 0;
    printf("== many goroutines alive at once: %s ==\n", path);
    for (int i = 0; i < 3; i++) {
        runres r = run_weft("explore", "--max-executions", path);
        check(r.ok && r.steps > 0, "weft ran the stateful goroutines");
        sps[i] = r.cpu > 0 ? (double)r.steps / r.cpu : 0;
        steps = r.steps;
    }
    qsort(sps, 3, sizeof *sps, cmp_double);
    printf("explore --max-executions 1: %8.0f steps/s (%lld steps; before "
           "the dense-clock joins and the task hash's table: 25,500 "
           "steps/s, where this now ran 97,000)\n",
           sps[1], steps);
}

int main(void)
{
    many_alive();
    check(figure(false), "explore's memory grows linearly with the "
                         "goroutines a WaitGroup joined");
    check(figure(true), "explore's memory grows linearly with the "
                        "goroutines joined by channels");
    return failures ? 1 : 0;
}

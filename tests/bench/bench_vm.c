/* bench_vm.c: the Go front end's VM (make bench), against DESIGN.md's
 * budgets: bytecode throughput on loop-heavy code (>= 50 M ops/s),
 * peak memory of 100,000 goroutines blocked on one channel (<= 200 MB,
 * measured in a child process), and executions per second exploring a
 * small scenario (>= 100,000/s). Wall-clock time is measured here, in a
 * bench, never in sim/. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "checker/checkers.h"
#include "sim/explore.h"
#include "sim/lang/vm.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static vm_program *compile(const char *src)
{
    vm_program *p = NULL;
    wf_diag d;
    if (vm_compile("bench.go", (const unsigned char *)src, strlen(src), NULL,
                   &p, &d) != WF_OK) {
        fprintf(stderr, "bench_vm: %d:%d: %s\n", d.line, d.col, d.msg);
        exit(1);
    }
    return p;
}

/* Run p under strategy k until max executions or secs; returns the
 * executions done, and the seconds through *secs. */
static int64_t explore_with(vm_program *p, wf_strategy_kind k, int64_t max,
                            double *secs, const char **out, bool checked);

static int64_t explore(vm_program *p, wf_strategy_kind k, int64_t max,
                       double *secs, const char **out)
{
    return explore_with(p, k, max, secs, out, false);
}

static int64_t explore_with(vm_program *p, wf_strategy_kind k, int64_t max,
                            double *secs, const char **out, bool checked)
{
    checkers *ck = checked ? checkers_new(NULL) : NULL;
    program pr = vm_program_entry(p);
    explore_opts o;
    explorer *x;
    wf_diag d;
    double t0;
    int64_t n;
    memset(&o, 0, sizeof o);
    o.strategy = k;
    o.preemptions = -1;
    o.max_executions = max;
    o.max_steps = 100000000;
    x = explore_new(&pr, &o);
    t0 = now();
    explore_run(x, ck ? checkers_consumers(ck) : NULL, &d);
    *secs = now() - t0;
    if (ck) {
        checkers_finish(ck, x);
        checkers_free(ck);
    }
    n = x->executions;
    if (out) {
        static char buf_[256];
        snprintf(buf_, sizeof buf_, "%s", x->last_output ? x->last_output
                                                        : "");
        *out = buf_;
    }
    explore_free(x);
    return n;
}

static const char loop_src[] =
    "package main\n"
    "import \"fmt\"\n"
    "func fib(n int) int {\n"
    "\tif n < 2 {\n"
    "\t\treturn n\n"
    "\t}\n"
    "\treturn fib(n-1) + fib(n-2)\n"
    "}\n"
    "func main() {\n"
    "\tsum := 0\n"
    "\tfor i := 0; i < 20000000; i++ {\n"
    "\t\tsum += i & 7\n"
    "\t}\n"
    "\ta := make([]int, 1000)\n"
    "\tfor r := 0; r < 2000; r++ {\n"
    "\t\tfor i := 1; i < len(a); i++ {\n"
    "\t\t\ta[i] = a[i-1] + i\n"
    "\t\t}\n"
    "\t}\n"
    "\tfmt.Println(sum, a[999], fib(27))\n"
    "}\n";

/* The same computation in Lua 5.4, the class of interpreter to compare
 * with (issue 6), run by lua5.4 when it is installed. */
static const char loop_lua[] =
    "local function fib(n) if n < 2 then return n end "
    "return fib(n-1) + fib(n-2) end\n"
    "local sum = 0\n"
    "for i = 0, 20000000 - 1 do sum = sum + (i & 7) end\n"
    "local a = {}\n"
    "for i = 0, 999 do a[i] = 0 end\n"
    "for r = 0, 1999 do for i = 1, 999 do a[i] = a[i-1] + i end end\n"
    "print(sum, a[999], fib(27))\n";

static int dbl_cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Median wall time of 3 runs of loop_lua, or -1 without lua5.4. */
static double lua_secs(void)
{
    char path[] = "/tmp/weft-bench-XXXXXX";
    int fd = mkstemp(path);
    double t[3];
    char cmd[128];
    if (fd < 0)
        return -1;
    if (write(fd, loop_lua, sizeof loop_lua - 1) != (ssize_t)(sizeof loop_lua - 1)) {
        close(fd);
        unlink(path);
        return -1;
    }
    close(fd);
    snprintf(cmd, sizeof cmd, "lua5.4 %s >/dev/null 2>&1", path);
    for (int i = 0; i < 3; i++) {
        double t0 = now();
        if (system(cmd) != 0) {
            unlink(path);
            return -1;
        }
        t[i] = now() - t0;
    }
    unlink(path);
    qsort(t, 3, sizeof t[0], dbl_cmp);
    return t[1];
}

static const char blocked_src[] =
    "package main\n"
    "func main() {\n"
    "\tch := make(chan int)\n"
    "\tfor i := 0; i < 100000; i++ {\n"
    "\t\tgo func() { <-ch }()\n"
    "\t}\n"
    "\tselect {}\n"
    "}\n";

static const char small_src[] =
    "package main\n"
    "import \"sync\"\n"
    "var x int\n"
    "func main() {\n"
    "\tvar mu sync.Mutex\n"
    "\tdone := make(chan bool)\n"
    "\tgo func() {\n"
    "\t\tmu.Lock()\n"
    "\t\tx++\n"
    "\t\tmu.Unlock()\n"
    "\t\tdone <- true\n"
    "\t}()\n"
    "\tmu.Lock()\n"
    "\tx++\n"
    "\tmu.Unlock()\n"
    "\t<-done\n"
    "}\n";

int main(void)
{
    double secs;
    const char *out;
    uint64_t ops;
    int64_t n;
    vm_program *p;
    /* 1. memory of 100,000 blocked goroutines, in a child */
    {
        pid_t pid = fork();
        int status;
        struct rusage ru;
        if (pid == 0) {
            vm_program *q = compile(blocked_src);
            /* as weft run runs it: every checker on */
            explore_with(q, WF_STRATEGY_RR, 1, &secs, NULL, true);
            vm_program_free(q);
            _exit(0);
        }
        wait4(pid, &status, 0, &ru);
        printf("bench_vm: 100000 goroutines blocked on one channel, every "
               "checker on: peak RSS %.1f MB (target <= 200 MB)\n",
               (double)ru.ru_maxrss / 1024.0);
    }
    /* 2. throughput: median of 3 runs, against Lua 5.4 in the same run */
    p = compile(loop_src);
    {
        double t[3], lua;
        for (int i = 0; i < 3; i++) {
            ops = vm_ops_executed(p);
            explore(p, WF_STRATEGY_RR, 1, &t[i], &out);
            ops = vm_ops_executed(p) - ops;
        }
        qsort(t, 3, sizeof t[0], dbl_cmp);
        secs = t[1];
        printf("bench_vm: loop-heavy run: %llu bytecode ops in %.2fs (median "
               "of 3): %.1f M ops/s (target >= 50 M ops/s); output %s",
               (unsigned long long)ops, secs, (double)ops / secs / 1e6, out);
        lua = lua_secs();
        if (lua > 0)
            printf("bench_vm: the same loops in Lua 5.4: %.2fs (median of "
                   "3): weft's VM takes %.1fx Lua's time\n",
                   lua, secs / lua);
        else
            printf("bench_vm: lua5.4 not installed: no Lua comparison "
                   "(apt-get install lua5.4)\n");
    }
    vm_program_free(p);
    /* 3. executions per second of a small scenario (exhaustive DFS,
     * repeated), without checkers (the engine and VM) and as weft explore
     * runs it (every checker) */
    p = compile(small_src);
    for (int checked = 0; checked < 2; checked++) {
        int64_t total = 0;
        double t = 0;
        while (t < 1.0) {
            double s;
            total += explore_with(p, WF_STRATEGY_DFS, 0, &s, NULL, checked);
            t += s;
        }
        n = total;
        secs = t;
        printf("bench_vm: exploring a small scenario (dfs, %s): %lld "
               "executions in %.2fs: %.0f executions/s (target >= "
               "100000/s)\n",
               checked ? "all checkers" : "no checkers", (long long)n, secs,
               (double)n / secs);
    }
    vm_program_free(p);
    return 0;
}

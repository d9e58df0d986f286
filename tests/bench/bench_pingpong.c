/* bench_pingpong.c: a channel ping-pong round trip, as users pay for it.
 *   - through `weft run FILE` (a Go file; every checker on, as run has
 *     them), against the same file built by Go 1.19 and run with
 *     GOMAXPROCS=1, and built with -race: all measured in this run, the
 *     per-round-trip cost taken as the difference between N and 2N round
 *     trips (startup and compilation cancel), the outputs compared; the
 *     time is the child's CPU time (user and system), which other load
 *     on a shared machine inflates less than the wall clock;
 *   - the engine alone (C API, no consumer): round trip and step against
 *     DESIGN.md's budgets (<= 100 ns, <= 50 ns).
 * Medians of 3 (5 for the engine). Exit status 1 when an output differs
 * from Go's. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "weft.h"

#define RUNS 5
#define ROUNDS 2000000L
#define GO_ROUNDS 200000L /* N for the file runs: N and 2N */

static double clock_ns(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return v[n / 2];
}

/* ---- the engine alone ---------------------------------------------------- */

typedef struct pp {
    wf_chan *ping, *pong;
    long rounds;
} pp;

static void ponger(void *arg)
{
    pp *p = arg;
    for (long i = 0; i < p->rounds; i++)
        wf_chan_send(p->pong, wf_chan_recv(p->ping, NULL) + 1);
}

static void pinger(void *arg)
{
    pp p = {wf_chan_new("ping", 0), wf_chan_new("pong", 0),
            *(long *)arg};
    intptr_t v = 0;
    wf_go(ponger, &p, "ponger");
    for (long i = 0; i < p.rounds; i++) {
        wf_chan_send(p.ping, v);
        v = wf_chan_recv(p.pong, NULL);
    }
    if (v != p.rounds)
        wf_assert(false, "lost a value");
}

static double engine_run(long rounds, double *step_ns)
{
    wf_options o = wf_options_default();
    wf_result r;
    double t0, t1; /* this process's CPU time */
    o.strategy = WF_STRATEGY_RR;
    o.checkers_off = true; /* the engine alone: no consumers */
    o.max_steps = (uint64_t)rounds * 8 + 100;
    t0 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    if (wf_explore(pinger, &rounds, &o, &r) != 0 || r.nfindings) {
        fprintf(stderr, "bench_pingpong: the engine run failed\n");
        exit(1);
    }
    t1 = clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    *step_ns = (t1 - t0) / (double)r.steps;
    wf_result_free(&r);
    return (t1 - t0) / (double)rounds;
}

/* ---- a Go file: weft run, go, go -race ----------------------------------- */

static char dir[256];

static void write_go(long n)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/pp%ld/main.go", dir, n);
    f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(2);
    }
    fprintf(f,
            "package main\n\nimport \"fmt\"\n\n"
            "func main() {\n"
            "\tconst n = %ld\n"
            "\tping := make(chan int)\n"
            "\tpong := make(chan int)\n"
            "\tgo func() {\n"
            "\t\tfor i := 0; i < n; i++ {\n"
            "\t\t\tpong <- (<-ping) + 1\n"
            "\t\t}\n"
            "\t}()\n"
            "\tv := 0\n"
            "\tfor i := 0; i < n; i++ {\n"
            "\t\tping <- v\n"
            "\t\tv = <-pong\n"
            "\t}\n"
            "\tfmt.Println(v)\n"
            "}\n",
            n);
    fclose(f);
}

static double children_cpu(void)
{
    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    return (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
}

/* Run cmd; its first output line into out; the CPU seconds it took. */
static double timed(const char *cmd, char *out, size_t n)
{
    FILE *f;
    double c0 = children_cpu();
    f = popen(cmd, "r");
    out[0] = 0;
    if (!f)
        return -1;
    if (!fgets(out, (int)n, f))
        out[0] = 0;
    while (fgetc(f) != EOF)
        ;
    if (pclose(f) != 0 && !strstr(cmd, "weft"))
        return -1;
    out[strcspn(out, "\n")] = 0;
    return children_cpu() - c0;
}

/* ns per round trip of the command `pre DIR/ppN/file post`, from N and
 * 2N round trips; *out: 2N's output. */
static double per_round(const char *pre, const char *file, const char *post,
                        char *out, size_t n)
{
    double a[3], b[3];
    char cmd[1024], o1[128];
    for (int i = 0; i < 3; i++) {
        snprintf(cmd, sizeof cmd, "%s%s/pp%ld/%s%s", pre, dir, GO_ROUNDS,
                 file, post);
        a[i] = timed(cmd, o1, sizeof o1);
        snprintf(cmd, sizeof cmd, "%s%s/pp%ld/%s%s", pre, dir,
                 2 * GO_ROUNDS, file, post);
        b[i] = timed(cmd, out, n);
        if (a[i] < 0 || b[i] < 0)
            return -1;
    }
    return (median(b, 3) - median(a, 3)) * 1e9 / (double)GO_ROUNDS;
}

int main(void)
{
    double rt[RUNS], st[RUNS], s, r, k, w, g = -1, gr = -1;
    const char *weft = getenv("WEFT") ? getenv("WEFT") : "build/weft";
    char cmd[1024], out_w[128], out_g[128] = "", out_r[128] = "";
    char want[64];
    int failures = 0;

    snprintf(dir, sizeof dir, "/tmp/weft-bench-pp-%d", (int)getpid());
    snprintf(cmd, sizeof cmd, "mkdir -p %s/pp%ld %s/pp%ld %s/cache", dir,
             GO_ROUNDS, dir, 2 * GO_ROUNDS, dir);
    if (system(cmd) != 0)
        return 2;
    write_go(GO_ROUNDS);
    write_go(2 * GO_ROUNDS);
    snprintf(want, sizeof want, "%ld", 2 * GO_ROUNDS);

    /* weft run, every checker on (its default) */
    snprintf(cmd, sizeof cmd, "%s run ", weft);
    w = per_round(cmd, "main.go", " --max-steps 100000000 2>&1", out_w,
                  sizeof out_w);
    /* Go 1.19, built beforehand (the build is not timed) */
    if (system("command -v go >/dev/null 2>&1") == 0) {
        snprintf(cmd, sizeof cmd,
                 "cd %s && for n in %ld %ld; do "
                 "(cd pp$n && GOCACHE=%s/cache GO111MODULE=off go build -o pp "
                 "main.go && GOCACHE=%s/cache GO111MODULE=off go build -race "
                 "-o pprace main.go) || exit 1; done",
                 dir, GO_ROUNDS, 2 * GO_ROUNDS, dir, dir);
        if (system(cmd) == 0) {
            g = per_round("GOMAXPROCS=1 ", "pp", "", out_g, sizeof out_g);
            gr = per_round("GOMAXPROCS=1 ", "pprace", "", out_r,
                           sizeof out_r);
        }
    }
    printf("channel ping-pong round trip through `weft run` (every checker "
           "on): %.0f ns of CPU",
           w);
    if (g > 0)
        printf("; Go 1.19 GOMAXPROCS=1: %.0f ns (weft %.2fx Go); go -race: "
               "%.0f ns (weft %.2fx)",
               g, w / g, gr, gr > 0 ? w / gr : 0);
    else
        printf("; Go: not here");
    printf("\n");
    if (strcmp(out_w, want) != 0) {
        printf("  VERDICT WRONG: weft run printed \"%s\", not %s\n", out_w,
               want);
        failures++;
    }
    if (g > 0 && (strcmp(out_g, want) != 0 || strcmp(out_r, want) != 0)) {
        printf("  VERDICT WRONG: go printed \"%s\"/\"%s\"\n", out_g, out_r);
        failures++;
    }

    /* the engine alone */
    engine_run(100000, &s); /* warm up: stacks, arena */
    for (int i = 0; i < RUNS; i++)
        rt[i] = engine_run(ROUNDS, &st[i]);
    r = median(rt, RUNS);
    k = median(st, RUNS);
    printf("engine alone (C API, no checker): round trip %.1f ns (budget "
           "<= 100 ns%s), step %.1f ns (budget <= 50 ns%s)\n",
           r, r <= 100 ? "" : " OVER BUDGET", k,
           k <= 50 ? "" : " OVER BUDGET");
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        failures++;
    return failures ? 1 : 0;
}

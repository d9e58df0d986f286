/* bench_front.c: where the Go front end's time goes (make bench), on the
 * largest Go scenario (by size, under scenarios/): reading, parsing and
 * resolving it with the library packages it imports, type checking,
 * compiling to bytecode. The target is the type checker's share: under
 * 20% of the front end. The front end reads no clock; it calls back as
 * each phase begins (vm_options.on_phase) and the time is read here:
 * CPU time, less disturbed by a loaded machine than the wall clock. Each
 * compilation runs in a fresh child process, as weft compiles once per
 * run: a loop in one process would measure malloc's warmed-up state. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "sim/lang/vm.h"

enum { PH_RESOLVE, PH_CHECK, PH_COMPILE, PH__N };
static const char *const ph_name[PH__N] = {"resolve", "check", "compile"};

typedef struct {
    int cur;   /* phase running, -1 none */
    double t0; /* when it began */
    double sum[PH__N];
} timing;

static char largest[4096];
static off_t largest_size = -1;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void on_phase(void *ud, const char *phase)
{
    timing *t = ud;
    double n = now();
    if (t->cur >= 0) t->sum[t->cur] += n - t->t0;
    t->cur = -1;
    for (int i = 0; i < PH__N; i++)
        if (!strcmp(phase, ph_name[i])) t->cur = i;
    t->t0 = n;
}

/* nftw visits in directory order; ties on size go to the smaller path,
 * so the pick does not depend on that order */
static int visit(const char *path, const struct stat *st, int flag,
                 struct FTW *f)
{
    size_t n = strlen(path);
    (void)f;
    if (flag != FTW_F || n < 4 || strcmp(path + n - 3, ".go") ||
        strlen(path) >= sizeof largest)
        return 0;
    if (st->st_size > largest_size ||
        (st->st_size == largest_size && strcmp(path, largest) < 0)) {
        largest_size = st->st_size;
        snprintf(largest, sizeof largest, "%s", path);
    }
    return 0;
}

/* Compile path once in a child; its phase times are added to *t. */
static int compile_once(const char *path, timing *t)
{
    int fd[2], status;
    pid_t pid;
    timing c;
    if (pipe(fd) != 0) return -1;
    pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) {
        vm_options o;
        vm_program *p = NULL;
        wf_diag d;
        close(fd[0]);
        memset(&c, 0, sizeof c);
        c.cur = -1;
        memset(&o, 0, sizeof o);
        o.on_phase = on_phase;
        o.phase_ud = &c;
        if (vm_compile_file(path, &o, &p, &d) != WF_OK) {
            fprintf(stderr, "bench_front: %s:%d:%d: %s\n", path, d.line, d.col,
                    d.msg);
            _exit(1);
        }
        vm_program_free(p);
        _exit(write(fd[1], &c, sizeof c) == (ssize_t)sizeof c ? 0 : 1);
    }
    close(fd[1]);
    if (read(fd[0], &c, sizeof c) != (ssize_t)sizeof c) c.cur = -2;
    close(fd[0]);
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
        WEXITSTATUS(status) != 0 || c.cur == -2)
        return -1;
    for (int i = 0; i < PH__N; i++)
        t->sum[i] += c.sum[i];
    return 0;
}

int main(void)
{
    enum { ROUNDS = 200 };
    timing t;
    double total = 0;
    memset(&t, 0, sizeof t);
    t.cur = -1;
    if (nftw("scenarios", visit, 16, FTW_PHYS) != 0 || largest_size < 0) {
        fprintf(stderr, "bench_front: no Go scenario under scenarios/\n");
        return 1;
    }
    for (int r = 0; r < ROUNDS; r++)
        if (compile_once(largest, &t) != 0) {
            fprintf(stderr, "bench_front: compiling %s failed\n", largest);
            return 1;
        }
    for (int i = 0; i < PH__N; i++)
        total += t.sum[i];
    if (total <= 0) {
        fprintf(stderr, "bench_front: the front end reported no phase\n");
        return 1;
    }
    printf("bench_front: %s (%lld bytes), %d compilations, %.2f ms each:",
           largest, (long long)largest_size, ROUNDS, total * 1e3 / ROUNDS);
    for (int i = 0; i < PH__N; i++)
        printf(" %s %.1f%%", ph_name[i], 100 * t.sum[i] / total);
    printf("\nbench_front: type checker %.1f%% of the front end "
           "(target < 20%%)\n",
           100 * t.sum[PH_CHECK] / total);
    return 0;
}

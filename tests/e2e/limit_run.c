/* limit_run.c: run a command and measure how it honours a limit, for
 * tests/e2e/limits.sh (SPEC section 4: signals, --time-limit,
 * --max-memory).
 *
 *   limit_run [-s SIG -a MS [-2 MS]] [-o FILE] [-r FILE] -- COMMAND ARGS...
 *
 * Runs COMMAND (stdout and stderr to FILE, default /dev/null; "-" keeps
 * limit_run's own, a terminal for the viewer); with -s,
 * sends SIG (INT or TERM) after MS milliseconds, and with -2 a second one
 * MS2 milliseconds after the first. Prints one line:
 *
 *   status=S wall_ms=W after_signal_ms=A maxrss_kb=R
 *
 * S is the exit status (128 + N when killed by signal N), W the wall time
 * from start to exit, A the time from the (last) signal to the exit (-1
 * without -s), R the child's peak resident set. Exit 0, or 2 on bad
 * usage. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Wait up to ms for pid; true with *ws set when it exited. */
static bool wait_for(pid_t pid, double ms, int *ws, struct rusage *ru)
{
    double end = now_ms() + ms;
    for (;;) {
        pid_t r = wait4(pid, ws, WNOHANG, ru);
        if (r == pid)
            return true;
        if (r < 0 && errno != EINTR)
            return false;
        if (now_ms() >= end)
            return false;
        usleep(1000);
    }
}

int main(int argc, char **argv)
{
    int sig = 0, ws = 0, i;
    bool done = false;
    double after = 0, second = -1, t0, tsig = -1;
    const char *out = "/dev/null", *res = NULL;
    struct rusage ru;
    pid_t pid;
    for (i = 1; i < argc && strcmp(argv[i], "--"); i++) {
        if (!strcmp(argv[i], "-s") && i + 1 < argc) {
            i++;
            sig = !strcmp(argv[i], "INT")    ? SIGINT
                  : !strcmp(argv[i], "TERM") ? SIGTERM
                  : !strcmp(argv[i], "KILL") ? SIGKILL
                                             : 0;
        } else if (!strcmp(argv[i], "-a") && i + 1 < argc) {
            after = atof(argv[++i]);
        } else if (!strcmp(argv[i], "-2") && i + 1 < argc) {
            second = atof(argv[++i]);
        } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
            out = argv[++i];
        } else if (!strcmp(argv[i], "-r") && i + 1 < argc) {
            res = argv[++i];
        } else {
            fprintf(stderr, "limit_run: bad argument '%s'\n", argv[i]);
            return 2;
        }
    }
    if (i >= argc - 1) {
        fprintf(stderr, "usage: limit_run [-s INT|TERM -a MS [-2 MS]] "
                        "[-o FILE] [-r FILE] -- COMMAND ARGS...\n");
        return 2;
    }
    t0 = now_ms();
    pid = fork();
    if (pid < 0)
        return 2;
    if (pid == 0) {
        int fd = strcmp(out, "-") ? open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)
                                  : -1;
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
            close(fd);
        }
        execvp(argv[i + 1], argv + i + 1);
        _exit(127);
    }
    memset(&ru, 0, sizeof ru);
    if (sig && !(done = wait_for(pid, after, &ws, &ru))) {
        kill(pid, sig);
        tsig = now_ms();
        if (second >= 0 && !(done = wait_for(pid, second, &ws, &ru))) {
            kill(pid, sig);
            tsig = now_ms();
        }
    }
    if (!done)
        while (wait4(pid, &ws, 0, &ru) < 0 && errno == EINTR)
            ;
    {
        double end = now_ms();
        int st = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
        FILE *f = res ? fopen(res, "w") : stdout;
        if (!f)
            return 2;
        fprintf(f, "status=%d wall_ms=%.0f after_signal_ms=%.0f maxrss_kb=%ld\n",
                st, end - t0, tsig < 0 ? -1.0 : end - tsig, ru.ru_maxrss);
        if (f != stdout)
            fclose(f);
    }
    return 0;
}

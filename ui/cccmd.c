/* cccmd.c: `weft cc`, a C compiler wrapper (SPEC section 7):
 *
 *     weft cc -o t t.c lib.c        CC="weft cc" make
 *
 * Sources are compiled by the system compiler ($WEFT_CC, else cc) with
 * the thread sanitizer's instrumentation and two more (a call in every
 * basic block, at every function entry and exit) and -g for line
 * numbers; a link puts the program's objects between weft's two marker
 * objects, wraps its main and adds weft's runtime (weftrt.o) instead of
 * the sanitizer's, without PIE (fixed addresses: reports and schedules
 * stay the same from run to run). The result takes weft's commands:
 * ./t explore, ./t run --seed 3, ./t replay --schedule S.
 * Compile-only commands (-c, -S, -E, -M) pass through with the flags
 * added, so make's separate compile and link steps work.
 * Owns: a temporary directory for the objects of a compile-and-link
 * command, removed before returning. */
#define _GNU_SOURCE
#include "ui/cccmd.h"

#include <errno.h>
#include <limits.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sim/util.h"

extern char **environ;

/* -fno-builtin: gcc expands a strcpy or memcpy of a known size into
 * plain stores after the sanitizer's pass, unchecked (a strcpy(name,
 * "beta") racing with a reader was no race): the calls stay calls, to
 * the runtime's checked functions */
static const char *const instrument[] = {
    "-fsanitize=thread", "-fsanitize-coverage=trace-pc",
    "-finstrument-functions", "-g", "-fno-common", "-fno-builtin"};
#define NINSTR (sizeof instrument / sizeof instrument[0])

static const char usage[] =
    "usage: weft cc [compiler options] FILE...\n"
    "  Compiles and links C programs for weft: the program then takes\n"
    "  weft's commands (./prog explore, ./prog run --seed N,\n"
    "  ./prog replay --schedule S, with weft's options; its own arguments\n"
    "  after --). Every other option is the compiler's (--version too).\n"
    "  -h, --help  this text\n"
    "environment:\n"
    "  WEFT_CC    the compiler (default: cc); gcc and clang work\n"
    "  WEFT_ARGS  read by the built program: weft's command line, for test\n"
    "             suites that run it with arguments of its own\n";

typedef VEC(char *) strv;

static void push(strv *v, const char *s)
{
    char *c = s ? wf_xstrdup(s) : NULL;
    VEC_PUSH(*v, c);
}

static void strv_free(strv *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(v->p[i]);
    VEC_FREE(*v);
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && !strcmp(s + n - m, suf);
}

static bool is_source(const char *a)
{
    return a[0] != '-' && (ends_with(a, ".c") || ends_with(a, ".i") ||
                           ends_with(a, ".s") || ends_with(a, ".S"));
}

/* Run argv (NULL-terminated); the exit status, or 127 when it could not
 * start. */
static int run(strv *argv)
{
    pid_t pid;
    int st;
    push(argv, NULL);
    argv->len--;
    if (posix_spawnp(&pid, argv->p[0], NULL, NULL, argv->p, environ) != 0) {
        fprintf(stderr, "weft cc: cannot run %s: %s\n", argv->p[0],
                strerror(errno));
        return 127;
    }
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return 127;
    if (WIFEXITED(st))
        return WEXITSTATUS(st);
    return 128 + (WIFSIGNALED(st) ? WTERMSIG(st) : 0);
}

/* Options whose value is the next argument when not joined ("-I dir",
 * "-D X", "-include f.h"): that argument goes with them. */
static bool takes_arg(const char *a)
{
    static const char *const with[] = {
        "-I",        "-D",       "-U",       "-include", "-imacros",
        "-isystem",  "-iquote",  "-idirafter", "-iprefix", "-x",
        "-MF",       "-MT",      "-MQ",      "-Xpreprocessor"};
    for (size_t i = 0; i < sizeof with / sizeof with[0]; i++)
        if (!strcmp(a, with[i]))
            return true;
    return false;
}

/* The command compiling source src into object out: the compiler, weft's
 * instrumentation, the options of args that concern compiling. */
static void compile_cmd(strv *cmd, const char *cc, const strv *args,
                        const char *src, const char *out)
{
    strv_free(cmd);
    push(cmd, cc);
    for (size_t k = 0; k < NINSTR; k++)
        push(cmd, instrument[k]);
    for (size_t k = 0; k < args->len; k++) {
        const char *b = args->p[k];
        if (!strcmp(b, "-o")) {
            k++;
            continue;
        }
        if (takes_arg(b) && k + 1 < args->len) {
            push(cmd, b);
            push(cmd, args->p[++k]);
            continue;
        }
        if (b[0] != '-' || !strncmp(b, "-l", 2) || !strncmp(b, "-L", 2) ||
            !strncmp(b, "-Wl,", 4))
            continue;
        push(cmd, b);
    }
    push(cmd, "-c");
    push(cmd, src);
    push(cmd, "-o");
    push(cmd, out);
}

/* Where weft's runtime objects are: beside this executable (the build
 * directory) or in ../lib/weft (an installation). */
static bool runtime_dir(char *out, size_t n)
{
    char exe[PATH_MAX - 64], *slash;
    ssize_t k = readlink("/proc/self/exe", exe, sizeof exe - 1);
    struct stat st;
    if (k <= 0)
        return false;
    exe[k] = 0;
    slash = strrchr(exe, '/');
    if (!slash)
        return false;
    *slash = 0;
    snprintf(out, n, "%s/weftrt.o", exe);
    if (stat(out, &st) == 0) {
        snprintf(out, n, "%s", exe);
        return true;
    }
    snprintf(out, n, "%s/../lib/weft/weftrt.o", exe);
    if (stat(out, &st) == 0) {
        snprintf(out, n, "%s/../lib/weft", exe);
        return true;
    }
    return false;
}

int cccmd_main(int argc, char **argv)
{
    const char *cc = getenv("WEFT_CC");
    bool link = true, any_source = false;
    strv args = {NULL, 0, 0}, cmd = {NULL, 0, 0}, objs = {NULL, 0, 0};
    char dir[PATH_MAX], tmp[PATH_MAX] = "", path[PATH_MAX + 64];
    int status = 0;
    if (!cc || !*cc)
        cc = "cc";
    if (argc < 3 || !strcmp(argv[2], "--help") || !strcmp(argv[2], "-h")) {
        fputs(usage, argc < 3 ? stderr : stdout);
        return argc < 3 ? 2 : 0;
    }
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-c") || !strcmp(a, "-S") || !strcmp(a, "-E") ||
            !strcmp(a, "-M") || !strcmp(a, "-MM"))
            link = false;
        if (!strcmp(a, "-shared") || !strcmp(a, "-static")) {
            fprintf(stderr, "weft cc: %s is not supported: weft links its "
                            "runtime into a program\n",
                    a);
            return 2;
        }
        if (!strncmp(a, "-fsanitize=", 11) && strcmp(a, "-fsanitize=thread")) {
            fprintf(stderr, "weft cc: %s cannot be combined with weft's "
                            "instrumentation\n",
                    a);
            return 2;
        }
        if (!strcmp(a, "-fsanitize=thread") || !strcmp(a, "-pie") ||
            !strcmp(a, "-fpie") || !strcmp(a, "-fPIE"))
            continue; /* weft's own: -fsanitize=thread without its runtime */
        if (is_source(a))
            any_source = true;
        push(&args, a);
    }
    if (!link) {
        push(&cmd, cc);
        for (size_t i = 0; i < NINSTR; i++)
            push(&cmd, instrument[i]);
        for (size_t i = 0; i < args.len; i++)
            push(&cmd, args.p[i]);
        status = run(&cmd);
        goto out;
    }
    if (!runtime_dir(dir, sizeof dir)) {
        fprintf(stderr, "weft cc: cannot find weft's runtime (weftrt.o) "
                        "beside the weft executable or in ../lib/weft\n");
        status = 2;
        goto out;
    }
    /* sources first to objects, with the instrumentation; a link with
     * -fsanitize=thread would bring the sanitizer's runtime */
    if (any_source) {
        const char *t = getenv("TMPDIR");
        snprintf(tmp, sizeof tmp, "%s/weftcc.XXXXXX", t && *t ? t : "/tmp");
        if (!mkdtemp(tmp)) {
            fprintf(stderr, "weft cc: cannot make a temporary directory: "
                            "%s\n",
                    strerror(errno));
            status = 2;
            goto out;
        }
    }
    for (size_t i = 0; i < args.len; i++) {
        const char *a = args.p[i];
        if (takes_arg(a) && i + 1 < args.len) {
            i++; /* compiling options: not for the link */
            continue;
        }
        if (!is_source(a)) {
            push(&objs, a);
            continue;
        }
        snprintf(path, sizeof path, "%s/%zu.o", tmp, i);
        compile_cmd(&cmd, cc, &args, a, path);
        status = run(&cmd);
        strv_free(&cmd);
        if (status)
            goto out;
        push(&objs, path);
    }
    strv_free(&cmd);
    push(&cmd, cc);
    push(&cmd, "-no-pie");
    snprintf(path, sizeof path, "%s/weftcc_begin.o", dir);
    push(&cmd, path);
    for (size_t i = 0; i < objs.len; i++)
        push(&cmd, objs.p[i]); /* -o OUT and the options in their place */
    snprintf(path, sizeof path, "%s/weftcc_end.o", dir);
    push(&cmd, path);
    snprintf(path, sizeof path, "%s/weftrt.o", dir);
    push(&cmd, path);
    push(&cmd, "-Wl,--wrap=main");
    push(&cmd, "-lsqlite3");
    push(&cmd, "-ldw");
    push(&cmd, "-lelf");
    push(&cmd, "-lm");
    push(&cmd, "-lpthread");
    push(&cmd, "-ldl");
    status = run(&cmd);
out:
    if (*tmp) {
        for (size_t i = 0; i < args.len; i++) {
            snprintf(path, sizeof path, "%s/%zu.o", tmp, i);
            unlink(path);
        }
        rmdir(tmp);
    }
    strv_free(&cmd);
    strv_free(&args);
    strv_free(&objs);
    return status;
}

/* replay.c: run a libFuzzer target's function on files, without
 * libFuzzer: make test replays each target's corpus with the debug build
 * (and make asan with the sanitizers), so a crash the fuzzer once found
 * stays fixed on machines without clang.
 *   replay FILE_OR_DIR...    prints "N inputs", exit 0; a failing input
 *                            crashes (the target's trap) after its name */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#include <dirent.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static long count;
static const char *current; /* the input being run */

/* A target's trap (or any crash): name the input, then die as it would. */
static void on_crash(int sig)
{
    if (current) {
        fputs("replay: the input that failed: ", stderr);
        fputs(current, stderr);
        fputs("\n", stderr);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void one(const char *path)
{
    FILE *f = fopen(path, "rb");
    unsigned char *b = NULL;
    size_t n = 0, cap = 0, k;
    if (!f) {
        fprintf(stderr, "replay: cannot read %s\n", path);
        exit(2);
    }
    for (;;) {
        if (n == cap) {
            cap = cap ? cap * 2 : 4096;
            b = realloc(b, cap);
            if (!b)
                exit(3);
        }
        k = fread(b + n, 1, cap - n, f);
        if (!k)
            break;
        n += k;
    }
    fclose(f);
    current = path;
    LLVMFuzzerTestOneInput(b, n);
    current = NULL;
    free(b);
    count++;
}

static void walk(const char *path)
{
    struct stat sb;
    DIR *d;
    struct dirent *e;
    char **names = NULL;
    size_t n = 0;
    if (stat(path, &sb) != 0) {
        fprintf(stderr, "replay: no such file: %s\n", path);
        exit(2);
    }
    if (!S_ISDIR(sb.st_mode)) {
        one(path);
        return;
    }
    d = opendir(path);
    while (d && (e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        names[n] = malloc(strlen(path) + strlen(e->d_name) + 2);
        sprintf(names[n], "%s/%s", path, e->d_name);
        n++;
    }
    if (d)
        closedir(d);
    qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        walk(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    static const int sigs[] = {SIGILL, SIGSEGV, SIGBUS, SIGABRT, SIGFPE,
                               SIGTRAP};
    for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
        signal(sigs[i], on_crash);
    for (int i = 1; i < argc; i++)
        walk(argv[i]);
    printf("%ld inputs\n", count);
    return 0;
}

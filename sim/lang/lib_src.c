/* lib_src.c: the registry of weft's Go library. The packages are Go
 * source files under sim/lang/lib/PATH/, embedded at build time (the
 * Makefile turns them into build/gen/lib_go.h) and compiled with every
 * program that imports them. Library code may call the intrinsics
 * "__name" (lib.h's natives) and use the type __handle, a hidden field
 * holding a lazily created engine object (a copied Mutex is a new Mutex:
 * copies start with no object). Events raised there report the line of
 * the user's code that called in. To add a function: write it in Go in
 * its package's file, with a native in a lib_*.c file if it must touch
 * the engine; a new file or package needs no edit here. */
#include <stdio.h>
#include <string.h>

#include "sim/lang/lib.h"

/* Every file of the library, sorted by path ("sync/atomic", "atomic.go"). */
static const lib_file files[] = {
#include "lib_go.h"
};

size_t lib_files(const char *path, const lib_file **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++)
        if (!strcmp(files[i].pkg, path)) {
            if (n < max)
                out[n] = &files[i];
            n++;
        }
    return n;
}

const char *lib_source(const char *path)
{
    const lib_file *f;
    return lib_files(path, &f, 1) == 1 ? f->src : NULL;
}

bool lib_allowed(const char *path)
{
    const lib_file *f;
    return lib_files(path, &f, 1) > 0;
}

/* Standard packages weft refuses, and why (a path ending in "/" covers
 * the packages below it). */
static const struct {
    const char *path;
    const char *why;
} refusals[] = {
    {"net/", "weft runs programs without a network (model the peer with "
             "goroutines and channels)"},
    {"crypto/tls", "weft runs programs without a network"},
    {"os/user", "weft runs programs without a file system"},
    {"io/fs", "weft runs programs without a file system"},
    {"embed", "weft runs programs without a file system"},
    {"C", "weft interprets Go; cgo calls into C it cannot see"},
    {"plugin", "weft interprets Go; plugins are compiled code"},
    {"runtime/pprof", "weft's runtime has no profiler (weft view shows "
                      "what each goroutine did)"},
};

const char *lib_refusal(const char *path)
{
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const char *r = refusals[i].path;
        size_t n = strlen(r);
        if (r[n - 1] == '/' ? !strncmp(path, r, n) : !strcmp(path, r))
            return refusals[i].why;
    }
    return NULL;
}

void lib_summary(char *out, size_t n)
{
    size_t w = 0;
    out[0] = 0;
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        int k;
        if (i && !strcmp(files[i].pkg, files[i - 1].pkg))
            continue;
        k = snprintf(out + w, n - w, "%s%s", w ? ", " : "", files[i].pkg);
        if (k < 0 || (size_t)k >= n - w) {
            out[w] = 0;
            return;
        }
        w += (size_t)k;
    }
}

static const lib_native natives[] = {
#define LIB_ROW_(name, nres) {#name, lib_##name, nres},
    LIB_NATIVES(LIB_ROW_)
#undef LIB_ROW_
};

int lib_native_find(const char *name)
{
    for (size_t i = 0; i < sizeof natives / sizeof natives[0]; i++)
        if (!strcmp(natives[i].name, name))
            return (int)i;
    return -1;
}

const lib_native *lib_native_at(int id)
{
    return &natives[id];
}

/* fuzz_compile.c: libFuzzer target for the whole front end: lex, parse,
 * resolve, type-check and compile (vm_compile). Every input must either
 * compile to a program or give one clean error at a position inside the
 * input (or a library file's); anything else (a crash, a leak, a hang, an
 * out-of-bounds access, a sanitizer report) is a bug. The input is a
 * program file when it declares no test, a test file otherwise (both
 * paths are tried, so test-only checks are reached). Built and run by
 * tests/fuzz/run.sh; tests/fuzz/replay.c replays its corpus in make test. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sim/lang/vm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok)
        __builtin_trap();
}

/* Compile data as path; checks the result's shape. */
static void compile_as(const char *path, const uint8_t *data, size_t size,
                       int lines)
{
    vm_program *p = NULL;
    vm_options o;
    wf_diag d;
    memset(&o, 0, sizeof o);
    memset(&d, 0, sizeof d);
    o.go_version = "1.22"; /* no go.mod is looked for */
    if (vm_compile(path, data, size, &o, &p, &d) == WF_OK) {
        check(p != NULL);
        if (vm_is_test_file(p))
            for (size_t i = 0; i < vm_test_count(p); i++)
                check(vm_test_name(p, i) != NULL);
        vm_program_free(p);
    } else {
        check(p == NULL);
        check(d.msg[0] != 0);
        /* a position in the input, or none; a library file's own errors
         * would name it */
        if (!strcmp(d.file, path))
            check(d.line >= 0 && d.line <= lines + 1 && d.col >= 0);
    }
}

/* Whether the input declares something named Test... */
static int mentions_test(const uint8_t *data, size_t size)
{
    for (size_t i = 0; i + 4 <= size; i++)
        if (!memcmp(data + i, "Test", 4))
            return 1;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    int lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    /* a directory that cannot exist: nothing is read from disk */
    compile_as("/nonexistent/weft-fuzz/fuzz.go", data, size, lines);
    if (mentions_test(data, size))
        compile_as("/nonexistent/weft-fuzz/fuzz_test.go", data, size, lines);
    return 0;
}

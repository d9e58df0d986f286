/* testcmd.h: `weft test [PATH ...]` (SPEC section 4): every scenario file
 * under the paths (default scenarios/) that carries `// expect:` lines is
 * explored with its `// weft:` flags and compared with its expectations;
 * every *_test.go runs each TestXxx on every explored interleaving. Ends
 * with "N passed, N failed".
 * Owns: nothing beyond a call. */
#ifndef WF_TESTCMD_H
#define WF_TESTCMD_H

#include <stdbool.h>
#include <stddef.h>

#include "sim/util.h"
#include "ui/cli.h"

/* The expectations of a scenario file, from its leading comments. */
typedef struct test_expect {
    bool any;             /* an expect: line is present */
    bool ok;              /* "ok" listed */
    uint32_t kinds;       /* bit k: finding kind k listed */
    bool has_outcomes;    /* an outcomes list is present */
    VEC(char *) outcomes; /* the outputs listed, decoded */
    VEC(char *) flags;    /* the words of weft: lines */
    wf_diag bad;          /* a malformed line (bad.msg[0] != 0) */
} test_expect;

/* Read the expectations of file path from src[0, len). Never fails: a
 * malformed line is left in x->bad with its position. */
void test_expect_read(const char *path, const unsigned char *src, size_t len,
                      test_expect *x);
void test_expect_fini(test_expect *x);

/* `weft test [PATH ...]` with options o; the exit status: 0 all passed, 1
 * some failed, 2 bad usage or no file found. */
int testcmd_exec(const cli_opts *o);

#endif

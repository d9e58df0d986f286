/* fuzz_parse.c: libFuzzer target for the front end. Every input must lex
 * and parse to either a tree (which is then printed, walking all of it,
 * and holds no error node) or one clean error with a position inside the
 * input; anything else (crash, leak, hang, out-of-bounds read, sanitizer
 * report) is a bug. Built and run by tests/fuzz/run.sh. */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sim/lang/lex.h"
#include "sim/lang/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(int ok)
{
    if (!ok) __builtin_trap();
}

/* Whether the printed tree s holds an AST_BAD or AST_BAD_STMT node, whose
 * heads "(!bad" and "(!badstmt" nothing else prints outside quoted
 * strings; a tree that parsed must hold none (ast.h, invariant 3). */
static int has_bad_node(const char *s)
{
    int in_string = 0;
    for (; *s; s++) {
        if (in_string) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in_string = 0;
        } else if (*s == '"') {
            in_string = 1;
        } else if (strncmp(s, "(!bad", 5) == 0) {
            return 1;
        }
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ast_file *f = NULL;
    wf_diag d;
    arena a;
    lex_comment *c;
    size_t n, i;
    int lines = 1;

    for (i = 0; i < size; i++)
        lines += data[i] == '\n';

    memset(&d, 0, sizeof d);
    if (parse_file("fuzz.go", data, size, &f, &d) == WF_OK) {
        buf b;
        check(f != NULL && f->pkg != NULL);
        buf_init(&b);
        ast_print_file(&b, f, AST_PRINT_POS);
        check(b.len > 0 && !has_bad_node(b.p));
        buf_fini(&b);
        ast_file_free(f);
    } else {
        check(f == NULL);
        check(strcmp(d.file, "fuzz.go") == 0);
        check(d.line >= 1 && d.line <= lines && d.col >= 1);
        check(d.msg[0] != 0);
    }

    arena_init(&a);
    n = lex_leading_comments(data, size, &a, &c);
    for (i = 0; i < n; i++)
        check(c[i].line >= 1 && c[i].line <= lines && c[i].text != NULL);
    arena_fini(&a);
    return 0;
}

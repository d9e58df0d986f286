/* lib_testing.c: the natives behind package testing (lib_src.c): which
 * test an execution runs, and a failed t.Error/t.Fatal as an assert
 * finding that does not end the execution (the test goes on, as in Go). */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lib.h"

nat_status lib_test_index(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT, c->g->x->test);
    return NAT_OK;
}

/* __test_error(name, msg string): test name failed with msg, at the line
 * of the user's code that called t.Error (SPEC section 6). */
nat_status lib_test_error(vm_ncall *c)
{
    vm_value name = c->a[0], msg = c->a[1];
    wf_engine *e = c->g->x->e;
    finding f;
    buf m;
    uint32_t n = VM_KIND(msg.t) == K_STRING ? msg.aux : 0;
    buf_init(&m);
    if (VM_KIND(name.t) == K_STRING)
        buf_append(&m, name.v.s, name.aux);
    buf_puts(&m, " failed");
    while (n && msg.v.s[n - 1] == '\n')
        n--;
    if (n) {
        buf_puts(&m, ": ");
        buf_append(&m, msg.v.s, n);
    }
    memset(&f, 0, sizeof f);
    f.kind = WF_ASSERT;
    f.error = true;
    f.tid = c->g->t->tid;
    f.message = m.p;
    vm_site(c->g, &f.file, &f.line);
    f.sig = hash_bytes(hash_u64(HASH_INIT ^ WF_ASSERT, (uint64_t)f.line),
                       f.file ? f.file : "", f.file ? strlen(f.file) : 0);
    engine_add_finding(e, &f);
    buf_fini(&m);
    return NAT_OK;
}

/* ---- go test -run ------------------------------------------------------ */

/* The end of the element of a -run pattern starting at p: the next '/'
 * outside brackets and parentheses, or the end. */
static const char *element_end(const char *p)
{
    int paren = 0;
    bool bracket = false;
    for (; *p; p++) {
        if (*p == '\\' && p[1]) {
            p++;
        } else if (bracket) {
            if (*p == ']')
                bracket = false;
        } else if (*p == '[') {
            bracket = true;
            if (p[1] == ']')
                p++; /* "[]...]" holds a ']' */
        } else if (*p == '(') {
            paren++;
        } else if (*p == ')' && paren) {
            paren--;
        } else if (*p == '/' && !paren) {
            break;
        }
    }
    return p;
}

bool vm_run_selects(const char *pattern, const char *name, bool *bad)
{
    const char *p = pattern, *n = name;
    if (!pattern)
        return true;
    for (;;) {
        const char *pe = element_end(p), *ne = strchr(n, '/');
        size_t pl = (size_t)(pe - p), nl = ne ? (size_t)(ne - n) : strlen(n);
        char *re_text = wf_xmalloc(pl + 1), *level = wf_xmalloc(nl + 1);
        regex_t re;
        int rc;
        memcpy(re_text, p, pl);
        re_text[pl] = 0;
        memcpy(level, n, nl);
        level[nl] = 0;
        rc = regcomp(&re, re_text, REG_EXTENDED | REG_NOSUB);
        free(re_text);
        if (rc != 0) {
            free(level);
            *bad = true;
            return false;
        }
        rc = regexec(&re, level, 0, NULL, 0);
        regfree(&re);
        free(level);
        if (rc != 0)
            return false;
        if (!*pe || !ne)
            return true; /* the pattern or the name has no more levels */
        p = pe + 1;
        n = ne + 1;
    }
}

void vm_program_set_run(vm_program *p, const char *pattern)
{
    free(p->run_pattern);
    p->run_pattern = pattern ? wf_xstrdup(pattern) : NULL;
}

/* __run_selects(name string) bool: does the program's -run pattern select
 * subtest name ("TestX/sub")? */
nat_status lib_run_selects(vm_ncall *c)
{
    const vm_program *p = c->g->x->prog;
    vm_value v = c->a[0];
    char *name = wf_xmalloc((size_t)v.aux + 1);
    bool bad = false;
    memcpy(name, v.v.s ? v.v.s : "", v.aux);
    name[v.aux] = 0;
    c->r[0] = vm_bool(vm_run_selects(p->run_pattern, name, &bad));
    free(name);
    return NAT_OK;
}

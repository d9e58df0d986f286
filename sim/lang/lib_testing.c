/* lib_testing.c: the natives behind package testing (lib_src.c): which
 * test an execution runs, and a failed t.Error/t.Fatal as an assert
 * finding that does not end the execution (the test goes on, as in Go). */
#include <stdio.h>
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

/* lib_log.c: the natives behind package log (lib_src.c): the program's
 * line that called into the library (Lshortfile, Llongfile), and the end
 * of the program that log.Fatal makes as os.Exit(1) does. */
#include <stdio.h>
#include <string.h>

#include "sim/lang/lib.h"

/* __caller() string: "file:line" of the innermost frame of the user's
 * code (the call into the library). */
nat_status lib_caller(vm_ncall *c)
{
    const char *file;
    int32_t line;
    char b[64];
    buf s;
    vm_site(c->g, &file, &line);
    buf_init(&s);
    buf_puts(&s, file ? file : "???");
    snprintf(b, sizeof b, ":%d", (int)line);
    buf_puts(&s, b);
    c->r[0] = vm_new_str(c->g->x, s.p, s.len);
    buf_fini(&s);
    return NAT_OK;
}

/* __exit(code int, who string): the program ends here, as os.Exit(code)
 * ends it: no deferred call runs and no other goroutine takes another
 * step. weft has no exit status per execution, so a nonzero code is
 * reported as a panic-kind finding (an error, as the failed run is),
 * "WHO: exit status N" (who: "log.Fatal", "os.Exit"); the execution ends
 * with it. Code 0 ends it as a normal end would, with no finding: the
 * output stops there and no goroutine is left to leak (Go ends them).
 * In a test program, a nonzero code once the test has failed (TestMain's
 * os.Exit(m.Run())) is that failure, already reported, as go test
 * prints one FAIL: the execution ends with no finding of its own. So
 * does one after m.Run returned 0: weft runs each test alone through
 * TestMain, whose checks after m.Run judge the whole run of the
 * package's tests (go test runs them in one process): "no test logged
 * anything" is not a failure of the one test that ran. */
static bool test_failed(const vm_ncall *c)
{
    const wf_engine *e = c->g->x->e;
    if (!c->g->x->prog->ntests)
        return false;
    for (size_t i = 0; i < e->findings.len; i++)
        if (e->findings.p[i].kind == WF_ASSERT && e->findings.p[i].error)
            return true;
    return false;
}

nat_status lib_exit(vm_ncall *c)
{
    op *o;
    char m[200];
    if (c->a[0].v.i == 0 || test_failed(c) || c->g->x->test_passed) {
        wf_engine *e = c->g->x->e;
        e->main_done = true;
        e->end = END_DONE;
        e->stop = true;
        /* unwind this goroutine; the step ends at its next pending op */
        vm_throw(c->g, vm_nil());
        c->g->panic->goexit = true;
        return NAT_PANIC;
    }
    snprintf(m, sizeof m, "%.*s: exit status %lld", (int)c->a[1].aux,
             c->a[1].v.s ? c->a[1].v.s : "", (long long)c->a[0].v.i);
    o = vm_op(c->g, OP_PANIC, NULL);
    o->text = arena_strndup(&c->g->x->e->mem, m, strlen(m));
    o->len = strlen(m);
    return NAT_YIELD;
}

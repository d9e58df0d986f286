/* lib_os.c: the natives behind package os (sim/lang/lib/os/os.go): the
 * program's arguments (os.Args), kept by the program (vm_options.args).
 * os.Exit is __exit (lib_log.c). */
#include <string.h>

#include "sim/lang/lib.h"

/* __nargs() int: len(os.Args). */
nat_status lib_nargs(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT, (int64_t)c->g->x->prog->nargs);
    return NAT_OK;
}

/* __arg(i int) string: os.Args[i], 0 <= i < __nargs(). */
nat_status lib_arg(vm_ncall *c)
{
    const vm_program *p = c->g->x->prog;
    int64_t i = c->a[0].v.i;
    const char *s = i >= 0 && (uint64_t)i < p->nargs ? p->args[i] : "";
    c->r[0] = vm_new_str(c->g->x, s, strlen(s));
    return NAT_OK;
}

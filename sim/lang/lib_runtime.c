/* lib_runtime.c: the natives behind package runtime's introspection
 * (lib/runtime/runtime.go): program counters of the calling goroutine's
 * frames, their functions, files and lines (runtime.Caller, Callers,
 * FuncForPC, CallersFrames), its stack as Go prints it (runtime.Stack),
 * and Breakpoint.
 * A pc is weft's, not a machine address: (proto index + 1) << 20 | (the
 * instruction index + 1), stable across runs; 0 is no frame. Native
 * frames (the library's intrinsics) are not Go frames and are skipped.
 * As in Go, the main goroutine's bottom frame is runtime.main (weft's
 * entry, which runs the package initialization and main.main), and
 * runtime.goexit is below every goroutine's first function;
 * runtime.gopanic calls the deferred functions a panic runs. Those two
 * have no file ("?", line 0). */
#include <stdio.h>
#include <string.h>

#include "sim/lang/lib.h"

#define PC_SHIFT 20
#define GOEXIT_PC (((uint64_t)0xFFFFF << PC_SHIFT) | 1)
#define GOPANIC_PC (((uint64_t)0xFFFFF << PC_SHIFT) | 2)

/* The index of proto p in the program, or -1. O(protos). */
static int64_t proto_index(const vm_program *prog, const vm_proto *p)
{
    for (size_t i = 0; i < prog->protos.len; i++)
        if (prog->protos.p[i] == p)
            return (int64_t)i;
    return -1;
}

/* The instruction Go frame i is at: a caller's pc is its return
 * address (the call is the one before), but a frame running its
 * deferred calls on return is at its RET, and one running them for a
 * panic is where the panic was raised (its own instruction) or passed
 * through (its call). */
static uint32_t frame_ins(const vm_g *g, uint32_t i)
{
    const vm_frame *f = &g->frames[i];
    if (i + 1 < g->nframes && (g->frames[i + 1].flags & FR_DEFER)) {
        const vm_frame *d = &g->frames[i + 1];
        if (!(d->flags & FR_UNWIND) || !d->panic || d->panic->top == i + 1)
            return f->pc;
    }
    return f->pc > 0 ? f->pc - 1 : 0;
}

/* The pc of instruction ins of p, or 0. */
static uint64_t make_pc(const vm_program *prog, const vm_proto *p,
                        uint32_t ins)
{
    int64_t idx = proto_index(prog, p);
    if (idx < 0)
        return 0;
    if (ins >= p->ncode)
        ins = p->ncode - 1;
    return ((uint64_t)(idx + 1) << PC_SHIFT) | (ins + 1);
}

/* The pc of Go frame depth (0: the innermost), or 0. As in Go, a
 * deferred call run by a panic is called by runtime.gopanic, which the
 * panicking function called: the frames the panic unwound are below it
 * (Go keeps them until the deferred calls are done). */
static uint64_t frame_pc(const vm_g *g, int64_t depth)
{
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (depth-- > 0) {
            if (f->flags & FR_UNWIND) {
                if (depth-- == 0)
                    return GOPANIC_PC;
                for (uint32_t k = 0; f->panic && k < f->panic->ngone; k++)
                    if (depth-- == 0)
                        return make_pc(g->x->prog, f->panic->gone[k],
                                       f->panic->gone_ins[k]);
            }
            continue;
        }
        return make_pc(g->x->prog, f->p, frame_ins(g, i));
    }
    /* below every goroutine's first function: runtime.goexit */
    return depth == 0 ? GOEXIT_PC : 0;
}

uint64_t lib_func_entry_pc(const vm_program *prog, vm_value fn)
{
    const vm_proto *p;
    if (VM_KIND(fn.t) != K_FUNC || !fn.v.o)
        return 0;
    p = fn.v.o->u.proto;
    return p && p->ncode ? make_pc(prog, p, 0) : 0;
}

/* The proto and instruction a pc names, or NULL. */
static const vm_proto *pc_decode(const vm_program *prog, uint64_t pc,
                                 uint32_t *ins)
{
    uint64_t idx = pc >> PC_SHIFT;
    uint64_t i = pc & ((1u << PC_SHIFT) - 1);
    const vm_proto *p;
    if (!idx || idx > prog->protos.len || !i)
        return NULL;
    p = prog->protos.p[idx - 1];
    /* past the function's end (its last instruction's next pc at
     * most, as a return address names it): no function's */
    if (!p->ncode || i - 1 > p->ncode)
        return NULL;
    *ins = (uint32_t)(i - 1 < p->ncode ? i - 1 : p->ncode - 1);
    return p;
}

/* Where instruction ins of p reads as (through its file's line
 * directives, as gc's tables read): the line, the file in *file. */
static int proto_line(const vm_proto *p, uint32_t ins, const char **file)
{
    *file = p->dfiles ? p->dfiles[ins] : p->file;
    return p->dlines ? p->dlines[ins] : p->lines[ins];
}

/* __rt_pc(depth int) uintptr */
nat_status lib_rt_pc(vm_ncall *c)
{
    c->r[0] = vm_int(T_UINTPTR, (int64_t)frame_pc(c->g, c->a[0].v.i));
    return NAT_OK;
}

/* __rt_fileline(pc uintptr) (file string, line int) */
nat_status lib_rt_fileline(vm_ncall *c)
{
    uint32_t ins;
    const vm_proto *p = pc_decode(c->g->x->prog, c->a[0].v.u, &ins);
    const char *file = "?";
    int line = p ? proto_line(p, ins, &file) : 0;
    c->r[0] = vm_new_str(c->g->x, file, strlen(file));
    c->r[1] = vm_int(T_INT, line);
    return NAT_OK;
}

/* __rt_funcname(pc uintptr) string: "" if pc is no function's */
nat_status lib_rt_funcname(vm_ncall *c)
{
    uint32_t ins;
    const vm_proto *p = pc_decode(c->g->x->prog, c->a[0].v.u, &ins);
    const char *name = p                              ? p->name
                       : c->a[0].v.u == GOEXIT_PC  ? "runtime.goexit"
                       : c->a[0].v.u == GOPANIC_PC ? "runtime.gopanic"
                                                   : "";
    c->r[0] = vm_new_str(c->g->x, name, strlen(name));
    return NAT_OK;
}

/* __rt_stack(all bool) string: the calling goroutine's stack as Go's
 * runtime.Stack prints it, innermost first, without runtime.Stack. */
nat_status lib_rt_stack(vm_ncall *c)
{
    const vm_g *g = c->g;
    buf b;
    bool skipped = false;
    buf_init(&b);
    buf_printf(&b, "goroutine %d [running]:\n", g->t ? (int)g->t->tid + 1 : 1);
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        const char *file;
        uint32_t pc;
        int line;
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (!skipped) { /* runtime.Stack itself */
            skipped = true;
            continue;
        }
        /* runtime.main is below main.main, hidden as Go hides it
         * (GOTRACEBACK=system shows it) */
        if (i == 0 && !strcmp(f->p->name, "runtime.main"))
            continue;
        pc = frame_ins(g, i);
        if (pc >= f->p->ncode)
            pc = f->p->ncode - 1;
        line = proto_line(f->p, pc, &file);
        buf_printf(&b, "%s(%s)\n\t%s:%d +0x%x\n", f->p->name,
                   f->p->nparams ? "..." : "", file, line, (unsigned)pc);
        if ((f->flags & FR_UNWIND) && f->panic) {
            /* the frames the panic unwound, below runtime.gopanic */
            buf_puts(&b, "panic(...)\n");
            for (uint32_t k = 0; k < f->panic->ngone; k++) {
                const vm_proto *q = f->panic->gone[k];
                uint32_t at = f->panic->gone_ins[k];
                if (at >= q->ncode)
                    at = q->ncode - 1;
                line = proto_line(q, at, &file);
                buf_printf(&b, "%s(%s)\n\t%s:%d +0x%x\n", q->name,
                           q->nparams ? "..." : "", file, line,
                           (unsigned)at);
            }
        }
    }
    c->r[0] = vm_new_str(c->g->x, b.p ? b.p : "", b.len);
    buf_fini(&b);
    return NAT_OK;
}

/* __rt_breakpoint(): Go traps (SIGTRAP) and the program dies; here the
 * execution ends as a fatal error, which recover cannot stop. */
nat_status lib_rt_breakpoint(vm_ncall *c)
{
    static const char m[] = "trace/breakpoint trap (runtime.Breakpoint)";
    op *o = vm_op(c->g, OP_PANIC, NULL);
    o->text = arena_strndup(&c->g->x->e->mem, m, strlen(m));
    o->len = strlen(m);
    return NAT_YIELD;
}

/* __rt_setfinalizer(obj, fn any): records (or, fn nil, forgets) obj's
 * finalizer; the Go side has checked obj is a pointer. */
nat_status lib_rt_setfinalizer(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    vm_fin **pp = &x->fins, *f;
    while (*pp && (*pp)->obj.v.o != c->a[0].v.o)
        pp = &(*pp)->next;
    if (*pp) { /* replaced or cleared */
        f = *pp;
        *pp = f->next;
    }
    if (!c->a[1].v.o)
        return NAT_OK;
    f = arena_alloc(&x->e->mem, sizeof *f);
    f->obj = c->a[0];
    f->fn = c->a[1];
    f->next = NULL;
    for (pp = &x->fins; *pp; pp = &(*pp)->next)
        ;
    *pp = f;
    return NAT_OK;
}

/* __rt_gc() int: a collection: how many finalizers became due. */
nat_status lib_rt_gc(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT, vm_gc_finalizers(c->g->x));
    return NAT_OK;
}

/* __rt_fin(i int) (fn, obj any): the i'th finalizer found due. */
nat_status lib_rt_fin(vm_ncall *c)
{
    vm_fin *f = c->g->x->due;
    for (int64_t i = c->a[0].v.i; f && i > 0; i--)
        f = f->next;
    c->r[0] = f ? f->fn : vm_nil();
    c->r[1] = f ? f->obj : vm_nil();
    return NAT_OK;
}

/* __rt_finchain(done chan struct{}) any: the channel the finalizers
 * of the collection before close when they have run (nil: none), done
 * taking its place: the batches run in order, each after the last. */
nat_status lib_rt_finchain(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    c->r[0] = x->fin_last;
    x->fin_last = c->a[0];
    return NAT_OK;
}

/* __rt_funccache(entry uintptr, f *Func) *Func: the *Func given first
 * for entry (f, the first time). O(functions met). */
nat_status lib_rt_funccache(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    for (uint32_t i = 0; i < x->nfuncs; i++)
        if (x->funcs[i].entry == c->a[0].v.u) {
            c->r[0] = x->funcs[i].f;
            return NAT_OK;
        }
    if (x->nfuncs == x->funcs_cap) {
        uint32_t ncap = x->funcs_cap ? x->funcs_cap * 2 : 8;
        vm_funcpc *n = arena_alloc(&x->e->mem, ncap * sizeof *n);
        if (x->nfuncs)
            memcpy(n, x->funcs, x->nfuncs * sizeof *n);
        x->funcs = n;
        x->funcs_cap = ncap;
    }
    x->funcs[x->nfuncs].entry = c->a[0].v.u;
    x->funcs[x->nfuncs++].f = c->a[1];
    c->r[0] = c->a[1];
    return NAT_OK;
}

/* __rt_live() uint64: the bytes a collection would keep now. */
nat_status lib_rt_live(vm_ncall *c)
{
    c->r[0] = vm_int(T_UINT64, (int64_t)vm_live_bytes(c->g->x));
    return NAT_OK;
}

/* __rt_throw(msg string): panics with a run-time error (a runtime.Error
 * whose Error() is msg), as the runtime's own checks do. */
nat_status lib_rt_throw(vm_ncall *c)
{
    vm_value v = c->a[0];
    v.t = T_RTERROR;
    vm_throw(c->g, v);
    return NAT_PANIC;
}

/* The method RuntimeError() of run-time errors (runtime.Error). */
nat_status lib_rt_runtime_error(vm_ncall *c)
{
    (void)c;
    return NAT_OK;
}

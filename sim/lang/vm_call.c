/* vm_call.c: goroutines' explicit frames: calls (closures, bound methods,
 * natives, variadic packing), returns, deferred calls, panics and their
 * unwinding with recover (Go spec, "Handling panics").
 * A frame's registers are a window of its goroutine's value stack, which
 * grows by doubling in the engine arena; frames refer to it by index. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/lib.h"
#include "sim/lang/vm_int.h"

void vm_stack_need(vm_g *g, uint32_t need)
{
    uint32_t ncap;
    vm_value *ns;
    if (need <= g->cap)
        return;
    ncap = g->cap ? g->cap * 2 : 16;
    while (ncap < need)
        ncap *= 2;
    ns = arena_alloc(&g->x->e->mem, (size_t)ncap * sizeof *ns);
    if (g->cap)
        memcpy(ns, g->stack, (size_t)g->cap * sizeof *ns);
    g->stack = ns;
    g->cap = ncap;
}

static vm_frame *push_frame(vm_g *g)
{
    if (g->nframes == g->fcap) {
        uint32_t ncap = g->fcap ? g->fcap * 2 : 2;
        /* never more than VM_MAX_FRAMES (vm_call_at's limit): the common
         * call in vm.c tests nframes < fcap alone */
        if (ncap > VM_MAX_FRAMES)
            ncap = VM_MAX_FRAMES;
        vm_frame *nf = arena_alloc(&g->x->e->mem, ncap * sizeof *nf);
        if (g->fcap)
            memcpy(nf, g->frames, g->fcap * sizeof *nf);
        g->frames = nf;
        g->fcap = ncap;
    }
    memset(&g->frames[g->nframes], 0, sizeof(vm_frame));
    return &g->frames[g->nframes++];
}

/* The top of the registers in use by frame f. */
static uint32_t frame_top(const vm_frame *f)
{
    if (f->flags & FR_NATIVE)
        return f->base + f->nargs + f->p->nres + 2;
    return f->base + f->p->nregs;
}

static int stack_overflow(vm_g *g)
{
    op *o;
    /* fatal in Go: not recoverable, so no unwinding */
    g->nframes = 0;
    o = vm_op(g, OP_PANIC, NULL);
    o->text = "fatal error: stack overflow (goroutine stack exceeds "
              "1000000000-byte limit)";
    g->died = true;
    return X_YIELD;
}

int vm_call_at(vm_g *g, uint32_t fpos, uint32_t nargs, uint32_t ret,
               int32_t nret, uint32_t flags, uint32_t cflags)
{
    vm_value fv = g->stack[fpos];
    vm_obj *fo;
    const vm_proto *p;
    uint32_t base = fpos + 1;
    vm_frame *f;
    if (VM_KIND(fv.t) != K_FUNC || !fv.v.o)
        return vm_throwf(g, "runtime error: invalid memory address or nil "
                            "pointer dereference");
    if (g->nframes >= VM_MAX_FRAMES)
        return stack_overflow(g);
    fo = fv.v.o;
    p = fo->u.proto;
    if (fo->okind == OK_BOUND) {
        vm_stack_need(g, fpos + nargs + 3);
        memmove(&g->stack[fpos + 2], &g->stack[fpos + 1],
                nargs * sizeof(vm_value));
        g->stack[fpos + 1] = vm_copy(g->x, fo->slots[0]);
        nargs++;
    }
    if (p->nat) {
        vm_stack_need(g, base + nargs + p->nres + 8);
        for (uint32_t i = 0; i < p->nres + 2u; i++)
            g->stack[base + nargs + i] = vm_nil();
        if (cflags & CALL_SOFT)
            for (uint32_t i = 0; i < nargs; i++)
                g->stack[base + i] = vm_settle(g->x->prog, g->stack[base + i],
                                               0);
        f = push_frame(g);
        f->p = p;
        f->fn = fo;
        f->base = base;
        f->ret = ret;
        f->nret = nret;
        f->flags = (uint16_t)(flags | FR_NATIVE);
        f->nargs = nargs;
        g->top = frame_top(f);
        return X_OK;
    }
    vm_stack_need(g, base + p->nregs + nargs + 4);
    if (p->variadic && !(cflags & CALL_SPREAD)) {
        uint32_t fixed = p->nparams ? p->nparams - 1u : 0;
        uint32_t extra = nargs > fixed ? nargs - fixed : 0;
        uint32_t st = p->ptypes[fixed];
        vm_value sl;
        if (extra) {
            sl = vm_make_slice(g->x, st, extra, extra);
            for (uint32_t i = 0; i < extra; i++) {
                vm_value v = g->stack[base + fixed + i];
                if (kind_is_untyped(VM_KIND(v.t)))
                    v = vm_settle(g->x->prog, v,
                                  st ? prog_type(g->x->prog, st)->elem : 0);
                vm_store(g->x, sl.v.sl->arr, i, v, 0);
            }
        } else {
            sl = vm_ref(st ? st : T_NIL, NULL);
        }
        for (uint32_t i = nargs; i < fixed; i++)
            g->stack[base + i] = vm_nil();
        g->stack[base + fixed] = sl;
        nargs = fixed + 1;
    }
    for (uint32_t i = nargs; i < p->nregs; i++)
        g->stack[base + i] = vm_nil();
    if (cflags & CALL_SOFT)
        for (uint32_t i = 0; i < nargs && i < p->nparams; i++)
            g->stack[base + i] =
                vm_settle(g->x->prog, g->stack[base + i], p->ptypes[i]);
    f = push_frame(g);
    f->p = p;
    f->fn = fo->okind == OK_CLOSURE ? fo : NULL;
    f->base = base;
    f->ret = ret;
    f->nret = nret;
    f->flags = (uint16_t)flags;
    /* the common return (vm.c) may pop it: a plain call from Go code */
    f->fast = !flags && nret >= 0 && (uint32_t)nret < p->fastres &&
              g->nframes > 1 && !(f[-1].flags & FR_NATIVE);
    g->top = frame_top(f);
    return X_OK;
}

int vm_call_value(vm_g *g, vm_value fn, const vm_value *args, uint32_t n,
                  uint32_t flags, uint32_t cflags)
{
    uint32_t fpos = g->top;
    vm_stack_need(g, fpos + n + 4);
    g->stack[fpos] = fn;
    for (uint32_t i = 0; i < n; i++)
        g->stack[fpos + 1 + i] = args[i];
    return vm_call_at(g, fpos, n, fpos, 0, flags, cflags);
}

nat_status vm_native_call(vm_ncall *c, vm_value fn, const vm_value *args,
                          uint32_t n)
{
    vm_g *g = c->g;
    uint32_t fi = g->nframes - 1;
    uint32_t slot = g->frames[fi].base + g->frames[fi].nargs +
                    g->frames[fi].p->nres;
    uint32_t fpos = g->top;
    vm_stack_need(g, fpos + n + 4);
    g->stack[fpos] = fn;
    for (uint32_t i = 0; i < n; i++)
        g->stack[fpos + 1 + i] = args[i];
    if (vm_call_at(g, fpos, n, slot, 1, FR_NATCALL, 0) != X_OK)
        return NAT_PANIC;
    return NAT_CALL;
}

uint32_t vm_pop(vm_g *g, uint32_t src, uint32_t n)
{
    vm_frame *f = &g->frames[g->nframes - 1];
    uint32_t flags = f->flags, want;
    uint32_t keep = 0, top = frame_top(f);
    if (!(flags & (FR_DEFER | FR_UNWIND | FR_BOTTOM | FR_DIE)) ||
        (flags & FR_NATCALL)) {
        want = f->nret < 0 ? n : (uint32_t)f->nret;
        if (f->nret < 0) {
            if (want > VM_MULTI_MAX)
                want = VM_MULTI_MAX;
            g->nmulti = want;
        }
        for (uint32_t i = 0; i < want; i++)
            g->stack[f->ret + i] = i < n ? g->stack[src + i] : vm_nil();
        keep = f->ret + want;
    }
    /* dead registers must not keep objects reachable (partial deadlocks
     * are decided by reachability): the callee's, and in a Go caller
     * cleared whole, what the calls the callee made left above its top
     * (a lazy caller's registers above the call are invalid, and a
     * native's lie below) */
    if (g->nframes > 1) {
        const vm_frame *up = &g->frames[g->nframes - 2];
        if (!(up->flags & FR_NATIVE) && !up->p->valid &&
            frame_top(up) > top)
            top = frame_top(up);
    }
    for (uint32_t i = f->base > keep ? f->base : keep; i < top && i < g->cap;
         i++)
        g->stack[i] = vm_nil();
    g->nframes--;
    if (g->nframes)
        g->top = frame_top(&g->frames[g->nframes - 1]);
    return flags;
}

vm_g *vm_new_g(vm_exec *x, vm_g *parent, vm_value fn, const vm_value *args,
               uint32_t n, uint32_t cflags)
{
    vm_g *g = arena_alloc(&x->e->mem, sizeof *g);
    g->x = x;
    g->go_file = NULL;
    g->go_line = 0;
    if (parent)
        vm_site(parent, &g->go_file, &g->go_line);
    vm_stack_need(g, n + 8);
    g->stack[0] = fn;
    for (uint32_t i = 0; i < n; i++)
        g->stack[1 + i] = args[i];
    g->top = n + 1;
    if (vm_call_at(g, 0, n, 0, 0, FR_BOTTOM, cflags) != X_OK)
        return NULL;
    return g;
}

/* ---- panics ---------------------------------------------------------------- */

vm_value vm_rterror(vm_exec *x, const char *fmt, ...)
{
    char m[512];
    va_list ap;
    vm_value v;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    v = vm_new_str(x, m, strlen(m));
    v.t = T_RTERROR;
    return v;
}

int vm_throw(vm_g *g, vm_value v)
{
    vm_panic *pn = arena_alloc(&g->x->e->mem, sizeof *pn);
    memset(pn, 0, sizeof *pn);
    pn->val = v;
    pn->top = g->nframes;
    vm_site(g, &pn->file, &pn->line);
    pn->link = g->panic;
    g->panic = pn;
    return X_PANIC;
}

int vm_throwf(vm_g *g, const char *fmt, ...)
{
    char m[512];
    va_list ap;
    vm_value v;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    v = vm_new_str(g->x, m, strlen(m));
    v.t = T_RTERROR;
    return vm_throw(g, v);
}

const char *vm_panic_text(vm_exec *x, vm_value v)
{
    char m[64];
    switch (VM_KIND(v.t)) {
    case K_NIL:
        return "panic called with nil argument";
    case K_STRING:
        if (v.t == T_STRING || v.t == T_RTERROR) {
            char *s = arena_alloc(&x->e->mem, v.aux + 1);
            memcpy(s, v.v.s, v.aux);
            return s;
        }
        return NULL;
    default:
        if (prog_type(x->prog, v.t)->named)
            return NULL;
        if (kind_is_int(VM_KIND(v.t))) {
            if (kind_is_signed(VM_KIND(v.t)))
                snprintf(m, sizeof m, "%lld", (long long)v.v.i);
            else
                snprintf(m, sizeof m, "%llu", (unsigned long long)v.v.u);
            return arena_strdup(&x->e->mem, m);
        }
        if (VM_KIND(v.t) == K_BOOL)
            return v.v.i ? "true" : "false";
        return NULL;
    }
}

/* The goroutine ends with its panic. */
static void die(vm_g *g)
{
    vm_panic *pn = g->panic;
    const char *text;
    op *o;
    if (pn->goexit) {
        /* runtime.Goexit in main (not os.Exit, which ended the program
         * already) ends main only: the program runs on until the other
         * goroutines end or block, then dies as deadlocked (Go's "no
         * goroutines (main called runtime.Goexit)"); a test program's
         * goroutines keep their testing semantics */
        if (g->t->main_task && !g->x->e->main_done && !g->x->prog->ntests)
            g->t->main_task = false;
        g->nframes = 0;
        vm_op(g, OP_EXIT, NULL);
        g->died = true;
        return;
    }
    text = vm_panic_text(g->x, pn->val);
    if (!text) {
        /* format it in Go (Error, String methods): a native frame */
        vm_value fn = vm_ref(T_FUNC, g->x->prog->panicmsg->static_fn);
        g->top = 0;
        if (vm_call_value(g, fn, &pn->val, 1,
                          FR_BOTTOM | FR_DIE, 0) == X_OK)
            return;
        text = "panic";
    }
    g->nframes = 0;
    o = vm_op(g, OP_PANIC, NULL);
    o->text = text;
    o->file = pn->file;
    o->line = pn->line;
    g->died = true;
}

void vm_unwind(vm_g *g)
{
    for (;;) {
        vm_frame *f;
        vm_panic *pn = g->panic;
        if (!g->nframes) {
            die(g);
            return;
        }
        f = &g->frames[g->nframes - 1];
        if (pn->recovered) {
            /* the frame whose deferred call recovered returns normally;
             * a lazy one (vm_proto.valid) keeps only its parameters and
             * results: what it held at ret_pc's other paths, or what the
             * frames unwound left, is not there */
            g->panic = pn->link;
            f->pc = f->p->ret_pc;
            if (f->p->valid)
                for (uint32_t r = (uint32_t)f->p->nparams + f->p->nres;
                     r < f->p->nregs && f->base + r < g->cap; r++)
                    g->stack[f->base + r] = vm_nil();
            return;
        }
        if ((f->flags & (FR_NATIVE | FR_CATCH)) == (FR_NATIVE | FR_CATCH) &&
            !pn->goexit) {
            /* the native that called the panicking code takes it back */
            f->flags = (f->flags & ~(uint32_t)FR_CATCH) | FR_CAUGHT;
            g->stack[f->base + f->nargs + f->p->nres] = pn->val;
            g->panic = pn->link;
            return;
        }
        if (!(f->flags & FR_NATIVE) && f->defers) {
            vm_defer *d = f->defers;
            f->defers = d->next;
            if (vm_call_value(g, d->fn, d->args, d->n, FR_DEFER | FR_UNWIND,
                              d->spread ? CALL_SPREAD : 0) == X_OK) {
                g->frames[g->nframes - 1].panic = pn;
                return;
            }
            if (g->died)
                return;
            continue; /* the deferred call itself panicked (nil func) */
        }
        if (f->flags & FR_BOTTOM) {
            g->nframes = 0;
            die(g);
            return;
        }
        if (!(f->flags & FR_NATIVE) && f->p->ncode &&
            pn->ngone < VM_PANIC_FRAMES) {
            /* the first Go frame unwound is where the panic happened (its
             * pc the instruction); the others are at a call (a return
             * address) */
            uint32_t ins = pn->ngone == 0 || f->pc == 0 ? f->pc : f->pc - 1;
            pn->gone[pn->ngone] = f->p;
            pn->gone_ins[pn->ngone++] = ins;
        }
        g->nframes--;
        if (g->nframes)
            g->top = frame_top(&g->frames[g->nframes - 1]);
    }
}

/* lib_fmt.c: fmt's formatting (the verbs %v %+v %#v %T %d %s %q %t %x %X
 * %o %b %c %U %e %f %g %p %% with flags, width and precision), as Go's fmt
 * prints: Error and String methods are called (in Go, through the VM),
 * map keys sorted, pointers printed as their synthetic address
 * (vm_addr.c), never a host address. A native that needs a method's result returns NAT_CALL; it is
 * run again when the method returns, and formats from the start with
 * the results so far memoized in its frame (deterministic order). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lib_fmt_int.h"
#include "sim/lang/utf8.h"

static const fspec no_spec = {false, false, false, false, false, -1, -1};

static fmt_state *state_of(vm_ncall *c)
{
    fmt_state *st = c->f->nat;
    if (!st) {
        st = arena_alloc(&c->g->x->e->mem, sizeof *st);
        c->f->nat = st;
    }
    if (st->calling) {
        if (st->n == st->cap) {
            uint32_t ncap = st->cap ? st->cap * 2 : 4;
            vm_value *nm = arena_alloc(&c->g->x->e->mem, ncap * sizeof *nm);
            uint8_t *np = arena_alloc(&c->g->x->e->mem, ncap);
            if (st->n) {
                memcpy(nm, st->memo, st->n * sizeof *nm);
                memcpy(np, st->panicked, st->n);
            }
            st->memo = nm;
            st->panicked = np;
            st->cap = ncap;
        }
        st->panicked[st->n] = (c->f->flags & FR_CAUGHT) != 0;
        st->memo[st->n++] = c->callres;
        st->calling = false;
        c->f->flags &= ~(uint32_t)(FR_CATCH | FR_CAUGHT);
    }
    return st;
}

static void fmtx_init(fmtx *F, vm_ncall *c, buf *out)
{
    memset(F, 0, sizeof *F);
    F->c = c;
    F->x = c->g->x;
    F->p = c->g->x->prog;
    F->out = out;
    F->st = state_of(c);
}

/* ---- values ----------------------------------------------------------------------- */

static uint32_t obj_pid(vm_exec *x, vm_obj *o)
{
    if (!o->pid)
        o->pid = ++x->next_pid;
    return o->pid;
}

/* %p: the synthetic address uintptr(unsafe.Pointer(p)) gives too
 * (vm_addr.c) */
static void fmt_pointer(fmtx *F, vm_value v, const fspec *sp, bool nilword)
{
    char tmp[64];
    uint64_t a = vm_addr_of(F->x, v);
    if (!a && nilword) {
        fmt_pad_str(F, "<nil>", sp);
        return;
    }
    snprintf(tmp, sizeof tmp, "0x%llx", (unsigned long long)a);
    fmt_pad_str(F, tmp, sp);
}

static bool fmt_value(fmtx *F, vm_value v, int verb, const fspec *sp,
                      int depth, bool methods);

/* v as %v inside another's message (a bad verb's, a panic's): flags
 * off, sp's width and precision kept (as Go's badVerb: %!s(int=   42)
 * for %5s), the method calls it needs carried back to F. */
static void fmt_plain(fmtx *F, vm_value v, const fspec *sp, bool meth)
{
    fmtx G = *F;
    G.plusV = G.sharpV = false;
    fmt_value(&G, v, 'v', sp, 1, meth);
    F->need = G.need;
    F->need_fn = G.need_fn;
    F->need_recv = G.need_recv;
    F->used = G.used;
}

static void bad_verb(fmtx *F, vm_value v, int verb, const fspec *sp)
{
    buf_printf(F->out, "%%!%c(", verb);
    if (!v.t) {
        buf_puts(F->out, "<nil>)");
        return;
    }
    buf_puts(F->out, prog_type(F->p, v.t)->name);
    buf_putc(F->out, '=');
    fmt_plain(F, v, sp, false);
    buf_putc(F->out, ')');
}

/* Go's handleMethods: GoString() for %#v (a GoStringer's result printed
 * unadorned), else Error() or String() for the verbs that print values.
 * Returns true when handled (or a call is needed). */
static bool methods(fmtx *F, vm_value v, int verb, const fspec *sp)
{
    const vm_member *m = NULL;
    uint32_t names[2] = {F->p->n_Error, F->p->n_String};
    int nnames = 2;
    if (F->sharpV) {
        names[0] = F->p->n_GoString;
        nnames = 1;
    } else if (!(verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' ||
                 verb == 'q')) {
        return false;
    }
    if (!v.t)
        return false;
    for (int k = 0; k < nnames && !m; k++) {
        const vm_member *c = vm_lookup(F->p, v.t, names[k]);
        const vm_type *ft;
        if (!c || !c->is_method)
            continue;
        if (!c->fn) { /* promoted from an embedded interface */
            m = c;
            break;
        }
        if (c->ptr_recv && VM_KIND(v.t) != K_PTR && !c->npath)
            continue;
        ft = c->fn->nat ? NULL : prog_type(F->p, c->fn->type);
        if (ft && (ft->nparams != 1 || ft->nresults != 1))
            continue;
        m = c;
    }
    if (!m)
        return false;
    if (F->used < F->st->n && F->st->panicked[F->used]) {
        /* Go's catchPanic: a nil receiver prints <nil>, else the panic */
        vm_value pv = F->st->memo[F->used++];
        if (VM_KIND(v.t) == K_PTR && !v.v.o) {
            fmt_pad_str(F, "<nil>", sp);
            return true;
        }
        buf_printf(F->out, "%%!%c(PANIC=%s method: ", verb,
                   F->p->names.p[m->name]);
        fmt_plain(F, pv, &no_spec, true);
        buf_putc(F->out, ')');
        return true;
    }
    if (F->used < F->st->n) {
        vm_value s = F->st->memo[F->used++];
        fmt_string(F, VM_KIND(s.t) == K_STRING ? s.v.s : "",
                   VM_KIND(s.t) == K_STRING ? s.aux : 0,
                   F->sharpV ? 's' : verb, sp);
        return true;
    }
    {
        vm_value recv;
        int st = vm_promote(F->c->g, &v, &m);
        if (st == X_OK)
            st = vm_walk(F->c->g, v, m, NULL, NULL, &recv);
        if (st != X_OK) {
            F->c->g->panic = F->c->g->panic->link;
            fmt_pad_str(F, "<nil>", sp);
            return true;
        }
        F->need = true;
        F->need_fn = vm_ref(m->fn->type ? m->fn->type : T_FUNC,
                            m->fn->static_fn);
        F->need_recv = recv;
    }
    return true;
}

/* Order of map keys (internal/fmtsort): numbers, strings, then by id. */
static int key_cmp(fmtx *F, vm_value a, vm_value b)
{
    vm_kind ka = VM_KIND(a.t), kb = VM_KIND(b.t);
    if (a.t != b.t)
        return a.t < b.t ? -1 : 1;
    if (kind_is_signed(ka))
        return a.v.i < b.v.i ? -1 : a.v.i > b.v.i;
    if (kind_is_int(ka) || ka == K_BOOL)
        return a.v.u < b.v.u ? -1 : a.v.u > b.v.u;
    if (kind_is_float(ka))
        return a.v.f < b.v.f ? -1 : a.v.f > b.v.f;
    if (ka == K_STRING) {
        uint32_t n = a.aux < b.aux ? a.aux : b.aux;
        int c = n ? memcmp(a.v.s, b.v.s, n) : 0;
        return c ? (c < 0 ? -1 : 1) : (a.aux < b.aux ? -1 : a.aux > b.aux);
    }
    if (kind_is_aggregate(ka) && a.v.o && b.v.o) {
        for (uint32_t i = 0; i < a.v.o->n; i++) {
            int c = key_cmp(F, a.v.o->slots[i], b.v.o->slots[i]);
            if (c)
                return c;
        }
        return 0;
    }
    if (ka == K_CHAN)
        return (a.v.ch ? a.v.ch->hdr.oid : -1) < (b.v.ch ? b.v.ch->hdr.oid : -1)
                   ? -1
                   : 1;
    if (ka == K_PTR && a.v.o && b.v.o) {
        uint32_t x = obj_pid(F->x, a.v.o), y = obj_pid(F->x, b.v.o);
        return x < y ? -1 : x > y;
    }
    (void)kb;
    return 0;
}

static bool fmt_map(fmtx *F, vm_value v, int verb, const fspec *sp, int depth)
{
    vm_map *m = v.v.m;
    uint32_t *order, n = 0;
    if (F->sharpV) {
        buf_puts(F->out, prog_type(F->p, v.t)->name);
        if (!m) {
            buf_puts(F->out, "(nil)");
            return true;
        }
        buf_putc(F->out, '{');
    } else {
        buf_puts(F->out, "map[");
    }
    if (m && m->count) {
        order = arena_alloc(&F->x->e->mem, m->count * sizeof *order);
        for (uint32_t e = 0; e < m->nent; e++)
            if (m->live[e]) {
                uint32_t j = n++;
                while (j > 0 && key_cmp(F, m->keys[order[j - 1]],
                                        m->keys[e]) > 0) {
                    order[j] = order[j - 1];
                    j--;
                }
                order[j] = e;
            }
        for (uint32_t i = 0; i < n; i++) {
            if (i)
                buf_puts(F->out, F->sharpV ? ", " : " ");
            if (!fmt_value(F, m->keys[order[i]], verb, sp, depth + 1, true))
                return false;
            buf_putc(F->out, ':');
            if (!fmt_value(F, m->vals[order[i]], verb, sp, depth + 1, true))
                return false;
        }
    }
    buf_putc(F->out, F->sharpV ? '}' : ']');
    return true;
}

static bool fmt_value(fmtx *F, vm_value v, int verb, const fspec *sp,
                      int depth, bool meth)
{
    vm_kind k = VM_KIND(v.t);
    if (F->need)
        return false;
    if (kind_is_untyped(k)) {
        v = vm_settle(F->p, v, 0);
        k = VM_KIND(v.t);
    }
    if (verb == 'T') {
        fmt_pad_str(F, v.t ? prog_type(F->p, v.t)->name : "<nil>", sp);
        return true;
    }
    if (verb == 'p') {
        if (k == K_PTR || k == K_CHAN || k == K_MAP || k == K_FUNC ||
            k == K_SLICE)
            fmt_pointer(F, v, sp, false);
        else
            bad_verb(F, v, verb, sp);
        return !F->need;
    }
    if (k == K_STRUCT && v.v.o && v.v.o->n >= 2 &&
        !strcmp(prog_type(F->p, v.t)->name, "reflect.Value")) {
        /* Go prints the value a reflect.Value holds (its typ, val) */
        if (!v.v.o->slots[0].v.i) {
            fmt_pad_str(F, "<invalid reflect.Value>", sp);
            return true;
        }
        v = v.v.o->slots[1];
        k = VM_KIND(v.t);
    }
    if (!v.t) {
        if (verb == 'v')
            fmt_pad_str(F, "<nil>", sp);
        else
            bad_verb(F, v, verb, sp);
        return true;
    }
    if (meth && methods(F, v, verb, sp))
        return !F->need;
    switch (k) {
    case K_BOOL:
        if (verb == 'v' || verb == 't')
            fmt_pad_str(F, v.v.i ? "true" : "false", sp);
        else
            bad_verb(F, v, verb, sp);
        return !F->need;
    case K_INT:
    case K_INT8:
    case K_INT16:
    case K_INT32:
    case K_INT64:
    case K_UINT:
    case K_UINT8:
    case K_UINT16:
    case K_UINT32:
    case K_UINT64:
    case K_UINTPTR:
        if (strchr("vdbcoOqxXU", verb)) {
            if (verb == 'v' && F->sharpV && k >= K_UINT && k <= K_UINTPTR) {
                /* Go's fmtInteger: %#v is 0x-hex when unsigned, decimal
                 * when signed, the type's name never */
                fspec hx = *sp;
                hx.sharp = true;
                fmt_int(F, v, 'x', &hx);
            } else {
                fmt_int(F, v, verb == 'v' ? 'd' : verb, sp);
            }
        } else {
            bad_verb(F, v, verb, sp);
        }
        return !F->need;
    case K_FLOAT64:
    case K_FLOAT32:
        if (strchr("vbeEfFgGxX", verb))
            fmt_float(F, v.v.f, verb, sp, k == K_FLOAT32);
        else
            bad_verb(F, v, verb, sp);
        return !F->need;
    case K_STRING:
        if (strchr("vsqxX", verb)) {
            if (verb == 'v' && F->sharpV)
                fmt_string(F, v.v.s, v.aux, 'q', sp);
            else
                fmt_string(F, v.v.s, v.aux, verb == 'v' ? 's' : verb, sp);
        } else {
            bad_verb(F, v, verb, sp);
        }
        return !F->need;
    case K_SLICE:
    case K_ARRAY: {
        uint32_t et = prog_type(F->p, v.t)->elem;
        uint32_t n = k == K_SLICE ? (v.v.sl ? v.v.sl->len : 0)
                                  : (v.v.o ? v.v.o->n : 0);
        vm_obj *arr = k == K_SLICE ? (v.v.sl ? v.v.sl->arr : NULL) : v.v.o;
        uint32_t off = k == K_SLICE && v.v.sl ? v.v.sl->off : 0;
        if (arr && (arr->flags & OF_GUARD))
            for (uint32_t i = 0; i < n; i++)
                if (!vm_guard_readable(F->x, arr, off + i)) {
                    F->fault_o = arr;
                    F->fault_i = off + i;
                    return false;
                }
        if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') &&
            VM_KIND(et) == K_UINT8) {
            char *s = arena_alloc(&F->x->e->mem, n + 1);
            for (uint32_t i = 0; i < n; i++)
                s[i] = (char)(k == K_SLICE ? slice_at(v.v.sl, i)->v.u
                                           : v.v.o->slots[i].v.u);
            fmt_string(F, s, n, verb, sp);
            return true;
        }
        if (F->sharpV) {
            buf_puts(F->out, prog_type(F->p, v.t)->name);
            if (k == K_SLICE && !v.v.sl) {
                buf_puts(F->out, "(nil)");
                return true;
            }
            buf_putc(F->out, '{');
        } else if (verb == 'v' && depth == 0 && k == K_SLICE && false) {
        } else {
            buf_putc(F->out, '[');
        }
        for (uint32_t i = 0; i < n; i++) {
            vm_value e = k == K_SLICE ? *slice_at(v.v.sl, i) : v.v.o->slots[i];
            if (i)
                buf_puts(F->out, F->sharpV ? ", " : " ");
            if (!fmt_value(F, e, verb, sp, depth + 1, true))
                return false;
        }
        buf_putc(F->out, F->sharpV ? '}' : ']');
        return true;
    }
    case K_MAP:
        return fmt_map(F, v, verb, sp, depth);
    case K_STRUCT: {
        const vm_type *t = prog_type(F->p, v.t);
        int bits = vm_cplx_bits(F->p, v.t);
        if (bits) {
            /* as Go's fmtComplex: (re+imi), the imaginary part signed */
            if (strchr("vbgGxXfFeE", verb)) {
                fspec im = *sp;
                im.plus = true;
                buf_putc(F->out, '(');
                fmt_float(F, vm_cplx_part(v, 0), verb, sp, bits == 64);
                fmt_float(F, vm_cplx_part(v, 1), verb, &im, bits == 64);
                buf_puts(F->out, "i)");
            } else {
                bad_verb(F, v, verb, sp);
            }
            return !F->need;
        }
        if (F->sharpV)
            buf_puts(F->out, t->name);
        buf_putc(F->out, '{');
        for (uint32_t i = 0; v.v.o && i < v.v.o->n && i < t->nfields; i++) {
            const char *fname = F->p->names.p[t->fields[i].name];
            vm_value fv = v.v.o->slots[i];
            if (i)
                buf_puts(F->out, F->sharpV ? ", " : " ");
            if (F->plusV || F->sharpV) {
                buf_puts(F->out, fname);
                buf_putc(F->out, ':');
            }
            if (VM_KIND(fv.t) == K_HANDLE) {
                buf_puts(F->out, F->sharpV ? "0" : "0");
                continue;
            }
            if (!fmt_value(F, fv, verb, sp, depth + 1,
                           fname[0] >= 'A' && fname[0] <= 'Z'))
                return false;
        }
        buf_putc(F->out, '}');
        return true;
    }
    case K_PTR:
        if (depth == 0 && vm_is_raw(v) && verb == 'v' && !F->sharpV) {
            vm_kind ek = VM_KIND(prog_type(F->p, v.t)->elem);
            if (kind_is_aggregate(ek) || ek == K_SLICE || ek == K_MAP) {
                /* Go prints &{...}: what is there, which is nothing */
                F->raw = true;
                F->rawp = v;
                return false;
            }
        }
        if (depth == 0 && v.v.o && verb == 'v') {
            vm_value t = vm_pointee(F->c->g, v);
            vm_kind tk = VM_KIND(t.t);
            if (v.aux == VM_WHOLE || VM_IS_WINDOW(v.aux) || tk == K_SLICE ||
                tk == K_MAP) {
                buf_putc(F->out, '&');
                return fmt_value(F, t, verb, sp, depth + 1, true);
            }
        }
        if (F->sharpV) {
            buf_printf(F->out, "(%s)(", prog_type(F->p, v.t)->name);
            if (v.v.o)
                fmt_pointer(F, v, &no_spec, false);
            else
                buf_puts(F->out, "nil");
            buf_putc(F->out, ')');
            return true;
        }
        if (verb == 'v')
            fmt_pointer(F, v, sp, true);
        else if (strchr("bodxX", verb)) /* Go's fmtPointer: the address */
            fmt_int(F, vm_int(T_UINTPTR, (int64_t)vm_addr_of(F->x, v)),
                    verb, sp);
        else
            bad_verb(F, v, verb, sp);
        return !F->need;
    case K_CHAN:
    case K_FUNC:
        if (verb == 'v')
            fmt_pointer(F, v, sp, true);
        else
            bad_verb(F, v, verb, sp);
        return !F->need;
    case K_HANDLE:
        buf_puts(F->out, "0");
        return true;
    default:
        bad_verb(F, v, verb, sp);
        return !F->need;
    }
}

/* ---- Sprint, Sprintln, Sprintf ------------------------------------------------------ */

static uint32_t nargs_of(vm_value a)
{
    return VM_KIND(a.t) == K_SLICE && a.v.sl ? a.v.sl->len : 0;
}
static vm_value arg_at(vm_value a, uint32_t i)
{
    return *slice_at(a.v.sl, i);
}

static bool do_sprint(fmtx *F, const vm_value *args, uint32_t n, bool ln)
{
    for (uint32_t i = 0; i < n; i++) {
        vm_value v = args[i];
        if (i) {
            bool str = VM_KIND(v.t) == K_STRING && v.t;
            bool pstr = VM_KIND(args[i - 1].t) == K_STRING && args[i - 1].t;
            if (ln || (!str && !pstr))
                buf_putc(F->out, ' ');
        }
        if (!fmt_value(F, v, 'v', &no_spec, 0, true))
            return false;
    }
    if (ln)
        buf_putc(F->out, '\n');
    return true;
}

/* An explicit argument index "[n]" at f[*i] (Go's argNumber): moves
 * *argi to n-1 and returns true when there is one; a bad one clears
 * *good. *reordered records that one was seen. */
static bool arg_number(const char *f, size_t fl, size_t *i, uint32_t *argi,
                       uint32_t n, bool *good, bool *reordered)
{
    size_t j;
    if (*i >= fl || f[*i] != '[')
        return false;
    *reordered = true;
    if (fl - *i < 3) {
        (*i)++;
        *good = false;
        return false;
    }
    for (j = *i + 1; j < fl; j++) {
        if (f[j] == ']') {
            int64_t idx = 0;
            size_t k = *i + 1;
            bool digits = k < j;
            for (; k < j && f[k] >= '0' && f[k] <= '9'; k++)
                if (idx < 1000000)
                    idx = idx * 10 + (f[k] - '0');
            *i = j + 1;
            if (!digits || k != j) {
                *good = false;
                return false;
            }
            if (idx >= 1 && idx - 1 < (int64_t)n) {
                *argi = (uint32_t)(idx - 1);
                return true;
            }
            *good = false;
            return true;
        }
    }
    (*i)++;
    *good = false;
    return false;
}

static bool do_sprintf(fmtx *F, const char *f, size_t fl, const vm_value *args,
                       uint32_t n)
{
    uint32_t argi = 0;
    bool reordered = false;
    for (size_t i = 0; i < fl;) {
        fspec sp = no_spec;
        int verb;
        bool good = true, after;
        if (f[i] != '%') {
            size_t j = i;
            while (j < fl && f[j] != '%')
                j++;
            buf_append(F->out, f + i, j - i);
            i = j;
            continue;
        }
        i++;
        for (; i < fl; i++) {
            if (f[i] == '-')
                sp.minus = true, sp.zero = false;
            else if (f[i] == '+')
                sp.plus = true;
            else if (f[i] == '#')
                sp.sharp = true;
            else if (f[i] == ' ')
                sp.space = true;
            else if (f[i] == '0')
                sp.zero = !sp.minus;
            else
                break;
        }
        after = arg_number(f, fl, &i, &argi, n, &good, &reordered);
        if (i < fl && f[i] == '*') {
            i++;
            if (argi < n && kind_is_int(VM_KIND(args[argi].t))) {
                sp.width = (int)args[argi++].v.i;
                if (sp.width < 0) {
                    sp.minus = true;
                    sp.width = -sp.width;
                }
            } else {
                if (argi < n)
                    argi++;
                buf_puts(F->out, "%!(BADWIDTH)");
            }
            after = false;
        } else {
            while (i < fl && f[i] >= '0' && f[i] <= '9') {
                sp.width = (sp.width < 0 ? 0 : sp.width) * 10 + (f[i] - '0');
                if (sp.width > 100000)
                    sp.width = 100000;
                i++;
                if (after)
                    good = false;
            }
        }
        if (i + 1 < fl && f[i] == '.') {
            i++;
            if (after)
                good = false;
            sp.prec = 0;
            after = arg_number(f, fl, &i, &argi, n, &good, &reordered);
            if (i < fl && f[i] == '*') {
                i++;
                if (argi < n && kind_is_int(VM_KIND(args[argi].t))) {
                    sp.prec = (int)args[argi++].v.i;
                } else {
                    if (argi < n)
                        argi++;
                    buf_puts(F->out, "%!(BADPREC)");
                }
                if (sp.prec < 0)
                    sp.prec = -1;
                after = false;
            } else {
                while (i < fl && f[i] >= '0' && f[i] <= '9') {
                    sp.prec = sp.prec * 10 + (f[i] - '0');
                    if (sp.prec > 10000)
                        sp.prec = 10000;
                    i++;
                }
            }
        }
        if (!after)
            after = arg_number(f, fl, &i, &argi, n, &good, &reordered);
        if (i >= fl) {
            buf_puts(F->out, "%!(NOVERB)");
            break;
        }
        {
            int w;
            verb = utf8_decode((const unsigned char *)f + i, fl - i, &w);
            i += (size_t)(w > 0 ? w : 1);
        }
        if (verb == '%') {
            buf_putc(F->out, '%');
            continue;
        }
        if (!good) {
            buf_printf(F->out, "%%!%c(BADINDEX)", verb);
            continue;
        }
        if (argi >= n) {
            buf_printf(F->out, "%%!%c(MISSING)", verb);
            continue;
        }
        if (verb == 'w')
            verb = 'v';
        F->plusV = verb == 'v' && sp.plus;
        F->sharpV = verb == 'v' && sp.sharp;
        if (F->plusV)
            sp.plus = false;
        if (F->sharpV)
            sp.sharp = false;
        if (!fmt_value(F, args[argi++], verb, &sp, 0, true))
            return false;
        F->plusV = F->sharpV = false;
    }
    if (!reordered && argi < n) {
        buf_puts(F->out, "%!(EXTRA ");
        for (uint32_t k = argi; k < n; k++) {
            if (k > argi)
                buf_puts(F->out, ", ");
            buf_puts(F->out,
                     args[k].t ? prog_type(F->p, args[k].t)->name : "<nil>");
            buf_putc(F->out, '=');
            if (!fmt_value(F, args[k], 'v', &no_spec, 0, true))
                return false;
        }
        buf_putc(F->out, ')');
    }
    return true;
}

/* The argument values of a []any parameter, as an array. */
static const vm_value *args_of(vm_ncall *c, vm_value a, uint32_t *n)
{
    vm_value *v;
    *n = nargs_of(a);
    if (!*n)
        return NULL;
    v = arena_alloc(&c->g->x->e->mem, *n * sizeof *v);
    for (uint32_t i = 0; i < *n; i++)
        v[i] = arg_at(a, i);
    return v;
}

/* Finish a formatting native: the string, or the method call it needs. */
static nat_status finish(vm_ncall *c, fmtx *F, bool ok, buf *b)
{
    if (!ok && F->raw) {
        buf_fini(b);
        vm_raw_deref(c->g, F->rawp);
        return NAT_PANIC;
    }
    if (!ok && F->fault_o) { /* the fault (or refusal) of that read */
        buf_fini(b);
        vm_guard_ok(c->g, F->fault_o, F->fault_i, false);
        if (!c->g->fault)
            return NAT_YIELD; /* the program's fatal error */
        c->g->fault = false;
        return NAT_PANIC;
    }
    if (!ok && F->need) {
        buf_fini(b);
        F->st->calling = true;
        c->f->flags |= FR_CATCH; /* a panicking method is printed */
        return vm_native_call(c, F->need_fn, &F->need_recv, 1);
    }
    c->r[0] = vm_new_str(c->g->x, b->p ? b->p : "", b->len);
    buf_fini(b);
    return NAT_OK;
}

nat_status lib_sprint(vm_ncall *c)
{
    fmtx F;
    buf b;
    uint32_t n;
    const vm_value *a = args_of(c, c->a[0], &n);
    buf_init(&b);
    fmtx_init(&F, c, &b);
    return finish(c, &F, do_sprint(&F, a, n, false), &b);
}

nat_status lib_sprintln(vm_ncall *c)
{
    fmtx F;
    buf b;
    uint32_t n;
    const vm_value *a = args_of(c, c->a[0], &n);
    buf_init(&b);
    fmtx_init(&F, c, &b);
    return finish(c, &F, do_sprint(&F, a, n, true), &b);
}

nat_status lib_sprintf(vm_ncall *c)
{
    fmtx F;
    buf b;
    uint32_t n;
    const vm_value *a = args_of(c, c->a[1], &n);
    vm_value f = c->a[0];
    buf_init(&b);
    fmtx_init(&F, c, &b);
    return finish(c, &F, do_sprintf(&F, f.v.s, f.aux, a, n), &b);
}

/* __output(s) writes s to standard output, __output_err(s) to standard
 * error: both to the program's output, standard output also to an
 * Example's capture (lib_testing.c), once the write is performed. */
static nat_status output(vm_ncall *c, bool to_stdout)
{
    vm_value s = c->a[0];
    op *o;
    if (c->f->pc) {
        if (to_stdout)
            lib_capture_append(c->g->x, s.v.s, s.aux);
        return NAT_OK;
    }
    o = vm_op(c->g, OP_PRINT, NULL);
    o->text = s.v.s;
    o->len = s.aux;
    return NAT_YIELD;
}

nat_status lib_output(vm_ncall *c)
{
    return output(c, true);
}

nat_status lib_output_err(vm_ncall *c)
{
    return output(c, false);
}

/* A float as Go's runtime printfloat writes it (print, println): sign,
 * 7 significant digits, a 3-digit exponent: +1.500000e+000. The digits
 * come from Go's own loop (normalize by 10, add half an ulp of the 7th
 * digit, peel digits), not from printf, so they match Go's bit for bit. */
static void print_float(buf *b, double v)
{
    char d[16];
    int e = 0;
    char sign = '+';
    if (v != v) {
        buf_puts(b, "NaN");
        return;
    }
    if (v + v == v && v > 0) {
        buf_puts(b, "+Inf");
        return;
    }
    if (v + v == v && v < 0) {
        buf_puts(b, "-Inf");
        return;
    }
    if (v == 0) {
        if (1 / v < 0)
            sign = '-';
    } else {
        double h = 5.0;
        if (v < 0) {
            v = -v;
            sign = '-';
        }
        while (v >= 10) {
            e++;
            v /= 10;
        }
        while (v < 1) {
            e--;
            v *= 10;
        }
        for (int i = 0; i < 7; i++)
            h /= 10;
        v += h;
        if (v >= 10) {
            e++;
            v /= 10;
        }
    }
    for (int i = 0; i < 7; i++) {
        int s = (int)v;
        d[i] = (char)(s + '0');
        v -= s;
        v *= 10;
    }
    buf_printf(b, "%c%c.%.6se%c%03d", sign, d[0], d + 1, e < 0 ? '-' : '+',
               e < 0 ? -e : e);
}

/* One operand of print/println as Go's runtime prints it: integers in
 * decimal, floats by print_float, pointers, channels, maps and funcs as
 * hex addresses (0x0 for nil), a slice as [len/cap]address, a nil
 * interface as (0x0,0x0); strings and bools as themselves. */
static bool print_operand(fmtx *F, vm_value v)
{
    switch (VM_KIND(v.t)) {
    case K_NIL:
        buf_puts(F->out, "(0x0,0x0)");
        return true;
    case K_FLOAT64:
    case K_FLOAT32:
    case K_UNTYPED_FLOAT:
        print_float(F->out, v.v.f);
        return true;
    case K_STRUCT:
        if (!vm_cplx_bits(F->p, v.t))
            return fmt_value(F, v, 'v', &no_spec, 0, false);
        buf_putc(F->out, '(');
        print_float(F->out, vm_cplx_part(v, 0));
        print_float(F->out, vm_cplx_part(v, 1));
        buf_puts(F->out, "i)");
        return true;
    case K_PTR:
    case K_CHAN:
    case K_MAP:
    case K_FUNC:
        fmt_pointer(F, v, &no_spec, false);
        return true;
    case K_SLICE:
        buf_printf(F->out, "[%lld/%lld]",
                   (long long)(v.v.sl ? v.v.sl->len : 0),
                   (long long)(v.v.sl ? v.v.sl->cap : 0));
        fmt_pointer(F, v, &no_spec, false);
        return true;
    default:
        return fmt_value(F, v, 'v', &no_spec, 0, false);
    }
}

/* print and println (builtins): formatted as Go's runtime formats them
 * (print_operand), to the program's output; println separates its
 * operands with spaces, print does not. */
static nat_status print_builtin(vm_ncall *c, bool ln)
{
    fmtx F;
    buf b;
    op *o;
    fmt_state *st;
    if (c->f->nat && ((fmt_state *)c->f->nat)->printed)
        return NAT_OK;
    buf_init(&b);
    fmtx_init(&F, c, &b);
    st = F.st;
    for (uint32_t i = 0; i < c->n; i++) {
        if (i && ln)
            buf_putc(&b, ' ');
        if (!print_operand(&F, c->a[i]))
            return finish(c, &F, false, &b);
    }
    if (ln)
        buf_putc(&b, '\n');
    o = vm_op(c->g, OP_PRINT, NULL);
    o->text = arena_strndup(&c->g->x->e->mem, b.p ? b.p : "", b.len);
    o->len = b.len;
    st->printed = true;
    buf_fini(&b);
    return NAT_YIELD;
}

nat_status lib_print(vm_ncall *c)
{
    return print_builtin(c, false);
}

nat_status lib_println(vm_ncall *c)
{
    return print_builtin(c, true);
}

/* assert(cond, args...) failed: the message is the arguments, printed as
 * fmt.Println prints them. */
nat_status lib_assert_fail(vm_ncall *c)
{
    fmtx F;
    buf b;
    op *o;
    buf_init(&b);
    fmtx_init(&F, c, &b);
    if (!do_sprint(&F, c->a, c->n, true))
        return finish(c, &F, false, &b);
    if (b.len && b.p[b.len - 1] == '\n')
        b.len--;
    o = vm_op(c->g, OP_ASSERT, NULL);
    o->text = arena_strndup(&c->g->x->e->mem, b.p ? b.p : "", b.len);
    o->len = b.len;
    buf_fini(&b);
    return NAT_YIELD;
}

/* The text of a goroutine's fatal panic, as Go's printpanicval: an
 * error's Error(), a Stringer's String(), else the value. */
nat_status lib_panicmsg(vm_ncall *c)
{
    fmtx F;
    buf b;
    vm_value v = c->a[0];
    const vm_type *t = prog_type(c->g->x->prog, v.t);
    buf_init(&b);
    fmtx_init(&F, c, &b);
    if (methods(&F, v, 'v', &no_spec))
        return finish(c, &F, !F.need, &b);
    if (t->named && VM_KIND(t->under) != K_STRUCT &&
        VM_KIND(t->under) != K_ARRAY) {
        buf_printf(&b, "%s(", t->name);
        F.sharpV = VM_KIND(v.t) == K_STRING;
        if (!fmt_value(&F, v, 'v', &no_spec, 0, false))
            return finish(c, &F, false, &b);
        buf_putc(&b, ')');
    } else {
        buf_printf(&b, "(%s) ", t->name);
        if (!fmt_value(&F, v, 'v', &no_spec, 0, true))
            return finish(c, &F, false, &b);
    }
    return finish(c, &F, true, &b);
}

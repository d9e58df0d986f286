/* check_size.c: sizes as gc lays types out on amd64: the constants
 * unsafe.Sizeof, Alignof and Offsetof give, and the sizes gc's compiler
 * refuses (cmd/compile's types.CalcSize and ssagen's frame limit): an
 * array larger than the address space, a channel element of 64 kB or
 * more, a stack frame of 1 GB or more (what weft can know of one: its
 * arguments and results, and the arrays a range copies into it). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

#define INVALID_OP "invalid operation: "
#define INVALID_ARG "invalid argument: "

/* ---- unsafe.Sizeof, Alignof, Offsetof ----------------------------------- */

/* Sizes and alignments as gc lays values out on amd64 (go/types'
 * StdSizes for gc/amd64); -1: unknown (a type parameter). */
static int64_t t_layout(checker *k, uint32_t t, int64_t *align, int depth);

/* The offset of field i of struct type u (i == nfields: the struct's
 * size, trailing padding included). */
static int64_t field_offset(checker *k, const vm_type *u, uint32_t i,
                            int64_t *align, int depth)
{
    int64_t off = 0, maxa = 1, last = -1;
    for (uint32_t j = 0; j < u->nfields; j++) {
        int64_t a, sz = t_layout(k, u->fields[j].type, &a, depth + 1);
        if (sz < 0)
            return -1;
        off = (off + a - 1) / a * a;
        if (j == i)
            return off;
        off += sz;
        last = sz;
        if (a > maxa)
            maxa = a;
    }
    if (last == 0 && off > 0)
        off++; /* a zero-size final field gets a byte, as gc pads it */
    *align = maxa;
    return (off + maxa - 1) / maxa * maxa;
}

static int64_t t_layout(checker *k, uint32_t t, int64_t *align, int depth)
{
    const vm_type *u;
    int64_t sz;
    *align = 8;
    if (!t || ck_is_tparam(t) || depth > 64)
        return -1;
    t = ck_default(t);
    u = prog_type(k->prog, ck_under(k, t));
    switch (VM_KIND(u->id)) {
    case K_ARRAY:
        sz = t_layout(k, u->elem, align, depth + 1);
        return sz < 0 ? -1 : sz * u->len;
    case K_STRUCT:
        return field_offset(k, u, u->nfields, align, depth);
    default:
        return vm_kind_size(VM_KIND(u->id), align);
    }
}

/* unsafe.Sizeof(x), Alignof(x), Offsetof(x.f) (which: 'S', 'A', 'O'):
 * constants of type uintptr; x is not evaluated. */
static void unsafe_call(checker *k, operand *x, ast_node *call, int which)
{
    ast_list args = call->u.call.args;
    int64_t v, a = 8;
    if (args.n != 1) {
        ck_errorf(k, call, INVALID_OP "%s arguments for %s (expected 1, "
                                      "found %zu)",
                  args.n ? "too many" : "not enough", ck_estr(k, call), args.n);
        ck_invalidate(x);
        return;
    }
    if (which == 'O') {
        ast_node *sx = args.v[0];
        ck_info *in;
        while (sx->kind == AST_PAREN)
            sx = sx->u.paren.x;
        if (sx->kind != AST_SELECTOR) {
            ck_errorf(k, sx, INVALID_ARG "%s is not a selector expression",
                      ck_estr(k, sx));
            ck_invalidate(x);
            return;
        }
        ck_expr(k, x, sx);
        if (x->mode == CK_INVALID)
            return;
        in = ck_info_get(k, sx);
        if (!in || !in->sel || in->sel->kind != SEL_FIELD) {
            ck_errorf(k, sx, INVALID_ARG "%s is a method value", ck_estr(k, sx));
            ck_invalidate(x);
            return;
        }
        {
            /* the offset of the last field of the path, from the struct
             * holding it (go/types: the embedded ones' offsets added) */
            uint32_t t = in->sel->recv;
            v = 0;
            for (uint8_t i = 0; i < in->sel->npath && v >= 0; i++) {
                const vm_type *u = prog_type(k->prog, ck_under(k, t));
                int64_t o, al;
                if (VM_KIND(u->id) == K_PTR && i > 0) {
                    /* an embedded pointer on the way (the operand's own
                     * pointer is dereferenced, as go/types does) */
                    ck_errorf(k, sx, INVALID_ARG "field %s is embedded via "
                                                 "a pointer in %s",
                              sx->u.selector.sel->u.ident.name,
                              ck_estr(k, sx->u.selector.x));
                    ck_invalidate(x);
                    return;
                }
                if (VM_KIND(u->id) == K_PTR)
                    u = prog_type(k->prog, ck_under(k, u->elem));
                if (VM_KIND(u->id) != K_STRUCT ||
                    in->sel->path[i] >= u->nfields) {
                    v = -1;
                    break;
                }
                o = field_offset(k, u, in->sel->path[i], &al, 0);
                v = o < 0 ? -1 : v + o;
                t = u->fields[in->sel->path[i]].type;
            }
        }
    } else {
        ck_expr(k, x, args.v[0]);
        if (x->mode == CK_INVALID)
            return;
        ck_convert_untyped(k, x, ck_default(x->type));
        v = t_layout(k, x->type, &a, 0);
        if (which == 'A')
            v = v < 0 ? -1 : a;
    }
    if (v < 0) {
        /* the layout depends on a type parameter: not a constant (Go
         * spec, "Package unsafe"); each instance computes it
         * (compile_call.c's unsafe_layout) */
        x->mode = CK_VALUE;
        x->type = T_UINTPTR;
        x->expr = call;
        return;
    }
    x->mode = CK_CONST;
    x->type = T_UINTPTR;
    x->val = const_int64(&k->mem, v);
    x->expr = call;
}

/* Is call a call of unsafe.Sizeof, Alignof or Offsetof? Its letter. */
static int unsafe_fn(checker *k, ast_node *call)
{
    ast_node *fn = call->u.call.fn;
    res_sym *p;
    const char *nm;
    while (fn->kind == AST_PAREN)
        fn = fn->u.paren.x;
    if (fn->kind != AST_SELECTOR || fn->u.selector.x->kind != AST_IDENT)
        return 0;
    p = ck_sym(k, fn->u.selector.x);
    if (!p || p->kind != RS_PKG || !p->target ||
        strcmp(p->target->path, "unsafe"))
        return 0;
    nm = fn->u.selector.sel->u.ident.name;
    if (!strcmp(nm, "Sizeof") || !strcmp(nm, "Alignof") ||
        !strcmp(nm, "Offsetof")) {
        ck_use_sym(k, p);
        return nm[0];
    }
    return 0;
}

bool ck_unsafe_call(checker *k, operand *x, ast_node *call)
{
    int u = unsafe_fn(k, call);
    if (u)
        unsafe_call(k, x, call, u);
    return u != 0;
}

/* Does t hold a type parameter (its size unknown until instantiated)? */
static bool has_tparam(checker *k, uint32_t t, int depth)
{
    const vm_type *u;
    if (!t || depth > 64)
        return false;
    if (ck_is_tparam(t))
        return true;
    u = prog_type(k->prog, ck_under(k, t));
    switch (VM_KIND(u->id)) {
    case K_ARRAY:
        return has_tparam(k, u->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < u->nfields; i++)
            if (has_tparam(k, u->fields[i].type, depth + 1))
                return true;
        return false;
    default:
        return false;
    }
}

/* gc's limit on a stack frame (ssagen's maxStackSize). */
#define MAX_FRAME ((int64_t)1 << 30)

/* gc's limit on a type's size on amd64 (types.MaxWidth). */
#define MAX_WIDTH ((int64_t)1 << 50)

void ck_array_size(checker *k, ast_node *n, uint32_t elem, int64_t len)
{
    int64_t w;
    if (has_tparam(k, elem, 0) || ck_type_pending(k, elem, 0))
        return;
    w = vm_type_size(k->prog, elem);
    if (w > 0 && len > (MAX_WIDTH - 1) / w)
        ck_errorf(k, n, "type [%lld]%s larger than address space",
                  (long long)len, ck_tstr(k, elem));
}

void ck_chan_elem_size(checker *k, ast_node *n, uint32_t elem)
{
    if (!has_tparam(k, elem, 0) &&
        vm_type_size(k->prog, elem) >= ((int64_t)1 << 16))
        ck_errorf(k, n, "channel element type too large (>64kB)");
}

void ck_frame_size(checker *k, const ck_func *f)
{
    const vm_type *sig = prog_type(k->prog, f->sig);
    int64_t args = 0;
    const ast_node *at = f->node;
    uint32_t n = sig->nparams + sig->nresults;
    /* the types first: measuring may make types (the table may move) */
    uint32_t *ts = malloc((n + 1) * sizeof *ts);
    ts[0] = f->recv; /* a method's receiver is an argument too */
    if (n)
        memcpy(ts + 1, sig->params, n * sizeof *ts);
    for (uint32_t i = 0; i <= n; i++) {
        int64_t a, w;
        if (!ts[i])
            continue;
        if (has_tparam(k, ts[i], 0)) {
            free(ts);
            return; /* its size waits for an instance */
        }
        w = vm_type_layout(k->prog, ts[i], &a);
        args = (args + a - 1) / a * a + w;
    }
    free(ts);
    if (f->frame < MAX_FRAME && args < MAX_FRAME)
        return;
    if (f->node->kind == AST_FUNC_DECL)
        at = f->node->u.func_decl.name;
    ck_errorf(k, at, "stack frame too large (>1GB): %lld MB locals + %lld MB "
                     "args",
              (long long)(f->frame >> 20), (long long)(args >> 20));
}

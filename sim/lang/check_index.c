/* check_index.c: indexing, slicing and explicit instantiation for the
 * checker (check_int.h), after types2's index.go. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/lang/check_int.h"
#define INVALID_OP "invalid operation: "
#define INVALID_ARG "invalid argument: "

/* ---- indexing and slicing ---------------------------------------------------------- */

/* An index (or slice bound) value: integer, non-negative constant below
 * max (if max >= 0). Returns false on error; *val is the constant or -1. */
bool ck_index(checker *k, ast_node *n, int64_t max, int64_t *val)
{
    operand x;
    int64_t v;
    *val = -1;
    ck_expr(k, &x, n);
    if (x.mode == CK_INVALID)
        return false;
    ck_convert_untyped(k, &x, T_INT);
    if (x.mode == CK_INVALID)
        return false;
    if (x.type && !ck_is_integer(k, x.type)) {
        ck_errorf(k, n, INVALID_ARG "index %s must be integer",
                  ck_op_str(k, &x));
        return false;
    }
    if (x.mode != CK_CONST)
        return true;
    if (const_sign(x.val) < 0) {
        ck_errorf(k, n, INVALID_ARG "index %s must not be negative",
                  ck_op_str(k, &x));
        return false;
    }
    if (!const_int64_val(x.val, &v)) {
        ck_errorf(k, n, INVALID_ARG "index %s overflows int",
                  ck_op_str(k, &x));
        return false;
    }
    if (max >= 0 && v >= max) {
        buf b;
        buf_init(&b);
        const_format(&b, x.val);
        ck_errorf(k, n, INVALID_ARG "index %s out of bounds [0:%lld]", b.p,
                  (long long)max);
        buf_fini(&b);
        return false;
    }
    *val = v;
    return true;
}

/* F[A, B]: type arguments for generic function x (all of them: x is
 * instantiated; some: the rest is inferred at the call). */
static void func_inst(checker *k, operand *x, ast_node *n)
{
    uint32_t args[16], na = 0;
    ast_node *idx[17];
    idx[0] = n->u.index.index;
    for (size_t i = 0; i < n->u.index.more.n && i < 16; i++)
        idx[i + 1] = n->u.index.more.v[i];
    for (size_t i = 0; i <= n->u.index.more.n && na < 16; i++) {
        uint32_t t = ck_typexpr(k, idx[i]);
        if (!t) {
            ck_invalidate(x);
            return;
        }
        args[na++] = t;
    }
    if (na > x->ntparams) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n->u.index.x);
        ck_errorf(k, idx[x->ntparams], "got %u type arguments but %s has %u "
                                       "type parameters",
                  na, b.p, x->ntparams);
        buf_fini(&b);
        ck_invalidate(x);
        return;
    }
    memcpy(x->targs, args, na * sizeof *args);
    x->ntargs = na;
    if (na == x->ntparams) {
        ck_info *in;
        if (!ck_verify_targs(k, n, x->tparams, args, na)) {
            ck_invalidate(x);
            return;
        }
        x->type = ck_subst(k, x->type, x->tparams, args, na);
        in = ck_info_put(k, n);
        in->targs = arena_alloc(&k->mem, na * sizeof *args);
        memcpy(in->targs, args, na * sizeof *args);
        in->ntargs = na;
        x->tparams = NULL;
        x->ntparams = 0;
        x->ntargs = 0;
    }
    x->mode = CK_VALUE;
}

void ck_index_expr(checker *k, operand *x, ast_node *n)
{
    const vm_type *u;
    int64_t length = -1, v;
    bool valid = false;
    {
        bool saved = k->generic_base;
        k->generic_base = true;
        ck_raw_expr(k, x, n->u.index.x, 0, true);
        k->generic_base = saved;
    }
    if (x->mode == CK_NOVALUE) {
        ck_errorf(k, n->u.index.x, "%s used as value", ck_op_str(k, x));
        ck_invalidate(x);
    }
    if (x->mode == CK_INVALID)
        return;
    if (x->mode == CK_TYPE) {
        /* G[A] as an expression: a type (a conversion's, a literal's) */
        x->type = ck_typexpr(k, n);
        if (!x->type)
            ck_invalidate(x);
        return;
    }
    if (x->ntparams) {
        func_inst(k, x, n);
        return;
    }
    if (n->u.index.more.n) {
        ck_errorf(k, n->u.index.more.v[0], "unexpected comma; expecting ]");
        ck_invalidate(x);
        return;
    }
    ck_single_value(k, x);
    if (x->mode == CK_INVALID)
        return;
    if (!x->type) {
        operand i;
        ck_expr(k, &i, n->u.index.index);
        x->mode = CK_VALUE;
        return;
    }
    if (ck_is_tparam(x->type) && !ck_core(k, x->type)) {
        /* every type of the set indexable, with one element type */
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog,
                                                                 x->type)
                                                           ->elem));
        uint32_t elem = 0, key = 0;
        bool ok = b->has_terms && b->nterms, var = x->mode == CK_VAR;
        int64_t len = -1;
        for (uint32_t i = 0; ok && i < b->nterms; i++) {
            const vm_type *t = prog_type(k->prog, ck_under(k, b->terms[i]));
            uint32_t e = 0, kk = 0;
            int64_t l = -1;
            if (VM_KIND(t->id) == K_PTR && t->elem &&
                VM_KIND(ck_under(k, t->elem)) == K_ARRAY) {
                t = prog_type(k->prog, ck_under(k, t->elem));
                var = true;
            }
            switch (VM_KIND(t->id)) {
            case K_STRING:
                e = T_UINT8;
                var = false;
                break;
            case K_ARRAY:
                e = t->elem;
                l = t->len;
                break;
            case K_SLICE:
                e = t->elem;
                var = true;
                break;
            case K_MAP:
                e = t->elem;
                kk = t->key;
                break;
            default:
                break;
            }
            if (!e || (i && (e != elem || kk != key)))
                ok = false;
            elem = e;
            key = kk;
            if (l >= 0 && (len < 0 || l < len))
                len = l;
        }
        if (ok) {
            int64_t iv;
            if (key) {
                operand kx;
                ck_expr(k, &kx, n->u.index.index);
                ck_assignment(k, &kx, key, "map index");
                x->mode = CK_MAPINDEX;
            } else {
                ck_index(k, n->u.index.index, len, &iv);
                x->mode = var ? CK_VAR : CK_VALUE;
            }
            x->type = elem;
            if (k->failed)
                ck_invalidate(x);
            return;
        }
    }
    u = prog_type(k->prog, ck_core(k, x->type));
    switch (VM_KIND(u->id)) {
    case K_STRING:
        if (x->type == T_RTERROR)
            break;
        valid = true;
        if (x->mode == CK_CONST)
            length = (int64_t)x->val.n;
        x->mode = CK_VALUE;
        x->type = T_UINT8;
        break;
    case K_ARRAY:
        valid = true;
        length = u->len;
        if (x->mode != CK_VAR)
            x->mode = CK_VALUE;
        x->type = u->elem;
        break;
    case K_PTR: {
        const vm_type *a = prog_type(k->prog, ck_under(k, u->elem));
        if (u->elem && VM_KIND(a->id) == K_ARRAY) {
            valid = true;
            length = a->len;
            x->mode = CK_VAR;
            x->type = a->elem;
        }
        break;
    }
    case K_SLICE:
        valid = true;
        x->mode = CK_VAR;
        x->type = u->elem;
        break;
    case K_MAP: {
        operand key;
        uint32_t kt = u->key, vt = u->elem;
        ck_expr(k, &key, n->u.index.index);
        ck_assignment(k, &key, kt, "map index");
        x->mode = CK_MAPINDEX;
        x->type = vt;
        return;
    }
    default:
        break;
    }
    if (!valid) {
        char m[700];
        snprintf(m, sizeof m, INVALID_OP "cannot index %s", ck_op_str(k, x));
        ck_errorp(k, n, m);
        ck_invalidate(x);
        return;
    }
    ck_index(k, n->u.index.index, length, &v);
    if (k->failed)
        ck_invalidate(x);
}

void ck_slice_expr(checker *k, operand *x, ast_node *n)
{
    const vm_type *u;
    int64_t length = -1;
    bool valid = false;
    ast_node *idx[3] = {n->u.slice.lo, n->u.slice.hi, n->u.slice.max};
    int64_t ind[3];
    ck_expr(k, x, n->u.slice.x);
    if (x->mode == CK_INVALID)
        return;
    if (!x->type) {
        for (int i = 0; i < 3; i++)
            if (idx[i]) {
                operand y;
                ck_expr(k, &y, idx[i]);
            }
        x->mode = CK_VALUE;
        return;
    }
    u = prog_type(k->prog, ck_core(k, x->type));
    switch (VM_KIND(u->id)) {
    case K_STRING:
        if (n->u.slice.three) {
            ck_errorf(k, n->u.slice.max, INVALID_OP "3-index slice of string");
            ck_invalidate(x);
            return;
        }
        valid = true;
        if (x->mode == CK_CONST)
            length = (int64_t)x->val.n;
        if (ck_is_untyped(x->type))
            x->type = T_STRING;
        break;
    case K_ARRAY:
        valid = true;
        length = u->len;
        if (x->mode != CK_VAR) {
            ck_errorf(k, n->u.slice.x, INVALID_OP "%s (slice of unaddressable "
                                                  "value)",
                      ck_op_str(k, x));
            ck_invalidate(x);
            return;
        }
        x->type = type_slice(k->prog, u->elem);
        break;
    case K_PTR: {
        const vm_type *a = u->elem ? prog_type(k->prog, ck_under(k, u->elem))
                                   : NULL;
        if (a && VM_KIND(a->id) == K_ARRAY) {
            valid = true;
            length = a->len;
            x->type = type_slice(k->prog, a->elem);
        }
        break;
    }
    case K_SLICE:
        valid = true;
        break;
    default:
        break;
    }
    if (!valid) {
        ck_errorf(k, n->u.slice.x, "cannot slice %s", ck_op_str(k, x));
        ck_invalidate(x);
        return;
    }
    x->mode = CK_VALUE;
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (idx[i]) {
            if (!ck_index(k, idx[i], length >= 0 ? length + 1 : -1, &v)) {
                ck_invalidate(x);
                return;
            }
        } else if (i == 0) {
            v = 0;
        } else if (length >= 0) {
            v = length;
        }
        ind[i] = v;
    }
    for (int i = 0; i < 2; i++)
        if (ind[i] > 0)
            for (int j = i + 1; j < 3; j++)
                if (ind[j] >= 0 && ind[j] < ind[i]) {
                    ck_errorf(k, idx[j], "invalid slice indices: %lld < %lld",
                              (long long)ind[j], (long long)ind[i]);
                    ck_invalidate(x);
                    return;
                }
}

/* check_expr.c: expressions (check_int.h), after types2's expr.go and
 * assignments.go: operands, constants' representability, untyped
 * conversion and its delayed recording, assignability of operands,
 * identifiers, selectors, function literals, type assertions, and the
 * dispatcher over every kind of expression. Literals are in check_lit.c,
 * indexing and slicing in check_index.c, operators in check_op.c.
 * Messages are types2's (Go 1.22), at the start of the offending
 * expression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

#define INVALID_OP "invalid operation: "

void ck_use_sym(checker *k, res_sym *s)
{
    if (s && (s->kind == RS_LOCAL || s->kind == RS_PKG))
        ck_obj_get(k, s)->used = true;
}

/* Report an error at n's own position (not its start). */
void ck_errorp(checker *k, const ast_node *n, const char *msg)
{
    int line, col;
    const char *path;
    if (k->errpos)
        n = k->errpos;
    path = res_node_pos(k->R, n,
                        k->pkg && k->pkg->file ? k->pkg->file->path : "",
                        &line, &col);
    ck_error_at(k, path, line, col, msg);
}

/* ---- recording and untyped values -------------------------------------- */

void ck_remember(checker *k, operand *x)
{
    ck_info *in;
    if (!x->expr)
        return;
    ck_record(k, x);
    in = ck_info_get(k, x->expr);
    in->untyped = x->mode != CK_INVALID && ck_is_untyped(x->type);
}

void ck_update_expr_type(checker *k, ast_node *n, uint32_t t, bool final)
{
    ck_info *in = ck_info_get(k, n);
    if (!in || !in->untyped || k->failed)
        return;
    switch (n->kind) {
    case AST_PAREN:
        ck_update_expr_type(k, n->u.paren.x, t, final);
        break;
    case AST_UNARY:
        if (!in->has_val)
            ck_update_expr_type(k, n->u.unary.x, t, final);
        break;
    case AST_BINARY: {
        lex_kind opk = n->u.binary.op;
        if (in->has_val)
            break;
        if (opk == TK_EQL || opk == TK_NEQ || opk == TK_LSS || opk == TK_LEQ ||
            opk == TK_GTR || opk == TK_GEQ)
            break; /* operands have their own final types */
        if (opk == TK_SHL || opk == TK_SHR) {
            ck_update_expr_type(k, n->u.binary.x, t, final);
            break;
        }
        ck_update_expr_type(k, n->u.binary.x, t, final);
        ck_update_expr_type(k, n->u.binary.y, t, final);
        break;
    }
    default:
        break;
    }
    if (!final && ck_is_untyped(t)) {
        in->type = t;
        return;
    }
    in->untyped = false;
    if (in->shift_lhs && !ck_is_integer(k, t)) {
        operand x;
        char m[600];
        memset(&x, 0, sizeof x);
        x.mode = (ck_mode)in->mode;
        x.expr = n;
        x.type = in->type;
        if (in->has_val)
            x.val = *in->val;
        {
            buf b;
            buf_init(&b);
            ck_expr_str(&b, n);
            snprintf(m, sizeof m, INVALID_OP "shifted operand %s (type %s) "
                                             "must be integer",
                     b.p, ck_tstr(k, t));
            buf_fini(&b);
        }
        ck_errorf(k, n, "%s", m);
        return;
    }
    in->type = t;
    if (in->has_val && !ck_is_untyped(t)) {
        /* the value in its final type (rounded to float32, ...) */
        operand x;
        memset(&x, 0, sizeof x);
        x.mode = CK_CONST;
        x.type = in->type;
        x.val = *in->val;
        x.expr = n;
    }
}

static void update_expr_val(checker *k, ast_node *n, const_val v)
{
    ck_info *in = ck_info_get(k, n);
    if (in && in->has_val)
        *in->val = v;
}

/* ---- constants --------------------------------------------------------- */

/* Is v representable as basic type t? *rounded gets the value in t. */
static bool representable_val(checker *k, const_val v, uint32_t t,
                              const_val *rounded)
{
    uint32_t u = ck_under(k, t);
    if (rounded)
        *rounded = v;
    if (v.k == CONST_UNKNOWN)
        return true;
    if (ck_is_integer(k, t)) {
        const_val iv = const_to_int(&k->mem, v);
        int64_t i;
        uint64_t uv;
        if (iv.k != CONST_INT)
            return false;
        if (rounded)
            *rounded = iv;
        if (t == T_UINT_K || t == T_URUNE_K)
            return true;
        switch (VM_KIND(u)) {
        case K_INT:
        case K_INT64:
            return const_int64_val(iv, &i);
        case K_INT8:
            return const_int64_val(iv, &i) && i >= -128 && i <= 127;
        case K_INT16:
            return const_int64_val(iv, &i) && i >= -32768 && i <= 32767;
        case K_INT32:
            return const_int64_val(iv, &i) && i >= INT32_MIN && i <= INT32_MAX;
        case K_UINT8:
            return const_uint64_val(iv, &uv) && uv <= 0xff;
        case K_UINT16:
            return const_uint64_val(iv, &uv) && uv <= 0xffff;
        case K_UINT32:
            return const_uint64_val(iv, &uv) && uv <= 0xffffffffu;
        default: /* uint, uint64, uintptr */
            return const_uint64_val(iv, &uv);
        }
    }
    if (ck_is_float(k, t)) {
        const_val fv = const_to_float(&k->mem, v);
        bool exact;
        double f;
        if (fv.k != CONST_FLOAT)
            return false;
        if (t == T_UFLT_K) {
            if (rounded)
                *rounded = fv;
            return true;
        }
        f = VM_KIND(u) == K_FLOAT32 ? const_float32_val(fv, &exact)
                                    : const_float64_val(fv, &exact);
        if (f != f || f > 1.7976931348623157e308 || f < -1.7976931348623157e308)
            return false;
        if (rounded)
            *rounded = exact ? fv : const_float64(&k->mem, f);
        return true;
    }
    if (ck_is_complex(k, t)) {
        /* each part rounded to the parts' float type */
        const_val cv = const_to_complex(&k->mem, v), re, im;
        uint32_t ft = u == T_COMPLEX64 ? T_FLOAT32 : T_FLOAT64;
        if (cv.k != CONST_COMPLEX)
            return false;
        if (t == T_UCPLX) {
            if (rounded)
                *rounded = cv;
            return true;
        }
        if (!representable_val(k, const_real(&k->mem, cv), ft, &re) ||
            !representable_val(k, const_imag(&k->mem, cv), ft, &im))
            return false;
        if (rounded)
            *rounded = const_make_complex(&k->mem, re, im);
        return true;
    }
    if (ck_is_string(k, t))
        return v.k == CONST_STRING;
    if (ck_is_boolean(k, t))
        return v.k == CONST_BOOL;
    return false;
}

bool ck_representable(checker *k, operand *x, uint32_t t, bool report)
{
    const_val r = x->val;
    if (representable_val(k, x->val, t, &r)) {
        x->val = r;
        return true;
    }
    if (report) {
        const char *xs = ck_op_str(k, x);
        if (ck_is_numeric(k, x->type) && ck_is_numeric(k, t)) {
            if (!ck_is_integer(k, x->type) && ck_is_integer(k, t))
                ck_errorf(k, x->expr, "%s truncated to %s", xs, ck_tstr(k, t));
            else
                ck_errorf(k, x->expr, "%s overflows %s", xs, ck_tstr(k, t));
        } else {
            ck_errorf(k, x->expr, "cannot convert %s to type %s", xs,
                      ck_tstr(k, t));
        }
        ck_invalidate(x);
    }
    return false;
}

/* ---- untyped conversion --------------------------------------------------- */

/* The larger of two untyped numeric kinds (int < rune < float <
 * complex). */
static uint32_t max_untyped(uint32_t a, uint32_t b)
{
    static const uint32_t order[] = {T_UINT_K, T_URUNE_K, T_UFLT_K, T_UCPLX};
    int ia = -1, ib = -1;
    for (int i = 0; i < 4; i++) {
        if (order[i] == a)
            ia = i;
        if (order[i] == b)
            ib = i;
    }
    if (ia < 0 || ib < 0)
        return a == b ? a : 0;
    return ia > ib ? a : b;
}

/* types2's implicitTypeAndValue: the type x takes in target (0: it
 * cannot; *code: 1 truncated, 2 overflows). */
static uint32_t implicit_type(checker *k, operand *x, uint32_t target,
                              const_val *val, int *code)
{
    uint32_t u;
    *code = 0;
    if (x->mode == CK_INVALID || !ck_is_untyped(x->type) || !target)
        return x->type;
    if (ck_is_untyped(target)) {
        if (ck_is_numeric(k, x->type) && ck_is_numeric(k, target))
            return max_untyped(x->type, target);
        return x->type == target ? target : 0;
    }
    if (ck_is_tparam(target)) {
        /* representable by every type of its type set; stays a value of
         * type target (a constant in each instance) */
        const vm_type *b = prog_type(k->prog, ck_under(k,
                                                       prog_type(k->prog,
                                                                 target)
                                                           ->elem));
        if (!b->has_terms || !b->nterms)
            return 0;
        for (uint32_t i = 0; i < b->nterms; i++) {
            operand y = *x;
            const_val dummy;
            int c;
            if (!implicit_type(k, &y, b->terms[i], &dummy, &c))
                return 0;
        }
        if (x->type == T_UNIL)
            return T_UNIL;
        return target;
    }
    if (x->type == T_UNIL)
        return ck_has_nil(k, target) ? target : 0;
    u = ck_under(k, target);
    switch (VM_KIND(u)) {
    case K_IFACE:
        if (prog_type(k->prog, u)->nimethods)
            return 0;
        return ck_default(x->type);
    default:
        if (!ck_is_const_type(k, target))
            return 0;
        if (x->mode == CK_CONST) {
            const_val r;
            if (!representable_val(k, x->val, target, &r)) {
                if (ck_is_numeric(k, x->type) && ck_is_numeric(k, target))
                    *code = !ck_is_integer(k, x->type) &&
                                    ck_is_integer(k, target)
                                ? 1
                                : 2;
                return 0;
            }
            *val = r;
            return target;
        }
        if (x->type == T_UBOOL)
            return ck_is_boolean(k, target) ? target : 0;
        if (x->type == T_USTR)
            return ck_is_string(k, target) ? target : 0;
        return ck_is_numeric(k, target) ? target : 0;
    }
}

void ck_convert_untyped(checker *k, operand *x, uint32_t target)
{
    const_val v = x->val;
    int code;
    uint32_t nt;
    if (x->mode == CK_INVALID || !ck_is_untyped(x->type) || !target)
        return;
    nt = implicit_type(k, x, target, &v, &code);
    if (!nt) {
        const char *xs = ck_op_str(k, x);
        uint32_t t = ck_is_untyped(target) ? target : ck_under(k, target);
        if (code == 1)
            ck_errorf(k, x->expr, "%s truncated to %s", xs, ck_tstr(k, t));
        else if (code == 2)
            ck_errorf(k, x->expr, "%s overflows %s", xs, ck_tstr(k, t));
        else
            ck_errorf(k, x->expr, "cannot convert %s to type %s", xs,
                      ck_tstr(k, t));
        ck_invalidate(x);
        return;
    }
    if (x->mode == CK_CONST) {
        x->val = v;
        if (x->expr)
            update_expr_val(k, x->expr, v);
    }
    if (nt != x->type) {
        x->type = nt;
        if (x->expr)
            ck_update_expr_type(k, x->expr, nt, false);
    }
}

/* ---- assignment ------------------------------------------------------------- */

void ck_single_value(checker *k, operand *x)
{
    if (x->mode != CK_INVALID && x->type && VM_KIND(x->type) == K_TUPLE &&
        x->mode != CK_TYPE) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, x->expr);
        ck_errorf(k, x->expr, "multiple-value %s (value of type %s) in "
                              "single-value context",
                  b.p ? b.p : "", ck_tstr(k, x->type));
        buf_fini(&b);
        ck_invalidate(x);
    }
}

void ck_assignment(checker *k, operand *x, uint32_t t, const char *context)
{
    char why[700];
    ck_single_value(k, x);
    switch (x->mode) {
    case CK_INVALID:
        return;
    case CK_CONST:
    case CK_VAR:
    case CK_MAPINDEX:
    case CK_VALUE:
    case CK_COMMAOK:
        break;
    default:
        ck_errorf(k, x->expr, "cannot assign %s to %s in %s",
                  ck_op_str(k, x), ck_tstr(k, t), context);
        ck_invalidate(x);
        return;
    }
    if (ck_is_untyped(x->type)) {
        uint32_t target = t;
        const_val v = x->val;
        int code;
        uint32_t nt;
        if (x->type == T_UNIL) {
            if (!t) {
                ck_errorf(k, x->expr, "use of untyped nil in %s", context);
                ck_invalidate(x);
                return;
            }
        } else if (!t || ck_is_interface(k, t)) {
            target = ck_default(x->type);
        }
        nt = implicit_type(k, x, target, &v, &code);
        if (!nt) {
            ck_errorf(k, x->expr, "cannot use %s as %s value in %s%s",
                      ck_op_str(k, x), ck_tstr(k, target), context,
                      code == 1   ? " (truncated)"
                      : code == 2 ? " (overflows)"
                                  : "");
            ck_invalidate(x);
            return;
        }
        if (x->mode == CK_CONST) {
            x->val = v;
            update_expr_val(k, x->expr, v);
        }
        if (nt != x->type) {
            x->type = nt;
            ck_update_expr_type(k, x->expr, nt, false);
        }
    }
    if (!t)
        return;
    if (!ck_assignable(k, x, t, why, sizeof why)) {
        if (why[0])
            ck_errorf(k, x->expr, "cannot use %s as %s value in %s: %s",
                      ck_op_str(k, x), ck_tstr(k, t), context, why);
        else
            ck_errorf(k, x->expr, "cannot use %s as %s value in %s",
                      ck_op_str(k, x), ck_tstr(k, t), context);
        ck_invalidate(x);
    }
}

/* ---- identifiers --------------------------------------------------------------- */

static void ident_sym(checker *k, operand *x, ast_node *n, res_sym *s);

static void ident(checker *k, operand *x, ast_node *n)
{
    res_sym *s;
    if (!strcmp(n->u.ident.name, "_")) {
        ck_errorf(k, n, "cannot use _ as value");
        return;
    }
    s = ck_sym(k, n);
    x->sym = s;
    if (!s) {
        ck_errorf(k, n, "undefined: %s", n->u.ident.name);
        return;
    }
    ident_sym(k, x, n, s);
}

static void ident_sym(checker *k, operand *x, ast_node *n, res_sym *s)
{
    ck_obj *o;
    switch (s->kind) {
    case RS_PKG:
        ck_errorf(k, n, "use of package %s without selector", s->name);
        return;
    case RS_CONST:
        if (s->fn && k->const_spec && s->ident &&
            (s->ident->line > k->const_spec->line ||
             (s->ident->line == k->const_spec->line &&
              s->ident->col >= k->const_spec->col))) {
            /* const (X = X + X; Y): the implicit spec Y shares X + X,
             * resolved once, to the meaning it has in Y (the local X); in
             * the spec declaring X, a local X cannot be meant yet: the
             * package's or the universe's is */
            res_sym *outer = res_pkg_sym(k->R, k->pkg, s->name);
            if (!outer)
                outer = res_universe(k->R, s->name);
            if (outer && outer != s) {
                if (outer->kind == RS_IOTA) {
                    x->mode = CK_CONST;
                    x->type = T_UINT_K;
                    x->val = const_int64(&k->mem, k->iota);
                    return;
                }
                s = outer;
                x->sym = s;
                if (s->kind != RS_CONST) {
                    ident_sym(k, x, n, s);
                    return;
                }
            }
        }
        ck_obj_decl(k, s);
        o = ck_obj_get(k, s);
        if (o->state == 2 && (!o->type || o->bad))
            k->failed = true; /* its declaration had an error: silence */
        if (o->state != 2 || !o->type || o->bad)
            return;
        x->mode = CK_CONST;
        x->type = o->type;
        x->val = o->val;
        return;
    case RS_TRUE:
    case RS_FALSE:
        x->mode = CK_CONST;
        x->type = T_UBOOL;
        x->val = const_bool(s->kind == RS_TRUE);
        return;
    case RS_IOTA:
        if (k->iota < 0) {
            ck_errorf(k, n, "cannot use iota outside constant declaration");
            return;
        }
        x->mode = CK_CONST;
        x->type = T_UINT_K;
        x->val = const_int64(&k->mem, k->iota);
        return;
    case RS_NIL:
        x->mode = CK_VALUE;
        x->type = T_UNIL;
        x->isnil = true;
        return;
    case RS_TYPE:
        x->mode = CK_TYPE;
        x->type = ck_typexpr(k, n);
        if (!x->type)
            ck_invalidate(x);
        return;
    case RS_BUILTIN:
        x->mode = CK_BUILTIN;
        x->builtin = s->builtin;
        return;
    case RS_NATIVE:
        x->mode = CK_VALUE;
        x->type = 0; /* dynamic */
        return;
    case RS_FUNC:
        ck_obj_decl(k, s);
        ck_reach_func(k, s);
        o = ck_obj_get(k, s);
        x->mode = CK_VALUE;
        x->type = o->type;
        x->tparams = o->tparams;
        x->ntparams = o->ntparams;
        if (o->bad)
            k->failed = true; /* its declaration had an error: silence */
        if (!x->type && k->failed)
            ck_invalidate(x);
        return;
    case RS_VAR:
        ck_obj_decl(k, s);
        o = ck_obj_get(k, s);
        x->mode = CK_VAR;
        x->type = o->type;
        if (o->bad)
            k->failed = true; /* its declaration had an error: silence */
        if (!x->type && k->failed)
            ck_invalidate(x);
        return;
    case RS_LOCAL:
        o = ck_obj_get(k, s);
        o->used = true;
        x->mode = CK_VAR;
        x->type = o->type;
        if (o->bad || (!o->state && k->errs.len)) {
            /* declared by a statement with an error, or not declared
             * because of one: its type is invalid, and the statement that
             * uses it says nothing more (go/types) */
            k->failed = true;
            ck_invalidate(x);
        } else if (!o->state) {
            /* referred to before its declaration was checked (a label
             * goto): nothing to say */
            x->type = 0;
        }
        return;
    }
}

/* ---- selectors ------------------------------------------------------------------- */

static ck_selection *new_sel(checker *k, const ck_selection *s)
{
    ck_selection *p = arena_alloc(&k->mem, sizeof *p);
    *p = *s;
    return p;
}

/* go/types' hint for x.name that is not there: ", but does have Name"
 * when the name with its first letter upper-cased is (mu.lock, but does
 * have Lock); "" otherwise. Into out[n]. (Not toward a lower-case name,
 * which another package could not name anyway.) */
static const char *other_case(checker *k, uint32_t t, bool addressable,
                              const char *name, char *out, size_t n)
{
    char flip[128];
    ck_selection sel;
    bool amb = false, need_ptr = false;
    size_t len = strlen(name);
    out[0] = '\0';
    if (!len || len >= sizeof flip ||
        !(name[0] >= 'a' && name[0] <= 'z'))
        return out;
    memcpy(flip, name, len + 1);
    flip[0] = (char)(flip[0] ^ 0x20);
    if (ck_lookup(k, t, addressable, ck_name(k, flip), &sel, &amb,
                  &need_ptr) != SEL_NONE)
        snprintf(out, n, ", but does have %s", flip);
    return out;
}

/* The package a field or method found by ck_lookup from t belongs to:
 * the declaring package of the named type that holds it (the struct a
 * field is in, the type a method is declared on), reached along sel's
 * path of embedded fields; NULL when that holder is unnamed or
 * predeclared (no package to tell). */
static res_pkg *member_pkg(checker *k, uint32_t t, const ck_selection *sel,
                           ck_selkind kind)
{
    uint32_t cur = t;
    uint8_t steps = kind == SEL_FIELD && sel->npath ? sel->npath - 1
                                                    : sel->npath;
    const ck_named *nm;
    for (uint8_t i = 0;; i++) {
        if (VM_KIND(cur) == K_PTR && !prog_type(k->prog, cur)->named)
            cur = prog_type(k->prog, cur)->elem;
        if (i == steps)
            break;
        {
            const vm_type *u = prog_type(k->prog, ck_under(k, cur));
            if (VM_KIND(u->id) != K_STRUCT || sel->path[i] >= u->nfields)
                return NULL;
            cur = u->fields[sel->path[i]].type;
        }
    }
    if (!cur || !prog_type(k->prog, cur)->named)
        return NULL;
    nm = ck_named_of(k, cur);
    return nm && nm->sym ? nm->sym->pkg : NULL;
}

/* Go's rule for x.name when name is not exported: a field or method of
 * another package is not there for this one (go/types looks members up by
 * package and name: "has no field or method"). */
static bool foreign_unexported(checker *k, uint32_t t, const char *name,
                               const ck_selection *sel, ck_selkind kind)
{
    res_pkg *owner;
    if ((name[0] >= 'A' && name[0] <= 'Z') || (unsigned char)name[0] >= 0x80)
        return false; /* exported (a non-ASCII letter: not judged here) */
    if (kind != SEL_FIELD && kind != SEL_METHOD)
        return false;
    owner = member_pkg(k, t, sel, kind);
    return owner && k->pkg && owner != k->pkg;
}

static void selector(checker *k, operand *x, ast_node *n)
{
    ast_node *xe = n->u.selector.x;
    ast_node *seln = n->u.selector.sel;
    const char *name = seln->u.ident.name;
    uint32_t nm;
    ck_selection sel;
    ck_selkind kind;
    bool amb, need_ptr;
    if (xe->kind == AST_IDENT) {
        res_sym *p = ck_sym(k, xe);
        if (p && p->kind == RS_PKG) {
            res_sym *m = ck_sym(k, seln);
            ck_use_sym(k, p);
            if (!m) {
                ck_errorf(k, seln, "undefined: %s.%s", p->name, name);
                return;
            }
            ident(k, x, seln);
            memset(&sel, 0, sizeof sel);
            sel.kind = SEL_QUALIFIED;
            ck_info_put(k, n)->sel = new_sel(k, &sel);
            return;
        }
    }
    ck_expr_or_type(k, x, xe);
    if (x->mode == CK_INVALID)
        return;
    nm = ck_name(k, name);
    if (x->mode == CK_TYPE) {
        /* a method expression T.m or (*T).m */
        uint32_t t = x->type;
        kind = ck_lookup(k, t, false, nm, &sel, &amb, &need_ptr);
        if (kind != SEL_NONE && foreign_unexported(k, t, name, &sel, kind))
            kind = SEL_NONE;
        if (kind == SEL_NONE && need_ptr) {
            ck_errorf(k, seln, "invalid method expression %s.%s (needs "
                               "pointer receiver (*%s).%s)",
                      ck_tstr(k, t), name, ck_tstr(k, t), name);
            ck_invalidate(x);
            return;
        }
        if (kind != SEL_METHOD && kind != SEL_IFACE_METHOD) {
            buf b;
            buf_init(&b);
            ck_expr_str(&b, xe);
            if (amb)
                ck_errorf(k, seln, "ambiguous selector %s.%s", b.p, name);
            else
                ck_errorf(k, seln, "%s.%s undefined (type %s has no field or "
                                   "method %s)",
                          b.p, name, ck_tstr(k, t), name);
            buf_fini(&b);
            ck_invalidate(x);
            return;
        }
        if (kind == SEL_METHOD && sel.decl)
            ck_reach_decl(k, sel.decl);
        else
            ck_reach_name(k, nm);
        {
            /* func(recv, params...) results */
            const vm_type *ft = sel.type ? prog_type(k->prog, sel.type) : NULL;
            uint32_t ps[257];
            uint32_t np = 0;
            ps[np++] = t;
            if (ft) {
                for (uint32_t i = 0; i < ft->nparams && np < 257; i++)
                    ps[np++] = ft->params[i];
                x->type = type_func(k->prog, ps, np, type_results(ft),
                                    ft->nresults, ft->variadic);
            } else {
                x->type = 0;
            }
        }
        sel.kind = SEL_METHOD_EXPR;
        sel.recv = t;
        ck_info_put(k, n)->sel = new_sel(k, &sel);
        x->mode = CK_VALUE;
        return;
    }
    if (x->mode == CK_BUILTIN || x->mode == CK_NOVALUE) {
        ck_errorf(k, xe, "%s is not an expression",
                  ck_op_str(k, x)); /* rare */
        ck_invalidate(x);
        return;
    }
    ck_single_value(k, x);
    if (x->mode == CK_INVALID)
        return;
    if (!x->type) { /* dynamic: any method of that name may run */
        ck_reach_name(k, nm);
        x->mode = CK_VALUE;
        return;
    }
    kind = ck_lookup(k, x->type, x->mode == CK_VAR, nm, &sel, &amb,
                     &need_ptr);
    if (kind != SEL_NONE && foreign_unexported(k, x->type, name, &sel, kind))
        kind = SEL_NONE;
    if (kind == SEL_NONE) {
        char hint[160];
        buf b;
        buf_init(&b);
        ck_expr_str(&b, xe);
        if (amb)
            ck_errorf(k, seln, "ambiguous selector %s.%s", b.p, name);
        else if (need_ptr)
            ck_errorf(k, seln, "cannot call pointer method %s on %s", name,
                      ck_tstr(k, x->type));
        else if (VM_KIND(x->type) == K_PTR &&
                 ck_is_interface(k, prog_type(k->prog, x->type)->elem))
            ck_errorf(k, seln, "%s.%s undefined (type %s is pointer to "
                               "interface, not interface)",
                      b.p, name, ck_tstr(k, x->type));
        else
            ck_errorf(k, seln, "%s.%s undefined (type %s has no field or "
                               "method %s%s)",
                      b.p, name, ck_tstr(k, x->type), name,
                      other_case(k, x->type, x->mode == CK_VAR, name, hint,
                                 sizeof hint));
        buf_fini(&b);
        ck_invalidate(x);
        return;
    }
    sel.recv = x->type;
    if (kind == SEL_FIELD) {
        x->mode = (x->mode == CK_VAR || sel.indirect) ? CK_VAR : CK_VALUE;
        x->type = sel.type;
    } else {
        if (kind == SEL_METHOD && sel.ptr_recv && !sel.indirect)
            sel.addr = true; /* (&x).m */
        if (kind == SEL_METHOD && sel.decl)
            ck_reach_decl(k, sel.decl);
        else
            ck_reach_name(k, nm);
        x->mode = CK_VALUE;
        x->type = sel.type;
    }
    ck_info_put(k, n)->sel = new_sel(k, &sel);
}

/* ---- the dispatcher ---------------------------------------------------------------- */

static void expr_internal(checker *k, operand *x, ast_node *n, uint32_t hint)
{
    memset(x, 0, sizeof *x);
    x->mode = CK_INVALID;
    x->expr = n;
    if (!n || k->failed)
        return;
    if (k->depth > 3 * 1000) {
        ck_errorf(k, n, "expression too deeply nested");
        return;
    }
    k->depth++;
    switch (n->kind) {
    case AST_IDENT:
        ident(k, x, n);
        break;
    case AST_INT_LIT:
    case AST_FLOAT_LIT:
    case AST_RUNE_LIT:
    case AST_STRING_LIT:
        ck_basic_lit(k, x, n);
        break;
    case AST_COMPOSITE_LIT:
        ck_composite(k, x, n, hint);
        break;
    case AST_FUNC_LIT: {
        uint32_t sig = ck_signature(k, n->u.func_lit.type, NULL);
        if (!sig)
            break;
        ck_func_body(k, n, NULL, sig, n->u.func_lit.body);
        x->mode = CK_VALUE;
        x->type = sig;
        break;
    }
    case AST_PAREN:
        ck_raw_expr(k, x, n->u.paren.x, hint, true);
        x->expr = n;
        break;
    case AST_SELECTOR:
        selector(k, x, n);
        break;
    case AST_INDEX:
        ck_index_expr(k, x, n);
        break;
    case AST_SLICE:
        ck_slice_expr(k, x, n);
        break;
    case AST_TYPE_ASSERT: {
        uint32_t t;
        if (!n->u.type_assert.type) {
            ck_errorf(k, n, "invalid syntax tree: use of .(type) outside type "
                            "switch");
            break;
        }
        ck_expr(k, x, n->u.type_assert.x);
        if (x->mode == CK_INVALID)
            break;
        if (x->type && !ck_is_interface(k, x->type)) {
            ck_errorf(k, n->u.type_assert.x, INVALID_OP "%s is not an "
                                                        "interface",
                      ck_op_str(k, x));
            ck_invalidate(x);
            break;
        }
        t = ck_typexpr(k, n->u.type_assert.type);
        if (!t) {
            ck_invalidate(x);
            break;
        }
        if (x->type && !ck_is_interface(k, t) && !ck_is_tparam(t)) {
            char why[600];
            if (!ck_implements(k, t, x->type, why, sizeof why)) {
                buf b;
                const char *p = strstr(why, " (");
                buf_init(&b);
                ck_expr_str(&b, n);
                ck_errorf(k, n, "impossible type assertion: %s\n\t%s does not "
                                "implement %s %s",
                          b.p, ck_tstr(k, t), ck_tstr(k, x->type),
                          p ? p + 1 : "");
                buf_fini(&b);
                ck_invalidate(x);
                break;
            }
        }
        x->mode = CK_COMMAOK;
        x->type = t;
        break;
    }
    case AST_CALL:
        ck_call(k, x, n);
        break;
    case AST_STAR:
        ck_expr_or_type(k, x, n->u.star.x);
        if (x->mode == CK_INVALID)
            break;
        if (x->mode == CK_TYPE) {
            x->type = type_ptr(k->prog, x->type);
            break;
        }
        ck_single_value(k, x);
        if (x->mode == CK_INVALID)
            break;
        if (!x->type) {
            x->mode = CK_VAR;
            break;
        }
        if (x->type == T_UNIL ||
            VM_KIND(ck_core(k, x->type)) != K_PTR || x->type == T_UPTR) {
            ck_errorf(k, n->u.star.x, INVALID_OP "cannot indirect %s",
                      ck_op_str(k, x));
            ck_invalidate(x);
            break;
        }
        x->mode = CK_VAR;
        x->type = prog_type(k->prog, ck_core(k, x->type))->elem;
        break;
    case AST_UNARY:
        ck_unary(k, x, n);
        break;
    case AST_BINARY:
        ck_binary(k, x, n, n->u.binary.x, n->u.binary.y, n->u.binary.op);
        break;
    case AST_KEY_VALUE:
        ck_errorf(k, n, "invalid syntax tree: no key:value expected");
        break;
    case AST_ARRAY_TYPE:
    case AST_SLICE_TYPE:
    case AST_MAP_TYPE:
    case AST_CHAN_TYPE:
    case AST_FUNC_TYPE:
    case AST_STRUCT_TYPE:
    case AST_INTERFACE_TYPE:
    case AST_ELLIPSIS:
        x->type = ck_typexpr(k, n);
        if (x->type)
            x->mode = CK_TYPE;
        break;
    default:
        ck_errorf(k, n, "unexpected %s in an expression",
                  ast_kind_str(n->kind));
        break;
    }
    k->depth--;
    x->expr = n;
    if (k->failed)
        x->mode = CK_INVALID;
}

/* Is n (parentheses aside) a function of package unsafe, a built-in in
 * Go (weft declares them as functions)? */
static bool unsafe_builtin(checker *k, const ast_node *n)
{
    res_sym *p;
    while (n->kind == AST_PAREN)
        n = n->u.paren.x;
    if (n->kind != AST_SELECTOR || n->u.selector.x->kind != AST_IDENT)
        return false;
    p = ck_sym(k, n->u.selector.x);
    return p && p->kind == RS_PKG && p->target &&
           !strcmp(p->target->path, "unsafe") &&
           strcmp(n->u.selector.sel->u.ident.name, "Pointer");
}

void ck_raw_expr(checker *k, operand *x, ast_node *n, uint32_t hint,
                 bool allow_generic)
{
    expr_internal(k, x, n, hint);
    /* unsafe.Sizeof, Add, ... outside a call (bug376.go) */
    if (!allow_generic && x->mode != CK_INVALID && x->mode != CK_TYPE &&
        unsafe_builtin(k, n)) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "%s (built-in) must be called", b.p);
        buf_fini(&b);
        ck_invalidate(x);
        ck_remember(k, x);
        return;
    }
    if (!allow_generic && x->mode != CK_INVALID && x->ntparams) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "cannot use generic function %s without "
                        "instantiation",
                  b.p);
        buf_fini(&b);
        ck_invalidate(x);
    }
    ck_remember(k, x);
}

void ck_callee(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, true);
    if (x->mode == CK_NOVALUE) {
        ck_errorf(k, x->expr, "%s used as value", ck_op_str(k, x));
        ck_invalidate(x);
    }
}

static void exclude_modes(checker *k, operand *x, bool allow_type)
{
    const char *what = NULL;
    switch (x->mode) {
    case CK_NOVALUE:
        what = "used as value";
        break;
    case CK_BUILTIN:
        if (!allow_type)
            what = "must be called";
        break;
    case CK_TYPE:
        if (!allow_type)
            what = "is not an expression";
        break;
    default:
        break;
    }
    if (what) {
        ck_errorf(k, x->expr, "%s %s", ck_op_str(k, x), what);
        ck_invalidate(x);
    }
}

void ck_expr(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, false);
    ck_single_value(k, x);
}

void ck_expr_hint(checker *k, operand *x, ast_node *n, uint32_t hint)
{
    ck_raw_expr(k, x, n, hint, false);
    exclude_modes(k, x, false);
    ck_single_value(k, x);
}

void ck_expr_or_type(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, true);
    if (x->mode != CK_TYPE)
        ck_single_value(k, x);
}

void ck_multi_expr(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, false);
}

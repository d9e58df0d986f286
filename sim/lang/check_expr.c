/* check_expr.c: expressions (check_int.h), after types2's expr.go,
 * index.go, literals.go and assignments.go: operands, constants with exact
 * arithmetic, untyped conversion and its delayed recording, unary and
 * binary operators, shifts and comparisons, selectors, indexing and
 * slicing, composite and function literals, type assertions. Messages are
 * types2's (Go 1.22), at the start of the offending expression. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

#define INVALID_OP "invalid operation: "
#define INVALID_ARG "invalid argument: "

static void invalidate(operand *x)
{
    x->mode = CK_INVALID;
}

void ck_use_sym(checker *k, res_sym *s)
{
    if (s && (s->kind == RS_LOCAL || s->kind == RS_PKG))
        ck_obj_get(k, s)->used = true;
}

/* Report an error at n's own position (not its start). */
static void errorp(checker *k, const ast_node *n, const char *msg)
{
    if (k->errpos)
        n = k->errpos;
    ck_error_at(k,
                res_node_path(k->R, n,
                              k->pkg && k->pkg->file ? k->pkg->file->path
                                                     : ""),
                n ? n->line : 0, n ? n->col : 0, msg);
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
        invalidate(x);
    }
    return false;
}

/* Typed constants stay representable after each operation; untyped
 * integers stay within 512 bits. */
static void overflow(checker *k, operand *x, const char *opname)
{
    char m[300];
    if (x->val.k == CONST_UNKNOWN) {
        errorp(k, x->expr, "constant result is not representable");
        invalidate(x);
        return;
    }
    if (!ck_is_untyped(x->type)) {
        ck_representable(k, x, x->type, true);
        return;
    }
    if (x->val.k == CONST_INT && const_bitlen(x->val) > 512) {
        /* at the operator (types2's opPos) */
        snprintf(m, sizeof m, "constant %s%soverflow", opname ? opname : "",
                 opname ? " " : "");
        errorp(k, x->expr, m);
        invalidate(x);
    }
}

static const char *op_name(lex_kind opk)
{
    switch (opk) {
    case TK_ADD:
        return "addition";
    case TK_SUB:
        return "subtraction";
    case TK_XOR:
        return "bitwise XOR";
    case TK_MUL:
        return "multiplication";
    case TK_SHL:
        return "shift";
    default:
        return NULL;
    }
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
        invalidate(x);
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

static void single_value(checker *k, operand *x)
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
        invalidate(x);
    }
}

void ck_assignment(checker *k, operand *x, uint32_t t, const char *context)
{
    char why[700];
    single_value(k, x);
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
        invalidate(x);
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
                invalidate(x);
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
            invalidate(x);
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
        invalidate(x);
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
            invalidate(x);
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
            invalidate(x);
        return;
    case RS_VAR:
        ck_obj_decl(k, s);
        o = ck_obj_get(k, s);
        x->mode = CK_VAR;
        x->type = o->type;
        if (o->bad)
            k->failed = true; /* its declaration had an error: silence */
        if (!x->type && k->failed)
            invalidate(x);
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
            invalidate(x);
        } else if (!o->state) {
            /* referred to before its declaration was checked (a label
             * goto): nothing to say */
            x->type = 0;
        }
        return;
    }
}

/* ---- literals ------------------------------------------------------------------- */

static void basic_lit(checker *k, operand *x, ast_node *n)
{
    switch (n->kind) {
    case AST_INT_LIT:
        x->val = const_from_literal(&k->mem, TK_INT, n->u.int_lit.text);
        x->type = T_UINT_K;
        break;
    case AST_FLOAT_LIT: {
        /* an imaginary literal is a float token spelled with its 'i' */
        const char *text = n->u.float_lit.text;
        bool imag = text[0] && text[strlen(text) - 1] == 'i';
        x->val = const_from_literal(&k->mem, imag ? TK_IMAG : TK_FLOAT, text);
        x->type = imag ? T_UCPLX : T_UFLT_K;
        break;
    }
    case AST_RUNE_LIT:
        x->val = const_int64(&k->mem, n->u.rune_lit.value);
        x->type = T_URUNE_K;
        break;
    default:
        x->val = const_string(&k->mem, (const char *)n->u.string_lit.bytes,
                              n->u.string_lit.len);
        x->type = T_USTR;
        break;
    }
    if (x->val.k == CONST_UNKNOWN) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "malformed constant: %s", b.p);
        buf_fini(&b);
        return;
    }
    x->mode = CK_CONST;
    x->expr = n;
    overflow(k, x, NULL);
}

static void indexed_elts(checker *k, ast_list elts, uint32_t et,
                         int64_t length, int64_t *out_len)
{
    int64_t index = 0, max = 0;
    VEC(int64_t) seen = {0};
    for (size_t i = 0; i < elts.n && !k->failed; i++) {
        ast_node *e = elts.v[i], *ev = e;
        bool valid = false;
        operand x;
        if (e->kind == AST_KEY_VALUE) {
            int64_t v;
            if (ck_index(k, e->u.kv.key, length, &v)) {
                if (v >= 0) {
                    index = v;
                    valid = true;
                } else {
                    buf b;
                    buf_init(&b);
                    ck_expr_str(&b, e->u.kv.key);
                    ck_errorf(k, e, "index %s must be integer constant", b.p);
                    buf_fini(&b);
                }
            }
            ev = e->u.kv.value;
        } else if (length >= 0 && index >= length) {
            ck_errorf(k, e, "index %lld is out of bounds (>= %lld)",
                      (long long)index, (long long)length);
        } else {
            valid = true;
        }
        if (k->failed)
            break;
        if (valid) {
            for (size_t j = 0; j < seen.len; j++)
                if (seen.p[j] == index) {
                    char m[200];
                    snprintf(m, sizeof m, "duplicate index %lld in array or "
                                          "slice literal",
                             (long long)index);
                    errorp(k, e, m);
                    break;
                }
            VEC_PUSH(seen, index);
        }
        index++;
        if (index > max)
            max = index;
        ck_expr_hint(k, &x, ev, et);
        ck_assignment(k, &x, et, "array or slice literal");
    }
    VEC_FREE(seen);
    *out_len = max;
}

static void composite(checker *k, operand *x, ast_node *n, uint32_t hint)
{
    uint32_t t = 0, base = 0;
    const vm_type *u;
    ast_node *tn = n->u.composite.type;
    bool open_array = false;
    uint32_t open_elem = 0;
    if (tn) {
        if (tn->kind == AST_ARRAY_TYPE && tn->u.array.len &&
            tn->u.array.len->kind == AST_ELLIPSIS &&
            !tn->u.array.len->u.ellipsis.elt) {
            open_array = true;
            open_elem = ck_typexpr(k, tn->u.array.elem);
            if (!open_elem)
                return;
        } else {
            t = ck_typexpr(k, tn);
            if (!t)
                return;
        }
        base = t;
    } else if (hint) {
        t = hint;
        base = t;
        if (VM_KIND(ck_core(k, base)) == K_PTR)
            base = prog_type(k->prog, ck_core(k, base))->elem;
    } else {
        ck_errorf(k, n, "invalid composite literal type: missing type");
        return;
    }
    if (open_array) {
        int64_t len;
        indexed_elts(k, n->u.composite.elts, open_elem, -1, &len);
        if (k->failed)
            return;
        t = type_array(k->prog, open_elem, len);
        {
            operand tx;
            memset(&tx, 0, sizeof tx);
            tx.mode = CK_TYPE;
            tx.expr = tn;
            tx.type = t;
            ck_record(k, &tx);
        }
        x->mode = CK_VALUE;
        x->type = t;
        return;
    }
    u = prog_type(k->prog, ck_core(k, base));
    switch (ck_is_complex(k, u->id) ? K_NIL : VM_KIND(u->id)) {
    case K_STRUCT: {
        vm_type us = *u;
        ast_list elts = n->u.composite.elts;
        if (!elts.n)
            break;
        if (elts.v[0]->kind == AST_KEY_VALUE) {
            bool *visited = wf_xcalloc(us.nfields + 1, 1);
            for (size_t i = 0; i < elts.n && !k->failed; i++) {
                ast_node *e = elts.v[i];
                ast_node *key;
                uint32_t nm, fi;
                operand v;
                if (e->kind != AST_KEY_VALUE) {
                    ck_errorf(k, e, "mixture of field:value and value "
                                    "elements in struct literal");
                    break;
                }
                key = e->u.kv.key;
                ck_expr(k, &v, e->u.kv.value);
                if (k->failed)
                    break;
                if (key->kind != AST_IDENT) {
                    buf b;
                    buf_init(&b);
                    ck_expr_str(&b, key);
                    ck_errorf(k, e, "invalid field name %s in struct "
                                    "literal",
                              b.p);
                    buf_fini(&b);
                    break;
                }
                nm = ck_name(k, key->u.ident.name);
                for (fi = 0; fi < us.nfields && us.fields[fi].name != nm; fi++)
                    ;
                if (fi == us.nfields) {
                    ck_errorf(k, key, "unknown field %s in struct literal of "
                                      "type %s",
                              key->u.ident.name, ck_tstr(k, base));
                    break;
                }
                ck_assignment(k, &v, us.fields[fi].type, "struct literal");
                if (visited[fi]) {
                    ck_errorf(k, e, "duplicate field name %s in struct "
                                    "literal",
                              key->u.ident.name);
                    break;
                }
                visited[fi] = true;
            }
            free(visited);
        } else {
            for (size_t i = 0; i < elts.n && !k->failed; i++) {
                ast_node *e = elts.v[i];
                operand v;
                if (e->kind == AST_KEY_VALUE) {
                    ck_errorf(k, e, "mixture of field:value and value "
                                    "elements in struct literal");
                    break;
                }
                ck_expr(k, &v, e);
                if (k->failed)
                    break;
                if (i >= us.nfields) {
                    ck_errorf(k, e, "too many values in struct literal of "
                                    "type %s",
                              ck_tstr(k, base));
                    break;
                }
                ck_assignment(k, &v, us.fields[i].type, "struct literal");
            }
            if (!k->failed && elts.n < us.nfields) {
                ast_node at;
                memset(&at, 0, sizeof at);
                at.kind = AST_EMPTY_STMT;
                at.file = n->file;
                at.line = n->u.composite.rbrace_line;
                at.col = n->u.composite.rbrace_col;
                ck_errorf(k, &at, "too few values in struct literal of type "
                                  "%s",
                          ck_tstr(k, base));
            }
        }
        break;
    }
    case K_ARRAY: {
        int64_t len;
        uint32_t et = u->elem;
        indexed_elts(k, n->u.composite.elts, et, u->len, &len);
        break;
    }
    case K_SLICE: {
        int64_t len;
        indexed_elts(k, n->u.composite.elts, u->elem, -1, &len);
        break;
    }
    case K_MAP: {
        uint32_t kt = u->key, vt = u->elem;
        bool key_iface = ck_is_interface(k, kt);
        VEC(operand) seen = {0};
        for (size_t i = 0; i < n->u.composite.elts.n && !k->failed; i++) {
            ast_node *e = n->u.composite.elts.v[i];
            operand kx, vx;
            if (e->kind != AST_KEY_VALUE) {
                ck_errorf(k, e, "missing key in map literal");
                break;
            }
            ck_expr_hint(k, &kx, e->u.kv.key, kt);
            ck_assignment(k, &kx, kt, "map literal");
            if (kx.mode == CK_CONST) {
                for (size_t j = 0; j < seen.len; j++)
                    if ((!key_iface || seen.p[j].type == kx.type) &&
                        seen.p[j].val.k == kx.val.k &&
                        const_compare(seen.p[j].val, TK_EQL, kx.val)) {
                        buf b;
                        buf_init(&b);
                        const_format(&b, kx.val);
                        ck_errorf(k, e->u.kv.key, "duplicate key %s in map "
                                                  "literal",
                                  b.p);
                        buf_fini(&b);
                        break;
                    }
                VEC_PUSH(seen, kx);
            }
            if (k->failed)
                break;
            ck_expr_hint(k, &vx, e->u.kv.value, vt);
            ck_assignment(k, &vx, vt, "map literal");
        }
        VEC_FREE(seen);
        break;
    }
    default:
        if (u->id)
            ck_errorf(k, n, "invalid composite literal%s type %s",
                      tn ? "" : " element", ck_tstr(k, t));
        return;
    }
    if (k->failed)
        return;
    x->mode = CK_VALUE;
    x->type = t;
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
            invalidate(x);
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
            invalidate(x);
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
        invalidate(x);
        return;
    }
    single_value(k, x);
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
        invalidate(x);
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
            invalidate(x);
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
        invalidate(x);
        return;
    }
    memcpy(x->targs, args, na * sizeof *args);
    x->ntargs = na;
    if (na == x->ntparams) {
        ck_info *in;
        if (!ck_verify_targs(k, n, x->tparams, args, na)) {
            invalidate(x);
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

static void index_expr(checker *k, operand *x, ast_node *n)
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
        invalidate(x);
    }
    if (x->mode == CK_INVALID)
        return;
    if (x->mode == CK_TYPE) {
        /* G[A] as an expression: a type (a conversion's, a literal's) */
        x->type = ck_typexpr(k, n);
        if (!x->type)
            invalidate(x);
        return;
    }
    if (x->ntparams) {
        func_inst(k, x, n);
        return;
    }
    if (n->u.index.more.n) {
        ck_errorf(k, n->u.index.more.v[0], "unexpected comma; expecting ]");
        invalidate(x);
        return;
    }
    single_value(k, x);
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
                invalidate(x);
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
        errorp(k, n, m);
        invalidate(x);
        return;
    }
    ck_index(k, n->u.index.index, length, &v);
    if (k->failed)
        invalidate(x);
}

static void slice_expr(checker *k, operand *x, ast_node *n)
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
            invalidate(x);
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
            invalidate(x);
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
        invalidate(x);
        return;
    }
    x->mode = CK_VALUE;
    for (int i = 0; i < 3; i++) {
        int64_t v = -1;
        if (idx[i]) {
            if (!ck_index(k, idx[i], length >= 0 ? length + 1 : -1, &v)) {
                invalidate(x);
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
                    invalidate(x);
                    return;
                }
}

/* ---- operators ------------------------------------------------------------------- */

static bool unary_ok(checker *k, lex_kind opk, uint32_t t)
{
    if (!t)
        return true;
    switch (opk) {
    case TK_ADD:
    case TK_SUB:
        return ck_is_numeric(k, t);
    case TK_XOR:
        return ck_is_integer(k, t);
    case TK_NOT:
        return ck_is_boolean(k, t);
    default:
        return false;
    }
}

static void unary(checker *k, operand *x, ast_node *n)
{
    lex_kind opk = n->u.unary.op;
    ck_expr(k, x, n->u.unary.x);
    if (x->mode == CK_INVALID)
        return;
    switch (opk) {
    case TK_AND: {
        ast_node *xe = n->u.unary.x;
        while (xe->kind == AST_PAREN)
            xe = xe->u.paren.x;
        if (xe->kind != AST_COMPOSITE_LIT && x->mode != CK_VAR) {
            ck_errorf(k, n->u.unary.x, INVALID_OP "cannot take address of %s",
                      ck_op_str(k, x));
            invalidate(x);
            return;
        }
        x->mode = CK_VALUE;
        x->type = x->type ? type_ptr(k->prog, x->type) : 0;
        return;
    }
    case TK_ARROW: {
        const vm_type *u;
        if (!x->type) {
            x->mode = CK_COMMAOK;
            return;
        }
        u = prog_type(k->prog, ck_core(k, x->type));
        if (VM_KIND(u->id) != K_CHAN) {
            ck_errorf(k, n->u.unary.x, INVALID_OP "cannot receive from "
                                                  "non-channel %s",
                      ck_op_str(k, x));
            invalidate(x);
            return;
        }
        if (u->dir == 1) {
            ck_errorf(k, n->u.unary.x, INVALID_OP "cannot receive from "
                                                  "send-only channel %s",
                      ck_op_str(k, x));
            invalidate(x);
            return;
        }
        x->mode = CK_COMMAOK;
        x->type = u->elem;
        return;
    }
    default:
        break;
    }
    if (!unary_ok(k, opk, x->type)) {
        ck_errorf(k, n->u.unary.x, INVALID_OP "operator %s not defined on %s",
                  lex_kind_str(opk), ck_op_str(k, x));
        invalidate(x);
        return;
    }
    if (x->mode == CK_CONST) {
        int prec = 0;
        if (x->type && ck_is_unsigned(k, x->type))
            prec = ck_bits(k, x->type);
        x->val = const_unary(&k->mem, opk, x->val, prec);
        x->expr = n;
        overflow(k, x, op_name(opk));
        return;
    }
    x->mode = CK_VALUE;
}

static bool is_comparison(lex_kind opk)
{
    return opk == TK_EQL || opk == TK_NEQ || opk == TK_LSS || opk == TK_LEQ ||
           opk == TK_GTR || opk == TK_GEQ;
}

static bool all_basic(checker *k, uint32_t t)
{
    vm_kind x = VM_KIND(ck_under(k, t));
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, all_basic);
    return t == T_UNIL || (x >= K_BOOL && x <= K_UNTYPED_RUNE) ||
           ck_is_complex(k, t);
}

void ck_match_types(checker *k, operand *x, operand *y)
{
    bool may;
    if (!ck_is_untyped(x->type) && !ck_is_untyped(y->type))
        return;
    if (!x->type || !y->type)
        return;
    may = true;
    if (x->type != T_UNIL && y->type != T_UNIL) {
        if (all_basic(k, x->type) != all_basic(k, y->type))
            may = false;
        else if (ck_is_boolean(k, x->type) != ck_is_boolean(k, y->type))
            may = false;
        else if (ck_is_string(k, x->type) != ck_is_string(k, y->type))
            may = false;
    }
    if (may) {
        if (x->type == T_UNIL)
            may = ck_has_nil(k, y->type);
        else if (y->type == T_UNIL)
            may = ck_has_nil(k, x->type);
        else if (VM_KIND(ck_under(k, x->type)) == K_PTR ||
                 VM_KIND(ck_under(k, y->type)) == K_PTR)
            may = false;
    }
    if (!may)
        return;
    ck_convert_untyped(k, x, y->type);
    if (x->mode == CK_INVALID)
        return;
    ck_convert_untyped(k, y, x->type);
    if (y->mode == CK_INVALID)
        invalidate(x);
}

static const char *kind_string(checker *k, uint32_t t)
{
    if (ck_is_complex(k, t))
        return ck_tstr(k, t);
    switch (VM_KIND(ck_under(k, t))) {
    case K_ARRAY:
        return "array";
    case K_SLICE:
        return "slice";
    case K_STRUCT:
        return "struct";
    case K_PTR:
        return "pointer";
    case K_FUNC:
        return "func";
    case K_IFACE:
        return "interface";
    case K_MAP:
        return "map";
    case K_CHAN:
        return "chan";
    default:
        return ck_tstr(k, t);
    }
}

static void comparison(checker *k, operand *x, operand *y, lex_kind opk,
                       ast_node *e, bool switch_case)
{
    operand *errop = x;
    char cause[600];
    cause[0] = 0;
    if (!x->type || !y->type) { /* dynamic */
        x->mode = CK_VALUE;
        x->type = T_UBOOL;
        return;
    }
    if (switch_case)
        opk = TK_EQL;
    if (!ck_assignable(k, x, y->type, NULL, 0) &&
        !ck_assignable(k, y, x->type, NULL, 0)) {
        errop = y;
        snprintf(cause, sizeof cause, "mismatched types %s and %s",
                 ck_tstr(k, x->type), ck_tstr(k, y->type));
        goto error;
    }
    if (opk == TK_EQL || opk == TK_NEQ) {
        if (x->isnil || y->isnil) {
            uint32_t t = x->isnil ? y->type : x->type;
            if (!ck_has_nil(k, t) || t == T_UNIL) {
                errop = y;
                goto error;
            }
        } else if (!ck_comparable(k, x->type) ||
                   !ck_comparable(k, y->type)) {
            uint32_t bad;
            vm_kind bk;
            errop = !ck_comparable(k, x->type) ? x : y;
            bad = errop->type;
            bk = VM_KIND(ck_under(k, bad));
            if (bk == K_SLICE || bk == K_FUNC || bk == K_MAP)
                snprintf(cause, sizeof cause, "%s can only be compared to nil",
                         kind_string(k, bad));
            else
                snprintf(cause, sizeof cause, "operator %s not defined on %s",
                         lex_kind_str(opk), kind_string(k, bad));
            goto error;
        }
    } else {
        if (!ck_ordered(k, x->type)) {
            errop = x;
            goto error;
        }
        if (!ck_ordered(k, y->type)) {
            errop = y;
            goto error;
        }
    }
    if (x->mode == CK_CONST && y->mode == CK_CONST) {
        const_val a = x->val, b = y->val;
        const_match(&k->mem, &a, &b);
        x->val = const_bool(const_compare(a, opk, b));
    } else {
        x->mode = CK_VALUE;
        ck_update_expr_type(k, x->expr, ck_default(x->type), true);
        ck_update_expr_type(k, y->expr, ck_default(y->type), true);
    }
    x->type = T_UBOOL;
    return;
error:
    if (!cause[0]) {
        if (ck_is_tparam(x->type) || ck_is_tparam(y->type)) {
            if (!ck_is_tparam(x->type))
                errop = y;
            snprintf(cause, sizeof cause, "type parameter %s is not "
                                          "comparable with %s",
                     ck_tstr(k, errop->type), lex_kind_str(opk));
        } else {
            snprintf(cause, sizeof cause, "operator %s not defined on %s",
                     lex_kind_str(opk), kind_string(k, errop->type));
        }
    }
    {
        buf a, b;
        buf_init(&a);
        buf_init(&b);
        ck_expr_str(&a, x->expr);
        ck_expr_str(&b, y->expr);
        if (switch_case)
            ck_errorf(k, x->expr, "invalid case %s in switch on %s (%s)", a.p,
                      b.p, cause);
        else
            ck_errorf(k, errop->expr, INVALID_OP "%s %s %s (%s)", a.p,
                      lex_kind_str(opk), b.p, cause);
        buf_fini(&a);
        buf_fini(&b);
    }
    (void)e;
    invalidate(x);
}

void ck_case_compare(checker *k, operand *v, operand *x)
{
    comparison(k, v, x, TK_EQL, NULL, true);
}

static void shift(checker *k, operand *x, operand *y, ast_node *e,
                  lex_kind opk)
{
    const_val xval = const_unknown();
    if (x->mode == CK_CONST)
        xval = const_to_int(&k->mem, x->val);
    if (!x->type || !y->type) {
        x->mode = CK_VALUE;
        return;
    }
    if (!(ck_is_integer(k, x->type) ||
          (ck_is_untyped(x->type) && xval.k == CONST_INT))) {
        ck_errorf(k, x->expr, INVALID_OP "shifted operand %s must be integer",
                  ck_op_str(k, x));
        invalidate(x);
        return;
    }
    if (y->mode == CK_CONST) {
        const_val yv = const_to_int(&k->mem, y->val);
        if (yv.k == CONST_INT && const_sign(yv) < 0) {
            ck_errorf(k, y->expr, INVALID_OP "negative shift count %s",
                      ck_op_str(k, y));
            invalidate(x);
            return;
        }
        if (ck_is_untyped(y->type)) {
            if (!ck_representable(k, y, T_UINT, true)) {
                invalidate(x);
                return;
            }
            /* a shift count is a uint: 1<<64 - 1 counts as one */
            if (x->mode != CK_CONST)
                ck_convert_untyped(k, y, T_UINT);
        } else if (!ck_is_integer(k, y->type)) {
            ck_errorf(k, y->expr, INVALID_OP "shift count %s must be integer",
                      ck_op_str(k, y));
            invalidate(x);
            return;
        }
    } else {
        if (ck_is_integer(k, y->type)) {
            if (ck_is_untyped(y->type)) {
                ck_convert_untyped(k, y, T_UINT);
                if (y->mode == CK_INVALID) {
                    invalidate(x);
                    return;
                }
            }
        } else if (ck_is_untyped(y->type)) {
            ck_convert_untyped(k, y, T_UINT);
            if (y->mode == CK_INVALID) {
                invalidate(x);
                return;
            }
        } else {
            ck_errorf(k, y->expr, INVALID_OP "shift count %s must be integer",
                      ck_op_str(k, y));
            invalidate(x);
            return;
        }
    }
    if (x->mode == CK_CONST) {
        if (y->mode == CK_CONST) {
            uint64_t s;
            if (x->val.k == CONST_UNKNOWN || y->val.k == CONST_UNKNOWN) {
                x->val = const_unknown();
                return;
            }
            if (!const_uint64_val(const_to_int(&k->mem, y->val), &s) ||
                s > 1023 - 1 + 52) {
                ck_errorf(k, y->expr, INVALID_OP "invalid shift count %s",
                          ck_op_str(k, y));
                invalidate(x);
                return;
            }
            if (!ck_is_integer(k, x->type))
                x->type = T_UINT_K;
            x->val = const_shift(&k->mem, opk, xval, s);
            x->expr = e;
            overflow(k, x, "shift");
            return;
        }
        if (ck_is_untyped(x->type)) {
            /* the constant takes the type the context gives the shift */
            ck_info *in = ck_info_get(k, x->expr);
            if (in)
                in->shift_lhs = true;
            x->mode = CK_VALUE;
            return;
        }
    }
    if (!ck_is_integer(k, x->type)) {
        ck_errorf(k, x->expr, INVALID_OP "shifted operand %s must be integer",
                  ck_op_str(k, x));
        invalidate(x);
        return;
    }
    x->mode = CK_VALUE;
}

static bool binary_ok(checker *k, lex_kind opk, uint32_t t)
{
    switch (opk) {
    case TK_ADD:
        return ck_is_numeric_or_string(k, t);
    case TK_SUB:
    case TK_MUL:
    case TK_QUO:
        return ck_is_numeric(k, t);
    case TK_REM:
    case TK_AND:
    case TK_OR:
    case TK_XOR:
    case TK_AND_NOT:
        return ck_is_integer(k, t);
    case TK_LAND:
    case TK_LOR:
        return ck_is_boolean(k, t);
    default:
        return false;
    }
}

void ck_binary(checker *k, operand *x, ast_node *e, ast_node *lhs,
               ast_node *rhs, lex_kind opk)
{
    operand y;
    ck_expr(k, x, lhs);
    ck_expr(k, &y, rhs);
    if (x->mode == CK_INVALID)
        return;
    if (y.mode == CK_INVALID) {
        invalidate(x);
        x->expr = y.expr;
        return;
    }
    if (opk == TK_SHL || opk == TK_SHR) {
        shift(k, x, &y, e, opk);
        return;
    }
    ck_match_types(k, x, &y);
    if (x->mode == CK_INVALID)
        return;
    if (is_comparison(opk)) {
        comparison(k, x, &y, opk, e, false);
        return;
    }
    if (!x->type || !y.type) {
        x->mode = CK_VALUE;
        if (!x->type)
            x->type = y.type && !ck_is_untyped(y.type) ? y.type : 0;
        return;
    }
    if (x->type != y.type) {
        buf a, b;
        buf_init(&a);
        buf_init(&b);
        if (e) {
            ck_expr_str(&a, e);
            ck_errorf(k, x->expr, INVALID_OP "%s (mismatched types %s and "
                                             "%s)",
                      a.p, ck_tstr(k, x->type), ck_tstr(k, y.type));
        } else {
            ck_expr_str(&a, lhs);
            ck_expr_str(&b, rhs);
            ck_errorf(k, x->expr, INVALID_OP "%s %s= %s (mismatched types %s "
                                             "and %s)",
                      a.p, lex_kind_str(opk), b.p, ck_tstr(k, x->type),
                      ck_tstr(k, y.type));
        }
        buf_fini(&a);
        buf_fini(&b);
        invalidate(x);
        return;
    }
    if (!binary_ok(k, opk, x->type)) {
        ck_errorf(k, x->expr, INVALID_OP "operator %s not defined on %s",
                  lex_kind_str(opk), ck_op_str(k, x));
        invalidate(x);
        return;
    }
    if ((opk == TK_QUO || opk == TK_REM) &&
        (x->mode == CK_CONST || ck_is_integer(k, x->type)) &&
        y.mode == CK_CONST && const_is_zero(y.val)) {
        ck_errorf(k, y.expr, INVALID_OP "division by zero");
        invalidate(x);
        return;
    }
    if (opk == TK_QUO && x->mode == CK_CONST && y.mode == CK_CONST &&
        ck_is_complex(k, x->type) && y.val.k != CONST_UNKNOWN) {
        /* a divisor whose square underflows (types2, issue 20227) */
        const_val re = const_real(&k->mem, y.val);
        const_val im = const_imag(&k->mem, y.val);
        if (const_is_zero(const_binary(&k->mem, TK_MUL, re, re, false)) &&
            const_is_zero(const_binary(&k->mem, TK_MUL, im, im, false))) {
            ck_errorf(k, y.expr, INVALID_OP "division by zero");
            invalidate(x);
            return;
        }
    }
    if (x->mode == CK_CONST && y.mode == CK_CONST) {
        if (x->val.k == CONST_UNKNOWN || y.val.k == CONST_UNKNOWN) {
            x->val = const_unknown();
            return;
        }
        x->val = const_binary(&k->mem, opk, x->val, y.val,
                              opk == TK_QUO && ck_is_integer(k, x->type));
        x->expr = e;
        overflow(k, x, op_name(opk));
        return;
    }
    x->mode = CK_VALUE;
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
        basic_lit(k, x, n);
        break;
    case AST_COMPOSITE_LIT:
        composite(k, x, n, hint);
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
        index_expr(k, x, n);
        break;
    case AST_SLICE:
        slice_expr(k, x, n);
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
            invalidate(x);
            break;
        }
        t = ck_typexpr(k, n->u.type_assert.type);
        if (!t) {
            invalidate(x);
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
                invalidate(x);
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
        single_value(k, x);
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
            invalidate(x);
            break;
        }
        x->mode = CK_VAR;
        x->type = prog_type(k->prog, ck_core(k, x->type))->elem;
        break;
    case AST_UNARY:
        unary(k, x, n);
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

void ck_raw_expr(checker *k, operand *x, ast_node *n, uint32_t hint,
                 bool allow_generic)
{
    expr_internal(k, x, n, hint);
    if (!allow_generic && x->mode != CK_INVALID && x->ntparams) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "cannot use generic function %s without "
                        "instantiation",
                  b.p);
        buf_fini(&b);
        invalidate(x);
    }
    ck_remember(k, x);
}

void ck_callee(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, true);
    if (x->mode == CK_NOVALUE) {
        ck_errorf(k, x->expr, "%s used as value", ck_op_str(k, x));
        invalidate(x);
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
        invalidate(x);
    }
}

void ck_expr(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, false);
    single_value(k, x);
}

void ck_expr_hint(checker *k, operand *x, ast_node *n, uint32_t hint)
{
    ck_raw_expr(k, x, n, hint, false);
    exclude_modes(k, x, false);
    single_value(k, x);
}

void ck_expr_or_type(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, true);
    if (x->mode != CK_TYPE)
        single_value(k, x);
}

void ck_multi_expr(checker *k, operand *x, ast_node *n)
{
    ck_raw_expr(k, x, n, 0, false);
    exclude_modes(k, x, false);
}

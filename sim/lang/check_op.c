/* check_op.c: operators for the checker (check_int.h), after types2's expr.go:
 * unary and binary operators, shifts and comparisons, with constant
 * operands folded exactly. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/lang/check_int.h"
#define INVALID_OP "invalid operation: "

/* Typed constants stay representable after each operation; untyped
 * integers stay within 512 bits. */
void ck_overflow(checker *k, operand *x, const char *opname)
{
    char m[300];
    if (x->val.k == CONST_UNKNOWN) {
        ck_errorp(k, x->expr, "constant result is not representable");
        ck_invalidate(x);
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
        ck_errorp(k, x->expr, m);
        ck_invalidate(x);
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

void ck_unary(checker *k, operand *x, ast_node *n)
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
            ck_invalidate(x);
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
            ck_invalidate(x);
            return;
        }
        if (u->dir == 1) {
            ck_errorf(k, n->u.unary.x, INVALID_OP "cannot receive from "
                                                  "send-only channel %s",
                      ck_op_str(k, x));
            ck_invalidate(x);
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
        ck_invalidate(x);
        return;
    }
    if (x->mode == CK_CONST) {
        int prec = 0;
        if (x->type && ck_is_unsigned(k, x->type))
            prec = ck_bits(k, x->type);
        x->val = const_unary(&k->mem, opk, x->val, prec);
        x->expr = n;
        ck_overflow(k, x, op_name(opk));
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
        ck_invalidate(x);
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
    ck_invalidate(x);
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
        ck_invalidate(x);
        return;
    }
    if (y->mode == CK_CONST) {
        const_val yv = const_to_int(&k->mem, y->val);
        if (yv.k == CONST_INT && const_sign(yv) < 0) {
            ck_errorf(k, y->expr, INVALID_OP "negative shift count %s",
                      ck_op_str(k, y));
            ck_invalidate(x);
            return;
        }
        if (ck_is_untyped(y->type)) {
            if (!ck_representable(k, y, T_UINT, true)) {
                ck_invalidate(x);
                return;
            }
            /* a shift count is a uint: 1<<64 - 1 counts as one */
            if (x->mode != CK_CONST)
                ck_convert_untyped(k, y, T_UINT);
        } else if (!ck_is_integer(k, y->type)) {
            ck_errorf(k, y->expr, INVALID_OP "shift count %s must be integer",
                      ck_op_str(k, y));
            ck_invalidate(x);
            return;
        }
    } else {
        if (ck_is_integer(k, y->type)) {
            if (ck_is_untyped(y->type)) {
                ck_convert_untyped(k, y, T_UINT);
                if (y->mode == CK_INVALID) {
                    ck_invalidate(x);
                    return;
                }
            }
        } else if (ck_is_untyped(y->type)) {
            ck_convert_untyped(k, y, T_UINT);
            if (y->mode == CK_INVALID) {
                ck_invalidate(x);
                return;
            }
        } else {
            ck_errorf(k, y->expr, INVALID_OP "shift count %s must be integer",
                      ck_op_str(k, y));
            ck_invalidate(x);
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
                ck_invalidate(x);
                return;
            }
            if (!ck_is_integer(k, x->type))
                x->type = T_UINT_K;
            x->val = const_shift(&k->mem, opk, xval, s);
            x->expr = e;
            ck_overflow(k, x, "shift");
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
        ck_invalidate(x);
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
        ck_invalidate(x);
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
        ck_invalidate(x);
        return;
    }
    if (!binary_ok(k, opk, x->type)) {
        ck_errorf(k, x->expr, INVALID_OP "operator %s not defined on %s",
                  lex_kind_str(opk), ck_op_str(k, x));
        ck_invalidate(x);
        return;
    }
    if ((opk == TK_QUO || opk == TK_REM) &&
        (x->mode == CK_CONST || ck_is_integer(k, x->type)) &&
        y.mode == CK_CONST && const_is_zero(y.val)) {
        ck_errorf(k, y.expr, INVALID_OP "division by zero");
        ck_invalidate(x);
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
            ck_invalidate(x);
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
        ck_overflow(k, x, op_name(opk));
        return;
    }
    x->mode = CK_VALUE;
}

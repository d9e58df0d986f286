/* check_stmt.c: function bodies and statements (check_int.h), after
 * types2's stmt.go, assignments.go and return.go: assignments and short
 * variable declarations, op= and ++, sends, go and defer, returns,
 * if/for/switch/select/range, type switches, terminating statements
 * ("missing return") and unused variables ("declared and not used"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

#define INVALID_OP "invalid operation: "

static bool is_blank_ident(const ast_node *n)
{
    return n && n->kind == AST_IDENT && !strcmp(n->u.ident.name, "_");
}

static ast_node *unparen(ast_node *n)
{
    while (n && n->kind == AST_PAREN)
        n = n->u.paren.x;
    return n;
}

static void stmt(checker *k, ast_node *n);
static void stmt_list(checker *k, ast_list l)
{
    for (size_t i = 0; i < l.n && !k->failed; i++) {
        int depth = k->depth;
        ast_node *s = l.v[i];
        stmt(k, s);
        if (!k->failed)
            continue;
        k->depth = depth;
        k->abandoned++;
        if (s->kind == AST_DECL_STMT &&
            s->u.decl_stmt.decl->u.gen_decl.tok == TK_TYPE)
            k->abandon_fn = true;
        ck_recover(k);
    }
}

/* A local variable declared with type t. */
static void declare_local(checker *k, res_sym *s, uint32_t t)
{
    ck_obj *o;
    if (!s)
        return;
    o = ck_obj_get(k, s);
    o->type = t;
    o->state = 2;
    o->bad = k->failed && !t; /* a declared type stays known */
    if (strcmp(s->name, "_"))
        VEC_PUSH(k->locals, s);
    else
        o->used = true;
}

/* ---- assignments ------------------------------------------------------ */

/* The type of an assignment's left-hand side (0 for _, with *blank set;
 * 0 and an error for what cannot be assigned). Assigning to a variable is
 * not a use of it. */
static uint32_t lhs_var(checker *k, ast_node *lhs, bool *blank, bool *bad)
{
    ast_node *id = unparen(lhs);
    res_sym *v = NULL;
    bool v_used = false;
    operand x;
    *blank = false;
    *bad = false;
    if (is_blank_ident(id)) {
        *blank = true;
        return 0;
    }
    if (id->kind == AST_IDENT) {
        v = ck_sym(k, id);
        if (v && v->kind == RS_LOCAL)
            v_used = ck_obj_get(k, v)->used;
        else
            v = NULL;
    }
    ck_expr(k, &x, lhs);
    if (v)
        ck_obj_get(k, v)->used = v_used;
    if (x.mode == CK_INVALID) {
        *bad = true;
        return 0;
    }
    if (x.mode != CK_VAR && x.mode != CK_MAPINDEX) {
        ast_node *sel = unparen(lhs);
        if (sel->kind == AST_SELECTOR) {
            operand opk;
            ck_expr(k, &opk, sel->u.selector.x);
            if (opk.mode == CK_MAPINDEX) {
                ck_errorf(k, lhs, "cannot assign to struct field %s in map",
                          ck_estr(k, lhs));
                *bad = true;
                return 0;
            }
        }
        ck_errorf(k, lhs, "cannot assign to %s (neither addressable nor a "
                          "map index expression)",
                  ck_estr(k, lhs));
        *bad = true;
        return 0;
    }
    return x.type;
}

/* lhs = x (x evaluated already, or rhs when x is NULL). */
static void assign_var(checker *k, ast_node *lhs, ast_node *rhs, operand *x,
                       const char *context)
{
    bool blank, bad;
    operand tmp;
    uint32_t t = lhs_var(k, lhs, &blank, &bad);
    if (bad) {
        if (x)
            ck_invalidate(x);
        return;
    }
    if (!x) {
        x = &tmp;
        ck_expr(k, x, rhs);
    }
    if (blank && !strcmp(context, "assignment"))
        context = "assignment to _ identifier";
    if (!t && !blank) { /* a dynamic destination */
        ck_assignment(k, x, 0, context);
        return;
    }
    ck_assignment(k, x, t, context);
}

static void assign_error(checker *k, ast_list rhs, size_t l, size_t r)
{
    ast_node *r0 = rhs.v[0], *call = unparen(r0);
    if (rhs.n == 1 && call->kind == AST_CALL)
        ck_errorf(k, r0, "assignment mismatch: %zu variable%s but %s returns "
                         "%zu value%s",
                  l, l == 1 ? "" : "s", ck_estr(k, call->u.call.fn), r,
                  r == 1 ? "" : "s");
    else
        ck_errorf(k, r0, "assignment mismatch: %zu variable%s but %zu "
                         "value%s",
                  l, l == 1 ? "" : "s", r, r == 1 ? "" : "s");
}

/* The values of a single right-hand side expression: a multi-valued call
 * spread, or a comma-ok expression giving (x, untyped bool). */
typedef VEC(operand) opvec;

static void multi_expr(checker *k, ast_node *e, bool allow_commaok,
                       size_t want, opvec *out)
{
    operand x;
    ck_multi_expr(k, &x, e);
    if (x.mode == CK_INVALID) {
        VEC_PUSH(*out, x);
        return;
    }
    if (x.mode == CK_VALUE && !x.type && unparen(e)->kind == AST_CALL) {
        /* a dynamic call gives whatever number of values is wanted */
        for (size_t i = 0; i < want; i++)
            VEC_PUSH(*out, x);
        return;
    }
    if (x.mode != CK_NOVALUE && x.type && VM_KIND(x.type) == K_TUPLE) {
        const vm_type *t = prog_type(k->prog, x.type);
        for (uint32_t i = 0; i < t->nresults; i++) {
            operand r = x;
            r.mode = CK_VALUE;
            r.type = t->params[i];
            VEC_PUSH(*out, r);
        }
        return;
    }
    if (x.mode == CK_NOVALUE) {
        ck_errorf(k, e, "%s (no value) used as value", ck_estr(k, e));
        ck_invalidate(&x);
        VEC_PUSH(*out, x);
        return;
    }
    VEC_PUSH(*out, x);
    if (allow_commaok && (x.mode == CK_MAPINDEX || x.mode == CK_COMMAOK)) {
        operand ok;
        memset(&ok, 0, sizeof ok);
        ok.mode = CK_VALUE;
        ok.expr = e;
        ok.type = T_UBOOL;
        VEC_PUSH(*out, ok);
    }
}

static void assign_vars(checker *k, ast_list lhs, ast_list rhs)
{
    size_t l = lhs.n, r = rhs.n;
    bool is_call = r == 1 && unparen(rhs.v[0])->kind == AST_CALL;
    opvec vals = {0};
    if (l == r && !is_call) {
        for (size_t i = 0; i < l && !k->failed; i++)
            assign_var(k, lhs.v[i], rhs.v[i], NULL, "assignment");
        return;
    }
    if (r != 1) {
        for (size_t i = 0; i < r; i++) {
            operand x;
            ck_multi_expr(k, &x, rhs.v[i]);
        }
        assign_error(k, rhs, l, r);
        return;
    }
    multi_expr(k, rhs.v[0], l == 2, l, &vals);
    if (vals.len == l) {
        for (size_t i = 0; i < l && !k->failed; i++)
            assign_var(k, lhs.v[i], NULL, &vals.p[i], "assignment");
    } else if (vals.p[0].mode != CK_INVALID) {
        assign_error(k, rhs, l, vals.len);
    }
    VEC_FREE(vals);
}

/* A variable (new: t == 0 on entry) initialized by x. */
static uint32_t init_var(checker *k, uint32_t t, operand *x,
                         const char *context)
{
    if (x->mode == CK_INVALID)
        return t;
    if (!t) {
        uint32_t xt = x->type;
        if (ck_is_untyped(xt)) {
            if (xt == T_UNIL) {
                ck_errorf(k, x->expr, "use of untyped nil in %s", context);
                ck_invalidate(x);
                return 0;
            }
            xt = ck_default(xt);
        }
        t = xt;
        if (!t) { /* dynamic */
            ck_assignment(k, x, 0, context);
            return 0;
        }
    }
    ck_assignment(k, x, t, context);
    return t;
}

/* Initialize the variables syms (types[i] fixed when non-zero) with rhs. */
static void init_vars(checker *k, res_sym **syms, uint32_t *types, size_t l,
                      ast_list rhs, const char *context)
{
    size_t r = rhs.n;
    bool is_call = r == 1 && unparen(rhs.v[0])->kind == AST_CALL;
    opvec vals = {0};
    if (l == r && !is_call) {
        for (size_t i = 0; i < l && !k->failed; i++) {
            operand x;
            ck_expr(k, &x, rhs.v[i]);
            types[i] = init_var(k, types[i], &x, context);
        }
        return;
    }
    if (r != 1) {
        for (size_t i = 0; i < r; i++) {
            operand x;
            ck_multi_expr(k, &x, rhs.v[i]);
        }
        assign_error(k, rhs, l, r);
        return;
    }
    multi_expr(k, rhs.v[0], l == 2, l, &vals);
    if (vals.len == l) {
        for (size_t i = 0; i < l && !k->failed; i++)
            types[i] = init_var(k, types[i], &vals.p[i], context);
    } else if (vals.p[0].mode != CK_INVALID) {
        assign_error(k, rhs, l, vals.len);
    }
    VEC_FREE(vals);
    (void)syms;
}

static void short_var_decl(checker *k, ast_node *n)
{
    ast_list lhs = n->u.assign.lhs;
    size_t l = lhs.n;
    res_sym **syms = wf_xcalloc(l + 1, sizeof *syms);
    uint32_t *types = wf_xcalloc(l + 1, sizeof *types);
    bool *isnew = wf_xcalloc(l + 1, 1);
    for (size_t i = 0; i < l; i++) {
        ast_node *id = lhs.v[i];
        res_sym *s = id->kind == AST_IDENT ? ck_sym(k, id) : NULL;
        syms[i] = s;
        if (!s)
            continue;
        /* a redeclared variable was declared by an earlier statement */
        isnew[i] = s->spec == n || is_blank_ident(id);
        if (!isnew[i]) {
            if (s->kind != RS_LOCAL && s->kind != RS_VAR) {
                ck_errorf(k, id, "cannot assign to %s", ck_estr(k, id));
                goto out;
            }
            ck_obj_decl(k, s);
            types[i] = ck_obj_get(k, s)->type;
        }
    }
    for (size_t i = 0; i < l; i++)
        for (size_t j = 0; j < i; j++)
            if (syms[i] && syms[j] && lhs.v[i]->kind == AST_IDENT &&
                !is_blank_ident(lhs.v[i]) &&
                !strcmp(lhs.v[i]->u.ident.name, lhs.v[j]->u.ident.name)) {
                ck_errorf(k, lhs.v[i], "%s repeated on left side of :=",
                          lhs.v[i]->u.ident.name);
                goto out;
            }
    init_vars(k, syms, types, l, n->u.assign.rhs, "assignment");
    for (size_t i = 0; i < l; i++)
        if (isnew[i] && syms[i])
            declare_local(k, syms[i], types[i]);
out:
    free(syms);
    free(types);
    free(isnew);
}

/* ---- declarations ---------------------------------------------------------- */

static void decl_stmt(checker *k, ast_node *d)
{
    lex_kind tok = d->u.gen_decl.tok;
    for (size_t i = 0; i < d->u.gen_decl.specs.n && !k->failed; i++) {
        ast_node *spec = d->u.gen_decl.specs.v[i];
        if (tok == TK_TYPE) {
            res_sym *s = ck_sym(k, spec->u.type_spec.name);
            if (s)
                ck_named_type(k, s);
            continue;
        }
        if (tok == TK_CONST) {
            for (size_t j = 0; j < spec->u.value_spec.names.n; j++) {
                res_sym *s = ck_sym(k, spec->u.value_spec.names.v[j]);
                if (s) {
                    ck_obj_decl(k, s);
                    /* a local const nobody uses is fine in Go */
                }
            }
            continue;
        }
        {
            ast_list names = spec->u.value_spec.names;
            size_t l = names.n;
            res_sym **syms = wf_xcalloc(l + 1, sizeof *syms);
            uint32_t *types = wf_xcalloc(l + 1, sizeof *types);
            uint32_t t = spec->u.value_spec.type
                             ? ck_typexpr(k, spec->u.value_spec.type)
                             : 0;
            for (size_t j = 0; j < l; j++) {
                syms[j] = ck_sym(k, names.v[j]);
                types[j] = t;
            }
            if (!k->failed && spec->u.value_spec.values.n)
                init_vars(k, syms, types, l, spec->u.value_spec.values,
                          "variable declaration");
            for (size_t j = 0; j < l; j++)
                declare_local(k, syms[j], types[j]);
            free(syms);
            free(types);
        }
    }
}

/* ---- statements ------------------------------------------------------------------ */

static void cond_check(checker *k, ast_node *cond, const char *what)
{
    operand x;
    ck_expr(k, &x, cond);
    if (x.mode != CK_INVALID && x.type && !ck_is_boolean(k, x.type))
        ck_errorf(k, cond, "non-boolean condition in %s statement", what);
}

static void expr_stmt(checker *k, ast_node *n)
{
    operand x;
    ast_node *e = n->u.expr_stmt.x, *c = unparen(e);
    const char *msg = NULL;
    ck_raw_expr(k, &x, e, 0, false);
    if (x.mode == CK_INVALID)
        return;
    switch (x.mode) {
    case CK_BUILTIN:
        msg = "must be called";
        break;
    case CK_TYPE:
        msg = "is not an expression";
        break;
    default:
        if (c->kind == AST_UNARY && c->u.unary.op == TK_ARROW)
            return;
        if (c->kind == AST_CALL) {
            ck_mode fm = check_mode_of(k, c->u.call.fn);
            if (fm == CK_TYPE) {
                msg = "is not used";
                break;
            }
            if (fm == CK_BUILTIN) {
                ast_node *f = unparen(c->u.call.fn);
                res_sym *b = f->kind == AST_IDENT ? ck_sym(k, f) : NULL;
                if (b && b->kind == RS_BUILTIN) {
                    switch (b->builtin) {
                    case RB_APPEND:
                    case RB_CAP:
                    case RB_LEN:
                    case RB_MAKE:
                    case RB_MAX:
                    case RB_MIN:
                    case RB_NEW:
                        msg = "is not used";
                        break;
                    default:
                        return;
                    }
                }
                break;
            }
            return;
        }
        msg = "is not used";
        break;
    }
    ck_errorf(k, e, "%s %s", ck_op_str(k, &x), msg);
}

static void go_defer(checker *k, ast_node *n)
{
    const char *kw = n->kind == AST_GO_STMT ? "go" : "defer";
    ast_node *call = n->u.go_defer.call, *c = unparen(call);
    operand x;
    if (c->kind != AST_CALL) {
        ck_errorf(k, call, "expression in %s must be function call", kw);
        return;
    }
    ck_raw_expr(k, &x, call, 0, false);
    if (x.mode == CK_INVALID)
        return;
    {
        ck_mode fm = check_mode_of(k, c->u.call.fn);
        if (fm == CK_TYPE) {
            ck_errorf(k, call, "%s requires function call, not conversion %s",
                      kw, ck_op_str(k, &x));
            return;
        }
        if (fm == CK_BUILTIN) {
            ast_node *f = unparen(c->u.call.fn);
            res_sym *b = f->kind == AST_IDENT ? ck_sym(k, f) : NULL;
            if (b && b->kind == RS_BUILTIN)
                switch (b->builtin) {
                case RB_APPEND:
                case RB_CAP:
                case RB_LEN:
                case RB_MAKE:
                case RB_MAX:
                case RB_MIN:
                case RB_NEW:
                    ck_errorf(k, call, "%s discards result of %s", kw,
                              ck_op_str(k, &x));
                    return;
                default:
                    break;
                }
        }
    }
}

static void return_stmt(checker *k, ast_node *n)
{
    const vm_type *sig = k->fn && k->fn->sig
                             ? prog_type(k->prog, k->fn->sig)
                             : NULL;
    ast_list res = n->u.ret.results;
    uint32_t nres = sig ? sig->nresults : 0;
    const uint32_t *rt = sig ? type_results(sig) : NULL;
    ast_node *ftype = k->fn ? (k->fn->node->kind == AST_FUNC_DECL
                                   ? k->fn->node->u.func_decl.type
                                   : k->fn->node->u.func_lit.type)
                            : NULL;
    bool named = ftype && ftype->u.func_type.results.n &&
                 ftype->u.func_type.results.v[0]->u.field.names.n;
    if (!sig)
        return;
    if (res.n == 0 && nres > 0 && named) {
        /* a result shadowed at the return */
        ast_list rl = ftype->u.func_type.results;
        for (size_t i = 0; i < rl.n; i++) {
            ast_node *f = rl.v[i];
            for (size_t j = 0; j < f->u.field.names.n; j++) {
                ast_node *id = f->u.field.names.v[j];
                res_sym *decl = ck_sym(k, id);
                (void)decl;
            }
        }
        return;
    }
    if (res.n == 0 && nres == 0)
        return;
    {
        opvec vals = {0};
        bool is_call = res.n == 1 && unparen(res.v[0])->kind == AST_CALL;
        if (res.n == nres && !is_call) {
            for (size_t i = 0; i < res.n && !k->failed; i++) {
                operand x;
                ck_expr(k, &x, res.v[i]);
                VEC_PUSH(vals, x);
            }
        } else if (res.n == 1) {
            multi_expr(k, res.v[0], false, nres, &vals);
        } else {
            for (size_t i = 0; i < res.n && !k->failed; i++) {
                operand x;
                ck_expr(k, &x, res.v[i]);
                VEC_PUSH(vals, x);
            }
        }
        for (size_t i = 0; i < vals.len; i++)
            if (vals.p[i].mode == CK_INVALID) {
                VEC_FREE(vals);
                return;
            }
        if (vals.len != nres) {
            ast_node *at = n;
            const char *q = "not enough";
            uint32_t *have = wf_xmalloc((vals.len + 1) * sizeof *have);
            buf h, w;
            if (vals.len > nres) {
                at = vals.p[nres].expr;
                q = "too many";
            } else if (vals.len > 0) {
                at = vals.p[vals.len - 1].expr;
            }
            for (size_t i = 0; i < vals.len; i++)
                have[i] = vals.p[i].type;
            buf_init(&h);
            buf_init(&w);
            buf_putc(&h, '(');
            for (size_t i = 0; i < vals.len; i++) {
                if (i)
                    buf_puts(&h, ", ");
                if (ck_is_untyped(have[i]))
                    buf_puts(&h, ck_is_numeric(k, have[i]) ? "number"
                                 : have[i] == T_UBOOL      ? "bool"
                                 : have[i] == T_USTR       ? "string"
                                                           : "nil");
                else
                    ck_type_str(k, &h, have[i]);
            }
            buf_putc(&h, ')');
            buf_putc(&w, '(');
            for (uint32_t i = 0; i < nres; i++) {
                if (i)
                    buf_puts(&w, ", ");
                ck_type_str(k, &w, rt[i]);
            }
            buf_putc(&w, ')');
            ck_errorf(k, at, "%s return values\n\thave %s\n\twant %s", q, h.p,
                      w.p);
            buf_fini(&h);
            buf_fini(&w);
            free(have);
            VEC_FREE(vals);
            return;
        }
        for (size_t i = 0; i < nres && !k->failed; i++)
            ck_assignment(k, &vals.p[i], rt[i], "return statement");
        VEC_FREE(vals);
    }
}

static void switch_stmt(checker *k, ast_node *n)
{
    operand x;
    VEC(operand) seen = {0};
    if (n->u.switch_.tag) {
        ck_expr(k, &x, n->u.switch_.tag);
        ck_assignment(k, &x, 0, "switch expression");
        if (x.mode != CK_INVALID && x.type && !ck_comparable(k, x.type) &&
            !ck_has_nil(k, x.type)) {
            ck_errorf(k, n->u.switch_.tag, "cannot switch on %s (%s is not "
                                           "comparable)",
                      ck_op_str(k, &x), ck_tstr(k, x.type));
            ck_invalidate(&x);
        }
    } else {
        static ast_node tru = {.kind = AST_IDENT, .u.ident.name = "true"};
        memset(&x, 0, sizeof x);
        x.mode = CK_CONST;
        x.type = T_BOOL;
        x.val = const_bool(true);
        x.expr = &tru;
    }
    for (size_t i = 0; i < n->u.switch_.clauses.n && !k->failed; i++) {
        ast_node *c = n->u.switch_.clauses.v[i];
        for (size_t j = 0; j < c->u.case_.list.n && !k->failed; j++) {
            ast_node *e = c->u.case_.list.v[j];
            operand v, res;
            ck_expr(k, &v, e);
            if (x.mode == CK_INVALID || v.mode == CK_INVALID)
                continue;
            ck_convert_untyped(k, &v, x.type);
            if (v.mode == CK_INVALID)
                continue;
            res = v;
            ck_case_compare(k, &res, &x);
            if (res.mode == CK_INVALID || v.mode != CK_CONST)
                continue;
            /* as gc: duplicates of integer, float and string values only
             * (switch { case false: ... case false: } is legal) */
            if (v.val.k != CONST_INT && v.val.k != CONST_FLOAT &&
                v.val.k != CONST_STRING)
                continue;
            for (size_t s = 0; s < seen.len; s++)
                if (seen.p[s].type == v.type &&
                    seen.p[s].val.k == v.val.k &&
                    const_compare(seen.p[s].val, TK_EQL, v.val)) {
                    ck_errorf(k, e, "duplicate case %s in expression switch",
                              ck_op_str(k, &v));
                    break;
                }
            VEC_PUSH(seen, v);
        }
        stmt_list(k, c->u.case_.body);
    }
    VEC_FREE(seen);
}

static void type_switch_stmt(checker *k, ast_node *n)
{
    operand x;
    bool valid = false, used = false;
    ast_node *bind = n->u.type_switch.bind;
    VEC(uint32_t) seen = {0};
    bool seen_nil = false;
    if (bind && is_blank_ident(bind)) {
        ck_errorf(k, bind, "no new variable on left side of :=");
        return;
    }
    ck_expr(k, &x, n->u.type_switch.x);
    if (x.mode != CK_INVALID) {
        if (!x.type || ck_is_interface(k, x.type))
            valid = true;
        else {
            ck_errorf(k, n->u.type_switch.x, "%s is not an interface",
                      ck_op_str(k, &x));
            return;
        }
    }
    for (size_t i = 0; i < n->u.type_switch.clauses.n && !k->failed; i++) {
        ast_node *c = n->u.type_switch.clauses.v[i];
        uint32_t t = 0;
        bool is_nil = false;
        for (size_t j = 0; j < c->u.case_.list.n && !k->failed; j++) {
            ast_node *e = c->u.case_.list.v[j], *ue = unparen(e);
            res_sym *ns = ue->kind == AST_IDENT ? ck_sym(k, ue) : NULL;
            if (ns && ns->kind == RS_NIL) {
                operand d;
                ck_expr(k, &d, e);
                t = 0;
                is_nil = true;
                if (seen_nil) {
                    ck_errorf(k, e, "duplicate case nil in type switch");
                    break;
                }
                seen_nil = true;
                continue;
            }
            is_nil = false;
            t = ck_typexpr(k, e);
            if (!t)
                continue;
            for (size_t s = 0; s < seen.len; s++)
                if (seen.p[s] == t) {
                    ck_errorf(k, e, "duplicate case %s in type switch",
                              ck_tstr(k, t));
                    break;
                }
            VEC_PUSH(seen, t);
            if (valid && x.type && !ck_is_interface(k, t) &&
                !ck_is_tparam(t)) {
                char why[600];
                if (!ck_implements(k, t, x.type, why, sizeof why)) {
                    const char *p = strstr(why, " (");
                    ck_errorf(k, e, "impossible type switch case: %s\n\t%s "
                                    "cannot have dynamic type %s %s",
                              ck_estr(k, e), ck_op_str(k, &x), ck_tstr(k, t),
                              p ? p + 1 : "");
                }
            }
        }
        if (bind) {
            res_sym *v = res_lookup(k->R, k->pkg, c);
            uint32_t vt = (c->u.case_.list.n == 1 && !is_nil && t) ? t
                                                                   : x.type;
            if (v) {
                ck_obj *o = ck_obj_get(k, v);
                o->type = vt;
                o->state = 2;
            }
        }
        stmt_list(k, c->u.case_.body);
        if (bind) {
            res_sym *v = res_lookup(k->R, k->pkg, c);
            if (v && ck_obj_get(k, v)->used)
                used = true;
        }
    }
    VEC_FREE(seen);
    if (bind && !used && !k->failed)
        ck_errorf(k, bind, "declared and not used: %s", bind->u.ident.name);
}

static void select_stmt(checker *k, ast_node *n)
{
    for (size_t i = 0; i < n->u.select.clauses.n && !k->failed; i++) {
        ast_node *c = n->u.select.clauses.v[i];
        ast_node *comm = c->u.comm.comm, *rhs = NULL;
        bool valid = false;
        if (!comm || comm->kind == AST_SEND_STMT)
            valid = true;
        else if (comm->kind == AST_ASSIGN_STMT && comm->u.assign.rhs.n == 1)
            rhs = comm->u.assign.rhs.v[0];
        else if (comm->kind == AST_EXPR_STMT)
            rhs = comm->u.expr_stmt.x;
        if (rhs) {
            rhs = unparen(rhs);
            valid = rhs->kind == AST_UNARY && rhs->u.unary.op == TK_ARROW;
        }
        if (!valid) {
            ck_errorf(k, comm, "select case must be receive, send or assign "
                               "recv");
            return;
        }
        if (comm)
            stmt(k, comm);
        stmt_list(k, c->u.comm.body);
    }
}

/* for k, v := range f: f must be func(yield func(K, V) bool), with no
 * results and yield of at most two parameters (Go 1.23). */
static bool rangefunc_types(checker *k, ast_node *n, operand *x,
                            const vm_type *u, uint32_t *key, uint32_t *val,
                            bool *one)
{
    const vm_type *y = NULL;
    const char *why = NULL;
    uint32_t yt;
    if (u->nparams != 1)
        why = "wrong argument count";
    else if (u->nresults)
        why = "wrong result count";
    else if (VM_KIND(yt = ck_under(k, u->params[0])) != K_FUNC)
        why = "argument is not func";
    else if ((y = prog_type(k->prog, yt))->nparams > 2 || y->variadic)
        why = "yield func has too many parameters";
    else if (y->nresults != 1 || VM_KIND(ck_under(k, y->params[y->nparams])) !=
                                     K_BOOL)
        why = "yield func does not return bool";
    if (why) {
        ck_errorf(k, n->u.range.x, "cannot range over %s: func must be "
                                   "func(yield func(...) bool): %s",
                  ck_op_str(k, x), why);
        return false;
    }
    if (y->nparams == 0 && n->u.range.key) {
        ck_errorf(k, n->u.range.key, "range over %s permits no iteration "
                                     "variables",
                  ck_op_str(k, x));
        return false;
    }
    *key = y->nparams > 0 ? y->params[0] : 0;
    *val = y->nparams > 1 ? y->params[1] : 0;
    *one = y->nparams < 2;
    if (!n->u.range.over_func) {
        n->u.range.over_func = true;
        res_rangefunc(k->R, n);
    }
    return true;
}

static void range_stmt(checker *k, ast_node *n)
{
    operand x;
    uint32_t key = 0, val = 0;
    bool ok = false, one = false, over_int = false;
    ast_node *lhs[2] = {n->u.range.key, n->u.range.value};
    ck_expr(k, &x, n->u.range.x);
    if (x.mode == CK_INVALID)
        return;
    if (!x.type) {
        ok = true; /* dynamic */
    } else {
        const vm_type *u = prog_type(k->prog, ck_core(k, x.type));
        if (VM_KIND(u->id) == K_PTR && u->elem &&
            VM_KIND(ck_under(k, u->elem)) == K_ARRAY)
            u = prog_type(k->prog, ck_under(k, u->elem));
        if (ck_is_string(k, x.type)) {
            key = T_INT;
            val = T_INT32;
            ok = true;
        } else if (ck_is_integer(k, x.type)) {
            key = x.type;
            ok = one = over_int = true;
        } else {
            switch (VM_KIND(u->id)) {
            case K_ARRAY:
            case K_SLICE:
                key = T_INT;
                val = u->elem;
                ok = true;
                break;
            case K_MAP:
                key = u->key;
                val = u->elem;
                ok = true;
                break;
            case K_FUNC:
                if (!rangefunc_types(k, n, &x, u, &key, &val, &one))
                    return;
                ok = true;
                break;
            case K_CHAN:
                if (u->dir == 1) {
                    ck_errorf(k, n->u.range.x, "cannot range over %s: receive "
                                               "from send-only channel",
                              ck_op_str(k, &x));
                    return;
                }
                key = u->elem;
                ok = one = true;
                break;
            default:
                break;
            }
        }
    }
    if (!ok) {
        ck_errorf(k, n->u.range.x, "cannot range over %s", ck_op_str(k, &x));
        return;
    }
    if (one && lhs[1]) {
        ck_errorf(k, lhs[1], "range over %s permits only one iteration "
                             "variable",
                  ck_op_str(k, &x));
        return;
    }
    /* at most one iteration variable, and len(x) constant: x is not
     * evaluated (Go spec, "For statements with range clause"); the
     * compiler ranges over the length, recorded as the statement's */
    if (x.type && !ck_is_tparam(x.type) &&
        (!lhs[1] || is_blank_ident(lhs[1]))) {
        const vm_type *u = prog_type(k->prog, ck_under(k, x.type));
        if (VM_KIND(u->id) == K_PTR && u->elem && !ck_is_tparam(u->elem))
            u = prog_type(k->prog, ck_under(k, u->elem));
        if (VM_KIND(u->id) == K_ARRAY &&
            !ck_has_call_or_recv(k, n->u.range.x)) {
            ck_info *in = ck_info_put(k, n);
            in->type = T_INT;
            in->mode = CK_CONST;
            in->has_val = true;
            in->val = arena_alloc(&k->mem, sizeof *in->val);
            *in->val = const_int64(&k->mem, (int64_t)u->len);
        }
    }
    /* an array ranged over by value, its elements used: gc copies it
     * into the function's frame (its order.go) */
    if (x.type && lhs[1] && !is_blank_ident(lhs[1]) && k->fn &&
        VM_KIND(ck_under(k, x.type)) == K_ARRAY) {
        int64_t w = vm_type_size(k->prog, x.type);
        k->fn->frame = k->fn->frame > INT64_MAX - w ? INT64_MAX
                                                    : k->fn->frame + w;
    }
    if (n->u.range.tok == TK_DEFINE) {
        for (int i = 0; i < 2 && !k->failed; i++) {
            res_sym *s;
            uint32_t t = i == 0 ? key : val;
            if (!lhs[i])
                continue;
            s = ck_sym(k, lhs[i]);
            if (over_int) {
                t = init_var(k, 0, &x, "range clause");
            } else if (t) {
                operand y;
                memset(&y, 0, sizeof y);
                y.mode = CK_VALUE;
                y.expr = lhs[i];
                y.type = t;
                t = init_var(k, 0, &y, "assignment");
            }
            declare_local(k, s, t);
        }
    } else if (lhs[0]) {
        for (int i = 0; i < 2 && !k->failed; i++) {
            uint32_t t = i == 0 ? key : val;
            if (!lhs[i])
                continue;
            if (over_int) {
                assign_var(k, lhs[i], NULL, &x, "range clause");
                if (x.mode != CK_INVALID && x.type &&
                    !ck_is_integer(k, x.type))
                    ck_errorf(k, lhs[i], "cannot use iteration variable of "
                                         "type %s",
                              ck_tstr(k, x.type));
            } else {
                operand y;
                memset(&y, 0, sizeof y);
                y.mode = CK_VALUE;
                y.expr = lhs[i];
                y.type = t;
                assign_var(k, lhs[i], NULL, &y, "assignment");
            }
        }
    } else if (over_int) {
        ck_assignment(k, &x, 0, "range clause");
    }
    stmt(k, n->u.range.body);
}

static void stmt(checker *k, ast_node *n)
{
    if (!n || k->failed)
        return;
    switch (n->kind) {
    case AST_DECL_STMT:
        decl_stmt(k, n->u.decl_stmt.decl);
        break;
    case AST_EMPTY_STMT:
        break;
    case AST_LABELED_STMT:
        stmt(k, n->u.labeled.stmt);
        break;
    case AST_EXPR_STMT:
        expr_stmt(k, n);
        break;
    case AST_SEND_STMT: {
        operand ch, v;
        const vm_type *u;
        ck_expr(k, &ch, n->u.send.ch);
        ck_expr(k, &v, n->u.send.value);
        if (ch.mode == CK_INVALID || v.mode == CK_INVALID)
            break;
        if (!ch.type) {
            ck_assignment(k, &v, 0, "send");
            break;
        }
        u = prog_type(k->prog, ck_core(k, ch.type));
        if (VM_KIND(u->id) != K_CHAN) {
            ck_errorf(k, n, INVALID_OP "cannot send to non-channel %s",
                      ck_op_str(k, &ch));
            break;
        }
        if (u->dir == 2) {
            ck_errorf(k, n, INVALID_OP "cannot send to receive-only channel "
                                       "%s",
                      ck_op_str(k, &ch));
            break;
        }
        ck_assignment(k, &v, u->elem, "send");
        break;
    }
    case AST_INCDEC_STMT: {
        operand x;
        ck_expr(k, &x, n->u.incdec.x);
        if (x.mode == CK_INVALID)
            break;
        if (x.type && !ck_is_numeric(k, x.type)) {
            const char *opk = n->u.incdec.op == TK_INC ? "++" : "--";
            ck_errorf(k, n->u.incdec.x, INVALID_OP "%s%s (non-numeric type "
                                                   "%s)",
                      ck_estr(k, n->u.incdec.x), opk, ck_tstr(k, x.type));
            break;
        }
        assign_var(k, n->u.incdec.x, NULL, &x, "assignment");
        break;
    }
    case AST_ASSIGN_STMT: {
        lex_kind opk = n->u.assign.op;
        if (opk == TK_ASSIGN) {
            assign_vars(k, n->u.assign.lhs, n->u.assign.rhs);
        } else if (opk == TK_DEFINE) {
            short_var_decl(k, n);
        } else {
            operand x;
            if (n->u.assign.lhs.n != 1 || n->u.assign.rhs.n != 1) {
                ck_errorf(k, n, "assignment operation %s requires "
                                "single-valued expressions",
                          lex_kind_str(opk));
                break;
            }
            ck_binary(k, &x, NULL, n->u.assign.lhs.v[0], n->u.assign.rhs.v[0],
                      lex_assign_op(opk));
            if (x.mode == CK_INVALID)
                break;
            assign_var(k, n->u.assign.lhs.v[0], NULL, &x,
                       "assignment operation");
        }
        break;
    }
    case AST_GO_STMT:
    case AST_DEFER_STMT:
        go_defer(k, n);
        break;
    case AST_RETURN_STMT:
        return_stmt(k, n);
        break;
    case AST_BRANCH_STMT:
        break;
    case AST_BLOCK_STMT:
        stmt_list(k, n->u.block.stmts);
        break;
    case AST_IF_STMT:
        stmt(k, n->u.if_.init);
        cond_check(k, n->u.if_.cond, "if");
        stmt(k, n->u.if_.then);
        stmt(k, n->u.if_.els);
        break;
    case AST_SWITCH_STMT:
        stmt(k, n->u.switch_.init);
        switch_stmt(k, n);
        break;
    case AST_TYPE_SWITCH_STMT:
        stmt(k, n->u.type_switch.init);
        type_switch_stmt(k, n);
        break;
    case AST_SELECT_STMT:
        select_stmt(k, n);
        break;
    case AST_FOR_STMT:
        stmt(k, n->u.for_.init);
        if (n->u.for_.cond)
            cond_check(k, n->u.for_.cond, "for");
        stmt(k, n->u.for_.post);
        stmt(k, n->u.for_.body);
        break;
    case AST_RANGE_STMT:
        range_stmt(k, n);
        break;
    default:
        ck_errorf(k, n, "unexpected %s in a statement", ast_kind_str(n->kind));
        break;
    }
}

/* ---- function bodies -------------------------------------------------------------- */

static void declare_params(checker *k, ast_list l, const uint32_t *types,
                           uint32_t *at, bool variadic_last)
{
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        size_t cnt = f->u.field.names.n ? f->u.field.names.n : 1;
        for (size_t j = 0; j < cnt; j++) {
            uint32_t t = types[*at];
            (*at)++;
            if (!f->u.field.names.n)
                continue;
            {
                res_sym *s = ck_sym(k, f->u.field.names.v[j]);
                if (s) {
                    ck_obj *o = ck_obj_get(k, s);
                    o->type = t;
                    o->state = 2;
                    o->used = true; /* parameters may go unused */
                }
            }
        }
    }
    (void)variadic_last;
}

void ck_func_body(checker *k, ast_node *node, ast_node *recv, uint32_t sig,
                  ast_node *body)
{
    ck_func f, *saved = k->fn;
    size_t saved_locals = k->locals.len;
    ast_node *ftype = node->kind == AST_FUNC_DECL ? node->u.func_decl.type
                                                  : node->u.func_lit.type;
    const vm_type *st;
    int64_t saved_iota = k->iota;
    bool saved_abandon = k->abandon_fn, clean;
    size_t abandoned0 = k->abandoned;
    if (!sig || !body || k->failed)
        return;
    k->abandon_fn = false;
    memset(&f, 0, sizeof f);
    f.outer = saved;
    f.node = node;
    f.sig = sig;
    f.pkg = k->pkg;
    k->fn = &f;
    k->iota = -1;
    if (recv) {
        uint32_t rt = ck_typexpr(k, recv->u.field.type);
        f.recv = rt;
        if (recv->u.field.names.n) {
            res_sym *s = ck_sym(k, recv->u.field.names.v[0]);
            if (s) {
                ck_obj *o = ck_obj_get(k, s);
                o->type = rt;
                o->state = 2;
                o->used = true;
            }
        }
    }
    /* after the receiver's type, which may make types (the table may
     * move) */
    st = prog_type(k->prog, sig);
    {
        uint32_t at = 0;
        vm_type copy = *st;
        declare_params(k, ftype->u.func_type.params, copy.params, &at,
                       copy.variadic);
        at = 0;
        /* no parameters: params may be NULL (no offset from it) */
        declare_params(k, ftype->u.func_type.results,
                       copy.params ? copy.params + copy.nparams : NULL, &at,
                       false);
    }
    stmt_list(k, body->u.block.stmts);
    /* after a statement with an error (here or in a function literal
     * within), a use or a return may have gone unseen: nothing more is
     * said of the function */
    clean = k->abandoned == abandoned0 && !k->failed;
    if (clean && prog_type(k->prog, sig)->nresults &&
        !ck_is_terminating_list(k, body->u.block.stmts, NULL)) {
        ast_node at;
        memset(&at, 0, sizeof at);
        at.kind = AST_EMPTY_STMT;
        at.file = body->file;
        at.line = body->u.block.rbrace_line;
        at.col = body->u.block.rbrace_col;
        ck_errorf(k, &at, "missing return");
        ck_recover(k);
    }
    if (clean)
        ck_frame_size(k, &f);
    /* unused variables, each (types2's usage: in source order; the
     * order of the errors is made when they are printed) */
    for (size_t i = saved_locals; clean && i < k->locals.len; i++) {
        res_sym *s = k->locals.p[i];
        if (ck_obj_get(k, s)->used || !s->ident || k->pkg->library)
            continue;
        ck_errorf(k, s->ident, "declared and not used: %s", s->name);
        ck_recover(k);
    }
    k->abandon_fn = saved_abandon;
    k->locals.len = saved_locals;
    k->fn = saved;
    k->iota = saved_iota;
}

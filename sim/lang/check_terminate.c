/* check_terminate.c: terminating statements (Go spec, "Terminating
 * statements"): a function with results must end in one ("missing
 * return"). */
#include <string.h>

#include "sim/lang/check_int.h"

static ast_node *unparen(ast_node *n)
{
    while (n && n->kind == AST_PAREN)
        n = n->u.paren.x;
    return n;
}

static bool is_terminating(checker *k, ast_node *s, const char *label);
static bool has_break(ast_node *s, const char *label, bool implicit);

static bool has_break_list(ast_list l, const char *label, bool implicit)
{
    for (size_t i = 0; i < l.n; i++)
        if (has_break(l.v[i], label, implicit))
            return true;
    return false;
}

static bool has_break(ast_node *s, const char *label, bool implicit)
{
    if (!s)
        return false;
    switch (s->kind) {
    case AST_LABELED_STMT:
        return has_break(s->u.labeled.stmt, label, implicit);
    case AST_BRANCH_STMT:
        if (s->u.branch.tok == TK_BREAK) {
            if (!s->u.branch.label)
                return implicit;
            if (label && !strcmp(s->u.branch.label->u.ident.name, label))
                return true;
        }
        return false;
    case AST_BLOCK_STMT:
        return has_break_list(s->u.block.stmts, label, implicit);
    case AST_IF_STMT:
        return has_break(s->u.if_.then, label, implicit) ||
               (s->u.if_.els && has_break(s->u.if_.els, label, implicit));
    case AST_SWITCH_STMT:
    case AST_TYPE_SWITCH_STMT: {
        ast_list cl = s->kind == AST_SWITCH_STMT ? s->u.switch_.clauses
                                                 : s->u.type_switch.clauses;
        if (!label)
            return false;
        for (size_t i = 0; i < cl.n; i++)
            if (has_break_list(cl.v[i]->u.case_.body, label, false))
                return true;
        return false;
    }
    case AST_SELECT_STMT:
        if (!label)
            return false;
        for (size_t i = 0; i < s->u.select.clauses.n; i++)
            if (has_break_list(s->u.select.clauses.v[i]->u.comm.body, label,
                               false))
                return true;
        return false;
    case AST_FOR_STMT:
        return label && has_break(s->u.for_.body, label, false);
    case AST_RANGE_STMT:
        return label && has_break(s->u.range.body, label, false);
    default:
        return false;
    }
}

bool ck_is_terminating_list(checker *k, ast_list l, const char *label)
{
    for (size_t i = l.n; i-- > 0;)
        if (l.v[i]->kind != AST_EMPTY_STMT)
            return is_terminating(k, l.v[i], label);
    return false;
}

static bool is_terminating(checker *k, ast_node *s, const char *label)
{
    switch (s->kind) {
    case AST_LABELED_STMT:
        return is_terminating(k, s->u.labeled.stmt,
                              s->u.labeled.label->u.ident.name);
    case AST_EXPR_STMT: {
        ast_node *c = unparen(s->u.expr_stmt.x);
        if (c->kind == AST_CALL) {
            ast_node *f = unparen(c->u.call.fn);
            res_sym *b = f->kind == AST_IDENT ? ck_sym(k, f) : NULL;
            if (b && b->kind == RS_BUILTIN && b->builtin == RB_PANIC)
                return true;
            /* os.Exit, log.Fatal and friends are not terminating in Go */
        }
        return false;
    }
    case AST_RETURN_STMT:
        return true;
    case AST_BRANCH_STMT:
        return s->u.branch.tok == TK_GOTO || s->u.branch.tok == TK_FALLTHROUGH;
    case AST_BLOCK_STMT:
        return ck_is_terminating_list(k, s->u.block.stmts, NULL);
    case AST_IF_STMT:
        return s->u.if_.els && is_terminating(k, s->u.if_.then, NULL) &&
               is_terminating(k, s->u.if_.els, NULL);
    case AST_SWITCH_STMT:
    case AST_TYPE_SWITCH_STMT: {
        ast_list cl = s->kind == AST_SWITCH_STMT ? s->u.switch_.clauses
                                                 : s->u.type_switch.clauses;
        bool has_default = false;
        for (size_t i = 0; i < cl.n; i++) {
            ast_node *c = cl.v[i];
            if (c->u.case_.is_default)
                has_default = true;
            if (!ck_is_terminating_list(k, c->u.case_.body, NULL) ||
                has_break_list(c->u.case_.body, label, true))
                return false;
        }
        return has_default;
    }
    case AST_SELECT_STMT:
        for (size_t i = 0; i < s->u.select.clauses.n; i++) {
            ast_node *c = s->u.select.clauses.v[i];
            if (!ck_is_terminating_list(k, c->u.comm.body, NULL) ||
                has_break_list(c->u.comm.body, label, true))
                return false;
        }
        return true;
    case AST_FOR_STMT:
        return !s->u.for_.cond && !has_break(s->u.for_.body, label, true);
    default:
        return false;
    }
}

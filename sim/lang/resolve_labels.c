/* resolve_labels.c: labels of function bodies (Go spec, "Label
 * scopes"): each defined once per function, each break, continue and
 * goto naming a defined one; function literals are checked on their
 * own, as they are functions of their own. */
#include <stdlib.h>
#include <string.h>

#include "sim/lang/parse.h"
#include "sim/lang/resolve_int.h"

/* ---- labels --------------------------------------------------------------- */

/* Check the labels of one function body: defined once, each named by a
 * branch, and every branch names a defined one. Function literals are checked on their own. */
typedef struct labels {
    VEC(ast_node *) defs; /* the blank label _ is none: it never conflicts
                             and no branch can name it */
    VEC(uint8_t) used;    /* defs.p[i] is named by a branch */
    VEC(ast_node **) def_blk; /* the statement list holding defs.p[i] */
    VEC(size_t) def_idx;      /* and its place there */
    /* where the walk is: the statement lists it is in, outermost first,
     * with the place of the statement it is in, in each */
    VEC(ast_list) blk;
    VEC(size_t) idx;
} labels;

/* A statement declaring a variable of the block it is in (a goto may not
 * jump forward over one), seen through its labels. */
static bool declares_var(const ast_node *n)
{
    while (n->kind == AST_LABELED_STMT)
        n = n->u.labeled.stmt;
    if (n->kind == AST_ASSIGN_STMT)
        return n->u.assign.op == TK_DEFINE;
    return n->kind == AST_DECL_STMT &&
           n->u.decl_stmt.decl->u.gen_decl.tok == TK_VAR;
}

/* goto to label d (Go spec, "Goto statements"): not into a block the
 * goto is outside of, nor forward over a variable's declaration. */
static void check_goto(resolver *r, const ast_node *g, const labels *L,
                       size_t d)
{
    size_t lv = L->blk.len;
    for (size_t i = 0; i < L->blk.len && lv == L->blk.len; i++)
        if (L->blk.p[i].v == L->def_blk.p[d])
            lv = i;
    if (lv == L->blk.len) {
        res_err(r, g->u.branch.label, "goto %s jumps into block",
                g->u.branch.label->u.ident.name);
        return;
    }
    for (size_t k = L->idx.p[lv] + 1; k < L->def_idx.p[d]; k++)
        if (declares_var(L->blk.p[lv].v[k])) {
            res_err(r, g->u.branch.label,
                    "goto %s jumps over variable declaration at line %d",
                    g->u.branch.label->u.ident.name,
                    L->blk.p[lv].v[k]->line);
            return;
        }
}

static void collect_labels(resolver *r, ast_node *n, labels *L);
static void collect_list(resolver *r, ast_list l, labels *L)
{
    for (size_t i = 0; i < l.n; i++) {
        VEC_PUSH(L->blk, l);
        VEC_PUSH(L->idx, i);
        collect_labels(r, l.v[i], L);
        L->blk.len--;
        L->idx.len--;
    }
}

static void collect_labels(resolver *r, ast_node *n, labels *L)
{
    if (!n || r->failed)
        return;
    switch (n->kind) {
    case AST_LABELED_STMT:
        if (!strcmp(n->u.labeled.label->u.ident.name, "_")) {
            collect_labels(r, n->u.labeled.stmt, L);
            break;
        }
        for (size_t i = 0; i < L->defs.len; i++)
            if (!strcmp(L->defs.p[i]->u.ident.name,
                        n->u.labeled.label->u.ident.name)) {
                res_err(r, n->u.labeled.label, "label %s already defined",
                    n->u.labeled.label->u.ident.name);
                return;
            }
        VEC_PUSH(L->defs, n->u.labeled.label);
        VEC_PUSH(L->used, 0);
        VEC_PUSH(L->def_blk, L->blk.len ? L->blk.p[L->blk.len - 1].v : NULL);
        VEC_PUSH(L->def_idx, L->idx.len ? L->idx.p[L->idx.len - 1] : 0);
        collect_labels(r, n->u.labeled.stmt, L);
        break;
    case AST_BLOCK_STMT:
        collect_list(r, n->u.block.stmts, L);
        break;
    case AST_IF_STMT:
        collect_labels(r, n->u.if_.then, L);
        collect_labels(r, n->u.if_.els, L);
        break;
    case AST_FOR_STMT:
        collect_labels(r, n->u.for_.body, L);
        break;
    case AST_RANGE_STMT:
        collect_labels(r, n->u.range.body, L);
        break;
    case AST_SWITCH_STMT:
        for (size_t i = 0; i < n->u.switch_.clauses.n; i++)
            collect_list(r, n->u.switch_.clauses.v[i]->u.case_.body, L);
        break;
    case AST_TYPE_SWITCH_STMT:
        for (size_t i = 0; i < n->u.type_switch.clauses.n; i++)
            collect_list(r, n->u.type_switch.clauses.v[i]->u.case_.body, L);
        break;
    case AST_SELECT_STMT:
        for (size_t i = 0; i < n->u.select.clauses.n; i++)
            collect_list(r, n->u.select.clauses.v[i]->u.comm.body, L);
        break;
    default:
        break;
    }
}

static void check_branches(resolver *r, ast_node *n, labels *L);
static void check_list(resolver *r, ast_list l, labels *L)
{
    for (size_t i = 0; i < l.n; i++) {
        VEC_PUSH(L->blk, l);
        VEC_PUSH(L->idx, i);
        check_branches(r, l.v[i], L);
        L->blk.len--;
        L->idx.len--;
    }
}

static void check_branches(resolver *r, ast_node *n, labels *L)
{
    if (!n || r->failed)
        return;
    switch (n->kind) {
    case AST_BRANCH_STMT:
        if (n->u.branch.label) {
            bool found = false;
            for (size_t i = 0; i < L->defs.len && !found; i++)
                if (!strcmp(L->defs.p[i]->u.ident.name,
                            n->u.branch.label->u.ident.name)) {
                    L->used.p[i] = 1;
                    found = true;
                    if (n->u.branch.tok == TK_GOTO)
                        check_goto(r, n, L, i);
                }
            if (!found)
                res_err(r, n->u.branch.label, "label %s not defined",
                    n->u.branch.label->u.ident.name);
        }
        break;
    case AST_LABELED_STMT:
        check_branches(r, n->u.labeled.stmt, L);
        break;
    case AST_BLOCK_STMT:
        check_list(r, n->u.block.stmts, L);
        break;
    case AST_IF_STMT:
        check_branches(r, n->u.if_.then, L);
        check_branches(r, n->u.if_.els, L);
        break;
    case AST_FOR_STMT:
        check_branches(r, n->u.for_.body, L);
        break;
    case AST_RANGE_STMT:
        check_branches(r, n->u.range.body, L);
        break;
    case AST_SWITCH_STMT:
        for (size_t i = 0; i < n->u.switch_.clauses.n; i++)
            check_list(r, n->u.switch_.clauses.v[i]->u.case_.body, L);
        break;
    case AST_TYPE_SWITCH_STMT:
        for (size_t i = 0; i < n->u.type_switch.clauses.n; i++)
            check_list(r, n->u.type_switch.clauses.v[i]->u.case_.body, L);
        break;
    case AST_SELECT_STMT:
        for (size_t i = 0; i < n->u.select.clauses.n; i++)
            check_list(r, n->u.select.clauses.v[i]->u.comm.body, L);
        break;
    default:
        break;
    }
}

/* Function literals anywhere in n get their own label check. */

void res_check_labels(resolver *r, ast_node *body)
{
    labels L;
    memset(&L, 0, sizeof L);
    if (!body)
        return;
    collect_labels(r, body, &L);
    check_branches(r, body, &L);
    for (size_t i = 0; i < L.defs.len && !r->failed; i++)
        if (!L.used.p[i])
            res_err(r, L.defs.p[i], "label %s defined and not used",
                    L.defs.p[i]->u.ident.name);
    VEC_FREE(L.defs);
    VEC_FREE(L.used);
    VEC_FREE(L.def_blk);
    VEC_FREE(L.def_idx);
    VEC_FREE(L.blk);
    VEC_FREE(L.idx);
    res_check_funclits(r, body, 0);
}

static void check_funclits_list(resolver *r, ast_list l, int depth)
{
    for (size_t i = 0; i < l.n; i++)
        res_check_funclits(r, l.v[i], depth);
}

void res_check_funclits(resolver *r, ast_node *n, int depth)
{
    if (!n || r->failed || depth > 3 * PARSE_MAX_DEPTH)
        return;
    depth++;
    switch (n->kind) {
    case AST_FUNC_LIT:
        res_check_labels(r, n->u.func_lit.body);
        return;
    case AST_COMPOSITE_LIT:
        check_funclits_list(r, n->u.composite.elts, depth);
        return;
    case AST_PAREN:
        res_check_funclits(r, n->u.paren.x, depth);
        return;
    case AST_SELECTOR:
        res_check_funclits(r, n->u.selector.x, depth);
        return;
    case AST_INDEX:
        res_check_funclits(r, n->u.index.x, depth);
        res_check_funclits(r, n->u.index.index, depth);
        return;
    case AST_SLICE:
        res_check_funclits(r, n->u.slice.x, depth);
        res_check_funclits(r, n->u.slice.lo, depth);
        res_check_funclits(r, n->u.slice.hi, depth);
        res_check_funclits(r, n->u.slice.max, depth);
        return;
    case AST_TYPE_ASSERT:
        res_check_funclits(r, n->u.type_assert.x, depth);
        return;
    case AST_CALL:
        res_check_funclits(r, n->u.call.fn, depth);
        check_funclits_list(r, n->u.call.args, depth);
        return;
    case AST_STAR:
        res_check_funclits(r, n->u.star.x, depth);
        return;
    case AST_UNARY:
        res_check_funclits(r, n->u.unary.x, depth);
        return;
    case AST_BINARY:
        res_check_funclits(r, n->u.binary.x, depth);
        res_check_funclits(r, n->u.binary.y, depth);
        return;
    case AST_KEY_VALUE:
        res_check_funclits(r, n->u.kv.key, depth);
        res_check_funclits(r, n->u.kv.value, depth);
        return;
    case AST_DECL_STMT: {
        ast_node *d = n->u.decl_stmt.decl;
        for (size_t i = 0; i < d->u.gen_decl.specs.n; i++) {
            ast_node *sp = d->u.gen_decl.specs.v[i];
            if (sp->kind == AST_VALUE_SPEC)
                check_funclits_list(r, sp->u.value_spec.values, depth);
        }
        return;
    }
    case AST_LABELED_STMT:
        res_check_funclits(r, n->u.labeled.stmt, depth);
        return;
    case AST_EXPR_STMT:
        res_check_funclits(r, n->u.expr_stmt.x, depth);
        return;
    case AST_SEND_STMT:
        res_check_funclits(r, n->u.send.ch, depth);
        res_check_funclits(r, n->u.send.value, depth);
        return;
    case AST_INCDEC_STMT:
        res_check_funclits(r, n->u.incdec.x, depth);
        return;
    case AST_ASSIGN_STMT:
        check_funclits_list(r, n->u.assign.lhs, depth);
        check_funclits_list(r, n->u.assign.rhs, depth);
        return;
    case AST_GO_STMT:
    case AST_DEFER_STMT:
        res_check_funclits(r, n->u.go_defer.call, depth);
        return;
    case AST_RETURN_STMT:
        check_funclits_list(r, n->u.ret.results, depth);
        return;
    case AST_BLOCK_STMT:
        check_funclits_list(r, n->u.block.stmts, depth);
        return;
    case AST_IF_STMT:
        res_check_funclits(r, n->u.if_.init, depth);
        res_check_funclits(r, n->u.if_.cond, depth);
        res_check_funclits(r, n->u.if_.then, depth);
        res_check_funclits(r, n->u.if_.els, depth);
        return;
    case AST_SWITCH_STMT:
        res_check_funclits(r, n->u.switch_.init, depth);
        res_check_funclits(r, n->u.switch_.tag, depth);
        for (size_t i = 0; i < n->u.switch_.clauses.n; i++) {
            ast_node *c = n->u.switch_.clauses.v[i];
            check_funclits_list(r, c->u.case_.list, depth);
            check_funclits_list(r, c->u.case_.body, depth);
        }
        return;
    case AST_TYPE_SWITCH_STMT:
        res_check_funclits(r, n->u.type_switch.init, depth);
        res_check_funclits(r, n->u.type_switch.x, depth);
        for (size_t i = 0; i < n->u.type_switch.clauses.n; i++)
            check_funclits_list(
                r, n->u.type_switch.clauses.v[i]->u.case_.body, depth);
        return;
    case AST_SELECT_STMT:
        for (size_t i = 0; i < n->u.select.clauses.n; i++) {
            ast_node *c = n->u.select.clauses.v[i];
            res_check_funclits(r, c->u.comm.comm, depth);
            check_funclits_list(r, c->u.comm.body, depth);
        }
        return;
    case AST_FOR_STMT:
        res_check_funclits(r, n->u.for_.init, depth);
        res_check_funclits(r, n->u.for_.cond, depth);
        res_check_funclits(r, n->u.for_.post, depth);
        res_check_funclits(r, n->u.for_.body, depth);
        return;
    case AST_RANGE_STMT:
        res_check_funclits(r, n->u.range.x, depth);
        res_check_funclits(r, n->u.range.body, depth);
        return;
    default:
        return;
    }
}


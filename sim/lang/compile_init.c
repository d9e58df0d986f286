/* compile_init.c: package variables initialized in dependency order
 * (Go spec, "Package initialization"): a variable's initializer waits
 * for every variable it refers to, directly or through the functions
 * and methods it calls; ties go to declaration order. */
#include <stdlib.h>
#include <string.h>

#include "sim/lang/compile_int.h"
#include "sim/lang/parse.h"

/* ---- package variables: dependency order ---------------------------------- */

typedef struct deps {
    compiler *C;
    res_pkg *pkg;
    VEC(res_sym *) out;
    VEC(res_sym *) seen_funcs;
    int depth;
} deps;

static void deps_node(deps *D, ast_node *n);
static void deps_list(deps *D, ast_list l)
{
    for (size_t i = 0; i < l.n; i++)
        deps_node(D, l.v[i]);
}

/* Every package variable n refers to, through the functions it calls. */
static void deps_node(deps *D, ast_node *n)
{
    res_sym *s;
    if (!n || D->depth > 3 * PARSE_MAX_DEPTH)
        return;
    D->depth++;
    switch (n->kind) {
    case AST_IDENT:
        s = res_lookup(D->C->R, D->pkg, n);
        if (s && s->kind == RS_VAR && s->pkg == D->pkg) {
            VEC_PUSH(D->out, s);
        } else if (s && s->kind == RS_FUNC && s->pkg == D->pkg) {
            bool seen = false;
            for (size_t i = 0; i < D->seen_funcs.len && !seen; i++)
                seen = D->seen_funcs.p[i] == s;
            if (!seen) {
                VEC_PUSH(D->seen_funcs, s);
                deps_node(D, s->spec->u.func_decl.body);
            }
        } else if (s && s->kind == RS_TYPE && s->pkg == D->pkg && s->spec) {
            bool seen = false;
            for (size_t i = 0; i < D->seen_funcs.len && !seen; i++)
                seen = D->seen_funcs.p[i] == s;
            if (!seen) {
                VEC_PUSH(D->seen_funcs, s);
                for (size_t i = 0; i < s->methods.len; i++)
                    deps_node(D, s->methods.p[i]->u.func_decl.body);
            }
        }
        break;
    case AST_COMPOSITE_LIT:
        deps_node(D, n->u.composite.type);
        deps_list(D, n->u.composite.elts);
        break;
    case AST_FUNC_LIT:
        deps_node(D, n->u.func_lit.body);
        break;
    case AST_PAREN:
        deps_node(D, n->u.paren.x);
        break;
    case AST_SELECTOR:
        deps_node(D, n->u.selector.x);
        break;
    case AST_INDEX:
        deps_node(D, n->u.index.x);
        deps_node(D, n->u.index.index);
        break;
    case AST_SLICE:
        deps_node(D, n->u.slice.x);
        deps_node(D, n->u.slice.lo);
        deps_node(D, n->u.slice.hi);
        deps_node(D, n->u.slice.max);
        break;
    case AST_TYPE_ASSERT:
        deps_node(D, n->u.type_assert.x);
        break;
    case AST_CALL:
        deps_node(D, n->u.call.fn);
        deps_list(D, n->u.call.args);
        break;
    case AST_STAR:
        deps_node(D, n->u.star.x);
        break;
    case AST_UNARY:
        deps_node(D, n->u.unary.x);
        break;
    case AST_BINARY:
        deps_node(D, n->u.binary.x);
        deps_node(D, n->u.binary.y);
        break;
    case AST_KEY_VALUE:
        deps_node(D, n->u.kv.key);
        deps_node(D, n->u.kv.value);
        break;
    case AST_DECL_STMT: {
        ast_node *d = n->u.decl_stmt.decl;
        for (size_t i = 0; i < d->u.gen_decl.specs.n; i++)
            if (d->u.gen_decl.specs.v[i]->kind == AST_VALUE_SPEC)
                deps_list(D, d->u.gen_decl.specs.v[i]->u.value_spec.values);
        break;
    }
    case AST_LABELED_STMT:
        deps_node(D, n->u.labeled.stmt);
        break;
    case AST_EXPR_STMT:
        deps_node(D, n->u.expr_stmt.x);
        break;
    case AST_SEND_STMT:
        deps_node(D, n->u.send.ch);
        deps_node(D, n->u.send.value);
        break;
    case AST_INCDEC_STMT:
        deps_node(D, n->u.incdec.x);
        break;
    case AST_ASSIGN_STMT:
        deps_list(D, n->u.assign.lhs);
        deps_list(D, n->u.assign.rhs);
        break;
    case AST_GO_STMT:
    case AST_DEFER_STMT:
        deps_node(D, n->u.go_defer.call);
        break;
    case AST_RETURN_STMT:
        deps_list(D, n->u.ret.results);
        break;
    case AST_BLOCK_STMT:
        deps_list(D, n->u.block.stmts);
        break;
    case AST_IF_STMT:
        deps_node(D, n->u.if_.init);
        deps_node(D, n->u.if_.cond);
        deps_node(D, n->u.if_.then);
        deps_node(D, n->u.if_.els);
        break;
    case AST_CASE_CLAUSE:
        deps_list(D, n->u.case_.list);
        deps_list(D, n->u.case_.body);
        break;
    case AST_SWITCH_STMT:
        deps_node(D, n->u.switch_.init);
        deps_node(D, n->u.switch_.tag);
        deps_list(D, n->u.switch_.clauses);
        break;
    case AST_TYPE_SWITCH_STMT:
        deps_node(D, n->u.type_switch.init);
        deps_node(D, n->u.type_switch.x);
        deps_list(D, n->u.type_switch.clauses);
        break;
    case AST_COMM_CLAUSE:
        deps_node(D, n->u.comm.comm);
        deps_list(D, n->u.comm.body);
        break;
    case AST_SELECT_STMT:
        deps_list(D, n->u.select.clauses);
        break;
    case AST_FOR_STMT:
        deps_node(D, n->u.for_.init);
        deps_node(D, n->u.for_.cond);
        deps_node(D, n->u.for_.post);
        deps_node(D, n->u.for_.body);
        break;
    case AST_RANGE_STMT:
        deps_node(D, n->u.range.x);
        deps_node(D, n->u.range.body);
        break;
    default:
        break;
    }
    D->depth--;
}

/* Initialize p's variables in dependency order (Go spec, "Package
 * initialization"): repeatedly the earliest variable whose initializer
 * refers to no uninitialized variable. */
void cinit_vars(fstate *fs, res_pkg *p)
{
    compiler *C = fs->C;
    VEC(ast_node *) specs = {0};
    VEC(uint8_t) done = {0};
    size_t left;
    for (size_t i = 0; i < p->file->decls.n; i++) {
        ast_node *d = p->file->decls.v[i];
        if (d->kind != AST_GEN_DECL || d->u.gen_decl.tok != TK_VAR)
            continue;
        for (size_t k = 0; k < d->u.gen_decl.specs.n; k++) {
            VEC_PUSH(specs, d->u.gen_decl.specs.v[k]);
            VEC_PUSH(done, 0);
        }
    }
    left = specs.len;
    while (left && !C->failed) {
        size_t pick = specs.len;
        for (size_t i = 0; i < specs.len && pick == specs.len; i++) {
            deps D;
            bool ready = true;
            if (done.p[i])
                continue;
            memset(&D, 0, sizeof D);
            D.C = C;
            D.pkg = p;
            deps_list(&D, specs.p[i]->u.value_spec.values);
            for (size_t k = 0; k < D.out.len && ready; k++)
                for (size_t j = 0; j < specs.len && ready; j++) {
                    ast_node *sp = specs.p[j];
                    if (done.p[j] || j == i)
                        continue;
                    for (size_t q = 0; q < sp->u.value_spec.names.n; q++)
                        if (csym(fs, sp->u.value_spec.names.v[q]) ==
                            D.out.p[k])
                            ready = false;
                }
            VEC_FREE(D.out);
            VEC_FREE(D.seen_funcs);
            if (ready)
                pick = i;
        }
        if (pick == specs.len) {
            cerr(C, specs.p[0], "initialization cycle");
            break;
        }
        done.p[pick] = 1;
        left--;
        {
            ast_node *sp = specs.p[pick];
            ast_node *decl = ast_new(&C->prog->mem, AST_DECL_STMT, sp->line,
                                     sp->col);
            ast_node *gd = ast_new(&C->prog->mem, AST_GEN_DECL, sp->line,
                                   sp->col);
            gd->u.gen_decl.tok = TK_VAR;
            gd->u.gen_decl.specs.v = &specs.p[pick];
            gd->u.gen_decl.specs.n = 1;
            decl->u.decl_stmt.decl = gd;
            if (sp->u.value_spec.values.n)
                cstmt(fs, decl);
        }
    }
    VEC_FREE(specs);
    VEC_FREE(done);
}


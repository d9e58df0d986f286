/* compile_init.c: package variables initialized in dependency order
 * (Go spec, "Package initialization"): a variable's initializer waits
 * for every variable it refers to, directly or through the functions
 * and methods it refers to; ties go to declaration order. A variable
 * that refers to itself that way is an initialization cycle, an
 * error. */
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"
#include "sim/lang/parse.h"

/* ---- package variables: dependency order ---------------------------------- */

typedef struct deps {
    compiler *C;
    res_pkg *pkg;
    VEC(res_sym *) out;
    VEC(res_sym *) seen_funcs;
    VEC(ast_node *) seen_decls; /* methods followed */
    int depth;
} deps;

static void deps_node(deps *D, ast_node *n);
static void deps_list(deps *D, ast_list l)
{
    for (size_t i = 0; i < l.n; i++)
        deps_node(D, l.v[i]);
}

/* A reference to a method (the spec: a method value or method
 * expression t.m, t's static type not an interface) refers to what the
 * method's body refers to, when the method is the package's. Only such
 * references count: a value of type T does not refer to T's methods. */
static void deps_method(deps *D, ast_node *n)
{
    const ck_selection *sel = check_selection(D->C->K, n);
    ast_node *decl;
    bool ours = false;
    if (!sel || (sel->kind != SEL_METHOD && sel->kind != SEL_METHOD_EXPR) ||
        !(decl = sel->decl) || decl->kind != AST_FUNC_DECL)
        return;
    for (size_t i = 0; i < D->seen_decls.len; i++)
        if (D->seen_decls.p[i] == decl)
            return;
    VEC_PUSH(D->seen_decls, decl);
    for (size_t i = 0; i < D->pkg->file->decls.n && !ours; i++)
        ours = D->pkg->file->decls.v[i] == decl;
    if (ours)
        deps_node(D, decl->u.func_decl.body);
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
        deps_method(D, n);
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

/* Does spec sp declare symbol s? */
static bool spec_declares(fstate *fs, const ast_node *sp, const res_sym *s)
{
    for (size_t q = 0; q < sp->u.value_spec.names.n; q++)
        if (csym(fs, sp->u.value_spec.names.v[q]) == s)
            return true;
    return false;
}

/* No spec of specs is ready (each waits for one not initialized): an
 * initialization cycle. Follows waits from the first until one repeats
 * and reports the cycle found, at its variable first in the source, as
 * gc does: "initialization cycle for x: x refers to y, y refers to x". */
static void init_cycle(fstate *fs, ast_node **specs, size_t n,
                       const uint8_t *done, size_t *const *dep,
                       const size_t *ndep)
{
    size_t *path = calloc(n + 1, sizeof *path);
    size_t *at = malloc(n * sizeof *at), len = 0, cur = 0, first, min;
    buf b;
    for (size_t i = 0; i < n; i++)
        at[i] = n;
    while (done[cur])
        cur++;
    while (at[cur] == n) {
        size_t next = cur;
        at[cur] = len;
        path[len++] = cur;
        for (size_t k = 0; k < ndep[cur]; k++)
            if (!done[dep[cur][k]]) {
                next = dep[cur][k];
                break;
            }
        cur = next;
    }
    first = at[cur];
    min = first;
    for (size_t k = first; k < len; k++)
        if (path[k] < path[min])
            min = k;
    buf_init(&b);
    {
        ast_node *sp = specs[path[min]];
        const char *x = sp->u.value_spec.names.v[0]->u.ident.name;
        buf_printf(&b, "initialization cycle for %s: ", x);
        if (len - first == 1)
            buf_printf(&b, "%s refers to itself", x);
        for (size_t k = 0; k < len - first && len - first > 1; k++) {
            size_t a = path[first + (min - first + k) % (len - first)];
            size_t z = path[first + (min - first + k + 1) % (len - first)];
            buf_printf(&b, "%s%s refers to %s", k ? ", " : "",
                       specs[a]->u.value_spec.names.v[0]->u.ident.name,
                       specs[z]->u.value_spec.names.v[0]->u.ident.name);
        }
        cerr(fs->C, sp->u.value_spec.names.v[0], "%s", b.p);
    }
    buf_fini(&b);
    free(path);
    free(at);
}

/* Initialize p's variables in dependency order (Go spec, "Package
 * initialization"): repeatedly the earliest variable whose initializer
 * refers to no uninitialized variable, itself included. */
void cinit_vars(fstate *fs, res_pkg *p)
{
    compiler *C = fs->C;
    VEC(ast_node *) specs = {0};
    VEC(uint8_t) done = {0};
    size_t left, **dep, *ndep;
    for (size_t i = 0; i < p->file->decls.n; i++) {
        ast_node *d = p->file->decls.v[i];
        if (d->kind != AST_GEN_DECL || d->u.gen_decl.tok != TK_VAR)
            continue;
        for (size_t k = 0; k < d->u.gen_decl.specs.n; k++) {
            VEC_PUSH(specs, d->u.gen_decl.specs.v[k]);
            VEC_PUSH(done, 0);
        }
    }
    /* each spec's dependencies: the specs declaring a variable it
     * refers to */
    dep = calloc(specs.len + 1, sizeof *dep);
    ndep = calloc(specs.len + 1, sizeof *ndep);
    for (size_t i = 0; i < specs.len; i++) {
        deps D;
        memset(&D, 0, sizeof D);
        D.C = C;
        D.pkg = p;
        deps_list(&D, specs.p[i]->u.value_spec.values);
        dep[i] = malloc((specs.len + 1) * sizeof **dep);
        for (size_t j = 0; j < specs.len; j++) {
            bool refers = false;
            for (size_t k = 0; k < D.out.len && !refers; k++)
                refers = spec_declares(fs, specs.p[j], D.out.p[k]);
            if (refers)
                dep[i][ndep[i]++] = j;
        }
        VEC_FREE(D.out);
        VEC_FREE(D.seen_funcs);
        VEC_FREE(D.seen_decls);
    }
    left = specs.len;
    while (left && !C->failed) {
        size_t pick = specs.len;
        for (size_t i = 0; i < specs.len && pick == specs.len; i++) {
            bool ready = !done.p[i];
            for (size_t k = 0; k < ndep[i] && ready; k++)
                ready = done.p[dep[i][k]];
            if (ready)
                pick = i;
        }
        if (pick == specs.len) {
            init_cycle(fs, specs.p, specs.len, done.p, dep, ndep);
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
    for (size_t i = 0; i < specs.len; i++)
        free(dep[i]);
    free(dep);
    free(ndep);
    VEC_FREE(specs);
    VEC_FREE(done);
}


/* compile_call.c: calls (functions, methods, conversions, builtins, go and
 * defer operands) and assignable places (lvalues). */
#include <stdio.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"
#include "sim/lang/lib.h"
#include "sim/lang/parse_int.h"

uint32_t cstatic_result(fstate *fs, uint32_t functype, int i)
{
    const vm_type *t;
    if (!functype || VM_KIND(functype) != K_FUNC)
        return 0;
    t = prog_type(fs->C->prog, functype);
    if ((uint32_t)i >= t->nresults)
        return 0;
    return t->params[t->nparams + (uint32_t)i];
}

static int static_nresults(fstate *fs, uint32_t functype)
{
    if (!functype || VM_KIND(functype) != K_FUNC || functype == T_FUNC)
        return -1;
    return (int)prog_type(fs->C->prog, functype)->nresults;
}

static ast_node *strip(ast_node *n)
{
    while (n && n->kind == AST_PAREN)
        n = n->u.paren.x;
    return n;
}

/* The method type of member nm of a value of static type t, without its
 * receiver; or the field's type; 0 when unknown. */
static uint32_t member_callee(fstate *fs, uint32_t t, uint32_t nm)
{
    bool m = false;
    uint32_t mt;
    if (!t)
        return 0;
    mt = cmember_type(fs, t, nm, &m, NULL);
    if (m && mt && VM_KIND(t) == K_IFACE)
        return mt; /* an interface's methods have no receiver parameter */
    if (m && mt) {
        const vm_type *ft = prog_type(fs->C->prog, mt);
        return type_func(fs->C->prog, ft->nparams ? ft->params + 1 : NULL,
                         ft->nparams ? ft->nparams - 1 : 0,
                         type_results(ft), ft->nresults,
                         ft->variadic);
    }
    return m ? 0 : mt;
}

/* The static type of expression x without compiling it, for the few
 * shapes a receiver takes (a variable, a call's first result, a field);
 * 0 when unknown. */
static uint32_t static_type(fstate *fs, ast_node *x, int depth)
{
    res_sym *s;
    x = strip(x);
    if (!x || depth > 8)
        return 0;
    switch (x->kind) {
    case AST_IDENT:
        s = csym(fs, x);
        if (s && s->kind == RS_LOCAL)
            return s->type;
        if (s && s->kind == RS_VAR)
            return fs->C->prog->gtypes[s->gindex];
        return 0;
    case AST_CALL:
        return cstatic_result(fs, ccallee_type(fs, x), 0);
    case AST_SELECTOR: {
        ast_node *y = strip(x->u.selector.x);
        if (y->kind == AST_IDENT) {
            s = csym(fs, y);
            if (s && s->kind == RS_PKG)
                return 0;
        }
        return member_callee(fs, static_type(fs, y, depth + 1),
                             cname(fs->C, x->u.selector.sel->u.ident.name));
    }
    default:
        return 0;
    }
}

/* The static type of the callee of call, without compiling it, when it is
 * a plain function or a method whose receiver type is known (for a call
 * used as the only argument of another). */
uint32_t ccallee_type(fstate *fs, ast_node *call)
{
    ast_node *fn = strip(call->u.call.fn);
    res_sym *s;
    {
        uint32_t t = cnode_type(fs, fn); /* the checker's, instantiated */
        if (t && VM_KIND(t) == K_FUNC)
            return t;
    }
    if (fn->kind == AST_IDENT) {
        s = csym(fs, fn);
        if (s && s->kind == RS_FUNC)
            return cfunc_proto(fs->C, s)->type;
        if (s && s->kind == RS_LOCAL)
            return s->type;
        return 0;
    }
    if (fn->kind == AST_SELECTOR) {
        ast_node *x = strip(fn->u.selector.x);
        uint32_t nm = cname(fs->C, fn->u.selector.sel->u.ident.name);
        if (x->kind == AST_IDENT) {
            s = csym(fs, x);
            if (s && s->kind == RS_PKG) {
                res_sym *m = csym(fs, fn->u.selector.sel);
                if (m && m->kind == RS_FUNC)
                    return cfunc_proto(fs->C, m)->type;
                return 0;
            }
        }
        /* the receiver a variable, a call or a field: v.Two(),
         * mk().Two(), a.b.Two() */
        return member_callee(fs, static_type(fs, x, 0), nm);
    }
    return 0;
}

/* The parameter type of argument i of a call of functype (skip: the
 * receiver parameters to skip). */
static uint32_t param_type(fstate *fs, uint32_t functype, int skip, int i,
                           bool spread)
{
    const vm_type *t;
    uint32_t np;
    if (!functype || VM_KIND(functype) != K_FUNC || functype == T_FUNC)
        return WANT_SOFT;
    t = prog_type(fs->C->prog, functype);
    np = t->nparams;
    i += skip;
    if (t->variadic && (uint32_t)i >= np - 1) {
        uint32_t st = t->params[np - 1];
        if (spread)
            return st;
        return st ? prog_type(fs->C->prog, st)->elem : 0;
    }
    if ((uint32_t)i >= np)
        return 0;
    return t->params[i];
}

/* ccall's nres for a call that keeps every result (CALL_ALL). */
#define NRES_ALL (-2)

/* Is call a method call whose method the compiler cannot see (the
 * receiver's static type unknown: an interface, a value of unknown
 * type)? Its results are counted at run time. */
static bool dynamic_method_call(fstate *fs, ast_node *call)
{
    ast_node *fn = strip(call->u.call.fn), *x;
    res_sym *s;
    if (fn->kind != AST_SELECTOR)
        return false;
    x = strip(fn->u.selector.x);
    s = x->kind == AST_IDENT ? csym(fs, x) : NULL;
    if ((s && s->kind == RS_PKG) || ctype_try(fs, x))
        return false;
    return static_nresults(fs, ccallee_type(fs, call)) < 0;
}

/* Compile the arguments of call into base, base+1, ...; returns their
 * number (a multi-valued call as the only argument counts its results),
 * or -1 when that number is known only at run time (multi: the caller
 * can take it, CALL_MULTI). *soft: some argument is an untyped constant
 * left to the callee. */
static int cargs(fstate *fs, ast_node *call, int base, uint32_t functype,
                 int skip, bool *soft, bool multi)
{
    ast_list args = call->u.call.args;
    bool spread = call->u.call.spread;
    if (args.n == 1 && strip(args.v[0])->kind == AST_CALL && !spread) {
        uint32_t ct = ccallee_type(fs, strip(args.v[0]));
        int nr = static_nresults(fs, ct);
        if (multi && nr < 0 && dynamic_method_call(fs, strip(args.v[0]))) {
            ex e;
            fs->freereg = base;
            ccall(fs, strip(args.v[0]), NRES_ALL, &e);
            if (e.reg == base) {
                fs->freereg = base;
                newreg(fs, VM_MULTI_MAX); /* where the results land */
                return -1;
            }
            /* not at base (cannot happen for a method call): as before */
            fs->freereg = base;
        }
        if (nr > 1) {
            ex e;
            fs->freereg = base;
            ccall(fs, strip(args.v[0]), nr, &e);
            if (e.reg != base)
                for (int i = 0; i < nr; i++)
                    emit(fs, VM_OP_MOVE, 0, base + i, e.reg + i, 0);
            fs->freereg = base + nr;
            return nr;
        }
    }
    fs->freereg = base;
    for (size_t i = 0; i < args.n; i++) {
        uint32_t want = param_type(fs, functype, skip, (int)i,
                                   spread && i == args.n - 1);
        ex e;
        int r = newreg(fs, 1);
        e = cexpr(fs, args.v[i], want);
        if (e.is_const && want == WANT_SOFT &&
            kind_is_untyped(VM_KIND(e.type)))
            *soft = true;
        ex_to(fs, &e, r, want, true);
        fs->freereg = r + 1;
    }
    return (int)args.n;
}

/* ---- conversions and builtins ------------------------------------------------ */

static void cconversion(fstate *fs, ast_node *call, uint32_t t, ex *out)
{
    ex x;
    int r;
    if (call->u.call.args.n != 1) {
        cerr(fs->C, call, "conversion to %s needs exactly one argument",
             prog_type(fs->C->prog, t)->name);
        return;
    }
    {
        cval cv;
        uint32_t ct;
        vm_kind k = VM_KIND(type_under(fs->C->prog, t));
        if ((kind_is_int(k) || kind_is_float(k) || k == K_STRING ||
             k == K_BOOL) &&
            cconst(fs, call, &cv, &ct)) {
            memset(out, 0, sizeof *out);
            out->is_const = true;
            out->cv = cv;
            out->type = ct;
            out->reg = -1;
            return;
        }
        if (fs->C->failed)
            return;
        /* a numeric or string operand is not typed by the conversion:
         * in int(s / 60) the 60 takes s's type, as in Go (its constant
         * operands are soft when s's static type is unknown) */
        x = cexpr(fs, call->u.call.args.v[0],
                  k == K_STRING || kind_is_int(k) || kind_is_float(k)
                      ? WANT_SOFT
                      : t);
        if (x.is_const && x.cv.k == CV_NIL) {
            r = newreg(fs, 1);
            emit(fs, VM_OP_ZERO, 0, r, ktype(fs, t), 0);
        } else {
            int src = ex_operand(fs, &x,
                                 k == K_STRING || kind_is_int(k) ||
                                         kind_is_float(k)
                                     ? WANT_SOFT
                                     : t,
                                 true);
            r = newreg(fs, 1);
            fs_at(fs, call);
            emit(fs, VM_OP_CONV, 0, r, src, ktype(fs, t));
        }
    }
    memset(out, 0, sizeof *out);
    out->reg = r;
    out->type = t;
    out->fresh = true;
}

static void cnative_call(fstate *fs, int id, ast_node *call, int nres,
                         ex *out)
{
    vm_proto *p = cnative_proto(fs->C, id);
    int base = newreg(fs, 1);
    bool soft = false;
    int n;
    emit(fs, VM_OP_LOADK, 0, base, kindex(fs, vm_ref(T_FUNC, p->static_fn)),
         0);
    n = cargs(fs, call, base + 1, 0, 0, &soft, true);
    fs_at(fs, call);
    emit(fs, VM_OP_CALL, (call->u.call.spread ? CALL_SPREAD : 0) |
                             (soft ? CALL_SOFT : 0) |
                             (n < 0 ? CALL_MULTI : 0),
         base, n < 0 ? 0 : n, nres);
    fs->freereg = base + (nres > 0 ? nres : 0);
    memset(out, 0, sizeof *out);
    out->reg = base;
    out->nvals = nres;
    out->fresh = true;
}

static uint32_t make_elem(fstate *fs, uint32_t t)
{
    return t ? prog_type(fs->C->prog, t)->elem : 0;
}

/* copy(f()) and delete(f()): the two results of the only argument, a
 * call, are the arguments. */
static bool two_results(fstate *fs, ast_list args, int *a, int *b)
{
    ex e;
    if (args.n != 1 || strip(args.v[0])->kind != AST_CALL)
        return false;
    ccall(fs, strip(args.v[0]), 2, &e);
    *a = e.reg;
    *b = e.reg + 1;
    return true;
}

static void cbuiltin(fstate *fs, ast_node *call, int b, int nres, ex *out)
{
    compiler *C = fs->C;
    vm_program *p = C->prog;
    ast_list args = call->u.call.args;
    int r;
    uint32_t t = 0;
    memset(out, 0, sizeof *out);
    out->reg = -1;
    fs_at(fs, call);
#define NEED(k)                                                                \
    do {                                                                       \
        if (args.n < (k)) {                                                    \
            cerr(C, call, "not enough arguments for %s",                       \
                 strip(call->u.call.fn)->u.ident.name);                        \
            return;                                                            \
        }                                                                      \
    } while (0)
    switch (b) {
    case RB_LEN:
    case RB_CAP: {
        cval cv;
        uint32_t ct;
        int x;
        NEED(1);
        if (cconst(fs, call, &cv, &ct)) {
            out->is_const = true;
            out->cv = cv;
            out->type = T_INT;
            return;
        }
        x = cexpr_any(fs, args.v[0], 0, NULL);
        r = newreg(fs, 1);
        fs_at(fs, call);
        emit(fs, b == RB_LEN ? VM_OP_LEN : VM_OP_CAP, 0, r, x, 0);
        out->reg = r;
        out->type = T_INT;
        out->fresh = true;
        return;
    }
    case RB_APPEND: {
        int base, n = (int)args.n;
        ex s0;
        uint32_t at;
        NEED(1);
        at = n == 1 ? csubst(fs, check_type_of(C->K, args.v[0])) : 0;
        if (at && VM_KIND(at) == K_TUPLE) {
            /* append(f()) of a call with several results */
            uint32_t nr = prog_type(p, at)->nresults;
            ccall(fs, strip(args.v[0]), (int)nr, &s0);
            fs->freereg = s0.reg + (int)nr;
            r = newreg(fs, 1);
            fs_at(fs, call);
            emit(fs, VM_OP_APPEND, 0, r, s0.reg, (int)nr - 1);
            out->reg = r;
            out->type = prog_type(p, at)->params[0];
            out->fresh = true;
            return;
        }
        base = newreg(fs, n);
        s0 = cexpr(fs, args.v[0], 0);
        t = s0.type;
        ex_to(fs, &s0, base, 0, false);
        for (int i = 1; i < n; i++) {
            uint32_t want = call->u.call.spread ? t
                            : t                 ? make_elem(fs, t)
                                                : WANT_SOFT;
            fs->freereg = base + n;
            cexpr_to(fs, args.v[i], base + i, want, true);
        }
        fs->freereg = base + n;
        r = newreg(fs, 1);
        fs_at(fs, call);
        emit(fs, VM_OP_APPEND, call->u.call.spread ? 1 : 0, r, base, n - 1);
        out->reg = r;
        out->type = t;
        out->fresh = true;
        return;
    }
    case RB_MAKE: {
        vm_kind k;
        NEED(1);
        t = ctype_of(fs, args.v[0]);
        if (!t)
            return;
        k = VM_KIND(type_under(p, t));
        r = newreg(fs, 1);
        if (k == K_SLICE) {
            int base = newreg(fs, 2);
            NEED(2);
            cexpr_to(fs, args.v[1], base, T_INT, false);
            if (args.n > 2)
                cexpr_to(fs, args.v[2], base + 1, T_INT, false);
            fs_at(fs, call);
            emit(fs, VM_OP_MAKESLICE, args.n > 2, r, base, ktype(fs, t));
        } else if (k == K_MAP) {
            int h = 0;
            if (args.n > 1)
                h = cexpr_to(fs, args.v[1], -1, T_INT, false);
            fs_at(fs, call);
            emit(fs, VM_OP_MAKEMAP, args.n > 1, r, h, ktype(fs, t));
        } else if (k == K_CHAN) {
            int c = 0;
            if (args.n > 1)
                c = cexpr_to(fs, args.v[1], -1, T_INT, false);
            fs_at(fs, call);
            emit(fs, VM_OP_MAKECHAN, args.n > 1, r, c, ktype(fs, t));
        } else {
            cerr(C, args.v[0], "invalid argument: cannot make %s",
                 prog_type(p, t)->name);
            return;
        }
        fs->freereg = r + 1;
        out->reg = r;
        out->type = t;
        out->fresh = true;
        return;
    }
    case RB_NEW:
        NEED(1);
        t = ctype_of(fs, args.v[0]);
        r = newreg(fs, 1);
        emit(fs, VM_OP_NEW, 0, r, ktype(fs, t), 0);
        out->reg = r;
        out->type = type_ptr(p, t);
        out->fresh = true;
        return;
    case RB_DELETE: {
        uint32_t mt = 0;
        int m, k;
        if (two_results(fs, args, &m, &k)) {
            fs_at(fs, call);
            emit(fs, VM_OP_DELETE, 0, m, k, 0);
            return;
        }
        NEED(2);
        m = cexpr_any(fs, args.v[0], 0, &mt);
        k = cexpr_rk(fs, args.v[1],
                     VM_KIND(mt) == K_MAP ? prog_type(p, mt)->key : 0, NULL);
        fs_at(fs, call);
        emit(fs, VM_OP_DELETE, 0, m, k, 0);
        return;
    }
    case RB_CLOSE: {
        int c;
        NEED(1);
        c = cexpr_any(fs, args.v[0], 0, NULL);
        fs_at(fs, call);
        emit(fs, VM_OP_CLOSE, 0, c, 0, 0);
        return;
    }
    case RB_CLEAR: {
        int c;
        NEED(1);
        c = cexpr_any(fs, args.v[0], 0, NULL);
        fs_at(fs, call);
        emit(fs, VM_OP_CLEAR, 0, c, 0, 0);
        return;
    }
    case RB_COPY: {
        int d, s;
        if (!two_results(fs, args, &d, &s)) {
            NEED(2);
            d = cexpr_any(fs, args.v[0], 0, NULL);
            s = cexpr_any(fs, args.v[1], 0, NULL);
        }
        r = newreg(fs, 1);
        fs_at(fs, call);
        emit(fs, VM_OP_COPYSL, 0, r, d, s);
        out->reg = r;
        out->type = T_INT;
        return;
    }
    case RB_PANIC: {
        int v;
        NEED(1);
        v = cexpr_to(fs, args.v[0], -1, T_ANY, true);
        fs_at(fs, call);
        emit(fs, VM_OP_PANIC, 0, v, 0, 0);
        return;
    }
    case RB_RECOVER:
        r = newreg(fs, 1);
        emit(fs, VM_OP_RECOVER, 0, r, 0, 0);
        out->reg = r;
        out->type = T_ANY;
        return;
    case RB_MIN:
    case RB_MAX: {
        cval cv;
        uint32_t ct;
        ex acc;
        NEED(1);
        if (cconst(fs, call, &cv, &ct)) {
            out->is_const = true;
            out->cv = cv;
            out->type = ct;
            return;
        }
        acc = cexpr(fs, args.v[0], 0);
        for (size_t i = 1; i < args.n; i++) {
            ex y = cexpr(fs, args.v[i], 0);
            int rb = ex_rk(fs, &acc, acc.is_const ? (y.type ? y.type : 0)
                                                  : acc.type);
            int rc = ex_rk(fs, &y, y.is_const ? acc.type : y.type);
            uint32_t tt = acc.is_const ? y.type : acc.type;
            r = newreg(fs, 1);
            fs_at(fs, call);
            emit(fs, VM_OP_MIN, b == RB_MAX, r, rb, rc);
            memset(&acc, 0, sizeof acc);
            acc.reg = r;
            acc.type = tt;
        }
        *out = acc;
        return;
    }
    case RB_PRINT:
    case RB_PRINTLN:
        cnative_call(fs, b == RB_PRINT ? LIB_N_print : LIB_N_println, call, 0,
                     out);
        return;
    case RB_ASSERT: {
        int c, j;
        NEED(1);
        c = cexpr_to(fs, args.v[0], -1, T_BOOL, false);
        j = emit_jmp(fs, VM_OP_JT, c);
        {
            vm_proto *np = cnative_proto(C, LIB_N_assert_fail);
            int base = newreg(fs, (int)args.n + 1);
            emit(fs, VM_OP_LOADK, 0, base,
                 kindex(fs, vm_ref(T_FUNC, np->static_fn)), 0);
            for (size_t i = 1; i < args.n; i++) {
                fs->freereg = base + (int)i;
                cexpr_to(fs, args.v[i], base + (int)i, 0, true);
            }
            if (args.n == 1) {
                /* no message: the condition as written */
                buf text;
                buf_init(&text);
                parse_format(&text, args.v[0]);
                emit(fs, VM_OP_LOADK, 0, base + 1,
                     kstr(fs, text.p ? text.p : ""), 0);
                buf_fini(&text);
            }
            fs_at(fs, call);
            emit(fs, VM_OP_CALL, 0, base, args.n == 1 ? 1 : (int)args.n - 1,
                 0);
        }
        patch_here(fs, j);
        return;
    }
    case RB_COMPLEX:
    case RB_REAL:
    case RB_IMAG: {
        cval cv;
        uint32_t ct;
        int x, y = 0;
        NEED(1);
        if (cconst(fs, call, &cv, &ct)) {
            out->is_const = true;
            out->cv = cv;
            out->type = ct;
            return;
        }
        ct = csubst(fs, check_type_of(C->K, call));
        if (b == RB_COMPLEX && args.n == 1) {
            /* complex(f()) of a call with two results */
            ex e;
            ccall(fs, strip(args.v[0]), 2, &e);
            x = e.reg;
            y = e.reg + 1;
        } else if (b == RB_COMPLEX) {
            uint32_t ft = ct == T_COMPLEX64 ? T_FLOAT32 : T_FLOAT64;
            x = cexpr_to(fs, args.v[0], -1, ft, false);
            y = cexpr_to(fs, args.v[1], -1, ft, false);
        } else {
            x = cexpr_any(fs, args.v[0], 0, NULL);
        }
        r = newreg(fs, 1);
        fs_at(fs, call);
        emit(fs, VM_OP_CPLX, b == RB_COMPLEX ? 0 : b == RB_REAL ? 1 : 2, r, x,
             y);
        out->reg = r;
        out->type = ct;
        out->fresh = true;
        return;
    }
    case RB_PROGRESS:
        fs->C->prog->has_progress = true;
        cnative_call(fs, LIB_N_progress, call, 0, out);
        return;
    default:
        cerr(C, call, "unsupported builtin");
        return;
    }
#undef NEED
    (void)nres;
}

/* ---- method receivers ------------------------------------------------------- */

static bool pointerish(uint32_t t)
{
    vm_kind k = VM_KIND(t);
    return k == K_PTR || k == K_IFACE || k == K_MAP || k == K_CHAN ||
           k == K_FUNC || k == K_SLICE;
}

/* The receiver x of a method call into reg: its value, or (*addr) its
 * address when x is addressable and not known to be a pointer. */
static void creceiver(fstate *fs, ast_node *x, int reg, uint32_t *type,
                      bool *addr)
{
    compiler *C = fs->C;
    res_sym *s;
    x = strip(x);
    *addr = false;
    *type = 0;
    switch (x->kind) {
    case AST_IDENT:
        s = csym(fs, x);
        if (s && s->kind == RS_LOCAL) {
            bool mine = s->fn && s->fn->node == fs->node;
            *type = s->type;
            if (mine && !s->boxed) {
                emit(fs, VM_OP_MOVE, 0, reg, s->reg, 0);
                return;
            }
            if (s->type && pointerish(s->type)) {
                clocal_get(fs, s, reg);
                return;
            }
            if (mine)
                emit(fs, VM_OP_MOVE, 0, reg, s->reg, 0);
            else
                emit(fs, VM_OP_UPCELL, 0, reg, cupval(fs, s), 0);
            emit(fs, VM_OP_ADDRCELL, 0, reg, reg, 0);
            *addr = true;
            return;
        }
        if (s && s->kind == RS_VAR) {
            *type = C->prog->gtypes[s->gindex];
            if (*type && pointerish(*type)) {
                emit(fs, VM_OP_GETG, 0, reg, s->gindex, 0);
                return;
            }
            emit(fs, VM_OP_ADDRG, 0, reg, s->gindex, 0);
            *addr = true;
            return;
        }
        break;
    case AST_SELECTOR: {
        ast_node *bx = strip(x->u.selector.x);
        res_sym *p = bx->kind == AST_IDENT ? csym(fs, bx) : NULL;
        uint32_t bt = 0, ft;
        bool is_m = false;
        int b;
        if (p && p->kind == RS_PKG) {
            res_sym *g = csym(fs, x->u.selector.sel);
            if (g && g->kind == RS_VAR) {
                *type = C->prog->gtypes[g->gindex];
                if (*type && pointerish(*type)) {
                    emit(fs, VM_OP_GETG, 0, reg, g->gindex, 0);
                    return;
                }
                emit(fs, VM_OP_ADDRG, 0, reg, g->gindex, 0);
                *addr = true;
                return;
            }
            break;
        }
        if (ctype_try(fs, bx))
            break;
        b = cexpr_any(fs, bx, 0, &bt);
        ft = cmember_type(fs, bt, cname(C, x->u.selector.sel->u.ident.name),
                          &is_m, NULL);
        *type = is_m ? 0 : ft;
        fs_at(fs, x);
        if (is_m || (ft && pointerish(ft))) {
            emit(fs, VM_OP_FIELD, 0, reg, b,
                 selindex(fs, x->u.selector.sel->u.ident.name));
            return;
        }
        emit(fs, VM_OP_ADDRFIELD, 0, reg, b,
             selindex(fs, x->u.selector.sel->u.ident.name));
        *addr = true;
        return;
    }
    case AST_INDEX: {
        uint32_t bt = 0, et = 0;
        int b = cexpr_any(fs, x->u.index.x, 0, &bt);
        int k;
        if (VM_KIND(bt) == K_MAP) {
            k = cexpr_rk(fs, x->u.index.index, prog_type(C->prog, bt)->key,
                         NULL);
            emit(fs, VM_OP_INDEX, 0, reg, b, k);
            *type = prog_type(C->prog, bt)->elem;
            return;
        }
        k = cexpr_rk(fs, x->u.index.index, T_INT, NULL);
        if (bt && (VM_KIND(bt) == K_SLICE || VM_KIND(bt) == K_ARRAY))
            et = prog_type(C->prog, bt)->elem;
        *type = et;
        fs_at(fs, x);
        if (et && pointerish(et)) {
            emit(fs, VM_OP_INDEX, 0, reg, b, k);
            return;
        }
        emit(fs, VM_OP_ADDRINDEX, 0, reg, b, k);
        *addr = true;
        return;
    }
    case AST_STAR: {
        uint32_t pt = 0;
        cexpr_to(fs, x->u.star.x, reg, 0, false);
        (void)pt;
        *addr = true;
        return;
    }
    default:
        break;
    }
    {
        ex e = cexpr(fs, x, 0);
        *type = e.type;
        ex_to(fs, &e, reg, 0, false);
    }
}

/* ---- method values ---------------------------------------------------------- */

/* Is selector n a method value x.m whose method has a pointer receiver and
 * whose operand x is statically a non-pointer (Go then takes &x: the
 * method value binds the address and reads nothing)? *type: the method's
 * type without its receiver. */
static bool ptr_method_value(fstate *fs, ast_node *n, uint32_t *type)
{
    ast_node *x = strip(n->u.selector.x);
    uint32_t st, nm;
    bool is_m = false, pr = false;
    if (x->kind == AST_IDENT) {
        res_sym *p = csym(fs, x);
        if (!p || p->kind == RS_PKG)
            return false;
    }
    if (ctype_try(fs, x))
        return false;
    st = static_type(fs, x, 0);
    if (!st || pointerish(st))
        return false;
    nm = cname(fs->C, n->u.selector.sel->u.ident.name);
    cmember_type(fs, st, nm, &is_m, &pr);
    if (!is_m || !pr)
        return false;
    *type = member_callee(fs, st, nm);
    return true;
}

bool cmethod_value(fstate *fs, ast_node *n, int reg, uint32_t *type)
{
    uint32_t rt = 0;
    bool addr = false;
    if (n->kind != AST_SELECTOR || !ptr_method_value(fs, n, type))
        return false;
    creceiver(fs, n->u.selector.x, reg, &rt, &addr);
    fs_at(fs, n);
    emit(fs, VM_OP_FIELD, addr ? 1 : 0, reg, reg,
         selindex(fs, n->u.selector.sel->u.ident.name));
    if (*type) /* the value's type is the method's (%T, x.(T)) */
        emit(fs, VM_OP_CONV, 0, reg, reg, ktype(fs, *type));
    return true;
}

/* ---- calls --------------------------------------------------------------------- */

/* unsafe.Sizeof, Alignof or Offsetof whose operand's layout depends on
 * a type parameter (the checker left it a value): the constant of this
 * instance, its types substituted. */
static bool unsafe_layout(fstate *fs, ast_node *call, ex *out)
{
    compiler *C = fs->C;
    ast_node *fn = strip(call->u.call.fn), *x, *arg;
    res_sym *p;
    const char *nm;
    int64_t v = 0, a = 8;
    if (fn->kind != AST_SELECTOR || call->u.call.args.n != 1 || !C->K ||
        check_mode_of(C->K, call) != CK_VALUE)
        return false;
    x = strip(fn->u.selector.x);
    p = x->kind == AST_IDENT ? csym(fs, x) : NULL;
    if (!p || p->kind != RS_PKG || !p->target ||
        strcmp(p->target->path, "unsafe"))
        return false;
    nm = fn->u.selector.sel->u.ident.name;
    arg = strip(call->u.call.args.v[0]);
    if (!strcmp(nm, "Sizeof") || !strcmp(nm, "Alignof")) {
        v = vm_type_layout(C->prog, cnode_type(fs, arg), &a);
        if (nm[0] == 'A')
            v = a;
    } else if (!strcmp(nm, "Offsetof") && arg->kind == AST_SELECTOR) {
        const ck_selection *sel = check_selection(C->K, arg);
        uint32_t t;
        if (!sel || sel->kind != SEL_FIELD)
            return false;
        t = csubst(fs, sel->recv);
        for (uint8_t i = 0; i < sel->npath; i++) {
            const vm_type *u = prog_type(C->prog, type_under(C->prog, t));
            int64_t sz;
            if (VM_KIND(u->id) == K_PTR)
                u = prog_type(C->prog, type_under(C->prog, u->elem));
            if (VM_KIND(u->id) != K_STRUCT || sel->path[i] >= u->nfields)
                return false;
            v += vm_field_offset(C->prog, u->id, sel->path[i], &sz);
            t = u->fields[sel->path[i]].type;
        }
    } else {
        return false;
    }
    out->is_const = true;
    out->cv.k = CV_INT;
    out->cv.i = v;
    out->type = T_UINTPTR;
    return true;
}

int ccall(fstate *fs, ast_node *call, int nres, ex *out)
{
    compiler *C = fs->C;
    ast_node *fn = strip(call->u.call.fn);
    uint32_t ft = 0, t;
    int base, n, kfn = -1, skip;
    bool soft = false;
    memset(out, 0, sizeof *out);
    out->reg = -1;
    if (fn->kind == AST_SELECTOR) {
        /* unsafe.Sizeof(x) and friends, or pkg.T(constant): a constant */
        cval cv;
        uint32_t ct;
        if (cconst(fs, call, &cv, &ct)) {
            out->is_const = true;
            out->cv = cv;
            out->type = ct;
            return 1;
        }
        if (unsafe_layout(fs, call, out))
            return 1;
    }
    if (fn->kind == AST_IDENT) {
        res_sym *s = csym(fs, fn);
        if (s && s->kind == RS_BUILTIN) {
            cbuiltin(fs, call, s->builtin, nres, out);
            return out->reg >= 0 || out->is_const ? 1 : 0;
        }
    }
    t = ctype_try(fs, fn);
    if (t) {
        cconversion(fs, call, t, out);
        return 1;
    }
    if (C->failed)
        return 0;
    if (fn->kind == AST_SELECTOR) {
        ast_node *x = strip(fn->u.selector.x);
        res_sym *p = x->kind == AST_IDENT ? csym(fs, x) : NULL;
        if (!(p && p->kind == RS_PKG) && !ctype_try(fs, x)) {
            /* a method call (or a call of a func-valued field) */
            uint32_t rt = 0;
            bool addr = false, is_m = false;
            uint32_t mt;
            int sel;
            base = newreg(fs, 2);
            creceiver(fs, x, base + 1, &rt, &addr);
            mt = cmember_type(fs, rt,
                              cname(C, fn->u.selector.sel->u.ident.name),
                              &is_m, NULL);
            if (!is_m && mt && VM_KIND(mt) == K_FUNC) {
                /* a func-typed field: an ordinary call of its value */
                fs->freereg = base + 2;
            }
            ft = is_m ? mt : 0;
            skip = is_m ? 1 : 0;
            if (rt && VM_KIND(type_under(C->prog, rt)) == K_IFACE) {
                /* an interface's method: its signature (no receiver) is
                 * the checker's, so a nil or constant argument takes its
                 * parameter's type as in a static call */
                uint32_t ct = cnode_type(fs, fn);
                if (ct && VM_KIND(ct) == K_FUNC && ct != T_FUNC) {
                    ft = ct;
                    skip = 0;
                }
            }
            n = cargs(fs, call, base + 2, ft, skip, &soft, true);
            sel = selindex(fs, fn->u.selector.sel->u.ident.name);
            fs_at(fs, call);
            emit(fs, VM_OP_CALLM,
                 (call->u.call.spread ? CALL_SPREAD : 0) |
                     (soft ? CALL_SOFT : 0) | (addr ? CALL_ADDR : 0) |
                     (n < 0 ? CALL_MULTI : 0) |
                     (rt && VM_KIND(type_under(C->prog, rt)) == K_IFACE
                          ? CALL_IFACE
                          : 0) |
                     (nres == NRES_ALL ? CALL_ALL : 0),
                 base, n < 0 ? 1 : n + 1, nres < 0 ? 0 : nres);
            emit(fs, VM_OP_EXTRA, 0, sel, 0, 0);
            fs->freereg = base + (nres > 0 ? nres : 0);
            out->reg = base;
            out->nvals = nres;
            out->type = cstatic_result(fs, ft, 0);
            out->fresh = true;
            return nres;
        }
    }
    base = newreg(fs, 1);
    {
        ex f = cexpr(fs, fn, 0);
        ft = f.type;
        ex_to(fs, &f, base, 0, false);
    }
    if (fs->code.len && fs->lasttarget < (int)fs->code.len) {
        /* a function the compiler knows, just loaded: the CALL loads it
         * itself (CALL_KFN), after the arguments as before them, since
         * nothing they do can change a constant */
        const vm_ins *last = &fs->code.p[fs->code.len - 1];
        if (last->op == VM_OP_LOADK && last->a == base &&
            VM_KIND(fs->k.p[last->b].t) == K_FUNC) {
            kfn = last->b;
            fs->code.len--;
            fs->lines.len--;
            fs->cols.len--;
        }
    }
    n = cargs(fs, call, base + 1, ft, 0, &soft, true);
    if (ft == T_FUNC || !ft)
        soft = soft || false;
    fs_at(fs, call);
    emit(fs, VM_OP_CALL,
         (call->u.call.spread ? CALL_SPREAD : 0) | (soft ? CALL_SOFT : 0) |
             (n < 0 ? CALL_MULTI : 0) | (kfn >= 0 ? CALL_KFN : 0),
         base, n < 0 ? 0 : n, nres < 0 ? 0 : nres);
    if (kfn >= 0)
        emit(fs, VM_OP_EXTRA, 0, kfn, 0, 0);
    fs->freereg = base + (nres > 0 ? nres : 0);
    out->reg = base;
    out->nvals = nres;
    out->type = cstatic_result(fs, ft, 0);
    out->fresh = true;
    return nres;
}

/* ---- go and defer ---------------------------------------------------------------- */

/* The native proto for a builtin used as a go or defer operand. */
static int builtin_native(int b)
{
    switch (b) {
    case RB_CLOSE:
        return LIB_N_close;
    case RB_DELETE:
        return LIB_N_delete;
    case RB_PANIC:
        return LIB_N_panic;
    case RB_PRINT:
        return LIB_N_print;
    case RB_PRINTLN:
        return LIB_N_println;
    case RB_CLEAR:
        return LIB_N_clear;
    case RB_COPY:
        return LIB_N_copy;
    case RB_RECOVER:
        return LIB_N_recover;
    default:
        return -1;
    }
}

/* go f(args) / defer f(args): the function value and its arguments,
 * evaluated now, into consecutive registers; emits op. */
void cgo_defer(fstate *fs, ast_node *call, vm_opcode opc)
{
    compiler *C = fs->C;
    ast_node *fn = strip(call->u.call.fn);
    uint32_t ft = 0;
    int base, n, skip = 0;
    bool soft = false;
    /* in the body of a range over a function: onto the frame of the
     * function the loop is in */
    int tok = opc == VM_OP_DEFER && fs->rf ? crf_frame(fs) : 0;
    int outer = opc == VM_OP_DEFER && fs->rf ? CALL_OUTER : 0;
    base = newreg(fs, 1);
    if (fn->kind == AST_IDENT) {
        res_sym *s = csym(fs, fn);
        if (s && s->kind == RS_BUILTIN) {
            int id = builtin_native(s->builtin);
            vm_proto *p;
            if (id < 0) {
                cerr(C, call, "%s %s(...) discards its result",
                     opc == VM_OP_GO ? "go" : "defer", s->name);
                return;
            }
            p = cnative_proto(C, id);
            emit(fs, VM_OP_LOADK, 0, base,
                 kindex(fs, vm_ref(T_FUNC, p->static_fn)), 0);
            n = cargs(fs, call, base + 1, 0, 0, &soft, true);
            fs_at(fs, call);
            emit(fs, opc,
                 (call->u.call.spread ? CALL_SPREAD : 0) |
                     (n < 0 ? CALL_MULTI : 0) | outer,
                 base, n < 0 ? 0 : n, tok);
            return;
        }
    }
    if (ctype_try(fs, fn)) {
        cerr(C, call, "%s requires function call, not conversion",
             opc == VM_OP_GO ? "go" : "defer");
        return;
    }
    if (!cmethod_value(fs, fn, base, &ft)) {
        ex f = cexpr(fs, fn, 0);
        ft = f.type;
        ex_to(fs, &f, base, 0, false);
    }
    (void)skip;
    n = cargs(fs, call, base + 1, ft, 0, &soft, true);
    fs_at(fs, call);
    emit(fs, opc, (call->u.call.spread ? CALL_SPREAD : 0) |
                     (soft ? CALL_SOFT : 0) | (n < 0 ? CALL_MULTI : 0) |
                     outer,
         base, n < 0 ? 0 : n, tok);
}

/* ---- places ------------------------------------------------------------------------ */

/* Evaluate the operands of place n (before the right-hand sides, as Go's
 * assignment's first phase does). */
lval clval(fstate *fs, ast_node *n)
{
    compiler *C = fs->C;
    lval lv;
    memset(&lv, 0, sizeof lv);
    n = strip(n);
    fs_at(fs, n);
    lv.at = n;
    switch (n->kind) {
    case AST_IDENT: {
        res_sym *s;
        if (is_blank(n)) {
            lv.kind = LV_BLANK;
            return lv;
        }
        s = csym(fs, n);
        if (s && s->kind == RS_LOCAL) {
            lv.kind = LV_LOCAL;
            lv.sym = s;
            lv.type = s->type;
            return lv;
        }
        if (s && s->kind == RS_VAR) {
            lv.kind = LV_GLOBAL;
            lv.gindex = s->gindex;
            lv.type = C->prog->gtypes[s->gindex];
            return lv;
        }
        cerr(C, n, "cannot assign to %s (neither addressable nor a map "
                   "index expression)",
             n->u.ident.name);
        return lv;
    }
    case AST_SELECTOR: {
        ast_node *x = strip(n->u.selector.x);
        res_sym *p = x->kind == AST_IDENT ? csym(fs, x) : NULL;
        uint32_t bt = 0;
        if (p && p->kind == RS_PKG) {
            res_sym *g = csym(fs, n->u.selector.sel);
            if (g && g->kind == RS_VAR) {
                lv.kind = LV_GLOBAL;
                lv.gindex = g->gindex;
                lv.type = C->prog->gtypes[g->gindex];
                return lv;
            }
            cerr(C, n, "cannot assign to %s.%s", p->name,
                 n->u.selector.sel->u.ident.name);
            return lv;
        }
        lv.kind = LV_FIELD;
        lv.base = cexpr_any(fs, x, 0, &bt);
        lv.sel = selindex(fs, n->u.selector.sel->u.ident.name);
        lv.type = cmember_type(fs, bt,
                               cname(C, n->u.selector.sel->u.ident.name), NULL,
                               NULL);
        return lv;
    }
    case AST_INDEX: {
        uint32_t bt = 0, kt = T_INT;
        lv.kind = LV_INDEX;
        lv.base = cexpr_any(fs, carray_deref(fs, n->u.index.x), 0, &bt);
        if (VM_KIND(bt) == K_MAP)
            kt = prog_type(C->prog, bt)->key;
        lv.key = cexpr_rk(fs, n->u.index.index, kt, NULL);
        if (bt) {
            const vm_type *ty = prog_type(C->prog, bt);
            if (VM_KIND(bt) == K_PTR && ty->elem)
                ty = prog_type(C->prog, ty->elem);
            lv.type = ty->elem;
            if (VM_KIND(bt) == K_STRING) {
                cerr(C, n, "cannot assign to a string element (strings are "
                           "immutable)");
                return lv;
            }
        }
        return lv;
    }
    case AST_STAR: {
        uint32_t pt = 0;
        lv.kind = LV_DEREF;
        lv.base = cexpr_any(fs, n->u.star.x, 0, &pt);
        lv.type = VM_KIND(pt) == K_PTR ? prog_type(C->prog, pt)->elem : 0;
        return lv;
    }
    default:
        cerr(C, n, "cannot assign to this expression");
        return lv;
    }
}

/* Copy reg into a new temporary when it is a local variable's own
 * register (one another target of the same assignment may change). */
static void pin_reg(fstate *fs, int *reg)
{
    int r;
    if (*reg < 0 || ((unsigned)*reg & RK_CONST) || *reg >= fs->nactive)
        return;
    r = newreg(fs, 1);
    emit(fs, VM_OP_MOVE, 0, r, *reg, 0);
    *reg = r;
}

void clval_pin(fstate *fs, lval *lv)
{
    if (lv->kind == LV_FIELD || lv->kind == LV_INDEX || lv->kind == LV_DEREF)
        pin_reg(fs, &lv->base);
    if (lv->kind == LV_INDEX)
        pin_reg(fs, &lv->key);
}

void cstore(fstate *fs, const lval *lv, int src)
{
    switch (lv->kind) {
    case LV_BLANK:
        return;
    case LV_LOCAL:
        clocal_set(fs, lv->sym, src);
        return;
    case LV_GLOBAL:
        emit(fs, VM_OP_SETG, 0, lv->gindex, src, 0);
        return;
    case LV_FIELD:
        fs_at(fs, lv->at);
        emit(fs, VM_OP_SETFIELD, 0, lv->base, lv->sel, src);
        return;
    case LV_INDEX:
        fs_at(fs, lv->at);
        emit(fs, VM_OP_SETINDEX, 0, lv->base, lv->key, src);
        return;
    case LV_DEREF:
        fs_at(fs, lv->at);
        emit(fs, VM_OP_STORE, 0, lv->base, src, 0);
        return;
    }
}

/* The current value of a place into a new register (for op=). */
int cload(fstate *fs, const lval *lv)
{
    int r;
    if (lv->kind == LV_LOCAL)
        return clocal_get(fs, lv->sym, -1);
    r = newreg(fs, 1);
    switch (lv->kind) {
    case LV_GLOBAL:
        emit(fs, VM_OP_GETG, 0, r, lv->gindex, 0);
        break;
    case LV_FIELD:
        emit(fs, VM_OP_FIELD, 0, r, lv->base, lv->sel);
        break;
    case LV_INDEX:
        emit(fs, VM_OP_INDEX, 0, r, lv->base, lv->key);
        break;
    case LV_DEREF:
        emit(fs, VM_OP_DEREF, 0, r, lv->base, 0);
        break;
    default:
        break;
    }
    return r;
}

void cassign_to(fstate *fs, ast_node *n, int src, uint32_t srctype,
                bool decl)
{
    lval lv = clval(fs, n);
    (void)srctype;
    (void)decl;
    cstore(fs, &lv, src);
}

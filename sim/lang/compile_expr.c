/* compile_expr.c: expressions: constants (folded with 128-bit integers),
 * identifiers, operators, selectors, indexing, slicing, composite and
 * function literals (calls and assignments are in compile_call.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"

bool is_blank(const ast_node *n)
{
    return n && n->kind == AST_IDENT && !strcmp(n->u.ident.name, "_");
}

/* ---- materializing --------------------------------------------------------- */

static bool const_compatible(const cval *cv, vm_kind k)
{
    switch (cv->k) {
    case CV_INT:
    case CV_FLOAT:
        return kind_is_int(k) || kind_is_float(k) || kind_is_untyped(k);
    case CV_STRING:
        return k == K_STRING;
    case CV_BOOL:
        return k == K_BOOL;
    case CV_NIL:
        return kind_is_nilable(k);
    default:
        return false;
    }
}

/* A number constant of (or wanted as) a complex type, in generic code
 * (x++ of a T that is complex128): made a complex constant. */
static void to_complex(fstate *fs, ex *e, uint32_t want)
{
    const vm_program *p = fs->C->prog;
    if (e->cv.k != CV_INT && e->cv.k != CV_FLOAT)
        return;
    if (!(e->type && vm_cplx_bits(p, e->type)) &&
        !(want && want != WANT_SOFT && vm_cplx_bits(p, want)))
        return;
    if (e->cv.k == CV_INT)
        e->cv.f = (double)e->cv.i;
    e->cv.im = 0;
    e->cv.k = CV_COMPLEX;
}

/* Does a value of static type have, stored where want is expected, need
 * its run-time tag changed? Values carry their dynamic type, and Go
 * assigns an unnamed chan, func, map or slice type to a named
 * one of the same underlying type (and back) without a conversion:
 * make(chan int) stored in a T, a func literal in a HandlerFunc. Its
 * methods, %T and type switches must see the destination's type. */
static bool needs_retag(fstate *fs, uint32_t have, uint32_t want)
{
    const vm_type *h, *w;
    vm_kind k = VM_KIND(want);
    if (!have || !want || want == WANT_SOFT || have == want ||
        k != VM_KIND(have))
        return false;
    /* not pointers: a named pointer type (type PS *T) has no methods, and
     * the VM selects fields through unnamed pointer types only */
    if (k != K_CHAN && k != K_FUNC && k != K_MAP && k != K_SLICE)
        return false;
    h = prog_type(fs->C->prog, have);
    w = prog_type(fs->C->prog, want);
    if (h->generic || w->generic)
        return false;
    if (k == K_CHAN && h->dir == 0 && w->dir != 0) /* chan T to <-chan T */
        return prog_type(fs->C->prog, h->under)->elem ==
               prog_type(fs->C->prog, w->under)->elem;
    return h->named != w->named && h->under == w->under;
}

/* Pointer types of one underlying type (type T *int and *int). */
static bool same_ptr(fstate *fs, uint32_t a, uint32_t b)
{
    return VM_KIND(a) == K_PTR && VM_KIND(b) == K_PTR &&
           prog_type(fs->C->prog, a)->under ==
               prog_type(fs->C->prog, b)->under;
}

int ex_to(fstate *fs, ex *e, int reg, uint32_t want, bool copy)
{
    if (e->is_const) {
        uint32_t t = e->type;
        vm_value v;
        if (reg < 0)
            reg = newreg(fs, 1);
        if (e->cv.k == CV_NIL) {
            if (want && want != WANT_SOFT &&
                kind_is_nilable(VM_KIND(want)) && VM_KIND(want) != K_IFACE)
                emit(fs, VM_OP_ZERO, 0, reg, ktype(fs, want), 0);
            else
                emit(fs, VM_OP_LOADNIL, 0, reg, 0, 0);
            e->reg = reg;
            e->is_const = false;
            e->type = want == WANT_SOFT ? 0 : want;
            return reg;
        }
        to_complex(fs, e, want);
        if (e->cv.k == CV_COMPLEX) {
            /* a new complex value: its two parts set */
            const vm_program *p = fs->C->prog;
            uint32_t ft;
            if (want && want != WANT_SOFT && vm_cplx_bits(p, want))
                t = want;
            else if (!t || !vm_cplx_bits(p, t) || t == T_UCPLX)
                t = T_COMPLEX128;
            ft = vm_cplx_bits(p, t) == 64 ? T_FLOAT32 : T_FLOAT64;
            emit(fs, VM_OP_ZERO, 0, reg, ktype(fs, t), 0);
            emit(fs, VM_OP_SETSLOT, 0, reg, 0,
                 (int)(RK_CONST |
                       (unsigned)kindex(fs, vm_float(ft, e->cv.f))));
            emit(fs, VM_OP_SETSLOT, 0, reg, 1,
                 (int)(RK_CONST |
                       (unsigned)kindex(fs, vm_float(ft, e->cv.im))));
            e->reg = reg;
            e->is_const = false;
            e->type = t;
            e->local = false;
            e->fresh = true;
            return reg;
        }
        if (cuntyped(t) || t == T_BOOL || t == T_STRING) {
            if (want == WANT_SOFT)
                t = cuntyped(t) ? t : t;
            else if (want && const_compatible(&e->cv, VM_KIND(type_under(
                                                          fs->C->prog, want))))
                t = want;
            else if (want && VM_KIND(want) == K_IFACE)
                t = type_default(t);
            else if (cuntyped(t))
                t = type_default(t);
        }
        v = cval_value(fs, &e->cv, t, e->node);
        emit(fs, VM_OP_LOADK, 0, reg, kindex(fs, v), 0);
        e->reg = reg;
        e->is_const = false;
        e->type = v.t;
        e->local = false;
        e->fresh = true;
        return reg;
    }
    if (needs_retag(fs, e->type, want)) {
        if (reg < 0)
            reg = newreg(fs, 1);
        emit(fs, VM_OP_CONV, 0, reg, e->reg, ktype(fs, want));
        e->reg = reg;
        e->type = want;
        e->local = false;
        e->fresh = true;
        return reg;
    }
    if (reg < 0) {
        bool need_copy = copy && !e->fresh &&
                         (!e->type || kind_is_aggregate(VM_KIND(e->type)) ||
                          VM_KIND(e->type) == K_IFACE);
        if (!e->local && !need_copy)
            return e->reg;
        reg = newreg(fs, 1);
    }
    if (reg != e->reg) {
        bool agg = !e->type || kind_is_aggregate(VM_KIND(e->type)) ||
                   VM_KIND(e->type) == K_IFACE;
        if (copy && !e->fresh && agg)
            emit(fs, VM_OP_COPY, 0, reg, e->reg, 0);
        else if (e->local || !retarget_last(fs, e->reg, reg))
            emit(fs, VM_OP_MOVE, 0, reg, e->reg, 0);
    } else if (copy && !e->fresh &&
               (!e->type || kind_is_aggregate(VM_KIND(e->type)) ||
                VM_KIND(e->type) == K_IFACE)) {
        emit(fs, VM_OP_COPY, 0, reg, reg, 0);
    }
    e->reg = reg;
    e->local = false;
    return reg;
}

int ex_rk(fstate *fs, ex *e, uint32_t want)
{
    if (e->is_const)
        to_complex(fs, e, want);
    if (e->is_const && e->cv.k != CV_NIL && e->cv.k != CV_COMPLEX) {
        uint32_t t = e->type;
        vm_value v;
        if (cuntyped(t) || t == T_BOOL || t == T_STRING) {
            if (want == WANT_SOFT)
                ;
            else if (want && const_compatible(&e->cv, VM_KIND(type_under(
                                                          fs->C->prog, want))))
                t = want;
            else if (cuntyped(t))
                t = type_default(t);
        }
        v = cval_value(fs, &e->cv, t, e->node);
        return (int)(RK_CONST | (unsigned)kindex(fs, v));
    }
    return ex_to(fs, e, -1, want, false);
}

int cexpr_to(fstate *fs, ast_node *n, int reg, uint32_t want, bool copy)
{
    ex e = cexpr(fs, n, want);
    return ex_to(fs, &e, reg, want, copy);
}

int cexpr_any(fstate *fs, ast_node *n, uint32_t want, uint32_t *type)
{
    ex e = cexpr(fs, n, want);
    int r;
    if (!e.is_const && e.reg >= 0) {
        if (type)
            *type = e.type;
        return e.reg;
    }
    r = ex_to(fs, &e, -1, want, false);
    if (type)
        *type = e.type;
    return r;
}

int cexpr_rk(fstate *fs, ast_node *n, uint32_t want, uint32_t *type)
{
    ex e = cexpr(fs, n, want);
    int r = ex_rk(fs, &e, want);
    if (type)
        *type = e.is_const ? (cuntyped(e.type) && want && want != WANT_SOFT
                                  ? want
                                  : e.type)
                           : e.type;
    return r;
}

static ex ex_reg(int reg, uint32_t type)
{
    ex e;
    memset(&e, 0, sizeof e);
    e.reg = reg;
    e.type = type;
    return e;
}

/* ---- static member types -------------------------------------------------- */

static uint32_t member_rec(fstate *fs, uint32_t t, uint32_t name, int depth,
                           int *best_depth, bool *is_method, bool *ptr_recv)
{
    vm_program *p = fs->C->prog;
    const vm_type *ty, *u;
    uint32_t found = 0;
    if (!t || depth > 6 || depth >= *best_depth)
        return 0;
    if (VM_KIND(t) == K_PTR && !prog_type(p, t)->named)
        t = prog_type(p, t)->elem;
    if (!t)
        return 0;
    ty = prog_type(p, t);
    for (uint32_t i = 0; i < ty->nmethods; i++)
        if (ty->methods[i].name == name) {
            *best_depth = depth;
            *is_method = true;
            *ptr_recv = ty->methods[i].ptr_recv;
            return ty->methods[i].fn ? ty->methods[i].fn->type : T_FUNC;
        }
    u = prog_type(p, ty->under);
    if (VM_KIND(u->id) != K_STRUCT)
        return 0;
    for (uint32_t i = 0; i < u->nfields; i++)
        if (u->fields[i].name == name) {
            *best_depth = depth;
            *is_method = false;
            return u->fields[i].type;
        }
    for (uint32_t i = 0; i < u->nfields; i++) {
        bool m = false, pr = false;
        uint32_t r;
        if (!u->fields[i].embedded)
            continue;
        r = member_rec(fs, u->fields[i].type, name, depth + 1, best_depth, &m,
                       &pr);
        if (r) {
            found = r;
            *is_method = m;
            *ptr_recv = pr;
        }
    }
    return found;
}

uint32_t cmember_type(fstate *fs, uint32_t t, uint32_t name, bool *is_method,
                      bool *ptr_recv)
{
    int best = 100;
    bool m = false, pr = false;
    uint32_t r = member_rec(fs, t, name, 0, &best, &m, &pr);
    if (is_method)
        *is_method = m;
    if (ptr_recv)
        *ptr_recv = pr;
    return r;
}

bool cneeds_box(fstate *fs, uint32_t t)
{
    vm_kind k = VM_KIND(t);
    const vm_type *ty;
    if (!t)
        return true;
    if (k == K_PTR || k == K_IFACE || kind_is_aggregate(k) || k == K_MAP ||
        k == K_CHAN || k == K_FUNC || k == K_SLICE)
        return false;
    ty = prog_type(fs->C->prog, t);
    for (uint32_t i = 0; i < ty->nmethods; i++)
        if (ty->methods[i].ptr_recv)
            return true;
    return false;
}

/* ---- identifiers ---------------------------------------------------------- */

/* The index in fs's capture list of outer local s (adding it). */
int cupval(fstate *fs, res_sym *s)
{
    vm_capdesc d;
    for (size_t i = 0; i < fs->capsyms.len; i++)
        if (fs->capsyms.p[i] == s)
            return (int)i;
    if (!fs->outer) {
        cerr(fs->C, s->ident, "internal: %s captured outside a function",
             s->name);
        return 0;
    }
    if (s->fn && s->fn->node == fs->outer->node) {
        d.from_up = false;
        d.index = (uint16_t)s->reg;
    } else {
        d.from_up = true;
        d.index = (uint16_t)cupval(fs->outer, s);
    }
    VEC_PUSH(fs->caps, d);
    VEC_PUSH(fs->capsyms, s);
    return (int)fs->caps.len - 1;
}

static bool owns(fstate *fs, res_sym *s)
{
    return s->fn && s->fn->node == fs->node;
}

int clocal_get(fstate *fs, res_sym *s, int reg)
{
    if (owns(fs, s)) {
        if (!s->boxed) {
            if (reg >= 0 && reg != s->reg)
                emit(fs, VM_OP_MOVE, 0, reg, s->reg, 0);
            return reg >= 0 ? reg : s->reg;
        }
        if (reg < 0)
            reg = newreg(fs, 1);
        emit(fs, VM_OP_GETCELL, 0, reg, s->reg, 0);
        return reg;
    }
    if (reg < 0)
        reg = newreg(fs, 1);
    emit(fs, VM_OP_GETUP, 0, reg, cupval(fs, s), 0);
    return reg;
}

void clocal_set(fstate *fs, res_sym *s, int src)
{
    if (owns(fs, s)) {
        if (s->boxed)
            emit(fs, VM_OP_SETCELL, 0, s->reg, src, 0);
        else if (src != s->reg)
            emit(fs, VM_OP_ASSIGN, 0, s->reg, src, 0);
        return;
    }
    emit(fs, VM_OP_SETUP, 0, cupval(fs, s), src, 0);
}

/* Identifier n denoting s; at: the expression whose instantiation a
 * generic function takes (n, or the pkg.F selector holding it). */
static ex cident(fstate *fs, ast_node *n, res_sym *s, const ast_node *at)
{
    ex e;
    memset(&e, 0, sizeof e);
    e.reg = -1;
    if (!s) {
        cerr(fs->C, n, "undefined: %s",
             n->kind == AST_IDENT ? n->u.ident.name : "?");
        return e;
    }
    switch (s->kind) {
    case RS_LOCAL:
        if (owns(fs, s) && !s->boxed) {
            e.reg = s->reg;
            e.local = true;
        } else {
            e.reg = clocal_get(fs, s, -1);
        }
        e.type = s->type;
        return e;
    case RS_VAR:
        e.reg = newreg(fs, 1);
        emit(fs, VM_OP_GETG, 0, e.reg, s->gindex, 0);
        e.type = fs->C->prog->gtypes[s->gindex];
        return e;
    case RS_CONST:
    case RS_TRUE:
    case RS_FALSE:
    case RS_IOTA:
        e.is_const = cconst(fs, n, &e.cv, &e.type);
        return e;
    case RS_NIL:
        e.is_const = true;
        e.cv.k = CV_NIL;
        e.type = T_NIL;
        return e;
    case RS_FUNC: {
        vm_proto *p = cfunc_instance(fs, s, at);
        if (!p && !fs->C->failed)
            p = cfunc_proto(fs->C, s);
        if (!p)
            return e;
        e.reg = newreg(fs, 1);
        emit(fs, VM_OP_LOADK, 0, e.reg,
             kindex(fs, vm_ref(p->type, p->static_fn)), 0);
        e.type = p->type;
        e.fresh = true;
        return e;
    }
    case RS_NATIVE: {
        vm_proto *p = cnative_proto(fs->C, s->builtin);
        e.reg = newreg(fs, 1);
        emit(fs, VM_OP_LOADK, 0, e.reg,
             kindex(fs, vm_ref(T_FUNC, p->static_fn)), 0);
        e.type = T_FUNC;
        return e;
    }
    case RS_TYPE:
        cerr(fs->C, n, "%s (type) is not an expression", s->name);
        return e;
    case RS_BUILTIN:
        cerr(fs->C, n, "%s (built-in function) must be called", s->name);
        return e;
    case RS_PKG:
        cerr(fs->C, n, "use of package %s without selector", s->name);
        return e;
    }
    return e;
}

/* ---- operators -------------------------------------------------------------- */

static const vm_opcode arith_op[TK_COUNT] = {
    [TK_ADD] = VM_OP_ADD, [TK_SUB] = VM_OP_SUB,    [TK_MUL] = VM_OP_MUL,
    [TK_QUO] = VM_OP_DIV, [TK_REM] = VM_OP_MOD,    [TK_AND] = VM_OP_AND,
    [TK_OR] = VM_OP_OR,   [TK_XOR] = VM_OP_XOR,    [TK_AND_NOT] = VM_OP_ANDNOT,
    [TK_SHL] = VM_OP_SHL, [TK_SHR] = VM_OP_SHR};

/* Does operand e stand in a local's register that an instruction may
 * read at once (nothing to convert, retag or copy)? */
static bool local_operand(fstate *fs, const ex *e, uint32_t want)
{
    return !e->is_const && e->local && e->reg >= 0 &&
           !needs_retag(fs, e->type, want);
}

int ex_operand(fstate *fs, ex *e, uint32_t want, bool copy)
{
    if (local_operand(fs, e, want) &&
        (!copy || (e->type && !kind_is_aggregate(VM_KIND(e->type)) &&
                   VM_KIND(e->type) != K_IFACE)))
        return e->reg;
    return ex_to(fs, e, -1, want, copy);
}

/* An operand of an operator, as an RK: a local's own register, else
 * ex_rk. */
int operand_rk(fstate *fs, ex *e, uint32_t want)
{
    return local_operand(fs, e, want) ? e->reg : ex_rk(fs, e, want);
}

/* The type of operand rk (an RK): a constant's own, else t, the static
 * type of the register. */
static uint32_t rk_type(fstate *fs, int rk, uint32_t t)
{
    return ((unsigned)rk & RK_CONST) ? fs->k.p[(unsigned)rk & 0x7fff].t : t;
}

/* The f of a checked-integer instruction on kind k (vm_int.h). */
static int checked_f(vm_kind k)
{
    return (int)k | (kind_bits(k) < 64 ? (int)VM_F_SIZED : 0);
}

int emit_binop(fstate *fs, vm_opcode opc, int a, int rb, uint32_t tb, int rc,
               uint32_t tc)
{
    /* [op] = { R op R, R op K, K op R as R op' K (0: none) }, signed */
    static const vm_opcode typed[VM_OP__COUNT][3] = {
        [VM_OP_ADD] = {VM_OP_IADD, VM_OP_IADDK, VM_OP_IADDK},
        [VM_OP_SUB] = {VM_OP_ISUB, VM_OP_ISUBK, 0},
        [VM_OP_MUL] = {VM_OP_IMUL, VM_OP_IMULK, VM_OP_IMULK},
        [VM_OP_AND] = {VM_OP_IAND, VM_OP_IANDK, VM_OP_IANDK},
        [VM_OP_OR] = {VM_OP_IOR, VM_OP_IORK, VM_OP_IORK},
        [VM_OP_XOR] = {VM_OP_IXOR, VM_OP_IXORK, VM_OP_IXORK},
        [VM_OP_EQ] = {VM_OP_IEQ, VM_OP_IEQK, VM_OP_IEQK},
        [VM_OP_NE] = {VM_OP_INE, VM_OP_INEK, VM_OP_INEK},
        [VM_OP_LT] = {VM_OP_ILT, VM_OP_ILTK, VM_OP_IGTK},
        [VM_OP_LE] = {VM_OP_ILE, VM_OP_ILEK, VM_OP_IGEK}};
    bool kb = ((unsigned)rb & RK_CONST) != 0;
    bool kc = ((unsigned)rc & RK_CONST) != 0;
    uint32_t t = kb ? tc : tb;
    vm_kind k;
    vm_opcode o;
    if ((kb && kc) || !t || !kind_is_int(VM_KIND(t)))
        return emit(fs, opc, 0, a, rb, rc);
    if (opc == VM_OP_SHL || opc == VM_OP_SHR) {
        /* x << n, x >> n by a constant n below 64 */
        vm_value n = kc ? fs->k.p[(unsigned)rc & 0x7fff] : vm_nil();
        if (!kb && kc && kind_is_int(VM_KIND(n.t)) &&
            (kind_is_signed(VM_KIND(n.t)) ? n.v.i >= 0 && n.v.i < 64
                                          : n.v.u < 64))
            return emit(fs, opc == VM_OP_SHL ? VM_OP_ISHL
                            : kind_is_signed(VM_KIND(t)) ? VM_OP_ISHR
                                                         : VM_OP_USHR,
                        checked_f(VM_KIND(t)), a, rb, rc);
        return emit(fs, opc, 0, a, rb, rc);
    }
    if (kb) {
        /* K op R as R op' K */
        int sw = rb;
        o = typed[opc][2];
        if (!o || rk_type(fs, rb, tb) != t)
            return emit(fs, opc, 0, a, rb, rc);
        rb = rc;
        rc = sw;
    } else {
        o = typed[opc][kc ? 1 : 0];
        if (!o || rk_type(fs, rc, tc) != t)
            return emit(fs, opc, 0, a, rb, rc);
    }
    k = VM_KIND(t);
    if (!kind_is_signed(k))
        switch (o) {
        case VM_OP_ILT: o = VM_OP_ULT; break;
        case VM_OP_ILE: o = VM_OP_ULE; break;
        case VM_OP_ILTK: o = VM_OP_ULTK; break;
        case VM_OP_ILEK: o = VM_OP_ULEK; break;
        case VM_OP_IGTK: o = VM_OP_UGTK; break;
        case VM_OP_IGEK: o = VM_OP_UGEK; break;
        default: break;
        }
    return emit(fs, o, checked_f(k), a, rb, rc);
}

/* x op y with x, y compiled: the untyped side takes the typed side's type. */
static ex cbinop(fstate *fs, lex_kind opk, ex *x, ex *y, uint32_t want)
{
    uint32_t xt = x->type, yt = y->type, t;
    int rb, rc, r;
    ex e;
    bool shift = opk == TK_SHL || opk == TK_SHR;
    bool cmp = opk == TK_EQL || opk == TK_NEQ || opk == TK_LSS ||
               opk == TK_LEQ || opk == TK_GTR || opk == TK_GEQ;
    if (shift) {
        uint32_t lt = x->is_const && cuntyped(xt)
                          ? (want && want != WANT_SOFT &&
                                     VM_KIND(want) != K_IFACE
                                 ? want
                                 : T_INT)
                          : xt;
        rb = operand_rk(fs, x, lt);
        rc = operand_rk(fs, y, T_UINT);
        t = x->type ? x->type : lt;
    } else {
        uint32_t tx = x->is_const && cuntyped(xt) ? (yt && !cuntyped(yt) &&
                                                            !(y->is_const)
                                                        ? yt
                                                    : y->is_const ? 0
                                                                  : WANT_SOFT)
                                                 : xt;
        uint32_t ty = y->is_const && cuntyped(yt) ? (xt && !cuntyped(xt) &&
                                                            !(x->is_const)
                                                        ? xt
                                                    : x->is_const ? 0
                                                                  : WANT_SOFT)
                                                 : yt;
        if (x->is_const && cuntyped(xt) && !y->is_const && !yt && want &&
            want != WANT_SOFT && !cmp)
            tx = want;
        if (y->is_const && cuntyped(yt) && !x->is_const && !xt && want &&
            want != WANT_SOFT && !cmp)
            ty = want;
        /* operands of two types, one assignable to the other (chan T
         * and <-chan T, a named type and its literal underlying one):
         * compared as the same type, as Go converts */
        if (cmp && tx && ty && tx != ty && tx != WANT_SOFT &&
            ty != WANT_SOFT) {
            if (needs_retag(fs, tx, ty))
                tx = ty;
            else if (needs_retag(fs, ty, tx))
                ty = tx;
        }
        rb = operand_rk(fs, x, tx);
        rc = operand_rk(fs, y, ty);
        if (cmp && !x->is_const && !y->is_const && xt != yt &&
            same_ptr(fs, xt, yt)) {
            int nr = newreg(fs, 1);
            emit(fs, VM_OP_CONV, 0, nr, rb, ktype(fs, yt));
            rb = nr;
        }
        t = x->is_const ? (y->type ? y->type : x->type) : x->type;
        if (!t)
            t = y->type;
    }
    r = newreg(fs, 1);
    if (cmp) {
        switch (opk) {
        case TK_EQL:
            emit_binop(fs, VM_OP_EQ, r, rb, x->type, rc, y->type);
            break;
        case TK_NEQ:
            emit_binop(fs, VM_OP_NE, r, rb, x->type, rc, y->type);
            break;
        case TK_LSS:
            emit_binop(fs, VM_OP_LT, r, rb, x->type, rc, y->type);
            break;
        case TK_LEQ:
            emit_binop(fs, VM_OP_LE, r, rb, x->type, rc, y->type);
            break;
        case TK_GTR:
            emit_binop(fs, VM_OP_LT, r, rc, y->type, rb, x->type);
            break;
        default:
            emit_binop(fs, VM_OP_LE, r, rc, y->type, rb, x->type);
            break;
        }
        e = ex_reg(r, T_BOOL);
        e.fresh = true;
        return e;
    }
    emit_binop(fs, arith_op[opk], r, rb, x->type, rc, y->type);
    e = ex_reg(r, cuntyped(t) ? 0 : t);
    e.fresh = true;
    return e;
}

/* x == nil or x != nil. */
static ex cnilcmp(fstate *fs, ast_node *other, bool ne)
{
    uint32_t t = 0;
    int x = cexpr_any(fs, other, 0, &t);
    int r = newreg(fs, 1);
    emit(fs, VM_OP_ISNIL, VM_KIND(t) == K_IFACE, r, x, 0);
    if (ne)
        emit(fs, VM_OP_NOT, 0, r, r, 0);
    return ex_reg(r, T_BOOL);
}

static bool is_nil(fstate *fs, ast_node *n)
{
    res_sym *s;
    while (n->kind == AST_PAREN)
        n = n->u.paren.x;
    if (n->kind != AST_IDENT)
        return false;
    s = csym(fs, n);
    return s && s->kind == RS_NIL;
}

static ex cbinary(fstate *fs, ast_node *n, uint32_t want)
{
    lex_kind opk = n->u.binary.op;
    ex x, y, e;
    if (opk == TK_LAND || opk == TK_LOR) {
        int r, j;
        cval cv;
        uint32_t ct;
        if (cconst(fs, n, &cv, &ct)) {
            memset(&e, 0, sizeof e);
            e.is_const = true;
            e.cv = cv;
            e.type = ct;
            e.reg = -1;
            return e;
        }
        r = newreg(fs, 1);
        cexpr_to(fs, n->u.binary.x, r, T_BOOL, false);
        j = emit_jmp(fs, opk == TK_LAND ? VM_OP_JF : VM_OP_JT, r);
        {
            int save = fs->freereg;
            cexpr_to(fs, n->u.binary.y, r, T_BOOL, false);
            fs->freereg = save;
        }
        patch_here(fs, j);
        e = ex_reg(r, T_BOOL);
        e.fresh = true;
        return e;
    }
    if ((opk == TK_EQL || opk == TK_NEQ) && is_nil(fs, n->u.binary.y))
        return cnilcmp(fs, n->u.binary.x, opk == TK_NEQ);
    if ((opk == TK_EQL || opk == TK_NEQ) && is_nil(fs, n->u.binary.x))
        return cnilcmp(fs, n->u.binary.y, opk == TK_NEQ);
    x = cexpr(fs, n->u.binary.x, opk == TK_SHL || opk == TK_SHR ? want : 0);
    y = cexpr(fs, n->u.binary.y,
              opk == TK_SHL || opk == TK_SHR ? T_UINT : 0);
    if (fs->C->failed)
        return x;
    fs_at(fs, n);
    return cbinop(fs, opk, &x, &y, want);
}

static ex cunary(fstate *fs, ast_node *n, uint32_t want)
{
    ex x, e;
    int r;
    cval cv;
    uint32_t ct;
    switch (n->u.unary.op) {
    case TK_ARROW: {
        uint32_t t = 0;
        int ch = cexpr_any(fs, n->u.unary.x, 0, &t);
        r = newreg(fs, 1);
        fs_at(fs, n);
        emit(fs, VM_OP_RECV, 0, r, ch, 0);
        e = ex_reg(r, VM_KIND(t) == K_CHAN ? prog_type(fs->C->prog, t)->elem
                                           : 0);
        e.fresh = true;
        return e;
    }
    case TK_AND:
        return cexpr(fs, n, want); /* handled by caddr via cexpr */
    default:
        break;
    }
    if (cconst(fs, n, &cv, &ct)) {
        memset(&e, 0, sizeof e);
        e.is_const = true;
        e.cv = cv;
        e.type = ct;
        e.reg = -1;
        return e;
    }
    if (fs->C->failed)
        return ex_reg(-1, 0);
    x = cexpr(fs, n->u.unary.x, want);
    if (n->u.unary.op == TK_ADD)
        return x;
    {
        int src = ex_operand(fs, &x, want ? want : WANT_SOFT, false);
        r = newreg(fs, 1);
        fs_at(fs, n);
        emit(fs,
             n->u.unary.op == TK_SUB   ? VM_OP_NEG
             : n->u.unary.op == TK_NOT ? VM_OP_NOT
                                       : VM_OP_BNOT,
             0, r, src, 0);
        e = ex_reg(r, x.type);
        e.fresh = true;
        return e;
    }
}

/* &x */
static ex caddr(fstate *fs, ast_node *n, uint32_t want)
{
    ast_node *x = n->u.unary.x;
    ex e;
    int r;
    uint32_t t = 0;
    while (x->kind == AST_PAREN)
        x = x->u.paren.x;
    fs_at(fs, n);
    switch (x->kind) {
    case AST_IDENT: {
        res_sym *s = csym(fs, x);
        if (s && s->kind == RS_VAR) {
            r = newreg(fs, 1);
            t = fs->C->prog->gtypes[s->gindex];
            emit(fs, VM_OP_ADDRG, t != 0, r, s->gindex,
                 t ? ktype(fs, type_ptr(fs->C->prog, t)) : 0);
            return ex_reg(r, t ? type_ptr(fs->C->prog, t) : 0);
        }
        if (s && s->kind == RS_LOCAL) {
            t = s->type;
            r = newreg(fs, 1);
            if (!owns(fs, s))
                emit(fs, VM_OP_UPCELL, 0, r, cupval(fs, s), 0);
            else
                emit(fs, VM_OP_MOVE, 0, r, s->reg, 0);
            emit(fs, VM_OP_ADDRCELL, t != 0, r, r,
                 t ? ktype(fs, type_ptr(fs->C->prog, t)) : 0);
            return ex_reg(r, t ? type_ptr(fs->C->prog, t) : 0);
        }
        cerr(fs->C, x, "invalid operation: cannot take address of %s",
             x->u.ident.name);
        return ex_reg(-1, 0);
    }
    case AST_SELECTOR: {
        res_sym *p = x->u.selector.x->kind == AST_IDENT
                         ? csym(fs, x->u.selector.x)
                         : NULL;
        if (p && p->kind == RS_PKG) {
            res_sym *g = csym(fs, x->u.selector.sel);
            if (g && g->kind == RS_VAR) {
                r = newreg(fs, 1);
                t = fs->C->prog->gtypes[g->gindex];
                emit(fs, VM_OP_ADDRG, t != 0, r, g->gindex,
                     t ? ktype(fs, type_ptr(fs->C->prog, t)) : 0);
                return ex_reg(r, t ? type_ptr(fs->C->prog, t) : 0);
            }
        }
        {
            uint32_t bt = 0, st = cnode_type(fs, x->u.selector.x), ft;
            int b;
            if (st && VM_KIND(st) == K_STRUCT) {
                /* &v.f of a struct variable v is v's address moved to
                 * f: v itself is not read (a goroutine taking it while
                 * another assigns v is no race; Go's detector agrees).
                 * The checker accepted &v.f, so v is addressable. */
                ast_node amp = *n;
                ex pe;
                amp.u.unary.x = x->u.selector.x;
                pe = caddr(fs, &amp, 0);
                b = ex_to(fs, &pe, -1, 0, false);
                bt = pe.type;
            } else {
                b = cexpr_any(fs, x->u.selector.x, 0, &bt);
            }
            ft = cmember_type(
                fs, bt, cname(fs->C, x->u.selector.sel->u.ident.name), NULL,
                NULL);
            r = newreg(fs, 1);
            fs_at(fs, x);
            emit(fs, VM_OP_ADDRFIELD, 0, r, b,
                 selindex(fs, x->u.selector.sel->u.ident.name));
            return ex_reg(r, ft ? type_ptr(fs->C->prog, ft) : 0);
        }
    }
    case AST_INDEX: {
        uint32_t bt = 0, et = 0;
        int b = cexpr_any(fs, carray_deref(fs, x->u.index.x), 0, &bt);
        int i = cexpr_rk(fs, x->u.index.index, T_INT, NULL);
        if (bt) {
            const vm_type *ty = prog_type(fs->C->prog, bt);
            if (VM_KIND(bt) == K_PTR && ty->elem)
                ty = prog_type(fs->C->prog, ty->elem);
            et = ty->elem;
        }
        r = newreg(fs, 1);
        fs_at(fs, x);
        emit(fs, VM_OP_ADDRINDEX, 0, r, b, i);
        return ex_reg(r, et ? type_ptr(fs->C->prog, et) : 0);
    }
    case AST_STAR: {
        /* &*p is p, but a nil p panics there, as in Go */
        e = cexpr(fs, x->u.star.x, 0);
        r = ex_to(fs, &e, -1, 0, false);
        fs_at(fs, x);
        emit(fs, VM_OP_NILCHK, 0, r, 0, 0);
        return ex_reg(r, e.type);
    }
    case AST_COMPOSITE_LIT: {
        uint32_t lt = want && VM_KIND(want) == K_PTR
                          ? prog_type(fs->C->prog, want)->elem
                          : 0;
        e = cexpr(fs, x, lt);
        r = ex_to(fs, &e, -1, 0, false);
        if (!kind_is_aggregate(VM_KIND(e.type)))
            emit(fs, VM_OP_NEWCELL, 0, r, r, 0);
        emit(fs, VM_OP_ADDRCELL, e.type != 0, r, r,
             e.type ? ktype(fs, type_ptr(fs->C->prog, e.type)) : 0);
        e = ex_reg(r, e.type ? type_ptr(fs->C->prog, e.type) : 0);
        e.fresh = true;
        return e;
    }
    default:
        cerr(fs->C, x, "invalid operation: cannot take address of this "
                       "expression");
        return ex_reg(-1, 0);
    }
}

/* ---- composite literals ----------------------------------------------------- */

/* Store the elements of array or slice literal n (its elements of type
 * et) into R[r], each at its constant index: with SETSLOT, or with
 * SETINDEX when big (a literal too long for LIT's 16-bit length and
 * SETSLOT's index). */
static void literal_elements(fstate *fs, ast_node *n, int r, uint32_t et,
                             bool big)
{
    int64_t idx = 0;
    for (size_t i = 0; i < n->u.composite.elts.n && !fs->C->failed; i++) {
        ast_node *el = n->u.composite.elts.v[i];
        int save = fs->freereg, v, k;
        if (el->kind == AST_KEY_VALUE) {
            cval cv;
            uint32_t ct;
            cconst(fs, el->u.kv.key, &cv, &ct);
            idx = (int64_t)cv.i;
            el = el->u.kv.value;
        }
        v = cexpr_rk(fs, el, et, NULL);
        if (big) {
            k = (int)(RK_CONST | (unsigned)kindex(fs, vm_int(T_INT, idx)));
            emit(fs, VM_OP_SETINDEX, 0, r, k, v);
        } else {
            emit(fs, VM_OP_SETSLOT, 0, r, (int)idx, v);
        }
        fs->freereg = save;
        idx++;
    }
}

static ex ccomposite(fstate *fs, ast_node *n, uint32_t want)
{
    compiler *C = fs->C;
    vm_program *p = C->prog;
    uint32_t t = n->u.composite.type ? 0 : want;
    const vm_type *u;
    vm_type ucopy; /* compiling elements may grow the type table */
    bool addr = false;
    int r;
    ex e;
    if (n->u.composite.type) {
        ast_node *tn = n->u.composite.type;
        if (tn->kind == AST_ARRAY_TYPE &&
            tn->u.array.len->kind == AST_ELLIPSIS) {
            /* [...]T: the length is the number of elements */
            int64_t len = 0, idx = 0;
            for (size_t i = 0; i < n->u.composite.elts.n; i++) {
                ast_node *el = n->u.composite.elts.v[i];
                if (el->kind == AST_KEY_VALUE) {
                    cval cv;
                    uint32_t ct;
                    if (cconst(fs, el->u.kv.key, &cv, &ct) && cv.k == CV_INT)
                        idx = (int64_t)cv.i;
                }
                idx++;
                if (idx > len)
                    len = idx;
            }
            t = type_array(p, ctype_of(fs, tn->u.array.elem), len);
        } else {
            t = ctype_of(fs, tn);
        }
    }
    if (!t) {
        if (!C->failed)
            cerr(C, n, "invalid composite literal type: missing type");
        return ex_reg(-1, 0);
    }
    if (VM_KIND(t) == K_PTR && !n->u.composite.type) {
        addr = true;
        t = prog_type(p, t)->elem;
    }
    ucopy = *prog_type(p, type_under(p, t));
    u = &ucopy;
    r = newreg(fs, 1);
    fs_at(fs, n);
    switch (VM_KIND(u->id)) {
    case K_STRUCT: {
        emit(fs, VM_OP_ZERO, 0, r, ktype(fs, t), 0);
        for (size_t i = 0; i < n->u.composite.elts.n && !C->failed; i++) {
            ast_node *el = n->u.composite.elts.v[i];
            uint32_t fi = (uint32_t)i;
            int save = fs->freereg, v;
            if (el->kind == AST_KEY_VALUE) {
                ast_node *k = el->u.kv.key;
                uint32_t nm;
                if (k->kind != AST_IDENT) {
                    cerr(C, k, "invalid field name in struct literal");
                    break;
                }
                nm = cname(C, k->u.ident.name);
                for (fi = 0; fi < u->nfields && u->fields[fi].name != nm; fi++)
                    ;
                if (fi == u->nfields) {
                    cerr(C, k, "unknown field %s in struct literal of type %s",
                         k->u.ident.name, prog_type(p, t)->name);
                    break;
                }
                el = el->u.kv.value;
            } else if (fi >= u->nfields) {
                cerr(C, el, "too many values in struct literal of type %s",
                     prog_type(p, t)->name);
                break;
            }
            v = cexpr_rk(fs, el, u->fields[fi].type, NULL);
            /* a blank field keeps its zero value, as gc keeps it */
            if (strcmp(p->names.p[u->fields[fi].name], "_"))
                emit(fs, VM_OP_SETSLOT, 0, r, fi, v);
            fs->freereg = save;
        }
        break;
    }
    case K_ARRAY:
    case K_SLICE: {
        int64_t len = 0, idx = 0;
        int at;
        for (size_t i = 0; i < n->u.composite.elts.n; i++) {
            ast_node *el = n->u.composite.elts.v[i];
            if (el->kind == AST_KEY_VALUE) {
                cval cv;
                uint32_t ct;
                if (!cconst(fs, el->u.kv.key, &cv, &ct) || cv.k != CV_INT ||
                    cv.i < 0) {
                    cerr(C, el->u.kv.key, "index must be non-negative "
                                          "integer constant");
                    return ex_reg(-1, 0);
                }
                idx = (int64_t)cv.i;
            }
            idx++;
            if (idx > len)
                len = idx;
        }
        if (VM_KIND(u->id) == K_ARRAY) {
            if (len > u->len) {
                cerr(C, n, "array index %lld out of bounds [0:%lld]",
                     (long long)len - 1, (long long)u->len);
                return ex_reg(-1, 0);
            }
            len = u->len;
        }
        if (len > 0xffff) {
            /* longer than LIT says: the zero value (make for a slice),
             * then each element given stored at its constant index */
            if (VM_KIND(u->id) == K_ARRAY) {
                emit(fs, VM_OP_ZERO, 0, r, ktype(fs, t), 0);
            } else {
                int lr = newreg(fs, 1);
                emit(fs, VM_OP_LOADK, 0, lr, kindex(fs, vm_int(T_INT, len)),
                     0);
                emit(fs, VM_OP_MAKESLICE, 0, r, lr, ktype(fs, t));
                fs->freereg = r + 1;
            }
            literal_elements(fs, n, r, u->elem, true);
            break;
        }
        at = emit(fs, VM_OP_LIT, VM_KIND(u->id) == K_ARRAY, r, (int)len,
                  ktype(fs, t));
        (void)at;
        literal_elements(fs, n, r, u->elem, false);
        break;
    }
    case K_MAP: {
        emit(fs, VM_OP_MAKEMAP, 0, r, 0, ktype(fs, t));
        for (size_t i = 0; i < n->u.composite.elts.n && !C->failed; i++) {
            ast_node *el = n->u.composite.elts.v[i];
            int save = fs->freereg, k, v;
            if (el->kind != AST_KEY_VALUE) {
                cerr(C, el, "missing key in map literal");
                break;
            }
            k = cexpr_rk(fs, el->u.kv.key, u->key, NULL);
            v = cexpr_rk(fs, el->u.kv.value, u->elem, NULL);
            emit(fs, VM_OP_SETINDEX, 0, r, k, v);
            fs->freereg = save;
        }
        break;
    }
    default:
        cerr(C, n, "invalid composite literal type %s", prog_type(p, t)->name);
        return ex_reg(-1, 0);
    }
    if (addr) {
        emit(fs, VM_OP_ADDRCELL, 1, r, r, ktype(fs, type_ptr(p, t)));
        t = type_ptr(p, t);
    }
    fs->freereg = r + 1;
    e = ex_reg(r, t);
    e.fresh = true;
    return e;
}

/* ---- selectors, indexing, slicing ------------------------------------------- */

static ex cselector(fstate *fs, ast_node *n)
{
    compiler *C = fs->C;
    ast_node *x = n->u.selector.x;
    const char *name = n->u.selector.sel->u.ident.name;
    uint32_t bt = 0, t;
    int b, r;
    bool is_method = false;
    ex e;
    if (x->kind == AST_IDENT) {
        res_sym *p = csym(fs, x);
        if (p && p->kind == RS_PKG) {
            res_sym *m = csym(fs, n->u.selector.sel);
            if (m && m->kind == RS_CONST) {
                memset(&e, 0, sizeof e);
                e.reg = -1;
                e.is_const = cconst(fs, n, &e.cv, &e.type);
                return e;
            }
            return cident(fs, n->u.selector.sel, m, n);
        }
    }
    t = ctype_try(fs, x);
    if (t && C->K) {
        /* a method expression T.m or (*T).m: the method itself when T
         * declares it with that receiver, else a function calling it */
        const ck_selection *sel = check_selection(C->K, n);
        uint32_t nm = cname(C, name), sig = cnode_type(fs, n);
        const vm_type *ty;
        if (sel && sel->kind == SEL_METHOD_EXPR && sig) {
            cinst_methods(C);
            ty = prog_type(C->prog, VM_KIND(t) == K_PTR
                                        ? prog_type(C->prog, t)->elem
                                        : t);
            for (uint32_t i = 0; i < ty->nmethods; i++)
                if (ty->methods[i].name == nm && ty->methods[i].fn &&
                    ty->methods[i].ptr_recv == (VM_KIND(t) == K_PTR) &&
                    !sel->npath && ty->named) {
                    const vm_proto *mp = ty->methods[i].fn;
                    r = newreg(fs, 1);
                    emit(fs, VM_OP_LOADK, 0, r,
                         kindex(fs, vm_ref(mp->type, mp->static_fn)), 0);
                    e = ex_reg(r, mp->type);
                    e.fresh = true;
                    return e;
                }
            {
                vm_proto *wp = cmethod_expr_fn(fs, t, nm, sig);
                r = newreg(fs, 1);
                emit(fs, VM_OP_LOADK, 0, r,
                     kindex(fs, vm_ref(wp->type, wp->static_fn)), 0);
                e = ex_reg(r, wp->type);
                e.fresh = true;
                return e;
            }
        }
    }
    if (t) { /* a method expression T.m or (*T).m */
        bool pr = false;
        uint32_t nm = cname(C, name);
        const vm_type *ty = prog_type(C->prog, VM_KIND(t) == K_PTR
                                                   ? prog_type(C->prog, t)->elem
                                                   : t);
        for (uint32_t i = 0; i < ty->nmethods; i++)
            if (ty->methods[i].name == nm && ty->methods[i].fn) {
                const vm_proto *mp = ty->methods[i].fn;
                r = newreg(fs, 1);
                emit(fs, VM_OP_LOADK, 0, r,
                     kindex(fs, vm_ref(mp->type, mp->static_fn)), 0);
                e = ex_reg(r, mp->type);
                e.fresh = true;
                (void)pr;
                return e;
            }
        cerr(C, n->u.selector.sel, "%s.%s undefined (type %s has no method "
                                   "%s)",
             prog_type(C->prog, t)->name, name, prog_type(C->prog, t)->name,
             name);
        return ex_reg(-1, 0);
    }
    if (C->failed)
        return ex_reg(-1, 0);
    {
        int mark = fs->freereg;
        r = newreg(fs, 1);
        if (cmethod_value(fs, n, r, &t)) {
            fs->freereg = r + 1;
            e = ex_reg(r, t);
            e.fresh = true;
            return e;
        }
        fs->freereg = mark;
    }
    b = cexpr_any(fs, x, 0, &bt);
    t = cmember_type(fs, bt, cname(C, name), &is_method, NULL);
    if (is_method && t) {
        /* a method value: the function type without the receiver */
        const vm_type *ft = prog_type(C->prog, t);
        if (ft->nparams >= 1)
            t = type_func(C->prog, ft->params + 1, ft->nparams - 1,
                          ft->params + ft->nparams, ft->nresults,
                          ft->variadic);
    }
    r = newreg(fs, 1);
    fs_at(fs, n);
    emit(fs, VM_OP_FIELD, 0, r, b, selindex(fs, name));
    if (is_method && t) /* the value's type is the method's (%T, x.(T)) */
        emit(fs, VM_OP_CONV, 0, r, r, ktype(fs, t));
    e = ex_reg(r, t);
    e.fresh = is_method;
    return e;
}

static uint32_t elem_of(fstate *fs, uint32_t t)
{
    const vm_type *ty;
    if (!t)
        return 0;
    ty = prog_type(fs->C->prog, t);
    switch (VM_KIND(t)) {
    case K_STRING:
        return T_UINT8;
    case K_PTR:
        return ty->elem ? elem_of(fs, ty->elem) : 0;
    case K_SLICE:
    case K_ARRAY:
    case K_MAP:
    case K_CHAN:
        return ty->elem;
    default:
        return 0;
    }
}

static ex cindex(fstate *fs, ast_node *n)
{
    uint32_t bt = 0, kt = T_INT;
    int b, k, r;
    ex e;
    const uint32_t *targs;
    if (check_targs(fs->C->K, n, &targs)) {
        /* F[A]: an instance of a generic function */
        ast_node *f = n->u.index.x;
        res_sym *s;
        while (f->kind == AST_PAREN)
            f = f->u.paren.x;
        s = csym(fs, f->kind == AST_SELECTOR ? f->u.selector.sel : f);
        if (s && s->kind == RS_FUNC)
            return cident(fs, f->kind == AST_SELECTOR ? f->u.selector.sel : f,
                          s, n);
    }
    b = cexpr_any(fs, n->u.index.x, 0, &bt);
    if (VM_KIND(bt) == K_MAP)
        kt = prog_type(fs->C->prog, bt)->key;
    k = cexpr_rk(fs, n->u.index.index, kt, NULL);
    r = newreg(fs, 1);
    fs_at(fs, n);
    emit(fs, VM_OP_INDEX, 0, r, b, k);
    e = ex_reg(r, elem_of(fs, bt));
    return e;
}

static ex cslice(fstate *fs, ast_node *n)
{
    uint32_t bt = 0, t;
    int b, base, r, f = 0;
    ex e;
    b = cexpr_any(fs, carray_deref(fs, n->u.slice.x), 0, &bt);
    base = newreg(fs, 3);
    if (n->u.slice.lo) {
        cexpr_to(fs, n->u.slice.lo, base, T_INT, false);
        f |= SL_LO;
    }
    if (n->u.slice.hi) {
        cexpr_to(fs, n->u.slice.hi, base + 1, T_INT, false);
        f |= SL_HI;
    }
    if (n->u.slice.max) {
        cexpr_to(fs, n->u.slice.max, base + 2, T_INT, false);
        f |= SL_MAX;
    }
    r = newreg(fs, 1);
    fs_at(fs, n);
    emit(fs, VM_OP_SLICE, f, r, b, base);
    t = bt;
    if (VM_KIND(bt) == K_PTR)
        bt = prog_type(fs->C->prog, bt)->elem;
    if (VM_KIND(bt) == K_ARRAY)
        t = type_slice(fs->C->prog, prog_type(fs->C->prog, bt)->elem);
    e = ex_reg(r, t);
    e.fresh = true;
    return e;
}

static ex cfunclit(fstate *fs, ast_node *n)
{
    char name[400], tname[200];
    vm_proto *p;
    int r;
    ex e;
    fs->nlits++;
    snprintf(name, sizeof name, "%s.func%d", fs->name, fs->nlits);
    {
        const char *dot = strchr(fs->tname, '.');
        (void)dot;
        snprintf(tname, sizeof tname, "%s.func%d", fs->tname, fs->nlits);
    }
    p = cfunction(fs->C, fs, fs->pkg, n, NULL, n->u.func_lit.type,
                  n->u.func_lit.body, name, tname);
    if (!p)
        return ex_reg(-1, 0);
    VEC_PUSH(fs->kids, p);
    r = newreg(fs, 1);
    fs_at(fs, n);
    emit(fs, VM_OP_CLOSURE, 0, r, (int)fs->kids.len - 1, 0);
    e = ex_reg(r, p->type);
    e.fresh = true;
    return e;
}

static ex cexpr_(fstate *fs, ast_node *n, uint32_t want);

ex cexpr(fstate *fs, ast_node *n, uint32_t want)
{
    ex e = cexpr_(fs, n, want);
    if (!e.node)
        e.node = n;
    if (!e.is_const && e.reg >= 0 && e.nvals <= 1 && fs->C->K) {
        /* the checker's type, exact where the compiler's guess was not */
        uint32_t t = cnode_type(fs, n);
        if (t && VM_KIND(t) != K_TUPLE && !check_is_untyped(t) &&
            VM_KIND(t) != K_TPARAM)
            e.type = t;
    }
    return e;
}

static ex cexpr_(fstate *fs, ast_node *n, uint32_t want)
{
    ex e;
    memset(&e, 0, sizeof e);
    e.reg = -1;
    if (!n || fs->C->failed)
        return e;
    fs_at(fs, n);
    /* a constant (the checker folded it, in its final type) */
    if (n->kind != AST_FUNC_LIT && n->kind != AST_COMPOSITE_LIT &&
        cconst(fs, n, &e.cv, &e.type)) {
        e.is_const = true;
        return e;
    }
    switch (n->kind) {
    case AST_IDENT:
        if (is_blank(n)) {
            cerr(fs->C, n, "cannot use _ as value");
            return e;
        }
        return cident(fs, n, csym(fs, n), n);
    case AST_INT_LIT:
    case AST_FLOAT_LIT:
    case AST_RUNE_LIT:
    case AST_STRING_LIT:
        e.is_const = cconst(fs, n, &e.cv, &e.type);
        return e;
    case AST_PAREN:
        return cexpr(fs, n->u.paren.x, want);
    case AST_COMPOSITE_LIT:
        return ccomposite(fs, n, want == WANT_SOFT ? 0 : want);
    case AST_FUNC_LIT:
        return cfunclit(fs, n);
    case AST_SELECTOR:
        return cselector(fs, n);
    case AST_INDEX:
        return cindex(fs, n);
    case AST_SLICE:
        return cslice(fs, n);
    case AST_TYPE_ASSERT: {
        uint32_t t;
        int x, r;
        {
        if (!n->u.type_assert.type) {
            cerr(fs->C, n, "use of .(type) outside type switch");
            return e;
        }
        uint32_t xt = 0;
        x = cexpr_any(fs, n->u.type_assert.x, 0, &xt);
        t = ctype_of(fs, n->u.type_assert.type);
        r = newreg(fs, 1);
        fs_at(fs, n);
        emit(fs, VM_OP_ASSERT, 0, r, x, ktype(fs, t));
        emit(fs, VM_OP_EXTRA, 0, xt ? ktype(fs, xt) : 0xffff, 0, 0);
        e = ex_reg(r, t);
        return e;
        }
    }
    case AST_CALL:
        ccall(fs, n, 1, &e);
        return e;
    case AST_STAR: {
        uint32_t t = 0;
        int x = cexpr_any(fs, n->u.star.x, 0, &t);
        int r = newreg(fs, 1);
        fs_at(fs, n);
        emit(fs, VM_OP_DEREF, 0, r, x, 0);
        return ex_reg(r, VM_KIND(t) == K_PTR ? prog_type(fs->C->prog, t)->elem
                                             : 0);
    }
    case AST_UNARY:
        if (n->u.unary.op == TK_AND)
            return caddr(fs, n, want);
        return cunary(fs, n, want);
    case AST_BINARY:
        return cbinary(fs, n, want);
    case AST_KEY_VALUE:
        cerr(fs->C, n, "unexpected key:value outside a composite literal");
        return e;
    default:
        if (ctype_try(fs, n))
            cerr(fs->C, n, "type is not an expression");
        else if (!fs->C->failed)
            cerr(fs->C, n, "unsupported: %s expression",
                 ast_kind_str(n->kind));
        return e;
    }
}

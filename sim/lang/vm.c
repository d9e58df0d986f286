/* vm.c: the interpreter loop (vm.h lists the instructions). Dispatch as
 * in Lua 5.4 (lvm.c, ljumptab.h): VM_DISPATCH, VM_CASE and VM_BREAK make
 * a switch, or computed goto on gcc and clang (VM_SWITCH forces the
 * switch). The pc is saved before anything that can yield, call or panic
 * (Lua's savepc): a yielding instruction runs again when its goroutine is
 * resumed, and takes its results then. */
#include <math.h>
#include <string.h>

#include "sim/lang/vm_int.h"

#if (defined(__GNUC__) || defined(__clang__)) && !defined(VM_SWITCH)
#define VM_GOTO 1
#endif
#if defined(VM_GOTO) && defined(__GNUC__) && !defined(__clang__)
/* gcc's global CSE merges the dispatch at the end of every instruction
 * into one indirect jump, which the branch predictor then guesses from
 * no context (gcc's manual advises -fno-gcse for computed gotos) */
#pragma GCC optimize("no-gcse", "no-crossjumping")
#endif

#define NILDEREF                                                               \
    "runtime error: invalid memory address or nil pointer dereference"

/* Backward jumps a goroutine may take without a visible operation before
 * it yields (OP_YIELD): a loop that never synchronizes still lets others
 * run and --max-steps still ends it. (The fuzzers build with less, so a
 * step budget bounds an input's work.) */
#ifndef VM_FUEL
#define VM_FUEL (1u << 18)
#endif
/* Backward jumps (and calls) between two looks at engine_must_stop (an
 * interrupt, the time limit, the memory budget): a power of two that
 * divides VM_FUEL, so a loop pays one decrement and one test, as before
 * (the check at every jump and call cost 3.5% of a call-heavy loop). */
#define VM_WATCH 1024u
_Static_assert(VM_FUEL % VM_WATCH == 0, "VM_WATCH divides VM_FUEL");

/* int_wrap without its switch (the interpreter's one indirect branch for
 * every integer size is mispredicted when the sizes mix): the value
 * sign- or zero-extended from the kind's width. */
static const uint8_t wrap_shift[32] = {
    [K_INT8] = 56,  [K_INT16] = 48,  [K_INT32] = 32,
    [K_UINT8] = 56, [K_UINT16] = 48, [K_UINT32] = 32};
static inline int64_t wrap_int(vm_kind k, uint64_t x)
{
    unsigned sh = wrap_shift[k];
    int64_t s = (int64_t)(x << sh) >> sh;
    int64_t u = (int64_t)((x << sh) >> sh);
    return kind_is_signed(k) ? s : u;
}

/* *d = vm_int(t, i): the type and the zero aux as one word */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SET_INT(d, t_, i_)                                                     \
    do {                                                                       \
        vm_value *d_ = (d);                                                    \
        d_->v.i = (int64_t)(i_);                                               \
        *(uint64_t *)(void *)&d_->t = (uint32_t)(t_);                          \
    } while (0)
#else
#define SET_INT(d, t_, i_) (*(d) = vm_int((t_), (int64_t)(i_)))
#endif

static vm_value *rk(vm_value *R, const vm_value *K, uint16_t x)
{
    return (x & RK_CONST) ? (vm_value *)&K[x & 0x7fff] : &R[x];
}

/* The element type of channel value ch. */
static uint32_t chan_elem(const vm_program *p, vm_value ch)
{
    return ch.t && VM_KIND(ch.t) == K_CHAN ? prog_type(p, ch.t)->elem : 0;
}

static wf_obj *chan_obj(vm_value ch)
{
    return VM_KIND(ch.t) == K_CHAN && ch.v.ch ? &ch.v.ch->hdr : NULL;
}

static int assert_fail(vm_g *g, vm_value v, uint32_t t, uint32_t st)
{
    const vm_program *p = g->x->prog;
    const char *iface = st && st != 0xffff ? prog_type(p, st)->name
                                           : "interface {}";
    if (!v.t)
        return vm_throwf(g, "interface conversion: %s is nil, not %s",
                         iface, prog_type(p, t)->name);
    if (VM_KIND(t) == K_IFACE) {
        const char *miss = vm_iface_missing(p, v.t, t);
        if (miss)
            return vm_throwf(g, "interface conversion: %s is not %s: "
                                "missing method %s",
                             prog_type(p, v.t)->name, prog_type(p, t)->name,
                             miss);
    }
    if (!strcmp(prog_type(p, v.t)->name, prog_type(p, t)->name))
        return vm_throwf(g, "interface conversion: %s is %s, not %s (types "
                            "from different scopes)",
                         iface, prog_type(p, v.t)->name,
                         prog_type(p, t)->name);
    return vm_throwf(g, "interface conversion: %s is %s, not %s", iface,
                     prog_type(p, v.t)->name, prog_type(p, t)->name);
}

/* A goroutine's task name: its function's, or, when the library starts
 * it (testing's tRunner, time's AfterFunc), the user's function it is
 * handed, the one Go's traces name too. */
static const char *spawn_name(vm_value fv, const vm_value *args, uint32_t n)
{
    const vm_proto *pr = fv.v.o->u.proto;
    if (!pr->user)
        for (uint32_t k = 0; k < n; k++)
            if (VM_KIND(args[k].t) == K_FUNC && args[k].v.o &&
                args[k].v.o->u.proto->user)
                return args[k].v.o->u.proto->tname;
    return pr->tname;
}

static int minmax(vm_g *g, vm_value *r, vm_value a, vm_value b, bool max)
{
    vm_value lt;
    int st;
    if (kind_is_float(VM_KIND(a.t)) || kind_is_float(VM_KIND(b.t)) ||
        VM_KIND(a.t) == K_UNTYPED_FLOAT || VM_KIND(b.t) == K_UNTYPED_FLOAT) {
        if (kind_is_untyped(VM_KIND(a.t)))
            a = vm_settle(g->x->prog, a, b.t);
        if (kind_is_untyped(VM_KIND(b.t)))
            b = vm_settle(g->x->prog, b, a.t);
        if (isnan(a.v.f) || isnan(b.v.f)) {
            *r = isnan(a.v.f) ? a : b;
            return X_OK;
        }
    }
    st = vm_cmp(g, VM_OP_LT, &lt, a, b);
    if (st != X_OK)
        return st;
    *r = (lt.v.i != 0) == max ? b : a;
    if (kind_is_untyped(VM_KIND(r->t)))
        *r = vm_settle(g->x->prog, *r,
                       kind_is_untyped(VM_KIND(a.t)) ? b.t : a.t);
    return X_OK;
}

void vm_run(vm_g *g)
{
    vm_exec *x = g->x;
    vm_program *prog = x->prog;
    uint64_t nops = 0;
    uint32_t fuel = VM_FUEL;
    uint32_t watch = VM_WATCH; /* calls before the next look */
    vm_frame *f;
    const vm_proto *p;
    const vm_ins *code, *pc;
    vm_value *R;
    const vm_value *K;
    const vm_ins *ip; /* the instruction running (pc - 1) */
    int st;
#ifdef VM_GOTO
    static const void *const disptab[VM_OP__COUNT] = {
#define VM_OP_LABEL_(name, doc) &&L_##name,
        VM_OPCODES(VM_OP_LABEL_)
#undef VM_OP_LABEL_
    };
#define VM_DISPATCH(o) goto *disptab[o];
#define VM_CASE(name) L_##name:
#define VM_BREAK                                                               \
    do {                                                                       \
        ip = pc++;                                                             \
        nops++;                                                                \
        goto *disptab[ip->op];                                                   \
    } while (0)
#else
#define VM_DISPATCH(o) switch (o)
#define VM_CASE(name) case VM_OP_##name:
#define VM_BREAK break
#endif
#define SAVEPC() (f->pc = (uint32_t)(pc - 1 - code))
#define RKB (rk(R, K, ip->b))
#define RKC (rk(R, K, ip->c))
#define PROTECT(call)                                                          \
    do {                                                                       \
        SAVEPC();                                                              \
        st = (call);                                                           \
        if (WF_UNLIKELY(st != X_OK)) {                                         \
            if (st == X_YIELD)                                                 \
                goto out;                                                      \
            goto do_panic;                                                     \
        }                                                                      \
    } while (0)
/* R[a] = what call computes into res_, once it returns X_OK. */
#define SLOW_RES(call)                                                         \
    do {                                                                       \
        vm_value res_ = R[ip->a];                                                \
        PROTECT(call);                                                         \
        R[ip->a] = res_;                                                         \
    } while (0)
#define THROW(...)                                                             \
    do {                                                                       \
        SAVEPC();                                                              \
        vm_throwf(g, __VA_ARGS__);                                             \
        goto do_panic;                                                         \
    } while (0)
/* Room for a value of type t_ (vm_room_for), or the yield at which the
 * engine cuts the execution by the memory budget. */
#define ROOM_FOR(t_)                                                           \
    do {                                                                       \
        if (kind_is_aggregate(VM_KIND(t_))) {                                  \
            SAVEPC();                                                          \
            if (!vm_room_for(g, (t_)))                                         \
                goto out;                                                      \
        }                                                                      \
    } while (0)
#define ACCESS(o_, i_, w_, v_)                                                 \
    do {                                                                       \
        if (WF_UNLIKELY(((o_)->flags & OF_SHARED) && x->spawned)) {           \
            SAVEPC();                                                          \
            if (!vm_access_slow(g, (o_), (i_), (w_), 0, (v_)))                 \
                goto out;                                                      \
            g->granted = 0;                                                    \
        }                                                                      \
    } while (0)

newframe:
    if (g->died)
        goto out;
    if (WF_UNLIKELY(--watch == 0) && (watch = VM_WATCH, engine_must_stop(x->e))) {
        /* a call or a return: recursion that never loops must stop for
         * a halt or the memory budget too; the engine ends the execution
         * at this yield (every frame's pc is saved) */
        vm_op(g, OP_YIELD, NULL);
        g->plain = true;
        goto out;
    }
    if (!g->nframes) {
        vm_op(g, OP_EXIT, NULL);
        g->died = true;
        goto out;
    }
    f = &g->frames[g->nframes - 1];
    if (f->flags & FR_NATIVE)
        goto native;
    p = f->p;
    code = p->code;
    pc = code + f->pc;
    R = g->stack + f->base;
    K = p->k;
    for (;;) {
        ip = pc++;
        nops++;
        VM_DISPATCH(ip->op)
        {
            VM_CASE(NOP)
            VM_CASE(EXTRA)
            {
                VM_BREAK;
            }
            VM_CASE(MOVE)
            {
                R[ip->a] = R[ip->b];
                VM_BREAK;
            }
            VM_CASE(COPY)
            {
                if (kind_is_aggregate(VM_KIND(R[ip->b].t)))
                    PROTECT(vm_read_copy(g, R[ip->b]));
                ROOM_FOR(R[ip->b].t);
                R[ip->a] = vm_copy(x, R[ip->b]);
                VM_BREAK;
            }
            VM_CASE(ASSIGN)
            {
                vm_value v = R[ip->b];
                vm_value *d = &R[ip->a];
                if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o) {
                    PROTECT(vm_read_copy(g, v));
                    if (d->t == v.t && d->v.o && d->v.o != v.v.o)
                        vm_copy_into(x, d->v.o, v.v.o);
                    else if (d->v.o != v.v.o) {
                        ROOM_FOR(v.t);
                        *d = vm_copy(x, v);
                    }
                } else {
                    *d = v;
                }
                VM_BREAK;
            }
            VM_CASE(LOADK)
            {
                R[ip->a] = K[ip->b];
                VM_BREAK;
            }
            VM_CASE(LOADNIL)
            {
                for (uint32_t k = 0; k <= ip->b; k++)
                    R[ip->a + k] = vm_nil();
                VM_BREAK;
            }
            VM_CASE(ZERO)
            {
                uint32_t zt = (uint32_t)K[ip->b].v.u;
                if (WF_LIKELY(kind_is_int(VM_KIND(zt)) ||
                              VM_KIND(zt) == K_BOOL)) {
                    R[ip->a] = vm_int(zt, 0);
                    VM_BREAK;
                }
                ROOM_FOR((uint32_t)K[ip->b].v.u);
                R[ip->a] = vm_zero(x, (uint32_t)K[ip->b].v.u);
                VM_BREAK;
            }
            VM_CASE(NAME)
            {
                vm_name_value(x, R[ip->a], K[ip->b].v.s);
                VM_BREAK;
            }
            VM_CASE(NEWCELL)
            {
                vm_obj *c;
                vm_value v;
                ROOM_FOR(R[ip->b].t);
                c = heap_obj(x, OK_CELL, 0, 1);
                v = vm_copy(x, R[ip->b]);
                if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o)
                    v.v.o->parent = c;
                c->slots[0] = v;
                if (ip->f)
                    c->name = K[ip->c].v.s;
                if (ip->f == 2)
                    c->flags |= OF_LOOPVAR;
                R[ip->a] = vm_ref(T_CELL, c);
                VM_BREAK;
            }
            VM_CASE(GETCELL)
            {
                vm_obj *c = R[ip->b].v.o;
                ACCESS(c, 0, false, vm_nil());
                R[ip->a] = c->slots[0];
                VM_BREAK;
            }
            VM_CASE(SETCELL)
            {
                vm_obj *c = R[ip->a].v.o;
                PROTECT(vm_store_access(g, c, 0, *RKB, 0));
                VM_BREAK;
            }
            VM_CASE(GETUP)
            {
                vm_obj *c = f->fn->slots[ip->b].v.o;
                ACCESS(c, 0, false, vm_nil());
                R[ip->a] = c->slots[0];
                VM_BREAK;
            }
            VM_CASE(SETUP)
            {
                vm_obj *c = f->fn->slots[ip->a].v.o;
                PROTECT(vm_store_access(g, c, 0, *RKB, 0));
                VM_BREAK;
            }
            VM_CASE(UPCELL)
            {
                R[ip->a] = f->fn->slots[ip->b];
                VM_BREAK;
            }
            VM_CASE(GETG)
            {
                ACCESS(x->globals, ip->b, false, vm_nil());
                R[ip->a] = x->globals->slots[ip->b];
                VM_BREAK;
            }
            VM_CASE(SETG)
            {
                PROTECT(vm_store_access(g, x->globals, ip->a, *RKB,
                                        prog->gtypes[ip->a]));
                VM_BREAK;
            }
            VM_CASE(ADDRG)
            {
                vm_value s = x->globals->slots[ip->b];
                vm_value r;
                if (kind_is_aggregate(VM_KIND(s.t)) && s.v.o) {
                    r = vm_ref(ip->f ? (uint32_t)K[ip->c].v.u
                                   : (uint32_t)vm_ptr_type(prog, s.t),
                               s.v.o);
                    r.aux = VM_WHOLE;
                } else {
                    r = vm_ref(ip->f ? (uint32_t)K[ip->c].v.u
                                   : (uint32_t)vm_ptr_type(prog, s.t),
                               x->globals);
                    r.aux = ip->b;
                }
                R[ip->a] = r;
                VM_BREAK;
            }
            VM_CASE(ADDRCELL)
            {
                vm_value v = R[ip->b], r;
                if (VM_KIND(v.t) == K_CELL) {
                    vm_value in = v.v.o->slots[0];
                    uint32_t t = ip->f ? (uint32_t)K[ip->c].v.u
                                     : (uint32_t)vm_ptr_type(prog, in.t);
                    if (ip->f && !v.v.o->type) /* its static type, for its
                                                  layout (vm_addr.c) */
                        v.v.o->type = prog_type(prog, t)->elem;
                    if (kind_is_aggregate(VM_KIND(in.t)) && in.v.o &&
                        VM_KIND(prog_type(prog, t)->elem) != K_IFACE) {
                        r = vm_ref(t, in.v.o);
                        r.aux = VM_WHOLE;
                    } else {
                        r = vm_ref(t, v.v.o);
                        r.aux = 0;
                    }
                } else if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o) {
                    r = vm_ref(ip->f ? (uint32_t)K[ip->c].v.u
                                   : (uint32_t)vm_ptr_type(prog, v.t),
                               v.v.o);
                    r.aux = VM_WHOLE;
                } else {
                    THROW("cannot take the address of %s",
                          prog_type(prog, v.t)->name);
                }
                R[ip->a] = r;
                VM_BREAK;
            }
/* R[a] = the comparison's result c_; a JF or JT on R[a] right after it
 * is done here too (one dispatch for the pair; nops counts both). */
#define CMP_RES(cond)                                                          \
    do {                                                                       \
        bool c_ = (cond);                                                      \
        SET_INT(&R[ip->a], T_BOOL, c_);                                        \
        if ((pc->op == VM_OP_JF || pc->op == VM_OP_JT) && pc->a == ip->a) {      \
            if (c_ == (pc->op == VM_OP_JT))                                    \
                pc += ins_sbx(*pc);                                            \
            pc++;                                                              \
            nops++;                                                            \
        }                                                                      \
        VM_BREAK;                                                              \
    } while (0)
/* R[a] = RK[b] op RK[c] for two integers of one type, as vm_arith
 * computes them (wrapped to the type's size); anything else goes to
 * op_slow_, which computes into a temporary first, so that R[a] changes
 * only once the instruction is done (R[a] may be an operand: the
 * compiler's retarget_last). */
#define INT_BINOP(expr, op_slow_)                                              \
    do {                                                                       \
        const vm_value *a_ = RKB, *b_ = RKC;                                   \
        if (WF_LIKELY(a_->t == b_->t && kind_is_int(VM_KIND(a_->t)))) {       \
            uint64_t x_ = a_->v.u, y_ = b_->v.u;                                 \
            uint32_t t_ = a_->t;                                               \
            (void)x_;                                                          \
            (void)y_;                                                          \
            R[ip->a] = vm_int(t_, wrap_int(VM_KIND(t_), (expr)));                \
            VM_BREAK;                                                          \
        }                                                                      \
        SLOW_RES(vm_arith(g, op_slow_, &res_, *a_, *b_));                      \
        VM_BREAK;                                                              \
    } while (0)
            VM_CASE(ADD)
            {
                INT_BINOP(x_ + y_, VM_OP_ADD);
            }
            VM_CASE(SUB)
            {
                INT_BINOP(x_ - y_, VM_OP_SUB);
            }
            VM_CASE(MUL)
            {
                INT_BINOP(x_ * y_, VM_OP_MUL);
            }
            VM_CASE(AND)
            {
                INT_BINOP(x_ & y_, VM_OP_AND);
            }
            VM_CASE(OR)
            {
                INT_BINOP(x_ | y_, VM_OP_OR);
            }
            VM_CASE(XOR)
            {
                INT_BINOP(x_ ^ y_, VM_OP_XOR);
            }
            VM_CASE(ANDNOT)
            {
                INT_BINOP(x_ & ~y_, VM_OP_ANDNOT);
            }
            VM_CASE(DIV)
            VM_CASE(MOD)
            {
                const vm_value *a = RKB, *b = RKC;
                vm_kind k = VM_KIND(a->t);
                if (WF_LIKELY(a->t == b->t && kind_is_int(k) && b->v.u &&
                              !(kind_is_signed(k) && b->v.i == -1))) {
                    uint32_t t = a->t;
                    int64_t r;
                    if (kind_is_signed(k))
                        r = ip->op == VM_OP_DIV ? a->v.i / b->v.i
                                              : a->v.i % b->v.i;
                    else
                        r = (int64_t)(ip->op == VM_OP_DIV ? a->v.u / b->v.u
                                                        : a->v.u % b->v.u);
                    R[ip->a] = vm_int(t, r);
                    VM_BREAK;
                }
                SLOW_RES(vm_arith(g, ip->op, &res_, *a, *b));
                VM_BREAK;
            }
            VM_CASE(SHL)
            VM_CASE(SHR)
            {
                const vm_value *a = RKB, *b = RKC;
                vm_kind k = VM_KIND(a->t);
                if (WF_LIKELY(kind_is_int(k) && kind_is_int(VM_KIND(b->t)) &&
                              !(kind_is_signed(VM_KIND(b->t)) &&
                                b->v.i < 0))) {
                    uint64_t sh = b->v.u;
                    uint32_t t = a->t;
                    int64_t r;
                    if (ip->op == VM_OP_SHL)
                        r = sh >= 64 ? 0 : wrap_int(k, a->v.u << sh);
                    else if (kind_is_signed(k))
                        r = sh >= 64 ? (a->v.i < 0 ? -1 : 0) : a->v.i >> sh;
                    else
                        r = sh >= 64 ? 0 : (int64_t)(a->v.u >> sh);
                    R[ip->a] = vm_int(t, r);
                    VM_BREAK;
                }
                SLOW_RES(vm_arith(g, ip->op, &res_, *RKB, *RKC));
                VM_BREAK;
            }
            VM_CASE(NEG)
            {
                vm_value v = R[ip->b];
                vm_kind k = VM_KIND(v.t);
                if (kind_is_untyped(k)) {
                    v = vm_settle(prog, v, 0);
                    k = VM_KIND(v.t);
                }
                if (kind_is_int(k))
                    v.v.i = int_wrap(k, 0 - v.v.u);
                else if (kind_is_float(k))
                    v.v.f = -v.v.f;
                else if (vm_cplx_bits(prog, v.t))
                    v = vm_complex(x, v.t, -vm_cplx_part(v, 0),
                                   -vm_cplx_part(v, 1));
                else
                    THROW("invalid operation: -%s",
                          prog_type(prog, v.t)->name);
                R[ip->a] = v;
                VM_BREAK;
            }
            VM_CASE(NOT)
            {
                R[ip->a] = vm_int(R[ip->b].t ? R[ip->b].t : T_BOOL, !R[ip->b].v.i);
                VM_BREAK;
            }
            VM_CASE(BNOT)
            {
                vm_value v = R[ip->b];
                vm_kind k = VM_KIND(v.t);
                if (kind_is_untyped(k)) {
                    v = vm_settle(prog, v, 0);
                    k = VM_KIND(v.t);
                }
                if (!kind_is_int(k))
                    THROW("invalid operation: ^%s",
                          prog_type(prog, v.t)->name);
                v.v.i = int_wrap(k, ~v.v.u);
                R[ip->a] = v;
                VM_BREAK;
            }
            VM_CASE(EQ)
            {
                const vm_value *a = RKB, *b = RKC;
                if (WF_LIKELY(a->t == b->t && kind_is_int(VM_KIND(a->t)))) {
                    CMP_RES(a->v.i == b->v.i);
                }
                SLOW_RES(vm_cmp(g, VM_OP_EQ, &res_, *a, *b));
                VM_BREAK;
            }
            VM_CASE(NE)
            {
                const vm_value *a = RKB, *b = RKC;
                if (WF_LIKELY(a->t == b->t && kind_is_int(VM_KIND(a->t)))) {
                    CMP_RES(a->v.i != b->v.i);
                }
                SLOW_RES(vm_cmp(g, VM_OP_NE, &res_, *a, *b));
                VM_BREAK;
            }
            VM_CASE(LT)
            {
                const vm_value *a = RKB, *b = RKC;
                if (WF_LIKELY(a->t == b->t && kind_is_int(VM_KIND(a->t)))) {
                    CMP_RES(kind_is_signed(VM_KIND(a->t)) ? a->v.i < b->v.i
                                                           : a->v.u < b->v.u);
                }
                SLOW_RES(vm_cmp(g, VM_OP_LT, &res_, *a, *b));
                VM_BREAK;
            }
            VM_CASE(LE)
            {
                const vm_value *a = RKB, *b = RKC;
                if (WF_LIKELY(a->t == b->t && kind_is_int(VM_KIND(a->t)))) {
                    CMP_RES(kind_is_signed(VM_KIND(a->t)) ? a->v.i <= b->v.i
                                                           : a->v.u <= b->v.u);
                }
                SLOW_RES(vm_cmp(g, VM_OP_LE, &res_, *a, *b));
                VM_BREAK;
            }
/* The checked-integer instructions (vm.h): the checker typed both
 * operands as one integer type, so no tag is looked at; R[a] takes R[b]'s.
 * TYPED_RR: c is a register; TYPED_RK: c is a constant. */
#define TYPED_CHECK(a_, b_)                                                    \
    WF_DASSERT((a_)->t == (b_)->t &&                                          \
               VM_KIND((a_)->t) == (ip->f & VM_F_KIND) &&                        \
               kind_is_int(ip->f & VM_F_KIND))
#define TYPED_OP(b_expr, expr, cmp)                                            \
    do {                                                                       \
        const vm_value *a_ = &R[ip->b], *b_ = (b_expr);                          \
        uint64_t x_ = a_->v.u, y_ = b_->v.u;                                   \
        int64_t sx_ = a_->v.i, sy_ = b_->v.i;                                  \
        TYPED_CHECK(a_, b_);                                                   \
        (void)x_, (void)y_, (void)sx_, (void)sy_;                              \
        if (cmp)                                                               \
            CMP_RES(expr);                                                     \
        SET_INT(&R[ip->a], a_->t, (expr));                                     \
        VM_BREAK;                                                              \
    } while (0)
#define TYPED_RR(expr, cmp) TYPED_OP(&R[ip->c], expr, cmp)
#define TYPED_RK(expr, cmp) TYPED_OP(&K[ip->c & 0x7fff], expr, cmp)
/* wrapped to the size of a kind below 64 bits (f has VM_F_SIZED) */
#define WRAP(e)                                                                \
    ((ip->f & VM_F_SIZED) ? wrap_int((vm_kind)(ip->f & VM_F_KIND), (e))           \
                        : (int64_t)(e))
            VM_CASE(IADD) TYPED_RR(WRAP(x_ + y_), 0);
            VM_CASE(ISUB) TYPED_RR(WRAP(x_ - y_), 0);
            VM_CASE(IMUL) TYPED_RR(WRAP(x_ * y_), 0);
            /* the bitwise operations keep a value sign- or zero-extended */
            VM_CASE(IAND) TYPED_RR(x_ & y_, 0);
            VM_CASE(IOR) TYPED_RR(x_ | y_, 0);
            VM_CASE(IXOR) TYPED_RR(x_ ^ y_, 0);
            VM_CASE(IEQ) TYPED_RR(x_ == y_, 1);
            VM_CASE(INE) TYPED_RR(x_ != y_, 1);
            VM_CASE(ILT) TYPED_RR(sx_ < sy_, 1);
            VM_CASE(ILE) TYPED_RR(sx_ <= sy_, 1);
            VM_CASE(ULT) TYPED_RR(x_ < y_, 1);
            VM_CASE(ULE) TYPED_RR(x_ <= y_, 1);
            VM_CASE(IADDK) TYPED_RK(WRAP(x_ + y_), 0);
            VM_CASE(ISUBK) TYPED_RK(WRAP(x_ - y_), 0);
            VM_CASE(IMULK) TYPED_RK(WRAP(x_ * y_), 0);
            VM_CASE(IANDK) TYPED_RK(x_ & y_, 0);
            VM_CASE(IORK) TYPED_RK(x_ | y_, 0);
            VM_CASE(IXORK) TYPED_RK(x_ ^ y_, 0);
            VM_CASE(IEQK) TYPED_RK(x_ == y_, 1);
            VM_CASE(INEK) TYPED_RK(x_ != y_, 1);
            VM_CASE(ILTK) TYPED_RK(sx_ < sy_, 1);
            VM_CASE(ILEK) TYPED_RK(sx_ <= sy_, 1);
            VM_CASE(IGTK) TYPED_RK(sx_ > sy_, 1);
            VM_CASE(IGEK) TYPED_RK(sx_ >= sy_, 1);
            VM_CASE(ULTK) TYPED_RK(x_ < y_, 1);
            VM_CASE(ULEK) TYPED_RK(x_ <= y_, 1);
            VM_CASE(UGTK) TYPED_RK(x_ > y_, 1);
            VM_CASE(UGEK) TYPED_RK(x_ >= y_, 1);
#undef WRAP
            /* a constant count below 64 (the compiler's choice) */
            VM_CASE(ISHL)
            {
                const vm_value *a_ = &R[ip->b];
                WF_DASSERT(VM_KIND(a_->t) == (ip->f & VM_F_KIND));
                uint64_t v_ = a_->v.u << K[ip->c & 0x7fff].v.u;
                SET_INT(&R[ip->a], a_->t,
                        (ip->f & VM_F_SIZED)
                            ? wrap_int((vm_kind)(ip->f & VM_F_KIND), v_)
                            : (int64_t)v_);
                VM_BREAK;
            }
            VM_CASE(ISHR)
            {
                const vm_value *a_ = &R[ip->b];
                WF_DASSERT(VM_KIND(a_->t) == (ip->f & VM_F_KIND));
                SET_INT(&R[ip->a], a_->t, a_->v.i >> K[ip->c & 0x7fff].v.u);
                VM_BREAK;
            }
            VM_CASE(USHR)
            {
                const vm_value *a_ = &R[ip->b];
                WF_DASSERT(VM_KIND(a_->t) == (ip->f & VM_F_KIND));
                SET_INT(&R[ip->a], a_->t,
                        (int64_t)(a_->v.u >> K[ip->c & 0x7fff].v.u));
                VM_BREAK;
            }
            VM_CASE(ISNIL)
            {
                R[ip->a] = vm_bool(vm_is_nil(R[ip->b], ip->f));
                VM_BREAK;
            }
            VM_CASE(JMP)
            {
                int32_t off = ins_sbx(*ip);
                pc += off;
                /* a loop: the fuel (a scheduling point now and then,
                 * as Go preempts), the halt word and the memory budget */
                if (off < 0 && WF_UNLIKELY((--fuel & (VM_WATCH - 1)) == 0) &&
                    (fuel == 0 || engine_must_stop(x->e))) {
                    f->pc = (uint32_t)(pc - code);
                    vm_op(g, OP_YIELD, NULL);
                    g->plain = true;
                    goto out;
                }
                VM_BREAK;
            }
            VM_CASE(JT)
            {
                if (R[ip->a].v.i)
                    pc += ins_sbx(*ip);
                VM_BREAK;
            }
            VM_CASE(JF)
            {
                if (!R[ip->a].v.i)
                    pc += ins_sbx(*ip);
                VM_BREAK;
            }
            VM_CASE(CONV)
            {
                vm_value v = R[ip->b];
                uint32_t t = (uint32_t)K[ip->c].v.u;
                if (WF_LIKELY(kind_is_int(VM_KIND(t)) &&
                              kind_is_int(VM_KIND(v.t)))) {
                    SET_INT(&R[ip->a], t, wrap_int(VM_KIND(t), v.v.u));
                    VM_BREAK;
                }
                SLOW_RES(vm_convert(g, &res_, v, t));
                VM_BREAK;
            }
            VM_CASE(LEN)
            {
                vm_value v = R[ip->b];
                if (WF_LIKELY(VM_KIND(v.t) == K_SLICE)) {
                    R[ip->a] = vm_int(T_INT, v.v.sl ? v.v.sl->len : 0);
                    VM_BREAK;
                }
                if (VM_KIND(v.t) == K_STRING) {
                    R[ip->a] = vm_int(T_INT, v.aux);
                    VM_BREAK;
                }
                SLOW_RES(vm_len_op(g, &res_, v));
                VM_BREAK;
            }
            VM_CASE(CAP)
            {
                PROTECT(vm_len(g, &R[ip->a], R[ip->b], true));
                VM_BREAK;
            }
            VM_CASE(INDEX)
            {
                vm_value c = R[ip->b], k = *RKC;
                if (WF_LIKELY(VM_KIND(c.t) == K_SLICE && c.v.sl &&
                              VM_KIND(k.t) == K_INT && k.v.u < c.v.sl->len &&
                              !(c.v.sl->arr->flags & OF_SHARED))) {
                    R[ip->a] = *slice_at(c.v.sl, (uint32_t)k.v.u);
                    VM_BREAK;
                }
                PROTECT(vm_index(g, &R[ip->a], c, k, NULL));
                VM_BREAK;
            }
            VM_CASE(INDEXOK)
            {
                vm_value ok = vm_bool(false);
                PROTECT(vm_index(g, &R[ip->a], R[ip->b], *RKC, &ok));
                R[ip->a + 1] = ok;
                VM_BREAK;
            }
            VM_CASE(SETINDEX)
            {
                PROTECT(vm_setindex(g, R[ip->a], *RKB, *RKC));
                VM_BREAK;
            }
            VM_CASE(ADDRINDEX)
            {
                PROTECT(vm_addrindex(g, &R[ip->a], R[ip->b], *RKC));
                VM_BREAK;
            }
            VM_CASE(SLICE)
            {
                PROTECT(vm_do_slice(g, &R[ip->a], R[ip->b], ip->f, &R[ip->c]));
                VM_BREAK;
            }
            VM_CASE(FIELD)
            {
                if (ip->f)
                    PROTECT(vm_method_value(g, &R[ip->a], R[ip->b], &p->sels[ip->c]));
                else
                    PROTECT(vm_get_field(g, &R[ip->a], R[ip->b], &p->sels[ip->c],
                                         false));
                VM_BREAK;
            }
            VM_CASE(SETFIELD)
            {
                PROTECT(vm_setfield(g, R[ip->a], &p->sels[ip->b], *RKC));
                VM_BREAK;
            }
            VM_CASE(ADDRFIELD)
            {
                PROTECT(vm_get_field(g, &R[ip->a], R[ip->b], &p->sels[ip->c], true));
                VM_BREAK;
            }
            VM_CASE(SETSLOT)
            {
                vm_value t = R[ip->a];
                if (VM_KIND(t.t) == K_SLICE)
                    vm_store(x, t.v.sl->arr, t.v.sl->off + ip->b, *RKC, 0);
                else
                    vm_store(x, t.v.o, ip->b, *RKC, 0);
                VM_BREAK;
            }
            VM_CASE(DEREF)
            {
                PROTECT(vm_deref(g, &R[ip->a], R[ip->b]));
                VM_BREAK;
            }
            VM_CASE(STORE)
            {
                PROTECT(vm_storep(g, R[ip->a], *RKB));
                VM_BREAK;
            }
            VM_CASE(NEW)
            {
                uint32_t t = (uint32_t)K[ip->b].v.u;
                vm_value z, r;
                ROOM_FOR(t);
                z = vm_zero(x, t);
                if (kind_is_aggregate(VM_KIND(t))) {
                    r = vm_ref((uint32_t)vm_ptr_type(prog, t), z.v.o);
                    r.aux = VM_WHOLE;
                } else {
                    vm_obj *c = heap_obj(x, OK_CELL, t, 1);
                    c->slots[0] = z;
                    r = vm_ref((uint32_t)vm_ptr_type(prog, t), c);
                }
                R[ip->a] = r;
                VM_BREAK;
            }
            VM_CASE(MAKESLICE)
            {
                vm_value l = vm_settle(prog, R[ip->b], T_INT);
                vm_value c = ip->f ? vm_settle(prog, R[ip->b + 1], T_INT) : l;
                int64_t len = l.v.i, cap = c.v.i;
                /* Go's bound: len * the element's size within maxAlloc
                 * (2^48 on amd64); weft's, 2^28 elements, is its own */
                int64_t esz = vm_type_size(
                    prog, prog_type(prog, (uint32_t)K[ip->c].v.u)->elem);
                int64_t gomax = esz > 0 ? ((int64_t)1 << 48) / esz
                                        : INT64_MAX;
                if (!kind_is_signed(VM_KIND(l.t)) && l.v.u > INT64_MAX)
                    len = -1;
                if (!kind_is_signed(VM_KIND(c.t)) && c.v.u > INT64_MAX)
                    cap = -1;
                if (len < 0 || len > gomax)
                    THROW("runtime error: makeslice: len out of range");
                if (cap < len || cap > gomax)
                    THROW("runtime error: makeslice: cap out of range");
                if (cap > (1 << 28))
                    THROW("unsupported: make(%s, %lld): weft holds at most "
                          "2^28 elements in a slice",
                          prog_type(prog, (uint32_t)K[ip->c].v.u)->name,
                          (long long)cap);
                SAVEPC();
                if (!vm_mem_room(g, (size_t)cap * sizeof(vm_value)))
                    goto out;
                R[ip->a] = vm_make_slice(x, (uint32_t)K[ip->c].v.u,
                                       (uint32_t)len, (uint32_t)cap);
                VM_BREAK;
            }
            VM_CASE(MAKEMAP)
            {
                R[ip->a] = vm_ref((uint32_t)K[ip->c].v.u,
                                map_new(x, (uint32_t)K[ip->c].v.u, 0));
                VM_BREAK;
            }
            VM_CASE(MAKECHAN)
            {
                int64_t cap = 0;
                const char *file;
                int32_t line;
                if (ip->f) {
                    vm_value c = vm_settle(prog, R[ip->b], T_INT);
                    cap = c.v.i;
                    if (!kind_is_signed(VM_KIND(c.t)) && c.v.u > (1u << 24))
                        cap = -1;
                }
                if (cap < 0 || cap > (1 << 24))
                    THROW("makechan: size out of range");
                SAVEPC();
                if (!vm_mem_room(g, (size_t)cap * sizeof(wf_value)))
                    goto out;
                vm_site(g, &file, &line);
                R[ip->a] = vm_ref((uint32_t)K[ip->c].v.u,
                                chan_new(x->e, "", (size_t)cap, file, line));
                VM_BREAK;
            }
            VM_CASE(LIT)
            {
                uint32_t t = (uint32_t)K[ip->c].v.u;
                if (ip->f)
                    ROOM_FOR(t);
                R[ip->a] = ip->f ? vm_zero(x, t) : vm_make_slice(x, t, ip->b, ip->b);
                VM_BREAK;
            }
            VM_CASE(APPEND)
            {
                vm_value r;
                PROTECT(vm_append(g, &r, &R[ip->b], ip->c, ip->f));
                R[ip->a] = r;
                VM_BREAK;
            }
            VM_CASE(COPYSL)
            {
                vm_value r;
                PROTECT(vm_copyslice(g, &r, R[ip->b], R[ip->c]));
                R[ip->a] = r;
                VM_BREAK;
            }
            VM_CASE(DELETE)
            {
                PROTECT(vm_delete(g, R[ip->a], *RKB));
                VM_BREAK;
            }
            VM_CASE(CLEAR)
            {
                PROTECT(vm_clear(g, R[ip->a]));
                VM_BREAK;
            }
            VM_CASE(MIN)
            {
                vm_value r;
                PROTECT(minmax(g, &r, *RKB, *RKC, ip->f));
                R[ip->a] = r;
                VM_BREAK;
            }
            VM_CASE(CLOSURE)
            {
                const vm_proto *kid = p->kids[ip->b];
                if (!kid->ncaps) {
                    R[ip->a] = vm_ref(kid->type, kid->static_fn);
                } else {
                    vm_obj *c = heap_obj(x, OK_CLOSURE, 0, kid->ncaps);
                    c->u.proto = kid;
                    for (uint32_t k = 0; k < kid->ncaps; k++)
                        c->slots[k] = kid->caps[k].from_up
                                          ? f->fn->slots[kid->caps[k].index]
                                          : R[kid->caps[k].index];
                    R[ip->a] = vm_ref(kid->type ? kid->type : T_FUNC, c);
                }
                VM_BREAK;
            }
            VM_CASE(CALL)
            {
                const vm_ins *cpc = pc - 1; /* the CALL (an EXTRA follows
                                             * it with CALL_KFN) */
                vm_value *fv = &R[ip->a];
                vm_obj *fo;
                const vm_proto *np;
                uint32_t fpos, fi, base, nz;
                vm_frame *nf;
                /* the common call: a Go function (plain or closure) with
                 * its arguments in place; as vm_call_at does it */
                if (ip->f == CALL_KFN) {
                    /* a function the compiler knows (a K_FUNC constant) */
                    *fv = K[(pc++)->a];
                    fo = fv->v.o;
                    if (WF_LIKELY(fo && fo->okind != OK_BOUND &&
                                  (np = fo->u.proto)->fastargs == ip->b + 1u &&
                                  g->nframes < g->fcap && watch > 1))
                        goto common_call;
                } else {
                    if (ip->f & CALL_KFN)
                        *fv = K[(pc++)->a];
                    fo = fv->v.o;
                    if (WF_LIKELY(ip->f == 0 && VM_KIND(fv->t) == K_FUNC &&
                                  fo && fo->okind != OK_BOUND &&
                                  (np = fo->u.proto)->fastargs == ip->b + 1u &&
                                  g->nframes < g->fcap && watch > 1))
                        goto common_call;
                }
                fpos = f->base + ip->a;
                fi = g->nframes - 1;
                f->pc = (uint32_t)(cpc - code);
                st = vm_call_at(g, fpos,
                                (ip->f & CALL_MULTI) ? g->nmulti : ip->b, fpos,
                                (ip->f & CALL_ALL) ? -1 : (int32_t)ip->c, 0, ip->f);
                if (st == X_PANIC)
                    goto do_panic;
                if (st == X_YIELD)
                    goto out;
                g->frames[fi].pc = (uint32_t)(pc - code);
                goto newframe;
            common_call:
                base = f->base + ip->a + 1;
                nz = np->nzero;
                if (WF_UNLIKELY(base + np->nregs + ip->b + 4 > g->cap))
                    vm_stack_need(g, base + np->nregs + ip->b + 4);
                R = g->stack + base;
                f->pc = (uint32_t)(pc - code);
                nf = f + 1;
                g->nframes++;
                nf->p = np;
                nf->fn = fo->okind == OK_CLOSURE ? fo : NULL;
                nf->pc = 0;
                nf->base = base;
                nf->ret = base - 1;
                nf->nret = (int32_t)ip->c;
                nf->flags = 0;
                nf->fast = ip->c < np->fastres;
                nf->nargs = 0;
                nf->defers = NULL;
                nf->nat = NULL;
                nf->panic = NULL;
                g->top = base + np->nregs;
                watch--; /* as newframe counts a call */
                f = nf;
                p = np;
                code = np->code;
                K = np->k;
                if (np->valid) {
                    /* lazy registers (vm_proto.valid): the ones its code
                     * reads before writing, and the results, its first
                     * ZEROs done here (vm_proto.nzero, itpl) */
                    vm_copy_regs(R + np->ilo, np->itpl, np->ninit);
                } else {
                    const uint32_t *zt = np->zero;
                    if (np->nregs > ip->b)
                        vm_clear_regs(R + ip->b, np->nregs - ip->b);
                    /* its first ZEROs: the registers are clear, so only
                     * their types */
                    for (uint32_t k = 0; k < nz; k++)
                        R[zt[2 * k]].t = zt[2 * k + 1];
                }
                nops += nz;
                pc = code + nz;
                VM_BREAK;
            }
            VM_CASE(CALLM)
            {
                uint32_t fpos = f->base + ip->a, fi = g->nframes - 1;
                uint32_t nargs = (ip->f & CALL_MULTI) ? 1 + g->nmulti : ip->b;
                vm_ins e = *pc++;
                f->pc = (uint32_t)(pc - 2 - code);
                st = vm_method_call(g, fpos, &p->sels[e.a], ip->f,
                                    &nargs);
                if (st == X_YIELD)
                    goto out;
                if (st == X_PANIC)
                    goto do_panic;
                st = vm_call_at(g, fpos, nargs, fpos,
                                (ip->f & CALL_ALL) ? -1 : (int32_t)ip->c, 0, ip->f);
                if (st == X_PANIC)
                    goto do_panic;
                if (st == X_YIELD)
                    goto out;
                g->frames[fi].pc = (uint32_t)(pc - code);
                goto newframe;
            }
            VM_CASE(GO)
            {
                vm_value fv = R[ip->a];
                uint32_t nargs = (ip->f & CALL_MULTI) ? g->nmulti : ip->b;
                vm_g *ng;
                op *o;
                SAVEPC();
                if (VM_KIND(fv.t) != K_FUNC || !fv.v.o)
                    THROW("go of nil func value");
                x->spawned = true;
                vm_escape(x, fv);
                for (uint32_t k = 0; k < nargs; k++)
                    vm_escape(x, R[ip->a + 1 + k]);
                ng = vm_new_g(x, g, fv, &R[ip->a + 1], nargs, ip->f);
                if (!ng)
                    THROW("go of nil func value");
                o = vm_op(g, OP_SPAWN, NULL);
                o->spawn_drv = &vm_go_driver;
                o->spawn_arg = ng;
                o->spawn_name = spawn_name(fv, &R[ip->a + 1], nargs);
                f->pc = (uint32_t)(pc - code);
                g->plain = true;
                goto out;
            }
            VM_CASE(DEFER)
            {
                uint32_t nargs = (ip->f & CALL_MULTI) ? g->nmulti : ip->b;
                vm_defer *d = arena_alloc(&x->e->mem,
                                          sizeof *d + nargs * sizeof(vm_value));
                d->fn = R[ip->a];
                d->n = nargs;
                d->spread = (ip->f & CALL_SPREAD) != 0;
                for (uint32_t k = 0; k < nargs; k++)
                    d->args[k] = R[ip->a + 1 + k];
                if (WF_UNLIKELY(ip->f & CALL_OUTER)) {
                    int64_t fi = R[ip->c].v.i;
                    if (fi < 0 || (uint64_t)fi >= g->nframes)
                        THROW("defer in a range-over-func loop body "
                              "after its function returned");
                    d->next = g->frames[fi].defers;
                    g->frames[fi].defers = d;
                    g->frames[fi].fast = 0; /* its return runs them */
                    VM_BREAK;
                }
                d->next = f->defers;
                f->defers = d;
                f->fast = 0; /* its return runs them */
                VM_BREAK;
            }
            VM_CASE(FRAMEID)
            {
                R[ip->a] = vm_int(T_INT, (int64_t)(f - g->frames));
                VM_BREAK;
            }
            VM_CASE(RET)
            {
                uint32_t flags;
                if (WF_LIKELY(f->fast && watch > 1)) {
                    /* the common return (no deferred call, no boxed
                     * result: vm_frame.fast): as vm_pop and newframe do
                     * it */
                    uint32_t want = (uint32_t)f->nret;
                    uint32_t keep = f->ret + want, top;
                    uint32_t from = f->base > keep ? f->base : keep;
                    vm_value *dst = g->stack + f->ret;
                    const vm_value *src = R + p->nparams;
#ifdef WF_DEBUG
                    for (uint32_t k = 0; k < p->nres; k++)
                        WF_ASSERT(VM_KIND(R[p->nparams + k].t) != K_CELL);
                    WF_ASSERT(!f->defers && !p->cellres);
#endif
                    vm_copy_regs(dst, src, want);
                    g->nframes--;
                    watch--; /* as newframe counts a return */
                    f--;
                    p = f->p;
                    g->top = top = f->base + p->nregs;
                    /* a caller cleared whole: what the callee (and the
                     * calls it made) left in the caller's registers is
                     * cleared, up to the caller's top (a lazy caller's
                     * are invalid above the call: vm_proto.valid) */
                    if (!p->valid) {
                        if (top > g->cap)
                            top = g->cap;
                        if (from < top)
                            vm_clear_regs(g->stack + from, top - from);
                    }
                    code = p->code;
                    pc = code + f->pc;
                    R = g->stack + f->base;
                    K = p->k;
                    VM_BREAK;
                }
                if (f->defers) {
                    vm_defer *d = f->defers;
                    f->defers = d->next;
                    SAVEPC();
                    st = vm_call_value(g, d->fn, d->args, d->n, FR_DEFER,
                                       d->spread ? CALL_SPREAD : 0);
                    if (st == X_PANIC)
                        goto do_panic;
                    if (st == X_YIELD)
                        goto out;
                    goto newframe;
                }
                if (WF_UNLIKELY(p->cellres))
                    for (uint32_t k = 0; k < p->nres; k++) {
                        vm_value *r = &R[p->nparams + k];
                        if (VM_KIND(r->t) == K_CELL)
                            *r = vm_copy(x, r->v.o->slots[0]);
                    }
#ifdef WF_DEBUG
                for (uint32_t k = 0; k < p->nres; k++)
                    WF_ASSERT(VM_KIND(R[p->nparams + k].t) != K_CELL);
#endif
                flags = vm_pop(g, f->base + p->nparams, p->nres);
                if (flags & FR_BOTTOM) {
                    vm_op(g, OP_EXIT, NULL);
                    g->died = true;
                    goto out;
                }
                if (flags & FR_UNWIND)
                    vm_unwind(g);
                goto newframe;
            }
            VM_CASE(PANIC)
            {
                vm_value v = R[ip->a];
                SAVEPC();
                if (ip->f)
                    v.t = T_RTERROR;
                if (!v.t)
                    v = vm_rterror(x, "panic called with nil argument "
                                      "(goexit=false)");
                vm_throw(g, v);
                goto do_panic;
            }
            VM_CASE(RECOVER)
            {
                vm_panic *pn = f->panic;
                uint32_t fl = f->flags;
                R[ip->a] = vm_nil();
                if (!(fl & FR_UNWIND) && g->nframes >= 3 &&
                    (g->frames[g->nframes - 2].flags & FR_WRAPPER)) {
                    /* called by a MakeFunc function's wrapper: as if
                     * called by the deferred call below it */
                    pn = g->frames[g->nframes - 3].panic;
                    fl = g->frames[g->nframes - 3].flags;
                }
                if ((fl & FR_UNWIND) && pn && pn == g->panic &&
                    !pn->recovered && !pn->goexit) {
                    pn->recovered = true;
                    R[ip->a] = pn->val;
                }
                VM_BREAK;
            }
            VM_CASE(SEND)
            {
                vm_value ch = R[ip->a], v;
                op *o;
                if (g->resumed) {
                    g->resumed = false;
                    VM_BREAK;
                }
                SAVEPC();
                v = *RKB;
                if (kind_is_untyped(VM_KIND(v.t)))
                    v = vm_settle(prog, v, chan_elem(prog, ch));
                vm_escape(x, v);
                o = vm_op(g, OP_SEND, chan_obj(ch));
                o->val = vm_to_wf(v);
                goto out;
            }
            VM_CASE(RECV)
            {
                vm_value ch = R[ip->b];
                if (g->resumed) {
                    op *o = &g->t->op;
                    vm_value v = vm_from_wf(o->res);
                    g->resumed = false;
                    if (!o->ok)
                        v = vm_zero(x, chan_elem(prog, ch));
                    R[ip->a] = v;
                    if (ip->f)
                        R[ip->a + 1] = vm_bool(o->ok);
                    VM_BREAK;
                }
                SAVEPC();
                vm_op(g, OP_RECV, chan_obj(ch));
                goto out;
            }
            VM_CASE(CLOSE)
            {
                if (g->resumed) {
                    g->resumed = false;
                    VM_BREAK;
                }
                SAVEPC();
                vm_op(g, OP_CLOSE, chan_obj(R[ip->a]));
                goto out;
            }
            VM_CASE(SELECT)
            {
                const vm_selectd *sd = &p->selects[ip->b];
                op *o;
                if (g->resumed) {
                    int sel;
                    o = &g->t->op;
                    sel = o->sel;
                    g->resumed = false;
                    R[ip->a] = vm_int(T_INT, sel);
                    if (sel >= 0 && !sd->cases[sel].send) {
                        vm_value v = vm_from_wf(o->cases[sel].res);
                        bool ok = o->cases[sel].ok;
                        if (!ok)
                            v = vm_zero(x, chan_elem(prog,
                                                     R[sd->cases[sel].chan]));
                        R[ip->a + 1] = v;
                        R[ip->a + 2] = vm_bool(ok);
                    }
                    VM_BREAK;
                }
                SAVEPC();
                if (g->ncases < sd->ncases) {
                    g->cases = arena_alloc(&x->e->mem, (sd->ncases + 4) *
                                                           sizeof(sel_case));
                    g->ncases = sd->ncases + 4;
                }
                if (sd->ncases)
                    memset(g->cases, 0, sd->ncases * sizeof(sel_case));
                for (uint32_t k = 0; k < sd->ncases; k++) {
                    const vm_selcase *c = &sd->cases[k];
                    vm_value ch = R[c->chan];
                    g->cases[k].chan = VM_KIND(ch.t) == K_CHAN ? ch.v.ch
                                                               : NULL;
                    g->cases[k].send = c->send;
                    if (c->send) {
                        vm_value v = *rk(R, K, c->val);
                        if (kind_is_untyped(VM_KIND(v.t)))
                            v = vm_settle(prog, v, chan_elem(prog, ch));
                        vm_escape(x, v);
                        g->cases[k].val = vm_to_wf(v);
                    }
                }
                o = vm_op(g, OP_SELECT, NULL);
                o->cases = g->cases;
                o->ncases = sd->ncases;
                o->has_default = sd->has_default;
                goto out;
            }
            VM_CASE(ASSERT)
            {
                vm_value v = R[ip->b];
                uint32_t t = (uint32_t)K[ip->c].v.u;
                vm_ins e = *pc++;
                bool ok = vm_has_type(prog, v, t);
                if (ip->f) {
                    R[ip->a] = ok ? v : vm_zero(x, t);
                    R[ip->a + 1] = vm_bool(ok);
                    VM_BREAK;
                }
                if (!ok) {
                    f->pc = (uint32_t)(pc - 2 - code);
                    assert_fail(g, v, t,
                                e.a == 0xffff ? 0 : (uint32_t)K[e.a].v.u);
                    goto do_panic;
                }
                R[ip->a] = v;
                VM_BREAK;
            }
            VM_CASE(ISTYPE)
            {
                R[ip->a] = vm_bool(
                    vm_has_type(prog, R[ip->b], (uint32_t)K[ip->c].v.u));
                VM_BREAK;
            }
            VM_CASE(ITER)
            {
                if (ip->a != ip->b)
                    R[ip->a] = R[ip->b];
                PROTECT(vm_range_init(g, R, ip->a, ip->f));
                VM_BREAK;
            }
            VM_CASE(NEXT)
            {
                bool done = false;
                vm_value c = R[ip->a];
                if (VM_KIND(c.t) == K_CHAN || (VM_KIND(c.t) == K_NIL &&
                                               R[ip->a + 2].v.i == 0 &&
                                               !c.t && false)) {
                    if (g->resumed) {
                        op *o = &g->t->op;
                        g->resumed = false;
                        if (!o->ok) {
                            pc += ins_sbx(*ip);
                            VM_BREAK;
                        }
                        R[ip->a + 3] = vm_from_wf(o->res);
                        VM_BREAK;
                    }
                    SAVEPC();
                    vm_op(g, OP_RECV, chan_obj(c));
                    goto out;
                }
                PROTECT(vm_range_next(g, R, ip->a, &done));
                if (done)
                    pc += ins_sbx(*ip);
                VM_BREAK;
            }
            VM_CASE(CPLX)
            {
                vm_value a = *RKB;
                if (ip->f == 0) {
                    vm_value b = *RKC;
                    R[ip->a] = vm_complex(x,
                                        VM_KIND(a.t) == K_FLOAT32
                                            ? T_COMPLEX64
                                            : T_COMPLEX128,
                                        a.v.f, b.v.f);
                } else {
                    R[ip->a] = vm_float(vm_cplx_bits(prog, a.t) == 64
                                          ? T_FLOAT32
                                          : T_FLOAT64,
                                      vm_cplx_part(a, ip->f - 1));
                }
                VM_BREAK;
            }
                        VM_CASE(NILCHK)
            {
                if (WF_UNLIKELY(!R[ip->a].v.p))
                    PROTECT(vm_throwf(g, "runtime error: invalid memory "
                                         "address or nil pointer dereference"));
                VM_BREAK;
            }
        }
    }

native : {
    vm_ncall c;
    uint32_t fi = g->nframes - 1;
    nat_status ns;
    g->resumed = false;
    c.g = g;
    c.f = f;
    c.a = g->stack + f->base;
    c.n = f->nargs;
    c.r = c.a + f->nargs;
    c.nres = f->p->nres;
    c.callres = c.r[f->p->nres];
    ns = f->p->nat(&c);
    f = &g->frames[fi];
    switch (ns) {
    case NAT_OK: {
        uint32_t flags;
        if (f->flags & FR_DIE) {
            vm_value s = g->stack[f->base + f->nargs];
            vm_panic *pn = g->panic;
            char *text = arena_alloc(&x->e->mem, s.aux + 1);
            op *o;
            memcpy(text, s.v.s, s.aux);
            g->nframes = 0;
            o = vm_op(g, OP_PANIC, NULL);
            o->text = text;
            if (pn) {
                o->file = pn->file;
                o->line = pn->line;
            }
            g->died = true;
            goto out;
        }
        /* a native may return fewer results than its proto's count */
        flags = vm_pop(g, f->base + f->nargs,
                       c.nres < f->p->nres ? c.nres : f->p->nres);
        if (flags & FR_BOTTOM) {
            vm_op(g, OP_EXIT, NULL);
            g->died = true;
            goto out;
        }
        if (flags & FR_UNWIND)
            vm_unwind(g);
        goto newframe;
    }
    case NAT_YIELD:
        f->pc++;
        goto out;
    case NAT_CALL:
        f->pc++;
        goto newframe;
    case NAT_PANIC:
        goto do_panic;
    }
    goto newframe;
}

do_panic:
    vm_unwind(g);
    goto newframe;

out:
    if (WF_UNLIKELY(g->fault)) { /* a faulting access threw (vm_guard_ok) */
        g->fault = false;
        g->granted = 0;
        goto do_panic;
    }
    prog->ops += nops;
}

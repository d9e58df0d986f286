/* vm_live.c: which registers of a function its code may still read, at
 * each instruction: a backward dataflow over the function's code (live
 * in = read here, or live after and not written here). runtime.GC asks
 * it so that a finalizer sees an object dead once no register that will
 * be read holds it, as gc's stack maps make it dead after its last use
 * (issue 27518, stackobj.go).
 * Conservative where unsure: an instruction whose operands are not known
 * exactly reads every register from its first operand on, and writes
 * kill only for the plain ones; the result registers are live throughout
 * (a recovered panic returns them, through the deferred calls).
 * Owns: nothing; the sets live in the program's arena, computed once per
 * function, cached in the function (as its inline caches are). */
#include <string.h>

#include "sim/lang/vm_int.h"

/* The effect of the instruction at pc: the registers it reads (use) and
 * surely writes (def), nw words each, and its successors (-1: none). */
typedef struct effect {
    uint64_t *use, *def;
    int32_t succ[2];
} effect;

static void set_reg(uint64_t *s, uint32_t nregs, uint32_t r)
{
    if (r < nregs)
        s[r / 64] |= 1ULL << (r % 64);
}

static void set_rk(uint64_t *s, uint32_t nregs, uint32_t rk)
{
    if (!(rk & RK_CONST))
        set_reg(s, nregs, rk);
}

static void set_range(uint64_t *s, uint32_t nregs, uint32_t from, uint32_t to)
{
    for (uint32_t r = from; r < to && r < nregs; r++)
        set_reg(s, nregs, r);
}

static void ins_effect(const vm_proto *p, uint32_t pc, effect *e)
{
    vm_ins i = p->code[pc];
    uint32_t n = p->nregs, all = 0xffffu + 1;
    uint64_t *u = e->use, *d = e->def;
    e->succ[0] = (int32_t)pc + 1;
    e->succ[1] = -1;
    if (vm_op_checked(i.op)) {
        set_reg(u, n, i.b);
        set_rk(u, n, i.c);
        set_reg(d, n, i.a);
        return;
    }
    switch ((vm_opcode)i.op) {
    case VM_OP_NOP:
    case VM_OP_EXTRA:
        break;
    case VM_OP_MOVE:
    case VM_OP_COPY:
    case VM_OP_NEWCELL:
    case VM_OP_GETCELL:
    case VM_OP_ADDRCELL:
    case VM_OP_NEG:
    case VM_OP_NOT:
    case VM_OP_BNOT:
    case VM_OP_ISNIL:
    case VM_OP_CONV:
    case VM_OP_LEN:
    case VM_OP_CAP:
    case VM_OP_FIELD:
    case VM_OP_ADDRFIELD:
    case VM_OP_DEREF:
    case VM_OP_ISTYPE:
        set_reg(u, n, i.b);
        set_reg(d, n, i.a);
        break;
    case VM_OP_ASSERT:
        set_reg(u, n, i.b);
        if (!i.f)
            set_reg(d, n, i.a);
        break;
    case VM_OP_ASSIGN: /* into R[a]'s own object: a read of R[a] */
    case VM_OP_COPYSL:
        set_reg(u, n, i.a);
        set_reg(u, n, i.b);
        set_reg(u, n, i.c);
        break;
    case VM_OP_LOADK:
    case VM_OP_ZERO:
    case VM_OP_GETG:
    case VM_OP_GETUP:
    case VM_OP_UPCELL:
    case VM_OP_ADDRG:
    case VM_OP_NEW:
    case VM_OP_LIT:
    case VM_OP_RECOVER:
    case VM_OP_FRAMEID:
        set_reg(d, n, i.a);
        break;
    case VM_OP_LOADNIL:
        set_range(d, n, i.a, (uint32_t)i.a + i.b + 1);
        break;
    case VM_OP_ADD:
    case VM_OP_SUB:
    case VM_OP_MUL:
    case VM_OP_DIV:
    case VM_OP_MOD:
    case VM_OP_AND:
    case VM_OP_OR:
    case VM_OP_XOR:
    case VM_OP_ANDNOT:
    case VM_OP_SHL:
    case VM_OP_SHR:
    case VM_OP_EQ:
    case VM_OP_NE:
    case VM_OP_LT:
    case VM_OP_LE:
    case VM_OP_MIN:
    case VM_OP_CPLX:
    case VM_OP_INDEX:
    case VM_OP_ADDRINDEX:
        set_rk(u, n, i.b);
        set_rk(u, n, i.c);
        if (i.op == VM_OP_INDEX || i.op == VM_OP_ADDRINDEX)
            set_reg(u, n, i.b);
        set_reg(d, n, i.a);
        break;
    case VM_OP_INDEXOK:
        set_reg(u, n, i.b);
        set_rk(u, n, i.c);
        break;
    case VM_OP_NAME:
    case VM_OP_CLEAR:
    case VM_OP_CLOSE:
    case VM_OP_NILCHK:
    case VM_OP_PANIC:
        set_reg(u, n, i.a);
        if (i.op == VM_OP_PANIC)
            e->succ[0] = -1;
        break;
    case VM_OP_SETCELL:
    case VM_OP_SETINDEX:
    case VM_OP_SETFIELD:
    case VM_OP_SETSLOT:
    case VM_OP_STORE:
    case VM_OP_DELETE:
    case VM_OP_SEND:
        set_reg(u, n, i.a);
        if (i.op != VM_OP_SETFIELD && i.op != VM_OP_SETSLOT)
            set_rk(u, n, i.b);
        if (i.op == VM_OP_SETINDEX || i.op == VM_OP_SETFIELD ||
            i.op == VM_OP_SETSLOT)
            set_rk(u, n, i.c);
        break;
    case VM_OP_SETG:
    case VM_OP_SETUP:
        set_rk(u, n, i.b);
        break;
    case VM_OP_SLICE:
        set_reg(u, n, i.b);
        set_range(u, n, i.c, (uint32_t)i.c + 3);
        set_reg(d, n, i.a);
        break;
    case VM_OP_MAKESLICE:
    case VM_OP_MAKEMAP:
    case VM_OP_MAKECHAN:
        set_range(u, n, i.b, (uint32_t)i.b + 2);
        set_reg(d, n, i.a);
        break;
    case VM_OP_APPEND:
        set_range(u, n, i.b, (uint32_t)i.b + i.c + 1);
        set_reg(d, n, i.a);
        break;
    case VM_OP_CLOSURE: {
        const vm_proto *kid = i.b < p->nkids ? p->kids[i.b] : NULL;
        for (uint32_t k = 0; kid && k < kid->ncaps; k++)
            if (!kid->caps[k].from_up)
                set_reg(u, n, kid->caps[k].index);
        if (!kid)
            set_range(u, n, 0, all);
        set_reg(d, n, i.a);
        break;
    }
    case VM_OP_CALL:
    case VM_OP_CALLM:
    case VM_OP_GO:
    case VM_OP_DEFER:
        /* the function, the receiver, the arguments; a call spreading
         * another's results takes as many as that one gave */
        set_range(u, n, i.a,
                  (i.f & CALL_MULTI) ? all : (uint32_t)i.a + i.b + 2);
        if (i.op == VM_OP_DEFER && (i.f & CALL_OUTER))
            set_reg(u, n, i.c);
        break;
    case VM_OP_RET:
        e->succ[0] = -1;
        break;
    case VM_OP_RECV:
        set_reg(u, n, i.b);
        break;
    case VM_OP_SELECT: {
        const vm_selectd *sd = i.b < p->nselects ? &p->selects[i.b] : NULL;
        for (uint32_t k = 0; sd && k < sd->ncases; k++) {
            set_reg(u, n, sd->cases[k].chan);
            if (sd->cases[k].send)
                set_reg(u, n, sd->cases[k].val);
        }
        if (!sd)
            set_range(u, n, 0, all);
        break;
    }
    case VM_OP_ITER:
        set_reg(u, n, i.b);
        break;
    case VM_OP_NEXT:
        set_range(u, n, i.a, (uint32_t)i.a + 3);
        e->succ[1] = (int32_t)pc + 1 + ins_sbx(i);
        break;
    case VM_OP_JMP:
        e->succ[0] = (int32_t)pc + 1 + ins_sbx(i);
        break;
    case VM_OP_JT:
    case VM_OP_JF:
        set_reg(u, n, i.a);
        e->succ[1] = (int32_t)pc + 1 + ins_sbx(i);
        break;
    default: /* unknown here: it may read anything */
        set_range(u, n, 0, all);
        break;
    }
    for (int k = 0; k < 2; k++)
        if (e->succ[k] < 0 || (uint32_t)e->succ[k] >= p->ncode)
            e->succ[k] = -1;
}

/* Is parameter a of p a uintptr, a ...uintptr, or of a type not known? */
static bool addr_param(const vm_program *prog, const vm_proto *p, uint32_t a)
{
    uint32_t t = p->ptypes ? p->ptypes[a] : 0;
    if (!t || VM_KIND(t) == K_UINTPTR)
        return true;
    return VM_KIND(t) == K_SLICE &&
           VM_KIND(prog_type(prog, t)->elem) == K_UINTPTR;
}

const uint64_t *vm_live_regs(vm_program *prog, const vm_proto *p,
                             uint32_t pc)
{
    vm_proto *mp = (vm_proto *)p; /* the cache is mutable */
    uint32_t nw = ((uint32_t)p->nregs + 63) / 64, nc = p->ncode;
    if (!nw)
        nw = 1;
    if (!mp->live) {
        uint64_t *live = arena_alloc(&prog->mem, (size_t)(nc + 1) * nw * 8);
        uint64_t *use = wf_xcalloc((size_t)nc * nw, 8);
        uint64_t *def = wf_xcalloc((size_t)nc * nw, 8);
        int32_t *succ = wf_xcalloc((size_t)nc * 2, sizeof *succ);
        bool changed = true;
        for (uint32_t k = 0; k < nc; k++) {
            effect e = {use + (size_t)k * nw, def + (size_t)k * nw, {-1, -1}};
            ins_effect(p, k, &e);
            succ[2 * k] = e.succ[0];
            succ[2 * k + 1] = e.succ[1];
        }
        while (changed) {
            changed = false;
            for (uint32_t k = nc; k-- > 0;)
                for (uint32_t w = 0; w < nw; w++) {
                    uint64_t out = 0, in;
                    for (int s = 0; s < 2; s++)
                        if (succ[2 * k + s] >= 0)
                            out |= live[(size_t)succ[2 * k + s] * nw + w];
                    in = use[(size_t)k * nw + w] |
                         (out & ~def[(size_t)k * nw + w]);
                    if (in != live[(size_t)k * nw + w]) {
                        live[(size_t)k * nw + w] = in;
                        changed = true;
                    }
                }
        }
        /* the results: a recovered panic returns them from anywhere; a
         * uintptr argument (or ...uintptr) keeps the object at its
         * address for the whole call, as gc's //go:uintptrescapes and
         * system calls do */
        for (uint32_t k = 0; k <= nc; k++) {
            set_range(live + (size_t)k * nw, p->nregs, p->nparams,
                      (uint32_t)p->nparams + p->nres);
            for (uint32_t a = 0; a < p->nparams; a++)
                if (addr_param(prog, p, a))
                    set_reg(live + (size_t)k * nw, p->nregs, a);
        }
        free(use);
        free(def);
        free(succ);
        mp->live = live;
    }
    return mp->live + (size_t)(pc < nc ? pc : nc) * nw;
}

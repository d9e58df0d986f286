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

/* ---- lazy registers (vm_proto.valid) -------------------------------------- */

/* The registers instruction pc surely writes when it completes (def), and
 * the first register a call there leaves to its callee (*kill: the
 * callee's frame starts there, and what it leaves is not this frame's;
 * 0xffffffff none). False for an instruction whose writes are not known
 * exactly here: its function is then cleared whole. */
static bool plan_effect(const vm_proto *p, uint32_t pc, uint64_t *use,
                        uint64_t *def, uint32_t *kill)
{
    vm_ins i = p->code[pc];
    uint32_t n = p->nregs;
    *kill = 0xffffffffu;
    if (vm_op_checked(i.op)) {
        set_reg(def, n, i.a);
        return true;
    }
    switch ((vm_opcode)i.op) {
    case VM_OP_NOP: case VM_OP_EXTRA: case VM_OP_NAME: case VM_OP_SETCELL:
    case VM_OP_SETUP: case VM_OP_SETG: case VM_OP_SETINDEX:
    case VM_OP_SETFIELD: case VM_OP_SETSLOT: case VM_OP_STORE:
    case VM_OP_DELETE: case VM_OP_CLEAR: case VM_OP_JMP: case VM_OP_JT:
    case VM_OP_JF: case VM_OP_RET: case VM_OP_PANIC: case VM_OP_SEND:
    case VM_OP_CLOSE: case VM_OP_NILCHK:
        return true;
    case VM_OP_GO:
    case VM_OP_DEFER:
        if (i.f & CALL_MULTI)
            return false;
        memset(use, 0, ((n + 63) / 64) * 8);
        set_range(use, n, i.a, (uint32_t)i.a + i.b + 1);
        return true;
    case VM_OP_MOVE: case VM_OP_COPY: case VM_OP_ASSIGN: case VM_OP_LOADK:
    case VM_OP_ZERO: case VM_OP_NEWCELL: case VM_OP_GETCELL:
    case VM_OP_GETUP: case VM_OP_UPCELL: case VM_OP_GETG: case VM_OP_ADDRG:
    case VM_OP_ADDRCELL: case VM_OP_ADD: case VM_OP_SUB: case VM_OP_MUL:
    case VM_OP_DIV: case VM_OP_MOD: case VM_OP_AND: case VM_OP_OR:
    case VM_OP_XOR: case VM_OP_ANDNOT: case VM_OP_SHL: case VM_OP_SHR:
    case VM_OP_NEG: case VM_OP_NOT: case VM_OP_BNOT: case VM_OP_EQ:
    case VM_OP_NE: case VM_OP_LT: case VM_OP_LE: case VM_OP_ISNIL:
    case VM_OP_CONV: case VM_OP_LEN: case VM_OP_CAP: case VM_OP_INDEX:
    case VM_OP_ADDRINDEX: case VM_OP_SLICE: case VM_OP_FIELD:
    case VM_OP_ADDRFIELD: case VM_OP_DEREF: case VM_OP_NEW:
    case VM_OP_MAKESLICE: case VM_OP_MAKEMAP: case VM_OP_MAKECHAN:
    case VM_OP_LIT: case VM_OP_APPEND: case VM_OP_COPYSL: case VM_OP_MIN:
    case VM_OP_CLOSURE: case VM_OP_CPLX: case VM_OP_ISTYPE:
        if (i.op == VM_OP_MAKECHAN || i.op == VM_OP_MAKEMAP) {
            /* R[b] is read only for a size (MAKECHAN with f) */
            memset(use, 0, ((n + 63) / 64) * 8);
            if (i.op == VM_OP_MAKECHAN && i.f)
                set_reg(use, n, i.b);
        }
        set_reg(def, n, i.a);
        return true;
    case VM_OP_LOADNIL:
        set_range(def, n, i.a, (uint32_t)i.a + i.b + 1);
        return true;
    case VM_OP_CALL:
    case VM_OP_CALLM:
        if (i.f & (CALL_ALL | CALL_MULTI))
            return false;
        /* CALL reads the function and the arguments (with CALL_KFN it
         * writes the function first); CALLM reads the receiver and the
         * arguments and writes the method it finds; the results land
         * from R[a] on */
        memset(use, 0, ((n + 63) / 64) * 8);
        set_range(use, n, i.op == VM_OP_CALLM || (i.f & CALL_KFN)
                              ? (uint32_t)i.a + 1 : i.a,
                  (uint32_t)i.a + i.b + 1);
        set_range(def, n, i.a, (uint32_t)i.a + (i.c ? i.c : 1));
        *kill = (uint32_t)i.a + 1;
        return true;
    default:
        return false;
    }
}

/* The registers valid at each pc (D, a bit set of nw words each, ncode +
 * 1 of them) when the registers in d0 are valid at the entry: a forward
 * must-analysis (an instruction adds what it writes; a call takes away
 * what lies above its function). A recovered panic resumes at ret_pc
 * from anywhere (vm_unwind clears the other registers then): the
 * parameters and results are valid there even when no path of the code
 * reaches it. Adds to miss the registers read somewhere they are not
 * valid; true when there is none. */
static bool plan_flow(const vm_proto *p, uint32_t nw, const uint64_t *d0,
                      const uint64_t *use, const uint64_t *def,
                      const uint32_t *kill, const int32_t *succ,
                      uint64_t *in, uint8_t *seen, uint64_t *miss)
{
    uint32_t nc = p->ncode;
    uint64_t out[64], keep[64]; /* nw <= 64: 4096 registers */
    bool changed = true, none = true;
    memset(seen, 0, nc + 1);
    memset(in, 0, (size_t)(nc + 1) * nw * 8);
    memcpy(in, d0, nw * 8);
    seen[0] = 1;
    memset(keep, 0, nw * 8);
    set_range(keep, p->nregs, 0, (uint32_t)p->nparams + p->nres);
    while (changed) {
        changed = false;
        for (uint32_t k = 0; k < nc; k++) {
            const uint64_t *ik = in + (size_t)k * nw;
            if (!seen[k])
                continue;
            for (uint32_t w = 0; w < nw; w++) {
                uint64_t o = ik[w];
                if (kill[k] != 0xffffffffu) {
                    uint32_t lo = kill[k];
                    if (w * 64 >= lo)
                        o = 0;
                    else if (w * 64 + 64 > lo)
                        o &= (1ULL << (lo - w * 64)) - 1;
                }
                out[w] = o | def[(size_t)k * nw + w];
            }
            for (int s = 0; s < 2; s++) {
                int32_t t = succ[2 * k + s];
                uint64_t *it;
                if (t < 0)
                    continue;
                it = in + (size_t)t * nw;
                for (uint32_t w = 0; w < nw; w++) {
                    uint64_t v = seen[t] ? it[w] & out[w] : out[w];
                    if (!seen[t] || v != it[w]) {
                        it[w] = v;
                        changed = true;
                    }
                }
                seen[t] = 1;
            }
        }
    }
    if (p->ret_pc < nc && !seen[p->ret_pc]) {
        memcpy(in + (size_t)p->ret_pc * nw, keep, nw * 8);
        seen[p->ret_pc] = 1;
    }
    for (uint32_t k = 0; k < nc; k++)
        for (uint32_t w = 0; seen[k] && w < nw; w++) {
            uint64_t m = use[(size_t)k * nw + w] & ~in[(size_t)k * nw + w];
            miss[w] |= m;
            none = none && !m;
        }
    return none;
}

void vm_plan_regs(vm_program *prog, vm_proto *p)
{
    uint32_t nc = p->ncode, n = p->nregs, nw = (n + 63) / 64;
    uint64_t *use, *def, *in, *d0, *clr, *miss;
    uint32_t *kill;
    int32_t *succ;
    uint8_t *seen;
    bool ok = true;
    p->valid = NULL;
    p->clr = NULL;
    p->nclr = 0;
    if (p->nat || !nc || !n || nw > 64)
        return;
    use = wf_xcalloc((size_t)nc * nw, 8);
    def = wf_xcalloc((size_t)nc * nw, 8);
    kill = wf_xcalloc(nc, sizeof *kill);
    succ = wf_xcalloc((size_t)nc * 2, sizeof *succ);
    seen = wf_xcalloc(nc + 1, 1);
    d0 = wf_xcalloc(nw, 8);
    clr = wf_xcalloc(nw, 8);
    miss = wf_xcalloc(nw, 8);
    in = arena_alloc(&prog->mem, (size_t)(nc + 1) * nw * 8);
    for (uint32_t k = 0; k < nc && ok; k++) {
        effect e = {use + (size_t)k * nw, def + (size_t)k * nw, {-1, -1}};
        ins_effect(p, k, &e);
        /* plan_effect's writes, not ins_effect's (those are the ones
         * surely made, for liveness; these are all of them) */
        memset(e.def, 0, nw * 8);
        ok = plan_effect(p, k, e.use, e.def, &kill[k]);
        if (p->code[k].op == VM_OP_RET) /* it reads the results */
            set_range(e.use, n, p->nparams, (uint32_t)p->nparams + p->nres);
        succ[2 * k] = e.succ[0];
        succ[2 * k + 1] = e.succ[1];
    }
    /* the results are cleared at every call (a recovered panic returns
     * them); then the registers read somewhere before they are surely
     * written, until none is (or one a call took away) */
    set_range(clr, n, p->nparams, (uint32_t)p->nparams + p->nres);
    while (ok) {
        bool more = false;
        memset(d0, 0, nw * 8);
        set_range(d0, n, 0, p->nparams);
        for (uint32_t w = 0; w < nw; w++)
            d0[w] |= clr[w];
        memset(miss, 0, nw * 8);
        if (plan_flow(p, nw, d0, use, def, kill, succ, in, seen, miss))
            break;
        for (uint32_t w = 0; w < nw; w++) {
            if ((miss[w] & d0[w]) || (w * 64 >= n && miss[w]))
                ok = false; /* valid at the entry, taken by a call */
            more = more || (miss[w] & ~d0[w]);
            clr[w] |= miss[w];
        }
        ok = ok && more;
    }
    if (ok) {
        uint16_t *list = arena_alloc(&prog->mem, (size_t)n * sizeof *list + 1);
        uint16_t m = 0;
        for (uint32_t r = p->nparams; r < n; r++)
            if ((clr[r / 64] >> (r % 64)) & 1)
                list[m++] = (uint16_t)r;
        uint32_t lo = m ? list[0] : 0, hi = m ? list[m - 1] + 1u : 0;
        vm_value *tpl = arena_alloc(&prog->mem,
                                    (size_t)(hi - lo) * sizeof *tpl + 1);
        memset(tpl, 0, (size_t)(hi - lo) * sizeof *tpl);
        /* the registers between two of clr are not valid at the entry:
         * nil there costs nothing */
        for (uint32_t z = 0; z < p->nzero; z++)
            if (p->zero[2 * z] >= lo && p->zero[2 * z] < hi)
                tpl[p->zero[2 * z] - lo].t = p->zero[2 * z + 1];
        /* pc ncode (no instruction there): the entry's */
        memcpy(in + (size_t)nc * nw, d0, nw * 8);
        p->valid = in;
        p->clr = list;
        p->nclr = m;
        p->itpl = tpl;
        p->ilo = (uint16_t)lo;
        p->ninit = (uint16_t)(hi - lo);
    }
    free(use);
    free(def);
    free(kill);
    free(succ);
    free(seen);
    free(d0);
    free(clr);
    free(miss);
}

/* compile_stmt.c: statements: declarations, assignments, control flow
 * (if, for, range, switch, type switch, select), branches and labels,
 * go, defer, return. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"

static ast_node *strip(ast_node *n)
{
    while (n && n->kind == AST_PAREN)
        n = n->u.paren.x;
    return n;
}

static bool basic_type(uint32_t t)
{
    vm_kind k = VM_KIND(t);
    return k == K_BOOL || kind_is_int(k) || kind_is_float(k) ||
           k == K_STRING;
}

/* ---- declarations -------------------------------------------------------------- */

void cdeclare(fstate *fs, res_sym *s, int src, uint32_t type, bool copy)
{
    int r;
    (void)copy;
    if (!s || is_blank(s->ident)) {
        return;
    }
    r = fs->nactive;
    if (src != r)
        emit(fs, VM_OP_MOVE, 0, r, src, 0);
    fs->nactive = r + 1;
    if (fs->freereg < fs->nactive)
        fs->freereg = fs->nactive;
    if (fs->freereg > fs->maxreg)
        fs->maxreg = fs->freereg;
    while (fs->active.len < (size_t)r)
        VEC_PUSH(fs->active, NULL);
    if (fs->active.len == (size_t)r)
        VEC_PUSH(fs->active, s);
    else
        fs->active.p[r] = s;
    s->reg = r;
    if (fs->C->K && check_sym_type(fs->C->K, s))
        s->type = csubst(fs, check_sym_type(fs->C->K, s));
    else if (s->type_node)
        s->type = ctype_try(fs, s->type_node);
    else
        s->type = type;
    if (kind_is_untyped(VM_KIND(s->type)))
        s->type = type_default(s->type);
    s->boxed = s->captured || (s->addr_taken &&
                               !kind_is_aggregate(VM_KIND(s->type))) ||
               (s->method_recv && cneeds_box(fs, s->type));
    /* the library's locals name nothing: what it makes is named by the
     * user's variable it reaches (ctx.done, not the library's c.done) */
    if (s->type && !basic_type(s->type) && !fs->pkg->library)
        emit(fs, VM_OP_NAME, 0, r, kstr(fs, s->name), 0);
    if (s->boxed)
        emit(fs, VM_OP_NEWCELL, fs->loopvar_decl ? 2 : 1, r, r,
             kstr(fs, s->name));
}

/* Is identifier n declared (not reused) by the statement it is in? */
static bool declares(fstate *fs, ast_node *n)
{
    res_sym *s = csym(fs, n);
    return s && s->ident == n;
}

/* Compile the n values of a multi-target statement into registers
 * base .. base+n (values: a list of n, or one call / comma-ok form). */
void cvalues(fstate *fs, ast_list values, int n, int base,
             const uint32_t *want, uint32_t *types)
{
    if (values.n == 1 && n > 1) {
        ast_node *v = strip(values.v[0]);
        ex e;
        memset(types, 0, sizeof(uint32_t) * (size_t)n);
        switch (v->kind) {
        case AST_CALL:
            fs->freereg = base;
            ccall(fs, v, n, &e);
            if (e.reg != base)
                for (int i = 0; i < n; i++)
                    emit(fs, VM_OP_MOVE, 0, base + i, e.reg + i, 0);
            {
                uint32_t ct = ccallee_type(fs, v);
                for (int i = 0; i < n; i++)
                    types[i] = cstatic_result(fs, ct, i);
            }
            break;
        case AST_INDEX: {
            uint32_t bt = 0;
            int b = cexpr_any(fs, v->u.index.x, 0, &bt);
            int k = cexpr_rk(fs, v->u.index.index,
                             VM_KIND(bt) == K_MAP
                                 ? prog_type(fs->C->prog, bt)->key
                                 : 0,
                             NULL);
            fs_at(fs, v);
            emit(fs, VM_OP_INDEXOK, 0, base, b, k);
            types[0] = VM_KIND(bt) == K_MAP ? prog_type(fs->C->prog, bt)->elem
                                            : 0;
            types[1] = T_BOOL;
            break;
        }
        case AST_TYPE_ASSERT: {
            uint32_t xt = 0;
            int x = cexpr_any(fs, v->u.type_assert.x, 0, &xt);
            uint32_t t = ctype_of(fs, v->u.type_assert.type);
            fs_at(fs, v);
            emit(fs, VM_OP_ASSERT, 1, base, x, ktype(fs, t));
            emit(fs, VM_OP_EXTRA, 0, xt ? ktype(fs, xt) : 0xffff, 0, 0);
            types[0] = t;
            types[1] = T_BOOL;
            break;
        }
        case AST_UNARY:
            if (v->u.unary.op == TK_ARROW) {
                uint32_t ct = 0;
                int ch = cexpr_any(fs, v->u.unary.x, 0, &ct);
                fs_at(fs, v);
                emit(fs, VM_OP_RECV, 1, base, ch, 0);
                types[0] = VM_KIND(ct) == K_CHAN
                               ? prog_type(fs->C->prog, ct)->elem
                               : 0;
                types[1] = T_BOOL;
                break;
            }
            /* fall through */
        default:
            cerr(fs->C, v, "assignment mismatch: %d variables but 1 value",
                 n);
            break;
        }
        return;
    }
    if ((int)values.n != n) {
        cerr(fs->C, values.n ? values.v[0] : NULL,
             "assignment mismatch: %d variable%s but %d value%s", n,
             n == 1 ? "" : "s", (int)values.n, values.n == 1 ? "" : "s");
        return;
    }
    for (int i = 0; i < n; i++) {
        ex e;
        fs->freereg = base + n;
        e = cexpr(fs, values.v[i], want ? want[i] : 0);
        ex_to(fs, &e, base + i, want ? want[i] : 0, true);
        types[i] = e.type;
    }
    fs->freereg = base + n;
}

static void cvar_spec(fstate *fs, ast_node *spec, bool global)
{
    ast_list names = spec->u.value_spec.names;
    int n = (int)names.n, base;
    uint32_t dt = spec->u.value_spec.type
                      ? ctype_of(fs, spec->u.value_spec.type)
                      : 0;
    uint32_t want[64] = {0}, types[64] = {0};
    if (n > 64) {
        cerr(fs->C, spec, "unsupported: more than 64 names in one "
                          "declaration");
        return;
    }
    for (int i = 0; i < n; i++)
        want[i] = dt;
    base = newreg(fs, n);
    if (spec->u.value_spec.values.n) {
        cvalues(fs, spec->u.value_spec.values, n, base, want, types);
    } else {
        for (int i = 0; i < n; i++) {
            emit(fs, VM_OP_ZERO, 0, base + i, ktype(fs, dt), 0);
            types[i] = dt;
        }
    }
    for (int i = 0; i < n && !fs->C->failed; i++) {
        res_sym *s = csym(fs, names.v[i]);
        uint32_t t = dt ? dt : types[i];
        if (dt && types[i] != dt && spec->u.value_spec.values.n)
            emit(fs, VM_OP_CONV, 0, base + i, base + i, ktype(fs, dt));
        if (global) {
            if (!s || is_blank(names.v[i]))
                continue;
            if (!fs->C->prog->gtypes[s->gindex])
                fs->C->prog->gtypes[s->gindex] =
                    kind_is_untyped(VM_KIND(t)) ? type_default(t) : t;
            emit(fs, VM_OP_SETG, 0, s->gindex, base + i, 0);
            continue;
        }
        fs->nactive = base + i;
        cdeclare(fs, s, base + i, t, false);
    }
    if (!global)
        fs->nactive = base + n;
    fs->freereg = fs->nactive;
}

static void cdecl_stmt(fstate *fs, ast_node *d)
{
    if (d->u.gen_decl.tok != TK_VAR)
        return; /* constants and types are used where referred to */
    for (size_t i = 0; i < d->u.gen_decl.specs.n && !fs->C->failed; i++) {
        ast_node *spec = d->u.gen_decl.specs.v[i];
        bool global = fs->outer == NULL && fs->proto == fs->C->prog->entry;
        fs_at(fs, spec);
        cvar_spec(fs, spec, global);
    }
}

/* ---- assignments ----------------------------------------------------------------- */

static void cdefine(fstate *fs, ast_node *n)
{
    ast_list lhs = n->u.assign.lhs;
    int k = (int)lhs.n, base;
    uint32_t want[64] = {0}, types[64] = {0};
    if (k > 64) {
        cerr(fs->C, n, "unsupported: more than 64 variables in one :=");
        return;
    }
    for (int i = 0; i < k; i++) {
        res_sym *s = csym(fs, lhs.v[i]);
        want[i] = s && !declares(fs, lhs.v[i]) ? s->type : 0;
    }
    base = newreg(fs, k);
    cvalues(fs, n->u.assign.rhs, k, base, want, types);
    for (int i = 0; i < k && !fs->C->failed; i++) {
        ast_node *id = lhs.v[i];
        res_sym *s = csym(fs, id);
        if (is_blank(id))
            continue;
        if (!declares(fs, id)) {
            clocal_set(fs, s, base + i);
            continue;
        }
    }
    /* declare the new ones in order, each in its own register */
    for (int i = 0; i < k && !fs->C->failed; i++) {
        ast_node *id = lhs.v[i];
        if (is_blank(id) || !declares(fs, id))
            continue;
        {
            res_sym *s = csym(fs, id);
            int r = fs->nactive;
            fs->freereg = base + k > r + 1 ? base + k : r + 1;
            cdeclare(fs, s, base + i, types[i], false);
            (void)r;
        }
    }
    fs->freereg = fs->nactive;
}

static bool scalar_local(fstate *fs, ast_node *n, res_sym **out)
{
    res_sym *s;
    n = strip(n);
    if (n->kind != AST_IDENT || is_blank(n))
        return false;
    s = csym(fs, n);
    if (!s || s->kind != RS_LOCAL || s->boxed || !s->fn ||
        s->fn->node != fs->node)
        return false;
    if (!basic_type(s->type))
        return false;
    *out = s;
    return true;
}

static const vm_opcode assign_op[TK_COUNT] = {
    [TK_ADD] = VM_OP_ADD, [TK_SUB] = VM_OP_SUB,    [TK_MUL] = VM_OP_MUL,
    [TK_QUO] = VM_OP_DIV, [TK_REM] = VM_OP_MOD,    [TK_AND] = VM_OP_AND,
    [TK_OR] = VM_OP_OR,   [TK_XOR] = VM_OP_XOR,    [TK_AND_NOT] = VM_OP_ANDNOT,
    [TK_SHL] = VM_OP_SHL, [TK_SHR] = VM_OP_SHR};

/* The operand 1 of x++ for x of type t: a constant, or for a complex
 * type a register holding 1+0i. */
static int one_rk(fstate *fs, uint32_t t)
{
    if (vm_cplx_bits(fs->C->prog, t)) {
        ex e;
        memset(&e, 0, sizeof e);
        e.is_const = true;
        e.cv.k = CV_COMPLEX;
        e.cv.f = 1;
        e.type = t;
        e.reg = -1;
        return ex_to(fs, &e, -1, t, false);
    }
    return (int)(RK_CONST | (unsigned)kindex(fs, kind_is_float(VM_KIND(t))
                                                     ? vm_float(t, 1)
                                                     : vm_int(t, 1)));
}

/* x op= y (and x++ / x--: y NULL, op TK_ADD / TK_SUB). */
static void copassign(fstate *fs, ast_node *x, lex_kind opk, ast_node *y)
{
    res_sym *s;
    int rc;
    if (scalar_local(fs, x, &s)) {
        uint32_t want = opk == TK_SHL || opk == TK_SHR ? T_UINT : s->type;
        uint32_t yt = 0;
        if (y) {
            /* a local operand is read in place, as by a binary operator */
            ex e = cexpr(fs, y, want);
            rc = operand_rk(fs, &e, want);
            yt = e.type;
        } else {
            rc = one_rk(fs, s->type);
        }
        fs_at(fs, x);
        emit_binop(fs, assign_op[opk], s->reg, s->reg, s->type, rc, yt);
        return;
    }
    {
        lval lv = clval(fs, x);
        int cur = cload(fs, &lv);
        int r = newreg(fs, 1);
        uint32_t want = opk == TK_SHL || opk == TK_SHR ? T_UINT
                        : lv.type                   ? lv.type
                                                    : WANT_SOFT;
        uint32_t yt = 0;
        if (y)
            rc = cexpr_rk(fs, y, want, &yt);
        else if (lv.type)
            rc = one_rk(fs, lv.type);
        else
            rc = (int)(RK_CONST | (unsigned)kindex(fs, vm_int(T_UINT_K, 1)));
        fs_at(fs, x);
        emit_binop(fs, assign_op[opk], r, cur, lv.type, rc, yt);
        cstore(fs, &lv, r);
    }
}

static void cassign(fstate *fs, ast_node *n)
{
    ast_list lhs = n->u.assign.lhs, rhs = n->u.assign.rhs;
    lex_kind opk = n->u.assign.op;
    int k = (int)lhs.n, base;
    lval lvs[64];
    uint32_t want[64] = {0}, types[64] = {0};
    if (opk == TK_DEFINE) {
        cdefine(fs, n);
        return;
    }
    if (opk != TK_ASSIGN) {
        copassign(fs, lhs.v[0], lex_assign_op(opk), rhs.v[0]);
        return;
    }
    if (k > 64) {
        cerr(fs->C, n, "unsupported: more than 64 targets in one assignment");
        return;
    }
    if (k == 1 && rhs.n == 1) {
        res_sym *s;
        if (scalar_local(fs, lhs.v[0], &s)) {
            cexpr_to(fs, rhs.v[0], s->reg, s->type, false);
            return;
        }
    }
    for (int i = 0; i < k; i++) {
        lvs[i] = clval(fs, lhs.v[i]);
        want[i] = lvs[i].type;
    }
    for (int i = 0; i < k; i++)
        if (lvs[i].kind == LV_LOCAL) {
            /* a local assigned here: the other places' operands must not
             * see its new value */
            for (int j = 0; j < k; j++)
                clval_pin(fs, &lvs[j]);
            break;
        }
    base = newreg(fs, k);
    cvalues(fs, rhs, k, base, want, types);
    fs_at(fs, n);
    for (int i = 0; i < k && !fs->C->failed; i++)
        cstore(fs, &lvs[i], base + i);
}

/* ---- blocks and control flow ----------------------------------------------------- */

void cblock_stmts(fstate *fs, ast_list l)
{
    int saved = fs->nactive;
    for (size_t i = 0; i < l.n && !fs->C->failed; i++) {
        fs->freereg = fs->nactive;
        cstmt(fs, l.v[i]);
    }
    fs->nactive = saved;
    fs->freereg = saved;
}

static void push_block(fstate *fs, cblock *b, bool loop, const char *label)
{
    memset(b, 0, sizeof *b);
    b->up = fs->blk;
    b->is_loop = loop;
    b->is_select_or_switch = !loop;
    b->label = label;
    b->nactive = fs->nactive;
    fs->blk = b;
}

static void pop_block(fstate *fs, cblock *b, int continue_pc)
{
    for (size_t i = 0; i < b->breaks.len; i++)
        patch_here(fs, b->breaks.p[i]);
    for (size_t i = 0; i < b->continues.len; i++)
        patch_to(fs, b->continues.p[i], continue_pc);
    VEC_FREE(b->breaks);
    VEC_FREE(b->continues);
    fs->blk = b->up;
}

static int cond_jump_false(fstate *fs, ast_node *cond)
{
    int r = cexpr_any(fs, cond, T_BOOL, NULL);
    return emit_jmp(fs, VM_OP_JF, r);
}

static void cif(fstate *fs, ast_node *n)
{
    int saved = fs->nactive, jf, jend;
    if (n->u.if_.init) {
        fs->freereg = fs->nactive;
        cstmt(fs, n->u.if_.init);
    }
    fs->freereg = fs->nactive;
    jf = cond_jump_false(fs, n->u.if_.cond);
    fs->freereg = fs->nactive;
    cblock_stmts(fs, n->u.if_.then->u.block.stmts);
    if (n->u.if_.els) {
        jend = emit_jmp(fs, VM_OP_JMP, 0);
        patch_here(fs, jf);
        fs->freereg = fs->nactive;
        if (n->u.if_.els->kind == AST_IF_STMT)
            cif(fs, n->u.if_.els);
        else
            cblock_stmts(fs, n->u.if_.els->u.block.stmts);
        patch_here(fs, jend);
    } else {
        patch_here(fs, jf);
    }
    fs->nactive = saved;
    fs->freereg = saved;
}

static void cfor(fstate *fs, ast_node *n, const char *label)
{
    int saved = fs->nactive, top, jf = -1, cont;
    int first_var, nvars;
    cblock b;
    if (n->u.for_.init) {
        fs->freereg = fs->nactive;
        fs->loopvar_decl = !fs->C->loop_per_iter;
        cstmt(fs, n->u.for_.init);
        fs->loopvar_decl = false;
    }
    first_var = saved;
    nvars = fs->nactive - saved;
    top = here_target(fs);
    if (n->u.for_.cond) {
        fs->freereg = fs->nactive;
        jf = cond_jump_false(fs, n->u.for_.cond);
    }
    push_block(fs, &b, true, label);
    fs->freereg = fs->nactive;
    cblock_stmts(fs, n->u.for_.body->u.block.stmts);
    cont = here_target(fs);
    /* Go 1.22: each iteration has its own copy of the loop variables */
    if (fs->C->loop_per_iter)
        for (int i = 0; i < nvars; i++) {
            res_sym *s = fs->active.len > (size_t)(first_var + i)
                             ? fs->active.p[first_var + i]
                             : NULL;
            if (s && s->boxed) {
                int t = newreg(fs, 1);
                emit(fs, VM_OP_GETCELL, 0, t, s->reg, 0);
                emit(fs, VM_OP_NEWCELL, 1, s->reg, t, kstr(fs, s->name));
                fs->freereg = fs->nactive;
            }
        }
    if (n->u.for_.post) {
        fs->freereg = fs->nactive;
        cstmt(fs, n->u.for_.post);
    }
    {
        int j = emit_jmp(fs, VM_OP_JMP, 0);
        patch_to(fs, j, top);
    }
    if (jf >= 0)
        patch_here(fs, jf);
    pop_block(fs, &b, cont);
    fs->nactive = saved;
    fs->freereg = saved;
}

/* for k, v := range x: ITER sets up registers it..it+2 (collection,
 * position, limit); NEXT writes the key and value to it+3, it+4. */
static void crange(fstate *fs, ast_node *n, const char *label)
{
    int saved = fs->nactive, it, top, jdone;
    uint32_t xt = 0, kt = 0, vt = 0;
    cblock b;
    ast_node *key = n->u.range.key, *val = n->u.range.value;
    bool define = n->u.range.tok == TK_DEFINE;
    lval klv, vlv;
    res_sym *ks = NULL, *vs = NULL;
    it = newreg(fs, 5);
    if (n->u.range.value == NULL || is_blank(n->u.range.value)) {
        /* len(x) constant (the checker's): range over it, x unevaluated */
        ex e;
        memset(&e, 0, sizeof e);
        if (cconst(fs, n, &e.cv, &e.type)) {
            e.is_const = true;
            e.reg = -1;
            e.node = n;
            xt = T_INT;
            ex_to(fs, &e, it, T_INT, false);
            goto counted;
        }
    }
    {
        ex e = cexpr(fs, n->u.range.x, 0);
        xt = e.type;
        if (e.is_const && e.cv.k == CV_INT && kind_is_untyped(VM_KIND(xt)))
            xt = T_INT;
        ex_to(fs, &e, it, T_INT, false);
    }
counted:
    switch (VM_KIND(type_under(fs->C->prog, xt))) {
    case K_FUNC:
        crange_func(fs, n, label, it, xt);
        fs->nactive = saved;
        fs->freereg = saved;
        return;
    case K_STRING:
        kt = T_INT;
        vt = T_INT32;
        break;
    case K_MAP:
        kt = prog_type(fs->C->prog, xt)->key;
        vt = prog_type(fs->C->prog, xt)->elem;
        break;
    case K_CHAN:
        kt = prog_type(fs->C->prog, xt)->elem;
        break;
    case K_PTR: {
        uint32_t at = prog_type(fs->C->prog, xt)->elem;
        kt = T_INT;
        vt = at ? prog_type(fs->C->prog, at)->elem : 0;
        break;
    }
    case K_SLICE:
    case K_ARRAY:
        kt = T_INT;
        vt = prog_type(fs->C->prog, xt)->elem;
        break;
    default:
        kt = kind_is_int(VM_KIND(xt)) ? xt : 0;
        break;
    }
    fs_at(fs, n);
    emit(fs, VM_OP_ITER, val != NULL && !is_blank(val), it, it, 0);
    fs->nactive = it + 5;
    fs->freereg = it + 5;
    /* Go before 1.22: one variable for the whole loop */
    if (define && !fs->C->loop_per_iter) {
        fs->loopvar_decl = true;
        if (key && !is_blank(key)) {
            ks = csym(fs, key);
            emit(fs, VM_OP_ZERO, 0, fs->nactive, ktype(fs, kt), 0);
            cdeclare(fs, ks, fs->nactive, kt, false);
        }
        if (val && !is_blank(val)) {
            vs = csym(fs, val);
            emit(fs, VM_OP_ZERO, 0, fs->nactive, ktype(fs, vt), 0);
            cdeclare(fs, vs, fs->nactive, vt, false);
        }
        fs->loopvar_decl = false;
    }
    top = here_target(fs);
    jdone = emit(fs, VM_OP_NEXT, 0, it, 0, 0);
    push_block(fs, &b, true, label);
    {
        int inner = fs->nactive;
        fs->freereg = fs->nactive;
        if (define) {
            if (fs->C->loop_per_iter) {
                if (key && !is_blank(key))
                    cdeclare(fs, csym(fs, key), it + 3, kt, false);
                if (val && !is_blank(val))
                    cdeclare(fs, csym(fs, val), it + 4, vt, true);
            } else {
                if (ks)
                    clocal_set(fs, ks, it + 3);
                if (vs)
                    clocal_set(fs, vs, it + 4);
                /* a value received is the variable's only: x = nil
                 * leaves it unreachable (issue15281.go) */
                if (ks && VM_KIND(type_under(fs->C->prog, xt)) == K_CHAN)
                    emit(fs, VM_OP_LOADNIL, 0, it + 3, 0, 0);
            }
        } else {
            /* both places first, as an assignment: for i, x[i] = range
             * indexes x with the old i */
            bool hk = key && !is_blank(key), hv = val && !is_blank(val);
            if (hk)
                klv = clval(fs, key);
            if (hv) {
                vlv = clval(fs, val);
                if (hk && klv.kind == LV_LOCAL)
                    clval_pin(fs, &vlv);
            }
            if (hk)
                cstore(fs, &klv, it + 3);
            if (hv)
                cstore(fs, &vlv, it + 4);
        }
        fs->freereg = fs->nactive;
        cblock_stmts(fs, n->u.range.body->u.block.stmts);
        fs->nactive = inner;
    }
    {
        int j = emit_jmp(fs, VM_OP_JMP, 0);
        patch_to(fs, j, top);
    }
    patch_here(fs, jdone);
    pop_block(fs, &b, top);
    fs->nactive = saved;
    fs->freereg = saved;
}

/* The statements of body before its fallthrough, when a fallthrough is
 * its final non-empty statement (the spec's rule: `fallthrough;;` is
 * one); -1 when there is none. */
static long ends_in_fallthrough(ast_list body)
{
    size_t n = body.n;
    while (n && body.v[n - 1]->kind == AST_EMPTY_STMT)
        n--;
    if (n && body.v[n - 1]->kind == AST_BRANCH_STMT &&
        body.v[n - 1]->u.branch.tok == TK_FALLTHROUGH)
        return (long)n - 1;
    return -1;
}

static bool is_nil_ident(fstate *fs, ast_node *n)
{
    res_sym *s;
    n = strip(n);
    if (n->kind != AST_IDENT)
        return false;
    s = csym(fs, n);
    return s && s->kind == RS_NIL;
}

typedef VEC(int) intvec;

/* A switch's or type switch's end: its clauses' jumps (pairs: a clause, a
 * jump) patched to their bodies, the default jump to the default body (or
 * past the last: nclauses), each body's jump out patched here; frees the
 * lists and body_pc. */
static void switch_end(fstate *fs, cblock *b, intvec *jumps, intvec *ends,
                       int *body_pc, size_t nclauses, int jdef, int ndef)
{
    body_pc[nclauses] = here_target(fs);
    for (size_t i = 0; i + 1 < jumps->len; i += 2)
        patch_to(fs, jumps->p[i + 1], body_pc[jumps->p[i]]);
    patch_to(fs, jdef, ndef >= 0 ? body_pc[ndef] : body_pc[nclauses]);
    for (size_t i = 0; i < ends->len; i++)
        patch_here(fs, ends->p[i]);
    pop_block(fs, b, 0);
    VEC_FREE(*jumps);
    VEC_FREE(*ends);
    free(body_pc);
}

static void cswitch(fstate *fs, ast_node *n, const char *label)
{
    int saved = fs->nactive, tag = -1, ndef = -1;
    uint32_t tt = 0;
    ast_list cl = n->u.switch_.clauses;
    intvec jumps = {0}; /* pairs: a clause, a jump into its body */
    int *body_pc, jend_default;
    intvec ends = {0};
    cblock b;
    if (n->u.switch_.init) {
        fs->freereg = fs->nactive;
        cstmt(fs, n->u.switch_.init);
    }
    fs->freereg = fs->nactive;
    if (n->u.switch_.tag) {
        ex e;
        tag = newreg(fs, 1);
        e = cexpr(fs, n->u.switch_.tag, 0);
        ex_to(fs, &e, tag, 0, false);
        tt = e.type;
        fs->nactive++;
        fs->freereg = fs->nactive;
    }
    body_pc = wf_xcalloc(cl.n + 1, sizeof *body_pc);
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i];
        if (c->u.case_.is_default) {
            ndef = (int)i;
            continue;
        }
        for (size_t k = 0; k < c->u.case_.list.n; k++) {
            ast_node *e = c->u.case_.list.v[k];
            int r;
            fs->freereg = fs->nactive;
            fs_at(fs, e);
            if (tag < 0) {
                r = cexpr_any(fs, e, T_BOOL, NULL);
            } else if (is_nil_ident(fs, e)) {
                r = newreg(fs, 1);
                emit(fs, VM_OP_ISNIL, VM_KIND(tt) == K_IFACE, r, tag, 0);
            } else {
                int rc = cexpr_rk(fs, e, tt, NULL);
                r = newreg(fs, 1);
                emit(fs, VM_OP_EQ, 0, r, tag, rc);
            }
            VEC_PUSH(jumps, (int)i);
            VEC_PUSH(jumps, emit_jmp(fs, VM_OP_JT, r));
        }
    }
    jend_default = emit_jmp(fs, VM_OP_JMP, 0);
    push_block(fs, &b, false, label);
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i];
        ast_list body = c->u.case_.body;
        long ft = ends_in_fallthrough(body);
        body_pc[i] = here_target(fs);
        if (ft >= 0) {
            if (i + 1 == cl.n) {
                cerr(fs->C, body.v[ft],
                     "cannot fallthrough final case in switch");
                break;
            }
            body.n = (size_t)ft;
            cblock_stmts(fs, body);
        } else {
            cblock_stmts(fs, body);
            VEC_PUSH(ends, emit_jmp(fs, VM_OP_JMP, 0));
        }
    }
    switch_end(fs, &b, &jumps, &ends, body_pc, cl.n, jend_default, ndef);
    fs->nactive = saved;
    fs->freereg = saved;
}

static void ctypeswitch(fstate *fs, ast_node *n, const char *label)
{
    int saved = fs->nactive, x, ndef = -1;
    ast_list cl = n->u.type_switch.clauses;
    intvec jumps = {0};
    intvec ends = {0};
    int *body_pc, jdef;
    cblock b;
    if (n->u.type_switch.init) {
        fs->freereg = fs->nactive;
        cstmt(fs, n->u.type_switch.init);
    }
    fs->freereg = fs->nactive;
    x = newreg(fs, 1);
    cexpr_to(fs, n->u.type_switch.x, x, 0, false);
    fs->nactive++;
    fs->freereg = fs->nactive;
    body_pc = wf_xcalloc(cl.n + 1, sizeof *body_pc);
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i];
        if (c->u.case_.is_default) {
            ndef = (int)i;
            continue;
        }
        for (size_t k = 0; k < c->u.case_.list.n; k++) {
            ast_node *e = c->u.case_.list.v[k];
            int r = newreg(fs, 1);
            fs_at(fs, e);
            if (is_nil_ident(fs, e)) {
                emit(fs, VM_OP_ISNIL, 1, r, x, 0);
            } else {
                uint32_t t = ctype_of(fs, e);
                emit(fs, VM_OP_ISTYPE, VM_KIND(t) == K_IFACE, r, x,
                     ktype(fs, t));
            }
            VEC_PUSH(jumps, (int)i);
            VEC_PUSH(jumps, emit_jmp(fs, VM_OP_JT, r));
            fs->freereg = fs->nactive;
        }
    }
    jdef = emit_jmp(fs, VM_OP_JMP, 0);
    push_block(fs, &b, false, label);
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i];
        res_sym *bs = res_lookup(fs->C->R, fs->pkg, c);
        int inner = fs->nactive;
        body_pc[i] = here_target(fs);
        if (bs) {
            uint32_t t = 0;
            if (c->u.case_.list.n == 1 &&
                !is_nil_ident(fs, c->u.case_.list.v[0]))
                t = ctype_of(fs, c->u.case_.list.v[0]);
            fs->freereg = fs->nactive;
            bs->type_node = NULL;
            cdeclare(fs, bs, x, t, true);
        }
        cblock_stmts(fs, c->u.case_.body);
        fs->nactive = inner;
        VEC_PUSH(ends, emit_jmp(fs, VM_OP_JMP, 0));
    }
    switch_end(fs, &b, &jumps, &ends, body_pc, cl.n, jdef, ndef);
    fs->nactive = saved;
    fs->freereg = saved;
}

static void cselect(fstate *fs, ast_node *n, const char *label)
{
    ast_list cl = n->u.select.clauses;
    vm_selectd sd;
    int saved = fs->nactive, res, ndef = -1;
    VEC(int) ends = {0};
    int *jumps;
    cblock b;
    memset(&sd, 0, sizeof sd);
    sd.cases = arena_alloc(&fs->C->prog->mem,
                           (cl.n + 1) * sizeof(vm_selcase));
    /* evaluate channels and values, in source order */
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i], *comm = c->u.comm.comm;
        vm_selcase *sc = &sd.cases[sd.ncases];
        uint32_t ct = 0;
        if (!comm) {
            ndef = (int)i;
            sd.has_default = true;
            continue;
        }
        fs_at(fs, comm);
        if (comm->kind == AST_SEND_STMT) {
            int ch = newreg(fs, 1), v;
            cexpr_to(fs, comm->u.send.ch, ch, 0, false);
            fs->nactive++;
            fs->freereg = fs->nactive;
            v = newreg(fs, 1);
            cexpr_to(fs, comm->u.send.value, v, WANT_SOFT, true);
            fs->nactive++;
            fs->freereg = fs->nactive;
            sc->chan = (uint16_t)ch;
            sc->send = true;
            sc->val = (uint16_t)v;
        } else {
            ast_node *rx = comm->kind == AST_EXPR_STMT
                               ? comm->u.expr_stmt.x
                               : comm->u.assign.rhs.v[0];
            rx = strip(rx);
            if (rx->kind != AST_UNARY || rx->u.unary.op != TK_ARROW) {
                cerr(fs->C, comm, "select case must be receive, send or "
                                  "assign recv");
                return;
            }
            sc->chan = (uint16_t)newreg(fs, 1);
            cexpr_to(fs, rx->u.unary.x, sc->chan, 0, false);
            (void)ct;
            fs->nactive++;
            fs->freereg = fs->nactive;
        }
        sd.ncases++;
    }
    res = newreg(fs, 3);
    fs->nactive = res + 3;
    fs->freereg = fs->nactive;
    VEC_PUSH(fs->selects, sd);
    fs_at(fs, n);
    emit(fs, VM_OP_SELECT, 0, res, (int)fs->selects.len - 1, 0);
    jumps = wf_xcalloc(cl.n + 1, sizeof *jumps);
    {
        int ci = 0;
        for (size_t i = 0; i < cl.n; i++) {
            int r = newreg(fs, 1), kk;
            kk = (int)(RK_CONST |
                       (unsigned)kindex(fs, vm_int(T_INT,
                                                   cl.v[i]->u.comm.comm ? ci
                                                                        : -1)));
            emit(fs, VM_OP_EQ, 0, r, res, kk);
            jumps[i] = emit_jmp(fs, VM_OP_JT, r);
            fs->freereg = fs->nactive;
            if (cl.v[i]->u.comm.comm)
                ci++;
        }
    }
    (void)ndef;
    VEC_PUSH(ends, emit_jmp(fs, VM_OP_JMP, 0));
    push_block(fs, &b, false, label);
    for (size_t i = 0; i < cl.n && !fs->C->failed; i++) {
        ast_node *c = cl.v[i], *comm = c->u.comm.comm;
        int inner = fs->nactive;
        patch_here(fs, jumps[i]);
        fs->freereg = fs->nactive;
        if (comm && comm->kind == AST_ASSIGN_STMT) {
            ast_list lhs = comm->u.assign.lhs;
            for (size_t k = 0; k < lhs.n && k < 2; k++) {
                ast_node *id = lhs.v[k];
                if (is_blank(id))
                    continue;
                if (comm->u.assign.op == TK_DEFINE) {
                    fs->freereg = fs->nactive;
                    cdeclare(fs, csym(fs, id), res + 1 + (int)k,
                             k ? T_BOOL : 0, false);
                } else {
                    lval lv = clval(fs, id);
                    cstore(fs, &lv, res + 1 + (int)k);
                }
            }
        }
        cblock_stmts(fs, c->u.comm.body);
        fs->nactive = inner;
        VEC_PUSH(ends, emit_jmp(fs, VM_OP_JMP, 0));
    }
    for (size_t i = 0; i < ends.len; i++)
        patch_here(fs, ends.p[i]);
    pop_block(fs, &b, 0);
    VEC_FREE(ends);
    free(jumps);
    fs->nactive = saved;
    fs->freereg = saved;
}

/* ---- branches ------------------------------------------------------------------------ */

static clabel *find_label(fstate *fs, const char *name)
{
    for (size_t i = 0; i < fs->labels.len; i++)
        if (!strcmp(fs->labels.p[i].name, name))
            return &fs->labels.p[i];
    {
        clabel l;
        memset(&l, 0, sizeof l);
        l.name = name;
        l.pc = -1;
        VEC_PUSH(fs->labels, l);
        return &fs->labels.p[fs->labels.len - 1];
    }
}

static void cbranch(fstate *fs, ast_node *n)
{
    const char *label = n->u.branch.label ? n->u.branch.label->u.ident.name
                                          : NULL;
    cblock *b;
    switch (n->u.branch.tok) {
    case TK_GOTO: {
        clabel *l = find_label(fs, label);
        int j = emit_jmp(fs, VM_OP_JMP, 0);
        if (l->pc >= 0)
            patch_to(fs, j, l->pc);
        else
            VEC_PUSH(l->uses, j);
        return;
    }
    case TK_BREAK:
        for (b = fs->blk; b; b = b->up)
            if (label ? (b->label && !strcmp(b->label, label)) : true)
                break;
        if (!b && fs->rf && crf_branch(fs, n, TK_BREAK, label))
            return;
        if (!b) {
            cerr(fs->C, n, label ? "invalid break label %s"
                                 : "break is not in a loop, switch, or select",
                 label);
            return;
        }
        VEC_PUSH(b->breaks, emit_jmp(fs, VM_OP_JMP, 0));
        return;
    case TK_CONTINUE:
        for (b = fs->blk; b; b = b->up)
            if (b->is_loop &&
                (label ? (b->label && !strcmp(b->label, label)) : true))
                break;
        if (!b && fs->rf && crf_branch(fs, n, TK_CONTINUE, label))
            return;
        if (!b) {
            cerr(fs->C, n, label ? "invalid continue label %s"
                                 : "continue is not in a loop",
                 label);
            return;
        }
        VEC_PUSH(b->continues, emit_jmp(fs, VM_OP_JMP, 0));
        return;
    case TK_FALLTHROUGH:
        cerr(fs->C, n, "fallthrough statement out of place");
        return;
    default:
        return;
    }
}

/* Does the instruction at pc read register r? For place_results' kinds. */
static bool ins_reads(const vm_ins *i, int r)
{
    if (i->op == VM_OP_LOADK)
        return false;
    if (i->b == r)
        return true;
    return i->op != VM_OP_MOVE && i->c == r;
}

/* A return's values were computed into base .. base+n by code[from, len):
 * when none of it can panic, yield or jump (moves, constants, checked-
 * integer arithmetic), each value is computed into its result register
 * res + i instead, where nothing after reads it (a named result), and
 * true is returned: no MOVEs are left to do. The results are then set
 * before the last value is computed, which nothing can observe. */
static bool place_results(fstate *fs, int from, int base, int res, int n)
{
    int len = (int)fs->code.len, w[64];
    if (n > 64 || fs->lasttarget > from)
        return false;
    for (int pc = from; pc < len; pc++)
        if (fs->code.p[pc].op != VM_OP_MOVE &&
            fs->code.p[pc].op != VM_OP_LOADK &&
            !vm_op_checked(fs->code.p[pc].op))
            return false;
    for (int i = 0; i < n; i++) {
        w[i] = -1;
        for (int pc = from; pc < len; pc++)
            if (fs->code.p[pc].a == base + i)
                w[i] = pc;
        if (w[i] < 0)
            return false;
        for (int pc = w[i] + 1; pc < len; pc++)
            if (ins_reads(&fs->code.p[pc], base + i) ||
                ins_reads(&fs->code.p[pc], res + i))
                return false;
    }
    for (int i = 0; i < n; i++)
        fs->code.p[w[i]].a = (uint16_t)(res + i);
    return true;
}

static void creturn(fstate *fs, ast_node *n)
{
    ast_list res = n->u.ret.results;
    int nres = fs->nres;
    if (fs->rf) {
        crf_return(fs, n);
        return;
    }
    if (res.n) {
        int base = newreg(fs, nres), from = (int)fs->code.len;
        bool boxed = false;
        uint32_t types[64];
        if (nres > 64 || (res.n != (size_t)nres && res.n != 1)) {
            cerr(fs->C, n, "too %s return values",
                 (int)res.n > nres ? "many" : "few");
            return;
        }
        if (!nres) {
            cerr(fs->C, n, "too many return values");
            return;
        }
        cvalues(fs, res, nres, base, fs->restypes, types);
        for (int i = 0; i < nres; i++)
            if (fs->active.len > (size_t)(fs->nparams + i) &&
                fs->active.p[fs->nparams + i] &&
                fs->active.p[fs->nparams + i]->boxed)
                boxed = true;
        if (nres > 1 && !boxed &&
            place_results(fs, from, base, fs->nparams, nres))
            nres = 0;
        for (int i = 0; i < nres; i++) {
            res_sym *s = fs->active.len > (size_t)(fs->nparams + i)
                             ? fs->active.p[fs->nparams + i]
                             : NULL;
            if (s && s->boxed)
                emit(fs, VM_OP_SETCELL, 0, fs->nparams + i, base + i, 0);
            else if (nres > 1 ||
                     !retarget_last(fs, base + i, fs->nparams + i))
                emit(fs, VM_OP_MOVE, 0, fs->nparams + i, base + i, 0);
        }
    } else if (nres && !fs->named_results) {
        cerr(fs->C, n, "not enough return values");
        return;
    }
    fs_at(fs, n);
    emit(fs, VM_OP_RET, 0, 0, 0, 0);
}

void cstmt(fstate *fs, ast_node *n)
{
    const char *label = fs->pending_label;
    fs->pending_label = NULL;
    if (!n || fs->C->failed)
        return;
    fs_at(fs, n);
    switch (n->kind) {
    case AST_DECL_STMT:
        cdecl_stmt(fs, n->u.decl_stmt.decl);
        return;
    case AST_EMPTY_STMT:
        return;
    case AST_LABELED_STMT: {
        clabel *l = find_label(fs, n->u.labeled.label->u.ident.name);
        l->pc = here_target(fs);
        for (size_t i = 0; i < l->uses.len; i++)
            patch_to(fs, l->uses.p[i], l->pc);
        l->uses.len = 0;
        fs->pending_label = l->name;
        cstmt(fs, n->u.labeled.stmt);
        fs->pending_label = NULL;
        return;
    }
    case AST_EXPR_STMT: {
        ast_node *x = strip(n->u.expr_stmt.x);
        ex e;
        if (x->kind == AST_CALL) {
            ccall(fs, x, 0, &e);
            return;
        }
        if (x->kind == AST_UNARY && x->u.unary.op == TK_ARROW) {
            int ch = cexpr_any(fs, x->u.unary.x, 0, NULL);
            int r = newreg(fs, 1);
            emit(fs, VM_OP_RECV, 0, r, ch, 0);
            return;
        }
        cerr(fs->C, n, "expression is evaluated but not used");
        return;
    }
    case AST_SEND_STMT: {
        uint32_t ct = 0;
        int ch = cexpr_any(fs, n->u.send.ch, 0, &ct);
        uint32_t et = VM_KIND(ct) == K_CHAN ? prog_type(fs->C->prog, ct)->elem
                                            : WANT_SOFT;
        int v = cexpr_rk(fs, n->u.send.value, et, NULL);
        fs_at(fs, n);
        if ((unsigned)v < RK_CONST) {
            int c = newreg(fs, 1);
            emit(fs, VM_OP_COPY, 0, c, v, 0);
            v = c;
        }
        emit(fs, VM_OP_SEND, 0, ch, v, 0);
        return;
    }
    case AST_INCDEC_STMT:
        copassign(fs, n->u.incdec.x, n->u.incdec.op == TK_INC ? TK_ADD : TK_SUB,
                  NULL);
        return;
    case AST_ASSIGN_STMT:
        cassign(fs, n);
        return;
    case AST_GO_STMT:
        cgo_defer(fs, n->u.go_defer.call, VM_OP_GO);
        return;
    case AST_DEFER_STMT:
        cgo_defer(fs, n->u.go_defer.call, VM_OP_DEFER);
        return;
    case AST_RETURN_STMT:
        creturn(fs, n);
        return;
    case AST_BRANCH_STMT:
        cbranch(fs, n);
        return;
    case AST_BLOCK_STMT:
        cblock_stmts(fs, n->u.block.stmts);
        return;
    case AST_IF_STMT:
        cif(fs, n);
        return;
    case AST_FOR_STMT:
        cfor(fs, n, label);
        return;
    case AST_RANGE_STMT:
        crange(fs, n, label);
        return;
    case AST_SWITCH_STMT:
        cswitch(fs, n, label);
        return;
    case AST_TYPE_SWITCH_STMT:
        ctypeswitch(fs, n, label);
        return;
    case AST_SELECT_STMT:
        cselect(fs, n, label);
        return;
    default:
        cerr(fs->C, n, "unsupported statement %s", ast_kind_str(n->kind));
        return;
    }
}

/* compile_rangefunc.c: range over a function (Go 1.23 iterators), as gc
 * rewrites it (cmd/compile/internal/rangefunc):
 *
 *     for k, v := range f { body }
 *
 * becomes a call of f with the body as its yield function:
 *
 *     #next := 0
 *     f(func(k K, v V) bool {
 *         if #next != 0 { panic(runtime error) }
 *         body        // break: #next = -1, return false
 *                     // continue: return true
 *                     // return x: #r = x; #next = -2, return false
 *                     // break/continue to an outer loop: #next = i > 0
 *         return true
 *     })
 *     code := #next; #next = -3 (the loop is over)
 *     dispatch on code: return, or the outer branch i
 *
 * #next and #r are cells (hidden variables) of the function holding the
 * loop and of the function whose return a return statement performs;
 * the body reaches them as captured variables. The resolver made the
 * body's locals the body function's and the outer locals it uses
 * captured (res_rangefunc). A defer in the body is the enclosing
 * function's: DEFER with CALL_OUTER defers onto the frame a token names
 * (FRAMEID, taken by the function holding the outermost loop). */
#include "sim/lang/compile_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NEXT_READY = 0, NEXT_BREAK = -1, NEXT_RETURN = -2, NEXT_DONE = -3,
       NEXT_BARE = -4 };

typedef struct crf_exit {
    lex_kind tok;
    const char *label;
} crf_exit;

typedef struct crf {
    fstate *outer;     /* the function holding the loop */
    fstate *real;      /* the function a return in the body returns from */
    const char *label; /* the loop's label, or NULL */
    res_sym *next;     /* #next, a cell of outer */
    res_sym *res;      /* #r (real->nres of them), cells of real */
    res_sym *frame;    /* the frame token of real (for defer) */
    bool has_return, has_bare;
    VEC(crf_exit) exits; /* branches out of the body: code 1 + index */
} crf;

static int kint(fstate *fs, int64_t v)
{
    return (int)(RK_CONST | (unsigned)kindex(fs, vm_int(T_INT, v)));
}

/* A hidden variable of fs, a cell in a new register holding RK v. */
static void hidden_cell(fstate *fs, res_sym *s, res_func *own,
                        const char *name, int v, uint32_t zero_type)
{
    int r = newreg(fs, 1);
    memset(s, 0, sizeof *s);
    s->kind = RS_LOCAL;
    s->name = name;
    s->fn = own;
    s->captured = true;
    s->boxed = true;
    s->reg = r;
    if (zero_type)
        emit(fs, VM_OP_ZERO, 0, r, ktype(fs, zero_type), 0);
    else
        emit(fs, VM_OP_LOADK, 0, r, v & ~(int)RK_CONST, 0);
    emit(fs, VM_OP_NEWCELL, 0, r, r, 0);
    fs->nactive = fs->freereg;
}

static void set_int(fstate *fs, res_sym *s, int64_t v)
{
    int t = newreg(fs, 1);
    emit(fs, VM_OP_LOADK, 0, t, kint(fs, v) & ~(int)RK_CONST, 0);
    clocal_set(fs, s, t);
}

/* return b from a body function */
static void yield_return(fstate *fs, bool b)
{
    emit(fs, VM_OP_LOADK, 0, fs->nparams,
         kindex(fs, vm_bool(b)), 0);
    emit(fs, VM_OP_RET, 0, 0, 0, 0);
}

/* if R[r] != v, jump (returned, to patch) */
static int jump_unless(fstate *fs, int r, int64_t v)
{
    int c = newreg(fs, 1);
    emit(fs, VM_OP_EQ, 0, c, r, kint(fs, v));
    return emit_jmp(fs, VM_OP_JF, c);
}

static void rt_panic(fstate *fs, const char *msg)
{
    int t = newreg(fs, 1);
    emit(fs, VM_OP_LOADK, 0, t, kstr(fs, msg), 0);
    emit(fs, VM_OP_PANIC, 1, t, 0, 0);
}

void crf_return(fstate *fs, ast_node *n)
{
    crf *rf = fs->rf;
    fstate *real = rf->real;
    ast_list res = n->u.ret.results;
    fs_at(fs, n);
    if (res.n) {
        int base = newreg(fs, real->nres);
        uint32_t types[64];
        if (real->nres > 64 ||
            (res.n != (size_t)real->nres && res.n != 1) || !real->nres) {
            cerr(fs->C, n, "too %s return values",
                 (int)res.n > real->nres ? "many" : "few");
            return;
        }
        cvalues(fs, res, real->nres, base, real->restypes, types);
        for (int i = 0; i < real->nres; i++)
            clocal_set(fs, &rf->res[i], base + i);
        set_int(fs, rf->next, NEXT_RETURN);
        for (crf *c = rf; c; c = c->outer->rf)
            c->has_return = true;
    } else {
        if (real->nres && !real->named_results) {
            cerr(fs->C, n, "not enough return values");
            return;
        }
        set_int(fs, rf->next, NEXT_BARE);
        for (crf *c = rf; c; c = c->outer->rf)
            c->has_bare = true;
    }
    fs_at(fs, n);
    yield_return(fs, false);
}

bool crf_branch(fstate *fs, ast_node *n, lex_kind tok, const char *label)
{
    crf *rf = fs->rf;
    crf_exit e;
    fs_at(fs, n);
    if (!label || (rf->label && !strcmp(rf->label, label))) {
        if (tok == TK_CONTINUE) {
            yield_return(fs, true);
        } else {
            set_int(fs, rf->next, NEXT_BREAK);
            yield_return(fs, false);
        }
        return true;
    }
    /* a loop around this one: the function holding the loop takes the
     * branch when the call of the iterator returns */
    {
        fstate *o = rf->outer;
        cblock *b;
        for (b = o->blk; b; b = b->up)
            if (b->label && !strcmp(b->label, label) &&
                (tok == TK_BREAK || b->is_loop))
                break;
        if (!b && !o->rf)
            return false;
    }
    e.tok = tok;
    e.label = label;
    VEC_PUSH(rf->exits, e);
    set_int(fs, rf->next, (int64_t)rf->exits.len);
    yield_return(fs, false);
    return true;
}

int crf_frame(fstate *fs)
{
    return clocal_get(fs, fs->rf->frame, -1);
}

/* The yield function: the body of loop n. */
static vm_proto *body_fn(fstate *fs, ast_node *n, crf *rf, uint32_t yt)
{
    compiler *C = fs->C;
    const vm_type *y = prog_type(C->prog, yt);
    ast_node *vars[2] = {n->u.range.key, n->u.range.value};
    bool define = n->u.range.tok == TK_DEFINE;
    char name[400], tname[400];
    fstate b;
    vm_proto *pr;
    int r, jok, jdone;
    fs->nranges++;
    snprintf(name, sizeof name, "%s-range%d", fs->name, fs->nranges);
    snprintf(tname, sizeof tname, "%s-range%d", fs->tname, fs->nranges);
    pr = cnew_proto(C, name, tname, cdecl_file(C, fs->pkg, n),
                    !fs->pkg->library);
    if (!pr)
        return NULL;
    fs_init(&b, C, fs, fs->pkg, n, pr->name, pr->tname);
    b.proto = pr;
    b.rf = rf;
    pr->line = n->line;
    for (uint32_t i = 0; i < y->nparams; i++) {
        res_sym *s = define && i < 2 && vars[i] && !is_blank(vars[i])
                         ? csym(&b, vars[i])
                         : NULL;
        r = newreg(&b, 1);
        b.nactive = b.freereg;
        VEC_PUSH(b.active, s);
        if (s) {
            s->reg = r;
            s->type = y->params[i];
            s->boxed = false;
        }
    }
    b.nparams = (int)y->nparams;
    b.restypes = wf_xmalloc(sizeof *b.restypes);
    b.restypes[0] = T_BOOL;
    b.nres = 1;
    newreg(&b, 1);
    b.nactive = b.freereg;
    VEC_PUSH(b.active, NULL);
    emit(&b, VM_OP_ZERO, 0, b.nparams, ktype(&b, T_BOOL), 0);
    for (int i = 0; i < b.nparams; i++) {
        res_sym *s = b.active.p[i];
        if (s && (s->captured || s->addr_taken ||
                  (s->method_recv && !VM_KIND(s->type)))) {
            s->boxed = true;
            emit(&b, VM_OP_NEWCELL, 1, s->reg, s->reg, kstr(&b, s->name));
        }
    }
    pr->type = yt;
    b.functype = yt;
    pr->variadic = false;
    pr->ptypes = arena_alloc(&C->prog->mem, (size_t)b.nparams * 4 + 4);
    if (b.nparams)
        memcpy((void *)pr->ptypes, y->params, (size_t)b.nparams * 4);
    /* called again after it returned false, or after the loop */
    b.freereg = b.nactive;
    r = clocal_get(&b, rf->next, -1);
    {
        int c = newreg(&b, 1);
        emit(&b, VM_OP_EQ, 0, c, r, kint(&b, NEXT_READY));
        jok = emit_jmp(&b, VM_OP_JT, c);
    }
    jdone = jump_unless(&b, r, NEXT_DONE);
    rt_panic(&b, "runtime error: range function continued iteration "
                 "after whole loop exit");
    patch_here(&b, jdone);
    rt_panic(&b, "runtime error: range function continued iteration "
                 "after function for loop body returned false");
    patch_here(&b, jok);
    b.freereg = b.nactive;
    if (!define) {
        /* for k, v = range f: assigned, as a plain range assigns */
        lval lv[2];
        bool has[2];
        for (int i = 0; i < 2; i++) {
            has[i] = (uint32_t)i < y->nparams && vars[i] && !is_blank(vars[i]);
            if (has[i])
                lv[i] = clval(&b, vars[i]);
        }
        if (has[0] && has[1] && lv[0].kind == LV_LOCAL)
            clval_pin(&b, &lv[1]);
        for (int i = 0; i < 2; i++)
            if (has[i])
                cstore(&b, &lv[i], i);
        b.freereg = b.nactive;
    }
    cblock_stmts(&b, n->u.range.body->u.block.stmts);
    for (size_t i = 0; i < b.labels.len && !C->failed; i++)
        if (b.labels.p[i].pc < 0 && b.labels.p[i].uses.len)
            cerr(C, n, "label %s not defined", b.labels.p[i].name);
    b.line = n->u.range.body->u.block.rbrace_line;
    b.col = n->u.range.body->u.block.rbrace_col;
    yield_return(&b, true);
    pr->ret_pc = (uint32_t)b.code.len - 1;
    fs_finish(&b, pr);
    fs_fini(&b);
    return pr;
}

void crange_func(fstate *fs, ast_node *n, const char *label, int it,
                 uint32_t xt)
{
    compiler *C = fs->C;
    const vm_type *u = prog_type(C->prog, type_under(C->prog, xt));
    res_func own;
    res_sym next, frame, *res = NULL;
    crf rf;
    vm_proto *pr;
    int base, code;
    memset(&own, 0, sizeof own);
    memset(&rf, 0, sizeof rf);
    own.node = fs->node;
    fs->nactive = fs->freereg;
    rf.outer = fs;
    rf.label = label;
    fs_at(fs, n);
    hidden_cell(fs, &next, &own, "#next", kint(fs, NEXT_READY), 0);
    rf.next = &next;
    if (fs->rf) {
        rf.real = fs->rf->real;
        rf.res = fs->rf->res;
        rf.frame = fs->rf->frame;
    } else {
        rf.real = fs;
        if (fs->nres) {
            res = wf_xcalloc((size_t)fs->nres, sizeof *res);
            for (int i = 0; i < fs->nres; i++)
                hidden_cell(fs, &res[i], &own, "#r", 0, fs->restypes[i]);
        }
        rf.res = res;
        hidden_cell(fs, &frame, &own, "#frame", kint(fs, 0), 0);
        {
            int t = newreg(fs, 1);
            emit(fs, VM_OP_FRAMEID, 0, t, 0, 0);
            clocal_set(fs, &frame, t);
            fs->freereg = fs->nactive;
        }
        rf.frame = &frame;
    }
    pr = body_fn(fs, n, &rf, u->params[0]);
    if (!pr || C->failed)
        goto out;
    VEC_PUSH(fs->kids, pr);
    fs_at(fs, n);
    base = newreg(fs, 2);
    emit(fs, VM_OP_MOVE, 0, base, it, 0);
    emit(fs, VM_OP_CLOSURE, 0, base + 1, (int)fs->kids.len - 1, 0);
    emit(fs, VM_OP_CALL, 0, base, 1, 0);
    code = clocal_get(fs, &next, -1);
    set_int(fs, &next, NEXT_DONE);
    fs->nactive = fs->freereg;
    if (rf.has_return || rf.has_bare) {
        for (int bare = 0; bare < 2; bare++) {
            int j;
            if (!(bare ? rf.has_bare : rf.has_return))
                continue;
            j = jump_unless(fs, code, bare ? NEXT_BARE : NEXT_RETURN);
            if (fs->rf) {
                set_int(fs, fs->rf->next, bare ? NEXT_BARE : NEXT_RETURN);
                yield_return(fs, false);
            } else {
                for (int i = 0; i < fs->nres && !bare; i++) {
                    res_sym *s = fs->active.len > (size_t)(fs->nparams + i)
                                     ? fs->active.p[fs->nparams + i]
                                     : NULL;
                    int t = clocal_get(fs, &res[i], -1);
                    if (s && s->boxed)
                        emit(fs, VM_OP_SETCELL, 0, fs->nparams + i, t, 0);
                    else
                        emit(fs, VM_OP_MOVE, 0, fs->nparams + i, t, 0);
                }
                emit(fs, VM_OP_RET, 0, 0, 0, 0);
            }
            patch_here(fs, j);
        }
    }
    for (size_t i = 0; i < rf.exits.len; i++) {
        ast_node br, id;
        int j = jump_unless(fs, code, (int64_t)i + 1);
        memset(&br, 0, sizeof br);
        memset(&id, 0, sizeof id);
        br.kind = AST_BRANCH_STMT;
        br.line = n->line;
        br.col = n->col;
        br.file = n->file;
        br.u.branch.tok = rf.exits.p[i].tok;
        id.kind = AST_IDENT;
        id.u.ident.name = rf.exits.p[i].label;
        br.u.branch.label = &id;
        cstmt(fs, &br);
        patch_here(fs, j);
    }
out:
    VEC_FREE(rf.exits);
    free(res);
}

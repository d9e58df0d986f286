/* compile_generic.c: generic code, compiled once per instantiation
 * (monomorphization): the checker typed a generic body with its type
 * parameters; an instance is compiled with every static type substituted
 * (csubst), so the VM never meets a type parameter. Instances of generic
 * functions are made on first reference (a call's callee or F[A], whose
 * type arguments the checker recorded); the methods of every instance of
 * a generic type get protos in the instance's method table, where the VM
 * looks methods up by name. Compiling an instance may reference new ones
 * (F[T] calling G[[]T]): cinst_run works until none is pending.
 * Owns: the compiler's instance list (compiler.insts), freed by
 * cinst_free; protos and type arguments live in program memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"

uint32_t csubst(fstate *fs, uint32_t t)
{
    if (!t || !fs || !fs->ntps || !prog_type(fs->C->prog, t)->generic)
        return t;
    return check_subst(fs->C->K, t, fs->tps, fs->targs, fs->ntps);
}

uint32_t cnode_type(fstate *fs, const ast_node *n)
{
    uint32_t t;
    if (!fs->C->K || !n)
        return 0;
    t = check_type_of(fs->C->K, n);
    return csubst(fs, t);
}

ast_node *carray_deref(fstate *fs, ast_node *x)
{
    ast_node *y = x;
    uint32_t t;
    while (y && y->kind == AST_PAREN)
        y = y->u.paren.x;
    if (!y || y->kind != AST_STAR)
        return x;
    t = cnode_type(fs, y->u.star.x);
    if (VM_KIND(t) != K_PTR ||
        VM_KIND(prog_type(fs->C->prog,
                          prog_type(fs->C->prog, t)->under)->elem) != K_ARRAY)
        return x;
    return y->u.star.x;
}

uint32_t csig(fstate *fs, ast_node *ftype, ast_node *recv)
{
    uint32_t sig = cnode_type(fs, ftype), rt;
    const vm_type *f;
    uint32_t *all, r;
    if (!sig || !recv)
        return sig;
    rt = cnode_type(fs, recv->u.field.type);
    f = prog_type(fs->C->prog, sig);
    all = wf_xmalloc((f->nparams + f->nresults + 1) * sizeof *all);
    all[0] = rt;
    if (f->params) /* NULL without parameters or results */
        memcpy(all + 1, f->params, (f->nparams + f->nresults) * sizeof *all);
    r = type_func(fs->C->prog, all, f->nparams + 1, all + 1 + f->nparams,
                  f->nresults, f->variadic);
    free(all);
    return r;
}

/* The generic type a method declaration's receiver names, or 0. */
static uint32_t recv_generic(compiler *C, ast_node *decl)
{
    ast_node *rt;
    if (decl->kind != AST_FUNC_DECL || !decl->u.func_decl.recv)
        return 0;
    rt = decl->u.func_decl.recv->u.field.type;
    while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
        rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
    if (rt->kind != AST_INDEX)
        return 0;
    {
        uint32_t t = check_type_of(C->K, rt);
        const vm_type *ty = t ? prog_type(C->prog, t) : NULL;
        return ty && ty->origin == t ? t : 0;
    }
}

bool cdecl_is_generic(compiler *C, ast_node *decl)
{
    if (decl->kind != AST_FUNC_DECL)
        return false;
    return decl->u.func_decl.type->u.func_type.tparams.n ||
           recv_generic(C, decl);
}

/* The registered instance of decl for targs, or NULL. */
static cinst *find(compiler *C, ast_node *decl, const uint32_t *targs,
                   uint32_t n)
{
    for (size_t i = 0; i < C->insts.len; i++) {
        cinst *x = &C->insts.p[i];
        if (x->decl == decl && x->ntargs == n &&
            !memcmp(x->targs, targs, n * sizeof *targs))
            return x;
    }
    return NULL;
}

static cinst *add(compiler *C, ast_node *decl, res_pkg *pkg,
                  const uint32_t *tps, const uint32_t *targs, uint32_t n,
                  vm_proto *proto)
{
    cinst x;
    memset(&x, 0, sizeof x);
    x.decl = decl;
    x.pkg = pkg;
    x.tps = tps;
    x.targs = arena_alloc(&C->prog->mem, (n ? n : 1) * sizeof *targs);
    memcpy(x.targs, targs, n * sizeof *targs);
    x.ntargs = n;
    x.proto = proto;
    VEC_PUSH(C->insts, x);
    return &C->insts.p[C->insts.len - 1];
}

/* "[int,string]" as Go prints instances (reflect's spelling). */
static void targs_str(compiler *C, buf *b, const uint32_t *targs, uint32_t n)
{
    buf_putc(b, '[');
    for (uint32_t i = 0; i < n; i++)
        buf_printf(b, "%s%s", i ? "," : "",
                   prog_type(C->prog, targs[i])->name);
    buf_putc(b, ']');
}

vm_proto *cfunc_instance(fstate *fs, res_sym *fn, const ast_node *at)
{
    compiler *C = fs->C;
    const uint32_t *tps, *raw;
    uint32_t n = check_func_tparams(C->K, fn, &tps), m;
    uint32_t targs[16];
    cinst *x;
    if (!n)
        return NULL;
    m = check_targs(C->K, at, &raw);
    if (m != n || n > 16) {
        cerr(C, at, "cannot use generic function %s without instantiation",
             fn->name);
        return NULL;
    }
    for (uint32_t i = 0; i < n; i++)
        targs[i] = csubst(fs, raw[i]);
    x = find(C, fn->spec, targs, n);
    if (!x && C->inst_now && C->inst_now->depth >= CINST_DEPTH) {
        cerr(C, at,
             "instantiation cycle: %s instantiated %d levels deep (its type "
             "arguments grow at each level)",
             fn->name, CINST_DEPTH);
        return NULL;
    }
    if (!x) {
        buf name, tname;
        vm_proto *pr;
        fstate tmp;
        buf_init(&name);
        buf_init(&tname);
        buf_printf(&name, "%s.%s", fn->pkg->name, fn->name);
        targs_str(C, &name, targs, n);
        buf_printf(&tname, "%s", fn->name);
        targs_str(C, &tname, targs, n);
        pr = cnew_proto(C, name.p, tname.p, cdecl_file(C, fn->pkg, fn->spec),
                        !fn->pkg->library);
        buf_fini(&name);
        buf_fini(&tname);
        x = add(C, fn->spec, fn->pkg, tps, targs, n, pr);
        x->depth = C->inst_now ? C->inst_now->depth + 1 : 0;
        memset(&tmp, 0, sizeof tmp);
        tmp.C = C;
        tmp.pkg = fn->pkg;
        tmp.tps = tps;
        tmp.targs = x->targs;
        tmp.ntps = n;
        pr->type = csig(&tmp, fn->spec->u.func_decl.type, NULL);
    }
    return x->proto;
}

void cinst_methods(compiler *C)
{
    for (; C->inst_types_seen < check_ninstances(C->K);
         C->inst_types_seen++) {
        uint32_t t = check_instance(C->K, C->inst_types_seen);
        vm_type it = *prog_type(C->prog, t);
        const vm_type *og;
        res_sym *s = NULL;
        if (it.generic || !it.nmethods)
            continue; /* G[T] inside generic code: never a run-time type */
        og = prog_type(C->prog, it.origin);
        /* the origin's declaration: its methods in table order */
        for (size_t pi = 0; pi < res_npkgs(C->R) && !s; pi++) {
            res_pkg *pk = res_pkg_at(C->R, pi);
            for (size_t d = 0; d < pk->decls.len; d++)
                if (pk->decls.p[d]->kind == RS_TYPE &&
                    pk->decls.p[d]->type == it.origin) {
                    s = pk->decls.p[d];
                    break;
                }
        }
        if (!s || s->methods.len != it.nmethods)
            continue;
        for (uint32_t i = 0; i < it.nmethods; i++) {
            ast_node *d = s->methods.p[i];
            bool ptr = it.methods[i].ptr_recv;
            const char *mname = C->prog->names.p[it.methods[i].name];
            buf name;
            vm_proto *pr;
            fstate tmp;
            cinst *x;
            buf_init(&name);
            buf_printf(&name, ptr ? "%s.(*%s).%s" : "%s.%s.%s", s->pkg->name,
                       strchr(it.name, '.') ? strchr(it.name, '.') + 1
                                            : it.name,
                       mname);
            pr = cnew_proto(C, name.p, mname, cdecl_file(C, s->pkg, d),
                            !s->pkg->library);
            buf_fini(&name);
            /* csig below may make types: the table may have moved */
            og = prog_type(C->prog, it.origin);
            x = add(C, d, s->pkg, og->targs, it.targs, it.ntargs, pr);
            memset(&tmp, 0, sizeof tmp);
            tmp.C = C;
            tmp.pkg = s->pkg;
            tmp.tps = x->tps;
            tmp.targs = x->targs;
            tmp.ntps = x->ntargs;
            pr->type = csig(&tmp, d->u.func_decl.type, d->u.func_decl.recv);
            C->prog->types.p[VM_TIDX(t)].methods[i].fn = pr;
        }
    }
}

void cinst_run(compiler *C)
{
    bool more = true;
    while (more && !C->failed) {
        more = false;
        cinst_methods(C);
        for (size_t i = 0; i < C->insts.len && !C->failed; i++) {
            cinst x;
            const char *nm;
            if (C->insts.p[i].done)
                continue;
            C->insts.p[i].done = true;
            x = C->insts.p[i]; /* the list may grow while compiling */
            more = true;
            nm = x.decl->u.func_decl.name->u.ident.name;
            C->inst_now = &x;
            cfunction(C, NULL, x.pkg, x.decl, x.decl->u.func_decl.recv,
                      x.decl->u.func_decl.type, x.decl->u.func_decl.body, nm,
                      nm);
            C->inst_now = NULL;
        }
    }
}

void cinst_free(compiler *C)
{
    VEC_FREE(C->insts);
    VEC_FREE(C->wraps);
}

vm_proto *cmethod_expr_fn(fstate *outer, uint32_t recv, uint32_t name,
                          uint32_t sig)
{
    compiler *C = outer->C;
    const vm_type *ft;
    uint32_t np, nr;
    fstate fs;
    vm_proto *pr;
    buf nm;
    int base, sel;
    for (size_t i = 0; i < C->wraps.len; i++)
        if (C->wraps.p[i].recv == recv && C->wraps.p[i].name == name)
            return C->wraps.p[i].proto;
    ft = prog_type(C->prog, sig);
    np = ft->nparams;
    nr = ft->nresults;
    buf_init(&nm);
    buf_printf(&nm, "%s.%s", prog_type(C->prog, recv)->name,
               C->prog->names.p[name]);
    pr = cnew_proto(C, nm.p, C->prog->names.p[name],
                    outer->proto ? outer->proto->file : "<weft>", false);
    buf_fini(&nm);
    pr->type = sig;
    pr->variadic = ft->variadic;
    fs_init(&fs, C, NULL, outer->pkg, NULL, pr->name, pr->tname);
    fs.proto = pr;
    fs.line = outer->line;
    /* parameters, then results, then r.m(args...) */
    fs.nparams = (int)np;
    fs.nres = (int)nr;
    fs.nactive = fs.freereg = fs.maxreg = (int)(np + nr);
    for (uint32_t i = 0; i < nr; i++)
        emit(&fs, VM_OP_ZERO, 0, (int)(np + i),
             ktype(&fs, ft->params[np + i]), 0);
    base = newreg(&fs, (int)np + 1);
    for (uint32_t i = 0; i < np; i++)
        emit(&fs, VM_OP_MOVE, 0, base + 1 + (int)i, (int)i, 0);
    sel = selindex(&fs, C->prog->names.p[name]);
    emit(&fs, VM_OP_CALLM, ft->variadic ? CALL_SPREAD : 0, base, (int)np,
         (int)nr);
    emit(&fs, VM_OP_EXTRA, 0, sel, 0, 0);
    for (uint32_t i = 0; i < nr; i++)
        emit(&fs, VM_OP_MOVE, 0, (int)(np + i), base + (int)i, 0);
    pr->ret_pc = (uint32_t)emit(&fs, VM_OP_RET, 0, 0, 0, 0);
    fs_finish(&fs, pr);
    fs_fini(&fs);
    pr->ptypes = arena_alloc(&C->prog->mem, (np + 1) * sizeof(uint32_t));
    memcpy((void *)pr->ptypes, ft->params, np * sizeof(uint32_t));
    {
        cwrap w;
        w.recv = recv;
        w.name = name;
        w.proto = pr;
        VEC_PUSH(C->wraps, w);
    }
    return pr;
}

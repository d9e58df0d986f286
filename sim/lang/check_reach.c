/* check_reach.c: the library's function bodies are checked, and then
 * compiled, only when the program can reach them, as a linker's dead-code
 * elimination keeps only what it can reach. Every package-level
 * declaration is still checked (types, signatures, method sets, variable
 * initializers), and so is every body of the user's packages; a library
 * function or method body waits until code being checked may call it:
 * an identifier denoting the function (a call, a func value, go, defer),
 * a method selected on a concrete type (call, method value or
 * expression), or, for a method, its name selected on an interface or a
 * value of dynamic type (any method of that name, of a type the program
 * makes, may then run: no value of a type never made can exist). The
 * library's init functions, its hidden entry points (__main, called by
 * the compiler) and its generic code are checked with their packages;
 * the methods fmt's natives call by name (Error, String, GoString)
 * count as reached. A library type is made (and its method set checked) when
 * first used, a function's signature when first referred to: what is
 * never used stays unchecked and gets no code (the compiler makes
 * nothing for a type never made, nor for a function never reached).
 * A program importing reflect, which can call any method, gets every
 * body checked.
 *
 * The library is trusted Go: a body never checked holds no error the
 * user's program could be blamed for, so what is reported is unchanged;
 * the compiler compiles the bodies checked (check_body_reached). */
#include <string.h>

#include "sim/lang/check_int.h"

/* Is d generic (type parameters, or a receiver T[P])? */
static bool decl_generic(const ast_node *d)
{
    const ast_node *rt;
    if (d->u.func_decl.type->u.func_type.tparams.n)
        return true;
    if (!d->u.func_decl.recv)
        return false;
    rt = d->u.func_decl.recv->u.field.type;
    while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
        rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
    return rt->kind == AST_INDEX;
}

static bool can_wait(const res_pkg *p, const ast_node *d)
{
    const char *nm;
    if (!p->library || d->kind != AST_FUNC_DECL || !d->u.func_decl.body ||
        decl_generic(d))
        return false;
    nm = d->u.func_decl.name->u.ident.name;
    if (!d->u.func_decl.recv && !strcmp(nm, "init"))
        return false;
    return strncmp(nm, "__", 2) != 0;
}

/* Was the receiver type recv made (or is it no library type of its
 * own)? */
static bool type_made(const res_sym *recv)
{
    return !recv || recv->kind != RS_TYPE || recv->state == 2;
}

static void reach(checker *k, uint32_t i)
{
    if (k->lazies.p[i].reached)
        return;
    k->lazies.p[i].reached = true;
    VEC_PUSH(k->reach_todo, i);
}

void ck_reach_init(checker *k)
{
    static const char *const dynamic[] = {"Error", "String", "GoString"};
    k->lazy = true;
    for (size_t i = 0; i < res_npkgs(k->R); i++)
        if (!strcmp(res_pkg_at(k->R, i)->path, "reflect"))
            k->lazy = false;
    if (!k->lazy)
        return;
    for (size_t i = 0; i < res_npkgs(k->R); i++) {
        res_pkg *p = res_pkg_at(k->R, i);
        for (size_t j = 0; j < p->file->decls.n; j++) {
            ast_node *d = p->file->decls.v[j];
            ck_lazy e;
            if (!can_wait(p, d))
                continue;
            memset(&e, 0, sizeof e);
            e.decl = d;
            e.pkg = p;
            if (d->u.func_decl.recv) {
                uint32_t nm = ck_name(k, d->u.func_decl.name->u.ident.name);
                const ast_node *rt = d->u.func_decl.recv->u.field.type;
                while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
                    rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
                e.recv = res_lookup(k->R, p, rt);
                while (k->name_methods.len <= nm)
                    VEC_PUSH(k->name_methods, 0);
                e.next = k->name_methods.p[nm];
                k->name_methods.p[nm] = (uint32_t)k->lazies.len + 1;
            }
            VEC_PUSH(k->lazies, e);
            ck_info_put(k, d)->lazy = (uint32_t)k->lazies.len;
        }
    }
    for (size_t i = 0; i < sizeof dynamic / sizeof dynamic[0]; i++)
        ck_reach_name(k, ck_name(k, dynamic[i]));
}

bool ck_reach_waits(checker *k, const ast_node *d)
{
    const ck_info *x = k->lazy ? ck_info_get(k, d) : NULL;
    return x && x->lazy;
}

void ck_reach_decl(checker *k, const ast_node *d)
{
    const ck_info *x = k->lazy && d ? ck_info_get(k, d) : NULL;
    if (x && x->lazy)
        reach(k, x->lazy - 1);
}

void ck_reach_func(checker *k, const res_sym *s)
{
    if (k->lazy && s->pkg && s->pkg->library)
        ck_reach_decl(k, s->spec);
}

void ck_reach_name(checker *k, uint32_t name)
{
    if (!k->lazy)
        return;
    while (k->name_reached.len <= name)
        VEC_PUSH(k->name_reached, 0);
    if (k->name_reached.p[name])
        return;
    k->name_reached.p[name] = 1;
    /* the methods of the types made; a type made later gets its own
     * (ck_reach_type_made): no value of a type never made can exist */
    for (uint32_t i = name < k->name_methods.len ? k->name_methods.p[name] : 0;
         i; i = k->lazies.p[i - 1].next)
        if (type_made(k->lazies.p[i - 1].recv))
            reach(k, i - 1);
}

void ck_reach_type_made(checker *k, const res_sym *s)
{
    if (!k->lazy)
        return;
    for (size_t i = 0; i < s->methods.len; i++) {
        const ck_info *x = ck_info_get(k, s->methods.p[i]);
        uint32_t nm;
        if (!x || !x->lazy)
            continue;
        nm = ck_name(k, s->methods.p[i]->u.func_decl.name->u.ident.name);
        if (nm < k->name_reached.len && k->name_reached.p[nm])
            reach(k, x->lazy - 1);
    }
}

bool ck_reach_type_waits(checker *k, const res_sym *s)
{
    return k->lazy && s->kind == RS_TYPE && s->pkg && s->pkg->library &&
           s->spec && !s->spec->u.type_spec.alias &&
           !s->spec->u.type_spec.tparams.n && s->state != 2;
}

/* The method sets of the library types made (their signatures, as the
 * compiler's method tables need them), until no new type is made. */
static void collect_made(checker *k)
{
    size_t before;
    do {
        before = k->prog->types.len;
        for (size_t i = 0; i < res_npkgs(k->R) && !k->failed; i++) {
            res_pkg *p = res_pkg_at(k->R, i);
            if (!p->library)
                continue;
            for (size_t j = 0; j < p->decls.len && !k->failed; j++) {
                res_sym *s = p->decls.p[j];
                if (s->kind == RS_TYPE && s->spec &&
                    !s->spec->u.type_spec.alias && s->state == 2)
                    ck_collect_methods(k, s->type);
            }
        }
    } while (k->prog->types.len != before && !k->failed);
}

void ck_reach_run(checker *k)
{
    size_t i = 0;
again:
    for (; i < k->reach_todo.len && !k->failed; i++) {
        const ck_lazy *e = &k->lazies.p[k->reach_todo.p[i]];
        ast_node *d = e->decl;
        uint32_t sig;
        k->pkg = e->pkg;
        k->fn = NULL;
        sig = ck_signature(k, d->u.func_decl.type, d->u.func_decl.recv);
        ck_func_body(k, d, d->u.func_decl.recv, sig, d->u.func_decl.body);
        ck_later_run(k);
        k->lib_bodies++;
    }
    if (k->lazy && !k->failed) {
        collect_made(k); /* may make types, and reach their methods */
        if (i < k->reach_todo.len)
            goto again;
    }
}

bool check_body_reached(const checker *k, const ast_node *decl)
{
    const ck_info *x = k->lazy ? ck_info_get(k, decl) : NULL;
    return !x || !x->lazy || k->lazies.p[x->lazy - 1].reached;
}

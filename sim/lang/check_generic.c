/* check_generic.c: generics for the checker (check_int.h), after types2's
 * typeparam.go, typeset.go, subst.go, instantiate.go, unify.go and
 * infer.go: type parameters and their constraints' type sets (terms with
 * ~, unions, comparable), core types, substitution, instantiation of
 * generic types (interned: one id per instance) and functions,
 * constraint satisfaction, and function argument type inference
 * (unification of parameter and argument types, inexact for defined
 * types, then constraint core types, then untyped constants' defaults).
 *
 * A type parameter is a vm type of kind K_TPARAM whose elem is its
 * constraint (an interface, possibly with a type set) and len its index.
 * A generic named type has origin == its id and targs its type
 * parameters; an instance has origin the generic type and targs its type
 * arguments. Code is compiled per instantiation (compile.c substitutes),
 * so no type parameter reaches the VM. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* ---- type parameters and constraints ----------------------------------- */

uint32_t ck_tparam_new(checker *k, const char *name, int index)
{
    uint32_t t = type_new(k->prog, K_TPARAM, name);
    vm_type *ty = &k->prog->types.p[VM_TIDX(t)];
    ty->len = index;
    ty->elem = T_ANY;
    ty->generic = true;
    ty->named = true; /* types2's hasName: a type parameter has one */
    return t;
}

const char *ck_declared_at(checker *k, uint32_t tp)
{
    /* the type parameter's declaration, as types2 cites it */
    for (size_t i = 0; i < k->tparam_decls.len; i++)
        if (k->tparam_decls.p[i].t == tp) {
            const ast_node *n = k->tparam_decls.p[i].ident;
            char b[600];
            snprintf(b, sizeof b, " (declared at %s:%d:%d)",
                     res_node_path(k->R, n, ""), n->line, n->col);
            return arena_strdup(&k->mem, b);
        }
    return "";
}

bool ck_is_tparam(uint32_t t)
{
    return t && VM_KIND(t) == K_TPARAM;
}

/* The constraint of type parameter t. */
static uint32_t bound_of(checker *k, uint32_t t)
{
    return prog_type(k->prog, t)->elem;
}

/* A term list being built: every type (all) or the terms. */
typedef struct tlist {
    bool all;
    VEC(uint32_t) terms;
    VEC(uint8_t) tilde;
} tlist;

static void tl_free(tlist *l)
{
    VEC_FREE(l->terms);
    VEC_FREE(l->tilde);
}

static void tl_add(tlist *l, uint32_t t, bool tilde)
{
    for (size_t i = 0; i < l->terms.len; i++)
        if (l->terms.p[i] == t && l->tilde.p[i] == tilde)
            return;
    VEC_PUSH(l->terms, t);
    VEC_PUSH(l->tilde, (uint8_t)tilde);
}

/* The type set of interface it as a term list. */
static void set_of(checker *k, uint32_t it, tlist *out)
{
    const vm_type *ty = prog_type(k->prog, ck_under(k, it));
    memset(out, 0, sizeof *out);
    if (!ty->has_terms) {
        out->all = true;
        return;
    }
    for (uint32_t i = 0; i < ty->nterms; i++)
        tl_add(out, ty->terms[i], ty->tilde[i]);
}

/* a ∩ b into out. */
static void intersect(checker *k, const tlist *a, const tlist *b, tlist *out)
{
    memset(out, 0, sizeof *out);
    if (a->all || b->all) {
        const tlist *s = a->all ? b : a;
        out->all = s->all;
        for (size_t i = 0; i < s->terms.len; i++)
            tl_add(out, s->terms.p[i], s->tilde.p[i]);
        return;
    }
    for (size_t i = 0; i < a->terms.len; i++)
        for (size_t j = 0; j < b->terms.len; j++) {
            uint32_t x = a->terms.p[i], y = b->terms.p[j];
            bool tx = a->tilde.p[i], ty = b->tilde.p[j];
            if (tx && ty) {
                if (ck_under(k, x) == ck_under(k, y))
                    tl_add(out, x, true);
            } else if (tx) {
                if (ck_under(k, y) == ck_under(k, x))
                    tl_add(out, y, false);
            } else if (ty) {
                if (ck_under(k, x) == ck_under(k, y))
                    tl_add(out, x, false);
            } else if (x == y) {
                tl_add(out, x, false);
            }
        }
}

/* The terms of a union expression (a | ~b | c) into out; false on error. */
static bool union_terms(checker *k, ast_node *n, tlist *out)
{
    if (n->kind == AST_BINARY && n->u.binary.op == TK_OR)
        return union_terms(k, n->u.binary.x, out) &&
               union_terms(k, n->u.binary.y, out);
    if (n->kind == AST_PAREN)
        return union_terms(k, n->u.paren.x, out);
    if (n->kind == AST_UNARY && n->u.unary.op == TK_TILDE) {
        uint32_t t = ck_typexpr(k, n->u.unary.x);
        if (!t)
            return false;
        if (ck_under(k, t) != t || ck_is_tparam(t)) {
            if (ck_is_tparam(t))
                ck_errorf(k, n, "type in term %s cannot be a type parameter",
                          ck_tstr(k, t));
            else
                ck_errorf(k, n, "invalid use of ~ (underlying type of %s is "
                                "%s)",
                          ck_tstr(k, t), ck_tstr(k, ck_under(k, t)));
            return false;
        }
        tl_add(out, t, true);
        return true;
    }
    {
        uint32_t t = ck_typexpr(k, n);
        if (!t)
            return false;
        if (ck_is_interface(k, t)) {
            const vm_type *ty = prog_type(k->prog, ck_under(k, t));
            if (ty->nimethods) {
                ck_errorf(k, n, "cannot use %s in union (%s contains methods)",
                          ck_tstr(k, t), ck_tstr(k, t));
                return false;
            }
            if (ty->comparable) {
                ck_errorf(k, n, "cannot use comparable in union");
                return false;
            }
            if (!ty->has_terms) {
                out->all = true;
                return true;
            }
            for (uint32_t i = 0; i < ty->nterms; i++)
                tl_add(out, ty->terms[i], ty->tilde[i]);
            return true;
        }
        tl_add(out, t, false);
        return true;
    }
}

/* Build an interface from methods (names, sigs) and the type set
 * elements the caller gathered. */
static uint32_t make_iface(checker *k, const uint32_t *names,
                           const uint32_t *sigs, uint32_t n, const tlist *set,
                           bool comparable)
{
    vm_type s;
    memset(&s, 0, sizeof s);
    s.has_terms = !set->all;
    s.comparable = comparable;
    s.nterms = (uint32_t)set->terms.len;
    s.terms = set->terms.p;
    s.tilde = set->tilde.p;
    if (set->all)
        s.nterms = 0;
    return type_iface_set(k->prog, names, sigs, n, &s);
}

uint32_t ck_iface_elements(checker *k, ast_node *n)
{
    VEC(uint32_t) names = {0}, sigs = {0};
    VEC(uint8_t) explicit = {0}; /* names.p[i] is declared here */
    tlist set;
    bool comparable = false;
    uint32_t t;
    memset(&set, 0, sizeof set);
    set.all = true;
    for (size_t i = 0; i < n->u.interface_type.methods.n && !k->failed; i++) {
        ast_node *m = n->u.interface_type.methods.v[i];
        ast_node *tn = m->u.field.type;
        tlist elem, tmp;
        if (m->u.field.names.n) {
            uint32_t nm = ck_name(k, m->u.field.names.v[0]->u.ident.name);
            uint32_t sig = ck_signature(k, tn, NULL);
            if (!strcmp(ck_name_str(k, nm), "_")) {
                ck_errorf(k, m->u.field.names.v[0],
                          "methods must have a unique non-blank name");
                break;
            }
            /* declared twice, or beside an embedded interface's method
             * of another signature (the same one is that method: Go
             * 1.14's overlapping interfaces) */
            for (size_t j = 0; j < names.len; j++)
                if (names.p[j] == nm && (explicit.p[j] || sigs.p[j] != sig)) {
                    ck_errorf(k, m->u.field.names.v[0], "duplicate method %s",
                              ck_name_str(k, nm));
                    break;
                }
            VEC_PUSH(names, nm);
            VEC_PUSH(sigs, sig);
            VEC_PUSH(explicit, 1);
            continue;
        }
        memset(&elem, 0, sizeof elem);
        if (tn->kind == AST_BINARY || (tn->kind == AST_UNARY &&
                                       tn->u.unary.op == TK_TILDE)) {
            if (!union_terms(k, tn, &elem)) {
                tl_free(&elem);
                break;
            }
        } else {
            uint32_t et = ck_typexpr(k, tn);
            if (!et) {
                tl_free(&elem);
                continue;
            }
            if (ck_is_interface(k, et)) {
                const vm_type *e = prog_type(k->prog, ck_under(k, et));
                for (uint32_t j = 0; j < e->nimethods; j++) {
                    bool dup = false;
                    for (size_t q = 0; q < names.len; q++)
                        if (names.p[q] == e->imethods[j]) {
                            dup = true;
                            if (sigs.p[q] != (e->imtypes ? e->imtypes[j] : 0))
                                ck_errorf(k, m, "duplicate method %s",
                                          ck_name_str(k, e->imethods[j]));
                        }
                    if (!dup) {
                        VEC_PUSH(names, e->imethods[j]);
                        VEC_PUSH(sigs, e->imtypes ? e->imtypes[j] : 0);
                        VEC_PUSH(explicit, 0);
                    }
                }
                comparable = comparable || e->comparable;
                set_of(k, et, &elem);
            } else {
                tl_add(&elem, et, false);
            }
        }
        intersect(k, &set, &elem, &tmp);
        tl_free(&set);
        tl_free(&elem);
        set = tmp;
    }
    t = make_iface(k, names.p, sigs.p, (uint32_t)names.len, &set, comparable);
    tl_free(&set);
    VEC_FREE(names);
    VEC_FREE(sigs);
    VEC_FREE(explicit);
    return t;
}

uint32_t ck_constraint(checker *k, ast_node *n)
{
    tlist set;
    uint32_t t;
    if (!n)
        return T_ANY;
    if ((n->kind == AST_BINARY && n->u.binary.op == TK_OR) ||
        (n->kind == AST_UNARY && n->u.unary.op == TK_TILDE)) {
        memset(&set, 0, sizeof set);
        if (!union_terms(k, n, &set)) {
            tl_free(&set);
            return 0;
        }
        t = make_iface(k, NULL, NULL, 0, &set, false);
        tl_free(&set);
        return t;
    }
    t = ck_typexpr(k, n);
    if (!t)
        return 0;
    if (ck_is_interface(k, t))
        return t;
    if (ck_is_tparam(t)) {
        ck_errorf(k, n, "cannot use a type parameter as constraint");
        return 0;
    }
    memset(&set, 0, sizeof set);
    tl_add(&set, t, false);
    t = make_iface(k, NULL, NULL, 0, &set, false);
    tl_free(&set);
    return t;
}

uint32_t ck_declare_tparams(checker *k, ast_list l, uint32_t *out,
                            uint32_t max)
{
    uint32_t n = 0;
    /* the types first: a constraint may name any of them */
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        for (size_t j = 0; j < f->u.field.names.n && n < max; j++) {
            ast_node *id = f->u.field.names.v[j];
            res_sym *s = ck_sym(k, id);
            uint32_t t = ck_tparam_new(k, id->u.ident.name, (int)n);
            ck_tparam_decl d;
            d.t = t;
            d.ident = id;
            VEC_PUSH(k->tparam_decls, d);
            if (s) {
                ck_obj *o = ck_obj_get(k, s);
                o->type = t;
                o->state = 2;
            }
            out[n++] = t;
        }
    }
    {
        uint32_t at = 0;
        for (size_t i = 0; i < l.n && !k->failed; i++) {
            ast_node *f = l.v[i];
            uint32_t c = ck_constraint(k, f->u.field.type);
            for (size_t j = 0; j < f->u.field.names.n && at < n; j++)
                k->prog->types.p[VM_TIDX(out[at++])].elem = c ? c : T_ANY;
        }
    }
    return n;
}

/* ---- type sets, predicates, core types ----------------------------------- */

bool ck_tparam_all(checker *k, uint32_t tp, bool (*pred)(checker *, uint32_t))
{
    const vm_type *b = prog_type(k->prog, ck_under(k, bound_of(k, tp)));
    if (!b->has_terms || !b->nterms)
        return false;
    for (uint32_t i = 0; i < b->nterms; i++)
        if (!pred(k, b->terms[i]))
            return false;
    return true;
}

bool ck_tparam_comparable(checker *k, uint32_t tp)
{
    const vm_type *b = prog_type(k->prog, ck_under(k, bound_of(k, tp)));
    if (b->comparable)
        return true;
    if (!b->has_terms || !b->nterms)
        return false;
    for (uint32_t i = 0; i < b->nterms; i++)
        if (!ck_comparable(k, b->terms[i]))
            return false;
    return true;
}

uint32_t ck_core(checker *k, uint32_t t)
{
    const vm_type *b;
    uint32_t u = 0;
    if (!t)
        return 0;
    if (!ck_is_tparam(t))
        return ck_under(k, t);
    b = prog_type(k->prog, ck_under(k, bound_of(k, t)));
    if (!b->has_terms || !b->nterms)
        return 0;
    for (uint32_t i = 0; i < b->nterms; i++) {
        uint32_t x = ck_under(k, b->terms[i]);
        if (ck_is_tparam(b->terms[i]))
            x = ck_core(k, b->terms[i]);
        if (!x)
            return 0;
        if (u && x != u) {
            /* channels of one element type: the core type's direction */
            if (VM_KIND(x) == K_CHAN && VM_KIND(u) == K_CHAN &&
                prog_type(k->prog, x)->elem == prog_type(k->prog, u)->elem) {
                if (prog_type(k->prog, u)->dir == 0)
                    u = x;
                else if (prog_type(k->prog, x)->dir != 0 &&
                         prog_type(k->prog, x)->dir !=
                             prog_type(k->prog, u)->dir)
                    return 0;
                continue;
            }
            return 0;
        }
        u = x;
    }
    return u;
}

/* ---- substitution and instantiation ---------------------------------------- */

typedef struct smap {
    const uint32_t *tps, *targs;
    uint32_t n;
} smap;

static uint32_t subst(checker *k, uint32_t t, const smap *m, int depth);

static uint32_t subst_list(checker *k, const uint32_t *in, uint32_t n,
                           uint32_t *out, const smap *m, int depth)
{
    bool changed = false;
    for (uint32_t i = 0; i < n; i++) {
        out[i] = subst(k, in[i], m, depth + 1);
        changed = changed || out[i] != in[i];
    }
    return changed;
}

static uint32_t subst(checker *k, uint32_t t, const smap *m, int depth)
{
    vm_program *p = k->prog;
    const vm_type *ty;
    vm_type copy;
    if (!t || depth > 100)
        return t;
    ty = prog_type(p, t);
    if (!ty->generic)
        return t;
    copy = *ty; /* the table may grow below */
    if (VM_KIND(t) == K_TPARAM) {
        for (uint32_t i = 0; i < m->n; i++)
            if (m->tps[i] == t)
                return m->targs[i] ? m->targs[i] : t;
        return t;
    }
    if (copy.named) {
        uint32_t args[64], r;
        if (!copy.origin || copy.ntargs > 64)
            return t;
        if (!subst_list(k, copy.targs, copy.ntargs, args, m, depth))
            return t;
        r = ck_instantiate(k, copy.origin, args, copy.ntargs);
        return r ? r : t;
    }
    switch (VM_KIND(t)) {
    case K_PTR:
        return type_ptr(p, subst(k, copy.elem, m, depth + 1));
    case K_SLICE:
        return type_slice(p, subst(k, copy.elem, m, depth + 1));
    case K_ARRAY:
        return type_array(p, subst(k, copy.elem, m, depth + 1), copy.len);
    case K_MAP:
        return type_map(p, subst(k, copy.key, m, depth + 1),
                        subst(k, copy.elem, m, depth + 1));
    case K_CHAN:
        return type_chan(p, subst(k, copy.elem, m, depth + 1), copy.dir);
    case K_FUNC:
    case K_TUPLE: {
        uint32_t n = copy.nparams + copy.nresults, r;
        uint32_t *all = wf_xmalloc((n + 1) * sizeof *all);
        subst_list(k, copy.params, n, all, m, depth);
        r = VM_KIND(t) == K_FUNC
                ? type_func(p, all, copy.nparams, all + copy.nparams,
                            copy.nresults, copy.variadic)
                : type_tuple(p, all, copy.nresults);
        free(all);
        return r;
    }
    case K_STRUCT: {
        vm_field *fs = wf_xmalloc((copy.nfields + 1) * sizeof *fs);
        uint32_t r;
        for (uint32_t i = 0; i < copy.nfields; i++) {
            fs[i] = copy.fields[i];
            fs[i].type = subst(k, copy.fields[i].type, m, depth + 1);
        }
        r = type_struct(p, fs, copy.nfields);
        free(fs);
        return r;
    }
    case K_IFACE: {
        uint32_t *sigs = wf_xmalloc((copy.nimethods + 1) * sizeof *sigs);
        uint32_t *terms = wf_xmalloc((copy.nterms + 1) * sizeof *terms);
        vm_type set;
        uint32_t r;
        if (copy.nimethods)
            subst_list(k, copy.imtypes, copy.nimethods, sigs, m, depth);
        if (copy.nterms)
            subst_list(k, copy.terms, copy.nterms, terms, m, depth);
        memset(&set, 0, sizeof set);
        set.has_terms = copy.has_terms;
        set.comparable = copy.comparable;
        set.nterms = copy.nterms;
        set.terms = terms;
        set.tilde = copy.tilde;
        r = type_iface_set(p, copy.imethods, sigs, copy.nimethods, &set);
        free(sigs);
        free(terms);
        return r;
    }
    default:
        return t;
    }
}

uint32_t ck_subst(checker *k, uint32_t t, const uint32_t *tps,
                  const uint32_t *targs, uint32_t n)
{
    smap m;
    m.tps = tps;
    m.targs = targs;
    m.n = n;
    return subst(k, t, &m, 0);
}

/* Complete instance inst of origin: underlying type and method table. */
static void complete_instance(checker *k, uint32_t inst)
{
    vm_program *p = k->prog;
    vm_type o, *it;
    uint32_t u;
    it = &p->types.p[VM_TIDX(inst)];
    o = *prog_type(p, it->origin);
    if (o.under == o.id)
        return; /* the origin's underlying type is not known yet */
    u = ck_subst(k, o.under, o.targs, it->targs, it->ntargs);
    {
        vm_type *t;
        const vm_type *x;
        type_set_under(p, inst, u);
        t = &p->types.p[VM_TIDX(inst)];
        x = prog_type(p, u);
        t->has_terms = x->has_terms;
        t->comparable = x->comparable;
        t->nterms = x->nterms;
        t->terms = x->terms;
        t->tilde = x->tilde;
    }
}

void ck_complete_instances(checker *k, uint32_t origin)
{
    for (size_t i = 0; i < k->instances.len; i++)
        if (prog_type(k->prog, k->instances.p[i])->origin == origin)
            complete_instance(k, k->instances.p[i]);
}

static uint32_t instantiate_in(checker *k, uint32_t origin,
                               const uint32_t *targs, uint32_t n);

uint32_t ck_instantiate(checker *k, uint32_t origin, const uint32_t *targs,
                        uint32_t n)
{
    uint32_t t;
    k->type_depth++;
    t = instantiate_in(k, origin, targs, n);
    k->type_depth--;
    return t;
}

static uint32_t instantiate_in(checker *k, uint32_t origin,
                               const uint32_t *targs, uint32_t n)
{
    vm_program *p = k->prog;
    const vm_type *o = prog_type(p, origin);
    uint32_t t, *keep;
    buf b;
    bool generic = false;
    if (o->ntargs != n)
        return 0;
    if (!memcmp(o->targs, targs, n * sizeof *targs))
        return origin; /* G[P] inside G's own declaration */
    for (size_t i = 0; i < k->instances.len; i++) {
        const vm_type *x = prog_type(p, k->instances.p[i]);
        if (x->origin == origin && x->ntargs == n &&
            !memcmp(x->targs, targs, n * sizeof *targs))
            return k->instances.p[i];
    }
    /* main.List[int], main.Pair[string,int]: as Go's %T prints them; a
     * type declared in a generic function: main.T·2[int;string], its
     * function's type arguments before a semicolon */
    buf_init(&b);
    buf_printf(&b, "%s[", o->name);
    for (uint32_t i = 0; i < n; i++) {
        buf_printf(&b, "%s%s",
                   !i ? "" : i == o->nimplicit ? ";" : ",",
                   prog_type(p, targs[i])->name);
        generic = generic || prog_type(p, targs[i])->generic;
    }
    buf_putc(&b, ']');
    t = type_new(p, VM_KIND(origin), b.p);
    buf_fini(&b);
    keep = arena_alloc(&p->mem, (n ? n : 1) * sizeof *keep);
    memcpy(keep, targs, n * sizeof *keep);
    {
        vm_type *it = &p->types.p[VM_TIDX(t)];
        const vm_type *og = prog_type(p, origin);
        it->named = true;
        it->pkg = og->pkg;
        it->pkgpath = og->pkgpath;
        it->origin = origin;
        it->ntargs = n;
        it->targs = keep;
        it->nimplicit = og->nimplicit;
        it->generic = generic;
        /* the method table (protos per instance, made by the compiler) */
        if (og->nmethods) {
            vm_method *ms = arena_alloc(&p->mem, og->nmethods * sizeof *ms);
            for (uint32_t i = 0; i < og->nmethods; i++) {
                ms[i] = og->methods[i];
                ms[i].fn = NULL;
            }
            it->methods = ms;
            it->nmethods = og->nmethods;
        }
    }
    VEC_PUSH(k->instances, t);
    {
        /* one call at a time: ck_named_of may move the table, and the
         * order of a = b's two calls is unspecified */
        res_sym *sym = ck_named_of(k, origin)->sym;
        ck_named_of(k, t)->sym = sym;
    }
    complete_instance(k, t);
    return t;
}

/* ---- satisfaction -------------------------------------------------------------- */

bool ck_satisfies(checker *k, uint32_t t, uint32_t bound, char *why,
                  size_t nwhy)
{
    const vm_type *b = prog_type(k->prog, ck_under(k, bound));
    if (why && nwhy)
        why[0] = 0;
    if (!t || !bound)
        return true;
    /* methods */
    if (b->nimethods) {
        char w[600];
        if (!ck_implements(k, t, bound, w, sizeof w)) {
            const char *c = strstr(w, " (");
            if (why)
                snprintf(why, nwhy, "%s does not satisfy %s%s", ck_tstr(k, t),
                         ck_tstr(k, bound), c ? c : "");
            return false;
        }
    }
    if (b->comparable &&
        !(ck_is_tparam(t) ? ck_tparam_comparable(k, t) : ck_comparable(k, t))) {
        if (why)
            snprintf(why, nwhy, "%s does not satisfy comparable",
                     ck_tstr(k, t));
        return false;
    }
    if (b->has_terms) {
        bool in = false;
        if (ck_is_tparam(t)) {
            /* every term of t's set must be in b's */
            const vm_type *tb = prog_type(k->prog, ck_under(k, bound_of(k, t)));
            in = tb->has_terms && tb->nterms;
            for (uint32_t i = 0; in && i < tb->nterms; i++) {
                bool one = false;
                for (uint32_t j = 0; j < b->nterms && !one; j++)
                    one = b->tilde[j]
                              ? ck_under(k, tb->terms[i]) ==
                                    ck_under(k, b->terms[j])
                              : (!tb->tilde[i] && tb->terms[i] == b->terms[j]);
                in = one;
            }
        } else {
            for (uint32_t j = 0; j < b->nterms && !in; j++)
                in = b->tilde[j] ? ck_under(k, t) == ck_under(k, b->terms[j])
                                 : t == b->terms[j];
        }
        if (!in) {
            if (why) {
                buf s;
                buf_init(&s);
                for (uint32_t j = 0; j < b->nterms; j++) {
                    if (j)
                        buf_puts(&s, " | ");
                    if (b->tilde[j])
                        buf_putc(&s, '~');
                    ck_type_str(k, &s, b->terms[j]);
                }
                snprintf(why, nwhy, "%s does not satisfy %s (%s missing in %s)",
                         ck_tstr(k, t), ck_tstr(k, bound), ck_tstr(k, t),
                         s.p ? s.p : "");
                buf_fini(&s);
            }
            return false;
        }
    }
    return true;
}

bool ck_verify_targs(checker *k, ast_node *at, const uint32_t *tps,
                     const uint32_t *targs, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        char why[700];
        uint32_t bound = ck_subst(k, bound_of(k, tps[i]), tps, targs, n);
        if (!ck_satisfies(k, targs[i], bound, why, sizeof why)) {
            ck_errorf(k, at, "%s", why);
            return false;
        }
    }
    return true;
}

/* ---- inference ------------------------------------------------------------------- */

typedef struct unifier {
    checker *k;
    const uint32_t *tps;
    uint32_t *targs;
    uint32_t n;
} unifier;

static int tp_index(const unifier *u, uint32_t t)
{
    for (uint32_t i = 0; i < u->n; i++)
        if (u->tps[i] == t)
            return (int)i;
    return -1;
}

/* Unify x (mentions the type parameters being inferred) with y; inexact:
 * a defined type y matches a type literal x by its underlying type. */
static bool unify(unifier *u, uint32_t x, uint32_t y, int depth)
{
    checker *k = u->k;
    vm_program *p = k->prog;
    vm_type xt, yt;
    int i;
    if (!x || !y || depth > 64)
        return true;
    i = tp_index(u, x);
    if (x == y && i < 0)
        return true;
    if (i >= 0 && x == y && !u->targs[i]) {
        /* F's own parameter T passed to F: T stands for itself */
        u->targs[i] = y;
        return true;
    }
    if (i >= 0) {
        if (!u->targs[i]) {
            u->targs[i] = y;
            return true;
        }
        if (u->targs[i] == y)
            return true;
        /* inexact: a defined type and its underlying type literal */
        if (ck_under(k, u->targs[i]) == ck_under(k, y) &&
            (!ck_is_named(k, u->targs[i]) || !ck_is_named(k, y))) {
            if (ck_is_named(k, y))
                u->targs[i] = y;
            return true;
        }
        return false;
    }
    if (tp_index(u, y) >= 0)
        return unify(u, y, x, depth + 1);
    if (VM_KIND(y) == K_TPARAM && VM_KIND(x) != K_TPARAM) {
        /* an enclosing function's type parameter: its core type (the
         * single term of its constraint), as go/types' inexact unify */
        const vm_type *b = prog_type(p, ck_under(k, bound_of(k, y)));
        if (b->has_terms && b->nterms == 1 && b->terms[0] != y)
            return unify(u, x, b->terms[0], depth + 1);
        return true;
    }
    xt = *prog_type(p, x);
    yt = *prog_type(p, y);
    if (!xt.generic)
        return true; /* nothing to learn (assignability is checked later) */
    if (xt.named && xt.origin && yt.named && yt.origin == xt.origin) {
        for (uint32_t j = 0; j < xt.ntargs && j < yt.ntargs; j++)
            if (!unify(u, xt.targs[j], yt.targs[j], depth + 1))
                return false;
        return true;
    }
    if (xt.named) {
        /* inexact: a defined type against a type literal matches by its
         * underlying type (Func2[A1, A2, R] against func(int, int) int) */
        uint32_t ux = ck_under(k, x);
        if (!yt.named && ux && ux != x)
            return unify(u, ux, y, depth + 1);
        return true;
    }
    if (yt.named) /* inexact: match the underlying type */
        return unify(u, x, ck_under(k, y), depth + 1);
    if (VM_KIND(x) != VM_KIND(y))
        return true;
    switch (VM_KIND(x)) {
    case K_PTR:
    case K_SLICE:
    case K_CHAN:
        return unify(u, xt.elem, yt.elem, depth + 1);
    case K_ARRAY:
        return xt.len == yt.len && unify(u, xt.elem, yt.elem, depth + 1);
    case K_MAP:
        return unify(u, xt.key, yt.key, depth + 1) &&
               unify(u, xt.elem, yt.elem, depth + 1);
    case K_FUNC:
        if (xt.nparams != yt.nparams || xt.nresults != yt.nresults)
            return true;
        for (uint32_t j = 0; j < xt.nparams + xt.nresults; j++)
            if (!unify(u, xt.params[j], yt.params[j], depth + 1))
                return false;
        return true;
    case K_STRUCT:
        if (xt.nfields != yt.nfields)
            return true;
        for (uint32_t j = 0; j < xt.nfields; j++)
            if (!unify(u, xt.fields[j].type, yt.fields[j].type, depth + 1))
                return false;
        return true;
    default:
        return true;
    }
}

bool ck_infer(checker *k, ast_node *at, const char *fname,
              const uint32_t *tps, uint32_t *targs, uint32_t n,
              const uint32_t *params, operand *args, size_t nargs,
              bool variadic)
{
    unifier u;
    uint32_t np = 0;
    bool progress = true;
    u.k = k;
    u.tps = tps;
    u.targs = targs;
    u.n = n;
    (void)np;
    /* 1. typed arguments */
    for (size_t i = 0; i < nargs; i++) {
        uint32_t pt = params[i];
        if (!args[i].type || ck_is_untyped(args[i].type) ||
            !prog_type(k->prog, pt)->generic)
            continue;
        if (!unify(&u, pt, args[i].type, 0)) {
            uint32_t inferred = 0;
            int ti = tp_index(&u, pt);
            if (ti >= 0)
                inferred = targs[ti];
            ck_errorf(k, args[i].expr, "type %s of %s does not match %s%s%s%s",
                      ck_tstr(k, args[i].type), ck_op_str(k, &args[i]) ,
                      inferred ? "inferred type " : "",
                      inferred ? ck_tstr(k, inferred) : ck_tstr(k, pt),
                      inferred ? " for " : "",
                      inferred ? ck_tstr(k, pt) : "");
            return false;
        }
    }
    /* 2. constraint core types (S ~[]E gives E), to a fixed point */
    while (progress) {
        progress = false;
        for (uint32_t i = 0; i < n; i++) {
            const vm_type *b = prog_type(k->prog, ck_under(k, bound_of(k, tps[i])));
            uint32_t core;
            if (!b->has_terms || b->nterms != 1)
                continue;
            core = b->terms[0];
            if (targs[i]) {
                uint32_t before[64];
                uint32_t m = n < 64 ? n : 64;
                uint32_t a = targs[i];
                if (VM_KIND(a) == K_TPARAM) {
                    /* the caller's own type parameter (S ~[]E passed on
                     * inside a generic function): its core type */
                    const vm_type *ab =
                        prog_type(k->prog, ck_under(k, bound_of(k, a)));
                    if (!ab->has_terms || ab->nterms != 1)
                        continue;
                    a = ab->terms[0];
                }
                memcpy(before, targs, m * sizeof *before);
                unify(&u, core, b->tilde[0] ? ck_under(k, a) : a, 0);
                if (memcmp(before, targs, m * sizeof *before))
                    progress = true;
            } else if (!b->tilde[0]) {
                uint32_t s = ck_subst(k, core, tps, targs, n);
                if (!prog_type(k->prog, s)->generic) {
                    targs[i] = s;
                    progress = true;
                }
            }
        }
    }
    /* 3. untyped constants: their default types (the widest kind) */
    for (size_t i = 0; i < nargs; i++) {
        int ti = tp_index(&u, params[i]);
        if (ti < 0 || !ck_is_untyped(args[i].type) || args[i].isnil)
            continue;
        if (!targs[ti])
            targs[ti] = ck_default(args[i].type);
        else if (ck_is_untyped(args[i].type) && targs[ti] == T_INT &&
                 (args[i].type == T_UFLT_K))
            targs[ti] = T_FLOAT64;
    }
    /* again core types, for what the defaults decided */
    for (uint32_t i = 0; i < n; i++) {
        const vm_type *b = prog_type(k->prog, ck_under(k, bound_of(k, tps[i])));
        if (!targs[i] && b->has_terms && b->nterms == 1 && !b->tilde[0]) {
            uint32_t s = ck_subst(k, b->terms[0], tps, targs, n);
            if (!prog_type(k->prog, s)->generic)
                targs[i] = s;
        }
    }
    for (uint32_t i = 0; i < n; i++)
        if (!targs[i]) {
            ck_errorf(k, at, "in call to %s, cannot infer %s%s", fname,
                      prog_type(k->prog, tps[i])->name,
                      ck_declared_at(k, tps[i]));
            return false;
        }
    (void)variadic;
    return true;
}

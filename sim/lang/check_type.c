/* check_type.c: types for the checker (check_int.h): type expressions and
 * named types with their methods, predicates and identity (types are
 * interned: identical types have one id). Look-up, satisfaction and
 * assignability are in check_lookup.c, strings for messages in
 * check_str.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* ---- predicates --------------------------------------------------------- */

uint32_t ck_under(checker *k, uint32_t t)
{
    return t ? prog_type(k->prog, t)->under : 0;
}

static vm_kind ukind(checker *k, uint32_t t)
{
    return VM_KIND(ck_under(k, t));
}

bool ck_is_named(checker *k, uint32_t t)
{
    if (!t)
        return false;
    if (VM_TIDX(t) < TI__PREDECLARED)
        return VM_TIDX(t) != TI_ANY && t != T_UPTR && t != T_FUNC;
    return prog_type(k->prog, t)->named;
}

bool ck_is_untyped(uint32_t t)
{
    return t == T_UINT_K || t == T_UFLT_K || t == T_URUNE_K || t == T_UBOOL ||
           t == T_USTR || t == T_UNIL || t == T_UCPLX;
}

uint32_t ck_default(uint32_t t)
{
    switch (t) {
    case T_UINT_K:
        return T_INT;
    case T_UFLT_K:
        return T_FLOAT64;
    case T_UCPLX:
        return T_COMPLEX128;
    case T_URUNE_K:
        return T_INT32;
    case T_UBOOL:
        return T_BOOL;
    case T_USTR:
        return T_STRING;
    default:
        return t;
    }
}

bool ck_is_integer(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_integer);
    return t == T_UINT_K || t == T_URUNE_K || kind_is_int(ukind(k, t));
}

bool ck_is_unsigned(checker *k, uint32_t t)
{
    vm_kind x;
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_unsigned);
    x = ukind(k, t);
    return x >= K_UINT && x <= K_UINTPTR;
}

bool ck_is_float(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_float);
    return t == T_UFLT_K || kind_is_float(ukind(k, t));
}

bool ck_is_complex(checker *k, uint32_t t)
{
    uint32_t u;
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_complex);
    u = ck_under(k, t);
    return u == T_UCPLX || u == T_COMPLEX64 || u == T_COMPLEX128;
}

bool ck_is_numeric(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_numeric);
    return ck_is_integer(k, t) || ck_is_float(k, t) || ck_is_complex(k, t);
}

bool ck_is_string(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_string);
    return t == T_USTR || (ukind(k, t) == K_STRING && t != T_RTERROR);
}

bool ck_is_boolean(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ck_is_boolean);
    return t == T_UBOOL || ukind(k, t) == K_BOOL;
}

static bool is_numeric_or_string(checker *k, uint32_t t)
{
    return ck_is_numeric(k, t) || ck_is_string(k, t);
}

bool ck_is_numeric_or_string(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, is_numeric_or_string);
    return is_numeric_or_string(k, t);
}

bool ck_is_const_type(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return false;
    return ck_is_numeric(k, t) || ck_is_string(k, t) || ck_is_boolean(k, t);
}

bool ck_is_interface(checker *k, uint32_t t)
{
    return t && ukind(k, t) == K_IFACE;
}

static bool has_nil_(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    return t == T_UNIL || t == T_UPTR ||
           (x >= K_PTR && x <= K_IFACE && x != K_ARRAY);
}

bool ck_has_nil(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, has_nil_);
    return t == T_UNIL || t == T_UPTR ||
           (x >= K_PTR && x <= K_IFACE && x != K_ARRAY);
}

int ck_bits(checker *k, uint32_t t)
{
    vm_kind x = ukind(k, t);
    if (kind_is_int(x))
        return kind_bits(x);
    if (x == K_FLOAT32 || ck_under(k, t) == T_COMPLEX64)
        return 32;
    return 64;
}

static bool comparable_rec(checker *k, uint32_t t, int depth)
{
    const vm_type *u;
    if (!t || depth > 64)
        return true;
    if (ck_is_tparam(t))
        return ck_tparam_comparable(k, t);
    u = prog_type(k->prog, ck_under(k, t));
    switch (VM_KIND(u->id)) {
    case K_SLICE:
    case K_MAP:
    case K_FUNC:
        return false;
    case K_ARRAY:
        return comparable_rec(k, u->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < u->nfields; i++)
            if (!comparable_rec(k, u->fields[i].type, depth + 1))
                return false;
        return true;
    default:
        return true;
    }
}

bool ck_comparable(checker *k, uint32_t t)
{
    return comparable_rec(k, t, 0);
}


static bool ordered_(checker *k, uint32_t t)
{
    return ck_is_integer(k, t) || ck_is_float(k, t) || ck_is_string(k, t);
}

bool ck_ordered(checker *k, uint32_t t)
{
    if (ck_is_tparam(t))
        return ck_tparam_all(k, t, ordered_);
    return ordered_(k, t);
}

bool ck_identical(checker *k, uint32_t x, uint32_t y)
{
    (void)k;
    return x == y;
}

/* ---- type expressions --------------------------------------------------------- */

vm_kind check_type_lit_kind(const ast_node *n)
{
    switch (n->kind) {
    case AST_STAR:
        return K_PTR;
    case AST_ARRAY_TYPE:
        return K_ARRAY;
    case AST_SLICE_TYPE:
        return K_SLICE;
    case AST_MAP_TYPE:
        return K_MAP;
    case AST_CHAN_TYPE:
        return K_CHAN;
    case AST_FUNC_TYPE:
        return K_FUNC;
    case AST_STRUCT_TYPE:
        return K_STRUCT;
    case AST_INTERFACE_TYPE:
        return K_IFACE;
    default:
        return K_NIL;
    }
}

/* The kind a type expression denotes, without building it (named types
 * refer to themselves). */
static vm_kind kind_of(checker *k, res_pkg *p, ast_node *n, int depth)
{
    res_sym *s = NULL;
    if (!n || depth > 100)
        return K_NIL;
    switch (n->kind) {
    case AST_PAREN:
        return kind_of(k, p, n->u.paren.x, depth + 1);
    case AST_INDEX: /* G[T]: G's kind, whatever T */
        return kind_of(k, p, n->u.index.x, depth + 1);
    case AST_IDENT:
        s = res_lookup(k->R, p, n);
        break;
    case AST_SELECTOR:
        s = res_lookup(k->R, p, n->u.selector.sel);
        break;
    default:
        return check_type_lit_kind(n);
    }
    if (!s || s->kind != RS_TYPE)
        return K_NIL;
    if (!s->spec)
        return VM_KIND(k->prog->types.p[s->builtin].id);
    {
        const ck_obj *o = ck_obj_get(k, s);
        if (o->state == 2 && o->type)
            return VM_KIND(o->type);
    }
    return kind_of(k, s->pkg, s->spec->u.type_spec.type, depth + 1);
}

/* Does a value of type t contain a value of type target by value (not
 * through a reference)? An invalid recursive type does. */
static bool holds(checker *k, uint32_t t, uint32_t target, int depth)
{
    const vm_type *ty;
    if (!t || depth > 64)
        return false;
    if (t == target && depth > 0)
        return true;
    ty = prog_type(k->prog, t);
    if (VM_KIND(t) == K_ARRAY)
        return holds(k, ty->elem, target, depth + 1);
    if (VM_KIND(t) != K_STRUCT)
        return false;
    for (uint32_t i = 0; i < ty->nfields; i++)
        if (holds(k, ty->fields[i].type, target, depth + 1))
            return true;
    return false;
}

static uint32_t named_type_in(checker *k, res_sym *s);

/* The type parameters of the generic function being checked (or of the
 * one around it): a type declared in it has them first (Go's unified IR:
 * one type per instantiation of the function). Their number. */
static uint32_t func_tparams(checker *k, uint32_t *out, uint32_t max)
{
    const ck_func *f = k->fn;
    ast_list fields = {0};
    uint32_t n = 0;
    while (f && f->outer)
        f = f->outer;
    if (!f || f->node->kind != AST_FUNC_DECL)
        return 0;
    fields = f->node->u.func_decl.type->u.func_type.tparams;
    if (!fields.n && f->node->u.func_decl.recv) {
        /* a generic type's method: its receiver's type parameters */
        ast_node *rt = f->node->u.func_decl.recv->u.field.type;
        while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
            rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
        if (rt->kind != AST_INDEX)
            return 0;
        for (size_t i = 0; i <= rt->u.index.more.n && n < max; i++) {
            ast_node *id =
                i == 0 ? rt->u.index.index : rt->u.index.more.v[i - 1];
            res_sym *s = ck_sym(k, id);
            uint32_t t = s ? ck_obj_get(k, s)->type : 0;
            if (t)
                out[n++] = t;
        }
        return n;
    }
    for (size_t i = 0; i < fields.n; i++) {
        ast_list names = fields.v[i]->u.field.names;
        for (size_t j = 0; j < names.n && n < max; j++) {
            res_sym *s = ck_sym(k, names.v[j]);
            uint32_t t = s ? ck_obj_get(k, s)->type : 0;
            if (t)
                out[n++] = t;
        }
    }
    return n;
}

uint32_t ck_named_type(checker *k, res_sym *s)
{
    uint32_t t;
    k->type_depth++;
    t = named_type_in(k, s);
    k->type_depth--;
    return t;
}

static uint32_t named_type_in(checker *k, res_sym *s)
{
    vm_program *p = k->prog;
    ck_obj *o = ck_obj_get(k, s);
    res_pkg *saved = k->pkg;
    vm_kind kind;
    uint32_t t, u, impl[64], nimpl = 0;
    char name[300];
    if (!s->spec)
        return p->types.p[s->builtin].id;
    if (o->state == 2 || (o->state == 1 && o->type))
        return o->type;
    if (o->state == 1) {
        ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
        return 0;
    }
    o->state = 1;
    k->pkg = s->pkg;
    if (s->spec->u.type_spec.alias) {
        if (s->spec->u.type_spec.tparams.n) {
            /* a generic alias (Go 1.24): A[P] = T; A[X] is T with X
             * for P (alias_instance) */
            uint32_t tps[64], ntp;
            ntp = ck_declare_tparams(k, s->spec->u.type_spec.tparams, tps,
                                     64);
            o->tparams = arena_alloc(&p->mem, (ntp ? ntp : 1) * sizeof *tps);
            memcpy(o->tparams, tps, ntp * sizeof *tps);
            o->ntparams = ntp;
        }
        o->type = ck_typexpr(k, s->spec->u.type_spec.type);
        o->state = 2;
        s->type = o->type;
        s->state = 2;
        k->pkg = saved;
        return o->type;
    }
    kind = kind_of(k, s->pkg, s->spec->u.type_spec.type, 0);
    if (kind == K_NIL) {
        /* type T U where U cannot be built yet: the error comes below */
        u = ck_typexpr(k, s->spec->u.type_spec.type);
        k->pkg = saved;
        o->state = 2;
        if (!u)
            return 0;
        kind = VM_KIND(u);
    }
    if (s->vargen && !s->spec->u.type_spec.alias)
        nimpl = func_tparams(k, impl, 32);
    if (nimpl)
        snprintf(name, sizeof name, "%s.%s\xc2\xb7%d", s->pkg->name, s->name,
                 s->vargen);
    else
        snprintf(name, sizeof name, "%s.%s", s->pkg->name, s->name);
    t = type_new(p, kind, name);
    p->types.p[VM_TIDX(t)].named = true;
    p->types.p[VM_TIDX(t)].pkg = s->pkg->name;
    p->types.p[VM_TIDX(t)].pkgpath = arena_strdup(&p->mem, s->pkg->path);
    o->type = t;
    s->type = t; /* the compiler reads it back (its named_type) */
    s->state = 1;
    ck_named_of(k, t)->sym = s;
    if (s->spec->u.type_spec.tparams.n || nimpl) {
        /* a generic type: its own instance G[P, Q] (after the type
         * parameters of the function declaring it) */
        uint32_t tps[64], ntp, *keep;
        memcpy(tps, impl, nimpl * sizeof *tps);
        ntp = nimpl + ck_declare_tparams(k, s->spec->u.type_spec.tparams,
                                         tps + nimpl, 64 - nimpl);
        keep = arena_alloc(&p->mem, (ntp ? ntp : 1) * sizeof *keep);
        memcpy(keep, tps, ntp * sizeof *keep);
        p->types.p[VM_TIDX(t)].origin = t;
        p->types.p[VM_TIDX(t)].ntargs = ntp;
        p->types.p[VM_TIDX(t)].targs = keep;
        p->types.p[VM_TIDX(t)].nimplicit = nimpl;
        p->types.p[VM_TIDX(t)].generic = true;
    }
    /* the method table the VM looks methods up in (protos come later) */
    if (s->methods.len) {
        vm_method *ms = arena_alloc(&p->mem, s->methods.len * sizeof *ms);
        for (size_t i = 0; i < s->methods.len; i++) {
            ast_node *d = s->methods.p[i];
            ast_node *rt = d->u.func_decl.recv->u.field.type;
            while (rt->kind == AST_PAREN)
                rt = rt->u.paren.x;
            ms[i].name = ck_name(k, d->u.func_decl.name->u.ident.name);
            ms[i].ptr_recv = rt->kind == AST_STAR;
            ms[i].fn = NULL;
        }
        p->types.p[VM_TIDX(t)].methods = ms;
        p->types.p[VM_TIDX(t)].nmethods = (uint32_t)s->methods.len;
    }
    u = ck_typexpr(k, s->spec->u.type_spec.type);
    k->pkg = saved;
    if (u) {
        if (VM_KIND(u) != kind) {
            ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
            return t;
        }
        type_set_under(p, t, u);
        ck_complete_instances(k, t);
    }
    o->state = 2;
    s->state = 2;
    if (u && holds(k, t, t, 0)) {
        ck_errorf(k, s->ident, "invalid recursive type %s", s->name);
        return t;
    }
    /* a library type made on first use (check_reach.c): its method set
     * now, as its package's check would have done before any look-up */
    if (k->lazy && s->pkg->library && !s->spec->u.type_spec.tparams.n) {
        ck_collect_methods(k, t);
        ck_reach_type_made(k, s);
    }
    return t;
}

bool ck_bind_recv_tparams(checker *k, ast_node *recv, uint32_t origin)
{
    ast_node *rt = recv->u.field.type;
    const vm_type *o = prog_type(k->prog, origin);
    size_t n;
    while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
        rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
    if (rt->kind != AST_INDEX) {
        if (o->ntargs && o->origin == origin) {
            ck_errorf(k, rt, "cannot use generic type %s without "
                             "instantiation",
                      ck_tstr(k, origin));
            return false;
        }
        return true;
    }
    n = rt->u.index.more.n + 1;
    if (o->origin != origin || n != o->ntargs) {
        ck_errorf(k, rt, "got %zu type parameter%s, but receiver base type "
                         "declares %u",
                  n, n == 1 ? "" : "s", o->ntargs);
        return false;
    }
    for (size_t i = 0; i < n; i++) {
        ast_node *id = i == 0 ? rt->u.index.index : rt->u.index.more.v[i - 1];
        res_sym *s = ck_sym(k, id);
        if (s) {
            ck_obj *ob = ck_obj_get(k, s);
            ob->type = prog_type(k->prog, origin)->targs[i];
            ob->state = 2;
        }
    }
    return true;
}

void ck_collect_methods(checker *k, uint32_t t)
{
    ck_named *nm;
    res_sym *s;
    res_pkg *saved = k->pkg;
    if (!t)
        return;
    nm = ck_named_of(k, t);
    if (nm->methods_done || !nm->sym)
        return;
    nm->methods_done = true;
    {
        vm_type it = *prog_type(k->prog, t);
        if (it.origin && it.origin != t) {
            /* an instance: the generic type's methods, substituted */
            ck_named *on;
            ck_collect_methods(k, it.origin);
            on = ck_named_of(k, it.origin);
            for (size_t i = 0; i < on->methods.len; i++) {
                ck_method m = on->methods.p[i];
                const vm_type *og = prog_type(k->prog, it.origin);
                m.sig = ck_subst(k, m.sig, og->targs, it.targs, it.ntargs);
                on = ck_named_of(k, it.origin);
                nm = ck_named_of(k, t);
                VEC_PUSH(nm->methods, m);
            }
            return;
        }
    }
    s = nm->sym;
    k->pkg = s->pkg;
    for (size_t i = 0; i < s->methods.len && !k->failed; i++) {
        ast_node *d = s->methods.p[i];
        ast_node *rt = d->u.func_decl.recv->u.field.type;
        ck_method m;
        const vm_type *u;
        while (rt->kind == AST_PAREN)
            rt = rt->u.paren.x;
        memset(&m, 0, sizeof m);
        m.name = ck_name(k, d->u.func_decl.name->u.ident.name);
        m.ptr_recv = rt->kind == AST_STAR;
        m.decl = d;
        if (!ck_bind_recv_tparams(k, d->u.func_decl.recv, t))
            break;
        m.sig = ck_signature(k, d->u.func_decl.type, NULL);
        /* a blank method is checked, but no method of the type */
        if (!strcmp(ck_name_str(k, m.name), "_"))
            continue;
        /* a field and a method of the same name */
        u = prog_type(k->prog, ck_under(k, t));
        if (VM_KIND(u->id) == K_STRUCT)
            for (uint32_t f = 0; f < u->nfields; f++)
                if (u->fields[f].name == m.name) {
                    ck_errorf(k, d->u.func_decl.name,
                              "field and method with the same name %s",
                              ck_name_str(k, m.name));
                    break;
                }
        if (VM_KIND(t) == K_PTR || VM_KIND(t) == K_IFACE) {
            ck_errorf(k, rt, "invalid receiver type %s",
                      ck_tstr(k, t));
            break;
        }
        nm = ck_named_of(k, t);
        VEC_PUSH(nm->methods, m);
    }
    k->pkg = saved;
}

/* Params or results of a field list. */
static uint32_t field_types(checker *k, ast_list l, uint32_t *out,
                            uint32_t max, bool *variadic, bool params)
{
    uint32_t n = 0;
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        size_t cnt = f->u.field.names.n ? f->u.field.names.n : 1;
        ast_node *tn = f->u.field.type;
        uint32_t t;
        if (tn->kind == AST_ELLIPSIS) {
            if (!params || i != l.n - 1 || cnt > 1) {
                ck_errorf(k, tn, "can only use ... with final parameter in "
                                 "list");
                return n;
            }
            t = type_slice(k->prog, ck_typexpr(k, tn->u.ellipsis.elt));
            *variadic = true;
        } else {
            t = ck_typexpr(k, tn);
        }
        for (size_t j = 0; j < cnt && n < max; j++)
            out[n++] = t;
    }
    return n;
}

/* A parameter or result named twice in a signature without a body (a
 * function type, an interface's method): a function's own are declared
 * in its scope, where the resolver finds them. */
static void dup_params(checker *k, ast_node *ftype)
{
    ast_list ls[2] = {ftype->u.func_type.params, ftype->u.func_type.results};
    const ast_node *seen[64];
    size_t n = 0;
    for (int h = 0; h < 2; h++)
        for (size_t i = 0; i < ls[h].n; i++) {
            ast_node *f = ls[h].v[i];
            for (size_t j = 0; j < f->u.field.names.n; j++) {
                ast_node *id = f->u.field.names.v[j];
                if (!strcmp(id->u.ident.name, "_"))
                    continue;
                for (size_t q = 0; q < n; q++)
                    if (!strcmp(seen[q]->u.ident.name, id->u.ident.name)) {
                        ck_errorf(k, id, "%s redeclared in this block",
                                  id->u.ident.name);
                        return;
                    }
                if (n < 64)
                    seen[n++] = id;
            }
        }
}

uint32_t ck_signature(checker *k, ast_node *ftype, ast_node *recv)
{
    uint32_t ps[256], rs[64];
    uint32_t np = 0, nr;
    bool variadic = false;
    (void)recv;
    dup_params(k, ftype);
    np = field_types(k, ftype->u.func_type.params, ps, 256, &variadic, true);
    nr = field_types(k, ftype->u.func_type.results, rs, 64, &variadic,
                     false);
    if (k->failed)
        return 0;
    {
        /* recorded: the compiler reads signatures back */
        uint32_t t = type_func(k->prog, ps, np, rs, nr, variadic);
        operand x;
        memset(&x, 0, sizeof x);
        x.mode = CK_TYPE;
        x.expr = ftype;
        x.type = t;
        ck_record(k, &x);
        return t;
    }
}

/* The value of an array length expression. */
static int64_t array_len(checker *k, ast_node *n)
{
    operand x;
    int64_t v;
    ck_expr(k, &x, n);
    if (x.mode == CK_INVALID)
        return -1;
    if (x.mode != CK_CONST) {
        if (x.mode != CK_INVALID)
            ck_errorf(k, n, "array length %s must be constant",
                      ck_op_str(k, &x));
        return -1;
    }
    if (ck_is_untyped(x.type) || ck_is_integer(k, x.type)) {
        const_val iv = const_to_int(&k->mem, x.val);
        if (iv.k == CONST_INT && ck_is_integer(k, ck_default(x.type))) {
            if (const_int64_val(iv, &v) && v >= 0)
                return v;
            ck_errorf(k, n, "invalid array length %s", ck_op_str(k, &x));
            return -1;
        }
        if (iv.k == CONST_INT) {
            if (const_int64_val(iv, &v) && v >= 0) {
                ck_convert_untyped(k, &x, T_INT);
                return v;
            }
            ck_errorf(k, n, "invalid array length %s", ck_op_str(k, &x));
            return -1;
        }
    }
    ck_errorf(k, n, "array length %s must be integer", ck_op_str(k, &x));
    return -1;
}

/* A field's tag as a name id (0: none). */
static uint32_t field_tag(checker *k, const ast_node *f)
{
    char *t;
    uint32_t id;
    if (!f->u.field.tag || !f->u.field.tag->u.string_lit.len)
        return 0;
    t = wf_xmalloc(f->u.field.tag->u.string_lit.len + 2);
    t[0] = '`'; /* never an identifier */
    memcpy(t + 1, f->u.field.tag->u.string_lit.bytes,
           f->u.field.tag->u.string_lit.len);
    t[f->u.field.tag->u.string_lit.len + 1] = 0;
    id = ck_name(k, t);
    free(t);
    return id;
}

static uint32_t struct_type(checker *k, ast_node *n)
{
    VEC(vm_field) fl = {0};
    VEC(ast_node *) at = {0}; /* where each field is declared */
    uint32_t t;
    for (size_t i = 0; i < n->u.struct_type.fields.n && !k->failed; i++) {
        ast_node *f = n->u.struct_type.fields.v[i];
        uint32_t ft = ck_typexpr(k, f->u.field.type);
        if (!f->u.field.names.n) {
            ast_node *tn = f->u.field.type;
            vm_field x;
            memset(&x, 0, sizeof x); /* interned by memcmp */
            while (tn->kind == AST_PAREN)
                tn = tn->u.paren.x;
            if (tn->kind == AST_STAR)
                tn = tn->u.star.x;
            if (tn->kind == AST_INDEX) /* an embedded instance G[A] */
                tn = tn->u.index.x;
            if (tn->kind == AST_SELECTOR)
                tn = tn->u.selector.sel;
            if (tn->kind != AST_IDENT) {
                ck_errorf(k, f->u.field.type, "embedded field type must be "
                                              "a type name");
                break;
            }
            {
                /* T or *T (parentheses aside) */
                ast_node *e = f->u.field.type;
                while (e->kind == AST_PAREN)
                    e = e->u.paren.x;
                if (e->kind == AST_STAR && ft && VM_KIND(ft) == K_PTR)
                    ck_delay(k, CK_LATER_EMBED, f->u.field.type,
                          prog_type(k->prog, ft)->elem, true);
                else
                    ck_delay(k, CK_LATER_EMBED, f->u.field.type, ft, false);
            }
            x.name = ck_name(k, tn->u.ident.name);
            x.type = ft;
            x.embedded = true;
            x.tag = field_tag(k, f);
            VEC_PUSH(fl, x);
            VEC_PUSH(at, f->u.field.type);
            continue;
        }
        for (size_t j = 0; j < f->u.field.names.n; j++) {
            vm_field x;
            memset(&x, 0, sizeof x); /* interned by memcmp */
            x.name = ck_name(k, f->u.field.names.v[j]->u.ident.name);
            x.type = ft;
            x.embedded = false;
            x.tag = field_tag(k, f);
            VEC_PUSH(fl, x);
            VEC_PUSH(at, f->u.field.names.v[j]);
        }
    }
    /* duplicate fields: at the second (types2's declareInSet) */
    for (size_t i = 0; i < fl.len && !k->failed; i++)
        for (size_t j = 0; j < i; j++)
            if (fl.p[i].name == fl.p[j].name &&
                strcmp(ck_name_str(k, fl.p[i].name), "_")) {
                ck_errorf(k, at.len == fl.len ? at.p[i] : n, "%s redeclared",
                          ck_name_str(k, fl.p[i].name));
                break;
            }
    t = type_struct(k->prog, fl.p, (uint32_t)fl.len);
    VEC_FREE(fl);
    VEC_FREE(at);
    return t;
}

/* A generic type with its parameters: "List[T any]". */
static const char *generic_str(checker *k, uint32_t t)
{
    const vm_type *ty = prog_type(k->prog, t);
    buf b;
    char *r;
    buf_init(&b);
    ck_type_str(k, &b, t);
    buf_putc(&b, '[');
    for (uint32_t i = 0; i < ty->ntargs; i++) {
        uint32_t tp = prog_type(k->prog, t)->targs[i];
        if (i)
            buf_puts(&b, ", ");
        buf_printf(&b, "%s ", prog_type(k->prog, tp)->name);
        ck_type_str(k, &b, prog_type(k->prog, tp)->elem);
    }
    buf_putc(&b, ']');
    r = arena_strdup(&k->mem, b.p);
    buf_fini(&b);
    return r;
}

/* While the base of an instantiation G[A] is looked up, G alone is fine. */
static bool generic_ok(checker *k)
{
    return k->generic_base;
}

static uint32_t typexpr(checker *k, ast_node *n);

/* The type arguments of x[A, B] into args after the na there: their
 * number then, 0 when one is no type. */
static uint32_t type_args(checker *k, ast_node *n, uint32_t *args,
                          uint32_t na)
{
    args[na++] = typexpr(k, n->u.index.index);
    for (size_t i = 0; i < n->u.index.more.n && na < 64; i++)
        args[na++] = typexpr(k, n->u.index.more.v[i]);
    for (uint32_t i = 0; i < na; i++)
        if (!args[i])
            return 0;
    return na;
}

/* A[X, Y] of generic alias s: its type with the arguments for its type
 * parameters. */
static uint32_t alias_instance(checker *k, ast_node *n, res_sym *s)
{
    uint32_t body = ck_named_type(k, s), args[64], na = 0;
    ck_obj *o = ck_obj_get(k, s);
    if (!body)
        return 0;
    na = type_args(k, n, args, 0);
    if (!na)
        return 0;
    if (na != o->ntparams) {
        ck_errorf(k, n, "%s type arguments for type %s: have %u, want %u",
                  na < o->ntparams ? "not enough" : "too many", s->name, na,
                  o->ntparams);
        return 0;
    }
    if (!ck_verify_targs(k, n, o->tparams, args, na))
        return 0;
    return ck_subst(k, body, o->tparams, args, na);
}

/* The generic alias base x of x[...] denotes, or NULL. */
static res_sym *generic_alias(checker *k, ast_node *x)
{
    res_sym *s = NULL;
    while (x->kind == AST_PAREN)
        x = x->u.paren.x;
    if (x->kind == AST_IDENT)
        s = ck_sym(k, x);
    else if (x->kind == AST_SELECTOR)
        s = ck_sym(k, x->u.selector.sel);
    if (s && s->kind == RS_TYPE && s->spec &&
        s->spec->kind == AST_TYPE_SPEC && s->spec->u.type_spec.alias &&
        s->spec->u.type_spec.tparams.n)
        return s;
    return NULL;
}

/* G[A, B]: an instance of a generic type. */
static uint32_t instance_type(checker *k, ast_node *n)
{
    uint32_t g, args[64], na = 0, ni;
    const vm_type *gt;
    bool saved = k->generic_base;
    res_sym *alias = generic_alias(k, n->u.index.x);
    if (alias)
        return alias_instance(k, n, alias);
    k->generic_base = true;
    g = typexpr(k, n->u.index.x);
    k->generic_base = saved;
    if (!g)
        return 0;
    gt = prog_type(k->prog, g);
    ni = gt->nimplicit;
    if (!gt->named || gt->origin != g || gt->ntargs == ni) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n->u.index.x);
        ck_errorf(k, n->u.index.x, "%s is not a generic type", b.p);
        buf_fini(&b);
        return 0;
    }
    /* a type declared in a generic function: its type parameters first */
    memcpy(args, gt->targs, ni * sizeof *args);
    na = type_args(k, n, args, ni);
    if (!na)
        return 0;
    gt = prog_type(k->prog, g);
    if (na != gt->ntargs) {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n->u.index.x);
        ck_errorf(k, n, "%s type arguments for type %s: have %u, want %u",
                  na < gt->ntargs ? "not enough" : "too many", b.p, na - ni,
                  gt->ntargs - ni);
        buf_fini(&b);
        return 0;
    }
    {
        uint32_t tps[64];
        memcpy(tps, gt->targs, na * sizeof *tps);
        if (!ck_verify_targs(k, n, tps, args, na))
            return 0;
    }
    return ck_instantiate(k, g, args, na);
}

static uint32_t typexpr(checker *k, ast_node *n)
{
    vm_program *p = k->prog;
    res_sym *s;
    if (!n)
        return 0;
    switch (n->kind) {
    case AST_PAREN:
        return typexpr(k, n->u.paren.x);
    case AST_IDENT:
        s = ck_sym(k, n);
        if (!s) {
            ck_errorf(k, n, "undefined: %s", n->u.ident.name);
            return 0;
        }
        if (s->kind != RS_TYPE) {
            ck_errorf(k, n, "%s is not a type", n->u.ident.name);
            return 0;
        }
        if (s->tparam) {
            ck_obj *o = ck_obj_get(k, s);
            if (!o->type)
                ck_errorf(k, n, "undefined: %s", n->u.ident.name);
            return o->type;
        }
        if (!s->spec)
            return p->types.p[s->builtin].id;
        {
            uint32_t t = ck_named_type(k, s);
            if (t && !generic_ok(k) && prog_type(p, t)->origin == t &&
                s->spec->u.type_spec.tparams.n) {
                ck_errorf(k, n, "cannot use generic type %s without "
                                "instantiation",
                          generic_str(k, t));
                return 0;
            }
            return t;
        }
    case AST_INDEX:
        return instance_type(k, n);
    case AST_SELECTOR: {
        res_sym *pk = n->u.selector.x->kind == AST_IDENT
                          ? ck_sym(k, n->u.selector.x)
                          : NULL;
        if (!pk || pk->kind != RS_PKG) {
            buf b;
            buf_init(&b);
            ck_expr_str(&b, n);
            ck_errorf(k, n, "%s is not a type", b.p);
            buf_fini(&b);
            return 0;
        }
        s = ck_sym(k, n->u.selector.sel);
        if (!s || s->kind != RS_TYPE) {
            ck_errorf(k, n, "%s.%s is not a type", pk->name,
                      n->u.selector.sel->u.ident.name);
            return 0;
        }
        ck_use_sym(k, pk);
        {
            uint32_t t = ck_named_type(k, s);
            if (t && !generic_ok(k) && prog_type(p, t)->origin == t &&
                s->spec && s->spec->u.type_spec.tparams.n) {
                ck_errorf(k, n, "cannot use generic type %s.%s without "
                                "instantiation",
                          pk->name, s->name);
                return 0;
            }
            return t;
        }
    }
    case AST_STAR: {
        uint32_t e = typexpr(k, n->u.star.x);
        return e ? type_ptr(p, e) : 0;
    }
    case AST_ARRAY_TYPE: {
        int64_t len;
        uint32_t e;
        if (n->u.array.len->kind == AST_ELLIPSIS) {
            ck_errorf(k, n->u.array.len, "invalid use of [...] array "
                                         "(outside a composite literal)");
            return 0;
        }
        len = array_len(k, n->u.array.len);
        e = typexpr(k, n->u.array.elem);
        if (len < 0 || !e)
            return 0;
        ck_array_size(k, n, e, len);
        return type_array(p, e, len);
    }
    case AST_SLICE_TYPE: {
        uint32_t e = typexpr(k, n->u.slice_type.elem);
        return e ? type_slice(p, e) : 0;
    }
    case AST_MAP_TYPE: {
        uint32_t kt = typexpr(k, n->u.map.key);
        uint32_t vt = typexpr(k, n->u.map.value);
        if (!kt || !vt)
            return 0;
        /* a type parameter's constraint may not be known yet, nor the
         * underlying type of one being declared: then at the end */
        ck_delay(k, CK_LATER_KEY, n->u.map.key, kt, false);
        return type_map(p, kt, vt);
    }
    case AST_CHAN_TYPE: {
        uint32_t e = typexpr(k, n->u.chan.elem);
        if (!e)
            return 0;
        ck_delay(k, CK_LATER_CHAN, n, e, false);
        return type_chan(p, e,
                         n->u.chan.dir == AST_CHAN_SEND   ? 1
                         : n->u.chan.dir == AST_CHAN_RECV ? 2
                                                          : 0);
    }
    case AST_FUNC_TYPE:
        return ck_signature(k, n, NULL);
    case AST_STRUCT_TYPE:
        return struct_type(k, n);
    case AST_INTERFACE_TYPE:
        return ck_iface_elements(k, n);
    default: {
        buf b;
        buf_init(&b);
        ck_expr_str(&b, n);
        ck_errorf(k, n, "%s is not a type", b.p ? b.p : "?");
        buf_fini(&b);
        return 0;
    }
    }
}

uint32_t ck_typexpr(checker *k, ast_node *n)
{
    uint32_t t = typexpr(k, n);
    if (t && n) {
        operand x;
        memset(&x, 0, sizeof x);
        x.mode = CK_TYPE;
        x.expr = n;
        x.type = t;
        ck_record(k, &x);
    }
    return t;
}

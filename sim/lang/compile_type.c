/* compile_type.c: the compiler's types (see compile_int.h): type
 * expressions as the VM's types (ctype_of, ctype_try: the checker's type
 * where it has one), function types, and named types with their
 * underlying types and method tables, made on first use. Moved out of
 * compile.c whole. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"

/* ---- types ----------------------------------------------------------------- */


/* The kind a type expression has, without building it (for named types
 * that refer to themselves). */
static vm_kind kind_of_ast(fstate *fs, ast_node *n, int depth)
{
    res_sym *s;
    if (!n || depth > 100)
        return K_NIL;
    switch (n->kind) {
    case AST_PAREN:
        return kind_of_ast(fs, n->u.paren.x, depth + 1);
    case AST_IDENT:
        s = csym(fs, n);
        break;
    case AST_SELECTOR:
        s = csym(fs, n->u.selector.sel);
        break;
    default:
        return check_type_lit_kind(n);
    }
    if (!s || s->kind != RS_TYPE)
        return K_NIL;
    if (!s->spec)
        return VM_KIND(s->builtin == TI_ANY || s->builtin == TI_ERROR
                           ? T_ANY
                           : VM_TID(s->builtin, 0)) == K_IFACE
                   ? K_IFACE
                   : (vm_kind)VM_KIND(fs->C->prog->types.p[s->builtin].id);
    if (s->type)
        return VM_KIND(s->type);
    {
        fstate tmp = *fs;
        tmp.pkg = s->pkg;
        return kind_of_ast(&tmp, s->spec->u.type_spec.type, depth + 1);
    }
}

static int64_t array_len(fstate *fs, ast_node *n)
{
    cval cv;
    uint32_t t;
    if (!cconst(fs, n, &cv, &t) || cv.k != CV_INT) {
        if (!fs->C->failed)
            cerr(fs->C, n, "array length must be a constant integer");
        return 0;
    }
    if (cv.i < 0 || cv.i > (1 << 24)) {
        cerr(fs->C, n, "invalid array length");
        return 0;
    }
    return (int64_t)cv.i;
}

/* Parameter or result types of a field list, expanded by names. */
static uint32_t field_types(fstate *fs, ast_list l, uint32_t *out,
                            uint32_t max, bool *variadic)
{
    uint32_t n = 0;
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        size_t k = f->u.field.names.n ? f->u.field.names.n : 1;
        uint32_t t;
        ast_node *tn = f->u.field.type;
        if (tn->kind == AST_ELLIPSIS) {
            t = type_slice(fs->C->prog, ctype_of(fs, tn->u.ellipsis.elt));
            if (variadic)
                *variadic = true;
        } else {
            t = ctype_of(fs, tn);
        }
        for (size_t j = 0; j < k && n < max; j++)
            out[n++] = t;
    }
    return n;
}

uint32_t cfunc_type(fstate *fs, ast_node *n, ast_node *recv)
{
    uint32_t ps[256], rs[64];
    uint32_t np = 0, nr;
    bool variadic = false;
    if (recv)
        np = field_types(fs, (ast_list){&recv, 1}, ps, 256, NULL);
    np += field_types(fs, n->u.func_type.params, ps + np, 256 - np,
                      &variadic);
    nr = field_types(fs, n->u.func_type.results, rs, 64, NULL);
    return type_func(fs->C->prog, ps, np, rs, nr, variadic);
}

typedef VEC(uint32_t) u32vec;

static void iface_methods(fstate *fs, ast_node *n, u32vec *out,
                          u32vec *types, int depth)
{
    if (depth > 20)
        return;
    for (size_t i = 0; i < n->u.interface_type.methods.n; i++) {
        ast_node *m = n->u.interface_type.methods.v[i];
        if (m->u.field.names.n) {
            VEC_PUSH(*out, cname(fs->C, m->u.field.names.v[0]->u.ident.name));
            VEC_PUSH(*types, ctype_of(fs, m->u.field.type));
            continue;
        }
        {
            uint32_t et = ctype_of(fs, m->u.field.type);
            const vm_type *e;
            if (!et)
                continue;
            e = prog_type(fs->C->prog, et);
            if (VM_KIND(et) != K_IFACE) {
                cerr(fs->C, m, "unsupported: type constraints in interfaces");
                return;
            }
            for (uint32_t k = 0; k < e->nimethods; k++) {
                VEC_PUSH(*out, e->imethods[k]);
                VEC_PUSH(*types, e->imtypes ? e->imtypes[k] : 0);
            }
        }
    }
}

uint32_t ctype_try(fstate *fs, ast_node *n)
{
    compiler *C = fs->C;
    vm_program *p = C->prog;
    res_sym *s;
    if (!n)
        return 0;
    /* the checker's type (substituted in an instance of generic code) */
    if (C->K && check_mode_of(C->K, n) == CK_TYPE) {
        uint32_t t = cnode_type(fs, n);
        if (t)
            return t;
    }
    switch (n->kind) {
    case AST_PAREN:
        return ctype_try(fs, n->u.paren.x);
    case AST_IDENT:
        s = csym(fs, n);
        if (!s || s->kind != RS_TYPE)
            return 0;
        if (!s->spec)
            return p->types.p[s->builtin].id;
        return cnamed_type(C, s, fs);
    case AST_SELECTOR:
        s = csym(fs, n->u.selector.sel);
        if (!s || s->kind != RS_TYPE)
            return 0;
        return cnamed_type(C, s, fs);
    case AST_STAR: {
        uint32_t e = ctype_try(fs, n->u.star.x);
        return e ? type_ptr(p, e) : 0;
    }
    case AST_ARRAY_TYPE:
        if (n->u.array.len->kind == AST_ELLIPSIS) {
            cerr(C, n, "invalid use of [...] array (outside a composite "
                       "literal)");
            return 0;
        }
        return type_array(p, ctype_of(fs, n->u.array.elem),
                          array_len(fs, n->u.array.len));
    case AST_SLICE_TYPE:
        return type_slice(p, ctype_of(fs, n->u.slice_type.elem));
    case AST_MAP_TYPE:
        return type_map(p, ctype_of(fs, n->u.map.key),
                        ctype_of(fs, n->u.map.value));
    case AST_CHAN_TYPE:
        return type_chan(p, ctype_of(fs, n->u.chan.elem),
                         n->u.chan.dir == AST_CHAN_SEND   ? 1
                         : n->u.chan.dir == AST_CHAN_RECV ? 2
                                                          : 0);
    case AST_FUNC_TYPE:
        return cfunc_type(fs, n, NULL);
    case AST_STRUCT_TYPE: {
        VEC(vm_field) fl = {0};
        uint32_t t;
        for (size_t i = 0; i < n->u.struct_type.fields.n; i++) {
            ast_node *f = n->u.struct_type.fields.v[i];
            uint32_t ft = ctype_of(fs, f->u.field.type);
            if (!f->u.field.names.n) {
                ast_node *tn = f->u.field.type;
                vm_field x;
                memset(&x, 0, sizeof x); /* interned by memcmp */
                if (tn->kind == AST_STAR)
                    tn = tn->u.star.x;
                if (tn->kind == AST_SELECTOR)
                    tn = tn->u.selector.sel;
                x.name = cname(C, tn->kind == AST_IDENT ? tn->u.ident.name
                                                        : "?");
                x.type = ft;
                x.embedded = true;
                VEC_PUSH(fl, x);
                continue;
            }
            for (size_t k = 0; k < f->u.field.names.n; k++) {
                vm_field x;
                memset(&x, 0, sizeof x); /* interned by memcmp */
                x.name = cname(C, f->u.field.names.v[k]->u.ident.name);
                x.type = ft;
                x.embedded = false;
                VEC_PUSH(fl, x);
            }
        }
        t = type_struct(p, fl.p, (uint32_t)fl.len);
        VEC_FREE(fl);
        return t;
    }
    case AST_INTERFACE_TYPE: {
        u32vec ms = {0}, mts = {0};
        uint32_t t;
        iface_methods(fs, n, &ms, &mts, 0);
        t = type_iface(p, ms.p, mts.p, (uint32_t)ms.len);
        VEC_FREE(ms);
        VEC_FREE(mts);
        return t;
    }
    case AST_ELLIPSIS:
        return type_slice(p, ctype_of(fs, n->u.ellipsis.elt));
    default:
        return 0;
    }
}

uint32_t ctype_of(fstate *fs, ast_node *n)
{
    uint32_t t = ctype_try(fs, n);
    if (!t && !fs->C->failed && n)
        cerr(fs->C, n, "not a type");
    return t;
}

/* Does a value of type t hold a value of type target (through struct
 * fields and array elements, not references)? */
static bool holds(const vm_program *p, uint32_t t, uint32_t target,
                  int depth)
{
    const vm_type *ty;
    if (!t || depth > 64)
        return false;
    if (t == target && depth > 0)
        return true;
    ty = prog_type(p, t);
    if (VM_KIND(t) == K_ARRAY)
        return holds(p, ty->elem, target, depth + 1);
    if (VM_KIND(t) != K_STRUCT)
        return false;
    for (uint32_t i = 0; i < ty->nfields; i++)
        if (holds(p, ty->fields[i].type, target, depth + 1))
            return true;
    return false;
}

uint32_t cnamed_type(compiler *C, res_sym *s, fstate *fs)
{
    vm_program *p = C->prog;
    fstate tmp;
    vm_kind k;
    uint32_t t, u;
    char name[300];
    if (s->state)
        return s->type;
    tmp = *fs;
    tmp.pkg = s->pkg;
    k = kind_of_ast(&tmp, s->spec->u.type_spec.type, 0);
    if (k == K_NIL) {
        s->state = 2;
        s->type = ctype_of(&tmp, s->spec->u.type_spec.type);
        return s->type;
    }
    if (s->spec->u.type_spec.alias) {
        s->state = 2;
        s->type = ctype_of(&tmp, s->spec->u.type_spec.type);
        return s->type;
    }
    snprintf(name, sizeof name, "%s.%s", s->pkg->name, s->name);
    t = type_new(p, k, name);
    p->types.p[VM_TIDX(t)].named = true;
    p->types.p[VM_TIDX(t)].pkg = s->pkg->name;
    p->types.p[VM_TIDX(t)].pkgpath = arena_strdup(&p->mem, s->pkg->path);
    s->type = t;
    s->state = 1;
    u = ctype_of(&tmp, s->spec->u.type_spec.type);
    if (u)
        type_set_under(p, t, u);
    s->state = 2;
    if (holds(p, t, t, 0)) {
        cerr(C, s->ident, "invalid recursive type %s", s->name);
        return t;
    }
    /* methods */
    if (s->methods.len) {
        vm_method *ms = arena_alloc(&p->mem, s->methods.len * sizeof *ms);
        for (size_t i = 0; i < s->methods.len; i++) {
            ast_node *d = s->methods.p[i];
            ms[i].name = cname(C, d->u.func_decl.name->u.ident.name);
            ms[i].ptr_recv = d->u.func_decl.recv->u.field.type->kind ==
                             AST_STAR;
            ms[i].fn = NULL; /* set when the method's proto is made */
        }
        p->types.p[VM_TIDX(t)].methods = ms;
        p->types.p[VM_TIDX(t)].nmethods = (uint32_t)s->methods.len;
    }
    return t;
}

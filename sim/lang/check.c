/* check.c: the type checker's driver (check.h): the per-expression and
 * per-object tables, errors, and package-level declarations (constants
 * with iota, variables, function signatures; named types are made in
 * check_type.c), checked lazily in dependency order with cycle detection,
 * then every function body. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_int.h"

/* ---- errors, names ----------------------------------------------------- */

/* The leftmost position of n (syntax.StartPos: where types2 reports). */
static const ast_node *start_of(const ast_node *n)
{
    for (int guard = 0; n && guard < 10000; guard++) {
        switch (n->kind) {
        case AST_BINARY:
            n = n->u.binary.x;
            continue;
        case AST_CALL:
            n = n->u.call.fn;
            continue;
        case AST_INDEX:
            n = n->u.index.x;
            continue;
        case AST_SLICE:
            n = n->u.slice.x;
            continue;
        case AST_SELECTOR:
            n = n->u.selector.x;
            continue;
        case AST_TYPE_ASSERT:
            n = n->u.type_assert.x;
            continue;
        case AST_KEY_VALUE:
            n = n->u.kv.key;
            continue;
        case AST_COMPOSITE_LIT:
            if (n->u.composite.type) {
                n = n->u.composite.type;
                continue;
            }
            return n;
        default:
            return n;
        }
    }
    return n;
}

void ck_error_at(checker *k, const char *file, int line, int col,
                 const char *msg)
{
    wf_diag e;
    if (k->failed)
        return;
    k->failed = true;
    if (k->type_depth)
        k->type_broken = true;
    if (k->stop)
        return;
    /* cmd/compile shows one of equal errors on a line */
    for (size_t i = 0; i < k->errs.len; i++)
        if (k->errs.p[i].line == line && !strcmp(k->errs.p[i].file, file) &&
            !strcmp(k->errs.p[i].msg, msg))
            return;
    diag_set(&e, file, line, col, "%s", msg);
    VEC_PUSH(k->errs, e);
    if (k->errs.len >= CK_MAX_ERRORS)
        k->stop = true;
}

void ck_errorf(checker *k, const ast_node *at, const char *fmt, ...)
{
    char m[900];
    va_list ap;
    if (k->failed)
        return;
    at = k->errpos ? k->errpos : start_of(at);
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    {
        int line, col;
        const char *path = res_node_pos(
            k->R, at, k->pkg && k->pkg->file ? k->pkg->file->path : "",
            &line, &col);
        ck_error_at(k, path, line, col, m);
    }
}

void ck_recover(checker *k)
{
    if (k->failed && !k->stop && !k->abandon_fn && !k->type_broken)
        k->failed = false;
}

/* The errors into d as cmd/compile prints them (diag_list). */
static void errs_out(checker *k, wf_diag *d)
{
    diag_list(k->errs.p, k->errs.len, k->stop, d);
}

uint32_t ck_name(checker *k, const char *s)
{
    return cname(k->C, s);
}

const char *ck_name_str(checker *k, uint32_t id)
{
    return k->prog->names.p[id];
}

/* The last element of an import path. */
static const char *path_elem(const char *path)
{
    const char *sl = strrchr(path, '/');
    return sl ? sl + 1 : path;
}

/* A name of package t met in a file of k->pkg: a dot import's use. */
static void use_dot_import(checker *k, const ast_node *ident, res_pkg *t)
{
    ast_file *f = k->pkg->file;
    for (size_t i = 0; f && i < f->imports.n; i++) {
        ast_node *im = f->imports.v[i];
        res_sym *s;
        if (!im->u.import.name || im->file != ident->file ||
            strcmp(im->u.import.name->u.ident.name, "."))
            continue;
        s = res_lookup(k->R, k->pkg, im);
        if (s && s->target == t)
            ck_obj_get(k, s)->used = true;
    }
}

res_sym *ck_sym(checker *k, const ast_node *ident)
{
    res_sym *s = res_lookup(k->R, k->pkg, ident);
    if (s && s->pkg && k->pkg && s->pkg != k->pkg && s->kind != RS_PKG)
        use_dot_import(k, ident, s->pkg);
    return s;
}

/* ---- tables --------------------------------------------------------------- */

static size_t ptr_hash(const void *p)
{
    uint64_t x = (uint64_t)(uintptr_t)p;
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return (size_t)x;
}

/* The records lie in blocks of CK_INFO_BLK (each a small allocation:
 * neither cleared nor copied as the table grows, and never big enough
 * for malloc to map and unmap it afresh on every compilation); the open-
 * addressing index on node addresses holds their positions + 1. */
#define CK_INFO_BLK 256

static ck_info *info_at(const checker *k, uint32_t pos)
{
    return &k->info_blk[pos / CK_INFO_BLK][pos % CK_INFO_BLK];
}

ck_info *ck_info_get(const checker *k, const ast_node *n)
{
    size_t i;
    if (!k->info_cap || !n)
        return NULL;
    i = ptr_hash(n) & (k->info_cap - 1);
    while (k->info_idx[i]) {
        ck_info *x = info_at(k, k->info_idx[i] - 1);
        if (x->node == n)
            return x;
        i = (i + 1) & (k->info_cap - 1);
    }
    return NULL;
}

/* The record of node n, made empty if there is none. A pointer returned
 * stays good as the table grows. */
ck_info *ck_info_put(checker *k, const ast_node *n)
{
    size_t i;
    ck_info *x = ck_info_get(k, n);
    if (x)
        return x;
    if (2 * (k->info_len + 1) > k->info_cap) {
        size_t ncap = k->info_cap ? k->info_cap * 2 : 1024;
        uint32_t *m = wf_xcalloc(ncap, sizeof *m);
        for (uint32_t j = 0; j < k->info_len; j++) {
            size_t h = ptr_hash(info_at(k, j)->node) & (ncap - 1);
            while (m[h])
                h = (h + 1) & (ncap - 1);
            m[h] = j + 1;
        }
        free(k->info_idx);
        k->info_idx = m;
        k->info_cap = ncap;
    }
    if (k->info_len % CK_INFO_BLK == 0) {
        ck_info *blk = wf_xmalloc(CK_INFO_BLK * sizeof *blk);
        VEC_PUSH(k->info_blks, blk);
        k->info_blk = k->info_blks.p;
    }
    i = ptr_hash(n) & (k->info_cap - 1);
    while (k->info_idx[i])
        i = (i + 1) & (k->info_cap - 1);
    x = info_at(k, (uint32_t)k->info_len);
    memset(x, 0, sizeof *x);
    x->node = n;
    k->info_idx[i] = (uint32_t)++k->info_len;
    return x;
}

ck_obj *ck_obj_get(checker *k, const res_sym *s)
{
    size_t i;
    ck_obj *o;
    if (!s)
        return NULL;
    if (2 * (k->objs_len + 1) > k->objs_cap) {
        size_t ncap = k->objs_cap ? k->objs_cap * 2 : 1024;
        ck_obj **m = wf_xcalloc(ncap, sizeof *m);
        for (size_t j = 0; j < k->objs_cap; j++)
            if (k->objs[j]) {
                size_t h = ptr_hash(k->objs[j]->sym) & (ncap - 1);
                while (m[h])
                    h = (h + 1) & (ncap - 1);
                m[h] = k->objs[j];
            }
        free(k->objs);
        k->objs = m;
        k->objs_cap = ncap;
    }
    i = ptr_hash(s) & (k->objs_cap - 1);
    while (k->objs[i]) {
        if (k->objs[i]->sym == s)
            return k->objs[i];
        i = (i + 1) & (k->objs_cap - 1);
    }
    o = arena_alloc(&k->mem, sizeof *o);
    memset(o, 0, sizeof *o);
    o->sym = s;
    k->objs[i] = o;
    k->objs_len++;
    return o;
}

static const ck_obj *obj_find(const checker *k, const res_sym *s)
{
    size_t i;
    if (!s || !k->objs_cap)
        return NULL;
    i = ptr_hash(s) & (k->objs_cap - 1);
    while (k->objs[i]) {
        if (k->objs[i]->sym == s)
            return k->objs[i];
        i = (i + 1) & (k->objs_cap - 1);
    }
    return NULL;
}

ck_named *ck_named_of(checker *k, uint32_t t)
{
    uint32_t idx = VM_TIDX(t);
    while (k->named.len <= idx) {
        ck_named z;
        memset(&z, 0, sizeof z);
        VEC_PUSH(k->named, z);
    }
    return &k->named.p[idx];
}

void ck_record(checker *k, const operand *x)
{
    ck_info *in;
    if (!x->expr)
        return;
    in = ck_info_put(k, x->expr);
    in->type = x->type;
    in->mode = (uint8_t)x->mode;
    in->has_val = x->mode == CK_CONST;
    if (in->has_val) {
        if (!in->val)
            in->val = arena_alloc(&k->mem, sizeof *in->val);
        *in->val = x->val;
    }
}

/* ---- package-level objects ---------------------------------------------------- */

/* A constant spec's value for name index i. */
static void const_decl_in(checker *k, res_sym *s, ck_obj *o);

/* A constant: an error in an initializer an implicit spec repeats is
 * reported at the constant's name (types2's errpos). */
static void const_decl(checker *k, res_sym *s, ck_obj *o)
{
    const ast_node *saved = k->errpos;
    k->errpos = s->spec->u.value_spec.implicit ? s->ident : NULL;
    const_decl_in(k, s, o);
    k->errpos = saved;
}

static void const_decl_in(checker *k, res_sym *s, ck_obj *o)
{
    ast_node *spec = s->spec;
    ast_node *vn;
    operand x;
    int64_t saved_iota = k->iota;
    uint32_t t = 0;
    if ((size_t)s->index >= spec->u.value_spec.values.n) {
        ck_errorf(k, s->ident, spec->u.value_spec.values.n
                                   ? "missing init expr for const declaration"
                                   : "missing init expr for const "
                                     "declaration");
        return;
    }
    if (spec->u.value_spec.type) {
        t = ck_typexpr(k, spec->u.value_spec.type);
        if (t && !ck_is_const_type(k, t)) {
            ck_errorf(k, spec->u.value_spec.type, "invalid constant type %s",
                      ck_tstr(k, t));
            return;
        }
    }
    vn = spec->u.value_spec.values.v[s->index];
    k->iota = spec->u.value_spec.iota;
    {
        ast_node *saved_spec = k->const_spec;
        k->const_spec = spec;
        ck_expr(k, &x, vn);
        k->const_spec = saved_spec;
    }
    k->iota = saved_iota;
    if (x.mode == CK_INVALID)
        return;
    if (x.mode != CK_CONST) {
        ck_errorf(k, vn, "%s is not constant", ck_op_str(k, &x));
        return;
    }
    if (t) {
        ck_assignment(k, &x, t, "constant declaration");
        if (x.mode == CK_INVALID)
            return;
    }
    o->type = x.type;
    o->val = x.val;
}

/* A package variable spec: every name's type at once. */
static void var_decl(checker *k, res_sym *s)
{
    ast_node *spec = s->spec;
    ast_list names = spec->u.value_spec.names, vals = spec->u.value_spec.values;
    uint32_t t = 0;
    res_pkg *p = s->pkg;
    ck_obj *objs[64];
    size_t n = names.n < 64 ? names.n : 64;
    for (size_t i = 0; i < n; i++) {
        objs[i] = ck_obj_get(k, res_lookup(k->R, p, names.v[i]));
        objs[i]->state = 1;
    }
    if (spec->u.value_spec.type)
        t = ck_typexpr(k, spec->u.value_spec.type);
    if (vals.n == 0) {
        for (size_t i = 0; i < n; i++) {
            objs[i]->type = t;
            objs[i]->state = 2;
        }
        return;
    }
    if (vals.n == names.n) {
        for (size_t i = 0; i < n && !k->failed; i++) {
            operand x;
            ck_expr(k, &x, vals.v[i]);
            if (x.mode == CK_INVALID)
                break;
            if (t) {
                ck_assignment(k, &x, t, "variable declaration");
                objs[i]->type = t;
            } else {
                ck_assignment(k, &x, 0, "variable declaration");
                objs[i]->type = x.type;
            }
            objs[i]->state = 2;
        }
        return;
    }
    if (vals.n == 1) {
        operand x;
        ck_multi_expr(k, &x, vals.v[0]);
        if (x.mode == CK_INVALID)
            return;
        {
            uint32_t tt = x.type;
            const vm_type *ty = tt ? prog_type(k->prog, tt) : NULL;
            uint32_t nres = (tt && VM_KIND(tt) == K_TUPLE) ? ty->nresults : 1;
            if ((x.mode == CK_COMMAOK || x.mode == CK_MAPINDEX) &&
                names.n == 2) {
                if (t) {
                    ck_assignment(k, &x, t, "variable declaration");
                    objs[0]->type = t;
                } else {
                    ck_assignment(k, &x, 0, "variable declaration");
                    objs[0]->type = x.type;
                }
                objs[1]->type = t ? t : T_BOOL;
                objs[0]->state = objs[1]->state = 2;
                return;
            }
            if (nres != names.n) {
                ck_errorf(k, names.v[0],
                          "assignment mismatch: %zu variable%s but %s returns "
                          "%u value%s",
                          names.n, names.n == 1 ? "" : "s",
                          ck_op_str(k, &x), nres, nres == 1 ? "" : "s");
                return;
            }
            for (size_t i = 0; i < n; i++) {
                uint32_t rt = ty->params[ty->nparams + i];
                if (t) {
                    operand r;
                    memset(&r, 0, sizeof r);
                    r.mode = CK_VALUE;
                    r.type = rt;
                    r.expr = vals.v[0];
                    if (!ck_assignable(k, &r, t, NULL, 0) && !k->failed)
                        ck_errorf(k, vals.v[0],
                                  "cannot use %s value as %s value in "
                                  "assignment",
                                  ck_tstr(k, rt), ck_tstr(k, t));
                    objs[i]->type = t;
                } else {
                    objs[i]->type = rt;
                }
                objs[i]->state = 2;
            }
        }
        return;
    }
    if (vals.n > names.n)
        ck_errorf(k, vals.v[names.n], "assignment mismatch: %zu variable%s "
                                      "but %zu value%s",
                  names.n, names.n == 1 ? "" : "s", vals.n,
                  vals.n == 1 ? "" : "s");
    else
        ck_errorf(k, names.v[vals.n], "assignment mismatch: %zu variable%s "
                                      "but %zu value%s",
                  names.n, names.n == 1 ? "" : "s", vals.n,
                  vals.n == 1 ? "" : "s");
}

void ck_obj_decl(checker *k, res_sym *s)
{
    ck_obj *o;
    res_pkg *saved_pkg;
    ck_func *saved_fn;
    int64_t saved_iota;
    if (!s || k->failed)
        return;
    switch (s->kind) {
    case RS_TYPE:
        ck_named_type(k, s);
        return;
    case RS_CONST:
    case RS_VAR:
    case RS_FUNC:
        break;
    default:
        return;
    }
    o = ck_obj_get(k, s);
    if (o->state == 2)
        return;
    if (o->state == 1) {
        if (s->kind == RS_FUNC)
            return; /* a signature referring to its function: fine */
        ck_errorf(k, s->ident, "initialization cycle or invalid recursion: "
                               "%s refers to itself",
                  s->name);
        return;
    }
    o->state = 1;
    saved_pkg = k->pkg;
    saved_fn = k->fn;
    saved_iota = k->iota;
    k->pkg = s->pkg;
    k->fn = NULL;
    k->iota = -1;
    switch (s->kind) {
    case RS_CONST:
        const_decl(k, s, o);
        break;
    case RS_VAR:
        if (s->fn) { /* a local: declared by its statement */
            break;
        }
        var_decl(k, s);
        o = ck_obj_get(k, s);
        break;
    case RS_FUNC:
        if (s->spec->u.func_decl.type->u.func_type.tparams.n) {
            uint32_t tps[64], n;
            n = ck_declare_tparams(k, s->spec->u.func_decl.type->u.func_type
                                          .tparams,
                                   tps, 64);
            o = ck_obj_get(k, s);
            o->tparams = arena_alloc(&k->mem, (n ? n : 1) * sizeof *tps);
            memcpy(o->tparams, tps, n * sizeof *tps);
            o->ntparams = n;
        }
        o->type = ck_signature(k, s->spec->u.func_decl.type, NULL);
        o = ck_obj_get(k, s);
        /* sync.OnceValue and OnceValues take any func() T: until the
         * library has generics, they are typed dynamically */
        if (s->pkg->library && !strcmp(s->pkg->path, "sync") &&
            !strncmp(s->name, "OnceValue", 9))
            o->type = 0;
        break;
    default:
        break;
    }
    k->pkg = saved_pkg;
    k->fn = saved_fn;
    k->iota = saved_iota;
    if (k->failed)
        o->bad = true; /* what uses it says nothing more */
    o->state = 2;
}

/* ---- packages ------------------------------------------------------------------ */

static void check_pkg(checker *k, res_pkg *p)
{
    ast_file *f = p->file;
    size_t abandoned0 = k->abandoned, errs0 = k->errs.len;
    k->pkg = p;
    /* every package-level object, then the methods of each named type */
    for (size_t i = 0; i < p->decls.len && !k->failed; i++) {
        res_sym *s = p->decls.p[i];
        /* a library function waiting to be reached: its signature too
         * (checked on the first reference) */
        if ((s->kind == RS_FUNC && ck_reach_waits(k, s->spec)) ||
            ck_reach_type_waits(k, s))
            continue;
        ck_obj_decl(k, s);
        /* the next declaration, unless a type is broken */
        ck_recover(k);
    }
    /* a declaration had an error: the bodies could say more of it */
    if (k->errs.len != errs0)
        k->failed = true;
    for (size_t i = 0; i < p->decls.len && !k->failed; i++) {
        res_sym *s = p->decls.p[i];
        if (s->kind == RS_TYPE && s->spec && !s->spec->u.type_spec.alias &&
            !ck_reach_type_waits(k, s))
            ck_collect_methods(k, ck_named_type(k, s));
    }
    /* map keys and embedded fields, now the types are complete and the
     * constraints known */
    ck_later_run(k);
    /* function bodies, in source order */
    k->pkg = p;
    for (size_t i = 0; i < f->decls.n && !k->failed; i++) {
        ast_node *d = f->decls.v[i];
        uint32_t sig;
        if (d->kind != AST_FUNC_DECL || !d->u.func_decl.body ||
            ck_reach_waits(k, d))
            continue;
        k->pkg = p;
        sig = ck_signature(k, d->u.func_decl.type, d->u.func_decl.recv);
        ck_func_body(k, d, d->u.func_decl.recv, sig, d->u.func_decl.body);
        ck_later_run(k);
        /* another function's body says nothing more about this one (its
         * local types are its own) */
        k->type_broken = false;
        ck_recover(k);
    }
    /* imports nobody uses (after a statement with an error a use may
     * have gone unseen: nothing is said then) */
    k->pkg = p;
    for (size_t i = 0; i < f->imports.n && !k->failed && !p->library &&
                       k->abandoned == abandoned0;
         i++) {
        ast_node *im = f->imports.v[i];
        res_sym *s = res_lookup(k->R, p, im);
        const char *path = (const char *)im->u.import.path->u.string_lit.bytes;
        if (!s || ck_obj_get(k, s)->used)
            continue;
        /* named as its path's last element, or dot-imported: as not
         * named (types2's errorUnusedPkg) */
        if (im->u.import.name && strcmp(im->u.import.name->u.ident.name,
                                        ".") &&
            strcmp(im->u.import.name->u.ident.name, path_elem(path)))
            ck_errorf(k, im, "\"%s\" imported as %s and not used", path,
                      im->u.import.name->u.ident.name);
        else
            ck_errorf(k, im, "\"%s\" imported and not used", path);
        ck_recover(k);
    }
}

checker *check_new(compiler *c)
{
    checker *k = wf_xcalloc(1, sizeof *k);
    k->C = c;
    k->prog = c->prog;
    k->iota = -1;
    arena_init(&k->mem);
    return k;
}

wf_status check_run(checker *k, resolver *R, wf_diag *d)
{
    wf_diag dummy;
    k->R = R;
    k->d = d ? d : &dummy;
    ck_reach_init(k);
    for (size_t i = 0; i < res_npkgs(R) && !k->failed; i++)
        check_pkg(k, res_pkg_at(R, i));
    if (!k->errs.len)
        ck_reach_run(k);
    if (k->errs.len) {
        errs_out(k, k->d);
        return WF_ERR_INPUT;
    }
    if (k->failed) /* silenced with no error first: cannot happen */
        return diag_set(k->d, "", 0, 0, "the type checker failed");
    return WF_OK;
}

void check_free(checker *k)
{
    if (!k)
        return;
    for (size_t i = 0; i < k->named.len; i++)
        VEC_FREE(k->named.p[i].methods);
    VEC_FREE(k->named);
    VEC_FREE(k->locals);
    VEC_FREE(k->instances);
    VEC_FREE(k->tparam_decls);
    VEC_FREE(k->later);
    VEC_FREE(k->errs);
    VEC_FREE(k->lazies);
    VEC_FREE(k->reach_todo);
    VEC_FREE(k->name_methods);
    VEC_FREE(k->name_reached);
    for (size_t i = 0; i < k->info_blks.len; i++)
        free(k->info_blks.p[i]);
    VEC_FREE(k->info_blks);
    free(k->info_idx);
    free(k->objs);
    arena_fini(&k->mem);
    free(k);
}

/* ---- queries -------------------------------------------------------------------- */

uint32_t check_type_of(const checker *k, const ast_node *n)
{
    const ck_info *in = ck_info_get(k, n);
    if (!in)
        return 0;
    return in->untyped ? ck_default(in->type) : in->type;
}

ck_mode check_mode_of(const checker *k, const ast_node *n)
{
    const ck_info *in = ck_info_get(k, n);
    return in ? (ck_mode)in->mode : CK_INVALID;
}

bool check_const_of(const checker *k, const ast_node *n, const_val *out)
{
    const ck_info *in = ck_info_get(k, n);
    if (!in || !in->has_val)
        return false;
    *out = *in->val;
    return true;
}

const ck_selection *check_selection(const checker *k, const ast_node *n)
{
    const ck_info *in = ck_info_get(k, n);
    return in ? in->sel : NULL;
}

uint32_t check_sym_type(const checker *k, const res_sym *s)
{
    const ck_obj *o = obj_find(k, s);
    return o ? o->type : 0;
}

bool check_sym_const(const checker *k, const res_sym *s, const_val *out)
{
    const ck_obj *o = obj_find(k, s);
    if (!o || s->kind != RS_CONST || o->state != 2 ||
        o->val.k == CONST_UNKNOWN)
        return false;
    *out = o->val;
    return true;
}

uint32_t check_subst(checker *k, uint32_t t, const uint32_t *tps,
                     const uint32_t *targs, uint32_t n)
{
    return ck_subst(k, t, tps, targs, n);
}

uint32_t check_targs(const checker *k, const ast_node *n,
                     const uint32_t **targs)
{
    const ck_info *in = ck_info_get(k, n);
    if (!in || !in->ntargs)
        return 0;
    *targs = in->targs;
    return in->ntargs;
}

uint32_t check_func_tparams(const checker *k, const res_sym *fn,
                            const uint32_t **tps)
{
    const ck_obj *o = obj_find(k, fn);
    if (!o || !o->ntparams)
        return 0;
    *tps = o->tparams;
    return o->ntparams;
}

size_t check_ninstances(const checker *k)
{
    return k->instances.len;
}

uint32_t check_instance(const checker *k, size_t i)
{
    return k->instances.p[i];
}

bool check_is_untyped(uint32_t t)
{
    return ck_is_untyped(t);
}

uint32_t check_default(uint32_t t)
{
    return ck_default(t);
}

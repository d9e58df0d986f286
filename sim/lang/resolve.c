/* resolve.c: see resolve.h. */
#include "sim/lang/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/parse.h"
#include "sim/lang/value.h"

#include "sim/lang/resolve_int.h"

/* ---- interning and the position map ------------------------------------ */

static uint64_t str_hash(const char *s)
{
    return hash_bytes(HASH_INIT, s, strlen(s));
}

const char *res_intern(resolver *r, const char *s)
{
    size_t i;
    if (2 * (r->strs_len + 1) > r->strs_cap) {
        size_t ncap = r->strs_cap ? r->strs_cap * 2 : 256;
        char **n = wf_xcalloc(ncap, sizeof *n);
        for (size_t k = 0; k < r->strs_cap; k++)
            if (r->strs[k]) {
                size_t j = str_hash(r->strs[k]) & (ncap - 1);
                while (n[j])
                    j = (j + 1) & (ncap - 1);
                n[j] = r->strs[k];
            }
        free(r->strs);
        r->strs = n;
        r->strs_cap = ncap;
    }
    i = str_hash(s) & (r->strs_cap - 1);
    while (r->strs[i]) {
        if (!strcmp(r->strs[i], s))
            return r->strs[i];
        i = (i + 1) & (r->strs_cap - 1);
    }
    r->strs[i] = wf_xstrdup(s);
    r->strs_len++;
    return r->strs[i];
}

/* A node's identity: its file's id (unique in the program), line and
 * column. */
static uint64_t pos_key(const ast_node *n)
{
    return ((uint64_t)(n->file + 1) << 52) | ((uint64_t)n->line << 22) |
           (uint64_t)(n->col & 0x3fffff);
}

void res_map_put(resolver *r, const ast_node *n, res_sym *s)
{
    uint64_t key = pos_key(n);
    size_t i;
    if (2 * (r->map_len + 1) > r->map_cap) {
        size_t ncap = r->map_cap ? r->map_cap * 2 : 1024;
        pos_slot *m = wf_xcalloc(ncap, sizeof *m);
        for (size_t k = 0; k < r->map_cap; k++)
            if (r->map[k].key) {
                size_t j = hash_u64(HASH_INIT, r->map[k].key) & (ncap - 1);
                while (m[j].key)
                    j = (j + 1) & (ncap - 1);
                m[j] = r->map[k];
            }
        free(r->map);
        r->map = m;
        r->map_cap = ncap;
    }
    i = hash_u64(HASH_INIT, key) & (r->map_cap - 1);
    while (r->map[i].key && r->map[i].key != key)
        i = (i + 1) & (r->map_cap - 1);
    if (!r->map[i].key)
        r->map_len++;
    r->map[i].key = key;
    r->map[i].sym = s;
}

res_sym *res_lookup(const resolver *r, const res_pkg *p, const ast_node *n)
{
    uint64_t key;
    size_t i;
    (void)p; /* positions are unique in the program */
    if (!r->map_cap || !n)
        return NULL;
    key = pos_key(n);
    i = hash_u64(HASH_INIT, key) & (r->map_cap - 1);
    while (r->map[i].key) {
        if (r->map[i].key == key)
            return r->map[i].sym;
        i = (i + 1) & (r->map_cap - 1);
    }
    return NULL;
}

/* ---- errors ------------------------------------------------------------- */

static void err_at(resolver *r, wf_diag *d, const ast_node *n,
                   const char *m)
{
    int line, col;
    const char *path = res_node_pos(
        r, n, r->pkg && r->pkg->file ? r->pkg->file->path : "", &line, &col);
    diag_set(d, path, line, col, "%s", m);
}

void res_err(resolver *r, const ast_node *n, const char *fmt, ...)
{
    char m[900];
    va_list ap;
    if (r->failed)
        return;
    r->failed = true;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    if (r->soft.len) { /* the soft ones found before, then this one */
        wf_diag d;
        err_at(r, &d, n, m);
        VEC_PUSH(r->soft, d);
        diag_list(r->soft.p, r->soft.len, false, r->d);
        return;
    }
    err_at(r, r->d, n, m);
}

void res_soft_err(resolver *r, const ast_node *n, const char *fmt, ...)
{
    char m[900];
    va_list ap;
    wf_diag d;
    if (r->failed)
        return;
    va_start(ap, fmt);
    vsnprintf(m, sizeof m, fmt, ap);
    va_end(ap);
    err_at(r, &d, n, m);
    VEC_PUSH(r->soft, d);
    if (r->soft.len >= 10) {
        r->failed = true;
        diag_list(r->soft.p, r->soft.len, true, r->d);
    }
}

void res_soft_end(resolver *r)
{
    if (r->failed || !r->soft.len)
        return;
    r->failed = true;
    diag_list(r->soft.p, r->soft.len, false, r->d);
}

const ast_file *res_node_file(const resolver *r, const ast_node *n)
{
    if (!n || n->file < 0 || (size_t)n->file >= r->byid.len)
        return NULL;
    return r->byid.p[n->file];
}

const char *res_node_path(const resolver *r, const ast_node *n,
                          const char *fallback)
{
    const ast_file *f = res_node_file(r, n);
    return f ? f->path : fallback;
}

const char *res_node_pos(const resolver *r, const ast_node *n,
                         const char *fallback, int *line, int *col)
{
    const ast_file *f = n ? res_node_file(r, n) : NULL;
    const char *path = f ? f->path : fallback, *dfile = NULL;
    *line = n ? n->line : 0;
    *col = n ? n->col : 0;
    if (f && f->nlinedirs && *line > 0) {
        *line = lex_linedir_at(f->linedirs, f->nlinedirs, *line, *col,
                               &dfile);
        if (dfile && *dfile)
            path = dfile;
    }
    return path;
}

bool res_is_test_path(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n >= 8 && !strcmp(path + n - 8, "_test.go");
}

bool res_is_test_file(const ast_file *f)
{
    return f && res_is_test_path(f->path);
}

/* ---- symbols and scopes ------------------------------------------------- */

res_sym *res_new_sym(resolver *r, res_kind k, const char *name,
                     ast_node *ident)
{
    res_sym *s = wf_xcalloc(1, sizeof *s);
    s->kind = k;
    s->name = res_intern(r, name);
    s->pkg = r->pkg;
    s->ident = ident;
    s->fn = r->fn;
    s->reg = -1;
    s->gindex = -1;
    VEC_PUSH(r->syms, s);
    return s;
}

res_scope *res_new_scope(resolver *r, res_scope *up)
{
    res_scope *s = wf_xcalloc(1, sizeof *s);
    s->up = up;
    s->work = &r->find_work;
    s->fn = r->fn;
    VEC_PUSH(r->scopes, s);
    return s;
}

#define SCOPE_INDEX_MIN 16

/* Names are interned: one name, one address. The slot is found from the
 * address, but only a look-up uses the index (nothing iterates it), so no
 * order depends on addresses. */
static size_t name_slot(const char *name, size_t cap)
{
    return (size_t)(hash_u64(0, (uint64_t)(uintptr_t)name) & (cap - 1));
}

static void index_put(res_scope *s, res_sym *sym)
{
    size_t i = name_slot(sym->name, s->index_cap);
    while (s->index[i])
        i = (i + 1) & (s->index_cap - 1);
    s->index[i] = sym;
}

static void index_grow(res_scope *s)
{
    size_t cap = s->index_cap ? s->index_cap * 2 : 2 * SCOPE_INDEX_MIN * 2;
    free(s->index);
    s->index = wf_xcalloc(cap, sizeof *s->index);
    s->index_cap = cap;
    for (size_t i = 0; i < s->syms.len; i++)
        index_put(s, s->syms.p[i]);
}

/* sym joins s (every symbol of a scope comes in here, so the index holds
 * them all). */
void res_scope_add(res_scope *s, res_sym *sym)
{
    VEC_PUSH(s->syms, sym);
    if (s->index && 2 * s->syms.len <= s->index_cap)
        index_put(s, sym);
    else if (s->syms.len >= SCOPE_INDEX_MIN)
        index_grow(s);
}

res_sym *res_scope_find(res_scope *s, const char *name)
{
    if (s->index) {
        size_t i = name_slot(name, s->index_cap);
        for (; s->index[i]; i = (i + 1) & (s->index_cap - 1)) {
            (*s->work)++;
            if (s->index[i]->name == name)
                return s->index[i];
        }
        return NULL;
    }
    *s->work += s->syms.len;
    for (size_t i = 0; i < s->syms.len; i++)
        if (s->syms.p[i]->name == name)
            return s->syms.p[i];
    return NULL;
}

uint64_t res_find_work(const resolver *r)
{
    return r->find_work;
}

void res_declare(resolver *r, res_scope *s, res_sym *sym)
{
    res_sym *old;
    if (!strcmp(sym->name, "_"))
        return;
    old = res_scope_find(s, sym->name);
    if (old) {
        res_err(r, sym->ident, "%s redeclared in this block", sym->name);
        return;
    }
    res_scope_add(s, sym);
    if (sym->ident)
        res_map_put(r, sym->ident, sym);
}

static res_sym *lookup(resolver *r, res_scope *s, const char *name)
{
    for (; s; s = s->up) {
        res_sym *x = res_scope_find(s, name);
        if (x)
            return x;
    }
    (void)r;
    return NULL;
}

res_sym *res_universe(const resolver *r, const char *name)
{
    for (size_t i = 0; i < r->universe->syms.len; i++)
        if (!strcmp(r->universe->syms.p[i]->name, name))
            return r->universe->syms.p[i];
    return NULL;
}

res_sym *res_pkg_sym(const resolver *r, const res_pkg *p, const char *name)
{
    (void)r;
    for (size_t i = 0; i < p->scope->syms.len; i++)
        if (!strcmp(p->scope->syms.p[i]->name, name))
            return p->scope->syms.p[i];
    return NULL;
}

static const struct {
    const char *name;
    int ti;
} universe_types[] = {
    {"bool", TI_BOOL},       {"int", TI_INT},       {"int8", TI_INT8},
    {"int16", TI_INT16},     {"int32", TI_INT32},   {"rune", TI_INT32},
    {"int64", TI_INT64},     {"uint", TI_UINT},     {"uint8", TI_UINT8},
    {"byte", TI_UINT8},      {"uint16", TI_UINT16}, {"uint32", TI_UINT32},
    {"uint64", TI_UINT64},   {"uintptr", TI_UINTPTR},
    {"float64", TI_FLOAT64}, {"float32", TI_FLOAT32},
    {"string", TI_STRING},   {"any", TI_ANY},       {"error", TI_ERROR},
    {"comparable", TI_COMPARABLE}, {"complex64", TI_COMPLEX64},
    {"complex128", TI_COMPLEX128},
};

static const char *const builtin_names[RB__COUNT] = {
    "append", "cap",   "clear",   "close", "copy",    "delete",
    "len",    "make",  "max",     "min",   "new",     "panic",
    "print",  "println", "recover", "assert", "progress",
    "complex", "real", "imag"};

static void make_universe(resolver *r)
{
    res_scope *u = res_new_scope(r, NULL);
    r->universe = u;
    for (size_t i = 0; i < sizeof universe_types / sizeof universe_types[0];
         i++) {
        res_sym *s = res_new_sym(r, RS_TYPE, universe_types[i].name, NULL);
        s->builtin = universe_types[i].ti;
        res_scope_add(u, s);
    }
    for (int i = 0; i < RB__COUNT; i++) {
        res_sym *s = res_new_sym(r, RS_BUILTIN, builtin_names[i], NULL);
        s->builtin = i;
        res_scope_add(u, s);
    }
    res_scope_add(u, res_new_sym(r, RS_NIL, "nil", NULL));
    res_scope_add(u, res_new_sym(r, RS_TRUE, "true", NULL));
    res_scope_add(u, res_new_sym(r, RS_FALSE, "false", NULL));
    res_scope_add(u, res_new_sym(r, RS_IOTA, "iota", NULL));
}

/* ---- lifecycle ---------------------------------------------------------- */

resolver *res_new(const res_library *lib)
{
    resolver *r = wf_xcalloc(1, sizeof *r);
    r->lib = *lib;
    make_universe(r);
    return r;
}

void res_free(resolver *r)
{
    if (!r)
        return;
    VEC_FREE(r->soft);
    for (size_t i = 0; i < r->syms.len; i++) {
        VEC_FREE(r->syms.p[i]->methods);
        free(r->syms.p[i]);
    }
    for (size_t i = 0; i < r->scopes.len; i++) {
        VEC_FREE(r->scopes.p[i]->syms);
        free(r->scopes.p[i]->index);
        free(r->scopes.p[i]);
    }
    for (size_t i = 0; i < r->funcs.len; i++)
        free(r->funcs.p[i]);
    for (size_t i = 0; i < r->loading.len; i++) {
        res_pkg *p = r->loading.p[i];
        VEC_FREE(p->decls);
        VEC_FREE(p->inits);
        VEC_FREE(p->imports);
        VEC_FREE(p->files);
        free(p);
    }
    for (size_t i = 0; i < r->files.len; i++)
        ast_file_free(r->files.p[i]);
    for (size_t i = 0; i < r->strs_cap; i++)
        free(r->strs[i]);
    free(r->strs);
    free(r->map);
    VEC_FREE(r->syms);
    VEC_FREE(r->scopes);
    VEC_FREE(r->funcs);
    VEC_FREE(r->pkgs);
    VEC_FREE(r->loading);
    VEC_FREE(r->files);
    VEC_FREE(r->byid);
    free(r);
}

res_pkg *res_main(const resolver *r)
{
    return r->main;
}
size_t res_npkgs(const resolver *r)
{
    return r->pkgs.len;
}
res_pkg *res_pkg_at(const resolver *r, size_t i)
{
    return r->pkgs.p[i];
}

/* ---- expressions and types ---------------------------------------------- */

static void expr(resolver *r, res_scope *s, ast_node *n);
static void stmt(resolver *r, res_scope *s, ast_node *n);
static void stmts(resolver *r, res_scope *s, ast_list l);
static void tparams(resolver *r, res_scope *s, ast_list l);

static bool enter(resolver *r)
{
    if (r->depth > 4 * PARSE_MAX_DEPTH)
        return false;
    r->depth++;
    return true;
}

/* The identifier n used as an expression or type: resolve and record. */
static res_sym *use(resolver *r, res_scope *s, ast_node *n)
{
    res_sym *x;
    const char *name = n->u.ident.name;
    if (!strcmp(name, "_")) {
        res_err(r, n, "cannot use _ as value");
        return NULL;
    }
    x = lookup(r, s, res_intern(r, name));
    if (!x && r->pkg->library && name[0] == '_' && name[1] == '_' &&
        r->lib.native) {
        int id = r->lib.native(name + 2);
        if (id >= 0) {
            x = res_new_sym(r, RS_NATIVE, name, NULL);
            x->builtin = id;
        }
    }
    if (!x && r->pkg->library && !strcmp(name, "__handle")) {
        x = res_new_sym(r, RS_TYPE, name, NULL);
        x->builtin = TI_HANDLE;
    }
    if (!x && r->pkg->library && !strcmp(name, "__uptr")) {
        x = res_new_sym(r, RS_TYPE, name, NULL);
        x->builtin = TI_UNSAFEPTR;
    }
    if (!x) {
        res_soft_err(r, n, "undefined: %s", name);
        return NULL;
    }
    if (x->kind == RS_LOCAL && x->fn != r->fn)
        x->captured = true;
    res_map_put(r, n, x);
    return x;
}

/* The type expression behind n, following named types to their
 * definitions (for composite literal keys). NULL when unknown. */
static ast_node *underlying_ast(resolver *r, res_scope *s, ast_node *n,
                                int depth)
{
    res_sym *x = NULL;
    if (!n || depth > 50)
        return NULL;
    switch (n->kind) {
    case AST_PAREN:
        return underlying_ast(r, s, n->u.paren.x, depth + 1);
    case AST_INDEX: /* G[A]: the generic type's definition */
        return underlying_ast(r, s, n->u.index.x, depth + 1);
    case AST_IDENT:
        x = lookup(r, s, res_intern(r, n->u.ident.name));
        break;
    case AST_SELECTOR:
        if (n->u.selector.x->kind == AST_IDENT) {
            res_sym *p = lookup(r, s, res_intern(r, n->u.selector.x->u.ident
                                                       .name));
            if (p && p->kind == RS_PKG && p->target->scope)
                x = res_scope_find(
                    p->target->scope,
                    res_intern(r, n->u.selector.sel->u.ident.name));
            if (x && x->kind == RS_TYPE && x->spec && !x->tparam)
                return underlying_ast(r, x->pkg->scope,
                                      x->spec->u.type_spec.type, depth + 1);
        }
        return NULL;
    default:
        return n;
    }
    if (!x || x->kind != RS_TYPE || !x->spec || x->tparam)
        return NULL;
    /* a type declared in another package: look it up in its scope */
    return underlying_ast(r, x->pkg ? x->pkg->scope : s,
                          x->spec->u.type_spec.type, depth + 1);
}

/* A composite literal whose type (or elided type `elided`) is t. */
static void composite(resolver *r, res_scope *s, ast_node *n,
                      ast_node *elided)
{
    ast_node *t = n->u.composite.type ? n->u.composite.type : elided;
    ast_node *u;
    ast_node *elem = NULL, *key = NULL;
    bool is_struct;
    if (n->u.composite.type)
        expr(r, s, n->u.composite.type);
    u = underlying_ast(r, s, t, 0);
    if (u && u->kind == AST_STAR) /* &T elided in []*T{{...}} */
        u = underlying_ast(r, s, u->u.star.x, 0);
    is_struct = u && u->kind == AST_STRUCT_TYPE;
    if (u && u->kind == AST_ARRAY_TYPE)
        elem = u->u.array.elem;
    else if (u && u->kind == AST_SLICE_TYPE)
        elem = u->u.slice_type.elem;
    else if (u && u->kind == AST_MAP_TYPE) {
        elem = u->u.map.value;
        key = u->u.map.key;
    }
    for (size_t i = 0; i < n->u.composite.elts.n && !r->failed; i++) {
        ast_node *e = n->u.composite.elts.v[i];
        ast_node *v = e;
        if (e->kind == AST_KEY_VALUE) {
            ast_node *k = e->u.kv.key;
            v = e->u.kv.value;
            if (is_struct && k->kind == AST_IDENT) {
                /* a field name: nothing to resolve */
            } else if (!u && k->kind == AST_IDENT) {
                /* a literal of a type only the checker knows (a type
                 * parameter's): a field name or a value, it decides */
                res_sym *ks = lookup(r, s, res_intern(r, k->u.ident.name));
                if (ks) {
                    if (ks->kind == RS_LOCAL && ks->fn != r->fn)
                        ks->captured = true;
                    res_map_put(r, k, ks);
                }
            } else if (k->kind == AST_COMPOSITE_LIT && !k->u.composite.type) {
                composite(r, s, k, key);
            } else {
                expr(r, s, k);
            }
        }
        if (v->kind == AST_COMPOSITE_LIT && !v->u.composite.type)
            composite(r, s, v, elem);
        else if (v->kind == AST_UNARY && v->u.unary.op == TK_AND &&
                 v->u.unary.x->kind == AST_COMPOSITE_LIT &&
                 !v->u.unary.x->u.composite.type)
            composite(r, s, v->u.unary.x, elem);
        else
            expr(r, s, v);
    }
}

static void field_list(resolver *r, res_scope *s, ast_list l)
{
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        if (f->u.field.type)
            expr(r, s, f->u.field.type);
    }
}

static res_func *new_func(resolver *r, ast_node *node)
{
    res_func *f = wf_xcalloc(1, sizeof *f);
    f->node = node;
    f->outer = r->fn;
    f->pkg = r->pkg;
    VEC_PUSH(r->funcs, f);
    return f;
}

/* Why library package t refuses its member name, or NULL. A library
 * file lists what it refuses in string constants named __refuse...,
 * "Name Name ...|why" (os: the functions on files). Copies the reason
 * into why[0, n). */
static bool refused(const res_pkg *t, const char *name, char *why, size_t n)
{
    size_t k = strlen(name);
    if (!t->library)
        return false;
    for (size_t i = 0; i < t->decls.len; i++) {
        const res_sym *c = t->decls.p[i];
        const ast_node *v;
        const char *text, *bar, *w;
        if (c->kind != RS_CONST || strncmp(c->name, "__refuse", 8) ||
            (size_t)c->index >= c->spec->u.value_spec.values.n)
            continue;
        v = c->spec->u.value_spec.values.v[c->index];
        if (v->kind != AST_STRING_LIT)
            continue;
        text = (const char *)v->u.string_lit.bytes;
        bar = strchr(text, '|');
        if (!bar)
            continue;
        for (w = text; w < bar;) {
            size_t m = strcspn(w, " |");
            if (m == k && !strncmp(w, name, k)) {
                snprintf(why, n, "%s", bar + 1);
                return true;
            }
            w += m;
            while (*w == ' ')
                w++;
        }
    }
    return false;
}

static void selector(resolver *r, res_scope *s, ast_node *n)
{
    ast_node *x = n->u.selector.x;
    if (x->kind == AST_IDENT && strcmp(x->u.ident.name, "_")) {
        res_sym *p = use(r, s, x);
        if (!p)
            return;
        if (p->kind == RS_PKG) {
            const char *name = n->u.selector.sel->u.ident.name;
            res_sym *m = res_scope_find(p->target->scope, res_intern(r, name));
            /* a library package reaches another's hooks, "__name" */
            bool hook = r->pkg->library && p->target->library &&
                        !strncmp(name, "__", 2);
            if (!m || ((name[0] < 'A' || name[0] > 'Z') && !hook)) {
                char why[400];
                if (refused(p->target, name, why, sizeof why))
                    res_err(r, n->u.selector.sel, "unsupported: %s.%s: %s",
                            p->name, name, why);
                else
                    res_soft_err(r, n->u.selector.sel, "undefined: %s.%s",
                                 p->name, name);
                return;
            }
            res_map_put(r, n->u.selector.sel, m);
            return;
        }
        if (p->kind == RS_LOCAL)
            p->method_recv = true;
        return;
    }
    expr(r, s, x);
}

static void expr(resolver *r, res_scope *s, ast_node *n)
{
    if (!n || r->failed)
        return;
    if (!enter(r)) {
        res_err(r, n, "expression too deeply nested");
        return;
    }
    switch (n->kind) {
    case AST_IDENT:
        use(r, s, n);
        break;
    case AST_INT_LIT:
    case AST_FLOAT_LIT:
    case AST_RUNE_LIT:
    case AST_STRING_LIT:
        break;
    case AST_COMPOSITE_LIT:
        composite(r, s, n, NULL);
        break;
    case AST_FUNC_LIT:
        res_func_decl(r, s, n, NULL, n->u.func_lit.type, n->u.func_lit.body);
        break;
    case AST_PAREN:
        expr(r, s, n->u.paren.x);
        break;
    case AST_SELECTOR:
        selector(r, s, n);
        break;
    case AST_INDEX:
        expr(r, s, n->u.index.x);
        expr(r, s, n->u.index.index);
        for (size_t i = 0; i < n->u.index.more.n; i++)
            expr(r, s, n->u.index.more.v[i]);
        break;
    case AST_SLICE:
        expr(r, s, n->u.slice.x);
        expr(r, s, n->u.slice.lo);
        expr(r, s, n->u.slice.hi);
        expr(r, s, n->u.slice.max);
        break;
    case AST_TYPE_ASSERT:
        expr(r, s, n->u.type_assert.x);
        expr(r, s, n->u.type_assert.type);
        break;
    case AST_CALL: {
        ast_node *fn = n->u.call.fn;
        expr(r, s, fn);
        if (!r->failed && fn->kind == AST_IDENT) {
            res_sym *b = res_lookup(r, r->pkg, fn);
            if (b && b->kind == RS_BUILTIN &&
                (b->builtin == RB_MAKE || b->builtin == RB_NEW)) {
                /* make(T, ...) and new(T): the first argument is a type */
            }
        }
        for (size_t i = 0; i < n->u.call.args.n; i++)
            expr(r, s, n->u.call.args.v[i]);
        break;
    }
    case AST_STAR:
        expr(r, s, n->u.star.x);
        break;
    case AST_UNARY:
        expr(r, s, n->u.unary.x);
        if (!r->failed && n->u.unary.op == TK_AND) {
            ast_node *x = n->u.unary.x;
            while (x->kind == AST_PAREN)
                x = x->u.paren.x;
            if (x->kind == AST_IDENT) {
                res_sym *v = res_lookup(r, r->pkg, x);
                if (v && v->kind == RS_LOCAL)
                    v->addr_taken = true;
            }
        }
        break;
    case AST_BINARY:
        expr(r, s, n->u.binary.x);
        expr(r, s, n->u.binary.y);
        break;
    case AST_KEY_VALUE:
        expr(r, s, n->u.kv.key);
        expr(r, s, n->u.kv.value);
        break;
    case AST_ELLIPSIS:
        expr(r, s, n->u.ellipsis.elt);
        break;
    case AST_ARRAY_TYPE:
        if (n->u.array.len && n->u.array.len->kind != AST_ELLIPSIS)
            expr(r, s, n->u.array.len);
        expr(r, s, n->u.array.elem);
        break;
    case AST_SLICE_TYPE:
        expr(r, s, n->u.slice_type.elem);
        break;
    case AST_MAP_TYPE:
        expr(r, s, n->u.map.key);
        expr(r, s, n->u.map.value);
        break;
    case AST_CHAN_TYPE:
        expr(r, s, n->u.chan.elem);
        break;
    case AST_FUNC_TYPE:
        field_list(r, s, n->u.func_type.params);
        field_list(r, s, n->u.func_type.results);
        break;
    case AST_STRUCT_TYPE:
        field_list(r, s, n->u.struct_type.fields);
        break;
    case AST_INTERFACE_TYPE:
        for (size_t i = 0; i < n->u.interface_type.methods.n; i++) {
            ast_node *m = n->u.interface_type.methods.v[i];
            expr(r, s, m->u.field.type);
        }
        break;
    case AST_FIELD:
        expr(r, s, n->u.field.type);
        break;
    default:
        res_err(r, n, "unexpected %s in an expression", ast_kind_str(n->kind));
        break;
    }
    r->depth--;
}

/* ---- declarations ------------------------------------------------------- */

/* A local declared by ident in scope s. */
res_sym *res_local(resolver *r, res_scope *s, ast_node *ident,
                   ast_node *type, ast_node *spec)
{
    res_sym *v = res_new_sym(r, RS_LOCAL, ident->u.ident.name, ident);
    v->type_node = type;
    v->spec = spec;
    if (strcmp(ident->u.ident.name, "_"))
        res_declare(r, s, v);
    else
        res_map_put(r, ident, v);
    return v;
}

void res_value_spec(resolver *r, res_scope *s, ast_node *spec,
                    lex_kind tok, bool pkg_level)
{
    ast_list names = spec->u.value_spec.names;
    expr(r, s, spec->u.value_spec.type);
    for (size_t i = 0; i < spec->u.value_spec.values.n; i++)
        expr(r, s, spec->u.value_spec.values.v[i]);
    if (pkg_level || r->failed)
        return;
    for (size_t i = 0; i < names.n; i++) {
        ast_node *id = names.v[i];
        res_sym *v;
        if (tok == TK_CONST) {
            v = res_new_sym(r, RS_CONST, id->u.ident.name, id);
            v->spec = spec;
            v->index = (int)i;
            /* a blank constant is checked all the same */
            if (strcmp(id->u.ident.name, "_"))
                res_declare(r, s, v);
            else
                res_map_put(r, id, v);
        } else {
            res_local(r, s, id, spec->u.value_spec.type, spec);
        }
    }
}

void res_type_spec(resolver *r, res_scope *s, ast_node *spec,
                   bool pkg_level)
{
    if (!pkg_level) {
        res_sym *t = res_new_sym(r, RS_TYPE,
                                 spec->u.type_spec.name->u.ident.name,
                                 spec->u.type_spec.name);
        t->spec = spec;
        t->vargen = ++r->pkg->local_types;
        /* a blank type is checked all the same */
        if (strcmp(t->name, "_"))
            res_declare(r, s, t);
        else
            res_map_put(r, spec->u.type_spec.name, t);
    }
    if (spec->u.type_spec.tparams.n) {
        res_scope *ts = res_new_scope(r, s);
        tparams(r, ts, spec->u.type_spec.tparams);
        expr(r, ts, spec->u.type_spec.type);
        return;
    }
    expr(r, s, spec->u.type_spec.type);
}

void res_gen_decl(resolver *r, res_scope *s, ast_node *d, bool pkg_level)
{
    lex_kind tok = d->u.gen_decl.tok;
    for (size_t i = 0; i < d->u.gen_decl.specs.n && !r->failed; i++) {
        ast_node *spec = d->u.gen_decl.specs.v[i];
        if (tok == TK_TYPE)
            res_type_spec(r, s, spec, pkg_level);
        else if (tok == TK_CONST || tok == TK_VAR)
            res_value_spec(r, s, spec, tok, pkg_level);
    }
}

/* Parameters (or results) as locals of the function scope. */
void res_params(resolver *r, res_scope *s, ast_list l, bool declare_)
{
    for (size_t i = 0; i < l.n; i++) {
        ast_node *f = l.v[i];
        for (size_t k = 0; k < f->u.field.names.n && declare_; k++) {
            res_sym *v = res_local(r, s, f->u.field.names.v[k],
                                   f->u.field.type, f);
            v->is_param = true;
        }
    }
}

/* Declare the type parameters l (AST_FIELD: names, constraint) in s,
 * then resolve their constraints (which may name any of them). */
static void tparams(resolver *r, res_scope *s, ast_list l)
{
    int idx = 0;
    for (size_t i = 0; i < l.n && !r->failed; i++) {
        ast_node *f = l.v[i];
        for (size_t k = 0; k < f->u.field.names.n; k++) {
            ast_node *id = f->u.field.names.v[k];
            res_sym *t = res_new_sym(r, RS_TYPE, id->u.ident.name, id);
            t->tparam = true;
            t->spec = f;
            t->index = idx++;
            if (strcmp(id->u.ident.name, "_"))
                res_declare(r, s, t);
            else
                res_map_put(r, id, t);
        }
    }
    for (size_t i = 0; i < l.n && !r->failed; i++)
        expr(r, s, l.v[i]->u.field.type);
}

void res_func_decl(resolver *r, res_scope *s, ast_node *fn, ast_node *recv,
                   ast_node *type, ast_node *body)
{
    res_func *saved = r->fn;
    res_scope *fs;
    r->fn = new_func(r, fn);
    fs = res_new_scope(r, s);
    /* type parameters: the function's own, or those a generic receiver
     * type T[P, Q] declares; the signature sees them (Go spec,
     * "Declarations and scope") */
    tparams(r, fs, type->u.func_type.tparams);
    if (recv) {
        ast_node *rt = recv->u.field.type;
        while (rt->kind == AST_PAREN || rt->kind == AST_STAR)
            rt = rt->kind == AST_PAREN ? rt->u.paren.x : rt->u.star.x;
        if (rt->kind == AST_INDEX) {
            ast_list l;
            int idx = 0;
            size_t mcount = rt->u.index.more.n;
            for (size_t i = 0; i <= mcount && !r->failed; i++) {
                ast_node *id = i == 0 ? rt->u.index.index
                                      : rt->u.index.more.v[i - 1];
                res_sym *t;
                if (id->kind != AST_IDENT) {
                    res_err(r, id, "receiver type parameter %s must be an "
                                   "identifier",
                            "?");
                    break;
                }
                t = res_new_sym(r, RS_TYPE, id->u.ident.name, id);
                t->tparam = true;
                t->index = idx++;
                if (strcmp(id->u.ident.name, "_"))
                    res_declare(r, fs, t);
                else
                    res_map_put(r, id, t);
            }
            (void)l;
            expr(r, s, rt->u.index.x);
        } else {
            expr(r, s, recv->u.field.type);
        }
        res_params(r, fs, recv->u.field.names.n ? (ast_list){&recv, 1}
                                            : (ast_list){NULL, 0},
               true);
    }
    field_list(r, fs, type->u.func_type.params);
    field_list(r, fs, type->u.func_type.results);
    res_params(r, fs, type->u.func_type.params, true);
    res_params(r, fs, type->u.func_type.results, true);
    /* the body's block is the parameters' (Go spec, "Declarations and
     * scope": x := ... in the body redeclares a parameter or result) */
    if (body)
        stmts(r, fs, body->u.block.stmts);
    r->fn = saved;
}

/* ---- statements --------------------------------------------------------- */

static void stmts(resolver *r, res_scope *s, ast_list l)
{
    for (size_t i = 0; i < l.n && !r->failed; i++)
        stmt(r, s, l.v[i]);
}

static void assign(resolver *r, res_scope *s, ast_node *n)
{
    ast_list lhs = n->u.assign.lhs, rhs = n->u.assign.rhs;
    for (size_t i = 0; i < rhs.n; i++)
        expr(r, s, rhs.v[i]);
    if (n->u.assign.op != TK_DEFINE) {
        for (size_t i = 0; i < lhs.n; i++) {
            ast_node *x = lhs.v[i];
            if (x->kind == AST_IDENT && !strcmp(x->u.ident.name, "_"))
                continue;
            expr(r, s, x);
        }
        return;
    }
    {
        bool any_new = false;
        for (size_t i = 0; i < lhs.n && !r->failed; i++) {
            ast_node *x = lhs.v[i];
            res_sym *old;
            if (x->kind != AST_IDENT) {
                res_err(r, x, "non-name on left side of :=");
                return;
            }
            if (!strcmp(x->u.ident.name, "_")) {
                res_local(r, s, x, NULL, n);
                continue;
            }
            old = res_scope_find(s, res_intern(r, x->u.ident.name));
            if (old) {
                use(r, s, x);
                continue;
            }
            any_new = true;
            res_local(r, s, x, NULL, n);
        }
        if (!any_new && !r->failed) {
            ast_node at = *n; /* at the := (gc's position) */
            at.line = n->u.assign.op_line;
            at.col = n->u.assign.op_col;
            res_err(r, &at, "no new variables on left side of :=");
        }
    }
}

static void stmt(resolver *r, res_scope *s, ast_node *n)
{
    if (!n || r->failed)
        return;
    if (!enter(r)) {
        res_err(r, n, "statement too deeply nested");
        return;
    }
    switch (n->kind) {
    case AST_DECL_STMT:
        res_gen_decl(r, s, n->u.decl_stmt.decl, false);
        break;
    case AST_EMPTY_STMT:
        break;
    case AST_LABELED_STMT:
        stmt(r, s, n->u.labeled.stmt);
        break;
    case AST_EXPR_STMT:
        expr(r, s, n->u.expr_stmt.x);
        break;
    case AST_SEND_STMT:
        expr(r, s, n->u.send.ch);
        expr(r, s, n->u.send.value);
        break;
    case AST_INCDEC_STMT:
        expr(r, s, n->u.incdec.x);
        break;
    case AST_ASSIGN_STMT:
        assign(r, s, n);
        break;
    case AST_GO_STMT:
    case AST_DEFER_STMT:
        expr(r, s, n->u.go_defer.call);
        break;
    case AST_RETURN_STMT:
        for (size_t i = 0; i < n->u.ret.results.n; i++)
            expr(r, s, n->u.ret.results.v[i]);
        break;
    case AST_BRANCH_STMT:
        break;
    case AST_BLOCK_STMT:
        stmts(r, res_new_scope(r, s), n->u.block.stmts);
        break;
    case AST_IF_STMT: {
        res_scope *is = res_new_scope(r, s);
        stmt(r, is, n->u.if_.init);
        expr(r, is, n->u.if_.cond);
        stmt(r, is, n->u.if_.then);
        stmt(r, is, n->u.if_.els);
        break;
    }
    case AST_SWITCH_STMT: {
        res_scope *ss = res_new_scope(r, s);
        stmt(r, ss, n->u.switch_.init);
        expr(r, ss, n->u.switch_.tag);
        for (size_t i = 0; i < n->u.switch_.clauses.n && !r->failed; i++) {
            ast_node *c = n->u.switch_.clauses.v[i];
            for (size_t k = 0; k < c->u.case_.list.n; k++)
                expr(r, ss, c->u.case_.list.v[k]);
            stmts(r, res_new_scope(r, ss), c->u.case_.body);
        }
        break;
    }
    case AST_TYPE_SWITCH_STMT: {
        res_scope *ss = res_new_scope(r, s);
        ast_node *bind = n->u.type_switch.bind;
        stmt(r, ss, n->u.type_switch.init);
        expr(r, ss, n->u.type_switch.x);
        for (size_t i = 0; i < n->u.type_switch.clauses.n && !r->failed;
             i++) {
            ast_node *c = n->u.type_switch.clauses.v[i];
            res_scope *cs = res_new_scope(r, ss);
            for (size_t k = 0; k < c->u.case_.list.n; k++)
                expr(r, ss, c->u.case_.list.v[k]);
            if (bind && strcmp(bind->u.ident.name, "_")) {
                res_sym *v = res_new_sym(r, RS_LOCAL, bind->u.ident.name, bind);
                v->spec = c;
                if (c->u.case_.list.n == 1)
                    v->type_node = c->u.case_.list.v[0];
                res_scope_add(cs, v);
                res_map_put(r, c, v);
            }
            stmts(r, cs, c->u.case_.body);
        }
        break;
    }
    case AST_SELECT_STMT:
        for (size_t i = 0; i < n->u.select.clauses.n && !r->failed; i++) {
            ast_node *c = n->u.select.clauses.v[i];
            res_scope *cs = res_new_scope(r, s);
            stmt(r, cs, c->u.comm.comm);
            stmts(r, cs, c->u.comm.body);
        }
        break;
    case AST_FOR_STMT: {
        res_scope *fs = res_new_scope(r, s);
        stmt(r, fs, n->u.for_.init);
        expr(r, fs, n->u.for_.cond);
        stmt(r, fs, n->u.for_.post);
        stmt(r, fs, n->u.for_.body);
        break;
    }
    case AST_RANGE_STMT: {
        res_scope *fs = res_new_scope(r, s);
        expr(r, s, n->u.range.x);
        if (n->u.range.tok == TK_DEFINE) {
            if (n->u.range.key) {
                if (n->u.range.key->kind != AST_IDENT) {
                    res_err(r, n->u.range.key, "non-name on left side of :=");
                    break;
                }
                res_local(r, fs, n->u.range.key, NULL, n);
            }
            if (n->u.range.value) {
                if (n->u.range.value->kind != AST_IDENT) {
                    res_err(r, n->u.range.value, "non-name on left side of :=");
                    break;
                }
                res_local(r, fs, n->u.range.value, NULL, n);
            }
        } else {
            if (n->u.range.key && !(n->u.range.key->kind == AST_IDENT &&
                                    !strcmp(n->u.range.key->u.ident.name,
                                            "_")))
                expr(r, s, n->u.range.key);
            if (n->u.range.value &&
                !(n->u.range.value->kind == AST_IDENT &&
                  !strcmp(n->u.range.value->u.ident.name, "_")))
                expr(r, s, n->u.range.value);
        }
        stmt(r, fs, n->u.range.body);
        break;
    }
    default:
        res_err(r, n, "unexpected %s in a statement", ast_kind_str(n->kind));
        break;
    }
    r->depth--;
}


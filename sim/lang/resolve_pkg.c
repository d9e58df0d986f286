/* resolve_pkg.c: the resolver's packages (see resolve.h): loading a
 * package's files from the library or the program, its imports, its
 * package-level declarations in Go's order, and the entry points
 * res_resolve and res_resolve_files. The walk over declarations and
 * bodies is resolve.c's. */
#include "sim/lang/resolve.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/parse.h"
#include "sim/lang/value.h"

#include "sim/lang/resolve_int.h"

/* ---- packages ----------------------------------------------------------- */

static res_pkg *load(resolver *r, const char *path, ast_node *site);

/* init (and main, in package main) may be declared only as functions
 * at package level (Go spec, "Package initialization", "Program
 * execution"): false, said, for another declaration of name at id. */
static bool func_only(resolver *r, const res_pkg *p, const ast_node *id)
{
    const char *name = id->u.ident.name;
    if (strcmp(name, "init") &&
        (strcmp(name, "main") || strcmp(p->name, "main")))
        return true;
    res_err(r, id, "cannot declare %s - must be func", name);
    return false;
}

static void declare_pkg(resolver *r, res_pkg *p)
{
    ast_file *f = p->file;
    for (size_t i = 0; i < f->decls.n && !r->failed; i++) {
        ast_node *d = f->decls.v[i];
        if (d->kind == AST_FUNC_DECL) {
            const char *name = d->u.func_decl.name->u.ident.name;
            res_sym *s;
            if (d->u.func_decl.recv)
                continue;
            if (!strcmp(name, "init")) {
                if (d->u.func_decl.type->u.func_type.params.n ||
                    d->u.func_decl.type->u.func_type.results.n)
                    res_err(r, d->u.func_decl.name,
                        "func init must have no arguments and no return "
                        "values");
                VEC_PUSH(p->inits, d);
                continue;
            }
            if (!strcmp(name, "main") && !strcmp(p->name, "main") &&
                (d->u.func_decl.type->u.func_type.params.n ||
                 d->u.func_decl.type->u.func_type.results.n))
                res_err(r, d->u.func_decl.name,
                    "func main must have no arguments and no return values");
            s = res_new_sym(r, RS_FUNC, name, d->u.func_decl.name);
            s->spec = d;
            res_declare(r, p->scope, s);
            VEC_PUSH(p->decls, s);
            continue;
        }
        if (d->kind != AST_GEN_DECL || d->u.gen_decl.tok == TK_IMPORT)
            continue;
        for (size_t k = 0; k < d->u.gen_decl.specs.n; k++) {
            ast_node *spec = d->u.gen_decl.specs.v[k];
            if (d->u.gen_decl.tok == TK_TYPE) {
                res_sym *s;
                if (!func_only(r, p, spec->u.type_spec.name))
                    return;
                s = res_new_sym(r, RS_TYPE,
                                spec->u.type_spec.name->u.ident.name,
                                spec->u.type_spec.name);
                s->spec = spec;
                res_declare(r, p->scope, s);
                VEC_PUSH(p->decls, s);
                continue;
            }
            for (size_t j = 0; j < spec->u.value_spec.names.n; j++) {
                ast_node *id = spec->u.value_spec.names.v[j];
                res_kind kind = d->u.gen_decl.tok == TK_CONST ? RS_CONST
                                                              : RS_VAR;
                res_sym *s;
                if (!func_only(r, p, id))
                    return;
                s = res_new_sym(r, kind, id->u.ident.name, id);
                s->spec = spec;
                s->index = (int)j;
                if (!strcmp(id->u.ident.name, "_"))
                    res_map_put(r, id, s);
                else
                    res_declare(r, p->scope, s);
                VEC_PUSH(p->decls, s);
            }
        }
    }
}

/* The named type a receiver type denotes (T or *T), or NULL. */
static res_sym *recv_type(resolver *r, res_pkg *p, ast_node *t)
{
    while (t->kind == AST_PAREN)
        t = t->u.paren.x;
    if (t->kind == AST_STAR)
        t = t->u.star.x;
    while (t->kind == AST_PAREN)
        t = t->u.paren.x;
    if (t->kind == AST_INDEX) /* T[P, Q]: a generic type's method */
        t = t->u.index.x;
    if (t->kind != AST_IDENT) {
        res_err(r, t, "invalid receiver type");
        return NULL;
    }
    {
        res_sym *s = res_scope_find(p->scope, res_intern(r, t->u.ident.name));
        if (!s) {
            if (res_universe(r, t->u.ident.name))
                res_err(r, t,
                    "cannot define new methods on non-local type %s",
                    t->u.ident.name);
            else
                res_err(r, t, "undefined: %s", t->u.ident.name);
            return NULL;
        }
        if (s->kind != RS_TYPE) {
            res_err(r, t, "%s is not a type", t->u.ident.name);
            return NULL;
        }
        return s;
    }
}

/* The file scope of decl d in package p (one per file, for imports). */
static res_scope *file_scope(res_pkg *p, res_scope **fscopes, ast_node *d)
{
    for (size_t i = 0; i < p->files.len; i++)
        if (p->files.p[i]->id == d->file)
            return fscopes[i];
    return fscopes[0];
}

/* The imports of file f into its file scope fs. */
/* Go's rule for internal packages: a path with an element "internal" may
 * be imported only from the tree rooted at that element's parent, and the
 * standard library's (a library package's) never from a program's
 * packages. The program's own trees are not checked here: a program's
 * package path ("main", a module's directory) does not always say where
 * it sits. */
static bool internal_refused(const res_pkg *from, const res_pkg *t)
{
    const char *path = t->path;
    size_t n = strlen(path);
    bool internal = !strcmp(path, "internal") ||
                    !strncmp(path, "internal/", 9) ||
                    strstr(path, "/internal/") ||
                    (n > 9 && !strcmp(path + n - 9, "/internal"));
    return internal && t->library && !from->library;
}

static void file_imports(resolver *r, res_pkg *p, ast_file *f, res_scope *fs)
{
    for (size_t i = 0; i < f->imports.n && !r->failed; i++) {
        ast_node *im = f->imports.v[i];
        const char *path = (const char *)im->u.import.path->u.string_lit.bytes;
        res_pkg *t;
        res_sym *s;
        const char *name;
        bool seen = false;
        t = load(r, path, im->u.import.path);
        r->pkg = p;
        if (!t)
            break;
        if (internal_refused(p, t)) {
            res_err(r, im->u.import.path,
                    "use of internal package %s not allowed", t->path);
            break;
        }
        for (size_t k = 0; k < p->imports.len && !seen; k++)
            seen = p->imports.p[k] == t;
        if (!seen)
            VEC_PUSH(p->imports, t);
        name = t->name;
        if (im->u.import.name) {
            name = im->u.import.name->u.ident.name;
            if (!strcmp(name, ".")) {
                /* the package's exported names join the file's scope */
                for (size_t k = 0; t->scope && k < t->scope->syms.len &&
                                   !r->failed;
                     k++) {
                    res_sym *x = t->scope->syms.p[k];
                    if (x->name[0] < 'A' || x->name[0] > 'Z')
                        continue;
                    if (res_scope_find(fs, x->name) ||
                        res_scope_find(p->scope, x->name)) {
                        res_err(r, im, "%s redeclared in this block",
                                x->name);
                        break;
                    }
                    res_scope_add(fs, x);
                }
                /* for the checker, which finds unused imports */
                s = res_new_sym(r, RS_PKG, name, im->u.import.name);
                s->target = t;
                res_map_put(r, im, s);
                continue;
            }
            if (!strcmp(name, "_"))
                continue;
        }
        s = res_new_sym(r, RS_PKG, name,
                        im->u.import.name ? im->u.import.name : NULL);
        s->target = t;
        res_map_put(r, im, s); /* the checker finds unused imports */
        if (res_scope_find(fs, s->name)) {
            res_err(r, im, "%s redeclared in this block", name);
            break;
        }
        /* no name is both the file's and the package's (Go spec,
         * "Declarations and scope") */
        {
            res_sym *x = res_scope_find(p->scope, name);
            if (x) {
                res_err(r, x->ident ? x->ident : im,
                        "%s already declared through import of package "
                        "%s (\"%s\")", name, t->name, path);
                break;
            }
        }
        res_scope_add(fs, s);
    }
}

/* Each //go:linkname's local name (noder's processPragmas): in a file
 * that imports unsafe, a function or variable of the package, linked
 * once. weft links nothing: it rejects what gc rejects. */
static void linknames(resolver *r, res_pkg *p)
{
    VEC(const char *) seen = {0};
    for (size_t i = 0; i < p->files.len && !r->failed; i++) {
        ast_file *f = p->files.p[i];
        bool unsafe = false;
        for (size_t k = 0; k < f->imports.n; k++)
            unsafe |= !strcmp((const char *)f->imports.v[k]
                                  ->u.import.path->u.string_lit.bytes,
                              "unsafe");
        for (size_t k = 0; k < f->linknames.n && !r->failed; k++) {
            ast_node *id = f->linknames.v[k];
            const char *name = res_intern(r, id->u.ident.name);
            res_sym *s = res_scope_find(p->scope, name);
            bool dup = false;
            if (!unsafe) {
                res_err(r, id, "//go:linkname only allowed in Go files "
                               "that import \"unsafe\"");
                break;
            }
            if (!s || (s->kind != RS_FUNC && s->kind != RS_VAR)) {
                res_err(r, id, "//go:linkname must refer to declared "
                               "function or variable");
                break;
            }
            for (size_t j = 0; j < seen.len; j++)
                dup |= seen.p[j] == name;
            if (dup) {
                res_err(r, id, "duplicate //go:linkname for %s", name);
                break;
            }
            VEC_PUSH(seen, name);
        }
    }
    VEC_FREE(seen);
}

static void resolve_pkg(resolver *r, res_pkg *p)
{
    ast_file *f = p->file;
    res_scope **fscopes;
    res_pkg *saved = r->pkg;
    r->pkg = p;
    p->scope = res_new_scope(r, r->universe);
    declare_pkg(r, p);
    /* imports: a scope per file */
    fscopes = wf_xcalloc(p->files.len, sizeof *fscopes);
    for (size_t i = 0; i < p->files.len && !r->failed; i++) {
        fscopes[i] = res_new_scope(r, p->scope);
        file_imports(r, p, p->files.p[i], fscopes[i]);
    }
    /* go test's testmain imports testing, which runs a test package's
     * Examples even when its files do not import it */
    if (p->root && p->test && !r->failed)
        load(r, "testing", NULL);
    /* methods */
    for (size_t i = 0; i < f->decls.n && !r->failed; i++) {
        ast_node *d = f->decls.v[i];
        res_sym *t;
        const char *mname;
        if (d->kind != AST_FUNC_DECL || !d->u.func_decl.recv)
            continue;
        t = recv_type(r, p, d->u.func_decl.recv->u.field.type);
        if (!t)
            break;
        mname = d->u.func_decl.name->u.ident.name;
        for (size_t k = 0; k < t->methods.len && strcmp(mname, "_"); k++)
            if (!strcmp(t->methods.p[k]->u.func_decl.name->u.ident.name,
                        mname)) {
                res_err(r, d->u.func_decl.name, "method %s.%s already declared",
                    t->name, mname);
                break;
            }
        VEC_PUSH(t->methods, d);
        res_map_put(r, d->u.func_decl.recv->u.field.type->kind == AST_STAR
                       ? d->u.func_decl.recv->u.field.type->u.star.x
                       : d->u.func_decl.recv->u.field.type,
                t);
    }
    /* bodies */
    for (size_t i = 0; i < f->decls.n && !r->failed; i++) {
        ast_node *d = f->decls.v[i];
        res_scope *fs = file_scope(p, fscopes, d);
        if (d->kind == AST_FUNC_DECL) {
            res_func_decl(r, fs, d, d->u.func_decl.recv, d->u.func_decl.type,
                          d->u.func_decl.body);
            res_check_labels(r, d->u.func_decl.body);
        } else if (d->kind == AST_GEN_DECL && d->u.gen_decl.tok != TK_IMPORT) {
            res_gen_decl(r, fs, d, true);
            res_check_funclits(r, d, 0);
        }
    }
    free(fscopes);
    linknames(r, p);
    if (!r->failed && !p->library && !strcmp(p->name, "main") && !p->test &&
        !res_scope_find(p->scope, res_intern(r, "main")))
        res_err(r, NULL, "function main is undeclared in the main package");
    p->resolved = true;
    r->pkg = saved;
}

static res_pkg *new_pkg(resolver *r, const char *path)
{
    res_pkg *p = wf_xcalloc(1, sizeof *p);
    p->path = res_intern(r, path);
    p->findex = (int)r->loading.len;
    VEC_PUSH(r->loading, p);
    return p;
}

/* Register f (parsed by the caller or by us) as file f->id. */
static void add_file(resolver *r, ast_file *f)
{
    while (r->byid.len <= (size_t)f->id)
        VEC_PUSH(r->byid, NULL);
    r->byid.p[f->id] = f;
}

/* Give p its files f[0, n): the package view joins their lists; the
 * package clauses must agree. */
static void set_files(resolver *r, res_pkg *p, ast_file **f, size_t n)
{
    ast_file *v;
    size_t nd = 0, ni = 0;
    for (size_t i = 0; i < n; i++) {
        VEC_PUSH(p->files, f[i]);
        p->test |= res_is_test_file(f[i]);
    }
    p->name = res_intern(r, f[0]->pkg->u.ident.name);
    for (size_t i = 1; i < n && !r->failed; i++)
        if (strcmp(f[i]->pkg->u.ident.name, p->name)) {
            r->pkg = p;
            res_err(r, f[i]->pkg, "package %s; expected package %s",
                    f[i]->pkg->u.ident.name, p->name);
        }
    if (n == 1) {
        p->file = f[0];
        return;
    }
    v = ast_file_new(f[0]->path);
    VEC_PUSH(r->files, v);
    v->id = f[0]->id;
    v->pkg = f[0]->pkg;
    v->leading = f[0]->leading;
    v->nleading = f[0]->nleading;
    for (size_t i = 0; i < n; i++) {
        nd += f[i]->decls.n;
        ni += f[i]->imports.n;
    }
    v->decls.v = arena_alloc(&v->mem, (nd + 1) * sizeof(ast_node *));
    v->imports.v = arena_alloc(&v->mem, (ni + 1) * sizeof(ast_node *));
    for (size_t i = 0; i < n; i++) {
        /* an empty list may have no array at all */
        for (size_t k = 0; k < f[i]->decls.n; k++)
            v->decls.v[v->decls.n++] = f[i]->decls.v[k];
        for (size_t k = 0; k < f[i]->imports.n; k++)
            v->imports.v[v->imports.n++] = f[i]->imports.v[k];
    }
    p->file = v;
}

/* Parse src[0, n) as the files of a new package known as path. NULL
 * (the first error recorded) on a parse error. */
static res_pkg *parse_pkg(resolver *r, const char *path, const res_source *src,
                          size_t n)
{
    res_pkg *p;
    ast_file **fs = wf_xcalloc(n ? n : 1, sizeof *fs);
    for (size_t i = 0; i < n; i++) {
        wf_diag d2;
        int id = (int)(r->byid.len ? r->byid.len : 1);
        if (parse_file_id(src[i].path, id, src[i].text, src[i].len, &fs[i],
                          &d2) != WF_OK) {
            if (!r->failed) {
                r->failed = true;
                *r->d = d2;
            }
            free(fs);
            return NULL;
        }
        VEC_PUSH(r->files, fs[i]);
        add_file(r, fs[i]);
    }
    p = new_pkg(r, path);
    if (n)
        set_files(r, p, fs, n);
    free(fs);
    return r->failed ? NULL : p;
}

static res_pkg *load(resolver *r, const char *path, ast_node *site)
{
    res_pkg *p;
    res_sources srcs = {NULL, 0, 0};
    bool library = false;
    char why[900];
    for (size_t i = 0; i < r->loading.len; i++)
        if (!strcmp(r->loading.p[i]->path, path)) {
            if (!r->loading.p[i]->resolved) {
                res_err(r, site, "import cycle not allowed");
                return NULL;
            }
            return r->loading.p[i];
        }
    if (r->lib.package(r->lib.ctx, path, &srcs, &library, why, sizeof why) !=
        WF_OK) {
        VEC_FREE(srcs);
        res_err(r, site, "%s", why);
        return NULL;
    }
    if (!srcs.len) {
        VEC_FREE(srcs);
        res_err(r, site, "no Go files in package %s", path);
        return NULL;
    }
    p = parse_pkg(r, path, srcs.p, srcs.len);
    VEC_FREE(srcs);
    if (!p)
        return NULL;
    p->library = library;
    resolve_pkg(r, p);
    res_soft_end(r);
    if (r->failed)
        return NULL;
    VEC_PUSH(r->pkgs, p);
    return p;
}

wf_status res_resolve(resolver *r, ast_file *f, wf_diag *d)
{
    wf_diag dummy;
    res_pkg *p;
    r->d = d ? d : &dummy;
    add_file(r, f);
    p = new_pkg(r, "main");
    p->root = true;
    set_files(r, p, &f, 1);
    r->main = p;
    r->pkg = p;
    if (!r->failed)
        resolve_pkg(r, p);
    res_soft_end(r);
    if (r->failed)
        return WF_ERR_INPUT;
    VEC_PUSH(r->pkgs, p);
    return WF_OK;
}

wf_status res_resolve_files(resolver *r, const char *path,
                            const res_source *src, size_t n, wf_diag *d)
{
    wf_diag dummy;
    res_pkg *p;
    r->d = d ? d : &dummy;
    if (!n)
        return diag_set(r->d, "", 0, 0, "no Go files");
    for (size_t i = 0; i < r->loading.len; i++)
        if (!strcmp(r->loading.p[i]->path, path))
            return diag_set(r->d, src[0].path, 0, 0,
                            "package %s given twice", path);
    p = parse_pkg(r, path, src, n);
    if (!p)
        return WF_ERR_INPUT;
    p->root = true;
    r->main = p;
    r->pkg = p;
    resolve_pkg(r, p);
    res_soft_end(r);
    if (r->failed)
        return WF_ERR_INPUT;
    VEC_PUSH(r->pkgs, p);
    return WF_OK;
}

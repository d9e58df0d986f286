/* resolve_int.h: what resolve.c (scopes, declarations, expressions,
 * statements), resolve_pkg.c (packages: loading, imports, package-level
 * declarations) and resolve_labels.c (labels and branches) share: the
 * resolver's state and the walk's entry points.
 * Owns: nothing beyond resolve.h's description. */
#ifndef WF_LANG_RESOLVE_INT_H
#define WF_LANG_RESOLVE_INT_H

#include "sim/lang/resolve.h"

typedef struct res_scope {
    struct res_scope *up;
    res_func *fn; /* the function whose scope this is (NULL: package) */
    VEC(res_sym *) syms;
    /* past SCOPE_INDEX_MIN symbols, an index of syms by interned name
     * (open addressing, a power of two, at most half full): a package of
     * thousands of functions resolved each use by a scan of all of them */
    res_sym **index;
    size_t index_cap;
    uint64_t *work; /* the resolver's find_work */
} res_scope;

typedef struct pos_slot {
    uint64_t key; /* 0: free */
    res_sym *sym;
} pos_slot;

struct resolver {
    res_library lib;
    uint64_t find_work; /* symbols compared by look-ups (tests) */
    wf_diag *d;
    bool failed;
    /* interned names */
    char **strs;
    size_t strs_cap, strs_len;
    VEC(res_sym *) syms;
    VEC(res_scope *) scopes;
    VEC(res_func *) funcs;
    VEC(res_pkg *) pkgs;    /* in initialization order */
    VEC(res_pkg *) loading; /* every package made, for freeing */
    VEC(ast_file *) files;  /* files we parsed, and package views */
    VEC(ast_file *) byid;   /* every file of the program by id (ast.h) */
    res_pkg *main;
    res_scope *universe;
    pos_slot *map;
    size_t map_cap, map_len;
    /* errors the walk goes on after ("undefined: x"), up to Go's 10 */
    VEC(wf_diag) soft;
    /* the walk */
    res_pkg *pkg;
    res_func *fn;
    int depth;
};

/* Record the first error (gc's wording) at n; later ones are dropped. */
void res_err(resolver *r, const ast_node *n, const char *fmt, ...)
    WF_PRINTF(3, 4);
/* An error the walk goes on after, so that more are found (Go reports up
 * to 10): the resolution fails at its end (res_soft_end). */
void res_soft_err(resolver *r, const ast_node *n, const char *fmt, ...)
    WF_PRINTF(3, 4);
/* At the end of a package's resolution: fail if it had soft errors. */
void res_soft_end(resolver *r);
/* Check the labels of one function body (defined once, every branch
 * names a defined one); function literals inside get their own check. */
void res_check_labels(resolver *r, ast_node *body);
/* res_check_labels for every function literal inside n. */
void res_check_funclits(resolver *r, ast_node *n, int depth);

/* The position map: n's symbol (res_lookup reads it). */
void res_map_put(resolver *r, const ast_node *n, res_sym *s);
/* Scopes and symbols. */
res_sym *res_new_sym(resolver *r, res_kind k, const char *name,
                     ast_node *ident);
res_scope *res_new_scope(resolver *r, res_scope *up);
void res_scope_add(res_scope *s, res_sym *sym);
res_sym *res_scope_find(res_scope *s, const char *name);
/* Declare sym in s ("x redeclared in this block" if it is there). */
void res_declare(resolver *r, res_scope *s, res_sym *sym);
/* The walk over declarations (resolve.c), called for package-level ones
 * by resolve_pkg.c. */
res_sym *res_local(resolver *r, res_scope *s, ast_node *ident,
                   ast_node *type, ast_node *spec);
void res_value_spec(resolver *r, res_scope *s, ast_node *spec,
                    lex_kind tok, bool pkg_level);
void res_type_spec(resolver *r, res_scope *s, ast_node *spec,
                   bool pkg_level);
void res_gen_decl(resolver *r, res_scope *s, ast_node *d, bool pkg_level);
void res_params(resolver *r, res_scope *s, ast_list l, bool declare_);
void res_func_decl(resolver *r, res_scope *s, ast_node *fn, ast_node *recv,
                   ast_node *type, ast_node *body);

#endif

/* resolve.h: name resolution for the Go front end: which declaration each
 * identifier denotes, across the user's package and the library packages
 * it imports (sim/lang/prelude.c), before any code is generated.
 *
 * Scopes as in the Go spec: universe (predeclared types, constants,
 * functions, weft's assert and progress), package (every top-level
 * declaration, in any order), file (imports), then function and block
 * scopes. It also finds what the compiler must know before it compiles a
 * function: which locals a closure captures (they become heap cells,
 * shared by reference), which have their address taken or are method
 * receivers, the methods of each named type, init functions, labels.
 * Errors, gc-style: "undefined: x", "x redeclared in this block",
 * "unsupported: ..." for Go weft leaves out, and imports outside SPEC
 * section 6 naming the package.
 *
 * Owns: the resolver, its packages, scopes and symbols (heap, freed by
 * res_free); it borrows the parsed files (which must outlive it).
 * Identifiers and clauses map to symbols by (file, line, column), so
 * nothing depends on addresses.
 * Invariants: 1. every identifier used as an expression or type in a
 *   resolved package maps to a symbol (or resolution failed).
 *   2. a local is captured iff a function literal nested in its function
 *   refers to it. */
#ifndef WF_LANG_RESOLVE_H
#define WF_LANG_RESOLVE_H

#include "sim/lang/ast.h"

typedef enum res_kind {
    RS_PKG,     /* an imported package */
    RS_CONST,   /* a constant (spec, index; iota) */
    RS_TYPE,    /* a type (spec, or predeclared: builtin = TI_*) */
    RS_VAR,     /* a package variable */
    RS_FUNC,    /* a function declared at package level */
    RS_LOCAL,   /* a parameter, result or local variable */
    RS_BUILTIN, /* a predeclared function (builtin = RB_*) */
    RS_NATIVE,  /* a library intrinsic "__name" (builtin = native id) */
    RS_NIL,     /* nil */
    RS_TRUE,
    RS_FALSE,
    RS_IOTA
} res_kind;

/* Predeclared functions. */
typedef enum res_builtin {
    RB_APPEND,
    RB_CAP,
    RB_CLEAR,
    RB_CLOSE,
    RB_COPY,
    RB_DELETE,
    RB_LEN,
    RB_MAKE,
    RB_MAX,
    RB_MIN,
    RB_NEW,
    RB_PANIC,
    RB_PRINT,
    RB_PRINTLN,
    RB_RECOVER,
    RB_ASSERT,
    RB_PROGRESS,
    RB_COMPLEX,
    RB_REAL,
    RB_IMAG,
    RB__COUNT
} res_builtin;

typedef struct res_pkg res_pkg;
typedef struct res_func res_func;

typedef struct res_sym {
    res_kind kind;
    const char *name; /* interned by the resolver */
    res_pkg *pkg;     /* declaring package; NULL for the universe */
    ast_node *ident;  /* the declaring identifier; NULL for the universe */
    ast_node *spec;   /* RS_CONST, RS_VAR: value spec; RS_TYPE: type spec;
                         RS_FUNC: func decl; RS_LOCAL: its declaring
                         statement or field (may be NULL) */
    int index;        /* RS_CONST, RS_VAR: position among the spec's names */
    int builtin;      /* RS_TYPE predeclared TI_*, RS_BUILTIN RB_*, RS_NATIVE */
    res_pkg *target;  /* RS_PKG */
    res_func *fn;     /* RS_LOCAL: the function declaring it */
    ast_node *type_node; /* RS_LOCAL: its declared type, if any */
    bool captured;    /* RS_LOCAL: a nested function literal refers to it */
    bool addr_taken;  /* RS_LOCAL: &x */
    bool method_recv; /* RS_LOCAL: x.f(...) or x.f as an operand */
    bool is_param;
    bool tparam;      /* RS_TYPE: a type parameter (spec: its AST_FIELD,
                         or NULL for a receiver's; index: its position
                         in its declaration's list) */
    VEC(ast_node *) methods; /* RS_TYPE: its method declarations */
    int vargen; /* RS_TYPE declared in a function: its number among the
                   package's local types, in source order (gc's T·N) */
    /* for the compiler */
    uint32_t type;
    int state; /* 0 new, 1 being evaluated, 2 done */
    int reg;
    bool boxed;
    int gindex;
    void *cdata;
} res_sym;

struct res_func {
    ast_node *node; /* AST_FUNC_DECL or AST_FUNC_LIT */
    res_func *outer;
    res_pkg *pkg;
};

struct res_pkg {
    const char *path; /* import path: "main", "sync/atomic" */
    const char *name; /* package name */
    ast_file *file;   /* the package's declarations, in file order: its
                         one file, or a view joining its files' lists
                         (path, package clause: the first file's) */
    VEC(ast_file *) files; /* its files, in name order */
    int findex; /* index of the package in the resolver */
    bool library;
    bool root;  /* given to res_resolve_files, not imported */
    bool test;  /* holds a _test.go file */
    bool resolved;
    struct res_scope *scope;
    VEC(res_sym *) decls;      /* package-level symbols, in source order */
    VEC(ast_node *) inits;     /* init functions */
    VEC(res_pkg *) imports;    /* in import order */
    int local_types;           /* types declared in its functions */
};

typedef struct resolver resolver;

/* One source file of a package: path names it in messages; text is
 * borrowed for the call that hands it over. */
typedef struct res_source {
    const char *path;
    const unsigned char *text;
    size_t len;
} res_source;
typedef VEC(res_source) res_sources;

/* Where imported packages come from (the standard library, the module,
 * vendor/: see compile.c and load.h). package(ctx, path, out, library,
 * why, n) appends the files of the package imported as path to out and
 * says whether it is a library package (which may call intrinsics);
 * WF_ERR_INPUT with why[0, n) the whole message when there is none.
 * native(name) is the id of intrinsic "__name", -1 if none. */
typedef struct res_library {
    wf_status (*package)(void *ctx, const char *path, res_sources *out,
                         bool *library, char *why, size_t n);
    void *ctx;
    int (*native)(const char *name);
} res_library;

resolver *res_new(const res_library *lib);
void res_free(resolver *r);
/* Symbols compared by scope look-ups so far (a test's measure of work). */
uint64_t res_find_work(const resolver *r);

/* Resolve the user's parsed file (borrowed) and every library package it
 * imports, transitively. Returns WF_OK or WF_ERR_INPUT with d set. */
wf_status res_resolve(resolver *r, ast_file *f, wf_diag *d);
/* Parse and resolve a root package made of files src[0, n) (in name
 * order, all of one package clause), known as import path `path`, and
 * every package it imports, transitively. Roots resolved one after the
 * other share what they import: resolving a package's external test
 * package (x_test) after the package itself makes its import of path
 * the package with its in-package test files. The last root is
 * res_main. Returns WF_OK or WF_ERR_INPUT with d set. */
wf_status res_resolve_files(resolver *r, const char *path,
                            const res_source *src, size_t n, wf_diag *d);

/* The file node n was parsed from (its id, ast.h), or NULL for nodes
 * made outside the parser. */
const ast_file *res_node_file(const resolver *r, const ast_node *n);
/* Its path, or fallback when unknown. */
const char *res_node_path(const resolver *r, const ast_node *n,
                          const char *fallback);
/* Where gc reports an error at n: its file's path (fallback when
 * unknown) and n's line, read through the file's //line directives
 * (the directive's file then, as gc's positions). */
const char *res_node_pos(const resolver *r, const ast_node *n,
                         const char *fallback, int *line, int *col);
/* Is f a test file (its name ends in _test.go)? */
bool res_is_test_file(const ast_file *f);
bool res_is_test_path(const char *path);

/* The user's package (the last root), and every package in
 * initialization order (dependencies first, the roots last). */
res_pkg *res_main(const resolver *r);
size_t res_npkgs(const resolver *r);
res_pkg *res_pkg_at(const resolver *r, size_t i);

/* The symbol an identifier (or a type switch clause, for its bound
 * variable) denotes in package p, or NULL. */
res_sym *res_lookup(const resolver *r, const res_pkg *p, const ast_node *n);
/* Range statement n ranges over a function (the checker found it): its
 * body is compiled as a function, the yield function; the locals the
 * statement declares become that function's, and the outer locals its
 * body uses become captured (resolve_rangefunc.c). */
void res_rangefunc(resolver *r, ast_node *n);
/* The package-level symbol name of p, or NULL. */
res_sym *res_pkg_sym(const resolver *r, const res_pkg *p, const char *name);
/* The universe's symbol of a predeclared name, or NULL. */
res_sym *res_universe(const resolver *r, const char *name);
/* Interned copy of s. */
const char *res_intern(resolver *r, const char *s);

#endif

/* check.h: the Go type checker (Go spec; go/types and types2 are the
 * model): every expression of every package the resolver loaded gets its
 * static type, every constant its exact value (check_const.h), in the
 * context that decides an untyped constant's type; assignability,
 * conversions, method sets with embedding and promotion, interface
 * satisfaction, calls, builtins and statements are checked, and what Go
 * rejects is rejected with Go's message at file:line:col.
 *
 * It runs after resolution (resolve.h: which declaration each identifier
 * denotes) and before code generation, which reads its results: the type
 * and constant value of an expression (check_type_of, check_const_of) and
 * how a selector resolves (check_selection). Types are the vm_program's
 * type ids (types.c): the checker creates the named types and their method
 * tables, so the compiler and the VM see the same ids.
 * Packages are checked one package scope at a time, however many files
 * hold it; the library's packages first (dependencies before their
 * users), then the user's.
 *
 * Owns: the checker (heap, check_free), its per-expression and per-object
 * tables and the constants' arena. Borrows the resolver, the parsed files
 * and the compiler (for its name interning and the program), which must
 * outlive it.
 * Errors: the first one is kept in the diag given to check_run, which
 * returns WF_ERR_INPUT; the tables are then incomplete. */
#ifndef WF_LANG_CHECK_H
#define WF_LANG_CHECK_H

#include "sim/lang/check_const.h"
#include "sim/lang/compile_int.h"

typedef struct checker checker;

/* Operand modes (go/types' operandMode). */
typedef enum ck_mode {
    CK_INVALID,
    CK_NOVALUE,  /* a call without results */
    CK_BUILTIN,  /* a predeclared function, not yet called */
    CK_TYPE,     /* a type expression */
    CK_CONST,    /* a constant (the value is recorded) */
    CK_VAR,      /* an addressable variable */
    CK_MAPINDEX, /* m[k]: assignable, and comma-ok on the right */
    CK_VALUE,    /* a computed value */
    CK_COMMAOK   /* a value that may also give an ok (receive, assertion) */
} ck_mode;

/* How x.f resolved (go/types' Selection, plus what code generation needs). */
typedef enum ck_selkind {
    SEL_NONE,
    SEL_QUALIFIED,   /* pkg.Name: the resolver's symbol */
    SEL_FIELD,       /* a field, reached through path */
    SEL_METHOD,      /* a method value or call x.m */
    SEL_METHOD_EXPR, /* T.m or (*T).m */
    SEL_IFACE_METHOD /* a method of an interface value (dynamic) */
} ck_selkind;

#define CK_MAX_PATH 8
typedef struct ck_selection {
    ck_selkind kind;
    uint32_t recv;   /* the type x has (after any implicit &x) */
    uint32_t type;   /* the field's type, or the method's signature
                        without its receiver */
    uint32_t name;   /* name id */
    uint8_t npath;   /* embedded fields crossed before the member */
    uint16_t path[CK_MAX_PATH];
    bool indirect;   /* a pointer is dereferenced on the way */
    bool ptr_recv;   /* the method has a pointer receiver */
    bool addr;       /* the receiver's address is taken (x.m with *T
                        receiver and addressable x) */
    ast_node *decl;  /* the method's declaration (SEL_METHOD*), if any */
} ck_selection;

/* Check every package of R (library packages included). c lends the
 * program (types are created in it) and name interning. Returns WF_OK, or
 * WF_ERR_INPUT with d set to the first error. */
checker *check_new(compiler *c);
wf_status check_run(checker *k, resolver *R, wf_diag *d);
void check_free(checker *k);

/* Was the body of function or method declaration decl checked? A
 * library body is checked only when the program can reach it
 * (check_reach.c); the compiler compiles the others not. */
bool check_body_reached(const checker *k, const ast_node *decl);

/* The kind a type literal denotes (*T, [N]T, []T, map, chan, func, struct,
 * interface), K_NIL for any other node. */
vm_kind check_type_lit_kind(const ast_node *n);

/* The type recorded for expression n (an untyped constant's type as its
 * context decided it; untyped values nothing decided: their default
 * type), or 0 (not an expression checked, or dynamic). */
uint32_t check_type_of(const checker *k, const ast_node *n);
/* The mode recorded for n (CK_INVALID if none). */
ck_mode check_mode_of(const checker *k, const ast_node *n);
/* n's constant value in its final type, if n is a constant. */
bool check_const_of(const checker *k, const ast_node *n, const_val *out);
/* How the selector n (an AST_SELECTOR) resolved; NULL if it was not
 * checked. */
const ck_selection *check_selection(const checker *k, const ast_node *n);
/* The type of a symbol the checker typed (variables, parameters,
 * functions, constants), or 0. */
uint32_t check_sym_type(const checker *k, const res_sym *s);
/* A constant symbol's value. */
bool check_sym_const(const checker *k, const res_sym *s, const_val *out);

/* Generics: t with type parameters tps[i] replaced by targs[i] (types
 * are made as needed, instances of generic types included). */
uint32_t check_subst(checker *k, uint32_t t, const uint32_t *tps,
                     const uint32_t *targs, uint32_t n);
/* The type arguments of the generic function instance expression n
 * denotes (a callee, or F[A]); 0 if it denotes none. */
uint32_t check_targs(const checker *k, const ast_node *n,
                     const uint32_t **targs);
/* A generic function's type parameters (0: not generic). */
uint32_t check_func_tparams(const checker *k, const res_sym *fn,
                            const uint32_t **tps);
/* The generic types' instances made so far, in creation order. */
size_t check_ninstances(const checker *k);
uint32_t check_instance(const checker *k, size_t i);

/* Type predicates other modules need. */
bool check_is_untyped(uint32_t t);
uint32_t check_default(uint32_t t);

#endif

/* check_int.h: what the checker's files share (check.c: the driver,
 * errors, the tables, package-level declarations; check_type.c: type
 * expressions, predicates, identity, method sets and look-up, interface
 * satisfaction, type strings; check_expr.c: operands, constants,
 * operators, untyped conversion, selectors, indexing, literals;
 * check_call.c: calls, conversions, builtins; check_stmt.c: statements
 * and function bodies).
 *
 * Operands follow go/types: an operand has a mode (ck_mode), the
 * expression it came from, a type and, for constants, a value. Type 0 is
 * "invalid" (an error was reported; nothing more is said about it) in
 * mode CK_INVALID, and "dynamic" in any other mode: a value whose type the
 * checker does not know (the results of the library's intrinsics), which
 * is accepted wherever a value is.
 * Untyped expressions are recorded as such and updated when their context
 * decides their type (update_expr_type, go/types' updateExprType).
 * Owns: see check.h. */
#ifndef WF_LANG_CHECK_INT_H
#define WF_LANG_CHECK_INT_H

#include "sim/lang/check.h"

typedef struct operand {
    ck_mode mode;
    ast_node *expr;
    uint32_t type;
    const_val val;
    int builtin; /* CK_BUILTIN: RB_* */
    res_sym *sym; /* the object an identifier denoted (for messages) */
    bool isnil;   /* the value nil (types2's nilvalue mode), whatever
                     type it was given */
    /* a generic function not yet instantiated: its type parameters, and
     * the type arguments given so far (explicitly: F[int]) */
    const uint32_t *tparams;
    uint32_t ntparams;
    uint32_t targs[16];
    uint32_t ntargs;
} operand;

static inline void ck_invalidate(operand *x)
{
    x->mode = CK_INVALID;
}

/* What is recorded per expression node. */
typedef struct ck_info {
    const ast_node *node;
    uint32_t type;
    uint8_t mode;
    bool untyped;   /* still waiting for its final type */
    bool shift_lhs; /* an untyped left operand of a non-constant shift */
    bool has_val;
    const_val *val; /* has_val: in the checker's arena (most records hold
                       none: kept apart, the table stays small) */
    ck_selection *sel;
    /* a generic function's instantiation at this expression */
    uint32_t *targs;
    uint32_t ntargs;
    /* on a library function's declaration: its entry in the checker's
     * lazies + 1 (0: its body is checked with its package) */
    uint32_t lazy;
} ck_info;

/* What the checker knows about a resolver symbol. */
typedef struct ck_obj {
    const res_sym *sym;
    uint32_t type;
    const_val val; /* constants */
    uint8_t state; /* 0 unvisited, 1 being declared (cycle), 2 done */
    bool used;
    bool bad; /* declared by a statement with an error: its type is not
                 known, and what uses it says nothing more */
    uint32_t *tparams; /* a generic function's type parameters */
    uint32_t ntparams;
} ck_obj;

/* A method declared on a named type. */
typedef struct ck_method {
    uint32_t name; /* name id */
    uint32_t sig;  /* its func type, without the receiver (0: not yet) */
    bool ptr_recv;
    ast_node *decl;
} ck_method;

/* What the checker knows about a named type, by type index. */
typedef struct ck_named {
    res_sym *sym; /* its declaration (NULL: predeclared) */
    VEC(ck_method) methods;
    bool methods_done; /* signatures known */
} ck_named;

/* A check types2 delays to the end of the declarations (check.later),
 * when the types it reads are complete and constraints known: a map
 * key's comparability, an embedded field's type. */
typedef enum ck_later_kind {
    CK_LATER_KEY,   /* node: the key; type: the key's */
    CK_LATER_EMBED, /* node: the field's type; type: T of T or *T */
    CK_LATER_CHAN,  /* node: the channel type; type: its element's */
} ck_later_kind;

typedef struct ck_later {
    ast_node *node;
    uint32_t type;
    uint8_t kind;   /* ck_later_kind */
    bool ptr;       /* CK_LATER_EMBED: *T */
} ck_later;

typedef struct ck_tparam_decl {
    uint32_t t;
    const ast_node *ident;
} ck_tparam_decl;

/* A library function or method whose body waits until reached
 * (check_reach.c). */
typedef struct ck_lazy {
    ast_node *decl;
    res_pkg *pkg;
    res_sym *recv; /* a method's receiver type (NULL: a function) */
    uint32_t next; /* the next method of the same name + 1 (0: none) */
    bool reached;  /* its body is checked (or queued) */
} ck_lazy;

/* The function being checked. */
typedef struct ck_func {
    struct ck_func *outer;
    ast_node *node; /* AST_FUNC_DECL or AST_FUNC_LIT */
    uint32_t sig;
    res_pkg *pkg;
    uint32_t recv; /* a method's receiver type (0: none) */
    int64_t frame; /* bytes of the copies gc keeps in its frame (an
                      array ranged over by value) */
} ck_func;

struct checker {
    compiler *C;
    vm_program *prog;
    resolver *R;
    wf_diag *d;
    /* An error abandons the statement it is in (failed: every check
     * returns); the next statement is checked, as go/types goes on after
     * an error with the operand invalid, until Go's 10 errors (stop).
     * A local type declaration with an error abandons the rest of its
     * function (abandon_fn), and an error while a named type or an
     * instance is made (type_depth > 0: type_broken) the rest of the
     * function, or of the package's declarations: what uses the type
     * could say more. */
    bool failed;
    bool stop;
    bool abandon_fn;
    bool type_broken;
    int type_depth;
    size_t abandoned; /* statements abandoned so far */
    VEC(wf_diag) errs; /* in the order found */
    arena mem; /* constants and selections */
    /* node -> info, sym -> obj: open addressing on pointers (look-ups
     * only: nothing is ever ordered by these addresses) */
    VEC(ck_info *) info_blks; /* info_len records, in blocks */
    ck_info **info_blk;       /* info_blks.p */
    uint32_t *info_idx;       /* info_cap slots: a record's position + 1 */
    size_t info_cap, info_len;
    ck_obj **objs; /* each in mem: a pointer stays valid as the table grows */
    size_t objs_cap, objs_len;
    VEC(ck_named) named; /* by type index (grown on demand) */
    /* the walk */
    res_pkg *pkg;
    ck_func *fn;
    int64_t iota; /* -1 outside a constant declaration */
    ast_node *const_spec; /* the constant spec being evaluated */
    const ast_node *errpos; /* where errors go instead (an implicitly
                               repeated constant's name), or NULL */
    int depth;
    VEC(res_sym *) locals; /* locals declared in the current function */
    VEC(uint32_t) instances; /* instantiated generic types */
    VEC(ck_tparam_decl) tparam_decls; /* where each type parameter is */
    VEC(ck_later) later; /* checks waiting for complete types */
    bool generic_base; /* the base of G[A] is being looked up */
    /* check_reach.c: the library's bodies, checked when reached */
    bool lazy;                  /* library bodies wait to be reached */
    VEC(ck_lazy) lazies;        /* every waiting body, in package order */
    VEC(uint32_t) reach_todo;   /* reached, not yet checked: lazies index */
    VEC(uint32_t) name_methods; /* by name id: first lazy method + 1 */
    VEC(uint8_t) name_reached;  /* by name id: a method of that name may
                                   be called */
    size_t lib_bodies;          /* library bodies checked */
};

/* ---- check.c ---------------------------------------------------------- */
/* Go's compilers stop after this many errors ("too many errors"). */
#define CK_MAX_ERRORS 10
void ck_errorf(checker *k, const ast_node *at, const char *fmt, ...)
    WF_PRINTF(3, 4);
/* Report msg at file:line:col: the statement being checked is abandoned
 * (k->failed), unless it had an error already. */
void ck_error_at(checker *k, const char *file, int line, int col,
                 const char *msg);
/* After a statement or a function body that had an error: go on with
 * the next one, unless there were too many or the function is
 * abandoned. */
void ck_recover(checker *k);
ck_info *ck_info_get(const checker *k, const ast_node *n);
ck_info *ck_info_put(checker *k, const ast_node *n);
ck_obj *ck_obj_get(checker *k, const res_sym *s);
res_sym *ck_sym(checker *k, const ast_node *ident);
/* Declare package-level object s if not done yet (types, constants,
 * variables, function signatures), following references in any order;
 * cycles are errors. */
void ck_obj_decl(checker *k, res_sym *s);
ck_named *ck_named_of(checker *k, uint32_t t);
/* Record an operand's type, mode and value for its expression. */
void ck_record(checker *k, const operand *x);
uint32_t ck_name(checker *k, const char *s);
const char *ck_name_str(checker *k, uint32_t id);

/* ---- check_type.c ------------------------------------------------------- */
/* The type type expression n denotes (0 with an error if none). */
uint32_t ck_typexpr(checker *k, ast_node *n);
/* A func type from a signature node (recv may be NULL). */
uint32_t ck_signature(checker *k, ast_node *ftype, ast_node *recv);
/* The named type of declaration s (created on first use). */
uint32_t ck_named_type(checker *k, res_sym *s);
/* The methods of named type t with their signatures. */
void ck_collect_methods(checker *k, uint32_t t);
/* The type parameters a method's receiver T[P, Q] declares: origin's. */
bool ck_bind_recv_tparams(checker *k, ast_node *recv, uint32_t origin);

uint32_t ck_under(checker *k, uint32_t t);
bool ck_is_named(checker *k, uint32_t t);
bool ck_is_untyped(uint32_t t);
bool ck_is_integer(checker *k, uint32_t t);
bool ck_is_unsigned(checker *k, uint32_t t);
bool ck_is_float(checker *k, uint32_t t);
bool ck_is_complex(checker *k, uint32_t t);
bool ck_is_numeric(checker *k, uint32_t t);
bool ck_is_string(checker *k, uint32_t t);
bool ck_is_boolean(checker *k, uint32_t t);
bool ck_is_numeric_or_string(checker *k, uint32_t t);
bool ck_is_const_type(checker *k, uint32_t t);
bool ck_is_interface(checker *k, uint32_t t);
bool ck_has_nil(checker *k, uint32_t t);
bool ck_comparable(checker *k, uint32_t t);
bool ck_ordered(checker *k, uint32_t t);
uint32_t ck_default(uint32_t t);
/* Size in bits of an integer (or float) basic type. */
int ck_bits(checker *k, uint32_t t);
bool ck_identical(checker *k, uint32_t x, uint32_t y);
/* Is a value of type v assignable to type t (x: the operand, for untyped
 * values; may be NULL)? *why gets a reason to append, if any. */
bool ck_assignable(checker *k, operand *x, uint32_t t, char *why,
                   size_t nwhy);
/* Does type t implement interface it? *why: the missing method. */
bool ck_implements(checker *k, uint32_t t, uint32_t it, char *why,
                   size_t nwhy);
/* Is a value of type t convertible to u? (x may be NULL.) */
bool ck_convertible(checker *k, operand *x, uint32_t u);

/* Look up name in type t (fields and methods, promoted through embedded
 * fields; methods of *T on an addressable or pointer receiver). Returns
 * the kind found (SEL_NONE: none; the why string then says why:
 * ambiguous, or a pointer-receiver method on a value). */
ck_selkind ck_lookup(checker *k, uint32_t t, bool addressable, uint32_t name,
                     ck_selection *sel, bool *ambiguous, bool *need_ptr);
/* The method set entry of interface type it for name (0 if none). */
uint32_t ck_iface_method(checker *k, uint32_t it, uint32_t name);

/* Type strings in Go's syntax, qualified by package except for the
 * package being checked. */
void ck_type_str(checker *k, buf *b, uint32_t t);
/* a signature's parameters and results from the skip-th, as (int) string */
void ck_sig_str(checker *k, buf *b, const vm_type *f, uint32_t skip,
                int depth);
const char *ck_tstr(checker *k, uint32_t t); /* in k->mem */
/* An expression in Go's syntax (go/ast's ExprString). */
void ck_expr_str(buf *b, const ast_node *n);
/* The same, kept in k->mem. */
const char *ck_estr(checker *k, const ast_node *n);
/* An operand as go/types prints it: "x (variable of type int)". */
const char *ck_op_str(checker *k, const operand *x);

/* ---- check_expr.c -------------------------------------------------------- */
/* Check n into x (any mode: types, builtins and no value included). */
void ck_raw_expr(checker *k, operand *x, ast_node *n, uint32_t hint,
                 bool allow_generic);
/* A single value (or an error). */
void ck_expr(checker *k, operand *x, ast_node *n);
/* A value or a type. */
void ck_expr_or_type(checker *k, operand *x, ast_node *n);
/* A value of a composite literal's element type hint. */
void ck_expr_hint(checker *k, operand *x, ast_node *n, uint32_t hint);
/* A call's callee: a value, type or builtin; a generic function too. */
void ck_callee(checker *k, operand *x, ast_node *n);
/* A value possibly with several results (calls). */
void ck_multi_expr(checker *k, operand *x, ast_node *n);
/* Report msg at n's own position (not its start). */
void ck_errorp(checker *k, const ast_node *n, const char *msg);
/* x as one value: a call of several results, or of none, is an error. */
void ck_single_value(checker *k, operand *x);

/* ---- check_lit.c, check_index.c, check_op.c: parts of ck_raw_expr -------- */
void ck_basic_lit(checker *k, operand *x, ast_node *n);
void ck_composite(checker *k, operand *x, ast_node *n, uint32_t hint);
void ck_index_expr(checker *k, operand *x, ast_node *n);
void ck_slice_expr(checker *k, operand *x, ast_node *n);
void ck_unary(checker *k, operand *x, ast_node *n);
/* A constant x past its type (or an untyped integer past 512 bits) is an
 * error naming the operation opname (or none). */
void ck_overflow(checker *k, operand *x, const char *opname);

/* Give untyped x the type target (Go's implicit conversion), with the
 * error Go gives when it cannot. */
void ck_convert_untyped(checker *k, operand *x, uint32_t target);
/* x assigned to a variable of type t in context ("assignment",
 * "argument", "return statement", ...): untyped values take t (or their
 * default type for interfaces), and x must be assignable. */
void ck_assignment(checker *k, operand *x, uint32_t t, const char *context);
void ck_update_expr_type(checker *k, ast_node *n, uint32_t t, bool final);
/* The value x's constant has as type t, if representable. */
bool ck_representable(checker *k, operand *x, uint32_t t, bool report);
/* Record x (and, if untyped, remember it for later updates). */
void ck_remember(checker *k, operand *x);
/* x op y for binary expression e (or an op= statement: e NULL). */
void ck_binary(checker *k, operand *x, ast_node *e, ast_node *lhs,
               ast_node *rhs, lex_kind op);
/* An index of an array or slice: a constant must be in [0, length). */
bool ck_index(checker *k, ast_node *n, int64_t length, int64_t *val);
/* Convert untyped x or y to the other's type where Go's binary
 * operators would (types2's matchTypes). */
void ck_match_types(checker *k, operand *x, operand *y);
/* A switch case value v compared with the tag x (errors on v). */
void ck_case_compare(checker *k, operand *v, operand *x);
/* Mark s used (declared-and-not-used bookkeeping). */
void ck_use_sym(checker *k, res_sym *s);

/* ---- check_generic.c ------------------------------------------------------ */
uint32_t ck_tparam_new(checker *k, const char *name, int index);
bool ck_is_tparam(uint32_t t);
/* " (declared at file:line:col)" for type parameter tp, or "". */
const char *ck_declared_at(checker *k, uint32_t tp);
/* Type parameters of list l (AST_FIELD: names, constraint) into out
 * (their symbols typed); returns their number. */
uint32_t ck_declare_tparams(checker *k, ast_list l, uint32_t *out,
                            uint32_t max);
/* A constraint: an interface, or a union of (~)terms as one. */
uint32_t ck_constraint(checker *k, ast_node *n);
/* An interface type literal with methods, embedded interfaces, unions. */
uint32_t ck_iface_elements(checker *k, ast_node *n);
/* Does pred hold for every type in type parameter tp's type set (false if
 * the set has no terms)? */
bool ck_tparam_all(checker *k, uint32_t tp, bool (*pred)(checker *, uint32_t));
bool ck_tparam_comparable(checker *k, uint32_t tp);
/* The core type: the underlying type, or for a type parameter the one
 * underlying type of all its terms (0 if none). */
uint32_t ck_core(checker *k, uint32_t t);
uint32_t ck_subst(checker *k, uint32_t t, const uint32_t *tps,
                  const uint32_t *targs, uint32_t n);
/* The instance of generic named type origin with targs (0: wrong count). */
uint32_t ck_instantiate(checker *k, uint32_t origin, const uint32_t *targs,
                        uint32_t n);
/* Instances made before origin's underlying type was known. */
void ck_complete_instances(checker *k, uint32_t origin);
bool ck_satisfies(checker *k, uint32_t t, uint32_t bound, char *why,
                  size_t nwhy);
/* Each targ satisfies its type parameter's constraint (error at at). */
bool ck_verify_targs(checker *k, ast_node *at, const uint32_t *tps,
                     const uint32_t *targs, uint32_t n);
/* Infer the missing targs (0) of a call from its arguments (params: each
 * argument's parameter type). */
bool ck_infer(checker *k, ast_node *at, const char *fname,
              const uint32_t *tps, uint32_t *targs, uint32_t n,
              const uint32_t *params, operand *args, size_t nargs,
              bool variadic);

/* ---- check_call.c --------------------------------------------------------- */
void ck_call(checker *k, operand *x, ast_node *call);
void ck_conversion(checker *k, operand *x, uint32_t t);

/* ---- check_reach.c --------------------------------------------------------- */
/* Before any package is checked: every library body that can wait. */
void ck_reach_init(checker *k);
/* Does package p's function or method declaration d wait until reached? */
bool ck_reach_waits(checker *k, const ast_node *d);
/* The code checked may call s (a function), d (a method's declaration),
 * or any method named name (an interface's, or one found at run time). */
void ck_reach_func(checker *k, const res_sym *s);
void ck_reach_decl(checker *k, const ast_node *d);
void ck_reach_name(checker *k, uint32_t name);
/* Is s a library type nothing has used yet (made on first use)? */
bool ck_reach_type_waits(checker *k, const res_sym *s);
/* Library type s was just made: its methods of a name already called
 * through an interface are reached. */
void ck_reach_type_made(checker *k, const res_sym *s);
/* Check the bodies reached, and those they reach, until none is left;
 * then the method sets of the library types made. */
void ck_reach_run(checker *k);

/* ---- check_stmt.c ---------------------------------------------------------- */
/* Check a function's body with signature sig (node: the declaration or
 * literal). */
void ck_func_body(checker *k, ast_node *node, ast_node *recv, uint32_t sig,
                  ast_node *body);

/* Does n hold a channel receive or a (non-constant) function call (Go
 * spec, "Length and capacity": then len(n) is not constant)? */
bool ck_has_call_or_recv(checker *k, const ast_node *n);

/* ---- check_terminate.c ------------------------------------------------ */
/* Does the statement list l end in a terminating statement (label: the
 * statement's own, for a labeled break)? */
bool ck_is_terminating_list(checker *k, ast_list l, const char *label);

/* ---- check_later.c ---------------------------------------------------- */
/* Check (kind) now, or when the types it reads are complete. */
void ck_delay(checker *k, ck_later_kind kind, ast_node *n, uint32_t t,
              bool ptr);
/* Run the delayed checks queued so far. */
void ck_later_run(checker *k);
/* Does t depend on a named type still being declared? */
bool ck_type_pending(checker *k, uint32_t t, int depth);

/* ---- check_size.c ----------------------------------------------------- */
/* A call of unsafe.Sizeof, Alignof or Offsetof: its constant in *x (true),
 * or false for another call. */
bool ck_unsafe_call(checker *k, operand *x, ast_node *call);
/* gc's limit on an array type's size, [len]elem at n. */
void ck_array_size(checker *k, ast_node *n, uint32_t elem, int64_t len);
/* gc's limit on a channel's element's size, at n. */
void ck_chan_elem_size(checker *k, ast_node *n, uint32_t elem);
/* gc's limit on a function's frame: its arguments and results, and its
 * copies (f->frame). */
void ck_frame_size(checker *k, const ck_func *f);

#endif

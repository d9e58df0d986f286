/* compile_int.h: what the compiler's files share (compile.c: packages,
 * types, functions and the entry; compile_expr.c: expressions and
 * constants; compile_stmt.c: statements).
 *
 * The compiler walks the resolved trees once per function, emitting
 * register code (vm.h). Registers are allocated as in Lua: a function's
 * locals occupy R[0..nactive) in declaration order (parameters first, then
 * results), and temporaries live above them, from freereg; each statement
 * starts with freereg == nactive.
 * Static types: every expression gets the type the compiler can infer
 * (0 when it cannot); they decide untyped constants' types, zero values,
 * `x == nil` on interfaces, and which locals must be boxed. Values still
 * carry their dynamic type, which the VM uses for everything else.
 * Constants are folded with 128-bit integers and doubles (cval).
 * Owns: the compiler state (heap, until compile_free); output goes to the
 * vm_program.
 * Errors: the first one is kept in C->d and C->failed is set; code
 * generation goes on harmlessly until the caller checks. */
#ifndef WF_LANG_COMPILE_INT_H
#define WF_LANG_COMPILE_INT_H

#include "sim/lang/resolve.h"
#include "sim/lang/vm_int.h"

typedef enum cv_kind {
    CV_NONE,
    CV_BOOL,
    CV_INT,
    CV_FLOAT,
    CV_STRING,
    CV_NIL,
    CV_COMPLEX /* f the real part, im the imaginary */
} cv_kind;

typedef struct cval {
    cv_kind k;
    bool b;
    __int128 i;
    double f;
    double im;
    const char *s; /* CV_STRING: bytes in prog->mem */
    size_t n;
} cval;

/* An expression's result. */
typedef struct ex {
    bool is_const;
    cval cv;       /* is_const */
    uint32_t type; /* static type (untyped constants: T_UINT_K, ...), 0 */
    int reg;       /* the register holding it, -1 for a constant */
    bool local;    /* reg is a variable's register: never clobber it */
    bool fresh;    /* a new value: an aggregate needs no copy */
    int nvals;     /* a call: results in reg .. reg+nvals */
    ast_node *node; /* where it is in the source (for errors) */
} ex;

typedef struct compiler compiler;

/* A method expression's function (compile_generic.c). */
typedef struct cwrap {
    uint32_t recv, name;
    vm_proto *proto;
} cwrap;
typedef struct fstate fstate;

/* A loop, switch or select that break (and continue) may leave. */
typedef struct cblock {
    struct cblock *up;
    const char *label; /* its label, or NULL */
    bool is_loop;
    bool is_select_or_switch;
    VEC(int) breaks;    /* jumps to patch to the end */
    VEC(int) continues; /* jumps to patch to the continue point */
    int nactive;        /* locals alive at its start */
} cblock;

typedef struct clabel {
    const char *name;
    int pc;        /* -1 until defined */
    int depth;     /* block nesting depth where defined */
    int blockid;   /* id of the block (statement list) holding it */
    VEC(int) uses; /* gotos to patch */
} clabel;

struct fstate {
    compiler *C;
    fstate *outer;
    res_pkg *pkg;
    ast_node *node;
    const char *name, *tname;
    VEC(vm_ins) code;
    VEC(int32_t) lines;
    VEC(int32_t) cols; /* the column of each instruction's source */
    VEC(vm_value) k;
    VEC(vm_capdesc) caps;
    VEC(res_sym *) capsyms;
    VEC(vm_sel) sels;
    VEC(vm_selectd) selects;
    VEC(const vm_proto *) kids;
    VEC(res_sym *) active; /* locals by register, for scopes */
    int nactive, freereg, maxreg;
    int lasttarget; /* the highest pc a jump lands on (or will) */
    int line, col;  /* the source position instructions are emitted at */
    int nparams, nres;
    uint32_t *restypes; /* nres */
    bool named_results;
    uint32_t functype;
    cblock *blk;
    VEC(clabel) labels;
    int blockid, nblocks;
    int nlits; /* function literals made so far (func1, func2, ...) */
    int nranges; /* range-over-func bodies made so far (f-range1, ...) */
    const char *pending_label; /* the label of the statement compiled next */
    vm_proto *proto;
    /* an instance of generic code: its type parameters and arguments
     * (every static type is substituted: csubst) */
    const uint32_t *tps, *targs;
    uint32_t ntps;
    /* the variables cdeclare declares now are a loop's, one for the
     * whole loop (Go before 1.22): their cells say so (NEWCELL f 2), for
     * the race report */
    bool loopvar_decl;
    /* the body of a range over a function, compiled as its yield
     * function (compile_rangefunc.c); NULL in any other function */
    struct crf *rf;
};

/* A function or method compiled for one instantiation (compile_generic.c). */
typedef struct cinst {
    ast_node *decl;       /* the generic function or method declaration */
    res_pkg *pkg;
    const uint32_t *tps;  /* its type parameters */
    uint32_t *targs;      /* the arguments (program memory) */
    uint32_t ntargs;
    vm_proto *proto;
    uint32_t depth;       /* instances compiled before it on the chain of
                             instantiations that made it (CINST_DEPTH) */
    bool done;
} cinst;
/* The longest chain of instantiations compiled: only a cycle whose type
 * arguments grow (f[T] calling f[[]T]) goes past it, which Go rejects as
 * an "instantiation cycle"; without the bound the compiler makes ever
 * larger types until memory runs out. */
#define CINST_DEPTH 200

struct compiler {
    vm_program *prog;
    resolver *R;
    wf_diag *d;
    bool failed;
    bool loop_per_iter; /* Go >= 1.22 loop variables */
    bool fieldtrack;    /* GOEXPERIMENT=fieldtrack: //go:nointerface holds */
    VEC(vm_proto *) natives; /* by native id, made on first use */
    VEC(res_sym *) gsyms;    /* package variables by global index */
    /* name interning into prog->names */
    uint32_t *nmap;
    size_t nmap_cap;
    res_pkg *pkg; /* the package being compiled */
    int iota;     /* while evaluating a constant spec */
    struct checker *K; /* the type checker's results (check.h) */
    VEC(cinst) insts;     /* instances of generic code, compiled or not */
    size_t inst_types_seen; /* checker instances whose methods we made */
    const cinst *inst_now; /* the instance cfunction compiles */
    VEC(struct cwrap) wraps; /* method expression functions made */
};

/* want: keep an untyped constant untyped (the type is decided at run time
 * by the other operand or the slot it is stored in). */
#define WANT_SOFT 0xFFFFFFFFu

/* ---- compile.c ----------------------------------------------------------- */
void cerr(compiler *C, const ast_node *n, const char *fmt, ...)
    WF_PRINTF(3, 4);
uint32_t cname(compiler *C, const char *s); /* interned name id */
const char *cstrdup(compiler *C, const char *s, size_t n);
/* The type a type expression denotes (0 with an error if it is none). */
uint32_t ctype_of(fstate *fs, ast_node *n);
/* If n denotes a type, that type; else 0 and no error. */
uint32_t ctype_try(fstate *fs, ast_node *n);
/* The function type of signature n (recv: a method's receiver, or NULL). */
uint32_t cfunc_type(fstate *fs, ast_node *n, ast_node *recv);
/* Named type s, made (with its underlying type and methods) on first use. */
uint32_t cnamed_type(compiler *C, res_sym *s, fstate *fs);
/* The proto of a package function or method declaration. */
vm_proto *cfunc_proto(compiler *C, res_sym *fn);
vm_proto *cmethod_proto(compiler *C, ast_node *decl);
/* The static type of the callee of call (a plain function, a package's
 * function, or a method of a local or variable whose type is known,
 * without its receiver), or 0; compiles nothing. */
uint32_t ccallee_type(fstate *fs, ast_node *call);
/* The proto of native id (a library intrinsic). */
vm_proto *cnative_proto(compiler *C, int id);
/* Compile a function literal or declaration body into a proto. */
vm_proto *cfunction(compiler *C, fstate *outer, res_pkg *pkg, ast_node *node,
                    ast_node *recv, ast_node *type, ast_node *body,
                    const char *name, const char *tname);
res_sym *csym(fstate *fs, const ast_node *n);
/* Initialize package p's variables in dependency order (into fs). */
void cinit_vars(fstate *fs, res_pkg *p);

/* ---- compile.c: the program ------------------------------------------- */

/* A root package of a program: its import path and files. */
typedef struct cpkg_root {
    const char *path;
    const res_source *files;
    size_t n;
} cpkg_root;
/* Compile the program made of roots[0, nroots) (the package, then its
 * external test package if any) and what they import through lib; path
 * names the program (vm_program.path), mod_go is its module's go
 * directive ("" or NULL: none). The entry points of compile_pkg.c. */
wf_status ccompile_roots(const char *path, const cpkg_root *roots,
                         size_t nroots, const res_library *lib,
                         const char *mod_go, const vm_options *o,
                         vm_program **out, wf_diag *d);

/* ---- compile_test.c ----------------------------------------------------- */
/* A test program's entry, after package initialization (into fs): runs
 * the test or Example the execution's __test_index() selects; fills the
 * program's test list. */
void ctest_entry(compiler *C, fstate *fs);

/* A function state (fs_init), its proto's code from it (fs_finish), and
 * its scratch freed (fs_fini). */
void fs_init(fstate *fs, compiler *C, fstate *outer, res_pkg *pkg,
             ast_node *node, const char *name, const char *tname);
void fs_finish(fstate *fs, vm_proto *pr);
void fs_fini(fstate *fs);
/* A method expression's function: func(r R, args...) { return
 * r.m(args...) } for receiver type recv and method name, of type sig
 * (recv first); made once per (recv, name). Dispatch is the VM's: value
 * methods through pointers, promoted and interface methods alike. */
vm_proto *cmethod_expr_fn(fstate *fs, uint32_t recv, uint32_t name,
                          uint32_t sig);

/* ---- emitting ------------------------------------------------------------- */
int emit(fstate *fs, vm_opcode opc, int f, int a, int b, int c);
int emit_jmp(fstate *fs, vm_opcode opc, int a); /* to patch */
/* R[a] = RK[rb] opc RK[rc] for a binary operator opc (ADD .. LE), tb and
 * tc the static types of the operands that are registers: the checked-
 * integer form (IADD ..., vm.h) when both are of one integer type, or,
 * for a shift, when an integer is shifted by a constant below 64. */
int emit_binop(fstate *fs, vm_opcode opc, int a, int rb, uint32_t tb, int rc,
               uint32_t tc);
void patch_to(fstate *fs, int at, int target);
void patch_here(fstate *fs, int at);
/* The pc of the next instruction, as the target of a jump (a loop's top,
 * a case body, a label). */
int here_target(fstate *fs);
/* Move temporary src to dst by retargeting the instruction that just
 * computed src (its result register becomes dst), when that is safe: src
 * a temporary, the last instruction one that writes only R[a], and no
 * jump lands after it. False: nothing changed (emit the MOVE). */
bool retarget_last(fstate *fs, int src, int dst);
int kindex(fstate *fs, vm_value v);
int ktype(fstate *fs, uint32_t t); /* a constant holding a type id */
int kstr(fstate *fs, const char *s);
int newreg(fstate *fs, int n); /* n consecutive temporaries */
int selindex(fstate *fs, const char *name);

/* ---- compile_expr.c ---------------------------------------------------- */
ex cexpr(fstate *fs, ast_node *n, uint32_t want);
/* n into register reg (or a new temporary when reg < 0), as type want
 * when it is an untyped constant. copy: copy an aggregate read from a
 * variable (an assignment's or argument's value semantics). */
int cexpr_to(fstate *fs, ast_node *n, int reg, uint32_t want, bool copy);
/* n into some register (a variable's own register when it is one). */
int cexpr_any(fstate *fs, ast_node *n, uint32_t want, uint32_t *type);
/* n as an RK operand. */
int cexpr_rk(fstate *fs, ast_node *n, uint32_t want, uint32_t *type);
/* An operand of an operator, as an RK: a local's own register (read in
 * place, at once), else ex_rk. */
int operand_rk(fstate *fs, ex *e, uint32_t want);
/* Put e into reg (or a new temporary), as type want if untyped. */
int ex_to(fstate *fs, ex *e, int reg, uint32_t want, bool copy);
int ex_rk(fstate *fs, ex *e, uint32_t want);
/* Emit the next instructions at n's position. */
static inline void fs_at(fstate *fs, const ast_node *n)
{
    fs->line = n->line;
    fs->col = n->col;
}
/* e as the operand of an instruction that reads it at once: a local's
 * own register when nothing needs doing, else ex_to(e, -1, want, copy)
 * (copy: an aggregate or interface local is copied all the same). */
int ex_operand(fstate *fs, ex *e, uint32_t want, bool copy);
/* An untyped constant's type (or no type at all)? */
static inline bool cuntyped(uint32_t t)
{
    return kind_is_untyped(VM_KIND(t)) || t == 0;
}
/* A constant expression's value in its final type, as the checker
 * decided them (false if n is not constant). */
bool cconst(fstate *fs, ast_node *n, cval *out, uint32_t *type);
vm_value cval_value(fstate *fs, const cval *cv, uint32_t t, ast_node *at);
/* Calls: results land in base .. base+nres; returns the result count.
 * want_all: keep every result (tuple assignments). */
int ccall(fstate *fs, ast_node *call, int nres_wanted, ex *out);
/* Store the value in register src into the place n denotes. */
void cassign_to(fstate *fs, ast_node *n, int src, uint32_t srctype,
                bool decl);
uint32_t cstatic_result(fstate *fs, uint32_t functype, int i);
/* The static type of member name of type t (a field's type or a method's
 * func type, receiver first); 0 if unknown. */
uint32_t cmember_type(fstate *fs, uint32_t t, uint32_t name, bool *is_method,
                      bool *ptr_recv);
/* Does a local of static type t used as a method receiver need a cell
 * (a method with a pointer receiver on a non-aggregate value)? */
bool cneeds_box(fstate *fs, uint32_t t);
/* The RK operand or register of a closure's capture of s. */
int cupval(fstate *fs, res_sym *s);
bool is_blank(const ast_node *n);
/* A local's value into a register (its own when unboxed). */
int clocal_get(fstate *fs, res_sym *s, int reg);
void clocal_set(fstate *fs, res_sym *s, int src);

/* An assignable place, its operands evaluated (Go's first assignment
 * phase). */
enum { LV_BLANK, LV_LOCAL, LV_GLOBAL, LV_FIELD, LV_INDEX, LV_DEREF };
typedef struct lval {
    int kind;
    res_sym *sym;
    int base, key, sel, gindex;
    uint32_t type;
    const ast_node *at; /* the place (its store panics there, as gc's) */
} lval;
lval clval(fstate *fs, ast_node *n);

/* ---- compile_rangefunc.c: range over a function (Go 1.23) --------------- */
/* for k, v := range x where x, in register it, is of function type xt:
 * the body becomes the yield function x is called with. */
void crange_func(fstate *fs, ast_node *n, const char *label, int it,
                 uint32_t xt);
/* In a loop body (fs->rf): return (with the enclosing function's
 * results), and break / continue to a target outside the body. */
void crf_return(fstate *fs, ast_node *n);
bool crf_branch(fstate *fs, ast_node *n, lex_kind tok, const char *label);
/* A register holding the frame token a defer in the body defers onto. */
int crf_frame(fstate *fs);
/* Compute values into base .. base+n as types want (compile_stmt.c). */
void cvalues(fstate *fs, ast_list values, int n, int base,
             const uint32_t *want, uint32_t *types);
/* Pin lv's operands: those held in a local variable's own register are
 * copied, so storing to another target of the same assignment (i, x[i]
 * = ...; p, *p = ...) does not change the place (Go evaluates the
 * operands of every target before assigning any). */
void clval_pin(fstate *fs, lval *lv);
void cstore(fstate *fs, const lval *lv, int src);
int cload(fstate *fs, const lval *lv);
/* go or defer (op) of call. */
void cgo_defer(fstate *fs, ast_node *call, vm_opcode opc);
/* Method value n (a selector x.m) into reg when m has a pointer receiver
 * and x is statically addressable and not a pointer: binds &x, reading
 * nothing (so `defer wg.Done()` on a captured wg is no access of wg).
 * *type: its type. False (nothing emitted) for any other selector. */
bool cmethod_value(fstate *fs, ast_node *n, int reg, uint32_t *type);

/* ---- compile_stmt.c ------------------------------------------------------ */
void cblock_stmts(fstate *fs, ast_list l);
void cstmt(fstate *fs, ast_node *n);
/* Declare local s in a new register, holding register src's value. */
void cdeclare(fstate *fs, res_sym *s, int src, uint32_t type, bool copy);

/* ---- compile_generic.c ---------------------------------------------------- */
/* t in fs's instantiation (type parameters replaced by its arguments). */
uint32_t csubst(fstate *fs, uint32_t t);
/* The checker's type of expression n, substituted; 0 if none. */
uint32_t cnode_type(fstate *fs, const ast_node *n);
/* x, or p when x is (*p) with p a pointer to an array: indexing and
 * slicing go through the pointer, so they alias what it points to (a
 * window pointer's deref is a copy). */
ast_node *carray_deref(fstate *fs, ast_node *x);
/* The signature of a function declaration (recv: a method's receiver
 * field, prepended), from the checker, substituted. */
uint32_t csig(fstate *fs, ast_node *ftype, ast_node *recv);
/* The proto of the instance of generic function fn that expression at
 * denotes (its type arguments recorded there), or NULL if fn is not
 * generic. */
vm_proto *cfunc_instance(fstate *fs, res_sym *fn, const ast_node *at);
/* Is decl generic (type parameters, or a method of a generic type)? */
bool cdecl_is_generic(compiler *C, ast_node *decl);
/* Make the method protos of the generic types' instances made so far. */
void cinst_methods(compiler *C);
/* Compile every pending instance (they may make more). */
void cinst_run(compiler *C);
void cinst_free(compiler *C);
vm_proto *cnew_proto(compiler *C, const char *name, const char *tname,
                     const char *file, bool user);
const char *cdecl_file(compiler *C, res_pkg *pkg, const ast_node *n);

/* ---- types.c --------------------------------------------------------------- */
uint32_t type_new(vm_program *p, vm_kind k, const char *name);
/* Named type named takes u's underlying type: its structure (fields,
 * signature, interface methods; not an interface's type terms). */
void type_set_under(vm_program *p, uint32_t named, uint32_t u);
uint32_t type_ptr(vm_program *p, uint32_t elem);
uint32_t type_slice(vm_program *p, uint32_t elem);
uint32_t type_array(vm_program *p, uint32_t elem, int64_t len);
uint32_t type_map(vm_program *p, uint32_t key, uint32_t val);
uint32_t type_chan(vm_program *p, uint32_t elem, int dir);
uint32_t type_func(vm_program *p, const uint32_t *params, uint32_t np,
                   const uint32_t *results, uint32_t nr, bool variadic);
uint32_t type_struct(vm_program *p, const vm_field *f, uint32_t n);
/* An interface of n methods (names and signatures; mtypes may be NULL),
 * sorted by name; any when n is 0. */
uint32_t type_iface(vm_program *p, const uint32_t *names,
                    const uint32_t *mtypes, uint32_t n);
/* The same with a type set: set's has_terms, terms, tilde, comparable
 * (copied), for constraints. */
uint32_t type_iface_set(vm_program *p, const uint32_t *names,
                        const uint32_t *mtypes, uint32_t n,
                        const vm_type *set);
/* Several results as one static type (K_TUPLE; params holds them). */
uint32_t type_tuple(vm_program *p, const uint32_t *results, uint32_t n);
/* Finish t's name once its parts are known. */
void type_set_name(vm_program *p, uint32_t t);
/* Build the member tables of every type (after all methods exist). */
void type_members(vm_program *p, compiler *C);
/* The default type of an untyped kind. */
uint32_t type_default(uint32_t t);
/* t's underlying type id. */
static inline uint32_t type_under(const vm_program *p, uint32_t t)
{
    return t ? prog_type(p, t)->under : 0;
}

#endif

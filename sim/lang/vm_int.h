/* vm_int.h: what the compiler and the VM's files share: the type table,
 * function prototypes, heap objects, goroutines and their frames.
 *
 * Memory: the vm_program (types, protos, constants, names, static function
 * objects) is on the heap in prog->mem until vm_program_free. An
 * execution's objects are in the engine arena (vm_exec is made by the
 * program's begin hook, after engine_reset).
 *
 * Shared state (SPEC 6, issue 6 point 5). An object is *shared* once more
 * than one goroutine may reach it; then each access to one of its slots is
 * a visible operation on a tracked variable (a wf_var per slot, made on
 * first use and named like the slot: "counter", "s.items[3]", "m"). A
 * goroutine's registers are never shared. Sharing is decided dynamically:
 *   - the package variables are shared;
 *   - what a `go` statement passes (arguments, the function value and the
 *     cells it captured), what is sent on a channel and what Once.Do and
 *     WaitGroup.Go run elsewhere becomes shared (vm_escape);
 *   - storing a reference into a shared object shares its target (the
 *     write barrier in vm_store).
 * Marking is monotone and each object is marked once: O(heap) per
 * execution. Until the first `go` no access is visible (no other task
 * exists to interleave with or race against).
 * Invariants: 1. a shared object's referents are shared.  2. aggregates
 *   are never referenced from two slots (every store copies).
 *   3. vm_obj.parent/field name the slot a nested aggregate lives in. */
#ifndef WF_LANG_VM_INT_H
#define WF_LANG_VM_INT_H

#include <stdlib.h>
#include <string.h>

#include "sim/atomic.h"
#include "sim/chan.h"
#include "sim/lang/value.h"
#include "sim/lang/vm.h"
#include "sim/var.h"

/* ---- instructions ------------------------------------------------------ */

typedef struct vm_ins {
    uint8_t op; /* vm_opcode */
    uint8_t f;  /* flags of the op */
    uint16_t a, b, c;
} vm_ins;

#define RK_CONST 0x8000u

/* The checked-integer instructions (vm.h, IADD .. USHR): each writes R[a]
 * alone from R[b] and RK[c], and can neither panic nor yield. */
static inline bool vm_op_checked(unsigned opc)
{
    return opc >= VM_OP_IADD && opc <= VM_OP_USHR;
}
/* Their f: the operands' kind, and VM_F_SIZED for a kind narrower than
 * 64 bits (a result to wrap). */
#define VM_F_KIND 31u
#define VM_F_SIZED 32u
static inline int32_t ins_sbx(vm_ins i)
{
    return (int32_t)(((uint32_t)i.b << 16) | i.c);
}

/* CALL / CALLM / GO / DEFER flags. */
enum {
    CALL_SPREAD = 1, /* f(xs...) */
    CALL_SOFT = 2,   /* some arguments are untyped constants */
    CALL_ADDR = 4,   /* CALLM/METHOD: the receiver operand is an address */
    CALL_ALL = 8,    /* CALL/CALLM: keep every result (c ignored), their
                      * number in g->nmulti */
    CALL_MULTI = 16, /* CALL/CALLM/GO/DEFER: the arguments are the
                      * g->nmulti results of the CALL_ALL call just before
                      * (f(x.m())) */
    CALL_IFACE = 32, /* CALLM: the receiver's static type is an interface
                      * (a value method on a nil *T panics as Go's
                      * wrapper does) */
    CALL_KFN = 64,   /* CALL: the function is K[a of the EXTRA word after
                      * it], stored into R[a] first (a function the
                      * compiler knows: no LOADK of its own) */
    CALL_OUTER = 128 /* DEFER: onto frame R[c] (a FRAMEID) of the goroutine,
                      * not the current one (range-over-func loop bodies) */
};
/* Results a CALL_ALL call keeps at most (registers reserved for them). */
#define VM_MULTI_MAX 8
/* SLICE flags: which bounds are present. */
enum { SL_LO = 1, SL_HI = 2, SL_MAX = 4 };

/* ---- types ------------------------------------------------------------- */

#define VM_MAX_PATH 8

struct vm_proto;

/* A field or method reachable by name from a type (embedding included):
 * follow path[0..npath) (each hop dereferences a pointer if the current
 * value is one, then takes that field), then the member. */
typedef struct vm_member {
    uint32_t name;
    bool is_method;
    bool ptr_recv; /* method with a pointer receiver */
    uint8_t depth;
    uint8_t npath;
    uint16_t path[VM_MAX_PATH]; /* fields: the last hop is the field */
    uint32_t type;              /* field type, or the method's func type */
    const struct vm_proto *fn;  /* method */
} vm_member;

typedef struct vm_field {
    uint32_t name;
    uint32_t type;
    uint32_t tag; /* the tag's name id (0: none): tags are identity */
    bool embedded;
} vm_field;

struct vm_method;

typedef struct vm_type {
    uint32_t id;
    const char *name; /* as %T prints it: "int", "main.T", "[]*main.T" */
    bool named;
    uint32_t under; /* the underlying type (itself when unnamed) */
    uint32_t elem;  /* ptr, slice, array, chan, map value */
    uint32_t key;   /* map key */
    int64_t len;    /* array */
    uint8_t dir;    /* chan: 0 both, 1 send-only, 2 receive-only */
    uint32_t ptr;   /* the type *T, 0 if none was made */
    uint32_t slice; /* the type []T, 0 if none was made */
    /* struct */
    uint32_t nfields;
    vm_field *fields;
    /* members by name id: fields and methods of T (and of *T) */
    uint32_t nmembers;
    vm_member *members;
    /* func */
    uint32_t nparams, nresults;
    uint32_t *params; /* then results */
    bool variadic;
    /* interface: method name ids, sorted, and their signatures (func
     * types without a receiver; 0 when unknown) */
    uint32_t nimethods;
    uint32_t *imethods;
    uint32_t *imtypes;
    /* methods declared on a named type (value or pointer receivers) */
    uint32_t nmethods;
    struct vm_method *methods;
    /* generics (the type checker's, check_generic.c): a generic named type
     * has origin == its own id and targs its type parameters; an
     * instance has origin the generic type and targs its arguments.
     * K_TPARAM: elem is the constraint, len the index in its list. */
    uint32_t origin, ntargs;
    uint32_t *targs;
    /* a type declared inside a generic function: its first nimplicit
     * type parameters are the function's (one type per instantiation of
     * the function, as Go's unified IR makes them) */
    uint32_t nimplicit;
    /* a constraint interface's type set: nterms terms (tilde[i]: ~T), or
     * every type when has_terms is false; comparable: embeds comparable */
    uint32_t nterms;
    uint32_t *terms;
    uint8_t *tilde;
    bool has_terms, comparable;
    bool generic; /* mentions a type parameter */
    const char *pkg; /* package of a named type, for %v of its name */
    const char *pkgpath; /* its import path (reflect's PkgPath), in mem */
} vm_type;

/* A func type's results: params + nparams, or NULL when it has neither
 * parameters nor results (params is NULL then: no offset from it, which
 * UBSan reports). */
static inline const uint32_t *type_results(const vm_type *t)
{
    return t->params ? t->params + t->nparams : NULL;
}

typedef struct vm_method {
    uint32_t name;
    const struct vm_proto *fn;
    bool ptr_recv;
} vm_method;

/* ---- functions ----------------------------------------------------------- */

struct vm_g;
struct vm_frame;

typedef enum nat_status { NAT_OK, NAT_YIELD, NAT_CALL, NAT_PANIC } nat_status;

/* What a native function sees. Arguments a[0..n) and results r[] are in
 * its frame; they stay put while it yields. f->pc counts its phases: 0 at
 * the first call, then one more for each NAT_YIELD or NAT_CALL. */
typedef struct vm_ncall {
    struct vm_g *g;
    struct vm_frame *f;
    vm_value *a;
    uint32_t n;
    vm_value *r;
    uint32_t nres; /* results the caller wants (or the native's count) */
    vm_value callres; /* after a NAT_CALL: the callee's first result */
} vm_ncall;
typedef nat_status (*vm_native_fn)(vm_ncall *c);

/* How a closure gets cell i: from the creating function's register (its
 * local cell) or its own captured cell. */
typedef struct vm_capdesc {
    bool from_up;
    uint16_t index;
} vm_capdesc;

/* A field or method selector with its inline cache. */
typedef struct vm_sel {
    uint32_t name;
    uint32_t cache_t;         /* receiver type of the cached look-up */
    const vm_member *cache_m; /* its result */
} vm_sel;

/* A select statement's cases: channel register, direction, value RK. */
typedef struct vm_selcase {
    uint16_t chan;
    bool send;
    uint16_t val;
} vm_selcase;
typedef struct vm_selectd {
    uint32_t ncases;
    bool has_default;
    vm_selcase *cases;
} vm_selectd;

typedef struct vm_proto {
    const char *name;  /* "main.worker", "main.(*T).m", "main.main.func1" */
    const char *tname; /* for task names: "worker", "m", "main.func1" */
    const char *file;  /* source path */
    bool user;         /* from the user's file (events name its lines) */
    bool nointerface;  /* a //go:nointerface method: in no method set of
                        * an interface */
    int32_t line;
    uint16_t nparams, nres, nregs;
    uint16_t nzero; /* code[0, nzero) zero scalar results (ZERO of an
                     * integer or bool type): the common call does them
                     * itself and starts at pc nzero */
    const uint32_t *zero; /* those ZEROs: register, type; nzero pairs */
    bool cellres;   /* a result is boxed (NEWCELL into its register): RET
                     * copies it out of its cell */
    uint16_t fastres; /* compiled, no boxed result: nres + 1, the common
                       * return's bound on the results wanted (a frame
                       * wanting fewer is vm_frame.fast); else 0 */
    uint16_t fastargs; /* compiled, not variadic: nparams + 1, the common
                        * call's test (vm.c); else 0 (natives) */
    bool variadic;
    uint32_t type;          /* func type */
    const uint32_t *ptypes; /* parameter types, nparams (0: unknown) */
    const vm_ins *code;
    uint32_t ncode;
    const int32_t *lines;
    /* through the file's line directives (NULL when it has none): each
     * instruction's line and file as runtime.Caller reports them */
    const int32_t *dlines;
    const char *const *dfiles;
    const vm_value *k;
    uint32_t nk;
    const vm_capdesc *caps;
    uint16_t ncaps;
    vm_sel *sels; /* inline caches: mutable */
    uint32_t nsels;
    const vm_selectd *selects;
    uint32_t nselects;
    const struct vm_proto **kids; /* closures made here (CLOSURE's b) */
    uint32_t nkids;
    uint32_t ret_pc;  /* the RET a recovered panic returns through */
    vm_native_fn nat; /* a native function (no code) */
    uint64_t *live; /* vm_live_regs' sets, once asked (a mutable cache) */
    /* Lazy registers (vm_plan_regs, vm_live.c): a call clears only the
     * registers clr[0, nclr) (those its code may read before writing,
     * and the results), not the whole frame, and a return into a lazy
     * frame clears nothing: the state hash and the reachability walks
     * read only the registers valid at the frame's pc (vm_valid_regs),
     * those every path from the entry has written since the last call
     * above them. NULL valid: the frame is cleared whole at each call
     * and return (an instruction the plan does not know). */
    const uint64_t *valid;
    const uint16_t *clr;
    uint16_t nclr;
    /* lazy: what the common call stores at its entry, registers
     * [ilo, ilo + ninit) (from the first of clr to the last, never a
     * parameter) = itpl[]: a result its first ZEROs zero gets that
     * type's zero, the others nil */
    const vm_value *itpl;
    uint16_t ilo, ninit;
    uint64_t name_hash; /* the state hash's of name, once asked (a cache) */
    struct vm_obj *static_fn; /* its function value when it captures none */
} vm_proto;

/* One register moved as a 16-byte vector (one store, where a struct
 * assignment makes two). */
#if defined(__GNUC__) || defined(__clang__)
typedef long long vm_reg16 __attribute__((vector_size(16), aligned(8)));
#define VM_REG_ZERO(r) (*(vm_reg16 *)(void *)(r) = (vm_reg16){0, 0})
#define VM_REG_COPY(d, s)                                                      \
    (*(vm_reg16 *)(void *)(d) = *(const vm_reg16 *)(const void *)(s))
#else
#define VM_REG_ZERO(r) (*(r) = (vm_value){{0}, 0, 0})
#define VM_REG_COPY(d, s) (*(d) = *(s))
#endif

/* Zero r[0..n): the registers a call or a return clears, without a call
 * of memset for the usual few. */
static inline void vm_clear_regs(vm_value *r, uint32_t n)
{
    switch (n) {
    default:
        memset(r, 0, (size_t)n * sizeof *r);
        break;
    case 16: VM_REG_ZERO(r + 15); /* fallthrough */
    case 15: VM_REG_ZERO(r + 14); /* fallthrough */
    case 14: VM_REG_ZERO(r + 13); /* fallthrough */
    case 13: VM_REG_ZERO(r + 12); /* fallthrough */
    case 12: VM_REG_ZERO(r + 11); /* fallthrough */
    case 11: VM_REG_ZERO(r + 10); /* fallthrough */
    case 10: VM_REG_ZERO(r + 9); /* fallthrough */
    case 9: VM_REG_ZERO(r + 8); /* fallthrough */
    case 8: VM_REG_ZERO(r + 7); /* fallthrough */
    case 7: VM_REG_ZERO(r + 6); /* fallthrough */
    case 6: VM_REG_ZERO(r + 5); /* fallthrough */
    case 5: VM_REG_ZERO(r + 4); /* fallthrough */
    case 4: VM_REG_ZERO(r + 3); /* fallthrough */
    case 3: VM_REG_ZERO(r + 2); /* fallthrough */
    case 2: VM_REG_ZERO(r + 1); /* fallthrough */
    case 1: VM_REG_ZERO(r); /* fallthrough */
    case 0: break;
    }
}

/* Copy n registers forward (d <= s: a return's results move down). */
static inline void vm_copy_regs(vm_value *d, const vm_value *s, uint32_t n)
{
    switch (n) {
    case 0:
        break;
    case 1:
        VM_REG_COPY(d, s);
        break;
    case 2:
        VM_REG_COPY(d, s);
        VM_REG_COPY(d + 1, s + 1);
        break;
    case 3:
        VM_REG_COPY(d, s);
        VM_REG_COPY(d + 1, s + 1);
        VM_REG_COPY(d + 2, s + 2);
        break;
    case 4:
        VM_REG_COPY(d, s);
        VM_REG_COPY(d + 1, s + 1);
        VM_REG_COPY(d + 2, s + 2);
        VM_REG_COPY(d + 3, s + 3);
        break;
    default:
        for (uint32_t k = 0; k < n; k++)
            d[k] = s[k];
    }
}

/* ---- heap objects ------------------------------------------------------ */

typedef enum obj_okind {
    OK_CELL,    /* a boxed variable: 1 slot */
    OK_AGG,     /* a struct or array value: its fields or elements */
    OK_ARR,     /* a slice's backing array */
    OK_GLOBALS, /* the package variables */
    OK_CLOSURE, /* u.proto, slots: captured cells */
    OK_BOUND,   /* a method value: u.proto, slots[0]: the receiver */
    OK_MAP,     /* a vm_map */
    OK_ITER     /* a map iterator */
} obj_okind;

enum {
    OF_SHARED = 1, /* reachable by several goroutines: accesses visible */
    OF_STATIC = 2, /* in program memory: never marked or named */
    OF_NAMED = 4,  /* name given (and passed on to its contents) */
    OF_RAW = 8,    /* no object: an address unsafe.Pointer holds where
                    * nothing of its type lies (vm_addr.c); its one slot
                    * is nil, and a dereference is refused */
    OF_LOOPVAR = 16, /* a cell: a loop's variable, one for the whole loop
                        (Go before 1.22) */
    OF_GUARD = 32 /* (with OF_SHARED) memory syscall.Mmap made, or an
                   * unsafe.Slice where weft holds nothing: every access
                   * checks its page's protection, or is refused
                   * (vm_guard_ok, lib_mmap.c) */
};

/* Per-slot engine objects of a shared object, made on first use. */
typedef struct vm_track {
    wf_var *var;
    wf_atomic *atom; /* sync/atomic functions on this slot */
} vm_track;

/* The fields every heap object starts with (vm_map and vm_iter embed
 * them as a vm_objhead; VM_OBJ_OF views them as a vm_obj). */
/* Fields of every object, in order:
 *   type   OK_AGG: the aggregate type; OK_CELL: the variable's static type
 *          (0 unknown); OK_ARR: the element type
 *   okind, flags (OF_*), field: slot index in parent, n: number of slots,
 *   mark: walk epoch (reachability, hashing), pid: stable id for %p and
 *   hashing (0 until needed), cnum: canonical number in a state hash,
 *   name, parent: the object holding this aggregate (or NULL),
 *   u.tr (OK_CELL, OK_AGG, OK_ARR, OK_GLOBALS, OK_MAP) or u.proto
 *   (OK_CLOSURE, OK_BOUND). */
#define VM_OBJ_HEAD                                                            \
    uint32_t type;                                                             \
    uint8_t okind;                                                             \
    uint8_t flags;                                                             \
    uint16_t field;                                                            \
    uint32_t n;                                                                \
    uint32_t mark;                                                             \
    uint32_t pid;                                                              \
    uint32_t cnum;                                                             \
    const char *name;                                                          \
    struct vm_obj *parent;                                                     \
    union {                                                                    \
        vm_track *tr;                                                          \
        const struct vm_proto *proto;                                          \
    } u;

typedef struct vm_obj {
    VM_OBJ_HEAD
    vm_value slots[];
} vm_obj;

typedef struct vm_objhead {
    VM_OBJ_HEAD
} vm_objhead;

#define VM_OBJ_OF(p) ((vm_obj *)(void *)&(p)->h)

typedef struct vm_slice {
    vm_obj *arr;
    uint32_t off, len, cap;
} vm_slice;

typedef struct vm_map {
    vm_objhead h; /* okind OK_MAP, n 0; h.u.tr: the map's tracked var */
    uint32_t type;
    uint32_t count;      /* live entries */
    uint32_t nent, cap;  /* entries used (live or deleted), allocated */
    vm_value *keys, *vals;
    uint8_t *live;
    int32_t *index; /* open addressing: entry index, -1 free, -2 deleted;
                     * icap slots */
    uint32_t icap;
    uint32_t used; /* index slots not free (entries and deleted ones) */
    uint64_t work; /* index slots looked at: O(1) an operation, amortised */
} vm_map;

typedef struct vm_iter {
    vm_objhead h; /* okind OK_ITER */
    vm_map *m;
    uint32_t pos, start, seen;
} vm_iter;

/* ---- the program --------------------------------------------------------- */

struct vm_program {
    arena mem;
    char *path;
    uint32_t hash; /* of the source: identity in schedules */
    VEC(vm_type) types;
    /* the unnamed types by structure (types.c's interning): slots hold
     * a type index + 1, 0 empty */
    uint32_t *shapes;
    size_t shapes_cap, shapes_len;
    VEC(const char *) names; /* interned identifiers, by id */
    VEC(vm_proto *) protos;
    uint32_t nglobals;
    const char **gnames;
    uint32_t *gtypes;
    vm_proto *entry; /* package initialization, then main.main (or, in a
                      * test file, the test __test_index() selects) */
    bool is_test;      /* a *_test.go file */
    const char *pkg_name; /* the package clause of the program's files */
    const char **args; /* os.Args: the program's path, then its arguments */
    uint32_t nargs;
    char *run_pattern; /* go test -run's pattern for subtests, or NULL */
    const char **env;  /* os.Environ at the start of every execution */
    uint32_t nenv;
    bool has_progress; /* calls the progress() builtin somewhere */
    bool async_timers; /* Go before 1.23 (go.mod's go line, --go): a timer
                        * channel keeps a value sent before Stop or Reset
                        * (asynctimerchan=1) */
    const char **tests; /* its TestXxx functions, in source order */
    uint32_t ntests;
    struct vm_entry *entries; /* ntests + 1: main, then each test */
    uint64_t ops;    /* instructions executed (bench) */
    /* scratch for the running execution, reused (not part of the
     * program's meaning): what the package variables reach */
    uint64_t nexec;
    uint64_t *greach;
    size_t greach_words;
    uint64_t greach_serial, greach_step;
    const vm_proto *panicmsg; /* native formatting a fatal panic */
    /* name ids the VM looks up */
    uint32_t n_Error, n_String, n_Lock, n_Unlock;
    uint32_t n_GoString; /* fmt's %#v calls it */
};

static inline const vm_type *prog_type(const vm_program *p, uint32_t t)
{
    return &p->types.p[VM_TIDX(t)];
}

/* ---- execution state ----------------------------------------------------- */

typedef struct vm_defer {
    struct vm_defer *next;
    vm_value fn;
    uint32_t n;
    int32_t line;
    bool spread;
    vm_value args[];
} vm_defer;

enum { VM_PANIC_FRAMES = 16 };
typedef struct vm_panic {
    vm_value val;
    const char *file; /* where it was raised */
    int32_t line;
    bool recovered;
    bool goexit;
    struct vm_panic *link;
    /* the Go frames this panic unwound (innermost first, at most
     * VM_PANIC_FRAMES): in Go they stay below the deferred calls it runs,
     * so runtime.Caller and Stack still see them (vm_unwind, lib_runtime.c) */
    uint32_t top; /* frames when it was raised (top-1: where) */
    uint32_t ngone;
    const struct vm_proto *gone[VM_PANIC_FRAMES];
    uint32_t gone_ins[VM_PANIC_FRAMES]; /* the instruction each was at */
} vm_panic;

enum {
    FR_DEFER = 1,   /* a deferred call: its return runs the caller's RET */
    FR_UNWIND = 2,  /* a deferred call run while panicking */
    FR_NATIVE = 4,  /* a native function's frame */
    FR_NATCALL = 8, /* called by the native frame below it */
    FR_BOTTOM = 16, /* the goroutine's function: its return ends it */
    FR_DIE = 32,    /* formats the panic that kills the goroutine */
    FR_WRAPPER = 64, /* reflect's code between a MakeFunc function and the
                      * Go function it calls: a recover there sees the
                      * panic of the deferred call below (gc's wrappers) */
    FR_CATCH = 128,  /* a native whose NAT_CALL's panic comes back to it
                      * (fmt's catchPanic): the panic ends there, its
                      * value the call's result, and FR_CAUGHT is set */
    FR_CAUGHT = 256
};

/* What an instruction or helper did. */
enum { X_OK, X_YIELD, X_PANIC };

/* The deepest call stack a goroutine may have: Go's 1 GB of stack holds
 * about a million small frames (peano.go recurses 362,880 deep). */
#define VM_MAX_FRAMES 1000000

typedef struct vm_frame {
    const vm_proto *p;
    vm_obj *fn;    /* closure or bound method, NULL for a plain function */
    uint32_t pc;   /* next instruction; natives: the phase */
    uint32_t base; /* R[0] is g->stack[base] */
    uint32_t ret;  /* where the results go in the caller (absolute) */
    int32_t nret;  /* results wanted, -1 all */
    uint16_t flags;
    /* the common return (vm.c) may pop it: flags 0, a Go frame below,
     * nret < p->fastres, no deferred call (DEFER resets it) */
    uint16_t fast;
    uint32_t nargs; /* natives */
    vm_defer *defers;
    void *nat; /* a native's state */
    vm_panic *panic; /* FR_UNWIND: the panic it runs for */
} vm_frame;

/* Is register r of frame f (its slot f->base + r) part of the state
 * (the state hash, the reachability walks)? Every register of a native
 * frame or of a frame cleared whole; in a lazy one (vm_proto.valid)
 * those valid at its pc, and the slots above its registers (a function
 * value called above it). above: the frame above f, or NULL. A frame
 * in a call whose callee is above it (at its return address, which may
 * be a join of other paths) has the registers valid at the call, below
 * the callee's function, and that function. */
static inline bool vm_reg_valid(const vm_frame *f, const vm_frame *above,
                                uint32_t r)
{
    const vm_proto *p = f->p;
    uint32_t nw = ((uint32_t)p->nregs + 63) / 64;
    uint32_t pc = f->pc < p->ncode ? f->pc : p->ncode;
    const uint64_t *set;
    if (!p->valid || r >= p->nregs || (f->flags & FR_NATIVE))
        return true;
    if (above && pc > 0) {
        uint32_t cp = pc - 1;
        if (p->code[cp].op == VM_OP_EXTRA && cp > 0)
            cp--;
        if ((p->code[cp].op == VM_OP_CALL || p->code[cp].op == VM_OP_CALLM) &&
            above->base == f->base + p->code[cp].a + 1u) {
            if (r >= p->code[cp].a)
                return true;
            pc = cp;
        }
    }
    set = p->valid + (size_t)pc * nw;
    return (set[r / 64] >> (r % 64)) & 1;
}

typedef struct vm_exec vm_exec;

/* A proof that a goroutine reaches object o (compared, never followed):
 * a root (frame root's function, or stack slot -1 - root) and the slots
 * below it; checked anew before each use. */
typedef struct vm_witness {
    const void *o;
    int32_t root;
    uint8_t len;
    uint32_t path[4];
    int cost; /* values the search looked at to find it */
} vm_witness;

typedef struct vm_g {
    vm_exec *x;
    wf_task *t;
    uint32_t nmulti; /* results kept by the last CALL_ALL call */
    vm_value *stack;
    uint32_t cap, top; /* top: first register above the top frame */
    vm_frame *frames;
    uint32_t nframes, fcap;
    vm_panic *panic; /* the innermost active panic */
    uint32_t granted; /* visible accesses granted to the current ins */
    uint8_t pending;  /* the op kind it last exposed (op.kind is reset) */
    bool resumed;     /* its pending op was performed */
    bool plain;       /* the pending op needs no result handling */
    bool died;        /* its last op is a panic or exit */
    bool fault;       /* an access faulted (vm_guard_ok): the yield its
                       * caller returns is the panic thrown */
    bool panic_on_fault; /* debug.SetPanicOnFault, per goroutine */
    sel_case *cases;
    uint32_t ncases;
    uint64_t *reach; /* objects it can reach (oid bits), at reach_step */
    uint64_t reach_step;
    size_t reach_words;
    uint32_t fuel;
    uint32_t clock_reads; /* time.Now calls: part of its state for the
                             await check (vm_task_hash) */
    /* the user's go statement that started it (NULL for main): the site
     * of a goroutine that runs library code alone (go cancel()) */
    const char *go_file;
    int32_t go_line;
    /* near_reach's last proofs that it reaches an object (a ping-pong's
     * task is asked about two channels in turn) */
    vm_witness wit[2];
    uint8_t wit_next; /* the one to replace */
} vm_g;

/* A library timer (time.After, Tick, NewTimer): fires on a channel. */
typedef struct vm_timer {
    timer tm;
    vm_exec *x;
    wf_chan *ch;
    int64_t period; /* ticker; 0: one-shot */
    struct vm_timer *next;
} vm_timer;

typedef struct vm_funcpc {
    uint64_t entry;
    vm_value f;
} vm_funcpc;

struct vm_exec {
    vm_program *prog;
    wf_engine *e;
    vm_obj *globals;
    bool spawned; /* a goroutine was started: shared accesses are visible */
    uint32_t epoch;
    uint32_t next_pid;
    vm_timer *timers;
    uint64_t serial; /* which execution of the program */
    int test;        /* the test this execution runs (test files) */
    struct vm_fin *fins; /* finalizers set (runtime.SetFinalizer) */
    struct vm_fin *due;  /* those runtime.GC found due, for __rt_fin */
    struct vm_addrs *addrs; /* synthetic addresses given (vm_addr.c) */
    vm_value fin_last; /* closed when the last batch of finalizers ran */
    /* runtime.FuncForPC's *Func of each function met, by entry pc */
    vm_funcpc *funcs; /* execution arena */
    uint32_t nfuncs, funcs_cap;
    struct vm_mmap *mmaps; /* syscall.Mmap's mappings (lib_mmap.c) */
    /* an Example's standard output, from __capture(true) on (lib_testing.c;
     * execution arena) */
    bool capturing;
    bool test_passed; /* TestMain's m.Run returned 0 (lib_log.c) */
    char *cap;
    size_t caplen, capcap;
};

/* A finalizer: fn(obj) once obj is unreachable (execution arena). */
typedef struct vm_fin {
    vm_value obj, fn;
    struct vm_fin *next;
} vm_fin;

/* What an explorer's program runs: the program, and which test. */
typedef struct vm_entry {
    vm_program *p;
    int test;
} vm_entry;

/* ---- the VM (vm.c, vm_ops.c, vm_call.c, vm_task.c) ----------------------- */

/* Run g until it exposes its next visible operation in g->t->op. */
void vm_run(vm_g *g);
/* A new goroutine about to call fn(args[0..n)). NULL after a panic in g
 * (fn nil). cflags: CALL_SPREAD. */
vm_g *vm_new_g(vm_exec *x, vm_g *parent, vm_value fn, const vm_value *args,
               uint32_t n, uint32_t cflags);
/* Call the function value at g->stack[fpos] with the nargs values after
 * it; results go to stack[ret .. ret+nret) (nret -1: all). Pushes a frame;
 * X_OK, or X_PANIC (thrown). */
int vm_call_at(vm_g *g, uint32_t fpos, uint32_t nargs, uint32_t ret,
               int32_t nret, uint32_t flags, uint32_t cflags);
/* A native's NAT_CALL: call fn(args) so that its first result lands in
 * the native's callres; returns NAT_CALL (or NAT_PANIC). */
nat_status vm_native_call(vm_ncall *c, vm_value fn, const vm_value *args,
                          uint32_t n);
/* Call fn(args) above the top frame (defers, natives' requests). */
int vm_call_value(vm_g *g, vm_value fn, const vm_value *args, uint32_t n,
                  uint32_t flags, uint32_t cflags);
/* Pop the top frame, its results at stack[src .. src+n); returns its
 * flags. */
uint32_t vm_pop(vm_g *g, uint32_t src, uint32_t n);
/* Make room for stack[0..need). */
void vm_stack_need(vm_g *g, uint32_t need);
/* Panic with v (X_PANIC); vm_throwf with a runtime error's text. */
int vm_throw(vm_g *g, vm_value v);
int vm_throwf(vm_g *g, const char *fmt, ...) WF_PRINTF(2, 3);
/* After a panic or a deferred call run for one: run the next deferred
 * call, resume a recovered frame, or end the goroutine. */
void vm_unwind(vm_g *g);
/* The user-source site of g's current operation. */
void vm_site(const vm_g *g, const char **file, int32_t *line);
/* Begin a visible op of g (site filled); the caller fills the rest. */
op *vm_op(vm_g *g, op_kind k, wf_obj *obj);
/* Room for n bytes whose count the program chose (make, append, string
 * building: engine_mem_room). When they would pass the memory budget,
 * exposes the plain yield at which the engine ends the execution (cut by
 * the memory budget) and returns false: the caller allocates nothing and
 * returns X_YIELD (its pc saved, as for any yield). */
bool vm_mem_room(vm_g *g, size_t n);
/* The bytes vm_zero(t) (or a copy of a t) takes from the arena, counting
 * the element and field objects of an aggregate; saturates. O(the type's
 * nesting and fields). */
uint64_t vm_type_bytes(const vm_program *p, uint32_t t);
/* vm_mem_room for a value of type t (true at once for a scalar). */
static inline bool vm_room_for(vm_g *g, uint32_t t)
{
    return !kind_is_aggregate(VM_KIND(t)) ||
           vm_mem_room(g, (size_t)vm_type_bytes(g->x->prog, t));
}
/* A shared slot access that is not granted yet: expose it (false), or
 * true if granted. k: the access's index within the instruction. */
bool vm_access_slow(vm_g *g, vm_obj *o, uint32_t i, bool write, uint32_t k,
                    vm_value v);
static inline bool vm_access(vm_g *g, vm_obj *o, uint32_t i, bool write,
                             uint32_t k, vm_value v)
{
    if (WF_LIKELY(!(o->flags & OF_SHARED)) ||
        (!g->x->spawned && !(o->flags & OF_GUARD)))
        return true;
    return vm_access_slow(g, o, i, write, k, v);
}
/* May g access slot i of o (memory syscall.Mmap made, OF_GUARD)? If its
 * page's protection forbids it, the fault: a panic (g->fault set) under
 * debug.SetPanicOnFault, else the program's fatal error; false then. */
bool vm_guard_ok(vm_g *g, vm_obj *o, uint32_t i, bool write);
/* Would a read of slot i of guarded o succeed? (no side effect) */
bool vm_guard_readable(vm_exec *x, const vm_obj *o, uint32_t i);
/* The deterministic value events show for v: ints as they are, strings
 * by a hash of their bytes, references by their object's stable id. */
int64_t vm_event_value(vm_exec *x, vm_value v);
/* The tracked variable / atomic of slot i of o (made on first use). */
wf_var *vm_track_var(vm_exec *x, vm_obj *o, uint32_t i);
wf_atomic *vm_track_atomic(vm_exec *x, vm_obj *o, uint32_t i);
/* Mutex or atomic m (an engine object; anything else: nothing) lives in
 * slot i of o: the tracked variable of that slot is its state word
 * (mutex.h's and atomic.h's shadow), which a copy of it reads. */
void vm_state_word(vm_exec *x, vm_obj *o, uint32_t i, wf_obj *m);
/* The reads a copy of aggregate v makes of its slots (X_OK or X_YIELD);
 * _from: after the instruction's first k0 accesses. */
int vm_read_copy(vm_g *g, vm_value v);
int vm_read_copy_from(vm_g *g, vm_value v, uint32_t k0);
/* *p = v for an aggregate at dst: the reads of v's copy, then a write of
 * each of dst's slots (X_OK or X_YIELD). */
int vm_write_copy(vm_g *g, vm_obj *dst, vm_value v);
/* Store v in slot i of o (st: the slot's type, 0 to look it up) as an
 * assignment does: the slot's write, and when v is a struct or array
 * copied into the one the slot holds and other goroutines reach it, a
 * write of each of its fields as well (a pointer to a field, &d.f, reads
 * the field, not the slot). X_OK, or X_YIELD to expose the next access. */
int vm_store_access(vm_g *g, vm_obj *o, uint32_t i, vm_value v,
                    uint32_t st);
/* The accesses of a[i], a[j] = a[j], a[i] on array arr (sort.Slice's
 * swaps): a write of each slot and of each field an aggregate element
 * copies, with the value it receives. X_OK, or X_YIELD to expose the
 * next access (nothing is stored: the caller swaps once granted). */
int vm_swap_access(vm_g *g, vm_obj *arr, uint32_t i, uint32_t j);
/* Member look-up with the selector's inline cache. */
const vm_member *vm_member_of(vm_g *g, vm_sel *sel, uint32_t t);
/* Follow m from base: a field's slot (*obj, *idx), or a method's
 * receiver (*recv). X_OK or X_PANIC. */
int vm_walk(vm_g *g, vm_value base, const vm_member *m, vm_obj **obj,
            uint32_t *idx, vm_value *recv);
/* A pointer to slot idx of o (to the aggregate itself if it holds one). */
vm_value vm_slot_ptr(const vm_program *p, vm_obj *o, uint32_t idx);
/* A method promoted from an embedded interface (fn NULL): the member of
 * the embedded value it dispatches to, which becomes *base. */
int vm_promote(vm_g *g, vm_value *base, const vm_member **m);
/* The method value (bound) or field of base, for FIELD. */
int vm_ptr_type(const vm_program *p, uint32_t t);
/* Helpers of complex instructions (vm_ops.c): X_OK, X_YIELD, X_PANIC. */
/* Complex numbers: the bits of t's complex type (64, 128; 0: t is not
 * complex), part i (0 real, 1 imaginary) of complex value v, and a new
 * complex value of type t (parts rounded to float32 for complex64). */
int vm_cplx_bits(const vm_program *p, uint32_t t);
double vm_cplx_part(vm_value v, int i);
vm_value vm_complex(vm_exec *x, uint32_t t, double re, double im);
int vm_arith(vm_g *g, int opc, vm_value *r, vm_value a, vm_value b);
int vm_cmp(vm_g *g, int opc, vm_value *r, vm_value a, vm_value b);
int vm_convert(vm_g *g, vm_value *r, vm_value v, uint32_t t);
int vm_index(vm_g *g, vm_value *r, vm_value c, vm_value k, vm_value *ok);
int vm_setindex(vm_g *g, vm_value c, vm_value k, vm_value v);
int vm_addrindex(vm_g *g, vm_value *r, vm_value c, vm_value k);
int vm_do_slice(vm_g *g, vm_value *r, vm_value c, int f, const vm_value *b);
int vm_append(vm_g *g, vm_value *r, vm_value *args, uint32_t n, bool spread);
int vm_len(vm_g *g, vm_value *r, vm_value v, bool cap);
int vm_len_op(vm_g *g, vm_value *r, vm_value v);
int vm_get_field(vm_g *g, vm_value *r, vm_value base, vm_sel *sel, bool addr);
int vm_setfield(vm_g *g, vm_value base, vm_sel *sel, vm_value v);
/* The method value x.m, given ptr = &x: a pointer-receiver method binds
 * ptr and reads nothing (Go evaluates &x); any other member reads x. */
int vm_method_value(vm_g *g, vm_value *r, vm_value ptr, vm_sel *sel);
int vm_deref(vm_g *g, vm_value *r, vm_value p);
/* What the non-nil pointer p points to, without race bookkeeping: the
 * aggregate itself, the slot's value, or a window's array copied. */
vm_value vm_pointee(vm_g *g, vm_value p);
int vm_storep(vm_g *g, vm_value p, vm_value v);
int vm_method_call(vm_g *g, uint32_t fpos, vm_sel *sel, int flags,
                   uint32_t *nargs);
int vm_range_init(vm_g *g, vm_value *R, int a, bool with_value);
int vm_range_next(vm_g *g, vm_value *R, int a, bool *done);
int vm_copyslice(vm_g *g, vm_value *r, vm_value dst, vm_value src);
int vm_delete(vm_g *g, vm_value m, vm_value k);
int vm_clear(vm_g *g, vm_value v);
bool vm_is_nil(vm_value v, bool iface);
/* A runtime error value (T_RTERROR) with Go's text. */
vm_value vm_rterror(vm_exec *x, const char *fmt, ...) WF_PRINTF(2, 3);
/* Go's text for a value a goroutine died panicking with, if it needs no
 * method call (else NULL). */
const char *vm_panic_text(vm_exec *x, vm_value v);

extern const task_driver vm_go_driver;
extern const task_driver vm_main_driver;

/* ---- heap (heap.c) ------------------------------------------------------- */

vm_obj *heap_obj(vm_exec *x, obj_okind k, uint32_t type, uint32_t n);
/* The zero value of type t (aggregates get a new object). */
vm_value vm_zero(vm_exec *x, uint32_t t);
/* A copy of v: aggregates are copied into new objects; a hidden engine
 * handle gets a new engine object in the original's state (a copied
 * Mutex is a different Mutex, locked if the original was). */
vm_value vm_copy(vm_exec *x, vm_value v);
/* Copy aggregate src's contents into dst of the same type. */
void vm_copy_into(vm_exec *x, vm_obj *dst, const vm_obj *src);
/* Store v into *slot of object o (NULL for a register): converts untyped
 * constants to the slot's type st (0: by the current value), copies an
 * aggregate into the aggregate already there (pointers into it stay
 * valid), names and, when o is shared, shares what v references. */
void vm_store(vm_exec *x, vm_obj *o, uint32_t i, vm_value v, uint32_t st);
/* v crosses to another goroutine: share what it references. */
void vm_escape(vm_exec *x, vm_value v);
void vm_share_obj(vm_exec *x, vm_obj *o);
/* Name o (if unnamed) and pass names on to what it holds. */
void vm_name_obj(vm_exec *x, vm_obj *o, const char *name);
/* Name what v refers to, if anything and unnamed. */
void vm_name_value(vm_exec *x, vm_value v, const char *name);
/* The name of slot i of o for a tracked variable, into b. */
void vm_slot_name(vm_exec *x, const vm_obj *o, uint32_t i, buf *b);
/* The name for an engine object held in aggregate o ("forks[0]"). */
void vm_obj_display_name(vm_exec *x, const vm_obj *o, buf *b);

vm_slice *heap_slice(vm_exec *x, vm_obj *arr, uint32_t off, uint32_t len,
                     uint32_t cap);
/* A new slice of type t with len and cap zeroed elements. */
vm_value vm_make_slice(vm_exec *x, uint32_t t, uint32_t len, uint32_t cap);
/* A string of n bytes copied from s into the arena. */
vm_value vm_new_str(vm_exec *x, const char *s, size_t n);
static inline vm_value *slice_at(vm_slice *s, uint32_t i)
{
    return &s->arr->slots[s->off + i];
}

/* ---- maps (map.c) -------------------------------------------------------- */

vm_map *map_new(vm_exec *x, uint32_t type, uint32_t hint);
/* The entry of key k, or NULL. */
vm_value *map_find(vm_exec *x, vm_map *m, vm_value k);
/* The entry of k, made (zero value) if missing. */
vm_value *map_insert(vm_exec *x, vm_map *m, vm_value k);
void map_delete(vm_exec *x, vm_map *m, vm_value k);
void map_clear(vm_map *m);
/* Entries in iteration order: from start, in insertion order, wrapping. */
bool map_next(vm_map *m, vm_iter *it, uint32_t *entry);

/* ---- addresses (vm_addr.c) ------------------------------------------------ */

/* Synthetic addresses: what uintptr(unsafe.Pointer(p)) gives. A heap
 * object (not held in another's slot) and each package variable get a
 * base on first need, in execution order from 0xc000010000 (never a host
 * address), with its gc size and a gap after it; what it holds lies at gc's offsets in it (a
 * nested aggregate at its field's offset in its holder). The table from
 * address to object turns an address back into a pointer. */
typedef struct vm_addr_ent {
    uint64_t base, size;
    vm_obj *o;
    uint32_t slot; /* a package variable: its slot in o; else VM_WHOLE */
} vm_addr_ent;
typedef struct vm_str_ent {
    const char *p; /* a string's bytes, as weft holds them */
    uint64_t len, base;
} vm_str_ent;
typedef struct vm_addrs {
    uint64_t next;
    vm_addr_ent *tab; /* by increasing base */
    uint32_t n, cap;
    uint64_t *by_pid; /* object pid -> base (0: none) */
    uint32_t npid;
    vm_obj **raw; /* the OF_RAW objects made, one per address: a hash
                   * table by address, rawcap a power of two */
    uint32_t nraw, rawcap;
    uint64_t *gbase; /* package variable i -> base (0: none) */
    vm_str_ent *strs; /* the string buffers given an address */
    uint32_t nstr, strcap;
    uint64_t strnext;
} vm_addrs;

/* The address p points at (0 for nil): a pointer, slice (its first
 * element), map, func or chan. */
uint64_t vm_addr_of(vm_exec *x, vm_value p);
/* A pointer of type t to what lies at address a: the object, field or
 * element there whose type is t's element type if one is (else the
 * outermost), or a pointer to no object (OF_RAW) when none is there. */
bool vm_addr_ptr(vm_exec *x, uint64_t a, uint32_t t, vm_value *out);
/* The object (not held in another's slot) whose bytes hold address a, or
 * NULL. */
vm_obj *vm_addr_object(vm_exec *x, uint64_t a);
/* p (a pointer of type unsafe.Pointer) as a pointer of type t: the
 * same address, the object there of t's element type if there is one
 * (or of its underlying type), else a pointer to no object (OF_RAW). */
vm_value vm_addr_retype(vm_exec *x, vm_value p, uint32_t t);
/* Pointer p as an unsafe.Pointer of type t: one value per address (the
 * outermost object there), so that == compares addresses. */
vm_value vm_addr_canon(vm_exec *x, vm_value p, uint32_t t);
/* Is p a pointer to no object (OF_RAW)? Then vm_raw_deref refuses. */
static inline bool vm_is_raw(vm_value p)
{
    return p.v.o && (p.v.o->flags & OF_RAW);
}
int vm_raw_deref(struct vm_g *g, vm_value p);
/* The scalar slot holding address a (vm_addr.c): 1 and where; 0 in an
 * object's padding; -1 in no object weft lays out. */
int vm_addr_leaf(vm_exec *x, uint64_t a, vm_obj **o, uint32_t *i,
                 uint64_t *rem, uint64_t *size, uint32_t *type);
/* Is a the address of the function value of a function without
 * captures (fn, if not NULL)? Then *code is the first word there, its
 * code's entry pc (runtime.FuncForPC's), as gc's funcval holds it. */
bool vm_addr_funcval(vm_exec *x, uint64_t a, vm_obj *fn, uint64_t *code);
/* The address of string s's bytes (a string's first word). */
uint64_t vm_str_addr(vm_exec *x, const char *s, uint32_t n);
/* *p for p a pointer to no object of its type (vm_view.c): the value of
 * p's element type read from the bytes of the slots at its address, as
 * unsafe.Pointer conversions between layouts read them; X_OK, X_YIELD
 * or a panic. */
int vm_view_load(struct vm_g *g, vm_value p, uint32_t t, uint64_t off,
                 vm_value *r);
/* The bytes of object o as gc would allocate it (an aggregate held in a
 * slot of another: 0, it is part of its holder). */
uint64_t vm_obj_bytes(const vm_program *p, const vm_obj *o);
/* The declared type of slot i of o (0 when it has none). */
uint32_t vm_slot_type(const vm_exec *x, const vm_obj *o, uint32_t i);

/* ---- values (value.c) ---------------------------------------------------- */

bool vm_equal(const vm_program *p, vm_value a, vm_value b);
bool vm_blank_field(const vm_program *p, uint32_t t, uint32_t i);
/* The size of a value of type t as gc lays it out on amd64. */
int64_t vm_type_size(const vm_program *p, uint32_t t);
int64_t vm_kind_size(uint32_t k, int64_t *align);
/* Type t's size and (in *align) alignment as gc lays it out on amd64. */
int64_t vm_type_layout(const vm_program *p, uint32_t t, int64_t *align);
/* The offset of struct type t's field i, its size in *size. */
int64_t vm_field_offset(const vm_program *p, uint32_t t, uint32_t i,
                        int64_t *size);
/* The bytes of the heap objects reachable from the package variables
 * and the live goroutines, at gc's sizes: what a collection would keep
 * (runtime.ReadMemStats' Alloc). O(reachable values). */
uint64_t vm_live_bytes(vm_exec *x);
/* vm_reach.c: the engine's reachability hooks (engine.h's wf_frontend):
 * can task t reach object o; mark what t reaches; a bounded look for a
 * witness that t holds o. */
bool vm_can_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o);
void vm_reach_mark(void *ctx, wf_engine *e, wf_task *t, bool fresh,
                   uint64_t *bits, size_t words);
bool vm_near_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o,
                   int *budget);
/* A collection's finalizers: moves the finalizers whose object nothing
 * reaches (the package variables, the live registers of the live
 * goroutines, the finalizer functions) from x->fins to x->due, in the
 * order they were set; returns how many. */
uint32_t vm_gc_finalizers(vm_exec *x);
/* The registers of p its code may still read before the instruction at
 * pc runs (vm_live.c): a bit set of p->nregs bits. */
const uint64_t *vm_live_regs(vm_program *prog, const vm_proto *p,
                             uint32_t pc);
/* Plans p's lazy registers (vm_proto.valid, clr, nclr) once its code is
 * final (the compiler's fs_finish); p stays cleared whole when its code
 * has an instruction the plan does not know. */
void vm_plan_regs(vm_program *prog, vm_proto *p);
uint64_t vm_hash(vm_exec *x, vm_value v);
/* Convert an untyped constant v to type t (0 or an interface: its default
 * type). Other values are returned as they are. */
vm_value vm_settle(const vm_program *p, vm_value v, uint32_t t);
/* Is v's dynamic type t, or does it implement interface t? */
bool vm_has_type(const vm_program *p, vm_value v, uint32_t t);
/* The name of the first method of interface it that the dynamic type vt
 * lacks (absent, outside vt's method set, or of another signature), or
 * NULL when vt implements it. */
const char *vm_iface_missing(const vm_program *p, uint32_t vt, uint32_t it);
/* The member (field or method) name of type t, or NULL. */
const vm_member *vm_lookup(const vm_program *p, uint32_t t, uint32_t name);
/* Appends Go's %T of type t. */
void vm_type_name(const vm_program *p, uint32_t t, buf *b);

#endif

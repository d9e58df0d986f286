/* vm.h: the Go front end's compiler and VM, as ui/ and tests use them: a
 * scenario file compiled to a vm_program, run by the explorer as a
 * `program` whose tasks are goroutines interpreted with explicit frames.
 *
 * Owns: a vm_program owns its type table, bytecode, constants and names
 * (heap, until vm_program_free). Everything an execution creates (heap
 * objects, goroutines, engine objects) lives in the engine arena e->mem
 * and is emptied with it: there is no garbage collector; an execution's
 * garbage is bounded by what it allocates before --max-steps ends it.
 *
 * The machine (sim/lang/vm.c): a register machine in the manner of Lua
 * 5.4. Each call has a window of registers R[0..nregs) on its goroutine's
 * value stack: parameters first, then results, then locals, then
 * temporaries. K[i] is the function's constant table, U[i] its captured
 * cells, G[i] the package variables. An instruction is 64 bits: op, f
 * (flags), a, b, c (16 bits each); sbx is b:c as a signed 32-bit offset.
 * RK[x] is K[x - 0x8000] when x >= 0x8000, else R[x].
 * "tracked" marks the instructions whose memory access is a visible
 * operation (OP_READ / OP_WRITE) when the object is shared (vm_int.h).
 *
 * Invariants: 1. a compiled vm_program is never changed by running it,
 *   except for the inline caches of field and method look-ups, which
 *   only memoize.  2. every event a goroutine causes carries the line of
 *   the user's source it was executing (library code reports its
 *   caller's line, and its own steps are marked EVF_LIB: vm_task.c's
 *   in_library). */
#ifndef WF_LANG_VM_H
#define WF_LANG_VM_H

#include "sim/explore.h"

/* X(name, one line of semantics). */
#define VM_OPCODES(X)                                                          \
    X(NOP, "nothing")                                                          \
    X(EXTRA, "an operand word of the instruction before it")                   \
    X(MOVE, "R[a] = R[b] (an aggregate's object is shared, not copied)")       \
    X(COPY, "R[a] = R[b], an aggregate copied into a fresh object")            \
    X(ASSIGN, "R[a] = R[b], an aggregate copied into R[a]'s own object")       \
    X(LOADK, "R[a] = K[b]")                                                    \
    X(LOADNIL, "R[a .. a+b] = nil")                                            \
    X(ZERO, "R[a] = the zero value of type K[b]")                              \
    X(NAME, "name the object R[a] refers to K[b], if it has no name")          \
    X(NEWCELL, "R[a] = a new cell holding a copy of R[b] (f: named K[c])")     \
    X(GETCELL, "R[a] = the value of cell R[b] (tracked)")                      \
    X(SETCELL, "cell R[a] = RK[b] (tracked)")                                  \
    X(GETUP, "R[a] = the value of captured cell U[b] (tracked)")               \
    X(SETUP, "captured cell U[a] = RK[b] (tracked)")                           \
    X(UPCELL, "R[a] = captured cell U[b] itself")                              \
    X(GETG, "R[a] = G[b] (tracked)")                                           \
    X(SETG, "G[a] = RK[b] (tracked)")                                          \
    X(ADDRG, "R[a] = &G[b] (f: of pointer type K[c])")                         \
    X(ADDRCELL, "R[a] = &cell R[b], or &aggregate R[b] (f: of type K[c])")    \
    X(ADD, "R[a] = RK[b] + RK[c] (numbers wrap to their size; strings)")       \
    X(SUB, "R[a] = RK[b] - RK[c]")                                             \
    X(MUL, "R[a] = RK[b] * RK[c]")                                             \
    X(DIV, "R[a] = RK[b] / RK[c] (integer division by zero panics)")           \
    X(MOD, "R[a] = RK[b] % RK[c]")                                             \
    X(AND, "R[a] = RK[b] & RK[c]")                                             \
    X(OR, "R[a] = RK[b] | RK[c]")                                              \
    X(XOR, "R[a] = RK[b] ^ RK[c]")                                             \
    X(ANDNOT, "R[a] = RK[b] &^ RK[c]")                                         \
    X(SHL, "R[a] = RK[b] << RK[c] (a negative count panics)")                  \
    X(SHR, "R[a] = RK[b] >> RK[c]")                                            \
    X(NEG, "R[a] = -R[b]")                                                     \
    X(NOT, "R[a] = !R[b]")                                                     \
    X(BNOT, "R[a] = ^R[b]")                                                    \
    X(EQ, "R[a] = RK[b] == RK[c]")                                             \
    X(NE, "R[a] = RK[b] != RK[c]")                                             \
    X(LT, "R[a] = RK[b] < RK[c]")                                              \
    X(LE, "R[a] = RK[b] <= RK[c]")                                             \
    X(ISNIL, "R[a] = R[b] == nil; f: R[b] is an interface (typed nil != nil)") \
    X(JMP, "pc += sbx")                                                        \
    X(JT, "if R[a] then pc += sbx")                                            \
    X(JF, "if !R[a] then pc += sbx")                                           \
    X(CONV, "R[a] = T(R[b]) for the type T = K[c]")                            \
    X(LEN, "R[a] = len(R[b]) (tracked for maps)")                              \
    X(CAP, "R[a] = cap(R[b])")                                                 \
    X(INDEX, "R[a] = R[b][RK[c]] (tracked; a missing map key gives zero)")    \
    X(INDEXOK, "R[a], R[a+1] = R[b][RK[c]] with comma-ok (maps)")              \
    X(SETINDEX, "R[a][RK[b]] = RK[c] (tracked)")                               \
    X(ADDRINDEX, "R[a] = &R[b][RK[c]]")                                        \
    X(SLICE, "R[a] = R[b][R[c] : R[c+1] : R[c+2]]; f: which bounds are given") \
    X(FIELD, "R[a] = R[b].S[c], S the selector table (tracked); f: R[b] is &x")\
    X(SETFIELD, "R[a].S[b] = RK[c] (tracked)")                                 \
    X(ADDRFIELD, "R[a] = &R[b].S[c]")                                          \
    X(SETSLOT, "R[a].slot[b] = RK[c], R[a] an object being built")             \
    X(DEREF, "R[a] = *R[b] (tracked)")                                         \
    X(STORE, "*R[a] = RK[b] (tracked)")                                        \
    X(NEW, "R[a] = new(K[b])")                                                 \
    X(MAKESLICE, "R[a] = make(K[c], R[b]) or make(K[c], R[b], R[b+1]) if f")   \
    X(MAKEMAP, "R[a] = make(K[c]) (f: with a size hint R[b])")                 \
    X(MAKECHAN, "R[a] = make(K[c]) or make(K[c], R[b]) if f")                  \
    X(LIT, "R[a] = a new slice (f=0) or array (f=1) of type K[c], length b")   \
    X(APPEND, "R[a] = append(R[b], R[b+1 .. b+c]); f: the last is spread")     \
    X(COPYSL, "R[a] = copy(R[b], R[c])")                                       \
    X(DELETE, "delete(R[a], RK[b]) (tracked)")                                 \
    X(CLEAR, "clear(R[a]) (tracked)")                                          \
    X(MIN, "R[a] = min(RK[b], RK[c]); f: max instead")                         \
    X(CLOSURE, "R[a] = a closure of P[b] capturing the cells it lists")        \
    X(CALL, "R[a .. a+c) = R[a](R[a+1 .. a+b]); f: spread, soft, all, R[a] = "\
            "K[next] first")                                                   \
    X(CALLM, "as CALL, calling method S[next] of receiver R[a+1]")             \
    X(GO, "go R[a](R[a+1 .. a+b]); f: spread")                                 \
    X(DEFER, "defer R[a](R[a+1 .. a+b]); f: spread")                           \
    X(FRAMEID, "R[a] = the index of the current frame (DEFER CALL_OUTER)")      \
    X(RET, "return the result registers, after the deferred calls")            \
    X(PANIC, "panic(R[a]); f: as a runtime error (R[a] its message)")          \
    X(RECOVER, "R[a] = recover()")                                             \
    X(SEND, "R[a] <- RK[b] (visible)")                                         \
    X(RECV, "R[a] = <-R[b], and R[a+1] = ok if f (visible)")                   \
    X(CLOSE, "close(R[a]) (visible)")                                          \
    X(SELECT, "select over table b: R[a] = case or -1, R[a+1] value, ok")      \
    X(ASSERT, "R[a] = R[b].(K[c]); f: R[a+1] = ok, not a panic; EXTRA: a")     \
    X(ISTYPE, "R[a] = R[b] holds type K[c] (f: K[c] is an interface)")         \
    X(ITER, "R[a..a+2] = a range over R[b] (f: with values) (tracked)")        \
    X(NEXT, "R[a+3], R[a+4] = next key, value of range R[a..a+2]; else jump")  \
    X(NILCHK, "panic if the pointer R[a] is nil (&*p: no memory is read)")  \
    X(CPLX, "R[a] = complex(RK[b], RK[c]) (f 0), real(RK[b]) (1), imag (2)") \
    /* checked integers: the checker typed both operands as one integer \
     * type, of kind f, so no tag is looked at (R[a] takes R[b]'s); b is  \
     * a register, c a register (IADD .. ULE) or a constant (IADDK ..)   */ \
    X(IADD, "R[a] = R[b] + R[c], integers (wrapped to kind f)")             \
    X(ISUB, "R[a] = R[b] - R[c], integers (wrapped to kind f)")             \
    X(IMUL, "R[a] = R[b] * R[c], integers (wrapped to kind f)")             \
    X(IAND, "R[a] = R[b] & R[c], integers")                                 \
    X(IOR, "R[a] = R[b] | R[c], integers")                                  \
    X(IXOR, "R[a] = R[b] ^ R[c], integers")                                 \
    X(IEQ, "R[a] = R[b] == R[c], integers")                                 \
    X(INE, "R[a] = R[b] != R[c], integers")                                 \
    X(ILT, "R[a] = R[b] < R[c], signed integers")                           \
    X(ILE, "R[a] = R[b] <= R[c], signed integers")                          \
    X(ULT, "R[a] = R[b] < R[c], unsigned integers")                         \
    X(ULE, "R[a] = R[b] <= R[c], unsigned integers")                        \
    X(IADDK, "R[a] = R[b] + K[c], integers (wrapped to kind f)")            \
    X(ISUBK, "R[a] = R[b] - K[c], integers (wrapped to kind f)")            \
    X(IMULK, "R[a] = R[b] * K[c], integers (wrapped to kind f)")            \
    X(IANDK, "R[a] = R[b] & K[c], integers")                                \
    X(IORK, "R[a] = R[b] | K[c], integers")                                 \
    X(IXORK, "R[a] = R[b] ^ K[c], integers")                                \
    X(IEQK, "R[a] = R[b] == K[c], integers")                                \
    X(INEK, "R[a] = R[b] != K[c], integers")                                \
    X(ILTK, "R[a] = R[b] < K[c], signed integers")                          \
    X(ILEK, "R[a] = R[b] <= K[c], signed integers")                         \
    X(IGTK, "R[a] = R[b] > K[c], signed integers")                          \
    X(IGEK, "R[a] = R[b] >= K[c], signed integers")                         \
    X(ULTK, "R[a] = R[b] < K[c], unsigned integers")                        \
    X(ULEK, "R[a] = R[b] <= K[c], unsigned integers")                       \
    X(UGTK, "R[a] = R[b] > K[c], unsigned integers")                        \
    X(UGEK, "R[a] = R[b] >= K[c], unsigned integers")                       \
    X(ISHL, "R[a] = R[b] << K[c], K[c] in [0, 64) (wrapped to kind f)")      \
    X(ISHR, "R[a] = R[b] >> K[c], K[c] in [0, 64), signed integers")        \
    X(USHR, "R[a] = R[b] >> K[c], K[c] in [0, 64), unsigned integers")

typedef enum vm_opcode {
#define VM_OP_ENUM_(name, doc) VM_OP_##name,
    VM_OPCODES(VM_OP_ENUM_)
#undef VM_OP_ENUM_
        VM_OP__COUNT
} vm_opcode;
extern const char *const vm_op_names[VM_OP__COUNT];

typedef struct vm_program vm_program;

/* How to compile. */
typedef struct vm_options {
    /* Go language version "1.21": before 1.22 a loop declares one
     * variable for all iterations; NULL: the nearest go.mod above the
     * file, else per-iteration (Go 1.22 semantics). */
    const char *go_version;
    /* os.Args after the program's name (weft's arguments after `--`),
     * borrowed for the call: the program keeps a copy */
    int nargs;
    char *const *args;
    /* os.Environ's "KEY=value" strings, NULL-terminated (weft passes its
     * own environment), borrowed for the call: the program keeps a copy;
     * NULL: an empty environment */
    char *const *env;
    /* Called as each phase of the front end begins ("resolve": reading,
     * parsing and resolving the files and their imports; "check";
     * "compile") and once more with "done" when it ends; NULL: not
     * called. For measuring (bench_front): the front end reads no
     * clock itself. */
    void (*on_phase)(void *ud, const char *phase);
    void *phase_ud;
} vm_options;

/* Compile the scenario file at path (src[0, len) borrowed for the call).
 * On success *out is a new program; on bad input returns WF_ERR_INPUT
 * with d holding the first error ("file:line:col: error: ..."). Never
 * crashes on any input. */
wf_status vm_compile(const char *path, const unsigned char *src, size_t len,
                     const vm_options *o, vm_program **out, wf_diag *d);
/* Read and compile the file at path (a package of one file; its
 * imports are looked up in the module above it, as for a package). */
wf_status vm_compile_file(const char *path, const vm_options *o,
                          vm_program **out, wf_diag *d);
/* Compile a package read by loader l (sim/lang/load.h): files[0, n) of
 * directory ld (borrowed), the package's own files and, for a test, its
 * _test.go files, in-package and external (package x_test) alike. The
 * program is named ld->dir; its imports come from weft's library, from
 * ld's module and from the module's vendor/ directory. */
struct loader;
struct load_dir;
struct load_file;
wf_status vm_compile_pkg(struct loader *l, const struct load_dir *ld,
                         struct load_file *const *files, size_t n,
                         const vm_options *o, vm_program **out, wf_diag *d);
void vm_program_free(vm_program *p);

/* The explorer's program for p (main is "main"), valid while p lives. */
program vm_program_entry(vm_program *p);

/* A *_test.go file: its entries are its tests, TestXxx(t *testing.T) in
 * source order (SPEC section 6); running main does nothing but
 * initialize the package. */
bool vm_is_test_file(const vm_program *p);
/* The name in the package clause of the program's (first) package. */
const char *vm_package_name(const vm_program *p);
size_t vm_test_count(const vm_program *p);
const char *vm_test_name(const vm_program *p, size_t i);
/* The explorer's program running test i as task 0 (package
 * initialization, then TestXxx with a fresh *testing.T; cleanups at its
 * end; a goroutine left blocked is a leak of error severity). Its hash,
 * the identity in schedules, is the file's and the test's. */
program vm_program_test_entry(vm_program *p, size_t i);

/* go test -run's selection: does pattern select test name? Both are
 * split at '/' (the pattern outside brackets and parentheses), level i
 * of the name ("TestX/sub") matching the pattern's element i as a POSIX
 * extended regular expression, unanchored; levels past the pattern's
 * last element match. A NULL pattern selects everything. A malformed
 * element sets *bad and selects nothing. */
bool vm_run_selects(const char *pattern, const char *name, bool *bad);
/* The -run pattern subtests (t.Run) of p's tests are selected by (NULL:
 * all), copied; set before running. */
void vm_program_set_run(vm_program *p, const char *pattern);

/* The go.mod language version governing path ("1.21"), or "" when no
 * go.mod is found above it; into out[0, n). */
void vm_find_go_version(const char *path, char *out, size_t n);

/* A canonical hash of the VM state of e's current execution: each live
 * goroutine's frames (function, pc, registers), the heap reachable from
 * them and from the package variables (objects numbered in the order a
 * walk from those roots meets them), and the state of the engine objects
 * met (wait queues in order included), each task's pending op and
 * whether main has returned. Equal states give equal hashes whatever the
 * addresses; the clock and math/rand's stream are left out (a repeated
 * state is a cycle whatever the time, and random draws are choices, as
 * in SPIN). O(reachable heap). For the livelock check (repeated states):
 * the engine's state_hash hook. */
uint64_t vm_state_hash(wf_engine *e);
/* The hash of task t's own state alone (its frames, what they reach, how
 * many times it read the clock), for the engine's await check
 * (sim/await.c); 0 when it reaches too much to hash at a step's cost. */
uint64_t vm_task_hash(wf_engine *e, wf_task *t);

/* Bytecode instructions executed by this thread's VM so far (bench). */
uint64_t vm_ops_executed(const vm_program *p);

#endif

/* lib.h: weft's Go library as the compiler sees it: the source files of
 * each library package (Go code under sim/lang/lib/, embedded at build
 * time, compiled with the user's code and calling intrinsics named
 * "__name"), which import paths are allowed, and the
 * table of native functions (C) behind the intrinsics and builtins.
 * Owns: static tables only. */
#ifndef WF_LANG_LIB_H
#define WF_LANG_LIB_H

#include "sim/lang/vm_int.h"

typedef struct lib_native {
    const char *name; /* the intrinsic "__name" without the underscores */
    vm_native_fn fn;
    int nres;
} lib_native;

/* One Go source file of the library (sim/lang/lib/PKG/NAME). */
typedef struct lib_file {
    const char *pkg;  /* import path: "sync/atomic" */
    const char *name; /* file name: "atomic.go" */
    const char *src;  /* its text, NUL-terminated */
} lib_file;

/* The files of library package path, in name order: the first max go to
 * out[]; returns how many there are (0: not a library package). O(files). */
size_t lib_files(const char *path, const lib_file **out, size_t max);
/* The Go source of library package path when it is one file, or NULL. */
const char *lib_source(const char *path);
/* May a program import path? (it has library files) */
bool lib_allowed(const char *path);
/* Why weft refuses standard package path (net/http: no network), or
 * NULL when it has no reason to give beyond not having it. */
const char *lib_refusal(const char *path);
/* "bufio, bytes, context, ..." (the library's packages, for messages)
 * into out[0, n). */
void lib_summary(char *out, size_t n);
/* The pc runtime.FuncForPC and FileLine read of the first instruction
 * of function value fn (reflect's Value.Pointer of a func), or 0 when
 * fn has no code of its own (a native). */
uint64_t lib_func_entry_pc(const vm_program *prog, vm_value fn);
/* An Example's capture: s[0, n), written to standard output, is
 * appended to what x captures, if it captures (lib_testing.c). */
void lib_capture_append(vm_exec *x, const char *s, size_t n);
/* The id of native name, or -1. */
int lib_native_find(const char *name);
const lib_native *lib_native_at(int id);

/* Natives defined in the lib_*.c files, listed in lib.c's table. */
#define LIB_NATIVES(X)                                                         \
    X(print, 0)                                                                \
    X(println, 0)                                                              \
    X(close, 0)                                                                \
    X(delete, 0)                                                               \
    X(panic, 0)                                                                \
    X(clear, 0)                                                                \
    X(copy, 1)                                                                 \
    X(recover, 1)                                                              \
    X(assert_fail, 0)                                                          \
    X(progress, 0)                                                             \
    X(rterror_Error, 1)                                                        \
    X(output, 0)                                                               \
    X(output_err, 0)                                                           \
    X(sprint, 1)                                                               \
    X(sprintln, 1)                                                             \
    X(sprintf, 1)                                                              \
    X(mutex_lock, 0)                                                           \
    X(mutex_unlock, 0)                                                         \
    X(mutex_trylock, 1)                                                        \
    X(rw_lock, 0)                                                              \
    X(rw_unlock, 0)                                                            \
    X(rw_rlock, 0)                                                             \
    X(rw_runlock, 0)                                                           \
    X(rw_trylock, 1)                                                           \
    X(rw_tryrlock, 1)                                                          \
    X(wg_add, 0)                                                               \
    X(wg_wait, 0)                                                              \
    X(once_begin, 1)                                                           \
    X(once_end, 0)                                                             \
    X(once_done, 1)                                                            \
    X(cond_ticket, 0)                                                          \
    X(cond_park, 0)                                                            \
    X(cond_signal, 0)                                                          \
    X(cond_broadcast, 0)                                                       \
    X(atomic_load, 1)                                                          \
    X(atomic_store, 0)                                                         \
    X(atomic_add, 1)                                                           \
    X(atomic_swap, 1)                                                          \
    X(atomic_cas, 1)                                                           \
    X(aptr_load, 1)                                                            \
    X(aptr_store, 0)                                                           \
    X(aptr_add, 1)                                                             \
    X(aptr_swap, 1)                                                            \
    X(aptr_cas, 1)                                                             \
    X(aval_load, 1)                                                            \
    X(aval_store, 0)                                                           \
    X(aval_swap, 1)                                                            \
    X(aval_cas, 1)                                                             \
    X(sleep, 0)                                                                \
    X(idle_wait, 0)                                                            \
    X(async_timers, 1)                                                         \
    X(now, 1)                                                                  \
    X(timer_chan, 1)                                                           \
    X(timer_stop, 1)                                                           \
    X(timer_reset, 1)                                                          \
    X(duration_string, 1)                                                      \
    X(gosched, 0)                                                              \
    X(numgoroutine, 1)                                                         \
    X(goexit, 0)                                                               \
    X(panicmsg, 1)                                                             \
    X(rand, 1)                                                                 \
    X(assign_to, 1)                                                            \
    X(test_index, 1)                                                           \
    X(test_error, 0)                                                           \
    X(capture, 1)                                                              \
    X(test_passed, 0)                                                          \
    X(example_diff, 1)                                                         \
    X(caller, 1)                                                               \
    X(exit, 0)                                                                 \
    X(nargs, 1)                                                                \
    X(arg, 1)                                                                  \
    X(math1, 1)                                                                \
    X(math2, 1)                                                                \
    X(fma, 1)                                                                  \
    X(f64bits, 1)                                                              \
    X(f64frombits, 1)                                                          \
    X(f32bits, 1)                                                              \
    X(f32frombits, 1)                                                          \
    X(slice_len, 1)                                                            \
    X(slice_swap, 0)                                                           \
    X(run_selects, 1)                                                          \
    X(strtod, 1)                                                               \
    X(nenv, 1)                                                                 \
    X(env, 1)                                                                  \
    X(rt_pc, 1)                                                                \
    X(rt_fileline, 2)                                                          \
    X(rt_funcname, 1)                                                          \
    X(rt_stack, 1)                                                             \
    X(rt_breakpoint, 0)                                                        \
    X(rt_live, 1)                                                              \
    X(rt_setfinalizer, 0)                                                      \
    X(rt_gc, 1)                                                                \
    X(rt_fin, 2)                                                               \
    X(rt_finchain, 1)                                                          \
    X(rt_funccache, 1)                                                         \
    X(rt_runtime_error, 0)                                                     \
    X(rtype, 1)                                                                \
    X(rtype_int, 1)                                                            \
    X(rtype_str, 1)                                                            \
    X(deepequal, 1)                                                            \
    X(rvalue, 2)                                                               \
    X(rvalue_call, 1)                                                          \
    X(makefunc, 1)                                                             \
    X(mfcall, VM_MULTI_MAX)                                                   \
    X(unsafe_slice, 1)                                                         \
    X(rtype_of, 1)                                                             \
    X(rmake, 1)                                                                \
    X(rstruct, 1)                                                              \
    X(mmap, 1)                                                                 \
    X(mprotect, 1)                                                             \
    X(munmap, 1)                                                               \
    X(rt_panic_on_fault, 1)                                                    \
    X(setindex, 0)                                                             \
    X(mapindex, 2)                                                             \
    X(storep, 0)                                                               \
    X(rt_throw, 0)

/* Helpers the lib_*.c files share (lib_sync.c). */
/* The engine object in the hidden handle of the library value *p (a
 * pointer to a Mutex, WaitGroup, ...), made on first use as kind k and
 * named as the program names the value. NULL after a nil-pointer panic. */
wf_obj *lib_handle(vm_ncall *c, vm_value p, obj_kind k);

#define LIB_DECL_(name, nres) nat_status lib_##name(vm_ncall *c);
LIB_NATIVES(LIB_DECL_)
#undef LIB_DECL_

enum {
#define LIB_ID_(name, nres) LIB_N_##name,
    LIB_NATIVES(LIB_ID_)
#undef LIB_ID_
        LIB_N__COUNT
};

#endif

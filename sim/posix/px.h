/* px.h: the runtime `weft cc` links into a C program in place of the
 * thread sanitizer's (SPEC section 7), shared by the files of sim/posix.
 *
 * The program is compiled with -fsanitize=thread (a call before every
 * load, store and atomic), -fsanitize-coverage=trace-pc (a call in every
 * basic block) and -finstrument-functions (a call at every function entry
 * and exit), and linked between two marker objects (its .data and .bss lie
 * between them) with main wrapped (-Wl,--wrap=main). At start the runtime
 * reads the command line (the commands and flags of weft) and explores the
 * program: each execution restores the program's globals and heap as they
 * were when main was first entered and runs main as task 0; pthreads and
 * C11 threads are engine tasks, their mutexes, condition variables,
 * semaphores, ... engine objects, plain memory accesses events the race
 * checker sees.
 *
 * Plain accesses. Every instrumented load and store is race-checked
 * (vector clocks, as for Go), but only the accesses to *racy* locations
 * are scheduling points: a location (a global variable, a heap block, a
 * stack word) becomes racy when a race on it is found, and the search then
 * starts over with it visible. A program whose remaining locations are
 * race free in every explored execution has, by the data-race-free
 * argument (Musuvathi and Qadeer, CHESS), no behaviour that interleavings
 * at its synchronisation and racy accesses do not show: a race on a
 * hidden location shows up in some explored execution first. The racy
 * set is carried by schedules (header ".x"), so a replay makes the same
 * accesses visible.
 *
 * Process-wide state: the interposed functions take no context (the
 * program calls pthread_mutex_lock, not an engine method), so this module
 * keeps one px_state per process (one program per process), as native.c
 * keeps its thread-local engine. Everything that belongs to an execution
 * lives in px.x, reset when the execution begins.
 *
 * Who calls what: program code calls the interposers and the hooks; an
 * interposer calls px_enter(), which answers NULL when the caller is not a
 * task of the program (weft's own code, a library, code before main): the
 * call then goes to the real function. Between px_enter and px_leave the
 * runtime runs on the task's stack with px_in_rt set, so what it calls
 * (memcpy, malloc) is weft's, not the program's. */
#ifndef WF_PX_H
#define WF_PX_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

#include "sim/atomic.h"
#include "sim/cond.h"
#include "sim/engine.h"
#include "sim/explore.h"
#include "sim/mutex.h"
#include "sim/native.h"
#include "sim/rwmutex.h"
#include "sim/var.h"
#include "sim/waitgroup.h"

#define PX_API __attribute__((visibility("default"), used))

/* (size_t)-1, the "no bound" of libc's checked entry points (__memcpy_chk
 * and the like, which the runtime's definitions of libc's functions
 * forward to), hidden from the optimiser: clang turns a checked call
 * whose bound is that constant, or the length itself, back into the
 * plain function, which is the runtime's own here (endless recursion). */
static inline size_t px_nobound(void)
{
    size_t b = (size_t)-1;
    __asm__("" : "+r"(b));
    return b;
}

/* ---- symbols and lines (sym.c) ---------------------------------------- */

/* A source position: file is interned (lives as long as the process). */
typedef struct px_site {
    const char *file;
    int32_t line;
} px_site;

/* Read the executable's symbol table and line table (once). */
void px_sym_init(void);
/* The position of code address pc (a return address: pc - 1 is looked up).
 * Cached; {NULL, 0} when unknown. */
px_site px_site_of(uintptr_t pc);
/* The function or object symbol containing addr: its name, start and size;
 * NULL when none. */
const char *px_sym_of(uintptr_t addr, uintptr_t *start, size_t *size);
/* In n elements of stride bytes sorted by a leading uintptr_t key: how
 * many have a key at or below a (the last of them is the one holding a,
 * if any). */
size_t px_at_or_below(const void *base, size_t n, size_t stride,
                      uintptr_t a);
/* The address of function `name` (0 when absent). */
uintptr_t px_sym_addr(const char *name);
/* Call fn for every function whose name starts with prefix. */
void px_sym_each_prefix(const char *prefix, void (*fn)(uintptr_t addr,
                                                       const char *name));

/* ---- per task ----------------------------------------------------------- */

typedef struct px_task {
    wf_task *t;
    int32_t tid;
    /* the same thread in every execution, whatever the interleaving:
     * from its creator's identity and how many threads that one created
     * before it (main: HASH_INIT); with the count of its allocations,
     * the identity of the heap blocks it allocates (px_heap_ident) */
    uint64_t ident;
    uint32_t nspawned, nallocs;
    /* its pthread_cleanup_push buffers, innermost first (glibc's
     * __pthread_unwind_buf_t, chained through its first pad word) */
    void *cleanup;
    uint64_t epoch;     /* visible ops done: the access filter's epoch */
    int atomic_depth;   /* __VERIFIER_atomic nesting */
    uint32_t nnondet;   /* __VERIFIER_nondet_* calls of a wide type so far */
    /* its program frames (function, canonical frame address), outermost
     * first, for the names of its locals (dwarf.c); deeper ones are not
     * kept */
    struct px_frame {
        uintptr_t fn, cfa;
    } frames[48];
    uint8_t nframes;
    uintptr_t stack_lo, stack_hi; /* its stack (0: not known yet) */
    bool has_jb;
    jmp_buf jb;         /* pthread_exit and exit unwind to the task's start */
    void *(*start)(void *);
    void *arg;
    void *result;
    bool detached, joined, exited, c11;
    char comm[16];      /* its name (pthread_setname_np; "": the program's) */
    wf_waitgroup *done; /* join: Done when the thread ends */
    int saved_errno;
    unsigned char *tls; /* its copy of the program's TLS block */
    uintptr_t tp;       /* its TLS area's thread pointer (0: none) */
    void **tsd;         /* thread-specific data, by key */
    size_t ntsd;
    uint64_t bbs;       /* basic blocks since its last scheduling point
                           (the spin check, verifier.c) */
    uintptr_t touched[32]; /* words it accessed since, once watched */
    uint8_t ntouched;
    bool touched_over;  /* more than fit */
    uintptr_t watch_pc; /* the spin check's watched block, its state hash */
    uint64_t watch_hash, watch_next, watch_seen, nwatch;
    bool gone;          /* blocked for good by assume or a proven spin */
    /* a proven spin on shared memory (verifier.c): where, the first
     * access watched (what it keeps reading), and the touched words'
     * values then */
    bool spun;
    uintptr_t spin_pc, spin_addr;
    size_t spin_len;
    uint64_t spin_vals;
    /* the await check (verifier.c): its state at the first basic block
     * after each of its last scheduling points, and what it read since */
    bool check_next;    /* compare at the next basic block */
    uint8_t nhist;
    struct px_hist {
        uintptr_t pc;
        uint64_t hash, nwrites;
        uint64_t wseq;    /* the execution's write count then */
        int32_t reads[8]; /* engine objects read in that window */
        uint8_t nreads;
        bool over;
    } hist[4];
    int32_t reads[8];   /* objects read since the last check */
    uint8_t nreads;
    bool reads_over;
    uint64_t nwrites;   /* writes to shared memory it made */
    /* a pthread mutex it locked with no write since (1 + its oid; 0:
     * none): a lock and unlock with only reads between count as no
     * write (a lock-polling loop, rt.c); its write count at the lock;
     * the await check's points since */
    int32_t pair1;
    uint64_t pair_w;
    uint32_t pair_points;
    int32_t await[32];  /* awaiting a write to one of these objects */
    uint8_t nawait;
    bool awaiting, await_woken;
    uintptr_t await_pc;
    wf_event *held;     /* events of the current atomic section, emitted
                           when it ends: a section that blocks in an
                           assume never ran (SV-COMP's await) */
    size_t nheld, capheld;
} px_task;

/* ---- shared memory locations (access.c) -------------------------------- */

/* A cell: the bytes [off, off + size) of an 8-byte word that an access
 * started at, with its engine variable (race history, reduction). */
typedef struct px_cell {
    struct px_cell *next;  /* the word's other cells */
    wf_var *var;
    uint8_t off, size;
    bool visible;          /* a scheduling point (racy) */
    bool named;            /* var's name computed */
    bool last_write;       /* the filter: last access */
    bool freed;            /* in a heap block free() released */
    struct px_sync *atomic; /* the atomic object at this address, or NULL:
                               a plain write makes its value stale */
    int32_t last_tid;
    uint64_t last_epoch;
    int32_t first_tid;     /* who created it */
    int32_t stack_tid;     /* the task whose stack holds it, or -1 */
    int32_t tls_tid;       /* the task whose thread-local area holds it,
                              or -1 */
    bool escaped;          /* in px.escaped */
} px_cell;

/* ---- racy set ------------------------------------------------------------ */

/* A range of memory made visible, in a form stable across executions and
 * processes: kind 'g' an address of the executable (no PIE), 'h' an offset
 * in the program heap, 's' an offset below the top of task `tid`'s stack. */
typedef struct px_range {
    char kind;
    int32_t tid;
    uint64_t lo, hi;
} px_range;

/* ---- synchronisation objects (sync.c) ------------------------------------ */

typedef enum px_sync_kind {
    PXS_MUTEX,
    PXS_RWLOCK,
    PXS_COND,
    PXS_SEM,
    PXS_BARRIER,
    PXS_ONCE,
    PXS_SPIN,
    PXS_ATOMIC
} px_sync_kind;

typedef struct px_sync {
    struct px_sync *next; /* hash chain */
    uintptr_t addr;
    uint8_t kind;         /* px_sync_kind */
    int type;             /* mutex: PTHREAD_MUTEX_*; atomic: size; cond:
                             the clockid_t of its timed waits */
    bool destroyed;
    bool ended;           /* destroyed by its destroy call (not freed) */
    wf_obj *obj;          /* wf_mutex, wf_rwmutex, wf_atomic, wf_once */
    wf_mutex *m;          /* cond, sem, barrier: its internal mutex */
    wf_cond *c;           /* cond, sem, barrier: its condition */
    wf_mutex *m2;         /* barrier: the odd generations' mutex and */
    wf_cond *c2;          /* condition (m and c: the even ones') */
    wf_mutex *bound;      /* cond: the user mutex it waits with */
    int32_t owner;        /* recursive/errorcheck mutex: tid, -1 */
    int64_t count;        /* recursion count; semaphore value; barrier */
    int64_t limit, gen;   /* barrier: parties, generation */
    int64_t waiters;      /* cond: tasks inside a wait (relocking too) */
    int32_t wtid;         /* atomic: the thread of its last atomic store
                             (-1: none), and whether that was seq_cst */
    bool wsc;
} px_sync;

/* ---- the process ------------------------------------------------------- */

typedef struct px_exec px_exec;

typedef struct px_state {
    bool ready;   /* px_init done */
    uint32_t hash; /* the executable's identity (build id) */
    bool active;  /* an exploration is running */
    int argc;
    char **argv, **envp;
    int prog_argc;      /* what the program's main gets */
    char **prog_argv;
    int (*real_main)(int, char **, char **);
    /* the program's data between the markers, and its snapshot */
    unsigned char *data_lo, *data_hi, *bss_lo, *bss_hi;
    unsigned char *data_snap, *bss_snap;
    /* the executable's text and the static TLS area (not shared memory) */
    uintptr_t text_lo, text_hi, tls_lo, tls_hi;
    /* the program's TLS variables (tls.c): initialised, zeroed, at
     * these offsets from the thread pointer */
    intptr_t tls_off[2];
    size_t tls_len[2], tls_size;
    unsigned char *tls_image; /* their state when main was entered */
    /* the tasks' TLS areas (x86-64; NULL region: one block, swapped):
     * each tls_stride bytes, the static TLS (tls_below) then the thread
     * control block (tls_above) from its thread pointer; the executable's
     * block [tls_blk[0], tls_blk[1]) from it; the process's own */
    unsigned char *tls_region;
    size_t tls_below, tls_above, tls_stride;
    intptr_t tls_blk[2];
    uintptr_t tls_home;
    /* the program heap: a fixed region, emptied at each execution */
    unsigned char *heap_lo, *heap_hi;
    /* racy ranges (sorted by kind, tid, lo), and the ones found since the
     * search started over */
    VEC(px_range) racy;
    VEC(px_range) racy_new; /* found since: applied when the next
                               execution begins (the one that found them
                               keeps its own schedule) */
    VEC(struct px_sync *) dirty; /* atomics.c */
    /* cells of a thread's stack another thread accessed (access.c): the
     * thread's end writes them (px_stack_end) */
    VEC(struct px_cell *) escaped;
    buf extra;    /* the schedule text of racy */
    /* special functions of the program */
    uintptr_t reach_error;
    VEC(uintptr_t) atomic_fns; /* __VERIFIER_atomic_*, sorted */
    bool sampled;  /* a __VERIFIER_nondet_* value was sampled */
    char sampled_what[64];
    bool weak;     /* a load weaker orders could change was seen (atomics.c) */
    char weak_what[320];
    char incomplete_what[400]; /* rt.c: what the summary says of both */
    px_exec *x;    /* the current execution */
    arena mem;     /* per execution; reset at its start */
} px_state;

extern px_state px;
extern _Thread_local int px_in_rt;

/* Per execution. */
struct px_exec {
    wf_engine *e;
    VEC(px_task *) tasks; /* by tid */
    /* cells: open addressing on word address */
    uintptr_t *cell_keys;
    px_cell **cell_vals;
    size_t cell_cap, ncells;
    /* sync objects by address (chained) */
    px_sync **sync_tab;
    size_t sync_cap, nsync;
    /* heap */
    unsigned char *brk;
    void *free_lists[64];
    uint64_t nallocs;
    /* __VERIFIER_atomic sections: the order object */
    wf_atomic *atomic_obj;
    wf_atomic *fence_obj; /* atomic_thread_fence's events (atomics.c) */
    int32_t ngone;        /* tasks blocked for good (assume, spin) */
    int32_t nspun;        /* of which proven spins on shared memory */
    wf_chan *never;       /* a channel nobody sends on */
    bool exiting;         /* exit() in progress */
    bool no_fini;         /* _exit, quick_exit: no destructors run */
    int exit_status;
    /* thread-specific data keys */
    int32_t nkeys;
    void (*key_dtor[1024])(void *);
    bool key_used[1024];
    int32_t nawait;       /* tasks awaiting a write (verifier.c) */
    uint64_t wseq;        /* writes to shared memory so far */
    uint64_t *wlast;      /* by oid: the wseq of its last write */
    size_t wcap;
    wf_chan *parked;      /* the channel awaiting tasks park on */
    VEC(px_task *) wakes; /* to wake at the writer's next scheduling point */
    void (*atexit_fns[64])(void); /* registered by the program, in order */
    int natexit;
    void (*quick_fns[64])(void); /* at_quick_exit's, likewise */
    int nquick;
};

/* ---- entering and leaving the runtime (rt.c) ------------------------------ */

/* The calling task if the caller is program code running as a task, with
 * px_in_rt set; NULL otherwise (then call the real function). */
static inline px_task *px_enter(void)
{
    wf_engine *e;
    if (WF_UNLIKELY(!px.active) || px_in_rt)
        return NULL;
    e = native_engine();
    if (!e || !e->cur)
        return NULL;
    px_in_rt = 1;
    return px.x->tasks.p[e->cur->tid];
}
static inline void px_leave(px_task *pt)
{
    (void)pt;
    px_in_rt = 0;
}
/* The engine running the program (valid between px_enter and px_leave). */
static inline wf_engine *px_engine(void)
{
    return px.x->e;
}

/* The engine copies of atomic values made stale by plain writes are
 * refreshed before the writer's next scheduling point (atomics.c). */
void px_atomics_flush(void);
void px_atomics_dirty(struct px_sync *s);
/* Run the program's atexit functions (io.c). */
void px_run_atexit(px_task *pt);

/* The program's thread-local variables (tls.c): found at startup; a
 * task's made fresh when it starts, left before its scheduling points and
 * taken again after them; the process's own back when the check ends.
 * px_tls_home_of: whether a lies in a task's TLS area, and then whose
 * (tid) and where the process's own copy of it is (home). */
void px_tls_init(void);
void px_tls_start(px_task *pt);
void px_tls_out(px_task *pt);
void px_tls_in(px_task *pt);
void px_tls_home(void);
bool px_tls_home_of(uintptr_t a, uintptr_t *home, int32_t *tid);

/* Begin op k on object o for pt, at code address pc; returns the record. */
op *px_op(px_task *pt, op_kind k, void *o, uintptr_t pc);
/* Hand pt's op to the scheduler; returns when pt runs again, with the
 * program's per-thread state (TLS block, errno) swapped out and back. */
void px_yield(px_task *pt);
/* A finding for the calling task: a panic with msg (copied); the
 * execution ends and pt never returns. */
WF_NORETURN void px_panic(px_task *pt, uintptr_t pc, const char *fmt, ...)
    WF_PRINTF(3, 4);
/* The program called fn, which weft does not model (why): a usage error
 * naming the call's file:line, exit status 2; no finding, since the
 * program is not wrong. */
WF_NORETURN void px_unsupported(px_task *pt, uintptr_t pc, const char *fn,
                                const char *why);
/* A failed assertion (reach_error, __assert_fail, __VERIFIER_error). */
WF_NORETURN void px_assert_fail(px_task *pt, uintptr_t pc, const char *msg);
/* Block pt for good (an assume that fails, a proven spin): the other
 * tasks run on; what its absence causes (a join that never returns) is no
 * finding. */
WF_NORETURN void px_gone(px_task *pt, uintptr_t pc);
/* The program's clocks read the one virtual clock (engine now_ns, 0 at
 * the start) plus a fixed epoch: CLOCK_REALTIME (and time, gettimeofday,
 * TIME_UTC) a date (2023-11-14), CLOCK_MONOTONIC an uptime (a day), the
 * CPU-time clocks none. So an absolute deadline built from a relative
 * time by mistake ({5, 0}: 1970) is in the past, as natively, and times
 * out at once (io.c). */
int64_t px_clock_epoch(clockid_t clk);
/* Virtual time (now_ns's scale) of an absolute timespec on clock clk:
 * 0 for one before the start, INT64_MAX for none (abs NULL). */
int64_t px_abs_ns(clockid_t clk, const struct timespec *abs);
/* pt's thread ends: its stack's cells other threads accessed are written
 * (the stack dies), so an access of another thread not ordered with the
 * end races with it, and the search then orders the two both ways (the
 * later access is a stack-use-after-return). */
void px_stack_end(px_task *pt);
/* The task a timed wait's timer (sync.c) would wake, -1 for another
 * timer. */
int32_t px_timer_tid(const timer *tm);
/* End the program now (exit, abort, main returning), after a scheduling
 * point: tasks blocked then are leaks, the rest stop. */
WF_NORETURN void px_exit(px_task *pt, uintptr_t pc, int status);
/* The real libc function name (dlsym RTLD_NEXT), fatal when missing. */
void *px_real(const char *name);
/* fdwait.c: whether a poll of fds with no timeout would block now (it
 * clears their revents), and the refusal of such a wait. */
struct pollfd;
bool px_fd_poll_blocks(struct pollfd *fds, unsigned long n);
WF_NORETURN void px_fd_refuse(px_task *pt, uintptr_t pc, const char *fn);
/* A task record for engine task t (thread.c fills the rest). */
px_task *px_task_new(wf_task *t);

/* ---- memory (mem.c) ------------------------------------------------------- */

void px_mem_init(void);    /* snapshot the globals, map the heap */
void px_mem_begin(void);   /* restore them, empty the heap */
bool px_in_heap(uintptr_t a);
/* Whether [addr, addr + n) lies in mapped memory (a wild pointer handed
 * to the runtime: the program's crash, not weft's). */
bool px_mapped(const void *addr, size_t n);
/* The live heap block holding a: its start, size and number; false when
 * none. */
bool px_heap_block(uintptr_t a, uintptr_t *start, size_t *size,
                   uint64_t *nth);
/* The size asked for and the allocating pc of the live block starting at
 * start; false when no block starts there. */
bool px_heap_origin(uintptr_t start, size_t *asked, uintptr_t *pc);
/* Whether a lies in a heap block the program freed (not handed out
 * again); its start then. */
bool px_heap_freed(uintptr_t a, uintptr_t *start);
/* The identity of heap address a across executions (the allocating
 * thread's identity, its count of allocations then, the offset), never
 * 0; 0 when a is not in a heap block. */
uint64_t px_heap_ident(uintptr_t a);

/* ---- the source's names of memory (dwarf.c) ------------------------------ */

/* Read the executable's DWARF variables (once; the first naming does it,
 * so that a program with nothing to name does not pay for it). */
void px_dwarf_init(void);
/* The source expression naming [a, a + n) ("accounts[1].balance",
 * "q->head->value") written to b; false when DWARF does not tell. */
bool px_dwarf_name(uintptr_t a, size_t n, char *b, size_t len);
/* The same for [a, a + n) on a stack, in the frame of function fn whose
 * canonical frame address is cfa ("counter", "acct.balance"). */
bool px_dwarf_local(uintptr_t fn, uintptr_t cfa, uintptr_t a, size_t n,
                    char *b, size_t len);
/* pt enters function fn (called from caller); frame: the address just
 * above the hook's own frame (its return address's slot + 8). */
void px_frame_enter(px_task *pt, uintptr_t fn, uintptr_t caller,
                    uintptr_t frame);
void px_frame_exit(px_task *pt, uintptr_t fn);

/* ---- accesses (access.c) -------------------------------------------------- */

void px_access_begin(void);
/* An access of n bytes at a by pt from code at pc. */
void px_access(px_task *pt, uintptr_t a, size_t n, bool write, uintptr_t pc);
/* pt frees [a, a + n): a write of what was accessed there. */
void px_access_free(px_task *pt, uintptr_t a, size_t n, uintptr_t pc);
/* Memory [a, a + n) is handed out afresh: forget its history. */
void px_forget(uintptr_t a, size_t n);
/* The cell of the single location at a (created if needed), for atomics
 * (the plain variable behind an atomic object). */
px_cell *px_cell_at(px_task *pt, uintptr_t a, size_t n);
/* The name of memory at a ("counter", "buf[3]", "heap#2+8"), in e->mem. */
const char *px_name_of(wf_engine *e, uintptr_t a, size_t n);
/* After an execution: the locations of the races found that are not racy
 * yet; true when there are some. px_racy_apply adds them to the set (when
 * the next execution begins). */
bool px_racy_update(wf_engine *e);
void px_racy_apply(void);
/* The racy set as schedule text, and back. */
const char *px_racy_text(void);
void px_racy_parse(const char *s);

/* ---- synchronisation (sync.c, atomics.c) ---------------------------------- */

void px_sync_begin(void);
/* The record for the object at addr of kind k, created when missing. */
px_sync *px_sync_get(px_task *pt, const void *addr, px_sync_kind k,
                     uintptr_t pc);
px_sync *px_sync_find(const void *addr);
void px_sync_forget(uintptr_t a, size_t n);
/* __VERIFIER_atomic sections (see atomics.c). */
void px_atomic_section_begin(px_task *pt, uintptr_t pc);
void px_atomic_section_end(px_task *pt, uintptr_t pc);
/* The section pt is in ends with pt (an assume failed in it). */
void px_atomic_section_abandon(px_task *pt, uintptr_t pc);
/* An event of pt for the checkers: at once, or held until pt's atomic
 * section ends (dropped if it never does). */
void px_event(px_task *pt, ev_op eop, uint16_t flags, int32_t oid,
              int64_t value, int64_t aux, uintptr_t pc);
/* Emit the held events (the section ends, or makes a scheduling
 * point). */
void px_release_held(px_task *pt);

/* ---- threads (thread.c) ------------------------------------------------- */

void px_thread_begin(void);
/* Run the program's main as task 0 (the scenario function). */
void px_main_task(void *arg);
/* Leave the calling task's code for good (pthread_exit, exit). */
WF_NORETURN void px_unwind(px_task *pt);

/* ---- the nondeterministic harness (verifier.c) -------------------------- */

void px_verifier_init(void);
void px_verifier_begin(void);
/* A function entry: pc its address (reach_error, __VERIFIER_atomic_*). */
void px_func_enter(px_task *pt, uintptr_t fn, uintptr_t caller);
void px_func_exit(px_task *pt, uintptr_t fn, uintptr_t caller);
/* The await check (verifier.c): pt read engine object oid, wrote it. */
static inline void px_read_note(px_task *pt, int32_t oid)
{
    for (int i = 0; i < pt->nreads; i++)
        if (pt->reads[i] == oid)
            return;
    if (pt->nreads < sizeof pt->reads / sizeof pt->reads[0])
        pt->reads[pt->nreads++] = oid;
    else
        pt->reads_over = true;
}
void px_wrote(px_task *pt, int32_t oid);
/* At the first basic block after a scheduling point of pt. */
void px_await_check(px_task *pt, uintptr_t pc, const uint64_t *regs,
                    int nregs, uintptr_t sp);
/* Wake the tasks px_wrote found (at the writer's scheduling point). */
void px_await_wake(px_task *pt);
/* The findings of tasks still awaiting when the execution ended, and of
 * proven spins nothing left could end. */
void px_await_end(wf_engine *e);

/* The program uses SV-COMP's harness (abort() then ends a path). */
bool px_svcomp(void);

/* ---- time and output (io.c) --------------------------------------------- */

void px_io_begin(void);

/* Program output: a print op (part of the outcome). */
void px_print(px_task *pt, uintptr_t pc, const char *s, size_t n);
/* The reads of fmt's %s arguments by pt's printf-like call at pc
 * (strings.c). */
void px_format_reads(px_task *pt, const char *fmt, va_list ap, uintptr_t pc);

/* ---- libc's hidden static state (libc_static.c) --------------------------- */

void px_libc_begin(void);
/* The name of a of libc's static state kept by the runtime ("strtok's
 * static position") written to b; false when a is not there. */
bool px_libc_name(uintptr_t a, char *b, size_t len);

#endif

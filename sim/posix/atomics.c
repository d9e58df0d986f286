/* atomics.c: the program's atomic operations (C11 <stdatomic.h>, GCC's
 * __atomic and __sync builtins, which the compiler turns into the thread
 * sanitizer's __tsan_atomicN_* calls), and __VERIFIER_atomic sections.
 *
 * Each atomic location gets a wf_atomic: every operation is a scheduling
 * point and an atomic op of the engine (load a read, the rest writes, a
 * compare-and-swap a write only when it succeeds), which gives the
 * reduction its dependences and the race checker its synchronisation. The
 * memory itself is updated by the task when it resumes from the op: no
 * other task runs in between, so the operation is atomic. The engine's
 * copy of the value (which decides whether a compare-and-swap succeeds)
 * is set from memory after every operation, and after a plain write to
 * the location before the writer's next scheduling point.
 * Memory orders: the interleavings explored are sequentially consistent
 * (one total order of the atomic operations, each load reading the
 * latest store); the values weaker orders add (a relaxed load reading an
 * older store, store buffering) are not explored. Happens-before follows
 * C11: each operation's event carries its order (EVF_C11, EVF_ACQUIRE,
 * EVF_RELEASE) and fences are events of their own, so the race checker
 * orders plain accesses only through what an acquire reads from a
 * release (checker/race.c, on_c11): message passing through a relaxed
 * flag is a race. A weak compare-and-swap never fails spuriously.
 * The plain variable at the same address is an access of each operation
 * too (wf_atomic.shadow), so a plain access concurrent with an atomic one
 * is a race, as C11 says it is. */
#define _GNU_SOURCE
#include "px.h"

#include <string.h>

#define RA ((uintptr_t)__builtin_return_address(0))

typedef unsigned char a8;
typedef unsigned short a16;
typedef unsigned int a32;
typedef unsigned long long a64;
typedef unsigned __int128 a128;

/* The location's value, zero-extended. */
static int64_t load_n(const volatile void *a, size_t n)
{
    switch (n) {
    case 1:
        return *(const volatile a8 *)a;
    case 2:
        return *(const volatile a16 *)a;
    case 4:
        return *(const volatile a32 *)a;
    default:
        return (int64_t) * (const volatile a64 *)a;
    }
}

static wf_atomic *ao(const px_sync *s)
{
    return (wf_atomic *)s->obj;
}

void px_atomics_flush(void)
{
    for (size_t i = 0; i < px.dirty.len; i++) {
        px_sync *s = px.dirty.p[i];
        if (!s->destroyed)
            ao(s)->v = load_n((const void *)s->addr, (size_t)s->type);
    }
    px.dirty.len = 0;
}

void px_atomics_dirty(px_sync *s)
{
    VEC_PUSH(px.dirty, s);
}

/* The atomic object of [a, a + n). */
static px_sync *atomic_of(px_task *pt, const volatile void *a, size_t n,
                          uintptr_t pc)
{
    px_sync *s = px_sync_find((const void *)a);
    px_cell *c;
    wf_engine *e;
    if (s && s->kind == PXS_ATOMIC)
        return s;
    s = px_sync_get(pt, (const void *)a, PXS_ATOMIC, pc);
    e = px_engine();
    {
        px_site site = px_site_of(pc);
        s->obj = &atomic_new(e, px_name_of(e, (uintptr_t)a, n),
                             load_n(a, n), site.file, site.line)
                      ->hdr;
    }
    s->type = (int)(n > 8 ? 8 : n);
    c = px_cell_at(pt, (uintptr_t)a, n);
    c->atomic = s;
    ao(s)->shadow = c->var->hdr.oid;
    return s;
}

/* The event flags of C11 memory order mo (__ATOMIC_*; gcc may add
 * hardware lock elision bits above): what the race checker orders by. */
static uint16_t mo_flags(int mo)
{
    switch (mo & 0xffff) {
    case __ATOMIC_RELAXED:
        return EVF_C11;
    case __ATOMIC_CONSUME: /* as compilers do: acquire */
    case __ATOMIC_ACQUIRE:
        return EVF_C11 | EVF_ACQUIRE;
    case __ATOMIC_RELEASE:
        return EVF_C11 | EVF_RELEASE;
    default: /* acq_rel, seq_cst */
        return EVF_C11 | EVF_ACQUIRE | EVF_RELEASE;
    }
}

/* An atomic op k on [a, a + n) in a heap block free() released (by
 * another thread while this one waited at its scheduling point, or
 * before): the program's heap-use-after-free, as a plain access's is
 * (access.c). */
static void freed_check(px_task *pt, const volatile void *a, size_t n,
                        op_kind k, uintptr_t pc)
{
    uintptr_t start;
    if (!px_in_heap((uintptr_t)a) || !px_heap_freed((uintptr_t)a, &start))
        return;
    px_panic(pt, pc,
             "heap-use-after-free: %s %s %s, in a block free() released",
             pt->t->name,
             k == OP_ALOAD ? "atomically read" : "atomically wrote",
             px_name_of(px_engine(), (uintptr_t)a, n));
}

/* The explored interleavings are sequentially consistent: a load reads
 * the latest store. Under C11 a load may read an older store unless it
 * and the store are both seq_cst (or the store happens before it), so
 * when a load reads another thread's store and one of them has a weaker
 * order, outcomes were left out: the first such load is noted, and the
 * summary says so (px_incomplete, rt.c) rather than "complete". A
 * read-modify-write always reads the latest store. Stores are noted here
 * with their order (s->wtid, s->wsc) before the caller performs them. */
static void weak_note(px_task *pt, px_sync *s, op_kind k, int64_t old,
                      int mo, uintptr_t pc)
{
    static const char *const names[] = {"relaxed", "consume", "acquire",
                                        "release", "acq_rel", "seq_cst"};
    bool sc = (mo & 0xffff) == __ATOMIC_SEQ_CST;
    if (k != OP_ALOAD) {
        if (k != OP_ACAS || ao(s)->v == old) {
            s->wtid = pt->tid;
            s->wsc = sc;
        }
        return;
    }
    if (px.weak || s->wtid < 0 || s->wtid == pt->tid || (sc && s->wsc))
        return;
    {
        px_site at = px_site_of(pc);
        unsigned o = (unsigned)(mo & 0xffff);
        px.weak = true;
        snprintf(px.weak_what, sizeof px.weak_what,
                 "only sequentially consistent ones: %s %s load (%s:%d) "
                 "read another thread's %sstore, and C11 lets such a load "
                 "read an older store (weak memory), which weft does not "
                 "explore",
                 o == 2 || o == 4 ? "an" : "a", o < 6 ? names[o] : "atomic",
                 at.file ? at.file : "?", (int)at.line,
                 s->wsc ? "" : "non-seq_cst ");
    }
}

/* The scheduling point of an atomic op k on [a, a + n) with memory
 * orders mo (fmo: a compare-and-swap that fails): an engine op, or in an
 * atomic section the accesses and event of the section's step. On return
 * the task performs the op on memory. */
static px_sync *step(px_task *pt, const volatile void *a, size_t n,
                     op_kind k, int64_t val, int64_t old, int mo, int fmo,
                     uintptr_t pc)
{
    px_sync *s = atomic_of(pt, a, n, pc);
    wf_atomic *o = ao(s);
    if (pt->atomic_depth) {
        wf_engine *e = px_engine();
        bool w = k != OP_ALOAD && (k != OP_ACAS || o->v == old);
        freed_check(pt, a, n, k, pc);
        engine_access(e, o->hdr.oid, w ? ACC_WRITE : ACC_READ);
        engine_access(e, o->shadow, w ? ACC_WRITE : ACC_READ);
        if (e->nconsumers)
            px_event(pt, EV_ATOMIC,
                     (uint16_t)((w ? EVF_WRITE : 0) |
                                mo_flags(k == OP_ACAS && !w ? fmo : mo)),
                     o->hdr.oid, o->v, k, pc);
        return s;
    }
    {
        op *p = px_op(pt, k, o, pc);
        p->val = value_int(val);
        p->old = old;
        p->evf = mo_flags(mo);
        p->evf_failed = mo_flags(fmo);
    }
    px_yield(pt);
    freed_check(pt, a, n, k, pc);
    weak_note(pt, s, k, old, mo, pc);
    return s;
}

/* After the op: the engine's copy follows memory; a change wakes the
 * tasks awaiting one (verifier.c). */
static void settle(px_task *pt, px_sync *s, const volatile void *a, size_t n,
                   int64_t before)
{
    wf_atomic *o = ao(s);
    int64_t v = load_n(a, n);
    if (v != before) {
        px_wrote(pt, o->hdr.oid);
        px_wrote(pt, o->shadow);
    } else {
        px_read_note(pt, o->hdr.oid);
    }
    o->v = v;
}

#define ENTERA(...)                                                           \
    px_task *pt = px_enter();                                                 \
    if (!pt) {                                                                \
        __VA_ARGS__;                                                          \
    }

/* Outside the program's tasks (constructors, weft itself) the process
 * runs one thread: the operations need no atomicity there (and 16-byte
 * ones would need libatomic). */
#define FB_LOAD(a)     (*(a))
#define FB_STORE(a, v) (*(a) = (v))
#define FB_RMW(a, v, NEW)                                                     \
    do {                                                                      \
        __typeof__(*(a)) old_ = *(a), v_ = (v);                               \
        *(a) = (__typeof__(*(a)))(NEW(old_, v_));                             \
        return old_;                                                          \
    } while (0)
#define OP_XCHG(o, v) (v)
#define OP_ADD(o, v)  ((o) + (v))
#define OP_SUB(o, v)  ((o) - (v))
#define OP_AND(o, v)  ((o) & (v))
#define OP_OR(o, v)   ((o) | (v))
#define OP_XOR(o, v)  ((o) ^ (v))
#define OP_NAND(o, v) (~((o) & (v)))

#define ATOMIC_OPS(N, T)                                                      \
    PX_API T __tsan_atomic##N##_load(const volatile T *a, int mo)             \
    {                                                                         \
        T v;                                                                  \
        px_sync *s;                                                           \
        ENTERA(return FB_LOAD(a))                                             \
        s = step(pt, a, sizeof(T), OP_ALOAD, 0, 0, mo, mo, RA);                            \
        int64_t before_ = load_n(a, sizeof(T));                       \
        v = *a;                                                               \
        settle(pt, s, a, sizeof(T), before_);                                              \
        px_leave(pt);                                                         \
        return v;                                                             \
    }                                                                         \
    PX_API void __tsan_atomic##N##_store(volatile T *a, T v, int mo)          \
    {                                                                         \
        px_sync *s;                                                           \
        ENTERA(FB_STORE(a, v); return)                                        \
        s = step(pt, a, sizeof(T), OP_ASTORE, (int64_t)v, 0, mo, mo, RA);                            \
        int64_t before_ = load_n(a, sizeof(T));             \
        *a = v;                                                               \
        settle(pt, s, a, sizeof(T), before_);                                              \
        px_leave(pt);                                                         \
    }                                                                         \
    PX_API T __tsan_atomic##N##_exchange(volatile T *a, T v, int mo)          \
    {                                                                         \
        T old;                                                                \
        px_sync *s;                                                           \
        ENTERA(FB_RMW(a, v, OP_XCHG))                                         \
        s = step(pt, a, sizeof(T), OP_ASWAP, (int64_t)v, 0, mo, mo, RA);                            \
        int64_t before_ = load_n(a, sizeof(T));              \
        old = *a;                                                             \
        *a = v;                                                               \
        settle(pt, s, a, sizeof(T), before_);                                              \
        px_leave(pt);                                                         \
        return old;                                                           \
    }                                                                         \
    ATOMIC_RMW(N, T, fetch_add, OP_ADD, OP_AADD, (int64_t)v)                  \
    ATOMIC_RMW(N, T, fetch_sub, OP_SUB, OP_AADD, -(int64_t)v)                 \
    ATOMIC_RMW(N, T, fetch_and, OP_AND, OP_ASWAP, 0)                          \
    ATOMIC_RMW(N, T, fetch_or, OP_OR, OP_ASWAP, 0)                            \
    ATOMIC_RMW(N, T, fetch_xor, OP_XOR, OP_ASWAP, 0)                          \
    ATOMIC_RMW(N, T, fetch_nand, OP_NAND, OP_ASWAP, 0)                        \
    PX_API int __tsan_atomic##N##_compare_exchange_strong(                    \
        volatile T *a, T *c, T v, int mo, int fmo)                            \
    {                                                                         \
        px_sync *s;                                                           \
        int ok;                                                               \
        ENTERA(if (*a == *c) {                                                \
            *a = v;                                                           \
            return 1;                                                         \
        } *c = *a;                                                            \
               return 0)                                                      \
        s = step(pt, a, sizeof(T), N > 64 ? OP_ASWAP : OP_ACAS, (int64_t)v,   \
                 (int64_t)*c, mo, fmo, RA);                            \
        int64_t before_ = load_n(a, sizeof(T));                                            \
        ok = *a == *c;                                                        \
        if (ok)                                                               \
            *a = v;                                                           \
        else                                                                  \
            *c = *a;                                                          \
        settle(pt, s, a, sizeof(T), before_);                                              \
        px_leave(pt);                                                         \
        return ok;                                                            \
    }                                                                         \
    PX_API int __tsan_atomic##N##_compare_exchange_weak(                      \
        volatile T *a, T *c, T v, int mo, int fmo)                            \
    {                                                                         \
        return __tsan_atomic##N##_compare_exchange_strong(a, c, v, mo, fmo);  \
    }                                                                         \
    PX_API T __tsan_atomic##N##_compare_exchange_val(volatile T *a, T c, T v, \
                                                     int mo, int fmo)         \
    {                                                                         \
        T cur = c;                                                            \
        __tsan_atomic##N##_compare_exchange_strong(a, &cur, v, mo, fmo);      \
        return cur;                                                           \
    }

#define ATOMIC_RMW(N, T, NAME, NEW, K, VAL)                                   \
    PX_API T __tsan_atomic##N##_##NAME(volatile T *a, T v, int mo)            \
    {                                                                         \
        T old;                                                                \
        px_sync *s;                                                           \
        ENTERA(FB_RMW(a, v, NEW))                                             \
        s = step(pt, a, sizeof(T), K, VAL, 0, mo, mo, RA);                            \
        int64_t before_ = load_n(a, sizeof(T));                            \
        old = *a;                                                             \
        *a = (T)(NEW(old, v));                                                \
        settle(pt, s, a, sizeof(T), before_);                                              \
        px_leave(pt);                                                         \
        return old;                                                           \
    }

/* prototypes for -Wmissing-prototypes */
#define ATOMIC_PROTOS(N, T)                                                   \
    T __tsan_atomic##N##_load(const volatile T *a, int mo);                   \
    void __tsan_atomic##N##_store(volatile T *a, T v, int mo);                \
    T __tsan_atomic##N##_exchange(volatile T *a, T v, int mo);                \
    T __tsan_atomic##N##_fetch_add(volatile T *a, T v, int mo);               \
    T __tsan_atomic##N##_fetch_sub(volatile T *a, T v, int mo);               \
    T __tsan_atomic##N##_fetch_and(volatile T *a, T v, int mo);               \
    T __tsan_atomic##N##_fetch_or(volatile T *a, T v, int mo);                \
    T __tsan_atomic##N##_fetch_xor(volatile T *a, T v, int mo);               \
    T __tsan_atomic##N##_fetch_nand(volatile T *a, T v, int mo);              \
    int __tsan_atomic##N##_compare_exchange_strong(volatile T *a, T *c, T v,  \
                                                   int mo, int fmo);          \
    int __tsan_atomic##N##_compare_exchange_weak(volatile T *a, T *c, T v,    \
                                                 int mo, int fmo);            \
    T __tsan_atomic##N##_compare_exchange_val(volatile T *a, T c, T v,        \
                                              int mo, int fmo);
ATOMIC_PROTOS(8, a8)
ATOMIC_PROTOS(16, a16)
ATOMIC_PROTOS(32, a32)
ATOMIC_PROTOS(64, a64)
ATOMIC_PROTOS(128, a128)

ATOMIC_OPS(8, a8)
ATOMIC_OPS(16, a16)
ATOMIC_OPS(32, a32)
ATOMIC_OPS(64, a64)
ATOMIC_OPS(128, a128)

void __tsan_atomic_thread_fence(int mo);
void __tsan_atomic_signal_fence(int mo);

/* The execution's fence object: fences are events on it, for the race
 * checker (they order nothing the explored interleavings need: those are
 * sequentially consistent). */
static wf_atomic *fence_obj(void)
{
    px_exec *x = px.x;
    if (!x->fence_obj)
        x->fence_obj =
            atomic_new(px_engine(), "atomic_thread_fence", 0, NULL, 0);
    return x->fence_obj;
}

/* A fence: no scheduling point, an event that moves the task's fence
 * clocks in the race checker (a release fence makes its later relaxed
 * stores release what came before it; an acquire fence takes what its
 * earlier relaxed loads read). */
PX_API void __tsan_atomic_thread_fence(int mo)
{
    px_task *pt = px_enter();
    uint16_t f;
    if (!pt)
        return;
    f = mo_flags(mo);
    if ((f & (EVF_ACQUIRE | EVF_RELEASE)) && px_engine()->nconsumers)
        px_event(pt, EV_ATOMIC, (uint16_t)(f | EVF_FENCE),
                 fence_obj()->hdr.oid, 0, OP_ALOAD, RA);
    px_leave(pt);
}

PX_API void __tsan_atomic_signal_fence(int mo)
{
    (void)mo;
}

/* ---- __VERIFIER_atomic sections -------------------------------------------- */

/* The section's order object: entering is an atomic op on it (a
 * scheduling point ordered with every other section, and the
 * synchronisation the race checker sees: sections never overlap), and
 * inside, the task's accesses and atomics are no scheduling points but
 * accesses of that step, so the whole section is one step. */
static wf_atomic *section_obj(void)
{
    px_exec *x = px.x;
    if (!x->atomic_obj)
        x->atomic_obj =
            atomic_new(px_engine(), "__VERIFIER_atomic", 0, NULL, 0);
    return x->atomic_obj;
}

void px_atomic_section_begin(px_task *pt, uintptr_t pc)
{
    if (pt->atomic_depth++)
        return;
    px_op(pt, OP_AADD, section_obj(), pc)->val = value_int(1);
    px_yield(pt);
}

static void section_close(px_task *pt, uintptr_t pc);

void px_atomic_section_end(px_task *pt, uintptr_t pc)
{
    if (pt->atomic_depth <= 0 || --pt->atomic_depth)
        return;
    section_close(pt, pc);
}

/* A section whose assume failed: the task leaves for good, but what the
 * section read before the assume was read (the condition itself: a
 * plain variable another thread writes unordered is a race, and the
 * first one found makes that variable's accesses scheduling points, the
 * only way to reach a state where the condition holds, as in
 * pthread-atomic's qrcu-2), so its accesses reach the checkers, closed
 * as a section that ended is (ordered before every later section). */
void px_atomic_section_abandon(px_task *pt, uintptr_t pc)
{
    if (pt->atomic_depth <= 0)
        return;
    pt->atomic_depth = 0;
    section_close(pt, pc);
}

static void section_close(px_task *pt, uintptr_t pc)
{
    wf_engine *e;
    wf_atomic *o;
    e = px_engine();
    o = section_obj();
    engine_access(e, o->hdr.oid, ACC_WRITE);
    px_release_held(pt);
    if (e->nconsumers) {
        px_site site = px_site_of(pc);
        engine_emit(e, pt->tid, EV_ATOMIC, EVF_WRITE, o->hdr.oid, -1, o->v,
                    OP_AADD, site.file, site.line);
    }
}

void px_event(px_task *pt, ev_op eop, uint16_t flags, int32_t oid,
              int64_t value, int64_t aux, uintptr_t pc)
{
    px_site site = px_site_of(pc);
    wf_event ev = {0,     0,     pt->tid,   (uint16_t)eop, flags, oid, -1,
                   value, aux,   -1,        site.file,    site.line};
    if (!pt->atomic_depth) {
        engine_emit_slow(px_engine(), &ev);
        return;
    }
    if (pt->nheld == pt->capheld) {
        size_t cap = pt->capheld ? pt->capheld * 2 : 16;
        wf_event *p = arena_alloc(&px.mem, cap * sizeof *p);
        if (pt->nheld)
            memcpy(p, pt->held, pt->nheld * sizeof *p);
        pt->held = p;
        pt->capheld = cap;
    }
    pt->held[pt->nheld++] = ev;
}

void px_release_held(px_task *pt)
{
    wf_engine *e = px_engine();
    for (size_t i = 0; i < pt->nheld; i++)
        engine_emit_slow(e, &pt->held[i]);
    pt->nheld = 0;
}

/* access.c: the program's plain loads and stores (the thread sanitizer's
 * __tsan_read and __tsan_write hooks, memcpy and friends).
 *
 * Memory is tracked in cells: the bytes an access starts at within an
 * 8-byte word, up to the word's end, each with an engine variable whose
 * race history the race checker keeps. An access of bytes [a, a + n)
 * touches every cell of its words that overlaps it (a cell at its own
 * start is made if missing), so a wide write (a memset, a struct copy)
 * meets the narrower accesses it overlaps, while neighbouring bytes
 * (char buf[2] written by two threads) stay apart, as C's memory
 * locations are.
 *
 * An access is an event for the checkers (and, in an atomic section, an
 * access of the section's step for the reduction); an access to a racy
 * cell is also a scheduling point, a read or write op of the engine (see
 * px.h). A task's repeated access to a cell that is not racy, with no
 * visible op of its own in between, adds nothing a checker could use and
 * is dropped (a read after its own write or read, a write after its own
 * write); to a racy cell it is a scheduling point all the same.
 * Not tracked: the process's own static TLS area (where the tasks' copies
 * of the program's TLS block are swapped in when they have no TLS areas
 * of their own, tls.c; accesses to the areas are tracked as any memory's)
 * and accesses while weft's code runs. */
#define _GNU_SOURCE
#include "px.h"

#include <stdlib.h>
#include <string.h>

/* A cell's variable, with what the runtime needs to find it again. */
typedef struct px_var {
    wf_var var;
    px_cell *cell;
    uintptr_t addr;
    px_range range; /* its place, stable across executions (see px.h) */
} px_var;

void px_access_begin(void)
{
    px_exec *x = px.x;
    x->cell_cap = 1024;
    x->cell_keys = arena_alloc(&px.mem, x->cell_cap * sizeof *x->cell_keys);
    x->cell_vals = arena_alloc(&px.mem, x->cell_cap * sizeof *x->cell_vals);
    x->ncells = 0;
}

static inline size_t slot_of(uintptr_t word, size_t cap)
{
    return (size_t)((word >> 3) * 0x9e3779b97f4a7c15ULL >> 20) & (cap - 1);
}

/* The word's cell list (the slot's value), NULL when none. */
static px_cell **cells_of(uintptr_t word, bool make)
{
    px_exec *x = px.x;
    size_t i = slot_of(word, x->cell_cap);
    while (x->cell_keys[i]) {
        if (x->cell_keys[i] == word)
            return &x->cell_vals[i];
        i = (i + 1) & (x->cell_cap - 1);
    }
    if (!make)
        return NULL;
    if ((x->ncells + 1) * 2 > x->cell_cap) {
        size_t ocap = x->cell_cap;
        uintptr_t *ok = x->cell_keys;
        px_cell **ov = x->cell_vals;
        x->cell_cap *= 2;
        x->cell_keys =
            arena_alloc(&px.mem, x->cell_cap * sizeof *x->cell_keys);
        x->cell_vals =
            arena_alloc(&px.mem, x->cell_cap * sizeof *x->cell_vals);
        for (size_t k = 0; k < ocap; k++)
            if (ok[k]) {
                size_t j = slot_of(ok[k], x->cell_cap);
                while (x->cell_keys[j])
                    j = (j + 1) & (x->cell_cap - 1);
                x->cell_keys[j] = ok[k];
                x->cell_vals[j] = ov[k];
            }
        i = slot_of(word, x->cell_cap);
        while (x->cell_keys[i])
            i = (i + 1) & (x->cell_cap - 1);
    }
    x->cell_keys[i] = word;
    x->cell_vals[i] = NULL;
    x->ncells++;
    return &x->cell_vals[i];
}

/* ---- where memory is ---------------------------------------------------- */

/* The task whose stack holds a, and the stack's top; -1 when none. */
static int32_t stack_owner(uintptr_t a, uintptr_t *top)
{
    px_exec *x = px.x;
    for (size_t i = 0; i < x->tasks.len; i++) {
        uintptr_t lo, hi;
        px_task *pt = x->tasks.p[i];
        if (pt && native_stack_of(pt->t, &lo, &hi) && a >= lo && a < hi) {
            *top = hi;
            return (int32_t)i;
        }
    }
    return -1;
}

/* The stable place of [a, a + n): a global's whole symbol, a heap block,
 * or the bytes themselves on a stack or elsewhere. */
static px_range range_of(uintptr_t a, size_t n, bool whole)
{
    px_range r;
    uintptr_t start, top;
    size_t size;
    uint64_t nth;
    int32_t tid;
    memset(&r, 0, sizeof r);
    r.kind = 'g';
    r.lo = a;
    r.hi = a + n;
    if (px_in_heap(a)) {
        r.kind = 'h';
        r.lo = a - (uintptr_t)px.heap_lo;
        r.hi = r.lo + n;
        if (whole && px_heap_block(a, &start, &size, &nth)) {
            r.lo = start - (uintptr_t)px.heap_lo;
            r.hi = r.lo + size;
        }
        return r;
    }
    tid = stack_owner(a, &top);
    if (tid >= 0) {
        r.kind = 's';
        r.tid = tid;
        r.lo = top - (a + n);
        r.hi = top - a;
        return r;
    }
    if (whole && px_sym_of(a, &start, &size)) {
        r.lo = start;
        r.hi = start + size;
    }
    return r;
}

static bool range_in(const px_range *r, const px_range *in)
{
    return r->kind == in->kind && r->tid == in->tid && r->lo < in->hi &&
           r->hi > in->lo;
}

static bool is_racy(const px_range *r)
{
    for (size_t i = 0; i < px.racy.len; i++)
        if (range_in(r, &px.racy.p[i]))
            return true;
    return false;
}

/* The local of task tid's frames that holds [a, a + n): in the innermost
 * frame whose base lies above a. */
static bool local_name(int32_t tid, uintptr_t a, size_t n, char *b,
                       size_t len)
{
    const px_task *pt = px.x->tasks.p[tid];
    const struct px_frame *f = NULL;
    for (uint8_t i = 0; pt && i < pt->nframes; i++)
        if (pt->frames[i].cfa > a &&
            (!f || pt->frames[i].cfa < f->cfa))
            f = &pt->frames[i];
    return f && px_dwarf_local(f->fn, f->cfa, a, n, b, len);
}

/* After the name at b (k bytes long): a's place in the object of size
 * bytes at start, as an element of n bytes ("[2]") or an offset ("+8"). */
static void place_in(char *b, size_t len, int k, uintptr_t a,
                     uintptr_t start, size_t size, size_t n)
{
    if (k < 0 || (size_t)k >= len)
        return;
    if (size > n && n && (a - start) % n == 0)
        snprintf(b + k, len - (size_t)k, "[%llu]",
                 (unsigned long long)((a - start) / n));
    else if (a != start)
        snprintf(b + k, len - (size_t)k, "+%llu",
                 (unsigned long long)(a - start));
}

const char *px_name_of(wf_engine *e, uintptr_t a, size_t n)
{
    char b[256];
    uintptr_t start, top;
    size_t size;
    uint64_t nth;
    const char *s;
    int32_t tid;
    uintptr_t home;
    if (px_tls_home_of(a, &home, &tid) &&
        (s = px_sym_of(home, &start, &size)) != NULL) {
        /* a thread's copy of a thread-local variable */
        place_in(b, sizeof b,
                 snprintf(b, sizeof b, "%s's %s",
                          (size_t)tid < e->tasks.len && tid
                              ? e->tasks.p[tid]->name
                              : "main",
                          s),
                 home, start, size, n);
    } else if (px_libc_name(a, b, sizeof b)) {
        /* libc's hidden static state (strtok's, localtime's) */
    } else if (px_dwarf_name(a, n, b, sizeof b)) {
        /* as the source names it */
    } else if (px_heap_block(a, &start, &size, &nth)) {
        place_in(b, sizeof b,
                 snprintf(b, sizeof b, "heap#%llu", (unsigned long long)nth),
                 a, start, size, n);
    } else if ((s = px_sym_of(a, &start, &size)) != NULL) {
        place_in(b, sizeof b, snprintf(b, sizeof b, "%s", s), a, start, size,
                 n);
    } else if ((tid = stack_owner(a, &top)) >= 0 && local_name(tid, a, n, b,
                                                             sizeof b)) {
        /* a local, as the source names it */
    } else if (tid >= 0) {
        snprintf(b, sizeof b, "%s's stack[-%llu]",
                 tid ? e->tasks.p[tid]->name : "main",
                 (unsigned long long)(top - a));
    } else {
        snprintf(b, sizeof b, "memory at %#llx", (unsigned long long)a);
    }
    return arena_strdup(&e->mem, b);
}

/* ---- cells -------------------------------------------------------------- */

static px_cell *cell_new(px_task *pt, px_cell **list, uintptr_t word,
                         uint8_t off, uint8_t size)
{
    wf_engine *e = px_engine();
    px_var *v = arena_alloc(&e->mem, sizeof *v);
    px_cell *c = arena_alloc(&px.mem, sizeof *c);
    v->cell = c;
    v->addr = word + off;
    v->range = range_of(word + off, size, false);
    engine_add_obj(e, &v->var.hdr, OBJ_VAR, "", NULL, 0);
    c->var = &v->var;
    c->off = off;
    c->size = size;
    c->visible = px.racy.len && is_racy(&v->range);
    c->last_tid = -1;
    c->first_tid = pt->tid;
    c->stack_tid = v->range.kind == 's' ? v->range.tid : -1;
    {
        uintptr_t home;
        int32_t tid;
        c->tls_tid = px_tls_home_of(word + off, &home, &tid) ? tid : -1;
    }
    c->next = *list;
    *list = c;
    return c;
}

/* A second task touches c: it may take part in a race, so it gets the
 * name reports will use. */
static void name_cell(px_cell *c)
{
    px_var *v = (px_var *)(void *)c->var;
    c->named = true;
    v->var.hdr.name = px_name_of(px_engine(), v->addr, c->size);
}

px_cell *px_cell_at(px_task *pt, uintptr_t a, size_t n)
{
    uintptr_t word = a & ~(uintptr_t)7;
    uint8_t off = (uint8_t)(a & 7);
    px_cell **list = cells_of(word, true);
    px_cell *c;
    uint8_t size = (uint8_t)(n > 8u - off ? 8u - off : n);
    for (c = *list; c; c = c->next)
        if (c->off == off && c->size == size)
            break;
    if (!c)
        c = cell_new(pt, list, word, off, size);
    if (!c->named)
        name_cell(c);
    return c;
}

/* The await check's record of pt's access to c (verifier.c); pt's own
 * stack is its local state, which the check compares anyway. */
static void note(px_task *pt, const px_cell *c, bool write)
{
    const px_var *v = (const px_var *)(const void *)c->var;
    if (v->range.kind == 's' && v->range.tid == pt->tid)
        return;
    if (write)
        px_wrote(pt, c->var->hdr.oid);
    else
        px_read_note(pt, c->var->hdr.oid);
}

/* pt accesses cell c (op kind for a visible one). */
static void touch(px_task *pt, px_cell *c, bool write, uintptr_t pc)
{
    wf_engine *e;
    px_site site;
    /* a racy cell's access is a scheduling point whatever came before:
     * the op is scheduled before the task performs it on memory, so
     * dropping the second of x = 1; x = 2 would hide x == 1 from every
     * other task (and a reread after its own access, another's write in
     * between) */
    if (c->last_tid == pt->tid && c->last_epoch == pt->epoch &&
        (c->last_write || !write) && (!c->visible || pt->atomic_depth)) {
        note(pt, c, write);
        return;
    }
    if (!c->named && c->first_tid != pt->tid)
        name_cell(c);
    c->last_tid = pt->tid;
    c->last_epoch = pt->epoch;
    c->last_write = write;
    if (write && c->atomic)
        px_atomics_dirty(c->atomic);
    if (c->visible && !pt->atomic_depth) {
        px_op(pt, write ? OP_WRITE : OP_READ, c->var, pc);
        px_yield(pt);
        /* noted when done, after the scheduling point: a write noted
         * before it would wake a spinning reader that then reads the old
         * value, runs its iteration again and waits for a write that
         * was already counted */
        note(pt, c, write);
        c->last_tid = pt->tid;
        c->last_epoch = pt->epoch;
        c->last_write = write;
        return;
    }
    note(pt, c, write);
    e = px_engine();
    if (pt->atomic_depth)
        engine_access(e, c->var->hdr.oid, write ? ACC_WRITE : ACC_READ);
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    if (pt->atomic_depth) {
        px_event(pt, write ? EV_WRITE : EV_READ, write ? EVF_WRITE : 0,
                 c->var->hdr.oid, 0, 0, pc);
        return;
    }
    site = px_site_of(pc);
    engine_emit(e, pt->tid, write ? EV_WRITE : EV_READ,
                write ? EVF_WRITE : 0, c->var->hdr.oid, -1, 0, 0, site.file,
                site.line);
}

/* pt's access of bytes that overlap c's without being exactly c's: checked
 * against c's history (EVF_PROBE), not added to it, so that two accesses
 * of disjoint bytes (counts[0] and counts[1] after a memset of both) do
 * not meet in it. */
static void probe(px_task *pt, px_cell *c, bool write, uintptr_t pc)
{
    wf_engine *e = px_engine();
    uint16_t f = (uint16_t)((write ? EVF_WRITE : 0) | EVF_PROBE);
    px_site site;
    if (!c->named && c->first_tid != pt->tid)
        name_cell(c);
    if (write && c->atomic)
        px_atomics_dirty(c->atomic);
    note(pt, c, write);
    if (pt->atomic_depth)
        engine_access(e, c->var->hdr.oid, write ? ACC_WRITE : ACC_READ);
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    if (pt->atomic_depth) {
        px_event(pt, write ? EV_WRITE : EV_READ, f, c->var->hdr.oid, 0, 0,
                 pc);
        return;
    }
    site = px_site_of(pc);
    engine_emit(e, pt->tid, write ? EV_WRITE : EV_READ, f, c->var->hdr.oid,
                -1, 0, 0, site.file, site.line);
}

/* own is a thread-local variable's copy of another task (its address
 * escaped): that task must not have ended, its copy ends with it (glibc
 * keeps the memory for the next thread: natively the read often still
 * sees the value). Ordered by the join, so no race: a use after the
 * thread's exit, as a stack's use after return. */
static void tls_check(px_task *pt, const px_cell *own, bool write,
                      uintptr_t pc)
{
    const wf_task *o = px_engine()->tasks.p[own->tls_tid];
    const px_task *opt = (size_t)own->tls_tid < px.x->tasks.len
                             ? px.x->tasks.p[own->tls_tid]
                             : NULL;
    const px_var *v = (const px_var *)(const void *)own->var;
    if (o->state == TASK_DONE || (opt && opt->exited))
        px_panic(pt, pc,
                 "thread-local-use-after-exit: %s %s %s, the copy of a "
                 "thread that has ended",
                 pt->t->name, write ? "wrote" : "read",
                 px_name_of(px_engine(), v->addr, own->size));
}

/* One access within the word at `word`: bytes [off, off + len). Its own
 * cell is the one of exactly those bytes, which keeps the history; the
 * other cells it overlaps are probed. */
static void word_access(px_task *pt, uintptr_t word, unsigned off,
                        unsigned len, bool write, uintptr_t pc)
{
    px_cell **list = cells_of(word, true);
    px_cell *c, *own = NULL;
    for (c = *list; c && !own; c = c->next)
        if (c->off == off && c->size == len)
            own = c;
    if (!own) {
        uintptr_t start;
        own = cell_new(pt, list, word, (uint8_t)off, (uint8_t)len);
        if (px_in_heap(word) && px_heap_freed(word, &start)) {
            /* the first access to this word since the free: it meets
             * the free through the block's cell */
            px_cell **bl = cells_of(start + 1, false);
            own->freed = true;
            if (bl && *bl)
                probe(pt, *bl, write, pc);
        }
    }
    touch(pt, own, write, pc);
    for (c = *list; c && !pt->gone; c = c->next)
        if (c != own && c->off < off + len && off < (unsigned)c->off + c->size)
            probe(pt, c, write, pc);
    if (WF_UNLIKELY(own->freed) && !pt->gone)
        px_panic(pt, pc, "heap-use-after-free: %s %s %s, in a block free() "
                         "released",
                 pt->t->name, write ? "wrote" : "read",
                 px_name_of(px_engine(), word + off, len));
    if (WF_UNLIKELY(own->stack_tid >= 0 && own->stack_tid != pt->tid) &&
        !own->escaped) {
        own->escaped = true;
        VEC_PUSH(px.escaped, own);
    }
    if (WF_UNLIKELY(own->stack_tid >= 0 && own->stack_tid != pt->tid) &&
        !pt->gone) {
        /* a local of another thread: that thread must still run (its
         * stack, reused by a new thread, would hold new cells) */
        const wf_task *o = px_engine()->tasks.p[own->stack_tid];
        const px_var *v = (const px_var *)(const void *)own->var;
        const px_task *opt = (size_t)own->stack_tid < px.x->tasks.len
                                 ? px.x->tasks.p[own->stack_tid]
                                 : NULL;
        /* named by offset: the stack is gone (or going: its end's
         * scheduling points, the joiners' Done, come after it) */
        if (o->state == TASK_DONE || (opt && opt->exited))
            px_panic(pt, pc,
                     "stack-use-after-return: %s %s %s's stack[-%llu], a "
                     "local of a thread that has ended",
                     pt->t->name, write ? "wrote" : "read", o->name,
                     (unsigned long long)v->range.hi);
    }
    if (WF_UNLIKELY(own->tls_tid >= 0 && own->tls_tid != pt->tid) &&
        !pt->gone)
        tls_check(pt, own, write, pc);
}

/* pt, watched by the spin check, touched the word at w: its value is part
 * of the state the check compares. */
static void note_touched(px_task *pt, uintptr_t w)
{
    for (int i = 0; i < pt->ntouched; i++)
        if (pt->touched[i] == w)
            return;
    if (pt->ntouched < sizeof pt->touched / sizeof pt->touched[0])
        pt->touched[pt->ntouched++] = w;
    else
        pt->touched_over = true;
}

void px_access(px_task *pt, uintptr_t a, size_t n, bool write, uintptr_t pc)
{
    if (a >= px.tls_lo && a < px.tls_hi)
        return;
    if (WF_UNLIKELY(pt->watch_pc)) {
        if (!pt->ntouched && !pt->touched_over) {
            pt->spin_addr = a; /* the spin check names it */
            pt->spin_len = n;
        }
        for (uintptr_t w = a & ~(uintptr_t)7; w < a + n; w += 8)
            note_touched(pt, w);
    }
    while (n) {
        uintptr_t word = a & ~(uintptr_t)7;
        unsigned off = (unsigned)(a & 7);
        unsigned len = n < 8u - off ? (unsigned)n : 8u - off;
        word_access(pt, word, off, len, write, pc);
        a += len;
        n -= len;
        if (pt->gone)
            return;
    }
}

void px_stack_end(px_task *pt)
{
    for (size_t i = 0; i < px.escaped.len && !pt->gone; i++)
        if (px.escaped.p[i]->stack_tid == pt->tid)
            touch(pt, px.escaped.p[i], true, 0);
}

/* free: a write of every word of [a, a + n) some access touched (a word
 * nobody touched cannot race with it), as TSan counts a free; the history
 * stays, so an unordered access after the free races with it too, until
 * the memory is handed out again (px_forget). */
void px_access_free(px_task *pt, uintptr_t a, size_t n, uintptr_t pc)
{
    uintptr_t w = a & ~(uintptr_t)7, end = a + n;
    px_exec *x = px.x;
    px_cell **bl;
    if (!x)
        return;
    for (; w < end && !pt->gone; w += 8) {
        px_cell **list = cells_of(w, false);
        for (px_cell *c = list ? *list : NULL; c && !pt->gone; c = c->next) {
            touch(pt, c, true, pc);
            c->freed = true;
        }
    }
    /* the block's own cell (key a + 1, no word's): the free's write for
     * the words nobody touched yet, which a first access after it meets
     * (word_access) */
    bl = cells_of(a + 1, true);
    if (!*bl)
        cell_new(pt, bl, a, 0, 8);
    if (!pt->gone)
        touch(pt, *bl, true, pc);
}

void px_forget(uintptr_t a, size_t n)
{
    uintptr_t w = a & ~(uintptr_t)7, end = a + n;
    px_exec *x = px.x;
    if (!x || !x->ncells)
        return;
    if (n / 8 > x->cell_cap) { /* a large range (a stack): by the table */
        for (size_t i = 0; i < x->cell_cap; i++)
            if (x->cell_keys[i] >= w && x->cell_keys[i] < end)
                x->cell_vals[i] = NULL;
        return;
    }
    for (; w < end; w += 8) {
        px_cell **list = cells_of(w, false);
        if (list)
            *list = NULL; /* new cells, new variables: a fresh history */
    }
    {
        px_cell **bl = cells_of(a + 1, false); /* a freed block's own */
        if (bl)
            *bl = NULL;
    }
}

/* ---- the hooks ------------------------------------------------------------ */

#define RA ((uintptr_t)__builtin_return_address(0))

static inline void hook(void *a, size_t n, bool write, uintptr_t pc)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    px_access(pt, (uintptr_t)a, n, write, pc);
    px_leave(pt);
}

#define ACCESS_HOOKS(N)                                                       \
    PX_API void __tsan_read##N(void *a)                                       \
    {                                                                         \
        hook(a, N, false, RA);                                                \
    }                                                                         \
    PX_API void __tsan_write##N(void *a)                                      \
    {                                                                         \
        hook(a, N, true, RA);                                                 \
    }                                                                         \
    PX_API void __tsan_unaligned_read##N(void *a)                             \
    {                                                                         \
        hook(a, N, false, RA);                                                \
    }                                                                         \
    PX_API void __tsan_unaligned_write##N(void *a)                            \
    {                                                                         \
        hook(a, N, true, RA);                                                 \
    }                                                                         \
    PX_API void __tsan_volatile_read##N(void *a)                              \
    {                                                                         \
        hook(a, N, false, RA);                                                \
    }                                                                         \
    PX_API void __tsan_volatile_write##N(void *a)                             \
    {                                                                         \
        hook(a, N, true, RA);                                                 \
    }                                                                         \
    PX_API void __tsan_unaligned_volatile_read##N(void *a)                    \
    {                                                                         \
        hook(a, N, false, RA);                                                \
    }                                                                         \
    PX_API void __tsan_unaligned_volatile_write##N(void *a)                   \
    {                                                                         \
        hook(a, N, true, RA);                                                 \
    }                                                                         \
    PX_API void __tsan_read##N##_pc(void *a, void *pc)                        \
    {                                                                         \
        hook(a, N, false, (uintptr_t)pc);                                     \
    }                                                                         \
    PX_API void __tsan_write##N##_pc(void *a, void *pc)                       \
    {                                                                         \
        hook(a, N, true, (uintptr_t)pc);                                      \
    }

ACCESS_HOOKS(1)
ACCESS_HOOKS(2)
ACCESS_HOOKS(4)
ACCESS_HOOKS(8)
ACCESS_HOOKS(16)

PX_API void __tsan_read_range(void *a, unsigned long n)
{
    hook(a, n, false, RA);
}

PX_API void __tsan_write_range(void *a, unsigned long n)
{
    hook(a, n, true, RA);
}

PX_API void __tsan_vptr_read(void **p)
{
    hook(p, sizeof *p, false, RA);
}

PX_API void __tsan_vptr_update(void **p, void *v)
{
    if (*p != v)
        hook(p, sizeof *p, true, RA);
}

/* libc's own memcpy, memmove, memset (its checked entry points: calling
 * memcpy here would call this file's). */
void *__memcpy_chk(void *d, const void *s, size_t n, size_t dn);
void *__memmove_chk(void *d, const void *s, size_t n, size_t dn);
void *__memset_chk(void *d, int c, size_t n, size_t dn);

static inline void range2(void *d, const void *s, size_t n, uintptr_t pc)
{
    px_task *pt = px_enter();
    if (!pt)
        return;
    px_access(pt, (uintptr_t)s, n, false, pc);
    if (!pt->gone)
        px_access(pt, (uintptr_t)d, n, true, pc);
    px_leave(pt);
}

PX_API void *memcpy(void *d, const void *s, size_t n)
{
    if (WF_UNLIKELY(px.active) && n)
        range2(d, s, n, RA);
    return __memcpy_chk(d, s, n, px_nobound());
}

PX_API void *memmove(void *d, const void *s, size_t n)
{
    if (WF_UNLIKELY(px.active) && n)
        range2(d, s, n, RA);
    return __memmove_chk(d, s, n, px_nobound());
}

PX_API void *memset(void *d, int c, size_t n)
{
    if (WF_UNLIKELY(px.active) && n)
        hook(d, n, true, RA);
    return __memset_chk(d, c, n, px_nobound());
}

PX_API void *__tsan_memcpy(void *d, const void *s, size_t n)
{
    if (n)
        range2(d, s, n, RA);
    return __memcpy_chk(d, s, n, px_nobound());
}

PX_API void *__tsan_memmove(void *d, const void *s, size_t n)
{
    if (n)
        range2(d, s, n, RA);
    return __memmove_chk(d, s, n, px_nobound());
}

PX_API void *__tsan_memset(void *d, int c, size_t n)
{
    if (n)
        hook(d, n, true, RA);
    return __memset_chk(d, c, n, px_nobound());
}

/* ---- the racy set ---------------------------------------------------------- */

static int range_cmp(const void *a, const void *b)
{
    const px_range *x = a, *y = b;
    if (x->kind != y->kind)
        return x->kind < y->kind ? -1 : 1;
    if (x->tid != y->tid)
        return x->tid < y->tid ? -1 : 1;
    if (x->lo != y->lo)
        return x->lo < y->lo ? -1 : 1;
    return x->hi < y->hi ? -1 : x->hi > y->hi;
}

static bool covered(const px_range *r, const px_range *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i].kind == r->kind && v[i].tid == r->tid && r->lo >= v[i].lo &&
            r->hi <= v[i].hi)
            return true;
    return false;
}

static bool racy_add(const px_range *r)
{
    if (covered(r, px.racy.p, px.racy.len) ||
        covered(r, px.racy_new.p, px.racy_new.len))
        return false;
    VEC_PUSH(px.racy_new, *r);
    return true;
}

static void racy_text(void)
{
    buf_reset(&px.extra);
    for (size_t i = 0; i < px.racy.len; i++) {
        const px_range *q = &px.racy.p[i];
        if (i)
            buf_putc(&px.extra, ',');
        buf_putc(&px.extra, q->kind);
        if (q->kind == 's')
            buf_printf(&px.extra, "%d:", (int)q->tid);
        buf_printf(&px.extra, "%llx+%llx", (unsigned long long)q->lo,
                   (unsigned long long)(q->hi - q->lo));
    }
}

void px_racy_apply(void)
{
    if (!px.racy_new.len)
        return;
    for (size_t i = 0; i < px.racy_new.len; i++)
        VEC_PUSH(px.racy, px.racy_new.p[i]);
    px.racy_new.len = 0;
    qsort(px.racy.p, px.racy.len, sizeof *px.racy.p, range_cmp);
    racy_text();
}

/* The object id in a race finding's JSON ("objects": [{"oid": N, ...). */
static int32_t race_oid(const finding *f)
{
    const char *p = f->json ? strstr(f->json, "\"objects\": [{\"oid\": ")
                            : NULL;
    if (!p)
        return -1;
    return (int32_t)strtol(p + 20, NULL, 10);
}

bool px_racy_update(wf_engine *e)
{
    bool grew = false;
    for (size_t i = 0; i < e->findings.len; i++) {
        const finding *f = &e->findings.p[i];
        int32_t oid;
        const px_var *v;
        px_range r;
        if (f->kind != WF_RACE)
            continue;
        oid = race_oid(f);
        if (oid < 0 || (size_t)oid >= e->objs.len ||
            e->objs.p[oid]->kind != OBJ_VAR)
            continue;
        v = (const px_var *)(const void *)e->objs.p[oid];
        r = v->range;
        if (r.kind != 's') { /* a global's symbol, a heap block: all of it */
            px_range w = range_of(v->addr, v->cell->size, true);
            if (w.kind == r.kind)
                r = w;
        }
        grew |= racy_add(&r);
    }
    return grew;
}

const char *px_racy_text(void)
{
    return px.extra.p ? px.extra.p : "";
}

void px_racy_parse(const char *s)
{
    px.racy.len = 0;
    px.racy_new.len = 0;
    buf_reset(&px.extra);
    buf_puts(&px.extra, s ? s : "");
    while (s && *s) {
        px_range r;
        char *end;
        memset(&r, 0, sizeof r);
        r.kind = *s++;
        if (r.kind != 'g' && r.kind != 'h' && r.kind != 's')
            break;
        if (r.kind == 's') {
            r.tid = (int32_t)strtol(s, &end, 10);
            if (*end != ':')
                break;
            s = end + 1;
        }
        r.lo = strtoull(s, &end, 16);
        if (*end != '+')
            break;
        r.hi = r.lo + strtoull(end + 1, &end, 16);
        VEC_PUSH(px.racy, r);
        s = end;
        if (*s == ',')
            s++;
    }
    if (px.racy.len)
        qsort(px.racy.p, px.racy.len, sizeof *px.racy.p, range_cmp);
}

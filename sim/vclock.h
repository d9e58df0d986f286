/* vclock.h: the race checker's vector clocks, with its epochs (FastTrack,
 * Flanagan and Freund, PLDI 2009): sparse, (tid, time) pairs sorted by
 * tid, so a clock holds only the tasks its task synchronized with (a
 * spawn, a channel, a lock...), not every tid below its own (100,000
 * goroutines spawned by main and blocked on one channel made dense clocks
 * cost tasks^2: 4.2 GB). The reduction's are dclock.h's (sparse too, the
 * ended tasks every live task joined retired).
 * Owns: nothing; a vclock's entries live in blocks of 4 << k entries
 * from a vc_mem: its arena (the race checker's, per execution) and free
 * lists by size, to which growing a clock returns the outgrown block and
 * vc_release a clock that is no longer needed (an exited task's), so
 * memory follows the clocks alive, not every size they ever had. A NULL
 * vc_mem is the heap: blocks from wf_xmalloc, freed when outgrown or
 * released.
 * Invariants: 1. e[0, n) ascending by tid, each tid once; a tid not
 *   stored reads 0.  2. n <= cap.
 * Costs: vc_get and epoch tests are O(log n); join and leq are
 *   O(m log n) for a src of m entries; copy is O(m). */
#ifndef WF_VCLOCK_H
#define WF_VCLOCK_H

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef uint32_t vc_time;

typedef struct vc_ent {
    int32_t tid;
    vc_time t;
} vc_ent;
_Static_assert(offsetof(vc_ent, tid) == 0, "key_lower_bound's key");

typedef struct vclock {
    vc_ent *e;
    uint32_t n, cap;
} vclock;

/* One task's time: (tid, clock). tid < 0 is "no access yet", before
 * everything. */
typedef struct epoch {
    int32_t tid;
    vc_time clock;
} epoch;

static inline epoch epoch_none(void)
{
    epoch e = {-1, 0};
    return e;
}

/* Where tid's entry is or would go in v, searching from entry from on. */
static inline uint32_t vc_at(const vclock *v, uint32_t from, int32_t tid)
{
    return from + key_lower_bound(v->e + from, v->n - from, sizeof *v->e, tid);
}

static inline vc_time vc_get(const vclock *v, int32_t tid)
{
    uint32_t i = vc_at(v, 0, tid);
    return i < v->n && v->e[i].tid == tid ? v->e[i].t : 0;
}

#define VC_CLASSES 28

/* Where clock blocks come from; reset with the arena. */
typedef struct vc_mem {
    arena *a;
    vc_ent *free[VC_CLASSES]; /* free blocks of 4 << k entries, linked
                               * through their first bytes */
} vc_mem;

static inline void vc_mem_init(vc_mem *m, arena *a)
{
    memset(m, 0, sizeof *m);
    m->a = a;
}

static inline int vc_class(uint32_t cap)
{
    int k = 0;
    while ((4u << k) < cap)
        k++;
    return k;
}

static inline void vc_give(vc_mem *m, vc_ent *c, uint32_t cap)
{
    int k = vc_class(cap);
    if (!m) {
        free(c);
        return;
    }
    {
        void *next = m->free[k]; /* the link, in the block's first bytes */
        memcpy(c, &next, sizeof next);
    }
    m->free[k] = c;
}

/* Make room for n entries; entries [0, v->n) are kept. */
static inline void vc_reserve(vc_mem *m, vclock *v, uint32_t n)
{
    if (n > v->cap) {
        int k = vc_class(n);
        uint32_t cap = 4u << k;
        vc_ent *c = m ? m->free[k] : NULL;
        if (c) {
            void *next;
            memcpy(&next, c, sizeof next);
            m->free[k] = next;
        } else if (m)
            c = arena_alloc(m->a, (size_t)cap * sizeof *c);
        else
            c = wf_xmalloc((size_t)cap * sizeof *c);
        if (v->n) memcpy(c, v->e, (size_t)v->n * sizeof *c);
        if (v->cap) vc_give(m, v->e, v->cap);
        v->e = c;
        v->cap = cap;
    }
}

/* v is not needed any more: its block goes back to m. */
static inline void vc_release(vc_mem *m, vclock *v)
{
    if (v->cap) vc_give(m, v->e, v->cap);
    v->e = NULL;
    v->n = v->cap = 0;
}

static inline void vc_set(vc_mem *a, vclock *v, int32_t tid, vc_time t)
{
    uint32_t i = vc_at(v, 0, tid);
    if (i == v->n || v->e[i].tid != tid) {
        vc_reserve(a, v, v->n + 1);
        memmove(v->e + i + 1, v->e + i, (size_t)(v->n - i) * sizeof *v->e);
        v->n++;
        v->e[i].tid = tid;
    }
    v->e[i].t = t;
}

/* dst = max(dst, src), entrywise: the maxes of the tids both store in
 * place, then src's other tids merged in from the back. */
static inline void vc_join(vc_mem *a, vclock *dst, const vclock *src)
{
    uint32_t i = 0, add = 0, j, k;
    for (j = 0; j < src->n; j++) {
        i = vc_at(dst, i, src->e[j].tid);
        if (i < dst->n && dst->e[i].tid == src->e[j].tid) {
            if (src->e[j].t > dst->e[i].t) dst->e[i].t = src->e[j].t;
        } else {
            add++;
        }
    }
    if (!add) return;
    vc_reserve(a, dst, dst->n + add);
    i = dst->n;
    j = src->n;
    k = dst->n + add;
    while (j > 0) {
        if (i > 0 && dst->e[i - 1].tid >= src->e[j - 1].tid) {
            if (dst->e[i - 1].tid == src->e[j - 1].tid) j--; /* maxed */
            dst->e[--k] = dst->e[--i];
        } else {
            dst->e[--k] = src->e[--j];
        }
    }
    dst->n += add;
}

/* dst = src. */
static inline void vc_copy(vc_mem *a, vclock *dst, const vclock *src)
{
    vc_reserve(a, dst, src->n);
    if (src->n) memcpy(dst->e, src->e, (size_t)src->n * sizeof *dst->e);
    dst->n = src->n;
}

/* Is a <= b, entrywise? */
static inline bool vc_leq(const vclock *a, const vclock *b)
{
    uint32_t i = 0;
    for (uint32_t j = 0; j < a->n; j++) {
        if (!a->e[j].t) continue;
        i = vc_at(b, i, a->e[j].tid);
        if (i == b->n || b->e[i].tid != a->e[j].tid || a->e[j].t > b->e[i].t)
            return false;
    }
    return true;
}

/* Does e happen before (or at) the time v? */
static inline bool epoch_leq(epoch e, const vclock *v)
{
    return e.tid < 0 || e.clock <= vc_get(v, e.tid);
}

static inline bool epoch_eq(epoch a, epoch b)
{
    return a.tid == b.tid && a.clock == b.clock;
}

#endif

/* vclock.h: dense vector clocks: the race checker's, with its epochs
 * (FastTrack, Flanagan and Freund, PLDI 2009). The reduction's are
 * dclock.h's (sparse, the ended tasks every live task joined retired).
 * Owns: nothing; a vclock's entries live in blocks of 8 << k entries
 * from a vc_mem: its arena (the race checker's, per execution) and free
 * lists by size, to which growing a clock returns the outgrown block and
 * vc_release a clock that is no longer needed (an exited task's), so
 * memory follows the clocks alive, not every size they ever had. A NULL
 * vc_mem is the heap, for clocks that outlive an execution (the
 * reduction's nodes): blocks from wf_xmalloc, freed when outgrown or
 * released.
 * Invariants: 1. c[i] for i < n, entries from n on are 0 (a clock only
 *   stores the prefix of tids it has seen, so a task spawned late costs
 *   nothing to older clocks).  2. n <= cap.
 * Costs: vc_get and epoch tests are O(1); join and copy are O(src->n). */
#ifndef WF_VCLOCK_H
#define WF_VCLOCK_H

#include <stdlib.h>
#include <string.h>

#include "util.h"

typedef uint32_t vc_time;

typedef struct vclock {
    vc_time *c;
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

static inline vc_time vc_get(const vclock *v, int32_t tid)
{
    return (uint32_t)tid < v->n ? v->c[tid] : 0;
}

#define VC_CLASSES 28

/* Where clock blocks come from; reset with the arena. */
typedef struct vc_mem {
    arena *a;
    vc_time *free[VC_CLASSES]; /* free blocks of 8 << k entries, linked
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
    while ((8u << k) < cap)
        k++;
    return k;
}

static inline void vc_give(vc_mem *m, vc_time *c, uint32_t cap)
{
    int k = vc_class(cap);
    if (!m) {
        free(c);
        return;
    }
    memcpy(c, &m->free[k], sizeof m->free[k]);
    m->free[k] = c;
}

/* Make room for entries [0, n). Entries from v->n on are undefined until
 * set (recycled blocks are not cleared). */
static inline void vc_reserve(vc_mem *m, vclock *v, uint32_t n)
{
    if (n > v->cap) {
        int k = vc_class(n);
        uint32_t cap = 8u << k;
        vc_time *c = m ? m->free[k] : NULL;
        if (c)
            memcpy(&m->free[k], c, sizeof m->free[k]);
        else if (m)
            c = arena_alloc(m->a, (size_t)cap * sizeof *c);
        else
            c = wf_xmalloc((size_t)cap * sizeof *c);
        if (v->n) memcpy(c, v->c, (size_t)v->n * sizeof *c);
        if (v->cap) vc_give(m, v->c, v->cap);
        v->c = c;
        v->cap = cap;
    }
}

/* v is not needed any more: its block goes back to m. */
static inline void vc_release(vc_mem *m, vclock *v)
{
    if (v->cap) vc_give(m, v->c, v->cap);
    v->c = NULL;
    v->n = v->cap = 0;
}

static inline void vc_set(vc_mem *a, vclock *v, int32_t tid, vc_time t)
{
    uint32_t i = (uint32_t)tid;
    if (i >= v->n) {
        vc_reserve(a, v, i + 1);
        memset(v->c + v->n, 0, (size_t)(i + 1 - v->n) * sizeof *v->c);
        v->n = i + 1;
    }
    v->c[i] = t;
}

/* dst = max(dst, src), entrywise. */
static inline void vc_join(vc_mem *a, vclock *dst, const vclock *src)
{
    uint32_t i, m;
    if (src->n > dst->n) {
        vc_reserve(a, dst, src->n);
        memset(dst->c + dst->n, 0, (size_t)(src->n - dst->n) * sizeof *dst->c);
        dst->n = src->n;
    }
    m = src->n;
    for (i = 0; i < m; i++)
        if (src->c[i] > dst->c[i]) dst->c[i] = src->c[i];
}

/* dst = src. */
static inline void vc_copy(vc_mem *a, vclock *dst, const vclock *src)
{
    vc_reserve(a, dst, src->n);
    if (src->n) memcpy(dst->c, src->c, (size_t)src->n * sizeof *dst->c);
    dst->n = src->n;
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

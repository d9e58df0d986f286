/* vclock.h: vector clocks and epochs for the race checker (FastTrack,
 * Flanagan and Freund, PLDI 2009).
 * Owns: nothing; a vclock's entries live in the arena its functions are
 * given (the race checker's per-execution arena), so growing one abandons
 * the old block until the arena is reset.
 * Invariants: 1. c[i] for i < n, entries from n on are 0 (a clock only
 *   stores the prefix of tids it has seen, so a task spawned late costs
 *   nothing to older clocks).  2. n <= cap.
 * Costs: vc_get and epoch tests are O(1); join and copy are O(src->n). */
#ifndef WF_VCLOCK_H
#define WF_VCLOCK_H

#include <string.h>

#include "sim/util.h"

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

/* Make room for entries [0, n). */
static inline void vc_reserve(arena *a, vclock *v, uint32_t n)
{
    if (n > v->cap) {
        uint32_t cap = v->cap ? v->cap * 2 : 8;
        vc_time *c;
        while (cap < n)
            cap *= 2;
        c = arena_alloc(a, (size_t)cap * sizeof *c);
        if (v->n) memcpy(c, v->c, (size_t)v->n * sizeof *c);
        v->c = c;
        v->cap = cap;
    }
}

static inline void vc_set(arena *a, vclock *v, int32_t tid, vc_time t)
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
static inline void vc_join(arena *a, vclock *dst, const vclock *src)
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
static inline void vc_copy(arena *a, vclock *dst, const vclock *src)
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

/* dclock.h: the reduction's vector clocks (dpor.c): sparse, with the
 * clocks of retired tasks folded away, so a clock costs the tasks still
 * in play, not every task the execution ever had (grpc#862: thousands of
 * short-lived goroutines, each joined by main; a dense clock per DPOR node
 * made the memory nodes x tasks, 3.75 GB for 8,000 goroutines).
 *
 * A task is retired (dclock_retire) once it has ended and every live
 * task's clock holds its last event: every event from then on is ordered
 * after all of it, so its entry in every later clock is its final count
 * (Go's join: a goroutine waited for). Retirements come in generations;
 * a clock carries the generation it was made in, and an entry it does not
 * store reads as the task's final count if the task retired before that
 * generation, else 0. A clock therefore stores only the tasks not retired
 * when it was last written, which is what the DPOR nodes keep.
 *
 * Owns: the clocks' entries (heap: they outlive an execution, the nodes'
 * capacity is reused) and the registry's per-tid records.
 * Invariants: 1. a clock's entries are sorted by tid, each tid once.
 *   2. an entry stored for a task retired before the clock's generation
 *   holds its final count (joins drop such entries).  3. reg->ents is the
 *   number of entries allocated in the clocks of reg.
 * Costs: get O(log n), O(1) in a dense clock; set O(n) (an insertion);
 * join O(n + m), in place when dst stores src's tids; copy O(m). */
#ifndef WF_DCLOCK_H
#define WF_DCLOCK_H

#include <stdlib.h>

#include "util.h"

typedef struct dclock_ent {
    int32_t tid;
    uint32_t t;
} dclock_ent;

_Static_assert(offsetof(dclock_ent, tid) == 0, "key_lower_bound's key");

typedef struct dclock {
    dclock_ent *e;
    uint32_t n, cap;
    uint32_t gen; /* retirements before it was written */
} dclock;

/* Per tid: the generation it retired in (UINT32_MAX: not retired) and
 * its final count then. */
typedef struct dclock_ret {
    uint32_t gen, fin;
} dclock_ret;

typedef struct dclock_reg {
    VEC(dclock_ret) ret;
    uint32_t gen;        /* the current generation */
    uint64_t ents;       /* entries allocated in all clocks of the reg */
    VEC(dclock_ent) tmp; /* scratch of joins */
} dclock_reg;

void dclock_reg_free(dclock_reg *g);
/* A new execution: nothing retired (the clocks are emptied apart). */
void dclock_reg_reset(dclock_reg *g);

/* Retire tid (ended, its final count fin, ordered before every live
 * task's clock) in the generation being built; dclock_next_gen closes it. */
void dclock_retire(dclock_reg *g, int32_t tid, uint32_t fin);
void dclock_next_gen(dclock_reg *g);
static inline bool dclock_retired(const dclock_reg *g, int32_t tid,
                                  uint32_t gen)
{
    return (size_t)tid < g->ret.len && g->ret.p[tid].gen < gen;
}

/* Where tid's entry is or would go in c: the first entry not below it.
 * The tids stored being distinct, sorted and not negative, entry k holds
 * a tid >= k: a clock storing every tid up to tid (the dense clocks of
 * tasks that all met, none retired) holds it at index tid, no search. */
static inline uint32_t dclock_at(const dclock *c, int32_t tid)
{
    if ((uint32_t)tid < c->n && c->e[tid].tid == tid)
        return (uint32_t)tid;
    return key_lower_bound(c->e, c->n, sizeof *c->e, tid);
}

static inline uint32_t dclock_get(const dclock_reg *g, const dclock *c,
                                  int32_t tid)
{
    uint32_t lo = dclock_at(c, tid);
    if (lo < c->n && c->e[lo].tid == tid)
        return c->e[lo].t;
    return dclock_retired(g, tid, c->gen) ? g->ret.p[tid].fin : 0;
}

/* Empty (the zero clock), capacity kept. */
static inline void dclock_clear(dclock *c)
{
    c->n = 0;
    c->gen = 0;
}

void dclock_release(dclock_reg *g, dclock *c);
void dclock_set(dclock_reg *g, dclock *c, int32_t tid, uint32_t t);
/* dst = max(dst, src), entrywise (of the values they read as). */
void dclock_join(dclock_reg *g, dclock *dst, const dclock *src);
/* dst = src. */
void dclock_copy(dclock_reg *g, dclock *dst, const dclock *src);
/* Drop the entries c's generation implies (a clock whose generation was
 * just raised). */
void dclock_compact(const dclock_reg *g, dclock *c);

#endif

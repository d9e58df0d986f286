/* dclock.c: sparse vector clocks with retired tasks folded away
 * (dclock.h). */
#include "dclock.h"

#include <string.h>

void dclock_reg_free(dclock_reg *g)
{
    VEC_FREE(g->ret);
    VEC_FREE(g->tmp);
}

void dclock_reg_reset(dclock_reg *g)
{
    for (size_t i = 0; i < g->ret.len; i++)
        g->ret.p[i].gen = UINT32_MAX;
    g->gen = 0;
}

void dclock_retire(dclock_reg *g, int32_t tid, uint32_t fin)
{
    dclock_ret none = {UINT32_MAX, 0};
    while (g->ret.len <= (size_t)tid)
        VEC_PUSH(g->ret, none);
    g->ret.p[tid].gen = g->gen;
    g->ret.p[tid].fin = fin;
}

void dclock_next_gen(dclock_reg *g)
{
    g->gen++;
}

static void reserve(dclock_reg *g, dclock *c, uint32_t n)
{
    uint32_t cap;
    if (n <= c->cap)
        return;
    cap = c->cap ? c->cap : 4;
    while (cap < n)
        cap *= 2;
    c->e = wf_xrealloc(c->e, (size_t)cap * sizeof *c->e);
    g->ents += cap - c->cap;
    c->cap = cap;
}

void dclock_release(dclock_reg *g, dclock *c)
{
    g->ents -= c->cap;
    free(c->e);
    c->e = NULL;
    c->n = c->cap = c->gen = 0;
}

void dclock_set(dclock_reg *g, dclock *c, int32_t tid, uint32_t t)
{
    uint32_t lo = dclock_at(c, tid);
    if (lo < c->n && c->e[lo].tid == tid) {
        c->e[lo].t = t;
        return;
    }
    reserve(g, c, c->n + 1);
    memmove(c->e + lo + 1, c->e + lo, (size_t)(c->n - lo) * sizeof *c->e);
    c->e[lo].tid = tid;
    c->e[lo].t = t;
    c->n++;
}

/* c's entry for tid, or NULL. */
static dclock_ent *find(const dclock *c, int32_t tid)
{
    uint32_t lo = dclock_at(c, tid);
    return lo < c->n && c->e[lo].tid == tid ? &c->e[lo] : NULL;
}

/* The value a clock of generation gen that does not store tid reads. */
static inline uint32_t implied(const dclock_reg *g, int32_t tid, uint32_t gen)
{
    return dclock_retired(g, tid, gen) ? g->ret.p[tid].fin : 0;
}

/* The in-place join of src into dst of a generation not below src's:
 * false at the first tid of src dst neither stores nor implies. Two
 * clocks of one layout (the tasks' clocks when every task has met every
 * other: dense, 110 goroutines) in one pass; a small src against a large
 * dst (an object's clock into a task's) a search per entry, O(m log n);
 * else a walk of both, O(n + m). */
static bool in_place(const dclock_reg *g, dclock *dst, const dclock *src)
{
    uint32_t j = 0, i = 0, m = src->n, n = dst->n;
    if (m == n && src->gen == dst->gen) {
        dclock_ent *y = dst->e;
        const dclock_ent *x = src->e;
        for (; j < m && x[j].tid == y[j].tid; j++)
            if (x[j].t > y[j].t)
                y[j].t = x[j].t;
        if (j == m)
            return true;
        /* the layouts part at j: the entries before it are joined */
    }
    if ((uint64_t)m * 16 < n) {
        for (; j < m; j++) {
            const dclock_ent *x = &src->e[j];
            dclock_ent *y;
            if (dclock_retired(g, x->tid, dst->gen))
                continue;
            y = find(dst, x->tid);
            if (!y)
                return false;
            if (x->t > y->t)
                y->t = x->t;
        }
        return true;
    }
    if (j)
        i = dclock_at(dst, src->e[j].tid);
    for (; j < m; j++) {
        const dclock_ent *x = &src->e[j];
        while (i < n && dst->e[i].tid < x->tid)
            i++;
        if (i < n && dst->e[i].tid == x->tid) {
            if (x->t > dst->e[i].t)
                dst->e[i].t = x->t;
            i++;
        } else if (!dclock_retired(g, x->tid, dst->gen)) {
            return false;
        }
    }
    return true;
}

void dclock_join(dclock_reg *g, dclock *dst, const dclock *src)
{
    uint32_t gen = dst->gen > src->gen ? dst->gen : src->gen;
    uint32_t i = 0, j = 0;
    if (src->gen <= dst->gen) {
        /* dst keeps its generation: in place when it stores every tid
         * of src that it does not imply (the maxes taken before a tid
         * to insert stand: then the merge below) */
        if (in_place(g, dst, src))
            return;
        j = 0;
    }
    g->tmp.len = 0;
    VEC_RESERVE(g->tmp, (size_t)dst->n + src->n);
    while (i < dst->n || j < src->n) {
        dclock_ent x;
        if (j == src->n || (i < dst->n && dst->e[i].tid < src->e[j].tid)) {
            x = dst->e[i++];
            uint32_t o = implied(g, x.tid, src->gen);
            if (o > x.t) x.t = o;
        } else if (i == dst->n || src->e[j].tid < dst->e[i].tid) {
            x = src->e[j++];
            uint32_t o = implied(g, x.tid, dst->gen);
            if (o > x.t) x.t = o;
        } else {
            x = dst->e[i++];
            if (src->e[j].t > x.t) x.t = src->e[j].t;
            j++;
        }
        if (!dclock_retired(g, x.tid, gen))
            g->tmp.p[g->tmp.len++] = x;
    }
    reserve(g, dst, (uint32_t)g->tmp.len);
    if (g->tmp.len)
        memcpy(dst->e, g->tmp.p, g->tmp.len * sizeof *dst->e);
    dst->n = (uint32_t)g->tmp.len;
    dst->gen = gen;
}

void dclock_copy(dclock_reg *g, dclock *dst, const dclock *src)
{
    reserve(g, dst, src->n);
    if (src->n)
        memcpy(dst->e, src->e, (size_t)src->n * sizeof *dst->e);
    dst->n = src->n;
    dst->gen = src->gen;
}

void dclock_compact(const dclock_reg *g, dclock *c)
{
    uint32_t k = 0;
    for (uint32_t i = 0; i < c->n; i++)
        if (!dclock_retired(g, c->e[i].tid, c->gen))
            c->e[k++] = c->e[i];
    c->n = k;
}

/* map.c: Go maps: entries in insertion order (never moved, so iterators
 * stay valid while the map changes) and an open-addressing index on the
 * keys' hashes. Deleted entries stay as dead slots.
 * A key not equal to itself (a NaN, or an array or struct holding one)
 * is never found again: each insert adds an entry (Go spec, "Map types"),
 * which goes to an index slot chosen by its entry number, not its hash
 * (Go hashes NaN at random for the same reason: n NaNs under one hash
 * make n inserts quadratic; Go's test/maplinear.go). The index's layout
 * is never seen: ranges go in insertion order.
 * Iteration order (Go randomizes it): a range starts at an entry chosen by
 * the execution's program random stream (engine_rand), then goes on in
 * insertion order, wrapping around; entries added during the range are
 * not produced (Go allows either). The stream is seeded per execution, so
 * a replay sees the same order. */
#include <math.h>
#include <string.h>

#include "sim/lang/vm_int.h"

vm_map *map_new(vm_exec *x, uint32_t type, uint32_t hint)
{
    vm_map *m = arena_alloc(&x->e->mem, sizeof *m);
    m->h.okind = OK_MAP;
    m->h.type = type;
    m->type = type;
    (void)hint;
    return m;
}

static void grow_entries(vm_exec *x, vm_map *m)
{
    uint32_t ncap = m->cap ? m->cap * 2 : 8;
    vm_value *k = arena_alloc(&x->e->mem, ncap * sizeof *k);
    vm_value *v = arena_alloc(&x->e->mem, ncap * sizeof *v);
    uint8_t *l = arena_alloc(&x->e->mem, ncap);
    if (m->nent) {
        memcpy(k, m->keys, m->nent * sizeof *k);
        memcpy(v, m->vals, m->nent * sizeof *v);
        memcpy(l, m->live, m->nent);
    }
    m->keys = k;
    m->vals = v;
    m->live = l;
    m->cap = ncap;
}

/* Whether key k equals itself: not a NaN, nor an array or struct (a
 * complex number too) holding one. */
static bool key_reflexive(vm_exec *x, vm_value k)
{
    switch (VM_KIND(k.t)) {
    case K_FLOAT64:
    case K_FLOAT32:
        return !isnan(k.v.f);
    case K_ARRAY:
    case K_STRUCT:
        return vm_equal(x->prog, k, k);
    default:
        return true;
    }
}

/* The first free index slot from hash h on (the index has one). */
static uint32_t free_slot(vm_map *m, uint64_t h)
{
    uint32_t i = (uint32_t)h & (m->icap - 1);
    while (m->index[i] >= 0) {
        i = (i + 1) & (m->icap - 1);
        m->work++;
    }
    return i;
}

/* Entry e's index slot: by its key's hash, or by its number for a key
 * never found (key_reflexive). */
static uint64_t entry_hash(vm_exec *x, const vm_map *m, uint32_t e)
{
    if (!key_reflexive(x, m->keys[e]))
        return hash_u64(HASH_INIT, e);
    return vm_hash(x, m->keys[e]);
}

/* A new index without deleted slots, twice the live entries and one, or
 * four times when deletions filled the old one (as many inserts again
 * before the next: a map that keeps deleting and inserting pays O(1) an
 * insert); built from the old index, O(its size), not of every entry
 * ever made. */
static void reindex(vm_exec *x, vm_map *m)
{
    uint32_t ncap = 16, ocap = m->icap;
    uint32_t want = (m->used > m->count ? 4 : 2) * (m->count + 1);
    int32_t *old = m->index;
    while (ncap < want)
        ncap *= 2;
    m->index = arena_alloc(&x->e->mem, ncap * sizeof *m->index);
    memset(m->index, 0xff, ncap * sizeof *m->index);
    m->icap = ncap;
    m->used = m->count;
    m->work += ocap;
    for (uint32_t s = 0; s < ocap; s++) {
        int32_t e = old[s];
        if (e >= 0)
            m->index[free_slot(m, entry_hash(x, m, (uint32_t)e))] = e;
    }
}

/* The index slot holding key k, or the free slot where it would go. */
static uint32_t probe(vm_exec *x, vm_map *m, vm_value k, bool *found)
{
    uint32_t i = (uint32_t)vm_hash(x, k) & (m->icap - 1);
    int32_t tomb = -1;
    for (;;) {
        int32_t e = m->index[i];
        if (e == -1) {
            *found = false;
            return tomb >= 0 ? (uint32_t)tomb : i;
        }
        if (e == -2) {
            if (tomb < 0)
                tomb = (int32_t)i;
        } else if (vm_equal(x->prog, m->keys[e], k)) {
            *found = true;
            return i;
        }
        i = (i + 1) & (m->icap - 1);
        m->work++;
    }
}

vm_value *map_find(vm_exec *x, vm_map *m, vm_value k)
{
    bool found;
    uint32_t i;
    if (!m || !m->count)
        return NULL;
    i = probe(x, m, k, &found);
    return found ? &m->vals[m->index[i]] : NULL;
}

vm_value *map_insert(vm_exec *x, vm_map *m, vm_value k)
{
    bool found;
    uint32_t i;
    if (!m->icap || 2 * (m->used + 1) > m->icap)
        reindex(x, m);
    i = probe(x, m, k, &found);
    if (found)
        return &m->vals[m->index[i]];
    if (!key_reflexive(x, k))
        i = free_slot(m, hash_u64(HASH_INIT, m->nent));
    if (m->index[i] == -1)
        m->used++;
    if (m->nent == m->cap)
        grow_entries(x, m);
    m->keys[m->nent] = vm_copy(x, k);
    m->vals[m->nent] = vm_zero(x, m->type ? prog_type(x->prog, m->type)->elem
                                          : 0);
    m->live[m->nent] = 1;
    m->index[i] = (int32_t)m->nent;
    m->count++;
    return &m->vals[m->nent++];
}

void map_delete(vm_exec *x, vm_map *m, vm_value k)
{
    bool found;
    uint32_t i;
    if (!m || !m->count)
        return;
    i = probe(x, m, k, &found);
    if (!found)
        return;
    m->live[m->index[i]] = 0;
    m->index[i] = -2;
    m->count--;
}

void map_clear(vm_map *m)
{
    for (uint32_t e = 0; e < m->nent; e++)
        m->live[e] = 0;
    if (m->icap)
        memset(m->index, 0xff, m->icap * sizeof *m->index);
    m->count = 0;
    m->used = 0;
}

bool map_next(vm_map *m, vm_iter *it, uint32_t *entry)
{
    while (it->seen < it->pos) {
        uint32_t e = (it->start + it->seen) % it->pos;
        it->seen++;
        if (m->live[e]) {
            *entry = e;
            return true;
        }
    }
    return false;
}

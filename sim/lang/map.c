/* map.c: Go maps: entries in insertion order (never moved, so iterators
 * stay valid while the map changes) and an open-addressing index on the
 * keys' hashes. Deleted entries stay as dead slots.
 * Iteration order (Go randomizes it): a range starts at an entry chosen by
 * the execution's program random stream (engine_rand), then goes on in
 * insertion order, wrapping around; entries added during the range are
 * not produced (Go allows either). The stream is seeded per execution, so
 * a replay sees the same order. */
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

static void reindex(vm_exec *x, vm_map *m)
{
    uint32_t ncap = m->icap ? m->icap : 16;
    while (ncap < 2 * (m->count + 1))
        ncap *= 2;
    m->index = arena_alloc(&x->e->mem, ncap * sizeof *m->index);
    memset(m->index, 0xff, ncap * sizeof *m->index);
    m->icap = ncap;
    for (uint32_t e = 0; e < m->nent; e++) {
        uint32_t i;
        if (!m->live[e])
            continue;
        i = (uint32_t)vm_hash(x, m->keys[e]) & (ncap - 1);
        while (m->index[i] >= 0)
            i = (i + 1) & (ncap - 1);
        m->index[i] = (int32_t)e;
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
    if (!m->icap || 2 * (m->nent + 1) > m->icap)
        reindex(x, m);
    i = probe(x, m, k, &found);
    if (found)
        return &m->vals[m->index[i]];
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

/* vm_track.c: tracked variables (vm_int.h): the engine variables and atomics
 * that stand for Go memory once it is shared, whole-object and element
 * ranges, and the accesses and copies that read and write them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

/* ---- tracked variables -------------------------------------------------------- */

/* The slots' tracks, and one more: an array's range (whole_var). */
static vm_track *track_of(vm_exec *x, vm_obj *o)
{
    if (!o->u.tr) {
        uint32_t n = o->n ? o->n : 1;
        o->u.tr = arena_alloc(&x->e->mem, (n + 1) * sizeof(vm_track));
    }
    return o->u.tr;
}

/* Is o an array value (not a struct, not a slice's backing array)? */
static bool is_array_value(const vm_obj *o)
{
    return o->okind == OK_AGG && VM_KIND(o->type) == K_ARRAY;
}

/* The variable standing for array o as a whole: a copy of the array reads
 * it in one access (every element, for happens-before and the search),
 * each element's write writes it too (var.h's whole). */
static wf_var *whole_var(vm_exec *x, vm_obj *o)
{
    vm_track *tr = track_of(x, o);
    uint32_t n = o->n ? o->n : 1;
    if (!tr[n].var) {
        buf b;
        wf_value v;
        buf_init(&b);
        vm_obj_display_name(x, o, &b);
        memset(&v, 0, sizeof v);
        tr[n].var = var_new(x->e, b.p ? b.p : "?", v, NULL, 0);
        buf_fini(&b);
    }
    return tr[n].var;
}

/* The range a slot of o is written with: o's own when o is an array
 * value, else that of the array value o is nested in through fields (the
 * atomic.Int64 or struct elements of an array: a copy of the array reads
 * their fields with its range too, written yet or not), NULL if none. */
static wf_var *range_of(vm_exec *x, vm_obj *o)
{
    for (vm_obj *p = o; p && p->okind == OK_AGG; p = p->parent)
        if (is_array_value(p))
            return whole_var(x, p);
    return NULL;
}

wf_var *vm_track_var(vm_exec *x, vm_obj *o, uint32_t i)
{
    vm_track *tr = track_of(x, o);
    if (!tr[i].var) {
        buf b;
        wf_value v;
        buf_init(&b);
        vm_slot_name(x, o, i, &b);
        memset(&v, 0, sizeof v);
        if (o->n)
            v = value_int(vm_event_value(x, o->slots[i]));
        tr[i].var = var_new(x->e, b.p ? b.p : "?", v, NULL, 0);
        buf_fini(&b);
        tr[i].var->whole = range_of(x, o);
        tr[i].var->loopvar = o->okind == OK_CELL && (o->flags & OF_LOOPVAR);
    }
    return tr[i].var;
}

void vm_state_word(vm_exec *x, vm_obj *o, uint32_t i, wf_obj *m)
{
    wf_var *v;
    if (!m || (m->kind != OBJ_MUTEX && m->kind != OBJ_ATOMIC))
        return;
    v = vm_track_var(x, o, i);
    if (m->kind == OBJ_ATOMIC) { /* atomic.Int64 and its kin */
        ((wf_atomic *)m)->shadow = v->hdr.oid;
        return;
    }
    v->lockword = true;
    ((wf_mutex *)m)->shadow = v->hdr.oid;
}

wf_atomic *vm_track_atomic(vm_exec *x, vm_obj *o, uint32_t i)
{
    vm_track *tr = track_of(x, o);
    if (!tr[i].atom) {
        buf b;
        buf_init(&b);
        vm_slot_name(x, o, i, &b);
        tr[i].atom = atomic_new(x->e, b.p ? b.p : "?",
                                o->n ? o->slots[i].v.i : 0, NULL, 0);
        buf_fini(&b);
        tr[i].atom->shadow = vm_track_var(x, o, i)->hdr.oid;
    }
    return tr[i].atom;
}

int64_t vm_event_value(vm_exec *x, vm_value v)
{
    vm_obj *o = NULL;
    switch (VM_KIND(v.t)) {
    case K_STRING:
        return (int64_t)(hash_bytes(HASH_INIT, v.v.s, v.aux) >> 1);
    case K_CHAN:
        return v.v.ch ? v.v.ch->hdr.oid + 1 : 0;
    case K_HANDLE:
        return v.v.eo ? v.v.eo->oid + 1 : 0;
    case K_SLICE:
        o = v.v.sl ? v.v.sl->arr : NULL;
        break;
    case K_MAP:
        o = v.v.m ? VM_OBJ_OF(v.v.m) : NULL;
        break;
    case K_PTR:
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
    case K_ITER:
        o = v.v.o;
        break;
    default:
        return v.v.i;
    }
    if (!o)
        return 0;
    if (!o->pid && !(o->flags & OF_STATIC))
        o->pid = ++x->next_pid;
    return o->pid;
}

bool vm_access_slow(vm_g *g, vm_obj *o, uint32_t i, bool write, uint32_t k,
                    vm_value v)
{
    wf_var *var;
    op *p;
    if (WF_UNLIKELY(o->flags & OF_GUARD) && !vm_guard_ok(g, o, i, write))
        return false;
    if (!g->x->spawned)
        return true;
    if (k < g->granted)
        return true;
    var = vm_track_var(g->x, o, i);
    p = vm_op(g, write ? OP_WRITE : OP_READ, &var->hdr);
    if (write)
        p->val = value_int(vm_event_value(g->x, v));
    return false;
}

/* Does a copy of o expose only the slots already accessed (an array,
 * whose copy reads its range in one step instead: a [3000]byte would take
 * one step per element), or every one (a struct)? */
static bool copy_tracked_only(const vm_obj *o)
{
    return o->okind == OK_ARR || VM_KIND(o->type) != K_STRUCT;
}

/* Is slot i of o one a copy must expose? */
static bool copy_exposes(const vm_obj *o, uint32_t i, bool tracked_only)
{
    return !tracked_only ||
           (o->u.tr && (o->u.tr[i].var || o->u.tr[i].atom));
}

/* Is slot value s one a copy reads or writes? Every plain one, and the
 * state word of a Mutex or an atomic.Int64 (vm_state_word), used or not
 * yet: Go copies their state with the struct, a plain access that races
 * with Lock and Unlock, with Add and Store. Other library values (a
 * WaitGroup, a Once) are engine objects a copy does not touch. */
static bool copies_word(vm_value s)
{
    return VM_KIND(s.t) != K_HANDLE || !s.v.eo ||
           s.v.eo->kind == OBJ_MUTEX || s.v.eo->kind == OBJ_ATOMIC;
}

/* A copy of array o reads its range, every element written yet or not,
 * as part of the step running (no step of its own: a step per copy made
 * Go's test/stack.go 3.5x slower, each one hashing deep frames): the
 * search orders that step against each element write after it, and the
 * race checker sees the read. */
static void read_range(vm_g *g, vm_obj *o)
{
    wf_engine *e = g->x->e;
    wf_var *w = whole_var(g->x, o);
    const char *file;
    int32_t line;
    engine_access(e, w->hdr.oid, ACC_READ);
    vm_site(g, &file, &line);
    engine_emit(e, g->t->tid, EV_READ, 0, w->hdr.oid, -1, 0, 0, file, line);
}

/* The reads of read_copy below, from the k-th access of the instruction:
 * the scalar slots of o and of the aggregates nested in it. */
static int read_copy_obj(vm_g *g, vm_obj *o, uint32_t *k, bool tracked_only)
{
    if (!o || !(o->flags & OF_SHARED) ||
        (o->okind != OK_AGG && o->okind != OK_ARR))
        return X_OK;
    tracked_only = tracked_only || copy_tracked_only(o);
    if (is_array_value(o) && *k >= g->granted)
        read_range(g, o); /* once: not again when the instruction re-runs */
    for (uint32_t i = 0; i < o->n; i++) {
        vm_value s = o->slots[i];
        if (kind_is_aggregate(VM_KIND(s.t))) {
            int st = read_copy_obj(g, s.v.o, k, tracked_only);
            if (st != X_OK)
                return st;
            continue;
        }
        if (is_array_value(o) && VM_KIND(s.t) != K_HANDLE)
            continue; /* read with the range */
        if (!copy_exposes(o, i, tracked_only) || !copies_word(s))
            continue;
        if (!vm_access(g, o, i, false, (*k)++, vm_nil()))
            return X_YIELD;
    }
    return X_OK;
}

/* A copy of a shared struct or array reads each of its fields and
 * elements, nested ones included, as Go's race detector sees a struct
 * copy (return c.stats while another goroutine does atomic.AddUint64(
 * &c.stats.n, 1); for _, a := range accts while another goroutine writes
 * accts[i].Balance): every field, not only those already accessed, or a
 * copy made before the first write to a field would leave no trace for
 * that write to race with, and the search would never reverse them. An
 * array's copy reads the elements accessed so far only (copy_tracked_only).
 * k0: the accesses the instruction made before. X_OK, or X_YIELD to
 * expose the next read. */
int vm_read_copy_from(vm_g *g, vm_value v, uint32_t k0)
{
    uint32_t k = k0;
    int st;
    if (!v.v.o || !g->x->spawned)
        return X_OK;
    st = read_copy_obj(g, v.v.o, &k, false);
    if (st == X_OK)
        g->granted = 0;
    return st;
}

int vm_read_copy(vm_g *g, vm_value v)
{
    return vm_read_copy_from(g, v, 0);
}

/* The writes of write_copy below: every scalar slot of dst and of the
 * aggregates nested in it, each with the value src puts there. */
static int write_copy_obj(vm_g *g, vm_obj *dst, const vm_obj *src,
                          uint32_t *k, bool tracked_only)
{
    if (!dst || !src || !(dst->flags & OF_SHARED))
        return X_OK;
    tracked_only = tracked_only || copy_tracked_only(dst);
    for (uint32_t i = 0; i < dst->n && i < src->n; i++) {
        vm_value d = dst->slots[i], s = src->slots[i];
        if (kind_is_aggregate(VM_KIND(d.t)) && d.t == s.t) {
            int st = write_copy_obj(g, d.v.o, s.v.o, k, tracked_only);
            if (st != X_OK)
                return st;
            continue;
        }
        if (!copy_exposes(dst, i, tracked_only) || !copies_word(d))
            continue;
        if (!vm_access(g, dst, i, true, (*k)++, s))
            return X_YIELD;
    }
    return X_OK;
}

int vm_write_copy(vm_g *g, vm_obj *dst, vm_value v)
{
    uint32_t k = 0;
    int st;
    if (!dst || !v.v.o || !g->x->spawned)
        return X_OK;
    st = read_copy_obj(g, v.v.o, &k, false);
    if (st == X_OK)
        st = write_copy_obj(g, dst, v.v.o, &k, false);
    if (st == X_OK)
        g->granted = 0;
    return st;
}

/* One side of a swap: slot i of arr gets v, the slot's write and, for
 * an aggregate element, a write of each field it copies (as
 * vm_store_access). */
static int swap_side(vm_g *g, vm_obj *arr, uint32_t i, vm_value v,
                     uint32_t *k)
{
    vm_value d = arr->slots[i];
    if (!vm_access(g, arr, i, true, (*k)++, v))
        return X_YIELD;
    if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o && d.t == v.t && d.v.o &&
        d.v.o != v.v.o)
        return write_copy_obj(g, d.v.o, v.v.o, k, false);
    return X_OK;
}

int vm_swap_access(vm_g *g, vm_obj *arr, uint32_t i, uint32_t j)
{
    uint32_t k = 0;
    vm_value a = arr->slots[i], b = arr->slots[j];
    int st;
    if (!(arr->flags & OF_SHARED) ||
        (!g->x->spawned && !(arr->flags & OF_GUARD)))
        return X_OK;
    st = swap_side(g, arr, i, b, &k);
    if (st == X_OK)
        st = swap_side(g, arr, j, a, &k);
    if (st == X_OK)
        g->granted = 0;
    return st;
}

int vm_store_access(vm_g *g, vm_obj *o, uint32_t i, vm_value v,
                    uint32_t st)
{
    vm_value d = o->slots[i];
    if ((o->flags & OF_SHARED) &&
        (g->x->spawned || (o->flags & OF_GUARD))) {
        uint32_t k = 1;
        if (!vm_access_slow(g, o, i, true, 0, v))
            return X_YIELD;
        if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o && d.t == v.t &&
            d.v.o && d.v.o != v.v.o &&
            write_copy_obj(g, d.v.o, v.v.o, &k, false) != X_OK)
            return X_YIELD;
        g->granted = 0;
    }
    vm_store(g->x, o, i, v, st);
    return X_OK;
}

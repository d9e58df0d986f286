/* heap.c: heap objects of an execution (arena memory): zero values,
 * value-semantics copies and stores, sharing (vm_int.h) and the names
 * that make reports read as the program does ("forks[0]", "c.mu"). */
#include <stdio.h>
#include <string.h>

#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

vm_obj *heap_obj(vm_exec *x, obj_okind k, uint32_t type, uint32_t n)
{
    vm_obj *o = arena_alloc(&x->e->mem, sizeof(vm_obj) + n * sizeof(vm_value));
    o->okind = (uint8_t)k;
    o->type = type;
    o->n = n;
    return o;
}

vm_value vm_new_str(vm_exec *x, const char *s, size_t n)
{
    char *d;
    if (!n)
        return vm_str("", 0);
    d = arena_alloc(&x->e->mem, n + 1);
    memcpy(d, s, n);
    return vm_str(d, (uint32_t)n);
}

vm_slice *heap_slice(vm_exec *x, vm_obj *arr, uint32_t off, uint32_t len,
                     uint32_t cap)
{
    vm_slice *s = arena_alloc(&x->e->mem, sizeof *s);
    s->arr = arr;
    s->off = off;
    s->len = len;
    s->cap = cap;
    return s;
}

/* An aggregate of type t (struct or array) with zero contents. */
static vm_obj *zero_agg(vm_exec *x, uint32_t t)
{
    const vm_program *p = x->prog;
    const vm_type *ty = prog_type(p, t);
    vm_obj *o;
    if (VM_KIND(t) == K_STRUCT) {
        o = heap_obj(x, OK_AGG, t, ty->nfields);
        for (uint32_t i = 0; i < ty->nfields; i++) {
            o->slots[i] = vm_zero(x, ty->fields[i].type);
            if (kind_is_aggregate(VM_KIND(o->slots[i].t))) {
                o->slots[i].v.o->parent = o;
                o->slots[i].v.o->field = (uint16_t)i;
            }
        }
        return o;
    }
    o = heap_obj(x, OK_AGG, t, (uint32_t)ty->len);
    for (uint32_t i = 0; i < o->n; i++) {
        o->slots[i] = vm_zero(x, ty->elem);
        if (kind_is_aggregate(VM_KIND(o->slots[i].t))) {
            o->slots[i].v.o->parent = o;
            o->slots[i].v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
        }
    }
    return o;
}

vm_value vm_zero(vm_exec *x, uint32_t t)
{
    vm_kind k = VM_KIND(t);
    switch (k) {
    case K_NIL:
    case K_IFACE:
    case K_TUPLE:
        return vm_nil();
    case K_FLOAT64:
    case K_FLOAT32:
        return vm_float(t, 0);
    case K_STRING: {
        vm_value v = vm_str("", 0);
        v.t = t;
        return v;
    }
    case K_ARRAY:
    case K_STRUCT:
        return vm_ref(t, zero_agg(x, t));
    case K_UNTYPED_INT:
    case K_UNTYPED_RUNE:
        return vm_int(vm_default_type(t), 0);
    case K_UNTYPED_FLOAT:
        return vm_float(T_FLOAT64, 0);
    default:
        if (kind_is_nilable(k) || k == K_HANDLE || k == K_CELL ||
            k == K_ITER)
            return vm_ref(t, NULL);
        return vm_int(t, 0);
    }
}

/* The engine object of a copied library value (a Mutex copied by a value
 * receiver, a WaitGroup passed by value): a new, independent object in
 * the state the original had, as Go copies a Mutex's, RWMutex's or
 * WaitGroup's state with it (a copied locked Mutex is locked, a copy of
 * a write-locked RWMutex blocks RLock forever). An RWMutex's pending
 * writer stays with the original. A Cond that was used (it has its
 * object) is copied as one whose every method panics "sync.Cond is
 * copied", as its copyChecker in sync/cond.go makes them; one copied
 * before its first use has no object yet, and the copy starts afresh. */
static wf_obj *clone_handle(vm_exec *x, wf_obj *o)
{
    char name[300];
    if (!o)
        return NULL;
    snprintf(name, sizeof name, "%s (copy)", o->name ? o->name : "");
    switch (o->kind) {
    case OBJ_MUTEX: {
        wf_mutex *m = (wf_mutex *)o;
        wf_mutex *c = mutex_new(x->e, name, o->file, o->line);
        c->locked = m->locked;
        c->holder = m->holder;
        return &c->hdr;
    }
    case OBJ_RWMUTEX: {
        const wf_rwmutex *m = (const wf_rwmutex *)o;
        wf_rwmutex *c = rwmutex_new(x->e, name, o->file, o->line);
        if (m->writer_holds) {
            c->writer_in = c->writer_holds = true;
            c->writer = m->writer;
        }
        if (m->nrholders) {
            size_t n = (size_t)m->nrholders * sizeof *m->rholders;
            c->rholders = arena_alloc(&x->e->mem, n);
            memcpy(c->rholders, m->rholders, n);
            c->nrholders = c->caprholders = m->nrholders;
            c->readers = m->readers;
        }
        return &c->hdr;
    }
    case OBJ_WAITGROUP: {
        wf_waitgroup *c = waitgroup_new(x->e, name, o->file, o->line);
        c->count = ((wf_waitgroup *)o)->count;
        return &c->hdr;
    }
    case OBJ_ONCE: {
        wf_once *c = once_new(x->e, name, o->file, o->line);
        if (((wf_once *)o)->state == ONCE_DONE)
            c->state = ONCE_DONE;
        return &c->hdr;
    }
    case OBJ_ATOMIC:
        return &atomic_new(x->e, name, ((wf_atomic *)o)->v, o->file, o->line)
                    ->hdr;
    case OBJ_COND: {
        wf_cond *c = cond_new(x->e, name, NULL, o->file, o->line);
        c->copied = true;
        return &c->hdr;
    }
    default:
        return NULL;
    }
}

static vm_obj *copy_agg(vm_exec *x, const vm_obj *src)
{
    vm_obj *o = heap_obj(x, OK_AGG, src->type, src->n);
    for (uint32_t i = 0; i < src->n; i++) {
        vm_value v = src->slots[i];
        vm_kind k = VM_KIND(v.t);
        if (kind_is_aggregate(k) && v.v.o) {
            v.v.o = copy_agg(x, v.v.o);
            v.v.o->parent = o;
            v.v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
        } else if (k == K_HANDLE) {
            v.v.eo = clone_handle(x, v.v.eo); /* a copy is a new Mutex */
            vm_state_word(x, o, i, v.v.eo);
        }
        o->slots[i] = v;
    }
    return o;
}

vm_value vm_copy(vm_exec *x, vm_value v)
{
    if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o)
        v.v.o = copy_agg(x, v.v.o);
    return v;
}

/* Copy src's contents into dst (same type), keeping dst's identity and
 * that of the aggregates inside it. */
void vm_copy_into(vm_exec *x, vm_obj *dst, const vm_obj *src)
{
    for (uint32_t i = 0; i < dst->n && i < src->n; i++) {
        vm_value v = src->slots[i];
        vm_value *d = &dst->slots[i];
        vm_kind k = VM_KIND(v.t);
        if (kind_is_aggregate(k) && v.v.o) {
            if (d->t == v.t && d->v.o) {
                vm_copy_into(x, d->v.o, v.v.o);
                continue;
            }
            v.v.o = copy_agg(x, v.v.o);
            v.v.o->parent = dst;
            v.v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
        } else if (k == K_HANDLE) {
            v.v.eo = clone_handle(x, v.v.eo);
            vm_state_word(x, dst, i, v.v.eo);
        }
        *d = v;
    }
}

uint32_t vm_slot_type(const vm_exec *x, const vm_obj *o, uint32_t i)
{
    const vm_program *p = x->prog;
    if (!o)
        return 0;
    switch (o->okind) {
    case OK_AGG:
        if (VM_KIND(o->type) == K_STRUCT)
            return i < prog_type(p, o->type)->nfields
                       ? prog_type(p, o->type)->fields[i].type
                       : 0;
        return prog_type(p, o->type)->elem;
    case OK_ARR:
    case OK_CELL:
        return o->type;
    case OK_GLOBALS:
        return i < p->nglobals ? p->gtypes[i] : 0;
    default:
        return 0;
    }
}

/* Does v refer to something that has no name yet? */
static bool needs_name(vm_value v)
{
    switch (VM_KIND(v.t)) {
    case K_CHAN:
        return v.v.ch && (!v.v.ch->hdr.name || !*v.v.ch->hdr.name);
    case K_PTR:
        return v.v.o && !v.v.o->name && !(v.v.o->flags & OF_STATIC) &&
               (v.aux == VM_WHOLE || v.v.o->okind == OK_CELL);
    case K_SLICE:
        return v.v.sl && v.v.sl->arr && !v.v.sl->arr->name &&
               v.v.sl->arr->okind == OK_ARR;
    case K_MAP:
        return v.v.m && !v.v.m->h.name;
    default:
        return false;
    }
}

void vm_store(vm_exec *x, vm_obj *o, uint32_t i, vm_value v, uint32_t st)
{
    vm_value *d = &o->slots[i];
    vm_kind k = VM_KIND(v.t);
    if (WF_UNLIKELY(kind_is_untyped(k))) {
        if (!st)
            st = vm_slot_type(x, o, i);
        v = vm_settle(x->prog, v, st);
        k = VM_KIND(v.t);
    }
    if (kind_is_aggregate(k) && v.v.o) {
        if (d->t == v.t && d->v.o && d->v.o != v.v.o) {
            vm_copy_into(x, d->v.o, v.v.o);
        } else if (d->v.o != v.v.o || d->t != v.t) {
            v.v.o = copy_agg(x, v.v.o);
            if (o->okind == OK_AGG || o->okind == OK_ARR ||
                o->okind == OK_CELL || o->okind == OK_GLOBALS) {
                v.v.o->parent = o;
                v.v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
            }
            *d = v;
        }
    } else {
        *d = v;
        if (WF_UNLIKELY(o->okind == OK_GLOBALS || o->name || o->parent) &&
            needs_name(v)) {
                buf b;
                buf_init(&b);
                vm_slot_name(x, o, i, &b);
                if (b.len && b.p[0] != '?')
                    vm_name_value(x, v, arena_strdup(&x->e->mem, b.p));
                buf_fini(&b);
            }
    }
    if (WF_UNLIKELY(o->flags & OF_SHARED)) {
        vm_value now = *d;
        if (kind_is_aggregate(VM_KIND(now.t)))
            vm_share_obj(x, now.v.o);
        else
            vm_escape(x, now);
    }
}

/* ---- sharing ------------------------------------------------------------- */

/* The object v refers to (for sharing and reachability), or NULL. */
static vm_obj *referent(vm_value v)
{
    switch (VM_KIND(v.t)) {
    case K_PTR:
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
    case K_ITER:
        return v.v.o;
    case K_SLICE:
        return v.v.sl ? v.v.sl->arr : NULL;
    case K_MAP:
        return v.v.m ? VM_OBJ_OF(v.v.m) : NULL;
    default:
        return NULL;
    }
}

void vm_share_obj(vm_exec *x, vm_obj *root)
{
    (void)x;
    VEC(vm_obj *) work = {0};
    if (!root || (root->flags & (OF_SHARED | OF_STATIC)))
        return;
    VEC_PUSH(work, root);
    while (work.len) {
        vm_obj *o = work.p[--work.len];
        if (o->flags & (OF_SHARED | OF_STATIC))
            continue;
        o->flags |= OF_SHARED;
        if (o->okind == OK_MAP) {
            vm_map *m = (vm_map *)o;
            for (uint32_t e = 0; e < m->nent; e++) {
                vm_obj *a, *b;
                if (!m->live[e])
                    continue;
                a = referent(m->keys[e]);
                b = referent(m->vals[e]);
                if (a && !(a->flags & (OF_SHARED | OF_STATIC)))
                    VEC_PUSH(work, a);
                if (b && !(b->flags & (OF_SHARED | OF_STATIC)))
                    VEC_PUSH(work, b);
            }
            continue;
        }
        if (o->okind == OK_ITER) {
            vm_iter *it = (vm_iter *)o;
            if (it->m)
                VEC_PUSH(work, VM_OBJ_OF(it->m));
            continue;
        }
        for (uint32_t i = 0; i < o->n; i++) {
            vm_obj *r = referent(o->slots[i]);
            if (r && !(r->flags & (OF_SHARED | OF_STATIC)))
                VEC_PUSH(work, r);
        }
    }
    VEC_FREE(work);
}

void vm_escape(vm_exec *x, vm_value v)
{
    vm_kind k = VM_KIND(v.t);
    if (kind_is_aggregate(k)) {
        /* the aggregate itself is copied: only what it refers to escapes */
        if (v.v.o && !(v.v.o->flags & OF_SHARED))
            for (uint32_t i = 0; i < v.v.o->n; i++)
                vm_escape(x, v.v.o->slots[i]);
        return;
    }
    vm_share_obj(x, referent(v));
}

/* ---- names ------------------------------------------------------------------ */

static const char *short_type(const vm_program *p, uint32_t t)
{
    const char *n = prog_type(p, t)->name;
    const char *dot = strrchr(n, '.');
    return dot && prog_type(p, t)->named ? dot + 1 : n;
}

void vm_obj_display_name(vm_exec *x, const vm_obj *o, buf *b)
{
    const vm_program *p = x->prog;
    if (!o) {
        buf_puts(b, "?");
        return;
    }
    if (o->name) {
        buf_puts(b, o->name);
        return;
    }
    if (o->parent && o->parent->okind == OK_AGG) {
        const vm_obj *par = o->parent;
        if (VM_KIND(par->type) == K_STRUCT) {
            const vm_type *pt = prog_type(p, par->type);
            vm_obj_display_name(x, par, b);
            if (o->field < pt->nfields && !pt->fields[o->field].embedded)
                buf_printf(b, ".%s", p->names.p[pt->fields[o->field].name]);
        } else {
            vm_obj_display_name(x, par, b);
            buf_printf(b, "[%u]", (unsigned)o->field);
        }
        return;
    }
    if (o->parent && (o->parent->okind == OK_ARR ||
                      o->parent->okind == OK_GLOBALS ||
                      o->parent->okind == OK_CELL)) {
        vm_slot_name(x, o->parent, o->field, b);
        return;
    }
    if (o->type)
        buf_puts(b, short_type(p, o->type));
    else
        buf_puts(b, "?");
}

void vm_slot_name(vm_exec *x, const vm_obj *o, uint32_t i, buf *b)
{
    const vm_program *p = x->prog;
    switch (o->okind) {
    case OK_GLOBALS:
        buf_puts(b, i < p->nglobals ? p->gnames[i] : "?");
        return;
    case OK_CELL:
        if (o->name)
            buf_puts(b, o->name);
        else
            vm_obj_display_name(x, o, b);
        return;
    case OK_AGG:
        vm_obj_display_name(x, o, b);
        if (VM_KIND(o->type) == K_STRUCT) {
            const vm_type *t = prog_type(p, o->type);
            if (i < t->nfields)
                buf_printf(b, ".%s", p->names.p[t->fields[i].name]);
        } else {
            buf_printf(b, "[%u]", (unsigned)i);
        }
        return;
    case OK_ARR:
        if (o->name)
            buf_printf(b, "%s[%u]", o->name, (unsigned)i);
        else
            buf_printf(b, "?[%u]", (unsigned)i);
        return;
    case OK_MAP:
        buf_puts(b, o->name ? o->name : "map");
        return;
    default:
        buf_puts(b, "?");
        return;
    }
}

static void name_engine_obj(vm_exec *x, wf_obj *eo, const char *name)
{
    if (eo && (!eo->name || !*eo->name))
        eo->name = arena_strdup(&x->e->mem, name);
}

void vm_name_obj(vm_exec *x, vm_obj *o, const char *name)
{
    /* an aggregate living in a named slot (b.mu, forks[1], a package
     * variable) keeps the name it got there: a pointer to it stored
     * later (sync.NewCond(&b.mu) puts it in notFull.L) does not rename
     * it */
    if (!o || o->name || (o->flags & OF_STATIC) || o->parent)
        return;
    o->name = name;
    if (o->okind != OK_AGG || VM_KIND(o->type) != K_STRUCT)
        return;
    /* pass the name on to the channels and unnamed objects it holds */
    {
        const vm_type *t = prog_type(x->prog, o->type);
        for (uint32_t i = 0; i < o->n && i < t->nfields; i++) {
            vm_value v = o->slots[i];
            vm_kind k = VM_KIND(v.t);
            if (k == K_CHAN || k == K_MAP || k == K_SLICE ||
                (k == K_PTR && v.v.o && !v.v.o->name)) {
                buf b;
                buf_init(&b);
                buf_printf(&b, "%s.%s", name,
                           x->prog->names.p[t->fields[i].name]);
                vm_name_value(x, v, arena_strdup(&x->e->mem, b.p));
                buf_fini(&b);
            }
        }
    }
}

void vm_name_value(vm_exec *x, vm_value v, const char *name)
{
    switch (VM_KIND(v.t)) {
    case K_CHAN:
        if (v.v.ch)
            name_engine_obj(x, &v.v.ch->hdr, name);
        return;
    case K_PTR:
        if (v.v.o && v.aux == VM_WHOLE)
            vm_name_obj(x, v.v.o, name);
        else if (v.v.o && v.v.o->okind == OK_CELL)
            vm_name_obj(x, v.v.o, name);
        return;
    case K_SLICE:
        if (v.v.sl && v.v.sl->arr && !v.v.sl->arr->name &&
            v.v.sl->arr->okind == OK_ARR)
            v.v.sl->arr->name = name;
        return;
    case K_MAP:
        if (v.v.m && !v.v.m->h.name)
            v.v.m->h.name = name;
        return;
    case K_ARRAY:
    case K_STRUCT:
        vm_name_obj(x, v.v.o, name);
        return;
    default:
        return;
    }
}

uint64_t vm_type_bytes(const vm_program *p, uint32_t t)
{
    const uint64_t cap = UINT64_MAX / 4;
    const vm_type *ty;
    uint64_t n, each = 0, b;
    if (!kind_is_aggregate(VM_KIND(t)))
        return 0;
    ty = prog_type(p, t);
    if (VM_KIND(t) == K_STRUCT) {
        b = sizeof(vm_obj) + (uint64_t)ty->nfields * sizeof(vm_value);
        for (uint32_t i = 0; i < ty->nfields && b < cap; i++)
            b += vm_type_bytes(p, ty->fields[i].type);
        return b < cap ? b : cap;
    }
    n = ty->len > 0 ? (uint64_t)ty->len : 0;
    each = sizeof(vm_value) + vm_type_bytes(p, ty->elem);
    if (n && each > (cap - sizeof(vm_obj)) / n)
        return cap;
    return sizeof(vm_obj) + n * each;
}

vm_value vm_make_slice(vm_exec *x, uint32_t t, uint32_t len, uint32_t cap)
{
    uint32_t et = t ? prog_type(x->prog, t)->elem : 0;
    vm_obj *arr = heap_obj(x, OK_ARR, et, cap);
    vm_kind ek = VM_KIND(et);
    if (et && ek != K_NIL && ek != K_IFACE) {
        for (uint32_t i = 0; i < cap; i++) {
            arr->slots[i] = vm_zero(x, et);
            if (kind_is_aggregate(ek)) {
                arr->slots[i].v.o->parent = arr;
                arr->slots[i].v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
            }
        }
    }
    return vm_ref(t, heap_slice(x, arr, 0, len, cap));
}

/* vm_member.c: fields and methods by name at run time (the member
 * tables of types.c, an inline cache per selector): following embedded
 * fields, dereferencing pointers on the way (a nil one panics), method
 * values bound to their receiver, method calls with Go's automatic & and
 * *, and calls of func-valued fields. */
#include <string.h>

#include "sim/lang/vm_int.h"

#define NILDEREF                                                               \
    "runtime error: invalid memory address or nil pointer dereference"

static const vm_program *P(const vm_g *g)
{
    return g->x->prog;
}

/* ---- fields and methods --------------------------------------------------------- */

const vm_member *vm_member_of(vm_g *g, vm_sel *sel, uint32_t t)
{
    const vm_member *m;
    if (sel->cache_t == t && t)
        return sel->cache_m;
    m = vm_lookup(P(g), t, sel->name);
    sel->cache_t = t;
    sel->cache_m = m;
    return m;
}

int vm_promote(vm_g *g, vm_value *base, const vm_member **m)
{
    int guard = 0;
    while ((*m)->is_method && !(*m)->fn) {
        /* a method of an embedded interface: dispatch on the value the
         * embedded field holds */
        vm_member fld = **m;
        vm_obj *o;
        uint32_t idx;
        vm_value cur;
        int st;
        fld.is_method = false;
        st = vm_walk(g, *base, &fld, &o, &idx, NULL);
        if (st != X_OK)
            return st;
        cur = o->slots[idx];
        *m = vm_lookup(P(g), cur.t, fld.name);
        if (!*m || !(*m)->is_method || ++guard > 64)
            return vm_throwf(g, NILDEREF);
        *base = cur;
    }
    return X_OK;
}

int vm_walk(vm_g *g, vm_value base, const vm_member *m, vm_obj **obj,
            uint32_t *idx, vm_value *recv)
{
    const vm_program *p = P(g);
    vm_value cur = base;
    vm_obj *so = NULL;
    uint32_t si = 0;
    for (uint32_t k = 0; k < m->npath; k++) {
        vm_obj *blk;
        if (VM_KIND(cur.t) == K_PTR) {
            if (!cur.v.o)
                return vm_throwf(g, NILDEREF);
            if (WF_UNLIKELY(vm_is_raw(cur)))
                return vm_raw_deref(g, cur);
            if (cur.aux == VM_WHOLE) {
                blk = cur.v.o;
            } else {
                vm_value t = cur.v.o->slots[cur.aux];
                if (!kind_is_aggregate(VM_KIND(t.t)) || !t.v.o)
                    return vm_throwf(g, NILDEREF);
                blk = t.v.o;
            }
        } else if (kind_is_aggregate(VM_KIND(cur.t)) && cur.v.o) {
            blk = cur.v.o;
        } else {
            return vm_throwf(g, NILDEREF);
        }
        if (m->path[k] >= blk->n)
            return vm_throwf(g, NILDEREF);
        so = blk;
        si = m->path[k];
        cur = blk->slots[si];
    }
    if (!m->is_method) {
        *obj = so;
        *idx = si;
        return X_OK;
    }
    if (m->ptr_recv) {
        if (VM_KIND(cur.t) == K_PTR) {
            *recv = cur;
        } else if (kind_is_aggregate(VM_KIND(cur.t)) && cur.v.o) {
            *recv = vm_ref((uint32_t)vm_ptr_type(p, cur.t), cur.v.o);
            recv->aux = VM_WHOLE;
        } else if (so) {
            *recv = vm_ref((uint32_t)vm_ptr_type(p, cur.t), so);
            recv->aux = si;
        } else {
            vm_obj *cell = heap_obj(g->x, OK_CELL, cur.t, 1);
            cell->slots[0] = cur;
            *recv = vm_ref((uint32_t)vm_ptr_type(p, cur.t), cell);
            recv->aux = 0;
        }
        return X_OK;
    }
    if (VM_KIND(cur.t) == K_PTR && !prog_type(p, cur.t)->named &&
        prog_type(p, m->fn->type)->nparams &&
        VM_KIND(prog_type(p, m->fn->type)->params[0]) != K_PTR) {
        if (!cur.v.o)
            return vm_throwf(g, NILDEREF);
        if (WF_UNLIKELY(vm_is_raw(cur)))
            return vm_raw_deref(g, cur);
        cur = vm_pointee(g, cur);
    }
    if (obj && kind_is_aggregate(VM_KIND(cur.t))) {
        /* a value receiver copies the value: reads it (the callers that
         * ask for obj re-run their instruction on X_YIELD; fmt calling
         * String does not ask) */
        int st = vm_read_copy(g, cur);
        if (st != X_OK)
            return st;
    }
    *recv = vm_copy(g->x, cur);
    return X_OK;
}

/* The value whose members are looked up, for a receiver operand that is
 * an address (CALL_ADDR) or a value. */
static vm_value member_base(vm_g *g, vm_value v, bool addr)
{
    if (!addr || VM_KIND(v.t) != K_PTR || !v.v.o)
        return v;
    return vm_pointee(g, v);
}

static int no_member(vm_g *g, vm_value v, vm_sel *sel)
{
    if (!v.t)
        return vm_throwf(g, NILDEREF);
    return vm_throwf(g, "%s has no field or method %s",
                     prog_type(P(g), v.t)->name, P(g)->names.p[sel->name]);
}

/* Field m of *p, p a pointer to no object of its type: read from the
 * bytes at the field's offset (vm_view.c), when no embedded pointer lies
 * on the way. */
static int raw_field(vm_g *g, vm_value *r, vm_value p, const vm_member *m)
{
    const vm_program *pr = P(g);
    uint32_t t = prog_type(pr, prog_type(pr, p.t)->under)->elem;
    uint64_t off = 0;
    int64_t sz;
    for (uint32_t k = 0; k < m->npath; k++) {
        const vm_type *ty = prog_type(pr, prog_type(pr, t)->under);
        if (VM_KIND(t) != K_STRUCT || m->path[k] >= ty->nfields)
            return vm_raw_deref(g, p);
        off += (uint64_t)vm_field_offset(pr, t, m->path[k], &sz);
        t = ty->fields[m->path[k]].type;
    }
    return vm_view_load(g, p, t, off, r);
}

int vm_get_field(vm_g *g, vm_value *r, vm_value base, vm_sel *sel, bool addr)
{
    const vm_member *m = vm_member_of(g, sel, base.t);
    vm_obj *o;
    uint32_t idx;
    int st;
    if (!m)
        return no_member(g, base, sel);
    if (m->is_method) {
        vm_value recv;
        vm_obj *b;
        st = vm_promote(g, &base, &m);
        if (st != X_OK)
            return st;
        st = vm_walk(g, base, m, &o, &idx, &recv);
        if (st != X_OK)
            return st;
        b = heap_obj(g->x, OK_BOUND, 0, 1);
        b->u.proto = m->fn;
        b->slots[0] = recv;
        *r = vm_ref(T_FUNC, b);
        return X_OK;
    }
    if (!addr && VM_KIND(base.t) == K_PTR && WF_UNLIKELY(vm_is_raw(base)))
        return raw_field(g, r, base, m);
    st = vm_walk(g, base, m, &o, &idx, NULL);
    if (st != X_OK)
        return st;
    if (addr) {
        *r = vm_slot_ptr(P(g), o, idx);
        return X_OK;
    }
    if (!vm_access(g, o, idx, false, 0, vm_nil()))
        return X_YIELD;
    g->granted = 0;
    *r = o->slots[idx];
    return X_OK;
}

int vm_method_value(vm_g *g, vm_value *r, vm_value ptr, vm_sel *sel)
{
    vm_value base = member_base(g, ptr, true), recv;
    const vm_member *m = vm_member_of(g, sel, base.t);
    vm_obj *o, *b;
    uint32_t idx;
    int st;
    if (!m || !m->is_method || !m->fn || !m->ptr_recv) {
        /* a value receiver is copied now: that reads x */
        st = vm_deref(g, &base, ptr);
        if (st != X_OK)
            return st;
        return vm_get_field(g, r, base, sel, false);
    }
    if (m->npath == 0 && VM_KIND(base.t) != K_PTR &&
        !kind_is_aggregate(VM_KIND(base.t))) {
        recv = ptr; /* a method on the variable itself */
    } else {
        st = vm_walk(g, base, m, &o, &idx, &recv);
        if (st != X_OK)
            return st;
    }
    b = heap_obj(g->x, OK_BOUND, 0, 1);
    b->u.proto = m->fn;
    b->slots[0] = recv;
    *r = vm_ref(T_FUNC, b);
    return X_OK;
}

int vm_setfield(vm_g *g, vm_value base, vm_sel *sel, vm_value v)
{
    const vm_member *m = vm_member_of(g, sel, base.t);
    vm_obj *o;
    uint32_t idx;
    int st;
    if (!m || m->is_method)
        return no_member(g, base, sel);
    st = vm_walk(g, base, m, &o, &idx, NULL);
    if (st != X_OK)
        return st;
    return vm_store_access(g, o, idx, v, m->type);
}

/* The array type a window pointer p points to and its length. */
static uint32_t window_type(const vm_program *p, vm_value v, uint32_t *n)
{
    uint32_t at = prog_type(p, prog_type(p, v.t)->under)->elem;
    *n = (uint32_t)prog_type(p, at)->len;
    return at;
}

vm_value vm_pointee(vm_g *g, vm_value p)
{
    if (p.aux == VM_WHOLE)
        return vm_ref(p.v.o->type, p.v.o);
    if (VM_IS_WINDOW(p.aux)) {
        uint32_t n, off = p.aux & ~VM_WINDOW;
        uint32_t at = window_type(P(g), p, &n);
        vm_obj *a = heap_obj(g->x, OK_ARR, at, n);
        for (uint32_t i = 0; i < n; i++)
            a->slots[i] = vm_copy(g->x, p.v.o->slots[off + i]);
        return vm_ref(at, a);
    }
    return p.v.o->slots[p.aux];
}

int vm_deref(vm_g *g, vm_value *r, vm_value p)
{
    if (VM_KIND(p.t) != K_PTR || !p.v.o)
        return vm_throwf(g, NILDEREF);
    if (WF_UNLIKELY(vm_is_raw(p)))
        return vm_view_load(
            g, p, prog_type(P(g), prog_type(P(g), p.t)->under)->elem, 0, r);
    if (p.aux == VM_WHOLE || VM_IS_WINDOW(p.aux)) {
        *r = vm_pointee(g, p);
        return X_OK;
    }
    if (!vm_access(g, p.v.o, p.aux, false, 0, vm_nil()))
        return X_YIELD;
    g->granted = 0;
    *r = p.v.o->slots[p.aux];
    return X_OK;
}

int vm_storep(vm_g *g, vm_value p, vm_value v)
{
    if (VM_KIND(p.t) != K_PTR || !p.v.o)
        return vm_throwf(g, NILDEREF);
    if (WF_UNLIKELY(vm_is_raw(p)))
        return vm_raw_deref(g, p);
    if (p.aux == VM_WHOLE) {
        /* *p = v for an aggregate: copy into it, pointers stay valid */
        vm_obj *o = p.v.o;
        int st;
        if (!kind_is_aggregate(VM_KIND(v.t)) || !v.v.o)
            return X_OK;
        st = vm_write_copy(g, o, v);
        if (st != X_OK)
            return st;
        for (uint32_t i = 0; i < o->n && i < v.v.o->n; i++)
            vm_store(g->x, o, i, v.v.o->slots[i], 0);
        return X_OK;
    }
    if (VM_IS_WINDOW(p.aux)) {
        uint32_t n, off = p.aux & ~VM_WINDOW;
        (void)window_type(P(g), p, &n);
        if (!kind_is_aggregate(VM_KIND(v.t)) || !v.v.o)
            return X_OK;
        /* through a copy: the source may overlap the window */
        v = vm_copy(g->x, v);
        for (uint32_t i = 0; i < n && i < v.v.o->n; i++)
            vm_store(g->x, p.v.o, off + i, v.v.o->slots[i], 0);
        return X_OK;
    }
    return vm_store_access(g, p.v.o, p.aux, v, 0);
}

/* Go's wrapper of value method m called through an interface holding
 * a nil *T: "value method main.T.F called using nil *T pointer". */
static int nil_wrapper_panic(vm_g *g, vm_value recv, const vm_sel *sel)
{
    const char *tn = prog_type(P(g), prog_type(P(g), recv.t)->elem)->name;
    const char *dot = strrchr(tn, '.');
    return vm_throwf(g, "value method %s.%s called using nil *%s pointer", tn,
                     P(g)->names.p[sel->name], dot ? dot + 1 : tn);
}

int vm_method_call(vm_g *g, uint32_t fpos, vm_sel *sel, int flags,
                   uint32_t *nargs)
{
    bool addr = flags & CALL_ADDR;
    vm_value *R = g->stack + fpos;
    vm_value ptr = R[1];
    vm_value base = member_base(g, ptr, addr);
    const vm_member *m = vm_member_of(g, sel, base.t);
    vm_obj *o;
    uint32_t idx;
    int st;
    if (!m)
        return no_member(g, base, sel);
    if (!m->is_method) {
        /* a func-valued field: call its value without the receiver */
        st = vm_walk(g, base, m, &o, &idx, NULL);
        if (st != X_OK)
            return st;
        if (!vm_access(g, o, idx, false, 0, vm_nil()))
            return X_YIELD;
        g->granted = 0;
        R = g->stack + fpos;
        R[0] = o->slots[idx];
        memmove(&R[1], &R[2], (*nargs - 1) * sizeof(vm_value));
        (*nargs)--;
        return X_OK;
    }
    if ((flags & CALL_IFACE) && m->fn && !m->ptr_recv && m->npath == 0 &&
        VM_KIND(base.t) == K_PTR && !base.v.o)
        return nil_wrapper_panic(g, base, sel);
    if (!m->fn) {
        st = vm_promote(g, &base, &m);
        if (st != X_OK)
            return st;
        addr = false;
    }
    if (addr && m->ptr_recv && m->npath == 0 &&
        VM_KIND(base.t) != K_PTR && !kind_is_aggregate(VM_KIND(base.t))) {
        R[1] = ptr; /* a method on the variable itself */
    } else {
        vm_value recv;
        st = vm_walk(g, base, m, &o, &idx, &recv);
        if (st != X_OK)
            return st;
        R = g->stack + fpos;
        R[1] = recv;
    }
    R[0] = vm_ref(m->fn->type, m->fn->static_fn);
    return X_OK;
}


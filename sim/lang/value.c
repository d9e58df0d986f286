/* value.c: equality, hashing and untyped-constant settling of run-time
 * values (vm_int.h). Hashes use contents and stable ids, never
 * addresses. */
#include <math.h>
#include <string.h>

#include "sim/lang/vm_int.h"

/* Does a value of type t take no memory (struct{}, [0]T, structs and
 * arrays of such)? */
static bool zero_size(const vm_program *p, uint32_t t, int depth)
{
    const vm_type *ty;
    if (!t || depth > 32)
        return false;
    ty = prog_type(p, prog_type(p, t)->under);
    switch (VM_KIND(ty->id)) {
    case K_ARRAY:
        return ty->len == 0 || zero_size(p, ty->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < ty->nfields; i++)
            if (!zero_size(p, ty->fields[i].type, depth + 1))
                return false;
        return true;
    default:
        return false;
    }
}

/* Is pointer type t's pointee of size zero? Go gives every such
 * variable one address (runtime.zerobase): &a[1] == &a[2] for a
 * [N]struct{}, as the spec allows for distinct zero-size variables. */
static bool to_zero_size(const vm_program *p, uint32_t t)
{
    return zero_size(p, prog_type(p, t)->elem, 0);
}

/* Is field i of struct type t blank? Go's == skips blank fields. */
bool vm_blank_field(const vm_program *p, uint32_t t, uint32_t i)
{
    const vm_type *ty = prog_type(p, t);
    const char *n;
    if (i >= ty->nfields)
        return false;
    n = p->names.p[ty->fields[i].name];
    return n[0] == '_' && !n[1];
}

bool vm_equal(const vm_program *p, vm_value a, vm_value b)
{
    vm_kind k;
    if (kind_is_untyped(VM_KIND(a.t)))
        a = vm_settle(p, a, b.t);
    if (kind_is_untyped(VM_KIND(b.t)))
        b = vm_settle(p, b, a.t);
    if (a.t != b.t)
        return false;
    k = VM_KIND(a.t);
    switch (k) {
    case K_NIL:
        return true;
    case K_FLOAT64:
    case K_FLOAT32:
        return a.v.f == b.v.f;
    case K_STRING:
        return a.aux == b.aux && (!a.aux || !memcmp(a.v.s, b.v.s, a.aux));
    case K_PTR:
        if (a.v.o == b.v.o)
            return !a.v.o || a.aux == b.aux || to_zero_size(p, a.t);
        return a.v.o && b.v.o && to_zero_size(p, a.t);
    case K_ARRAY:
    case K_STRUCT:
        if (a.v.o == b.v.o)
            return true;
        if (!a.v.o || !b.v.o)
            return false;
        for (uint32_t i = 0; i < a.v.o->n; i++)
            if (!vm_equal(p, a.v.o->slots[i], b.v.o->slots[i]) &&
                !(k == K_STRUCT && vm_blank_field(p, a.t, i)))
                return false;
        return true;
    default:
        return a.v.u == b.v.u;
    }
}

/* A stable id of o (given on first need, in execution order). */
static uint64_t obj_id(vm_exec *x, vm_obj *o)
{
    if (!o)
        return 0;
    if (!o->pid)
        o->pid = ++x->next_pid;
    return o->pid;
}

uint64_t vm_hash(vm_exec *x, vm_value v)
{
    uint64_t h = hash_u64(HASH_INIT, v.t);
    vm_kind k = VM_KIND(v.t);
    switch (k) {
    case K_NIL:
        return h;
    case K_FLOAT64:
    case K_FLOAT32: {
        double f = v.v.f == 0 ? 0 : v.v.f; /* +0 and -0 are equal */
        return hash_bytes(h, &f, sizeof f);
    }
    case K_STRING:
        return hash_bytes(h, v.v.s, v.aux);
    case K_PTR:
        if (v.v.o && to_zero_size(x->prog, v.t))
            return hash_u64(h, 1);
        return hash_u64(hash_u64(h, obj_id(x, v.v.o)), v.aux);
    case K_CHAN:
        return hash_u64(h, v.v.ch ? (uint64_t)v.v.ch->hdr.oid + 1 : 0);
    case K_ARRAY:
    case K_STRUCT:
        if (v.v.o)
            for (uint32_t i = 0; i < v.v.o->n; i++)
                if (k != K_STRUCT || !vm_blank_field(x->prog, v.t, i))
                    h = hash_u64(h, vm_hash(x, v.v.o->slots[i]));
        return h;
    default:
        if (kind_is_int(k) || k == K_BOOL)
            return hash_u64(h, v.v.u);
        return h;
    }
}

vm_value vm_settle(const vm_program *p, vm_value v, uint32_t t)
{
    vm_kind k = VM_KIND(v.t), tk;
    if (!kind_is_untyped(k))
        return v;
    if (!t || kind_is_untyped(VM_KIND(t)))
        t = vm_default_type(v.t);
    tk = VM_KIND(prog_type(p, t)->under);
    if (tk == K_IFACE || tk == K_NIL) {
        t = vm_default_type(v.t);
        tk = VM_KIND(t);
    }
    if (kind_is_int(tk)) {
        int64_t i = k == K_UNTYPED_FLOAT ? (int64_t)v.v.f : v.v.i;
        return vm_int(t, int_wrap(tk, (uint64_t)i));
    }
    if (kind_is_float(tk)) {
        double f = k == K_UNTYPED_FLOAT ? v.v.f : (double)v.v.i;
        if (tk == K_FLOAT32)
            f = (double)(float)f;
        return vm_float(t, f);
    }
    /* a type an untyped number cannot have: its default */
    t = vm_default_type(v.t);
    if (VM_KIND(t) == K_FLOAT64)
        return vm_float(t, k == K_UNTYPED_FLOAT ? v.v.f : (double)v.v.i);
    return vm_int(t, k == K_UNTYPED_FLOAT ? (int64_t)v.v.f : v.v.i);
}

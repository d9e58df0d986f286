/* lib_reflect.c: the natives behind package reflect (the Go side is
 * sim/lang/lib/reflect/reflect.go): a value's dynamic type id, questions
 * about a type's descriptor (vm_type) answered as Go's reflect.Type
 * answers them, and DeepEqual over the VM's values. DeepEqual's reads,
 * like fmt's, are not tracked accesses. */
#include <string.h>

#include "sim/lang/lib.h"

/* The questions of reflect.go (qKind ...). */
enum {
    Q_KIND,
    Q_ELEM,
    Q_KEY,
    Q_LEN,
    Q_NUMFIELD,
    Q_FIELDTYPE,
    Q_FIELDEMB,
    Q_NUMIN,
    Q_IN,
    Q_NUMOUT,
    Q_OUT,
    Q_VARIADIC,
    Q_CHANDIR,
    Q_COMPARABLE,
    Q_ASSIGNABLE,
    Q_IMPLEMENTS,
    Q_SIZE
};
enum { QS_STRING, QS_NAME, QS_PKGPATH, QS_FIELDNAME, QS_FIELDTAG };

/* reflect.Kind of VM type t (reflect/type.go's numbering). */
static int64_t rkind(uint32_t t)
{
    static const int8_t kinds[K__COUNT] = {
        [K_BOOL] = 1,     [K_INT] = 2,      [K_INT8] = 3,    [K_INT16] = 4,
        [K_INT32] = 5,    [K_INT64] = 6,    [K_UINT] = 7,    [K_UINT8] = 8,
        [K_UINT16] = 9,   [K_UINT32] = 10,  [K_UINT64] = 11, [K_UINTPTR] = 12,
        [K_FLOAT32] = 13, [K_FLOAT64] = 14, [K_ARRAY] = 17,  [K_CHAN] = 18,
        [K_FUNC] = 19,    [K_IFACE] = 20,   [K_MAP] = 21,    [K_PTR] = 22,
        [K_SLICE] = 23,   [K_STRING] = 24,  [K_STRUCT] = 25,
    };
    if (t == T_UPTR) return 26;
    return kinds[VM_KIND(t)];
}

static int64_t rsize(uint32_t t)
{
    switch (VM_KIND(t)) {
    case K_INT8:
    case K_UINT8:
        return 1;
    case K_INT16:
    case K_UINT16:
        return 2;
    case K_INT32:
    case K_UINT32:
    case K_FLOAT32:
        return 4;
    default:
        return 8;
    }
}

static bool comparable(const vm_program *p, uint32_t t, int depth)
{
    const vm_type *d = prog_type(p, t);
    if (depth > 64) return true;
    switch (VM_KIND(t)) {
    case K_SLICE:
    case K_MAP:
    case K_FUNC:
        return false;
    case K_ARRAY:
        return comparable(p, d->elem, depth + 1);
    case K_STRUCT:
        for (uint32_t i = 0; i < d->nfields; i++)
            if (!comparable(p, d->fields[i].type, depth + 1)) return false;
        return true;
    default:
        return true;
    }
}

static bool implements(const vm_program *p, uint32_t t, uint32_t u)
{
    vm_value v = vm_nil();
    const vm_type *d = prog_type(p, u);
    v.t = t;
    if (VM_KIND(u) != K_IFACE) return false;
    /* a named interface's methods are its underlying type's */
    return vm_has_type(p, v, d->nimethods || !d->named ? u : d->under);
}

/* Go's assignability of a value of type t to type u (the spec's rules
 * that apply to types rather than to constants or nil). */
static bool defined(const vm_program *p, uint32_t t)
{
    return prog_type(p, t)->named || VM_TIDX(t) < TI__PREDECLARED;
}

static bool assignable(const vm_program *p, uint32_t t, uint32_t u)
{
    const vm_type *a = prog_type(p, t), *b = prog_type(p, u);
    bool one_unnamed = !defined(p, t) || !defined(p, u);
    if (t == u) return true;
    if (VM_KIND(u) == K_IFACE) return implements(p, t, u);
    if (one_unnamed && a->under == b->under) return true;
    return VM_KIND(t) == K_CHAN && VM_KIND(u) == K_CHAN && a->dir == 0 &&
           a->elem == b->elem && one_unnamed;
}

static bool type_ok(vm_ncall *c, int64_t t)
{
    const vm_program *p = c->g->x->prog;
    if (t <= 0 || VM_TIDX((uint64_t)t) >= p->types.len) {
        vm_throwf(c->g, "reflect: call of method on nil Type");
        return false;
    }
    return true;
}

/* __rtype(x any) int: the id of x's dynamic type (0: nil). */
nat_status lib_rtype(vm_ncall *c)
{
    vm_value v = c->a[0];
    if (kind_is_untyped(VM_KIND(v.t))) v = vm_settle(c->g->x->prog, v, 0);
    c->r[0] = vm_int(T_INT, v.t);
    return NAT_OK;
}

/* __rtype_int(t, q, i int) int: question q about type t (its field,
 * parameter or result i; for Q_ASSIGNABLE and Q_IMPLEMENTS, i is the other
 * type). The Go side has checked the type's kind. */
nat_status lib_rtype_int(vm_ncall *c)
{
    const vm_program *p = c->g->x->prog;
    int64_t ti = c->a[0].v.i, i = c->a[2].v.i, r = 0;
    uint32_t t;
    const vm_type *d;
    if (!type_ok(c, ti)) return NAT_PANIC;
    t = (uint32_t)ti;
    d = prog_type(p, t);
    switch (c->a[1].v.i) {
    case Q_KIND:
        /* complex64, complex128 (structs of two floats in weft) */
        r = vm_cplx_bits(p, t) ? (vm_cplx_bits(p, t) == 64 ? 15 : 16)
                               : rkind(t);
        break;
    case Q_ELEM:
        r = d->elem;
        break;
    case Q_KEY:
        r = d->key;
        break;
    case Q_LEN:
        r = d->len;
        break;
    case Q_NUMFIELD:
        r = d->nfields;
        break;
    case Q_FIELDTYPE:
    case Q_FIELDEMB:
        if (i < 0 || i >= d->nfields) {
            vm_throwf(c->g, "reflect: Field index out of bounds");
            return NAT_PANIC;
        }
        r = c->a[1].v.i == Q_FIELDTYPE ? d->fields[i].type
                                       : d->fields[i].embedded;
        break;
    case Q_NUMIN:
        r = d->nparams;
        break;
    case Q_NUMOUT:
        r = d->nresults;
        break;
    case Q_IN:
    case Q_OUT: {
        bool in = c->a[1].v.i == Q_IN;
        if (i < 0 || i >= (in ? d->nparams : d->nresults)) {
            vm_throwf(c->g, "reflect: %s of index out of range",
                      in ? "In" : "Out");
            return NAT_PANIC;
        }
        r = d->params[in ? i : d->nparams + i];
        break;
    }
    case Q_VARIADIC:
        r = d->variadic;
        break;
    case Q_CHANDIR:
        r = d->dir == 1 ? 2 : d->dir == 2 ? 1 : 3;
        break;
    case Q_COMPARABLE:
        r = comparable(p, t, 0);
        break;
    case Q_ASSIGNABLE:
    case Q_IMPLEMENTS:
        if (!type_ok(c, i)) return NAT_PANIC;
        r = c->a[1].v.i == Q_ASSIGNABLE ? assignable(p, t, (uint32_t)i)
                                        : implements(p, t, (uint32_t)i);
        break;
    case Q_SIZE:
        r = vm_cplx_bits(p, t) ? vm_cplx_bits(p, t) / 8 : rsize(t);
        break;
    }
    c->r[0] = vm_int(T_INT, r);
    return NAT_OK;
}

/* The name of named type d without its package ("main.T[int]": "T[int]"). */
static const char *short_name(const char *s)
{
    const char *br = strchr(s, '['), *dot = NULL;
    for (const char *q = s; *q && (!br || q < br); q++)
        if (*q == '.') dot = q;
    return dot ? dot + 1 : s;
}

/* __rtype_str(t, q, i int) string. */
nat_status lib_rtype_str(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    const vm_program *p = x->prog;
    int64_t ti = c->a[0].v.i, i = c->a[2].v.i;
    const vm_type *d;
    const char *s = "";
    if (!type_ok(c, ti)) return NAT_PANIC;
    d = prog_type(p, (uint32_t)ti);
    switch (c->a[1].v.i) {
    case QS_STRING:
        s = d->name;
        break;
    case QS_NAME:
        if (d->named)
            s = short_name(d->name);
        else if ((VM_TIDX((uint32_t)ti) < TI_ANY &&
                  VM_KIND((uint32_t)ti) != K_NIL) ||
                 (uint32_t)ti == T_ERROR)
            s = d->name;
        break;
    case QS_PKGPATH:
        s = d->named && d->pkgpath ? d->pkgpath : "";
        break;
    case QS_FIELDNAME:
    case QS_FIELDTAG:
        if (i < 0 || i >= d->nfields) {
            vm_throwf(c->g, "reflect: Field index out of bounds");
            return NAT_PANIC;
        }
        if (c->a[1].v.i == QS_FIELDNAME)
            s = p->names.p[d->fields[i].name];
        else if (d->fields[i].tag) /* "`" and the tag (field_tag) */
            s = p->names.p[d->fields[i].tag] + 1;
        break;
    }
    c->r[0] = vm_new_str(x, s ? s : "", s ? strlen(s) : 0);
    return NAT_OK;
}

/* ---- DeepEqual ------------------------------------------------------------
 */

/* Pairs of references being compared (reflect/deepequal.go's visited):
 * met again, they are taken as equal, so cyclic values end. */
typedef struct deq_pair {
    const void *a, *b;
    uint32_t t;
} deq_pair;
typedef struct deq {
    const vm_program *p;
    vm_exec *x;
    VEC(deq_pair) seen;
} deq;

static bool seen_pair(deq *q, const void *a, const void *b, uint32_t t)
{
    if (a > b) {
        const void *s = a;
        a = b;
        b = s;
    }
    for (size_t i = 0; i < q->seen.len; i++)
        if (q->seen.p[i].a == a && q->seen.p[i].b == b && q->seen.p[i].t == t)
            return true;
    {
        deq_pair e = {a, b, t};
        VEC_PUSH(q->seen, e);
    }
    return false;
}

/* The value a non-nil pointer points to. */
static vm_value pointee(const vm_program *p, vm_value v)
{
    (void)p;
    if (v.aux == VM_WHOLE) return vm_ref(v.v.o->type, v.v.o);
    return v.v.o->slots[v.aux];
}

static bool deep(deq *q, vm_value a, vm_value b, int depth)
{
    vm_kind k;
    if (a.t != b.t) return false;
    if (depth > 10000) return true;
    k = VM_KIND(a.t);
    switch (k) {
    case K_NIL:
        return true;
    case K_ARRAY:
    case K_STRUCT:
        if (a.v.o == b.v.o) return true;
        if (!a.v.o || !b.v.o) return false;
        for (uint32_t i = 0; i < a.v.o->n && i < b.v.o->n; i++) {
            vm_value ea = a.v.o->slots[i], eb = b.v.o->slots[i];
            if (VM_KIND(ea.t) == K_HANDLE)
                continue; /* a sync type's engine object: not Go state */
            if (!deep(q, ea, eb, depth + 1)) return false;
        }
        return true;
    case K_SLICE:
        if (!a.v.sl || !b.v.sl) return a.v.sl == b.v.sl;
        if (a.v.sl->len != b.v.sl->len) return false;
        if (a.v.sl->arr == b.v.sl->arr && a.v.sl->off == b.v.sl->off)
            return true;
        if (seen_pair(q, a.v.sl, b.v.sl, a.t)) return true;
        for (uint32_t i = 0; i < a.v.sl->len; i++)
            if (!deep(q, *slice_at(a.v.sl, i), *slice_at(b.v.sl, i), depth + 1))
                return false;
        return true;
    case K_PTR:
        if (a.v.o == b.v.o && (!a.v.o || a.aux == b.aux)) return true;
        if (!a.v.o || !b.v.o) return false;
        if (seen_pair(q, a.v.o, b.v.o, a.t)) return true;
        return deep(q, pointee(q->p, a), pointee(q->p, b), depth + 1);
    case K_MAP: {
        vm_map *ma = a.v.m, *mb = b.v.m;
        if (!ma || !mb) return ma == mb;
        if (ma->count != mb->count) return false;
        if (ma == mb || seen_pair(q, ma, mb, a.t)) return true;
        for (uint32_t i = 0; i < ma->nent; i++) {
            vm_value *vb;
            if (!ma->live[i]) continue;
            vb = map_find(q->x, mb, ma->keys[i]);
            if (!vb || !deep(q, ma->vals[i], *vb, depth + 1)) return false;
        }
        return true;
    }
    case K_FUNC:
        return !a.v.o && !b.v.o;
    case K_HANDLE:
        return true;
    default:
        return vm_equal(q->p, a, b);
    }
}

/* __deepequal(x, y any) bool: reflect.DeepEqual. */
nat_status lib_deepequal(vm_ncall *c)
{
    deq q;
    vm_value a = c->a[0], b = c->a[1];
    bool r;
    memset(&q, 0, sizeof q);
    q.x = c->g->x;
    q.p = q.x->prog;
    if (kind_is_untyped(VM_KIND(a.t))) a = vm_settle(q.p, a, 0);
    if (kind_is_untyped(VM_KIND(b.t))) b = vm_settle(q.p, b, 0);
    r = deep(&q, a, b, 0);
    VEC_FREE(q.seen);
    c->r[0] = vm_bool(r);
    return NAT_OK;
}

/* lib_reflect.c: the natives behind package reflect (the Go side is
 * sim/lang/lib/reflect/reflect.go): a value's dynamic type id, questions
 * about a type's descriptor (vm_type) answered as Go's reflect.Type
 * answers them, and DeepEqual over the VM's values. DeepEqual's reads,
 * like fmt's, are not tracked accesses. */
#include <string.h>

#include "sim/lang/compile_int.h"
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
    Q_SIZE,
    Q_NUMMETHOD,
    Q_METHODTYPE
};
enum { QS_STRING, QS_NAME, QS_PKGPATH, QS_FIELDNAME, QS_FIELDTAG,
       QS_METHODNAME };

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

/* ---- method sets --------------------------------------------------------- */

#define MSET_MAX 256

/* The exported methods of type t's method set, in name order (Go's
 * Method(i) numbering); returns how many (at most MSET_MAX). */
static uint32_t method_set(const vm_program *p, uint32_t t,
                           const vm_member **out)
{
    const vm_type *ty = prog_type(p, t);
    uint32_t n = 0;
    bool ptr = VM_KIND(t) == K_PTR;
    if (ptr && !ty->named && ty->elem)
        ty = prog_type(p, ty->elem);
    else if (ptr)
        return 0;
    for (uint32_t i = 0; i < ty->nmembers && n < MSET_MAX; i++) {
        const vm_member *m = &ty->members[i];
        const char *nm = p->names.p[m->name];
        if (!m->is_method || !m->fn || nm[0] < 'A' || nm[0] > 'Z' ||
            (m->ptr_recv && !ptr))
            continue;
        out[n++] = m;
    }
    for (uint32_t i = 1; i < n; i++) /* by name, as Go sorts them */
        for (uint32_t k = i; k > 0 && strcmp(p->names.p[out[k - 1]->name],
                                             p->names.p[out[k]->name]) > 0;
             k--) {
            const vm_member *s = out[k];
            out[k] = out[k - 1];
            out[k - 1] = s;
        }
    return n;
}

/* The program's func type with ft's parameters but the first (a method's
 * type without its receiver), or T_FUNC when the program has none. */
static uint32_t without_recv(const vm_program *p, uint32_t ft)
{
    const vm_type *f = prog_type(p, ft);
    if (VM_KIND(ft) != K_FUNC || !f->nparams)
        return T_FUNC;
    for (size_t i = 0; i < p->types.len; i++) {
        const vm_type *u = &p->types.p[i];
        if (VM_KIND(u->id) != K_FUNC || u->named || u->id == T_FUNC ||
            u->nparams + 1 != f->nparams || u->nresults != f->nresults ||
            u->variadic != f->variadic)
            continue;
        if (!memcmp(u->params, f->params + 1,
                    (size_t)(u->nparams + u->nresults) * sizeof *u->params))
            return u->id;
    }
    return T_FUNC;
}

/* Func type ft with its first parameter (the receiver) of type recv, if
 * the program has it (0 if not). */
static uint32_t with_recv(const vm_program *p, uint32_t ft, uint32_t recv)
{
    const vm_type *f = prog_type(p, ft);
    for (size_t i = 0; i < p->types.len; i++) {
        const vm_type *u = &p->types.p[i];
        if (VM_KIND(u->id) != K_FUNC || u->named || u->id == T_FUNC ||
            u->nparams != f->nparams || u->nresults != f->nresults ||
            u->variadic != f->variadic || !u->nparams ||
            u->params[0] != recv)
            continue;
        if (!memcmp(u->params + 1, f->params + 1,
                    (size_t)(u->nparams - 1 + u->nresults) *
                        sizeof *u->params))
            return u->id;
    }
    return 0;
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
        r = vm_type_size(p, t);
        break;
    case Q_NUMMETHOD:
    case Q_METHODTYPE: {
        const vm_member *ms[MSET_MAX];
        uint32_t n = VM_KIND(t) == K_IFACE ? d->nimethods
                                            : method_set(p, t, ms);
        if (c->a[1].v.i == Q_NUMMETHOD) {
            r = n;
            break;
        }
        if (i < 0 || i >= n || VM_KIND(t) == K_IFACE) {
            vm_throwf(c->g, "reflect: Method index out of range");
            return NAT_PANIC;
        }
        r = ms[i]->fn->type; /* the receiver first */
        if (VM_KIND(t) == K_PTR && !ms[i]->ptr_recv &&
            VM_KIND(r) == K_FUNC && prog_type(p, r)->nparams &&
            prog_type(p, r)->params[0] != t) {
            /* a value method in *T's set: func(*T, ...) (compile.c
             * makes it) */
            r = with_recv(p, r, t);
            if (!r) {
                vm_throwf(c->g, "unsupported: reflect: the type of method "
                                "%lld of %s", (long long)i,
                          prog_type(p, t)->name);
                return NAT_PANIC;
            }
        }
        break;
    }
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
        if (d->named || (uint32_t)ti == T_UPTR)
            s = short_name(d->name);
        else if ((VM_TIDX((uint32_t)ti) < TI_ANY &&
                  VM_KIND((uint32_t)ti) != K_NIL) ||
                 (uint32_t)ti == T_ERROR)
            s = d->name;
        break;
    case QS_PKGPATH:
        s = (uint32_t)ti == T_UPTR             ? "unsafe"
            : d->named && d->pkgpath ? d->pkgpath
                                     : "";
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
    case QS_METHODNAME: {
        const vm_member *ms[MSET_MAX];
        uint32_t n = VM_KIND((uint32_t)ti) == K_IFACE
                         ? 0
                         : method_set(p, (uint32_t)ti, ms);
        if (i < 0 || i >= n) {
            vm_throwf(c->g, "reflect: Method index out of range");
            return NAT_PANIC;
        }
        s = p->names.p[ms[i]->name];
        break;
    }
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
        if (vm_is_raw(a) || vm_is_raw(b)) return false;
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

/* ---- values -------------------------------------------------------------- */

/* The operations of __rvalue (reflect.go's rv... constants). */
enum {
    RV_INT,
    RV_UINT,
    RV_FLOAT,
    RV_STRING,
    RV_BOOL,
    RV_FIELD,
    RV_INDEX,
    RV_ELEM,
    RV_LEN,
    RV_ISNIL,
    RV_POINTER,
    RV_METHOD,
    RV_FUNC,
    RV_REAL,
    RV_IMAG,
    RV_CONVERT,
    RV_RETAG,
    RV_ADDR,
    RV_LOAD,
    RV_MAKESLICE,
    RV_MAPENTRY,
    RV_MAPVAL
};

/* __rvalue(op int, x any, i int) (any, int): a reading of x (its field,
 * element or method i) and the static type id of what is read. The Go
 * side has checked x's kind. RV_ADDR: a pointer to field i of the struct
 * x points to, or to element i of slice x or of the array x points to
 * (the slot's static type second); RV_LOAD: *x, read as the program's
 * *x reads it (each scalar slot of an aggregate a tracked read), so a
 * race through reflect shows; RV_MAKESLICE: a new slice of type id x,
 * of length and capacity i; RV_MAPENTRY: the key of entry i of map x
 * (entries in insertion order; type -1 past the last, -2 for a deleted
 * one), entry 0 a read of the map; RV_MAPVAL: the value of entry i. */
nat_status lib_rvalue(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    const vm_program *p = x->prog;
    vm_value v = c->a[1], r = vm_nil();
    int64_t i = c->a[2].v.i;
    uint32_t t = 0;
    const vm_type *d = v.t ? prog_type(p, v.t) : NULL;
    if (kind_is_untyped(VM_KIND(v.t))) {
        v = vm_settle(p, v, 0);
        d = prog_type(p, v.t);
    }
    switch (c->a[0].v.i) {
    case RV_INT:
        r = vm_int(T_INT64, v.v.i);
        break;
    case RV_UINT:
        r = vm_int(T_UINT64, v.v.i);
        break;
    case RV_FLOAT:
        r = vm_float(T_FLOAT64, v.v.f);
        break;
    case RV_REAL:
    case RV_IMAG:
        r = vm_float(T_FLOAT64, vm_cplx_part(v, c->a[0].v.i == RV_IMAG));
        break;
    case RV_STRING:
        r = v;
        r.t = T_STRING;
        break;
    case RV_BOOL:
        r = vm_bool(v.v.i != 0);
        break;
    case RV_FIELD:
        if (!d || i < 0 || i >= d->nfields || !v.v.o) {
            vm_throwf(c->g, "reflect: Field index out of range");
            return NAT_PANIC;
        }
        r = vm_copy(x, v.v.o->slots[i]);
        t = d->fields[i].type;
        break;
    case RV_INDEX: {
        vm_value len;
        if (vm_len(c->g, &len, v, false) != X_OK)
            return NAT_PANIC;
        if (i < 0 || i >= len.v.i) {
            vm_throwf(c->g, "reflect: %s index out of range",
                      VM_KIND(v.t) == K_STRING  ? "string"
                      : VM_KIND(v.t) == K_ARRAY ? "array"
                                                : "slice");
            return NAT_PANIC;
        }
        if (VM_KIND(v.t) == K_STRING) {
            r = vm_int(T_UINT8, (unsigned char)v.v.s[i]);
            t = T_UINT8;
            break;
        }
        if (vm_index(c->g, &r, v, vm_int(T_INT, i), NULL) != X_OK)
            return NAT_PANIC;
        r = vm_copy(x, r);
        t = d->elem;
        break;
    }
    case RV_ELEM:
        t = d ? d->elem : 0;
        if (vm_is_raw(v)) {
            vm_raw_deref(c->g, v);
            return NAT_PANIC;
        }
        if (v.v.o)
            r = vm_copy(x, vm_pointee(c->g, v));
        break;
    case RV_LEN: { /* Len as the len built-in: a buffered channel's is
                      an op of its own (OP_CHAN_LEN), a map's a read */
        vm_value len;
        int st = i != 0 ? vm_len(c->g, &len, v, true)
                        : vm_len_op(c->g, &len, v);
        if (st != X_OK)
            return st == X_YIELD ? NAT_YIELD : NAT_PANIC;
        r = vm_int(T_INT, len.v.i);
        break;
    }
    case RV_ISNIL:
        r = vm_bool(vm_is_nil(v, false));
        break;
    case RV_CONVERT: /* the Go side allows numbers and strings only */
        if (!type_ok(c, i))
            return NAT_PANIC;
        t = (uint32_t)i;
        if (vm_convert(c->g, &r, v, t) != X_OK)
            return NAT_PANIC;
        break;
    case RV_ADDR: { /* the Go side has checked the kind and the bounds */
        vm_obj *o = v.v.o;
        uint32_t idx = (uint32_t)i;
        const vm_type *cd = prog_type(p, d->under);
        if (VM_KIND(v.t) == K_SLICE) {
            o = v.v.sl->arr;
            idx += v.v.sl->off;
            t = cd->elem;
        } else if (VM_IS_WINDOW(v.aux)) {
            idx += v.aux & ~VM_WINDOW;
            t = prog_type(p, prog_type(p, cd->elem)->under)->elem;
        } else if (v.aux != VM_WHOLE || vm_is_raw(v)) {
            vm_throwf(c->g, "unsupported: reflect: the address of a field "
                            "or element of this value");
            return NAT_PANIC;
        } else {
            const vm_type *ed = prog_type(p, prog_type(p, cd->elem)->under);
            t = VM_KIND(ed->id) == K_STRUCT ? ed->fields[i].type : ed->elem;
        }
        if (VM_KIND(t) == K_IFACE) { /* the slot, not the value it holds */
            r = vm_ref(0, o);
            r.aux = idx;
        } else {
            r = vm_slot_ptr(p, o, idx);
        }
        r.t = type_ptr(x->prog, t);
        break;
    }
    case RV_LOAD: {
        int st;
        if (v.aux == VM_WHOLE) {
            r = vm_pointee(c->g, v);
            st = vm_read_copy(c->g, r);
        } else {
            st = vm_deref(c->g, &r, v);
        }
        if (st != X_OK)
            return st == X_YIELD ? NAT_YIELD : NAT_PANIC;
        r = vm_copy(x, r);
        t = prog_type(p, d->under)->elem;
        break;
    }
    case RV_MAKESLICE:
        if (!type_ok(c, v.v.i))
            return NAT_PANIC;
        t = (uint32_t)v.v.i;
        r = vm_make_slice(x, t, (uint32_t)i, (uint32_t)i);
        break;
    case RV_MAPENTRY:
    case RV_MAPVAL: {
        vm_map *m = v.v.m;
        if (c->a[0].v.i == RV_MAPENTRY && i == 0 && m) {
            if (!vm_access(c->g, VM_OBJ_OF(m), 0, false, 0, vm_nil()))
                return NAT_YIELD;
            c->g->granted = 0;
        }
        if (!m || i < 0 || (uint64_t)i >= m->nent) {
            c->r[0] = vm_nil();
            c->r[1] = vm_int(T_INT, -1);
            return NAT_OK;
        }
        if (!m->live[i]) {
            c->r[0] = vm_nil();
            c->r[1] = vm_int(T_INT, -2);
            return NAT_OK;
        }
        if (c->a[0].v.i == RV_MAPENTRY) {
            r = vm_copy(x, m->keys[i]);
            t = prog_type(p, d->under)->key;
        } else {
            r = vm_copy(x, m->vals[i]);
            t = prog_type(p, d->under)->elem;
        }
        break;
    }
    case RV_RETAG: /* the Go side has checked assignability */
        r = v;
        r.t = t = (uint32_t)i;
        break;
    case RV_POINTER: {
        /* a func's is its code's entry, which runtime.FuncForPC knows;
         * else the synthetic address unsafe.Pointer has (vm_addr.c) */
        uint64_t pc = lib_func_entry_pc(p, v);
        r = vm_int(T_UINTPTR, pc ? (int64_t)pc : (int64_t)vm_addr_of(x, v));
        break;
    }
    case RV_METHOD:
    case RV_FUNC: {
        const vm_member *ms[MSET_MAX];
        uint32_t n = method_set(p, c->a[0].v.i == RV_FUNC
                                       ? (uint32_t)v.v.i
                                       : v.t,
                                ms);
        if (i < 0 || i >= n) {
            vm_throwf(c->g, "reflect: Method index out of range");
            return NAT_PANIC;
        }
        if (c->a[0].v.i == RV_FUNC) {
            /* the method expression T.M: the receiver first */
            if (ms[i]->npath || !ms[i]->fn->static_fn) {
                vm_throwf(c->g, "unsupported: reflect: Method(%lld).Func "
                                "of a promoted method",
                          (long long)i);
                return NAT_PANIC;
            }
            t = ms[i]->fn->type;
            r = vm_ref(t, ms[i]->fn->static_fn);
            break;
        }
        {
            vm_sel sel;
            memset(&sel, 0, sizeof sel);
            sel.name = ms[i]->name;
            if (vm_get_field(c->g, &r, v, &sel, false) != X_OK)
                return NAT_PANIC;
            t = without_recv(p, ms[i]->fn->type);
            r.t = t;
        }
        break;
    }
    }
    c->r[0] = r;
    c->r[1] = vm_int(T_INT, t);
    return NAT_OK;
}

/* __mapindex(m, k any) (any, bool): m[k] and whether k is there, read
 * as the program's m[k] reads it (reflect's MapIndex). */
nat_status lib_mapindex(vm_ncall *c)
{
    vm_value ok;
    int st = vm_index(c->g, &c->r[0], c->a[0], c->a[1], &ok);
    if (st != X_OK)
        return st == X_YIELD ? NAT_YIELD : NAT_PANIC;
    c->r[0] = vm_copy(c->g->x, c->r[0]);
    c->r[1] = ok;
    return NAT_OK;
}

/* __rvalue_call(fn any, args []any) any: fn(args...), its first result. */
nat_status lib_rvalue_call(vm_ncall *c)
{
    vm_value fn = c->a[0], s = c->a[1];
    vm_value args[64];
    uint32_t n = 0;
    if (c->f->pc > 0) {
        c->r[0] = c->callres;
        return NAT_OK;
    }
    if (VM_KIND(s.t) == K_SLICE && s.v.sl) {
        n = s.v.sl->len;
        if (n > 64) {
            vm_throwf(c->g, "unsupported: reflect: Call with more than 64 "
                            "arguments");
            return NAT_PANIC;
        }
        for (uint32_t i = 0; i < n; i++)
            args[i] = s.v.sl->arr->slots[s.v.sl->off + i];
    }
    return vm_native_call(c, fn, args, n);
}

/* __makefunc(t int, tramp func, impl func([]any) []any) any: reflect.
 * MakeFunc's function value of func type t: a bound method of the native
 * tramp (__mfcall) whose receiver is impl, so a call of it runs
 * __mfcall(impl, args...). */
nat_status lib_makefunc(vm_ncall *c)
{
    vm_obj *o;
    if (!type_ok(c, c->a[0].v.i) || VM_KIND(c->a[1].t) != K_FUNC ||
        !c->a[1].v.o || !c->a[2].v.o) {
        vm_throwf(c->g, "reflect: MakeFunc: bad arguments");
        return NAT_PANIC;
    }
    o = heap_obj(c->g->x, OK_BOUND, (uint32_t)c->a[0].v.i, 1);
    o->u.proto = c->a[1].v.o->u.proto;
    o->slots[0] = c->a[2];
    c->r[0] = vm_ref((uint32_t)c->a[0].v.i, o);
    return NAT_OK;
}

/* __mfcall(impl, args...): a call of a function reflect.MakeFunc made:
 * impl(args as a []any), whose []any result gives the results (their
 * number the func type's). */
nat_status lib_mfcall(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    const vm_program *p = x->prog;
    vm_value impl = c->a[0], sl;
    if (c->f->pc == 0) {
        const vm_type *ft = c->f->fn ? prog_type(p, c->f->fn->type) : NULL;
        uint32_t n = c->n - 1;
        const vm_proto *ip = impl.v.o->u.proto;
        uint32_t st = ip->nparams && ip->ptypes ? ip->ptypes[0] : 0;
        sl = vm_make_slice(x, st ? st : T_UPTR, n, n);
        for (uint32_t i = 0; i < n; i++) {
            vm_value v = c->a[1 + i];
            if (kind_is_untyped(VM_KIND(v.t)))
                v = vm_settle(p, v,
                              ft && i < ft->nparams ? ft->params[i] : 0);
            vm_store(x, sl.v.sl->arr, i, v, 0);
        }
        if (vm_native_call(c, impl, &sl, 1) != NAT_CALL)
            return NAT_PANIC;
        c->g->frames[c->g->nframes - 1].flags |= FR_WRAPPER;
        return NAT_CALL;
    }
    sl = c->callres;
    c->nres = 0;
    if (VM_KIND(sl.t) == K_SLICE && sl.v.sl)
        for (uint32_t i = 0; i < sl.v.sl->len && i < VM_MULTI_MAX; i++)
            c->r[c->nres++] = sl.v.sl->arr->slots[sl.v.sl->off + i];
    return NAT_OK;
}

/* __rtype_of(kind, a, b, n int) int: the type ArrayOf(n, a), SliceOf(a),
 * PointerTo(a) or MapOf(a, b) denote (kind: reflect's Kind), made now if
 * the program has none yet, as Go's reflect makes it: the program's type
 * table interns it, so the same structure gives the same id (Types
 * compare equal) in this execution and the next. */
nat_status lib_rtype_of(vm_ncall *c)
{
    vm_program *p = c->g->x->prog;
    int64_t kind = c->a[0].v.i, n = c->a[3].v.i;
    uint32_t a = (uint32_t)c->a[1].v.i, b = (uint32_t)c->a[2].v.i, r = 0;
    if (!type_ok(c, a) || (kind == 21 && !type_ok(c, b)))
        return NAT_PANIC;
    switch (kind) {
    case 17:
        r = type_array(p, a, n);
        break;
    case 21:
        r = type_map(p, a, b);
        break;
    case 22:
        r = type_ptr(p, a);
        break;
    default:
        r = type_slice(p, a);
        break;
    }
    c->r[0] = vm_int(T_INT, r);
    return NAT_OK;
}

/* The id of name s in the program's interned names, added if new (a
 * field name reflect.StructOf brings). O(names). */
static uint32_t name_id(vm_program *p, const char *s, uint32_t n)
{
    for (size_t i = 0; i < p->names.len; i++)
        if (!strncmp(p->names.p[i], s, n) && !p->names.p[i][n])
            return (uint32_t)i;
    VEC_PUSH(p->names, arena_strndup(&p->mem, s, n));
    return (uint32_t)(p->names.len - 1);
}

/* __rstruct(names []string, types []int, tags []string, emb []bool) int:
 * the struct type reflect.StructOf makes of fields whose names, types,
 * tags and embedding reflect.go checked as Go's StructOf does. */
nat_status lib_rstruct(vm_ncall *c)
{
    vm_program *p = c->g->x->prog;
    vm_slice *names = c->a[0].v.sl, *types = c->a[1].v.sl,
             *tags = c->a[2].v.sl, *emb = c->a[3].v.sl;
    uint32_t n = names ? names->len : 0;
    vm_field *f = n ? wf_xcalloc(n, sizeof *f) : NULL; /* zeroed: memcmp */
    for (uint32_t i = 0; i < n; i++) {
        vm_value nm = *slice_at(names, i), tg = *slice_at(tags, i);
        int64_t t = slice_at(types, i)->v.i;
        if (!type_ok(c, t)) {
            free(f);
            return NAT_PANIC;
        }
        f[i].name = name_id(p, nm.v.s, nm.aux);
        f[i].type = (uint32_t)t;
        if (tg.aux) { /* interned as the checker does: "`" and the tag */
            char *q = wf_xmalloc((size_t)tg.aux + 1);
            q[0] = '`';
            memcpy(q + 1, tg.v.s, tg.aux);
            f[i].tag = name_id(p, q, tg.aux + 1);
            free(q);
        }
        f[i].embedded = slice_at(emb, i)->v.i != 0;
    }
    c->r[0] = vm_int(T_INT, type_struct(p, f, n));
    free(f);
    return NAT_OK;
}

/* __rmake(what, t int) any: reflect.New(t) ('N', a pointer to a new
 * zero t), Zero(t) ('Z') or MakeMap(t) ('M'). */
nat_status lib_rmake(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    uint32_t t = (uint32_t)c->a[1].v.i, pt;
    vm_value z;
    if (!type_ok(c, t))
        return NAT_PANIC;
    switch (c->a[0].v.i) {
    case 'M':
        c->r[0] = vm_ref(t, map_new(x, t, 0));
        return NAT_OK;
    case 'Z':
        c->r[0] = vm_zero(x, t);
        return NAT_OK;
    default:
        break;
    }
    pt = type_ptr(x->prog, t); /* made now if the program has no *t */
    z = vm_zero(x, t);
    if (kind_is_aggregate(VM_KIND(t)) && z.v.o) {
        c->r[0] = vm_ref(pt, z.v.o);
        c->r[0].aux = VM_WHOLE;
    } else {
        vm_obj *cell = heap_obj(x, OK_CELL, t, 1);
        cell->slots[0] = z;
        c->r[0] = vm_ref(pt, cell);
    }
    return NAT_OK;
}

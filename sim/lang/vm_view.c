/* vm_view.c: reading memory through a pointer of another layout, as
 * unsafe.Pointer conversions do (*(*uintptr)(unsafe.Pointer(&s)),
 * (*reflect.SliceHeader)(unsafe.Pointer(&b)).Data, a struct read as
 * another of the same shape). weft's values have no bytes, but gc's
 * layout of each is known (vm_addr.c): the value is built leaf by leaf
 * from the words each slot would hold there. A word is an address
 * (vm_addr.c's, for pointers, slices, strings, maps, channels, funcs),
 * a length or capacity, the bits of a number, or zero in padding; the
 * first word of a capture-free function's funcval is its code's entry
 * pc (runtime.FuncForPC's). What has no such word (an interface's boxed
 * non-pointer value, a closure's code) is refused, by name. Writes through such a pointer stay refused
 * (vm_raw_deref). Each slot read is an access, as a load's is. */
#include <string.h>

#include "sim/lang/vm_int.h"

#define TYPE_START 0x4c0000ULL /* type descriptors, by type id */
#define ITAB_START 0x4e0000ULL /* itabs, by interface and type */
#define VIEW_MAX (1 << 20)       /* bytes read through one such pointer */

static const vm_program *P(const vm_g *g)
{
    return g->x->prog;
}

static int cannot(vm_g *g, uint64_t a, uint32_t want, uint32_t have,
                  const char *why)
{
    if (!have)
        return vm_throwf(g, "unsupported: reading %s at %#llx: %s",
                         prog_type(P(g), want)->name, (unsigned long long)a,
                         why);
    return vm_throwf(g, "unsupported: reading %s at %#llx, where weft holds "
                        "%s: %s",
                     prog_type(P(g), want)->name, (unsigned long long)a,
                     prog_type(P(g), have)->name, why);
}

/* Word w (0, 1, 2) of the value v held in a slot of declared type st,
 * as gc lays it out; false if weft cannot give it. */
static bool word_of(vm_g *g, vm_value v, uint32_t st, uint32_t w,
                    uint64_t *out)
{
    vm_exec *x = g->x;
    vm_kind k = VM_KIND(st ? st : v.t);
    switch (k) {
    case K_STRING:
        *out = w == 0 ? vm_str_addr(x, v.v.s, v.aux) : v.aux;
        return w < 2;
    case K_SLICE:
        if (w == 0)
            *out = vm_addr_of(x, v);
        else
            *out = v.v.sl ? (w == 1 ? v.v.sl->len : v.v.sl->cap) : 0;
        return w < 3;
    case K_PTR:
    case K_MAP:
    case K_CHAN:
    case K_FUNC: {
        uint64_t code;
        *out = vm_addr_of(x, v);
        /* a function without captures: the address of its funcval, when
         * weft can read the code word there (vm_addr_funcval) */
        return w == 0 && !(k == K_FUNC && v.v.o &&
                           (v.v.o->flags & OF_STATIC) &&
                           !vm_addr_funcval(x, *out, v.v.o, &code));
    }
    case K_IFACE:
        if (!v.t) {
            *out = 0;
            return w < 2;
        }
        if (w == 0) {
            const vm_type *it = prog_type(P(g), prog_type(P(g), st)->under);
            *out = it->nimethods
                       ? ITAB_START + (((uint64_t)st << 24) | v.t) * 0x20
                       : TYPE_START + (uint64_t)v.t * 0x40;
            return true;
        }
        switch (VM_KIND(v.t)) { /* the data word: pointer-shaped values */
        case K_PTR:
        case K_MAP:
        case K_CHAN:
        case K_FUNC:
            return w == 1 && word_of(g, v, v.t, 0, out);
        default:
            return false;
        }
    default:
        return false;
    }
}

/* Bytes [rem, rem+n) (n <= 8) of the leaf value v of declared type st
 * and size size, little-endian. */
static bool leaf_bits(vm_g *g, vm_value v, uint32_t st, uint64_t size,
                      uint64_t rem, uint64_t n, uint64_t *out)
{
    uint64_t bits = 0;
    vm_kind k = VM_KIND(st ? st : v.t);
    if (k == K_BOOL || kind_is_int(k)) {
        bits = v.v.u;
    } else if (k == K_FLOAT64) {
        memcpy(&bits, &v.v.f, 8);
    } else if (k == K_FLOAT32) {
        float f = (float)v.v.f;
        uint32_t b;
        memcpy(&b, &f, 4);
        bits = b;
    } else {
        if (size < 8 || !word_of(g, v, st, (uint32_t)(rem / 8), &bits))
            return false;
        rem %= 8;
    }
    if (size < 8)
        bits &= (1ULL << (8 * size)) - 1;
    *out = rem >= 8 ? 0 : bits >> (8 * rem);
    if (n < 8)
        *out &= (1ULL << (8 * n)) - 1;
    return true;
}

typedef struct view {
    vm_g *g;
    uint32_t k;       /* accesses made */
    uint64_t bad;     /* the address that could not be read */
    uint32_t badtype; /* the type held there */
    const char *why;
} view;

/* n (<= 8) bytes at address a, from the leaves holding them. */
static int read_bytes(view *V, uint64_t a, uint64_t n, uint64_t *out)
{
    uint64_t got = 0, bits = 0;
    while (got < n) {
        vm_obj *o;
        uint32_t i, lt;
        uint64_t rem, size, take, b;
        int at = vm_addr_leaf(V->g->x, a + got, &o, &i, &rem, &size, &lt);
        if (at < 0 && !got && n == 8 &&
            vm_addr_funcval(V->g->x, a, NULL, &bits)) {
            got = n; /* the code word of a function's funcval */
            continue;
        }
        if (at < 0) {
            V->bad = a + got;
            V->badtype = 0;
            V->why = "no object weft lays out holds it";
            return -1;
        }
        if (at == 0) { /* padding: zero, as allocated */
            got++;
            continue;
        }
        if (!vm_access(V->g, o, i, false, V->k++, vm_nil()))
            return X_YIELD;
        take = size - rem < n - got ? size - rem : n - got;
        if (!leaf_bits(V->g, o->slots[i], lt, size, rem, take, &b)) {
            V->bad = a + got;
            V->badtype = lt ? lt : o->slots[i].t;
            switch (VM_KIND(V->badtype)) {
            case K_IFACE:
                V->why = "weft's interfaces hold their values, not "
                         "pointers to them";
                break;
            case K_FUNC:
                V->why = "weft's functions have no code address";
                break;
            default:
                V->why = "weft keeps no such word for it";
            }
            return -1;
        }
        bits |= b << (8 * got);
        got += take;
    }
    *out = bits;
    return X_OK;
}

/* The leaf slot at exactly a, of type t: its value as it is (a pointer,
 * string, slice, interface read as what it is). */
static int same_leaf(view *V, uint64_t a, uint32_t t, vm_value *r)
{
    vm_obj *o;
    uint32_t i, lt;
    uint64_t rem, size;
    if (vm_addr_leaf(V->g->x, a, &o, &i, &rem, &size, &lt) != 1 || rem ||
        !lt || prog_type(P(V->g), lt)->under != prog_type(P(V->g), t)->under)
        return -1;
    if (!vm_access(V->g, o, i, false, V->k++, vm_nil()))
        return X_YIELD;
    *r = vm_copy(V->g->x, o->slots[i]);
    if (VM_KIND(t) != K_IFACE)
        r->t = t;
    return X_OK;
}

static int view_value(view *V, uint64_t a, uint32_t t, vm_value *r)
{
    vm_exec *x = V->g->x;
    const vm_program *p = P(V->g);
    const vm_type *ty = prog_type(p, prog_type(p, t)->under);
    int64_t sz;
    uint64_t bits;
    int st;
    switch (VM_KIND(t)) {
    case K_STRUCT:
    case K_ARRAY: {
        uint32_t n = VM_KIND(t) == K_STRUCT ? ty->nfields : (uint32_t)ty->len;
        vm_value agg = vm_zero(x, t);
        if (vm_cplx_bits(p, t))
            break;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t ft;
            int64_t off;
            vm_value fv;
            if (VM_KIND(t) == K_STRUCT) {
                if (vm_blank_field(p, t, i))
                    continue;
                ft = ty->fields[i].type;
                off = vm_field_offset(p, t, i, &sz);
            } else {
                ft = ty->elem;
                off = (int64_t)i * vm_type_size(p, ft);
            }
            st = view_value(V, a + (uint64_t)off, ft, &fv);
            if (st != X_OK)
                return st;
            agg.v.o->slots[i] = fv;
            if (kind_is_aggregate(VM_KIND(fv.t)) && fv.v.o) {
                fv.v.o->parent = agg.v.o;
                fv.v.o->field = (uint16_t)(i > 0xffff ? 0xffff : i);
            }
        }
        *r = agg;
        return X_OK;
    }
    case K_BOOL:
    case K_FLOAT64:
    case K_FLOAT32:
    scalar:
        sz = vm_type_size(p, t);
        st = read_bytes(V, a, (uint64_t)sz, &bits);
        if (st != X_OK)
            return st;
        if (VM_KIND(t) == K_FLOAT64) {
            double f;
            memcpy(&f, &bits, 8);
            *r = vm_float(t, f);
        } else if (VM_KIND(t) == K_FLOAT32) {
            float f;
            uint32_t b = (uint32_t)bits;
            memcpy(&f, &b, 4);
            *r = vm_float(t, f);
        } else if (VM_KIND(t) == K_BOOL) {
            *r = vm_int(t, bits != 0);
        } else {
            int64_t v = (int64_t)bits;
            if (kind_is_signed(VM_KIND(t)) && sz < 8 &&
                (bits >> (8 * sz - 1)) & 1)
                v = (int64_t)(bits | ~((1ULL << (8 * sz)) - 1));
            *r = vm_int(t, v);
        }
        return X_OK;
    case K_PTR:
        st = same_leaf(V, a, t, r);
        if (st >= 0)
            return st;
        st = read_bytes(V, a, 8, &bits);
        if (st != X_OK)
            return st;
        if (!bits)
            *r = vm_ref(t, NULL);
        else
            vm_addr_ptr(x, bits, t, r);
        return X_OK;
    default:
        if (kind_is_int(VM_KIND(t)))
            goto scalar;
        st = same_leaf(V, a, t, r);
        if (st >= 0)
            return st;
        break;
    }
    V->bad = a;
    V->badtype = 0;
    V->why = "weft cannot make this value from words";
    {
        vm_obj *o;
        uint32_t i, lt;
        uint64_t rem, size;
        if (vm_addr_leaf(x, a, &o, &i, &rem, &size, &lt) == 1)
            V->badtype = lt ? lt : o->slots[i].t;
    }
    return -1;
}

int vm_view_load(vm_g *g, vm_value p, uint32_t t, uint64_t off, vm_value *r)
{
    view V = {g, 0, 0, 0, NULL};
    uint64_t a = p.v.o->slots[1].v.u + off;
    int st;
    if (!t)
        return vm_raw_deref(g, p);
    if (vm_type_size(P(g), t) > VIEW_MAX)
        return cannot(g, a, t, 0, "too large a value to read word by word");
    st = view_value(&V, a, t, r);
    if (st == X_OK) {
        g->granted = 0;
        return X_OK;
    }
    if (st == X_YIELD)
        return st;
    if (st < 0 && V.why && V.badtype)
        return cannot(g, V.bad, t, V.badtype, V.why);
    return vm_raw_deref(g, p);
}

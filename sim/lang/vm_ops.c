/* vm_ops.c: the instructions too long for the dispatch loop: arithmetic on
 * every integer size (computed in uint64, wrapped to the size), floats
 * and strings; comparisons; conversions; indexing, slicing and append
 * with Go's bounds panics; fields and methods through embedding; range
 * iterators. Each returns X_OK, X_YIELD (a visible access is pending: the
 * instruction re-runs when it is granted) or X_PANIC (thrown). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/vm_int.h"
#include "sim/lang/utf8.h"

#define NILDEREF                                                               \
    "runtime error: invalid memory address or nil pointer dereference"

static const vm_program *P(const vm_g *g)
{
    return g->x->prog;
}

/* Bring untyped constants to the other operand's type. */
static void settle2(const vm_program *p, vm_value *a, vm_value *b)
{
    if (kind_is_untyped(VM_KIND(a->t)))
        *a = vm_settle(p, *a,
                       kind_is_untyped(VM_KIND(b->t))
                           ? (VM_KIND(a->t) == K_UNTYPED_FLOAT ||
                                      VM_KIND(b->t) == K_UNTYPED_FLOAT
                                  ? T_FLOAT64
                                  : 0)
                           : b->t);
    if (kind_is_untyped(VM_KIND(b->t)))
        *b = vm_settle(p, *b, a->t);
}

static vm_kind under_kind(const vm_program *p, uint32_t t)
{
    return VM_KIND(t);
    (void)p;
}

/* ---- complex numbers ------------------------------------------------------ */

int vm_cplx_bits(const vm_program *p, uint32_t t)
{
    uint32_t u;
    if (VM_KIND(t) != K_STRUCT)
        return 0;
    u = prog_type(p, t)->under;
    if (u == T_COMPLEX64)
        return 64;
    return u == T_COMPLEX128 || u == T_UCPLX ? 128 : 0;
}

double vm_cplx_part(vm_value v, int i)
{
    return v.v.o && v.v.o->n == 2 ? v.v.o->slots[i].v.f : 0;
}

vm_value vm_complex(vm_exec *x, uint32_t t, double re, double im)
{
    vm_value v;
    if (t == T_UCPLX)
        t = T_COMPLEX128;
    v = vm_zero(x, t);
    if (vm_cplx_bits(x->prog, t) == 64) {
        re = (float)re;
        im = (float)im;
    }
    v.v.o->slots[0].v.f = re;
    v.v.o->slots[1].v.f = im;
    return v;
}

static double copysign_inf(double x)
{
    return copysign(INFINITY, x);
}

static double inf2one(double x)
{
    return isinf(x) ? 1.0 : 0.0;
}

/* n / m as Go's runtime complex128div divides (Smith's algorithm, then
 * C99's infinities and zeros when both parts come out NaN). */
static void cplx_div(double a, double b, double c, double d, double *e,
                     double *f)
{
    if (fabs(c) >= fabs(d)) {
        double ratio = d / c, denom = c + ratio * d;
        *e = (a + b * ratio) / denom;
        *f = (b - a * ratio) / denom;
    } else {
        double ratio = c / d, denom = d + ratio * c;
        *e = (a * ratio + b) / denom;
        *f = (b * ratio - a) / denom;
    }
    if (isnan(*e) && isnan(*f)) {
        if (c == 0 && d == 0 && (!isnan(a) || !isnan(b))) {
            *e = copysign_inf(c) * a;
            *f = copysign_inf(c) * b;
        } else if ((isinf(a) || isinf(b)) && isfinite(c) && isfinite(d)) {
            a = copysign(inf2one(a), a);
            b = copysign(inf2one(b), b);
            *e = INFINITY * (a * c + b * d);
            *f = INFINITY * (b * c - a * d);
        } else if ((isinf(c) || isinf(d)) && isfinite(a) && isfinite(b)) {
            c = copysign(inf2one(c), c);
            d = copysign(inf2one(d), d);
            *e = 0 * (a * c + b * d);
            *f = 0 * (b * c - a * d);
        }
    }
}

/* a op b for complex values of bits 64 or 128: complex64's products
 * rounded to float32 each, as Go computes them */
/* The parts of operand v of a complex operation: a complex value, or a
 * number (an untyped constant: x++, x += 1 in generic code). */
static void cplx_parts(const vm_program *p, vm_value v, double *re,
                       double *im)
{
    vm_kind k = VM_KIND(v.t);
    *im = 0;
    if (k == K_STRUCT && vm_cplx_bits(p, v.t)) {
        *re = vm_cplx_part(v, 0);
        *im = vm_cplx_part(v, 1);
    } else if (kind_is_float(k) || k == K_UNTYPED_FLOAT) {
        *re = v.v.f;
    } else if (kind_is_signed(k) || kind_is_untyped(k)) {
        *re = (double)v.v.i;
    } else if (kind_is_int(k)) {
        *re = (double)v.v.u;
    } else {
        *re = 0;
    }
}

static int cplx_arith(vm_g *g, int opc, vm_value *r, vm_value a, vm_value b,
                      int bits)
{
    double ar, ai, br, bi, re, im;
    uint32_t t = vm_cplx_bits(P(g), a.t) ? a.t : b.t;
    cplx_parts(P(g), a, &ar, &ai);
    cplx_parts(P(g), b, &br, &bi);
    switch (opc) {
    case VM_OP_ADD:
        re = ar + br;
        im = ai + bi;
        break;
    case VM_OP_SUB:
        re = ar - br;
        im = ai - bi;
        break;
    case VM_OP_MUL:
        if (bits == 64) {
            float w = (float)(ar * br), x = (float)(ai * bi);
            float y = (float)(ar * bi), z = (float)(ai * br);
            re = (double)(w - x);
            im = (double)(y + z);
        } else {
            re = ar * br - ai * bi;
            im = ar * bi + ai * br;
        }
        break;
    case VM_OP_DIV:
        cplx_div(ar, ai, br, bi, &re, &im);
        break;
    default:
        return vm_throwf(g, "invalid operation: operator not defined on %s",
                         prog_type(P(g), a.t)->name);
    }
    *r = vm_complex(g->x, t, re, im);
    return X_OK;
}

int vm_arith(vm_g *g, int opc, vm_value *r, vm_value a, vm_value b)
{
    const vm_program *p = P(g);
    vm_kind k;
    int bits;
    if ((bits = vm_cplx_bits(p, a.t)) != 0 ||
        (bits = vm_cplx_bits(p, b.t)) != 0)
        return cplx_arith(g, opc, r, a, b, bits);
    settle2(p, &a, &b);
    if (opc == VM_OP_SHL || opc == VM_OP_SHR) {
        uint64_t s;
        k = under_kind(p, a.t);
        if (kind_is_untyped(k)) {
            a = vm_settle(p, a, 0);
            k = VM_KIND(a.t);
        }
        if (kind_is_signed(VM_KIND(b.t)) && b.v.i < 0)
            return vm_throwf(g, "runtime error: negative shift amount");
        s = b.v.u;
        if (!kind_is_int(k))
            return vm_throwf(g, "invalid operation: shift of %s",
                             prog_type(p, a.t)->name);
        if (opc == VM_OP_SHL) {
            r->v.i = s >= 64 ? 0 : int_wrap(k, a.v.u << s);
        } else if (kind_is_signed(k)) {
            r->v.i = s >= 64 ? (a.v.i < 0 ? -1 : 0) : a.v.i >> s;
        } else {
            r->v.i = s >= 64 ? 0 : (int64_t)(a.v.u >> s);
        }
        r->t = a.t;
        r->aux = 0;
        return X_OK;
    }
    k = under_kind(p, a.t);
    if (a.t != b.t && !(VM_KIND(a.t) == VM_KIND(b.t)))
        return vm_throwf(g, "invalid operation: mismatched types %s and %s",
                         prog_type(p, a.t)->name, prog_type(p, b.t)->name);
    r->t = a.t;
    r->aux = 0;
    if (kind_is_int(k)) {
        uint64_t x = a.v.u, y = b.v.u;
        switch (opc) {
        case VM_OP_ADD:
            r->v.i = int_wrap(k, x + y);
            return X_OK;
        case VM_OP_SUB:
            r->v.i = int_wrap(k, x - y);
            return X_OK;
        case VM_OP_MUL:
            r->v.i = int_wrap(k, x * y);
            return X_OK;
        case VM_OP_DIV:
        case VM_OP_MOD:
            if (y == 0)
                return vm_throwf(g, "runtime error: integer divide by zero");
            if (kind_is_signed(k)) {
                int64_t sx = a.v.i, sy = b.v.i;
                if (sy == -1) /* Go: MIN / -1 == MIN, MIN % -1 == 0 */
                    r->v.i = opc == VM_OP_DIV ? int_wrap(k, 0 - x) : 0;
                else
                    r->v.i = opc == VM_OP_DIV ? sx / sy : sx % sy;
            } else {
                r->v.i = (int64_t)(opc == VM_OP_DIV ? x / y : x % y);
            }
            return X_OK;
        case VM_OP_AND:
            r->v.i = int_wrap(k, x & y);
            return X_OK;
        case VM_OP_OR:
            r->v.i = int_wrap(k, x | y);
            return X_OK;
        case VM_OP_XOR:
            r->v.i = int_wrap(k, x ^ y);
            return X_OK;
        case VM_OP_ANDNOT:
            r->v.i = int_wrap(k, x & ~y);
            return X_OK;
        default:
            break;
        }
    } else if (kind_is_float(k)) {
        double x = a.v.f, y = b.v.f, z;
        switch (opc) {
        case VM_OP_ADD:
            z = x + y;
            break;
        case VM_OP_SUB:
            z = x - y;
            break;
        case VM_OP_MUL:
            z = x * y;
            break;
        case VM_OP_DIV:
            z = x / y;
            break;
        default:
            return vm_throwf(g, "invalid operation: operator not defined on "
                                "%s",
                             prog_type(p, a.t)->name);
        }
        if (k == K_FLOAT32)
            z = (double)(float)z;
        r->v.f = z;
        return X_OK;
    } else if (k == K_STRING && opc == VM_OP_ADD) {
        char *s;
        uint32_t n = a.aux + b.aux;
        if (!b.aux) {
            *r = a;
            return X_OK;
        }
        if (!a.aux) {
            *r = b;
            r->t = a.t;
            return X_OK;
        }
        if (!vm_mem_room(g, (size_t)n + 1))
            return X_YIELD;
        s = arena_alloc(&g->x->e->mem, n + 1);
        memcpy(s, a.v.s, a.aux);
        memcpy(s + a.aux, b.v.s, b.aux);
        r->v.s = s;
        r->aux = n;
        return X_OK;
    }
    return vm_throwf(g, "invalid operation: operator not defined on %s",
                     prog_type(p, a.t)->name);
}

static bool comparable_kind(vm_kind k)
{
    return !(k == K_SLICE || k == K_MAP || k == K_FUNC);
}

/* Go panics comparing interface values holding uncomparable types. */
static bool check_comparable(vm_g *g, vm_value v)
{
    vm_kind k = VM_KIND(v.t);
    if (comparable_kind(k)) {
        if (kind_is_aggregate(k) && v.v.o)
            for (uint32_t i = 0; i < v.v.o->n; i++)
                if (!check_comparable(g, v.v.o->slots[i]))
                    return false;
        return true;
    }
    vm_throwf(g, "runtime error: comparing uncomparable type %s",
              prog_type(P(g), v.t)->name);
    return false;
}

/* a == b as Go's runtime compares values: an aggregate field by field
 * (element by element) in order, stopping at the first difference, so
 * an uncomparable dynamic type panics only when the comparison reaches
 * it (Go's issue8606.go). 1 equal, 0 not, -1 a panic was thrown. */
/* The static type of slot i of aggregate type t (0: not known). */
static uint32_t slot_type(const vm_program *p, uint32_t t, uint32_t i)
{
    const vm_type *ty = prog_type(p, t);
    if (VM_KIND(t) == K_STRUCT)
        return i < ty->nfields ? ty->fields[i].type : 0;
    return ty->elem;
}

/* Go names, in "comparing uncomparable type T" and "hash of unhashable
 * type T", the dynamic type of the innermost interface holding the
 * culprit: outer, or a slot's own type when the slot is an interface. */
static uint32_t culprit(const vm_program *p, uint32_t t, uint32_t i,
                        vm_value slot, uint32_t outer)
{
    uint32_t st = slot_type(p, t, i);
    return st && VM_KIND(st) == K_IFACE ? slot.t : outer;
}

static int equal_in_order(vm_g *g, vm_value a, vm_value b, uint32_t outer)
{
    vm_kind k = VM_KIND(a.t);
    if (a.t != b.t)
        return vm_equal(P(g), a, b);
    if (!comparable_kind(k)) {
        vm_throwf(g, "runtime error: comparing uncomparable type %s",
                  prog_type(P(g), outer)->name);
        return -1;
    }
    if (kind_is_aggregate(k) && a.v.o && b.v.o && a.v.o->n == b.v.o->n) {
        for (uint32_t i = 0; i < a.v.o->n; i++) {
            int e;
            if (k == K_STRUCT && vm_blank_field(P(g), a.t, i))
                continue;
            e = equal_in_order(g, a.v.o->slots[i], b.v.o->slots[i],
                               culprit(P(g), a.t, i, a.v.o->slots[i], outer));
            if (e != 1)
                return e;
        }
        return 1;
    }
    return vm_equal(P(g), a, b);
}

/* Go panics hashing a map key whose dynamic type is not comparable (a
 * slice in an interface{} key): lookups, stores and deletes alike. */
static bool hashable_in(vm_g *g, vm_value k, uint32_t outer)
{
    vm_kind kk = VM_KIND(k.t);
    if (comparable_kind(kk)) {
        if (kind_is_aggregate(kk) && k.v.o)
            for (uint32_t i = 0; i < k.v.o->n; i++)
                if (!hashable_in(g, k.v.o->slots[i],
                                 culprit(P(g), k.t, i, k.v.o->slots[i],
                                         outer)))
                    return false;
        return true;
    }
    vm_throwf(g, "runtime error: hash of unhashable type %s",
              prog_type(P(g), outer)->name);
    return false;
}

static bool check_hashable(vm_g *g, vm_value k)
{
    return hashable_in(g, k, k.t);
}

int vm_cmp(vm_g *g, int opc, vm_value *r, vm_value a, vm_value b)
{
    const vm_program *p = P(g);
    vm_kind k;
    int c = 0;
    settle2(p, &a, &b);
    r->t = T_BOOL;
    r->aux = 0;
    if (opc == VM_OP_EQ || opc == VM_OP_NE) {
        int eq = a.t == b.t && kind_is_aggregate(VM_KIND(a.t))
                     ? equal_in_order(g, a, b, a.t)
                 : a.t == b.t && (!check_comparable(g, a) ||
                                  !check_comparable(g, b))
                     ? -1
                     : vm_equal(p, a, b);
        if (eq < 0)
            return X_PANIC;
        r->v.i = opc == VM_OP_EQ ? eq : !eq;
        return X_OK;
    }
    k = VM_KIND(a.t);
    if (kind_is_signed(k))
        c = a.v.i < b.v.i ? -1 : a.v.i > b.v.i;
    else if (kind_is_int(k))
        c = a.v.u < b.v.u ? -1 : a.v.u > b.v.u;
    else if (kind_is_float(k)) {
        if (isnan(a.v.f) || isnan(b.v.f)) {
            r->v.i = 0;
            return X_OK;
        }
        c = a.v.f < b.v.f ? -1 : a.v.f > b.v.f;
    } else if (k == K_STRING) {
        uint32_t n = a.aux < b.aux ? a.aux : b.aux;
        c = n ? memcmp(a.v.s, b.v.s, n) : 0;
        if (!c)
            c = a.aux < b.aux ? -1 : a.aux > b.aux;
        c = c < 0 ? -1 : c > 0;
    } else {
        return vm_throwf(g, "invalid operation: %s is not ordered",
                         prog_type(p, a.t)->name);
    }
    r->v.i = opc == VM_OP_LT ? c < 0 : c <= 0;
    return X_OK;
}

bool vm_is_nil(vm_value v, bool iface)
{
    vm_kind k = VM_KIND(v.t);
    if (k == K_NIL)
        return true;
    if (iface)
        return false;
    return (kind_is_nilable(k) || k == K_HANDLE) && v.v.p == NULL;
}

/* ---- conversions ------------------------------------------------------------ */

static vm_value str_from_rune(vm_g *g, int64_t r)
{
    unsigned char tmp[4];
    int n;
    if (r < 0 || r > 0x10ffff)
        r = 0xfffd;
    n = utf8_encode((int32_t)r, tmp);
    return vm_new_str(g->x, (const char *)tmp, (size_t)n);
}

int vm_convert(vm_g *g, vm_value *r, vm_value v, uint32_t t)
{
    const vm_program *p = P(g);
    const vm_type *tt = prog_type(p, t);
    vm_kind tk = VM_KIND(t), vk;
    if (kind_is_untyped(VM_KIND(v.t)) && !vm_cplx_bits(p, t)) {
        if (tk == K_STRING && VM_KIND(v.t) != K_UNTYPED_FLOAT) {
            *r = str_from_rune(g, v.v.i);
            r->t = t;
            return X_OK;
        }
        *r = vm_settle(p, v, t);
        return X_OK;
    }
    vk = VM_KIND(v.t);
    if (tk == K_IFACE) {
        *r = v;
        return X_OK;
    }
    if (tk == K_STRUCT && vm_cplx_bits(p, t)) {
        /* complex to complex; a number only from a constant converted
         * to a type parameter (T(0) in an instance of complex128) */
        double re, im;
        cplx_parts(p, v, &re, &im);
        *r = vm_complex(g->x, t, re, im);
        return X_OK;
    }
    if (tk == K_UINTPTR && vk == K_PTR) {
        /* uintptr(unsafe.Pointer(p)): p's synthetic address (vm_addr.c) */
        *r = vm_int(t, (int64_t)vm_addr_of(g->x, v));
        return X_OK;
    }
    if (tk == K_PTR && vk == K_UINTPTR) {
        /* unsafe.Pointer(a): what lies at synthetic address a */
        if (!v.v.u) {
            *r = vm_ref(t, NULL);
            return X_OK;
        }
        vm_addr_ptr(g->x, v.v.u, t, r);
        return X_OK;
    }
    if (tk == K_PTR && vk == K_PTR && v.t != t &&
        (prog_type(p, v.t)->under == T_UPTR ||
         prog_type(p, t)->under == T_UPTR)) {
        /* (*T)(unsafe.Pointer(p)): the object of type T at p's address;
         * unsafe.Pointer(p): one value per address */
        *r = prog_type(p, t)->under == T_UPTR ? vm_addr_canon(g->x, v, t)
                                              : vm_addr_retype(g->x, v, t);
        return X_OK;
    }
    if (kind_is_int(tk)) {
        if (kind_is_int(vk)) {
            *r = vm_int(t, int_wrap(tk, v.v.u));
            return X_OK;
        }
        if (kind_is_float(vk)) {
            double f = trunc(v.v.f);
            int64_t i;
            if (isnan(f))
                i = INT64_MIN;
            else if (f >= 9223372036854775808.0)
                i = kind_is_signed(tk) ? INT64_MIN : (int64_t)(uint64_t)
                                                         (f >= 18446744073709551616.0
                                                              ? 0
                                                              : f);
            else if (f < -9223372036854775808.0)
                i = INT64_MIN;
            else
                i = (int64_t)f;
            *r = vm_int(t, int_wrap(tk, (uint64_t)i));
            return X_OK;
        }
    }
    if (kind_is_float(tk)) {
        double f;
        if (kind_is_int(vk))
            f = kind_is_signed(vk) ? (double)v.v.i : (double)v.v.u;
        else if (kind_is_float(vk))
            f = v.v.f;
        else
            goto bad;
        if (tk == K_FLOAT32)
            f = (double)(float)f;
        *r = vm_float(t, f);
        return X_OK;
    }
    if (tk == K_STRING) {
        if (vk == K_STRING) {
            *r = v;
            r->t = t;
            return X_OK;
        }
        if (kind_is_int(vk)) {
            *r = str_from_rune(g, kind_is_signed(vk) ? v.v.i
                                  : v.v.u > 0x7fffffff ? -1
                                                       : v.v.i);
            r->t = t;
            return X_OK;
        }
        if (vk == K_SLICE) {
            vm_slice *s = v.v.sl;
            uint32_t et = prog_type(p, v.t)->elem;
            buf b;
            if (!s || !s->len) {
                *r = vm_str("", 0);
                r->t = t;
                return X_OK;
            }
            if (!vm_mem_room(g, (size_t)s->len *
                                    (VM_KIND(et) == K_INT32 ? 4 : 1)))
                return X_YIELD;
            buf_init(&b);
            for (uint32_t i = 0; i < s->len; i++) {
                vm_value e = *slice_at(s, i);
                if (VM_KIND(et) == K_INT32) {
                    unsigned char tmp[4];
                    int64_t cp = e.v.i;
                    if (cp < 0 || cp > 0x10ffff)
                        cp = 0xfffd;
                    buf_append(&b, (const char *)tmp,
                               (size_t)utf8_encode((int32_t)cp, tmp));
                } else {
                    buf_putc(&b, (char)(uint8_t)e.v.u);
                }
            }
            *r = vm_new_str(g->x, b.p, b.len);
            r->t = t;
            buf_fini(&b);
            return X_OK;
        }
    }
    if (tk == K_SLICE && vk == K_STRING) {
        uint32_t et = tt->elem;
        if (VM_KIND(et) == K_INT32) {
            uint32_t n = 0, i = 0;
            vm_value out;
            while (i < v.aux) {
                int w;
                utf8_decode((const unsigned char *)v.v.s + i, v.aux - i, &w);
                i += (uint32_t)(w > 0 ? w : 1);
                n++;
            }
            if (!vm_mem_room(g, (size_t)n * sizeof(vm_value)))
                return X_YIELD;
            out = vm_make_slice(g->x, t, n, n);
            i = 0;
            for (uint32_t k = 0; k < n; k++) {
                int w;
                int32_t cp = utf8_decode((const unsigned char *)v.v.s + i,
                                         v.aux - i, &w);
                i += (uint32_t)(w > 0 ? w : 1);
                *slice_at(out.v.sl, k) = vm_int(et, cp);
            }
            *r = out;
            return X_OK;
        }
        if (!vm_mem_room(g, (size_t)v.aux * sizeof(vm_value)))
            return X_YIELD;
        *r = vm_make_slice(g->x, t, v.aux, v.aux);
        for (uint32_t k = 0; k < v.aux; k++)
            *slice_at(r->v.sl, k) = vm_int(et, (uint8_t)v.v.s[k]);
        return X_OK;
    }
    if (vk == K_SLICE && (tk == K_PTR || tk == K_ARRAY)) {
        /* a slice to an array pointer (aliasing the slice's elements) or
         * to an array (a copy) */
        uint32_t at = tk == K_ARRAY ? t : prog_type(p, tt->under)->elem;
        int64_t n = prog_type(p, at)->len, len = v.v.sl ? v.v.sl->len : 0;
        vm_obj *a;
        if (VM_KIND(at) != K_ARRAY)
            goto bad;
        if (len < n)
            return vm_throwf(g, "runtime error: cannot convert slice with "
                                "length %lld to %sarray with length %lld",
                             (long long)len,
                             tk == K_PTR ? "pointer to " : "", (long long)n);
        if (tk == K_PTR && v.v.sl && v.v.sl->arr) {
            *r = vm_ref(t, v.v.sl->arr);
            r->aux = VM_WINDOW | v.v.sl->off;
            return X_OK;
        }
        if (tk == K_PTR && !v.v.sl) {
            *r = vm_ref(t, NULL);
            return X_OK;
        }
        a = heap_obj(g->x, OK_ARR, at, (uint32_t)n);
        for (uint32_t i = 0; i < n; i++)
            a->slots[i] = vm_copy(g->x, *slice_at(v.v.sl, i));
        *r = vm_ref(at, a);
        if (tk == K_PTR)
            r->aux = VM_WHOLE;
        return X_OK;
    }
    if (VM_KIND(tt->under) == VM_KIND(prog_type(p, v.t)->under) ||
        (tk == vk)) {
        /* between types of one underlying type: a new type, same value */
        *r = kind_is_aggregate(tk) ? vm_copy(g->x, v) : v;
        if (kind_is_aggregate(tk) && r->v.o)
            r->v.o->type = t;
        r->t = t;
        return X_OK;
    }
    if (vk == K_NIL && (kind_is_nilable(tk))) {
        *r = vm_ref(t, NULL);
        return X_OK;
    }
bad:
    return vm_throwf(g, "cannot convert %s to type %s",
                     prog_type(p, v.t)->name, tt->name);
}

/* ---- indexing ------------------------------------------------------------------ */

static int64_t as_index(vm_value k)
{
    vm_kind kk = VM_KIND(k.t);
    if (kind_is_signed(kk) || kind_is_untyped(kk))
        return k.v.i;
    return k.v.u > (uint64_t)INT64_MAX ? INT64_MAX : k.v.i;
}

/* Index i (the key k as an index) out of range [0, n): an unsigned key
 * is printed as the unsigned number it is. */
static int oob(vm_g *g, vm_value k, int64_t i, int64_t n)
{
    vm_kind kk = VM_KIND(k.t);
    if (kind_is_int(kk) && !kind_is_signed(kk))
        return vm_throwf(g, "runtime error: index out of range [%llu] with "
                            "length %lld",
                         (unsigned long long)k.v.u, (long long)n);
    if (i < 0)
        return vm_throwf(g, "runtime error: index out of range [%lld]",
                         (long long)i);
    return vm_throwf(g, "runtime error: index out of range [%lld] with length "
                        "%lld",
                     (long long)i, (long long)n);
}

/* The slot c[k] of a slice, array or pointer to array. */
static int elem_slot(vm_g *g, vm_value c, vm_value k, vm_obj **o,
                     uint32_t *idx)
{
    int64_t i = as_index(k);
    switch (VM_KIND(c.t)) {
    case K_SLICE: {
        vm_slice *s = c.v.sl;
        int64_t n = s ? s->len : 0;
        if (i < 0 || i >= n)
            return oob(g, k, i, n);
        *o = s->arr;
        *idx = s->off + (uint32_t)i;
        return X_OK;
    }
    case K_PTR:
        if (!c.v.o)
            return vm_throwf(g, NILDEREF);
        if (VM_IS_WINDOW(c.aux)) {
            const vm_program *p = P(g);
            int64_t n = prog_type(p, prog_type(p, prog_type(p, c.t)->under)
                                         ->elem)->len;
            if (i < 0 || i >= n)
                return oob(g, k, i, n);
            *o = c.v.o;
            *idx = (c.aux & ~VM_WINDOW) + (uint32_t)i;
            return X_OK;
        }
        if (WF_UNLIKELY(vm_is_raw(c)))
            return vm_raw_deref(g, c);
        if (c.aux != VM_WHOLE)
            c = c.v.o->slots[c.aux];
        else
            c = vm_ref(c.v.o->type, c.v.o);
        /* fall through */
    case K_ARRAY: {
        int64_t n = c.v.o ? c.v.o->n : 0;
        if (i < 0 || i >= n)
            return oob(g, k, i, n);
        *o = c.v.o;
        *idx = (uint32_t)i;
        return X_OK;
    }
    default:
        return vm_throwf(g, "invalid operation: cannot index %s",
                         prog_type(P(g), c.t)->name);
    }
}

int vm_index(vm_g *g, vm_value *r, vm_value c, vm_value k, vm_value *ok)
{
    vm_obj *o;
    uint32_t idx;
    int st;
    if (VM_KIND(c.t) == K_STRING) {
        int64_t i = as_index(k);
        if (i < 0 || i >= c.aux)
            return oob(g, k, i, c.aux);
        *r = vm_int(T_UINT8, (uint8_t)c.v.s[i]);
        return X_OK;
    }
    if (VM_KIND(c.t) == K_MAP) {
        vm_map *m = c.v.m;
        vm_value *e;
        uint32_t kt = prog_type(P(g), c.t)->key;
        if (!check_hashable(g, k))
            return X_PANIC;
        if (m && !vm_access(g, VM_OBJ_OF(m), 0, false, 0, vm_nil()))
            return X_YIELD;
        g->granted = 0;
        k = vm_settle(P(g), k, kt);
        e = m ? map_find(g->x, m, k) : NULL;
        if (ok)
            *ok = vm_bool(e != NULL);
        *r = e ? *e : vm_zero(g->x, prog_type(P(g), c.t)->elem);
        return X_OK;
    }
    st = elem_slot(g, c, k, &o, &idx);
    if (st != X_OK)
        return st;
    if (!vm_access(g, o, idx, false, 0, vm_nil()))
        return X_YIELD;
    g->granted = 0;
    *r = o->slots[idx];
    return X_OK;
}

int vm_setindex(vm_g *g, vm_value c, vm_value k, vm_value v)
{
    vm_obj *o;
    uint32_t idx;
    int st;
    if (VM_KIND(c.t) == K_MAP) {
        vm_map *m = c.v.m;
        const vm_type *mt = prog_type(P(g), c.t);
        vm_value *e;
        if (!m)
            return vm_throwf(g, "assignment to entry in nil map");
        if (!check_hashable(g, k))
            return X_PANIC;
        if (!vm_access(g, VM_OBJ_OF(m), 0, true, 0, v))
            return X_YIELD;
        g->granted = 0;
        k = vm_settle(P(g), k, mt->key);
        if (kind_is_untyped(VM_KIND(v.t)))
            v = vm_settle(P(g), v, mt->elem);
        e = map_insert(g->x, m, k);
        if (kind_is_aggregate(VM_KIND(v.t)))
            *e = vm_copy(g->x, v);
        else
            *e = v;
        if (m->h.name && (VM_KIND(v.t) == K_PTR || VM_KIND(v.t) == K_CHAN)) {
            buf b;
            buf_init(&b);
            buf_puts(&b, m->h.name);
            buf_putc(&b, '[');
            if (VM_KIND(k.t) == K_STRING)
                buf_append(&b, k.v.s, k.aux);
            else
                buf_printf(&b, "%lld", (long long)k.v.i);
            buf_putc(&b, ']');
            vm_name_value(g->x, v, arena_strdup(&g->x->e->mem, b.p));
            buf_fini(&b);
        }
        if (m->h.flags & OF_SHARED) {
            vm_escape(g->x, k);
            if (kind_is_aggregate(VM_KIND(e->t)))
                vm_share_obj(g->x, e->v.o);
            else
                vm_escape(g->x, *e);
        }
        return X_OK;
    }
    st = elem_slot(g, c, k, &o, &idx);
    if (st != X_OK)
        return st;
    return vm_store_access(g, o, idx, v, 0);
}

int vm_ptr_type(const vm_program *p, uint32_t t)
{
    return t && prog_type(p, t)->ptr ? (int)prog_type(p, t)->ptr
                                     : (int)T_UPTR;
}

vm_value vm_slot_ptr(const vm_program *p, vm_obj *o, uint32_t idx)
{
    vm_value s = o->slots[idx];
    vm_value r;
    if (kind_is_aggregate(VM_KIND(s.t)) && s.v.o) {
        r = vm_ref((uint32_t)vm_ptr_type(p, s.t), s.v.o);
        r.aux = VM_WHOLE;
        return r;
    }
    r = vm_ref((uint32_t)vm_ptr_type(p, s.t), o);
    r.aux = idx;
    return r;
}

int vm_addrindex(vm_g *g, vm_value *r, vm_value c, vm_value k)
{
    vm_obj *o;
    uint32_t idx;
    int st;
    if (VM_KIND(c.t) == K_MAP) {
        /* not addressable: a method call on a copy (value receiver) */
        vm_value v;
        vm_obj *cell;
        st = vm_index(g, &v, c, k, NULL);
        if (st != X_OK)
            return st;
        cell = heap_obj(g->x, OK_CELL, v.t, 1);
        cell->slots[0] = vm_copy(g->x, v);
        *r = vm_slot_ptr(P(g), cell, 0);
        return X_OK;
    }
    st = elem_slot(g, c, k, &o, &idx);
    if (st != X_OK)
        return st;
    *r = vm_slot_ptr(P(g), o, idx);
    return X_OK;
}

/* Slice bound v (NULL: implied, i) in out as Go prints it. */
static void index_text(char out[24], const vm_value *v, int64_t i)
{
    if (v && !kind_is_signed(VM_KIND(v->t)) &&
        !kind_is_untyped(VM_KIND(v->t)))
        snprintf(out, 24, "%llu", (unsigned long long)v->v.u);
    else
        snprintf(out, 24, "%lld", (long long)i);
}

int vm_do_slice(vm_g *g, vm_value *r, vm_value c, int f, const vm_value *b)
{
    char los[24], his[24], maxs[24];
    int64_t lo = 0, hi, max, len, cap;
    vm_kind k = VM_KIND(c.t);
    vm_obj *arr = NULL;
    uint32_t off = 0, st = c.t;
    if (k == K_PTR) {
        if (!c.v.o)
            return vm_throwf(g, NILDEREF);
        if (VM_IS_WINDOW(c.aux)) {
            /* slices of the window share the slice's backing array */
            const vm_program *p = P(g);
            uint32_t at = prog_type(p, prog_type(p, c.t)->under)->elem;
            arr = c.v.o;
            off = c.aux & ~VM_WINDOW;
            len = cap = prog_type(p, at)->len;
            st = prog_type(p, at)->elem;
            st = st && prog_type(p, st)->slice ? prog_type(p, st)->slice
                                               : T_UPTR;
            goto bounds;
        }
        if (WF_UNLIKELY(vm_is_raw(c)))
            return vm_raw_deref(g, c);
        c = c.aux == VM_WHOLE ? vm_ref(c.v.o->type, c.v.o)
                              : c.v.o->slots[c.aux];
        k = VM_KIND(c.t);
    }
    switch (k) {
    case K_STRING:
        len = cap = c.aux;
        break;
    case K_SLICE:
        len = c.v.sl ? c.v.sl->len : 0;
        cap = c.v.sl ? c.v.sl->cap : 0;
        if (c.v.sl) {
            arr = c.v.sl->arr;
            off = c.v.sl->off;
        }
        break;
    case K_ARRAY:
        len = cap = c.v.o ? c.v.o->n : 0;
        arr = c.v.o;
        st = prog_type(P(g), c.t)->elem;
        st = st && prog_type(P(g), st)->slice ? prog_type(P(g), st)->slice
                                              : T_UPTR;
        break;
    default:
        return vm_throwf(g, "cannot slice %s", prog_type(P(g), c.t)->name);
    }
bounds:
    if (f & SL_LO)
        lo = as_index(b[0]);
    hi = (f & SL_HI) ? as_index(b[1]) : len;
    max = (f & SL_MAX) ? as_index(b[2]) : cap;
    /* the bounds as Go prints them: an unsigned one as the number it is */
    index_text(los, (f & SL_LO) ? &b[0] : NULL, lo);
    index_text(his, (f & SL_HI) ? &b[1] : NULL, hi);
    index_text(maxs, (f & SL_MAX) ? &b[2] : NULL, max);
    if (f & SL_MAX) {
        if (max < 0)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[::%s]",
                             maxs);
        if (max > cap) /* an array's capacity is its length */
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[::%s] with %s %lld",
                             maxs,
                             k == K_SLICE ? "capacity" : "length",
                             (long long)cap);
        if (hi < 0)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[:%s:]",
                             his);
        if (hi > max)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[:%s:%s]",
                             his, maxs);
        if (lo < 0)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[%s::]",
                             los);
        if (lo > hi)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[%s:%s:]",
                             los, his);
    } else {
        int64_t lim = k == K_SLICE ? cap : len;
        if (hi < 0)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[:%s]",
                             his);
        if (hi > lim)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[:%s] with %s %lld",
                             his,
                             k == K_SLICE ? "capacity" : "length",
                             (long long)lim);
        if (lo < 0)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[%s:]",
                             los);
        if (lo > hi)
            return vm_throwf(g, "runtime error: slice bounds out of range "
                                "[%s:%s]",
                             los, his);
    }
    /* a result of capacity 0 keeps the operand's address, as gc's
     * does (never one past the end of its array) */
    if (k == K_STRING) {
        *r = vm_str(hi > lo ? c.v.s + lo : c.v.s, (uint32_t)(hi - lo));
        r->t = c.t;
        return X_OK;
    }
    if (!arr) {
        *r = vm_ref(st, NULL);
        return X_OK;
    }
    *r = vm_ref(st, heap_slice(g->x, arr, max > lo ? off + (uint32_t)lo : off,
                               (uint32_t)(hi - lo), (uint32_t)(max - lo)));
    return X_OK;
}

/* Go's growth rule (runtime/slice.go nextslicecap), without rounding
 * to the allocator's size classes. */
static uint32_t next_cap(uint32_t old, uint32_t need)
{
    uint64_t c = old;
    if (need > 2 * c)
        return need;
    if (old < 256)
        return 2 * old > need ? 2 * old : need;
    while (c < need)
        c += (c + 3 * 256) / 4;
    return c > UINT32_MAX / 2 ? need : (uint32_t)c;
}

int vm_append(vm_g *g, vm_value *r, vm_value *args, uint32_t n, bool spread)
{
    vm_value s = args[0];
    vm_slice *sl = s.v.sl;
    uint32_t len = sl ? sl->len : 0, cap = sl ? sl->cap : 0, add, et;
    const vm_value *src = args + 1;
    vm_value tmp;
    vm_obj *arr;
    uint32_t off;
    if (VM_KIND(s.t) != K_SLICE)
        return vm_throwf(g, "invalid argument: append to %s, not a slice",
                         s.t ? prog_type(P(g), s.t)->name : "nil");
    if (spread && VM_KIND(args[1].t) != K_SLICE &&
        VM_KIND(args[1].t) != K_STRING && args[1].t)
        return vm_throwf(g, "invalid argument: cannot spread %s",
                         prog_type(P(g), args[1].t)->name);
    et = s.t ? prog_type(P(g), s.t)->elem : 0;
    if (spread) {
        vm_value x = args[1];
        if (VM_KIND(x.t) == K_STRING) { /* append([]byte, s...) */
            add = x.aux;
        } else {
            add = x.v.sl ? x.v.sl->len : 0;
        }
    } else {
        add = n;
    }
    if (!add) {
        *r = s;
        return X_OK;
    }
    if ((uint64_t)len + add > (1u << 30))
        return vm_throwf(g, "runtime error: growslice: len out of range");
    if (len + add <= cap) {
        arr = sl->arr;
        off = sl->off;
        /* writes into the existing array are shared accesses */
        if (arr->flags & OF_SHARED)
            for (uint32_t i = 0; i < add; i++)
                if (!vm_access(g, arr, off + len + i, true, i, vm_nil()))
                    return X_YIELD;
        g->granted = 0;
    } else {
        uint32_t ncap = next_cap(cap, len + add);
        vm_value ns;
        if (!vm_mem_room(g, (size_t)ncap * sizeof(vm_value)))
            return X_YIELD;
        ns = vm_make_slice(g->x, s.t, len, ncap);
        arr = ns.v.sl->arr;
        off = 0;
        if (sl && sl->arr && sl->arr->name)
            arr->name = sl->arr->name;
        for (uint32_t i = 0; i < len; i++)
            vm_store(g->x, arr, i, *slice_at(sl, i), et);
        cap = ncap;
    }
    for (uint32_t i = 0; i < add; i++) {
        vm_value v;
        if (spread) {
            vm_value x = args[1];
            if (VM_KIND(x.t) == K_STRING)
                v = vm_int(T_UINT8, (uint8_t)x.v.s[i]);
            else
                v = *slice_at(x.v.sl, i);

        } else {
            v = src[i];
        }
        tmp = v;
        vm_store(g->x, arr, off + len + i, tmp, et);
    }
    *r = vm_ref(s.t, heap_slice(g->x, arr, off, len + add,
                                len + add <= (sl ? sl->cap : 0) ? sl->cap
                                                                : cap));
    return X_OK;
}

int vm_copyslice(vm_g *g, vm_value *r, vm_value dst, vm_value src)
{
    vm_slice *d;
    if (VM_KIND(dst.t) != K_SLICE ||
        (VM_KIND(src.t) != K_SLICE && VM_KIND(src.t) != K_STRING))
        return vm_throwf(g, "invalid argument: copy of %s into %s",
                         src.t ? prog_type(P(g), src.t)->name : "nil",
                         dst.t ? prog_type(P(g), dst.t)->name : "nil");
    d = dst.v.sl;
    uint32_t n = d ? d->len : 0, sn;
    if (VM_KIND(src.t) == K_STRING)
        sn = src.aux;
    else
        sn = src.v.sl ? src.v.sl->len : 0;
    if (sn < n)
        n = sn;
    *r = vm_int(T_INT, n);
    if (!n)
        return X_OK;
    if (VM_KIND(src.t) == K_SLICE && (src.v.sl->arr->flags & OF_GUARD))
        for (uint32_t i = 0; i < n; i++) /* reads of mapped memory */
            if (!vm_guard_ok(g, src.v.sl->arr, src.v.sl->off + i, false))
                return X_YIELD;
    if (d->arr->flags & OF_SHARED)
        for (uint32_t i = 0; i < n; i++)
            if (!vm_access(g, d->arr, d->off + i, true, i, vm_nil()))
                return X_YIELD;
    g->granted = 0;
    if (VM_KIND(src.t) == K_STRING) {
        for (uint32_t i = 0; i < n; i++)
            *slice_at(d, i) = vm_int(prog_type(P(g), dst.t)->elem,
                                     (uint8_t)src.v.s[i]);
        return X_OK;
    }
    {
        /* through a copy: the two may overlap */
        vm_value *tmp = arena_alloc(&g->x->e->mem, n * sizeof *tmp);
        for (uint32_t i = 0; i < n; i++)
            tmp[i] = *slice_at(src.v.sl, i);
        for (uint32_t i = 0; i < n; i++)
            vm_store(g->x, d->arr, d->off + i, tmp[i], 0);
    }
    return X_OK;
}

int vm_len(vm_g *g, vm_value *r, vm_value v, bool cap)
{
    int64_t n = 0;
    switch (VM_KIND(v.t)) {
    case K_STRING:
        n = v.aux;
        break;
    case K_SLICE:
        n = v.v.sl ? (cap ? v.v.sl->cap : v.v.sl->len) : 0;
        break;
    case K_ARRAY:
        n = prog_type(P(g), v.t)->len;
        break;
    case K_PTR:
        if (v.v.o && v.aux == VM_WHOLE)
            n = v.v.o->n;
        else if (VM_KIND(prog_type(P(g), v.t)->elem) == K_ARRAY)
            n = prog_type(P(g), prog_type(P(g), v.t)->elem)->len;
        break;
    case K_MAP:
        n = v.v.m ? v.v.m->count : 0;
        break;
    case K_CHAN:
        n = v.v.ch ? (int64_t)(cap ? v.v.ch->cap : v.v.ch->len) : 0;
        break;
    case K_NIL:
        break;
    default:
        return vm_throwf(g, "invalid argument: len of %s",
                         prog_type(P(g), v.t)->name);
    }
    *r = vm_int(T_INT, n);
    return X_OK;
}

/* The len built-in as a program calls it: the length of a map is a read
 * of the map, as Go's race detector has it (len(m) beside a writer is a
 * race). The length of a buffered channel is a scheduling point of its
 * own (OP_CHAN_LEN), taken as the op completes: what a program does with
 * it depends on the sends and receives around it, which the search must
 * order with it (an unbuffered channel's is always 0). */
int vm_len_op(vm_g *g, vm_value *r, vm_value v)
{
    if (VM_KIND(v.t) == K_MAP && v.v.m) {
        if (!vm_access(g, VM_OBJ_OF(v.v.m), 0, false, 0, vm_nil()))
            return X_YIELD;
        g->granted = 0;
    }
    if (VM_KIND(v.t) == K_CHAN && v.v.ch && v.v.ch->cap && g->x->spawned) {
        if (!g->granted) {
            vm_op(g, OP_CHAN_LEN, &v.v.ch->hdr);
            return X_YIELD;
        }
        g->granted = 0;
    }
    return vm_len(g, r, v, false);
}

int vm_delete(vm_g *g, vm_value m, vm_value k)
{
    if (VM_KIND(m.t) != K_MAP || !check_hashable(g, k))
        return VM_KIND(m.t) != K_MAP ? X_OK : X_PANIC;
    if (!m.v.m)
        return X_OK;
    if (!vm_access(g, VM_OBJ_OF(m.v.m), 0, true, 0, vm_nil()))
        return X_YIELD;
    g->granted = 0;
    map_delete(g->x, m.v.m, vm_settle(P(g), k, prog_type(P(g), m.t)->key));
    return X_OK;
}

int vm_clear(vm_g *g, vm_value v)
{
    if (VM_KIND(v.t) == K_MAP && v.v.m) {
        if (!vm_access(g, VM_OBJ_OF(v.v.m), 0, true, 0, vm_nil()))
            return X_YIELD;
        g->granted = 0;
        map_clear(v.v.m);
    } else if (VM_KIND(v.t) == K_SLICE && v.v.sl) {
        vm_slice *s = v.v.sl;
        uint32_t et = prog_type(P(g), v.t)->elem;
        for (uint32_t i = 0; i < s->len; i++)
            if (!vm_access(g, s->arr, s->off + i, true, i, vm_nil()))
                return X_YIELD;
        g->granted = 0;
        for (uint32_t i = 0; i < s->len; i++)
            vm_store(g->x, s->arr, s->off + i, vm_zero(g->x, et), et);
    }
    return X_OK;
}

/* ---- range ---------------------------------------------------------------------- */

/* Registers: R[a] collection (or map iterator), R[a+1] position, R[a+2]
 * limit; NEXT writes R[a+3] key, R[a+4] value. */
int vm_range_init(vm_g *g, vm_value *R, int a, bool with_value)
{
    vm_value c = R[a];
    vm_kind k = VM_KIND(c.t);
    int64_t limit = 0;
    if (kind_is_untyped(k)) {
        c = vm_settle(P(g), c, 0);
        k = VM_KIND(c.t);
        R[a] = c;
    }
    switch (k) {
    case K_PTR:
        if (!c.v.o) {
            if (with_value)
                return vm_throwf(g, NILDEREF);
            limit = prog_type(P(g), prog_type(P(g), c.t)->elem)->len;
            break;
        }
        if (WF_UNLIKELY(vm_is_raw(c)))
            return vm_raw_deref(g, c);
        c = vm_pointee(g, c);
        R[a] = c;
        limit = c.v.o ? c.v.o->n : 0;
        break;
    case K_ARRAY:
        if (with_value)
            R[a] = vm_copy(g->x, c); /* range over a copy of the array */
        limit = c.v.o ? c.v.o->n : 0;
        break;
    case K_SLICE:
        limit = c.v.sl ? c.v.sl->len : 0;
        break;
    case K_STRING:
        limit = c.aux;
        break;
    case K_MAP: {
        vm_iter *it = arena_alloc(&g->x->e->mem, sizeof *it);
        it->h.okind = OK_ITER;
        it->m = c.v.m;
        if (c.v.m) {
            if (!vm_access(g, VM_OBJ_OF(c.v.m), 0, false, 0, vm_nil()))
                return X_YIELD;
            g->granted = 0;
            it->pos = c.v.m->nent;
            it->start = it->pos ? (uint32_t)(engine_rand(g->x->e) % it->pos)
                                : 0;
        }
        R[a + 2] = R[a];
        R[a] = vm_ref(T_ITER, it);
        R[a + 1] = vm_int(T_INT, 0);
        return X_OK;
    }
    case K_CHAN:
        break;
    case K_FUNC:
        return vm_throwf(g, "unsupported: range over a function");
    default:
        if (kind_is_int(k)) {
            limit = c.v.i;
            break;
        }
        if (k == K_NIL) {
            limit = 0;
            break;
        }
        return vm_throwf(g, "cannot range over %s",
                         prog_type(P(g), c.t)->name);
    }
    /* "if at most one iteration variable is present, the range loop
     * produces iteration values from 0 up to len(a)-1 and does not index
     * into the array or slice itself" (the Go spec): no read of an
     * element, so no race with its writers; the loop ranges over the
     * integer limit */
    if (!with_value && (k == K_SLICE || k == K_ARRAY || k == K_PTR))
        R[a] = vm_int(T_INT, limit);
    R[a + 1] = vm_int(T_INT, 0);
    R[a + 2] = vm_int(T_INT, limit);
    return X_OK;
}

int vm_range_next(vm_g *g, vm_value *R, int a, bool *done)
{
    vm_value c = R[a];
    int64_t pos = R[a + 1].v.i, limit = R[a + 2].v.i;
    vm_kind k = VM_KIND(c.t);
    *done = false;
    switch (k) {
    case K_ITER: {
        vm_iter *it = (vm_iter *)c.v.o;
        uint32_t e;
        vm_map *m = it->m;
        if (!m || !map_next(m, it, &e)) {
            *done = true;
            return X_OK;
        }
        R[a + 3] = vm_copy(g->x, m->keys[e]);
        R[a + 4] = vm_copy(g->x, m->vals[e]);
        return X_OK;
    }
    case K_STRING: {
        int32_t cp;
        int w;
        if (pos >= limit) {
            *done = true;
            return X_OK;
        }
        cp = utf8_decode((const unsigned char *)c.v.s + pos,
                         (size_t)(limit - pos), &w);
        if (w <= 0)
            w = 1;
        R[a + 3] = vm_int(T_INT, pos);
        R[a + 4] = vm_int(T_INT32, cp);
        R[a + 1].v.i = pos + (int64_t)w;
        return X_OK;
    }
    case K_SLICE:
    case K_ARRAY: {
        vm_obj *o;
        uint32_t idx;
        if (pos >= limit) {
            *done = true;
            return X_OK;
        }
        o = k == K_SLICE ? c.v.sl->arr : c.v.o;
        idx = (uint32_t)pos + (k == K_SLICE ? c.v.sl->off : 0);
        if (!vm_access(g, o, idx, false, 0, vm_nil()))
            return X_YIELD;
        if (kind_is_aggregate(VM_KIND(o->slots[idx].t))) {
            /* for _, a := range accts copies each element: reads it */
            int st = vm_read_copy_from(g, o->slots[idx], 1);
            if (st != X_OK)
                return st;
        }
        g->granted = 0;
        R[a + 3] = vm_int(T_INT, pos);
        R[a + 4] = vm_copy(g->x, o->slots[idx]);
        R[a + 1].v.i = pos + 1;
        return X_OK;
    }
    case K_PTR: /* a nil pointer to an array: indices only */
        if (pos >= limit) {
            *done = true;
            return X_OK;
        }
        R[a + 3] = vm_int(T_INT, pos);
        R[a + 1].v.i = pos + 1;
        return X_OK;
    default:
        if (pos >= limit) {
            *done = true;
            return X_OK;
        }
        R[a + 3] = vm_int(c.t ? c.t : T_INT, pos);
        R[a + 1].v.i = pos + 1;
        return X_OK;
    }
}

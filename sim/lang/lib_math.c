/* lib_math.c: the natives behind packages math and sort (the Go side is
 * sim/lang/lib/math/math.go and sort/sort.go): the C library's elementary
 * functions, the bits of floating-point values, and the length and swap
 * of a slice held in an interface (sort.Slice; weft has no reflect). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/lib.h"

/* __math1(op int, x float64) float64: the operations in math.go's order
 * (opSqrt ... opGamma). */
nat_status lib_math1(vm_ncall *c)
{
    double x = c->a[1].v.f, r;
    switch (c->a[0].v.i) {
    case 0:
        r = sqrt(x);
        break;
    case 1:
        r = floor(x);
        break;
    case 2:
        r = ceil(x);
        break;
    case 3:
        r = trunc(x);
        break;
    case 4:
        r = round(x);
        break;
    case 5:
        r = nearbyint(x);
        break; /* the default mode: half to even */
    case 6:
        r = exp(x);
        break;
    case 7:
        r = exp2(x);
        break;
    case 8:
        r = expm1(x);
        break;
    case 9:
        r = log(x);
        break;
    case 10:
        r = log2(x);
        break;
    case 11:
        r = log10(x);
        break;
    case 12:
        r = log1p(x);
        break;
    case 13:
        r = sin(x);
        break;
    case 14:
        r = cos(x);
        break;
    case 15:
        r = tan(x);
        break;
    case 16:
        r = asin(x);
        break;
    case 17:
        r = acos(x);
        break;
    case 18:
        r = atan(x);
        break;
    case 19:
        r = sinh(x);
        break;
    case 20:
        r = cosh(x);
        break;
    case 21:
        r = tanh(x);
        break;
    case 22:
        r = asinh(x);
        break;
    case 23:
        r = acosh(x);
        break;
    case 24:
        r = atanh(x);
        break;
    case 25:
        r = cbrt(x);
        break;
    case 26:
        r = erf(x);
        break;
    case 27:
        r = erfc(x);
        break;
    case 28:
        r = tgamma(x);
        break;
    default:
        r = NAN;
        break;
    }
    /* Go's NaN from a domain error is positive (C's may carry a sign) */
    if (isnan(r)) r = fabs(r);
    c->r[0] = vm_float(T_FLOAT64, r);
    return NAT_OK;
}

/* __math2(op int, x, y float64) float64: opPow ... opLdexp. */
nat_status lib_math2(vm_ncall *c)
{
    double x = c->a[1].v.f, y = c->a[2].v.f, r;
    switch (c->a[0].v.i) {
    case 0:
        r = pow(x, y);
        break;
    case 1:
        r = atan2(x, y);
        break;
    case 2:
        r = hypot(x, y);
        break;
    case 3:
        r = fmod(x, y);
        break;
    case 4:
        r = remainder(x, y);
        break;
    case 5:
        r = nextafter(x, y);
        break;
    case 6:
        r = ldexp(x, (int)y);
        break; /* math.go clamps y */
    default:
        r = NAN;
        break;
    }
    if (isnan(r)) r = fabs(r);
    c->r[0] = vm_float(T_FLOAT64, r);
    return NAT_OK;
}

/* __fma(x, y, z float64) float64: x*y + z rounded once. */
nat_status lib_fma(vm_ncall *c)
{
    c->r[0] = vm_float(T_FLOAT64, fma(c->a[0].v.f, c->a[1].v.f, c->a[2].v.f));
    return NAT_OK;
}

nat_status lib_f64bits(vm_ncall *c)
{
    uint64_t b;
    double f = c->a[0].v.f;
    memcpy(&b, &f, sizeof b);
    c->r[0] = vm_int(T_UINT64, (int64_t)b);
    return NAT_OK;
}

nat_status lib_f64frombits(vm_ncall *c)
{
    uint64_t b = c->a[0].v.u;
    double f;
    memcpy(&f, &b, sizeof f);
    c->r[0] = vm_float(T_FLOAT64, f);
    return NAT_OK;
}

nat_status lib_f32bits(vm_ncall *c)
{
    float f = (float)c->a[0].v.f;
    uint32_t b;
    memcpy(&b, &f, sizeof b);
    c->r[0] = vm_int(T_UINT32, (int64_t)b);
    return NAT_OK;
}

nat_status lib_f32frombits(vm_ncall *c)
{
    uint32_t b = (uint32_t)c->a[0].v.u;
    float f;
    memcpy(&f, &b, sizeof f);
    c->r[0] = vm_float(T_FLOAT32, (double)f);
    return NAT_OK;
}

/* The slice in interface value v, or NULL after a panic (not a slice). */
static bool slice_of(vm_ncall *c, vm_value v, const char *who)
{
    if (VM_KIND(v.t) != K_SLICE) {
        vm_throwf(c->g, "%s: argument is not a slice", who);
        return false;
    }
    return true;
}

/* __slice_len(x any) int. */
nat_status lib_slice_len(vm_ncall *c)
{
    vm_value s = c->a[0];
    if (!slice_of(c, s, "sort.Slice")) return NAT_PANIC;
    c->r[0] = vm_int(T_INT, s.v.sl ? (int64_t)s.v.sl->len : 0);
    return NAT_OK;
}

/* __slice_swap(x any, i, j int): x[i], x[j] = x[j], x[i], aggregates
 * copied into the elements' own storage (pointers to them stay where they
 * were, as in Go). The swap writes both elements as the assignment
 * would, so two goroutines sorting one slice race (go test -race reports
 * sort.Slice under a read lock). */
nat_status lib_slice_swap(vm_ncall *c)
{
    vm_value s = c->a[0], vi, vj;
    int64_t i = c->a[1].v.i, j = c->a[2].v.i;
    vm_slice *sl;
    if (!slice_of(c, s, "sort.Slice")) return NAT_PANIC;
    sl = s.v.sl;
    if (!sl || i < 0 || j < 0 || i >= sl->len || j >= sl->len) {
        vm_throwf(c->g, "index out of range [%lld] with length %u",
                  (long long)(i < 0 || !sl || i >= sl->len ? i : j),
                  sl ? sl->len : 0);
        return NAT_PANIC;
    }
    if (i == j) return NAT_OK;
    if (vm_swap_access(c->g, sl->arr, sl->off + (uint32_t)i,
                       sl->off + (uint32_t)j) != X_OK)
        return NAT_YIELD;
    vi = vm_copy(c->g->x, *slice_at(sl, (uint32_t)i));
    vj = vm_copy(c->g->x, *slice_at(sl, (uint32_t)j));
    vm_store(c->g->x, sl->arr, sl->off + (uint32_t)i, vj, 0);
    vm_store(c->g->x, sl->arr, sl->off + (uint32_t)j, vi, 0);
    return NAT_OK;
}

/* __strtod(s string, bits int) float64: s (already checked against Go's
 * float syntax, strconv/atof.go) correctly rounded to a float64, or to a
 * float32 when bits is 32 (strtod and strtof round correctly; the C
 * locale reads '.'). */
nat_status lib_strtod(vm_ncall *c)
{
    vm_value s = c->a[0];
    char *t = wf_xmalloc((size_t)s.aux + 1);
    double r;
    memcpy(t, s.v.s ? s.v.s : "", s.aux);
    t[s.aux] = 0;
    if (c->a[1].v.i == 32)
        r = (double)strtof(t, NULL);
    else
        r = strtod(t, NULL);
    free(t);
    c->r[0] = vm_float(T_FLOAT64, r);
    return NAT_OK;
}

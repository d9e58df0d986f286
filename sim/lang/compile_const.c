/* compile_const.c: constants as the compiler materializes them: the type
 * checker (check.h) decided every constant expression's exact value and
 * its type in context; cconst gives them as a cval (128-bit integers and
 * doubles suffice once the type is known), and cval_value makes the
 * run-time value of a type. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/check.h"
#include "sim/lang/compile_int.h"

/* Is the integer i representable in kind k? */
static bool int_fits(vm_kind k, __int128 i)
{
    int b = kind_bits(k);
    if (kind_is_signed(k))
        return i >= -((__int128)1 << (b - 1)) && i < ((__int128)1 << (b - 1));
    return i >= 0 && i < ((__int128)1 << b);
}

bool cconst(fstate *fs, ast_node *n, cval *out, uint32_t *type)
{
    const_val v;
    uint32_t t;
    vm_kind k;
    memset(out, 0, sizeof *out);
    *type = 0;
    if (!n || fs->C->failed || !fs->C->K || !check_const_of(fs->C->K, n, &v))
        return false;
    t = csubst(fs, check_type_of(fs->C->K, n)); /* in an instance */
    *type = t;
    k = VM_KIND(type_under(fs->C->prog, t));
    /* a complex constant given a real type (1+0i as a shift count): its
     * exact real part */
    if (v.k == CONST_COMPLEX && t && !kind_is_untyped(k) &&
        (kind_is_int(k) || kind_is_float(k)))
        v = const_real(NULL, v);
    if (v.k == CONST_COMPLEX || (t && vm_cplx_bits(fs->C->prog, t))) {
        /* a complex constant, or a number as a complex type's value */
        out->k = CV_COMPLEX;
        if (v.k == CONST_COMPLEX) {
            out->f = const_float64_val(const_real(NULL, v), NULL);
            out->im = const_float64_val(const_imag(NULL, v), NULL);
        } else {
            out->f = const_float64_val(v, NULL);
        }
        if (!t || t == T_UCPLX)
            *type = T_COMPLEX128;
        return true;
    }
    switch (v.k) {
    case CONST_BOOL:
        out->k = CV_BOOL;
        out->b = v.b;
        return true;
    case CONST_STRING:
        out->k = CV_STRING;
        out->s = cstrdup(fs->C, v.s, v.n);
        out->n = v.n;
        return true;
    case CONST_INT:
    case CONST_FLOAT: {
        int64_t i;
        uint64_t u;
        if (!kind_is_float(k) && const_is_int_value(v)) {
            out->k = CV_INT;
            if (const_int64_val(v, &i))
                out->i = i;
            else if (const_uint64_val(v, &u))
                out->i = (__int128)u;
            else {
                cerr(fs->C, n, "unsupported: integer constant does not fit "
                               "in 64 bits");
                return false;
            }
            return true;
        }
        out->k = CV_FLOAT;
        out->f = const_float64_val(v, NULL);
        return true;
    }
    default:
        return false;
    }
}

/* The value of constant cv as type t (0: its default type; WANT_SOFT:
 * untyped if it is). */
vm_value cval_value(fstate *fs, const cval *cv, uint32_t t, ast_node *at)
{
    compiler *C = fs->C;
    vm_kind k;
    if (t == WANT_SOFT)
        t = 0;
    k = VM_KIND(type_under(C->prog, t));
    if (cv->k == CV_NIL)
        return kind_is_nilable(k) && k != K_IFACE ? vm_ref(t, NULL) : vm_nil();
    if (!t || k == K_IFACE) {
        switch (cv->k) {
        case CV_BOOL:
            return vm_bool(cv->b);
        case CV_STRING:
            return vm_str(cv->s, (uint32_t)cv->n);
        case CV_FLOAT:
            return vm_float(T_FLOAT64, cv->f);
        default:
            if (!int_fits(K_INT64, cv->i)) {
                cerr(C, at, "cannot use constant as int value (overflows)");
                return vm_nil();
            }
            return vm_int(T_INT, (int64_t)cv->i);
        }
    }
    if (kind_is_untyped(k)) {
        if (cv->k == CV_FLOAT)
            return vm_float(T_UFLT_K, cv->f);
        if (cv->k == CV_INT) {
            if (!int_fits(K_UINT64, cv->i) && !int_fits(K_INT64, cv->i)) {
                cerr(C, at, "constant overflows");
                return vm_nil();
            }
            return vm_int(t, (int64_t)(uint64_t)cv->i);
        }
        return cval_value(fs, cv, 0, at);
    }
    if (kind_is_int(k)) {
        __int128 i;
        if (cv->k == CV_FLOAT) {
            if (cv->f != floor(cv->f)) {
                cerr(C, at, "constant %g truncated to integer", cv->f);
                return vm_nil();
            }
            i = (__int128)cv->f;
        } else if (cv->k == CV_INT) {
            i = cv->i;
        } else {
            cerr(C, at, "cannot use this constant as %s value",
                 prog_type(C->prog, t)->name);
            return vm_nil();
        }
        if (!int_fits(k, i)) {
            cerr(C, at, "cannot use constant %lld as %s value (overflows)",
                 (long long)i, prog_type(C->prog, t)->name);
            return vm_nil();
        }
        return vm_int(t, int_wrap(k, (uint64_t)(int64_t)i));
    }
    if (kind_is_float(k)) {
        double f;
        if (cv->k == CV_INT)
            f = (double)cv->i;
        else if (cv->k == CV_FLOAT)
            f = cv->f;
        else {
            cerr(C, at, "cannot use this constant as %s value",
                 prog_type(C->prog, t)->name);
            return vm_nil();
        }
        if (k == K_FLOAT32)
            f = (double)(float)f;
        return vm_float(t, f);
    }
    if (k == K_STRING && cv->k == CV_STRING) {
        vm_value v = vm_str(cv->s, (uint32_t)cv->n);
        v.t = t;
        return v;
    }
    if (k == K_BOOL && cv->k == CV_BOOL)
        return vm_int(t, cv->b);
    /* a mismatch Go would reject: keep the constant's own type */
    return cval_value(fs, cv, 0, at);
}


/* check_const.c: exact constant values (check_const.h): integers of any
 * size (bigint.h), rationals kept reduced, correctly rounded conversion to
 * binary floating point, and go/constant's formatting. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_const.h"

/* ---- values ------------------------------------------------------------------ */

const_val const_unknown(void)
{
    const_val v;
    memset(&v, 0, sizeof v);
    return v;
}

const_val const_bool(bool b)
{
    const_val v = const_unknown();
    v.k = CONST_BOOL;
    v.b = b;
    return v;
}

const_val const_string(arena *m, const char *s, size_t n)
{
    const_val v = const_unknown();
    char *d = arena_alloc(m, n + 1);
    if (n)
        memcpy(d, s, n);
    d[n] = 0;
    v.k = CONST_STRING;
    v.s = d;
    v.n = n;
    return v;
}

static const_val mk_int(const bigint *b)
{
    const_val v = const_unknown();
    v.k = CONST_INT;
    v.num = b;
    return v;
}

const_val const_int64(arena *m, int64_t i)
{
    return mk_int(big_u64(m, i < 0 ? 0 - (uint64_t)i : (uint64_t)i, i < 0));
}

const_val const_uint64(arena *m, uint64_t u)
{
    return mk_int(big_u64(m, u, false));
}

/* A rational num/den * 2^e reduced, den > 0 (false if it is beyond
 * 2^+CONST_MAX_SCALE; below 2^-CONST_MAX_SCALE it underflows to 0, as
 * big.Float's). Too big a rational is rounded to a 512-bit
 * mantissa; a magnitude beyond 2^+-CONST_MAX_EXP keeps its scale in *e
 * (invariant 3), else *e is 0. */
static bool rat_norm(arena *m, const bigint **num, const bigint **den,
                     int64_t *e);

static const_val mk_rat_e(arena *m, const bigint *num, const bigint *den,
                          int64_t e)
{
    const_val v = const_unknown();
    if (big_is_zero(den))
        return v;
    if (!rat_norm(m, &num, &den, &e))
        return v;
    v.k = CONST_FLOAT;
    v.num = num;
    v.den = den;
    v.e2 = e;
    return v;
}

static const_val mk_rat(arena *m, const bigint *num, const bigint *den)
{
    return mk_rat_e(m, num, den, 0);
}

/* The binary magnitude of n/d * 2^e: bitlen(n) - bitlen(d) + e. */
static int64_t rat_mag(const bigint *n, const bigint *d, int64_t e)
{
    return (int64_t)big_bitlen(n) - (int64_t)big_bitlen(d) + e;
}

/* Remove n's trailing zero bits into *e (at most max of them). */
static const bigint *strip_twos(arena *m, const bigint *n, uint64_t max,
                                int64_t *e)
{
    uint64_t tz = 0;
    while (tz < max && !big_mag_low_bits(n, tz + 1))
        tz++;
    *e += (int64_t)tz;
    return tz ? big_mag_shr(m, n, tz) : n;
}

static bool rat_norm(arena *m, const bigint **num, const bigint **den,
                     int64_t *e)
{
    const bigint *g;
    bool neg = (*num)->neg != (*den)->neg;
    const bigint *n = big_copy(m, *num, false), *d = big_copy(m, *den, false);
    int64_t mag;
    if (!n->n) {
        *num = n;
        *den = big_u64(m, 1, false);
        *e = 0;
        return true;
    }
    if (!big_is_one(d)) {
        g = big_gcd(m, n, d);
        if (!big_is_one(g)) {
            big_quorem(m, n, g, &n, NULL);
            big_quorem(m, d, g, &d, NULL);
        }
    }
    mag = rat_mag(n, d, *e); /* big.Float's exponent is mag + 1, or mag */
    if (mag < -CONST_MAX_SCALE) {
        /* below big.Float's exponent range: it underflows to 0 */
        *num = big_u64(m, 0, false);
        *den = big_u64(m, 1, false);
        *e = 0;
        return true;
    }
    if (mag >= CONST_MAX_SCALE)
        return false;
    if (*e && mag <= CONST_MAX_EXP && mag >= -CONST_MAX_EXP) {
        /* back in range: fold the scale into the rational */
        if (*e > 0)
            n = big_mag_shl(m, n, (uint64_t)*e);
        else
            d = big_mag_shl(m, d, (uint64_t)-*e);
        *e = 0;
        g = big_gcd(m, n, d);
        if (!big_is_one(g)) {
            big_quorem(m, n, g, &n, NULL);
            big_quorem(m, d, g, &d, NULL);
        }
    }
    if (big_bitlen(n) > CONST_MAX_BITS || big_bitlen(d) > CONST_MAX_BITS ||
        mag > CONST_MAX_EXP || mag < -CONST_MAX_EXP) {
        /* round to 512 bits: q = n * 2^s / d with bitlen(q) ~ 512, the
         * value q * 2^(e - s) */
        int64_t s = 512 - ((int64_t)big_bitlen(n) - (int64_t)big_bitlen(d));
        int64_t sc = *e - s;
        const bigint *q;
        if (s >= 0)
            big_quorem(m, big_mag_shl(m, n, (uint64_t)s), d, &q, NULL);
        else
            big_quorem(m, n, big_mag_shl(m, d, (uint64_t)-s), &q, NULL);
        if (mag > CONST_MAX_EXP || mag < -CONST_MAX_EXP) {
            n = strip_twos(m, q, big_bitlen(q), &sc);
            d = big_u64(m, 1, false);
            *e = sc;
        } else if (sc >= 0) {
            n = big_mag_shl(m, q, (uint64_t)sc);
            d = big_u64(m, 1, false);
            *e = 0;
        } else { /* q / 2^-sc, its power of two reduced */
            int64_t tz = 0;
            n = strip_twos(m, q, (uint64_t)-sc, &tz);
            d = big_mag_shl(m, big_u64(m, 1, false), (uint64_t)(-sc - tz));
            *e = 0;
        }
    }
    *num = neg ? big_neg(m, n) : n;
    *den = d;
    return true;
}

const_val const_float64(arena *m, double f)
{
    int e;
    double fr;
    uint64_t mant;
    const bigint *num, *den;
    if (isnan(f) || isinf(f))
        return const_unknown();
    if (f == 0)
        return mk_rat(m, big_u64(m, 0, false), big_u64(m, 1, false));
    fr = frexp(fabs(f), &e); /* f = fr * 2^e, 0.5 <= fr < 1 */
    mant = (uint64_t)ldexp(fr, 53);
    e -= 53;
    num = big_u64(m, mant, f < 0);
    if (e >= 0) {
        num = big_mag_shl(m, num, (uint64_t)e);
        ((bigint *)num)->neg = f < 0;
        den = big_u64(m, 1, false);
    } else {
        den = big_mag_shl(m, big_u64(m, 1, false), (uint64_t)-e);
    }
    return mk_rat(m, num, den);
}

/* ---- literals ------------------------------------------------------------------ */

static int digit_val(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/* Digits of s[0..n) in base (underscores skipped) into an integer,
 * counting the digits after a '.' in *frac (NULL: no '.' allowed). */
static const bigint *parse_digits(arena *m, const char *s, size_t n, int base,
                                  int64_t *frac, bool *ok)
{
    const bigint *r = big_u64(m, 0, false);
    const bigint *b = big_u64(m, (uint64_t)base, false);
    bool dot = false;
    uint64_t chunk = 0, cscale = 1;
    *ok = true;
    if (frac)
        *frac = 0;
    for (size_t i = 0; i < n; i++) {
        int c = (unsigned char)s[i], d;
        if (c == '_')
            continue;
        if (c == '.' && frac && !dot) {
            dot = true;
            continue;
        }
        d = digit_val(c);
        if (d >= base) {
            *ok = false;
            return r;
        }
        chunk = chunk * (uint64_t)base + (uint64_t)d;
        cscale *= (uint64_t)base;
        if (dot)
            (*frac)++;
        if (cscale > ((uint64_t)1 << 50)) {
            r = big_add(m, big_mul(m, r, big_u64(m, cscale, false)),
                        big_u64(m, chunk, false));
            chunk = 0;
            cscale = 1;
        }
    }
    (void)b;
    if (cscale > 1)
        r = big_add(m, big_mul(m, r, big_u64(m, cscale, false)),
                    big_u64(m, chunk, false));
    return r;
}

/* 5^k as f * 2^*e, f of about 600 bits (exact while it fits: squaring
 * and multiplying, each product cut to 600 bits, errs by far less than
 * the 512-bit mantissa keeps); NULL when 5^k is beyond
 * 2^CONST_MAX_SCALE. */
static const bigint *pow5_approx(arena *m, uint64_t k, int64_t *e)
{
    const bigint *r = big_u64(m, 1, false), *b = big_u64(m, 5, false);
    int64_t re = 0, be = 0;
    if ((double)k * 2.321928094887362 > (double)CONST_MAX_SCALE)
        return NULL;
    for (; k; k >>= 1) {
        if (k & 1) {
            r = big_mul(m, r, b);
            re += be;
            if (big_bitlen(r) > 600) {
                uint64_t cut = big_bitlen(r) - 600;
                r = big_mag_shr(m, r, cut);
                re += (int64_t)cut;
            }
        }
        if (k > 1) {
            b = big_mul(m, b, b);
            be *= 2;
            if (big_bitlen(b) > 600) {
                uint64_t cut = big_bitlen(b) - 600;
                b = big_mag_shr(m, b, cut);
                be += (int64_t)cut;
            }
        }
    }
    *e = re;
    return r;
}

/* A float literal's text as a rational. */
static const_val parse_float(arena *m, const char *s, size_t n)
{
    bool hex = n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    size_t i = hex ? 2 : 0, mend;
    int64_t frac = 0, exp = 0;
    bool ok, eneg = false;
    const bigint *mant, *num, *den;
    mend = i;
    while (mend < n && !(hex ? (s[mend] == 'p' || s[mend] == 'P')
                             : (s[mend] == 'e' || s[mend] == 'E')))
        mend++;
    mant = parse_digits(m, s + i, mend - i, hex ? 16 : 10, &frac, &ok);
    if (!ok)
        return const_unknown();
    if (mend < n) {
        size_t j = mend + 1;
        if (j < n && (s[j] == '+' || s[j] == '-'))
            eneg = s[j++] == '-';
        for (; j < n; j++) {
            if (s[j] == '_')
                continue;
            if (s[j] < '0' || s[j] > '9')
                return const_unknown();
            exp = exp * 10 + (s[j] - '0');
            if (exp > ((int64_t)1 << 40)) /* beyond every limit */
                exp = (int64_t)1 << 40;
        }
        if (eneg)
            exp = -exp;
    }
    if (hex) {
        /* value = mant * 2^(exp - 4*frac) */
        int64_t e2 = exp - 4 * frac;
        if (e2 > CONST_MAX_EXP || e2 < -CONST_MAX_EXP)
            return mk_rat_e(m, mant, big_u64(m, 1, false), e2);
        if (e2 >= 0) {
            num = big_mag_shl(m, mant, (uint64_t)e2);
            den = big_u64(m, 1, false);
        } else {
            num = mant;
            den = big_mag_shl(m, big_u64(m, 1, false), (uint64_t)-e2);
        }
    } else {
        int64_t e10 = exp - frac;
        if (big_is_zero(mant))
            return mk_rat(m, mant, big_u64(m, 1, false));
        if (e10 > CONST_MAX_EXP / 4 || e10 < -CONST_MAX_EXP / 4) {
            /* 10^|e10| = 5^|e10| * 2^|e10|, 5^|e10| to 600 bits */
            int64_t pe = 0;
            const bigint *p5 = pow5_approx(m, (uint64_t)(e10 < 0 ? -e10 : e10),
                                           &pe);
            if (!p5)
                return const_unknown();
            if (e10 > 0)
                return mk_rat_e(m, big_mul(m, mant, p5), big_u64(m, 1, false),
                                pe + e10);
            return mk_rat_e(m, mant, p5, -pe + e10);
        }
        if (e10 >= 0) {
            num = big_mul(m, mant, big_pow10(m, (uint64_t)e10));
            den = big_u64(m, 1, false);
        } else {
            num = mant;
            den = big_pow10(m, (uint64_t)-e10);
        }
    }
    return mk_rat(m, num, den);
}

const_val const_from_literal(arena *m, lex_kind tk, const char *text)
{
    size_t n = strlen(text);
    if (tk == TK_IMAG) {
        const_val im;
        if (!n || text[n - 1] != 'i')
            return const_unknown();
        n--;
        {
            /* an imaginary literal's mantissa is decimal unless prefixed
             * (0x, 0o, 0b); a leading 0 alone stays decimal */
            char *t = arena_strndup(m, text, n);
            bool isfloat = false;
            bool hex = n > 1 && t[0] == '0' && (t[1] == 'x' || t[1] == 'X');
            for (size_t i = 0; i < n; i++)
                if (t[i] == '.' || (!hex && (t[i] == 'e' || t[i] == 'E')) ||
                    (hex && (t[i] == 'p' || t[i] == 'P')))
                    isfloat = true;
            if (isfloat)
                im = parse_float(m, t, n);
            else if (n > 1 && t[0] == '0' &&
                     (t[1] == 'x' || t[1] == 'X' || t[1] == 'o' ||
                      t[1] == 'O' || t[1] == 'b' || t[1] == 'B'))
                im = const_from_literal(m, TK_INT, t);
            else
                im = parse_float(m, t, n); /* 0123i is decimal 123i */
        }
        if (im.k == CONST_UNKNOWN)
            return im;
        return const_make_complex(m, const_int64(m, 0), im);
    }
    if (tk == TK_FLOAT)
        return parse_float(m, text, n);
    {
        int base = 10;
        size_t i = 0;
        bool ok;
        const bigint *v;
        if (n > 1 && text[0] == '0') {
            switch (text[1]) {
            case 'x':
            case 'X':
                base = 16;
                i = 2;
                break;
            case 'o':
            case 'O':
                base = 8;
                i = 2;
                break;
            case 'b':
            case 'B':
                base = 2;
                i = 2;
                break;
            default:
                base = 8;
                i = 1;
                break;
            }
        }
        v = parse_digits(m, text + i, n - i, base, NULL, &ok);
        return ok ? mk_int(v) : const_unknown();
    }
}

/* ---- conversions ------------------------------------------------------------- */

const_val const_to_int(arena *m, const_val x)
{
    switch (x.k) {
    case CONST_INT:
        return x;
    case CONST_FLOAT:
        if (big_is_one(x.den) && !x.e2)
            return mk_int(x.num);
        return const_unknown();
    case CONST_COMPLEX:
        if (big_is_zero(x.inum) && big_is_one(x.den) && !x.e2)
            return mk_int(x.num);
        return const_unknown();
    default:
        (void)m;
        return const_unknown();
    }
}

const_val const_to_float(arena *m, const_val x)
{
    switch (x.k) {
    case CONST_INT:
        return mk_rat(m, x.num, big_u64(m, 1, false));
    case CONST_FLOAT:
        return x;
    case CONST_COMPLEX:
        if (big_is_zero(x.inum)) {
            const_val r = const_unknown();
            r.k = CONST_FLOAT;
            r.num = x.num;
            r.den = x.den;
            r.e2 = x.e2;
            return r;
        }
        return const_unknown();
    default:
        return const_unknown();
    }
}

const_val const_make_complex(arena *m, const_val re, const_val im)
{
    const_val r = const_unknown();
    re = const_to_float(m, re);
    im = const_to_float(m, im);
    if (re.k != CONST_FLOAT || im.k != CONST_FLOAT)
        return r;
    r.k = CONST_COMPLEX;
    r.num = re.num;
    r.den = re.den;
    r.e2 = re.e2;
    r.inum = im.num;
    r.iden = im.den;
    r.ie2 = im.e2;
    return r;
}

const_val const_to_complex(arena *m, const_val x)
{
    if (x.k == CONST_COMPLEX)
        return x;
    if (x.k != CONST_INT && x.k != CONST_FLOAT)
        return const_unknown();
    return const_make_complex(m, x, const_int64(m, 0));
}

const_val const_real(arena *m, const_val x)
{
    const_val r = const_unknown();
    if (x.k == CONST_INT || x.k == CONST_FLOAT)
        return x;
    if (x.k != CONST_COMPLEX)
        return r;
    (void)m;
    r.k = CONST_FLOAT;
    r.num = x.num;
    r.den = x.den;
    r.e2 = x.e2;
    return r;
}

const_val const_imag(arena *m, const_val x)
{
    const_val r = const_unknown();
    if (x.k == CONST_INT || x.k == CONST_FLOAT)
        return const_int64(m, 0);
    if (x.k != CONST_COMPLEX)
        return r;
    r.k = CONST_FLOAT;
    r.num = x.inum;
    r.den = x.iden;
    r.e2 = x.ie2;
    return r;
}

void const_match(arena *m, const_val *x, const_val *y)
{
    if (x->k == y->k || x->k < CONST_INT || y->k < CONST_INT)
        return;
    if (x->k < y->k)
        *x = y->k == CONST_FLOAT ? const_to_float(m, *x)
                                 : const_to_complex(m, *x);
    else
        *y = x->k == CONST_FLOAT ? const_to_float(m, *y)
                                 : const_to_complex(m, *y);
}

/* ---- arithmetic ------------------------------------------------------------- */

/* a op b for two floats (their scales included). */
static const_val rat_op(arena *m, lex_kind op, const_val a, const_val b)
{
    const bigint *an = a.num, *ad = a.den, *bn = b.num, *bd = b.den;
    int64_t e = a.e2;
    if (!an || !ad || !bn || !bd)
        return const_unknown(); /* an operand out of range already */
    switch (op) {
    case TK_ADD:
    case TK_SUB:
        if (a.e2 != b.e2) {
            /* one far below the other's 512 bits is lost in it, as in
             * big.Float; else both at the smaller scale */
            int64_t ma = rat_mag(an, ad, a.e2), mb = rat_mag(bn, bd, b.e2);
            if (!bn->n || ma - mb > 1100)
                return a;
            if (!an->n || mb - ma > 1100)
                return op == TK_ADD ? b : const_unary(m, TK_SUB, b, 0);
            if (a.e2 > b.e2) {
                an = big_mag_shl(m, an, (uint64_t)(a.e2 - b.e2));
                ((bigint *)an)->neg = a.num->neg;
                e = b.e2;
            } else {
                bn = big_mag_shl(m, bn, (uint64_t)(b.e2 - a.e2));
                ((bigint *)bn)->neg = b.num->neg;
            }
        }
        if (op == TK_ADD)
            return mk_rat_e(m,
                            big_add(m, big_mul(m, an, bd), big_mul(m, bn, ad)),
                            big_mul(m, ad, bd), e);
        return mk_rat_e(m, big_sub(m, big_mul(m, an, bd), big_mul(m, bn, ad)),
                        big_mul(m, ad, bd), e);
    case TK_MUL:
        return mk_rat_e(m, big_mul(m, an, bn), big_mul(m, ad, bd),
                        a.e2 + b.e2);
    case TK_QUO:
        if (big_is_zero(bn))
            return const_unknown();
        return mk_rat_e(m, big_mul(m, an, bd), big_mul(m, ad, bn),
                        a.e2 - b.e2);
    default:
        return const_unknown();
    }
}

const_val const_unary(arena *m, lex_kind op, const_val x, int prec)
{
    switch (op) {
    case TK_ADD:
        return x.k >= CONST_INT ? x : const_unknown();
    case TK_SUB:
        switch (x.k) {
        case CONST_INT:
            return mk_int(big_neg(m, x.num));
        case CONST_FLOAT:
            x.num = big_neg(m, x.num);
            return x;
        case CONST_COMPLEX:
            x.num = big_neg(m, x.num);
            x.inum = big_neg(m, x.inum);
            return x;
        default:
            return const_unknown();
        }
    case TK_XOR: {
        /* ^x == -x - 1; an unsigned value of prec bits: x ^ (2^prec - 1) */
        const bigint *one = big_u64(m, 1, false);
        if (x.k != CONST_INT)
            return const_unknown();
        if (prec > 0) {
            const bigint *mask =
                big_sub(m, big_mag_shl(m, one, (uint64_t)prec), one);
            return mk_int(big_bitop(m, TK_XOR, x.num, mask));
        }
        return mk_int(big_sub(m, big_neg(m, x.num), one));
    }
    case TK_NOT:
        return x.k == CONST_BOOL ? const_bool(!x.b) : const_unknown();
    default:
        return const_unknown();
    }
}

const_val const_binary(arena *m, lex_kind op, const_val x, const_val y,
                       bool intdiv)
{
    if (op == TK_LAND || op == TK_LOR) {
        if (x.k != CONST_BOOL || y.k != CONST_BOOL)
            return const_unknown();
        return const_bool(op == TK_LAND ? x.b && y.b : x.b || y.b);
    }
    if (x.k == CONST_STRING && y.k == CONST_STRING && op == TK_ADD) {
        char *s = arena_alloc(m, x.n + y.n + 1);
        const_val r = const_unknown();
        memcpy(s, x.s, x.n);
        memcpy(s + x.n, y.s, y.n);
        s[x.n + y.n] = 0;
        r.k = CONST_STRING;
        r.s = s;
        r.n = x.n + y.n;
        return r;
    }
    const_match(m, &x, &y);
    if (x.k != y.k)
        return const_unknown();
    switch (x.k) {
    case CONST_INT:
        switch (op) {
        case TK_ADD:
            return mk_int(big_add(m, x.num, y.num));
        case TK_SUB:
            return mk_int(big_sub(m, x.num, y.num));
        case TK_MUL:
            return mk_int(big_mul(m, x.num, y.num));
        case TK_QUO:
            if (big_is_zero(y.num))
                return const_unknown();
            if (intdiv) {
                const bigint *q;
                big_quorem(m, x.num, y.num, &q, NULL);
                return mk_int(q);
            }
            return mk_rat(m, x.num, y.num);
        case TK_REM: {
            const bigint *r;
            if (big_is_zero(y.num))
                return const_unknown();
            big_quorem(m, x.num, y.num, NULL, &r);
            return mk_int(r);
        }
        case TK_AND:
        case TK_OR:
        case TK_XOR:
        case TK_AND_NOT:
            return mk_int(big_bitop(m, op, x.num, y.num));
        default:
            return const_unknown();
        }
    case CONST_FLOAT:
        return rat_op(m, op, x, y);
    case CONST_COMPLEX: {
        /* (a + bi) op (c + di) */
        const_val a = const_real(m, x), b = const_imag(m, x);
        const_val c = const_real(m, y), d = const_imag(m, y);
        const_val re, im;
#define R_(op_, p, q) rat_op(m, op_, p, q)
        switch (op) {
        case TK_ADD:
        case TK_SUB:
            re = R_(op, a, c);
            im = R_(op, b, d);
            break;
        case TK_MUL:
            re = R_(TK_SUB, R_(TK_MUL, a, c), R_(TK_MUL, b, d));
            im = R_(TK_ADD, R_(TK_MUL, b, c), R_(TK_MUL, a, d));
            break;
        case TK_QUO: {
            const_val s = R_(TK_ADD, R_(TK_MUL, c, c), R_(TK_MUL, d, d));
            if (s.k != CONST_FLOAT || big_is_zero(s.num))
                return const_unknown();
            re = R_(TK_QUO, R_(TK_ADD, R_(TK_MUL, a, c), R_(TK_MUL, b, d)),
                    s);
            im = R_(TK_QUO, R_(TK_SUB, R_(TK_MUL, b, c), R_(TK_MUL, a, d)),
                    s);
            break;
        }
        default:
            return const_unknown();
        }
#undef R_
        if (re.k != CONST_FLOAT || im.k != CONST_FLOAT)
            return const_unknown();
        return const_make_complex(m, re, im);
    }
    default:
        return const_unknown();
    }
}

const_val const_shift(arena *m, lex_kind op, const_val x, uint64_t s)
{
    x = const_to_int(m, x);
    if (x.k != CONST_INT)
        return const_unknown();
    if (op == TK_SHL) {
        bigint *r;
        if (s > CONST_MAX_BITS)
            return const_unknown();
        r = big_mag_shl(m, x.num, s);
        r->neg = r->n ? x.num->neg : false;
        return mk_int(r);
    }
    return mk_int(big_shr(m, x.num, s));
}

static int rat_cmp(const bigint *an, const bigint *ad, int64_t ae,
                   const bigint *bn, const bigint *bd, int64_t be)
{
    arena tmp;
    int c;
    if (ae != be) {
        /* different scales: the signs, then the magnitudes decide (a
         * scaled value is beyond every unscaled one) */
        int sa = an->n ? (an->neg ? -1 : 1) : 0;
        int sb = bn->n ? (bn->neg ? -1 : 1) : 0;
        int64_t ma = rat_mag(an, ad, ae), mb = rat_mag(bn, bd, be);
        if (sa != sb)
            return sa < sb ? -1 : 1;
        if (ma - mb > 1 || mb - ma > 1)
            return (ma > mb ? 1 : -1) * sa;
        /* near: compare at the smaller scale */
        arena_init(&tmp);
        if (ae > be)
            an = big_mag_shl(&tmp, an, (uint64_t)(ae - be));
        else
            bn = big_mag_shl(&tmp, bn, (uint64_t)(be - ae));
        c = big_cmp(big_mul(&tmp, an, bd), big_mul(&tmp, bn, ad));
        arena_fini(&tmp);
        return c * (sa < 0 ? -1 : 1);
    }
    arena_init(&tmp);
    c = big_cmp(big_mul(&tmp, an, bd), big_mul(&tmp, bn, ad));
    arena_fini(&tmp);
    return c;
}

bool const_compare(const_val x, lex_kind op, const_val y)
{
    int c = 0;
    arena tmp;
    arena_init(&tmp);
    switch (x.k) {
    case CONST_BOOL:
        c = x.b == y.b ? 0 : 1;
        break;
    case CONST_STRING: {
        size_t n = x.n < y.n ? x.n : y.n;
        c = memcmp(x.s, y.s, n);
        if (!c)
            c = x.n < y.n ? -1 : x.n > y.n;
        break;
    }
    default:
        const_match(&tmp, &x, &y);
        if (x.k == CONST_INT)
            c = big_cmp(x.num, y.num);
        else if (x.k == CONST_FLOAT)
            c = rat_cmp(x.num, x.den, x.e2, y.num, y.den, y.e2);
        else if (x.k == CONST_COMPLEX)
            c = rat_cmp(x.num, x.den, x.e2, y.num, y.den, y.e2) ||
                rat_cmp(x.inum, x.iden, x.ie2, y.inum, y.iden, y.ie2);
        break;
    }
    arena_fini(&tmp);
    switch (op) {
    case TK_EQL:
        return c == 0;
    case TK_NEQ:
        return c != 0;
    case TK_LSS:
        return c < 0;
    case TK_LEQ:
        return c <= 0;
    case TK_GTR:
        return c > 0;
    default:
        return c >= 0;
    }
}

/* ---- queries ------------------------------------------------------------------ */

int const_sign(const_val x)
{
    if (x.k < CONST_INT || !x.num || !x.num->n)
        return 0;
    return x.num->neg ? -1 : 1;
}

bool const_is_zero(const_val x)
{
    if (x.k == CONST_COMPLEX)
        return !x.num->n && !x.inum->n;
    return x.k >= CONST_INT && !x.num->n;
}

uint32_t const_bitlen(const_val x)
{
    return x.k == CONST_INT ? big_bitlen(x.num) : 0;
}

bool const_is_int_value(const_val x)
{
    if (x.k == CONST_INT)
        return true;
    if (x.k == CONST_FLOAT)
        return big_is_one(x.den) && x.e2 >= 0;
    if (x.k == CONST_COMPLEX)
        return big_is_one(x.den) && x.e2 >= 0 && !x.inum->n;
    return false;
}

bool const_int64_val(const_val x, int64_t *out)
{
    if (!const_is_int_value(x) || x.e2)
        return false;
    return big_to_i64(x.num, out);
}

bool const_uint64_val(const_val x, uint64_t *out)
{
    if (!const_is_int_value(x) || x.e2)
        return false;
    return big_to_u64(x.num, out);
}

/* num/den rounded to nearest-even with prec mantissa bits and exponents
 * in [emin, emax] (IEEE 754 binary formats: subnormals below emin). */
static double rat_round(const bigint *num, const bigint *den, int64_t e2,
                        int prec, int emin, int emax, bool *exact)
{
    arena m;
    const bigint *q, *r;
    int64_t s, e;
    uint64_t mant = 0;
    uint32_t qb;
    bool neg = num->neg, sticky;
    int64_t keep;
    double v;
    *exact = true;
    if (!num->n)
        return 0.0;
    arena_init(&m);
    /* q = |num| * 2^s / den with prec + 2 or more bits */
    s = (int64_t)prec + 2 - ((int64_t)big_bitlen(num) - big_bitlen(den));
    if (s >= 0)
        big_quorem(&m, big_mag_shl(&m, big_copy(&m, num, false), (uint64_t)s),
                   den, &q, &r);
    else
        big_quorem(&m, big_copy(&m, num, false),
                   big_mag_shl(&m, den, (uint64_t)-s), &q, &r);
    sticky = r->n != 0;
    qb = big_bitlen(q);
    e = (int64_t)qb - 1 - s + e2; /* exponent of the leading bit */
    if (e > emax) {
        arena_fini(&m);
        *exact = false;
        return neg ? -INFINITY : INFINITY;
    }
    keep = prec;
    if (e < emin)
        keep = prec - (emin - e);
    if (keep < 0) {
        /* below half the smallest subnormal */
        arena_fini(&m);
        *exact = false;
        return neg ? -0.0 : 0.0;
    }
    {
        /* drop qb - keep bits (at least 2), rounding half to even */
        uint64_t drop = qb - (uint64_t)keep;
        bool roundbit = (q->d[(drop - 1) / 32] >> ((drop - 1) % 32)) & 1;
        bool lower = sticky || big_mag_low_bits(q, drop - 1);
        big_to_u64(big_mag_shr(&m, q, drop), &mant);
        *exact = !roundbit && !lower;
        if (roundbit && (lower || (mant & 1)))
            mant++;
        v = ldexp((double)mant, (int)(e - keep + 1));
    }
    arena_fini(&m);
    if (e > emax || isinf(v) || (v >= ldexp(1.0, emax + 1))) {
        *exact = false;
        return neg ? -INFINITY : INFINITY;
    }
    return neg ? -v : v;
}

double const_float64_val(const_val x, bool *exact)
{
    bool ex = true;
    double v = 0;
    if (x.k == CONST_INT) {
        arena m;
        arena_init(&m);
        v = rat_round(x.num, big_u64(&m, 1, false), 0, 53, -1022, 1023,
                      &ex);
        arena_fini(&m);
    } else if (x.k == CONST_FLOAT || x.k == CONST_COMPLEX) {
        v = rat_round(x.num, x.den, x.e2, 53, -1022, 1023, &ex);
    }
    if (exact)
        *exact = ex;
    return v;
}

double const_float32_val(const_val x, bool *exact)
{
    bool ex = true;
    double v = 0;
    if (x.k == CONST_INT) {
        arena m;
        arena_init(&m);
        v = rat_round(x.num, big_u64(&m, 1, false), 0, 24, -126, 127, &ex);
        arena_fini(&m);
    } else if (x.k == CONST_FLOAT || x.k == CONST_COMPLEX) {
        v = rat_round(x.num, x.den, x.e2, 24, -126, 127, &ex);
    }
    if (exact)
        *exact = ex;
    return v;
}

/* ---- formatting -------------------------------------------------------------- */

static void format_float(buf *b, const_val x)
{
    bool exact;
    double f = const_float64_val(x, &exact);
    char tmp[64];
    if (isinf(f) || (f == 0 && x.num->n)) {
        /* out of float64's range: mantissa and decimal exponent */
        arena m;
        const_val ax = x;
        long double lf;
        int64_t e10 = 0;
        arena_init(&m);
        if (x.e2) {
            /* num * 2^e2 (den 1): its decimal logarithm from num's
             * leading bits */
            uint32_t nb = big_bitlen(x.num);
            uint64_t top = 0;
            double l10;
            big_to_u64(nb > 60 ? big_mag_shr(&m, x.num, nb - 60) : x.num,
                       &top);
            l10 = log10((double)top) +
                  (double)(x.e2 + (nb > 60 ? nb - 60 : 0)) *
                      0.30102999566398119521;
            e10 = (int64_t)floor(l10);
            snprintf(tmp, sizeof tmp, "%.6g", pow(10, l10 - (double)e10));
            buf_printf(b, "%s%se%+lld", x.num->neg ? "-" : "", tmp,
                       (long long)e10);
            arena_fini(&m);
            return;
        }
        /* scale by powers of ten into range, then print */
        {
            int64_t nb = (int64_t)big_bitlen(x.num) - big_bitlen(x.den);
            e10 = (int64_t)((double)nb * 0.30102999566398119521);
            if (e10 > 0)
                ax = mk_rat(&m, x.num, big_mul(&m, x.den,
                                               big_pow10(&m, (uint64_t)e10)));
            else if (e10 < 0)
                ax = mk_rat(&m, big_mul(&m, x.num,
                                        big_pow10(&m, (uint64_t)-e10)),
                            x.den);
        }
        lf = const_float64_val(ax, &exact);
        while (fabsl(lf) >= 10) {
            lf /= 10;
            e10++;
        }
        while (lf != 0 && fabsl(lf) < 1) {
            lf *= 10;
            e10--;
        }
        snprintf(tmp, sizeof tmp, "%.6g", (double)lf);
        buf_printf(b, "%se%+lld", tmp, (long long)e10);
        arena_fini(&m);
        return;
    }
    snprintf(tmp, sizeof tmp, "%.6g", f);
    if (!const_is_int_value(x) && !strchr(tmp, '.') && !strchr(tmp, 'e'))
        snprintf(tmp, sizeof tmp, "%.17g", f);
    buf_puts(b, tmp);
}

void const_format(buf *b, const_val x)
{
    switch (x.k) {
    case CONST_UNKNOWN:
        buf_puts(b, "unknown");
        break;
    case CONST_BOOL:
        buf_puts(b, x.b ? "true" : "false");
        break;
    case CONST_STRING: {
        buf q;
        buf_init(&q);
        buf_putc(&q, '"');
        for (size_t i = 0; i < x.n; i++) {
            unsigned char c = (unsigned char)x.s[i];
            switch (c) {
            case '"':
                buf_puts(&q, "\\\"");
                break;
            case '\\':
                buf_puts(&q, "\\\\");
                break;
            case '\n':
                buf_puts(&q, "\\n");
                break;
            case '\t':
                buf_puts(&q, "\\t");
                break;
            case '\r':
                buf_puts(&q, "\\r");
                break;
            default:
                if (c < 0x20 || c == 0x7f)
                    buf_printf(&q, "\\x%02x", c);
                else
                    buf_putc(&q, (char)c);
            }
        }
        buf_putc(&q, '"');
        if (q.len > 72) { /* go/constant shortens long strings */
            buf_append(b, q.p, 69);
            buf_puts(b, "...");
        } else {
            buf_append(b, q.p, q.len);
        }
        buf_fini(&q);
        break;
    }
    case CONST_INT: {
        arena m;
        arena_init(&m);
        big_format(b, &m, x.num);
        arena_fini(&m);
        break;
    }
    case CONST_FLOAT:
        format_float(b, x);
        break;
    case CONST_COMPLEX: {
        arena m;
        arena_init(&m);
        buf_putc(b, '(');
        format_float(b, const_real(&m, x));
        buf_puts(b, " + ");
        format_float(b, const_imag(&m, x));
        buf_puts(b, "i)");
        arena_fini(&m);
        break;
    }
    }
}

void const_format_exact(buf *b, const_val x)
{
    arena m;
    if (x.k != CONST_FLOAT) {
        const_format(b, x);
        return;
    }
    arena_init(&m);
    big_format(b, &m, x.num);
    if (!big_is_one(x.den)) {
        buf_putc(b, '/');
        big_format(b, &m, x.den);
    }
    if (x.e2)
        buf_printf(b, "*2^%lld", (long long)x.e2);
    arena_fini(&m);
}

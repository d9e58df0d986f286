/* check_const.c: exact constant values (check_const.h): arbitrary-size
 * integers on 32-bit limbs (schoolbook multiplication, Knuth's algorithm D
 * for division, Euclid's gcd), rationals kept reduced, correctly rounded
 * conversion to binary floating point, and go/constant's formatting. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/check_const.h"

/* ---- natural numbers and integers ---------------------------------------- */

static bigint *big_alloc(arena *m, uint32_t n)
{
    bigint *b = arena_alloc(m, sizeof *b + (n ? n : 1) * sizeof(uint32_t));
    b->n = n;
    b->neg = false;
    return b;
}

static bigint *big_trim(bigint *b)
{
    while (b->n && !b->d[b->n - 1])
        b->n--;
    if (!b->n)
        b->neg = false;
    return b;
}

static const bigint *big_u64(arena *m, uint64_t v, bool neg)
{
    bigint *b = big_alloc(m, 2);
    b->d[0] = (uint32_t)v;
    b->d[1] = (uint32_t)(v >> 32);
    b->neg = neg;
    return big_trim(b);
}

static const bigint *big_copy(arena *m, const bigint *x, bool neg)
{
    bigint *b = big_alloc(m, x->n);
    if (x->n)
        memcpy(b->d, x->d, x->n * sizeof(uint32_t));
    b->neg = x->n ? neg : false;
    return b;
}

static uint32_t big_bitlen(const bigint *x)
{
    uint32_t top;
    int k = 0;
    if (!x->n)
        return 0;
    top = x->d[x->n - 1];
    while (top) {
        k++;
        top >>= 1;
    }
    return (x->n - 1) * 32 + (uint32_t)k;
}

static bool big_is_zero(const bigint *x)
{
    return x->n == 0;
}

/* |x| vs |y|. */
static int mag_cmp(const bigint *x, const bigint *y)
{
    if (x->n != y->n)
        return x->n < y->n ? -1 : 1;
    for (uint32_t i = x->n; i-- > 0;)
        if (x->d[i] != y->d[i])
            return x->d[i] < y->d[i] ? -1 : 1;
    return 0;
}

static int big_cmp(const bigint *x, const bigint *y)
{
    if (x->neg != y->neg)
        return x->neg ? -1 : 1;
    return x->neg ? -mag_cmp(x, y) : mag_cmp(x, y);
}

/* |x| + |y| */
static bigint *mag_add(arena *m, const bigint *x, const bigint *y)
{
    uint32_t n = (x->n > y->n ? x->n : y->n) + 1;
    bigint *r = big_alloc(m, n);
    uint64_t c = 0;
    for (uint32_t i = 0; i < n; i++) {
        uint64_t s = c;
        if (i < x->n)
            s += x->d[i];
        if (i < y->n)
            s += y->d[i];
        r->d[i] = (uint32_t)s;
        c = s >> 32;
    }
    return big_trim(r);
}

/* |x| - |y|, |x| >= |y| */
static bigint *mag_sub(arena *m, const bigint *x, const bigint *y)
{
    bigint *r = big_alloc(m, x->n);
    int64_t b = 0;
    for (uint32_t i = 0; i < x->n; i++) {
        int64_t s = (int64_t)x->d[i] - b - (i < y->n ? (int64_t)y->d[i] : 0);
        b = s < 0;
        r->d[i] = (uint32_t)(s + (b ? ((int64_t)1 << 32) : 0));
    }
    return big_trim(r);
}

static const bigint *big_add(arena *m, const bigint *x, const bigint *y)
{
    bigint *r;
    if (x->neg == y->neg) {
        r = mag_add(m, x, y);
        r->neg = r->n ? x->neg : false;
        return r;
    }
    if (mag_cmp(x, y) >= 0) {
        r = mag_sub(m, x, y);
        r->neg = r->n ? x->neg : false;
    } else {
        r = mag_sub(m, y, x);
        r->neg = r->n ? y->neg : false;
    }
    return r;
}

static const bigint *big_neg(arena *m, const bigint *x)
{
    return big_copy(m, x, !x->neg);
}

static const bigint *big_sub(arena *m, const bigint *x, const bigint *y)
{
    return big_add(m, x, big_neg(m, y));
}

static const bigint *big_mul(arena *m, const bigint *x, const bigint *y)
{
    bigint *r;
    if (!x->n || !y->n)
        return big_alloc(m, 0);
    r = big_alloc(m, x->n + y->n);
    memset(r->d, 0, (x->n + y->n) * sizeof(uint32_t));
    for (uint32_t i = 0; i < x->n; i++) {
        uint64_t c = 0;
        for (uint32_t j = 0; j < y->n; j++) {
            uint64_t t = (uint64_t)x->d[i] * y->d[j] + r->d[i + j] + c;
            r->d[i + j] = (uint32_t)t;
            c = t >> 32;
        }
        r->d[i + y->n] = (uint32_t)c;
    }
    r->neg = x->neg != y->neg;
    return big_trim(r);
}

/* |x| << s */
static bigint *mag_shl(arena *m, const bigint *x, uint64_t s)
{
    uint32_t w = (uint32_t)(s / 32), b = (uint32_t)(s % 32);
    bigint *r;
    if (!x->n)
        return big_alloc(m, 0);
    r = big_alloc(m, x->n + w + 1);
    memset(r->d, 0, (x->n + w + 1) * sizeof(uint32_t));
    for (uint32_t i = 0; i < x->n; i++) {
        uint64_t v = (uint64_t)x->d[i] << b;
        r->d[i + w] |= (uint32_t)v;
        r->d[i + w + 1] |= (uint32_t)(v >> 32);
    }
    return big_trim(r);
}

/* |x| >> s (truncating) */
static bigint *mag_shr(arena *m, const bigint *x, uint64_t s)
{
    uint32_t w, b;
    bigint *r;
    if (s >= (uint64_t)x->n * 32)
        return big_alloc(m, 0);
    w = (uint32_t)(s / 32);
    b = (uint32_t)(s % 32);
    r = big_alloc(m, x->n - w);
    for (uint32_t i = 0; i < x->n - w; i++) {
        uint64_t v = x->d[i + w];
        if (i + w + 1 < x->n)
            v |= (uint64_t)x->d[i + w + 1] << 32;
        r->d[i] = (uint32_t)(v >> b);
    }
    return big_trim(r);
}

/* Is any of the low s bits of |x| set? */
static bool mag_low_bits(const bigint *x, uint64_t s)
{
    for (uint32_t i = 0; i < x->n && (uint64_t)i * 32 < s; i++) {
        uint64_t left = s - (uint64_t)i * 32;
        uint32_t mask = left >= 32 ? 0xffffffffu : ((1u << left) - 1);
        if (x->d[i] & mask)
            return true;
    }
    return false;
}

/* q = |x| / |y|, rem = |x| % |y| (y != 0): Knuth, TAOCP vol. 2, 4.3.1 D. */
static void mag_divmod(arena *m, const bigint *x, const bigint *y,
                       bigint **q, bigint **rem)
{
    uint32_t n = y->n, mm;
    int sh = 0;
    uint32_t top;
    bigint *u, *v, *qq;
    if (mag_cmp(x, y) < 0) {
        *q = big_alloc(m, 0);
        *rem = (bigint *)big_copy(m, x, false);
        return;
    }
    if (n == 1) {
        uint64_t r = 0;
        qq = big_alloc(m, x->n);
        for (uint32_t i = x->n; i-- > 0;) {
            uint64_t cur = (r << 32) | x->d[i];
            qq->d[i] = (uint32_t)(cur / y->d[0]);
            r = cur % y->d[0];
        }
        *q = big_trim(qq);
        *rem = (bigint *)big_u64(m, r, false);
        return;
    }
    top = y->d[n - 1];
    while (!(top & 0x80000000u)) {
        top <<= 1;
        sh++;
    }
    v = mag_shl(m, y, (uint64_t)sh);
    u = big_alloc(m, x->n + 1);
    {
        bigint *t = mag_shl(m, x, (uint64_t)sh);
        memset(u->d, 0, (x->n + 1) * sizeof(uint32_t));
        memcpy(u->d, t->d, t->n * sizeof(uint32_t));
    }
    mm = x->n - n;
    qq = big_alloc(m, mm + 1);
    for (uint32_t j = mm + 1; j-- > 0;) {
        uint64_t num = ((uint64_t)u->d[j + n] << 32) | u->d[j + n - 1];
        uint64_t qhat = num / v->d[n - 1], rhat = num % v->d[n - 1];
        int64_t borrow;
        uint64_t carry;
        while (qhat >= ((uint64_t)1 << 32) ||
               qhat * v->d[n - 2] > ((rhat << 32) | u->d[j + n - 2])) {
            qhat--;
            rhat += v->d[n - 1];
            if (rhat >= ((uint64_t)1 << 32))
                break;
        }
        borrow = 0;
        carry = 0;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t p = qhat * v->d[i] + carry;
            int64_t t;
            carry = p >> 32;
            t = (int64_t)u->d[i + j] - borrow - (int64_t)(uint32_t)p;
            borrow = t < 0;
            u->d[i + j] = (uint32_t)t;
        }
        {
            int64_t t = (int64_t)u->d[j + n] - borrow - (int64_t)carry;
            borrow = t < 0;
            u->d[j + n] = (uint32_t)t;
        }
        if (borrow) { /* qhat was one too large: add v back */
            uint64_t c = 0;
            qhat--;
            for (uint32_t i = 0; i < n; i++) {
                uint64_t s = (uint64_t)u->d[i + j] + v->d[i] + c;
                u->d[i + j] = (uint32_t)s;
                c = s >> 32;
            }
            u->d[j + n] += (uint32_t)c;
        }
        qq->d[j] = (uint32_t)qhat;
    }
    *q = big_trim(qq);
    u->n = n;
    *rem = mag_shr(m, big_trim(u), (uint64_t)sh);
}

/* Truncated division (Go's / and % on integers). */
static void big_quorem(arena *m, const bigint *x, const bigint *y,
                       const bigint **q, const bigint **r)
{
    bigint *qq, *rr;
    mag_divmod(m, x, y, &qq, &rr);
    qq->neg = qq->n ? x->neg != y->neg : false;
    rr->neg = rr->n ? x->neg : false;
    if (q)
        *q = qq;
    if (r)
        *r = rr;
}

static const bigint *big_gcd(arena *m, const bigint *a, const bigint *b)
{
    a = big_copy(m, a, false);
    b = big_copy(m, b, false);
    while (b->n) {
        const bigint *r;
        big_quorem(m, a, b, NULL, &r);
        a = b;
        b = r;
    }
    return a;
}

static bool big_is_one(const bigint *x)
{
    return x->n == 1 && x->d[0] == 1 && !x->neg;
}

/* Two's complement bit operations on arbitrary integers, as math/big's
 * And, Or, Xor, AndNot do: both operands as wide enough two's
 * complement words. */
static const bigint *big_bitop(arena *m, lex_kind op, const bigint *x,
                               const bigint *y)
{
    uint32_t n = (x->n > y->n ? x->n : y->n) + 1;
    uint32_t *a = arena_alloc(m, n * 4), *b = arena_alloc(m, n * 4);
    bigint *r = big_alloc(m, n);
    bool neg;
    const bigint *xs[2] = {x, y};
    uint32_t *ws[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        uint64_t c = 1;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t w = i < xs[k]->n ? xs[k]->d[i] : 0;
            if (xs[k]->neg) { /* ~|v| + 1 */
                uint64_t s = (uint64_t)(uint32_t)~w + c;
                ws[k][i] = (uint32_t)s;
                c = s >> 32;
            } else {
                ws[k][i] = w;
            }
        }
    }
    for (uint32_t i = 0; i < n; i++) {
        switch (op) {
        case TK_AND:
            r->d[i] = a[i] & b[i];
            break;
        case TK_OR:
            r->d[i] = a[i] | b[i];
            break;
        case TK_XOR:
            r->d[i] = a[i] ^ b[i];
            break;
        default: /* TK_AND_NOT */
            r->d[i] = a[i] & ~b[i];
            break;
        }
    }
    neg = (r->d[n - 1] & 0x80000000u) != 0;
    if (neg) { /* magnitude: ~r + 1 */
        uint64_t c = 1;
        for (uint32_t i = 0; i < n; i++) {
            uint64_t s = (uint64_t)(uint32_t)~r->d[i] + c;
            r->d[i] = (uint32_t)s;
            c = s >> 32;
        }
    }
    r->neg = neg;
    return big_trim(r);
}

/* x >> s rounding toward minus infinity (math/big's Rsh). */
static const bigint *big_shr(arena *m, const bigint *x, uint64_t s)
{
    bigint *r = mag_shr(m, x, s);
    if (x->neg) {
        if (mag_low_bits(x, s)) {
            const bigint *one = big_u64(m, 1, false);
            r = mag_add(m, r, one);
        }
        r->neg = r->n != 0;
    }
    return r;
}

static bool big_to_u64(const bigint *x, uint64_t *out)
{
    if (x->neg || x->n > 2)
        return false;
    *out = x->n == 0 ? 0 : x->n == 1 ? x->d[0]
                                     : ((uint64_t)x->d[1] << 32) | x->d[0];
    return true;
}

static bool big_to_i64(const bigint *x, int64_t *out)
{
    uint64_t u;
    if (x->n > 2)
        return false;
    u = x->n == 0 ? 0 : x->n == 1 ? x->d[0]
                                  : ((uint64_t)x->d[1] << 32) | x->d[0];
    if (x->neg) {
        if (u > (uint64_t)1 << 63)
            return false;
        *out = (int64_t)(0 - u);
    } else {
        if (u > (uint64_t)INT64_MAX)
            return false;
        *out = (int64_t)u;
    }
    return true;
}

/* 10^e */
static const bigint *big_pow10(arena *m, uint64_t e)
{
    const bigint *r = big_u64(m, 1, false), *b = big_u64(m, 10, false);
    while (e) {
        if (e & 1)
            r = big_mul(m, r, b);
        e >>= 1;
        if (e)
            b = big_mul(m, b, b);
    }
    return r;
}

static void big_format(buf *out, arena *m, const bigint *x)
{
    /* repeated division by 10^9 */
    VEC(uint32_t) parts = {0};
    const bigint *v = big_copy(m, x, false);
    const bigint *billion = big_u64(m, 1000000000u, false);
    if (!x->n) {
        buf_putc(out, '0');
        return;
    }
    while (v->n) {
        const bigint *q, *r;
        uint64_t rv = 0;
        big_quorem(m, v, billion, &q, &r);
        big_to_u64(r, &rv);
        VEC_PUSH(parts, (uint32_t)rv);
        v = q;
    }
    if (x->neg)
        buf_putc(out, '-');
    buf_printf(out, "%u", parts.p[parts.len - 1]);
    for (size_t i = parts.len - 1; i-- > 0;)
        buf_printf(out, "%09u", parts.p[i]);
    VEC_FREE(parts);
}

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

/* A rational num/den reduced, den > 0 (unknown if den is zero). Too big
 * a rational is rounded to a 512-bit mantissa. */
static void rat_norm(arena *m, const bigint **num, const bigint **den);

static const_val mk_rat(arena *m, const bigint *num, const bigint *den)
{
    const_val v = const_unknown();
    if (big_is_zero(den))
        return v;
    rat_norm(m, &num, &den);
    if (!num)
        return v;
    v.k = CONST_FLOAT;
    v.num = num;
    v.den = den;
    return v;
}

static void rat_norm(arena *m, const bigint **num, const bigint **den)
{
    const bigint *g;
    bool neg = (*num)->neg != (*den)->neg;
    const bigint *n = big_copy(m, *num, false), *d = big_copy(m, *den, false);
    if (!n->n) {
        *num = n;
        *den = big_u64(m, 1, false);
        return;
    }
    if (!big_is_one(d)) {
        g = big_gcd(m, n, d);
        if (!big_is_one(g)) {
            big_quorem(m, n, g, &n, NULL);
            big_quorem(m, d, g, &d, NULL);
        }
    }
    if (big_bitlen(n) > CONST_MAX_BITS || big_bitlen(d) > CONST_MAX_BITS) {
        /* round to 512 bits: q = n * 2^s / d with bitlen(q) ~ 512 */
        int64_t s = 512 - ((int64_t)big_bitlen(n) - (int64_t)big_bitlen(d));
        const bigint *q;
        if (s > CONST_MAX_EXP || s < -CONST_MAX_EXP) {
            *num = NULL;
            return;
        }
        if (s >= 0)
            big_quorem(m, mag_shl(m, n, (uint64_t)s), d, &q, NULL);
        else
            big_quorem(m, n, mag_shl(m, d, (uint64_t)-s), &q, NULL);
        if (s >= 0) {
            n = q;
            d = mag_shl(m, big_u64(m, 1, false), (uint64_t)s);
        } else {
            n = mag_shl(m, q, (uint64_t)-s);
            d = big_u64(m, 1, false);
        }
        if (s > 0) { /* reduce the power of two */
            uint64_t tz = 0;
            while (tz < (uint64_t)s && !mag_low_bits(n, tz + 1))
                tz++;
            if (tz) {
                n = mag_shr(m, n, tz);
                d = mag_shr(m, d, tz);
            }
        }
    }
    *num = neg ? big_neg(m, n) : n;
    *den = d;
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
        num = mag_shl(m, num, (uint64_t)e);
        ((bigint *)num)->neg = f < 0;
        den = big_u64(m, 1, false);
    } else {
        den = mag_shl(m, big_u64(m, 1, false), (uint64_t)-e);
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
            if (exp < 100000000)
                exp = exp * 10 + (s[j] - '0');
        }
        if (eneg)
            exp = -exp;
    }
    if (hex) {
        /* value = mant * 2^(exp - 4*frac) */
        int64_t e2 = exp - 4 * frac;
        if (e2 > CONST_MAX_EXP || e2 < -CONST_MAX_EXP)
            return const_unknown();
        if (e2 >= 0) {
            num = mag_shl(m, mant, (uint64_t)e2);
            den = big_u64(m, 1, false);
        } else {
            num = mant;
            den = mag_shl(m, big_u64(m, 1, false), (uint64_t)-e2);
        }
    } else {
        int64_t e10 = exp - frac;
        if (e10 > CONST_MAX_EXP / 4 || e10 < -CONST_MAX_EXP / 4)
            return big_is_zero(mant) ? mk_rat(m, mant, big_u64(m, 1, false))
                                     : const_unknown();
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
        if (big_is_one(x.den))
            return mk_int(x.num);
        return const_unknown();
    case CONST_COMPLEX:
        if (big_is_zero(x.inum) && big_is_one(x.den))
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
    r.inum = im.num;
    r.iden = im.den;
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

static const_val rat_op(arena *m, lex_kind op, const bigint *an,
                        const bigint *ad, const bigint *bn, const bigint *bd)
{
    switch (op) {
    case TK_ADD:
        return mk_rat(m, big_add(m, big_mul(m, an, bd), big_mul(m, bn, ad)),
                      big_mul(m, ad, bd));
    case TK_SUB:
        return mk_rat(m, big_sub(m, big_mul(m, an, bd), big_mul(m, bn, ad)),
                      big_mul(m, ad, bd));
    case TK_MUL:
        return mk_rat(m, big_mul(m, an, bn), big_mul(m, ad, bd));
    case TK_QUO:
        if (big_is_zero(bn))
            return const_unknown();
        return mk_rat(m, big_mul(m, an, bd), big_mul(m, ad, bn));
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
                big_sub(m, mag_shl(m, one, (uint64_t)prec), one);
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
        return rat_op(m, op, x.num, x.den, y.num, y.den);
    case CONST_COMPLEX: {
        /* (a + bi) op (c + di) */
        const_val a = const_real(m, x), b = const_imag(m, x);
        const_val c = const_real(m, y), d = const_imag(m, y);
        const_val re, im;
#define R_(op_, p, q) rat_op(m, op_, p.num, p.den, q.num, q.den)
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
        r = mag_shl(m, x.num, s);
        r->neg = r->n ? x.num->neg : false;
        return mk_int(r);
    }
    return mk_int(big_shr(m, x.num, s));
}

static int rat_cmp(const bigint *an, const bigint *ad, const bigint *bn,
                   const bigint *bd)
{
    arena tmp;
    int c;
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
            c = rat_cmp(x.num, x.den, y.num, y.den);
        else if (x.k == CONST_COMPLEX)
            c = rat_cmp(x.num, x.den, y.num, y.den) ||
                rat_cmp(x.inum, x.iden, y.inum, y.iden);
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
        return big_is_one(x.den);
    if (x.k == CONST_COMPLEX)
        return big_is_one(x.den) && !x.inum->n;
    return false;
}

bool const_int64_val(const_val x, int64_t *out)
{
    if (!const_is_int_value(x))
        return false;
    return big_to_i64(x.num, out);
}

bool const_uint64_val(const_val x, uint64_t *out)
{
    if (!const_is_int_value(x))
        return false;
    return big_to_u64(x.num, out);
}

/* num/den rounded to nearest-even with prec mantissa bits and exponents
 * in [emin, emax] (IEEE 754 binary formats: subnormals below emin). */
static double rat_round(const bigint *num, const bigint *den, int prec,
                        int emin, int emax, bool *exact)
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
        big_quorem(&m, mag_shl(&m, big_copy(&m, num, false), (uint64_t)s),
                   den, &q, &r);
    else
        big_quorem(&m, big_copy(&m, num, false),
                   mag_shl(&m, den, (uint64_t)-s), &q, &r);
    sticky = r->n != 0;
    qb = big_bitlen(q);
    e = (int64_t)qb - 1 - s; /* exponent of the leading bit */
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
        bool lower = sticky || mag_low_bits(q, drop - 1);
        big_to_u64(mag_shr(&m, q, drop), &mant);
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
        v = rat_round(x.num, big_u64(&m, 1, false), 53, -1022, 1023, &ex);
        arena_fini(&m);
    } else if (x.k == CONST_FLOAT || x.k == CONST_COMPLEX) {
        v = rat_round(x.num, x.den, 53, -1022, 1023, &ex);
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
        v = rat_round(x.num, big_u64(&m, 1, false), 24, -126, 127, &ex);
        arena_fini(&m);
    } else if (x.k == CONST_FLOAT || x.k == CONST_COMPLEX) {
        v = rat_round(x.num, x.den, 24, -126, 127, &ex);
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
    arena_fini(&m);
}

/* bigint.c: see bigint.h. */
#include "sim/lang/bigint.h"

#include <stdlib.h>
#include <string.h>

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

const bigint *big_u64(arena *m, uint64_t v, bool neg)
{
    bigint *b = big_alloc(m, 2);
    b->d[0] = (uint32_t)v;
    b->d[1] = (uint32_t)(v >> 32);
    b->neg = neg;
    return big_trim(b);
}

const bigint *big_copy(arena *m, const bigint *x, bool neg)
{
    bigint *b = big_alloc(m, x->n);
    if (x->n)
        memcpy(b->d, x->d, x->n * sizeof(uint32_t));
    b->neg = x->n ? neg : false;
    return b;
}

uint32_t big_bitlen(const bigint *x)
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

bool big_is_zero(const bigint *x)
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

int big_cmp(const bigint *x, const bigint *y)
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

const bigint *big_add(arena *m, const bigint *x, const bigint *y)
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

const bigint *big_neg(arena *m, const bigint *x)
{
    return big_copy(m, x, !x->neg);
}

const bigint *big_sub(arena *m, const bigint *x, const bigint *y)
{
    return big_add(m, x, big_neg(m, y));
}

const bigint *big_mul(arena *m, const bigint *x, const bigint *y)
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
bigint *big_mag_shl(arena *m, const bigint *x, uint64_t s)
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
bigint *big_mag_shr(arena *m, const bigint *x, uint64_t s)
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
bool big_mag_low_bits(const bigint *x, uint64_t s)
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
    v = big_mag_shl(m, y, (uint64_t)sh);
    u = big_alloc(m, x->n + 1);
    {
        bigint *t = big_mag_shl(m, x, (uint64_t)sh);
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
    *rem = big_mag_shr(m, big_trim(u), (uint64_t)sh);
}

/* Truncated division (Go's / and % on integers). */
void big_quorem(arena *m, const bigint *x, const bigint *y,
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

const bigint *big_gcd(arena *m, const bigint *a, const bigint *b)
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

bool big_is_one(const bigint *x)
{
    return x->n == 1 && x->d[0] == 1 && !x->neg;
}

/* Two's complement bit operations on arbitrary integers, as math/big's
 * And, Or, Xor, AndNot do: both operands as wide enough two's
 * complement words. */
const bigint *big_bitop(arena *m, lex_kind op, const bigint *x,
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
const bigint *big_shr(arena *m, const bigint *x, uint64_t s)
{
    bigint *r = big_mag_shr(m, x, s);
    if (x->neg) {
        if (big_mag_low_bits(x, s)) {
            const bigint *one = big_u64(m, 1, false);
            r = mag_add(m, r, one);
        }
        r->neg = r->n != 0;
    }
    return r;
}

bool big_to_u64(const bigint *x, uint64_t *out)
{
    if (x->neg || x->n > 2)
        return false;
    *out = x->n == 0 ? 0 : x->n == 1 ? x->d[0]
                                     : ((uint64_t)x->d[1] << 32) | x->d[0];
    return true;
}

bool big_to_i64(const bigint *x, int64_t *out)
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
const bigint *big_pow10(arena *m, uint64_t e)
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

void big_format(buf *out, arena *m, const bigint *x)
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

/* bigint.h: arbitrary-size integers for the constants of the type checker
 * (check_const.h): 32-bit limbs, schoolbook multiplication, Knuth's
 * algorithm D for division, Euclid's gcd, two's complement bit operations
 * as math/big's, and decimal formatting.
 * Owns: nothing; every result lives in the arena the caller passes (values
 * are immutable and share nothing they could change).
 * Invariants: 1. a bigint has no leading zero limbs (n == 0 is zero) and
 *   zero is never negative. */
#ifndef WF_LANG_BIGINT_H
#define WF_LANG_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#include "sim/lang/lex.h"
#include "sim/util.h"

typedef struct bigint {
    uint32_t n; /* limbs in use */
    bool neg;
    uint32_t d[]; /* little endian */
} bigint;

/* v, negated when neg. */
const bigint *big_u64(arena *m, uint64_t v, bool neg);
/* |x|, negated when neg. */
const bigint *big_copy(arena *m, const bigint *x, bool neg);
/* Bits of |x| (0 for zero). */
uint32_t big_bitlen(const bigint *x);
bool big_is_zero(const bigint *x);
bool big_is_one(const bigint *x);
/* -1, 0, 1 as x <, ==, > y. */
int big_cmp(const bigint *x, const bigint *y);
const bigint *big_add(arena *m, const bigint *x, const bigint *y);
const bigint *big_neg(arena *m, const bigint *x);
const bigint *big_sub(arena *m, const bigint *x, const bigint *y);
const bigint *big_mul(arena *m, const bigint *x, const bigint *y);
/* |x| << s */
bigint *big_mag_shl(arena *m, const bigint *x, uint64_t s);
/* |x| >> s (truncating) */
bigint *big_mag_shr(arena *m, const bigint *x, uint64_t s);
/* Is any of the low s bits of |x| set? */
bool big_mag_low_bits(const bigint *x, uint64_t s);
/* Truncated division (Go's / and % on integers): *q, *r; y != 0. */
void big_quorem(arena *m, const bigint *x, const bigint *y,
                const bigint **q, const bigint **r);
/* gcd(|a|, |b|) */
const bigint *big_gcd(arena *m, const bigint *a, const bigint *b);
/* x op y for op TK_AND, TK_OR, TK_XOR, TK_AND_NOT, in two's complement
 * (math/big's And, Or, Xor, AndNot). */
const bigint *big_bitop(arena *m, lex_kind op, const bigint *x,
                        const bigint *y);
/* x >> s rounding toward minus infinity (math/big's Rsh). */
const bigint *big_shr(arena *m, const bigint *x, uint64_t s);
/* x as a uint64_t / int64_t; false when it does not fit. */
bool big_to_u64(const bigint *x, uint64_t *out);
bool big_to_i64(const bigint *x, int64_t *out);
/* 10^e */
const bigint *big_pow10(arena *m, uint64_t e);
/* x in decimal ("-123"). */
void big_format(buf *out, arena *m, const bigint *x);

#endif

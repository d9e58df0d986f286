/* check_const.h: exact values of Go constants for the type checker (Go
 * spec, "Constants": integer constants of at least 256 bits, exact
 * arithmetic on untyped constants), modelled on go/constant: booleans,
 * strings, integers of arbitrary size, floats as exact rationals, and
 * complex numbers as two rationals.
 *
 * Owns: nothing; every value lives in the arena the caller passes (values
 * are immutable and share parts freely). A const_val is a small struct of
 * pointers, passed and copied by value.
 * Precision: integers are exact; an operation whose integer result needs
 * more than 512 bits is the checker's "constant overflow". Rationals stay
 * exact while numerator and denominator fit in CONST_MAX_BITS; beyond,
 * they are rounded to a 512-bit mantissa (go/constant's big.Float
 * precision); a value whose magnitude is beyond 2^+-CONST_MAX_EXP keeps
 * that mantissa and a binary exponent apart (e2: 1e646456992 as gc reads
 * it), and one beyond 2^+CONST_MAX_SCALE (big.Float's exponent range) is
 * CONST_UNKNOWN ("not representable"); one below 2^-CONST_MAX_SCALE is 0
 * (big.Float underflows to zero).
 * Invariants: 1. integers and rationals' parts are bigints (bigint.h,
 *   its invariant).  2. a CONST_FLOAT rational is reduced, with a positive
 *   denominator; one whose denominator is 1 may stay a float (the kind
 *   says what the constant is, not its value).  3. e2 (ie2 for the
 *   imaginary part) is 0, or the value is num * 2^e2 with den 1, num odd,
 *   and a magnitude beyond 2^+-CONST_MAX_EXP. */
#ifndef WF_LANG_CHECK_CONST_H
#define WF_LANG_CHECK_CONST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sim/lang/bigint.h"
#include "sim/lang/lex.h"
#include "sim/util.h"

#define CONST_MAX_BITS 8192
#define CONST_MAX_EXP 100000
#define CONST_MAX_SCALE (((int64_t)1 << 31) - 1)

typedef enum const_kind {
    CONST_UNKNOWN,
    CONST_BOOL,
    CONST_STRING,
    CONST_INT,
    CONST_FLOAT,
    CONST_COMPLEX
} const_kind;

typedef struct const_val {
    const_kind k;
    bool b;
    const char *s; /* CONST_STRING: bytes (a NUL follows), n long */
    size_t n;
    const bigint *num, *den;   /* INT: num (den NULL); FLOAT, COMPLEX: real */
    const bigint *inum, *iden; /* COMPLEX: imaginary part */
    int64_t e2, ie2; /* FLOAT, COMPLEX: binary scales (invariant 3) */
} const_val;

const_val const_unknown(void);
const_val const_bool(bool b);
/* s[0..n) copied into m. */
const_val const_string(arena *m, const char *s, size_t n);
const_val const_int64(arena *m, int64_t v);
const_val const_uint64(arena *m, uint64_t v);
/* The exact value of a finite double (NaN and infinities: unknown). */
const_val const_float64(arena *m, double f);
/* A literal's value from its source text: tk is TK_INT, TK_FLOAT or
 * TK_IMAG (a literal ending in 'i'); underscores and the 0b, 0o, 0x
 * prefixes, hexadecimal mantissas with p exponents, as the lexer accepts
 * them. Unknown when the text is malformed. */
const_val const_from_literal(arena *m, lex_kind tk, const char *text);
#define TK_IMAG TK_COUNT /* a pseudo token for const_from_literal */

/* Conversions between numeric kinds (unknown when impossible: a float
 * with a fraction as an int, a complex with an imaginary part as a
 * float). */
const_val const_to_int(arena *m, const_val x);
const_val const_to_float(arena *m, const_val x);
const_val const_to_complex(arena *m, const_val x);
const_val const_real(arena *m, const_val x);
const_val const_imag(arena *m, const_val x);
/* x + yi from two real (int or float) values. */
const_val const_make_complex(arena *m, const_val re, const_val im);

/* op x for op TK_ADD, TK_SUB, TK_XOR, TK_NOT. For ^ on an unsigned typed
 * value, prec is its size in bits (the result is masked); 0 otherwise. */
const_val const_unary(arena *m, lex_kind op, const_val x, int prec);
/* x op y, both of the same kind after const_match (+ - * / % & | ^ &^ &&
 * ||); intdiv: / on integers truncates (Go's integer division), else /
 * on integers gives a rational. Unknown on a division by zero (the
 * caller checks the divisor first) or on kinds that do not fit op. */
const_val const_binary(arena *m, lex_kind op, const_val x, const_val y,
                       bool intdiv);
/* x << s or x >> s (s >= 0, and not huge: the caller checks). */
const_val const_shift(arena *m, lex_kind op, const_val x, uint64_t s);
/* x op y for == != < <= > >=. */
bool const_compare(const_val x, lex_kind op, const_val y);
/* Bring x and y to the larger of their kinds (int < float < complex). */
void const_match(arena *m, const_val *x, const_val *y);

int const_sign(const_val x); /* -1, 0, 1 (the real part's for complex) */
bool const_is_zero(const_val x);
/* Bits of |x| (an int). */
uint32_t const_bitlen(const_val x);
/* x as an int64 / uint64 if it is an integer value in range. */
bool const_int64_val(const_val x, int64_t *out);
bool const_uint64_val(const_val x, uint64_t *out);
/* x rounded to the nearest float64 / float32 (as a double); *exact tells
 * whether the rounding lost nothing. Infinity when out of range. */
double const_float64_val(const_val x, bool *exact);
double const_float32_val(const_val x, bool *exact);
/* Is x (an int or float) an integer value? */
bool const_is_int_value(const_val x);

/* x as go/constant's String() prints it in messages: integers in full,
 * floats with %.6g (more digits when that hides a fraction), strings
 * quoted (shortened past 72 characters), complexes as (re + imi). */
void const_format(buf *b, const_val x);
/* x in full, for %v-style exactness (integers decimal, rationals a/b). */
void const_format_exact(buf *b, const_val x);

#endif

/* utf8.h: UTF-8 decoding and encoding with Go's rules, and the Unicode
 * letter and digit classes that Go identifiers are made of.
 * Owns: nothing; pure functions over caller bytes. Shared by the lexer and,
 * later, the VM (ranging over strings, string(rune)).
 * Invariants: 1. utf8_decode never reads past p + n.
 *   2. An invalid sequence (truncated, overlong, surrogate, > U+10FFFF)
 *   decodes as UTF8_ERROR with width 1, exactly as Go's utf8.DecodeRune. */
#ifndef WF_LANG_UTF8_H
#define WF_LANG_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_ERROR   0xFFFD   /* Go's utf8.RuneError */
#define UTF8_MAXRUNE 0x10FFFF /* Go's unicode.MaxRune */

/* Decode the rune at p (n > 0 bytes available); *width gets its length in
 * bytes (1..4). Invalid input gives UTF8_ERROR with *width == 1. O(1). */
int32_t utf8_decode(const unsigned char *p, size_t n, int *width);

/* Encode r into out (4 bytes of room) and return its length. A surrogate or
 * out-of-range r encodes as UTF8_ERROR, as Go's string(rune) does. */
int utf8_encode(int32_t r, unsigned char out[4]);

/* Go's unicode.IsLetter (categories Lu Ll Lt Lm Lo); '_' is not a letter
 * here. O(log n) in the table for r >= 0x80. */
bool utf8_is_letter(int32_t r);
/* Go's unicode.IsDigit (category Nd). */
bool utf8_is_digit(int32_t r);

#endif

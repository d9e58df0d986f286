/* test_utf8.c: Go's UTF-8 rules and the identifier character classes. */
#include <check.h>
#include <string.h>

#include "sim/lang/utf8.h"

static int32_t dec(const char *s, size_t n, int *w)
{
    return utf8_decode((const unsigned char *)s, n, w);
}

START_TEST(decode_accepts_valid_sequences)
{
    int w;
    ck_assert_int_eq(dec("A", 1, &w), 'A');
    ck_assert_int_eq(w, 1);
    ck_assert_int_eq(dec("\xc3\xa9", 2, &w), 0xe9);
    ck_assert_int_eq(w, 2);
    ck_assert_int_eq(dec("\xe4\xb8\x96", 3, &w), 0x4e16);
    ck_assert_int_eq(w, 3);
    ck_assert_int_eq(dec("\xf0\x9f\x98\x80", 4, &w), 0x1f600);
    ck_assert_int_eq(w, 4);
    ck_assert_int_eq(dec("\xef\xbf\xbd", 3, &w), UTF8_ERROR);
    ck_assert_int_eq(w, 3); /* a real U+FFFD is width 3 */
}
END_TEST

START_TEST(decode_rejects_what_go_rejects_with_width_one)
{
    static const char *bad[] = {
        "\x80",             /* lone continuation */
        "\xc0\x80",         /* overlong NUL */
        "\xc1\xbf",         /* overlong */
        "\xe0\x80\x80",     /* overlong 3-byte */
        "\xed\xa0\x80",     /* surrogate U+D800 */
        "\xf4\x90\x80\x80", /* > U+10FFFF */
        "\xf5\x80\x80\x80",
        "\xff",
        "\xc3", /* truncated */
        "\xe4\xb8",
        "\xc3\x41",
    };
    size_t i;
    for (i = 0; i < sizeof bad / sizeof *bad; i++) {
        int w = 0;
        ck_assert_int_eq(dec(bad[i], strlen(bad[i]), &w), UTF8_ERROR);
        ck_assert_int_eq(w, 1);
    }
    {
        int w = 0; /* never reads past n */
        ck_assert_int_eq(dec("\xf0\x9f\x98\x80", 3, &w), UTF8_ERROR);
        ck_assert_int_eq(w, 1);
    }
}
END_TEST

START_TEST(encode_round_trips_and_replaces_invalid_runes)
{
    unsigned char b[4];
    int32_t rs[] = {0,     'a',    0x7f,    0x80,    0x7ff,
                    0x800, 0xffff, 0x10000, 0x10ffff};
    size_t i;
    for (i = 0; i < sizeof rs / sizeof *rs; i++) {
        int n = utf8_encode(rs[i], b), w;
        ck_assert_int_eq(utf8_decode(b, (size_t)n, &w), rs[i]);
        ck_assert_int_eq(w, n);
    }
    ck_assert_int_eq(utf8_encode(0xd800, b), 3);
    ck_assert(memcmp(b, "\xef\xbf\xbd", 3) == 0);
    ck_assert_int_eq(utf8_encode(0x110000, b), 3);
    ck_assert_int_eq(utf8_encode(-1, b), 3);
}
END_TEST

START_TEST(letters_and_digits_are_unicode_classes)
{
    ck_assert(utf8_is_letter('a') && utf8_is_letter('Z'));
    ck_assert(!utf8_is_letter('_') && !utf8_is_letter('1'));
    ck_assert(utf8_is_letter(0xe9) && utf8_is_letter(0x4e16));   /* é 世 */
    ck_assert(utf8_is_letter(0x3b1));                            /* α */
    ck_assert(!utf8_is_letter(0x2605) && !utf8_is_letter(0xa0)); /* ★ nbsp */
    ck_assert(utf8_is_digit('7') && utf8_is_digit(0x663));       /* ٣ */
    ck_assert(!utf8_is_digit(0xb2) && !utf8_is_letter(0x663));   /* ² */
    ck_assert(!utf8_is_letter(0x10ffff) && !utf8_is_digit(0x10ffff));
}
END_TEST

Suite *utf8_suite(void)
{
    Suite *s = suite_create("utf8");
    TCase *tc = tcase_create("utf8");
    tcase_add_test(tc, decode_accepts_valid_sequences);
    tcase_add_test(tc, decode_rejects_what_go_rejects_with_width_one);
    tcase_add_test(tc, encode_round_trips_and_replaces_invalid_runes);
    tcase_add_test(tc, letters_and_digits_are_unicode_classes);
    suite_add_tcase(s, tc);
    return s;
}

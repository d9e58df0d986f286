/* test_util.c: arenas, buffers, diagnostics. */
#include <check.h>
#include <string.h>

#include "sim/util.h"

START_TEST(arena_memory_is_zeroed_aligned_and_reused_after_reset)
{
    arena a;
    arena_init(&a);
    for (int i = 0; i < 10000; i++) {
        unsigned char *p = arena_alloc(&a, 100);
        ck_assert(((uintptr_t)p & 15) == 0);
        for (int j = 0; j < 100; j++)
            ck_assert(p[j] == 0);
        memset(p, 0xab, 100);
    }
    arena_reset(&a);
    ck_assert(a.head != NULL && a.total == 0);
    unsigned char *q = arena_alloc(&a, 64);
    ck_assert(q[0] == 0 && q[63] == 0);
    arena_fini(&a);
}
END_TEST

START_TEST(buf_printf_appends)
{
    buf b;
    buf_init(&b);
    buf_printf(&b, "%d-%s", 42, "x");
    buf_puts(&b, "yz");
    ck_assert_str_eq(b.p, "42-xyz");
    buf_fini(&b);
}
END_TEST

START_TEST(diag_formats_compiler_style)
{
    wf_diag d;
    char out[256];
    ck_assert_int_eq(diag_set(&d, "a.go", 12, 5, "bad %s", "thing"),
                     WF_ERR_INPUT);
    diag_format(&d, out, sizeof out);
    ck_assert_str_eq(out, "a.go:12:5: error: bad thing");
}
END_TEST

Suite *util_suite(void)
{
    Suite *s = suite_create("util");
    TCase *tc = tcase_create("util");
    tcase_add_test(tc, arena_memory_is_zeroed_aligned_and_reused_after_reset);
    tcase_add_test(tc, buf_printf_appends);
    tcase_add_test(tc, diag_formats_compiler_style);
    suite_add_tcase(s, tc);
    return s;
}

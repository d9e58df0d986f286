/* test_testcmd.c: weft test's expectations (ui/testcmd.c): the kinds,
 * ok, outcomes with Go string escapes and weft: flags read from a file's
 * leading comments, and a malformed line reported at its column. */
#include <check.h>
#include <string.h>

#include "sim/engine.h"
#include "ui/testcmd.h"

static void read_src(const char *src, test_expect *x)
{
    test_expect_read("s.go", (const unsigned char *)src, strlen(src), x);
}

START_TEST(kinds_ok_and_flags)
{
    test_expect x;
    read_src("// expect: race panic\n"
             "// weft: --preemptions 2 --max-executions 50\n"
             "//\n// prose that is not an expectation\n"
             "package main\n",
             &x);
    ck_assert(x.any);
    ck_assert(!x.ok);
    ck_assert_uint_eq(x.kinds, (1u << WF_RACE) | (1u << WF_PANIC));
    ck_assert(!x.has_outcomes);
    ck_assert_uint_eq(x.flags.len, 4);
    ck_assert_str_eq(x.flags.p[0], "--preemptions");
    ck_assert_str_eq(x.flags.p[3], "50");
    ck_assert_str_eq(x.bad.msg, "");
    test_expect_fini(&x);

    read_src("// expect: ok\npackage main\n// expect: deadlock\n", &x);
    ck_assert(x.any && x.ok);
    ck_assert_uint_eq(x.kinds, 0); /* only comments above package count */
    test_expect_fini(&x);

    read_src("package main\n", &x);
    ck_assert(!x.any);
    test_expect_fini(&x);
}
END_TEST

START_TEST(outcomes_are_go_strings)
{
    test_expect x;
    read_src("// expect: outcomes \"ab\\n\" \"say \\\"hi\\\"\\t\\x41\" \"\"\n"
             "package main\n",
             &x);
    ck_assert(x.any && x.has_outcomes);
    ck_assert_uint_eq(x.outcomes.len, 3);
    ck_assert_str_eq(x.outcomes.p[0], "ab\n");
    ck_assert_str_eq(x.outcomes.p[1], "say \"hi\"\tA");
    ck_assert_str_eq(x.outcomes.p[2], "");
    test_expect_fini(&x);
}
END_TEST

START_TEST(malformed_lines_point_at_the_word)
{
    test_expect x;
    char m[1700];
    read_src("// expect: deadlock racy\npackage main\n", &x);
    diag_format(&x.bad, m, sizeof m);
    ck_assert_ptr_nonnull(strstr(m, "s.go:1:21: error:"));
    ck_assert_ptr_nonnull(strstr(m, "'racy'"));
    test_expect_fini(&x);

    read_src("// comment\n// expect: outcomes \"open\npackage main\n", &x);
    diag_format(&x.bad, m, sizeof m);
    ck_assert_ptr_nonnull(strstr(m, "s.go:2:21: error: malformed Go string"));
    test_expect_fini(&x);

    read_src("// expect: outcomes 1\npackage main\n", &x);
    ck_assert_ptr_nonnull(strstr(x.bad.msg, "outcomes are Go strings"));
    test_expect_fini(&x);
}
END_TEST

Suite *testcmd_suite(void)
{
    Suite *s = suite_create("testcmd");
    TCase *tc = tcase_create("expect");
    tcase_add_test(tc, kinds_ok_and_flags);
    tcase_add_test(tc, outcomes_are_go_strings);
    tcase_add_test(tc, malformed_lines_point_at_the_word);
    suite_add_tcase(s, tc);
    return s;
}

/* test_example.c: go test's Examples: the expected output read from a
 * test file's comments as go/doc reads it (the last comment group of the
 * body, "Output:" or "Unordered output:" in any case, CommentGroup.Text's
 * clean-up), which Examples run and under which names, and the verdict:
 * standard output (not standard error) compared with the comment as go
 * test compares it, a difference an assert with go test's got:/want:. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/lang/parse.h"
#include "sim/lang/vm.h"
#include "sim/util.h"

/* The output comment of the first function of body text (a test file
 * "package p\n" + body): "-" when it has none, else "U:" (unordered) or
 * "O:" then the text. */
static char *output_of(const char *body, const char *path)
{
    ast_file *f = NULL;
    wf_diag d;
    buf src, r;
    char *out = NULL;
    bool unordered = false;
    const ast_node *fn = NULL;
    buf_init(&src);
    buf_init(&r);
    buf_printf(&src, "package p\n%s", body);
    ck_assert_int_eq(parse_file(path, (const unsigned char *)src.p, src.len,
                                &f, &d),
                     WF_OK);
    for (size_t i = 0; i < f->decls.n && !fn; i++)
        if (f->decls.v[i]->kind == AST_FUNC_DECL)
            fn = f->decls.v[i]->u.func_decl.body;
    ck_assert(fn != NULL);
    if (lex_example_output(f->comments, f->ncomments, fn->line, fn->col,
                           fn->u.block.rbrace_line, fn->u.block.rbrace_col,
                           &out, &unordered))
        buf_printf(&r, "%s%s", unordered ? "U:" : "O:", out);
    else
        buf_puts(&r, "-");
    ck_assert(out || r.p[0] == '-');
    free(out);
    ast_file_free(f);
    buf_fini(&src);
    return r.p;
}

#define OUT(want, body)                                                        \
    do {                                                                       \
        char *got_ = output_of(body, "x_test.go");                             \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)

START_TEST(the_output_comment_is_read_as_go_doc_reads_it)
{
    OUT("O:hello\n", "func ExampleA() {\n\tprintln()\n\t// Output: hello\n}\n");
    OUT("O:a\nb\n", "func ExampleA() {\n\t// Output:\n\t// a\n\t// b\n}\n");
    /* the prefix in any case, after blanks; Unordered */
    OUT("O:x\n", "func ExampleA() {\n\t//   OUTPUT:   x\n}\n");
    OUT("U:b\na\n",
        "func ExampleA() {\n\t// Unordered output:\n\t// b\n\t// a\n}\n");
    OUT("U:z\n", "func ExampleA() {\n\t// unordered OUTPUT: z\n}\n");
    /* empty: run, expecting nothing */
    OUT("O:", "func ExampleA() {\n\t// Output:\n}\n");
    /* a line comment after a statement on its line is a group of its own */
    OUT("O:x\n", "func ExampleA() {\n\tprintln() // Output: x\n}\n");
    /* trailing blanks go, a run of blank lines becomes one */
    OUT("O:a\n\nb\n",
        "func ExampleA() {\n\t// Output:\n\t// a   \n\t//\n\t//\n\t// b\n}\n");
    /* only the first space of a line comment goes */
    OUT("O:  x\n", "func ExampleA() {\n\t// Output:\n\t//   x\n}\n");
    /* a block comment */
    OUT("O:1\n2\n", "func ExampleA() {\n\t/*\n\tOutput:\n1\n2\n\t*/\n}\n");
    /* a directive line is left out of the text (go:generate: gc refuses
     * its own directives, go:noinline..., inside a body) */
    OUT("O:x\n", "func ExampleA() {\n\t// Output:\n//go:generate true\n\t// x\n}\n");
    /* carriage returns are not part of a comment */
    OUT("O:a\nb\n", "func ExampleA() {\r\n\t// Output:\r\n\t// a\r\n\t// b\r\n}\r\n");
}
END_TEST

START_TEST(only_the_last_comment_group_of_the_body_counts)
{
    /* a blank line ends a group: the last one is not an output comment */
    OUT("-", "func ExampleA() {\n\t// Output: x\n\n\t// a note\n}\n");
    /* the last group, whatever statements follow it */
    OUT("O:x\n", "func ExampleA() {\n\t// Output: x\n\tprintln()\n}\n");
    /* a line comment's group ends on its line */
    OUT("O:y\n", "func ExampleA() {\n\tprintln() // a\n\t// Output: y\n}\n");
    /* ... where a block comment ending there joins it */
    OUT("-", "func ExampleA() {\n\tprintln() /* a\n */ // Output: y\n}\n");
    OUT("O:a\n b\nc\n",
        "func ExampleA() {\n\t// Output:\n\t// a\n\t/* b */ // c\n}\n");
    /* "output" must start the group */
    OUT("-", "func ExampleA() {\n\t// the Output: x\n}\n");
    /* after the closing brace is outside the body */
    OUT("-", "func ExampleA() {\n\tprintln()\n}\n\n// Output: x\n");
    /* the doc comment above is outside too */
    OUT("-", "// Output: x\nfunc ExampleA() {\n}\n");
    /* a file that is not a test file keeps no comments */
    {
        char *got = output_of("func ExampleA() {\n\t// Output: x\n}\n", "x.go");
        ck_assert_str_eq(got, "-");
        free(got);
    }
}
END_TEST

/* The test file src compiled: its entries' names, space-separated. */
static char *entries_of(const char *src)
{
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    buf b;
    memset(&vo, 0, sizeof vo);
    buf_init(&b);
    if (vm_compile("x_test.go", (const unsigned char *)src, strlen(src), &vo,
                   &p, &d) != WF_OK) {
        buf_printf(&b, "ERR %d:%d: %s", d.line, d.col, d.msg);
        return b.p;
    }
    for (size_t i = 0; i < vm_test_count(p); i++)
        buf_printf(&b, "%s%s", i ? " " : "", vm_test_name(p, i));
    vm_program_free(p);
    return wf_xstrdup(b.p ? b.p : "");
}

/* Entry name of test file src explored: its output, then each finding
 * "KIND: message". */
static char *explore_entry(const char *src, const char *name)
{
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    buf b;
    memset(&vo, 0, sizeof vo);
    buf_init(&b);
    ck_assert_int_eq(vm_compile("x_test.go", (const unsigned char *)src,
                                strlen(src), &vo, &p, &d),
                     WF_OK);
    for (size_t i = 0; i < vm_test_count(p); i++) {
        program pr;
        explore_opts o;
        explorer *x;
        if (strcmp(vm_test_name(p, i), name))
            continue;
        pr = vm_program_test_entry(p, i);
        memset(&o, 0, sizeof o);
        o.strategy = WF_STRATEGY_DPOR;
        o.preemptions = -1;
        x = explore_new(&pr, &o);
        ck_assert_int_eq(explore_run(x, NULL, &d), WF_OK);
        buf_puts(&b, x->last_output ? x->last_output : "");
        for (size_t k = 0; k < x->findings.len; k++)
            buf_printf(&b, "%s: %s\n",
                       finding_kind_names[x->findings.p[k].f.kind],
                       x->findings.p[k].message);
        explore_free(x);
    }
    vm_program_free(p);
    return wf_xstrdup(b.p ? b.p : "");
}

static const char examples_src[] =
    "package p\n"
    "import (\"fmt\"; \"log\"; \"os\"; \"testing\")\n"
    "func ExampleWrong() {\n"
    "\tfmt.Println(\"hello\")\n"
    "\t// Output: bye\n"
    "}\n"
    "func TestA(t *testing.T) {}\n"
    "func ExampleNoOutput() { select {} }\n"
    "func Examplelower() {\n\t// Output: never\n}\n"
    "func ExampleArgs(x int) {\n\t// Output: never\n}\n"
    "func Example() {\n"
    "\tfmt.Println(\"  out\")\n"
    "\tfmt.Fprintln(os.Stderr, \"err\")\n"
    "\tlog.SetFlags(0)\n"
    "\tlog.Println(\"log\")\n"
    "\tprintln(\"builtin\")\n"
    "\tfmt.Fprintln(os.Stdout, \"stdout  \")\n"
    "\t// Output:\n\t// out\n\t// stdout\n"
    "}\n"
    "func Example_two() {\n"
    "\tdone := make(chan bool)\n"
    "\tgo func() { fmt.Println(1); done <- true }()\n"
    "\tfmt.Println(2)\n"
    "\t<-done\n"
    "\t// Output:\n\t// 2\n\t// 1\n"
    "}\n"
    "func Example_unordered() {\n"
    "\tdone := make(chan bool)\n"
    "\tgo func() { fmt.Println(1); done <- true }()\n"
    "\tfmt.Println(2)\n"
    "\t<-done\n"
    "\t// Unordered output:\n\t// 1\n\t// 2\n"
    "}\n";

START_TEST(examples_with_an_output_comment_are_tests_after_the_tests)
{
    char *got = entries_of(examples_src);
    ck_assert_str_eq(got, "TestA ExampleWrong Example Example_two "
                          "Example_unordered");
    free(got);
    /* an Example alone makes a test file, testing imported or not */
    got = entries_of("package p\nfunc ExampleX() {\n\t// Output:\n}\n");
    ck_assert_str_eq(got, "ExampleX");
    free(got);
}
END_TEST

START_TEST(an_example_fails_on_an_output_other_than_its_comment)
{
    char *got = explore_entry(examples_src, "ExampleWrong");
    ck_assert_str_eq(got, "hello\n"
                          "assert: ExampleWrong failed: got:\nhello\n"
                          "want:\nbye\n");
    free(got);
    /* standard output only, both trimmed of blanks */
    got = explore_entry(examples_src, "Example");
    ck_assert_ptr_null(strstr(got, "assert"));
    free(got);
    /* compared on every interleaving: the one printing 1 first fails */
    got = explore_entry(examples_src, "Example_two");
    ck_assert_ptr_nonnull(strstr(got, "assert: Example_two failed: got:\n1\n2\n"
                                      "want:\n2\n1\n"));
    free(got);
    got = explore_entry(examples_src, "Example_unordered");
    ck_assert_ptr_null(strstr(got, "assert"));
    free(got);
}
END_TEST

/* TestMain's checks after m.Run judge the whole run of the tests, which
 * weft does not run together: after a passing m.Run a nonzero exit is no
 * finding (here it wants some test to have logged, which the Example
 * does not); before m.Run it is one */
static const char testmain_src[] =
    "package p\n"
    "import (\"fmt\"; \"os\"; \"testing\")\n"
    "var logged int\n"
    "func TestMain(m *testing.M) {\n"
    "\tif len(os.Args) > 5 {\n\t\tos.Exit(3)\n\t}\n"
    "\tcode := m.Run()\n"
    "\tif code == 0 && logged == 0 {\n\t\tcode = 1\n\t}\n"
    "\tos.Exit(code)\n"
    "}\n"
    "func TestLogs(t *testing.T) { logged++ }\n"
    "func TestFails(t *testing.T) { logged++; t.Error(\"no\") }\n"
    "func ExampleQuiet() {\n\tfmt.Println(1)\n\t// Output: 1\n}\n"
    "func ExampleWrong() {\n\tfmt.Println(1)\n\t// Output: 2\n}\n";

START_TEST(testmain_exit_after_a_passing_run_is_not_the_tests_failure)
{
    char *got = explore_entry(testmain_src, "ExampleQuiet");
    ck_assert_str_eq(got, "1\n");
    free(got);
    got = explore_entry(testmain_src, "TestLogs");
    ck_assert_str_eq(got, "");
    free(got);
    got = explore_entry(testmain_src, "TestFails");
    ck_assert_str_eq(got, "assert: TestFails failed: no\n");
    free(got);
    got = explore_entry(testmain_src, "ExampleWrong");
    ck_assert_str_eq(got, "1\nassert: ExampleWrong failed: got:\n1\n"
                          "want:\n2\n");
    free(got);
    /* an exit before m.Run is still the program's failure */
    got = explore_entry("package p\n"
                        "import (\"os\"; \"testing\")\n"
                        "func TestMain(m *testing.M) { os.Exit(3) }\n"
                        "func TestA(t *testing.T) {}\n",
                        "TestA");
    ck_assert_str_eq(got, "panic: os.Exit: exit status 3\n");
    free(got);
}
END_TEST

Suite *example_suite(void)
{
    Suite *s = suite_create("example");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, the_output_comment_is_read_as_go_doc_reads_it);
    tcase_add_test(tc, only_the_last_comment_group_of_the_body_counts);
    tcase_add_test(tc, examples_with_an_output_comment_are_tests_after_the_tests);
    tcase_add_test(tc, an_example_fails_on_an_output_other_than_its_comment);
    tcase_add_test(tc, testmain_exit_after_a_passing_run_is_not_the_tests_failure);
    suite_add_tcase(s, tc);
    return s;
}

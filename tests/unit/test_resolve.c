/* test_resolve.c: name resolution and compile-time errors of the Go front
 * end: undefined and redeclared names, imports outside SPEC section 6,
 * library functions weft does not have yet, labels, receivers, constant
 * overflow, and declarations in any order. Each error is gc's
 * "line:col: message" for the first problem. */
#include "gotest.h"

#include "sim/lang/ast.h"
#include "sim/lang/parse.h"
#include "sim/lang/resolve.h"

START_TEST(undefined_and_redeclared_names)
{
    GO_ERROR(GO("func main() {\n\tx := y + 1\n\t_ = x\n}\n"),
             "3:7: undefined: y");
    GO_ERROR(GO("func main() {\n\tvar a int\n\tvar a string\n}\n"),
             "4:6: a redeclared in this block");
    GO_ERROR(GO("func f() {}\nfunc f() {}\nfunc main() {}\n"),
             "3:6: f redeclared in this block");
    GO_ERROR(GO("func main() {\n\ta := 1\n\ta := 2\n}\n"),
             "4:4: no new variables on left side of :=");
    GO_ERROR(GO("import \"fmt\"\nfunc main() { fmt.Nope() }\n"),
             "3:19: undefined: fmt.Nope");
    GO_ERROR(GO("func helper() {}\n"),
             "0:0: function main is undeclared in the main package");
}
END_TEST

START_TEST(imports_outside_the_library_are_refused_saying_why)
{
    {
        /* the message lists the library's packages */
        char *got = go_run(GO("import \"encoding/xml\"\n"
                              "func main() { xml.Marshal(nil) }\n"));
        const char *want = "ERR 2:8: unsupported: import \"encoding/xml\" "
                           "(weft's library has ";
        ck_assert_msg(!strncmp(got, want, strlen(want)), "%s", got);
        ck_assert_msg(strstr(got, " context, ") && strstr(got, " sync, ") &&
                          strstr(got, " encoding/json, ") &&
                          strstr(got, " unsafe)"),
                      "%s", got);
        free(got);
    }
    GO_ERROR(GO("import \"net/http\"\nfunc main() { http.Get(\"\") }\n"),
             "2:8: unsupported: import \"net/http\": weft runs programs "
             "without a network (model the peer with goroutines and "
             "channels)");
    /* a library package refuses some of its members by name */
    GO_ERROR(GO("import \"net\"\n"
                "func main() { net.Dial(\"tcp\", \"x\") }\n"),
             "3:19: unsupported: net.Dial: weft runs programs without a "
             "network (model the peer with goroutines and channels)");
    GO_ERROR(GO("import \"os\"\nfunc main() { os.ReadFile(\"x\") }\n"),
             "3:18: unsupported: os.ReadFile: weft runs programs without a "
             "file system (give the program its input in memory: "
             "strings.NewReader, bytes.Buffer)");
    GO_ERROR(GO("import \"runtime\"\n"
                "func main() { runtime.MemProfile(nil, false) }\n"),
             "3:23: unsupported: runtime.MemProfile: weft keeps no memory, "
             "block, mutex or CPU profile (its heap and scheduler are not "
             "gc's)");
    GO_ERROR(GO("import \"os\"\nfunc main() { os.Nope() }\n"),
             "3:18: undefined: os.Nope");
    /* path/filepath has the lexical functions, not the file system */
    GO_ERROR(GO("import \"path/filepath\"\n"
                "func main() { filepath.Glob(\"*\") }\n"),
             "3:24: unsupported: filepath.Glob: weft runs programs without "
             "a file system (the lexical functions of path/filepath are "
             "there: Join, Clean, Base, Dir, Ext, Rel, Match, ...)");
    GO_ERROR(GO("import \"regexp\"\n"
                "func main() { regexp.MustCompilePOSIX(\"a\") }\n"),
             "3:22: unsupported: regexp.MustCompilePOSIX: weft's regexp "
             "matches leftmost-first only (Go's default), not POSIX "
             "leftmost-longest");
    /* reflect makes few values (New, Zero, MakeMap, MakeSlice, MakeFunc)
     * and types */
    GO_ERROR(GO("import \"reflect\"\nfunc main() { reflect.MakeChan(nil, 0) }\n"),
             "3:23: unsupported: reflect.MakeChan: weft's reflect makes "
             "values (New, Zero, MakeMap, MakeSlice, MakeFunc) and types (ArrayOf, "
             "SliceOf, PointerTo, MapOf, StructOf) but not these");
    GO_ERROR(GO("import \"golang.org/x/sync/errgroup\"\n"
                "func main() { errgroup.WithContext(nil) }\n"),
             "2:8: cannot find package golang.org/x/sync/errgroup: weft runs "
             "third-party code from the module's vendor/ directory (and "
             "finds no go.mod above the program; go mod vendor writes it)");
}
END_TEST

/* Every package SPEC section 6 allows has a library source now: a file
 * importing them all compiles. */
START_TEST(every_spec_package_has_a_library)
{
    GO_EXPECT(GO("import (\n\t\"context\"\n\t\"errors\"\n\t\"fmt\"\n"
                 "\t\"log\"\n\t\"math/rand\"\n\t\"runtime\"\n"
                 "\t\"strconv\"\n\t\"strings\"\n\t\"sync\"\n"
                 "\t\"sync/atomic\"\n\t\"testing\"\n\t\"time\"\n)\n"
                 "var _ context.Context\nvar _ = errors.New\n"
                 "var _ = log.Println\nvar _ = rand.Intn\n"
                 "var _ = runtime.Gosched\nvar _ = strconv.Itoa\n"
                 "var _ = strings.Split\nvar _ sync.Mutex\n"
                 "var _ atomic.Int32\nvar _ *testing.T\nvar _ time.Duration\n"
                 "func main() { fmt.Println(\"ok\") }\n"),
              "ok\n");
}
END_TEST

START_TEST(labels_and_receivers)
{
    GO_ERROR(GO("func main() {\n\tgoto nowhere\n}\n"),
             "3:7: label nowhere not defined");
    GO_ERROR(GO("func main() {\nL:\n\tL:\n\tfor {}\n}\n"),
             "4:2: label L already defined");
    GO_ERROR(GO("func (x int) M() {}\nfunc main() {}\n"),
             "2:9: cannot define new methods on non-local type int");
    GO_ERROR(GO("func main() {\n\tbreak\n}\n"),
             "3:2: break is not in a loop, switch, or select");
}
END_TEST

/* What gc rejects and accepts that Go's own test suite checks
 * (tests/conform/errorcheck.sh): a label no branch names is an error,
 * the blank label is none (it may repeat); fallthrough may be followed
 * by empty statements; an interface may repeat a method it embeds with
 * the same signature (Go 1.14) but not declare it twice; goto's
 * limits. */
START_TEST(labels_fallthrough_and_embedded_methods_as_gc)
{
    GO_ERROR(GO("func main() {\nL:\n\tfor {\n\t\tbreak\n\t}\n}\n"),
             "3:1: label L defined and not used");
    GO_EXPECT(GO("func main() {\n_:\n_:\n\tprintln(1)\n}\n"), "1\n");
    GO_ERROR(GO("func main() {\n_:\n\tgoto _\n}\n"),
             "4:7: label _ not defined");
    GO_EXPECT(GO("func main() {\n\tswitch 0 {\n\tcase 0:\n\t\tfallthrough\n"
                 "\t\t;\n\tcase 1:\n\t\tprintln(1)\n\t}\n}\n"),
              "1\n");
    GO_EXPECT(GO("type M interface{ m() }\n"
                 "type U interface{ M; m(); M }\n"
                 "type T struct{}\nfunc (T) m() { println(2) }\n"
                 "func main() { var u U = T{}; u.m() }\n"),
              "2\n");
    GO_ERROR(GO("type M interface{ m() }\n"
                "type U interface{ M; m() int }\nfunc main() {}\n"),
             "3:22: duplicate method m");
    GO_ERROR(GO("type U interface{ m(); m() }\nfunc main() {}\n"),
             "2:24: duplicate method m");
    /* goto: not into a block, not forward over a variable's declaration;
     * backward, or out of a block, it may */
    GO_ERROR(GO("func main() {\n\tgoto L\n\t{\n\tL:\n\t\tprintln()\n\t}\n}\n"),
             "3:7: goto L jumps into block");
    GO_ERROR(GO("func main() {\n\tif true {\n\t\tgoto L\n\t}\n\tx := 1\n"
                "\t_ = x\nL:\n\tprintln()\n}\n"),
             "4:8: goto L jumps over variable declaration at line 6");
    GO_EXPECT(GO("func main() {\n\ti := 0\nL:\n\tx := i\n\ti++\n"
                 "\tif x < 2 {\n\t\tgoto L\n\t}\n\tgoto M\nM:\n"
                 "\tprintln(i)\n}\n"),
              "3\n");
}
END_TEST

/* A package variable that refers to itself through the functions and
 * methods its initializer refers to is an initialization cycle (gc's
 * "initialization loop"), reported at the cycle's first variable; a
 * value of a type does not refer to the type's methods. */
START_TEST(initialization_cycles_are_rejected)
{
    GO_ERROR(GO("var x = f()\nfunc f() int { return x }\n"
                "func main() { println(x) }\n"),
             "2:5: initialization cycle for x: x refers to itself");
    GO_ERROR(GO("var a = b\nvar b = g()\nfunc g() int { return a }\n"
                "func main() {}\n"),
             "2:5: initialization cycle for a: a refers to b, b refers to a");
    GO_ERROR(GO("type T int\nfunc (T) m() int { return x }\n"
                "var x = T.m(0)\nfunc main() {}\n"),
             "4:5: initialization cycle for x: x refers to itself");
    GO_ERROR(GO("type T int\nfunc (*T) m() int { _ = x; return 0 }\n"
                "var t T\nvar x = t.m\nfunc main() {}\n"),
             "5:5: initialization cycle for x: x refers to itself");
    GO_EXPECT(GO("type T int\nfunc (T) String() string { return s }\n"
                 "func str(v interface{ String() string }) string {\n"
                 "\treturn \"v\"\n}\n"
                 "var s = str(T(1))\nfunc main() { println(s) }\n"),
              "v\n");
}
END_TEST

/* Declarations gc rejects that weft accepted: a package-level name also
 * imported in a file, a parameter named twice in a signature without a
 * body, init or main declared as other than a function. */
START_TEST(declarations_gc_rejects)
{
    GO_ERROR(GO("import \"fmt\"\nvar _ = fmt.Println\nvar fmt int\n"
                "func main() {}\n"),
             "4:5: fmt already declared through import of package fmt "
             "(\"fmt\")");
    GO_ERROR(GO("type a interface {\n\tfoo(x int) (x int)\n}\n"
                "func main() {}\n"),
             "3:14: x redeclared in this block");
    GO_ERROR(GO("var f func(x int, x string)\nfunc main() { _ = f }\n"),
             "2:19: x redeclared in this block");
    GO_EXPECT(GO("var f func(_ int, _ string) (x, y int)\n"
                 "func main() { println(f == nil) }\n"),
              "true\n");
    GO_ERROR(GO("var init = 1\nfunc main() {}\n"),
             "2:5: cannot declare init - must be func");
    GO_ERROR(GO("type init byte\nfunc main() {}\n"),
             "2:6: cannot declare init - must be func");
    GO_ERROR(GO("var main = func() {}\n"),
             "2:5: cannot declare main - must be func");
    /* a blank field has no name a literal can give */
    GO_ERROR(GO("type T struct{ _ int; X int }\n"
                "func main() { _ = T{_: 1} }\n"),
             "3:21: unknown field _ in struct literal of type T");
    GO_EXPECT(GO("type T struct{ _ int; X int }\n"
                 "func main() { println(T{X: 1}.X) }\n"),
              "1\n");
}
END_TEST

START_TEST(constants_are_checked)
{
    GO_ERROR(GO("func main() {\n\tvar b byte = 256\n\t_ = b\n}\n"),
             "3:15: cannot use 256 (untyped int constant) as uint8 value "
             "in variable declaration (overflows)");
    GO_ERROR(GO("const x = 1 / 0\nfunc main() {}\n"),
             "2:15: invalid operation: division by zero");
    GO_ERROR(GO("func main() {\n\t_ = int8(200)\n}\n"),
             "3:11: constant 200 overflows int8");
}
END_TEST

START_TEST(unsupported_go_is_named)
{
    /* range over a function (Go 1.23): the iterator's shape is checked */
    GO_ERROR(GO("func main() {\n\tf := func(yield func(int) int) {}\n"
                "\tfor x := range f {\n\t\t_ = x\n\t}\n}\n"),
             "4:17: cannot range over f (variable of type func(func(int) "
             "int)): func must be func(yield func(...) bool): yield func "
             "does not return bool");
    GO_ERROR(GO("func main() {\n\tf := func(yield func() bool) {}\n"
                "\tfor x := range f {\n\t\t_ = x\n\t}\n}\n"),
             "4:6: range over f (variable of type func(func() bool)) "
             "permits no iteration variables");
    /* undefined names: up to 10 reported, as Go reports them */
    GO_ERROR(GO("func main() {\n\ta()\n\tb()\n}\n"),
             "3:2: undefined: a");
    /* a dot import brings the package's exported names into the file
     * (bug295.go); one that a package declaration also names clashes */
    GO_EXPECT(GO("import . \"fmt\"\nfunc main() { Println(Sprint(1, 2)) }\n"),
              "1 2\n");
    GO_ERROR(GO("import . \"fmt\"\nfunc Println() {}\nfunc main() {}\n"),
             "2:8: Println redeclared in this block");
    GO_ERROR(GO("type A struct{ b B }\ntype B struct{ a [2]A }\n"
                "func main() {}\n"),
             "2:6: invalid recursive type A");
    GO_ERROR(GO("func main() {\n\tvar c complex128\n\t_ = c < c\n}\n"),
             "4:6: invalid operation: c < c (operator < not defined on "
             "complex128)");
}
END_TEST

START_TEST(declarations_in_any_order)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() { fmt.Println(double(limit), T{}.name()) }\n"
                 "func double(n int) int { return n * factor }\n"
                 "const limit = factor * 5\n"
                 "const factor = 2\n"
                 "type T struct{ u U }\n"
                 "type U = string\n"
                 "func (T) name() string { return \"T\" + U(\"!\") }\n"),
              "20 T!\n");
}
END_TEST

/* A package of 3,000 functions, each called once: every look-up goes by
 * the scope's index, a few symbols compared each (a scan of the package's
 * scope compared 4.5M: 20,000 functions took 2.7 s to resolve). Names
 * declared past the index's start, by a type switch and by shadowing,
 * are still found. */
START_TEST(a_scope_of_thousands_is_looked_up_by_index)
{
    enum { N = 3000 };
    buf b;
    ast_file *f = NULL;
    wf_diag d;
    res_library lib;
    resolver *r;
    buf_init(&b);
    buf_puts(&b, "package main\n\n");
    for (int i = 0; i < N; i++)
        buf_printf(&b, "func f%d(x int) int { return x + %d }\n", i, i % 7);
    buf_puts(&b, "func main() {\n\ts := 0\n");
    for (int i = 0; i < N; i++)
        buf_printf(&b, "\ts = f%d(s)\n", i);
    buf_puts(&b, "\t_ = s\n}\n");
    ck_assert_int_eq(parse_file("t.go", (const unsigned char *)b.p, b.len,
                                &f, &d),
                     WF_OK);
    memset(&lib, 0, sizeof lib);
    r = res_new(&lib);
    ck_assert_int_eq(res_resolve(r, f, &d), WF_OK);
    ck_assert_msg(res_find_work(r) < 20 * (uint64_t)N,
                  "%llu symbols compared for %d look-ups",
                  (unsigned long long)res_find_work(r), 2 * N);
    res_free(r);
    ast_file_free(f);
    buf_fini(&b);

    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\ta0, a1, a2, a3, a4, a5, a6, a7 := 0, 1, 2, 3, 4, 5, 6, 7\n"
                 "\tb0, b1, b2, b3, b4, b5, b6, b7 := 8, 9, 10, 11, 12, 13, 14, 15\n"
                 "\tvar v any = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7\n"
                 "\tswitch w := v.(type) {\n"
                 "\tcase int:\n"
                 "\t\tb7 := w + b0 + b1 + b2 + b3 + b4 + b5 + b6\n"
                 "\t\tfmt.Println(b7)\n"
                 "\t}\n"
                 "\tfmt.Println(b7)\n"
                 "}\n"),
              "105\n15\n");
}
END_TEST

START_TEST(blank_and_shadowing)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "var x = 1\n"
                 "func main() {\n"
                 "\tfmt.Println(x)\n"
                 "\tx := 2\n"
                 "\t{\n"
                 "\t\tx := x + 10\n"
                 "\t\tfmt.Println(x)\n"
                 "\t}\n"
                 "\t_, y := 5, x\n"
                 "\tlen := func(s string) int { return 42 }\n"
                 "\tfmt.Println(y, len(\"a\"))\n"
                 "\tassert := func(b bool) string { return \"mine\" }\n"
                 "\tfmt.Println(assert(false))\n"
                 "}\n"),
              "1\n12\n2 42\nmine\n");
}
END_TEST

START_TEST(weft_assert_and_progress)
{
    GO_EXPECT(GO("func main() {\n"
                 "\tprogress()\n"
                 "\tx := 3\n"
                 "\tassert(x == 3)\n"
                 "\tassert(x > 5, \"x is\", x)\n"
                 "}\n"),
              "assert: assertion failed: x is 3\n");
    GO_EXPECT(GO("func main() {\n\tx := 1\n\tassert(x == 2)\n}\n"),
              "assert: assertion failed: x == 2\n");
}
END_TEST

Suite *resolve_suite(void)
{
    Suite *s = suite_create("resolve");
    TCase *tc = tcase_create("errors");
    tcase_add_test(tc, undefined_and_redeclared_names);
    tcase_add_test(tc, imports_outside_the_library_are_refused_saying_why);
    tcase_add_test(tc, every_spec_package_has_a_library);
    tcase_add_test(tc, labels_and_receivers);
    tcase_add_test(tc, labels_fallthrough_and_embedded_methods_as_gc);
    tcase_add_test(tc, initialization_cycles_are_rejected);
    tcase_add_test(tc, declarations_gc_rejects);
    tcase_add_test(tc, constants_are_checked);
    tcase_add_test(tc, unsupported_go_is_named);
    suite_add_tcase(s, tc);
    tc = tcase_create("scopes");
    tcase_add_test(tc, declarations_in_any_order);
    tcase_add_test(tc, blank_and_shadowing);
    tcase_add_test(tc, weft_assert_and_progress);
    tcase_add_test(tc, a_scope_of_thousands_is_looked_up_by_index);
    suite_add_tcase(s, tc);
    return s;
}

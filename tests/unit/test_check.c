/* test_check.c: the type checker (sim/lang/check*.c) and its exact
 * constants (check_const.c). Programs Go rejects get Go's message (types2
 * as of Go 1.22; cross-checked with `go build` where 1.19 already agrees)
 * at gc's line:col; programs Go accepts pass. Constants are exact:
 * big integers, rationals, correct rounding to float64 and float32. */
#include <math.h>

#include "gotest.h"
#include "sim/lang/check_const.h"

#define CHECK_ERR(body, want) GO_ERROR(GO(body), want)

static char *cfmt(const_val v)
{
    buf b;
    char *s;
    buf_init(&b);
    const_format(&b, v);
    s = wf_xstrdup(b.p ? b.p : "");
    buf_fini(&b);
    return s;
}

#define CONST_IS(v, want)                                                      \
    do {                                                                       \
        char *s_ = cfmt(v);                                                    \
        ck_assert_str_eq(s_, want);                                            \
        free(s_);                                                              \
    } while (0)

START_TEST(integers_are_exact_beyond_64_bits)
{
    arena m;
    const_val one, big, x, y;
    arena_init(&m);
    one = const_int64(&m, 1);
    big = const_shift(&m, TK_SHL, one, 100);
    CONST_IS(big, "1267650600228229401496703205376");
    CONST_IS(const_shift(&m, TK_SHR, big, 98), "4");
    x = const_from_literal(&m, TK_INT, "123456789012345678901234567890");
    y = const_from_literal(&m, TK_INT, "987654321098765432109876543210");
    CONST_IS(const_binary(&m, TK_MUL, x, y, true),
             "121932631137021795226185032733622923332237463801111263526900");
    CONST_IS(const_binary(&m, TK_QUO, y, x, true), "8");
    CONST_IS(const_binary(&m, TK_REM, y, x, true), "9000000000900000000090");
    /* Go's truncated division and floor shift on negative numbers */
    CONST_IS(const_binary(&m, TK_QUO, const_int64(&m, -7), const_int64(&m, 2),
                          true),
             "-3");
    CONST_IS(const_binary(&m, TK_REM, const_int64(&m, -7), const_int64(&m, 2),
                          true),
             "-1");
    CONST_IS(const_shift(&m, TK_SHR, const_int64(&m, -7), 1), "-4");
    /* two's complement bit operations, ^ on an unsigned size */
    CONST_IS(const_binary(&m, TK_AND, const_int64(&m, -5), const_int64(&m, 3),
                          true),
             "3");
    CONST_IS(const_binary(&m, TK_XOR, const_int64(&m, -5),
                          const_int64(&m, -3), true),
             "6");
    CONST_IS(const_binary(&m, TK_AND_NOT, const_int64(&m, 5),
                          const_int64(&m, -3), true),
             "0");
    CONST_IS(const_unary(&m, TK_XOR, const_int64(&m, 5), 0), "-6");
    CONST_IS(const_unary(&m, TK_XOR, const_int64(&m, 5), 8), "250");
    CONST_IS(const_from_literal(&m, TK_INT, "0x_FF"), "255");
    CONST_IS(const_from_literal(&m, TK_INT, "0o17"), "15");
    CONST_IS(const_from_literal(&m, TK_INT, "017"), "15");
    CONST_IS(const_from_literal(&m, TK_INT, "0b101"), "5");
    arena_fini(&m);
}
END_TEST

START_TEST(floats_are_rationals_rounded_correctly)
{
    static const char *const lits[] = {
        "0.1", "1e308", "1.7976931348623157e308", "4.9e-324",
        "2.4703282292062328e-324", "2.4703282292062327e-324",
        "123456789012345678901234567890.5", "0x1.8p1", "1e-400",
        "3.14159265358979323846264338327950288419716939937510582097494459",
        "2.2250738585072011e-308", "9007199254740993", "0.30000000000000004"};
    arena m;
    arena_init(&m);
    for (size_t i = 0; i < sizeof lits / sizeof lits[0]; i++) {
        bool exact;
        const_val v = const_from_literal(&m, TK_FLOAT, lits[i]);
        double d = const_float64_val(v, &exact);
        ck_assert_msg(d == strtod(lits[i], NULL), "%s: %.17g", lits[i], d);
    }
    {
        bool exact;
        const_val v = const_from_literal(&m, TK_FLOAT, "0.1");
        ck_assert(const_float32_val(v, &exact) == (double)strtof("0.1", NULL));
        ck_assert(!exact);
        v = const_from_literal(&m, TK_FLOAT, "1.7976931348623159e308");
        ck_assert(isinf(const_float64_val(v, &exact)));
        v = const_from_literal(&m, TK_FLOAT, "0x1p-2");
        ck_assert(const_float64_val(v, &exact) == 0.25 && exact);
    }
    /* exact: 1/3 * 3 == 1; printed as go/constant prints */
    {
        const_val third = const_binary(&m, TK_QUO, const_int64(&m, 1),
                                       const_from_literal(&m, TK_FLOAT, "3.0"),
                                       false);
        const_val one = const_binary(&m, TK_MUL, third, const_int64(&m, 3),
                                     false);
        ck_assert(const_compare(one, TK_EQL, const_int64(&m, 1)));
        CONST_IS(third, "0.333333");
        CONST_IS(const_from_literal(&m, TK_FLOAT, "1e400"), "1e+400");
    }
    arena_fini(&m);
}
END_TEST

/* Beyond 2^100000 a float keeps a 512-bit mantissa and its exponent apart,
 * as big.Float does, up to 2^(2^31): gc's 1e646456992 (issue 11326). */
START_TEST(huge_float_constants_keep_their_exponent)
{
    GO_EXPECT(GO("const n, d = 1e646456992, 1e646456991\n"
                 "const t = 1e-646456992\n"
                 "func main() {\n"
                 "\tvar x, y float64 = n / d, 1e-779137\n"
                 "\tprintln(x == 10, y == 0, n*t == 1, n > 1e300000, -n < -d)\n"
                 "\tprintln(0x1p200000/0x1p199998 == 4, (n+1e646456990)/d)\n"
                 "\tvar z float64 = n * t\n\tprintln(z == 1)\n"
                 "}\n"),
              /* n*t is 1 to 512 bits, not exactly (as in gc) */
              "true true false true true\n"
              "true +1.010000e+001\ntrue\n");
    GO_ERROR(GO("func main() { println(1e646456992) }\n"),
             "2:23: cannot use 1e646456992 (untyped float constant "
             "1e+646456992) as float64 value in argument to built-in println "
             "(overflows)");
    /* big.Float's exponent ends at 2^31 - 1 (the spec allows more) */
    GO_ERROR(GO("const c = 0x1p2147483647\nfunc main() { _ = c }\n"),
             "2:11: malformed constant: 0x1p2147483647");
    GO_EXPECT(GO("const c = 0x1p2147483646\n"
                 "func main() { println(c/c == 1) }\n"),
              "true\n");
}
END_TEST

START_TEST(untyped_constants_take_their_context)
{
    /* the divmod, issue2615 and issue45242 shapes: untyped constants in
     * expressions with typed operands take the operand's type */
    GO_EXPECT(GO("import \"fmt\"\nfunc main() {\n"
                 "\tvar x uint64 = 1 << 63\n"
                 "\ty := x / 3 + 1\n"
                 "\tvar z uint32 = 7\n"
                 "\tfmt.Println(y, z % 5, x >> 62, 1 << 62 / x)\n"
                 "}\n"),
              "3074457345618258603 2 2 0\n");
    GO_EXPECT(GO("const big = 1 << 100\n"
                 "func main() {\n"
                 "\tprintln(big >> 98, big / (1 << 90))\n"
                 "}\n"),
              "4 1024\n");
    CHECK_ERR("var x int = \"s\"\nfunc main() {}\n",
              "2:13: cannot use \"s\" (untyped string constant) as int value "
              "in variable declaration");
    CHECK_ERR("var y int8 = 300\nfunc main() {}\n",
              "2:14: cannot use 300 (untyped int constant) as int8 value in "
              "variable declaration (overflows)");
    CHECK_ERR("var z int = 1.5\nfunc main() {}\n",
              "2:13: cannot use 1.5 (untyped float constant) as int value in "
              "variable declaration (truncated)");
    CHECK_ERR("func main() { const c int8 = 100; const d = c * 2; _ = d }\n",
              "2:45: c * 2 (constant 200 of type int8) overflows int8");
    CHECK_ERR("func main() { _ = 1 << 600 }\n",
              "2:21: constant shift overflow");
    CHECK_ERR("func main() { var u uint = -1; _ = u }\n",
              "2:28: cannot use -1 (untyped int constant) as uint value in "
              "variable declaration (overflows)");
    CHECK_ERR("func main() { var f float64 = 1.5 % 2; _ = f }\n",
              "2:31: invalid operation: operator % not defined on 1.5 "
              "(untyped float constant)");
    CHECK_ERR("func main() { var u uint; var f float64 = 1 << u; _ = f }\n",
              "2:43: invalid operation: shifted operand 1 (type float64) "
              "must be integer");
}
END_TEST

START_TEST(operators_and_operands)
{
    CHECK_ERR("func main() { c := 1 + \"a\"; _ = c }\n",
              "2:20: invalid operation: 1 + \"a\" (mismatched types untyped "
              "int and untyped string)");
    CHECK_ERR("type MyInt int\n"
              "func main() { var x int; var m MyInt; _ = x + m }\n",
              "3:43: invalid operation: x + m (mismatched types int and "
              "MyInt)");
    CHECK_ERR("func main() { x := 1; _ = !x }\n",
              "2:28: invalid operation: operator ! not defined on x "
              "(variable of type int)");
    CHECK_ERR("func main() { var x int; _ = x == \"a\" }\n",
              "2:35: invalid operation: x == \"a\" (mismatched types int and "
              "untyped string)");
    CHECK_ERR("func main() { var s []int; _ = s == s }\n",
              "2:32: invalid operation: s == s (slice can only be compared "
              "to nil)");
    CHECK_ERR("func main() { var z = 1 / 0; _ = z }\n",
              "2:27: invalid operation: division by zero");
    CHECK_ERR("func main() { _ = &1 }\n",
              "2:20: invalid operation: cannot take address of 1 (untyped int "
              "constant)");
    CHECK_ERR("func main() { var s int; _ = <-s }\n",
              "2:32: invalid operation: cannot receive from non-channel s "
              "(variable of type int)");
    CHECK_ERR("func main() { var ch <-chan int; ch <- 1 }\n",
              "2:34: invalid operation: cannot send to receive-only channel "
              "ch (variable of type <-chan int)");
    CHECK_ERR("func main() { var x string; x++ }\n",
              "2:29: invalid operation: x++ (non-numeric type string)");
}
END_TEST

START_TEST(assignability_and_method_sets)
{
    CHECK_ERR("type T struct{ a int }\ntype I interface{ M() }\n"
              "func (t *T) M() {}\nvar i I = T{}\nfunc main() {}\n",
              "5:11: cannot use T{} (value of type T) as I value in variable "
              "declaration: T does not implement I (method M has pointer "
              "receiver)");
    CHECK_ERR("type I interface{ M() }\ntype S struct{}\nfunc (S) M(int) {}\n"
              "var _ I = S{}\nfunc main() {}\n",
              "5:11: cannot use S{} (value of type S) as I value in variable "
              "declaration: S does not implement I (wrong type for method M)"
              "\n\t\thave M(int)\n\t\twant M()");
    /* promotion through an embedded pointer gives *A's methods to B */
    GO_EXPECT(GO("type A struct{}\nfunc (*A) M() { println(\"M\") }\n"
                 "type B struct{ *A }\ntype I interface{ M() }\n"
                 "func main() { var i I = B{&A{}}; i.M() }\n"),
              "M\n");
    CHECK_ERR("type A struct{}\nfunc (*A) M() {}\ntype B struct{ A }\n"
              "type I interface{ M() }\nvar _ I = B{}\nfunc main() {}\n",
              "6:11: cannot use B{} (value of type B) as I value in variable "
              "declaration: B does not implement I (method M has pointer "
              "receiver)");
    CHECK_ERR("type A struct{ x int }\ntype B struct{ x int }\n"
              "type C struct{ A; B }\n"
              "func main() { var c C; _ = c.x }\n",
              "5:30: ambiguous selector c.x");
    CHECK_ERR("func main() { var x int; _ = x.foo }\n",
              "2:32: x.foo undefined (type int has no field or method foo)");
    /* go/types' hint toward the exported spelling */
    CHECK_ERR("type T struct{}\nfunc (T) Lock() {}\n"
              "func main() { var t T; t.lock() }\n",
              "4:26: t.lock undefined (type T has no field or method lock, "
              "but does have Lock)");
    /* another package's unexported members are not there (go/types
     * looks members up by package and name), promoted ones neither */
    CHECK_ERR("import \"strings\"\n"
              "func main() { var b strings.Builder; _ = b.buf }\n",
              "3:44: b.buf undefined (type strings.Builder has no field or "
              "method buf)");
    CHECK_ERR("import \"strings\"\ntype W struct{ strings.Reader }\n"
              "func main() { var w W; w.reset() }\n",
              "4:26: w.reset undefined (type W has no field or method reset, "
              "but does have Reset)");
    CHECK_ERR("type T struct{}\nfunc (*T) m() {}\nfunc main() { _ = T.m }\n",
              "4:21: invalid method expression T.m (needs pointer receiver "
              "(*T).m)");
    CHECK_ERR("var e interface{} = 1\nvar n int = e\nfunc main() {}\n",
              "3:13: cannot use e (variable of type any) as int value in "
              "variable declaration: need type assertion");
    CHECK_ERR("type E struct{}\nfunc k() error { return 1 }\n"
              "func main() {}\n",
              "3:25: cannot use 1 (constant of type int) as error value in "
              "return statement: int does not implement error (missing "
              "method Error)");
}
END_TEST

START_TEST(calls_returns_and_builtins)
{
    CHECK_ERR("func f[T ~int | ~complex128]() T { return T(0.5) }\n"
              "func main() {}\n",
              "2:45: cannot convert 0.5 (untyped float value) to type T:\n"
              "\tcannot convert 0.5 (untyped float constant) to int (in T)");
    CHECK_ERR("func main() { var c complex64; _ = complex(c, 1) }\n",
              "2:44: invalid argument: arguments have type complex64, "
              "expected floating-point");
    CHECK_ERR("var f = real(1 + 2i) + imag(3.5)\nvar g int = f\n"
              "func main() {}\n",
              "3:13: cannot use f (variable of type float64) as int value in "
              "variable declaration");
    CHECK_ERR("func main() { f := func(int, string) {}; f(1) }\n",
              "2:44: not enough arguments in call to f\n\thave (number)\n"
              "\twant (int, string)");
    CHECK_ERR("func main() { f := func(int, string) {}; f(1, \"a\", 2) }\n",
              "2:52: too many arguments in call to f\n\thave (number, string, "
              "number)\n\twant (int, string)");
    CHECK_ERR("func f() (int, string) { return 1, \"a\" }\n"
              "var a = f() + 1\nfunc main() {}\n",
              "3:9: multiple-value f() (value of type (int, string)) in "
              "single-value context");
    CHECK_ERR("func g() (int, error) { return 1 }\nfunc main() {}\n",
              "2:32: not enough return values\n\thave (number)\n\twant (int, "
              "error)");
    CHECK_ERR("func g() int { }\nfunc main() {}\n", "2:16: missing return");
    CHECK_ERR("func g() int { for { break } }\nfunc main() {}\n",
              "2:30: missing return");
    CHECK_ERR("func main() { _ = len(1) }\n",
              "2:23: invalid argument: 1 (untyped int constant) for built-in "
              "len");
    CHECK_ERR("func main() { _ = append(nil, 1) }\n",
              "2:26: first argument to append must be a slice; have untyped "
              "nil");
    /* T(nil) is a value of type T, no longer the untyped nil */
    GO_EXPECT(GO("func main() { b := append([]byte(nil), 'a'); "
                 "println(len(b), (*int)(nil) == nil) }\n"),
              "1 true\n");
    CHECK_ERR("func main() { defer int(1) }\n",
              "2:21: defer requires function call, not conversion int(1) "
              "(constant 1 of type int)");
    CHECK_ERR("func main() { len(\"a\") }\n",
              "2:15: len(\"a\") (constant 1 of type int) is not used");
    /* a constant len, a non-constant one */
    GO_EXPECT(GO("var a [4]int\nconst n = len(a)\n"
                 "func main() { var b [n]int; println(len(b), cap(b[:2])) }\n"),
              "4 4\n");
}
END_TEST

START_TEST(declarations_and_statements)
{
    CHECK_ERR("func main() { x := 1 }\n", "2:15: declared and not used: x");
    CHECK_ERR("import \"fmt\"\nfunc main() {}\n",
              "2:8: \"fmt\" imported and not used");
    CHECK_ERR("func main() { a, b := 1; _, _ = a, b }\n",
              "2:23: assignment mismatch: 2 variables but 1 value");
    CHECK_ERR("func main() { var i interface{}; "
              "switch i.(type) { case int, int: } }\n",
              "2:62: duplicate case int in type switch");
    CHECK_ERR("func main() { switch 1 { case 1, 1: } }\n",
              "2:34: duplicate case 1 (constant of type int) in expression "
              "switch");
    /* gc checks duplicates of numbers and strings only (Go's sizeof.go) */
    GO_EXPECT(GO("func main() {\n\tswitch {\n\tcase 1 > 2:\n"
                 "\tcase 2 > 3:\n\tdefault:\n\t\tprintln(\"ok\")\n\t}\n}\n"),
              "ok\n");
    CHECK_ERR("func main() { if 1 {} }\n",
              "2:18: non-boolean condition in if statement");
    CHECK_ERR("func main() { x := nil; _ = x }\n",
              "2:20: use of untyped nil in assignment");
    CHECK_ERR("func main() { var c chan<- int; for range c {} }\n",
              "2:43: cannot range over c (variable of type chan<- int): "
              "receive from send-only channel");
    CHECK_ERR("type T struct{ a int }\n"
              "func main() { m := map[int]T{}; m[1].a = 2 }\n",
              "3:33: cannot assign to struct field m[1].a in map");
    CHECK_ERR("func main() { x := 5; x := 6; _ = x }\n",
              "2:25: no new variables on left side of :=");
    /* := in a function body redeclares a result (same block) */
    GO_EXPECT(GO("func f() (int, string) { return 7, \"s\" }\n"
                 "func g() (s string) {\n\tn, s := f()\n\t_ = n\n\treturn\n}\n"
                 "func main() { println(g()) }\n"),
              "s\n");
    /* const ( X = X + X; Y ): the implicit Y repeats X + X with the local
     * X (Go's const8.go) */
    GO_EXPECT(GO("const X = 2\n"
                 "func main() {\n\tconst (\n\t\tX = X + X\n\t\tY\n"
                 "\t\tZ = iota\n\t)\n\tprintln(X, Y, Z)\n}\n"),
              "4 8 2\n");
}
END_TEST

/* Checking one declaration may declare hundreds of others (a constant
 * summing 600 later ones; time.Sunday's type checked in the middle of a
 * big import): the checker's objects must not move as its table grows
 * (it used to, leaving Sunday "in progress": "Sunday refers to itself"
 * on GoKer's kubernetes#82239, and a write to freed memory). */
START_TEST(declarations_that_declare_hundreds_of_others)
{
    buf b;
    char *got;
    buf_init(&b);
    buf_puts(&b, "package main\nconst A = B0");
    for (int i = 1; i < 600; i++)
        buf_printf(&b, " + B%d", i);
    buf_puts(&b, "\n");
    for (int i = 0; i < 600; i++)
        buf_printf(&b, "const B%d = %d\n", i, i);
    buf_puts(&b, "func main() { println(A) }\n");
    got = go_run(b.p);
    ck_assert_str_eq(got, "179700\n");
    free(got);
    buf_fini(&b);
    GO_EXPECT(GO("import (\n\t\"strconv\"\n\t\"testing\"\n\t\"time\"\n)\n"
                 "func main() {\n\t_ = testing.Short\n"
                 "\tprintln(strconv.Itoa(int(time.Saturday)))\n}\n"),
              "6\n");
}
END_TEST

/* A literal longer than 65535 elements (gc's issue 34395: a 100 MiB
 * array literal) is its zero value with the given elements stored. */
/* make's bounds are Go's (the length times the element's size within
 * 2^48); past weft's own 2^28 elements it says so, never a Go error Go
 * would not give (issue 29190: make([]struct{}, maxInt) is legal). */
START_TEST(make_bounds_are_go_s_and_weft_s_own)
{
    GO_EXPECT(GO("func try(f func()) {\n"
                 "\tdefer func() { println(recover().(error).Error()) }()\n"
                 "\tf()\n}\n"
                 "func main() {\n"
                 "\tn := 1 << 46\n"
                 "\ttry(func() { _ = make([]int64, n) })\n"
                 "\ttry(func() { _ = make([]struct{}, n) })\n"
                 "}\n"),
              "runtime error: makeslice: len out of range\n"
              "unsupported: make([]struct {}, 70368744177664): weft holds "
              "at most 2^28 elements in a slice\n");
}
END_TEST

START_TEST(composite_literals_beyond_65535_elements)
{
    GO_EXPECT(GO("var g = [100000]byte{42, 99999: 7}\n"
                 "func main() {\n"
                 "\ts := []int{70000: 1, 2}\n"
                 "\ta := [70000]string{69999: \"z\", 3: \"x\"}\n"
                 "\tprintln(g[0], g[1], g[99999], len(s), s[70000], s[70001],"
                 " s[5], a[3], a[69999], len(a))\n}\n"),
              "42 0 7 70002 1 2 0 x z 70000\n");
}
END_TEST

START_TEST(generic_functions_and_types_run)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Number interface{ ~int | ~int64 | float64 }\n"
                 "type List[T any] struct{ items []T }\n"
                 "func (l *List[T]) Push(v T) { l.items = append(l.items, v) }\n"
                 "func (l *List[T]) Len() int { return len(l.items) }\n"
                 "type Pair[K comparable, V any] struct {\n\tk K\n\tv V\n}\n"
                 "func Sum[T Number](xs ...T) T {\n\tvar s T\n"
                 "\tfor _, x := range xs {\n\t\ts += x\n\t}\n\treturn s\n}\n"
                 "func Map[S ~[]E, E, R any](s S, f func(E) R) []R {\n"
                 "\tr := make([]R, 0, len(s))\n"
                 "\tfor _, x := range s {\n\t\tr = append(r, f(x))\n\t}\n"
                 "\treturn r\n}\n"
                 "type MyInt int\n"
                 "func main() {\n"
                 "\tvar l List[string]\n\tl.Push(\"a\")\n\tl.Push(\"b\")\n"
                 "\tp := Pair[string, int]{\"a\", 1}\n"
                 "\tfmt.Println(Sum(1, 2, 3), Sum[float64](1.5, 2), "
                 "Sum(MyInt(2), 3), l.Len(), l.items, p)\n"
                 "\tfmt.Printf(\"%T %T\\n\", l, p)\n"
                 "\tfmt.Println(Map([]int{1, 2}, func(i int) string { "
                 "return fmt.Sprint(i * 10) }))\n"
                 "}\n"),
              "6 3.5 5 2 [a b] {a 1}\nmain.List[string] "
              "main.Pair[string,int]\n[10 20]\n");
}
END_TEST

START_TEST(generic_errors)
{
    CHECK_ERR("func Map[T, U any](xs []T, f func(T) U) []U { return nil }\n"
              "var m = Map\nfunc main() {}\n",
              "3:9: cannot use generic function Map without instantiation");
    CHECK_ERR("type List[T any] struct{ v T }\nvar l List\n"
              "func main() {}\n",
              "3:7: cannot use generic type List[T any] without "
              "instantiation");
    CHECK_ERR("type Map[K comparable, V any] struct{}\nvar m Map[string]\n"
              "func main() {}\n",
              "3:7: not enough type arguments for type Map: have 1, want 2");
    CHECK_ERR("type MyInt int\ntype Number interface {\n\t~MyInt\n}\n"
              "func main() {}\n",
              "4:2: invalid use of ~ (underlying type of MyInt is int)");
    CHECK_ERR("func F[T int | string](x T) {}\nfunc main() {\n\tF(1.5)\n}\n",
              "4:3: float64 does not satisfy int | string (float64 missing in "
              "int | string)");
    CHECK_ERR("type List[T any] struct{}\n"
              "func (l *List[T, U]) Len() int { return 0 }\nfunc main() {}\n",
              "3:10: got 2 type parameters, but receiver base type declares 1");
    CHECK_ERR("func F[T any](x T) T { return x }\n"
              "func main() {\n\t_ = F[int, string](1)\n}\n",
              "4:13: got 2 type arguments but F has 1 type parameters");
    CHECK_ERR("func F[T any, U any](x T) U { var u U; return u }\n"
              "func main() {\n\t_ = F(1)\n}\n",
              "4:7: in call to F, cannot infer U (declared at t.go:2:15)");
    CHECK_ERR("func F[T comparable](x T) {}\nfunc main() {\n\tF([]int{})\n}\n",
              "4:3: []int does not satisfy comparable");
    CHECK_ERR("import \"fmt\"\nfunc F[T fmt.Stringer](x T) {}\n"
              "func main() {\n\tF(1)\n}\n",
              "5:3: int does not satisfy fmt.Stringer (missing method String)");
    CHECK_ERR("func F[T any](a, b T) bool { return a < b }\nfunc main() {}\n",
              "2:37: invalid operation: a < b (type parameter T is not "
              "comparable with <)");
}
END_TEST

START_TEST(method_expressions_and_struct_identity)
{
    /* (*T).Len with a value receiver, an interface's method expression,
     * a promoted method (Go's method3.go, mdempsky/14.go) */
    GO_EXPECT(GO("type T []int\nfunc (t T) Len() int { return len(t) }\n"
                 "type I interface{ Len() int }\n"
                 "type E struct{ T }\n"
                 "func main() {\n\tt := T{1, 2, 3}\n"
                 "\tprintln(T.Len(t), (*T).Len(&t), I.Len(t), E.Len(E{t}))\n"
                 "}\n"),
              "3 3 3 3\n");
    /* struct tags are part of a struct type's identity */
    GO_EXPECT(GO("var m = map[interface{}]int{\n\tstruct{ int }{}: 0,\n"
                 "\tstruct {\n\t\tint \"x\"\n\t}{}: 0,\n}\n"
                 "func main() { println(len(m)) }\n"),
              "2\n");
}
END_TEST

START_TEST(runtime_callers_stack_and_memstats)
{
    /* runtime.Caller names the method and its line; Callers and
     * CallersFrames walk up from main.main; Stack prints Go's header;
     * ReadMemStats gives plausible numbers; SetFinalizer's finalizer never
     * runs; an index error is a runtime.Error */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n\t\"strings\"\n)\n"
                 "type T struct{}\n"
                 "func (T) M() string {\n"
                 "\tpc, file, line, ok := runtime.Caller(0)\n"
                 "\treturn fmt.Sprint(runtime.FuncForPC(pc).Name(), \" \", "
                 "file, \" \", line, \" \", ok)\n}\n"
                 "func main() {\n\tfmt.Println(T{}.M())\n"
                 "\tpcs := make([]uintptr, 10)\n"
                 "\tn := runtime.Callers(1, pcs)\n"
                 "\tf, _ := runtime.CallersFrames(pcs[:n]).Next()\n"
                 "\tfmt.Println(f.Function, f.Line)\n"
                 "\tvar ms runtime.MemStats\n\truntime.ReadMemStats(&ms)\n"
                 "\tfmt.Println(ms.HeapAlloc > 0, runtime.NumCPU() >= 1, "
                 "runtime.GOMAXPROCS(0) >= 1)\n"
                 "\tx := new(int)\n"
                 "\truntime.SetFinalizer(x, func(*int) { println(\"never\") })\n"
                 "\truntime.GC()\n\truntime.KeepAlive(x)\n"
                 "\tbuf := make([]byte, 1000)\n"
                 "\tfmt.Printf(\"%q\\n\", strings.Split("
                 "string(buf[:runtime.Stack(buf, false)]), \"\\t\")[0])\n"
                 "\tdefer func() {\n"
                 "\t\tfmt.Println(recover().(runtime.Error).Error())\n\t}()\n"
                 "\tvar a []int\n\t_ = a[3]\n}\n"),
              "main.T.M t.go 9 true\nmain.main 15\ntrue true true\n"
              "\"goroutine 1 [running]:\\nmain.main()\\n\"\n"
              "runtime error: index out of range [3] with length 0\n");
}
END_TEST

START_TEST(slice_to_array_pointer_aliases)
{
    /* (*[N]T)(s) points into s's backing array: writes through it, its
     * slices and its methods show in s (Go's convert4.go, issue54467.go);
     * [N]T(s) is a copy (Go 1.20) */
    GO_EXPECT(GO("\n"
                 "import \"fmt\"\n"
                 "\n"
                 "type A [3]int\n"
                 "\n"
                 "func (a *A) Inc() { a[0]++ }\n"
                 "func (a A) Sum() int { return a[0] + a[1] + a[2] }\n"
                 "\n"
                 "func main() {\n"
                 "\ts := []int{1, 2, 3, 4, 5}\n"
                 "\tp := (*[3]int)(s[1:])\n"
                 "\tp[0] = 20\n"
                 "\t(*p)[1] = 30\n"
                 "\tfmt.Println(s, *p, p, len(p))\n"
                 "\tfor i, v := range p {\n"
                 "\t\tfmt.Print(i, v, \" \")\n"
                 "\t}\n"
                 "\tfmt.Println()\n"
                 "\tq := p[1:]\n"
                 "\tq[0] = 99\n"
                 "\tfmt.Println(s, cap(q))\n"
                 "\tpa := (*A)(s[2:])\n"
                 "\tpa.Inc()\n"
                 "\tfmt.Println(s, pa.Sum())\n"
                 "\t*pa = A{7, 8, 9}\n"
                 "\tfmt.Println(s)\n"
                 "\tarr := [2]int(s)\n"
                 "\tarr[0] = -1\n"
                 "\tfmt.Println(arr, s)\n"
                 "\tdefer func() { fmt.Println(recover()) }()\n"
                 "\t_ = (*[9]int)(s)\n"
                 "}\n"),
              "[1 20 30 4 5] [20 30 4] &[20 30 4] 3\n0 20 1 30 2 4 \n"
              "[1 20 99 4 5] 2\n[1 20 100 4 5] 109\n[1 20 7 8 9]\n"
              "[-1 20] [1 20 7 8 9]\nruntime error: cannot convert slice "
              "with length 5 to pointer to array with length 9\n");
}
END_TEST

START_TEST(print_builtins_as_go_runtime)
{
    /* print/println format as Go's runtime: floats as +d.dddddde+ddd,
     * nil pointers, channels, maps and funcs as 0x0, a slice as
     * [len/cap]addr, a nil interface as (0x0,0x0); print adds no spaces
     * (Go's goprint.go, bug409.go, issue6899.go) */
    GO_EXPECT(GO("import \"math\"\n"
                 "func main() {\n"
                 "\tvar e error\n"
                 "\tprintln(42, true, 1.5, \"s\", (chan int)(nil), []int(nil),"
                 " (map[string]int)(nil), (func())(nil), byte(255), e)\n"
                 "\tprintln(math.Copysign(0, -1), -42.0, 1e300, 0.1, "
                 "float32(2.5), math.Inf(1), math.NaN(), 123456789.0)\n"
                 "\tprint(1, 2, \"x\", 3.0, \"\\n\")\n"
                 "\tprintln(make([]int, 2, 5)[:0] != nil)\n"
                 "}\n"),
              "42 true +1.500000e+000 s 0x0 [0/0]0x0 0x0 0x0 255 (0x0,0x0)\n"
              "-0.000000e+000 -4.200000e+001 +1.000000e+300 +1.000000e-001 "
              "+2.500000e+000 +Inf NaN +1.234568e+008\n"
              "12x+3.000000e+000\ntrue\n");
}
END_TEST

START_TEST(type_switch_checks_method_signatures)
{
    /* a dynamic type implements an interface only if its methods have the
     * interface's signatures, not just its names (Go's typeswitch5.go) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type myint int\n"
                 "func (x myint) foo() int { return int(x) }\n"
                 "type myfloat float64\n"
                 "func (x myfloat) foo() float64 { return float64(x) }\n"
                 "func f[T any](i interface{}) {\n"
                 "\tswitch x := i.(type) {\n"
                 "\tcase interface{ foo() T }:\n"
                 "\t\tfmt.Println(\"fooer\", x.foo())\n"
                 "\tdefault:\n\t\tfmt.Println(\"other\")\n\t}\n}\n"
                 "func main() {\n"
                 "\tf[int](myint(6))\n\tf[int](myfloat(7))\n"
                 "\tf[float64](myint(8))\n\tf[float64](myfloat(9))\n"
                 "\t_, ok := any(myint(1)).(interface{ foo() float64 })\n"
                 "\t_, ok2 := any(myint(1)).(interface{ foo() int })\n"
                 "\tfmt.Println(ok, ok2)\n"
                 "}\n"),
              "fooer 6\nother\nother\nfooer 9\nfalse true\n");
}
END_TEST

START_TEST(method_sets_and_assignment_order_at_run_time)
{
    /* S embedding T (not *T) lacks T's pointer methods, S embedding *T has
     * them (interface/receiver.go); a local type is not the package's
     * type of the same name (issue26094.go); every target's operands are
     * evaluated before any is assigned (range.go, reorder.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"strings\"\n)\n"
                 "type T int\n"
                 "func (t *T) P() {}\n"
                 "type P interface{ P() }\n"
                 "type S struct{ T }\n"
                 "type SP struct{ *T }\n"
                 "type Deep struct{ SP }\n"
                 "type X struct{}\n"
                 "var g any\n"
                 "func local() {\n"
                 "\ttype X struct{}\n"
                 "\tdefer func() {\n"
                 "\t\tfmt.Println(strings.Contains(fmt.Sprint(recover()), "
                 "\"different scopes\"))\n\t}()\n"
                 "\t_ = g.(X)\n}\n"
                 "func fp() (*int, int) { return nil, 42 }\n"
                 "func main() {\n"
                 "\tvar s S\n\tvar sp SP\n\tvar d Deep\n"
                 "\t_, a := any(s).(P)\n\t_, b := any(&s).(P)\n"
                 "\t_, c := any(sp).(P)\n\t_, e := any(d).(P)\n"
                 "\tfmt.Println(a, b, c, e)\n"
                 "\tg = X{}\n\tlocal()\n"
                 "\tx := []int{10, 20}\n\ty := []int{99}\n\ti := 1\n"
                 "\tfor i, x[i] = range y {\n\t\tbreak\n\t}\n"
                 "\tfmt.Println(i, x)\n"
                 "\tj := 1\n\tj, x[j] = 0, 7\n\tfmt.Println(j, x)\n"
                 "\tp := new(int)\n\tq := p\n\tp, *p = fp()\n"
                 "\tfmt.Println(p == nil, *q)\n"
                 "}\n"),
              "false true true true\ntrue\n0 [10 99]\n0 [10 7]\ntrue 42\n");
}
END_TEST

START_TEST(assignment_gives_the_destination_type)
{
    /* an unnamed chan, func, map or slice value stored in a named type of
     * the same underlying type takes that type: its methods, %T and type
     * switches see it (Go's bug243.go, issue24488.go), and back */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type T chan int\n"
                 "func (T) Addr() string { return \"addr\" }\n"
                 "type Func func()\n"
                 "func (f Func) Foo() string { return \"foo\" }\n"
                 "type S []int\n"
                 "func (s S) Len() int { return len(s) }\n"
                 "var global T\n"
                 "func mk() (T, S) {\n"
                 "\tglobal = make(chan int)\n"
                 "\treturn global, []int{1, 2}\n}\n"
                 "func use(f Func) string { return fmt.Sprintf(\"%T\", f) }\n"
                 "func main() {\n"
                 "\tt, s := mk()\n"
                 "\tvar f Func = func() {}\n"
                 "\tf = f.Foo2\n"
                 "\tvar c chan int = t\n"
                 "\tvar x any = s\n"
                 "\t_, ok := x.(S)\n"
                 "\tfmt.Println(t.Addr(), f.Foo(), s.Len(), ok, use(func() {}))\n"
                 "\tfmt.Printf(\"%T %T %T\\n\", t, c, f)\n"
                 "}\n"
                 "func (f Func) Foo2() {}\n"),
              "addr foo 2 true main.Func\nmain.T chan int main.Func\n");
}
END_TEST

START_TEST(uncomparable_values_panic_where_go_panics)
{
    /* == on aggregates stops at the first differing field, so a slice
     * in a later field does not panic (issue8606.go); an unhashable map
     * key panics on lookup, store and delete (issue23734.go) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type S struct{ x, y any }\n"
                 "func try(f func()) (r any) {\n"
                 "\tdefer func() { r = recover() }()\n"
                 "\tf()\n\treturn nil\n}\n"
                 "func main() {\n"
                 "\tb := []byte{1}\n"
                 "\tvar a, c any = S{1, b}, S{2, b}\n"
                 "\tfmt.Println(try(func() { fmt.Println(a == c) }))\n"
                 "\ta, c = S{b, 1}, S{b, 2}\n"
                 "\tfmt.Println(try(func() { fmt.Println(a == c) }))\n"
                 "\tm := map[any]int{}\n"
                 "\tk := []int{}\n"
                 "\tfmt.Println(try(func() { _ = m[k] }))\n"
                 "\tfmt.Println(try(func() { m[k] = 1 }))\n"
                 "\tfmt.Println(try(func() { delete(m, k) }), len(m))\n"
                 "\ttype T struct{ c []int }\n"
                 "\tvar t any = T{}\n"
                 "\tfmt.Println(try(func() { m[t] = 1 }))\n"
                 "\tfmt.Println(try(func() { fmt.Println(t == t) }))\n"
                 "\tpair := func() (map[any]int, any) { return m, 1 }\n"
                 "\tm[1] = 1\n"
                 "\tdelete(pair())\n"
                 "\tdst := make([]byte, 2)\n"
                 "\tsrc := func() ([]byte, string) { return dst, \"xyz\" }\n"
                 "\tfmt.Println(len(m), copy(src()), string(dst))\n"
                 "}\n"),
              "false\n<nil>\n"
              "runtime error: comparing uncomparable type []uint8\n"
              "runtime error: hash of unhashable type []int\n"
              "runtime error: hash of unhashable type []int\n"
              "runtime error: hash of unhashable type []int 0\n"
              "runtime error: hash of unhashable type main.T\n"
              "runtime error: comparing uncomparable type main.T\n"
              "0 2 xy\n");
}
END_TEST

START_TEST(caller_in_a_deferred_call_run_by_a_panic)
{
    /* runtime.gopanic calls the deferred function, so Caller(2) is the
     * panicking call's line (Go's issue5856.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                 "func g() {\n"
                 "\tpc, _, _, _ := runtime.Caller(1)\n"
                 "\t_, _, line, _ := runtime.Caller(2)\n"
                 "\tfmt.Println(runtime.FuncForPC(pc).Name(), line)\n"
                 "\trecover()\n}\n"
                 "func f() {\n"
                 "\tdefer g()\n"
                 "\tpanic(\"x\")\n}\n"
                 "func main() { f() }\n"),
              "runtime.gopanic 14\n");
}
END_TEST

START_TEST(unwound_frames_stay_below_the_deferred_call)
{
    /* the function that panicked, without defers of its own, is still on
     * the stack the deferred call sees (Go's bug347.go, issue33724.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n"
                 "\t\"runtime/debug\"\n\t\"strings\"\n)\n"
                 "var p *int\n"
                 "func inner() int {\n"
                 "\treturn *p\n}\n"
                 "func main() {\n"
                 "\tdefer func() {\n"
                 "\t\trecover()\n"
                 "\t\tfor i := 0; ; i++ {\n"
                 "\t\t\tpc, _, line, ok := runtime.Caller(i)\n"
                 "\t\t\tif !ok {\n\t\t\t\tbreak\n\t\t\t}\n"
                 "\t\t\tfmt.Println(runtime.FuncForPC(pc).Name(), line)\n"
                 "\t\t\tif runtime.FuncForPC(pc).Name() == \"main.main\" {\n"
                 "\t\t\t\tbreak\n\t\t\t}\n"
                 "\t\t}\n"
                 "\t\tfmt.Println(strings.Contains(string(debug.Stack()), "
                 "\"main.inner\"))\n"
                 "\t}()\n"
                 "\tinner()\n}\n"),
              "main.main.func1 16\nruntime.gopanic 0\nmain.inner 10\n"
              "main.main 27\ntrue\n");
}
END_TEST

START_TEST(inference_through_core_and_underlying_types)
{
    /* S []E inferred from a type parameter T []E gives E by T's core
     * type (issue51303.go); a defined generic func type against a func
     * literal unifies by its underlying type (issue50264.go) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type ss[E comparable, T []E] []T\n"
                 "func (ss[E, T]) Equal(a, b T) bool { return SetEq(a, b) }\n"
                 "func SetEq[S []E, E comparable](x, y S) bool {\n"
                 "\treturn len(x) == len(y)\n}\n"
                 "type Func2[A1, A2, R any] func(a1 A1, a2 A2) R\n"
                 "func Apply[A1, A2, R any](fn Func2[A1, A2, R], a A1, b A2) R {\n"
                 "\treturn fn(a, b)\n}\n"
                 "func main() {\n"
                 "\tfmt.Println(ss[int, []int]{}.Equal([]int{1}, []int{2}))\n"
                 "\tfmt.Println(Apply(func(a int, b string) string {\n"
                 "\t\treturn fmt.Sprint(a, b)\n\t}, 1, \"x\"))\n"
                 "}\n"),
              "true\n1x\n");
}
END_TEST

START_TEST(shift_counts_and_blank_methods)
{
    /* an untyped constant shift count is a uint (1<<64 - 1 and 1+0i
     * count, shift3.go); methods named _ may repeat and are no methods
     * of the type (blank.go); a generic type whose underlying type
     * instantiates another with itself (typeparam/nested.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"math\"\n)\n"
                 "type T struct{ _, _ int }\n"
                 "type U[_ any] int\n"
                 "type X[A any] U[X[A]]\n"
                 "func (T) _() {}\n"
                 "func (T) _() {}\n"
                 "func main() {\n"
                 "\tvar x int = 1\n"
                 "\tconst M = math.MaxUint\n"
                 "\tfmt.Println(x<<(M+0), x<<(M+0.+0i), x<<((1+0i)<<x), x<<0i)\n"
                 "\tfmt.Println(T{} == T{})\n"
                 "\tfmt.Printf(\"%T\\n\", X[int](3))\n"
                 "}\n"),
              "0 0 4 1\ntrue\nmain.X[int]\n");
}
END_TEST

START_TEST(nointerface_methods_under_fieldtrack)
{
    /* //go:nointerface keeps a method out of interfaces, in Go's
     * fieldtrack experiment only (issue47928.go, mdempsky/15.go) */
    const char *src = GO("type T struct{ U }\n"
                         "type U struct{}\n"
                         "//go:nointerface\n"
                         "func (*U) Bad() {}\n"
                         "func main() {\n"
                         "\tvar i interface{} = new(T)\n"
                         "\t_, ok := i.(interface{ Bad() })\n"
                         "\tprintln(ok)\n"
                         "\tpanic(ok)\n"
                         "}\n");
    char *got = go_run(src);
    ck_assert_ptr_nonnull(strstr(got, "panic: true"));
    free(got);
    setenv("GOEXPERIMENT", "fieldtrack", 1);
    got = go_run(src);
    unsetenv("GOEXPERIMENT");
    ck_assert_ptr_nonnull(strstr(got, "panic: false"));
    free(got);
}
END_TEST

START_TEST(memstats_measure_the_reachable_heap)
{
    /* ReadMemStats' Alloc counts what is reachable, at gc's sizes: a
     * 1 MiB array while held, nothing once dropped, also when it came
     * through a channel (issue15277.go; issue15281.go, whose channel
     * range Go 1.19's loop variable, the conformance run checks) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                 "func inuse() int64 {\n"
                 "\tvar st runtime.MemStats\n"
                 "\truntime.ReadMemStats(&st)\n"
                 "\treturn int64(st.Alloc)\n}\n"
                 "type big [1 << 20]byte\n"
                 "func main() {\n"
                 "\tstart := inuse()\n"
                 "\tx := new(big)\n"
                 "\tfmt.Println(inuse()-start >= 1<<20)\n"
                 "\tx = nil\n"
                 "\tfmt.Println(inuse()-start < 1<<10, x == nil)\n"
                 "\tc := make(chan []int64, 1)\n"
                 "\tc <- make([]int64, 1<<10)\n"
                 "\tclose(c)\n"
                 "\ts := <-c\n"
                 "\tfmt.Println(inuse()-start >= 8<<10)\n"
                 "\ts = nil\n"
                 "\tfmt.Println(inuse()-start < 1<<10, s == nil)\n"
                 "}\n"),
              "true\ntrue true\ntrue\ntrue true\n");
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"syscall\"\n)\n"
                 "func main() { fmt.Println(syscall.Getpagesize()) }\n"),
              "4096\n");
}
END_TEST

START_TEST(method_values_have_the_method_type)
{
    /* x.M as a value has M's type without the receiver: %T prints it
     * and a type assertion to it holds (issue25897b.go's f) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type M int\n"
                 "func (m M) F() {}\n"
                 "func (m *M) G(c chan bool) int { return 1 }\n"
                 "type I interface{ F() }\n"
                 "func main() {\n"
                 "\tvar m M\n"
                 "\tvar i, j, k any = m.F, m.G, I(m).F\n"
                 "\t_, ok := i.(func())\n"
                 "\t_, ok2 := j.(func(chan bool) int)\n"
                 "\tfmt.Printf(\"%v %v %T %T %T\\n\", ok, ok2, i, j, k)\n"
                 "}\n"),
              "true true func() func(chan bool) int func()\n");
}
END_TEST

START_TEST(reflect_values_read_and_call)
{
    /* reflect.Value reads fields, elements and pointees, binds methods
     * by index (in name order) and name, calls functions; a struct
     * literal leaves a blank field zero (issue31546.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"reflect\"\n)\n"
                 "type M int\n"
                 "func (m M) B() string { return fmt.Sprint(\"B\", int(m)) }\n"
                 "func (m M) A(n int) int { return int(m) + n }\n"
                 "type S struct {\n\tX int8\n\t_ int\n\ty string\n\tZ []M\n}\n"
                 "func main() {\n"
                 "\ts := S{-3, 9, \"hi\", []M{4, 5}}\n"
                 "\tv := reflect.ValueOf(&s).Elem()\n"
                 "\tfmt.Println(v.Kind(), v.NumField(), v.Field(0).Int(), "
                 "v.Field(1).Int(), v.Field(2).String(), v.Field(2).CanInterface())\n"
                 "\tz := v.Field(3)\n"
                 "\tfmt.Println(z.Len(), z.Index(1).Interface(), z.Index(1).Type(), "
                 "z.Index(0).NumMethod(), v.CanSet())\n"
                 "\tb := z.Index(1).Method(1).Interface().(func() string)\n"
                 "\ta := z.Index(0).MethodByName(\"A\")\n"
                 "\tr := a.Call([]reflect.Value{reflect.ValueOf(10)})\n"
                 "\tm, _ := reflect.TypeOf(M(0)).MethodByName(\"B\")\n"
                 "\tfmt.Println(b(), r[0].Int(), m.Name, m.Type, "
                 "m.Func.Interface().(func(M) string)(7))\n"
                 "\tn := 3\n"
                 "\te := reflect.ValueOf(&n).Elem()\n"
                 "\te.SetInt(100)\n"
                 "\tfmt.Println(n, e.CanSet(), reflect.ValueOf(n).CanSet(), "
                 "v.Field(2).CanSet())\n"
                 "\tc := reflect.ValueOf(300).Convert(reflect.TypeOf(int8(0)))\n"
                 "\tfmt.Println(c.Int(), c.Type(), reflect.ValueOf(65)."
                 "Convert(reflect.TypeOf(\"\")), c, reflect.Value{})\n"
                 "}\n"),
              "struct 4 -3 0 hi false\n"
              "2 5 main.M 2 true\n"
              "B5 14 B func(main.M) string B7\n"
              "100 true false false\n"
              "44 int8 A 44 <invalid reflect.Value>\n");
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"reflect\"\n\t\"unsafe\"\n)\n"
                 "func main() {\n"
                 "\tt := reflect.TypeOf(unsafe.Pointer(nil))\n"
                 "\tfmt.Println(t.PkgPath(), t.Name())\n"
                 "}\n"),
              "unsafe Pointer\n");
    /* a generic type inside a generic function: one per instantiation
     * of the function (typeparam/nested.go; go/lib/generic_local_types.go) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func F[A any]() any {\n\ttype T[B any] struct{}\n"
                 "\treturn T[A]{}\n}\n"
                 "func main() { fmt.Printf(\"%T %v %v\\n\", F[int](), "
                 "F[int]() == F[int](), F[int]() == F[uint]()) }\n"),
              "main.T\xc2\xb7" "1[int;int] true false\n");
}
END_TEST

START_TEST(finalizers_run_after_a_collection)
{
    /* runtime.GC runs, in one new goroutine, the finalizers of objects
     * nothing reaches, in the order they were set; a reachable object's
     * and a cleared finalizer do not run (tinyfin.go, issue24491b.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                 "type T struct{ n int }\n"
                 "func main() {\n"
                 "\tdone := make(chan int, 10)\n"
                 "\tfor i := 0; i < 3; i++ {\n"
                 "\t\tt := &T{i}\n"
                 "\t\truntime.SetFinalizer(t, func(t *T) { done <- t.n })\n"
                 "\t\tif i == 1 {\n\t\t\truntime.SetFinalizer(t, nil)\n\t\t}\n"
                 "\t}\n"
                 "\tkeep := &T{9}\n"
                 "\truntime.SetFinalizer(keep, func(t *T) { done <- t.n })\n"
                 "\truntime.GC()\n"
                 "\tfmt.Println(<-done, <-done, len(done), keep.n)\n"
                 "}\n"),
              "0 2 0 9\n");
}
END_TEST

/* A register is dead after its last use: runtime.GC finalizes what only
 * dead registers hold (gc's stack maps), but never what a result holds
 * while a recovered panic runs the deferred calls (issue 27518). */
START_TEST(finalizers_run_after_the_last_use)
{
    GO_EXPECT(GO(
                 "import (\n"
                 "\t\"fmt\"\n"
                 "\t\"runtime\"\n"
                 ")\n"
                 "\n"
                 "type T struct {\n"
                 "\tn   int\n"
                 "\tpad [16]int // not tiny (gc may never finalize those)\n"
                 "}\n"
                 "\n"
                 "func use(t *T) int { return t.n }\n"
                 "\n"
                 "func g(t *T, done chan int) (r int) {\n"
                 "\truntime.GC()\n"
                 "\tselect {\n"
                 "\tcase n := <-done:\n"
                 "\t\treturn -n\n"
                 "\tdefault:\n"
                 "\t}\n"
                 "\tr = use(t)\n"
                 "\truntime.GC()\n"
                 "\treturn r + <-done*10\n"
                 "}\n"
                 "\n"
                 "func h(done chan int) (v *T) {\n"
                 "\tv = &T{n: 5}\n"
                 "\truntime.SetFinalizer(v, func(t *T) { done <- t.n })\n"
                 "\tdefer func() {\n"
                 "\t\trecover()\n"
                 "\t\truntime.GC()\n"
                 "\t\tselect {\n"
                 "\t\tcase <-done:\n"
                 "\t\t\tfmt.Println(\"early\")\n"
                 "\t\tdefault:\n"
                 "\t\t}\n"
                 "\t}()\n"
                 "\tvar p *int\n"
                 "\t*p = 0\n"
                 "\treturn\n"
                 "}\n"
                 "\n"
                 "func main() {\n"
                 "\tdone := make(chan int, 1)\n"
                 "\tt := &T{n: 7}\n"
                 "\truntime.SetFinalizer(t, func(t *T) { done <- t.n })\n"
                 "\tfmt.Println(g(t, done))\n"
                 "\tv := h(done)\n"
                 "\tfmt.Println(v.n)\n"
                 "\truntime.GC()\n"
                 "\tfmt.Println(<-done)\n"
                 "}\n"),
              "77\n5\n5\n");
}
END_TEST

START_TEST(func_for_pc_walks_a_function_s_code)
{
    /* reflect's Value.Pointer of a func is its entry, which FuncForPC
     * knows; FuncForPC gives one *Func per function, nil past its code;
     * after a final return no pc has the closing brace's line
     * (inline_literal.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"reflect\"\n\t\"runtime\"\n)\n"
                 "func foo() int {\n"
                 "\tx := 1\n"
                 "\treturn x + 1\n"
                 "}\n"
                 "func main() {\n"
                 "\tpc := reflect.ValueOf(foo).Pointer()\n"
                 "\tf := runtime.FuncForPC(pc)\n"
                 "\tn, bad := 0, 0\n"
                 "\tfor ; runtime.FuncForPC(pc) == f && n < 100000; pc++ {\n"
                 "\t\tif _, line := f.FileLine(pc); line != 0 && (line < 7 || line > 9) {\n"
                 "\t\t\tbad++\n"
                 "\t\t}\n"
                 "\t\tn++\n"
                 "\t}\n"
                 "\tfmt.Println(f.Name(), f.Entry() == reflect.ValueOf(foo).Pointer(), n > 0 && n < 100, bad)\n"
                 "}\n"),
              "main.foo true true 0\n");
}
END_TEST

START_TEST(finalizers_run_in_dependency_order_one_batch_after_another)
{
    char *got;
    /* A points at B, both with finalizers: a collection runs A's only;
     * B's runs at a collection after A is gone (Go's mallocfin.go) */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                 "type B struct{ n int }\n"
                 "type A struct{ b *B }\n"
                 "func main() {\n"
                 "\tdone := make(chan string, 4)\n"
                 "\ta := &A{&B{1}}\n"
                 "\truntime.SetFinalizer(a.b, func(*B) { done <- \"B\" })\n"
                 "\truntime.SetFinalizer(a, func(*A) { done <- \"A\" })\n"
                 "\ta = nil\n"
                 "\truntime.GC()\n"
                 "\tfmt.Print(<-done, len(done))\n"
                 "\truntime.GC()\n"
                 "\tfmt.Println(<-done, len(done))\n"
                 "}\n"),
              "A0B 0\n");
    /* the finalizers of two collections run one after the other, as on
     * Go's one finalizer goroutine, in every interleaving */
    got = go_outcomes(GO("import (\n\t\"fmt\"\n\t\"runtime\"\n)\n"
                         "type T struct{ n int }\n"
                         "func main() {\n"
                         "\tdone := make(chan int, 2)\n"
                         "\tx := &T{1}\n"
                         "\truntime.SetFinalizer(x, func(t *T) { done <- t.n })\n"
                         "\tx = nil\n"
                         "\truntime.GC()\n"
                         "\ty := &T{2}\n"
                         "\truntime.SetFinalizer(y, func(t *T) { done <- t.n })\n"
                         "\ty = nil\n"
                         "\truntime.GC()\n"
                         "\tfmt.Println(<-done, <-done)\n"
                         "}\n"));
    ck_assert_str_eq(got, "1 2|\n");
    free(got);
}
END_TEST

/* The errors of a program, as weft prints them: "L:C: msg" a line, the
 * first from d, the others from d.more. */
static char *all_errors(const char *src)
{
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    buf b;
    char *r;
    memset(&vo, 0, sizeof vo);
    buf_init(&b);
    if (vm_compile("t.go", (const unsigned char *)src, strlen(src), &vo, &p,
                   &d) != WF_OK) {
        buf_printf(&b, "%d:%d: %s\n", d.line, d.col, d.msg);
        for (const char *l = d.more; *l;) {
            size_t n = strcspn(l, "\n");
            /* "t.go:" and "error: " off, as d's */
            const char *c = strncmp(l, "t.go:", 5) ? l : l + 5;
            const char *e = strstr(c, ": error: ");
            if (e && e < l + n)
                buf_printf(&b, "%.*s: %.*s\n", (int)(e - c), c,
                           (int)(l + n - (e + 9)), e + 9);
            else
                buf_printf(&b, "%.*s\n", (int)(l + n - c), c);
            l += n + (l[n] == '\n');
        }
    }
    vm_program_free(p);
    r = wf_xstrdup(b.p ? b.p : "");
    buf_fini(&b);
    return r;
}

START_TEST(errors_go_on_after_the_first_as_go_types_does)
{
    char *got;
    /* three independent errors, in two functions: each at its place, in
     * source order (as go build prints them) though found main first */
    got = all_errors(GO("import \"fmt\"\n"
                        "func main() {\n"
                        "\tx := \"a\" + 2\n"
                        "\tfmt.Println(x)\n"
                        "\tvar n int = \"b\"\n"
                        "\tfmt.Println(n)\n"
                        "}\n"
                        "func f() int {\n"
                        "\tvar s string = 1\n"
                        "\treturn len(s)\n"
                        "}\n"));
    ck_assert_str_eq(got,
                     "4:7: invalid operation: \"a\" + 2 (mismatched types "
                     "untyped string and untyped int)\n"
                     "6:14: cannot use \"b\" (untyped string constant) as "
                     "int value in variable declaration\n"
                     "10:17: cannot use 1 (untyped int constant) as string "
                     "value in variable declaration\n");
    free(got);
    /* errors in package-level declarations, each (issue20227.go: a
     * complex divisor whose square underflows to 0 is a division by
     * zero, as in types2; it crashed weft), and what uses a declaration
     * with an error says nothing more */
    got = all_errors(GO("var _ = 1 / 1e-600000000i\n"
                        "var a int = \"x\"\n"
                        "var b = a + 1\n"
                        "var _ = 1i / (1e-600000000 + 1e-600000000i)\n"
                        "func main() {}\n"));
    ck_assert_str_eq(got, "2:13: invalid operation: division by zero\n"
                          "3:13: cannot use \"x\" (untyped string constant) "
                          "as int value in variable declaration\n"
                          "5:14: invalid operation: division by zero\n");
    free(got);
    /* an error in an initializer an implicit constant spec repeats is
     * at the constant's name, each (types2's errpos; issue8183.go) */
    got = all_errors(GO("const (\n"
                        "\tc = len([1 - iota]int{})\n"
                        "\td\n"
                        "\te\n"
                        "\tf\n"
                        ")\n"
                        "func main() {}\n"));
    ck_assert_str_eq(got, "5:2: invalid array length 1 - iota (untyped int "
                          "constant -1)\n"
                          "6:2: invalid array length 1 - iota (untyped int "
                          "constant -2)\n");
    free(got);
    /* an error in a package-level declaration is the last before the
     * bodies: what uses the declaration could say more */
    got = all_errors(GO("func g() int {\n"
                        "\tx := undefinedFunc\n"
                        "\tvar n int = \"b\"\n"
                        "\ty := x + n\n"
                        "\tz := y.Field.Call(x)\n"
                        "\tvar unused int\n"
                        "\t_ = n + \"c\"\n"
                        "}\n"
                        "var undefinedFunc = 1 << 70\n"
                        "func main() { g() }\n"));
    ck_assert_str_eq(got,
                     "10:21: cannot use 1 << 70 (untyped int constant "
                     "1180591620717411303424) as int value in variable "
                     "declaration (overflows)\n");
    free(got);
    /* what an invalid operand reaches says nothing more: x's type is
     * invalid, so y := x + n and z's call are silent, and no "declared
     * and not used" follows an error in the function (Go's would say
     * "unused" is: a use in an abandoned statement could have gone
     * unseen, so weft says less, never more); n keeps its
     * declared type: n + "c" is reported */
    got = all_errors(GO("func main() {\n"
                        "\tx := 1 + \"a\"\n"
                        "\tvar n int = \"b\"\n"
                        "\ty := x + n\n"
                        "\tz := y.f(x)\n"
                        "\tvar unused int\n"
                        "\t_ = n + \"c\"\n"
                        "\t_ = z\n"
                        "}\n"));
    ck_assert_str_eq(got,
                     "3:7: invalid operation: 1 + \"a\" (mismatched types "
                     "untyped int and untyped string)\n"
                     "4:14: cannot use \"b\" (untyped string constant) as "
                     "int value in variable declaration\n"
                     "8:6: invalid operation: n + \"c\" (mismatched types "
                     "int and untyped string)\n");
    free(got);
    /* without an error, every unused variable, in source order */
    got = all_errors(GO("func main() {\n"
                        "\tvar b int\n"
                        "\tfunc() { var c int }()\n"
                        "\tvar a int\n"
                        "}\n"));
    ck_assert_str_eq(got, "3:6: declared and not used: b\n"
                          "4:15: declared and not used: c\n"
                          "5:6: declared and not used: a\n");
    free(got);
}
END_TEST

START_TEST(ten_errors_then_too_many_as_go_build)
{
    buf src;
    char *got, *want;
    buf b;
    buf_init(&src);
    buf_init(&b);
    buf_printf(&src, "package main\nfunc main() {\n");
    for (int i = 0; i < 12; i++) {
        buf_printf(&src, "\tvar v%d int = \"s\"\n\t_ = v%d\n", i, i);
        if (i < 10)
            buf_printf(&b,
                       "%d:15: cannot use \"s\" (untyped string constant) as "
                       "int value in variable declaration\n",
                       3 + 2 * i);
    }
    buf_printf(&src, "}\n");
    buf_printf(&b, "21:15: too many errors\n");
    got = all_errors(src.p);
    want = b.p;
    ck_assert_str_eq(got, want);
    free(got);
    buf_fini(&src);
    buf_fini(&b);
}
END_TEST

Suite *check_suite(void)
{
    Suite *s = suite_create("check");
    TCase *tc = tcase_create("constants");
    tcase_add_test(tc, integers_are_exact_beyond_64_bits);
    tcase_add_test(tc, floats_are_rationals_rounded_correctly);
    tcase_add_test(tc, huge_float_constants_keep_their_exponent);
    tcase_add_test(tc, untyped_constants_take_their_context);
    tcase_add_test(tc, shift_counts_and_blank_methods);
    tcase_add_test(tc, nointerface_methods_under_fieldtrack);
    tcase_add_test(tc, memstats_measure_the_reachable_heap);
    tcase_add_test(tc, method_values_have_the_method_type);
    tcase_add_test(tc, reflect_values_read_and_call);
    tcase_add_test(tc, finalizers_run_after_a_collection);
    tcase_add_test(tc, finalizers_run_after_the_last_use);
    tcase_add_test(tc, func_for_pc_walks_a_function_s_code);
    tcase_add_test(tc, finalizers_run_in_dependency_order_one_batch_after_another);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, operators_and_operands);
    tcase_add_test(tc, assignability_and_method_sets);
    tcase_add_test(tc, calls_returns_and_builtins);
    tcase_add_test(tc, declarations_and_statements);
    tcase_add_test(tc, declarations_that_declare_hundreds_of_others);
    tcase_add_test(tc, composite_literals_beyond_65535_elements);
    tcase_add_test(tc, make_bounds_are_go_s_and_weft_s_own);
    suite_add_tcase(s, tc);
    tc = tcase_create("generics");
    tcase_add_test(tc, generic_functions_and_types_run);
    tcase_add_test(tc, generic_errors);
    tcase_add_test(tc, method_expressions_and_struct_identity);
    suite_add_tcase(s, tc);
    tc = tcase_create("runtime");
    tcase_add_test(tc, runtime_callers_stack_and_memstats);
    tcase_add_test(tc, slice_to_array_pointer_aliases);
    tcase_add_test(tc, print_builtins_as_go_runtime);
    tcase_add_test(tc, type_switch_checks_method_signatures);
    tcase_add_test(tc, method_sets_and_assignment_order_at_run_time);
    tcase_add_test(tc, assignment_gives_the_destination_type);
    tcase_add_test(tc, uncomparable_values_panic_where_go_panics);
    tcase_add_test(tc, caller_in_a_deferred_call_run_by_a_panic);
    tcase_add_test(tc, unwound_frames_stay_below_the_deferred_call);
    tcase_add_test(tc, inference_through_core_and_underlying_types);
    tcase_add_test(tc, errors_go_on_after_the_first_as_go_types_does);
    tcase_add_test(tc, ten_errors_then_too_many_as_go_build);
    suite_add_tcase(s, tc);
    return s;
}

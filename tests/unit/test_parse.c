/* test_parse.c: the parser: every declaration, statement and expression
 * form printed as an S-expression, the composite-literal/block ambiguity,
 * unsupported features, errors with exact positions, depth limits, and
 * realistic programs under tests/unit/go/. */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/lang/parse.h"
#include "sim/util.h"

/* ---- helpers ----------------------------------------------------------- */

/* The printed file (without its package line), or "ERR l:c: msg". */
static char *run(const char *src, size_t len, int flags)
{
    ast_file *f = NULL;
    wf_diag d;
    buf b;
    buf_init(&b);
    if (parse_file("t.go", (const unsigned char *)src, len, &f, &d) != WF_OK) {
        ck_assert(f == NULL);
        buf_printf(&b, "ERR %d:%d: %s", d.line, d.col, d.msg);
        ck_assert_str_eq(d.file, "t.go");
        return b.p;
    }
    ast_print_file(&b, f, flags);
    ast_file_free(f);
    {
        char *nl = strchr(b.p, '\n');
        char *r = wf_xstrdup(nl + 1);
        size_t n = strlen(r);
        if (n && r[n - 1] == '\n') r[n - 1] = 0;
        buf_fini(&b);
        return r;
    }
}

static char *file_(const char *src)
{
    return run(src, strlen(src), 0);
}

/* Statements in a function body; returns the printed (block ...). */
static char *stmts_(const char *body, int flags)
{
    buf src;
    char *r, *p;
    buf_init(&src);
    buf_printf(&src, "package p\nfunc f() {\n%s\n}\n", body);
    r = run(src.p, src.len, flags);
    buf_fini(&src);
    if (strncmp(r, "ERR", 3) == 0) return r;
    p = strstr(r, "(block");
    ck_assert(p != NULL);
    memmove(r, p, strlen(p) + 1);
    r[strlen(r) - 1] = 0; /* the func's ")" */
    return r;
}

/* One expression: the printed value of "var _ = EXPR". */
static char *expr_(const char *e)
{
    buf src;
    char *r;
    const char *pre = "(var (valuespec (_) - (";
    buf_init(&src);
    buf_printf(&src, "package p\nvar _ = %s\n", e);
    r = run(src.p, src.len, 0);
    buf_fini(&src);
    if (strncmp(r, "ERR", 3) == 0) return r;
    ck_assert_msg(strncmp(r, pre, strlen(pre)) == 0, "%s", r);
    memmove(r, r + strlen(pre), strlen(r + strlen(pre)) + 1);
    r[strlen(r) - 3] = 0;
    return r;
}

#define EQ(got, want)                                                          \
    do {                                                                       \
        char *got_ = (got);                                                    \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)
#define FILE_EQ(src, want)  EQ(file_(src), want)
#define STMTS_EQ(src, want) EQ(stmts_(src, 0), want)
#define EXPR_EQ(src, want)  EQ(expr_(src), want)

/* ---- declarations ------------------------------------------------------ */

START_TEST(package_and_imports)
{
    ast_file *f;
    wf_diag d;
    const char *src =
        "// expect: ok\npackage main\n\nimport \"fmt\"\n"
        "import (\n\tf \"fmt\"\n\t. \"strings\"\n\t_ \"sync\"\n)\n";
    FILE_EQ(src, "(import (importspec - \"fmt\"))\n"
                 "(import (importspec f \"fmt\") (importspec . \"strings\") "
                 "(importspec _ \"sync\"))");
    ck_assert_int_eq(
        parse_file("t.go", (const unsigned char *)src, strlen(src), &f, &d),
        WF_OK);
    ck_assert_str_eq(f->pkg->u.ident.name, "main");
    ck_assert_uint_eq(f->imports.n, 4);
    ck_assert_str_eq(
        (const char *)f->imports.v[2]->u.import.path->u.string_lit.bytes,
        "strings");
    ck_assert_uint_eq(f->nleading, 1);
    ck_assert_str_eq(f->leading[0].text, " expect: ok");
    ck_assert_str_eq(f->path, "t.go");
    ast_file_free(f);
}
END_TEST

START_TEST(const_groups_repeat_the_previous_spec_with_iota)
{
    FILE_EQ("package p\nconst (\n\tA = iota\n\tB\n\t_\n\tC, D int = iota * 2, "
            "iota\n\tE, F\n)\nconst X = 1\nconst Y, Z = 2, \"z\"",
            "(const (valuespec iota=0 (A) - (iota)) (valuespec iota=1 "
            "implicit (B) - (iota)) (valuespec iota=2 implicit (_) - (iota)) "
            "(valuespec iota=3 (C D) int ((* iota 2) iota)) (valuespec iota=4 "
            "implicit (E F) int ((* iota 2) iota)))\n"
            "(const (valuespec iota=0 (X) - (1)))\n"
            "(const (valuespec iota=0 (Y Z) - (2 \"z\")))");
    /* implicit specs share the previous spec's nodes */
    {
        ast_file *f;
        const char *src = "package p\nconst (\n\tA = 1 << iota\n\tB\n)";
        ast_node *a, *b;
        ck_assert_int_eq(parse_file("t.go", (const unsigned char *)src,
                                    strlen(src), &f, NULL),
                         WF_OK);
        a = f->decls.v[0]->u.gen_decl.specs.v[0];
        b = f->decls.v[0]->u.gen_decl.specs.v[1];
        ck_assert(b->u.value_spec.values.v[0] == a->u.value_spec.values.v[0]);
        ck_assert_int_eq(b->u.value_spec.iota, 1);
        ck_assert(f->decls.v[0]->u.gen_decl.grouped);
        ast_file_free(f);
    }
}
END_TEST

START_TEST(var_declarations)
{
    FILE_EQ("package p\nvar x int\nvar y = 1\nvar a, b string = \"a\", \"b\"\n"
            "var (\n\tm map[string]int\n\tc = make(chan int, 1)\n)",
            "(var (valuespec (x) int ()))\n"
            "(var (valuespec (y) - (1)))\n"
            "(var (valuespec (a b) string (\"a\" \"b\")))\n"
            "(var (valuespec (m) (map string int) ()) (valuespec (c) - ((call "
            "make (chan int) 1))))");
}
END_TEST

START_TEST(type_declarations_of_every_kind)
{
    FILE_EQ("package p\n"
            "type A = B\n"
            "type Celsius float64\n"
            "type IntSlice []int\n"
            "type Grid [3][4]int\n"
            "type N [2 * K]int\n"
            "type Set map[string]struct{}\n"
            "type Pipe chan<- int\n"
            "type Src <-chan int\n"
            "type Both chan (<-chan int)\n"
            "type Fn func(int, string) (bool, error)\n"
            "type Handler func(w Writer, r *Request)\n",
            "(type (typespec A = B))\n"
            "(type (typespec Celsius float64))\n"
            "(type (typespec IntSlice (slicetype int)))\n"
            "(type (typespec Grid (array 3 (array 4 int))))\n"
            "(type (typespec N (array (* 2 K) int)))\n"
            "(type (typespec Set (map string (struct))))\n"
            "(type (typespec Pipe (chan<- int)))\n"
            "(type (typespec Src (<-chan int)))\n"
            "(type (typespec Both (chan (<-chan int))))\n"
            "(type (typespec Fn (functype (params (field - int) (field - "
            "string)) (results (field - bool) (field - error)))))\n"
            "(type (typespec Handler (functype (params (field (w) Writer) "
            "(field (r) (star Request))) (results))))");
    FILE_EQ("package p\ntype (\n\tS struct {\n\t\tsync.Mutex\n\t\t*Base\n\t\t"
            "io.Reader `json:\"r\"`\n\t\ta, b int\n\t\tname string "
            "\"n\"\n\t\tnext *S\n\t\tbuf [8]byte\n\t\tf func() int\n\t}\n\t"
            "E struct{}\n)",
            "(type (typespec S (struct (field - (sel sync Mutex)) (field - "
            "(star Base)) (field - (sel io Reader) \"json:\\\"r\\\"\") (field "
            "(a b) int) (field (name) string \"n\") (field (next) (star S)) "
            "(field (buf) (array 8 byte)) (field (f) (functype (params) "
            "(results (field - int)))))) (typespec E (struct)))");
    FILE_EQ("package p\ntype I interface {\n\tLock()\n\tUnlock()\n\tsync.Locker"
            "\n\tfmt.Stringer\n\tRead(p []byte) (n int, err error)\n}\n"
            "type Empty interface{}",
            "(type (typespec I (interface (field (Lock) (functype (params) "
            "(results))) (field (Unlock) (functype (params) (results))) (field "
            "- (sel sync Locker)) (field - (sel fmt Stringer)) (field (Read) "
            "(functype (params (field (p) (slicetype byte))) (results (field "
            "(n) int) (field (err) error)))))))\n"
            "(type (typespec Empty (interface)))");
}
END_TEST

START_TEST(function_and_method_declarations)
{
    FILE_EQ("package p\n"
            "func f() {}\n"
            "func g(a, b int, s ...string) (n int, err error) { return }\n"
            "func h(int, *T, ...any) error { return nil }\n"
            "func (c *Counter) Inc() { c.n++ }\n"
            "func (Celsius) String() string { return \"\" }\n"
            "func (s S) Pair() (int, int) { return 1, 2 }\n"
            "func k(f func(int) bool, ch <-chan int) func() int { return nil }",
            "(func - f (functype (params) (results)) (block))\n"
            "(func - g (functype (params (field (a b) int) (field (s) (... "
            "string))) (results (field (n) int) (field (err) error))) (block "
            "(return)))\n"
            "(func - h (functype (params (field - int) (field - (star T)) "
            "(field - (... any))) (results (field - error))) (block (return "
            "nil)))\n"
            "(func (field (c) (star Counter)) Inc (functype (params) "
            "(results)) (block (++ (sel c n))))\n"
            "(func (field - Celsius) String (functype (params) (results "
            "(field - string))) (block (return \"\")))\n"
            "(func (field (s) S) Pair (functype (params) (results (field - "
            "int) (field - int))) (block (return 1 2)))\n"
            "(func - k (functype (params (field (f) (functype (params (field "
            "- int)) (results (field - bool)))) (field (ch) (<-chan int))) "
            "(results (field - (functype (params) (results (field - "
            "int)))))) (block (return nil)))");
    /* parameters named like types, arrays and qualified types */
    FILE_EQ("package p\nfunc f(a [2]int, b []T, c pkg.T, d map[K]V) {}",
            "(func - f (functype (params (field (a) (array 2 int)) (field (b) "
            "(slicetype T)) (field (c) (sel pkg T)) (field (d) (map K V))) "
            "(results)) (block))");
    FILE_EQ("package p\nfunc f(a, b, c) {}",
            "(func - f (functype (params (field - a) (field - b) (field - c)) "
            "(results)) (block))");
}
END_TEST

START_TEST(identifier_names_are_interned)
{
    ast_file *f;
    const char *src = "package p\nvar x = x + y\nfunc x(y int) {}";
    const ast_node *spec, *sum, *fn;
    ck_assert_int_eq(
        parse_file("t.go", (const unsigned char *)src, strlen(src), &f, NULL),
        WF_OK);
    spec = f->decls.v[0]->u.gen_decl.specs.v[0];
    sum = spec->u.value_spec.values.v[0];
    fn = f->decls.v[1];
    ck_assert_ptr_eq(spec->u.value_spec.names.v[0]->u.ident.name,
                     sum->u.binary.x->u.ident.name);
    ck_assert_ptr_eq(sum->u.binary.x->u.ident.name,
                     fn->u.func_decl.name->u.ident.name);
    ck_assert_ptr_eq(sum->u.binary.y->u.ident.name,
                     fn->u.func_decl.type->u.func_type.params.v[0]
                         ->u.field.names.v[0]
                         ->u.ident.name);
    ck_assert_ptr_ne(sum->u.binary.x->u.ident.name,
                     sum->u.binary.y->u.ident.name);
    ast_file_free(f);
}
END_TEST

/* ---- expressions ------------------------------------------------------- */

START_TEST(operator_precedence_and_unary_operators)
{
    EXPR_EQ("a + b*c", "(+ a (* b c))");
    EXPR_EQ("a*b + c", "(+ (* a b) c)");
    EXPR_EQ("a - b - c", "(- (- a b) c)");
    EXPR_EQ("a || b && c", "(|| a (&& b c))");
    EXPR_EQ("a == b || c < d && e != f", "(|| (== a b) (&& (< c d) (!= e f)))");
    EXPR_EQ("x<<1 | y&^z", "(| (<< x 1) (&^ y z))");
    EXPR_EQ("-x * +y", "(* (- x) (+ y))");
    EXPR_EQ("!ok && ^m > 0", "(&& (! ok) (> (^ m) 0))");
    EXPR_EQ("<-ch + 1", "(+ (<- ch) 1)");
    EXPR_EQ("<-<-chs", "(<- (<- chs))");
    EXPR_EQ("*p.x", "(star (sel p x))");
    EXPR_EQ("&T{1}", "(& (lit T 1))");
    EXPR_EQ("&(x)", "(& x)");
    EXPR_EQ("(a + b) * c", "(* (paren (+ a b)) c)");
    EXPR_EQ("a % b / c >> 2", "(>> (/ (% a b) c) 2)");
}
END_TEST

START_TEST(basic_literals_print_their_values)
{
    EXPR_EQ("0x1F", "31");
    EXPR_EQ("1_000", "1000");
    EXPR_EQ("0o17", "15");
    EXPR_EQ("0b11", "3");
    EXPR_EQ("18446744073709551616", "(int-overflow 18446744073709551616)");
    EXPR_EQ("1.5e3", "(float 1500)");
    EXPR_EQ("0x1p-2", "(float 0.25)");
    EXPR_EQ("'\\n'", "(rune 10)");
    EXPR_EQ("'é'", "(rune 233)");
    EXPR_EQ("\"a\\x00\\\"b\\n\"", "\"a\\x00\\\"b\\n\"");
    EXPR_EQ("`raw\\n`", "\"raw\\\\n\"");
    {
        ast_file *f;
        const char *src = "package p\nvar s = \"a\\x00b\"";
        const ast_node *v;
        ck_assert_int_eq(parse_file("t.go", (const unsigned char *)src,
                                    strlen(src), &f, NULL),
                         WF_OK);
        v = f->decls.v[0]->u.gen_decl.specs.v[0]->u.value_spec.values.v[0];
        ck_assert_int_eq(v->kind, AST_STRING_LIT);
        ck_assert_uint_eq(v->u.string_lit.len, 3);
        ck_assert(memcmp(v->u.string_lit.bytes, "a\0b", 3) == 0);
        ast_file_free(f);
    }
}
END_TEST

START_TEST(composite_literals_with_keys_and_elided_types)
{
    EXPR_EQ("T{}", "(lit T)");
    EXPR_EQ("pkg.T{A: 1, B: \"x\",}",
            "(lit (sel pkg T) (kv A 1) (kv B \"x\"))");
    EXPR_EQ("[]int{1, 2, 3}", "(lit (slicetype int) 1 2 3)");
    EXPR_EQ("[...]string{2: \"c\", 0: \"a\"}",
            "(lit (array ... string) (kv 2 \"c\") (kv 0 \"a\"))");
    EXPR_EQ("[][]int{{1}, {2, 3}, nil}",
            "(lit (slicetype (slicetype int)) (lit - 1) (lit - 2 3) nil)");
    EXPR_EQ("map[string]Point{\"o\": {0, 0}, \"x\": {X: 1}}",
            "(lit (map string Point) (kv \"o\" (lit - 0 0)) (kv \"x\" (lit - "
            "(kv X 1))))");
    EXPR_EQ("map[Point]string{{1, 2}: \"a\"}",
            "(lit (map Point string) (kv (lit - 1 2) \"a\"))");
    EXPR_EQ("[]*T{{}, &T{}}", "(lit (slicetype (star T)) (lit -) (& (lit T)))");
    EXPR_EQ("struct{}{}", "(lit (struct))");
    EXPR_EQ("struct{ x, y int }{1, 2}", "(lit (struct (field (x y) int)) 1 2)");
    EXPR_EQ("[2][2]int{{1, 2}, {3, 4}}",
            "(lit (array 2 (array 2 int)) (lit - 1 2) (lit - 3 4))");
}
END_TEST

START_TEST(primary_expressions)
{
    EXPR_EQ("a.b.c", "(sel (sel a b) c)");
    EXPR_EQ("m[k]", "(index m k)");
    EXPR_EQ("s[1:]", "(slice s 1 -)");
    EXPR_EQ("s[:n]", "(slice s - n)");
    EXPR_EQ("s[:]", "(slice s - -)");
    EXPR_EQ("s[i:j:k]", "(slice3 s i j k)");
    EXPR_EQ("s[:j:k]", "(slice3 s - j k)");
    EXPR_EQ("x.(int)", "(assert x int)");
    EXPR_EQ("x.(*T)", "(assert x (star T))");
    EXPR_EQ("x.(interface{ M() })",
            "(assert x (interface (field (M) (functype (params) (results)))))");
    EXPR_EQ("f()", "(call f)");
    EXPR_EQ("f(a, b,)", "(call f a b)");
    EXPR_EQ("append(xs, ys...)", "(call... append xs ys)");
    EXPR_EQ("f(g(x))(y)", "(call (call f (call g x)) y)");
    EXPR_EQ("a[i].f(x).g", "(sel (call (sel (index a i) f) x) g)");
}
END_TEST

START_TEST(conversions_and_method_expressions_parse_as_calls)
{
    EXPR_EQ("[]byte(s)", "(call (slicetype byte) s)");
    EXPR_EQ("string(b)", "(call string b)");
    EXPR_EQ("float64(n) / 2", "(/ (call float64 n) 2)");
    EXPR_EQ("(*T)(p)", "(call (paren (star T)) p)");
    EXPR_EQ("(*T).Method", "(sel (paren (star T)) Method)");
    EXPR_EQ("T.Method", "(sel T Method)");
    EXPR_EQ("map[string]int(nil)", "(call (map string int) nil)");
    EXPR_EQ("chan int(nil)", "(call (chan int) nil)");
    EXPR_EQ("func(int) bool(nil)",
            "(call (functype (params (field - int)) (results (field - bool))) "
            "nil)");
    EXPR_EQ("interface{}(x)", "(call (interface) x)");
    EXPR_EQ("time.Duration(n) * time.Millisecond",
            "(* (call (sel time Duration) n) (sel time Millisecond))");
}
END_TEST

START_TEST(channel_types_in_every_direction)
{
    EXPR_EQ("make(chan int)", "(call make (chan int))");
    EXPR_EQ("make(chan<- int, 1)", "(call make (chan<- int) 1)");
    EXPR_EQ("make(<-chan int)", "(call make (<-chan int))");
    EXPR_EQ("make(chan chan int)", "(call make (chan (chan int)))");
    EXPR_EQ("make(chan<- chan int)", "(call make (chan<- (chan int)))");
    EXPR_EQ("make(chan (<-chan int))", "(call make (chan (<-chan int)))");
    EXPR_EQ("make(<-chan <-chan int)", "(call make (<-chan (<-chan int)))");
    EXPR_EQ("make(chan<- <-chan int)", "(call make (chan<- (<-chan int)))");
    /* a receive of a conversion, not a channel type */
    EXPR_EQ("<-chan int(ch)", "(<- (call (chan int) ch))");
    EXPR_EQ("make(chan struct{})", "(call make (chan (struct)))");
    EXPR_EQ("make(chan func() int)",
            "(call make (chan (functype (params) (results (field - int)))))");
}
END_TEST

START_TEST(function_literals)
{
    EXPR_EQ("func() {}", "(funclit (functype (params) (results)) (block))");
    EXPR_EQ("func(x int) int { return x * 2 }(21)",
            "(call (funclit (functype (params (field (x) int)) (results "
            "(field - int))) (block (return (* x 2)))) 21)");
    EXPR_EQ("func(a, b int) (int, error) { return a + b, nil }",
            "(funclit (functype (params (field (a b) int)) (results (field - "
            "int) (field - error))) (block (return (+ a b) nil)))");
}
END_TEST

/* ---- statements -------------------------------------------------------- */

START_TEST(simple_statements)
{
    STMTS_EQ("x := 1\ny = 2\na, b = b, a\nx += 3\nx &^= m\nx <<= 1\ni++\n"
             "j--\nch <- v\nf()\n<-done\n;",
             "(block (:= (x) (1)) (= (y) (2)) (= (a b) (b a)) (+= (x) (3)) "
             "(&^= (x) (m)) (<<= (x) (1)) (++ i) (-- j) (send ch v) (expr "
             "(call f)) (expr (<- done)) (empty))");
    STMTS_EQ("v, ok := m[k]\nv, ok = <-ch\nx, err := f()\n*p = 1\ns[i] = 2\n"
             "o.f = 3\n_ = x",
             "(block (:= (v ok) ((index m k))) (= (v ok) ((<- ch))) (:= (x "
             "err) ((call f))) (= ((star p)) (1)) (= ((index s i)) (2)) (= "
             "((sel o f)) (3)) (= (_) (x)))");
}
END_TEST

START_TEST(declarations_inside_functions)
{
    STMTS_EQ("var x int\nvar (\n\ta = 1\n\tb string\n)\nconst c = 2\n"
             "type T struct{ n int }",
             "(block (var (valuespec (x) int ())) (var (valuespec (a) - (1)) "
             "(valuespec (b) string ())) (const (valuespec iota=0 (c) - (2))) "
             "(type (typespec T (struct (field (n) int)))))");
}
END_TEST

START_TEST(go_defer_return_and_branches)
{
    STMTS_EQ("go f(x)\ngo func() { done <- true }()\ndefer mu.Unlock()\n"
             "defer wg.Done()\nreturn\n",
             "(block (go (call f x)) (go (call (funclit (functype (params) "
             "(results)) (block (send done true))))) (defer (call (sel mu "
             "Unlock))) (defer (call (sel wg Done))) (return))");
    STMTS_EQ("L:\n\tfor {\n\t\tbreak L\n\t\tcontinue L\n\t\tbreak\n\t\t"
             "continue\n\t}\n\tgoto L\nM: x++\nN:",
             "(block (label L (for - - - (block (break L) (continue L) (break) "
             "(continue)))) (goto L) (label M (++ x)) (label N (empty)))");
    STMTS_EQ("switch x {\ncase 1:\n\tfallthrough\ncase 2:\n}",
             "(block (switch - x (case (1) (fallthrough)) (case (2))))");
    STMTS_EQ("return 1, f(x), nil", "(block (return 1 (call f x) nil))");
}
END_TEST

START_TEST(blocks_and_if_statements)
{
    STMTS_EQ("{\n\tx := 1\n\t{\n\t}\n}",
             "(block (block (:= (x) (1)) (block)))");
    STMTS_EQ("if x > 0 {\n\ty()\n}",
             "(block (if - (> x 0) (block (expr (call y))) -))");
    STMTS_EQ("if err := f(); err != nil {\n\treturn\n} else if x {\n} else "
             "{\n\tz()\n}",
             "(block (if (:= (err) ((call f))) (!= err nil) (block (return)) "
             "(if - x (block) (block (expr (call z))))))");
}
END_TEST

START_TEST(for_statements_in_every_form)
{
    STMTS_EQ(
        "for {\n}\nfor x < 3 {\n}\nfor i := 0; i < n; i++ {\n}\n"
        "for ; ; {\n}\nfor i := 0; ; {\n}\nfor ; x; {\n}",
        "(block (for - - - (block)) (for - (< x 3) - (block)) (for (:= "
        "(i) (0)) (< i n) (++ i) (block)) (for - - - (block)) (for (:= (i) "
        "(0)) - - (block)) (for - x - (block)))");
    STMTS_EQ("for i, v := range xs {\n}\nfor k := range m {\n}\n"
             "for range ch {\n}\nfor i = range 10 {\n}\nfor k, v = range m "
             "{\n}\nfor _, r := range \"héllo\" {\n}",
             "(block (range i v := xs (block)) (range k - := m (block)) (range "
             "- - - ch (block)) (range i - = 10 (block)) (range k v = m "
             "(block)) (range _ r := \"h\\xc3\\xa9llo\" (block)))");
}
END_TEST

START_TEST(switch_and_type_switch_statements)
{
    STMTS_EQ("switch {\ncase x > 0, y:\n\ta()\ndefault:\n\tb()\n}\n"
             "switch x := f(); x {\n}\nswitch f(); {\n}",
             "(block (switch - - (case ((> x 0) y) (expr (call a))) (default "
             "(expr (call b)))) (switch (:= (x) ((call f))) x) (switch (expr "
             "(call f)) -))");
    STMTS_EQ(
        "switch v := x.(type) {\ncase int, string:\n\tuse(v)\ncase "
        "nil:\ncase []int, map[string]int, chan<- int, func():\n"
        "case *T:\ndefault:\n}",
        "(block (typeswitch - v x (case (int string) (expr (call use v))) "
        "(case (nil)) (case ((slicetype int) (map string int) (chan<- int) "
        "(functype (params) (results)))) (case ((star T))) (default)))");
    STMTS_EQ("switch y.(type) {\n}\nswitch a := 1; t := a.(type) {\n}",
             "(block (typeswitch - - y) (typeswitch (:= (a) (1)) t a))");
    STMTS_EQ("switch v := f(x)[0].y.(type) {\n}",
             "(block (typeswitch - v (sel (index (call f x) 0) y)))");
}
END_TEST

START_TEST(select_statements_with_every_comm_clause)
{
    STMTS_EQ(
        "select {\ncase v := <-in:\n\tuse(v)\ncase v, ok := <-in:\n"
        "case x = <-in:\ncase <-done:\n\treturn\ncase out <- 1:\n"
        "case <-time.After(d):\ndefault:\n}\nselect {}",
        "(block (select (case (:= (v) ((<- in))) (expr (call use v))) "
        "(case (:= (v ok) ((<- in)))) (case (= (x) ((<- in)))) (case (expr "
        "(<- done)) (return)) (case (send out 1)) (case (expr (<- (call "
        "(sel time After) d)))) (default)) (select))");
}
END_TEST

START_TEST(composite_literal_or_block_in_control_clauses)
{
    /* gc's rule: in a header a bare name before { opens the block ... */
    STMTS_EQ("if x == y {\n}", "(block (if - (== x y) (block) -))");
    STMTS_EQ("for x := range s {\n}", "(block (range x - := s (block)))");
    STMTS_EQ("switch t {\n}", "(block (switch - t))");
    /* ... but a literal type, parentheses or brackets allow a literal */
    STMTS_EQ("for _, v := range []T{{1}, {2}} {\n}",
             "(block (range _ v := (lit (slicetype T) (lit - 1) (lit - 2)) "
             "(block)))");
    STMTS_EQ("if x == (T{}) {\n}",
             "(block (if - (== x (paren (lit T))) (block) -))");
    STMTS_EQ("if f(T{1}) {\n}", "(block (if - (call f (lit T 1)) (block) -))");
    STMTS_EQ("if v := (T{a: 1}); v.a > 0 {\n}",
             "(block (if (:= (v) ((paren (lit T (kv a 1))))) (> (sel v a) 0) "
             "(block) -))");
    STMTS_EQ("for _, p := range []struct{ a int }{{1}} {\n}",
             "(block (range _ p := (lit (slicetype (struct (field (a) int))) "
             "(lit - 1)) (block)))");
    STMTS_EQ("if m[T{}] {\n}", "(block (if - (index m (lit T)) (block) -))");
    STMTS_EQ("if func() bool { return T{} == x }() {\n}",
             "(block (if - (call (funclit (functype (params) (results (field - "
             "bool))) (block (return (== (lit T) x))))) (block) -))");
    /* and outside headers T{} is always a literal */
    STMTS_EQ("x := T{}\nif y {\n}",
             "(block (:= (x) ((lit T))) (if - y (block) -))");
}
END_TEST

START_TEST(positions_follow_gc)
{
    EQ(stmts_("x := a + f(b)[1]", AST_PRINT_POS),
       "(block@2:10 (:=@3:1 (x@3:1) ((+@3:8 a@3:6 (index@3:14 (call@3:11 "
       "f@3:10 b@3:12) 1@3:15)))))");
    EQ(stmts_("\tgo w.run(T{n: 1})", AST_PRINT_POS),
       "(block@2:10 (go@3:2 (call@3:10 (sel@3:6 w@3:5 run@3:7) (lit@3:12 "
       "T@3:11 (kv@3:14 n@3:13 1@3:16)))))");
    EQ(stmts_("(a).b++\n-x.y()", AST_PRINT_POS),
       "(block@2:10 (++@3:1 (sel@3:4 (paren@3:1 a@3:2) b@3:5)) (expr@4:1 "
       "(-@4:1 (call@4:5 (sel@4:3 x@4:2 y@4:4)))))");
    EQ(run("package p\n\nfunc (s *S) M(a int) {}", 34, AST_PRINT_POS),
       "(func@3:1 (field@3:7 (s@3:7) (star@3:9 S@3:10)) M@3:13 "
       "(functype@3:1 (params (field@3:15 (a@3:15) int@3:17)) (results)) "
       "(block@3:22))");
}
END_TEST

/* ---- errors ------------------------------------------------------------ */

#define ERR_EQ(src, want)    EQ(file_(src), "ERR " want)
#define STMT_ERR(body, want) EQ(stmts_(body, 0), "ERR " want)

START_TEST(syntax_errors_have_gc_wording_and_positions)
{
    ERR_EQ("", "1:1: syntax error: package statement must be first");
    ERR_EQ("func main() {}",
           "1:1: syntax error: package statement must be first");
    ERR_EQ("package", "1:8: syntax error: unexpected EOF, expected name");
    ERR_EQ("package main\nx := 1",
           "2:1: syntax error: non-declaration statement outside function "
           "body");
    ERR_EQ("package main\nfunc main()\n{\n}",
           "3:1: syntax error: unexpected semicolon or newline before {");
    ERR_EQ("package main\nfunc f()", "2:6: missing function body");
    ERR_EQ("package main\nfunc main() {\n\tif x\n\t{\n\t}\n}",
           "3:6: syntax error: unexpected newline, expected { after if clause");
    ERR_EQ("package main\nfunc main() {\n\tfor i := 0; i < 3; i++\n\t{\n\t}\n}",
           "3:24: syntax error: unexpected newline, expected { after for "
           "clause");
    ERR_EQ("package main\nfunc main() {\n\tx := 1 +\n}",
           "4:1: syntax error: unexpected }, expected expression");
    ERR_EQ("package main\nfunc main() {\n\tf(a b)\n}",
           "3:6: syntax error: unexpected name b in argument list; possibly "
           "missing comma or )");
    ERR_EQ("package main\nfunc main() {\n\tx := []int{1, 2\n\t}\n}",
           "3:17: syntax error: unexpected newline in composite literal; "
           "possibly missing comma or }");
    ERR_EQ("package main\nfunc main() {\n\tx y\n}",
           "3:4: syntax error: unexpected name y at end of statement");
    ERR_EQ("package main\nimport \"fmt\"\nfunc f() {}\nimport \"os\"",
           "4:1: syntax error: imports must appear before other declarations");
    ERR_EQ("package main\nfunc main() {\n\tif x = 1 {\n\t}\n}",
           "3:7: syntax error: cannot use assignment x = 1 as value");
    ERR_EQ("package main\nfunc main() {\n\tif a + b = c {\n\t}\n}",
           "3:11: syntax error: cannot use assignment (a + b) = c as value");
    ERR_EQ("package main\nfunc main() {\n\tif {\n\t}\n}",
           "3:5: syntax error: missing condition in if statement");
    ERR_EQ("package main\nfunc main() {\n\tif x {\n\t} else y()\n}",
           "4:9: syntax error: else must be followed by if or statement block");
    ERR_EQ("package main\nfunc main() {\n\tfor i := 0; i < 1; j := 1 {\n\t}\n}",
           "3:23: syntax error: cannot declare in post statement of for loop");
    ERR_EQ("package main\nfunc main() {\n\tvar x = 1 +\n\t\t)\n}",
           "4:3: syntax error: unexpected ), expected expression");
    ERR_EQ("package main\nfunc main() {\n\tswitch x {\n\tcase 1\n\t}\n}",
           "4:8: syntax error: unexpected newline, expected :");
    ERR_EQ("package main\nvar x = map[string]int{\"a\" 1}",
           "2:28: syntax error: unexpected literal 1 in composite literal; "
           "possibly missing comma or }");
    ERR_EQ("package main\nconst X",
           "2:7: missing init expr for const declaration");
    ERR_EQ("package main\nconst (\n\tA = 1\n\tB int\n)",
           "4:2: const declaration cannot have type without expression");
    ERR_EQ("package main\nvar x\n",
           "2:6: syntax error: unexpected newline, expected type");
    ERR_EQ("package main\ntype T\n",
           "2:7: syntax error: unexpected newline in type declaration");
    ERR_EQ("package main\nvar x = (T){}",
           "2:12: syntax error: cannot parenthesize type in composite "
           "literal");
    ERR_EQ("package main\nfunc f() {\n\tgoto\n}",
           "4:1: syntax error: unexpected }, expected name");
    ERR_EQ("package main\nfunc f(a, b int, c) {}",
           "2:18: syntax error: mixed named and unnamed parameters");
    ERR_EQ("package main\nfunc f(a int, string) {}",
           "2:15: syntax error: mixed named and unnamed parameters");
    ERR_EQ("package main\nfunc f(a ...int, b int) {}",
           "2:10: can only use ... with final parameter in list");
    ERR_EQ("package main\nfunc () f() {}", "2:6: method has no receiver");
    ERR_EQ("package main\nfunc (a, b T) f() {}",
           "2:6: method has multiple receivers");
    ERR_EQ("package main\nfunc main() {\n\tgo (f())\n}",
           "3:5: expression in go must not be parenthesized");
    ERR_EQ("package main\nfunc main() {\n\tdefer x\n}",
           "3:8: expression in defer must be function call");
}
END_TEST

START_TEST(statement_errors)
{
    STMT_ERR("x.(type)", "3:2: use of .(type) outside type switch");
    STMT_ERR("y := x.(type)", "3:7: use of .(type) outside type switch");
    STMT_ERR("switch f(x.(type)) {\n}",
             "3:11: use of .(type) outside type switch");
    STMT_ERR("switch x := y.(type); x {\n}",
             "3:14: use of .(type) outside type switch");
    STMT_ERR("switch x = y.(type) {\n}",
             "3:13: use of .(type) outside type switch");
    STMT_ERR("switch (x.(type)) {\n}",
             "3:10: use of .(type) outside type switch");
    STMT_ERR("switch x.(type) + 1 {\n}",
             "3:9: use of .(type) outside type switch");
    STMT_ERR("switch 1 + x.(type) {\n}",
             "3:13: use of .(type) outside type switch");
    STMT_ERR("switch x.(type).y {\n}",
             "3:9: use of .(type) outside type switch");
    STMT_ERR("switch func() { x.(type) } {\n}",
             "3:18: use of .(type) outside type switch");
    STMT_ERR("select {\ncase x > 1:\n}",
             "4:6: select case must be receive, send or assign recv");
    STMT_ERR("switch {\ndefault:\ndefault:\n}",
             "5:1: multiple defaults in switch");
    STMT_ERR("select {\ndefault:\ndefault:\n}",
             "5:1: multiple defaults in select");
    STMT_ERR("a.b := 1", "3:2: non-name a.b on left side of :=");
    STMT_ERR("for a, b, c := range x {\n}",
             "3:11: range clause permits at most two iteration variables");
    STMT_ERR("x, y += 1",
             "3:6: syntax error: unexpected +=, expected := or = or comma");
    STMT_ERR("s[1:2:]", "3:7: final index required in 3-index slice");
    STMT_ERR("s[1::3]", "3:5: middle index required in 3-index slice");
    STMT_ERR("x := <-chan<- int",
             "3:18: syntax error: unexpected int, expected chan");
    STMT_ERR("var x int = 1 := 2",
             "3:15: syntax error: unexpected := at end of statement");
    STMT_ERR("L: )", "3:2: syntax error: missing statement after label");
    STMT_ERR("var a [...]int", "3:7: invalid use of [...] array (outside a "
                               "composite literal)");
    STMT_ERR("x := [...]int(y)", "3:6: invalid use of [...] array (outside "
                                 "a composite literal)");
    STMT_ERR("x := [...][...]int{}", "3:11: invalid use of [...] array "
                                     "(outside a composite literal)");
    STMT_ERR("type A [...]int", "3:8: invalid use of [...] array (outside a "
                                "composite literal)");
    STMT_ERR("f := func(a [...]int) {}", "3:13: invalid use of [...] array "
                                         "(outside a composite literal)");
    STMT_ERR("if var x = 1; x {\n}",
             "3:8: syntax error: var declaration not allowed in if "
             "initializer");
}
END_TEST

START_TEST(generics_parse_as_gc_parses_them)
{
    FILE_EQ("package p\nfunc Map[T any](x T) T { return x }",
            "(func - Map (functype (tparams (field (T) any)) "
            "(params (field (x) T)) (results (field - T))) "
            "(block (return x)))");
    FILE_EQ("package p\ntype Pair[K comparable, V any] struct{}",
            "(type (typespec Pair (tparams (field (K) "
            "comparable) (field (V) any)) (struct)))");
    /* "K, V any": the constraint is shared; ~ and | in constraints */
    FILE_EQ("package p\nfunc F[S ~[]E, E, R any]() {}",
            "(func - F (functype (tparams (field (S) (~ "
            "(slicetype E))) (field (E R) any)) (params) (results)) "
            "(block))");
    FILE_EQ("package p\ntype Number interface {\n\t~int | ~float64\n}",
            "(type (typespec Number (interface (field - "
            "(| (~ int) (~ float64))))))");
    /* type N [P]int is an array; type G[P any] is generic */
    FILE_EQ("package p\ntype A [N]int",
            "(type (typespec A (array N int)))");
    FILE_EQ("package p\nvar m Map[string, int]",
            "(var (valuespec (m) (index Map string int) ()))");
    EXPR_EQ("Max[int](1, 2)", "(call (index Max int) 1 2)");
    EXPR_EQ("F[int, string]", "(index F int string)");
    FILE_EQ("package p\nfunc (l *List[T]) Len() int { return 0 }",
            "(func (field (l) (star (index List T))) Len "
            "(functype (params) (results (field - int))) (block (return "
            "0)))");
    ERR_EQ("package p\nimport (\n\t\"fmt\"\n\t\"C\"\n)",
           "4:2: unsupported: cgo (import \"C\")");
    ERR_EQ("package p\nvar f = func[T any]() {}",
           "2:13: syntax error: function type must have no type parameters");
}
END_TEST

/* ---- limits ------------------------------------------------------------ */

static char *nested(const char *pre, const char *open, const char *mid,
                    const char *close, const char *post, int n)
{
    buf b;
    int i;
    buf_init(&b);
    buf_puts(&b, pre);
    for (i = 0; i < n; i++)
        buf_puts(&b, open);
    buf_puts(&b, mid);
    for (i = 0; i < n; i++)
        buf_puts(&b, close);
    buf_puts(&b, post);
    return b.p;
}

static char *parse_str(const char *src)
{
    return run(src, strlen(src), 0);
}

START_TEST(deep_nesting_is_an_error_not_a_crash)
{
    static const struct {
        const char *pre, *open, *mid, *close, *post;
    } forms[] = {
        {"package p\nvar x = ", "(", "1", ")", "\n"},
        {"package p\nvar x = ", "- ", "1", "", "\n"},
        {"package p\nvar x = ", "[]T{", "", "}", "\n"},
        {"package p\nvar x = T", "{", "", "}", "\n"},
        {"package p\nvar x ", "[]", "int", "", "\n"},
        {"package p\nvar x ", "*", "int", "", "\n"},
        {"package p\nvar x ", "chan ", "int", "", "\n"},
        {"package p\nfunc f() ", "{", "", "}", "\n"},
        {"package p\nfunc f() {\n", "if x {\n", "", "}\n", "}\n"},
        {"package p\nvar x = ", "func() {", "", "}", "\n"},
        {"package p\nvar x = ", "f(", "", ")", "\n"},
        {"package p\nvar x = ", "a[", "0", "]", "\n"},
        {"package p\nfunc f() {\n", "L: ", "", "", "\n}\n"},
    };
    size_t i;
    for (i = 0; i < sizeof forms / sizeof *forms; i++) {
        char *ok = nested(forms[i].pre, forms[i].open, forms[i].mid,
                          forms[i].close, forms[i].post, 200);
        char *deep = nested(forms[i].pre, forms[i].open, forms[i].mid,
                            forms[i].close, forms[i].post, 100000);
        char *r = parse_str(ok);
        ck_assert_msg(strncmp(r, "ERR", 3) != 0, "form %zu: %s", i, r);
        free(r);
        r = parse_str(deep);
        ck_assert_msg(strstr(r, "unsupported: nesting deeper than 1000 "
                                "levels") != NULL,
                      "form %zu: %.200s", i, r);
        free(r);
        free(ok);
        free(deep);
    }
    {
        /* the exact place: the 1001st "(", which would open level 1001 */
        char *deep = nested("package p\nvar x = ", "(", "1", ")", "\n", 1500);
        EQ(parse_str(deep),
           "ERR 2:1009: unsupported: nesting deeper than 1000 levels");
        free(deep);
    }
}
END_TEST

START_TEST(long_flat_inputs_parse)
{
    buf b;
    char *r;
    int i;
    /* lists do not deepen the tree: long ones are fine */
    buf_init(&b);
    buf_puts(&b, "package p\nvar a = []int{");
    for (i = 0; i < 20000; i++)
        buf_printf(&b, "%d, ", i);
    buf_puts(&b, "}\nvar s = f(");
    for (i = 0; i < 20000; i++)
        buf_puts(&b, "x, ");
    buf_puts(&b, ")\nfunc f() {\n");
    for (i = 0; i < 20000; i++)
        buf_printf(&b, "\tx%d := %d\n", i, i);
    buf_puts(&b, "}\n");
    for (i = 0; i < 5000; i++)
        buf_printf(&b, "const c%d = %d\n", i, i);
    r = parse_str(b.p);
    ck_assert_msg(strncmp(r, "ERR", 3) != 0, "%.200s", r);
    free(r);
    buf_fini(&b);
}
END_TEST

/* Nesting of parentheses in a printed tree, outside strings: an upper
 * bound of the tree's depth (lists print as one more level). */
static int printed_depth(const char *s)
{
    int d = 0, max = 0, in = 0;
    for (; *s; s++) {
        if (in) {
            if (*s == '\\' && s[1])
                s++;
            else if (*s == '"')
                in = 0;
        } else if (*s == '"') {
            in = 1;
        } else if (*s == '(' && ++d > max) {
            max = d;
        } else if (*s == ')') {
            d--;
        }
    }
    return max;
}

START_TEST(tree_depth_stays_within_three_times_the_limit)
{
    /* the deepest trees per level of nesting: declared closures (2 enters
     * for 5 tree levels) and function types (1 enter for 2 levels, printed
     * as 3) */
    char *a = nested("package p\nfunc f() {\n", "var x = func() {\n", "", "}\n",
                     "}\n", 499);
    char *b = nested("package p\nvar x ", "func(a ", "int", ")", "\n", 999);
    char *ra = parse_str(a), *rb = parse_str(b);
    ck_assert_msg(strncmp(ra, "ERR", 3) != 0, "%.200s", ra);
    ck_assert_msg(strncmp(rb, "ERR", 3) != 0, "%.200s", rb);
    ck_assert_int_le(printed_depth(ra), 3 * PARSE_MAX_DEPTH);
    ck_assert_int_le(printed_depth(rb), 3 * PARSE_MAX_DEPTH);
    ck_assert_int_ge(printed_depth(ra), 2 * PARSE_MAX_DEPTH);
    free(a);
    free(b);
    free(ra);
    free(rb);
}
END_TEST

/* Chains build deep trees without nesting in the source: they count. */
START_TEST(long_chains_count_as_nesting)
{
    static const struct {
        const char *pre, *first, *link, *post;
    } forms[] = {
        {"package p\nvar s = ", "x", " + x", "\n"},
        {"package p\nvar s = ", "x", ".y", "\n"},
        {"package p\nvar s = ", "f", "()", "\n"},
        {"package p\nvar s = ", "a", "[0]", "\n"},
        {"package p\nfunc f(x int) {\n\tif x == 0 {\n", "",
         "\t} else if x == 1 {\n", "\t}\n}\n"},
    };
    size_t i;
    int j;
    for (i = 0; i < sizeof forms / sizeof *forms; i++) {
        buf ok, deep;
        char *r;
        buf_init(&ok);
        buf_init(&deep);
        buf_printf(&ok, "%s%s", forms[i].pre, forms[i].first);
        buf_printf(&deep, "%s%s", forms[i].pre, forms[i].first);
        for (j = 0; j < 900; j++)
            buf_puts(&ok, forms[i].link);
        for (j = 0; j < 20000; j++)
            buf_puts(&deep, forms[i].link);
        buf_puts(&ok, forms[i].post);
        buf_puts(&deep, forms[i].post);
        r = parse_str(ok.p);
        ck_assert_msg(strncmp(r, "ERR", 3) != 0, "form %zu: %.200s", i, r);
        free(r);
        r = parse_str(deep.p);
        ck_assert_msg(strstr(r, "unsupported: nesting deeper than 1000 "
                                "levels") != NULL,
                      "form %zu: %.200s", i, r);
        free(r);
        buf_fini(&ok);
        buf_fini(&deep);
    }
}
END_TEST

/* ---- realistic programs ------------------------------------------------ */

static char *dir_of_this_file(const char *sub)
{
    const char *f = __FILE__, *slash = strrchr(f, '/');
    buf b;
    buf_init(&b);
    if (slash) buf_append(&b, f, (size_t)(slash - f + 1));
    buf_puts(&b, sub);
    return b.p;
}

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    unsigned char *p;
    long len;
    ck_assert_msg(fp != NULL, "cannot open %s", path);
    fseek(fp, 0, SEEK_END);
    len = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    p = wf_xmalloc((size_t)len + 1);
    *n = fread(p, 1, (size_t)len, fp);
    fclose(fp);
    return p;
}

START_TEST(realistic_programs_parse)
{
    char *dir = dir_of_this_file("go");
    DIR *d = opendir(dir);
    struct dirent *e;
    int count = 0;
    ck_assert_msg(d != NULL, "no directory %s", dir);
    while ((e = readdir(d)) != NULL) {
        size_t n, len = strlen(e->d_name);
        char path[1024];
        unsigned char *src;
        ast_file *f;
        wf_diag diag;
        if (len < 4 || strcmp(e->d_name + len - 3, ".go") != 0) continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        src = slurp(path, &n);
        if (parse_file(path, src, n, &f, &diag) != WF_OK) {
            char o[1600];
            diag_format(&diag, o, sizeof o);
            ck_abort_msg("%s", o);
        }
        ck_assert(f->decls.n > 0);
        ck_assert(f->nleading > 0); /* each carries an // expect: line */
        ast_file_free(f);
        free(src);
        count++;
    }
    closedir(d);
    free(dir);
    ck_assert_int_ge(count, 6);
}
END_TEST

Suite *parse_suite(void)
{
    Suite *s = suite_create("parse");
    TCase *tc = tcase_create("decl");
    tcase_add_test(tc, package_and_imports);
    tcase_add_test(tc, const_groups_repeat_the_previous_spec_with_iota);
    tcase_add_test(tc, var_declarations);
    tcase_add_test(tc, type_declarations_of_every_kind);
    tcase_add_test(tc, function_and_method_declarations);
    tcase_add_test(tc, identifier_names_are_interned);
    suite_add_tcase(s, tc);
    tc = tcase_create("expr");
    tcase_add_test(tc, operator_precedence_and_unary_operators);
    tcase_add_test(tc, basic_literals_print_their_values);
    tcase_add_test(tc, composite_literals_with_keys_and_elided_types);
    tcase_add_test(tc, primary_expressions);
    tcase_add_test(tc, conversions_and_method_expressions_parse_as_calls);
    tcase_add_test(tc, channel_types_in_every_direction);
    tcase_add_test(tc, function_literals);
    suite_add_tcase(s, tc);
    tc = tcase_create("stmt");
    tcase_add_test(tc, simple_statements);
    tcase_add_test(tc, declarations_inside_functions);
    tcase_add_test(tc, go_defer_return_and_branches);
    tcase_add_test(tc, blocks_and_if_statements);
    tcase_add_test(tc, for_statements_in_every_form);
    tcase_add_test(tc, switch_and_type_switch_statements);
    tcase_add_test(tc, select_statements_with_every_comm_clause);
    tcase_add_test(tc, composite_literal_or_block_in_control_clauses);
    tcase_add_test(tc, positions_follow_gc);
    suite_add_tcase(s, tc);
    tc = tcase_create("errors");
    tcase_add_test(tc, syntax_errors_have_gc_wording_and_positions);
    tcase_add_test(tc, statement_errors);
    tcase_add_test(tc, generics_parse_as_gc_parses_them);
    suite_add_tcase(s, tc);
    tc = tcase_create("limits");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, deep_nesting_is_an_error_not_a_crash);
    tcase_add_test(tc, long_flat_inputs_parse);
    tcase_add_test(tc, long_chains_count_as_nesting);
    tcase_add_test(tc, tree_depth_stays_within_three_times_the_limit);
    tcase_add_test(tc, realistic_programs_parse);
    suite_add_tcase(s, tc);
    return s;
}

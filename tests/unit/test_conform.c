/* test_conform.c: programs of Go's own test suite's kinds (its
 * errorcheck tests, tests/conform/errorcheck.sh) that Go rejects and
 * weft accepted: each is refused with gc's words at gc's line:col (go
 * build of Go 1.19 cross-checked each; "imported and not used" has
 * types2's later words, as everywhere in weft), and what Go accepts
 * around it still runs. */
#include "gotest.h"

#define CHECK_ERR(body, want) GO_ERROR(GO(body), want)

/* A file, not a package clause and body: directives stand before it. */
#define FILE_ERR(src, want) GO_ERROR(src, want)

/* A blank constant or type in a function is checked all the same. */
START_TEST(blank_local_declarations_are_checked)
{
    CHECK_ERR("func main() {\n\tconst _ uint8 = 256\n}\n",
              "3:18: cannot use 256 (untyped int constant) as uint8 value "
              "in constant declaration (overflows)");
    CHECK_ERR("func main() {\n\tconst (\n\t\t_ = iota\n\t\t_ uint8 = 300\n"
              "\t)\n}\n",
              "5:13: cannot use 300 (untyped int constant) as uint8 value "
              "in constant declaration (overflows)");
    CHECK_ERR("func main() {\n\tconst _ int64 = 1e646456992\n}\n",
              "3:18: cannot use 1e646456992 (untyped float constant "
              "1e+646456992) as int64 value in constant declaration "
              "(truncated)");
    CHECK_ERR("func main() {\n\ttype _ [-1]int\n}\n",
              "3:10: invalid array length -1 (untyped int constant)");
}
END_TEST

/* A duplicate field is reported at the second (types2's declareInSet;
 * bug132.go, bug412.go). */
START_TEST(duplicate_fields_at_the_second)
{
    CHECK_ERR("type T struct {\n\tx, x int\n}\nfunc main() {}\n",
              "3:5: x redeclared");
    CHECK_ERR("type A struct{}\ntype T struct {\n\tA\n\t*A\n}\n"
              "func main() {}\n",
              "5:2: A redeclared");
}
END_TEST

/* unsafe.Sizeof and the others are built-ins: called, never values. */
START_TEST(unsafe_functions_must_be_called)
{
    CHECK_ERR("import \"unsafe\"\nvar f = unsafe.Sizeof\nfunc main() {}\n",
              "3:9: unsafe.Sizeof (built-in) must be called");
    CHECK_ERR("import \"unsafe\"\nfunc main() {\n\tvar x int\n"
              "\t_ = unsafe.Sizeof(x)\n\tg := (unsafe.Add)\n\t_ = g\n}\n",
              "6:7: (unsafe.Add) (built-in) must be called");
    GO_EXPECT(GO("import \"unsafe\"\nfunc main() {\n\tvar x int32\n"
                 "\tvar p unsafe.Pointer = unsafe.Pointer(&x)\n"
                 "\tprintln(unsafe.Sizeof(x), p != nil)\n}\n"),
              "4 true\n");
}
END_TEST

/* An embedded field's type: T or *T, T no pointer (checked once T is
 * complete: type T *struct{ T }). */
START_TEST(embedded_field_types)
{
    CHECK_ERR("type P *int\ntype T struct{ P }\nfunc main() {}\n",
              "3:16: embedded field type cannot be a pointer");
    CHECK_ERR("type T *struct{ T }\nfunc main() {}\n",
              "2:17: embedded field type cannot be a pointer");
    CHECK_ERR("import \"unsafe\"\ntype T struct{ unsafe.Pointer }\n"
              "func main() {}\n",
              "3:16: embedded field type cannot be unsafe.Pointer");
    CHECK_ERR("type I interface{}\ntype T struct{ *I }\nfunc main() {}\n",
              "3:16: embedded field type cannot be a pointer to an "
              "interface");
    CHECK_ERR("type T[P any] struct{ P }\nfunc main() {}\n",
              "2:23: embedded field type cannot be a (pointer to a) type "
              "parameter");
    GO_EXPECT(GO("type A struct{ x int }\ntype B struct {\n\tA\n\t*C\n}\n"
                 "type C struct{ B }\n"
                 "func main() { var b B; println(b.x, b.C == nil) }\n"),
              "0 true\n");
}
END_TEST

/* A map key's type may be one still being declared: comparable or not
 * once it is complete; a type parameter's, in a function too. */
START_TEST(map_keys_of_incomplete_types)
{
    CHECK_ERR("type S struct {\n\tm map[S]bool\n}\nfunc main() {}\n",
              "3:8: invalid map key type S");
    CHECK_ERR("type S struct {\n\tm map[T]bool\n}\n"
              "type T struct{ f func() }\nfunc main() {}\n",
              "3:8: invalid map key type T");
    CHECK_ERR("func f[T any]() {\n\tvar m map[T]int\n\t_ = m\n}\n"
              "func main() {}\n",
              "3:12: invalid map key type T (missing comparable "
              "constraint)");
    GO_EXPECT(GO("type S struct {\n\tm map[*S]bool\n\tn map[T]int\n}\n"
                 "type T struct{ a [2]string }\n"
                 "func main() { var s S; println(len(s.m), len(s.n)) }\n"),
              "0 0\n");
}
END_TEST

/* A dot import is used by a name of its package, not by a field name
 * that spells one (issue6428.go); an import named as its path's last
 * element is reported as one not named. */
START_TEST(dot_imports_are_used_by_their_names)
{
    CHECK_ERR("import . \"strings\"\ntype S struct{ Builder int }\n"
              "var _ = S{Builder: 0}\nfunc main() {}\n",
              "2:8: \"strings\" imported and not used");
    CHECK_ERR("import fmt \"fmt\"\nfunc main() {}\n",
              "2:8: \"fmt\" imported and not used");
    GO_EXPECT(GO("import . \"strings\"\nvar b Builder\n"
                 "func main() { b.WriteString(ToUpper(\"a\")); "
                 "println(b.String()) }\n"),
              "A\n");
}
END_TEST

/* //go: directives stand where gc takes them: the function ones before
 * a function, go:notinheap before a type (not an alias), go:build
 * before the package clause; anywhere else gc says they are misplaced
 * (directive.go, directive2.go). */
START_TEST(directives_stand_where_gc_takes_them)
{
    FILE_ERR("package main\n\n//go:noinline\nvar x int\n\n"
             "func main() { _ = x }\n",
             "3:3: misplaced compiler directive");
    FILE_ERR("package main\n\n//go:notinheap\ntype (\n\tT int\n)\n\n"
             "func main() {}\n",
             "3:3: misplaced compiler directive");
    FILE_ERR("package main\n\n//go:notinheap\ntype T = int\n\n"
             "func main() {}\n",
             "3:3: misplaced compiler directive");
    FILE_ERR("package main\n\nfunc main() {\n\tx := 1\n\t//go:noinline\n"
             "\t{\n\t\t_ = x\n\t}\n}\n",
             "5:4: misplaced compiler directive");
    FILE_ERR("package main\n\nfunc main() {\n\tx := 1 //go:noinline\n"
             "\t_ = x\n}\n",
             "4:11: misplaced compiler directive");
    FILE_ERR("package main\n\nfunc main() {}\n\n//go:nosplit\n",
             "5:3: misplaced compiler directive");
    FILE_ERR("package main\n\n//go:noinline\nimport \"fmt\"\n\n"
             "func main() { fmt.Println() }\n",
             "3:3: misplaced compiler directive");
    FILE_ERR("package main\n\n//go:systemstack\nfunc main() {}\n",
             "3:3: //go:systemstack only allowed in runtime");
    FILE_ERR("package main\n\n//go:uintptrkeepalive\nfunc main() {}\n",
             "3:3: //go:uintptrkeepalive is only allowed in the standard "
             "library");
    FILE_ERR("package main\n\n//go:cgo_import_static x\nfunc main() {}\n",
             "3:3: //go:cgo_import_static x only allowed in cgo-generated "
             "code");
    GO_EXPECT("// Copyright\n\n//go:build linux\n\n// Package main.\n"
              "package main\n\n// f.\n//\n//go:noinline\n//go:nosplit\n"
              "func f() int { return 1 }\n\n//go:notinheap\n"
              "type T struct{ x int }\n\ntype (\n\t//go:notinheap\n"
              "\tU int\n)\n\n//go:generate echo\n//go:unknownthing\n"
              "var v = 2\n\nfunc main() {\n\t//go:notinheap\n\ttype L int\n"
              "\t//go:generate x\n\tprintln(f(), v, L(3))\n}\n",
              "1 2 3\n");
}
END_TEST

/* go:embed: on a package variable of a file importing embed (which weft
 * does not offer); go:linkname: a function or variable of the package,
 * once, in a file importing unsafe. */
START_TEST(embed_and_linkname_directives)
{
    FILE_ERR("package main\n\n//go:embed x.txt\nvar s string\n\n"
             "func main() { _ = s }\n",
             "3:3: go:embed only allowed in Go files that import \"embed\"");
    FILE_ERR("package main\n\nimport _ \"embed\"\n\nfunc main() {\n"
             "\t//go:embed x.txt\n\tvar s string\n\t_ = s\n}\n",
             "6:4: go:embed cannot apply to var inside func");
    FILE_ERR("package main\n\nimport _ \"embed\"\n\n//go:embed x.txt\n"
             "var s, t string\n\nfunc main() {}\n",
             "5:3: go:embed cannot apply to multiple vars");
    FILE_ERR("package main\n\nimport _ \"embed\"\n\n//go:embed x.txt\n"
             "func main() {}\n",
             "5:3: misplaced go:embed directive");
    FILE_ERR("package main\n\n//go:embed\nvar s string\n\n"
             "func main() { _ = s }\n",
             "3:3: usage: //go:embed pattern...");
    FILE_ERR("package main\n\n//go:linkname f runtime.f\nfunc f() {}\n\n"
             "func main() {}\n",
             "3:3: //go:linkname only allowed in Go files that import "
             "\"unsafe\"");
    FILE_ERR("package main\n\nimport _ \"unsafe\"\n\ntype T int\n\n"
             "//go:linkname T runtime.T\nfunc main() {}\n",
             "7:3: //go:linkname must refer to declared function or "
             "variable");
    FILE_ERR("package main\n\nimport _ \"unsafe\"\n\nvar x int\n\n"
             "//go:linkname x a.x\n//go:linkname x b.x\n"
             "func main() { _ = x }\n",
             "8:3: duplicate //go:linkname for x");
    GO_EXPECT("package main\n\nimport _ \"unsafe\"\n\n"
              "//go:linkname v runtime.v\nvar v int\n\n"
              "func main() { println(v) }\n",
              "0\n");
}
END_TEST

/* The sizes gc refuses on amd64: a channel element of 64 kB, an array of
 * 2^50 bytes, a frame of 1 GB (arguments, arrays a range copies). gc
 * says the first two at the declaration (2:5, the variable; 3:12, the
 * call), weft at the type, on the same line. */
START_TEST(sizes_gc_refuses)
{
    CHECK_ERR("var c chan [1 << 16]byte\nfunc main() {}\n",
              "2:7: channel element type too large (>64kB)");
    CHECK_ERR("func main() {\n"
              "\tch := make(chan struct{ v [65536]byte })\n"
              "\tclose(ch)\n}\n",
              "3:13: channel element type too large (>64kB)");
    CHECK_ERR("var x [1 << 47][8]int8\nfunc main() {}\n",
              "2:7: type [140737488355328][8]int8 larger than address "
              "space");
    CHECK_ERR("type big [1 << 29]int16\n"
              "func f(a big, b big) int { return 1 }\nfunc main() {}\n",
              "3:6: stack frame too large (>1GB): 0 MB locals + 2048 MB "
              "args");
    CHECK_ERR("func f(x *[1<<30 + 1]byte) (n int) {\n"
              "\tfor _, b := range *x {\n\t\tn += int(b)\n\t}\n\treturn\n}\n"
              "func main() {}\n",
              "2:6: stack frame too large (>1GB): 1024 MB locals + 0 MB "
              "args");
    GO_EXPECT(GO("var p *[1<<49 - 1]byte\n"
                 "func main() {\n\tc := make(chan [65535]byte, 1)\n"
                 "\tprintln(cap(c), p == nil)\n}\n"),
              "1 true\n");
}
END_TEST

/* An error's line is read through the //line directives before it, as
 * gc's (bug305.go, issue18393.go, issue32133.go, linkname3.go): a type
 * error, a lexical one, a syntax one. */
START_TEST(errors_at_line_directive_positions)
{
    FILE_ERR("package main\n\n//line other.y:20\nvar x int = \"s\"\n\n"
             "func main() {}\n",
             "20:13: cannot use \"s\" (untyped string constant) as int "
             "value in variable declaration");
    FILE_ERR("package main\n\nfunc main() {\n//line gen.y:100\n"
             "\tx := \"a\n}\n",
             "100:9: newline in string");
    FILE_ERR("package main\n\nfunc main() {\n//line gen.y:100\n"
             "\tx := )\n}\n",
             "100:7: syntax error: unexpected ), expected expression");
    FILE_ERR("package main\n\nimport _ \"unsafe\"\n\n//line l.go:9\n"
             "//go:linkname y a.y\nfunc main() {}\n",
             "9:3: //go:linkname must refer to declared function or "
             "variable");
}
END_TEST

/* for i := range x with len(x) constant does not evaluate x (Go spec,
 * "For statements with range clause"): no nil dereference. */
START_TEST(range_over_a_constant_length_evaluates_nothing)
{
    GO_EXPECT(GO("func f(x *[4]byte) (n int) {\n"
                 "\tfor i := range *x {\n\t\tn += i\n\t}\n"
                 "\tfor i, _ := range *x {\n\t\tn += i\n\t}\n"
                 "\tfor range *x {\n\t\tn++\n\t}\n\treturn\n}\n"
                 "func main() { println(f(nil)) }\n"),
              "16\n");
    /* a receive in x: evaluated */
    GO_EXPECT(GO("func main() {\n\tc := make(chan int, 1)\n\tc <- 7\n"
                 "\tfor i := range [2]int{<-c} {\n\t\tprintln(i)\n\t}\n"
                 "\tprintln(len(c))\n}\n"),
              "0\n1\n0\n");
}
END_TEST

Suite *conform_suite(void)
{
    Suite *s = suite_create("conform");
    TCase *tc = tcase_create("errorcheck");
    tcase_add_test(tc, blank_local_declarations_are_checked);
    tcase_add_test(tc, duplicate_fields_at_the_second);
    tcase_add_test(tc, unsafe_functions_must_be_called);
    tcase_add_test(tc, embedded_field_types);
    tcase_add_test(tc, map_keys_of_incomplete_types);
    tcase_add_test(tc, dot_imports_are_used_by_their_names);
    tcase_add_test(tc, directives_stand_where_gc_takes_them);
    tcase_add_test(tc, embed_and_linkname_directives);
    tcase_add_test(tc, sizes_gc_refuses);
    tcase_add_test(tc, errors_at_line_directive_positions);
    suite_add_tcase(s, tc);
    tc = tcase_create("run");
    tcase_add_test(tc, range_over_a_constant_length_evaluates_nothing);
    suite_add_tcase(s, tc);
    return s;
}

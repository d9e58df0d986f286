/* test_unsafe.c: the Go front end's unsafe pointers and the reflect
 * pieces that make values: reflect.MakeFunc's functions. */
#include "gotest.h"

START_TEST(makefunc_calls_the_go_function)
{
    /* a MakeFunc function passes its arguments as Values of the func
     * type's parameter types and returns fn's results converted to the
     * result types; Go's panics for a wrong count, a zero Value, a value
     * of another type and a non-func type */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"reflect\"\n)\n"
                 "type Pair func(a int, s string) (string, int)\n"
                 "type MyInt int\n"
                 "func try(f func()) {\n"
                 "\tdefer func() { fmt.Println(recover()) }()\n"
                 "\tf()\n"
                 "}\n"
                 "func main() {\n"
                 "\tswap := reflect.MakeFunc(reflect.TypeOf(Pair(nil)), "
                 "func(in []reflect.Value) []reflect.Value {\n"
                 "\t\treturn []reflect.Value{in[1], in[0]}\n"
                 "\t}).Interface().(Pair)\n"
                 "\ts, n := swap(7, \"x\")\n"
                 "\tfmt.Println(s, n, reflect.TypeOf(swap))\n"
                 "\tid := reflect.MakeFunc(reflect.TypeOf(func(error) error "
                 "{ return nil }), func(in []reflect.Value) []reflect.Value {\n"
                 "\t\treturn []reflect.Value{in[0]}\n"
                 "\t}).Interface().(func(error) error)\n"
                 "\tfmt.Println(id(fmt.Errorf(\"boom\")), id(nil) == nil)\n"
                 "\tmi := reflect.MakeFunc(reflect.TypeOf(func() MyInt "
                 "{ return 0 }), func([]reflect.Value) []reflect.Value {\n"
                 "\t\treturn []reflect.Value{reflect.ValueOf(MyInt(4))}\n"
                 "\t}).Interface().(func() MyInt)\n"
                 "\tfmt.Printf(\"%v %T\\n\", mi(), mi())\n"
                 "\tt := reflect.TypeOf(func() int { return 0 })\n"
                 "\tmk := func(r []reflect.Value) func() int {\n"
                 "\t\treturn reflect.MakeFunc(t, func([]reflect.Value) "
                 "[]reflect.Value { return r }).Interface().(func() int)\n"
                 "\t}\n"
                 "\ttry(func() { mk(nil)() })\n"
                 "\ttry(func() { mk([]reflect.Value{{}})() })\n"
                 "\ttry(func() { mk([]reflect.Value{reflect.ValueOf(\"s\")})() })\n"
                 "\ttry(func() { reflect.MakeFunc(reflect.TypeOf(0), nil) })\n"
                 "\tnext := reflect.MakeFunc(reflect.TypeOf(func() bool "
                 "{ return false }), func([]reflect.Value) []reflect.Value {\n"
                 "\t\treturn []reflect.Value{reflect.ValueOf(true)}\n"
                 "\t})\n"
                 "\tr := reflect.ValueOf(func(f func() bool) bool "
                 "{ return f() }).Call([]reflect.Value{next})\n"
                 "\tfmt.Println(r[0].Bool())\n"
                 "}\n"),
              "x 7 main.Pair\n"
              "boom true\n"
              "4 main.MyInt\n"
              "reflect: wrong return count from function created by "
              "MakeFunc\n"
              "reflect: function created by MakeFunc using closure "
              "returned zero Value\n"
              "reflect.MakeFunc: value of type string is not assignable to "
              "type int\n"
              "reflect: call of MakeFunc with non-Func type\n"
              "true\n");
}
END_TEST

Suite *unsafe_suite(void)
{
    Suite *s = suite_create("unsafe");
    TCase *tc = tcase_create("reflect");
    tcase_add_test(tc, makefunc_calls_the_go_function);
    suite_add_tcase(s, tc);
    return s;
}

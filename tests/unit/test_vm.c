/* test_vm.c: the VM through small Go programs: statements, operators and
 * integer wrap-around of every size, conversions, strings, slices, maps,
 * structs copied on assignment, pointers, closures by reference,
 * interfaces, embedding, methods, defer/recover, goto and labels, and
 * every runtime panic with Go's wording. */
#include <math.h>

#include "gotest.h"
#include "sim/lang/vm_int.h"

START_TEST(prints_and_arithmetic)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\tx := 7\n"
                 "\ty := 3\n"
                 "\tfmt.Println(x+y, x-y, x*y, x/y, x%y, -x/y, -x%y)\n"
                 "\tfmt.Println(x&y, x|y, x^y, x&^y, x<<2, x>>1, ^x)\n"
                 "\tfmt.Println(x > y, x == 7, x != 7, !(x < y))\n"
                 "\tfmt.Println(7.0/2, 1e6, 123456.0, 1234567.0, 0.0001, 1e-5)\n"
                 "}\n"),
              "10 4 21 2 1 -2 -1\n"
              "3 7 4 4 28 3 -8\n"
              "true true false true\n"
              "3.5 1e+06 123456 1.234567e+06 0.0001 1e-05\n");
}
END_TEST

START_TEST(integers_wrap_at_every_size)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\tvar a int8 = 127\n"
                 "\ta++\n"
                 "\tvar b uint8 = 0\n"
                 "\tb--\n"
                 "\tvar c int16 = -32768\n"
                 "\tc--\n"
                 "\tvar d uint16 = 65535\n"
                 "\td += 2\n"
                 "\tvar e int32 = 2147483647\n"
                 "\te += 1\n"
                 "\tvar f uint32 = 1 << 31\n"
                 "\tf *= 2\n"
                 "\tvar g int64 = 9223372036854775807\n"
                 "\tg++\n"
                 "\tvar h uint64 = 0\n"
                 "\th--\n"
                 "\tvar i int = -9223372036854775808\n"
                 "\ti = i / -1\n"
                 "\tvar j uint = 3\n"
                 "\tj -= 4\n"
                 "\tvar k byte = 200\n"
                 "\tk = k * 2\n"
                 "\tvar r rune = 'a'\n"
                 "\tr += 1\n"
                 "\tfmt.Println(a, b, c, d, e, f, g, h, i, j, k, r)\n"
                 "\tv300, m1, w, z := 300, -1, 70000, 1<<32+5\n"
                 "\tfmt.Println(int8(v300), uint8(m1), int16(w), uint32(z))\n"
                 "\tvar s int8 = -128\n"
                 "\tfmt.Println(s/-1, s%-1, -s, s>>1, s<<1, uint8(s)>>1)\n"
                 "}\n"),
              "-128 255 32767 1 -2147483648 0 -9223372036854775808 "
              "18446744073709551615 -9223372036854775808 18446744073709551615 "
              "144 98\n"
              "44 255 4464 5\n"
              "-128 0 -128 -64 0 64\n");
}
END_TEST

START_TEST(conversions)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Celsius float64\n"
                 "type ID int\n"
                 "func main() {\n"
                 "\tf := 3.99\n"
                 "\tn := -3.99\n"
                 "\tfmt.Println(int(f), int(n), float64(7)/2, Celsius(20.5), "
                 "ID(4)+1)\n"
                 "\tb := []byte(\"hi\")\n"
                 "\tb[0] = 'H'\n"
                 "\tfmt.Println(string(b), b, string(rune(9731)), "
                 "[]rune(\"hé\"), string([]rune{104, 233}))\n"
                 "\tvar x interface{} = ID(3)\n"
                 "\tfmt.Printf(\"%T %v %T\\n\", x, x, Celsius(1))\n"
                 "\tu255 := uint8(255)\n"
                 "\tfmt.Println(u255+1, int64(int32(-1)), "
                 "uint64(uint32(1<<31)))\n"
                 "}\n"),
              "3 -3 3.5 20.5 5\n"
              "Hi [72 105] \xe2\x98\x83 [104 233] h\xc3\xa9\n"
              "main.ID 3 main.Celsius\n"
              "0 -1 2147483648\n");
}
END_TEST

/* The constant in int(s / 60) takes s's type, not the conversion's, even
 * when s comes from a method's results (whose static types the compiler
 * now knows too). */
START_TEST(conversion_operands_are_typed_by_their_operands)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type T struct{ ns int64 }\n"
                 "func (t T) split() (days, secs int64) {\n"
                 "\tsecs = t.ns\n"
                 "\treturn\n"
                 "}\n"
                 "func (t T) Clock() (hour, min int) {\n"
                 "\t_, s := t.split()\n"
                 "\treturn int(s / 3600), int(s / 60 % 60)\n"
                 "}\n"
                 "func get() any { return int8(100) }\n"
                 "func main() {\n"
                 "\tt := T{7300}\n"
                 "\tfmt.Println(t.Clock())\n"
                 "\tv := get().(int8)\n"
                 "\tfmt.Println(int(v+100), float64(v/3))\n"
                 "}\n"),
              "2 1\n-56 33\n");
}
END_TEST

START_TEST(constants_and_iota)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Weekday int\n"
                 "const (\n"
                 "\tSunday Weekday = iota\n"
                 "\tMonday\n"
                 "\tTuesday\n"
                 ")\n"
                 "const (\n"
                 "\t_ = iota\n"
                 "\tKB = 1 << (10 * iota)\n"
                 "\tMB\n"
                 ")\n"
                 "const big = 1 << 62\n"
                 "const half = big / (1 << 61)\n"
                 "const pi = 3.14159\n"
                 "const greeting = \"hi\" + \" there\"\n"
                 "func main() {\n"
                 "\tfmt.Println(Sunday, Tuesday, KB, MB, half, pi*2, greeting, "
                 "len(greeting))\n"
                 "\tvar f float64 = 1\n"
                 "\tfmt.Println(f/2, 5/2, 5.0/2, 'a'+1, string(rune('a'+1)))\n"
                 "\tfmt.Printf(\"%T %T %T\\n\", Monday, 'x', 2.0)\n"
                 "}\n"),
              "0 2 1024 1048576 2 6.28318 hi there 8\n"
              "0.5 2 2.5 98 b\n"
              "main.Weekday int32 float64\n");
}
END_TEST

START_TEST(control_flow_statements)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func classify(n int) string {\n"
                 "\tswitch {\n"
                 "\tcase n < 0:\n"
                 "\t\treturn \"neg\"\n"
                 "\tcase n == 0:\n"
                 "\t\treturn \"zero\"\n"
                 "\t}\n"
                 "\treturn \"pos\"\n"
                 "}\n"
                 "func main() {\n"
                 "\tsum := 0\n"
                 "\tfor i := 0; i < 10; i++ {\n"
                 "\t\tif i%2 == 0 {\n"
                 "\t\t\tcontinue\n"
                 "\t\t}\n"
                 "\t\tif i > 7 {\n"
                 "\t\t\tbreak\n"
                 "\t\t}\n"
                 "\t\tsum += i\n"
                 "\t}\n"
                 "\tn := 0\n"
                 "\tfor n < 5 {\n"
                 "\t\tn += 2\n"
                 "\t}\n"
                 "\tfor {\n"
                 "\t\tn--\n"
                 "\t\tif n == 3 {\n"
                 "\t\t\tbreak\n"
                 "\t\t}\n"
                 "\t}\n"
                 "\tfmt.Println(sum, n, classify(-2), classify(0), classify(4))\n"
                 "\tfor i := range 3 {\n"
                 "\t\tfmt.Print(i)\n"
                 "\t}\n"
                 "\tswitch x := 2; x {\n"
                 "\tcase 1, 2:\n"
                 "\t\tfmt.Println(\" one or two\")\n"
                 "\t\tfallthrough\n"
                 "\tcase 3:\n"
                 "\t\tfmt.Println(\"three\")\n"
                 "\tdefault:\n"
                 "\t\tfmt.Println(\"other\")\n"
                 "\t}\n"
                 "\tif v := sum * 2; v > 30 {\n"
                 "\t\tfmt.Println(\"v big\", v)\n"
                 "\t} else if v > 10 {\n"
                 "\t\tfmt.Println(\"v mid\", v)\n"
                 "\t} else {\n"
                 "\t\tfmt.Println(\"v small\", v)\n"
                 "\t}\n"
                 "}\n"),
              "16 3 neg zero pos\n"
              "012 one or two\n"
              "three\n"
              "v big 32\n");
}
END_TEST

START_TEST(goto_and_labels)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\ti := 0\n"
                 "loop:\n"
                 "\tif i < 3 {\n"
                 "\t\ti++\n"
                 "\t\tgoto loop\n"
                 "\t}\n"
                 "\tfmt.Println(i)\n"
                 "outer:\n"
                 "\tfor a := 0; a < 3; a++ {\n"
                 "\t\tfor b := 0; b < 3; b++ {\n"
                 "\t\t\tif b == 2 {\n"
                 "\t\t\t\tcontinue outer\n"
                 "\t\t\t}\n"
                 "\t\t\tif a == 2 {\n"
                 "\t\t\t\tbreak outer\n"
                 "\t\t\t}\n"
                 "\t\t\tfmt.Print(a, b, \" \")\n"
                 "\t\t}\n"
                 "\t}\n"
                 "\tfmt.Println()\n"
                 "\tgoto end\n"
                 "\tfmt.Println(\"skipped\")\n"
                 "end:\n"
                 "\tfmt.Println(\"end\")\n"
                 "}\n"),
              "3\n0 0 0 1 1 0 1 1 \nend\n");
}
END_TEST

START_TEST(strings_slices_maps)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\ts := \"hello, world\"\n"
                 "\tfmt.Println(len(s), s[0], s[7:], s[:5], s[3:5] == \"lo\", "
                 "s < \"help\")\n"
                 "\ta := []int{1, 2, 3, 4, 5}\n"
                 "\tb := a[1:3]\n"
                 "\tb[0] = 20\n"
                 "\tb = append(b, 30)\n"
                 "\tfmt.Println(a, b, len(b), cap(b), a[1:2:3], cap(a[1:2:3]))\n"
                 "\tc := make([]int, 2, 10)\n"
                 "\tn := copy(c, a)\n"
                 "\tfmt.Println(c, n)\n"
                 "\tvar nilS []int\n"
                 "\tfmt.Println(nilS == nil, len(nilS), append(nilS, 1))\n"
                 "\tm := map[string][]int{}\n"
                 "\tm[\"a\"] = append(m[\"a\"], 1)\n"
                 "\tm[\"a\"] = append(m[\"a\"], 2)\n"
                 "\tm[\"b\"] = nil\n"
                 "\t_, ok := m[\"b\"]\n"
                 "\tfmt.Println(m, len(m), ok)\n"
                 "\tcounts := map[rune]int{}\n"
                 "\tfor _, r := range \"abca\" {\n"
                 "\t\tcounts[r]++\n"
                 "\t}\n"
                 "\tfmt.Println(counts['a'], counts['b'], counts['z'])\n"
                 "\tgrid := [2][3]int{{1, 2, 3}, {4, 5, 6}}\n"
                 "\tgrid[1][2] = 60\n"
                 "\tfmt.Println(grid, len(grid[0]))\n"
                 "\tclear(counts)\n"
                 "\tfmt.Println(len(counts), min(3, 1, 2), max(2.5, 1), "
                 "min(\"b\", \"a\"))\n"
                 "}\n"),
              "12 104 world hello true true\n"
              "[1 20 3 30 5] [20 3 30] 3 4 [20] 2\n"
              "[1 20] 2\n"
              "true 0 [1]\n"
              "map[a:[1 2] b:[]] 2 true\n"
              "2 1 0\n"
              "[[1 2 3] [4 5 60]] 3\n"
              "0 1 2.5 a\n");
}
END_TEST

START_TEST(structs_are_copied_on_assignment)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type In struct{ V []int; N int }\n"
                 "type Out struct{ In In; Arr [2]int }\n"
                 "func bump(o Out) Out { o.In.N++; o.Arr[0]++; return o }\n"
                 "func main() {\n"
                 "\ta := Out{In{[]int{1}, 1}, [2]int{1, 2}}\n"
                 "\tb := a\n"
                 "\tb.In.N = 5\n"
                 "\tb.Arr[1] = 9\n"
                 "\tb.In.V[0] = 7\n"
                 "\tc := bump(a)\n"
                 "\tfmt.Println(a, b, c)\n"
                 "\tp := &a.In\n"
                 "\ta = b\n"
                 "\tp.N++\n"
                 "\tfmt.Println(a.In.N, p.N)\n"
                 "\tarr := []Out{a}\n"
                 "\tx := arr[0]\n"
                 "\tx.In.N = 100\n"
                 "\tfmt.Println(arr[0].In.N, x.In.N)\n"
                 "\tm := map[int]In{1: {nil, 1}}\n"
                 "\tv := m[1]\n"
                 "\tv.N = 2\n"
                 "\tfmt.Println(m[1].N, v.N, a.In.N == b.In.N, a.Arr == [2]int{1, 9})\n"
                 "}\n"),
              "{{[7] 1} [1 2]} {{[7] 5} [1 9]} {{[7] 2} [2 2]}\n"
              "6 6\n"
              "6 100\n"
              "1 2 false true\n");
}
END_TEST

START_TEST(pointers_and_new)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Node struct {\n"
                 "\tVal  int\n"
                 "\tNext *Node\n"
                 "}\n"
                 "func inc(p *int) { *p++ }\n"
                 "func main() {\n"
                 "\tx := 1\n"
                 "\tinc(&x)\n"
                 "\tinc(&x)\n"
                 "\tp := new(int)\n"
                 "\t*p = 5\n"
                 "\tvar list *Node\n"
                 "\tfor i := 3; i > 0; i-- {\n"
                 "\t\tlist = &Node{i, list}\n"
                 "\t}\n"
                 "\ts := 0\n"
                 "\tfor n := list; n != nil; n = n.Next {\n"
                 "\t\ts = s*10 + n.Val\n"
                 "\t}\n"
                 "\tarr := [3]int{}\n"
                 "\tq := &arr[1]\n"
                 "\t*q = 4\n"
                 "\tpa := &arr\n"
                 "\tpa[2] = 8\n"
                 "\tfmt.Println(x, *p, s, arr, len(pa), list.Next.Val)\n"
                 "}\n"),
              "3 5 123 [0 4 8] 3 2\n");
}
END_TEST

START_TEST(closures_capture_by_reference)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func counter() (func() int, func()) {\n"
                 "\tc := 0\n"
                 "\treturn func() int { c++; return c }, func() { c = 100 }\n"
                 "}\n"
                 "func apply(fs []func(int) int, v int) int {\n"
                 "\tfor _, f := range fs {\n"
                 "\t\tv = f(v)\n"
                 "\t}\n"
                 "\treturn v\n"
                 "}\n"
                 "func main() {\n"
                 "\tnext, reset := counter()\n"
                 "\tnext()\n"
                 "\tnext()\n"
                 "\treset()\n"
                 "\tfmt.Println(next())\n"
                 "\tx := 1\n"
                 "\tadd := func(n int) int { return n + x }\n"
                 "\tx = 10\n"
                 "\tdbl := func(n int) int { return n * 2 }\n"
                 "\tfmt.Println(apply([]func(int) int{add, dbl}, 1))\n"
                 "\tvar fib func(int) int\n"
                 "\tfib = func(n int) int {\n"
                 "\t\tif n < 2 {\n"
                 "\t\t\treturn n\n"
                 "\t\t}\n"
                 "\t\treturn fib(n-1) + fib(n-2)\n"
                 "\t}\n"
                 "\tfmt.Println(fib(15))\n"
                 "\tnested := func() func() int {\n"
                 "\t\treturn func() int { x++; return x }\n"
                 "\t}()\n"
                 "\tnested()\n"
                 "\tfmt.Println(x)\n"
                 "}\n"),
              "101\n22\n610\n11\n");
}
END_TEST

/* Go 1.22 gives each iteration its own loop variable; before, one. */
static const char loopvar_src[] =
    GO("import \"fmt\"\n"
       "func main() {\n"
       "\tvar fs []func() int\n"
       "\tfor i := 0; i < 3; i++ {\n"
       "\t\tfs = append(fs, func() int { return i })\n"
       "\t}\n"
       "\tfor _, v := range []int{7, 8} {\n"
       "\t\tfs = append(fs, func() int { return v })\n"
       "\t}\n"
       "\tfor _, f := range fs {\n"
       "\t\tfmt.Print(f(), \" \")\n"
       "\t}\n"
       "\tfmt.Println()\n"
       "}\n");

START_TEST(loop_variables_per_iteration_from_go_1_22)
{
    go_res r = go_exec(loopvar_src, WF_STRATEGY_RR, 1, "1.22");
    ck_assert_str_eq(r.text, "0 1 2 7 8 \n");
    free(r.text);
}
END_TEST

START_TEST(loop_variables_per_loop_before_go_1_22)
{
    go_res r = go_exec(loopvar_src, WF_STRATEGY_RR, 1, "1.21");
    ck_assert_str_eq(r.text, "3 3 3 8 8 \n");
    free(r.text);
}
END_TEST

START_TEST(methods_interfaces_and_embedding)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Animal interface{ Sound() string }\n"
                 "type Named interface {\n"
                 "\tAnimal\n"
                 "\tName() string\n"
                 "}\n"
                 "type Base struct{ name string }\n"
                 "func (b Base) Name() string { return b.name }\n"
                 "func (b *Base) Rename(n string) { b.name = n }\n"
                 "type Dog struct {\n"
                 "\tBase\n"
                 "\tage int\n"
                 "}\n"
                 "func (d *Dog) Sound() string { return \"woof\" }\n"
                 "type Counter int\n"
                 "func (c *Counter) Inc() { *c++ }\n"
                 "func (c Counter) String() string { return fmt.Sprint(\"#\", "
                 "int(c)) }\n"
                 "func describe(a Animal) string {\n"
                 "\tif n, ok := a.(Named); ok {\n"
                 "\t\treturn n.Name() + \" says \" + a.Sound()\n"
                 "\t}\n"
                 "\treturn a.Sound()\n"
                 "}\n"
                 "func main() {\n"
                 "\td := &Dog{Base{\"rex\"}, 3}\n"
                 "\td.Rename(\"max\")\n"
                 "\tfmt.Println(describe(d), d.name, d.Base.name, d.age)\n"
                 "\tvar c Counter\n"
                 "\tc.Inc()\n"
                 "\tc.Inc()\n"
                 "\tfmt.Println(c)\n"
                 "\tf := d.Name\n"
                 "\td.Rename(\"bob\")\n"
                 "\tg := (*Dog).Sound\n"
                 "\tfmt.Println(f(), g(d), Base.Name(d.Base))\n"
                 "\tvar a Animal = d\n"
                 "\t_, isDog := a.(*Dog)\n"
                 "\t_, isNamed := interface{}(Base{}).(Named)\n"
                 "\tfmt.Println(isDog, isNamed)\n"
                 "}\n"),
              "max says woof max max 3\n"
              "#2\n"
              "max woof bob\n"
              "true false\n");
}
END_TEST

START_TEST(defer_recover_and_named_results)
{
    GO_EXPECT(GO("import (\n\t\"errors\"\n\t\"fmt\"\n)\n"
                 "func safeDiv(a, b int) (q int, err error) {\n"
                 "\tdefer func() {\n"
                 "\t\tif r := recover(); r != nil {\n"
                 "\t\t\terr = fmt.Errorf(\"recovered: %v\", r)\n"
                 "\t\t}\n"
                 "\t}()\n"
                 "\treturn a / b, nil\n"
                 "}\n"
                 "func order() (s string) {\n"
                 "\tfor i := 0; i < 3; i++ {\n"
                 "\t\tdefer func(n int) { s += fmt.Sprint(n) }(i)\n"
                 "\t}\n"
                 "\treturn \"x\"\n"
                 "}\n"
                 "var errBoom = errors.New(\"boom\")\n"
                 "func main() {\n"
                 "\tfmt.Println(safeDiv(7, 2))\n"
                 "\tfmt.Println(safeDiv(1, 0))\n"
                 "\tfmt.Println(order())\n"
                 "\tdefer fmt.Println(\"last\")\n"
                 "\tfunc() {\n"
                 "\t\tdefer func() { fmt.Println(recover() == errBoom) }()\n"
                 "\t\tpanic(errBoom)\n"
                 "\t}()\n"
                 "\tfmt.Println(recover())\n"
                 "}\n"),
              "3 <nil>\n"
              "0 recovered: runtime error: integer divide by zero\n"
              "x210\n"
              "true\n"
              "<nil>\n"
              "last\n");
}
END_TEST

START_TEST(fast_paths_keep_go_semantics)
{
    /* the VM's fast paths for integers, calls and returns, and the
     * compiler's reading of locals in place and retargeted results */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func div(z int) (r int) {\n"
                 "\tdefer func() { recover() }()\n"
                 "\tr = 5\n"
                 "\treturn r / z\n"
                 "}\n"
                 "func two(x int) (int, int) {\n"
                 "\tif x < 2 {\n"
                 "\t\treturn x, -x\n"
                 "\t}\n"
                 "\ta, b := two(x - 1)\n"
                 "\treturn b - x, a + x\n"
                 "}\n"
                 "func main() {\n"
                 "\tfmt.Println(div(0), div(1))\n"
                 "\tfmt.Println(two(5))\n"
                 "\ta, b := 1, 2\n"
                 "\ta, b = b, a\n"
                 "\tx := []int{0, 0, 0}\n"
                 "\ti := 0\n"
                 "\ti, x[i] = 1, 2\n"
                 "\tfmt.Println(a, b, i, x)\n"
                 "\tn := 3\n"
                 "\tn = n<<2 + n\n"
                 "\tn = -n\n"
                 "\tok := n < 0 && n > -100\n"
                 "\tfmt.Println(n, ok, ^n)\n"
                 "\tvar u uint64 = 1 << 63\n"
                 "\tvar v uint64 = 3\n"
                 "\tfmt.Println(u > v, u/v, u%v, u>>62, v<<63, v<<64)\n"
                 "\tvar s8 int8 = -128\n"
                 "\tvar m1 int8 = -1\n"
                 "\tfmt.Println(s8/m1, s8%m1, s8*m1, s8-1, uint8(s8), int8(n))\n"
                 "\tvar sh int = -1\n"
                 "\tdefer func() { fmt.Println(recover()) }()\n"
                 "\tfmt.Println(n << sh)\n"
                 "}\n"),
              "5 5\n"
              "-1 1\n"
              "2 1 1 [2 0 0]\n"
              "-15 true 14\n"
              "true 3074457345618258602 2 2 9223372036854775808 0\n"
              "-128 0 -128 127 128 -15\n"
              "runtime error: negative shift amount\n");
}
END_TEST

START_TEST(fused_branches_and_lean_calls_keep_go_semantics)
{
    /* a comparison and the JF or JT on its result done as one step, at
     * every integer size; results moving down over the callee's frame
     * (a function value's slot is the first result's), a boxed named
     * result, fewer results kept than returned, a closure's call */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func cmp8(a, b int8) int {\n"
                 "\tif a < b || a == b+1 {\n"
                 "\t\treturn 1\n"
                 "\t}\n"
                 "\tif !(a <= b) && a != 100 {\n"
                 "\t\treturn 2\n"
                 "\t}\n"
                 "\treturn 3\n"
                 "}\n"
                 "func cmpu(a, b uint32) bool { return a < b }\n"
                 "func cmpu64(a, b uint64) bool { return a <= b }\n"
                 "func pair() (int, int) { return 2, 3 }\n"
                 "func three() (int, string, int) { return 4, \"five\", 6 }\n"
                 "func boxed() (r int) {\n"
                 "\tf := func() { r += 7 }\n"
                 "\tr = 1\n"
                 "\tf()\n"
                 "\treturn r * 2\n"
                 "}\n"
                 "func main() {\n"
                 "\tfmt.Println(cmp8(-128, 127), cmp8(5, 4), cmp8(7, 3), cmp8(100, 1))\n"
                 "\tfmt.Println(cmpu(1<<31, 1), cmpu(1, 1<<31), cmpu64(1<<63, 1))\n"
                 "\tc, d := pair()\n"
                 "\tx, y, z := three()\n"
                 "\tadd := func(a, b int) int { return a + b + c }\n"
                 "\tfmt.Println(c, d, x, y, z, boxed(), add(d, x))\n"
                 "\tn := 0\n"
                 "\tfor i := int16(-3); i <= 3; i++ {\n"
                 "\t\tif i > 0 {\n"
                 "\t\t\tn += int(i)\n"
                 "\t\t}\n"
                 "\t}\n"
                 "\tfmt.Println(n)\n"
                 "}\n"),
              "1 1 2 3\n"
              "false true false\n"
              "2 3 4 five 6 16 9\n"
              "6\n");
}
END_TEST

START_TEST(checked_integer_instructions_keep_go_semantics)
{
    /* the checker's integer types pick the untagged instructions (vm.h,
     * IADD ..): each size wraps, a named type keeps its name, a constant
     * on the left of a comparison flips it (5 < x as x > 5), shifts by a
     * constant, x op= y reading a local y in place; a return's values
     * computed into the result registers only where nothing can tell
     * (a named result read by a later value, a value that panics) */
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type Celsius int16\n"
                 "func sizes(a int8, b uint8, c int16, d uint16, e int32, f uint32) {\n"
                 "\tfmt.Println(a+1, a-1+a, a*2, b+1, b-2, b*b, c+c, d-1, e*e, f+f+1)\n"
                 "\tfmt.Println(a&^1, a|1, a^-1, b&0x0f, b|0x10, b^0xff)\n"
                 "\tfmt.Println(a>>7, a<<1, b<<1, b>>7, c<<15, d>>15, e>>31, f<<31)\n"
                 "}\n"
                 "func order(x int, u uint64) (int, int, int, int) {\n"
                 "\tn := 0\n"
                 "\tif 5 < x {\n\t\tn |= 1\n\t}\n"
                 "\tif 5 <= x {\n\t\tn |= 2\n\t}\n"
                 "\tif 1 < u {\n\t\tn |= 4\n\t}\n"
                 "\tif 1<<63 <= u {\n\t\tn |= 8\n\t}\n"
                 "\tif u != 3 && 3 != x {\n\t\tn |= 16\n\t}\n"
                 "\ty := 10\n"
                 "\ty -= x\n"
                 "\tx -= y\n"
                 "\treturn n, 1 - x, x, y\n"
                 "}\n"
                 "func swap() (q, r int) {\n"
                 "\tq, r = 1, 2\n"
                 "\treturn r, q\n"
                 "}\n"
                 "func next() (q, r int) {\n"
                 "\tq = 3\n"
                 "\treturn q + 1, q + 2\n"
                 "}\n"
                 "func safe(z int) (int, int) {\n"
                 "\tdefer func() { recover() }()\n"
                 "\ta := 1\n"
                 "\treturn a + 1, 10 / z\n"
                 "}\n"
                 "func main() {\n"
                 "\tsizes(-128, 255, -32768, 0, 1<<16, 1<<31)\n"
                 "\tsizes(127, 0, 32767, 65535, -1, 3)\n"
                 "\tvar t Celsius = 32767\n"
                 "\tt += 1\n"
                 "\tfmt.Printf(\"%T %v %v\\n\", t, t, t-1 < t)\n"
                 "\tfmt.Println(order(5, 1<<63))\n"
                 "\tfmt.Println(order(6, 1))\n"
                 "\tfmt.Println(swap())\n"
                 "\tfmt.Println(next())\n"
                 "\tfmt.Println(safe(0))\n"
                 "\tfmt.Println(safe(5))\n"
                 "}\n"),
              "-127 -1 0 0 253 1 0 65535 0 1\n"
              "-128 -127 127 15 255 0\n"
              "-1 0 254 1 0 0 0 0\n"
              "-128 -3 -2 1 254 0 -2 65534 1 7\n"
              "126 127 -128 0 16 255\n"
              "0 -2 0 0 -32768 1 -1 2147483648\n"
              "main.Celsius -32768 false\n"
              "30 1 0 5\n"
              "19 -1 2 4\n"
              "2 1\n"
              "4 5\n"
              "0 0\n"
              "2 2\n");
}
END_TEST

START_TEST(errors_wrap_is_as)
{
    GO_EXPECT(GO("import (\n\t\"errors\"\n\t\"fmt\"\n)\n"
                 "type MyErr struct{ Code int }\n"
                 "func (e *MyErr) Error() string { return fmt.Sprintf(\"code "
                 "%d\", e.Code) }\n"
                 "var ErrNotFound = errors.New(\"not found\")\n"
                 "func main() {\n"
                 "\te1 := fmt.Errorf(\"load: %w\", ErrNotFound)\n"
                 "\te2 := fmt.Errorf(\"wrap: %w\", &MyErr{42})\n"
                 "\tvar me *MyErr\n"
                 "\tfmt.Println(e1, errors.Is(e1, ErrNotFound), "
                 "errors.Is(e2, ErrNotFound))\n"
                 "\tok := errors.As(e2, &me)\n"
                 "\tfmt.Println(ok, me.Code, errors.Unwrap(e1) == ErrNotFound)\n"
                 "\tfmt.Printf(\"%v|%s|%T\\n\", e2, ErrNotFound, e1)\n"
                 "}\n"),
              "load: not found true false\n"
              "true 42 true\n"
              "wrap: code 42|not found|*fmt.wrapError\n");
}
END_TEST

START_TEST(fmt_verbs_and_widths)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type P struct {\n"
                 "\tName string\n"
                 "\tAge  int\n"
                 "}\n"
                 "func main() {\n"
                 "\tp := P{\"Ann\", 30}\n"
                 "\tfmt.Printf(\"%v|%+v|%#v|%T\\n\", p, p, p, &p)\n"
                 "\tfmt.Printf(\"[%5d][%-5d][%05d][%x][%X][%o][%b][%+d]\\n\", "
                 "42, 42, 42, 255, 255, 8, 5, 3)\n"
                 "\tfmt.Printf(\"[%8.3f][%-8.2f][%e][%g][%.0f]\\n\", 3.14159, "
                 "2.5, 1234.5678, 0.000012, 2.5)\n"
                 "\tfmt.Printf(\"[%s][%10s][%-10s][%q][%.2s][%x]\\n\", \"go\", "
                 "\"right\", \"left\", \"a\\tb\", \"abc\", \"hi\")\n"
                 "\tfmt.Printf(\"[%c][%q][%U][%t][%v][%d%%]\\n\", 65, 'x', "
                 "0x263A, false, nil, 50)\n"
                 "\tfmt.Printf(\"%d %s\\n\", \"str\", 5)\n"
                 "\tfmt.Printf(\"%d\\n\")\n"
                 "\tfmt.Printf(\"%d\\n\", 1, 2)\n"
                 "\tfmt.Println(fmt.Sprint(\"a\", 1, 2, \"b\", \"c\", 3.5), "
                 "fmt.Sprintln(\"x\", 1))\n"
                 "\tfmt.Println(&p, []string{\"a\", \"b\"}, [2]bool{true}, "
                 "map[int]string{2: \"b\", 1: \"a\"})\n"
                 "\tvar ip *int\n"
                 "\tvar e error\n"
                 "\tfmt.Println(ip, e, []byte(\"A\"))\n"
                 "}\n"),
              "{Ann 30}|{Name:Ann Age:30}|main.P{Name:\"Ann\", Age:30}|*main.P\n"
              "[   42][42   ][00042][ff][FF][10][101][+3]\n"
              "[   3.142][2.50    ][1.234568e+03][1.2e-05][2]\n"
              "[go][     right][left      ][\"a\\tb\"][ab][6869]\n"
              "[A]['x'][U+263A][false][<nil>][50%]\n"
              "%!d(string=str) %!s(int=5)\n"
              "%!d(MISSING)\n"
              "1\n%!(EXTRA int=2)"
              "a1 2bc3.5 x 1\n\n"
              "&{Ann 30} [a b] [true false] map[1:a 2:b]\n"
              "<nil> <nil> [65]\n");
}
END_TEST

START_TEST(runtime_panics_use_go_wording)
{
    static const struct {
        const char *body;
        const char *msg;
    } cases[] = {
        {"a := []int{1, 2, 3}\n\ti := 5\n\t_ = a[i]",
         "panic: runtime error: index out of range [5] with length 3\n"},
        {"a := []int{1, 2, 3}\n\ti := -1\n\t_ = a[i]",
         "panic: runtime error: index out of range [-1]\n"},
        {"a := []int{1, 2, 3}\n\tj := 5\n\t_ = a[:j]",
         "panic: runtime error: slice bounds out of range [:5] with capacity "
         "3\n"},
        {"a := []int{1, 2, 3}\n\ti, j := 2, 1\n\t_ = a[i:j]",
         "panic: runtime error: slice bounds out of range [2:1]\n"},
        {"s := \"abc\"\n\tj := 4\n\t_ = s[1:j]",
         "panic: runtime error: slice bounds out of range [:4] with length "
         "3\n"},
        {"var m map[string]int\n\tm[\"a\"] = 1",
         "panic: assignment to entry in nil map\n"},
        {"type T struct{ X int }\n\tvar p *T\n\tp.X = 1",
         "panic: runtime error: invalid memory address or nil pointer "
         "dereference\n"},
        {"x, y := 1, 0\n\t_ = x / y",
         "panic: runtime error: integer divide by zero\n"},
        {"var x interface{} = \"s\"\n\t_ = x.(int)",
         "panic: interface conversion: interface {} is string, not int\n"},
        {"var e error\n\t_ = e.(interface{ Foo() })",
         "panic: interface conversion: error is nil, not interface { "
         "Foo() }\n"},
        {"n := -1\n\t_ = make([]int, n)",
         "panic: runtime error: makeslice: len out of range\n"},
        {"var ch chan int\n\tclose(ch)", "panic: close of nil channel\n"},
        {"ch := make(chan int)\n\tclose(ch)\n\tclose(ch)",
         "panic: close of closed channel\n"},
        {"ch := make(chan int, 1)\n\tclose(ch)\n\tch <- 1",
         "panic: send on closed channel\n"},
        {"panic(\"boom\")", "panic: boom\n"},
        {"panic(fmt.Errorf(\"bad %d\", 7))", "panic: bad 7\n"},
        {"type E int\n\tpanic(E(3))", "panic: main.E(3)\n"},
        {"var f func()\n\tf()",
         "panic: runtime error: invalid memory address or nil pointer "
         "dereference\n"},
        {"s := 1\n\tn := -1\n\t_ = s << n",
         "panic: runtime error: negative shift amount\n"},
        {"var x interface{} = []int{}\n\t_ = x == x",
         "panic: runtime error: comparing uncomparable type []int\n"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char src[1024];
        char *got;
        snprintf(src, sizeof src,
                 "package main\nimport \"fmt\"\nvar _ = fmt.Sprint\n"
                 "func main() {\n\t%s\n}\n",
                 cases[i].body);
        got = go_run(src);
        ck_assert_msg(!strcmp(got, cases[i].msg), "case %zu: got %s", i, got);
        free(got);
    }
}
END_TEST

START_TEST(stack_overflow_is_a_clean_panic)
{
    GO_EXPECT(GO("func f(n int) int { return f(n+1) + 1 }\n"
                 "func main() { f(0) }\n"),
              "panic: fatal error: stack overflow (goroutine stack exceeds "
              "1000000000-byte limit)\n");
}
END_TEST

START_TEST(panic_in_goroutine_ends_the_execution)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "func main() {\n"
                 "\tdone := make(chan bool)\n"
                 "\tgo func() {\n"
                 "\t\tdefer fmt.Println(\"deferred in g\")\n"
                 "\t\tvar a []int\n"
                 "\t\t_ = a[3]\n"
                 "\t\tdone <- true\n"
                 "\t}()\n"
                 "\t<-done\n"
                 "}\n"),
              "deferred in g\n"
              "panic: runtime error: index out of range [3] with length 0\n");
}
END_TEST

START_TEST(package_variables_in_dependency_order)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "var a = b + 1\n"
                 "var b = f()\n"
                 "var c, d = pair()\n"
                 "var total int\n"
                 "func f() int { return c * 10 }\n"
                 "func pair() (int, int) { return 2, 3 }\n"
                 "func init() { total = a + d }\n"
                 "func init() { total *= 2 }\n"
                 "func main() { fmt.Println(a, b, c, d, total) }\n"),
              "21 20 2 3 48\n");
}
END_TEST

START_TEST(type_switches_and_assertions)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type S struct{}\n"
                 "func (S) String() string { return \"S!\" }\n"
                 "func kind(v interface{}) string {\n"
                 "\tswitch x := v.(type) {\n"
                 "\tcase nil:\n"
                 "\t\treturn \"nil\"\n"
                 "\tcase int, int64:\n"
                 "\t\treturn fmt.Sprintf(\"int %v\", x)\n"
                 "\tcase string:\n"
                 "\t\treturn \"string \" + x\n"
                 "\tcase fmt.Stringer:\n"
                 "\t\treturn \"stringer \" + x.String()\n"
                 "\tcase []int:\n"
                 "\t\treturn fmt.Sprint(\"slice \", len(x))\n"
                 "\tdefault:\n"
                 "\t\treturn fmt.Sprintf(\"other %T\", x)\n"
                 "\t}\n"
                 "}\n"
                 "func main() {\n"
                 "\tfor _, v := range []interface{}{nil, 1, int64(2), \"s\", "
                 "S{}, []int{1}, 2.5} {\n"
                 "\t\tfmt.Println(kind(v))\n"
                 "\t}\n"
                 "}\n"),
              "nil\nint 1\nint 2\nstring s\nstringer S!\nslice 1\n"
              "other float64\n");
}
END_TEST

START_TEST(nil_interfaces_and_typed_nils)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "type E struct{}\n"
                 "func (*E) Error() string { return \"E\" }\n"
                 "func get(fail bool) error {\n"
                 "\tvar p *E\n"
                 "\tif fail {\n"
                 "\t\treturn p\n"
                 "\t}\n"
                 "\treturn nil\n"
                 "}\n"
                 "func main() {\n"
                 "\tfmt.Println(get(false) == nil, get(true) == nil)\n"
                 "\tvar p *E\n"
                 "\tfmt.Println(p == nil)\n"
                 "}\n"),
              "true false\ntrue\n");
}
END_TEST

START_TEST(embedded_interfaces_promote_their_methods)
{
    GO_EXPECT(GO("import (\n\t\"errors\"\n\t\"fmt\"\n)\n"
                 "type wrapped struct {\n"
                 "\terror\n"
                 "\tcode int\n"
                 "}\n"
                 "type Namer interface{ Name() string }\n"
                 "type base struct{ n string }\n"
                 "func (b base) Name() string { return b.n }\n"
                 "type holder struct{ Namer }\n"
                 "func main() {\n"
                 "\tw := wrapped{errors.New(\"inner\"), 3}\n"
                 "\tvar e error = w\n"
                 "\th := holder{base{\"bob\"}}\n"
                 "\tf := h.Name\n"
                 "\tfmt.Println(w.Error(), e, h.Name(), f())\n"
                 "\t_, isErr := interface{}(h).(error)\n"
                 "\tfmt.Println(isErr)\n"
                 "\tvar empty holder\n"
                 "\tfmt.Println(empty.Name())\n"
                 "}\n"),
              "inner inner bob bob\nfalse\n"
              "panic: runtime error: invalid memory address or nil pointer "
              "dereference\n");
}
END_TEST

START_TEST(address_of_a_dereference_checks_nil)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "var p *int\n"
                 "func try(f func()) {\n"
                 "\tdefer func() { fmt.Println(recover() != nil) }()\n"
                 "\tf()\n"
                 "}\n"
                 "func main() {\n"
                 "\ttry(func() { _ = &*p })\n"
                 "\tx := 3\n"
                 "\tp = &x\n"
                 "\ttry(func() { *&*p = 4 })\n"
                 "\tfmt.Println(x)\n"
                 "}\n"),
              "true\nfalse\n4\n");
}
END_TEST

START_TEST(pointers_to_zero_size_values_are_equal)
{
    GO_EXPECT(GO("import \"fmt\"\n"
                 "var x [10][0]byte\n"
                 "var y = make([]struct{}, 10)\n"
                 "func main() {\n"
                 "\tz := []int{1, 2}\n"
                 "\tm := map[*struct{}]int{&y[1]: 1}\n"
                 "\tm[&y[2]]++\n"
                 "\tfmt.Println(&x[1] == &x[2], &y[1] == &y[2], &z[0] == &z[1],"
                 " len(m), m[&y[5]])\n"
                 "}\n"),
              "true true false 1 2\n");
}
END_TEST

START_TEST(value_method_through_interface_on_nil_pointer)
{
    GO_EXPECT(GO("type T int\n"
                 "func (t T) F() {}\n"
                 "type I interface{ F() }\n"
                 "func main() {\n"
                 "\tvar p *T\n"
                 "\tvar i I = p\n"
                 "\tdefer func() { println(recover().(error).Error()) }()\n"
                 "\tfunc() {\n"
                 "\t\tdefer func() { println(recover().(error).Error()) }()\n"
                 "\t\tp.F()\n"
                 "\t}()\n"
                 "\ti.F()\n"
                 "}\n"),
              "runtime error: invalid memory address or nil pointer "
              "dereference\n"
              "value method main.T.F called using nil *T pointer\n");
}
END_TEST

START_TEST(unsigned_slice_bounds_print_as_unsigned)
{
    GO_EXPECT(GO("func main() {\n"
                 "\ts := []int{1, 2, 3}\n"
                 "\tvar u uint64 = 1<<64 - 1\n"
                 "\tdefer func() { println(recover().(error).Error()) }()\n"
                 "\t_ = s[1:u]\n"
                 "}\n"),
              "runtime error: slice bounds out of range "
              "[:18446744073709551615] with capacity 3\n");
}
END_TEST

/* A map's index work stays O(1) an operation: n NaN keys (each a new
 * entry, never found again) do not pile up under one hash, and a map that
 * keeps inserting and deleting does not rebuild its index every insert
 * (both were quadratic: 200,000 queue operations took 8 s). */
START_TEST(map_index_work_is_linear)
{
    vm_program *p = NULL;
    wf_diag d;
    const char *src = "package main\nfunc main() {}\n";
    wf_engine *e = engine_new(NULL);
    vm_exec x;
    vm_map *m, *q;
    const uint32_t n = 20000;
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), NULL, &p, &d),
                     WF_OK);
    memset(&x, 0, sizeof x);
    x.prog = p;
    x.e = e;
    m = map_new(&x, 0, 0);
    for (uint32_t i = 0; i < n; i++) {
        map_insert(&x, m, vm_float(T_FLOAT64, NAN))->v.i = 1;
        map_insert(&x, m, vm_float(T_FLOAT64, (double)i))->v.i = 2;
    }
    ck_assert_uint_eq(m->count, 2 * n);
    ck_assert_ptr_null(map_find(&x, m, vm_float(T_FLOAT64, NAN)));
    ck_assert_int_eq(map_find(&x, m, vm_float(T_FLOAT64, 7))->v.i, 2);
    ck_assert_uint_lt(m->work, 16 * (uint64_t)n);
    q = map_new(&x, 0, 0);
    for (uint32_t i = 0; i < 10 * n; i++) {
        map_insert(&x, q, vm_int(T_INT, i));
        map_delete(&x, q, vm_int(T_INT, (int64_t)i - 3));
    }
    ck_assert_uint_eq(q->count, 3);
    ck_assert_ptr_nonnull(map_find(&x, q, vm_int(T_INT, 10 * n - 3)));
    ck_assert_ptr_null(map_find(&x, q, vm_int(T_INT, 10 * n - 4)));
    ck_assert_uint_lt(q->work, 16 * 10 * (uint64_t)n);
    engine_free(e);
    vm_program_free(p);
}
END_TEST

Suite *vm_suite(void)
{
    Suite *s = suite_create("vm");
    TCase *tc = tcase_create("language");
    tcase_add_test(tc, prints_and_arithmetic);
    tcase_add_test(tc, fast_paths_keep_go_semantics);
    tcase_add_test(tc, fused_branches_and_lean_calls_keep_go_semantics);
    tcase_add_test(tc, integers_wrap_at_every_size);
    tcase_add_test(tc, conversions);
    tcase_add_test(tc, conversion_operands_are_typed_by_their_operands);
    tcase_add_test(tc, constants_and_iota);
    tcase_add_test(tc, control_flow_statements);
    tcase_add_test(tc, goto_and_labels);
    tcase_add_test(tc, strings_slices_maps);
    tcase_add_test(tc, structs_are_copied_on_assignment);
    tcase_add_test(tc, pointers_and_new);
    tcase_add_test(tc, closures_capture_by_reference);
    tcase_add_test(tc, loop_variables_per_iteration_from_go_1_22);
    tcase_add_test(tc, loop_variables_per_loop_before_go_1_22);
    tcase_add_test(tc, methods_interfaces_and_embedding);
    tcase_add_test(tc, embedded_interfaces_promote_their_methods);
    tcase_add_test(tc, defer_recover_and_named_results);
    tcase_add_test(tc, errors_wrap_is_as);
    tcase_add_test(tc, fmt_verbs_and_widths);
    tcase_add_test(tc, type_switches_and_assertions);
    tcase_add_test(tc, nil_interfaces_and_typed_nils);
    tcase_add_test(tc, package_variables_in_dependency_order);
    tcase_add_test(tc, address_of_a_dereference_checks_nil);
    tcase_add_test(tc, pointers_to_zero_size_values_are_equal);
    tcase_add_test(tc, map_index_work_is_linear);
    suite_add_tcase(s, tc);
    tc = tcase_create("panics");
    tcase_add_test(tc, runtime_panics_use_go_wording);
    tcase_add_test(tc, stack_overflow_is_a_clean_panic);
    tcase_add_test(tc, panic_in_goroutine_ends_the_execution);
    tcase_add_test(tc, value_method_through_interface_on_nil_pointer);
    tcase_add_test(tc, unsigned_slice_bounds_print_as_unsigned);
    tcase_add_test(tc, checked_integer_instructions_keep_go_semantics);
    suite_add_tcase(s, tc);
    return s;
}

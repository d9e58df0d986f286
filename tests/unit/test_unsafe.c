/* test_unsafe.c: the Go front end's unsafe pointers (synthetic
 * addresses, vm_addr.c; unsafe.Add and Slice; layouts of type
 * parameters) and the reflect pieces that make values: MakeFunc's
 * functions, New, Zero, MakeMap, SetMapIndex, Set. */
#include "checker/checkers.h"
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

START_TEST(uintptr_round_trips_to_the_object)
{
    /* uintptr(unsafe.Pointer(p)) is a synthetic address laid out as gc
     * lays values out: arithmetic over Offsetof and Sizeof reaches the
     * field or element there, back as a pointer of its type (a window of
     * a slice's elements for an array pointer); %p and reflect's
     * Pointer give the same number; 0 is nil */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"reflect\"\n"
                 "	\"unsafe\"\n"
                 ")\n"
                 "type S struct {\n"
                 "	A int8\n"
                 "	B int64\n"
                 "	C [3]int16\n"
                 "	D struct{ E, F int32 }\n"
                 "}\n"
                 "var g [4]uint32\n"
                 "func main() {\n"
                 "	var s S\n"
                 "	p := uintptr(unsafe.Pointer(&s))\n"
                 "	*(*int64)(unsafe.Pointer(p + unsafe.Offsetof(s.B))) = 7\n"
                 "	*(*int16)(unsafe.Pointer(p + unsafe.Offsetof(s.C) + 2*unsafe.Sizeof(s.C[0]))) = 5\n"
                 "	*(*int32)(unsafe.Pointer(p + unsafe.Offsetof(s.D) + 4)) = 9\n"
                 "	fmt.Println(s.B, s.C, s.D.F)\n"
                 "	fmt.Println(uintptr(unsafe.Pointer(&s.D.F))-p == unsafe.Offsetof(s.D)+unsafe.Offsetof(s.D.F))\n"
                 "	q := (*S)(unsafe.Pointer(p))\n"
                 "	fmt.Println(q == &s, q.B)\n"
                 "	b := make([]byte, 8)\n"
                 "	e := (*byte)(unsafe.Pointer(uintptr(unsafe.Pointer(&b[0])) + 5))\n"
                 "	*e = 3\n"
                 "	fmt.Println(b, uintptr(unsafe.Pointer(&b[3]))-uintptr(unsafe.Pointer(&b[0])))\n"
                 "	arr := (*[4]byte)(unsafe.Pointer(&b[2]))\n"
                 "	arr[1] = 8\n"
                 "	fmt.Println(b, len(arr))\n"
                 "	g[2] = 11\n"
                 "	u := uintptr(unsafe.Pointer(&g[0])) + 8\n"
                 "	fmt.Println(*(*uint32)(unsafe.Pointer(u)))\n"
                 "	x := 42\n"
                 "	fmt.Println(fmt.Sprintf(\"%p\", &x) == fmt.Sprintf(\"%#x\", uintptr(unsafe.Pointer(&x))),\n"
                 "		reflect.ValueOf(&x).Pointer() == uintptr(unsafe.Pointer(&x)))\n"
                 "	fmt.Println(unsafe.Pointer(uintptr(0)) == nil, uintptr(unsafe.Pointer(nil)))\n"
                 "}\n"),
              "7 [0 0 5] 9\n"
              "true\n"
              "true 7\n"
              "[0 0 0 0 0 3 0 0] 3\n"
              "[0 0 0 8 0 3 0 0] 4\n"
              "11\n"
              "true true\n"
              "true 0\n");
    /* a dereference of what is no object of the pointer's type reads
     * the bits gc's layout puts there (vm_view.c: a float's as a uint64,
     * as Go gives them), never a made-up value: each package variable
     * is its own object, as gc's are, and arithmetic from one does not
     * reach the next */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"unsafe\"\n)\n"
                 "func main() {\n"
                 "\tf := 1.5\n"
                 "\tfmt.Println(*(*uint64)(unsafe.Pointer(&f)))\n"
                 "}\n"),
              "4609434218613702656\n");
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"unsafe\"\n)\n"
                 "var g1 int8\n"
                 "var g2 int64\n"
                 "func main() {\n"
                 "\ta := uintptr(unsafe.Pointer(&g1))\n"
                 "\tfmt.Println(*(*int64)(unsafe.Pointer(a + 8)), g2)\n"
                 "}\n"),
              "panic: unsupported: dereferencing *int64 0xc000010008: weft "
              "allocated no int64 there (its values have no memory but the "
              "objects it allocates)\n");
    /* a slice's header has no object: the pointer converts and prints
     * as an address, but fmt's &{...} of it is refused */
    GO_EXPECT(GO("import (\n\t\"fmt\"\n\t\"reflect\"\n\t\"unsafe\"\n)\n"
                 "func main() {\n"
                 "\ts := []int{1}\n"
                 "\th := (*reflect.SliceHeader)(unsafe.Pointer(&s))\n"
                 "\tfmt.Printf(\"%p %v\\n\", h, "
                 "unsafe.Pointer(h) == unsafe.Pointer(&s))\n"
                 "\tfmt.Println(h)\n"
                 "}\n"),
              "0xc000010000 true\n"
              "panic: unsupported: dereferencing *reflect.SliceHeader "
              "0xc000010000: weft allocated no reflect.SliceHeader there (its "
              "values have no memory but the objects it allocates)\n");
}
END_TEST

START_TEST(addresses_without_objects_and_unsafe_builtins)
{
    /* an address where no object of the type lies is a pointer that
     * compares and converts back as Go's does (one per address); an
     * unsafe.Pointer is one value per address; unsafe.Add and Slice over
     * the addresses, with Go's run-time panics */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"unsafe\"\n"
                 ")\n"
                 "type S struct{ x int }\n"
                 "func main() {\n"
                 "	x1 := (*int)(unsafe.Pointer(uintptr(0x234)))\n"
                 "	x2 := (*int)(unsafe.Pointer(uintptr(0x234)))\n"
                 "	fmt.Println(x1 == x2, x1 != nil, uintptr(unsafe.Pointer(x1)))\n"
                 "	var a [2]uint64\n"
                 "	p := unsafe.Pointer(&a[1])\n"
                 "	b := unsafe.Pointer(uintptr(p) + 2)\n"
                 "	b = unsafe.Pointer((uintptr(b) - 1) &^ 1)\n"
                 "	fmt.Println(p == b, unsafe.Pointer(&a) == unsafe.Pointer(&a[0]))\n"
                 "	var i int\n"
                 "	ps := (*S)(unsafe.Pointer(&i))\n"
                 "	fmt.Println(uintptr(unsafe.Pointer(ps)) == uintptr(unsafe.Pointer(&i)))\n"
                 "	var bs [10]byte\n"
                 "	p1 := unsafe.Pointer(&bs[1])\n"
                 "	fmt.Println(unsafe.Add(p1, 1) == unsafe.Pointer(&bs[2]), unsafe.Add(p1, -1) == unsafe.Pointer(&bs[0]), unsafe.Add(p1, uint8(1)) == unsafe.Pointer(&bs[2]))\n"
                 "	s := unsafe.Slice(&bs[0], len(bs))\n"
                 "	s[3] = 4\n"
                 "	fmt.Println(&s[0] == &bs[0], len(s), cap(s), bs[3], unsafe.Slice((*int)(nil), 0) == nil)\n"
                 "	for _, f := range []func(){\n"
                 "		func() { _ = unsafe.Slice((*int)(nil), 1) },\n"
                 "		func() { n := -1; _ = unsafe.Slice(new(byte), n) },\n"
                 "		func() { var n uint64 = 1<<64 - 1; _ = unsafe.Slice(new(byte), n) },\n"
                 "		func() { _ = unsafe.Slice(new(uint64), 1<<61) },\n"
                 "	} {\n"
                 "		func() {\n"
                 "			defer func() { fmt.Println(recover()) }()\n"
                 "			f()\n"
                 "		}()\n"
                 "	}\n"
                 "}\n"),
              "true true 564\n"
              "true true\n"
              "true\n"
              "true true true\n"
              "true 10 10 4 true\n"
              "runtime error: unsafe.Slice: ptr is nil and len is not zero\n"
              "runtime error: unsafe.Slice: len out of range\n"
              "runtime error: unsafe.Slice: len out of range\n"
              "runtime error: unsafe.Slice: len out of range\n");
}
END_TEST

START_TEST(layout_of_type_parameters_per_instance)
{
    /* unsafe.Sizeof, Alignof and Offsetof of an operand whose type
     * involves a type parameter are no constants; each instance has its
     * own (typeparam/issue47716.go, fixedbugs/issue53137.go) */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"unsafe\"\n"
                 ")\n"
                 "type Inner struct {\n"
                 "	A byte\n"
                 "	B int32\n"
                 "}\n"
                 "type S[K any] struct {\n"
                 "	X byte\n"
                 "	K K\n"
                 "	Inner\n"
                 "}\n"
                 "func sizes[T any](x T) (uintptr, uintptr) { return unsafe.Sizeof(x), unsafe.Alignof(x) }\n"
                 "func offs[K any](s *S[K]) [3]uintptr {\n"
                 "	return [3]uintptr{unsafe.Offsetof(s.K), unsafe.Offsetof(s.Inner), unsafe.Offsetof(s.B)}\n"
                 "}\n"
                 "func main() {\n"
                 "	fmt.Println(sizes(int8(1)))\n"
                 "	fmt.Println(sizes(\"s\"))\n"
                 "	fmt.Println(sizes([3]int16{}))\n"
                 "	fmt.Println(sizes(S[complex128]{}))\n"
                 "	fmt.Println(offs(&S[byte]{}), offs(&S[int64]{}), offs(&S[[5]byte]{}))\n"
                 "}\n"),
              "1 1\n16 8\n6 2\n32 8\n[1 4 8] [8 16 20] [1 8 12]\n");
}
END_TEST

START_TEST(reflect_makes_values_of_the_programs_types)
{
    /* reflect.New, Zero, MakeMap, SetMapIndex, Set, UnsafeAddr; ArrayOf,
     * SliceOf, PointerTo and MapOf give the program's own types (weft
     * makes none at run time); Go's panics */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"reflect\"\n"
                 ")\n"
                 "type K struct {\n"
                 "	a, b int32\n"
                 "	c    float64\n"
                 "}\n"
                 "type M map[K]bool\n"
                 "func try(f func()) {\n"
                 "	defer func() { fmt.Println(recover()) }()\n"
                 "	f()\n"
                 "}\n"
                 "func main() {\n"
                 "	var keep [8]string\n"
                 "	_ = keep\n"
                 "	t := reflect.ArrayOf(8, reflect.TypeOf(\"\"))\n"
                 "	a := reflect.New(t).Elem()\n"
                 "	fmt.Println(t, a.Len(), a.Interface().([8]string)[7] == \"\")\n"
                 "	m := reflect.MakeMap(reflect.MapOf(reflect.TypeOf(K{}), reflect.TypeOf(true)))\n"
                 "	k := K{1, 2, 3}\n"
                 "	m.SetMapIndex(reflect.ValueOf(k), reflect.ValueOf(true))\n"
                 "	var x M\n"
                 "	reflect.ValueOf(&x).Elem().Set(m)\n"
                 "	fmt.Println(x[k], len(x), reflect.TypeOf(x))\n"
                 "	m.SetMapIndex(reflect.ValueOf(k), reflect.Value{})\n"
                 "	fmt.Println(len(x))\n"
                 "	p := reflect.New(reflect.TypeOf(0))\n"
                 "	p.Elem().SetInt(42)\n"
                 "	fmt.Println(*p.Interface().(*int), reflect.PointerTo(reflect.TypeOf(k)), reflect.SliceOf(reflect.TypeOf(k)) == reflect.TypeOf([]K{}))\n"
                 "	fmt.Println(reflect.Zero(reflect.TypeOf(k)).Interface(), reflect.Zero(reflect.TypeOf(\"\")).String() == \"\")\n"
                 "	try(func() { reflect.ValueOf(map[string]int(nil)).SetMapIndex(reflect.ValueOf(\"a\"), reflect.ValueOf(1)) })\n"
                 "	try(func() { reflect.ValueOf(map[string]int{}).SetMapIndex(reflect.ValueOf(1), reflect.ValueOf(1)) })\n"
                 "	try(func() { reflect.ValueOf(3).Set(reflect.ValueOf(4)) })\n"
                 "	try(func() { reflect.MakeMap(reflect.TypeOf(0)) })\n"
                 "	n := 10\n"
                 "	fmt.Println(reflect.ValueOf(&n).Elem().UnsafeAddr() == reflect.ValueOf(&n).Pointer())\n"
                 "	try(func() { reflect.ValueOf(n).UnsafeAddr() })\n"
                 "}\n"
                 "var _ = []K{}\n"),
              "[8]string 8 true\n"
              "true 1 main.M\n"
              "0\n"
              "42 *main.K true\n"
              "{0 0 0} true\n"
              "assignment to entry in nil map\n"
              "reflect.Value.SetMapIndex: value of type int is not assignable to type string\n"
              "reflect: reflect.Value.Set using unaddressable value\n"
              "reflect.MakeMapWithSize of non-map type\n"
              "true\n"
              "reflect.Value.UnsafeAddr of unaddressable value\n");
}
END_TEST

START_TEST(recover_through_wrappers)
{
    /* `defer recover()` recovers when the deferred function holding it
     * returns, not when the panic runs it (gc's, recover.go's test2 and
     * test4); a MakeFunc function's Go function recovers the panic that
     * defers the MakeFunc function (test15), not one it is merely called
     * under (test16) */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"reflect\"\n"
                 ")\n"
                 "func direct() (r string) {\n"
                 "	defer func() { r = fmt.Sprint(\"after: \", recover()) }()\n"
                 "	defer recover() // run by the panic itself: too early, a no-op\n"
                 "	panic(1)\n"
                 "}\n"
                 "func nested() (r string) {\n"
                 "	defer func() { r = fmt.Sprint(\"after: \", recover()) }()\n"
                 "	defer func() {\n"
                 "		defer recover() // recovers when this deferred call returns\n"
                 "	}()\n"
                 "	panic(2)\n"
                 "}\n"
                 "func viaMakeFunc() (r string) {\n"
                 "	defer func() { r = fmt.Sprint(\"after: \", recover()) }()\n"
                 "	f := reflect.MakeFunc(reflect.TypeOf((func())(nil)), func([]reflect.Value) []reflect.Value {\n"
                 "		fmt.Println(\"in fn:\", recover())\n"
                 "		return nil\n"
                 "	}).Interface().(func())\n"
                 "	defer f()\n"
                 "	panic(3)\n"
                 "}\n"
                 "func notDeferred() (r string) {\n"
                 "	defer func() { r = fmt.Sprint(\"after: \", recover()) }()\n"
                 "	g := reflect.MakeFunc(reflect.TypeOf((func())(nil)), func([]reflect.Value) []reflect.Value {\n"
                 "		fmt.Println(\"in g:\", recover())\n"
                 "		return nil\n"
                 "	}).Interface().(func())\n"
                 "	defer func() { g() }()\n"
                 "	panic(4)\n"
                 "}\n"
                 "func main() {\n"
                 "	fmt.Println(direct())\n"
                 "	fmt.Println(nested())\n"
                 "	fmt.Println(viaMakeFunc())\n"
                 "	fmt.Println(notDeferred())\n"
                 "}\n"),
              "after: 1\nafter: <nil>\nin fn: 3\nafter: <nil>\n"
              "in g: <nil>\nafter: 4\n");
}
END_TEST

START_TEST(a_live_uintptr_keeps_its_object)
{
    /* runtime.GC does not finalize an object whose address a live
     * uintptr holds (Go keeps it during a call taking the uintptr,
     * issue24491a.go; it may keep it longer, finalizers need not run),
     * and finalizes it once no uintptr holds it (issue24491b.go) */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"runtime\"\n"
                 "	\"unsafe\"\n"
                 ")\n"
                 "var done = make(chan string, 2)\n"
                 "func setup(name string) uintptr {\n"
                 "	s := name\n"
                 "	runtime.SetFinalizer(&s, func(p *string) { done <- *p })\n"
                 "	return uintptr(unsafe.Pointer(&s))\n"
                 "}\n"
                 "func use(p uintptr) string {\n"
                 "	runtime.GC()\n"
                 "	select {\n"
                 "	case v := <-done:\n"
                 "		return \"early \" + v\n"
                 "	default:\n"
                 "	}\n"
                 "	return *(*string)(unsafe.Pointer(p))\n"
                 "}\n"
                 "func main() {\n"
                 "	fmt.Println(use(setup(\"a\")))\n"
                 "	runtime.GC()\n"
                 "	fmt.Println(<-done)\n"
                 "}\n"),
              "a\na\n");
}
END_TEST

START_TEST(value_methods_in_the_pointer_types_set)
{
    /* reflect's Method of *T for a value method: its type has *T first
     * and its Func dereferences the receiver, a nil one panicking with
     * Go's run-time error (was func(T, ...), and a call failed) */
    GO_EXPECT(GO(
                 "import (\n"
                 "	\"fmt\"\n"
                 "	\"reflect\"\n"
                 ")\n"
                 "type S int\n"
                 "func (s S) M(x int) int { return int(s) + x }\n"
                 "func (s *S) P()          {}\n"
                 "func main() {\n"
                 "	t := reflect.TypeOf(new(S))\n"
                 "	for i := 0; i < t.NumMethod(); i++ {\n"
                 "		fmt.Println(t.Method(i).Name, t.Method(i).Type)\n"
                 "	}\n"
                 "	fmt.Println(reflect.TypeOf(S(0)).Method(0).Type)\n"
                 "}\n"
                 "func init() {\n"
                 "	s := S(5)\n"
                 "	m, _ := reflect.TypeOf(&s).MethodByName(\"M\")\n"
                 "	fmt.Println(m.Func.Call([]reflect.Value{reflect.ValueOf(&s), reflect.ValueOf(3)})[0].Int())\n"
                 "	fmt.Println(m.Func.Interface().(func(*S, int) int)(&s, 4))\n"
                 "	defer func() { r := recover(); _, ok := r.(error); fmt.Println(r, ok) }()\n"
                 "	m.Func.Interface().(func(*S, int) int)(nil, 4)\n"
                 "}\n"),
              "8\n"
              "9\n"
              "value method main.S.M called using nil *S pointer true\n"
              "M func(*main.S, int) int\n"
              "P func(*main.S)\n"
              "func(main.S, int) int\n");
}
END_TEST

/* The findings of src explored exhaustively with weft's checkers, one
 * "kind: message" line each. */
static char *view_findings(const char *src)
{
    vm_program *p;
    explore_opts o;
    explorer *x;
    checkers *ck = checkers_new(NULL);
    buf b;
    char *r;
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DPOR;
    o.preemptions = -1;
    x = go_explorer(src, &o, checkers_consumers(ck), &p);
    buf_init(&b);
    for (size_t i = 0; i < x->findings.len; i++)
        buf_printf(&b, "%s: %s\n",
                   finding_kind_names[x->findings.p[i].f.kind],
                   x->findings.p[i].message);
    r = wf_xstrdup(b.p ? b.p : "");
    buf_fini(&b);
    explore_free(x);
    checkers_free(ck);
    vm_program_free(p);
    return r;
}

/* A read through a pointer of another layout (vm_view.c) reads the
 * slots it covers: it races with an unordered write of them (go run
 * -race reports it), and not with one Wait orders before it. */
START_TEST(a_read_through_another_layout_is_a_read_of_its_slots)
{
    /* n written by a goroutine; read through *uint before or after
     * the Wait that orders the write */
    const char *head = GO("import (\n\t\"sync\"\n\t\"unsafe\"\n)\n"
                          "func main() {\n"
                          "\tvar n int\n"
                          "\tvar wg sync.WaitGroup\n"
                          "\twg.Add(1)\n"
                          "\tgo func() {\n"
                          "\t\tdefer wg.Done()\n"
                          "\t\tn = 2\n"
                          "\t}()\n");
    const char *read = "\tprintln(*(*uint)(unsafe.Pointer(&n)))\n";
    const char *wait = "\twg.Wait()\n";
    char src[1024];
    char *f;
    snprintf(src, sizeof src, "%s%s%s}\n", head, read, wait);
    f = view_findings(src);
    ck_assert_str_eq(f, "race: data race on n\n");
    free(f);
    snprintf(src, sizeof src, "%s%s%s}\n", head, wait, read);
    f = view_findings(src);
    ck_assert_str_eq(f, "");
    free(f);
}
END_TEST

Suite *unsafe_suite(void)
{
    Suite *s = suite_create("unsafe");
    TCase *tc = tcase_create("addresses");
    tcase_add_test(tc, uintptr_round_trips_to_the_object);
    tcase_add_test(tc, addresses_without_objects_and_unsafe_builtins);
    tcase_add_test(tc, layout_of_type_parameters_per_instance);
    tcase_add_test(tc, a_live_uintptr_keeps_its_object);
    tcase_add_test(tc, a_read_through_another_layout_is_a_read_of_its_slots);
    suite_add_tcase(s, tc);
    tc = tcase_create("reflect");
    tcase_add_test(tc, makefunc_calls_the_go_function);
    tcase_add_test(tc, reflect_makes_values_of_the_programs_types);
    tcase_add_test(tc, recover_through_wrappers);
    tcase_add_test(tc, value_methods_in_the_pointer_types_set);
    suite_add_tcase(s, tc);
    return s;
}

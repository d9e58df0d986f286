/* test_pkgs.c: packages of several files and modules of several
 * packages, compiled through the loader (vm_compile_pkg): one package
 * scope over all the files, a file scope per file for its imports,
 * methods declared beside or far from their type, variables initialized
 * in dependency order across files and init() functions in file order,
 * errors at the file that holds them, packages of a module importing
 * each other (and the cycle go forbids), vendored code, build
 * constraints, and tests: in-package and external (package x_test) ones,
 * listed in go test's order. Each case writes a small module to a fresh
 * temporary directory and runs the program once (round robin). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sim/explore.h"
#include "sim/lang/load.h"
#include "sim/lang/vm.h"

static char root[64];

static void write_file(const char *rel, const char *text)
{
    char path[512];
    FILE *f;
    snprintf(path, sizeof path, "%s/%s", root, rel);
    for (char *p = path + strlen(root) + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(path, 0755);
            *p = '/';
        }
    f = fopen(path, "w");
    ck_assert(f != NULL);
    fputs(text, f);
    fclose(f);
}

static void fresh(void)
{
    snprintf(root, sizeof root, "/tmp/weft-pkgs.XXXXXX");
    ck_assert(mkdtemp(root) != NULL);
    write_file("go.mod", "module example.com/m\n\ngo 1.22\n");
}

static void done(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}

/* Compile directory rel of the module (its package files, and with
 * tests its _test.go files too) and run it once: main, or test number
 * `test`. The output then "ERR file:L:C: msg" or the findings, with the
 * temporary root shown as "M". */
static char *run_dir(const char *rel, bool tests, int test)
{
    loader *l = load_new();
    load_dir *ld;
    load_files fs = {NULL, 0, 0};
    vm_program *p = NULL;
    wf_diag d;
    buf b;
    char dir[512], *out;
    buf_init(&b);
    snprintf(dir, sizeof dir, "%s/%s", root, rel);
    if (load_read_dir(l, dir, &ld, &d) != WF_OK) {
        buf_printf(&b, "ERR %s", d.msg);
        goto done;
    }
    for (size_t i = 0; i < ld->files.len; i++)
        if (!ld->files.p[i]->excluded && (tests || !ld->files.p[i]->test))
            VEC_PUSH(fs, ld->files.p[i]);
    if (vm_compile_pkg(l, ld, fs.p, fs.len, NULL, &p, &d) != WF_OK) {
        buf_printf(&b, "ERR %s:%d:%d: %s", d.file, d.line, d.col, d.msg);
    } else {
        program pr = test >= 0 ? vm_program_test_entry(p, (size_t)test)
                               : vm_program_entry(p);
        explore_opts o;
        explorer *x;
        wf_diag d2;
        memset(&o, 0, sizeof o);
        o.strategy = WF_STRATEGY_RR;
        o.preemptions = -1;
        o.max_executions = 1;
        x = explore_new(&pr, &o);
        explore_run(x, NULL, &d2);
        buf_puts(&b, x->last_output ? x->last_output : "");
        for (size_t i = 0; i < x->findings.len; i++)
            buf_printf(&b, "%s: %s\n",
                       finding_kind_names[x->findings.p[i].f.kind],
                       x->findings.p[i].message);
        explore_free(x);
    }
done:
    /* show the temporary root as M */
    out = wf_xstrdup("");
    {
        buf r;
        const char *s = b.p ? b.p : "";
        size_t n = strlen(root);
        buf_init(&r);
        buf_puts(&r, "");
        while (*s) {
            if (!strncmp(s, root, n)) {
                buf_putc(&r, 'M');
                s += n;
            } else {
                buf_putc(&r, *s++);
            }
        }
        free(out);
        out = r.p;
    }
    vm_program_free(p);
    VEC_FREE(fs);
    buf_fini(&b);
    load_free(l);
    return out;
}

#define RUN_EQ(rel, tests, test, want)                                         \
    do {                                                                       \
        char *got_ = run_dir(rel, tests, test);                                \
        ck_assert_str_eq(got_, want);                                          \
        free(got_);                                                            \
    } while (0)

START_TEST(a_package_is_all_its_files)
{
    fresh();
    /* main uses a type, its methods and variables from the other files;
     * the methods are split across files; b's variable depends on c's */
    write_file("cmd/a.go", "package main\n\nimport \"fmt\"\n\n"
                           "func main() {\n\tvar c Counter\n\tc.Inc()\n"
                           "\tc.Inc()\n\tfmt.Println(c.Get(), total, "
                           "order)\n}\n");
    write_file("cmd/b.go", "package main\n\ntype Counter struct{ n int }\n\n"
                           "func (c *Counter) Inc() { c.n++ }\n\n"
                           "var total = base + 1\n\n"
                           "func init() { order += \"b\" }\n");
    write_file("cmd/c.go", "package main\n\nfunc (c *Counter) Get() int "
                           "{ return c.n }\n\nvar base = 41\n\n"
                           "var order string\n\n"
                           "func init() { order += \"c\" }\n");
    RUN_EQ("cmd", false, -1, "2 42 bc\n");
    done();
}
END_TEST

START_TEST(imports_belong_to_their_file)
{
    fresh();
    write_file("cmd/a.go", "package main\n\nimport s \"strings\"\n\n"
                           "func main() { println(s.ToUpper(\"x\")); "
                           "other() }\n");
    write_file("cmd/b.go", "package main\n\nfunc other() { _ = "
                           "s.ToLower(\"Y\") }\n");
    RUN_EQ("cmd", false, -1, "ERR M/cmd/b.go:3:20: undefined: s");
    /* the same import in two files is fine */
    write_file("cmd/b.go", "package main\n\nimport s \"strings\"\n\n"
                           "func other() { println(s.ToLower(\"Y\")) }\n");
    RUN_EQ("cmd", false, -1, "X\ny\n");
    done();
}
END_TEST

START_TEST(errors_name_the_file_that_holds_them)
{
    fresh();
    write_file("cmd/a.go", "package main\n\nfunc main() { f() }\n");
    write_file("cmd/b.go", "package main\n\nfunc f() {}\nfunc f() {}\n");
    RUN_EQ("cmd", false, -1, "ERR M/cmd/b.go:4:6: f redeclared in this block");
    write_file("cmd/b.go", "package other\n\nfunc f() {}\n");
    RUN_EQ("cmd", false, -1,
           "ERR M/cmd/b.go:1:9: package other; expected package main");
    write_file("cmd/b.go", "package main\n\nfunc f() {\n\tx := 1 +\n}\n");
    RUN_EQ("cmd", false, -1,
           "ERR M/cmd/b.go:5:1: syntax error: unexpected }, expected "
           "expression");
    done();
}
END_TEST

START_TEST(a_module_s_packages_import_each_other)
{
    fresh();
    write_file("store/store.go", "package store\n\nimport \"sync\"\n\n"
                                 "type Store struct {\n\tmu sync.Mutex\n"
                                 "\tm  map[string]int\n}\n\n"
                                 "func New() *Store { return "
                                 "&Store{m: map[string]int{}} }\n");
    write_file("store/ops.go", "package store\n\nfunc (s *Store) Add(k "
                               "string) int {\n\ts.mu.Lock()\n"
                               "\tdefer s.mu.Unlock()\n\ts.m[k]++\n"
                               "\treturn s.m[k]\n}\n");
    write_file("internal/fmtx/fmtx.go",
               "package fmtx\n\nimport (\n\t\"fmt\"\n\n"
               "\t\"example.com/m/store\"\n)\n\n"
               "func Show(s *store.Store, k string) string { return "
               "fmt.Sprint(k, \"=\", s.Add(k)) }\n");
    write_file("cmd/app/main.go",
               "package main\n\nimport (\n\t\"fmt\"\n\n"
               "\t\"example.com/m/internal/fmtx\"\n"
               "\tst \"example.com/m/store\"\n)\n\n"
               "func main() {\n\ts := st.New()\n\ts.Add(\"a\")\n"
               "\tfmt.Println(fmtx.Show(s, \"a\"))\n}\n");
    RUN_EQ("cmd/app", false, -1, "a=2\n");
    /* a cycle between them is refused, as go refuses it */
    write_file("store/cycle.go",
               "package store\n\nimport _ \"example.com/m/internal/fmtx\"\n");
    RUN_EQ("cmd/app", false, -1,
           "ERR M/store/cycle.go:3:10: import cycle not allowed");
    write_file("store/cycle.go", "package store\n");
    write_file("cmd/app/main.go", "package main\n\nimport \"example.com/m/"
                                  "nope\"\n\nfunc main() { nope.X() }\n");
    RUN_EQ("cmd/app", false, -1,
           "ERR M/cmd/app/main.go:3:8: cannot find package "
           "\"example.com/m/nope\" in M/nope");
    /* the standard library's internal packages are its own: crypto/md5
     * uses crypto/internal/blockhash, a program may not (Go's words) */
    write_file("cmd/app/main.go",
               "package main\n\nimport (\n\t\"crypto/md5\"\n\t\"fmt\"\n)\n\n"
               "func main() { fmt.Printf(\"%x\\n\", md5.Sum(nil)) }\n");
    RUN_EQ("cmd/app", false, -1, "d41d8cd98f00b204e9800998ecf8427e\n");
    write_file("cmd/app/main.go",
               "package main\n\nimport \"crypto/internal/blockhash\"\n\n"
               "func main() { println(blockhash.BlockSize) }\n");
    RUN_EQ("cmd/app", false, -1,
           "ERR M/cmd/app/main.go:3:8: use of internal package "
           "crypto/internal/blockhash not allowed");
    done();
}
END_TEST

START_TEST(vendored_packages_run_from_source)
{
    fresh();
    write_file("vendor/modules.txt", "# example.org/lib v1.0.0\n## explicit; "
                                     "go 1.20\nexample.org/lib/twice\n");
    write_file("vendor/example.org/lib/twice/twice.go",
               "package twice\n\nfunc Twice(n int) int { return 2 * n }\n");
    write_file("main.go", "package main\n\nimport \"example.org/lib/twice\""
                          "\n\nfunc main() { println(twice.Twice(21)) }\n");
    RUN_EQ("", false, -1, "42\n");
    write_file("main.go", "package main\n\nimport \"example.org/lib/thrice\""
                          "\n\nfunc main() { thrice.X() }\n");
    RUN_EQ("", false, -1,
           "ERR M/main.go:3:8: package example.org/lib/thrice is not in "
           "M/vendor/modules.txt (go mod vendor adds it)");
    done();
}
END_TEST

START_TEST(build_constraints_choose_the_files)
{
    fresh();
    write_file("cmd/main.go", "package main\n\nfunc main() { "
                              "println(os()) }\n");
    write_file("cmd/os_linux.go", "package main\n\nfunc os() string "
                                  "{ return \"linux\" }\n");
    write_file("cmd/os_windows.go", "package main\n\nfunc os() string "
                                    "{ return \"windows\" }\n");
    write_file("cmd/other.go", "//go:build !linux\n\npackage main\n\n"
                               "func os() string { return \"other\" }\n");
    write_file("cmd/old.go", "// +build ignore\n\npackage main\n\n"
                             "func os() string { return \"old\" }\n");
    RUN_EQ("cmd", false, -1, "linux\n");
    done();
}
END_TEST

START_TEST(tests_see_the_package_and_go_test_s_order)
{
    fresh();
    write_file("counter/counter.go",
               "package counter\n\nimport \"sync\"\n\n"
               "type Counter struct {\n\tmu sync.Mutex\n\tn  int\n}\n\n"
               "func (c *Counter) Inc() {\n\tc.mu.Lock()\n\tc.n++\n"
               "\tc.mu.Unlock()\n}\n");
    /* an in-package test file exporting a helper to the external tests */
    write_file("counter/export_test.go",
               "package counter\n\nfunc (c *Counter) N() int { return "
               "c.n }\n");
    write_file("counter/counter_test.go",
               "package counter\n\nimport \"testing\"\n\n"
               "func TestInc(t *testing.T) {\n\tvar c Counter\n\tc.Inc()\n"
               "\tif c.n != 1 {\n\t\tt.Fatal(\"n\", c.n)\n\t}\n"
               "\tprintln(\"in-package\")\n}\n\n"
               "func TestMain(m *testing.M) { m.Run() }\n\n"
               "func Testlower(t *testing.T) {}\n");
    write_file("counter/ext_test.go",
               "package counter_test\n\nimport (\n\t\"testing\"\n\n"
               "\t\"example.com/m/counter\"\n)\n\n"
               "func TestExternal(t *testing.T) {\n"
               "\tvar c counter.Counter\n\tc.Inc()\n\tc.Inc()\n"
               "\tprintln(\"external\", c.N())\n}\n");
    RUN_EQ("counter", true, 0, "in-package\n");
    RUN_EQ("counter", true, 1, "external 2\n");
    {
        loader *l = load_new();
        load_dir *ld;
        wf_diag d;
        vm_program *p;
        char dir[512];
        snprintf(dir, sizeof dir, "%s/counter", root);
        ck_assert_int_eq(load_read_dir(l, dir, &ld, &d), WF_OK);
        ck_assert_int_eq(
            vm_compile_pkg(l, ld, ld->files.p, ld->files.len, NULL, &p, &d),
            WF_OK);
        ck_assert(vm_is_test_file(p));
        /* TestMain(m *testing.M) and Testlower are not tests */
        ck_assert_int_eq((int)vm_test_count(p), 2);
        ck_assert_str_eq(vm_test_name(p, 0), "TestInc");
        ck_assert_str_eq(vm_test_name(p, 1), "TestExternal");
        vm_program_free(p);
        load_free(l);
    }
    done();
}
END_TEST

/* A package's TestMain runs in every test's execution: its set-up before
 * m.Run, which runs the test in a goroutine of its own and returns go
 * test's exit code, its tear-down after (it was never called, so a test
 * relying on its set-up failed); a TestMain that never calls m.Run runs
 * no test. */
START_TEST(test_main_wraps_each_test)
{
    fresh();
    write_file("tm/tm_test.go",
               "package tm\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\n"
               "var db string\n\n"
               "func TestMain(m *testing.M) {\n\tdb = \"open\"\n"
               "\tcode := m.Run()\n\tprintln(\"teardown\", code)\n"
               "\tos.Exit(code)\n}\n\n"
               "func TestDB(t *testing.T) {\n\tprintln(\"db\", db)\n}\n\n"
               "func TestFails(t *testing.T) {\n\tt.Fatal(\"no\")\n"
               "\tprintln(\"unreached\")\n}\n");
    RUN_EQ("tm", true, 0, "db open\nteardown 0\n");
    RUN_EQ("tm", true, 1, "teardown 1\nassert: TestFails failed: no\n");
    write_file("none/none_test.go",
               "package none\n\nimport \"testing\"\n\n"
               "func TestMain(m *testing.M) {}\n\n"
               "func TestX(t *testing.T) {\n\tprintln(\"ran\")\n}\n");
    RUN_EQ("none", true, 0, "");
    done();
}
END_TEST

/* go test -run: one regular expression a level, split at slashes outside
 * brackets and parentheses. */
START_TEST(run_patterns_select_as_go_test_does)
{
    bool bad = false;
    ck_assert(vm_run_selects(NULL, "TestX/y", &bad));
    ck_assert(vm_run_selects("X", "TestX", &bad));
    ck_assert(!vm_run_selects("^X", "TestX", &bad));
    ck_assert(vm_run_selects("TestA/one", "TestA", &bad)); /* top level */
    ck_assert(vm_run_selects("TestA/one", "TestA/one#01", &bad));
    ck_assert(!vm_run_selects("TestA/one", "TestA/two", &bad));
    ck_assert(vm_run_selects("A", "TestA/anything/deeper", &bad));
    ck_assert(vm_run_selects("A/[a/b]", "TestA/x", &bad) == false);
    ck_assert(vm_run_selects("A/[a/b]", "TestA/a", &bad));
    ck_assert(vm_run_selects("A/(x|y/z)", "TestA/x", &bad));
    ck_assert(vm_run_selects("A//", "TestA/x", &bad)); /* empty matches */
    ck_assert(!bad);
    ck_assert(!vm_run_selects("A/(", "TestA/x", &bad));
    ck_assert(bad);
}
END_TEST

Suite *pkgs_suite(void)
{
    Suite *s = suite_create("pkgs");
    TCase *tc = tcase_create("pkgs");
    tcase_add_test(tc, a_package_is_all_its_files);
    tcase_add_test(tc, test_main_wraps_each_test);
    tcase_add_test(tc, imports_belong_to_their_file);
    tcase_add_test(tc, errors_name_the_file_that_holds_them);
    tcase_add_test(tc, a_module_s_packages_import_each_other);
    tcase_add_test(tc, vendored_packages_run_from_source);
    tcase_add_test(tc, build_constraints_choose_the_files);
    tcase_add_test(tc, tests_see_the_package_and_go_test_s_order);
    tcase_add_test(tc, run_patterns_select_as_go_test_does);
    suite_add_tcase(s, tc);
    return s;
}

/* test_load.c: the loader (sim/lang/load.h): paths cleaned as Go's
 * path.Clean, build constraints judged as go judges them on this host
 * (file name suffixes, //go:build expressions, // +build lines and
 * where each counts in a header), go.mod and vendor/modules.txt, a
 * directory's files and packages, import paths to directories, and
 * patterns walked as go list walks them. File-system cases build a
 * small module in a fresh temporary directory. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/lang/load.h"

#if defined(__x86_64__)
#define HOST_ARCH "amd64"
#define OTHER_ARCH "arm64"
#else
#define HOST_ARCH "arm64"
#define OTHER_ARCH "amd64"
#endif

START_TEST(paths_are_cleaned_as_go_cleans_them)
{
    static const char *const t[][2] = {
        {"", "."},           {".", "."},          {"./", "."},
        {"a/b/", "a/b"},     {"./a//b", "a/b"},   {"a/./b", "a/b"},
        {"a/../b", "b"},     {"a/..", "."},       {"../a", "../a"},
        {"../../a/..", "../.."}, {"/..", "/"},    {"/a/../..", "/"},
        {"a/b/../../..", ".."}, {"/a/b/./c/", "/a/b/c"}, {"..", ".."},
        {"abc/def/../ghi", "abc/ghi"}};
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char *c = load_clean(t[i][0]);
        ck_assert_msg(!strcmp(c, t[i][1]), "Clean(%s) = %s, want %s",
                      t[i][0], c, t[i][1]);
        free(c);
    }
}
END_TEST

START_TEST(file_name_suffixes_select_os_and_arch)
{
    ck_assert(load_name_ok("a.go"));
    ck_assert(load_name_ok("linux.go")); /* no prefix: not a constraint */
    ck_assert(load_name_ok("windows.go"));
    ck_assert(load_name_ok("a_linux.go"));
    ck_assert(!load_name_ok("a_windows.go"));
    ck_assert(!load_name_ok("a_darwin_test.go"));
    ck_assert(load_name_ok("a_linux_test.go"));
    ck_assert(load_name_ok("a_" HOST_ARCH ".go"));
    ck_assert(!load_name_ok("a_" OTHER_ARCH ".go"));
    ck_assert(load_name_ok("a_linux_" HOST_ARCH ".go"));
    ck_assert(!load_name_ok("a_linux_" OTHER_ARCH ".go"));
    ck_assert(!load_name_ok("a_windows_" HOST_ARCH "_test.go"));
    ck_assert(load_name_ok("a_unix.go")); /* unix is no GOOS */
    ck_assert(load_name_ok("a_test.go"));
    ck_assert(load_name_ok("a_linuxy.go"));
}
END_TEST

static int expr(const char *e)
{
    bool ok = false;
    char why[100];
    if (load_build_expr(e, &ok, why, sizeof why) != WF_OK)
        return -1;
    return ok;
}

START_TEST(build_expressions_see_this_host)
{
    ck_assert_int_eq(expr("linux"), 1);
    ck_assert_int_eq(expr("windows"), 0);
    ck_assert_int_eq(expr("unix && gc"), 1);
    ck_assert_int_eq(expr(HOST_ARCH), 1);
    ck_assert_int_eq(expr(OTHER_ARCH), 0);
    ck_assert_int_eq(expr("linux && !cgo"), 1);
    ck_assert_int_eq(expr("cgo || race"), 0);
    ck_assert_int_eq(expr("(windows || linux) && unix"), 1);
    ck_assert_int_eq(expr("!(linux)"), 0);
    ck_assert_int_eq(expr("!!linux"), 1);
    ck_assert_int_eq(expr("go1.1"), 1);
    ck_assert_int_eq(expr("go1.18"), 1);
    ck_assert_int_eq(expr("go1.99"), 0);
    ck_assert_int_eq(expr("ignore"), 0);
    ck_assert_int_eq(expr("windows || linux && darwin"), 0); /* && first */
    ck_assert_int_eq(expr("linux || windows && darwin"), 1);
    ck_assert_int_eq(expr(""), -1);
    ck_assert_int_eq(expr("linux &&"), -1);
    ck_assert_int_eq(expr("(linux"), -1);
    ck_assert_int_eq(expr("linux windows"), -1);
    ck_assert_int_eq(expr("linux & unix"), -1);
}
END_TEST

static int header(const char *src)
{
    bool ok = false;
    wf_diag d;
    if (load_header_ok("h.go", (const unsigned char *)src, strlen(src), &ok,
                       &d) != WF_OK)
        return -(d.line ? d.line : 1) - 100;
    return ok;
}

START_TEST(headers_are_read_as_go_reads_them)
{
    ck_assert_int_eq(header("package p\n"), 1);
    ck_assert_int_eq(header("//go:build windows\n\npackage p\n"), 0);
    ck_assert_int_eq(header("//go:build linux\n\npackage p\n"), 1);
    /* a //go:build line anywhere in the leading comments counts */
    ck_assert_int_eq(header("// Package p.\n//go:build windows\npackage p\n"),
                     0);
    ck_assert_int_eq(header("/* c */\n//go:build windows\npackage p\n"), 0);
    /* but not after the package clause, nor inside a block comment */
    ck_assert_int_eq(header("package p\n//go:build windows\n"), 1);
    ck_assert_int_eq(header("/*\n//go:build windows\n*/\npackage p\n"), 1);
    /* //go:build wins over // +build */
    ck_assert_int_eq(header("//go:build linux\n// +build windows\n\n"
                            "package p\n"),
                     1);
    /* // +build lines: before a blank line; spaces OR, commas AND */
    ck_assert_int_eq(header("// +build windows\n\npackage p\n"), 0);
    ck_assert_int_eq(header("// +build windows linux\n\npackage p\n"), 1);
    ck_assert_int_eq(header("// +build linux,!cgo\n\npackage p\n"), 1);
    ck_assert_int_eq(header("// +build linux,cgo\n\npackage p\n"), 0);
    ck_assert_int_eq(header("// +build linux\n// +build windows\n\n"
                            "package p\n"),
                     0);
    /* a // +build line in the package's doc comment is ignored */
    ck_assert_int_eq(header("// +build windows\npackage p\n"), 1);
    /* a malformed //go:build line is an error at its line */
    ck_assert_int_eq(header("// x\n//go:build linux &&\n\npackage p\n"),
                     -102);
    ck_assert_int_eq(header("//go:build linux\n//go:build unix\npackage p\n"),
                     -102);
}
END_TEST

/* ---- a module on disk ------------------------------------------------- */

static char root[64];

/* Write root/rel holding text, making its directories. */
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

static void make_module(void)
{
    snprintf(root, sizeof root, "/tmp/weft-load.XXXXXX");
    ck_assert(mkdtemp(root) != NULL);
    write_file("go.mod", "module example.com/m // the module\n\ngo 1.21\n");
    write_file("a.go", "package m\n");
    write_file("b_windows.go", "package m\n");
    write_file("c.go", "//go:build ignore\n\npackage main\n");
    write_file("m_test.go", "package m\n");
    write_file("x_test.go", "// Doc.\npackage m_test\n");
    write_file("_hidden.go", "package m\n");
    write_file(".dot.go", "package m\n");
    write_file("pkg/p.go", "package p\n");
    write_file("pkg/sub/s.go", "package sub\n");
    write_file("pkg/testdata/t.go", "package t\n");
    write_file("pkg/nested/go.mod", "module other\n");
    write_file("pkg/nested/n.go", "package n\n");
    write_file("two/a.go", "package a\n");
    write_file("two/b.go", "package b\n");
    write_file("none/README", "no Go here\n");
    write_file("vendor/modules.txt",
               "# golang.org/x/sync v0.1.0\n## explicit\n"
               "golang.org/x/sync/errgroup\n");
    write_file("vendor/golang.org/x/sync/errgroup/errgroup.go",
               "package errgroup\n");
}

static void remove_module(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    ck_assert_int_eq(system(cmd), 0);
}

static char *at(const char *rel)
{
    static char path[512];
    snprintf(path, sizeof path, "%s%s%s", root, *rel ? "/" : "", rel);
    return path;
}

START_TEST(a_directory_is_its_files_with_their_packages)
{
    loader *l;
    load_dir *ld, *again;
    wf_diag d;
    load_files pf = {NULL, 0, 0};
    make_module();
    l = load_new();
    ck_assert_int_eq(load_read_dir(l, at(""), &ld, &d), WF_OK);
    ck_assert_ptr_nonnull(ld->mod);
    ck_assert_str_eq(ld->mod->path, "example.com/m");
    ck_assert_str_eq(ld->mod->go, "1.21");
    ck_assert_str_eq(ld->import_path, "example.com/m");
    /* _hidden.go and .dot.go are not listed; the rest in name order */
    ck_assert_int_eq((int)ld->files.len, 5);
    ck_assert_str_eq(ld->files.p[0]->name, "a.go");
    ck_assert(!ld->files.p[0]->excluded && !ld->files.p[0]->test);
    ck_assert_str_eq(ld->files.p[1]->name, "b_windows.go");
    ck_assert(ld->files.p[1]->excluded);
    ck_assert_str_eq(ld->files.p[2]->name, "c.go");
    ck_assert(ld->files.p[2]->excluded);
    ck_assert_str_eq(ld->files.p[2]->pkg, "main");
    ck_assert(ld->files.p[3]->test && !ld->files.p[3]->xtest);
    ck_assert(ld->files.p[4]->test && ld->files.p[4]->xtest);
    ck_assert_str_eq(ld->files.p[4]->pkg, "m_test");
    /* read once, whatever the spelling */
    {
        char sp[600];
        snprintf(sp, sizeof sp, "%s/./pkg/..", root);
        ck_assert_int_eq(load_read_dir(l, sp, &again, &d), WF_OK);
        ck_assert_ptr_eq(again, ld);
    }
    /* the package: a.go alone (the others are excluded or tests) */
    ck_assert_int_eq(load_package_files(ld, &pf, &d), WF_OK);
    ck_assert_int_eq((int)pf.len, 1);
    ck_assert_str_eq(pf.p[0]->name, "a.go");
    /* two packages in one directory, as go says it */
    ck_assert_int_eq(load_read_dir(l, at("two"), &ld, &d), WF_OK);
    ck_assert_int_eq(load_package_files(ld, &pf, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "found packages a (a.go) and b (b.go) in"),
                  "%s", d.msg);
    ck_assert_int_eq(load_read_dir(l, at("none"), &ld, &d), WF_OK);
    ck_assert_int_eq(load_package_files(ld, &pf, &d), WF_ERR_INPUT);
    ck_assert_msg(strstr(d.msg, "no non-test Go files in"), "%s", d.msg);
    ck_assert_int_eq(load_read_dir(l, at("nope"), &ld, &d), WF_ERR_INPUT);
    VEC_FREE(pf);
    load_free(l);
    remove_module();
}
END_TEST

START_TEST(imports_find_the_module_and_its_vendor_directory)
{
    loader *l;
    load_module *m;
    char why[400], want[600];
    const char *dir;
    make_module();
    l = load_new();
    m = load_module_of(l, at("pkg/sub"));
    ck_assert_ptr_nonnull(m);
    ck_assert_str_eq(m->path, "example.com/m");
    ck_assert(m->vendor);
    ck_assert_int_eq((int)m->vendored.len, 1);
    /* the nested module is a module of its own */
    ck_assert_str_eq(load_module_of(l, at("pkg/nested"))->path, "other");
    dir = load_import_dir(l, m, "example.com/m/pkg/sub", why, sizeof why);
    snprintf(want, sizeof want, "%s/pkg/sub", root);
    ck_assert_str_eq(dir, want);
    dir = load_import_dir(l, m, "example.com/m", why, sizeof why);
    ck_assert_str_eq(dir, root);
    dir = load_import_dir(l, m, "golang.org/x/sync/errgroup", why,
                          sizeof why);
    snprintf(want, sizeof want, "%s/vendor/golang.org/x/sync/errgroup", root);
    ck_assert_str_eq(dir, want);
    /* the vendored package's import path is its own */
    {
        load_dir *ld;
        wf_diag d;
        ck_assert_int_eq(load_read_dir(l, dir, &ld, &d), WF_OK);
        ck_assert_str_eq(ld->import_path, "golang.org/x/sync/errgroup");
    }
    ck_assert_ptr_null(
        load_import_dir(l, m, "golang.org/x/time/rate", why, sizeof why));
    ck_assert_msg(strstr(why, "not in") && strstr(why, "vendor/modules.txt"),
                  "%s", why);
    /* a standard-looking path is left to the library */
    ck_assert_ptr_null(load_import_dir(l, m, "encoding/json", why,
                                       sizeof why));
    ck_assert_str_eq(why, "");
    ck_assert_ptr_null(load_import_dir(l, NULL, "example.com/x", why,
                                       sizeof why));
    ck_assert_msg(strstr(why, "vendor/"), "%s", why);
    load_free(l);
    remove_module();
}
END_TEST

START_TEST(patterns_walk_the_module_as_go_list_does)
{
    loader *l;
    load_strs dirs = {NULL, 0, 0};
    wf_diag d;
    char pat[600];
    static const char *const want[] = {"", "pkg", "pkg/sub", "two"};
    make_module();
    l = load_new();
    snprintf(pat, sizeof pat, "%s/...", root);
    ck_assert_int_eq(load_expand(l, pat, &dirs, &d), WF_OK);
    /* testdata, vendor, none (no Go) and the nested module are left out */
    ck_assert_int_eq((int)dirs.len, 4);
    for (size_t i = 0; i < dirs.len; i++) {
        char w[600];
        snprintf(w, sizeof w, "%s%s%s", root, *want[i] ? "/" : "", want[i]);
        ck_assert_str_eq(dirs.p[i], w);
        free(dirs.p[i]);
    }
    dirs.len = 0;
    snprintf(pat, sizeof pat, "%s/pkg/...", root);
    ck_assert_int_eq(load_expand(l, pat, &dirs, &d), WF_OK);
    ck_assert_int_eq((int)dirs.len, 2);
    for (size_t i = 0; i < dirs.len; i++)
        free(dirs.p[i]);
    dirs.len = 0;
    snprintf(pat, sizeof pat, "%s/pkg", root);
    ck_assert_int_eq(load_expand(l, pat, &dirs, &d), WF_OK);
    ck_assert_int_eq((int)dirs.len, 1);
    free(dirs.p[0]);
    dirs.len = 0;
    snprintf(pat, sizeof pat, "%s/nope/...", root);
    ck_assert_int_eq(load_expand(l, pat, &dirs, &d), WF_ERR_INPUT);
    ck_assert_int_eq(load_expand(l, "a/.../b", &dirs, &d), WF_ERR_INPUT);
    VEC_FREE(dirs);
    load_free(l);
    remove_module();
}
END_TEST

Suite *load_suite(void)
{
    Suite *s = suite_create("load");
    TCase *tc = tcase_create("load");
    tcase_add_test(tc, paths_are_cleaned_as_go_cleans_them);
    tcase_add_test(tc, file_name_suffixes_select_os_and_arch);
    tcase_add_test(tc, build_expressions_see_this_host);
    tcase_add_test(tc, headers_are_read_as_go_reads_them);
    tcase_add_test(tc, a_directory_is_its_files_with_their_packages);
    tcase_add_test(tc, imports_find_the_module_and_its_vendor_directory);
    tcase_add_test(tc, patterns_walk_the_module_as_go_list_does);
    suite_add_tcase(s, tc);
    return s;
}

/* test_golib.c: the library packages of SPEC section 6 (context, errors,
 * strings, strconv, log, sync, time, ...) through whole programs: each
 * tests/unit/go/lib/NAME.go is explored exhaustively (DPOR) and the result must equal tests/unit/go/lib/NAME.out
 * exactly: the one output every execution printed (the programs print
 * deterministically; several outputs are listed, each after "== "), then
 * one line "KIND: message" per distinct finding. So a .out that lists no
 * finding says no explored interleaving races, leaks or deadlocks. */
#include <dirent.h>

#include "gotest.h"
#include "sim/lang/vm_int.h"

#define LIB_DIR "tests/unit/go/lib"

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char tmp[4096];
    size_t k;
    ck_assert_msg(f != NULL, "cannot open %s", path);
    buf_init(&b);
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        buf_append(&b, tmp, k);
    fclose(f);
    buf_putc(&b, 0);
    return b.p;
}

/* Explore src; the outputs (each but a single one after "== ") and then
 * the findings, as one text; the caller frees it. */
static char *explore_text(const char *name, const char *src)
{
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    buf b;
    memset(&vo, 0, sizeof vo);
    vo.go_version = "1.22";
    buf_init(&b);
    if (vm_compile(name, (const unsigned char *)src, strlen(src), &vo, &p,
                   &d) != WF_OK) {
        buf_printf(&b, "ERR %d:%d: %s\n", d.line, d.col, d.msg);
    } else {
        program pr = vm_program_entry(p);
        explore_opts o;
        explorer *x;
        memset(&o, 0, sizeof o);
        o.strategy = WF_STRATEGY_DPOR;
        o.preemptions = -1;
        o.max_executions = 20000;
        x = explore_new(&pr, &o);
        if (explore_run(x, NULL, &d) != WF_OK)
            buf_printf(&b, "EXPLORE ERR %s\n", d.msg);
        ck_assert_msg(x->complete, "%s: exploration not complete", name);
        for (size_t i = 0; i < x->outcomes.len; i++)
            buf_printf(&b, "%s%s", x->outcomes.len > 1 ? "== " : "",
                       x->outcomes.p[i].output);
        for (size_t i = 0; i < x->findings.len; i++)
            buf_printf(&b, "%s: %s\n",
                       finding_kind_names[x->findings.p[i].f.kind],
                       x->findings.p[i].message);
        explore_free(x);
        vm_program_free(p);
    }
    {
        char *r = wf_xstrdup(b.p ? b.p : "");
        buf_fini(&b);
        return r;
    }
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

START_TEST(library_programs_print_what_go_prints)
{
    DIR *dir = opendir(LIB_DIR);
    struct dirent *de;
    VEC(char *) names = {0};
    ck_assert_msg(dir != NULL, "run from the repository's root");
    while ((de = readdir(dir))) {
        size_t n = strlen(de->d_name);
        if (n > 3 && !strcmp(de->d_name + n - 3, ".go"))
            VEC_PUSH(names, wf_xstrdup(de->d_name));
    }
    closedir(dir);
    qsort(names.p, names.len, sizeof *names.p, name_cmp);
    ck_assert_uint_ge(names.len, 1);
    for (size_t i = 0; i < names.len; i++) {
        char path[512];
        char *src, *want, *got;
        snprintf(path, sizeof path, LIB_DIR "/%s", names.p[i]);
        src = slurp(path);
        strcpy(path + strlen(path) - 3, ".out");
        want = slurp(path);
        got = explore_text(names.p[i], src);
        ck_assert_msg(!strcmp(got, want), "%s: got\n%s\nwant\n%s",
                      names.p[i], got, want);
        free(got);
        free(want);
        free(src);
        free(names.p[i]);
    }
    VEC_FREE(names);
}
END_TEST

/* The code compiled for function or method proto name (-1: no such
 * proto). */
static long proto_code(const vm_program *p, const char *name)
{
    for (size_t i = 0; i < p->protos.len; i++)
        if (!strcmp(p->protos.p[i]->name, name))
            return (long)p->protos.p[i]->ncode;
    return -1;
}

/* A library body is checked and compiled only when the program can
 * reach it (check_reach.c): called, a method on a concrete type, a
 * method through an interface by its name; a library type only when
 * used; a program importing reflect gets every body. */
START_TEST(library_bodies_are_compiled_only_when_reached)
{
    static const char *const src = GO(
        "import (\n\t\"fmt\"\n\t\"strings\"\n)\n"
        "type sized interface{ Len() int }\n"
        "func main() {\n"
        "\tvar b strings.Builder\n"
        "\tb.WriteString(\"ab\")\n"
        "\tvar s sized = strings.NewReader(\"xyz\")\n"
        "\tfmt.Println(strings.ToUpper(b.String()), s.Len())\n"
        "}\n");
    static const char *const with_reflect = GO(
        "import (\n\t\"fmt\"\n\t\"reflect\"\n\t\"strings\"\n)\n"
        "func main() {\n"
        "\tfmt.Println(strings.ToUpper(\"a\"), reflect.TypeOf(1))\n"
        "}\n");
    vm_program *p = NULL;
    wf_diag d;
    vm_options vo;
    char *out;
    memset(&vo, 0, sizeof vo);
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)src,
                                strlen(src), &vo, &p, &d),
                     WF_OK);
    ck_assert_int_gt(proto_code(p, "strings.ToUpper"), 0);
    ck_assert_int_gt(proto_code(p, "strings.NewReader"), 0);
    ck_assert_int_gt(proto_code(p, "strings.(*Builder).WriteString"), 0);
    ck_assert_int_gt(proto_code(p, "strings.(*Reader).Len"), 0);
    /* never compiled: a function gets no proto, a method one without
     * code in its type's method table */
    ck_assert_int_eq(proto_code(p, "strings.Split"), -1);
    ck_assert_int_eq(proto_code(p, "strings.(*Reader).ReadByte"), 0);
    /* Len is called through an interface: any type's Len may run */
    ck_assert_int_gt(proto_code(p, "strings.(*Builder).Len"), 0);
    /* a type nothing uses is not even made */
    ck_assert_int_eq(proto_code(p, "strings.(*Replacer).Replace"), -1);
    vm_program_free(p);
    out = explore_text("t.go", src);
    ck_assert_str_eq(out, "AB 3\n");
    free(out);
    ck_assert_int_eq(vm_compile("t.go", (const unsigned char *)with_reflect,
                                strlen(with_reflect), &vo, &p, &d),
                     WF_OK);
    ck_assert_int_gt(proto_code(p, "strings.Split"), 0);
    vm_program_free(p);
}
END_TEST

Suite *golib_suite(void)
{
    Suite *s = suite_create("golib");
    TCase *tc = tcase_create("programs");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, library_programs_print_what_go_prints);
    tcase_add_test(tc, library_bodies_are_compiled_only_when_reached);
    suite_add_tcase(s, tc);
    return s;
}

/* gocmd.c: see gocmd.h. */
#include "gocmd.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sim/lang/vm.h"
#include "sim/sha256.h"
#include "testcmd.h"
#include "tracecmd.h"

extern char **environ; /* the process environment (POSIX) */

static bool is_dir(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool gocmd_is_go(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return (n > 3 && !strcmp(path + n - 3, ".go")) || is_dir(path);
}

/* ---- directories: scenario files and packages ------------------------- */

static bool has_expectations(const load_file *f)
{
    test_expect x;
    bool any;
    test_expect_read(f->path, f->text, f->len, &x);
    any = x.any;
    test_expect_fini(&x);
    return any;
}

/* The package a file belongs to: an external test file's is its
 * package's. */
static size_t pkg_key_len(const load_file *f)
{
    size_t n = strlen(f->pkg);
    return f->xtest ? n - 5 : n;
}

void gocmd_group_dir(const load_dir *ld, gocmd_groups *out)
{
    for (size_t i = 0; i < ld->files.len; i++) {
        load_file *f = ld->files.p[i];
        gocmd_group *g = NULL;
        size_t k = pkg_key_len(f);
        if (f->excluded)
            continue;
        if (!f->test && has_expectations(f)) {
            gocmd_group s;
            memset(&s, 0, sizeof s);
            s.scenario = true;
            VEC_PUSH(s.files, f);
            VEC_PUSH(*out, s);
            continue;
        }
        for (size_t j = 0; j < out->len && !g; j++) {
            const load_file *h = out->p[j].files.p[0];
            if (!out->p[j].scenario && pkg_key_len(h) == k &&
                !strncmp(h->pkg, f->pkg, k))
                g = &out->p[j];
        }
        if (!g) {
            gocmd_group n;
            memset(&n, 0, sizeof n);
            VEC_PUSH(*out, n);
            g = &out->p[out->len - 1];
        }
        VEC_PUSH(g->files, f);
        g->tests |= f->test;
        g->main |= !f->test && !strcmp(f->pkg, "main");
    }
    for (size_t j = 0; j < out->len; j++)
        out->p[j].label = out->p[j].files.len == 1
                              ? out->p[j].files.p[0]->path
                              : ld->dir;
}

void gocmd_groups_fini(gocmd_groups *g)
{
    for (size_t i = 0; i < g->len; i++)
        VEC_FREE(g->p[i].files);
    VEC_FREE(*g);
}

static int input_error(const wf_diag *d)
{
    diag_print(stderr, "weft: ", d);
    return 2;
}

static bool schedule_hash(const char *s, uint32_t *h);

/* Compile group g of ld: its main program, or with tests all its files. */
static vm_program *compile_group(const cli_opts *o, loader *l,
                                 const load_dir *ld, const gocmd_group *g,
                                 bool tests)
{
    vm_options vo;
    vm_program *p = NULL;
    wf_diag d;
    load_files fs = {NULL, 0, 0};
    memset(&vo, 0, sizeof vo);
    vo.go_version = o->go_version;
    vo.nargs = o->prog_argc;
    vo.env = environ;
    vo.args = o->prog_argv;
    for (size_t i = 0; i < g->files.len; i++)
        if (tests || !g->files.p[i]->test)
            VEC_PUSH(fs, g->files.p[i]);
    if (vm_compile_pkg(l, ld, fs.p, fs.len, &vo, &p, &d) != WF_OK) {
        input_error(&d);
        p = NULL;
    }
    VEC_FREE(fs);
    return p;
}

/* The package in directory dir, compiled: its main program, or its
 * tests when it is not package main or when sched (a schedule to
 * replay) belongs to one of its tests. NULL (message printed) on bad
 * input. */
static vm_program *compile_dir(const cli_opts *o, const char *dir,
                               const char *sched)
{
    loader *l = load_new();
    load_dir *ld;
    gocmd_groups gs = {NULL, 0, 0};
    const gocmd_group *pick = NULL;
    vm_program *p = NULL;
    wf_diag d;
    size_t scenarios = 0;
    if (load_read_dir(l, dir, &ld, &d) != WF_OK) {
        input_error(&d);
        goto done;
    }
    gocmd_group_dir(ld, &gs);
    for (size_t i = 0; i < gs.len; i++) {
        if (gs.p[i].scenario) {
            scenarios++;
            continue;
        }
        if (pick) {
            fprintf(stderr, "weft: %s: error: found packages %s (%s) and %s "
                            "(%s) in %s\n",
                    ld->dir, pick->files.p[0]->pkg,
                    pick->files.p[0]->name, gs.p[i].files.p[0]->pkg,
                    gs.p[i].files.p[0]->name, ld->dir);
            goto done;
        }
        pick = &gs.p[i];
    }
    if (!pick) {
        if (scenarios)
            fprintf(stderr, "weft: %s: error: no package here, only "
                            "scenario files (run each: weft %s %s/%s)\n",
                    ld->dir, o->cmd_name, ld->dir,
                    gs.p[0].files.p[0]->name);
        else
            fprintf(stderr, "weft: %s: error: no Go files in %s\n", ld->dir,
                    ld->dir);
        goto done;
    }
    if (!pick->main && !pick->tests) {
        fprintf(stderr, "weft: %s: error: package %s is not a main package "
                        "and has no tests\n",
                ld->dir, pick->files.p[0]->pkg);
        goto done;
    }
    if (pick->main) {
        uint32_t h;
        p = compile_group(o, l, ld, pick, false);
        if (p && sched && pick->tests && schedule_hash(sched, &h) &&
            vm_program_entry(p).hash != h) {
            vm_program_free(p);
            p = compile_group(o, l, ld, pick, true);
        }
    } else {
        p = compile_group(o, l, ld, pick, true);
    }
done:
    gocmd_groups_fini(&gs);
    load_free(l);
    return p;
}

/* A file that is plainly no Go source (a trace database, C source, an
 * executable): say what to do with it instead of a syntax error at 1:1. */
bool gocmd_not_go_source(const cli_opts *o, const char *file)
{
    /* a C program runs, explores and replays itself; it has no play */
    const char *cmd = o->cmd == CMD_PLAY ? "explore" : o->cmd_name;
    const char *why = o->cmd == CMD_PLAY
                          ? " (weft play takes Go programs; a C program "
                            "runs, explores and replays itself)"
                          : "";
    size_t n = strlen(file);
    bool c_src = (n > 2 && (!strcmp(file + n - 2, ".c") ||
                            !strcmp(file + n - 2, ".h"))) ||
                 (n > 3 && !strcmp(file + n - 3, ".cc"));
    char magic[4] = {0};
    FILE *f;
    if (tracecmd_is_db(file)) {
        fprintf(stderr, "weft: %s: error: a trace database, not a program: "
                        "weft list %s shows its runs; weft view %s, or "
                        "weft replay %s --run-id ID\n",
                file, file, file, file);
        return true;
    }
    if (c_src) {
        fprintf(stderr, "weft: %s: error: C source: build it with weft cc "
                        "(weft cc -o prog %s), then run ./prog %s%s\n",
                file, file, cmd, why);
        return true;
    }
    f = fopen(file, "rb");
    if (f) {
        size_t k = fread(magic, 1, sizeof magic, f);
        fclose(f);
        if (k == 4 && !memcmp(magic, "\177ELF", 4)) {
            fprintf(stderr, "weft: %s: error: an executable, not Go source: "
                            "a C program built with weft cc runs weft's "
                            "commands itself (%s%s %s)%s\n",
                    file, strchr(file, '/') ? "" : "./", file, cmd, why);
            return true;
        }
    }
    return false;
}

/* Compile a file or a directory for options o; NULL (message printed)
 * on bad input. sched: the schedule a replay follows, or NULL. */
static vm_program *compile(const cli_opts *o, const char *file,
                           const char *sched)
{
    vm_options vo;
    vm_program *p = NULL;
    wf_diag d;
    if (is_dir(file))
        return compile_dir(o, file, sched);
    if (!gocmd_is_go(file) && access(file, F_OK) != 0) {
        if (strstr(file, "..."))
            fprintf(stderr, "weft: %s: error: %s takes one file or package "
                            "directory, not a pattern (weft test %s runs "
                            "the tests of every package it matches)\n",
                    file, o->cmd_name, file);
        else
            fprintf(stderr, "weft: %s: error: no such file or directory\n",
                    file);
        return NULL;
    }
    if (!gocmd_is_go(file) && gocmd_not_go_source(o, file))
        return NULL;
    memset(&vo, 0, sizeof vo);
    vo.go_version = o->go_version;
    vo.nargs = o->prog_argc;
    vo.env = environ;
    vo.args = o->prog_argv;
    if (vm_compile_file(file, &vo, &p, &d) != WF_OK) {
        input_error(&d);
        return NULL;
    }
    if (!vm_is_test_file(p) && strcmp(vm_package_name(p), "main")) {
        /* go run says so too: nothing would run, and exit 0 would pass */
        fprintf(stderr, "weft: %s: error: package %s is not a main package "
                        "(weft runs package main's func main, or the "
                        "TestXxx of a *_test.go file)\n",
                file, vm_package_name(p));
        vm_program_free(p);
        return NULL;
    }
    return p;
}

/* -j's engines each compile the file again (ui/cli.h cli_progsrc): the
 * program, or test `test` of a test file. */
typedef struct gosrc {
    const cli_opts *o;
    long test; /* -1: the program's main */
} gosrc;

static vm_program *compile(const cli_opts *o, const char *file,
                           const char *sched);

static bool gosrc_make(void *ctx, program *out, void **handle)
{
    const gosrc *g = ctx;
    vm_program *p = compile(g->o, g->o->file, NULL);
    if (!p)
        return false;
    if (g->test >= 0)
        vm_program_set_run(p, g->o->run_re);
    *out = g->test < 0 ? vm_program_entry(p)
                       : vm_program_test_entry(p, (size_t)g->test);
    *handle = p;
    return true;
}

static void gosrc_release(void *handle)
{
    vm_program_free(handle);
}

/* The hash a schedule string starts with (8 hex digits), or false. */
static bool schedule_hash(const char *s, uint32_t *h)
{
    uint32_t v = 0;
    for (int i = 0; i < 8; i++) {
        char c = s[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else
            return false;
    }
    *h = v;
    return true;
}

/* A test file: replay runs the test whose identity the schedule carries;
 * run, explore and outcomes run every test --run selects, each between
 * "=== RUN   TestXxx" and "--- PASS: TestXxx (0.01s)" as go test -v
 * prints them; with --json, one object whose "tests" hold each test's
 * result object, named ("test") and judged ("verdict": pass or fail). */
static int exec_tests(const cli_opts *o, vm_program *p, const char *prefix)
{
    size_t n = vm_test_count(p), ran = 0;
    int status = 0;
    bool bad_re = false;
    buf json;
    gosrc g = {o, -1};
    cli_progsrc src = {gosrc_make, gosrc_release, &g};
    if (!n) {
        fprintf(stderr,
                "weft: %s: error: a test file with no test function "
                "(func TestXxx(t *testing.T), or an ExampleXxx with an "
                "// Output: comment)\n",
                o->file);
        return 2;
    }
    if (o->cmd == CMD_REPLAY) {
        uint32_t h;
        if (schedule_hash(o->schedule, &h))
            for (size_t i = 0; i < n; i++) {
                program pr = vm_program_test_entry(p, i);
                if (pr.hash == h) return cli_execute(o, &pr, prefix);
            }
        fprintf(stderr,
                "weft: error: the schedule belongs to none of the "
                "tests of %s (was the file changed?)\n",
                o->file);
        return 2;
    }
    if (o->run_re && (vm_run_selects(o->run_re, "", &bad_re), bad_re)) {
        fprintf(stderr, "weft: error: --run: bad regular expression '%s'\n",
                o->run_re);
        return 2;
    }
    vm_program_set_run(p, o->run_re);
    buf_init(&json);
    if (o->json) {
        buf_puts(&json, "{\"file\": ");
        json_str(&json, o->file);
        buf_puts(&json, ", \"command\": ");
        json_str(&json, o->cmd_name);
        buf_puts(&json, ", \"tests\": [");
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = vm_test_name(p, i);
        program pr;
        int st;
        double t0 = cli_now();
        if (!vm_run_selects(o->run_re, name, &bad_re))
            continue;
        pr = vm_program_test_entry(p, i);
        g.o = o;
        g.test = (long)i;
        if (o->json) {
            /* {"test": NAME, "verdict": ..., then the test's own members */
            buf one;
            buf_init(&one);
            st = cli_execute_json(o, &pr, &src, prefix, &one);
            buf_puts(&json, ran ? ", {\"test\": " : "{\"test\": ");
            json_str(&json, name);
            buf_printf(&json, ", \"verdict\": \"%s\", ",
                       st == 0 ? "pass" : "fail");
            buf_puts(&json, one.len > 1 ? one.p + 1 : "}");
            buf_fini(&one);
        } else {
            printf("=== RUN   %s\n", name);
            fflush(stdout);
            st = cli_execute_src(o, &pr, &src, prefix);
            printf("--- %s: %s (%.2fs)\n", st == 0 ? "PASS" : "FAIL", name,
                   cli_now() - t0);
        }
        ran++;
        if (st > status) status = st;
    }
    if (o->json) {
        buf_puts(&json, "]}\n");
        fputs(json.p, stdout);
        fflush(stdout);
    }
    buf_fini(&json);
    if (!ran) {
        fprintf(stderr,
                "weft: warning: --run '%s' selects none of the %zu "
                "tests of %s\n",
                o->run_re, n, o->file);
    }
    return status;
}

int gocmd_exec(const cli_opts *o)
{
    vm_program *p;
    program pr;
    char prefix[1200];
    int status;
    if (o->cmd == CMD_REPLAY && !o->schedule) {
        fprintf(stderr, "weft: error: replay of a scenario file needs "
                        "--schedule S\n");
        return 2;
    }
    p = compile(o, o->file, o->cmd == CMD_REPLAY ? o->schedule : NULL);
    if (!p)
        return 2;
    snprintf(prefix, sizeof prefix, "weft replay %s --schedule", o->file);
    if (vm_is_test_file(p)) {
        status = exec_tests(o, p, prefix);
    } else {
        gosrc g = {o, -1};
        cli_progsrc src = {gosrc_make, gosrc_release, &g};
        pr = vm_program_entry(p);
        status = cli_execute_src(o, &pr, &src, prefix);
    }
    vm_program_free(p);
    return status;
}

/* The SHA-256 (hex) of file's bytes into hex, or false if unreadable. */
static bool file_sha(const char *file, char hex[65])
{
    unsigned char b[65536];
    size_t n;
    sha256_ctx c;
    FILE *f = is_dir(file) ? NULL : fopen(file, "rb");
    if (!f)
        return false;
    sha256_init(&c);
    while ((n = fread(b, 1, sizeof b, f)) > 0)
        sha256_update(&c, b, n);
    fclose(f);
    sha256_final_hex(&c, hex);
    return true;
}

int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched, const char *src,
                    size_t len, const char *sha)
{
    vm_program *p = NULL;
    program pr;
    int status;
    uint32_t h;
    char hex[65];
    bool on_disk = file_sha(file, hex);
    bool differs = on_disk && sha && strcmp(hex, sha) != 0;
    if (o->use_file || !src) {
        if (differs)
            fprintf(stderr,
                    "weft: warning: %s: the file on disk differs from the "
                    "recorded one (sha256 %.12s..., recorded %.12s...): "
                    "a divergence below is that change%s\n",
                    file, hex, sha, src ? "" : " (the database has no copy)");
        p = compile(o, file, sched);
    } else {
        vm_options vo;
        wf_diag d;
        if (differs)
            fprintf(stderr,
                    "weft: note: %s differs from the recorded one: "
                    "replaying the recorded source (--use-file replays "
                    "the file)\n",
                    file);
        memset(&vo, 0, sizeof vo);
        vo.go_version = o->go_version;
        if (vm_compile(file, (const unsigned char *)src, len, &vo, &p, &d) !=
            WF_OK) {
            input_error(&d);
            p = NULL;
        }
    }
    if (!p)
        return 2;
    pr = vm_program_entry(p);
    /* a test file's run: the test whose identity the schedule carries */
    if (vm_is_test_file(p) && sched && schedule_hash(sched, &h))
        for (size_t i = 0; i < vm_test_count(p); i++)
            if (vm_program_test_entry(p, i).hash == h)
                pr = vm_program_test_entry(p, i);
    status = tracecmd_replay_program(o, &pr, db, run_id, sched);
    vm_program_free(p);
    return status;
}

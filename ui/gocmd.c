/* gocmd.c: see gocmd.h. */
#include "gocmd.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/vm.h"
#include "tracecmd.h"

bool gocmd_is_go(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n > 3 && !strcmp(path + n - 3, ".go");
}

static int input_error(const wf_diag *d)
{
    char m[1700];
    diag_format(d, m, sizeof m);
    fprintf(stderr, "weft: %s\n", m);
    return 2;
}

/* Compile file for options o; NULL (message printed) on bad input. */
static vm_program *compile(const cli_opts *o, const char *file)
{
    vm_options vo;
    vm_program *p = NULL;
    wf_diag d;
    memset(&vo, 0, sizeof vo);
    vo.go_version = o->go_version;
    if (vm_compile_file(file, &vo, &p, &d) != WF_OK) {
        input_error(&d);
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

static bool gosrc_make(void *ctx, program *out, void **handle)
{
    const gosrc *g = ctx;
    vm_options vo;
    vm_program *p = NULL;
    wf_diag d;
    memset(&vo, 0, sizeof vo);
    vo.go_version = g->o->go_version;
    if (vm_compile_file(g->o->file, &vo, &p, &d) != WF_OK) return false;
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
    regex_t re;
    buf json;
    gosrc g = {o, -1};
    cli_progsrc src = {gosrc_make, gosrc_release, &g};
    if (!n) {
        fprintf(stderr,
                "weft: %s: error: a test file with no test function "
                "(func TestXxx(t *testing.T))\n",
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
    if (o->run_re && regcomp(&re, o->run_re, REG_EXTENDED | REG_NOSUB)) {
        fprintf(stderr, "weft: error: --run: bad regular expression '%s'\n",
                o->run_re);
        return 2;
    }
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
        if (o->run_re && regexec(&re, name, 0, NULL, 0) != 0) continue;
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
    if (o->run_re) regfree(&re);
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
    p = compile(o, o->file);
    if (!p) return 2;
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

int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched)
{
    vm_program *p = compile(o, file);
    program pr;
    int status;
    uint32_t h;
    if (!p) return 2;
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

/* gocmd.c: see gocmd.h. */
#include "gocmd.h"

#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "sim/lang/vm.h"
#include "sim/sha256.h"
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
 * run, explore and outcomes run every test --run selects, each under a
 * "=== RUN TestXxx" header as go test -v prints it. */
static int exec_tests(const cli_opts *o, vm_program *p, const char *prefix)
{
    size_t n = vm_test_count(p), ran = 0;
    int status = 0;
    regex_t re;
    if (!n) {
        fprintf(stderr, "weft: %s: error: a test file with no test function "
                        "(func TestXxx(t *testing.T))\n",
                o->file);
        return 2;
    }
    if (o->cmd == CMD_REPLAY) {
        uint32_t h;
        if (schedule_hash(o->schedule, &h))
            for (size_t i = 0; i < n; i++) {
                program pr = vm_program_test_entry(p, i);
                if (pr.hash == h)
                    return cli_execute(o, &pr, prefix);
            }
        fprintf(stderr, "weft: error: the schedule belongs to none of the "
                        "tests of %s (was the file changed?)\n",
                o->file);
        return 2;
    }
    if (o->run_re && regcomp(&re, o->run_re, REG_EXTENDED | REG_NOSUB)) {
        fprintf(stderr, "weft: error: --run: bad regular expression '%s'\n",
                o->run_re);
        return 2;
    }
    for (size_t i = 0; i < n; i++) {
        const char *name = vm_test_name(p, i);
        program pr;
        int st;
        if (o->run_re && regexec(&re, name, 0, NULL, 0) != 0)
            continue;
        ran++;
        pr = vm_program_test_entry(p, i);
        if (!o->json)
            printf("=== RUN %s\n", name);
        fflush(stdout);
        st = cli_execute(o, &pr, prefix);
        if (!o->json)
            printf("--- %s: %s\n", st == 0 ? "PASS" : "FAIL", name);
        if (st > status)
            status = st;
    }
    if (o->run_re)
        regfree(&re);
    if (!ran) {
        fprintf(stderr, "weft: warning: --run '%s' selects none of the %zu "
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
    if (!p)
        return 2;
    snprintf(prefix, sizeof prefix, "weft replay %s --schedule", o->file);
    if (vm_is_test_file(p)) {
        status = exec_tests(o, p, prefix);
    } else {
        pr = vm_program_entry(p);
        status = cli_execute(o, &pr, prefix);
    }
    vm_program_free(p);
    return status;
}

int gocmd_main(int argc, char **argv)
{
    cli_opts o;
    wf_diag d;
    int status;
    if (cli_parse(argc, argv, 1, true, &o, &d) != WF_OK) {
        cli_opts_fini(&o);
        return input_error(&d);
    }
    if (o.help) {
        cli_help(stdout, "weft", o.cmd, false);
        cli_opts_fini(&o);
        return 0;
    }
    status = gocmd_exec(&o);
    cli_opts_fini(&o);
    return status;
}

/* The SHA-256 (hex) of file's bytes into hex, or false if unreadable. */
static bool file_sha(const char *file, char hex[65])
{
    unsigned char b[65536];
    size_t n;
    sha256_ctx c;
    FILE *f = fopen(file, "rb");
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
        p = compile(o, file);
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

/* gocmd.c: see gocmd.h. */
#include "gocmd.h"

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
    pr = vm_program_entry(p);
    snprintf(prefix, sizeof prefix, "weft replay %s --schedule", o->file);
    status = cli_execute(o, &pr, prefix);
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

int gocmd_replay_db(const cli_opts *o, const char *file, const char *db,
                    int64_t run_id, const char *sched)
{
    vm_program *p = compile(o, file);
    program pr;
    int status;
    if (!p)
        return 2;
    pr = vm_program_entry(p);
    status = tracecmd_replay_program(o, &pr, db, run_id, sched);
    vm_program_free(p);
    return status;
}

/* ccmain.c: the main of a program built by `weft cc` (SPEC section 7).
 * The link wraps the program's main (-Wl,--wrap=main): this runs first,
 * takes weft's command line (`./t explore`, `./t run --seed 3`,
 * `./t replay --schedule S`, with weft's options; the program's own
 * arguments follow `--`) and explores the program, whose main runs as
 * task 0 of every execution (sim/posix). With no command it explores;
 * WEFT_ARGS, when set, is the command line instead of argv (for test
 * suites that run the program with arguments of its own).
 * Owns: nothing past the call. Built into the runtime object weftrt.o
 * only, not into libweft.a. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "halt.h"
#include "shard.h"
#include "sim/posix/posix.h"

int __real_main(int argc, char **argv, char **envp);
int __wrap_main(int argc, char **argv, char **envp);

/* WEFT_ARGS split on blanks into a new argv after argv[0]; *copy holds
 * the strings. */
static char **env_args(const char *prog, const char *s, int *argc,
                       char **copy_out)
{
    size_t n = strlen(s);
    char *copy = wf_xmalloc(n + 1);
    char **v = wf_xcalloc(n / 2 + 3, sizeof *v);
    int k = 0;
    memcpy(copy, s, n + 1);
    v[k++] = (char *)prog;
    for (char *p = strtok(copy, " \t\n"); p; p = strtok(NULL, " \t\n"))
        v[k++] = p;
    v[k] = NULL;
    *argc = k;
    *copy_out = copy;
    return v;
}

static int run(int argc, char **argv, char **envp)
{
    static char *def[] = {NULL, "explore", NULL};
    const char *prog = argc > 0 && argv[0] ? argv[0] : "prog";
    const char *env = getenv("WEFT_ARGS");
    char **args = argv, **pargv, *copy = NULL;
    int nargs = argc, status;
    cli_opts o;
    wf_diag d;
    program p;
    char prefix[1200];
    px_init(argc, argv, envp, __real_main);
    halt_install(); /* Ctrl-C, SIGTERM: the results so far (halt.h) */
    if (env && *env) {
        args = env_args(prog, env, &nargs, &copy);
    } else if (argc < 2) {
        def[0] = (char *)prog;
        args = def;
        nargs = 2;
    }
    if (cli_parse(nargs, args, 1, false, &o, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "%s: %s\n", prog, m);
        cli_opts_fini(&o);
        if (copy) {
            free(copy);
            free(args);
        }
        return 2;
    }
    if ((status = cli_help_or_version(&o, prog)) >= 0) {
        cli_opts_fini(&o);
        if (copy) {
            free(copy);
            free(args);
        }
        return status;
    }
    /* the program's argv: its name, then what follows `--` (with
     * WEFT_ARGS: the arguments it was run with) */
    pargv = wf_xcalloc((size_t)(copy ? argc : o.prog_argc + 1) + 1,
                       sizeof *pargv);
    pargv[0] = (char *)prog;
    if (copy) {
        for (int i = 1; i < argc; i++)
            pargv[i] = argv[i];
    } else {
        for (int i = 0; i < o.prog_argc; i++)
            pargv[i + 1] = o.prog_argv[i];
    }
    memset(&p, 0, sizeof p);
    px_program(&p, copy ? argc : o.prog_argc + 1, pargv);
    p.file = prog;
    snprintf(prefix, sizeof prefix, "%s replay --schedule", prog);
    px_set_active(true);
    /* the process ends with the command: the explorer's memory (a long
     * execution's search state) is left to the exit, as weft's main does
     * (freeing it took 0.4 s past --time-limit 2 after 659,000 steps) */
    cli_exit_soon();
    if (o.cmd == CMD_MERGE) /* its own shards (weft merge cannot build it) */
        status = shard_merge_program(&o, &p);
    else
        status = cli_execute(&o, &p, prefix);
    px_set_active(false);
    cli_opts_fini(&o);
    free(pargv);
    if (copy) {
        free(copy);
        free(args);
    }
    return status;
}

/* The process ends with _exit: the program's destructors run in each
 * execution's exit (sim/posix), and running them once more after the
 * check printed their output after weft's report (into --json's). */
int __wrap_main(int argc, char **argv, char **envp)
{
    int status = run(argc, argv, envp);
    fflush(NULL);
    _exit(status);
}

/* main.c: the weft command: parse the command line (ui/cli_opts.c), then run
 * the command's module. */
#include <stdio.h>
#include <string.h>

#include "ui/cccmd.h"
#include "ui/cli.h"
#include "ui/gocmd.h"
#include "ui/halt.h"
#include "ui/playtty.h"
#include "ui/reportcmd.h"
#include "ui/shard.h"
#include "ui/testcmd.h"
#include "ui/tracecmd.h"
#include "ui/view.h"

int main(int argc, char **argv)
{
    cli_opts o;
    wf_diag d;
    int status;
    halt_install();
    if (argc < 2) {
        cli_help(stderr, "weft", CMD_NONE, false);
        return 2;
    }
    /* weft cc takes the compiler's options, not weft's */
    if (!strcmp(argv[1], "cc"))
        return cccmd_main(argc, argv);
    if (argc == 3 && !strcmp(argv[1], "help") && !strcmp(argv[2], "cc")) {
        char *help[] = {argv[0], "cc", "--help", NULL};
        return cccmd_main(3, help); /* the same text as weft cc --help */
    }
    if (cli_parse(argc, argv, 1, true, &o, &d) != WF_OK) {
        char m[1700];
        diag_format(&d, m, sizeof m);
        fprintf(stderr, "weft: %s\n", m);
        cli_opts_fini(&o);
        return 2;
    }
    status = cli_help_or_version(&o, "weft");
    if (status < 0) {
        switch (o.cmd) {
        case CMD_RUN:
        case CMD_EXPLORE:
        case CMD_OUTCOMES:
            cli_exit_soon(); /* the process ends with the command */
            status = gocmd_exec(&o);
            break;
        case CMD_REPLAY:
            cli_exit_soon();
            status = tracecmd_replay(&o);
            break;
        case CMD_LIST:
            status = tracecmd_list(&o);
            break;
        case CMD_TEST:
            status = testcmd_exec(&o);
            break;
        case CMD_VIEW:
            status = view_exec(&o);
            break;
        case CMD_PLAY:
            status = play_exec(&o);
            break;
        case CMD_REPORT:
            status = reportcmd_exec(&o);
            break;
        case CMD_MERGE:
            status = shard_merge_exec(&o);
            break;
        default: /* help and version are answered above */
            status = 2;
            break;
        }
    }
    cli_opts_fini(&o);
    return status;
}

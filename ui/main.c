/* main.c: the weft command. */
#include <stdio.h>
#include <string.h>

#include "ui/gocmd.h"
#include "ui/halt.h"
#include "ui/testcmd.h"
#include "ui/tracecmd.h"
#include "ui/view.h"

static const char usage[] =
    "usage: weft COMMAND [options]\n"
    "commands: run explore outcomes replay test list view\n";

int main(int argc, char **argv)
{
    halt_install();
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
        fputs(usage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    /* a scenario file: the Go front end */
    if (!strcmp(argv[1], "run") || !strcmp(argv[1], "explore") ||
        !strcmp(argv[1], "outcomes"))
        return gocmd_main(argc, argv);
    if (!strcmp(argv[1], "list") || !strcmp(argv[1], "replay"))
        return tracecmd_main(argc, argv);
    if (!strcmp(argv[1], "test"))
        return testcmd_main(argc, argv);
    if (!strcmp(argv[1], "view")) return view_main(argc, argv);
    fprintf(stderr, "weft: error: unknown command '%s'\n%s", argv[1], usage);
    return 2;
}

/* cccmd.h: `weft cc`, the compiler wrapper that builds C programs for
 * weft (see cccmd.c). */
#ifndef WF_CCCMD_H
#define WF_CCCMD_H

/* argv[1] is "cc"; returns the exit status (the compiler's). */
int cccmd_main(int argc, char **argv);

#endif

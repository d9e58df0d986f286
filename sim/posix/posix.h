/* posix.h: what ui/ needs of the runtime `weft cc` links into C programs
 * (sim/posix, see px.h): starting it when main is entered, and the hooks
 * that make the program an explorer's program.
 * Owns: nothing (the runtime's state is px.h's). */
#ifndef WF_POSIX_H
#define WF_POSIX_H

#include "sim/explore.h"

/* Stack of every task of a C program: as big as a main thread's usually
 * is (mapped without reserve: only what a task touches costs memory). */
#define PX_STACK_SIZE ((size_t)8 << 20)

/* Once, when main is first entered: read the executable's symbols and
 * lines, snapshot its globals, map its heap. real_main is the program's
 * main. */
void px_init(int argc, char **argv, char **envp,
             int (*real_main)(int, char **, char **));
/* Fill p's hooks (begin, end, extra, incomplete, stack size) and driver:
 * task 0 runs the program's main with argv[0] and args. */
void px_program(program *p, int argc, char **argv);
/* Whether the runtime is exploring (its interposers act) or not. */
void px_set_active(bool on);

#endif

/* program.h: a program to explore, whatever its front end (the Go VM,
 * the C API, a program built by weft cc): how to start its main task and
 * the hooks a front end offers the explorer.
 * Owns: nothing; every pointer is the front end's, borrowed by the
 * explorer for its lifetime. The engine sees none of this: a front end
 * reaches it only through task drivers and engine_frontend (engine.h),
 * which its begin hook installs. */
#ifndef WF_PROGRAM_H
#define WF_PROGRAM_H

#include "engine.h"

/* A program, whatever its front end. */
typedef struct program {
    const task_driver *drv;
    void *arg;             /* for main's driver start */
    const char *main_name; /* "main", or the test function */
    uint32_t hash;         /* identity, carried by schedules */
    const char *file;      /* for reports ("philo.go", "./prog") */
    bool leaks_are_errors; /* test files (SPEC 3: leak) */
    /* called at each execution's start, after engine_reset */
    void (*begin)(void *ctx, wf_engine *e);
    void *ctx;
    /* Optional hooks of C programs built by weft cc (sim/posix):
     * end: after each execution, before what it found is collected (it
     *   may drop findings); true when the program's scheduling points
     *   changed (its set of racy locations grew): the search starts over.
     * extra_get/extra_set: text the program needs to replay a schedule,
     *   carried in the schedule's header (".x"); set before a replay.
     * incomplete: why a complete search is no proof (values sampled). */
    bool (*end)(void *ctx, wf_engine *e);
    const char *(*extra_get)(void *ctx);
    void (*extra_set)(void *ctx, const char *extra);
    const char *(*incomplete)(void *ctx);
    size_t stack_size; /* of each task; 0: explore_opts' or the default */
} program;

#endif

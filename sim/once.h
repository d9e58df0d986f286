/* once.h: sync.Once. The first Do runs the function (the front end runs
 * it between OP_ONCE, whose result ok says "run it", and OP_ONCE_END);
 * Do is a guarded op, disabled while the function runs; later calls return
 * at once. A Do from inside the function waits forever, as Go's deadlocks.
 * Owns: wf_once and its queue of pending Do calls.
 * Invariants: 1. a task in waiters is runnable iff state != ONCE_RUNNING. */
#ifndef WF_ONCE_H
#define WF_ONCE_H

#include "engine.h"

enum { ONCE_NEW, ONCE_RUNNING, ONCE_DONE };

struct wf_once {
    wf_obj hdr;
    uint8_t state;
    int32_t runner; /* tid running the function */
    waitq waiters;
};

wf_once *once_new(wf_engine *e, const char *name, const char *file,
                  int line);
void once_expose(wf_engine *e, wf_task *t); /* OP_ONCE exposed */
step_result once_do(wf_engine *e, wf_task *t);
step_result once_end(wf_engine *e, wf_task *t);

/* The class of once objects (engine.h). */
extern const obj_class once_class;

#endif

/* waitgroup.h: sync.WaitGroup (sync/waitgroup.go). A pending Wait is
 * enabled while the counter is zero; exposed while it is positive, the
 * task is parked as Go parks it, and the Add that brings the counter to
 * zero releases every parked waiter in its own step (their Wait returns
 * even if the counter rises again before they run, as in Go).
 * Owns: wf_waitgroup and its list of pending waiters.
 * Invariants: 1. count >= 0 between steps.  2. a waiter is runnable iff
 *   count == 0. */
#ifndef WF_WAITGROUP_H
#define WF_WAITGROUP_H

#include "engine.h"

struct wf_waitgroup {
    wf_obj hdr;
    int64_t count;
    waitq waiters;
    /* a thread's end as pthread_join waits for it (weft cc): the task
     * whose exit is its one Done, else -1 (a WaitGroup) */
    int32_t join_tid;
};

#define GO_WG_NEGATIVE "sync: negative WaitGroup counter"
#define GO_WG_REUSED                                                           \
    "sync: WaitGroup is reused before previous Wait has returned"

wf_waitgroup *waitgroup_new(wf_engine *e, const char *name, const char *file,
                            int line);
void waitgroup_expose(wf_engine *e, wf_task *t); /* OP_WG_WAIT exposed */
step_result waitgroup_add(wf_engine *e, wf_task *t);
step_result waitgroup_wait(wf_engine *e, wf_task *t);

/* The class of waitgroup objects (engine.h). */
extern const obj_class waitgroup_class;

#endif

/* waitgroup.h: sync.WaitGroup (sync/waitgroup.go): Add changes the
 * counter; when it reaches zero every parked Wait returns; Wait on a zero
 * counter returns at once.
 * Owns: wf_waitgroup and its queue of parked waiters.
 * Invariants: 1. count >= 0 between steps.  2. waiters non-empty =>
 *   count > 0. */
#ifndef WF_WAITGROUP_H
#define WF_WAITGROUP_H

#include "engine.h"

struct wf_waitgroup {
    wf_obj hdr;
    int64_t count;
    waitq waiters;
};

#define GO_WG_NEGATIVE "sync: negative WaitGroup counter"
#define GO_WG_MISUSE   "sync: WaitGroup misuse: Add called concurrently with Wait"

/* op.arg of OP_WG_ADD: 1 when it is a Done (the event says wg_done). */
wf_waitgroup *waitgroup_new(wf_engine *e, const char *name, const char *file,
                            int line);
step_result waitgroup_add(wf_engine *e, wf_task *t);
step_result waitgroup_wait(wf_engine *e, wf_task *t);

#endif

/* cond.h: sync.Cond, with Go's ticket-based notify list
 * (runtime/sema.go notifyList): Wait takes a ticket, unlocks L, waits for
 * the ticket to be notified, and locks L again; Signal notifies the oldest
 * unnotified ticket, Broadcast all of them. A ticket notified before its
 * holder parks makes the park return at once.
 * Two forms: over a wf_mutex (the C API), where OP_COND_WAIT takes the
 * ticket and unlocks in one step and the wake turns the op into the relock;
 * and over any Locker (the VM), where OP_COND_WAIT only takes the ticket
 * and OP_COND_PARK waits, the front end calling L.Unlock/L.Lock around.
 * Semantics switches: --cond-order any makes Signal's pick a choice among
 * the waiting tickets; --spurious-wakeups lets a parked waiter be chosen
 * to wake without a signal.
 * Owns: wf_cond and its ticket queue (the waiters live in the tasks).
 * Invariants: 1. every waiter in `tickets` is a task's cond_w with
 *   cond_notified false. */
#ifndef WF_COND_H
#define WF_COND_H

#include "engine.h"

typedef struct wf_mutex wf_mutex;

struct wf_cond {
    wf_obj hdr;
    wf_mutex *m; /* the C API's mutex; NULL for a general Locker */
    waitq tickets;
    bool copied; /* a Go copy of a Cond already used: Wait, Signal and
                    Broadcast panic, as sync/cond.go's copyChecker makes
                    them */
    bool sem;    /* a POSIX semaphore's, under its count: its waits are
                    sem_wait's and its signals sem_post's, which reports
                    call so (a post is counted, never lost) */
};

#define GO_COND_COPIED "sync.Cond is copied"

wf_cond *cond_new(wf_engine *e, const char *name, wf_mutex *m,
                  const char *file, int line);
step_result cond_wait(wf_engine *e, wf_task *t);
step_result cond_park(wf_engine *e, wf_task *t);
step_result cond_signal(wf_engine *e, wf_task *t);
step_result cond_broadcast(wf_engine *e, wf_task *t);
/* --spurious-wakeups: t, parked on its ticket, was chosen to wake.
 * perform dispatches here when the op is parked. */
step_result cond_spurious(wf_engine *e, wf_task *t);

/* The class of cond objects (engine.h). */
extern const obj_class cond_class;

#endif

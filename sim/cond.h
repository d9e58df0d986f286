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
 * A POSIX semaphore is a cond in sem mode (cond_sem_new): one object with
 * a count, no mutex and no tickets. sem_wait (OP_COND_WAIT) is one step,
 * enabled while the count is above zero, taking a unit; the blocked ones
 * wait in `semq` and become enabled together when a sem_post (OP_SIGNAL,
 * one step) raises the count from zero: which of them takes the unit is
 * the scheduler's choice, as is whether a newcomer takes it first
 * (POSIX leaves the pick open but for SCHED_FIFO/RR priorities, which
 * weft does not model; glibc's fast path lets a newcomer in first).
 * Happens-before: each post releases into the semaphore's clock, each
 * wait that takes a unit acquires it (glibc's release and acquire on one
 * counter, all read-modify-writes: a release sequence). Reduction: posts
 * commute (ACC_COMMIT), so do failed looks (ACC_READ); a wait that takes
 * a unit conflicts with every other op (ACC_WRITE): with a post, as the
 * wait acquires it; with another wait, as they may compete for the last
 * unit.
 * Owns: wf_cond, its ticket queue (the waiters live in the tasks) and a
 * semaphore's queue.
 * Invariants: 1. every waiter in `tickets` is a task's cond_w with
 *   cond_notified false.  2. sem mode: count >= 0; every task in semq is
 *   pending on a sem_wait of it, runnable iff count > 0. */
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
    int64_t count; /* sem mode: the value */
    waitq semq;    /* sem mode: the sem_waits pending (their op.w) */
};

#define GO_COND_COPIED "sync.Cond is copied"

wf_cond *cond_new(wf_engine *e, const char *name, wf_mutex *m,
                  const char *file, int line);
/* A POSIX semaphore of value v (sem mode, above). */
wf_cond *cond_sem_new(wf_engine *e, const char *name, int64_t v,
                      const char *file, int line);
/* t's sem_timedwait gave up (its deadline came while it was blocked):
 * its op completes, ok false. */
void cond_sem_timeout(wf_engine *e, wf_task *t);
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

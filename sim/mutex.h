/* mutex.h: sync.Mutex.
 * Owns: wf_mutex and its queue of pending lockers, in the engine arena.
 * Semantics switch (engine_config.mutex_fifo):
 *   free (default): Lock is a guarded op, enabled while the mutex is free;
 *     every task with a pending Lock sits in `lockers`, so Unlock makes
 *     them all runnable and the scheduler picks who gets it (Go's normal
 *     mode lets a newcomer barge in ahead of woken waiters).
 *   fifo: Lock of a held mutex parks in `lockers`; Unlock hands the mutex
 *     to the longest waiter (Go's starvation mode).
 * Invariants (mutex.c's class check, from engine_check under WF_DEBUG):
 *   1. holder != NULL iff locked.
 *   2. free mode: a task in lockers is runnable iff !locked.
 *   3. grants counts acquisitions; a locker that began waiting at grants g
 *      has been bypassed grants - g times (starvation metric). */
#ifndef WF_MUTEX_H
#define WF_MUTEX_H

#include "engine.h"

struct wf_mutex {
    wf_obj hdr;
    bool locked;
    wf_task *holder; /* the task that locked it (Go has no owner; reports do) */
    waitq lockers;
    uint64_t grants;
    /* The plain variable of the Mutex's state word (its oid, -1: none): a
     * copy of the Mutex reads it (Go copies the state with the struct),
     * and Lock, Unlock and TryLock write it as Go's atomics do, so the
     * copy races with them and the search orders it both ways. */
    int32_t shadow;
};

#define GO_UNLOCK_UNLOCKED "sync: unlock of unlocked mutex"

wf_mutex *mutex_new(wf_engine *e, const char *name, const char *file,
                    int line);
/* t exposed OP_LOCK on t->op.obj: set its state (free mode). */
void mutex_expose(wf_engine *e, wf_task *t);
step_result mutex_lock(wf_engine *e, wf_task *t);
step_result mutex_unlock(wf_engine *e, wf_task *t);
step_result mutex_trylock(wf_engine *e, wf_task *t);
/* Release m on behalf of t (Unlock, or Cond.Wait's unlock). Returns false
 * if m was not locked (the caller panics). */
bool mutex_release(wf_engine *e, wf_task *t, wf_mutex *m);
/* Account a waiter leaving a resource's queue (bypass metrics). */
void mutex_account_bypass(wf_task *t, uint64_t grants_now);

/* The class of mutex objects (engine.h). */
extern const obj_class mutex_class;

#endif

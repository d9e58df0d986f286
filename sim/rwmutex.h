/* rwmutex.h: sync.RWMutex, as sync/rwmutex.go implements it.
 * Owns: wf_rwmutex, its queues and its list of read holders (arena).
 * Lock takes the writer slot (`w`, a sync.Mutex in Go: a guarded op in
 * --mutex free mode), which at once blocks new readers, then waits until
 * the readers inside have left (parked); the last RUnlock hands it the
 * lock. RLock is guarded: enabled while no writer holds or waits (so a
 * recursive RLock with a writer waiting deadlocks, as in Go); every task
 * with a pending RLock sits in `rpending`, and Unlock admits them all
 * (completing their RLock) before freeing the writer slot. TryLock and
 * TryRLock never wait: TryLock succeeds when no writer holds the slot and
 * no reader is inside, TryRLock when no writer holds the slot.
 * Invariants (rwmutex_check): 1. writer_holds => writer_in && readers == 0.
 *   2. a task in rpending is runnable iff !writer_in.
 *   3. nrholders == readers. */
#ifndef WF_RWMUTEX_H
#define WF_RWMUTEX_H

#include "engine.h"

struct wf_rwmutex {
    wf_obj hdr;
    bool writer_in;    /* a writer holds the writer slot */
    bool writer_holds; /* ... and holds the lock */
    wf_task *writer;
    int32_t readers; /* read locks held */
    int32_t *rholders; /* tids holding read locks (with repeats) */
    int32_t nrholders, caprholders;
    waitq wpending; /* tasks with a pending Lock (guard / fifo queue) */
    waitq rpending; /* tasks with a pending RLock */
    uint64_t grants;
    /* glibc's default pthread rwlock (PTHREAD_RWLOCK_PREFER_READER_NP):
     * a read lock is granted whenever no writer holds the lock, writers
     * waiting or not (so a recursive read lock never deadlocks), and a
     * writer takes the slot only once no reader is inside; not with
     * --mutex fifo */
    bool prefer_readers;
};

#define GO_RW_UNLOCK_UNLOCKED  "sync: Unlock of unlocked RWMutex"
#define GO_RW_RUNLOCK_UNLOCKED "sync: RUnlock of unlocked RWMutex"

wf_rwmutex *rwmutex_new(wf_engine *e, const char *name, const char *file,
                        int line);
void rwmutex_expose(wf_engine *e, wf_task *t);  /* OP_WLOCK exposed */
void rwmutex_rexpose(wf_engine *e, wf_task *t); /* OP_RLOCK exposed */
step_result rwmutex_lock(wf_engine *e, wf_task *t);
step_result rwmutex_unlock(wf_engine *e, wf_task *t);
/* t, in the writer slot waiting for readers, gives up its Lock (a
 * pthread timed lock's deadline): the slot is free again. */
void rwmutex_leave_slot(wf_engine *e, wf_task *t);
step_result rwmutex_rlock(wf_engine *e, wf_task *t);
step_result rwmutex_runlock(wf_engine *e, wf_task *t);
step_result rwmutex_trylock(wf_engine *e, wf_task *t);  /* never blocks */
step_result rwmutex_tryrlock(wf_engine *e, wf_task *t); /* never blocks */
bool rwmutex_check(const wf_rwmutex *m);

/* The class of rwmutex objects (engine.h). */
extern const obj_class rwmutex_class;

#endif

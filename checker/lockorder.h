/* lockorder.h: the lock-order graph (potential-deadlock), as Linux's
 * lockdep and TSan's lock-order-inversion detector build it.
 * An edge A -> B is added when a task acquires B (Lock, RLock, or the
 * relock of a Cond wait) while it holds A; TryLock and TryRLock add no
 * edge into the lock they take, as they cannot block. A cycle is a `potential-deadlock`
 * warning naming, for each edge, the task and both acquisition sites.
 * Read locks count as acquisitions: in Go an RLock waits behind a pending
 * writer, so an RLock taken while holding the same RWMutex for reading is
 * a cycle of one (a writer arriving in between deadlocks both).
 * Locks are identified across executions by a key (kind and name, or the
 * creation site when unnamed, and how many such objects came before it in
 * the execution), so the graph spans the executions of
 * an exploration: one order seen in one execution and the reverse in
 * another is reported when the second closes the cycle.
 * Owns: the graph (nodes, edges, first-seen sites and task names, heap,
 * until lockorder_free), per execution the locks each task holds.
 * Invariants: 1. an edge is stored once, with the sites it was first seen
 *   at.  2. a cycle is reported when its closing edge is added, once per
 *   signature (the cycle's locks and sites), and not at all once a
 *   deadlock on the same locks has been seen (lockorder_confirm). */
#ifndef WF_LOCKORDER_H
#define WF_LOCKORDER_H

#include "sim/explore.h"

typedef struct lockorder lockorder;

lockorder *lockorder_new(void);
void lockorder_free(lockorder *lo);
wf_consumer lockorder_consumer(lockorder *lo);
/* The identity of a lock across executions. */
uint64_t lockorder_key(const wf_obj *o);
/* The identity of a set of locks (keys[0..n), reordered). */
uint64_t lockorder_set_hash(uint64_t *keys, int n);
/* A deadlock was seen whose cycle goes through exactly the locks of set
 * hash h: a potential-deadlock on them is confirmed, not reported again. */
void lockorder_confirm(lockorder *lo, uint64_t h);
/* The locks of reported cycle i (keys[0..*n), at most 8), *n = 0 when a
 * deadlock confirmed it already; false past the last cycle. */
bool lockorder_cycle(const lockorder *lo, size_t i, uint64_t *keys, int *n);
/* Drop from x the potential-deadlock findings confirmed since they were
 * reported (the deadlock finding stands for them). */
void lockorder_finish(lockorder *lo, explorer *x);

#endif

/* deadlock.h: deadlocks, explained by the wait-for graph and the four
 * Coffman conditions (SPEC section 3).
 * The wait-for graph goes from each blocked task, through the objects it
 * waits on, to the tasks that can release them: a mutex's holder, an
 * RWMutex's writer (holding or pending) or read holders, the task running
 * a Once's function (definite edges); for a channel, a cond or a wait
 * group, the tasks that could still complete the operation: live tasks
 * not blocked on the same object and, when the front end answers
 * reachability, able to reach it (possible edges).
 *  - Global deadlock (e->end == END_DEADLOCK: every task blocked, no timer
 *    pending, main not returned): the engine records the finding; this
 *    checker adds the report: one line per blocked task ("g1 phil holds
 *    forks[0], waits for forks[1] held by g2 phil"; for channels, which
 *    tasks could complete the operation), then mutual exclusion, hold and
 *    wait, no preemption and circular wait with their evidence, and the
 *    same as JSON members tasks, objects and coffman.
 *  - Partial deadlock: with the front end's hook e->fe.can_reach, after each
 *    step the checker computes which blocked tasks some live task (or a
 *    pending timer: the hook is asked with t == NULL) could still wake,
 *    transitively (as Go's goroutine-leak profile does over the heap);
 *    the blocked tasks left are deadlocked now, while others run, and are
 *    reported once, partial. C tasks cannot be walked (hook NULL), so for
 *    them only global deadlocks are decided here and the engine reports
 *    the tasks blocked after main as `leak` (SPEC section 7).
 * Owns: scratch vectors (heap, kept across executions) and, per
 * execution, which tasks a partial report named. Borrows the lock-order
 * checker, to confirm its cycles when a deadlock on them happens. */
#ifndef WF_DEADLOCK_H
#define WF_DEADLOCK_H

#include "lockorder.h"
#include "sim/engine.h"

typedef struct deadlock_checker deadlock_checker;

/* lo may be NULL (no confirmations). */
deadlock_checker *deadlock_new(lockorder *lo);
void deadlock_free(deadlock_checker *d);
wf_consumer deadlock_consumer(deadlock_checker *d);

#endif

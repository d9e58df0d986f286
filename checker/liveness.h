/* liveness.h: SPEC section 5's `livelock` and `starvation` findings, an
 * event consumer over the engine's per-task counters (task_metrics).
 *
 * Progress: a progress event is progress() in a scenario, wf_progress() in
 * C. A program without markers counts a task's completion and each value a
 * task receives from a channel instead. A scenario file has markers when
 * its text calls progress() (e->fe.progress_marked); a C program from its
 * first wf_progress() of the execution on.
 *
 * livelock (error). A *quiet stretch* is a run of steps with no progress
 * event and no timer firing (virtual time moves only when every task is
 * blocked: a program waiting for time is not spinning, SPEC 2). Once a
 * quiet stretch reaches the window W:
 *  - proven: for scenario files (e->fe.state_hash), the global state is
 *    hashed (every step at first, then sampled); a state that recurs, with every runnable task having
 *    run since its first occurrence (weak fairness: a scheduler that
 *    starves a task does not make a livelock), is a non-progress cycle.
 *    The finding names the cycle and its length, and ends the execution
 *    (as a panic does): the schedule can repeat the cycle forever.
 *  - suspected (C programs, whose state cannot be hashed; for scenario
 *    files a livelock is proven or not reported: states that never repeat
 *    are a long computation): an execution cut by --max-steps still in a
 *    quiet stretch of at least W steps, with no task left runnable and unscheduled for the
 *    last W steps (again fairness), is reported at the step the window
 *    closed. A stretch that ends in progress, a timer, a deadlock or the
 *    end of the program is no livelock, however long.
 *  After main has returned (SPEC 2: the output has ended) the spinning
 *  tasks are reported as `leak` instead: goroutines that never end, as
 *  goleak sees them (a warning in a program, an error in a test).
 *
 * starvation (warning), judged under strong fairness: what the program
 * does to a task, not what a scheduler (a preemption bound, round robin)
 * does by never running it.
 *  - bypass: a task waits for a mutex (the writer slot of an RWMutex)
 *    while it is granted to others more than B times in a row, at grants
 *    it could not have taken (blocked). A waiter runnable at a grant (a
 *    freed mutex enables its waiters under --mutex free) was passed over
 *    by the scheduler, which Go bounds (starvation mode): not counted.
 *    Channels serve waiters in arrival order (ties are choices): never.
 *  - share: with markers, at the end of every window of W steps (steps W,
 *    2W, ...), a task running the function of a task that has progressed,
 *    active in the window, with less than a tenth of the fair share of the
 *    window's progress while the others made at least 10 progress events;
 *    not when it wanted to run in the window and never got a turn.
 *  Each is reported once per task and wait (share: once per task) in an
 *  execution, with every task's counters and Jain's fairness index.
 *
 * Owns: its per-execution tables (heap, reused across executions).
 * Cost: O(1) per event but for lock grants (O(waiters)); per
 * step O(1) until a quiet stretch reaches W, then a state hash (O(the
 * reachable heap)) at sampled steps, LIVENESS_HUNT states per stretch at
 * most;
 * O(tasks) at each window boundary when the program has markers. */
#ifndef WF_LIVENESS_H
#define WF_LIVENESS_H

#include "sim/engine.h"

/* Hashed states per quiet stretch at most (a livelock's cycle is short;
 * a long computation without progress must not pay for ever): every step
 * for LIVENESS_HUNT_PHASE states, then every 2nd, 4th, ... step up to
 * every LIVENESS_HUNT_STRIDE-th, each stride for as many states (a cycle
 * of L steps still shows at stride s, after L / gcd(L, s) samples).
 * With more than LIVENESS_HUNT_TASKS x s tasks, the stride is at least
 * 2s: a hash reads every task, and hashing stays O(LIVENESS_HUNT_TASKS)
 * a step. A sampled step with more tasks than the last one is not hashed:
 * a state never recurs across a spawn (each task spawned stays in it),
 * and the next sampled step begins the stretch without spawns as well. */
#define LIVENESS_HUNT        16384
#define LIVENESS_HUNT_PHASE  1024
#define LIVENESS_HUNT_STRIDE 256
#define LIVENESS_HUNT_TASKS  64

typedef struct liveness_checker liveness_checker;

/* window: W (steps; 0 turns the livelock and share checks off);
 * bypass: B (0 turns the bypass check off). Never fails. */
liveness_checker *liveness_new(uint64_t window, uint64_t bypass);
wf_consumer liveness_consumer(liveness_checker *l);
/* The tasks the state hashes of the last execution read (their cost). */
uint64_t liveness_hash_work(const liveness_checker *l);
void liveness_free(liveness_checker *l);

#endif

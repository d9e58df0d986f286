/* dpor.h: dynamic partial-order reduction for the explorer.
 *
 * Stateless search over a stack of nodes, one per step (which task ran)
 * and one per inner choice (which select case, partner, cond waiter or
 * timer: explored exhaustively). Between executions the stack keeps the
 * prefix to replay and, per task node, its backtrack, done and sleep sets.
 *
 * Races (Flanagan and Godefroid, POPL 2005, with vector clocks as loom
 * does): events touch objects (engine_access); two accesses conflict
 * unless both read or both commit. An event's clock joins the clocks of
 * the conflicting accesses before it, so happens-before is the dependency
 * order. When a task's next op conflicts with an earlier event e of
 * another task not ordered before it, the race is reversed at the node
 * before e. A lock acquisition races with the previous acquisition, not
 * with the release between (they are never co-enabled).
 * Wakeup trees (Optimal-DPOR, Abdulla et al. POPL 2014 / JACM 2017): in
 * unbounded rounds the reversal inserts v = (the events after e not
 * ordered after it, then the op) into that node's wakeup tree, unless a
 * task asleep or explored there is an initial of v; a node explores its
 * tree's leftmost sequence first and hands the subtree below to the next
 * task node, so the exploration reaches the reversed race instead of
 * wandering into a sleep-set-blocked end. Steps are matched by task and
 * commute by the clocks of this execution; commuting by accesses alone
 * (a weak initial not in v) is trusted only for plain variable and atomic
 * accesses. If no initial of v is enabled at the node (blocking), every
 * enabled task is added instead (source-DPOR's rule, counted); a tree
 * step whose task is disabled or asleep when reached is dropped with its
 * subtree (counted) and the search goes on as source-DPOR would.
 * Bounded rounds keep plain backtrack sets (below).
 * Sleep sets (Godefroid 1996) prune: a task explored from a node sleeps in
 * its siblings' subtrees until a conflicting event; a node whose enabled
 * tasks all sleep is a sleep-set-blocked execution, abandoned. With sleep
 * sets no two complete executions are equivalent, so the complete
 * executions are one per Mazurkiewicz trace.
 *
 * Owns: the node stack and per-execution clocks (heap, reused).
 * Invariants: 1. nodes[0..depth) replay the previous execution's prefix.
 *   2. a task node's chosen task is in its backtrack set, and done is a
 *   subset of backtrack. 3. a node's wakeup tree holds only sequences not
 *   yet started there (the branch being explored left it, as carry). */
#ifndef WF_DPOR_H
#define WF_DPOR_H

#include "engine.h"

typedef struct dpor dpor;

dpor *dpor_new(void);
void dpor_free(dpor *d);
/* Prepare for the next execution (call before engine_run). */
void dpor_begin(dpor *d, wf_engine *e);
/* The strategy callbacks. choose returns -1 for a sleep-set-blocked
 * execution (and sets dpor_blocked). */
int dpor_choose(dpor *d, wf_engine *e, choice_kind kind, int n,
                const int32_t *alts);
void dpor_after_step(dpor *d, wf_engine *e, int32_t tid);
/* After engine_run: the last race checks of the ops left pending. */
void dpor_end(dpor *d, wf_engine *e);
/* After an execution: move to the next branch; false when the search is
 * complete. */
bool dpor_next(dpor *d);
/* The last execution was abandoned as sleep-set blocked. */
bool dpor_blocked(const dpor *d);
/* Set when replaying a prefix found a different program (nondeterminism):
 * a message, or NULL. */
const char *dpor_error(const dpor *d);
/* Bound the preemptions of every execution (-1: none), starting a fresh
 * search. dpor_pruned: did the bound cut a branch since? (If not, the
 * search under the bound was the whole search.) */
void dpor_set_bound(dpor *d, int bound);
bool dpor_pruned(const dpor *d);
/* Explore only the executions that begin with choices c[0, n) (those
 * with two or more alternatives, as a schedule lists them; copied): the
 * first execution of each round takes them, and the search never
 * backtracks into the steps they cover, so a round is the search from the
 * state they reach (weft play's hints); a preemption bound counts the
 * preemptions after the prefix. A prefix the program does not offer sets
 * dpor_error. n == 0: the whole search again. */
void dpor_set_prefix(dpor *d, const choice *c, size_t n);
/* An estimate of the executions of the current round (for progress). */
double dpor_estimate(const dpor *d);
/* Counters for reports: sleep-set-blocked executions; wakeup-tree
 * branches dropped because their task was disabled or asleep where the
 * tree said to run it (the search goes on as source-DPOR would); races
 * whose reversal no task enabled at the racing node could start (all of
 * them were added, source-DPOR's rule for blocking). */
uint64_t dpor_ssb_count(const dpor *d);
uint64_t dpor_wut_miss_count(const dpor *d);
uint64_t dpor_wut_fallback_count(const dpor *d);

#endif

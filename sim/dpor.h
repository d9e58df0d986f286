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
 * Source sets (Source-DPOR, Abdulla et al., POPL 2014): the reversal of
 * a race adds one initial of v (the events after e not ordered after it,
 * then the op) to the backtrack set of the node before e, unless one is
 * there already; if no initial is enabled there (blocking), every enabled
 * task. Optimal-DPOR's wakeup trees were dropped: their coverage
 * arguments assume one depth-first order, which rounds that add do not
 * keep, and they lost traces even so (one of the 308 of lastzero(4) with
 * each fill printing what it read). With sleep sets the complete
 * executions are one per Mazurkiewicz trace all the same; the price is
 * sleep-set-blocked partial executions (dpor_ssb_count).
 * Sleep sets (Godefroid 1996) prune: a task explored from a node sleeps in
 * its siblings' subtrees until a conflicting event; a node whose enabled
 * tasks all sleep is a sleep-set-blocked execution, abandoned. With sleep
 * sets no two complete executions are equivalent, so the complete
 * executions are one per Mazurkiewicz trace.
 *
 * Owns: the node stack, the subtrees put aside between rounds, and the
 * per-execution clocks (heap, reused).
 * Invariants: 1. nodes[0..depth) replay the previous execution's prefix.
 *   2. a task node's chosen task is in its backtrack set, and done is a
 *   subset of backtrack. 3. a node kept between rounds (a kid) has a
 *   branch left at or below it; the kids of a node hang under branches in
 *   its done set. */
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
/* An estimate of the bytes the current execution's state takes (a node
 * per step with its vector clock, a clock per task), for the memory
 * budget: deterministic, O(1). */
uint64_t dpor_bytes(const dpor *d);
/* The entries allocated in the clocks of d (its nodes', tasks' and
 * objects'): with ended tasks retired (dclock.h), linear in the steps of
 * a program that joins its goroutines one after another, not steps x
 * tasks. For tests. */
uint64_t dpor_clock_entries(const dpor *d);
/* The nodes bounded POR's walks back over the path have looked at so far
 * (each reversal over the bound walks back to the path's start): work a
 * step count does not show, for the explorer's cost. */
uint64_t dpor_work(const dpor *d);
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
/* Rounds that add, never repeat (iterative preemption bounding over one
 * search): within a round, branches whose executions would take more
 * than `limit` preemptions (-1: no limit) are put aside with the part of
 * the search above them, instead of being dropped; dpor_round begins the
 * next round, resuming what was put aside (the first round starts the
 * search), and returns false when nothing was. Every branch is explored
 * once over all rounds, so the complete executions of all rounds are
 * those of one unbounded search: one per Mazurkiewicz trace.
 * dpor_left: is anything put aside? dpor_suspend: end the round early,
 * putting everything left aside (the next round resumes it).
 * dpor_deferred: the last execution stopped at the round's limit (it is
 * not an execution; its branch waits for a later round). */
void dpor_set_limit(dpor *d, int limit);
bool dpor_round(dpor *d);
bool dpor_left(const dpor *d);
void dpor_suspend(dpor *d);
bool dpor_deferred(const dpor *d);
uint64_t dpor_deferred_count(const dpor *d);
/* Explore only the executions that begin with choices c[0, n) (those
 * with two or more alternatives, as a schedule lists them; copied): the
 * first execution of each round takes them, and the search never
 * backtracks into the steps they cover, so a round is the search from the
 * state they reach (weft play's hints); a preemption bound counts the
 * preemptions after the prefix. A prefix the program does not offer sets
 * dpor_error. n == 0: the whole search again. */
void dpor_set_prefix(dpor *d, const choice *c, size_t n);
/* With a forced prefix, in unbounded rounds: at each of the prefix's task
 * nodes, the alternatives before the one it picks count as explored (the
 * searches from those prefixes explore them: partition.h) and sleep in
 * this search while nothing conflicts with what their steps touched
 * there (dpor_prefix_sibling says it: copied, kept until dpor_free), so
 * the parts of a cut search do not explore the same trace twice. A
 * sibling not described stays awake. */
void dpor_prefix_siblings_done(dpor *d, bool on);
void dpor_prefix_sibling(dpor *d, size_t i, int32_t tid, const acc_rec *a,
                         size_t n);
bool dpor_prefix_siblings(const dpor *d);
/* Giving part of a running search to another engine (-j N), as a fork
 * and join. Between executions of an unbounded search (after dpor_next
 * returned true), dpor_donate finds the shallowest node of the path below
 * the floor with branches of its own left (backtrack entries not
 * explored, asleep or given; inner choices not explored; never the path's
 * last node, whose branch has not run) and gives them away: a gift, the
 * search of another dpor (dpor_take_gift) from that node, whose own done
 * and sleep sets are this node's, the path's task done there with what
 * its step touched. This search never explores them. What the gift's
 * search finds for the nodes above its own (a race to reverse there, a
 * turn to give) it does not decide: it sends them back
 * (dpor_take_result), with the gift node's done set once explored, and
 * before this search backtracks into the node (dpor_next calls join, set
 * by dpor_set_join, which must give every result of the node's gifts to
 * dpor_merge, in the order given), it decides them there as race() would
 * have: the searches together are the search, each branch explored once,
 * with the sleep sets of one order (the gift's branches after the path's,
 * before those added later). A step that made an inner choice of its own
 * is done but never asleep below the gift (what it touched depends on the
 * choice). dpor_donate returns the gifts (*out, heap; the caller frees
 * the array), 0 when nothing can be given or no join is set. */
typedef struct dpor_gift dpor_gift;
typedef struct dpor_result dpor_result;
size_t dpor_donate(dpor *d, dpor_gift ***out);
/* The executions dpor_donate's gift would take now (0: no gift): Knuth's
 * estimator over what the search explored, as dpor_donate_all's (below a
 * long path of large sets: its branches times the mean executions of the
 * node's branches so far). Counts only: the same in every run. */
double dpor_donate_estimate(const dpor *d);
void dpor_set_join(dpor *d, void (*join)(void *ctx, dpor *d, size_t i),
                   void *ctx);
/* Make d (new, before its first round) the search of gift g (taken):
 * the choices that reach its node are forced (they replace the prefix
 * dpor_set_prefix is given, which they extend), and the node explores
 * the gift's branches. */
void dpor_take_gift(dpor *d, dpor_gift *g);
void dpor_gift_free(dpor_gift *g);
/* The depth of a gift's node. */
size_t dpor_gift_at(const dpor_gift *g);
/* Give everything a search has left away (partition.h's frontier): at
 * the end of an unbounded search stopped between executions (after
 * dpor_next returned true), every node of the path with branches left,
 * the path's end included (its branch untaken), becomes an own gift,
 * given whole: every task enabled there and not explored, given or
 * asleep is the gift's (not only the backtrack entries: the races that
 * would add the others are found by later searches). Its search
 * (dpor_take_gift) starts on the path as this search left it and decides
 * the nodes above its own as this search would have: a race it finds at
 * a node given whole adds nothing there (that node's gift explores every
 * task), one at a node with no gift it explores itself (not sent back:
 * there is no join); what two gifts both add there, both explore (more
 * executions, none lost). Ordered from the shallowest node; each with an estimate of
 * its executions: Knuth's estimator over what the search explored, from
 * the deepest node up (a node's subtree: the executions of the branches
 * it finished, its current branch's subtree, estimated so, and each
 * branch left the mean of those). d is spent: free it. */
size_t dpor_donate_all(dpor *d, dpor_gift ***out);
dpor_gift *dpor_gift_copy(const dpor_gift *g);
double dpor_gift_estimate(const dpor_gift *g);
/* The choices (two or more alternatives) that reach a gift's node. */
const choice *dpor_gift_prefix(const dpor_gift *g, size_t *n);
/* Knuth's estimator of the reduced tree below a forced prefix, along the
 * execution just run (call before dpor_next): the product over its nodes
 * after the prefix of the branches the reduction has there (a task node's
 * backtrack entries, its own run included; an inner choice's
 * alternatives). A plan's balance (partition.c); >= 1. */
double dpor_path_estimate(const dpor *d);
/* After a gift's search: what it sends back (NULL for a search that is
 * no gift); dpor_merge(giver, dpor_gift_at(g), r) takes it. */
dpor_result *dpor_take_result(dpor *d);
void dpor_merge(dpor *d, size_t i, dpor_result *r);
/* Chained gifts: with dpor_set_chain's callbacks set (and a join), a
 * search that backtracks into a task node whose gifts are not joined
 * yet does not wait for them: the node's branch is done, its branches
 * left (those races below it added after the gifts; they need the
 * gifts' done set) become a gift g (NULL: none left), and chain(ctx, d,
 * i, g) is told; g must start only once the node's gifts are done, with
 * their done sets (dpor_gift_after), and the search goes on above. The
 * gifts so left (the node's and g) are joined later, before the search
 * leaves a node k above them with no branch of its own (what they add
 * there goes at the end of its sets, so a node with a branch left takes
 * the one it would have taken with them joined): rejoin(ctx, d, k) must
 * give every result of the gifts left below node k to dpor_merge_left,
 * in the order given. The decisions depend on the search's own path
 * only: the same for every timing. */
void dpor_set_chain(dpor *d,
                    void (*chain)(void *ctx, dpor *d, size_t i, dpor_gift *g),
                    void (*rejoin)(void *ctx, dpor *d, size_t k));
void dpor_merge_left(dpor *d, dpor_result *r);
/* Chained gift g's node's earlier gift is done with result r (NULL: it
 * sent none): its done set joins g's, and g's tasks it explored leave g.
 * False when g has no task left (do not run it). */
bool dpor_gift_after(dpor_gift *g, const dpor_result *r);
void dpor_result_free(dpor_result *r);
/* An estimate of the executions of the current round (for progress). */
double dpor_estimate(const dpor *d);
/* Sleep-set-blocked executions, for reports. */
uint64_t dpor_ssb_count(const dpor *d);
/* The tasks the steps of every execution so far checked their accesses
 * against (those that exposed a new op, and those whose pending op may
 * touch what the step touched): what the steps cost beyond their own
 * accesses, whatever the tasks parked elsewhere. */
uint64_t dpor_checks(const dpor *d);

#endif

/* dpor_int.h: what dpor's files share: dpor.c (the search: the path of
 * nodes, prefixes, the choice at each node, bounded rounds), dpor_race.c
 * (races, backtracking, sleep sets), dpor_clock.c, dpor_tree.c and
 * dpor_gift.c (giving part of a running search away, -j: dpor.h's gifts
 * and results).
 * Owns: nothing beyond dpor.h's search. */
#ifndef WF_DPOR_INT_H
#define WF_DPOR_INT_H

#include "dpor.h"
#include "dclock.h"

/* VEC with 32-bit counts, for what every node keeps (a node is 8 bytes
 * smaller per vector; no node holds 4G of anything) */
#define VEC32(T)                                                              \
    struct {                                                                  \
        T *p;                                                                 \
        uint32_t len, cap;                                                    \
    }

typedef VEC32(int32_t) tidvec;

/* VEC_PUSH for the vectors every node keeps that hold a few elements (its
 * step's accesses): blocks of 1, 2, 4... elements, not VEC_PUSH's 8 and
 * up (an access record is 24 bytes: 857,470 nodes' two lists took 328
 * MB in blocks of 8). */
#define VEC_PUSH_SMALL(v, x)                                                  \
    do {                                                                      \
        if ((v).len == (v).cap) {                                             \
            size_t c_ = (v).cap ? (v).cap * 2 : 1;                            \
            (v).p = wf_xrealloc((v).p, c_ * sizeof(*(v).p));                  \
            (v).cap = c_;                                                     \
        }                                                                     \
        (v).p[(v).len++] = (x);                                               \
    } while (0)
typedef VEC(uint32_t) VEC_u32;

/* An earlier access: the node (step) it happened at, its task and that
 * task's event count then. */
typedef struct rec {
    int32_t node, tid;
    uint32_t lidx;
} rec;

/* An add to a counter (ACC_ADD) of the current execution. */
typedef struct arec {
    rec r;
    int64_t delta, before;
    uint8_t flags;
} arec;

/* A buffered channel's enqueue or dequeue (ACC_ENQ, ACC_DEQ) of the
 * current execution: the buffer's length before it and its capacity. */
typedef struct qrec {
    rec r;
    int64_t before, cap;
    uint8_t type;
} qrec;

/* Enqueues and dequeues an object keeps before further ones count as
 * writes (each is checked against every one kept, each check
 * O(kept)): a long stream of items stays linear (at 128, a producer 64
 * items ahead of 4 consumers made a step 10x as long as a write's). */
#define QUEUE_MAX 32

/* Adds an object keeps before further ones count as writes, under a
 * preemption bound (where every pair of adds conflicts) and on a floored
 * counter (a WaitGroup: each add is checked against every add kept, each
 * check O(adds)); an execution adding in a loop stays bounded. A
 * WaitGroup joining 256 goroutines stays exact (before, at 64 adds: 33
 * goroutines joined by one WaitGroup ran their Dones in every order, 3.6 s
 * for one trace, 40 did not finish). Adds that commute with every add
 * (an atomic add whose result nobody reads, no bound) are kept however
 * many: they are never checked against each other, and counting them as
 * writes would order them all (Go by Example's 50 goroutines adding 100
 * times each: billions of orders for one trace). */
#define ADDS_MAX 64
#define FLOOR_ADDS_MAX 512

/* A task whose pending op may touch an object, as noted at its version
 * ver of its op (stale once the task's version moves on). */
typedef struct pent {
    int32_t tid;
    uint32_t ver;
} pent;

/* A change of one entry of a task's clock: from the task's idx-th event
 * on, the entry reads val (dpor_hist.c). */
typedef struct hent {
    uint32_t idx, val;
} hent;

/* The changes of a task's entry for task u, by event. */
typedef struct hcol {
    int32_t u;
    uint32_t n, cap;
    hent *h;
} hcol;
_Static_assert(offsetof(hcol, u) == 0, "key_lower_bound's key");
typedef VEC(hcol) hcolvec;

/* An object's joined clock (dpor_hist.c): while it is one event's clock,
 * only the node of that event (ref - 1; the clock lives in the history),
 * else the clock itself (ref 0). An object touched once, or by events
 * each ordered after the one before (a reply channel's send and
 * receive), keeps no clock of its own: Go by Example's stateful
 * goroutines made 122,333 such, 250 MB of clocks. */
typedef struct oclock {
    dclock c;
    int32_t ref;
} oclock;

/* What an object remembers of the current execution. */
typedef struct dobj {
    oclock lw, lr, lc, lk, lo, lu, lq; /* joined clocks of writes, reads,
                                          commits, adds, observes,
                                          runlocks, enqueues/dequeues */
    rec w, acq;                /* last write (of any kind), last acquire */
    bool has_w, has_acq, w_is_release;
    /* since the last write: reads, commits, observes, parks, adds */
    VEC(rec) rs, cs, os, ps, us; /* ... runlocks */
    VEC(arec) adds;
    VEC(qrec) qs; /* enqueues and dequeues */
    uint32_t nfloor; /* adds with ACCF_FLOOR among adds */
    /* the live tasks whose pending op may touch this object (its
     * signature's objects and those it names): a step checks only these
     * against its accesses, not every live task (grpc#3017: a thousand
     * goroutines parked on their own timers) */
    VEC(pent) pend;
} dobj;

/* A set of transitions: tasks, each with the accesses its step made when
 * it was explored (over every inner choice), which is what decides whether
 * a later event wakes it from a sleep set. A step's accesses include what
 * its resumption exposed (a channel commit), which no look at the pending
 * op alone can know. */
typedef struct tset {
    tidvec tid;
    VEC32(uint32_t) off; /* entry i: acc[off[i] .. off[i+1]) */
    VEC32(acc_rec) acc;
} tset;

typedef struct snode snode;

/* A prefix sibling's step (dpor_prefix_sibling). */
typedef struct psib {
    size_t i;
    int32_t tid;
    uint32_t off, n;
} psib;

/* A step of the path (fields ordered to leave no holes: a path of a
 * million steps keeps a million of them). */
typedef struct node {
    uint32_t n, idx; /* inner choice */
    uint32_t nexti;  /* the next inner choice never explored */
    int32_t tid;     /* task node: the task run */
    /* enabled (the engine's alts, ascending), packed (dpor_en.c): a
     * bitset of en_words words, else en_len tids; in en_u itself when
     * they fit */
    uint32_t en_len, en_words;
    /* the event of this node's step (this execution) */
    uint32_t lidx;
    uint32_t vgen; /* its clock's generation (the clock: dpor_hist.c) */
    /* the latest node of another task's event ordered before this one
     * (-1: none), set with the event (dpor_hist_note) */
    int32_t pmax;
    /* preemption bounding */
    int32_t last;  /* the task of the previous step */
    uint32_t pc;   /* preemptions before this node */
    uint32_t waiting; /* gifts whose results are not merged yet */
    uint32_t nfin;    /* (spent, below) */
    bool sub;
    bool has_ev;
    bool pmax_ok;
    bool last_en;  /* ... and it was enabled here: switching preempts */
    bool polite;   /* ... its step was a yield the program asked for, and
                      others are enabled: running it on preempts them */
    union {
        uint64_t w[2];
        int32_t l[4];
        uint64_t *bits;
        int32_t *list;
    } en_u;
    tidvec bt;       /* to explore */
    uint64_t en_sum; /* bytes of the enabled sets of the path's nodes up
                        to this one (the memory budget counts them: with
                        thousands of goroutines enabled, O(tasks) a step) */
    /* the executions (dpor_next calls) this node's branches took: those
     * finished (nfin), how many, and when the current one began (a
     * frontier gift's estimate: dpor_donate_all) */
    uint64_t spent, t0;
    tset done, sleep;
    VEC32(acc_rec) acc;
    VEC32(acc_rec) acc_union; /* over the inner choices of the current tid */
    /* Rounds that add (dpor_set_limit): the subtrees below this node's
     * explored branches that still hold branches over an earlier round's
     * limit, kept to be resumed, never re-explored */
    VEC32(snode *) kids;
    /* given away (dpor_donate): the tasks (and waiting, above) */
    tidvec given;
} node;

/* A node kept between rounds with work left below it: the branch of its
 * parent that leads to it (a tid, or an inner choice's index) and the
 * round it was put aside in. */
struct snode {
    node n;
    int32_t branch;
    int round;
};

/* A race or turn for a node above a gift's (the giver decides): a race's
 * initials req_tids[off, off + n) in order; a turn's task req_tids[off]. */
typedef struct dreq {
    uint32_t j, off, n;
    bool turn;
} dreq;

struct dpor {
    VEC(node) nodes; /* [0, ninit) have initialised vectors */
    size_t ninit;
    size_t nkept; /* snodes alive (the kept subtrees), for dpor_bytes */
    bool trim;    /* an execution was cut by the memory budget: the next
                     dpor_begin frees what its path left initialised */
    size_t depth;  /* nodes used by the current execution */
    int32_t tnode; /* the current step's task node, -1 */
    uint64_t work; /* nodes bounded POR's backward walks looked at */
    /* per execution */
    dclock_reg creg;  /* the clocks' retired tasks (dclock.h) */
    VEC(dclock) tclock;
    VEC(uint32_t) tcount;
    size_t ntasks; /* tasks whose clocks are set */
    /* Retiring ended tasks (dpor_clock.c): the ended tasks not retired
     * yet, by tid whether one is (dmark), per generation the latest node
     * of an event of a task retired before it (gmax: pred_max's part of
     * the entries a clock no longer stores), the size of dead that makes
     * the next sweep, and sweep's scratch counts */
    tidvec dead;
    VEC(char) dmark;
    VEC(int32_t) gmax;
    size_t sweep_at;
    size_t nretired;
    VEC(uint32_t) dcnt;
    /* the tasks with events, most recent last event last (a list by tid,
     * -1 ends): race() walks back only over the tasks with events after
     * its node, not every task */
    VEC(int32_t) rprev, rnext;
    int32_t rhead, rtail;
    VEC(dobj) objs;
    size_t nobjs_init;
    tset next_sleep; /* the sleep set of the next new task node */
    bool barrier;    /* a timer fired since the last task node */
    acc_vec sig;      /* scratch: a pending op's signature */
    dclock ev;        /* scratch: the event's clock */
    VEC(uint32_t) ltab; /* scratch of race(), by tid, 0 outside it */
    VEC(int32_t) first; /* scratch of race() */
    VEC(int32_t) active; /* scratch of race(): tasks with events in v */
    VEC(char) rmark;  /* scratch of race(): per tid, RM_EN | RM_BT at j */
    VEC(VEC_u32) evnodes; /* per task: the task nodes of its events */
    /* per task, by the tasks its clock stored, ascending: how its clock
     * changed over its events (dpor_hist.c); the entries allocated */
    VEC(hcolvec) hist;
    uint64_t hist_ents;
    VEC(dclock) hlast; /* per task: the clock of its latest event */
    VEC(int32_t) hpmax; /* per task: the latest node of another task's
                           event before its latest (node.pmax, gmax
                           aside) */
    dclock nscratch; /* scratch: a node's clock, built to be joined */
    VEC(uint32_t) fresh; /* per tid: cgen when it exposed a new op */
    VEC(uint32_t) opver; /* per tid: the version of its pending op in the
                            objects' pend lists */
    VEC(uint32_t) cmark; /* per tid: cgen when it joined cand */
    uint32_t cgen;
    VEC(int32_t) cand; /* scratch: the tasks a step checks */
    tidvec en_tmp;     /* scratch of en_vec */
    uint64_t checks;   /* dpor_checks */
    bool blocked;
    char *err;
    uint64_t ssb;
    uint64_t fair_switches; /* free switches away from a long run */
    const wf_engine *eng; /* the current execution's (borrowed) */
    int bound;       /* preemption bound, -1 none */
    bool pruned;     /* the bound cut a branch this round */
    /* Rounds that add (iterative preemption bounding over one search):
     * branches over the limit are put aside, not dropped, and the next
     * round with a higher limit resumes them; -1: no limit */
    int limit;
    int round;         /* rounds begun */
    snode *root;       /* the search put aside between rounds, or NULL */
    bool deferred;     /* the last execution stopped at the limit */
    bool suspending;   /* dpor_next puts every branch aside */
    uint64_t ndeferred; /* executions stopped at a round's limit */
    /* a forced prefix (dpor_set_prefix): the first execution of a round
     * takes these choices; the search never backtracks into the nodes
     * they made (floor: SIZE_MAX until the last one is taken) */
    VEC(choice) forced;
    size_t fpos, floor;
    bool prefix_done; /* dpor_prefix_siblings_done */
    /* dpor_prefix_sibling: by forced choice index and tid, the accesses
     * acc[off, off + n) */
    VEC(psib) psibs;
    VEC(acc_rec) psib_acc;
    dpor_gift *gift; /* dpor_take_gift: the node this search starts at */
    uint64_t nexec; /* dpor_next calls */
    bool off_path;   /* an own gift's search left the giver's path above
                        the gift's node: new nodes there are its own */
    /* a gift's search: what it sends its giver (dpor_take_result): the
     * races and turns for nodes above the gift's, and the gift node's
     * done set (with, under an inner choice, what the task step above
     * touched) once explored */
    VEC(int32_t) req_r;  /* scratch: a race's initials */
    VEC(dreq) reqs;
    VEC(int32_t) req_tids;
    tset at_done;
    VEC(acc_rec) at_acc;
    bool at_seen;
    void (*join)(void *ctx, dpor *d, size_t i);
    void *join_ctx;
    /* dpor_set_chain: a node left with its gifts not joined (chain), and
     * the joining of such gifts later (rejoin); det: the depths of the
     * nodes so left whose gifts are not joined yet */
    void (*chain)(void *ctx, dpor *d, size_t i, dpor_gift *g);
    void (*rejoin)(void *ctx, dpor *d, size_t k);
    VEC(size_t) det;
    uint32_t pc_cur; /* preemptions so far in this execution */
    int32_t run_tid;  /* the task of the latest task node, -1 */
    uint32_t run_len; /* ... and how many task nodes in a row it ran */
};

/* A part of a running search given away (dpor_donate): the forced
 * choices that reach its node, the node's depth, and what to explore
 * there: inner choices [from, n), or the tasks tids with the node's sleep
 * and done sets as the giver had them. */
/* A node of the giver's path as it was when all its work was given away
 * (dpor_donate_all): what an own gift's search installs above its node. */
typedef struct gsnap {
    bool sub;
    bool whole; /* given whole: an own gift holds all its tasks left */
    uint32_t n, idx, nexti;
    int32_t tid;
    tidvec bt, given;
    tset done, sleep;
} gsnap;

/* The giver's path, shared by the gifts of one dpor_donate_all and their
 * copies (refs: atomic, the engines of -j free them). */
typedef struct gsnaps {
    int refs;
    VEC(gsnap) v;
} gsnaps;

struct dpor_gift {
    VEC(choice) pre;
    /* own (dpor_donate_all): the nodes above [0, at) as the giver left
     * them (snap), decided here: this search explores what it adds there */
    bool own;
    gsnaps *snap;
    double est;
    size_t at;
    bool sub;
    uint32_t from, n;
    tidvec tids;
    tidvec bt; /* the node's backtrack set (every entry covered) */
    size_t tk; /* inner choices: the task node above (its sets given) */
    tset sleep, done;
};

/* What a gift's search sends back (dpor_take_result). */
struct dpor_result {
    size_t at;
    bool sub;
    VEC(dreq) reqs;
    VEC(int32_t) req_tids;
    tset at_done;
    VEC(acc_rec) at_acc;
};

/* ---- small helpers ----------------------------------------------------- */

static inline bool in_list(const int32_t *p, size_t n, int32_t t)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] == t)
            return true;
    return false;
}

static inline bool has_tid(const tidvec *v, int32_t t)
{
    return in_list(v->p, v->len, t);
}

static inline void add_tid(tidvec *v, int32_t t)
{
    if (!has_tid(v, t))
        VEC_PUSH(*v, t);
}

/* Add every tid of w not in v to v, in w's order: linear, where add_tid
 * one by one is quadratic (20,000 goroutines enabled at a node: 0.3 s
 * in one step, past a time limit) */
static inline void add_tids(tidvec *v, const tidvec *w)
{
    int32_t top = -1;
    uint64_t *seen;
    if (v->len == 0 && w->len <= 16) {
        for (size_t i = 0; i < w->len; i++)
            add_tid(v, w->p[i]);
        return;
    }
    for (size_t i = 0; i < v->len; i++)
        if (v->p[i] > top) top = v->p[i];
    for (size_t i = 0; i < w->len; i++)
        if (w->p[i] > top) top = w->p[i];
    if (top < 0) return;
    seen = wf_xcalloc((size_t)top / 64 + 1, sizeof *seen);
    for (size_t i = 0; i < v->len; i++)
        if (v->p[i] >= 0)
            seen[v->p[i] / 64] |= (uint64_t)1 << (v->p[i] % 64);
    for (size_t i = 0; i < w->len; i++) {
        int32_t t = w->p[i];
        if (t < 0) {
            add_tid(v, t);
            continue;
        }
        if (seen[t / 64] & ((uint64_t)1 << (t % 64))) continue;
        seen[t / 64] |= (uint64_t)1 << (t % 64);
        VEC_PUSH(*v, t);
    }
    free(seen);
}

static inline void tset_reset(tset *s)
{
    s->tid.len = s->off.len = s->acc.len = 0;
}

static inline void tset_free(tset *s)
{
    VEC_FREE(s->tid);
    VEC_FREE(s->off);
    VEC_FREE(s->acc);
}

static inline bool tset_has(const tset *s, int32_t t)
{
    return has_tid(&s->tid, t);
}

/* The accesses of the i-th task of s (NULL when s holds none at all:
 * no arithmetic on a null pointer, which UBSan rejects). */
static inline const acc_rec *tset_acc(const tset *s, size_t i)
{
    return s->acc.p ? s->acc.p + s->off.p[i] : NULL;
}

static inline void tset_add(tset *s, int32_t t, const acc_rec *a, size_t n)
{
    if (tset_has(s, t))
        return;
    if (!s->off.len)
        VEC_PUSH(s->off, 0);
    VEC_PUSH(s->tid, t);
    for (size_t i = 0; i < n; i++)
        VEC_PUSH(s->acc, a[i]);
    VEC_PUSH(s->off, (uint32_t)s->acc.len);
}

static inline void tset_copy(tset *to, const tset *from)
{
    tset_reset(to);
    for (size_t i = 0; i < from->tid.len; i++)
        tset_add(to, from->tid.p[i], tset_acc(from, i),
                 from->off.p[i + 1] - from->off.p[i]);
}

static inline int index_of(const int32_t *alts, int n, int32_t tid)
{
    for (int i = 0; i < n; i++)
        if (alts[i] == tid)
            return i;
    return -1;
}

/* ---- dpor_en.c: a task node's enabled set ------------------------------ */

#define EN_IN_WORDS 2 /* a bitset this short, or */
#define EN_IN_TIDS 4  /* this few tids, stay in the node */

static inline const uint64_t *en_bits(const node *n)
{
    return n->en_words <= EN_IN_WORDS ? n->en_u.w : n->en_u.bits;
}

static inline const int32_t *en_list(const node *n)
{
    return n->en_len <= EN_IN_TIDS ? n->en_u.l : n->en_u.list;
}

static inline uint32_t en_len(const node *n)
{
    return n->en_len;
}

/* The heap bytes n's enabled set takes (the memory budget counts them). */
static inline size_t en_bytes(const node *n)
{
    if (n->en_words)
        return n->en_words > EN_IN_WORDS ? n->en_words * sizeof(uint64_t)
                                         : 0;
    return n->en_len > EN_IN_TIDS ? n->en_len * sizeof(int32_t) : 0;
}

/* n's enabled set = a[0, k) (ascending); en_free empties it. */
void en_set(node *n, const int32_t *a, size_t k);
void en_free(node *n);
/* Is t enabled at n? O(1) in a bitset, O(log) in tids. */
bool en_has(const node *n, int32_t t);
/* t's index among them (the choice's index), or -1. */
int en_index(const node *n, int32_t t);
/* The tids, ascending, into v (emptied first); en_vec: into d's scratch
 * (valid until the next en_vec). */
void en_unpack(const node *n, tidvec *v);
const tidvec *en_vec(dpor *d, const node *n);

/* ---- dpor.c ------------------------------------------------------------ */

/* The preemptions of the executions through branch x of task node n. */
static inline uint32_t cost(const node *n, int32_t x)
{
    return n->pc + (n->last_en ? x != n->last : n->polite && x == n->last);
}

/* Would running x at task node n stay within the preemption bound? */
static inline bool allowed(const dpor *d, const node *n, int32_t x)
{
    return d->bound < 0 || cost(n, x) <= (uint32_t)d->bound;
}

/* ... and within the current round's limit (else it waits for a later
 * round)? */
static inline bool fits(const dpor *d, const node *n, int32_t x)
{
    return allowed(d, n, x) && !d->suspending &&
           (d->limit < 0 || cost(n, x) <= (uint32_t)d->limit);
}

/* Free node n's fields and the subtrees put aside below it; the nodes
 * freed. */
size_t dpor_free_node(dpor *d, node *n);
/* A cut execution's turns for the tasks it passed over (dpor_tree.c). */
void dpor_give_turns(dpor *d);

/* ---- dpor_race.c ------------------------------------------------------- */

/* Add task q to the backtrack set at the start of the run of steps of
 * node j's task that ends at j, if q is enabled there. */
void dpor_conservative(dpor *d, int32_t j, int32_t q);
/* Add the accesses a[0, na) not yet in n's union over its inner choices. */
void dpor_acc_union_add(node *n, const acc_rec *a, size_t na);
/* Check task t's pending op against everything before it (its races). */
void dpor_check_pending(dpor *d, const wf_task *t);
/* A race of a gift's search at node j of this search (the initials r[0,
 * n)), decided as the search decides its own. */
void dpor_req_race(dpor *d, size_t j, const int32_t *r, size_t n);

/* ---- dpor_clock.c ------------------------------------------------------ */

/* Task tid's clock (the per-tid vectors grown to hold it; dpor.c). */
dclock *dpor_clock_of(dpor *d, int32_t tid);

static inline int tid_cmp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* ---- dpor_hist.c ------------------------------------------------------- */

/* A new execution: the histories emptied (their room kept). */
void dpor_hist_begin(dpor *d);
void dpor_hist_free(dpor *d);
/* Node nk's event: task p's lidx-th, its clock ev; sets nk's pmax. */
void dpor_hist_note(dpor *d, node *nk, int32_t p, uint32_t lidx,
                    const dclock *ev);
/* o = 0 (its room kept); o = the clock of node k's event, the current
 * step's (noted or not); o = max(o, that clock). */
static inline void oc_clear(oclock *o)
{
    dclock_clear(&o->c);
    o->ref = 0;
}
void oc_set(oclock *o, int32_t k);
void oc_add(dpor *d, oclock *o, const dclock *ev, int32_t k);
/* dst = max(dst, o): o's event's clock read from the history unless dst
 * holds that event already (then all of its clock). */
void oc_join_into(dpor *d, dclock *dst, const oclock *o);
/* What node k's event clock reads for task t. */
uint32_t dpor_node_get(const dpor *d, int32_t k, int32_t t);
/* The clock of task t's latest event (that of its last node). */
static inline const dclock *dpor_last_clock(const dpor *d, int32_t t)
{
    return &d->hlast.p[t];
}
/* out = node k's event clock (as it read when the event was noted). */
void dpor_node_clock(dpor *d, int32_t k, dclock *out);


static inline uint32_t node_get(const dpor *d, int32_t k, int32_t t)
{
    return dpor_node_get(d, k, t);
}

/* Free every clock of d (its nodes', tasks', objects', scratch). */
void dpor_clocks_free(dpor *d);
/* A new execution: nothing retired, no events. */
void dpor_clocks_begin(dpor *d);
/* Task p's event at node d->tnode (its evnodes and the recency list). */
void dpor_note_event(dpor *d, int32_t p);
/* d->active = the tasks with an event after node j, ascending: O(those
 * tasks), not O(tasks). */
void dpor_events_after(dpor *d, int32_t j);
/* A timer fired: every event so far happens before what follows (d->ev,
 * then every live task's clock). */
void dpor_barrier(dpor *d, const wf_engine *e);
/* After task p's step: note the tasks that ended, and retire those
 * ended when enough wait. */
void dpor_tasks_ended(dpor *d, const wf_engine *e, int32_t p);

/* ---- dpor_gift.c ------------------------------------------------------- */

/* Send the giver a race (turn false: initials t[0, n)) or a turn (t[0])
 * for its node j. */
void dpor_req_push(dpor *d, uint32_t j, bool turn, const int32_t *t,
                   size_t n);
/* The gift's node i is explored: keep what the giver needs of it. */
void dpor_gift_seen(dpor *d, size_t i);
/* Node nd (new, at the gift's depth) is the gift's inner choice. */
void dpor_gift_sub(dpor *d, node *nd);
/* dpor_next at task node i, its branch finished, its gifts not joined:
 * leave it (chain its branches left as a gift after those), true; false
 * when it must wait for them (dpor.h's dpor_set_chain). */
bool dpor_chain_node(dpor *d, size_t i);
/* dpor_next before leaving node k: join the gifts of the nodes left
 * below it (true: some were). */
bool dpor_rejoin(dpor *d, size_t k);
/* Node nd (new, at depth k above an own gift's node): the giver's sets
 * (dpor_donate_all); an error when the path differs from the giver's. */
void dpor_gift_install(dpor *d, node *nd, size_t k);
/* Races at node j are this search's to decide (not its giver's)? */
static inline bool dpor_own_node(const dpor *d, size_t j)
{
    return !d->gift || d->gift->own || j >= d->gift->at;
}
/* Node nd (new, at the gift's depth) is the gift's task node: the pick
 * among alts[0, n), or -1 (error set). */
int dpor_gift_task(dpor *d, node *nd, const int32_t *alts, int n);

#endif

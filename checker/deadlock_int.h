/* deadlock_int.h: the deadlock checker's own files share this.
 *   deadlock.c         detection: the wait-for graph and its cycles, the
 *                      partial-deadlock check after each step, the
 *                      grouping of leaks at the end, the findings;
 *   deadlock_wait.c    what a blocked task waits for and who could
 *                      complete it, and the bookkeeping the events feed
 *                      (locks held, cond users, signals);
 * and the report's words and JSON are report_deadlock.c's, from the data
 * deadlock.c gives it (report.h).
 * Owns: nothing beyond deadlock.h's checker. */
#ifndef WF_DEADLOCK_INT_H
#define WF_DEADLOCK_INT_H

#include "deadlock.h"
#include "report.h"

typedef VEC(int32_t) i32vec;


/* An edge of the wait-for graph. cls 0: definite (the target holds what
 * the task waits for); 1: a channel partner that is itself blocked on a
 * channel; 2: any other task that could complete the operation; 3: one
 * that never used the cond it would signal; 4: one blocked in a join,
 * which acts again only after the joined thread ends. */
typedef struct dl_edge {
    int32_t to;
    uint8_t cls;
} dl_edge;

/* A lock held now, and where it was taken (for "locked at"). */
typedef struct dl_held {
    int32_t oid, tid;
    bool read; /* an RWMutex read lock */
    const char *file;
    int32_t line;
} dl_held;

/* A partial deadlock reported during the execution: its step and tasks. */
typedef struct dl_partial {
    uint64_t step;
    uint32_t first, n;
} dl_partial;

/* The last Signal or Broadcast on a cond (step 0: none yet), for the
 * report's account of a lost wakeup. */
typedef struct dl_signal {
    uint64_t step;
    int32_t tid;
    int32_t peer; /* a Signal: the waiter it woke, -1 */
    uint16_t op;
    const char *file;
    int32_t line;
} dl_signal;

/* The candidates of the tasks a report shows that wait on the objects
 * oids[0, n) (ascending): rpool[at, at + len), the users first (nusers).
 * Tasks that wait on the same objects have the same candidates (each is
 * left out of the other's as waiting on them too): one deadlock_cands a
 * set of objects, not one a task (100,000 goroutines on one channel). */
typedef struct dl_cmemo {
    int32_t oids[REPORT_MAX_AWAITED];
    int n;
    size_t at, len, nusers;
} dl_cmemo;

/* Above this many tasks, cycles are searched over deadlock_holders edges only. */
#define MAX_POSSIBLE 64

struct deadlock_checker {
    lockorder *lo;
    VEC(uint8_t) reported; /* by tid: named by a partial report */
    VEC(uint8_t) alive;    /* by tid: scratch of the partial check */
    /* the report set and its graph (scratch) */
    i32vec set; /* tids, ascending */
    i32vec idx; /* by tid: index in set, or -1 */
    VEC(dl_edge) edges;
    i32vec efirst, elen; /* by set index */
    i32vec cycle;        /* tids, in order, the first not repeated */
    bool cycle_definite;
    i32vec q, prev, mark; /* breadth-first search */
    i32vec tmp;
    VEC(uint8_t) omark; /* by oid */
    VEC(uint64_t) rbits; /* by oid: reached by the live tasks (scratch) */
    uint64_t last_sig;   /* blocked set and exits at the last check: */
    uint64_t last_seq;   /* nenabled, nlive; wait_seq and timers */
    uint64_t last_check; /* its step */
    uint64_t prev_check; /* the step of the check before it */
    uint64_t next_check; /* no check before this step (amortised cost) */
    uint64_t work;       /* the last check's cost, in tasks looked at */
    uint64_t walked;     /* values the last walk (union_reach) looked at */
    i32vec cand, src;    /* partial check: deadlock_cands, sources (scratch) */
    /* the partial deadlocks of this execution, in report order: the
     * i-th is the i-th partial WF_DEADLOCK finding the checker added */
    VEC(dl_partial) parts;
    i32vec part_tids; /* parts[i] names part_tids[first, first + n) */
    i32vec uf;        /* by tid: union-find parent (end of execution) */
    VEC(dl_held) held; /* the locks held now, in acquisition order */
    /* who used which cond or lock, to name only the tasks that can act
     * on a cond (not every task that can reach it: main holding the
     * struct a cond is in does not make main a signaller) */
    VEC(uint64_t) used; /* open addressing: (oid << 32 | tid) + 1, 0 free */
    size_t nused;
    VEC(dl_signal) sigs;   /* by cond oid: its last Signal or Broadcast */
    VEC(dl_signal) lost;   /* by cond oid: the last that woke no one */
    i32vec cond_l;         /* by cond oid: its L (the lock a Wait drops) */
    i32vec wait_cond;      /* by tid: the cond of a Wait not yet past the
                              unlock of its L, else -1 */
    VEC(uint64_t) wait_at; /* by tid: the step of its last cond Wait */
    /* the report's data (scratch; report.h) */
    VEC(report_dl_task) rtasks;
    i32vec rpool; /* holders and candidates of each task */
    VEC(dl_cmemo) cmemo; /* build_report's, by the objects waited on */
    i32vec joinee; /* build_report's, by tid: 1 when a chain of blocked
                      joins waits for its end (its candidates are its own:
                      no memo) */
    VEC(report_hold) rholds;
    VEC(report_taken) rtaken;
    VEC(report_left) rleft;
    i32vec rtag; /* by entry of rholds or rtaken (scratch): its task */
    VEC(size_t) rat; /* by task: offsets, four each (scratch) */
    VEC(const wf_obj *) robjs;
    VEC(report_dl_cond) rconds;
    i32vec rcycle;
};

/* The objects a select or an operation waits on, at most this many. */
#define MAX_AW REPORT_MAX_AWAITED

static inline void deadlock_grow(i32vec *v, size_t n, int32_t fill)
{
    VEC_RESERVE(*v, n);
    for (size_t i = v->len; i < n; i++)
        v->p[i] = fill;
    if (n > v->len) v->len = n;
}


/* ---- deadlock_wait.c ---------------------------------------------------- */

/* What t waits for, by the kind of its op. */
report_wait deadlock_wait_of(const wf_task *t);
/* The objects t waits on (select: each non-nil case's channel, once),
 * at most max, into out; their number. */
int deadlock_awaited(const wf_task *t, wf_obj **out, int max);
/* tid holds a read lock of the RWMutex viewed as m. */
bool deadlock_rw_reader(const obj_view *m, int32_t tid);
/* The tasks holding what t waits for (definite edges), into out. */
void deadlock_holders(const wf_task *t, i32vec *out);
/* A wait that any live task might complete (channel, cond, WaitGroup). */
bool deadlock_possible(report_wait k);
/* The live tasks that could complete t's channel, cond or wait-group
 * operation, into out: those that used it first (for a cond, the others
 * can reach it but have not touched it yet); returns their count.
 * O(tasks). */
/* Is t blocked in a join (deadlock_wait.c)? */
bool deadlock_in_join(const wf_task *t);
/* Mark in out (by tid) the threads whose end u waits for through its
 * chain of blocked joins. O(chain). */
void deadlock_mark_joined(const wf_engine *e, const wf_task *u, i32vec *out);
size_t deadlock_cands(const deadlock_checker *d, wf_engine *e,
                      const wf_task *t, i32vec *out);
/* Where task tid took lock oid (read: its read lock), or NULL. */
const dl_held *deadlock_held_at(const deadlock_checker *d, int32_t oid,
                                int32_t tid, bool read);
/* REPORT_COND_LOST, _PASSED or _NONE for t, blocked in a cond Wait. */
int deadlock_cond_state(const deadlock_checker *d, const wf_task *t);
/* The consumer's event callback: the bookkeeping above. */
void deadlock_on_event(void *ctx, wf_engine *e, const wf_event *ev);

#endif

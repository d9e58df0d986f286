/* race_int.h: what the race checker's files share: race.c (the
 * happens-before tracking, FastTrack) and race_explain.c (what a report
 * says: both accesses and why they are not ordered, and its JSON).
 * Owns: nothing beyond race.h's checker. */
#ifndef WF_RACE_INT_H
#define WF_RACE_INT_H

#include "race.h"
#include "report.h"
#include "sim/vclock.h"

/* Locks a task holds: sorted items oid * 2 + (1 if read-held). */
typedef struct lockset {
    int32_t n;
    int32_t item[];
} lockset;

/* Where and when an access happened. */
typedef struct access {
    uint64_t step;
    const char *file;
    int32_t line;
    int32_t pos;       /* the sync log's length then: what came before */
    const lockset *ls; /* locks held then */
    uint8_t aop;       /* an atomic op on a plain variable (op_kind), 0 */
} access;

typedef struct rc_task {
    vclock vc;
    vclock frel; /* C11: its clock at its last release fence */
    vclock facq; /* C11: what its relaxed reads read, taken by its next
                    acquire fence */
    const lockset *ls;
    int32_t last_rec; /* its latest entry in the sync log, -1 */
    bool init;
} rc_task;

/* A read in a read vector: its task, that task's time and the access. */
typedef struct rc_read {
    int32_t tid;
    vc_time clock;
    access a;
} rc_read;
_Static_assert(offsetof(rc_read, tid) == 0, "key_lower_bound's key");

/* The access history of a variable (or of a channel, send = read, close =
 * write). r.tid == READ_SHARED: the reads are in rv[0, rvn), one per task
 * that read since the last write, ascending by tid: sparse, so a variable
 * read by goroutine 8,000 costs one entry, not 8,000 (a channel made per
 * goroutine, sent on by it and received by main: before, memory went
 * quadratic with the goroutines). */
#define READ_SHARED (-2)
typedef struct rc_var {
    epoch w, r;
    access wa, ra;
    rc_read *rv;
    uint32_t rvn, rvcap;
} rc_var;

/* A sync clock; pure: it equals the clock of its last releaser `last`. */
typedef struct sclock {
    vclock c;
    epoch last;
    bool pure;
} sclock;

/* Per object: mutex (a), RWMutex (a = Unlock, b = RUnlocks), waitgroup,
 * once, atomic (a), channel (a = close, slots = buffered channels'
 * per-slot clocks, v = the send/close history). */
typedef struct rc_obj {
    sclock a, b;
    sclock *slots;
    rc_var v;      /* a WaitGroup's: its semaphore, as Go's race detector
                    * models it (an Add from zero reads it, the first
                    * blocking Wait writes it) */
    int32_t nwait; /* a WaitGroup's parked waiters */
    int32_t head;  /* a C11 atomic's: the task whose store heads the
                    * release sequence a holds, -1 */
    bool user;     /* the user's code synchronized on it (an event not
                    * EVF_LIB): explanations name only such objects */
} rc_obj;

/* access.aop for a WaitGroup's semaphore (beyond every op_kind) */
enum { AOP_WG_ADD = 250, AOP_WG_WAIT = 251 };
/* access.aop for a Mutex's state word, written by its Lock and Unlock as
 * Go's atomics do (below AOP_WG_ADD: two atomics never race) */
enum { AOP_LOCK = 247, AOP_UNLOCK = 248 };
/* access.aop for an element's write as a write of its array's range (two
 * never race: the elements' own variables decide that) */
enum { AOP_RANGE = 246 };

/* The sync log, for explanations: every acquire and release, in event
 * order, chained per task. A spawn is a release of the parent and an
 * acquire of the child on the pseudo object SPAWN_OID(child). */
typedef struct sync_rec {
    int32_t tid, oid, prev;
    int32_t sub; /* which clock of the object: a buffered channel's slot,
                  * SUB_CLOSE, SUB_READERS (RUnlock's), else 0 */
    uint16_t op; /* ev_op */
    uint8_t aop; /* atomics: the op_kind (load, store, ...) */
    bool release;
    bool relaxed; /* a C11 atomic op that synchronizes nothing (kept for
                     explanations: release = it writes) */
} sync_rec;
#define SUB_CLOSE        (-1)
#define SUB_READERS      (-2)
#define SPAWN_OID(child) (-2 - (child))

/* A race found during the execution, reported at its end, when the whole
 * execution can explain it. a is the earlier access. */
typedef struct pending {
    int32_t oid, ta, tb;
    bool chan, wa, wb;
    access aa, ab;
    uint64_t sig;
} pending;

struct race_checker {
    arena mem;
    vc_mem vm; /* clock blocks, from mem */
    VEC(rc_task) tasks;
    VEC(rc_obj *) objs;
    VEC(sync_rec) log;
    VEC(pending) races; /* found in this execution, by signature */
    /* the unbuffered rendezvous being processed (both events) */
    uint64_t pair_step;
    int32_t pair_oid, pair_tid, pair_peer;
    lockset *empty;
    uint64_t counted; /* bytes of this execution in the engine's mem_extra */
};

/* A buffered channel's capacity (0: unbuffered). */
size_t race_chan_cap(wf_engine *e, int32_t oid);
/* Add the finding of race p, its explanation built from the sync log. */
void race_explain_report(race_checker *r, wf_engine *e, const pending *p);

#endif

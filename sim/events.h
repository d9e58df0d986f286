/* events.h: what a step did, as the engine reports it: events (the
 * SPEC's event stream, for the checkers and the recorder), the kinds of
 * choices the strategies decide, and the accesses a step makes to objects
 * (for partial-order reduction, dpor.c).
 */
#ifndef WF_EVENTS_H
#define WF_EVENTS_H

#include <stdint.h>

/* Event op codes: the SPEC's `op` column (section 9). */
typedef enum ev_op {
    EV_SPAWN,
    EV_EXIT,
    EV_SEND,
    EV_RECV,
    EV_CLOSE,
    EV_SELECT,
    EV_LOCK,
    EV_UNLOCK,
    EV_TRYLOCK,
    EV_RLOCK,
    EV_RUNLOCK,
    EV_TRYRLOCK,
    EV_WAIT,
    EV_SIGNAL,
    EV_BROADCAST,
    EV_WG_ADD,
    EV_WG_DONE,
    EV_WG_WAIT,
    EV_ONCE,
    EV_READ,
    EV_WRITE,
    EV_ATOMIC,
    EV_SLEEP,
    EV_TIMER,
    EV_PRINT,
    EV_BLOCK,
    EV_UNBLOCK,
    EV_PROGRESS,
    EV_ASSERT,
    EV_PANIC,
    EV_YIELD,
    EV__COUNT
} ev_op;
extern const char *const ev_op_names[EV__COUNT];
/* An event kind's bit in wf_consumer.ops. */
#define EV_BIT(op) ((uint64_t)1 << (op))

/* Flags of an event: what exactly happened (consumers: race, dpor). */
enum {
    EVF_FAILED = 1 << 0,   /* trylock/cas failed; recv saw closed (ok=false);
                              send on a closed channel (it panics) */
    EVF_SELECT = 1 << 1,   /* a send/recv done as a select case (aux2) */
    EVF_WAKE = 1 << 2,     /* completes the parked op of task `peer` */
    EVF_HANDOFF = 1 << 3,  /* recv moved a parked sender's value to buffer */
    EVF_WRITE = 1 << 4,    /* atomic: modifies the value */
    EVF_RELOCK = 1 << 5,   /* lock: the reacquire of a cond wait */
    EVF_DEFAULT = 1 << 6,  /* select: took the default case */
    EVF_MAIN_DONE = 1 << 7, /* exit: main returned (output ends) */
    /* atomic: C11's memory model (weft cc) in place of Go's, where every
     * atomic op acquires and releases: the op acquires only with
     * EVF_ACQUIRE, releases only with EVF_RELEASE; EVF_FENCE: a fence
     * (atomic_thread_fence), no access */
    EVF_C11 = 1 << 8,
    EVF_ACQUIRE = 1 << 9,
    EVF_RELEASE = 1 << 10,
    EVF_FENCE = 1 << 11,
    /* done inside the front end's library (weft's Go library), on behalf
     * of the user's call at the event's file:line: viewers fold it into
     * that call */
    EVF_LIB = 1 << 12,
    /* read/write (weft cc): of bytes that overlap the variable's without
     * being its own: checked against its history, not added to it, so
     * that two accesses of disjoint bytes of it never meet there */
    EVF_PROBE = 1 << 13,
    /* wait/signal of a POSIX semaphore (a cond in sem mode, cond.h): a
     * signal is a sem_post, a wait a sem_wait that took a unit, or with
     * EVF_FAILED one that did not (a sem_trywait at zero, a timeout) */
    EVF_SEM = 1 << 14
};

/* One event. step is the step it belongs to (annotations such as block,
 * exit and progress share the step of the op that caused them). For
 * channels, aux is the op's sequence number: the k-th send (k-th receive)
 * completed on that channel, from 0, which is what the Go memory model's
 * channel rules are stated in. */
typedef struct wf_event {
    uint64_t step;
    int64_t clock; /* virtual nanoseconds */
    int32_t tid;
    uint16_t op;    /* ev_op */
    uint16_t flags; /* EVF_* */
    int32_t oid;    /* object, -1 for none */
    int32_t peer;   /* partner task (rendezvous, woken, spawned), or -1 */
    int64_t value;  /* sent/received/stored value, delta, counter */
    int64_t aux;    /* channel sequence number; select case; ticket */
    int64_t aux2;   /* select case index for a select's channel event */
    const char *file;
    int32_t line;
} wf_event;

/* Kinds of choices (DESIGN.md). */
typedef enum choice_kind {
    CHOICE_TASK,   /* which enabled task runs; alternatives are tids */
    CHOICE_SELECT, /* which ready case fires; alternatives are case indices */
    CHOICE_TIMER,  /* which of several due timers fires first */
    CHOICE_COND,   /* which cond waiter a Signal wakes (--cond-order any) */
    CHOICE_PARTNER, /* which waiting sender (receiver) a rendezvous takes */
    CHOICE_BOOL    /* a yes/no (spurious wakeup, loose timer) */
} choice_kind;

/* How a step touched an object, for partial-order reduction (dpor.c).
 * Without a preemption bound, two accesses to one object conflict unless
 * both are reads, both commits, both adds that commute, or an enqueue
 * and a dequeue (a close and a dequeue) that commute (below); a
 * park conflicts with nothing. Under a bound, all but two reads do. A
 * commit is a task starting to wait on a channel (it changes which
 * rendezvous are possible, not the channel's contents). */
typedef enum acc_type {
    ACC_READ,
    ACC_WRITE,
    ACC_COMMIT,
    ACC_ACQUIRE, /* a write (lock) */
    ACC_RELEASE, /* a write (unlock) that enables acquires and guarded
                    reads: those race with the acquire before it instead,
                    as a release and the next acquire are never co-enabled */
    ACC_ADD,     /* a counter update: delta, and the count before. Adds
                    commute (the sum is the same), as Go's memory model
                    lets a WaitGroup's Add and Done or atomic adds whose
                    results nobody reads: with ACCF_FLOOR (a WaitGroup),
                    except an add and a later negative one whose swap
                    would take the count below zero (a panic) or to zero
                    with a waiter parked (which it would release), and a
                    negative one that released waiters (ACCF_RELEASED)
                    and a later positive one. Conflicts with reads,
                    writes and, when positive, observes */
    ACC_OBSERVE, /* a read of the counter's zero (Wait returning):
                    conflicts with positive adds and writes; ordered
                    after every add before it */
    ACC_RUNLOCK, /* a reader's unlock: commutes with reads (RLocks) and
                    other reader unlocks; an acquire after it is ordered
                    after it but races with the read before it instead,
                    as the two are never co-enabled */
    ACC_PARK,    /* a waiter parked on a counter (Wait at a count above
                    zero): no event of the trace (a blocked attempt is
                    not one); noted, since an add reaching zero would
                    release it */
    ACC_ENQ,     /* a send into a channel's buffer: before is the
                    buffer's length before it, delta its capacity. Two
                    enqueues conflict (the order of the items), as do
                    two dequeues (who gets which); an enqueue and a
                    dequeue at length k commute when 1 <= k < cap (the
                    dequeue takes an older item, the enqueue does not
                    fill the buffer). Conflicts with every other type
                    but parks */
    ACC_DEQ,     /* a receive from a channel's buffer: as ACC_ENQ */
    ACC_CLOSE    /* a close of an open buffered channel: before and
                    delta as ACC_ENQ's. Commutes with a dequeue that
                    takes an item left before both (length >= 1: it gets
                    that item, ok, in either order); conflicts with
                    every other access but parks */
} acc_type;

enum {
    ACCF_FLOOR = 1 << 0,    /* add: the count may not go below zero */
    ACCF_PARKED = 1 << 1,   /* add: waiters were parked before it */
    ACCF_RELEASED = 1 << 2  /* add: it reached zero and released them */
};

typedef struct acc_rec {
    int32_t oid;    /* object, or one of the OID_* pseudo-objects */
    uint8_t type;   /* acc_type */
    uint8_t flags;  /* ACCF_*, for ACC_ADD */
    int64_t delta;  /* ACC_ADD: the amount added; ACC_ENQ/DEQ/CLOSE:
                       capacity */
    int64_t before; /* ACC_ADD: the count before it; ACC_ENQ/DEQ/CLOSE: the
                       buffer's length before it */
} acc_rec;
/* Pseudo-objects: program output (prints, main's return), the spawn
 * counter (tids are given in spawn order), time (a timer firing). */
#define OID_OUTPUT (-2)
#define OID_SPAWN  (-3)
#define OID_TIME   (-4)
#define OID_ANY    (-5) /* conflicts with everything: an op that panics */

#endif

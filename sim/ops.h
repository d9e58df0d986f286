/* ops.h: what a task asks of the scheduler: values, object headers and
 * kinds, pending operations (op) and the waiters that park them in an
 * object's queue. The engine (engine.h) performs them; the object classes
 * (chan.c, mutex.c, ...) give them their meaning.
 */
#ifndef WF_OPS_H
#define WF_OPS_H

#include "util.h"
#include "weft.h"

/* A value carried by a channel or held by an object. The C API uses `i`;
 * the VM stores its own 16-byte tagged value in the same bytes. */
typedef struct wf_value {
    int64_t i;
    uint64_t x;
} wf_value;

static inline wf_value value_int(int64_t i)
{
    wf_value v = {i, 0};
    return v;
}

/* Kinds of objects; the order is the `kind` column of the database. */
typedef enum obj_kind {
    OBJ_CHAN,
    OBJ_MUTEX,
    OBJ_RWMUTEX,
    OBJ_COND,
    OBJ_WAITGROUP,
    OBJ_ONCE,
    OBJ_ATOMIC,
    OBJ_VAR,
    OBJ_TIMER,
    OBJ__COUNT
} obj_kind;
extern const char *const obj_kind_names[OBJ__COUNT];

/* The header every object starts with. oid is the creation order within
 * the execution (0, 1, ...), the object's identity everywhere. */
typedef struct wf_obj {
    uint8_t kind; /* obj_kind */
    int32_t oid;
    int32_t nth; /* how many objects of this kind and name (unnamed: of
                    this creation site) came before it in the execution:
                    with them, its identity across executions (forks made
                    in a loop) */
    const char *name; /* in e->mem; "" when unnamed */
    const char *file; /* creation site (borrowed static string) or NULL */
    int32_t line;
    uint64_t origin; /* non-zero: its identity across executions, set by
                        a front end that knows one better than the name
                        and nth (a lock in a heap block, where the nth of
                        a name depends on which thread allocated first) */
} wf_obj;

/* The header of channel c (every object starts with its wf_obj), for
 * those that see a select case's channel but not its struct. */
static inline wf_obj *sel_chan_obj(const wf_chan *c)
{
    return (wf_obj *)(uintptr_t)(const void *)c;
}

/* Pending-op kinds. Comments give the object and the op fields used. */
typedef enum op_kind {
    OP_NONE,
    OP_SPAWN,     /* child function in op.spawn; result: the new task */
    OP_YIELD,     /* runtime.Gosched: a scheduling point only */
    OP_SEND,      /* chan: val */
    OP_RECV,      /* chan: result res, ok */
    OP_CLOSE,     /* chan */
    OP_SELECT,    /* op.cases[0..ncases), has_default; result op.sel */
    OP_LOCK,      /* mutex; relock: the reacquire of a cond Wait */
    OP_UNLOCK,    /* mutex */
    OP_TRYLOCK,   /* mutex; result ok */
    OP_WLOCK,     /* rwmutex, writer */
    OP_WUNLOCK,   /* rwmutex, writer */
    OP_RLOCK,     /* rwmutex, reader */
    OP_RUNLOCK,   /* rwmutex, reader */
    OP_TRYWLOCK,  /* rwmutex, TryLock: result ok; never blocks */
    OP_TRYRLOCK,  /* rwmutex, TryRLock: result ok; never blocks */
    OP_COND_WAIT, /* cond: take a ticket and unlock cond's mutex;
                     parked: waiting on the ticket. A semaphore's:
                     sem_wait, enabled while its value is above zero;
                     has_default: sem_trywait (result ok) */
    OP_COND_PARK, /* cond: wait for the ticket (general Locker); parked */
    OP_SIGNAL,    /* cond; a semaphore's: sem_post */
    OP_BROADCAST, /* cond */
    OP_DESTROY,   /* cond (a semaphore's too): its end; a write of it */
    OP_SEM_VALUE, /* cond in sem mode: sem_getvalue, result res */
    OP_WG_ADD,    /* waitgroup: val.i = delta; done: a Done */
    OP_WG_WAIT,   /* waitgroup */
    OP_ONCE,      /* once: result ok = "run the function now" */
    OP_ONCE_END,  /* once: the function returned */
    OP_ALOAD,     /* atomic: result res */
    OP_ASTORE,    /* atomic: val */
    OP_AADD,      /* atomic: val = delta; result res = new value unless
                     discard (the caller does not read it) */
    OP_ASWAP,     /* atomic: val; result res = old value */
    OP_ACAS,      /* atomic: old, val = new; result ok */
    OP_READ,      /* var: result res */
    OP_WRITE,     /* var: val */
    OP_SLEEP,     /* ns */
    OP_PRINT,     /* op.text, op.len */
    OP_EXIT,      /* the task's function returned; a scheduling point for
                     main only, whose return ends the output */
    OP_ASSERT,    /* a failed assertion: op.text is the message */
    OP_PANIC,     /* a panic raised by the task itself: op.text */
    OP_CHAN_LEN,  /* chan: len(ch) of a buffered channel, read when the
                     op is performed (a read of the buffer's length) */
    OP__COUNT
} op_kind;
extern const char *const op_kind_names[OP__COUNT];

typedef enum task_state { TASK_RUNNABLE, TASK_BLOCKED, TASK_DONE } task_state;

/* A task waiting in an object's queue. Lives in the waiting task's op
 * record (one per select case), so waiting allocates nothing. */
typedef struct waitq waitq;
typedef struct waiter {
    struct waiter *next, *prev;
    struct wf_task *task;
    waitq *q;      /* the queue it is linked in, NULL when not linked */
    int32_t ncase; /* select case index, -1 for a plain op */
    bool committed; /* chan: the op waits here (no default) */
    uint64_t seq;  /* arrival order, for FIFO queues and tickets */
    int64_t when;  /* virtual time of arrival */
} waiter;

/* A FIFO of waiters (doubly linked, O(1) push, pop and removal). */
struct waitq {
    waiter *head, *tail;
    int32_t len;
};

/* One case of a select, as the engine sees it. */
typedef struct sel_case {
    wf_chan *chan; /* NULL: never ready */
    bool send;
    wf_value val; /* in: the value to send */
    wf_value res; /* out: the value received */
    bool ok;      /* out: false if received because closed */
    waiter w;     /* linked into chan's queue while parked */
} sel_case;

typedef struct op {
    uint8_t kind; /* op_kind */
    bool ok;      /* result (recv, trylock, cas, once) */
    bool has_default;
    bool woken;   /* completed by another task while parked */
    int32_t sel;  /* select: index fired, -1 default */
    uint32_t ncases;
    /* select without default, parked (no case ready) and then made
     * ready: the channel whose change woke it. Go's runtime commits a
     * parked select to the case that wakes it (the closer or sender
     * dequeues it), so a case made ready later is not a choice (chan.c) */
    struct wf_chan *woke;
    wf_obj *obj; /* the object, NULL for task-level ops or nil channels */
    bool relock;  /* OP_LOCK: the reacquire of a cond Wait */
    bool done;    /* OP_WG_ADD: a Done (the event says wg_done);
                     OP_WG_WAIT: the return of a Wait a Done released */
    bool parked;  /* OP_COND_WAIT/PARK: parked on its ticket */
    bool discard; /* OP_AADD: the result is not read, so adds commute */
    bool lib;     /* raised inside library code (its events: EVF_LIB) */
    bool early;   /* OP_SLEEP: a Go sleep, which ends early when short
                     (engine_fires_early); the C API's sleeps keep strict
                     time whatever their length */
    bool idle;    /* OP_SLEEP: synctest.Wait: ends once no other task can
                     run, the clock unmoved (ns 0, whatever the time
                     mode) */
    bool polite;  /* OP_YIELD: the program asked to let others run
                     (runtime.Gosched, sched_yield), not a fuel point */
    uint16_t evf, evf_failed; /* OP_A*: flags the front end adds to the
                                 op's event (EVF_C11 ...), the second for
                                 a compare-and-swap that fails */
    wf_value val;
    wf_value res;
    int64_t ns;   /* OP_SLEEP: nanoseconds */
    int64_t old;  /* OP_ACAS: the value expected */
    sel_case *cases;
    const char *text; /* print/assert/panic text (task memory) */
    size_t len;
    const char *file; /* call site, borrowed */
    int32_t line;
    waiter w; /* the waiter of a plain blocking op */
    /* spawn */
    const struct task_driver *spawn_drv;
    void *spawn_arg;
    const char *spawn_name;
} op;

/* Make o a fresh pending op of kind k on obj (NULL: task-level), its
 * typed fields cleared; the front end fills in the rest. */
static inline void op_begin(op *o, op_kind k, wf_obj *obj)
{
    o->kind = (uint8_t)k;
    o->obj = obj;
    o->ok = false;
    o->has_default = false;
    o->relock = o->done = o->parked = o->discard = o->lib = false;
    o->early = o->polite = o->idle = false;
    o->evf = o->evf_failed = 0;
    o->sel = -1;
    o->ncases = 0;
    o->cases = NULL;
    o->ns = o->old = 0;
    o->text = NULL;
    o->len = 0;
    o->val.i = 0;
    o->val.x = 0;
    o->res.i = 0;
    o->res.x = 0;
}

#endif

/* race.c: see race.h. FastTrack (Flanagan and Freund, PLDI 2009): each
 * variable keeps the epoch of its last write and of its last read, or a
 * read vector while reads are concurrent; each sync object keeps a vector
 * clock. Accesses cost O(1) except a write after concurrent reads;
 * acquires and releases cost O(tids seen), acquires of a pure clock whose
 * releaser the task already knows cost O(1). */
#include "race.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

/* The access history of a variable (or of a channel, send = read, close =
 * write). r.tid == READ_SHARED: the reads are in rv/rvi, by tid. */
#define READ_SHARED (-2)
typedef struct rc_var {
    epoch w, r;
    access wa, ra;
    vc_time *rv;
    access *rva;
    uint32_t rvn;
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
} rc_obj;

/* access.aop for a WaitGroup's semaphore (beyond every op_kind) */
enum { AOP_WG_ADD = 250, AOP_WG_WAIT = 251 };

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

/* ---- tasks and objects ------------------------------------------------ */

static void task_init(race_checker *r, rc_task *T, int32_t tid)
{
    memset(T, 0, sizeof *T);
    T->init = true;
    T->ls = r->empty;
    T->last_rec = -1;
    vc_set(&r->vm, &T->vc, tid, 1);
}

static rc_task *task_grow(race_checker *r, int32_t tid)
{
    rc_task *T;
    if ((size_t)tid >= r->tasks.len) {
        size_t old = r->tasks.len;
        VEC_RESERVE(r->tasks, (size_t)tid + 1);
        memset(r->tasks.p + old, 0,
               ((size_t)tid + 1 - old) * sizeof *r->tasks.p);
        r->tasks.len = (size_t)tid + 1;
    }
    T = &r->tasks.p[tid];
    if (!T->init) task_init(r, T, tid);
    return T;
}

/* Task tid's clocks, made on first use; inline: several an event. */
static inline rc_task *task_of(race_checker *r, int32_t tid)
{
    if (WF_LIKELY((size_t)tid < r->tasks.len && r->tasks.p[tid].init))
        return &r->tasks.p[tid];
    return task_grow(r, tid);
}

static rc_obj *obj_grow(race_checker *r, int32_t oid)
{
    if ((size_t)oid >= r->objs.len) {
        size_t old = r->objs.len;
        VEC_RESERVE(r->objs, (size_t)oid + 1);
        memset(r->objs.p + old, 0, ((size_t)oid + 1 - old) * sizeof *r->objs.p);
        r->objs.len = (size_t)oid + 1;
    }
    if (WF_UNLIKELY(!r->objs.p[oid])) {
        rc_obj *o = arena_alloc(&r->mem, sizeof *o);
        o->v.w = o->v.r = epoch_none();
        o->a.last = o->b.last = epoch_none();
        o->a.pure = o->b.pure = true;
        o->head = -1;
        r->objs.p[oid] = o;
    }
    return r->objs.p[oid];
}

static inline rc_obj *obj_of(race_checker *r, int32_t oid)
{
    if (WF_LIKELY((size_t)oid < r->objs.len && r->objs.p[oid]))
        return r->objs.p[oid];
    return obj_grow(r, oid);
}

static const char *short_name(wf_engine *e, int32_t tid, char *b, size_t n)
{
    if (tid == 0)
        snprintf(b, n, "%s", e->tasks.p[0]->name);
    else
        snprintf(b, n, "g%d", (int)tid);
    return b;
}

/* ---- acquire and release ---------------------------------------------- */

static inline epoch now_of(const rc_task *T, int32_t tid)
{
    epoch e = {tid, vc_get(&T->vc, tid)};
    return e;
}

static inline void log_rec(race_checker *r, rc_task *T, int32_t tid,
                           uint16_t eop, int32_t oid, int32_t sub, bool rel)
{
    sync_rec rc;
    rc.tid = tid;
    rc.oid = oid;
    rc.sub = sub;
    rc.aop = 0;
    rc.op = eop;
    rc.release = rel;
    rc.relaxed = false;
    rc.prev = T->last_rec;
    T->last_rec = (int32_t)r->log.len;
    VEC_PUSH(r->log, rc);
}

/* T takes what s holds (Lock, receive, Wait, ...). */
static void acquire(race_checker *r, rc_task *T, int32_t tid, const sclock *s,
                    uint16_t eop, int32_t oid, int32_t sub)
{
    log_rec(r, T, tid, eop, oid, sub, false);
    if (s->pure && epoch_leq(s->last, &T->vc))
        return; /* T already knows everything s holds */
    vc_join(&r->vm, &T->vc, &s->c);
}

/* T's own entry moves on after a release: what T does next is not
 * covered by it. */
static void tick(race_checker *r, rc_task *T, int32_t tid)
{
    vc_set(&r->vm, &T->vc, tid, vc_get(&T->vc, tid) + 1);
}

/* s = s joined with T's clock (Unlock, send, Done, ...). */
static void release(race_checker *r, rc_task *T, int32_t tid, sclock *s,
                    uint16_t eop, int32_t oid, int32_t sub)
{
    bool covered = true; /* s <= T before the join: s becomes T's clock */
    if (!(s->pure && epoch_leq(s->last, &T->vc)))
        for (uint32_t i = 0; i < s->c.n; i++)
            if (s->c.c[i] > vc_get(&T->vc, (int32_t)i)) {
                covered = false;
                break;
            }
    if (covered)
        vc_copy(&r->vm, &s->c, &T->vc);
    else
        vc_join(&r->vm, &s->c, &T->vc);
    s->pure = covered;
    s->last = now_of(T, tid);
    log_rec(r, T, tid, eop, oid, sub, true);
    tick(r, T, tid);
}

/* ---- held locks (for explanations only) ------------------------------- */

static const lockset *ls_with(race_checker *r, const lockset *s, int32_t it)
{
    lockset *n =
        arena_alloc(&r->mem, sizeof *n + (size_t)(s->n + 1) * sizeof(int32_t));
    int32_t i = 0, j = 0;
    while (i < s->n && s->item[i] < it)
        n->item[j++] = s->item[i++];
    n->item[j++] = it;
    while (i < s->n)
        n->item[j++] = s->item[i++];
    n->n = j;
    return n;
}

/* s without one item for oid (read-held preferred when read); NULL when s
 * holds none. */
static const lockset *ls_without(race_checker *r, const lockset *s, int32_t oid,
                                 bool read)
{
    int32_t at = -1;
    lockset *n;
    for (int32_t i = 0; i < s->n; i++)
        if (s->item[i] >> 1 == oid) {
            at = i;
            if ((s->item[i] & 1) == read) break;
        }
    if (at < 0) return NULL;
    if (s->n == 1) return r->empty;
    n = arena_alloc(&r->mem, sizeof *n + (size_t)(s->n - 1) * sizeof(int32_t));
    for (int32_t i = 0, j = 0; i < s->n; i++)
        if (i != at) n->item[j++] = s->item[i];
    n->n = s->n - 1;
    return n;
}

static void lock_held(race_checker *r, rc_task *T, int32_t oid, bool read)
{
    T->ls = ls_with(r, T->ls, oid * 2 + (read ? 1 : 0));
}

/* Go lets any task unlock a mutex: drop it from whoever holds it. */
static void lock_dropped(race_checker *r, rc_task *T, int32_t oid, bool read)
{
    const lockset *n = ls_without(r, T->ls, oid, read);
    if (n) {
        T->ls = n;
        return;
    }
    for (size_t i = 0; i < r->tasks.len; i++) {
        rc_task *U = &r->tasks.p[i];
        if (U->init && (n = ls_without(r, U->ls, oid, read))) {
            U->ls = n;
            return;
        }
    }
}

/* ---- reports ---------------------------------------------------------- */

static size_t chan_cap(wf_engine *e, int32_t oid)
{
    return (size_t)obj_capacity(e->objs.p[oid]);
}

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "?");
}

/* A site of a race: read or write at one line is one site, so a
 * read-write and a write-write race between the same two lines are one
 * finding. */
static uint64_t site_hash(uint64_t h, const char *file, int32_t line)
{
    if (file) h = hash_bytes(h, file, strlen(file));
    return hash_u64(h, (uint64_t)line);
}

static const char *obj_name(wf_engine *e, int32_t oid)
{
    return report_obj_name(e, e->objs.p[oid]);
}

/* "writes x", "reads x", "sends on ch", "closes ch" */
static void verb(buf *b, bool chan, bool write, const char *name)
{
    if (chan)
        buf_printf(b, "%s %s", write ? "closes" : "sends on", name);
    else
        buf_printf(b, "%s %s", write ? "writes" : "reads", name);
}

static void ls_names(buf *b, wf_engine *e, const lockset *ls)
{
    if (!ls || !ls->n) {
        buf_puts(b, "none");
        return;
    }
    for (int32_t i = 0; i < ls->n; i++)
        buf_printf(b, "%s%s%s", i ? ", " : "", obj_name(e, ls->item[i] >> 1),
                   (ls->item[i] & 1) ? " (read)" : "");
}

/* "store to flag", "load of flag", ... */
static void atomic_noun(buf *b, const sync_rec *rc, const char *y)
{
    switch ((op_kind)rc->aop) {
    case OP_ALOAD:
        buf_printf(b, "load of %s", y);
        return;
    case OP_ASTORE:
        buf_printf(b, "store to %s", y);
        return;
    case OP_AADD:
        buf_printf(b, "add to %s", y);
        return;
    case OP_ASWAP:
        buf_printf(b, "swap of %s", y);
        return;
    case OP_ACAS:
        buf_printf(b, "compare-and-swap of %s", y);
        return;
    default:
        buf_printf(b, "operation on %s", y);
        return;
    }
}

/* Phrases for a sync record on object y: what a release is ("the send on
 * c"), how an acquire reads after "before"/"without" ("receiving from
 * c"), and as a noun after "g1's" ("receive from c"). */
static void rel_phrase(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, "the send on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, "receiving from %s", y);
        return;
    case EV_CLOSE:
        buf_printf(b, "closing %s", y);
        return;
    case EV_UNLOCK:
        buf_printf(b, "unlocking %s", y);
        return;
    case EV_RUNLOCK:
        buf_printf(b, "read-unlocking %s", y);
        return;
    case EV_WG_DONE:
        buf_printf(b, "Done on %s", y);
        return;
    case EV_WG_ADD:
        buf_printf(b, "Add on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "the end of %s's function", y);
        return;
    case EV_ATOMIC:
        buf_puts(b, "the atomic ");
        atomic_noun(b, rc, y);
        return;
    case EV_SPAWN:
        buf_printf(b, "spawning g%d", (int)(-2 - rc->oid));
        return;
    default:
        buf_printf(b, "%s", ev_op_names[rc->op]);
        return;
    }
}

/* The acquire that would take what a release of kind rc gave. */
static void acq_gerund(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, rc->release ? "receiving from %s" : "sending on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, rc->release ? "sending on %s" : "receiving from %s", y);
        return;
    case EV_CLOSE:
        buf_printf(b, "receiving from %s", y);
        return;
    case EV_UNLOCK:
    case EV_LOCK:
    case EV_TRYLOCK:
        buf_printf(b, "locking %s", y);
        return;
    case EV_RUNLOCK:
        buf_printf(b, "write-locking %s", y);
        return;
    case EV_RLOCK:
        buf_printf(b, "read-locking %s", y);
        return;
    case EV_WG_DONE:
    case EV_WG_ADD:
    case EV_WG_WAIT:
    case EV_UNBLOCK:
        buf_printf(b, "waiting on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "calling Do on %s", y);
        return;
    case EV_ATOMIC:
        buf_printf(b, "an atomic operation on %s", y);
        return;
    default:
        buf_puts(b, "synchronizing with it");
        return;
    }
}

static void acq_noun(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, "send on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, "receive from %s", y);
        return;
    case EV_LOCK:
    case EV_TRYLOCK:
        buf_printf(b, "Lock of %s", y);
        return;
    case EV_RLOCK:
        buf_printf(b, "RLock of %s", y);
        return;
    case EV_WG_WAIT:
    case EV_UNBLOCK:
        buf_printf(b, "Wait on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "Do on %s", y);
        return;
    case EV_ATOMIC:
        buf_puts(b, "atomic ");
        atomic_noun(b, rc, y);
        return;
    case EV_SPAWN:
        buf_puts(b, "start");
        return;
    default:
        buf_puts(b, ev_op_names[rc->op]);
        return;
    }
}

/* Comparisons the explanation may spend on one race (the logs are long
 * only in long executions; past this the plainer explanations serve). */
#define EXPLAIN_BUDGET 1000000

/* A release of P and the first later acquire of Q on the same object
 * that would order P's access before Q's, had each access been on its
 * side: exactly one of them is on the wrong side. Returns false when the
 * tasks never synchronize that way. */
static bool find_link(const race_checker *r, int32_t tp, int32_t pp, int32_t tq,
                      int32_t pq, bool spawns, const sync_rec **rl_out,
                      const sync_rec **aq_out, bool *p_late)
{
    long budget = EXPLAIN_BUDGET;
    int64_t best = INT64_MAX;
    if ((size_t)tp >= r->tasks.len || (size_t)tq >= r->tasks.len) return false;
    for (int32_t i = r->tasks.p[tp].last_rec; i >= 0; i = r->log.p[i].prev) {
        const sync_rec *rl = &r->log.p[i];
        const sync_rec *aq = NULL;
        int32_t ai = -1;
        bool late, early;
        int64_t dist;
        if (!rl->release || rl->relaxed || (rl->op == EV_SPAWN) != spawns)
            continue;
        for (int32_t j = r->tasks.p[tq].last_rec; j > i && budget > 0;
             j = r->log.p[j].prev, budget--)
            if (!r->log.p[j].release && !r->log.p[j].relaxed &&
                r->log.p[j].oid == rl->oid && r->log.p[j].sub == rl->sub) {
                aq = &r->log.p[j];
                ai = j;
            }
        if (budget <= 0) break;
        if (!aq) continue;
        late = i < pp;    /* P released before its access */
        early = ai >= pq; /* Q acquired after its access */
        if (late == early) continue;
        dist = (int64_t)(i > pp ? i - pp : pp - i) +
               (int64_t)(ai > pq ? ai - pq : pq - ai);
        if (dist < best) {
            best = dist;
            *rl_out = rl;
            *aq_out = aq;
            *p_late = late;
        }
    }
    return best != INT64_MAX;
}

static void access_noun(buf *b, bool chan, bool write)
{
    buf_puts(b, chan ? (write ? "close" : "send") : (write ? "write" : "read"));
}

/* The tasks of a pending race in direction dir: P (the task that should
 * release after its access) and Q (the one that should acquire before its
 * access); dir 0: P is the earlier access. */
typedef struct roles {
    int32_t tp, tq, pp, pq;
    char np[32], nq[32];
    bool wp, wq;
} roles;

static void roles_of(wf_engine *e, const pending *p, int dir, roles *o)
{
    o->tp = dir ? p->tb : p->ta;
    o->tq = dir ? p->ta : p->tb;
    o->pp = dir ? p->ab.pos : p->aa.pos;
    o->pq = dir ? p->aa.pos : p->ab.pos;
    o->wp = dir ? p->wb : p->wa;
    o->wq = dir ? p->wa : p->wb;
    short_name(e, o->tp, o->np, sizeof o->np);
    short_name(e, o->tq, o->nq, sizeof o->nq);
}

/* "g1 writes x after Done on wg, so main's Wait on wg does not order it",
 * "main reads x before receiving from c, which would order it after g1's
 * write". */
static bool link_phrase(const race_checker *r, wf_engine *e, buf *b,
                        const pending *p, int dir, bool spawns)
{
    const sync_rec *rl = NULL, *aq = NULL;
    const char *x = obj_name(e, p->oid);
    bool late = false;
    roles o;
    roles_of(e, p, dir, &o);
    if (!find_link(r, o.tp, o.pp, o.tq, o.pq, spawns, &rl, &aq, &late))
        return false;
    if (spawns && (dir || !late))
        return false; /* only "the parent accessed after the spawn" */
    if (late) {
        buf_printf(b, "%s ", o.np);
        verb(b, p->chan, o.wp, x);
        buf_puts(b, " after ");
        rel_phrase(b, e, rl);
        buf_printf(b, ", so %s's ", o.nq);
        acq_noun(b, e, aq);
        buf_puts(b, " does not order it");
    } else {
        buf_printf(b, "%s ", o.nq);
        verb(b, p->chan, o.wq, x);
        buf_puts(b, " before ");
        acq_gerund(b, e, aq);
        buf_printf(b, ", which would order it after %s's ", o.np);
        access_noun(b, p->chan, o.wp);
    }
    return true;
}

/* C11: P writes an atomic after its access and Q reads that atomic
 * before its access, but the write does not release or the read does
 * not acquire: "main writes data before the relaxed store to ready, and
 * g1 reads data after its load of ready, but a relaxed store releases
 * nothing (a release store and an acquire load would order them)". */
static bool relaxed_phrase(const race_checker *r, wf_engine *e, buf *b,
                           const pending *p, int dir)
{
    const char *x = obj_name(e, p->oid);
    roles o;
    roles_of(e, p, dir, &o);
    if ((size_t)o.tp >= r->tasks.len || (size_t)o.tq >= r->tasks.len)
        return false;
    for (int32_t i = r->tasks.p[o.tp].last_rec; i >= o.pp;
         i = r->log.p[i].prev) {
        const sync_rec *w = &r->log.p[i];
        if (w->op != EV_ATOMIC || !w->release)
            continue;
        for (int32_t j = r->tasks.p[o.tq].last_rec; j > i;
             j = r->log.p[j].prev) {
            const sync_rec *rd = &r->log.p[j];
            if (j >= o.pq || rd->op != EV_ATOMIC || rd->release ||
                rd->oid != w->oid || (!w->relaxed && !rd->relaxed))
                continue;
            buf_printf(b, "%s ", o.np);
            verb(b, p->chan, o.wp, x);
            buf_printf(b, " before the %satomic ", w->relaxed ? "relaxed " : "");
            atomic_noun(b, w, obj_name(e, w->oid));
            buf_printf(b, ", and %s ", o.nq);
            verb(b, p->chan, o.wq, x);
            buf_printf(b, " after the %satomic ", rd->relaxed ? "relaxed " : "");
            atomic_noun(b, rd, obj_name(e, rd->oid));
            buf_printf(b, ", but a relaxed %s orders nothing (a release "
                          "store and an acquire load would)",
                       w->relaxed ? "write" : "read");
            return true;
        }
    }
    return false;
}

/* Q itself counts on the WaitGroup that P's release is a Done or Add of
 * (two workers of one group): Q cannot wait on it, since it would wait
 * for its own Done, so "without waiting on wg" is no advice for Q. */
static bool counted_by(const race_checker *r, int32_t tq, const sync_rec *rl)
{
    if (rl->op != EV_WG_DONE && rl->op != EV_WG_ADD) return false;
    if ((size_t)tq >= r->tasks.len) return false;
    for (int32_t i = r->tasks.p[tq].last_rec; i >= 0; i = r->log.p[i].prev)
        if (r->log.p[i].oid == rl->oid && r->log.p[i].op == EV_WG_DONE)
            return true;
    return false;
}

/* "g1 writes x before the send on c, but g2 reads x without receiving
 * from c": P released after its access and Q never took it. */
static bool unmatched_release(const race_checker *r, wf_engine *e, buf *b,
                              const pending *p, int dir)
{
    const sync_rec *rl = NULL;
    const char *x = obj_name(e, p->oid);
    roles o;
    roles_of(e, p, dir, &o);
    if ((size_t)o.tp >= r->tasks.len) return false;
    /* P's first release after its access (not a spawn; for a channel
     * access, not the send's own release) */
    for (int32_t i = r->tasks.p[o.tp].last_rec; i >= o.pp;
         i = r->log.p[i].prev) {
        const sync_rec *c = &r->log.p[i];
        if (c->release && !c->relaxed && c->op != EV_SPAWN &&
            !(p->chan && c->oid == p->oid))
            rl = c;
    }
    if (!rl) return false;
    if (counted_by(r, o.tq, rl)) return false;
    buf_printf(b, "%s ", o.np);
    verb(b, p->chan, o.wp, x);
    buf_puts(b, " before ");
    rel_phrase(b, e, rl);
    if (rl->op == EV_RECV && rl->sub >= 0 && chan_cap(e, rl->oid)) {
        buf_printf(b,
                   ", but no send on %s by %s waits for that receive "
                   "(capacity %zu)",
                   obj_name(e, rl->oid), o.nq, chan_cap(e, rl->oid));
        return true;
    }
    buf_printf(b, ", but %s ", o.nq);
    verb(b, p->chan, o.wq, x);
    buf_puts(b, " without ");
    acq_gerund(b, e, rl);
    if (rl->op == EV_ATOMIC) buf_puts(b, " after it");
    return true;
}

/* Why the two accesses are not ordered, after "not ordered: ". */
static void explain(race_checker *r, wf_engine *e, buf *b, const pending *p)
{
    char sa[32], sb[32];
    const char *na = short_name(e, p->ta, sa, sizeof sa);
    const char *nb = short_name(e, p->tb, sb, sizeof sb);
    const lockset *la = p->aa.ls, *lb = p->ab.ls;
    if (p->aa.aop >= AOP_WG_ADD || p->ab.aop >= AOP_WG_ADD) {
        buf_printf(b, "WaitGroup misuse: an Add that starts a new count "
                      "must happen before Wait (call Add before the go "
                      "statement, not in the goroutine); %s and %s are "
                      "not ordered",
                   na, nb);
        return;
    }
    if (!p->aa.aop != !p->ab.aop) {
        buf_printf(b, "mixed access: %s uses sync/atomic on %s, %s a plain "
                      "%s; an atomic operation is ordered only with other "
                      "atomic operations, so every concurrent access must "
                      "be atomic",
                   p->aa.aop ? na : nb, obj_name(e, p->oid),
                   p->aa.aop ? nb : na,
                   (p->aa.aop ? p->wb : p->wa) ? "write" : "read");
        return;
    }
    if ((la && la->n) || (lb && lb->n)) {
        bool read_common = false;
        for (int32_t i = 0; la && lb && i < la->n; i++)
            for (int32_t j = 0; j < lb->n; j++)
                if (la->item[i] >> 1 == lb->item[j] >> 1) read_common = true;
        buf_puts(b, read_common ? "the locks they share are held for "
                                  "reading, which orders nothing ("
                                : "no lock held in common (");
        buf_printf(b, "%s holds ", na);
        ls_names(b, e, la);
        buf_printf(b, ", %s holds ", nb);
        ls_names(b, e, lb);
        buf_putc(b, ')');
        return;
    }
    /* a -> b: a releases, b acquires; or b -> a, as the program may have
     * meant it (b's access first), with a's acquire after a's access;
     * a spawn only as the parent's access after spawning the child. */
    for (int dir = 0; dir < 2; dir++)
        if (relaxed_phrase(r, e, b, p, dir)) return;
    for (int k = 0; k < 5; k++) {
        int dir = k & 1;
        bool spawns = k == 4;
        if (k == 2 || k == 3) {
            if (unmatched_release(r, e, b, p, dir)) return;
            continue;
        }
        if (link_phrase(r, e, b, p, dir, spawns)) return;
    }
    /* no lock at either access and no join between them: advise
     * neither a particular lock nor a particular wait */
    buf_printf(b,
               "no lock is held at either access, and neither %s nor %s "
               "waits for the other (a mutex held at both, or a join "
               "between them, would order them)",
               na, nb);
}

/* h extended by the variable an object's name starts with
 * ("stdoutBuff" of "stdoutBuff.buf[77]"): with the two sites, the
 * signature of one root cause. Go's race detector reports a pair of
 * stacks once whatever the address; one bytes.Buffer written by two
 * goroutines gave a finding per byte and per field here (117 for Concurrency
 * in Go's fig-using-buffered-chans.go, now 5). */
static uint64_t name_hash(uint64_t h, const char *x)
{
    size_t n = 0;
    while (x[n] && (n == 0 || (x[n] != '.' && x[n] != '[')))
        n++;
    return hash_bytes(h, x, n);
}

/* Record a race between the stored access (ta, aa, wa) and the current
 * one of ev (write wb); it is reported at the end of the execution. */
static void record(race_checker *r, wf_engine *e, const wf_event *ev, bool chan,
                   int32_t ta, const access *aa, bool wa, bool wb,
                   const access *ab)
{
    const char *x = obj_name(e, ev->oid);
    uint64_t h1 = site_hash(HASH_INIT, aa->file, aa->line);
    uint64_t h2 = site_hash(HASH_INIT, ev->file, ev->line);
    uint64_t sig = hash_u64(HASH_INIT ^ WF_RACE, h1 < h2 ? h1 : h2);
    pending p;
    if (aa->aop && aa->aop < AOP_WG_ADD && ab->aop && ab->aop < AOP_WG_ADD)
        return; /* two atomic ops (C11's relaxed ones order nothing) */
    sig = hash_u64(sig, h1 < h2 ? h2 : h1);
    sig = name_hash(sig, x);
    for (size_t i = 0; i < r->races.len; i++)
        if (r->races.p[i].sig == sig) return;
    memset(&p, 0, sizeof p);
    p.oid = ev->oid;
    p.ta = ta;
    p.tb = ev->tid;
    p.chan = chan;
    p.wa = wa;
    p.wb = wb;
    p.aa = *aa;
    p.ab = *ab;
    p.sig = sig;
    VEC_PUSH(r->races, p);
}

static void report(race_checker *r, wf_engine *e, const pending *p)
{
    const char *x = obj_name(e, p->oid);
    buf d, j, m;
    finding f;
    buf_init(&d);
    buf_init(&j);
    buf_init(&m);
    if (p->chan)
        buf_printf(&m, "data race on channel %s (close and send)", x);
    else
        buf_printf(&m, "data race on %s", x);
    for (int k = 0; k < 2; k++) {
        const access *a = k ? &p->ab : &p->aa;
        int32_t tid = k ? p->tb : p->ta;
        buf_printf(&d, "%s ", engine_task_name(e->tasks.p[tid]));
        if (a->aop == AOP_WG_ADD) {
            buf_printf(&d, "calls Add on %s, its counter leaving zero", x);
        } else if (a->aop == AOP_WG_WAIT) {
            buf_printf(&d, "waits on %s", x);
        } else if (a->aop) {
            sync_rec rc;
            memset(&rc, 0, sizeof rc);
            rc.aop = a->aop;
            buf_puts(&d, "does an atomic ");
            atomic_noun(&d, &rc, x);
        } else {
            verb(&d, p->chan, k ? p->wb : p->wa, x);
        }
        buf_printf(&d, " at step %llu (%s:%d)\n", (unsigned long long)a->step,
                   base_name(a->file), (int)a->line);
    }
    buf_puts(&d, "not ordered: ");
    explain(r, e, &d, p);
    /* JSON: both accesses, the object */
    buf_puts(&j, "\"tasks\": [");
    for (int k = 0; k < 2; k++) {
        const access *a = k ? &p->ab : &p->aa;
        int32_t tid = k ? p->tb : p->ta;
        if (k) buf_puts(&j, ", ");
        buf_printf(&j, "{\"tid\": %d, \"name\": ", (int)tid);
        json_str(&j, engine_task_name(e->tasks.p[tid]));
        buf_puts(&j, ", \"access\": \"");
        access_noun(&j, p->chan, k ? p->wb : p->wa);
        buf_printf(
            &j, "\", \"step\": %llu, \"file\": ", (unsigned long long)a->step);
        json_str(&j, a->file ? a->file : "");
        buf_printf(&j, ", \"line\": %d}", (int)a->line);
    }
    buf_printf(&j,
               "], \"objects\": [{\"oid\": %d, \"kind\": \"%s\", \"name\": ",
               (int)p->oid, obj_kind_names[e->objs.p[p->oid]->kind]);
    json_str(&j, x);
    buf_puts(&j, "}]");
    memset(&f, 0, sizeof f);
    f.kind = WF_RACE;
    f.error = true;
    f.step = p->ab.step;
    f.tid = p->tb;
    f.message = m.p;
    f.detail = d.p;
    f.json = j.p;
    f.file = p->ab.file;
    f.line = p->ab.line;
    f.sig = p->sig;
    engine_add_finding(e, &f);
    buf_fini(&d);
    buf_fini(&j);
    buf_fini(&m);
}

/* ---- accesses --------------------------------------------------------- */

static void rv_set(race_checker *r, rc_var *v, int32_t tid, vc_time c,
                   const access *a)
{
    if ((uint32_t)tid >= v->rvn) {
        uint32_t n = v->rvn ? v->rvn * 2 : 8;
        vc_time *rv;
        access *rva;
        while (n <= (uint32_t)tid)
            n *= 2;
        rv = arena_alloc(&r->mem, n * sizeof *rv);
        rva = arena_alloc(&r->mem, n * sizeof *rva);
        if (v->rvn) {
            memcpy(rv, v->rv, v->rvn * sizeof *rv);
            memcpy(rva, v->rva, v->rvn * sizeof *rva);
        }
        v->rv = rv;
        v->rva = rva;
        v->rvn = n;
    }
    v->rv[tid] = c;
    v->rva[tid] = *a;
}

static void on_access(race_checker *r, wf_engine *e, const wf_event *ev,
                      rc_var *v, bool write, bool chan)
{
    int32_t tid = ev->tid;
    rc_task *T = task_of(r, tid);
    epoch now = now_of(T, tid);
    access a = {ev->step, ev->file, ev->line, (int32_t)r->log.len, T->ls,
                ev->op == EV_ATOMIC      ? (uint8_t)ev->aux
                : ev->op == EV_WG_ADD ? (uint8_t)AOP_WG_ADD
                : ev->op == EV_BLOCK  ? (uint8_t)AOP_WG_WAIT
                                      : 0};
    if (!write) {
        if (epoch_eq(v->r, now))
            return; /* same epoch: nothing new (FastTrack's fast path) */
        if (!epoch_leq(v->w, &T->vc))
            record(r, e, ev, chan, v->w.tid, &v->wa, true, false, &a);
        if (v->r.tid == READ_SHARED) {
            rv_set(r, v, tid, now.clock, &a);
        } else if (epoch_leq(v->r, &T->vc)) {
            v->r = now;
            v->ra = a;
        } else {
            /* concurrent reads: inflate to a read vector */
            rv_set(r, v, v->r.tid, v->r.clock, &v->ra);
            rv_set(r, v, tid, now.clock, &a);
            v->r.tid = READ_SHARED;
        }
        return;
    }
    if (epoch_eq(v->w, now)) return;
    if (!epoch_leq(v->w, &T->vc))
        record(r, e, ev, chan, v->w.tid, &v->wa, true, true, &a);
    if (v->r.tid == READ_SHARED) {
        for (uint32_t u = 0; u < v->rvn; u++)
            if (v->rv[u] > vc_get(&T->vc, (int32_t)u))
                record(r, e, ev, chan, (int32_t)u, &v->rva[u], false, true, &a);
        memset(v->rv, 0, v->rvn * sizeof *v->rv);
        v->r = epoch_none();
    } else if (!epoch_leq(v->r, &T->vc)) {
        record(r, e, ev, chan, v->r.tid, &v->ra, false, true, &a);
    }
    v->w = now;
    v->wa = a;
}

/* ---- events ----------------------------------------------------------- */

/* An atomic op or fence under C11's memory model (weft cc), with the
 * fence clocks of Lidbury and Donaldson (Dynamic race detection for
 * C++11, POPL 2017). Only what an acquire reads from a release (or a
 * release sequence) orders: a relaxed store or load orders nothing. The
 * location's clock a holds the release sequence of its last store: a
 * release store sets it to the storer's clock, a relaxed one to the
 * storer's clock at its last release fence, or adds that when the same
 * task's store heads the sequence (C11 before C++20: its later stores
 * continue it); a read-modify-write continues the sequence (joins). A
 * relaxed read keeps what it read for the task's next acquire fence.
 * What this leaves out (the explored orders stay sequentially
 * consistent): stores a relaxed load could read but the interleaving did
 * not show, and seq_cst's total order beyond happens-before. */
/* A relaxed op in the sync log, for explanations only. */
static void relaxed_rec(race_checker *r, rc_task *T, int32_t tid,
                        const wf_event *ev, bool writes)
{
    log_rec(r, T, tid, EV_ATOMIC, ev->oid, 0, writes);
    r->log.p[r->log.len - 1].relaxed = true;
    r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
}

static void on_c11(race_checker *r, wf_engine *e, const wf_event *ev,
                   rc_task *T, rc_obj *o)
{
    int32_t tid = ev->tid;
    bool acq = (ev->flags & EVF_ACQUIRE) != 0;
    bool rel = (ev->flags & EVF_RELEASE) != 0;
    bool reads = ev->aux != OP_ASTORE;
    bool writes = (ev->flags & EVF_WRITE) != 0;
    sclock *s = &o->a;
    if (ev->flags & EVF_FENCE) {
        if (acq)
            vc_join(&r->vm, &T->vc, &T->facq);
        if (rel) {
            vc_copy(&r->vm, &T->frel, &T->vc);
            tick(r, T, tid);
        }
        return;
    }
    if (reads) {
        if (acq) {
            acquire(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        } else {
            vc_join(&r->vm, &T->facq, &s->c);
            relaxed_rec(r, T, tid, ev, false);
        }
    }
    {
        int32_t shadow = obj_alias(e->objs.p[ev->oid]);
        if (shadow >= 0)
            on_access(r, e, ev, &obj_of(r, shadow)->v, writes, false);
    }
    if (!writes)
        return;
    if (reads) { /* a read-modify-write continues the sequence */
        if (rel) {
            release(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        } else {
            if (T->frel.n) {
                vc_join(&r->vm, &s->c, &T->frel);
                s->pure = false;
            }
            relaxed_rec(r, T, tid, ev, true);
        }
        return;
    }
    if (rel) { /* a release store heads a new sequence */
        s->c.n = 0;
        s->pure = false;
        release(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
        r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        o->head = tid;
        return;
    }
    if (o->head != tid) { /* a relaxed store ends the sequence */
        s->c.n = 0;
        o->head = T->frel.n ? tid : -1;
    }
    vc_join(&r->vm, &s->c, &T->frel);
    s->pure = false;
    relaxed_rec(r, T, tid, ev, true);
}

/* The k-th operation of a buffered channel meets slot k mod C: the k-th
 * send releases into it what the (k-C)-th receive left, and the k-th
 * receive takes what the k-th send left (runtime/chan.go racenotify). */
static void on_slot(race_checker *r, const wf_event *ev, size_t cap)
{
    rc_obj *o = obj_of(r, ev->oid);
    rc_task *T = task_of(r, ev->tid);
    sclock *s;
    int32_t slot;
    if (!o->slots) {
        o->slots = arena_alloc(&r->mem, cap * sizeof *o->slots);
        for (size_t i = 0; i < cap; i++) {
            o->slots[i].last = epoch_none();
            o->slots[i].pure = true;
        }
    }
    slot = (int32_t)((uint64_t)ev->aux % cap);
    s = &o->slots[slot];
    acquire(r, T, ev->tid, s, ev->op, ev->oid, slot);
    release(r, T, ev->tid, s, ev->op, ev->oid, slot);
}

/* An unbuffered send and its receive complete together: each happens
 * before the other completes, so both tasks end with the join of their
 * clocks. The engine emits both events in the same step; the first does
 * the work. */
static void on_rendezvous(race_checker *r, const wf_event *ev)
{
    rc_task *A, *B;
    uint16_t other = ev->op == EV_SEND ? EV_RECV : EV_SEND;
    if (ev->step == r->pair_step && ev->oid == r->pair_oid &&
        ev->tid == r->pair_peer && ev->peer == r->pair_tid)
        return;
    r->pair_step = ev->step;
    r->pair_oid = ev->oid;
    r->pair_tid = ev->tid;
    r->pair_peer = ev->peer;
    task_of(r, ev->peer);
    A = task_of(r, ev->tid);
    B = &r->tasks.p[ev->peer]; /* after both exist: no move in between */
    log_rec(r, A, ev->tid, ev->op, ev->oid, 0, false);
    log_rec(r, B, ev->peer, other, ev->oid, 0, false);
    vc_join(&r->vm, &A->vc, &B->vc);
    vc_copy(&r->vm, &B->vc, &A->vc);
    log_rec(r, A, ev->tid, ev->op, ev->oid, 0, true);
    log_rec(r, B, ev->peer, other, ev->oid, 0, true);
    tick(r, A, ev->tid);
    tick(r, B, ev->peer);
}

/* An event on a sync object: what its class says it does to
 * happens-before (obj_class.hb_marks), applied in order. */
static void on_marks(race_checker *r, wf_engine *e, const wf_event *ev)
{
    hb_mark m[HB_MARKS_MAX];
    const obj_class *c;
    int32_t tid = ev->tid, oid = ev->oid;
    int n;
    if (oid < 0 || (size_t)oid >= e->objs.len)
        return;
    c = obj_class_of(e->objs.p[oid]);
    if (!c->hb_marks)
        return;
    n = c->hb_marks(ev, m);
    for (int i = 0; i < n; i++) {
        rc_obj *o = obj_of(r, oid);
        rc_task *T = task_of(r, tid);
        sclock *s = m[i].clock == HB_READERS ? &o->b : &o->a;
        int32_t sub = m[i].clock == HB_READERS ? SUB_READERS
                      : m[i].clock == HB_CLOSE ? SUB_CLOSE
                                               : 0;
        switch ((hb_op)m[i].op) {
        case HB_ACQUIRE:
            acquire(r, T, tid, s, ev->op, oid, sub);
            break;
        case HB_RELEASE:
            release(r, T, tid, s, ev->op, oid, sub);
            break;
        case HB_READ:
        case HB_WRITE:
            on_access(r, e, ev, &o->v, m[i].op == HB_WRITE, m[i].chan);
            break;
        case HB_PARK:
            if (o->nwait++ == 0) /* the first waiter to park */
                on_access(r, e, ev, &o->v, true, false);
            break;
        case HB_UNPARK:
            if (o->nwait > 0)
                o->nwait--;
            acquire(r, T, tid, &o->a, ev->op, oid, 0);
            break;
        case HB_ALIAS: {
            /* an atomic op on a plain variable also accesses it: ordered
             * after the atomics before it (acquired just now), concurrent
             * with a plain access nothing orders (a mixed-access race) */
            int32_t shadow = obj_alias(e->objs.p[oid]);
            if (shadow >= 0)
                on_access(r, e, ev, &obj_of(r, shadow)->v,
                          (ev->flags & EVF_WRITE) != 0, false);
            break;
        }
        case HB_TRANSFER:
            if (chan_cap(e, oid))
                on_slot(r, ev, chan_cap(e, oid));
            else if (ev->peer >= 0)
                on_rendezvous(r, ev);
            break;
        case HB_HOLD:
            lock_held(r, T, oid, m[i].read);
            break;
        case HB_DROP:
            lock_dropped(r, T, oid, m[i].read);
            break;
        }
        if (ev->op == EV_ATOMIC &&
            (m[i].op == HB_ACQUIRE || m[i].op == HB_RELEASE))
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
    }
}

static void on_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    race_checker *r = ctx;
    int32_t tid = ev->tid, oid = ev->oid;
    uint16_t eop = ev->op;
    rc_task *T;
    switch ((ev_op)ev->op) {
    case EV_READ:
    case EV_WRITE:
        on_access(r, e, ev, &obj_of(r, oid)->v, eop == EV_WRITE, false);
        return;
    case EV_SPAWN: {
        rc_task *C;
        task_of(r, ev->peer);
        T = task_of(r, tid);
        C = &r->tasks.p[ev->peer];
        vc_copy(&r->vm, &C->vc, &T->vc);
        vc_set(&r->vm, &C->vc, ev->peer, 1);
        log_rec(r, T, tid, EV_SPAWN, SPAWN_OID(ev->peer), 0, true);
        log_rec(r, C, ev->peer, EV_SPAWN, SPAWN_OID(ev->peer), 0, false);
        tick(r, T, tid);
        return;
    }
    case EV_EXIT:
        /* nothing reads an exited task's clock again: recycle it */
        if ((size_t)tid < r->tasks.len && r->tasks.p[tid].init) {
            vc_release(&r->vm, &r->tasks.p[tid].vc);
            vc_release(&r->vm, &r->tasks.p[tid].frel);
            vc_release(&r->vm, &r->tasks.p[tid].facq);
        }
        return;
    case EV_ATOMIC:
        if (ev->flags & EVF_C11) { /* weft cc: C11's memory orders */
            on_c11(r, e, ev, task_of(r, tid), obj_of(r, oid));
            return;
        }
        on_marks(r, e, ev);
        return;
    default:
        on_marks(r, e, ev);
        return;
    }
}

static void on_begin(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    (void)e;
    arena_reset(&r->mem);
    vc_mem_init(&r->vm, &r->mem);
    r->tasks.len = 0;
    r->objs.len = 0;
    r->log.len = 0;
    r->races.len = 0;
    r->pair_step = UINT64_MAX;
    r->counted = 0; /* the engine's reset emptied its mem_extra */
    r->empty = arena_alloc(&r->mem, sizeof *r->empty);
}

/* After a step: what the execution's clocks, locksets and synchronization
 * log grew by counts against the memory budget (the log grows with every
 * synchronization: a loop of channel operations fills any budget). */
static void on_step_end(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    uint64_t b = r->mem.total + r->log.len * sizeof *r->log.p +
                 r->tasks.len * sizeof *r->tasks.p +
                 r->objs.len * sizeof *r->objs.p +
                 r->races.len * sizeof *r->races.p;
    e->mem_extra += b - r->counted;
    r->counted = b;
}

/* The races of the execution become findings, in the order found. */
static void on_end(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    for (size_t i = 0; i < r->races.len; i++)
        report(r, e, &r->races.p[i]);
}

race_checker *race_new(void)
{
    race_checker *r = wf_xcalloc(1, sizeof *r);
    arena_init(&r->mem);
    vc_mem_init(&r->vm, &r->mem);
    return r;
}

void race_free(race_checker *r)
{
    if (!r) return;
    arena_fini(&r->mem);
    VEC_FREE(r->tasks);
    VEC_FREE(r->objs);
    VEC_FREE(r->log);
    VEC_FREE(r->races);
    free(r);
}

wf_consumer race_consumer(race_checker *r)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = r;
    c.begin = on_begin;
    c.event = on_event;
    c.end = on_end;
    c.step_end = on_step_end;
    return c;
}

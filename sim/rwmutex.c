/* rwmutex.c: sync.RWMutex (see rwmutex.h). */
#include "rwmutex.h"

#include <string.h>

#include "mutex.h"

wf_rwmutex *rwmutex_new(wf_engine *e, const char *name, const char *file,
                        int line)
{
    wf_rwmutex *m = arena_alloc(&e->mem, sizeof *m);
    engine_add_obj(e, &m->hdr, OBJ_RWMUTEX, name, file, line);
    return m;
}

bool rwmutex_check(const wf_rwmutex *m)
{
    if (m->writer_holds && (!m->writer_in || m->readers))
        return false;
    return m->nrholders == m->readers;
}

static void add_reader(wf_engine *e, wf_rwmutex *m, wf_task *t)
{
    if (m->nrholders == m->caprholders) {
        int32_t n = m->caprholders ? m->caprholders * 2 : 4;
        int32_t *p = arena_alloc(&e->mem, (size_t)n * sizeof *p);
        if (m->nrholders)
            memcpy(p, m->rholders, (size_t)m->nrholders * sizeof *p);
        m->rholders = p;
        m->caprholders = n;
    }
    m->rholders[m->nrholders++] = t->tid;
    m->readers++;
}

static void remove_reader(wf_rwmutex *m, wf_task *t)
{
    int32_t i, at = m->nrholders - 1; /* Go lets any task RUnlock */
    for (i = m->nrholders - 1; i >= 0; i--)
        if (m->rholders[i] == t->tid) {
            at = i;
            break;
        }
    memmove(m->rholders + at, m->rholders + at + 1,
            (size_t)(m->nrholders - at - 1) * sizeof *m->rholders);
    m->nrholders--;
    m->readers--;
}

static void join_pending(wf_engine *e, wf_task *t, wf_rwmutex *m)
{
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    t->wait_grants = m->grants;
    waitq_push(&m->wpending, &t->op.w);
}

/* Whether a pending Lock may take the writer slot now. */
static bool writer_may_enter(const wf_rwmutex *m)
{
    return !m->writer_in && !(m->prefer_readers && m->readers);
}

void rwmutex_expose(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (e->cfg.mutex_fifo) {
        engine_set_enabled(e, t, true);
        return;
    }
    join_pending(e, t, m);
    engine_set_enabled(e, t, writer_may_enter(m));
    if (m->writer_in)
        engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->writer->tid, 0, 0);
    else if (!writer_may_enter(m))
        engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->rholders[0], 0, 0);
}

/* prefer_readers: enable or disable the pending writers as readers come
 * and go. */
static void writers_follow_readers(wf_engine *e, wf_rwmutex *m)
{
    if (!m->prefer_readers || e->cfg.mutex_fifo)
        return;
    for (waiter *w = m->wpending.head; w; w = w->next)
        engine_set_enabled(e, w->task, writer_may_enter(m));
}

void rwmutex_rexpose(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(&m->rpending, &t->op.w);
    /* a reader waiting for the writer is admitted by its Unlock: the
     * reduction notes it (its arrival is not an event, so RLocks still
     * commute with each other) */
    if (m->writer_in)
        engine_access(e, m->hdr.oid, ACC_PARK);
    engine_set_enabled(e, t, !m->writer_in);
    if (m->writer_in)
        engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->writer->tid, 0, 0);
}

static void set_readers_enabled(wf_engine *e, wf_rwmutex *m, bool on)
{
    for (waiter *w = m->rpending.head; w; w = w->next) {
        wf_task *r = w->task;
        if (!on && r->state == TASK_RUNNABLE) /* it blocks now */
            engine_emit(e, r->tid, EV_BLOCK, 0, m->hdr.oid,
                        m->writer ? m->writer->tid : -1, 0, 0, r->op.file,
                        r->op.line);
        engine_set_enabled(e, r, on);
    }
}

/* t holds the writer slot: take the lock if no reader is inside, else wait
 * for the last one to leave. */
static step_result enter_writer(wf_engine *e, wf_task *t, wf_rwmutex *m)
{
    m->writer_in = true;
    m->writer = t;
    m->grants++;
    engine_access(e, m->hdr.oid, ACC_ACQUIRE);
    set_readers_enabled(e, m, false);
    if (m->readers == 0) {
        m->writer_holds = true;
        engine_emit_op(e, t, EV_LOCK, 0, &m->hdr, -1, 0, 0);
        return STEP_DONE;
    }
    engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->rholders[0], 0, 0);
    engine_park(e, t);
    return STEP_PARKED;
}

step_result rwmutex_lock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (e->cfg.mutex_fifo) {
        if (m->writer_in) {
            engine_access(e, m->hdr.oid, ACC_WRITE);
            join_pending(e, t, m);
            engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->writer->tid, 0, 0);
            engine_park(e, t);
            return STEP_PARKED;
        }
        return enter_writer(e, t, m);
    }
    WF_ASSERT(!m->writer_in);
    waiter_unlink(&t->op.w);
    mutex_account_bypass(t, m->grants);
    for (waiter *w = m->wpending.head; w; w = w->next)
        engine_set_enabled(e, w->task, false);
    return enter_writer(e, t, m);
}

/* The writer slot is free again (t, its holder, unlocked or gave up
 * waiting): the readers that arrived meanwhile go in before any writer,
 * as sync/rwmutex.go's Unlock releases readerSem first; then a pending
 * writer may take the slot. */
static void release_slot(wf_engine *e, wf_rwmutex *m, wf_task *t)
{
    waiter *w;
    while ((w = waitq_pop(&m->rpending))) {
        wf_task *r = w->task;
        add_reader(e, m, r);
        engine_emit(e, r->tid, EV_RLOCK, 0, m->hdr.oid, t->tid, 0, 0,
                    r->op.file, r->op.line);
        engine_complete(e, r);
    }
    m->writer_in = false;
    m->writer = NULL;
    if (e->cfg.mutex_fifo) {
        w = waitq_pop(&m->wpending);
        if (w) {
            wf_task *u = w->task;
            mutex_account_bypass(u, m->grants);
            m->writer_in = true;
            m->writer = u;
            m->grants++;
            if (m->readers == 0) {
                m->writer_holds = true;
                engine_emit(e, u->tid, EV_LOCK, 0, m->hdr.oid, t->tid, 0, 0,
                            u->op.file, u->op.line);
                engine_complete(e, u);
            }
            /* else it waits for the admitted readers; still parked */
        }
        return;
    }
    for (w = m->wpending.head; w; w = w->next)
        engine_set_enabled(e, w->task, writer_may_enter(m));
}

/* t, in the writer slot waiting for the readers inside to leave, gives up
 * (a timed lock's deadline passed): it leaves the slot, so the readers it
 * held back go in and another writer may take the slot. */
void rwmutex_leave_slot(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    WF_ASSERT(m->writer == t && m->writer_in && !m->writer_holds);
    release_slot(e, m, t);
}

step_result rwmutex_unlock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (!m->writer_holds)
        return engine_panic(e, t, GO_RW_UNLOCK_UNLOCKED, true);
    m->writer_holds = false;
    engine_access(e, m->hdr.oid, ACC_RELEASE);
    engine_emit_op(e, t, EV_UNLOCK, 0, &m->hdr, -1, 0, 0);
    release_slot(e, m, t);
    return STEP_DONE;
}

step_result rwmutex_rlock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    WF_ASSERT(!m->writer_in);
    waiter_unlink(&t->op.w);
    engine_access(e, m->hdr.oid, ACC_READ);
    add_reader(e, m, t);
    engine_emit_op(e, t, EV_RLOCK, 0, &m->hdr, -1, 0, 0);
    writers_follow_readers(e, m);
    return STEP_DONE;
}

step_result rwmutex_runlock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (m->readers == 0)
        return engine_panic(e, t, GO_RW_RUNLOCK_UNLOCKED, true);
    remove_reader(m, t);
    /* commutes with RLock and other RUnlocks; orders a later Lock */
    engine_access(e, m->hdr.oid, ACC_RUNLOCK);
    engine_emit_op(e, t, EV_RUNLOCK, 0, &m->hdr, -1, 0, 0);
    if (m->readers == 0 && m->writer_in && !m->writer_holds) {
        /* The last reader out hands the lock to the waiting writer. */
        wf_task *w = m->writer;
        m->writer_holds = true;
        engine_emit(e, w->tid, EV_LOCK, 0, m->hdr.oid, t->tid, 0, 0,
                    w->op.file, w->op.line);
        engine_complete(e, w);
    }
    writers_follow_readers(e, m);
    return STEP_DONE;
}

/* TryLock: the lock when nobody holds it, neither a writer (nor one in
 * the writer slot, waiting for readers) nor a reader, as sync/rwmutex.go's
 * TryLock takes w and then swaps readerCount from 0; it never waits. A
 * failure only reads the state, but is ordered with the Unlock that would
 * have let it succeed, as Mutex's is. */
step_result rwmutex_trylock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (m->writer_in || m->readers) {
        t->op.ok = false;
        engine_access(e, m->hdr.oid, ACC_WRITE);
        engine_emit_op(e, t, EV_TRYLOCK, EVF_FAILED, &m->hdr,
                       m->writer_in ? m->writer->tid : m->rholders[0], 0, 0);
        return STEP_DONE;
    }
    t->op.ok = true;
    m->writer_in = true;
    m->writer_holds = true;
    m->writer = t;
    m->grants++;
    engine_access(e, m->hdr.oid, ACC_ACQUIRE);
    engine_emit_op(e, t, EV_TRYLOCK, 0, &m->hdr, -1, 0, 0);
    set_readers_enabled(e, m, false);
    if (!e->cfg.mutex_fifo)
        for (waiter *w = m->wpending.head; w; w = w->next)
            engine_set_enabled(e, w->task, false);
    return STEP_DONE;
}

/* TryRLock: a read lock unless a writer holds the lock or its writer slot
 * (readerCount < 0 in sync/rwmutex.go); a Lock still waiting for the
 * writer slot does not shut it out. It never waits. */
step_result rwmutex_tryrlock(wf_engine *e, wf_task *t)
{
    wf_rwmutex *m = (wf_rwmutex *)t->op.obj;
    if (m->writer_in) {
        t->op.ok = false;
        engine_access(e, m->hdr.oid, ACC_WRITE);
        engine_emit_op(e, t, EV_TRYRLOCK, EVF_FAILED, &m->hdr,
                       m->writer->tid, 0, 0);
        return STEP_DONE;
    }
    t->op.ok = true;
    engine_access(e, m->hdr.oid, ACC_READ);
    add_reader(e, m, t);
    engine_emit_op(e, t, EV_TRYRLOCK, 0, &m->hdr, -1, 0, 0);
    writers_follow_readers(e, m);
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_WLOCK)
        rwmutex_expose(e, t);
    else if (t->op.kind == OP_RLOCK)
        rwmutex_rexpose(e, t);
    else
        engine_set_state(e, t, TASK_RUNNABLE);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    switch ((op_kind)t->op.kind) {
    case OP_WLOCK:
        return rwmutex_lock(e, t);
    case OP_WUNLOCK:
        return rwmutex_unlock(e, t);
    case OP_RLOCK:
        return rwmutex_rlock(e, t);
    case OP_TRYWLOCK:
        return rwmutex_trylock(e, t);
    case OP_TRYRLOCK:
        return rwmutex_tryrlock(e, t);
    default:
        return rwmutex_runlock(e, t);
    }
}

static bool would_panic(const op *o)
{
    const wf_rwmutex *m = (const wf_rwmutex *)o->obj;
    if (o->kind == OP_WUNLOCK)
        return !m->writer_holds;
    if (o->kind == OP_RUNLOCK)
        return m->readers == 0;
    return false;
}

/* Lock acquires; RLocks only read (they commute); unlocks write, and so
 * do the tries, as Mutex's TryLock: whether one succeeds depends on the
 * order with every Lock, Unlock and RUnlock (their failure is not guarded
 * by the Unlock that would have let them in). */
static void pending(const op *o, acc_vec *out)
{
    acc_type t = o->kind == OP_WLOCK   ? ACC_ACQUIRE
                 : o->kind == OP_RLOCK ? ACC_READ
                                       : ACC_WRITE;
    acc_push(out, o->obj, t);
}

/* The write lock (once it holds the lock, not merely the writer slot)
 * and each read lock t holds. */
static int holds(const wf_obj *o, const wf_task *t)
{
    const wf_rwmutex *m = (const wf_rwmutex *)o;
    int n = m->writer == t && m->writer_holds;
    for (int32_t k = 0; k < m->nrholders; k++)
        n += m->rholders[k] == t->tid;
    return n;
}

static const waitq *lockers(const wf_obj *o)
{
    return &((const wf_rwmutex *)o)->wpending;
}

static void view(const wf_obj *o, obj_view *out)
{
    const wf_rwmutex *m = (const wf_rwmutex *)o;
    out->holder = m->writer_holds ? m->writer : NULL;
    out->writer = m->writer;
    out->readers = m->rholders;
    out->nreaders = m->nrholders;
}

static bool check(const wf_engine *e, const wf_obj *o)
{
    (void)e;
    return rwmutex_check((const wf_rwmutex *)o);
}

/* The read holders of m, each once, at most MAX_READERS named: full
 * names, or as n spells tasks. */
#define MAX_READERS 8
static void readers_text(const report_names *n, const wf_rwmutex *m,
                         bool full, buf *b)
{
    int32_t seen[MAX_READERS];
    int k = 0;
    for (int32_t i = 0; i < m->nrholders; i++) {
        bool dup = false;
        for (int j = 0; j < k; j++)
            dup |= seen[j] == m->rholders[i];
        if (dup) continue;
        if (k == MAX_READERS) {
            buf_puts(b, " and others");
            return;
        }
        seen[k] = m->rholders[i];
        if (k++) buf_puts(b, ", ");
        if (full)
            buf_puts(b, n->e->tasks.p[m->rholders[i]]->name);
        else
            n->task(b, n->e, m->rholders[i]);
    }
}

/* "waits for rw held by g1", "waits for rw read-held by g2, g3", "waits
 * to read-lock rw behind the pending writer g4" */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    const wf_rwmutex *m = (const wf_rwmutex *)t->op.obj;
    const wf_task *holder = m && m->writer_holds ? m->writer : NULL;
    if (!m || (t->op.kind != OP_WLOCK && t->op.kind != OP_RLOCK)) {
        op_blocked_phrase(&t->op, b);
        return NULL;
    }
    if (t->op.kind == OP_RLOCK) {
        buf_printf(b, "waits to read-lock %s", n->obj(n->e, t->op.obj));
        if (m->writer)
            buf_printf(b, " %s %s",
                       holder ? "held by" : "behind the pending writer",
                       m->writer->name);
    } else if (m->writer && m->writer != t) {
        buf_printf(b, "waits for %s %s %s", n->obj(n->e, t->op.obj),
                   holder ? "held by" : "behind the pending writer",
                   m->writer->name);
    } else {
        buf_printf(b, "waits for %s read-held by ", n->obj(n->e, t->op.obj));
        readers_text(n, m, true, b);
    }
    return NULL;
}

/* "rw is held for writing by g1", "rw is held for reading by g2, and g3
 * holds its writer slot, which shuts out new readers" */
static bool excl_phrase(const report_names *n, const wf_obj *o, buf *b)
{
    const wf_rwmutex *m = (const wf_rwmutex *)o;
    if (m->writer_holds && m->writer) {
        buf_printf(b, "%s is held for writing by ", n->obj(n->e, o));
        n->task(b, n->e, m->writer->tid);
        return true;
    }
    buf_printf(b, "%s is held for reading by ", n->obj(n->e, o));
    readers_text(n, m, false, b);
    if (m->writer) {
        buf_puts(b, ", and ");
        n->task(b, n->e, m->writer->tid);
        buf_puts(b, " holds its writer slot, which shuts out new readers");
    }
    return true;
}

/* Lock acquires what the Unlock and the RUnlocks before it released;
 * RLock what the Unlock released (sync/rwmutex.go); a successful TryLock
 * or TryRLock as Lock or RLock, a failed one nothing. */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    int n = 0;
    switch ((ev_op)ev->op) {
    case EV_LOCK:
    case EV_TRYLOCK:
        if (ev->flags & EVF_FAILED)
            break;
        n = hb_push(out, n, HB_ACQUIRE, HB_MAIN);
        n = hb_push(out, n, HB_ACQUIRE, HB_READERS);
        n = hb_push(out, n, HB_HOLD, HB_MAIN);
        break;
    case EV_UNLOCK:
        n = hb_push(out, n, HB_RELEASE, HB_MAIN);
        n = hb_push(out, n, HB_DROP, HB_MAIN);
        break;
    case EV_TRYRLOCK:
        if (ev->flags & EVF_FAILED)
            break;
        /* fallthrough */
    case EV_RLOCK:
        n = hb_push(out, n, HB_ACQUIRE, HB_MAIN);
        n = hb_push(out, n, HB_HOLD, HB_MAIN);
        out[n - 1].read = true;
        break;
    case EV_RUNLOCK:
        n = hb_push(out, n, HB_RELEASE, HB_READERS);
        n = hb_push(out, n, HB_DROP, HB_MAIN);
        out[n - 1].read = true;
        break;
    default:
        break;
    }
    return n;
}

const obj_class rwmutex_class = {
    .kind = OBJ_RWMUTEX,
    .name = "rwmutex",
    .expose = expose,
    .perform = perform,
    .would_panic = would_panic,
    .pending = pending,
    .holds = holds,
    .lockers = lockers,
    .view = view,
    .check = check,
    .wait_phrase = wait_phrase,
    .excl_phrase = excl_phrase,
    .hb_marks = hb_marks,
};

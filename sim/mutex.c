/* mutex.c: sync.Mutex (see mutex.h for the two semantics). */
#include "mutex.h"

#include "var.h"

wf_mutex *mutex_new(wf_engine *e, const char *name, const char *file,
                    int line)
{
    wf_mutex *m = arena_alloc(&e->mem, sizeof *m);
    engine_add_obj(e, &m->hdr, OBJ_MUTEX, name, file, line);
    m->shadow = -1;
    return m;
}

void mutex_account_bypass(wf_task *t, uint64_t grants_now)
{
    uint64_t b = grants_now - t->wait_grants;
    t->m.bypasses += b;
    if (b > t->m.max_bypass_streak)
        t->m.max_bypass_streak = b;
}

/* An access of m's state, and a write of the word it shadows (of its
 * array's range too, for a Mutex in an array's element). */
static void access2(wf_engine *e, const wf_mutex *m, acc_type t)
{
    engine_access(e, m->hdr.oid, t);
    if (m->shadow >= 0) {
        engine_access(e, m->shadow, t);
        var_range_write(e, m->shadow);
    }
}

static void join_lockers(wf_engine *e, wf_task *t, wf_mutex *m)
{
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    t->wait_grants = m->grants;
    waitq_push(&m->lockers, &t->op.w);
}

void mutex_expose(wf_engine *e, wf_task *t)
{
    wf_mutex *m = (wf_mutex *)t->op.obj;
    if (e->cfg.mutex_fifo) {
        engine_set_enabled(e, t, true); /* Lock parks if held */
        return;
    }
    join_lockers(e, t, m);
    engine_set_enabled(e, t, !m->locked);
    if (m->locked)
        engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->holder->tid, 0, 0);
}

/* m was just taken by t: every other pending locker waits until the next
 * Unlock (a block event for each that could run until now). */
static void disable_lockers(wf_engine *e, wf_mutex *m, wf_task *t)
{
    for (waiter *w = m->lockers.head; w; w = w->next) {
        wf_task *u = w->task;
        if (u->state == TASK_RUNNABLE)
            engine_emit(e, u->tid, EV_BLOCK, 0, m->hdr.oid, t->tid, 0, 0,
                        u->op.file, u->op.line);
        engine_set_enabled(e, u, false);
    }
}

static void acquire(wf_engine *e, wf_task *t, wf_mutex *m, uint16_t flags)
{
    access2(e, m, ACC_ACQUIRE);
    m->locked = true;
    m->holder = t;
    m->grants++;
    engine_emit_op(e, t, EV_LOCK, flags, &m->hdr, -1, 0, 0);
}

step_result mutex_lock(wf_engine *e, wf_task *t)
{
    wf_mutex *m = (wf_mutex *)t->op.obj;
    uint16_t f = t->op.relock ? EVF_RELOCK : 0;
    if (e->cfg.mutex_fifo) {
        if (m->locked) {
            access2(e, m, ACC_WRITE);
            join_lockers(e, t, m);
            engine_emit_op(e, t, EV_BLOCK, 0, &m->hdr, m->holder->tid, 0, 0);
            engine_park(e, t);
            return STEP_PARKED;
        }
        acquire(e, t, m, f);
        return STEP_DONE;
    }
    WF_ASSERT(!m->locked);
    waiter_unlink(&t->op.w);
    mutex_account_bypass(t, m->grants);
    acquire(e, t, m, f);
    disable_lockers(e, m, t);
    return STEP_DONE;
}

bool mutex_release(wf_engine *e, wf_task *t, wf_mutex *m)
{
    waiter *w;
    access2(e, m, ACC_RELEASE);
    if (!m->locked)
        return false;
    m->locked = false;
    m->holder = NULL;
    engine_emit_op(e, t, EV_UNLOCK, 0, &m->hdr, -1, 0, 0);
    if (e->cfg.mutex_fifo) {
        w = waitq_pop(&m->lockers);
        if (w) { /* hand off to the longest waiter */
            wf_task *u = w->task;
            mutex_account_bypass(u, m->grants);
            m->locked = true;
            m->holder = u;
            m->grants++;
            engine_emit(e, u->tid, EV_LOCK, u->op.relock ? EVF_RELOCK : 0,
                        m->hdr.oid, t->tid, 0, 0, u->op.file, u->op.line);
            engine_complete(e, u);
        }
        return true;
    }
    for (w = m->lockers.head; w; w = w->next)
        if (!w->task->awaiting) /* (await.c wakes it) */
            engine_set_enabled(e, w->task, true);
    return true;
}

step_result mutex_unlock(wf_engine *e, wf_task *t)
{
    wf_mutex *m = (wf_mutex *)t->op.obj;
    if (!mutex_release(e, t, m))
        return engine_panic(e, t, GO_UNLOCK_UNLOCKED, true);
    return STEP_DONE;
}

step_result mutex_trylock(wf_engine *e, wf_task *t)
{
    wf_mutex *m = (wf_mutex *)t->op.obj;
    access2(e, m, m->locked ? ACC_WRITE : ACC_ACQUIRE);
    if (m->locked) {
        t->op.ok = false;
        engine_emit_op(e, t, EV_TRYLOCK, EVF_FAILED, &m->hdr, m->holder->tid,
                       0, 0);
        return STEP_DONE;
    }
    t->op.ok = true;
    m->locked = true;
    m->holder = t;
    m->grants++;
    engine_emit_op(e, t, EV_TRYLOCK, 0, &m->hdr, -1, 0, 0);
    if (!e->cfg.mutex_fifo)
        disable_lockers(e, m, t);
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_LOCK)
        mutex_expose(e, t);
    else
        engine_set_state(e, t, TASK_RUNNABLE);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    switch ((op_kind)t->op.kind) {
    case OP_LOCK:
        return mutex_lock(e, t);
    case OP_UNLOCK:
        return mutex_unlock(e, t);
    default:
        return mutex_trylock(e, t);
    }
}

static bool would_panic(const op *o)
{
    return o->kind == OP_UNLOCK && !((const wf_mutex *)o->obj)->locked;
}

/* A Lock acquires (ordered after the Unlock that enabled it); Unlock and
 * TryLock write. */
static void pending(const op *o, acc_vec *out)
{
    acc_type t = o->kind == OP_LOCK ? ACC_ACQUIRE : ACC_WRITE;
    int32_t shadow = ((const wf_mutex *)o->obj)->shadow;
    acc_push(out, o->obj, t);
    if (shadow >= 0) {
        acc_rec a = {shadow, (uint8_t)t, 0, 0, 0};
        VEC_PUSH(*out, a);
    }
}

static bool touches(const op *o, int32_t oid)
{
    return o->obj && (o->obj->oid == oid ||
                      ((const wf_mutex *)o->obj)->shadow == oid);
}

static int32_t alias(const wf_obj *o)
{
    return ((const wf_mutex *)o)->shadow;
}

static int holds(const wf_obj *o, const wf_task *t)
{
    return ((const wf_mutex *)o)->holder == t;
}

static const waitq *lockers(const wf_obj *o)
{
    return &((const wf_mutex *)o)->lockers;
}

static void view(const wf_obj *o, obj_view *out)
{
    const wf_mutex *m = (const wf_mutex *)o;
    out->holder = m->locked ? m->holder : NULL;
}

static bool check(const wf_engine *e, const wf_obj *o)
{
    const wf_mutex *m = (const wf_mutex *)o;
    (void)e;
    return (m->holder != NULL) == m->locked;
}

/* "waits for mu held by g2 worker" */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    const wf_mutex *m = (const wf_mutex *)t->op.obj;
    if (t->op.kind != OP_LOCK || !m) {
        op_blocked_phrase(&t->op, b);
        return NULL;
    }
    buf_printf(b, "waits for %s", n->obj(n->e, t->op.obj));
    if (m->locked && m->holder) {
        buf_printf(b, " held by %s", m->holder->name);
        /* a lock leaked by a return before its Unlock (an early error
         * path): its holder is gone and nobody can unlock it */
        if (m->holder->state == TASK_DONE)
            buf_puts(b, ", which ended without unlocking it");
    }
    return NULL;
}

/* Lock acquires what the Unlock before it released; both write the
 * state word a copy of the Mutex reads (an atomic write: two of them
 * never race, as Go's atomics do not). */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    int n = 0;
    if ((ev->op == EV_LOCK || ev->op == EV_TRYLOCK) &&
        !(ev->flags & EVF_FAILED)) {
        n = hb_push(out, n, HB_ACQUIRE, HB_MAIN);
        n = hb_push(out, n, HB_ALIAS_WRITE, HB_MAIN);
        n = hb_push(out, n, HB_HOLD, HB_MAIN);
    } else if (ev->op == EV_UNLOCK) {
        n = hb_push(out, n, HB_ALIAS_WRITE, HB_MAIN);
        n = hb_push(out, n, HB_RELEASE, HB_MAIN);
        n = hb_push(out, n, HB_DROP, HB_MAIN);
    }
    return n;
}

const obj_class mutex_class = {
    .kind = OBJ_MUTEX,
    .name = "mutex",
    .expose = expose,
    .perform = perform,
    .would_panic = would_panic,
    .pending = pending,
    .touches = touches,
    .holds = holds,
    .lockers = lockers,
    .alias = alias,
    .view = view,
    .check = check,
    .wait_phrase = wait_phrase,
    .hb_marks = hb_marks,
};

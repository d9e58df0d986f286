/* cond.c: sync.Cond (see cond.h). */
#include "cond.h"

#include "mutex.h"

wf_cond *cond_new(wf_engine *e, const char *name, wf_mutex *m,
                  const char *file, int line)
{
    wf_cond *c = arena_alloc(&e->mem, sizeof *c);
    c->m = m;
    engine_add_obj(e, &c->hdr, OBJ_COND, name, file, line);
    return c;
}

wf_cond *cond_sem_new(wf_engine *e, const char *name, int64_t v,
                      const char *file, int line)
{
    wf_cond *c = cond_new(e, name, NULL, file, line);
    c->sem = true;
    c->count = v;
    return c;
}

/* Is t parked on its ticket right now (rather than between ticket and
 * park, in the general form)? */
static bool parked_on_ticket(const wf_task *t)
{
    return (t->op.kind == OP_COND_WAIT || t->op.kind == OP_COND_PARK) &&
           t->op.parked;
}

/* The ticket of t is notified: wake it if parked (into the relock for the
 * mutex form), or let its coming park return at once. */
static void notify(wf_engine *e, wf_cond *c, wf_task *t, wf_task *by,
                   bool spurious)
{
    waiter_unlink(&t->cond_w);
    t->cond_notified = true;
    engine_emit(e, t->tid, EV_UNBLOCK, 0, c->hdr.oid, by ? by->tid : -1,
                spurious, 0, t->op.file, t->op.line);
    if (!parked_on_ticket(t))
        return;
    t->cond_notified = false;
    t->op.parked = false;
    if (t->state == TASK_RUNNABLE) { /* enabled for a spurious wakeup */
        engine_set_enabled(e, t, false);
        e->nspurious--;
    }
    if (t->op.kind == OP_COND_WAIT && c->m) {
        /* The wait continues as the relock of c->m. */
        t->op.kind = OP_LOCK;
        t->op.obj = &c->m->hdr;
        t->op.relock = true;
        t->m.blocked += e->step - t->since;
        t->since = e->step;
        mutex_expose(e, t);
        return;
    }
    engine_complete(e, t);
}

step_result cond_wait(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    t->cond_w.task = t;
    t->cond_w.ncase = -1;
    t->cond_w.seq = e->wait_seq++;
    t->cond_notified = false;
    engine_access(e, c->hdr.oid, ACC_WRITE);
    if (c->m && !c->m->locked)
        return engine_panic(e, t, GO_UNLOCK_UNLOCKED, true);
    waitq_push(&c->tickets, &t->cond_w);
    engine_emit_op(e, t, EV_WAIT, 0, &c->hdr, -1, 0,
                   (int64_t)t->cond_w.seq);
    if (!c->m)
        return STEP_DONE; /* the front end unlocks L, then parks */
    mutex_release(e, t, c->m);
    t->op.parked = true;
    engine_park(e, t);
    if (e->cfg.spurious_wakeups) {
        engine_set_enabled(e, t, true);
        e->nspurious++;
    }
    return STEP_PARKED;
}

step_result cond_park(wf_engine *e, wf_task *t)
{
    engine_access(e, t->op.obj->oid, ACC_WRITE);
    if (t->cond_notified) {
        t->cond_notified = false;
        return STEP_DONE;
    }
    t->op.parked = true;
    engine_park(e, t);
    if (e->cfg.spurious_wakeups) {
        engine_set_enabled(e, t, true);
        e->nspurious++;
    }
    return STEP_PARKED;
}

step_result cond_spurious(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    engine_access(e, c->hdr.oid, ACC_WRITE);
    notify(e, c, t, NULL, true);
    return STEP_PARKED; /* woken or turned into the relock by notify */
}

step_result cond_signal(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    waiter *w = c->tickets.head;
    engine_access(e, c->hdr.oid, ACC_WRITE);
    if (w && e->cfg.cond_order_any && c->tickets.len > 1) {
        int idx;
        engine_cands_reset(e);
        for (waiter *x = c->tickets.head; x; x = x->next)
            engine_cands_add(e, x, x->task->tid);
        idx = engine_cands_choose(e, CHOICE_COND);
        if (idx < 0)
            return STEP_DONE;
        w = e->cands.p[idx];
    }
    engine_emit_op(e, t, EV_SIGNAL, 0, &c->hdr, w ? w->task->tid : -1, 0, 0);
    if (w)
        notify(e, c, w->task, t, false);
    return STEP_DONE;
}

step_result cond_broadcast(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    engine_access(e, c->hdr.oid, ACC_WRITE);
    engine_emit_op(e, t, EV_BROADCAST, 0, &c->hdr, -1, c->tickets.len, 0);
    while (c->tickets.head)
        notify(e, c, c->tickets.head->task, t, false);
    return STEP_DONE;
}

/* ---- a POSIX semaphore (sem mode, cond.h) ------------------------------ */

/* A sem_wait exposed: enabled while the value is above zero; else it
 * waits in semq (a blocked attempt: its block event, no access). */
static void sem_expose(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(&c->semq, &t->op.w);
    engine_set_enabled(e, t, c->count > 0);
    if (!c->count)
        engine_emit_op(e, t, EV_BLOCK, 0, &c->hdr, -1, 0, 0);
}

/* The value reached zero: every other pending sem_wait waits for the
 * next post (a block event for each that could run until now). */
static void sem_disable(wf_engine *e, wf_cond *c)
{
    for (waiter *w = c->semq.head; w; w = w->next) {
        wf_task *u = w->task;
        if (u->state == TASK_RUNNABLE)
            engine_emit(e, u->tid, EV_BLOCK, 0, c->hdr.oid, -1, 0, 0,
                        u->op.file, u->op.line);
        engine_set_enabled(e, u, false);
    }
}

/* sem_wait, sem_trywait (has_default): take a unit, or (trying, at
 * zero) look and fail. */
static step_result sem_take(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    if (!t->op.has_default)
        waiter_unlink(&t->op.w);
    if (!c->count) {
        WF_ASSERT(t->op.has_default);
        engine_access(e, c->hdr.oid, ACC_READ);
        t->op.ok = false;
        engine_emit_op(e, t, EV_WAIT, EVF_SEM | EVF_FAILED, &c->hdr, -1, 0,
                       0);
        return STEP_DONE;
    }
    engine_access(e, c->hdr.oid, ACC_WRITE);
    c->count--;
    t->op.ok = true;
    engine_emit_op(e, t, EV_WAIT, EVF_SEM, &c->hdr, -1, c->count, 0);
    if (!c->count)
        sem_disable(e, c);
    return STEP_DONE;
}

/* sem_post: the value goes up by one; from zero, every pending sem_wait
 * may take the unit (whichever runs first). */
static step_result sem_post(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    engine_access(e, c->hdr.oid, ACC_COMMIT);
    c->count++;
    engine_emit_op(e, t, EV_SIGNAL, EVF_SEM, &c->hdr, -1, c->count, 0);
    if (c->count == 1)
        for (waiter *w = c->semq.head; w; w = w->next)
            engine_set_enabled(e, w->task, true);
    return STEP_DONE;
}

void cond_sem_timeout(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    WF_ASSERT(c->sem && t->op.kind == OP_COND_WAIT && !c->count);
    waiter_unlink(&t->op.w);
    engine_access(e, c->hdr.oid, ACC_READ);
    t->op.ok = false;
    engine_emit(e, t->tid, EV_WAIT, EVF_SEM | EVF_FAILED, c->hdr.oid, -1, 0,
                0, t->op.file, t->op.line);
    engine_complete(e, t);
}

static step_result sem_perform(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    switch ((op_kind)t->op.kind) {
    case OP_COND_WAIT:
        return sem_take(e, t);
    case OP_SIGNAL:
        return sem_post(e, t);
    default: /* OP_SEM_VALUE */
        engine_access(e, c->hdr.oid, ACC_READ);
        t->op.res.i = c->count;
        engine_emit_op(e, t, EV_READ, EVF_SEM, &c->hdr, -1, c->count, 0);
        return STEP_DONE;
    }
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    const wf_cond *c = (const wf_cond *)t->op.obj;
    if (c->sem && t->op.kind == OP_COND_WAIT && !t->op.has_default)
        sem_expose(e, t);
    else
        engine_set_state(e, t, TASK_RUNNABLE);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    wf_cond *c = (wf_cond *)t->op.obj;
    if (t->op.kind == OP_DESTROY) {
        /* pthread_cond_destroy, sem_destroy: ordered with every other op
         * of the object; the front end judges the waiters it leaves */
        engine_access(e, c->hdr.oid, ACC_WRITE);
        engine_emit_op(e, t, EV_WRITE, c->sem ? EVF_SEM : 0, &c->hdr, -1,
                       0, 0);
        return STEP_DONE;
    }
    if (c->sem)
        return sem_perform(e, t);
    if (((wf_cond *)t->op.obj)->copied && t->op.kind != OP_COND_PARK)
        return engine_panic(e, t, GO_COND_COPIED, false);
    switch ((op_kind)t->op.kind) {
    case OP_COND_WAIT:
    case OP_COND_PARK:
        if (t->op.parked)
            return cond_spurious(e, t);
        return t->op.kind == OP_COND_WAIT ? cond_wait(e, t) : cond_park(e, t);
    case OP_SIGNAL:
        return cond_signal(e, t);
    default:
        return cond_broadcast(e, t);
    }
}

static bool would_panic(const op *o)
{
    const wf_cond *c = (const wf_cond *)o->obj;
    if (c->copied)
        return o->kind != OP_COND_PARK;
    return o->kind == OP_COND_WAIT && c->m && !c->m->locked;
}

/* Every op writes the cond; Wait also unlocks its mutex. A semaphore's
 * (cond.h): a post commits, a look reads, a wait writes. */
static void pending(const op *o, acc_vec *out)
{
    const wf_cond *c = (const wf_cond *)o->obj;
    if (c->sem) {
        acc_push(out, o->obj,
                 o->kind == OP_SIGNAL      ? ACC_COMMIT
                 : o->kind == OP_SEM_VALUE ? ACC_READ
                                           : ACC_WRITE);
        return;
    }
    acc_push(out, o->obj, ACC_WRITE);
    if (o->kind == OP_COND_WAIT && c && c->m)
        acc_push(out, &c->m->hdr, ACC_WRITE);
}

static bool touches(const op *o, int32_t oid)
{
    const wf_cond *c = (const wf_cond *)o->obj;
    if (o->obj && o->obj->oid == oid)
        return true;
    return o->kind == OP_COND_WAIT && c && c->m && c->m->hdr.oid == oid;
}

/* "waits on c for a Signal or Broadcast", then who could send one */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    if ((t->op.kind != OP_COND_WAIT && t->op.kind != OP_COND_PARK) ||
        !t->op.obj) {
        op_blocked_phrase(&t->op, b);
        return NULL;
    }
    if (((const wf_cond *)t->op.obj)->sem) {
        buf_printf(b, "waits on %s for a sem_post", n->obj(n->e, t->op.obj));
        return "post";
    }
    buf_printf(b, "waits on %s for a %s or %s", n->obj(n->e, t->op.obj),
               cond_word(n->e, COND_SIGNAL), cond_word(n->e, COND_BROADCAST));
    return "send";
}

/* A semaphore's post releases, a wait that took a unit acquires (cond.h);
 * a cond of its own makes no edge (its mutex does). */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    if (!(ev->flags & EVF_SEM) || (ev->flags & EVF_FAILED))
        return 0;
    if (ev->op == EV_SIGNAL)
        return hb_push(out, 0, HB_RELEASE, HB_MAIN);
    if (ev->op == EV_WAIT)
        return hb_push(out, 0, HB_ACQUIRE, HB_MAIN);
    return 0;
}

const obj_class cond_class = {
    .kind = OBJ_COND,
    .name = "cond",
    .expose = expose,
    .perform = perform,
    .would_panic = would_panic,
    .pending = pending,
    .touches = touches,
    .wait_phrase = wait_phrase,
    .hb_marks = hb_marks,
};

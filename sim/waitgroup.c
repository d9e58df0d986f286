/* waitgroup.c: sync.WaitGroup (see waitgroup.h). Go memory model: each
 * Done (Add) happens before the Wait it releases returns. */
#include "waitgroup.h"

wf_waitgroup *waitgroup_new(wf_engine *e, const char *name, const char *file,
                            int line)
{
    wf_waitgroup *wg = arena_alloc(&e->mem, sizeof *wg);
    wg->join_tid = -1;
    engine_add_obj(e, &wg->hdr, OBJ_WAITGROUP, name, file, line);
    return wg;
}

void waitgroup_expose(wf_engine *e, wf_task *t)
{
    wf_waitgroup *wg = (wf_waitgroup *)t->op.obj;
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(&wg->waiters, &t->op.w);
    /* a parked waiter is released by the Add that zeroes the counter:
     * the reduction notes it (its arrival is not an event) */
    if (wg->count)
        engine_access(e, wg->hdr.oid, ACC_PARK);
    engine_set_enabled(e, t, wg->count == 0);
    if (wg->count)
        engine_emit_op(e, t, EV_BLOCK, 0, &wg->hdr, -1, wg->count, 0);
}

step_result waitgroup_add(wf_engine *e, wf_task *t)
{
    wf_waitgroup *wg = (wf_waitgroup *)t->op.obj;
    int64_t delta = t->op.val.i, before = wg->count;
    uint8_t flags = ACCF_FLOOR;
    waiter *w;
    wg->count += delta;
    /* Adds and Dones commute (the counter ends the same, every Done
     * happens before the Wait it releases): workers' Dones, and main's
     * Add for the next worker, are one trace, not n!. */
    if (before > 0 && wg->waiters.head)
        flags |= ACCF_PARKED;
    if (wg->count == 0 && before != 0 && wg->waiters.head)
        flags |= ACCF_RELEASED;
    engine_access_add(e, wg->hdr.oid, delta, before, flags);
    engine_emit_op(e, t, t->op.done ? EV_WG_DONE : EV_WG_ADD, 0,
                   &wg->hdr, -1, delta, wg->count);
    if (wg->count < 0)
        return engine_panic(e, t, GO_WG_NEGATIVE, false);
    if (wg->count == 0 && before != 0) {
        /* release every parked waiter */
        while ((w = waitq_pop(&wg->waiters))) {
            engine_emit(e, w->task->tid, EV_UNBLOCK, 0, wg->hdr.oid, t->tid,
                        0, 0, w->task->op.file, w->task->op.line);
            engine_emit(e, w->task->tid, EV_WG_WAIT, EVF_WAKE, wg->hdr.oid,
                        t->tid, 0, 0, w->task->op.file, w->task->op.line);
            engine_complete(e, w->task);
        }
    } else if (before == 0 && wg->count != 0) {
        /* waiters that have not run yet park now (a block event: what
         * a Wait arriving after this Add shows, the same trace) */
        for (w = wg->waiters.head; w; w = w->next) {
            if (w->task->state == TASK_RUNNABLE)
                engine_emit(e, w->task->tid, EV_BLOCK, 0, wg->hdr.oid, -1,
                            wg->count, 0, w->task->op.file,
                            w->task->op.line);
            engine_set_enabled(e, w->task, false);
        }
    }
    return STEP_DONE;
}

step_result waitgroup_wait(wf_engine *e, wf_task *t)
{
    wf_waitgroup *wg = (wf_waitgroup *)t->op.obj;
    if (t->op.done) {
        /* the return of a released Wait: the counter must still be
         * zero. A read of the counter, not an observe of its zero: an
         * Add and its Done on either side of it give a panic or not. */
        engine_access(e, wg->hdr.oid, ACC_READ);
        if (wg->count != 0)
            return engine_panic(e, t, GO_WG_REUSED, false);
        engine_emit_op(e, t, EV_WG_WAIT, 0, &wg->hdr, -1, 0, 0);
        return STEP_DONE;
    }
    WF_ASSERT(wg->count == 0);
    waiter_unlink(&t->op.w);
    engine_access(e, wg->hdr.oid, ACC_OBSERVE);
    engine_emit_op(e, t, EV_WG_WAIT, 0, &wg->hdr, -1, 0, 0);
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_WG_WAIT && !t->op.done)
        waitgroup_expose(e, t);
    else
        engine_set_state(e, t, TASK_RUNNABLE);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_WG_ADD)
        return waitgroup_add(e, t);
    return waitgroup_wait(e, t);
}

static bool would_panic(const op *o)
{
    const wf_waitgroup *wg = (const wf_waitgroup *)o->obj;
    if (o->kind == OP_WG_WAIT)
        return o->done && wg->count != 0;
    return wg->count + o->val.i < 0;
}

/* Adds commute as counter updates (acc_type ACC_ADD says when they do
 * not); Wait observes the counter's zero. */
static void pending(const op *o, acc_vec *out)
{
    const wf_waitgroup *wg = (const wf_waitgroup *)o->obj;
    uint8_t f = ACCF_FLOOR;
    if (o->kind == OP_WG_WAIT) {
        acc_push(out, o->obj, o->done ? ACC_READ : ACC_OBSERVE);
        return;
    }
    if (wg->count > 0 && wg->waiters.head)
        f |= ACCF_PARKED;
    if (wg->count + o->val.i == 0 && wg->count && wg->waiters.head)
        f |= ACCF_RELEASED;
    acc_push_add(out, o->obj, o->val.i, wg->count, f);
}

static void view(const wf_obj *o, obj_view *out)
{
    out->counter = ((const wf_waitgroup *)o)->count;
    out->join = ((const wf_waitgroup *)o)->join_tid >= 0;
    out->joined = ((const wf_waitgroup *)o)->join_tid;
}

/* "waits for wg (counter 2)", then who could complete it */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    if (t->op.kind != OP_WG_WAIT || !t->op.obj) {
        op_blocked_phrase(&t->op, b);
        return NULL;
    }
    {
        const wf_waitgroup *wg = (const wf_waitgroup *)t->op.obj;
        if (wg->join_tid >= 0) {
            /* "waits for the end of g2 worker": only g2 ends it */
            buf_printf(b, "waits for %s", n->obj(n->e, t->op.obj));
            return NULL;
        }
        buf_printf(b, "waits for %s (counter %lld)", n->obj(n->e, t->op.obj),
                   (long long)wg->count);
    }
    return "complete";
}

/* Each Done happens before the Wait it releases returns; an Add from
 * zero reads the semaphore the first parked Wait writes (Go's
 * sync/waitgroup.go race.Read and race.Write on wg.sema). */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    switch ((ev_op)ev->op) {
    case EV_WG_ADD:
    case EV_WG_DONE:
        if (ev->value < 0)
            return hb_push(out, 0, HB_RELEASE, HB_MAIN);
        if (ev->op == EV_WG_ADD && ev->value > 0 && ev->aux == ev->value)
            return hb_push(out, 0, HB_READ, HB_MAIN);
        return 0;
    case EV_BLOCK:
        return hb_push(out, 0, HB_PARK, HB_MAIN);
    case EV_WG_WAIT:
        return ev->value == 0 ? hb_push(out, 0, HB_ACQUIRE, HB_MAIN) : 0;
    case EV_UNBLOCK:
        return hb_push(out, 0, HB_UNPARK, HB_MAIN);
    default:
        return 0;
    }
}

const obj_class waitgroup_class = {
    .kind = OBJ_WAITGROUP,
    .name = "waitgroup",
    .expose = expose,
    .perform = perform,
    .would_panic = would_panic,
    .pending = pending,
    .view = view,
    .wait_phrase = wait_phrase,
    .hb_marks = hb_marks,
};

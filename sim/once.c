/* once.c: sync.Once (see once.h). Go memory model: the return of f
 * happens before the return of any Do. */
#include "once.h"

wf_once *once_new(wf_engine *e, const char *name, const char *file,
                  int line)
{
    wf_once *o = arena_alloc(&e->mem, sizeof *o);
    o->runner = -1;
    engine_add_obj(e, &o->hdr, OBJ_ONCE, name, file, line);
    return o;
}

void once_expose(wf_engine *e, wf_task *t)
{
    wf_once *o = (wf_once *)t->op.obj;
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(&o->waiters, &t->op.w);
    engine_set_enabled(e, t, o->state != ONCE_RUNNING);
    if (o->state == ONCE_RUNNING)
        engine_emit_op(e, t, EV_BLOCK, 0, &o->hdr, o->runner, 0, 0);
}

step_result once_do(wf_engine *e, wf_task *t)
{
    wf_once *o = (wf_once *)t->op.obj;
    waiter_unlink(&t->op.w);
    t->op.ok = false;
    if (o->state == ONCE_DONE) {
        engine_access(e, o->hdr.oid, ACC_READ);
        engine_emit_op(e, t, EV_ONCE, 0, &o->hdr, -1, 0, 0);
        return STEP_DONE;
    }
    WF_ASSERT(o->state == ONCE_NEW);
    engine_access(e, o->hdr.oid, ACC_ACQUIRE);
    o->state = ONCE_RUNNING;
    o->runner = t->tid;
    t->op.ok = true;
    engine_emit_op(e, t, EV_ONCE, 0, &o->hdr, -1, 1, 0);
    for (waiter *w = o->waiters.head; w; w = w->next) {
        wf_task *u = w->task;
        if (u->state == TASK_RUNNABLE) /* it blocks now */
            engine_emit(e, u->tid, EV_BLOCK, 0, o->hdr.oid, t->tid, 0, 0,
                        u->op.file, u->op.line);
        engine_set_enabled(e, u, false);
    }
    return STEP_DONE;
}

step_result once_end(wf_engine *e, wf_task *t)
{
    wf_once *o = (wf_once *)t->op.obj;
    o->state = ONCE_DONE;
    engine_access(e, o->hdr.oid, ACC_RELEASE);
    engine_emit_op(e, t, EV_ONCE, EVF_WRITE, &o->hdr, -1, 2, 0);
    for (waiter *w = o->waiters.head; w; w = w->next)
        if (w->task != t)
            engine_set_enabled(e, w->task, true);
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_ONCE)
        once_expose(e, t);
    else
        engine_set_state(e, t, TASK_RUNNABLE);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_ONCE)
        return once_do(e, t);
    return once_end(e, t);
}

/* Do acquires (it may wait for the running function); its end writes. */
static void pending(const op *o, acc_vec *out)
{
    acc_push(out, o->obj, o->kind == OP_ONCE ? ACC_ACQUIRE : ACC_WRITE);
}

static void view(const wf_obj *o, obj_view *out)
{
    out->runner = ((const wf_once *)o)->runner;
}

/* "waits for once, whose function g1 is running" */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    const wf_once *on = (const wf_once *)t->op.obj;
    if (t->op.kind != OP_ONCE || !on) {
        op_blocked_phrase(&t->op, b);
        return NULL;
    }
    buf_printf(b, "waits for %s", n->obj(n->e, t->op.obj));
    if (on->runner >= 0)
        buf_printf(b, ", whose function %s is running",
                   n->e->tasks.p[on->runner]->name);
    return NULL;
}

/* "only one task runs once's function (g1)" */
static bool excl_phrase(const report_names *n, const wf_obj *o, buf *b)
{
    const wf_once *on = (const wf_once *)o;
    buf_printf(b, "only one task runs %s's function", n->obj(n->e, o));
    if (on->runner >= 0) {
        buf_puts(b, " (");
        n->task(b, n->e, on->runner);
        buf_putc(b, ')');
    }
    return true;
}

const obj_class once_class = {
    .kind = OBJ_ONCE,
    .name = "once",
    .expose = expose,
    .perform = perform,
    .pending = pending,
    .view = view,
    .wait_phrase = wait_phrase,
    .excl_phrase = excl_phrase,
};

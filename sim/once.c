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

step_result once_do(wf_engine *e, wf_task *t)
{
    wf_once *o = (wf_once *)t->op.obj;
    t->op.ok = false;
    if (o->state == ONCE_DONE) {
        engine_emit_op(e, t, EV_ONCE, 0, &o->hdr, -1, 0, 0);
        return STEP_DONE;
    }
    if (o->state == ONCE_NEW) {
        o->state = ONCE_RUNNING;
        o->runner = t->tid;
        t->op.ok = true;
        engine_emit_op(e, t, EV_ONCE, 0, &o->hdr, -1, 1, 0);
        return STEP_DONE;
    }
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(&o->waiters, &t->op.w);
    engine_emit_op(e, t, EV_BLOCK, 0, &o->hdr, o->runner, 0, 0);
    engine_park(e, t);
    return STEP_PARKED;
}

step_result once_end(wf_engine *e, wf_task *t)
{
    wf_once *o = (wf_once *)t->op.obj;
    waiter *w;
    o->state = ONCE_DONE;
    engine_emit_op(e, t, EV_ONCE, EVF_WRITE, &o->hdr, -1, 2, 0);
    while ((w = waitq_pop(&o->waiters))) {
        engine_emit(e, w->task->tid, EV_ONCE, 0, o->hdr.oid, t->tid, 0, 0,
                    w->task->op.file, w->task->op.line);
        engine_complete(e, w->task);
    }
    return STEP_DONE;
}

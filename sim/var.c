/* var.c: see var.h. */
#include "var.h"

wf_var *var_new(wf_engine *e, const char *name, wf_value v, const char *file,
                int line)
{
    wf_var *x = arena_alloc(&e->mem, sizeof *x);
    x->v = v;
    x->lockword = false;
    engine_add_obj(e, &x->hdr, OBJ_VAR, name, file, line);
    return x;
}

step_result var_access(wf_engine *e, wf_task *t)
{
    wf_var *x = (wf_var *)t->op.obj;
    if (t->op.kind == OP_READ) {
        engine_access(e, x->hdr.oid, x->lockword ? ACC_WRITE : ACC_READ);
        t->op.res = x->v;
        engine_emit_op(e, t, EV_READ, 0, &x->hdr, -1, x->v.i, 0);
    } else {
        engine_access(e, x->hdr.oid, ACC_WRITE);
        x->v = t->op.val;
        engine_emit_op(e, t, EV_WRITE, EVF_WRITE, &x->hdr, -1, x->v.i, 0);
    }
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void pending(const op *o, acc_vec *out)
{
    bool read = o->kind == OP_READ && !((const wf_var *)o->obj)->lockword;
    acc_push(out, o->obj, read ? ACC_READ : ACC_WRITE);
}

const obj_class var_class = {
    .kind = OBJ_VAR,
    .name = "var",
    .perform = var_access,
    .pending = pending,
};

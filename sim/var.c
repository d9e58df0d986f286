/* var.c: see var.h. */
#include "var.h"

wf_var *var_new(wf_engine *e, const char *name, wf_value v, const char *file,
                int line)
{
    wf_var *x = arena_alloc(&e->mem, sizeof *x);
    x->v = v;
    x->lockword = false;
    x->whole = NULL;
    x->loopvar = false;
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
        var_range_write(e, x->hdr.oid);
        x->v = t->op.val;
        engine_emit_op(e, t, EV_WRITE, EVF_WRITE, &x->hdr, -1, x->v.i, 0);
    }
    return STEP_DONE;
}

int32_t var_range_of(const wf_engine *e, int32_t oid)
{
    const wf_var *x = (const wf_var *)e->objs.p[oid];
    WF_DASSERT(x->hdr.kind == OBJ_VAR);
    return x->whole ? x->whole->hdr.oid : -1;
}

void var_range_write(wf_engine *e, int32_t oid)
{
    int32_t w = var_range_of(e, oid);
    if (w >= 0)
        engine_access_add(e, w, 0, 0, 0);
}

/* ---- the class --------------------------------------------------------- */

static void pending(const op *o, acc_vec *out)
{
    const wf_var *x = (const wf_var *)o->obj;
    bool read = o->kind == OP_READ && !x->lockword;
    acc_push(out, o->obj, read ? ACC_READ : ACC_WRITE);
    if (!read && x->whole)
        acc_push_add(out, &x->whole->hdr, 0, 0, 0);
}

static bool touches(const op *o, int32_t oid)
{
    const wf_var *x = (const wf_var *)o->obj;
    return x && (x->hdr.oid == oid || (x->whole && x->whole->hdr.oid == oid));
}

/* An array element's writes also write its array's range. */
static int32_t alias(const wf_obj *o)
{
    const wf_var *x = (const wf_var *)o;
    return x->whole ? x->whole->hdr.oid : -1;
}

const obj_class var_class = {
    .kind = OBJ_VAR,
    .name = "var",
    .perform = var_access,
    .pending = pending,
    .touches = touches,
    .alias = alias,
};

/* atomic.c: see atomic.h. */
#include "atomic.h"

#include "var.h"

wf_atomic *atomic_new(wf_engine *e, const char *name, int64_t v,
                      const char *file, int line)
{
    wf_atomic *a = arena_alloc(&e->mem, sizeof *a);
    a->v = v;
    a->shadow = -1;
    engine_add_obj(e, &a->hdr, OBJ_ATOMIC, name, file, line);
    return a;
}

step_result atomic_op(wf_engine *e, wf_task *t)
{
    wf_atomic *a = (wf_atomic *)t->op.obj;
    op *o = &t->op;
    uint16_t f = EVF_WRITE;
    switch (o->kind) {
    case OP_ALOAD:
        o->res.i = a->v;
        f = 0;
        break;
    case OP_ASTORE:
        a->v = o->val.i;
        break;
    case OP_AADD:
        a->v = (int64_t)((uint64_t)a->v + (uint64_t)o->val.i);
        o->res.i = a->v;
        break;
    case OP_ASWAP:
        o->res.i = a->v;
        a->v = o->val.i;
        break;
    case OP_ACAS:
        o->ok = a->v == o->old;
        if (o->ok)
            a->v = o->val.i;
        else
            f = EVF_FAILED;
        break;
    default:
        wf_fatal("atomic_op: op %d", (int)o->kind);
    }
    f |= o->kind == OP_ACAS && !o->ok ? o->evf_failed : o->evf;
    if (o->kind == OP_AADD && o->discard) {
        /* an add whose result nobody reads commutes with other such adds
         * (the sum is the same) */
        int64_t before = (int64_t)((uint64_t)a->v - (uint64_t)o->val.i);
        engine_access_add(e, a->hdr.oid, o->val.i, before, 0);
        if (a->shadow >= 0)
            engine_access_add(e, a->shadow, o->val.i, before, 0);
    } else {
        acc_type at = (f & EVF_WRITE) ? ACC_WRITE : ACC_READ;
        engine_access(e, a->hdr.oid, at);
        if (a->shadow >= 0)
            engine_access(e, a->shadow, at);
    }
    if (a->shadow >= 0 && (f & EVF_WRITE))
        var_range_write(e, a->shadow);
    engine_emit_op(e, t, EV_ATOMIC, f, &a->hdr, -1, a->v, o->kind);
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

/* Loads read; adds whose result nobody reads commute as counter updates;
 * the rest write. */
static void pending(const op *o, acc_vec *out)
{
    if (o->kind == OP_ALOAD)
        acc_push(out, o->obj, ACC_READ);
    else if (o->kind == OP_AADD && o->discard)
        acc_push_add(out, o->obj, o->val.i, ((const wf_atomic *)o->obj)->v,
                     0);
    else
        acc_push(out, o->obj, ACC_WRITE);
}

static int32_t alias(const wf_obj *o)
{
    return ((const wf_atomic *)o)->shadow;
}

/* Every atomic op is an acquire and a release (Go's memory model: the
 * atomics are sequentially consistent), and an access of the plain
 * variable it shadows, if any, between them. */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    int n = 0;
    if (ev->op != EV_ATOMIC)
        return 0;
    n = hb_push(out, n, HB_ACQUIRE, HB_MAIN);
    n = hb_push(out, n, HB_ALIAS, HB_MAIN);
    return hb_push(out, n, HB_RELEASE, HB_MAIN);
}

const obj_class atomic_class = {
    .kind = OBJ_ATOMIC,
    .name = "atomic",
    .perform = atomic_op,
    .pending = pending,
    .alias = alias,
    .hb_marks = hb_marks,
};

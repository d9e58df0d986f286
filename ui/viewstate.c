/* viewstate.c: see viewstate.h. */
#include "viewstate.h"

#include <stdlib.h>
#include <string.h>

static void reset(viewstate *s)
{
    s->seq = 0;
    s->step = 0;
    s->clock = 0;
    for (int32_t i = 0; i < s->ntasks; i++) {
        viewstate_task *t = &s->tasks[i];
        memset(t, 0, sizeof *t);
        t->status = i == 0 ? VIEWSTATE_RUNNING : VIEWSTATE_UNBORN;
        t->on = t->by = -1;
        t->last_seq = -1;
    }
    for (int32_t i = 0; i < s->nobjs; i++) {
        memset(&s->objs[i], 0, sizeof s->objs[i]);
        s->objs[i].holder = -1;
    }
}

void viewstate_init(viewstate *s, const viewstate_run *r)
{
    s->ntasks = r->ntasks > 0 ? r->ntasks : 0;
    s->nobjs = r->nobjs > 0 ? r->nobjs : 0;
    s->tasks = wf_xcalloc((size_t)s->ntasks + 1, sizeof *s->tasks);
    s->objs = wf_xcalloc((size_t)s->nobjs + 1, sizeof *s->objs);
    reset(s);
}

void viewstate_fini(viewstate *s)
{
    free(s->tasks);
    free(s->objs);
    memset(s, 0, sizeof *s);
}

void viewstate_copy(viewstate *dst, const viewstate *src)
{
    WF_ASSERT(dst->ntasks == src->ntasks && dst->nobjs == src->nobjs);
    dst->seq = src->seq;
    dst->step = src->step;
    dst->clock = src->clock;
    memcpy(dst->tasks, src->tasks, (size_t)src->ntasks * sizeof *dst->tasks);
    memcpy(dst->objs, src->objs, (size_t)src->nobjs * sizeof *dst->objs);
}

size_t viewstate_size(const viewstate_run *r)
{
    return sizeof(viewstate) + (size_t)r->ntasks * sizeof(viewstate_task) +
           (size_t)r->nobjs * sizeof(viewstate_obj);
}

static void block(viewstate_task *t, viewstate_why why, const viewstate_ev *ev)
{
    t->status = VIEWSTATE_BLOCKED;
    t->why = (uint8_t)why;
    t->on = ev->e.oid;
    t->by = why == VIEWSTATE_WHY_BLOCK ? ev->e.peer : -1;
    t->select = (ev->e.flags & EVF_SELECT) != 0;
    t->since = (int64_t)ev->e.step;
    t->since_seq = ev->seq;
}

static void chan_push(viewstate_obj *o, int64_t v)
{
    if (o->nvals == o->value && o->nvals < VIEWSTATE_VALS)
        o->vals[o->nvals++] = v;
    o->value++;
}

static void chan_pop(viewstate_obj *o)
{
    if (o->nvals > 0) {
        memmove(o->vals, o->vals + 1,
                (size_t)(o->nvals - 1) * sizeof o->vals[0]);
        o->nvals--;
    }
    if (o->value > 0) o->value--; /* a value put by a timer: no event */
}

static void add_reader(viewstate_obj *o, int32_t tid)
{
    if (o->nreaders < VIEWSTATE_READERS) o->readers[o->nreaders] = tid;
    o->nreaders++;
}

static void remove_reader(viewstate_obj *o, int32_t tid)
{
    int32_t kept = o->nreaders < VIEWSTATE_READERS ? o->nreaders
                                                   : VIEWSTATE_READERS;
    if (o->nreaders <= 0) return;
    for (int32_t i = 0; i < kept; i++)
        if (o->readers[i] == tid) {
            memmove(o->readers + i, o->readers + i + 1,
                    (size_t)(kept - i - 1) * sizeof o->readers[0]);
            break;
        }
    o->nreaders--;
}

/* The object side of an event. */
static void apply_obj(viewstate_obj *o, uint8_t kind, int64_t cap,
                      const wf_event *e)
{
    o->ops++;
    if (!(e->flags & EVF_LIB)) o->user_ops++;
    switch ((ev_op)e->op) {
    case EV_SEND:
        if (cap > 0 && e->peer < 0) chan_push(o, e->value);
        break;
    case EV_RECV:
        if (cap > 0 && e->peer < 0 && !(e->flags & EVF_FAILED)) chan_pop(o);
        break;
    case EV_CLOSE:
        o->closed = true;
        break;
    case EV_LOCK:
        if (kind == OBJ_MUTEX || kind == OBJ_RWMUTEX) o->holder = e->tid;
        break;
    case EV_TRYLOCK:
        if (!(e->flags & EVF_FAILED)) o->holder = e->tid;
        break;
    case EV_UNLOCK:
        if (o->holder == e->tid || kind == OBJ_MUTEX) o->holder = -1;
        break;
    case EV_TRYRLOCK:
        if (e->flags & EVF_FAILED) break;
        /* fallthrough */
    case EV_RLOCK:
        add_reader(o, e->tid);
        break;
    case EV_RUNLOCK:
        remove_reader(o, e->tid);
        break;
    case EV_WG_ADD:
    case EV_WG_DONE:
        o->value = e->aux;
        o->known = true;
        break;
    case EV_ONCE:
        if (e->value == 1) {
            o->once = 1;
            o->holder = e->tid;
        } else if (e->value == 2) {
            o->once = 2;
            o->holder = -1;
        }
        break;
    case EV_READ:
    case EV_WRITE:
    case EV_ATOMIC:
        o->value = e->value;
        o->known = true;
        break;
    default:
        break;
    }
}

void viewstate_apply(viewstate *s, const viewstate_run *r,
                     const viewstate_ev *ev)
{
    const wf_event *e = &ev->e;
    viewstate_task *t = NULL;
    s->seq = ev->seq + 1;
    s->step = (int64_t)e->step;
    s->clock = e->clock;
    if (e->tid >= 0 && e->tid < s->ntasks) {
        t = &s->tasks[e->tid];
        t->last_seq = ev->seq;
    }
    if (t) {
        switch ((ev_op)e->op) {
        case EV_BLOCK:
            block(t, VIEWSTATE_WHY_BLOCK, ev);
            break;
        case EV_WAIT:
            block(t, VIEWSTATE_WHY_COND, ev);
            break;
        case EV_SLEEP:
            if (e->value > 0) {
                block(t, VIEWSTATE_WHY_SLEEP, ev);
                t->wake_ns = e->clock + e->value;
                break;
            }
            t->status = VIEWSTATE_RUNNING;
            break;
        case EV_EXIT:
            t->status = VIEWSTATE_DONE;
            t->why = VIEWSTATE_WHY_NONE;
            t->on = t->by = -1;
            break;
        default:
            t->status = VIEWSTATE_RUNNING;
            t->why = VIEWSTATE_WHY_NONE;
            t->on = t->by = -1;
            t->select = 0;
            break;
        }
    }
    if (e->op == EV_SPAWN && e->peer >= 0 && e->peer < s->ntasks) {
        viewstate_task *c = &s->tasks[e->peer];
        c->status = VIEWSTATE_RUNNING;
        c->since = (int64_t)e->step;
    }
    if (e->oid >= 0 && e->oid < s->nobjs && e->op != EV_BLOCK &&
        e->op != EV_UNBLOCK)
        apply_obj(&s->objs[e->oid], r->kinds ? r->kinds[e->oid] : OBJ__COUNT,
                  r->caps ? r->caps[e->oid] : 0, e);
}

bool viewstate_check(const viewstate *s, const viewstate_run *r)
{
    for (int32_t i = 0; i < s->nobjs; i++) {
        const viewstate_obj *o = &s->objs[i];
        if (o->nvals < 0 || o->nvals > VIEWSTATE_VALS) return false;
        if (r->kinds && r->kinds[i] == OBJ_CHAN && o->nvals > o->value)
            return false;
        if (o->nreaders < 0) return false;
    }
    for (int32_t i = 0; i < s->ntasks; i++)
        if (s->tasks[i].status == VIEWSTATE_BLOCKED &&
            s->tasks[i].why == VIEWSTATE_WHY_NONE)
            return false;
    return true;
}

/* deadlock_wait.c: what a blocked task waits for, who could complete
 * it, and the bookkeeping the events feed (locks held and where they
 * were taken, who used which cond or lock, each cond's signals). See
 * deadlock_int.h. */
#include "deadlock_int.h"

#include <stdlib.h>
#include <string.h>

static uint64_t used_key(int32_t oid, int32_t tid)
{
    return ((uint64_t)(uint32_t)oid << 32 | (uint32_t)tid) + 1;
}

static size_t used_slot(const deadlock_checker *d, uint64_t k)
{
    size_t mask = d->used.len - 1, i = hash_u64(HASH_INIT, k) & mask;
    while (d->used.p[i] && d->used.p[i] != k)
        i = (i + 1) & mask;
    return i;
}

/* Task tid operated on object oid. O(1) amortised. */
static void used_add(deadlock_checker *d, int32_t oid, int32_t tid)
{
    uint64_t k = used_key(oid, tid);
    size_t i;
    if (oid < 0) return;
    if (2 * (d->nused + 1) > d->used.len) {
        size_t n = d->used.len ? 2 * d->used.len : 64;
        uint64_t *old = d->used.p;
        size_t oldn = d->used.len;
        d->used.p = wf_xcalloc(n, sizeof *d->used.p);
        d->used.len = d->used.cap = n;
        for (size_t j = 0; j < oldn; j++)
            if (old[j]) d->used.p[used_slot(d, old[j])] = old[j];
        free(old);
    }
    i = used_slot(d, k);
    if (!d->used.p[i]) {
        d->used.p[i] = k;
        d->nused++;
    }
}

static bool used_by(const deadlock_checker *d, int32_t oid, int32_t tid)
{
    uint64_t k = used_key(oid, tid);
    return oid >= 0 && d->used.len && d->used.p[used_slot(d, k)] == k;
}

/* ---- what a task waits for -------------------------------------------- */

report_wait deadlock_wait_of(const wf_task *t)
{
    const op *o = &t->op;
    if (t->awaiting) /* a spin waiting for a write (sim/await.c) */
        return REPORT_W_OTHER;
    switch ((op_kind)o->kind) {
    case OP_LOCK:
        return o->obj && o->obj->kind == OBJ_MUTEX ? REPORT_W_MUTEX : REPORT_W_OTHER;
    case OP_WLOCK:
        return REPORT_W_RW_WRITE;
    case OP_RLOCK:
        return REPORT_W_RW_READ;
    case OP_ONCE:
        return REPORT_W_ONCE;
    case OP_SEND:
    case OP_RECV:
        return o->obj ? REPORT_W_CHAN : REPORT_W_NIL;
    case OP_SELECT:
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan) return REPORT_W_CHAN;
        return REPORT_W_NIL;
    case OP_COND_WAIT:
    case OP_COND_PARK:
        return REPORT_W_COND;
    case OP_WG_WAIT:
        return REPORT_W_WG;
    case OP_SLEEP:
        return REPORT_W_SLEEP;
    default:
        return REPORT_W_OTHER;
    }
}

/* The objects t waits on (select: each non-nil case's channel, once),
 * at most max. */
int deadlock_awaited(const wf_task *t, wf_obj **out, int max)
{
    const op *o = &t->op;
    int n = 0;
    if (o->kind == OP_SELECT) {
        for (uint32_t i = 0; i < o->ncases && n < max; i++) {
            bool dup = false;
            if (!o->cases[i].chan) continue;
            for (int k = 0; k < n; k++)
                dup |= out[k] == sel_chan_obj(o->cases[i].chan);
            if (!dup) out[n++] = sel_chan_obj(o->cases[i].chan);
        }
        return n;
    }
    if (o->obj && max > 0 && o->kind != OP_SLEEP) out[n++] = o->obj;
    return n;
}

static bool waits_on(const wf_task *u, const wf_obj *o)
{
    wf_obj *aw[MAX_AW];
    int n;
    if (u->state != TASK_BLOCKED) return false;
    n = deadlock_awaited(u, aw, MAX_AW);
    for (int i = 0; i < n; i++)
        if (aw[i] == o) return true;
    return false;
}

bool deadlock_rw_reader(const obj_view *m, int32_t tid)
{
    for (int32_t i = 0; i < m->nreaders; i++)
        if (m->readers[i] == tid) return true;
    return false;
}

/* The tasks holding what t waits for (deadlock_holders edges), into out. */
void deadlock_holders(const wf_task *t, i32vec *out)
{
    out->len = 0;
    switch (deadlock_wait_of(t)) {
    case REPORT_W_MUTEX: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.holder) VEC_PUSH(*out, m.holder->tid);
        return;
    }
    case REPORT_W_RW_WRITE: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.writer && m.writer != t) {
            VEC_PUSH(*out, m.writer->tid);
            return;
        }
        for (int32_t i = 0; i < m.nreaders; i++) {
            bool dup = false;
            for (size_t j = 0; j < out->len; j++)
                dup |= out->p[j] == m.readers[i];
            if (!dup) VEC_PUSH(*out, m.readers[i]);
        }
        return;
    }
    case REPORT_W_RW_READ: {
        obj_view m = obj_view_of(t->op.obj);
        if (m.writer) VEC_PUSH(*out, m.writer->tid);
        return;
    }
    case REPORT_W_ONCE: {
        obj_view o = obj_view_of(t->op.obj);
        if (o.runner >= 0) VEC_PUSH(*out, o.runner);
        return;
    }
    default:
        return;
    }
}

bool deadlock_possible(report_wait k)
{
    return k == REPORT_W_CHAN || k == REPORT_W_COND || k == REPORT_W_WG;
}

/* The thread whose end t, blocked in a join, waits for; else -1. */
static int32_t joined_tid(const wf_task *t)
{
    if (t->state != TASK_BLOCKED || t->op.kind != OP_WG_WAIT || !t->op.obj)
        return -1;
    return obj_view_of(t->op.obj).joined;
}

bool deadlock_in_join(const wf_task *t)
{
    return joined_tid(t) >= 0;
}

/* Does u wait, through a chain of blocked joins, for t's end? O(tasks). */
static bool joins_into(const wf_engine *e, const wf_task *u,
                       const wf_task *t)
{
    for (size_t k = 0; k < e->tasks.len; k++) {
        int32_t j = joined_tid(u);
        if (j < 0) return false;
        if (j == t->tid) return true;
        u = e->tasks.p[j];
    }
    return false;
}

void deadlock_mark_joined(const wf_engine *e, const wf_task *u, i32vec *out)
{
    for (size_t k = 0; k < e->tasks.len; k++) {
        int32_t j = joined_tid(u);
        if (j < 0 || (size_t)j >= out->len || out->p[j]) return;
        out->p[j] = 1;
        u = e->tasks.p[j];
    }
}

/* Task tid has used cond c in this execution (waited on it, signalled
 * it, or taken its lock): one that could Signal it. */
static bool cond_user(const deadlock_checker *d, const wf_obj *c, int32_t tid)
{
    int32_t l;
    if (!c || used_by(d, c->oid, tid)) return true;
    l = (size_t)c->oid < d->cond_l.len ? d->cond_l.p[c->oid] : -1;
    return l >= 0 && used_by(d, l, tid);
}

/* The live tasks that could complete t's channel, cond or wait-group
 * operation: not t, not blocked on the same object, and able to reach it
 * when the front end can tell (with no reachability, as in C: any live
 * task). For a cond, the tasks that used it or its lock (cond_user) come
 * first: the others hold it without having touched it yet, and are named
 * apart, but named (a task that has not used a cond may still Signal
 * it). Into out, each part ascending; returns the count of users
 * (out->len for a channel or a wait group). O(tasks). */
size_t deadlock_cands(const deadlock_checker *d, wf_engine *e,
                      const wf_task *t, i32vec *out)
{
    wf_obj *aw[MAX_AW];
    int n = deadlock_awaited(t, aw, MAX_AW);
    size_t nusers = 0;
    int32_t only = joined_tid(t);
    out->len = 0;
    if (!deadlock_possible(deadlock_wait_of(t))) return 0;
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *u = e->tasks.p[i];
        bool same = false, reach = !e->fe.can_reach;
        if (u == t || u->state == TASK_DONE) continue;
        /* a join is completed by the joined thread's end alone; a task
         * joining t (or a thread that joins t, and so on) returns only
         * after t ends: it cannot be the one who ends t's wait */
        if ((only >= 0 && u->tid != only) || joins_into(e, u, t)) continue;
        for (int k = 0; k < n; k++)
            same |= waits_on(u, aw[k]);
        if (same) continue;
        for (int k = 0; k < n && !reach; k++)
            reach = e->fe.can_reach(e->fe.ctx, e, u, aw[k]);
        if (!reach) continue;
        VEC_PUSH(*out, u->tid);
        if (deadlock_wait_of(t) != REPORT_W_COND ||
            cond_user(d, t->op.obj, u->tid)) {
            /* the users first */
            memmove(out->p + nusers + 1, out->p + nusers,
                    (out->len - 1 - nusers) * sizeof *out->p);
            out->p[nusers++] = u->tid;
        }
    }
    return nusers;
}


void deadlock_on_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    deadlock_checker *d = ctx;
    (void)e;
    switch ((ev_op)ev->op) {
    case EV_WAIT:
        if (ev->oid < 0 || ev->tid < 0) return;
        used_add(d, ev->oid, ev->tid);
        if (ev->flags & EVF_SEM) return; /* a sem_wait: no mutex follows */
        deadlock_grow(&d->wait_cond, (size_t)ev->tid + 1, -1);
        d->wait_cond.p[ev->tid] = ev->oid;
        while (d->wait_at.len <= (size_t)ev->tid)
            VEC_PUSH(d->wait_at, 0);
        d->wait_at.p[ev->tid] = ev->step;
        return;
    case EV_SIGNAL:
    case EV_BROADCAST: {
        dl_signal z = {0, 0, -1, 0, NULL, 0};
        if (ev->oid < 0) return;
        used_add(d, ev->oid, ev->tid);
        while (d->sigs.len <= (size_t)ev->oid) {
            VEC_PUSH(d->sigs, z);
            VEC_PUSH(d->lost, z);
        }
        z.step = ev->step;
        z.tid = ev->tid;
        z.op = ev->op;
        z.file = ev->file;
        z.line = ev->line;
        if (ev->op == EV_SIGNAL) z.peer = ev->peer;
        d->sigs.p[ev->oid] = z;
        /* a Signal with no waiter, a Broadcast of none (value: woken) */
        if (ev->op == EV_SIGNAL ? ev->peer < 0 : ev->value == 0)
            d->lost.p[ev->oid] = z;
        return;
    }
    case EV_TRYLOCK:
    case EV_TRYRLOCK:
        if (ev->flags & EVF_FAILED)
            return;
        /* fallthrough */
    case EV_LOCK:
    case EV_RLOCK: {
        dl_held h = {ev->oid, ev->tid,
                     ev->op == EV_RLOCK || ev->op == EV_TRYRLOCK, ev->file,
                     ev->line};
        VEC_PUSH(d->held, h);
        used_add(d, ev->oid, ev->tid);
        return;
    }
    case EV_UNLOCK:
    case EV_RUNLOCK: {
        bool read = ev->op == EV_RUNLOCK;
        size_t at = SIZE_MAX;
        used_add(d, ev->oid, ev->tid);
        /* the unlock a cond Wait does: the cond's L */
        if (ev->tid >= 0 && (size_t)ev->tid < d->wait_cond.len &&
            d->wait_cond.p[ev->tid] >= 0 && ev->oid >= 0) {
            deadlock_grow(&d->cond_l, (size_t)d->wait_cond.p[ev->tid] + 1, -1);
            d->cond_l.p[d->wait_cond.p[ev->tid]] = ev->oid;
            d->wait_cond.p[ev->tid] = -1;
        }
        for (size_t i = d->held.len; i-- > 0;) {
            const dl_held *h = &d->held.p[i];
            if (h->oid != ev->oid || h->read != read)
                continue;
            if (at == SIZE_MAX)
                at = i;
            if (!read || h->tid == ev->tid) {
                at = i;
                break;
            }
        }
        if (at != SIZE_MAX) {
            memmove(d->held.p + at, d->held.p + at + 1,
                    (d->held.len - at - 1) * sizeof *d->held.p);
            d->held.len--;
        }
        return;
    }
    default:
        return;
    }
}

/* Where task tid took lock oid (read: its read lock), or NULL. */
const dl_held *deadlock_held_at(const deadlock_checker *d, int32_t oid,
                              int32_t tid, bool read)
{
    for (size_t i = d->held.len; i-- > 0;) {
        const dl_held *h = &d->held.p[i];
        if (h->oid == oid && h->read == read && (!read || h->tid == tid))
            return h;
    }
    return NULL;
}/* How a waiter in d->set on cond c stands with c's signals: woken by
 * none since it began to wait though a signal that woke nobody came
 * before (LOST), passed over by a Signal since (PASSED), or not
 * signalled since (NONE). */
int deadlock_cond_state(const deadlock_checker *d, const wf_task *t)
{
    int32_t c = t->op.obj->oid;
    uint64_t at = (size_t)t->tid < d->wait_at.len ? d->wait_at.p[t->tid] : 0;
    const dl_signal *last = (size_t)c < d->sigs.len ? &d->sigs.p[c] : NULL;
    const dl_signal *lost = (size_t)c < d->lost.len ? &d->lost.p[c] : NULL;
    if (last && last->step > at) return REPORT_COND_PASSED;
    if (lost && lost->step && lost->step <= at) return REPORT_COND_LOST;
    return REPORT_COND_NONE;
}


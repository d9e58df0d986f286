/* dpor_clock.c: the reduction's clocks over an execution: the tasks'
 * events (the recency list race() walks), timer barriers, and retiring
 * the tasks that ended (dclock.h), so the clocks of a program that runs
 * thousands of short-lived goroutines stay as small as the tasks in play
 * (grpc#862).
 *
 * Retiring: an ended task joins d->dead; once dead holds sweep_at tasks,
 * a sweep retires those whose last event every live task's clock holds
 * (a WaitGroup's Wait, a receive of the result), O(the entries of the
 * live clocks), and sweep_at becomes twice what stays, at least
 * SWEEP_MIN: a sweep retiring little is not repeated before the ended
 * tasks double, so sweeps cost O(1) amortised per ended task when the
 * live clocks are small, and a task never joined (a leak) costs one entry
 * per clock, as before. */
#include "dpor_int.h"

#include <string.h>

#define SWEEP_MIN 16

void dpor_clocks_free(dpor *d)
{
    dclock_reg *g = &d->creg;
    for (size_t i = 0; i < d->tclock.len; i++)
        dclock_release(g, &d->tclock.p[i]);
    VEC_FREE(d->tclock);
    for (size_t i = 0; i < d->nobjs_init; i++) {
        dobj *o = &d->objs.p[i];
        dclock_release(g, &o->lw.c);
        dclock_release(g, &o->lr.c);
        dclock_release(g, &o->lc.c);
        dclock_release(g, &o->lk.c);
        dclock_release(g, &o->lo.c);
        dclock_release(g, &o->lu.c);
        dclock_release(g, &o->lq.c);
    }
    dclock_release(g, &d->ev);
    dclock_release(g, &d->nscratch);
    dpor_hist_free(d);
    dclock_reg_free(g);
    VEC_FREE(d->dead);
    VEC_FREE(d->dmark);
    VEC_FREE(d->gmax);
    VEC_FREE(d->dcnt);
    VEC_FREE(d->rprev);
    VEC_FREE(d->rnext);
}

void dpor_clocks_begin(dpor *d)
{
    dclock_reg_reset(&d->creg);
    d->dead.len = 0;
    if (d->dmark.len)
        memset(d->dmark.p, 0, d->dmark.len);
    d->gmax.len = 0;
    VEC_PUSH(d->gmax, -1);
    d->sweep_at = SWEEP_MIN;
    d->nretired = 0;
    d->rhead = d->rtail = -1;
    dclock_clear(&d->ev);
    dpor_hist_begin(d);
}

void dpor_note_event(dpor *d, int32_t p)
{
    bool listed;
    while (d->evnodes.len <= (size_t)p) {
        VEC_u32 z = {NULL, 0, 0};
        VEC_PUSH(d->evnodes, z);
        VEC_PUSH(d->rprev, -1);
        VEC_PUSH(d->rnext, -1);
    }
    listed = d->evnodes.p[p].len > 0;
    VEC_PUSH(d->evnodes.p[p], (uint32_t)d->tnode);
    if (listed && d->rtail == p)
        return;
    if (listed) { /* unlink p */
        int32_t a = d->rprev.p[p], b = d->rnext.p[p];
        if (a >= 0)
            d->rnext.p[a] = b;
        else
            d->rhead = b;
        d->rprev.p[b] = a; /* b >= 0: p is not the tail */
    }
    d->rprev.p[p] = d->rtail;
    d->rnext.p[p] = -1;
    if (d->rtail >= 0)
        d->rnext.p[d->rtail] = p;
    else
        d->rhead = p;
    d->rtail = p;
}

void dpor_events_after(dpor *d, int32_t j)
{
    d->active.len = 0;
    for (int32_t r = d->rtail; r >= 0; r = d->rprev.p[r]) {
        const VEC_u32 *ev = &d->evnodes.p[r];
        if ((int32_t)ev->p[ev->len - 1] <= j)
            break;
        VEC_PUSH(d->active, r);
    }
    if (d->active.len > 1)
        qsort(d->active.p, d->active.len, sizeof *d->active.p, tid_cmp);
}

/* Retire the ended tasks whose last event every live task's clock holds
 * (the ones a barrier just ordered before everything: all). */
static void sweep(dpor *d, const wf_engine *e)
{
    dclock_reg *g = &d->creg;
    int32_t m = d->gmax.p[g->gen];
    size_t k = 0, nr = 0;
    while (d->dcnt.len < d->tclock.len)
        VEC_PUSH(d->dcnt, 0);
    for (size_t i = 0; i < d->dead.len; i++)
        d->dcnt.p[d->dead.p[i]] = 0;
    for (size_t li = 0; li < e->live.len; li++) {
        const dclock *c = &d->tclock.p[e->live.p[li]];
        for (uint32_t i = 0; i < c->n; i++) {
            int32_t t = c->e[i].tid;
            if ((size_t)t < d->dmark.len && d->dmark.p[t] == 1 &&
                c->e[i].t >= d->tcount.p[t])
                d->dcnt.p[t]++;
        }
    }
    for (size_t i = 0; i < d->dead.len; i++) {
        int32_t t = d->dead.p[i];
        const VEC_u32 *ev;
        if (d->dcnt.p[t] < e->live.len && d->tcount.p[t]) {
            d->dead.p[k++] = t;
            continue;
        }
        dclock_retire(g, t, d->tcount.p[t]);
        d->dmark.p[t] = 2;
        nr++;
        if ((size_t)t >= d->evnodes.len)
            continue; /* no event */
        ev = &d->evnodes.p[t];
        if (ev->len && (int32_t)ev->p[ev->len - 1] > m)
            m = (int32_t)ev->p[ev->len - 1];
    }
    d->dead.len = k;
    d->sweep_at = 2 * k > SWEEP_MIN ? 2 * k : SWEEP_MIN;
    if (!nr)
        return;
    d->nretired += nr;
    dclock_next_gen(g);
    VEC_PUSH(d->gmax, m);
    for (size_t li = 0; li < e->live.len; li++) {
        dclock *c = &d->tclock.p[e->live.p[li]];
        c->gen = g->gen;
        dclock_compact(g, c);
    }
}

/* Note ended task t among those to retire. */
static void note_dead(dpor *d, int32_t t)
{
    dpor_clock_of(d, t);
    while (d->dmark.len <= (size_t)t)
        VEC_PUSH(d->dmark, 0);
    if (d->dmark.p[t])
        return;
    d->dmark.p[t] = 1;
    VEC_PUSH(d->dead, t);
}

/* Note the tasks that ended: the step's task, a partner it woke that
 * had nothing left to run (an unbuffered send's sender), and, should the
 * count of ended tasks say one was missed, a look at every task. */
static void note_ended(dpor *d, const wf_engine *e, int32_t p)
{
    size_t nt = e->tasks.len;
    if (p >= 0 && e->tasks.p[p]->state == TASK_DONE)
        note_dead(d, p);
    for (size_t i = 0; i < e->woken.len; i++)
        if (e->tasks.p[e->woken.p[i]]->state == TASK_DONE)
            note_dead(d, e->woken.p[i]);
    if (e->live.len + d->dead.len + d->nretired != nt)
        for (size_t t = 0; t < nt; t++)
            if (e->tasks.p[t]->state == TASK_DONE)
                note_dead(d, (int32_t)t);
}

void dpor_tasks_ended(dpor *d, const wf_engine *e, int32_t p)
{
    note_ended(d, e, p);
    if (d->dead.len >= d->sweep_at)
        sweep(d, e);
}

void dpor_barrier(dpor *d, const wf_engine *e)
{
    dclock_reg *g = &d->creg;
    dclock *ev = &d->ev;
    size_t nt = e->tasks.len;
    if (nt)
        dpor_clock_of(d, (int32_t)nt - 1);
    note_ended(d, e, -1);
    dclock_clear(ev);
    for (size_t li = 0; li < e->live.len; li++)
        dclock_join(g, ev, &d->tclock.p[e->live.p[li]]);
    for (size_t i = 0; i < d->dead.len; i++)
        dclock_join(g, ev, &d->tclock.p[d->dead.p[i]]);
    for (size_t li = 0; li < e->live.len; li++)
        dclock_join(g, &d->tclock.p[e->live.p[li]], ev);
    d->ntasks = nt;
    if (d->dead.len)
        sweep(d, e);
}

uint64_t dpor_clock_entries(const dpor *d)
{
    return d->creg.ents + d->hist_ents;
}

/* chan.c: Go channels, as runtime/chan.go implements them: a send hands
 * its value to the longest-parked receiver, else buffers it, else parks; a
 * receive takes the buffer's head (moving the longest-parked sender's value
 * into the freed slot), else takes a parked sender's value directly, else
 * sees the close, else parks. Every row of Go's channel table:
 *   recv: nil blocks; open non-empty gives a value; open empty blocks;
 *         closed gives (zero, false).
 *   send: nil blocks; full blocks; not full writes; closed panics.
 *   close: nil panics; open closes (buffered values stay readable);
 *          closed panics.
 * Go memory model: the k-th send happens before the k-th receive
 * completes; the k-th receive happens before the (k+C)-th send completes;
 * a close happens before a receive that returns because of it. Events
 * carry k (aux) so the race checker can apply these rules. */
#include "chan.h"

#include <string.h>

wf_chan *chan_new(wf_engine *e, const char *name, size_t cap,
                  const char *file, int line)
{
    wf_chan *ch = arena_alloc(&e->mem, sizeof *ch);
    ch->cap = cap;
    if (cap)
        ch->buf = arena_alloc(&e->mem, cap * sizeof(wf_value));
    engine_add_obj(e, &ch->hdr, OBJ_CHAN, name, file, line);
    return ch;
}

bool chan_check(const wf_chan *ch)
{
    if (ch->len > ch->cap)
        return false;
    if (ch->recvq.len && ch->len)
        return false;
    if (ch->sendq.len && ch->len != ch->cap)
        return false;
    if (ch->closed && (ch->recvq.len || ch->sendq.len))
        return false;
    return ch->nsent - ch->nrecv == ch->len;
}

bool chan_send_ready(const wf_chan *ch)
{
    return ch->closed || ch->recvq.len || ch->len < ch->cap;
}

bool chan_recv_ready(const wf_chan *ch)
{
    return ch->len || ch->sendq.len || ch->closed;
}

/* The value a parked sender offers, and where a parked receiver's result
 * goes (its select case, or its plain op). */
static wf_value waiter_value(const waiter *w)
{
    const op *o = &w->task->op;
    return w->ncase >= 0 ? o->cases[w->ncase].val : o->val;
}

static void waiter_give(waiter *w, wf_value v, bool ok)
{
    op *o = &w->task->op;
    if (w->ncase >= 0) {
        o->sel = w->ncase;
        o->cases[w->ncase].res = v;
        o->cases[w->ncase].ok = ok;
    } else {
        o->res = v;
        o->ok = ok;
    }
}

static void waiter_fired(waiter *w)
{
    if (w->ncase >= 0)
        w->task->op.sel = w->ncase;
}

static uint16_t sel_flags(const waiter *w)
{
    return w->ncase >= 0 ? EVF_SELECT : 0;
}

static void emit_chan(wf_engine *e, wf_task *t, ev_op eop, uint16_t flags,
                      wf_chan *ch, int32_t peer, wf_value v, uint64_t seq,
                      int32_t ncase)
{
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    wf_event ev = {0,     0,          t->tid,     (uint16_t)eop,
                   flags, ch->hdr.oid, peer,      v.i,
                   (int64_t)seq, ncase, t->op.file, t->op.line};
    engine_emit_slow(e, &ev);
}

/* Send v from task t (case ncase, -1 for a plain send) on a ready, open
 * channel. */
static void do_send(wf_engine *e, wf_task *t, wf_chan *ch, wf_value v,
                    int32_t ncase)
{
    uint16_t f = ncase >= 0 ? EVF_SELECT : 0;
    waiter *r = waitq_pop(&ch->recvq);
    if (r) {
        WF_TESTCASE(ch->cap > 0); /* buffered, empty, receiver parked */
        uint64_t k = ch->nsent++;
        ch->nrecv++;
        waiter_give(r, v, true);
        emit_chan(e, t, EV_SEND, f | EVF_WAKE, ch, r->task->tid, v, k, ncase);
        emit_chan(e, r->task, EV_RECV, sel_flags(r), ch, t->tid, v, k,
                  r->ncase);
        engine_complete(e, r->task);
        return;
    }
    WF_ASSERT(ch->len < ch->cap);
    WF_TESTCASE(ch->len + 1 == ch->cap); /* fills the buffer */
    ch->buf[(ch->head + ch->len) % ch->cap] = v;
    ch->len++;
    emit_chan(e, t, EV_SEND, f, ch, -1, v, ch->nsent++, ncase);
}

/* Receive into task t (case ncase) from a ready channel. */
static void do_recv(wf_engine *e, wf_task *t, wf_chan *ch, wf_value *out,
                    bool *ok, int32_t ncase)
{
    uint16_t f = ncase >= 0 ? EVF_SELECT : 0;
    if (ch->len) {
        uint64_t k = ch->nrecv++;
        waiter *s;
        *out = ch->buf[ch->head];
        *ok = true;
        ch->head = (ch->head + 1) % ch->cap;
        ch->len--;
        s = waitq_pop(&ch->sendq);
        if (!s) {
            emit_chan(e, t, EV_RECV, f, ch, -1, *out, k, ncase);
            return;
        }
        /* The longest-parked sender's value takes the freed slot: its
         * send completes now, after this receive (the (k+C)-th send). */
        ch->buf[(ch->head + ch->len) % ch->cap] = waiter_value(s);
        ch->len++;
        waiter_fired(s);
        emit_chan(e, t, EV_RECV, f | EVF_HANDOFF | EVF_WAKE, ch, s->task->tid,
                  *out, k, ncase);
        emit_chan(e, s->task, EV_SEND, sel_flags(s), ch, t->tid,
                  waiter_value(s), ch->nsent++, s->ncase);
        engine_complete(e, s->task);
        return;
    }
    waiter *s = waitq_pop(&ch->sendq);
    if (s) {
        uint64_t k = ch->nsent++;
        ch->nrecv++;
        *out = waiter_value(s);
        *ok = true;
        waiter_fired(s);
        emit_chan(e, s->task, EV_SEND, sel_flags(s), ch, t->tid, *out, k,
                  s->ncase);
        emit_chan(e, t, EV_RECV, f | EVF_WAKE, ch, s->task->tid, *out, k,
                  ncase);
        engine_complete(e, s->task);
        return;
    }
    WF_ASSERT(ch->closed);
    memset(out, 0, sizeof *out);
    *ok = false;
    emit_chan(e, t, EV_RECV, f | EVF_FAILED, ch, -1, *out, ch->nrecv, ncase);
}

static step_result park_forever(wf_engine *e, wf_task *t)
{
    engine_emit_op(e, t, EV_BLOCK, 0, NULL, -1, 0, 0);
    engine_park(e, t);
    return STEP_PARKED;
}

static step_result park_on(wf_engine *e, wf_task *t, waitq *q)
{
    t->op.w.task = t;
    t->op.w.ncase = -1;
    t->op.w.seq = e->wait_seq++;
    waitq_push(q, &t->op.w);
    engine_emit_op(e, t, EV_BLOCK, 0, t->op.obj, -1, 0, 0);
    engine_park(e, t);
    return STEP_PARKED;
}

step_result chan_send(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    if (!ch)
        return park_forever(e, t);
    if (ch->closed)
        return engine_panic(e, t, GO_SEND_CLOSED_CHAN, false);
    if (chan_send_ready(ch)) {
        do_send(e, t, ch, t->op.val, -1);
        return STEP_DONE;
    }
    return park_on(e, t, &ch->sendq);
}

step_result chan_recv(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    if (!ch)
        return park_forever(e, t);
    if (chan_recv_ready(ch)) {
        do_recv(e, t, ch, &t->op.res, &t->op.ok, -1);
        return STEP_DONE;
    }
    return park_on(e, t, &ch->recvq);
}

bool chan_offer(wf_engine *e, wf_chan *ch, wf_value v)
{
    waiter *r;
    if (ch->closed)
        return false;
    r = waitq_pop(&ch->recvq);
    if (r) {
        uint64_t k = ch->nsent++;
        ch->nrecv++;
        waiter_give(r, v, true);
        engine_emit(e, r->task->tid, EV_RECV, sel_flags(r), ch->hdr.oid, -1,
                    v.i, (int64_t)k, r->task->op.file, r->task->op.line);
        engine_complete(e, r->task);
        return true;
    }
    if (ch->len == ch->cap)
        return false;
    ch->buf[(ch->head + ch->len) % ch->cap] = v;
    ch->len++;
    ch->nsent++;
    return true;
}

step_result chan_close(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    waiter *w;
    wf_value zero = {0, 0};
    if (!ch)
        return engine_panic(e, t, GO_CLOSE_NIL_CHAN, false);
    if (ch->closed)
        return engine_panic(e, t, GO_CLOSE_CLOSED_CHAN, false);
    ch->closed = true;
    engine_emit_op(e, t, EV_CLOSE, 0, &ch->hdr, -1, 0, (int64_t)ch->nsent);
    /* Parked receivers get the zero value and ok == false. */
    while ((w = waitq_pop(&ch->recvq))) {
        waiter_give(w, zero, false);
        emit_chan(e, w->task, EV_RECV, sel_flags(w) | EVF_FAILED, ch, t->tid,
                  zero, ch->nrecv, w->ncase);
        engine_complete(e, w->task);
    }
    /* A parked sender panics: send on closed channel. */
    w = waitq_pop(&ch->sendq);
    if (w) {
        wf_task *s = w->task;
        waiter_fired(w);
        return engine_panic(e, s, GO_SEND_CLOSED_CHAN, false);
    }
    return STEP_DONE;
}

/* Go's select (runtime/select.go): the ready cases are a choice; if none is
 * ready, default fires if present, else the task parks on every non-nil
 * case and the first partner to arrive completes it. */
step_result chan_select(wf_engine *e, wf_task *t)
{
    op *o = &t->op;
    int32_t ready[64], *rd = ready;
    int n = 0, idx;
    int32_t c;
    bool any = false;
    if (o->ncases > 64)
        rd = arena_alloc(&e->mem, o->ncases * sizeof(int32_t));
    for (uint32_t i = 0; i < o->ncases; i++) {
        sel_case *sc = &o->cases[i];
        if (!sc->chan)
            continue;
        any = true;
        if (sc->send ? chan_send_ready(sc->chan) : chan_recv_ready(sc->chan))
            rd[n++] = (int32_t)i;
    }
    if (n == 0) {
        if (o->has_default) {
            o->sel = -1;
            engine_emit_op(e, t, EV_SELECT, EVF_DEFAULT, NULL, -1, 0, -1);
            return STEP_DONE;
        }
        if (!any)
            return park_forever(e, t);
        for (uint32_t i = 0; i < o->ncases; i++) {
            sel_case *sc = &o->cases[i];
            if (!sc->chan)
                continue;
            sc->w.task = t;
            sc->w.ncase = (int32_t)i;
            sc->w.seq = e->wait_seq++;
            waitq_push(sc->send ? &sc->chan->sendq : &sc->chan->recvq,
                       &sc->w);
        }
        o->sel = -1;
        engine_emit_op(e, t, EV_BLOCK, EVF_SELECT, NULL, -1, 0, 0);
        engine_park(e, t);
        return STEP_PARKED;
    }
    idx = engine_choose(e, CHOICE_SELECT, n, rd);
    if (idx < 0)
        return STEP_DONE;
    c = rd[idx];
    o->sel = c;
    {
        sel_case *sc = &o->cases[c];
        if (sc->send) {
            if (sc->chan->closed)
                return engine_panic(e, t, GO_SEND_CLOSED_CHAN, false);
            do_send(e, t, sc->chan, sc->val, c);
        } else {
            do_recv(e, t, sc->chan, &sc->res, &sc->ok, c);
        }
    }
    return STEP_DONE;
}

/* chan.c: Go channels and select (see chan.h for the model). */
#include "chan.h"

#include <string.h>

#include "await.h"

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

static bool task_ready(const wf_task *t);

bool chan_check(const wf_chan *ch)
{
    int32_t cs = 0, cr = 0;
    for (const waiter *w = ch->sendq.head; w; w = w->next) {
        cs += w->committed;
        if ((w->task->state == TASK_RUNNABLE) != task_ready(w->task))
            return false;
    }
    for (const waiter *w = ch->recvq.head; w; w = w->next) {
        cr += w->committed;
        if ((w->task->state == TASK_RUNNABLE) != task_ready(w->task))
            return false;
    }
    return ch->len <= ch->cap && cs == ch->ncsend && cr == ch->ncrecv &&
           ch->nsent - ch->nrecv == ch->len;
}

/* ---- readiness --------------------------------------------------------- */

/* Committed waiters of t itself on ch in one direction (a select may both
 * send and receive on one channel; it never meets itself). */
static int32_t own_committed(const wf_task *t, const wf_chan *ch, bool send)
{
    const op *o = &t->op;
    int32_t n = 0;
    if (o->kind != OP_SELECT || o->has_default)
        return 0;
    for (uint32_t i = 0; i < o->ncases; i++)
        n += o->cases[i].chan == ch && o->cases[i].send == send &&
             o->cases[i].w.q != NULL;
    return n;
}

static bool early_pending(const wf_chan *ch)
{
    return ch->early && ch->early->heap_pos >= 0 && !ch->early->held_by;
}

/* When t's receive on ch arrived (its waiters share the time). */
static int64_t recv_when(const wf_task *t, const wf_chan *ch)
{
    const op *o = &t->op;
    if (o->kind == OP_SELECT) {
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan == ch && !o->cases[i].send)
                return o->cases[i].w.when;
        return INT64_MAX;
    }
    return o->w.when;
}

/* Did another committed receiver start waiting on ch at an earlier
 * virtual time than t? Go's runtime queues receivers in arrival order and
 * a sender (or a value reaching an empty buffer) goes to the first one, so
 * t cannot take it before them: a player arriving at 300 ms does not take
 * the ball from main, waiting since 250 ms. Arrivals at the same virtual
 * time keep no order, as pick_partner chooses among them. A select woken
 * by another of its channels is no longer waiting on ch (Go's sender skips
 * its sudog). The queue is in arrival order, so the scan stops at t's
 * time: O(1) in the usual case. */
static bool recv_behind(const wf_chan *ch, const wf_task *t)
{
    int64_t when;
    if (ch->ncrecv < 2)
        return false;
    when = recv_when(t, ch);
    for (const waiter *w = ch->recvq.head; w && w->when < when; w = w->next) {
        const op *o = &w->task->op;
        if (w->task == t || !w->committed)
            continue;
        if (w->ncase >= 0 && o->woke && o->woke != ch)
            continue;
        return true;
    }
    return false;
}

static bool recv_ready(const wf_chan *ch, const wf_task *t)
{
    if (ch->closed || early_pending(ch))
        return true;
    if (ch->len)
        return !recv_behind(ch, t);
    if (ch->cap)
        return false;
    return ch->ncsend - own_committed(t, ch, true) > 0 && !recv_behind(ch, t);
}

static bool send_ready(const wf_chan *ch, const wf_task *t, bool committed)
{
    if (ch->closed || ch->len < ch->cap)
        return true;
    if (ch->cap || committed)
        return false;
    return ch->ncrecv - own_committed(t, ch, false) > 0;
}

static bool case_ready(const wf_task *t, const sel_case *sc)
{
    if (!sc->chan)
        return false;
    return sc->send ? send_ready(sc->chan, t, !t->op.has_default)
                    : recv_ready(sc->chan, t);
}

static bool task_ready(const wf_task *t)
{
    const op *o = &t->op;
    const wf_chan *ch;
    if (t->awaiting) /* a poll waiting for a write (await.c) */
        return false;
    if (o->kind == OP_SELECT) {
        if (o->has_default)
            return true;
        for (uint32_t i = 0; i < o->ncases; i++)
            if (case_ready(t, &o->cases[i]))
                return true;
        return false;
    }
    ch = (const wf_chan *)o->obj;
    if (!ch)
        return false;
    return o->kind == OP_SEND ? send_ready(ch, t, true) : recv_ready(ch, t);
}

/* Is a case of select t on ch ready? */
static bool chan_case_ready(const wf_task *t, const wf_chan *ch)
{
    for (uint32_t i = 0; i < t->op.ncases; i++)
        if (t->op.cases[i].chan == ch && case_ready(t, &t->op.cases[i]))
            return true;
    return false;
}

/* The current step changed w's channel, waited on by select t (no
 * default), which is now ready or not. A parked select made ready is
 * committed to the channel that woke it, as Go's runtime commits it (the
 * closer or sender dequeues its sudog and the select returns that case);
 * one no longer ready is parked again. Which change wakes it depends on
 * the order of the changes to its channels, so a step that makes one of
 * its cases ready reads them all: two such steps on different channels
 * are dependent, and DPOR explores both orders. */
static void select_woken(wf_engine *e, wf_task *t, const waiter *w,
                         bool ready)
{
    op *o = &t->op;
    wf_chan *ch = o->cases[w->ncase].chan;
    if (!ready) {
        o->woke = NULL;
        return;
    }
    if (!case_ready(t, &o->cases[w->ncase]))
        return;
    if (t->state == TASK_BLOCKED || (o->woke && !chan_case_ready(t, o->woke)))
        o->woke = ch;
    for (uint32_t i = 0; i < o->ncases; i++)
        if (o->cases[i].chan && o->cases[i].chan != ch)
            engine_access(e, o->cases[i].chan->hdr.oid, ACC_READ);
}

/* Re-decide every task waiting in q. O(waiters x cases).
 * What a waiter's readiness on ch depends on (recv_ready, send_ready):
 *   receivers: len, closed, and (cap 0) ncsend less their own;
 *   senders:   len, closed. ncrecv matters to an uncommitted sender
 *              only, a select with default, which is ready anyway.
 * So each change re-decides only the queue it can affect: a committed
 * sender arriving or leaving an unbuffered channel the receivers, a
 * committed receiver nobody, the buffer's emptiness the receivers, its
 * fullness the senders, a close both. A task whose inputs did not change
 * keeps its state, so this is the same as re-deciding everyone. */
static void rescan_q(wf_engine *e, waitq *q)
{
    for (waiter *w = q->head; w; w = w->next) {
        wf_task *t = w->task;
        bool ready = task_ready(t);
        if (w->ncase >= 0 && w->committed)
            select_woken(e, t, w, ready);
        engine_set_enabled(e, t, ready);
    }
}

/* ch was closed: re-decide every task waiting on it. */
static void rescan(wf_engine *e, wf_chan *ch)
{
    rescan_q(e, &ch->recvq);
    rescan_q(e, &ch->sendq);
}

/* ch's buffer length changed from `was`: re-decide the receivers when it
 * became or stopped being empty, the senders when full. */
static void rescan_len(wf_engine *e, wf_chan *ch, size_t was)
{
    if ((was == 0) != (ch->len == 0))
        rescan_q(e, &ch->recvq);
    if ((was == ch->cap) != (ch->len == ch->cap))
        rescan_q(e, &ch->sendq);
}

void chan_early_changed(wf_engine *e, wf_chan *ch)
{
    engine_access(e, ch->hdr.oid, ACC_WRITE);
    await_wrote(e, &ch->hdr);
    rescan_q(e, &ch->recvq);
}

/* ---- registration ------------------------------------------------------ */

static inline void link_waiter(wf_engine *e, wf_task *t, wf_chan *ch,
                               waiter *w, bool send, int32_t ncase,
                               bool committed)
{
    w->task = t;
    w->ncase = ncase;
    w->committed = committed;
    w->seq = e->wait_seq++;
    w->when = e->now_ns;
    waitq_push(send ? &ch->sendq : &ch->recvq, w);
    if (committed) {
        if (send)
            ch->ncsend++;
        else
            ch->ncrecv++;
        /* (on a closed channel a commit enables nothing: a send there
         * panics, and the receive reads the close) */
        if (!ch->cap && !ch->closed)
            engine_access(e, ch->hdr.oid, ACC_COMMIT);
    }
}

/* Unlink w from ch; true if the receivers' readiness may have changed
 * (a committed sender left an unbuffered channel, or a committed receiver
 * left others waiting behind it: recv_behind; see rescan_q). */
static inline bool unlink_waiter(wf_chan *ch, waiter *w, bool send)
{
    if (!w->q)
        return false;
    waitq_remove(w->q, w);
    if (!w->committed)
        return false;
    if (!send) {
        ch->ncrecv--;
        return ch->ncrecv > 0 && (ch->len || ch->ncsend);
    }
    ch->ncsend--;
    return ch->cap == 0;
}

void chan_expose(wf_engine *e, wf_task *t)
{
    op *o = &t->op;
    bool ready;
    if (o->kind == OP_SELECT) {
        bool committed = !o->has_default;
        o->woke = NULL;
        for (uint32_t i = 0; i < o->ncases; i++) {
            sel_case *sc = &o->cases[i];
            sc->w.q = NULL;
            if (sc->chan)
                link_waiter(e, t, sc->chan, &sc->w, sc->send, (int32_t)i,
                            committed);
        }
        if (committed)
            for (uint32_t i = 0; i < o->ncases; i++)
                if (o->cases[i].chan && o->cases[i].send &&
                    !o->cases[i].chan->cap)
                    rescan_q(e, &o->cases[i].chan->recvq);
        ready = task_ready(t);
    } else if (o->obj) {
        wf_chan *ch = (wf_chan *)o->obj;
        bool send = o->kind == OP_SEND;
        o->w.q = NULL;
        link_waiter(e, t, ch, &o->w, send, -1, true);
        if (!ch->cap && send)
            rescan_q(e, &ch->recvq);
        /* task_ready of a plain op: no waiter of its own to discount */
        ready = send ? send_ready(ch, t, true)
                     : ch->closed || early_pending(ch) ||
                           ((ch->len || (!ch->cap && ch->ncsend > 0)) &&
                            !recv_behind(ch, t));
    } else {
        ready = false; /* a nil channel blocks forever */
    }
    engine_set_enabled(e, t, ready);
    if (!ready)
        engine_emit_op(e, t, EV_BLOCK, o->kind == OP_SELECT ? EVF_SELECT : 0,
                       o->kind == OP_SELECT ? NULL : o->obj, -1, 0, 0);
}

void chan_unregister(wf_engine *e, wf_task *t)
{
    op *o = &t->op;
    if (o->kind == OP_SELECT) {
        for (uint32_t i = 0; i < o->ncases; i++) {
            sel_case *sc = &o->cases[i];
            if (sc->chan && unlink_waiter(sc->chan, &sc->w, sc->send))
                rescan_q(e, &sc->chan->recvq);
        }
    } else if (o->obj) {
        wf_chan *ch = (wf_chan *)o->obj;
        if (unlink_waiter(ch, &o->w, o->kind == OP_SEND))
            rescan_q(e, &ch->recvq);
    }
}

/* ---- performing -------------------------------------------------------- */

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

static uint16_t sel_flags(int32_t ncase)
{
    return ncase >= 0 ? EVF_SELECT : 0;
}

static void emit_chan_slow(wf_engine *e, wf_task *t, ev_op eop,
                           uint16_t flags, wf_chan *ch, int32_t peer,
                           const wf_value *v, uint64_t seq, int32_t ncase)
{
    wf_event ev = {0,     0,           t->tid,     (uint16_t)eop,
                   flags, ch->hdr.oid, peer,       engine_value(e, *v),
                   (int64_t)seq, ncase, t->op.file, t->op.line};
    engine_emit_slow(e, &ev);
}

/* An event about a channel op: one branch when nobody listens (v by
 * address: the value is not even loaded then). */
static inline void emit_chan(wf_engine *e, wf_task *t, ev_op eop,
                             uint16_t flags, wf_chan *ch, int32_t peer,
                             const wf_value *v, uint64_t seq, int32_t ncase)
{
    if (WF_LIKELY(e->nconsumers == 0))
        return;
    emit_chan_slow(e, t, eop, flags, ch, peer, v, seq, ncase);
}

/* The committed partner a rendezvous takes from q: among those that
 * arrived at the earliest virtual time, a choice, ordered by (tid, case).
 * NULL if the strategy abandoned. */
static waiter *pick_partner(wf_engine *e, waitq *q)
{
    int n = 0, idx;
    int64_t first = INT64_MAX;
    void **cand;
    if (q->head && !q->head->next && q->head->committed)
        return q->head; /* the only waiter: no choice */
    for (waiter *w = q->head; w; w = w->next)
        if (w->committed && w->when < first)
            first = w->when;
    engine_cands_reset(e);
    for (waiter *w = q->head; w; w = w->next)
        if (w->committed && w->when == first)
            engine_cands_add(e, w, 0);
    /* ordered by (tid, case): insertion, the queue is in arrival order
     * and mostly sorted already */
    cand = e->cands.p;
    n = (int)e->cands.len;
    for (int i = 1; i < n; i++) {
        waiter *w = cand[i];
        int j = i;
        for (; j > 0; j--) {
            const waiter *p = cand[j - 1];
            if (p->task->tid < w->task->tid ||
                (p->task->tid == w->task->tid && p->ncase < w->ncase))
                break;
            cand[j] = cand[j - 1];
        }
        cand[j] = w;
    }
    WF_ASSERT(n > 0);
    for (int i = 0; i < n; i++)
        e->cand_alts.p[i] = ((const waiter *)cand[i])->task->tid;
    idx = engine_cands_choose(e, CHOICE_PARTNER);
    return idx < 0 ? NULL : e->cands.p[idx];
}

/* Send v from t (case ncase, -1 plain) on a ready, open channel. */
static void do_send(wf_engine *e, wf_task *t, wf_chan *ch, wf_value v,
                    int32_t ncase)
{
    uint16_t f = sel_flags(ncase);
    if (ch->len < ch->cap && !ch->early)
        engine_access_queue(e, ch->hdr.oid, ACC_ENQ, (int64_t)ch->len,
                            (int64_t)ch->cap);
    else
        engine_access(e, ch->hdr.oid, ACC_WRITE);
    if (ch->len < ch->cap) {
        WF_TESTCASE(ch->len + 1 == ch->cap); /* fills the buffer */
        ch->buf[(ch->head + ch->len) % ch->cap] = v;
        ch->len++;
        emit_chan(e, t, EV_SEND, f, ch, -1, &v, ch->nsent++, ncase);
        rescan_len(e, ch, ch->len - 1);
        return;
    }
    /* cap 0, t not committed: hand v to a committed receiver */
    waiter *r = pick_partner(e, &ch->recvq);
    if (!r)
        return;
    uint64_t k = ch->nsent++;
    ch->nrecv++;
    waiter_give(r, v, true);
    emit_chan(e, t, EV_SEND, f | EVF_WAKE, ch, r->task->tid, &v, k, ncase);
    emit_chan(e, r->task, EV_RECV, sel_flags(r->ncase), ch, t->tid, &v, k,
              r->ncase);
    engine_complete(e, r->task);
}

/* Does a receive from ch change nothing (a read, for the reduction)?
 * One on a closed, drained channel: it gets the zero value and false,
 * and leaves the channel as it was; nothing can change it after (a send
 * or a close panics, conflicting with everything), so two such receives
 * commute (a pool's workers each seeing the jobs channel closed: one
 * order, not n!), and each stays ordered with the close and the
 * dequeues before it, which write. */
static bool recv_reads(const wf_chan *ch)
{
    return ch->closed && !ch->len && !ch->early;
}

/* Receive into t (case ncase) from a ready channel. */
static void do_recv(wf_engine *e, wf_task *t, wf_chan *ch, wf_value *out,
                    bool *ok, int32_t ncase)
{
    uint16_t f = sel_flags(ncase);
    if (ch->len && !ch->early)
        engine_access_queue(e, ch->hdr.oid, ACC_DEQ, (int64_t)ch->len,
                            (int64_t)ch->cap);
    else
        engine_access(e, ch->hdr.oid,
                      recv_reads(ch) ? ACC_READ : ACC_WRITE);
    if (!ch->len && !ch->closed && early_pending(ch)) {
        /* an early timer (engine_fires_early) fires now, for this
         * receiver (a ticker is re-armed by its fire); the clock is not
         * moved, but in the timing search, where a timer of any length
         * fires early, it moves to the deadline: no timer fires before
         * its time, and time.Since agrees with the ticks taken */
        timer *tm = ch->early;
        if (tm->late)
            engine_timing_note(e, WF_TIME_GRAIN_NS, true, ch->hdr.file,
                               ch->hdr.line);
        if (e->cfg.time_early && tm->when > e->now_ns) {
            engine_access(e, OID_TIME, ACC_WRITE);
            e->now_ns = tm->when;
        }
        engine_timer_cancel(e, tm);
        tm->fire(e, tm);
        if (tm->heap_pos >= 0) /* a ticker re-armed: time must pass */
            engine_timer_hold(e, tm, t->tid);
    }
    if (ch->len) {
        *out = ch->buf[ch->head];
        *ok = true;
        ch->head = (ch->head + 1) % ch->cap;
        ch->len--;
        emit_chan(e, t, EV_RECV, f, ch, -1, out, ch->nrecv++, ncase);
        rescan_len(e, ch, ch->len + 1);
        return;
    }
    if (!ch->cap && ch->ncsend && !ch->closed) {
        waiter *s = pick_partner(e, &ch->sendq);
        uint64_t k;
        if (!s)
            return;
        k = ch->nsent++;
        ch->nrecv++;
        *out = waiter_value(s);
        *ok = true;
        if (s->ncase >= 0)
            s->task->op.sel = s->ncase;
        emit_chan(e, s->task, EV_SEND, sel_flags(s->ncase), ch, t->tid, out,
                  k, s->ncase);
        emit_chan(e, t, EV_RECV, f | EVF_WAKE, ch, s->task->tid, out, k,
                  ncase);
        engine_complete(e, s->task);
        return;
    }
    WF_ASSERT(ch->closed);
    memset(out, 0, sizeof *out);
    *ok = false;
    emit_chan(e, t, EV_RECV, f | EVF_FAILED, ch, -1, out, ch->nrecv, ncase);
}

/* A send on a closed channel panics, after its access to the channel
 * (Go's chansend reads it before it looks at closed, racereadpc): a
 * failed send event, which races with a close nothing orders it after,
 * as go -race reports beside the panic. */
static step_result send_closed(wf_engine *e, wf_task *t, wf_chan *ch,
                               const wf_value *v, int32_t ncase)
{
    engine_access(e, ch->hdr.oid, ACC_WRITE);
    emit_chan(e, t, EV_SEND, sel_flags(ncase) | EVF_FAILED, ch, -1, v,
              ch->nsent, ncase);
    return engine_panic(e, t, GO_SEND_CLOSED_CHAN, false);
}

step_result chan_send(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    chan_unregister(e, t);
    if (ch->closed)
        return send_closed(e, t, ch, &t->op.val, -1);
    do_send(e, t, ch, t->op.val, -1);
    return STEP_DONE;
}

step_result chan_recv(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    chan_unregister(e, t);
    do_recv(e, t, ch, &t->op.res, &t->op.ok, -1);
    return STEP_DONE;
}

bool chan_offer(wf_engine *e, wf_chan *ch, wf_value v)
{
    if (ch->closed)
        return false;
    engine_access(e, ch->hdr.oid, ACC_WRITE);
    if (ch->len < ch->cap) {
        ch->buf[(ch->head + ch->len) % ch->cap] = v;
        ch->len++;
        ch->nsent++;
        rescan_len(e, ch, ch->len - 1);
        return true;
    }
    if (!ch->cap && ch->ncrecv) {
        waiter *r = pick_partner(e, &ch->recvq);
        uint64_t k;
        if (!r)
            return false;
        k = ch->nsent++;
        ch->nrecv++;
        waiter_give(r, v, true);
        engine_emit(e, r->task->tid, EV_RECV, sel_flags(r->ncase),
                    ch->hdr.oid, -1, engine_value(e, v), (int64_t)k,
                    r->task->op.file,
                    r->task->op.line);
        engine_complete(e, r->task);
        return true;
    }
    return false;
}

step_result chan_close(wf_engine *e, wf_task *t)
{
    wf_chan *ch = (wf_chan *)t->op.obj;
    if (!ch)
        return engine_panic(e, t, GO_CLOSE_NIL_CHAN, false);
    if (ch->cap && !ch->closed && !ch->early)
        engine_access_queue(e, ch->hdr.oid, ACC_CLOSE, (int64_t)ch->len,
                            (int64_t)ch->cap);
    else
        engine_access(e, ch->hdr.oid, ACC_WRITE);
    if (ch->closed)
        return engine_panic(e, t, GO_CLOSE_CLOSED_CHAN, false);
    ch->closed = true;
    engine_emit_op(e, t, EV_CLOSE, 0, &ch->hdr, -1, 0, (int64_t)ch->nsent);
    rescan(e, ch); /* receivers see the close; senders will panic */
    return STEP_DONE;
}

/* Go's select (runtime/select.go): the ready cases are a choice; default
 * only when none is ready. */
step_result chan_select(wf_engine *e, wf_task *t)
{
    op *o = &t->op;
    int32_t ready[64], *rd = ready;
    int n = 0, idx;
    sel_case *sc;
    if (o->ncases > 64)
        rd = arena_alloc(&e->mem, o->ncases * sizeof(int32_t));
    if (o->woke && !chan_case_ready(t, o->woke))
        o->woke = NULL;
    for (uint32_t i = 0; i < o->ncases; i++)
        if (o->cases[i].chan && case_ready(t, &o->cases[i]) &&
            (!o->woke || o->cases[i].chan == o->woke))
            rd[n++] = (int32_t)i;
    chan_unregister(e, t);
    /* what the select looked at */
    for (uint32_t i = 0; i < o->ncases; i++)
        if (o->cases[i].chan)
            engine_access(e, o->cases[i].chan->hdr.oid, ACC_READ);
    if (n == 0) {
        WF_ASSERT(o->has_default);
        o->sel = -1;
        engine_emit_op(e, t, EV_SELECT, EVF_DEFAULT, NULL, -1, 0, -1);
        return STEP_DONE;
    }
    idx = n == 1 ? 0 : engine_choose(e, CHOICE_SELECT, n, rd);
    if (idx < 0)
        return STEP_DONE;
    o->sel = rd[idx];
    sc = &o->cases[o->sel];
    if (sc->send) {
        if (sc->chan->closed)
            return send_closed(e, t, sc->chan, &sc->val, o->sel);
        do_send(e, t, sc->chan, sc->val, o->sel);
    } else {
        do_recv(e, t, sc->chan, &sc->res, &sc->ok, o->sel);
    }
    return STEP_DONE;
}

/* ---- the class --------------------------------------------------------- */

static void expose(wf_engine *e, wf_task *t)
{
    if (t->op.kind == OP_CLOSE || t->op.kind == OP_CHAN_LEN)
        engine_set_state(e, t, TASK_RUNNABLE);
    else
        chan_expose(e, t);
}

static step_result perform(wf_engine *e, wf_task *t)
{
    switch ((op_kind)t->op.kind) {
    case OP_SEND:
        return chan_send(e, t);
    case OP_RECV:
        return chan_recv(e, t);
    case OP_CLOSE:
        return chan_close(e, t);
    case OP_CHAN_LEN:
        /* len(ch) reads the buffer's length, which sends, receives and
         * an early tick change: the front end takes the length as the
         * op completes. No event: it synchronizes nothing (Go's race
         * detector sees no access), but the search must order it with
         * what changes the length (a branch on len(ch) racing with a
         * send). */
        engine_access(e, t->op.obj->oid, ACC_READ);
        t->op.res = value_int((int64_t)((wf_chan *)t->op.obj)->len);
        return STEP_DONE;
    default:
        return chan_select(e, t);
    }
}

static bool would_panic(const op *o)
{
    switch ((op_kind)o->kind) {
    case OP_SEND:
        return o->obj && ((const wf_chan *)o->obj)->closed;
    case OP_SELECT:
        for (uint32_t i = 0; i < o->ncases; i++)
            if (o->cases[i].chan && o->cases[i].send &&
                o->cases[i].chan->closed)
                return true;
        return false;
    case OP_CLOSE:
        return !o->obj || ((const wf_chan *)o->obj)->closed;
    default:
        return false;
    }
}

/* A select may touch each of its channels, and writes them (it may
 * send, receive or see a close on any). A send on an open unbuffered
 * channel is no step of its own: it commits as it is exposed and the
 * receiver's step performs it (send_ready), so it has nothing pending to
 * race with (it raced as the receiver's). A send or receive on an open
 * buffered channel without a timer enqueues or dequeues (do_send,
 * do_recv) at the buffer's length now (a blocked one, as the step that
 * unblocks it left it: full, or empty), as does a receive that finds an
 * item on a closed one; a close of such a channel is ACC_CLOSE; len(ch)
 * reads; any other op writes. */
static void pending(const op *o, acc_vec *out)
{
    const wf_chan *ch = (const wf_chan *)o->obj;
    if (o->kind == OP_SEND && ch && !ch->cap && !ch->closed)
        return;
    if (o->kind == OP_CHAN_LEN) {
        acc_push(out, o->obj, ACC_READ);
        return;
    }
    if ((o->kind == OP_SEND || o->kind == OP_RECV || o->kind == OP_CLOSE) &&
        ch && ch->cap && !ch->early &&
        (!ch->closed || (o->kind == OP_RECV && ch->len))) {
        acc_push_queue(out, o->obj,
                       o->kind == OP_SEND   ? ACC_ENQ
                       : o->kind == OP_RECV ? ACC_DEQ
                                            : ACC_CLOSE,
                       (int64_t)ch->len, (int64_t)ch->cap);
        return;
    }
    if (o->kind != OP_SELECT) {
        acc_push(out, o->obj,
                 o->kind == OP_RECV && ch && recv_reads(ch) ? ACC_READ
                                                            : ACC_WRITE);
        return;
    }
    for (uint32_t i = 0; i < o->ncases; i++)
        if (o->cases[i].chan)
            acc_push(out, &o->cases[i].chan->hdr, ACC_WRITE);
}

static bool touches(const op *o, int32_t oid)
{
    if (o->kind != OP_SELECT)
        return o->obj && o->obj->oid == oid;
    for (uint32_t c = 0; c < o->ncases; c++)
        if (o->cases[c].chan && o->cases[c].chan->hdr.oid == oid)
            return true;
    return false;
}

static void view(const wf_obj *o, obj_view *out)
{
    const wf_chan *ch = (const wf_chan *)o;
    out->cap = (int64_t)ch->cap;
    out->len = (int64_t)ch->len;
    out->closed = ch->closed;
}

static int64_t capacity(const wf_obj *o)
{
    return (int64_t)((const wf_chan *)o)->cap;
}

/* Small queues only: a debug check per step must stay cheap beside
 * thousands of blocked tasks. */
static bool check(const wf_engine *e, const wf_obj *o)
{
    const wf_chan *ch = (const wf_chan *)o;
    (void)e;
    return ch->recvq.len + ch->sendq.len > 64 || chan_check(ch);
}

/* "waits to send on c", "waits in select on a (send), b (receive)",
 * then who could complete it; "waits forever on a nil channel" */
static const char *wait_phrase(const report_names *n, const wf_task *t,
                               buf *b)
{
    const op *o = &t->op;
    bool any = o->kind != OP_SELECT && o->obj != NULL;
    if (o->kind != OP_SEND && o->kind != OP_RECV && o->kind != OP_SELECT) {
        op_blocked_phrase(o, b);
        return NULL;
    }
    for (uint32_t i = 0; o->kind == OP_SELECT && i < o->ncases; i++)
        any |= o->cases[i].chan != NULL;
    if (!any) {
        buf_puts(b, o->kind == OP_SELECT
                        ? "waits forever in a select with no channel"
                        : "waits forever on a nil channel");
        return NULL;
    }
    if (o->kind == OP_SEND) {
        buf_printf(b, "waits to send on %s", n->obj(n->e, o->obj));
    } else if (o->kind == OP_RECV) {
        buf_printf(b, "waits to receive from %s", n->obj(n->e, o->obj));
    } else {
        bool first = true;
        buf_puts(b, "waits in select on ");
        for (uint32_t i = 0; i < o->ncases; i++) {
            if (!o->cases[i].chan) continue;
            buf_printf(b, "%s%s (%s)", first ? "" : ", ",
                       n->obj(n->e, sel_chan_obj(o->cases[i].chan)),
                       o->cases[i].send ? "send" : "receive");
            first = false;
        }
    }
    return "complete";
}

/* A send reads the channel's history, a close writes it (a send racing
 * with a close); a value moves by slot or rendezvous (chan.go's
 * racesync and racenotify); a receive that saw the close acquires what
 * the close released. */
static int hb_marks(const wf_event *ev, hb_mark *out)
{
    int n = 0;
    switch ((ev_op)ev->op) {
    case EV_SEND:
    case EV_RECV:
        if (ev->op == EV_SEND) {
            n = hb_push(out, n, HB_READ, HB_MAIN);
            out[n - 1].chan = true;
            if (ev->flags & EVF_FAILED)
                return n; /* on a closed channel: it panics */
        }
        if (ev->flags & EVF_FAILED)
            return hb_push(out, n, HB_ACQUIRE, HB_CLOSE);
        return hb_push(out, n, HB_TRANSFER, HB_MAIN);
    case EV_CLOSE:
        n = hb_push(out, n, HB_WRITE, HB_MAIN);
        out[n - 1].chan = true;
        return hb_push(out, n, HB_RELEASE, HB_CLOSE);
    default:
        return 0;
    }
}

const obj_class chan_class = {
    .kind = OBJ_CHAN,
    .name = "chan",
    .expose = expose,
    .perform = perform,
    .would_panic = would_panic,
    .pending = pending,
    .touches = touches,
    .capacity = capacity,
    .view = view,
    .check = check,
    .wait_phrase = wait_phrase,
    .hb_marks = hb_marks,
};

/* race.c: see race.h. FastTrack (Flanagan and Freund, PLDI 2009): each
 * variable keeps the epoch of its last write and of its last read, or a
 * read vector while reads are concurrent; each sync object keeps a vector
 * clock (sparse: vclock.h). Accesses cost O(log tids known) except a
 * write after concurrent reads; acquires and releases cost O(tids seen
 * x log), acquires of a pure clock whose releaser the task already knows
 * cost O(log). */
#include "race.h"

#include <stdlib.h>
#include <string.h>

#include "race_int.h"

/* ---- tasks and objects ------------------------------------------------ */

static void task_init(race_checker *r, rc_task *T, int32_t tid)
{
    memset(T, 0, sizeof *T);
    T->init = true;
    T->ls = r->empty;
    T->last_rec = -1;
    vc_set(&r->vm, &T->vc, tid, 1);
}

static rc_task *task_grow(race_checker *r, int32_t tid)
{
    rc_task *T;
    if ((size_t)tid >= r->tasks.len) {
        size_t old = r->tasks.len;
        VEC_RESERVE(r->tasks, (size_t)tid + 1);
        memset(r->tasks.p + old, 0,
               ((size_t)tid + 1 - old) * sizeof *r->tasks.p);
        r->tasks.len = (size_t)tid + 1;
    }
    T = &r->tasks.p[tid];
    if (!T->init) task_init(r, T, tid);
    return T;
}

/* Task tid's clocks, made on first use; inline: several an event. */
static inline rc_task *task_of(race_checker *r, int32_t tid)
{
    if (WF_LIKELY((size_t)tid < r->tasks.len && r->tasks.p[tid].init))
        return &r->tasks.p[tid];
    return task_grow(r, tid);
}

static rc_obj *obj_grow(race_checker *r, int32_t oid)
{
    if ((size_t)oid >= r->objs.len) {
        size_t old = r->objs.len;
        VEC_RESERVE(r->objs, (size_t)oid + 1);
        memset(r->objs.p + old, 0, ((size_t)oid + 1 - old) * sizeof *r->objs.p);
        r->objs.len = (size_t)oid + 1;
    }
    if (WF_UNLIKELY(!r->objs.p[oid])) {
        rc_obj *o = arena_alloc(&r->mem, sizeof *o);
        o->v.w = o->v.r = epoch_none();
        o->a.last = o->b.last = epoch_none();
        o->a.pure = o->b.pure = true;
        o->head = -1;
        r->objs.p[oid] = o;
    }
    return r->objs.p[oid];
}

static inline rc_obj *obj_of(race_checker *r, int32_t oid)
{
    if (WF_LIKELY((size_t)oid < r->objs.len && r->objs.p[oid]))
        return r->objs.p[oid];
    return obj_grow(r, oid);
}

/* ---- acquire and release ---------------------------------------------- */

static inline epoch now_of(const rc_task *T, int32_t tid)
{
    epoch e = {tid, vc_get(&T->vc, tid)};
    return e;
}

static inline void log_rec(race_checker *r, rc_task *T, int32_t tid,
                           uint16_t eop, int32_t oid, int32_t sub, bool rel)
{
    sync_rec rc;
    rc.tid = tid;
    rc.oid = oid;
    rc.sub = sub;
    rc.aop = 0;
    rc.op = eop;
    rc.release = rel;
    rc.relaxed = false;
    rc.prev = T->last_rec;
    T->last_rec = (int32_t)r->log.len;
    VEC_PUSH(r->log, rc);
}

/* T takes what s holds (Lock, receive, Wait, ...). */
static void acquire(race_checker *r, rc_task *T, int32_t tid, const sclock *s,
                    uint16_t eop, int32_t oid, int32_t sub)
{
    log_rec(r, T, tid, eop, oid, sub, false);
    if (s->pure && epoch_leq(s->last, &T->vc))
        return; /* T already knows everything s holds */
    vc_join(&r->vm, &T->vc, &s->c);
}

/* T's own entry moves on after a release: what T does next is not
 * covered by it. */
static void tick(race_checker *r, rc_task *T, int32_t tid)
{
    vc_set(&r->vm, &T->vc, tid, vc_get(&T->vc, tid) + 1);
}

/* s = s joined with T's clock (Unlock, send, Done, ...). */
static void release(race_checker *r, rc_task *T, int32_t tid, sclock *s,
                    uint16_t eop, int32_t oid, int32_t sub)
{
    bool covered = true; /* s <= T before the join: s becomes T's clock */
    if (!(s->pure && epoch_leq(s->last, &T->vc)))
        covered = vc_leq(&s->c, &T->vc);
    if (covered)
        vc_copy(&r->vm, &s->c, &T->vc);
    else
        vc_join(&r->vm, &s->c, &T->vc);
    s->pure = covered;
    s->last = now_of(T, tid);
    log_rec(r, T, tid, eop, oid, sub, true);
    tick(r, T, tid);
}

/* ---- held locks (for explanations only) ------------------------------- */

static const lockset *ls_with(race_checker *r, const lockset *s, int32_t it)
{
    lockset *n =
        arena_alloc(&r->mem, sizeof *n + (size_t)(s->n + 1) * sizeof(int32_t));
    int32_t i = 0, j = 0;
    while (i < s->n && s->item[i] < it)
        n->item[j++] = s->item[i++];
    n->item[j++] = it;
    while (i < s->n)
        n->item[j++] = s->item[i++];
    n->n = j;
    return n;
}

/* s without one item for oid (read-held preferred when read); NULL when s
 * holds none. */
static const lockset *ls_without(race_checker *r, const lockset *s, int32_t oid,
                                 bool read)
{
    int32_t at = -1;
    lockset *n;
    for (int32_t i = 0; i < s->n; i++)
        if (s->item[i] >> 1 == oid) {
            at = i;
            if ((s->item[i] & 1) == read) break;
        }
    if (at < 0) return NULL;
    if (s->n == 1) return r->empty;
    n = arena_alloc(&r->mem, sizeof *n + (size_t)(s->n - 1) * sizeof(int32_t));
    for (int32_t i = 0, j = 0; i < s->n; i++)
        if (i != at) n->item[j++] = s->item[i];
    n->n = s->n - 1;
    return n;
}

static void lock_held(race_checker *r, rc_task *T, int32_t oid, bool read)
{
    T->ls = ls_with(r, T->ls, oid * 2 + (read ? 1 : 0));
}

/* Go lets any task unlock a mutex: drop it from whoever holds it. */
static void lock_dropped(race_checker *r, rc_task *T, int32_t oid, bool read)
{
    const lockset *n = ls_without(r, T->ls, oid, read);
    if (n) {
        T->ls = n;
        return;
    }
    for (size_t i = 0; i < r->tasks.len; i++) {
        rc_task *U = &r->tasks.p[i];
        if (U->init && (n = ls_without(r, U->ls, oid, read))) {
            U->ls = n;
            return;
        }
    }
}

/* ---- recording races (race_explain.c reports them) --------------------- */

/* A site of a race: read or write at one line is one site, so a
 * read-write and a write-write race between the same two lines are one
 * finding. */
static uint64_t site_hash(uint64_t h, const char *file, int32_t line)
{
    if (file) h = hash_bytes(h, file, strlen(file));
    return hash_u64(h, (uint64_t)line);
}

/* h extended by the variable an object's name starts with
 * ("stdoutBuff" of "stdoutBuff.buf[77]"): with the two sites, the
 * signature of one root cause. Go's race detector reports a pair of
 * stacks once whatever the address; one bytes.Buffer written by two
 * goroutines gave a finding per byte and per field here (117 for Concurrency
 * in Go's fig-using-buffered-chans.go, now 5). */
static uint64_t name_hash(uint64_t h, const char *x)
{
    size_t n = 0;
    while (x[n] && (n == 0 || (x[n] != '.' && x[n] != '[')))
        n++;
    return hash_bytes(h, x, n);
}

/* Record a race between the stored access (ta, aa, wa) and the current
 * one of ev (write wb); it is reported at the end of the execution. */
static void record(race_checker *r, wf_engine *e, const wf_event *ev,
                   int32_t oid, bool chan, int32_t ta, const access *aa,
                   bool wa, bool wb, const access *ab)
{
    const char *x = report_obj_name(e, e->objs.p[oid]);
    uint64_t h1 = site_hash(HASH_INIT, aa->file, aa->line);
    uint64_t h2 = site_hash(HASH_INIT, ev->file, ev->line);
    uint64_t sig = hash_u64(HASH_INIT ^ WF_RACE, h1 < h2 ? h1 : h2);
    pending p;
    if (aa->aop && aa->aop < AOP_WG_ADD && ab->aop && ab->aop < AOP_WG_ADD)
        return; /* two atomic ops (C11's relaxed ones order nothing) */
    sig = hash_u64(sig, h1 < h2 ? h2 : h1);
    sig = name_hash(sig, x);
    for (size_t i = 0; i < r->races.len; i++)
        if (r->races.p[i].sig == sig) return;
    memset(&p, 0, sizeof p);
    p.oid = oid;
    p.ta = ta;
    p.tb = ev->tid;
    p.chan = chan;
    p.wa = wa;
    p.wb = wb;
    p.aa = *aa;
    p.ab = *ab;
    p.sig = sig;
    VEC_PUSH(r->races, p);
}

/* ---- accesses --------------------------------------------------------- */

static void rv_set(race_checker *r, rc_var *v, int32_t tid, vc_time c,
                   const access *a)
{
    uint32_t lo = key_lower_bound(v->rv, v->rvn, sizeof *v->rv, tid);
    if (lo == v->rvn || v->rv[lo].tid != tid) {
        if (v->rvn == v->rvcap) {
            uint32_t n = v->rvcap ? v->rvcap * 2 : 4;
            rc_read *rv = arena_alloc(&r->mem, n * sizeof *rv);
            if (v->rvn) memcpy(rv, v->rv, v->rvn * sizeof *rv);
            v->rv = rv;
            v->rvcap = n;
        }
        memmove(v->rv + lo + 1, v->rv + lo, (v->rvn - lo) * sizeof *v->rv);
        v->rvn++;
        v->rv[lo].tid = tid;
    }
    v->rv[lo].clock = c;
    v->rv[lo].a = *a;
}

static void access_as(race_checker *r, wf_engine *e, const wf_event *ev,
                      int32_t oid, rc_var *v, bool write, bool chan,
                      uint8_t aop)
{
    int32_t tid = ev->tid;
    rc_task *T = task_of(r, tid);
    epoch now = now_of(T, tid);
    access a = {ev->step, ev->file, ev->line, (int32_t)r->log.len, T->ls,
                aop};
    if (!write) {
        if (epoch_eq(v->r, now))
            return; /* same epoch: nothing new (FastTrack's fast path) */
        if (!epoch_leq(v->w, &T->vc))
            record(r, e, ev, oid, chan, v->w.tid, &v->wa, true, false, &a);
        if (v->r.tid == READ_SHARED) {
            rv_set(r, v, tid, now.clock, &a);
        } else if (epoch_leq(v->r, &T->vc)) {
            v->r = now;
            v->ra = a;
        } else {
            /* concurrent reads: inflate to a read vector */
            rv_set(r, v, v->r.tid, v->r.clock, &v->ra);
            rv_set(r, v, tid, now.clock, &a);
            v->r.tid = READ_SHARED;
        }
        return;
    }
    if (epoch_eq(v->w, now)) return;
    if (!epoch_leq(v->w, &T->vc))
        record(r, e, ev, oid, chan, v->w.tid, &v->wa, true, true, &a);
    if (v->r.tid == READ_SHARED) {
        for (uint32_t i = 0; i < v->rvn; i++)
            if (v->rv[i].clock > vc_get(&T->vc, v->rv[i].tid))
                record(r, e, ev, oid, chan, v->rv[i].tid, &v->rv[i].a, false,
                       true, &a);
        v->rvn = 0;
        v->r = epoch_none();
    } else if (!epoch_leq(v->r, &T->vc)) {
        record(r, e, ev, oid, chan, v->r.tid, &v->ra, false, true, &a);
    }
    v->w = now;
    v->wa = a;
}

/* Event ev (EVF_PROBE) checked against v's history without joining it:
 * an access of other bytes that overlap v's (weft cc's memory cells: a
 * 4-byte access inside an 8-byte one's word) races with v's accesses,
 * while v's next accesses need not race with it, nor it with another
 * access of disjoint bytes that probes v too. */
static void probe(race_checker *r, wf_engine *e, const wf_event *ev,
                  rc_var *v, bool write)
{
    rc_task *T = task_of(r, ev->tid);
    access a = {ev->step, ev->file, ev->line, (int32_t)r->log.len, T->ls, 0};
    if (!epoch_leq(v->w, &T->vc))
        record(r, e, ev, ev->oid, false, v->w.tid, &v->wa, true, write, &a);
    if (!write)
        return;
    if (v->r.tid == READ_SHARED) {
        for (uint32_t i = 0; i < v->rvn; i++)
            if (v->rv[i].clock > vc_get(&T->vc, v->rv[i].tid))
                record(r, e, ev, ev->oid, false, v->rv[i].tid, &v->rv[i].a,
                       false, true, &a);
    } else if (!epoch_leq(v->r, &T->vc)) {
        record(r, e, ev, ev->oid, false, v->r.tid, &v->ra, false, true, &a);
    }
}

/* An access of v by event ev, marked as its op says (an atomic's, a
 * WaitGroup's, a Mutex's state word's). */
static void on_access(race_checker *r, wf_engine *e, const wf_event *ev,
                      rc_var *v, bool write, bool chan)
{
    uint8_t aop = ev->op == EV_ATOMIC ? (uint8_t)ev->aux
                  : ev->op == EV_WG_ADD ? (uint8_t)AOP_WG_ADD
                  : ev->op == EV_LOCK || ev->op == EV_TRYLOCK
                      ? (uint8_t)AOP_LOCK
                  : ev->op == EV_UNLOCK ? (uint8_t)AOP_UNLOCK
                  : ev->op == EV_BLOCK  ? (uint8_t)AOP_WG_WAIT
                                        : 0;
    access_as(r, e, ev, ev->oid, v, write, chan, aop);
}

/* ---- events ----------------------------------------------------------- */

/* An atomic op or fence under C11's memory model (weft cc), with the
 * fence clocks of Lidbury and Donaldson (Dynamic race detection for
 * C++11, POPL 2017). Only what an acquire reads from a release (or a
 * release sequence) orders: a relaxed store or load orders nothing. The
 * location's clock a holds the release sequence of its last store: a
 * release store sets it to the storer's clock, a relaxed one to the
 * storer's clock at its last release fence, or adds that when the same
 * task's store heads the sequence (C11 before C++20: its later stores
 * continue it); a read-modify-write continues the sequence (joins). A
 * relaxed read keeps what it read for the task's next acquire fence.
 * What this leaves out (the explored orders stay sequentially
 * consistent): stores a relaxed load could read but the interleaving did
 * not show, and seq_cst's total order beyond happens-before. */
/* A relaxed op in the sync log, for explanations only. */
static void relaxed_rec(race_checker *r, rc_task *T, int32_t tid,
                        const wf_event *ev, bool writes)
{
    log_rec(r, T, tid, EV_ATOMIC, ev->oid, 0, writes);
    r->log.p[r->log.len - 1].relaxed = true;
    r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
}

static void on_c11(race_checker *r, wf_engine *e, const wf_event *ev,
                   rc_task *T, rc_obj *o)
{
    int32_t tid = ev->tid;
    bool acq = (ev->flags & EVF_ACQUIRE) != 0;
    bool rel = (ev->flags & EVF_RELEASE) != 0;
    bool reads = ev->aux != OP_ASTORE;
    bool writes = (ev->flags & EVF_WRITE) != 0;
    sclock *s = &o->a;
    if (ev->flags & EVF_FENCE) {
        if (acq)
            vc_join(&r->vm, &T->vc, &T->facq);
        if (rel) {
            vc_copy(&r->vm, &T->frel, &T->vc);
            tick(r, T, tid);
        }
        return;
    }
    if (reads) {
        if (acq) {
            acquire(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        } else {
            vc_join(&r->vm, &T->facq, &s->c);
            relaxed_rec(r, T, tid, ev, false);
        }
    }
    {
        int32_t shadow = obj_alias(e->objs.p[ev->oid]);
        if (shadow >= 0)
            on_access(r, e, ev, &obj_of(r, shadow)->v, writes, false);
    }
    if (!writes)
        return;
    if (reads) { /* a read-modify-write continues the sequence */
        if (rel) {
            release(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        } else {
            if (T->frel.n) {
                vc_join(&r->vm, &s->c, &T->frel);
                s->pure = false;
            }
            relaxed_rec(r, T, tid, ev, true);
        }
        return;
    }
    if (rel) { /* a release store heads a new sequence */
        s->c.n = 0;
        s->pure = false;
        release(r, T, tid, s, EV_ATOMIC, ev->oid, 0);
        r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
        o->head = tid;
        return;
    }
    if (o->head != tid) { /* a relaxed store ends the sequence */
        s->c.n = 0;
        o->head = T->frel.n ? tid : -1;
    }
    vc_join(&r->vm, &s->c, &T->frel);
    s->pure = false;
    relaxed_rec(r, T, tid, ev, true);
}

/* The k-th operation of a buffered channel meets slot k mod C: the k-th
 * send releases into it what the (k-C)-th receive left, and the k-th
 * receive takes what the k-th send left (runtime/chan.go racenotify). */
static void on_slot(race_checker *r, const wf_event *ev, size_t cap)
{
    rc_obj *o = obj_of(r, ev->oid);
    rc_task *T = task_of(r, ev->tid);
    sclock *s;
    int32_t slot;
    if (!o->slots) {
        o->slots = arena_alloc(&r->mem, cap * sizeof *o->slots);
        for (size_t i = 0; i < cap; i++) {
            o->slots[i].last = epoch_none();
            o->slots[i].pure = true;
        }
    }
    slot = (int32_t)((uint64_t)ev->aux % cap);
    s = &o->slots[slot];
    acquire(r, T, ev->tid, s, ev->op, ev->oid, slot);
    release(r, T, ev->tid, s, ev->op, ev->oid, slot);
}

/* An unbuffered send and its receive complete together: each happens
 * before the other completes, so both tasks end with the join of their
 * clocks. The engine emits both events in the same step; the first does
 * the work. */
static void on_rendezvous(race_checker *r, const wf_event *ev)
{
    rc_task *A, *B;
    uint16_t other = ev->op == EV_SEND ? EV_RECV : EV_SEND;
    if (ev->step == r->pair_step && ev->oid == r->pair_oid &&
        ev->tid == r->pair_peer && ev->peer == r->pair_tid)
        return;
    r->pair_step = ev->step;
    r->pair_oid = ev->oid;
    r->pair_tid = ev->tid;
    r->pair_peer = ev->peer;
    task_of(r, ev->peer);
    A = task_of(r, ev->tid);
    B = &r->tasks.p[ev->peer]; /* after both exist: no move in between */
    log_rec(r, A, ev->tid, ev->op, ev->oid, 0, false);
    log_rec(r, B, ev->peer, other, ev->oid, 0, false);
    vc_join(&r->vm, &A->vc, &B->vc);
    vc_copy(&r->vm, &B->vc, &A->vc);
    log_rec(r, A, ev->tid, ev->op, ev->oid, 0, true);
    log_rec(r, B, ev->peer, other, ev->oid, 0, true);
    tick(r, A, ev->tid);
    tick(r, B, ev->peer);
}

/* An access of the plain variable the object of ev shadows (an atomic's
 * word, a Mutex's state word), if any; a write of it writes the range of
 * the array it is an element of too, as a plain element write does (a
 * copy of the array reads that range). */
static void on_shadow(race_checker *r, wf_engine *e, const wf_event *ev,
                      bool write)
{
    int32_t shadow = obj_alias(e->objs.p[ev->oid]), whole;
    if (shadow < 0)
        return;
    on_access(r, e, ev, &obj_of(r, shadow)->v, write, false);
    whole = write ? obj_alias(e->objs.p[shadow]) : -1;
    if (whole >= 0)
        access_as(r, e, ev, whole, &obj_of(r, whole)->v, true, false,
                  AOP_RANGE);
}

/* An event on a sync object: what its class says it does to
 * happens-before (obj_class.hb_marks), applied in order. */
static void on_marks(race_checker *r, wf_engine *e, const wf_event *ev)
{
    hb_mark m[HB_MARKS_MAX];
    const obj_class *c;
    int32_t tid = ev->tid, oid = ev->oid;
    int n;
    if (oid < 0 || (size_t)oid >= e->objs.len)
        return;
    c = obj_class_of(e->objs.p[oid]);
    if (!c->hb_marks)
        return;
    n = c->hb_marks(ev, m);
    for (int i = 0; i < n; i++) {
        rc_obj *o = obj_of(r, oid);
        rc_task *T = task_of(r, tid);
        sclock *s = m[i].clock == HB_READERS ? &o->b : &o->a;
        int32_t sub = m[i].clock == HB_READERS ? SUB_READERS
                      : m[i].clock == HB_CLOSE ? SUB_CLOSE
                                               : 0;
        switch ((hb_op)m[i].op) {
        case HB_ACQUIRE:
            acquire(r, T, tid, s, ev->op, oid, sub);
            break;
        case HB_RELEASE:
            release(r, T, tid, s, ev->op, oid, sub);
            break;
        case HB_READ:
        case HB_WRITE:
            on_access(r, e, ev, &o->v, m[i].op == HB_WRITE, m[i].chan);
            break;
        case HB_PARK:
            if (o->nwait++ == 0) /* the first waiter to park */
                on_access(r, e, ev, &o->v, true, false);
            break;
        case HB_UNPARK:
            if (o->nwait > 0)
                o->nwait--;
            acquire(r, T, tid, &o->a, ev->op, oid, 0);
            break;
        case HB_ALIAS:
            /* an atomic op on a plain variable also accesses it: ordered
             * after the atomics before it (acquired just now), concurrent
             * with a plain access nothing orders (a mixed-access race) */
            on_shadow(r, e, ev, (ev->flags & EVF_WRITE) != 0);
            break;
        case HB_ALIAS_WRITE:
            on_shadow(r, e, ev, true);
            break;
        case HB_TRANSFER:
            if (race_chan_cap(e, oid))
                on_slot(r, ev, race_chan_cap(e, oid));
            else if (ev->peer >= 0)
                on_rendezvous(r, ev);
            break;
        case HB_HOLD:
            lock_held(r, T, oid, m[i].read);
            break;
        case HB_DROP:
            lock_dropped(r, T, oid, m[i].read);
            break;
        }
        if (ev->op == EV_ATOMIC &&
            (m[i].op == HB_ACQUIRE || m[i].op == HB_RELEASE))
            r->log.p[r->log.len - 1].aop = (uint8_t)ev->aux;
    }
}

static void on_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    race_checker *r = ctx;
    int32_t tid = ev->tid, oid = ev->oid;
    uint16_t eop = ev->op;
    rc_task *T;
    switch ((ev_op)ev->op) {
    case EV_READ:
    case EV_WRITE:
        if (ev->flags & EVF_PROBE) {
            probe(r, e, ev, &obj_of(r, oid)->v, eop == EV_WRITE);
            return;
        }
        on_access(r, e, ev, &obj_of(r, oid)->v, eop == EV_WRITE, false);
        if (eop == EV_WRITE) { /* an array element: its array's range */
            int32_t whole = obj_alias(e->objs.p[oid]);
            if (whole >= 0)
                access_as(r, e, ev, whole, &obj_of(r, whole)->v, true,
                          false, AOP_RANGE);
        }
        return;
    case EV_SPAWN: {
        rc_task *C;
        task_of(r, ev->peer);
        T = task_of(r, tid);
        C = &r->tasks.p[ev->peer];
        vc_copy(&r->vm, &C->vc, &T->vc);
        vc_set(&r->vm, &C->vc, ev->peer, 1);
        log_rec(r, T, tid, EV_SPAWN, SPAWN_OID(ev->peer), 0, true);
        log_rec(r, C, ev->peer, EV_SPAWN, SPAWN_OID(ev->peer), 0, false);
        tick(r, T, tid);
        return;
    }
    case EV_EXIT:
        /* nothing reads an exited task's clock again: recycle it */
        if ((size_t)tid < r->tasks.len && r->tasks.p[tid].init) {
            vc_release(&r->vm, &r->tasks.p[tid].vc);
            vc_release(&r->vm, &r->tasks.p[tid].frel);
            vc_release(&r->vm, &r->tasks.p[tid].facq);
        }
        return;
    default:
        break;
    }
    if (oid >= 0 && !(ev->flags & EVF_LIB)) obj_of(r, oid)->user = true;
    switch ((ev_op)ev->op) {
    case EV_ATOMIC:
        if (ev->flags & EVF_C11) { /* weft cc: C11's memory orders */
            on_c11(r, e, ev, task_of(r, tid), obj_of(r, oid));
            return;
        }
        on_marks(r, e, ev);
        return;
    default:
        on_marks(r, e, ev);
        return;
    }
}

static void on_begin(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    (void)e;
    arena_reset(&r->mem);
    vc_mem_init(&r->vm, &r->mem);
    r->tasks.len = 0;
    r->objs.len = 0;
    r->log.len = 0;
    r->races.len = 0;
    r->pair_step = UINT64_MAX;
    r->counted = 0; /* the engine's reset emptied its mem_extra */
    r->empty = arena_alloc(&r->mem, sizeof *r->empty);
}

/* After a step: what the execution's clocks, locksets and synchronization
 * log grew by counts against the memory budget (the log grows with every
 * synchronization: a loop of channel operations fills any budget). */
static void on_step_end(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    uint64_t b = r->mem.total + r->log.len * sizeof *r->log.p +
                 r->tasks.len * sizeof *r->tasks.p +
                 r->objs.len * sizeof *r->objs.p +
                 r->races.len * sizeof *r->races.p;
    e->mem_extra += b - r->counted;
    r->counted = b;
}

/* The races of the execution become findings, in the order found. */
static void on_end(void *ctx, wf_engine *e)
{
    race_checker *r = ctx;
    for (size_t i = 0; i < r->races.len; i++)
        race_explain_report(r, e, &r->races.p[i]);
}

race_checker *race_new(void)
{
    race_checker *r = wf_xcalloc(1, sizeof *r);
    arena_init(&r->mem);
    vc_mem_init(&r->vm, &r->mem);
    return r;
}

void race_free(race_checker *r)
{
    if (!r) return;
    arena_fini(&r->mem);
    VEC_FREE(r->tasks);
    VEC_FREE(r->objs);
    VEC_FREE(r->log);
    VEC_FREE(r->races);
    free(r);
}

wf_consumer race_consumer(race_checker *r)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = r;
    c.begin = on_begin;
    c.event = on_event;
    c.end = on_end;
    c.step_end = on_step_end;
    return c;
}

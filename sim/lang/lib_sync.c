/* lib_sync.c: the natives behind sync, sync/atomic, time, runtime and the
 * builtins that can be deferred: each fills the goroutine's pending op
 * (NAT_YIELD) at phase 0 and takes the result at phase 1 (vm_ncall). */
#include <stdio.h>
#include <string.h>

#include "sim/cond.h"
#include "sim/lang/lib.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

#define NILDEREF                                                               \
    "runtime error: invalid memory address or nil pointer dereference"
#define PHASE(c) ((c)->f->pc)

/* The aggregate a pointer to a library value points to. */
static vm_obj *target_block(vm_ncall *c, vm_value p)
{
    vm_value s;
    if (VM_KIND(p.t) != K_PTR || !p.v.o) {
        vm_throwf(c->g, NILDEREF);
        return NULL;
    }
    if (vm_is_raw(p)) {
        vm_raw_deref(c->g, p);
        return NULL;
    }
    if (p.aux == VM_WHOLE)
        return p.v.o;
    s = p.v.o->slots[p.aux];
    if (!kind_is_aggregate(VM_KIND(s.t)) || !s.v.o) {
        vm_throwf(c->g, NILDEREF);
        return NULL;
    }
    return s.v.o;
}

wf_obj *lib_handle(vm_ncall *c, vm_value p, obj_kind k)
{
    vm_exec *x = c->g->x;
    vm_obj *blk = target_block(c, p);
    uint32_t h;
    if (!blk)
        return NULL;
    for (h = 0; h < blk->n; h++)
        if (VM_KIND(blk->slots[h].t) == K_HANDLE)
            break;
    if (h == blk->n) {
        vm_throwf(c->g, "weft: not a synchronization value");
        return NULL;
    }
    if (!blk->slots[h].v.eo) {
        buf name;
        const char *file;
        int32_t line;
        wf_obj *o = NULL;
        buf_init(&name);
        vm_obj_display_name(x, blk, &name);
        vm_site(c->g, &file, &line);
        switch (k) {
        case OBJ_MUTEX:
            o = &mutex_new(x->e, name.p, file, line)->hdr;
            break;
        case OBJ_RWMUTEX:
            o = &rwmutex_new(x->e, name.p, file, line)->hdr;
            break;
        case OBJ_WAITGROUP:
            o = &waitgroup_new(x->e, name.p, file, line)->hdr;
            break;
        case OBJ_ONCE:
            o = &once_new(x->e, name.p, file, line)->hdr;
            break;
        case OBJ_COND:
            o = &cond_new(x->e, name.p, NULL, file, line)->hdr;
            break;
        default:
            o = &atomic_new(x->e, name.p, 0, file, line)->hdr;
            break;
        }
        buf_fini(&name);
        blk->slots[h] = vm_ref(T_HANDLE, o);
        vm_state_word(x, blk, h, o);
    }
    return blk->slots[h].v.eo;
}

/* Expose op k on the handle of a[0]; at phase 1, done. */
static nat_status simple_op(vm_ncall *c, op_kind k, obj_kind ok)
{
    wf_obj *o;
    if (PHASE(c))
        return NAT_OK;
    o = lib_handle(c, c->a[0], ok);
    if (!o)
        return NAT_PANIC;
    vm_op(c->g, k, o);
    return NAT_YIELD;
}

/* ---- sync -------------------------------------------------------------------- */

nat_status lib_mutex_lock(vm_ncall *c)
{
    return simple_op(c, OP_LOCK, OBJ_MUTEX);
}
nat_status lib_mutex_unlock(vm_ncall *c)
{
    return simple_op(c, OP_UNLOCK, OBJ_MUTEX);
}
/* Expose op k on the handle of a[0]; at phase 1, its result ok. */
static nat_status try_op(vm_ncall *c, op_kind k, obj_kind ok)
{
    if (PHASE(c)) {
        c->r[0] = vm_bool(c->g->t->op.ok);
        return NAT_OK;
    }
    return simple_op(c, k, ok);
}
nat_status lib_mutex_trylock(vm_ncall *c)
{
    return try_op(c, OP_TRYLOCK, OBJ_MUTEX);
}
nat_status lib_rw_lock(vm_ncall *c)
{
    return simple_op(c, OP_WLOCK, OBJ_RWMUTEX);
}
nat_status lib_rw_unlock(vm_ncall *c)
{
    return simple_op(c, OP_WUNLOCK, OBJ_RWMUTEX);
}
nat_status lib_rw_rlock(vm_ncall *c)
{
    return simple_op(c, OP_RLOCK, OBJ_RWMUTEX);
}
nat_status lib_rw_runlock(vm_ncall *c)
{
    return simple_op(c, OP_RUNLOCK, OBJ_RWMUTEX);
}
nat_status lib_rw_trylock(vm_ncall *c)
{
    return try_op(c, OP_TRYWLOCK, OBJ_RWMUTEX);
}
nat_status lib_rw_tryrlock(vm_ncall *c)
{
    return try_op(c, OP_TRYRLOCK, OBJ_RWMUTEX);
}

nat_status lib_wg_add(vm_ncall *c)
{
    wf_obj *o;
    op *p;
    if (PHASE(c))
        return NAT_OK;
    o = lib_handle(c, c->a[0], OBJ_WAITGROUP);
    if (!o)
        return NAT_PANIC;
    p = vm_op(c->g, OP_WG_ADD, o);
    p->val = value_int(vm_settle(c->g->x->prog, c->a[1], T_INT).v.i);
    p->done = c->a[2].v.i != 0;
    return NAT_YIELD;
}

/* A Wait the Done that zeroed the counter released returns when it runs
 * again, a step of its own, as Go's Wait wakes and then checks the
 * counter: an Add in between (the WaitGroup reused for the next round
 * while this Wait has not returned) makes it panic. */
nat_status lib_wg_wait(vm_ncall *c)
{
    if (PHASE(c) == 1 && c->g->t->op.woken) {
        op *p = vm_op(c->g, OP_WG_WAIT, c->g->t->op.obj);
        p->done = true;
        return NAT_YIELD;
    }
    return simple_op(c, OP_WG_WAIT, OBJ_WAITGROUP);
}

nat_status lib_once_begin(vm_ncall *c)
{
    return try_op(c, OP_ONCE, OBJ_ONCE);
}
nat_status lib_once_end(vm_ncall *c)
{
    return simple_op(c, OP_ONCE_END, OBJ_ONCE);
}
nat_status lib_once_done(vm_ncall *c)
{
    c->r[0] = vm_bool(false);
    return NAT_OK;
}
nat_status lib_cond_ticket(vm_ncall *c)
{
    return simple_op(c, OP_COND_WAIT, OBJ_COND);
}
nat_status lib_cond_park(vm_ncall *c)
{
    return simple_op(c, OP_COND_PARK, OBJ_COND);
}
nat_status lib_cond_signal(vm_ncall *c)
{
    return simple_op(c, OP_SIGNAL, OBJ_COND);
}
nat_status lib_cond_broadcast(vm_ncall *c)
{
    return simple_op(c, OP_BROADCAST, OBJ_COND);
}

/* ---- sync/atomic ---------------------------------------------------------------- */

/* The width codes of lib_src.c: 1 int32, 2 int64, 3 uint32, 4 uint64,
 * 5 bool, 6 uintptr. */
static int64_t awrap(int code, int64_t v)
{
    switch (code) {
    case 1:
        return (int32_t)v;
    case 3:
        return (int64_t)(uint32_t)v;
    case 5:
        return v != 0;
    default:
        return v;
    }
}

static vm_value aval(int code, int64_t v)
{
    static const uint32_t types[7] = {T_INT64, T_INT32,  T_INT64,  T_UINT32,
                                      T_UINT64, T_BOOL, T_UINTPTR};
    return vm_int(types[code >= 1 && code <= 6 ? code : 2], awrap(code, v));
}

static int64_t ival(vm_ncall *c, vm_value v)
{
    return vm_settle(c->g->x->prog, v, T_INT64).v.i;
}

/* An atomic op on the handle of a[0]. */
/* Is an atomic native's result thrown away? The natives are called by
 * one-line library wrappers (atomic.AddInt64, Int64.Add) that return it,
 * so the wrapper's caller decides: atomic.AddInt64(&n, 1) as a
 * statement reads nothing, and such adds commute. */
static bool result_discarded(const vm_ncall *c)
{
    size_t fi = (size_t)(c->f - c->g->frames);
    return fi >= 1 && c->g->frames[fi - 1].nret == 0;
}

static nat_status handle_atomic(vm_ncall *c, op_kind k, int code)
{
    wf_atomic *a = (wf_atomic *)lib_handle(c, c->a[0], OBJ_ATOMIC);
    op *p;
    if (!a)
        return NAT_PANIC;
    if (PHASE(c)) {
        op *o = &c->g->t->op;
        a->v = awrap(code, a->v);
        switch (k) {
        case OP_ALOAD:
        case OP_ASWAP:
            c->r[0] = aval(code, o->res.i);
            break;
        case OP_AADD:
            c->r[0] = aval(code, a->v);
            break;
        case OP_ACAS:
            c->r[0] = vm_bool(o->ok);
            break;
        default:
            break;
        }
        return NAT_OK;
    }
    p = vm_op(c->g, k, &a->hdr);
    switch (k) {
    case OP_ASTORE:
    case OP_ASWAP:
    case OP_AADD:
        p->val = value_int(awrap(code, ival(c, c->a[1])));
        if (k == OP_AADD) {
            p->val = value_int(ival(c, c->a[1]));
            p->discard = result_discarded(c);
        }
        break;
    case OP_ACAS:
        p->old = awrap(code, ival(c, c->a[1]));
        p->val = value_int(awrap(code, ival(c, c->a[2])));
        break;
    default:
        break;
    }
    return NAT_YIELD;
}

static int code_arg(vm_ncall *c, uint32_t i)
{
    return (int)c->a[i].v.i;
}

nat_status lib_atomic_load(vm_ncall *c)
{
    return handle_atomic(c, OP_ALOAD, code_arg(c, 1));
}
nat_status lib_atomic_store(vm_ncall *c)
{
    return handle_atomic(c, OP_ASTORE, code_arg(c, 2));
}
nat_status lib_atomic_add(vm_ncall *c)
{
    return handle_atomic(c, OP_AADD, code_arg(c, 2));
}
nat_status lib_atomic_swap(vm_ncall *c)
{
    return handle_atomic(c, OP_ASWAP, code_arg(c, 2));
}
nat_status lib_atomic_cas(vm_ncall *c)
{
    return handle_atomic(c, OP_ACAS, code_arg(c, 3));
}

/* An atomic op on the variable a[0] points to: the engine atomic of its
 * slot orders it; the value stays in the slot. */
static nat_status slot_atomic(vm_ncall *c, op_kind k, int code)
{
    vm_value p = c->a[0];
    vm_obj *o;
    uint32_t idx;
    wf_atomic *a;
    vm_value *slot;
    op *q;
    if (VM_KIND(p.t) != K_PTR || !p.v.o || p.aux == VM_WHOLE) {
        vm_throwf(c->g, NILDEREF);
        return NAT_PANIC;
    }
    if (vm_is_raw(p)) {
        vm_raw_deref(c->g, p);
        return NAT_PANIC;
    }
    o = p.v.o;
    idx = p.aux;
    slot = &o->slots[idx];
    a = vm_track_atomic(c->g->x, o, idx);
    if (PHASE(c)) {
        op *r = &c->g->t->op;
        a->v = awrap(code, a->v);
        if (k != OP_ALOAD) {
            slot->v.i = a->v;
            if (!slot->t || kind_is_untyped(VM_KIND(slot->t)))
                slot->t = aval(code, 0).t;
        }
        switch (k) {
        case OP_ALOAD:
        case OP_ASWAP:
            c->r[0] = aval(code, r->res.i);
            break;
        case OP_AADD:
            c->r[0] = aval(code, a->v);
            break;
        case OP_ACAS:
            c->r[0] = vm_bool(r->ok);
            break;
        default:
            break;
        }
        return NAT_OK;
    }
    a->v = slot->v.i;
    q = vm_op(c->g, k, &a->hdr);
    switch (k) {
    case OP_ASTORE:
    case OP_ASWAP:
        q->val = value_int(awrap(code, ival(c, c->a[1])));
        break;
    case OP_AADD:
        q->val = value_int(ival(c, c->a[1]));
        q->discard = result_discarded(c);
        break;
    case OP_ACAS:
        q->old = awrap(code, ival(c, c->a[1]));
        q->val = value_int(awrap(code, ival(c, c->a[2])));
        break;
    default:
        break;
    }
    return NAT_YIELD;
}

nat_status lib_aptr_load(vm_ncall *c)
{
    return slot_atomic(c, OP_ALOAD, code_arg(c, 1));
}
nat_status lib_aptr_store(vm_ncall *c)
{
    return slot_atomic(c, OP_ASTORE, code_arg(c, 2));
}
nat_status lib_aptr_add(vm_ncall *c)
{
    return slot_atomic(c, OP_AADD, code_arg(c, 2));
}
nat_status lib_aptr_swap(vm_ncall *c)
{
    return slot_atomic(c, OP_ASWAP, code_arg(c, 2));
}
nat_status lib_aptr_cas(vm_ncall *c)
{
    return slot_atomic(c, OP_ACAS, code_arg(c, 3));
}

/* atomic.Value: the engine atomic orders it, field 0 holds the value.
 * The first phase of an op of kind k on it: *blk is the Value's block;
 * NAT_OK when the op has been ordered and may act now, else the status
 * to return (a panic, or the yield that orders it). */
static nat_status value_begin(vm_ncall *c, op_kind k, vm_obj **blk)
{
    wf_obj *a;
    *blk = target_block(c, c->a[0]);
    if (!*blk)
        return NAT_PANIC;
    a = lib_handle(c, c->a[0], OBJ_ATOMIC);
    if (!a)
        return NAT_PANIC;
    if (!PHASE(c)) {
        vm_op(c->g, k, a);
        return NAT_YIELD;
    }
    return NAT_OK;
}

static nat_status value_op(vm_ncall *c, op_kind k)
{
    vm_obj *blk;
    nat_status st = value_begin(c, k, &blk);
    if (st != NAT_OK)
        return st;
    if (k == OP_ALOAD) {
        c->r[0] = blk->slots[0];
        return NAT_OK;
    }
    if (blk->slots[0].t && blk->slots[0].t != c->a[1].t) {
        vm_throwf(c->g, "sync/atomic: %s of inconsistently typed value into "
                        "Value",
                  k == OP_ASWAP ? "swap" : "store");
        return NAT_PANIC;
    }
    c->r[0] = blk->slots[0];
    vm_escape(c->g->x, c->a[1]);
    blk->slots[0] = vm_copy(c->g->x, c->a[1]);
    return NAT_OK;
}

nat_status lib_aval_load(vm_ncall *c)
{
    return value_op(c, OP_ALOAD);
}
nat_status lib_aval_store(vm_ncall *c)
{
    return value_op(c, OP_ASTORE);
}
nat_status lib_aval_swap(vm_ncall *c)
{
    return value_op(c, OP_ASWAP);
}

/* atomic.Value.CompareAndSwap(old, new) and atomic.Pointer[T]'s (a[3]
 * true: an empty Value holds a nil *T): a read-modify-write of the
 * engine atomic whether or not it swaps, as Go's CAS is one atomic op. */
nat_status lib_aval_cas(vm_ncall *c)
{
    vm_obj *blk;
    vm_value cur, old = c->a[1];
    bool eq;
    nat_status st = value_begin(c, OP_ASWAP, &blk);
    if (st != NAT_OK)
        return st;
    cur = blk->slots[0];
    if (!cur.t)
        eq = !old.t || VM_KIND(old.t) == K_NIL ||
             (c->a[3].v.i && VM_KIND(old.t) == K_PTR && !old.v.o);
    else
        eq = vm_equal(c->g->x->prog, cur, old);
    if (eq) {
        vm_escape(c->g->x, c->a[2]);
        blk->slots[0] = vm_copy(c->g->x, c->a[2]);
    }
    c->r[0] = vm_bool(eq);
    return NAT_OK;
}

/* ---- time ------------------------------------------------------------------------ */

nat_status lib_sleep(vm_ncall *c)
{
    if (PHASE(c))
        return NAT_OK;
    op *o = vm_op(c->g, OP_SLEEP, NULL);
    o->ns = ival(c, c->a[0]);
    o->early = true; /* a short one ends early: engine_fires_early */
    return NAT_YIELD;
}

/* synctest.Wait: a sleep that ends when every other task is blocked,
 * at the same virtual instant (a timer due now fires only when no task
 * can run). */
nat_status lib_idle_wait(vm_ncall *c)
{
    if (PHASE(c))
        return NAT_OK;
    op *o = vm_op(c->g, OP_SLEEP, NULL);
    o->ns = 0;
    o->idle = true;
    return NAT_YIELD;
}

/* Go before 1.23: a timer channel keeps a stale value (vm_program). */
nat_status lib_async_timers(vm_ncall *c)
{
    c->r[0] = vm_bool(c->g->x->prog->async_timers);
    return NAT_OK;
}

nat_status lib_now(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT64, c->g->x->e->now_ns);
    c->g->clock_reads++;
    return NAT_OK;
}

/* Which timers fire early: engine_fires_early (engine.h). An early
 * timer's channel is ready at once, so its tick is a scheduling choice
 * against the work that can run (GoKer's etcd#7492, grpc#3017,
 * istio#18454 write a nanosecond timer to mean "at once"). */
static bool fires_early(const wf_engine *e, int64_t d)
{
    return engine_fires_early(e, d);
}

/* The seconds from 0001-01-01 to 1970-01-01 (time.unixToInternal). */
#define TIME_UNIX_TO_INTERNAL INT64_C(62135596800)

typedef struct timer_data {
    vm_timer vt;
    uint32_t ttype; /* time.Time */
} timer_data;

static void timer_fire(wf_engine *e, timer *tm)
{
    timer_data *td = tm->data;
    vm_exec *x = td->vt.x;
    vm_value t = vm_zero(x, td->ttype);
    /* time.Time{sec, nsec, loc} (time/instant.go): seconds since year 1,
     * virtual time 0 being the Unix epoch; loc stays nil, UTC */
    if (kind_is_aggregate(VM_KIND(t.t)) && t.v.o && t.v.o->n >= 2) {
        t.v.o->slots[0] = vm_int(T_INT64, TIME_UNIX_TO_INTERNAL +
                                              e->now_ns / 1000000000);
        t.v.o->slots[1] = vm_int(T_INT64, e->now_ns % 1000000000);
    }
    chan_offer(e, td->vt.ch, vm_to_wf(t)); /* a full ticker drops it */
    if (td->vt.period > 0) {
        tm->when = e->now_ns + td->vt.period;
        engine_timer_add(e, tm);
    }
}

nat_status lib_timer_chan(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    int64_t d = ival(c, c->a[0]), period = ival(c, c->a[1]);
    timer_data *td = arena_alloc(&x->e->mem, sizeof *td);
    const char *file;
    int32_t line;
    vm_site(c->g, &file, &line);
    td->vt.x = x;
    /* unnamed (a NewTimer's, a NewTicker's): it takes the name of the
     * user's variable holding the timer, t.C */
    td->vt.ch = chan_new(x->e,
                         !c->a[4].v.i ? "" : period ? "time.Tick" : "time.After",
                         1, file, line);
    td->vt.period = period;
    td->ttype = c->a[2].t;
    td->vt.tm.when = x->e->now_ns + (d > 0 ? d : 0);
    if (td->vt.tm.when < x->e->now_ns)
        td->vt.tm.when = INT64_MAX;
    td->vt.tm.fire = timer_fire;
    td->vt.tm.data = td;
    td->vt.tm.heap_pos = -1;
    td->vt.tm.held_by = 0;
    td->vt.tm.ch = td->vt.ch;
    td->vt.tm.ticker = period > 0;
    td->vt.tm.late = d >= WF_TIME_GRAIN_NS;
    engine_timing_note(x->e, d, false, file, line);
    td->vt.next = x->timers;
    x->timers = &td->vt;
    engine_timer_add(x->e, &td->vt.tm);
    if (fires_early(x->e, d))
        td->vt.ch->early = &td->vt.tm;
    c->r[0] = vm_ref(c->a[3].t ? c->a[3].t : T_NIL, td->vt.ch);
    return NAT_OK;
}

static vm_timer *find_timer(vm_exec *x, vm_value ch)
{
    for (vm_timer *t = x->timers; t; t = t->next)
        if (VM_KIND(ch.t) == K_CHAN && t->ch == ch.v.ch)
            return t;
    return NULL;
}

nat_status lib_timer_stop(vm_ncall *c)
{
    vm_timer *t = find_timer(c->g->x, c->a[0]);
    bool was = t && t->tm.heap_pos >= 0;
    if (t) {
        engine_timer_cancel(c->g->x->e, &t->tm);
        chan_early_changed(c->g->x->e, t->ch);
    }
    c->r[0] = vm_bool(was);
    return NAT_OK;
}

nat_status lib_timer_reset(vm_ncall *c)
{
    vm_exec *x = c->g->x;
    vm_timer *t = find_timer(x, c->a[0]);
    int64_t d = ival(c, c->a[1]);
    bool was = t && t->tm.heap_pos >= 0;
    if (t) {
        engine_timer_cancel(x->e, &t->tm);
        t->tm.held_by = 0; /* its list entry is dropped at the next step */
        if (t->period)
            t->period = d > 0 ? d : t->period;
        t->tm.when = x->e->now_ns + (d > 0 ? d : 0);
        t->tm.late = d >= WF_TIME_GRAIN_NS;
        engine_timing_note(x->e, d, false, NULL, 0);
        engine_timer_add(x->e, &t->tm);
        t->ch->early = fires_early(x->e, d) ? &t->tm : NULL;
        chan_early_changed(x->e, t->ch);
    }
    c->r[0] = vm_bool(was);
    return NAT_OK;
}

/* time.Duration.String, as time/time.go formats it. */
nat_status lib_duration_string(vm_ncall *c)
{
    char tmp[64], *w = tmp + sizeof tmp;
    int64_t d = ival(c, c->a[0]);
    uint64_t u = (uint64_t)d;
    bool neg = d < 0;
    if (neg)
        u = 0 - u;
    if (u < 1000000000ULL) {
        /* less than a second: ns, µs or ms with a fraction */
        int prec;
        const char *unit;
        char num[40];
        if (u == 0) {
            c->r[0] = vm_str("0s", 2);
            return NAT_OK;
        }
        if (u < 1000) {
            prec = 0;
            unit = "ns";
        } else if (u < 1000000) {
            prec = 3;
            unit = "\xc2\xb5s";
        } else {
            prec = 6;
            unit = "ms";
        }
        {
            uint64_t div = prec == 0 ? 1 : prec == 3 ? 1000 : 1000000;
            uint64_t ip = u / div, fp = u % div;
            int n = snprintf(num, sizeof num, "%s%llu", neg ? "-" : "",
                             (unsigned long long)ip);
            if (fp) {
                char frac[16];
                int k = snprintf(frac, sizeof frac, "%0*llu", prec,
                                 (unsigned long long)fp);
                while (k > 0 && frac[k - 1] == '0')
                    frac[--k] = 0;
                n += snprintf(num + n, sizeof num - (size_t)n, ".%s", frac);
            }
            snprintf(num + n, sizeof num - (size_t)n, "%s", unit);
        }
        c->r[0] = vm_new_str(c->g->x, num, strlen(num));
        return NAT_OK;
    }
    *--w = 's';
    {
        /* seconds with fraction */
        uint64_t frac = u % 1000000000ULL;
        char fr[16];
        int k;
        u /= 1000000000ULL;
        if (frac) {
            k = snprintf(fr, sizeof fr, "%09llu", (unsigned long long)frac);
            while (k > 0 && fr[k - 1] == '0')
                fr[--k] = 0;
            w -= k;
            memcpy(w, fr, (size_t)k);
            *--w = '.';
        }
        {
            uint64_t s = u % 60;
            char sn[8];
            u /= 60;
            k = snprintf(sn, sizeof sn, "%llu", (unsigned long long)s);
            w -= k;
            memcpy(w, sn, (size_t)k);
        }
        if (u) {
            uint64_t m = u % 60;
            char mn[8];
            u /= 60;
            *--w = 'm';
            k = snprintf(mn, sizeof mn, "%llu", (unsigned long long)m);
            w -= k;
            memcpy(w, mn, (size_t)k);
            if (u) {
                char hn[24];
                *--w = 'h';
                k = snprintf(hn, sizeof hn, "%llu", (unsigned long long)u);
                w -= k;
                memcpy(w, hn, (size_t)k);
            }
        }
    }
    if (neg)
        *--w = '-';
    c->r[0] = vm_new_str(c->g->x, w, (size_t)(tmp + sizeof tmp - w));
    return NAT_OK;
}

nat_status lib_rand(vm_ncall *c)
{
    c->r[0] = vm_int(T_UINT64, (int64_t)engine_rand(c->g->x->e));
    return NAT_OK;
}

/* ---- runtime ------------------------------------------------------------------- */

nat_status lib_gosched(vm_ncall *c)
{
    if (PHASE(c))
        return NAT_OK;
    vm_op(c->g, OP_YIELD, NULL)->polite = true;
    return NAT_YIELD;
}

nat_status lib_numgoroutine(vm_ncall *c)
{
    c->r[0] = vm_int(T_INT, c->g->x->e->nlive);
    return NAT_OK;
}

nat_status lib_goexit(vm_ncall *c)
{
    vm_throw(c->g, vm_nil());
    c->g->panic->goexit = true;
    return NAT_PANIC;
}

/* ---- builtins as functions (go and defer operands) ------------------------------- */

static nat_status from_x(int st)
{
    return st == X_OK ? NAT_OK : st == X_YIELD ? NAT_YIELD : NAT_PANIC;
}

nat_status lib_close(vm_ncall *c)
{
    vm_value ch = c->a[0];
    if (PHASE(c))
        return NAT_OK;
    vm_op(c->g, OP_CLOSE,
          VM_KIND(ch.t) == K_CHAN && ch.v.ch ? &ch.v.ch->hdr : NULL);
    return NAT_YIELD;
}

nat_status lib_delete(vm_ncall *c)
{
    return from_x(vm_delete(c->g, c->a[0], c->a[1]));
}

/* __setindex(m, k, v): m[k] = v (reflect's SetMapIndex) */
nat_status lib_setindex(vm_ncall *c)
{
    return from_x(vm_setindex(c->g, c->a[0], c->a[1], c->a[2]));
}

/* __storep(p, v): *p = v (reflect's Set) */
nat_status lib_storep(vm_ncall *c)
{
    return from_x(vm_storep(c->g, c->a[0], c->a[1]));
}

nat_status lib_panic(vm_ncall *c)
{
    vm_value v = c->n ? c->a[0] : vm_nil();
    if (!v.t)
        v = vm_rterror(c->g->x, "panic called with nil argument "
                                "(goexit=false)");
    vm_throw(c->g, v);
    return NAT_PANIC;
}

nat_status lib_clear(vm_ncall *c)
{
    return from_x(vm_clear(c->g, c->a[0]));
}

nat_status lib_copy(vm_ncall *c)
{
    return from_x(vm_copyslice(c->g, &c->r[0], c->a[0], c->a[1]));
}

/* recover as a function value. Deferred (`defer recover()`) in a
 * function that a panic runs as a deferred call, it recovers that panic
 * when the function returns, as gc's does (recover.go's test4); run by
 * the panic itself it is too early, and called any other way it is not
 * called directly by a deferred function: nil. */
nat_status lib_recover(vm_ncall *c)
{
    vm_g *g = c->g;
    c->r[0] = vm_nil();
    if ((c->f->flags & FR_DEFER) && !(c->f->flags & FR_UNWIND) &&
        g->nframes >= 2) {
        const vm_frame *up = &g->frames[g->nframes - 2];
        vm_panic *pn = up->panic;
        if ((up->flags & FR_UNWIND) && pn && pn == g->panic &&
            !pn->recovered && !pn->goexit) {
            pn->recovered = true;
            c->r[0] = pn->val;
        }
    }
    return NAT_OK;
}

nat_status lib_progress(vm_ncall *c)
{
    wf_task *t = c->g->t;
    const char *file;
    int32_t line;
    vm_site(c->g, &file, &line);
    t->m.progress++;
    engine_emit(c->g->x->e, t->tid, EV_PROGRESS, 0, -1, -1,
                (int64_t)t->m.progress, 0, file, line);
    return NAT_OK;
}

nat_status lib_rterror_Error(vm_ncall *c)
{
    vm_value v = c->a[0];
    v.t = T_STRING;
    c->r[0] = v;
    return NAT_OK;
}

nat_status lib_assign_to(vm_ncall *c)
{
    vm_value p = c->a[0], err = c->a[1];
    uint32_t t;
    if (VM_KIND(p.t) != K_PTR || !p.v.o) {
        vm_throwf(c->g, "errors: target must be a non-nil pointer");
        return NAT_PANIC;
    }
    if (vm_is_raw(p)) {
        vm_raw_deref(c->g, p);
        return NAT_PANIC;
    }
    t = prog_type(c->g->x->prog, p.t)->elem;
    if (!t || !vm_has_type(c->g->x->prog, err, t)) {
        c->r[0] = vm_bool(false);
        return NAT_OK;
    }
    if (p.aux == VM_WHOLE) {
        if (kind_is_aggregate(VM_KIND(err.t)) && err.v.o)
            vm_copy_into(c->g->x, p.v.o, err.v.o);
    } else {
        vm_store(c->g->x, p.v.o, p.aux, err, 0);
    }
    c->r[0] = vm_bool(true);
    return NAT_OK;
}

/* vm_hash.c: the canonical state hash of a Go program's execution (vm_int.h):
 * every goroutine's frames and the objects they reach, numbered in the
 * order first met, so that one state reached by two paths hashes alike
 * (the livelock and starvation checks compare these). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

/* ---- the state hash ------------------------------------------------------------ */

/* The state hash's mixing: a word at a time (FNV-1a a byte at a time made
 * eight dependent multiplies of every word, most of a hunt's cost with
 * many goroutines). Each step is a bijection of h for a fixed v, so two
 * sequences that differ in one word never collide; liveness.c's
 * global_hash finishes with a full avalanche. */
static inline uint64_t sh_u64(uint64_t h, uint64_t v)
{
    h = (h ^ v) * 0x9e3779b97f4a7c15ULL;
    return h ^ (h >> 29);
}

/* Bytes s[0, n), a word at a time, their count first. */
static uint64_t sh_bytes(uint64_t h, const void *s, size_t n)
{
    const unsigned char *b = s;
    uint64_t w;
    h = sh_u64(h, (uint64_t)n);
    for (; n >= 8; b += 8, n -= 8) {
        memcpy(&w, b, 8);
        h = sh_u64(h, w);
    }
    if (n) {
        w = 0;
        memcpy(&w, b, n);
        h = sh_u64(h, w);
    }
    return h;
}

/* A function's name, hashed once and kept in it (a mutable cache, as
 * its inline caches are): every frame of every goroutine names one. */
static uint64_t sh_proto(uint64_t h, const vm_proto *p)
{
    vm_proto *mp = (vm_proto *)p;
    if (!mp->name_hash) {
        uint64_t nh = sh_bytes(HASH_INIT, p->name, strlen(p->name));
        mp->name_hash = nh ? nh : 1;
    }
    return sh_u64(h, p->name_hash);
}

typedef struct hasher {
    vm_exec *x;
    uint64_t h;
    uint32_t next;
    VEC(vm_obj *) work;
    size_t drained; /* work[0, drained) are hashed */
    size_t limit, cost; /* values to hash at most (0: no limit), so far */
    bool over;          /* the limit was reached: no hash */
    /* the engine objects met: oid -> canonical number, open addressing
     * (a table by oid cost the largest oid per hash: every task hash of
     * a program making a channel per request grew with its age) */
    struct eo_slot {
        int32_t oid; /* -1: empty */
        uint32_t num;
    } *eo;
    uint32_t eocap; /* a power of two, or 0 */
    uint32_t enext; /* the objects met */
} hasher;

/* oid's slot: its number, or the empty slot it would take. */
static struct eo_slot *eo_slot(const hasher *H, int32_t oid)
{
    uint32_t m = H->eocap - 1;
    uint32_t i = (uint32_t)((uint64_t)(uint32_t)oid * 0x9e3779b97f4a7c15ULL >>
                            32) & m;
    while (H->eo[i].oid >= 0 && H->eo[i].oid != oid)
        i = (i + 1) & m;
    return &H->eo[i];
}

/* oid's canonical number, or 0 when it is new: then it takes the next. */
static uint32_t eo_number(hasher *H, int32_t oid)
{
    struct eo_slot *s;
    if (2 * (H->enext + 1) > H->eocap) {
        struct eo_slot *old = H->eo;
        uint32_t oc = H->eocap;
        H->eocap = oc ? 2 * oc : 16;
        H->eo = wf_xmalloc((size_t)H->eocap * sizeof *H->eo);
        for (uint32_t i = 0; i < H->eocap; i++)
            H->eo[i].oid = -1;
        for (uint32_t i = 0; i < oc; i++)
            if (old[i].oid >= 0)
                *eo_slot(H, old[i].oid) = old[i];
        free(old);
    }
    s = eo_slot(H, oid);
    if (s->oid >= 0)
        return s->num;
    s->oid = oid;
    s->num = ++H->enext;
    return 0;
}

static void hash_eo(hasher *H, wf_obj *eo);

/* Who waits in q, in order: which of them an operation serves next is
 * part of the state (FIFO hand-off, a rendezvous's partner). */
static void hash_waitq(hasher *H, const waitq *q)
{
    H->h = sh_u64(H->h, (uint64_t)q->len);
    for (const waiter *w = q->head; w; w = w->next)
        H->h = sh_u64(sh_u64(H->h, (uint64_t)w->task->tid),
                        ((uint64_t)(uint32_t)w->ncase << 1) | w->committed);
}

static void hash_val(hasher *H, vm_value v)
{
    vm_kind k = VM_KIND(v.t);
    H->h = sh_u64(H->h, v.t);
    switch (k) {
    case K_STRING:
        H->h = sh_bytes(H->h, v.v.s, v.aux);
        return;
    case K_CHAN:
        hash_eo(H, v.v.ch ? &v.v.ch->hdr : NULL);
        return;
    case K_HANDLE:
        hash_eo(H, v.v.eo);
        return;
    case K_PTR:
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
    case K_ITER:
    case K_SLICE:
    case K_MAP: {
        vm_obj *o = k == K_SLICE ? (v.v.sl ? v.v.sl->arr : NULL)
                    : k == K_MAP ? (v.v.m ? VM_OBJ_OF(v.v.m) : NULL)
                                 : v.v.o;
        if (k == K_SLICE && v.v.sl)
            H->h = sh_u64(sh_u64(sh_u64(H->h, v.v.sl->off),
                                     v.v.sl->len),
                            v.v.sl->cap);
        if (k == K_PTR)
            H->h = sh_u64(H->h, v.aux);
        if (!o) {
            H->h = sh_u64(H->h, 0);
            return;
        }
        if (o->flags & OF_STATIC) {
            H->h = sh_proto(H->h, o->u.proto);
            return;
        }
        if (o->mark != H->x->epoch) {
            o->mark = (uint32_t)H->x->epoch;
            o->cnum = ++H->next;
            VEC_PUSH(H->work, o);
        }
        H->h = sh_u64(H->h, o->cnum);
        return;
    }
    default:
        H->h = sh_u64(H->h, v.v.u);
        return;
    }
}

static void hash_eo(hasher *H, wf_obj *eo)
{
    if (!eo) {
        H->h = sh_u64(H->h, 0);
        return;
    }
    uint32_t num = eo_number(H, eo->oid);
    if (num) {
        H->h = sh_u64(H->h, num);
        return;
    }
    H->h = sh_u64(sh_u64(H->h, H->enext), eo->kind);
    switch (eo->kind) {
    case OBJ_CHAN: {
        wf_chan *ch = (wf_chan *)eo;
        H->h = sh_u64(sh_u64(sh_u64(H->h, ch->cap), ch->len),
                        ch->closed);
        for (size_t i = 0; i < ch->len; i++)
            hash_val(H, vm_from_wf(ch->buf[(ch->head + i) % ch->cap]));
        hash_waitq(H, &ch->recvq);
        hash_waitq(H, &ch->sendq);
        return;
    }
    case OBJ_MUTEX: {
        wf_mutex *m = (wf_mutex *)eo;
        H->h = sh_u64(sh_u64(H->h, m->locked),
                        m->holder ? (uint64_t)m->holder->tid + 1 : 0);
        hash_waitq(H, &m->lockers);
        return;
    }
    case OBJ_RWMUTEX: {
        wf_rwmutex *m = (wf_rwmutex *)eo;
        H->h = sh_u64(sh_u64(sh_u64(H->h, (uint64_t)m->readers),
                                 m->writer_in),
                        m->writer_holds);
        H->h = sh_u64(H->h, m->writer ? (uint64_t)m->writer->tid + 1 : 0);
        for (int32_t i = 0; i < m->nrholders; i++)
            H->h = sh_u64(H->h, (uint64_t)m->rholders[i]);
        hash_waitq(H, &m->wpending);
        hash_waitq(H, &m->rpending);
        return;
    }
    case OBJ_WAITGROUP:
        H->h = sh_u64(H->h, (uint64_t)((wf_waitgroup *)eo)->count);
        return;
    case OBJ_ONCE:
        H->h = sh_u64(H->h, ((wf_once *)eo)->state);
        return;
    case OBJ_ATOMIC:
        H->h = sh_u64(H->h, (uint64_t)((wf_atomic *)eo)->v);
        return;
    case OBJ_COND:
        hash_waitq(H, &((wf_cond *)eo)->tickets);
        return;
    default:
        return;
    }
}

static void hash_drain(hasher *H)
{
    /* breadth-first in discovery order: numbering is canonical; each
     * object once, from where the last drain stopped (each task's drain
     * re-hashed every object met so far: O(tasks x heap), 73 s for the
     * state of 10,000 goroutines) */
    for (size_t i = H->drained; i < H->work.len; i++) {
        vm_obj *o = H->work.p[i];
        H->drained = i + 1;
        if (H->limit && (H->cost += 1 + o->n) > H->limit) {
            H->over = true;
            return;
        }
        H->h = sh_u64(sh_u64(H->h, o->okind), o->type);
        if (o->okind == OK_MAP) {
            vm_map *m = (vm_map *)o;
            for (uint32_t e = 0; e < m->nent; e++)
                if (m->live[e]) {
                    hash_val(H, m->keys[e]);
                    hash_val(H, m->vals[e]);
                }
            continue;
        }
        if (o->okind == OK_CLOSURE || o->okind == OK_BOUND)
            H->h = sh_proto(H->h, o->u.proto);
        if (o->okind == OK_ITER)
            continue;
        for (uint32_t k = 0; k < o->n; k++)
            hash_val(H, o->slots[k]);
    }
}

/* g's frames (function, pc, registers) and what they reach. */
static void hash_frames(hasher *H, const vm_g *g)
{
    for (uint32_t k = 0; k < g->nframes; k++) {
        const vm_frame *f = &g->frames[k];
        uint32_t top = k + 1 < g->nframes ? g->frames[k + 1].base : g->top;
        H->h = sh_proto(H->h, f->p);
        H->h = sh_u64(sh_u64(H->h, f->pc), f->flags);
        for (uint32_t r = f->base; r < top && r < g->cap; r++)
            if (vm_reg_valid(f, k + 1 < g->nframes ? f + 1 : NULL,
                             r - f->base))
                hash_val(H, g->stack[r]);
        if (f->fn)
            hash_val(H, vm_ref(T_FUNC, f->fn));
    }
    hash_drain(H);
}

uint64_t vm_state_hash(wf_engine *e)
{
    vm_exec *x = e->fe.ctx;
    hasher H;
    if (!x)
        return 0;
    memset(&H, 0, sizeof H);
    H.x = x;
    H.h = sh_u64(HASH_INIT, e->main_done);
    if (e->main_done) /* the time left after it (engine_next) */
        H.h = sh_u64(H.h, (uint64_t)e->grace_left);
    x->epoch++;
    hash_val(&H, vm_ref(T_UPTR, x->globals));
    hash_drain(&H);
    for (size_t i = 0; i < e->tasks.len; i++) {
        wf_task *t = e->tasks.p[i];
        vm_g *g = t->drv_data;
        H.h = sh_u64(sh_u64(H.h, t->tid), t->state);
        if (t->state == TASK_DONE || !g)
            continue;
        H.h = sh_u64(sh_u64(H.h, t->op.kind), g->nframes);
        H.h = sh_u64(sh_u64(H.h, t->op.parked), t->cond_notified);
        /* the accesses granted to the current instruction: a copy of a
         * shared array reads its elements one step each, at one pc */
        H.h = sh_u64(H.h, g->granted);
        hash_eo(&H, t->op.obj);
        hash_frames(&H, g);
    }
    VEC_FREE(H.work);
    free(H.eo);
    return H.h;
}

/* Values vm_task_hash looks at, at most: a task that reaches more is not
 * looked at by the await check (its hash costs a step). */
#define TASK_HASH_LIMIT 2048

uint64_t vm_task_hash(wf_engine *e, wf_task *t)
{
    vm_exec *x = e->fe.ctx;
    vm_g *g = t->drv_data;
    hasher H;
    uint64_t h;
    if (!x || !g)
        return 0;
    memset(&H, 0, sizeof H);
    H.x = x;
    H.limit = TASK_HASH_LIMIT;
    H.h = sh_u64(sh_u64(HASH_INIT, g->clock_reads), g->granted);
    x->epoch++;
    /* before the first go statement the package variables are written
     * with no op (no effect the check counts): they are the task's */
    if (!x->spawned)
        hash_val(&H, vm_ref(T_UPTR, x->globals));
    H.h = sh_u64(H.h, g->nframes);
    hash_frames(&H, g);
    h = H.over ? 0 : H.h ? H.h : 1;
    VEC_FREE(H.work);
    free(H.eo);
    return h;
}

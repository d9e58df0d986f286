/* vm_reach.c: reachability for partial deadlocks (vm_int.h), as Go's
 * goroutine-leak profile decides it: which goroutines can reach the objects
 * a blocked set waits on, a bounded near look for the deadlock checker's
 * witness, live bytes and finalizers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

/* ---- reachability ---------------------------------------------------------- */

/* The objects met and not walked yet: a stack on the walker's own frame
 * first (the deadlock checker walks a few goroutines at most steps: a
 * malloc and a free per walk were a tenth of a channel ping-pong). */
#define WALK_INLINE 64
typedef struct walker {
    vm_exec *x;
    vm_obj **work;
    size_t len, cap;
    uint64_t *bits;
    size_t words;
    uint64_t n;     /* values walked: the walk's cost */
    bool sizing;    /* sum the objects' sizes as Go lays them out */
    bool addrs;     /* a uintptr or a pointer to no object keeps the
                     * object at its address (vm_addr.c) */
    bool live;      /* a Go frame's registers count only while live */
    uint64_t bytes; /* that sum */
    vm_obj *inl[WALK_INLINE];
} walker;

static void walker_init(walker *w, vm_exec *x, uint64_t *bits, size_t words)
{
    w->x = x;
    w->work = w->inl;
    w->len = 0;
    w->cap = WALK_INLINE;
    w->bits = bits;
    w->words = words;
    w->n = 0;
    w->sizing = false;
    w->addrs = false;
    w->live = false;
    w->bytes = 0;
}

static void walker_fini(walker *w)
{
    if (w->work != w->inl)
        free(w->work);
}

static void walker_grow(walker *w)
{
    size_t cap = w->cap * 2;
    if (w->work == w->inl) {
        w->work = wf_xmalloc(cap * sizeof *w->work);
        memcpy(w->work, w->inl, w->len * sizeof *w->work);
    } else {
        w->work = wf_xrealloc(w->work, cap * sizeof *w->work);
    }
    w->cap = cap;
}

/* Object o's size as gc would allocate it (an aggregate held in a slot
 * of another counts in its holder). */
uint64_t vm_obj_bytes(const vm_program *p, const vm_obj *o)
{
    switch (o->okind) {
    case OK_CELL:
        return o->type ? (uint64_t)vm_type_size(p, o->type) : 8;
    case OK_AGG:
        return o->parent ? 0 : (uint64_t)vm_type_size(p, o->type);
    case OK_ARR:
        return (uint64_t)o->n * (uint64_t)vm_type_size(p, o->type);
    case OK_CLOSURE:
    case OK_BOUND:
        return 8 + 8 * (uint64_t)o->n;
    case OK_MAP: {
        const vm_map *m = (const vm_map *)o;
        return 48 + (uint64_t)m->nent * 16;
    }
    default:
        return 0;
    }
}

static void mark_eo(walker *w, wf_obj *eo)
{
    if (eo && (size_t)eo->oid / 64 < w->words)
        w->bits[eo->oid / 64] |= 1ULL << (eo->oid % 64);
}

static void walk_value(walker *w, vm_value v);

static void push_obj(walker *w, vm_obj *o)
{
    if (!o || o->mark == w->x->epoch)
        return;
    o->mark = (uint32_t)w->x->epoch;
    if (w->sizing)
        w->bytes += vm_obj_bytes(w->x->prog, o);
    if (WF_UNLIKELY(w->len == w->cap))
        walker_grow(w);
    w->work[w->len++] = o;
}

static void walk_value(walker *w, vm_value v)
{
    w->n++;
    switch (VM_KIND(v.t)) {
    case K_CHAN: {
        wf_chan *ch = v.v.ch;
        if (!ch)
            return;
        if (!((size_t)ch->hdr.oid / 64 < w->words &&
              (w->bits[ch->hdr.oid / 64] >> (ch->hdr.oid % 64) & 1))) {
            mark_eo(w, &ch->hdr);
            for (size_t i = 0; i < ch->len; i++)
                walk_value(w, vm_from_wf(ch->buf[(ch->head + i) % ch->cap]));
        }
        return;
    }
    case K_HANDLE:
        mark_eo(w, v.v.eo);
        return;
    case K_PTR:
        if (WF_UNLIKELY(w->addrs && vm_is_raw(v)))
            push_obj(w, vm_addr_object(w->x, vm_addr_of(w->x, v)));
        push_obj(w, v.v.o);
        return;
    case K_UINTPTR:
        if (WF_UNLIKELY(w->addrs))
            push_obj(w, vm_addr_object(w->x, v.v.u));
        return;
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
    case K_ITER:
        push_obj(w, v.v.o);
        return;
    case K_SLICE:
        if (v.v.sl)
            push_obj(w, v.v.sl->arr);
        return;
    case K_MAP:
        if (v.v.m)
            push_obj(w, VM_OBJ_OF(v.v.m));
        return;
    default:
        return;
    }
}

static void drain(walker *w)
{
    while (w->len) {
        vm_obj *o = w->work[--w->len];
        if (o->okind == OK_MAP) {
            vm_map *m = (vm_map *)o;
            for (uint32_t e = 0; e < m->nent; e++)
                if (m->live[e]) {
                    walk_value(w, m->keys[e]);
                    walk_value(w, m->vals[e]);
                }
            continue;
        }
        if (o->okind == OK_ITER) {
            if (((vm_iter *)o)->m)
                push_obj(w, VM_OBJ_OF(((vm_iter *)o)->m));
            continue;
        }
        for (uint32_t i = 0; i < o->n; i++)
            walk_value(w, o->slots[i]);
    }
}

/* Whether stack slot s of g counts: it belongs to the innermost frame
 * starting at or below it, and is valid there (vm_reg_valid); with
 * w->live, a Go frame's register counts only if it may still be read, if
 * live at the frame's pc (a frame below another is at its return
 * address, one running its deferred calls at its RET or where it
 * panicked); any other slot counts. *fi: the frame of the slot before. */
static bool slot_counts(walker *w, const vm_g *g, uint32_t s, uint32_t *fi)
{
    const vm_frame *f;
    const uint64_t *set;
    uint32_t r;
    while (*fi + 1 < g->nframes && g->frames[*fi + 1].base <= s)
        (*fi)++;
    if (!g->nframes || g->frames[*fi].base > s)
        return true;
    f = &g->frames[*fi];
    r = s - f->base;
    if (!vm_reg_valid(f, *fi + 1 < g->nframes ? f + 1 : NULL, r))
        return false;
    if (!w->live || (f->flags & FR_NATIVE) || !f->p->ncode ||
        r >= f->p->nregs)
        return true;
    set = vm_live_regs(w->x->prog, f->p, f->pc);
    return (set[r / 64] >> (r % 64)) & 1;
}

/* Does stack slot s of g count (slot_counts, without liveness)? By a
 * binary search of the frame it belongs to. */
static bool slot_valid(const vm_g *g, uint32_t s)
{
    uint32_t lo = 0, hi = g->nframes;
    while (lo < hi) { /* the first frame starting above s */
        uint32_t mid = lo + (hi - lo) / 2;
        if (g->frames[mid].base <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    return !lo || vm_reg_valid(&g->frames[lo - 1],
                               lo < g->nframes ? &g->frames[lo] : NULL,
                               s - g->frames[lo - 1].base);
}

static void walk_g(walker *w, vm_g *g)
{
    uint32_t fi = 0;
    for (uint32_t i = 0; i < g->top && i < g->cap; i++)
        if (slot_counts(w, g, i, &fi))
            walk_value(w, g->stack[i]);
    for (uint32_t i = 0; i < g->nframes; i++) {
        vm_frame *f = &g->frames[i];
        push_obj(w, f->fn);
        for (vm_defer *d = f->defers; d; d = d->next) {
            walk_value(w, d->fn);
            for (uint32_t k = 0; k < d->n; k++)
                walk_value(w, d->args[k]);
        }
    }
    for (vm_panic *p = g->panic; p; p = p->link)
        walk_value(w, p->val);
    if (g->t) {
        op *o = &g->t->op;
        walk_value(w, vm_from_wf(o->val));
        if (o->kind == OP_SELECT)
            for (uint32_t i = 0; i < o->ncases; i++)
                walk_value(w, vm_from_wf(o->cases[i].val));
    }
    drain(w);
}

static void bits_for(uint64_t **bits, size_t *words, size_t nobjs)
{
    size_t need = nobjs / 64 + 1;
    if (need > *words) {
        free(*bits);
        *bits = wf_xcalloc(need, sizeof(uint64_t));
        *words = need;
    } else {
        memset(*bits, 0, *words * sizeof(uint64_t));
    }
}

static void reach_globals(vm_exec *x)
{
    vm_program *p = x->prog;
    walker w;
    if (p->greach_serial == x->serial && p->greach_step == x->e->step &&
        p->greach)
        return;
    bits_for(&p->greach, &p->greach_words, x->e->objs.len);
    walker_init(&w, x, p->greach, p->greach_words);
    x->epoch++;
    push_obj(&w, x->globals);
    drain(&w);
    walker_fini(&w);
    p->greach_serial = x->serial;
    p->greach_step = x->e->step;
}

static void reach_g(vm_exec *x, vm_g *g)
{
    walker w;
    if (g->reach && g->reach_step == x->e->step + 1)
        return;
    bits_for(&g->reach, &g->reach_words, x->e->objs.len);
    walker_init(&w, x, g->reach, g->reach_words);
    x->epoch++;
    walk_g(&w, g);
    walker_fini(&w);
    g->reach_step = x->e->step + 1;
}

static bool has_bit(const uint64_t *b, size_t words, int32_t oid)
{
    return b && (size_t)oid / 64 < words && ((b[oid / 64] >> (oid % 64)) & 1);
}

bool vm_can_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o)
{
    vm_exec *x = ctx;
    vm_g *g;
    (void)e;
    if (!o)
        return false;
    if (!t) {
        for (vm_timer *tm = x->timers; tm; tm = tm->next)
            if (tm->tm.heap_pos >= 0 && &tm->ch->hdr == o)
                return true;
        return false;
    }
    g = t->drv_data;
    if (!g || t->state == TASK_DONE)
        return false;
    reach_globals(x);
    if (has_bit(x->prog->greach, x->prog->greach_words, o->oid))
        return true;
    reach_g(x, g);
    return has_bit(g->reach, g->reach_words, o->oid);
}

void vm_reach_mark(void *ctx, wf_engine *e, wf_task *t, bool fresh,
                    uint64_t *bits, size_t words)
{
    vm_exec *x = ctx;
    walker w;
    walker_init(&w, x, bits, words);
    if (fresh)
        x->epoch++;
    if (!t) {
        for (vm_timer *tm = x->timers; tm; tm = tm->next)
            if (tm->tm.heap_pos >= 0 && tm->ch)
                mark_eo(&w, &tm->ch->hdr);
        push_obj(&w, x->globals);
        drain(&w);
    } else if (t->drv_data && t->state != TASK_DONE) {
        walk_g(&w, t->drv_data);
    }
    e->reach_work += w.n;
    walker_fini(&w);
}

/* ---- near reach: a bounded look for the deadlock checker ------------------ */

static bool val_is(vm_value v, const wf_obj *o)
{
    switch (VM_KIND(v.t)) {
    case K_CHAN:
        return v.v.ch && &v.v.ch->hdr == o;
    case K_HANDLE:
        return v.v.eo == o;
    default:
        return false;
    }
}

/* The object whose slots walk_value's drain would walk next, or NULL. */
static vm_obj *val_obj(vm_value v)
{
    vm_obj *h;
    switch (VM_KIND(v.t)) {
    case K_PTR:
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
        h = v.v.o;
        break;
    default:
        return NULL;
    }
    return h && h->okind != OK_MAP && h->okind != OK_ITER ? h : NULL;
}

/* Does h hold o in one of its slots, or in the slots of objects those
 * point to, down to depth levels below h? *budget: values left to look
 * at. On success path[0..] holds the slots followed (path[0] in h). */
static bool obj_has(const vm_obj *h, const wf_obj *o, int depth, int *budget,
                    uint32_t *path)
{
    if (!h)
        return false;
    for (uint32_t i = 0; i < h->n && *budget > 0; i++, (*budget)--) {
        path[0] = i;
        if (val_is(h->slots[i], o))
            return true;
        if (depth > 0 &&
            obj_has(val_obj(h->slots[i]), o, depth - 1, budget, path + 1))
            return true;
    }
    return false;
}

/* The root of g's witness: frame r's function (*h), or stack slot
 * -1 - r (*v, *h NULL); false when it is no longer there. */
static bool wit_root(const vm_g *g, int32_t r, vm_value *v, const vm_obj **h)
{
    if (r >= 0) {
        const vm_obj *fn;
        if ((uint32_t)r >= g->nframes)
            return false;
        fn = g->frames[r].fn;
        if (!fn || fn->okind == OK_MAP || fn->okind == OK_ITER)
            return false;
        *h = fn;
        return true;
    }
    r = -1 - r;
    if ((uint32_t)r >= (g->top < g->cap ? g->top : g->cap) ||
        !slot_valid(g, (uint32_t)r))
        return false;
    *v = g->stack[r];
    *h = NULL;
    return true;
}

/* Does the proof w still hold: the same slots lead from the same kind of
 * root of g to o now? O(its length). */
static bool wit_holds(const vm_g *g, const vm_witness *w, const wf_obj *o)
{
    const vm_obj *h;
    vm_value v;
    if (w->o != o || !wit_root(g, w->root, &v, &h))
        return false;
    if (!h) { /* a stack slot: the value, or the object it points to */
        if (!w->len)
            return val_is(v, o);
        h = val_obj(v);
    }
    for (uint8_t k = 0; k < w->len; k++) {
        if (!h || w->path[k] >= h->n)
            return false;
        v = h->slots[w->path[k]];
        if (k + 1 == w->len)
            return val_is(v, o);
        h = val_obj(v);
    }
    return false;
}

/* Keep the proof the search just found (root, then path[0..] as far as
 * it leads to o), in place of the older of g's two. */
static void wit_keep(vm_g *g, const wf_obj *o, int32_t root,
                     const uint32_t *path, int depth, int cost)
{
    vm_witness *w = &g->wit[g->wit_next];
    uint8_t n = 0;
    const vm_obj *h;
    vm_value v;
    g->wit_next ^= 1;
    w->o = o;
    w->root = root;
    w->cost = cost;
    w->len = 0;
    if (!wit_root(g, root, &v, &h)) {
        w->o = NULL;
        return;
    }
    if (!h) {
        if (val_is(v, o))
            return;
        h = val_obj(v);
    }
    while (h && n <= depth && path[n] < h->n) {
        w->path[n] = path[n];
        v = h->slots[path[n++]];
        if (val_is(v, o))
            break;
        h = val_obj(v);
    }
    w->len = n;
    if (!wit_holds(g, w, o))
        w->o = NULL;
}

/* True only if t reaches o by edges reach_mark follows too: a value on
 * its stack or a frame's function (a closure), or in the objects those
 * point to, four levels below a closure and three below a stack value at
 * most (a closure's captured array of structs holding sync.Mutex
 * handles). At most *budget values. False: not known. The proof found
 * last is tried first (a channel ping-pong asks the same at every
 * block): O(its length) when it still holds. */
bool vm_near_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o,
                   int *budget)
{
    vm_g *g = t->drv_data;
    uint32_t path[4] = {0, 0, 0, 0};
    int start;
    (void)ctx;
    (void)e;
    if (!g || !o || t->state == TASK_DONE)
        return false;
    for (int k = 0; k < 2; k++)
        if (g->wit[k].o == o && *budget >= g->wit[k].cost &&
            wit_holds(g, &g->wit[k], o)) {
            *budget -= g->wit[k].len + 1;
            return true;
        }
    start = *budget;
    /* the innermost frame's closure, then the stack from its top: where
     * what the task is about to use lies */
    for (uint32_t i = g->nframes; i-- > 0 && *budget > 0;) {
        const vm_obj *fn = g->frames[i].fn;
        if (fn && fn->okind != OK_MAP && fn->okind != OK_ITER &&
            obj_has(fn, o, 3, budget, path)) {
            wit_keep(g, o, (int32_t)i, path, 3, start - *budget + 1);
            return true;
        }
    }
    for (uint32_t i = g->top < g->cap ? g->top : g->cap;
         i-- > 0 && *budget > 0; (*budget)--) {
        if (!slot_valid(g, i))
            continue;
        if (val_is(g->stack[i], o) ||
            obj_has(val_obj(g->stack[i]), o, 2, budget, path)) {
            wit_keep(g, o, -1 - (int32_t)i, path, 2, start - *budget + 1);
            return true;
        }
    }
    return false;
}

/* Walks what was pushed, then every live goroutine: what a collection
 * now would keep (marked with the current epoch). */
static void walk_live_gs(walker *w)
{
    drain(w);
    for (size_t i = 0; i < w->x->e->tasks.len; i++) {
        wf_task *t = w->x->e->tasks.p[i];
        if (t->drv_data && t->state != TASK_DONE)
            walk_g(w, t->drv_data);
    }
}

uint64_t vm_live_bytes(vm_exec *x)
{
    walker w;
    walker_init(&w, x, NULL, 0);
    w.sizing = true;
    x->epoch++;
    push_obj(&w, x->globals);
    walk_live_gs(&w);
    walker_fini(&w);
    return w.bytes;
}

uint32_t vm_gc_finalizers(vm_exec *x)
{
    walker w;
    vm_fin **pp = &x->fins, **tail = &x->due;
    uint32_t n = 0;
    x->due = NULL;
    if (!x->fins) /* nothing to finalize: no walk */
        return 0;
    walker_init(&w, x, NULL, 0);
    /* an object whose address a live uintptr holds may be reached through
     * it again: kept (Go keeps it during a call with the uintptr for an
     * argument, and may keep it longer: finalizers need not run) */
    w.addrs = true;
    w.live = true;
    x->epoch++;
    push_obj(&w, x->globals);
    /* what an object with a finalizer points to stays, as in Go: if A
     * points at B and both have finalizers, only A's runs now, B's at a
     * collection after A is gone (a cycle through such an object is
     * never collected) */
    for (vm_fin *f = x->fins; f; f = f->next) {
        vm_obj *o = f->obj.v.o;
        walk_value(&w, f->fn);
        if (o && o->okind != OK_MAP && o->okind != OK_ITER)
            for (uint32_t i = 0; i < o->n; i++)
                walk_value(&w, o->slots[i]);
    }
    walk_live_gs(&w);
    walker_fini(&w);
    x->due = NULL;
    while (*pp) {
        vm_fin *f = *pp;
        if (f->obj.v.o && f->obj.v.o->mark != x->epoch) {
            *pp = f->next;
            f->next = NULL;
            *tail = f;
            tail = &f->next;
            n++;
        } else {
            pp = &f->next;
        }
    }
    return n;
}

/* vm_task.c: goroutines as engine tasks: the task drivers, visible ops
 * and their source sites, tracked variables, the program entry and its
 * per-execution state, reachability for partial deadlocks (as Go's
 * goroutine-leak profile decides it) and the canonical state hash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sim/cond.h"
#include "sim/lang/vm_int.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

/* ---- ops and sites ---------------------------------------------------------- */

void vm_site(const vm_g *g, const char **file, int32_t *line)
{
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        uint32_t pc;
        if ((f->flags & FR_NATIVE) || !f->p->user || !f->p->ncode)
            continue;
        pc = f->pc;
        if (i + 1 < g->nframes && pc > 0)
            pc--; /* a caller: the call instruction */
        if (pc >= f->p->ncode)
            pc = f->p->ncode - 1;
        *file = f->p->file;
        *line = f->p->lines[pc];
        return;
    }
    /* library code alone: the go statement that started it */
    *file = g->go_file ? g->go_file : g->x->prog->path;
    *line = g->go_file ? g->go_line : 0;
}

/* Is g's op the library's own step rather than the user's? (What
 * site_and_lib computes in its walk; kept to check it in debug builds.)
 * The user's when raised by user code, or by an intrinsic that a library function
 * called straight from user code raises (mu.Lock(): user -> Lock ->
 * __mutex_lock); the library's when raised by library code itself (a
 * read of a Cond's L) or below two library frames (the Mutex a
 * context's Err takes). A goroutine with no user frame is the library's. */
#ifdef WF_DEBUG
static bool in_library(const vm_g *g)
{
    bool native = g->nframes && (g->frames[g->nframes - 1].flags & FR_NATIVE);
    int libs = 0;
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (f->p->user)
            return libs > 1 || (libs == 1 && !native);
        libs++;
    }
    return libs > 0;
}
#endif

/* vm_site and in_library in one walk of the frames (an op at every
 * step): the innermost user frame with code is both's answer. */
static void site_and_lib(const vm_g *g, op *o)
{
    bool native = g->nframes && (g->frames[g->nframes - 1].flags & FR_NATIVE);
    int libs = 0;
    for (uint32_t i = g->nframes; i-- > 0;) {
        const vm_frame *f = &g->frames[i];
        uint32_t pc;
        if ((f->flags & FR_NATIVE) || !f->p->ncode)
            continue;
        if (!f->p->user) {
            libs++;
            continue;
        }
        pc = f->pc;
        if (i + 1 < g->nframes && pc > 0)
            pc--; /* a caller: the call instruction */
        if (pc >= f->p->ncode)
            pc = f->p->ncode - 1;
        o->file = f->p->file;
        o->line = f->p->lines[pc];
        o->lib = libs > 1 || (libs == 1 && !native);
        return;
    }
    vm_site(g, &o->file, &o->line);
    o->lib = libs > 0;
}

op *vm_op(vm_g *g, op_kind k, wf_obj *obj)
{
    op *o = &g->t->op;
    op_begin(o, k, obj);
    site_and_lib(g, o);
    WF_DASSERT(o->lib == in_library(g));
    g->pending = (uint8_t)k;
    return o;
}

bool vm_mem_room(vm_g *g, size_t n)
{
    if (WF_LIKELY(engine_mem_room(g->x->e, n)))
        return true;
    vm_op(g, OP_YIELD, NULL);
    g->plain = true;
    return false;
}

/* ---- tracked variables -------------------------------------------------------- */

/* The slots' tracks, and one more: an array's range (whole_var). */
static vm_track *track_of(vm_exec *x, vm_obj *o)
{
    if (!o->u.tr) {
        uint32_t n = o->n ? o->n : 1;
        o->u.tr = arena_alloc(&x->e->mem, (n + 1) * sizeof(vm_track));
    }
    return o->u.tr;
}

/* Is o an array value (not a struct, not a slice's backing array)? */
static bool is_array_value(const vm_obj *o)
{
    return o->okind == OK_AGG && VM_KIND(o->type) == K_ARRAY;
}

/* The variable standing for array o as a whole: a copy of the array reads
 * it in one access (every element, for happens-before and the search),
 * each element's write writes it too (var.h's whole). */
static wf_var *whole_var(vm_exec *x, vm_obj *o)
{
    vm_track *tr = track_of(x, o);
    uint32_t n = o->n ? o->n : 1;
    if (!tr[n].var) {
        buf b;
        wf_value v;
        buf_init(&b);
        vm_obj_display_name(x, o, &b);
        memset(&v, 0, sizeof v);
        tr[n].var = var_new(x->e, b.p ? b.p : "?", v, NULL, 0);
        buf_fini(&b);
    }
    return tr[n].var;
}

/* The range a slot of o is written with: o's own when o is an array
 * value, else that of the array value o is nested in through fields (the
 * atomic.Int64 or struct elements of an array: a copy of the array reads
 * their fields with its range too, written yet or not), NULL if none. */
static wf_var *range_of(vm_exec *x, vm_obj *o)
{
    for (vm_obj *p = o; p && p->okind == OK_AGG; p = p->parent)
        if (is_array_value(p))
            return whole_var(x, p);
    return NULL;
}

wf_var *vm_track_var(vm_exec *x, vm_obj *o, uint32_t i)
{
    vm_track *tr = track_of(x, o);
    if (!tr[i].var) {
        buf b;
        wf_value v;
        buf_init(&b);
        vm_slot_name(x, o, i, &b);
        memset(&v, 0, sizeof v);
        if (o->n)
            v = value_int(vm_event_value(x, o->slots[i]));
        tr[i].var = var_new(x->e, b.p ? b.p : "?", v, NULL, 0);
        buf_fini(&b);
        tr[i].var->whole = range_of(x, o);
        tr[i].var->loopvar = o->okind == OK_CELL && (o->flags & OF_LOOPVAR);
    }
    return tr[i].var;
}

void vm_state_word(vm_exec *x, vm_obj *o, uint32_t i, wf_obj *m)
{
    wf_var *v;
    if (!m || (m->kind != OBJ_MUTEX && m->kind != OBJ_ATOMIC))
        return;
    v = vm_track_var(x, o, i);
    if (m->kind == OBJ_ATOMIC) { /* atomic.Int64 and its kin */
        ((wf_atomic *)m)->shadow = v->hdr.oid;
        return;
    }
    v->lockword = true;
    ((wf_mutex *)m)->shadow = v->hdr.oid;
}

wf_atomic *vm_track_atomic(vm_exec *x, vm_obj *o, uint32_t i)
{
    vm_track *tr = track_of(x, o);
    if (!tr[i].atom) {
        buf b;
        buf_init(&b);
        vm_slot_name(x, o, i, &b);
        tr[i].atom = atomic_new(x->e, b.p ? b.p : "?",
                                o->n ? o->slots[i].v.i : 0, NULL, 0);
        buf_fini(&b);
        tr[i].atom->shadow = vm_track_var(x, o, i)->hdr.oid;
    }
    return tr[i].atom;
}

int64_t vm_event_value(vm_exec *x, vm_value v)
{
    vm_obj *o = NULL;
    switch (VM_KIND(v.t)) {
    case K_STRING:
        return (int64_t)(hash_bytes(HASH_INIT, v.v.s, v.aux) >> 1);
    case K_CHAN:
        return v.v.ch ? v.v.ch->hdr.oid + 1 : 0;
    case K_HANDLE:
        return v.v.eo ? v.v.eo->oid + 1 : 0;
    case K_SLICE:
        o = v.v.sl ? v.v.sl->arr : NULL;
        break;
    case K_MAP:
        o = v.v.m ? VM_OBJ_OF(v.v.m) : NULL;
        break;
    case K_PTR:
    case K_FUNC:
    case K_CELL:
    case K_ARRAY:
    case K_STRUCT:
    case K_ITER:
        o = v.v.o;
        break;
    default:
        return v.v.i;
    }
    if (!o)
        return 0;
    if (!o->pid && !(o->flags & OF_STATIC))
        o->pid = ++x->next_pid;
    return o->pid;
}

static int64_t event_value(void *ctx, const wf_value *w)
{
    return vm_event_value(ctx, vm_from_wf(*w));
}

bool vm_access_slow(vm_g *g, vm_obj *o, uint32_t i, bool write, uint32_t k,
                    vm_value v)
{
    wf_var *var;
    op *p;
    if (WF_UNLIKELY(o->flags & OF_GUARD) && !vm_guard_ok(g, o, i, write))
        return false;
    if (!g->x->spawned)
        return true;
    if (k < g->granted)
        return true;
    var = vm_track_var(g->x, o, i);
    p = vm_op(g, write ? OP_WRITE : OP_READ, &var->hdr);
    if (write)
        p->val = value_int(vm_event_value(g->x, v));
    return false;
}

/* Does a copy of o expose only the slots already accessed (an array,
 * whose copy reads its range in one step instead: a [3000]byte would take
 * one step per element), or every one (a struct)? */
static bool copy_tracked_only(const vm_obj *o)
{
    return o->okind == OK_ARR || VM_KIND(o->type) != K_STRUCT;
}

/* Is slot i of o one a copy must expose? */
static bool copy_exposes(const vm_obj *o, uint32_t i, bool tracked_only)
{
    return !tracked_only ||
           (o->u.tr && (o->u.tr[i].var || o->u.tr[i].atom));
}

/* Is slot value s one a copy reads or writes? Every plain one, and the
 * state word of a Mutex or an atomic.Int64 (vm_state_word), used or not
 * yet: Go copies their state with the struct, a plain access that races
 * with Lock and Unlock, with Add and Store. Other library values (a
 * WaitGroup, a Once) are engine objects a copy does not touch. */
static bool copies_word(vm_value s)
{
    return VM_KIND(s.t) != K_HANDLE || !s.v.eo ||
           s.v.eo->kind == OBJ_MUTEX || s.v.eo->kind == OBJ_ATOMIC;
}

/* A copy of array o reads its range, every element written yet or not,
 * as part of the step running (no step of its own: a step per copy made
 * Go's test/stack.go 3.5x slower, each one hashing deep frames): the
 * search orders that step against each element write after it, and the
 * race checker sees the read. */
static void read_range(vm_g *g, vm_obj *o)
{
    wf_engine *e = g->x->e;
    wf_var *w = whole_var(g->x, o);
    const char *file;
    int32_t line;
    engine_access(e, w->hdr.oid, ACC_READ);
    vm_site(g, &file, &line);
    engine_emit(e, g->t->tid, EV_READ, 0, w->hdr.oid, -1, 0, 0, file, line);
}

/* The reads of read_copy below, from the k-th access of the instruction:
 * the scalar slots of o and of the aggregates nested in it. */
static int read_copy_obj(vm_g *g, vm_obj *o, uint32_t *k, bool tracked_only)
{
    if (!o || !(o->flags & OF_SHARED) ||
        (o->okind != OK_AGG && o->okind != OK_ARR))
        return X_OK;
    tracked_only = tracked_only || copy_tracked_only(o);
    if (is_array_value(o) && *k >= g->granted)
        read_range(g, o); /* once: not again when the instruction re-runs */
    for (uint32_t i = 0; i < o->n; i++) {
        vm_value s = o->slots[i];
        if (kind_is_aggregate(VM_KIND(s.t))) {
            int st = read_copy_obj(g, s.v.o, k, tracked_only);
            if (st != X_OK)
                return st;
            continue;
        }
        if (is_array_value(o) && VM_KIND(s.t) != K_HANDLE)
            continue; /* read with the range */
        if (!copy_exposes(o, i, tracked_only) || !copies_word(s))
            continue;
        if (!vm_access(g, o, i, false, (*k)++, vm_nil()))
            return X_YIELD;
    }
    return X_OK;
}

/* A copy of a shared struct or array reads each of its fields and
 * elements, nested ones included, as Go's race detector sees a struct
 * copy (return c.stats while another goroutine does atomic.AddUint64(
 * &c.stats.n, 1); for _, a := range accts while another goroutine writes
 * accts[i].Balance): every field, not only those already accessed, or a
 * copy made before the first write to a field would leave no trace for
 * that write to race with, and the search would never reverse them. An
 * array's copy reads the elements accessed so far only (copy_tracked_only).
 * k0: the accesses the instruction made before. X_OK, or X_YIELD to
 * expose the next read. */
int vm_read_copy_from(vm_g *g, vm_value v, uint32_t k0)
{
    uint32_t k = k0;
    int st;
    if (!v.v.o || !g->x->spawned)
        return X_OK;
    st = read_copy_obj(g, v.v.o, &k, false);
    if (st == X_OK)
        g->granted = 0;
    return st;
}

int vm_read_copy(vm_g *g, vm_value v)
{
    return vm_read_copy_from(g, v, 0);
}

/* The writes of write_copy below: every scalar slot of dst and of the
 * aggregates nested in it, each with the value src puts there. */
static int write_copy_obj(vm_g *g, vm_obj *dst, const vm_obj *src,
                          uint32_t *k, bool tracked_only)
{
    if (!dst || !src || !(dst->flags & OF_SHARED))
        return X_OK;
    tracked_only = tracked_only || copy_tracked_only(dst);
    for (uint32_t i = 0; i < dst->n && i < src->n; i++) {
        vm_value d = dst->slots[i], s = src->slots[i];
        if (kind_is_aggregate(VM_KIND(d.t)) && d.t == s.t) {
            int st = write_copy_obj(g, d.v.o, s.v.o, k, tracked_only);
            if (st != X_OK)
                return st;
            continue;
        }
        if (!copy_exposes(dst, i, tracked_only) || !copies_word(d))
            continue;
        if (!vm_access(g, dst, i, true, (*k)++, s))
            return X_YIELD;
    }
    return X_OK;
}

int vm_write_copy(vm_g *g, vm_obj *dst, vm_value v)
{
    uint32_t k = 0;
    int st;
    if (!dst || !v.v.o || !g->x->spawned)
        return X_OK;
    st = read_copy_obj(g, v.v.o, &k, false);
    if (st == X_OK)
        st = write_copy_obj(g, dst, v.v.o, &k, false);
    if (st == X_OK)
        g->granted = 0;
    return st;
}

int vm_store_access(vm_g *g, vm_obj *o, uint32_t i, vm_value v,
                    uint32_t st)
{
    vm_value d = o->slots[i];
    if ((o->flags & OF_SHARED) &&
        (g->x->spawned || (o->flags & OF_GUARD))) {
        uint32_t k = 1;
        if (!vm_access_slow(g, o, i, true, 0, v))
            return X_YIELD;
        if (kind_is_aggregate(VM_KIND(v.t)) && v.v.o && d.t == v.t &&
            d.v.o && d.v.o != v.v.o &&
            write_copy_obj(g, d.v.o, v.v.o, &k, false) != X_OK)
            return X_YIELD;
        g->granted = 0;
    }
    vm_store(g->x, o, i, v, st);
    return X_OK;
}

/* ---- drivers -------------------------------------------------------------- */

static void go_start(wf_engine *e, wf_task *t, void *arg)
{
    vm_g *g = arg;
    (void)e;
    g->t = t;
    t->drv_data = g;
}

static void main_start(wf_engine *e, wf_task *t, void *arg)
{
    vm_program *p = arg;
    vm_exec *x = e->fe.ctx;
    vm_g *g = vm_new_g(x, NULL, vm_ref(T_FUNC, p->entry->static_fn), NULL, 0,
                       0);
    WF_ASSERT(g != NULL);
    g->t = t;
    t->drv_data = g;
}

static void resume(wf_engine *e, wf_task *t)
{
    vm_g *g = t->drv_data;
    (void)e;
    if (t->raised) {
        /* the op panicked (engine_panic): a Go panic at its site, which
         * the deferred calls may recover */
        const char *m = t->raised;
        t->raised = NULL;
        g->pending = OP_NONE;
        g->resumed = false;
        g->plain = false;
        vm_throwf(g, "%s", m);
        vm_unwind(g);
        vm_run(g);
        WF_ASSERT(t->op.kind != OP_NONE);
        return;
    }
    switch (g->pending) {
    case OP_READ:
    case OP_WRITE:
        g->granted++;
        g->resumed = false;
        break;
    case OP_NONE:
        g->resumed = false;
        break;
    default:
        g->resumed = !g->plain;
        break;
    }
    g->plain = false;
    g->pending = OP_NONE;
    vm_run(g);
    WF_ASSERT(t->op.kind != OP_NONE);
}

static void release(wf_engine *e, wf_task *t)
{
    vm_g *g = t->drv_data;
    (void)e;
    if (g) {
        free(g->reach);
        g->reach = NULL;
        g->reach_words = 0;
    }
}

const task_driver vm_go_driver = {"vm", go_start, resume, release, true};
const task_driver vm_main_driver = {"vm", main_start, resume, release,
                                    true};

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

/* Whether stack slot s of g may still be read: it belongs to the
 * innermost frame starting at or below it; a Go frame's register is
 * read again only if live at the frame's pc (a frame below another is
 * at its return address, one running its deferred calls at its RET or
 * where it panicked); any other slot counts. */
static bool slot_live(walker *w, const vm_g *g, uint32_t s, uint32_t *fi)
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
    if ((f->flags & FR_NATIVE) || !f->p->ncode || r >= f->p->nregs)
        return true;
    set = vm_live_regs(w->x->prog, f->p, f->pc);
    return (set[r / 64] >> (r % 64)) & 1;
}

static void walk_g(walker *w, vm_g *g)
{
    uint32_t fi = 0;
    for (uint32_t i = 0; i < g->top && i < g->cap; i++)
        if (!w->live || slot_live(w, g, i, &fi))
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

static bool can_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o)
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

static void reach_mark(void *ctx, wf_engine *e, wf_task *t, bool fresh,
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
    if ((uint32_t)r >= (g->top < g->cap ? g->top : g->cap))
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
static bool near_reach(void *ctx, wf_engine *e, wf_task *t, wf_obj *o,
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

static uint64_t state_hash(void *ctx, wf_engine *e)
{
    (void)ctx;
    return vm_state_hash(e);
}

/* ---- the program ------------------------------------------------------------ */

static void begin(void *ctx, wf_engine *e)
{
    vm_entry *en = ctx;
    vm_program *p = en->p;
    vm_exec *x = arena_alloc(&e->mem, sizeof *x);
    x->prog = p;
    x->e = e;
    x->serial = ++p->nexec;
    x->test = en->test;
    x->globals = heap_obj(x, OK_GLOBALS, 0, p->nglobals);
    x->globals->flags = OF_SHARED;
    e->fe.ctx = x;
    e->fe.can_reach = can_reach;
    e->fe.reach_mark = reach_mark;
    e->fe.near_reach = near_reach;
    e->fe.event_value = event_value;
    e->fe.state_hash = state_hash;
    e->fe.progress_marked = p->has_progress;
}

/* The explorer's program running entry k: 0 main, 1 + i test i. */
static program entry_of(vm_program *p, size_t k)
{
    program pr;
    if (!p->entries) {
        p->entries = arena_alloc(&p->mem, (p->ntests + 1) * sizeof *p->entries);
        for (size_t i = 0; i <= p->ntests; i++) {
            p->entries[i].p = p;
            p->entries[i].test = (int)i - 1;
        }
    }
    memset(&pr, 0, sizeof pr);
    pr.drv = &vm_main_driver;
    pr.arg = p;
    pr.main_name = k ? p->tests[k - 1] : "main";
    /* each test its own identity in schedules */
    pr.hash = k ? (uint32_t)hash_bytes(hash_u64(HASH_INIT, p->hash),
                                       p->tests[k - 1],
                                       strlen(p->tests[k - 1]))
                : p->hash;
    pr.file = p->path;
    pr.begin = begin;
    pr.ctx = &p->entries[k];
    /* a test that leaves a goroutine blocked fails (goleak) */
    pr.leaks_are_errors = k > 0;
    return pr;
}

program vm_program_entry(vm_program *p)
{
    return entry_of(p, 0);
}

bool vm_is_test_file(const vm_program *p)
{
    return p->is_test;
}

const char *vm_package_name(const vm_program *p)
{
    return p->pkg_name ? p->pkg_name : "";
}

size_t vm_test_count(const vm_program *p)
{
    return p->ntests;
}

const char *vm_test_name(const vm_program *p, size_t i)
{
    return i < p->ntests ? p->tests[i] : NULL;
}

program vm_program_test_entry(vm_program *p, size_t i)
{
    WF_ASSERT(i < p->ntests);
    return entry_of(p, i + 1);
}

uint64_t vm_ops_executed(const vm_program *p)
{
    return p->ops;
}

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
    VEC(uint32_t) eonum; /* by oid: canonical number + 1 */
    uint32_t enext;
} hasher;

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
    while (H->eonum.len <= (size_t)eo->oid)
        VEC_PUSH(H->eonum, 0);
    if (H->eonum.p[eo->oid]) {
        H->h = sh_u64(H->h, H->eonum.p[eo->oid]);
        return;
    }
    H->eonum.p[eo->oid] = ++H->enext;
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
        for (uint32_t k = 0; k < g->nframes; k++) {
            vm_frame *f = &g->frames[k];
            uint32_t top = k + 1 < g->nframes ? g->frames[k + 1].base
                                              : g->top;
            H.h = sh_proto(H.h, f->p);
            H.h = sh_u64(sh_u64(H.h, f->pc), f->flags);
            for (uint32_t r = f->base; r < top && r < g->cap; r++)
                hash_val(&H, g->stack[r]);
            if (f->fn)
                hash_val(&H, vm_ref(T_FUNC, f->fn));
        }
        hash_drain(&H);
    }
    VEC_FREE(H.work);
    VEC_FREE(H.eonum);
    return H.h;
}

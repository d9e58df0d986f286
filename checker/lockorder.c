/* lockorder.c: see lockorder.h. Each acquisition costs O(locks the task
 * holds); a new edge costs a breadth-first search of the graph (edges are
 * new only the first time an order is seen, so this is rare). */
#include "lockorder.h"

#include <stdlib.h>
#include <string.h>

#include "report.h"
#include "sim/rwmutex.h"

typedef VEC(int32_t) i32vec;

typedef struct lo_node {
    uint64_t key;
    char *name;
    uint8_t kind;
    i32vec out;    /* edge indices */
    uint32_t mark; /* search generation */
    int32_t via;   /* search: the edge that reached it */
} lo_node;

/* A task took `to` at (file, line) while holding `from`, taken at
 * (hfile, hline). */
/* A gate: something every task of a cycle would have to hold while it
 * closes its edge, of which fewer than the cycle's length exist: another
 * lock (1), or a semaphore made of a buffered channel (its capacity). */
#define MAX_GATES 8
typedef struct gate {
    uint64_t key;
    int64_t cap;
} gate;

typedef struct gates {
    gate g[MAX_GATES];
    int n;
} gates;

typedef struct lo_edge {
    int32_t from, to;
    bool hread, read; /* from held for reading; to read-locked */
    char *task;       /* the task's name */
    char *file, *hfile;
    int32_t line, hline;
    int64_t exec; /* the execution it was first seen in */
    gates gated;  /* held at every occurrence of the edge so far */
} lo_edge;

/* A lock a task holds in this execution, with the semaphores it held
 * when it took it. */
typedef struct held {
    int32_t node, oid;
    bool read;
    const char *file;
    int32_t line;
    gates sems;
} held;

typedef VEC(held) held_vec;

/* A task's count of sends minus receives on a buffered channel: non-zero
 * while it holds a permit of a channel used as a semaphore (send to
 * enter, receive to leave, as the waiter of the dining philosophers; or
 * the reverse with a channel filled with tokens). */
typedef struct sem {
    int32_t oid;
    int64_t net;
} sem;

typedef VEC(sem) sem_vec;

#define LO_MAX_CYCLE 8
typedef struct reported {
    uint64_t sig, set;
    uint64_t keys[LO_MAX_CYCLE]; /* its locks, to steer toward it */
    int nkeys;
} reported;

struct lockorder {
    VEC(lo_node) nodes;
    VEC(lo_edge) edges;
    i32vec node_tab; /* open addressing: node index + 1 by key */
    i32vec edge_tab; /* edge index + 1 by (from, to) */
    uint32_t gen;
    int64_t exec;
    VEC(reported) reported;
    VEC(uint64_t) confirmed; /* lock-set hashes of deadlocks seen */
    /* per execution */
    VEC(held_vec) held; /* by tid; inner vectors kept across executions */
    VEC(sem_vec) sems;  /* by tid, likewise */
    size_t nheld;       /* tasks with vectors in use */
    i32vec node_of;     /* by oid: node index + 1, 0 unknown */
};

/* ---- keys and tables --------------------------------------------------- */

uint64_t lockorder_key(const wf_obj *o)
{
    uint64_t h = hash_u64(HASH_INIT, o->kind);
    if (o->origin) /* the front end's identity (a lock in a heap block) */
        return hash_u64(h, o->origin);
    if (*o->name) { /* a name is stable; a lazily made object's site not */
        h = hash_bytes(h, o->name, strlen(o->name));
    } else {
        if (o->file) h = hash_bytes(h, o->file, strlen(o->file));
        h = hash_u64(h, (uint64_t)o->line);
    }
    return hash_u64(h, (uint64_t)o->nth); /* the n-th of that name */
}

static int u64_cmp(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

uint64_t lockorder_set_hash(uint64_t *keys, int n)
{
    uint64_t h = HASH_INIT;
    qsort(keys, (size_t)n, sizeof *keys, u64_cmp);
    for (int i = 0; i < n; i++)
        if (i == 0 || keys[i] != keys[i - 1]) h = hash_u64(h, keys[i]);
    return h;
}

static size_t mix(uint64_t h)
{
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return (size_t)h;
}

static void tab_grow(i32vec *tab, size_t want)
{
    size_t n = tab->len ? tab->len : 64;
    while (n < want * 2)
        n *= 2;
    if (n != tab->len) {
        VEC_RESERVE(*tab, n);
        tab->len = n;
    }
    memset(tab->p, 0, tab->len * sizeof *tab->p);
}

static uint64_t edge_hkey(int32_t from, int32_t to)
{
    return hash_u64(hash_u64(HASH_INIT, (uint64_t)from), (uint64_t)to);
}

static void rehash(lockorder *lo)
{
    if (lo->node_tab.len < lo->nodes.len * 2 + 2) {
        tab_grow(&lo->node_tab, lo->nodes.len + 1);
        for (size_t i = 0; i < lo->nodes.len; i++) {
            size_t m = lo->node_tab.len - 1, k = mix(lo->nodes.p[i].key) & m;
            while (lo->node_tab.p[k])
                k = (k + 1) & m;
            lo->node_tab.p[k] = (int32_t)i + 1;
        }
    }
    if (lo->edge_tab.len < lo->edges.len * 2 + 2) {
        tab_grow(&lo->edge_tab, lo->edges.len + 1);
        for (size_t i = 0; i < lo->edges.len; i++) {
            const lo_edge *ed = &lo->edges.p[i];
            size_t m = lo->edge_tab.len - 1;
            size_t k = mix(edge_hkey(ed->from, ed->to)) & m;
            while (lo->edge_tab.p[k])
                k = (k + 1) & m;
            lo->edge_tab.p[k] = (int32_t)i + 1;
        }
    }
}

static int32_t node_for(lockorder *lo, wf_engine *e, const wf_obj *o)
{
    uint64_t key;
    size_t m, k;
    lo_node nd;
    if ((size_t)o->oid < lo->node_of.len && lo->node_of.p[o->oid])
        return lo->node_of.p[o->oid] - 1;
    key = lockorder_key(o);
    rehash(lo);
    m = lo->node_tab.len - 1;
    for (k = mix(key) & m; lo->node_tab.p[k]; k = (k + 1) & m)
        if (lo->nodes.p[lo->node_tab.p[k] - 1].key == key) break;
    if (!lo->node_tab.p[k]) {
        memset(&nd, 0, sizeof nd);
        nd.key = key;
        nd.name = wf_xstrdup(report_obj_name(e, o));
        nd.kind = o->kind;
        VEC_PUSH(lo->nodes, nd);
        lo->node_tab.p[k] = (int32_t)lo->nodes.len;
    }
    if ((size_t)o->oid >= lo->node_of.len) {
        size_t old = lo->node_of.len;
        VEC_RESERVE(lo->node_of, (size_t)o->oid + 1);
        memset(lo->node_of.p + old, 0,
               ((size_t)o->oid + 1 - old) * sizeof *lo->node_of.p);
        lo->node_of.len = (size_t)o->oid + 1;
    }
    lo->node_of.p[o->oid] = lo->node_tab.p[k];
    return lo->node_tab.p[k] - 1;
}

/* The edge from -> to, or -1. */
static int32_t edge_find(const lockorder *lo, int32_t from, int32_t to)
{
    size_t m, k;
    if (!lo->edge_tab.len) return -1;
    m = lo->edge_tab.len - 1;
    for (k = mix(edge_hkey(from, to)) & m; lo->edge_tab.p[k]; k = (k + 1) & m) {
        const lo_edge *ed = &lo->edges.p[lo->edge_tab.p[k] - 1];
        if (ed->from == from && ed->to == to) return lo->edge_tab.p[k] - 1;
    }
    return -1;
}

static void edge_insert(lockorder *lo, const lo_edge *ed)
{
    size_t m, k;
    VEC_PUSH(lo->edges, *ed);
    VEC_PUSH(lo->nodes.p[ed->from].out, (int32_t)lo->edges.len - 1);
    rehash(lo);
    m = lo->edge_tab.len - 1;
    for (k = mix(edge_hkey(ed->from, ed->to)) & m; lo->edge_tab.p[k];
         k = (k + 1) & m)
        if (lo->edge_tab.p[k] == (int32_t)lo->edges.len) return;
    lo->edge_tab.p[k] = (int32_t)lo->edges.len;
}

/* ---- cycles -------------------------------------------------------------- */

/* Shortest path of edges from `from` to `to` (breadth first, edges in
 * insertion order, so the result is deterministic). Fills path[] with
 * edge indices and returns its length, 0 when there is none. */
static int shortest_path(lockorder *lo, int32_t from, int32_t to, i32vec *path)
{
    i32vec q = {NULL, 0, 0};
    size_t head = 0;
    int n = 0;
    lo->gen++;
    lo->nodes.p[from].mark = lo->gen;
    lo->nodes.p[from].via = -1;
    VEC_PUSH(q, from);
    while (head < q.len) {
        int32_t u = q.p[head++];
        if (u == to) break;
        for (size_t i = 0; i < lo->nodes.p[u].out.len; i++) {
            int32_t ei = lo->nodes.p[u].out.p[i];
            int32_t v = lo->edges.p[ei].to;
            if (lo->nodes.p[v].mark == lo->gen) continue;
            lo->nodes.p[v].mark = lo->gen;
            lo->nodes.p[v].via = ei;
            VEC_PUSH(q, v);
        }
    }
    if (lo->nodes.p[to].mark == lo->gen) {
        path->len = 0;
        for (int32_t v = to; v != from;
             v = lo->edges.p[lo->nodes.p[v].via].from) {
            VEC_PUSH(*path, lo->nodes.p[v].via);
            n++;
        }
        /* reverse into from -> ... -> to order */
        for (int i = 0; i < n / 2; i++) {
            int32_t t = path->p[i];
            path->p[i] = path->p[n - 1 - i];
            path->p[n - 1 - i] = t;
        }
    }
    VEC_FREE(q);
    return n;
}

static uint64_t str_hash(uint64_t h, const char *s)
{
    return s ? hash_bytes(h, s, strlen(s)) : hash_u64(h, 0);
}

/* The cycle is edges cyc[0..n), cyc[0] the edge just added. */
static void report_cycle(lockorder *lo, wf_engine *e, const int32_t *cyc, int n,
                         int32_t tid)
{
    uint64_t sig = HASH_INIT ^ WF_POTENTIAL_DEADLOCK, set;
    uint64_t *keys = wf_xmalloc((size_t)n * sizeof *keys);
    uint64_t *eh = wf_xmalloc((size_t)n * sizeof *eh);
    int start = 0;
    buf m, d, j;
    finding f;
    report_lo_edge *red;
    report_lockorder rep;
    for (int i = 0; i < n; i++) {
        const lo_edge *ed = &lo->edges.p[cyc[i]];
        uint64_t h = hash_u64(hash_u64(HASH_INIT, lo->nodes.p[ed->from].key),
                              lo->nodes.p[ed->to].key);
        h = hash_u64(str_hash(h, ed->file), (uint64_t)ed->line);
        h = hash_u64(str_hash(h, ed->hfile), (uint64_t)ed->hline);
        eh[i] = h;
        keys[i] = lo->nodes.p[ed->from].key;
    }
    {
        reported rp;
        memset(&rp, 0, sizeof rp);
        for (int i = 0; i < n && i < LO_MAX_CYCLE; i++)
            rp.keys[rp.nkeys++] = keys[i];
        set = lockorder_set_hash(keys, n);
        sig = hash_u64(sig, lockorder_set_hash(eh, n));
        free(keys);
        free(eh);
        for (size_t i = 0; i < lo->confirmed.len; i++)
            if (lo->confirmed.p[i] == set) return;
        for (size_t i = 0; i < lo->reported.len; i++)
            if (lo->reported.p[i].sig == sig) return;
        rp.sig = sig;
        rp.set = set;
        VEC_PUSH(lo->reported, rp);
    }
    /* Print the cycle from its lock that comes first by name, so every
     * rotation reads the same. */
    for (int i = 1; i < n; i++)
        if (strcmp(lo->nodes.p[lo->edges.p[cyc[i]].from].name,
                   lo->nodes.p[lo->edges.p[cyc[start]].from].name) < 0)
            start = i;
    red = wf_xcalloc((size_t)n, sizeof *red);
    for (int k = 0; k < n; k++) {
        const lo_edge *ed = &lo->edges.p[cyc[(start + k) % n]];
        report_lo_edge *r = &red[k];
        r->task = ed->task;
        r->from = lo->nodes.p[ed->from].name;
        r->to = lo->nodes.p[ed->to].name;
        r->from_kind = lo->nodes.p[ed->from].kind;
        r->hread = ed->hread;
        r->read = ed->read;
        r->file = ed->file;
        r->hfile = ed->hfile;
        r->line = ed->line;
        r->hline = ed->hline;
        r->earlier = ed->exec != lo->exec;
    }
    rep.edges = red;
    rep.n = (size_t)n;
    buf_init(&m);
    buf_init(&d);
    buf_init(&j);
    report_lockorder_render(&m, &d, &j, &rep);
    free(red);
    memset(&f, 0, sizeof f);
    f.kind = WF_POTENTIAL_DEADLOCK;
    f.error = false;
    f.tid = tid;
    f.message = m.p;
    f.detail = d.p;
    f.json = j.p;
    f.file = lo->edges.p[cyc[0]].file;
    f.line = lo->edges.p[cyc[0]].line;
    f.sig = sig;
    engine_add_finding(e, &f);
    buf_fini(&m);
    buf_fini(&d);
    buf_fini(&j);
}

/* ---- gates ------------------------------------------------------------- */

static bool gates_has(const gates *g, uint64_t key)
{
    for (int i = 0; i < g->n; i++)
        if (g->g[i].key == key) return true;
    return false;
}

static void gates_add(gates *g, uint64_t key, int64_t cap)
{
    if (g->n < MAX_GATES && !gates_has(g, key)) {
        g->g[g->n].key = key;
        g->g[g->n].cap = cap;
        g->n++;
    }
}

/* g = g intersected with o; true if g lost a gate. */
static bool gates_meet(gates *g, const gates *o)
{
    int k = 0, n = g->n;
    for (int i = 0; i < g->n; i++)
        if (gates_has(o, g->g[i].key)) g->g[k++] = g->g[i];
    g->n = k;
    return k != n;
}

/* Could the cycle's k edges be held at once? Not when a gate common to
 * every edge has fewer than k permits: a deadlock needs each of the k
 * tasks inside it (lockdep's gate locks; the waiter's semaphore). */
static bool cycle_gated(const lockorder *lo, const int32_t *cyc, int k)
{
    const gates *g0 = &lo->edges.p[cyc[0]].gated;
    for (int i = 0; i < g0->n; i++) {
        bool common = g0->g[i].cap < k;
        for (int j = 1; j < k && common; j++)
            common = gates_has(&lo->edges.p[cyc[j]].gated, g0->g[i].key);
        if (common) return true;
    }
    return false;
}

/* The gates of an edge from held lock hv[at]: the locks taken before it,
 * and the semaphores held when it was taken and still held now. */
static void gates_now(const lockorder *lo, const wf_engine *e,
                      const held_vec *hv, size_t at, const sem_vec *sv,
                      gates *out)
{
    out->n = 0;
    for (size_t i = 0; i < at; i++)
        gates_add(out, lo->nodes.p[hv->p[i].node].key, 1);
    for (int i = 0; i < hv->p[at].sems.n; i++) {
        uint64_t key = hv->p[at].sems.g[i].key;
        for (size_t j = 0; j < sv->len; j++)
            if (sv->p[j].net != 0 &&
                lockorder_key(e->objs.p[sv->p[j].oid]) == key)
                gates_add(out, key, hv->p[at].sems.g[i].cap);
    }
}

/* Report the shortest cycle through edge ei, unless gated. */
static void check_cycle(lockorder *lo, wf_engine *e, int32_t ei, int32_t tid)
{
    const lo_edge *ed = &lo->edges.p[ei];
    i32vec path = {NULL, 0, 0}, cyc = {NULL, 0, 0};
    int n;
    if (ed->from == ed->to) {
        if (!cycle_gated(lo, &ei, 1)) report_cycle(lo, e, &ei, 1, tid);
        return;
    }
    n = shortest_path(lo, ed->to, ed->from, &path);
    if (n > 0) {
        VEC_PUSH(cyc, ei);
        for (int i = 0; i < n; i++)
            VEC_PUSH(cyc, path.p[i]);
        if (!cycle_gated(lo, cyc.p, (int)cyc.len))
            report_cycle(lo, e, cyc.p, (int)cyc.len, tid);
    }
    VEC_FREE(cyc);
    VEC_FREE(path);
}

/* Task tid took `to` while holding hv[at]. */
static void add_edge(lockorder *lo, wf_engine *e, const wf_event *ev,
                     const held_vec *hv, size_t at, const sem_vec *sv,
                     int32_t to, bool read)
{
    const held *h = &hv->p[at];
    lo_edge ed;
    gates g;
    int32_t ei = edge_find(lo, h->node, to);
    gates_now(lo, e, hv, at, sv, &g);
    if (ei >= 0) {
        /* seen before: a cycle it closes may have lost its gate */
        if (gates_meet(&lo->edges.p[ei].gated, &g))
            check_cycle(lo, e, ei, ev->tid);
        return;
    }
    memset(&ed, 0, sizeof ed);
    ed.from = h->node;
    ed.to = to;
    ed.hread = h->read;
    ed.read = read;
    ed.task = wf_xstrdup(engine_task_name(e->tasks.p[ev->tid]));
    ed.file = ev->file ? wf_xstrdup(ev->file) : NULL;
    ed.line = ev->line;
    ed.hfile = h->file ? wf_xstrdup(h->file) : NULL;
    ed.hline = h->line;
    ed.exec = lo->exec;
    ed.gated = g;
    edge_insert(lo, &ed);
    check_cycle(lo, e, (int32_t)lo->edges.len - 1, ev->tid);
}

/* ---- events ------------------------------------------------------------ */

static held_vec *held_of(lockorder *lo, int32_t tid)
{
    if ((size_t)tid >= lo->held.len) {
        size_t old = lo->held.len;
        VEC_RESERVE(lo->held, (size_t)tid + 1);
        memset(lo->held.p + old, 0,
               ((size_t)tid + 1 - old) * sizeof *lo->held.p);
        lo->held.len = (size_t)tid + 1;
        VEC_RESERVE(lo->sems, (size_t)tid + 1);
        memset(lo->sems.p + old, 0,
               ((size_t)tid + 1 - old) * sizeof *lo->sems.p);
        lo->sems.len = (size_t)tid + 1;
    }
    if ((size_t)tid >= lo->nheld) lo->nheld = (size_t)tid + 1;
    return &lo->held.p[tid];
}

/* A lock whose read lock waits only for a writer holding it, not for one
 * waiting (glibc's default rwlock): read-locking it again while holding
 * it for reading cannot deadlock. */
static bool readers_first(const wf_obj *o)
{
    return o->kind == OBJ_RWMUTEX &&
           ((const wf_rwmutex *)(const void *)o)->prefer_readers;
}

static void on_acquire(lockorder *lo, wf_engine *e, const wf_event *ev,
                       bool read, bool try)
{
    int32_t node = node_for(lo, e, e->objs.p[ev->oid]);
    held_vec *hv = held_of(lo, ev->tid);
    sem_vec *sv = &lo->sems.p[ev->tid];
    held h;
    if (!try)
        for (size_t i = 0; i < hv->len; i++)
            if (!(read && hv->p[i].read && hv->p[i].oid == ev->oid &&
                  readers_first(e->objs.p[ev->oid])))
                add_edge(lo, e, ev, hv, i, sv, node, read);
    memset(&h, 0, sizeof h);
    h.node = node;
    h.oid = ev->oid;
    h.read = read;
    h.file = ev->file;
    h.line = ev->line;
    for (size_t i = 0; i < sv->len; i++)
        if (sv->p[i].net != 0) {
            const wf_obj *c = e->objs.p[sv->p[i].oid];
            gates_add(&h.sems, lockorder_key(c), obj_capacity(c));
        }
    VEC_PUSH(*hv, h);
}

static bool drop(held_vec *hv, int32_t oid, bool read)
{
    for (size_t i = hv->len; i-- > 0;)
        if (hv->p[i].oid == oid && hv->p[i].read == read) {
            memmove(hv->p + i, hv->p + i + 1,
                    (hv->len - i - 1) * sizeof *hv->p);
            hv->len--;
            return true;
        }
    return false;
}

static void on_release(lockorder *lo, const wf_event *ev, bool read)
{
    if (drop(held_of(lo, ev->tid), ev->oid, read)) return;
    /* Go lets another task unlock: drop it from whoever holds it. */
    for (size_t t = 0; t < lo->nheld; t++)
        if (drop(&lo->held.p[t], ev->oid, read)) return;
}

/* A send (+1) or receive (-1) of task tid on a buffered channel. */
static void on_chan(lockorder *lo, const wf_engine *e, const wf_event *ev,
                    int64_t d)
{
    const wf_obj *o;
    sem_vec *sv;
    if (ev->oid < 0 || (ev->flags & EVF_FAILED)) return;
    o = e->objs.p[ev->oid];
    if (o->kind != OBJ_CHAN || !obj_capacity(o)) return;
    held_of(lo, ev->tid);
    sv = &lo->sems.p[ev->tid];
    for (size_t i = 0; i < sv->len; i++)
        if (sv->p[i].oid == ev->oid) {
            sv->p[i].net += d;
            return;
        }
    {
        sem s = {ev->oid, d};
        VEC_PUSH(*sv, s);
    }
}

static void on_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    lockorder *lo = ctx;
    switch ((ev_op)ev->op) {
    case EV_SEND:
        on_chan(lo, e, ev, 1);
        return;
    case EV_RECV:
        on_chan(lo, e, ev, -1);
        return;
    case EV_LOCK:
        on_acquire(lo, e, ev, false, false);
        return;
    case EV_TRYLOCK:
        if (!(ev->flags & EVF_FAILED)) on_acquire(lo, e, ev, false, true);
        return;
    case EV_RLOCK:
        on_acquire(lo, e, ev, true, false);
        return;
    case EV_TRYRLOCK:
        if (!(ev->flags & EVF_FAILED)) on_acquire(lo, e, ev, true, true);
        return;
    case EV_UNLOCK:
        on_release(lo, ev, false);
        return;
    case EV_RUNLOCK:
        on_release(lo, ev, true);
        return;
    default:
        return;
    }
}

static void on_begin(void *ctx, wf_engine *e)
{
    lockorder *lo = ctx;
    (void)e;
    lo->exec++;
    for (size_t t = 0; t < lo->nheld; t++) {
        lo->held.p[t].len = 0;
        lo->sems.p[t].len = 0;
    }
    lo->nheld = 0;
    lo->node_of.len = 0;
}

lockorder *lockorder_new(void)
{
    return wf_xcalloc(1, sizeof(lockorder));
}

void lockorder_free(lockorder *lo)
{
    if (!lo) return;
    for (size_t i = 0; i < lo->nodes.len; i++) {
        free(lo->nodes.p[i].name);
        VEC_FREE(lo->nodes.p[i].out);
    }
    for (size_t i = 0; i < lo->edges.len; i++) {
        free(lo->edges.p[i].task);
        free(lo->edges.p[i].file);
        free(lo->edges.p[i].hfile);
    }
    for (size_t i = 0; i < lo->held.len; i++) {
        VEC_FREE(lo->held.p[i]);
        VEC_FREE(lo->sems.p[i]);
    }
    VEC_FREE(lo->sems);
    VEC_FREE(lo->nodes);
    VEC_FREE(lo->edges);
    VEC_FREE(lo->node_tab);
    VEC_FREE(lo->edge_tab);
    VEC_FREE(lo->reported);
    VEC_FREE(lo->confirmed);
    VEC_FREE(lo->held);
    VEC_FREE(lo->node_of);
    free(lo);
}

wf_consumer lockorder_consumer(lockorder *lo)
{
    wf_consumer c;
    memset(&c, 0, sizeof c);
    c.ctx = lo;
    c.begin = on_begin;
    c.event = on_event;
    /* what on_event looks at: channel operations (semaphores), locks */
    c.ops = EV_BIT(EV_SEND) | EV_BIT(EV_RECV) | EV_BIT(EV_LOCK) |
            EV_BIT(EV_TRYLOCK) | EV_BIT(EV_RLOCK) | EV_BIT(EV_TRYRLOCK) |
            EV_BIT(EV_UNLOCK) | EV_BIT(EV_RUNLOCK);
    return c;
}

void lockorder_confirm(lockorder *lo, uint64_t h)
{
    for (size_t i = 0; i < lo->confirmed.len; i++)
        if (lo->confirmed.p[i] == h) return;
    VEC_PUSH(lo->confirmed, h);
}

void lockorder_finish(lockorder *lo, explorer *x)
{
    size_t k = 0;
    for (size_t i = 0; i < x->findings.len; i++) {
        xfinding *f = &x->findings.p[i];
        bool drop_it = false;
        if (f->f.kind == WF_POTENTIAL_DEADLOCK)
            for (size_t r = 0; r < lo->reported.len && !drop_it; r++)
                if (lo->reported.p[r].sig == f->f.sig)
                    for (size_t c = 0; c < lo->confirmed.len; c++)
                        if (lo->confirmed.p[c] == lo->reported.p[r].set)
                            drop_it = true;
        if (drop_it) {
            explore_finding_fini(f);
            continue;
        }
        x->findings.p[k++] = *f;
    }
    x->findings.len = k;
}

bool lockorder_cycle(const lockorder *lo, size_t i, uint64_t *keys, int *n)
{
    const reported *r;
    if (i >= lo->reported.len)
        return false;
    r = &lo->reported.p[i];
    *n = 0;
    for (size_t c = 0; c < lo->confirmed.len; c++)
        if (lo->confirmed.p[c] == r->set)
            return true; /* confirmed already: nothing to steer to */
    for (int k = 0; k < r->nkeys; k++)
        keys[(*n)++] = r->keys[k];
    return true;
}

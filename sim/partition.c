/* partition.c: see partition.h. */
#include "partition.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "explore_int.h"
#include "schedule.h"

typedef VEC(choice) choicevec;

/* What a probe's execution did at one of its listed choices (a task
 * choice): the task that ran and what its step touched. valid: the step
 * made no listed choice of its own (a select's case, a partner), which
 * would make its accesses depend on it. */
typedef struct steprec {
    int32_t tid;
    bool valid;
    uint32_t off, n; /* in the probe's acc */
} steprec;

typedef struct probe_log {
    VEC(steprec) rec; /* by listed choice */
    VEC(acc_rec) acc;
    size_t seen; /* listed choices already given a record */
} probe_log;

/* A prefix being planned: its choices, its estimate, the siblings before
 * it (part.sibs), its probe's first execution and where in the level
 * before it came from. */
typedef struct pre {
    choicevec c;
    double est;
    VEC(part_sib) sibs;
    VEC(acc_rec) sib_acc;
    schedule all; /* its probe's choices */
    probe_log log;
    size_t par;   /* its parent in the level before */
    bool fresh;   /* made in this level (its last choice is new) */
    int trial;    /* refining: what its trial showed (trial_kind) */
    bool final;   /* refining: not to be cut further */
    int first;    /* refining: the alternative its trial's first execution
                     took at its next choice, -1 */
    double awake; /* refining: its trial's estimate of the tree its sleep
                     sets leave (dpor_path_awake) */
    VEC(uint32_t) asked; /* refining: the alternatives of its next choice
                            its trial's first execution asks for */
    VEC(part_chain) chain; /* its decided nodes */
    VEC(acc_rec) chain_acc;
} pre;
typedef VEC(pre) prevec;

static void pre_fini(pre *q)
{
    VEC_FREE(q->c);
    VEC_FREE(q->sibs);
    VEC_FREE(q->sib_acc);
    schedule_fini(&q->all);
    VEC_FREE(q->log.rec);
    VEC_FREE(q->log.acc);
    VEC_FREE(q->chain);
    VEC_FREE(q->chain_acc);
    VEC_FREE(q->asked);
}

static void prevec_free(prevec *v)
{
    for (size_t i = 0; i < v->len; i++)
        pre_fini(&v->p[i]);
    VEC_FREE(*v);
}

/* A new prefix: q's choices (the first n of them) and its siblings. */
static pre pre_child(const pre *q, size_t n)
{
    pre z;
    memset(&z, 0, sizeof z);
    for (size_t k = 0; k < n; k++)
        VEC_PUSH(z.c, q->c.p[k]);
    for (size_t k = 0; k < q->sibs.len; k++)
        VEC_PUSH(z.sibs, q->sibs.p[k]);
    for (size_t k = 0; k < q->sib_acc.len; k++)
        VEC_PUSH(z.sib_acc, q->sib_acc.p[k]);
    for (size_t k = 0; k < q->chain.len; k++)
        VEC_PUSH(z.chain, q->chain.p[k]);
    for (size_t k = 0; k < q->chain_acc.len; k++)
        VEC_PUSH(z.chain_acc, q->chain_acc.p[k]);
    z.first = -1;
    return z;
}

/* The schedule string of prefix c for program p under o. */
static char *prefix_string(const program *p, const explore_opts *o,
                           const choicevec *c)
{
    schedule h;
    buf b;
    memset(&h, 0, sizeof h);
    h.hash = p->hash;
    h.seed = o->seed;
    h.cond_any = o->cond_any;
    h.spurious = o->spurious;
    h.mutex_fifo = o->mutex_fifo;
    h.time_loose = o->time_loose;
    buf_init(&b);
    schedule_encode(&b, &h, c->p, c->len);
    return b.p;
}

/* explore_opts.on_step of a probe: each task choice's step. */
static void probe_step(void *ctx, wf_engine *e, int32_t tid)
{
    probe_log *l = ctx;
    size_t from = l->seen, to = e->choices.len;
    l->seen = to;
    for (size_t k = from; k < to; k++) {
        steprec r = {-1, false, (uint32_t)l->acc.len, 0};
        if (k == from && tid >= 0 && e->choices.p[k].kind == CHOICE_TASK) {
            r.tid = tid;
            r.valid = to - from == 1;
            for (size_t i = 0; i < e->acc.len; i++)
                VEC_PUSH(l->acc, e->acc.p[i]);
            if (e->stop) { /* a panic: as dpor.c records it */
                acc_rec any = {OID_ANY, ACC_WRITE, 0, 0, 0};
                VEC_PUSH(l->acc, any);
            }
            r.n = (uint32_t)(l->acc.len - r.off);
        }
        VEC_PUSH(l->rec, r);
    }
}

/* Run the first execution from prefix q->c (dfs: then the first
 * alternative of every choice): its choices in q->all, its steps in
 * q->log. */
static wf_status probe(const program *p, const explore_opts *o, pre *q,
                       wf_diag *d)
{
    explore_opts po;
    explorer *x;
    wf_status st;
    char *pre_s = prefix_string(p, o, &q->c);
    memset(&po, 0, sizeof po);
    po.strategy = WF_STRATEGY_DFS;
    po.seed = o->seed;
    po.prefix = q->c.len ? pre_s : NULL;
    po.max_executions = 1;
    po.max_steps = o->max_steps;
    po.preemptions = -1;
    po.cond_any = o->cond_any;
    po.spurious = o->spurious;
    po.mutex_fifo = o->mutex_fifo;
    po.time_loose = o->time_loose;
    po.stack_size = o->stack_size;
    po.on_step = probe_step;
    po.step_ctx = &q->log;
    x = explore_new(p, &po);
    st = explore_run(x, NULL, d);
    if (st == WF_OK && x->diverged)
        st = diag_set(d, p->file ? p->file : "", 0, 0, "planning the parts: %s",
                      x->diverged);
    memset(&q->all, 0, sizeof q->all);
    if (st == WF_OK)
        st = schedule_decode(&q->all, x->last_schedule ? x->last_schedule : "",
                             d);
    explore_free(x);
    free(pre_s);
    return st;
}

/* The plan's identity: FNV-1a over its prefixes. */
static uint32_t plan_id(const part_plan *pl)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < pl->parts.len; i++)
        for (const char *s = pl->parts.p[i].prefix;; s++) {
            h = (h ^ (unsigned char)*s) * 16777619u;
            if (!*s) break;
        }
    return h;
}

static void give_sibs(prevec *level, size_t *awake);

/* Probe every prefix of a level; give each new one the steps of the
 * siblings before it at its last choice (their probes ran them). */
static wf_status probe_level(const program *p, const explore_opts *o,
                             prevec *level, size_t *awake, wf_diag *d)
{
    wf_status st = WF_OK;
    for (size_t i = 0; i < level->len && st == WF_OK; i++) {
        pre *q = &level->p[i];
        st = probe(p, o, q, d);
        /* Knuth: the alternatives met below the prefix, along this path */
        q->est = 1;
        for (size_t k = q->c.len; st == WF_OK && k < q->all.choices.len; k++)
            q->est = fmin(q->est * q->all.choices.p[k].n, 1e300);
    }
    if (st == WF_OK) give_sibs(level, awake);
    return st;
}

/* Give each new prefix of a level the steps of the siblings before it at
 * its last choice (their probes ran them). */
static void give_sibs(prevec *level, size_t *awake)
{
    for (size_t i = 0; i < level->len; i++) {
        pre *q = &level->p[i];
        size_t at = q->c.len - 1;
        if (!q->fresh || q->c.p[at].kind != CHOICE_TASK) continue;
        for (size_t j = i; j-- > 0 && level->p[j].fresh &&
                           level->p[j].par == q->par;) {
            const pre *s = &level->p[j];
            const steprec *r = at < s->log.rec.len ? &s->log.rec.p[at] : NULL;
            part_sib ps;
            if (!r || !r->valid) { /* it stays awake */
                ++*awake;
                continue;
            }
            ps.i = at;
            ps.tid = r->tid;
            ps.off = (uint32_t)q->sib_acc.len;
            ps.n = r->n;
            for (uint32_t k = 0; k < r->n; k++)
                VEC_PUSH(q->sib_acc, s->log.acc.p[r->off + k]);
            VEC_PUSH(q->sibs, ps);
        }
    }
}

/* pt's choices, the tasks they take (from q's probe) and decided nodes,
 * from prefix q. */
static void part_fill(part *pt, const pre *q)
{
    for (size_t k = 0; k < q->c.len; k++) {
        VEC_PUSH(pt->cs, q->c.p[k]);
        VEC_PUSH(pt->tids, k < q->log.rec.len ? q->log.rec.p[k].tid : -1);
    }
    for (size_t k = 0; k < q->chain.len; k++)
        VEC_PUSH(pt->chain, q->chain.p[k]);
    for (size_t k = 0; k < q->chain_acc.len; k++)
        VEC_PUSH(pt->chain_acc, q->chain_acc.p[k]);
}

/* ---- refining: cutting deeper where the work is ---------------------- */

/* What the first steps of a prefix's own search (dpor, with the siblings
 * before its picks asleep, as its part will run) showed: no execution
 * (every start asleep: the earlier parts explore its traces), a first
 * execution, or neither within TRIAL_BLOCKED abandoned starts. */
enum { TRIAL_NONE, TRIAL_EMPTY, TRIAL_LIVE, TRIAL_UNKNOWN };

/* Abandoned starts a trial may take before its part counts as unknown:
 * a cut costs at most this many per alternative the single search would
 * not take (found asleep at once, or cheaply). */
#define TRIAL_BLOCKED 2
/* Parts with executions a refined plan aims at: enough for a few shards
 * of a few engines to share evenly; and the trials it may spend. */
#define PART_LIVE_WANT 32
#define PART_TRIALS 1024


typedef struct trial_ctx {
    explorer *x;
    double est, awake;
    size_t at;   /* the prefix's length */
    int first;   /* the first execution's alternative at choice `at` */
    VEC(uint32_t) asked; /* ... and the alternatives it asks for there */
} trial_ctx;

static void trial_exec(void *ctx, wf_engine *e, const char *sched)
{
    trial_ctx *t = ctx;
    schedule h;
    wf_diag d;
    (void)e;
    if (t->x->dp) t->est = dpor_path_estimate(t->x->dp);
    if (t->x->dp) t->awake = dpor_path_awake(t->x->dp);
    memset(&h, 0, sizeof h);
    if (t->first < 0 && sched && schedule_decode(&h, sched, &d) == WF_OK &&
        h.choices.len > t->at && h.choices.p[t->at].kind == CHOICE_TASK) {
        const int32_t *en, *bt;
        size_t nen, nbt;
        t->first = (int)h.choices.p[t->at].idx;
        if (t->x->dp &&
            dpor_path_node(t->x->dp, t->at, &en, &nen, &bt, &nbt))
            for (size_t a = 0; a < nen; a++)
                for (size_t b = 0; b < nbt; b++)
                    if (en[a] == bt[b]) VEC_PUSH(t->asked, (uint32_t)a);
    }
    schedule_fini(&h);
}

static bool trial_stop(void *ctx, const explorer *x)
{
    (void)ctx;
    return x->executions > 0 || x->blocked >= TRIAL_BLOCKED;
}

/* Run q's trial (its part's search up to its first execution): q->trial,
 * and q->est the reduced tree's estimate along that execution (0: no
 * execution). */
static wf_status trial(const program *p, const explore_opts *o, pre *q,
                       wf_diag *d)
{
    explore_opts to = *o;
    trial_ctx t = {NULL, 0, 0, q->c.len, -1, {NULL, 0, 0}};
    wf_status st;
    char *pre_s = prefix_string(p, o, &q->c);
    to.prefix = q->c.len ? pre_s : NULL;
    to.max_executions = 0; /* (a budget counts the abandoned starts) */
    to.iterative = false;
    to.minimize = false;
    to.should_stop = trial_stop;
    to.stop_ctx = &t;
    to.after_exec = trial_exec;
    to.after_ctx = &t;
    to.on_step = NULL;
    to.step_ctx = NULL;
    t.x = explore_new(p, &to);
    t.x->dp = dpor_new();
    dpor_prefix_siblings_done(t.x->dp, true);
    for (size_t k = 0; k < q->sibs.len; k++) {
        const part_sib *s = &q->sibs.p[k];
        dpor_prefix_sibling(t.x->dp, s->i, s->tid,
                            s->n ? q->sib_acc.p + s->off : NULL, s->n);
    }
    st = explore_run(t.x, NULL, d);
    if (st == WF_OK && t.x->diverged)
        st = diag_set(d, p->file ? p->file : "", 0, 0, "planning the parts: %s",
                      t.x->diverged);
    q->trial = t.x->executions > 0 ? TRIAL_LIVE
               : t.x->complete    ? TRIAL_EMPTY
                                  : TRIAL_UNKNOWN;
    q->est = q->trial == TRIAL_LIVE ? fmax(t.est, 1) : 0;
    q->first = t.first;
    VEC_FREE(q->asked);
    q->asked.p = t.asked.p;
    q->asked.len = t.asked.len;
    q->asked.cap = t.asked.cap;
    q->awake = q->trial == TRIAL_LIVE ? t.awake : 0;
    explore_free(t.x);
    free(pre_s);
    return st;
}

/* Parent q's next choice, a task choice the search decides: each child
 * (probed and tried, the alternatives q's trial asks for there) records
 * the node (its chain entry: the task it takes there and what that step
 * touched), so that the branches its search asks for there become parts
 * (part_followups). */
static wf_status decided_node(const pre *q, prevec *kids)
{
    size_t at = q->c.len;
    for (size_t i = 0; i < kids->len; i++) {
        pre *z = &kids->p[i];
        const steprec *r = at < z->log.rec.len ? &z->log.rec.p[at] : NULL;
        part_chain pc;
        if (!r || r->tid < 0) continue;
        pc.i = at;
        pc.tid = r->tid;
        pc.valid = r->valid;
        pc.off = (uint32_t)z->chain_acc.len;
        pc.n = r->n;
        for (uint32_t k = 0; k < r->n; k++)
            VEC_PUSH(z->chain_acc, z->log.acc.p[r->off + k]);
        VEC_PUSH(z->chain, pc);
    }
    return WF_OK;
}

/* The children of prefix b at its next choice c (those keep[] marks,
 * all when keep is NULL), probed and tried: *ok when none is left awake
 * and each is live or empty within TRIAL_BLOCKED starts. */
static wf_status cut_kids(const program *p, const explore_opts *o,
                          const pre *b, const choice *c, const bool *keep,
                          prevec *kids, size_t *nawake, size_t *trials,
                          bool *ok, size_t *nlive, wf_diag *d)
{
    wf_status st;
    *nawake = 0;
    *nlive = 0;
    for (uint32_t a = 0; a < c->n; a++) {
        pre z;
        choice ch = *c;
        if (keep && !keep[a]) continue;
        z = pre_child(b, b->c.len);
        ch.idx = a;
        VEC_PUSH(z.c, ch);
        z.fresh = true;
        VEC_PUSH(*kids, z);
    }
    st = probe_level(p, o, kids, nawake, d);
    /* a sibling left awake (its step made a choice of its own) may have
     * its traces explored again: no cut there */
    *ok = *nawake == 0;
    for (size_t i = 0; i < kids->len && st == WF_OK && *ok; i++) {
        st = trial(p, o, &kids->p[i], d);
        ++*trials;
        *nlive += kids->p[i].trial == TRIAL_LIVE;
        kids->p[i].final = kids->p[i].trial != TRIAL_LIVE;
    }
    for (size_t i = 0; i < kids->len && *ok; i++)
        *ok = kids->p[i].trial != TRIAL_UNKNOWN;
    return st;
}

/* Cut the plan deeper where the work is, only where the cut costs
 * nearly nothing: the live prefix with the largest estimate is replaced
 * by its children (its next choice's alternatives) when each child's
 * trial runs an execution or finds it has none within TRIAL_BLOCKED
 * starts (an alternative the single search takes, or one it never takes
 * and the siblings' sleep sets rule out at once); else it stays whole.
 * Parts with executions: PART_LIVE_WANT at most. Deterministic: trials
 * count executions, never time. */
static wf_status refine(const program *p, const explore_opts *o,
                        prevec *level, size_t *awake, wf_diag *d)
{
    wf_status st = WF_OK;
    size_t trials = 0, live = 0;
    for (size_t i = 0; i < level->len && st == WF_OK; i++) {
        st = trial(p, o, &level->p[i], d);
        trials++;
        live += level->p[i].trial == TRIAL_LIVE;
        level->p[i].final = level->p[i].trial != TRIAL_LIVE;
    }
    while (st == WF_OK && live < PART_LIVE_WANT) {
        size_t best = SIZE_MAX, nawake = 0;
        prevec kids = {NULL, 0, 0};
        const choice *c;
        size_t nlive = 0;
        bool ok, decided = false;
        pre *b;
        for (size_t i = 0; i < level->len; i++)
            if (!level->p[i].final &&
                (best == SIZE_MAX || level->p[i].awake > level->p[best].awake))
                best = i;
        if (best == SIZE_MAX || level->p[best].awake < PART_SMALL) break;
        b = &level->p[best];
        if (b->all.choices.len <= b->c.len) {
            b->final = true; /* a single execution */
            continue;
        }
        c = &b->all.choices.p[b->c.len];
        if (trials + c->n > PART_TRIALS) break;
        st = cut_kids(p, o, b, c, NULL, &kids, &nawake, &trials, &ok, &nlive,
                      d);
        if (st == WF_OK && !ok && nawake == 0 && c->kind == CHOICE_TASK &&
            o->max_executions <= 0) {
            /* an alternative found neither live nor empty at once: most
             * likely one the search never takes (its part would be all
             * sleep-set-blocked starts). The search decides: the parts
             * are the alternatives found live or empty, and the first
             * execution's; those it skips become parts only if a part's
             * search asks for them (part_followups) */
            bool *keep = wf_xcalloc(c->n + 1, sizeof *keep);
            for (size_t i = 0; i < kids.len; i++)
                keep[kids.p[i].c.p[b->c.len].idx] =
                    kids.p[i].trial == TRIAL_LIVE;
            if (b->all.choices.p[b->c.len].idx < c->n)
                keep[b->all.choices.p[b->c.len].idx] = true;
            prevec_free(&kids);
            st = cut_kids(p, o, b, c, keep, &kids, &nawake, &trials, &ok,
                          &nlive, d);
            free(keep);
            if (st == WF_OK) st = decided_node(b, &kids);
            decided = nawake == 0;
        }
        if (st != WF_OK || (!ok && !decided)) {
            b->final = true;
            prevec_free(&kids);
            continue;
        }
        /* kids replace level->p[best], in their order */
        {
            prevec next = {NULL, 0, 0};
            for (size_t i = 0; i < level->len; i++) {
                if (i != best) {
                    VEC_PUSH(next, level->p[i]);
                    continue;
                }
                pre_fini(&level->p[i]);
                for (size_t k = 0; k < kids.len; k++)
                    VEC_PUSH(next, kids.p[k]);
            }
            VEC_FREE(*level);
            VEC_FREE(kids);
            *level = next;
        }
        live = live - 1 + nlive;
        *awake += nawake;
    }
    return st;
}

wf_status part_plan_make(const program *p, const explore_opts *o, size_t want,
                         part_plan *out, wf_diag *d)
{
    prevec level = {NULL, 0, 0};
    wf_status st;
    pre root;
    memset(out, 0, sizeof *out);
    memset(&root, 0, sizeof root);
    VEC_PUSH(level, root);
    while ((st = probe_level(p, o, &level, &out->awake, d)) == WF_OK &&
           level.len < want) {
        prevec next = {NULL, 0, 0};
        bool grew = false;
        for (size_t i = 0; i < level.len; i++) {
            const pre *q = &level.p[i];
            if (q->all.choices.len > q->c.len) {
                const choice *c = &q->all.choices.p[q->c.len];
                for (uint32_t a = 0; a < c->n; a++) {
                    pre z = pre_child(q, q->c.len);
                    choice ch = *c;
                    ch.idx = a;
                    VEC_PUSH(z.c, ch);
                    z.par = i;
                    z.fresh = true;
                    VEC_PUSH(next, z);
                }
                grew = true;
            } else {
                pre z = pre_child(q, q->c.len); /* a single execution */
                z.par = i;
                VEC_PUSH(next, z);
            }
        }
        if (!grew) {
            prevec_free(&next);
            break;
        }
        prevec_free(&level);
        level = next;
    }
    if (st == WF_OK && o->strategy == WF_STRATEGY_DPOR && o->preemptions < 0)
        st = refine(p, o, &level, &out->awake, d);
    if (st == WF_OK)
        for (size_t i = 0; i < level.len; i++) {
            pre *q = &level.p[i];
            part pt;
            memset(&pt, 0, sizeof pt);
            pt.prefix = prefix_string(p, o, &q->c);
            pt.est = q->est;
            pt.sibs.p = q->sibs.p;
            pt.sibs.len = q->sibs.len;
            pt.sibs.cap = q->sibs.cap;
            pt.sib_acc.p = q->sib_acc.p;
            pt.sib_acc.len = q->sib_acc.len;
            pt.sib_acc.cap = q->sib_acc.cap;
            memset(&q->sibs, 0, sizeof q->sibs);
            memset(&q->sib_acc, 0, sizeof q->sib_acc);
            part_fill(&pt, q);
            VEC_PUSH(out->parts, pt);
        }
    prevec_free(&level);
    out->id = plan_id(out);
    return st;
}

void part_give_siblings(const part *pt, dpor *dp)
{
    for (size_t k = 0; k < pt->sibs.len; k++) {
        const part_sib *s = &pt->sibs.p[k];
        dpor_prefix_sibling(dp, s->i, s->tid,
                            s->n ? pt->sib_acc.p + s->off : NULL, s->n);
    }
}

void part_take_asks(part *pt, const dpor *dp)
{
    pt->asks.len = 0;
    for (size_t c = 0; c < pt->chain.len; c++) {
        const int32_t *en, *bt;
        size_t nen, nbt, i = pt->chain.p[c].i;
        if (!dpor_prefix_node(dp, i, &en, &nen, &bt, &nbt)) continue;
        for (size_t b = 0; b < nbt; b++)
            for (size_t a = 0; a < nen; a++)
                if (en[a] == bt[b] && bt[b] != pt->chain.p[c].tid) {
                    part_ask k = {(uint32_t)i, (uint32_t)a, (uint32_t)nen,
                                  bt[b]};
                    VEC_PUSH(pt->asks, k);
                }
    }
}

/* Do parts a and b share their first n choices (and have n)? */
static bool same_prefix(const part *a, const part *b, size_t n)
{
    if (a->cs.len < n || b->cs.len < n) return false;
    for (size_t k = 0; k < n; k++)
        if (a->cs.p[k].kind != b->cs.p[k].kind ||
            a->cs.p[k].n != b->cs.p[k].n || a->cs.p[k].idx != b->cs.p[k].idx)
            return false;
    return true;
}

/* The decided node at choice i of part m: its entry, or NULL. */
static const part_chain *chain_at(const part *m, size_t i)
{
    for (size_t k = 0; k < m->chain.len; k++)
        if (m->chain.p[k].i == i) return &m->chain.p[k];
    return NULL;
}

/* A new part: part k's first a->i choices, then a's alternative; its
 * siblings there the tasks parts explore at that node. */
static wf_status followup(const program *p, const explore_opts *o,
                          part_plan *pl, size_t k, const part_ask *a,
                          wf_diag *d)
{
    pre z;
    part pt;
    choice ch;
    wf_status st;
    const part *from = &pl->parts.p[k];
    memset(&z, 0, sizeof z);
    memset(&pt, 0, sizeof pt);
    for (size_t i = 0; i < a->i; i++)
        VEC_PUSH(z.c, from->cs.p[i]);
    ch = from->cs.p[a->i];
    ch.idx = a->idx;
    VEC_PUSH(z.c, ch);
    if ((st = probe(p, o, &z, d)) != WF_OK) {
        pre_fini(&z);
        return st;
    }
    if (a->i >= z.log.rec.len || z.log.rec.p[a->i].tid != a->tid) {
        pre_fini(&z);
        return diag_set(d, p->file ? p->file : "", 0, 0,
                        "planning the parts: a branch asked for is not the "
                        "program's");
    }
    /* the siblings at the decided nodes and full cuts above it */
    for (size_t s = 0; s < from->sibs.len; s++) {
        part_sib ps = from->sibs.p[s];
        if (ps.i >= a->i) continue;
        ps.off = (uint32_t)z.sib_acc.len;
        for (uint32_t q = 0; q < from->sibs.p[s].n; q++)
            VEC_PUSH(z.sib_acc, from->sib_acc.p[from->sibs.p[s].off + q]);
        VEC_PUSH(z.sibs, ps);
    }
    for (size_t c = 0; c < from->chain.len; c++) {
        part_chain pc = from->chain.p[c];
        if (pc.i >= a->i) continue;
        pc.off = (uint32_t)z.chain_acc.len;
        for (uint32_t q = 0; q < from->chain.p[c].n; q++)
            VEC_PUSH(z.chain_acc,
                     from->chain_acc.p[from->chain.p[c].off + q]);
        VEC_PUSH(z.chain, pc);
    }
    /* ... and at this node: the tasks parts explore there, asleep */
    for (size_t m = 0; m < pl->parts.len; m++) {
        const part *pm = &pl->parts.p[m];
        const part_chain *e = chain_at(pm, a->i);
        bool dup = false;
        if (!same_prefix(pm, from, a->i) || !e || !e->valid) continue;
        for (size_t s = 0; s < z.sibs.len && !dup; s++)
            dup = z.sibs.p[s].i == a->i && z.sibs.p[s].tid == e->tid;
        if (!dup) {
            part_sib ps = {a->i, e->tid, (uint32_t)z.sib_acc.len, e->n};
            for (uint32_t q = 0; q < e->n; q++)
                VEC_PUSH(z.sib_acc, pm->chain_acc.p[e->off + q]);
            VEC_PUSH(z.sibs, ps);
        }
    }
    {
        const steprec *r = &z.log.rec.p[a->i];
        part_chain pc = {a->i, r->tid, r->valid, (uint32_t)z.chain_acc.len,
                         r->n};
        for (uint32_t q = 0; q < r->n; q++)
            VEC_PUSH(z.chain_acc, z.log.acc.p[r->off + q]);
        VEC_PUSH(z.chain, pc);
    }
    pt.prefix = prefix_string(p, o, &z.c);
    pt.sibs.p = z.sibs.p;
    pt.sibs.len = z.sibs.len;
    pt.sibs.cap = z.sibs.cap;
    pt.sib_acc.p = z.sib_acc.p;
    pt.sib_acc.len = z.sib_acc.len;
    pt.sib_acc.cap = z.sib_acc.cap;
    memset(&z.sibs, 0, sizeof z.sibs);
    memset(&z.sib_acc, 0, sizeof z.sib_acc);
    part_fill(&pt, &z);
    pre_fini(&z);
    VEC_PUSH(pl->parts, pt);
    return WF_OK;
}

wf_status part_followups(const program *p, const explore_opts *o,
                         part_plan *pl, size_t *added, wf_diag *d)
{
    size_t np = pl->parts.len;
    wf_status st = WF_OK;
    *added = 0;
    for (size_t k = 0; k < np && st == WF_OK; k++)
        for (size_t j = 0; j < pl->parts.p[k].asks.len && st == WF_OK; j++) {
            part_ask a = pl->parts.p[k].asks.p[j];
            bool have = false;
            for (size_t m = 0; m < pl->parts.len && !have; m++)
                have = same_prefix(&pl->parts.p[m], &pl->parts.p[k], a.i) &&
                       pl->parts.p[m].cs.len > a.i &&
                       pl->parts.p[m].tids.p[a.i] == a.tid;
            if (have) continue;
            st = followup(p, o, pl, k, &a, d);
            *added += st == WF_OK;
        }
    return st;
}

void part_plan_fini(part_plan *pl)
{
    for (size_t i = 0; i < pl->parts.len; i++) {
        free(pl->parts.p[i].prefix);
        VEC_FREE(pl->parts.p[i].sibs);
        VEC_FREE(pl->parts.p[i].sib_acc);
        VEC_FREE(pl->parts.p[i].cs);
        VEC_FREE(pl->parts.p[i].tids);
        VEC_FREE(pl->parts.p[i].chain);
        VEC_FREE(pl->parts.p[i].chain_acc);
        VEC_FREE(pl->parts.p[i].asks);
    }
    VEC_FREE(pl->parts);
}

void part_assign(const part_plan *pl, int n, int *shard_of)
{
    size_t np = pl->parts.len;
    size_t *order = wf_xcalloc(np + 1, sizeof *order);
    double *load = wf_xcalloc((size_t)(n > 0 ? n : 1), sizeof *load);
    for (size_t i = 0; i < np; i++)
        order[i] = i;
    /* longest first (insertion sort: stable, so ties keep part order) */
    for (size_t i = 1; i < np; i++)
        for (size_t j = i;
             j > 0 && pl->parts.p[order[j - 1]].est < pl->parts.p[order[j]].est;
             j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    for (size_t i = 0; i < np; i++) {
        int best = 0;
        for (int s = 1; s < n; s++)
            if (load[s] < load[best]) best = s;
        shard_of[order[i]] = best;
        load[best] += pl->parts.p[order[i]].est;
    }
    free(order);
    free(load);
}

/* ---- joining ----------------------------------------------------------- */

void part_join_init(explorer *x)
{
    x->complete = true;
    x->bound = INT_MAX;
}

void part_join(explorer *x, const explorer *y, size_t k)
{
    (void)k; /* parts are joined in order: earlier parts win ties */
    x->executions += y->executions;
    x->steps += y->steps;
    x->cut += y->cut;
    x->cut_timers += y->cut_timers;
    x->cut_memory += y->cut_memory;
    x->blocked += y->blocked;
    x->complete = x->complete && y->complete;
    x->stopped = x->stopped || y->stopped;
    if (y->bound < x->bound) x->bound = y->bound;
    if (y->diverged && !x->diverged) x->diverged = wf_xstrdup(y->diverged);
    for (size_t i = 0; i < y->findings.len; i++) {
        const xfinding *f = &y->findings.p[i];
        xfinding *have = NULL;
        for (size_t j = 0; j < x->findings.len && !have; j++)
            if (x->findings.p[j].f.sig == f->f.sig &&
                x->findings.p[j].f.kind == f->f.kind)
                have = &x->findings.p[j];
        if (!have) {
            xfinding z;
            memset(&z, 0, sizeof z);
            VEC_PUSH(x->findings, z);
            xfinding_copy(&x->findings.p[x->findings.len - 1], f);
        } else if (f->preempts < have->preempts ||
                   (f->preempts == have->preempts && f->steps < have->steps)) {
            int64_t c = have->count;
            xfinding_copy(have, f);
            have->count = c + f->count;
        } else {
            have->count += f->count;
        }
    }
    for (size_t i = 0; i < y->outcomes.len; i++) {
        const xoutcome *o = &y->outcomes.p[i];
        xoutcome *have = NULL;
        for (size_t j = 0; j < x->outcomes.len && !have; j++)
            if (!strcmp(x->outcomes.p[j].output, o->output) &&
                !strcmp(x->outcomes.p[j].kinds, o->kinds))
                have = &x->outcomes.p[j];
        if (!have) {
            xoutcome z = {wf_xstrdup(o->output), wf_xstrdup(o->kinds), o->count,
                          wf_xstrdup(o->schedule), o->nchoices};
            VEC_PUSH(x->outcomes, z);
        } else {
            if (o->nchoices < have->nchoices) {
                free(have->schedule);
                have->schedule = wf_xstrdup(o->schedule);
                have->nchoices = o->nchoices;
            }
            have->count += o->count;
        }
    }
    if (y->last_output) {
        free(x->last_output);
        x->last_output = wf_xstrdup(y->last_output);
    }
    if (y->last_schedule) {
        free(x->last_schedule);
        x->last_schedule = wf_xstrdup(y->last_schedule);
    }
}

void part_minimize(const program *p, const explore_opts *o, const part *pt,
                   explorer *x, consumer_set *cs)
{
    explore_opts mo = *o;
    explorer *m;
    wf_diag d;
    bool any = false;
    for (size_t i = 0; i < x->findings.len; i++)
        any = any || x->findings.p[i].preempts > 0;
    if (!any || x->stopped || o->strategy != WF_STRATEGY_DPOR)
        return; /* nothing to simplify */
    /* an explorer of the part with an engine: its first execution (one
     * of the part's own, so nothing new), then x's findings to simplify */
    mo.max_executions = 1;
    mo.minimize = false;
    mo.after_exec = NULL;
    m = explore_new(p, &mo);
    m->dp = dpor_new();
    dpor_prefix_siblings_done(m->dp, true);
    part_give_siblings(pt, m->dp);
    if (explore_run(m, cs, &d) == WF_OK && m->e && !m->stopped) {
        /* m's own findings (of its one execution: x has them) give way
         * to x's */
        for (size_t i = 0; i < m->findings.len; i++)
            explore_finding_fini(&m->findings.p[i]);
        m->findings.len = 0;
        for (size_t i = 0; i < x->findings.len; i++) {
            xfinding z;
            memset(&z, 0, sizeof z);
            VEC_PUSH(m->findings, z);
            xfinding_copy(&m->findings.p[i], &x->findings.p[i]);
        }
        m->o.max_executions = 0;
        explore_minimize(m, cs);
        for (size_t i = 0; i < x->findings.len; i++)
            xfinding_copy(&x->findings.p[i], &m->findings.p[i]);
    }
    explore_free(m);
}

/* Does some deadlock finding of x name object `name` (its JSON's
 * "objects")? */
static bool deadlock_holds(const explorer *x, const char *name, size_t n)
{
    buf pat;
    bool found = false;
    buf_init(&pat);
    buf_puts(&pat, "\"name\": \"");
    buf_append(&pat, name, n);
    buf_puts(&pat, "\"");
    for (size_t i = 0; i < x->findings.len && !found; i++) {
        const xfinding *f = &x->findings.p[i];
        found = f->f.kind == WF_DEADLOCK && f->json && strstr(f->json, pat.p);
    }
    buf_fini(&pat);
    return found;
}

void part_join_finish(explorer *x)
{
    size_t w = 0;
    if (x->bound == INT_MAX) x->bound = -1;
    for (size_t i = 0; i < x->findings.len; i++) {
        xfinding *f = &x->findings.p[i];
        bool drop = false;
        if (f->f.kind == WF_POTENTIAL_DEADLOCK && f->message) {
            /* "lock order inversion: a -> b -> a" */
            const char *c = strstr(f->message, ": ");
            drop = c != NULL;
            for (c = c ? c + 2 : NULL; c && *c && drop;) {
                size_t n = strcspn(c, " ");
                drop = deadlock_holds(x, c, n);
                c += n;
                while (*c == ' ' || *c == '-' || *c == '>')
                    c++;
            }
        }
        if (drop) {
            explore_finding_fini(f);
            continue;
        }
        x->findings.p[w++] = *f;
    }
    x->findings.len = w;
}

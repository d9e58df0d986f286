/* partition.c: see partition.h. */
#include "partition.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
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
    return z;
}

char *part_prefix_string(const program *p, const explore_opts *o,
                         const choice *c, size_t n)
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
    schedule_encode(&b, &h, c, n);
    return b.p;
}

/* The schedule string of prefix c for program p under o. */
static char *prefix_string(const program *p, const explore_opts *o,
                           const choicevec *c)
{
    return part_prefix_string(p, o, c->p, c->len);
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

/* The status a stopped probe or trial returns (every loop of the planner
 * ends on a status other than WF_OK); part_plan_make turns it into
 * part_plan.stopped. */
#define PLAN_STOPPED "planning the parts was stopped"
wf_status part_plan_halted(wf_diag *d)
{
    memset(d, 0, sizeof *d);
    snprintf(d->msg, sizeof d->msg, "%s", PLAN_STOPPED);
    return WF_ERR_INTERNAL;
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
    po.max_memory = o->max_memory; /* a probe is an execution too */
    po.preemptions = -1;
    po.cond_any = o->cond_any;
    po.spurious = o->spurious;
    po.mutex_fifo = o->mutex_fifo;
    po.time_loose = o->time_loose;
    po.stack_size = o->stack_size;
    po.on_step = probe_step;
    po.step_ctx = &q->log;
    po.halt = o->halt; /* an interrupt or the time limit */
    x = explore_new(p, &po);
    st = explore_run(x, NULL, d);
    if (x->e && explore_halted(x)) /* (an execution halted in the prefix
                                      says it ended early) */
        st = part_plan_halted(d);
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
    for (size_t i = 0; i < level->len && st == WF_OK; i++) {
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
    return st;
}

wf_status part_plan_make(const program *p, const explore_opts *o, size_t want,
                         const part_keep *keep, part_plan *out, wf_diag *d)
{
    prevec level = {NULL, 0, 0};
    wf_status st;
    pre root;
    memset(out, 0, sizeof *out);
    memset(&root, 0, sizeof root);
    if (o->strategy == WF_STRATEGY_DPOR && o->preemptions < 0 &&
        o->max_executions <= 0) {
        st = part_plan_frontier(p, o, want, NULL, keep, out, d);
        level.len = 0;
        goto done;
    }
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
done:
    if (st == WF_ERR_INTERNAL && !strcmp(d->msg, PLAN_STOPPED)) {
        out->stopped = true;
        memset(d, 0, sizeof *d);
        st = WF_OK;
    } else if (st == WF_OK)
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

void part_plan_fini(part_plan *pl)
{
    for (size_t i = 0; i < pl->parts.len; i++) {
        free(pl->parts.p[i].prefix);
        dpor_gift_free(pl->parts.p[i].gift);
        if (pl->parts.p[i].ran) explore_free(pl->parts.p[i].ran);
        VEC_FREE(pl->parts.p[i].sibs);
        VEC_FREE(pl->parts.p[i].sib_acc);
    }
    VEC_FREE(pl->parts);
    explore_free(pl->halted);
    pl->halted = NULL;
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
        if (pl->parts.p[order[i]].stop_at > 0) { /* planning ran it */
            shard_of[order[i]] = 0;
            continue;
        }
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
    m->dp = part_dpor(pt);
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

/* checker/report.c's message for a potential deadlock of one lock */
#define RECURSIVE_RLOCK "recursive read lock of "

void part_join_finish(explorer *x)
{
    size_t w = 0;
    if (x->bound == INT_MAX) x->bound = -1;
    for (size_t i = 0; i < x->findings.len; i++) {
        xfinding *f = &x->findings.p[i];
        bool drop = false;
        if (f->f.kind == WF_POTENTIAL_DEADLOCK && f->message &&
            !strncmp(f->message, RECURSIVE_RLOCK, strlen(RECURSIVE_RLOCK))) {
            /* "recursive read lock of m": a cycle of one lock */
            const char *c = f->message + strlen(RECURSIVE_RLOCK);
            drop = *c && deadlock_holds(x, c, strlen(c));
        } else if (f->f.kind == WF_POTENTIAL_DEADLOCK && f->message) {
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

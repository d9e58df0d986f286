/* partition.c: see partition.h. */
#include "partition.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "schedule.h"

typedef VEC(choice) choicevec;

/* A prefix being planned: its choices and its estimate. */
typedef struct pre {
    choicevec c;
    double est;
} pre;
typedef VEC(pre) prevec;

static void prevec_free(prevec *v)
{
    for (size_t i = 0; i < v->len; i++)
        VEC_FREE(v->p[i].c);
    VEC_FREE(*v);
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

/* Run the first execution from prefix q (dfs: then the first alternative
 * of every choice) and give its choices in *all. */
static wf_status probe(const program *p, const explore_opts *o,
                       const choicevec *q, schedule *all, wf_diag *d)
{
    explore_opts po;
    explorer *x;
    wf_status st;
    char *pre_s = prefix_string(p, o, q);
    memset(&po, 0, sizeof po);
    po.strategy = WF_STRATEGY_DFS;
    po.seed = o->seed;
    po.prefix = q->len ? pre_s : NULL;
    po.max_executions = 1;
    po.max_steps = o->max_steps;
    po.preemptions = -1;
    po.cond_any = o->cond_any;
    po.spurious = o->spurious;
    po.mutex_fifo = o->mutex_fifo;
    po.time_loose = o->time_loose;
    po.stack_size = o->stack_size;
    x = explore_new(p, &po);
    st = explore_run(x, NULL, d);
    if (st == WF_OK && x->diverged)
        st = diag_set(d, p->file ? p->file : "", 0, 0, "planning the parts: %s",
                      x->diverged);
    memset(all, 0, sizeof *all);
    if (st == WF_OK)
        st = schedule_decode(all, x->last_schedule ? x->last_schedule : "", d);
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

wf_status part_plan_make(const program *p, const explore_opts *o, size_t want,
                         part_plan *out, wf_diag *d)
{
    prevec level = {NULL, 0, 0};
    wf_status st = WF_OK;
    pre root;
    memset(out, 0, sizeof *out);
    memset(&root, 0, sizeof root);
    root.est = 1;
    VEC_PUSH(level, root);
    while (level.len < want && st == WF_OK) {
        prevec next = {NULL, 0, 0};
        bool grew = false;
        for (size_t i = 0; i < level.len && st == WF_OK; i++) {
            pre *q = &level.p[i];
            schedule all;
            if ((st = probe(p, o, &q->c, &all, d)) != WF_OK) break;
            if (all.choices.len > q->c.len) {
                const choice *c = &all.choices.p[q->c.len];
                /* Knuth: the alternatives met below, along this path */
                double est = 1;
                for (size_t k = q->c.len + 1; k < all.choices.len; k++)
                    est = fmin(est * all.choices.p[k].n, 1e300);
                for (uint32_t a = 0; a < c->n; a++) {
                    pre z;
                    choice ch = *c;
                    memset(&z, 0, sizeof z);
                    for (size_t k = 0; k < q->c.len; k++)
                        VEC_PUSH(z.c, q->c.p[k]);
                    ch.idx = a;
                    VEC_PUSH(z.c, ch);
                    z.est = est;
                    VEC_PUSH(next, z);
                }
                grew = true;
            } else {
                pre z;
                memset(&z, 0, sizeof z);
                for (size_t k = 0; k < q->c.len; k++)
                    VEC_PUSH(z.c, q->c.p[k]);
                z.est = 1; /* a single execution */
                VEC_PUSH(next, z);
            }
            schedule_fini(&all);
        }
        if (st != WF_OK || !grew) {
            prevec_free(&next);
            break;
        }
        prevec_free(&level);
        level = next;
    }
    if (st == WF_OK)
        for (size_t i = 0; i < level.len; i++) {
            part pt;
            pt.prefix = prefix_string(p, o, &level.p[i].c);
            pt.est = level.p[i].est;
            VEC_PUSH(out->parts, pt);
        }
    prevec_free(&level);
    out->id = plan_id(out);
    return st;
}

void part_plan_fini(part_plan *pl)
{
    for (size_t i = 0; i < pl->parts.len; i++)
        free(pl->parts.p[i].prefix);
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

static char *dup_or_null(const char *s)
{
    return s ? wf_xstrdup(s) : NULL;
}

static void copy_finding(xfinding *to, const xfinding *f)
{
    free(to->message);
    free(to->detail);
    free(to->json);
    free(to->task);
    free(to->file);
    free(to->schedule);
    free(to->output);
    *to = *f;
    to->message = dup_or_null(f->message);
    to->detail = dup_or_null(f->detail);
    to->json = dup_or_null(f->json);
    to->task = dup_or_null(f->task);
    to->file = dup_or_null(f->file);
    to->schedule = dup_or_null(f->schedule);
    to->output = dup_or_null(f->output);
    /* the finding's own strings now point at the copies */
    to->f.message = to->message;
    to->f.detail = to->detail;
    to->f.json = to->json;
    to->f.file = to->file;
}

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
            copy_finding(&x->findings.p[x->findings.len - 1], f);
        } else if (f->preempts < have->preempts ||
                   (f->preempts == have->preempts && f->steps < have->steps)) {
            int64_t c = have->count;
            copy_finding(have, f);
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
            free(f->message);
            free(f->detail);
            free(f->json);
            free(f->task);
            free(f->file);
            free(f->schedule);
            free(f->output);
            continue;
        }
        x->findings.p[w++] = *f;
    }
    x->findings.len = w;
}

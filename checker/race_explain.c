/* race_explain.c: the words of a race report: both accesses, and why
 * they are not ordered (no lock in common, a release the other task
 * never acquires, an acquire too late, a relaxed atomic, a WaitGroup
 * Add after Wait), from the checker's sync log, given to report.c
 * (report_race) to render as text and JSON. */
#include "race_int.h"
#include "sim/var.h"

#include <stdio.h>
#include <string.h>

static const char *short_name(wf_engine *e, int32_t tid, char *b, size_t n)
{
    if (tid == 0)
        snprintf(b, n, "%s", e->tasks.p[0]->name);
    else
        snprintf(b, n, "g%d", (int)tid);
    return b;
}

size_t race_chan_cap(wf_engine *e, int32_t oid)
{
    return (size_t)obj_capacity(e->objs.p[oid]);
}

static const char *obj_name(wf_engine *e, int32_t oid)
{
    return report_obj_name(e, e->objs.p[oid]);
}

/* The thread a join object stands for ("g1 worker" of "the end of g1
 * worker"), or NULL when oid is no thread's end. */
static const char *joined(wf_engine *e, int32_t oid)
{
    const char *y, *p = "the end of ";
    if (oid < 0 || !obj_view_of(e->objs.p[oid]).join)
        return NULL;
    y = obj_name(e, oid);
    return strncmp(y, p, strlen(p)) ? y : y + strlen(p);
}

/* "writes x", "reads x", "sends on ch", "closes ch" */
static void verb(buf *b, bool chan, bool write, const char *name)
{
    if (chan)
        buf_printf(b, "%s %s", write ? "closes" : "sends on", name);
    else
        buf_printf(b, "%s %s", write ? "writes" : "reads", name);
}

static void ls_names(buf *b, wf_engine *e, const lockset *ls)
{
    if (!ls || !ls->n) {
        buf_puts(b, "none");
        return;
    }
    for (int32_t i = 0; i < ls->n; i++)
        buf_printf(b, "%s%s%s", i ? ", " : "", obj_name(e, ls->item[i] >> 1),
                   (ls->item[i] & 1) ? " (read)" : "");
}

/* "store to flag", "load of flag", ... */
static void atomic_noun(buf *b, const sync_rec *rc, const char *y)
{
    switch ((op_kind)rc->aop) {
    case OP_ALOAD:
        buf_printf(b, "load of %s", y);
        return;
    case OP_ASTORE:
        buf_printf(b, "store to %s", y);
        return;
    case OP_AADD:
        buf_printf(b, "add to %s", y);
        return;
    case OP_ASWAP:
        buf_printf(b, "swap of %s", y);
        return;
    case OP_ACAS:
        buf_printf(b, "compare-and-swap of %s", y);
        return;
    default:
        buf_printf(b, "operation on %s", y);
        return;
    }
}

/* Phrases for a sync record on object y: what a release is ("the send on
 * c"), how an acquire reads after "before"/"without" ("receiving from
 * c"), and as a noun after "g1's" ("receive from c"). */
static void rel_phrase(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, "the send on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, "receiving from %s", y);
        return;
    case EV_CLOSE:
        buf_printf(b, "closing %s", y);
        return;
    case EV_UNLOCK:
        buf_printf(b, "unlocking %s", y);
        return;
    case EV_RUNLOCK:
        buf_printf(b, "read-unlocking %s", y);
        return;
    case EV_WG_DONE:
        if (joined(e, rc->oid)) /* a thread's end, which a join waits for */
            buf_printf(b, "%s", y);
        else
            buf_printf(b, "Done on %s", y);
        return;
    case EV_WG_ADD:
        buf_printf(b, "Add on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "the end of %s's function", y);
        return;
    case EV_SIGNAL: /* a semaphore's post (cond.c: the only signal that
                       releases) */
        buf_printf(b, "posting %s", y);
        return;
    case EV_ATOMIC:
        buf_puts(b, "the atomic ");
        atomic_noun(b, rc, y);
        return;
    case EV_SPAWN:
        buf_printf(b, "spawning g%d", (int)(-2 - rc->oid));
        return;
    default:
        buf_printf(b, "%s", ev_op_names[rc->op]);
        return;
    }
}

/* The acquire that would take what a release of kind rc gave. */
static void acq_gerund(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, rc->release ? "receiving from %s" : "sending on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, rc->release ? "sending on %s" : "receiving from %s", y);
        return;
    case EV_CLOSE:
        buf_printf(b, "receiving from %s", y);
        return;
    case EV_UNLOCK:
    case EV_LOCK:
    case EV_TRYLOCK:
        buf_printf(b, "locking %s", y);
        return;
    case EV_RUNLOCK:
        buf_printf(b, "write-locking %s", y);
        return;
    case EV_RLOCK:
    case EV_TRYRLOCK:
        buf_printf(b, "read-locking %s", y);
        return;
    case EV_WG_DONE:
    case EV_WG_ADD:
    case EV_WG_WAIT:
    case EV_UNBLOCK:
        if (joined(e, rc->oid))
            buf_printf(b, "joining %s", joined(e, rc->oid));
        else
            buf_printf(b, "waiting on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "calling Do on %s", y);
        return;
    case EV_SIGNAL:
    case EV_WAIT: /* a semaphore's post and wait */
        buf_printf(b, "a sem_wait on %s", y);
        return;
    case EV_ATOMIC:
        buf_printf(b, "an atomic operation on %s", y);
        return;
    default:
        buf_puts(b, "synchronizing with it");
        return;
    }
}

static void acq_noun(buf *b, wf_engine *e, const sync_rec *rc)
{
    const char *y = rc->oid >= 0 ? obj_name(e, rc->oid) : "";
    switch ((ev_op)rc->op) {
    case EV_SEND:
        buf_printf(b, "send on %s", y);
        return;
    case EV_RECV:
        buf_printf(b, "receive from %s", y);
        return;
    case EV_LOCK:
    case EV_TRYLOCK:
        buf_printf(b, "Lock of %s", y);
        return;
    case EV_RLOCK:
    case EV_TRYRLOCK:
        buf_printf(b, "RLock of %s", y);
        return;
    case EV_WG_WAIT:
    case EV_UNBLOCK:
        if (joined(e, rc->oid))
            buf_printf(b, "join of %s", joined(e, rc->oid));
        else
            buf_printf(b, "Wait on %s", y);
        return;
    case EV_ONCE:
        buf_printf(b, "Do on %s", y);
        return;
    case EV_WAIT:
        buf_printf(b, "sem_wait on %s", y);
        return;
    case EV_ATOMIC:
        buf_puts(b, "atomic ");
        atomic_noun(b, rc, y);
        return;
    case EV_SPAWN:
        buf_puts(b, "start");
        return;
    default:
        buf_puts(b, ev_op_names[rc->op]);
        return;
    }
}

/* May an explanation name rc's object? A spawn, or an object the user's
 * code synchronized on: not one the library took on its own (the mutex
 * inside a testing.T), which the user never sees. */
static bool visible(const race_checker *r, const sync_rec *rc)
{
    return rc->oid < 0 ||
           ((size_t)rc->oid < r->objs.len && r->objs.p[rc->oid] &&
            r->objs.p[rc->oid]->user);
}

/* Comparisons the explanation may spend on one race (the logs are long
 * only in long executions; past this the plainer explanations serve). */
#define EXPLAIN_BUDGET 1000000

/* A release of P and the first later acquire of Q on the same object
 * that would order P's access before Q's, had each access been on its
 * side: exactly one of them is on the wrong side. Returns false when the
 * tasks never synchronize that way. */
static bool find_link(const race_checker *r, int32_t tp, int32_t pp, int32_t tq,
                      int32_t pq, bool spawns, const sync_rec **rl_out,
                      const sync_rec **aq_out, bool *p_late)
{
    long budget = EXPLAIN_BUDGET;
    int64_t best = INT64_MAX;
    if ((size_t)tp >= r->tasks.len || (size_t)tq >= r->tasks.len) return false;
    for (int32_t i = r->tasks.p[tp].last_rec; i >= 0; i = r->log.p[i].prev) {
        const sync_rec *rl = &r->log.p[i];
        const sync_rec *aq = NULL;
        int32_t ai = -1;
        bool late, early;
        int64_t dist;
        if (!rl->release || rl->relaxed || (rl->op == EV_SPAWN) != spawns ||
            !visible(r, rl))
            continue;
        for (int32_t j = r->tasks.p[tq].last_rec; j > i && budget > 0;
             j = r->log.p[j].prev, budget--)
            if (!r->log.p[j].release && !r->log.p[j].relaxed &&
                r->log.p[j].oid == rl->oid && r->log.p[j].sub == rl->sub) {
                aq = &r->log.p[j];
                ai = j;
            }
        if (budget <= 0) break;
        if (!aq) continue;
        late = i < pp;    /* P released before its access */
        early = ai >= pq; /* Q acquired after its access */
        if (late == early) continue;
        dist = (int64_t)(i > pp ? i - pp : pp - i) +
               (int64_t)(ai > pq ? ai - pq : pq - ai);
        if (dist < best) {
            best = dist;
            *rl_out = rl;
            *aq_out = aq;
            *p_late = late;
        }
    }
    return best != INT64_MAX;
}

static void access_noun(buf *b, bool chan, bool write)
{
    buf_puts(b, chan ? (write ? "close" : "send") : (write ? "write" : "read"));
}

/* The tasks of a pending race in direction dir: P (the task that should
 * release after its access) and Q (the one that should acquire before its
 * access); dir 0: P is the earlier access. */
typedef struct roles {
    int32_t tp, tq, pp, pq;
    char np[32], nq[32];
    bool wp, wq;
} roles;

static void roles_of(wf_engine *e, const pending *p, int dir, roles *o)
{
    o->tp = dir ? p->tb : p->ta;
    o->tq = dir ? p->ta : p->tb;
    o->pp = dir ? p->ab.pos : p->aa.pos;
    o->pq = dir ? p->aa.pos : p->ab.pos;
    o->wp = dir ? p->wb : p->wa;
    o->wq = dir ? p->wa : p->wb;
    short_name(e, o->tp, o->np, sizeof o->np);
    short_name(e, o->tq, o->nq, sizeof o->nq);
}

/* "g1 writes x after Done on wg, so main's Wait on wg does not order it",
 * "main reads x before receiving from c, which would order it after g1's
 * write". */
static bool link_phrase(const race_checker *r, wf_engine *e, buf *b,
                        const pending *p, int dir, bool spawns)
{
    const sync_rec *rl = NULL, *aq = NULL;
    const char *x = obj_name(e, p->oid);
    bool late = false;
    roles o;
    roles_of(e, p, dir, &o);
    if (!find_link(r, o.tp, o.pp, o.tq, o.pq, spawns, &rl, &aq, &late))
        return false;
    if (spawns && (dir || !late))
        return false; /* only "the parent accessed after the spawn" */
    if (late) {
        buf_printf(b, "%s ", o.np);
        verb(b, p->chan, o.wp, x);
        buf_puts(b, " after ");
        rel_phrase(b, e, rl);
        buf_printf(b, ", so %s's ", o.nq);
        acq_noun(b, e, aq);
        buf_puts(b, " does not order it");
    } else {
        buf_printf(b, "%s ", o.nq);
        verb(b, p->chan, o.wq, x);
        buf_puts(b, " before ");
        acq_gerund(b, e, aq);
        buf_printf(b, ", which would order it after %s's ", o.np);
        access_noun(b, p->chan, o.wp);
    }
    return true;
}

/* C11: P writes an atomic after its access and Q reads that atomic
 * before its access, but the write does not release or the read does
 * not acquire: "main writes data before the relaxed store to ready, and
 * g1 reads data after its load of ready, but a relaxed store releases
 * nothing (a release store and an acquire load would order them)". */
static bool relaxed_phrase(const race_checker *r, wf_engine *e, buf *b,
                           const pending *p, int dir)
{
    const char *x = obj_name(e, p->oid);
    roles o;
    roles_of(e, p, dir, &o);
    if ((size_t)o.tp >= r->tasks.len || (size_t)o.tq >= r->tasks.len)
        return false;
    for (int32_t i = r->tasks.p[o.tp].last_rec; i >= o.pp;
         i = r->log.p[i].prev) {
        const sync_rec *w = &r->log.p[i];
        if (w->op != EV_ATOMIC || !w->release || !visible(r, w))
            continue;
        for (int32_t j = r->tasks.p[o.tq].last_rec; j > i;
             j = r->log.p[j].prev) {
            const sync_rec *rd = &r->log.p[j];
            if (j >= o.pq || rd->op != EV_ATOMIC || rd->release ||
                rd->oid != w->oid || (!w->relaxed && !rd->relaxed))
                continue;
            buf_printf(b, "%s ", o.np);
            verb(b, p->chan, o.wp, x);
            buf_printf(b, " before the %satomic ", w->relaxed ? "relaxed " : "");
            atomic_noun(b, w, obj_name(e, w->oid));
            buf_printf(b, ", and %s ", o.nq);
            verb(b, p->chan, o.wq, x);
            buf_printf(b, " after the %satomic ", rd->relaxed ? "relaxed " : "");
            atomic_noun(b, rd, obj_name(e, rd->oid));
            buf_printf(b, ", but a relaxed %s orders nothing (a release "
                          "store and an acquire load would)",
                       w->relaxed ? "write" : "read");
            return true;
        }
    }
    return false;
}

/* Q itself counts on the WaitGroup that P's release is a Done or Add of
 * (two workers of one group): Q cannot wait on it, since it would wait
 * for its own Done, so "without waiting on wg" is no advice for Q. */
static bool counted_by(const race_checker *r, int32_t tq, const sync_rec *rl)
{
    if (rl->op != EV_WG_DONE && rl->op != EV_WG_ADD) return false;
    if ((size_t)tq >= r->tasks.len) return false;
    for (int32_t i = r->tasks.p[tq].last_rec; i >= 0; i = r->log.p[i].prev)
        if (r->log.p[i].oid == rl->oid && r->log.p[i].op == EV_WG_DONE)
            return true;
    return false;
}

/* "g1 writes x before the send on c, but g2 reads x without receiving
 * from c": P released after its access and Q never took it. */
static bool unmatched_release(const race_checker *r, wf_engine *e, buf *b,
                              const pending *p, int dir)
{
    const sync_rec *rl = NULL;
    const char *x = obj_name(e, p->oid);
    roles o;
    roles_of(e, p, dir, &o);
    if ((size_t)o.tp >= r->tasks.len) return false;
    /* P's first release after its access (not a spawn; for a channel
     * access, not the send's own release) */
    for (int32_t i = r->tasks.p[o.tp].last_rec; i >= o.pp;
         i = r->log.p[i].prev) {
        const sync_rec *c = &r->log.p[i];
        if (c->release && !c->relaxed && c->op != EV_SPAWN &&
            !(p->chan && c->oid == p->oid) && visible(r, c))
            rl = c;
    }
    if (!rl) return false;
    if (counted_by(r, o.tq, rl)) return false;
    buf_printf(b, "%s ", o.np);
    verb(b, p->chan, o.wp, x);
    buf_puts(b, " before ");
    rel_phrase(b, e, rl);
    if (rl->op == EV_RECV && rl->sub >= 0 && race_chan_cap(e, rl->oid)) {
        buf_printf(b,
                   ", but no send on %s by %s waits for that receive "
                   "(capacity %zu)",
                   obj_name(e, rl->oid), o.nq, race_chan_cap(e, rl->oid));
        return true;
    }
    buf_printf(b, ", but %s ", o.nq);
    verb(b, p->chan, o.wq, x);
    buf_puts(b, " without ");
    acq_gerund(b, e, rl);
    if (rl->op == EV_ATOMIC) buf_puts(b, " after it");
    return true;
}

/* A loop's variable shared by every iteration (Go before 1.22) that a
 * goroutine started in the loop reads: the loop's next write races with
 * it whatever lock either holds, and the fix is a variable per
 * iteration, not a lock. */
static bool loopvar_phrase(wf_engine *e, buf *b, const pending *p)
{
    const wf_obj *o = e->objs.p[p->oid];
    const char *x;
    if (o->kind != OBJ_VAR || !((const wf_var *)o)->loopvar)
        return false;
    x = obj_name(e, p->oid);
    buf_printf(b, "%s is the loop's variable, one for the whole loop in "
                  "Go before 1.22 (the version the code is built for): a "
                  "goroutine started in one iteration reads it while the "
                  "loop writes the next value into it; give each "
                  "iteration its own (%s := %s as the loop body's first "
                  "statement) or pass it to the goroutine as an argument",
               x, x, x);
    return true;
}

/* Why the two accesses are not ordered, after "not ordered: ". */
static void explain(race_checker *r, wf_engine *e, buf *b, const pending *p)
{
    char sa[32], sb[32];
    const char *na = short_name(e, p->ta, sa, sizeof sa);
    const char *nb = short_name(e, p->tb, sb, sizeof sb);
    const lockset *la = p->aa.ls, *lb = p->ab.ls;
    if (loopvar_phrase(e, b, p))
        return;
    if (p->aa.aop >= AOP_WG_ADD || p->ab.aop >= AOP_WG_ADD) {
        buf_printf(b, "WaitGroup misuse: an Add that starts a new count "
                      "must happen before Wait (call Add before the go "
                      "statement, not in the goroutine, and reuse a "
                      "WaitGroup only once every Wait of its last round "
                      "has returned); %s and %s are not ordered",
                   na, nb);
        return;
    }
    if (p->aa.aop == AOP_LOCK || p->aa.aop == AOP_UNLOCK ||
        p->ab.aop == AOP_LOCK || p->ab.aop == AOP_UNLOCK) {
        bool a_locks = p->aa.aop == AOP_LOCK || p->aa.aop == AOP_UNLOCK;
        buf_printf(b, "a Mutex copied while in use: %s copies %s (a plain "
                      "read of its state) while %s locks or unlocks it; "
                      "the copy is a separate Mutex that excludes nobody "
                      "(go vet: copylocks): use a pointer (a pointer "
                      "receiver, a *T field)",
                   a_locks ? nb : na, obj_name(e, p->oid), a_locks ? na : nb);
        return;
    }
    if (!p->aa.aop != !p->ab.aop && p->aa.aop != AOP_RANGE &&
        p->ab.aop != AOP_RANGE) {
        buf_printf(b, "mixed access: %s uses sync/atomic on %s, %s a plain "
                      "%s; an atomic operation is ordered only with other "
                      "atomic operations, so every concurrent access must "
                      "be atomic",
                   p->aa.aop ? na : nb, obj_name(e, p->oid),
                   p->aa.aop ? nb : na,
                   (p->aa.aop ? p->wb : p->wa) ? "write" : "read");
        return;
    }
    if ((la && la->n) || (lb && lb->n)) {
        bool read_common = false;
        for (int32_t i = 0; la && lb && i < la->n; i++)
            for (int32_t j = 0; j < lb->n; j++)
                if (la->item[i] >> 1 == lb->item[j] >> 1) read_common = true;
        buf_puts(b, read_common ? "the locks they share are held for "
                                  "reading, which orders nothing ("
                                : "no lock held in common (");
        buf_printf(b, "%s holds ", na);
        ls_names(b, e, la);
        buf_printf(b, ", %s holds ", nb);
        ls_names(b, e, lb);
        buf_putc(b, ')');
        return;
    }
    /* a -> b: a releases, b acquires; or b -> a, as the program may have
     * meant it (b's access first), with a's acquire after a's access;
     * a spawn only as the parent's access after spawning the child. */
    for (int dir = 0; dir < 2; dir++)
        if (relaxed_phrase(r, e, b, p, dir)) return;
    for (int k = 0; k < 5; k++) {
        int dir = k & 1;
        bool spawns = k == 4;
        if (k == 2 || k == 3) {
            if (unmatched_release(r, e, b, p, dir)) return;
            continue;
        }
        if (link_phrase(r, e, b, p, dir, spawns)) return;
    }
    /* no lock at either access and no join between them: advise
     * neither a particular lock nor a particular wait */
    buf_printf(b,
               "no lock is held at either access, and neither %s nor %s "
               "waits for the other (a mutex held at both, or a join "
               "between them, would order them)",
               na, nb);
}

void race_explain_report(race_checker *r, wf_engine *e, const pending *p)
{
    const char *x = obj_name(e, p->oid);
    buf what[2], noun[2], why, d, j, m;
    report_race rr;
    finding f;
    memset(&rr, 0, sizeof rr);
    rr.obj = e->objs.p[p->oid];
    rr.name = x;
    rr.chan = p->chan;
    for (int k = 0; k < 2; k++) {
        const access *a = k ? &p->ab : &p->aa;
        int32_t tid = k ? p->tb : p->ta;
        buf *w = &what[k];
        buf_init(w);
        buf_init(&noun[k]);
        if (a->aop == AOP_WG_ADD) {
            buf_printf(w, "calls Add on %s, its counter leaving zero", x);
        } else if (a->aop == AOP_WG_WAIT) {
            buf_printf(w, "waits on %s", x);
        } else if (a->aop == AOP_RANGE) {
            buf_printf(w, "writes an element of %s", x);
        } else if (a->aop == AOP_LOCK || a->aop == AOP_UNLOCK) {
            buf_printf(w, "%s %s", a->aop == AOP_LOCK ? "locks" : "unlocks",
                       x);
        } else if (a->aop) {
            sync_rec rc;
            memset(&rc, 0, sizeof rc);
            rc.aop = a->aop;
            buf_puts(w, "does an atomic ");
            atomic_noun(w, &rc, x);
        } else {
            verb(w, p->chan, k ? p->wb : p->wa, x);
        }
        access_noun(&noun[k], p->chan, k ? p->wb : p->wa);
        rr.a[k].tid = tid;
        rr.a[k].task = engine_task_name(e->tasks.p[tid]);
        rr.a[k].what = w->p;
        rr.a[k].noun = noun[k].p;
        rr.a[k].step = a->step;
        rr.a[k].file = a->file;
        rr.a[k].line = a->line;
    }
    buf_init(&why);
    explain(r, e, &why, p);
    rr.why = why.p ? why.p : "";
    buf_init(&d);
    buf_init(&j);
    buf_init(&m);
    report_race_render(&m, &d, &j, &rr);
    memset(&f, 0, sizeof f);
    f.kind = WF_RACE;
    f.error = true;
    f.step = p->ab.step;
    f.tid = p->tb;
    f.message = m.p;
    f.detail = d.p;
    f.json = j.p;
    f.file = p->ab.file;
    f.line = p->ab.line;
    f.sig = p->sig;
    engine_add_finding(e, &f);
    for (int k = 0; k < 2; k++) {
        buf_fini(&what[k]);
        buf_fini(&noun[k]);
    }
    buf_fini(&why);
    buf_fini(&d);
    buf_fini(&j);
    buf_fini(&m);
}

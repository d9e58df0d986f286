/* report_deadlock.c: a deadlock or a leak in words and as JSON (one line
 * per blocked task, the lost wakeups, the four Coffman conditions), from
 * the data the deadlock checker gives (report.h). Reports are built once
 * per deadlock: O(tasks x objects) at most. */
#include "report.h"

#include "sim/cond.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lines printed before "... and N more"; names listed before "and N
 * more". */
#define MAX_LINES 64
#define MAX_NAMES 8

static void short_name(buf *b, wf_engine *e, int32_t tid)
{
    if (tid == 0)
        buf_puts(b, e->tasks.p[0]->name);
    else
        buf_printf(b, "g%d", (int)tid);
}

static void short_list(buf *b, wf_engine *e, const int32_t *tids, size_t n)
{
    for (size_t i = 0; i < n && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, ", ");
        short_name(b, e, tids[i]);
    }
    if (n > MAX_NAMES) buf_printf(b, " and %zu more", n - MAX_NAMES);
}

static const char *base_name(const char *path)
{
    const char *s = path ? strrchr(path, '/') : NULL;
    return s ? s + 1 : (path ? path : "");
}

/* What t holds: "forks[0]", "m (read)", "m (writer slot)"; with sites,
 * where each was taken ("forks[0] (locked at philo.go:18)"). */
static void holdings(wf_engine *e, const report_dl_task *t, bool sites,
                     buf *b)
{
    for (size_t i = 0; i < t->nholds; i++) {
        const report_hold *h = &t->holds[i];
        bool at = sites && h->file && h->line;
        if (i) buf_puts(b, ", ");
        buf_puts(b, report_obj_name(e, h->obj));
        if (h->kind == REPORT_HOLD_READ)
            buf_puts(b, at ? " (read-locked at " : " (read)");
        else if (h->kind == REPORT_HOLD_SLOT)
            buf_puts(b, " (writer slot)");
        else if (at)
            buf_puts(b, " (locked at ");
        if (at && h->kind != REPORT_HOLD_SLOT)
            buf_printf(b, "%s:%d)", base_name(h->file), (int)h->line);
    }
}

static bool in_cycle(const report_deadlock *r, size_t i)
{
    for (size_t k = 0; k < r->ncycle; k++)
        if ((size_t)r->cycle[k] == i) return true;
    return false;
}

static void cands_clause(wf_engine *e, const report_dl_task *t,
                         const char *verb, buf *b)
{
    bool all_blocked = true;
    if (!t->ncands) {
        buf_printf(b, ", which no other task could %s", verb);
        return;
    }
    for (size_t i = 0; i < t->ncands; i++)
        all_blocked &= e->tasks.p[t->cands[i]]->state == TASK_BLOCKED;
    if (all_blocked)
        buf_printf(b, ", which only blocked tasks could %s: ", verb);
    else
        buf_printf(b, ", which these tasks could %s: ", verb);
    /* short_list's, marking those that have not used the object yet */
    for (size_t i = 0; i < t->ncands && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, ", ");
        short_name(b, e, t->cands[i]);
        if (i >= t->ncand_users) buf_puts(b, " (has not used it yet)");
    }
    if (t->ncands > MAX_NAMES)
        buf_printf(b, " and %zu more", t->ncands - MAX_NAMES);
}

/* The names the classes' report hooks spell tasks with. */
static void full_name(buf *b, wf_engine *e, int32_t tid)
{
    buf_puts(b, e->tasks.p[tid]->name);
}

/* "waits for forks[1] held by g2 phil", "waits to receive from c, which
 * no other task could complete", ...: the class of t's op says it. */
static void wait_phrase(wf_engine *e, const report_dl_task *rt, buf *b)
{
    const wf_task *t = rt->t;
    const obj_class *c = op_class(&t->op);
    report_names n = {e, report_obj_name, full_name};
    const char *verb;
    if (!c || !c->wait_phrase) {
        if (t->op.kind == OP_SLEEP)
            buf_puts(b, "sleeps");
        else
            op_blocked_phrase(&t->op, b);
        return;
    }
    verb = c->wait_phrase(&n, t, b);
    if (verb) cands_clause(e, rt, verb, b);
}

static void task_line(wf_engine *e, const report_dl_task *rt, buf *b)
{
    const wf_task *t = rt->t;
    buf_puts(b, t->name);
    buf_putc(b, ' ');
    if (rt->nholds) {
        buf_puts(b, "holds ");
        holdings(e, rt, true, b);
        buf_puts(b, ", ");
    }
    wait_phrase(e, rt, b);
    if (t->op.file && t->op.line)
        buf_printf(b, " (%s:%d)", base_name(t->op.file), (int)t->op.line);
    buf_putc(b, '\n');
}

/* The tasks the Coffman lines speak of: the cycle, or the whole set. */
typedef struct focus {
    const report_deadlock *r;
    size_t n;
} focus;

static focus focus_of(const report_deadlock *r)
{
    focus f = {r, r->ncycle ? r->ncycle : r->ntasks};
    return f;
}

static const report_dl_task *focus_at(focus f, size_t i)
{
    return &f.r->tasks[f.r->ncycle ? (size_t)f.r->cycle[i] : i];
}

static void focus_names(wf_engine *e, focus f, buf *b)
{
    for (size_t i = 0; i < f.n && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, ", ");
        short_name(b, e, focus_at(f, i)->t->tid);
    }
    if (f.n > MAX_NAMES) buf_printf(b, " and %zu more", f.n - MAX_NAMES);
}

/* The objects the focus tasks await, in oid order, into out (cap
 * e->objs.len); their number. */
static size_t focus_objects(wf_engine *e, focus f, const wf_obj **out)
{
    size_t n = 0;
    uint8_t *mark = wf_xcalloc(e->objs.len + 1, 1);
    for (size_t i = 0; i < f.n; i++) {
        const report_dl_task *t = focus_at(f, i);
        for (int k = 0; k < t->nawaited; k++)
            mark[t->awaited[k]->oid] = 1;
    }
    for (size_t i = 0; i < e->objs.len; i++)
        if (mark[i]) out[n++] = e->objs.p[i];
    free(mark);
    return n;
}

/* A lock whose class says nothing of its own (a mutex): "held by one
 * task", said once for all such locks. */
static bool plain_lock(const wf_obj *o)
{
    return obj_is_lock(o) && !obj_class_of(o)->excl_phrase;
}

/* What a task awaiting no object waits on: a sleep that time, stopped
 * after main returned, never ends, or a nil channel. */
static bool empty_select(const report_dl_task *t)
{
    return t->wait == REPORT_W_NIL && t->t->op.kind == OP_SELECT &&
           !t->t->op.ncases;
}

static const char *objectless_wait(const report_dl_task *t)
{
    return t->wait == REPORT_W_SLEEP ? "a sleep past the end of time"
           : empty_select(t)         ? "a select with no cases"
                                     : "a nil channel";
}

static void mutual_exclusion(wf_engine *e, const report_deadlock *r, buf *b)
{
    size_t nm = 0, nparts = 0, no;
    report_names n = {e, report_obj_name, short_name};
    focus f = focus_of(r);
    const wf_obj **objs = wf_xmalloc((e->objs.len + 1) * sizeof *objs);
    no = focus_objects(e, f, objs);
    for (size_t i = 0; i < no; i++)
        nm += plain_lock(objs[i]);
    if (nm) {
        size_t k = 0;
        for (size_t i = 0; i < no; i++) {
            if (!plain_lock(objs[i])) continue;
            buf_printf(b, "%s%s", k++ ? ", " : "", report_obj_name(e, objs[i]));
        }
        buf_puts(b, nm > 1 ? " are each held by one task"
                           : " is held by one task");
        nparts++;
    }
    for (size_t i = 0; i < no; i++) {
        const obj_class *c = obj_class_of(objs[i]);
        size_t mark = b->len;
        if (!c->excl_phrase) continue;
        if (nparts) buf_puts(b, "; ");
        if (c->excl_phrase(&n, objs[i], b))
            nparts++;
        else if (b->p) /* it excludes no one now */
            b->p[b->len = mark] = '\0';
    }
    if (!nparts) {
        buf_puts(b, "none: no lock is involved; ");
        focus_names(e, f, b);
        buf_puts(b, f.n > 1 ? " wait on " : " waits on ");
        if (!no) buf_puts(b, objectless_wait(focus_at(f, 0)));
        for (size_t i = 0; i < no; i++)
            buf_printf(b, "%s%s", i ? ", " : "", report_obj_name(e, objs[i]));
    }
    free(objs);
}

/* "fork" for locks named forks[0], forks[1], ...; else false. */
static bool common_noun(focus f, char *out, size_t n)
{
    out[0] = 0;
    for (size_t i = 0; i < f.n; i++) {
        const report_dl_task *t = focus_at(f, i);
        const char *s, *br;
        size_t len;
        if (t->nawaited < 1) return false;
        s = t->awaited[0]->name;
        br = strchr(s, '[');
        if (!br || br == s || br[-1] != 's' || (size_t)(br - s) >= n)
            return false;
        len = (size_t)(br - s) - 1;
        if (!out[0]) {
            memcpy(out, s, len);
            out[len] = 0;
        } else if (strlen(out) != len || strncmp(out, s, len)) {
            return false;
        }
    }
    return out[0] != 0;
}

static void hold_and_wait(wf_engine *e, const report_deadlock *r, buf *b)
{
    focus f = focus_of(r);
    bool uniform = true, any = false;
    char noun[64];
    /* uniform: each holds exactly one mutex and waits for another one */
    for (size_t i = 0; i < f.n; i++) {
        const report_dl_task *t = focus_at(f, i);
        any |= t->nholds > 0;
        if (t->nholds != 1 || t->nawaited < 1 ||
            t->awaited[0]->kind != OBJ_MUTEX ||
            obj_view_of(t->awaited[0]).holder == t->t)
            uniform = false;
    }
    if (!any) {
        buf_puts(b, "none: no task holds a lock while it waits");
        return;
    }
    if (uniform && f.n > 1) {
        focus_names(e, f, b);
        if (!common_noun(f, noun, sizeof noun))
            snprintf(noun, sizeof noun, "mutex");
        buf_printf(b, " each hold one %s while waiting for another", noun);
        return;
    }
    for (size_t i = 0, k = 0; i < f.n; i++) {
        const report_dl_task *t = focus_at(f, i);
        if (!t->nholds) continue;
        if (k++) buf_puts(b, "; ");
        short_name(b, e, t->t->tid);
        buf_puts(b, " holds ");
        holdings(e, t, false, b);
        buf_puts(b, " while waiting for ");
        if (!t->nawaited) buf_puts(b, objectless_wait(t));
        for (int j = 0; j < t->nawaited; j++)
            buf_printf(b, "%s%s", j ? ", " : "",
                       report_obj_name(e, t->awaited[j]));
    }
}

static void no_preemption(const wf_engine *e, const report_deadlock *r,
                          buf *b)
{
    focus f = focus_of(r);
    bool mutex = false, rw = false, once = false, send = false, recv = false,
         nil = false, cond = false, wg = false, join = false, sleep = false,
         empty = false, sem = false;
    size_t n = 0;
    for (size_t i = 0; i < f.n; i++) {
        const report_dl_task *rt = focus_at(f, i);
        const wf_task *t = rt->t;
        switch (rt->wait) {
        case REPORT_W_MUTEX:
            mutex = true;
            break;
        case REPORT_W_RW_WRITE:
        case REPORT_W_RW_READ:
            rw = true;
            break;
        case REPORT_W_ONCE:
            once = true;
            break;
        case REPORT_W_CHAN:
            if (t->op.kind == OP_SEND)
                send = true;
            else if (t->op.kind == OP_RECV)
                recv = true;
            else
                for (uint32_t k = 0; k < t->op.ncases; k++)
                    if (t->op.cases[k].chan) {
                        send |= t->op.cases[k].send;
                        recv |= !t->op.cases[k].send;
                    }
            break;
        case REPORT_W_NIL:
            if (empty_select(rt))
                empty = true;
            else
                nil = true;
            break;
        case REPORT_W_SLEEP:
            sleep = true;
            break;
        case REPORT_W_COND:
            if (t->op.obj && ((const wf_cond *)t->op.obj)->sem)
                sem = true;
            else
                cond = true;
            break;
        case REPORT_W_WG:
            if (t->op.obj && obj_view_of(t->op.obj).join)
                join = true;
            else
                wg = true;
            break;
        default:
            break;
        }
    }
#define NP(cond_, text)                                                        \
    do {                                                                       \
        if (cond_) {                                                           \
            buf_printf(b, "%s%s", n++ ? "; " : "", text);                      \
        }                                                                      \
    } while (0)
    NP(mutex, "a held mutex is released only by its holder");
    NP(rw, "a held RWMutex is released only by the tasks holding it");
    NP(once, "Do returns only after the function returns");
    NP(send, "a blocked send completes only when a receiver arrives");
    NP(recv, "a blocked receive completes only when a sender arrives or "
             "the channel is closed");
    NP(nil, "an operation on a nil channel never completes");
    NP(empty, "a select with no cases never proceeds");
    if (cond) {
        buf_printf(b, "%sa cond %s returns only after a %s or %s",
                   n++ ? "; " : "", cond_word(e, COND_WAIT),
                   cond_word(e, COND_SIGNAL), cond_word(e, COND_BROADCAST));
    }
    NP(sem, "a sem_wait returns only after a sem_post raises the value "
            "above zero");
    NP(wg, "a WaitGroup Wait returns only when the counter reaches zero");
    NP(join, "a join returns only when the thread ends");
    NP(sleep, "time stops once main has returned, the timers then "
              "pending have fired and time has moved on once more per "
              "task left, so a later sleep never ends");
#undef NP
    if (!n) buf_puts(b, "none");
}

static bool possible(report_wait k)
{
    return k == REPORT_W_CHAN || k == REPORT_W_COND || k == REPORT_W_WG;
}

/* "g1 waits for forks[1] held by g2", "g3 waits for c, which no other
 * task could complete": the wait of t in brief, for circular wait. */
static void wait_brief(wf_engine *e, const report_dl_task *t, buf *b)
{
    short_name(b, e, t->t->tid);
    if (!t->nawaited) {
        buf_printf(b, " waits on %s, which nothing completes",
                   objectless_wait(t));
        return;
    }
    buf_puts(b, " waits for ");
    for (int j = 0; j < t->nawaited; j++)
        buf_printf(b, "%s%s", j ? ", " : "",
                   report_obj_name(e, t->awaited[j]));
    if (t->nholders) {
        buf_puts(b, " held by ");
        short_list(b, e, t->holders, t->nholders);
        return;
    }
    if (!possible(t->wait)) {
        buf_puts(b, ", which no task releases");
        return;
    }
    cands_clause(e, t, "complete", b);
}

static void circular_wait(wf_engine *e, const report_deadlock *r, buf *b)
{
    if (r->ncycle) {
        for (size_t i = 0; i < r->ncycle; i++) {
            short_name(b, e, r->tasks[r->cycle[i]].t->tid);
            buf_puts(b, " -> ");
        }
        short_name(b, e, r->tasks[r->cycle[0]].t->tid);
        return;
    }
    /* no cycle: each wait ends at an operation nobody left can complete */
    buf_puts(b, "none: ");
    for (size_t i = 0; i < r->ntasks && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, "; ");
        wait_brief(e, &r->tasks[i], b);
    }
    if (r->ntasks > MAX_NAMES)
        buf_printf(b, "; and %zu more", r->ntasks - MAX_NAMES);
}

static void json_task(wf_engine *e, const report_dl_task *rt, buf *j)
{
    const wf_task *t = rt->t;
    const wf_obj *last = NULL;
    const int32_t *wf = rt->nholders ? rt->holders : rt->cands;
    size_t nwf = rt->nholders ? rt->nholders : rt->ncands;
    buf_printf(j, "{\"tid\": %d, \"name\": ", (int)t->tid);
    json_str(j, t->name);
    buf_printf(j, ", \"state\": \"blocked\", \"op\": \"%s\", \"object\": ",
               op_kind_names[t->op.kind]);
    if (rt->nawaited)
        json_str(j, report_obj_name(e, rt->awaited[0]));
    else
        buf_puts(j, "null");
    buf_puts(j, ", \"file\": ");
    json_str(j, t->op.file ? t->op.file : "");
    buf_printf(j, ", \"line\": %d, \"holds\": [", (int)t->op.line);
    for (size_t i = 0, k = 0; i < rt->nholds; i++) {
        if (rt->holds[i].obj == last) continue; /* read lock and slot */
        last = rt->holds[i].obj;
        if (k++) buf_puts(j, ", ");
        json_str(j, report_obj_name(e, last));
    }
    /* where each held lock was taken */
    buf_puts(j, "], \"locked_at\": [");
    for (size_t i = 0; i < rt->ntaken; i++) {
        const report_taken *h = &rt->taken[i];
        if (i) buf_puts(j, ", ");
        buf_puts(j, "{\"object\": ");
        json_str(j, report_obj_name(e, h->obj));
        buf_printf(j, ", \"read\": %s, \"file\": ", h->read ? "true" : "false");
        json_str(j, h->file ? h->file : "");
        buf_printf(j, ", \"line\": %d}", (int)h->line);
    }
    buf_puts(j, "], \"waits_for\": [");
    for (size_t i = 0; i < nwf; i++)
        buf_printf(j, "%s%d", i ? ", " : "", (int)wf[i]);
    buf_puts(j, "]}");
}

static void json_tid(buf *j, const wf_task *t)
{
    if (t)
        buf_printf(j, "%d", (int)t->tid);
    else
        buf_puts(j, "null");
}

static void json_object(wf_engine *e, const wf_obj *o, buf *j)
{
    obj_view v;
    buf_printf(j, "{\"oid\": %d, \"kind\": \"%s\", \"name\": ", (int)o->oid,
               obj_kind_names[o->kind]);
    json_str(j, report_obj_name(e, o));
    v = obj_view_of(o);
    switch ((obj_kind)o->kind) {
    case OBJ_MUTEX:
        buf_puts(j, ", \"holder\": ");
        json_tid(j, v.holder);
        break;
    case OBJ_RWMUTEX:
        buf_puts(j, ", \"holder\": ");
        json_tid(j, v.holder);
        buf_puts(j, ", \"writer\": ");
        json_tid(j, v.writer);
        buf_puts(j, ", \"readers\": [");
        for (int32_t i = 0; i < v.nreaders; i++)
            buf_printf(j, "%s%d", i ? ", " : "", (int)v.readers[i]);
        buf_putc(j, ']');
        break;
    case OBJ_CHAN:
        buf_printf(j, ", \"cap\": %lld, \"len\": %lld, \"closed\": %s",
                   (long long)v.cap, (long long)v.len,
                   v.closed ? "true" : "false");
        break;
    case OBJ_WAITGROUP:
        buf_printf(j, ", \"counter\": %lld", (long long)v.counter);
        break;
    case OBJ_ONCE:
        buf_puts(j, ", \"runner\": ");
        if (v.runner >= 0)
            buf_printf(j, "%d", (int)v.runner);
        else
            buf_puts(j, "null");
        break;
    default:
        break;
    }
    buf_putc(j, '}');
}

/* The waiters on c in state st, as short names; n counts them. */
static void cond_waiters(wf_engine *e, const report_deadlock *r,
                         const wf_obj *c, int st, buf *b, int *n)
{
    *n = 0;
    for (size_t i = 0; i < r->ntasks; i++) {
        const report_dl_task *t = &r->tasks[i];
        if (t->wait != REPORT_W_COND || t->t->op.obj != c ||
            t->cond_state != st)
            continue;
        if (*n < MAX_NAMES) {
            if (*n) buf_puts(b, ", ");
            short_name(b, e, t->t->tid);
        }
        (*n)++;
    }
    if (*n > MAX_NAMES) buf_printf(b, " and %d more", *n - MAX_NAMES);
}

static void signal_at(wf_engine *e, const report_signal *sg, buf *b)
{
    buf_printf(b, "the %s by %s at step %llu",
               cond_word(e, sg->broadcast ? COND_BROADCAST : COND_SIGNAL),
               e->tasks.p[sg->tid]->name, (unsigned long long)sg->step);
    if (sg->file && sg->line)
        buf_printf(b, " (%s:%d)", base_name(sg->file), (int)sg->line);
}

/* A semaphore's line: its value is zero (its waiters wait); a post is
 * counted, never lost, so every post so far was taken by a sem_wait. */
static void sem_line(wf_engine *e, const report_dl_cond *rc, buf *detail)
{
    if (!rc->last.step) {
        buf_puts(detail, "value 0, and no task posted it in this "
                         "execution\n");
        return;
    }
    buf_printf(detail, "value 0: every sem_post was taken by a sem_wait; "
                       "the last post was by %s at step %llu",
               e->tasks.p[rc->last.tid]->name,
               (unsigned long long)rc->last.step);
    if (rc->last.file && rc->last.line)
        buf_printf(detail, " (%s:%d)", base_name(rc->last.file),
                   (int)rc->last.line);
    buf_putc(detail, '\n');
}

/* A line for each cond the set waits on, saying what became of its
 * signals: one that woke nobody came before a waiter began to wait (a
 * lost wakeup), a Signal woke another waiter, or none came since. */
static void wakeup_lines(wf_engine *e, const report_deadlock *r, buf *detail)
{
    for (size_t i = 0; i < r->nconds; i++) {
        const report_dl_cond *rc = &r->conds[i];
        bool first = true;
        buf_printf(detail, "%s: ", report_obj_name(e, rc->cond));
        if (((const wf_cond *)rc->cond)->sem) {
            sem_line(e, rc, detail);
            continue;
        }
        if (!rc->last.step) {
            buf_puts(detail, "no task signalled it in this execution\n");
            continue;
        }
        for (int st = REPORT_COND_LOST; st <= REPORT_COND_NONE; st++) {
            buf names;
            int n;
            buf_init(&names);
            cond_waiters(e, r, rc->cond, st, &names, &n);
            if (n) {
                if (!first) buf_puts(detail, "; ");
                first = false;
                if (st == REPORT_COND_LOST) {
                    signal_at(e, &rc->lost, detail);
                    buf_printf(detail, " woke no one, and %s began to wait "
                                       "after it: a lost wakeup",
                               names.p);
                } else if (st == REPORT_COND_PASSED) {
                    signal_at(e, &rc->last, detail);
                    buf_puts(detail, " woke ");
                    if (rc->last.peer >= 0)
                        short_name(detail, e, rc->last.peer);
                    else
                        buf_puts(detail, "another waiter");
                    buf_printf(detail, ", not %s (a %s wakes one "
                                       "waiter, a %s all)",
                               names.p, cond_word(e, COND_SIGNAL),
                               cond_word(e, COND_BROADCAST));
                } else {
                    buf_printf(detail, "no %s or %s since %s began to "
                                       "wait",
                               cond_word(e, COND_SIGNAL),
                               cond_word(e, COND_BROADCAST), names.p);
                }
            }
            buf_fini(&names);
        }
        buf_putc(detail, '\n');
    }
}

static void render_text(buf *detail, wf_engine *e, const report_deadlock *r,
                        const char *const coffman[4])
{
    size_t nlines = 0;
    if (r->partial_at && e->tasks.p[0]->state == TASK_DONE &&
        e->tasks.p[0]->end_step < r->partial_at)
        buf_printf(detail, "deadlocked at step %llu, after %s returned "
                           "(step %llu)\n",
                   (unsigned long long)r->partial_at, e->tasks.p[0]->name,
                   (unsigned long long)e->tasks.p[0]->end_step);
    else if (r->partial_at)
        buf_printf(detail,
                   "deadlocked at step %llu, while other tasks ran; "
                   "then %s returned\n",
                   (unsigned long long)r->partial_at, e->tasks.p[0]->name);
    /* the cycle in its order, then the others by tid */
    for (size_t i = 0; i < r->ncycle && nlines < MAX_LINES; i++, nlines++)
        task_line(e, &r->tasks[r->cycle[i]], detail);
    for (size_t i = 0; i < r->ntasks; i++) {
        if (in_cycle(r, i)) continue;
        if (nlines++ >= MAX_LINES) continue;
        task_line(e, &r->tasks[i], detail);
    }
    if (nlines > MAX_LINES)
        buf_printf(detail, "... and %zu more blocked tasks\n",
                   nlines - MAX_LINES);
    /* "g2 worker ended holding mu (locked at x.go:12)" */
    for (size_t i = 0; i < r->nleft; i++) {
        const report_left *l = &r->left[i];
        buf_printf(detail, "%s ended holding %s%s", e->tasks.p[l->tid]->name,
                   report_obj_name(e, l->obj), l->read ? " (read)" : "");
        if (l->file && l->line)
            buf_printf(detail, " (%s at %s:%d)",
                       l->read ? "read-locked" : "locked", base_name(l->file),
                       (int)l->line);
        buf_putc(detail, '\n');
    }
    wakeup_lines(e, r, detail);
    buf_printf(detail,
               "mutual exclusion: %s\nhold and wait:    %s\n"
               "no preemption:    %s\ncircular wait:    %s",
               coffman[0], coffman[1], coffman[2], coffman[3]);
}

static void render_json(buf *json, wf_engine *e, const report_deadlock *r,
                        const char *const coffman[4])
{
    static const char *const keys[4] = {"mutual_exclusion", "hold_and_wait",
                                        "no_preemption", "circular_wait"};
    buf_puts(json, "\"tasks\": [");
    for (size_t i = 0; i < r->ntasks && i < REPORT_MAX_TASKS; i++) {
        if (i) buf_puts(json, ", ");
        json_task(e, &r->tasks[i], json);
    }
    buf_puts(json, "], \"objects\": [");
    for (size_t i = 0; i < r->nobjs; i++) {
        if (i) buf_puts(json, ", ");
        json_object(e, r->objs[i], json);
    }
    buf_puts(json, "], \"coffman\": {");
    for (int i = 0; i < 4; i++) {
        buf_printf(json, "\"%s\": ", keys[i]);
        json_str(json, coffman[i]);
        buf_puts(json, ", ");
    }
    buf_puts(json, "\"cycle\": [");
    for (size_t i = 0; i < r->ncycle; i++)
        buf_printf(json, "%s%d", i ? ", " : "",
                   (int)r->tasks[r->cycle[i]].t->tid);
    buf_puts(json, "]}");
}

void report_deadlock_render(buf *text, buf *json, wf_engine *e,
                            const report_deadlock *r)
{
    buf c[4];
    const char *s[4];
    for (int i = 0; i < 4; i++)
        buf_init(&c[i]);
    mutual_exclusion(e, r, &c[0]);
    hold_and_wait(e, r, &c[1]);
    no_preemption(e, r, &c[2]);
    circular_wait(e, r, &c[3]);
    for (int i = 0; i < 4; i++)
        s[i] = c[i].p ? c[i].p : "";
    if (text) render_text(text, e, r, s);
    if (json) render_json(json, e, r, s);
    for (int i = 0; i < 4; i++)
        buf_fini(&c[i]);
}

/* "g1 phil, g2 phil and 3 more" */
static void set_names(buf *out, const report_deadlock *r)
{
    for (size_t i = 0; i < r->ntasks && i < MAX_NAMES; i++)
        buf_printf(out, "%s%s", i ? ", " : "", r->tasks[i].t->name);
    if (r->ntasks > MAX_NAMES)
        buf_printf(out, " and %zu more", r->ntasks - MAX_NAMES);
}

void report_leak_on_time(buf *out, const report_deadlock *r)
{
    set_names(out, r);
    buf_puts(out, " still running when main returned (");
    if (r->ntasks == 1)
        buf_puts(out, r->tasks[0].wait == REPORT_W_SLEEP ? "in a sleep"
                                                          : "waiting on a timer");
    else
        buf_puts(out, "waiting on a sleep or timer");
    buf_puts(out, ", cut off as time stops there), not blocked forever");
}

void report_deadlock_message(buf *out, wf_engine *e, const report_deadlock *r,
                             int kind, bool one_op)
{
    (void)e;
    if (kind != WF_LEAK) {
        buf_puts(out, "blocked forever while other tasks run: ");
        set_names(out, r);
        return;
    }
    set_names(out, r);
    buf_puts(out, " blocked forever");
    if (one_op && r->ntasks)
        buf_printf(out, " in %s", op_kind_names[r->tasks[0].t->op.kind]);
}

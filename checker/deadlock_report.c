/* deadlock_report.c: the wording of a deadlock or leak report (one line
 * per blocked task, the lost wakeups, the four Coffman conditions) and
 * its JSON members. See deadlock_int.h. */
#include "deadlock_int.h"

#include <stdio.h>
#include <string.h>

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

/* " (locked at philo.go:18)": where t took o, when d knows. */
static void locked_at(const deadlock_checker *d, const wf_task *t,
                      const wf_obj *o, buf *b)
{
    const dl_held *h = d ? deadlock_held_at(d, o->oid, t->tid, false) : NULL;
    if (h && h->file && h->line)
        buf_printf(b, " (locked at %s:%d)", base_name(h->file),
                   (int)h->line);
}

/* What t holds: "forks[0]", "m (read)", "m (writer slot)"; n counts
 * them; with d, where each was taken. O(objects). */
static void holdings(const deadlock_checker *d, wf_engine *e,
                     const wf_task *t, buf *b, int *n)
{
    *n = 0;
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        const char *q = NULL;
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        if (m.holder == t && m.writer != t) {
            q = "";
        } else {
            if (deadlock_rw_reader(&m, t->tid)) {
                const dl_held *h = d ? deadlock_held_at(d, o->oid, t->tid, true)
                                     : NULL;
                if (b && h && h->file && h->line)
                    buf_printf(b, "%s%s (read-locked at %s:%d)",
                               *n ? ", " : "", report_obj_name(e, o),
                               base_name(h->file), (int)h->line);
                else if (b)
                    buf_printf(b, "%s%s (read)", *n ? ", " : "",
                               report_obj_name(e, o));
                (*n)++;
            }
            if (m.writer == t) q = m.holder == t ? "" : " (writer slot)";
        }
        if (!q) continue;
        if (b) {
            buf_printf(b, "%s%s%s", *n ? ", " : "", report_obj_name(e, o), q);
            if (!*q) locked_at(d, t, o, b);
        }
        (*n)++;
    }
}

static bool in_cycle(const deadlock_checker *d, int32_t tid)
{
    for (size_t i = 0; i < d->cycle.len; i++)
        if (d->cycle.p[i] == tid) return true;
    return false;
}

static void cands_clause(wf_engine *e, const i32vec *c, const char *verb,
                         buf *b)
{
    bool all_blocked = true;
    if (!c->len) {
        buf_printf(b, ", which no other task could %s", verb);
        return;
    }
    for (size_t i = 0; i < c->len; i++)
        all_blocked &= e->tasks.p[c->p[i]]->state == TASK_BLOCKED;
    if (all_blocked)
        buf_printf(b, ", which only blocked tasks could %s: ", verb);
    else
        buf_printf(b, ", which these tasks could %s: ", verb);
    short_list(b, e, c->p, c->len);
}

/* The names the classes' report hooks spell tasks with. */
static void full_name(buf *b, wf_engine *e, int32_t tid)
{
    buf_puts(b, e->tasks.p[tid]->name);
}

/* "waits for forks[1] held by g2 phil", "waits to receive from c, which
 * no other task could complete", ...: the class of t's op says it. */
static void wait_phrase(deadlock_checker *d, wf_engine *e, const wf_task *t,
                        buf *b)
{
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
    if (verb) {
        deadlock_cands(d, e, t, &d->tmp);
        cands_clause(e, &d->tmp, verb, b);
    }
}

static void task_line(deadlock_checker *d, wf_engine *e, const wf_task *t,
                      buf *b)
{
    int nh;
    buf_puts(b, t->name);
    buf_putc(b, ' ');
    holdings(NULL, e, t, NULL, &nh);
    if (nh) {
        buf_puts(b, "holds ");
        holdings(d, e, t, b, &nh);
        buf_puts(b, ", ");
    }
    wait_phrase(d, e, t, b);
    if (t->op.file && t->op.line)
        buf_printf(b, " (%s:%d)", base_name(t->op.file), (int)t->op.line);
    buf_putc(b, '\n');
}

/* The tasks the Coffman lines speak of: the cycle, or the whole set. */
static const i32vec *focus(const deadlock_checker *d)
{
    return d->cycle.len ? &d->cycle : &d->set;
}

/* d->omark: one zero byte per object. */
void deadlock_omark_clear(deadlock_checker *d, const wf_engine *e)
{
    VEC_RESERVE(d->omark, e->objs.len + 1);
    memset(d->omark.p, 0, e->objs.len + 1);
    d->omark.len = e->objs.len;
}

/* Objects deadlock_awaited by the focus tasks, by oid, into d->tmp (oids). */
static void focus_objects(deadlock_checker *d, wf_engine *e)
{
    const i32vec *f = focus(d);
    deadlock_omark_clear(d, e);
    for (size_t i = 0; i < f->len; i++) {
        wf_obj *aw[MAX_AW];
        int n = deadlock_awaited(e->tasks.p[f->p[i]], aw, MAX_AW);
        for (int k = 0; k < n; k++)
            d->omark.p[aw[k]->oid] = 1;
    }
    d->tmp.len = 0;
    for (size_t i = 0; i < e->objs.len; i++)
        if (d->omark.p[i]) VEC_PUSH(d->tmp, (int32_t)i);
}

/* A lock whose class says nothing of its own (a mutex): "held by one
 * task", said once for all such locks. */
static bool plain_lock(const wf_obj *o)
{
    return obj_is_lock(o) && !obj_class_of(o)->excl_phrase;
}

static void mutual_exclusion(deadlock_checker *d, wf_engine *e, buf *b)
{
    size_t nm = 0, nparts = 0;
    report_names n = {e, report_obj_name, short_name};
    focus_objects(d, e);
    for (size_t i = 0; i < d->tmp.len; i++)
        nm += plain_lock(e->objs.p[d->tmp.p[i]]);
    if (nm) {
        size_t k = 0;
        for (size_t i = 0; i < d->tmp.len; i++) {
            const wf_obj *o = e->objs.p[d->tmp.p[i]];
            if (!plain_lock(o)) continue;
            buf_printf(b, "%s%s", k++ ? ", " : "", report_obj_name(e, o));
        }
        buf_puts(b, nm > 1 ? " are each held by one task"
                           : " is held by one task");
        nparts++;
    }
    for (size_t i = 0; i < d->tmp.len; i++) {
        const wf_obj *o = e->objs.p[d->tmp.p[i]];
        const obj_class *c = obj_class_of(o);
        size_t mark = b->len;
        if (!c->excl_phrase) continue;
        if (nparts) buf_puts(b, "; ");
        if (c->excl_phrase(&n, o, b))
            nparts++;
        else if (b->p) /* it excludes no one now */
            b->p[b->len = mark] = '\0';
    }
    if (!nparts) {
        const i32vec *f = focus(d);
        buf_puts(b, "none: no lock is involved; ");
        short_list(b, e, f->p, f->len);
        buf_puts(b, f->len > 1 ? " wait on " : " waits on ");
        if (!d->tmp.len) buf_puts(b, "a nil channel");
        for (size_t i = 0; i < d->tmp.len; i++)
            buf_printf(b, "%s%s", i ? ", " : "",
                       report_obj_name(e, e->objs.p[d->tmp.p[i]]));
    }
}

/* "fork" for locks named forks[0], forks[1], ...; else NULL. */
static bool common_noun(wf_engine *e, const i32vec *f, char *out, size_t n)
{
    out[0] = 0;
    for (size_t i = 0; i < f->len; i++) {
        wf_obj *aw[1];
        const char *s, *br;
        size_t len;
        if (deadlock_awaited(e->tasks.p[f->p[i]], aw, 1) != 1) return false;
        s = aw[0]->name;
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

static void hold_and_wait(deadlock_checker *d, wf_engine *e, buf *b)
{
    const i32vec *f = focus(d);
    bool uniform = true, any = false;
    char noun[64];
    /* uniform: each holds exactly one mutex and waits for another one */
    for (size_t i = 0; i < f->len; i++) {
        const wf_task *t = e->tasks.p[f->p[i]];
        wf_obj *aw[1];
        int nh;
        holdings(NULL, e, t, NULL, &nh);
        any |= nh > 0;
        if (nh != 1 || deadlock_awaited(t, aw, 1) != 1 || aw[0]->kind != OBJ_MUTEX ||
            obj_view_of(aw[0]).holder == t)
            uniform = false;
    }
    if (!any) {
        buf_puts(b, "none: no task holds a lock while it waits");
        return;
    }
    if (uniform && f->len > 1) {
        short_list(b, e, f->p, f->len);
        if (!common_noun(e, f, noun, sizeof noun))
            snprintf(noun, sizeof noun, "mutex");
        buf_printf(b, " each hold one %s while waiting for another", noun);
        return;
    }
    {
        size_t k = 0;
        for (size_t i = 0; i < f->len; i++) {
            const wf_task *t = e->tasks.p[f->p[i]];
            wf_obj *aw[MAX_AW];
            int nh, n;
            holdings(NULL, e, t, NULL, &nh);
            if (!nh) continue;
            if (k++) buf_puts(b, "; ");
            short_name(b, e, t->tid);
            buf_puts(b, " holds ");
            holdings(NULL, e, t, b, &nh);
            buf_puts(b, " while waiting for ");
            n = deadlock_awaited(t, aw, MAX_AW);
            if (!n) buf_puts(b, "a nil channel");
            for (int j = 0; j < n; j++)
                buf_printf(b, "%s%s", j ? ", " : "", report_obj_name(e, aw[j]));
        }
    }
}

static void no_preemption(deadlock_checker *d, wf_engine *e, buf *b)
{
    const i32vec *f = focus(d);
    bool mutex = false, rw = false, once = false, send = false, recv = false,
         nil = false, cond = false, wg = false, join = false;
    size_t n = 0;
    for (size_t i = 0; i < f->len; i++) {
        const wf_task *t = e->tasks.p[f->p[i]];
        switch (deadlock_wait_of(t)) {
        case W_MUTEX:
            mutex = true;
            break;
        case W_RW_WRITE:
        case W_RW_READ:
            rw = true;
            break;
        case W_ONCE:
            once = true;
            break;
        case W_CHAN:
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
        case W_NIL:
            nil = true;
            break;
        case W_COND:
            cond = true;
            break;
        case W_WG:
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
    NP(cond, "a cond Wait returns only after a Signal or Broadcast");
    NP(wg, "a WaitGroup Wait returns only when the counter reaches zero");
    NP(join, "a join returns only when the thread ends");
#undef NP
    if (!n) buf_puts(b, "none");
}

/* "g1 waits for forks[1] held by g2", "g3 waits for c, which no other
 * task could complete": the wait of t in brief, for circular wait. */
static void wait_brief(deadlock_checker *d, wf_engine *e, const wf_task *t,
                       buf *b)
{
    wf_obj *aw[MAX_AW];
    int n = deadlock_awaited(t, aw, MAX_AW);
    short_name(b, e, t->tid);
    if (!n) {
        buf_puts(b, " waits on a nil channel, which nothing completes");
        return;
    }
    buf_puts(b, " waits for ");
    for (int j = 0; j < n; j++)
        buf_printf(b, "%s%s", j ? ", " : "", report_obj_name(e, aw[j]));
    deadlock_holders(t, &d->tmp);
    if (d->tmp.len) {
        buf_puts(b, " held by ");
        short_list(b, e, d->tmp.p, d->tmp.len);
        return;
    }
    if (!deadlock_possible(deadlock_wait_of(t))) {
        buf_puts(b, ", which no task releases");
        return;
    }
    deadlock_cands(d, e, t, &d->tmp);
    cands_clause(e, &d->tmp, "complete", b);
}

static void circular_wait(deadlock_checker *d, wf_engine *e, buf *b)
{
    if (d->cycle.len) {
        for (size_t i = 0; i < d->cycle.len; i++) {
            short_name(b, e, d->cycle.p[i]);
            buf_puts(b, " -> ");
        }
        short_name(b, e, d->cycle.p[0]);
        return;
    }
    /* no cycle: each wait ends at an operation nobody left can complete */
    buf_puts(b, "none: ");
    for (size_t i = 0; i < d->set.len && i < MAX_NAMES; i++) {
        if (i) buf_puts(b, "; ");
        wait_brief(d, e, e->tasks.p[d->set.p[i]], b);
    }
    if (d->set.len > MAX_NAMES)
        buf_printf(b, "; and %zu more", d->set.len - MAX_NAMES);
}

static void json_task(deadlock_checker *d, wf_engine *e, const wf_task *t,
                      buf *j)
{
    wf_obj *aw[MAX_AW];
    int n = deadlock_awaited(t, aw, MAX_AW);
    buf_printf(j, "{\"tid\": %d, \"name\": ", (int)t->tid);
    json_str(j, t->name);
    buf_printf(j, ", \"state\": \"blocked\", \"op\": \"%s\", \"object\": ",
               op_kind_names[t->op.kind]);
    if (n)
        json_str(j, report_obj_name(e, aw[0]));
    else
        buf_puts(j, "null");
    buf_puts(j, ", \"file\": ");
    json_str(j, t->op.file ? t->op.file : "");
    buf_printf(j, ", \"line\": %d, \"holds\": [", (int)t->op.line);
    for (size_t i = 0, k = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        obj_view v;
        if (!obj_is_lock(o)) continue;
        v = obj_view_of(o);
        if (v.holder != t && v.writer != t && !deadlock_rw_reader(&v, t->tid))
            continue;
        if (k++) buf_puts(j, ", ");
        json_str(j, report_obj_name(e, o));
    }
    /* where each held lock was taken */
    buf_puts(j, "], \"locked_at\": [");
    for (size_t i = 0, k = 0; i < d->held.len; i++) {
        const dl_held *h = &d->held.p[i];
        if (h->tid != t->tid || h->oid < 0 || (size_t)h->oid >= e->objs.len)
            continue;
        if (k++) buf_puts(j, ", ");
        buf_puts(j, "{\"object\": ");
        json_str(j, report_obj_name(e, e->objs.p[h->oid]));
        buf_printf(j, ", \"read\": %s, \"file\": ", h->read ? "true" : "false");
        json_str(j, h->file ? h->file : "");
        buf_printf(j, ", \"line\": %d}", (int)h->line);
    }
    buf_puts(j, "], \"waits_for\": [");
    deadlock_holders(t, &d->tmp);
    if (!d->tmp.len) deadlock_cands(d, e, t, &d->tmp);
    for (size_t i = 0; i < d->tmp.len; i++)
        buf_printf(j, "%s%d", i ? ", " : "", (int)d->tmp.p[i]);
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
    (void)e;
    buf_putc(j, '}');
}

/* The report of the deadlocked set d->set (tids ascending): detail lines
 * and JSON members. Finds the cycle (d->cycle). */
/* The waiters on c in d->set in state st, as short names; n counts them. */
static void cond_waiters(deadlock_checker *d, wf_engine *e, const wf_obj *c,
                         int st, buf *b, int *n)
{
    *n = 0;
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        if (deadlock_wait_of(t) != W_COND || t->op.obj != c || deadlock_cond_state(d, t) != st)
            continue;
        if (*n < MAX_NAMES) {
            if (*n) buf_puts(b, ", ");
            short_name(b, e, t->tid);
        }
        (*n)++;
    }
    if (*n > MAX_NAMES) buf_printf(b, " and %d more", *n - MAX_NAMES);
}

static void signal_at(wf_engine *e, const dl_signal *sg, buf *b)
{
    buf_printf(b, "the %s by %s at step %llu",
               sg->op == EV_BROADCAST ? "Broadcast" : "Signal",
               e->tasks.p[sg->tid]->name, (unsigned long long)sg->step);
    if (sg->file && sg->line)
        buf_printf(b, " (%s:%d)", base_name(sg->file), (int)sg->line);
}

/* A line for each cond the set waits on, saying what became of its
 * signals: one that woke nobody came before a waiter began to wait (a
 * lost wakeup), a Signal woke another waiter, or none came since. */
static void wakeup_lines(deadlock_checker *d, wf_engine *e, buf *detail)
{
    deadlock_omark_clear(d, e);
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        const wf_obj *c = t->op.obj;
        bool ever, first = true;
        if (deadlock_wait_of(t) != W_COND || !c || d->omark.p[c->oid]) continue;
        d->omark.p[c->oid] = 1;
        ever = (size_t)c->oid < d->sigs.len && d->sigs.p[c->oid].step;
        buf_printf(detail, "%s: ", report_obj_name(e, c));
        if (!ever) {
            buf_puts(detail, "no task signalled it in this execution\n");
            continue;
        }
        for (int st = CW_LOST; st <= CW_NONE; st++) {
            buf names;
            int n;
            buf_init(&names);
            cond_waiters(d, e, c, st, &names, &n);
            if (n) {
                if (!first) buf_puts(detail, "; ");
                first = false;
                if (st == CW_LOST) {
                    signal_at(e, &d->lost.p[c->oid], detail);
                    buf_printf(detail, " woke no one, and %s began to wait "
                                       "after it: a lost wakeup",
                               names.p);
                } else if (st == CW_PASSED) {
                    const dl_signal *sg = &d->sigs.p[c->oid];
                    signal_at(e, sg, detail);
                    buf_puts(detail, " woke ");
                    if (sg->peer >= 0)
                        short_name(detail, e, sg->peer);
                    else
                        buf_puts(detail, "another waiter");
                    buf_printf(detail, ", not %s (a Signal wakes one "
                                       "waiter, a Broadcast all)",
                               names.p);
                } else {
                    buf_printf(detail, "no Signal or Broadcast since %s "
                                       "began to wait",
                               names.p);
                }
            }
            buf_fini(&names);
        }
        buf_putc(detail, '\n');
    }
}

void deadlock_report(deadlock_checker *d, wf_engine *e, buf *detail,
                         buf *json)
{
    size_t nlines = 0;
    buf me, hw, np, cw;
    /* the cycle in its order, then the others by tid */
    for (size_t i = 0; i < d->cycle.len && nlines < MAX_LINES; i++, nlines++)
        task_line(d, e, e->tasks.p[d->cycle.p[i]], detail);
    for (size_t i = 0; i < d->set.len; i++) {
        if (in_cycle(d, d->set.p[i])) continue;
        if (nlines++ >= MAX_LINES) continue;
        task_line(d, e, e->tasks.p[d->set.p[i]], detail);
    }
    if (nlines > MAX_LINES)
        buf_printf(detail, "... and %zu more blocked tasks\n",
                   nlines - MAX_LINES);
    wakeup_lines(d, e, detail);
    buf_init(&me);
    buf_init(&hw);
    buf_init(&np);
    buf_init(&cw);
    mutual_exclusion(d, e, &me);
    hold_and_wait(d, e, &hw);
    no_preemption(d, e, &np);
    circular_wait(d, e, &cw);
    buf_printf(detail,
               "mutual exclusion: %s\nhold and wait:    %s\n"
               "no preemption:    %s\ncircular wait:    %s",
               me.p, hw.p, np.p, cw.p);
    buf_puts(json, "\"tasks\": [");
    for (size_t i = 0; i < d->set.len && i < 1000; i++) {
        if (i) buf_puts(json, ", ");
        json_task(d, e, e->tasks.p[d->set.p[i]], json);
    }
    buf_puts(json, "], \"objects\": [");
    /* deadlock_awaited or held by the set */
    deadlock_omark_clear(d, e);
    for (size_t i = 0; i < d->set.len; i++) {
        const wf_task *t = e->tasks.p[d->set.p[i]];
        wf_obj *aw[MAX_AW];
        int n = deadlock_awaited(t, aw, MAX_AW);
        for (int k = 0; k < n; k++)
            d->omark.p[aw[k]->oid] = 1;
    }
    for (size_t i = 0; i < e->objs.len; i++) {
        const wf_obj *o = e->objs.p[i];
        obj_view m;
        if (!obj_is_lock(o)) continue;
        m = obj_view_of(o);
        if (o->kind == OBJ_MUTEX) {
            if (m.holder && (size_t)m.holder->tid < d->idx.len &&
                d->idx.p[m.holder->tid] >= 0)
                d->omark.p[i] = 1;
        } else {
            if (m.writer && d->idx.p[m.writer->tid] >= 0) d->omark.p[i] = 1;
            for (int32_t k = 0; k < m.nreaders; k++)
                if (d->idx.p[m.readers[k]] >= 0) d->omark.p[i] = 1;
        }
    }
    for (size_t i = 0, k = 0; i < e->objs.len; i++) {
        if (!d->omark.p[i]) continue;
        if (k++) buf_puts(json, ", ");
        json_object(e, e->objs.p[i], json);
    }
    buf_puts(json, "], \"coffman\": {\"mutual_exclusion\": ");
    json_str(json, me.p);
    buf_puts(json, ", \"hold_and_wait\": ");
    json_str(json, hw.p);
    buf_puts(json, ", \"no_preemption\": ");
    json_str(json, np.p);
    buf_puts(json, ", \"circular_wait\": ");
    json_str(json, cw.p);
    buf_puts(json, ", \"cycle\": [");
    for (size_t i = 0; i < d->cycle.len; i++)
        buf_printf(json, "%s%d", i ? ", " : "", (int)d->cycle.p[i]);
    buf_puts(json, "]}");
    buf_fini(&me);
    buf_fini(&hw);
    buf_fini(&np);
    buf_fini(&cw);
}
/* The names of d->set for a message: "g1 phil, g2 phil and 3 more". */
void deadlock_set_names(deadlock_checker *d, wf_engine *e, buf *b)
{
    for (size_t i = 0; i < d->set.len && i < MAX_NAMES; i++)
        buf_printf(b, "%s%s", i ? ", " : "", e->tasks.p[d->set.p[i]]->name);
    if (d->set.len > MAX_NAMES)
        buf_printf(b, " and %zu more", d->set.len - MAX_NAMES);
}


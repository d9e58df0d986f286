/* viewmodel.c: see viewmodel.h. */
#include "viewmodel.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VIEWMODEL_BUSY_MS 2000
#define KEY_UNKNOWN       INT64_MIN

const char *const viewmodel_coffman_names[4] = {
    "mutual exclusion", "hold and wait", "no preemption", "circular wait"};
static const char *const coffman_keys[4] = {
    "mutual_exclusion", "hold_and_wait", "no_preemption", "circular_wait"};

/* ---- findings ------------------------------------------------------------
 */

static char *dup_or_null(const char *s)
{
    return s ? wf_xstrdup(s) : NULL;
}

static bool starts_with(const char *s, const char *p)
{
    return !strncmp(s, p, strlen(p));
}

static const char *skip_spaces(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* Split the report's text into Coffman evidence and other lines. */
static void take_detail(viewmodel_finding *f, const char *text)
{
    const char *p = text;
    while (p && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char *line = wf_xmalloc(n + 1);
        const char *l;
        int c = -1;
        memcpy(line, p, n);
        line[n] = '\0';
        l = skip_spaces(line);
        for (int i = 0; i < 4; i++) {
            size_t k = strlen(viewmodel_coffman_names[i]);
            if (!strncmp(l, viewmodel_coffman_names[i], k) && l[k] == ':')
                c = i;
        }
        if (c >= 0) {
            const char *ev = skip_spaces(l + strlen(viewmodel_coffman_names[c]) + 1);
            if (!f->coffman[c]) f->coffman[c] = wf_xstrdup(ev);
            free(line);
        } else if (*l && !starts_with(l, "replay:")) {
            char *t = wf_xstrdup(l);
            free(line);
            VEC_PUSH(f->lines, t);
        } else {
            free(line);
        }
        p = nl ? nl + 1 : NULL;
    }
}

static void set_await(viewmodel_finding *f, int64_t tid, const char *obj)
{
    if (tid < 0 || tid > 1000000 || !obj) return;
    while (f->awaits.len <= (size_t)tid)
        VEC_PUSH(f->awaits, NULL);
    free(f->awaits.p[tid]);
    f->awaits.p[tid] = wf_xstrdup(obj);
}

static void take_json(viewmodel_finding *f, const viewjson *j)
{
    int32_t n, c;
    int64_t v;
    n = viewjson_get(j, 0, "partial");
    if (viewjson_type_of(j, n) == VJ_BOOL) f->partial = j->nodes.p[n].b;
    c = viewjson_get(j, 0, "coffman");
    for (int i = 0; i < 4; i++) {
        const char *s = viewjson_str(j, viewjson_get(j, c, coffman_keys[i]));
        if (s && !f->coffman[i]) f->coffman[i] = wf_xstrdup(s);
    }
    for (n = viewjson_first(j, viewjson_get(j, c, "cycle")); n >= 0;
         n = viewjson_next(j, n))
        if (viewjson_int(j, n, &v) && v >= 0 && v <= INT32_MAX) {
            int32_t tid = (int32_t)v;
            VEC_PUSH(f->cycle, tid);
        }
    for (n = viewjson_first(j, viewjson_get(j, 0, "tasks")); n >= 0;
         n = viewjson_next(j, n)) {
        int64_t tid = -1, step = -1;
        const char *acc = viewjson_str(j, viewjson_get(j, n, "access"));
        viewjson_int(j, viewjson_get(j, n, "tid"), &tid);
        set_await(f, tid, viewjson_str(j, viewjson_get(j, n, "object")));
        if (acc && viewjson_int(j, viewjson_get(j, n, "step"), &step) &&
            tid >= 0) {
            viewmodel_access a = {(int32_t)tid, step, wf_xstrdup(acc)};
            VEC_PUSH(f->access, a);
        }
    }
    n = viewjson_first(j, viewjson_get(j, 0, "objects"));
    if (n >= 0 && viewjson_int(j, viewjson_get(j, n, "oid"), &v) && v >= 0 &&
        v <= INT32_MAX)
        f->oid = (int32_t)v;
}

void viewmodel_finding_init(viewmodel_finding *f, const trace_finding *row)
{
    viewjson j;
    memset(f, 0, sizeof *f);
    f->k = row->k;
    f->step = row->step;
    f->oid = -1;
    f->kind = wf_xstrdup(row->kind ? row->kind : "?");
    f->severity = dup_or_null(row->severity);
    f->message = wf_xstrdup(row->message ? row->message : "");
    if (row->detail_json && viewjson_parse(&j, row->detail_json) &&
        viewjson_type_of(&j, 0) == VJ_OBJ) {
        take_json(f, &j);
        f->detail = dup_or_null(viewjson_str(&j, viewjson_get(&j, 0, "detail")));
    } else if (row->detail_json && *row->detail_json != '{') {
        f->detail = wf_xstrdup(row->detail_json); /* plain text */
    }
    viewjson_fini(&j);
    if (f->detail) take_detail(f, f->detail);
    if (f->coffman[VIEWMODEL_CW] && !f->cycle.len)
        f->circular = wf_xstrdup(f->coffman[VIEWMODEL_CW]);
}

void viewmodel_finding_fini(viewmodel_finding *f)
{
    free(f->kind);
    free(f->severity);
    free(f->message);
    free(f->detail);
    free(f->circular);
    for (size_t i = 0; i < f->lines.len; i++)
        free(f->lines.p[i]);
    VEC_FREE(f->lines);
    for (int i = 0; i < 4; i++)
        free(f->coffman[i]);
    VEC_FREE(f->cycle);
    for (size_t i = 0; i < f->access.len; i++)
        free(f->access.p[i].what);
    VEC_FREE(f->access);
    for (size_t i = 0; i < f->awaits.len; i++)
        free(f->awaits.p[i]);
    VEC_FREE(f->awaits);
    memset(f, 0, sizeof *f);
}

/* ---- opening and loading ------------------------------------------------
 */

wf_status viewmodel_open(viewmodel **out, const char *db, wf_diag *d)
{
    viewmodel *m;
    trace *t;
    wf_status st;
    *out = NULL;
    st = trace_open(&t, db, TRACE_READ, VIEWMODEL_BUSY_MS, d);
    if (st != WF_OK) return st;
    m = wf_xcalloc(1, sizeof *m);
    m->t = t;
    m->db = wf_xstrdup(db);
    m->cache = wf_xcalloc(VIEWMODEL_CACHED, sizeof *m->cache);
    m->snap_bytes = VIEWMODEL_SNAP_BYTES;
    for (int i = 0; i < VIEWMODEL_CACHED; i++)
        m->cache[i].index = -1;
    *out = m;
    return WF_OK;
}

static void unload(viewmodel *m)
{
    trace_events_close(m->cur);
    trace_events_close(m->fcur);
    m->cur = m->fcur = NULL;
    m->front_open = false;
    trace_run_rec_fini(&m->run);
    trace_run_meta_fini(&m->meta);
    for (size_t i = 0; i < m->findings.len; i++)
        viewmodel_finding_fini(&m->findings.p[i]);
    VEC_FREE(m->findings);
    free(m->kinds);
    free(m->caps);
    free(m->bstep);
    m->kinds = NULL;
    m->caps = NULL;
    m->bstep = NULL;
    for (size_t i = 0; i < m->snaps.len; i++)
        viewstate_fini(&m->snaps.p[i]);
    VEC_FREE(m->snaps);
    viewstate_fini(&m->front);
    viewstate_fini(&m->work);
    for (int i = 0; i < VIEWMODEL_CACHED; i++)
        m->cache[i].index = -1;
    m->nevents = m->nblocks = 0;
    m->broken = false;
}

void viewmodel_free(viewmodel *m)
{
    if (!m) return;
    unload(m);
    for (size_t i = 0; i < m->files.len; i++) {
        free(m->files.p[i].path);
        free(m->files.p[i].sha);
        free(m->files.p[i].text);
        VEC_FREE(m->files.p[i].lines);
    }
    VEC_FREE(m->files);
    free(m->cache);
    trace_close(m->t);
    free(m->db);
    free(m);
}

typedef struct pick_ctx {
    int64_t with_error, with_events, first;
} pick_ctx;

static bool pick_one(void *ctx, const trace_run_rec *r)
{
    pick_ctx *p = ctx;
    bool summary = r->role && !strcmp(r->role, "summary");
    if (!p->first) p->first = r->id;
    if (summary) return true;
    if (!p->with_events && r->nevents > 0) p->with_events = r->id;
    for (size_t i = 0; i < r->findings.len && !p->with_error; i++)
        if (r->findings.p[i].severity &&
            !strcmp(r->findings.p[i].severity, "error") && r->nevents > 0)
            p->with_error = r->id;
    return !p->with_error;
}

wf_status viewmodel_default_run(viewmodel *m, int64_t *id, wf_diag *d)
{
    pick_ctx p = {0, 0, 0};
    wf_status st = trace_list(m->t, pick_one, &p, d);
    *id = p.with_error ? p.with_error
                       : (p.with_events ? p.with_events : p.first);
    return st;
}

/* The run to show for id and k: id itself, or the witness of a summary's
 * finding. */
static wf_status pick_run(viewmodel *m, int64_t id, int64_t k,
                          trace_run_rec *r, wf_diag *d)
{
    wf_status st = trace_get_run(m->t, id, r, d);
    int64_t w = 0;
    if (st != WF_OK) return st;
    if (k > 0) {
        bool found = false;
        for (size_t i = 0; i < r->findings.len; i++)
            if (r->findings.p[i].k == k) {
                found = true;
                w = r->findings.p[i].witness_run;
            }
        if (!found) {
            st = diag_set(d, m->db, 0, 0, "run %lld has no finding %lld%s",
                          (long long)id, (long long)k,
                          r->findings.len ? " (see weft list)"
                                          : ": it found nothing");
            trace_run_rec_fini(r);
            return st;
        }
    }
    if (!r->role || strcmp(r->role, "summary")) return WF_OK;
    for (size_t i = 0; i < r->findings.len && !w && k <= 0; i++)
        w = r->findings.p[i].witness_run;
    if (!w) {
        /* an interrupted exploration records no witness: say how to */
        const trace_finding *f = NULL;
        for (size_t i = 0; i < r->findings.len && !f; i++)
            if (k <= 0 || r->findings.p[i].k == k) f = &r->findings.p[i];
        if (f && f->schedule && r->file &&
            strlen(f->schedule) + strlen(r->file) < 700)
            st = diag_set(d, m->db, 0, 0,
                          "run %lld is the summary of an exploration whose "
                          "witness runs were not recorded (it was cut): "
                          "record finding %lld's with weft replay %s "
                          "--schedule %s --db %s",
                          (long long)id, (long long)f->k, r->file,
                          f->schedule, m->db);
        else if (!r->findings.len)
            st = diag_set(d, m->db, 0, 0,
                          "run %lld is the summary of an exploration that "
                          "found nothing: no witness run to show (explore "
                          "--record all keeps every execution)",
                          (long long)id);
        else
            st = diag_set(d, m->db, 0, 0,
                          "run %lld is the summary of an exploration and "
                          "has no witness run to show (see weft list %s)",
                          (long long)id, m->db);
        trace_run_rec_fini(r);
        return st;
    }
    trace_run_rec_fini(r);
    return trace_get_run(m->t, w, r, d);
}

static void read_error(viewmodel *m, const wf_diag *d)
{
    if (!m->broken) m->err = *d;
    m->broken = true;
}

/* Read the next row of c into ev: 1, 0 at the end, -1 on error. */
static int next_ev(viewmodel *m, trace_cursor *c, viewstate_ev *ev)
{
    wf_diag d;
    int r = trace_events_next(c, &ev->e, &ev->seq, &d);
    if (r < 0) read_error(m, &d);
    return r;
}

static void snap_push(viewmodel *m, const viewstate *s)
{
    viewstate v;
    viewstate_init(&v, &m->vr);
    viewstate_copy(&v, s);
    VEC_PUSH(m->snaps, v);
    if (m->snaps.len * viewstate_size(&m->vr) > m->snap_bytes &&
        m->snaps.len > 2) {
        /* sparser: keep every other one */
        size_t j = 0;
        for (size_t i = 0; i < m->snaps.len; i++) {
            if (i % 2 == 0)
                m->snaps.p[j++] = m->snaps.p[i];
            else
                viewstate_fini(&m->snaps.p[i]);
        }
        m->snaps.len = j;
        m->snap_every *= 2;
    }
}

wf_status viewmodel_load(viewmodel *m, int64_t id, int64_t k, wf_diag *d)
{
    trace_run_rec r;
    trace_run_meta meta;
    trace_cursor *cur = NULL, *fcur = NULL;
    viewstate_ev last;
    wf_status st;
    int32_t ntasks = 0, nobjs = 0;
    int rc;
    if ((st = pick_run(m, id, k, &r, d)) != WF_OK) return st;
    st = trace_get_meta(m->t, r.id, &meta, d);
    if (st == WF_OK) st = trace_events_open(m->t, r.id, &cur, d);
    if (st == WF_OK) st = trace_events_open(m->t, r.id, &fcur, d);
    if (st == WF_OK)
        st = trace_events_seek(cur, INT64_MAX, INT64_MAX, true, 1, d);
    rc = 0;
    if (st == WF_OK) {
        rc = trace_events_next(cur, &last.e, &last.seq, d);
        if (rc < 0) st = WF_ERR_INPUT;
    }
    if (st == WF_OK && rc > 0 &&
        (last.seq < 0 || last.seq > INT64_MAX / 2)) /* damaged */
        st = diag_set(d, m->db, 0, 0, "run %lld: event numbers are damaged",
                      (long long)r.id);
    if (st != WF_OK) {
        trace_events_close(cur);
        trace_events_close(fcur);
        trace_run_meta_fini(&meta);
        trace_run_rec_fini(&r);
        return st;
    }
    unload(m);
    m->run = r;
    m->meta = meta;
    m->cur = cur;
    m->fcur = fcur;
    m->nevents = rc > 0 ? last.seq + 1 : 0;
    m->last_step = rc > 0 ? (int64_t)last.e.step : 0;
    for (size_t i = 0; i < meta.tasks.len; i++)
        if (meta.tasks.p[i].tid >= ntasks && meta.tasks.p[i].tid < 1000000)
            ntasks = meta.tasks.p[i].tid + 1;
    for (size_t i = 0; i < meta.objects.len; i++)
        if (meta.objects.p[i].oid >= nobjs && meta.objects.p[i].oid < 10000000)
            nobjs = meta.objects.p[i].oid + 1;
    if (ntasks == 0) ntasks = 1;
    m->kinds = wf_xcalloc((size_t)nobjs + 1, 1);
    m->caps = wf_xcalloc((size_t)nobjs + 1, sizeof *m->caps);
    memset(m->kinds, OBJ__COUNT, (size_t)nobjs + 1);
    for (size_t i = 0; i < meta.objects.len; i++) {
        const trace_obj_row *o = &meta.objects.p[i];
        if (o->oid < 0 || o->oid >= nobjs) continue;
        for (int kk = 0; kk < OBJ__COUNT; kk++)
            if (o->kind && !strcmp(o->kind, obj_kind_names[kk]))
                m->kinds[o->oid] = (uint8_t)kk;
        m->caps[o->oid] = o->capacity > 0 ? o->capacity : 0;
    }
    m->vr.ntasks = ntasks;
    m->vr.nobjs = nobjs;
    m->vr.kinds = m->kinds;
    m->vr.caps = m->caps;
    for (size_t i = 0; i < r.findings.len; i++) {
        viewmodel_finding f;
        viewmodel_finding_init(&f, &r.findings.p[i]);
        VEC_PUSH(m->findings, f);
    }
    m->nblocks = (m->nevents + VIEWMODEL_BLOCK - 1) / VIEWMODEL_BLOCK;
    m->bstep = wf_xmalloc(((size_t)m->nblocks + 1) * sizeof *m->bstep);
    for (int64_t b = 0; b <= m->nblocks; b++)
        m->bstep[b] = KEY_UNKNOWN;
    m->bstep[0] = -1; /* before every step */
    m->snap_every = 1;
    viewstate_init(&m->front, &m->vr);
    viewstate_init(&m->work, &m->vr);
    m->work.seq = -1; /* nothing cached */
    snap_push(m, &m->front);
    return WF_OK;
}

/* ---- events --------------------------------------------------------------
 */

/* Note that event seq has the given step: learns the first step of its
 * block (reading back to the block's start). */
static void note_key(viewmodel *m, int64_t step, int64_t seq)
{
    int64_t b = seq / VIEWMODEL_BLOCK, start = b * VIEWMODEL_BLOCK;
    wf_diag d;
    viewstate_ev ev;
    int r;
    if (seq < 0 || b >= m->nblocks || m->bstep[b] != KEY_UNKNOWN) return;
    if (seq == start) {
        m->bstep[b] = step;
        return;
    }
    if (trace_events_seek(m->cur, step, seq, true, seq - start + 1, &d) !=
        WF_OK) {
        read_error(m, &d);
        return;
    }
    while ((r = next_ev(m, m->cur, &ev)) > 0)
        if (ev.seq == start) m->bstep[b] = (int64_t)ev.e.step;
}

static viewmodel_block *cached(viewmodel *m, int64_t b)
{
    for (int i = 0; i < VIEWMODEL_CACHED; i++)
        if (m->cache[i].index == b) return &m->cache[i];
    return NULL;
}

/* Learn bstep[b] from a neighbour or by walking from the nearest known
 * block before it (O(distance)). */
static bool learn_bstep(viewmodel *m, int64_t b)
{
    viewmodel_block *nb;
    viewstate_ev ev;
    wf_diag d;
    int64_t b0;
    if (m->bstep[b] != KEY_UNKNOWN) return true;
    if ((nb = cached(m, b - 1)) && nb->n == VIEWMODEL_BLOCK) {
        const viewstate_ev *l = &nb->ev[nb->n - 1];
        if (trace_events_seek(m->cur, (int64_t)l->e.step, l->seq + 1, false,
                              1, &d) != WF_OK)
            read_error(m, &d);
        else if (next_ev(m, m->cur, &ev) > 0)
            note_key(m, (int64_t)ev.e.step, ev.seq);
        return m->bstep[b] != KEY_UNKNOWN;
    }
    if ((nb = cached(m, b + 1)) && nb->n > 0) {
        note_key(m, (int64_t)nb->ev[0].e.step, nb->ev[0].seq - 1);
        if (m->bstep[b] != KEY_UNKNOWN) return true;
    }
    for (b0 = b - 1; b0 > 0 && m->bstep[b0] == KEY_UNKNOWN; b0--)
        ;
    if (trace_events_seek(m->cur, m->bstep[b0], b0 * VIEWMODEL_BLOCK, false,
                          (b - b0) * VIEWMODEL_BLOCK + 1, &d) != WF_OK) {
        read_error(m, &d);
        return false;
    }
    while (next_ev(m, m->cur, &ev) > 0)
        if (ev.seq % VIEWMODEL_BLOCK == 0 &&
            ev.seq / VIEWMODEL_BLOCK < m->nblocks)
            m->bstep[ev.seq / VIEWMODEL_BLOCK] = (int64_t)ev.e.step;
    return m->bstep[b] != KEY_UNKNOWN;
}

static viewmodel_block *get_block(viewmodel *m, int64_t b)
{
    viewmodel_block *blk = cached(m, b), *slot = NULL;
    viewstate_ev ev;
    wf_diag d;
    int64_t start = b * VIEWMODEL_BLOCK;
    int r;
    if (blk) {
        blk->used = ++m->tick;
        return blk;
    }
    if (b < 0 || b >= m->nblocks || m->broken) return NULL;
    if (!learn_bstep(m, b)) {
        if (!m->broken) {
            diag_set(&d, m->db, 0, 0, "run %lld: event %lld is missing",
                     (long long)m->run.id, (long long)start);
            read_error(m, &d);
        }
        return NULL;
    }
    for (int i = 0; i < VIEWMODEL_CACHED; i++)
        if (!slot || m->cache[i].index < 0 ||
            (slot->index >= 0 && m->cache[i].used < slot->used))
            slot = &m->cache[i];
    slot->index = -1;
    slot->n = 0;
    if (trace_events_seek(m->cur, m->bstep[b], start, false, VIEWMODEL_BLOCK,
                          &d) != WF_OK) {
        read_error(m, &d);
        return NULL;
    }
    while ((r = next_ev(m, m->cur, &ev)) > 0) {
        if (ev.seq != start + slot->n) {
            diag_set(&d, m->db, 0, 0,
                     "run %lld: events are not numbered in order (event "
                     "%lld where %lld was expected)",
                     (long long)m->run.id, (long long)ev.seq,
                     (long long)(start + slot->n));
            read_error(m, &d);
            return NULL;
        }
        slot->ev[slot->n++] = ev;
    }
    if (r < 0 || slot->n == 0) return NULL;
    slot->index = b;
    slot->used = ++m->tick;
    return slot;
}

const viewstate_ev *viewmodel_event(viewmodel *m, int64_t seq)
{
    viewmodel_block *b;
    if (seq < 0 || seq >= m->nevents) return NULL;
    b = get_block(m, seq / VIEWMODEL_BLOCK);
    if (!b || seq % VIEWMODEL_BLOCK >= b->n) return NULL;
    return &b->ev[seq % VIEWMODEL_BLOCK];
}

int64_t viewmodel_seq_at_step(viewmodel *m, int64_t step)
{
    viewstate_ev ev;
    wf_diag d;
    if (trace_events_seek(m->cur, step, INT64_MAX, true, 1, &d) != WF_OK) {
        read_error(m, &d);
        return -1;
    }
    if (next_ev(m, m->cur, &ev) <= 0) return -1;
    note_key(m, (int64_t)ev.e.step, ev.seq);
    return ev.seq;
}

/* ---- state ---------------------------------------------------------------
 */

/* Advance the frontier until its seq reaches upto or budget events were
 * read. False when it is at the end. */
static bool front_extend(viewmodel *m, int64_t upto, int64_t budget)
{
    viewstate_ev ev;
    wf_diag d;
    if (m->front.seq >= m->nevents || m->broken) return false;
    if (!m->front_open) {
        int64_t b = m->front.seq / VIEWMODEL_BLOCK;
        if (m->front.seq % VIEWMODEL_BLOCK || !learn_bstep(m, b)) return false;
        if (trace_events_seek(m->fcur, m->bstep[b], m->front.seq, false, -1,
                              &d) != WF_OK) {
            read_error(m, &d);
            return false;
        }
        m->front_open = true;
    }
    while (m->front.seq < upto && budget-- > 0) {
        int r = next_ev(m, m->fcur, &ev);
        int64_t every = m->snap_every * VIEWMODEL_BLOCK;
        if (r < 0) return false;
        if (r == 0 || ev.seq != m->front.seq) {
            diag_set(&d, m->db, 0, 0,
                     "run %lld: the events end at %lld of %lld",
                     (long long)m->run.id, (long long)m->front.seq,
                     (long long)m->nevents);
            read_error(m, &d);
            return false;
        }
        if (ev.seq % VIEWMODEL_BLOCK == 0)
            m->bstep[ev.seq / VIEWMODEL_BLOCK] = (int64_t)ev.e.step;
        viewstate_apply(&m->front, &m->vr, &ev);
        if (m->front.seq % every == 0) snap_push(m, &m->front);
    }
    return m->front.seq < m->nevents;
}

bool viewmodel_idle(viewmodel *m, int64_t budget)
{
    return front_extend(m, m->nevents, budget);
}

const viewstate *viewmodel_state_at(viewmodel *m, int64_t n)
{
    int64_t every, i;
    if (n < 0) n = 0;
    if (n > m->nevents) n = m->nevents;
    for (;;) {
        every = m->snap_every * VIEWMODEL_BLOCK;
        i = n / every;
        if ((int64_t)m->snaps.len > i) break;
        if (!front_extend(m, i * every, INT64_MAX) &&
            (int64_t)m->snaps.len <= n / (m->snap_every * VIEWMODEL_BLOCK))
            break;
    }
    if ((int64_t)m->snaps.len <= i) i = (int64_t)m->snaps.len - 1;
    if (!(m->work.seq >= m->snaps.p[i].seq && m->work.seq <= n))
        viewstate_copy(&m->work, &m->snaps.p[i]);
    while (m->work.seq < n) {
        const viewstate_ev *ev = viewmodel_event(m, m->work.seq);
        if (!ev) break;
        viewstate_apply(&m->work, &m->vr, ev);
    }
    WF_DASSERT(viewmodel_check(m) && viewstate_check(&m->work, &m->vr));
    return &m->work;
}

/* ---- search --------------------------------------------------------------
 */

static bool contains_ci(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    if (!n) return false;
    for (; *hay; hay++) {
        size_t i = 0;
        while (i < n && hay[i] &&
               tolower((unsigned char)hay[i]) ==
                   tolower((unsigned char)needle[i]))
            i++;
        if (i == n) return true;
    }
    return false;
}

static bool eq_ci(const char *a, const char *b)
{
    while (*a && *b &&
           tolower((unsigned char)*a) == tolower((unsigned char)*b)) {
        a++;
        b++;
    }
    return !*a && !*b;
}

typedef struct matcher {
    bool ops[EV__COUNT];
    VEC(uint8_t) tids, oids;
} matcher;

static void matcher_init(matcher *mt, const viewmodel *m, const char *q)
{
    char tmp[64];
    memset(mt, 0, sizeof *mt);
    for (int i = 0; i < EV__COUNT; i++)
        mt->ops[i] = eq_ci(ev_op_names[i], q);
    for (int32_t t = 0; t < m->vr.ntasks; t++) {
        uint8_t hit;
        viewmodel_short_task(t, tmp, sizeof tmp);
        hit = eq_ci(tmp, q) ||
              contains_ci(viewmodel_task_name(m, t, tmp, sizeof tmp), q);
        VEC_PUSH(mt->tids, hit);
    }
    for (int32_t o = 0; o < m->vr.nobjs; o++) {
        const char *name = viewmodel_obj_name(m, o, tmp, sizeof tmp);
        uint8_t hit = contains_ci(name, q) ||
                      (m->kinds[o] < OBJ__COUNT &&
                       eq_ci(obj_kind_names[m->kinds[o]], q));
        VEC_PUSH(mt->oids, hit);
    }
}

static bool matches(const matcher *mt, const wf_event *e)
{
    if (e->op < EV__COUNT && mt->ops[e->op]) return true;
    if (e->tid >= 0 && (size_t)e->tid < mt->tids.len && mt->tids.p[e->tid])
        return true;
    return e->oid >= 0 && (size_t)e->oid < mt->oids.len && mt->oids.p[e->oid];
}

/* Scan from (step, seq) in one direction, at most limit events. */
static int64_t scan(viewmodel *m, const matcher *mt, int64_t step,
                    int64_t seq, bool backward, int64_t limit)
{
    viewstate_ev ev;
    wf_diag d;
    if (limit <= 0) return -1;
    if (trace_events_seek(m->cur, step, seq, backward, limit, &d) != WF_OK) {
        read_error(m, &d);
        return -1;
    }
    while (next_ev(m, m->cur, &ev) > 0)
        if (matches(mt, &ev.e)) {
            note_key(m, (int64_t)ev.e.step, ev.seq);
            return ev.seq;
        }
    return -1;
}

int64_t viewmodel_search(viewmodel *m, const char *q, int64_t from,
                         bool backward, bool *wrapped)
{
    matcher mt;
    const viewstate_ev *at = viewmodel_event(m, from);
    int64_t step = at ? (int64_t)at->e.step : -1, hit;
    *wrapped = false;
    if (!m->nevents || !q || !*q) return -1;
    matcher_init(&mt, m, q);
    if (!at) from = backward ? m->nevents : -1;
    if (backward)
        hit = scan(m, &mt, at ? step : INT64_MAX, at ? from - 1 : INT64_MAX,
                   true, from);
    else
        hit = scan(m, &mt, step, from + 1, false, m->nevents - from - 1);
    if (hit < 0) {
        *wrapped = true;
        if (backward)
            hit = scan(m, &mt, INT64_MAX, INT64_MAX, true, m->nevents - from);
        else
            hit = scan(m, &mt, -1, 0, false, from + 1);
    }
    VEC_FREE(mt.tids);
    VEC_FREE(mt.oids);
    return hit;
}

/* ---- names, metrics, source ----------------------------------------------
 */

void viewmodel_short_task(int32_t tid, char *out, size_t n)
{
    if (tid == 0)
        snprintf(out, n, "main");
    else
        snprintf(out, n, "g%d", (int)tid);
}

const char *viewmodel_task_name(const viewmodel *m, int32_t tid, char *tmp,
                                size_t n)
{
    const trace_run_meta *mt = &m->meta;
    if (tid >= 0 && (size_t)tid < mt->tasks.len &&
        mt->tasks.p[tid].tid == tid && mt->tasks.p[tid].name)
        return mt->tasks.p[tid].name;
    for (size_t i = 0; i < mt->tasks.len; i++)
        if (mt->tasks.p[i].tid == tid && mt->tasks.p[i].name)
            return mt->tasks.p[i].name;
    viewmodel_short_task(tid, tmp, n);
    return tmp;
}

const char *viewmodel_obj_name(const viewmodel *m, int32_t oid, char *tmp,
                               size_t n)
{
    const trace_run_meta *mt = &m->meta;
    const trace_obj_row *o = NULL;
    if (oid >= 0 && (size_t)oid < mt->objects.len &&
        mt->objects.p[oid].oid == oid)
        o = &mt->objects.p[oid];
    for (size_t i = 0; !o && i < mt->objects.len; i++)
        if (mt->objects.p[i].oid == oid) o = &mt->objects.p[i];
    return obj_label(tmp, n, o ? o->kind : NULL, o ? o->name : NULL, oid);
}

int64_t viewmodel_metric(const viewmodel *m, int32_t tid, const char *name)
{
    for (size_t i = 0; i < m->meta.metrics.len; i++)
        if (m->meta.metrics.p[i].tid == tid && m->meta.metrics.p[i].name &&
            !strcmp(m->meta.metrics.p[i].name, name))
            return m->meta.metrics.p[i].value;
    return -1;
}

static char *read_file(const char *path, size_t max)
{
    FILE *f = fopen(path, "rb");
    buf b;
    char chunk[4096];
    size_t n;
    if (!f) return NULL;
    buf_init(&b);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < max)
        buf_append(&b, chunk, n);
    fclose(f);
    if (!b.p) buf_puts(&b, "");
    return b.p;
}

static viewmodel_file *load_file(viewmodel *m, const char *path)
{
    viewmodel_file f;
    /* a Go program's run keeps its source: what ran, wherever the
     * viewer is started and whatever became of the file since */
    const char *sha = m->run.file && m->run.source_sha256 &&
                              !strcmp(path, m->run.file)
                          ? m->run.source_sha256
                          : NULL;
    for (size_t i = 0; i < m->files.len; i++)
        if (!strcmp(m->files.p[i].path, path) &&
            (sha ? m->files.p[i].sha && !strcmp(m->files.p[i].sha, sha)
                 : !m->files.p[i].sha))
            return &m->files.p[i];
    memset(&f, 0, sizeof f);
    f.path = wf_xstrdup(path);
    if (sha) {
        size_t len;
        wf_diag d;
        memset(&d, 0, sizeof d);
        if (trace_get_source(m->t, sha, &f.text, &len, &d) == WF_OK &&
            f.text)
            f.sha = wf_xstrdup(sha);
    }
    if (!f.text) f.text = read_file(path, 16u << 20);
    if (!f.text && path[0] != '/') {
        /* beside the database */
        const char *slash = strrchr(m->db, '/');
        if (slash) {
            buf p;
            buf_init(&p);
            buf_append(&p, m->db, (size_t)(slash - m->db) + 1);
            buf_puts(&p, path);
            f.text = read_file(p.p, 16u << 20);
            buf_fini(&p);
        }
    }
    if (f.text) {
        size_t off = 0;
        VEC_PUSH(f.lines, off);
        for (const char *c = f.text; *c; c++)
            if (*c == '\n') {
                off = (size_t)(c - f.text) + 1;
                VEC_PUSH(f.lines, off);
            }
    }
    VEC_PUSH(m->files, f);
    return &m->files.p[m->files.len - 1];
}

bool viewmodel_source_line(viewmodel *m, const char *file, int32_t line,
                           buf *out)
{
    viewmodel_file *f;
    const char *s, *e;
    if (!file || !*file || line <= 0) return false;
    f = load_file(m, file);
    if (!f->text || (size_t)line > f->lines.len) return false;
    s = f->text + f->lines.p[line - 1];
    e = strchr(s, '\n');
    if (!e) e = s + strlen(s);
    if (e > s && e[-1] == '\r') e--;
    if (!*s && (size_t)line == f->lines.len) return false; /* past the end */
    buf_append(out, s, (size_t)(e - s));
    return true;
}

/* ---- the wait-for graph --------------------------------------------------
 */

static int32_t waits_for(const viewstate *s, int32_t tid)
{
    const viewstate_task *t = &s->tasks[tid];
    int32_t h;
    if (t->status != VIEWSTATE_BLOCKED || t->why != VIEWSTATE_WHY_BLOCK)
        return -1;
    h = t->on >= 0 && t->on < s->nobjs ? s->objs[t->on].holder : -1;
    if (h < 0) h = t->by;
    return h >= 0 && h < s->ntasks && h != tid ? h : -1;
}

int viewmodel_cycle(const viewstate *s, int32_t *out, int max)
{
    uint8_t *seen = wf_xcalloc((size_t)s->ntasks + 1, 1);
    int n = 0;
    for (int32_t start = 0; start < s->ntasks && !n; start++) {
        int32_t t = start, len = 0;
        memset(seen, 0, (size_t)s->ntasks);
        while (t >= 0 && !seen[t] && len <= s->ntasks) {
            seen[t] = 1;
            t = waits_for(s, t);
            len++;
        }
        if (t < 0 || !seen[t]) continue;
        /* t is on the cycle: rotate it to start at its smallest tid */
        {
            int32_t lo = t, u = waits_for(s, t);
            while (u != t) {
                if (u < lo) lo = u;
                u = waits_for(s, u);
            }
            u = lo;
            do {
                if (n < max) out[n++] = u;
                u = waits_for(s, u);
            } while (u != lo);
        }
    }
    free(seen);
    return n;
}

bool viewmodel_check(const viewmodel *m)
{
    int64_t every = m->snap_every * VIEWMODEL_BLOCK;
    for (size_t i = 0; i < m->snaps.len; i++)
        if (m->snaps.p[i].seq != (int64_t)i * every) return false;
    if (m->snaps.len && m->front.seq < m->snaps.p[m->snaps.len - 1].seq)
        return false;
    for (int i = 0; i < VIEWMODEL_CACHED; i++) {
        const viewmodel_block *b = &m->cache[i];
        if (b->index < 0) continue;
        for (int32_t k = 0; k < b->n; k++)
            if (b->ev[k].seq != b->index * VIEWMODEL_BLOCK + k) return false;
        if (b->n != VIEWMODEL_BLOCK && b->index != m->nblocks - 1)
            return false;
    }
    return true;
}

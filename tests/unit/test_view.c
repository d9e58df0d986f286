/* test_view.c: the viewer's pure parts (ui/viewjson, viewstate,
 * viewmodel, viewdraw): the JSON of findings, the state rebuilt from
 * events, paging and snapshots on a generated run (every event and state
 * equal to a plain sequential read), the wait-for cycle, the layout and
 * a frame at 80x24. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/bench/viewgen.h"
#include "ui/viewdraw.h"

/* ---- JSON ----------------------------------------------------------------- */

START_TEST(json_reads_the_finding_object_with_escapes_and_nesting)
{
    viewjson j;
    int64_t v;
    int32_t c, n;
    ck_assert(viewjson_parse(
        &j, " {\"a\": [1, -2.5e1, true, null], \"s\": \"q\\\"\\n\\u00e9\\ud83d"
            "\\ude00\", \"o\": {\"k\": 7}} "));
    c = viewjson_get(&j, 0, "a");
    ck_assert_int_eq(viewjson_len(&j, c), 4);
    n = viewjson_first(&j, c);
    ck_assert(viewjson_int(&j, n, &v) && v == 1);
    n = viewjson_next(&j, n);
    ck_assert(viewjson_int(&j, n, &v) && v == -25);
    ck_assert_int_eq(viewjson_type_of(&j, viewjson_next(&j, n)), VJ_BOOL);
    ck_assert_str_eq(viewjson_str(&j, viewjson_get(&j, 0, "s")),
                     "q\"\n\xc3\xa9\xf0\x9f\x98\x80");
    ck_assert(viewjson_int(&j, viewjson_get(&j, viewjson_get(&j, 0, "o"), "k"),
                           &v) &&
              v == 7);
    ck_assert_int_eq(viewjson_get(&j, 0, "missing"), -1);
    ck_assert_ptr_null(viewjson_str(&j, -1));
    viewjson_fini(&j);
}
END_TEST

START_TEST(json_refuses_malformed_text_and_deep_nesting)
{
    static const char *const bad[] = {"",     "{",        "{\"a\" 1}",
                                      "[1,]", "\"\\x\"",  "{} x",
                                      "tru",  "[\"\x01\"]", "-"};
    viewjson j;
    char deep[200];
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ck_assert_msg(!viewjson_parse(&j, bad[i]), "%s", bad[i]);
        ck_assert_int_eq(viewjson_type_of(&j, 0), VJ_NONE);
        viewjson_fini(&j);
    }
    memset(deep, '[', sizeof deep - 1);
    deep[sizeof deep - 1] = '\0';
    ck_assert(!viewjson_parse(&j, deep));
    viewjson_fini(&j);
}
END_TEST

/* ---- state ---------------------------------------------------------------- */

static viewstate_ev mk(int64_t seq, int64_t step, int32_t tid, ev_op eop,
                       int32_t oid, int32_t peer, int64_t value)
{
    viewstate_ev e;
    memset(&e, 0, sizeof e);
    e.seq = seq;
    e.e.step = (uint64_t)step;
    e.e.tid = tid;
    e.e.op = (uint16_t)eop;
    e.e.oid = oid;
    e.e.peer = peer;
    e.e.value = value;
    e.e.aux2 = -1;
    return e;
}

/* Objects: 0 mutex, 1 chan cap 2, 2 waitgroup, 3 var, 4 rwmutex */
static const uint8_t kinds5[] = {OBJ_MUTEX, OBJ_CHAN, OBJ_WAITGROUP, OBJ_VAR,
                                 OBJ_RWMUTEX};
static const int64_t caps5[] = {0, 2, 0, 0, 0};

START_TEST(state_follows_holders_buffers_counters_and_blocked_spans)
{
    viewstate_run r = {3, 5, kinds5, caps5};
    viewstate s;
    viewstate_ev ev[] = {
        mk(0, 1, 0, EV_SPAWN, -1, 1, 1),  mk(1, 2, 0, EV_SPAWN, -1, 2, 2),
        mk(2, 3, 1, EV_LOCK, 0, -1, 0),   mk(3, 4, 2, EV_BLOCK, 0, 1, 0),
        mk(4, 5, 1, EV_SEND, 1, -1, 10),  mk(5, 6, 1, EV_SEND, 1, -1, 11),
        mk(6, 7, 0, EV_RECV, 1, -1, 10),  mk(7, 8, 1, EV_WRITE, 3, -1, 5),
        mk(8, 9, 1, EV_UNLOCK, 0, -1, 0), mk(9, 10, 2, EV_LOCK, 0, -1, 0),
        mk(10, 11, 1, EV_RLOCK, 4, -1, 0), mk(11, 12, 1, EV_EXIT, -1, -1, 0)};
    viewstate_init(&s, &r);
    ck_assert_int_eq(s.tasks[0].status, VIEWSTATE_RUNNING);
    ck_assert_int_eq(s.tasks[1].status, VIEWSTATE_UNBORN);
    for (int i = 0; i < 4; i++)
        viewstate_apply(&s, &r, &ev[i]);
    ck_assert_int_eq(s.objs[0].holder, 1);
    ck_assert_int_eq(s.tasks[2].status, VIEWSTATE_BLOCKED);
    ck_assert_int_eq(s.tasks[2].on, 0);
    ck_assert_int_eq(s.tasks[2].by, 1);
    for (int i = 4; i < 7; i++)
        viewstate_apply(&s, &r, &ev[i]);
    ck_assert_int_eq(s.objs[1].value, 1); /* two sent, one received */
    ck_assert_int_eq(s.objs[1].nvals, 1);
    ck_assert_int_eq(s.objs[1].vals[0], 11);
    for (int i = 7; i < 12; i++)
        viewstate_apply(&s, &r, &ev[i]);
    ck_assert(s.objs[3].known && s.objs[3].value == 5);
    ck_assert_int_eq(s.objs[0].holder, 2);
    ck_assert_int_eq(s.tasks[2].status, VIEWSTATE_RUNNING); /* next op */
    ck_assert_int_eq(s.objs[4].nreaders, 1);
    ck_assert_int_eq(s.tasks[1].status, VIEWSTATE_DONE);
    ck_assert_int_eq(s.seq, 12);
    ck_assert_int_eq(s.step, 12);
    ck_assert(viewstate_check(&s, &r));
    viewstate_fini(&s);
}
END_TEST

START_TEST(state_keeps_wait_group_counter_cond_waits_and_sleeps)
{
    viewstate_run r = {2, 5, kinds5, caps5};
    viewstate s;
    viewstate_ev wg = mk(0, 1, 0, EV_WG_ADD, 2, -1, 2);
    viewstate_ev sl = mk(1, 2, 1, EV_SLEEP, -1, -1, 1000);
    viewstate_ev tm = mk(2, 3, 1, EV_TIMER, -1, -1, 1000);
    viewstate_ev pop = mk(3, 4, 0, EV_RECV, 1, -1, 0); /* a timer's value */
    wg.e.aux = 2;
    viewstate_init(&s, &r);
    viewstate_apply(&s, &r, &wg);
    ck_assert_int_eq(s.objs[2].value, 2);
    viewstate_apply(&s, &r, &sl);
    ck_assert_int_eq(s.tasks[1].status, VIEWSTATE_BLOCKED);
    ck_assert_int_eq(s.tasks[1].why, VIEWSTATE_WHY_SLEEP);
    ck_assert_int_eq(s.tasks[1].wake_ns, 1000);
    viewstate_apply(&s, &r, &tm);
    ck_assert_int_eq(s.tasks[1].status, VIEWSTATE_RUNNING);
    viewstate_apply(&s, &r, &pop); /* never below zero */
    ck_assert_int_eq(s.objs[1].value, 0);
    ck_assert(viewstate_check(&s, &r));
    viewstate_fini(&s);
}
END_TEST

START_TEST(cycle_of_the_philosophers_starts_at_the_smallest_tid)
{
    static const uint8_t kinds[] = {OBJ_MUTEX, OBJ_MUTEX, OBJ_MUTEX};
    static const int64_t caps[] = {0, 0, 0};
    viewstate_run r = {4, 3, kinds, caps};
    viewstate s;
    int32_t cyc[8];
    viewstate_init(&s, &r);
    for (int i = 1; i <= 3; i++) {
        viewstate_ev lk = mk(i - 1, i, i, EV_LOCK, i - 1, -1, 0);
        viewstate_apply(&s, &r, &lk);
    }
    ck_assert_int_eq(viewmodel_cycle(&s, cyc, 8), 0); /* nobody waits */
    for (int i = 3; i >= 1; i--) {
        /* g_i waits for forks[i mod 3], held by g_(i mod 3 + 1) */
        viewstate_ev b = mk(6 - i, 4, i, EV_BLOCK, i % 3, -1, 0);
        viewstate_apply(&s, &r, &b);
    }
    ck_assert_int_eq(viewmodel_cycle(&s, cyc, 8), 3);
    ck_assert_int_eq(cyc[0], 1);
    ck_assert_int_eq(cyc[1], 2);
    ck_assert_int_eq(cyc[2], 3);
    viewstate_fini(&s);
}
END_TEST

/* ---- findings ------------------------------------------------------------- */

START_TEST(finding_takes_coffman_and_cycle_from_json_or_from_the_text)
{
    trace_finding row;
    viewmodel_finding f;
    memset(&row, 0, sizeof row);
    row.k = 1;
    row.kind = "deadlock";
    row.step = 7;
    row.message = "all goroutines are asleep";
    row.detail_json =
        "{\"partial\": true, \"tasks\": [{\"tid\": 2, \"object\": "
        "\"forks[2]\"}], \"coffman\": {\"mutual_exclusion\": \"me\", "
        "\"hold_and_wait\": \"hw\", \"no_preemption\": \"np\", "
        "\"circular_wait\": \"g1 -> g2 -> g1\", \"cycle\": [1, 2]}, "
        "\"detail\": \"g1 phil holds a\\nmutual exclusion: other\\n"
        "replay: x\"}";
    viewmodel_finding_init(&f, &row);
    ck_assert(f.partial);
    ck_assert_str_eq(f.coffman[VIEWMODEL_ME], "me");
    ck_assert_str_eq(f.coffman[VIEWMODEL_CW], "g1 -> g2 -> g1");
    ck_assert_int_eq((int)f.cycle.len, 2);
    ck_assert_int_eq(f.cycle.p[0], 1);
    ck_assert_int_eq((int)f.lines.len, 1); /* Coffman and replay lines out */
    ck_assert_str_eq(f.lines.p[0], "g1 phil holds a");
    ck_assert_str_eq(f.awaits.p[2], "forks[2]");
    viewmodel_finding_fini(&f);

    /* only the text report (SPEC section 3's layout) */
    row.detail_json = "{\"detail\": \"  mutual exclusion: a\\n  hold and "
                      "wait:    b\\n  no preemption:    c\\n  circular "
                      "wait:    g1 -> g2 -> g1\"}";
    viewmodel_finding_init(&f, &row);
    ck_assert_str_eq(f.coffman[VIEWMODEL_HW], "b");
    ck_assert_str_eq(f.coffman[VIEWMODEL_NP], "c");
    ck_assert_str_eq(f.circular, "g1 -> g2 -> g1");
    ck_assert_int_eq((int)f.cycle.len, 0);
    viewmodel_finding_fini(&f);

    /* a race: both accesses */
    row.kind = "race";
    row.detail_json = "{\"tasks\": [{\"tid\": 1, \"access\": \"write\", "
                      "\"step\": 3}, {\"tid\": 2, \"access\": \"read\", "
                      "\"step\": 5}], \"objects\": [{\"oid\": 4}]}";
    viewmodel_finding_init(&f, &row);
    ck_assert_int_eq((int)f.access.len, 2);
    ck_assert_int_eq(f.access.p[1].tid, 2);
    ck_assert_int_eq(f.access.p[1].step, 5);
    ck_assert_int_eq(f.oid, 4);
    viewmodel_finding_fini(&f);

    /* not JSON at all: no crash, no Coffman */
    row.detail_json = "{broken";
    viewmodel_finding_init(&f, &row);
    ck_assert_ptr_null(f.coffman[0]);
    viewmodel_finding_fini(&f);
}
END_TEST

/* ---- layout and words ----------------------------------------------------- */

START_TEST(layout_fits_four_lanes_in_80x24_and_scrolls_more)
{
    viewdraw_layout l;
    viewdraw_layout_of(80, 24, 4, 7, &l);
    ck_assert_int_eq(l.nlanes, 4);
    ck_assert_int_eq(l.rows, 19);
    ck_assert_int_le(l.lanes_x + l.nlanes * l.lane_w, l.pane_x - 1);
    ck_assert_int_eq(l.pane_x + l.pane_w, 80);
    viewdraw_layout_of(80, 24, 12, 1000000, &l);
    ck_assert_int_lt(l.nlanes, 12);
    ck_assert_int_ge(l.lane_w, 11);
    ck_assert_int_ge(l.step_w, 8); /* 7 digits and a gap */
    ck_assert_int_le(l.lanes_x + l.nlanes * l.lane_w, l.pane_x - 1);
}
END_TEST

START_TEST(durations_read_as_go_prints_them)
{
    char b[32];
    viewdraw_duration(0, b, sizeof b);
    ck_assert_str_eq(b, "0s");
    viewdraw_duration(1500000, b, sizeof b);
    ck_assert_str_eq(b, "1.5ms");
    viewdraw_duration(2000000000, b, sizeof b);
    ck_assert_str_eq(b, "2s");
    viewdraw_duration(90000000000LL, b, sizeof b);
    ck_assert_str_eq(b, "1.5m");
    viewdraw_duration(7, b, sizeof b);
    ck_assert_str_eq(b, "7ns");
}
END_TEST

/* ---- the model on a generated run ---------------------------------------- */

static char db_path[64];

static void gen_db(int64_t n)
{
    snprintf(db_path, sizeof db_path, "/tmp/weft-view-test-%d.db", (int)getpid());
    ck_assert_int_eq(viewgen_write(db_path, n, 5), 0);
}

static void rm_db(void)
{
    char p[80];
    static const char *const sfx[] = {"", "-wal", "-shm"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", db_path, sfx[i]);
        remove(p);
    }
}

/* Every event as trace_events_next gives them in order (file names are
 * the cursor's: not valid after it). */
static viewstate_ev *read_all(trace *t, int64_t *n)
{
    trace_cursor *c;
    wf_diag d;
    viewstate_ev *all = NULL, ev;
    size_t len = 0, cap = 0;
    ck_assert_int_eq(trace_events_open(t, 1, &c, &d), WF_OK);
    while (trace_events_next(c, &ev.e, &ev.seq, &d) > 0) {
        if (len == cap) {
            cap = cap ? cap * 2 : 1024;
            all = realloc(all, cap * sizeof *all);
        }
        all[len++] = ev;
    }
    trace_events_close(c);
    *n = (int64_t)len;
    return all;
}

static bool same_ev(const wf_event *a, const wf_event *b)
{
    return a->step == b->step && a->tid == b->tid && a->op == b->op &&
           a->oid == b->oid && a->peer == b->peer && a->value == b->value &&
           a->clock == b->clock && a->aux == b->aux && a->line == b->line &&
           a->flags == b->flags && a->aux2 == b->aux2;
}

static bool same_state(const viewstate *a, const viewstate *b)
{
    if (a->seq != b->seq || a->step != b->step || a->clock != b->clock)
        return false;
    for (int32_t i = 0; i < a->ntasks; i++)
        if (memcmp(&a->tasks[i], &b->tasks[i], sizeof a->tasks[i]))
            return false;
    for (int32_t i = 0; i < a->nobjs; i++)
        if (memcmp(&a->objs[i], &b->objs[i], sizeof a->objs[i])) return false;
    return true;
}

START_TEST(paged_events_and_snapshot_states_equal_a_sequential_read)
{
    const int64_t n = 9000; /* 9 blocks, the last one short */
    static const int64_t probes[] = {8999, 0, 4100, 1023, 1024, 7777,
                                     2048, 3,    8998, 5000, 4095};
    viewmodel *m;
    trace *t;
    wf_diag d;
    viewstate_ev *all;
    viewstate seq;
    int64_t total;
    gen_db(n);
    ck_assert_int_eq(trace_open(&t, db_path, TRACE_READ, 1000, &d), WF_OK);
    all = read_all(t, &total);
    trace_close(t);
    ck_assert_int_eq(total, n);
    ck_assert_int_eq(viewmodel_open(&m, db_path, &d), WF_OK);
    ck_assert_int_eq(viewmodel_load(m, 1, 0, &d), WF_OK);
    m->snap_bytes = 4 * viewstate_size(&m->vr); /* force sparser ones */
    ck_assert_int_eq(m->nevents, n);
    ck_assert_int_eq(m->last_step, (int64_t)all[n - 1].e.step);
    /* events in any order, far jumps first (keys learned, no scans) */
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        const viewstate_ev *ev = viewmodel_event(m, probes[i]);
        ck_assert_ptr_nonnull(ev);
        ck_assert_int_eq(ev->seq, probes[i]);
        ck_assert_msg(same_ev(&ev->e, &all[probes[i]].e),
                      "event %lld: step %llu/%llu op %d/%d tid %d/%d",
                      (long long)probes[i], (unsigned long long)ev->e.step,
                      (unsigned long long)all[probes[i]].e.step, ev->e.op,
                      all[probes[i]].e.op, ev->e.tid, all[probes[i]].e.tid);
    }
    ck_assert_ptr_null(viewmodel_event(m, n));
    ck_assert_ptr_null(viewmodel_event(m, -1));
    /* states at probes equal a plain replay */
    viewstate_init(&seq, &m->vr);
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        int64_t k = probes[i];
        const viewstate *s = viewmodel_state_at(m, k);
        viewstate_fini(&seq);
        viewstate_init(&seq, &m->vr);
        for (int64_t j = 0; j < k; j++)
            viewstate_apply(&seq, &m->vr, &all[j]);
        ck_assert_msg(same_state(s, &seq), "state before event %lld",
                      (long long)k);
    }
    ck_assert_int_gt(m->snap_every, 1); /* the budget made them sparser */
    ck_assert(viewmodel_check(m));
    /* the last event of a step, and none before the first */
    ck_assert_int_eq(viewmodel_seq_at_step(m, (int64_t)all[4000].e.step),
                     all[4001].e.step == all[4000].e.step ? 4001 : 4000);
    ck_assert_int_eq(viewmodel_seq_at_step(m, 0), -1);
    viewstate_fini(&seq);
    viewmodel_free(m);
    free(all);
    rm_db();
}
END_TEST

START_TEST(search_finds_ops_objects_and_tasks_and_wraps)
{
    viewmodel *m;
    wf_diag d;
    bool wrapped;
    int64_t a, b;
    gen_db(3000);
    ck_assert_int_eq(viewmodel_open(&m, db_path, &d), WF_OK);
    ck_assert_int_eq(viewmodel_load(m, 1, 0, &d), WF_OK);
    a = viewmodel_search(m, "spawn", 0, false, &wrapped);
    ck_assert_int_eq(a, 1); /* main spawns g1..g4 first */
    ck_assert(!wrapped);
    a = viewmodel_search(m, "spawn", 3, false, &wrapped);
    ck_assert_int_eq(a, 0);
    ck_assert(wrapped);
    a = viewmodel_search(m, "var6", 100, false, &wrapped);
    ck_assert_int_gt(a, 100);
    ck_assert_int_eq(viewmodel_event(m, a)->e.oid, 6);
    b = viewmodel_search(m, "g3", a, false, &wrapped);
    ck_assert_int_eq(viewmodel_event(m, b)->e.tid, 3);
    b = viewmodel_search(m, "WRITE", 2999, true, &wrapped);
    ck_assert_int_eq(viewmodel_event(m, b)->e.op, EV_WRITE);
    ck_assert_int_eq(viewmodel_search(m, "no such thing", 5, false, &wrapped),
                     -1);
    viewmodel_free(m);
    rm_db();
}
END_TEST

START_TEST(a_frame_at_80x24_shows_lanes_state_and_the_finding)
{
    viewmodel *m;
    viewdraw_grid g;
    viewdraw_ui u;
    viewdraw_layout l;
    wf_diag d;
    buf row;
    int64_t id;
    gen_db(2500);
    ck_assert_int_eq(viewmodel_open(&m, db_path, &d), WF_OK);
    ck_assert_int_eq(viewmodel_default_run(m, &id, &d), WF_OK);
    ck_assert_int_eq(id, 1);
    ck_assert_int_eq(viewmodel_load(m, id, 0, &d), WF_OK);
    viewdraw_grid_init(&g, false);
    viewdraw_grid_resize(&g, 80, 24);
    viewdraw_ui_init(&u);
    buf_init(&row);
    viewdraw_frame(&g, m, &u);
    viewdraw_grid_row(&g, 1, &row);
    ck_assert_msg(strstr(row.p, "step main") == row.p, "%s", row.p);
    ck_assert_ptr_nonnull(strstr(row.p, "g1 worker"));
    ck_assert_ptr_nonnull(strstr(row.p, "State"));
    buf_reset(&row);
    viewdraw_grid_row(&g, 0, &row);
    ck_assert_ptr_nonnull(strstr(row.p, "event 1/2500"));
    viewdraw_layout_of(80, 24, m->vr.ntasks, m->last_step, &l);
    viewdraw_next_finding(&u, m, 1, l.rows, l.nlanes);
    ck_assert_int_eq(u.cur, 2499);
    ck_assert_int_eq(u.top, 2499 - l.rows + 1);
    viewdraw_frame(&g, m, &u);
    buf_reset(&row);
    for (int y = 0; y < 24; y++)
        viewdraw_grid_row(&g, y, &row);
    ck_assert_ptr_nonnull(strstr(row.p, "cycle: g1 -> g2 -> g1"));
    ck_assert_ptr_nonnull(strstr(row.p, "mutual exclusion: m"));
    ck_assert_ptr_nonnull(strstr(row.p, "event 2500/2500"));
    for (size_t i = 0; i < row.len; i++) /* ASCII grid */
        ck_assert_int_lt((unsigned char)row.p[i], 0x80);
    buf_fini(&row);
    viewdraw_ui_fini(&u);
    viewdraw_grid_fini(&g);
    viewmodel_free(m);
    rm_db();
}
END_TEST

Suite *view_suite(void)
{
    Suite *s = suite_create("view");
    TCase *tc = tcase_create("view");
    tcase_add_test(tc, json_reads_the_finding_object_with_escapes_and_nesting);
    tcase_add_test(tc, json_refuses_malformed_text_and_deep_nesting);
    tcase_add_test(tc, state_follows_holders_buffers_counters_and_blocked_spans);
    tcase_add_test(tc, state_keeps_wait_group_counter_cond_waits_and_sleeps);
    tcase_add_test(tc, cycle_of_the_philosophers_starts_at_the_smallest_tid);
    tcase_add_test(tc,
                   finding_takes_coffman_and_cycle_from_json_or_from_the_text);
    tcase_add_test(tc, layout_fits_four_lanes_in_80x24_and_scrolls_more);
    tcase_add_test(tc, durations_read_as_go_prints_them);
    tcase_add_test(tc, paged_events_and_snapshot_states_equal_a_sequential_read);
    tcase_add_test(tc, search_finds_ops_objects_and_tasks_and_wraps);
    tcase_add_test(tc, a_frame_at_80x24_shows_lanes_state_and_the_finding);
    suite_add_tcase(s, tc);
    return s;
}

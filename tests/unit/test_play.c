/* test_play.c: weft play's game (ui/play.h) and screen (ui/playdraw.h)
 * without a terminal: goal lines, moves, undo, the scheduler's run to the
 * end, hints from the search of the continuations, the goal against the
 * fewest steps and preemptions, and keys and clicks on the frame. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sim/lang/vm.h"
#include "ui/play.h"
#include "ui/playdraw.h"

static const char lost_src[] = "// play: outcome \"1\\n\"\n"
                               "package main\n"
                               "\n"
                               "import (\n"
                               "\t\"fmt\"\n"
                               "\t\"sync\"\n"
                               ")\n"
                               "\n"
                               "var counter int\n"
                               "\n"
                               "func add(wg *sync.WaitGroup) {\n"
                               "\tdefer wg.Done()\n"
                               "\tcounter++\n"
                               "}\n"
                               "\n"
                               "func main() {\n"
                               "\tvar wg sync.WaitGroup\n"
                               "\twg.Add(2)\n"
                               "\tgo add(&wg)\n"
                               "\tgo add(&wg)\n"
                               "\twg.Wait()\n"
                               "\tfmt.Println(counter)\n"
                               "}\n";

/* A correct program: the counter under a mutex (no goal). */
static const char locked_src[] = "package main\n"
                                 "\n"
                                 "import (\n"
                                 "\t\"fmt\"\n"
                                 "\t\"sync\"\n"
                                 ")\n"
                                 "\n"
                                 "func main() {\n"
                                 "\tvar wg sync.WaitGroup\n"
                                 "\tvar mu sync.Mutex\n"
                                 "\tn := 0\n"
                                 "\twg.Add(2)\n"
                                 "\tfor i := 0; i < 2; i++ {\n"
                                 "\t\tgo func() {\n"
                                 "\t\t\tdefer wg.Done()\n"
                                 "\t\t\tmu.Lock()\n"
                                 "\t\t\tn++\n"
                                 "\t\t\tmu.Unlock()\n"
                                 "\t\t}()\n"
                                 "\t}\n"
                                 "\twg.Wait()\n"
                                 "\tfmt.Println(n)\n"
                                 "}\n";

/* Two locks taken in opposite orders (no goal: the nearest bug). */
static const char abba_src[] = "package main\n"
                               "\n"
                               "import \"sync\"\n"
                               "\n"
                               "func main() {\n"
                               "\tvar a, b sync.Mutex\n"
                               "\tdone := make(chan bool)\n"
                               "\tgo func() {\n"
                               "\t\ta.Lock()\n"
                               "\t\tb.Lock()\n"
                               "\t\tb.Unlock()\n"
                               "\t\ta.Unlock()\n"
                               "\t\tdone <- true\n"
                               "\t}()\n"
                               "\tb.Lock()\n"
                               "\ta.Lock()\n"
                               "\ta.Unlock()\n"
                               "\tb.Unlock()\n"
                               "\t<-done\n"
                               "}\n";

typedef struct fixture {
    vm_program *vp;
    play_game *g;
    char dir[64];
    char db[96];
} fixture;

static void start(fixture *f, const char *src, const char *name)
{
    play_goal goal;
    play_opts o;
    vm_options vo;
    program pr;
    wf_diag d;
    memset(f, 0, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/weft-unit-play-XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(f->dir));
    snprintf(f->db, sizeof f->db, "%s/lanes.db", f->dir);
    ck_assert_int_eq(play_goal_read(name, (const unsigned char *)src,
                                    strlen(src), &goal, &d),
                     WF_OK);
    memset(&vo, 0, sizeof vo);
    ck_assert_msg(vm_compile(name, (const unsigned char *)src, strlen(src), &vo,
                             &f->vp, &d) == WF_OK,
                  "%s", d.msg);
    pr = vm_program_entry(f->vp);
    memset(&o, 0, sizeof o);
    o.hint_budget = 300000;
    o.display_db = f->db;
    o.command_line = "weft replay x.go";
    ck_assert_int_eq(play_new(&f->g, &pr, &goal, &o, &d), WF_OK);
}

static void stop(fixture *f)
{
    char p[128];
    play_free(f->g);
    vm_program_free(f->vp);
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s%s", f->db,
                 i == 0   ? ""
                 : i == 1 ? "-wal"
                          : "-shm");
        unlink(p);
    }
    rmdir(f->dir);
}

/* Run task tid (an alternative of the pending task choice). */
static void run_task(play_game *g, int32_t tid)
{
    for (size_t i = 0; i < g->at.alts.len; i++)
        if (g->at.alts.p[i].value == tid) {
            ck_assert(play_choose(g, (int)i));
            return;
        }
    ck_abort_msg("g%d is not among the alternatives", (int)tid);
}

static wf_status goal_of(const char *src, play_goal *g, wf_diag *d)
{
    return play_goal_read("g.go", (const unsigned char *)src, strlen(src), g,
                          d);
}

START_TEST(goal_lines_are_read_as_go_tokens)
{
    play_goal g;
    wf_diag d;
    ck_assert_int_eq(goal_of("// play: deadlock\npackage main\n", &g, &d),
                     WF_OK);
    ck_assert_int_eq(g.kind, PLAY_GOAL_FINDING);
    ck_assert_int_eq(g.finding, WF_DEADLOCK);
    play_goal_fini(&g);
    ck_assert_int_eq(goal_of("// expect: race\n//play: outcome \"a\\tb\\n\"\n"
                             "package main\n",
                             &g, &d),
                     WF_OK);
    ck_assert_int_eq(g.kind, PLAY_GOAL_OUTCOME);
    ck_assert_str_eq(g.output, "a\tb\n");
    play_goal_fini(&g);
    ck_assert_int_eq(goal_of("package main\n// play: deadlock\n", &g, &d),
                     WF_OK);
    ck_assert_int_eq(g.kind, PLAY_GOAL_NONE); /* not at the top */
}
END_TEST

START_TEST(bad_goal_lines_are_errors_at_their_column)
{
    play_goal g;
    wf_diag d;
    ck_assert_int_eq(goal_of("// play: outcome 12\npackage main\n", &g, &d),
                     WF_ERR_INPUT);
    ck_assert_int_eq(d.line, 1);
    ck_assert_int_eq(d.col, 18);
    ck_assert_ptr_nonnull(strstr(d.msg, "takes a Go string"));
    ck_assert_int_eq(goal_of("// play: sunshine\npackage main\n", &g, &d),
                     WF_ERR_INPUT);
    ck_assert_int_eq(d.col, 10);
    ck_assert_ptr_nonnull(strstr(d.msg, "unknown goal 'sunshine'"));
    ck_assert_int_eq(goal_of("// play: deadlock race\npackage main\n", &g, &d),
                     WF_ERR_INPUT);
    ck_assert_int_eq(d.col, 19);
    ck_assert_int_eq(
        goal_of("// play: race\n// play: deadlock\npackage m\n", &g, &d),
        WF_ERR_INPUT);
    ck_assert_int_eq(d.line, 2);
    ck_assert_int_eq(goal_of("// play: outcome \"1\n", &g, &d), WF_ERR_INPUT);
}
END_TEST

START_TEST(a_winning_sequence_reaches_the_goal_with_the_fewest)
{
    fixture f;
    uint64_t ms;
    uint32_t mp;
    static const int32_t seq[] = {0, 1, 2, 2, 2};
    start(&f, lost_src, "lost.go");
    /* the search from the start: the lost update takes 1 preemption */
    ck_assert(play_goal_min(f.g, &ms, &mp));
    ck_assert_int_eq(mp, 1);
    ck_assert_int_eq(ms, 13);
    ck_assert(!f.g->at.goal);
    ck_assert_int_eq(f.g->at.kind, CHOICE_TASK);
    for (size_t i = 0; i < sizeof seq / sizeof seq[0]; i++)
        run_task(f.g, seq[i]);
    ck_assert(f.g->at.over);
    ck_assert(f.g->at.goal);
    ck_assert_str_eq(f.g->at.output, "1\n");
    ck_assert_int_eq(f.g->at.goal_step, 13);
    ck_assert_int_eq(f.g->at.goal_preempts, 1);
    ck_assert(f.g->at.kinds & (1u << WF_RACE));
    ck_assert(!play_choose(f.g, 0)); /* over */
    ck_assert(play_check(f.g));
    stop(&f);
}
END_TEST

START_TEST(undo_re_executes_the_shorter_prefix)
{
    fixture f;
    char *before, *msg = NULL;
    uint64_t step;
    int sel = -1;
    start(&f, lost_src, "lost.go");
    run_task(f.g, 0);
    before = wf_xstrdup(f.g->at.schedule);
    step = f.g->at.step;
    play_mark_now(f.g, 1, "the message then");
    run_task(f.g, 1);
    ck_assert_str_ne(f.g->at.schedule, before);
    ck_assert(play_undo(f.g, &sel, &msg));
    ck_assert_str_eq(f.g->at.schedule, before);
    ck_assert_int_eq(f.g->at.step, step);
    ck_assert_int_eq(sel, 1);
    ck_assert_str_eq(msg, "the message then");
    ck_assert(!play_undo(f.g, &sel, &msg) || true);
    free(msg);
    free(before);
    ck_assert(play_check(f.g));
    stop(&f);
}
END_TEST

START_TEST(auto_runs_to_the_end_without_preempting)
{
    fixture f;
    buf line;
    bool completed;
    start(&f, lost_src, "lost.go");
    buf_init(&line);
    play_replay_line(f.g, &line, &completed);
    ck_assert(completed); /* not over: the rest run without preempting */
    ck_assert(play_auto(f.g));
    ck_assert(f.g->at.over);
    ck_assert_int_eq(f.g->at.preempts, 0);
    ck_assert_str_eq(f.g->at.output, "2\n");
    ck_assert_int_eq(f.g->prefix.len, f.g->at.nchoices);
    ck_assert(!play_auto(f.g));
    /* the replay line of an unfinished execution is the one a will run */
    ck_assert_ptr_nonnull(strstr(line.p, f.g->at.schedule));
    buf_reset(&line);
    play_replay_line(f.g, &line, &completed);
    ck_assert(!completed);
    ck_assert_str_eq(line.p + strlen("weft replay x.go --schedule "),
                     f.g->at.schedule);
    buf_fini(&line);
    stop(&f);
}
END_TEST

START_TEST(hints_give_the_distance_and_what_continuations_print)
{
    fixture f;
    const play_hints *h;
    start(&f, lost_src, "lost.go");
    h = play_hints_now(f.g);
    ck_assert(h->found);
    ck_assert(h->complete);
    ck_assert_int_eq(h->extra, 1);
    ck_assert_int_eq(h->outputs.len, 2);
    ck_assert_str_eq(h->outputs.p[0], "1\n");
    ck_assert_str_eq(h->outputs.p[1], "2\n");
    ck_assert_ptr_nonnull(
        strstr(h->line1, "the goal is reachable from here in 1 preemption"));
    ck_assert_ptr_nonnull(strstr(h->line2, "continuations print \"1\\n\" or "
                                           "\"2\\n\""));
    /* once g1 has read and written, the goal is gone */
    run_task(f.g, 0);
    run_task(f.g, 1);
    run_task(f.g, 1);
    h = play_hints_now(f.g);
    ck_assert(!h->found);
    ck_assert(h->complete);
    ck_assert_ptr_nonnull(strstr(h->line1, "can no longer be reached"));
    ck_assert_ptr_nonnull(strstr(h->line2, "every continuation prints "
                                           "\"2\\n\""));
    stop(&f);
}
END_TEST

START_TEST(following_the_hint_reaches_the_goal_with_the_fewest)
{
    fixture f;
    uint64_t ms;
    uint32_t mp;
    int moves = 0;
    start(&f, lost_src, "lost.go");
    while (!f.g->at.over && moves < 50) {
        int alt = play_hint_alt(f.g);
        ck_assert_int_ge(alt, 0);
        ck_assert(play_choose(f.g, alt));
        moves++;
    }
    ck_assert(f.g->at.goal);
    ck_assert(play_goal_min(f.g, &ms, &mp));
    ck_assert_int_eq(f.g->at.goal_preempts, mp);
    ck_assert_int_eq(f.g->at.goal_step, ms);
    stop(&f);
}
END_TEST

START_TEST(without_a_goal_hints_name_the_nearest_bug)
{
    fixture f;
    const play_hints *h;
    start(&f, abba_src, "abba.go");
    h = play_hints_now(f.g);
    ck_assert(h->found);
    ck_assert_str_eq(h->what, "deadlock");
    ck_assert_ptr_nonnull(strstr(h->line1, "a deadlock is reachable from "
                                           "here"));
    stop(&f);
    start(&f, locked_src, "locked.go");
    h = play_hints_now(f.g);
    ck_assert(!h->found);
    ck_assert(h->complete);
    ck_assert_ptr_nonnull(strstr(h->line1, "no continuation deadlocks"));
    ck_assert_ptr_nonnull(strstr(h->line2, "every continuation prints "
                                           "\"2\\n\""));
    stop(&f);
}
END_TEST

/* The text of row y of g, trailing blanks dropped. */
static char *row(const viewdraw_grid *g, int y)
{
    buf b;
    buf_init(&b);
    viewdraw_grid_row(g, y, &b);
    while (b.len && b.p[b.len - 1] == ' ')
        b.p[--b.len] = '\0';
    return b.p ? b.p : wf_xstrdup("");
}

static bool screen_has(const viewdraw_grid *g, const char *s)
{
    bool found = false;
    for (int y = 0; y < g->h && !found; y++) {
        char *r = row(g, y);
        found = strstr(r, s) != NULL;
        free(r);
    }
    return found;
}

static bool same(const viewdraw_grid *a, const viewdraw_grid *b)
{
    return a->w == b->w && a->h == b->h &&
           !memcmp(a->c, b->c, (size_t)a->w * (size_t)a->h * sizeof *a->c);
}

START_TEST(the_screen_fits_80x24_and_keys_and_clicks_play)
{
    fixture f;
    playdraw p;
    viewdraw_grid g, g0;
    wf_diag d;
    start(&f, lost_src, "lost.go");
    ck_assert_int_eq(playdraw_init(&p, f.g, NULL, &d), WF_OK);
    viewdraw_grid_init(&g, false);
    viewdraw_grid_init(&g0, false);
    viewdraw_grid_resize(&g, 80, 24);
    playdraw_frame(&g, &p);
    ck_assert(screen_has(&g, "weft play lost.go  goal: outcome \"1\\n\""));
    ck_assert(screen_has(&g, "next 0 go add"));
    ck_assert(screen_has(&g, "1 read counter"));
    ck_assert(screen_has(&g, "hint the goal is reachable"));
    /* a click on g1's next operation runs it; undo gives the same frame */
    viewdraw_grid_resize(&g0, 80, 24);
    playdraw_frame(&g0, &p);
    playdraw_click(&p, p.l.lanes_x + p.l.lane_w + 2, 24 - 7);
    playdraw_frame(&g, &p);
    ck_assert(screen_has(&g, "g1 add ran: read counter"));
    ck_assert(!same(&g, &g0));
    ck_assert(playdraw_key(&p, 'u'));
    playdraw_frame(&g, &p);
    ck_assert(same(&g, &g0));
    /* Right, Enter: main runs on, then g1 */
    ck_assert(playdraw_key(&p, PK_RIGHT));
    ck_assert(playdraw_key(&p, PK_ENTER));
    playdraw_frame(&g, &p);
    ck_assert(screen_has(&g, "g1 add ran: read counter"));
    /* the key bar is clickable: its "a auto" runs to the end */
    p.msg[0] = '\0';
    playdraw_frame(&g, &p);
    for (int i = 0; i < p.nhot; i++)
        if (p.hot[i].key == 'a') playdraw_click(&p, p.hot[i].x0, 23);
    ck_assert(f.g->at.over);
    playdraw_frame(&g, &p);
    ck_assert(screen_has(&g, "the scheduler ran to the end"));
    ck_assert(!playdraw_key(&p, 'q'));
    viewdraw_grid_fini(&g);
    viewdraw_grid_fini(&g0);
    playdraw_fini(&p);
    stop(&f);
}
END_TEST

Suite *play_suite(void)
{
    Suite *s = suite_create("play");
    TCase *tg = tcase_create("goals");
    TCase *tc = tcase_create("game");
    tcase_add_test(tg, goal_lines_are_read_as_go_tokens);
    tcase_add_test(tg, bad_goal_lines_are_errors_at_their_column);
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, a_winning_sequence_reaches_the_goal_with_the_fewest);
    tcase_add_test(tc, undo_re_executes_the_shorter_prefix);
    tcase_add_test(tc, auto_runs_to_the_end_without_preempting);
    tcase_add_test(tc, hints_give_the_distance_and_what_continuations_print);
    tcase_add_test(tc, following_the_hint_reaches_the_goal_with_the_fewest);
    tcase_add_test(tc, without_a_goal_hints_name_the_nearest_bug);
    tcase_add_test(tc, the_screen_fits_80x24_and_keys_and_clicks_play);
    suite_add_tcase(s, tg);
    suite_add_tcase(s, tc);
    return s;
}

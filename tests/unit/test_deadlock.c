/* test_deadlock.c: deadlocks and their reports (SPEC section 3), and the
 * engine's step_end callback the partial-deadlock check runs from. */
#include <check.h>
#include <string.h>

#include "sim/explore.h"
#include "sim/native.h"
#include "sim/weft.h"

/* A scenario with blocking: two workers take two locks in opposite
 * orders, main waits for them. */
static wf_mutex *ma, *mb; /* set by main before spawning, each execution */

static void lock_ab(void *arg)
{
    (void)arg;
    wf_mutex_lock(ma);
    wf_mutex_lock(mb);
    wf_mutex_unlock(mb);
    wf_mutex_unlock(ma);
}

static void lock_ba(void *arg)
{
    (void)arg;
    wf_mutex_lock(mb);
    wf_mutex_lock(ma);
    wf_mutex_unlock(ma);
    wf_mutex_unlock(mb);
}

static void abba(void *arg)
{
    (void)arg;
    ma = wf_mutex_new("a");
    mb = wf_mutex_new("b");
    wf_go(lock_ab, NULL, "worker");
    lock_ba(NULL);
}

/* ---- the engine's step_end callback (sim/engine.h) ------------------------ */

typedef struct step_count {
    uint64_t calls, bad;
} step_count;

static void count_step(void *ctx, wf_engine *e)
{
    step_count *c = ctx;
    c->calls++;
    /* every live task has exposed its next op: the state is consistent */
    for (size_t i = 0; i < e->tasks.len; i++)
        if (e->tasks.p[i]->state != TASK_DONE &&
            (e->tasks.p[i]->op.kind == OP_NONE || e->tasks.p[i]->in_resume))
            c->bad++;
}

START_TEST(step_end_follows_every_step_with_every_op_exposed)
{
    native_start ns = {abba, NULL};
    program p;
    explore_opts o;
    explorer *x;
    step_count c = {0, 0};
    wf_consumer cons;
    consumer_set cs = {&cons, 1};
    memset(&cons, 0, sizeof cons);
    cons.ctx = &c;
    cons.step_end = count_step;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    memset(&o, 0, sizeof o);
    o.strategy = WF_STRATEGY_DFS;
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, NULL), WF_OK);
    ck_assert_uint_eq(c.calls, x->steps);
    ck_assert_uint_eq(c.bad, 0);
    explore_free(x);
}
END_TEST

Suite *deadlock_suite(void)
{
    Suite *s = suite_create("deadlock");
    TCase *tc = tcase_create("engine");
    tcase_add_test(tc, step_end_follows_every_step_with_every_op_exposed);
    suite_add_tcase(s, tc);
    return s;
}

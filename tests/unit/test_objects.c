/* test_objects.c: the object classes (engine.h obj_class): one class per
 * kind, reached by op kind; what the engine, the reduction and the
 * checkers ask of an object (would it panic, its pending accesses, who
 * holds it, its state) comes from its class; engine_check runs every
 * object's invariants. */
#include "wft.h"

#include "sim/chan.h"
#include "sim/cond.h"
#include "sim/mutex.h"
#include "sim/once.h"
#include "sim/rwmutex.h"
#include "sim/waitgroup.h"

START_TEST(every_kind_has_its_class_and_every_object_op_a_perform)
{
    for (int k = 0; k < OBJ__COUNT; k++) {
        const obj_class *c = obj_classes[k];
        ck_assert_ptr_nonnull(c);
        ck_assert_int_eq(c->kind, k);
        ck_assert_str_eq(c->name, obj_kind_names[k]);
    }
    for (int k = 0; k < OP__COUNT; k++) {
        const obj_class *c = op_classes[k];
        if (c)
            ck_assert_ptr_nonnull(c->perform);
    }
    ck_assert_ptr_eq(op_classes[OP_SELECT], &chan_class);
    ck_assert_ptr_eq(op_classes[OP_LOCK], &mutex_class);
    ck_assert_ptr_eq(op_classes[OP_RLOCK], &rwmutex_class);
    ck_assert_ptr_eq(op_classes[OP_WG_ADD], &waitgroup_class);
    ck_assert_ptr_null(op_classes[OP_SPAWN]);
    ck_assert_ptr_null(op_classes[OP_PRINT]);
}
END_TEST

START_TEST(the_class_answers_from_the_object_state)
{
    wf_engine *e = engine_new(NULL);
    wf_mutex *m = mutex_new(e, "m", NULL, 0);
    wf_rwmutex *rw = rwmutex_new(e, "", NULL, 0);
    wf_waitgroup *wg = waitgroup_new(e, "wg", NULL, 0);
    wf_chan *ch = chan_new(e, "c", 3, NULL, 0);
    wf_task t = {0};
    op o = {0};
    acc_vec acc = {NULL, 0, 0};
    obj_view v;
    t.tid = 2;
    /* an unlock of a free mutex panics; of a held one, not */
    op_begin(&o, OP_UNLOCK, &m->hdr);
    ck_assert(op_would_panic(&o));
    m->locked = true;
    m->holder = &t;
    ck_assert(!op_would_panic(&o));
    ck_assert_int_eq(obj_holds(&m->hdr, &t), 1);
    ck_assert(obj_is_lock(&m->hdr) && obj_is_lock(&rw->hdr));
    ck_assert(!obj_is_lock(&wg->hdr) && !obj_is_lock(&ch->hdr));
    v = obj_view_of(&m->hdr);
    ck_assert_ptr_eq(v.holder, &t);
    /* a Lock acquires, an RLock reads (RLocks commute) */
    op_begin(&o, OP_LOCK, &m->hdr);
    op_pending(&o, &acc);
    op_begin(&o, OP_RLOCK, &rw->hdr);
    op_pending(&o, &acc);
    ck_assert_int_eq((int)acc.len, 2);
    ck_assert_int_eq(acc.p[0].type, ACC_ACQUIRE);
    ck_assert_int_eq(acc.p[0].oid, m->hdr.oid);
    ck_assert_int_eq(acc.p[1].type, ACC_READ);
    /* a Done below zero panics; Adds are counter updates */
    op_begin(&o, OP_WG_ADD, &wg->hdr);
    o.val.i = -1;
    ck_assert(op_would_panic(&o));
    o.val.i = 2;
    ck_assert(!op_would_panic(&o));
    acc.len = 0;
    op_pending(&o, &acc);
    ck_assert_int_eq(acc.p[0].type, ACC_ADD);
    ck_assert_int_eq((int)acc.p[0].delta, 2);
    ck_assert_int_eq((int)obj_view_of(&wg->hdr).counter, 0);
    /* a channel tells its buffer; a send on it once closed panics */
    ck_assert_int_eq((int)obj_capacity(&ch->hdr), 3);
    op_begin(&o, OP_SEND, &ch->hdr);
    ck_assert(!op_would_panic(&o));
    ch->closed = true;
    ck_assert(op_would_panic(&o));
    ck_assert(obj_view_of(&ch->hdr).closed);
    /* an unnamed object is spelled KIND#OID */
    {
        char b[48];
        ck_assert_str_eq(obj_label(b, sizeof b, "rwmutex", rw->hdr.name,
                                   rw->hdr.oid),
                         "rwmutex#1");
    }
    VEC_FREE(acc);
    engine_free(e);
}
END_TEST

static const char *plain_name(wf_engine *e, const wf_obj *o)
{
    (void)e;
    return o->name;
}

static void tid_name(buf *b, wf_engine *e, int32_t tid)
{
    (void)e;
    buf_printf(b, "t%d", (int)tid);
}

/* What t, blocked in op kind k on o, waits for, as its class says it,
 * and the verb of the "who could end it" clause ("-" for none). */
static char *phrase(wf_engine *e, wf_task *t, op_kind k, wf_obj *o)
{
    report_names n = {e, plain_name, tid_name};
    const obj_class *c = op_classes[k];
    const char *verb;
    buf b;
    buf_init(&b);
    op_begin(&t->op, k, o);
    ck_assert_ptr_nonnull(c->wait_phrase);
    verb = c->wait_phrase(&n, t, &b);
    buf_printf(&b, " | %s", verb ? verb : "-");
    return b.p;
}

/* A report's wording is the class's: every op a task can block in has a
 * phrase, said from the object's state; a lock's class says why it
 * excludes others (checker/deadlock.c dispatches, picks no words). */
START_TEST(each_class_says_what_its_waiters_wait_for)
{
    wf_engine *e = engine_new(NULL);
    wf_mutex *m = mutex_new(e, "mu", NULL, 0);
    wf_rwmutex *rw = rwmutex_new(e, "rw", NULL, 0);
    wf_waitgroup *wg = waitgroup_new(e, "wg", NULL, 0);
    wf_chan *ch = chan_new(e, "c", 0, NULL, 0);
    wf_once *on = once_new(e, "once", NULL, 0);
    wf_cond *cv = cond_new(e, "cv", m, NULL, 0);
    wf_task t = {0}, h = {0};
    report_names n = {e, plain_name, tid_name};
    char *s;
    buf b;
    t.tid = 2;
    t.name = "worker";
    h.tid = 1;
    h.name = "holder";
    m->locked = true;
    m->holder = &h;
    s = phrase(e, &t, OP_LOCK, &m->hdr);
    ck_assert_str_eq(s, "waits for mu held by holder | -");
    free(s);
    s = phrase(e, &t, OP_RECV, &ch->hdr);
    ck_assert_str_eq(s, "waits to receive from c | complete");
    free(s);
    s = phrase(e, &t, OP_RECV, NULL);
    ck_assert_str_eq(s, "waits forever on a nil channel | -");
    free(s);
    wg->count = 2;
    s = phrase(e, &t, OP_WG_WAIT, &wg->hdr);
    ck_assert_str_eq(s, "waits for wg (counter 2) | complete");
    free(s);
    s = phrase(e, &t, OP_COND_WAIT, &cv->hdr);
    ck_assert_str_eq(s, "waits on cv for a Signal or Broadcast | send");
    free(s);
    s = phrase(e, &t, OP_ONCE, &on->hdr);
    ck_assert_str_eq(s, "waits for once | -");
    free(s);
    rw->writer_in = rw->writer_holds = true;
    rw->writer = &h;
    s = phrase(e, &t, OP_RLOCK, &rw->hdr);
    ck_assert_str_eq(s, "waits to read-lock rw held by holder | -");
    free(s);
    /* why a lock excludes others: an RWMutex and a Once say it; a mutex
     * is the default ("held by one task", said once for all) */
    buf_init(&b);
    ck_assert(rwmutex_class.excl_phrase(&n, &rw->hdr, &b));
    ck_assert_str_eq(b.p, "rw is held for writing by t1");
    ck_assert_ptr_null(mutex_class.excl_phrase);
    ck_assert_ptr_nonnull(once_class.excl_phrase);
    buf_fini(&b);
    engine_free(e);
}
END_TEST

START_TEST(engine_check_runs_every_objects_invariants)
{
    wf_engine *e = engine_new(NULL);
    wf_mutex *m = mutex_new(e, "m", NULL, 0);
    wf_rwmutex *rw = rwmutex_new(e, "rw", NULL, 0);
    ck_assert(engine_check(e));
    m->locked = true; /* locked with no holder: mutex.h invariant 1 */
    ck_assert(!engine_check(e));
    m->locked = false;
    ck_assert(engine_check(e));
    rw->readers = 1; /* a read lock no holder is listed for */
    ck_assert(!engine_check(e));
    rw->readers = 0;
    ck_assert(engine_check(e));
    engine_free(e);
}
END_TEST

Suite *objects_suite(void)
{
    Suite *s = suite_create("objects");
    TCase *t = tcase_create("classes");
    tcase_add_test(t, every_kind_has_its_class_and_every_object_op_a_perform);
    tcase_add_test(t, the_class_answers_from_the_object_state);
    tcase_add_test(t, engine_check_runs_every_objects_invariants);
    tcase_add_test(t, each_class_says_what_its_waiters_wait_for);
    suite_add_tcase(s, t);
    return s;
}

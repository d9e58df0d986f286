/* test_chan.c: Go channels and select (sim/chan.c): every row of Go's
 * channel table, rendezvous, FIFO wait queues, select, close, panics. */
#include "wft.h"

#include "weft.h"

/* What a scenario saw; filled inside the tasks, asserted after the run. */
typedef struct got {
    intptr_t v[16];
    bool ok[16];
    int n;
    int sel[16];
    int nsel;
    unsigned mask; /* over all executions: which select cases fired */
    int defaults;  /* over all executions: how often default fired */
} got;

static void put(got *g, intptr_t v, bool ok)
{
    if (g->n < 16) { /* counted over every execution; the first 16 kept */
        g->v[g->n] = v;
        g->ok[g->n] = ok;
    }
    g->n++;
}

/* v, ok := <-c, then put (v, ok). */
static void take(got *g, wf_chan *c)
{
    bool ok = !(g->n & 1); /* the call must overwrite it */
    intptr_t v = wf_chan_recv(c, &ok);
    put(g, v, ok);
}

/* ---- receive ----------------------------------------------------------- */

static void recv_nil(void *arg)
{
    take(arg, NULL); /* never returns */
}

START_TEST(recv_on_nil_chan_blocks_forever)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(recv_nil, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_int_eq(r.executions, 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_str_eq(r.findings[0].kind_name, "deadlock");
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

static void recv_value(void *arg)
{
    wf_chan *c = wf_chan_new("c", 2);
    wf_chan_send(c, 7);
    wf_chan_send(c, 8);
    take(arg, c);
    put(arg, wf_chan_recv(c, NULL), true);
}

START_TEST(recv_on_open_nonempty_chan_gives_the_values_in_order)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(recv_value, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(g.n, 2);
    ck_assert_int_eq(g.v[0], 7);
    ck_assert(g.ok[0]);
    ck_assert_int_eq(g.v[1], 8);
    wf_result_free(&r);
}
END_TEST

static void recv_empty(void *arg)
{
    wf_chan *c = wf_chan_new("c", 1);
    take(arg, c);
}

START_TEST(recv_on_open_empty_chan_blocks)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(recv_empty, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

static void recv_closed(void *arg)
{
    wf_chan *c = wf_chan_new("c", 0);
    wf_chan_close(c);
    take(arg, c);
    take(arg, c);
}

START_TEST(recv_on_closed_empty_chan_gives_zero_and_false_every_time)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(recv_closed, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(g.n, 2);
    ck_assert(g.v[0] == 0 && !g.ok[0]);
    ck_assert(g.v[1] == 0 && !g.ok[1]);
    wf_result_free(&r);
}
END_TEST

/* ---- send -------------------------------------------------------------- */

static void send_nil(void *arg)
{
    wf_chan_send(NULL, 1);
    put(arg, 1, true);
}

START_TEST(send_on_nil_chan_blocks_forever)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(send_nil, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

static void send_full(void *arg)
{
    wf_chan *c = wf_chan_new("c", 1);
    wf_chan_send(c, 1);
    put(arg, 1, true);
    wf_chan_send(c, 2); /* full */
    put(arg, 2, true);
}

START_TEST(send_on_full_chan_blocks)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(send_full, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.n, 1);
    wf_result_free(&r);
}
END_TEST

static void unbuffered_send_alone(void *arg)
{
    wf_chan_send(wf_chan_new("c", 0), 1); /* cap 0 is always full */
    put(arg, 1, true);
}

START_TEST(send_on_unbuffered_chan_without_receiver_blocks)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(unbuffered_send_alone, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

static void send_not_full(void *arg)
{
    wf_chan *c = wf_chan_new("c", 3);
    for (int i = 1; i <= 3; i++)
        wf_chan_send(c, i * 10);
    for (int i = 0; i < 3; i++) {
        take(arg, c);
    }
}

START_TEST(send_on_not_full_chan_writes_the_value_without_blocking)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(send_not_full, &g, &o, &l);
    ck_assert_int_eq(r.st, WF_OK);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(evlog_count(&l, EV_BLOCK, -1), 0);
    ck_assert_int_eq(evlog_count(&l, EV_SEND, 0), 3);
    ck_assert_int_eq(g.n, 3);
    ck_assert(g.v[0] == 10 && g.v[1] == 20 && g.v[2] == 30);
    ck_assert(g.ok[0] && g.ok[1] && g.ok[2]);
    /* aux is the k-th send / receive on the channel */
    ck_assert_int_eq(evlog_nth(&l, EV_SEND, 2)->aux, 2);
    ck_assert_int_eq(evlog_nth(&l, EV_RECV, 1)->aux, 1);
    ck_assert_int_eq(evlog_nth(&l, EV_RECV, 1)->value, 20);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void send_closed(void *arg)
{
    wf_chan *c = wf_chan_new("c", 1);
    wf_chan_close(c);
    wf_chan_send(c, 1);
    put(arg, 1, true);
}

START_TEST(send_on_closed_chan_panics)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(send_closed, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "send on closed channel");
    ck_assert_str_eq(r.findings[0].kind_name, "panic");
    ck_assert_int_eq(r.findings[0].step, 2); /* close is step 1 */
    ck_assert_int_eq(g.n, 0); /* the panicking task never returns */
    wf_result_free(&r);
}
END_TEST

/* ---- close ------------------------------------------------------------- */

static void close_nil(void *arg)
{
    wf_chan_close(NULL);
    put(arg, 1, true);
}

START_TEST(close_of_nil_chan_panics)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(close_nil, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "close of nil channel");
    ck_assert_int_eq(r.findings[0].step, 1);
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

static void close_nonempty(void *arg)
{
    wf_chan *c = wf_chan_new("c", 3);
    wf_chan_send(c, 1);
    wf_chan_send(c, 2);
    wf_chan_close(c);
    for (int i = 0; i < 3; i++) {
        take(arg, c);
    }
}

START_TEST(close_of_nonempty_chan_keeps_values_readable_then_zero_false)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(close_nonempty, &g, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert_int_eq(g.n, 3);
    ck_assert(g.v[0] == 1 && g.ok[0]);
    ck_assert(g.v[1] == 2 && g.ok[1]);
    ck_assert(g.v[2] == 0 && !g.ok[2]);
    wf_result_free(&r);
}
END_TEST

static void close_empty(void *arg)
{
    wf_chan *c = wf_chan_new("c", 2);
    wf_chan_close(c);
    take(arg, c);
}

START_TEST(close_of_empty_chan_makes_recv_give_zero_and_false)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(close_empty, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(g.n, 1);
    ck_assert(g.v[0] == 0 && !g.ok[0]);
    wf_result_free(&r);
}
END_TEST

static void close_closed(void *arg)
{
    wf_chan *c = wf_chan_new("c", 0);
    wf_chan_close(c);
    wf_chan_close(c);
    put(arg, 1, true);
}

START_TEST(close_of_closed_chan_panics)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(close_closed, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "close of closed channel");
    ck_assert_int_eq(r.findings[0].step, 2);
    ck_assert_int_eq(g.n, 0);
    wf_result_free(&r);
}
END_TEST

/* ---- rendezvous -------------------------------------------------------- */

typedef struct pair {
    wf_chan *c;
    got *g;
} pair;

static void receiver(void *arg)
{
    pair *p = arg;
    take(p->g, p->c);
}

static void sender(void *arg)
{
    pair *p = arg;
    wf_chan_send(p->c, 42);
    put(p->g, -1, true); /* the send completed */
}

/* rr runs main until it blocks: main's op comes first. */
static void main_sends(void *arg)
{
    pair p = {wf_chan_new("c", 0), arg};
    wf_go(receiver, &p, "receiver");
    wf_chan_send(p.c, 42);
    wf_yield(); /* keep p alive until the receiver has it */
}

static void main_receives(void *arg)
{
    pair p = {wf_chan_new("c", 0), arg};
    wf_go(sender, &p, "sender");
    take(arg, p.c);
    wf_yield();
}

START_TEST(unbuffered_send_first_parks_until_the_receiver_takes_it)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *b, *s, *v;
    evlog_init(&l);
    r = run_explore(main_sends, &g, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(g.n, 1);
    ck_assert(g.v[0] == 42 && g.ok[0]);
    /* main (g0) blocks; g1's receive completes main's send. */
    b = evlog_nth(&l, EV_BLOCK, 0);
    s = evlog_nth(&l, EV_SEND, 0);
    v = evlog_nth(&l, EV_RECV, 0);
    ck_assert(b && s && v);
    ck_assert_int_eq(b->tid, 0);
    ck_assert_int_eq(s->tid, 0);
    ck_assert_int_eq(s->peer, 1);
    ck_assert_int_eq(v->tid, 1);
    ck_assert_int_eq(v->peer, 0);
    ck_assert_uint_eq(v->flags & EVF_WAKE, EVF_WAKE);
    ck_assert_uint_eq(s->flags & EVF_WAKE, 0);
    ck_assert(b->step < s->step && s->step == v->step);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

START_TEST(unbuffered_recv_first_waits_until_the_sender_arrives)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *b, *s, *v;
    evlog_init(&l);
    r = run_explore(main_receives, &g, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    /* main got the value; the sender's send completed */
    ck_assert_int_eq(g.n, 2);
    ck_assert(g.v[0] + g.v[1] == 41 && g.ok[0] && g.ok[1]);
    b = evlog_nth(&l, EV_BLOCK, 0);
    s = evlog_nth(&l, EV_SEND, 0);
    v = evlog_nth(&l, EV_RECV, 0);
    ck_assert(b && s && v);
    ck_assert_int_eq(b->tid, 0);
    /* the waiting receiver performs the rendezvous in one step */
    ck_assert_int_eq(s->tid, 1);
    ck_assert_int_eq(s->peer, 0);
    ck_assert_int_eq(v->tid, 0);
    ck_assert_int_eq(v->peer, 1);
    ck_assert_uint_eq(v->flags & EVF_WAKE, EVF_WAKE);
    ck_assert_int_eq(v->value, 42);
    ck_assert(s->step == v->step);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

/* Under DFS one program shows both arrival orders. */
typedef struct order_count {
    int send_first, recv_first, other;
} order_count;

static void order_event(void *ctx, wf_engine *e, const wf_event *ev)
{
    order_count *c = ctx;
    (void)e;
    if (ev->op != EV_BLOCK || ev->oid != 0)
        return;
    if (ev->tid == 1)
        c->send_first++;
    else if (ev->tid == 2)
        c->recv_first++;
    else
        c->other++;
}

static void late_sender(void *arg)
{
    wf_yield(); /* arrival at the channel is a scheduling choice */
    sender(arg);
}

static void late_receiver(void *arg)
{
    wf_yield();
    receiver(arg);
}

static void spawn_both(void *arg)
{
    pair *p = arena_alloc(&native_engine()->mem, sizeof *p);
    p->c = wf_chan_new("c", 0);
    p->g = arg;
    wf_go(late_sender, p, "sender");
    wf_go(late_receiver, p, "receiver");
}

START_TEST(unbuffered_rendezvous_happens_in_both_arrival_orders_under_dfs)
{
    got g = {0};
    order_count c = {0, 0, 0};
    native_start ns = {spawn_both, &g};
    program p;
    wf_consumer k = {&c, NULL, order_event, NULL, NULL, 0};
    consumer_set cs = {&k, 1};
    explore_opts o = opts_of(WF_STRATEGY_DFS);
    explorer *x;
    wf_diag d;
    memset(&p, 0, sizeof p);
    p.drv = &native_driver;
    p.arg = &ns;
    p.main_name = "main";
    x = explore_new(&p, &o);
    ck_assert_int_eq(explore_run(x, &cs, &d), WF_OK);
    ck_assert(x->complete);
    ck_assert_int_gt(c.send_first, 0);
    ck_assert_int_gt(c.recv_first, 0);
    ck_assert_int_eq(c.other, 0);
    /* every execution ends with the value delivered */
    ck_assert_int_eq(x->findings.len, 0);
    ck_assert_int_eq(g.n, 2 * (int)x->executions);
    explore_free(x);
}
END_TEST

/* ---- FIFO wait queues -------------------------------------------------- */

typedef struct three {
    wf_chan *c;
    got *g;
    int id;
} three;

static void send_id(void *arg)
{
    three *t = arg;
    wf_chan_send(t->c, t->id);
}

static void recv_put(void *arg)
{
    three *t = arg;
    bool ok;
    intptr_t v = wf_chan_recv(t->c, &ok);
    t->g->sel[t->id] = (int)v; /* receiver id got value v */
}

static void recv_print(void *arg)
{
    three *t = arg;
    wf_printf("%d<-%ld ", t->id, (long)wf_chan_recv(t->c, NULL));
}

static void three_senders(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 3 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    for (int i = 0; i < 3; i++) {
        t[i].c = c;
        t[i].id = i + 1;
        wf_go(send_id, &t[i], "sender");
    }
    for (int i = 0; i < 3; i++)
        wf_printf("%ld ", (long)wf_chan_recv(c, NULL));
}

static void three_receivers(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 3 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    for (int i = 0; i < 3; i++) {
        t[i].c = c;
        t[i].id = i + 1;
        wf_go(recv_print, &t[i], "receiver");
    }
    for (int i = 1; i <= 3; i++)
        wf_chan_send(c, i * 100);
    wf_sleep(1); /* let the receivers print */
}

/* Go's spec orders no blocked senders (receivers): those waiting since the
 * same instant are a choice, so every order is explored. */
START_TEST(senders_waiting_at_one_instant_are_met_in_every_order)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(three_senders, NULL, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq((int)r.noutcomes, 6); /* 3! orders of 1 2 3 */
    wf_result_free(&r);
}
END_TEST

START_TEST(receivers_waiting_at_one_instant_are_met_in_every_order)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(three_receivers, NULL, &o, &r), 0);
    ck_assert(r.complete);
    /* which receiver gets which value: 3! assignments, each printed in
     * some order */
    {
        int perms = 0;
        const char *want[6] = {"1<-100", "1<-200", "1<-300",
                               "2<-100", "2<-200", "2<-300"};
        for (int w = 0; w < 6; w++)
            for (size_t i = 0; i < r.noutcomes; i++)
                if (strstr(r.outcomes[i].output, want[w])) {
                    perms++;
                    break;
                }
        ck_assert_int_eq(perms, 6);
    }
    wf_result_free(&r);
}
END_TEST

/* A sender waiting since an earlier instant of virtual time is met first,
 * as Go's FIFO queue (and time) guarantees. */
static void late_send_id(void *arg)
{
    wf_sleep(10);
    send_id(arg);
}

static void earlier_sender_first(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 2 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 0);
    (void)arg;
    for (int i = 0; i < 2; i++) {
        t[i].c = c;
        t[i].id = i + 1;
    }
    wf_go(late_send_id, &t[0], "late");
    wf_go(send_id, &t[1], "early");
    wf_sleep(20);
    wf_printf("%ld ", (long)wf_chan_recv(c, NULL));
    wf_printf("%ld", (long)wf_chan_recv(c, NULL));
}

START_TEST(a_sender_waiting_since_an_earlier_instant_is_met_first)
{
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_DFS;
    ck_assert_int_eq(wf_explore(earlier_sender_first, NULL, &o, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq((int)r.noutcomes, 1);
    ck_assert_str_eq(r.outcomes[0].output, "2 1");
    wf_result_free(&r);
}
END_TEST

/* A receiver waiting since an earlier instant of virtual time gets the
 * value first, as Go's FIFO queue of receivers gives it: the sender (a
 * value reaching the empty buffer) goes to the queue's head. Pike's
 * ping-pong: main, waiting for the ball since 250 ms, gets it before the
 * player that came back for it at 300 ms; before, the later receiver
 * could take it, so the game could go on for ever. */
static void late_recv_print(void *arg)
{
    wf_sleep(10);
    recv_print(arg);
}

static void earlier_receiver_first(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 2 * sizeof *t);
    wf_chan *c = wf_chan_new("c", (size_t)(uintptr_t)arg);
    for (int i = 0; i < 2; i++) {
        t[i].c = c;
        t[i].id = i + 1;
    }
    wf_go(late_recv_print, &t[0], "late");
    wf_go(recv_print, &t[1], "early");
    wf_sleep(20);
    wf_chan_send(c, 100);
    wf_sleep(1);
    wf_chan_send(c, 200);
    wf_sleep(1);
}

START_TEST(a_receiver_waiting_since_an_earlier_instant_is_met_first)
{
    for (uintptr_t cap = 0; cap <= 1; cap++) {
        wf_result r;
        wf_options o = wf_options_default();
        o.strategy = WF_STRATEGY_DFS;
        ck_assert_int_eq(
            wf_explore(earlier_receiver_first, (void *)cap, &o, &r), 0);
        ck_assert(r.complete);
        ck_assert_int_eq((int)r.noutcomes, 1);
        ck_assert_str_eq(r.outcomes[0].output, "2<-100 1<-200 ");
        wf_result_free(&r);
    }
}
END_TEST

/* rr: main spawns three receivers, then sends; main runs on until it
 * blocks, so g1, g2, g3 park only after main's first send has parked... a
 * fixed interleaving whose values can be stated exactly. */
static void receivers_park_first(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 3 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 0);
    for (int i = 0; i < 3; i++) {
        t[i].c = c;
        t[i].g = arg;
        t[i].id = i + 1;
        wf_go(recv_put, &t[i], "receiver");
    }
    wf_sleep(1); /* all three park on c, in tid order */
    for (int i = 1; i <= 3; i++)
        wf_chan_send(c, i * 100);
}

START_TEST(receivers_parked_in_order_get_values_in_that_order)
{
    got g = {0};
    wf_result r;
    wf_options o = wf_options_default();
    o.strategy = WF_STRATEGY_RR;
    ck_assert_int_eq(wf_explore(receivers_park_first, &g, &o, &r), 0);
    ck_assert_int_eq(r.nfindings, 0);
    ck_assert_int_eq(g.sel[1], 100);
    ck_assert_int_eq(g.sel[2], 200);
    ck_assert_int_eq(g.sel[3], 300);
    wf_result_free(&r);
}
END_TEST

/* A buffered channel: a receive from a full buffer frees a slot that a
 * waiting sender then fills in its own step. */
static void full_buffer_handoff(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 2 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 1);
    wf_chan_send(c, 1);
    for (int i = 0; i < 2; i++) {
        t[i].c = c;
        t[i].g = arg;
        t[i].id = i + 2;
        wf_go(send_id, &t[i], "sender");
    }
    wf_sleep(1); /* g1 then g2 wait on the full buffer */
    for (int i = 0; i < 3; i++) {
        take(arg, c);
    }
}

START_TEST(recv_from_full_buffer_lets_a_waiting_sender_in)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(full_buffer_handoff, &g, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(g.n, 3);
    ck_assert(g.v[0] == 1 && g.v[1] == 2 && g.v[2] == 3);
    ck_assert_int_eq(evlog_count(&l, EV_SEND, 1), 1); /* g1 sent itself */
    ck_assert_int_eq(evlog_count(&l, EV_SEND, 2), 1);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

/* ---- close wakes parked tasks ----------------------------------------- */

static void close_wakes_receivers(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, 2 * sizeof *t);
    wf_chan *c = wf_chan_new("c", 0);
    got *g = arg;
    g->sel[1] = g->sel[2] = 99;
    for (int i = 0; i < 2; i++) {
        t[i].c = c;
        t[i].g = arg;
        t[i].id = i + 1;
        wf_go(recv_put, &t[i], "receiver");
    }
    wf_sleep(1);
    wf_chan_close(c);
    wf_sleep(1); /* let them run */
}

START_TEST(close_releases_every_waiting_receiver_with_zero_and_false)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    evlog_init(&l);
    r = run_explore(close_wakes_receivers, &g, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(g.sel[1], 0);
    ck_assert_int_eq(g.sel[2], 0);
    ck_assert_int_eq(evlog_count(&l, EV_RECV, -1), 2);
    ck_assert_uint_eq(evlog_nth(&l, EV_RECV, 0)->flags & EVF_FAILED,
                      EVF_FAILED);
    ck_assert_int_eq(evlog_nth(&l, EV_RECV, 0)->tid, 1);
    ck_assert_int_eq(evlog_nth(&l, EV_RECV, 1)->tid, 2);
    /* each receiver sees the close in its own step, after it */
    ck_assert_int_lt(evlog_nth(&l, EV_CLOSE, 0)->step,
                     evlog_nth(&l, EV_RECV, 0)->step);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void close_with_parked_sender(void *arg)
{
    three *t = arena_alloc(&native_engine()->mem, sizeof *t);
    t->c = wf_chan_new("c", 0);
    t->g = arg;
    t->id = 5;
    wf_go(send_id, t, "sender");
    wf_sleep(1);
    wf_chan_close(t->c);
    put(arg, 1, true);
}

START_TEST(close_makes_a_waiting_sender_panic)
{
    got g = {0};
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r = run_explore(close_with_parked_sender, &g, &o, NULL);
    const xfinding *f = find(r.x, WF_PANIC);
    ck_assert_int_eq(r.x->findings.len, 1);
    ck_assert_ptr_nonnull(f);
    ck_assert_str_eq(f->message, "send on closed channel");
    ck_assert_str_eq(f->task, "g1 sender"); /* the sender panics */
    ck_assert_int_eq(f->f.tid, 1);
    ck_assert_int_eq(r.x->last_end, END_PANIC);
    /* the sender panics when it runs again, as a woken goroutine does;
     * main (rr) ran on past the close first */
    ck_assert_int_eq(g.n, 1);
    run_free(&r);
}
END_TEST

/* ---- select ------------------------------------------------------------ */

static void select_two_ready(void *arg)
{
    got *g = arg;
    wf_chan *a = wf_chan_new("a", 1), *b = wf_chan_new("b", 1);
    wf_case cs[2] = {{a, false, 0, 0, false}, {b, false, 0, 0, false}};
    int k;
    wf_chan_send(a, 1);
    wf_chan_send(b, 2);
    k = wf_select(cs, 2, true);
    if (k < 0) {
        g->defaults++;
        return;
    }
    g->mask |= 1u << k;
    put(g, cs[k].received, cs[k].ok);
}

START_TEST(select_ready_cases_are_a_choice_dfs_reaches_each)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_two_ready, &g, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert_int_eq(r.executions, 2);
    ck_assert(r.complete);
    ck_assert_uint_eq(g.mask, 3);
    ck_assert_int_eq(g.defaults, 0); /* default only when nothing ready */
    ck_assert_int_eq(g.n, 2);
    ck_assert(g.v[0] == 1 && g.ok[0]); /* case 0 first */
    ck_assert(g.v[1] == 2 && g.ok[1]);
    wf_result_free(&r);
}
END_TEST

static void select_nothing_ready(void *arg)
{
    got *g = arg;
    wf_chan *a = wf_chan_new("a", 0), *b = wf_chan_new("b", 1);
    wf_case cs[3] = {{a, false, 0, 0, false},
                     {b, false, 0, 0, false},
                     {a, true, 5, 0, false}};
    int k_ = wf_select(cs, 3, true);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
}

START_TEST(select_takes_default_only_when_nothing_is_ready)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(select_nothing_ready, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(r.executions, 1);
    ck_assert_int_eq(g.nsel, 1);
    ck_assert_int_eq(g.sel[0], -1);
    wf_result_free(&r);
}
END_TEST

static void select_nil_case(void *arg)
{
    got *g = arg;
    wf_chan *b = wf_chan_new("b", 1);
    wf_case cs[3] = {{NULL, false, 0, 0, false},
                     {b, false, 0, 0, false},
                     {NULL, true, 1, 0, false}};
    wf_chan_send(b, 9);
    int k_ = wf_select(cs, 3, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    put(g, cs[1].received, cs[1].ok);
}

START_TEST(select_ignores_nil_channel_cases)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_nil_case, &g, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert_int_eq(r.executions, 1); /* one ready case: no choice */
    ck_assert_int_eq(g.sel[0], 1);
    ck_assert(g.v[0] == 9 && g.ok[0]);
    wf_result_free(&r);
}
END_TEST

static void select_only_nil(void *arg)
{
    got *g = arg;
    wf_case cs[2] = {{NULL, false, 0, 0, false}, {NULL, true, 1, 0, false}};
    int k_ = wf_select(cs, 2, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
}

static void select_empty(void *arg)
{
    got *g = arg;
    int k_ = wf_select(NULL, 0, false);
    if (g->nsel < 16) /* select {} */
        g->sel[g->nsel] = k_;
    g->nsel++;
}

static void select_only_nil_default(void *arg)
{
    got *g = arg;
    wf_case cs[1] = {{NULL, false, 0, 0, false}};
    int k_ = wf_select(cs, 1, true);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
}

START_TEST(select_with_only_nil_cases_blocks_forever)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_only_nil, &g, WF_STRATEGY_DFS, &r),
                     1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.nsel, 0);
    wf_result_free(&r);
    ck_assert_int_eq(explore_with(select_empty, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.nsel, 0);
    wf_result_free(&r);
    ck_assert_int_eq(
        explore_with(select_only_nil_default, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert_int_eq(g.nsel, 1);
    ck_assert_int_eq(g.sel[0], -1);
    wf_result_free(&r);
}
END_TEST

static void put_later(void *arg)
{
    pair *p = arg;
    wf_sleep(10);
    wf_chan_send(p->c, 77);
}

static void select_parks(void *arg)
{
    got *g = arg;
    pair *p = arena_alloc(&native_engine()->mem, sizeof *p);
    wf_chan *a = wf_chan_new("a", 0);
    wf_case cs[2];
    p->c = wf_chan_new("b", 0);
    p->g = g;
    memset(cs, 0, sizeof cs);
    cs[0].chan = a;
    cs[1].chan = p->c;
    wf_go(put_later, p, "late");
    int k_ = wf_select(cs, 2, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    put(g, cs[1].received, cs[1].ok);
    put(g, (intptr_t)wf_now(), true);
}

START_TEST(select_with_nothing_ready_parks_until_a_partner_arrives)
{
    got g = {0};
    evlog l;
    explore_opts o = opts_of(WF_STRATEGY_RR);
    run_ r;
    const wf_event *v;
    evlog_init(&l);
    r = run_explore(select_parks, &g, &o, &l);
    ck_assert_int_eq(r.x->findings.len, 0);
    ck_assert_int_eq(g.sel[0], 1);
    ck_assert(g.v[0] == 77 && g.ok[0]);
    ck_assert_int_eq(g.v[1], 10); /* it waited for the sleeper */
    v = evlog_nth(&l, EV_RECV, 0);
    ck_assert_uint_eq(v->flags & EVF_SELECT, EVF_SELECT);
    ck_assert_int_eq(v->aux2, 1); /* the case index */
    ck_assert_uint_eq(evlog_nth(&l, EV_BLOCK, 0)->flags & EVF_SELECT,
                      EVF_SELECT);
    run_free(&r);
    evlog_fini(&l);
}
END_TEST

static void select_send_case(void *arg)
{
    got *g = arg;
    pair *p = arena_alloc(&native_engine()->mem, sizeof *p);
    wf_case cs[2];
    p->c = wf_chan_new("c", 0);
    p->g = g;
    memset(cs, 0, sizeof cs);
    cs[0].chan = NULL;
    cs[1].chan = p->c;
    cs[1].send = true;
    cs[1].value = 31;
    wf_go(receiver, p, "receiver");
    int k_ = wf_select(cs, 2, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    wf_sleep(1);
}

START_TEST(select_send_case_delivers_its_value)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_send_case, &g, WF_STRATEGY_DFS, &r),
                     0);
    ck_assert_int_eq(r.nfindings, 0);
    /* the receiver waits first and meets the select's send case: one
     * rendezvous, whoever arrives first */
    ck_assert_int_ge(r.executions, 1);
    ck_assert_int_le(r.executions, 16);
    ck_assert_int_eq(g.n, (int)r.executions);
    for (int i = 0; i < (int)r.executions; i++) {
        ck_assert_int_eq(g.sel[i], 1);
        ck_assert(g.v[i] == 31 && g.ok[i]);
    }
    wf_result_free(&r);
}
END_TEST

static void select_closed(void *arg)
{
    got *g = arg;
    wf_chan *c = wf_chan_new("c", 0);
    wf_case cs[1];
    memset(cs, 0, sizeof cs);
    cs[0].chan = c;
    cs[0].ok = true;
    cs[0].received = 5;
    wf_chan_close(c);
    int k_ = wf_select(cs, 1, true);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    put(g, cs[0].received, cs[0].ok);
    cs[0].send = true;
    wf_select(cs, 1, true); /* a send case on a closed channel is ready */
    put(g, 1, true);
}

START_TEST(select_on_closed_chan_receives_zero_false_and_send_panics)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_closed, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "send on closed channel");
    ck_assert_int_eq(g.sel[0], 0);
    ck_assert_int_eq(g.n, 1);
    ck_assert(g.v[0] == 0 && !g.ok[0]);
    wf_result_free(&r);
}
END_TEST

static void closer(void *arg)
{
    pair *p = arg;
    wf_sleep(1);
    wf_chan_close(p->c);
}

static void select_woken_by_close(void *arg)
{
    got *g = arg;
    pair *p = arena_alloc(&native_engine()->mem, sizeof *p);
    wf_case cs[2];
    p->c = wf_chan_new("c", 0);
    memset(cs, 0, sizeof cs);
    cs[0].chan = wf_chan_new("never", 0);
    cs[1].chan = p->c;
    cs[1].ok = true;
    cs[1].received = 5;
    wf_go(closer, p, "closer");
    int k_ = wf_select(cs, 2, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    put(g, cs[1].received, cs[1].ok);
}

START_TEST(close_wakes_a_parked_select_with_zero_and_false)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(select_woken_by_close, &g, WF_STRATEGY_RR, &r), 0);
    ck_assert_int_eq(g.sel[0], 1);
    ck_assert(g.v[0] == 0 && !g.ok[0]);
    wf_result_free(&r);
}
END_TEST

static void select_send_parked_then_closed(void *arg)
{
    got *g = arg;
    pair *p = arena_alloc(&native_engine()->mem, sizeof *p);
    wf_case cs[1];
    p->c = wf_chan_new("c", 0);
    memset(cs, 0, sizeof cs);
    cs[0].chan = p->c;
    cs[0].send = true;
    wf_go(closer, p, "closer");
    int k_ = wf_select(cs, 1, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
}

START_TEST(close_makes_a_parked_select_sender_panic)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(select_send_parked_then_closed, &g, WF_STRATEGY_RR, &r),
        1);
    /* the panic, and the race of the close with the send nothing orders
     * after it (go -race reports both: chansend reads the channel first) */
    ck_assert_uint_eq(r.nfindings, 2);
    for (size_t i = 0; i < r.nfindings; i++)
        ck_assert(r.findings[i].kind == WF_RACE
                      ? strstr(r.findings[i].message, "close and send") != NULL
                      : !strcmp(r.findings[i].message,
                                "send on closed channel"));
    ck_assert(r.findings[0].kind != r.findings[1].kind);
    ck_assert_int_eq(g.nsel, 0);
    wf_result_free(&r);
}
END_TEST

/* More cases than wf_select keeps on its stack. */
static void select_many(void *arg)
{
    got *g = arg;
    wf_case cs[40];
    wf_chan *c = wf_chan_new("c", 1);
    memset(cs, 0, sizeof cs);
    for (int i = 0; i < 40; i++)
        cs[i].chan = i == 33 ? c : NULL;
    wf_chan_send(c, 4);
    int k_ = wf_select(cs, 40, false);
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
    put(g, cs[33].received, cs[33].ok);
    k_ = wf_select(cs, 40, false); /* blocks forever */
    if (g->nsel < 16)
        g->sel[g->nsel] = k_;
    g->nsel++;
}

START_TEST(select_with_many_cases_fires_the_ready_one_and_frees_its_cases)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(explore_with(select_many, &g, WF_STRATEGY_DFS, &r), 1);
    ck_assert_str_eq(only_message(&r), "all goroutines are asleep");
    ck_assert_int_eq(g.nsel, 1);
    ck_assert_int_eq(g.sel[0], 33);
    ck_assert(g.v[0] == 4 && g.ok[0]);
    wf_result_free(&r); /* make asan: the parked select's cases leak not */
}
END_TEST

/* More ready cases than chan_select keeps on its stack (64): each is a
 * choice dfs reaches once. */
static void select_seventy_ready(void *arg)
{
    got *g = arg;
    wf_case cs[70];
    memset(cs, 0, sizeof cs);
    for (int i = 0; i < 70; i++) {
        cs[i].chan = wf_chan_new("c", 1);
        wf_chan_send(cs[i].chan, i * 10);
    }
    int k = wf_select(cs, 70, false);
    if (k >= 0 && cs[k].received == k * 10 && cs[k].ok)
        g->mask++; /* executions where the fired case got its value */
    g->sel[k / 5] |= 1 << (k % 5);
}

START_TEST(select_over_seventy_ready_cases_reaches_each_once)
{
    got g = {0};
    wf_result r;
    ck_assert_int_eq(
        explore_with(select_seventy_ready, &g, WF_STRATEGY_DFS, &r), 0);
    ck_assert(r.complete);
    ck_assert_int_eq(r.executions, 70);
    ck_assert_uint_eq(g.mask, 70);
    for (int i = 0; i < 14; i++)
        ck_assert_int_eq(g.sel[i], 31); /* every case fired */
    /* a choice among 70 is written _INDEX_70_ */
    ck_assert_ptr_nonnull(strstr(r.outcomes[0].schedule, "_70_"));
    wf_result_free(&r);
}
END_TEST

Suite *chan_suite(void)
{
    Suite *s = suite_create("chan");
    TCase *t = tcase_create("go-table");
    tcase_add_test(t, recv_on_nil_chan_blocks_forever);
    tcase_add_test(t, recv_on_open_nonempty_chan_gives_the_values_in_order);
    tcase_add_test(t, recv_on_open_empty_chan_blocks);
    tcase_add_test(t, recv_on_closed_empty_chan_gives_zero_and_false_every_time);
    tcase_add_test(t, send_on_nil_chan_blocks_forever);
    tcase_add_test(t, send_on_full_chan_blocks);
    tcase_add_test(t, send_on_unbuffered_chan_without_receiver_blocks);
    tcase_add_test(t, send_on_not_full_chan_writes_the_value_without_blocking);
    tcase_add_test(t, send_on_closed_chan_panics);
    tcase_add_test(t, close_of_nil_chan_panics);
    tcase_add_test(t,
                   close_of_nonempty_chan_keeps_values_readable_then_zero_false);
    tcase_add_test(t, close_of_empty_chan_makes_recv_give_zero_and_false);
    tcase_add_test(t, close_of_closed_chan_panics);
    suite_add_tcase(s, t);

    t = tcase_create("rendezvous-and-fifo");
    tcase_add_test(t, unbuffered_send_first_parks_until_the_receiver_takes_it);
    tcase_add_test(t, unbuffered_recv_first_waits_until_the_sender_arrives);
    tcase_add_test(t,
                   unbuffered_rendezvous_happens_in_both_arrival_orders_under_dfs);
    tcase_add_test(t, senders_waiting_at_one_instant_are_met_in_every_order);
    tcase_add_test(t, a_sender_waiting_since_an_earlier_instant_is_met_first);
    tcase_add_test(t, a_receiver_waiting_since_an_earlier_instant_is_met_first);
    tcase_add_test(t,
                   receivers_waiting_at_one_instant_are_met_in_every_order);
    tcase_add_test(t, receivers_parked_in_order_get_values_in_that_order);
    tcase_add_test(t, recv_from_full_buffer_lets_a_waiting_sender_in);
    tcase_add_test(t, close_releases_every_waiting_receiver_with_zero_and_false);
    tcase_add_test(t, close_makes_a_waiting_sender_panic);
    suite_add_tcase(s, t);

    t = tcase_create("select");
    tcase_add_test(t, select_ready_cases_are_a_choice_dfs_reaches_each);
    tcase_add_test(t, select_takes_default_only_when_nothing_is_ready);
    tcase_add_test(t, select_ignores_nil_channel_cases);
    tcase_add_test(t, select_with_only_nil_cases_blocks_forever);
    tcase_add_test(t, select_with_nothing_ready_parks_until_a_partner_arrives);
    tcase_add_test(t, select_send_case_delivers_its_value);
    tcase_add_test(t, select_on_closed_chan_receives_zero_false_and_send_panics);
    tcase_add_test(t, close_wakes_a_parked_select_with_zero_and_false);
    tcase_add_test(t, close_makes_a_parked_select_sender_panic);
    tcase_add_test(t,
                   select_with_many_cases_fires_the_ready_one_and_frees_its_cases);
    tcase_add_test(t, select_over_seventy_ready_cases_reaches_each_once);
    suite_add_tcase(s, t);
    return s;
}

/* chan.h: Go channels and select, as rendezvous between pending ops.
 *
 * A task's pending send, receive or select registers a waiter on each of
 * its channels when it is exposed (chan_expose), and the op is enabled
 * while one of its cases is ready:
 *   receive: the buffer holds a value, or the channel is closed, or (cap 0)
 *            a *committed* sender of another task waits;
 *   send:    the channel is closed (the send will panic), or the buffer has
 *            room, or (cap 0) the sender is not committed and a committed
 *            receiver of another task waits.
 * A waiter is committed when its op will wait for a partner: a plain send
 * or receive, or a select without default. An unbuffered rendezvous is one
 * step, performed by the receiver, or by the sender when only the receiver
 * is committed (two selects with default never meet, as in Go). Which of
 * several committed partners is taken is a choice (CHOICE_PARTNER) among
 * those that arrived at the earliest virtual time: Go's spec promises no
 * order among blocked senders, so weft explores every order.
 * Every row of Go's channel table holds: receive on nil blocks, on a
 * non-empty channel gives a value, on an empty open one blocks, on a closed
 * drained one gives (zero, false); send on nil blocks, on a full one
 * blocks, else writes, on a closed one panics; close of nil or of a closed
 * channel panics, else closes (buffered values stay readable).
 * Go memory model, in the events (aux is the sequence number k): the k-th
 * send happens before the k-th receive completes; the k-th receive happens
 * before the (k+C)-th send completes; a close happens before a receive
 * that returns because of it.
 * Owns: wf_chan, its ring buffer and waiter queues (arena); the waiters
 * live in the waiting tasks' op records.
 * Invariants (chan_check): 1. len <= cap.  2. ncsend, ncrecv count the
 *   committed waiters in sendq, recvq.  3. nsent - nrecv == len.
 *   4. a task's waiters are linked exactly while its op is pending and
 *   not completed.  5. between steps, a task with a linked waiter is
 *   runnable exactly when its op is ready (O(waiters x cases)). */
#ifndef WF_CHAN_H
#define WF_CHAN_H

#include "engine.h"

struct wf_chan {
    wf_obj hdr;
    size_t cap, len, head; /* ring buffer of cap values from head */
    wf_value *buf;
    bool closed;
    waitq recvq, sendq;     /* pending receivers and senders */
    int32_t ncrecv, ncsend; /* committed ones among them */
    uint64_t nsent, nrecv;  /* completed sends and receives */
    /* --time loose: the timer feeding this channel (time.After, NewTimer,
     * NewTicker, AfterFunc). While it is pending a receiver may take its
     * tick at once: it fires early, as a sleep returns at once. NULL
     * otherwise. */
    struct timer *early;
};

/* Go's panic texts (runtime/chan.go). */
#define GO_SEND_CLOSED_CHAN  "send on closed channel"
#define GO_CLOSE_NIL_CHAN    "close of nil channel"
#define GO_CLOSE_CLOSED_CHAN "close of closed channel"

/* A channel of capacity cap, registered with e. */
wf_chan *chan_new(wf_engine *e, const char *name, size_t cap,
                  const char *file, int line);
/* t exposed OP_SEND, OP_RECV or OP_SELECT: register its waiters and set
 * its state (and its partners'). */
void chan_expose(wf_engine *e, wf_task *t);
/* ch's early timer was stopped or reset: re-decide its receivers. */
void chan_early_changed(wf_engine *e, wf_chan *ch);
/* Unlink every waiter of t's pending channel op (its op completed). */
void chan_unregister(wf_engine *e, wf_task *t);
/* Perform t's enabled op (OP_SEND, OP_RECV, OP_CLOSE, OP_SELECT). */
step_result chan_send(wf_engine *e, wf_task *t);
step_result chan_recv(wf_engine *e, wf_task *t);
step_result chan_close(wf_engine *e, wf_task *t);
step_result chan_select(wf_engine *e, wf_task *t);
/* A send from outside any task (a timer firing on its channel): buffers v
 * or hands it to a committed receiver; false if it would block. */
bool chan_offer(wf_engine *e, wf_chan *ch, wf_value v);
bool chan_check(const wf_chan *ch);

/* The class of chan objects (engine.h). */
extern const obj_class chan_class;

#endif

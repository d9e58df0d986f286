/* chan.h: Go channels (state, enabledness, perform, misuse panics), and
 * select over them.
 * Owns: wf_chan, its ring buffer and wait queues, in the engine arena.
 * Invariants (chan_check): 1. len <= cap; cap == 0 means len == 0.
 *   2. recvq non-empty => len == 0; sendq non-empty => len == cap.
 *   3. once closed, never reopened, and sendq and recvq are empty.
 *   4. nsent - nrecv == len (sends and receives completed, the sequence
 *      numbers of the Go memory model's channel rules). */
#ifndef WF_CHAN_H
#define WF_CHAN_H

#include "engine.h"

struct wf_chan {
    wf_obj hdr;
    size_t cap, len, head; /* ring buffer of cap values from head */
    wf_value *buf;
    bool closed;
    waitq recvq, sendq; /* parked receivers and senders, FIFO */
    uint64_t nsent, nrecv;
};

/* Go's panic texts (runtime/chan.go). */
#define GO_SEND_CLOSED_CHAN  "send on closed channel"
#define GO_CLOSE_NIL_CHAN    "close of nil channel"
#define GO_CLOSE_CLOSED_CHAN "close of closed channel"

/* A channel of capacity cap, registered with e. */
wf_chan *chan_new(wf_engine *e, const char *name, size_t cap,
                  const char *file, int line);
/* Perform t's pending op (OP_SEND, OP_RECV, OP_CLOSE, OP_SELECT). */
step_result chan_send(wf_engine *e, wf_task *t);
step_result chan_recv(wf_engine *e, wf_task *t);
step_result chan_close(wf_engine *e, wf_task *t);
step_result chan_select(wf_engine *e, wf_task *t);
/* Could a send (recv) on ch proceed now without parking? */
bool chan_send_ready(const wf_chan *ch);
bool chan_recv_ready(const wf_chan *ch);
/* A send from outside any task (a timer firing on its channel): buffers v
 * or hands it to a parked receiver; false if it would block. */
bool chan_offer(wf_engine *e, wf_chan *ch, wf_value v);
bool chan_check(const wf_chan *ch);

#endif

/* await.h: the await check of Go tasks (await.c): a task that polls
 * (an atomic load, a select with default, a TryLock that fails, len of
 * a channel, a Lock and Unlock with only polls between) and comes
 * back to the state it had one to four scheduling points before, having
 * changed nothing, waits until one of the objects it polled is written,
 * instead of spinning through every count of useless iterations.
 * Owns: e->aw and each task's t->aw, in e->mem. The engine calls it only
 * when the front end hashes task states (engine_frontend.task_hash). */
#ifndef WF_AWAIT_H
#define WF_AWAIT_H

#include "engine.h"

/* Before task t performs its pending op (e->cur is t). */
void await_before(wf_engine *e, wf_task *t);
/* After it performed it, with what perform returned. */
void await_after(wf_engine *e, wf_task *t, step_result r);
/* t exposed its next op (expose done): note its state, and make it wait
 * when the state repeats. */
void await_exposed(wf_engine *e, wf_task *t);
/* Object o changed outside any op (a channel's early tick came or
 * went): the tasks awaiting it go on. */
void await_wrote(wf_engine *e, const wf_obj *o);
/* The clock moved and timers fired: every awaiting task goes on. */
void await_timers(wf_engine *e);
/* The execution ended: a task still awaiting a write spins forever
 * (a livelock when no task can run, a leak when main returned); the
 * deadlock and leak findings its wait caused are dropped. */
void await_end(wf_engine *e);

#endif

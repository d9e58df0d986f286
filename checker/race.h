/* race.h: data races by happens-before (vector clocks, FastTrack epochs),
 * following the Go memory model (https://go.dev/ref/mem):
 *   go statement     the spawn happens before the child's first step;
 *   channels         the k-th send happens before the k-th receive
 *                    completes; the k-th receive happens before the
 *                    (k+C)-th send completes (C = capacity; unbuffered:
 *                    the receive happens before the send completes);
 *                    close happens before a receive that observes it;
 *   sync.Mutex       Unlock happens before the next Lock returns;
 *   sync.RWMutex     Unlock before later RLock and Lock; RUnlock before
 *                    the next Lock;
 *   sync.WaitGroup   Done (Add with a negative delta) before the Wait it
 *                    releases returns;
 *   sync.Once        the function's return before every Do returns;
 *   sync/atomic      sequentially consistent: each atomic object is a
 *                    sync variable every operation acquires and releases.
 * Accesses are wf_var reads and writes (EV_READ, EV_WRITE) and, as in Go's
 * race detector, a channel's send (a read of the channel) and close (a
 * write), so a close not ordered with a send is a race.
 * A race is a finding (kind race, error) and does not end the execution;
 * each report names both accesses (task, step, read or write, site) and
 * says what would have ordered them.
 * Owns: per execution, in its own arena: a vector clock per task, a clock
 * per sync object, an epoch pair per variable (read epochs inflate to a
 * read vector only when reads are concurrent), the log of each task's
 * releases (for explanations) and its held locks.
 * Invariants: 1. a task's own entry only grows, by one after each release.
 *   2. a sync clock marked pure equals the clock of its last releaser at
 *   the release, so acquiring it is O(1) when that epoch is known. */
#ifndef WF_RACE_H
#define WF_RACE_H

#include "sim/engine.h"

typedef struct race_checker race_checker;

race_checker *race_new(void);
void race_free(race_checker *r);
/* The consumer to give the engine (borrows r). */
wf_consumer race_consumer(race_checker *r);

#endif

/* atomic.h: sync/atomic on a 64-bit value, sequentially consistent (Go
 * memory model: all atomic operations behave as if executed in one total
 * order, each write synchronized before the reads that observe it).
 * Owns: wf_atomic. */
#ifndef WF_ATOMIC_H
#define WF_ATOMIC_H

#include "engine.h"

struct wf_atomic {
    wf_obj hdr;
    int64_t v;
    /* the plain variable at the same memory location, -1: none. A front
     * end whose atomic functions act on ordinary variables (Go's
     * atomic.AddInt64(&x, 1)) sets it: each atomic op is then also an
     * access of that variable, so a plain access concurrent with it is a
     * race (as Go's race detector reports mixed accesses) and the
     * reduction orders the two. */
    int32_t shadow;
};

wf_atomic *atomic_new(wf_engine *e, const char *name, int64_t v,
                      const char *file, int line);
/* OP_ALOAD, OP_ASTORE, OP_AADD, OP_ASWAP, OP_ACAS. Arithmetic wraps. */
step_result atomic_op(wf_engine *e, wf_task *t);

/* The class of atomic objects (engine.h). */
extern const obj_class atomic_class;

#endif

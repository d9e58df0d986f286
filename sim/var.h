/* var.h: tracked shared variables (wf_var): each read and write is a
 * visible operation the race checker sees.
 * Owns: wf_var. */
#ifndef WF_VAR_H
#define WF_VAR_H

#include "engine.h"

struct wf_var {
    wf_obj hdr;
    wf_value v;
    /* the state word of a Mutex (mutex.h's shadow): a read of it, a copy
     * of the Mutex, is ordered by the search against every Lock and
     * Unlock, the one before it included, so a copy inside a critical
     * section is tried too (a read after an Unlock is otherwise ordered
     * against the Lock alone) */
    bool lockword;
    /* an element of an array: the variable standing for the whole array
     * (the range a copy of the array reads in one access). A write of the
     * element writes the range too, as a counter update does: element
     * writes commute with each other, each conflicts with a copy. NULL:
     * none. */
    struct wf_var *whole;
    /* a Go loop's variable, one for the whole loop (before Go 1.22): a
     * race on it is a closure reading it while the loop moves on */
    bool loopvar;
};

wf_var *var_new(wf_engine *e, const char *name, wf_value v, const char *file,
                int line);
/* OP_READ (result res) or OP_WRITE (val). */
step_result var_access(wf_engine *e, wf_task *t);
/* A write of variable oid by another object's op (the state word of a
 * Mutex, the word of an atomic.Int64, which shadow it): for the search,
 * a write of its array's range too, if it has one (whole). */
void var_range_write(wf_engine *e, int32_t oid);
/* That range's oid, for pending ops: -1 if none. */
int32_t var_range_of(const wf_engine *e, int32_t oid);

/* The class of var objects (engine.h). */
extern const obj_class var_class;

#endif

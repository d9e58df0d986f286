/* native.h: C tasks on their own stacks (SPEC section 7).
 * Owns: the engine's pool of stacks (mmap'd, each below a PROT_NONE guard
 * region, kept across executions and reused) and, per task, a small
 * native_task record in the engine arena.
 * The switch is sim/switch_<arch>.S (callee-saved registers only), or
 * ucontext where no assembly exists or WF_SWITCH_FALLBACK is defined.
 * A task that overflows its stack faults in the guard region; a SIGSEGV
 * handler on an alternate stack turns that into a `panic` finding naming
 * the task and switches back to the scheduler (the task never resumes).
 * Threads: the only process-wide state is the signal handler and the
 * per-thread current engine (_Thread_local, STYLE 3's one exception), as
 * wf_chan_send() and friends take no engine argument. */
#ifndef WF_NATIVE_H
#define WF_NATIVE_H

#include "engine.h"

/* What wf_go and wf_explore pass to engine_spawn for a native task. */
typedef struct native_start {
    void (*fn)(void *);
    void *arg;
} native_start;

extern const task_driver native_driver;

void native_pool_free(native_pool *p);
/* The task calling the C API right now; a call from outside a task prints
 * "weft: error: NAME called outside a task" and exits 2 (SPEC 7). */
wf_task *native_current(const char *api_name);
/* The engine running the calling task (or NULL outside any task). */
wf_engine *native_engine(void);
/* From inside a task: hand t's pending op to the scheduler; returns when
 * the scheduler resumes t. */
void native_yield(wf_task *t);
/* The usable stack of native task t: [*lo, *hi). False when t has none
 * (another driver, or it exited). */
bool native_stack_of(const wf_task *t, uintptr_t *lo, uintptr_t *hi);
/* Which switch this build uses: "x86_64", "aarch64" or "ucontext". */
const char *native_switch_name(void);

#endif

/* sync_int.h: what sync.c (mutexes, rwlocks, spinlocks, the table of
 * objects) shares with sync_wait.c (condition variables, semaphores,
 * barriers): the object records, the mutex helpers a cond wait uses, and
 * the timers of timed waits. */
#ifndef PX_SYNC_INT_H
#define PX_SYNC_INT_H

#include "px.h"

#include <time.h>

#define RA ((uintptr_t)__builtin_return_address(0))

/* The body's first lines of an interposed function: the real one when
 * the caller is not a task of the execution. */
#define ENTER(real_t, name, ...)                                              \
    static real_t real;                                                       \
    px_task *pt = px_enter();                                                 \
    if (!pt) {                                                                \
        if (!real)                                                            \
            real = (real_t)px_real(name);                                     \
        return real(__VA_ARGS__);                                             \
    }

/* A timed wait's timer: fired says it went off before the wait ended. */
typedef struct px_timer {
    timer tm;
    px_task *pt;
    bool fired;
} px_timer;

/* A fresh record for the object at addr (replacing a destroyed one). */
px_sync *px_sync_make(px_task *pt, const void *addr, px_sync_kind k,
                      size_t size, uintptr_t pc);
/* Whether the object of kind k at addr was destroyed (and not made
 * again by an init): used after its destroy. */
bool px_sync_destroyed(const void *addr, px_sync_kind k);
/* Whether the newest object at addr is one of kind k its destroy call
 * ended (not its memory's free): a use now is misuse. */
bool px_sync_ended(const void *addr, px_sync_kind k);
/* The mutex at m for fn (a destroyed one is misuse). */
px_sync *px_mutex_get(px_task *pt, void *m, const char *fn, uintptr_t pc);
static inline wf_mutex *px_mx(const px_sync *s)
{
    return (wf_mutex *)s->obj;
}
static inline bool px_owns(const px_sync *s, const px_task *pt)
{
    return px_mx(s)->locked && px_mx(s)->holder == pt->t;
}

/* A timer for pt at virtual time when, firing fire. */
px_timer *px_timer_arm(px_task *pt, int64_t when,
                       void (*fire)(wf_engine *, timer *));
/* A cond or semaphore wait's timer went off (sync_wait.c). */
void px_cond_timeout(wf_engine *e, timer *tm);
/* A CLOCK_REALTIME deadline in virtual time. */
int64_t px_deadline(const struct timespec *abs);
/* The clock variants' deadline: -1 for a clock that is not one. */
int64_t px_clock_deadline(clockid_t clk, const struct timespec *abs);

#endif

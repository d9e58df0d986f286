// expect: outcomes "ticks 2 stopped\n"
//
// A C11 heartbeat thread: it waits on a condition with cnd_timedwait
// for 100 ms at a time, and on thrd_timedout emits a tick; main, after
// letting two ticks pass (it sleeps 250 ms), sets the stop flag under
// the mutex and signals. The flag is the predicate, checked in a while
// loop, so a wakeup without the flag set goes back to waiting.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t mu;
static cnd_t cv;
static int stop;
static int ticks;

static void deadline_in(struct timespec *ts, long ms)
{
    timespec_get(ts, TIME_UTC);
    ts->tv_sec += ms / 1000;
    ts->tv_nsec += (ms % 1000) * 1000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static int heartbeat(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    while (!stop) {
        struct timespec dl;
        deadline_in(&dl, 100);
        int r = thrd_success;
        while (!stop && r == thrd_success)
            r = cnd_timedwait(&cv, &mu, &dl);
        if (r == thrd_timedout && !stop)
            ticks++;
        else if (r == thrd_error)
            break;
    }
    mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t hb;
    mtx_init(&mu, mtx_plain);
    cnd_init(&cv);
    thrd_create(&hb, heartbeat, NULL);
    struct timespec nap = {0, 250 * 1000000L};
    thrd_sleep(&nap, NULL);
    mtx_lock(&mu);
    stop = 1;
    cnd_signal(&cv);
    mtx_unlock(&mu);
    thrd_join(hb, NULL);
    printf("ticks %d %s\n", ticks, stop ? "stopped" : "running");
    cnd_destroy(&cv);
    mtx_destroy(&mu);
    return 0;
}

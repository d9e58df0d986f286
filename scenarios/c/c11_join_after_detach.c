// expect: panic
//
// C11 threads: a background flusher is detached at start-up ("it will
// run until exit"), and a later shutdown routine, written against the
// old code, joins it to wait for the last flush. Joining a detached
// thread is undefined behaviour (C11 7.26.5.6).
#include <stdio.h>
#include <threads.h>

static mtx_t log_mu;
static int flushed;

static int flusher(void *arg)
{
    int rounds = (int)(long)arg;
    for (int i = 0; i < rounds; i++) {
        mtx_lock(&log_mu);
        flushed++;
        mtx_unlock(&log_mu);
        thrd_yield();
    }
    return 0;
}

static thrd_t flusher_thread;

static int start_logging(void)
{
    if (mtx_init(&log_mu, mtx_plain) != thrd_success)
        return -1;
    if (thrd_create(&flusher_thread, flusher, (void *)2L) != thrd_success)
        return -1;
    return thrd_detach(flusher_thread) == thrd_success ? 0 : -1;
}

static void stop_logging(void)
{
    int rc;
    thrd_join(flusher_thread, &rc);
    mtx_lock(&log_mu);
    printf("flushed %d\n", flushed);
    mtx_unlock(&log_mu);
}

int main(void)
{
    if (start_logging() != 0)
        return 1;
    stop_logging();
    return 0;
}

// expect: race
//
// C11: a stats updater uses mtx_timedlock with a one-second deadline so
// as not to stall, but updates the counter whether or not it got the
// lock; the holder keeps the lock for two seconds while it updates the
// same counter. On thrd_timedout the increment is unprotected: a race.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t mu;
static long hits;

static int holder(void *arg)
{
    (void)arg;
    mtx_lock(&mu);
    thrd_sleep(&(struct timespec){.tv_sec = 2}, NULL);
    hits++;
    mtx_unlock(&mu);
    return 0;
}

static int updater(void *arg)
{
    struct timespec deadline;
    (void)arg;
    thrd_sleep(&(struct timespec){.tv_nsec = 100000000}, NULL);
    timespec_get(&deadline, TIME_UTC);
    deadline.tv_sec += 1;
    int rc = mtx_timedlock(&mu, &deadline);
    hits++;
    if (rc == thrd_success)
        mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t a, b;
    mtx_init(&mu, mtx_timed);
    thrd_create(&a, holder, NULL);
    thrd_create(&b, updater, NULL);
    thrd_join(a, NULL);
    thrd_join(b, NULL);
    printf("hits %ld\n", hits);
    return 0;
}

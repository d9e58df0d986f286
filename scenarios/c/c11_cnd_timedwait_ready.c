// expect: outcomes "got 7\n"
//
// C11: a consumer waits for a value with cnd_timedwait and a TIME_UTC
// deadline five seconds ahead (timespec_get), in a predicate loop; the
// producer delivers after one second (thrd_sleep).
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t mu;
static cnd_t cv;
static int ready, value;

static int producer(void *arg)
{
    (void)arg;
    thrd_sleep(&(struct timespec){.tv_sec = 1}, NULL);
    mtx_lock(&mu);
    value = 7;
    ready = 1;
    cnd_signal(&cv);
    mtx_unlock(&mu);
    return 0;
}

int main(void)
{
    thrd_t t;
    struct timespec deadline;
    int rc = thrd_success;
    mtx_init(&mu, mtx_plain);
    cnd_init(&cv);
    timespec_get(&deadline, TIME_UTC);
    deadline.tv_sec += 5;
    thrd_create(&t, producer, NULL);
    mtx_lock(&mu);
    while (!ready && rc == thrd_success)
        rc = cnd_timedwait(&cv, &mu, &deadline);
    if (ready)
        printf("got %d\n", value);
    else
        printf("timed out (%d)\n", rc);
    mtx_unlock(&mu);
    thrd_join(t, NULL);
    return 0;
}

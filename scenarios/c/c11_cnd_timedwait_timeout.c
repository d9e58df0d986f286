// expect: outcomes "timed out, flag 0\n"
//
// C11: a waiter gives up after two seconds (cnd_timedwait returns
// thrd_timedout) because nobody ever signals; it must hold the mutex
// again when it returns, which the unlock relies on.
#include <stdio.h>
#include <threads.h>
#include <time.h>

static mtx_t mu;
static cnd_t cv;
static int flag;

static int waiter(void *arg)
{
    struct timespec deadline;
    int rc = thrd_success;
    (void)arg;
    timespec_get(&deadline, TIME_UTC);
    deadline.tv_sec += 2;
    mtx_lock(&mu);
    while (!flag && rc == thrd_success)
        rc = cnd_timedwait(&cv, &mu, &deadline);
    int f = flag;
    mtx_unlock(&mu);
    printf("%s, flag %d\n", rc == thrd_timedout ? "timed out" : "woken", f);
    return 0;
}

int main(void)
{
    thrd_t t;
    mtx_init(&mu, mtx_plain | mtx_timed);
    cnd_init(&cv);
    thrd_create(&t, waiter, NULL);
    thrd_join(t, NULL);
    mtx_destroy(&mu);
    cnd_destroy(&cv);
    return 0;
}

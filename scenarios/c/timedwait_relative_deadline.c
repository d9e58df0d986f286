// expect: assert
//
// pthread_cond_timedwait takes an absolute CLOCK_REALTIME deadline; this
// code passes a relative one ("5 seconds"), which is a time in 1970: the
// wait times out at once, and the code that trusts the loop to have seen
// the result asserts on a value that is not there yet.
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int result;

static void *compute(void *arg)
{
    (void)arg;
    usleep(1000);
    pthread_mutex_lock(&mu);
    result = 42;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, compute, NULL);
    struct timespec five_s = {5, 0}; /* BUG: relative, not now + 5s */
    pthread_mutex_lock(&mu);
    int rc = 0;
    while (result == 0 && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&cv, &mu, &five_s);
    assert(result == 42 && "result within 5 seconds");
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    printf("%d\n", result);
    return 0;
}

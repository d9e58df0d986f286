// expect: assert
//
// A waiter gives the worker a one-second deadline and, after one timed
// wait, asserts the work is done, not looking at the return value. The
// worker takes two seconds: the wait times out and the assertion fails.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int done;

static void *worker(void *arg)
{
    (void)arg;
    sleep(2);
    pthread_mutex_lock(&mu);
    done = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec deadline;
    pthread_create(&t, NULL, worker, NULL);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 1;
    pthread_mutex_lock(&mu);
    if (!done)
        pthread_cond_timedwait(&cv, &mu, &deadline);
    assert(done);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    puts("done");
    return 0;
}

// expect: outcomes "signalled before the deadline\n"
//
// A condition variable set to CLOCK_MONOTONIC with
// pthread_condattr_setclock (immune to wall-clock jumps): the waiter's
// deadline is CLOCK_MONOTONIC's now plus two seconds, and the result
// arrives after one.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv;
static int ready;

static void *producer(void *arg)
{
    (void)arg;
    sleep(1);
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&cv, &ca);
    pthread_condattr_destroy(&ca);
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    struct timespec deadline;
    clock_gettime(CLOCK_MONOTONIC, &deadline);
    deadline.tv_sec += 2;
    int rc = 0;
    pthread_mutex_lock(&mu);
    while (!ready && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&cv, &mu, &deadline);
    printf("%s\n", ready ? "signalled before the deadline" : "timed out");
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    pthread_cond_destroy(&cv);
    return 0;
}

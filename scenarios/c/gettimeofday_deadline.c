// expect: outcomes "got 9 before the deadline\n"
//
// Old-style deadline arithmetic from gettimeofday (seconds and
// microseconds, converted to a timespec) for pthread_cond_timedwait; the
// value arrives after half a second, well before the 2 s deadline.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int value;

static void *producer(void *arg)
{
    (void)arg;
    usleep(500000);
    pthread_mutex_lock(&mu);
    value = 9;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timeval now;
    struct timespec deadline;
    pthread_create(&t, NULL, producer, NULL);
    gettimeofday(&now, NULL);
    deadline.tv_sec = now.tv_sec + 2;
    deadline.tv_nsec = now.tv_usec * 1000;
    pthread_mutex_lock(&mu);
    int rc = 0;
    while (value == 0 && rc != ETIMEDOUT)
        rc = pthread_cond_timedwait(&cv, &mu, &deadline);
    printf(value ? "got %d before the deadline\n" : "timed out %d\n", value);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}

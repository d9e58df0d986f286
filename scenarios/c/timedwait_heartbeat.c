// expect: outcomes "heartbeats 3, stopped after 3s\n"
//
// A monitor thread that does a heartbeat every second: it waits on a
// condition variable with an absolute deadline (CLOCK_REALTIME + 1s),
// and on ETIMEDOUT beats and computes the next deadline; main stops it
// after 3.5 seconds by setting a flag and signalling.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int stop, beats;

static void *monitor(void *arg)
{
    (void)arg;
    struct timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    pthread_mutex_lock(&mu);
    while (!stop) {
        deadline.tv_sec += 1;
        int rc = 0;
        while (!stop && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&cv, &mu, &deadline);
        if (rc == ETIMEDOUT && !stop)
            beats++;
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_create(&t, NULL, monitor, NULL);
    usleep(3500000);
    pthread_mutex_lock(&mu);
    stop = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("heartbeats %d, stopped after %lds\n", beats, (long)(end.tv_sec - start.tv_sec));
    return 0;
}

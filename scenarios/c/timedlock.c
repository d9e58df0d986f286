// expect: outcomes "locked at 0 ms\n" "ETIMEDOUT at 2000 ms\n"
//
// pthread_mutex_timedlock on virtual time, measured with clock_gettime:
// when the holder (who keeps the mutex 5 s) got it first, the lock times
// out at its deadline, exactly 2 s later on CLOCK_MONOTONIC (and no real
// time passes); when main got it first, at once.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *holder(void *arg)
{
    pthread_mutex_lock(&m);
    sleep(5);
    pthread_mutex_unlock(&m);
    return arg;
}

int main(void)
{
    pthread_t t;
    struct timespec start, deadline, end;
    long ms;
    int r;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_create(&t, NULL, holder, NULL);
    clock_gettime(CLOCK_REALTIME, &deadline);
    deadline.tv_sec += 2;
    r = pthread_mutex_timedlock(&m, &deadline);
    clock_gettime(CLOCK_MONOTONIC, &end);
    ms = (end.tv_sec - start.tv_sec) * 1000 +
         (end.tv_nsec - start.tv_nsec) / 1000000;
    printf("%s at %ld ms\n", r == 0 ? "locked" : r == ETIMEDOUT ? "ETIMEDOUT" : "?", ms);
    if (r == 0)
        pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    return 0;
}

// expect: outcomes "timedlock by owner: EDEADLK at once\n"
//
// pthread_mutex_timedlock on an error-checking mutex the caller holds
// fails with EDEADLK at once (it does not wait out the deadline, as a
// normal mutex would).
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

int main(void)
{
    pthread_mutex_t mu;
    pthread_mutexattr_t a;
    struct timespec t0, deadline, t1;
    pthread_mutexattr_init(&a);
    pthread_mutexattr_settype(&a, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_init(&mu, &a);
    pthread_mutex_lock(&mu);
    clock_gettime(CLOCK_REALTIME, &t0);
    deadline = t0;
    deadline.tv_sec += 3;
    int rc = pthread_mutex_timedlock(&mu, &deadline);
    clock_gettime(CLOCK_REALTIME, &t1);
    printf("timedlock by owner: %s %s\n", rc == EDEADLK ? "EDEADLK" : "other",
           t1.tv_sec - t0.tv_sec < 1 ? "at once" : "after the deadline");
    pthread_mutex_unlock(&mu);
    pthread_mutex_destroy(&mu);
    return 0;
}

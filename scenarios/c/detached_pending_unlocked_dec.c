// expect: race deadlock leak
//
// Detached jobs with a pending count and a condition to wait on, but
// each job decrements the count before taking the mutex (it takes the
// mutex only to signal): two jobs' decrements race, and main's check of
// the count under the mutex is not ordered with them either. A lost
// decrement leaves the count above zero: main waits forever, or (the
// last decrement seen early) returns while a job still runs.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int pending;
static int results[2];

static void *job(void *arg)
{
    int id = (int)(long)arg;
    results[id] = id * 10;
    int left = --pending; /* outside the lock */
    pthread_mutex_lock(&mu);
    if (left == 0)
        pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pending = 2;
    for (long i = 0; i < 2; i++) {
        pthread_t t;
        if (pthread_create(&t, &attr, job, (void *)i) != 0)
            return 1;
    }
    pthread_attr_destroy(&attr);
    pthread_mutex_lock(&mu);
    while (pending > 0)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    printf("%d %d\n", results[0], results[1]);
    return 0;
}

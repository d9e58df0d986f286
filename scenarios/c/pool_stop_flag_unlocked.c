// expect: race deadlock
//
// The same pool, but shutdown sets the flag and broadcasts without taking
// the pool's mutex: the flag is a data race with the workers' reads, and
// a worker that has just seen "no job, not stopping" under the lock, and
// not yet slept, misses the broadcast and sleeps forever (main's join
// then waits for it).
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define WORKERS 2

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int jobs[4], njobs, stop, done;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (;;) {
        while (njobs == 0 && !stop)
            pthread_cond_wait(&cv, &mu);
        if (njobs == 0)
            break;
        done += jobs[--njobs];
    }
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    for (int i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    pthread_mutex_lock(&mu);
    jobs[njobs++] = 1;
    jobs[njobs++] = 2;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    stop = 1; /* BUG: not under mu */
    pthread_cond_broadcast(&cv);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    printf("done %d\n", done);
    return 0;
}

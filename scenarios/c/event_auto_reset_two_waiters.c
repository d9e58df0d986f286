// expect: deadlock
//
// An auto-reset event (the waiter that sees it set clears it, as a
// Windows-style event) used as a start signal for two workers: event_set
// is called once, so only one worker gets through and the other waits
// forever; main's join of it never returns.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int signalled, started;

static void event_wait(void)
{
    pthread_mutex_lock(&mu);
    while (!signalled)
        pthread_cond_wait(&cv, &mu);
    signalled = 0; /* auto reset */
    started++;
    pthread_mutex_unlock(&mu);
}

static void event_set(void)
{
    pthread_mutex_lock(&mu);
    signalled = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
}

static void *worker(void *arg)
{
    (void)arg;
    event_wait();
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    event_set();
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    printf("started %d\n", started);
    return 0;
}

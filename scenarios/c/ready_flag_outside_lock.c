// expect: deadlock race
//
// The producer sets the ready flag without holding the mutex, then
// signals. The consumer can test the flag (0), the producer set it and
// signal with nobody waiting, and the consumer then wait for good: a lost
// wakeup, and the unlocked write is a data race as well.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *producer(void *arg)
{
    (void)arg;
    ready = 1;
    pthread_cond_signal(&cv);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, producer, NULL);
    pthread_mutex_lock(&mu);
    while (!ready)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    puts("ready");
    return 0;
}

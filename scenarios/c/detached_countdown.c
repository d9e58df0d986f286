// expect: outcomes "all 3 detached tasks finished, total 6\n"
//
// Fire-and-forget workers: each is detached right after creation, and
// main waits for them through a counter under a mutex and a condition
// variable (a countdown latch), since it cannot join them.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t all_done = PTHREAD_COND_INITIALIZER;
static int pending, total;

static void *task(void *arg)
{
    int v = (int)(long)arg;
    pthread_mutex_lock(&mu);
    total += v;
    if (--pending == 0)
        pthread_cond_signal(&all_done);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pending = 3;
    for (long i = 1; i <= 3; i++) {
        pthread_t t;
        pthread_create(&t, &attr, task, (void *)i);
    }
    pthread_attr_destroy(&attr);
    pthread_mutex_lock(&mu);
    while (pending > 0)
        pthread_cond_wait(&all_done, &mu);
    printf("all 3 detached tasks finished, total %d\n", total);
    pthread_mutex_unlock(&mu);
    return 0;
}

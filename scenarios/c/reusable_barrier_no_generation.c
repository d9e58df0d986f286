// expect: deadlock
//
// A home-made reusable barrier (mutex + cond) without a generation
// number: waiters sleep while the count is not back to 0. A fast thread
// that passes and arrives at the next round bumps the count again before
// the slow one wakes, which then sleeps on, and so does the fast one.
#include <pthread.h>
#include <stdio.h>

#define N 2

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int count;

static void barrier(void)
{
    pthread_mutex_lock(&mu);
    if (++count == N) {
        count = 0;
        pthread_cond_broadcast(&cv);
    } else {
        while (count != 0)
            pthread_cond_wait(&cv, &mu);
    }
    pthread_mutex_unlock(&mu);
}

static void *worker(void *arg)
{
    (void)arg;
    for (int round = 0; round < 2; round++)
        barrier();
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("done");
    return 0;
}

// expect: deadlock
//
// The barrier is sized for the number of threads plus main, but main
// never waits on it: the workers wait for a third arrival that never
// comes, and main waits in join.
#include <pthread.h>
#include <stdio.h>

#define WORKERS 2

static pthread_barrier_t start;

static void *worker(void *arg)
{
    pthread_barrier_wait(&start);
    printf("worker %ld\n", (long)arg);
    return NULL;
}

int main(void)
{
    pthread_t t[WORKERS];
    pthread_barrier_init(&start, NULL, WORKERS + 1);
    for (long i = 0; i < WORKERS; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < WORKERS; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&start);
    return 0;
}

// expect: race
//
// A 1-D relaxation: each thread writes its own cell of `next`, and should
// wait at the barrier before reading its neighbour's. Here the neighbour
// is read before the barrier (to "overlap" work): a data race with the
// neighbour's write of the same round.
#include <pthread.h>
#include <stdio.h>

#define N 3

static double cur[N] = {0, 30, 60}, next[N];
static pthread_barrier_t bar;

static void *cell(void *arg)
{
    int i = (int)(long)arg;
    next[i] = cur[i] / 2;
    double right = next[(i + 1) % N]; /* BUG: before the barrier */
    pthread_barrier_wait(&bar);
    cur[i] = next[i] + right / 4;
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    pthread_barrier_init(&bar, NULL, N);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, cell, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%.1f %.1f %.1f\n", cur[0], cur[1], cur[2]);
    pthread_barrier_destroy(&bar);
    return 0;
}

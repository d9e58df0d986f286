// expect: race
//
// Two threads run rounds of a stencil: read the neighbour's cell, wait at
// the barrier, write their own. One barrier a round is not enough: a
// thread that passes it and starts the next round reads its neighbour's
// cell while the neighbour is still writing this round's value.
#include <pthread.h>
#include <stdio.h>

#define ROUNDS 2

static pthread_barrier_t bar;
static int cell[2] = {1, 2};

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    for (int r = 0; r < ROUNDS; r++) {
        int other = cell[1 - me];
        pthread_barrier_wait(&bar);
        cell[me] = other + 1;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    pthread_barrier_init(&bar, NULL, 2);
    for (long i = 0; i < 2; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < 2; i++)
        pthread_join(t[i], NULL);
    pthread_barrier_destroy(&bar);
    printf("%d %d\n", cell[0], cell[1]);
    return 0;
}

// expect: outcomes "3 4\n"
//
// The stencil with a second barrier a round, after the writes: no thread
// reads a cell of round r+1 before both have written round r's.
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
        pthread_barrier_wait(&bar);
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

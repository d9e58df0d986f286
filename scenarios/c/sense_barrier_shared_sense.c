// expect: race
//
// A counting barrier reused without sense reversal: the last thread
// resets the count and raises a "go" flag that is never lowered for the
// next round. In round two the threads that arrive early see "go" still
// set and run on before the others wrote their slots: the reads of the
// slots race with the late writers.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define N 2
static atomic_int count = N, go;
static int slot[N], seen[N];

static void barrier(void)
{
    if (atomic_fetch_sub(&count, 1) == 1) {
        atomic_store(&count, N);
        atomic_store(&go, 1);
    } else {
        while (!atomic_load(&go))
            ;
    }
}

static void *worker(void *arg)
{
    int me = (int)(long)arg;
    for (int round = 1; round <= 2; round++) {
        slot[me] = round * (me + 1);
        barrier();
        int s = 0;
        for (int k = 0; k < N; k++)
            s += slot[k];
        seen[me] += s;
    }
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%d %d\n", seen[0], seen[1]);
    return 0;
}

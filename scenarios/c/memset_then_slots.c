// expect: ok
//
// main clears an array of per-thread counters with one memset (8-byte
// stores, each covering two counters), then every worker increments its
// own counter. Workers touch disjoint bytes, so there is no race, though
// each counter shares an 8-byte word with its neighbour and with the
// memset's stores: the memset's access must not make the neighbours meet.
#include <pthread.h>
#include <string.h>

#define N 4

static int counts[N];

static void *worker(void *arg)
{
    long i = (long)arg;
    for (int k = 0; k < 2; k++)
        counts[i]++;
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    memset(counts, 0, sizeof counts);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    return counts[0] + counts[1] + counts[2] + counts[3] == 2 * N ? 0 : 1;
}

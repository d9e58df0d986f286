// expect: race
//
// memset_then_slots with the clearing moved into the first worker: its
// memset now overlaps the other workers' counters unordered, a race,
// though each of them touches only its own 4 bytes of an 8-byte word the
// memset wrote whole.
#include <pthread.h>
#include <string.h>

#define N 2

static int counts[N];

static void *worker(void *arg)
{
    long i = (long)arg;
    if (i == 0)
        memset(counts, 0, sizeof counts); /* the bug: unordered */
    counts[i]++;
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    return 0;
}

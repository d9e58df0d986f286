// expect: outcomes "events 12 max 6\n"
//
// Statistics counters bumped with relaxed atomic read-modify-writes
// (no ordering needed: nothing else is published through them), and a
// relaxed CAS loop keeping the maximum. main reads them after joining
// every thread, which orders all the updates before the reads.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_long events;
static atomic_int max_batch;

static void note_batch(int n)
{
    atomic_fetch_add_explicit(&events, n, memory_order_relaxed);
    int cur = atomic_load_explicit(&max_batch, memory_order_relaxed);
    while (n > cur &&
           !atomic_compare_exchange_weak_explicit(&max_batch, &cur, n,
                                                  memory_order_relaxed,
                                                  memory_order_relaxed))
        ;
}

static void *ingest(void *arg)
{
    const int *batches = arg;
    for (int i = 0; batches[i] != 0; i++)
        note_batch(batches[i]);
    return NULL;
}

int main(void)
{
    static const int a[] = {2, 6, 0};
    static const int b[] = {1, 3, 0};
    pthread_t t1, t2;
    pthread_create(&t1, NULL, ingest, (void *)a);
    pthread_create(&t2, NULL, ingest, (void *)b);
    pthread_join(t1, NULL);
    pthread_join(t2, NULL);
    printf("events %ld max %d\n",
           atomic_load_explicit(&events, memory_order_relaxed),
           atomic_load_explicit(&max_batch, memory_order_relaxed));
    return 0;
}

// expect: race
//
// Peterson's algorithm with relaxed atomics: each load and store is
// atomic, but relaxed operations order nothing, so the counter in the
// critical section is a data race (C11 gives no mutual exclusion here).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag[2], turn;
static int counter;

static void *worker(void *arg)
{
    int me = (int)(long)arg, other = 1 - me;
    atomic_store_explicit(&flag[me], 1, memory_order_relaxed);
    atomic_store_explicit(&turn, other, memory_order_relaxed);
    while (atomic_load_explicit(&flag[other], memory_order_relaxed) &&
           atomic_load_explicit(&turn, memory_order_relaxed) == other)
        ;
    counter++;
    atomic_store_explicit(&flag[me], 0, memory_order_relaxed);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", counter);
    return 0;
}

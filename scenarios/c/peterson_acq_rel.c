// expect: ok
//
// Peterson's lock with release stores and acquire loads. Under C11 (and
// on x86, whose store buffer lets a load pass an earlier store to
// another location) each thread may read the other's flag as 0 before
// its own store is visible: both enter, and the counter loses updates.
// Sequentially consistent interleavings never show it (release/acquire
// then orders the critical sections): weft finds nothing, and its
// summary says the search covered only sequentially consistent ones.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag[2], turn;
static int counter;

static void *worker(void *arg)
{
    int me = (int)(long)arg, other = 1 - me;
    atomic_store_explicit(&flag[me], 1, memory_order_release);
    atomic_store_explicit(&turn, other, memory_order_release);
    while (atomic_load_explicit(&flag[other], memory_order_acquire) &&
           atomic_load_explicit(&turn, memory_order_acquire) == other)
        ;
    counter++;
    atomic_store_explicit(&flag[me], 0, memory_order_release);
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

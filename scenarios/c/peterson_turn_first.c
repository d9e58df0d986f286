// expect: assert
//
// Peterson's algorithm with two statements swapped: the thread gives the
// turn away before raising its flag. Both threads can then find the
// other's flag down and enter together, even with seq_cst atomics; an
// occupancy counter catches it. (Native runs and TSan never hit the
// interleaving.)
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag[2], turn, inside;

static void *worker(void *arg)
{
    int me = (int)(long)arg, other = 1 - me;
    atomic_store(&turn, other);
    atomic_store(&flag[me], 1);
    while (atomic_load(&flag[other]) && atomic_load(&turn) == other)
        ;
    assert(atomic_fetch_add(&inside, 1) == 0);
    atomic_fetch_sub(&inside, 1);
    atomic_store(&flag[me], 0);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)0L);
    pthread_create(&b, NULL, worker, (void *)1L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    puts("done");
    return 0;
}

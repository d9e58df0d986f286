// expect: race
//
// Message passing through a relaxed flag: the reader may see the flag set
// and still read the payload without a happens-before edge (C11 7.17.3:
// a relaxed store and load synchronize nothing), so the plain accesses to
// data race, whatever order the interleaving shows.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    if (atomic_load_explicit(&ready, memory_order_relaxed))
        printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_store_explicit(&ready, 1, memory_order_relaxed);
    pthread_join(t, NULL);
    return 0;
}

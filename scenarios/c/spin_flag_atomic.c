// expect: outcomes "42\n"
//
// Message passing: a thread spins on an atomic flag until the writer sets
// it, then reads the data the writer published before. The flag orders
// the plain accesses (no race), and weft explores the spin as a wait for
// the flag to change, not as every count of useless iterations.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    while (!atomic_load(&ready))
        ;
    printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_store(&ready, 1);
    pthread_join(t, NULL);
    return 0;
}

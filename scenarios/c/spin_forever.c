// expect: livelock
//
// A thread waits for a flag it read once into a local: when it read 0 it
// spins forever without touching shared memory again. weft sees its state
// repeat and reports the livelock.
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;

static void *waiter(void *arg)
{
    int seen = atomic_load(&flag); /* the bug: read once */
    while (!seen)
        ;
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    atomic_store(&flag, 1);
    pthread_join(t, NULL);
    return 0;
}

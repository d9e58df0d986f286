// expect: panic race
//
// A producer publishes a freshly allocated slot through an atomic pointer
// and then frees it, thinking the consumer is done with it; the consumer
// loads the pointer (acquire) and writes through it. Nothing orders the
// free with that write: the free races with it, and where the write comes
// second it lands in freed memory (a heap-use-after-free). The consumer
// touches no word of the slot before the free, so the free must stand for
// the whole block, not only the words someone touched already.
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static _Atomic(int *) slot;

static void *producer(void *arg)
{
    int *p = malloc(sizeof *p);
    atomic_store_explicit(&slot, p, memory_order_release);
    free(p); /* the bug: the consumer may still use it */
    return arg;
}

static void *consumer(void *arg)
{
    int *r = atomic_load_explicit(&slot, memory_order_acquire);
    if (r)
        *r = 18;
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, producer, NULL);
    pthread_create(&b, NULL, consumer, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    return 0;
}

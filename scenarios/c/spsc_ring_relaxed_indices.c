// expect: race
//
// A single-producer single-consumer ring whose head and tail are atomics
// but loaded and stored relaxed: the consumer sees the producer's new
// tail without a happens-before edge to the slot the producer wrote, so
// the plain slot read races with the write (the acquire/release pair on
// the indices is what orders them).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define CAP 4
static int ring[CAP];
static atomic_uint head, tail;

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 3; i++) {
        unsigned t = atomic_load_explicit(&tail, memory_order_relaxed);
        while (t - atomic_load_explicit(&head, memory_order_relaxed) == CAP)
            ;
        ring[t % CAP] = i;
        atomic_store_explicit(&tail, t + 1, memory_order_relaxed);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int *sum = arg;
    for (int i = 0; i < 3; i++) {
        unsigned h = atomic_load_explicit(&head, memory_order_relaxed);
        while (atomic_load_explicit(&tail, memory_order_relaxed) == h)
            ;
        *sum += ring[h % CAP];
        atomic_store_explicit(&head, h + 1, memory_order_relaxed);
    }
    return NULL;
}

int main(void)
{
    int sum = 0;
    pthread_t p, c;
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, &sum);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("%d\n", sum);
    return 0;
}

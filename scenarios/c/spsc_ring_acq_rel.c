// expect: outcomes "sum 21\n"
// weft: --preemptions 2
//
// A lock-free single-producer single-consumer ring: the producer writes
// the cell then publishes the new head with a release store, the
// consumer reads the head with acquire, the cell, and releases the slot
// with a release store of the tail. The cells are plain memory.
#include <stdatomic.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

#define CAP 2
#define N 6

static int cells[CAP];
static atomic_uint head, tail;

static void *producer(void *arg)
{
    (void)arg;
    for (int v = 1; v <= N; v++) {
        unsigned h = atomic_load_explicit(&head, memory_order_relaxed);
        while (h - atomic_load_explicit(&tail, memory_order_acquire) == CAP)
            sched_yield();
        cells[h % CAP] = v;
        atomic_store_explicit(&head, h + 1, memory_order_release);
    }
    return NULL;
}

int main(void)
{
    pthread_t p;
    pthread_create(&p, NULL, producer, NULL);
    int sum = 0;
    for (int i = 0; i < N; i++) {
        unsigned t = atomic_load_explicit(&tail, memory_order_relaxed);
        while (atomic_load_explicit(&head, memory_order_acquire) == t)
            sched_yield();
        sum += cells[t % CAP];
        atomic_store_explicit(&tail, t + 1, memory_order_release);
    }
    pthread_join(p, NULL);
    printf("sum %d\n", sum);
    return 0;
}

// expect: livelock race
// weft: --preemptions 1
//
// Dmitry Vyukov's bounded MPMC queue: each cell carries a sequence number;
// a producer claims position pos when the cell's sequence equals pos
// (CAS on the enqueue index), writes the plain payload, and publishes it
// with a release store of pos+1; a consumer claims when the sequence is
// pos+1, reads the payload, and frees the cell for the next lap with
// pos+capacity. With capacity 1 that breaks: a full cell's sequence
// (pos+1) is what the next producer, at pos+1, takes for a free cell, so
// the second producer overwrites the unread value (a race on the plain
// payload with the consumer reading it) and a consumer then waits
// forever for a value that is gone (the queue needs capacity 2 or more).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

#define CAP 1
struct cell { atomic_size_t seq; int data; };
static struct cell buf[CAP];
static atomic_size_t enq_pos, deq_pos;
static atomic_int sum, count;

static int try_push(int v)
{
    size_t pos = atomic_load_explicit(&enq_pos, memory_order_relaxed);
    for (;;) {
        struct cell *c = &buf[pos % CAP];
        size_t seq = atomic_load_explicit(&c->seq, memory_order_acquire);
        long dif = (long)seq - (long)pos;
        if (dif == 0) {
            if (atomic_compare_exchange_weak_explicit(&enq_pos, &pos, pos + 1,
                    memory_order_relaxed, memory_order_relaxed)) {
                c->data = v;
                atomic_store_explicit(&c->seq, pos + 1, memory_order_release);
                return 1;
            }
        } else if (dif < 0) {
            return 0;
        } else {
            pos = atomic_load_explicit(&enq_pos, memory_order_relaxed);
        }
    }
}

static int try_pop(int *v)
{
    size_t pos = atomic_load_explicit(&deq_pos, memory_order_relaxed);
    for (;;) {
        struct cell *c = &buf[pos % CAP];
        size_t seq = atomic_load_explicit(&c->seq, memory_order_acquire);
        long dif = (long)seq - (long)(pos + 1);
        if (dif == 0) {
            if (atomic_compare_exchange_weak_explicit(&deq_pos, &pos, pos + 1,
                    memory_order_relaxed, memory_order_relaxed)) {
                *v = c->data;
                atomic_store_explicit(&c->seq, pos + CAP, memory_order_release);
                return 1;
            }
        } else if (dif < 0) {
            return 0;
        } else {
            pos = atomic_load_explicit(&deq_pos, memory_order_relaxed);
        }
    }
}

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    while (!try_push(base))
        ;
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    int v;
    while (!try_pop(&v))
        ;
    atomic_fetch_add(&sum, v);
    atomic_fetch_add(&count, 1);
    return NULL;
}

int main(void)
{
    for (size_t i = 0; i < CAP; i++)
        atomic_init(&buf[i].seq, i);
    pthread_t p[2], c[2];
    pthread_create(&p[0], NULL, producer, (void *)1L);
    pthread_create(&p[1], NULL, producer, (void *)3L);
    pthread_create(&c[0], NULL, consumer, NULL);
    pthread_create(&c[1], NULL, consumer, NULL);
    for (int i = 0; i < 2; i++) {
        pthread_join(p[i], NULL);
        pthread_join(c[i], NULL);
    }
    printf("sum %d count %d\n", atomic_load(&sum), atomic_load(&count));
    return 0;
}

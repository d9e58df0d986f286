// expect: outcomes "consumed 2 total 3\n"
// weft: --preemptions 1
//
// A bounded ring shared by a producer and two consumers. Both
// conditions are broadcast (a put can make any consumer runnable), and
// every waiter rechecks its predicate in a while loop, so a consumer
// woken when another took the item goes back to sleep. Consumers stop
// at a sentinel (0), one per consumer, put after the producer ends.
#include <pthread.h>
#include <stdio.h>

#define CAP 2
#define ITEMS 2

struct ring {
    int slots[CAP];
    unsigned head, tail, count;
    pthread_mutex_t mu;
    pthread_cond_t not_full, not_empty;
};

static struct ring r = {
    .mu = PTHREAD_MUTEX_INITIALIZER,
    .not_full = PTHREAD_COND_INITIALIZER,
    .not_empty = PTHREAD_COND_INITIALIZER,
};

static void ring_put(struct ring *q, int v)
{
    pthread_mutex_lock(&q->mu);
    while (q->count == CAP)
        pthread_cond_wait(&q->not_full, &q->mu);
    q->slots[q->tail] = v;
    q->tail = (q->tail + 1) % CAP;
    q->count++;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static int ring_get(struct ring *q)
{
    pthread_mutex_lock(&q->mu);
    while (q->count == 0)
        pthread_cond_wait(&q->not_empty, &q->mu);
    int v = q->slots[q->head];
    q->head = (q->head + 1) % CAP;
    q->count--;
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->mu);
    return v;
}

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    for (int i = 1; i <= ITEMS; i++)
        ring_put(&r, base + i);
    return NULL;
}

struct consumer_result {
    int items;
    int total;
};

static void *consumer(void *arg)
{
    struct consumer_result *res = arg;
    for (;;) {
        int v = ring_get(&r);
        if (v == 0)
            break;
        res->items++;
        res->total += v;
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c[2];
    struct consumer_result res[2] = {{0, 0}, {0, 0}};
    for (int i = 0; i < 2; i++)
        pthread_create(&c[i], NULL, consumer, &res[i]);
    pthread_create(&p, NULL, producer, (void *)0L);
    pthread_join(p, NULL);
    ring_put(&r, 0);
    ring_put(&r, 0);
    for (int i = 0; i < 2; i++)
        pthread_join(c[i], NULL);
    printf("consumed %d total %d\n", res[0].items + res[1].items,
           res[0].total + res[1].total);
    return 0;
}

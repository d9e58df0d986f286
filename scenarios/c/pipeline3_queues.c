// expect: outcomes "squares 5 of 2 numbers\n"
//
// A three-stage pipeline: a generator thread produces numbers, a worker
// squares them, and a collector sums them. Each pair of stages shares a
// bounded queue (mutex plus two condition variables); -1 travels down
// the pipeline as the end marker and each stage passes it on before it
// returns.
#include <pthread.h>
#include <stdio.h>

#define QCAP 1

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    int items[QCAP];
    int head, count;
};

#define QUEUE_INIT                                                          \
    {                                                                      \
        PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,               \
            PTHREAD_COND_INITIALIZER, {0}, 0, 0                            \
    }

static struct queue q1 = QUEUE_INIT, q2 = QUEUE_INIT;
static long total;
static int counted;

static void put(struct queue *q, int v)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == QCAP)
        pthread_cond_wait(&q->not_full, &q->lock);
    q->items[(q->head + q->count) % QCAP] = v;
    q->count++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

static int get(struct queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == 0)
        pthread_cond_wait(&q->not_empty, &q->lock);
    int v = q->items[q->head];
    q->head = (q->head + 1) % QCAP;
    q->count--;
    pthread_cond_signal(&q->not_full);
    pthread_mutex_unlock(&q->lock);
    return v;
}

static void *generator(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 2; i++)
        put(&q1, i);
    put(&q1, -1);
    return NULL;
}

static void *squarer(void *arg)
{
    (void)arg;
    for (;;) {
        int v = get(&q1);
        put(&q2, v < 0 ? v : v * v);
        if (v < 0)
            return NULL;
    }
}

static void *collector(void *arg)
{
    (void)arg;
    for (int v; (v = get(&q2)) >= 0;) {
        total += v;
        counted++;
    }
    return NULL;
}

int main(void)
{
    pthread_t g, s, c;
    pthread_create(&c, NULL, collector, NULL);
    pthread_create(&s, NULL, squarer, NULL);
    pthread_create(&g, NULL, generator, NULL);
    pthread_join(g, NULL);
    pthread_join(s, NULL);
    pthread_join(c, NULL);
    printf("squares %ld of %d numbers\n", total, counted);
    return 0;
}

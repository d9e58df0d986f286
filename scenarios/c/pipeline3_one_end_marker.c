// expect: deadlock
//
// The three-stage pipeline with the middle stage scaled out to two
// squaring threads. The generator still sends a single end marker: the
// squarer that takes it forwards it and returns, the collector returns
// after it, and the other squarer waits on an empty queue forever (main's
// join on it never returns).
#include <pthread.h>
#include <stdio.h>

#define QCAP 1

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    int items[QCAP];
    int head, count;
};

static struct queue q1 = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                          PTHREAD_COND_INITIALIZER, {0}, 0, 0};
static struct queue q2 = {PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER,
                          PTHREAD_COND_INITIALIZER, {0}, 0, 0};
static long total;

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
    put(&q1, -1); /* BUG: one marker per squarer is needed */
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
    for (int v; (v = get(&q2)) >= 0;)
        total += v;
    return NULL;
}

int main(void)
{
    pthread_t g, s[2], c;
    pthread_create(&c, NULL, collector, NULL);
    for (int i = 0; i < 2; i++)
        pthread_create(&s[i], NULL, squarer, NULL);
    pthread_create(&g, NULL, generator, NULL);
    pthread_join(g, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(s[i], NULL);
    pthread_join(c, NULL);
    printf("total %ld\n", total);
    return 0;
}

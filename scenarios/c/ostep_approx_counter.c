// expect: ok
//
// OSTEP, Lock-based Concurrent Data Structures: the approximate (sloppy)
// counter. Each thread counts under its CPU's local lock and moves its
// local count into the global one, under the global lock, every
// THRESHOLD updates; get() reads the global count under its lock. After
// the threads flush and are joined the global count is exact.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

#define NCPU 2
#define THRESHOLD 2
#define UPDATES 3

typedef struct {
    int global;
    pthread_mutex_t glock;
    int local[NCPU];
    pthread_mutex_t llock[NCPU];
    int threshold;
} counter_t;

static counter_t c;

static void init(counter_t *c, int threshold)
{
    c->threshold = threshold;
    c->global = 0;
    pthread_mutex_init(&c->glock, NULL);
    for (int i = 0; i < NCPU; i++) {
        c->local[i] = 0;
        pthread_mutex_init(&c->llock[i], NULL);
    }
}

static void update(counter_t *c, int cpu, int amt)
{
    pthread_mutex_lock(&c->llock[cpu]);
    c->local[cpu] += amt;
    if (c->local[cpu] >= c->threshold) {
        pthread_mutex_lock(&c->glock);
        c->global += c->local[cpu];
        pthread_mutex_unlock(&c->glock);
        c->local[cpu] = 0;
    }
    pthread_mutex_unlock(&c->llock[cpu]);
}

static int get(counter_t *c)
{
    pthread_mutex_lock(&c->glock);
    int val = c->global;
    pthread_mutex_unlock(&c->glock);
    return val; /* approximate while threads run */
}

static void flush(counter_t *c, int cpu)
{
    pthread_mutex_lock(&c->llock[cpu]);
    pthread_mutex_lock(&c->glock);
    c->global += c->local[cpu];
    c->local[cpu] = 0;
    pthread_mutex_unlock(&c->glock);
    pthread_mutex_unlock(&c->llock[cpu]);
}

static void *worker(void *arg)
{
    int cpu = (int)(long)arg;
    for (int i = 0; i < UPDATES; i++)
        update(&c, cpu, 1);
    assert(get(&c) <= NCPU * UPDATES);
    flush(&c, cpu);
    return NULL;
}

int main(void)
{
    pthread_t t[NCPU];
    init(&c, THRESHOLD);
    for (long i = 0; i < NCPU; i++)
        pthread_create(&t[i], NULL, worker, (void *)i);
    for (int i = 0; i < NCPU; i++)
        pthread_join(t[i], NULL);
    assert(get(&c) == NCPU * UPDATES);
    printf("%d\n", get(&c));
    return 0;
}

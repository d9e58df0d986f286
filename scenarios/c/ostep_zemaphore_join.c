// expect: ok
//
// OSTEP, Semaphores, Figure 31.17: a semaphore built from a lock and a
// condition variable (Zemaphore), used as in Figure 31.6 for a parent to
// wait for its child (initial value 0: the child posts when done).
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

typedef struct {
    int value;
    pthread_cond_t cond;
    pthread_mutex_t lock;
} zem_t;

static void zem_init(zem_t *s, int value)
{
    s->value = value;
    pthread_cond_init(&s->cond, NULL);
    pthread_mutex_init(&s->lock, NULL);
}

static void zem_wait(zem_t *s)
{
    pthread_mutex_lock(&s->lock);
    while (s->value <= 0)
        pthread_cond_wait(&s->cond, &s->lock);
    s->value--;
    pthread_mutex_unlock(&s->lock);
}

static void zem_post(zem_t *s)
{
    pthread_mutex_lock(&s->lock);
    s->value++;
    pthread_cond_signal(&s->cond);
    pthread_mutex_unlock(&s->lock);
}

static zem_t s;
static int result;

static void *child(void *arg)
{
    result = 42;
    zem_post(&s);
    return arg;
}

int main(void)
{
    pthread_t c;
    zem_init(&s, 0);
    pthread_create(&c, NULL, child, NULL);
    zem_wait(&s); /* the child may run first, or not */
    assert(result == 42);
    printf("parent: end %d\n", result);
    pthread_detach(c);
    return 0;
}

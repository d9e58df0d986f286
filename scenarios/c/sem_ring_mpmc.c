// expect: outcomes "consumed 2 sum 4\n"
//
// A bounded buffer with counting semaphores: `slots` counts free cells,
// `items` filled ones, and a mutex guards the ring's indices because
// there are two producers.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CAP 1
#define PER 1

static int ring[CAP], in, out;
static sem_t slots, items;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int consumed, sum;

static void *producer(void *arg)
{
    int base = (int)(long)arg;
    for (int i = 1; i <= PER; i++) {
        sem_wait(&slots);
        pthread_mutex_lock(&mu);
        ring[in] = base + i;
        in = (in + 1) % CAP;
        pthread_mutex_unlock(&mu);
        sem_post(&items);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < 2 * PER; i++) {
        sem_wait(&items);
        pthread_mutex_lock(&mu);
        int v = ring[out];
        out = (out + 1) % CAP;
        consumed++;
        sum += v;
        pthread_mutex_unlock(&mu);
        sem_post(&slots);
    }
    return NULL;
}

int main(void)
{
    pthread_t p[2], c;
    sem_init(&slots, 0, CAP);
    sem_init(&items, 0, 0);
    pthread_create(&p[0], NULL, producer, (void *)0L);
    pthread_create(&p[1], NULL, producer, (void *)2L);
    pthread_create(&c, NULL, consumer, NULL);
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], NULL);
    pthread_join(c, NULL);
    printf("consumed %d sum %d\n", consumed, sum);
    sem_destroy(&slots);
    sem_destroy(&items);
    return 0;
}

// expect: deadlock
//
// The semaphore bounded buffer with the consumer's two waits in the wrong
// order: it takes the mutex, then waits for a full slot while holding it,
// so the producer can never get in to fill one.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CAP 2

static sem_t empty_slots, full_slots;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int buf[CAP], in, out;

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= 3; i++) {
        sem_wait(&empty_slots);
        pthread_mutex_lock(&mu);
        buf[in] = i;
        in = (in + 1) % CAP;
        pthread_mutex_unlock(&mu);
        sem_post(&full_slots);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int sum = 0;
    (void)arg;
    for (int i = 0; i < 3; i++) {
        pthread_mutex_lock(&mu);
        sem_wait(&full_slots);
        sum += buf[out];
        out = (out + 1) % CAP;
        pthread_mutex_unlock(&mu);
        sem_post(&empty_slots);
    }
    return (void *)(long)sum;
}

int main(void)
{
    pthread_t p, c;
    void *sum;
    sem_init(&empty_slots, 0, CAP);
    sem_init(&full_slots, 0, 0);
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, NULL);
    pthread_join(p, NULL);
    pthread_join(c, &sum);
    printf("%ld\n", (long)sum);
    return 0;
}

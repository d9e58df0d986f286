// expect: race
//
// A semaphore bounded buffer written for one producer and one consumer,
// later given a second producer: the semaphores still count correctly,
// but both producers now read and write `in` (and can fill the same
// cell) with nothing ordering them.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define CAP 4

static int ring[CAP], in, out;
static sem_t slots, items;

static void *producer(void *arg)
{
    int v = (int)(long)arg;
    sem_wait(&slots);
    ring[in] = v;
    in = (in + 1) % CAP;
    sem_post(&items);
    return NULL;
}

int main(void)
{
    pthread_t p[2];
    sem_init(&slots, 0, CAP);
    sem_init(&items, 0, 0);
    pthread_create(&p[0], NULL, producer, (void *)10L);
    pthread_create(&p[1], NULL, producer, (void *)20L);
    int sum = 0;
    for (int i = 0; i < 2; i++) {
        sem_wait(&items);
        sum += ring[out];
        out = (out + 1) % CAP;
        sem_post(&slots);
    }
    for (int i = 0; i < 2; i++)
        pthread_join(p[i], NULL);
    printf("sum %d\n", sum);
    return 0;
}

// expect: deadlock
//
// A producer posts one item per slot it fills, but its loop bound is
// off by one (i < n - 1), so the consumer's last sem_wait is never
// posted and main's join of the consumer waits forever.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define N 3

static sem_t items;
static int buf[N];

static void *producer(void *arg)
{
    (void)arg;
    for (int i = 0; i < N - 1; i++) {
        buf[i] = i + 1;
        sem_post(&items);
    }
    return NULL;
}

static void *consumer(void *arg)
{
    int *sum = arg;
    for (int i = 0; i < N; i++) {
        sem_wait(&items);
        *sum += buf[i];
    }
    return NULL;
}

int main(void)
{
    pthread_t p, c;
    int sum = 0;
    sem_init(&items, 0, 0);
    pthread_create(&p, NULL, producer, NULL);
    pthread_create(&c, NULL, consumer, &sum);
    pthread_join(p, NULL);
    pthread_join(c, NULL);
    printf("sum %d\n", sum);
    sem_destroy(&items);
    return 0;
}

// expect: deadlock
//
// The Little Book of Semaphores, 3.3.2: the rendezvous with each thread
// waiting for the other before signalling its own arrival. Both wait,
// neither signals: a deadlock on every interleaving.
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

static sem_t a_arrived, b_arrived;

static void *thread_a(void *arg)
{
    sem_wait(&b_arrived); /* the bug: wait before signal */
    sem_post(&a_arrived);
    return arg;
}

static void *thread_b(void *arg)
{
    sem_wait(&a_arrived);
    sem_post(&b_arrived);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    sem_init(&a_arrived, 0, 0);
    sem_init(&b_arrived, 0, 0);
    pthread_create(&a, NULL, thread_a, NULL);
    pthread_create(&b, NULL, thread_b, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("met\n");
    return 0;
}

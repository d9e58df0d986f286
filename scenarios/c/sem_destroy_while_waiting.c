// expect: panic
//
// Cleanup too early: main destroys the semaphore right after it starts
// the worker, before it posts. If the worker is already blocked in
// sem_wait then, that is undefined ("the effect of destroying a
// semaphore upon which other threads are currently blocked is
// undefined"): the destroy is a step ordered with the wait, so that
// order is explored.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t ready;

static void *worker(void *arg)
{
    (void)arg;
    sem_wait(&ready);
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&ready, 0, 0);
    pthread_create(&t, NULL, worker, NULL);
    sem_destroy(&ready); /* too early */
    sem_init(&ready, 0, 0);
    sem_post(&ready);
    pthread_join(t, NULL);
    printf("done\n");
    return 0;
}

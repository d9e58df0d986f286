// expect: panic
//
// main destroys the completion semaphore as soon as its wait returns,
// but the worker posts twice (one post too many on its way out): the
// second post lands on a destroyed semaphore, undefined in POSIX.
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static sem_t done;

static void *worker(void *arg)
{
    (void)arg;
    sem_post(&done);
    sem_post(&done); /* BUG: posted again on the cleanup path */
    return NULL;
}

int main(void)
{
    pthread_t t;
    sem_init(&done, 0, 0);
    pthread_create(&t, NULL, worker, NULL);
    sem_wait(&done);
    sem_destroy(&done);
    pthread_join(t, NULL);
    printf("done\n");
    return 0;
}

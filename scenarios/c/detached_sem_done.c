// expect: outcomes "sum 6\n"
//
// Detached workers, never joined, each write their own slot and post a
// semaphore when finished; main waits on the semaphore once per worker
// and then reads the slots (sem_post / sem_wait order them).
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

#define N 3

static sem_t done;
static int slot[N];

static void *worker(void *arg)
{
    int i = (int)(long)arg;
    slot[i] = i + 1;
    sem_post(&done);
    return NULL;
}

int main(void)
{
    pthread_attr_t attr;
    int sum = 0;
    sem_init(&done, 0, 0);
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    for (long i = 0; i < N; i++) {
        pthread_t t;
        pthread_create(&t, &attr, worker, (void *)i);
    }
    pthread_attr_destroy(&attr);
    for (int i = 0; i < N; i++)
        sem_wait(&done);
    for (int i = 0; i < N; i++)
        sum += slot[i];
    printf("sum %d\n", sum);
    sem_destroy(&done);
    return 0;
}

// expect: outcomes "got 3 results, 48\n"
//
// A collector polls a results semaphore with sem_trywait and sleeps a
// millisecond when there is nothing (EAGAIN), instead of blocking, so it
// could do other work; each worker publishes its result under a mutex and
// posts once.
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <time.h>

static sem_t ready;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int total;

static void *worker(void *arg)
{
    int v = (int)(long)arg;
    pthread_mutex_lock(&mu);
    total += v;
    pthread_mutex_unlock(&mu);
    sem_post(&ready);
    return NULL;
}

int main(void)
{
    pthread_t t[3];
    sem_init(&ready, 0, 0);
    for (long i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, worker, (void *)(10 + 2 * (i + 2)));
    int got = 0;
    while (got < 3) {
        if (sem_trywait(&ready) == 0) {
            got++;
            continue;
        }
        if (errno != EAGAIN)
            return 1;
        struct timespec ms = {0, 1000000};
        nanosleep(&ms, NULL);
    }
    pthread_mutex_lock(&mu);
    printf("got %d results, %d\n", got, total);
    pthread_mutex_unlock(&mu);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    return 0;
}

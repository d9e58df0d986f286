// expect: ok
//
// The Little Book of Semaphores, 3.5: multiplex. A semaphore of 2 lets
// at most two of the three threads into the critical section at once;
// the occupancy, counted under a lock, never exceeds it.
#include <assert.h>
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

#define N 3

static sem_t multiplex;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int inside, peak;

static void *worker(void *arg)
{
    sem_wait(&multiplex);
    pthread_mutex_lock(&mu);
    inside++;
    if (inside > peak)
        peak = inside;
    assert(inside <= 2);
    pthread_mutex_unlock(&mu);
    pthread_mutex_lock(&mu);
    inside--;
    pthread_mutex_unlock(&mu);
    sem_post(&multiplex);
    return arg;
}

int main(void)
{
    pthread_t t[N];
    sem_init(&multiplex, 0, 2);
    for (int i = 0; i < N; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    assert(peak <= 2);
    printf("done\n");
    return 0;
}

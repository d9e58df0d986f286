// expect: ok
//
// The Little Book of Semaphores, 4.4.2: the dining philosophers with a
// footman, a semaphore of N-1 that lets at most N-1 philosophers sit at
// the table. Each still takes its right fork, then its left, but with one
// seat empty some philosopher always gets both: no deadlock.
#include <semaphore.h>
#include <pthread.h>
#include <stdio.h>

#define N 3

static sem_t footman, fork_sem[N];
static int meals;
static pthread_mutex_t count_mu = PTHREAD_MUTEX_INITIALIZER;

static void *philosopher(void *arg)
{
    int i = (int)(long)arg;
    sem_wait(&footman);
    sem_wait(&fork_sem[(i + 1) % N]);
    sem_wait(&fork_sem[i]);
    pthread_mutex_lock(&count_mu);
    meals++;
    pthread_mutex_unlock(&count_mu);
    sem_post(&fork_sem[i]);
    sem_post(&fork_sem[(i + 1) % N]);
    sem_post(&footman);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    sem_init(&footman, 0, N - 1);
    for (int i = 0; i < N; i++)
        sem_init(&fork_sem[i], 0, 1);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, philosopher, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    printf("%d meals\n", meals);
    return 0;
}

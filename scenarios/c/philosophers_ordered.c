// expect: ok
//
// The dining philosophers, each taking the lower-numbered fork first: the
// forks are taken in one global order, so there is no circular wait and
// no deadlock on any interleaving.
#include <pthread.h>
#include <stdio.h>

#define N 3

static pthread_mutex_t forks[N] = {PTHREAD_MUTEX_INITIALIZER,
                                   PTHREAD_MUTEX_INITIALIZER,
                                   PTHREAD_MUTEX_INITIALIZER};

static void *phil(void *arg)
{
    long i = (long)arg, j = (i + 1) % N;
    pthread_mutex_t *first = &forks[i < j ? i : j];
    pthread_mutex_t *second = &forks[i < j ? j : i];
    pthread_mutex_lock(first);
    pthread_mutex_lock(second);
    printf("philosopher %ld eats\n", i);
    pthread_mutex_unlock(second);
    pthread_mutex_unlock(first);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, phil, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    return 0;
}

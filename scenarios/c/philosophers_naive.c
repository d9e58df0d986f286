// expect: deadlock
//
// The dining philosophers in pthreads, each taking the left fork, then the
// right one: when every philosopher holds a left fork, nobody can take a
// right one, and the program deadlocks (the four Coffman conditions hold).
//   weft cc -o philo philosophers_naive.c && ./philo explore
#include <pthread.h>
#include <stdio.h>

#define N 3

static pthread_mutex_t forks[N];

static void *phil(void *arg)
{
    long i = (long)arg;
    pthread_mutex_t *left = &forks[i], *right = &forks[(i + 1) % N];
    pthread_mutex_lock(left);
    pthread_mutex_lock(right);
    printf("philosopher %ld eats\n", i);
    pthread_mutex_unlock(right);
    pthread_mutex_unlock(left);
    return NULL;
}

int main(void)
{
    pthread_t t[N];
    for (int i = 0; i < N; i++)
        pthread_mutex_init(&forks[i], NULL);
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, phil, (void *)i);
    for (int i = 0; i < N; i++)
        pthread_join(t[i], NULL);
    return 0;
}

// expect: panic
//
// One condition variable used with two different mutexes by two waiters
// (each subsystem brought its own lock): POSIX leaves concurrent waits on
// one condition variable with different mutexes undefined.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu_a = PTHREAD_MUTEX_INITIALIZER, mu_b = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t changed = PTHREAD_COND_INITIALIZER;
static int a_ready, b_ready;

static void *wait_a(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu_a);
    while (!a_ready)
        pthread_cond_wait(&changed, &mu_a);
    pthread_mutex_unlock(&mu_a);
    return NULL;
}

static void *wait_b(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu_b);
    while (!b_ready)
        pthread_cond_wait(&changed, &mu_b);
    pthread_mutex_unlock(&mu_b);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, wait_a, NULL);
    pthread_create(&b, NULL, wait_b, NULL);
    usleep(1000);
    pthread_mutex_lock(&mu_a);
    a_ready = 1;
    pthread_mutex_unlock(&mu_a);
    pthread_mutex_lock(&mu_b);
    b_ready = 1;
    pthread_mutex_unlock(&mu_b);
    pthread_cond_broadcast(&changed);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("both ready\n");
    return 0;
}

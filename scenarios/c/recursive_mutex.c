// expect: outcomes "4\n"
//
// A recursive mutex taken twice by its owner, by two threads.
#define _GNU_SOURCE /* PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP */
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static int n;

static void add(void)
{
    pthread_mutex_lock(&mu);
    n++;
    pthread_mutex_unlock(&mu);
}

static void *work(void *arg)
{
    pthread_mutex_lock(&mu);
    add();
    n++;
    pthread_mutex_unlock(&mu);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, work, NULL);
    pthread_create(&b, NULL, work, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", n);
    return 0;
}

// expect: panic
//
// A waiter that forgot to take the mutex before pthread_cond_wait (the
// lock was taken in a caller on another path): waiting with a mutex the
// thread does not hold is undefined (glibc may return EPERM for an
// error-checking mutex, or corrupt the mutex's state).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *waiter(void *arg)
{
    (void)arg;
    while (!ready)
        pthread_cond_wait(&cv, &mu); /* BUG: mu not locked */
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, waiter, NULL);
    usleep(1000);
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_broadcast(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    printf("ready\n");
    return 0;
}

// expect: panic
//
// Destroying a mutex another thread may still hold: on the interleavings
// where the worker has it, pthread_mutex_destroy meets a locked mutex.
#include <pthread.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *work(void *arg)
{
    pthread_mutex_lock(&mu);
    pthread_mutex_unlock(&mu);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, work, NULL);
    pthread_mutex_destroy(&mu); /* the bug: before the join */
    pthread_join(t, NULL);
    return 0;
}

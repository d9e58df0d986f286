// expect: panic
//
// Cleanup too early: main destroys the condition variable right after it
// starts the worker, before it sets the flag and signals. If the worker
// is already blocked in pthread_cond_wait then, that is undefined
// ("attempting to destroy a condition variable upon which other threads
// are currently blocked results in undefined behavior"): the destroy is
// a scheduling point ordered with the wait, so that order is explored.
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int done;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    while (!done)
        pthread_cond_wait(&cv, &m);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_cond_destroy(&cv); /* too early */
    pthread_mutex_lock(&m);
    done = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    printf("done\n");
    return 0;
}

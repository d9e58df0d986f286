// expect: deadlock
//
// The worker waits on the cond with no predicate: when main signals first,
// the signal is lost and the worker (and main's join) waits forever.
// (issue 15: a program written outside the suite.)
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    pthread_cond_wait(&cv, &mu); /* BUG: no flag checked, a signal sent before is lost */
    pthread_mutex_unlock(&mu);
    puts("worker started");
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_mutex_lock(&mu);
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    pthread_join(t, NULL);
    return 0;
}

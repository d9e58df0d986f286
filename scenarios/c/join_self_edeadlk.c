// expect: outcomes "self join: EDEADLK\nworker 5\n"
//
// A shutdown helper that joins "the worker thread" is called from the
// worker itself: pthread_join of the calling thread fails with EDEADLK
// (glibc detects it), the helper reports it, and the program goes on.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>

static pthread_t worker_tid;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int result;

static void stop_worker(void)
{
    int rc = pthread_join(worker_tid, NULL);
    if (rc == EDEADLK)
        printf("self join: EDEADLK\n");
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    result = 5;
    pthread_mutex_unlock(&mu);
    stop_worker();
    return NULL;
}

int main(void)
{
    pthread_mutex_lock(&mu);
    pthread_create(&worker_tid, NULL, worker, NULL);
    pthread_mutex_unlock(&mu);
    pthread_join(worker_tid, NULL);
    printf("worker %d\n", result);
    return 0;
}

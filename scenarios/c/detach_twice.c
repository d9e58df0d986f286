// expect: panic
//
// A thread detached by its creator and again by itself: the second
// pthread_detach names a thread that is not joinable (undefined; glibc
// returns EINVAL).
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int finished;

static void *worker(void *arg)
{
    (void)arg;
    pthread_detach(pthread_self());
    pthread_mutex_lock(&mu);
    finished = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    pthread_mutex_lock(&mu);
    while (!finished)
        pthread_cond_wait(&cv, &mu);
    pthread_mutex_unlock(&mu);
    printf("finished\n");
    return 0;
}

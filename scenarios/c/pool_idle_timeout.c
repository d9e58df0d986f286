// expect: outcomes "done 3, workers left 0\n"
//
// Workers of an elastic pool wait for work with a 1 s idle timeout
// (pthread_cond_timedwait on an absolute deadline) and exit when it
// passes with nothing to do; main submits three jobs, then waits until
// every worker has retired.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t work = PTHREAD_COND_INITIALIZER;
static pthread_cond_t retired = PTHREAD_COND_INITIALIZER;
static int jobs, done, workers = 2;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&mu);
    for (;;) {
        struct timespec dl;
        int rc = 0;
        clock_gettime(CLOCK_REALTIME, &dl);
        dl.tv_sec += 1;
        while (jobs == 0 && rc != ETIMEDOUT)
            rc = pthread_cond_timedwait(&work, &mu, &dl);
        if (jobs == 0)
            break;
        jobs--;
        done++;
    }
    workers--;
    pthread_cond_signal(&retired);
    pthread_mutex_unlock(&mu);
    return NULL;
}

int main(void)
{
    pthread_t t[2];
    for (int i = 0; i < 2; i++) {
        pthread_create(&t[i], NULL, worker, NULL);
        pthread_detach(t[i]);
    }
    pthread_mutex_lock(&mu);
    jobs = 3;
    pthread_cond_broadcast(&work);
    while (workers > 0)
        pthread_cond_wait(&retired, &mu);
    printf("done %d, workers left %d\n", done, workers);
    pthread_mutex_unlock(&mu);
    return 0;
}

// expect: outcomes "ready after 1s, lock ETIMEDOUT\n"
//
// The clock-taking variants glibc added (pthread_cond_clockwait,
// pthread_mutex_clocklock) with CLOCK_MONOTONIC deadlines, and a worker
// that names itself with pthread_setname_np: the worker signals after one
// second; main then finds the lock the worker keeps held and gives up at
// its deadline.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t dev = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int ready;

static void *worker(void *arg)
{
    (void)arg;
    pthread_setname_np(pthread_self(), "worker");
    pthread_mutex_lock(&dev);
    sleep(1);
    pthread_mutex_lock(&mu);
    ready = 1;
    pthread_cond_signal(&cv);
    pthread_mutex_unlock(&mu);
    sleep(5);
    pthread_mutex_unlock(&dev);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec start, dl, now;
    int rc = 0;
    clock_gettime(CLOCK_MONOTONIC, &start);
    pthread_create(&t, NULL, worker, NULL);
    dl = start;
    dl.tv_sec += 3;
    pthread_mutex_lock(&mu);
    while (!ready && rc == 0)
        rc = pthread_cond_clockwait(&cv, &mu, CLOCK_MONOTONIC, &dl);
    pthread_mutex_unlock(&mu);
    clock_gettime(CLOCK_MONOTONIC, &now);
    dl = now;
    dl.tv_sec += 1;
    rc = pthread_mutex_clocklock(&dev, CLOCK_MONOTONIC, &dl);
    printf("%s after %lds, lock %s\n", ready ? "ready" : "timeout",
           (long)(now.tv_sec - start.tv_sec), rc == ETIMEDOUT ? "ETIMEDOUT" : "ok");
    if (rc == 0)
        pthread_mutex_unlock(&dev);
    pthread_join(t, NULL);
    return 0;
}

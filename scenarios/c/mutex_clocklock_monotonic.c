// expect: outcomes "got it after wait\n" "got it at once\n"
//
// pthread_mutex_clocklock with CLOCK_MONOTONIC (glibc 2.30): main tries
// to take a lock a worker holds for 50 ms, with a 1 s monotonic
// deadline; it gets the lock when the worker releases it (or at once if
// the worker has not taken it yet), never ETIMEDOUT.
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int worker_had_it;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&m);
    worker_had_it = 1;
    usleep(50 * 1000);
    pthread_mutex_unlock(&m);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    struct timespec dl;
    clock_gettime(CLOCK_MONOTONIC, &dl);
    dl.tv_sec += 1;
    int rc = pthread_mutex_clocklock(&m, CLOCK_MONOTONIC, &dl);
    if (rc != 0) {
        printf("clocklock: %d\n", rc);
        return 1;
    }
    int after = worker_had_it;
    pthread_mutex_unlock(&m);
    pthread_join(t, NULL);
    printf("got it %s\n", after ? "after wait" : "at once");
    return 0;
}

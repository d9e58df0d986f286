// expect: outcomes "busy\n" "got it\n"
//
// A watchdog tries the device lock with pthread_mutex_timedlock and a
// CLOCK_REALTIME deadline 1 s away; a worker holds it for 3 s of (virtual)
// sleep. Depending on who gets there first, the watchdog times out
// (ETIMEDOUT: "busy") or gets the lock at once.
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t dev = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&dev);
    sleep(3);
    pthread_mutex_unlock(&dev);
    return NULL;
}

int main(void)
{
    pthread_t t;
    struct timespec dl;
    int rc;
    pthread_create(&t, NULL, worker, NULL);
    clock_gettime(CLOCK_REALTIME, &dl);
    dl.tv_sec += 1;
    rc = pthread_mutex_timedlock(&dev, &dl);
    if (rc == ETIMEDOUT) {
        puts("busy");
    } else {
        puts("got it");
        pthread_mutex_unlock(&dev);
    }
    pthread_join(t, NULL);
    return 0;
}

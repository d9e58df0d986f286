// expect: livelock
//
// main polls a flag under a mutex that the worker never sets (it only
// prints under the mutex): natively the program hangs. The lock-read-
// unlock loop changes nothing, so main waits for a write of the flag,
// and when the worker has ended no task is left to write it: a livelock
// at the lock (before: no finding, 10 s and 1e18 executions left).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int done;

static void *worker(void *arg)
{
    pthread_mutex_lock(&mu);
    printf("worker\n");
    pthread_mutex_unlock(&mu);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    for (;;) {
        pthread_mutex_lock(&mu);
        int d = done;
        pthread_mutex_unlock(&mu);
        if (d)
            break;
    }
    pthread_join(t, NULL);
    printf("ok\n");
    return 0;
}

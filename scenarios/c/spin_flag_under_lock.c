// expect: ok
//
// main polls a flag under a mutex (lock, read, unlock, repeat) until a
// worker sets it under the same mutex. A lock and an unlock with only
// reads between leave the mutex as it was: the await check lets main
// wait for a write of the flag, and the search completes (before, every
// iteration counted as a write: 546 executions in 10 s, 1e18 left).
#include <pthread.h>
#include <stdio.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int done;

static void *worker(void *arg)
{
    pthread_mutex_lock(&mu);
    done = 1;
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

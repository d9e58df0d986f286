// expect: race
//
// main polls a plain int flag, sleeping between looks, until the worker
// sets it, then reads the result: the flag is no synchronisation (no
// atomic, no lock), so the flag and the result are data races.
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static int done;
static int result;

static void *worker(void *arg)
{
    (void)arg;
    result = 6 * 7;
    done = 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    while (!done)
        usleep(1000);
    printf("%d\n", result);
    pthread_join(t, NULL);
    return 0;
}

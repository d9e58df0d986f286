// expect: race
//
// A detached worker updates a statistics counter; main returns without
// waiting for it, and a __attribute__((destructor)) function (run by
// exit, after main) prints the counter. Nothing orders the worker's
// write with the destructor's read: the worker may still be running when
// the destructor reads.
#include <pthread.h>
#include <stdio.h>

static long handled;

__attribute__((destructor)) static void report(void)
{
    printf("handled %ld\n", handled);
}

static void *worker(void *arg)
{
    (void)arg;
    handled += 1;
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    pthread_detach(t);
    return 0;
}

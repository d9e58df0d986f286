// expect: race panic
//
// The share is computed while a worker may already have signed off and
// set the worker count to zero: the division traps (SIGFPE), a panic at
// main's line, beside the race on the count that lets it happen.
#include <pthread.h>
#include <stdio.h>

static int workers = 1;

static void *sign_off(void *arg)
{
    (void)arg;
    workers = 0;
    return NULL;
}

int main(void)
{
    pthread_t t;
    int total = 100;
    pthread_create(&t, NULL, sign_off, NULL);
    int share = total / workers;
    pthread_join(t, NULL);
    printf("share %d\n", share);
    return 0;
}

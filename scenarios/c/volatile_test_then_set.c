// expect: race
//
// A home-made lock: wait while the volatile flag is set, then set it.
// volatile is not atomic: the test and the set are two plain accesses,
// two threads can both see 0 and both enter, and the flag itself is
// raced on.
#include <pthread.h>
#include <stdio.h>

static volatile int busy;
static int shared;

static void *worker(void *arg)
{
    (void)arg;
    while (busy)
        ;
    busy = 1;
    shared++;
    busy = 0;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, NULL);
    pthread_create(&b, NULL, worker, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", shared);
    return 0;
}

// expect: race assert
//
// Two threads increment a plain int without a lock: a data race on
// counter, and on some interleavings a lost update (both read 0, both
// write 1), which the assert catches.
#include <assert.h>
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *inc(void *arg)
{
    (void)arg;
    counter++;
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, inc, NULL);
    pthread_create(&b, NULL, inc, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(counter == 2);
    printf("%d\n", counter);
    return 0;
}

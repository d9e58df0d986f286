// expect: race
//
// The same message passing with a plain int as the flag: a data race on
// the flag (and, in C, undefined behaviour). weft finds it even though
// the spinning thread reads the flag before anyone writes it.
#include <pthread.h>
#include <stdio.h>

static int ready;
static int data;

static void *reader(void *arg)
{
    while (!ready)
        ;
    printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    ready = 1;
    pthread_join(t, NULL);
    return 0;
}

// expect: outcomes "" "42\n"
//
// Message passing through sequentially consistent atomics (the default of
// atomic_store and atomic_load): no race on the payload.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    if (atomic_load(&ready))
        printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_store(&ready, 1);
    pthread_join(t, NULL);
    return 0;
}

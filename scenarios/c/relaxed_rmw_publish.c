// expect: race
//
// A relaxed read-modify-write releases nothing: the reader's acquire load
// that reads the increment is not ordered after the writer's payload
// store, so the payload races (with a release increment it would not).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    if (atomic_load_explicit(&ready, memory_order_acquire) == 1)
        printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_fetch_add_explicit(&ready, 1, memory_order_relaxed);
    pthread_join(t, NULL);
    return 0;
}

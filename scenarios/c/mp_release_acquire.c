// expect: outcomes "" "42\n"
//
// Message passing through a release store and an acquire load: the load
// that reads the store synchronizes with it, so the payload written
// before the store happens before the read after the load (no race).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    if (atomic_load_explicit(&ready, memory_order_acquire))
        printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_store_explicit(&ready, 1, memory_order_release);
    pthread_join(t, NULL);
    return 0;
}

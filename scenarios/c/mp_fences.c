// expect: outcomes "" "42\n"
//
// Message passing through a relaxed flag between fences: a release fence
// before the relaxed store and an acquire fence after the relaxed load
// that reads it synchronize (C11 7.17.4), so the payload does not race.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *reader(void *arg)
{
    if (atomic_load_explicit(&ready, memory_order_relaxed)) {
        atomic_thread_fence(memory_order_acquire);
        printf("%d\n", data);
    }
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&ready, 1, memory_order_relaxed);
    pthread_join(t, NULL);
    return 0;
}

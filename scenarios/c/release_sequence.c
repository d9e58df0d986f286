// expect: outcomes "" "42\n"
//
// A release sequence: the writer's release store is followed by a relaxed
// read-modify-write of another thread; the reader's acquire load that
// reads the RMW's value still synchronizes with the release store (C11
// 5.1.2.4), so the payload does not race.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int ready;
static int data;

static void *bump(void *arg)
{
    atomic_fetch_add_explicit(&ready, 1, memory_order_relaxed);
    return arg;
}

static void *reader(void *arg)
{
    if (atomic_load_explicit(&ready, memory_order_acquire) == 2)
        printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t, u;
    pthread_create(&t, NULL, reader, NULL);
    pthread_create(&u, NULL, bump, NULL);
    data = 42;
    atomic_store_explicit(&ready, 1, memory_order_release);
    pthread_join(t, NULL);
    pthread_join(u, NULL);
    return 0;
}

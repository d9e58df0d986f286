// expect: ok
//
// Message passing where both the payload and the flag are relaxed
// atomics: no data race (atomics never race), but nothing orders the
// payload's store before the flag's, so a reader that sees the flag may
// still read the payload as 0 under C11 (ARM and POWER show it). In
// every sequentially consistent interleaving it reads 42: weft finds
// nothing, and its summary says the search covered only those.
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int data, ready;

static void *writer(void *arg)
{
    (void)arg;
    atomic_store_explicit(&data, 42, memory_order_relaxed);
    atomic_store_explicit(&ready, 1, memory_order_relaxed);
    return NULL;
}

static void *reader(void *arg)
{
    (void)arg;
    if (atomic_load_explicit(&ready, memory_order_relaxed))
        assert(atomic_load_explicit(&data, memory_order_relaxed) == 42);
    return NULL;
}

int main(void)
{
    pthread_t w, r;
    pthread_create(&w, NULL, writer, NULL);
    pthread_create(&r, NULL, reader, NULL);
    pthread_join(w, NULL);
    pthread_join(r, NULL);
    return 0;
}

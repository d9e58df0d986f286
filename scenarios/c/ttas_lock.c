// expect: outcomes "2\n"
//
// A test-and-test-and-set spinlock: relaxed loads while the lock looks
// taken, an acquire exchange to take it, a release store to give it back.
// The exchange that takes the lock reads the release store that gave it
// back, so the critical sections are ordered (no race on counter).
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int locked;
static int counter;

static void lock(void)
{
    for (;;) {
        while (atomic_load_explicit(&locked, memory_order_relaxed))
            ;
        if (!atomic_exchange_explicit(&locked, 1, memory_order_acquire))
            return;
    }
}

static void unlock(void)
{
    atomic_store_explicit(&locked, 0, memory_order_release);
}

static void *worker(void *arg)
{
    lock();
    counter++;
    unlock();
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    worker(NULL);
    pthread_join(t, NULL);
    printf("%d\n", counter);
    return 0;
}

// expect: leak
//
// main returns while one thread spins on a flag another thread has not
// set yet: the program ends there, so the spinning thread is cut off at
// exit (a leak warning, as a thread blocked at exit is), not a livelock:
// the setter could still have run.
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag;

static void *waiter(void *arg)
{
    while (!atomic_load_explicit(&flag, memory_order_relaxed))
        ;
    return arg;
}

static void *setter(void *arg)
{
    atomic_store_explicit(&flag, 1, memory_order_relaxed);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, waiter, NULL);
    pthread_create(&b, NULL, setter, NULL);
    return 0;
}

// expect: outcomes "42\n"
//
// The flag is a C11 atomic, stored with release and polled with acquire:
// the result written before the store is visible after the load.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <unistd.h>

static atomic_int done;
static int result;

static void *worker(void *arg)
{
    (void)arg;
    result = 6 * 7;
    atomic_store_explicit(&done, 1, memory_order_release);
    return NULL;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, worker, NULL);
    while (!atomic_load_explicit(&done, memory_order_acquire))
        usleep(1000);
    printf("%d\n", result);
    pthread_join(t, NULL);
    return 0;
}

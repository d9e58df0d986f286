// expect: outcomes "max 9\n"
//
// A global maximum kept with a compare-exchange loop: each thread
// offers its values and retries while its value is larger than the
// current one and the exchange fails.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int max_seen;

static void offer(int v)
{
    int cur = atomic_load(&max_seen);
    while (v > cur && !atomic_compare_exchange_weak(&max_seen, &cur, v))
        ;
}

static void *worker(void *arg)
{
    const int *vals = arg;
    offer(vals[0]);
    offer(vals[1]);
    return NULL;
}

int main(void)
{
    static const int va[] = {4, 9}, vb[] = {7, 8};
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)va);
    pthread_create(&b, NULL, worker, (void *)vb);
    offer(5);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("max %d\n", atomic_load(&max_seen));
    return 0;
}

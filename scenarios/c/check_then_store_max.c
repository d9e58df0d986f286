// expect: assert
//
// The maximum kept with an atomic load and an atomic store instead of a
// compare-exchange: no data race (every access is atomic), but the
// check and the store are not one step, so a smaller value can
// overwrite a larger one stored in between; the final check fails.
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int max_seen;

static void offer(int v)
{
    if (v > atomic_load(&max_seen))
        atomic_store(&max_seen, v);
}

static void *worker(void *arg)
{
    offer((int)(long)arg);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, worker, (void *)9L);
    pthread_create(&b, NULL, worker, (void *)7L);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(atomic_load(&max_seen) == 9);
    printf("max %d\n", atomic_load(&max_seen));
    return 0;
}

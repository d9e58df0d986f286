// expect: ok
//
// Store buffering with seq_cst stores and loads: the single total order
// of seq_cst operations puts one store before the other thread's load,
// so at least one thread reads 1 and the assertion holds (C11 7.17.3).
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y;
static int r0, r1;

static void *t0(void *arg)
{
    (void)arg;
    atomic_store(&x, 1);
    r0 = atomic_load(&y);
    return NULL;
}

static void *t1(void *arg)
{
    (void)arg;
    atomic_store(&y, 1);
    r1 = atomic_load(&x);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, t0, NULL);
    pthread_create(&b, NULL, t1, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    assert(r0 == 1 || r1 == 1);
    return 0;
}

// expect: outcomes "r0=0 r1=0\n" "r0=0 r1=1\n" "r0=1 r1=0\n"
//
// Load buffering: each thread loads one variable, then stores 1 to the
// other, relaxed. C11 also allows r0=1 r1=1 (each load reading the other
// thread's later store; ARM and POWER can show it, x86 cannot); the
// sequentially consistent interleavings weft explores give the other three.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int x, y;
static int r0, r1;

static void *t0(void *arg)
{
    (void)arg;
    r0 = atomic_load_explicit(&x, memory_order_relaxed);
    atomic_store_explicit(&y, 1, memory_order_relaxed);
    return NULL;
}

static void *t1(void *arg)
{
    (void)arg;
    r1 = atomic_load_explicit(&y, memory_order_relaxed);
    atomic_store_explicit(&x, 1, memory_order_relaxed);
    return NULL;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, t0, NULL);
    pthread_create(&b, NULL, t1, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("r0=%d r1=%d\n", r0, r1);
    return 0;
}

// expect: outcomes "sum 7.5\n"
//
// An _Atomic double accumulated with a compare-exchange loop (C11 has no
// fetch_add for floating types): three threads add 1.5, 2.5 and 3.5.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static _Atomic double total;

static void *adder(void *arg)
{
    double v = *(double *)arg;
    double old = atomic_load(&total);
    while (!atomic_compare_exchange_weak(&total, &old, old + v))
        ;
    return NULL;
}

int main(void)
{
    static double vals[3] = {1.5, 2.5, 3.5};
    pthread_t t[3];
    for (int i = 0; i < 3; i++)
        pthread_create(&t[i], NULL, adder, &vals[i]);
    for (int i = 0; i < 3; i++)
        pthread_join(t[i], NULL);
    printf("sum %.1f\n", atomic_load(&total));
    return 0;
}

// expect: outcomes "2\n"
//
// C11 atomics: two atomic increments never lose one another.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int n;

static void *work(void *arg)
{
    atomic_fetch_add(&n, 1);
    return arg;
}

int main(void)
{
    pthread_t a, b;
    pthread_create(&a, NULL, work, NULL);
    pthread_create(&b, NULL, work, NULL);
    pthread_join(a, NULL);
    pthread_join(b, NULL);
    printf("%d\n", atomic_load(&n));
    return 0;
}

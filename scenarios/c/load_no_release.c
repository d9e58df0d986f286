// expect: race
//
// Two threads that only load the same atomic do not synchronize, even
// with seq_cst loads (a load is no release operation, C11 5.1.2.4): the
// plain write before one load races with the plain read after the other.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int flag;
static int data;

static void *reader(void *arg)
{
    (void)atomic_load(&flag);
    printf("%d\n", data);
    return arg;
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, reader, NULL);
    data = 42;
    (void)atomic_load(&flag);
    pthread_join(t, NULL);
    return 0;
}

// expect: race
//
// A thread publishes the address of its thread-local variable and then
// writes it; main reads it through the pointer with nothing ordering the
// read and the write: a data race on the owner's copy (thread-local
// storage is memory like any other once its address escapes). The owner
// waits for main to be done before it ends, and its copy with it.
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static __thread int slot;
static _Atomic(int *) published;
static atomic_int done;

static void *owner(void *arg)
{
    (void)arg;
    atomic_store(&published, &slot);
    slot = 5;
    while (!atomic_load(&done))
        ;
    return NULL;
}

int main(void)
{
    pthread_t a;
    int *p, v;
    pthread_create(&a, NULL, owner, NULL);
    while (!(p = atomic_load(&published)))
        ;
    v = *p;
    atomic_store(&done, 1);
    pthread_join(a, NULL);
    printf("%d\n", v == 0 || v == 5);
    return 0;
}
